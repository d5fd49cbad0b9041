/* reconnect.c - the disconnection and reconnection lists (issue 21): the
 * consumers whose overdue debt is past the threshold, with what of it
 * their arrangements hold; and who was on the list, the consumers whose
 * overdue debt reached the threshold on a day a payment or an arrangement
 * of theirs was made, read from the ledger as it stood before that day. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

static void
read_was(struct db_stmt *s, void *elem)
{
	struct reconnect_row *r = elem;

	memset(r, 0, sizeof *r);
	r->consumer_id = db_column_int64(s, 0);
	st_col(s, 1, r->account_no, sizeof r->account_no);
	st_col(s, 2, r->name, sizeof r->name);
	r->was = db_column_int64(s, 3);
	st_col(s, 4, r->listed_on, sizeof r->listed_on);
	st_col(s, 5, r->address, sizeof r->address);
	st_col(s, 6, r->phone, sizeof r->phone);
}

struct reconnect_row *
store_was_overdue(struct store *st, const char *since, const char *today,
    int days, int64_t min, size_t *n, struct pd_err *err)
{
	/* the days a consumer's payment or arrangement was made after
	 * since; on each, what its items due days before owed before it:
	 * their amount less what payments, credit notes and arrangements
	 * took of them on the days before. Only the items (p) due days
	 * before today that are open, or that a payment, a credit note or
	 * an arrangement took from after since, and the days of their
	 * consumers: an item all taken before (settled is what those took
	 * of it, doctor's "item balances") owed nothing on any of the
	 * days (every item of every consumer paying in the window was
	 * read on each day paid: 13 s at 1M payments), and of those only
	 * the items a taking found days after their due date or more (an
	 * item owes on a day d only if due days before d and open now or
	 * taken on d or after); the credit notes' and the arrangements'
	 * events first (CROSS JOIN: not every item due, to find a few; left
	 * to choose, SQLite read every item due before the window, each
	 * item's moves probed: 20,000 consumers' analysed store). On each
	 * day, the consumer's items in p found by p (SQLite indexes it by
	 * consumer), not every item of the consumer probed in p. */
	struct db_stmt *s = st_stmt(st,
	    "WITH p (iid, cid) AS (SELECT id, consumer_id FROM items WHERE "
	    "settled < amount AND due_on <= date(?2, '-' || ?3 || ' days') "
	    "UNION SELECT i.id, i.consumer_id FROM payments y JOIN "
	    "allocations x ON x.payment_id = y.id JOIN items i ON i.id = "
	    "x.item_id WHERE y.paid_on > ?1 AND i.due_on <= date(?2, '-' || "
	    "?3 || ' days') AND i.due_on <= date(y.paid_on, '-' || ?3 || "
	    "' days') UNION SELECT i.id, i.consumer_id FROM "
	    "credit_applications ca CROSS JOIN items i WHERE i.id = "
	    "ca.item_id AND ca.applied_on > ?1 AND i.due_on <= date(?2, '-' "
	    "|| ?3 || ' days') AND i.due_on <= date(ca.applied_on, '-' || ?3 "
	    "|| ' days') AND NOT EXISTS (SELECT 1 FROM sync_undone u WHERE "
	    "u.uuid = ca.uuid) UNION SELECT i.id, i.consumer_id FROM "
	    "arrangement_events e CROSS JOIN arrangement_moves m CROSS JOIN "
	    "items i WHERE m.event_id = e.id AND i.id = m.item_id AND "
	    "substr(e.at, 1, 10) > ?1 AND i.due_on <= date(?2, '-' || ?3 || "
	    "' days') AND i.due_on <= date(substr(e.at, 1, 10), '-' || ?3 || "
	    "' days')), "
	    "ev (cid, day) AS (SELECT consumer_id, paid_on FROM payments "
	    "WHERE paid_on > ?1 AND paid_on <= ?2 AND consumer_id IN (SELECT "
	    "cid FROM p) UNION SELECT a.consumer_id, substr(e.at, 1, 10) FROM "
	    "arrangement_events e JOIN arrangements a ON a.id = "
	    "e.arrangement_id WHERE e.kind = 'create' AND substr(e.at, 1, 10) "
	    "> ?1 AND substr(e.at, 1, 10) <= ?2 AND a.consumer_id IN (SELECT "
	    "cid FROM p)), "
	    "od (cid, day, owed) AS MATERIALIZED (SELECT ev.cid, ev.day, (SELECT "
	    "coalesce(sum(max(0, i.amount - coalesce((SELECT sum(x.amount) "
	    "FROM allocations x JOIN payments y ON y.id = x.payment_id WHERE "
	    "x.item_id = i.id AND y.paid_on < ev.day), 0) - "
	    "coalesce((SELECT sum(ca.amount) FROM credit_applications ca "
	    "WHERE ca.item_id = i.id AND ca.applied_on < ev.day AND NOT "
	    "EXISTS (SELECT 1 FROM sync_undone u WHERE u.uuid = ca.uuid)), "
	    "0) - "
	    "coalesce((SELECT sum(m.amount) FROM arrangement_moves m JOIN "
	    "arrangement_events e2 ON e2.id = m.event_id WHERE m.item_id = "
	    "i.id AND substr(e2.at, 1, 10) < ev.day), 0))), 0) FROM p CROSS "
	    "JOIN items i WHERE p.cid = ev.cid AND i.id = p.iid AND i.due_on "
	    "<= date(ev.day, '-' || ?3 || ' days')) FROM ev) "
	    "SELECT c.id, c.account_no, c.name, "
	    "max(od.owed), max(CASE WHEN od.owed >= ?4 THEN od.day END), "
	    "c.service_address, c.phone FROM "
	    "od JOIN consumers c ON c.id = od.cid GROUP BY c.id HAVING "
	    "max(od.owed) >= ?4 ORDER BY c.account_no",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ssdi", since, today, days, min);
	return st_collect(st, s, sizeof(struct reconnect_row), read_was, n,
	    "reading who was on the disconnection list", err);
}

static void
read_overdue(struct db_stmt *s, void *elem)
{
	struct overdue_row *r = elem;

	memset(r, 0, sizeof *r);
	r->consumer_id = db_column_int64(s, 0);
	st_col(s, 1, r->account_no, sizeof r->account_no);
	st_col(s, 2, r->name, sizeof r->name);
	r->overdue = db_column_int64(s, 3);
	r->items = db_column_int(s, 4);
	st_col(s, 5, r->oldest_due, sizeof r->oldest_due);
	r->has_plan = db_column_int(s, 6);
	st_col(s, 7, r->address, sizeof r->address);
	st_col(s, 8, r->phone, sizeof r->phone);
}

/* The consumers owing at least ?2 of items due on ?1 or before, grouped
 * (consumer_id, owed, n, oldest), for store_overdue. */
#define OVERDUE_GROUPED                                                        \
	"(SELECT consumer_id, sum(owe) AS owed, count(*) AS n, min(d) AS "     \
	"oldest FROM (SELECT consumer_id, amount - settled AS owe, due_on AS " \
	"d FROM items WHERE amount > settled AND due_on <= ?1 UNION "          \
	"ALL " OVERDUE_BROKEN                                                  \
	") u GROUP BY consumer_id HAVING sum(owe) >= ?2) g"
/* a Broken plan's installments not yet due: from the oldest date of what
 * it took over (its held items, not installments a reschedule moved);
 * the plans' items by their plan_id (+: stale statistics of items_owed
 * had SQLite read every open item due after cutoff, each probing the
 * Broken plans). That date of each plan found once (OVERDUE_FROM, a
 * table made first: flattened into the join, SQLite found it for the
 * plan and again for each of its items, 0.09 s of 5,000 plans at 10M,
 * 0.04 s so) */
#define OVERDUE_FROM                                                           \
	"WITH o (plan_id, d) AS MATERIALIZED (SELECT a.plan_id, (SELECT "      \
	"min(x.due_on) FROM arrangement_events e JOIN arrangement_moves m ON " \
	"m.event_id = e.id JOIN items x ON x.id = m.item_id WHERE "            \
	"e.arrangement_id = a.id AND x.plan_id IS NULL) FROM arrangements a "  \
	"WHERE a.id IN (SELECT value FROM json_each(?3))) "
#define OVERDUE_BROKEN                                                         \
	"SELECT i.consumer_id, i.amount - i.settled, o.d FROM o JOIN items i " \
	"ON i.plan_id = o.plan_id WHERE o.d <= ?1 AND +i.amount > i.settled "  \
	"AND +i.due_on > ?1"
#define OVERDUE_HAS_PLAN(c)                                                    \
	"CASE WHEN EXISTS (SELECT 1 FROM arrangements a WHERE a.consumer_id "  \
	"= " c " AND a.cancelled = 0) THEN 1 ELSE 0 END"

struct overdue_row *
store_overdue(struct store *st, const char *cutoff, int64_t min,
    const char *broken, int bare, size_t *n, struct pd_err *err)
{
	/* grouped first, the consumer read for those listed only (a read
	 * per open item before: the list is tens of thousands at 10M); bare,
	 * no consumer read and no order (the reconnection list's figures of
	 * each consumer: 0.53 s of 83,636 consumers at 10M, 0.20 s bare) */
	struct db_stmt *s = st_stmt(st,
	    bare ? OVERDUE_FROM "SELECT g.consumer_id, '', '', g.owed, g.n, "
	                        "g.oldest, " OVERDUE_HAS_PLAN(
	                            "g.consumer_id") ", '', '' "
	                                             "FROM " OVERDUE_GROUPED
	         : OVERDUE_FROM
	        "SELECT c.id, c.account_no, c.name, g.owed, g.n, "
	        "g.oldest, " OVERDUE_HAS_PLAN(
	            "c.id") ", c.service_address, c.phone "
	                    "FROM " OVERDUE_GROUPED
	                    " JOIN consumers c ON c.id = "
	                    "g.consumer_id ORDER BY 4 DESC, c.account_no",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "sis", cutoff, min, broken != NULL ? broken : "[]");
	return st_collect(st, s, sizeof(struct overdue_row), read_overdue, n,
	    "reading overdue consumers", err);
}

/* A consumer's row in an array of overdue rows (store_overdue_outside). */
struct row_of {
	int64_t id;
	size_t at;
};

static int
cmp_row_of(const void *a, const void *b)
{
	int64_t x = ((const struct row_of *)a)->id,
	        y = ((const struct row_of *)b)->id;

	return (x > y) - (x < y);
}

int
store_overdue_outside(struct store *st, const char *cutoff, const char *kept,
    const char *inst, struct overdue_row *r, size_t n, struct pd_err *err)
{
	/* the open items due by the index items_owed (due_on first,
	 * covering), the consumers kept a filter (+): by consumer, each
	 * one's every item was read from the table to find the open ones
	 * (10M store, 20,000 consumers kept: 1.1 s warm, 17 s cold; 0.24 s
	 * warm so). The installments by the ids the service read with its
	 * plans' compliance: found here, every installment of those
	 * consumers' plans by the index of plan_id, inst_no, they were most
	 * of this read (0.15 s of its 0.18 s at 10M, 0.03 s so) */
	struct db_stmt *s = st_stmt(st,
	    "WITH k (cid) AS (SELECT value FROM json_each(?2)), o (cid, owe, "
	    "inst, d) AS (SELECT i.consumer_id, i.amount - i.settled, i.id IN "
	    "(SELECT value FROM json_each(?3)), i.due_on FROM items i WHERE "
	    "i.settled < i.amount AND i.due_on <= ?1 AND +i.consumer_id IN "
	    "(SELECT cid FROM k)) "
	    "SELECT cid, coalesce(sum(CASE WHEN inst THEN owe END), 0), "
	    "coalesce(sum(inst), 0), coalesce(min(CASE WHEN NOT inst THEN d "
	    "END), '') FROM o GROUP BY cid",
	    err);
	struct row_of *by;
	int rc;
	size_t i;

	if (s == NULL)
		return -1;
	/* r's rows by consumer, each found by bsearch (a walk of r per row
	 * read: 20,000 by 62,000 rows at 10M) */
	by = xcalloc(n ? n : 1, sizeof *by);
	for (i = 0; i < n; i++) {
		by[i].id = r[i].consumer_id;
		by[i].at = i;
	}
	qsort(by, n, sizeof *by, cmp_row_of);
	st_bind(s, "sss", cutoff, kept, inst);
	while ((rc = db_step(s)) == DB_ROW) {
		struct row_of key, *hit;

		key.id = db_column_int64(s, 0);
		hit =
		    n > 0 ? bsearch(&key, by, n, sizeof *by, cmp_row_of) : NULL;
		if (hit == NULL)
			continue;
		i = hit->at;
		r[i].overdue -= db_column_int64(s, 1);
		r[i].items -= db_column_int(s, 2);
		st_col(s, 3, r[i].oldest_due, sizeof r[i].oldest_due);
	}
	db_reset(s);
	free(by);
	return rc == DB_DONE ? 0
	                     : st_fail(st, err, _("Reading an arrangement"));
}

int64_t *
store_plan_owers(struct store *st, size_t *n, struct pd_err *err)
{
	/* by arrangements_consumer, a probe of each plan's open items */
	struct db_stmt *s = st_stmt(st,
	    "SELECT DISTINCT a.consumer_id FROM arrangements a WHERE "
	    "a.cancelled = 0 AND EXISTS (SELECT 1 FROM items i WHERE "
	    "i.plan_id = a.plan_id AND i.settled < i.amount) ORDER BY 1",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(int64_t), st_read_int64, n,
	    "reading the consumers owing on arrangements", err);
}
