/* reconnect.c - the disconnection and reconnection lists (issue 21): the
 * consumers whose overdue debt is past the threshold, with what of it
 * their arrangements hold; and who was on the list, read from the ledger
 * as it stood before each day a payment or an arrangement of theirs was
 * made or rescheduled: what their items owed then, and their plans'
 * installments then, which the service judges as the list does. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/arrange.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

static void
read_was_day(struct db_stmt *s, void *elem)
{
	struct was_day *r = elem;

	memset(r, 0, sizeof *r);
	r->consumer_id = db_column_int64(s, 0);
	st_col(s, 1, r->day, sizeof r->day);
	r->owed = db_column_int64(s, 2);
}

/* The days the reconnection list reads (store_was_days, store_was_plans,
 * the one list of them): of the consumers among who (an SQL set of their
 * ids) but those the JSON array of ids bound to parameter still names
 * (on the list today: not to reconnect, whatever they were), each day
 * after ?1 up to ?2 on which a payment of theirs was taken or an
 * arrangement of theirs made or rescheduled, ev (cid, day) */
#define WAS_DAYS(who, still)                                                   \
	"ev (cid, day) AS (SELECT consumer_id, paid_on FROM payments WHERE "   \
	"paid_on > ?1 AND paid_on <= ?2 AND consumer_id IN " who " AND "       \
	"consumer_id NOT IN (SELECT value FROM json_each(" still ")) UNION "   \
	"SELECT a.consumer_id, substr(e.at, 1, 10) FROM arrangement_events e " \
	"JOIN arrangements a ON a.id = e.arrangement_id WHERE e.kind IN "      \
	"('create', 'reschedule') AND substr(e.at, 1, 10) > ?1 AND "           \
	"substr(e.at, 1, 10) <= ?2 AND a.consumer_id IN " who " AND "          \
	"a.consumer_id NOT IN (SELECT value FROM json_each(" still ")))"
/* those of the consumers of the items p (store_was_days), and of the
 * consumers with an arrangement (store_was_plans) */
#define WAS_DAYS_P WAS_DAYS("(SELECT cid FROM p)", "?4")
#define WAS_DAYS_ARR WAS_DAYS("(SELECT consumer_id FROM arrangements)", "?3")

struct was_day *
store_was_days(struct store *st, const char *since, const char *today, int days,
    const char *still, size_t *n, struct pd_err *err)
{
	/* the days a consumer's payment or arrangement was made after
	 * since; on each, what its items due days before owed before it:
	 * their amount less what payments, credit notes and arrangements
	 * took of them on the days before. Only the items issued before it:
	 * a chargeback's charge is due when the bill it charges again was,
	 * and was not owed before its uphold (helper-246, fault 3 of issue
	 * 21: counted beside that bill, paid the day of the arrangement,
	 * the consumer "was overdue" twice what it ever owed). Only the items
	 * (p) due days before today that are open, or that a payment, a credit
	 * note or an arrangement took from after since, and the days of their
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
	    "' days')), " WAS_DAYS_P ", "
	    "od (cid, day, owed) AS MATERIALIZED (SELECT ev.cid, ev.day, "
	    "(SELECT "
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
	    "<= date(ev.day, '-' || ?3 || ' days') AND i.issued_on < ev.day) "
	    "FROM ev) "
	    "SELECT cid, day, owed FROM od WHERE owed > 0 ORDER BY cid, day",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ssds", since, today, days, still);
	return st_collect(st, s, sizeof(struct was_day), read_was_day, n,
	    "reading who was on the disconnection list", err);
}

/* An installment as st_read_arr_item_of reads it, then the day it was
 * read as of and its plan's oldest item taken over. */
static void
read_was_item(struct db_stmt *s, void *elem)
{
	struct arr_item_of *a = elem;

	st_read_arr_item_of(s, elem);
	st_col(s, 12, a->day, sizeof a->day);
	st_col(s, 13, a->held_from, sizeof a->held_from);
}

struct arr_item_of *
store_was_plans(struct store *st, const char *since, const char *today,
    const char *still, size_t *n, struct pd_err *err)
{
	/* of the days (ev) of the consumers with an arrangement, those on
	 * which one of his plans can weigh (pe): a day on which every
	 * installment of his plans due before it was paid in full on time
	 * before it (each payment and credit of it before the day and by
	 * its due date plus the grace days, none of it moved by another
	 * event) has none Broken, none holding an installment open due by
	 * the cutoff: his plans add nothing and take nothing off (he keeps
	 * them or they are Completed), and his day is what his items owed.
	 * A consumer's every plan is read on a day one of them can weigh:
	 * one kept protects the installments of the others. Then, on each
	 * such day, his plans
	 * made before it and not cancelled before it (pa: each plan's
	 * event in force then, le, and the oldest due date of the items it
	 * took over, found once a plan and day), and their installments
	 * made before it (r), each as the ledger stood before that day:
	 * what payments, credit notes and other events' moves took of it
	 * on the days before, what its own event took (absorbed), the day
	 * it was paid in full before that day; in the columns of
	 * store_arr_items_overdue (ARR_ITEM_OF), whose compliance the
	 * service reads alike */
	struct db_stmt *s = st_stmt(st,
	    "WITH " WAS_DAYS_ARR ", "
	    "pe (cid, day) AS (SELECT ev.cid, ev.day FROM ev WHERE EXISTS "
	    "(SELECT 1 FROM arrangements b CROSS JOIN items x ON x.plan_id = "
	    "b.plan_id WHERE b.consumer_id = ev.cid AND b.created_on < ev.day "
	    "AND +x.due_on < ev.day AND NOT (x.settled >= x.amount AND NOT "
	    "EXISTS (SELECT 1 FROM allocations xa JOIN payments y ON y.id = "
	    "xa.payment_id WHERE xa.item_id = x.id AND (y.paid_on >= ev.day OR "
	    "y.paid_on > date(x.due_on, '+' || b.grace_days || ' days'))) AND "
	    "NOT EXISTS (SELECT 1 FROM credit_applications c WHERE c.item_id = "
	    "x.id AND (c.applied_on >= ev.day OR c.applied_on > date(x.due_on, "
	    "'+' || b.grace_days || ' days'))) AND NOT EXISTS (SELECT 1 FROM "
	    "arrangement_moves m WHERE m.item_id = x.id AND m.event_id IS NOT "
	    "x.arr_event)))), "
	    "pa (day, arr_id, plan_id, cid, grace, misses, le, held) AS "
	    "MATERIALIZED (SELECT ev.day, a.id, a.plan_id, a.consumer_id, "
	    "a.grace_days, a.misses_allowed, (SELECT max(e.id) FROM "
	    "arrangement_events e WHERE e.arrangement_id = a.id AND e.kind <> "
	    "'cancel' AND substr(e.at, 1, 10) < ev.day), (SELECT "
	    "min(x.due_on) FROM arrangement_events e JOIN arrangement_moves m "
	    "ON m.event_id = e.id JOIN items x ON x.id = m.item_id WHERE "
	    "e.arrangement_id = a.id AND x.plan_id IS NULL) FROM pe ev JOIN "
	    "arrangements a ON a.consumer_id = ev.cid WHERE a.created_on < "
	    "ev.day AND NOT (a.cancelled = 1 AND coalesce((SELECT "
	    "max(substr(e.at, 1, 10)) FROM arrangement_events e WHERE "
	    "e.arrangement_id = a.id AND e.kind = 'cancel'), '') < ev.day)), "
	    "r (day, arr_id, cid, grace, misses, le, held, iid, inst_no, "
	    "amount, "
	    "due_on, arr_event, paid, moved, absorbed) AS MATERIALIZED (SELECT "
	    "pa.day, "
	    "pa.arr_id, pa.cid, pa.grace, pa.misses, pa.le, pa.held, i.id, "
	    "i.inst_no, i.amount, i.due_on, i.arr_event, coalesce((SELECT "
	    "sum(x.amount) FROM allocations x JOIN payments y ON y.id = "
	    "x.payment_id WHERE x.item_id = i.id AND y.paid_on < pa.day), 0) + "
	    "coalesce((SELECT sum(c.amount) FROM credit_applications c WHERE "
	    "c.item_id = i.id AND c.applied_on < pa.day AND NOT EXISTS (SELECT "
	    "1 FROM sync_undone u WHERE u.uuid = c.uuid)), 0), "
	    "coalesce((SELECT sum(m.amount) FROM arrangement_moves m JOIN "
	    "arrangement_events e ON e.id = m.event_id WHERE m.item_id = i.id "
	    "AND m.event_id IS NOT i.arr_event AND substr(e.at, 1, 10) < "
	    "pa.day), 0), coalesce((SELECT sum(m.amount) FROM "
	    "arrangement_moves m WHERE m.item_id = i.id AND +m.event_id = "
	    "i.arr_event), 0) FROM pa CROSS JOIN items i ON i.plan_id = "
	    "pa.plan_id WHERE i.arr_event IS NULL OR (SELECT substr(e.at, 1, "
	    "10) FROM arrangement_events e WHERE e.id = i.arr_event) < pa.day) "
	    "SELECT amount, paid + moved + absorbed, due_on, moved, CASE WHEN "
	    "paid + moved + absorbed >= amount THEN coalesce((SELECT max(u.d) "
	    "FROM (SELECT y.paid_on AS d FROM allocations x JOIN payments y ON "
	    "y.id = x.payment_id WHERE x.item_id = r.iid AND x.amount > 0 AND "
	    "y.paid_on < r.day UNION ALL SELECT c.applied_on FROM "
	    "credit_applications c WHERE c.item_id = r.iid AND c.applied_on < "
	    "r.day AND NOT EXISTS (SELECT 1 FROM sync_undone u WHERE u.uuid = "
	    "c.uuid)) AS u), '') ELSE '' END, absorbed, arr_id, cid, grace, "
	    "misses, CASE WHEN arr_event IS NULL OR arr_event = le THEN 1 ELSE "
	    "0 END, iid, day, coalesce(held, '') FROM r ORDER BY cid, day, "
	    "arr_id, inst_no",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "sss", since, today, still);
	return st_collect(st, s, sizeof(struct arr_item_of), read_was_item, n,
	    "reading the plans of who was on the disconnection list", err);
}

static void
read_contact(struct db_stmt *s, void *elem)
{
	struct reconnect_row *r = elem;

	memset(r, 0, sizeof *r);
	r->consumer_id = db_column_int64(s, 0);
	st_col(s, 1, r->account_no, sizeof r->account_no);
	st_col(s, 2, r->name, sizeof r->name);
	st_col(s, 3, r->address, sizeof r->address);
	st_col(s, 4, r->phone, sizeof r->phone);
}

struct reconnect_row *
store_reconnect_contacts(
    struct store *st, const char *ids, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, account_no, name, service_address, phone FROM "
	    "consumers WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY "
	    "account_no",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "s", ids);
	return st_collect(st, s, sizeof(struct reconnect_row), read_contact, n,
	    "reading the consumers to reconnect", err);
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
