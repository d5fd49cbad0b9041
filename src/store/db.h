/* db.h - the store's database seam: the calls the store's files make to
 * their database, under names of their own (db_*, DB_*), so that the same
 * store functions run on another engine (issue 22: the central node on
 * PostgreSQL) and nothing is written twice. The names and arguments are
 * SQLite's with sqlite3_ read db_ and SQLITE_ read DB_; the store's files
 * were converted by /work/notes/s32/dbseam.sh and name no sqlite3_* (the
 * drivers db_sqlite.c and vfs.c do: they are the engine's).
 *
 * The SQLite driver's calls on the post-a-payment path are static inline
 * here; opening, preparing and closing are in db_sqlite.c. Not a public
 * header: internal.h includes it. */
#ifndef PAYDESK_STORE_DB_H
#define PAYDESK_STORE_DB_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "paydesk/err.h"

struct db_pg;
struct db_pg_stmt;

/* A connection: SQLite's, or PostgreSQL's (db_pg.c) when pg is set. */
struct db {
	sqlite3 *lite;
	struct db_pg *pg;
};

/* A prepared statement (db_prepare_v2/v3, freed by db_finalize): one of
 * the two engines'. */
struct db_stmt {
	sqlite3_stmt *lite;
	struct db_pg_stmt *pg;
};

/* Result codes and constants, SQLite's values. */
#define DB_OK SQLITE_OK
#define DB_ROW SQLITE_ROW
#define DB_DONE SQLITE_DONE
#define DB_BUSY SQLITE_BUSY
#define DB_LOCKED SQLITE_LOCKED
#define DB_CONSTRAINT SQLITE_CONSTRAINT
#define DB_CONSTRAINT_UNIQUE SQLITE_CONSTRAINT_UNIQUE
#define DB_CONSTRAINT_PRIMARYKEY SQLITE_CONSTRAINT_PRIMARYKEY
#define DB_NULL SQLITE_NULL
#define DB_TRANSIENT SQLITE_TRANSIENT
#define DB_STATIC SQLITE_STATIC
#define DB_PREPARE_PERSISTENT SQLITE_PREPARE_PERSISTENT
#define DB_ERROR SQLITE_ERROR
#define DB_INTEGER SQLITE_INTEGER
#define DB_TEXT SQLITE_TEXT

/* The PostgreSQL driver (db_pg.c), with SQLite's result codes. A value
 * is bound as text ('s', NULL for NULL) or as an integer ('i', the
 * parameter typed bigint); n is its length or -1. */
int db_pg_step(struct db_pg_stmt *s);
int db_pg_reset(struct db_pg_stmt *s);
int db_pg_clear_bindings(struct db_pg_stmt *s);
int db_pg_bind(struct db_pg_stmt *s, int i, char type, const char *v, int n);
int db_pg_bind_int64(struct db_pg_stmt *s, int i, int64_t v);
int64_t db_pg_column_int64(struct db_pg_stmt *s, int i);
const unsigned char *db_pg_column_text(struct db_pg_stmt *s, int i);
int db_pg_column_bytes(struct db_pg_stmt *s, int i);
int db_pg_column_type(struct db_pg_stmt *s, int i);
int db_pg_exec(struct db *db, const char *sql, char **msg);
int64_t db_pg_last_insert_rowid(struct db *db);
int db_pg_changes(struct db *db);
int db_pg_errcode(struct db *db);
const char *db_pg_errmsg(struct db *db);
int db_pg_autocommit(struct db *db);
/* Writes deferred (on): an INSERT, UPDATE or DELETE whose rows none
 * reads, in a transaction, is sent without waiting for its answer; the
 * answers are read at the next statement that reads (one round trip for
 * a run of writes), or asks changes, the last id or the transaction's
 * state. A deferred write that failed fails that statement, with its
 * own message. Both ways the answers waiting are read first: DB_ERROR
 * when one of the writes deferred since on failed. */
int db_pg_defer(struct db *db, int on);
/* Set-based writes (db_pg_batch.c): s batchable, its rows kept while
 * batching is on and sent as one statement per batch: set_sql its set
 * form over unnest() of its parameters' arrays ($N::bigint[] or
 * text[]), NULL for one derived from its INSERT ... VALUES. */
void db_pg_batchable(struct db_pg_stmt *s, const char *set_sql);
/* Batching on or off (a push's first pass, store_push_guard). */
void db_pg_batch(struct db *db, int on);
/* Between two records of a batch: the rows kept sent now when there are
 * many (BATCH_DUE), the server writing them while the next records are
 * made ready; a failed send fails the next read, as a deferred write's. */
int db_pg_batch_boundary(struct db *db);
/* The session's plans generic (on) or custom again (off), with no
 * sequential scan and no JIT while on: store_plans_generic, around a
 * pull's page reads; beside the session settings of db_pg_open. */
void db_pg_plans_generic(struct db *db, int on);
/* db_pg_sql.c: SQLite's form of a statement the store runs as it is
 * read as PostgreSQL's (sql itself when it is the same); sql with ?N and
 * ? as $N and SQLite's words as PostgreSQL's, *nparams the highest
 * parameter (malloc'd); whether sql is an INSERT with no RETURNING of
 * its own. */
const char *db_pg_form_of(const char *sql);
char *db_pg_translate(const char *sql, int *nparams);
int db_pg_plain_insert(const char *sql);
int db_pg_prepare(struct db *db, const char *sql, struct db_stmt **out);
int db_pg_finalize(struct db_pg_stmt *s);
void db_pg_close(struct db *db);
/* Open a PostgreSQL connection (conninfo "" reads the PG* environment)
 * working in schema (its search_path: schema, then "paydesk"), the schema
 * made when missing; *out is the caller's to db_close. -1 with err when
 * the server cannot be reached or refuses. */
int db_pg_open(const char *conninfo, const char *schema, struct db **out,
    struct pd_err *err);
/* Mark s batchable on PostgreSQL (db_pg_batchable); nothing on SQLite. */
static inline void
db_batchable(struct db_stmt *s, const char *set_sql)
{
	if (s->pg)
		db_pg_batchable(s->pg, set_sql);
}

/* Whether db is PostgreSQL's. */
static inline int
db_is_pg(const struct db *db)
{
	return db->pg != NULL;
}

/* Open the SQLite file path (created when create) with the store's VFS,
 * busy timeout and SQL functions (pd_fold, pd_sha256) into *out (the
 * caller's to db_close); -1 with err when it cannot be opened. */
int db_sqlite_open(
    const char *path, int create, struct db **out, struct pd_err *err);
/* Close a connection (NULL is ignored). */
int db_close(struct db *db);
/* Prepare sql (n bytes, -1: to its NUL) into *out; DB_OK or an error
 * code (db_errmsg). *out is the caller's to db_finalize. */
int db_prepare_v2(struct db *db, const char *sql, int n, struct db_stmt **out,
    const char **tail);
/* The same with SQLite's prepare flags (DB_PREPARE_PERSISTENT). */
int db_prepare_v3(struct db *db, const char *sql, int n, unsigned flags,
    struct db_stmt **out, const char **tail);
/* Free a statement (NULL is ignored). */
int db_finalize(struct db_stmt *s);

static inline int
db_step(struct db_stmt *s)
{
	if (s->pg)
		return db_pg_step(s->pg);
	return sqlite3_step(s->lite);
}

static inline int
db_reset(struct db_stmt *s)
{
	if (s->pg)
		return db_pg_reset(s->pg);
	return sqlite3_reset(s->lite);
}

static inline int
db_clear_bindings(struct db_stmt *s)
{
	if (s->pg)
		return db_pg_clear_bindings(s->pg);
	return sqlite3_clear_bindings(s->lite);
}

static inline int
db_bind_text(
    struct db_stmt *s, int i, const char *t, int n, void (*del)(void *))
{
	if (s->pg)
		return db_pg_bind(s->pg, i, 's', t, n);
	return sqlite3_bind_text(s->lite, i, t, n, del);
}

static inline int
db_bind_blob(
    struct db_stmt *s, int i, const void *b, int n, void (*del)(void *))
{
	if (s->pg)
		return db_pg_bind(s->pg, i, 'b', b, n);
	return sqlite3_bind_blob(s->lite, i, b, n, del);
}

static inline int
db_bind_int64(struct db_stmt *s, int i, int64_t v)
{
	if (s->pg)
		return db_pg_bind_int64(s->pg, i, v);
	return sqlite3_bind_int64(s->lite, i, v);
}

static inline int
db_bind_int(struct db_stmt *s, int i, int v)
{
	if (s->pg)
		return db_pg_bind_int64(s->pg, i, v);
	return sqlite3_bind_int(s->lite, i, v);
}

static inline int
db_bind_null(struct db_stmt *s, int i)
{
	if (s->pg)
		return db_pg_bind(s->pg, i, 's', NULL, 0);
	return sqlite3_bind_null(s->lite, i);
}

static inline int64_t
db_column_int64(struct db_stmt *s, int i)
{
	if (s->pg)
		return db_pg_column_int64(s->pg, i);
	return sqlite3_column_int64(s->lite, i);
}

static inline int
db_column_int(struct db_stmt *s, int i)
{
	if (s->pg)
		return (int)db_pg_column_int64(s->pg, i);
	return sqlite3_column_int(s->lite, i);
}

static inline const unsigned char *
db_column_text(struct db_stmt *s, int i)
{
	if (s->pg)
		return db_pg_column_text(s->pg, i);
	return sqlite3_column_text(s->lite, i);
}

static inline int
db_column_bytes(struct db_stmt *s, int i)
{
	if (s->pg)
		return db_pg_column_bytes(s->pg, i);
	return sqlite3_column_bytes(s->lite, i);
}

static inline int
db_column_type(struct db_stmt *s, int i)
{
	if (s->pg)
		return db_pg_column_type(s->pg, i);
	return sqlite3_column_type(s->lite, i);
}

/* Run sql (one or more statements, no rows read): cb must be NULL on
 * PostgreSQL; *msg (when msg is not NULL) gets the error, to free with
 * db_free. */
static inline int
db_exec(struct db *db, const char *sql,
    int (*cb)(void *, int, char **, char **), void *arg, char **msg)
{
	if (db->pg)
		return db_pg_exec(db, sql, msg);
	return sqlite3_exec(db->lite, sql, cb, arg, msg);
}

static inline void
db_free(void *p)
{
	sqlite3_free(p);
}

static inline int64_t
db_last_insert_rowid(struct db *db)
{
	if (db->pg)
		return db_pg_last_insert_rowid(db);
	return sqlite3_last_insert_rowid(db->lite);
}

static inline int
db_changes(struct db *db)
{
	if (db->pg)
		return db_pg_changes(db);
	return sqlite3_changes(db->lite);
}

/* The rows this connection changed since it opened, triggers' included
 * (SQLite); 0 on PostgreSQL, which keeps no such count. */
static inline int64_t
db_total_changes(struct db *db)
{
	if (db->pg)
		return 0;
	return (int64_t)sqlite3_total_changes64(db->lite);
}

static inline int
db_extended_errcode(struct db *db)
{
	if (db->pg)
		return db_pg_errcode(db);
	return sqlite3_extended_errcode(db->lite);
}

static inline const char *
db_errmsg(struct db *db)
{
	if (db->pg)
		return db_pg_errmsg(db);
	return sqlite3_errmsg(db->lite);
}

static inline int
db_get_autocommit(struct db *db)
{
	if (db->pg)
		return db_pg_autocommit(db);
	return sqlite3_get_autocommit(db->lite);
}

/* PostgreSQL waits for a lock without a timeout of the store's: a
 * no-op there. */
static inline int
db_busy_timeout(struct db *db, int ms)
{
	if (db->pg)
		return DB_OK;
	return sqlite3_busy_timeout(db->lite, ms);
}

#endif
