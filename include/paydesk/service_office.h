/* service_office.h - the back office's use cases: listings and reports,
 * the forecast and aging, exports, the configuration as front ends read it,
 * central-mastered settings, imports.
 *
 * Part of service.h: include service.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_SERVICE_OFFICE_H
#define PAYDESK_SERVICE_OFFICE_H

/* Listings and reports, streamed to cb. */
int svc_payments_each(struct svc *s, const struct payment_filter *f,
    payment_cb cb, void *arg, struct pd_err *err);
int svc_credits_each(struct svc *s, const struct credit_filter *f, credit_cb cb,
    void *arg, struct pd_err *err);
int svc_payers_each(struct svc *s, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err);
/* The distribution of the payers report's filter: its Posted payments
 * per method, or per gateway (key "": taken at a counter), largest first
 * (store_split). Supervisor and up, like the report. */
int svc_split(struct svc *s, const struct payment_filter *f, enum split_by by,
    split_cb cb, void *arg, struct pd_err *err);
/* How a split's key reads: the method, the gateway, or "At a counter"
 * in the reader's language for "". */
const char *svc_split_name(const char *key, enum split_by by);

/* The keyset of the last row shown, for the filter's after (the next
 * page): a payment row under sort, a credit note. */
void svc_payment_key(
    const struct payment_row *r, enum pay_sort sort, struct page_key *k);
void svc_credit_key(const struct credit_note *cn, struct page_key *k);

/* How many rows a listing's filter matches, at most its limit (0: all). */
int svc_payments_count(struct svc *s, const struct payment_filter *f,
    int64_t *n, struct pd_err *err);
int svc_credits_count(struct svc *s, const struct credit_filter *f, int64_t *n,
    struct pd_err *err);

/* The cash-flow forecast (issue 23; forecast.h states the method): the
 * `past` weeks before the current one, oldest first, each as its
 * forecast stood at its first day beside what came in, then `weeks`
 * weeks from the current one (weeks start on [organisation] week_start;
 * the current week counts from its first day), each to cb. *f gets the
 * totals of the weeks ahead and what items due before the current week
 * still owe (not forecast). weeks 1..FORECAST_WEEKS_MAX, past
 * 0..FORECAST_WEEKS_MAX, else PD_EINVAL; a supervisor's (PD_EPERM). */
struct forecast_totals {
	char as_of[11];      /* today */
	int64_t ahead[3];    /* the forecast of the next 4, 8 and 13 weeks */
	int64_t open_ahead;  /* owed by the items due in the weeks ahead */
	int64_t expected;    /* the forecast of every week ahead */
	int64_t arrears;     /* owed by items due before the current week */
};
typedef int (*forecast_cb)(const struct forecast_week *w, void *arg);
/* Of the items of the consumers of segment (NULL: every consumer's);
 * the past weeks' Came in and Collected of the scope in force (its team
 * under team visibility), of the segment and of the report filters'
 * branch and user (s->narrow.branch, .recorded_by: the payments'; issue
 * 23 "filters everywhere a report has them", review R23 10). */
/* The forecast's scope as its text and screen name it: the scope in
 * force is that of the past weeks' payments; the weeks ahead are the
 * organisation's open items whatever the scope (a fresh tester's, issue
 * 23: "Scope: Branch B01" above them said otherwise). */
const char *svc_forecast_scope_title(const struct svc *s, char *buf, size_t n);
int svc_forecast(struct svc *s, int weeks, int past, const char *segment,
    forecast_cb cb, void *arg, struct forecast_totals *f,
    struct pd_err *err);

/* The aging report: open items by days past due as of today, in total
 * and per consumer (most outstanding first). */
int svc_aging_total(struct svc *s, const struct aging_filter *f,
    struct aging *a, struct pd_err *err);
int svc_aging_each(struct svc *s, const struct aging_filter *f, aging_cb cb,
    void *arg, struct pd_err *err);
/* The drill-down: a consumer's open items, oldest due first, with the
 * days each is past due (0: not yet due). Caller frees both. */
struct item *svc_aging_items(struct svc *s, int64_t consumer_id, int64_t **days,
    size_t *n, struct pd_err *err);

/* Listings: the columns of each table as shown on screen, printed by the
 * CLI and exported, in that order. */
enum listing {
	LIST_PAYMENTS,
	LIST_CREDITS,
	LIST_PAYERS,
	LIST_AGING,
	LIST_FORECAST,      /* the weeks ahead of a forecast */
	LIST_FORECAST_PAST, /* its past weeks, beside what came in */
	LIST_EXCEPTIONS,    /* the reconciliation's exceptions (issue 20) */
	LIST_RATE_ITEMS, /* the items behind the Collection Rate (issue 23) */
	LIST_RESOLVED,   /* exceptions resolved by hand (issue 20) */
	LIST_RECON,      /* a bank account's reconciliation by day */
	LIST_DETERIORATING, /* payers paying later and later (issue 23) */
	LIST_ANOMALIES,     /* payment patterns that look wrong (issue 23) */
	LIST_RECON_DAY,     /* one day of the account: exceptions, matches */
	LIST_OPEN_ITEMS,    /* the open items behind Outstanding (R23) */
	LIST_TIME_ROWS,     /* the allocations behind the Avg Collection Time */
	LIST_DISCONNECT,    /* the disconnection list (issue 21) */
	LIST_RECONNECT,     /* the reconnection list (issue 21) */
	LIST_PLANS,         /* the payment arrangements (issue 21) */
	LIST_PLAN_PERF,     /* the plans' performance by their terms */
	LIST_DISPUTES,      /* the disputes of payments (issue 21) */
	LIST_ALERTS,        /* the alert inbox (issue 21) */
	LISTINGS
};
const struct xcol *svc_listing_cols(enum listing l, int *ncols);
/* A row as cells of its listing. Text cells point into the row or into
 * buf (valid until the next call with it); plain (the payers' methods):
 * SVC_METHODS_SHOWN "Cash $123.45; Card $5.00", SVC_METHODS_PLAIN
 * amounts without the currency symbol (CSV, JSON), SVC_METHODS_NAMES
 * the names alone "Cash, Card" (the screen's column, whose amounts show
 * whole under the list: no amount is ever cut, issue 25). */
#define LISTING_BUFSZ 640
enum { SVC_METHODS_SHOWN, SVC_METHODS_PLAIN, SVC_METHODS_NAMES };
void svc_payment_cells(const struct payment_row *r, struct xcell *cells);
void svc_credit_cells(
    const struct svc *s, const struct credit_note *cn, struct xcell *cells);
void svc_payer_cells(const struct svc *s, const struct payer_row *r, int plain,
    char buf[LISTING_BUFSZ], struct xcell *cells);
void svc_aging_cells(const struct aging_row *r, struct xcell *cells);
/* An item behind the Collection Rate as cells of LIST_RATE_ITEMS. */
void svc_rate_cells(const struct rate_row *r, struct xcell *cells);
/* An open item behind Outstanding as cells of LIST_OPEN_ITEMS. */
void svc_open_cells(const struct open_row *r, struct xcell *cells);
/* An allocation behind the Average Collection Time as LIST_TIME_ROWS. */
void svc_time_cells(const struct time_row *r, struct xcell *cells);
/* A consumer of the disconnection list as cells of LIST_DISCONNECT. */
void svc_disconnect_cells(const struct overdue_row *r, struct xcell *cells);
/* One of the reconnection list as cells of LIST_RECONNECT (its reason a
 * term: the reader's words on screen, English in CSV and JSON). */
void svc_reconnect_cells(const struct reconnect_row *r, struct xcell *cells);
/* A plan as cells of LIST_PLANS; a group of the plans' performance as
 * cells of LIST_PLAN_PERF (its down payment's band named, its key the
 * word of CSV and JSON); a dispute as cells of LIST_DISPUTES (its status
 * and reason named, their codes the words), its age and days overdue as
 * of today (svc_dispute_days). */
struct arr_view;     /* service_debts.h */
struct arr_perf_row; /* service_debts.h */
void svc_plan_cells(const struct arr_view *v, struct xcell *cells);
void svc_plan_perf_cells(const struct arr_perf_row *r, struct xcell *cells);
void svc_dispute_cells(const struct dispute *d, struct xcell *cells);
/* An alert as cells of LIST_ALERTS (its kind and status named, their
 * words the codes; a cell that means nothing for its kind empty). */
struct alert; /* service_debts.h */
void svc_alert_cells(const struct alert *a, struct xcell *cells);
/* A deteriorating payer as cells of LIST_DETERIORATING: its words in
 * the reader's language, or (en, JSON and CSV) in English. */
void svc_deteriorating_cells(
    const struct deteriorating_row *r, int en, struct xcell *cells);
/* The deteriorating payers (issue 23; a supervisor's): the consumers of
 * the scope with at least `last` (2-20) Posted payments that paid an
 * item whose last `last` payments' days to pay (from the due date of the
 * oldest item a payment paid to the payment's date) never fell and grew
 * from the first to the last; and the consumers (of the segment filter)
 * whose oldest open item was in a later aging bucket at each of the last
 * `months` (2-5) month ends than at the one before. Ranked: both
 * criteria first, then by the days' growth, then by the buckets moved,
 * then by the last days, then by name. A last or months out of range
 * PD_EUSAGE. */
int svc_deteriorating(struct svc *s, int last, int months,
    deteriorating_cb cb, void *arg, struct pd_err *err);
/* An anomaly as cells of LIST_ANOMALIES: its reason in the reader's
 * language, or (en, JSON and CSV) in English; the rule a term (X_TERM). */
void svc_anomaly_cells(
    const struct anomaly_row *r, int en, struct xcell *cells);
/* A rule's title, as the screen and the report name it ("Large
 * payment"); svc_anomaly_word: in English, as JSON and CSV name it. */
const char *svc_anomaly_title(enum anomaly_rule r);
const char *svc_anomaly_word(enum anomaly_rule r);
/* 0 when day (YYYY-MM-DD) is today or before; a day after today is
 * refused (PD_EINVAL): it has no data yet. */
int svc_anomalies_day(struct svc *s, const char *day, struct pd_err *err);
/* The anomalies of the days from to to (issue 23; a supervisor's),
 * YYYY-MM-DD, from NULL for today, to NULL for from alone (an accounting
 * period's days: those after today not read, they have no data yet; from
 * after today refused as svc_anomalies_day), of the scope and filters in
 * force: the rules of service/anomalies.c with the thresholds of
 * [anomalies] over each day as that day alone, day by day, in the order
 * of enum anomaly_rule, each row with its day, reason and figures. */
int svc_anomalies(struct svc *s, const char *from, const char *to,
    anomaly_cb cb, void *arg, struct pd_err *err);
/* A forecast week as cells of LIST_FORECAST, or of LIST_FORECAST_PAST
 * when w->past. */
void svc_forecast_cells(const struct forecast_week *w, struct xcell *cells);

/* Exports of a listing for its filter, in its order, to a CSV or xlsx
 * file (out NULL and format CSV: to stdout). progress (may be NULL) is
 * called every few hundred rows with the rows written and the total
 * expected (-1: unknown); a non-zero return cancels: PD_ECANCEL and no
 * file. *rows gets the number written. */
typedef int (*export_progress)(int64_t done, int64_t total, void *arg);
struct export_job {
	const char *path; /* NULL: stdout (CSV only) */
	enum export_format format;
	export_progress progress;
	void *arg;
	int key_headers; /* CSV headers as JSON keys (scripts) */
	/* payers: only these consumers (sorted ascending); n 0: all */
	const int64_t *marked;
	size_t nmarked;
};
int svc_export_payments(struct svc *s, const struct payment_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The same under an analysis report's heading block: the payments of a
 * drill-down (a tile's, a chart bar's), as `kpi --rows collected|day`
 * heads them: "Payments" of the days from..to, "Received" of one day;
 * the scope, f's filters (its accounting period, f->period, named when
 * given), the days. */
int svc_export_payments_headed(struct svc *s, const struct payment_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
int svc_export_credits(struct svc *s, const struct credit_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
int svc_export_payers(struct svc *s, const struct payment_filter *f,
    enum payers_sort sort, const struct export_job *j, int64_t *rows,
    struct pd_err *err);
int svc_export_aging(struct svc *s, const struct aging_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The anomalies of a day or of the days from to to (LIST_ANOMALIES), as
 * svc_anomalies finds them. */
int svc_export_anomalies(struct svc *s, const char *from, const char *to,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The deteriorating payers (LIST_DETERIORATING) of the last `last`
 * payments and `months` month ends, as svc_deteriorating ranks them. */
int svc_export_deteriorating(struct svc *s, int last, int months,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The disconnection and reconnection lists (LIST_DISCONNECT,
 * LIST_RECONNECT; recovery and up), as svc_disconnections and
 * svc_reconnections give them: for the field crews (issue 21). */
int svc_export_disconnections(struct svc *s, const struct export_job *j,
    int64_t *rows, struct pd_err *err);
int svc_export_reconnections(struct svc *s, const struct export_job *j,
    int64_t *rows, struct pd_err *err);
/* The arrangements (LIST_PLANS) of f, as svc_arrangement_list gives
 * them; their
 * performance (LIST_PLAN_PERF) of the plans made from `from` to `to`
 * (YYYY-MM-DD, NULL open) of segment's consumers (NULL: all), as
 * svc_arr_performance groups them; the disputes (LIST_DISPUTES) of a
 * status filter (NULL: all) and account, as svc_dispute_list gives
 * them. Recovery and up, as the lists are (issue 21). */
struct arr_filter; /* service_debts.h */
int svc_export_plans(struct svc *s, const struct arr_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
int svc_export_plan_perf(struct svc *s, const char *from, const char *to,
    const char *segment, const struct export_job *j, int64_t *rows,
    struct pd_err *err);
/* The alert inbox (LIST_ALERTS) of kind (-1 every one, ALERT_PLAN_KINDS
 * the arrangements'), the closed ones too if all, as svc_alerts gives
 * them; recovery and up, as the command line's --csv writes them. */
int svc_export_alerts(struct svc *s, int kind, int all,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
int svc_export_disputes(struct svc *s, const char *status,
    const char *account, const struct export_job *j, int64_t *rows,
    struct pd_err *err);
/* The forecast's weeks ahead (LIST_FORECAST), as svc_forecast reads them. */
int svc_export_forecast(struct svc *s, int weeks, const char *segment,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The rows behind a figure of k (issue 23's drill-down, review R23 11):
 * l is LIST_RATE_ITEMS (svc_rate_rows), LIST_TIME_ROWS (svc_time_rows)
 * or LIST_OPEN_ITEMS (svc_open_rows; k unused), as their screens and
 * `kpi --rows` list them; another listing PD_EINVAL. Supervisor and up
 * (PD_EPERM), as the rows are. */
int svc_export_kpi_rows(struct svc *s, enum listing l, const struct kpi *k,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* Make the directory an export file goes in (the exports directory). */
int svc_export_mkdir(struct svc *s, const char *path, struct pd_err *err);
/* The format a file name asks for by its extension (.csv, .xlsx); -1 if
 * neither. */
int svc_export_format_of(const char *path);
/* A listing written as a workbook to path (the CLI's --xlsx FILE of
 * the recovery lists: disconnections, reconnections, dispute list),
 * its header row in the operator's language, money in the
 * organisation's format; the caller has checked the right to read the
 * list. Rows go in with svc_sheet_row; svc_sheet_close (ok 0: given
 * up, no file) finishes and frees. Errors are PD_EDOC naming the file. */
struct exporter *svc_sheet_open(struct svc *s, const char *path,
    const char *sheet, const struct xcol *cols, int ncols, struct pd_err *err);
/* The same with an analysis report's heading block above the header row
 * (issue 23: the report, the scope, the figures' filters, period, the
 * currency, when made and by whom), all in the document's language; its
 * period the days from to to (YYYY-MM-DD; to NULL: the day from; both
 * NULL: none said); its filters those of bits (SVC_FILTER_BIT: the ones
 * the figures applied) that s->narrow holds, its accounting period
 * (narrow.period) named with its days. */
struct exporter *svc_sheet_open_headed(struct svc *s, const char *path,
    const char *sheet, const struct xcol *cols, int ncols, const char *from,
    const char *to, unsigned bits, struct pd_err *err);
int svc_sheet_row(
    struct exporter *x, const struct xcell *cells, struct pd_err *err);
int svc_sheet_close(struct exporter *x, int ok, struct pd_err *err);
/* A listing streamed as CSV to out (the CLI's --csv): a header row of
 * JSON keys, amounts as plain decimals with the configured digits. Rows
 * go in with svc_stream_row; svc_stream_end finishes and frees. Writing
 * to a stream cannot fail, so none of these report errors. */
struct exporter *svc_stream_open(
    const struct svc *s, FILE *out, const struct xcol *cols, int ncols);
/* Write one row of the stream's ncols cells. */
void svc_stream_row(struct exporter *x, const struct xcell *cells);
/* Finish the stream and free x. */
void svc_stream_end(struct exporter *x);

/* The configuration as front ends read it (src/service/config.c). Load
 * it alone, without a store (path NULL: the usual search, as svc_open
 * does); errors name the file, section and key. */
int svc_config_load(const char *path, struct config *cfg, struct pd_err *err);
/* The rows of the configuration schema, in file order; *n gets their
 * count. The table is static: the caller frees nothing. */
const struct config_row *svc_config_rows(int *n);
/* Row i's effective value in cfg as it would be written in the file,
 * into buf (n bytes). */
int svc_config_value(const struct config *cfg, int i, char *buf, size_t n);
/* The organisation's credit-note reason by name (case-insensitive), as
 * configured and stored (a pointer into cfg); NULL if it is not one. The
 * name is the configured term ("Billing Error") or the words the
 * operator reads for it (es "Error de facturación": svc_word), one rule
 * for typing, picking and filtering (issue 25). */
const char *svc_credit_reason(const struct config *cfg, const char *name);
/* The organisation's credit-note reasons as the operator reads them
 * (svc_word), joined by ", " into buf (n bytes), for "choose one of". */
void svc_credit_reasons(const struct config *cfg, char *buf, size_t n);
/* The organisation's channel by name (case-insensitive), as configured
 * (a pointer into cfg); NULL if it is not one. */
const char *svc_channel(const struct config *cfg, const char *name);
/* Speak the configured language (cfg.language; LANGUAGE and the locale
 * win over it, see i18n.h): load the message catalogues for _(). */
void svc_language(const struct config *cfg);

/* Settings the central node masters (config_central_row), kept in the
 * store: loaded over the file's values when the store is opened, and
 * again by the UI at each sign-in. svc_setting_put checks and stores one
 * inside the caller's transaction and sets it in s->cfg. */
int svc_settings_load(struct svc *s, struct pd_err *err);
/* Whether name is an organisation's name its terminals take (the setting
 * organisation.name of paydesk.ini(5): not empty, within its length),
 * checked against cfg, which is not changed: 0, or -1 with PD_EUSAGE and
 * the reason (s72 fault 9: paydesk-central org add and org rename). */
int svc_org_name_check(
    const struct config *cfg, const char *name, struct pd_err *err);
/* When the store holds an organisation's currency (a sync took it)
 * other than the one in effect: take it and the settings again
 * (svc_settings_load), 1; else 0. For the UI, after a background
 * round. */
int svc_currency_follow(struct svc *s);
int svc_setting_put(struct svc *s, const char *key, const char *value,
    const char *at, struct pd_err *err);

/* Imports: kind is consumers, bills, services, installments or users.
 * All or nothing; errors name file:line:column and the field. A row whose
 * key (account, username, ref) exists is an error, or with update: it
 * changes the consumer or user when it differs, and for an issued bill,
 * service charge or installment must say what is stored (skipped). */
struct import_counts {
	size_t added, updated, unchanged;
	/* a consumer import on the central node: the gateway payments it
	 * let be associated, and those still unassociated (issue 19) */
	size_t matched, unassociated;
};
int svc_import(struct svc *s, const char *kind, const char *path, int update,
    struct import_counts *count, struct pd_err *err);
/* Whether the n bytes at k have the shape of a setting's name (lower
 * case letters, digits and underscores, one dot between two of them, 63
 * at most): the central node, which hides what a file holds, names a
 * settings key of that shape, no secret (helper-261, fault 5); any other
 * first field, a password file's line, stays hidden. */
int svc_setting_name_shaped(const char *k, size_t n);

#endif
