/* screen_shift_move.c - a pay-in, pay-out or safe drop of cash in the open
 * shift (issue 20): the amount, the reason from [shifts]
 * movement_reasons, and above [shifts] movement_approval_above a
 * supervisor's user and PIN, checked by the service in the same
 * transaction. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

static const struct tui_key screen_shift_move_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("movement", "Record"),
        N_("record the movement"), TUI_STEP_DO},
    TUI_FORM_KEYS(TUI_STEP_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without recording"),
        TUI_STEP_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_KIND, F_AMOUNT, F_REASON, F_SUP, F_PIN, F_COUNT };

/* The kinds as the form names them (enum shift_move_kind). */
static const char *const kinds[] = {
    N_("Pay-in"), N_("Pay-out"), N_("Safe drop")};

struct move {
	struct tui_step s;
	struct tui_form_item items[F_COUNT];
	const char *kind_shown[3];
	/* [shifts] movement_reasons after a first entry that is none: the
	 * reason is chosen, not preselected (review s70, fault 4: "Change
	 * from safe" stood for a pay-out) */
	const char *reasons[CFG_LIST_MAX + 1];
	char hint[160];
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct move *v = (struct move *)sc;
	int y = 2, lw = list_form_width(&v->s.fm, 14);

	attron(A_BOLD);
	tui_text(y++, 2, _("Cash into or out of the drawer"), COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	y += tui_wrap(y, 2, v->hint, COLS - 4, 2);
	attroff(A_DIM);
	y++;
	tui_sign_draw(t, &v->s, y, lw);
}

static int
save(struct tui_step *s, struct tui *t)
{
	struct move *v = (struct move *)s;
	struct shift_move_request q;
	struct shift_movement out;
	struct pd_err err;
	char m[MONEY_BUFSZ];
	int rc;

	memset(&q, 0, sizeof q);
	q.kind = (enum shift_move_kind)v->items[F_KIND].choice;
	if (svc_money_parse(t->svc, v->items[F_AMOUNT].f.buf,
	        v->items[F_AMOUNT].label, &q.amount, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		s->fm.focus = F_AMOUNT;
		return TUI_HANDLED;
	}
	if (v->items[F_REASON].choice == 0) {
		tui_message(t, 1, "%s",
		    _("Reason: choose the movement's reason, with Left and "
		      "Right"));
		s->fm.focus = F_REASON;
		return TUI_HANDLED;
	}
	q.reason = v->reasons[v->items[F_REASON].choice];
	q.approval.user = v->items[F_SUP].f.buf;
	q.approval.pin = v->items[F_PIN].f.buf;
	rc = svc_shift_movement(t->svc, &q, &out, &err);
	tui_sign_wipe(s);
	if (rc != 0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	tui_message(t, 0, _("%s of %s recorded: %s"), _(kinds[out.kind]),
	    svc_money(t->svc, m, sizeof m, out.amount), out.reason);
	t->list_gen++;
	return TUI_CLOSE;
}

const struct tui_screen_class screen_shift_move_class = {
    .name = "Cash movement",
    .title = N_("Cash movement"),
    .keys = screen_shift_move_keys,
    .nkeys = TUI_NKEYS(screen_shift_move_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_sign_input,
    .free = tui_sign_free,
    .fields = 1,
};

struct tui_screen *
screen_shift_move_new(struct tui *t, enum shift_move_kind kind)
{
	struct move *v = xcalloc(1, sizeof *v);
	const char(*reasons)[CFG_NAME_MAX];
	char m[MONEY_BUFSZ];
	int k, n;

	list_translate(v->kind_shown, kinds, 3);
	reasons = drawer_reasons(t, &n);
	v->reasons[0] = _("(choose one)");
	for (k = 0; k < n && k < CFG_LIST_MAX; k++)
		v->reasons[k + 1] = reasons[k];
	tui_form_choice(
	    &v->items[F_KIND], _("Movement"), v->kind_shown, 3, (int)kind);
	tui_form_text(&v->items[F_AMOUNT], _("Amount"), 16, NULL);
	v->items[F_AMOUNT].kind = FORM_MONEY;
	tui_form_choice(&v->items[F_REASON], _("Reason"), v->reasons, k + 1, 0);
	tui_form_text(
	    &v->items[F_SUP], _("Supervisor"), SHIFT_USER_BUFSZ - 1, NULL);
	tui_form_text(&v->items[F_PIN], _("Supervisor's PIN"), 32, NULL);
	v->items[F_PIN].f.masked = 1;
	snprintf(v->hint, sizeof v->hint,
	    _("A supervisor signs off an amount above %s."),
	    svc_money(t->svc, m, sizeof m, drawer_approval_above(t)));
	tui_sign_init(&v->s, &screen_shift_move_class, v->items, F_COUNT,
	    F_AMOUNT, F_PIN, save);
	return &v->s.sc;
}
