/* forecast.c - the figures of one week of the cash-flow forecast (issue
 * 23; the rule is core/forecast.c's, the method is stated in
 * paydesk(1)). A payment counts when it is Posted or Pending (on its
 * way from a gateway), on its paid_on day; a voided, failed or cancelled
 * one counts as never made. */
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"

/* what each payment that counts allocated to each item, on its day */
#define PAID                                                                   \
	"paid AS (SELECT a.item_id, a.amount, p.paid_on AS day FROM "          \
	"allocations a JOIN payments p ON p.id = a.payment_id WHERE "          \
	"a.reverses IS NULL AND p.status IN ('Posted', 'Pending'))"

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
 * hist to the day before as_of. */
static int
org_history(struct store *st, const char *hist, const char *as_of, int64_t *due,
    int64_t *on_time, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "WITH " PAID " SELECT coalesce(sum(i.amount), 0), coalesce(sum("
	    "(SELECT coalesce(sum(amount), 0) FROM paid WHERE item_id = i.id "
	    "AND day <= i.due_on)), 0) FROM items i WHERE i.due_on >= ?1 AND "
	    "i.due_on < ?2",
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
 * week, weighted by its own history (or the organisation's). */
static int
expected(struct store *st, struct forecast_week *w, const char *hist,
    int64_t org_due, int64_t org_on_time, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "WITH " PAID ", o AS (SELECT i.consumer_id AS cid, sum(i.amount - "
	    "(SELECT coalesce(sum(amount), 0) FROM paid WHERE item_id = i.id "
	    "AND day < ?3)) AS open FROM items i WHERE i.due_on BETWEEN ?1 AND "
	    "?2 GROUP BY i.consumer_id) SELECT o.open, (SELECT "
	    "coalesce(sum(h.amount), 0) FROM items h WHERE h.consumer_id = "
	    "o.cid AND h.due_on >= ?4 AND h.due_on < ?3), (SELECT "
	    "coalesce(sum(x.amount), 0) FROM items h JOIN paid x ON x.item_id "
	    "= "
	    "h.id WHERE h.consumer_id = o.cid AND h.due_on >= ?4 AND h.due_on "
	    "< "
	    "?3 AND x.day <= h.due_on) FROM o WHERE o.open > 0",
	    err);
	int rc;

	if (s == NULL ||
	    st_bind(s, "ssss", w->from, w->to, w->as_of, hist) != 0)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t open = db_column_int64(s, 0);

		w->open += open;
		w->consumers++;
		w->expected += forecast_expect(open, db_column_int64(s, 1),
		    db_column_int64(s, 2), org_due, org_on_time);
	}
	db_reset(s);
	return rc == DB_DONE ? 0
	                     : st_fail(st, err, _("Computing the forecast"));
}

int
store_forecast_arrears(struct store *st, const char *before, int64_t *owed,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(sum(amount - settled), 0) FROM items WHERE "
	    "due_on < ? AND settled < amount",
	    err);

	if (s == NULL || st_bind(s, "s", before) != 0)
		return -1;
	return one_int(st, s, owed, err);
}

int
store_forecast_week(
    struct store *st, struct forecast_week *w, struct pd_err *err)
{
	char hist[DATE_BUFSZ], end[DATE_BUFSZ];
	int64_t org_due = 0, org_on_time = 0;
	int32_t d;
	struct db_stmt *s;

	w->open = w->expected = w->consumers = 0;
	w->came_in = w->collected = 0;
	if (date_parse(w->as_of, "As of", &d, err) != 0)
		return -1;
	date_format(hist, d - FORECAST_HISTORY_DAYS);
	if (org_history(st, hist, w->as_of, &org_due, &org_on_time, err) != 0 ||
	    expected(st, w, hist, org_due, org_on_time, err) != 0)
		return -1;
	if (!w->past)
		return 0;
	if (date_parse(w->to, "To", &d, err) != 0)
		return -1;
	date_format(end, d + 1);
	s = st_stmt(st,
	    "WITH " PAID " SELECT coalesce(sum(x.amount), 0) FROM items i JOIN "
	    "paid x ON x.item_id = i.id WHERE i.due_on BETWEEN ?1 AND ?2 AND "
	    "x.day >= ?1 AND x.day < ?3",
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
