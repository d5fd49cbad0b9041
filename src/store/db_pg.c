/* db_pg.c - the store's PostgreSQL driver (db.h), for the central node
 * (issue 22): the same store functions and SQL as on SQLite, through
 * libpq.
 *
 * - A statement's SQL is SQLite's, read as PostgreSQL's (db_pg_sql.c);
 *   it is prepared on the server at its first step, with the
 *   integers bound typed bigint and the rest left for the server to
 *   infer, and run with its values as text (libpq's text format).
 * - A step runs the statement and keeps its whole result, stepping over
 *   its rows: the store reads other statements while it walks one, which
 *   one connection in single-row mode cannot. Big reads are paged by
 *   their callers (pull's limit).
 * - An INSERT gets RETURNING * (when it has no RETURNING of its own) so
 *   that db_last_insert_rowid is the row's id, as SQLite's rowid is,
 *   whatever the triggers inserted meanwhile; its rows are not stepped.
 * - Errors carry SQLite's codes: a unique violation is
 *   DB_CONSTRAINT_UNIQUE (DB_CONSTRAINT_PRIMARYKEY on a primary key), any
 *   other integrity violation or a trigger's RAISE is DB_CONSTRAINT, a
 *   serialization failure, a deadlock or a lock not available DB_BUSY.
 * - In a push (db_pg_defer), writes are sent ahead in a pipeline and
 *   their answers read with the next read's, in one round trip. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_pg_int.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* libpq's functions, loaded by db_pg_open (db_pg_conn.c) */
PQ_SYMBOLS(DYNLIB_DEFINE_)

int
db_pg_fail_with(struct db_pg *pg, int code, const char *msg)
{
	size_t n;

	pg->code = code;
	xstrlcpy(pg->msg, msg != NULL && *msg ? msg : "PostgreSQL error",
	    sizeof pg->msg);
	/* libpq's connection errors run over several lines: the first */
	pg->msg[strcspn(pg->msg, "\n")] = '\0';
	n = strlen(pg->msg);
	while (n > 0 && (pg->msg[n - 1] == '\n' || pg->msg[n - 1] == ' '))
		pg->msg[--n] = '\0';
	return code;
}

/* SQLite's code for the SQLSTATE of r (or of the connection). */
int
db_pg_fail(struct db_pg *pg, PGresult *r)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *cons =
	    r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : NULL;
	const char *msg =
	    r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	size_t n = cons ? strlen(cons) : 0;
	int code = DB_ERROR;

	if (msg == NULL)
		msg = PQerrorMessage(pg->conn);
	/* the statement that failed first says what went wrong */
	if (state != NULL && strcmp(state, "25P02") == 0 && pg->tx_msg[0]) {
		db_pg_fail_with(pg, pg->tx_code, pg->tx_msg);
		return pg->code;
	}
	if (state == NULL)
		;
	else if (strcmp(state, "23505") == 0)
		code = n > 5 && strcmp(cons + n - 5, "_pkey") == 0
		           ? DB_CONSTRAINT_PRIMARYKEY
		           : DB_CONSTRAINT_UNIQUE;
	else if (strncmp(state, "23", 2) == 0 || strcmp(state, "P0001") == 0)
		code = DB_CONSTRAINT;
	else if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	         strcmp(state, "55P03") == 0)
		code = DB_BUSY;
	db_pg_fail_with(pg, code, msg);
	if (PQtransactionStatus(pg->conn) == PQTRANS_INERROR &&
	    pg->tx_msg[0] == '\0') {
		xstrlcpy(pg->tx_msg, pg->msg, sizeof pg->tx_msg);
		pg->tx_code = code;
	}
	return code;
}

int
db_pg_prepare(struct db *db, const char *sql, struct db_stmt **out)
{
	struct db_pg_stmt *s = xcalloc(1, sizeof *s);
	struct db_stmt *w = xcalloc(1, sizeof *w);
	char *t;

	sql = db_pg_form_of(sql);
	s->db = db;
	t = db_pg_translate(sql, &s->nparams);
	s->returning = db_pg_plain_insert(t);
	if (s->returning) {
		size_t n = strlen(t);

		while (n > 0 &&
		       (isspace((unsigned char)t[n - 1]) || t[n - 1] == ';'))
			t[--n] = '\0';
		s->sql = xasprintf("%s RETURNING *", t);
		free(t);
	} else
		s->sql = t;
	s->write =
	    s->returning || (strcasestr(s->sql, "RETURNING") == NULL &&
	                        (strncasecmp(s->sql, "UPDATE", 6) == 0 ||
	                            strncasecmp(s->sql, "DELETE", 6) == 0));
	snprintf(s->name, sizeof s->name, "pd%u", ++db->pg->nstmts);
	if (s->nparams > 0) {
		s->vals = xcalloc((size_t)s->nparams, sizeof *s->vals);
		s->types = xcalloc((size_t)s->nparams, sizeof *s->types);
		s->kinds = xcalloc((size_t)s->nparams, 1);
	}
	w->pg = s;
	*out = w;
	return DB_OK;
}

int
db_pg_finalize(struct db_pg_stmt *s)
{
	PGresult *r;
	char sql[64];

	db_pg_reset(s);
	db_pg_clear_bindings(s);
	db_pg_drain(s->db->pg, NULL);
	if (s->prepared && s->gen == s->db->pg->gen &&
	    PQstatus(s->db->pg->conn) == CONNECTION_OK) {
		snprintf(sql, sizeof sql, "DEALLOCATE %s", s->name);
		r = PQexec(s->db->pg->conn, sql);
		PQclear(r);
	}
	db_pg_batch_free(s);
	free(s->vals);
	free(s->types);
	free(s->kinds);
	free(s->sql);
	free(s);
	return DB_OK;
}

int
db_pg_reset(struct db_pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->executed = 0;
	s->row = s->nrows = 0;
	return DB_OK;
}

int
db_pg_clear_bindings(struct db_pg_stmt *s)
{
	int i;

	for (i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
	return DB_OK;
}

int
db_pg_bind(struct db_pg_stmt *s, int i, char type, const char *v, int n)
{
	char *copy = NULL;
	size_t len;

	(void)type;
	if (i < 1 || i > s->nparams)
		return db_pg_fail_with(
		    s->db->pg, SQLITE_RANGE, "bind out of range");
	if (v != NULL) {
		len = n < 0 ? strlen(v) : (size_t)n;
		copy = xmalloc(len + 1);
		memcpy(copy, v, len);
		copy[len] = '\0';
	}
	free(s->vals[i - 1]);
	s->vals[i - 1] = copy;
	s->kinds[i - 1] = type;
	return DB_OK;
}

int
db_pg_bind_int64(struct db_pg_stmt *s, int i, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	if (db_pg_bind(s, i, 'i', buf, -1) != DB_OK)
		return DB_ERROR;
	/* typed at the first run, where the server cannot tell (?1 < 0) */
	if (!s->prepared)
		s->types[i - 1] = OID_INT8;
	return DB_OK;
}

/* The answers of the statements sent ahead (db_pg_defer) read in order,
 * up to a sync that ends the pipeline, which is left: DB_OK, or the code
 * of the first that failed (its message kept, the transaction aborted
 * on the server; those after it were skipped). With last, the last
 * one's answer (a read sent after the writes) is not read but kept in
 * *last (NULL when it was skipped). */
int
db_pg_drain(struct db_pg *pg, PGresult **last)
{
	ExecStatusType st;
	PGresult *r;
	int rc = DB_OK, idc, sync = 1;

	/* the rows kept by set-based writes sent first (db_pg_batch.c) */
	if (pg->qhead != NULL)
		rc = db_pg_batch_send(pg);
	if (PQpipelineStatus(pg->conn) == PQ_PIPELINE_OFF)
		return rc;
	if (PQpipelineSync(pg->conn) != 1) {
		rc = db_pg_fail_with(pg, DB_ERROR, PQerrorMessage(pg->conn));
		sync = 0;
	}
	/* every answer read, up to the sync's (after a failure, those
	 * skipped): the pipeline is then left as it came */
	while (sync) {
		if ((r = PQgetResult(pg->conn)) == NULL) {
			if (PQstatus(pg->conn) != CONNECTION_OK) {
				if (rc == DB_OK)
					rc = db_pg_fail(pg, NULL);
				break;
			}
			continue; /* the end of one statement's answers */
		}
		st = PQresultStatus(r);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			break;
		}
		if (pg->npending > 0 && --pg->npending == 0 && last != NULL) {
			if (st == PGRES_PIPELINE_ABORTED)
				PQclear(r);
			else
				*last = r;
			continue;
		}
		if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
			pg->changes = atoi(PQcmdTuples(r));
			idc = PQfnumber(r, "id");
			if (st == PGRES_TUPLES_OK && idc >= 0 &&
			    PQntuples(r) > 0)
				pg->last_id = strtoll(
				    PQgetvalue(r, PQntuples(r) - 1, idc), NULL,
				    10);
		} else if (st != PGRES_PIPELINE_ABORTED && rc == DB_OK)
			rc = db_pg_fail(pg, r);
		PQclear(r);
	}
	pg->npending = 0;
	if (PQexitPipelineMode(pg->conn) != 1 && rc == DB_OK)
		rc = db_pg_fail(pg, NULL);
	if (rc != DB_OK) {
		pg->defer_failed = 1;
		if (pg->tx_msg[0] == '\0') {
			xstrlcpy(pg->tx_msg, pg->msg, sizeof pg->tx_msg);
			pg->tx_code = rc;
		}
	}
	return rc;
}

/* Run write s without waiting for its answer (drain reads it): in a
 * pipeline, of at most DEFER_MAX statements (the answers wait in the
 * socket's buffers meanwhile). */
#define DEFER_MAX 256
static int
send_deferred(struct db_pg_stmt *s)
{
	struct db_pg *pg = s->db->pg;

	if (pg->npending >= DEFER_MAX && db_pg_drain(pg, NULL) != DB_OK)
		return pg->code;
	if (PQpipelineStatus(pg->conn) == PQ_PIPELINE_OFF &&
	    PQenterPipelineMode(pg->conn) != 1)
		return db_pg_fail(pg, NULL);
	if (PQsendQueryPrepared(pg->conn, s->name, s->nparams,
	        (const char *const *)s->vals, NULL, NULL, 0) != 1) {
		db_pg_fail(pg, NULL);
		db_pg_drain(pg, NULL);
		pg->defer_failed = 1;
		return pg->code;
	}
	pg->npending++;
	s->executed = 1;
	s->row = -1;
	s->nrows = 0;
	return DB_OK;
}

int
db_pg_defer(struct db *db, int on)
{
	struct db_pg *pg = db->pg;
	int failed = db_pg_drain(pg, NULL) != DB_OK || pg->defer_failed;

	pg->defer_failed = 0;
	pg->defer = on;
	return failed ? DB_ERROR : DB_OK;
}

int
store_pipeline(struct store *st, int on, struct pd_err *err)
{
	if (st->db->pg == NULL || db_pg_defer(st->db, on) == DB_OK)
		return 0;
	return pd_fail(err, PD_ESTORE, "%s", st->db->pg->msg);
}

/* Prepare s on the server. A parameter the server cannot type from its
 * place (?1 IS NULL) is text, as SQLite would take it: prepared again
 * with every untyped one text. Inside a transaction the first try is in
 * a savepoint, which its failure does not abort. */
static int
prepare(struct db_pg_stmt *s)
{
	struct db_pg *pg = s->db->pg;
	int in_tx = !db_pg_autocommit(s->db), i, untyped;
	const char *state;
	PGresult *r;

	if (in_tx)
		PQclear(PQexec(pg->conn, "SAVEPOINT pd_prepare"));
	r = PQprepare(pg->conn, s->name, s->sql, s->nparams, s->types);
	state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	/* indeterminate (42P18) or ambiguous (42P08) */
	untyped = state != NULL &&
	          (strcmp(state, "42P18") == 0 || strcmp(state, "42P08") == 0);
	/* any failure leaves the transaction as it was: the statement
	 * fails, the store decides */
	if (in_tx)
		PQclear(PQexec(pg->conn,
		    PQresultStatus(r) != PGRES_COMMAND_OK
		        ? "ROLLBACK TO SAVEPOINT pd_prepare; RELEASE pd_prepare"
		        : "RELEASE pd_prepare"));
	if (untyped) {
		PQclear(r);
		for (i = 0; i < s->nparams; i++)
			if (s->types[i] == 0)
				s->types[i] = OID_TEXT;
		r = PQprepare(pg->conn, s->name, s->sql, s->nparams, s->types);
	}
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		db_pg_fail(pg, r);
		PQclear(r);
		return pg->code;
	}
	PQclear(r);
	s->prepared = 1;
	s->gen = pg->gen;
	return DB_OK;
}

/* Run s: its result kept, its rows counted. */
static int
run(struct db_pg_stmt *s)
{
	struct db_pg *pg = s->db->pg;
	ExecStatusType st;
	int idc, idle;

	/* a batchable write, batching on, in a transaction: its row kept
	 * for the batch's one statement (db_pg_batch.c); any other
	 * statement sends the rows kept first */
	if (s->batch != NULL && pg->batch && pg->defer &&
	    PQstatus(pg->conn) == CONNECTION_OK &&
	    PQtransactionStatus(pg->conn) != PQTRANS_IDLE)
		return db_pg_batch_keep(s);
	if (pg->qhead != NULL && db_pg_batch_send(pg) != DB_OK)
		return pg->code;
	/* a write deferred, in a transaction, once prepared */
	if (pg->defer && s->write && s->prepared && s->gen == pg->gen &&
	    PQstatus(pg->conn) == CONNECTION_OK &&
	    PQtransactionStatus(pg->conn) != PQTRANS_IDLE)
		return send_deferred(s);
	/* a read after writes sent ahead: sent after them, the answers of
	 * all in one round trip */
	if (pg->npending > 0 && s->prepared && s->gen == pg->gen) {
		s->res = NULL;
		if (send_deferred(s) != DB_OK)
			return pg->code;
		s->executed = 0;
		if (db_pg_drain(pg, &s->res) != DB_OK) {
			PQclear(s->res);
			s->res = NULL;
			return pg->code;
		}
		st =
		    s->res != NULL ? PQresultStatus(s->res) : PGRES_FATAL_ERROR;
		goto done;
	}
	if (db_pg_drain(pg, NULL) != DB_OK)
		return pg->code;
	if (PQtransactionStatus(pg->conn) == PQTRANS_IDLE)
		pg->tx_msg[0] = '\0';
	if (db_pg_reconnect(pg) != 0)
		return pg->code;
	if (s->prepared && s->gen != pg->gen)
		s->prepared = 0;
	if (!s->prepared && prepare(s) != DB_OK)
		return pg->code;
	idle = PQtransactionStatus(pg->conn) == PQTRANS_IDLE;
	s->res = PQexecPrepared(pg->conn, s->name, s->nparams,
	    (const char *const *)s->vals, NULL, NULL, 0);
	st = PQresultStatus(s->res);
	/* a connection found cut by a statement that began no transaction
	 * (BEGIN, a read on its own) loses nothing: tried once more on a
	 * new one */
	if (st == PGRES_FATAL_ERROR && idle &&
	    PQstatus(pg->conn) == CONNECTION_BAD && db_pg_reconnect(pg) == 0) {
		PQclear(s->res);
		s->prepared = 0;
		if (prepare(s) != DB_OK)
			return pg->code;
		s->res = PQexecPrepared(pg->conn, s->name, s->nparams,
		    (const char *const *)s->vals, NULL, NULL, 0);
		st = PQresultStatus(s->res);
	}
done:
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		db_pg_fail(pg, s->res);
		PQclear(s->res);
		s->res = NULL;
		return pg->code;
	}
	pg->changes = atoi(PQcmdTuples(s->res));
	s->nrows = st == PGRES_TUPLES_OK ? PQntuples(s->res) : 0;
	if (s->returning) {
		idc = PQfnumber(s->res, "id");
		if (idc >= 0 && s->nrows > 0)
			pg->last_id = strtoll(
			    PQgetvalue(s->res, s->nrows - 1, idc), NULL, 10);
		s->nrows = 0;
	}
	s->executed = 1;
	s->row = -1;
	return DB_OK;
}

int
db_pg_step(struct db_pg_stmt *s)
{
	int rc;

	if (!s->executed && (rc = run(s)) != DB_OK)
		return rc;
	if (s->row + 1 < s->nrows) {
		s->row++;
		return DB_ROW;
	}
	s->row = s->nrows;
	return DB_DONE;
}

static const char *
value(struct db_pg_stmt *s, int i)
{
	if (s->res == NULL || s->row < 0 || s->row >= s->nrows || i < 0 ||
	    i >= PQnfields(s->res) || PQgetisnull(s->res, s->row, i))
		return NULL;
	return PQgetvalue(s->res, s->row, i);
}

int64_t
db_pg_column_int64(struct db_pg_stmt *s, int i)
{
	const char *v = value(s, i);

	if (v == NULL)
		return 0;
	/* a boolean (x IS NULL, EXISTS) reads as SQLite's 1 or 0 */
	if (strcmp(v, "t") == 0)
		return 1;
	return strtoll(v, NULL, 10);
}

const unsigned char *
db_pg_column_text(struct db_pg_stmt *s, int i)
{
	return (const unsigned char *)value(s, i);
}

int
db_pg_column_bytes(struct db_pg_stmt *s, int i)
{
	return value(s, i) ? PQgetlength(s->res, s->row, i) : 0;
}

int
db_pg_column_type(struct db_pg_stmt *s, int i)
{
	return value(s, i) ? DB_TEXT : DB_NULL;
}
