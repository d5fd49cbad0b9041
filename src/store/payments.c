/* payments.c - payments, their allocations and voids; the list of
 * payments (its filters, order, pages and count). What a search of
 * payments matches is pay_search.c. */
#include <stddef.h>
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"
#include "payments_int.h"

#define PAYMENT_COLS                                                           \
	"p.id, p.uuid, p.payment_no, p.txn_no, p.receipt_no, "                 \
	"p.consumer_id, p.type, p.channel, p.method, p.method_kind, "          \
	"p.amount, p.tendered, p.change_given, p.due_total, p.overpaid, "      \
	"p.paid_on, p.created_at, p.notes, coalesce(p.user_id, 0), "           \
	"p.received_by, p.terminal, p.branch, p.status, p.verified, "          \
	"p.verified_at, p.verified_by, coalesce(v.reason, ''), "               \
	"coalesce(v.voided_at, ''), coalesce(v.voided_by, ''), "               \
	"p.balance_after, p.reference, p.alloc_rule"
#define PAYMENT_FROM "payments p LEFT JOIN voids v ON v.payment_id = p.id"
#define PAYMENT_NCOLS 32

static void
read_payment(struct db_stmt *s, struct payment *p)
{
	char buf[32];

	memset(p, 0, sizeof *p);
	p->id = db_column_int64(s, 0);
	st_col(s, 1, p->uuid, sizeof p->uuid);
	st_col(s, 2, p->payment_no, sizeof p->payment_no);
	st_col(s, 3, p->txn_no, sizeof p->txn_no);
	st_col(s, 4, p->receipt_no, sizeof p->receipt_no);
	p->consumer_id = db_column_int64(s, 5);
	st_col(s, 6, buf, sizeof buf);
	p->type = (enum pay_type)pay_type_parse(buf);
	st_col(s, 7, p->channel, sizeof p->channel);
	st_col(s, 8, p->method, sizeof p->method);
	st_col(s, 9, buf, sizeof buf);
	p->method_kind = strcmp(buf, "cash") == 0   ? METHOD_CASH
	                 : strcmp(buf, "card") == 0 ? METHOD_CARD
	                 : strcmp(buf, "bank") == 0 ? METHOD_BANK
	                                            : METHOD_ONLINE;
	p->amount = db_column_int64(s, 10);
	p->tendered = db_column_int64(s, 11);
	p->change = db_column_int64(s, 12);
	p->due_total = db_column_int64(s, 13);
	p->overpaid = db_column_int64(s, 14);
	st_col(s, 15, p->paid_on, sizeof p->paid_on);
	st_col(s, 16, p->created_at, sizeof p->created_at);
	st_col(s, 17, p->notes, sizeof p->notes);
	p->user_id = db_column_int64(s, 18);
	st_col(s, 19, p->received_by, sizeof p->received_by);
	st_col(s, 20, p->terminal, sizeof p->terminal);
	st_col(s, 21, p->branch, sizeof p->branch);
	st_col(s, 22, buf, sizeof buf);
	p->status = (enum pay_status)pay_status_parse(buf);
	p->verified = db_column_int(s, 23);
	st_col(s, 24, p->verified_at, sizeof p->verified_at);
	st_col(s, 25, p->verified_by, sizeof p->verified_by);
	st_col(s, 26, p->void_reason, sizeof p->void_reason);
	st_col(s, 27, p->voided_at, sizeof p->voided_at);
	st_col(s, 28, p->voided_by, sizeof p->voided_by);
	p->has_balance = db_column_type(s, 29) != DB_NULL;
	p->balance_after = db_column_int64(s, 29);
	st_col(s, 30, p->reference, sizeof p->reference);
	st_col(s, 31, p->alloc_rule, sizeof p->alloc_rule);
}

/* read_payment as a row_reader (st_holding). */
static void
read_payment_row(struct db_stmt *s, void *elem)
{
	read_payment(s, elem);
}

static void
read_alloc(struct db_stmt *s, void *elem)
{
	struct allocation *a = elem;

	a->id = db_column_int64(s, 0);
	a->payment_id = db_column_int64(s, 1);
	a->item_id = db_column_int64(s, 2);
	a->amount = db_column_int64(s, 3);
	a->due_before = db_column_int64(s, 4);
	a->reverses = db_column_int64(s, 5);
	store_read_item(s, 6, &a->item);
}

/* A payment's columns and their values; ID the same with the id bound
 * last (an id a push drew ahead: st_push_id_take) */
#define PAY_INSERT(id, q)                                                      \
	"INSERT INTO payments (uuid, payment_no, "                             \
	"txn_no, receipt_no, consumer_id, type, channel, method, "             \
	"method_kind, amount, tendered, change_given, due_total, overpaid, "   \
	"paid_on, created_at, notes, user_id, received_by, terminal, "         \
	"branch, status, verified, verified_at, verified_by, "                 \
	"balance_after, reference, alloc_rule" id ") "                         \
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "          \
	"nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" q ")"

int
store_payment_insert(struct store *st, struct payment *p, struct pd_err *err)
{
	/* on PostgreSQL a push's payment takes an id drawn ahead, so that
	 * its insert need not wait for its answer (store_push_ids) */
	int64_t id = 0;
	int ahead = st_push_id_take(st, 0, &id);
	struct db_stmt *s = st_stmt(
	    st, ahead ? PAY_INSERT(", id", ", ?") : PAY_INSERT("", ""), err);

	if (s == NULL)
		return -1;
	/* (with its id drawn ahead none reads its answer: one statement
	 * for the push's payments on PostgreSQL, db_pg_batch.c) */
	if (ahead)
		db_batchable(s, NULL);
	if (p->uuid[0] == '\0')
		os_uuid_new(p->uuid);
	st_bind(s,
	    ahead ? "ssssissssiiiiisssissssdssissi"
	          : "ssssissssiiiiisssissssdssiss",
	    p->uuid, p->payment_no, p->txn_no, p->receipt_no, p->consumer_id,
	    pay_type_name(p->type), p->channel, p->method,
	    method_kind_name(p->method_kind), p->amount, p->tendered, p->change,
	    p->due_total, p->overpaid, p->paid_on, p->created_at, p->notes,
	    p->user_id, p->received_by, p->terminal, p->branch,
	    pay_status_name(p->status), p->verified, p->verified_at,
	    p->verified_by, p->balance_after, p->reference,
	    p->alloc_rule[0] ? p->alloc_rule : "oldest", id);
	if (st_done(st, s, err) != 0)
		return -1;
	p->id = ahead ? id : db_last_insert_rowid(st->db);
	if (p->shift_uuid[0] != '\0') {
		/* its shift (issue 20), batched with it on a push */
		s = st_stmt(st,
		    "INSERT INTO payment_shifts (payment_id, shift_uuid) "
		    "VALUES (?, ?)",
		    err);
		if (s == NULL)
			return -1;
		if (ahead)
			db_batchable(s, NULL);
		st_bind(s, "is", p->id, p->shift_uuid);
		if (st_done(st, s, err) != 0)
			return -1;
	}
	if (p->team[0] != '\0') {
		/* the team it was taken for (issue 23), batched likewise */
		s = st_stmt(st,
		    "INSERT INTO payment_teams (payment_id, team) VALUES (?, "
		    "?)",
		    err);
		if (s == NULL)
			return -1;
		if (ahead)
			db_batchable(s, NULL);
		st_bind(s, "is", p->id, p->team);
		if (st_done(st, s, err) != 0)
			return -1;
	}
	st_pay_count_insert(st, p->id, p->terminal, p->paid_on);
	st_push_numbers_taken(st,
	    (const char *const[3]){p->payment_no, p->txn_no, p->receipt_no});
	return 0;
}

int
store_payment_shift(struct store *st, struct payment *p, struct pd_err *err)
{
	/* and the team it was taken for (issue 23) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT (SELECT shift_uuid FROM payment_shifts WHERE payment_id = "
	    "?), (SELECT team FROM payment_teams WHERE payment_id = ?)",
	    err);
	int rc;

	p->shift_uuid[0] = '\0';
	p->team[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "ii", p->id, p->id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		st_col(s, 0, p->shift_uuid, sizeof p->shift_uuid);
		st_col(s, 1, p->team, sizeof p->team);
	}
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading a payment"));
}

static int
payment_one(struct store *st, struct db_stmt *s, struct payment *p,
    const char *what, struct pd_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		read_payment(s, p);
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No payment with payment "
		      "id, receipt number or transaction id \"%s\""),
		    what);
	return st_fail(st, err, _("Reading a payment"));
}

int
store_payment_find(
    struct store *st, const char *number, struct payment *p, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " PAYMENT_COLS " FROM " PAYMENT_FROM
	    " WHERE p.receipt_no = ?1 OR p.payment_no = ?1 OR "
	    "p.txn_no = ?1",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", number);
	return payment_one(st, s, p, number, err);
}


/* The payments whose receipt, payment id or transaction id end with
 * text (tail) or hold it anywhere, up to LOOKUP_NAMED + 1: the first in
 * *p, their receipt numbers ", "-joined in names. Returns how many, or
 * -1 on a store error. LIKE ignores ASCII case; a scan, but only for
 * what named no payment exactly. */
static int
payments_holding(struct store *st, const char *text, int tail,
    struct payment *p, char *names, size_t n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " PAYMENT_COLS " FROM " PAYMENT_FROM
	    " WHERE p.receipt_no LIKE ?1 ESCAPE '\\' OR p.payment_no LIKE ?1 "
	    "ESCAPE '\\' OR p.txn_no LIKE ?1 ESCAPE '\\' ORDER BY "
	    "p.receipt_no LIMIT ?2",
	    err);
	struct payment other;

	if (s == NULL)
		return -1;
	return st_holding(st, s, text, tail, read_payment_row, p, &other,
	    offsetof(struct payment, receipt_no), names, n,
	    _("Reading a payment"), err);
}

/* The lookup of text (white space already taken out): exactly, then
 * the unambiguous end of a number, then the one number holding it. */
static int
payment_lookup(
    struct store *st, const char *text, struct payment *p, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " PAYMENT_COLS " FROM " PAYMENT_FROM
	    " WHERE p.receipt_no = ?1 OR p.payment_no = ?1 OR p.txn_no = ?1 "
	    "OR p.receipt_no = ?2 OR p.payment_no = ?2 OR p.txn_no = ?2",
	    err);
	char up[132], names[LOOKUP_NAMED * 40];
	int n;

	if (s == NULL)
		return -1;
	search_upper(text, up, sizeof up);
	st_bind(s, "ss", text, up);
	if (db_step(s) == DB_ROW) {
		read_payment(s, p);
		db_reset(s);
		return 0;
	}
	db_reset(s);
	if (*text == '\0')
		return payment_one(st, s, p, text, err);
	if ((n = payments_holding(st, text, 1, p, names, sizeof names, err)) <
	    0)
		return -1;
	if (n == 1)
		return 0;
	if (n > 1)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is the end of more than one payment's number "
		      "(%s): type more of it"),
		    text, names);
	/* a part inside a number: "92" in R-T01-000923 */
	if ((n = payments_holding(st, text, 0, p, names, sizeof names, err)) <
	    0)
		return -1;
	if (n == 1)
		return 0;
	if (n > 1)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is ambiguous: it is part of more than one "
		      "payment's number (%s); type more of it, or the whole "
		      "number"),
		    text, names);
	return pd_fail(err, PD_ENOTFOUND,
	    _("No payment with payment id, receipt number or transaction id "
	      "\"%s\""),
	    text);
}

int
store_payment_lookup(
    struct store *st, const char *text, struct payment *p, struct pd_err *err)
{
	/* numbers hold no white space: what was pasted with some around
	 * or inside it (a line break of a PDF) is taken without it */
	char *t = search_squeeze(text);
	int rc = payment_lookup(st, t, p, err);

	free(t);
	return rc;
}

int
store_payment_by_id(
    struct store *st, int64_t id, struct payment *p, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " PAYMENT_COLS " FROM " PAYMENT_FROM " WHERE p.id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	return payment_one(st, s, p, "(by id)", err);
}

int
store_payment_set_status(struct store *st, int64_t id, enum pay_status status,
    int verified, const char *verified_at, const char *verified_by,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE payments SET status = ?, "
	    "verified = ?, verified_at = ?, verified_by = ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sdssi", pay_status_name(status), verified, verified_at,
	    verified_by, id);
	return st_done(st, s, err);
}

int
store_allocation_insert(
    struct store *st, struct allocation *a, struct pd_err *err)
{
	/* (an id drawn ahead, as a payment's) */
	int64_t id = 0;
	int ahead = st_push_id_take(st, 1, &id);
	struct db_stmt *s = st_stmt(st,
	    ahead ? "INSERT INTO allocations (payment_id, item_id, amount, "
	            "due_before, reverses, created_at, id) VALUES (?, ?, ?, ?, "
	            "nullif(?, 0), datetime('now', 'localtime'), ?)"
	          : "INSERT INTO allocations (payment_id, "
	            "item_id, amount, due_before, reverses, created_at) VALUES "
	            "(?, ?, ?, ?, nullif(?, 0), datetime('now', 'localtime'))",
	    err);

	if (s == NULL)
		return -1;
	if (ahead)
		db_batchable(s, NULL);
	st_bind(s, ahead ? "iiiiii" : "iiiii", a->payment_id, a->item_id,
	    a->amount, a->due_before, a->reverses, id);
	if (st_done(st, s, err) != 0)
		return -1;
	a->id = ahead ? id : db_last_insert_rowid(st->db);
	return 0;
}

struct allocation *
store_allocations_of(
    struct store *st, int64_t payment_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT a.id, a.payment_id, a.item_id, "
	    "a.amount, a.due_before, coalesce(a.reverses, 0), " ITEM_COLS
	    " FROM allocations a JOIN items i ON i.id = a.item_id LEFT JOIN "
	    "plans p ON p.id = i.plan_id WHERE a.payment_id = ? ORDER BY a.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", payment_id);
	return st_collect(st, s, sizeof(struct allocation), read_alloc, n,
	    "reading allocations", err);
}

int
store_void_insert(struct store *st, const char *uuid, int64_t payment_id,
    const char *reason, int64_t user_id, const char *voided_by, const char *at,
    const char *terminal, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO voids (uuid, payment_id, "
	    "reason, user_id, voided_by, voided_at, terminal) VALUES (?, ?, ?, "
	    "nullif(?, 0), ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sisisss", uuid, payment_id, reason, user_id, voided_by, at,
	    terminal);
	return st_done(st, s, err);
}

int
store_void_shift_add(struct store *st, int64_t payment_id, const char *uuid,
    const char *shift_uuid, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO void_shifts (void_id, void_uuid, shift_uuid) SELECT "
	    "id, uuid, ?3 FROM voids WHERE payment_id = ?1 AND uuid = ?2",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "iss", payment_id, uuid, shift_uuid);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 1)
		return pd_fail(err, PD_ESTORE, "Payment %lld has no void %s",
		    (long long)payment_id, uuid);
	return 0;
}

int
store_void_again(struct store *st, const char *uuid, int64_t payment_id,
    const char *reason, int64_t user_id, const char *voided_by, const char *at,
    const char *terminal, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE voids SET uuid = ?, reason = ?, user_id = nullif(?, 0), "
	    "voided_by = ?, voided_at = ?, terminal = ? WHERE payment_id = ? "
	    "AND uuid IN (SELECT uuid FROM sync_undone)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssisssi", uuid, reason, user_id, voided_by, at, terminal,
	    payment_id);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 1)
		return pd_fail(err, PD_ESTORE,
		    "Payment %lld has a void that was not undone",
		    (long long)payment_id);
	return 0;
}

/* A search with nothing else but a date range. */
static int
search_only(const struct payment_filter *f)
{
	return f->search != NULL && *f->search != '\0' && f->method == NULL &&
	       f->status < 0 && f->type < 0 && f->channel == NULL &&
	       f->terminal == NULL && f->recorded_by == NULL &&
	       f->consumer_id == 0;
}

/* The date range, the page's key, its order and its size: the tail of
 * each source of search_page. */
void
psearch_page_tail(struct qb *q, const struct payment_filter *f)
{
	const char *dir = f->asc ? " ASC" : " DESC";
	char sql[96];

	if (f->from != NULL)
		qb_add(q, " AND paid_on >= ?", "s", f->from);
	if (f->to != NULL)
		qb_add(q, " AND paid_on <= ?", "s", f->to);
	if (f->after != NULL && f->after->set)
		qb_add(q,
		    f->asc ? " AND (paid_on, id) > (?, ?)"
		           : " AND (paid_on, id) < (?, ?)",
		    "si", f->after->text, f->after->id);
	snprintf(sql, sizeof sql, " ORDER BY paid_on%s, id%s", dir, dir);
	qb_add(q, sql, "");
	if (f->limit > 0)
		qb_add(q, " LIMIT ?", "i", (int64_t)f->limit);
}

/* The ids of a page of a search in date order, from the covering
 * indexes (consumer, date) and the receipt numbers: each source's own
 * page first (a sort that keeps a page of rows, not a set of every
 * match), then the page of the two (issue 24: the union of every match
 * was two thirds of a name search's page). */
void
psearch_sources(struct store *st, struct qb *q, const char *text,
    const struct payment_filter *f)
{
	qb_add(q,
	    "SELECT * FROM (SELECT id, paid_on FROM payments WHERE "
	    "consumer_id IN (",
	    "");
	psearch_consumers(st, q, text);
	qb_add(q, ")", "");
	psearch_page_tail(q, f);
	qb_add(q,
	    ") UNION SELECT * FROM (SELECT id, paid_on FROM payments WHERE id "
	    "IN (",
	    "");
	psearch_doc_ids(st, q, text);
	qb_add(q, ")", "");
	psearch_page_tail(q, f);
	qb_add(q, ")", "");
}

static void
search_page(struct store *st, struct qb *q, const struct payment_filter *f)
{
	/* store_search_dense read that one of the two sources has none: the
	 * page of the other, with no union to prepare and run */
	int named = psearch_named(st, f->search);
	int no_docs = named && st->named_docs != NULL &&
	              strcmp(st->named_docs, NAMED_NONE) == 0;
	int no_people = named && st->named_ids != NULL &&
	                strcmp(st->named_ids, NAMED_NONE) == 0;

	/* a slice of the search's order, read ten pages at a time (a next
	 * page read every payment of the consumers again to sort them for
	 * its 20: issue 24) */
	if (named && psearch_order_page(st, q, f))
		return;

	if (no_docs || no_people) {
		qb_add(q,
		    no_docs ? " AND p.id IN (SELECT id FROM payments WHERE "
		              "consumer_id IN ("
		            : " AND p.id IN (SELECT id FROM payments WHERE id IN (",
		    "");
		if (no_docs)
			psearch_consumers(st, q, f->search);
		else
			psearch_doc_ids(st, q, f->search);
		qb_add(q, ")", "");
		psearch_page_tail(q, f);
		qb_add(q, ")", "");
		return;
	}
	qb_add(q, " AND p.id IN (SELECT id FROM (", "");
	psearch_sources(st, q, f->search, f);
	qb_add(q, ") WHERE 1", "");
	psearch_page_tail(q, f);
	qb_add(q, ")", "");
}

void
store_payment_where(
    struct store *st, struct qb *q, const struct payment_filter *f, int dense)
{
	if (f->from != NULL)
		qb_add(q, " AND p.paid_on >= ?", "s", f->from);
	if (f->to != NULL)
		qb_add(q, " AND p.paid_on <= ?", "s", f->to);
	if (f->method != NULL)
		qb_add(q, " AND p.method = ?", "s", f->method);
	if (f->status >= 0)
		qb_add(q, " AND p.status = ?", "s",
		    pay_status_name((enum pay_status)f->status));
	if (f->type >= 0)
		qb_add(q, " AND p.type = ?", "s",
		    pay_type_name((enum pay_type)f->type));
	if (f->channel != NULL)
		qb_add(q, " AND p.channel = ?", "s", f->channel);
	if (f->terminal != NULL)
		qb_add(q, " AND p.terminal = ?", "s", f->terminal);
	if (f->branch != NULL)
		/* a branch's alone: the organisation's own that no branch
		 * took (the central node's gateway payments, branch "")
		 * count in the organisation's figures only (review R23,
		 * fault 2: else in every branch's, and the branches added
		 * up to more than the organisation). '+': a filter, not
		 * the index to read by: a counter's store, which has no
		 * statistics, took payments_branch (PostgreSQL, which keeps
		 * its own, has no '+' for text; nor a caller that
		 * gives no store, its terms in a day's bounds) for a supervisor's
		 * list (every payment of the branch read and sorted for a
		 * page: 132 ms for the first at 10M, 16 s sorted by
		 * amount); the order's index or the dates' range reads
		 * just the page */
		qb_add(q,
		    st == NULL || db_is_pg(st->db) ? " AND p.branch = ?"
		                                   : " AND +p.branch = ?",
		    "s", f->branch);
	if (f->recorded_by != NULL)
		qb_add(q,
		    " AND p.user_id = (SELECT id FROM users WHERE "
		    "username = ?)",
		    "s", f->recorded_by);
	if (f->team != NULL)
		qb_add(q, " AND " PAY_TEAM_IS("p.id"), "s", f->team);
	if (f->consumer_id > 0)
		qb_add(q, " AND p.consumer_id = ?", "i", f->consumer_id);
	if (f->segment != NULL)
		qb_add(q,
		    " AND p.consumer_id IN (SELECT id FROM consumers WHERE "
		    "segment = ? COLLATE NOCASE)",
		    "s", f->segment);
	if (f->gateway != NULL)
		qb_add(q,
		    " AND p.uuid IN (SELECT payment_uuid FROM gw_payments "
		    "WHERE gateway = ? COLLATE NOCASE)",
		    "s", f->gateway);
	if (f->search == NULL || *f->search == '\0')
		return;
	if (!dense) {
		/* few matches: read just those, then order them */
		qb_add(q, " AND p.id IN (", "");
		psearch_ids(st, q, f->search);
		qb_add(q, ")", "");
	} else {
		/* many: walk the order, testing each row ('+' keeps these
		 * terms from choosing the index) */
		qb_add(q, " AND (+p.consumer_id IN (", "");
		psearch_consumers(st, q, f->search);
		qb_add(q, ") OR ", "");
		psearch_docs(st, q, f->search);
		qb_add(q, ")", "");
	}
}

/* The column each enum pay_sort orders by, then the date for the
 * columns of few values (their indexes end in paid_on), then the id:
 * every order is a walk of an index but the consumer's name. */
static const struct {
	const char *expr;
	int numeric, with_day;
} sort_cols[PAY_SORTS] = {
    [PAY_BY_DATE] = {"p.paid_on", 0, 0},
    [PAY_BY_RECEIPT] = {"p.receipt_no", 0, 0},
    [PAY_BY_CONSUMER] = {"c.name COLLATE NOCASE", 0, 0},
    [PAY_BY_AMOUNT] = {"p.amount", 1, 0},
    [PAY_BY_METHOD] = {"p.method", 0, 1},
    [PAY_BY_TYPE] = {"p.type", 0, 1},
    [PAY_BY_STATUS] = {"p.status", 0, 1},
};

void
store_payment_key(
    const struct payment_row *r, enum pay_sort sort, struct page_key *k)
{
	const char *t = r->p.paid_on;

	memset(k, 0, sizeof *k);
	k->set = 1;
	k->id = r->p.id;
	k->num = r->p.amount;
	xstrlcpy(k->day, r->p.paid_on, sizeof k->day);
	switch (sort) {
	case PAY_BY_RECEIPT:
		t = r->p.receipt_no;
		break;
	case PAY_BY_CONSUMER:
		t = r->consumer_name;
		break;
	case PAY_BY_METHOD:
		t = r->p.method;
		break;
	case PAY_BY_TYPE:
		t = pay_type_name(r->p.type);
		break;
	case PAY_BY_STATUS:
		t = pay_status_name(r->p.status);
		break;
	default:
		break;
	}
	xstrlcpy(k->text, t, sizeof k->text);
}

int
store_payments_count(struct store *st, const struct payment_filter *f,
    int64_t *n, struct pd_err *err)
{
	struct qb q;

	qb_init(&q, "SELECT count(*) FROM (SELECT 1 FROM payments p WHERE 1");
	store_payment_where(st, &q, f, 0);
	if (f->limit > 0)
		qb_add(&q, " LIMIT ?", "i", (int64_t)f->limit);
	qb_add(&q, ")", "");
	return qb_count(st, &q, n, "Counting payments", err);
}

int
store_payments_each(struct store *st, const struct payment_filter *f,
    payment_cb cb, void *arg, struct pd_err *err)
{
	struct qb q;
	struct db_stmt *s;
	struct payment_row *row = xmalloc(sizeof *row);
	unsigned by = (unsigned)f->sort < PAY_SORTS ? f->sort : PAY_BY_DATE;
	const char *dir = f->asc ? " ASC" : " DESC";
	char sql[160];
	int rc, dense, kept;

	/* the payments in their order first, then each one's consumer */
	qb_init(&q,
	    "SELECT " PAYMENT_COLS ", c.name, c.account_no FROM " PAYMENT_FROM
	    " CROSS JOIN consumers c ON c.id = p.consumer_id WHERE 1");
	dense = store_search_dense(st, f->search, f->limit);
	if (!dense && by == PAY_BY_DATE && search_only(f)) {
		/* a few matches in date order: order their ids and dates
		 * straight from the indexes, then read only the page */
		struct payment_filter g = *f;

		g.search = NULL;
		store_payment_where(st, &q, &g, 0);
		search_page(st, &q, f);
	} else
		store_payment_where(st, &q, f, dense);
	if (f->after != NULL && f->after->set) {
		const char *cmp = f->asc ? ">" : "<";

		if (sort_cols[by].numeric) {
			snprintf(sql, sizeof sql, " AND (%s, p.id) %s (?, ?)",
			    sort_cols[by].expr, cmp);
			qb_add(&q, sql, "ii", f->after->num, f->after->id);
		} else if (sort_cols[by].with_day) {
			snprintf(sql, sizeof sql,
			    " AND (%s, p.paid_on, p.id) %s (?, ?, ?)",
			    sort_cols[by].expr, cmp);
			qb_add(&q, sql, "ssi", f->after->text, f->after->day,
			    f->after->id);
		} else {
			snprintf(sql, sizeof sql, " AND (%s, p.id) %s (?, ?)",
			    sort_cols[by].expr, cmp);
			qb_add(&q, sql, "si", f->after->text, f->after->id);
		}
	}
	if (sort_cols[by].with_day)
		snprintf(sql, sizeof sql, " ORDER BY %s%s, p.paid_on%s, p.id%s",
		    sort_cols[by].expr, dir, dir, dir);
	else
		snprintf(sql, sizeof sql, " ORDER BY %s%s, p.id%s",
		    sort_cols[by].expr, dir, dir);
	qb_add(&q, sql, "");
	if (f->limit > 0)
		qb_add(&q, " LIMIT ?", "i", (int64_t)f->limit);
	/* the ids read stay for the count of this listing (the count after
	 * a page, svc_payments_count), used while the data is unchanged
	 * (psearch_named); PostgreSQL has no change counter to tell */
	if (db_is_pg(st->db))
		store_search_forget(st);
	kept = !st->in_list;
	if (kept && st->list_stmt != NULL && strcmp(st->list_sql, q.sql) == 0) {
		/* the same query as the last page's: prepared once */
		s = st->list_stmt;
		db_clear_bindings(s);
		qb_bind(&q, s);
	} else {
		s = qb_prepare(st, &q, err);
		if (s != NULL && kept) {
			if (st->list_stmt != NULL)
				db_finalize(st->list_stmt);
			free(st->list_sql);
			st->list_stmt = s;
			st->list_sql = xstrdup(q.sql);
		}
	}
	qb_free(&q);
	if (s == NULL) {
		free(row);
		return -1;
	}
	st->in_list += kept;
	while ((rc = db_step(s)) == DB_ROW) {
		read_payment(s, &row->p);
		st_col(s, PAYMENT_NCOLS, row->consumer_name,
		    sizeof row->consumer_name);
		st_col(s, PAYMENT_NCOLS + 1, row->account_no,
		    sizeof row->account_no);
		if (cb(row, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	free(row);
	st->in_list -= kept;
	if (rc != DB_DONE) {
		st_fail(st, err, _("Listing payments"));
		if (kept) {
			st->list_stmt = NULL;
			free(st->list_sql);
			st->list_sql = NULL;
		}
		db_finalize(s);
		return -1;
	}
	/* reset: a kept statement holds no read transaction open */
	if (kept)
		db_reset(s);
	else
		db_finalize(s);
	return 0;
}
