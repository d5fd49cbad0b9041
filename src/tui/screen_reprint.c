/* screen_reprint.c - reprint a receipt by its number: the service writes a
 * copy marked COPY, logs it and sends it to the print command. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

enum { A_PRINT, A_BACK };

static const struct tui_key screen_reprint_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Reprint"),
        N_("write a copy of the receipt and print it"), A_PRINT},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the home screen"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct reprint {
	struct tui_screen sc;
	struct tui_field number;
	char done[PATH_MAX + 128];
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct reprint *r = (struct reprint *)sc;

	attron(A_BOLD);
	tui_text(2, 2, _("Reprint a receipt"), COLS - 4);
	attroff(A_BOLD);
	tui_text(
	    4, 2, _("Receipt number, payment id or transaction id"), COLS - 4);
	tui_field_draw(t, &r->number, 5, 2, 40, 1);
	if (r->done[0] != '\0')
		tui_wrap(7, 2, r->done, COLS - 4, 3);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct reprint *r = (struct reprint *)sc;

	if (a == A_BACK)
		return TUI_CLOSE;
	if (r->number.len == 0) {
		tui_message(t, 1, "%s", _("Type a receipt number first"));
		return TUI_HANDLED;
	}
	tui_reprint(t, r->number.buf, r->done, sizeof r->done);
	return TUI_HANDLED;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct reprint *r = (struct reprint *)sc;

	(void)t;
	if (!tui_field_input(&r->number, key, ch))
		return 0;
	r->done[0] = '\0';
	return TUI_HANDLED;
}

const struct tui_screen_class screen_reprint_class = {
    .name = "Reprint",
    .title = N_("Reprint a receipt"),
    .keys = screen_reprint_keys,
    .nkeys = TUI_NKEYS(screen_reprint_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .fields = 1,
};

struct tui_screen *
screen_reprint_new(void)
{
	struct reprint *r = xcalloc(1, sizeof *r);

	r->sc.cls = &screen_reprint_class;
	r->sc.typing = 1;
	r->number.max = 63;
	return &r->sc;
}
