/* time_rows.c - the allocations behind the Average Collection Time
 * (review R23: "from each KPI tile to the rows behind it"): those
 * alloc_facts counts (schema_sql.h's PAYS), one row each. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "schema_sql.h"

int
store_time_rows(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, time_cb cb, void *arg,
    struct pd_err *err)
{
	struct db_stmt *s;
	struct time_row r;
	struct qb q;
	int rc;

	/* the days as the facts count them: an item a Posted payment pays
	 * as it stands (PAYS), what it pays of it, whole days from the
	 * issue date, 0 when paid before it */
	qb_init(&q,
	    "SELECT p.receipt_no, i.ref, c.name, c.account_no, i.issued_on, "
	    "p.paid_on, " NET_OF(
	        "a") ", max(0, CAST(julianday(p.paid_on) - "
	             "julianday(i.issued_on) AS INTEGER)) FROM payments p JOIN "
	             "allocations a ON a.payment_id = p.id JOIN items i ON "
	             "i.id = "
	             "a.item_id JOIN consumers c ON c.id = p.consumer_id WHERE "
	             "p.status = 'Posted' AND p.paid_on BETWEEN ? AND ? "
	             "AND " PAYS("a"));
	qb_add(&q, "", "ss", from, to);
	store_scope_where(&q, sc);
	qb_add(&q, " ORDER BY p.paid_on, p.receipt_no, i.ref", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		st_col(s, 0, r.receipt_no, sizeof r.receipt_no);
		st_col(s, 1, r.ref, sizeof r.ref);
		st_col(s, 2, r.consumer_name, sizeof r.consumer_name);
		st_col(s, 3, r.account_no, sizeof r.account_no);
		st_col(s, 4, r.issued_on, sizeof r.issued_on);
		st_col(s, 5, r.paid_on, sizeof r.paid_on);
		r.amount = db_column_int64(s, 6);
		r.days = db_column_int64(s, 7);
		if (cb(&r, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Computing KPIs"));
}
