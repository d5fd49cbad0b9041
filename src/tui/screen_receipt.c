/* screen_receipt.c - a receipt as text on the screen, as it would print:
 * nothing is written or logged by looking at it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "paydesk/xmalloc.h"

enum { A_BACK };

const struct tui_key screen_receipt_keys[] = {
    TUI_LINES_KEYS,
    {TUI_KEY_ESC, "Esc", "Back", "back to where the receipt was opened",
        A_BACK},
    {KEY_F(1), "F1", "Help", "this help", -1},
};
const size_t screen_receipt_nkeys =
    sizeof screen_receipt_keys / sizeof screen_receipt_keys[0];

struct receipt {
	struct tui_screen sc;
	struct tui_lines l;
};

static int
rows(void)
{
	return LINES - 4;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct receipt *r = (struct receipt *)sc;

	(void)t;
	tui_lines_scroll(&r->l, 0, rows());
	tui_lines_draw(&r->l, 1, 2, rows());
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct receipt *r = (struct receipt *)sc;

	(void)t;
	if (tui_lines_action(&r->l, a, rows()))
		return TUI_HANDLED;
	return a == A_BACK ? TUI_CLOSE : 0;
}

static void
free_receipt(struct tui_screen *sc)
{
	tui_lines_free(&((struct receipt *)sc)->l);
}

struct tui_screen *
screen_receipt_new(struct tui *t, const char *number)
{
	struct receipt *r;
	struct pd_err err;
	/* the configured width, narrower when the terminal is */
	int width = t->svc->cfg.text_width < COLS - 4 ? 0 : COLS - 4;
	char *text, *line, *end;

	if (width != 0 && width < 32)
		width = 32;
	text = svc_receipt_preview(t->svc, number, width, &err);
	if (text == NULL) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	for (line = text; *line != '\0'; line = end + 1) {
		if ((end = strchr(line, '\n')) == NULL)
			end = line + strlen(line) - 1; /* the last, unended */
		else
			*end = '\0';
		tui_lines_add(&r->l, 0, "%s", line);
	}
	free(text);
	r->sc.title = "Receipt";
	r->sc.keys = screen_receipt_keys;
	r->sc.nkeys = screen_receipt_nkeys;
	r->sc.draw = draw;
	r->sc.action = action;
	r->sc.free = free_receipt;
	return &r->sc;
}
