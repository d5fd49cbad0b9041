/* audit.c - the append-only, hash-chained audit log, and the sync outbox.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's fields joined by '\x1f'; the first entry chains from 64 zeros.
 * Changing, removing or reordering an entry breaks every hash after it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"
#include "paydesk/xmalloc.h"

#define GENESIS                                                                \
	"0000000000000000000000000000000000000000000000000000000000000000"

/* f[8] is the digest of the entry's seals (seal.c): an entry without
 * seals hashes its first eight fields only, as before seals existed. */
static void
entry_hash(const char *prev, const char *const f[9], char hex[65])
{
	struct sha256 s;
	uint8_t d[32];
	int i, n = f[8][0] != '\0' ? 9 : 8;

	sha256_init(&s);
	sha256_update(&s, prev, strlen(prev));
	for (i = 0; i < n; i++) {
		sha256_update(&s, "\x1f", 1);
		sha256_update(&s, f[i], strlen(f[i]));
	}
	sha256_final(&s, d);
	/* (not snprintf a byte: 32 calls an entry, 0.2 s of a push of
	 * 100,000 payments' 11 s at the central node) */
	sha256_tohex(d, sizeof d, hex);
}

/* The last entry (id 0 and GENESIS when there is none): as this
 * transaction's last append wrote it, when it is known (audit_known),
 * or read. */
static int
audit_last(struct store *st, int64_t *id, char prev[65], struct pd_err *err)
{
	struct db_stmt *s;
	int rc;

	if (st->depth > 0 && st->audit_known) {
		*id = st->audit_id;
		memcpy(prev, st->audit_hash, 65);
		return 0;
	}
	if (st->depth > 0 && st->push_guard && st->audit_pre) {
		st->audit_pre = 0;
		*id = st->audit_pre_id;
		memcpy(prev, st->audit_pre_hash, 65);
		return 0;
	}
	s = st_stmt(
	    st, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", err);
	if (s == NULL)
		return -1;
	*id = 0;
	rc = db_step(s);
	if (rc == DB_ROW) {
		*id = db_column_int64(s, 0);
		st_col(s, 1, prev, 65);
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the audit log"));
	return 0;
}

int
st_audit_prefetch(struct store *st, struct pd_err *err)
{
	char prev[65] = GENESIS;
	int64_t id;

	st->audit_pre = 0;
	if (audit_last(st, &id, prev, err) != 0)
		return -1;
	st->audit_pre_id = id;
	memcpy(st->audit_pre_hash, prev, sizeof prev);
	st->audit_pre = 1;
	return 0;
}

int
store_audit_append(struct store *st, const char *at, const char *user,
    const char *terminal, const char *action, const char *entity,
    const char *ref, const char *detail, struct pd_err *err)
{
	/* the last entry: its id and hash chain into the new one */
	struct db_stmt *s;
	char prev[65] = GENESIS, hash[65], seals[65];
	int64_t id;
	char idtxt[24];
	const char *f[9];
	int guard = st->push_guard && db_is_pg(st->db);
	/* (a sealed row written since the last claim: claimed as always,
	 * the insert's check then passing) */
	int claim = !guard || st->seal_maybe;

	if (audit_last(st, &id, prev, err) != 0)
		return -1;
	id++;
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	f[0] = idtxt;
	f[1] = at;
	f[2] = user;
	f[3] = terminal;
	f[4] = action;
	f[5] = entity;
	f[6] = ref;
	f[7] = detail;
	/* in a push's guarded pass no seal is claimed: the insert fails
	 * when one waits (store_push_guard), as its claim would have
	 * claimed it */
	seals[0] = '\0';
	if (claim && seal_claim(st, id, seals, err) != 0)
		return -1;
	if (claim)
		st->seal_maybe = 0;
	f[8] = seals;
	entry_hash(prev, f, hash);
	s = st_stmt(st,
	    guard
	        ? "INSERT INTO audit_log (id, at, user, terminal, action, "
	          "entity, ref, detail, prev_hash, hash, seals) VALUES (?, ?, "
	          "?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM "
	          "seals WHERE audit_id IS NULL AND id > ?) THEN NULL ELSE ? "
	          "END)"
	        : "INSERT INTO audit_log (id, at, user, terminal, action, "
	          "entity, ref, detail, prev_hash, hash, seals) VALUES (?, ?, "
	          "?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    err);
	if (s == NULL)
		return -1;
	/* the guarded pass's entries, one statement for the push on
	 * PostgreSQL (db_pg_batch.c): their ids and hashes are made here */
	if (guard)
		db_batchable(s, NULL);
	if (guard)
		st_bind(s, "isssssssssis", id, at, user, terminal, action,
		    entity, ref, detail, prev, hash, st->seal_floor, seals);
	else
		st_bind(s, "issssssssss", id, at, user, terminal, action,
		    entity, ref, detail, prev, hash, seals);
	st->audit_known = 0;
	if (st_done(st, s, err) != 0)
		return -1;
	/* kept where no other writer can append meanwhile (SQLite's
	 * writer holds the lock), or where one that did fails this
	 * transaction's next append by its id (the guarded pass) */
	if (st->depth > 0 && (!db_is_pg(st->db) || guard)) {
		st->audit_known = 1;
		st->audit_id = id;
		memcpy(st->audit_hash, hash, sizeof hash);
	}
	return 0;
}

static const char *
col_or_empty(struct db_stmt *s, int i)
{
	const unsigned char *t = db_column_text(s, i);

	return t ? (const char *)t : "";
}

/* Entry row s (id .. seals) against prev: 0 when it chains, its hash in
 * want, and its seals hash to what it recorded; 1 (err says which) when
 * it does not, -1 when the store failed. */
static int
entry_check(struct store *st, struct db_stmt *s, const char *prev,
    char want[65], struct pd_err *err)
{
	char idtxt[24], seals[65];
	const char *f[9];
	int i;
	int64_t id = db_column_int64(s, 0);

	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	f[0] = idtxt;
	for (i = 1; i < 8; i++)
		f[i] = col_or_empty(s, i);
	f[8] = col_or_empty(s, 10);
	entry_hash(prev, f, want);
	if (strcmp(col_or_empty(s, 8), prev) != 0 ||
	    strcmp(col_or_empty(s, 9), want) != 0) {
		pd_fail(err, PD_ESTORE,
		    _("Audit log entry %lld (%s %s "
		      "%s at %s) does not match the chain: it or an "
		      "entry before it was altered, removed or "
		      "inserted"),
		    (long long)id, f[4], f[5], f[6], f[1]);
		return 1;
	}
	if (f[8][0] == '\0')
		return 0;
	if (seal_digest(st, id, seals, err) != 0)
		return -1;
	if (strcmp(seals, f[8]) != 0) {
		pd_fail(err, PD_ESTORE,
		    _("Audit log entry %lld (%s %s %s at %s): the seals of "
		      "the rows it recorded were altered, removed or added"),
		    (long long)id, f[4], f[5], f[6], f[1]);
		return 1;
	}
	return 0;
}

int
store_audit_entry_sound(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, at, user, terminal, action, entity, ref, detail, "
	    "prev_hash, hash, seals FROM audit_log WHERE id = ?",
	    err);
	char want[65], prev[65];
	struct pd_err e;
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = db_step(s);
	if (rc != DB_ROW) {
		db_reset(s);
		if (rc != DB_DONE)
			return st_fail(st, err, _("Reading the audit log"));
		return 1; /* the entry is gone */
	}
	st_col(s, 8, prev, sizeof prev);
	rc = entry_check(st, s, prev, want, &e);
	db_reset(s);
	if (rc < 0 && err != NULL)
		*err = e;
	return rc;
}

int
store_audit_verify(struct store *st, int64_t *checked, struct pd_err *err)
{
	struct db_stmt *s;
	char prev[65] = GENESIS, want[65];
	int rc;
	int64_t stray;

	*checked = 0;
	if (db_prepare_v2(st->db,
	        "SELECT id, at, user, terminal, action, "
	        "entity, ref, detail, prev_hash, hash, seals FROM audit_log "
	        "ORDER BY id",
	        -1, &s, NULL) != DB_OK)
		return st_fail(st, err, _("Reading the audit log"));
	while ((rc = db_step(s)) == DB_ROW) {
		if (entry_check(st, s, prev, want, err) != 0) {
			db_finalize(s);
			return -1;
		}
		memcpy(prev, want, sizeof prev);
		(*checked)++;
	}
	db_finalize(s);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the audit log"));
	/* a seal claimed by an entry that recorded none, or by none */
	stray = st_count(st,
	    "SELECT count(*) FROM seals s WHERE audit_id IS NOT NULL AND "
	    "NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.id = s.audit_id "
	    "AND l.seals <> '')");
	if (stray > 0)
		return pd_fail(err, PD_ESTORE,
		    ngettext("%lld seal is claimed by no audit entry that "
		             "recorded seals: it was added or moved",
		        "%lld seals are claimed by no audit entry that "
		        "recorded seals: they were added or moved",
		        (unsigned long)stray),
		    (long long)stray);
	/* an arrangement's moves carry money that no entry's detail
	 * bears item by item (review R18): their rows against their seals
	 * (a central node's store seals none) */
	if (!db_is_pg(st->db) &&
	    st_count(st, "SELECT count(*) FROM sqlite_master WHERE type = "
	                 "'table' AND name = 'feed'") == 0)
		return seal_check_arrangements(st, err);
	return 0;
}

int
store_audit_head(
    struct store *st, int64_t *seq, char hash[65], struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", err);
	int rc;

	*seq = 0;
	hash[0] = '\0';
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW) {
		*seq = db_column_int64(s, 0);
		st_col(s, 1, hash, 65);
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the audit log"));
	return 0;
}

int
store_audit_hash_at(
    struct store *st, int64_t seq, char hash[65], struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT hash FROM audit_log WHERE id = ?", err);
	int rc;

	hash[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "i", seq);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, hash, 65);
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the audit log"));
	return rc == DB_ROW ? 1 : 0;
}

/* One entry's link: each field its hash covers after the previous hash,
 * with the "\x1f" before it (entry_hash), as one string; caller frees. */
static char *
entry_link(struct db_stmt *s)
{
	char idtxt[24];
	const char *f[9];
	size_t len = 0;
	int i, n;
	char *out, *p;

	snprintf(idtxt, sizeof idtxt, "%lld", (long long)db_column_int64(s, 0));
	f[0] = idtxt;
	for (i = 1; i < 8; i++)
		f[i] = col_or_empty(s, i);
	f[8] = col_or_empty(s, 8);
	n = f[8][0] != '\0' ? 9 : 8;
	for (i = 0; i < n; i++)
		len += 1 + strlen(f[i]);
	p = out = xmalloc(len + 1);
	for (i = 0; i < n; i++) {
		size_t k = strlen(f[i]);

		*p++ = '\x1f';
		memcpy(p, f[i], k);
		p += k;
	}
	*p = '\0';
	return out;
}

int
store_audit_links(struct store *st, int64_t from, int64_t to, char ***links,
    size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, at, user, terminal, action, entity, ref, detail, "
	    "seals FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id",
	    err);
	size_t want = to >= from ? (size_t)(to - from + 1) : 0, i;
	int rc;

	*links = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	*links = xcalloc(want ? want : 1, sizeof **links);
	st_bind(s, "ii", from, to);
	while ((rc = db_step(s)) == DB_ROW && *n < want &&
	       db_column_int64(s, 0) == from + (int64_t)*n)
		(*links)[(*n)++] = entry_link(s);
	db_reset(s);
	if ((rc != DB_DONE && rc != DB_ROW) || *n != want) {
		for (i = 0; i < *n; i++)
			free((*links)[i]);
		free(*links);
		*links = NULL;
		*n = 0;
		if (rc != DB_DONE && rc != DB_ROW)
			return st_fail(st, err, _("Reading the audit log"));
		return pd_fail(err, PD_ESTORE,
		    _("Audit log entries %lld to %lld are not all there: "
		      "entries were removed"),
		    (long long)from, (long long)to);
	}
	return 0;
}

int64_t
seal_unclaimed(struct store *st)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(*) FROM seals WHERE audit_id IS NULL AND id > ?",
	    NULL);
	int64_t n = 0;

	if (s == NULL)
		return 0;
	st_bind(s, "i", st->seal_floor);
	if (db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	db_reset(s);
	return n;
}

/* The transaction's pending seals, when no audit entry of its use case
 * claimed them (a use case that writes no entry of its own: demo data,
 * the seals of the rows a store held before it had seals), claimed by an
 * entry "seal store" of the latest entry's user and terminal. */
int
store_seal_pending(struct store *st, const char *ref, struct pd_err *err)
{
	struct db_stmt *s;
	char at[32] = "", user[128] = "system", terminal[64] = "";
	char detail[48];
	int64_t n = seal_unclaimed(st);

	if (n == 0)
		return 0;
	s = st_stmt(st,
	    "SELECT coalesce((SELECT at FROM audit_log ORDER BY id DESC "
	    "LIMIT 1), datetime('now', 'localtime')), (SELECT user FROM "
	    "audit_log ORDER BY id DESC LIMIT 1), (SELECT terminal FROM "
	    "audit_log ORDER BY id DESC LIMIT 1)",
	    err);
	if (s == NULL)
		return -1;
	if (db_step(s) == DB_ROW) {
		st_col(s, 0, at, sizeof at);
		if (db_column_type(s, 1) != DB_NULL)
			st_col(s, 1, user, sizeof user);
		st_col(s, 2, terminal, sizeof terminal);
	}
	db_reset(s);
	snprintf(detail, sizeof detail, "rows=%lld", (long long)n);
	return store_audit_append(
	    st, at, user, terminal, "seal", "store", ref, detail, err);
}

int64_t
store_seals_unclaimed(struct store *st)
{
	return seal_unclaimed(st);
}

int
store_seals_claim(struct store *st, const char *ref, struct pd_err *err)
{
	return store_seal_pending(st, ref, err);
}

int
store_outbox_insert(struct store *st, const char *uuid, const char *kind,
    const char *ref, const char *payload, const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO outbox (uuid, kind, ref, "
	    "payload, created_at) VALUES (?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssss", uuid, kind, ref, payload, at);
	return st_done(st, s, err);
}

/* The rows store_outbox_insert_set writes with one statement: each
 * statement of store_outbox_insert ran its own statement journal, the
 * pages of the outbox, its indexes and the seals copied into it again for
 * every row (ROWS5 five rows' placeholders). */
#define OBX_ROW "(?, ?, ?, ?, ?)"
#define OBX_ROWS5 OBX_ROW ", " OBX_ROW ", " OBX_ROW ", " OBX_ROW ", " OBX_ROW
#define OBX_ROWS25 OBX_ROWS5 ", " OBX_ROWS5 ", " OBX_ROWS5 ", " OBX_ROWS5 ", " OBX_ROWS5
#define OBX_SET 50

int
store_outbox_insert_set(struct store *st, const struct outbox_row *rows,
    size_t n, struct pd_err *err)
{
	struct db_stmt *s;
	size_t i = 0, k;
	int c, rc;

	for (; n - i >= OBX_SET; i += OBX_SET) {
		s = st_stmt(st,
		    "INSERT INTO outbox (uuid, kind, ref, payload, "
		    "created_at) VALUES " OBX_ROWS25 ", " OBX_ROWS25,
		    err);
		if (s == NULL)
			return -1;
		/* the rows outlive the statement's step: bound as they are */
		for (k = 0, c = 1, rc = DB_OK; k < OBX_SET && rc == DB_OK; k++) {
			const struct outbox_row *r = &rows[i + k];
			const char *v[5] = {r->uuid, r->kind, r->ref, r->payload,
			    r->at};
			int f;

			for (f = 0; f < 5 && rc == DB_OK; f++)
				rc = db_bind_text(s, c++, v[f], -1, DB_STATIC);
		}
		if (rc != DB_OK)
			return st_fail(st, err, _("Writing to the store"));
		if (st_done(st, s, err) != 0)
			return -1;
	}
	for (; i < n; i++)
		if (store_outbox_insert(st, rows[i].uuid, rows[i].kind,
		        rows[i].ref, rows[i].payload, rows[i].at, err) != 0)
			return -1;
	return 0;
}

static void
read_detail(struct db_stmt *s, void *elem)
{
	const unsigned char *t = db_column_text(s, 0);

	*(char **)elem = xstrdup(t ? (const char *)t : "");
}

char **
store_shift_counts_shown(
    struct store *st, const char *uuid, size_t *n, struct pd_err *err)
{
	/* the action and entity written out: the partial index
	 * audit_log_shift_counts serves a query that names them */
	struct db_stmt *s = st_stmt(st,
	    "SELECT detail FROM audit_log WHERE action = 'count' AND entity = "
	    "'shift' AND ref = ?1 ORDER BY id",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "s", uuid);
	return st_collect(st, s, sizeof(char *), read_detail, n,
	    _("Reading the audit log"), err);
}
