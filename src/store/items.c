/* items.c - bills, service charges, installment plans and installments. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

void
store_read_item(struct db_stmt *s, int c0, struct item *it)
{
	char kind[16];

	memset(it, 0, sizeof *it);
	it->id = db_column_int64(s, c0);
	st_col(s, c0 + 1, it->uuid, sizeof it->uuid);
	it->consumer_id = db_column_int64(s, c0 + 2);
	st_col(s, c0 + 3, kind, sizeof kind);
	it->kind = strcmp(kind, "bill") == 0      ? PAY_BILL
	           : strcmp(kind, "service") == 0 ? PAY_SERVICE
	                                          : PAY_INSTALLMENT;
	st_col(s, c0 + 4, it->ref, sizeof it->ref);
	st_col(s, c0 + 5, it->period, sizeof it->period);
	st_col(s, c0 + 6, it->description, sizeof it->description);
	st_col(s, c0 + 7, it->plan_no, sizeof it->plan_no);
	it->inst_no = db_column_int(s, c0 + 8);
	it->amount = db_column_int64(s, c0 + 9);
	it->settled = db_column_int64(s, c0 + 10);
	st_col(s, c0 + 11, it->issued_on, sizeof it->issued_on);
	st_col(s, c0 + 12, it->due_on, sizeof it->due_on);
}

void
store_read_item_entered(struct db_stmt *s, int c0, struct item *it)
{
	store_read_item(s, c0, it);
	st_col(s, c0 + 13, it->entered_on, sizeof it->entered_on);
}

static void
read_item0(struct db_stmt *s, void *elem)
{
	store_read_item(s, 0, elem);
}

int
store_plan_ensure(struct store *st, const char *plan_no, int64_t consumer_id,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT consumer_id FROM plans WHERE "
	    "plan_no = ?",
	    err);
	int rc;
	int64_t owner;

	if (s == NULL)
		return -1;
	st_bind(s, "s", plan_no);
	rc = db_step(s);
	owner = rc == DB_ROW ? db_column_int64(s, 0) : 0;
	db_reset(s);
	if (rc == DB_ROW) {
		if (owner != consumer_id)
			return pd_fail(err, PD_EINVAL,
			    _("Plan \"%s\" belongs to "
			      "another consumer"),
			    plan_no);
		return 0;
	}
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading plans"));
	s = st_stmt(st,
	    "INSERT INTO plans (plan_no, consumer_id) VALUES "
	    "(?, ?)",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "si", plan_no, consumer_id);
	return st_done(st, s, err);
}

int
store_item_insert(struct store *st, struct item *it, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO items (uuid, consumer_id, "
	    "kind, ref, period, description, plan_id, inst_no, amount, "
	    "issued_on, due_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "(SELECT id FROM plans WHERE plan_no = ?7), nullif(?8, 0), ?9, "
	    "?10, ?11, datetime('now', 'localtime'))",
	    err);

	st_push_rows_forget(st);
	st->seal_maybe = 1; /* (sealed: audit.c) */
	if (s == NULL)
		return -1;
	if (it->uuid[0] == '\0')
		os_uuid_new(it->uuid);
	st_bind(s, "sisssssdiss", it->uuid, it->consumer_id,
	    pay_type_kind(it->kind), it->ref, it->period, it->description,
	    it->kind == PAY_INSTALLMENT ? it->plan_no : NULL,
	    it->kind == PAY_INSTALLMENT ? it->inst_no : 0, it->amount,
	    it->issued_on, it->due_on);
	if (st_done(st, s, err) != 0)
		return -1;
	it->id = db_last_insert_rowid(st->db);
	/* the day it came into the store (migration 72): the service's
	 * today, else the machine's */
	s = st_stmt(st,
	    "INSERT INTO item_entries (item_id, entered_on) VALUES (?1, "
	    "coalesce(nullif(?2, ''), substr(datetime('now', 'localtime'), 1, "
	    "10)))",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "is", it->id, it->entered_on);
	return st_done(st, s, err);
}

int
store_item_by_ref(
    struct store *st, const char *ref, struct item *it, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " ITEM_COLS " FROM " ITEM_FROM " WHERE i.ref = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", ref);
	rc = db_step(s);
	if (rc == DB_ROW)
		store_read_item(s, 0, it);
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No bill, service charge or "
		      "installment with reference \"%s\""),
		    ref);
	return st_fail(st, err, _("Reading an item"));
}

struct item *
store_items_open(struct store *st, int64_t consumer_id, int kind, size_t *n,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " ITEM_COLS " FROM " ITEM_FROM
	    " WHERE i.consumer_id = ?1 AND (?2 IS NULL OR i.kind = ?2) AND "
	    "i.settled < i.amount ORDER BY i.due_on, i.ref",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "is", consumer_id,
	    kind < 0 ? NULL : pay_type_kind((enum pay_type)kind));
	return st_collect(st, s, sizeof(struct item), read_item0, n,
	    "reading open items", err);
}

int
store_items_billed(struct store *st, int64_t consumer_id, int kind,
    int64_t *of_kind, int64_t *all, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(sum(CASE WHEN kind = ?2 THEN amount END), 0), "
	    "coalesce(sum(amount), 0) FROM items WHERE consumer_id = ?1",
	    err);
	int rc;

	*of_kind = *all = 0;
	if (st_push_rows_billed(st, consumer_id, kind, of_kind, all))
		return 0;
	if (s == NULL)
		return -1;
	st_bind(s, "is", consumer_id,
	    kind < 0 ? NULL : pay_type_kind((enum pay_type)kind));
	rc = db_step(s);
	if (rc == DB_ROW) {
		*all = db_column_int64(s, 1);
		*of_kind = kind < 0 ? *all : db_column_int64(s, 0);
	}
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading an item"));
}

int
store_item_settle(
    struct store *st, int64_t item_id, int64_t delta, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE items SET settled = settled + ? "
	    "WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	/* a push's on PostgreSQL as one statement (db_pg_batch.c), the
	 * deltas of an item summed: the rows' order does not change the
	 * sum, and what each may take was checked against the push's rows
	 * as they stood (st_push_rows_settle) */
	db_batchable(s,
	    "UPDATE items SET settled = settled + d.delta FROM (SELECT u.i "
	    "AS id, sum(u.d) AS delta FROM unnest($1::bigint[], "
	    "$2::bigint[]) AS u(d, i) GROUP BY u.i) d WHERE items.id = d.id");
	st_bind(s, "ii", delta, item_id);
	if (st_done(st, s, err) != 0)
		return -1;
	st_push_rows_settle(st, item_id, delta);
	return 0;
}

int
store_consumer_balance(struct store *st, int64_t consumer_id, const char *today,
    struct balance *b, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT "
	    "coalesce(sum(CASE WHEN due_on <= ?2 THEN amount - settled END), "
	    "0),"
	    "coalesce(sum(amount - settled), 0), count(*) FROM items "
	    "WHERE consumer_id = ?1 AND settled < amount",
	    err);
	int rc;

	memset(b, 0, sizeof *b);
	if (s == NULL)
		return -1;
	st_bind(s, "is", consumer_id, today);
	rc = db_step(s);
	if (rc == DB_ROW) {
		b->due_now = db_column_int64(s, 0);
		b->open_total = db_column_int64(s, 1);
		b->open_items = db_column_int64(s, 2);
	}
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading the balance"));
	/* the credit a cashier may spend: a Posted payment's, not a
	 * Pending one's, which waits for its verification or settlement
	 * (issue 19 review) */
	s = st_stmt(st,
	    "SELECT coalesce(sum(n.amount - n.applied), 0) FROM "
	    "credit_notes n JOIN payments p ON p.id = n.payment_id WHERE "
	    "n.consumer_id = ? AND n.voided = 0 AND n.applied < n.amount AND "
	    "n.expires_on >= ? AND p.status = 'Posted'",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "is", consumer_id, today);
	rc = db_step(s);
	if (rc == DB_ROW)
		b->credit = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading credit"));
}
