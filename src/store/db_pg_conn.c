/* db_pg_conn.c - the PostgreSQL driver's connection (db.h, issue 22):
 * opened with its schema and session, made again between transactions
 * when the server dropped it, whole-text statements (db_pg_exec) and
 * what the last statement left (changes, last id, errors). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_pg_int.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

DYNLIB_TABLE(pq, PQ_SYMBOLS);
static struct dynlib pq_lib = {
    PD_SONAME_PQ, N_("PostgreSQL"), PD_ESTORE, pq_syms, NULL};

/* A connection the server dropped (restarted, a failover, a network
 * cut) made again between transactions, with its session: the store's
 * next transaction runs on the new one, the one that was cut failed with
 * its statement (its transaction is lost whole, never half). 0, or -1
 * (the error kept) when the server is still away. */
int
db_pg_reconnect(struct db_pg *pg)
{
	PGresult *r;

	if (PQstatus(pg->conn) == CONNECTION_OK)
		return 0;
	PQreset(pg->conn);
	if (PQstatus(pg->conn) != CONNECTION_OK) {
		db_pg_fail_with(pg, DB_BUSY, PQerrorMessage(pg->conn));
		return -1;
	}
	pg->gen++;
	pg->tx_msg[0] = '\0';
	r = PQexec(pg->conn, pg->session);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		db_pg_fail(pg, r);
		PQclear(r);
		return -1;
	}
	PQclear(r);
	return 0;
}

int
db_pg_exec(struct db *db, const char *sql, char **msg)
{
	struct db_pg *pg = db->pg;
	PGresult *r;
	ExecStatusType st;
	int rc = DB_OK, idle;

	if (db_pg_drain(pg, NULL) != DB_OK) {
		if (msg != NULL)
			*msg = sqlite3_mprintf("%s", pg->msg);
		return pg->code;
	}
	if (PQtransactionStatus(pg->conn) == PQTRANS_IDLE)
		pg->tx_msg[0] = '\0';
	if (db_pg_reconnect(pg) != 0) {
		if (msg != NULL)
			*msg = sqlite3_mprintf("%s", pg->msg);
		return pg->code;
	}
	idle = PQtransactionStatus(pg->conn) == PQTRANS_IDLE;
	r = PQexec(pg->conn, db_pg_form_of(sql));
	st = PQresultStatus(r);
	/* as run: a cut found by a statement outside a transaction */
	if (st == PGRES_FATAL_ERROR && idle &&
	    PQstatus(pg->conn) == CONNECTION_BAD && db_pg_reconnect(pg) == 0) {
		PQclear(r);
		r = PQexec(pg->conn, db_pg_form_of(sql));
		st = PQresultStatus(r);
	}

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		rc = db_pg_fail(pg, r);
		if (msg != NULL)
			*msg = sqlite3_mprintf("%s", pg->msg);
	} else
		pg->changes = atoi(PQcmdTuples(r));
	PQclear(r);
	return rc;
}

/* (a failure of a deferred write is kept for the next statement, which
 * it fails) */
int64_t
db_pg_last_insert_rowid(struct db *db)
{
	db_pg_drain(db->pg, NULL);
	return db->pg->last_id;
}

int
db_pg_changes(struct db *db)
{
	db_pg_drain(db->pg, NULL);
	return db->pg->changes;
}

int
db_pg_errcode(struct db *db)
{
	return db->pg->code;
}

const char *
db_pg_errmsg(struct db *db)
{
	return db->pg->msg;
}

int
db_pg_autocommit(struct db *db)
{
	db_pg_drain(db->pg, NULL);
	return PQtransactionStatus(db->pg->conn) == PQTRANS_IDLE;
}

static void
quiet(void *arg, const char *msg)
{
	/* NOTICEs ("already exists, skipping") are not the operator's */
	(void)arg;
	(void)msg;
}

/* Whether a schema name is one the store makes: [A-Za-z0-9_-], 1 to 63. */
static int
schema_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 63)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		        (s[i] >= 'A' && s[i] <= 'Z') ||
		        (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		        s[i] == '-'))
			return 0;
	return 1;
}

/* Whether schema's version table is there (one query, no lock). */
static int
made(struct db *db, const char *schema)
{
	const char *v[1] = {schema};
	PGresult *r = PQexecParams(db->pg->conn,
	    "SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = "
	    "'schema_version'",
	    1, NULL, v, NULL, NULL, 0);
	int yes = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;

	PQclear(r);
	return yes;
}

int
db_pg_open(const char *conninfo, const char *schema, struct db **out,
    struct pd_err *err)
{
	struct db *db;
	PGconn *c;
	char *id, *sql;
	int rc;

	*out = NULL;
	if (!schema_ok(schema))
		return pd_fail(err, PD_EINVAL,
		    _("Schema \"%s\": not a name paydesk makes (letters, "
		      "digits, '_' and '-')"),
		    schema);
	if (dynlib_load(&pq_lib, err) != 0)
		return -1;
	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		char msg[512];

		xstrlcpy(msg, PQerrorMessage(c), sizeof msg);
		msg[strcspn(msg, "\n")] = '\0';
		PQfinish(c);
		return pd_fail(err, PD_ESTORE,
		    _("Cannot connect to PostgreSQL ([central] database): %s"),
		    msg);
	}
	PQsetNoticeProcessor(c, quiet, NULL);
	db = xcalloc(1, sizeof *db);
	db->pg = xcalloc(1, sizeof *db->pg);
	db->pg->conn = c;
	/* checked above and quoted: never an identifier from outside as it
	 * came. The schema and its version table, when missing, are made
	 * under a lock, so two central nodes starting at once do not race
	 * to make them */
	id = PQescapeIdentifier(c, schema, strlen(schema));
	/* plans made for the values at hand, never one cached generic
	 * plan: a generic plan is chosen at a statement's sixth run on the
	 * tables' sizes then, and a store's tables grow from nothing (a new
	 * organisation, a first backlog) far faster than autovacuum's
	 * statistics follow, so a lookup planned as a scan of an empty
	 * table stayed one over 100,000 rows (the bench's push). Server 12
	 * and later; 11 has no such setting and plans as it always did.
	 * No parallel plans: a node's statements are a push's or a pull's
	 * lookups and writes of a few thousand rows, and a parallel plan
	 * starts its worker processes at each run, which took longer than
	 * the work (the push's lookup of its 2,000 payments' numbers in
	 * three indexes, planned as a Gather of two workers once the table
	 * held 50,000 rows: 10-20 ms a run, 12.9 s of the server's 26 s in
	 * the bench's 100,000-payment push, s71, auto_explain) */
	db->pg->session = xasprintf(
	    "SET client_min_messages = warning; "
	    "SET max_parallel_workers_per_gather = 0; "
	    "SET search_path TO %s, paydesk; "
	    "DO $pd$ BEGIN IF current_setting('server_version_num')::int >= "
	    "120000 THEN PERFORM set_config('plan_cache_mode', "
	    "'force_custom_plan', false); END IF; END $pd$",
	    id);
	rc = db_pg_exec(db, db->pg->session, NULL);
	if (rc == DB_OK && !made(db, schema)) {
		sql = xasprintf("BEGIN; SELECT pg_advisory_xact_lock(22022); "
		                "CREATE SCHEMA IF NOT EXISTS paydesk; "
		                "CREATE SCHEMA IF NOT EXISTS %s; "
		                "CREATE TABLE IF NOT EXISTS %s.schema_version "
		                "(version integer PRIMARY KEY, at timestamptz "
		                "NOT NULL DEFAULT now()); COMMIT",
		    id, id);
		rc = db_pg_exec(db, sql, NULL);
		free(sql);
	}
	PQfreemem(id);
	if (rc != DB_OK) {
		pd_fail(err, PD_ESTORE, _("PostgreSQL schema %s: %s"), schema,
		    db->pg->msg);
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void
db_pg_plans_generic(struct db *db, int on)
{
	/* (server 11 has no plan_cache_mode: its plans as it makes them,
	 * with no sequential scan while on) */
	db_pg_exec(db,
	    on ? "SET enable_seqscan = off; SET jit = off; DO $pd$ BEGIN IF "
	         "current_setting('server_version_num')::int >= 120000 THEN "
	         "PERFORM set_config('plan_cache_mode', 'force_generic_plan', "
	         "false); END IF; END $pd$"
	       : "RESET enable_seqscan; RESET jit; DO $pd$ BEGIN IF "
	         "current_setting('server_version_num')::int >= 120000 THEN "
	         "PERFORM set_config('plan_cache_mode', 'force_custom_plan', "
	         "false); END IF; END $pd$",
	    NULL);
}

void
db_pg_close(struct db *db)
{
	PQfinish(db->pg->conn);
	free(db->pg->session);
	free(db->pg);
	db->pg = NULL;
}
