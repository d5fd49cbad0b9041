/* anchor.c - the central node's copy of each terminal's audit chain head
 * (issue 18, section 7): the newest sequence and hash a terminal
 * anchored. A head is kept only when it extends the one kept. */
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

int
store_anchor_get(struct store *st, const char *terminal, int64_t *seq,
    char hash[65], struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT seq, hash FROM audit_anchors WHERE terminal = ?", err);
	int rc;

	*seq = 0;
	hash[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "s", terminal);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*seq = db_column_int64(s, 0);
		st_col(s, 1, hash, 65);
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the audit anchors"));
	return rc == DB_ROW ? 1 : 0;
}

int
store_anchor_put(struct store *st, const char *terminal, int64_t seq,
    const char *hash, const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO audit_anchors (terminal, seq, hash, at) VALUES "
	    "(?1, ?2, ?3, ?4) ON CONFLICT (terminal) DO UPDATE SET seq = ?2, "
	    "hash = ?3, at = ?4",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "siss", terminal, seq, hash, at);
	return st_done(st, s, err);
}

int
store_anchor_history_prune(struct store *st, const char *terminal,
    const char *before, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "DELETE FROM anchor_history WHERE terminal = ?1 AND at < (SELECT "
	    "max(at) FROM anchor_history WHERE terminal = ?1 AND at < ?2)",
	    NULL);

	/* a store without the history (PostgreSQL's, this version) has
	 * nothing to prune */
	if (s == NULL)
		return 0;
	st_bind(s, "ss", terminal, before);
	return st_done(st, s, err);
}

int
store_anchor_before(struct store *st, const char *terminal, int64_t upto,
    int64_t *seq, char hash[65], struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT seq, hash FROM anchor_history WHERE terminal = ? AND seq "
	    "<= ? ORDER BY seq DESC LIMIT 1",
	    err);
	int rc;

	*seq = 0;
	hash[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "si", terminal, upto);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*seq = db_column_int64(s, 0);
		st_col(s, 1, hash, 65);
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the audit anchors"));
	return rc == DB_ROW ? 1 : 0;
}

int
store_anchor_reset(
    struct store *st, const struct anchor_reset *r, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO anchor_resets (terminal, at, from_seq, from_hash, "
	    "base_seq, to_seq, to_hash, by, reason) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssisiisss", r->terminal, r->at, r->from_seq, r->from_hash,
	    r->base_seq, r->to_seq, r->to_hash, r->by, r->reason);
	return st_done(st, s, err);
}

static void
read_reanchor(struct db_stmt *s, void *elem)
{
	struct reanchor_row *r = elem;

	st_col(s, 0, r->terminal, sizeof r->terminal);
	st_col(s, 1, r->at, sizeof r->at);
	r->from_seq = db_column_int64(s, 2);
	st_col(s, 3, r->from_hash, sizeof r->from_hash);
	r->base_seq = db_column_int64(s, 4);
	r->to_seq = db_column_int64(s, 5);
	st_col(s, 6, r->to_hash, sizeof r->to_hash);
	st_col(s, 7, r->by, sizeof r->by);
	st_col(s, 8, r->reason, sizeof r->reason);
}

struct reanchor_row *
store_anchor_resets(
    struct store *st, const char *terminal, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT terminal, at, from_seq, from_hash, base_seq, to_seq, "
	    "to_hash, by, reason FROM anchor_resets WHERE ? = '' OR terminal "
	    "= ? ORDER BY id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ss", terminal ? terminal : "", terminal ? terminal : "");
	return st_collect(st, s, sizeof(struct reanchor_row), read_reanchor, n,
	    "reading the reanchors", err);
}
