/* screen_shift_x_sign.c - a cashier's X report asks a supervisor first
 * (fault 15): what the drawer should hold is not the cashier's to see
 * before the blind close. The supervisor's user name and PIN, checked by
 * the service (as a pay-out above the approval amount is), then the X
 * report in this screen's place. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

static const struct tui_key screen_shift_x_sign_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("x report", "Show"),
        N_("show the X report the supervisor signs off"), TUI_STEP_DO},
    TUI_FORM_FIELD_KEYS(TUI_STEP_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without the X report"),
        TUI_STEP_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_SUP, F_PIN, F_COUNT };

struct xsign {
	struct tui_step s;
	struct tui_form_item items[F_COUNT];
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct xsign *v = (struct xsign *)sc;
	int y = 2, lw = list_form_width(&v->s.fm, 14);

	attron(A_BOLD);
	tui_text(y++, 2, _("X report"), COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	y += tui_wrap(y, 2,
	    _("The close is blind: a supervisor signs the X report off."),
	    COLS - 4, 2);
	attroff(A_DIM);
	y++;
	tui_sign_draw(t, &v->s, y, lw);
}

static int
show(struct tui_step *s, struct tui *t)
{
	struct xsign *v = (struct xsign *)s;
	struct shift_approval a;
	struct tui_screen *next;

	a.user = v->items[F_SUP].f.buf;
	a.pin = v->items[F_PIN].f.buf;
	next = screen_shift_x_signed(t, &a);
	tui_sign_wipe(s);
	if (next == NULL) /* the service's message is shown */
		return TUI_HANDLED;
	/* the report in this screen's place: Esc there goes back to the
	 * shift's menu */
	t->push_after = next;
	return TUI_CLOSE;
}

const struct tui_screen_class screen_shift_x_sign_class = {
    .name = "X report sign-off",
    .title = N_("X report sign-off"),
    .keys = screen_shift_x_sign_keys,
    .nkeys = TUI_NKEYS(screen_shift_x_sign_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_sign_input,
    .free = tui_sign_free,
    .fields = 1,
};

struct tui_screen *
screen_shift_x_sign_new(struct tui *t)
{
	struct xsign *v = xcalloc(1, sizeof *v);

	(void)t;
	tui_form_text(
	    &v->items[F_SUP], _("Supervisor"), SHIFT_USER_BUFSZ - 1, NULL);
	tui_form_text(&v->items[F_PIN], _("Supervisor's PIN"), 32, NULL);
	v->items[F_PIN].f.masked = 1;
	tui_sign_init(&v->s, &screen_shift_x_sign_class, v->items, F_COUNT,
	    F_SUP, F_PIN, show);
	return &v->s.sc;
}
