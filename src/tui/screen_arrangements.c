/* screen_arrangements.c - payment arrangements in the back office (issue
 * 21): every plan, newest first, with its status, what it still owes and
 * its compliance; F2 goes through the statuses (all, Active, Completed,
 * Broken, Cancelled), f by the days they were made and the consumers'
 * segment (screen_arr_filter.c); Enter opens one (screen_arrangement.c);
 * x exports the list as shown, every column of `paydesk arrangement
 * list`; p the plans' performance (screen_arr_report.c). Reached from the
 * dashboard (r), the recovery role's Home and from a consumer's account view
 * (r: that consumer's only). Plans are made at the account view (a,
 * screen_arr_create.c) and changed in the Arrangement view (s, c), or
 * with `paydesk arrangement` (paydesk(1)); the list is read again when
 * it comes back on top (helper-258, fault 2). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum {
	A_OPEN = 1,
	A_STATUS,
	A_FILTER,
	A_BACK,
	A_ALERTS,
	A_REPORT,
	A_CREWS,
	A_EXPORT
};

/* the keys of every role; a cashier's bar has neither the alerts nor
 * the performance report, which are refused to the role (helper-235,
 * fault 9 of issue 21: both shown, then refused) */
#define PLANS_KEYS(...)                                                        \
	{TUI_KEY_ENTER, "Enter", N_("Open"),                                   \
	    N_("the arrangement selected: its installments"), A_OPEN},         \
	    {KEY_F(2), "F2", N_("Status"),                                     \
	        N_("every arrangement, or those of one status in turn"),       \
	        A_STATUS},                                                     \
	    {'f', "f", N_("Filter"),                                           \
	        N_("the plans of a period, of a segment"), A_FILTER},          \
	    {'x', "x", N_("Export"),                                           \
	        N_("export the list as shown as CSV or Excel"), A_EXPORT},     \
	    __VA_ARGS__ TUI_LIST_KEYS,                                         \
	    {TUI_KEY_ESC, "Esc", N_("Back"),                                   \
	        N_("back to the dashboard, Home or the account"), A_BACK},     \
	{                                                                      \
		KEY_F(1), "F1", N_("Help"), N_("this help"), -1                \
	}

static const struct tui_key screen_arrangements_keys[] = {PLANS_KEYS(
    {KEY_F(3), "F3", N_("Alerts"),
        N_("broken plans, missed or due installments"), A_ALERTS},
    {'p', "p", N_("Performance"),
        N_("the plans by their terms, highest compliance first (recovery)"),
        A_REPORT},
    {'d', "d", N_("Disconnections"),
        N_("the disconnection and reconnection lists (recovery)"), A_CREWS}, )};
static const struct tui_key cashier_keys[] = {PLANS_KEYS()};
#undef PLANS_KEYS

struct plans {
	struct tui_screen sc;
	struct tui_list list;
	struct arr_view *rows;
	size_t n;
	int status;       /* -1: all */
	char account[33]; /* "": every consumer's */
	struct plans_filter f;
	unsigned gen;
};

static const struct xcol cols[] = {
    /* the number whole (helper-252, fault 2: a dispute's was cut) */
    {NC_("column", "Arrangement"), "plan_no", X_ID, 14, 0},
    {NC_("column", "Account"), "account_no", X_ID, 10, 8},
    {NC_("column", "Status"), "status", X_TERM, 10, 0},
    {NC_("column", "Left"), "left", X_MONEY, 10, 0},
    {NC_("column", "Fell due"), "fell_due", X_INT, 5, 0},
    {NC_("column", "Compliance"), "compliance", X_PERCENT, 7, 0},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct arr_view *v = &((struct plans *)arg)->rows[row];

	(void)t;
	(void)buf;
	c[0].s = v->a.plan_no;
	c[1].s = v->a.account_no;
	c[2].s = arr_status_term(v->status);
	c[3].n = v->left;
	c[4].n = arr_tally_fell_due(&v->tally);
	c[5].n = v->compliance;
}

/* The plans the list shows, as `arrangement list` takes them. */
static void
filter_of(const struct plans *p, struct arr_filter *f)
{
	f->account = p->account[0] ? p->account : NULL;
	f->status = p->status;
	f->from = p->f.from[0] ? p->f.from : NULL;
	f->to = p->f.to[0] ? p->f.to : NULL;
	f->segment = p->f.segment[0] ? p->f.segment : NULL;
}

static void
load(struct plans *p, struct tui *t)
{
	struct arr_filter f;
	struct pd_err err;

	svc_arr_views_free(p->rows, p->n);
	p->n = 0;
	p->gen = t->list_gen;
	filter_of(p, &f);
	p->rows = svc_arrangement_list(t->svc, &f, &p->n, &err);
	if (p->rows == NULL)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&p->list, p->n);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct plans *p = (struct plans *)sc;
	char line[256], num[SVC_COUNT_BUFSZ];
	int y = 2;

	if (p->gen != t->list_gen || p->f.changed) {
		p->f.changed = 0;
		load(p, t);
	}
	svc_count(t->svc, num, sizeof num, (int64_t)p->n);
	if (p->status < 0)
		snprintf(line, sizeof line,
		    ngettext("%s payment arrangement",
		        "%s payment arrangements", (unsigned long)p->n),
		    num);
	else
		snprintf(line, sizeof line,
		    ngettext("%s payment arrangement: %s",
		        "%s payment arrangements: %s", (unsigned long)p->n),
		    num,
		    i18n_term(arr_status_term((enum arr_status)p->status)));
	/* made at the scope's terminals (issue 23); a consumer's wherever */
	tui_scope_suffix(
	    t, line, sizeof line, p->account[0] ? p->account : NULL);
	attron(A_BOLD);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	plans_filter_text(t, &p->f, line, sizeof line);
	attron(A_DIM);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_DIM);
	if (p->n == 0) {
		tui_text(y, 3, _("No payment arrangements"), COLS - 4);
		return;
	}
	tui_list_draw(t, &p->list, y, 2, COLS - 4, LINES - y - 3);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct plans *p = (struct plans *)sc;
	struct tui_screen *open;
	struct arr_filter f;

	if (tui_list_action(&p->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_REPORT:
		if ((open = screen_arr_report_new(t)) != NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	case A_CREWS:
		if ((open = screen_crews_new(t)) != NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_arr_filter_new(t, &p->f,
		                _("Filter the payment arrangements")));
		return TUI_HANDLED;
	case A_EXPORT:
		/* every column of `arrangement list` (listing.c), of the
		 * filters shown */
		open = screen_export_new(t, LIST_PLANS, NULL, NULL, NULL, 0, NULL, 0);
		filter_of(p, &f);
		screen_export_plans(open, &f);
		tui_push(t, open);
		return TUI_HANDLED;
	case A_ALERTS:
		/* the arrangements' alerts, as the key says (helper-235,
		 * fault 7: the whole inbox); F2 there widens it */
		if ((open = screen_alerts_new(t, ALERT_PLAN_KINDS)) != NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	case A_STATUS:
		p->status = p->status >= ARR_CANCELLED ? -1 : p->status + 1;
		load(p, t);
		return TUI_HANDLED;
	case A_OPEN:
		if (p->n == 0) {
			tui_message(t, 1, "%s", _("No arrangement selected"));
			return TUI_HANDLED;
		}
		open = screen_arrangement_new(
		    t, p->rows[p->list.sel < p->n ? p->list.sel : 0].a.plan_no);
		if (open != NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	}
	return 0;
}

/* On top again: a plan made, rescheduled or cancelled on a screen above,
 * an installment paid, a sync since. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	struct plans *p = (struct plans *)sc;

	p->f.changed = 0; /* the filters' form, if it was that: read now */
	load(p, t);
}

static void
free_plans(struct tui_screen *sc)
{
	struct plans *p = (struct plans *)sc;

	svc_arr_views_free(p->rows, p->n);
}

#define PLANS_CLASS(k)                                                         \
	{                                                                      \
		.name = "Arrangements", .title = N_("Payment arrangements"),   \
		.keys = k, .nkeys = TUI_NKEYS(k), .draw = draw,                \
		.action = action, .enter = enter, .free = free_plans,          \
	}
const struct tui_screen_class screen_arrangements_class =
    PLANS_CLASS(screen_arrangements_keys);
static const struct tui_screen_class cashier_class = PLANS_CLASS(cashier_keys);
#undef PLANS_CLASS

struct tui_screen *
screen_arrangements_new(struct tui *t, const char *account)
{
	struct plans *p = xcalloc(1, sizeof *p);

	if (account != NULL)
		xstrlcpy(p->account, account, sizeof p->account);
	tui_list_init(&p->list, cols, TUI_NCOLS(cols), cells, p);
	p->status = -1;
	p->sc.cls = t->svc->actor.role >= ROLE_RECOVERY
	                ? &screen_arrangements_class
	                : &cashier_class;
	load(p, t);
	return &p->sc;
}
