/* screen_arr_change.c - reschedule or cancel a payment arrangement from
 * the Arrangement view (issue 21; recovery and up). Reschedule: the
 * number and frequency of the new installments, the first due date, the
 * misses the new schedule allows and a reason of [arrangements] reasons, with
 * the new schedule of what is left under the form as the service previews it;
 * cancel: the reason, and what goes back to the items the plan took over. Enter
 * asks once, then calls the service `paydesk arrangement reschedule` and
 * `cancel` call, whose refusal is shown as it says it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum {
	A_DO = TUI_STEP_DO,
	A_NEXT = TUI_STEP_NEXT,
	A_PREV,
	A_KLEFT,
	A_KRIGHT,
	A_BACK = TUI_STEP_BACK,
	A_PGDN = TUI_STEP_OWN,
	A_PGUP
};

static const struct tui_key screen_arr_reschedule_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Reschedule"),
        N_("reschedule what is left as previewed (asked once)"), A_DO},
    TUI_FORM_KEYS(A_NEXT),
    ARR_SCHEDULE_KEYS(A_PGDN, A_PGUP),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct tui_key screen_arr_cancel_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Cancel plan"),
        N_("cancel the arrangement with this reason (asked once)"), A_DO},
    {KEY_LEFT, "Left", NULL, N_("the reason before"), A_KLEFT},
    {KEY_RIGHT, "Right", NULL, N_("the next reason"), A_KRIGHT},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("close; the plan stays as it is"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_N, F_FREQ, F_FIRST, F_MISSES, F_REASON, F_COUNT };

struct achange {
	struct tui_step s; /* first: the screen, its form, Enter asked */
	char plan_no[33];
	int cancel;
	struct arr_preview head; /* the account, name and what is left */
	struct tui_form_item it[F_COUNT];
	const char *freqs[3];
	const char *reasons[CFG_LIST_MAX + 1];
	char rshown[CFG_LIST_MAX][128];
	char hint[24], mhint[24], misses[4];
	int top, page; /* the schedule's first line shown, lines a page */
};

/* The configured reason chosen, NULL for none. */
static const char *
reason(const struct achange *a, const struct tui *t)
{
	int k = a->it[F_REASON].choice;

	return k == 0 ? NULL : t->svc->cfg.arr_reasons[k - 1];
}

/* The whole number typed in field f, lo to hi, into *n; why says what
 * is wrong. */
static int
count(const struct achange *a, int f, int lo, int hi, int *n, char *why,
    size_t wn)
{
	const struct tui_form_item *it = &a->it[f];
	char *end;
	long k = strtol(it->f.buf, &end, 10);

	if (it->f.buf[0] == '\0' || *end != '\0' || k < lo || k > hi) {
		snprintf(why, wn,
		    _("%s \"%s\": give a whole number from %d to %d"),
		    it->label, it->f.buf, lo, hi);
		return -1;
	}
	*n = (int)k;
	return 0;
}

/* The reschedule's preview into p, or why not ("" when it can be
 * made, a reason chosen too). */
static void
check(struct achange *a, struct tui *t, struct arr_preview *p, char *why,
    size_t wn)
{
	struct pd_err err;
	int n = 0, m;

	why[0] = '\0';
	memset(p, 0, sizeof *p);
	if (!a->cancel &&
	    (count(a, F_N, 1, ARR_INST_MAX, &n, why, wn) != 0 ||
	        count(a, F_MISSES, 0, ARR_MISSES_MAX, &m, why, wn) != 0))
		return;
	if (svc_arrangement_change_preview(t->svc, a->plan_no, n,
	        arr_freq_name((enum arr_freq)a->it[F_FREQ].choice),
	        a->it[F_FIRST].f.buf, p, &err) != 0)
		snprintf(why, wn, "%s", err.msg);
	else if (reason(a, t) == NULL)
		snprintf(why, wn, "%s", _("Choose a reason"));
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct achange *a = (struct achange *)sc;
	struct arr_preview p;
	char why[640], m[MONEY_BUFSZ], line[256];
	int y = 1, lw = list_form_width(&a->s.fm, 16) + 2, last = LINES - 4;

	snprintf(line, sizeof line, "%s  %s  %s", a->plan_no,
	    a->head.c.account_no, a->head.c.name);
	attron(A_BOLD);
	tui_text_cut(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	tui_pair(y++, 2, lw, _("Left to pay"),
	    svc_money(t->svc, m, sizeof m, a->head.debt));
	y++;
	y += tui_form_draw(t, &a->s.fm, y, 2, lw, COLS - 4) + 1;
	sc->typing = tui_form_typing(&a->s.fm);
	check(a, t, &p, why, sizeof why);
	if (a->cancel)
		y += tui_wrap(y, 2,
		    _("What is left goes back to the items the plan took "
		      "over."),
		    COLS - 4, 3);
	if (p.nlines > 0 && y < (why[0] ? last - 1 : last)) {
		attron(A_BOLD);
		tui_text(y++, 2, _("New installments"), COLS - 4);
		attroff(A_BOLD);
		a->page = arr_schedule_draw(
		    t, &p, y, why[0] ? last - 2 : last - 1, &a->top);
	}
	svc_arr_preview_free(&p);
	if (why[0])
		tui_form_reason(t, last, 2, why, COLS - 4, 2);
	else {
		attron(tui_attr(t, TUI_C_OK, A_BOLD));
		tui_text(last + 1, 2,
		    tui_keys(a->cancel ? _("{Enter} cancels the arrangement")
		                       : _("{Enter} reschedules what is left")),
		    COLS - 4);
		attroff(tui_attr(t, TUI_C_OK, A_BOLD));
	}
}

static int
apply(struct tui_step *s, struct tui *t)
{
	struct achange *a = (struct achange *)s;
	struct arr_preview p;
	struct pd_err err;
	enum arr_field bad;
	char why[640], m[MONEY_BUFSZ];
	int n = 0, misses = 0, rc;

	check(a, t, &p, why, sizeof why);
	if (why[0]) {
		svc_arr_preview_free(&p);
		tui_message(t, 1,
		    a->cancel ? _("Not cancelled: %s")
		              : _("Not rescheduled: %s"),
		    why);
		return TUI_HANDLED;
	}
	svc_money(t->svc, m, sizeof m, p.debt);
	svc_arr_preview_free(&p);
	if (!tui_step_confirmed(&a->s)) {
		if (a->cancel)
			tui_message(t, 1,
			    _("Give %s back to the items? {Enter} again to "
			      "cancel the plan"),
			    m);
		else
			tui_message(t, 1,
			    _("%s in %d new installments? {Enter} again to "
			      "reschedule"),
			    m, p.nlines);
		return TUI_HANDLED;
	}
	if (a->cancel)
		rc = svc_arrangement_cancel(
		    t->svc, a->plan_no, reason(a, t), &err);
	else {
		count(a, F_N, 1, ARR_INST_MAX, &n, why, sizeof why);
		count(a, F_MISSES, 0, ARR_MISSES_MAX, &misses, why, sizeof why);
		rc = svc_arrangement_reschedule(t->svc, a->plan_no, n,
		    arr_freq_name((enum arr_freq)a->it[F_FREQ].choice),
		    a->it[F_FIRST].f.buf, misses, reason(a, t), &bad, &err);
	}
	if (rc != 0) {
		tui_step_refused(&a->s);
		tui_message(t, 1,
		    a->cancel ? _("Not cancelled: %s")
		              : _("Not rescheduled: %s"),
		    err.msg);
		return TUI_HANDLED;
	}
	t->list_gen++;
	tui_message(t, 0,
	    a->cancel ? _("Arrangement %s cancelled")
	              : _("Arrangement %s rescheduled"),
	    a->plan_no);
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct achange *a = (struct achange *)sc;

	if (act == A_PGDN || act == A_PGUP)
		return arr_schedule_scroll(
		    &a->top, a->page, act == A_PGDN ? 1 : -1);
	return tui_step_action(sc, t, act);
}

const struct tui_screen_class screen_arr_reschedule_class = {
    .name = "Reschedule Arrangement",
    .title = N_("Reschedule arrangement"),
    .keys = screen_arr_reschedule_keys,
    .nkeys = TUI_NKEYS(screen_arr_reschedule_keys),
    .draw = draw,
    .action = action,
    .input = tui_step_input,
    .fields = 1,
};

const struct tui_screen_class screen_arr_cancel_class = {
    .name = "Cancel Arrangement",
    .title = N_("Cancel arrangement"),
    .keys = screen_arr_cancel_keys,
    .nkeys = TUI_NKEYS(screen_arr_cancel_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
};

/* The form: for a reschedule the plan's frequency and misses allowed,
 * today and 3 installments to start from; the reason in both. */
static void
form(struct achange *a, struct tui *t, int freq, int misses)
{
	const struct config *cfg = &t->svc->cfg;
	char iso[11], today[SVC_DATE_BUFSZ];
	int k;

	tui_form_text(&a->it[F_N], _("Installments"), 3, "3");
	a->it[F_N].kind = FORM_COUNT;
	snprintf(a->hint, sizeof a->hint, "1-%d", ARR_INST_MAX);
	a->it[F_N].hint = a->hint;
	for (k = 0; k < 3; k++)
		a->freqs[k] = _(arr_freq_name((enum arr_freq)k));
	tui_form_choice(&a->it[F_FREQ], _("Frequency"), a->freqs, 3, freq);
	svc_today(iso);
	tui_form_text(&a->it[F_FIRST], _("First due date"), 10,
	    svc_date(t->svc, today, sizeof today, iso));
	a->it[F_FIRST].kind = FORM_DATE;
	snprintf(a->misses, sizeof a->misses, "%d", misses);
	tui_form_text(&a->it[F_MISSES], _("Misses allowed"), 2, a->misses);
	a->it[F_MISSES].kind = FORM_COUNT;
	snprintf(a->mhint, sizeof a->mhint, "0-%d", ARR_MISSES_MAX);
	a->it[F_MISSES].hint = a->mhint;
	a->reasons[0] = _("(choose a reason)");
	for (k = 0; k < cfg->narr_reasons; k++)
		a->reasons[k + 1] = svc_word(
		    cfg->arr_reasons[k], a->rshown[k], sizeof a->rshown[k]);
	tui_form_choice(&a->it[F_REASON], _("Reason"), a->reasons,
	    cfg->narr_reasons + 1, 0);
	if (a->cancel) { /* the reason alone */
		for (k = F_N; k < F_REASON; k++)
			a->it[k].hidden = 1;
		a->s.fm.focus = F_REASON;
	}
}

struct tui_screen *
screen_arr_change_new(struct tui *t, const char *plan_no, int cancel)
{
	struct achange *a = xcalloc(1, sizeof *a);
	struct arr_view v;
	struct pd_err err;

	if (svc_require(t->svc, ROLE_RECOVERY,
	        cancel ? _("Cancelling an arrangement")
	               : _("Rescheduling an arrangement"),
	        &err) != 0 ||
	    svc_arrangement_change_preview(
	        t->svc, plan_no, 0, NULL, NULL, &a->head, &err) != 0 ||
	    svc_arrangement_show(t->svc, plan_no, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		free(a);
		return NULL;
	}
	xstrlcpy(a->plan_no, plan_no, sizeof a->plan_no);
	a->cancel = cancel;
	form(a, t, (int)v.a.freq, v.a.misses_allowed);
	svc_arr_view_free(&v);
	tui_step_init(&a->s,
	    cancel ? &screen_arr_cancel_class : &screen_arr_reschedule_class,
	    a->it, F_COUNT, a->s.fm.focus, apply);
	return &a->s.sc;
}
