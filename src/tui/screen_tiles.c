/* screen_tiles.c - the dashboard's KPI tiles of the signed-in user
 * (issue 23, seed 002's customizable KPI tiles): every tile the
 * dashboard has, the chosen ones first in their order; Space shows or
 * hides the chosen row, [ and ] move it, Enter keeps the choice in the
 * store (svc_tiles_set, as `paydesk dashboard tiles set` does). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_TOGGLE, A_EARLIER, A_LATER, A_SAVE, A_BACK };

static const struct tui_key screen_tiles_keys[] = {
    {' ', "Space", N_("Show"), N_("show or hide the chosen tile"), A_TOGGLE},
    {'[', "[", NULL, N_("move the chosen tile one place earlier"),
        A_EARLIER},
    {']', "]", NULL, N_("move the chosen tile one place later"), A_LATER},
    {TUI_KEY_ENTER, "Enter", N_("Save"),
        N_("keep these tiles in this order for you"), A_SAVE},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without changing them"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct xcol cols[] = {
    {N_("Place"), "place", X_TEXT, 6, 6},
    {N_("Tile"), "tile", X_ID, 30, 12},
};

struct tilesv {
	struct tui_screen sc;
	enum svc_tile order[SVC_TILES]; /* shown first, then the others */
	int nshown;
	struct tui_list list;
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct tilesv *v = arg;

	(void)t;
	memset(c, 0, sizeof *c * 2);
	if ((int)row < v->nshown) {
		snprintf(buf, 8, "%d", (int)row + 1);
		c[0].s = buf;
	} else
		c[0].s = "-";
	c[1].s = svc_tile_title(v->order[row]);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct tilesv *v = (struct tilesv *)sc;
	int y = 2;

	attron(A_BOLD);
	tui_text(y++, 2, _("Your dashboard's tiles, in order"), COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	y += tui_wrap(y, 2,
	    _("One to four are shown, left to right; a - row is hidden."),
	    COLS - 4, 2);
	attroff(A_DIM);
	y++;
	tui_list_draw(t, &v->list, y, 2, COLS - 4, LINES - 3 - y);
}

/* Swap rows a and b, the selection following the one moved. */
static void
swap(struct tilesv *v, size_t a, size_t b)
{
	enum svc_tile x = v->order[a];

	v->order[a] = v->order[b];
	v->order[b] = x;
	v->list.sel = b;
}

static int
save(struct tilesv *v, struct tui *t)
{
	char words[160];
	size_t at = 0;
	struct pd_err err;
	int i;

	words[0] = '\0';
	for (i = 0; i < v->nshown; i++)
		at += (size_t)snprintf(words + at, sizeof words - at, "%s%s",
		    i ? "," : "", svc_tile_word(v->order[i]));
	if (v->nshown == 0) {
		tui_message(t, 1, "%s", _("Show one tile at least"));
		return TUI_HANDLED;
	}
	if (svc_tiles_set(t->svc, words, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	t->list_gen++; /* the dashboard reads its tiles again */
	tui_message(t, 0, "%s", _("Your tiles are kept"));
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct tilesv *v = (struct tilesv *)sc;
	size_t s = v->list.sel;

	if (tui_list_action(&v->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_TOGGLE:
		if ((int)s < v->nshown) {
			/* hidden: after the shown ones */
			for (; (int)s + 1 < v->nshown; s++)
				swap(v, s, s + 1);
			v->nshown--;
		} else if (v->nshown == SVC_TILES_SHOWN) {
			tui_message(t, 1, _("At most %d tiles are shown"),
			    SVC_TILES_SHOWN);
		} else {
			/* shown: last of the shown ones */
			for (; (int)s > v->nshown; s--)
				swap(v, s, s - 1);
			v->nshown++;
		}
		return TUI_HANDLED;
	case A_EARLIER:
		if (s > 0 && (int)s < v->nshown)
			swap(v, s, s - 1);
		return TUI_HANDLED;
	case A_LATER:
		if ((int)s + 1 < v->nshown)
			swap(v, s, s + 1);
		return TUI_HANDLED;
	case A_SAVE:
		return save(v, t);
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_tiles(struct tui_screen *sc)
{
	tui_list_free(&((struct tilesv *)sc)->list);
}

const struct tui_screen_class screen_tiles_class = {
    .name = "Dashboard tiles",
    .title = N_("Dashboard tiles"),
    .keys = screen_tiles_keys,
    .nkeys = TUI_NKEYS(screen_tiles_keys),
    .draw = draw,
    .action = action,
    .free = free_tiles,
};

struct tui_screen *
screen_tiles_new(struct tui *t)
{
	struct tilesv *v = xcalloc(1, sizeof *v);
	enum svc_tile tl[SVC_TILES_SHOWN];
	struct pd_err err;
	int n = 0, i, k, chosen;

	if (svc_tiles(t->svc, tl, &n, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		free(v);
		return NULL;
	}
	for (i = 0; i < n; i++)
		v->order[i] = tl[i];
	v->nshown = n;
	for (k = 0; k < SVC_TILES; k++) {
		for (chosen = 0, i = 0; i < n; i++)
			chosen |= tl[i] == (enum svc_tile)k;
		if (!chosen)
			v->order[n++] = (enum svc_tile)k;
	}
	tui_list_init(&v->list, cols, 2, cells, v);
	v->list.sorted = -1;
	tui_list_set(&v->list, SVC_TILES);
	v->sc.cls = &screen_tiles_class;
	return &v->sc;
}
