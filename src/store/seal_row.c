/* seal_row.c - seals one entry or one row at a time: the seals a use
 * case's transaction wrote claimed by its audit entry and hashed into
 * the chain (audit.c); one user's row (sign-in) or one outbox record
 * (a push) checked against its latest claimed seal; and users sealed
 * again apart from the big groups the baseline or a migration claimed, so
 * that sign-in hashes a small group. seal.c holds the sealed tables and
 * doctor's check of them all.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"

/* The seals of s (tbl, row_id, fields) hashed into h, in its order. */
static int
digest_rows(struct db_stmt *s, struct sha256 *h)
{
	char row[24];
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		snprintf(row, sizeof row, "\x1f%lld\x1f",
		    (long long)db_column_int64(s, 1));
		sha256_update(
		    h, db_column_text(s, 0), (size_t)db_column_bytes(s, 0));
		sha256_update(h, row, strlen(row));
		sha256_update(
		    h, db_column_text(s, 2), (size_t)db_column_bytes(s, 2));
		sha256_update(h, "\x1e", 1);
	}
	db_reset(s);
	return rc;
}

int
seal_digest(struct store *st, int64_t id, char hex[65], struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT tbl, row_id, fields FROM seals WHERE audit_id = ? "
	    "ORDER BY id",
	    err);
	struct sha256 h;
	uint8_t d[SHA256_LEN];
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	sha256_init(&h);
	rc = digest_rows(s, &h);
	sha256_final(&h, d);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	sha256_tohex(d, sizeof d, hex);
	return 0;
}

/* The ids of seals one statement of seal_claim claims: a store's first
 * baseline claims every row it holds (30 million on the bench store), and
 * a statement's journal is kept in memory (db_sqlite.c, STMT_SPILL). */
#define SEAL_CLAIM_RANGE 10000

/* Where a claim starts: past the seals this transaction's entries
 * claimed (seal_claimed) while that mark still stands, the last of them
 * its entry's (a transaction rolled back by another way than
 * store_rollback wrote those ids again, unclaimed); else the floor. */
static int64_t
claimed_from(struct store *st)
{
	struct db_stmt *s;
	int64_t by = -1;

	if (st->seal_claimed <= st->seal_floor)
		return st->seal_floor;
	s = st_stmt(st, "SELECT audit_id FROM seals WHERE id = ?", NULL);
	if (s == NULL)
		return st->seal_floor;
	st_bind(s, "i", st->seal_claimed);
	if (db_step(s) == DB_ROW && db_column_type(s, 0) != DB_NULL)
		by = db_column_int64(s, 0);
	db_reset(s);
	return by == st->seal_claimed_by ? st->seal_claimed : st->seal_floor;
}

int
seal_claim(struct store *st, int64_t id, char hex[65], struct pd_err *err)
{
	/* each range claimed, then its seals of entry id read in their
	 * order by the ids just written (seal_digest's read of the same
	 * rows, ordered by id, through seals_audit: a statement matched
	 * claims 360,000 of them) */
	struct db_stmt *s = st_stmt(st,
	    "UPDATE seals SET audit_id = ? WHERE audit_id IS NULL AND "
	    "id > ? AND id <= ?",
	    err);
	struct db_stmt *q = st_stmt(st,
	    "SELECT tbl, row_id, fields FROM seals WHERE id > ? AND id <= ? "
	    "AND audit_id = ? ORDER BY id",
	    err);
	struct db_stmt *e = st_stmt(st,
	    "SELECT count(*) FROM (SELECT 1 FROM seals WHERE audit_id = ? "
	    "LIMIT 1) AS x",
	    err);
	struct sha256 h;
	uint8_t d[SHA256_LEN];
	int64_t from, top;
	long long changed = 0, n;
	int rc = DB_DONE, stale;

	hex[0] = '\0';
	if (s == NULL || q == NULL || e == NULL)
		return -1;
	top = st_count(st, "SELECT coalesce(max(id), 0) FROM seals");
	/* seals of entry id from before this claim (an entry's id used
	 * again once the log's tail was cut and reanchored: the seals of
	 * the entry cut keep its id) are in seal_digest's read too, so
	 * the digest is then read as it does, after the claim */
	st_bind(e, "i", id);
	rc = db_step(e);
	stale = rc == DB_ROW && db_column_int64(e, 0) != 0;
	db_reset(e);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading the seals"));
	rc = DB_DONE;
	sha256_init(&h);
	/* past what this transaction's entries claimed already: each
	 * claim read its transaction's seals from the floor again, and a
	 * transaction of many entries took their square (a consumer
	 * import's re-match of 10,000 gateway payments, each posted with
	 * its entry: 3 of every 4 samples here, s72) */
	from = claimed_from(st);
	for (; from < top && rc == DB_DONE; from += SEAL_CLAIM_RANGE) {
		st_bind(s, "iii", id, from, from + SEAL_CLAIM_RANGE);
		if (st_done(st, s, err) != 0) {
			sha256_final(&h, d);
			return -1;
		}
		n = db_changes(st->db);
		changed += n;
		if (n == 0)
			continue;
		st_bind(q, "iii", from, from + SEAL_CLAIM_RANGE, id);
		rc = digest_rows(q, &h);
	}
	sha256_final(&h, d);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	if (changed == 0)
		return 0;
	/* every seal up to top is an entry's now, top (written since the
	 * last claim) this one's */
	st->seal_claimed = top;
	st->seal_claimed_by = id;
	if (stale)
		return seal_digest(st, id, hex, err);
	sha256_tohex(d, sizeof d, hex);
	return 0;
}

int
store_seals_pending(struct store *st)
{
	struct db_stmt *s;

	if (!st->sealing)
		return 0;
	/* in a push's guarded pass (store_push_guard), after an entry of
	 * this transaction: none, checked by a write sent ahead that the
	 * log's append-only trigger fails when one waits */
	if (st->push_guard && st->audit_known && !st->seal_maybe &&
	    db_is_pg(st->db) &&
	    (s = st_stmt(st,
	         "UPDATE audit_log SET id = id WHERE id = ? AND EXISTS "
	         "(SELECT 1 FROM seals WHERE audit_id IS NULL)",
	         NULL)) != NULL) {
		/* the push's checks as one statement on PostgreSQL
		 * (db_pg_batch.c): any entry's row updated fails it */
		db_batchable(s, "UPDATE audit_log SET id = id WHERE id = ANY "
		                "($1::bigint[]) AND EXISTS (SELECT 1 FROM seals "
		                "WHERE audit_id IS NULL)");
		st_bind(s, "i", st->audit_id);
		/* (run at once, its first time: failed, the pass is lost
		 * and the next statement says so) */
		return st_done(st, s, NULL) != 0;
	}
	/* the seals a claim would take: above the transaction's floor, by
	 * id (seals_entry holds the claimed only, migration 66) */
	return seal_unclaimed(st) > 0;
}

void
store_push_boundary(struct store *st)
{
	if (db_is_pg(st->db) && st->push_guard)
		(void)db_pg_batch_boundary(st->db);
}

int
store_push_guard(struct store *st, int on)
{
	st->push_guard = on && db_is_pg(st->db) && st->sealing &&
	                 !st->seal_carry && st->depth > 0;
	st->audit_pre = 0;
	/* an entry appended in the pass may have been kept: not after it */
	if (db_is_pg(st->db)) {
		st->audit_known = 0;
		/* (a failed read: the first entry reads the head itself) */
		if (st->push_guard)
			(void)st_audit_prefetch(st, NULL);
		/* its writes set-based (db_pg_batch.c): a failure there
		 * fails the pass as a guard's check does */
		db_pg_batch(st->db, st->push_guard);
	}
	return st->push_guard;
}

/* A row's latest claimed seal is found by seals_row (tbl, row_id, id);
 * "+audit_id IS NOT NULL" keeps the planner off the partial index
 * seals_entry (audit_id) WHERE audit_id IS NOT NULL, which it took when
 * its statistics were older than the index's rows (the bench store: 30M
 * seals, every sign-in read them all, 20 s; issue 24's start to ready).
 * The same in rules.c and seal.c. */
int
store_user_sealed(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s;
	char digest[65], recorded[65] = "";
	int64_t audit_id = 0;
	int rc, same = 0;

	if (!st->sealing)
		return 0;
	s = st_stmt(st,
	    db_is_pg(st->db)
	        ? "SELECT coalesce(g.fields = seal_fields(to_json(u), '" SEAL_USERS
	          "'), false)::int, g.audit_id, (SELECT seals FROM audit_log "
	          "WHERE id = g.audit_id) FROM users u LEFT JOIN (SELECT "
	          "row_id, fields, audit_id FROM seals WHERE tbl = 'users' AND "
	          "row_id = ?1 AND audit_id IS NOT NULL ORDER BY id DESC LIMIT "
	          "1) g ON g.row_id = u.id WHERE u.id = ?1"
	        : "SELECT g.fields IS json_array(" SEAL_USERS "), g.audit_id, "
	          "(SELECT seals FROM audit_log WHERE id = g.audit_id) FROM "
	          "users u LEFT JOIN (SELECT row_id, fields, audit_id FROM seals "
	          "WHERE tbl = 'users' AND row_id = ?1 AND +audit_id IS NOT NULL "
	          "ORDER BY id DESC LIMIT 1) g ON g.row_id = u.id WHERE u.id = "
	          "?1",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		same = db_column_int(s, 0);
		audit_id = db_column_int64(s, 1);
		if (db_column_text(s, 2) != NULL)
			snprintf(recorded, sizeof recorded, "%s",
			    (const char *)db_column_text(s, 2));
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	if (!same || audit_id == 0)
		return 1;
	/* the seal itself as its audit entry hashed it */
	if (seal_digest(st, audit_id, digest, err) != 0)
		return -1;
	return strcmp(digest, recorded) != 0;
}

int
store_outbox_sealed(
    struct store *st, int64_t id, char *why, size_t n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT g.audit_id, o.uuid IS json_extract(g.fields, '$[0]'), "
	    "o.kind IS json_extract(g.fields, '$[1]'), o.ref IS "
	    "json_extract(g.fields, '$[2]'), pd_sha256(o.payload) IS "
	    "json_extract(g.fields, '$[3]') FROM outbox o LEFT JOIN (SELECT "
	    "row_id, fields, audit_id FROM seals WHERE tbl = 'outbox' AND "
	    "row_id = ?1 AND +audit_id IS NOT NULL ORDER BY id DESC LIMIT 1) "
	    "g ON g.row_id = o.id WHERE o.id = ?1",
	    err);
	static const char *const what[] = {"uuid", "kind", "ref", "payload"};
	int64_t audit_id = 0;
	int rc, k, same[4] = {0, 0, 0, 0};

	why[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		audit_id = db_column_int64(s, 0);
		for (k = 0; k < 4; k++)
			same[k] = db_column_int(s, k + 1);
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	if (rc == DB_DONE)
		return 0; /* gone since it was read: nothing to send */
	if (audit_id == 0) {
		snprintf(why, n, "%s",
		    _("it has no audited seal: it was added outside any use "
		      "case"));
		return 1;
	}
	for (k = 0; k < 4; k++)
		if (!same[k]) {
			snprintf(why, n,
			    _("its %s is not what its audit entry %lld says"),
			    what[k], (long long)audit_id);
			return 1;
		}
	rc = store_audit_entry_sound(st, audit_id, err);
	if (rc == 1)
		snprintf(why, n,
		    _("audit entry %lld, which recorded it, was altered"),
		    (long long)audit_id);
	return rc;
}

/* A group of seals sign-in hashes whole (store_user_sealed): above this
 * many, a user's seal is sealed again in a small group of its own. */
#define SEAL_GROUP_SMALL 64

/* The users whose latest claimed seal lies in a group of more than
 * SEAL_GROUP_SMALL seals, with that group's audit entry and whether the
 * row is still its seal. */
#define USERS_IN_BIG_GROUPS(same)                                              \
	"SELECT u.id, g.audit_id, " same " "                                   \
	"FROM users u JOIN seals g ON g.id = (SELECT max(id) FROM seals "      \
	"WHERE tbl = 'users' AND row_id = u.id AND +audit_id IS NOT NULL) "     \
	"WHERE (SELECT count(*) FROM (SELECT 1 FROM seals WHERE audit_id = "   \
	"g.audit_id LIMIT " STR(SEAL_GROUP_SMALL) " + 1) x) > " STR(             \
	    SEAL_GROUP_SMALL) " ORDER BY g.audit_id, u.id"
#define STR_(x) #x
#define STR(x) STR_(x)

/* Whether audit entry id's seals hash to the digest it recorded: 1 yes,
 * 0 no, -1 on error. */
static int
group_sound(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT seals FROM audit_log WHERE id = ?", err);
	char digest[65], recorded[65] = "";

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	if (db_step(s) == DB_ROW && db_column_text(s, 0) != NULL)
		snprintf(recorded, sizeof recorded, "%s",
		    (const char *)db_column_text(s, 0));
	db_reset(s);
	if (seal_digest(st, id, digest, err) != 0)
		return -1;
	return recorded[0] != '\0' && strcmp(digest, recorded) == 0;
}

/* Seal again each user of a big group whose row is still its seal and
 * whose group still hashes to its audit entry's digest, inside the
 * open transaction; how many, or -1. */
static int64_t
users_sealed_again(struct store *st, struct pd_err *err)
{
	int pg = db_is_pg(st->db);
	struct db_stmt *r,
	    *ins = st_stmt(st,
	        pg ? "INSERT INTO seals (tbl, row_id, fields) SELECT 'users', "
	             "id, seal_fields(to_json(u), '" SEAL_USERS "') FROM users "
	             "u WHERE id = ?"
	           : "INSERT INTO seals (tbl, row_id, fields) SELECT 'users', "
	             "id, json_array(" SEAL_USERS ") FROM users WHERE id = ?",
	        err);
	int64_t group = 0, n = 0;
	int rc, sound = 0;

	if (ins == NULL)
		return -1;
	if (db_prepare_v2(st->db,
	        pg ? USERS_IN_BIG_GROUPS("(g.fields = seal_fields(to_json(u), '" SEAL_USERS "'))::int")
	           : USERS_IN_BIG_GROUPS("g.fields IS json_array(" SEAL_USERS ")"),
	        -1, &r, NULL) != DB_OK)
		return st_fail(st, err, _("Reading the seals"));
	while ((rc = db_step(r)) == DB_ROW) {
		if (db_column_int64(r, 1) != group) {
			group = db_column_int64(r, 1);
			if ((sound = group_sound(st, group, err)) < 0)
				break;
		}
		/* a row or a group changed around paydesk keeps its old
		 * seal: sign-in refuses it and doctor reports it, as before */
		if (!sound || !db_column_int(r, 2))
			continue;
		st_bind(ins, "i", db_column_int64(r, 0));
		if (st_done(st, ins, err) != 0) {
			sound = -1;
			break;
		}
		n++;
	}
	db_finalize(r);
	if (sound < 0)
		return -1;
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	return n;
}

int
seal_users_apart(struct store *st, struct pd_err *err)
{
	char v[8] = "";

	if (store_meta_get(st, "seal_users", v, sizeof v) != 0 || v[0] == '\0')
		return 0;
	if (st_exec(st, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	st->seal_floor = st_count(st, "SELECT coalesce(max(id), 0) FROM seals");
	if (users_sealed_again(st, err) < 0 ||
	    store_seal_pending(st, "users", err) != 0 ||
	    st_exec(st, "DELETE FROM meta WHERE key = 'seal_users'", err) !=
	        0 ||
	    st_exec(st, "COMMIT", err) != 0) {
		db_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}
