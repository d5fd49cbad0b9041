/* screen_menu.c - a menu of actions drawn over the screen below it (the
 * row action menu of the back office lists). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

enum { A_RUN, A_BACK };

static const struct tui_key screen_menu_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Run"), N_("run the action selected"), A_RUN},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Close"), N_("close the menu"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

#define MENU_MAX 12

struct menu {
	struct tui_screen sc;
	char title[64];
	struct tui_menu_item items[MENU_MAX];
	int n;
	struct tui_list list;
	tui_menu_fn fn;
	void *arg;
};

static const struct xcol cols[] = {{NULL, "action", X_TEXT, 0, 0}};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	c[0].s = ((struct menu *)arg)->items[row].label;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct menu *m = (struct menu *)sc;
	int i, w = utf8_columns(m->title, strlen(m->title)) + 4, h, y, x;

	if (sc->below != NULL)
		sc->below->cls->draw(sc->below, t);
	t->cur_y = -1;
	for (i = 0; i < m->n; i++) {
		int c =
		    utf8_columns(m->items[i].label, strlen(m->items[i].label));

		if (c + 6 > w)
			w = c + 6;
	}
	h = m->n + 2;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	for (i = 0; i < h; i++) {
		move(y + i, x);
		hline(' ', w);
	}
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attron(A_BOLD);
	tui_text(y, x + 2, m->title, w - 4);
	attroff(A_BOLD);
	tui_list_draw(t, &m->list, y + 1, x + 1, w - 2, m->n);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct menu *m = (struct menu *)sc;

	if (tui_list_action(&m->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_RUN:
		if (m->n > 0)
			t->push_after =
			    m->fn(t, m->arg, m->items[m->list.sel].id);
		return TUI_CLOSE;
	}
	return 0;
}

const struct tui_screen_class screen_menu_class = {
    .name = "Actions",
    .title = N_("Actions"),
    .keys = screen_menu_keys,
    .nkeys = TUI_NKEYS(screen_menu_keys),
    .draw = draw,
    .action = action,
};

struct tui_screen *
screen_menu_new(const char *title, const struct tui_menu_item *items, int n,
    tui_menu_fn fn, void *arg)
{
	struct menu *m = xcalloc(1, sizeof *m);

	xstrlcpy(m->title, title, sizeof m->title);
	if (n > MENU_MAX)
		n = MENU_MAX;
	memcpy(m->items, items, sizeof *items * (size_t)n);
	m->n = n;
	m->fn = fn;
	m->arg = arg;
	tui_list_init(&m->list, cols, 1, cells, m);
	m->list.header = 0;
	tui_list_set(&m->list, (size_t)n);
	m->sc.cls = &screen_menu_class;
	return &m->sc;
}
