/* arrange_events.c - a payment arrangement's events (its create, each
 * reschedule, the cancel) and the moves of debt each made: written, read
 * back, placed, and retired when its terminal undoes one the central
 * node refused (issue 21; schema.c has the tables and why; the plans and
 * their installments are arrange.c's). */
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"
#include "paydesk/arrange.h"
#include "paydesk/i18n.h"

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

int
store_arr_item_holder(struct store *st, int64_t item_id, int64_t except_ev,
    int64_t *event_id, int64_t *held, int64_t *arr_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT m.event_id, sum(m.amount), e.arrangement_id FROM "
	    "arrangement_moves m JOIN arrangement_events e ON e.id = "
	    "m.event_id WHERE m.item_id = ?1 AND m.event_id <> ?2 GROUP BY "
	    "m.event_id, e.arrangement_id HAVING sum(m.amount) > 0 ORDER BY "
	    "max(m.id) DESC LIMIT 1",
	    err);
	int rc;

	*event_id = *held = *arr_id = 0;
	if (s == NULL)
		return -1;
	st_bind(s, "ii", item_id, except_ev);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*event_id = db_column_int64(s, 0);
		*held = db_column_int64(s, 1);
		*arr_id = db_column_int64(s, 2);
	}
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading an arrangement's moves"));
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
	        "SELECT count(*) FROM items i JOIN arrangement_events e ON "
	        "e.id "
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
