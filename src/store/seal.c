/* seal.c - rows that carry money or rights, sealed into the audit chain
 * (issue 18, section 7: tampering is seen).
 *
 * A trigger of each sealed table (schema.c, migration 9) writes a pending
 * seal, the row's SEAL_* columns as a JSON array, whenever one of them
 * changes. The audit entry of the use case claims the seals its
 * transaction wrote and chains their SHA-256 (audit.c); doctor compares
 * each row with its latest claimed seal. A change made around the
 * program (the sqlite3 shell, with or without the triggers) is then a row
 * that differs from its seal, a seal no audit entry claims, or a chain
 * that no longer verifies.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"

/* The sealed tables: the columns sealed and the one that names a row. */
static const struct {
	const char *table;
	const char *cols;
	const char *label;
	int label_at; /* index of label in cols */
} sealed[] = {
    {"items", SEAL_ITEMS, "ref", 2},
    {"credit_notes", SEAL_CREDIT_NOTES, "cn_no", 0},
    {"users", SEAL_USERS, "username", 0},
    {"settings", SEAL_SETTINGS, "key", 0},
    {"shifts", SEAL_SHIFTS, "uuid", 0},
};

int
seal_digest(struct store *st, int64_t id, char hex[65], struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "SELECT tbl, row_id, fields FROM seals WHERE audit_id = ? "
	    "ORDER BY id",
	    err);
	struct sha256 h;
	uint8_t d[SHA256_LEN];
	char row[24];
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	sha256_init(&h);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		snprintf(row, sizeof row, "\x1f%lld\x1f",
		    (long long)sqlite3_column_int64(s, 1));
		sha256_update(&h, sqlite3_column_text(s, 0),
		    (size_t)sqlite3_column_bytes(s, 0));
		sha256_update(&h, row, strlen(row));
		sha256_update(&h, sqlite3_column_text(s, 2),
		    (size_t)sqlite3_column_bytes(s, 2));
		sha256_update(&h, "\x1e", 1);
	}
	sqlite3_reset(s);
	sha256_final(&h, d);
	if (rc != SQLITE_DONE)
		return st_fail(st, err, _("Reading the seals"));
	sha256_tohex(d, sizeof d, hex);
	return 0;
}

int
seal_claim(struct store *st, int64_t id, char hex[65], struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "UPDATE seals SET audit_id = ? WHERE audit_id IS NULL AND "
	    "id > ?",
	    err);

	hex[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "ii", id, st->seal_floor);
	if (st_done(st, s, err) != 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 0;
	return seal_digest(st, id, hex, err);
}

static void
report(problem_cb cb, void *arg, int *problems, const char *line)
{
	char buf[1024];

	snprintf(buf, sizeof buf, "%s: %s", _("seals"), line);
	if (cb != NULL)
		cb(buf, arg);
	(*problems)++;
}

/* The name of column k of a comma-separated list, into out. */
static void
col_name(const char *cols, int k, char *out, size_t n)
{
	const char *p = cols, *e;
	int at = k;

	while (k-- > 0 && (p = strchr(p, ',')) != NULL)
		p += 2;
	if (p == NULL) {
		snprintf(out, n, "#%d", at);
		return;
	}
	e = strchr(p, ',');
	snprintf(out, n, "%.*s", (int)(e ? (size_t)(e - p) : strlen(p)), p);
}

/* Say which columns of row differ between now and sealed (JSON arrays). */
static int
row_differs(struct store *st, int i, sqlite3_stmt *r, problem_cb cb, void *arg,
    int *problems, struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "SELECT a.key, coalesce(a.value, 'null'), coalesce(b.value, "
	    "'null') FROM "
	    "json_each(?1) a LEFT JOIN json_each(?2) b ON b.key = a.key "
	    "WHERE b.value IS NOT a.value OR b.type IS NOT a.type",
	    err);
	const char *sealed_f = (const char *)sqlite3_column_text(r, 3);
	char line[1024], col[64];
	int rc, n = 0;

	if (s == NULL)
		return -1;
	if (sealed_f == NULL) {
		snprintf(line, sizeof line,
		    _("%s row %lld (%s) has no audited seal: it was added "
		      "outside any use case"),
		    sealed[i].table, (long long)sqlite3_column_int64(r, 0),
		    (const char *)sqlite3_column_text(r, 1));
		report(cb, arg, problems, line);
		return 0;
	}
	st_bind(s, "ss", (const char *)sqlite3_column_text(r, 2), sealed_f);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		col_name(
		    sealed[i].cols, sqlite3_column_int(s, 0), col, sizeof col);
		snprintf(line, sizeof line,
		    _("%s row %lld (%s): %s is %s but its audit entry "
		      "says %s"),
		    sealed[i].table, (long long)sqlite3_column_int64(r, 0),
		    (const char *)sqlite3_column_text(r, 1), col,
		    (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2));
		report(cb, arg, problems, line);
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return st_fail(st, err, _("Reading the seals"));
	if (n == 0) {
		snprintf(line, sizeof line,
		    _("%s row %lld (%s) differs from its audit entry"),
		    sealed[i].table, (long long)sqlite3_column_int64(r, 0),
		    (const char *)sqlite3_column_text(r, 1));
		report(cb, arg, problems, line);
	}
	return 0;
}

/* Rows of table i that differ from their latest claimed seal. */
static int
check_rows(struct store *st, int i, problem_cb cb, void *arg, int *problems,
    struct pd_err *err)
{
	char sql[1024];
	sqlite3_stmt *r;
	int rc;

	snprintf(sql, sizeof sql,
	    "SELECT t.id, t.%s, json_array(%s) AS f, (SELECT fields FROM "
	    "seals WHERE tbl = '%s' AND row_id = t.id AND audit_id IS NOT "
	    "NULL ORDER BY id DESC LIMIT 1) AS g FROM %s t WHERE g IS NOT f "
	    "ORDER BY t.id",
	    sealed[i].label, sealed[i].cols, sealed[i].table, sealed[i].table);
	if (sqlite3_prepare_v2(st->db, sql, -1, &r, NULL) != SQLITE_OK)
		return st_fail(st, err, _("Reading the seals"));
	while ((rc = sqlite3_step(r)) == SQLITE_ROW)
		if (row_differs(st, i, r, cb, arg, problems, err) != 0) {
			sqlite3_finalize(r);
			return -1;
		}
	sqlite3_finalize(r);
	if (rc != SQLITE_DONE)
		return st_fail(st, err, _("Reading the seals"));
	return 0;
}

/* Sealed rows of table i that are gone. */
static int
check_gone(struct store *st, int i, problem_cb cb, void *arg, int *problems,
    struct pd_err *err)
{
	char sql[768], line[1024];
	sqlite3_stmt *r;
	int rc;

	snprintf(sql, sizeof sql,
	    "SELECT s.row_id, json_extract((SELECT fields FROM seals WHERE "
	    "tbl = '%s' AND row_id = s.row_id ORDER BY id DESC LIMIT 1), "
	    "'$[%d]') || '' FROM (SELECT DISTINCT row_id FROM seals WHERE tbl "
	    "= "
	    "'%s') s WHERE NOT EXISTS (SELECT 1 FROM %s WHERE id = s.row_id)",
	    sealed[i].table, sealed[i].label_at, sealed[i].table,
	    sealed[i].table);
	if (sqlite3_prepare_v2(st->db, sql, -1, &r, NULL) != SQLITE_OK)
		return st_fail(st, err, _("Reading the seals"));
	while ((rc = sqlite3_step(r)) == SQLITE_ROW) {
		snprintf(line, sizeof line, _("%s row %lld (%s) was deleted"),
		    sealed[i].table, (long long)sqlite3_column_int64(r, 0),
		    (const char *)sqlite3_column_text(r, 1));
		report(cb, arg, problems, line);
	}
	sqlite3_finalize(r);
	if (rc != SQLITE_DONE)
		return st_fail(st, err, _("Reading the seals"));
	return 0;
}

/* Seals no audit entry claimed: changes made outside any use case
 * (the triggers wrote them, no use case's audit entry took them). */
static void
check_pending(struct store *st, problem_cb cb, void *arg, int *problems)
{
	char line[512];
	int64_t n =
	    st_count(st, "SELECT count(*) FROM seals WHERE audit_id IS NULL");

	if (n == 0)
		return;
	snprintf(line, sizeof line,
	    ngettext("%lld change of a row of money or rights was made "
	             "outside any use case",
	        "%lld changes of rows of money or rights were made outside "
	        "any use case",
	        (unsigned long)n),
	    (long long)n);
	report(cb, arg, problems, line);
}

int
seal_check(struct store *st, problem_cb cb, void *arg, struct pd_err *err)
{
	int problems = 0;
	size_t i;

	for (i = 0; i < sizeof sealed / sizeof sealed[0]; i++)
		if (check_rows(st, (int)i, cb, arg, &problems, err) != 0 ||
		    check_gone(st, (int)i, cb, arg, &problems, err) != 0)
			return -1;
	check_pending(st, cb, arg, &problems);
	return problems;
}

int
store_user_sealed(struct store *st, int64_t id, struct pd_err *err)
{
	sqlite3_stmt *s;
	char digest[65], recorded[65] = "";
	int64_t audit_id = 0;
	int rc, same = 0;

	if (!st->sealing)
		return 0;
	s = st_stmt(st,
	    "SELECT g.fields IS json_array(" SEAL_USERS "), g.audit_id, "
	    "(SELECT seals FROM audit_log WHERE id = g.audit_id) FROM users u "
	    "LEFT JOIN (SELECT row_id, fields, audit_id FROM seals WHERE tbl = "
	    "'users' AND row_id = ?1 AND audit_id IS NOT NULL ORDER BY id DESC "
	    "LIMIT 1) g ON g.row_id = u.id WHERE u.id = ?1",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		same = sqlite3_column_int(s, 0);
		audit_id = sqlite3_column_int64(s, 1);
		if (sqlite3_column_text(s, 2) != NULL)
			snprintf(recorded, sizeof recorded, "%s",
			    (const char *)sqlite3_column_text(s, 2));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(st, err, _("Reading the seals"));
	if (!same || audit_id == 0)
		return 1;
	/* the seal itself as its audit entry hashed it */
	if (seal_digest(st, audit_id, digest, err) != 0)
		return -1;
	return strcmp(digest, recorded) != 0;
}
