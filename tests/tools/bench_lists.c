/* bench_lists.c - bench_debts's figures of the lists of issue 21, each
 * beside raw SQLite doing the same work in the same run:
 * - the disconnection list (<= 1 s): svc_disconnections; raw: its query
 *   and the installments of the plans of those listed, a consumer with a
 *   plan kept left out unless what is overdue outside its plans'
 *   installments is past the amount too (review R21d; counted before
 *   s52 as left out, so that raw listed fewer than paydesk);
 * - the reconnection list (<= 1 s, the disconnection list's: the issue
 *   names none): svc_reconnections; raw: every plan's installments (who
 *   keeps one, which are Broken), what each consumer owes past the days
 *   now (outside its plans' installments if it keeps one), and the
 *   statement of store_was_overdue (who was listed on a day
 *   they paid or made a plan: its work is that query's), joined in C.
 *   The raw side counts a Broken plan's installments as due on their own
 *   dates, where paydesk dates them by the items the plan took over (a
 *   JSON array of the Broken plans given to the overdue query): a little
 *   less work.
 * paydesk reads each list once before the read that is timed, and its
 * first read's time is printed under the figures: a first read after
 * the store was built or the machine started takes its pages from the
 * disk (s51, a 21 GB store on a 23 GB machine: the reconnection list
 * 13 s, then 1.9 s), and raw, timed after it, found them in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "bench_debts.h"
#include "paydesk/date.h"

/* One plan's tally as the raw side computes it (the rule of issue 21:
 * on time by due + grace, late after, missed when unpaid past it;
 * Broken when missed + late exceed the misses allowed). */
struct raw_plan {
	long id;
	int cancelled, misses, total, paid, late, missed;
};

/* Whether p is Active with no installment missed (kept). */
static int
raw_kept(const struct raw_plan *p)
{
	return p->id != 0 && !p->cancelled &&
	       !(p->total > 0 && p->paid == p->total) &&
	       p->missed + p->late <= p->misses && p->missed == 0;
}

/* Read the plans of st (RAW_INSTALLMENTS, by plan) as of day today:
 * kept[c] = 1 for each consumer c (<= top) with a plan kept; the rows
 * read into *rows; *nbroken the plans Broken. */
static void
raw_plans(sqlite3_stmt *st, int32_t today, char *kept, long top, long *rows,
    long *nbroken)
{
	struct raw_plan p = {0};
	long c = 0;
	int32_t due, paid;

	for (;;) {
		int rc = sqlite3_step(st);

		if (rc != SQLITE_ROW || sqlite3_column_int64(st, 0) != p.id) {
			if (raw_kept(&p) && c <= top)
				kept[c] = 1;
			if (p.id != 0 && !p.cancelled &&
			    p.missed + p.late > p.misses)
				(*nbroken)++;
			if (rc != SQLITE_ROW)
				break;
			memset(&p, 0, sizeof p);
			p.id = (long)sqlite3_column_int64(st, 0);
			c = (long)sqlite3_column_int64(st, 1);
			p.cancelled = sqlite3_column_int(st, 2);
			p.misses = sqlite3_column_int(st, 4);
		}
		(*rows)++;
		/* replaced: closed by a later event, or all taken off */
		if (sqlite3_column_int64(st, 8) > 0 ||
		    sqlite3_column_int64(st, 6) -
		            sqlite3_column_int64(st, 10) <=
		        0)
			continue;
		date_parse(
		    (const char *)sqlite3_column_text(st, 5), NULL, &due, NULL);
		due += sqlite3_column_int(st, 3);
		p.total++;
		if (sqlite3_column_bytes(st, 9) > 0) {
			date_parse((const char *)sqlite3_column_text(st, 9),
			    NULL, &paid, NULL);
			p.paid++;
			p.late += paid > due;
		} else
			p.missed += today > due;
	}
	sqlite3_reset(st);
}

/* What each consumer (<= top) owes of items due on cutoff or before;
 * on outside, of those not installments of an arrangement not cancelled
 * (a plan kept protects the debt it holds only: review R21d). */
static int64_t *
raw_owed(sqlite3 *raw, const char *cutoff, long top, int outside)
{
	int64_t *owed = calloc((size_t)top + 1, sizeof *owed);
	sqlite3_stmt *st;

	sqlite3_prepare_v2(raw,
	    outside ? "SELECT consumer_id, sum(amount - settled) FROM items "
	              "WHERE amount > settled AND due_on <= ?1 AND (plan_id "
	              "IS NULL OR plan_id NOT IN (SELECT plan_id FROM "
	              "arrangements WHERE cancelled = 0)) GROUP BY "
	              "consumer_id"
	            : "SELECT consumer_id, sum(amount - settled) FROM items "
	              "WHERE amount > settled AND due_on <= ?1 GROUP BY "
	              "consumer_id",
	    -1, &st, NULL);
	sqlite3_bind_text(st, 1, cutoff, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long c = (long)sqlite3_column_int64(st, 0);

		if (c <= top)
			owed[c] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return owed;
}

/* The disconnection list's figure. */
static int
disconnections(struct svc *s, sqlite3 *raw, int32_t d, long top)
{
	struct overdue_row *od;
	struct pd_err err;
	long raw_disc = 0, raw_listed = 0, raw_kept_n = 0;
	size_t n;
	double t, first = 0;
	int i;

	for (i = 0; i < 2; i++) { /* read once first (see the top) */
		t = now_ms();
		od = svc_disconnections(s, &n, &err);
		t = now_ms() - t;
		if (od == NULL && err.code != 0) {
			fprintf(stderr,
			    "bench_debts: the disconnection list: %s\n",
			    err.msg);
			return 1;
		}
		free(od);
		if (i == 0)
			first = t;
	}
	{
		char cutoff[11], *kept = calloc((size_t)top + 1, 1);
		int64_t *outside;
		sqlite3_stmt *st, *pl;
		double r0 = now_ms(), r1;
		long ninst = 0, nbroken = 0;

		date_format(cutoff, d - 60);
		/* the plans not cancelled of those listed, one statement */
		sqlite3_prepare_v2(raw,
		    RAW_INSTALLMENTS
		    " WHERE a.cancelled = 0 AND a.consumer_id "
		    "IN (SELECT consumer_id FROM items WHERE "
		    "amount > settled AND due_on <= ?1 GROUP BY "
		    "consumer_id HAVING sum(amount - settled) >= "
		    "10000) ORDER BY a.id, i.inst_no",
		    -1, &pl, NULL);
		sqlite3_bind_text(pl, 1, cutoff, -1, SQLITE_STATIC);
		raw_plans(pl, d, kept, top, &ninst, &nbroken);
		sqlite3_prepare_v2(raw,
		    "SELECT c.id, c.account_no, c.name, g.owed, g.n, g.oldest, "
		    "CASE WHEN EXISTS (SELECT 1 FROM arrangements a WHERE "
		    "a.consumer_id = c.id AND a.cancelled = 0) THEN 1 ELSE 0 "
		    "END FROM (SELECT consumer_id, sum(amount - settled) AS "
		    "owed, count(*) AS n, min(due_on) AS oldest FROM items "
		    "WHERE amount > settled AND due_on <= ?1 GROUP BY "
		    "consumer_id HAVING sum(amount - settled) >= 10000) g JOIN "
		    "consumers c ON c.id = g.consumer_id ORDER BY 4 DESC, "
		    "c.account_no",
		    -1, &st, NULL);
		sqlite3_bind_text(st, 1, cutoff, -1, SQLITE_STATIC);
		outside = raw_owed(raw, cutoff, top, 1);
		while (sqlite3_step(st) == SQLITE_ROW) {
			long c = (long)sqlite3_column_int64(st, 0);

			raw_listed++;
			if (sqlite3_column_int(st, 6) == 0 || c > top ||
			    !kept[c] || outside[c] >= 10000)
				raw_disc++;
			if (c <= top && kept[c])
				raw_kept_n++;
		}
		free(outside);
		sqlite3_finalize(st);
		sqlite3_finalize(pl);
		r1 = now_ms() - r0;
		free(kept);
		row("disconnection list", t, "ms", "<= 1000 ms", r1);
	}
	printf("  disconnection list, paydesk %zu, raw %ld (of %ld past 60 "
	       "days and 100.00, %ld of them keeping a plan); paydesk's "
	       "first read %.2f ms\n",
	    n, raw_disc, raw_listed, raw_kept_n, first);
	return 0;
}

/* The reconnection list's figure: [disconnection] days 60, amount
 * 100.00 (bench_debts's config). */
static int
reconnections(struct svc *s, sqlite3 *raw, int32_t d, long top)
{
	struct reconnect_row *r;
	struct pd_err err;
	char today[11], since[11], *kept = calloc((size_t)top + 1, 1);
	sqlite3_stmt *st, *pl;
	int64_t *owed, *outside;
	long ninst = 0, nbroken = 0, was = 0, paid = 0, arranged = 0;
	size_t n;
	double t, r0, first = 0;
	int i;

	for (i = 0; i < 2; i++) { /* read once first (see the top) */
		t = now_ms();
		r = svc_reconnections(s, &n, &err);
		t = now_ms() - t;
		if (r == NULL && err.code != 0) {
			fprintf(stderr,
			    "bench_debts: the reconnection list: %s\n",
			    err.msg);
			free(kept);
			return 1;
		}
		free(r);
		if (i == 0)
			first = t;
	}
	date_format(today, d);
	date_format(since, d - 60);
	r0 = now_ms();
	sqlite3_prepare_v2(raw,
	    RAW_INSTALLMENTS " WHERE a.cancelled = 0 ORDER BY a.id, i.inst_no",
	    -1, &pl, NULL);
	raw_plans(pl, d, kept, top, &ninst, &nbroken);
	sqlite3_finalize(pl);
	owed = raw_owed(raw, since, top, 0);
	outside = raw_owed(raw, since, top, 1);
	sqlite3_prepare_v2(raw,
	    "WITH p (iid, cid) AS (SELECT id, consumer_id FROM items WHERE "
	    "settled < amount AND due_on <= date(?2, '-' || ?3 || ' days') "
	    "UNION SELECT i.id, i.consumer_id FROM payments y JOIN "
	    "allocations x ON x.payment_id = y.id JOIN items i ON i.id = "
	    "x.item_id WHERE y.paid_on > ?1 AND i.due_on <= date(?2, '-' || "
	    "?3 || ' days') AND i.due_on <= date(y.paid_on, '-' || ?3 || "
	    "' days') UNION SELECT i.id, i.consumer_id FROM "
	    "credit_applications ca CROSS JOIN items i WHERE i.id = "
	    "ca.item_id AND ca.applied_on > ?1 AND i.due_on <= date(?2, '-' "
	    "|| ?3 || ' days') AND i.due_on <= date(ca.applied_on, '-' || ?3 "
	    "|| ' days') AND NOT EXISTS (SELECT 1 FROM sync_undone u WHERE "
	    "u.uuid = ca.uuid) UNION SELECT i.id, i.consumer_id FROM "
	    "arrangement_events e CROSS JOIN arrangement_moves m CROSS JOIN "
	    "items i WHERE m.event_id = e.id AND i.id = m.item_id AND "
	    "substr(e.at, 1, 10) > ?1 AND i.due_on <= date(?2, '-' || ?3 || "
	    "' days') AND i.due_on <= date(substr(e.at, 1, 10), '-' || ?3 || "
	    "' days')), "
	    "ev (cid, day) AS (SELECT consumer_id, paid_on FROM payments "
	    "WHERE paid_on > ?1 AND paid_on <= ?2 AND consumer_id IN (SELECT "
	    "cid FROM p) UNION SELECT a.consumer_id, substr(e.at, 1, 10) FROM "
	    "arrangement_events e JOIN arrangements a ON a.id = "
	    "e.arrangement_id WHERE e.kind = 'create' AND substr(e.at, 1, 10) "
	    "> ?1 AND substr(e.at, 1, 10) <= ?2 AND a.consumer_id IN (SELECT "
	    "cid FROM p)), "
	    "od (cid, day, owed) AS MATERIALIZED (SELECT ev.cid, ev.day, "
	    "(SELECT "
	    "coalesce(sum(max(0, i.amount - coalesce((SELECT sum(x.amount) "
	    "FROM allocations x JOIN payments y ON y.id = x.payment_id WHERE "
	    "x.item_id = i.id AND y.paid_on < ev.day), 0) - "
	    "coalesce((SELECT sum(ca.amount) FROM credit_applications ca "
	    "WHERE ca.item_id = i.id AND ca.applied_on < ev.day AND NOT "
	    "EXISTS (SELECT 1 FROM sync_undone u WHERE u.uuid = ca.uuid)), "
	    "0) - "
	    "coalesce((SELECT sum(m.amount) FROM arrangement_moves m JOIN "
	    "arrangement_events e2 ON e2.id = m.event_id WHERE m.item_id = "
	    "i.id AND substr(e2.at, 1, 10) < ev.day), 0))), 0) FROM p CROSS "
	    "JOIN items i WHERE p.cid = ev.cid AND i.id = p.iid AND i.due_on "
	    "<= date(ev.day, '-' || ?3 || ' days')) FROM ev) "
	    "SELECT c.id, c.account_no, c.name, "
	    "max(od.owed), max(CASE WHEN od.owed >= ?4 THEN od.day END) FROM "
	    "od JOIN consumers c ON c.id = od.cid GROUP BY c.id HAVING "
	    "max(od.owed) >= ?4 ORDER BY c.account_no",
	    -1, &st, NULL);
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, 60);
	sqlite3_bind_int64(st, 4, 10000);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long c = (long)sqlite3_column_int64(st, 0);

		was++;
		if (c <= top && kept[c] && outside[c] < 10000)
			arranged++;
		else if (c > top || (!kept[c] && owed[c] < 10000))
			paid++;
	}
	sqlite3_finalize(st);
	r0 = now_ms() - r0;
	free(owed);
	free(outside);
	free(kept);
	row("reconnection list", t, "ms", "<= 1000 ms", r0);
	printf("  reconnection list, paydesk %zu, raw %ld (of %ld listed "
	       "before: %ld paid, %ld keeping a plan; %ld plans Broken); "
	       "paydesk's first read %.2f ms\n",
	    n, paid + arranged, was, paid, arranged, nbroken, first);
	return 0;
}

int
bench_lists(struct svc *s, sqlite3 *raw, int32_t d, long top)
{
	return disconnections(s, raw, d, top) != 0 ||
	               reconnections(s, raw, d, top) != 0
	           ? 1
	           : 0;
}
