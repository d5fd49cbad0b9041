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

enum { A_SHOW, A_BACK, A_DOWN, A_UP };

static const struct tui_key screen_shift_x_sign_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("x report", "Show"),
        N_("show the X report the supervisor signs off"), A_SHOW},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), A_DOWN},
    {KEY_UP, "Up", NULL, N_("the field above"), A_UP},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without the X report"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_SUP, F_PIN, F_COUNT };

struct xsign {
	struct tui_screen sc;
	struct tui_form fm;
	struct tui_form_item items[F_COUNT];
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct xsign *v = (struct xsign *)sc;
	const struct tui_form_item *it = &v->fm.items[v->fm.focus];
	int y = 2, lw = list_form_width(&v->fm, 14);

	attron(A_BOLD);
	tui_text(y++, 2, _("X report"), COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	y += tui_wrap(y, 2,
	    _("The close is blind: a supervisor signs the X report off."),
	    COLS - 4, 2);
	attroff(A_DIM);
	y++;
	tui_form_draw(t, &v->fm, y, 4, lw, COLS - 8 > 70 ? 70 : COLS - 8);
	if (tui_form_typing(&v->fm)) {
		t->cur_y = y + v->fm.focus;
		t->cur_x = 4 + lw + 2 +
		           (it->f.masked ? (int)utf8_chars(it->f.buf, it->f.len)
		                         : utf8_columns(it->f.buf, it->f.len));
	}
}

static void
wipe(struct xsign *v)
{
	memset(v->items[F_PIN].f.buf, 0, sizeof v->items[F_PIN].f.buf);
	v->items[F_PIN].f.len = 0;
}

static int
show(struct xsign *v, struct tui *t)
{
	struct shift_approval a;
	struct tui_screen *next;

	a.user = v->items[F_SUP].f.buf;
	a.pin = v->items[F_PIN].f.buf;
	next = screen_shift_x_signed(t, &a);
	wipe(v);
	if (next == NULL) /* the service's message is shown */
		return TUI_HANDLED;
	/* the report in this screen's place: Esc there goes back to the
	 * shift's menu */
	t->push_after = next;
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct xsign *v = (struct xsign *)sc;

	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_DOWN:
	case A_UP:
		tui_form_input(&v->fm, a == A_DOWN ? KEY_DOWN : KEY_UP, 0);
		return TUI_HANDLED;
	case A_SHOW:
		return show(v, t);
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct xsign *v = (struct xsign *)sc;
	return tui_form_key(t, &v->fm, key, ch) != 0 ? TUI_HANDLED : 0;
}

static void
free_xsign(struct tui_screen *sc)
{
	wipe((struct xsign *)sc);
}

const struct tui_screen_class screen_shift_x_sign_class = {
    .name = "X report sign-off",
    .title = N_("X report sign-off"),
    .keys = screen_shift_x_sign_keys,
    .nkeys = TUI_NKEYS(screen_shift_x_sign_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_xsign,
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
	v->fm.items = v->items;
	v->fm.n = F_COUNT;
	v->fm.focus = F_SUP;
	v->sc.cls = &screen_shift_x_sign_class;
	v->sc.typing = 1;
	return &v->sc;
}
