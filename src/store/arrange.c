/* arrange.c - payment arrangements and their installments (issue 21;
 * schema.c has the tables and why; their events and the debt each moved
 * are arrange_events.c's). */
#include <string.h>

#include "internal.h"
#include "paydesk/arrange.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"

#define ARR_COLS                                                               \
	"a.id, a.uuid, p.plan_no, a.consumer_id, c.account_no, c.name, "       \
	"a.debt, a.down_payment, a.n_inst, a.frequency, a.first_due, "         \
	"a.grace_days, a.misses_allowed, a.reason, a.created_on, "             \
	"a.created_at, a.created_by, a.terminal, a.cancelled, a.changes, "     \
	"c.segment"
#define ARR_FROM                                                               \
	"arrangements a JOIN plans p ON p.id = a.plan_id JOIN consumers c ON " \
	"c.id = a.consumer_id"

static void
read_arr(struct db_stmt *s, void *elem)
{
	struct arrangement *a = elem;
	char f[16];

	memset(a, 0, sizeof *a);
	a->id = db_column_int64(s, 0);
	st_col(s, 1, a->uuid, sizeof a->uuid);
	st_col(s, 2, a->plan_no, sizeof a->plan_no);
	a->consumer_id = db_column_int64(s, 3);
	st_col(s, 4, a->account_no, sizeof a->account_no);
	st_col(s, 5, a->consumer_name, sizeof a->consumer_name);
	a->debt = db_column_int64(s, 6);
	a->down = db_column_int64(s, 7);
	a->n = db_column_int(s, 8);
	st_col(s, 9, f, sizeof f);
	a->freq = (enum arr_freq)arr_freq_parse(f);
	st_col(s, 10, a->first_due, sizeof a->first_due);
	a->grace_days = db_column_int(s, 11);
	a->misses_allowed = db_column_int(s, 12);
	st_col(s, 13, a->reason, sizeof a->reason);
	st_col(s, 14, a->created_on, sizeof a->created_on);
	st_col(s, 15, a->created_at, sizeof a->created_at);
	st_col(s, 16, a->created_by, sizeof a->created_by);
	st_col(s, 17, a->terminal, sizeof a->terminal);
	a->cancelled = db_column_int(s, 18);
	a->changes = db_column_int(s, 19);
	st_col(s, 20, a->segment, sizeof a->segment);
}

int
store_arr_insert(struct store *st, struct arrangement *a, const char *plan_no,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO arrangements (uuid, plan_id, consumer_id, debt, "
	    "down_payment, n_inst, frequency, first_due, grace_days, "
	    "misses_allowed, reason, created_on, created_at, user_id, "
	    "created_by, terminal) VALUES (?1, (SELECT id FROM plans WHERE "
	    "plan_no = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "(SELECT id FROM users WHERE username = ?14), ?14, ?15)",
	    err);

	if (s == NULL)
		return -1;
	if (a->uuid[0] == '\0')
		os_uuid_new(a->uuid);
	/* the user by name: a pulled arrangement's maker may be unknown */
	st_bind(s, "ssiiidssddsssss", a->uuid, plan_no, a->consumer_id, a->debt,
	    a->down, a->n, arr_freq_name(a->freq), a->first_due, a->grace_days,
	    a->misses_allowed, a->reason, a->created_on, a->created_at,
	    a->created_by, a->terminal);
	if (st_done(st, s, err) != 0)
		return -1;
	a->id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_arr_update(
    struct store *st, const struct arrangement *a, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE arrangements SET n_inst = ?, frequency = ?, first_due = "
	    "?, misses_allowed = ?, cancelled = ?, changes = ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "dssdddi", a->n, arr_freq_name(a->freq), a->first_due,
	    a->misses_allowed, a->cancelled, a->changes, a->id);
	return st_done(st, s, err);
}

int
store_arr_find(struct store *st, const char *plan_no, struct arrangement *a,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " ARR_COLS " FROM " ARR_FROM " WHERE p.plan_no = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", plan_no);
	rc = st_one(st, s, read_arr, a, _("Reading an arrangement"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No payment arrangement \"%s\""), plan_no);
	return rc;
}

struct arrangement *
store_arr_list(struct store *st, int64_t consumer_id,
    const struct row_scope *sc, size_t *n, struct pd_err *err)
{
	struct arrangement *out;
	struct db_stmt *s;
	struct qb q;

	/* not a plan the central node refused (its create undone here,
	 * arrange_undo.c): it never was the organisation's, and is in no
	 * other terminal's list or report (helper-241: its debt counted
	 * twice in the plans performance report of its terminal alone) */
	qb_init(&q, "SELECT " ARR_COLS " FROM " ARR_FROM " WHERE a.id > 0 AND "
	            "NOT " ARR_EVENT_UNDONE(
	                "ue.arrangement_id = a.id AND ue.kind = 'create'"));
	if (consumer_id != 0)
		qb_add(&q, " AND a.consumer_id = ?", "i", consumer_id);
	store_row_scope(&q, sc, "a.terminal", "a.user_id", 0);
	/* newest first, in the same order at every terminal (ids are each
	 * store's own; helper-241: two plans of one second differed) */
	qb_add(&q, " ORDER BY a.created_at DESC, p.plan_no DESC", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return NULL;
	out = st_collect(st, s, sizeof(struct arrangement), read_arr, n,
	    "reading arrangements", err);
	db_finalize(s);
	return out;
}

void
store_plan_mark_top(struct store *st, struct plan_mark *top)
{
	top->allocs =
	    st_count(st, "SELECT coalesce(max(id), 0) FROM allocations");
	top->credits = st_count(
	    st, "SELECT coalesce(max(id), 0) FROM credit_applications");
	top->moves =
	    st_count(st, "SELECT coalesce(max(id), 0) FROM arrangement_moves");
	top->events =
	    st_count(st, "SELECT coalesce(max(id), 0) FROM arrangement_events");
	top->arrs =
	    st_count(st, "SELECT coalesce(max(id), 0) FROM arrangements");
}

struct arrangement *
store_arr_list_touched(struct store *st, const char *from, const char *until,
    const struct plan_mark *mark, size_t *n, struct pd_err *err)
{
	/* the open installments falling due in the window by an index of
	 * the open items' due dates (a few days' open items); what changed
	 * since by the primary keys, each row's item by its id (CROSS
	 * JOIN: SQLite read every installment to probe its credits and
	 * moves); the plans first, then their consumers (it scanned every
	 * consumer, to find each one's plans) */
	struct db_stmt *s;

	*n = 0;
	s = st_stmt(st,
	    "SELECT " ARR_COLS " FROM arrangements a CROSS JOIN plans p ON"
	    " p.id = a.plan_id CROSS JOIN consumers c ON c.id = a.consumer_id"
	    " WHERE a.plan_id IN (SELECT plan_id FROM items WHERE due_on >="
	    " date(?1, '-' || (SELECT coalesce(max(grace_days), 0) + 1 FROM"
	    " arrangements) || ' days') AND due_on <= ?2 AND settled < amount"
	    " AND plan_id IS NOT NULL UNION SELECT i.plan_id FROM allocations"
	    " x CROSS JOIN items i ON i.id = x.item_id WHERE x.id > ?3 AND"
	    " i.plan_id IS NOT NULL UNION SELECT i.plan_id FROM"
	    " credit_applications c CROSS JOIN items i ON i.id = c.item_id"
	    " WHERE c.id > ?4 AND i.plan_id IS NOT NULL UNION SELECT"
	    " i.plan_id FROM arrangement_moves m CROSS JOIN items i ON i.id ="
	    " m.item_id WHERE m.id > ?5 AND i.plan_id IS NOT NULL) OR a.id IN"
	    " (SELECT arrangement_id FROM arrangement_events WHERE id > ?6) OR"
	    " a.id > ?7 ORDER BY a.id DESC",
	    err);
	if (s == NULL)
		return NULL;
	st_bind(s, "ssiiiii", from, until, mark->allocs, mark->credits,
	    mark->moves, mark->events, mark->arrs);
	return st_collect(st, s, sizeof(struct arrangement), read_arr, n,
	    "reading arrangements", err);
}

static void
read_arr_item(struct db_stmt *s, void *elem)
{
	struct arr_item *a = elem;

	store_read_item(s, 0, &a->it);
	a->moved = db_column_int64(s, 13);
	/* the last day anything was paid into it; the day it was paid in
	 * full once it is settled (helper-245, fault 4: a partly paid one
	 * whose rest a cancel moved read "Paid on" that day) */
	st_col(s, 14, a->last_paid_on, sizeof a->last_paid_on);
	if (a->it.settled >= a->it.amount)
		memcpy(a->paid_on, a->last_paid_on, sizeof a->paid_on);
	else
		a->paid_on[0] = '\0';
	/* what its own event took off it (a payment made meanwhile
	 * elsewhere, arrange_sync.c): paid of it, as the account shows it
	 * (it was a smaller installment of the same amount in the item:
	 * the plan and the account disagreed) */
	a->absorbed = db_column_int64(s, 15);
	a->resched = (int)db_column_int64(s, 16);
	a->in_force = db_column_int(s, 17);
	st_col(s, 18, a->moved_on, sizeof a->moved_on);
}

/* A credit application that still holds its item: not undone (listed in
 * sync_undone, by its primary key: an application an uphold the central
 * node refused took back, dispute_undo.c, or a credit-note void gave
 * back, credit_void.c) (review 21, session 41: an undone application
 * still dated the installment it no longer paid, Late) */
#define LIVE_CA "NOT EXISTS (SELECT 1 FROM sync_undone u WHERE u.uuid = c.uuid)"

/* 1 when installment ALIAS was made by the latest create or reschedule
 * of its plan (the schedule in force: review 21b, fault 7), or by no
 * event; 0 when by a schedule a later reschedule followed */
#define ARR_IN_FORCE_OF(alias, arr)                                            \
	"CASE WHEN " alias ".arr_event IS NULL OR " alias ".arr_event = "      \
	"(SELECT max(e.id) FROM arrangement_events e WHERE "                   \
	"e.arrangement_id = " arr                                              \
	" AND e.kind <> 'cancel' AND" ARR_EVENT_LIVE(                          \
	    "e") ") THEN 1 ELSE 0 END"
#define ARR_IN_FORCE(alias)                                                    \
	ARR_IN_FORCE_OF(alias, "(SELECT x.arrangement_id FROM "                \
	                       "arrangement_events x WHERE x.id = " alias      \
	                       ".arr_event)")

/* The day installment i was paid in full: the latest day of a payment
 * that pays it as it stands (its allocations to it net above zero) or of
 * a credit application to it; '' if none. A payment carried off it, or
 * voided, no longer counts: it counted at the terminal that carried it
 * and nowhere else (helper-242, fault 4: a Replaced installment was
 * "Paid on" 06-16 at the terminal whose reschedule was refused, by the
 * payment carried off it, and 06-15 at every other node). */
#define PAID_ON_LAST                                                           \
	"coalesce((SELECT max(u.d) FROM (SELECT y.paid_on AS d FROM "          \
	"allocations x JOIN payments y ON y.id = x.payment_id WHERE "          \
	"x.item_id = i.id GROUP BY y.id, y.paid_on HAVING sum(x.amount) > 0 "  \
	"UNION ALL SELECT c.applied_on FROM credit_applications c WHERE "      \
	"c.item_id = i.id AND " LIVE_CA ") AS u), '')"

/* An installment's columns after ITEM_COLS (read_arr_item): paid on
 * the latest day a payment or a credit went to it, when anything was
 * (each read once: the daily pass reads every plan's); moved: what later events
 * closed of it; then what its own event took off it, whether a
 * reschedule made it, whether the schedule in force did; then the day of
 * the first later event that closed some of it ("" if none) */
#define ARR_ITEM_MORE                                                          \
	", coalesce((SELECT sum(amount) FROM "                                 \
	"arrangement_moves WHERE item_id = i.id AND event_id IS NOT "          \
	"i.arr_event), 0) AS moved, CASE WHEN "                                \
	"i.settled > (SELECT coalesce(sum(amount), 0) FROM "                   \
	"arrangement_moves WHERE item_id = i.id) THEN " PAID_ON_LAST           \
	" ELSE '' END, "                                                       \
	"coalesce((SELECT "                                                    \
	"sum(amount) FROM arrangement_moves WHERE item_id = i.id AND "         \
	"event_id = i.arr_event), 0), CASE WHEN (SELECT kind FROM "            \
	"arrangement_events WHERE id = i.arr_event) = 'reschedule' THEN 1 "    \
	"ELSE 0 END, " ARR_IN_FORCE(                                           \
	    "i") ", coalesce((SELECT "                                         \
	         "min(substr(e.at, 1, 10)) FROM arrangement_moves m JOIN "     \
	         "arrangement_events e ON e.id = m.event_id WHERE m.item_id "  \
	         "= i.id "                                                     \
	         "AND m.event_id IS NOT i.arr_event AND" ARR_EVENT_LIVE(       \
	             "e") "), '')"

struct arr_item *
store_arr_items(struct store *st, int64_t arr_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " ITEM_COLS ARR_ITEM_MORE " FROM " ITEM_FROM
	    " WHERE i.plan_id = (SELECT plan_id FROM arrangements WHERE id = "
	    "?) AND i.inst_no IS NOT NULL ORDER BY i.inst_no",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", arr_id);
	return st_collect(st, s, sizeof(struct arr_item), read_arr_item, n,
	    "reading installments", err);
}

/* An installment as svc_kept_overdue's compliance reads it: amount,
 * settled, due day, moved, the day it was paid in full (read for any
 * item settled: kept only if more was paid of it than moves took off
 * it, moved + absorbed being every move of it), absorbed; then its
 * arrangement's terms; whether it is in force; its id. */
void
st_read_arr_item_of(struct db_stmt *s, void *elem)
{
	struct arr_item_of *a = elem;

	memset(a, 0, sizeof *a);
	a->amount = db_column_int64(s, 0);
	a->settled = db_column_int64(s, 1);
	st_col(s, 2, a->due_on, sizeof a->due_on);
	a->moved = db_column_int64(s, 3);
	a->absorbed = db_column_int64(s, 5);
	if (a->settled > a->moved + a->absorbed)
		st_col(s, 4, a->paid_on, sizeof a->paid_on);
	a->arr_id = db_column_int64(s, 6);
	a->consumer_id = db_column_int64(s, 7);
	a->grace_days = db_column_int(s, 8);
	a->misses_allowed = db_column_int(s, 9);
	a->in_force = db_column_int(s, 10);
	a->item_id = db_column_int64(s, 11);
}

/* An installment as st_read_arr_item_of reads it, of the arrangements not
 * cancelled (store_arr_items_overdue). Whether it is in force
 * (ARR_IN_FORCE_OF) by its plan's last event found once per plan (le,
 * joined before the plan's items: CROSS JOIN keeps that order, and the
 * order of the rows, so nothing is sorted): found for each installment,
 * it was 0.08 s of 123,080 installments at 10M. */
#define ARR_ITEM_OF                                                            \
	"SELECT i.amount, i.settled, i.due_on, coalesce((SELECT sum("          \
	"amount) FROM arrangement_moves WHERE item_id = i.id AND event_id "    \
	"IS NOT i.arr_event), 0), CASE WHEN i.settled = i.amount "             \
	"THEN " PAID_ON_LAST " ELSE '' END, "                                  \
	"coalesce((SELECT sum(amount) FROM arrangement_moves WHERE item_id "   \
	"= i.id AND +event_id = i.arr_event), 0), a.id, a.consumer_id, "       \
	"a.grace_days, a.misses_allowed, CASE WHEN i.arr_event IS NULL OR "    \
	"i.arr_event = le.id THEN 1 ELSE 0 END, i.id FROM arrangements a "     \
	"LEFT JOIN "                                                           \
	"arrangement_events le ON le.id = (SELECT max(e.id) FROM "             \
	"arrangement_events e WHERE e.arrangement_id = a.id AND e.kind <> "    \
	"'cancel' AND" ARR_EVENT_LIVE("e") ") CROSS JOIN items i ON "          \
	                                   "i.plan_id = a.plan_id WHERE "      \
	                                   "a.cancelled = 0"

struct arr_item_of *
store_arr_items_overdue(
    struct store *st, const char *among, size_t *n, struct pd_err *err)
{
	/* one statement for every plan the disconnection list asks about
	 * (a look-up per consumer cost more than the list at 10M); the
	 * plans first (a probe per plan of the consumer's items scanned
	 * every item's (plan_id, inst_no)); only the columns compliance
	 * reads, every move of an item summed once (ARR_ITEM_MORE sums
	 * them twice: ~120,000 installments at 10M). What its own event
	 * moved of an installment is found by the item's moves (+event_id:
	 * by the event's, SQLite read every move the event made, held
	 * bills too, for each installment); ordered by consumer first, the
	 * order the plans are read in (arrangements_consumer, the consumers
	 * listed in order), so that nothing is sorted (by plan, 120,000
	 * rows went through a sorter). among NULL: every consumer's; else
	 * the consumers its JSON array names (the disconnection list's
	 * own, grouped once: grouping ~255,000 open items again to find
	 * them was 0.24 s at 10M; IN reads them in order, no sorter). */
	struct db_stmt *s = st_stmt(st,
	    among == NULL
	        ? ARR_ITEM_OF " ORDER BY a.consumer_id, a.id, i.inst_no"
	        : ARR_ITEM_OF " AND a.consumer_id IN (SELECT value FROM "
	                      "json_each(?1)) ORDER BY a.consumer_id, a.id, "
	                      "i.inst_no",
	    err);

	if (s == NULL)
		return NULL;
	if (among != NULL)
		st_bind(s, "s", among);
	return st_collect(st, s, sizeof(struct arr_item_of),
	    st_read_arr_item_of, n, "reading installments", err);
}

struct arr_item_of *
store_arr_items_open(
    struct store *st, const char *cutoff, size_t *n, struct pd_err *err)
{
	/* the disconnection list's plans (svc_kept_open): a consumer's
	 * plans are read whole, for whether he keeps one, and with them
	 * the Broken plans that add to his debt (an installment open due
	 * after cutoff). The consumers first, by arrangements_consumer and
	 * a probe of each plan's items by their (plan_id, inst_no) (+: the
	 * open and due terms filter, they do not lead; stale statistics of
	 * items_owed had SQLite read every open item due after cutoff for
	 * each plan), in order: then as store_arr_items_overdue. This read
	 * replaces two (10M store, 2026-06-15: 20,440 plans, 123,080
	 * installments): the plans that might be Broken found in SQL (0.24
	 * s) and then the compliance of the plans of those listed who have
	 * one (0.29 s), the same plans read twice. */
	struct db_stmt *s = st_stmt(st,
	    ARR_ITEM_OF " AND a.consumer_id IN (SELECT b.consumer_id FROM "
	                "arrangements b WHERE b.cancelled = 0 AND EXISTS ("
	                "SELECT 1 FROM items x WHERE x.plan_id = b.plan_id "
	                "AND +x.settled < x.amount AND +x.due_on > ?1)) "
	                "ORDER BY a.consumer_id, a.id, i.inst_no",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "s", cutoff);
	return st_collect(st, s, sizeof(struct arr_item_of),
	    st_read_arr_item_of, n, "reading installments", err);
}
#undef ARR_ITEM_OF

static void
read_hold(struct db_stmt *s, void *elem)
{
	struct arr_hold *h = elem;

	h->item_id = db_column_int64(s, 0);
	st_col(s, 1, h->ref, sizeof h->ref);
	h->held = db_column_int64(s, 2);
}

struct arr_hold *
store_arr_holds(struct store *st, int64_t arr_id, size_t *n, struct pd_err *err)
{
	/* the plan's own installments are not what it holds (grouped by
	 * the item's ref too: PostgreSQL wants every column so, issue 22);
	 * one it holds nothing of now, only where a cancel of it (not one
	 * undone here) gave it back, as at every node: a create that gave
	 * way here for a payment of the item, where the central node cut
	 * its move to nothing, listed it at 0.00 at its maker alone
	 * (helper-245, fault 2) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT m.item_id, i.ref, sum(m.amount) FROM arrangement_moves m "
	    "JOIN arrangement_events e ON e.id = m.event_id JOIN items i ON "
	    "i.id = m.item_id WHERE e.arrangement_id = ?1 AND i.plan_id IS "
	    "NOT (SELECT plan_id FROM arrangements WHERE id = ?1) GROUP BY "
	    "m.item_id, i.ref HAVING sum(m.amount) <> 0 OR sum(CASE WHEN "
	    "e.kind = 'cancel' AND NOT EXISTS (SELECT 1 FROM sync_undone u "
	    "WHERE u.uuid = e.uuid) THEN 1 ELSE 0 END) > 0 ORDER BY "
	    "min(m.id)",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", arr_id);
	return st_collect(st, s, sizeof(struct arr_hold), read_hold, n,
	    "reading what an arrangement holds", err);
}

int
store_arr_installment(
    struct store *st, int64_t item_id, int64_t event_id, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "UPDATE items SET arr_event = ? WHERE id = ?", err);

	st_push_rows_forget(st);
	if (s == NULL)
		return -1;
	st_bind(s, "ii", event_id, item_id);
	return st_done(st, s, err);
}

int
store_arr_by_id(
    struct store *st, int64_t id, struct arrangement *a, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " ARR_COLS " FROM " ARR_FROM " WHERE a.id = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = st_one(st, s, read_arr, a, _("Reading an arrangement"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No payment arrangement with id %lld"), (long long)id);
	return rc;
}
