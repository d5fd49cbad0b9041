/* screen_alert.c - one alert (issue 21), opened with Enter from the
 * alert inbox: what raised it (its consumer, arrangement or payment, the
 * installment, item or record, its due day, amount and days as of
 * today), its status, who it is assigned to, its delivery to [alerts]
 * command, and its history, oldest first: raised, acknowledged, assigned,
 * each note with its text, closed, as `paydesk alerts show` prints them
 * (helper-228: a note added in the inbox could be read with the CLI
 * only). Enter opens its arrangement or payment, a New Arrangement of
 * its consumer's debt; it is worked from the inbox, which reads it again
 * when it comes back on top, as this view does (helper-258, fault 2: the
 * arrangement made with a closed the alert, which the view still showed
 * Open). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_OPEN = 1, A_ARRANGE };

static const struct tui_key screen_alert_keys[] = {
    TUI_LINES_KEYS,
    {TUI_KEY_ENTER, "Enter", N_("Open"),
        N_("the alert's arrangement, or its payment"), A_OPEN},
    {'a', "a", N_("Arrange"),
        N_("a payment arrangement of its consumer's debt (New "
           "Arrangement)"),
        A_ARRANGE},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the alerts"), TUI_A_CLOSE},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct alert_view {
	struct tui_screen sc;
	struct tui_lines l;
	int64_t id;
	char plan_no[33], payment_no[33], account_no[33];
};

/* Its figure as of today by kind: days past due or ahead, hours
 * unassociated, a broken plan's misses against those allowed. */
static void
figure(const struct alert *a, char *buf, size_t n, const char **label)
{
	buf[0] = '\0';
	*label = NULL;
	if (a->kind == ALERT_BROKEN) {
		*label = _("Misses");
		snprintf(buf, n, "%d / %d", a->days, a->allowed);
	} else if (svc_alert_days_now(a)) {
		*label = _("Days");
		snprintf(buf, n, "%d", a->days);
	}
}

static void
terms(struct tui *t, struct tui_lines *l, const struct alert *a)
{
	static const char *const labels[] = {N_("Consumer"), N_("Arrangement"),
	    N_("Payment"), N_("Reference"), N_("Due"), N_("Amount"), N_("Days"),
	    N_("Misses"), N_("Raised"), N_("Assigned"), N_("Delivered"),
	    N_("Delivery error")};
	char m[MONEY_BUFSZ], d[SVC_DATE_BUFSZ], line[400];
	const char *label;
	int lw = tui_label_width(labels, TUI_NKEYS(labels), 15) + 1;

	snprintf(line, sizeof line, "%lld  %s  %s", (long long)a->id,
	    _(svc_alert_kind_name(a->kind)),
	    i18n_term(svc_alert_status_name(a->status)));
	tui_lines_add(l, 1, "%s", line);
	if (a->account_no[0]) {
		snprintf(
		    line, sizeof line, "%s  %s", a->account_no, a->consumer);
		tui_lines_pair(l, lw, _("Consumer"), line);
	}
	if (a->plan_no[0])
		tui_lines_pair(l, lw, _("Arrangement"), a->plan_no);
	if (a->payment_no[0])
		tui_lines_pair(l, lw, _("Payment"), a->payment_no);
	if (a->ref[0])
		tui_lines_pair(l, lw, _("Reference"), a->ref);
	if (a->due_on[0])
		tui_lines_pair(
		    l, lw, _("Due"), svc_date(t->svc, d, sizeof d, a->due_on));
	if (svc_alert_has_amount(a))
		tui_lines_pair(l, lw, _("Amount"),
		    svc_money(t->svc, m, sizeof m, a->amount));
	figure(a, line, sizeof line, &label);
	if (label != NULL)
		tui_lines_pair(l, lw, label, line);
	tui_lines_pair(l, lw, _("Raised"),
	    svc_datetime(t->svc, d, sizeof d, a->raised_at));
	tui_lines_pair(
	    l, lw, _("Assigned"), a->assigned[0] ? a->assigned : "-");
	if (a->delivered_at[0])
		tui_lines_pair(l, lw, _("Delivered"),
		    svc_datetime(t->svc, d, sizeof d, a->delivered_at));
	if (a->delivery_error[0])
		tui_lines_pair(l, lw, _("Delivery error"), a->delivery_error);
	if (a->refused_why[0])
		tui_lines_pair(l, lw, _("Refused because"), a->refused_why);
}

/* Its history: when, who, what, and a note's or an assignment's text. */
static void
history(
    struct tui *t, struct tui_lines *l, const struct alert_entry *e, size_t n)
{
	char d[SVC_DATE_BUFSZ], head[256], taken[600];
	size_t i;
	int k;

	/* the organisation's history, then the steps undone here, each
	 * with why under it (helper-250, fault 3); a note or a delivery
	 * error longer than the row goes on under it (helper-247, fault 2:
	 * cut at the edge) */
	for (k = 0; k < 2; k++) {
		int shown = 0;

		for (i = 0; i < n; i++) {
			if ((e[i].taken_back[0] != '\0') != k)
				continue;
			if (shown++ == 0) {
				tui_lines_add(l, 0, "%s", "");
				tui_lines_add(l, 1, "%s",
				    k ? _("Taken back here") : _("History"));
			}
			snprintf(head, sizeof head, "%16s  %-10s %-14s ",
			    svc_datetime(t->svc, d, sizeof d, e[i].at),
			    e[i].user,
			    _(svc_alert_action_name(e[i].action, e[i].text)));
			tui_lines_tail(l, head, e[i].text, 4);
			if (k) {
				snprintf(head, sizeof head, "%*s",
				    16 + 2 + 10 + 1 + 14 + 1, "");
				snprintf(taken, sizeof taken, _("Why: %s"),
				    e[i].taken_back);
				tui_lines_tail(l, head, taken, 4);
			}
		}
	}
}

static int
rows(void)
{
	return LINES - 4;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct alert_view *v = (struct alert_view *)sc;

	(void)t;
	tui_lines_scroll(&v->l, 0, rows());
	tui_lines_draw(&v->l, 1, 2, rows());
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct alert_view *v = (struct alert_view *)sc;
	struct tui_screen *next;

	if (tui_lines_action(&v->l, a, rows()))
		return TUI_HANDLED;
	if (a == TUI_A_CLOSE)
		return TUI_CLOSE;
	/* from the alert to the plan (helper-251, fault 3: an overdue
	 * item's alert led nowhere; the officer searched the consumer
	 * again from Home) */
	if (a == A_ARRANGE) {
		if (v->account_no[0] == '\0') {
			tui_message(t, 1, "%s",
			    _("This alert names no consumer to arrange"));
			return TUI_HANDLED;
		}
		if ((next = screen_arr_create_new(t, v->account_no)) != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	}
	if (v->plan_no[0])
		next = screen_arrangement_new(t, v->plan_no);
	else if (v->payment_no[0])
		next = screen_payment_new(t, v->payment_no);
	else {
		tui_message(t, 1, "%s",
		    v->account_no[0]
		        ? _("This alert names no arrangement and no payment: "
		            "a arranges its consumer's debt")
		        : _("This alert names no arrangement and no payment"));
		return TUI_HANDLED;
	}
	if (next != NULL)
		tui_push(t, next);
	return TUI_HANDLED;
}

static void
free_view(struct tui_screen *sc)
{
	tui_lines_free(&((struct alert_view *)sc)->l);
}

/* Read alert v->id into v (its lines from the first, scrolled as they
 * were); 0, or -1 with the reason on the message line. */
static int
read_alert(struct alert_view *v, struct tui *t)
{
	struct alert_entry *e;
	struct alert a;
	struct pd_err err;
	size_t n, top = v->l.top;

	if ((e = svc_alert_show(t->svc, v->id, &a, &n, &err)) == NULL) {
		tui_message(t, 1, "%s", err.msg);
		return -1;
	}
	tui_lines_free(&v->l);
	terms(t, &v->l, &a);
	history(t, &v->l, e, n);
	free(e);
	v->l.top = top; /* tui_lines_scroll keeps it within on the draw */
	xstrlcpy(v->plan_no, a.plan_no, sizeof v->plan_no);
	xstrlcpy(v->payment_no, a.payment_no, sizeof v->payment_no);
	xstrlcpy(v->account_no, a.account_no, sizeof v->account_no);
	return 0;
}

/* On top again: a plan made with a (which closes the alerts of the debt
 * it holds), a payment, a sync or the inbox's pass may have changed it. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	(void)read_alert((struct alert_view *)sc, t);
}

const struct tui_screen_class screen_alert_class = {
    .name = "Alert",
    .title = N_("Alert"),
    .keys = screen_alert_keys,
    .nkeys = TUI_NKEYS(screen_alert_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
    .free = free_view,
};

struct tui_screen *
screen_alert_new(struct tui *t, int64_t id)
{
	struct alert_view *v = xcalloc(1, sizeof *v);

	v->id = id;
	if (read_alert(v, t) != 0) {
		tui_lines_free(&v->l);
		free(v);
		return NULL;
	}
	v->sc.cls = &screen_alert_class;
	return &v->sc;
}
