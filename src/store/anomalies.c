/* anomalies.c - the facts the anomaly rules judge (issue 23; the rules
 * themselves in service/anomalies.c): one day's payments with their
 * consumers' history, the times of a consumer's payments, each
 * terminal's cash voids and credit notes of the day, the credit notes of
 * round amounts. Each reads through the day's index (payments_paid_on,
 * credit_notes_created) and the scope's condition on the payments p. */
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* Step s (finalized) to its end, each row as a fact read by cols: the
 * columns in order id, who, account, ref, amount, count, sum, at, those
 * past ncols left empty. */
static int
facts(struct store *st, struct db_stmt *s, int ncols, anomaly_fact_cb cb,
    void *arg, struct pd_err *err)
{
	struct anomaly_fact f;
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		memset(&f, 0, sizeof f);
		f.id = db_column_int64(s, 0);
		st_col(s, 1, f.who, sizeof f.who);
		st_col(s, 2, f.account, sizeof f.account);
		st_col(s, 3, f.ref, sizeof f.ref);
		f.amount = db_column_int64(s, 4);
		if (ncols > 5)
			f.count = db_column_int64(s, 5);
		if (ncols > 6)
			f.sum = db_column_int64(s, 6);
		if (ncols > 7)
			st_col(s, 7, f.at, sizeof f.at);
		if (cb(&f, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading the anomalies"));
}

/* Prepare q (freed) and read its facts. */
static int
run(struct store *st, struct qb *q, int ncols, anomaly_fact_cb cb, void *arg,
    struct pd_err *err)
{
	struct db_stmt *s = qb_prepare(st, q, err);

	qb_free(q);
	if (s == NULL)
		return -1;
	return facts(st, s, ncols, cb, arg, err);
}

/* The scope's and the filters' condition on credit notes n of payments
 * p: a note is of the user who made it, so the user (--user) and the
 * team (team visibility) are of n's maker (n.user_id; a pulled note is
 * its maker's, sync_apply.c's record_user), whoever took the payment it
 * gives back (review s52: a team's user crediting another team's
 * payments was never read, the other team's notes of the team's payments
 * were); the scope's terminal or branch and the other filters stay the
 * payments'. */
static void
notes_where(struct qb *q, const struct payment_filter *sc)
{
	struct payment_filter g = *sc;

	g.team = NULL;
	g.recorded_by = NULL;
	store_payment_where(NULL, q, &g, 0);
	if (sc->recorded_by != NULL)
		qb_add(q,
		    " AND n.user_id = (SELECT id FROM users WHERE username = "
		    "?)",
		    "s", sc->recorded_by);
	if (sc->team != NULL)
		qb_add(q,
		    " AND n.user_id IN (SELECT id FROM users WHERE "
		    "pd_fold(team) = pd_fold(?))",
		    "s", sc->team);
}

int
store_anomaly_large(struct store *st, const struct payment_filter *sc,
    const char *day, anomaly_fact_cb cb, void *arg, struct pd_err *err)
{
	struct qb q;

	/* the history through payments_consumer (consumer_id, paid_on,
	 * status, amount: migration 83, no look-up in the table), read
	 * once for its count and its sum: a LEFT JOIN grouped by the
	 * day's payment, not a subquery for each (each read every row of
	 * the consumer's year again, from the table: half the pass, 10M
	 * payments) */
	qb_init(&q, "SELECT p.consumer_id, c.name, c.account_no, p.receipt_no, "
	            "p.amount, count(q.id), coalesce(sum(q.amount), 0) FROM "
	            "payments p JOIN consumers c ON c.id = p.consumer_id LEFT "
	            "JOIN payments q ON q.consumer_id = p.consumer_id");
	qb_add(&q,
	    " AND q.paid_on >= date(?, '-365 days') AND q.paid_on < ? AND "
	    "q.status = 'Posted' WHERE p.paid_on = ? AND p.status = 'Posted'",
	    "sss", day, day, day);
	store_payment_where(NULL, &q, sc, 0);
	qb_add(&q, " GROUP BY p.id ORDER BY p.id", "");
	return run(st, &q, 7, cb, arg, err);
}

int
store_anomaly_times(struct store *st, const struct payment_filter *sc,
    const char *day, int least, anomaly_fact_cb cb, void *arg,
    struct pd_err *err)
{
	struct qb q;

	qb_init(&q, "SELECT p.consumer_id, c.name, c.account_no, p.receipt_no, "
	            "p.amount, 0, 0, p.created_at FROM payments p JOIN "
	            "consumers c ON c.id = p.consumer_id WHERE p.status IN "
	            "('Posted', 'Pending')");
	qb_add(&q, " AND p.paid_on = ?", "s", day);
	store_payment_where(NULL, &q, sc, 0);
	qb_add(&q,
	    " AND p.consumer_id IN (SELECT consumer_id FROM payments WHERE "
	    "paid_on = ? AND status IN ('Posted', 'Pending') GROUP BY "
	    "consumer_id HAVING count(*) >= ?) ORDER BY p.consumer_id, "
	    "p.created_at, p.id",
	    "si", day, (int64_t)least);
	return run(st, &q, 8, cb, arg, err);
}

int
store_anomaly_terminals(struct store *st, const struct payment_filter *sc,
    const char *day, int credits, anomaly_fact_cb cb, void *arg,
    struct pd_err *err)
{
	struct qb q;

	/* the terminals at work that day: a payment, a void, a note; of a
	 * counter's payment (a branch's), not the central node's gateway
	 * payments, which made the node a peer of every terminal at the
	 * organisation's scope (review R23 s41: its "0 voids" lowered the
	 * peers' average until a terminal was flagged) */
	qb_init(&q, "WITH t(terminal) AS (SELECT p.terminal FROM payments p "
	            "WHERE p.branch <> ''");
	qb_add(&q, " AND p.paid_on = ?", "s", day);
	store_payment_where(NULL, &q, sc, 0);
	/* the voids first (CROSS JOIN): with none, or no statistics of
	 * them, the planner walked every payment of the scope's branch
	 * looking each one's void up (0.8 s of a 1 s pass, 1M payments) */
	qb_add(&q,
	    " UNION SELECT v.terminal FROM voids v CROSS JOIN payments p ON "
	    "p.id = v.payment_id WHERE p.branch <> '' AND "
	    "substr(v.voided_at, 1, 10) = ?",
	    "s", day);
	store_payment_where(NULL, &q, sc, 0);
	/* (the notes, as the credit notes rule reads them: notes_where) */
	qb_add(&q,
	    " UNION SELECT n.terminal FROM credit_notes n JOIN payments p ON "
	    "p.id = n.payment_id WHERE p.branch <> '' AND n.created_on = ?",
	    "s", day);
	notes_where(&q, sc);
	if (credits) {
		qb_add(&q,
		    "), k(terminal, n, total, lo, hi) AS (SELECT n.terminal, "
		    "count(*), sum(n.amount), min(n.cn_no), max(n.cn_no) FROM "
		    "credit_notes n JOIN payments p ON p.id "
		    "= n.payment_id WHERE n.automatic = 0 AND p.branch <> '' "
		    "AND n.created_on = ?",
		    "s", day);
		notes_where(&q, sc);
	} else {
		qb_add(&q,
		    "), k(terminal, n, total, lo, hi) AS (SELECT v.terminal, "
		    "count(*), sum(p.amount), min(p.receipt_no), "
		    "max(p.receipt_no) FROM voids v CROSS JOIN payments p ON "
		    "p.id = v.payment_id WHERE p.method_kind = 'cash' AND "
		    "p.branch <> '' AND substr(v.voided_at, 1, 10) = ?",
		    "s", day);
		store_payment_where(NULL, &q, sc, 0);
	}
	qb_add(&q,
	    /* the receipts voided or the notes made, named: the first
	     * and last ("R-T01-000002..R-T01-000009"), or the one */
	    " GROUP BY 1) SELECT 0, t.terminal, '', CASE WHEN k.lo IS NULL "
	    "THEN '' WHEN k.lo = k.hi THEN k.lo ELSE k.lo || '..' || k.hi "
	    "END, coalesce(k.total, 0), "
	    "coalesce(k.n, 0) FROM t LEFT JOIN k USING (terminal) ORDER BY "
	    "t.terminal",
	    "");
	return run(st, &q, 6, cb, arg, err);
}

int
store_anomaly_round(struct store *st, const struct payment_filter *sc,
    const char *day, int64_t unit, anomaly_fact_cb cb, void *arg,
    struct pd_err *err)
{
	struct qb q;

	qb_init(&q, "SELECT n.consumer_id, n.created_by, '', n.cn_no, n.amount "
	            "FROM credit_notes n JOIN payments p ON p.id = n.payment_id "
	            "WHERE n.automatic = 0");
	qb_add(&q, " AND n.created_on = ? AND n.amount % ? = 0", "si", day,
	    unit > 0 ? unit : (int64_t)1);
	notes_where(&q, sc);
	qb_add(&q, " ORDER BY n.created_by, n.cn_no", "");
	return run(st, &q, 5, cb, arg, err);
}
