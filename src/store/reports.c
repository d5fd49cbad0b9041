/* reports.c - KPI aggregates, outstanding summary, payers, aging, totals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/say.h"
#include "paydesk/xmalloc.h"

static int
two_ints(struct store *st, struct db_stmt *s, int64_t *a, int64_t *b,
    struct pd_err *err)
{
	int rc;

	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW) {
		*a = db_column_int64(s, 0);
		if (b != NULL)
			*b = db_column_int64(s, 1);
	}
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Computing KPIs"));
}

int
store_kpi(struct store *st, const char *from, const char *to,
    const char *due_to, const char *day, struct kpi_raw *k, struct pd_err *err)
{
	struct db_stmt *s;
	int rc;

	memset(k, 0, sizeof *k);
	s = st_stmt(st,
	    "SELECT coalesce(sum(collected), 0), "
	    "coalesce(sum(payments), 0), coalesce(sum(alloc_days), 0), "
	    "coalesce(sum(allocs), 0) FROM daily_totals WHERE day BETWEEN ? "
	    "AND ?",
	    err);
	if (s == NULL || st_bind(s, "ss", from, to) != 0)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW) {
		k->collected = db_column_int64(s, 0);
		k->collected_count = db_column_int64(s, 1);
		k->alloc_days = db_column_int64(s, 2);
		k->alloc_count = db_column_int64(s, 3);
	}
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Computing KPIs"));
	s = st_stmt(st,
	    "SELECT coalesce(sum(collected), 0), "
	    "coalesce(sum(payments), 0) FROM daily_totals WHERE day = ?",
	    err);
	if (s == NULL || st_bind(s, "s", day) != 0 ||
	    two_ints(st, s, &k->day_total, &k->day_count, err) != 0)
		return -1;
	s = st_stmt(st,
	    "SELECT coalesce(sum(amount), 0) FROM due_daily WHERE "
	    "day BETWEEN ? AND ?",
	    err);
	if (s == NULL || st_bind(s, "ss", from, due_to) != 0 ||
	    two_ints(st, s, &k->due_total, NULL, err) != 0)
		return -1;
	/* the items due in the period up to due_to, each paid up to its
	 * amount by Posted payments dated up to the period's end (paid early
	 * counts; paid after the period does not: the rate of a past period
	 * stays); what an arrangement moved of an item is due as its
	 * installments, not here (due_daily alike) */
	s = st_stmt(st,
	    "SELECT coalesce(sum(min(i.amount - (SELECT "
	    "coalesce(sum(m.amount), 0) FROM arrangement_moves m WHERE "
	    "m.item_id = i.id), (SELECT "
	    "coalesce(sum(a.amount), 0) FROM allocations a JOIN payments p ON "
	    "p.id = a.payment_id WHERE a.item_id = i.id AND p.status = "
	    "'Posted' AND p.paid_on <= ?2))), 0), count(*) FROM items i WHERE "
	    "i.due_on BETWEEN ?1 AND ?3",
	    err);
	if (s == NULL || st_bind(s, "sss", from, to, due_to) != 0 ||
	    two_ints(st, s, &k->due_paid, NULL, err) != 0)
		return -1;
	return 0;
}

#define OUTSTANDING_SQL                                                        \
	"SELECT coalesce(sum(amount - settled), "                              \
	"0), count(*), coalesce(sum(CASE WHEN due_on < ?1 THEN "               \
	"CAST(julianday(?1) - julianday(due_on) AS INTEGER) END), 0), "        \
	"count(CASE WHEN due_on < ?1 THEN 1 END), coalesce(sum(CASE WHEN "     \
	"arr_event IS NOT NULL THEN amount - settled END), 0), "               \
	"count(arr_event) FROM items WHERE settled < amount"

/* the same figures from the rollup open_due (migration 59,
 * schema_m54.c): the open items by due day, segment and arranged, the
 * days past due of a day its count times its days */
#define OUTSTANDING_ROLLUP_SQL                                                 \
	"SELECT coalesce(sum(open), 0), coalesce(sum(n), 0), "                 \
	"coalesce(sum(CASE WHEN due_on < ?1 THEN n * "                         \
	"CAST(julianday(?1) - julianday(due_on) AS INTEGER) END), 0), "        \
	"coalesce(sum(CASE WHEN due_on < ?1 THEN n END), 0), "                 \
	"coalesce(sum(CASE WHEN arranged THEN open END), 0), "                 \
	"coalesce(sum(CASE WHEN arranged THEN n END), 0) FROM open_due"

int
store_outstanding(struct store *st, const char *today, const char *segment,
    struct outstanding *o, struct pd_err *err)
{
	/* a segment's: its consumers' items (issue 23 review: the kpi's
	 * Outstanding under --segment was the organisation's). From the
	 * rollup (issue 23: every open item read, 0.14 s and with a
	 * segment 0.3 s of CPU at 10M); a PostgreSQL store is a central
	 * node's, which keeps none: its items */
	int pg = db_is_pg(st->db);
	struct db_stmt *s = st_stmt(st,
	    !pg ? (segment == NULL
	               ? OUTSTANDING_ROLLUP_SQL
	               : OUTSTANDING_ROLLUP_SQL
	                 " WHERE segment = ?2 COLLATE NOCASE")
	    : segment == NULL
	        ? OUTSTANDING_SQL
	        /* each open item's consumer by its key: a list of the
	         * segment's consumers (IN) first read every consumer
	         * (~5 s of CPU at 1M consumers) */
	        : OUTSTANDING_SQL " AND EXISTS (SELECT 1 FROM consumers sg "
	                          "WHERE sg.id = items.consumer_id AND "
	                          "sg.segment = ?2 COLLATE NOCASE)",
	    err);
	int rc;

	memset(o, 0, sizeof *o);
	if (s == NULL)
		return -1;
	if (segment == NULL)
		st_bind(s, "s", today);
	else
		st_bind(s, "ss", today, segment);
	rc = db_step(s);
	if (rc == DB_ROW) {
		o->total = db_column_int64(s, 0);
		o->items = db_column_int64(s, 1);
		o->days_past_due = db_column_int64(s, 2);
		o->overdue_items = db_column_int64(s, 3);
		o->arranged = db_column_int64(s, 4);
		o->arranged_items = db_column_int64(s, 5);
	}
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading outstanding"));
}

/* The payers of a filter: grouped by consumer once, the rows wanted
 * kept, and only for those the amount per method (WITH t ... into q). */
static void
payers_grouped(struct store *st, struct qb *q, const struct payment_filter *g,
    enum payers_sort sort)
{
	/* equal totals cut by the limit: the lower consumer id kept, as
	 * payers_scoped keeps it (the set the same both ways) */
	static const char *const inner[] = {"total DESC, p.consumer_id",
	    "n DESC, total DESC, p.consumer_id",
	    "last DESC, total DESC, p.consumer_id"};
	char tail[256];

	/* group by consumer once and keep the rows wanted; only for
	 * those, the amount per method. The indexes are named: with
	 * a method the grouping reads the covering method index, and
	 * each consumer's split reads that consumer's payments (the
	 * planner would otherwise walk the whole method per row). */
	const char *from =
	    g->method != NULL
	        ? " FROM payments p INDEXED BY payments_method WHERE 1"
	        : " FROM payments p WHERE 1";
	const char *per_consumer =
	    " FROM payments p INDEXED BY payments_consumer WHERE 1";
	/* the top payers by total: the grouping sums only, as a
	 * raw group-by does (its sorter's rows without the date are
	 * what made it 1.8 times the raw one, issue 24), and the
	 * count and last date of just the rows kept, like their
	 * split */
	int lean = sort == PAYERS_BY_TOTAL && g->limit > 0;

	qb_init(q, lean ? "WITH t AS (SELECT p.consumer_id, "
	                  "sum(p.amount) AS total"
	                : "WITH t AS (SELECT p.consumer_id, "
	                  "sum(p.amount) AS total, count(*) AS n, "
	                  "max(p.paid_on) AS last");
	qb_add(q, from, "");
	store_payment_where(st, q, g, 0);
	qb_add(q, " GROUP BY p.consumer_id", "");
	if (sort < PAYERS_BY_NAME && g->limit > 0) {
		snprintf(tail, sizeof tail, " ORDER BY %s LIMIT ?",
		    inner[(unsigned)sort < 3 ? sort : 0]);
		qb_add(q, tail, "i", (int64_t)g->limit);
	}
	qb_add(q, ") SELECT t.consumer_id, c.name, c.account_no, t.total", "");
	if (lean) {
		qb_add(q, ", (SELECT count(*)", "");
		qb_add(q, per_consumer, "");
		store_payment_where(st, q, g, 0);
		qb_add(q,
		    " AND p.consumer_id = t.consumer_id), (SELECT "
		    "max(p.paid_on)",
		    "");
		qb_add(q, per_consumer, "");
		store_payment_where(st, q, g, 0);
		qb_add(q, " AND p.consumer_id = t.consumer_id)", "");
	} else
		qb_add(q, ", t.n, t.last", "");
	qb_add(q,
	    ", (SELECT group_concat(method || '=' || amt, "
	    "';') FROM (SELECT p.method, sum(p.amount) AS amt",
	    "");
	qb_add(q, per_consumer, "");
	store_payment_where(st, q, g, 0);
	qb_add(q,
	    " AND p.consumer_id = t.consumer_id GROUP BY p.method "
	    "ORDER BY amt DESC)) AS methods FROM t JOIN consumers c ON "
	    "c.id = t.consumer_id",
	    "");
}

/* The top payers by total of one scope and no other filter, from the
 * rollup payer_scope (migration 54): a terminal's rows, or a branch's
 * (the organisation's own that no branch took, branch "", in none, as
 * store_payment_where counts them). The top k of each of the two by
 * its index are the candidates; they hold the whole answer when its
 * last total is above what any other consumer can have, the k-th of
 * each added (each total is positive); else k grows. 0 with the WITH t
 * of those into q, 1 when the rollup cannot answer (the caller groups
 * the payments). */
static int
payers_scoped(struct store *st, struct qb *q, const struct payment_filter *g,
    enum payers_sort sort)
{
	char a[24], b[24];
	struct qb c;
	int64_t k, ok = 0;

	if (sort != PAYERS_BY_TOTAL || g->limit == 0 || db_is_pg(st->db) ||
	    g->status != PS_POSTED || g->from != NULL || g->to != NULL ||
	    g->method != NULL || g->type >= 0 || g->channel != NULL ||
	    g->recorded_by != NULL || g->team != NULL ||
	    (g->search != NULL && *g->search != '\0') || g->consumer_id != 0 ||
	    g->gateway != NULL || g->segment != NULL ||
	    (g->terminal == NULL) == (g->branch == NULL) ||
	    st_count(st, "SELECT count(*) FROM sqlite_master WHERE type = "
	                 "'trigger' AND name = 'payer_scope_post'") <= 0)
		return 1;
	/* a terminal's or a branch's alone (the organisation's own, "b:",
	 * counts in no branch's: store_payment_where): no scope is named "" */
	snprintf(a, sizeof a, "%s%s",
	    g->terminal ? "t:" : "b:", g->terminal ? g->terminal : g->branch);
	b[0] = '\0';
	for (k = (int64_t)g->limit; !ok && k <= 100000; k *= 8) {
		qb_init(&c,
		    "WITH b AS (SELECT consumer_id, total FROM payer_scope "
		    "WHERE scope = ?1 AND payments > 0 ORDER BY total DESC "
		    "LIMIT ?3), e AS (SELECT consumer_id, total FROM "
		    "payer_scope WHERE scope = ?2 AND payments > 0 ORDER BY "
		    "total DESC LIMIT ?3), s AS (SELECT sum(total) AS total "
		    "FROM payer_scope WHERE scope IN (?1, ?2) AND payments > 0 "
		    "AND consumer_id IN (SELECT consumer_id FROM b UNION "
		    "SELECT consumer_id FROM e) GROUP BY consumer_id), n AS "
		    "(SELECT (SELECT count(*) FROM b) < ?3 AS b_all, (SELECT "
		    "count(*) FROM e) < ?3 AS e_all) SELECT (b_all AND e_all) "
		    "OR coalesce((SELECT total FROM s ORDER BY total DESC "
		    "LIMIT 1 OFFSET ?4 - 1) > (CASE WHEN b_all THEN 0 ELSE "
		    "(SELECT min(total) FROM b) END) + (CASE WHEN e_all THEN 0 "
		    "ELSE (SELECT min(total) FROM e) END), 0) FROM n");
		qb_add(&c, "", "ssii", a, b, k, (int64_t)g->limit);
		if (qb_one_row(st, &c, &ok, 1, NULL) != 0)
			return 1;
		if (ok)
			break;
	}
	qb_init(q, "WITH t AS (SELECT consumer_id, sum(total) AS total, "
	           "sum(payments) AS n, max(last_paid) AS last FROM "
	           "payer_scope WHERE scope IN (?, ?) AND payments > 0");
	qb_add(q, "", "ss", a, b);
	if (ok)
		qb_add(q,
		    " AND consumer_id IN (SELECT consumer_id FROM (SELECT "
		    "consumer_id FROM payer_scope WHERE scope = ? AND payments "
		    "> 0 ORDER BY total DESC LIMIT ?) UNION SELECT consumer_id "
		    "FROM (SELECT consumer_id FROM payer_scope WHERE scope = ? "
		    "AND payments > 0 ORDER BY total DESC LIMIT ?))",
		    "sisi", a, k, b, k);
	/* the limit's set as payers_grouped takes it: equal totals at
	 * its end, the lower consumer id */
	qb_add(q,
	    " GROUP BY consumer_id ORDER BY total DESC, consumer_id LIMIT ?) "
	    "SELECT t.consumer_id, c.name, c.account_no, t.total, t.n, "
	    "t.last, (SELECT "
	    "group_concat(method || '=' || amt, ';') FROM (SELECT p.method, "
	    "sum(p.amount) AS amt FROM payments p INDEXED BY "
	    "payments_consumer WHERE 1",
	    "i", (int64_t)g->limit);
	store_payment_where(st, q, g, 0);
	qb_add(q,
	    " AND p.consumer_id = t.consumer_id GROUP BY p.method ORDER BY "
	    "amt DESC)) AS methods FROM t JOIN consumers c ON c.id = "
	    "t.consumer_id",
	    "");
	return 0;
}

int
store_payers_each(struct store *st, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err)
{
	static const char *const order[PAYERS_SORTS] = {"t.total DESC, c.name",
	    "n DESC, t.total DESC", "last DESC, t.total DESC",
	    "c.name COLLATE NOCASE, c.id", "c.account_no, c.id",
	    "substr(methods, 1, instr(methods || '=', '=') - 1), t.total DESC, "
	    "c.id"};
	struct payment_filter g = *f;
	struct qb q;
	struct db_stmt *s;
	struct payer_row row;
	int rc;
	char tail[256];

	if (g.status < 0)
		g.status = PS_POSTED;
	if (g.status == PS_POSTED && g.from == NULL && g.to == NULL &&
	    g.method == NULL && g.type < 0 && g.channel == NULL &&
	    g.recorded_by == NULL && (g.search == NULL || *g.search == '\0') &&
	    g.consumer_id == 0 && g.gateway == NULL && g.terminal == NULL &&
	    g.branch == NULL && g.segment == NULL) {
		/* no filter: the totals kept in step by the rollup triggers,
		 * the organisation's scope of payer_scope (migration 97: one
		 * page with the consumer's other scopes; PostgreSQL's in
		 * payer_totals) */
		qb_init(&q,
		    "SELECT t.consumer_id, c.name, c.account_no, "
		    "t.total, t.payments AS n, t.last_paid AS last, (SELECT "
		    "group_concat(method || '=' || total, ';') FROM (SELECT "
		    "method, total FROM payer_method_totals m WHERE "
		    "m.consumer_id = t.consumer_id AND m.total > 0 ORDER BY "
		    "total DESC)) AS methods FROM ");
		qb_add(&q,
		    db_is_pg(st->db) ? "payer_totals t"
		                     : "(SELECT consumer_id, total, payments, "
		                       "last_paid FROM "
		                       "payer_scope WHERE scope = 'o:') t",
		    "");
		qb_add(&q,
		    " JOIN consumers c ON c.id = t.consumer_id WHERE "
		    "t.payments "
		    "> 0",
		    "");
	} else if (payers_scoped(st, &q, &g, sort) != 0)
		payers_grouped(st, &q, &g, sort);
	snprintf(tail, sizeof tail, " ORDER BY %s",
	    order[(unsigned)sort < PAYERS_SORTS ? sort : 0]);
	qb_add(&q, tail, "");
	if (f->limit > 0)
		qb_add(&q, " LIMIT ?", "i", (int64_t)f->limit);
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		memset(&row, 0, sizeof row);
		row.consumer_id = db_column_int64(s, 0);
		st_col(s, 1, row.name, sizeof row.name);
		st_col(s, 2, row.account_no, sizeof row.account_no);
		row.total = db_column_int64(s, 3);
		row.count = db_column_int64(s, 4);
		st_col(s, 5, row.last_paid, sizeof row.last_paid);
		st_col(s, 6, row.methods, sizeof row.methods);
		if (cb(&row, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	if (rc != DB_DONE)
		st_fail(st, err, _("Computing the payers report"));
	db_finalize(s);
	return rc == DB_DONE ? 0 : -1;
}

/* Sums and counts per bucket over open items i (joined to consumers c),
 * bucket bounds as dates before ?1 (today). */
#define AGE_SUM(cond)                                                          \
	"coalesce(sum(CASE WHEN " cond " THEN i.amount - i.settled END), 0), " \
	"count(CASE WHEN " cond " THEN 1 END)"
/* clang-format off */
#define AGING_COLS                                                      \
	AGE_SUM("i.due_on >= ?1") ", "                                  \
	AGE_SUM("i.due_on < ?1 AND i.due_on >= date(?1, '-30 days')") ", " \
	AGE_SUM("i.due_on < date(?1, '-30 days') AND "                  \
	        "i.due_on >= date(?1, '-60 days')") ", "                \
	AGE_SUM("i.due_on < date(?1, '-60 days') AND "                  \
	        "i.due_on >= date(?1, '-90 days')") ", "                \
	AGE_SUM("i.due_on < date(?1, '-90 days')") ", "                 \
	AGE_SUM("i.arr_event IS NOT NULL")
/* clang-format on */

/* The oldest bucket a consumer must have something in to be listed. */
static const char *const age_having[AGE_BUCKETS] = {
    "",
    " HAVING count(CASE WHEN i.due_on < ?1 THEN 1 END) > 0",
    " HAVING count(CASE WHEN i.due_on < date(?1, '-30 days') THEN 1 END) > 0",
    " HAVING count(CASE WHEN i.due_on < date(?1, '-60 days') THEN 1 END) > 0",
    " HAVING count(CASE WHEN i.due_on < date(?1, '-90 days') THEN 1 END) > 0",
};

static void
read_aging(struct db_stmt *s, int c0, struct aging *a)
{
	int b;

	memset(a, 0, sizeof *a);
	for (b = 0; b < AGE_BUCKETS; b++) {
		a->amount[b] = db_column_int64(s, c0 + 2 * b);
		a->count[b] = db_column_int64(s, c0 + 2 * b + 1);
		a->total += a->amount[b];
		a->items += a->count[b];
	}
	/* an arrangement's installments, in their buckets too */
	a->arranged = db_column_int64(s, c0 + 2 * AGE_BUCKETS);
	a->arranged_items = db_column_int64(s, c0 + 2 * AGE_BUCKETS + 1);
}

static void
aging_where(struct store *st, struct qb *q, const struct aging_filter *f)
{
	struct consumer_q cq;

	if (f->consumer_id > 0)
		qb_add(q, " AND i.consumer_id = ?", "i", f->consumer_id);
	if (f->segment != NULL)
		qb_add(q, " AND c.segment = ? COLLATE NOCASE", "s", f->segment);
	if (f->search != NULL && *f->search != '\0') {
		/* the consumer search's rule, as every other search */
		consumer_q_init(st, f->search, &cq);
		qb_add(q, " AND i.consumer_id IN (", "");
		consumer_q_ids(q, &cq);
		qb_add(q, ")", "");
		consumer_q_free(&cq);
	}
}

int
store_aging_total(struct store *st, const struct aging_filter *f,
    struct aging *a, struct pd_err *err)
{
	struct qb q;
	struct db_stmt *s;
	int rc;

	qb_init(&q,
	    "SELECT " AGING_COLS " FROM items i JOIN consumers c ON c.id = "
	    "i.consumer_id WHERE i.settled < i.amount");
	qb_add(&q, "", "s", f->today); /* ?1 */
	aging_where(st, &q, f);
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		read_aging(s, 0, a);
	else
		st_fail(st, err, _("Reading the aging report"));
	db_finalize(s);
	return rc == DB_ROW ? 0 : -1;
}

int
store_aging_each(struct store *st, const struct aging_filter *f, aging_cb cb,
    void *arg, struct pd_err *err)
{
	struct qb q;
	struct db_stmt *s;
	struct aging_row row;
	unsigned min =
	    (unsigned)f->min_bucket < AGE_BUCKETS ? f->min_bucket : 0;
	int rc;

	qb_init(&q,
	    "SELECT i.consumer_id, c.name, c.account_no, " AGING_COLS
	    " FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE "
	    "i.settled < i.amount");
	qb_add(&q, "", "s", f->today); /* ?1 */
	aging_where(st, &q, f);
	/* '+': the open items are read by items_owed (the few that are
	 * open) and grouped apart; a store without statistics (a
	 * counter's) walked items_consumer's 10M items for its order
	 * (11 s at 10M). PostgreSQL plans by its own statistics and
	 * wants the column itself */
	qb_add(&q,
	    db_is_pg(st->db) ? " GROUP BY i.consumer_id"
	                     : " GROUP BY +i.consumer_id",
	    "");
	qb_add(&q, age_having[min], "");
	qb_add(&q, " ORDER BY sum(i.amount - i.settled) DESC, c.name", "");
	if (f->limit > 0)
		qb_add(&q, " LIMIT ?", "i", (int64_t)f->limit);
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		row.consumer_id = db_column_int64(s, 0);
		st_col(s, 1, row.name, sizeof row.name);
		st_col(s, 2, row.account_no, sizeof row.account_no);
		read_aging(s, 3, &row.a);
		if (cb(&row, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	if (rc != DB_DONE)
		st_fail(st, err, _("Reading the aging report"));
	db_finalize(s);
	return rc == DB_DONE ? 0 : -1;
}

/* Rows of (key, amount, count) to cb until it says stop; DB_DONE or
 * the failing step's code. */
static int
step_totals(struct db_stmt *s, total_cb cb, void *arg)
{
	int rc;

	while ((rc = db_step(s)) == DB_ROW)
		if (cb((const char *)db_column_text(s, 0),
		        db_column_int64(s, 1), db_column_int64(s, 2), arg) != 0)
			return DB_DONE;
	return rc;
}

static int
totals_each(struct store *st, struct db_stmt *s, const char *from,
    const char *to, total_cb cb, void *arg, struct pd_err *err)
{
	int rc;

	if (s == NULL || st_bind(s, "ss", from, to) != 0)
		return -1;
	rc = step_totals(s, cb, arg);
	db_reset(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading collections"));
}

int
store_daily_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err)
{
	return totals_each(st,
	    st_stmt(st,
	        "SELECT day, collected, payments FROM daily_totals WHERE day "
	        "BETWEEN ? AND ? AND payments > 0 ORDER BY day",
	        err),
	    from, to, cb, arg, err);
}

int
store_method_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err)
{
	return totals_each(st,
	    st_stmt(st,
	        "SELECT method, sum(collected) AS c, sum(payments) FROM "
	        "daily_method_totals WHERE day BETWEEN ? AND ? GROUP BY method "
	        "HAVING sum(payments) > 0 ORDER BY c DESC, method",
	        err),
	    from, to, cb, arg, err);
}

/* The gateway payments of f's period: paid_at (UTC) from two days
 * before f->from to two days after f->to, by gw_payments_associated
 * (migration 67). A gateway payment's ledger payment is dated by its
 * gateway time (gateway_ledger.c), which a zone moves by a day at most:
 * every payment of the period that a gateway payment names is named by
 * one of these. */
static void
gw_period(struct qb *q, const struct payment_filter *f)
{
	char day[DATE_BUFSZ];
	int32_t d;

	if (f->from != NULL && date_parse(f->from, NULL, &d, NULL) == 0)
		qb_add(q, " AND g.paid_at >= ?", "s", date_format(day, d - 2));
	if (f->to != NULL && date_parse(f->to, NULL, &d, NULL) == 0)
		qb_add(q, " AND g.paid_at < ?", "s", date_format(day, d + 3));
}

/* The gateways' rows read only the gateway payments of the period (few
 * beside the counters'), each joined to its ledger payment by uuid:
 * CROSS JOIN keeps that order (issue 23: from the payments, every Cash
 * payment of a month looked for its gateway payment, 560 ms at 10M).
 * A consumer's or a search's payments are fewer still: read first, each
 * finding its gateway payment by gw_payments_payment. The counters' row
 * is the payments that no gateway payment of the period names. */
int
store_split(struct store *st, const struct payment_filter *f,
    enum split_by by, split_cb cb, void *arg, struct pd_err *err)
{
	struct payment_filter g = *f;
	struct split_row r;
	struct qb q;
	struct db_stmt *s;
	int rc;

	g.status = PS_POSTED;
	g.limit = 0;
	g.after = NULL;
	if (by == SPLIT_METHOD) {
		qb_init(&q, "SELECT p.method AS k, sum(p.amount) AS c, "
		            "count(*), count(DISTINCT p.consumer_id) FROM "
		            "payments p WHERE 1");
		store_payment_where(st, &q, &g, 0);
		qb_add(&q, " GROUP BY p.method", "");
	} else {
		qb_init(&q, "SELECT g.gateway AS k, sum(p.amount) AS c, "
		            "count(*), count(DISTINCT p.consumer_id) FROM ");
		qb_add(&q,
		    g.consumer_id > 0 || (g.search != NULL && *g.search != '\0')
		        ? "payments p CROSS JOIN gw_payments g WHERE "
		          "g.payment_uuid = p.uuid AND g.payment_uuid <> ''"
		        : "gw_payments g CROSS JOIN payments p WHERE "
		          "g.payment_uuid <> ''",
		    "");
		gw_period(&q, &g);
		qb_add(&q, " AND p.uuid = g.payment_uuid", "");
		store_payment_where(st, &q, &g, 0);
		qb_add(&q, " GROUP BY g.gateway", "");
	}
	if (by == SPLIT_GATEWAY) {
		qb_add(&q,
		    " UNION ALL SELECT '', sum(p.amount), count(*), "
		    "count(DISTINCT p.consumer_id) FROM payments p WHERE p.uuid "
		    "NOT IN (SELECT g.payment_uuid FROM gw_payments g WHERE "
		    "g.payment_uuid <> ''",
		    "");
		gw_period(&q, &g);
		qb_add(&q, ")", "");
		store_payment_where(st, &q, &g, 0);
		qb_add(&q, " HAVING count(*) > 0", "");
	}
	qb_add(&q, " ORDER BY c DESC, k", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		r.key = (const char *)db_column_text(s, 0);
		r.key = r.key != NULL ? r.key : "";
		r.amount = db_column_int64(s, 1);
		r.count = db_column_int64(s, 2);
		r.payers = db_column_int64(s, 3);
		if (cb(&r, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	if (rc != DB_DONE)
		st_fail(st, err,
		    by == SPLIT_METHOD ? _("Splitting payments by method")
		                       : _("Splitting payments by gateway"));
	db_finalize(s);
	return rc == DB_DONE ? 0 : -1;
}
