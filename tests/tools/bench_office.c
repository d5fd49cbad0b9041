/* bench_office.c - the back office figures of `make bench` on the bench
 * store: dashboard open, the payments list's first and next page under
 * each single filter and a search, the credit notes and aging reports,
 * and CSV and Excel exports of 1,000,000 rows with their peak memory, each
 * beside its target and, where one applies, the same rows read with raw
 * SQLite calls. Not a test: it never fails on timing.
 * Usage: bench_office STORE DIR (exports are written in DIR, removed). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "paydesk/service.h"
#include "paydesk/store.h"

struct page {
	struct payment_row last;
	int n;
};

static int
keep_last(const struct payment_row *r, void *arg)
{
	struct page *p = arg;

	p->last = *r;
	p->n++;
	return 0;
}

static double
raw_ms(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	double t = now_ms();

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	sqlite3_finalize(s);
	return now_ms() - t;
}

/* First page (20 rows) and the next one for a filter, each beside its
 * target (first, next). */
static void
list_pages_to(struct svc *s, sqlite3 *raw, const char *what,
    struct payment_filter *f, const char *raw_sql, const char *first,
    const char *next)
{
	struct page p = {0};
	struct page_key k;
	struct pd_err err;
	char label[80];
	double t1, t2;

	f->limit = 20;
	f->after = NULL;
	t1 = now_ms();
	if (svc_payments_each(s, f, keep_last, &p, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	t1 = now_ms() - t1;
	snprintf(label, sizeof label, "payments list, %s: first page", what);
	row(label, t1, "ms", first, raw_sql ? raw_ms(raw, raw_sql) : -1);
	if (p.n == 0)
		return;
	store_payment_key(&p.last, f->sort, &k);
	f->after = &k;
	p.n = 0;
	t2 = now_ms();
	svc_payments_each(s, f, keep_last, &p, &err);
	t2 = now_ms() - t2;
	snprintf(label, sizeof label, "payments list, %s: next page", what);
	row(label, t2, "ms", next, -1);
	f->after = NULL;
}

static void
list_pages(struct svc *s, sqlite3 *raw, const char *what,
    struct payment_filter *f, const char *raw_sql)
{
	list_pages_to(s, raw, what, f, raw_sql, "<= 100 ms", "<= 20 ms");
}

/* An export in a child process: seconds and the child's peak RSS
 * printed; the seconds returned. */
static double
export_child(const char *store, const char *path, enum export_format fmt,
    int64_t rows, const char *what, const char *target, double raw)
{
	struct rusage ru;
	int status;
	double t = now_ms();
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct svc s;
		struct pd_err err;
		struct payment_filter f;
		struct export_job j;
		int64_t n = 0;

		/* exports of consumers' data are a supervisor's */
		if (svc_open(&s, "/dev/null", store, 0, &err) != 0 ||
		    svc_login(&s, "mary", "2222", &err) != 0)
			_exit(1);
		memset(&f, 0, sizeof f);
		f.status = f.type = -1;
		f.limit = (size_t)rows;
		memset(&j, 0, sizeof j);
		j.path = path;
		j.format = fmt;
		if (svc_export_payments(&s, &f, &j, &n, &err) != 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			_exit(1);
		}
		svc_close(&s);
		_exit(n == rows ? 0 : 2);
	}
	wait4(pid, &status, 0, &ru);
	t = (now_ms() - t) / 1000;
	/* BENCH_CPU: the child's CPU time (this process's clock counts
	 * none of the export's) */
	if (getenv("BENCH_CPU") != NULL && *getenv("BENCH_CPU") != '\0')
		t = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	row(what, t, "s", target, raw);
	row("  peak RSS of that export", ru.ru_maxrss / 1024.0, "MB", "flat",
	    -1);
	unlink(path);
	return t;
}

static int
count_aging(const struct aging_row *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
	return 0;
}

int
main(int argc, char **argv)
{
	struct svc s;
	struct pd_err err;
	struct dashboard d;
	struct payment_filter f;
	struct aging_filter af;
	struct aging a;
	sqlite3 *raw;
	char path[4096], month[8], today[11];
	double t, csv;
	int n = 0;

	bench_day_required("bench_office");
	if (argc < 3) {
		fprintf(stderr, "usage: bench_office STORE DIR\n");
		return 2;
	}
	/* the reports and exports are a supervisor's */
	if (svc_open(&s, "/dev/null", argv[1], 0, &err) != 0 ||
	    svc_login(&s, "mary", "2222", &err) != 0 ||
	    sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, NULL) !=
	        SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	svc_today(today);
	snprintf(month, sizeof month, "%.7s", today);

	t = now_ms();
	svc_dashboard(&s, month, &d, &err);
	t = now_ms() - t;
	row("dashboard open (KPIs, daily chart, methods)", t, "ms", "<= 150 ms",
	    raw_ms(raw,
	        "SELECT paid_on, method, sum(amount), count(*) FROM payments "
	        "WHERE paid_on >= date('now', 'start of month') AND status = "
	        "'Posted' GROUP BY 1, 2"));

	memset(&f, 0, sizeof f);
	f.status = f.type = -1;
	{
		struct page p = {0};
		int64_t cnt;

		t = now_ms();
		f.limit = 100000; /* as the list counts */
		svc_payments_count(&s, &f, &cnt, &err);
		f.limit = 20;
		svc_payments_each(&s, &f, keep_last, &p, &err);
		t = now_ms() - t;
		row("payments list open: count and first page", t, "ms",
		    "<= 100 ms", raw_ms(raw, "SELECT count(*) FROM payments"));
	}
	list_pages(&s, raw, "no filter", &f,
	    "SELECT * FROM payments ORDER BY paid_on DESC, id DESC LIMIT 20");
	f.method = "Cash";
	list_pages(&s, raw, "method", &f,
	    "SELECT * FROM payments WHERE method = 'Cash' ORDER BY paid_on "
	    "DESC, id DESC LIMIT 20");
	f.method = NULL;
	f.status = PS_VOIDED;
	list_pages(&s, raw, "status Voided", &f,
	    "SELECT * FROM payments WHERE status = 'Voided' ORDER BY paid_on "
	    "DESC, id DESC LIMIT 20");
	f.status = -1;
	f.type = PAY_SERVICE;
	list_pages(&s, raw, "type Service", &f,
	    "SELECT * FROM payments WHERE type = 'Service' ORDER BY paid_on "
	    "DESC, id DESC LIMIT 20");
	f.type = -1;
	f.from = "2026-03-01";
	f.to = "2026-03-31";
	list_pages(&s, raw, "date range", &f,
	    "SELECT * FROM payments WHERE paid_on BETWEEN '2026-03-01' AND "
	    "'2026-03-31' ORDER BY paid_on DESC, id DESC LIMIT 20");
	f.from = f.to = NULL;
	f.recorded_by = "jane";
	list_pages(&s, raw, "operator", &f, NULL);
	f.recorded_by = NULL;
	f.search = "Maria Garcia";
	/* raw: the name's consumers from the trigram index, their payments
	 * from the (consumer, date) index, the newest 20 */
	list_pages_to(&s, raw, "search a name", &f,
	    "SELECT * FROM payments WHERE consumer_id IN (SELECT rowid FROM "
	    "consumers_fts WHERE consumers_fts MATCH '\"maria garcia\"') "
	    "ORDER BY paid_on DESC, id DESC LIMIT 20",
	    "<= 20 ms", "<= 10 ms");
	/* raw: the receipt read from its unique index */
	f.search = "R-B-000123456";
	list_pages(&s, raw, "search a receipt", &f,
	    "SELECT * FROM payments WHERE receipt_no = 'R-B-000123456'");
	f.search = NULL;
	f.sort = PAY_BY_AMOUNT;
	list_pages(&s, raw, "sorted by amount", &f,
	    "SELECT * FROM payments ORDER BY amount DESC, id DESC LIMIT 20");
	f.sort = PAY_BY_DATE;

	memset(&af, 0, sizeof af);
	af.limit = 50;
	t = now_ms();
	svc_aging_total(&s, &af, &a, &err);
	svc_aging_each(&s, &af, count_aging, &n, &err);
	t = now_ms() - t;
	row("aging report, totals and top 50 consumers", t, "ms", "", -1);

	/* raw: the same rows, in the same order, only read */
	t = raw_ms(raw,
	        "SELECT p.receipt_no, c.name, c.account_no, p.amount, "
	        "p.method, p.paid_on, p.type, p.status FROM payments p LEFT "
	        "JOIN voids v ON v.payment_id = p.id CROSS JOIN consumers c ON "
	        "c.id = p.consumer_id ORDER BY p.paid_on DESC, p.id DESC LIMIT "
	        "1000000") /
	    1000;
	snprintf(path, sizeof path, "%s/bench-export.csv", argv[2]);
	csv = export_child(argv[1], path, EXPORT_CSV, 1000000,
	    "CSV export of 1,000,000 payments", "<= 5 s", t);
	/* the xlsx's target is the CSV export's time twice: that is its
	 * raw figure */
	snprintf(path, sizeof path, "%s/bench-export.xlsx", argv[2]);
	export_child(argv[1], path, EXPORT_XLSX, 1000000,
	    "xlsx export of 1,000,000 payments", "<= 2x CSV", csv);
	export_child(argv[1], path, EXPORT_XLSX, 100000,
	    "xlsx export of 100,000 payments", "", -1);
	svc_close(&s);
	sqlite3_close(raw);
	return 0;
}
