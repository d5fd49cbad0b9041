/* store_reports.h - KPIs and the figures behind them, the analysis'
 * facts (issue 23), the report filters' names, the payers, aging and
 * forecast figures, and the integrity checks.
 *
 * Part of store.h: include store.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_STORE_REPORTS_H
#define PAYDESK_STORE_REPORTS_H

/* KPIs over [from, to] and one day; the amounts due (due_total,
 * due_paid) of the items due in [from, due_to] only (due_to before from:
 * none), as the current period counts what has fallen due so far. */
int store_kpi(struct store *st, const char *from, const char *to,
    const char *due_to, const char *day, struct kpi_raw *k,
    struct pd_err *err);
/* store_kpi of the Posted payments sc selects by its terminal or branch
 * (issue 23), read from the payments (the rollups sum every one); the
 * amounts due are the organisation's, of those what sc's payments paid.
 * sc NULL or with neither: store_kpi. */
int store_kpi_scoped(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, const char *day,
    struct kpi_raw *k, struct pd_err *err);
/* The items behind store_kpi_scoped's due_total and due_paid (due in
 * [from, due_to], paid up to to by sc's payments), by due date then
 * reference; their sums are the KPI's. */
/* What arrangements made after `to` took over of the items due from
 * from to due_to (of segment; NULL: every consumer's): the Total Due of a
 * period counts it (the rollups took it out when it was moved; issue 23
 * review: a later arrangement no longer changes a past period's rate). */
int store_moved_after(struct store *st, const char *segment, const char *from,
    const char *due_to, const char *to, int64_t *moved, struct pd_err *err);
/* What falls due from from to due_to (of segment; NULL: every
 * consumer's) of the charges cancelled here, in minor units: an uphold's
 * service charge that the central node never had, undone at this
 * terminal (dispute_undo.c's uncharge: settled by nothing, in
 * sync_undone), less what arrangements moved of it. The rollups count
 * an item's amount as it was written; the Total Due leaves these out, as
 * the central node and every other terminal, which never had them, do
 * (helper-239: $2,233.33 due here, $2,083.33 elsewhere). */
int store_due_cancelled(struct store *st, const char *segment, const char *from,
    const char *due_to, int64_t *due, struct pd_err *err);
int store_rate_rows(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, rate_cb cb,
    void *arg, struct pd_err *err);
/* The open items today (open_rows.c), of the consumers of segment
 * (NULL: every one), by due date then reference: the rows behind the
 * Outstanding figure (their sums are its total, count and the part
 * under arrangement). */
int store_open_rows(struct store *st, const char *segment, const char *today,
    open_cb cb, void *arg, struct pd_err *err);
/* The allocations behind the Average Collection Time (time_rows.c): each
 * first allocation (not a reversal) of a Posted payment of sc paid from
 * from to to, by day paid then receipt; their days' mean is the figure. */
int store_time_rows(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, time_cb cb, void *arg,
    struct pd_err *err);
/* Each consumer's last `last` Posted payments of sc (scope, filters)
 * that paid an item, by consumer then oldest first: the days from the
 * due date of the oldest item each paid to its date (issue 23's
 * deteriorating payers), read from the rollup pay_days. The name and
 * account number passed are "": the caller reads those of the consumers
 * it keeps. */
int store_days_to_pay_each(struct store *st, const struct payment_filter *sc,
    int last, days_cb cb, void *arg, struct pd_err *err);
/* The anomaly rules' facts of one day (issue 23; sc the scope and
 * filters, on the payments, or on the payments voided or credited):
 * store_anomaly_large each Posted payment of the day with its
 * consumer's count and sum of Posted payments in the 365 days before;
 * store_anomaly_times the Posted and Pending payments of the day of the
 * consumers with at least `least` of them, by consumer then time;
 * store_anomaly_terminals each terminal with a payment, a void or a
 * credit note that day, with its count and sum of cash payments voided
 * that day (credits 0) or of credit notes made by hand that day
 * (credits 1), by terminal; store_anomaly_round the credit notes made
 * by hand that day of a whole multiple of unit, by user then number. */
int store_anomaly_large(struct store *st, const struct payment_filter *sc,
    const char *day, anomaly_fact_cb cb, void *arg, struct pd_err *err);
int store_anomaly_times(struct store *st, const struct payment_filter *sc,
    const char *day, int least, anomaly_fact_cb cb, void *arg,
    struct pd_err *err);
int store_anomaly_terminals(struct store *st, const struct payment_filter *sc,
    const char *day, int credits, anomaly_fact_cb cb, void *arg,
    struct pd_err *err);
int store_anomaly_round(struct store *st, const struct payment_filter *sc,
    const char *day, int64_t unit, anomaly_fact_cb cb, void *arg,
    struct pd_err *err);
/* The due date of each consumer's oldest item open at each of the n
 * month ends ends[0..n-1] (YYYY-MM-DD, oldest first; each the last day
 * of a calendar month, as the rollup item_late assumes), by consumer then
 * k (0-based), for those with one (issue 23's deteriorating payers: the
 * aging bucket month after month). An item counts as open at a day when
 * it fell due before it and is still open, or the last Posted payment
 * that paid it came after it; one an arrangement event after ends[0]
 * moved, when it was owed at it as it stood then (its amount less the
 * Posted payments dated up to it and the moves of events up to it);
 * segment: of its consumers only (NULL: all). The name and account
 * number given to cb are empty: the caller looks up the consumers it
 * keeps. */
int store_aging_ends_each(struct store *st, const char *segment,
    const char *const *ends, int n, aging_end_cb cb, void *arg,
    struct pd_err *err);
/* The names the report filters take (issue 23): a branch (of a user or
 * a payment), a username, a method or channel some payment has. */
enum store_name {
	STORE_NAME_BRANCH,
	STORE_NAME_USER,
	STORE_NAME_METHOD,
	STORE_NAME_CHANNEL,
	STORE_NAMES
};
/* Whether the store knows name (exactly) as a kind: 0 yes, 1 no with
 * known the names of the kind there are, comma-separated and cut to size
 * ("" for methods and channels: the config lists those), -1 on error. */
int store_name_known(struct store *st, enum store_name kind, const char *name,
    char *known, size_t size, struct pd_err *err);
/* The username name is, typed in any case and accents alike (pd_fold,
 * as segments, methods and teams are compared): 0 with canon (csize
 * bytes) the username as stored (exactly name where one is), 1 none,
 * -1 on error. */
int store_user_folded(struct store *st, const char *name, char *canon,
    size_t csize, struct pd_err *err);
/* Whether the user named name (as stored) took some payment for team
 * (the team kept with it, payment_teams; "" of no team; folded as teams
 * are compared): 0 yes, 1 no, -1 on error. */
int store_user_took_for_team(
    struct store *st, const char *name, const char *team, struct pd_err *err);
/* Whether some consumer is of segment (in any case, accents and all, as
 * a search folds: pd_fold): 0 yes, with canon (csize bytes) the spelling
 * the consumers have, 1 no with known the segments there are
 * ("Commercial, Residential"; cut to size), -1 on error. */
int store_segment_known(struct store *st, const char *segment, char *canon,
    size_t csize, char *known, size_t size, struct pd_err *err);
/* store_daily_each and store_method_each of the payments sc selects (a
 * scope, the report filters): day_cb each day in order, then method_cb
 * each method, largest first, then by name. */
int store_daily_scoped(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, total_cb day_cb, total_cb method_cb,
    void *arg, struct pd_err *err);
/* Posted collections over [from, to] from the rollups: per day (day
 * order) or per method (largest first). */
int store_daily_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err);
int store_method_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err);
/* Posted payments matching f per method, or per gateway with the
 * counters' payments as one row of key "" (largest first, then by key). */
int store_split(struct store *st, const struct payment_filter *f,
    enum split_by by, split_cb cb, void *arg, struct pd_err *err);
/* What the open items owe as of today: every consumer's, or segment's
 * (NULL: every one). */
int store_outstanding(struct store *st, const char *today,
    const char *segment, struct outstanding *o, struct pd_err *err);

/* Payers report: one row per consumer. Posted payments only unless
 * f->status says otherwise; f->limit rows. */
int store_payers_each(struct store *st, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err);

/* Aging of open items by days past their due date (enum age_bucket). */
/* The figures of the forecast's n weeks w (at most 2 x
 * FORECAST_WEEKS_MAX + 2; each one's from, to, as_of and past set by the
 * caller; the rest filled), in one pass and one read transaction: the
 * items due from..to, what they owe at
 * the start of as_of, each consumer's on-time history over the
 * FORECAST_HISTORY_DAYS before as_of weighted by forecast_expect
 * (forecast.h; issue 23), and for a past week what came in for those
 * items and what was collected in it (daily_totals). */
/* sc (NULL: the organisation's): the segment of the items and, for a
 * past week, the scope and filters of what came in and was collected
 * (store_forecast_scoped). */
int store_forecast_weeks(struct store *st, struct forecast_week *w,
    size_t n, const struct payment_filter *sc, struct pd_err *err);
/* A past week's came_in and collected of the Posted payments of sc (a
 * scope, its team, a segment: as the KPIs read them; scope.c):
 * allocated in [from, end) to the items due from..to, and from..to. */
int store_forecast_scoped(struct store *st, const struct payment_filter *sc,
    struct forecast_week *w, const char *end, struct pd_err *err);
/* What the Posted payments of sc (NULL: everyone's) allocated in
 * [w->from, end) to the items due w->from..w->to that the week's first
 * day (w->as_of) did not know (entered and issued on it or later:
 * item_entries), into *v: taken off a past week's came_in, which is
 * what came in for the week's items (paydesk(1), report forecast). */
int store_forecast_unknown_paid(struct store *st,
    const struct payment_filter *sc, const struct forecast_week *w,
    const char *end, int64_t *v, struct pd_err *err);
/* What everyone's Pending payments allocated in [w->from, end) to the
 * items due w->from..w->to, into *v: taken from paid_by_day's, which
 * counts them, for a past week's came_in (Posted only). */
int store_forecast_pending(struct store *st, const struct forecast_week *w,
    const char *end, int64_t *v, struct pd_err *err);
/* The organisation's due and on-time amounts (paid on or before the due
 * date by payments that count) of the items due on each day of [from,
 * to), by day, into cb: one pass for every week's history (a day's
 * on-time amount is the same whatever later day it is read at). */
typedef int (*forecast_day_cb)(
    const char *day, int64_t due, int64_t on_time, void *arg);
int store_forecast_org_days(struct store *st, const char *from,
    const char *to, forecast_day_cb cb, void *arg, struct pd_err *err);
/* What the items due before `before` still owe now (the ledger's
 * settled amounts, as the aging report reads them). */
int store_forecast_arrears(struct store *st, const char *before,
    const char *segment, int64_t *owed, struct pd_err *err);
int store_aging_total(struct store *st, const struct aging_filter *f,
    struct aging *a, struct pd_err *err);
/* Per consumer, most outstanding first. */
int store_aging_each(struct store *st, const struct aging_filter *f,
    aging_cb cb, void *arg, struct pd_err *err);

/* Integrity check and the consistency of kept-in-step amounts; problems are
 * passed to cb one line each. Returns the number of problems or -1. */
int store_doctor(
    struct store *st, problem_cb cb, void *arg, struct pd_err *err);
/* Online copy to dest with the SQLite backup API. */
int store_backup(struct store *st, const char *dest, struct pd_err *err);

#endif
