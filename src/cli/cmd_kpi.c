/* cmd_kpi.c - kpi: the collection figures of a month or an accounting
 * period (and of a day of it) beside the period before, as a record
 * under its scope and filters; the rows behind a figure (kpi --rows)
 * are cmd_kpi_rows.c's. */
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
	    period ? _("Previous period %s to %s")
	           : _("Previous month %s to %s"),
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
