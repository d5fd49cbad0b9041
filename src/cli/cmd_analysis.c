/* cmd_analysis.c - the analysis reports: report forecast (what the
 * weeks ahead should collect, beside the weeks past), report
 * deteriorating (the consumers whose payments come later and later) and
 * report anomalies (the payments the rules of service/anomalies.c find
 * over a day or an accounting period's days). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

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
	cli_kpi_rows_filters(
	    c, &fs); /* named under the scope (review R23 s41) */
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
	cli_kpi_rows_filters(
	    c, &fs); /* named under the scope (review R23 s41) */
	/* JSON: {"scope": ..., "payers": [...]}, as kpi's (review R23) */
	cli_scope_json_open(c, "payers", &fs);
	t = table_new(c, cols, ncols);
	rc = table_done(t, svc_deteriorating(&c->svc, (int)n, (int)m,
	                       deteriorating_row, t, &c->err));
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
