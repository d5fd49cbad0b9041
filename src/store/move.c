/* move.c - an organisation's store copied to the other engine (issue 22,
 * `paydesk-central move`): every table both schemas have, row for row,
 * into an empty store; each table's rows, money and content summed on
 * both sides to verify the copy; and the guard that keeps writers off a
 * store while it is copied.
 *
 * The copy runs in the destination's transaction with its own triggers
 * off (they would feed, seal or guard the rows again): on PostgreSQL
 * ALTER TABLE ... DISABLE TRIGGER USER (the owner's right; foreign keys
 * stay on), on SQLite the triggers dropped and made again from their
 * SQL, its full-text indexes rebuilt from the rows. Tables are copied in
 * an order their foreign keys accept, found by trying: a table refused
 * (its parent not copied yet) is tried again after the others. What is
 * the engine's own is not copied: the schema's version and meta, the
 * full-text tables, PostgreSQL's feed_head (set from the feed). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"
#include "paydesk/xmalloc.h"

#define MAX_TABLES 128
#define MAX_COLS 64
#define NAME_MAX_ 64

struct tlist {
	char name[MAX_TABLES][NAME_MAX_];
	int n;
};

/* The engine's own tables, never copied. */
static int
engine_table(const char *t)
{
	static const char *const own[] = {"schema_version", "meta", "feed_head",
	    "fts_defer", "consumers_fts", "consumers_words", "payments_docs"};
	size_t i;

	if (strncmp(t, "sqlite_", 7) == 0)
		return 1;
	for (i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strncmp(t, own[i], strlen(own[i])) == 0)
			return 1;
	return 0;
}

/* Step a dynamic query's first column into l. */
static int
names(struct store *st, const char *sql, const char *arg, struct tlist *l,
    struct pd_err *err)
{
	struct db_stmt *s;
	int rc;

	l->n = 0;
	if (db_prepare_v2(st->db, sql, -1, &s, NULL) != DB_OK)
		return st_fail(st, err, "Reading the schema");
	if (arg != NULL)
		db_bind_text(s, 1, arg, -1, DB_TRANSIENT);
	while ((rc = db_step(s)) == DB_ROW && l->n < MAX_TABLES)
		xstrlcpy(l->name[l->n++], (const char *)db_column_text(s, 0),
		    NAME_MAX_);
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, "Reading the schema");
	return 0;
}

static int
tables(struct store *st, struct tlist *l, struct pd_err *err)
{
	return names(st,
	    db_is_pg(st->db)
	        ? "SELECT table_name::text FROM information_schema.tables WHERE"
	          " table_schema = current_schema() AND table_type = 'BASE"
	          " TABLE' ORDER BY 1"
	        : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY"
	          " 1",
	    NULL, l, err);
}

static int
columns(
    struct store *st, const char *table, struct tlist *l, struct pd_err *err)
{
	return names(st,
	    db_is_pg(st->db)
	        ? "SELECT column_name::text FROM information_schema.columns"
	          " WHERE table_schema = current_schema() AND table_name = ?"
	          " ORDER BY ordinal_position"
	        : "SELECT name FROM pragma_table_info(?) ORDER BY cid",
	    table, l, err);
}

static int
has(const struct tlist *l, const char *name)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->name[i], name) == 0)
			return 1;
	return 0;
}

/* The columns of table both stores have, quoted, comma-separated. */
static int
common_columns(struct store *a, struct store *b, const char *table, char *out,
    size_t n, struct tlist *cols, struct pd_err *err)
{
	struct tlist ca, cb;
	size_t len = 0;
	int i;

	if (columns(a, table, &ca, err) != 0 ||
	    columns(b, table, &cb, err) != 0)
		return -1;
	cols->n = 0;
	out[0] = '\0';
	for (i = 0; i < ca.n && cols->n < MAX_COLS; i++) {
		if (!has(&cb, ca.name[i]))
			continue;
		xstrlcpy(cols->name[cols->n++], ca.name[i], NAME_MAX_);
		len += (size_t)snprintf(out + len, n - len, "%s\"%s\"",
		    len ? ", " : "", ca.name[i]);
		if (len >= n)
			return pd_fail(
			    err, PD_ESTORE, "%s: too many columns", table);
	}
	return 0;
}

/* How many rows table holds in st (-1: it cannot be read). */
static int64_t
rows_of(struct store *st, const char *table)
{
	struct db_stmt *s;
	char *sql = xasprintf("SELECT count(*) FROM \"%s\"", table);
	int64_t n = -1;

	if (db_prepare_v2(st->db, sql, -1, &s, NULL) == DB_OK) {
		if (db_step(s) == DB_ROW)
			n = db_column_int64(s, 0);
		db_finalize(s);
	}
	free(sql);
	return n;
}

int
store_org_tables(struct store *src, struct store *dst, char (**out)[64],
    size_t *n, struct pd_err *err)
{
	struct tlist a, b;
	int64_t rows;
	int i;

	if (tables(src, &a, err) != 0 || tables(dst, &b, err) != 0)
		return -1;
	/* a table only the source has is left behind: refused unless empty
	 * (a terminal's own table, such as alerts, in a central store) */
	for (i = 0; i < a.n; i++)
		if (!engine_table(a.name[i]) && !has(&b, a.name[i]) &&
		    (rows = rows_of(src, a.name[i])) != 0)
			return pd_fail(err, PD_EINVAL,
			    ngettext("Table %s holds %lld row and the target "
			             "has no such table: nothing was moved",
			        "Table %s holds %lld rows and the target has no "
			        "such table: nothing was moved",
			        (unsigned long)rows),
			    a.name[i], (long long)rows);
	*out = xcalloc((size_t)a.n + 1, sizeof **out);
	*n = 0;
	for (i = 0; i < a.n; i++)
		if (!engine_table(a.name[i]) && has(&b, a.name[i]))
			xstrlcpy((*out)[(*n)++], a.name[i], 64);
	return 0;
}

/* Whether a column holds money (minor units), by its name. */
static int
money_column(const char *c)
{
	static const char *const money[] = {"amount", "settled", "applied",
	    "tendered", "change_given", "due_total", "overpaid",
	    "balance_after", "float_expected", "float_counted", "float_kept",
	    "taken", "expected", "counted", "over_short", "credits", "debits",
	    "opening", "closing", "fee", "refunded", "debt", "down_payment",
	    "due_before"};
	size_t i;

	for (i = 0; i < sizeof money / sizeof money[0]; i++)
		if (strcmp(c, money[i]) == 0)
			return 1;
	return 0;
}

int
store_table_sum(struct store *st, struct store *other, const char *table,
    struct table_sum *sum, struct pd_err *err)
{
	char cols[4096], *sql;
	struct tlist cl;
	struct db_stmt *s;
	struct sha256 h;
	unsigned char d[32];
	uint64_t v;
	int rc, i, nb;

	memset(sum, 0, sizeof *sum);
	xstrlcpy(sum->table, table, sizeof sum->table);
	if (common_columns(st, other, table, cols, sizeof cols, &cl, err) != 0)
		return -1;
	sql = xasprintf("SELECT %s FROM \"%s\"", cols, table);
	rc = db_prepare_v2(st->db, sql, -1, &s, NULL);
	free(sql);
	if (rc != DB_OK)
		return st_fail(st, err, table);
	/* each row's hash, added up: the same whatever the order */
	while ((rc = db_step(s)) == DB_ROW) {
		sha256_init(&h);
		for (i = 0; i < cl.n; i++) {
			const unsigned char *t = db_column_text(s, i);

			nb = db_column_bytes(s, i);
			if (db_column_type(s, i) == DB_NULL)
				sha256_update(&h, "\x1e", 1);
			else
				sha256_update(&h, t, (size_t)nb);
			sha256_update(&h, "\x1f", 1);
			if (t != NULL && money_column(cl.name[i]))
				sum->money +=
				    strtoll((const char *)t, NULL, 10);
		}
		sha256_final(&h, d);
		memcpy(&v, d, sizeof v);
		sum->digest += v;
		sum->rows++;
	}
	db_finalize(s);
	if (rc != DB_DONE)
		return st_fail(st, err, table);
	return 0;
}

/* Copy table's rows from src into dst (the columns both have). */
static int
copy_table(
    struct store *src, struct store *dst, const char *table, struct pd_err *err)
{
	char cols[4096], *sql, *marks;
	struct tlist cl;
	struct db_stmt *r, *w;
	int rc, i;

	if (common_columns(src, dst, table, cols, sizeof cols, &cl, err) != 0)
		return -1;
	marks = xcalloc((size_t)cl.n * 3 + 1, 1);
	for (i = 0; i < cl.n; i++)
		strcat(marks, i ? ", ?" : "?");
	sql = xasprintf(
	    "INSERT INTO \"%s\" (%s) VALUES (%s)", table, cols, marks);
	free(marks);
	rc = db_prepare_v2(dst->db, sql, -1, &w, NULL);
	free(sql);
	if (rc != DB_OK)
		return st_fail(dst, err, table);
	/* in the order the rows were made: a row may name an earlier one */
	sql = xasprintf("SELECT %s FROM \"%s\" ORDER BY %s", cols, table,
	    has(&cl, "id") ? "\"id\"" : "1");
	rc = db_prepare_v2(src->db, sql, -1, &r, NULL);
	free(sql);
	if (rc != DB_OK) {
		db_finalize(w);
		return st_fail(src, err, table);
	}
	while ((rc = db_step(r)) == DB_ROW) {
		for (i = 0; i < cl.n; i++)
			if (db_column_type(r, i) == DB_NULL)
				db_bind_null(w, i + 1);
			else
				db_bind_text(w, i + 1,
				    (const char *)db_column_text(r, i),
				    db_column_bytes(r, i), DB_TRANSIENT);
		if (db_step(w) != DB_DONE) {
			rc = -1;
			break;
		}
		db_reset(w);
	}
	db_finalize(r);
	if (rc == -1) {
		st_fail(dst, err, table);
		db_finalize(w);
		return -1;
	}
	db_finalize(w);
	if (rc != DB_DONE)
		return st_fail(src, err, table);
	return 0;
}

/* Each table in an order its foreign keys accept: one refused is tried
 * again after the others (in a savepoint, so the refusal undoes it). */
static int
copy_all(struct store *src, struct store *dst, char (*t)[64], size_t n,
    struct pd_err *err)
{
	char *done = xcalloc(n + 1, 1);
	size_t i, left = n, before;
	struct pd_err e = {0};

	while (left > 0) {
		before = left;
		for (i = 0; i < n; i++) {
			if (done[i])
				continue;
			if (store_begin(dst, err) != 0) {
				free(done);
				return -1;
			}
			if (copy_table(src, dst, t[i], &e) != 0) {
				store_rollback(dst);
				continue;
			}
			if (store_commit(dst, err) != 0) {
				free(done);
				return -1;
			}
			done[i] = 1;
			left--;
		}
		if (left == before) {
			free(done);
			*err = e;
			return -1;
		}
	}
	free(done);
	return 0;
}

/* SQLite: the triggers' SQL, to make again after the copy. */
static char **
lite_triggers(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s;
	char **v = NULL;
	int rc;

	*n = 0;
	if (db_prepare_v2(st->db,
	        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'",
	        -1, &s, NULL) != DB_OK) {
		st_fail(st, err, "Reading the triggers");
		return NULL;
	}
	while ((rc = db_step(s)) == DB_ROW) {
		v = xrealloc(v, *n + 2, sizeof *v);
		v[(*n)++] = xasprintf(
		    "DROP TRIGGER \"%s\"", (const char *)db_column_text(s, 0));
		v[(*n)++] = xstrdup((const char *)db_column_text(s, 1));
	}
	db_finalize(s);
	if (rc != DB_DONE) {
		st_fail(st, err, "Reading the triggers");
		return v;
	}
	return v != NULL ? v : xcalloc(1, sizeof *v);
}

/* Whether dst (SQLite) has the table or trigger name. */
static int
lite_has(struct store *dst, const char *name)
{
	struct db_stmt *s;
	int rc;

	if (db_prepare_v2(dst->db, "SELECT 1 FROM sqlite_master WHERE name = ?",
	        -1, &s, NULL) != DB_OK)
		return 0;
	db_bind_text(s, 1, name, -1, DB_TRANSIENT);
	rc = db_step(s) == DB_ROW;
	db_finalize(s);
	return rc;
}

/* Turn dst's triggers off (on 0) or on again (on 1). */
static int
triggers(struct store *dst, char (*t)[64], size_t n, char **lite, size_t nlite,
    int on, struct pd_err *err)
{
	/* not payments_docs: a central node's is empty (central migration
	 * 39) */
	static const char *const fts[] = {"consumers_fts", "consumers_words"};
	char *sql;
	size_t i;
	int rc = 0;

	if (db_is_pg(dst->db)) {
		for (i = 0; i < n && rc == 0; i++) {
			sql = xasprintf("ALTER TABLE \"%s\" %s TRIGGER USER",
			    t[i], on ? "ENABLE" : "DISABLE");
			rc = st_exec(dst, sql, err);
			free(sql);
		}
		return rc;
	}
	for (i = on ? 1 : 0; i < nlite && rc == 0; i += 2)
		rc = st_exec(dst, lite[i], err);
	/* the full-text indexes from the rows copied */
	for (i = 0; on && i < sizeof fts / sizeof fts[0] && rc == 0; i++)
		if (lite_has(dst, fts[i])) {
			sql =
			    xasprintf("INSERT INTO %s (%s) VALUES ('rebuild')",
			        fts[i], fts[i]);
			rc = st_exec(dst, sql, err);
			free(sql);
		}
	return rc;
}

/* PostgreSQL: identities and the feed's head past the rows copied. */
static int
pg_after(struct store *dst, char (*t)[64], size_t n, struct pd_err *err)
{
	struct tlist cl;
	char *sql;
	size_t i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = columns(dst, t[i], &cl, err)) != 0 || !has(&cl, "id"))
			continue;
		/* an id that is no identity has no sequence: no row */
		sql = xasprintf("SELECT setval(s, m) FROM (SELECT"
		                " pg_get_serial_sequence('\"%s\"', 'id') s,"
		                " max(id) m FROM \"%s\") x WHERE s IS NOT NULL"
		                " AND m IS NOT NULL",
		    t[i], t[i]);
		rc = st_exec(dst, sql, err);
		free(sql);
	}
	if (rc != 0)
		return -1;
	return st_exec(dst,
	    "UPDATE feed_head SET head = (SELECT coalesce(max(seq), 0) FROM"
	    " feed)",
	    err);
}

int
store_org_copy(struct store *src, struct store *dst, struct pd_err *err)
{
	char(*t)[64] = NULL, *sql;
	char **lite = NULL;
	size_t n, nlite = 0, i;
	int rc = -1;

	if (store_org_tables(src, dst, &t, &n, err) != 0)
		return -1;
	if (store_begin(dst, err) != 0) {
		free(t);
		return -1;
	}
	if (!db_is_pg(dst->db) &&
	    (lite = lite_triggers(dst, &nlite, err)) == NULL)
		goto out;
	if (triggers(dst, t, n, lite, nlite, 0, err) != 0)
		goto out;
	/* what a new store starts with (sync_origin's row, the settings'
	 * first history) is the source's to give */
	for (i = 0; i < n; i++) {
		sql = xasprintf("DELETE FROM \"%s\"", t[i]);
		rc = st_exec(dst, sql, err);
		free(sql);
		if (rc != 0)
			goto out;
	}
	rc = -1;
	if (copy_all(src, dst, t, n, err) != 0 ||
	    triggers(dst, t, n, lite, nlite, 1, err) != 0 ||
	    (db_is_pg(dst->db) && pg_after(dst, t, n, err) != 0))
		goto out;
	rc = 0;
out:
	for (i = 0; i < nlite; i++)
		free(lite[i]);
	free(lite);
	free(t);
	if (rc != 0) {
		store_abort(dst);
		return -1;
	}
	return store_commit(dst, err);
}

int
store_org_empty(struct store *st)
{
	return st_count(st,
	           "SELECT (SELECT count(*) FROM feed) + (SELECT"
	           " count(*) FROM consumers) + (SELECT count(*) FROM"
	           " audit_log) + (SELECT count(*) FROM applied)") == 0;
}

int
store_move_guard(struct store *st, int exclusive, struct pd_err *err)
{
	if (!db_is_pg(st->db))
		return 0; /* BEGIN IMMEDIATE holds SQLite's write lock */
	return st_exec(st,
	    exclusive ? "SELECT pg_advisory_xact_lock(hashtext('paydesk move"
	                " ' || current_schema()))"
	              : "SELECT pg_advisory_xact_lock_shared(hashtext('paydesk"
	                " move ' || current_schema()))",
	    err);
}

int
store_retire(struct store *st, const char *suffix, struct pd_err *err)
{
	char *sql;
	int rc;

	if (!db_is_pg(st->db))
		return 0; /* the file is renamed by its caller, closed */
	sql = xasprintf("DO $$ BEGIN EXECUTE format('ALTER SCHEMA %%I RENAME"
	                " TO %%I', current_schema(), current_schema() || '%s');"
	                " END $$",
	    suffix);
	rc = st_exec(st, sql, err);
	free(sql);
	return rc;
}

void
store_set_begin_check(struct store *st,
    int (*check)(struct store *st, void *arg, struct pd_err *err), void *arg)
{
	st->begin_check = check;
	st->begin_arg = arg;
}

void
store_forge_item(struct store *st)
{
	struct pd_err e;

	st_exec(st,
	    "UPDATE items SET amount = amount + 1 WHERE id = (SELECT max(id)"
	    " FROM items)",
	    &e);
}
