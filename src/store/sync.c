/* sync.c - the terminal's outbox queue, records by uuid, reference data
 * as the central node masters it, and the central node's feed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/search.h"
#include "paydesk/xmalloc.h"

#define OUTBOX_COLS                                                            \
	"id, uuid, kind, ref, created_at, attempts, payload, "                 \
	"coalesce(rejected_at, ''), reject_reason"

static void
read_outbox(struct db_stmt *s, void *elem)
{
	struct outbox_rec *r = elem;
	const char *p = (const char *)db_column_text(s, 6);

	memset(r, 0, sizeof *r);
	r->id = db_column_int64(s, 0);
	st_col(s, 1, r->uuid, sizeof r->uuid);
	st_col(s, 2, r->kind, sizeof r->kind);
	st_col(s, 3, r->ref, sizeof r->ref);
	st_col(s, 4, r->created_at, sizeof r->created_at);
	r->attempts = db_column_int(s, 5);
	r->payload = xstrdup(p ? p : "");
	st_col(s, 7, r->rejected_at, sizeof r->rejected_at);
	st_col(s, 8, r->reason, sizeof r->reason);
}

struct outbox_rec *
store_outbox_next(struct store *st, int64_t after, size_t limit, size_t *n,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " OUTBOX_COLS " FROM outbox WHERE sent_at IS NULL AND "
	    "rejected_at IS NULL AND id > ? ORDER BY id LIMIT ?",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ii", after, (int64_t)limit);
	return st_collect(st, s, sizeof(struct outbox_rec), read_outbox, n,
	    "reading the outbox", err);
}

struct outbox_rec *
store_outbox_quarantine(struct store *st, size_t *n, struct pd_err *err)
{
	/* the records the central node rejected, then the pulled ones this
	 * terminal set aside (id 0: not in the outbox) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT * FROM (SELECT " OUTBOX_COLS " FROM outbox WHERE "
	    "rejected_at IS NOT NULL ORDER BY id) UNION ALL SELECT * FROM "
	    "(SELECT 0, uuid, kind, ref, created_at, 0, payload, "
	    "set_aside_at, reason FROM pull_quarantine ORDER BY id)",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct outbox_rec), read_outbox, n,
	    "reading the quarantine", err);
}

int
store_sync_refusal(
    struct store *st, const char *uuid, char *why, size_t n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT reject_reason FROM outbox WHERE uuid = ?1 AND rejected_at "
	    "IS NOT NULL UNION ALL SELECT reason FROM pull_quarantine WHERE "
	    "uuid = ?1 LIMIT 1",
	    err);
	int rc;

	why[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, why, n);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading the quarantine"));
}

void
store_outbox_free(struct outbox_rec *r, size_t n)
{
	size_t i;

	for (i = 0; r != NULL && i < n; i++)
		free(r[i].payload);
	free(r);
}

int
store_outbox_ack(
    struct store *st, const char *uuid, const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, "
	    "last_error = '', rejected_at = NULL, reject_reason = '' WHERE "
	    "uuid = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ss", at, uuid);
	return st_done(st, s, err);
}

int
store_outbox_reject(struct store *st, const char *uuid, const char *reason,
    const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE outbox SET rejected_at = ?, reject_reason = ?, "
	    "attempts = attempts + 1 WHERE uuid = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", at, reason, uuid);
	return st_done(st, s, err);
}

int
store_outbox_rejected(struct store *st, const char *uuid, char *reason,
    size_t size, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT reject_reason FROM outbox WHERE uuid = ? AND rejected_at "
	    "IS NOT NULL",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, reason, size);
	db_reset(s);
	if (rc == DB_ROW)
		return 1;
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading the outbox"));
}

int
store_outbox_attempt(struct store *st, int64_t first, int64_t last,
    const char *error, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE "
	    "id BETWEEN ? AND ? AND sent_at IS NULL AND rejected_at IS NULL",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sii", error, first, last);
	return st_done(st, s, err);
}

int
store_outbox_retry(struct store *st, const char *uuid, struct pd_err *err)
{
	int pulled;
	struct db_stmt *s = st_stmt(st,
	    "UPDATE outbox SET rejected_at = NULL, reject_reason = '' WHERE "
	    "uuid = ? AND rejected_at IS NOT NULL",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 0)
		return 0;
	s = st_stmt(st, "SELECT 1 FROM pull_quarantine WHERE uuid = ?", err);
	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	pulled = db_step(s) == DB_ROW;
	db_reset(s);
	if (pulled)
		return pd_fail(err, PD_EINVAL,
		    _("Record %s was pulled from the central node and refused "
		      "here; it is kept for the operator and cannot be queued"),
		    uuid);
	return pd_fail(
	    err, PD_ENOTFOUND, _("No quarantined record \"%s\""), uuid);
}

int
store_pull_set_aside(struct store *st, int64_t seq, const struct outbox_rec *r,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO pull_quarantine (seq, uuid, kind, ref, created_at, "
	    "payload, reason, set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "isssssss", seq, r->uuid, r->kind, r->ref, r->created_at,
	    r->payload, r->reason, r->rejected_at);
	return st_done(st, s, err);
}

int64_t
store_outbox_pending(struct store *st)
{
	/* the queue's partial index, which the planner passes over for a
	 * scan of every record sent (a push counted 100,000 of them at each
	 * batch: 1.6 s of the terminal's 5.5 s in statements) */
	return st_count(st, "SELECT count(*) FROM outbox INDEXED BY "
	                    "outbox_queue WHERE sent_at IS NULL AND "
	                    "rejected_at IS NULL");
}

int
store_outbox_was_rejected(
    struct store *st, const char *uuid, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(*) FROM outbox WHERE uuid = ? AND rejected_at IS "
	    "NOT NULL",
	    err);
	int64_t n = 0;

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	if (db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	db_reset(s);
	return n > 0;
}

int64_t
store_outbox_quarantined(struct store *st)
{
	return st_count(st, "SELECT (SELECT count(*) FROM outbox WHERE "
	                    "rejected_at IS NOT NULL) + (SELECT count(*) FROM "
	                    "pull_quarantine)");
}

/* Whether key's row id in table t is one a push read with its batch's
 * (push_rows.c) or one looked up before in this transaction (memo). */
static int
id_memo(const struct store *st, enum store_table t, const char *key)
{
	return (t == TBL_CONSUMERS || t == TBL_ITEMS) && st->depth > 0 &&
	       strlen(key) < sizeof st->ids[0].key;
}

static int
id_known(struct store *st, enum store_table t, const char *key, int64_t *id)
{
	int i;

	*id = 0;
	if ((t == TBL_CONSUMERS || t == TBL_ITEMS) &&
	    st_push_rows_id(st, t == TBL_ITEMS, key, id))
		return 1;
	for (i = 0; id_memo(st, t, key) && i < st->nids; i++)
		if (st->ids[i].t == (int)t &&
		    strcmp(st->ids[i].key, key) == 0) {
			*id = st->ids[i].id;
			return 1;
		}
	return 0;
}

/* Keep the row id found for key (not 0: a row made later is not seen). */
static void
id_keep(struct store *st, enum store_table t, const char *key, int64_t id)
{
	int i;

	if (!id_memo(st, t, key) || id == 0)
		return;
	if (st->nids < (int)(sizeof st->ids / sizeof st->ids[0]))
		i = st->nids++;
	else {
		i = st->ids_next;
		st->ids_next = (st->ids_next + 1) %
		               (int)(sizeof st->ids / sizeof st->ids[0]);
	}
	st->ids[i].t = (int)t;
	strcpy(st->ids[i].key, key);
	st->ids[i].id = id;
}

int
store_id_of(struct store *st, enum store_table t, const char *key, int64_t *id,
    struct pd_err *err)
{
	static const char *const sql[] = {
	    [TBL_CONSUMERS] = "SELECT id FROM consumers WHERE uuid = ?",
	    [TBL_ITEMS] = "SELECT id FROM items WHERE uuid = ?",
	    [TBL_USERS] = "SELECT id FROM users WHERE username = ?",
	    [TBL_PAYMENTS] = "SELECT id FROM payments WHERE uuid = ?",
	    [TBL_VOIDS] = "SELECT id FROM voids WHERE uuid = ?",
	    [TBL_CREDIT_NOTES] = "SELECT id FROM credit_notes WHERE uuid = ?",
	    [TBL_CREDIT_APPLICATIONS] =
	        "SELECT id FROM credit_applications WHERE uuid = ?",
	    [TBL_ARR_EVENTS] =
	        "SELECT id FROM arrangement_events WHERE uuid = ?",
	};
	struct db_stmt *s;
	int rc;

	if (id_known(st, t, key, id))
		return 0;
	if ((s = st_stmt(st, sql[t], err)) == NULL)
		return -1;
	st_bind(s, "s", key);
	rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_column_int64(s, 0);
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Looking up a record"));
	id_keep(st, t, key, *id);
	return 0;
}

int
store_consumer_find(struct store *st, const char *uuid, const char *account,
    int64_t *id, int64_t *by_account, struct pd_err *err)
{
	/* the uuid's row first: with it the account is not looked at */
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, 1 FROM consumers WHERE uuid = ?1 UNION ALL "
	    "SELECT id, 0 FROM consumers WHERE account_no = ?2",
	    err);
	/* an account pasted with white space around it */
	char *t;
	int rc;

	*by_account = 0;
	if (id_known(st, TBL_CONSUMERS, uuid, id))
		return 0;
	if (s == NULL)
		return -1;
	t = search_trim(account);
	st_bind(s, "ss", uuid, t);
	/* a row each at most (both columns are unique), in either order */
	while ((rc = db_step(s)) == DB_ROW && *id == 0)
		if (db_column_int64(s, 1))
			*id = db_column_int64(s, 0);
		else
			*by_account = db_column_int64(s, 0);
	db_reset(s);
	free(t);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Looking up a record"));
	if (*id != 0)
		*by_account = 0;
	id_keep(st, TBL_CONSUMERS, uuid, *id);
	return 0;
}

/* Step a one-row statement: 0 with a row, PD_ENOTFOUND without. */
static int
one_row(struct store *st, struct db_stmt *s, const char *what, int64_t id,
    struct pd_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		return 0;
	db_reset(s);
	if (rc == DB_DONE)
		return pd_fail(
		    err, PD_ENOTFOUND, _("No %s #%lld"), what, (long long)id);
	return st_fail(st, err, what);
}

int
store_item_by_id(
    struct store *st, int64_t id, struct item *it, struct pd_err *err)
{
	struct db_stmt *s;

	/* one a push read with its batch's (push_rows.c) */
	if (st_push_rows_item(st, id, it))
		return 0;
	s = st_stmt(st,
	    "SELECT " ITEM_COLS ITEM_ENTERED " FROM " ITEM_FROM
	    " WHERE i.id = ?",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	if (one_row(st, s, _("item"), id, err) != 0)
		return -1;
	store_read_item_entered(s, 0, it);
	db_reset(s);
	return 0;
}

static void
read_item(struct db_stmt *s, void *elem)
{
	store_read_item_entered(s, 0, elem);
}

struct item *
store_items_between(struct store *st, int64_t lo, int64_t hi, size_t *n,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " ITEM_COLS ITEM_ENTERED " FROM " ITEM_FROM
	    " WHERE i.id BETWEEN ? AND ? ORDER BY i.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ii", lo, hi);
	return st_collect(
	    st, s, sizeof(struct item), read_item, n, "reading items", err);
}

int
store_void_by_id(
    struct store *st, int64_t id, struct void_row *v, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT v.uuid, v.payment_id, v.reason, v.voided_by, v.voided_at, "
	    "v.terminal, coalesce(k.shift_uuid, '') FROM voids v LEFT JOIN "
	    "void_shifts k ON k.void_uuid = v.uuid WHERE v.id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	if (one_row(st, s, _("void"), id, err) != 0)
		return -1;
	memset(v, 0, sizeof *v);
	st_col(s, 0, v->uuid, sizeof v->uuid);
	v->payment_id = db_column_int64(s, 1);
	st_col(s, 2, v->reason, sizeof v->reason);
	st_col(s, 3, v->voided_by, sizeof v->voided_by);
	st_col(s, 4, v->voided_at, sizeof v->voided_at);
	st_col(s, 5, v->terminal, sizeof v->terminal);
	st_col(s, 6, v->shift_uuid, sizeof v->shift_uuid);
	db_reset(s);
	return 0;
}

int
store_credit_apply_by_id(struct store *st, int64_t id,
    struct credit_application *a, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT a.uuid, a.credit_note_id, a.item_id, a.amount, "
	    "a.applied_on, a.created_at, i.ref, a.terminal FROM "
	    "credit_applications a JOIN items i ON i.id = a.item_id WHERE "
	    "a.id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	if (one_row(st, s, _("credit application"), id, err) != 0)
		return -1;
	memset(a, 0, sizeof *a);
	a->id = id;
	st_col(s, 0, a->uuid, sizeof a->uuid);
	a->credit_note_id = db_column_int64(s, 1);
	a->item_id = db_column_int64(s, 2);
	a->amount = db_column_int64(s, 3);
	st_col(s, 4, a->applied_on, sizeof a->applied_on);
	st_col(s, 5, a->created_at, sizeof a->created_at);
	st_col(s, 6, a->item_ref, sizeof a->item_ref);
	st_col(s, 7, a->terminal, sizeof a->terminal);
	db_reset(s);
	return 0;
}

int
store_item_update(struct store *st, const struct item *it, struct pd_err *err)
{
	st->nids = 0; /* its uuid may change (store_id_of) */
	st_push_rows_forget(st);
	st->seal_maybe = 1; /* (sealed: audit.c) */
	struct db_stmt *s = st_stmt(st,
	    "UPDATE items SET uuid = ?, ref = ?, period = ?, description = ?, "
	    "amount = ?, issued_on = ?, due_on = ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssssissi", it->uuid, it->ref, it->period, it->description,
	    it->amount, it->issued_on, it->due_on, it->id);
	return st_done(st, s, err);
}

int
store_user_upsert(struct store *st, struct user *u, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO users (username, full_name, role, pin_hash, active, "
	    "branch, team, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "datetime('now', 'localtime')) ON CONFLICT (username) DO UPDATE "
	    "SET full_name = excluded.full_name, role = excluded.role, "
	    "pin_hash = excluded.pin_hash, active = excluded.active, branch = "
	    "excluded.branch, team = excluded.team",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssssdss", u->username, u->full_name, role_name(u->role),
	    u->pin_hash, u->active, u->branch, u->team);
	return st_done(st, s, err);
}

/* ---- the central node's feed ---- */

int
store_sync_origin(
    struct store *st, const char *origin, int altered, struct pd_err *err)
{
	struct db_stmt *s;

	/* as this transaction set it last: its writer holds the row (its
	 * lock on PostgreSQL, the store's on SQLite) and no trigger writes
	 * it, so a push's records that set the same need not again */
	if (st->depth > 0 && st->origin_known &&
	    st->origin_altered == altered && strcmp(st->origin, origin) == 0)
		return 0;
	s = st_stmt(st,
	    "UPDATE sync_origin SET origin = ?, altered = ? WHERE id = 1", err);
	if (s == NULL)
		return -1;
	st_bind(s, "sd", origin, altered);
	st->origin_known = 0;
	if (st_done(st, s, err) != 0)
		return -1;
	if (st->depth > 0 && strlen(origin) < sizeof st->origin) {
		memcpy(st->origin, origin, strlen(origin) + 1);
		st->origin_altered = altered;
		st->origin_known = 1;
	}
	return 0;
}

/* (issue 22) The reads of a push's batch (store_push_rows: its items'
 * settled amounts, its numbers) were made before its first record took
 * sync_origin's row: a push that another node's, or another worker's,
 * committed past meanwhile found an item's CHECK (settled <= amount)
 * failed and was applied again record by record, holding the row the
 * while: 0.5-1 s for a batch of 100, every other push waiting behind it
 * (the bench's 8 terminals, two nodes: the slowest batches, 1.1-1.8 s).
 * Taken first, the push waits for those before it and reads what they
 * wrote. The same row the records take, and in the same order as every
 * writer (this row, then the feed's head), so no new deadlock. */
int
store_push_lock(struct store *st, struct pd_err *err)
{
	if (!db_is_pg(st->db))
		return 0;
	return store_sync_origin(st, "", 0, err);
}

int
store_applied_get(struct store *st, const char *uuid, char hash[65], int *found,
    struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT hash FROM applied WHERE uuid = ?", err);
	int rc;

	*found = 0;
	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = db_step(s);
	if (rc == DB_ROW) {
		st_col(s, 0, hash, 65);
		*found = 1;
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading applied records"));
	return 0;
}

#define Q8 "?, ?, ?, ?, ?, ?, ?, ?"
#define Q64 Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8

int
store_applied_many(struct store *st, const char *const *uuids, size_t n,
    char (*hash)[65], struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT uuid, hash FROM applied WHERE uuid IN (" Q64 ")", err);
	const char *u;
	size_t i, at, k;
	int rc = DB_DONE;

	for (i = 0; i < n; i++)
		hash[i][0] = '\0';
	if (s == NULL)
		return -1;
	/* STORE_APPLIED_MANY at a time, the rest of the last bound NULL */
	for (at = 0; at < n && rc == DB_DONE; at += STORE_APPLIED_MANY) {
		k = n - at < STORE_APPLIED_MANY ? n - at : STORE_APPLIED_MANY;
		for (i = 0; i < STORE_APPLIED_MANY; i++)
			if (i < k && uuids[at + i] != NULL)
				db_bind_text(s, (int)i + 1, uuids[at + i], -1,
				    DB_TRANSIENT);
			else
				db_bind_null(s, (int)i + 1);
		while ((rc = db_step(s)) == DB_ROW) {
			u = (const char *)db_column_text(s, 0);
			for (i = 0; u != NULL && i < k; i++)
				if (uuids[at + i] != NULL &&
				    strcmp(uuids[at + i], u) == 0)
					st_col(s, 1, hash[at + i], 65);
		}
		db_reset(s);
	}
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading applied records"));
	return 0;
}

int
store_applied_put(struct store *st, const char *uuid, const char *terminal,
    const char *kind, const char *hash, const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO applied (uuid, terminal, kind, hash, applied_at) "
	    "VALUES (?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	db_batchable(s, NULL);
	st_bind(s, "sssss", uuid, terminal, kind, hash, at);
	return st_done(st, s, err);
}

int
store_sync_log(struct store *st, const char *at, const char *terminal,
    const char *uuid, const char *kind, const char *event, const char *reason,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO sync_log (at, terminal, uuid, kind, event, reason) "
	    "VALUES (?, ?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st->refused_of[0] = '\0'; /* (store_sync_refused) */
	st_bind(s, "ssssss", at, terminal, uuid, kind, event, reason);
	return st_done(st, s, err);
}

int
store_sync_log_trim(
    struct store *st, const char *terminal, int keep, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "DELETE FROM sync_log WHERE terminal = ?1 AND id <= (SELECT id "
	    "FROM sync_log WHERE terminal = ?1 ORDER BY id DESC LIMIT 1 "
	    "OFFSET ?2)",
	    err);

	st->refused_of[0] = '\0'; /* (store_sync_refused) */
	if (s == NULL)
		return -1;
	st_bind(s, "si", terminal, (int64_t)keep);
	return st_done(st, s, err);
}

static void
read_feed(struct db_stmt *s, void *elem)
{
	struct feed_entry *e = elem;

	e->seq = db_column_int64(s, 0);
	st_col(s, 1, e->entity, sizeof e->entity);
	e->row_id = db_column_int64(s, 2);
	st_col(s, 3, e->origin, sizeof e->origin);
}

int64_t
store_feed_head(struct store *st)
{
	return st_count(st, "SELECT coalesce(max(seq), 0) FROM feed");
}

struct feed_entry *
store_feed_page(struct store *st, int64_t since, const char *origin,
    size_t limit, size_t *n, int64_t *cursor, int *more, struct pd_err *err)
{
	struct db_stmt *s;
	struct feed_entry *e;
	int64_t head;

	/* one read transaction, so the head and the page agree */
	if (st_exec(st, "BEGIN", err) != 0)
		return NULL;
	head = store_feed_head(st);
	/* a gateway payment is served as its row is now: at its newest
	 * entry only, which comes after the consumer and the ledger payment
	 * that row points at (an earlier entry would name a consumer a
	 * consumer import fed later: issue 19 review, point 3) */
	s = st_stmt(st,
	    "SELECT seq, entity, row_id, origin FROM feed f WHERE seq > ?1 "
	    "AND (origin <> ?2 OR altered <> 0) AND NOT (entity = "
	    "'gateway_payment' AND EXISTS (SELECT 1 FROM feed l WHERE "
	    "l.entity = f.entity AND l.row_id = f.row_id AND l.seq > f.seq "
	    "AND (l.origin <> ?2 OR l.altered <> 0))) ORDER BY seq LIMIT ?3",
	    err);
	if (s == NULL) {
		st_exec(st, "COMMIT", NULL);
		return NULL;
	}
	st_bind(s, "isi", since, origin, (int64_t)limit);
	e = st_collect(st, s, sizeof *e, read_feed, n, "reading the feed", err);
	st_exec(st, "COMMIT", NULL);
	if (e == NULL)
		return NULL;
	if (*n == limit && limit > 0) {
		*cursor = e[*n - 1].seq;
		*more = *cursor < head;
	} else {
		*cursor = head > since ? head : since;
		*more = 0;
	}
	return e;
}

/* The feed's entries are numbered 1, 2, ... without a gap: a writer
 * takes the next numbers from the head (PostgreSQL's feed_head, whose
 * row it holds to its commit; SQLite's max(seq) + 1 under the store's
 * write lock) in the transaction that writes them, a rollback gives them
 * back with the rows, and no entry is ever deleted. So the entries after
 * a cursor are the head less the cursor, counted by no read of the feed,
 * and a terminal's waiting entries are those less its own that were not
 * altered, read by their index (feed_own: a terminal's own entries past
 * its cursor, not the whole feed; INDEXED BY on SQLite, whose statistics
 * average the origins: most entries are the node's own, '', and an
 * origin looked as common as that, the plan read the feed from the
 * cursor by seq, 0.55 s a call). One statement for each terminal, so
 * that its head and its count are of one snapshot. (Issue 22: the feed
 * read whole, eight terminals a read, was 1.4-1.6 s a call on
 * PostgreSQL, 1,040,003 entries, each terminal's first sync asking it
 * beside the pushes.) */
int
store_feed_waiting(struct store *st, const char *const *origins,
    const int64_t *since, size_t n, int64_t *waiting, struct pd_err *err)
{
	struct db_stmt *s;
	int64_t head, from, w;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		s = st_stmt(st,
		    "SELECT (SELECT coalesce(max(seq), 0) FROM feed), (SELECT "
		    "count(*) FROM feed INDEXED BY feed_own WHERE origin = ? "
		    "AND altered = 0 AND seq > ?)",
		    err);
		if (s == NULL)
			return -1;
		from = since[i] > 0 ? since[i] : 0;
		st_bind(s, "si", origins[i], from);
		rc = db_step(s);
		if (rc == DB_ROW) {
			head = db_column_int64(s, 0);
			w = head > from ? head - from : 0;
			waiting[i] = w - db_column_int64(s, 1);
		}
		db_reset(s);
		if (rc != DB_ROW)
			return st_fail(st, err, _("Counting the feed"));
	}
	return 0;
}

static void
read_held(struct db_stmt *s, void *elem)
{
	struct allocation *a = elem;

	memset(a, 0, sizeof *a);
	a->payment_id = db_column_int64(s, 0);
	a->id = db_column_int64(s, 1);
	a->amount = db_column_int64(s, 2);
	a->item_id = db_column_int64(s, 3);
}

struct allocation *
store_item_held_by(struct store *st, int64_t item_id, const char *terminal,
    size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT a.payment_id, coalesce(min(CASE WHEN a.reverses IS NULL "
	    "THEN a.id END), min(a.reverses)), sum(a.amount), a.item_id FROM "
	    "allocations a JOIN payments "
	    "p ON p.id = a.payment_id WHERE a.item_id = ? AND p.terminal = ? "
	    "GROUP BY a.payment_id HAVING sum(a.amount) > 0 ORDER BY "
	    "a.payment_id DESC",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "is", item_id, terminal);
	return st_collect(st, s, sizeof(struct allocation), read_held, n,
	    "reading allocations", err);
}

struct allocation *
store_item_held_since(struct store *st, int64_t item_id, const char *terminal,
    const char *uuid, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT a.payment_id, coalesce(min(CASE WHEN a.reverses IS NULL "
	    "THEN a.id END), min(a.reverses)), sum(a.amount), a.item_id FROM "
	    "allocations a JOIN payments "
	    "p ON p.id = a.payment_id WHERE a.item_id = ? AND p.terminal = ? "
	    "AND EXISTS (SELECT 1 FROM outbox o WHERE o.uuid = p.uuid AND "
	    "o.id > (SELECT id FROM outbox WHERE uuid = ?)) GROUP BY "
	    "a.payment_id HAVING sum(a.amount) > 0 ORDER BY a.payment_id DESC",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "iss", item_id, terminal, uuid);
	return st_collect(st, s, sizeof(struct allocation), read_held, n,
	    "reading allocations", err);
}

int
store_received_add(struct store *st, const char *uuid, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "INSERT OR IGNORE INTO received (uuid) VALUES (?)", err);

	if (s == NULL)
		return -1;
	db_batchable(s, NULL);
	st_bind(s, "s", uuid);
	return st_done(st, s, err);
}

int
store_pull_release(struct store *st, const char *uuid, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "DELETE FROM pull_quarantine WHERE uuid = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	return st_done(st, s, err);
}
