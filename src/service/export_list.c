/* export_list.c - the back office's records and lists written to CSV or
 * xlsx files (export.c runs each file): payments (as listed, and with a
 * heading as a figure's rows), credit notes, the lists read whole
 * (disconnections, reconnections, plans and their performance, alerts,
 * disputes), the bank reconciliation and its exceptions. */
#include <stdlib.h>
#include <string.h>

#include "export_int.h"

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

	if (xrun_open(&r, s, j, l, L_(svc_doc_lang(s, NULL), sheet), (int64_t)n,
	        err) != 0)
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
svc_export_disputes(struct svc *s, const char *status, const char *account,
    const struct export_job *j, int64_t *rows, struct pd_err *err)
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
