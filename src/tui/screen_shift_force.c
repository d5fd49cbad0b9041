/* screen_shift_force.c - the Shifts screen's forced close of a shift left
 * open at another terminal (s72 fault d; s73 fault 2: the command's
 * paydesk shift close --force in the screens): the reason, and a
 * supervisor's sign-off, user name and PIN, as the other sign-off forms
 * take it; the signed-in supervisor's own when left empty. Nothing is
 * counted: the service (svc_shift_force_close) records every tender
 * short by its whole expected amount, in one transaction, and checks
 * the sign-off (a cashier named is refused, a wrong PIN counted). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

static const struct tui_key screen_shift_force_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Close"),
        N_("close the shift by force, nothing counted"), TUI_STEP_DO},
    TUI_FORM_FIELD_KEYS(TUI_STEP_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without closing the shift"),
        TUI_STEP_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_REASON, F_SUP, F_PIN, F_COUNT };

struct force {
	struct tui_step s;
	struct tui_form_item items[F_COUNT];
	struct shift sh;
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct force *v = (struct force *)sc;
	char line[512], when[SVC_DATE_BUFSZ];
	int y = 2, lw = list_form_width(&v->s.fm, 14);

	attron(A_BOLD);
	tui_text(
	    y++, 2, _("Close by force a shift of another terminal"), COLS - 4);
	attroff(A_BOLD);
	snprintf(line, sizeof line,
	    _("The shift of %s at terminal %s, opened %s."), v->sh.cashier,
	    v->sh.terminal,
	    svc_datetime(t->svc, when, sizeof when, v->sh.opened_at));
	y += tui_wrap(y, 2, line, COLS - 4, 2);
	attron(A_DIM);
	y += tui_wrap(y, 2,
	    _("Nothing is counted: each tender is short of all it expected."),
	    COLS - 4, 2);
	y += tui_wrap(y, 2,
	    _("Sign-off: another supervisor, or you if left empty."), COLS - 4,
	    2);
	attroff(A_DIM);
	y++;
	tui_sign_draw(t, &v->s, y, lw);
}

static int
close_it(struct tui_step *s, struct tui *t)
{
	struct force *v = (struct force *)s;
	struct shift_approval a;
	struct shift_close_result res;
	struct pd_err err;
	int rc;

	a.user = v->items[F_SUP].f.buf;
	a.pin = v->items[F_PIN].f.buf;
	rc = svc_shift_force_close(
	    t->svc, v->sh.uuid, v->items[F_REASON].f.buf, &a, &res, &err);
	tui_sign_wipe(s);
	if (rc != 0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	tui_message(t, 0, _("Shift of %s at terminal %s closed by force: %s"),
	    res.sh.cashier, res.sh.terminal, res.sh.z_no);
	svc_shift_close_result_free(&res);
	t->list_gen++;
	return TUI_CLOSE;
}

const struct tui_screen_class screen_shift_force_class = {
    .name = "Forced close",
    .title = N_("Forced close"),
    .keys = screen_shift_force_keys,
    .nkeys = TUI_NKEYS(screen_shift_force_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_sign_input,
    .free = tui_sign_free,
    .fields = 1,
};

struct tui_screen *
screen_shift_force_new(struct tui *t, const struct shift *sh)
{
	struct force *v;

	/* this terminal's shift is counted here (c); a closed one is
	 * closed */
	if (sh->status != SHIFT_OPEN ||
	    strcmp(sh->terminal, t->svc->cfg.terminal_id) == 0) {
		tui_message(t, 1, "%s",
		    _("Only another terminal's open shift is closed by force"));
		return NULL;
	}
	v = xcalloc(1, sizeof *v);
	v->sh = *sh;
	tui_form_text(
	    &v->items[F_REASON], _("Reason"), SHIFT_REASON_BUFSZ / 4 - 1, NULL);
	tui_form_text(
	    &v->items[F_SUP], _("Supervisor"), SHIFT_USER_BUFSZ - 1, NULL);
	tui_form_text(&v->items[F_PIN], _("Supervisor's PIN"), 32, NULL);
	v->items[F_PIN].f.masked = 1;
	tui_sign_init(&v->s, &screen_shift_force_class, v->items, F_COUNT,
	    F_REASON, F_PIN, close_it);
	return &v->s.sc;
}
