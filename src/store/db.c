/* db.c - opening the store, pragmas, migrations, transactions, helpers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* the page cache of a central store connection, in KiB */
#define CENTRAL_CACHE_KB "131072"

/* What differs between the engines beyond a statement's form (db_pg.c's
 * forms[]): how a schema's version is kept, what a connection is set to,
 * and which migrations make each kind of store. */
static const struct engine {
	const char *version_get;
	const char *version_set; /* printf: the version */
	const char *meta_set;    /* printf: the key, the version */
	const char *open_sql;    /* once connected */
	const char *central_sql; /* a central node's organisation store */
	int one_transaction;     /* all pending migrations in one */
} engines[] = {
    /* SQLite */
    {"PRAGMA user_version", "PRAGMA user_version = %d",
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('%s', '%d')",
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
        "PRAGMA foreign_keys=ON",
        /* a push batch dirties thousands of pages: kept in memory until
         * the commit instead of spilled to the WAL one by one, with the
         * savepoint journals in memory and fewer, larger checkpoints */
        "PRAGMA cache_size=-" CENTRAL_CACHE_KB
        "; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=10000",
        0},
    /* PostgreSQL: the version table of db_pg_open; every migration of a
     * schema in one transaction, under the lock db_pg_open makes the
     * schema under, so two central nodes never migrate it at once */
    {"SELECT coalesce(max(version), 0) FROM schema_version",
        "INSERT INTO schema_version (version) VALUES (%d)",
        "INSERT INTO meta (key, value) VALUES ('%s', '%d') ON CONFLICT "
        "(key) DO UPDATE SET value = excluded.value",
        "", "", 1},
};

static const struct engine *
engine(const struct store *st)
{
	return &engines[db_is_pg(st->db) ? 1 : 0];
}

int
store_version(struct store *st)
{
	struct db_stmt *s;
	int v = -1;

	if (db_prepare_v2(st->db, engine(st)->version_get, -1, &s, NULL) ==
	    DB_OK) {
		if (db_step(s) == DB_ROW)
			v = db_column_int(s, 0);
		db_finalize(s);
	}
	return v;
}

/* Apply migrations[from..n) each in its own transaction with the version
 * bump (the engine's version, or the meta key if one is named); on
 * PostgreSQL all of them in one transaction, the version read again under
 * its lock. */
static int
migrate_list(struct store *st, const char *const *migrations, int n, int v,
    const char *meta_key, struct pd_err *err)
{
	const struct engine *e = engine(st);
	char buf[160];
	int i;

	if (e->one_transaction) {
		/* up to date: no lock, no transaction */
		if (meta_key == NULL && store_version(st) == n)
			return 0;
		if (st_exec(st, "BEGIN; SELECT pg_advisory_xact_lock(22022)",
		        err) != 0)
			return -1;
		if (meta_key == NULL)
			v = store_version(st);
	}
	if (v < 0)
		return st_fail(st, err, _("Reading the schema version"));
	if (v > n)
		return pd_fail(err, PD_ESTORE,
		    _("%s: the store has schema "
		      "version %d, newer than this paydesk knows (%d); use a "
		      "newer paydesk"),
		    st->path, v, n);
	for (i = v; i < n; i++) {
		if (!e->one_transaction &&
		    st_exec(st, "BEGIN IMMEDIATE", err) != 0)
			return -1;
		if (meta_key != NULL)
			snprintf(buf, sizeof buf, e->meta_set, meta_key, i + 1);
		else
			snprintf(buf, sizeof buf, e->version_set, i + 1);
		if (st_exec(st, migrations[i], err) != 0 ||
		    st_exec(st, buf, err) != 0) {
			pd_err_prefix(err,
			    _("Migrating the store to version "
			      "%d: "),
			    i + 1);
			db_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		if (!e->one_transaction && st_exec(st, "COMMIT", err) != 0)
			return -1;
		st->stats_due = 1; /* new indexes: counted at the close */
	}
	if (e->one_transaction && st_exec(st, "COMMIT", err) != 0) {
		db_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

static int
migrate(struct store *st, struct pd_err *err)
{
	return migrate_list(st, store_migrations, store_nmigrations,
	    store_version(st), NULL, err);
}

static int
mkdir_parents(const char *path)
{
	char buf[PATH_MAX], *p;

	xstrlcpy(buf, path, sizeof buf);
	for (p = buf + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

enum store_kind { KIND_TERMINAL, KIND_CENTRAL, KIND_ADMIN };

static int
central_version(struct store *st)
{
	char v[16] = "0";

	store_meta_get(st, "central_version", v, sizeof v);
	return atoi(v);
}

/* The rows a store held when it got seals (schema.c, migration 9) are
 * sealed by one audit entry "seal store baseline", once. The meta value
 * is one more than the floor of the seals it claims: '1' every pending
 * seal, a higher one only those a later migration wrote (the histories'
 * seals, schema_central.c), never a change made by hand that waited
 * unclaimed before it. */
static int
seal_baseline(struct store *st, struct pd_err *err)
{
	char v[24] = "";

	st->sealing = 1;
	if (store_meta_get(st, "seal_baseline", v, sizeof v) != 0 ||
	    v[0] == '\0')
		return 0;
	if (st_exec(st, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	st->seal_floor = strtoll(v, NULL, 10) - 1;
	if (st->seal_floor < 0)
		st->seal_floor = 0;
	/* the users the baseline sealed are sealed apart next
	 * (seal_users_apart) */
	if (store_seal_pending(st, "baseline", err) != 0 ||
	    st_exec(st,
	        "INSERT OR REPLACE INTO meta (key, value) VALUES "
	        "('seal_users', '1')",
	        err) != 0 ||
	    st_exec(st, "DELETE FROM meta WHERE key = 'seal_baseline'", err) !=
	        0 ||
	    st_exec(st, "COMMIT", err) != 0) {
		db_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

void
store_set_today(struct store *st, const char *day)
{
	xstrlcpy(st->stats_day, day != NULL ? day : "", sizeof st->stats_day);
}

void
store_stats_due(struct store *st)
{
	st->stats_due = 1;
}

void
store_set_phone_cc(struct store *st, const char *cc)
{
	xstrlcpy(st->phone_cc, cc != NULL ? cc : "", sizeof st->phone_cc);
}

/* A PostgreSQL store's locator, "pg:SCHEMA CONNINFO" (store.h): the
 * connection of db_pg_open, its name for messages (never the conninfo,
 * which may hold a password). */
static int
open_pg(const char *path, struct store *st, struct pd_err *err)
{
	char schema[64];
	size_t n = strcspn(path + 3, " ");

	if (n >= sizeof schema)
		n = sizeof schema - 1;
	memcpy(schema, path + 3, n);
	schema[n] = '\0';
	snprintf(st->path, sizeof st->path, "postgresql:%s", schema);
	return db_pg_open(
	    path[3 + n] == ' ' ? path + 4 + n : "", schema, &st->db, err);
}

/* The migrations of a kind of store on its engine, in order: the
 * terminal's (SQLite only), the central node's additions (tracked by the
 * meta key central_version on SQLite), the directory's. */
static int
migrate_kind(struct store *st, enum store_kind kind, struct pd_err *err)
{
	if (db_is_pg(st->db)) {
		if (kind == KIND_TERMINAL)
			return pd_fail(err, PD_EINVAL,
			    _("A terminal's store is a SQLite file, not "
			      "PostgreSQL"));
		return kind == KIND_ADMIN
		           ? migrate_list(st, store_pg_admin_migrations,
		                 store_pg_admin_nmigrations, 0, NULL, err)
		           : migrate_list(st, store_pg_central_migrations,
		                 store_pg_central_nmigrations, 0, NULL, err);
	}
	if (kind == KIND_ADMIN)
		return migrate_list(st, store_admin_migrations,
		    store_admin_nmigrations, store_version(st), NULL, err);
	if (migrate(st, err) != 0)
		return -1;
	if (kind == KIND_CENTRAL &&
	    (st_exec(st, engine(st)->central_sql, err) != 0 ||
	        migrate_list(st, store_central_migrations,
	            store_central_nmigrations, central_version(st),
	            "central_version", err) != 0))
		return -1;
	return 0;
}

static int
open_kind(const char *path, int create, enum store_kind kind,
    struct store **out, struct pd_err *err)
{
	struct store *st;
	int pg = strncmp(path, "pg:", 3) == 0;

	*out = NULL;
	if (!pg && !create && access(path, F_OK) != 0)
		return pd_fail(err, PD_ENOTFOUND,
		    _("%s: no store here; create "
		      "one with `paydesk init` (or `paydesk demo`)"),
		    path);
	if (!pg && create) {
		if (mkdir_parents(path) != 0)
			return pd_fail(err, PD_ESTORE,
			    _("%s: cannot create its "
			      "directory: %s"),
			    path, strerror(errno));
	}
	st = xcalloc(1, sizeof *st);
	xstrlcpy(st->path, path, sizeof st->path);
	st->central = kind == KIND_CENTRAL;
	if ((pg ? open_pg(path, st, err)
	        : db_sqlite_open(path, create, &st->db, err)) != 0) {
		store_close(st);
		return -1;
	}
	store_stats_watch(st);
	if ((!pg && st_exec(st, engine(st)->open_sql, err) != 0) ||
	    migrate_kind(st, kind, err) != 0) {
		store_close(st);
		return -1;
	}
	/* the rows a migration sealed, claimed by one audit entry (both
	 * engines: schema_pg.c's migration 8) */
	if (kind != KIND_ADMIN &&
	    (seal_baseline(st, err) != 0 || seal_users_apart(st, err) != 0)) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

int
store_open(const char *path, int create, struct store **out, struct pd_err *err)
{
	return open_kind(path, create, KIND_TERMINAL, out, err);
}

int
store_open_central(
    const char *path, int create, struct store **out, struct pd_err *err)
{
	return open_kind(path, create, KIND_CENTRAL, out, err);
}

int
store_open_directory(
    const char *path, int create, struct store **out, struct pd_err *err)
{
	return open_kind(path, create, KIND_ADMIN, out, err);
}

void
store_close(struct store *st)
{
	int i;

	if (st == NULL)
		return;
	store_checkpoints_stop(st);
	if (st->db != NULL && st->seal_carry && st->depth == 0 &&
	    db_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == DB_OK) {
		if (store_seal_pending(st, "", NULL) == 0)
			db_exec(st->db, "COMMIT", NULL, NULL, NULL);
		else
			db_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	store_stats_keep(st);
	for (i = 0; i < st->ncache; i++)
		db_finalize(st->cache[i].stmt);
	if (st->list_stmt != NULL)
		db_finalize(st->list_stmt);
	if (st->db != NULL)
		db_close(st->db);
	free(st->fts_triggers);
	free(st->item_triggers);
	st_push_forget(st);
	store_search_forget(st);
	free(st->list_sql);
	free(st);
}

int64_t
st_count(struct store *st, const char *sql)
{
	struct db_stmt *s = st_stmt(st, sql, NULL);
	int64_t n = 0;

	if (s != NULL && db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	if (s != NULL)
		db_reset(s);
	return n;
}

/* Run one cached statement that returns no rows. */
static int
run(struct store *st, const char *sql, const char *what, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, sql, err);
	int rc;

	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc != DB_DONE)
		st_fail(st, err, what);
	db_reset(s);
	return rc == DB_DONE ? 0 : -1;
}

int
store_begin(struct store *st, struct pd_err *err)
{
	/* a use case inside another one (demo data posting payments, a
	 * gateway notification in its group's commit) runs in a savepoint
	 * of the outer transaction; pd_inner, as INNER is a keyword of
	 * PostgreSQL's */
	if (run(st, st->depth ? "SAVEPOINT pd_inner" : "BEGIN IMMEDIATE",
	        "Starting a transaction", err) != 0)
		return -1;
	if (st->depth == 0) {
		st->pay_counts = st->nids = 0;
		st_push_forget(st);
		st->refused_of[0] = '\0';
	}
	st->depth++;
	if (st->depth == 1 && st->begin_check != NULL &&
	    st->begin_check(st, st->begin_arg, err) != 0) {
		store_abort(st);
		return -1;
	}
	/* after the check: a store moved away may be gone, and a failed
	 * read would abort a PostgreSQL transaction */
	if (st->depth == 1)
		st->seal_claimed = 0;
	if (st->depth == 1 && st->sealing && !st->seal_carry)
		st->seal_floor =
		    st_count(st, "SELECT coalesce(max(id), 0) FROM seals");
	return 0;
}

int
store_begin_wait(struct store *st, int ms, struct pd_err *err)
{
	int rc;

	db_busy_timeout(st->db, ms);
	rc = store_begin(st, err);
	db_busy_timeout(st->db, STORE_BUSY_MS);
	return rc;
}

int
store_commit(struct store *st, struct pd_err *err)
{
	int carry = 0;

	if (st->depth == 0)
		return pd_fail(
		    err, PD_ESTORE, _("Commit without a transaction"));
	/* seals a transaction wrote with no audit entry of its own (a test's
	 * fixture, demo data) are claimed by this connection's next entry,
	 * or at store_close: counted before the COMMIT, in the transaction
	 * that wrote them (issue 24: counted after it, the count was a read
	 * transaction of its own, 3.6% of a post's CPU on the bench store) */
	if (st->depth == 1 && st->sealing)
		carry = seal_unclaimed(st) > 0;
	if (run(st, st->depth > 1 ? "RELEASE pd_inner" : "COMMIT", "Committing",
	        err) != 0) {
		store_rollback(st);
		return -1;
	}
	st->depth--;
	if (st->depth == 0) {
		st->pay_counts = st->nids = 0;
		st_push_forget(st);
		st->refused_of[0] = '\0';
	}
	if (st->depth == 0 && st->sealing)
		st->seal_carry = carry;
	return 0;
}

/* Statements still stepping would keep the transaction open. */
static void
reset_cached(struct store *st)
{
	int i;

	for (i = 0; i < st->ncache; i++)
		db_reset(st->cache[i].stmt);
}

void
store_rollback(struct store *st)
{
	if (st->depth <= 1) {
		store_abort(st);
		return;
	}
	reset_cached(st);
	st->pay_counts = st->nids = st->pay_carries = 0;
	st->seal_claimed = 0; /* the ids rolled back are written again */
	st_push_forget(st);
	st->refused_of[0] = '\0';
	db_exec(
	    st->db, "ROLLBACK TO pd_inner; RELEASE pd_inner", NULL, NULL, NULL);
	st->depth--;
}

void
store_abort(struct store *st)
{
	reset_cached(st);
	st->pay_counts = st->nids = st->pay_carries = 0;
	st_push_forget(st);
	st->refused_of[0] = '\0';
	if (!db_get_autocommit(st->db))
		db_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->depth = 0;
}

int
store_meta_get(struct store *st, const char *key, char *val, size_t n)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT value FROM meta WHERE key = ?", NULL);

	if (s == NULL)
		return -1;
	st_bind(s, "s", key);
	if (db_step(s) != DB_ROW) {
		db_reset(s);
		return -1;
	}
	st_col(s, 0, val, n);
	db_reset(s);
	return 0;
}

int
store_meta_set(
    struct store *st, const char *key, const char *val, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO meta(key, value) "
	    "VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
	    "excluded.value",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ss", key, val);
	return st_done(st, s, err);
}

const char *
store_file(const struct store *st)
{
	return st->path;
}
