/* backoffice.h - what the back office list screens share with their
 * dialogs: the filters as the supervisor set them. */
#ifndef PAYDESK_TUI_BACKOFFICE_H
#define PAYDESK_TUI_BACKOFFICE_H
#include "tui.h"

/* Date range presets. */
enum range { R_ANY, R_TODAY, R_WEEK, R_MONTH, R_CUSTOM, R_COUNT };
extern const char *const range_names[R_COUNT];

struct list_filters {
	int credits; /* which tab these are for */
	int range;
	char from[11], to[11]; /* R_CUSTOM */
	/* payments */
	int method; /* 0 any, else cfg.methods[method - 1] */
	int status; /* -1 any, enum pay_status */
	int type;   /* -1 any, enum pay_type */
	/* the report filters the command line's payments takes (issue 23;
	 * R23 fault 11), as the parser gives them (svc_filters_parse: a
	 * channel as configured); "": none. The period's days in pfrom..pto
	 * (it takes the place of the date range). */
	char text[SVC_FILTERS][65];
	char pfrom[11], pto[11];
	/* credit notes */
	int cn_status;              /* -1 all, enum cn_status */
	unsigned long long reasons; /* bit per cfg.reasons; 0: all */
	char consumer[33];          /* account number */
	int64_t consumer_id;        /* resolved from consumer */
	int remaining;              /* -1 any, 0 used, 1 partial, 2 full */
	char receipt[64];           /* linked payment */
	char min[24], max[24];      /* credit amount range, as typed */
	int64_t min_amount, max_amount;
	int changed; /* set by the dialog when applied */
};

/* No filter at all for a tab (credits: the Credit Notes tab). */
void list_filters_reset(struct list_filters *lf, int credits);
/* The dates of a preset (or the custom ones) as of today; 0 when the
 * range is open. */
int list_range(const struct list_filters *lf, char from[11], char to[11]);
/* "Method Cash, This Month" - what is set, for the screen (translated). */
void list_filters_text(
    const struct tui *t, const struct list_filters *lf, char *buf, size_t n);

/* What a person reads for a payment's status and type, a credit note's
 * status and an aging bucket: translated (the ledger stores, exports
 * and the CLI's machine output keep the English names). Static text. */
const char *list_pay_status(enum pay_status s);
const char *list_pay_type(enum pay_type t);
const char *list_credit_status(enum cn_status s);
const char *list_age_bucket(enum age_bucket b);
/* out[i]: the translation of in[i] (marked N_()), for a form's choices;
 * the pointers stay valid for the process. */
void list_translate(const char **out, const char *const *in, int n);
/* The column a form's labels need: the widest label (as shown, in
 * display columns), or least when that is wider. */
int list_form_width(const struct tui_form *fm, int least);

/* The filter dialog of a tab; it changes lf only when applied. */
struct tui_screen *screen_filter_new(struct tui *t, struct list_filters *lf);

/* Dialogs and views of the back office. Each that writes counts up
 * t->list_gen so that the list below reads its page again. */
struct tui_screen *screen_void_new(struct tui *t, const char *receipt);
/* The queue of gateway payments (screen_gateway.c; issue 19). */
struct tui_screen *screen_gateway_new(struct tui *t);
/* One payment arrangement (issue 21; NULL, the reason in the message
 * line, when it cannot be read); the list is in tui.h. */
struct tui_screen *screen_arrangement_new(struct tui *t, const char *plan_no);
/* The plans' performance by their terms (recovery and up); NULL with
 * the message on the status line. */
struct tui_screen *screen_arr_report_new(struct tui *t);
/* The filters of the plans list and of their performance (`arrangement
 * list` and `report arrangements` --from, --to, --segment): the plans
 * made from `from` to `to` (YYYY-MM-DD, "" open) of the consumers of
 * segment ("" any); changed set when applied. */
struct plans_filter {
	char from[11], to[11];
	char segment[65];
	int changed;
};
/* Their form (screen_arr_filter.c) under title: f changes only when
 * applied. */
struct tui_screen *screen_arr_filter_new(
    struct tui *t, struct plans_filter *f, const char *title);
/* "Made from 2025-06-01, to 2025-06-30, segment Commercial": the
 * filters of f set, in the organisation's date format; "" none. */
void plans_filter_text(
    struct tui *t, const struct plans_filter *f, char *buf, size_t n);
/* Reschedule (cancel 0) or cancel (1) a payment arrangement, with a
 * configured reason (recovery and up; NULL with the reason as above). */
struct tui_screen *screen_arr_change_new(
    struct tui *t, const char *plan_no, int cancel);
/* A schedule previewed under a form (arr_schedule.c): its lines in
 * columns from row y to row last, from line *top (clamped here) when
 * they do not all fit, then how many are not shown and the last line;
 * returns the lines a page scrolls (0: all shown). arr_schedule_scroll
 * moves *top a page down (dir 1) or up (-1): TUI_HANDLED. */
int arr_schedule_draw(
    struct tui *t, const struct arr_preview *p, int y, int last, int *top);
int arr_schedule_scroll(int *top, int page, int dir);
/* the schedule's keys of those forms (their action words: a form's own) */
#define ARR_SCHEDULE_KEYS(down, up)                                            \
	{KEY_NPAGE, "PgDn", NULL, N_("the schedule's next lines"), down},      \
	{                                                                      \
		KEY_PPAGE, "PgUp", NULL, N_("the schedule's lines before"), up \
	}
/* The steps of a dispute at the screens (issue 21;
 * screen_dispute_step.c; NULL, the reason in the message line, when the
 * role or the dispute's status does not allow it): open one on a payment
 * (recovery and up), uphold (1: a supervisor's) or reject (0) one. */
struct tui_screen *screen_dispute_open_new(struct tui *t, const char *receipt);
struct tui_screen *screen_dispute_step_new(
    struct tui *t, const struct dispute *ds, int uphold);
struct tui_screen *screen_credit_create_new(struct tui *t, const char *receipt);
struct tui_screen *screen_credit_new(struct tui *t, const char *cn_no);
struct tui_screen *screen_credit_text_new(struct tui *t, const char *cn_no);
struct tui_screen *screen_credit_apply_new(struct tui *t, const char *cn_no);
/* The reconciliation's exceptions (issue 20; screen_exceptions.c). */
struct tui_screen *screen_exceptions_new(struct tui *t);
/* A bank account's reconciliation by day (issue 20; screen_recon.c). */
struct tui_screen *screen_recon_new(struct tui *t);
/* Resolve exception e with a note (hand 0), or match its credit nobody
 * expected by hand (hand 1): a supervisor's; NULL said. */
struct tui_screen *screen_recon_step_new(
    struct tui *t, const struct recon_exception *e, int hand);
/* Take matched credit l's match back with a note (supervisor). */
struct tui_screen *screen_recon_unmatch_new(
    struct tui *t, const struct recon_line *l);
/* Day of [deposits] account: its exceptions and matches (supervisor). */
struct tui_screen *screen_recon_day_new(
    struct tui *t, const char *account, const char *day);
struct tui_screen *screen_aging_items_new(
    struct tui *t, const struct aging_row *r);
/* Print a credit note (print 1) or write its PDF to the exports
 * directory (0); the outcome on the message line. */
void tui_credit_doc(struct tui *t, const char *cn_no, int print);
/* Export a listing for its filter (the one the list holds: copied), in
 * its order (payers: sort, and only the marked consumers if any). */
/* The bank account a LIST_RECON export of sc (screen_export_new's) is
 * of; none set: [deposits] account. */
void screen_export_account(struct tui_screen *sc, const char *account);
/* The payments and month ends a LIST_DETERIORATING export of sc
 * compares (the screen's; 0: the defaults). */
void screen_export_counts(struct tui_screen *sc, int last, int months);
/* The figures a LIST_RATE_ITEMS or LIST_TIME_ROWS export of sc lists
 * the rows of (the screen's period and filters). */
void screen_export_kpi(struct tui_screen *sc, const struct kpi *k);
/* The payments export of a drill-down (a tile's or a chart bar's
 * payments): with an analysis report's heading block, as `kpi --rows
 * collected|day` writes it (a fresh tester's, issue 23). */
void screen_export_drill(struct tui_screen *sc);
/* The plans a LIST_PLANS export of sc is of (copied; none set: every
 * one); the status filter of a LIST_DISPUTES export (svc_dispute_list's
 * word, static; NULL every one). */
void screen_export_plans(struct tui_screen *sc, const struct arr_filter *f);
void screen_export_status(struct tui_screen *sc, const char *word);
/* The alerts a LIST_ALERTS export of sc is of: kind (-1 every one,
 * ALERT_PLAN_KINDS), the closed ones too if all (none set: those not
 * closed, of every kind). */
void screen_export_alerts(struct tui_screen *sc, int kind, int all);
struct tui_screen *screen_export_new(struct tui *t, enum listing l,
    const struct payment_filter *pf, const struct credit_filter *cf,
    const struct aging_filter *af, enum payers_sort sort, const int64_t *marked,
    size_t nmarked);

#endif
