/* db_sqlite.c - the store's SQLite driver (db.h), and the seam's calls
 * that are not inline (open, prepare, finalize, close: each hands a
 * PostgreSQL connection's to db_pg.c): opening a connection
 * with the store's VFS, busy timeout and SQL functions, preparing and
 * freeing statements, and what only SQLite has (its page cache, WAL
 * checkpoints (db_sqlite_ckpt.c: on a thread of their own), synchronous
 * mode, the online backup API). The calls on
 * the hot path are static inline in db.h. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "paydesk/deposit.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

/* pd_fold(text): utf8_fold in SQL, for the migration that fills
 * consumers.name_fold; rows written later get it from the store's C. */
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *t = sqlite3_value_text(argv[0]);

	(void)argc;
	if (t == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx,
	    utf8_fold((const char *)t, (size_t)sqlite3_value_bytes(argv[0])),
	    -1, free);
}

/* pd_has_word(text, word): deposit_ref_has, for the matching rules
 * (deposits.c); 0 for NULL. */
static void
sql_has_word(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *t = sqlite3_value_text(argv[0]);
	const unsigned char *w = sqlite3_value_text(argv[1]);

	(void)argc;
	sqlite3_result_int(ctx, t != NULL && w != NULL &&
	                            deposit_ref_has((const char *)t,
	                                (const char *)w));
}

/* pd_line_names(reference, text, word): pd_has_word(reference || ' ' ||
 * text, word) without SQLite's two concatenations, each an allocation:
 * the transfer rule asks it of each of a credit's candidate payments
 * (about five a credit at 10M, store_transfer_match_pairs); 0 for NULL. */
static void
sql_line_names(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *r = sqlite3_value_text(argv[0]);
	const unsigned char *t = sqlite3_value_text(argv[1]);
	const unsigned char *w = sqlite3_value_text(argv[2]);
	size_t nr, nt;
	char buf[512], *hay;

	(void)argc;
	if (r == NULL || t == NULL || w == NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	nr = (size_t)sqlite3_value_bytes(argv[0]);
	nt = (size_t)sqlite3_value_bytes(argv[1]);
	hay = nr + nt + 2 <= sizeof buf ? buf : xmalloc(nr + nt + 2);
	memcpy(hay, r, nr);
	hay[nr] = ' ';
	memcpy(hay + nr + 1, t, nt);
	hay[nr + 1 + nt] = '\0';
	sqlite3_result_int(ctx, deposit_ref_has(hay, (const char *)w));
	if (hay != buf)
		free(hay);
}

/* pd_sha256(text): its SHA-256 in hex, NULL for NULL. An outbox
 * record's seal holds its payload's (schema.c, SEAL_OUTBOX) rather than
 * a second copy of it; the sqlite3 shell does not have it, so a change
 * of an outbox record there fails unless its seal trigger is dropped. */
static void
sql_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const void *t = sqlite3_value_text(argv[0]);
	char hex[65];

	(void)argc;
	if (t == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sha256_hex(t, (size_t)sqlite3_value_bytes(argv[0]), hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

/* pd_stmt_name(account, key): the statement's name (deposit.h,
 * stmt_name), for the exceptions and the listings that name a line as
 * NAME:LINE; NULL for NULL. */
/* The last statement named on a connection: a listing names each of a
 * statement's lines in a row (the exceptions of a statement of 100,000
 * credits), one SHA-256 for them all. */
struct name_cache {
	int valid;
	char account[64], key[80];
	char name[STMT_NAME_BUFSZ];
};

static void
sql_stmt_name(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *a = (const char *)sqlite3_value_text(argv[0]);
	const char *k = (const char *)sqlite3_value_text(argv[1]);
	struct name_cache *c = sqlite3_user_data(ctx);

	(void)argc;
	if (a == NULL || k == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!c->valid || strcmp(c->account, a) != 0 || strcmp(c->key, k) != 0) {
		stmt_name(a, k, c->name);
		/* one longer than a statement has is named every time */
		c->valid = strlen(a) < sizeof c->account && strlen(k) < sizeof c->key;
		if (c->valid) {
			xstrlcpy(c->account, a, sizeof c->account);
			xstrlcpy(c->key, k, sizeof c->key);
		}
	}
	sqlite3_result_text(ctx, c->name, STMT_NAME_LEN, SQLITE_TRANSIENT);
}

static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

/* Once per process, before the first connection: no memory statistics,
 * which would take a global lock on every allocation of every thread;
 * statement journals in memory up to STMT_SPILL bytes. A payment's
 * INSERT (its triggers: the rollups, the seal, the numbers' trigram
 * index, whose savepoint flushes its pending terms as a new segment and
 * now and then merges segments) journals some 30 to 40 pages: past
 * SQLite's 64 KiB that journal was a new /var/tmp/etilqs_* file, created,
 * written with 56 to 82 pwrite(2) calls and unlinked on every post
 * (strace -c of 50 posts; issue 24). Sorts still spill as before.
 * Statement journals stay in memory whatever their size (-1), as with
 * temp_store=MEMORY (the central node, the pull): SQLite 3.40.1 failed
 * with SQLITE_FULL when a statement journal of a transaction spilled to
 * its file after an earlier statement's journal had been truncated (the
 * first open of a store generated in SQL, sealing its 60,005 rows in
 * ranges: the third range failed at a spill of 1 or 4 MiB, never in
 * memory). A statement that changes millions of rows is cut into ranges
 * (seal_row.c's seal_claim), so that its journal stays small. */
#define STMT_SPILL (-1)

static void
sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMT_SPILL);
	sqlite3_initialize();
}

int
db_sqlite_open(
    const char *path, int create, struct db **out, struct pd_err *err)
{
	struct db *db = xcalloc(1, sizeof *db);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	pthread_once(&sqlite_once, sqlite_setup);
	*out = NULL;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &db->lite, flags, store_vfs()) != SQLITE_OK) {
		pd_fail(err, PD_ESTORE, _("%s: cannot open the store: %s"),
		    path,
		    db->lite ? sqlite3_errmsg(db->lite) : "out of memory");
		db_close(db);
		return -1;
	}
	/* more of the small allocations of statements from the
	 * connection's own pool instead of malloc */
	sqlite3_db_config(
	    db->lite, SQLITE_DBCONFIG_LOOKASIDE, NULL, 1200, 1000);
	sqlite3_busy_timeout(db->lite, STORE_BUSY_MS);
	sqlite3_create_function(db->lite, "pd_fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    sql_fold, NULL, NULL);
	sqlite3_create_function(db->lite, "pd_has_word", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    sql_has_word, NULL, NULL);
	sqlite3_create_function(db->lite, "pd_line_names", 3,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    sql_line_names, NULL, NULL);
	sqlite3_create_function(db->lite, "pd_sha256", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    sql_sha256, NULL, NULL);
	sqlite3_create_function_v2(db->lite, "pd_stmt_name", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	    xcalloc(1, sizeof(struct name_cache)), sql_stmt_name, NULL, NULL,
	    free);
	sqlite3_extended_result_codes(db->lite, 1);
	*out = db;
	return 0;
}

int
db_close(struct db *db)
{
	if (db == NULL)
		return SQLITE_OK;
	if (db->pg != NULL)
		db_pg_close(db);
	sqlite3_close(db->lite);
	free(db);
	return SQLITE_OK;
}

/* The statement s wrapped, or NULL for NULL (SQL of only a comment). */
static struct db_stmt *
wrap(sqlite3_stmt *s)
{
	struct db_stmt *w;

	if (s == NULL)
		return NULL;
	w = xcalloc(1, sizeof *w);
	w->lite = s;
	return w;
}

int
db_prepare_v2(struct db *db, const char *sql, int n, struct db_stmt **out,
    const char **tail)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (db->pg != NULL)
		return db_pg_prepare(db, sql, out);
	rc = sqlite3_prepare_v2(db->lite, sql, n, &s, tail);

	*out = rc == SQLITE_OK ? wrap(s) : NULL;
	return rc;
}

int
db_prepare_v3(struct db *db, const char *sql, int n, unsigned flags,
    struct db_stmt **out, const char **tail)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (db->pg != NULL)
		return db_pg_prepare(db, sql, out);
	rc = sqlite3_prepare_v3(db->lite, sql, n, flags, &s, tail);

	*out = rc == SQLITE_OK ? wrap(s) : NULL;
	return rc;
}

int
db_finalize(struct db_stmt *s)
{
	int rc;

	if (s == NULL)
		return SQLITE_OK;
	rc = s->pg != NULL ? db_pg_finalize(s->pg) : sqlite3_finalize(s->lite);
	free(s);
	return rc;
}

void
store_cache_kb(struct store *st, int kb)
{
	char sql[96];

	if (st->db->pg != NULL)
		return; /* the server's shared_buffers */
	/* and the statement journals in memory: a statement inside a long
	 * transaction (a pull's pages) copies every page it touches into
	 * its journal; past 64 KiB SQLite spills that journal to a temp
	 * file, and from then on every statement of the transaction wrote
	 * it there (a fresh terminal's pull of 60,003 entries: 1,213,482
	 * pwrite(2) calls of 4 and 4,096 bytes to /var/tmp/etilqs_*) */
	snprintf(sql, sizeof sql, "PRAGMA cache_size=%d; PRAGMA temp_store=%s",
	    kb ? -kb : -2000, kb ? "MEMORY" : "DEFAULT");
	sqlite3_exec(st->db->lite, sql, NULL, NULL, NULL);
}

void
store_plans_generic(struct store *st, int on)
{
	if (st->db->pg != NULL)
		db_pg_plans_generic(st->db, on);
}

static int
on_wal(void *arg, sqlite3 *db, const char *name, int frames)
{
	(void)db;
	(void)name;
	((struct store *)arg)->wal_frames = frames;
	return SQLITE_OK;
}

/* A commit that changed rows (not an empty BEGIN IMMEDIATE ... COMMIT,
 * such as store_close's seal look-up); rows a rollback undid are not
 * counted (on_rollback). */
static int
on_commit(void *arg)
{
	struct store *st = arg;
	sqlite3_int64 n = sqlite3_total_changes64(st->db->lite);

	if (n != st->changes_seen)
		st->committed = 1;
	st->changes_seen = n;
	return 0; /* the commit goes on */
}

static void
on_rollback(void *arg)
{
	struct store *st = arg;

	st->changes_seen = sqlite3_total_changes64(st->db->lite);
}

void
store_stats_watch(struct store *st)
{
	if (st->db == NULL || st->db->pg != NULL)
		return;
	sqlite3_commit_hook(st->db->lite, on_commit, st);
	sqlite3_rollback_hook(st->db->lite, on_rollback, st);
}

/* The statistics' rule (store_stats_keep): an index without any (new
 * from a migration, or its table's first rows) is counted alone, and a
 * table with rows and none at all whole; a table that grew STATS_GROWTH
 * times since it was counted is counted again, whole. A rowid table's
 * size is its largest rowid (rows are appended: one look-up). A WITHOUT
 * ROWID rollup's is counted, up to STATS_GROWTH times its last count,
 * while that is at most STATS_COUNT_MAX rows; past it a count costs more
 * than a close should, and its statistics stand (its reads are by its
 * primary key, which plans the same whatever they say). */
#define STATS_GROWTH 25
#define STATS_COUNT_MAX 10000

struct stats_todo {
	char **sql;
	int n;
};

static void
todo_add(struct stats_todo *t, char *sql)
{
	t->sql = xrealloc(t->sql, (size_t)t->n + 1, sizeof *t->sql);
	t->sql[t->n++] = sql;
}

static sqlite3_int64
one_i64(sqlite3 *db, const char *sql, int *ok)
{
	sqlite3_stmt *q;
	sqlite3_int64 v = 0;

	*ok = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		v = sqlite3_column_int64(q, 0);
		*ok = 1;
	}
	sqlite3_finalize(q);
	return v;
}

/* What store_stats_keep's rule asks of this store, as ANALYZE
 * statements: 0, or -1 when the store cannot say (no sqlite_stat1: a
 * store before migration 77, whose open makes it). */
static int
stats_todo(sqlite3 *db, struct stats_todo *t)
{
	sqlite3_stmt *q;
	int ok;

	if (sqlite3_prepare_v2(db,
	        "SELECT m.name FROM sqlite_master m WHERE m.type = 'index' "
	        "AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE "
	        "s.idx = m.name)",
	        -1, &q, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(q) == SQLITE_ROW)
		todo_add(t, sqlite3_mprintf("ANALYZE \"%w\"",
		                (const char *)sqlite3_column_text(q, 0)));
	sqlite3_finalize(q);
	/* a table with rows and none at all: a WITHOUT ROWID rollup, whose
	 * primary key is no index of sqlite_master's, or one without index */
	if (sqlite3_prepare_v2(db,
	        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' "
	        "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT "
	        "LIKE 'CREATE VIRTUAL%' AND NOT EXISTS (SELECT 1 FROM "
	        "sqlite_stat1 s WHERE s.tbl = m.name)",
	        -1, &q, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(q) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" LIMIT 1",
		    (const char *)sqlite3_column_text(q, 0));

		one_i64(db, sql, &ok);
		sqlite3_free(sql);
		if (ok)
			todo_add(
			    t, sqlite3_mprintf("ANALYZE \"%w\"",
			           (const char *)sqlite3_column_text(q, 0)));
	}
	sqlite3_finalize(q);
	if (sqlite3_prepare_v2(db,
	        "SELECT s.tbl, max(CAST(s.stat AS INTEGER)), "
	        "m.sql LIKE '%WITHOUT ROWID%' FROM sqlite_stat1 s JOIN "
	        "sqlite_master m ON m.type = 'table' AND m.name = s.tbl "
	        "GROUP BY s.tbl",
	        -1, &q, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *tbl = (const char *)sqlite3_column_text(q, 0);
		sqlite3_int64 was = sqlite3_column_int64(q, 1), now;
		char *sql;

		if (was <= 0 ||
		    (sqlite3_column_int(q, 2) && was > STATS_COUNT_MAX))
			continue;
		sql =
		    sqlite3_column_int(q, 2)
		        ? sqlite3_mprintf("SELECT count(*) FROM (SELECT 1 "
		                          "FROM \"%w\" LIMIT %lld)",
		              tbl, was * STATS_GROWTH)
		        : sqlite3_mprintf("SELECT max(rowid) FROM \"%w\"", tbl);
		now = one_i64(db, sql, &ok);
		sqlite3_free(sql);
		if (ok && now >= was * STATS_GROWTH)
			todo_add(t, sqlite3_mprintf("ANALYZE \"%w\"", tbl));
	}
	sqlite3_finalize(q);
	return 0;
}

/* A store keeps its own statistics: the planner at 10M consumers'
 * payments chooses by them, and a store without any plans far worse
 * (measured on the bench store without sqlite_stat1: an arrangement made
 * in 3.9 s against 3.7 ms with them, the reconnection list 13 s, the
 * deteriorating payers more than 30 minutes). Not SQLite's PRAGMA
 * optimize: 3.40's analyses a table whenever one of its indexes has no
 * statistics, and a partial index that holds no row never has any (the
 * payments' and items' have several), so every close would count 10M
 * payments again. Whole, not with an analysis_limit: sampled statistics
 * count at most limit + 1 rows a value, so that the organisation's one
 * branch reads as 10,000 (payments_branch "10075170 1001" against
 * "10075170 10075170" whole) and the planner took that index for a
 * selective one (a shift's close took 23 s). Only after a write: a
 * read-only run, or one that failed and rolled back, leaves the store
 * as it found it. Once a day, at the first close that wrote (meta
 * stats_day, the day store_set_today gave), for the look costs some 5 ms
 * (a hundred tables' sizes), and at any close after a bulk load or a
 * migration. Another writer's lock is not waited for: the statistics
 * wait for the next close. All in one transaction. */
void
store_stats_keep(struct store *st)
{
	struct stats_todo t = {NULL, 0};
	char seen[16] = "", *mark = NULL;
	sqlite3 *db;
	int i, rc = SQLITE_OK;

	if (st->db == NULL || st->db->pg != NULL || !st->committed ||
	    st->depth != 0 || !sqlite3_get_autocommit(st->db->lite))
		return;
	db = st->db->lite;
	if (st->stats_day[0] != '\0') {
		if (!st->stats_due &&
		    store_meta_get(st, "stats_day", seen, sizeof seen) == 0 &&
		    strcmp(seen, st->stats_day) == 0)
			return;
		mark = sqlite3_mprintf("INSERT OR REPLACE INTO meta (key, "
		                       "value) VALUES ('stats_day', %Q)",
		    st->stats_day);
	}
	sqlite3_busy_timeout(db, 0);
	if (stats_todo(db, &t) == 0 && (t.n > 0 || mark != NULL) &&
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	        SQLITE_OK) {
		for (i = 0; i < t.n && rc == SQLITE_OK; i++)
			rc = sqlite3_exec(db, t.sql[i], NULL, NULL, NULL);
		if (rc == SQLITE_OK && mark != NULL)
			rc = sqlite3_exec(db, mark, NULL, NULL, NULL);
		sqlite3_exec(db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", NULL,
		    NULL, NULL);
	}
	for (i = 0; i < t.n; i++)
		sqlite3_free(t.sql[i]);
	free(t.sql);
	sqlite3_free(mark);
}

int
store_stats_now(struct store *st, struct pd_err *err)
{
	struct stats_todo t = {NULL, 0};
	int i, rc = SQLITE_OK;

	if (st->db == NULL || st->db->pg != NULL)
		return 0;
	if (stats_todo(st->db->lite, &t) == 0)
		for (i = 0; i < t.n && rc == SQLITE_OK; i++)
			rc = sqlite3_exec(
			    st->db->lite, t.sql[i], NULL, NULL, NULL);
	for (i = 0; i < t.n; i++)
		sqlite3_free(t.sql[i]);
	free(t.sql);
	if (rc != SQLITE_OK)
		return pd_fail(err, PD_ESTORE, _("Counting the statistics: %s"),
		    sqlite3_errmsg(st->db->lite));
	return 0;
}

void
store_wal_manual(struct store *st)
{
	/* in place of the automatic checkpoint's hook */
	if (st->db->pg != NULL)
		return;
	sqlite3_wal_hook(st->db->lite, on_wal, st);
}

int
store_wal_frames(const struct store *st)
{
	return st->wal_frames;
}

int
store_checkpoint(struct store *st, struct pd_err *err)
{
	int rc;

	if (st->db->pg != NULL)
		return 0; /* the server checkpoints */
	rc = sqlite3_wal_checkpoint_v2(
	    st->db->lite, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

	/* busy: another checkpoint is running, this one is not needed */
	if (rc != SQLITE_OK && rc != SQLITE_BUSY)
		return st_fail(st, err, _("Checkpointing the WAL"));
	return 0;
}

void
store_bulk(struct store *st, int on)
{
	if (st->db->pg != NULL)
		return; /* a PostgreSQL commit is durable */
	/* each use case inside the load is a savepoint: with SQLite's
	 * default 2 MiB cache and temp files its pages were spilled and its
	 * journal written, some 140 pwrite(2) calls a demo payment */
	store_cache_kb(st, on ? 65536 : 0);
	st->stats_due = 1; /* the rows loaded: counted at the close */
	sqlite3_exec(st->db->lite,
	    on ? "PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY"
	       : "PRAGMA synchronous=FULL; PRAGMA temp_store=DEFAULT",
	    NULL, NULL, NULL);
}

int
store_backup(struct store *st, const char *dest, struct pd_err *err)
{
	sqlite3 *to;
	sqlite3_backup *b;
	int rc, fd;

	/* created here, owner-only whatever the umask: a backup holds every
	 * user's PIN hash (review 18); O_EXCL refuses a file or a link that
	 * is there */
	if (st->db->pg != NULL)
		return pd_fail(err, PD_EINVAL,
		    _("%s is in PostgreSQL: back it up with pg_dump or "
		      "pg_basebackup"),
		    st->path);
	fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)
		return pd_fail(err, PD_EINVAL,
		    _("%s: already exists; give a new "
		      "file name"),
		    dest);
	if (fd < 0)
		return pd_fail(err, PD_ESTORE, _("%s: cannot create: %s"), dest,
		    strerror(errno));
	close(fd);
	if (sqlite3_open_v2(dest, &to,
	        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	        NULL) != SQLITE_OK) {
		pd_fail(err, PD_ESTORE, _("%s: cannot create: %s"), dest,
		    sqlite3_errmsg(to));
		sqlite3_close(to);
		return -1;
	}
	b = sqlite3_backup_init(to, "main", st->db->lite, "main");
	if (b == NULL) {
		pd_fail(err, PD_ESTORE, _("%s: backup failed: %s"), dest,
		    sqlite3_errmsg(to));
		sqlite3_close(to);
		unlink(dest);
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		pd_fail(err, PD_ESTORE, _("%s: backup failed: %s"), dest,
		    sqlite3_errstr(rc));
		sqlite3_close(to);
		unlink(dest);
		return -1;
	}
	sqlite3_close(to);
	return 0;
}

static int
one_int(void *arg, int n, char **v, char **names)
{
	(void)names;
	if (n > 0 && v[0] != NULL)
		*(int *)arg = atoi(v[0]);
	return 0;
}

/* The search indexes' merging (issue 24: the posting p99). FTS5
 * writes a transaction's new entries as a segment of their own, and
 * with its automerge one commit in about 64 leaf pages written also
 * merged 64 pages per level of the index (256-384 pages of
 * payments_docs at 10M payments) before it could return: one payment in
 * about 60; and a pull's pages merged the consumers' indexes as they
 * went (a third of a fresh terminal's pull). Since migration 61
 * automerge is off on payments_docs, consumers_fts and consumers_words
 * and they are merged here, at most `pages` leaf pages an index a call,
 * in a transaction of its own at a quiet moment after the use case's
 * commit (svc_fts_idle): a 'merge' of a positive count merges a level
 * only once it holds usermerge (4) segments, or carries on a merge
 * begun, so a step with nothing due writes nothing. A query reads every
 * segment, so it finds the same rows before and after any step; where
 * no step runs (a bulk load), crisismerge (16) still merges a level
 * when it reaches 16 segments, so their number stays bounded (under 16
 * a level). A merge is not a fact of the ledger: its commit is not
 * synced (synchronous NORMAL in WAL mode; a crash loses at most the
 * step, done again later) and the next durable commit syncs its frames
 * with its own. It never waits for a writer (busy: 1, not now).
 * Returns the rows the step changed (0: none was due), -1 on error. */
int
store_fts_merge(struct store *st, int pages, struct pd_err *err)
{
	static const char *const idx[] = {
	    "payments_docs", "consumers_fts", "consumers_words"};
	sqlite3 *db = st->db->lite;
	sqlite3_stmt *s;
	sqlite3_int64 before;
	size_t i;
	char sql[96];
	int sync = 2, secure = 0, rc = SQLITE_OK;

	if (st->db->pg != NULL || st->depth > 0 || !sqlite3_get_autocommit(db))
		return 0;
	if (sqlite3_prepare_v2(db, "PRAGMA synchronous", -1, &s, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			sync = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	secure = sqlite3_exec(db, "PRAGMA secure_delete", one_int, &secure,
	             NULL) == SQLITE_OK
	    ? secure
	    : 0;
	sqlite3_busy_timeout(db, 0);
	if (sync > 1)
		sqlite3_exec(db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	/* the segments a merge has read are deleted: with secure_delete
	 * (Debian's SQLite has it on) each of their pages was written again
	 * as zeros, 2,516 pages for the step that ended a merge of 30,000
	 * pages; FAST leaves freed pages as they were (their text is the
	 * index's, of rows its tables still hold) */
	if (secure == 1)
		sqlite3_exec(db, "PRAGMA secure_delete=FAST", NULL, NULL, NULL);
	before = sqlite3_total_changes64(db);
	rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	for (i = 0; rc == SQLITE_OK && i < sizeof idx / sizeof idx[0]; i++) {
		snprintf(sql, sizeof sql,
		    "INSERT INTO %s (%s, rank) VALUES ('merge', %d)", idx[i],
		    idx[i], pages);
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK && rc != SQLITE_BUSY)
		pd_fail(err, PD_ESTORE, "%s: %s", _("Merging the search indexes"),
		    sqlite3_errmsg(db));
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	if (sync > 1) {
		snprintf(sql, sizeof sql, "PRAGMA synchronous=%d", sync);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	if (secure == 1)
		sqlite3_exec(db, "PRAGMA secure_delete=1", NULL, NULL, NULL);
	db_busy_timeout(st->db, STORE_BUSY_MS);
	if (rc == SQLITE_BUSY)
		return 1; /* not now: still due */
	if (rc != SQLITE_OK)
		return -1;
	/* each 'merge' counts one change when it did nothing */
	return (int)(sqlite3_total_changes64(db) - before -
	    (sqlite3_int64)(sizeof idx / sizeof idx[0]));
}
