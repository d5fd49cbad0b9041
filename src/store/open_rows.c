/* open_rows.c - the open items behind the Outstanding figure (review
 * R23: "from each KPI tile to the rows behind it"), read in due order
 * through items_owed (items_open dropped by migration 66). */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

int
store_open_rows(struct store *st, const char *segment, const char *today,
    open_cb cb, void *arg, struct pd_err *err)
{
	struct db_stmt *s;
	struct open_row r;
	struct qb q;
	int rc;

	qb_init(&q,
	    "SELECT i.due_on, i.ref, c.name, c.account_no, i.amount - "
	    "i.settled, CASE WHEN i.due_on < ?1 THEN CAST(julianday(?1) - "
	    "julianday(i.due_on) AS INTEGER) ELSE 0 END, CASE WHEN "
	    "i.arr_event IS NOT NULL THEN i.amount - i.settled ELSE 0 END "
	    "FROM items i INDEXED BY items_owed JOIN consumers c ON c.id = "
	    "i.consumer_id WHERE i.settled < i.amount");
	qb_add(&q, "", "s", today);
	if (segment != NULL)
		qb_add(&q, " AND c.segment = ? COLLATE NOCASE", "s", segment);
	qb_add(&q, " ORDER BY i.due_on, i.ref", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		st_col(s, 0, r.due_on, sizeof r.due_on);
		st_col(s, 1, r.ref, sizeof r.ref);
		st_col(s, 2, r.consumer_name, sizeof r.consumer_name);
		st_col(s, 3, r.account_no, sizeof r.account_no);
		r.open = db_column_int64(s, 4);
		r.days = db_column_int64(s, 5);
		r.arranged = db_column_int64(s, 6);
		if (cb(&r, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Computing KPIs"));
}
