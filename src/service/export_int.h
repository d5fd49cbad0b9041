/* export_int.h - what the listings' files share (export.c, the run of
 * one file: its heading block, its opening, rows and finish) with the
 * listings written to them (export_list.c, export_report.c); not a
 * public header. */
#ifndef PAYDESK_SERVICE_EXPORT_INT_H
#define PAYDESK_SERVICE_EXPORT_INT_H
#include "paydesk/service.h"

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
void xhead_fill(struct svc *s, struct xhead *h, const char *report,
    const char *days, unsigned bits, const struct payment_filter *f);
/* The days from to to (YYYY-MM-DD, NULL or "": open) as a heading's
 * Period: says them, in the document's language: "A to B", one day "A",
 * and a range open at one end or both what it is (a fresh tester's,
 * issue 23: "2026-09-01 to ..."): "from A", "up to B", "All days". */
void xhead_days(const struct i18n_lang *lang, char *buf, size_t n,
    const char *from, const char *to);
/* The run of listing l into j's file; h: its heading block (NULL:
 * none, the header the first row). */
int xrun_open_headed(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, const struct xhead *h,
    struct pd_err *err);
/* xrun_open_headed with the columns cols (listing l's and more) */
int xrun_open_cols(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, const struct xhead *h,
    const struct xcol *cols, int ncols, struct pd_err *err);
/* xrun_open_headed with no heading block */
int xrun_open(struct xrun *r, struct svc *s, const struct export_job *j,
    enum listing l, const char *sheet, int64_t total, struct pd_err *err);
/* Write the row in r->cells; non-zero stops the listing. */
int xrun_row(struct xrun *r);
/* rc is the listing's result: close (publish) or abort. */
int xrun_finish(struct xrun *r, int rc, int64_t *rows);
#endif
