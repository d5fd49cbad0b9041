/* item_defer.c - a pull's items added to their rollups and sealed a page
 * at a time, set based, instead of row by row (issue 24).
 *
 * A fresh terminal's pull of 100,000 consumers and 40,000 bills spent
 * 2.9 s of its 10.4 s of CPU in the 40,000 INSERTs of items (74 us
 * each: five AFTER INSERT triggers, each a statement of its own with its
 * statement journal). While a pull's transaction holds the row
 * 'items_defer' of meta (the id up to which the items are in their
 * rollups), those five triggers are dropped and an item inserted is
 * left out of them; store_items_defer_flush then adds every item above
 * that id at once, as the five would have: the same additive sums,
 * each due_paid group written again from its items, each item's seal
 * in id order, and the page's audit entry (sync_pull.c) claims the
 * seals as it would have. Anything that reads or moves what an item
 * added (its update or delete, an allocation, an arrangement's move, a
 * consumer's segment, a payment's status) first flushes, by TEMP
 * triggers, so it finds the rollups as the row-by-row triggers left
 * them. store_items_defer_end flushes, drops the TEMP triggers and
 * makes the five again from their own SQL, in the same transaction; a
 * rollback takes the whole back. doctor checks the result as always
 * (not due_daily: test_sync compares a bulk pull with the same items
 * inserted again row by row). SQLite only (a terminal's store).
 *
 * A new trigger that reads or changes due_daily, due_paid, due_segment,
 * open_due or an item's seals from a write to another table needs its
 * GUARD here, or it would find an item of the pull not yet in them. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

#define DEFER_TRIGGERS                                                         \
	"('rollup_item', 'seal_items_ins', 'due_paid_item', "                  \
	"'facts_item_add', 'open_due_item_add')"
/* the id up to which items are in their rollups, and the newest */
#define W_ "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = " \
	   "'items_defer')"
#define T_ "(SELECT max(id) FROM items)"
#define NEWER "id > " W_ " AND id <= " T_
#define NEWER_I "i.id > " W_ " AND i.id <= " T_
/* the five triggers' statements over the items above W_ (schema.c:
 * rollup_item, seal_items_ins, due_paid_item, facts_item_add,
 * open_due_item_add), then W_ moved to them */
#define FLUSH                                                                  \
	"INSERT INTO due_daily (day, amount) SELECT due_on, sum(amount) FROM " \
	"items WHERE " NEWER " GROUP BY due_on ON CONFLICT (day) DO UPDATE "   \
	"SET amount = amount + excluded.amount; "                              \
	"INSERT INTO seals (tbl, row_id, fields) SELECT 'items', t.id, t.f "   \
	"FROM (SELECT id, json_array(" SEAL_ITEMS                              \
	") AS f FROM items WHERE " NEWER                                       \
	" ORDER BY id) t WHERE t.f IS NOT (SELECT fields FROM seals "          \
	"WHERE tbl = 'items' AND row_id = t.id ORDER BY id DESC LIMIT 1); "    \
	"DELETE FROM due_paid WHERE (consumer_id, due_on) IN (SELECT "         \
	"consumer_id, due_on FROM items WHERE " NEWER "); "                    \
	"INSERT INTO due_paid (consumer_id, due_on, due, on_time) SELECT "     \
	"i.consumer_id, i.due_on, sum(i.amount), sum((SELECT "                 \
	"coalesce(sum(a.amount), 0) FROM allocations a JOIN payments p ON "    \
	"p.id = a.payment_id WHERE a.item_id = i.id "                          \
	"AND p.status IN ('Posted', 'Pending') AND p.paid_on <= i.due_on)) "   \
	"FROM (SELECT DISTINCT consumer_id, due_on FROM items WHERE " NEWER    \
	") g JOIN items i ON i.consumer_id = g.consumer_id AND +i.due_on = "   \
	"g.due_on GROUP BY i.consumer_id, i.due_on; "                          \
	"INSERT INTO due_segment (due_on, segment, due) SELECT i.due_on, "     \
	"c.segment, 1 * sum(i.amount - (SELECT coalesce(sum(m.amount), 0) "    \
	"FROM arrangement_moves m WHERE m.item_id = i.id)) FROM items i JOIN " \
	"consumers c ON c.id = i.consumer_id WHERE " NEWER_I " GROUP BY 1, 2 " \
	"ON CONFLICT (due_on, segment) DO UPDATE SET due = due + "             \
	"excluded.due; "                                                       \
	"INSERT INTO open_due (due_on, segment, arranged, open, n) SELECT "    \
	"i.due_on, coalesce((SELECT segment FROM consumers WHERE id = "        \
	"i.consumer_id), ''), i.arr_event IS NOT NULL, 1 * sum(i.amount - "    \
	"i.settled), count(*) FROM items i WHERE " NEWER_I " AND i.settled < " \
	"i.amount GROUP BY 1, 2, 3 ON CONFLICT (due_on, segment, arranged) "   \
	"DO UPDATE SET open = open + excluded.open, n = n + excluded.n; "      \
	"UPDATE meta SET value = coalesce(" T_ ", 0) WHERE key = "             \
	"'items_defer'; "
/* what first flushes (TEMP: gone with the transaction, whatever its
 * end) */
#define GUARD(name, when, on, cond)                                            \
	"CREATE TEMP TRIGGER " name " BEFORE " when " ON main." on " WHEN "    \
	cond " BEGIN " FLUSH "END; "
#define ANY T_ " > " W_
#define GUARDS                                                                 \
	GUARD("items_defer_upd", "UPDATE", "items", "OLD.id > " W_)            \
	GUARD("items_defer_del", "DELETE", "items", "OLD.id > " W_)            \
	GUARD("items_defer_alloc", "INSERT", "allocations", ANY)               \
	GUARD("items_defer_move", "INSERT", "arrangement_moves", ANY)          \
	GUARD("items_defer_segment", "UPDATE", "consumers", ANY)               \
	GUARD("items_defer_status", "UPDATE", "payments", ANY)

int
store_items_defer_begin(struct store *st, int on, struct pd_err *err)
{
	/* (what a transaction rolled back left) */
	free(st->item_triggers);
	st->item_triggers = NULL;
	if (!on || db_is_pg(st->db))
		return 0;
	if (st_triggers_sql(st, "items", DEFER_TRIGGERS, &st->item_triggers,
	        _("Reading the items' triggers"), err) != 0)
		return -1;
	if (st->item_triggers == NULL)
		return 0;
	return st_exec(st,
	    "INSERT OR REPLACE INTO meta (key, value) SELECT 'items_defer', "
	    "coalesce(max(id), 0) FROM items; "
	    "DROP TRIGGER IF EXISTS rollup_item; DROP TRIGGER IF EXISTS "
	    "seal_items_ins; DROP TRIGGER IF EXISTS due_paid_item; DROP "
	    "TRIGGER IF EXISTS facts_item_add; DROP TRIGGER IF EXISTS "
	    "open_due_item_add; " GUARDS,
	    err);
}

int
store_items_defer_flush(struct store *st, struct pd_err *err)
{
	if (st->item_triggers == NULL)
		return 0;
	return st_exec(st, FLUSH, err);
}

int
store_items_defer_end(struct store *st, struct pd_err *err)
{
	char *trig = st->item_triggers;
	int rc;

	if (trig == NULL)
		return 0;
	rc = st_exec(st,
	    FLUSH "DELETE FROM meta WHERE key = 'items_defer'; "
	          "DROP TRIGGER temp.items_defer_upd; "
	          "DROP TRIGGER temp.items_defer_del; "
	          "DROP TRIGGER temp.items_defer_alloc; "
	          "DROP TRIGGER temp.items_defer_move; "
	          "DROP TRIGGER temp.items_defer_segment; "
	          "DROP TRIGGER temp.items_defer_status",
	    err);
	if (rc == 0)
		rc = st_exec(st, trig, err);
	st->item_triggers = NULL;
	free(trig);
	return rc;
}
