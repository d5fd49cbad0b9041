/* bench_debts.c - the figures of issue 21 in `make bench`, on the bench
 * store (tests/bench.sh), each beside its target and the same work done
 * with raw SQLite calls in the same run:
 * - creating a payment arrangement (<= 20 ms): bills imported for K
 *   consumers first (not timed), then one 7-installment plan each; raw:
 *   one durable transaction writing as many rows (the outbox record, the
 *   held item, the installments and the audit entry's table touched);
 * - the daily alert pass (<= 2 s): svc_alerts_tick with the day before
 *   as the last day passed, every rule of time on ([alerts] overdue_days,
 *   credit_expiry_days, reconciliation_days, gateway_hours, the
 *   arrangements'), the ledger as it was before this run's plans were
 *   made (the marks of the overdue and arrangement rules); raw: the
 *   rules' reads (items come overdue that day, credit notes expiring,
 *   the plans with an installment falling due since the day before or
 *   touched since the mark and their installments with the day each was
 *   paid, their open alerts, gateway payments unassociated, and the
 *   reconciliation's exceptions: deposits not credited, the credits no
 *   match took with the deposits matched, amounts differing), not the
 *   alerts' inserts nor the slips found in the credits' text (C).
 *   The slowest of PASSES passes after a first one not counted (its
 *   time and the alerts it raised printed under the figures): the first
 *   raises what the run's plans and posts caused, which the passes after
 *   it find raised, and reads its pages from the disk when the store
 *   was just built or the machine started (s51, 21 GB store: 54.5 s;
 *   the same pass run again: 16 ms);
 * - the disconnection and reconnection lists: bench_lists.c.
 * The bench store's bills are all paid: a collections day needs debt.
 * Once per store (meta bench_debts_setup), not timed, through paydesk's
 * own paths (the import of bills, arrangements made, payments posted,
 * the days in between set by $PAYDESK_NOW): one consumer in ten owes 1-3
 * bills due over the last 120 days; of those, one in five has paid part
 * of it and one in five has a 6-installment monthly plan made 95 days
 * ago: kept (on time, or late once), missed once, or broken.
 * The store keeps what is made here (as the posting figure's payments):
 * each run adds K small arrangements. Not a test: it never fails on
 * timing. Figures in ms; the rows each side found are printed under the
 * figures. usage: bench_debts STORE DIR (DIR: a scratch directory). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "bench_debts.h"
#include "paydesk/date.h"
#include "paydesk/service.h"
#include "paydesk/sha256.h"
#include "paydesk/store.h"

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

/* Run sql (with ?1 ?2 bound to a, b), reading every row; ms. The rows
 * read are added to *rows (NULL: not counted). */
static double
raw_ms(sqlite3 *db, const char *sql, const char *a, const char *b, long *rows)
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
		if (rows)
			(*rows)++;
	sqlite3_finalize(s);
	return now_ms() - t;
}

/* The first column of the first row of sql (?1 bound to a text, ?2 to
 * an integer, when given); 0 if none. */
static long
raw_int(sqlite3 *db, const char *sql, const char *a, long b)
{
	sqlite3_stmt *s;
	long v = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_debts: %s\n", sqlite3_errmsg(db));
		return 0;
	}
	if (a)
		sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	if (b && sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_int64(s, 2, b);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

#define SETUP_MARK "bench_debts_setup"
#define NINST 6 /* a plan's installments (monthly) */

/* $PAYDESK_NOW set to day d, noon. */
static void
set_day(int32_t d)
{
	char iso[11], ts[24];

	date_format(iso, d);
	snprintf(ts, sizeof ts, "%s 12:00:00", iso);
	setenv("PAYDESK_NOW", ts, 1);
}

/* Debtor j's consumer id, its bills (1-3) and bill b's amount. */
#define DEBTOR(j) (10 * (j) + 5)
#define NBILLS(j) (1 + (j) % 3)
#define BILL_AMOUNT(j, b) (1500 + ((j)*131 + (b)*977) % 25000)

/* Import the bills of the debtors j (j % 10 in [lo, hi]), bill b due a
 * number of days before day t. */
static int
import_bills(struct svc *s, const char *dir, int nd, int lo, int hi, int32_t t,
    int arranged)
{
	struct import_counts ic;
	struct pd_err err;
	char csv[4096], due[11], issued[11];
	int j, b;
	FILE *f;

	snprintf(csv, sizeof csv, "%s/debt-bills.csv", dir);
	if ((f = fopen(csv, "w")) == NULL) {
		perror(csv);
		return -1;
	}
	fputs("invoice_no,account_no,period,amount,issued_on,due_on\n", f);
	for (j = 0; j < nd; j++) {
		if (j % 10 < lo || j % 10 > hi)
			continue;
		/* today's import: those with a plan owe one bill more, due
		 * 90 days ago, not under it (a plan kept keeps them off the
		 * disconnection list) */
		if (!arranged && j % 10 >= 8) {
			date_format(due, t - 90);
			date_format(issued, t - 104);
			fprintf(f, "DEBT-%d-9,AC-%07d,debt,%d.%02d,%s,%s\n",
			    DEBTOR(j), DEBTOR(j),
			    (BILL_AMOUNT(j, 9) + 10000) / 100,
			    BILL_AMOUNT(j, 9) % 100, issued, due);
			continue;
		}
		for (b = 0; b < NBILLS(j); b++) {
			int32_t d = arranged ? t - 100 - (j * 7 + b * 9) % 20
			                     : t - 5 - (j * 7 + b * 40) % 115;

			date_format(due, d);
			date_format(issued, d - 14);
			fprintf(f, "DEBT-%d-%d,AC-%07d,debt,%d.%02d,%s,%s\n",
			    DEBTOR(j), b, DEBTOR(j), BILL_AMOUNT(j, b) / 100,
			    BILL_AMOUNT(j, b) % 100, issued, due);
		}
	}
	fclose(f);
	/* --update: a bill an earlier run, stopped, imported is unchanged */
	if (svc_import(s, "bills", csv, 1, &ic, &err) != 0) {
		fprintf(stderr, "bench_debts: importing debts: %s\n", err.msg);
		return -1;
	}
	return 0;
}

/* One payment of amount to account's installments (or bills). */
static int
pay(struct svc *s, int id, enum pay_type type, int64_t amount)
{
	struct pay_request q;
	struct pay_result res;
	struct pd_err err;
	char acct[16];

	memset(&q, 0, sizeof q);
	snprintf(acct, sizeof acct, "AC-%07d", id);
	q.account = acct;
	q.type = type;
	q.method = "Bank Transfer";
	q.amount = amount;
	if (svc_pay_post(s, &q, &res, &err) != 0) {
		fprintf(stderr, "bench_debts: paying %s: %s\n", acct, err.msg);
		return -1;
	}
	return 0;
}

/* The statistics bench.sh's ANALYZE left of the items' indexes:
 * items_open, and items_owed (migration 60) that holds the same open
 * items, were analysed when the store held 5 open items, and the
 * installments' (plan_id, inst_no) when every plan_id was NULL (one value
 * of 10M rows); a planner told so scans every open item for one
 * consumer's (each payment's store_items_open) and every item for one
 * plan's installments (store_arr_items). Gone before the debts are made
 * (SQLite's estimates, as in a store never analysed: paydesk runs no
 * ANALYZE), before either side opens the store; the items analysed
 * again once they are made (setup). */
static void
stale_stats_gone(sqlite3 *raw)
{
	sqlite3_exec(raw,
	    "DELETE FROM sqlite_stat1 WHERE tbl = 'items' AND idx IN "
	    "('items_open', 'items_owed', (SELECT name FROM "
	    "pragma_index_list('items') p "
	    "WHERE (SELECT group_concat(name) FROM pragma_index_info(p.name)) "
	    "= 'plan_id,inst_no'))",
	    NULL, NULL, NULL);
}

/* Installment k (0-based) of consumer c's plan: its due day, amount and
 * what is settled of it; 0, or -1 if none. */
static int
installment(
    sqlite3 *raw, int c, int k, int32_t *due, int64_t *amount, int64_t *settled)
{
	sqlite3_stmt *st;
	int rc = -1;

	sqlite3_prepare_v2(raw,
	    "SELECT i.due_on, i.amount, i.settled FROM arrangements a JOIN "
	    "items i ON i.plan_id = a.plan_id WHERE a.consumer_id = ?1 AND "
	    "i.inst_no = ?2 ORDER BY a.id LIMIT 1",
	    -1, &st, NULL);
	sqlite3_bind_int(st, 1, c);
	sqlite3_bind_int(st, 2, k + 1);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    date_parse((const char *)sqlite3_column_text(st, 0), NULL, due,
	        NULL) == 0) {
		*amount = sqlite3_column_int64(st, 1);
		*settled = sqlite3_column_int64(st, 2);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The debts of a collections day, made once per store (see the top);
 * each step skips what an earlier run, stopped, made. */
static int
setup(struct svc *s, sqlite3 *raw, const char *dir, int32_t t, int top)
{
	struct arr_preview pv;
	struct arr_request q;
	struct pd_err err;
	char first[11], acct[16], plan[33];
	int nd = top / 10, j, k, done = 0;
	double t0 = now_ms();

	while (nd > 0 && DEBTOR(nd - 1) > top)
		nd--;
	fprintf(stderr, "bench_debts: the debts of %d consumers, once\n", nd);
	/* 95 days ago: the bills of those who made a plan, and the plans */
	set_day(t - 95);
	if (svc_login(s, "mary", "2222", &err) != 0 ||
	    import_bills(s, dir, nd, 8, 9, t, 1) != 0)
		return -1;
	date_format(first, t - 85);
	for (j = 0; j < nd; j++) {
		if (j % 10 < 8 || raw_int(raw,
		                      "SELECT count(*) FROM arrangements WHERE "
		                      "consumer_id = ?2",
		                      NULL, DEBTOR(j)) > 0)
			continue;
		memset(&q, 0, sizeof q);
		snprintf(acct, sizeof acct, "AC-%07d", DEBTOR(j));
		q.account = acct;
		q.n = NINST;
		q.freq = "monthly";
		q.first_due = first;
		q.grace_days = 3;
		q.misses_allowed = 1;
		q.reason = "Hardship";
		if (svc_arrangement_create(s, &q, plan, &pv, &err) != 0) {
			fprintf(stderr, "bench_debts: %s: %s\n", acct, err.msg);
			return -1;
		}
		svc_arr_preview_free(&pv);
	}
	/* the installments due so far: (j / 10) % 4 = 0 on time, 1 late
	 * once (5 days, grace 3), 2 the first only (broken), 3 the first
	 * two (one missed: Active, not kept) */
	if (svc_login(s, "jane", "1234", &err) != 0)
		return -1;
	for (k = 0; k < NINST; k++) {
		int32_t due0;
		int64_t a, paid;
		int late;

		if (installment(raw, DEBTOR(8), k, &due0, &a, &paid) != 0 ||
		    due0 > t)
			break;
		for (late = 0; late < 2; late++) {
			set_day(due0 + 5 * late);
			for (j = 0; j < nd; j++) {
				int g = (j / 10) % 4;
				int32_t due;

				if (j % 10 < 8 || (g == 1 && k == 0) != late ||
				    (g == 2 && k > 0) || (g == 3 && k > 1) ||
				    installment(raw, DEBTOR(j), k, &due, &a,
				        &paid) != 0 ||
				    paid > 0)
					continue;
				if (pay(s, DEBTOR(j), PAY_INSTALLMENT, a) != 0)
					return -1;
				done++;
			}
		}
	}
	/* today: the others' bills, a fifth of them partly paid (and one
	 * more of each plan's) */
	set_day(t);
	if (svc_login(s, "mary", "2222", &err) != 0 ||
	    import_bills(s, dir, nd, 0, 9, t, 0) != 0 ||
	    svc_login(s, "jane", "1234", &err) != 0)
		return -1;
	for (j = 0; j < nd; j++) {
		char ref[32];

		snprintf(ref, sizeof ref, "DEBT-%d-0", DEBTOR(j));
		if (j % 10 < 6 || j % 10 > 7 ||
		    raw_int(raw, "SELECT settled FROM items WHERE ref = ?1",
		        ref, 0) > 0)
			continue;
		if (pay(s, DEBTOR(j), PAY_BILL, BILL_AMOUNT(j, 0) / 2) != 0)
			return -1;
		done++;
	}
	if (sqlite3_exec(raw,
	        "ANALYZE items; INSERT OR REPLACE INTO meta (key, value) "
	        "VALUES ('" SETUP_MARK "', '1')",
	        NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_debts: %s\n", sqlite3_errmsg(raw));
		return -1;
	}
	fprintf(stderr, "bench_debts: made in %.0f s (%d payments)\n",
	    (now_ms() - t0) / 1000, done);
	return svc_login(s, "mary", "2222", &err);
}

/* The raw side's connection to the store, as durable as paydesk's. */
static sqlite3 *
open_raw(const char *path)
{
	sqlite3 *raw;

	if (sqlite3_open(path, &raw) != SQLITE_OK) {
		fprintf(stderr, "bench_debts: %s\n", sqlite3_errmsg(raw));
		return NULL;
	}
	sqlite3_create_function(
	    raw, "pd_sha256", 1, SQLITE_UTF8, NULL, raw_sha256, NULL, NULL);
	sqlite3_exec(raw, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
	sqlite3_busy_timeout(raw, 5000);
	return raw;
}

/* Whether the debts are made (setup). */
static int
setup_done(sqlite3 *raw)
{
	return raw_int(raw,
	           "SELECT count(*) FROM meta WHERE key = '" SETUP_MARK
	           "' AND value = '1'",
	           NULL, 0) > 0;
}

/* paydesk (mary signed in) and the raw side opened on db, each closed
 * first if open (*raw non-NULL). */
/* The organisation's rules the figures need, kept in the store as
 * `paydesk import settings` keeps them (organisation keys: a file's
 * value is not read, paydesk.ini(5)): every alert rule of time on, and
 * the disconnection list's days and amount. */
static int
org_rules(struct svc *s, struct pd_err *err)
{
	static const char *const rules[][2] = {
	    {"alerts.overdue_days", "30"},
	    {"alerts.large_payment", "500.00"},
	    {"alerts.credit_expiry_days", "10"},
	    {"alerts.reconciliation_days", "7"},
	    {"alerts.gateway_hours", "48"},
	    {"disconnection.days", "60"},
	    {"disconnection.amount", "100.00"},
	};
	char at[TS_BUFSZ];
	size_t i;

	svc_now(at);
	if (store_begin(s->st, err) != 0)
		return -1;
	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (svc_setting_put(s, rules[i][0], rules[i][1], at, err) != 0) {
			store_rollback(s->st);
			return -1;
		}
	return store_commit(s->st, err);
}

static int
open_both(struct svc *s, const char *ini, const char *db, sqlite3 **raw)
{
	struct pd_err err;

	if (*raw != NULL) {
		svc_close(s);
		sqlite3_close(*raw);
	}
	if (svc_open(s, ini, db, 0, &err) != 0 ||
	    svc_login(s, "mary", "2222", &err) != 0 ||
	    org_rules(s, &err) != 0) {
		fprintf(
		    stderr, "bench_debts: opening the store: %s\n", err.msg);
		return -1;
	}
	return (*raw = open_raw(db)) != NULL ? 0 : -1;
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
	sqlite3 *raw;
	char ini[4096], csv[4096], today[11], day0[11], first[11], upto[11],
	    until[11], acct[16], plan[33], pmark[160];
	double v[K], r[K], t, best = -1, rawp = 0, first_pass = 0;
	long pd_due = 0, raw_due = 0, raw_inst = 0, raw_gw = 0, raw_exc = 0,
	     raised = 0;
	int top = 0, made;
	int32_t d;
	FILE *f;
	int i, base;

	bench_day_required("bench_debts");
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
	/* the bench store's PINs are below the policy; the rules are the
	 * organisation's, put in the store (org_rules) */
	fputs("[security]\npin_min_supervisor = 4\nweak_pins = allow\n", f);
	fclose(f);
	/* before either side reads the statistics (see stale_stats_gone) */
	if ((raw = open_raw(argv[1])) == NULL)
		return 1;
	if (!(made = setup_done(raw)))
		stale_stats_gone(raw);
	sqlite3_close(raw);
	raw = NULL;
	if (open_both(&s, ini, argv[1], &raw) != 0)
		return 1;
	/* items_owed (migration 60) analysed as items_open is: the
	 * planner of a store that knows the one of two indexes of the same
	 * open items picks it (paydesk runs no ANALYZE: a store knows
	 * neither); both sides open again to read it */
	if (raw_int(raw,
	        "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'items' AND "
	        "idx = 'items_open'",
	        NULL, 0) > 0 &&
	    raw_int(raw,
	        "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'items' AND "
	        "idx = 'items_owed'",
	        NULL, 0) == 0 &&
	    (sqlite3_exec(raw, "ANALYZE items_owed", NULL, NULL, NULL) !=
	            SQLITE_OK ||
	        open_both(&s, ini, argv[1], &raw) != 0)) {
		fprintf(stderr, "bench_debts: analysing items_owed: %s\n",
		    sqlite3_errmsg(raw));
		return 1;
	}
	svc_today(today);
	date_parse(today, NULL, &d, NULL);
	date_format(day0, d - 1);
	date_format(first, d + 30);

	/* K consumers' bills to arrange (past the first, whose open bills
	 * the posting figure pays), their refs new to this run */
	{
		sqlite3_stmt *st;

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
	/* the debts, once; then both sides read the statistics again */
	if (!made && (setup(&s, raw, argv[2], d, top) != 0 ||
	                 open_both(&s, ini, argv[1], &raw) != 0))
		return 1;
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

	/* the arrangement rules' mark as the ledger stands before this
	 * run's plans (alert_plans.c: due_days, the highest allocation,
	 * credit application, move, event and arrangement ids, the rules
	 * missed and broken on): the pass reads the plans made here as
	 * those of a day's work */
	snprintf(pmark, sizeof pmark, "3 %ld %ld %ld %ld %ld mb",
	    raw_int(
	        raw, "SELECT coalesce(max(id), 0) FROM allocations", NULL, 0),
	    raw_int(raw, "SELECT coalesce(max(id), 0) FROM credit_applications",
	        NULL, 0),
	    raw_int(raw, "SELECT coalesce(max(id), 0) FROM arrangement_moves",
	        NULL, 0),
	    raw_int(raw, "SELECT coalesce(max(id), 0) FROM arrangement_events",
	        NULL, 0),
	    raw_int(
	        raw, "SELECT coalesce(max(id), 0) FROM arrangements", NULL, 0));
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

	/* the daily pass: the day before passed, each time; the first
	 * pass not counted (see the top), its time printed */
	date_format(upto, d - 30);
	date_format(until, d + 10);
	for (i = 0; i <= PASSES; i++) {
		char sql[1024]; /* (256 cut it: the pass never ran) */

		/* the day before passed, and the items seen then (the mark
		 * of the overdue rule: its days and the highest item id) */
		snprintf(sql, sizeof sql,
		    "INSERT OR REPLACE INTO meta (key, value) VALUES "
		    "('alerts_day', '%s'), ('alerts_overdue', '30 ' || "
		    "(SELECT coalesce(max(id), 0) FROM items) || ' ' || "
		    "(SELECT coalesce(max(id), 0) FROM allocations) || ' ' "
		    "|| (SELECT coalesce(max(id), 0) FROM arrangement_moves)), "
		    "('alerts_plans', '%s'), ('alerts_gateway', '48 %s "
		    "12:00:00')",
		    day0, pmark, day0);
		if (sqlite3_exec(raw, sql, NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(
			    stderr, "bench_debts: %s\n", sqlite3_errmsg(raw));
			return 1;
		}
		if (i == 0)
			raised = raw_int(raw,
			    "SELECT coalesce(max(id), 0) FROM alerts", NULL, 0);
		s.alerts_ticked = 0;
		t = now_ms();
		svc_alerts_tick(&s);
		t = now_ms() - t;
		if (i == 0)
			raised = raw_int(raw,
			             "SELECT coalesce(max(id), 0) FROM alerts",
			             NULL, 0) -
			         raised;
		if (s.alert_note[0] != '\0')
			fprintf(stderr, "bench_debts: %s\n", s.alert_note);
		if (i == 0)
			first_pass = t;
		else if (best < 0 || t > best)
			best = t; /* the slowest */
	}
	{
		char after[11], due_to[11], nowts[24], touched[1400],
		    sql_inst[4096], sql_open[2048], gwday[11], sql_gw[512];
		long m[5] = {0};

		date_format(after, d - 31);
		date_format(due_to, d + 3);
		snprintf(nowts, sizeof nowts, "%s 12:00:00", today);
		/* the gateway payments the pass looks at: paid since the
		 * day before less the hours and two days, or pulled since
		 * the pass before (alerts.c's gateway_rule) */
		date_format(gwday, d - 1 - 48 / 24 - 2);
		snprintf(sql_gw, sizeof sql_gw,
		    "SELECT g.id, g.gateway, g.code FROM gw_payments g WHERE "
		    "g.payment_uuid = '' AND (g.paid_at >= ?2 OR g.pulled_at "
		    ">= '%s 12:00:00') AND g.status = 'succeeded' AND "
		    "CAST(strftime('%%s', ?1) AS INTEGER) - CAST(strftime("
		    "'%%s', g.paid_at) AS INTEGER) >= 48 * 3600",
		    day0);
		sscanf(pmark, "%*d %ld %ld %ld %ld %ld", &m[0], &m[1], &m[2],
		    &m[3], &m[4]);
		/* the plans the pass reads (store_arr_list_touched) */
		snprintf(touched, sizeof touched,
		    "SELECT a.id FROM arrangements a WHERE a.plan_id IN "
		    "(SELECT plan_id FROM items WHERE due_on >= date('%s', "
		    "'-' || (SELECT coalesce(max(grace_days), 0) + 1 FROM "
		    "arrangements) || ' days') AND due_on <= '%s' AND settled "
		    "< amount AND plan_id IS NOT NULL UNION SELECT i.plan_id "
		    "FROM allocations x JOIN items i ON i.id = x.item_id WHERE "
		    "x.id > %ld AND i.plan_id IS NOT NULL UNION SELECT "
		    "i.plan_id FROM credit_applications c JOIN items i ON i.id "
		    "= c.item_id WHERE c.id > %ld AND i.plan_id IS NOT NULL "
		    "UNION SELECT i.plan_id FROM arrangement_moves m JOIN "
		    "items "
		    "i ON i.id = m.item_id WHERE m.id > %ld AND i.plan_id IS "
		    "NOT NULL) OR a.id IN (SELECT arrangement_id FROM "
		    "arrangement_events WHERE id > %ld) OR a.id > %ld",
		    day0, due_to, m[0], m[1], m[2], m[3], m[4]);
		snprintf(sql_inst, sizeof sql_inst,
		    RAW_INSTALLMENTS " WHERE a.id IN (%s) ORDER BY a.id DESC, "
		                     "i.inst_no",
		    touched);
		snprintf(sql_open, sizeof sql_open,
		    "SELECT id, cause FROM alerts WHERE status IN ('open', "
		    "'acknowledged') AND kind IN ('plan-broken', "
		    "'installment-missed', 'installment-due') AND "
		    "arrangement_id IN (%s)",
		    touched);
		/* the items come overdue that day that paydesk raised an
		 * alert of */
		raw_ms(raw,
		    "SELECT i.id FROM items i WHERE i.due_on > ?1 AND i.due_on "
		    "<= ?2 AND i.settled < i.amount AND NOT EXISTS (SELECT 1 "
		    "FROM arrangements a WHERE a.plan_id = i.plan_id) AND "
		    "EXISTS (SELECT 1 FROM alerts x WHERE x.cause = "
		    "'item-overdue:' || i.uuid || ':30')",
		    after, upto, &pd_due);
		rawp =
		    raw_ms(raw,
		        "SELECT i.id FROM items i WHERE i.due_on > ?1 AND "
		        "i.due_on <= ?2 AND i.settled < i.amount AND NOT "
		        "EXISTS (SELECT 1 FROM arrangements a WHERE a.plan_id "
		        "= i.plan_id)",
		        after, upto, &raw_due) +
		    raw_ms(raw,
		        "SELECT i.id FROM items i WHERE i.id IN (SELECT id "
		        "FROM "
		        "items WHERE id > (SELECT max(id) FROM items) - ?1 "
		        "UNION "
		        "SELECT item_id FROM allocations WHERE id > (SELECT "
		        "max(id) FROM allocations) AND amount < 0) AND "
		        "i.due_on "
		        "<= ?2 AND i.settled < i.amount",
		        "0", upto, NULL) +
		    raw_ms(raw,
		        "SELECT id FROM credit_notes INDEXED BY "
		        "credit_notes_expiry WHERE voided = 0 AND applied < "
		        "amount AND expires_on >= ?1 AND expires_on <= ?2 AND "
		        "expires_on <> ''",
		        today, until, NULL) +
		    raw_ms(raw, sql_inst, NULL, NULL, &raw_inst) +
		    raw_ms(raw, sql_open, NULL, NULL, NULL) +
		    raw_ms(raw, sql_gw, nowts, gwday, &raw_gw) +
		    raw_ms(raw,
		        "SELECT d2.id, m2.line_id, d2.account, d2.slip_no FROM "
		        "deposits d2 JOIN statement_matches m2 ON "
		        "m2.deposit_id "
		        "= d2.id AND m2.unmatched_at = '' WHERE d2.voided_at = "
		        "''",
		        NULL, NULL, NULL) +
		    raw_ms(raw,
		        "SELECT l.id, b.account, l.reference || ' ' || l.text "
		        "FROM bank_statement_lines l JOIN bank_statements b ON "
		        "b.id = l.statement_id WHERE l.amount > 0 AND "
		        "l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS "
		        "(SELECT 1 FROM statement_matches m WHERE m.line_id = "
		        "l.id AND m.unmatched_at = '') AND julianday(?1) - "
		        "julianday(l.booking_date) >= 7",
		        today, NULL, NULL) +
		    raw_ms(raw,
		        "SELECT l.id, l.booking_date, l.amount FROM "
		        "bank_statement_lines l JOIN bank_statements b ON b.id "
		        "= l.statement_id WHERE l.amount > 0 AND l.reversal = "
		        "0 "
		        "AND l.dup_of IS NULL AND NOT " RAW_LINE_REVERSED
		        " AND "
		        "NOT EXISTS (SELECT 1 FROM statement_matches m WHERE "
		        "m.line_id = l.id AND m.unmatched_at = '') AND "
		        "julianday(?1) - julianday(l.booking_date) >= 7",
		        today, NULL, &raw_exc) +
		    raw_ms(raw,
		        "SELECT m.id FROM statement_matches m JOIN deposits d "
		        "ON d.id = m.deposit_id JOIN bank_statement_lines l ON "
		        "l.id = m.line_id WHERE m.unmatched_at = '' AND CASE "
		        "WHEN " RAW_LINE_REVERSED
		        " THEN 0 ELSE l.amount END <> "
		        "d.amount AND d.voided_at = ''",
		        NULL, NULL, NULL) +
		    raw_ms(raw,
		        "SELECT d.id FROM deposits d WHERE d.voided_at = '' "
		        "AND "
		        "NOT EXISTS (SELECT 1 FROM statement_matches m WHERE "
		        "m.deposit_id = d.id AND m.unmatched_at = '')",
		        NULL, NULL, NULL);
	}
	row("daily alert pass (every rule of time)", best, "ms", "<= 2000 ms",
	    rawp);
	printf("  rows found: items come overdue that day, paydesk %ld, raw "
	       "%ld;\n  raw: the plans' installments read %ld, gateway "
	       "payments unassociated since the day before %ld, credits "
	       "matched to nothing %ld;\n  paydesk: alerts of gateway "
	       "payments %ld, of credits matched to nothing %ld;\n  paydesk's "
	       "first pass (not counted) %.2f ms, %ld alerts raised\n",
	    pd_due, raw_due, raw_inst, raw_gw, raw_exc,
	    raw_int(raw,
	        "SELECT count(*) FROM alerts WHERE kind = "
	        "'gateway-unassociated'",
	        NULL, 0),
	    raw_int(raw,
	        "SELECT count(*) FROM alerts WHERE cause LIKE "
	        "'reconciliation:unexpected_credit:%'",
	        NULL, 0),
	    first_pass, raised);
	if (bench_lists(&s, raw, d, top) != 0)
		return 1;
	sqlite3_close(raw);
	svc_close(&s);
	return 0;
}
