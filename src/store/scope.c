/* scope.c - the KPIs and daily collections of one terminal's or one
 * branch's payments (issue 23: payments pulled from other terminals no
 * longer count silently in a branch's figures). The rollups
 * (daily_totals, daily_method_totals) sum every payment the store holds,
 * the organisation's figures; a terminal's or a branch's are read from
 * the running totals by the fields filtered on (facts.c), a gateway's
 * from the payments themselves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"
#include "schema_sql.h"

/* Whether sc narrows the payments at all (NULL: the organisation): a
 * scope, or a report filter (issue 23: branch, team member, method,
 * channel, segment, gateway). */
static int
scoped(const struct payment_filter *sc)
{
	return sc != NULL &&
	       (sc->terminal != NULL || sc->branch != NULL ||
	           sc->method != NULL || sc->channel != NULL ||
	           sc->recorded_by != NULL || sc->segment != NULL ||
	           sc->gateway != NULL || sc->team != NULL);
}

/* The scope's and the filters' condition on the payments p, written as
 * the payments list writes it (store_payment_where). */
static void
scope_where(struct qb *q, const struct payment_filter *sc)
{
	struct payment_filter g;

	memset(&g, 0, sizeof g);
	g.status = -1;
	g.type = -1;
	g.terminal = sc->terminal;
	g.branch = sc->branch;
	g.method = sc->method;
	g.channel = sc->channel;
	g.recorded_by = sc->recorded_by;
	g.gateway = sc->gateway;
	g.team = sc->team;
	/* no search: the store is not read */
	store_payment_where(NULL, q, &g, 0);
	/* the segment a test of each payment read, its consumer's row
	 * looked up: by the consumer's index, a segment of most consumers
	 * read every payment of each of them, whatever the period; as a
	 * list (IN (SELECT id ...)), each statement first put every consumer
	 * of the segment in a temporary index (issue 23: ~70 ms a statement
	 * at 200,000 consumers, nine of them in a dashboard, even for the
	 * day's few payments) */
	if (sc->segment != NULL)
		qb_add(q,
		    " AND EXISTS (SELECT 1 FROM consumers sg WHERE sg.id = "
		    "p.consumer_id AND sg.segment = ? COLLATE NOCASE)",
		    "s", sc->segment);
}

/* The items of sc's segment only (the amounts due belong to no
 * terminal, but to a consumer), as i. */
static void
segment_items(struct qb *q, const struct payment_filter *sc)
{
	/* the items of the period through items_due, each tested by its
	 * consumer's row (as scope_where: no list of the segment built);
	 * by items_consumer every item of each consumer of the segment */
	if (sc != NULL && sc->segment != NULL)
		qb_add(q,
		    " AND EXISTS (SELECT 1 FROM consumers sg WHERE sg.id = "
		    "i.consumer_id AND sg.segment = ? COLLATE NOCASE)",
		    "s", sc->segment);
}

int
qb_one_row(struct store *st, struct qb *q, int64_t *v, int n,
    struct pd_err *err)
{
	struct db_stmt *s = qb_prepare(st, q, err);
	int rc, i;

	qb_free(q);
	if (s == NULL)
		return -1;
	rc = db_step(s);
	for (i = 0; rc == DB_ROW && i < n; i++)
		v[i] = db_column_int64(s, i);
	db_finalize(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Computing KPIs"));
}

/* Posted payments of the scope over [from, to]: amount and count, and
 * the items they pay as they stand (PAYS): days from issue and count
 * (as the rollup_alloc trigger counts them). */
static int
scoped_collected(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, struct kpi_raw *k, struct pd_err *err)
{
	struct qb q;
	int64_t v[2] = {0, 0};

	qb_init(&q, "SELECT coalesce(sum(p.amount), 0), count(*) FROM "
	            "payments p WHERE p.status = 'Posted'");
	qb_add(&q, " AND p.paid_on BETWEEN ? AND ?", "ss", from, to);
	scope_where(&q, sc);
	if (qb_one_row(st, &q, v, 2, err) != 0)
		return -1;
	k->collected = v[0];
	k->collected_count = v[1];
	qb_init(&q,
	    "SELECT coalesce(sum(max(0, CAST(julianday(p.paid_on) - "
	    "julianday(i.issued_on) AS INTEGER))), 0), count(*) FROM payments "
	    "p JOIN allocations a ON a.payment_id = p.id JOIN items i ON i.id "
	    "= a.item_id WHERE p.status = 'Posted' AND " PAYS("a"));
	qb_add(&q, " AND p.paid_on BETWEEN ? AND ?", "ss", from, to);
	scope_where(&q, sc);
	if (qb_one_row(st, &q, v, 2, err) != 0)
		return -1;
	k->alloc_days = v[0];
	k->alloc_count = v[1];
	return 0;
}

int
store_kpi_scoped(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, const char *day,
    struct kpi_raw *k, struct pd_err *err)
{
	struct qb q;
	int64_t v[2] = {0, 0};

	if (!scoped(sc))
		return store_kpi(st, from, to, due_to, day, k, err);
	if (store_facts_cover(st, sc))
		return store_kpi_facts(st, sc, from, to, due_to, day, k, err);
	memset(k, 0, sizeof *k);
	if (scoped_collected(st, sc, from, to, k, err) != 0)
		return -1;
	qb_init(&q, "SELECT coalesce(sum(p.amount), 0), count(*) FROM "
	            "payments p WHERE p.status = 'Posted'");
	qb_add(&q, " AND p.paid_on = ?", "s", day);
	scope_where(&q, sc);
	if (qb_one_row(st, &q, v, 2, err) != 0)
		return -1;
	k->day_total = v[0];
	k->day_count = v[1];
	/* the amounts due are the organisation's (an item belongs to no
	 * terminal): what fell due, as store_kpi reads it */
	if (sc->segment == NULL) {
		qb_init(&q, "SELECT coalesce(sum(amount), 0) FROM due_daily "
		            "WHERE day BETWEEN ? AND ?");
		qb_add(&q, "", "ss", from, due_to);
	} else {
		/* a segment's: its consumers' items, as due_daily sums
		 * them (less what arrangements moved) */
		qb_init(&q,
		    "SELECT coalesce(sum(i.amount - (SELECT "
		    "coalesce(sum(m.amount), 0) FROM arrangement_moves m "
		    "WHERE m.item_id = i.id)), 0) FROM items i WHERE "
		    "i.due_on BETWEEN ? AND ?");
		qb_add(&q, "", "ss", from, due_to);
		segment_items(&q, sc);
	}
	if (qb_one_row(st, &q, &k->due_total, 1, err) != 0)
		return -1;
	/* of it, what the scope's Posted payments paid, as store_kpi: the
	 * items the scope's payments paid, each up to its amount (less what
	 * arrangements moved), joined rather than each item of the period
	 * asking for its payments (issue 23: ~1.7 s of a branch's month on a
	 * 2M-payment store, a correlated subquery per item due; the items
	 * the scope paid nothing of add min(due, 0) = 0, as an item's
	 * amount is above 0 and arrangements move no more than it owes) */
	qb_init(&q,
	    "SELECT coalesce(sum(min(x.amount - (SELECT "
	    "coalesce(sum(m.amount), 0) FROM arrangement_moves m WHERE "
	    "m.item_id = x.id), x.paid)), 0) FROM (SELECT i.id AS id, "
	    "i.amount AS amount, sum(a.amount) AS paid FROM items i JOIN "
	    "allocations a ON a.item_id = i.id JOIN payments p ON p.id = "
	    "a.payment_id WHERE 1");
	qb_add(&q, " AND i.due_on BETWEEN ? AND ?", "ss", from, due_to);
	segment_items(&q, sc);
	qb_add(&q, " AND p.status = 'Posted' AND p.paid_on <= ?", "s", to);
	scope_where(&q, sc);
	qb_add(&q, " GROUP BY i.id, i.amount) x", "");
	return qb_one_row(st, &q, &k->due_paid, 1, err);
}

/* What the Pending payments (of sc, or everyone's: sc NULL) allocated
 * in [from, end) to the items due w->from..w->to: each Pending payment
 * of the days by its status (few: a gateway's on their way), its
 * allocations and their items. */
static int
pending_week(struct store *st, const struct payment_filter *sc,
    const struct forecast_week *w, const char *end, int64_t *v,
    struct pd_err *err)
{
	struct qb q;

	qb_init(&q,
	    "SELECT coalesce(sum(a.amount), 0) FROM payments p CROSS "
	    "JOIN allocations a CROSS JOIN items i WHERE a.payment_id = "
	    "p.id AND i.id = a.item_id AND p.status = 'Pending'");
	qb_add(&q, " AND p.paid_on >= ? AND p.paid_on < ?", "ss", w->from, end);
	qb_add(&q, " AND i.due_on BETWEEN ? AND ?", "ss", w->from, w->to);
	if (sc != NULL)
		scope_where(&q, sc);
	return qb_one_row(st, &q, v, 1, err);
}

/* A past week's came_in and collected from the running totals
 * (facts.c), when they hold them: 0, 1 when they do not, or -1. What
 * came in counts the Posted payments, as collected does (review R23
 * s41: a Pending one counted in came_in but not in collected, so the
 * week's items "came in" more than the whole week collected), for what
 * they pay as they stand (migration 87: every allocation, reversals and
 * carries netted); alloc_facts holds the Posted ones' allocations,
 * reversals too. The facts hold the week when everyone's allocations
 * there plus everyone's Pending ones are paid_by_day's (a store whose
 * rollups are out of step: doctor says so; the payments are read). Read
 * from the payments, each item due in a branch's week asked for its
 * allocations and their payments: ~0.45 s of CPU a week at 10M
 * payments, with four past weeks half of the forecast's time (issue
 * 23). */
static int
forecast_facts(struct store *st, const struct payment_filter *sc,
    struct forecast_week *w, const char *end, struct pd_err *err)
{
	struct db_stmt *s;
	int64_t v[3], all_pending, gross = 0;
	int rc;

	if (!store_facts_cover(st, sc))
		return 1;
	if (store_facts_week(st, sc, w->from, w->to, end, v, err) != 0 ||
	    pending_week(st, NULL, w, end, &all_pending, err) != 0)
		return -1;
	s = st_stmt(st,
	    "SELECT coalesce(sum(paid), 0) FROM paid_by_day WHERE due_on "
	    "BETWEEN ?1 AND ?2 AND paid_on >= ?1 AND paid_on < ?3",
	    err);
	if (s == NULL || st_bind(s, "sss", w->from, w->to, end) != 0)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		gross = db_column_int64(s, 0);
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Computing the forecast"));
	if (v[1] + all_pending != gross)
		return 1;
	w->came_in = v[0];
	w->collected = v[2];
	return 0;
}

int
store_forecast_pending(struct store *st, const struct forecast_week *w,
    const char *end, int64_t *v, struct pd_err *err)
{
	return pending_week(st, NULL, w, end, v, err);
}

int
store_forecast_scoped(struct store *st, const struct payment_filter *sc,
    struct forecast_week *w, const char *end, struct pd_err *err)
{
	struct qb q;
	int rc;

	if ((rc = forecast_facts(st, sc, w, end, err)) <= 0)
		return rc;
	/* what the Posted payments (those collected counts; a Pending one
	 * is not in yet) paid of the week's items within it */
	qb_init(&q, "SELECT coalesce(sum(a.amount), 0) FROM payments p JOIN "
	            "allocations a ON a.payment_id = p.id JOIN items i ON i.id "
	            "= a.item_id WHERE p.status = 'Posted'");
	qb_add(&q, " AND p.paid_on >= ? AND p.paid_on < ?", "ss", w->from, end);
	qb_add(&q, " AND i.due_on BETWEEN ? AND ?", "ss", w->from, w->to);
	scope_where(&q, sc);
	if (qb_one_row(st, &q, &w->came_in, 1, err) != 0)
		return -1;
	/* every Posted payment of the week, as daily_totals counts them */
	qb_init(&q, "SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE "
	            "p.status = 'Posted'");
	qb_add(&q, " AND p.paid_on BETWEEN ? AND ?", "ss", w->from, w->to);
	scope_where(&q, sc);
	return qb_one_row(st, &q, &w->collected, 1, err);
}

int
store_forecast_unknown_paid(struct store *st, const struct payment_filter *sc,
    const struct forecast_week *w, const char *end, int64_t *v,
    struct pd_err *err)
{
	struct qb q;

	/* the few items entered after the week's first day (known_to or
	 * later, by item_entries' day index), issued then or later too (one
	 * of its first day is known: review s52), and those not
	 * the organisation's (NOT_ORG_IDS: a few, undone here), and what
	 * the Posted payments of sc paid of them within the week (review
	 * R23b: a bill issued, imported and paid in the middle of a past
	 * week counted in its Came in, though none of its items; a charge
	 * paid and then cancelled with its uphold refused counted at its
	 * terminal alone, the rollup paid_by_day keeping its payment's
	 * allocation) */
	qb_init(&q,
	    "SELECT coalesce(sum(a.amount), 0) FROM items i CROSS JOIN "
	    "allocations a CROSS JOIN payments p WHERE a.item_id = i.id AND "
	    "p.id = a.payment_id AND p.status = 'Posted'");
	qb_add(&q,
	    " AND i.id IN (SELECT e.item_id FROM item_entries e CROSS JOIN "
	    "items j WHERE e.entered_on >= ? AND j.id = e.item_id AND "
	    "j.issued_on >= ? UNION " NOT_ORG_IDS ")",
	    "ss", w->known_to, w->known_to);
	qb_add(&q, " AND i.due_on BETWEEN ? AND ?", "ss", w->from, w->to);
	qb_add(&q, " AND p.paid_on >= ? AND p.paid_on < ?", "ss", w->from, end);
	if (sc != NULL)
		scope_where(&q, sc);
	return qb_one_row(st, &q, v, 1, err);
}

int
store_moved_after(struct store *st, const char *segment, const char *from,
    const char *due_to, const char *to, int64_t *moved, struct pd_err *err)
{
	struct qb q;

	/* the few events after `to` (none for a current period), their
	 * moves and items (CROSS JOIN: in that order, not every item of
	 * the period asking for its moves). Each move's item by its key
	 * (EXISTS): joined, SQLite built a Bloom filter of every item for
	 * the 40 moves of a previous month (80 ms of CPU at 1M payments,
	 * most of a dashboard's) */
	qb_init(&q,
	    "SELECT coalesce(sum(m.amount), 0) FROM arrangement_events e CROSS "
	    "JOIN arrangement_moves m WHERE e.id = m.event_id");
	qb_add(&q, " AND substr(e.at, 1, 10) > ?", "s", to);
	qb_add(&q,
	    " AND EXISTS (SELECT 1 FROM items i WHERE i.id = m.item_id AND "
	    "i.due_on BETWEEN ? AND ?",
	    "ss", from, due_to);
	segment_items(&q, &(struct payment_filter){.segment = segment});
	qb_add(&q, ")", "");
	return qb_one_row(st, &q, moved, 1, err);
}

int
store_due_cancelled(struct store *st, const char *segment, const char *from,
    const char *due_to, int64_t *due, struct pd_err *err)
{
	struct qb q;

	/* the few undone records (sync_undone, by its key), the items of
	 * those that are items */
	qb_init(&q,
	    "SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(m.amount), "
	    "0) FROM arrangement_moves m WHERE m.item_id = i.id)), 0) FROM "
	    "sync_undone u CROSS JOIN items i WHERE i.uuid = u.uuid AND "
	    "u.kind = 'dispute'");
	qb_add(&q, " AND i.due_on BETWEEN ? AND ?", "ss", from, due_to);
	segment_items(&q, &(struct payment_filter){.segment = segment});
	return qb_one_row(st, &q, due, 1, err);
}

/* A method's total of the period (store_daily_scoped). */
struct method_sum {
	char *method;
	int64_t amount, count;
};

/* Largest first, then by name (store_split's and store_method_each's
 * order). */
static int
method_order(const void *a, const void *b)
{
	const struct method_sum *x = a, *y = b;

	if (x->amount != y->amount)
		return x->amount > y->amount ? -1 : 1;
	return strcmp(x->method, y->method);
}

int
store_daily_scoped(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, total_cb day_cb, total_cb method_cb,
    void *arg, struct pd_err *err)
{
	struct db_stmt *s;
	struct qb q;
	struct method_sum *m = NULL;
	char day[11] = "";
	int64_t amount = 0, count = 0;
	size_t n = 0, i;
	int rc, stop = 0;

	if (!scoped(sc))
		return store_daily_each(st, from, to, day_cb, arg, err) != 0 ||
		               store_method_each(
		                   st, from, to, method_cb, arg, err) != 0
		           ? -1
		           : 0;
	/* the days and the methods in one reading of the payments (issue
	 * 23: the methods read them again, ~0.35 s of a branch's month on
	 * a 2M-payment store), the days in order, each method summed here */
	if (store_facts_cover(st, sc))
		store_daily_facts(&q, sc, from, to);
	else {
		qb_init(&q, "SELECT p.paid_on, p.method, sum(p.amount), "
		            "count(*) FROM payments p WHERE p.status = 'Posted'");
		qb_add(&q, " AND p.paid_on BETWEEN ? AND ?", "ss", from, to);
		scope_where(&q, sc);
		qb_add(&q, " GROUP BY p.paid_on, p.method ORDER BY p.paid_on",
		    "");
	}
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *d = (const char *)db_column_text(s, 0);
		const char *k = (const char *)db_column_text(s, 1);
		int64_t a = db_column_int64(s, 2), c = db_column_int64(s, 3);

		d = d != NULL ? d : "";
		k = k != NULL ? k : "";
		if (strcmp(d, day) != 0) {
			if (day[0] != '\0' && day_cb(day, amount, count, arg) != 0) {
				stop = 1;
				break;
			}
			snprintf(day, sizeof day, "%s", d);
			amount = count = 0;
		}
		amount += a;
		count += c;
		for (i = 0; i < n && strcmp(m[i].method, k) != 0; i++)
			;
		if (i == n) {
			m = xrealloc(m, n + 1, sizeof *m);
			m[n].method = xstrdup(k);
			m[n].amount = m[n].count = 0;
			n++;
		}
		m[i].amount += a;
		m[i].count += c;
	}
	db_finalize(s);
	if (rc != DB_DONE && !stop) {
		for (i = 0; i < n; i++)
			free(m[i].method);
		free(m);
		return st_fail(st, err, _("Reading collections"));
	}
	if (!stop && day[0] != '\0')
		stop = day_cb(day, amount, count, arg) != 0;
	if (n > 0) /* m is NULL when no payment had a method */
		qsort(m, n, sizeof *m, method_order);
	for (i = 0; i < n; i++) {
		if (!stop && m[i].count > 0)
			stop = method_cb(m[i].method, m[i].amount, m[i].count,
			           arg) != 0;
		free(m[i].method);
	}
	free(m);
	return 0;
}

void
store_scope_where(struct qb *q, const struct payment_filter *sc)
{
	if (scoped(sc))
		scope_where(q, sc);
}

/* The Posted payments of sc dated up to ? allocated to item i, as p: from
 * the item's allocations (CROSS JOIN keeps that order; without statistics
 * the planner walked every Posted payment up to ? for each item, review
 * R23 s41: 1.5 s of CPU for 347 items of the demo store). */
static void
paid_of_item(struct qb *q, const struct payment_filter *sc, const char *to)
{
	qb_add(q,
	    " FROM allocations a CROSS JOIN payments p ON p.id = a.payment_id "
	    "WHERE a.item_id = i.id AND p.status = 'Posted' AND p.paid_on <= ?",
	    "s", to);
	if (scoped(sc))
		scope_where(q, sc);
}

int
store_rate_rows(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, rate_cb cb, void *arg,
    struct pd_err *err)
{
	struct db_stmt *s;
	struct rate_row r;
	struct qb q;
	int rc;

	/* what an arrangement took over by the period's end is owed by its
	 * installments (a later one leaves the period's rate as it was) */
	qb_init(&q, "SELECT i.id, i.ref, c.name, c.account_no, i.due_on, "
	            "i.amount - (SELECT coalesce(sum(m.amount), 0) FROM "
	            "arrangement_moves m JOIN arrangement_events e ON e.id = "
	            "m.event_id WHERE m.item_id = i.id");
	qb_add(&q, " AND substr(e.at, 1, 10) <= ?) AS owed, min(i.amount - "
	           "(SELECT coalesce(sum(m.amount), 0) FROM arrangement_moves "
	           "m JOIN arrangement_events e ON e.id = m.event_id WHERE "
	           "m.item_id = i.id AND substr(e.at, 1, 10) <= ?), (SELECT "
	           "coalesce(sum(a.amount), 0)",
	    "ss", to, to);
	paid_of_item(&q, sc, to);
	qb_add(&q,
	    ")), (SELECT group_concat(receipt_no, '; ') FROM (SELECT "
	    "DISTINCT p.receipt_no",
	    "");
	paid_of_item(&q, sc, to);
	qb_add(&q,
	    " AND a.amount > 0 ORDER BY p.receipt_no)) FROM items i "
	    "JOIN consumers c ON c.id = i.consumer_id WHERE i.due_on "
	    "BETWEEN ? AND ?",
	    "ss", from, due_to);
	/* nor a charge cancelled here (store_due_cancelled), nor an
	 * installment of a plan or reschedule the central node refused,
	 * undone here: no other node has it (helper-242: listed at its
	 * terminal alone, nothing owed, paid by receipts that paid the
	 * winning plan everywhere) */
	qb_add(&q,
	    " AND NOT EXISTS (SELECT 1 FROM sync_undone u WHERE u.uuid = "
	    "i.uuid AND u.kind = 'dispute') AND NOT " ARR_EVENT_UNDONE(
	        "ue.id = i.arr_event"),
	    "");
	segment_items(&q, sc);
	qb_add(&q, " ORDER BY i.due_on, i.ref", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		r.item_id = db_column_int64(s, 0);
		st_col(s, 1, r.ref, sizeof r.ref);
		st_col(s, 2, r.consumer_name, sizeof r.consumer_name);
		st_col(s, 3, r.account_no, sizeof r.account_no);
		st_col(s, 4, r.due_on, sizeof r.due_on);
		r.due = db_column_int64(s, 5);
		r.paid = db_column_int64(s, 6);
		st_col(s, 7, r.paid_by, sizeof r.paid_by);
		if (cb(&r, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Computing KPIs"));
}

int
store_segment_known(struct store *st, const char *segment, char *canon,
    size_t csize, char *known, size_t size, struct pd_err *err)
{
	/* the segments there are, each folded as a search folds (review R23
	 * s41: COLLATE NOCASE folds ASCII only, so RÉSIDENTIEL was no
	 * Résidentiel); the first whose fold is the text's */
	struct db_stmt *s = st_stmt(st,
	    "WITH g(segment) AS (SELECT DISTINCT segment FROM consumers WHERE "
	    "segment <> '') SELECT (SELECT segment FROM g WHERE segment = ?1 "
	    "UNION ALL SELECT segment FROM g WHERE pd_fold(segment) = "
	    "pd_fold(?1) LIMIT 1), (SELECT group_concat(segment, ', ') FROM "
	    "(SELECT segment FROM g ORDER BY segment))",
	    err);
	int rc, found = 0;

	if (s == NULL || st_bind(s, "s", segment) != 0)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW) {
		found = db_column_type(s, 0) != DB_NULL;
		if (found)
			st_col(s, 0, canon, csize);
		st_col(s, 1, known, size);
	}
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading the segments"));
	return found ? 0 : 1;
}

int
store_user_folded(struct store *st, const char *name, char *canon, size_t csize,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT username FROM users WHERE username = ?1 UNION ALL SELECT "
	    "* FROM (SELECT username FROM users WHERE pd_fold(username) = "
	    "pd_fold(?1) ORDER BY id) x LIMIT 1",
	    err);
	int rc;

	if (s == NULL || st_bind(s, "s", name) != 0)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, canon, csize);
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the names a filter takes"));
	return rc == DB_ROW ? 0 : 1;
}

int
store_user_took_for_team(
    struct store *st, const char *name, const char *team, struct pd_err *err)
{
	/* by the user's own payments (payments_user), each judged by the
	 * team kept with it, as the lists' team restriction judges them */
	struct db_stmt *s = st_stmt(st,
	    "SELECT EXISTS (SELECT 1 FROM payments p WHERE p.user_id = "
	    "(SELECT id FROM users WHERE username = ?) AND " PAY_TEAM_IS(
	        "p.id") ")",
	    err);
	int rc, yes = 0;

	if (s == NULL || st_bind(s, "ss", name, team) != 0)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		yes = db_column_int64(s, 0) != 0;
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading the user's payments"));
	return yes ? 0 : 1;
}

/* Each kind of name a report filter takes: whether the store knows it
 * (?1; a count above 0) and the names it knows, for the refusal. */
static const struct {
	const char *count_sql;
	const char *known_sql; /* NULL: the caller lists them (the config) */
} filter_names[STORE_NAMES] = {
    [STORE_NAME_BRANCH] = {"SELECT (SELECT count(*) FROM users WHERE branch "
                           "= ?1) + (SELECT count(*) FROM (SELECT 1 FROM "
                           "payments WHERE branch = ?1 LIMIT 1))",
        /* the users' and the payments' (review R23: the pulled ones'
         * branches were left out), the payments' read as a skip scan
         * of payments_branch, one probe a branch */
        "WITH RECURSIVE p(b) AS (SELECT (SELECT min(branch) FROM payments "
        "WHERE branch > '') UNION ALL SELECT (SELECT min(branch) FROM "
        "payments WHERE branch > p.b) FROM p WHERE p.b IS NOT NULL) "
        "SELECT group_concat(b, ', ') FROM (SELECT b FROM p WHERE b IS NOT "
        "NULL UNION SELECT branch FROM users WHERE branch <> '' ORDER BY 1)"},
    [STORE_NAME_USER] = {"SELECT count(*) FROM users WHERE username = ?1",
        "SELECT group_concat(username, ', ') FROM (SELECT username FROM "
        "users ORDER BY 1)"},
    [STORE_NAME_METHOD] = {"SELECT count(*) FROM (SELECT 1 FROM payments "
                           "WHERE method = ?1 LIMIT 1)",
        NULL},
    [STORE_NAME_CHANNEL] = {"SELECT count(*) FROM (SELECT 1 FROM payments "
                            "WHERE channel = ?1 LIMIT 1)",
        NULL},
};

int
store_name_known(struct store *st, enum store_name kind, const char *name,
    char *known, size_t size, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, filter_names[kind].count_sql, err);
	int rc, found = 0;

	if (s == NULL || st_bind(s, "s", name) != 0)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		found = db_column_int64(s, 0) > 0;
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading the names a filter takes"));
	*known = '\0';
	if (found || filter_names[kind].known_sql == NULL)
		return found ? 0 : 1;
	s = st_stmt(st, filter_names[kind].known_sql, err);
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, known, size);
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading the names a filter takes"));
	return 1;
}
