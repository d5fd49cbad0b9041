/* bench_debts.c - the figures of issue 21 in `make bench`, on the bench
 * store (tests/bench.sh), each beside its target and the same work done
 * with raw SQLite calls in the same run:
 * - creating a payment arrangement (<= 20 ms): bills imported for K
 *   consumers first (not timed), then one 7-installment plan each; raw:
 *   one durable transaction writing as many rows (the outbox record, the
 *   held item, the installments and the audit entry's table touched);
 * - the daily alert pass (<= 2 s): svc_alerts_tick with the day before
 *   as the last day passed, every rule of time on ([alerts] overdue_days,
 *   credit_expiry_days, reconciliation_days, the arrangements'); raw: the
 *   rules' reads (items come overdue that day, credit notes expiring,
 *   the plans being kept, the reconciliation's open deposits);
 * - the disconnection list (<= 1 s): svc_disconnections; raw: its query.
 * The store keeps what is made here (as the posting figure's payments):
 * each run adds K small arrangements. Not a test: it never fails on
 * timing. usage: bench_debts STORE DIR (DIR: a scratch directory). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "paydesk/date.h"
#include "paydesk/service.h"
#include "paydesk/sha256.h"

#define K 40 /* arrangements made */
#define PASSES 5

static void
raw_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char hex[65];

	(void)argc;
	sha256_hex(sqlite3_value_text(argv[0]),
	    (size_t)sqlite3_value_bytes(argv[0]), hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

/* Run sql (with ?1 ?2 bound to a, b), reading every row; ms. */
static double
raw_ms(sqlite3 *db, const char *sql, const char *a, const char *b)
{
	sqlite3_stmt *s;
	double t = now_ms();

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_debts: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	if (a)
		sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	sqlite3_finalize(s);
	return now_ms() - t;
}

static int
fail(const char *what, const struct pd_err *err)
{
	fprintf(stderr, "bench_debts: %s: %s\n", what, err->msg);
	return 1;
}

int
main(int argc, char **argv)
{
	struct svc s;
	struct pd_err err;
	struct import_counts ic;
	struct arr_preview pv;
	struct arr_request q;
	struct overdue_row *od;
	sqlite3 *raw;
	char ini[4096], csv[4096], today[11], day0[11], first[11], upto[11],
	    until[11], acct[16], plan[33];
	double v[K], r[K], t, best = -1, rawp = 0;
	int32_t d;
	size_t n;
	FILE *f;
	int i, base;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_debts STORE DIR\n");
		return 2;
	}
	snprintf(ini, sizeof ini, "%s/debts.ini", argv[2]);
	snprintf(csv, sizeof csv, "%s/debts.csv", argv[2]);
	if ((f = fopen(ini, "w")) == NULL) {
		perror(ini);
		return 1;
	}
	/* the bench store's PINs are below the policy; every rule of time */
	fputs("[security]\npin_min_supervisor = 4\nweak_pins = allow\n"
	      "[alerts]\noverdue_days = 30\nlarge_payment = 500.00\n"
	      "credit_expiry_days = 10\nreconciliation_days = 7\n"
	      "[disconnection]\ndays = 60\namount = 100.00\n",
	    f);
	fclose(f);
	if (svc_open(&s, ini, argv[1], 0, &err) != 0 ||
	    svc_login(&s, "mary", "2222", &err) != 0)
		return fail("opening the store", &err);
	if (sqlite3_open(argv[1], &raw) != SQLITE_OK)
		return 1;
	sqlite3_create_function(
	    raw, "pd_sha256", 1, SQLITE_UTF8, NULL, raw_sha256, NULL, NULL);
	sqlite3_exec(raw, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
	sqlite3_busy_timeout(raw, 5000);
	svc_today(today);
	date_parse(today, NULL, &d, NULL);
	date_format(day0, d - 1);
	date_format(first, d + 30);

	/* K consumers' bills to arrange (past the first, whose open bills
	 * the posting figure pays), their refs new to this run */
	{
		sqlite3_stmt *st;
		int top = 0;

		if (sqlite3_prepare_v2(raw, "SELECT max(id) FROM consumers", -1,
		        &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			top = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (top < 2 * K + 2) {
			fprintf(stderr, "bench_debts: too few consumers\n");
			return 1;
		}
		base = 2 + (int)(time(NULL) % ((top - 2) / K)) * K;
	}
	if ((f = fopen(csv, "w")) == NULL) {
		perror(csv);
		return 1;
	}
	fputs("invoice_no,account_no,period,amount,issued_on,due_on\n", f);
	for (i = 0; i < K; i++)
		fprintf(f, "ARR-%ld-%d,AC-%07d,bench,1234.57,%s,%s\n",
		    (long)time(NULL), i, base + i, day0, day0);
	fclose(f);
	if (svc_import(&s, "bills", csv, 0, &ic, &err) != 0)
		return fail("importing the bills", &err);

	printf("%-44s %14s %-12s %-14s %s\n", "figure", "paydesk", "target",
	    "raw", "ratio");
	for (i = 0; i < K; i++) {
		memset(&q, 0, sizeof q);
		snprintf(acct, sizeof acct, "AC-%07d", base + i);
		q.account = acct;
		q.n = 7;
		q.freq = "monthly";
		q.first_due = first;
		q.grace_days = 3;
		q.misses_allowed = 1;
		q.reason = "Hardship";
		t = now_ms();
		if (svc_arrangement_create(&s, &q, plan, &pv, &err) != 0)
			return fail(acct, &err);
		v[i] = now_ms() - t;
		svc_arr_preview_free(&pv);
		t = now_ms();
		sqlite3_exec(raw,
		    "BEGIN IMMEDIATE; INSERT INTO outbox (uuid, kind, ref, "
		    "payload, created_at) VALUES (hex(randomblob(16)), "
		    "'bench', "
		    "'x', '{}', 'now'); UPDATE items SET settled = settled "
		    "WHERE "
		    "id IN (1, 2, 3, 4, 5, 6, 7, 8); COMMIT",
		    NULL, NULL, NULL);
		r[i] = now_ms() - t;
	}
	row("create an arrangement (7 installments): p50", pct(v, K, .5), "ms",
	    "", pct(r, K, .5));
	row("create an arrangement: p95", pct(v, K, .95), "ms", "<= 20 ms",
	    pct(r, K, .95));

	/* the daily pass: the day before passed, each time */
	date_format(upto, d - 30);
	date_format(until, d + 10);
	for (i = 0; i < PASSES; i++) {
		char sql[256];

		/* the day before passed, and the items seen then (the mark
		 * of the overdue rule: its days and the highest item id) */
		snprintf(sql, sizeof sql,
		    "INSERT OR REPLACE INTO meta (key, value) VALUES "
		    "('alerts_day', '%s'), ('alerts_overdue', '30 ' || "
		    "(SELECT coalesce(max(id), 0) FROM items) || ' ' || "
		    "(SELECT coalesce(max(id), 0) FROM allocations) || ' ' "
		    "|| (SELECT coalesce(max(id), 0) FROM arrangement_moves))",
		    day0);
		sqlite3_exec(raw, sql, NULL, NULL, NULL);
		s.alerts_ticked = 0;
		t = now_ms();
		svc_alerts_tick(&s);
		t = now_ms() - t;
		if (s.alert_note[0] != '\0')
			fprintf(stderr, "bench_debts: %s\n", s.alert_note);
		if (best < 0 || t > best)
			best = t; /* the slowest */
	}
	{
		char after[11];

		date_format(after, d - 31);
		rawp =
		    raw_ms(raw,
		        "SELECT i.id FROM items i WHERE i.due_on > ?1 AND "
		        "i.due_on <= ?2 AND i.settled < i.amount AND NOT "
		        "EXISTS (SELECT 1 FROM arrangements a WHERE a.plan_id "
		        "= i.plan_id)",
		        after, upto) +
		    raw_ms(raw,
		        "SELECT i.id FROM items i WHERE i.id IN (SELECT id FROM "
		        "items WHERE id > (SELECT max(id) FROM items) - ?1 UNION "
		        "SELECT item_id FROM allocations WHERE id > (SELECT "
		        "max(id) FROM allocations) AND amount < 0) AND i.due_on "
		        "<= ?2 AND i.settled < i.amount",
		        "0", upto) +
		    raw_ms(raw,
		        "SELECT id FROM credit_notes INDEXED BY "
		        "credit_notes_expiry WHERE voided = 0 AND applied < "
		        "amount AND expires_on >= ?1 AND expires_on <= ?2 AND "
		        "expires_on <> ''",
		        today, until) +
		    raw_ms(raw,
		        "SELECT a.id, i.due_on, i.amount, i.settled FROM "
		        "arrangements a JOIN items i ON i.plan_id = a.plan_id "
		        "WHERE a.cancelled = 0",
		        NULL, NULL) +
		    raw_ms(raw,
		        "SELECT d.id FROM deposits d WHERE d.voided_at = '' "
		        "AND "
		        "NOT EXISTS (SELECT 1 FROM statement_matches m WHERE "
		        "m.deposit_id = d.id AND m.unmatched_at = '')",
		        NULL, NULL);
	}
	row("daily alert pass (every rule of time)", best / 1000, "s", "<= 2 s",
	    rawp / 1000);

	t = now_ms();
	od = svc_disconnections(&s, &n, &err);
	t = now_ms() - t;
	if (od == NULL && err.code != 0)
		return fail("the disconnection list", &err);
	free(od);
	{
		char cutoff[11];

		date_format(cutoff, d - 60);
		row("disconnection list", t / 1000, "s", "<= 1 s",
		    raw_ms(raw,
		        "SELECT c.id, c.account_no, c.name, sum(i.amount - "
		        "i.settled), count(*), min(i.due_on) FROM items i JOIN "
		        "consumers c ON c.id = i.consumer_id WHERE i.amount > "
		        "i.settled AND i.due_on <= ?1 GROUP BY c.id HAVING "
		        "sum(i.amount - i.settled) >= 10000 ORDER BY 4 DESC, "
		        "c.account_no",
		        cutoff, NULL) /
		        1000);
	}
	sqlite3_close(raw);
	svc_close(&s);
	return 0;
}
