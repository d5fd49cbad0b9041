/* stmt_dup.c - which copy of a bank line two statements share is live
 * (review R20c of issue 20). A node finds a line a duplicate of a live
 * line of another statement of its account when it imports or applies it
 * (statements.c, store_stmt_line_seen); the central node's word on each
 * line it feeds is what every terminal keeps (service/stmt_word.c): a
 * line of this terminal's own import that the central node has as a
 * duplicate becomes one here, and what hung on it moves to the live line
 * (store_stmt_line_flip), as migration 74 lets it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

static void
read_state(struct db_stmt *q, void *elem)
{
	int64_t *v = elem;

	v[0] = db_column_int64(q, 0);
	v[1] = db_column_int64(q, 1);
}

int
store_stmt_line_at(struct store *st, int64_t stmt, int64_t seq, int64_t *id,
    int64_t *dup_of, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "SELECT id, coalesce(dup_of, 0) FROM bank_statement_lines WHERE "
	    "statement_id = ? AND seq = ?",
	    err);
	int64_t v[2] = {0, 0};
	int rc;

	if (q == NULL)
		return -1;
	st_bind(q, "ii", stmt, seq);
	rc = st_one(st, q, read_state, v, _("Reading a statement line"), err);
	*id = v[0];
	*dup_of = v[1];
	return rc < 0 ? -1 : 0;
}

int
store_stmt_line_dup_set(
    struct store *st, int64_t id, int64_t dup_of, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "UPDATE bank_statement_lines SET dup_of = nullif(?, 0) WHERE "
	    "id = ?",
	    err);

	if (q == NULL)
		return -1;
	st_bind(q, "ii", dup_of, id);
	return st_done(st, q, err);
}

int
store_stmt_has_own(struct store *st, const char *account, const char *own,
    int64_t stmt, int *has, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "SELECT count(*) FROM bank_statements WHERE account = ? AND "
	    "terminal = ? AND id <> ?",
	    err);
	int rc;

	*has = 0;
	if (q == NULL)
		return -1;
	st_bind(q, "ssi", account, own, stmt);
	rc = db_step(q);
	if (rc == DB_ROW)
		*has = db_column_int64(q, 0) > 0;
	db_reset(q);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading statements"));
}

/* What a copy of line l here is: live, in a statement of account that
 * terminal ?7 imported other than ?6, and taken by no line of ?6. */
#define OWN_COPY                                                               \
	" FROM bank_statement_lines c JOIN bank_statements s ON s.id ="        \
	" c.statement_id WHERE s.account = ?1 AND s.terminal = ?7 AND"         \
	" c.dup_of IS NULL AND c.statement_id <> ?6 AND NOT EXISTS (SELECT 1"  \
	" FROM bank_statement_lines x WHERE x.dup_of = c.id AND"               \
	" x.statement_id = ?6)"

int
store_stmt_own_copy(struct store *st, const char *account, const char *own,
    int64_t stmt, const struct statement_line *l, int64_t *copy,
    struct pd_err *err)
{
	/* the same copies store_stmt_line_seen finds, each way round: by
	 * the bank's id, or by reference, day and amount where one of the
	 * two has no bank id */
	struct db_stmt *q = l->bank_id[0] != '\0'
	    ? st_stmt(st,
	          "SELECT c.id" OWN_COPY " AND c.bank_id = ?2 UNION ALL"
	          " SELECT c.id" OWN_COPY " AND c.booking_date = ?4 AND"
	          " c.amount = ?5 AND ?3 <> '' AND c.reference = ?3 AND"
	          " c.bank_id = '' ORDER BY 1 LIMIT 1",
	          err)
	    : st_stmt(st,
	          "SELECT c.id" OWN_COPY " AND c.booking_date = ?4 AND"
	          " c.amount = ?5 AND ?3 <> '' AND c.reference = ?3 AND"
	          " ?2 = '' ORDER BY 1 LIMIT 1",
	          err);
	int rc;

	*copy = 0;
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, account, -1, DB_TRANSIENT);
	db_bind_text(q, 2, l->bank_id, -1, DB_TRANSIENT);
	db_bind_text(q, 3, l->reference, -1, DB_TRANSIENT);
	db_bind_text(q, 4, l->booking, -1, DB_TRANSIENT);
	db_bind_int64(q, 5, l->amount);
	db_bind_int64(q, 6, stmt);
	db_bind_text(q, 7, own, -1, DB_TRANSIENT);
	rc = st_one(st, q, st_read_int64, copy, _("Reading statements"), err);
	return rc < 0 ? -1 : 0;
}

int
store_stmt_line_target(struct store *st, int64_t id, char *out, size_t size,
    struct pd_err *err)
{
	char v[2][FEED_KEY_BUFSZ];

	if (store_feed_row_key(st,
	        "SELECT b.account || '/' || b.stmt_key || '#' || l.seq, '' "
	        "FROM bank_statement_lines l JOIN bank_statements b ON b.id = "
	        "l.statement_id WHERE l.id = ?",
	        id, v, err) != 0)
		return -1;
	xstrlcpy(out, v[0], size);
	return 0;
}

struct moving {
	char uuid[40];
	char kind[24];
	char target[256];
};

static void
read_moving(struct db_stmt *q, void *elem)
{
	struct moving *m = elem;

	st_col(q, 0, m->uuid, sizeof m->uuid);
	st_col(q, 1, m->kind, sizeof m->kind);
	st_col(q, 2, m->target, sizeof m->target);
}

/* The resolutions standing (not undone) of an exception on the line
 * named from, moved to the line named to: each target's line rewritten,
 * the move listed in recon_moved; one whose exception on to is resolved
 * already (by the central node's word, pulled) is undone for why. */
static int
move_resolutions(struct store *st, const char *from, const char *to,
    const char *at, const char *why, struct stmt_flip *f, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "SELECT uuid, kind, target FROM recon_resolutions WHERE kind IN "
	    "('unexpected_credit', 'matched_twice', 'amount_differs') AND "
	    "(target = ?1 OR (length(target) > length(?1) AND substr(target, "
	    "length(target) - length(?1)) = ' ' || ?1)) AND uuid NOT IN "
	    "(SELECT uuid FROM recon_undone) ORDER BY id",
	    err);
	struct recon_resolution have;
	struct moving *v;
	char target[256];
	size_t n = 0, i, cut;
	int rc = 0;

	if (q == NULL)
		return -1;
	st_bind(q, "s", from);
	v = st_collect(st, q, sizeof *v, read_moving, &n,
	    _("Reading the resolved exceptions"), err);
	if (v == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		cut = strlen(v[i].target) - strlen(from);
		if ((size_t)snprintf(target, sizeof target, "%.*s%s", (int)cut,
		        v[i].target, to) >= sizeof target) {
			rc = pd_fail(err, PD_ESTORE,
			    "Resolution %s: its target is too long", v[i].uuid);
			break;
		}
		rc = store_recon_resolution(st, v[i].kind, target, &have, err);
		if (rc < 0)
			break;
		if (rc == 0) {
			rc = store_recon_undo(st, v[i].uuid, at, why, err);
			f->undone += rc == 0;
			continue;
		}
		q = st_stmt(st,
		    "INSERT INTO recon_moved (uuid, from_target, to_target, "
		    "at) VALUES (?, ?, ?, ?)",
		    err);
		if (q == NULL) {
			rc = -1;
			break;
		}
		st_bind(q, "ssss", v[i].uuid, v[i].target, target, at);
		if ((rc = st_done(st, q, err)) != 0)
			break;
		q = st_stmt(st,
		    "UPDATE recon_resolutions SET target = ? WHERE uuid = ?",
		    err);
		if (q == NULL) {
			rc = -1;
			break;
		}
		st_bind(q, "ss", target, v[i].uuid);
		rc = st_done(st, q, err);
		f->resolutions += rc == 0;
	}
	free(v);
	return rc;
}

int
store_stmt_line_flip(struct store *st, int64_t from, int64_t to,
    const char *at, const char *why, struct stmt_flip *f, struct pd_err *err)
{
	struct db_stmt *q;
	int64_t active[2];
	int i;

	memset(f, 0, sizeof *f);
	if (store_stmt_line_target(st, from, f->from, sizeof f->from, err) != 0 ||
	    store_stmt_line_target(st, to, f->to, sizeof f->to, err) != 0)
		return -1;
	/* to live (it was a duplicate of from: the central node has it
	 * the other way round), from and the copies of it duplicates of
	 * to */
	q = st_stmt(st,
	    "UPDATE bank_statement_lines SET dup_of = NULL WHERE id = ? AND "
	    "dup_of = ?",
	    err);
	if (q == NULL)
		return -1;
	st_bind(q, "ii", to, from);
	if (st_done(st, q, err) != 0)
		return -1;
	q = st_stmt(st,
	    "UPDATE bank_statement_lines SET dup_of = ?1 WHERE dup_of = ?2 "
	    "AND dup_of IS NOT NULL AND id <> ?1",
	    err);
	if (q == NULL)
		return -1;
	st_bind(q, "ii", to, from);
	if (st_done(st, q, err) != 0)
		return -1;
	f->copies = db_changes(st->db);
	if (store_stmt_line_dup_set(st, from, to, err) != 0)
		return -1;
	/* its active match: to's, unless to has one already (the central
	 * node keeps one match of a line: this one is refused there) */
	for (i = 0; i < 2; i++) {
		q = st_stmt(st,
		    "SELECT count(*) FROM statement_matches WHERE line_id = ? "
		    "AND unmatched_at = ''",
		    err);
		if (q == NULL)
			return -1;
		st_bind(q, "i", i == 0 ? from : to);
		active[i] = 0;
		if (st_one(st, q, st_read_int64, &active[i],
		        _("Reading statements"), err) < 0)
			return -1;
	}
	if (active[0] > 0 && active[1] > 0) {
		if (store_match_undo_line(
		        st, from, at, MATCH_REFUSED_BY, why, err) != 0)
			return -1;
		f->undone++;
	} else if (active[0] > 0) {
		q = st_stmt(st,
		    "UPDATE statement_matches SET line_id = ? WHERE line_id = "
		    "? AND unmatched_at = ''",
		    err);
		if (q == NULL)
			return -1;
		st_bind(q, "ii", to, from);
		if (st_done(st, q, err) != 0)
			return -1;
		f->matches = db_changes(st->db);
	}
	return move_resolutions(st, f->from, f->to, at, why, f, err);
}

int
store_stmt_guard(struct store *st, struct pd_err *err)
{
	if (!db_is_pg(st->db))
		return 0; /* BEGIN IMMEDIATE holds SQLite's write lock */
	/* the feed head's row lock, which every writer of the central
	 * node takes at its first feed entry and holds to its commit:
	 * taken first, the statements committed before are read, and no
	 * other node process applies a line meanwhile */
	return st_exec(st, "SELECT head FROM feed_head WHERE id = 1 FOR UPDATE",
	    err);
}
