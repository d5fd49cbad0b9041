/* export.c - the back office listings written to CSV or xlsx files,
 * streamed from the store with progress and cancel: the run of one file
 * (its heading block, its opening, rows and finish; export_int.h) and
 * the sheets and streams the front ends write themselves. The listings
 * are export_list.c's (records and lists) and export_report.c's (the
 * analysis reports). */
#include <limits.h>
#include <string.h>

#include "export_int.h"
#include "paydesk/file.h"
#include "paydesk/xmalloc.h"

#define PROGRESS_EVERY 256

/* A report's heading block (export_int.h). */
void
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

/* A heading's Period: (export_int.h). */
void
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

/* A run opened (export_int.h). */
int
xrun_open_headed(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, const struct xhead *h,
    struct pd_err *err)
{
	const struct xcol *cols;
	int ncols;

	cols = svc_listing_cols(l, &ncols);
	return xrun_open_cols(r, s, j, l, sheet, total, h, cols, ncols, err);
}

int
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

int
xrun_open(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, struct pd_err *err)
{
	return xrun_open_headed(r, s, j, l, sheet, total, NULL, err);
}

/* A row written (export_int.h). */
int
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

/* A run's end (export_int.h). */
int
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