/* aging_ends.c - each consumer's oldest item open at month ends (issue
 * 23's deteriorating payers: the aging bucket month after month; the
 * service in service/behaviour.c). Out of scope.c, which it outgrew. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* the items i of a segment's consumers */
#define SEGMENT_OF                                                             \
	" AND EXISTS (SELECT 1 FROM consumers sg WHERE sg.id = i.consumer_id " \
	"AND sg.segment = ? COLLATE NOCASE)"

/* A month end's oldest due date of the consumer read. */
struct end_min {
	int has;
	char due[32];
};

/* The consumer's oldest due dates to cb, by month end (those it has). */
static int
ends_flush(int64_t consumer_id, const struct end_min *m, int n,
    aging_end_cb cb, void *arg)
{
	int k;

	for (k = 0; k < n; k++)
		if (m[k].has && cb(consumer_id, "", "", k, m[k].due, arg) != 0)
			return 1;
	return 0;
}

int
store_aging_ends_each(struct store *st, const char *segment,
    const char *const *ends, int n, aging_end_cb cb, void *arg,
    struct pd_err *err)
{
	struct end_min *m;
	struct db_stmt *s;
	struct qb q;
	int64_t cur = 0;
	int rc, k, pass, stop = 0;

	if (n < 1)
		return 0;
	/* the month ends (calendar ones: see item_late); the items that
	 * may be open at one: open now (items_open), or last paid after
	 * the first of them and after a month end they fell due before (the
	 * rollup item_late, schema.c, by its date). An item open now and
	 * in item_late too adds no oldest item the first part has not.
	 * An item an arrangement event after the first month end moved
	 * (took over, or gave back at a cancel) is read as it stood at each
	 * month end instead, its amount less what Posted payments dated up
	 * to it paid and what events up to it moved (as kpi reads a past
	 * period: h3 fault 3, an arrangement made today took a bill open
	 * and overdue at the last two month ends out of them): a mask of
	 * the month ends it was open at. Those items are few, the events
	 * after a month end a few months back (no index on their day, as
	 * store_moved_after reads them).
	 * Read once by consumer, each month end's oldest kept here: joined
	 * to the month ends, grouped and sorted again in SQL, it took twice
	 * the time (1M store). No names: the caller looks up the few
	 * consumers it keeps (the segment's test: scope.c's segment_items) */
	qb_init(&q, "WITH moved(item_id) AS (SELECT DISTINCT m.item_id FROM "
	            "arrangement_events e CROSS JOIN arrangement_moves m ON "
	            "m.event_id = e.id WHERE ");
	qb_add(&q,
	    "substr(e.at, 1, 10) > ?), cand(consumer_id, due_on, done, open) "
	    "AS (SELECT i.consumer_id, i.due_on, NULL, NULL FROM items i "
	    "WHERE i.settled < i.amount AND i.id NOT IN moved",
	    "s", ends[0]);
	for (pass = 0; pass < 3; pass++) {
		if (pass == 0) {
			/* and those a payment still Pending settles (whole
			 * or in part) without a Posted one: open now by the
			 * Posted payments the aging counts (items.settled
			 * counts the Pending one; a fresh tester's, issue 23
			 * helper-305 fault 1: a payer whose oldest bill a
			 * Pending payment paid was read as never having had
			 * it open). From the few Pending payments, by
			 * payments_status. */
			qb_add(&q, " AND i.due_on < ?", "s", ends[n - 1]);
			if (segment != NULL)
				qb_add(&q, SEGMENT_OF, "s", segment);
			qb_add(&q,
			    " UNION ALL SELECT i.consumer_id, "
			    "i.due_on, NULL, NULL FROM payments p CROSS JOIN "
			    "allocations a ON a.payment_id = p.id CROSS JOIN "
			    "items i ON i.id = a.item_id WHERE p.status = "
			    "'Pending' AND a.amount > 0 AND i.settled >= "
			    "i.amount AND i.due_on < ? AND i.id NOT IN moved",
			    "s", ends[n - 1]);
		} else if (pass == 1)
			qb_add(&q,
			    " UNION ALL SELECT i.consumer_id, i.due_on, "
			    "i.done, "
			    "NULL FROM item_late i WHERE i.done > ? AND "
			    "i.due_on "
			    "< ? AND i.item_id NOT IN moved",
			    "ss", ends[0], ends[n - 1]);
		else {
			qb_add(&q,
			    " UNION ALL SELECT i.consumer_id, i.due_on, "
			    "NULL, 0",
			    "");
			for (k = 0; k < n; k++)
				qb_add(&q,
				    " + (i.amount - (SELECT "
				    "coalesce(sum(a.amount), "
				    "0) FROM allocations a CROSS JOIN payments "
				    "p ON "
				    "p.id = a.payment_id WHERE a.item_id = "
				    "i.id AND "
				    "p.status = 'Posted' AND p.paid_on <= ?) - "
				    "(SELECT coalesce(sum(m.amount), 0) FROM "
				    "arrangement_moves m CROSS JOIN "
				    "arrangement_events e ON e.id = m.event_id "
				    "WHERE "
				    "m.item_id = i.id AND substr(e.at, 1, 10) "
				    "<= ?) "
				    "> 0) * ?",
				    "ssi", ends[k], ends[k], (int64_t)1 << k);
			qb_add(&q,
			    " FROM moved v CROSS JOIN items i ON i.id = "
			    "v.item_id "
			    "WHERE i.due_on < ?",
			    "s", ends[n - 1]);
		}
		if (segment != NULL)
			qb_add(&q, SEGMENT_OF, "s", segment);
	}
	qb_add(&q,
	    ") SELECT consumer_id, due_on, done, open FROM cand ORDER BY "
	    "consumer_id",
	    "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	m = xcalloc((size_t)n, sizeof *m);
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t cid = db_column_int64(s, 0);
		const char *due = (const char *)db_column_text(s, 1);
		const char *done = db_column_type(s, 2) == DB_NULL
		                       ? NULL
		                       : (const char *)db_column_text(s, 2);
		int masked = db_column_type(s, 3) != DB_NULL;
		int64_t open = masked ? db_column_int64(s, 3) : 0;

		if (cid != cur) {
			if (cur != 0 && ends_flush(cur, m, n, cb, arg) != 0) {
				stop = 1;
				break;
			}
			cur = cid;
			memset(m, 0, (size_t)n * sizeof *m);
		}
		if (due == NULL)
			continue;
		/* open at end k: due before it, not paid by it (as it
		 * stood then: moved by an arrangement since) */
		for (k = 0; k < n; k++)
			if (strcmp(due, ends[k]) < 0 &&
			    (masked ? (open >> k & 1) != 0
			            : done == NULL ||
			                  strcmp(done, ends[k]) > 0) &&
			    (!m[k].has || strcmp(due, m[k].due) < 0)) {
				m[k].has = 1;
				xstrlcpy(m[k].due, due, sizeof m[k].due);
			}
	}
	if (!stop && rc == DB_DONE && cur != 0)
		ends_flush(cur, m, n, cb, arg);
	if (stop)
		rc = DB_DONE;
	db_finalize(s);
	free(m);
	return rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading the items open at month ends"));
}
