/* reports.c - KPI aggregates, outstanding summary, payers, doctor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
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

int
store_outstanding(struct store *st, const char *today, struct outstanding *o,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(sum(amount - settled), "
	    "0), count(*), coalesce(sum(CASE WHEN due_on < ?1 THEN "
	    "CAST(julianday(?1) - julianday(due_on) AS INTEGER) END), 0), "
	    "count(CASE WHEN due_on < ?1 THEN 1 END), coalesce(sum(CASE WHEN "
	    "arr_event IS NOT NULL THEN amount - settled END), 0), "
	    "count(arr_event) FROM items WHERE settled < amount",
	    err);
	int rc;

	memset(o, 0, sizeof *o);
	if (s == NULL)
		return -1;
	st_bind(s, "s", today);
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
	static const char *const inner[] = {
	    "total DESC", "n DESC, total DESC", "last DESC, total DESC"};
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
		/* no filter: the totals kept in step by the rollup triggers */
		qb_init(&q,
		    "SELECT t.consumer_id, c.name, c.account_no, "
		    "t.total, t.payments AS n, t.last_paid AS last, (SELECT "
		    "group_concat(method || '=' || total, ';') FROM (SELECT "
		    "method, total FROM payer_method_totals m WHERE "
		    "m.consumer_id = t.consumer_id AND m.total > 0 ORDER BY "
		    "total DESC)) AS methods FROM payer_totals t JOIN "
		    "consumers "
		    "c ON c.id = t.consumer_id WHERE t.payments > 0");
	} else
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

/* Each check is a query whose rows are problems, one text column each;
 * a rollup check (1) only where the rollups are kept (not in a central
 * node's store, see schema_central.c), an engine's own check (2) only
 * on SQLite (PostgreSQL keeps its pages and foreign keys itself). Its
 * name is the reader's (N_); what the query says of a row is the
 * store's own English. */
static const struct {
	const char *what;
	int rollup;
	const char *sql;
} checks[] = {
    {N_("integrity"), 2,
        "SELECT integrity_check FROM pragma_integrity_check "
        "WHERE integrity_check <> 'ok'"},
    {N_("foreign keys"), 2,
        "SELECT 'row ' || rowid || ' of ' || \"table\" || "
        "' points at a missing ' || parent FROM pragma_foreign_key_check"},
    {N_("item balances"), 0,
        "SELECT 'item ' || i.ref || ': settled ' || "
        "i.settled || ' but the ledger and arrangements say ' || "
        "(coalesce((SELECT "
        "sum(amount) FROM allocations WHERE item_id = i.id), 0) + "
        "coalesce((SELECT sum(amount) FROM credit_applications WHERE "
        "item_id = i.id), 0) + coalesce((SELECT sum(amount) FROM "
        "arrangement_moves WHERE item_id = i.id), 0)) FROM items i WHERE "
        "i.settled <> coalesce((SELECT sum(amount) FROM allocations WHERE "
        "item_id = i.id), 0) + coalesce((SELECT sum(amount) FROM "
        "credit_applications WHERE item_id = i.id), 0) + "
        "coalesce((SELECT sum(amount) FROM arrangement_moves WHERE "
        "item_id = i.id), 0)"},
    {N_("credit balances"), 0,
        "SELECT 'credit note ' || n.cn_no || ': applied "
        "' || n.applied || ' but applications sum to ' || coalesce((SELECT "
        "sum(amount) FROM credit_applications WHERE credit_note_id = "
        "n.id), 0) FROM credit_notes n WHERE n.applied <> "
        "coalesce((SELECT sum(amount) FROM credit_applications WHERE "
        "credit_note_id = n.id), 0)"},
    {N_("payment allocations"), 0,
        "SELECT 'payment ' || p.payment_no || ': "
        "amount ' || p.amount || ' but allocations ' || coalesce((SELECT "
        "sum(amount) FROM allocations WHERE payment_id = p.id AND "
        "reverses IS NULL), 0) || ' plus overpaid ' || p.overpaid FROM "
        "payments p WHERE p.amount <> p.overpaid + coalesce((SELECT "
        "sum(amount) FROM allocations WHERE payment_id = p.id AND reverses "
        "IS NULL), 0) + (CASE WHEN p.uuid IN (SELECT uuid FROM received) "
        "THEN coalesce((SELECT sum(amount) FROM credit_notes n WHERE "
        "n.payment_id = p.id AND n.automatic <> 0 AND n.terminal <> "
        "p.terminal), "
        "0) ELSE 0 END)"},
    {N_("voids"), 0,
        "SELECT 'payment ' || p.payment_no || ': status ' || "
        "p.status || (CASE WHEN v.id IS NULL THEN ' without' ELSE ' with' "
        "END) || ' a void record' FROM payments p LEFT JOIN voids v ON "
        "v.payment_id = p.id WHERE (p.status = 'Voided') <> (v.id IS NOT "
        "NULL) OR (v.id IS NOT NULL AND coalesce((SELECT sum(amount) FROM "
        "allocations WHERE payment_id = p.id), 0) <> 0)"},
    /* a voided credit note gives back what it settled: a void of it
     * (or of its payment) is refused once it is applied, so one that
     * still settles items is a reversal that skipped that check (issue
     * 19 review, point 2: a gateway's refund did). An application, or
     * a void of the note or its payment, made here offline and refused
     * by the central node (the other came first elsewhere) is the
     * sync's conflict, held here with its reason, not this */
    {N_("voided credit"), 0,
        "SELECT 'credit note ' || n.cn_no || ' is voided but still "
        "settles ' || sum(a.amount) || ' of ' || group_concat(i.ref, ', ') "
        "FROM credit_notes n JOIN credit_applications a ON "
        "a.credit_note_id = n.id JOIN items i ON i.id = a.item_id WHERE "
        "n.voided <> 0 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE "
        "o.rejected_at IS NOT NULL AND (o.uuid = a.uuid OR o.ref = n.cn_no "
        "OR (o.kind = 'void' AND o.ref = (SELECT payment_no FROM payments "
        "WHERE id = n.payment_id)))) GROUP BY n.id"},
    /* a gateway's refund or failure held for a supervisor (issue 19
     * review): the ledger still counts money the gateway took back */
    {N_("gateway refunds"), 0,
        "SELECT 'gateway payment ' || gateway || ' ' || code || ': its "
        "refund or failure is held (' || review || '), refunded ' || "
        "refunded || ' of ' || amount FROM gw_payments WHERE review <> ''"},
    {N_("daily totals"), 1,
        "SELECT 'day ' || d.day || ': rollup says ' || "
        "coalesce(r.collected, 0) || ' in ' || coalesce(r.payments, 0) || "
        "' payments, the ledger ' || d.collected || ' in ' || d.n FROM "
        "(SELECT paid_on AS day, sum(amount) AS collected, count(*) AS n "
        "FROM payments WHERE status = 'Posted' GROUP BY paid_on) d LEFT "
        "JOIN daily_totals r ON r.day = d.day WHERE r.collected IS NOT "
        "d.collected OR r.payments IS NOT d.n"},
    {N_("method totals"), 1,
        "SELECT 'day ' || d.day || ', ' || d.method || ': rollup says ' || "
        "coalesce(r.collected, 0) || ', the ledger ' || d.collected FROM "
        "(SELECT paid_on AS day, method, sum(amount) AS collected, count(*) "
        "AS n FROM payments WHERE status = 'Posted' GROUP BY paid_on, "
        "method) d LEFT JOIN daily_method_totals r ON r.day = d.day AND "
        "r.method = d.method WHERE r.collected IS NOT d.collected OR "
        "r.payments IS NOT d.n"},
    {N_("payer totals"), 1,
        "SELECT 'consumer ' || d.consumer_id || ': rollup "
        "says ' || coalesce(r.total, 0) || ', the ledger ' || d.total FROM "
        "(SELECT consumer_id, sum(amount) AS total, count(*) AS n FROM "
        "payments WHERE status = 'Posted' GROUP BY consumer_id) d LEFT JOIN "
        "payer_totals r ON r.consumer_id = d.consumer_id WHERE r.total IS "
        "NOT d.total OR r.payments IS NOT d.n"},
    /* each Posted payment's days to pay (the deteriorating payers'
     * rollup, schema.c) against its allocations and items */
    {N_("days to pay"), 1,
        "WITH b AS (SELECT p.consumer_id, p.paid_on, p.id, "
        "CAST(julianday(p.paid_on) - julianday(min(i.due_on)) AS INTEGER) "
        "AS days, p.terminal, p.branch FROM payments p JOIN allocations a "
        "ON a.payment_id = p.id AND a.amount > 0 AND a.reverses IS NULL "
        "JOIN items i ON i.id = a.item_id WHERE p.status = 'Posted' GROUP "
        "BY p.id), r AS (SELECT consumer_id, paid_on, payment_id, days, "
        "terminal, branch FROM pay_days) SELECT 'payment #' || id || ' of "
        "' || paid_on || ': the ledger says ' || days || ' days, the "
        "rollup not' FROM (SELECT * FROM b EXCEPT SELECT * FROM r) UNION "
        "ALL SELECT 'payment #' || payment_id || ' of ' || paid_on || ': "
        "the rollup says ' || days || ' days, the ledger not' FROM (SELECT "
        "* FROM r EXCEPT SELECT * FROM b)"},
    /* the deteriorating payers' last days to pay (schema.c's
     * pay_recent) against pay_days, both ways */
    {N_("days to pay"), 1,
        "WITH b AS (SELECT k.consumer_id, k.terminal, k.branch, (SELECT "
        "group_concat(paid_on || ' ' || payment_id || ' ' || days, ';') "
        "FROM (SELECT paid_on, payment_id, days FROM pay_days e WHERE "
        "e.consumer_id = k.consumer_id AND e.terminal = k.terminal AND "
        "e.branch = k.branch ORDER BY e.paid_on DESC, e.payment_id DESC "
        "LIMIT 20)) AS recent FROM (SELECT DISTINCT consumer_id, "
        "terminal, branch "
        "FROM pay_days) k), r AS (SELECT consumer_id, terminal, branch, "
        "recent FROM pay_recent) SELECT 'consumer #' || x.consumer_id || "
        "' at ' || x.terminal || ': the ' || x.side || ' says the last "
        "days are ' || x.recent || ', the other not' FROM (SELECT 'ledger' "
        "AS side, consumer_id, terminal, recent FROM (SELECT * FROM b "
        "EXCEPT SELECT * FROM r) UNION ALL SELECT 'rollup', consumer_id, "
        "terminal, recent FROM (SELECT * FROM r EXCEPT SELECT * FROM b)) "
        "x"},
    /* the forecast's history by consumer and due day (schema.c's
     * due_paid) against the items and what the payments that count paid
     * of them on time, and by due day (due_paid_daily) against those */
    {N_("forecast history"), 1,
        "WITH b AS (SELECT i.consumer_id, i.due_on, sum(i.amount) AS due, "
        "sum((SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN "
        "payments p ON p.id = a.payment_id WHERE a.item_id = i.id AND "
        "a.reverses IS NULL AND p.status IN ('Posted', 'Pending') AND "
        "p.paid_on <= i.due_on)) AS on_time FROM items i GROUP BY "
        "i.consumer_id, i.due_on), r AS (SELECT consumer_id, due_on, due, "
        "on_time FROM due_paid) SELECT 'consumer #' || consumer_id || ', "
        "due ' || due_on || ': the ledger says ' || due || ' due, ' || "
        "on_time || ' paid on time, the rollup not' FROM (SELECT * FROM b "
        "EXCEPT SELECT * FROM r) UNION ALL SELECT 'consumer #' || "
        "consumer_id || ', due ' || due_on || ': the rollup says ' || due "
        "|| ' due, ' || on_time || ' paid on time, the ledger not' FROM "
        "(SELECT * FROM r EXCEPT SELECT * FROM b)"},
    {N_("forecast history"), 1,
        "WITH b AS (SELECT due_on AS day, sum(due) AS due, sum(on_time) AS "
        "on_time FROM due_paid GROUP BY due_on HAVING sum(due) <> 0 OR "
        "sum(on_time) <> 0), r AS (SELECT day, due, on_time FROM "
        "due_paid_daily WHERE due <> 0 OR on_time <> 0) SELECT 'day ' || "
        "day || ': its consumers say ' || due || ' due, ' || on_time || ' "
        "paid on time, the day not' FROM (SELECT * FROM b EXCEPT SELECT * "
        "FROM r) UNION ALL SELECT 'day ' || day || ': the day says ' || due "
        "|| ' due, ' || on_time || ' paid on time, its consumers not' FROM "
        "(SELECT * FROM r EXCEPT SELECT * FROM b)"},
    /* the forecast's weeks (schema.c's paid_by_day): what the payments
     * that count paid of each consumer's items due on a day, by the day
     * paid, against the allocations */
    {N_("forecast weeks"), 1,
        "WITH b AS (SELECT i.due_on, i.consumer_id, p.paid_on, "
        "sum(a.amount) AS paid FROM allocations a JOIN payments p ON p.id "
        "= a.payment_id AND p.status IN ('Posted', 'Pending') JOIN items i "
        "ON i.id = a.item_id WHERE a.reverses IS NULL GROUP BY i.due_on, "
        "i.consumer_id, p.paid_on), r AS (SELECT due_on, consumer_id, "
        "paid_on, paid FROM paid_by_day) SELECT 'consumer #' || "
        "consumer_id || ', due ' || due_on || ', paid ' || paid_on || ': "
        "the ledger says ' || paid || ' paid, the rollup not' FROM (SELECT "
        "* FROM b EXCEPT SELECT * FROM r) UNION ALL SELECT 'consumer #' || "
        "consumer_id || ', due ' || due_on || ', paid ' || paid_on || ': "
        "the rollup says ' || paid || ' paid, the ledger not' FROM (SELECT "
        "* FROM r EXCEPT SELECT * FROM b)"},
    /* the deteriorating payers' aging (schema.c's item_late): each item
     * whose last Posted payment came after a month end it fell due
     * before, with that payment's date, against the allocations */
    {N_("late items"), 1,
        "WITH b AS (SELECT i.id, i.consumer_id, i.due_on, max(p.paid_on) "
        "AS done FROM items i JOIN allocations a ON a.item_id = i.id AND "
        "a.amount > 0 AND a.reverses IS NULL JOIN payments p ON p.id = "
        "a.payment_id AND p.status = 'Posted' GROUP BY i.id HAVING "
        "max(p.paid_on) > date(i.due_on, '+1 day', 'start of month', "
        "'+1 month', '-1 day')), r AS (SELECT item_id, consumer_id, "
        "due_on, done FROM item_late) SELECT 'item #' || id || ', due ' || "
        "due_on || ': the ledger says last paid ' || done || ', the rollup "
        "not' FROM (SELECT * FROM b EXCEPT SELECT * FROM r) UNION ALL "
        "SELECT 'item #' || item_id || ', due ' || due_on || ': the rollup "
        "says last paid ' || done || ', the ledger not' FROM (SELECT * FROM "
        "r EXCEPT SELECT * FROM b)"},
    /* the filtered dashboards' running totals (schema.c's pay_facts,
     * alloc_facts, due_segment) against the payments, their
     * allocations and the items, both ways (a row of nothing left by a
     * change that took its last part away is none) */
    {N_("dashboard totals"), 1,
        "WITH b AS (SELECT p.paid_on, p.terminal, p.branch, p.method, "
        "p.channel, coalesce(p.user_id, 0) AS user_id, c.segment, "
        "sum(p.amount) AS amount, count(*) AS n FROM payments p JOIN "
        "consumers c ON c.id = p.consumer_id "
        "WHERE p.status = 'Posted' GROUP BY 1, 2, 3, 4, 5, 6, 7), r AS "
        "(SELECT paid_on, terminal, branch, method, channel, user_id, "
        "segment, amount, n FROM pay_facts WHERE amount <> 0 OR n <> 0) "
        "SELECT 'paid ' || x.paid_on || ' at ' || x.terminal || ', ' || "
        "x.method || ', ' || x.channel || ', user #' || x.user_id || ', "
        "segment \"' || x.segment || '\": the ' || x.side || ' says ' || "
        "x.amount || ' in ' || x.n || ', the other not' FROM (SELECT "
        "'ledger' AS side, * FROM (SELECT * FROM b EXCEPT SELECT * FROM r) "
        "UNION ALL SELECT 'rollup', * FROM (SELECT * FROM r EXCEPT SELECT * "
        "FROM b)) x"},
    {N_("dashboard totals"), 1,
        "WITH b AS (SELECT i.due_on, p.paid_on, p.terminal, p.branch, "
        "p.method, p.channel, coalesce(p.user_id, 0) AS user_id, "
        "c.segment, sum(a.amount) AS paid, sum(a.amount > 0 AND a.reverses IS NULL) "
        "AS n, sum(CASE WHEN a.amount > 0 AND a.reverses IS NULL THEN "
        "max(0, CAST(julianday(p.paid_on) - julianday(i.issued_on) AS "
        "INTEGER)) ELSE 0 END) AS days FROM allocations a JOIN payments p "
        "ON p.id = a.payment_id AND p.status = 'Posted' JOIN items i ON "
        "i.id = a.item_id JOIN consumers c ON c.id = p.consumer_id GROUP BY "
        "1, 2, 3, 4, 5, 6, 7, 8 HAVING paid <> 0 OR n <> 0 OR days <> 0), "
        "r AS (SELECT due_on, paid_on, terminal, branch, method, channel, "
        "user_id, segment, paid, n, days FROM alloc_facts WHERE paid <> 0 "
        "OR n <> 0 OR days <> 0) SELECT 'due ' || x.due_on || ', paid ' || "
        "x.paid_on || ' at ' || x.terminal || ', ' || x.method || ', ' || "
        "x.channel || ', user #' || x.user_id || ', segment \"' || "
        "x.segment || '\": the ' || x.side || ' says ' || x.paid || ' paid "
        "by ' || x.n || ' allocations (' || x.days || ' days), the other "
        "not' FROM (SELECT 'ledger' AS side, * FROM (SELECT * FROM b EXCEPT "
        "SELECT * FROM r) UNION ALL SELECT 'rollup', * FROM (SELECT * FROM "
        "r EXCEPT SELECT * FROM b)) x"},
    {N_("dashboard totals"), 1,
        "WITH b AS (SELECT i.due_on, c.segment, sum(i.amount - (SELECT "
        "coalesce(sum(m.amount), 0) FROM arrangement_moves m WHERE "
        "m.item_id = i.id)) AS due FROM items i JOIN consumers c ON c.id = "
        "i.consumer_id GROUP BY 1, 2 HAVING due <> 0), r AS (SELECT due_on, "
        "segment, due FROM due_segment WHERE due <> 0) SELECT 'due ' || "
        "x.due_on || ', segment \"' || x.segment || '\": the ' || x.side "
        "|| ' says ' || x.due || ' due, the other not' FROM (SELECT "
        "'ledger' AS side, * FROM (SELECT * FROM b EXCEPT SELECT * FROM r) "
        "UNION ALL SELECT 'rollup', * FROM (SELECT * FROM r EXCEPT SELECT * "
        "FROM b)) x"},
    {N_("outbox"), 0,
        "SELECT 'payment ' || p.payment_no || ' has no sync "
        "outbox record' FROM payments p WHERE NOT EXISTS (SELECT 1 FROM "
        "outbox o WHERE o.kind = 'payment' AND o.uuid = p.uuid) AND "
        "p.uuid NOT IN (SELECT uuid FROM received)"},
    {N_("audit"), 0,
        "SELECT 'payment ' || p.payment_no || ' has no audit "
        "entry' FROM payments p WHERE NOT EXISTS (SELECT 1 FROM audit_log "
        "l WHERE l.entity = 'payment' AND l.ref = p.payment_no) AND "
        "p.uuid NOT IN (SELECT uuid FROM received)"},
    /* a plan's installments owe (or were paid) what it holds of the
     * items it took over: amounts less what events moved of them, the
     * items' moves by its events (issue 21 review, point 1) */
    {N_("arrangements"), 0,
        "SELECT 'arrangement ' || plan_no || ': its installments come to "
        "' || inst || ' but it holds ' || held || ' of the items it took "
        "over' FROM (SELECT p.plan_no, (SELECT coalesce(sum(i.amount - "
        "(SELECT coalesce(sum(m.amount), 0) FROM arrangement_moves m WHERE "
        "m.item_id = i.id)), 0) FROM items i WHERE i.plan_id = a.plan_id) "
        "AS inst, (SELECT coalesce(sum(m.amount), 0) FROM arrangement_moves "
        "m JOIN arrangement_events e ON e.id = m.event_id JOIN items i ON "
        "i.id = m.item_id WHERE e.arrangement_id = a.id AND i.plan_id IS "
        "NOT a.plan_id) AS held FROM arrangements a JOIN plans p ON p.id = "
        "a.plan_id) AS plan_held WHERE inst <> held"},
    /* a change of a plan pulled from the central node and refused here:
     * the plan here is not the central node's */
    {N_("arrangements"), 0,
        "SELECT 'arrangement ' || ref || ': a change pulled from the "
        "central node was refused here, so this terminal''s plan is not "
        "the central node''s (' || reason || ')' FROM pull_quarantine "
        "WHERE kind = 'arrangement'"},
};

int
store_doctor(struct store *st, problem_cb cb, void *arg, struct pd_err *err)
{
	struct db_stmt *s;
	size_t i;
	int rc, problems = 0;
	char line[1024], found[900];
	int64_t n;
	struct pd_err chain;
	int pg = db_is_pg(st->db);
	/* a PostgreSQL store is a central node's: no rollups */
	int rollups =
	    !pg &&
	    st_count(st, "SELECT count(*) FROM sqlite_master WHERE "
	                 "type = 'trigger' AND name = 'rollup_post'") > 0;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if ((checks[i].rollup == 1 && !rollups) ||
		    (checks[i].rollup == 2 && pg))
			continue;
		if (db_prepare_v2(st->db, checks[i].sql, -1, &s, NULL) != DB_OK)
			return st_fail(st, err, _(checks[i].what));
		while ((rc = db_step(s)) == DB_ROW) {
			/* a stored reason quoted in it is said in the
			 * reader's language (say.h) */
			say_render(found, sizeof found,
			    (const char *)db_column_text(s, 0));
			snprintf(line, sizeof line, "%s: %s", _(checks[i].what),
			    found);
			if (cb != NULL)
				cb(line, arg);
			problems++;
		}
		db_finalize(s);
		if (rc != DB_DONE)
			return st_fail(st, err, _(checks[i].what));
	}
	/* the consumer search index agrees with the consumers (rank 1:
	 * against the content table), and no bulk load was left open (a
	 * PostgreSQL store has no search index) */
	if (!pg && (db_exec(st->db,
	                "INSERT INTO consumers_fts (consumers_fts, rank) "
	                "VALUES ('integrity-check', 1); "
	                "INSERT INTO consumers_words (consumers_words, rank) "
	                "VALUES ('integrity-check', 1)",
	                NULL, NULL, NULL) != DB_OK ||
	               st_count(st, "SELECT count(*) FROM fts_defer") != 0)) {
		snprintf(line, sizeof line,
		    _("search index: does not match the consumers (%s)"),
		    db_errmsg(st->db));
		if (cb != NULL)
			cb(line, arg);
		problems++;
	}
	rc = seal_check(st, cb, arg, err);
	if (rc < 0)
		return -1;
	problems += rc;
	if (store_audit_verify(st, &n, &chain) != 0) {
		if (chain.code != PD_ESTORE)
			return pd_fail(err, chain.code, "%s", chain.msg);
		snprintf(line, sizeof line, _("audit chain: %s"), chain.msg);
		if (cb != NULL)
			cb(line, arg);
		problems++;
	}
	return problems;
}

/* Sums and counts per bucket over open items i (joined to consumers c),
 * bucket bounds as dates before ?1 (today). */
#define AGE_SUM(cond)                                                          \
	"coalesce(sum(CASE WHEN " cond " THEN i.amount - i.settled END), 0), " \
	"count(CASE WHEN " cond " THEN 1 END)"
#define AGING_COLS                                                                                            \
	AGE_SUM("i.due_on >= ?1")                                                                             \
	", " AGE_SUM(                                                                                         \
	    "i.due_on < ?1 AND i.due_on >= date(?1, '-30 days')") ","                                         \
	                                                          " " AGE_SUM(                                \
	                                                              "i.due_"                                \
	                                                              "on < "                                 \
	                                                              "date(?"                                \
	                                                              "1, "                                   \
	                                                              "'-30 "                                 \
	                                                              "days')"                                \
	                                                              " AND "                                 \
	                                                              "i.due_"                                \
	                                                              "on >= "                                \
	                                                              "date(?"                                \
	                                                              "1, "                                   \
	                                                              "'-60 "                                 \
	                                                              "days'"                                 \
	                                                              ")") ","                                \
	                                                                   " " AGE_SUM(                       \
	                                                                       "i.due_on < date(?1, "         \
	                                                                       "'-60 days') AND i.due_on >= " \
	                                                                       "date(?1, '-90 days')") ", " AGE_SUM("i.due_on < date(?1, '-90 days')") ", " AGE_SUM("i.arr_event IS NOT NULL")

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
	qb_add(&q, " GROUP BY i.consumer_id", "");
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

/* The gateways' rows read only the gateway payments (few beside the
 * counters'), each joined to its ledger payment by uuid; the counters'
 * row is the payments that no gateway payment names. */
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
		            "count(*), count(DISTINCT p.consumer_id) FROM "
		            "gw_payments g JOIN payments p ON p.uuid = "
		            "g.payment_uuid WHERE g.payment_uuid <> ''");
		store_payment_where(st, &q, &g, 0);
		qb_add(&q, " GROUP BY g.gateway", "");
	}
	if (by == SPLIT_GATEWAY) {
		qb_add(&q,
		    " UNION ALL SELECT '', sum(p.amount), count(*), "
		    "count(DISTINCT p.consumer_id) FROM payments p WHERE p.uuid "
		    "NOT IN (SELECT payment_uuid FROM gw_payments)",
		    "");
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
