/* deposit_cheques.c - the cheques a deposit takes, each by number (issue
 * 20: "the cheques (listed by number and amount)" at the blind close are
 * deposited one, several or all of a shift's at a time): the cheques a
 * close counted, found by number or by shift, each with the deposit that
 * is not void holding it; a deposit's cheques. The table and what it
 * keeps: schema_m54.c (store_mig_65); the rules: service/deposit_cheque.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* The payments of shift s (SHIFT_TIMES): the shift's cashier's at its
 * terminal that name it as theirs (payment_shifts, as the payments'
 * records carry it: issue 20, a close and the next opening of one
 * second both held a payment of that second, and the earlier shift took
 * it), or, naming none (taken before payments named one), between its
 * opening and its close (times every node holds, as the payments' and
 * voids' records carry them).
 * A void v of a payment of shift s made after its close (VOID_AFTER): one
 * that names a shift other than s (void_shifts, as the voids' records
 * carry it: the shift open at the drawer of its terminal when it was
 * made; issue 20, a void made before the close in the second of the close
 * counted as after it), which s's close did not take out of its
 * tenders (store_shift_taken: the voids made at its drawer while it was
 * open); or, naming none (made before voids named one, or with no
 * shift open), made at or after s's close.
 * The payments of cheque c of shift s voided after its close (the cheque
 * given back to its payer, review R20 fault 6): of c's method, number
 * (any case) and amount, by a void that stands. As many cheques alike
 * not in a deposit are given back: not to deposit. A payment taken with
 * no number gives back a listed cheque of another number by the close's
 * rule, which the service applies (deposit_cheque.c, issue 20). */
#define SHIFT_TIMES                                                            \
	"p.paid_on BETWEEN substr(s.opened_at, 1, 10) AND "                    \
	"substr(s.closed_at, 1, 10) AND coalesce((SELECT k.shift_uuid = "      \
	"s.uuid FROM payment_shifts k WHERE k.payment_id = p.id), "            \
	"p.created_at BETWEEN s.opened_at AND s.closed_at) AND p.terminal = "  \
	"s.terminal AND p.user_id = s.user_id"
#define VOID_AFTER                                                             \
	"coalesce((SELECT k.shift_uuid <> s.uuid FROM void_shifts k WHERE "    \
	"k.void_uuid = v.uuid), v.voided_at >= s.closed_at)"
#define VOIDED                                                                 \
	"(SELECT count(*) FROM payments p JOIN voids v ON v.payment_id = "     \
	"p.id WHERE p.method = c.method AND " SHIFT_TIMES " AND "              \
	"p.reference = c.ref COLLATE NOCASE AND p.amount = c.amount "          \
	"AND " VOID_AFTER " AND v.uuid NOT IN (SELECT uuid FROM sync_undone))"

/* The cheques counted at the closes (c, of closed shifts s) where WHERE
 * says, and the live deposit holding each. Two of a shift's cheques of one
 * method, number (in any case) and amount are told apart by the order the
 * close counted them: the first such cheque a live deposit took (by
 * deposit_cheques' id) is the first counted, and so on (review R20, fault
 * 4). WHERE takes every cheque of a number or of a shift, so that each
 * cheque's rank is among all of its like. */
#define CHQ_SELECT(where)                                                      \
	"WITH c AS (SELECT c.id, c.shift_id, c.method, c.ref, c.amount, "      \
	"row_number() OVER (PARTITION BY c.shift_id, c.method, lower(c.ref), " \
	"c.amount ORDER BY c.id) AS rk FROM shift_counts c JOIN shifts s ON "  \
	"s.id = c.shift_id WHERE c.kind = 'cheque' AND c.phase = 'close' AND " \
	"s.status = 'closed' AND " where "), h AS (SELECT q.id, q.shift_id, "  \
	"q.method, lower(q.number) AS num, q.amount, d.slip_no, "              \
	"d.deposited_on, row_number() OVER (PARTITION BY q.shift_id, "         \
	"q.method, lower(q.number), q.amount ORDER BY q.id) AS rk FROM "       \
	"deposit_cheques q JOIN deposits d ON d.id = q.deposit_id WHERE "      \
	"d.voided_at = '' AND q.shift_id IN (SELECT shift_id FROM c)) "        \
	"SELECT s.uuid, coalesce(s.z_no, ''), s.cashier, s.closed_at, "        \
	"s.terminal, c.method, c.ref, c.amount, coalesce(h.slip_no, ''), "     \
	"coalesce(h.deposited_on, ''), s.id, c.id, CASE WHEN h.slip_no IS "    \
	"NULL AND c.rk <= (SELECT count(*) FROM h k WHERE k.shift_id = "       \
	"c.shift_id AND k.method = c.method AND k.num = lower(c.ref) AND "     \
	"k.amount = c.amount) + " VOIDED " THEN 1 ELSE 0 END, "                \
	"coalesce(h.id, 0) FROM c JOIN "                                       \
	"shifts s ON s.id = c.shift_id LEFT JOIN h ON h.shift_id = "           \
	"c.shift_id AND h.method = c.method AND h.num = lower(c.ref) AND "     \
	"h.amount = c.amount AND h.rk = c.rk"

static void
read_cheque(struct db_stmt *q, void *elem)
{
	struct deposit_cheque *c = elem;

	memset(c, 0, sizeof *c);
	st_col(q, 0, c->shift_uuid, sizeof c->shift_uuid);
	st_col(q, 1, c->z_no, sizeof c->z_no);
	st_col(q, 2, c->cashier, sizeof c->cashier);
	st_col(q, 3, c->closed_at, sizeof c->closed_at);
	st_col(q, 4, c->terminal, sizeof c->terminal);
	st_col(q, 5, c->method, sizeof c->method);
	st_col(q, 6, c->number, sizeof c->number);
	c->amount = db_column_int64(q, 7);
	st_col(q, 8, c->in_slip, sizeof c->in_slip);
	st_col(q, 9, c->in_on, sizeof c->in_on);
	c->shift_id = db_column_int64(q, 10);
	c->count_id = db_column_int64(q, 11);
	c->released = (int)db_column_int64(q, 12);
	c->dep_cheque_id = db_column_int64(q, 13);
}

struct deposit_cheque *
store_cheques_numbered(
    struct store *st, const char *number, size_t *n, struct pd_err *err)
{
	/* by the partial index of the cheques counted in any case
	 * (shift_counts_cheque_nocase) */
	struct db_stmt *s = st_stmt(st,
	    CHQ_SELECT("c.ref = ?1 COLLATE NOCASE") " ORDER BY s.id, c.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "s", number);
	return st_collect(st, s, sizeof(struct deposit_cheque), read_cheque, n,
	    _("Reading the cheques counted"), err);
}

struct deposit_cheque *
store_cheques_of_shift(struct store *st, int64_t shift_id, const char *method,
    size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    CHQ_SELECT("c.shift_id = ?1 AND (?2 = '' OR c.method = ?2)")
	        " ORDER BY c.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "is", shift_id, method != NULL ? method : "");
	return st_collect(st, s, sizeof(struct deposit_cheque), read_cheque, n,
	    _("Reading the cheques counted"), err);
}

static void
read_uuid(struct db_stmt *q, void *elem)
{
	st_col(q, 0, elem, 37);
}

int
store_cheque_open_shift(struct store *st, const char *terminal,
    const char *number, char *uuid, struct pd_err *err)
{
	/* the open shifts' payments only: ids after each one's opening */
	struct db_stmt *s = st_stmt(st,
	    "SELECT s.uuid FROM shifts s JOIN payments p ON p.id > s.pay_after "
	    "AND p.terminal = s.terminal AND p.user_id = s.user_id WHERE "
	    "s.status = 'open' AND s.terminal = ? AND p.reference = ? COLLATE "
	    "NOCASE AND p.method_kind = 'bank' AND p.status NOT IN ('Failed', "
	    "'Cancelled') ORDER BY s.id LIMIT 1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", terminal, number);
	rc = st_one(st, s, read_uuid, uuid, _("Reading a shift"), err);
	return rc < 0 ? -1 : rc == 0;
}

int
store_deposit_cheque_insert(struct store *st, int64_t deposit_id,
    int64_t shift_id, const char *method, const char *number, int64_t amount,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO deposit_cheques (deposit_id, shift_id, method, "
	    "number, amount) VALUES (?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "iissi", deposit_id, shift_id, method, number, amount);
	return st_done(st, s, err);
}

struct deposit_cheque *
store_deposit_cheques(
    struct store *st, int64_t deposit_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT s.uuid, coalesce(s.z_no, ''), s.cashier, s.closed_at, "
	    "s.terminal, q.method, q.number, q.amount, d.slip_no, "
	    "d.deposited_on, s.id, 0, 0, q.id FROM deposit_cheques q JOIN "
	    "shifts s ON "
	    "s.id "
	    "= q.shift_id JOIN deposits d ON d.id = q.deposit_id WHERE "
	    "q.deposit_id = ? ORDER BY q.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", deposit_id);
	return st_collect(st, s, sizeof(struct deposit_cheque), read_cheque, n,
	    _("Reading a deposit's cheques"), err);
}

static void
read_fate(struct db_stmt *q, void *elem)
{
	struct shift_cheque_fate *f = elem;

	memset(f, 0, sizeof *f);
	st_col(q, 0, f->ref, sizeof f->ref);
	f->amount = db_column_int64(q, 1);
	f->taken = db_column_int64(q, 2);
	f->voided = db_column_int64(q, 3);
}

struct shift_cheque_fate *
store_shift_cheque_fates(struct store *st, int64_t shift_id, const char *method,
    size_t *n, struct pd_err *err)
{
	/* taken: not voided before the close (by a void that stands);
	 * voided: of those, voided after it. In store_shift_cheques' order,
	 * as the close read them. */
	struct db_stmt *s = st_stmt(st,
	    "SELECT min(p.reference), p.amount, sum(CASE WHEN v.id IS NULL "
	    "OR " VOID_AFTER " THEN 1 ELSE 0 END), sum(CASE WHEN v.id IS NOT "
	    "NULL AND " VOID_AFTER " THEN 1 ELSE 0 END) FROM shifts s JOIN "
	    "payments p ON p.method = ?2 AND " SHIFT_TIMES " LEFT JOIN voids v "
	    "ON v.payment_id = p.id AND v.uuid NOT IN (SELECT uuid FROM "
	    "sync_undone) WHERE s.id = ?1 AND s.status = 'closed' AND "
	    "p.status NOT IN ('Failed', 'Cancelled') GROUP BY "
	    "lower(p.reference), p.amount ORDER BY lower(min(p.reference)), "
	    "p.amount",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "is", shift_id, method);
	return st_collect(st, s, sizeof(struct shift_cheque_fate), read_fate, n,
	    _("Reading a shift's payments"), err);
}

static void
read_held_shift(struct db_stmt *q, void *elem)
{
	struct shift_method *v = elem;

	memset(v, 0, sizeof *v);
	v->shift_id = db_column_int64(q, 0);
	st_col(q, 1, v->method, sizeof v->method);
}

struct shift_method *
store_held_shifts(struct store *st, size_t *n, struct pd_err *err)
{
	/* the live deposits' cheques (few), each shift's payments of its
	 * method by day (payments_method) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT DISTINCT q.shift_id, q.method FROM deposit_cheques q JOIN "
	    "deposits d ON d.id = q.deposit_id AND d.voided_at = '' JOIN "
	    "shifts s ON s.id = q.shift_id WHERE EXISTS (SELECT 1 FROM "
	    "payments p JOIN voids v ON v.payment_id = p.id WHERE p.method = "
	    "q.method AND " SHIFT_TIMES " AND " VOID_AFTER " AND v.uuid NOT "
	    "IN (SELECT uuid FROM sync_undone)) ORDER BY "
	    "q.shift_id, q.method",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct shift_method), read_held_shift,
	    n, _("Reading the deposits' cheques"), err);
}

static void
read_cheque_void(struct db_stmt *q, void *elem)
{
	struct shift_cheque_void *v = elem;

	memset(v, 0, sizeof *v);
	v->payment_id = db_column_int64(q, 0);
	st_col(q, 1, v->ref, sizeof v->ref);
	v->amount = db_column_int64(q, 2);
}

struct shift_cheque_void *
store_shift_cheque_voids(struct store *st, int64_t shift_id, const char *method,
    size_t *n, struct pd_err *err)
{
	/* as store_shift_cheque_fates counts them voided */
	struct db_stmt *s = st_stmt(st,
	    "SELECT p.id, p.reference, p.amount FROM shifts s JOIN payments p "
	    "ON p.method = ?2 AND " SHIFT_TIMES " WHERE s.id = ?1 AND "
	    "s.status = 'closed' AND p.status NOT IN ('Failed', 'Cancelled') "
	    "AND EXISTS (SELECT 1 FROM voids v WHERE v.payment_id = p.id "
	    "AND " VOID_AFTER
	    " AND v.uuid NOT IN (SELECT uuid FROM sync_undone)) "
	    "ORDER BY p.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "is", shift_id, method);
	return st_collect(st, s, sizeof(struct shift_cheque_void),
	    read_cheque_void, n, _("Reading a shift's payments"), err);
}

int
store_payment_closed_shift(
    struct store *st, int64_t payment_id, int64_t *shift_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT s.id FROM payments p JOIN shifts s ON s.status = 'closed' "
	    "AND " SHIFT_TIMES " WHERE p.id = ? ORDER BY s.id LIMIT 1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", payment_id);
	rc = st_one(st, s, st_read_int64, shift_id, _("Reading a shift"), err);
	return rc < 0 ? -1 : rc == 0;
}

int
store_void_after_close(
    struct store *st, int64_t payment_id, int64_t shift_id, struct pd_err *err)
{
	/* its void that stands, as store_shift_cheque_fates reads it */
	struct db_stmt *s = st_stmt(st,
	    "SELECT CASE WHEN " VOID_AFTER " THEN 1 ELSE 0 END FROM voids v "
	    "JOIN shifts s ON s.id = ?2 "
	    "WHERE v.payment_id = ?1 AND s.status = 'closed' AND v.uuid NOT "
	    "IN (SELECT uuid FROM sync_undone)",
	    err);
	int64_t after = 0;
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ii", payment_id, shift_id);
	rc = st_one(st, s, st_read_int64, &after, _("Reading a void"), err);
	return rc < 0 ? -1 : after != 0;
}
