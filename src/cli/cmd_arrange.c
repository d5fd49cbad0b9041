/* cmd_arrange.c - payment arrangements (issue 21): arrangement preview,
 * create, show, list, reschedule, cancel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "opts.h"

/* A whole number option in lo..hi: one of no number's form a usage
 * error (2), one out of lo..hi validation (3), the message naming it
 * (cli_whole; review s52: both were 3). */
static int
int_opt(struct cli *c, const char *opt, const char *s, int lo, int hi, int *out)
{
	enum pd_status e;
	long v;

	if (s == NULL)
		return 0;
	/* a digit first: strtol skips spaces and takes a sign (review
	 * s50: --installments " 3" was 3) */
	if ((e = cli_whole(s, lo, hi, &v)) != 0)
		return pd_fail(&c->err, e,
		    _("--%s \"%s\": give a whole number from %d to %d"), opt, s,
		    lo, hi);
	*out = (int)v;
	return 0;
}

/* --frequency: one of the three words, as stored (weekly), or as the
 * output shows it in the language in force (es: semanal; helper-238: a
 * Spanish officer typed back the word shown and was refused), either
 * case; *s becomes the stored word. A word of none of them is a usage
 * error (2), as every option's word of none (paydesk(1) EXIT STATUS;
 * review s52: the service's refusal was 3). */
static int
freq_opt(struct cli *c, const char **s)
{
	int f;

	if (*s == NULL || arr_freq_parse(*s) >= 0)
		return 0;
	for (f = ARR_WEEKLY; f <= ARR_MONTHLY; f++)
		if (strcasecmp(
		        *s, i18n_term(arr_freq_name((enum arr_freq)f))) == 0) {
			*s = arr_freq_name((enum arr_freq)f);
			return 0;
		}
	/* the words of the language it takes, and the English ones
	 * (helper-253, fault 9: es/fr named the English alone) */
	if (strcmp(i18n_term(arr_freq_name(ARR_WEEKLY)),
	        arr_freq_name(ARR_WEEKLY)) != 0)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--frequency \"%s\": must be %s, %s or %s (or weekly, "
		      "fortnightly or monthly)"),
		    *s, i18n_term(arr_freq_name(ARR_WEEKLY)),
		    i18n_term(arr_freq_name(ARR_FORTNIGHTLY)),
		    i18n_term(arr_freq_name(ARR_MONTHLY)));
	return pd_fail(&c->err, PD_EUSAGE,
	    _("--frequency \"%s\": must be weekly, fortnightly or monthly"),
	    *s);
}

/* A usage error naming which of a plan's terms sub lacks (helper-234: it
 * named all four when --reason alone was missing), with every one it
 * needs; reason NULL: it takes none (preview). */
static int
terms_lacking(struct cli *c, const char *sub, const char *n, const char *freq,
    const char *first, const char *const *reason)
{
	const char *val[4] = {n, freq, first, reason ? *reason : ""};
	static const char *const opt[4] = {
	    "--installments", "--frequency", "--first-due", "--reason"};
	char list[80] = "";
	int i;

	for (i = 0; i < 4; i++)
		if (val[i] == NULL)
			snprintf(list + strlen(list),
			    sizeof list - strlen(list), "%s%s",
			    list[0] ? ", " : "", opt[i]);
	if (list[0] == '\0')
		return 0;
	return cli_usage(c,
	    reason ? _("%s %s lacks %s (it needs --installments, --frequency, "
	               "--first-due and --reason)")
	           : _("%s %s lacks %s (it needs --installments, --frequency "
	               "and --first-due)"),
	    c->cmd, sub, list);
}

/* The options of a request that preview and create share. */
struct req_opts {
	const char *items, *down, *n, *freq, *first, *grace, *misses, *reason;
};

static int
read_request(struct cli *c, int argc, char **argv, int need_reason,
    struct arr_request *r)
{
	struct req_opts v = {0};
	struct opt o[] = {{"items", 0, &v.items}, {"down", 0, &v.down},
	    {"installments", 0, &v.n}, {"frequency", 0, &v.freq},
	    {"first-due", 0, &v.first}, {"grace", 0, &v.grace},
	    {"misses", 0, &v.misses}, {"reason", 0, &v.reason},
	    {NULL, 0, NULL}};
	char **pos;
	int npos;

	memset(r, 0, sizeof *r);
	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (terms_lacking(c, argv[0], v.n, v.freq, v.first,
	        need_reason ? &v.reason : NULL) != 0)
		return -1;
	/* an empty --first-due names no day, as an empty --frequency names
	 * none: a usage error (helper-235, fault 5: status 3, a bad date) */
	if (v.first[strspn(v.first, " \t")] == '\0')
		return cli_usage(c,
		    _("%s %s: --first-due is empty: give a date"), c->cmd,
		    argv[0]);
	/* an empty --items (a script's empty variable) names no item: not
	 * every open item, as no --items would (review 21b, fault 11) */
	if (v.items != NULL && v.items[strspn(v.items, " \t")] == '\0')
		return pd_fail(&c->err, PD_EINVAL,
		    _("--items is empty: "
		      "give references separated by commas"));
	/* nor an empty --down a plan with no down payment: no --down is
	 * that; an empty one is a script's empty variable (review s48) */
	if (v.down != NULL && v.down[strspn(v.down, " \t")] == '\0')
		return pd_fail(&c->err, PD_EINVAL,
		    _("--down is empty: give an amount, or leave --down out "
		      "for no down payment"));
	r->account = pos[0];
	r->items = v.items;
	r->down = v.down;
	if (freq_opt(c, &v.freq) != 0)
		return -1;
	r->freq = v.freq;
	r->first_due = v.first;
	r->reason = v.reason ? v.reason : (need_reason ? "" : "preview");
	if (int_opt(c, "installments", v.n, 1, ARR_INST_MAX, &r->n) != 0 ||
	    int_opt(c, "grace", v.grace, 0, ARR_GRACE_MAX, &r->grace_days) !=
	        0 ||
	    int_opt(c, "misses", v.misses, 0, ARR_MISSES_MAX,
	        &r->misses_allowed) != 0)
		return -1;
	return 0;
}

/* Whether the consumer's name goes into this output: on the screen to
 * any signed-in user, as machine output (--json, --csv) to a supervisor
 * only, as the other commands' (cli_personal_data; review R18: a
 * cashier's --json arrangement show gave it). */
static int
name_shown(struct cli *c)
{
	return c->mode == OUT_TEXT || c->svc.actor.role >= ROLE_SUPERVISOR;
}

/* The schedule of p, made by request q, as a record: what is taken
 * over, the plan's terms (helper-231, fault 13: the grace days and the
 * misses allowed were not shown before the plan was made), the rule, the
 * lines. */
static void
rec_preview(struct cli *c, struct rec *r, const struct arr_request *q,
    const struct arr_preview *p, const char *plan_no)
{
	size_t i;
	int k, f = arr_freq_parse(q->freq);

	if (plan_no != NULL)
		rec_str(r, _("Arrangement"), "plan_no", plan_no);
	rec_str(r, _("Account"), "account_no", p->c.account_no);
	if (name_shown(c))
		rec_str(r, _("Consumer"), "consumer", p->c.name);
	rec_money(r, _("Debt"), "debt", p->debt);
	rec_number(r, _("Installments"), "n_installments", q->n);
	rec_term(r, _("Frequency"), "frequency",
	    arr_freq_name(f < 0 ? ARR_MONTHLY : (enum arr_freq)f));
	rec_number(r, _("Grace days"), "grace_days", q->grace_days);
	rec_number(r, _("Misses allowed"), "misses_allowed", q->misses_allowed);
	/* in the currency's smallest unit, $0.01 or ¥1 (helper-246, fault
	 * 4: "to the cent" of yen) */
	{
		char unit[MONEY_BUFSZ], rule[512];

		snprintf(rule, sizeof rule,
		    _("Each installment is the rest after the down payment "
		      "divided by their number, rounded down to %s (the "
		      "currency's smallest unit); the last one takes the "
		      "remainder"),
		    svc_money(&c->svc, unit, sizeof unit, 1));
		rec_str(r, _("Rule"), "rule", rule);
	}
	rec_list(r, _("Items taken over"), "items");
	for (i = 0; i < p->nitems; i++) {
		rec_item(r);
		rec_str(r, _("Reference"), "ref", p->items[i].ref);
		rec_date(r, _("Due"), "due_on", p->items[i].due_on);
		rec_money(r, i18n_term(TC_("column", "Open")), "open",
		    p->items[i].amount - p->items[i].settled);
		rec_end(r);
	}
	rec_end(r);
	rec_list(r, _("Schedule"), "schedule");
	for (k = 0; k < p->nlines; k++) {
		char due[11];

		rec_item(r);
		rec_number(r, _("Number"), "number", k + 1);
		rec_term(r, _("Kind"), "kind",
		    p->lines[k].down ? N_("Down payment") : N_("Installment"));
		rec_date(
		    r, _("Due"), "due_on", date_format(due, p->lines[k].due));
		rec_money(r, _("Amount"), "amount", p->lines[k].amount);
		rec_end(r);
	}
	rec_end(r);
}

int
cmd_arr_preview(struct cli *c, int argc, char **argv)
{
	struct arr_request q;
	struct arr_preview p;
	struct rec *r;

	memset(&p, 0, sizeof p);
	if (read_request(c, argc, argv, 0, &q) != 0 ||
	    svc_arrangement_preview(&c->svc, &q, &p, &c->err) != 0) {
		svc_arr_preview_free(&p);
		return -1;
	}
	r = rec_new(c);
	rec_preview(c, r, &q, &p, NULL);
	rec_print(r);
	svc_arr_preview_free(&p);
	return 0;
}

int
cmd_arr_create(struct cli *c, int argc, char **argv)
{
	struct arr_request q;
	struct arr_preview p;
	struct rec *r;
	char plan_no[33];

	memset(&p, 0, sizeof p);
	if (read_request(c, argc, argv, 1, &q) != 0)
		return -1;
	if (svc_arrangement_create(&c->svc, &q, plan_no, &p, &c->err) != 0) {
		svc_arr_preview_free(&p);
		return -1;
	}
	r = rec_new(c);
	rec_preview(c, r, &q, &p, plan_no);
	rec_print(r);
	svc_arr_preview_free(&p);
	return 0;
}

/* The day installment in was paid in full ("" if it was not: a later
 * change closed its rest, or some is unpaid). */
static const char *
in_full(const struct arr_item *in)
{
	return in->moved > 0 ? "" : in->paid_on;
}

static void
rec_installments(struct rec *r, const struct arr_view *v)
{
	size_t i;

	rec_list(r, _("Installments"), "installments");
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];

		rec_item(r);
		rec_str(r, _("Reference"), "ref", in->it.ref);
		rec_date(r, _("Due"), "due_on", in->it.due_on);
		rec_money(r, _("Amount"), "amount", arr_item_amount(in));
		/* what a reschedule's cut took off it, said when any */
		if (arr_item_cut(in) > 0)
			rec_money(r, _("Cut"), "cut", arr_item_cut(in));
		else
			rec_data_json(r, "cut", json_integer(0));
		rec_money(r, _("Paid"), "paid", arr_item_paid(in));
		/* settled by a payment of the items the plan took over
		 * (helper-245, fault 1), said when any */
		if (arr_item_to_items(in) > 0)
			rec_money(r, _("Paid to items"), "paid_to_items",
			    arr_item_to_items(in));
		else
			rec_data_json(r, "paid_to_items", json_integer(0));
		/* paid in full that day; else the day of the last payment
		 * into it, its rest unpaid or moved by a later change
		 * (helper-245, fault 4) */
		rec_date(r, _("Paid on"), "paid_on", in_full(in));
		if (*in_full(in) == '\0' && in->last_paid_on[0] != '\0')
			rec_date(r, _("Last paid on"), "last_paid_on",
			    in->last_paid_on);
		else
			rec_data_json(
			    r, "last_paid_on", json_string(in->last_paid_on));
		rec_term(r, _("Compliance"), "state",
		    arr_inst_state_name(v->state[i]));
		/* the plan's #1 is its down payment when it has one: the
		 * Installments figure counts those after it (review s48: 7
		 * above 8 rows, none of them named) */
		if (v->a.down > 0 && in->it.inst_no == 1)
			rec_json(r, _("Down payment"), "down_payment",
			    json_true(), _("yes"));
		else
			rec_data_json(r, "down_payment", json_false());
		rec_end(r);
	}
	rec_end(r);
}

/* Its create, reschedules and cancel: who, when, where, why (review
 * s48: a change's reason was in the audit log alone). */
static void
rec_changes(struct rec *r, const struct arr_view *v)
{
	char buf[SVC_TEXT_BUFSZ];
	size_t i;

	rec_list(r, _("Changes"), "changes");
	for (i = 0; i < v->nevents; i++) {
		const struct arr_event_row *e = &v->events[i];

		rec_item(r);
		rec_shown(
		    r, _("Change"), "kind", e->kind, arr_event_label(e->kind));
		rec_time(r, _("At"), "at", e->at);
		rec_str(r, _("By"), "by", e->by);
		rec_str(r, _("Terminal"), "terminal", e->terminal);
		rec_shown(r, _("Reason"), "reason", e->reason,
		    svc_word(e->reason, buf, sizeof buf));
		/* refused by the central node, undone here */
		rec_json(r, _("Undone"), "undone", json_boolean(e->undone),
		    e->undone ? _("yes") : _("no"));
		rec_end(r);
	}
	rec_end(r);
}

int
cmd_arr_show(struct cli *c, int argc, char **argv)
{
	struct arr_view v;
	struct rec *r;
	char **pos;
	int npos;
	size_t i;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    svc_arrangement_show(&c->svc, pos[0], &v, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Arrangement"), "plan_no", v.a.plan_no);
	rec_term(r, _("Status"), "status", arr_status_term(v.status));
	rec_str(r, _("Account"), "account_no", v.a.account_no);
	if (name_shown(c))
		rec_str(r, _("Consumer"), "consumer", v.a.consumer_name);
	rec_money(r, _("Debt"), "debt", v.a.debt);
	rec_money(r, _("Down payment"), "down_payment", v.a.down);
	rec_number(r, _("Installments"), "n_installments", v.a.n);
	rec_term(r, _("Frequency"), "frequency", arr_freq_name(v.a.freq));
	rec_date(r, _("First due"), "first_due", v.a.first_due);
	rec_number(r, _("Grace days"), "grace_days", v.a.grace_days);
	rec_number(
	    r, _("Misses allowed"), "misses_allowed", v.a.misses_allowed);
	/* those of the schedule in force, as the Arrangement view's
	 * "Misses / allowed" (helper-251, fault 2) */
	rec_number(r, _("Misses"), "misses", arr_tally_misses(&v.tally));
	/* a default reason in the reader's words, as Changes gives it
	 * (helper-236, fault 7: "Motivo Hardship") */
	rec_word(r, _("Reason"), "reason", v.a.reason);
	/* agree with the arrangement (es acuerdo Creado; a credit note's
	 * Creada) */
	rec_time(r, i18n_term(TC_("arrangement", "Created")), "created_at",
	    v.a.created_at);
	rec_str(r, i18n_term(TC_("arrangement", "Created by")), "created_by",
	    v.a.created_by);
	rec_str(r, _("Terminal"), "terminal", v.a.terminal);
	rec_number(r, _("Reschedules"), "reschedules", v.a.changes);
	rec_money(r, _("Paid"), "paid", v.paid);
	rec_money(r, _("Paid to items"), "paid_to_items", v.to_items);
	rec_money(r, _("Left to pay"), "left", v.left);
	rec_number(r, _("Installments missed"), "missed", v.tally.missed);
	rec_number(r, _("Installments late"), "late", v.tally.late);
	rec_tenths(r, _("Compliance rate"), "compliance_percent",
	    v.compliance < 0 ? KPI_NONE : v.compliance, "%");
	/* what the plan holds of each now, net of what it gave back: the
	 * gross moves differ between nodes once a change was refused and
	 * undone (the undo's moves go to the refused event, at times to the
	 * create), the net is the same at every node */
	rec_list(r, _("Items taken over (net held now)"), "items");
	for (i = 0; i < v.nholds; i++) {
		rec_item(r);
		rec_str(r, _("Reference"), "ref", v.holds[i].ref);
		rec_money(r, _("Held"), "held", v.holds[i].held);
		rec_end(r);
	}
	rec_end(r);
	rec_installments(r, &v);
	rec_changes(r, &v);
	rec_print(r);
	svc_arr_view_free(&v);
	return 0;
}

int
cmd_arr_list(struct cli *c, int argc, char **argv)
{
	const char *consumer = NULL, *status = NULL, *scope = NULL,
	           *from = NULL, *to = NULL;
	struct opt o[9] = {{"consumer", OPT_FILTER, &consumer},
	    {"status", OPT_FILTER, &status}, {"scope", OPT_FILTER, &scope},
	    {"from", 0, &from}, {"to", 0, &to}};
	struct svc_filters fs;
	struct payment_filter pf;
	struct arr_filter f;
	struct xcell cell[9];
	const struct xcol *cols;
	struct arr_view *v;
	struct table *t;
	char **pos;
	int npos, ncols, no = 5;
	size_t n, i;

	/* --segment as every report's (the days made and the segment:
	 * helper-251, fault 1) */
	memset(&pf, 0, sizeof pf);
	cli_filter_opts(o, &no, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT));
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT),
	        &pf, &c->err) != 0 ||
	    (from && (from = cli_from(c, from)) == NULL) ||
	    (to && (to = cli_to(c, to)) == NULL) || cli_scope(c, scope) != 0)
		return -1;
	if (from && to && strcmp(from, to) > 0)
		return pd_fail(&c->err, PD_EINVAL,
		    _("--from %s is after --to %s"), from, to);
	memset(&f, 0, sizeof f);
	f.status = -1;
	if (status && strcasecmp(status, "all") != 0 &&
	    (f.status = arr_status_parse(status)) < 0) /* a word of none: 2 */
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--status \"%s\": one of active, completed, broken, "
		      "cancelled, all"),
		    status);
	f.account = consumer;
	f.from = from;
	f.to = to;
	f.segment = pf.segment;
	/* a segment no consumer has, named as itself first: then a
	 * consumer not found is the one refused below */
	if (svc_payment_filter_check(&c->svc, &pf, &c->err) != 0)
		return -1;
	if ((v = svc_arrangement_list(&c->svc, &f, &n, &c->err)) == NULL) {
		if (consumer != NULL && c->err.code == PD_ENOTFOUND)
			pd_err_prefix(&c->err, "--consumer: ");
		return -1;
	}
	/* the plans made at the scope's terminals (issue 23) */
	cli_list_scope_line(c, consumer);
	/* the columns of the screen's export (listing.c) */
	cols = svc_listing_cols(LIST_PLANS, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Arrangements"));
	for (i = 0; i < n; i++) {
		svc_plan_cells(&v[i], cell);
		table_cells(t, cell);
	}
	svc_arr_views_free(v, n);
	return table_done(t, 0);
}

/* `report arrangements`: the plans' performance by their terms
 * (svc_arr_performance has the groups' rule). */
int
cmd_report_arrangements(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *scope = NULL;
	struct opt o[9] = {
	    {"from", 0, &from}, {"to", 0, &to}, {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	struct payment_filter pf;
	struct xcell cell[18];
	const struct xcol *cols;
	struct arr_perf_row *r;
	struct table *t;
	char **pos;
	int npos, ncols;
	size_t n, i;
	int no = 3;

	/* of the filters, the segment (its consumer's), checked as every
	 * report's */
	memset(&pf, 0, sizeof pf);
	cli_filter_opts(o, &no, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT));
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT),
	        &pf, &c->err) != 0 ||
	    (from && (from = cli_from(c, from)) == NULL) ||
	    (to && (to = cli_to(c, to)) == NULL) || cli_scope(c, scope) != 0)
		return -1;
	if (from && to && strcmp(from, to) > 0)
		return pd_fail(&c->err, PD_EINVAL,
		    _("--from %s is after --to %s"), from, to);
	if ((r = svc_arr_performance(
	         &c->svc, from, to, pf.segment, &n, &c->err)) == NULL)
		return -1;
	/* of the plans made at the scope's terminals (issue 23) */
	cli_scope_line(c);
	cols = svc_listing_cols(LIST_PLAN_PERF, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Plan performance"));
	for (i = 0; i < n; i++) {
		svc_plan_perf_cells(&r[i], cell);
		table_cells(t, cell);
	}
	free(r);
	return table_done(t, 0);
}

int
cmd_arr_reschedule(struct cli *c, int argc, char **argv)
{
	const char *n = NULL, *freq = NULL, *first = NULL, *reason = NULL,
	           *misses = NULL;
	struct opt o[] = {{"installments", 0, &n}, {"frequency", 0, &freq},
	    {"first-due", 0, &first}, {"misses", 0, &misses},
	    {"reason", 0, &reason}, {NULL, 0, NULL}};
	enum arr_field bad;
	char **pos;
	int npos, k = 0, m = -1;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (terms_lacking(c, argv[0], n, freq, first, &reason) != 0)
		return -1;
	if (freq_opt(c, &freq) != 0 ||
	    int_opt(c, "installments", n, 1, ARR_INST_MAX, &k) != 0 ||
	    int_opt(c, "misses", misses, 0, ARR_MISSES_MAX, &m) != 0 ||
	    svc_arrangement_reschedule(
	        &c->svc, pos[0], k, freq, first, m, reason, &bad, &c->err) != 0)
		return -1;
	return cmd_arr_show(c, 2, (char *[]){argv[0], pos[0], NULL});
}

int
cmd_arr_cancel(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct opt o[] = {{"reason", 0, &reason}, {NULL, 0, NULL}};
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (reason == NULL)
		return cli_usage(c, _("%s %s needs --reason"), c->cmd, argv[0]);
	if (svc_arrangement_cancel(&c->svc, pos[0], reason, &c->err) != 0)
		return -1;
	return cmd_arr_show(c, 2, (char *[]){argv[0], pos[0], NULL});
}

int
cmd_disconnections(struct cli *c, int argc, char **argv)
{
	/* the screen's columns (listing.c), for the field crews */
	struct xcell cell[8];
	struct overdue_row *r;
	struct table *t;
	const struct xcol *cols;
	char **pos;
	int npos, ncols;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0 ||
	    (r = svc_disconnections(&c->svc, &n, &c->err)) == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	cols = svc_listing_cols(LIST_DISCONNECT, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Disconnections"));
	for (i = 0; i < n; i++) {
		svc_disconnect_cells(&r[i], cell);
		table_cells(t, cell);
	}
	free(r);
	return table_done(t, 0);
}
