/* bench_recon.c - the reconciliation's figure of `make bench` (issue 20):
 * a statement of 100,000 bank transfer credits, each naming a payment of
 * the bench store by its number, imported, then matched by the rules
 * (deposit match: every rule, each match with its audit and sync record,
 * one transaction), beside raw SQLite running the transfer rule's join
 * over the same lines in the same run. Not a test: it never fails on
 * timing.
 *
 * Each run takes the next 100,000 bank transfers of the store (the
 * statements it imported before say where it is), so the lines it
 * imports are free to match; the store keeps them.
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
#include "paydesk/store.h"

#define LINES 100000

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

/* The transfer rule's join as raw SQL: the free credits of the account
 * and the posted bank payments of their amount within days, naming the
 * payment; one to one. */
static const char raw_transfer_sql[] =
    "SELECT count(*) FROM (SELECT p.id AS pid, l.id AS lid, count(*) OVER "
    "(PARTITION BY p.id) AS np, count(*) OVER (PARTITION BY l.id) AS nl "
    "FROM bank_statement_lines l JOIN payments p ON p.amount = l.amount "
    "AND p.paid_on BETWEEN date(l.booking_date, '-3 days') AND "
    "date(l.booking_date, '+3 days') WHERE l.amount > 0 AND l.reversal = 0 "
    "AND l.dup_of IS NULL AND NOT EXISTS (SELECT 1 FROM statement_matches "
    "m WHERE m.line_id = l.id AND m.unmatched_at = '') AND p.method_kind = "
    "'bank' AND p.status = 'Posted' AND NOT EXISTS (SELECT 1 FROM "
    "statement_match_payments mp JOIN statement_matches m ON m.id = "
    "mp.match_id WHERE mp.payment_id = p.id AND m.unmatched_at = '') AND "
    "((p.reference <> '' AND has_word(l.reference || ' ' || l.text, "
    "p.reference)) OR has_word(l.reference || ' ' || l.text, "
    "p.payment_no))) WHERE np = 1 AND nl = 1";

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

/* The transfer rule's join, raw, ms. */
static double
raw_query(sqlite3 *db)
{
	sqlite3_stmt *s;
	double t = now_ms();

	if (sqlite3_prepare_v2(db, raw_transfer_sql, -1, &s, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	sqlite3_finalize(s);
	return now_ms() - t;
}

/* The statement of this run: LINES credits, one per bank transfer from
 * the run's place on; *n lines written. */
static int
write_statement(sqlite3 *raw, const char *path, int run, int *n)
{
	sqlite3_stmt *q;
	long long total = 0, from;
	FILE *f;

	if (sqlite3_prepare_v2(raw,
	        "SELECT count(*) FROM payments WHERE method_kind = 'bank'", -1,
	        &q, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW)
		total = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	if (total == 0)
		return -1;
	from = (long long)run * LINES % total;
	if (sqlite3_prepare_v2(raw,
	        "SELECT payment_no, amount, paid_on FROM payments WHERE "
	        "method_kind = 'bank' AND status = 'Posted' ORDER BY id LIMIT "
	        "?1 OFFSET ?2",
	        -1, &q, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(q, 1, LINES);
	sqlite3_bind_int64(q, 2, from);
	if ((f = fopen(path, "w")) == NULL) {
		sqlite3_finalize(q);
		return -1;
	}
	fprintf(f, "date,amount,reference\n");
	*n = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		long long a = sqlite3_column_int64(q, 1);

		fprintf(f, "%s,%lld.%02lld,SEPA CREDIT %s RUN %d\n",
		    (const char *)sqlite3_column_text(q, 2), a / 100, a % 100,
		    (const char *)sqlite3_column_text(q, 0), run);
		(*n)++;
	}
	sqlite3_finalize(q);
	return fclose(f) == 0 ? 0 : -1;
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
	int run = 0, n = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_recon STORE DIR\n");
		return 2;
	}
	memset(&s, 0, sizeof s);
	if (config_defaults(&s.cfg, &err) != 0 ||
	    store_open(argv[1], 0, &s.st, &err) != 0 ||
	    svc_login(&s, "mary", "2222", &err) != 0) {
		fprintf(stderr, "bench_recon: %s\n", err.msg);
		return 1;
	}
	s.cfg.match_days = 3;
	if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, NULL) !=
	        SQLITE_OK ||
	    sqlite3_create_function(raw, "has_word", 2,
	        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, raw_has_word, NULL,
	        NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_recon: %s\n", sqlite3_errmsg(raw));
		return 1;
	}
	if (sqlite3_prepare_v2(raw,
	        "SELECT count(*) FROM bank_statements WHERE file_name LIKE "
	        "'bench-recon-%'",
	        -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		run = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	snprintf(path, sizeof path, "%s/bench-recon-%d.csv", argv[2], run);
	if (write_statement(raw, path, run, &n) != 0) {
		fprintf(stderr, "bench_recon: could not write %s\n", path);
		return 1;
	}
	/* the mapping once per store (a second add of it is refused) */
	svc_statement_mapping_add(
	    &s, "bench", words, 4, spec, sizeof spec, &err);
	t = now_ms();
	if (svc_statement_import(&s, path, "csv", "NL00BENCH0000000001",
	        "bench", &st, &err) != 0) {
		fprintf(stderr, "bench_recon: %s\n", err.msg);
		return 1;
	}
	t = now_ms() - t;
	row("import a statement of 100,000 lines (CSV)", t / 1000, "s", "-",
	    -1);
	/* raw first, the lines free: once to read the pages in as the
	 * matching will find them, then timed */
	raw_query(raw);
	craw = cpu_ms();
	traw = raw_query(raw);
	craw = cpu_ms() - craw;
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
	printf("  (%d lines: %d matched as transfers, %d deposits, %d card, "
	       "%d gateway)\n",
	    n, mc.transfer, mc.deposits, mc.card, mc.gateway);
	remove(path);
	svc_close(&s);
	sqlite3_close(raw);
	return 0;
}
