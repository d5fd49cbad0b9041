/* bench_recon.c - the reconciliation's figure of `make bench` (issue 20):
 * a statement of about 100,000 credits against the bench store, imported,
 * then matched by the rules (deposit match: every rule, each match with
 * its audit and sync record, one transaction), beside raw SQLite running
 * the four rules' joins over the same lines in the same run. Not a test:
 * it never fails on timing.
 *
 * The statement carries every rule in a utility's shares: bank transfers
 * naming their payments (80,000), a mobile-money gateway's payouts of
 * one payment each, net of its fee (15,000), the branches' cash deposits
 * by their slip numbers (5,000), and one card settlement per terminal
 * and day of the period, its payments less a 1% fee. The period is the
 * transfers' days; the deposits and the gateway's payments are written
 * into the store for it (as a store made in SQL, sealed by the baseline
 * at the next open).
 *
 * Each run takes the next 80,000 bank transfers of the store (the
 * statements it imported before say where it is), so the lines it
 * imports are free to match. Once measured, what the run added (its
 * statement, matches, deposits, gateway payments, their seals, audit
 * entries and sync records) is taken out again by the bench, around
 * paydesk (undo_run): each run matches against the same history, which
 * the output states, instead of one more statement's each time
 * (BENCH_RECON_KEEP set: the run stays, to grow a store's history).
 * Usage: bench_recon STORE DIR (the statement's file is written in DIR). */
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench.h"
#include "paydesk/deposit.h"
#include "paydesk/service.h"
#include "paydesk/sha256.h"
#include "paydesk/store.h"

#define TRANSFERS 80000
#define GATEWAY 15000
#define DEPOSITS 5000
#define ACCOUNT "NL00BENCH0000000001"
#define FEE_BP 100  /* the card processor's and the gateway's fee */
#define MATCH_DAYS 3

/* has_word(TEXT, WORD): whether WORD is in TEXT as a whole word without
 * regard to ASCII case (the raw side of the store's pd_has_word). */
static void
raw_has_word(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	const char *w = (const char *)sqlite3_value_text(argv[1]);
	size_t n, i;
	int found = 0;

	(void)argc;
	if (t == NULL || w == NULL || (n = strlen(w)) == 0) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	for (i = 0; t[i] != '\0' && !found; i++)
		found = (i == 0 || !isalnum((unsigned char)t[i - 1])) &&
		        strncasecmp(t + i, w, n) == 0 &&
		        !isalnum((unsigned char)t[i + n]);
	sqlite3_result_int(ctx, found);
}

/* pd_sha256(TEXT): the store's function of the outbox's seal trigger,
 * on raw's connection (its writes fire the store's triggers). */
static void
raw_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char hex[65];

	(void)argc;
	sha256_hex(sqlite3_value_text(argv[0]),
	    (size_t)sqlite3_value_bytes(argv[0]), hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

/* The four rules' joins as raw SQL (src/store/deposits.c's, ?1 the days
 * and ?2 the card fee): the free credits and what each rule pairs them
 * with, one to one. Each finds the free credits itself, a scan of every
 * credit of the store with a probe of its match, as the rules did before
 * they read them from the set store_match_lines_prepare makes once. */
#define RAW_LINE_FREE                                                          \
	"l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS " \
	"(SELECT 1 FROM statement_matches m WHERE m.line_id = l.id AND "      \
	"m.unmatched_at = '')"
#define RAW_PAY_FREE                                                           \
	"NOT EXISTS (SELECT 1 FROM statement_match_payments mp JOIN "          \
	"statement_matches m ON m.id = mp.match_id WHERE mp.payment_id = "     \
	"p.id AND m.unmatched_at = '')"
static const char *const raw_sql[] = {
    /* deposits */
    "SELECT count(*) FROM (SELECT d.id AS did, l.id AS lid, count(*) OVER "
    "(PARTITION BY d.id) AS nd, count(*) OVER (PARTITION BY l.id) AS nl "
    "FROM deposits d JOIN bank_statement_lines l ON l.amount = d.amount "
    "JOIN bank_statements b ON b.id = l.statement_id AND b.account = "
    "d.account WHERE d.voided_at = '' AND l.reversal = 0 AND l.dup_of IS "
    "NULL AND l.booking_date BETWEEN d.deposited_on AND date("
    "d.deposited_on, '+' || ?1 || ' days') AND has_word(l.reference || "
    "' ' || l.text, d.slip_no) AND NOT EXISTS (SELECT 1 FROM "
    "statement_matches m WHERE m.unmatched_at = '' AND m.deposit_id = "
    "d.id) AND NOT EXISTS (SELECT 1 FROM statement_matches m WHERE "
    "m.unmatched_at = '' AND m.line_id = l.id)) WHERE nd = 1 AND nl = 1",
    /* gateway payouts */
    "SELECT count(*) FROM (SELECT g.id AS gid, l.id AS lid, count(*) OVER "
    "(PARTITION BY g.id) AS ng, count(*) OVER (PARTITION BY l.id) AS nl "
    "FROM gw_payments g CROSS JOIN bank_statement_lines l INDEXED BY "
    "bank_lines_amount ON l.amount = g.amount - g.fee WHERE g.status = "
    "'succeeded' AND g.settled_on <> '' AND "
    "g.code <> '' AND l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL "
    "AND l.booking_date BETWEEN substr(g.settled_on, 1, 10) AND date("
    "substr(g.settled_on, 1, 10), '+' || ?1 || ' days') AND has_word("
    "l.reference || ' ' || l.text, g.code) AND NOT EXISTS (SELECT 1 FROM "
    "statement_matches m WHERE m.unmatched_at = '' AND m.gw_id = g.id) AND "
    "NOT EXISTS (SELECT 1 FROM statement_matches m WHERE m.unmatched_at = "
    "'' AND m.line_id = l.id)) WHERE ng = 1 AND nl = 1",
    /* bank transfers */
    "SELECT count(*) FROM (SELECT p.id AS pid, l.id AS lid, count(*) OVER "
    "(PARTITION BY p.id) AS np, count(*) OVER (PARTITION BY l.id) AS nl "
    "FROM bank_statement_lines l JOIN payments p ON p.amount = l.amount "
    "AND p.paid_on BETWEEN date(l.booking_date, '-' || ?1 || ' days') AND "
    "date(l.booking_date, '+' || ?1 || ' days') WHERE " RAW_LINE_FREE
    " AND p.method_kind = 'bank' AND p.status = 'Posted' AND " RAW_PAY_FREE
    " AND ((p.reference <> '' AND has_word(l.reference || ' ' || l.text, "
    "p.reference)) OR has_word(l.reference || ' ' || l.text, "
    "p.payment_no))) WHERE np = 1 AND nl = 1",
    /* card settlements */
    "WITH g AS (SELECT p.terminal AS term, p.paid_on AS day, sum(p.amount) "
    "AS gross, count(*) AS np FROM payments p WHERE p.method_kind = 'card' "
    "AND p.status = 'Posted' AND p.paid_on >= (SELECT date("
    "min(l.booking_date), '-' || ?1 || ' days') FROM bank_statement_lines "
    "l WHERE " RAW_LINE_FREE ") AND p.paid_on <= (SELECT "
    "max(l.booking_date) FROM bank_statement_lines l WHERE " RAW_LINE_FREE
    ") AND " RAW_PAY_FREE " GROUP BY p.terminal, p.paid_on), c AS (SELECT l.id AS lid, g.term, "
    "g.day, count(*) OVER (PARTITION BY g.term, g.day) AS ng, count(*) "
    "OVER (PARTITION BY l.id) AS nl FROM g JOIN bank_statement_lines l ON "
    "l.amount BETWEEN g.gross - g.gross * ?2 / 10000 AND g.gross AND "
    "l.booking_date BETWEEN g.day AND date(g.day, '+' || ?1 || ' days') "
    "WHERE " RAW_LINE_FREE " AND has_word(l.reference || ' ' || l.text, "
    "g.term)) SELECT count(*) FROM c WHERE ng = 1 AND nl = 1",
};

static int raw_exec(sqlite3 *raw, const char *sql);

/* The tables a run may add rows to, each with its highest rowid before
 * the run: every table of the store with a rowid (the seals and the
 * audit log of the run among them). */
struct mark {
	char name[64];
	long long max;
};

static struct mark *
marks_take(sqlite3 *raw, size_t *n)
{
	struct mark *v = NULL;
	sqlite3_stmt *q, *m;
	char sql[160];
	size_t cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(raw,
	        "SELECT name FROM sqlite_master WHERE type = 'table' AND name "
	        "NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND "
	        "sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name",
	        -1, &q, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			v = realloc(v, cap * sizeof *v);
		}
		snprintf(v[*n].name, sizeof v[*n].name, "%s",
		    (const char *)sqlite3_column_text(q, 0));
		v[*n].max = 0;
		snprintf(sql, sizeof sql,
		    "SELECT coalesce(max(rowid), 0) FROM \"%s\"", v[*n].name);
		if (sqlite3_prepare_v2(raw, sql, -1, &m, NULL) == SQLITE_OK &&
		    sqlite3_step(m) == SQLITE_ROW)
			v[*n].max = sqlite3_column_int64(m, 0);
		sqlite3_finalize(m);
		(*n)++;
	}
	sqlite3_finalize(q);
	return v;
}

static long long raw_count(sqlite3 *raw, const char *sql);

/* Whether the store has AUTOINCREMENT's table (made at its first use). */
static int
has_seq(sqlite3 *raw)
{
	return raw_count(raw,
	           "SELECT count(*) FROM sqlite_master WHERE name = "
	           "'sqlite_sequence'") > 0;
}

/* What the run added taken out again, around paydesk and its triggers
 * (the append-only ones refuse a delete; the seals' would seal it): the
 * rows past each table's mark, and meta and the sequences as they were
 * (kept in temp.bench_meta and temp.bench_seq before the run). The
 * rows before the marks are the store's as they were: the run's import
 * and matching only add rows, and the seals' claim sets the entry of
 * the run's own seals. Prints the rows taken out; 0 or -1. */
static int
undo_run(sqlite3 *raw, const struct mark *v, size_t n, int restore)
{
	sqlite3_stmt *q;
	char sql[200];
	long long gone = 0;
	size_t i;
	int off = 0;

	if (sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &off) !=
	        SQLITE_OK ||
	    raw_exec(raw, "BEGIN IMMEDIATE") != 0)
		return -1;
	for (i = 0; i < n; i++) {
		snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE rowid > %lld",
		    v[i].name, v[i].max);
		if (sqlite3_prepare_v2(raw, sql, -1, &q, NULL) != SQLITE_OK ||
		    sqlite3_step(q) != SQLITE_DONE) {
			fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(raw));
			sqlite3_finalize(q);
			raw_exec(raw, "ROLLBACK");
			return -1;
		}
		sqlite3_finalize(q);
		gone += sqlite3_changes(raw);
	}
	if ((restore &&
	        raw_exec(raw,
	            "DELETE FROM meta; INSERT INTO meta SELECT * FROM "
	            "temp.bench_meta") != 0) ||
	    (restore && has_seq(raw) &&
	        raw_exec(raw,
	            "DELETE FROM sqlite_sequence; INSERT INTO sqlite_sequence "
	            "(name, seq) SELECT name, seq FROM temp.bench_seq") != 0) ||
	    raw_exec(raw, "COMMIT") != 0) {
		raw_exec(raw, "ROLLBACK");
		return -1;
	}
	sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &off);
	if (restore)
		printf("  (the run's %lld rows taken out again: the next run "
		       "matches against the same history)\n",
		    gone);
	return 0;
}

static double cpu_ms(void);

/* The least work of the matching, raw: the very rows paydesk's matching
 * wrote (the rows past marks m, the matching's: its matches, their
 * payments, its sync records), kept aside, taken out, then written again
 * by raw in one durable transaction as paydesk opens the store (WAL,
 * synchronous FULL, foreign keys, the matching's page cache), the
 * store's triggers sealing each row as paydesk's writes are sealed, and
 * the seals claimed and hashed in their order as an audit entry claims
 * them (seal_row.c); then taken out again. Not the rules' joins (the
 * figure above), nor building the records (C). ms, or -1. */
static double
raw_writes(sqlite3 *raw, const struct mark *m, size_t n, long long *rows,
    double *cpu)
{
	sqlite3_stmt *q;
	struct sha256 h;
	uint8_t d[SHA256_LEN];
	char sql[256];
	long long floor, entry;
	double t = -1;
	size_t i;
	int off = 0, ok = 1;

	*rows = 0;
	/* the matching's own rows aside (the seals and its audit entry
	 * are made again by the writes and the claim) */
	for (i = 0; i < n && ok; i++) {
		if (strcmp(m[i].name, "seals") == 0 ||
		    strcmp(m[i].name, "audit_log") == 0)
			continue;
		snprintf(sql, sizeof sql,
		    "DROP TABLE IF EXISTS temp.bench_w%zu; CREATE TEMP TABLE "
		    "bench_w%zu AS SELECT * FROM main.\"%s\" WHERE rowid > "
		    "%lld ORDER BY rowid",
		    i, i, m[i].name, m[i].max);
		ok = raw_exec(raw, sql) == 0;
	}
	if (!ok || undo_run(raw, m, n, 0) != 0)
		return -1;
	sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &off);
	if (raw_exec(raw,
	        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA "
	        "cache_size = -262144") != 0)
		return -1;
	*cpu = cpu_ms();
	t = now_ms();
	floor = raw_count(raw, "SELECT coalesce(max(id), 0) FROM seals");
	entry = raw_count(raw, "SELECT coalesce(max(id), 0) + 1 FROM audit_log");
	ok = raw_exec(raw, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON") ==
	     0;
	for (i = 0; i < n && ok; i++) {
		if (strcmp(m[i].name, "seals") == 0 ||
		    strcmp(m[i].name, "audit_log") == 0)
			continue;
		snprintf(sql, sizeof sql,
		    "INSERT INTO main.\"%s\" SELECT * FROM temp.bench_w%zu",
		    m[i].name, i);
		ok = raw_exec(raw, sql) == 0;
		*rows += sqlite3_changes(raw);
	}
	/* the claim: the seals of the transaction given the entry's id,
	 * read back in their order into its digest */
	if (ok && sqlite3_prepare_v2(raw,
	              "UPDATE seals SET audit_id = ?1 WHERE audit_id IS NULL "
	              "AND id > ?2",
	              -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(q, 1, entry);
		sqlite3_bind_int64(q, 2, floor);
		ok = sqlite3_step(q) == SQLITE_DONE;
		*rows += sqlite3_changes(raw);
		sqlite3_finalize(q);
	} else
		ok = 0;
	if (ok && sqlite3_prepare_v2(raw,
	              "SELECT tbl, row_id, fields FROM seals WHERE id > ?1 AND "
	              "audit_id = ?2 ORDER BY id",
	              -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(q, 1, floor);
		sqlite3_bind_int64(q, 2, entry);
		sha256_init(&h);
		while (sqlite3_step(q) == SQLITE_ROW) {
			snprintf(sql, sizeof sql, "\x1f%lld\x1f",
			    (long long)sqlite3_column_int64(q, 1));
			sha256_update(&h, sqlite3_column_text(q, 0),
			    (size_t)sqlite3_column_bytes(q, 0));
			sha256_update(&h, sql, strlen(sql));
			sha256_update(&h, sqlite3_column_text(q, 2),
			    (size_t)sqlite3_column_bytes(q, 2));
			sha256_update(&h, "\x1e", 1);
		}
		sha256_final(&h, d);
		sqlite3_finalize(q);
	} else
		ok = 0;
	ok = ok && raw_exec(raw, "COMMIT") == 0;
	t = now_ms() - t;
	*cpu = cpu_ms() - *cpu;
	if (!ok)
		raw_exec(raw, "ROLLBACK");
	raw_exec(raw, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -2000");
	/* taken out again: the store as it was after the import */
	if (undo_run(raw, m, n, 0) != 0 || !ok)
		return -1;
	return t;
}

/* One count of raw, or -1. */
static long long
raw_count(sqlite3 *raw, const char *sql)
{
	sqlite3_stmt *q;
	long long v = -1;

	if (sqlite3_prepare_v2(raw, sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

/* This process's CPU time so far, ms (the figures' machine may be
 * shared: the CPU a step took says what the wall clock cannot). */
static double
cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 +
	       ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
}

/* The four rules' joins, raw, ms; *pairs what they paired. */
static double
raw_query(sqlite3 *db, long long *pairs)
{
	sqlite3_stmt *s;
	double t = now_ms();
	size_t i;

	*pairs = 0;
	for (i = 0; i < sizeof raw_sql / sizeof raw_sql[0]; i++) {
		if (sqlite3_prepare_v2(db, raw_sql[i], -1, &s, NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(db));
			return -1;
		}
		sqlite3_bind_int(s, 1, MATCH_DAYS);
		sqlite3_bind_int(s, 2, FEE_BP);
		while (sqlite3_step(s) == SQLITE_ROW)
			*pairs += sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	return now_ms() - t;
}

/* One statement's SQL on raw, its error said; 0 or -1. */
static int
raw_exec(sqlite3 *raw, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(raw, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	fprintf(stderr, "bench_recon: %s\n", msg ? msg : "?");
	sqlite3_free(msg);
	return -1;
}

/* One statement of raw with ?1 run, ?2 and ?3 the period's first and
 * last days, ?4 a count, ?5 the fee; 0 or -1. */
static int
raw_run(sqlite3 *raw, const char *sql, int run, const char *d0,
    const char *d1, int count)
{
	sqlite3_stmt *q;
	int rc;

	if (sqlite3_prepare_v2(raw, sql, -1, &q, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(raw));
		return -1;
	}
	sqlite3_bind_int(q, 1, run);
	sqlite3_bind_text(q, 2, d0, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, d1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 4, count);
	sqlite3_bind_int(q, 5, FEE_BP);
	rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc == SQLITE_DONE)
		return 0;
	fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(raw));
	return -1;
}

/* The period's deposits and gateway payments, written into the store
 * for run (their seals claimed by the baseline at the next open, as
 * tests/bench.sh's rows are): DEPOSITS bags of the branches' cash and
 * GATEWAY payments settled, each day of [d0, d1] alike. */
static int
seed(sqlite3 *raw, int run, const char *d0, const char *d1)
{
	if (raw_exec(raw, "BEGIN") != 0)
		return -1;
	if (raw_exec(raw,
	        "INSERT OR IGNORE INTO meta (key, value) SELECT "
	        "'seal_baseline', coalesce(max(id), 0) + 1 FROM seals") != 0 ||
	    raw_run(raw,
	        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM "
	        "n WHERE i < ?4 - 1) INSERT INTO deposits (uuid, slip_no, "
	        "account, deposited_on, amount, created_at, user_id, "
	        "created_by, terminal) SELECT printf('bench-%d-%d', ?1, i), "
	        "printf('BAG-R%d-%06d', ?1, i), '" ACCOUNT "', date(?2, "
	        "printf('+%d days', i % CAST(julianday(?3) - julianday(?2) + "
	        "1 AS INTEGER))), 100000 + (i * 7919 + ?1 * 104729) % 900000, "
	        "?3 || ' 18:00:00', (SELECT id FROM users WHERE username = "
	        "'mary'), 'mary', 'B01' FROM n",
	        run, d0, d1, DEPOSITS) != 0 ||
	    raw_run(raw,
	        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM "
	        "n WHERE i < ?4 - 1), g(i, amount, day) AS (SELECT i, 500 + (i "
	        "* 131 + ?1 * 17) % 20000, date(?2, printf('+%d days', i % "
	        "CAST(julianday(?3) - julianday(?2) + 1 AS INTEGER))) FROM n) "
	        "INSERT INTO gw_payments (gateway, code, status, "
	        "webhook_status, settlement_status, account_ref, phone, "
	        "amount, paid_at, candidates, consumer_id, fee, settled_on, "
	        "pulled_at) SELECT 'mpesa', printf('MPB%dX%06d', ?1, i), "
	        "'succeeded', 'ok', 'settled', printf('AC-%07d', 1 + i), "
	        "'254700000000', amount, day || ' 10:00:00', '[]', 1 + i, "
	        "amount * ?5 / 10000, day || ' 12:00:00', ?3 || ' 12:00:00' "
	        "FROM g",
	        run, d0, d1, GATEWAY) != 0) {
		raw_exec(raw, "ROLLBACK");
		return -1;
	}
	return raw_exec(raw, "COMMIT");
}

/* The statement of this run, into f: its transfers (the period [d0, d1]
 * is theirs), then the deposits and gateway payments seed wrote, and
 * the card settlements of the period's free card days; *n lines. */
static int
write_lines(sqlite3 *raw, FILE *f, int run, const char *from_sql, int *n)
{
	sqlite3_stmt *q;
	int rc = 0;

	if (sqlite3_prepare_v2(raw, from_sql, -1, &q, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(raw));
		return -1;
	}
	sqlite3_bind_int(q, 1, run);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		long long a = sqlite3_column_int64(q, 1);

		fprintf(f, "%s,%lld.%02lld,%s\n",
		    (const char *)sqlite3_column_text(q, 0), a / 100, a % 100,
		    (const char *)sqlite3_column_text(q, 2));
		(*n)++;
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
write_statement(sqlite3 *raw, const char *path, int run, int *n, int *ncard)
{
	sqlite3_stmt *q;
	long long total = 0, from;
	char d0[11] = "", d1[11] = "", sql[1024];
	FILE *f;
	int rc;

	if (sqlite3_prepare_v2(raw,
	        "SELECT count(*) FROM payments WHERE method_kind = 'bank'", -1,
	        &q, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW)
		total = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	if (total == 0)
		return -1;
	from = (long long)run * TRANSFERS % total;
	/* the transfers of the run: a temporary table of their ids */
	snprintf(sql, sizeof sql,
	    "DROP TABLE IF EXISTS temp.run_pay; CREATE TEMP TABLE run_pay AS "
	    "SELECT id FROM payments WHERE method_kind = 'bank' AND status = "
	    "'Posted' ORDER BY id LIMIT %d OFFSET %lld",
	    TRANSFERS, from);
	if (raw_exec(raw, sql) != 0 ||
	    sqlite3_prepare_v2(raw,
	        "SELECT min(p.paid_on), max(p.paid_on) FROM payments p WHERE "
	        "p.id IN (SELECT id FROM run_pay)",
	        -1, &q, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0)) {
		snprintf(d0, sizeof d0, "%s", sqlite3_column_text(q, 0));
		snprintf(d1, sizeof d1, "%s", sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	if (d0[0] == '\0' || seed(raw, run, d0, d1) != 0)
		return -1;
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fprintf(f, "date,amount,reference\n");
	*n = 0;
	rc = write_lines(raw, f, run,
	    "SELECT p.paid_on, p.amount, 'SEPA CREDIT ' || p.payment_no || "
	    "' RUN ' || ?1 FROM payments p WHERE p.id IN (SELECT id FROM "
	    "run_pay) ORDER BY p.id",
	    n);
	/* a deposit booked the day after, a payout the day after it
	 * settled */
	if (rc == 0)
		rc = write_lines(raw, f, run,
		    "SELECT date(deposited_on, '+1 day'), amount, 'CASH DEPOSIT "
		    "' || slip_no FROM deposits WHERE slip_no LIKE 'BAG-R' || ?1 "
		    "|| '-%' ORDER BY id",
		    n);
	if (rc == 0)
		rc = write_lines(raw, f, run,
		    "SELECT date(substr(settled_on, 1, 10), '+1 day'), amount - "
		    "fee, 'MPESA PAYOUT ' || code FROM gw_payments WHERE code "
		    "LIKE printf('MPB%dX%%', ?1) AND gateway = 'mpesa' ORDER "
		    "BY id",
		    n);
	*ncard = *n;
	/* each terminal's card day of the period that no match took */
	snprintf(sql, sizeof sql,
	    "SELECT date(p.paid_on, '+1 day'), sum(p.amount) - sum(p.amount) "
	    "* %d / 10000, 'CARD SETTLEMENT ' || p.terminal FROM payments p "
	    "WHERE p.paid_on BETWEEN '%s' AND '%s' AND p.method_kind = 'card' "
	    "AND p.status = 'Posted' AND ?1 >= 0 AND " RAW_PAY_FREE
	    " GROUP BY p.terminal, p.paid_on ORDER BY p.paid_on",
	    FEE_BP, d0, d1);
	if (rc == 0)
		rc = write_lines(raw, f, run, sql, n);
	*ncard = *n - *ncard;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

int
main(int argc, char **argv)
{
	static char w1[] = "date=1", w2[] = "amount=2", w3[] = "reference=3",
	            w4[] = "header=1";
	char *words[] = {w1, w2, w3, w4};
	struct svc s;
	struct pd_err err;
	struct statement st;
	struct match_counts mc;
	sqlite3 *raw;
	sqlite3_stmt *q;
	char path[4096], spec[256];
	double t, traw, c, craw;
	long long rawpairs = 0;
	struct mark *marks, *marks2;
	size_t nmarks = 0, nmarks2 = 0;
	long long wrows = 0;
	double tw, cw = 0;
	long long version;
	int run = 0, n = 0, ncard = 0;

	bench_day_required("bench_recon");
	if (argc != 3) {
		fprintf(stderr, "usage: bench_recon STORE DIR\n");
		return 2;
	}
	/* the statement and the rows of its period first, written around
	 * paydesk: its open seals them (the baseline) */
	if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READWRITE, NULL) !=
	        SQLITE_OK ||
	    sqlite3_create_function(raw, "has_word", 2,
	        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, raw_has_word, NULL,
	        NULL) != SQLITE_OK ||
	    sqlite3_create_function(raw, "pd_sha256", 1,
	        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, raw_sha256, NULL,
	        NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(raw));
		return 1;
	}
	sqlite3_busy_timeout(raw, 60000);
	if (sqlite3_prepare_v2(raw,
	        "SELECT count(*) FROM bank_statements WHERE file_name LIKE "
	        "'bench-recon-%'",
	        -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		run = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	snprintf(path, sizeof path, "%s/bench-recon-%d.csv", argv[2], run);
	/* the history matched against, and the marks of the run's undo */
	printf("  (the store's history: %lld statement lines, %lld of them "
	       "credits no match took; %lld active matches; %lld gateway "
	       "payments with no payment)\n",
	    raw_count(raw, "SELECT count(*) FROM bank_statement_lines"),
	    raw_count(raw,
	        "SELECT count(*) FROM bank_statement_lines l WHERE "
	        "l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL AND NOT "
	        "EXISTS (SELECT 1 FROM statement_matches m WHERE m.line_id = "
	        "l.id AND m.unmatched_at = '')"),
	    raw_count(raw,
	        "SELECT count(*) FROM statement_matches WHERE unmatched_at = "
	        "''"),
	    raw_count(raw,
	        "SELECT count(*) FROM gw_payments WHERE payment_uuid = ''"));
	if (raw_exec(raw,
	        "DROP TABLE IF EXISTS temp.bench_meta; DROP TABLE IF EXISTS "
	        "temp.bench_seq; CREATE TEMP TABLE bench_meta AS SELECT * FROM "
	        "meta; CREATE TEMP TABLE bench_seq (name, seq)") != 0 ||
	    (has_seq(raw) && raw_exec(raw,
	                         "INSERT INTO temp.bench_seq SELECT name, seq "
	                         "FROM sqlite_sequence") != 0) ||
	    (marks = marks_take(raw, &nmarks)) == NULL) {
		fprintf(stderr, "bench_recon: could not mark the store\n");
		return 1;
	}
	version = raw_count(raw, "PRAGMA user_version");
	if (write_statement(raw, path, run, &n, &ncard) != 0) {
		fprintf(stderr, "bench_recon: could not write %s\n", path);
		return 1;
	}
	memset(&s, 0, sizeof s);
	if (config_defaults(&s.cfg, &err) != 0 ||
	    store_open(argv[1], 0, &s.st, &err) != 0 ||
	    svc_login(&s, "mary", "2222", &err) != 0) {
		fprintf(stderr, "bench_recon: %s\n", err.msg);
		return 1;
	}
	s.cfg.match_days = MATCH_DAYS;
	s.cfg.card_fee_bp = FEE_BP;
	xstrlcpy(s.cfg.deposit_account, ACCOUNT, sizeof s.cfg.deposit_account);
	/* the mapping once per store (a second add of it is refused) */
	svc_statement_mapping_add(
	    &s, "bench", words, 4, spec, sizeof spec, &err);
	t = now_ms();
	if (svc_statement_import(&s, path, "csv", ACCOUNT, "bench", &st,
	        &err) != 0) {
		fprintf(stderr, "bench_recon: %s\n", err.msg);
		return 1;
	}
	t = now_ms() - t;
	row("import a statement of 100,000 lines (CSV)", t / 1000, "s", "-",
	    -1);
	/* raw first, the lines free: once to read the pages in as the
	 * matching will find them, then timed */
	raw_query(raw, &rawpairs);
	craw = cpu_ms();
	traw = raw_query(raw, &rawpairs);
	craw = cpu_ms() - craw;
	/* what the matching alone adds: the rows past these marks */
	if ((marks2 = marks_take(raw, &nmarks2)) == NULL) {
		fprintf(stderr, "bench_recon: could not mark the store\n");
		return 1;
	}
	c = cpu_ms();
	t = now_ms();
	if (svc_deposit_match_auto(&s, &mc, &err) != 0) {
		fprintf(stderr, "bench_recon: %s\n", err.msg);
		return 1;
	}
	t = now_ms() - t;
	c = cpu_ms() - c;
	row("match a 100,000-line statement (every rule)", t / 1000, "s",
	    "<= 5 s", traw / 1000);
	row("  the same, CPU time", c / 1000, "s", "-", craw / 1000);
	printf("  (%d lines: %d matched as transfers, %d deposits, %d card "
	       "of %d card days, %d gateway; raw paired %lld)\n",
	    n, mc.transfer, mc.deposits, mc.card, ncard, mc.gateway, rawpairs);
	remove(path);
	svc_close(&s);
	/* a store paydesk moved to a newer schema at its open keeps the
	 * run: the rows of the migration are not the run's to take out */
	if (getenv("BENCH_RECON_KEEP") != NULL)
		printf("  (BENCH_RECON_KEEP: the run's rows stay in the "
		       "store)\n");
	else if (raw_count(raw, "PRAGMA user_version") != version)
		printf("  (the store moved to a newer schema at this run: the "
		       "run's rows stay in it)\n");
	else {
		/* the least work of the matching, raw, then the run out */
		tw = raw_writes(raw, marks2, nmarks2, &wrows, &cw);
		if (tw >= 0) {
			row("  raw: the joins and its writes (least work)",
			    (traw + tw) / 1000, "s", "-", -1);
			row("  the same, CPU time", (craw + cw) / 1000, "s", "-",
			    -1);
		}
		printf("  (raw wrote the %lld rows and seal claims the matching "
		       "wrote, in one transaction as paydesk does: %.2f s, "
		       "%.2f s of CPU; with the rules' joins, the least the "
		       "matching costs on this machine)\n",
		    wrows, tw / 1000, cw / 1000);
		if (tw < 0 || undo_run(raw, marks, nmarks, 1) != 0) {
			fprintf(stderr,
			    "bench_recon: the run's rows stay in the store\n");
			return 1;
		}
	}
	free(marks);
	free(marks2);
	sqlite3_close(raw);
	return 0;
}
