/* export_report.c - the analysis reports written to CSV or xlsx files
 * under their heading block (export.c runs each file): payers, aging,
 * the forecast with its totals, anomalies, deteriorating payers and the
 * rows behind a dashboard figure. */
#include <stdlib.h>
#include <string.h>

#include "export_int.h"
#include "paydesk/date.h"
#include "paydesk/xmalloc.h"

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static int
put_payer(const struct payer_row *row, void *arg)
{
	struct xrun *r = arg;

	if (r->j->nmarked > 0 &&
	    bsearch(&row->consumer_id, r->j->marked, r->j->nmarked,
	        sizeof *r->j->marked, cmp_id) == NULL)
		return 0;
	svc_payer_cells(r->s, row, SVC_METHODS_PLAIN, r->buf, r->cells);
	return xrun_row(r);
}

int
svc_export_payers(struct svc *s, const struct payment_filter *f,
    enum payers_sort sort, const struct export_job *j, int64_t *rows,
    struct pd_err *err)
{
	struct xrun r;
	int64_t total = j->nmarked > 0 ? (int64_t)j->nmarked
	                : f->limit > 0 ? (int64_t)f->limit
	                               : -1;
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct xhead h;
	char period[128];
	int rc;

	/* the payers report's file says its scope and filters (issue 23) */
	xhead_days(lang, period, sizeof period, f->from, f->to);
	xhead_fill(s, &h, L_(lang, "Payers"), period, SVC_FILTER_ALL, f);
	if (xrun_open_headed(
	        &r, s, j, LIST_PAYERS, L_(lang, "Payers"), total, &h, err) != 0)
		return -1;
	rc = r.cancelled ? 0 : svc_payers_each(s, f, sort, put_payer, &r, err);
	return xrun_finish(&r, rc, rows);
}

static int
put_aging(const struct aging_row *row, void *arg)
{
	struct xrun *r = arg;

	svc_aging_cells(row, r->cells);
	return xrun_row(r);
}

int
svc_export_aging(struct svc *s, const struct aging_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct payment_filter pf;
	struct xrun r;
	struct xhead h;
	char today[11];
	int rc;

	/* its heading as every analysis report's (issue 23): the segment,
	 * its one filter, and the day its items are open on */
	memset(&pf, 0, sizeof pf);
	pf.segment = f->segment;
	svc_today(today);
	xhead_fill(s, &h, L_(lang, "Aging"), today,
	    SVC_ITEM_FILTERS | SVC_HEAD_ORG, &pf);
	if (xrun_open_headed(&r, s, j, LIST_AGING, L_(lang, "Aging"),
	        f->limit > 0 ? (int64_t)f->limit : -1, &h, err) != 0)
		return -1;
	rc = r.cancelled ? 0 : svc_aging_each(s, f, put_aging, &r, err);
	return xrun_finish(&r, rc, rows);
}

/* The weeks ahead of a forecast, kept to go under its heading. */
struct forecast_keep {
	struct forecast_week w[FORECAST_WEEKS_MAX];
	int n;
};

static int
keep_forecast(const struct forecast_week *w, void *arg)
{
	struct forecast_keep *k = arg;

	if (!w->past && k->n < FORECAST_WEEKS_MAX)
		k->w[k->n++] = *w;
	return 0;
}

/* A totals row of the forecast's file: label in the week's column, the
 * last day it covers (to), what is owed in it and its forecast (none:
 * -1, an empty cell). */
static int
forecast_total_row(struct xrun *r, const char *label, const char *to,
    int64_t open, int64_t forecast)
{
	memset(r->cells, 0, sizeof r->cells);
	r->cells[0].s = label;
	r->cells[1].s = to;
	r->cells[2].s = ""; /* no count of consumers */
	r->cells[3].n = open;
	if (forecast < 0)
		r->cells[4].s = "";
	else
		r->cells[4].n = forecast;
	return xrun_row(r);
}

/* Under the weeks, their totals as the text's and the screen's (a fresh
 * tester's, issue 23: the workbook had none of them): the forecast of
 * the next 4, 8 and 13 weeks as far as the weeks reach (and of the
 * weeks shown when that is none of those), what is owed in them, and
 * what is overdue before them (owed, not forecast). In the workbook's
 * language; CSV's in English, as its other words. */
static int
forecast_totals_rows(struct xrun *r, const struct forecast_keep *k,
    const struct forecast_totals *t, const struct i18n_lang *lang)
{
	static const int spans[3] = {4, 8, 13};
	char label[128], before[11];
	int64_t open;
	int32_t d;
	int i, w;

	for (i = 0; i < 3 && spans[i] <= k->n; i++) {
		for (open = 0, w = 0; w < spans[i]; w++)
			open += k->w[w].open;
		snprintf(label, sizeof label,
		    LN_(lang, "Forecast, next %d week",
		        "Forecast, next %d weeks", (unsigned long)spans[i]),
		    spans[i]);
		if (forecast_total_row(r, label, k->w[spans[i] - 1].to, open,
		        t->ahead[i]) != 0)
			return -1;
	}
	if (k->n != 4 && k->n != 8 && k->n != 13 && k->n > 0) {
		snprintf(label, sizeof label,
		    LN_(lang, "Forecast, the %d week shown",
		        "Forecast, the %d weeks shown", (unsigned long)k->n),
		    k->n);
		if (forecast_total_row(r, label, k->w[k->n - 1].to,
		        t->open_ahead, t->expected) != 0)
			return -1;
	}
	/* due before the first week's first day */
	if (k->n > 0 && date_parse(k->w[0].from, "Week", &d, NULL) == 0)
		date_format(before, d - 1);
	else
		before[0] = '\0';
	return forecast_total_row(r,
	    L_(lang, "Overdue before them (not forecast)"), before, t->arrears,
	    -1);
}

int
svc_export_forecast(struct svc *s, int weeks, const char *segment,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct forecast_totals t;
	struct forecast_keep *k;
	struct payment_filter pf = s->narrow;
	struct xrun r;
	struct xhead h;
	char period[128], today[11];
	int rc, i;

	/* the weeks and their totals first: the file is opened once they
	 * are read */
	k = xcalloc(1, sizeof *k);
	if (svc_forecast(s, weeks, 0, segment, keep_forecast, k, &t, err) !=
	    0) {
		free(k);
		return -1;
	}
	svc_today(today);
	snprintf(
	    period, sizeof period, L_(lang, "%d weeks from %s"), weeks, today);
	/* the weeks ahead are the organisation's open items whatever the
	 * scope (an item is of no terminal, branch or team; a fresh
	 * tester's, issue 23: "Scope: Branch B01" above them), their one
	 * filter the segment: the branch and user narrow the past weeks'
	 * payments alone, which the file does not hold */
	pf.segment = segment;
	xhead_fill(s, &h, L_(lang, "Forecast"), period,
	    SVC_ITEM_FILTERS | SVC_HEAD_ORG, &pf);
	if (xrun_open_headed(&r, s, j, LIST_FORECAST, L_(lang, "Forecast"),
	        k->n, &h, err) != 0) {
		free(k);
		return -1;
	}
	for (i = 0, rc = 0; i < k->n && rc == 0 && !r.cancelled; i++) {
		svc_forecast_cells(&k->w[i], r.cells);
		rc = xrun_row(&r);
	}
	if (rc == 0 && !r.cancelled)
		rc = forecast_totals_rows(
		    &r, k, &t, j->format == EXPORT_CSV ? NULL : lang);
	free(k);
	return xrun_finish(&r, rc, rows);
}

static int
put_anomaly(const struct anomaly_row *a, void *arg)
{
	struct xrun *r = arg;

	/* the cells of a file the same in every language (paydesk(1)
	 * --xlsx): the words in English, as JSON's */
	svc_anomaly_cells(a, 1, r->cells);
	return xrun_row(r);
}

int
svc_export_anomalies(struct svc *s, const char *from, const char *to,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct xrun r;
	struct xhead h;
	char today[11], period[128];
	int rc;

	svc_today(today);
	/* the days read: a period's up to today (svc_anomalies reads no
	 * day to come; a fresh tester's, issue 23: the row said its last) */
	if (to != NULL && strcmp(to, today) > 0)
		to = today;
	if (to != NULL && (from == NULL || strcmp(from, to) != 0))
		snprintf(period, sizeof period, L_(lang, "%s to %s"),
		    from ? from : today, to);
	else
		snprintf(period, sizeof period, "%s", from ? from : today);
	xhead_fill(
	    s, &h, L_(lang, "Anomalies"), period, SVC_ANOMALY_FILTERS, NULL);
	if (svc_require(s, ROLE_SUPERVISOR, _("The anomalies report"), err) !=
	        0 ||
	    xrun_open_headed(&r, s, j, LIST_ANOMALIES, L_(lang, "Anomalies"),
	        -1, &h, err) != 0)
		return -1;
	rc = r.cancelled ? 0 : svc_anomalies(s, from, to, put_anomaly, &r, err);
	return xrun_finish(&r, rc, rows);
}

static int
put_deteriorating(const struct deteriorating_row *d, void *arg)
{
	struct xrun *r = arg;

	svc_deteriorating_cells(d, 1, r->cells);
	return xrun_row(r);
}

int
svc_export_deteriorating(struct svc *s, int last, int months,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct xrun r;
	struct xhead h;
	char period[128];
	int rc;

	snprintf(period, sizeof period,
	    L_(lang, "The last %d payments, the last %d month ends"), last,
	    months);
	xhead_fill(s, &h, L_(lang, "Deteriorating payers"), period,
	    SVC_DETERIORATING_FILTERS, NULL);
	if (svc_require(s, ROLE_SUPERVISOR,
	        _("The deteriorating payers report"), err) != 0 ||
	    xrun_open_headed(&r, s, j, LIST_DETERIORATING,
	        L_(lang, "Deteriorating payers"), -1, &h, err) != 0)
		return -1;
	rc = r.cancelled ? 0
	                 : svc_deteriorating(
	                       s, last, months, put_deteriorating, &r, err);
	return xrun_finish(&r, rc, rows);
}

static int
put_rate(const struct rate_row *row, void *arg)
{
	struct xrun *r = arg;

	svc_rate_cells(row, r->cells);
	return xrun_row(r);
}

static int
put_open(const struct open_row *row, void *arg)
{
	struct xrun *r = arg;

	svc_open_cells(row, r->cells);
	return xrun_row(r);
}

static int
put_time(const struct time_row *row, void *arg)
{
	struct xrun *r = arg;

	svc_time_cells(row, r->cells);
	return xrun_row(r);
}

int
svc_export_kpi_rows(struct svc *s, enum listing l, const struct kpi *k,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	const char *sheet;
	struct xrun r;
	struct xhead h;
	char period[128];
	int rc;

	/* the sheet named as the screen is (at most 31 characters) */
	switch (l) {
	case LIST_RATE_ITEMS:
		sheet = L_(lang, "Collection rate items");
		break;
	case LIST_TIME_ROWS:
		sheet = L_(lang, "Collection time");
		break;
	case LIST_OPEN_ITEMS:
		sheet = L_(lang, "Outstanding items");
		break;
	default:
		return pd_fail(err, PD_EINVAL,
		    _("Not the rows behind a figure: listing %d"), (int)l);
	}
	/* the open items are today's, the others the period's */
	if (l == LIST_OPEN_ITEMS)
		svc_today(period);
	else
		xhead_days(lang, period, sizeof period, k->from, k->to);
	/* the open items' filter is their segment; the others' every one
	 * the figure's (its period too) */
	xhead_fill(s, &h, sheet, period,
	    l == LIST_OPEN_ITEMS ? SVC_ITEM_FILTERS | SVC_HEAD_ORG
	                         : SVC_FILTER_ALL,
	    NULL);
	if (xrun_open_headed(&r, s, j, l, sheet, -1, &h, err) != 0)
		return -1;
	if (r.cancelled)
		rc = 0;
	else if (l == LIST_RATE_ITEMS)
		rc = svc_rate_rows(s, k, put_rate, &r, err);
	else if (l == LIST_TIME_ROWS)
		rc = svc_time_rows(s, k, put_time, &r, err);
	else
		rc = svc_open_rows(s, put_open, &r, err);
	return xrun_finish(&r, rc, rows);
}
