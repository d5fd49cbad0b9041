/* screen_arrangement.c - one payment arrangement (issue 21): its terms,
 * what it took over, what was paid and is left, its compliance, and each
 * installment with its due date, amount, what was paid and its state (on
 * time, late, missed, upcoming, replaced by a reschedule or cancel). A
 * lines view, opened from the arrangements list. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

static const struct tui_key screen_arrangement_keys[] = {
    TUI_LINES_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the arrangements"),
        TUI_A_CLOSE},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

const struct tui_screen_class screen_arrangement_class = {
    .name = "Arrangement",
    .title = N_("Payment arrangement"),
    .keys = screen_arrangement_keys,
    .nkeys = TUI_NKEYS(screen_arrangement_keys),
    .draw = tui_lines_screen_draw,
    .action = tui_lines_screen_action,
    .free = tui_lines_screen_free,
};

/* The plan's figures, label by value. */
static void
terms(struct tui *t, struct tui_lines *l, const struct arr_view *v)
{
	char m[MONEY_BUFSZ], d[SVC_DATE_BUFSZ], line[160];
	int lw = 18;

	snprintf(line, sizeof line, "%s  %s", v->a.plan_no,
	    _(arr_status_name(v->status)));
	tui_lines_add(l, 1, "%s", line);
	snprintf(
	    line, sizeof line, "%s  %s", v->a.account_no, v->a.consumer_name);
	tui_lines_pair(l, lw, _("Consumer"), line);
	tui_lines_pair(
	    l, lw, _("Debt"), svc_money(t->svc, m, sizeof m, v->a.debt));
	tui_lines_pair(
	    l, lw, _("Paid"), svc_money(t->svc, m, sizeof m, v->paid));
	tui_lines_pair(
	    l, lw, _("Left to pay"), svc_money(t->svc, m, sizeof m, v->left));
	snprintf(line, sizeof line, "%d, %s, %s", v->a.n,
	    _(arr_freq_name(v->a.freq)),
	    svc_date(t->svc, d, sizeof d, v->a.first_due));
	tui_lines_pair(l, lw, _("Installments"), line);
	tui_lines_pair(l, lw, _("Compliance rate"),
	    v->compliance < 0
	        ? "-"
	        : svc_percent(t->svc, m, sizeof m, v->compliance));
	snprintf(line, sizeof line, "%d / %d", v->tally.missed + v->tally.late,
	    v->a.misses_allowed);
	tui_lines_pair(l, lw, _("Misses allowed"), line);
	tui_lines_pair(l, lw, _("Reason"), v->a.reason);
}

static void
installments(struct tui *t, struct tui_lines *l, const struct arr_view *v)
{
	char m[MONEY_BUFSZ], p[MONEY_BUFSZ], d[SVC_DATE_BUFSZ];
	size_t i;

	tui_lines_add(l, 0, "%s", "");
	tui_lines_add(l, 1, "%s", _("Installments"));
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];

		tui_lines_add(l, 0, "%-18s %10s %12s %12s  %s", in->it.ref,
		    svc_date(t->svc, d, sizeof d, in->it.due_on),
		    svc_money(t->svc, m, sizeof m, in->it.amount),
		    svc_money(t->svc, p, sizeof p, in->it.settled - in->moved),
		    _(arr_inst_state_name(v->state[i])));
	}
}

struct tui_screen *
screen_arrangement_new(struct tui *t, const char *plan_no)
{
	struct tui_lines l = {0};
	struct arr_view v;
	struct pd_err err;

	if (svc_arrangement_show(t->svc, plan_no, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	terms(t, &l, &v);
	installments(t, &l, &v);
	svc_arr_view_free(&v);
	return tui_lines_screen(&screen_arrangement_class, NULL, &l);
}
