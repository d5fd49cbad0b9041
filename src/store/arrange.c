/* arrange.c - payment arrangements, their events and the debt they move
 * (issue 21; schema.c has the tables and why). */
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"
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
	    "?, cancelled = ?, changes = ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "dssddi", a->n, arr_freq_name(a->freq), a->first_due,
	    a->cancelled, a->changes, a->id);
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
	            "NOT EXISTS (SELECT 1 FROM arrangement_events e JOIN "
	            "sync_undone u ON u.uuid = e.uuid WHERE e.arrangement_id = "
	            "a.id AND e.kind = 'create')");
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

int
store_arr_event(struct store *st, int64_t arr_id, const struct arr_event *e,
    int64_t *event_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO arrangement_events (uuid, arrangement_id, kind, "
	    "reason, at, user_id, by, terminal) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "(SELECT id FROM users WHERE username = ?6), ?6, ?7)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sisssss", e->uuid, arr_id, e->kind, e->reason, e->at, e->by,
	    e->terminal);
	if (st_done(st, s, err) != 0)
		return -1;
	*event_id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_arr_move(struct store *st, int64_t event_id, int64_t item_id,
    int64_t amount, int64_t arr_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO arrangement_moves (event_id, item_id, amount) "
	    "VALUES (?, ?, ?)",
	    err);

	st_push_rows_forget(st);
	if (s == NULL)
		return -1;
	st_bind(s, "iii", event_id, item_id, amount);
	if (st_done(st, s, err) != 0)
		return -1;
	s = st_stmt(st,
	    "UPDATE items SET settled = settled + ?1, under_plan = CASE WHEN "
	    "?2 = 0 THEN under_plan WHEN ?1 > 0 THEN (SELECT plan_id FROM "
	    "arrangements WHERE id = ?2) WHEN (SELECT coalesce(sum(amount), 0) "
	    "FROM arrangement_moves WHERE item_id = ?3) > 0 THEN under_plan "
	    "END WHERE id = ?3",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "iii", amount, arr_id, item_id);
	return st_done(st, s, err);
}

static void
read_arr_item(struct db_stmt *s, void *elem)
{
	struct arr_item *a = elem;

	store_read_item(s, 0, &a->it);
	a->moved = db_column_int64(s, 13);
	st_col(s, 14, a->paid_on, sizeof a->paid_on);
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
	"e.arrangement_id = " arr " AND e.kind <> 'cancel') THEN 1 ELSE 0 END"
#define ARR_IN_FORCE(alias)                                                    \
	ARR_IN_FORCE_OF(alias, "(SELECT x.arrangement_id FROM "                \
	                       "arrangement_events x WHERE x.id = " alias      \
	                       ".arr_event)")

/* An installment's columns after ITEM_COLS (read_arr_item): paid in
 * full on the latest day a payment or a credit went to it (each read
 * once: the daily pass reads every plan's); moved: what later events
 * closed of it; then what its own event took off it, whether a
 * reschedule made it, whether the schedule in force did; then the day of
 * the first later event that closed some of it ("" if none) */
#define ARR_ITEM_MORE                                                          \
	", coalesce((SELECT sum(amount) FROM "                                 \
	"arrangement_moves WHERE item_id = i.id AND event_id IS NOT "          \
	"i.arr_event), 0) AS moved, CASE WHEN "                                \
	"i.settled = i.amount AND i.settled > (SELECT "                        \
	"coalesce(sum(amount), "                                               \
	"0) FROM arrangement_moves WHERE item_id = i.id) THEN "                \
	"coalesce((SELECT max(u.d) FROM (SELECT y.paid_on AS d FROM "          \
	"allocations x JOIN payments y ON y.id = x.payment_id WHERE "          \
	"x.item_id = i.id AND x.amount > 0 UNION ALL SELECT c.applied_on "     \
	"FROM credit_applications c WHERE c.item_id = i.id AND " LIVE_CA       \
	") AS u), '') ELSE '' END, "                                           \
	"coalesce((SELECT "                                                    \
	"sum(amount) FROM arrangement_moves WHERE item_id = i.id AND "         \
	"event_id = i.arr_event), 0), CASE WHEN (SELECT kind FROM "            \
	"arrangement_events WHERE id = i.arr_event) = 'reschedule' THEN 1 "    \
	"ELSE 0 END, " ARR_IN_FORCE(                                           \
	    "i") ", coalesce((SELECT "                                         \
	         "min(substr(e.at, 1, 10)) FROM arrangement_moves m JOIN "     \
	         "arrangement_events e ON e.id = m.event_id WHERE m.item_id "  \
	         "= i.id "                                                     \
	         "AND m.event_id IS NOT i.arr_event), '')"

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
	"IS NOT i.arr_event), 0), CASE WHEN i.settled = i.amount THEN "        \
	"coalesce((SELECT max(u.d) FROM (SELECT y.paid_on AS d FROM "          \
	"allocations x JOIN payments y ON y.id = x.payment_id WHERE "          \
	"x.item_id = i.id AND x.amount > 0 UNION ALL SELECT c.applied_on "     \
	"FROM credit_applications c WHERE c.item_id = i.id AND " LIVE_CA       \
	") AS u), '') ELSE '' END, "                                           \
	"coalesce((SELECT sum(amount) FROM arrangement_moves WHERE item_id "   \
	"= i.id AND +event_id = i.arr_event), 0), a.id, a.consumer_id, "       \
	"a.grace_days, a.misses_allowed, CASE WHEN i.arr_event IS NULL OR "    \
	"i.arr_event = le.id THEN 1 ELSE 0 END, i.id FROM arrangements a "     \
	"LEFT JOIN "                                                           \
	"arrangement_events le ON le.id = (SELECT max(e.id) FROM "             \
	"arrangement_events e WHERE e.arrangement_id = a.id AND e.kind <> "    \
	"'cancel') CROSS JOIN items i ON i.plan_id = a.plan_id WHERE "         \
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
	 * the item's ref too: PostgreSQL wants every column so, issue 22) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT m.item_id, i.ref, sum(m.amount) FROM arrangement_moves m "
	    "JOIN arrangement_events e ON e.id = m.event_id JOIN items i ON "
	    "i.id = m.item_id WHERE e.arrangement_id = ?1 AND i.plan_id IS "
	    "NOT (SELECT plan_id FROM arrangements WHERE id = ?1) GROUP BY "
	    "m.item_id, i.ref ORDER BY min(m.id)",
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

/* An event's columns (EVENT_COLS, read_event): undone when the central
 * node refused it and this terminal undid it (arrange_undo.c) */
#define EVENT_COLS                                                             \
	"e.id, e.arrangement_id, e.uuid, e.kind, e.reason, e.at, e.by, "       \
	"e.terminal, EXISTS (SELECT 1 FROM sync_undone u WHERE u.uuid = "      \
	"e.uuid) FROM arrangement_events e "

static void
read_event(struct db_stmt *s, void *elem)
{
	struct arr_event_row *e = elem;

	memset(e, 0, sizeof *e);
	e->id = db_column_int64(s, 0);
	e->arr_id = db_column_int64(s, 1);
	st_col(s, 2, e->uuid, sizeof e->uuid);
	st_col(s, 3, e->kind, sizeof e->kind);
	st_col(s, 4, e->reason, sizeof e->reason);
	st_col(s, 5, e->at, sizeof e->at);
	st_col(s, 6, e->by, sizeof e->by);
	st_col(s, 7, e->terminal, sizeof e->terminal);
	e->undone = db_column_int(s, 8);
}

int
store_arr_event_read(struct store *st, int64_t event_id, const char *uuid,
    struct arr_event_row *e, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " EVENT_COLS "WHERE e.id = ?1 OR (?1 = 0 AND e.uuid = ?2)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "is", event_id, uuid);
	return st_one(
	    st, s, read_event, e, _("Reading an arrangement's event"), err);
}

struct arr_event_row *
store_arr_events(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " EVENT_COLS "WHERE e.arrangement_id = ? ORDER BY e.at, "
	    "e.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", arr_id);
	return st_collect(st, s, sizeof(struct arr_event_row), read_event, n,
	    "reading an arrangement's events", err);
}
#undef EVENT_COLS

static void
read_move(struct db_stmt *s, void *elem)
{
	struct arr_move *m = elem;

	st_col(s, 0, m->item_uuid, sizeof m->item_uuid);
	st_col(s, 1, m->item_ref, sizeof m->item_ref);
	m->amount = db_column_int64(s, 2);
}

struct arr_move *
store_arr_event_moves(
    struct store *st, int64_t event_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT i.uuid, i.ref, m.amount FROM arrangement_moves m JOIN "
	    "items i ON i.id = m.item_id WHERE m.event_id = ? ORDER BY m.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", event_id);
	return st_collect(st, s, sizeof(struct arr_move), read_move, n,
	    "reading an arrangement's moves", err);
}

static void
read_item_at0(struct db_stmt *s, void *elem)
{
	store_read_item_entered(s, 0, elem);
}

struct item *
store_arr_event_items(
    struct store *st, int64_t event_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " ITEM_COLS ITEM_ENTERED " FROM " ITEM_FROM
	    " WHERE i.arr_event = ? ORDER BY i.inst_no",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", event_id);
	return st_collect(st, s, sizeof(struct item), read_item_at0, n,
	    "reading an arrangement's installments", err);
}

/* The first two columns of a row, into an int64_t[2]. */
static void
read_pair(struct db_stmt *s, void *elem)
{
	int64_t *v = elem;

	v[0] = db_column_int64(s, 0);
	v[1] = db_column_int64(s, 1);
}

/* Two figures of an item (s, of its id ?1; at most one row): into *a
 * and *b, 0 with no row; -1 an error. */
static int
item_pair(struct store *st, struct db_stmt *s, int64_t item_id, int64_t *a,
    int64_t *b, struct pd_err *err)
{
	int64_t v[2] = {0, 0};

	if (s == NULL || st_bind(s, "i", item_id) != 0 ||
	    st_one(st, s, read_pair, v, _("Reading an item's arrangement"),
	        err) < 0)
		return -1;
	*a = v[0];
	*b = v[1];
	return 0;
}

int
store_arr_own_absorbed(struct store *st, int64_t item_id, int64_t *event_id,
    int64_t *absorbed, struct pd_err *err)
{
	return item_pair(st,
	    st_stmt(st,
	        "SELECT coalesce(i.arr_event, 0), coalesce((SELECT "
	        "sum(m.amount) FROM arrangement_moves m WHERE m.item_id = i.id "
	        "AND m.event_id = i.arr_event), 0) FROM items i WHERE i.id = "
	        "?1",
	        err),
	    item_id, event_id, absorbed, err);
}

int
store_arr_item_moved(struct store *st, int64_t item_id, int64_t *moved,
    int64_t *event_id, int64_t *arr_id, struct pd_err *err)
{
	struct db_stmt *s;

	*moved = *event_id = *arr_id = 0;
	if (item_pair(st,
	        st_stmt(st,
	            "SELECT coalesce((SELECT sum(amount) FROM "
	            "arrangement_moves "
	            "WHERE item_id = ?1), 0), coalesce((SELECT m.event_id FROM "
	            "arrangement_moves m WHERE m.item_id = ?1 AND m.amount > 0 "
	            "ORDER BY m.id DESC LIMIT 1), 0)",
	            err),
	        item_id, moved, event_id, err) != 0)
		return -1;
	if (*event_id == 0)
		return 0;
	s = st_stmt(st,
	    "SELECT arrangement_id FROM arrangement_events WHERE id = ?", err);
	if (s == NULL)
		return -1;
	st_bind(s, "i", *event_id);
	if (db_step(s) == DB_ROW)
		*arr_id = db_column_int64(s, 0);
	db_reset(s);
	return 0;
}

/* One figure of a statement of one id (?1), at most one row: *v its
 * first column, 0 when there is no row; -1 an error (what failed). */
static int
figure_of(struct store *st, struct db_stmt *s, int64_t id, int64_t *v,
    const char *what, struct pd_err *err)
{
	*v = 0;
	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	return st_one(st, s, st_read_int64, v, what, err) < 0 ? -1 : 0;
}

int
store_arr_cancel_event(
    struct store *st, int64_t arr_id, int64_t *event_id, struct pd_err *err)
{
	return figure_of(st,
	    st_stmt(st,
	        "SELECT id FROM arrangement_events WHERE arrangement_id = ? "
	        "AND kind = 'cancel' ORDER BY id DESC LIMIT 1",
	        err),
	    arr_id, event_id, _("Reading an arrangement's event"), err);
}

int
store_arr_event_place(struct store *st, int64_t arr_id, int64_t event_id,
    int64_t *later, char **prev_payload, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT (SELECT count(*) FROM arrangement_events WHERE "
	    "arrangement_id = ?1 AND id > ?2), (SELECT o.payload FROM "
	    "arrangement_events e JOIN outbox o ON o.uuid = e.uuid WHERE "
	    "e.arrangement_id = ?1 AND e.id < ?2 ORDER BY e.id DESC LIMIT 1)",
	    err);
	const unsigned char *p;
	int rc;

	*later = 0;
	*prev_payload = NULL;
	if (s == NULL)
		return -1;
	st_bind(s, "ii", arr_id, event_id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*later = db_column_int64(s, 0);
		p = db_column_text(s, 1);
		if (p != NULL)
			*prev_payload = xstrdup((const char *)p);
	}
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading an arrangement's event"));
	return 0;
}

int
store_arr_item_undone(
    struct store *st, int64_t item_id, int *undone, struct pd_err *err)
{
	int64_t n;
	int rc = figure_of(st,
	    st_stmt(st,
	        "SELECT count(*) FROM items i JOIN arrangement_events e ON e.id "
	        "= i.arr_event JOIN outbox o ON o.uuid = e.uuid WHERE i.id = ? "
	        "AND o.rejected_at IS NOT NULL",
	        err),
	    item_id, &n, _("Reading an installment"), err);

	*undone = n > 0;
	return rc;
}

int
store_arr_item_closer(
    struct store *st, int64_t item_id, int64_t *event_id, struct pd_err *err)
{
	return figure_of(st,
	    st_stmt(st,
	        "SELECT coalesce((SELECT m.event_id FROM arrangement_moves m "
	        "JOIN items i ON i.id = m.item_id WHERE m.item_id = ?1 AND "
	        "m.amount > 0 AND m.event_id IS NOT i.arr_event ORDER BY m.id "
	        "DESC LIMIT 1), 0)",
	        err),
	    item_id, event_id, _("Reading an installment"), err);
}

int
store_arr_retire_items(
    struct store *st, int64_t event_id, const char *tag, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE items SET ref = ref || '~' || ?2, inst_no = NULL WHERE "
	    "arr_event = ?1 AND inst_no IS NOT NULL",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "is", event_id, tag);
	return st_done(st, s, err);
}

int
store_item_made_on(
    struct store *st, int64_t item_id, char day[11], struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT substr(e.at, 1, 10) FROM items i JOIN arrangement_events"
	    " e ON e.id = i.arr_event WHERE i.id = ?",
	    err);
	int rc;

	day[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "i", item_id);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, day, 11);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading the arrangements"));
}
