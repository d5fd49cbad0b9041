/* cmd_report.c - kpi and report payers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

static void
kpi_period(struct rec *r, const char *title, const char *key,
    const struct kpi_raw *k, int64_t rate, int64_t avg)
{
	rec_section(r, title, key);
	rec_money(r, _("Total collected"), "total_collected", k->collected);
	rec_int(r, _("Payments"), "payments", k->collected_count);
	rec_money(r, _("Total due"), "total_due", k->due_total);
	rec_money(r, _("Paid of total due"), "total_due_paid", k->due_paid);
	rec_tenths(
	    r, _("Collection rate"), "collection_rate_percent", rate, "%");
	rec_tenths(r, _("Average collection time"), "avg_collection_days", avg,
	    _(" days"));
	rec_end(r);
}

/* A difference of two figures, KPI_NONE if either has no data. */
static int64_t
kpi_diff(int64_t a, int64_t b)
{
	return a == KPI_NONE || b == KPI_NONE ? KPI_NONE : a - b;
}

/* The kpi's report filters: the figures' (c->svc.narrow); --period in
 * place of --month. */
static int
kpi_filters(struct cli *c, struct svc_filters *fs, const char *month)
{
	struct payment_filter f;

	memset(&f, 0, sizeof f);
	if (month != NULL && fs->text[SVC_FILTER_PERIOD] != NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--period \"%s\" takes the place of --month: give one "
		      "or the other"),
		    fs->text[SVC_FILTER_PERIOD]);
	if (svc_filters_parse(&c->svc, fs, SVC_FILTER_ALL, &f, &c->err) != 0 ||
	    svc_payment_filter_check(&c->svc, &f, &c->err) != 0)
		return -1;
	c->svc.narrow.branch = f.branch;
	c->svc.narrow.recorded_by = f.recorded_by;
	c->svc.narrow.method = f.method;
	c->svc.narrow.channel = f.channel;
	c->svc.narrow.segment = f.segment;
	c->svc.narrow.gateway = f.gateway;
	c->svc.narrow.period = f.period; /* a workbook's heading names it */
	return 0;
}

int
cmd_kpi(struct cli *c, int argc, char **argv)
{
	const char *month = NULL, *day = NULL, *scope = NULL, *rows = NULL;
	struct opt o[24] = {{"month", OPT_FILTER, &month},
	    {"day", OPT_FILTER, &day}, {"scope", OPT_FILTER, &scope},
	    {"rows", OPT_FILTER, &rows}};
	struct svc_filters fs;
	struct kpi k;
	struct rec *r;
	char **pos, title[160], d1[SVC_DATE_BUFSZ], d2[SVC_DATE_BUFSZ], m[8];
	int npos, no = 4, period;

	cli_filter_opts(o, &no, &fs, SVC_FILTER_ALL);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0)
		return -1;
	/* a workbook of the rows behind a figure, as every list's (review
	 * R23 11); the figures are a record, not a list */
	if (c->mode == OUT_XLSX && rows == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--xlsx works with kpi --rows (the rows behind a "
		      "figure), not with the figures"));
	if (cli_scope(c, scope) != 0 ||
	    (day && (day = cli_date(c, "--day", day)) == NULL) ||
	    kpi_filters(c, &fs, month) != 0)
		return -1;
	/* in the organisation's date format without the day, as --day
	 * takes its date format (issue 25) */
	if (month && cli_month(c, "--month", month, m) != 0)
		return -1;
	if (month)
		month = m;
	if ((fs.text[SVC_FILTER_PERIOD] != NULL
	            ? svc_kpi_period(&c->svc, &fs, day, &k, &c->err)
	            : svc_kpi(&c->svc, month, day, &k, &c->err)) != 0)
		return -1;
	/* a --day is a day of the --month or --period given: a day outside
	 * it read its payments under the period's heading (a fresh
	 * tester's, issue 23 fault 2: "Filters: Period 2026-10", then the
	 * payments of 2026-11-30) */
	if (day != NULL && (month != NULL || fs.text[SVC_FILTER_PERIOD]) &&
	    (strcmp(k.day, k.from) < 0 || strcmp(k.day, k.to) > 0))
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--day %s is not in %s %s (%s to %s): give a day of "
		      "it, or leave --day out"),
		    svc_date(&c->svc, d1, sizeof d1, k.day),
		    month != NULL ? "--month" : "--period",
		    month != NULL ? month : fs.text[SVC_FILTER_PERIOD],
		    svc_date(&c->svc, d2, sizeof d2, k.from),
		    svc_date(&c->svc, title, sizeof title, k.to));
	if (rows != NULL)
		return cli_kpi_rows(c, rows, &k, &fs);
	r = rec_new(c);
	/* whose payments these are (issue 23), before any figure */
	rec_shown(r, _("Scope"), "scope",
	    svc_scope_word(svc_scope_now(&c->svc)),
	    svc_scope_title(&c->svc, title, sizeof title));
	/* its team under team visibility, as the title names it */
	if (svc_scope_team(&c->svc) != NULL)
		rec_data(r, "team", svc_scope_team(&c->svc));
	if (svc_filters_title(&fs, title, sizeof title)[0] != '\0') {
		/* the options as typed, the same in every language */
		json_t *given = json_object();
		int f;

		for (f = 0; f < SVC_FILTERS; f++)
			if (fs.text[f] != NULL)
				json_object_set_new(given, svc_filter_option(f),
				    json_string(fs.text[f]));
		rec_json(r, _("Filters"), "filters", given, title);
	}
	/* an accounting period (a fiscal year is twelve months) is headed
	 * as one, and compared with the period before (review R23 s41: "Month
	 * 2025-04-01 to 2026-03-31"); JSON keeps its keys */
	period = fs.text[SVC_FILTER_PERIOD] != NULL;
	snprintf(title, sizeof title,
	    period ? _("Period %s to %s") : _("Month %s to %s"),
	    svc_date(&c->svc, d1, sizeof d1, k.from),
	    svc_date(&c->svc, d2, sizeof d2, k.to));
	kpi_period(r, title, "month", &k.cur, k.rate_tenths, k.avg_tenths);
	rec_date(r, _("From"), "from", k.from);
	rec_date(r, _("To"), "to", k.to);
	/* the current month's rate counts what has fallen due so far */
	rec_date(r, _("Rate counts items due up to"), "due_to", k.due_to);
	rec_section(r,
	    period ? _("Change against the previous period")
	           : _("Change against the previous month"),
	    "change");
	rec_tenths(r, _("Total collected"), "total_collected_percent",
	    k.chg_collected, "%");
	rec_tenths(r, _("Collection rate"), "collection_rate_points",
	    kpi_diff(k.rate_tenths, k.prev_rate_tenths), _(" points"));
	rec_tenths(r, _("Collection rate, relative"), "collection_rate_percent",
	    k.chg_rate, "%");
	rec_tenths(r, _("Average collection time"), "avg_collection_days",
	    k.avg_tenths == KPI_NONE || k.prev_avg_tenths == KPI_NONE
	        ? KPI_NONE
	        : k.avg_diff_tenths,
	    _(" days"));
	rec_tenths(r, _("Average collection time, relative"),
	    "avg_collection_time_percent", k.chg_avg, "%");
	rec_end(r);
	snprintf(title, sizeof title, _("Received on %s"),
	    svc_date(&c->svc, d1, sizeof d1, k.day));
	rec_section(r, title, "day");
	rec_date(r, _("Day"), "date", k.day);
	rec_money(r, _("Amount"), "amount", k.cur.day_total);
	rec_int(r, _("Payments"), "count", k.cur.day_count);
	rec_money(
	    r, _("The day before"), "previous_day_amount", k.prev_day_total);
	rec_tenths(r, _("Change against the day before"), "change_percent",
	    k.chg_today, "%");
	rec_end(r);
	snprintf(title, sizeof title,
	    period ? _("Previous period %s to %s") : _("Previous month %s to %s"),
	    svc_date(&c->svc, d1, sizeof d1, k.prev_from),
	    svc_date(&c->svc, d2, sizeof d2, k.prev_to));
	kpi_period(r, title, "previous_month", &k.prev, k.prev_rate_tenths,
	    k.prev_avg_tenths);
	rec_section(r, _("Outstanding today"), "outstanding");
	rec_money(r, _("Total outstanding"), "total", k.out.total);
	rec_int(r, _("Open items"), "open_items", k.out.items);
	rec_int(r, _("Overdue items"), "overdue_items", k.out.overdue_items);
	/* counted once: the items an arrangement took over are settled by
	 * it, its installments owe their debt (issue 21) */
	rec_money(r, _("Of which under arrangement"), "under_arrangement",
	    k.out.arranged);
	rec_int(r, _("Installments under arrangement"),
	    "under_arrangement_items", k.out.arranged_items);
	rec_tenths(r, _("Average days past due"), "avg_days_past_due",
	    k.avg_past_due_tenths, _(" days"));
	rec_end(r);
	rec_print(r);
	return 0;
}

struct payer_ctx {
	struct cli *c;
	struct table *t;
};

static int
payer_row(const struct payer_row *row, void *arg)
{
	struct payer_ctx *x = arg;
	char buf[LISTING_BUFSZ];
	struct xcell cells[16];

	svc_payer_cells(&x->c->svc, row,
	    x->c->mode != OUT_TEXT ? SVC_METHODS_PLAIN : SVC_METHODS_SHOWN, buf,
	    cells);
	table_cells(x->t, cells);
	return 0;
}

/* A distribution's rows, kept: a row's share needs the total first. */
struct split_ctx {
	struct split_row *rows;
	char (*keys)[48];
	size_t n, cap;
	int64_t total;
};

static int
split_keep(const struct split_row *r, void *arg)
{
	struct split_ctx *x = arg;

	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 16;
		x->rows = xrealloc(x->rows, x->cap, sizeof *x->rows);
		x->keys = xrealloc(x->keys, x->cap, sizeof *x->keys);
	}
	x->rows[x->n] = *r;
	snprintf(x->keys[x->n], sizeof x->keys[0], "%s", r->key);
	x->total += r->amount;
	x->n++;
	return 0;
}

/* `report payers --split method|gateway`: the filter's Posted payments
 * per method or per gateway (issue 19, seed 000's gateway visibility);
 * a gateway's key in JSON and CSV is its name, "" the counters'. */
static int
payers_split(struct cli *c, const struct payment_filter *f,
    const struct svc_filters *fs, enum split_by by)
{
	static const struct xcol cols[2][5] = {
	    {{NC_("column", "Method"), "method", X_TEXT, 16, 0},
	        {NC_("column", "Amount"), "amount", X_MONEY, 14, 0},
	        {NC_("column", "Payments"), "payments", X_INT, 9, 0},
	        {NC_("column", "Payers"), "payers", X_INT, 8, 0},
	        {NC_("column", "Share %"), "share_pct", X_TENTHS, 8, 0}},
	    {{NC_("column", "Gateway"), "gateway", X_ID, 16, 0},
	        {NC_("column", "Amount"), "amount", X_MONEY, 14, 0},
	        {NC_("column", "Payments"), "payments", X_INT, 9, 0},
	        {NC_("column", "Payers"), "payers", X_INT, 8, 0},
	        {NC_("column", "Share %"), "share_pct", X_TENTHS, 8, 0}}};
	struct split_ctx x = {0};
	struct xcell cell[5];
	struct table *t;
	size_t i;
	int rc;

	rc = svc_split(&c->svc, f, by, split_keep, &x, &c->err);
	if (rc == 0) {
		cli_scope_line(c);
		/* named under the scope, as the report's (review s51,
		 * helper-218: the split's text named none) */
		cli_kpi_rows_filters(c, fs);
	}
	t = table_new(c, cols[by == SPLIT_GATEWAY], 5);
	for (i = 0; rc == 0 && i < x.n; i++) {
		memset(cell, 0, sizeof cell);
		cell[0].s = c->mode == OUT_TEXT ? svc_split_name(x.keys[i], by)
		                                : x.keys[i];
		cell[1].n = x.rows[i].amount;
		cell[2].n = x.rows[i].count;
		cell[3].n = x.rows[i].payers;
		cell[4].n = money_ratio_tenths(x.rows[i].amount, x.total);
		table_cells(t, cell);
	}
	free(x.rows);
	free(x.keys);
	return table_done(t, rc);
}

int
cmd_report_payers(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *search = NULL, *sort = NULL,
	           *limit = NULL, *split = NULL, *scope = NULL;
	struct opt o[24] = {{"from", 0, &from}, {"to", 0, &to},
	    {"search", 0, &search}, {"sort", 0, &sort}, {"limit", 0, &limit},
	    {"split", OPT_FILTER, &split}, {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	static const char *const sorts[PAYERS_SORTS] = {
	    "total", "count", "last", "name", "account", "methods"};
	struct payment_filter f;
	struct payer_ctx x;
	struct export_job j;
	enum payers_sort by = PAYERS_BY_TOTAL;
	const struct xcol *cols;
	int64_t rows = 0;
	char **pos;
	int npos, rc, i, ncols, no = 7;

	memset(&f, 0, sizeof f);
	cli_filter_opts(o, &no, &fs, SVC_FILTER_ALL);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_payment_filter(c, &f, from, to, NULL, NULL, limit) != 0 ||
	    cli_scope(c, scope) != 0 ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_ALL, &f, &c->err) != 0)
		return -1;
	if (limit == NULL && c->mode != OUT_XLSX && c->mode != OUT_CSV)
		f.limit = 50;
	if (sort) {
		for (i = 0; i < PAYERS_SORTS && strcmp(sort, sorts[i]) != 0;
		     i++)
			;
		if (i == PAYERS_SORTS)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--sort \"%s\": one "
			      "of total, count, last, name, account, methods"),
			    sort);
		by = (enum payers_sort)i;
	}
	f.search = search;
	if (split != NULL) {
		/* a word of neither, and options that do not go together:
		 * usage errors, status 2, as a filter's value of no accepted
		 * form and kpi's --xlsx without --rows (review s52: both
		 * were status 3) */
		if (strcmp(split, "method") != 0 && strcmp(split, "gateway") != 0)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--split \"%s\": method or gateway"), split);
		if (sort != NULL || limit != NULL || c->mode == OUT_XLSX)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--split prints the distribution as a table "
			      "(text, --json or --csv): it takes no --sort, "
			      "--limit or workbook"));
		return payers_split(c, &f, &fs,
		    strcmp(split, "gateway") == 0 ? SPLIT_GATEWAY
		                                  : SPLIT_METHOD);
	}
	if (cli_export_job(c, &j)) {
		rc = svc_export_payers(&c->svc, &f, by, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	x.c = c;
	cols = svc_listing_cols(LIST_PAYERS, &ncols);
	/* the scope's line only above a report that is read */
	if (svc_require(&c->svc, ROLE_SUPERVISOR, _("The payers report"),
	        &c->err) != 0 ||
	    svc_payment_filter_check(&c->svc, &f, &c->err) != 0)
		return -1;
	cli_scope_line(c);
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	x.t = table_new(c, cols, ncols);
	rc = svc_payers_each(&c->svc, &f, by, payer_row, &x, &c->err);
	return table_done(x.t, rc);
}

static int
aging_row(const struct aging_row *row, void *arg)
{
	struct table *t = arg;
	struct xcell cells[16];

	svc_aging_cells(row, cells);
	table_cells(t, cells);
	return 0;
}

int
cmd_report_aging(struct cli *c, int argc, char **argv)
{
	const char *search = NULL, *consumer = NULL, *older = NULL,
	           *limit = NULL;
	struct opt o[8] = {{"search", 0, &search},
	    {"consumer", OPT_FILTER, &consumer},
	    {"older-than", OPT_FILTER, &older}, {"limit", 0, &limit}};
	struct svc_filters fs;
	struct payment_filter pf;
	static const char *const olders[] = {"0", "30", "60", "90"};
	struct aging_filter f;
	struct consumer_view v;
	struct export_job j;
	struct aging a;
	struct table *t;
	struct rec *r;
	const struct xcol *cols;
	int64_t rows = 0;
	char **pos, label[96], num[SVC_COUNT_BUFSZ];
	int npos, rc, ncols, b, no = 4;

	memset(&f, 0, sizeof f);
	memset(&pf, 0, sizeof pf);
	/* of the filters, the segment: items belong to no branch, user,
	 * method or period */
	cli_filter_opts(o, &no, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT));
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    (limit && cli_limit(c, limit, &f.limit) != 0) ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT),
	        &pf, &c->err) != 0)
		return -1;
	f.segment = pf.segment;
	if (limit == NULL && c->mode != OUT_XLSX && c->mode != OUT_CSV)
		f.limit = 50;
	if (older) {
		for (b = 0; b < 4 && strcmp(older, olders[b]) != 0; b++)
			;
		if (b == 4) /* a word of none: status 2 (review s52) */
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--older-than \"%s\": one of 0, 30, 60, 90 (days "
			      "past due)"),
			    older);
		f.min_bucket = b + 1;
	}
	f.search = search;
	if (consumer) {
		if (svc_consumer_show(&c->svc, consumer, &v, &c->err) != 0) {
			pd_err_prefix(&c->err, "--consumer: ");
			return -1;
		}
		f.consumer_id = v.c.id;
		svc_consumer_view_free(&v);
	}
	if (cli_export_job(c, &j)) {
		rc = svc_export_aging(&c->svc, &f, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	if (svc_aging_total(&c->svc, &f, &a, &c->err) != 0)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	if (c->mode == OUT_JSON)
		fputs("{\"totals\": ", stdout);
	r = rec_new(c);
	rec_section(r, _("Outstanding by days past due"), "buckets");
	for (b = 0; b < AGE_BUCKETS; b++) {
		snprintf(label, sizeof label,
		    ngettext("%s (%s item)", "%s (%s items)",
		        (unsigned long)a.count[b]),
		    _(age_bucket_name((enum age_bucket)b)),
		    svc_count(&c->svc, num, sizeof num, a.count[b]));
		rec_money(
		    r, label, age_bucket_name((enum age_bucket)b), a.amount[b]);
	}
	rec_end(r);
	rec_money(r, _("Total outstanding"), "total", a.total);
	rec_int(r, _("Open items"), "items", a.items);
	/* of the total, in the buckets too: counted once (issue 21) */
	rec_money(r, _("Of which under arrangement"), "under_arrangement",
	    a.arranged);
	rec_int(r, _("Installments under arrangement"),
	    "under_arrangement_items", a.arranged_items);
	rec_print(r);
	if (c->mode == OUT_JSON)
		fputs(", \"consumers\": ", stdout);
	else
		fputc('\n', stdout);
	cols = svc_listing_cols(LIST_AGING, &ncols);
	t = table_new(c, cols, ncols);
	rc = svc_aging_each(&c->svc, &f, aging_row, t, &c->err);
	table_end(t);
	if (c->mode == OUT_JSON)
		fputs("}\n", stdout);
	return rc;
}

/* The analysis reports' filters: service.h's (their workbooks' headings
 * name the same) */
#define ANALYSIS_FILTERS SVC_FORECAST_FILTERS
#define DETERIORATING_FILTERS SVC_DETERIORATING_FILTERS
#define ANOMALY_FILTERS SVC_ANOMALY_FILTERS

/* A whole number of weeks for option opt, or -1 with the message. */
static int
weeks_opt(struct cli *c, const char *opt, const char *s, int *out)
{
	int least = strcmp(opt, "--past") == 0 ? 0 : 1;
	enum pd_status e;
	long v;

	if (s == NULL)
		return 0;
	if ((e = cli_whole(s, least, FORECAST_WEEKS_MAX, &v)) != 0)
		return pd_fail(&c->err, e,
		    _("%s \"%s\": a number of weeks from %d to %d"), opt, s,
		    least, FORECAST_WEEKS_MAX);
	*out = (int)v;
	return 0;
}

/* The weeks of a forecast, kept to be printed past ones last. */
struct forecast_out {
	struct forecast_week w[2 * FORECAST_WEEKS_MAX];
	int n;
};

static int
forecast_row(const struct forecast_week *w, void *arg)
{
	struct forecast_out *o = arg;

	if (o->n < 2 * FORECAST_WEEKS_MAX)
		o->w[o->n++] = *w;
	return 0;
}

/* The weeks of o that are past (or not) as a table of their listing. */
static void
forecast_table(struct cli *c, const struct forecast_out *o, int past)
{
	const struct xcol *cols;
	struct xcell cells[8];
	struct table *t;
	int i, ncols;

	cols =
	    svc_listing_cols(past ? LIST_FORECAST_PAST : LIST_FORECAST, &ncols);
	t = table_new(c, cols, ncols);
	for (i = 0; i < o->n; i++)
		if (o->w[i].past == past) {
			svc_forecast_cells(&o->w[i], cells);
			table_cells(t, cells);
		}
	table_end(t);
}

/* The totals block of the forecast (f): the next 4, 8 and 13 weeks as
 * far as weeks reaches, the arrears not forecast, the method. */
static void
forecast_totals(struct cli *c, const struct forecast_totals *f, int weeks)
{
	static const int spans[3] = {4, 8, 13};
	static const char *const keys[3] = {"next_4", "next_8", "next_13"};
	struct rec *r = rec_new(c);
	char label[96];
	int i;

	rec_date(r, _("As of"), "as_of", f->as_of);
	for (i = 0; i < 3 && spans[i] <= weeks; i++) {
		snprintf(label, sizeof label,
		    ngettext("Forecast, next %d week",
		        "Forecast, next %d weeks", (unsigned long)spans[i]),
		    spans[i]);
		rec_money(r, label, keys[i], f->ahead[i]);
	}
	/* a total of its own when it is not one of those */
	if (c->mode == OUT_JSON || (weeks != 4 && weeks != 8 && weeks != 13)) {
		snprintf(label, sizeof label,
		    ngettext("Forecast, the %d week shown",
		        "Forecast, the %d weeks shown", (unsigned long)weeks),
		    weeks);
		rec_money(r, label, "forecast", f->expected);
	}
	rec_money(r, _("Owed in those weeks"), "open", f->open_ahead);
	rec_money(
	    r, _("Overdue before them (not forecast)"), "arrears", f->arrears);
	rec_print(r);
}

int
cmd_report_forecast(struct cli *c, int argc, char **argv)
{
	const char *weeks_s = NULL, *past_s = NULL, *scope = NULL;
	struct opt o[12] = {{"weeks", OPT_FILTER, &weeks_s},
	    {"past", OPT_FILTER, &past_s}, {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	struct payment_filter pf;
	struct forecast_totals f;
	struct forecast_out out;
	struct export_job j;
	int64_t rows = 0;
	char **pos;
	int npos, rc, weeks = 13, past = 4, no = 3;

	/* of the filters, the segment: the items are its consumers'; the
	 * scope (and its team), the branch and the user are those of the
	 * past weeks' payments (review R23 10: what they collected) */
	memset(&pf, 0, sizeof pf);
	cli_filter_opts(o, &no, &fs, ANALYSIS_FILTERS);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    weeks_opt(c, "--weeks", weeks_s, &weeks) != 0 ||
	    weeks_opt(c, "--past", past_s, &past) != 0 ||
	    cli_scope(c, scope) != 0 ||
	    svc_filters_parse(&c->svc, &fs, ANALYSIS_FILTERS, &pf, &c->err) !=
	        0 ||
	    svc_payment_filter_check(&c->svc, &pf, &c->err) != 0)
		return -1;
	c->svc.narrow.branch = pf.branch;
	c->svc.narrow.recorded_by = pf.recorded_by;
	/* an export writes the weeks ahead only: --past with one would be
	 * dropped unsaid (review s52), options that do not go together */
	if (past_s != NULL && (c->mode == OUT_CSV || c->mode == OUT_XLSX))
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--past: an export (--csv, --xlsx) holds the weeks "
		      "ahead only; the past weeks are in the text and "
		      "--json"));
	if (cli_export_job(c, &j)) {
		rc = svc_export_forecast(
		    &c->svc, weeks, pf.segment, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	out.n = 0;
	if (svc_forecast(&c->svc, weeks, past, pf.segment, forecast_row, &out,
	        &f, &c->err) != 0)
		return -1;
	/* whose payments its past weeks count, the weeks ahead the
	 * organisation's whatever the scope */
	if (c->mode == OUT_TEXT) {
		char title[400];

		printf(_("Scope: %s"),
		    svc_forecast_scope_title(&c->svc, title, sizeof title));
		putchar('\n');
	}
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	/* whose payments its past weeks count, then the weeks */
	cli_scope_json_open(c, "weeks", &fs);
	forecast_table(c, &out, 0);
	/* --past 0: no past weeks' table in the text (review R23 s41: its
	 * header and "(none)" were printed), JSON's "past" empty */
	if (c->mode == OUT_JSON || past > 0) {
		fputs(c->mode == OUT_JSON ? ", \"past\": " : "\n", stdout);
		if (c->mode != OUT_JSON)
			printf("%s\n",
			    _("The past weeks: each week's forecast as known "
			      "on its first day (what was issued, imported, "
			      "arranged or credited that day in; that day's "
			      "payments not taken off), beside what came in"));
		forecast_table(c, &out, 1);
	}
	fputs(c->mode == OUT_JSON ? ", \"totals\": " : "\n", stdout);
	forecast_totals(c, &f, weeks);
	if (c->mode == OUT_JSON)
		fputs("}\n", stdout);
	return 0;
}

static int
deteriorating_row(const struct deteriorating_row *row, void *arg)
{
	struct xcell cells[8];

	_Static_assert(sizeof cells / sizeof cells[0] >= 6,
	    "a cell for each of LIST_DETERIORATING's columns");

	/* words in English in JSON and CSV, as in every language */
	svc_deteriorating_cells(row, table_machine(arg), cells);
	table_cells(arg, cells);
	return 0;
}

int
cmd_report_deteriorating(struct cli *c, int argc, char **argv)
{
	const char *last = NULL, *scope = NULL, *months = NULL;
	struct opt o[12] = {{"last", OPT_FILTER, &last},
	    {"months", OPT_FILTER, &months}, {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	struct payment_filter pf;
	const struct xcol *cols;
	struct xcol whole_cols[8];
	struct export_job j;
	struct table *t;
	char **pos;
	enum pd_status e;
	long n = DETERIORATING_LAST, m = DETERIORATING_MONTHS;
	int64_t rows = 0;
	int npos, ncols, rc, no = 3, i;

	/* of the filters, the segment (paydesk(1)): the consumers' payments
	 * and items; the branch, the user, the method and the channel: the
	 * payments' (review R23 10; issue 23) */
	memset(&pf, 0, sizeof pf);
	cli_filter_opts(o, &no, &fs, DETERIORATING_FILTERS);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_scope(c, scope) != 0 ||
	    svc_filters_parse(
	        &c->svc, &fs, DETERIORATING_FILTERS, &pf, &c->err) != 0 ||
	    svc_payment_filter_check(&c->svc, &pf, &c->err) != 0)
		return -1;
	c->svc.narrow.segment = pf.segment;
	c->svc.narrow.branch = pf.branch;
	c->svc.narrow.recorded_by = pf.recorded_by;
	c->svc.narrow.method = pf.method;
	c->svc.narrow.channel = pf.channel;
	if (last != NULL &&
	    (e = cli_whole(last, 2, DETERIORATING_MAX, &n)) != 0)
		return pd_fail(&c->err, e,
		    _("--last \"%s\": the payments to compare, a whole "
		      "number 2 to %d"),
		    last, DETERIORATING_MAX);
	if (months != NULL &&
	    (e = cli_whole(months, 2, DETERIORATING_MONTHS_MAX, &m)) != 0)
		return pd_fail(&c->err, e,
		    _("--months \"%s\": the month ends to compare, a "
		      "whole number 2 to %d"),
		    months, DETERIORATING_MONTHS_MAX);
	/* refused before the title line */
	if (svc_require(&c->svc, ROLE_SUPERVISOR,
	        _("The deteriorating payers report"), &c->err) != 0)
		return -1;
	/* a workbook as the screen's (CSV: the table's, as before) */
	if (c->mode == OUT_XLSX && cli_export_job(c, &j)) {
		rc = svc_export_deteriorating(
		    &c->svc, (int)n, (int)m, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	cols = svc_listing_cols(LIST_DETERIORATING, &ncols);
	/* the figures that list a payer, whole: the days to pay of --last
	 * (up to 20) and the aging at --months month ends and the one
	 * before them (up to 5), the last of them being the move that lists
	 * him (review R23b: "-7, -4,
	 * -1, 2, 5, 8, 11~"); on the command line, where nothing is hidden,
	 * no text column of this report is cut */
	if (ncols <= (int)(sizeof whole_cols / sizeof whole_cols[0])) {
		memcpy(whole_cols, cols, sizeof *cols * (size_t)ncols);
		for (i = 0; i < ncols; i++)
			if (whole_cols[i].kind == X_TEXT ||
			    whole_cols[i].kind == X_LIST)
				whole_cols[i].min = -1;
		cols = whole_cols;
	}
	cli_scope_line(c);
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	/* JSON: {"scope": ..., "payers": [...]}, as kpi's (review R23) */
	cli_scope_json_open(c, "payers", &fs);
	t = table_new(c, cols, ncols);
	rc = table_done(t,
	    svc_deteriorating(
	        &c->svc, (int)n, (int)m, deteriorating_row, t, &c->err));
	return cli_scope_json_close(c, rc);
}

static int
anomaly_row(const struct anomaly_row *row, void *arg)
{
	struct xcell cells[8];

	svc_anomaly_cells(row, table_machine(arg), cells);
	table_cells(arg, cells);
	return 0;
}

/* report anomalies [--date D | --period P] [--scope S]: the rules of
 * service/anomalies.c over one day or each day of an accounting period
 * (up to today), each row with its day and reason */
int
cmd_report_anomalies(struct cli *c, int argc, char **argv)
{
	const char *date = NULL, *scope = NULL;
	struct opt o[12] = {
	    {"date", OPT_FILTER, &date}, {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	struct payment_filter pf;
	const struct xcol *cols;
	struct export_job j;
	struct table *t;
	char **pos, day[11], today[11];
	const char *from, *to = NULL;
	int64_t rows = 0;
	int npos, ncols, rc, no = 2;

	/* the segment, branch, user, method, channel and gateway of the
	 * payments the rules read (review R23 10; issue 23); the day is the
	 * period */
	memset(&pf, 0, sizeof pf);
	cli_filter_opts(o, &no, &fs, ANOMALY_FILTERS);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_scope(c, scope) != 0 ||
	    svc_filters_parse(&c->svc, &fs, ANOMALY_FILTERS, &pf, &c->err) !=
	        0 ||
	    svc_payment_filter_check(&c->svc, &pf, &c->err) != 0)
		return -1;
	c->svc.narrow.segment = pf.segment;
	c->svc.narrow.branch = pf.branch;
	c->svc.narrow.recorded_by = pf.recorded_by;
	c->svc.narrow.method = pf.method;
	c->svc.narrow.channel = pf.channel;
	c->svc.narrow.gateway = pf.gateway;
	c->svc.narrow.period = pf.period; /* a workbook's heading names it */
	if (date != NULL && fs.text[SVC_FILTER_PERIOD] != NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--period \"%s\" takes the place of --date: give one "
		      "or the other"),
		    fs.text[SVC_FILTER_PERIOD]);
	if (date != NULL && ((date = cli_date(c, "--date", date)) == NULL ||
	                        svc_anomalies_day(&c->svc, date, &c->err) != 0))
		return -1;
	if (date != NULL)
		snprintf(day, sizeof day, "%s", date);
	from = date != NULL ? day : NULL;
	svc_today(today);
	if (fs.text[SVC_FILTER_PERIOD] != NULL) {
		/* its days, those up to today (a period begun after today
		 * has none yet, as kpi --period says) */
		if (strcmp(fs.from, today) > 0)
			return pd_fail(&c->err, PD_EINVAL,
			    _("Period %s is in the future (today is %s): "
			      "there is no data for it yet"),
			    fs.text[SVC_FILTER_PERIOD], today);
		from = fs.from;
		to = fs.to;
	}
	/* refused before the title line */
	if (svc_require(&c->svc, ROLE_SUPERVISOR, _("The anomalies report"),
	        &c->err) != 0)
		return -1;
	if (cli_export_job(c, &j)) {
		rc =
		    svc_export_anomalies(&c->svc, from, to, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	cols = svc_listing_cols(LIST_ANOMALIES, &ncols);
	cli_scope_line(c);
	cli_kpi_rows_filters(c, &fs);
	cli_scope_json_open(c, "anomalies", &fs);
	t = table_new(c, cols, ncols);
	rc = table_done(
	    t, svc_anomalies(&c->svc, from, to, anomaly_row, t, &c->err));
	return cli_scope_json_close(c, rc);
}
