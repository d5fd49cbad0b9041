/* screen_receipt.c - a receipt or a credit note as text on the screen,
 * as it would print: nothing is written or logged by looking at it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

static const struct tui_key screen_receipt_keys[] = {
    TUI_LINES_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to where the receipt was opened"),
        TUI_A_CLOSE},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

const struct tui_screen_class screen_receipt_class = {
    .name = "Receipt",
    .title = N_("Receipt"),
    .keys = screen_receipt_keys,
    .nkeys = TUI_NKEYS(screen_receipt_keys),
    .draw = tui_lines_screen_draw,
    .action = tui_lines_screen_action,
    .free = tui_lines_screen_free,
};

/* The document's text width: the configured one, narrower when the
 * terminal is. */
static int
text_width(struct tui *t)
{
	int width = t->svc->cfg.text_width < COLS - 4 ? 0 : COLS - 4;

	return width != 0 && width < 32 ? 32 : width;
}

static struct tui_screen *
text_view(struct tui *t, const char *title, char *text, struct pd_err *err)
{
	struct tui_lines l = {0};
	char *line, *end;

	if (text == NULL) {
		tui_message(t, 1, "%s", err->msg);
		return NULL;
	}
	for (line = text; *line != '\0'; line = end + 1) {
		if ((end = strchr(line, '\n')) == NULL)
			end = line + strlen(line) - 1; /* the last, unended */
		else
			*end = '\0';
		tui_lines_add(&l, 0, "%s", line);
	}
	free(text);
	return tui_lines_screen(&screen_receipt_class, title, &l);
}

struct tui_screen *
screen_receipt_new(struct tui *t, const char *number)
{
	struct pd_err err;

	return text_view(t, N_("Receipt"),
	    svc_receipt_preview(t->svc, number, text_width(t), &err), &err);
}

struct tui_screen *
screen_credit_text_new(struct tui *t, const char *cn_no)
{
	struct pd_err err;

	return text_view(t, N_("Credit note"),
	    svc_credit_preview(t->svc, cn_no, text_width(t), &err), &err);
}
