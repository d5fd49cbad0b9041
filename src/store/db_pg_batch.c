/* db_pg_batch.c - a push's writes set-based on PostgreSQL (issue 22):
 * while batching is on (db_pg_batch, a push's first pass), a write the
 * store marked batchable (db_pg_batchable) is not sent row by row: its
 * values are kept, a column of them per parameter, and sent as ONE
 * statement for every row at the next statement that is not one of them
 * (a read, another write, a savepoint, the end of the pass), over
 * unnest() of arrays: INSERT ... SELECT ... FROM unnest($1::text[], ...),
 * or the store's own set form of an UPDATE. So a batch of 2,000 payments
 * is a statement per table, not 2,000, and their row triggers run in
 * one statement each.
 *
 * The rows of a statement keep their order; the statements kept are
 * sent in the order each was first run (a payment before its
 * allocations: every record runs them in the same order). A write that
 * is not kept sends them all first, so it sees what the records before
 * it wrote, as any read does. What the store marks must therefore
 * depend only on what such a statement, or one marked before it, wrote:
 * the store marks the push's per-record writes (payments and
 * allocations with ids drawn ahead, the item's settled amount, the
 * audit entry of the guarded pass and its check, applied, received)
 * and none whose id or count it reads back. A batch that fails fails
 * the pass as a deferred write does (db_pg_drain), and the push is
 * applied again without batching (sync_central.c), where the record at
 * fault is named with its own reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_pg_int.h"
#include "paydesk/xmalloc.h"

/* rows past which a statement's batch is sent anyway (the arrays of a
 * push of [sync] batch records, an allocation an item each) */
#define BATCH_ROWS 8192
/* rows past which the statements kept are sent at the end of a record
 * (db_pg_batch_boundary), the pass going on while the server writes
 * them: a push's 2,000 records were made ready by the node and only then
 * written by the server, the node's CPU and the server's one after the
 * other (issue 22's push of 100,000 on PostgreSQL). Only between
 * records: sent in the middle of one, the statements its rows went to
 * next were first in the next send's order, its allocations before the
 * next record's payment (refused by their foreign key) */
#define BATCH_DUE 256

struct batch {
	const char *set_sql; /* the store's set form, or NULL: derived */
	char *sql;           /* the statement sent, for these types */
	int nrows;
	char *kind;        /* per parameter: 'i' when any row bound an integer */
	struct pgbuf *col; /* per parameter: the array literal so far */
};

struct pgbuf {
	char *p;
	size_t len, cap;
};

static void
put(struct pgbuf *b, const char *s, size_t n)
{
	if (b->len + n + 2 > b->cap) {
		b->cap = (b->len + n + 2) * 2;
		b->p = xrealloc(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* v as an element of an array literal: NULL, or quoted with \ before
 * " and \ */
static void
put_elem(struct pgbuf *b, const char *v)
{
	const char *p;

	put(b, b->len ? "," : "{", 1);
	if (v == NULL) {
		put(b, "NULL", 4);
		return;
	}
	put(b, "\"", 1);
	for (p = v; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			put(b, "\\", 1);
		put(b, p, 1);
	}
	put(b, "\"", 1);
}

void
db_pg_batchable(struct db_pg_stmt *s, const char *set_sql)
{
	if (s->batch == NULL) {
		s->batch = xcalloc(1, sizeof *s->batch);
		s->batch->kind = xcalloc((size_t)s->nparams + 1, 1);
		s->batch->col =
		    xcalloc((size_t)s->nparams + 1, sizeof *s->batch->col);
	}
	s->batch->set_sql = set_sql;
}

void
db_pg_batch_free(struct db_pg_stmt *s)
{
	int i;

	if (s->batch == NULL)
		return;
	for (i = 0; i < s->nparams; i++)
		free(s->batch->col[i].p);
	free(s->batch->col);
	free(s->batch->kind);
	free(s->batch->sql);
	free(s->batch);
	s->batch = NULL;
}

/* s's INSERT ... VALUES (...) as INSERT ... SELECT over unnest() of its
 * parameters' arrays (typed by what was bound: bigint or text): each
 * $N of the values read from the array's column cN; what follows the
 * values (ON CONFLICT ...) kept, the RETURNING * run() added dropped. */
static char *
derived(struct db_pg_stmt *s)
{
	const char *v = strstr(s->sql, " VALUES (");
	const char *p, *end;
	struct pgbuf b = {0};
	char num[32];
	int depth = 0, i;
	size_t n;

	if (v == NULL)
		return NULL;
	for (end = v + 8; *end != '\0'; end++) {
		if (*end == '(')
			depth++;
		else if (*end == ')' && --depth == 0)
			break;
		else if (*end == '\'')
			while (*++end != '\0' && *end != '\'')
				;
		if (*end == '\0')
			return NULL;
	}
	/* (no closing parenthesis, or a parameter after the values: not
	 * a form this rewrites; the batch then fails its pass, which is
	 * made again unbatched) */
	if (*end != ')' || strchr(end, '$') != NULL)
		return NULL;
	put(&b, s->sql, (size_t)(v - s->sql));
	put(&b, " SELECT ", 8);
	for (p = v + 9; p < end; p++) {
		if (*p == '\'') {
			const char *q = p + 1;

			while (q < end && *q != '\'')
				q++;
			put(&b, p, (size_t)(q - p + 1));
			p = q;
		} else if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			put(&b, "u.c", 3);
			p++;
			while (p < end && *p >= '0' && *p <= '9')
				put(&b, p++, 1);
			p--;
		} else
			put(&b, p, 1);
	}
	put(&b, " FROM unnest(", 13);
	for (i = 0; i < s->nparams; i++) {
		n = (size_t)snprintf(num, sizeof num, "%s$%d::%s[]",
		    i ? ", " : "", i + 1,
		    s->batch->kind[i] == 'i' ? "bigint" : "text");
		put(&b, num, n);
	}
	put(&b, ") AS u(", 7);
	for (i = 0; i < s->nparams; i++) {
		n = (size_t)snprintf(num, sizeof num, "%sc%d", i ? ", " : "",
		    i + 1);
		put(&b, num, n);
	}
	put(&b, ")", 1);
	/* the tail: ON CONFLICT ..., without the RETURNING * of run() */
	p = end + 1;
	n = strlen(p);
	if (s->returning && n >= 12 && strcmp(p + n - 12, " RETURNING *") == 0)
		n -= 12;
	put(&b, p, n);
	return b.p;
}

int
db_pg_batch_keep(struct db_pg_stmt *s)
{
	struct db_pg *pg = s->db->pg;
	struct batch *bt = s->batch;
	int i;

	if (bt->nrows == 0) {
		/* first kept since the last send: queued after the others */
		s->qnext = NULL;
		if (pg->qtail != NULL)
			pg->qtail->qnext = s;
		else
			pg->qhead = s;
		pg->qtail = s;
	}
	for (i = 0; i < s->nparams; i++) {
		put_elem(&bt->col[i], s->vals[i]);
		if (s->kinds[i] == 'i')
			bt->kind[i] = 'i';
	}
	bt->nrows++;
	s->executed = 1;
	s->row = -1;
	s->nrows = 0;
	return bt->nrows >= BATCH_ROWS ? db_pg_batch_send(pg) : DB_OK;
}

/* Send s's kept rows as one statement in the pipeline (its answer read
 * by db_pg_drain as a deferred write's). */
static int
send_one(struct db_pg *pg, struct db_pg_stmt *s)
{
	struct batch *bt = s->batch;
	const char **vals = xcalloc((size_t)s->nparams + 1, sizeof *vals);
	int i, ok;

	free(bt->sql);
	bt->sql = bt->set_sql ? xstrdup(bt->set_sql) : derived(s);
	if (bt->sql == NULL) {
		free(vals);
		return db_pg_fail_with(pg, DB_ERROR,
		    "a batchable statement that is no INSERT ... VALUES");
	}
	for (i = 0; i < s->nparams; i++) {
		put(&bt->col[i], "}", 1);
		vals[i] = bt->col[i].p;
	}
	ok = PQsendQueryParams(pg->conn, bt->sql, s->nparams, NULL, vals,
	         NULL, NULL, 0) == 1;
	free(vals);
	if (!ok)
		return db_pg_fail(pg, NULL);
	pg->npending++;
	return DB_OK;
}

/* Around the batch's statements (server 12 and later): their foreign
 * keys' checks, a query per row inserted that the session's
 * force_custom_plan planned again for every row (20,000 plans of four
 * checks for 20,000 payments), run on one generic plan each. Only
 * here are generic plans made or used, and only with sequential scans
 * off, so every one made is the key's index lookup (the referenced key
 * of a foreign key always has its unique index): no scan planned on a
 * table still empty can stick (db_pg_conn.c). A scan with no other way
 * (the one row of sync_origin) then costs as "disabled", past JIT's
 * thresholds: JIT is off too (it compiled the feed's trigger for 100
 * ms a batch). SET LOCAL's, put back after the batch (the session's
 * own values kept aside); a failed batch aborts the transaction, which
 * drops them too. */
static const char generic_on[] =
    "SELECT set_config('paydesk.seqscan', current_setting('enable_seqscan'),"
    " true), set_config('paydesk.jit', current_setting('jit'), true),"
    " set_config('enable_seqscan', 'off', true),"
    " set_config('jit', 'off', true),"
    " set_config('plan_cache_mode', 'force_generic_plan', true)";
static const char generic_off[] =
    "SELECT set_config('enable_seqscan',"
    " current_setting('paydesk.seqscan'), true),"
    " set_config('jit', current_setting('paydesk.jit'), true),"
    " set_config('plan_cache_mode', 'force_custom_plan', true)";

static int
send_setting(struct db_pg *pg, const char *sql)
{
	if (PQsendQueryParams(pg->conn, sql, 0, NULL, NULL, NULL, NULL, 0) !=
	    1)
		return db_pg_fail(pg, NULL);
	pg->npending++;
	return DB_OK;
}

int
db_pg_batch_send(struct db_pg *pg)
{
	struct db_pg_stmt *s, *next;
	int rc = DB_OK, i, generic;

	if (pg->qhead == NULL)
		return DB_OK;
	/* a transaction already failed takes nothing more: the rows are
	 * dropped with it */
	if (PQtransactionStatus(pg->conn) == PQTRANS_INERROR ||
	    PQstatus(pg->conn) != CONNECTION_OK)
		rc = db_pg_fail_with(pg, DB_ERROR,
		    pg->tx_msg[0] ? pg->tx_msg : PQerrorMessage(pg->conn));
	else if (PQpipelineStatus(pg->conn) == PQ_PIPELINE_OFF &&
	         PQenterPipelineMode(pg->conn) != 1)
		rc = db_pg_fail(pg, NULL);
	generic = rc == DB_OK && PQserverVersion(pg->conn) >= 120000;
	if (generic)
		rc = send_setting(pg, generic_on);
	for (s = pg->qhead; s != NULL; s = next) {
		next = s->qnext;
		if (rc == DB_OK)
			rc = send_one(pg, s);
		for (i = 0; i < s->nparams; i++) {
			s->batch->col[i].len = 0;
			s->batch->kind[i] = 0;
		}
		s->batch->nrows = 0;
		s->qnext = NULL;
	}
	pg->qhead = pg->qtail = NULL;
	if (generic && rc == DB_OK)
		rc = send_setting(pg, generic_off);
	if (rc != DB_OK)
		pg->defer_failed = 1;
	return rc;
}

int
db_pg_batch_boundary(struct db *db)
{
	struct db_pg *pg = db->pg;
	struct db_pg_stmt *s;

	for (s = pg->qhead; s != NULL; s = s->qnext)
		if (s->batch->nrows >= BATCH_DUE)
			return db_pg_batch_send(pg);
	return DB_OK;
}

void
db_pg_batch(struct db *db, int on)
{
	db->pg->batch = on;
}
