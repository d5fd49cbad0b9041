/* bench.c - the figures of `make bench` on the bench store: each beside
 * its target and, where one applies, the same work done with raw SQLite
 * calls in the same run. Not a test: it never fails on timing. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "paydesk/date.h"
#include "paydesk/sha256.h"
#include "paydesk/service.h"
#include "paydesk/store.h"

static const char *const pieces[] = {"gar", "smit", "chen", "khan", "nez",
    "oka", "mull", "iva", "pat", "dub", "bro", "wój", "men", "ross", "fern",
    "tan", "wil", "had", "lars", "ande", "sha", "lop", "kow", "sat", "tay",
    "petr", "nwo", "mart", "yıl", "cla", "mar", "jam", "aish", "jos", "fat",
    "lia", "olg", "raj", "noa", "kwa"};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static int
count_cb(const struct payer_row *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
	return 0;
}

static double
raw_query_ms(sqlite3 *db, const char *sql, const char *a, const char *b)
{
	sqlite3_stmt *s;
	double t = now_ms();

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(db));
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

/* pd_sha256 on the raw connection: the outbox's seal trigger calls it
 * (src/store/db.c registers it on the store's connections) */
static void
raw_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char hex[65];

	(void)argc;
	sha256_hex(sqlite3_value_text(argv[0]),
	    (size_t)sqlite3_value_bytes(argv[0]), hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

/* The raw connection's WAL hook: its frames after each commit kept,
 * and SQLite's own automatic checkpoint (which this hook replaces) run
 * as it runs it, at 1,000 frames */
static int
raw_wal(void *arg, sqlite3 *db, const char *name, int frames)
{
	*(int *)arg = frames;
	if (frames >= 1000)
		sqlite3_wal_checkpoint(db, name);
	return SQLITE_OK;
}

/* The pages a commit wrote to the WAL: its frames after the commit less
 * those before (fewer after: the WAL started again from its start, so
 * all of them are the commit's) */
static double
commit_pages(int before, int after)
{
	return after >= before ? after - before : after;
}

/* The physical part of a post: durable commits of k pages in raw
 * SQLite (a table of one row a page, k of its rows changed a commit, at
 * places spread over it), in a database of its own beside the store,
 * removed after; the p50 of n commits, in ms, and the pages each wrote
 * (*pages, of its WAL hook). What a post writes is the ledger's rows
 * and indexes, its audit, outbox, seals and rollups (DESIGN.md): the
 * time a commit of as many pages takes is what a post cannot go under
 * on this machine, however little it computes. */
static double
raw_pages_ms(const char *store, int k, int n, double *pages)
{
	char path[4200], sql[160];
	sqlite3 *db;
	double v[500], w[500], t;
	int i, j, frames = 0, last = 0, rows = 8 * k;

	*pages = -1;
	if (k < 1 || n > 500 ||
	    snprintf(path, sizeof path, "%s.pages", store) >= (int)sizeof path)
		return -1;
	unlink(path);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	sqlite3_wal_hook(db, raw_wal, &frames);
	snprintf(sql, sizeof sql,
	    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE "
	    "p (id INTEGER PRIMARY KEY, n INTEGER, pad BLOB)");
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	snprintf(sql, sizeof sql,
	    "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r "
	    "WHERE i < %d) INSERT INTO p SELECT i, 0, zeroblob(3000) FROM r",
	    rows);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	last = frames = 0;
	for (i = 0; i < n; i++) {
		t = now_ms();
		sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		for (j = 0; j < k; j++) {
			snprintf(sql, sizeof sql,
			    "UPDATE p SET n = n + 1 WHERE id = %d",
			    1 + (j * 8 + i % 8) % rows);
			sqlite3_exec(db, sql, NULL, NULL, NULL);
		}
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		v[i] = now_ms() - t;
		w[i] = commit_pages(last, frames);
		last = frames;
	}
	sqlite3_close(db);
	unlink(path);
	snprintf(path + strlen(path), sizeof path - strlen(path), "-wal");
	unlink(path);
	*pages = pct(w, n, .5);
	return pct(v, n, .5);
}

/* The raw receipt: receipt_raw (beside this tool) writing the same page
 * with libharu alone, median ms; -1 when it cannot be run. */
static double
raw_receipt_ms(const char *self, const char *font)
{
	char cmd[8192], out[64] = "";
	const char *slash = strrchr(self, '/');
	double ms = -1;
	FILE *p;

	snprintf(cmd, sizeof cmd, "'%.*sreceipt_raw' '%s' 50",
	    slash != NULL ? (int)(slash - self + 1) : 0, self, font);
	fflush(stdout);
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	if (fgets(out, sizeof out, p) == NULL || sscanf(out, "%lf", &ms) != 1)
		ms = -1;
	pclose(p);
	return ms;
}

int
main(int argc, char **argv)
{
	struct svc s;
	struct pd_err err;
	sqlite3 *raw;
	double v[2000], r[2000], pg[500], rpg[500], sv[500], spg[500], t;
	int raw_frames = 0, pd_frames;
	int i, n = 1000, rows;
	size_t nc;
	struct consumer *c;
	struct pay_request q;
	struct pay_result res;
	struct kpi k;
	struct shift sh;
	struct payment_filter f;
	char month[8], from[11], to[11], today[11];
	int32_t d;

	bench_day_required("bench");
	if (argc != 3) {
		fprintf(stderr, "usage: bench STORE PAYDESK\n");
		return 2;
	}
	memset(&s, 0, sizeof s);
	/* the counter's UI copies the WAL into the database on a thread of
	 * its own (svc_checkpoints_behind): so does this */
	if (config_defaults(&s.cfg, &err) != 0 ||
	    store_open(argv[1], 0, &s.st, &err) != 0 ||
	    svc_checkpoints_behind(&s, &err) != 0 ||
	    svc_login(&s, "jane", "1234", &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	/* the cash payments below are taken in jane's shift (issue 20),
	 * closed after them for the close's figure */
	if (svc_shift_current(&s, &sh, &err) == 0 &&
	    svc_shift_open(&s, NULL, 0, &sh, &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	sqlite3_open(argv[1], &raw);
	sqlite3_create_function(
	    raw, "pd_sha256", 1, SQLITE_UTF8, NULL, raw_sha256, NULL, NULL);
	sqlite3_exec(raw, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
	sqlite3_wal_hook(raw, raw_wal, &raw_frames);
	printf("%-44s %14s %-12s %-14s %s\n", "figure", "paydesk", "target",
	    "raw", "ratio");

	/* consumer search as you type */
	for (i = 0; i < n; i++) {
		const char *p = pieces[(unsigned)(i * 7919) % NPIECES];
		sqlite3_stmt *st;
		char phrase[32];

		t = now_ms();
		c = svc_consumer_search(&s, p, 20, &nc, &err);
		v[i] = now_ms() - t;
		free(c);
		snprintf(phrase, sizeof phrase, "\"%s\"", p);
		t = now_ms();
		sqlite3_prepare_v2(raw,
		    "SELECT c.* FROM consumers_fts f JOIN "
		    "consumers c ON c.id = f.rowid WHERE consumers_fts MATCH ? "
		    "LIMIT 20",
		    -1, &st, NULL);
		sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_finalize(st);
		r[i] = now_ms() - t;
	}
	row("consumer search, 3+ chars: p50", pct(v, n, .5), "ms", "",
	    pct(r, n, .5));
	row("consumer search, 3+ chars: p99", pct(v, n, .99), "ms", "<= 5 ms",
	    pct(r, n, .99));

	/* posting a payment, durable commit included: 1.00 of a bill of
	 * the run's own, made each run as bench_tui's bills are. The
	 * store's own open bills of AC-0000001 are 5,000.00, paid whole
	 * after ten runs; from then on each post was an overpayment, a
	 * credit note of 1.00 with its row, indexes and seal, and every
	 * post's balance read all the consumer's open notes (2,404 of them
	 * after 5 more runs: 1.2 ms of a post of 2.2 ms, at 1M payments),
	 * a figure that grew with each run */
	n = 500;
	{
		char bill[512];

		svc_today(today);
		snprintf(bill, sizeof bill,
		    "INSERT INTO items (uuid, consumer_id, kind, ref, period, "
		    "amount, issued_on, due_on, created_at) SELECT "
		    "printf('q%%011ld%%024ld', %ld, %ld), id, 'bill', "
		    "printf('POST-%%ld-%%ld', %ld, %ld), 'bench', %d, '%s', "
		    "date('%s', '+14 days'), '%s 00:00:00' FROM consumers "
		    "WHERE "
		    "account_no = 'AC-0000001'",
		    (long)time(NULL), (long)getpid(), (long)time(NULL),
		    (long)getpid(), n * 100, today, today, today);
		if (sqlite3_exec(raw, bill, NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "bench: %s\n", sqlite3_errmsg(raw));
			return 1;
		}
	}
	for (i = 0; i < n; i++) {
		memset(&q, 0, sizeof q);
		q.account = "AC-0000001";
		q.type = PAY_BILL;
		q.method = "Cash";
		q.amount = 100;
		q.tendered = 500;
		t = now_ms();
		if (svc_pay_post(&s, &q, &res, &err) != 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		v[i] = now_ms() - t;
		pd_frames = store_wal_frames(s.st);
		pg[i] = commit_pages(raw_frames, pd_frames);
		t = now_ms();
		sqlite3_exec(raw,
		    "BEGIN IMMEDIATE; INSERT INTO outbox (uuid, "
		    "kind, ref, payload, created_at) VALUES "
		    "(hex(randomblob(16)),"
		    " 'bench', 'x', '{}', 'now'); UPDATE items SET settled = "
		    "settled WHERE id = 1; COMMIT",
		    NULL, NULL, NULL);
		r[i] = now_ms() - t;
		rpg[i] = commit_pages(pd_frames, raw_frames);
		/* the counter's UI, idle after the post (its cashier reads
		 * the change due): a step of the receipt index's merging
		 * (svc_fts_idle), its time and pages apart from the post's */
		t = now_ms();
		svc_fts_idle(&s);
		sv[i] = now_ms() - t;
		spg[i] = 0;
		if (store_wal_frames(s.st) != pd_frames) {
			spg[i] = commit_pages(raw_frames, store_wal_frames(s.st));
			raw_frames = store_wal_frames(s.st);
		}
	}
	row("post a payment: p50", pct(v, n, .5), "ms", "<= 2 ms",
	    pct(r, n, .5));
	row("post a payment: p99", pct(v, n, .99), "ms", "<= 10 ms",
	    pct(r, n, .99));
	/* what a commit writes, whatever the machine's load: a post's
	 * pages (its row and indexes, allocation, rollups, seals, audit,
	 * outbox, the receipt numbers' trigram index segment); the index's
	 * merging (FTS5's automerge, ~64 pages per level in one commit of
	 * about 64 until migration 61) is a step at a quiet moment after it,
	 * at most SVC_FTS_STEP leaf pages, not synced */
	row("post a payment: pages written, p50", pct(pg, n, .5), "pg", "",
	    pct(rpg, n, .5));
	row("post a payment: pages written, p99", pct(pg, n, .99), "pg", "",
	    pct(rpg, n, .99));
	/* the limit of the machine: a raw commit of as many pages */
	{
		double rk, rp;

		rp = raw_pages_ms(argv[1], (int)pct(pg, n, .5), 200, &rk);
		row("post a payment: p50, beside raw writing", pct(v, n, .5),
		    "ms", "", rp);
		row("  as many pages (the raw commit's pages)", rk, "pg", "",
		    -1);
	}
	row("  then idle: a merge step, p50", pct(sv, n, .5), "ms", "", -1);
	row("  then idle: a merge step, p99", pct(sv, n, .99), "ms", "", -1);
	row("  then idle: its pages, p50", pct(spg, n, .5), "pg", "", -1);
	row("  then idle: its pages, p99", pct(spg, n, .99), "pg", "", -1);
	/* and the receipt numbers' index after them: its segments (each
	 * commit makes one; merged by the steps, bounded by crisismerge) */
	{
		sqlite3_stmt *st;
		double segs = -1;

		if (sqlite3_prepare_v2(raw,
		        "SELECT count(DISTINCT segid) FROM payments_docs_idx", -1,
		        &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			segs = sqlite3_column_double(st, 0);
		sqlite3_finalize(st);
		row("post a payment: receipt index segments after", segs, "",
		    "", -1);
	}

	/* receipts of the payments just posted, into a temporary directory */
	{
		char dir[] = "/tmp/pd-bench-receipts.XXXXXX";
		struct doc_request dq = {0};
		struct doc_result dr;
		double batch;

		if (mkdtemp(dir) == NULL) {
			perror("bench: mkdtemp");
			return 1;
		}
		snprintf(
		    s.cfg.receipts_dir, sizeof s.cfg.receipts_dir, "%s", dir);
		double first = 0,
		       raw_pdf = raw_receipt_ms(argv[0], s.cfg.font_path);

		n = 200;
		/* the first is a one-shot command's: the fonts parsed for it;
		 * the others a running UI's */
		for (i = -1; i < n; i++) {
			t = now_ms();
			if (svc_receipt_issue(
			        &s, res.p.receipt_no, &dq, &dr, &err) != 0) {
				fprintf(stderr, "bench: %s\n", err.msg);
				return 1;
			}
			if (i < 0)
				first = now_ms() - t;
			else
				v[i] = now_ms() - t;
		}
		row("receipt PDF, first of a process (one-shot)", first, "ms",
		    "<= 15 ms", raw_pdf);
		row("receipt PDF, font embedded, logged: p50", pct(v, n, .5),
		    "ms", "<= 5 ms", raw_pdf);
		row("receipt PDF, font embedded, logged: p99", pct(v, n, .99),
		    "ms", "", -1);
		row("receipt file size", dr.bytes / 1024.0, "KB", "<= 200 KB",
		    -1);
		{
			struct payment_filter ef;
			size_t written = 0;
			char edir[sizeof dir + 8];

			memset(&ef, 0, sizeof ef);
			ef.status = -1;
			ef.type = -1;
			ef.limit = 1000;
			snprintf(edir, sizeof edir, "%s/export", dir);
			if (svc_login(&s, "mary", "2222", &err) != 0) {
				fprintf(stderr, "bench: %s\n", err.msg);
				return 1;
			}
			t = now_ms();
			if (svc_receipts_export(
			        &s, &ef, edir, 0, &written, &err) != 0 ||
			    written != 1000) {
				fprintf(stderr, "bench: export: %s (%zu)\n",
				    err.msg, written);
				return 1;
			}
		}
		batch = (now_ms() - t) / 1000.0;
		row("1,000 receipts re-exported (receipts export)", batch, "s",
		    "<= 3 s", -1);
		snprintf(s.cfg.receipts_dir, sizeof s.cfg.receipts_dir,
		    "rm -rf '%s'", dir);
		if (system(s.cfg.receipts_dir) != 0)
			fprintf(stderr, "bench: could not remove %s\n", dir);
	}

	/* the blind close of the shift of the payments above (500 of
	 * them, the issue's 200 and more): the counts, expected per tender,
	 * Z number, audit, one durable commit; jane's shift, closed by her
	 * (the export above was mary's) */
	if (svc_login(&s, "jane", "1234", &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	{
		struct shift_count cc = {0};
		struct shift_close_request cq = {0};
		struct shift_close_result cr;
		/* a shift a killed run left open holds more: signed off */
		struct shift_reason why = {"Cash", "bench"};

		cq.reasons = &why;
		cq.nreasons = 1;
		cq.approval.user = "mary";
		cq.approval.pin = "2222";
		cc.kind = SHIFT_COUNT_DENOM;
		cc.denomination = 100;
		cc.qty = 500;
		cq.counts = &cc;
		cq.ncounts = 1;
		t = now_ms();
		if (svc_shift_close(&s, &cq, &cr, &err) != 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		t = now_ms() - t;
		svc_shift_close_result_free(&cr);
		row("close a shift of 500 payments", t, "ms", "<= 50 ms",
		    raw_query_ms(raw,
		        "SELECT method, sum(amount) FROM payments WHERE id > "
		        "(SELECT max(id) - 500 FROM payments) AND user_id = "
		        "(SELECT id FROM users WHERE username = ?1) "
		        "GROUP BY method",
		        "jane", NULL));
	}

	/* KPIs for last month */
	svc_today(today);
	date_parse(today, NULL, &d, NULL);
	date_format(from, month_first_day(month_first_day(d) - 1));
	date_format(to, month_first_day(d) - 1);
	snprintf(month, sizeof month, "%.7s", from);
	t = now_ms();
	svc_kpi(&s, month, NULL, &k, &err);
	t = now_ms() - t;
	row("KPIs for a month", t, "ms", "<= 50 ms",
	    raw_query_ms(raw,
	        "SELECT sum(amount), count(*) FROM payments WHERE paid_on "
	        "BETWEEN "
	        "?1 AND ?2 AND status = 'Posted'",
	        from, to));

	/* payers report (a supervisor's: her branch's, B01 with the
	 * organisation's own, branch ""). Raw: the same top 50 from the
	 * ledger, the group-by of the branch's Posted payments (the
	 * report reads its running totals, payer_scope, issue 24) */
	if (svc_login(&s, "mary", "2222", &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	memset(&f, 0, sizeof f);
	f.status = -1;
	f.type = -1;
	f.limit = 50;
	rows = 0;
	t = now_ms();
	svc_payers_each(&s, &f, PAYERS_BY_TOTAL, count_cb, &rows, &err);
	t = now_ms() - t;
	row("payers report, top 50, no filter", t, "ms", "<= 200 ms",
	    raw_query_ms(raw,
	        "SELECT consumer_id, sum(amount) AS t FROM payments WHERE "
	        "status = 'Posted' AND branch = 'B01' GROUP BY "
	        "consumer_id ORDER BY t DESC LIMIT 50",
	        NULL, NULL));
	date_format(from,
	    month_first_day(
	        month_first_day(month_first_day(month_first_day(d) - 1) - 1) -
	        1));
	f.from = from;
	f.to = to;
	f.method = "Cash";
	/* both on pages read once: the raw query below runs after this
	 * report, on the pages it read (s71: 883 ms cold beside raw's
	 * 301 ms warm); an untimed run first puts paydesk's on the same
	 * footing */
	svc_payers_each(&s, &f, PAYERS_BY_TOTAL, count_cb, &rows, &err);
	t = now_ms();
	svc_payers_each(&s, &f, PAYERS_BY_TOTAL, count_cb, &rows, &err);
	t = now_ms() - t;
	row("payers report, 3 months, one method", t, "ms", "<= raw",
	    raw_query_ms(raw,
	        "SELECT consumer_id, sum(amount) AS t FROM payments WHERE "
	        "method = 'Cash' AND paid_on BETWEEN ?1 AND ?2 AND status = "
	        "'Posted' AND branch = 'B01' GROUP BY consumer_id "
	        "ORDER BY t DESC LIMIT 50",
	        from, to));
	svc_close(&s);
	sqlite3_close(raw);

	/* start to ready, peak RSS: the real binary */
	{
		double worst_rss = 0;

		n = 20;
		for (i = 0; i < n; i++) {
			struct rusage ru;
			int status;
			pid_t pid;

			fflush(stdout); /* or the child repeats the buffer */
			t = now_ms();
			pid = fork();
			if (pid == 0) {
				if (freopen("/dev/null", "w", stdout) == NULL)
					_exit(126);
				/* a consumer's data needs a sign-in, in
				 * text too (issue 17): jane's */
				setenv("PAYDESK_PIN", "1234", 1);
				execl(argv[2], argv[2], "--db", argv[1],
				    "--user", "jane", "consumer", "show",
				    "AC-0000001", (char *)0);
				_exit(127);
			}
			wait4(pid, &status, 0, &ru);
			v[i] = now_ms() - t;
			if (ru.ru_maxrss / 1024.0 > worst_rss)
				worst_rss = ru.ru_maxrss / 1024.0;
		}
		row("paydesk start to ready (consumer show, signed in), p50",
		    pct(v, n, .5), "ms", "<= 100 ms", -1);
		row("peak RSS", worst_rss, "MB", "<= 30 MB", -1);
	}
	return 0;
}
