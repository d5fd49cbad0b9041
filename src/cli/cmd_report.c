/* cmd_report.c - kpi and report payers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"
#include "paydesk/money.h"

static void
kpi_period(struct rec *r, const char *title, const char *key,
    const struct kpi_raw *k, int64_t rate, int64_t avg)
{
	rec_section(r, title, key);
	rec_money(r, "Total collected", "total_collected", k->collected);
	rec_int(r, "Payments", "payments", k->collected_count);
	rec_money(r, "Total due", "total_due", k->due_total);
	rec_tenths(r, "Collection rate", "collection_rate_percent", rate, "%");
	rec_tenths(
	    r, "Average collection time", "avg_collection_days", avg, " days");
	rec_end(r);
}

int
cmd_kpi(struct cli *c, int argc, char **argv)
{
	const char *month = NULL, *day = NULL;
	struct opt o[] = {
	    {"month", 0, &month}, {"day", 0, &day}, {NULL, 0, NULL}};
	struct kpi k;
	struct rec *r;
	char **pos, title[64];
	int npos;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    svc_kpi(&c->svc, month, day, &k, &c->err) != 0)
		return -1;
	r = rec_new(c);
	snprintf(title, sizeof title, "Month %s to %s", k.from, k.to);
	kpi_period(r, title, "month", &k.cur, k.rate_tenths, k.avg_tenths);
	rec_str(r, "From", "from", k.from);
	rec_str(r, "To", "to", k.to);
	rec_section(r, "Change against the previous month", "change");
	rec_tenths(r, "Total collected", "total_collected_percent",
	    svc_change_tenths(k.cur.collected, k.prev.collected), "%");
	rec_tenths(r, "Collection rate", "collection_rate_points",
	    k.rate_tenths - k.prev_rate_tenths, " points");
	rec_tenths(r, "Average collection time", "avg_collection_days",
	    k.avg_tenths - k.prev_avg_tenths, " days");
	rec_end(r);
	snprintf(title, sizeof title, "Received on %s", k.day);
	rec_section(r, title, "day");
	rec_str(r, "Day", "date", k.day);
	rec_money(r, "Amount", "amount", k.cur.day_total);
	rec_int(r, "Payments", "count", k.cur.day_count);
	rec_end(r);
	snprintf(title, sizeof title, "Previous month %s to %s", k.prev_from,
	    k.prev_to);
	kpi_period(r, title, "previous_month", &k.prev, k.prev_rate_tenths,
	    k.prev_avg_tenths);
	rec_section(r, "Outstanding today", "outstanding");
	rec_money(r, "Total outstanding", "total", k.out.total);
	rec_int(r, "Open items", "open_items", k.out.items);
	rec_int(r, "Overdue items", "overdue_items", k.out.overdue_items);
	rec_tenths(r, "Average days past due", "avg_days_past_due",
	    k.avg_past_due_tenths, " days");
	rec_end(r);
	rec_print(r);
	return 0;
}

static const struct col payer_cols[] = {
    {"CONSUMER", "consumer", COL_STR, 22},
    {"ACCOUNT", "account_no", COL_STR, 9},
    {"TOTAL PAID", "total", COL_MONEY, 12},
    {"PAYMENTS", "payments", COL_INT, 8},
    {"LAST PAID", "last_paid", COL_STR, 10},
    {"METHODS", "methods", COL_STR, 0},
};

struct payer_ctx {
	struct cli *c;
	struct table *t;
};

/* "Cash=12345;Card=500" as "Cash $123.45; Card $5.00" (plain amounts in
 * CSV, minor units in JSON). */
static void
methods_text(struct cli *c, const char *raw, char *out, size_t n)
{
	char copy[512], *save = NULL, *tok, *eq, m[MONEY_BUFSZ];
	int64_t v;

	out[0] = '\0';
	snprintf(copy, sizeof copy, "%s", raw);
	for (tok = strtok_r(copy, ";", &save); tok;
	     tok = strtok_r(NULL, ";", &save)) {
		eq = strrchr(tok, '=');
		if (eq == NULL)
			continue;
		*eq = '\0';
		v = strtoll(eq + 1, NULL, 10);
		if (c->mode == OUT_CSV)
			money_plain(m, sizeof m, v, c->svc.cfg.minor_digits);
		else if (c->mode == OUT_JSON)
			snprintf(m, sizeof m, "%lld", (long long)v);
		else
			svc_money(&c->svc, m, sizeof m, v);
		snprintf(out + strlen(out), n - strlen(out), "%s%s %s",
		    out[0] ? "; " : "", tok, m);
	}
}

static int
payer_row(const struct payer_row *row, void *arg)
{
	struct payer_ctx *x = arg;
	char methods[600];

	table_str(x->t, row->name);
	table_str(x->t, row->account_no);
	table_money(x->t, row->total);
	table_int(x->t, row->count);
	table_str(x->t, row->last_paid);
	methods_text(x->c, row->methods, methods, sizeof methods);
	table_str(x->t, methods);
	table_row(x->t);
	return 0;
}

int
cmd_report_payers(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *method = NULL,
	           *recorded_by = NULL, *search = NULL, *channel = NULL,
	           *sort = NULL, *limit = NULL;
	struct opt o[] = {{"from", 0, &from}, {"to", 0, &to},
	    {"method", 0, &method}, {"operator", 0, &recorded_by},
	    {"search", 0, &search}, {"channel", 0, &channel},
	    {"sort", 0, &sort}, {"limit", 0, &limit}, {NULL, 0, NULL}};
	static const char *const sorts[] = {"total", "count", "last", "name"};
	struct payment_filter f;
	struct payer_ctx x;
	enum payers_sort by = PAYERS_BY_TOTAL;
	char **pos;
	int npos, rc, i;

	memset(&f, 0, sizeof f);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_payment_filter(c, &f, from, to, NULL, NULL, limit) != 0)
		return -1;
	if (limit == NULL)
		f.limit = 50;
	if (sort) {
		for (i = 0; i < 4 && strcmp(sort, sorts[i]) != 0; i++)
			;
		if (i == 4)
			return pd_fail(&c->err, PD_EINVAL,
			    "--sort \"%s\": one "
			    "of total, count, last, name",
			    sort);
		by = (enum payers_sort)i;
	}
	f.method = method;
	f.recorded_by = recorded_by;
	f.search = search;
	f.channel = channel;
	x.c = c;
	x.t = table_new(c, payer_cols, 6);
	rc = svc_payers_each(&c->svc, &f, by, payer_row, &x, &c->err);
	table_end(x.t);
	return rc;
}
