/* forecast.c - the figures of one week of the cash-flow forecast (issue
 * 23; the rule is core/forecast.c's, the method is stated in
 * paydesk(1)). A payment counts when it is Posted or Pending (on its
 * way from a gateway), on its paid_on day; a voided, failed or cancelled
 * one counts as never made. */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "internal.h"
#include "schema_sql.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

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

/* (the items not the organisation's, NOT_ORG_IDS: internal.h) */

/* What an item owes at the start of as_of (?3), by consumer, for the
 * items due in the week ?1..?2: what was due of the week's days (the
 * rollup due_paid, by due day) less what the payments that count paid
 * of it before as_of (paid_by_day), range sums over the week's days
 * (each item's allocations read one by one took ~1.5 s a week at 10M
 * payments); less the items known from known_to (?4) or later, both
 * entered into the store (item_entries, by its day's index: the few since
 * then) and issued on known_to or later, which the week did not know (a
 * past week knows those of its first day, review s52)
 * (review R23 3: a bill issued and imported in the middle of a past week
 * counted in its forecast; an item is known from the earlier of its
 * entry and its issue, a bill issued before and imported later being in
 * the organisation's books; nothing paid them before they were); less what
 * arrangements took over of it (its installments are items of their own, due on
 * their days: a debt counts once, as the aging report counts it) and what
 * credit notes paid of it, before known_to (a plan of the first day: its
 * installments in, what it took over out): read from those few rows, not from
 * each item of the week (issue 23 review). The items not the organisation's
 * (NOT_ORG_IDS) are in the rollups: each is taken out again, what it was due
 * less what the payments that count paid of it before as_of (its part of each
 * rollup), and left out of the items known later and of the moves. A
 * consumer comes more than once: summed in memory. */
#define OPEN_OF_WEEK                                                           \
	"SELECT consumer_id AS cid, due AS v FROM due_paid WHERE due_on "      \
	"BETWEEN ?1 AND ?2 UNION ALL SELECT consumer_id, -paid FROM "          \
	"paid_by_day WHERE due_on BETWEEN ?1 AND ?2 AND paid_on < ?3 UNION "   \
	"ALL SELECT i.consumer_id, -i.amount FROM item_entries e CROSS JOIN "  \
	"items i WHERE e.entered_on >= ?4 AND i.id = e.item_id AND i.due_on "  \
	"BETWEEN ?1 AND ?2 AND i.issued_on >= ?4 AND i.id NOT IN "             \
	"(" NOT_ORG_IDS ") UNION ALL SELECT i.consumer_id, coalesce((SELECT "  \
	"sum(a.amount) FROM allocations a CROSS JOIN payments p WHERE "        \
	"a.item_id = i.id AND p.id = a.payment_id AND "                        \
	"p.status IN ('Posted', 'Pending') AND p.paid_on < ?3), 0) - "         \
	"i.amount FROM items i WHERE i.id IN (" NOT_ORG_IDS ") AND i.due_on "  \
	"BETWEEN ?1 AND ?2"
/* ... less what arrangements took over of the items due in the weeks and
 * what credit notes paid of them (an application undone, in sync_undone,
 * paid nothing: review 21, session 41), each row with its day: read once for
 * all the weeks and placed in memory (read again for each week, each
 * read every move of the store: seconds at 10M); none of an item not
 * the organisation's (taken out whole, above) */
#define MOVED_OF_WEEKS                                                         \
	"SELECT i.consumer_id, i.due_on, m.amount, e.at FROM "                 \
	"arrangement_moves m CROSS JOIN arrangement_events e CROSS JOIN items " \
	"i WHERE e.id = m.event_id AND i.id = m.item_id AND i.due_on BETWEEN " \
	"?1 AND ?2 AND i.id NOT IN (" NOT_ORG_IDS ") UNION ALL SELECT "        \
	"i.consumer_id, i.due_on, c.amount, c.applied_on FROM "                \
	"credit_applications c CROSS JOIN items i WHERE i.id = c.item_id AND " \
	"i.due_on BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM sync_undone " \
	"u WHERE u.uuid = c.uuid) AND i.id NOT IN (" NOT_ORG_IDS ")"

/* What the histories' rollups (due_paid_run, due_paid_daily) count that
 * the histories leave out, of the items due from ?1 to before ?2, each
 * with its consumer, due day, due and on-time amounts and the time from
 * which it is left out ('': always; NULL: never, the row skipped):
 * - what a plan holds of an item (every move of its events on the item:
 *   taken over less given back), when the plan took the item over on or
 *   before its due day, or its cancel closed it (one of its installments:
 *   the debt goes back to the items it took over, counted there), from
 *   the first such move on (TAKEN_FROM). Its installments are items of
 *   their own, due on their days: a debt counts once (review R23b). What
 *   a plan took over after the item fell due unpaid stays, late: it is
 *   the consumer's own history of paying on time (s72 fault 6: a consumer
 *   whose late bills a plan took over had no history left and took the
 *   organisation's ratio, the worst payer's cash going up). Judged per
 *   plan and item, on the plan's events the central node has (not one
 *   refused and undone here, sync_undone): a reverted first try judged
 *   each move by its own event, and the undo of a refused cancel, whose
 *   moves take the bill over again under the cancel, left the bill out at
 *   the terminal that made it alone (test_arrange's carry: the forecast
 *   differed between the terminals). What a plan holds of an item is the
 *   same at every terminal, whichever events moved it there;
 * - an item not the organisation's (NOT_ORG_IDS), whole: its amount and
 *   what was paid of it on time, as the rollups count it (PAID_ON_TIME_NET,
 *   schema_sql.h), always (it never was the organisation's), and none of
 *   its moves. */
#define TAKEN_FROM                                                             \
	"SELECT min(te.at) FROM arrangement_moves tm CROSS JOIN "              \
	"arrangement_events te WHERE tm.item_id = m.item_id AND tm.amount > "  \
	"0 AND te.id = tm.event_id AND te.arrangement_id = e.arrangement_id "  \
	"AND (te.kind = 'cancel' OR substr(te.at, 1, 10) <= i.due_on) AND "    \
	"te.uuid NOT IN (SELECT uuid FROM sync_undone)"
#define ASIDE_OF_HISTORY                                                       \
	"SELECT i.consumer_id, i.due_on, m.amount, 0, max(e.at, (" TAKEN_FROM  \
	")) FROM arrangement_moves m CROSS JOIN arrangement_events e CROSS "   \
	"JOIN items i WHERE e.id = m.event_id AND i.id = m.item_id AND "       \
	"i.due_on >= ?1 AND i.due_on < ?2 AND i.id NOT IN (" NOT_ORG_IDS       \
	") UNION ALL "                                                         \
	"SELECT i.consumer_id, i.due_on, i.amount, " PAID_ON_TIME_NET ", '' "  \
	"FROM "                                                                \
	"items i WHERE i.id IN (" NOT_ORG_IDS ") AND i.due_on >= ?1 AND "      \
	"i.due_on < ?2"

/* One row of ASIDE_OF_HISTORY. */
struct fc_move {
	int64_t cid, amount, on_time;
	char due[DATE_BUFSZ];
	char at[20];
};

static int
move_order(const void *a, const void *b)
{
	const struct fc_move *x = a, *y = b;

	return x->cid < y->cid ? -1 : x->cid > y->cid;
}

/* The rows of ASIDE_OF_HISTORY from lo to before hi, by consumer, into
 * *mv (*nmv of them). */
static int
history_moves(struct store *st, const char *lo, const char *hi,
    struct fc_move **mv, size_t *nmv, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, ASIDE_OF_HISTORY, err);
	const char *due, *at;
	size_t cap = 0;
	int rc;

	*mv = NULL;
	*nmv = 0;
	if (s == NULL || st_bind(s, "ss", lo, hi) != 0)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		due = (const char *)db_column_text(s, 1);
		at = (const char *)db_column_text(s, 4);
		if (due == NULL || at == NULL)
			continue;
		if (*nmv == cap) {
			cap = cap ? cap * 2 : 64;
			*mv = xrealloc(*mv, cap, sizeof **mv);
		}
		(*mv)[*nmv].cid = db_column_int64(s, 0);
		(*mv)[*nmv].amount = db_column_int64(s, 2);
		(*mv)[*nmv].on_time = db_column_int64(s, 3);
		xstrlcpy((*mv)[*nmv].due, due, sizeof (*mv)[*nmv].due);
		xstrlcpy((*mv)[*nmv].at, at, sizeof (*mv)[*nmv].at);
		(*nmv)++;
	}
	db_reset(s);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Computing the forecast"));
	if (*nmv > 1)
		qsort(*mv, *nmv, sizeof **mv, move_order);
	return 0;
}

/* What the rows mv (cid's, or everyone's with cid < 0) leave out of the
 * history of the items due from hist to before hend as it stands at
 * known: made before it (a week's known_to); into *due and *on_time. */
static void
aside_in(const struct fc_move *mv, size_t nmv, int64_t cid, const char *hist,
    const char *hend, const char *known, int64_t *due, int64_t *on_time)
{
	size_t lo = 0, hi = nmv;

	*due = *on_time = 0;
	if (cid >= 0) { /* the first of cid's */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (mv[mid].cid < cid)
				lo = mid + 1;
			else
				hi = mid;
		}
		hi = nmv;
	}
	for (; lo < hi && (cid < 0 || mv[lo].cid == cid); lo++)
		if (strcmp(mv[lo].due, hist) >= 0 &&
		    strcmp(mv[lo].due, hend) < 0 &&
		    strcmp(mv[lo].at, known) < 0) {
			*due += mv[lo].amount;
			*on_time += mv[lo].on_time;
		}
}

/* A consumer's open amount in one week of the forecast. */
struct fc_open {
	int64_t cid, open;
	size_t week;
};

static int
by_consumer(const void *a, const void *b)
{
	const struct fc_open *x = a, *y = b;

	if (x->cid != y->cid)
		return x->cid < y->cid ? -1 : 1;
	return x->week < y->week ? -1 : x->week > y->week;
}

static void
push_open(struct fc_open **v, size_t *n, size_t *cap, int64_t cid, int64_t open,
    size_t k)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*v = xrealloc(*v, *cap, sizeof **v);
	}
	(*v)[*n].cid = cid;
	(*v)[*n].open = open;
	(*v)[(*n)++].week = k;
}

/* The rows of OPEN_OF_WEEK for week w (the k-th), appended to *v; the
 * rows come by due day and consumer, grouped here rather than in
 * SQLite's sorter (a third of the forecast's time at 1M). */
static int
week_open(struct store *st, struct forecast_week *w, size_t k,
    struct fc_open **v, size_t *n, size_t *cap, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, OPEN_OF_WEEK, err);
	int rc;

	if (s == NULL ||
	    st_bind(s, "ssss", w->from, w->to, w->as_of, w->known_to) != 0)
		return -1;
	while ((rc = db_step(s)) == DB_ROW)
		push_open(
		    v, n, cap, db_column_int64(s, 0), db_column_int64(s, 1), k);
	db_reset(s);
	return rc == DB_DONE ? 0
	                     : st_fail(st, err, _("Computing the forecast"));
}

/* The rows of MOVED_OF_WEEKS, each taken off the open amount of the
 * week its item falls due in when it was made before that week's known_to
 * (as OPEN_OF_WEEK's own parts were, week by week), appended to *v. */
static int
weeks_moved(struct store *st, struct forecast_week *w, size_t nw,
    struct fc_open **v, size_t *n, size_t *cap, struct pd_err *err)
{
	struct db_stmt *s;
	const char *lo, *hi, *due, *at;
	size_t k;
	int rc;

	if (nw == 0)
		return 0;
	lo = w[0].from;
	hi = w[0].to;
	for (k = 1; k < nw; k++) {
		if (strcmp(w[k].from, lo) < 0)
			lo = w[k].from;
		if (strcmp(w[k].to, hi) > 0)
			hi = w[k].to;
	}
	if ((s = st_stmt(st, MOVED_OF_WEEKS, err)) == NULL ||
	    st_bind(s, "ss", lo, hi) != 0)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		due = (const char *)db_column_text(s, 1);
		at = (const char *)db_column_text(s, 3);
		if (due == NULL || at == NULL)
			continue;
		for (k = 0; k < nw; k++)
			if (strcmp(due, w[k].from) >= 0 &&
			    strcmp(due, w[k].to) <= 0 &&
			    strcmp(at, w[k].known_to) < 0)
				push_open(v, n, cap, db_column_int64(s, 0),
				    -db_column_int64(s, 2), k);
	}
	db_reset(s);
	return rc == DB_DONE ? 0
	                     : st_fail(st, err, _("Computing the forecast"));
}

/* Whether consumer cid is of the segment (each consumer by its key, as
 * store_outstanding): 1, 0, or -1. */
static int
of_segment(struct db_stmt *g, int64_t cid)
{
	int rc;

	if (db_bind_int64(g, 1, cid) != DB_OK)
		return -1;
	rc = db_step(g);
	db_reset(g);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* Sorted by consumer and week: one entry per consumer and week with
 * its sum, those with nothing open or (g not NULL) not of the segment
 * dropped, the weeks' open amounts and consumers counted; the number
 * kept, or -1. */
static ssize_t
open_sums(
    struct forecast_week *w, struct fc_open *v, size_t n, struct db_stmt *g)
{
	size_t i = 0, j, out = 0;
	int64_t last = 0;
	int in = 0, have = 0;

	for (; i < n; i = j) {
		int64_t open = 0;

		for (j = i;
		     j < n && v[j].cid == v[i].cid && v[j].week == v[i].week;
		     j++)
			open += v[j].open;
		if (open <= 0)
			continue;
		/* a consumer's segment read once, at its first week open */
		if (g != NULL && (!have || v[i].cid != last)) {
			if ((in = of_segment(g, v[i].cid)) < 0)
				return -1;
			last = v[i].cid;
			have = 1;
		}
		if (g != NULL && !in)
			continue;
		v[out] = v[i];
		v[out++].open = open;
		w[v[i].week].open += open;
		w[v[i].week].consumers++;
	}
	return (ssize_t)out;
}

/* A consumer's running totals (due_paid_run) of its items due before
 * day: 0 and the totals, or -1. */
static int
run_before(struct db_stmt *r, int64_t cid, const char *day, int64_t *due,
    int64_t *on_time)
{
	int rc;

	*due = *on_time = 0;
	if (st_bind(r, "is", cid, day) != 0)
		return -1;
	rc = db_step(r);
	if (rc == DB_ROW) {
		*due = db_column_int64(r, 0);
		*on_time = db_column_int64(r, 1);
	}
	db_reset(r);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

/* The expected amounts of every week: each consumer's year before a
 * week's as_of (due and paid on time of its items due in [hist, as_of))
 * from its running totals (due_paid_run, migration 57: the last before
 * as_of less the last before hist; summing its ~10 days of due_paid was
 * ~80% of the forecast's time at 10M payments), the consumers in
 * ascending order so that the rollup's pages are read in order, once
 * (read a week at a time, they were read once a week, out of the page
 * cache at 10M); a consumer's weeks of one as_of read once. The last
 * before hist is not looked for when nothing of the store falls due
 * before hist (first: the first due day, NULL with none): a store of
 * less than a year (the bench's, 10M payments over a year: each of the
 * past weeks' ~190,000 consumers read twice, half of the forecast's
 * 2 s of CPU). */
static int
expected_all(struct store *st, struct forecast_week *w,
    char (*hist)[DATE_BUFSZ], char (*hend)[DATE_BUFSZ], const char *first,
    const struct fc_move *mv, size_t nmv, struct fc_open *v, size_t n,
    struct pd_err *err)
{
	struct db_stmt *r = st_stmt(st,
	    "SELECT due, on_time FROM due_paid_run WHERE consumer_id = ?1 AND "
	    "due_on < ?2 ORDER BY due_on DESC LIMIT 1",
	    err);
	int64_t due = 0, on_time = 0, d0, t0, da, ta;
	size_t i;

	if (r == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct forecast_week *x = &w[v[i].week];

		if (i == 0 || v[i].cid != v[i - 1].cid ||
		    strcmp(hend[v[i].week], hend[v[i - 1].week]) != 0 ||
		    strcmp(x->as_of, w[v[i - 1].week].as_of) != 0) {
			d0 = t0 = 0;
			if (run_before(r, v[i].cid, hend[v[i].week], &due,
			        &on_time) !=
			        0 ||
			    (first != NULL &&
			        strcmp(first, hist[v[i].week]) < 0 &&
			        run_before(r, v[i].cid, hist[v[i].week], &d0,
			            &t0) != 0))
				return st_fail(
				    st, err, _("Computing the forecast"));
			aside_in(mv, nmv, v[i].cid, hist[v[i].week],
			    hend[v[i].week], x->known_to, &da, &ta);
			due -= d0 + da;
			on_time -= t0 + ta;
		}
		x->expected += forecast_expect(
		    v[i].open, due, on_time, x->org_due, x->org_on_time);
	}
	return 0;
}

/* The first day an item of the store falls due ("" with none): the
 * first of due_paid's days, its index's first entry (due_paid_run has
 * due_paid's keys, kept so by its triggers; doctor checks it). */
static int
first_due(struct store *st, char *first, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT min(due_on) FROM due_paid", err);
	const char *t;
	int rc;

	*first = '\0';
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW && (t = (const char *)db_column_text(s, 0)) != NULL)
		xstrlcpy(first, t, DATE_BUFSZ);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Computing the forecast"));
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

/* A past week's came_in and collected: a scope's, a team's or a
 * segment's from its payments (sc), else the organisation's rollups. */
static int
week_actuals(struct store *st, struct forecast_week *w,
    const struct payment_filter *sc, struct pd_err *err)
{
	char end[DATE_BUFSZ];
	int32_t d;
	int64_t pending;
	struct db_stmt *s;

	if (date_parse(w->to, "To", &d, err) != 0)
		return -1;
	date_format(end, d + 1);
	if (sc != NULL) {
		if (store_forecast_scoped(st, sc, w, end, err) != 0 ||
		    store_forecast_unknown_paid(st, sc, w, end, &pending, err) != 0)
			return -1;
		w->came_in -= pending;
		return 0;
	}
	/* paid_by_day counts Pending payments too; what came in is the
	 * Posted ones', as collected (review R23 s41) */
	s = st_stmt(st,
	    "SELECT coalesce(sum(paid), 0) FROM paid_by_day WHERE due_on "
	    "BETWEEN ?1 AND ?2 AND paid_on >= ?1 AND paid_on < ?3",
	    err);
	if (s == NULL || st_bind(s, "sss", w->from, w->to, end) != 0 ||
	    one_int(st, s, &w->came_in, err) != 0 ||
	    store_forecast_pending(st, w, end, &pending, err) != 0)
		return -1;
	w->came_in -= pending;
	if (store_forecast_unknown_paid(st, NULL, w, end, &pending, err) != 0)
		return -1;
	w->came_in -= pending;
	s = st_stmt(st,
	    "SELECT coalesce(sum(collected), 0) FROM daily_totals WHERE day "
	    "BETWEEN ? AND ?",
	    err);
	if (s == NULL || st_bind(s, "ss", w->from, w->to) != 0)
		return -1;
	return one_int(st, s, &w->collected, err);
}

int
store_forecast_weeks(struct store *st, struct forecast_week *w, size_t nw,
    const struct payment_filter *sc, struct pd_err *err)
{
	char(*hist)[DATE_BUFSZ], (*hend)[DATE_BUFSZ], first[DATE_BUFSZ];
	const char *lo = NULL, *hi = NULL;
	struct fc_move *mv = NULL;
	size_t nmv = 0;
	struct fc_open *v = NULL;
	struct db_stmt *g = NULL;
	size_t n = 0, cap = 0, k;
	ssize_t kept;
	int32_t d;
	int64_t da, ta;
	int rc = -1, own = st->depth == 0;

	if (nw > FORECAST_WEEKS_MAX * 2 + 2)
		return pd_fail(err, PD_EINVAL, _("Computing the forecast"));
	if (sc != NULL && sc->segment != NULL) {
		g = st_stmt(st,
		    "SELECT 1 FROM consumers WHERE id = ?1 AND segment = ?2 "
		    "COLLATE NOCASE",
		    err);
		if (g == NULL || st_bind(g, "is", (int64_t)0, sc->segment) != 0)
			return -1;
	}
	/* one read transaction: the weeks agree, and each consumer's read
	 * does not take and drop the store's read lock on its own (with no
	 * statement left open in between, that was two thirds of the
	 * history's time, in fcntl(2) and the WAL index) */
	if (own && st_exec(st, "BEGIN", err) != 0)
		return -1;
	hist = xcalloc(nw ? nw : 1, sizeof *hist);
	hend = xcalloc(nw ? nw : 1, sizeof *hend);
	/* a history is of the items due before the day a week's figures
	 * stand at: a past week's first day; for the weeks ahead, whose
	 * as_of is the day after today (today's payments paid), before
	 * today: an item due today is not late yet (review R23b) */
	for (k = 0; k < nw; k++) {
		if (date_parse(w[k].as_of, "As of", &d, err) != 0)
			goto out;
		date_format(hend[k], w[k].past ? d : d - 1);
		date_format(hist[k], (w[k].past ? d : d - 1) -
		                         FORECAST_HISTORY_DAYS);
		if (lo == NULL || strcmp(hist[k], lo) < 0)
			lo = hist[k];
		if (hi == NULL || strcmp(hend[k], hi) > 0)
			hi = hend[k];
	}
	if (nw > 0 && history_moves(st, lo, hi, &mv, &nmv, err) != 0)
		goto out;
	for (k = 0; k < nw; k++) {
		w[k].open = w[k].expected = w[k].consumers = 0;
		w[k].came_in = w[k].collected = 0;
		if (!w[k].org_known) {
			if (org_history(st, hist[k], hend[k], &w[k].org_due,
			        &w[k].org_on_time, err) != 0)
				goto out;
			w[k].org_known = 1;
		}
		aside_in(
		    mv, nmv, -1, hist[k], hend[k], w[k].known_to, &da, &ta);
		w[k].org_due -= da;
		w[k].org_on_time -= ta;
		if (week_open(st, &w[k], k, &v, &n, &cap, err) != 0 ||
		    (w[k].past && week_actuals(st, &w[k], sc, err) != 0))
			goto out;
	}
	if (weeks_moved(st, w, nw, &v, &n, &cap, err) != 0)
		goto out;
	if (n > 0)
		qsort(v, n, sizeof *v, by_consumer);
	if ((kept = open_sums(w, v, n, g)) < 0) {
		st_fail(st, err, _("Computing the forecast"));
		goto out;
	}
	if (first_due(st, first, err) != 0)
		goto out;
	rc = expected_all(st, w, hist, hend, *first ? first : NULL, mv, nmv,
	    v, (size_t)kept, err);
out:
	if (g != NULL)
		db_reset(g);
	if (own)
		st_exec(st, "COMMIT", NULL);
	free(v);
	free(mv);
	free(hist);
	free(hend);
	return rc;
}
