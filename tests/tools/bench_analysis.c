/* bench_analysis.c - the billing manager's analysis in `make bench`
 * (issue 23) on the bench store: the dashboard of a scope under report
 * filters, the cash-flow forecast, the deteriorating payers and a day's
 * anomaly pass, each beside its target and beside raw SQLite doing the
 * same work (the same rows read, the same sums) in the same run. Not a
 * test: it never fails on timing.
 * Usage: bench_analysis STORE */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "paydesk/forecast.h"
#include "paydesk/service.h"

/* Milliseconds of raw SQLite running sql to its end (-1 on error). */
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

static int
count_week(const struct forecast_week *w, void *arg)
{
	(void)w;
	(*(int *)arg)++;
	return 0;
}

static int
count_payer(const struct deteriorating_row *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
	return 0;
}

static int
count_anomaly(const struct anomaly_row *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
	return 0;
}

/* The dashboard of month under the filters in force, timed against the
 * raw query of its rows (where, the filters' condition). */
static void
dashboard(struct svc *s, sqlite3 *raw, const char *month, const char *what,
    const char *where)
{
	struct dashboard d;
	struct pd_err err;
	char sql[1024];
	double t = now_ms();

	if (svc_dashboard(s, month, &d, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	t = now_ms() - t;
	snprintf(sql, sizeof sql,
	    "SELECT paid_on, method, sum(amount), count(*) FROM payments "
	    "WHERE paid_on BETWEEN '%s-01' AND '%s-31' AND status = 'Posted' "
	    "AND %s GROUP BY 1, 2",
	    month, month, where);
	row(what, t, "ms", "<= 150 ms", raw_ms(raw, sql));
}

int
main(int argc, char **argv)
{
	struct svc s;
	struct pd_err err;
	struct forecast_totals ft;
	sqlite3 *raw;
	char month[8], today[11], sql[2048];
	double t;
	int n = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_analysis STORE\n");
		return 2;
	}
	/* the analysis is a supervisor's */
	if (svc_open(&s, "/dev/null", argv[1], 0, &err) != 0 ||
	    svc_login(&s, "mary", "2222", &err) != 0 ||
	    sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, NULL) !=
	        SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	svc_today(today);
	snprintf(month, sizeof month, "%.7s", today);

	/* scoped and filtered dashboards: the branch's Cash of one segment,
	 * the terminal's of one user */
	if (svc_scope_set(&s, SVC_SCOPE_BRANCH, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	s.narrow.method = "Cash";
	s.narrow.segment = "Residential";
	dashboard(&s, raw, month,
	    "dashboard, branch, method and segment filters",
	    "branch IN ('B01', '') AND method = 'Cash' AND consumer_id IN "
	    "(SELECT id FROM consumers WHERE segment = 'Residential' COLLATE "
	    "NOCASE)");
	s.narrow.method = s.narrow.segment = NULL;
	if (svc_scope_set(&s, SVC_SCOPE_TERMINAL, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	s.narrow.recorded_by = "jane";
	dashboard(&s, raw, month, "dashboard, terminal and user filter",
	    "terminal = 'B' AND user_id = (SELECT id FROM users WHERE "
	    "username = 'jane')");
	s.narrow.recorded_by = NULL;
	if (svc_scope_set(&s, SVC_SCOPE_BRANCH, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);

	/* the forecast: 13 weeks ahead and 4 past; raw: each consumer's
	 * on-time ratio over the year and the open items by week */
	t = now_ms();
	if (svc_forecast(&s, 13, 4, count_week, &n, &ft, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	t = now_ms() - t;
	snprintf(sql, sizeof sql,
	    "WITH r AS (SELECT i.consumer_id, sum(i.amount) AS due, "
	    "sum(CASE WHEN i.settled >= i.amount THEN i.amount ELSE 0 END) AS "
	    "ok FROM items i WHERE i.due_on BETWEEN date('%s', '-365 days') "
	    "AND '%s' GROUP BY i.consumer_id) SELECT (julianday(i.due_on) - "
	    "julianday('%s')) / 7, sum((i.amount - i.settled) * "
	    "coalesce(r.ok, 1) / coalesce(r.due, 1)) FROM items i LEFT JOIN r "
	    "ON r.consumer_id = i.consumer_id WHERE i.settled < i.amount AND "
	    "i.due_on BETWEEN '%s' AND date('%s', '+91 days') GROUP BY 1",
	    today, today, today, today, today);
	row("forecast, 13 weeks ahead and 4 past", t / 1000, "s", "<= 2 s",
	    raw_ms(raw, sql) / 1000);

	/* the deteriorating payers: last 4 payments, 3 month ends; raw:
	 * each consumer's last 4 payments' days to pay */
	n = 0;
	t = now_ms();
	if (svc_deteriorating(&s, 4, 3, count_payer, &n, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	t = now_ms() - t;
	row("deteriorating payers (last 4 payments, 3 month ends)", t / 1000,
	    "s", "<= 3 s",
	    raw_ms(raw,
	        "SELECT consumer_id, days FROM (SELECT consumer_id, days, "
	        "row_number() OVER (PARTITION BY consumer_id ORDER BY paid_on "
	        "DESC, id DESC) AS rn FROM (SELECT p.consumer_id, p.paid_on, "
	        "p.id, CAST(julianday(p.paid_on) - julianday(min(i.due_on)) AS "
	        "INTEGER) AS days FROM payments p JOIN allocations a ON "
	        "a.payment_id = p.id AND a.amount > 0 AND a.reverses IS NULL "
	        "JOIN items i ON i.id = a.item_id WHERE p.status = 'Posted' "
	        "GROUP BY p.id)) WHERE rn <= 4") /
	        1000);

	/* a day's anomaly pass; raw: the day's payments with their
	 * consumers' year before, the day's voids and credit notes */
	n = 0;
	t = now_ms();
	if (svc_anomalies(&s, today, count_anomaly, &n, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	t = now_ms() - t;
	snprintf(sql, sizeof sql,
	    "SELECT p.id, p.amount, (SELECT count(*) FROM payments q WHERE "
	    "q.consumer_id = p.consumer_id AND q.paid_on >= date('%s', '-365 "
	    "days') AND q.paid_on < '%s' AND q.status = 'Posted'), (SELECT "
	    "sum(q.amount) FROM payments q WHERE q.consumer_id = p.consumer_id "
	    "AND q.paid_on >= date('%s', '-365 days') AND q.paid_on < '%s' AND "
	    "q.status = 'Posted') FROM payments p WHERE p.paid_on = '%s' AND "
	    "p.status = 'Posted' UNION ALL SELECT terminal, count(*), 0, 0 "
	    "FROM credit_notes WHERE created_on = '%s' GROUP BY 1",
	    today, today, today, today, today, today);
	row("anomaly pass of a day", t, "ms", "<= 1000 ms", raw_ms(raw, sql));

	svc_close(&s);
	sqlite3_close(raw);
	return 0;
}
