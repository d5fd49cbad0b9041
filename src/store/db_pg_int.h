/* db_pg_int.h - what the PostgreSQL driver's modules share (db_pg.c:
 * statements and the pipeline; db_pg_conn.c: the connection, its
 * session and whole-text statements): libpq's functions, loaded at the
 * first connection (dynlib.h), and the driver's own structures. Not
 * public; src/store only. */
#ifndef PAYDESK_STORE_DB_PG_INT_H
#define PAYDESK_STORE_DB_PG_INT_H

#include <libpq-fe.h>

#include "internal.h"
#include "paydesk/dynlib.h"

/* libpq, at the first connection (dynlib.h): the functions called */
#define PQ_SYMBOLS(X)                                                          \
	X(PQclear)                                                             \
	X(PQcmdTuples)                                                         \
	X(PQconnectdb)                                                         \
	X(PQenterPipelineMode)                                                 \
	X(PQerrorMessage)                                                      \
	X(PQescapeIdentifier)                                                  \
	X(PQexec)                                                              \
	X(PQexecParams)                                                        \
	X(PQexecPrepared)                                                      \
	X(PQexitPipelineMode)                                                  \
	X(PQfinish)                                                            \
	X(PQfnumber)                                                           \
	X(PQfreemem)                                                           \
	X(PQgetResult)                                                         \
	X(PQgetisnull)                                                         \
	X(PQgetlength)                                                         \
	X(PQgetvalue)                                                          \
	X(PQnfields)                                                           \
	X(PQntuples)                                                           \
	X(PQpipelineStatus)                                                    \
	X(PQpipelineSync)                                                      \
	X(PQprepare)                                                           \
	X(PQreset)                                                             \
	X(PQresultErrorField)                                                  \
	X(PQresultStatus)                                                      \
	X(PQsendQueryParams)                                                   \
	X(PQsendQueryPrepared)                                                 \
	X(PQserverVersion)                                                     \
	X(PQsetNoticeProcessor)                                                \
	X(PQstatus)                                                            \
	X(PQtransactionStatus)
PQ_SYMBOLS(DYNLIB_EXTERN_)
#define PQclear (*dyn_PQclear)
#define PQcmdTuples (*dyn_PQcmdTuples)
#define PQconnectdb (*dyn_PQconnectdb)
#define PQenterPipelineMode (*dyn_PQenterPipelineMode)
#define PQerrorMessage (*dyn_PQerrorMessage)
#define PQescapeIdentifier (*dyn_PQescapeIdentifier)
#define PQexec (*dyn_PQexec)
#define PQexecParams (*dyn_PQexecParams)
#define PQexecPrepared (*dyn_PQexecPrepared)
#define PQexitPipelineMode (*dyn_PQexitPipelineMode)
#define PQfinish (*dyn_PQfinish)
#define PQfnumber (*dyn_PQfnumber)
#define PQfreemem (*dyn_PQfreemem)
#define PQgetResult (*dyn_PQgetResult)
#define PQgetisnull (*dyn_PQgetisnull)
#define PQgetlength (*dyn_PQgetlength)
#define PQgetvalue (*dyn_PQgetvalue)
#define PQnfields (*dyn_PQnfields)
#define PQntuples (*dyn_PQntuples)
#define PQpipelineStatus (*dyn_PQpipelineStatus)
#define PQpipelineSync (*dyn_PQpipelineSync)
#define PQprepare (*dyn_PQprepare)
#define PQreset (*dyn_PQreset)
#define PQresultErrorField (*dyn_PQresultErrorField)
#define PQresultStatus (*dyn_PQresultStatus)
#define PQsendQueryParams (*dyn_PQsendQueryParams)
#define PQsendQueryPrepared (*dyn_PQsendQueryPrepared)
#define PQserverVersion (*dyn_PQserverVersion)
#define PQsetNoticeProcessor (*dyn_PQsetNoticeProcessor)
#define PQstatus (*dyn_PQstatus)
#define PQtransactionStatus (*dyn_PQtransactionStatus)

/* pg_type OIDs (catalog/pg_type.h is not in libpq-dev) */
#define OID_INT8 20
#define OID_TEXT 25

struct db_pg {
	PGconn *conn;
	int code; /* the last error's, as SQLite's */
	char msg[512];
	/* the error that aborted the open transaction: what a later
	 * statement's "current transaction is aborted" (25P02) reports */
	char tx_msg[512];
	int tx_code;
	int changes;     /* rows the last statement changed */
	int64_t last_id; /* the id of the last row inserted */
	unsigned nstmts; /* names given to prepared statements */
	/* the connection's session, set again after a reconnect: its
	 * SET statements, and how many times it was made (a statement
	 * prepared on an earlier one is prepared again) */
	char *session;
	unsigned gen;
	/* writes deferred (db_pg_defer): on, the statements sent whose
	 * answers are not read yet, and whether one failed since on */
	int defer, npending, defer_failed;
	/* set-based writes (db_pg_batch.c): on, and the statements whose
	 * rows are kept, in the order each was first kept */
	int batch;
	struct db_pg_stmt *qhead, *qtail;
};

struct db_pg_stmt {
	struct db *db;
	char *sql; /* translated, owned */
	char name[24];
	int prepared, executed;
	unsigned gen;  /* the connection's gen it was prepared on */
	int returning; /* RETURNING * added: rows not stepped */
	int write;     /* INSERT, UPDATE or DELETE whose rows none reads */
	int nparams;
	char **vals; /* nparams values as text, owned (NULL: NULL) */
	char *kinds; /* nparams: how each was bound ('i' an integer) */
	struct batch *batch;       /* batchable: its rows kept (or NULL) */
	struct db_pg_stmt *qnext;  /* the next statement with rows kept */
	Oid *types;  /* nparams; 0 for the server to infer */
	PGresult *res;
	int row, nrows;
};

/* db_pg.c */
int db_pg_fail_with(struct db_pg *pg, int code, const char *msg);
int db_pg_fail(struct db_pg *pg, PGresult *r);
int db_pg_drain(struct db_pg *pg, PGresult **last);
/* db_pg_batch.c: keep s's row (s batchable, batching on); send every
 * statement's kept rows, a statement each, in the pipeline; free s's */
int db_pg_batch_keep(struct db_pg_stmt *s);
int db_pg_batch_send(struct db_pg *pg);
void db_pg_batch_free(struct db_pg_stmt *s);
/* db_pg_conn.c */
int db_pg_reconnect(struct db_pg *pg);

#endif
