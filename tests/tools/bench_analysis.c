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
#include <unistd.h>

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

/* Milliseconds of raw SQLite running one of the dashboard's statements
 * (0 on error, said on stderr). */
static double
raw_one(sqlite3 *db, const char *sql)
{
	double t = raw_ms(db, sql);

	return t < 0 ? 0 : t;
}

/* The dashboard's own reads of one period, as the store makes them
 * (facts.c, scope.c, reports.c): the collected and the day's from
 * pay_team_facts, the collection time and the Collection Rate's paid part
 * from alloc_team_facts, what fell due (due_daily, or due_segment for a
 * segment). where: the filters' condition on the facts f. */
static double
raw_period(sqlite3 *db, const char *from, const char *to, const char *due_to,
    const char *day, const char *where, const char *segment)
{
	char sql[2048];
	double t = 0;

	snprintf(sql, sizeof sql,
	    "SELECT coalesce(sum(f.amount), 0), coalesce(sum(f.n), 0) FROM "
	    "pay_team_facts f WHERE f.paid_on BETWEEN '%s' AND '%s'%s",
	    from, to, where);
	t += raw_one(db, sql);
	snprintf(sql, sizeof sql,
	    "SELECT coalesce(sum(f.amount), 0), coalesce(sum(f.n), 0) FROM "
	    "pay_team_facts f WHERE f.paid_on = '%s'%s",
	    day, where);
	t += raw_one(db, sql);
	snprintf(sql, sizeof sql,
	    "SELECT coalesce(sum(f.days), 0), coalesce(sum(f.n), 0) FROM "
	    "alloc_team_facts f WHERE f.paid_on BETWEEN '%s' AND '%s'%s",
	    from, to, where);
	t += raw_one(db, sql);
	if (segment == NULL)
		snprintf(sql, sizeof sql,
		    "SELECT coalesce(sum(amount), 0) FROM due_daily WHERE day "
		    "BETWEEN '%s' AND '%s'",
		    from, due_to);
	else
		snprintf(sql, sizeof sql,
		    "SELECT coalesce(sum(due), 0) FROM due_segment WHERE due_on "
		    "BETWEEN '%s' AND '%s' AND segment = '%s' COLLATE NOCASE",
		    from, due_to, segment);
	t += raw_one(db, sql);
	snprintf(sql, sizeof sql,
	    "SELECT coalesce(sum(f.paid), 0) FROM alloc_team_facts f WHERE "
	    "f.due_on "
	    "BETWEEN '%s' AND '%s' AND f.paid_on <= '%s'%s",
	    from, due_to, to, where);
	return t + raw_one(db, sql);
}

/* The dashboard of month under the filters in force, timed against raw
 * SQLite making the same reads: both periods' KPIs, the outstanding
 * items, the days and methods, the gateways' share (pwhere: the
 * filters' condition on the payments p, for that one; the gateway
 * payments of the period widened by two days each side, then their
 * payments, as store_split). */
static void
dashboard(struct svc *s, sqlite3 *raw, const char *today, const char *what,
    const char *where, const char *segment, const char *pwhere)
{
	struct dashboard d;
	struct pd_err err;
	char sql[2048], from[11], to[11], pfrom[11], pto[11], due_to[11],
	    prev_day[11];
	double t = now_ms(), r;
	sqlite3_stmt *st;

	if (svc_dashboard(s, NULL, &d, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	t = now_ms() - t;
	/* the periods, as kpi.c makes them (not timed) */
	snprintf(sql, sizeof sql,
	    "SELECT date('%s', 'start of month'), date('%s', 'start of "
	    "month', '+1 month', '-1 day'), date('%s', 'start of month', "
	    "'-1 month'), date('%s', 'start of month', '-1 day'), min(date("
	    "'%s', 'start of month', '+1 month', '-1 day'), date('%s', "
	    "'-1 day')), date('%s', '-1 day')",
	    today, today, today, today, today, today, today);
	if (sqlite3_prepare_v2(raw, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(raw));
		return;
	}
	snprintf(from, sizeof from, "%s", sqlite3_column_text(st, 0));
	snprintf(to, sizeof to, "%s", sqlite3_column_text(st, 1));
	snprintf(pfrom, sizeof pfrom, "%s", sqlite3_column_text(st, 2));
	snprintf(pto, sizeof pto, "%s", sqlite3_column_text(st, 3));
	snprintf(due_to, sizeof due_to, "%s", sqlite3_column_text(st, 4));
	snprintf(prev_day, sizeof prev_day, "%s", sqlite3_column_text(st, 5));
	sqlite3_finalize(st);
	r = raw_period(raw, from, to, due_to, today, where, segment) +
	    raw_period(raw, pfrom, pto, pto, prev_day, where, segment);
	/* the outstanding items from their rollup by due day (open_due,
	 * reports.c), a segment's rows only under a segment */
	snprintf(sql, sizeof sql,
	    "SELECT coalesce(sum(open), 0), coalesce(sum(n), 0), "
	    "coalesce(sum(CASE WHEN due_on < '%s' THEN n * "
	    "CAST(julianday('%s') - julianday(due_on) AS INTEGER) END), 0), "
	    "coalesce(sum(CASE WHEN due_on < '%s' THEN n END), 0), "
	    "coalesce(sum(CASE WHEN arranged THEN open END), 0), "
	    "coalesce(sum(CASE WHEN arranged THEN n END), 0) FROM open_due%s%s%s",
	    today, today, today,
	    segment != NULL ? " WHERE segment = '" : "",
	    segment != NULL ? segment : "",
	    segment != NULL ? "' COLLATE NOCASE" : "");
	r += raw_one(raw, sql);
	snprintf(sql, sizeof sql,
	    "SELECT f.paid_on, f.method, sum(f.amount), sum(f.n) FROM "
	    "pay_team_facts "
	    "f WHERE f.paid_on BETWEEN '%s' AND '%s'%s GROUP BY f.paid_on, "
	    "f.method HAVING sum(f.n) <> 0 ORDER BY f.paid_on",
	    from, to, where);
	r += raw_one(raw, sql);
	snprintf(sql, sizeof sql,
	    "SELECT g.gateway AS k, sum(p.amount) AS c, count(*), "
	    "count(DISTINCT p.consumer_id) FROM gw_payments g CROSS JOIN "
	    "payments p WHERE g.payment_uuid <> '' AND g.paid_at >= date('%s', "
	    "'-2 days') AND g.paid_at < date('%s', '+3 days') AND p.uuid = "
	    "g.payment_uuid AND p.paid_on >= '%s' AND p.paid_on <= '%s' AND "
	    "p.status = 'Posted'%s GROUP BY g.gateway ORDER BY c DESC, k",
	    from, to, from, to, pwhere);
	r += raw_one(raw, sql);
	row(what, t, "ms", "<= 150 ms", r);
}

/* Bytes this process has read from disk so far (/proc/self/io's
 * read_bytes: not those the page cache gave it), or -1. */
static long long
disk_read(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	char line[128];
	long long v = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "read_bytes: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

/* The machine's page cache dropped, its dirty pages written out first,
 * as after a boot: 1, or 0 when this process may not (not root). */
static int
cache_dropped(void)
{
	FILE *f;
	int ok;

	sync();
	if ((f = fopen("/proc/sys/vm/drop_caches", "w")) == NULL)
		return 0;
	ok = fputs("1\n", f) >= 0;
	return fclose(f) == 0 && ok;
}

/* Whether twice()'s first runs start from a dropped page cache. */
static int cold;

/* An analysis of the bench's run twice (ours(s, today, &n, &err), timed),
 * each beside raw SQLite's same reads (sql) made right after it: the
 * first from a cold page cache, dropped before paydesk's run and again
 * before raw's, so that each reads from the disk what it needs (at 10M
 * the rollups are read at the disk's speed; run as root: otherwise as
 * the page cache was left, and raw's run reads what paydesk's left in
 * it), then again with its pages in memory (as a store in use keeps the
 * rollups its posting updates: after a cold round, paydesk's run is made
 * once untimed first, raw's having taken the cache); with what paydesk
 * read from disk each time. */
static void
twice(struct svc *s, sqlite3 *raw, const char *today, const char *what,
    const char *unit, const char *target, const char *sql,
    int (*ours)(struct svc *, const char *, int *, struct pd_err *))
{
	double t, r, div = strcmp(unit, "s") == 0 ? 1000 : 1;
	long long mb[2];
	struct pd_err err;
	int k, n;

	for (k = 0; k < 2; k++) {
		if (k == 0 && cold)
			cache_dropped();
		/* the pages raw's cold run took the place of, read again
		 * (not timed) */
		if (k == 1 && cold && ours(s, today, &n, &err) != 0)
			fprintf(stderr, "bench: %s\n", err.msg);
		mb[k] = disk_read();
		t = now_ms();
		n = 0;
		if (ours(s, today, &n, &err) != 0)
			fprintf(stderr, "bench: %s\n", err.msg);
		t = now_ms() - t;
		mb[k] = mb[k] < 0 ? -1 : (disk_read() - mb[k]) >> 20;
		if (k == 0 && cold)
			cache_dropped();
		r = raw_ms(raw, sql);
		row(k == 0 ? what : "  the same again (its pages in memory)",
		    t / div, unit, target, r < 0 ? -1 : r / div);
	}
	if (mb[0] >= 0)
		printf("  (paydesk read %lld MB from disk the first time, %lld "
		       "MB the second)\n",
		    mb[0], mb[1]);
}

/* The analyses twice() times (0, or -1 with err set). */
static int
forecast_run(struct svc *s, const char *today, int *n, struct pd_err *err)
{
	struct forecast_totals ft;

	(void)today;
	return svc_forecast(s, 13, 4, NULL, count_week, n, &ft, err);
}

static int
deteriorating_run(struct svc *s, const char *today, int *n, struct pd_err *err)
{
	(void)today;
	return svc_deteriorating(s, 4, 3, count_payer, n, err);
}

static int
anomalies_run(struct svc *s, const char *today, int *n, struct pd_err *err)
{
	return svc_anomalies(s, today, NULL, count_anomaly, n, err);
}

int
main(int argc, char **argv)
{
	struct svc s;
	struct pd_err err;
	sqlite3 *raw;
	char today[11], sql[4096];

	bench_day_required("bench_analysis");
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

	/* scoped and filtered dashboards: the branch's Cash of one segment,
	 * the terminal's of one user; raw: the same statements */
	if (svc_scope_set(&s, SVC_SCOPE_BRANCH, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	s.narrow.method = "Cash";
	s.narrow.segment = "Residential";
	dashboard(&s, raw, today,
	    "dashboard, branch, method and segment filters",
	    " AND f.branch = 'B01' AND f.method = 'Cash' AND f.segment "
	    "= 'Residential' COLLATE NOCASE",
	    "Residential",
	    " AND p.method = 'Cash' AND p.branch = 'B01' AND "
	    "p.consumer_id IN (SELECT id FROM consumers WHERE segment = "
	    "'Residential' COLLATE NOCASE)");
	s.narrow.method = s.narrow.segment = NULL;
	if (svc_scope_set(&s, SVC_SCOPE_TERMINAL, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	s.narrow.recorded_by = "jane";
	dashboard(&s, raw, today, "dashboard, terminal and user filter",
	    " AND f.terminal = 'B' AND f.user_id = (SELECT id FROM users WHERE "
	    "username = 'jane')",
	    NULL,
	    " AND p.terminal = 'B' AND p.user_id = (SELECT id FROM users WHERE "
	    "username = 'jane')");
	s.narrow.recorded_by = NULL;
	if (svc_scope_set(&s, SVC_SCOPE_BRANCH, &err) != 0)
		fprintf(stderr, "bench: %s\n", err.msg);
	/* under team visibility: mary's team's, the payments taken for it
	 * (the totals keep each one's team, migration 94); the bench's
	 * users are of no team, so hers is that of every payment taken for
	 * none, the most rows a team's dashboard reads */
	snprintf(s.cfg.team_visibility, sizeof s.cfg.team_visibility, "yes");
	s.actor.team[0] = '\0';
	dashboard(&s, raw, today, "dashboard, branch and team visibility",
	    " AND f.branch = 'B01' AND f.team = ''", NULL,
	    " AND p.branch = 'B01' AND coalesce((SELECT t.team FROM "
	    "payment_teams t WHERE t.payment_id = p.id), '') = ''");
	snprintf(s.cfg.team_visibility, sizeof s.cfg.team_visibility, "no");

	/* the forecast: 13 weeks ahead and 4 past; raw: the same rows read
	 * for the same sums: the organisation's days, each week's due by
	 * consumer (due_paid by due day) less what was paid before its day
	 * (paid_by_day), each consumer's history from the rollup due_paid,
	 * and what came in in each past week (paid_by_day; weeks from
	 * Monday, the bench's [organisation] week_start) */
	snprintf(sql, sizeof sql,
	    "WITH RECURSIVE w(k, f, t, a) AS (SELECT -4, date('%s', "
	    "'-6 days', 'weekday 1', '-28 days'), date('%s', '-6 days', "
	    "'weekday 1', '-22 days'), date('%s', '-6 days', 'weekday 1', "
	    "'-28 days') UNION ALL SELECT k + 1, "
	    "date(f, '+7 days'), date(t, '+7 days'), CASE WHEN k + 1 < 0 "
	    "THEN date(f, '+7 days') ELSE date('%s', '+1 day') END FROM w "
	    "WHERE k < 12), o AS (SELECT k, a, cid, sum(v) AS open FROM "
	    "(SELECT w.k, w.a, d.consumer_id AS cid, d.due AS v FROM w JOIN "
	    "due_paid d ON d.due_on BETWEEN w.f AND w.t UNION ALL SELECT w.k, "
	    "w.a, d.consumer_id, -d.paid FROM w JOIN paid_by_day d ON d.due_on "
	    "BETWEEN w.f AND w.t AND d.paid_on < w.a) GROUP BY k, cid), came "
	    "AS (SELECT w.k, sum(d.paid) AS came FROM w JOIN paid_by_day d ON "
	    "d.due_on BETWEEN w.f AND w.t AND d.paid_on >= w.f AND d.paid_on "
	    "<= w.t WHERE w.k < 0 GROUP BY w.k) SELECT o.k, (SELECT came FROM "
	    "came WHERE came.k = o.k), sum(o.open * "
	    "(SELECT coalesce(sum(h.on_time), 0) FROM due_paid h WHERE "
	    "h.consumer_id = o.cid AND h.due_on >= date(o.a, '-365 days') AND "
	    "h.due_on < o.a) / max(1, (SELECT coalesce(sum(h.due), 0) FROM "
	    "due_paid h WHERE h.consumer_id = o.cid AND h.due_on >= date(o.a, "
	    "'-365 days') AND h.due_on < o.a))), (SELECT sum(on_time) FROM "
	    "due_paid_daily WHERE day >= date(o.a, '-365 days') AND day < "
	    "o.a) FROM o WHERE o.open > 0 GROUP BY o.k",
	    today, today, today, today);
	cold = geteuid() == 0 && access("/proc/sys/vm/drop_caches", W_OK) == 0;
	printf("%s\n",
	    cold ? "  (the first run of each below from a cold page cache, "
	           "dropped before paydesk's and again before raw's)"
	         : "  (the first run of each below as the page cache was "
	           "left: not root, it cannot be dropped)");
	twice(&s, raw, today, "forecast, 13 weeks ahead and 4 past", "s",
	    "<= 2 s", sql, forecast_run);

	/* the deteriorating payers: last 4 payments, 3 moves over the last
	 * 4 month ends (helper-266: M moves need M + 1 of them); raw: the
	 * branch's consumers' last days to pay (the rollup pay_recent, a
	 * row a consumer and terminal), and the items that may be open at
	 * a month end (open now, or last paid after it: item_late) by
	 * consumer, as the store reads them (the oldest at each month end
	 * kept in C) */
	snprintf(sql, sizeof sql,
	    "WITH me(k, d) AS (VALUES (0, date('%s', 'start of month', "
	    "'-3 months', '-1 day')), (1, date('%s', 'start of month', "
	    "'-2 months', '-1 day')), (2, date('%s', 'start of month', "
	    "'-1 month', '-1 day')), (3, date('%s', 'start of month', "
	    "'-1 day'))), cand(cid, due_on, done) AS (SELECT "
	    "i.consumer_id, i.due_on, NULL FROM items i WHERE i.settled < "
	    "i.amount AND i.due_on < (SELECT d FROM me WHERE k = 3) UNION ALL "
	    "SELECT consumer_id, due_on, done FROM item_late WHERE done > "
	    "(SELECT d FROM me WHERE k = 0) AND due_on < (SELECT d FROM me "
	    "WHERE k = 3)) SELECT * FROM (SELECT 0, cid, due_on, done FROM "
	    "cand ORDER BY cid) UNION ALL SELECT * FROM (SELECT 1, "
	    "consumer_id, recent, 0 FROM pay_recent WHERE branch IN ('B01', "
	    "'') ORDER BY consumer_id)",
	    today, today, today, today);
	twice(&s, raw, today,
	    "deteriorating payers (last 4 payments, 4 month ends)", "s",
	    "<= 3 s", sql, deteriorating_run);

	/* a day's anomaly pass; raw: the day's payments with their
	 * consumers' year before (read once, as the store does), the day's
	 * credit notes */
	snprintf(sql, sizeof sql,
	    "SELECT * FROM (SELECT p.id, p.amount, count(q.id), "
	    "sum(q.amount) FROM payments p LEFT JOIN payments q ON "
	    "q.consumer_id = p.consumer_id AND q.paid_on >= date('%s', '-365 "
	    "days') AND q.paid_on < '%s' AND q.status = 'Posted' WHERE "
	    "p.paid_on = '%s' AND p.status = 'Posted' GROUP BY p.id) UNION ALL "
	    "SELECT terminal, count(*), 0, 0 FROM credit_notes WHERE "
	    "created_on = '%s' GROUP BY 1",
	    today, today, today, today);
	twice(&s, raw, today, "anomaly pass of a day", "ms", "<= 1000 ms", sql,
	    anomalies_run);

	svc_close(&s);
	sqlite3_close(raw);
	return 0;
}
