/* export.c - the back office listings written to CSV or xlsx files,
 * streamed from the store with progress and cancel. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/date.h"
#include "paydesk/file.h"
#include "paydesk/service.h"
#include "paydesk/xmalloc.h"

#define PROGRESS_EVERY 256

struct xrun {
	struct svc *s;
	const struct export_job *j;
	struct exporter *x;
	int64_t total;
	int cancelled;
	int failed;
	struct pd_err *err;
	char buf[LISTING_BUFSZ];
	struct xcell cells[24];
};

/* An analysis report's heading block (issue 23: a workbook opened later
 * says what it covers): the report, its scope, the filters given, its
 * period, the currency of its amounts, when it was made and by whom. */
#define XHEAD_ROWS 7
struct xhead {
	const char *pairs[2 * XHEAD_ROWS];
	char scope[160], filters[400], period[128], currency[48], made[40],
	    by[200];
};

/* h filled for report (the sheet's name) of the filters bits
 * (SVC_FILTER_BIT: those its figures apply, and no other; a fresh
 * tester's, issue 23: the forecast's workbook named the dashboard's
 * method and channel, which no forecast reads) as f holds them (NULL:
 * the figures', s->narrow), over days (as said; NULL: none). An
 * accounting period f names (f->period, as given: "FY2026-P08") is
 * named among the filters, as the text's Filters: line names it, and
 * heads the period's row, its days after it. */
static void
xhead_fill(struct svc *s, struct xhead *h, const char *report, const char *days,
    unsigned bits, const struct payment_filter *f)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct svc_filters fs;
	const char *period;
	char ts[TS_BUFSZ];
	int k = 0, i;

	if (f == NULL)
		f = &s->narrow;
	period = f->period != NULL && *f->period != '\0' ? f->period : NULL;
	memset(&fs, 0, sizeof fs);
	fs.text[SVC_FILTER_SEGMENT] = f->segment;
	fs.text[SVC_FILTER_PERIOD] = period;
	fs.text[SVC_FILTER_BRANCH] = f->branch;
	fs.text[SVC_FILTER_USER] = f->recorded_by;
	fs.text[SVC_FILTER_CHANNEL] = f->channel;
	fs.text[SVC_FILTER_METHOD] = f->method;
	fs.text[SVC_FILTER_GATEWAY] = f->gateway;
	for (i = 0; i < SVC_FILTERS; i++)
		if (!(bits & SVC_FILTER_BIT(i)))
			fs.text[i] = NULL;
	period = fs.text[SVC_FILTER_PERIOD];
	/* the whole block in the document's language, as the rest of the
	 * workbook: the scope and the filters' words too; the
	 * organisation's figures (SVC_HEAD_ORG) said to be, whatever the
	 * scope in force, as the text's Scope: line says it */
	if (bits & SVC_HEAD_ORG)
		snprintf(h->scope, sizeof h->scope, "%s",
		    L_(lang, "Organisation (the same in every scope)"));
	else
		svc_scope_title_in(s, lang, h->scope, sizeof h->scope);
	if (*svc_filters_title_in(&fs, lang, h->filters, sizeof h->filters) ==
	    '\0')
		snprintf(h->filters, sizeof h->filters, "%s", L_(lang, "None"));
	snprintf(h->currency, sizeof h->currency, "%s (%s)",
	    s->cfg.currency_code, s->cfg.currency_symbol);
	svc_now(ts);
	snprintf(h->made, sizeof h->made, "%s", ts);
	if (s->actor.user_id != 0)
		snprintf(h->by, sizeof h->by, "%s (%s)", s->actor.full_name,
		    s->actor.username);
	else
		snprintf(h->by, sizeof h->by, "-");
	if (period != NULL && days != NULL)
		snprintf(h->period, sizeof h->period, "%s (%s)", period, days);
	else
		snprintf(h->period, sizeof h->period, "%s",
		    period ? period
		    : days ? days
		           : "-");
	h->pairs[k++] = L_(lang, "Report");
	h->pairs[k++] = report;
	h->pairs[k++] = L_(lang, "Scope");
	h->pairs[k++] = h->scope;
	h->pairs[k++] = L_(lang, "Filters");
	h->pairs[k++] = h->filters;
	h->pairs[k++] = L_(lang, "Period");
	h->pairs[k++] = h->period;
	h->pairs[k++] = L_(lang, "Currency");
	h->pairs[k++] = h->currency;
	h->pairs[k++] = L_(lang, "Made");
	h->pairs[k++] = h->made;
	h->pairs[k++] = L_(lang, "By");
	h->pairs[k++] = h->by;
}

/* The days from to to (YYYY-MM-DD, NULL or "": open) as a heading's
 * Period: says them, in the document's language: "A to B", one day "A",
 * and a range open at one end or both what it is (a fresh tester's,
 * issue 23: "2026-09-01 to ..."): "from A", "up to B", "All days". */
static void
xhead_days(const struct i18n_lang *lang, char *buf, size_t n, const char *from,
    const char *to)
{
	if (from != NULL && *from == '\0')
		from = NULL;
	if (to != NULL && *to == '\0')
		to = NULL;
	if (from != NULL && to != NULL && strcmp(from, to) == 0)
		snprintf(buf, n, "%s", from);
	else if (from != NULL && to != NULL)
		snprintf(buf, n, L_(lang, "%s to %s"), from, to);
	else if (from != NULL)
		snprintf(buf, n, L_(lang, "from %s"), from);
	else if (to != NULL)
		snprintf(buf, n, L_(lang, "up to %s"), to);
	else
		snprintf(buf, n, "%s", L_(lang, "All days"));
}

/* The options of a workbook or CSV file of format, as the organisation
 * writes money, in the documents' language (sheet: the name shown). */
static void
file_opts(struct svc *s, struct export_opts *o, enum export_format format,
    const char *sheet)
{
	memset(o, 0, sizeof *o);
	o->format = format;
	o->sheet = sheet;
	o->symbol = s->cfg.currency_symbol;
	o->symbol_after = strcmp(s->cfg.symbol_place, "after") == 0;
	o->symbol_space = strcmp(s->cfg.symbol_space, "yes") == 0;
	o->group2 = strcmp(s->cfg.grouping, "3,2") == 0 ? 2 : 3;
	o->digits = s->cfg.minor_digits;
	o->replace_links = s->replace_links;
	o->lang = svc_doc_lang(s, NULL);
}

/* Who may write a listing's file: a file of consumers' names, phones
 * and amounts is a supervisor's (issue 18 section 5); the recovery
 * lists are written by the role that reads them, as the command line's
 * --csv and --xlsx write them (issue 21: "export for field crews"); the
 * plans list, of account numbers and sums, by every role that reads it. */
static enum role
export_role(enum listing l)
{
	switch (l) {
	case LIST_PLANS:
		return ROLE_CASHIER;
	case LIST_PLAN_PERF:
	case LIST_ALERTS:
	case LIST_DISCONNECT:
	case LIST_RECONNECT:
		return ROLE_RECOVERY;
	default:
		return ROLE_SUPERVISOR;
	}
}

/* The run of listing l into j's file; h: its heading block (NULL:
 * none, the header the first row). */
static int xrun_open_cols(struct xrun *r, struct svc *s,
    const struct export_job *j, enum listing l, const char *sheet,
    int64_t total, const struct xhead *h, const struct xcol *cols, int ncols,
    struct pd_err *err);

static int
xrun_open_headed(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, const struct xhead *h,
    struct pd_err *err)
{
	const struct xcol *cols;
	int ncols;

	cols = svc_listing_cols(l, &ncols);
	return xrun_open_cols(r, s, j, l, sheet, total, h, cols, ncols, err);
}

/* xrun_open_headed with the columns cols (listing l's and more) */
static int
xrun_open_cols(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, const struct xhead *h,
    const struct xcol *cols, int ncols, struct pd_err *err)
{
	struct export_opts o;

	memset(r, 0, sizeof *r);
	/* checked before the file is opened */
	if (svc_require(s, export_role(l), _("Exporting consumers' data"),
	        err) != 0)
		return -1;
	r->s = s;
	r->j = j;
	r->total = total;
	r->err = err;
	file_opts(s, &o, j->format, sheet);
	o.key_headers = j->key_headers;
	if (h != NULL) {
		o.heading = h->pairs;
		o.nheading = XHEAD_ROWS;
	}
	r->x = export_open(j->path, stdout, &o, cols, ncols, err);
	if (r->x == NULL)
		return -1;
	if (j->progress != NULL && j->progress(0, total, j->arg) != 0)
		r->cancelled = 1;
	return 0;
}

static int
xrun_open(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, struct pd_err *err)
{
	return xrun_open_headed(r, s, j, l, sheet, total, NULL, err);
}

/* The bank account the reconciliation is of, as its heading names it:
 * the account, and the currency its latest statement gives, if any
 * ("NL91ABNA0417164300 (EUR)"). No store keeps an account's name. */
static void
recon_account_text(struct svc *s, const char *account, char *buf, size_t n)
{
	struct pd_err e;
	struct statement *v;
	const char *cur = "";
	size_t nst = 0, i;

	v = svc_statement_list(s, &nst, &e);
	for (i = 0; v != NULL && i < nst; i++) /* newest first */
		if (strcmp(v[i].account, account) == 0 && v[i].currency[0]) {
			cur = v[i].currency;
			break;
		}
	if (*cur)
		snprintf(buf, n, "%s (%s)", account, cur);
	else
		snprintf(buf, n, "%s", account);
	free(v);
}

/* Write the row in r->cells; non-zero stops the listing. */
static int
xrun_row(struct xrun *r)
{
	int64_t n;

	if (r->cancelled)
		return 1;
	if (export_row(r->x, r->cells, r->err) != 0) {
		r->failed = 1;
		return 1;
	}
	n = export_rows(r->x);
	if (r->j->progress != NULL && n % PROGRESS_EVERY == 0 &&
	    r->j->progress(n, r->total, r->j->arg) != 0) {
		r->cancelled = 1;
		return 1;
	}
	return 0;
}

/* rc is the listing's result: close (publish) or abort. */
static int
xrun_finish(struct xrun *r, int rc, int64_t *rows)
{
	int64_t n = export_rows(r->x);

	if (rows != NULL)
		*rows = n;
	if (r->cancelled) {
		export_abort(r->x);
		return pd_fail(r->err, PD_ECANCEL,
		    ngettext("Export cancelled after %lld row; no file was "
		             "written",
		        "Export cancelled after %lld rows; no file was written",
		        (unsigned long)n),
		    (long long)n);
	}
	if (rc != 0 || r->failed) {
		export_abort(r->x);
		return -1;
	}
	if (export_close(r->x, r->err) != 0)
		return -1;
	if (r->j->progress != NULL)
		r->j->progress(n, n, r->j->arg);
	return 0;
}

static int
put_payment(const struct payment_row *row, void *arg)
{
	struct xrun *r = arg;

	svc_payment_cells(row, r->cells);
	return xrun_row(r);
}

int
svc_export_payments(struct svc *s, const struct payment_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	struct payment_filter g = *f;
	struct xrun r;
	int64_t total = -1;
	int rc;

	g.after = NULL;
	if (j->progress != NULL && svc_payments_count(s, &g, &total, err) != 0)
		return -1;
	if (xrun_open(&r, s, j, LIST_PAYMENTS,
	        L_(svc_doc_lang(s, NULL), "Payments"), total, err) != 0)
		return -1;
	rc = r.cancelled ? 0 : svc_payments_each(s, &g, put_payment, &r, err);
	return xrun_finish(&r, rc, rows);
}

int
svc_export_payments_headed(struct svc *s, const struct payment_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct payment_filter g = *f;
	const char *report;
	struct xrun r;
	struct xhead h;
	char days[128];
	int64_t total = -1;
	int rc;

	g.after = NULL;
	/* named as `kpi --rows collected|day` names them: a day's
	 * "Received" (a bar's, Received Today's), the period's "Payments"
	 * (Total Collected's) */
	report = f->from != NULL && f->to != NULL && strcmp(f->from, f->to) == 0
	             ? L_(lang, "Received")
	             : L_(lang, "Payments");
	xhead_days(lang, days, sizeof days, f->from, f->to);
	xhead_fill(s, &h, report, days, SVC_FILTER_ALL, f);
	if (j->progress != NULL && svc_payments_count(s, &g, &total, err) != 0)
		return -1;
	if (xrun_open_headed(&r, s, j, LIST_PAYMENTS, report, total, &h, err) !=
	    0)
		return -1;
	rc = r.cancelled ? 0 : svc_payments_each(s, &g, put_payment, &r, err);
	return xrun_finish(&r, rc, rows);
}

static int
put_credit(const struct credit_note *cn, void *arg)
{
	struct xrun *r = arg;

	svc_credit_cells(r->s, cn, r->cells);
	return xrun_row(r);
}

int
svc_export_credits(struct svc *s, const struct credit_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	struct credit_filter g = *f;
	struct xrun r;
	int64_t total = -1;
	int rc;

	g.after = NULL;
	if (j->progress != NULL && svc_credits_count(s, &g, &total, err) != 0)
		return -1;
	if (xrun_open(&r, s, j, LIST_CREDITS,
	        L_(svc_doc_lang(s, NULL), "Credit Notes"), total, err) != 0)
		return -1;
	rc = r.cancelled ? 0 : svc_credits_each(s, &g, put_credit, &r, err);
	return xrun_finish(&r, rc, rows);
}

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

/* A listing's rows read whole (n of them, row(i) the cells of the i-th)
 * written to j's file: the lists of issue 21, none of them large. */
static int
xrun_array(struct svc *s, const struct export_job *j, enum listing l,
    const char *sheet, const void *rows, size_t n,
    void (*row)(const void *rows, size_t i, struct xcell *c), int64_t *out,
    struct pd_err *err)
{
	struct xrun r;
	size_t i;
	int rc = 0;

	if (xrun_open(&r, s, j, l, L_(svc_doc_lang(s, NULL), sheet),
	        (int64_t)n, err) != 0)
		return -1;
	for (i = 0; i < n && rc == 0 && !r.cancelled; i++) {
		row(rows, i, r.cells);
		rc = xrun_row(&r);
	}
	return xrun_finish(&r, rc, out);
}

static void
disconnect_row(const void *rows, size_t i, struct xcell *c)
{
	svc_disconnect_cells(&((const struct overdue_row *)rows)[i], c);
}

static void
reconnect_row(const void *rows, size_t i, struct xcell *c)
{
	svc_reconnect_cells(&((const struct reconnect_row *)rows)[i], c);
}

static void
plan_row(const void *rows, size_t i, struct xcell *c)
{
	svc_plan_cells(&((const struct arr_view *)rows)[i], c);
}

static void
plan_perf_row(const void *rows, size_t i, struct xcell *c)
{
	svc_plan_perf_cells(&((const struct arr_perf_row *)rows)[i], c);
}

static void
alert_row(const void *rows, size_t i, struct xcell *c)
{
	svc_alert_cells(&((const struct alert *)rows)[i], c);
}

static void
dispute_row(const void *rows, size_t i, struct xcell *c)
{
	svc_dispute_cells(&((const struct dispute *)rows)[i], c);
}

int
svc_export_disconnections(struct svc *s, const struct export_job *j,
    int64_t *rows, struct pd_err *err)
{
	struct overdue_row *o;
	size_t n = 0;
	int rc;

	if ((o = svc_disconnections(s, &n, err)) == NULL)
		return -1;
	rc = xrun_array(s, j, LIST_DISCONNECT, N_("Disconnections"), o, n,
	    disconnect_row, rows, err);
	free(o);
	return rc;
}

int
svc_export_reconnections(struct svc *s, const struct export_job *j,
    int64_t *rows, struct pd_err *err)
{
	struct reconnect_row *o;
	size_t n = 0;
	int rc;

	if ((o = svc_reconnections(s, &n, err)) == NULL)
		return -1;
	rc = xrun_array(s, j, LIST_RECONNECT, N_("Reconnections"), o, n,
	    reconnect_row, rows, err);
	free(o);
	return rc;
}

int
svc_export_plans(struct svc *s, const struct arr_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
{
	struct arr_view *v;
	size_t n = 0;
	int rc;

	if ((v = svc_arrangement_list(s, f, &n, err)) == NULL)
		return -1;
	rc = xrun_array(
	    s, j, LIST_PLANS, N_("Arrangements"), v, n, plan_row, rows, err);
	svc_arr_views_free(v, n);
	return rc;
}

int
svc_export_plan_perf(struct svc *s, const char *from, const char *to,
    const char *segment, const struct export_job *j, int64_t *rows,
    struct pd_err *err)
{
	struct arr_perf_row *r;
	size_t n = 0;
	int rc;

	if ((r = svc_arr_performance(s, from, to, segment, &n, err)) == NULL)
		return -1;
	rc = xrun_array(s, j, LIST_PLAN_PERF, N_("Plan performance"), r, n,
	    plan_perf_row, rows, err);
	free(r);
	return rc;
}

int
svc_export_alerts(struct svc *s, int kind, int all, const struct export_job *j,
    int64_t *rows, struct pd_err *err)
{
	struct alert *a;
	size_t n = 0;
	int rc;

	if ((a = svc_alerts(s, kind, all, &n, err)) == NULL)
		return -1;
	rc = xrun_array(
	    s, j, LIST_ALERTS, N_("Alerts"), a, n, alert_row, rows, err);
	free(a);
	return rc;
}

int
svc_export_disputes(struct svc *s, const char *status,
    const char *account, const struct export_job *j, int64_t *rows,
    struct pd_err *err)
{
	struct dispute *d;
	size_t n = 0;
	int rc;

	if ((d = svc_dispute_list(s, status, account, &n, err)) == NULL)
		return -1;
	rc = xrun_array(
	    s, j, LIST_DISPUTES, N_("Disputes"), d, n, dispute_row, rows, err);
	free(d);
	return rc;
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

int
svc_export_recon(struct svc *s, const char *account, const char *from,
    const char *to, const struct export_job *j, int64_t *rows,
    struct pd_err *err)
{
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	struct recon_day *d;
	struct xrun r;
	struct xhead h;
	char acct[DEPOSIT_ACCOUNT_BUFSZ + 16], days[64];
	const struct xcol *rcols;
	struct xcol cols[16];
	size_t n, i;
	int rc = 0, ncols;

	d = svc_recon_days(s, account, from, to, &n, err);
	if (d == NULL)
		return -1;
	if (account == NULL || *account == '\0')
		account = s->cfg.deposit_account;
	/* the file names the bank account it is of (tester's fault 3,
	 * s72): the workbook's heading block, a row in place of the
	 * filters (it has none but the account), no scope but the
	 * organisation's; the CSV, which has no heading, in a last
	 * column "account" */
	recon_account_text(s, account, acct, sizeof acct);
	snprintf(days, sizeof days, L_(lang, "%s to %s"),
	    from != NULL ? from : "-", to != NULL ? to : "-");
	xhead_fill(s, &h, L_(lang, "Reconciliation"),
	    from != NULL || to != NULL ? days : NULL, 0, NULL);
	h.pairs[3] = L_(lang, "Organisation (the same in every scope)");
	h.pairs[4] = L_(lang, "Bank account");
	h.pairs[5] = acct;
	rcols = svc_listing_cols(LIST_RECON, &ncols);
	memcpy(cols, rcols, (size_t)ncols * sizeof *cols);
	cols[ncols] =
	    (struct xcol){NC_("column", "Account"), "account", X_ID, 20, 0};
	if (xrun_open_cols(&r, s, j, LIST_RECON, L_(lang, "Reconciliation"),
	        (int64_t)n, &h, cols, ncols + (j->format == EXPORT_CSV),
	        err) != 0) {
		free(d);
		return -1;
	}
	for (i = 0; i < n && rc == 0 && !r.cancelled; i++) {
		svc_recon_day_cells(&d[i], r.cells);
		r.cells[ncols].s = account;
		rc = xrun_row(&r);
	}
	free(d);
	return xrun_finish(&r, rc, rows);
}

int
svc_export_exceptions(struct svc *s, const struct export_job *j, int64_t *rows,
    struct pd_err *err)
{
	struct recon_exception *v;
	struct xrun r;
	size_t n, i;
	int rc = 0;

	v = svc_recon_exceptions(s, &n, err);
	if (v == NULL)
		return -1;
	if (xrun_open(&r, s, j, LIST_EXCEPTIONS,
	        L_(svc_doc_lang(s, NULL), "Exceptions"), (int64_t)n,
	        err) != 0) {
		free(v);
		return -1;
	}
	for (i = 0; i < n && rc == 0 && !r.cancelled; i++) {
		svc_recon_exception_cells(&v[i], r.cells);
		rc = xrun_row(&r);
	}
	free(v);
	return xrun_finish(&r, rc, rows);
}

int
svc_export_mkdir(struct svc *s, const char *path, struct pd_err *err)
{
	char dir[PATH_MAX];
	char *slash;

	(void)s;
	xstrlcpy(dir, path, sizeof dir);
	slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir)
		return 0;
	*slash = '\0';
	return file_mkdirs(dir, err);
}

int
svc_export_format_of(const char *path)
{
	return export_format_of(path);
}

struct exporter *
svc_sheet_open(struct svc *s, const char *path, const char *sheet,
    const struct xcol *cols, int ncols, struct pd_err *err)
{
	struct export_opts o;

	file_opts(s, &o, EXPORT_XLSX, L_(svc_doc_lang(s, NULL), sheet));
	return export_open(path, NULL, &o, cols, ncols, err);
}

struct exporter *
svc_sheet_open_headed(struct svc *s, const char *path, const char *sheet,
    const struct xcol *cols, int ncols, const char *from, const char *to,
    unsigned bits, struct pd_err *err)
{
	struct export_opts o;
	struct xhead h;
	const struct i18n_lang *lang = svc_doc_lang(s, NULL);
	const char *name = L_(lang, sheet);
	char period[128];

	/* the days as the document's language says them */
	if (from != NULL && to != NULL)
		xhead_days(lang, period, sizeof period, from, to);
	else
		snprintf(period, sizeof period, "%s", from ? from : "-");
	file_opts(s, &o, EXPORT_XLSX, name);
	xhead_fill(s, &h, name, period, bits, NULL);
	o.heading = h.pairs;
	o.nheading = XHEAD_ROWS;
	/* the block is written as the workbook opens: h may go after */
	return export_open(path, NULL, &o, cols, ncols, err);
}

int
svc_sheet_row(struct exporter *x, const struct xcell *cells, struct pd_err *err)
{
	return export_row(x, cells, err);
}

int
svc_sheet_close(struct exporter *x, int ok, struct pd_err *err)
{
	if (!ok) {
		export_abort(x);
		return 0;
	}
	return export_close(x, err);
}

struct exporter *
svc_stream_open(
    const struct svc *s, FILE *out, const struct xcol *cols, int ncols)
{
	struct export_opts o;

	memset(&o, 0, sizeof o);
	o.format = EXPORT_CSV;
	o.digits = s->cfg.minor_digits;
	o.key_headers = 1;
	/* to a stream this cannot fail */
	return export_open(NULL, out, &o, cols, ncols, NULL);
}

void
svc_stream_row(struct exporter *x, const struct xcell *cells)
{
	export_row(x, cells, NULL);
}

void
svc_stream_end(struct exporter *x)
{
	export_close(x, NULL);
}
