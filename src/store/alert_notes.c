/* alert_notes.c - an alert's history (issue 21): its steps, the raises
 * and ends each node keeps of an organisation's alert and the one of
 * each shown (store_alert_notes), and the steps synced: put, found by
 * uuid, held until their alert comes (alert_sync.c in the service). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/uuid.h"
#include "paydesk/xmalloc.h"

int
store_alert_note_add(struct store *st, int64_t id, const char *at,
    int64_t user_id, const char *user, const char *action, const char *text,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO alert_notes (alert_id, at, user_id, username, action,"
	    " text) VALUES (?, ?, nullif(?, 0), ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "isisss", id, at, user_id, user, action, text);
	return st_done(st, s, err);
}

static void
read_note(struct db_stmt *s, void *elem)
{
	struct alert_note *nt = elem;

	st_col(s, 0, nt->at, sizeof nt->at);
	st_col(s, 1, nt->user, sizeof nt->user);
	st_col(s, 2, nt->action, sizeof nt->action);
	st_col(s, 3, nt->text, sizeof nt->text);
	st_col(s, 4, nt->uuid, sizeof nt->uuid);
	nt->id = db_column_int64(s, 5);
	st_col(s, 6, nt->terminal, sizeof nt->terminal);
	nt->made_ms = uuid_v7_ms(nt->uuid);
	nt->synced = nt->uuid[0] != '\0';
	st_col(s, 7, nt->undone, sizeof nt->undone);
}

int
store_alert_note_is_end(const struct alert_note *nt)
{
	return strcmp(nt->action, "ended") == 0 ||
	       (strcmp(nt->action, "closed") == 0 &&
	           strcmp(nt->user, "system") == 0);
}

/* Whether note is one that each store may hold twice (helper-230, faults
 * 2 and 3): 1 its raise, 2 the end of its cause (a close by "system"). */
static int
twice_kind(const struct alert_note *nt)
{
	if (nt->undone[0] != '\0')
		return 0; /* shown as taken back, beside the one that stands */
	if (strcmp(nt->action, "raised") == 0)
		return 1;
	return store_alert_note_is_end(nt) ? 2 : 0;
}

/* Notes nt[0..n) in stored order less, of its raises and of the ends of
 * its cause, all but one each: the earliest synced (sent or pulled: every
 * node has the same ones, svc_alert_apply), or the first stored when none
 * is; the number kept. */
static size_t
one_of_each(struct alert_note *nt, size_t n)
{
	size_t i, j, kept = 0, keep[3] = {n, n, n};
	int k;

	for (i = 0; i < n; i++) {
		k = twice_kind(&nt[i]);
		if (k == 0)
			continue;
		j = keep[k];
		if (j == n || (nt[i].synced && !nt[j].synced) ||
		    (nt[i].synced && nt[j].synced &&
		        strcmp(nt[i].at, nt[j].at) < 0))
			keep[k] = i;
	}
	for (i = 0; i < n; i++) {
		k = twice_kind(&nt[i]);
		if (k != 0 && keep[k] != i)
			continue;
		if (kept != i)
			nt[kept] = nt[i];
		kept++;
	}
	return kept;
}

/* The raise first, then by the time each step was made (its at, the
 * time shown), within one second by the millisecond in its UUID, then as
 * stored (helper-233, fault 4: by the UUID alone, a step of a terminal
 * whose clock was set apart read out of the order of the times shown). */
static int
by_made(const void *x, const void *y)
{
	const struct alert_note *a = x, *b = y;
	int ra = strcmp(a->action, "raised") == 0,
	    rb = strcmp(b->action, "raised") == 0, c;

	if (ra != rb)
		return ra ? -1 : 1;
	if ((c = strcmp(a->at, b->at)) != 0)
		return c;
	if (a->made_ms != b->made_ms)
		return a->made_ms < b->made_ms ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Alert id's steps (with_undone: those undone here too, with why). */
static struct alert_note *
notes_of(struct store *st, int64_t id, int with_undone, size_t *n,
    struct pd_err *err)
{
	/* less the steps undone here: by their record, or a pass's end
	 * noted alone (migration 84; a terminal's, never PostgreSQL's) */
	static const char *const sql[2][2] = {
	    {"SELECT at, username, action, text, coalesce(uuid, ''), id,"
	     " coalesce(terminal, ''), '' FROM alert_notes WHERE alert_id = ?"
	     " AND (uuid IS NULL OR uuid NOT IN (SELECT uuid FROM"
	     " sync_undone)) AND id NOT IN (SELECT note_id FROM"
	     " alert_notes_undone) ORDER BY id",
	        "SELECT at, username, action, text, coalesce(uuid, ''), id,"
	        " coalesce(terminal, ''), coalesce((SELECT reason FROM"
	        " alert_notes_undone WHERE note_id = alert_notes.id), (SELECT"
	        " reason FROM sync_undone WHERE uuid = alert_notes.uuid), '')"
	        " FROM alert_notes WHERE alert_id = ? ORDER BY id"},
	    {"SELECT at, username, action, text, coalesce(uuid, ''), id,"
	     " coalesce(terminal, ''), '' FROM alert_notes WHERE alert_id = ?"
	     " AND (uuid IS NULL OR uuid NOT IN (SELECT uuid FROM"
	     " sync_undone)) ORDER BY id",
	        "SELECT at, username, action, text, coalesce(uuid, ''), id,"
	        " coalesce(terminal, ''), coalesce((SELECT reason FROM"
	        " sync_undone WHERE uuid = alert_notes.uuid), '') FROM"
	        " alert_notes WHERE alert_id = ? ORDER BY id"}};
	struct db_stmt *s =
	    st_stmt(st, sql[db_is_pg(st->db) != 0][with_undone != 0], err);
	struct alert_note *nt;
	uint64_t before = 0;
	size_t i;

	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "i", id);
	nt = st_collect(st, s, sizeof(struct alert_note), read_note, n,
	    _("Reading the alerts"), err);
	if (nt == NULL)
		return NULL;
	for (i = 0; i < *n; i++) {
		nt[i].seq = i;
		if (nt[i].made_ms == 0)
			nt[i].made_ms = before;
		before = nt[i].made_ms;
	}
	*n = one_of_each(nt, *n);
	qsort(nt, *n, sizeof *nt, by_made);
	return nt;
}

struct alert_note *
store_alert_notes(struct store *st, int64_t id, size_t *n, struct pd_err *err)
{
	return notes_of(st, id, 0, n, err);
}

struct alert_note *
store_alert_history(struct store *st, int64_t id, size_t *n, struct pd_err *err)
{
	return notes_of(st, id, 1, n, err);
}

int
store_alert_note_undone(struct store *st, int64_t note_id, const char *at,
    const char *reason, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO alert_notes_undone (note_id, at, reason) VALUES (?,"
	    " ?, ?) ON CONFLICT (note_id) DO NOTHING",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "iss", note_id, at, reason);
	return st_done(st, s, err);
}

/* ---- an organisation's alerts synced ---- */

int
store_alert_synced(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "UPDATE alerts SET synced = 1 WHERE id = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	return st_done(st, s, err);
}

int
store_alert_unsynced(struct store *st, const char *cause, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "UPDATE alerts SET synced = 0 WHERE cause = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", cause);
	return st_done(st, s, err);
}

int
store_alert_step_put(struct store *st, int64_t id, const char *uuid,
    const char *terminal, const char *at, int64_t user_id, const char *user,
    const char *action, const char *text, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO alert_notes (alert_id, at, user_id, username, action,"
	    " text, uuid, terminal) VALUES (?, ?, nullif(?, 0), ?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(
	    s, "isisssss", id, at, user_id, user, action, text, uuid, terminal);
	return st_done(st, s, err);
}

int
store_alert_step_find(struct store *st, int64_t note_id, const char *uuid,
    struct alert_step *e, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT n.id, a.cause, n.at, n.username, n.action, n.text,"
	    " coalesce(n.uuid, ''), n.terminal FROM alert_notes n JOIN alerts a"
	    " ON a.id = n.alert_id WHERE (?1 <> 0 AND n.id = ?1) OR"
	    " (?1 = 0 AND n.uuid = ?2)",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "is", note_id, uuid ? uuid : "");
	rc = db_step(s);
	if (rc == DB_ROW) {
		e->id = db_column_int64(s, 0);
		st_col(s, 1, e->cause, sizeof e->cause);
		st_col(s, 2, e->at, sizeof e->at);
		st_col(s, 3, e->user, sizeof e->user);
		st_col(s, 4, e->action, sizeof e->action);
		st_col(s, 5, e->text, sizeof e->text);
		st_col(s, 6, e->uuid, sizeof e->uuid);
		st_col(s, 7, e->terminal, sizeof e->terminal);
	}
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	return rc == DB_DONE ? 1 : st_fail(st, err, _("Reading the alerts"));
}

int
store_alert_hold(struct store *st, const char *uuid, const char *cause,
    const char *payload, const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO alert_steps_held (uuid, cause, payload, held_at)"
	    " VALUES (?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssss", uuid, cause, payload, at);
	return st_done(st, s, err);
}

static void
read_held(struct db_stmt *s, void *elem)
{
	struct alert_held *h = elem;

	h->id = db_column_int64(s, 0);
	h->payload = xstrdup((const char *)db_column_text(s, 1));
}

struct alert_held *
store_alerts_held_ready(struct store *st, size_t *n, struct pd_err *err)
{
	/* those whose alert is here now, in the order they came */
	struct db_stmt *s = st_stmt(st,
	    "SELECT h.id, h.payload FROM alert_steps_held h WHERE EXISTS"
	    " (SELECT 1 FROM alerts a WHERE a.cause = h.cause) ORDER BY h.id",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct alert_held), read_held, n,
	    _("Reading the alerts"), err);
}

int
store_alert_held_drop(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "DELETE FROM alert_steps_held WHERE id = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	return st_done(st, s, err);
}

int
store_alert_arr_id(
    struct store *st, const char *uuid, int64_t *id, struct pd_err *err)
{
	struct db_stmt *s;
	int rc;

	*id = 0;
	if (uuid[0] == '\0')
		return 0;
	if ((s = st_stmt(st, "SELECT id FROM arrangements WHERE uuid = ?",
	         err)) == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading the alerts"));
}
