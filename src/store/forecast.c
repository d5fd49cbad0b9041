/* forecast.c - the figures of one week of the cash-flow forecast (issue
 * 23; the rule is core/forecast.c's, the method is stated in
 * paydesk(1)). A payment counts when it is Posted or Pending (on its
 * way from a gateway), on its paid_on day; a voided, failed or cancelled
 * one counts as never made. */
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"

/* One int64 from a statement of one row. */
static int
one_int(struct store *st, struct db_stmt *s, int64_t *v, struct pd_err *err)
{
	int rc;

	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		*v = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Computing the forecast"));
}

/* The organisation's due and on-time amounts over the items due from
 * hist to the day before as_of: the rollup due_paid_daily (schema.c). */
static int
org_history(struct store *st, const char *hist, const char *as_of, int64_t *due,
    int64_t *on_time, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(sum(due), 0), coalesce(sum(on_time), 0) FROM "
	    "due_paid_daily WHERE day >= ?1 AND day < ?2",
	    err);
	int rc;

	if (s == NULL || st_bind(s, "ss", hist, as_of) != 0)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW) {
		*due = db_column_int64(s, 0);
		*on_time = db_column_int64(s, 1);
	}
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Computing the forecast"));
}

/* Each consumer with something open at as_of among the items due in the
 * week, weighted by its own history (or the organisation's): what was
 * due of the week's days (the rollup due_paid, by due day) less what the
 * payments that count paid of it before as_of (paid_by_day), range sums
 * over the week's days (each item's allocations read one by one took
 * ~1.5 s a week at 10M payments); the consumer's due and paid on time
 * by due day (due_paid) for the history, both in one read of its year
 * (two correlated subqueries read it twice: 40% of a week's time). */
/* What an item owes at the start of ?3 is also less what arrangements
 * took over of it (its installments are items of their own, due on
 * their days: a debt counts once, as the aging report counts it) and
 * what credit notes paid of it, before ?3: read from those few rows, not
 * from each item of the week (issue 23 review). */
#define OPEN_OF_WEEK                                                           \
	"SELECT consumer_id AS cid, due AS v FROM due_paid WHERE due_on "      \
	"BETWEEN ?1 AND ?2 UNION ALL SELECT consumer_id, -paid FROM "          \
	"paid_by_day WHERE due_on BETWEEN ?1 AND ?2 AND paid_on < ?3 UNION "   \
	"ALL SELECT i.consumer_id, -m.amount FROM arrangement_moves m CROSS "  \
	"JOIN arrangement_events e CROSS JOIN items i WHERE e.id = "           \
	"m.event_id AND i.id = m.item_id AND i.due_on BETWEEN ?1 AND ?2 AND "  \
	"e.at < ?3 UNION ALL SELECT i.consumer_id, -c.amount FROM "            \
	"credit_applications c CROSS JOIN items i WHERE i.id = c.item_id AND " \
	"i.due_on BETWEEN ?1 AND ?2 AND c.applied_on < ?3"

static int
expected(struct store *st, struct forecast_week *w, const char *hist,
    int64_t org_due, int64_t org_on_time, const char *segment,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    segment == NULL
	        ? "SELECT cid, sum(v) FROM (" OPEN_OF_WEEK
	          ") x GROUP BY cid HAVING sum(v) > 0"
	        /* each consumer by its key (as store_outstanding) */
	        : "SELECT cid, sum(v) FROM (" OPEN_OF_WEEK
	          ") x WHERE EXISTS (SELECT 1 FROM consumers sg WHERE sg.id = "
	          "x.cid AND sg.segment = ?4 COLLATE NOCASE) GROUP BY cid "
	          "HAVING sum(v) > 0",
	    err);
	struct db_stmt *h = st_stmt(st,
	    "SELECT coalesce(sum(due), 0), coalesce(sum(on_time), 0) FROM "
	    "due_paid WHERE consumer_id = ?1 AND due_on >= ?2 AND due_on < ?3",
	    err);
	int rc;

	/* the year's days bound once (a reset keeps them), the consumer
	 * each time: binding the two texts again was 5% of the forecast */
	if (s == NULL || h == NULL ||
	    (segment == NULL
	            ? st_bind(s, "sss", w->from, w->to, w->as_of)
	            : st_bind(s, "ssss", w->from, w->to, w->as_of, segment)) !=
	        0 ||
	    st_bind(h, "iss", (int64_t)0, hist, w->as_of) != 0)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t open = db_column_int64(s, 1);

		if (db_bind_int64(h, 1, db_column_int64(s, 0)) != DB_OK ||
		    db_step(h) != DB_ROW)
			break;
		w->open += open;
		w->consumers++;
		w->expected += forecast_expect(open, db_column_int64(h, 0),
		    db_column_int64(h, 1), org_due, org_on_time);
		db_reset(h);
	}
	db_reset(h);
	db_reset(s);
	return rc == DB_DONE ? 0
	                     : st_fail(st, err, _("Computing the forecast"));
}

int
store_forecast_org_days(struct store *st, const char *from, const char *to,
    forecast_day_cb cb, void *arg, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT day, due, on_time FROM due_paid_daily WHERE day >= ?1 "
	    "AND day < ?2 AND (due <> 0 OR on_time <> 0) ORDER BY day",
	    err);
	int rc;

	if (s == NULL || st_bind(s, "ss", from, to) != 0)
		return -1;
	while ((rc = db_step(s)) == DB_ROW)
		if (cb((const char *)db_column_text(s, 0),
		        db_column_int64(s, 1), db_column_int64(s, 2), arg) != 0) {
			rc = DB_DONE;
			break;
		}
	db_reset(s);
	return rc == DB_DONE ? 0
	                     : st_fail(st, err, _("Computing the forecast"));
}

int
store_forecast_arrears(struct store *st, const char *before,
    const char *segment, int64_t *owed, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    segment == NULL
	        ? "SELECT coalesce(sum(amount - settled), 0) FROM items WHERE "
	          "due_on < ?1 AND settled < amount"
	        : "SELECT coalesce(sum(amount - settled), 0) FROM items WHERE "
	          "due_on < ?1 AND settled < amount AND EXISTS (SELECT 1 FROM "
	          "consumers sg WHERE sg.id = items.consumer_id AND "
	          "sg.segment = ?2 COLLATE NOCASE)",
	    err);

	if (s == NULL || (segment == NULL ? st_bind(s, "s", before)
	                                  : st_bind(s, "ss", before, segment)) != 0)
		return -1;
	return one_int(st, s, owed, err);
}

int
store_forecast_week(struct store *st, struct forecast_week *w,
    const struct payment_filter *sc, struct pd_err *err)
{
	char hist[DATE_BUFSZ], end[DATE_BUFSZ];
	int32_t d;
	struct db_stmt *s;

	w->open = w->expected = w->consumers = 0;
	w->came_in = w->collected = 0;
	if (date_parse(w->as_of, "As of", &d, err) != 0)
		return -1;
	date_format(hist, d - FORECAST_HISTORY_DAYS);
	if (!w->org_known) {
		if (org_history(st, hist, w->as_of, &w->org_due,
		        &w->org_on_time, err) != 0)
			return -1;
		w->org_known = 1;
	}
	if (expected(st, w, hist, w->org_due, w->org_on_time,
	        sc != NULL ? sc->segment : NULL, err) != 0)
		return -1;
	if (!w->past)
		return 0;
	if (date_parse(w->to, "To", &d, err) != 0)
		return -1;
	date_format(end, d + 1);
	/* a scope's, a team's or a segment's: from its payments */
	if (sc != NULL)
		return store_forecast_scoped(st, sc, w, end, err);
	s = st_stmt(st,
	    "SELECT coalesce(sum(paid), 0) FROM paid_by_day WHERE due_on "
	    "BETWEEN ?1 AND ?2 AND paid_on >= ?1 AND paid_on < ?3",
	    err);
	if (s == NULL || st_bind(s, "sss", w->from, w->to, end) != 0 ||
	    one_int(st, s, &w->came_in, err) != 0)
		return -1;
	s = st_stmt(st,
	    "SELECT coalesce(sum(collected), 0) FROM daily_totals WHERE day "
	    "BETWEEN ? AND ?",
	    err);
	if (s == NULL || st_bind(s, "ss", w->from, w->to) != 0)
		return -1;
	return one_int(st, s, &w->collected, err);
}
