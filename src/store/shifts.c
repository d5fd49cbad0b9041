/* shifts.c - cash shifts, their counts, movements and tenders (issue 20;
 * schema.c has the tables and the rules they keep). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

#define SHIFT_COLS                                                             \
	"s.id, s.uuid, s.terminal, s.drawer, s.user_id, s.cashier, "           \
	"coalesce(u.full_name, ''), s.status, s.opened_at, s.closed_at, "      \
	"coalesce(s.z_no, ''), s.float_expected, s.float_counted, "            \
	"s.float_kept, s.closed_by, s.signed_off_by, coalesce((SELECT "        \
	"f.flagged FROM shift_flags f WHERE f.shift_id = s.id), -1), "         \
	"coalesce((SELECT sum(t.over_short) FROM shift_tenders t WHERE "       \
	"t.shift_id = s.id), 0), coalesce(x.reason, ''), "                     \
	"coalesce(x.terminal, ''), CASE WHEN EXISTS (SELECT 1 FROM shifts p "  \
	"WHERE p.drawer = s.drawer AND p.terminal = s.terminal AND p.id < "    \
	"s.id) THEN 0 ELSE 1 END"
#define SHIFT_FROM                                                             \
	"shifts s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN "            \
	"shift_forced x ON x.shift_id = s.id"

static void
read_shift(struct db_stmt *s, void *elem)
{
	struct shift *sh = elem;

	memset(sh, 0, sizeof *sh);
	sh->id = db_column_int64(s, 0);
	st_col(s, 1, sh->uuid, sizeof sh->uuid);
	st_col(s, 2, sh->terminal, sizeof sh->terminal);
	st_col(s, 3, sh->drawer, sizeof sh->drawer);
	sh->cashier_id = db_column_int64(s, 4);
	st_col(s, 5, sh->cashier, sizeof sh->cashier);
	st_col(s, 6, sh->cashier_name, sizeof sh->cashier_name);
	sh->status = strcmp((const char *)db_column_text(s, 7), "closed") == 0
	                 ? SHIFT_CLOSED
	                 : SHIFT_OPEN;
	st_col(s, 8, sh->opened_at, sizeof sh->opened_at);
	st_col(s, 9, sh->closed_at, sizeof sh->closed_at);
	st_col(s, 10, sh->z_no, sizeof sh->z_no);
	sh->float_expected = db_column_int64(s, 11);
	sh->float_counted = db_column_int64(s, 12);
	sh->float_kept = db_column_int64(s, 13);
	st_col(s, 14, sh->closed_by, sizeof sh->closed_by);
	st_col(s, 15, sh->signed_off_by, sizeof sh->signed_off_by);
	sh->flagged = (int)db_column_int64(s, 16);
	sh->over_short = db_column_int64(s, 17);
	st_col(s, 18, sh->forced_reason, sizeof sh->forced_reason);
	st_col(s, 19, sh->forced_on, sizeof sh->forced_on);
	sh->first = (int)db_column_int64(s, 20);
}

/* Step a statement of at most one shift: 1 with it in out, 0 without. */
static int
shift_one(
    struct store *st, struct db_stmt *s, struct shift *out, struct pd_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		read_shift(s, out);
	db_reset(s);
	if (rc == DB_ROW)
		return 1;
	if (rc == DB_DONE)
		return 0;
	return st_fail(st, err, _("Reading a shift"));
}

int
store_shift_insert(struct store *st, struct shift *sh, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO shifts (uuid, terminal, drawer, user_id, cashier, "
	    "status, opened_at, float_expected, float_counted, pay_after, "
	    "void_after) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, "
	    "(SELECT coalesce(max(id), 0) FROM payments), "
	    "(SELECT coalesce(max(id), 0) FROM voids))",
	    err);

	if (s == NULL)
		return -1;
	if (sh->uuid[0] == '\0')
		os_uuid_new(sh->uuid);
	st_bind(s, "sssissii", sh->uuid, sh->terminal, sh->drawer,
	    sh->cashier_id, sh->cashier, sh->opened_at, sh->float_expected,
	    sh->float_counted);
	if (st_done(st, s, err) != 0)
		return -1;
	sh->id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_shift_open_of(struct store *st, const char *terminal, int64_t user_id,
    struct shift *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " SHIFT_COLS " FROM " SHIFT_FROM " WHERE s.status = "
	    "'open' AND s.terminal = ? AND s.user_id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "si", terminal, user_id);
	return shift_one(st, s, out, err);
}

int
store_shift_open_elsewhere(struct store *st, const char *terminal,
    int64_t user_id, struct shift *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " SHIFT_COLS " FROM " SHIFT_FROM " WHERE s.status = "
	    "'open' AND s.terminal <> ? AND s.user_id = ? ORDER BY s.id DESC "
	    "LIMIT 1",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "si", terminal, user_id);
	return shift_one(st, s, out, err);
}

int
store_shift_drawer(struct store *st, const char *terminal, const char *drawer,
    int open, struct shift *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " SHIFT_COLS " FROM " SHIFT_FROM " WHERE s.terminal = ? "
	    "AND s.drawer = ? AND s.status = CASE ? WHEN 1 THEN 'open' ELSE "
	    "'closed' END ORDER BY s.id DESC LIMIT 1",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssd", terminal, drawer, open);
	return shift_one(st, s, out, err);
}

int
store_shift_find(
    struct store *st, const char *key, struct shift *out, struct pd_err *err)
{
	/* by its id (the unique index), then its Z number as written, then
	 * in any case (that one a scan, of a Z number typed by hand): one
	 * WHERE of the two with OR scanned every shift, the index of
	 * neither usable, and a central node checks the shift each pushed
	 * payment names by it (3.5 ms a payment at 20,000 shifts; 17 us) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT " SHIFT_COLS " FROM " SHIFT_FROM " WHERE s.id = coalesce("
	    "(SELECT id FROM shifts WHERE uuid = lower(?1)), (SELECT id FROM "
	    "shifts WHERE z_no = ?1), (SELECT id FROM shifts WHERE z_no = ?1 "
	    "COLLATE NOCASE))",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", key);
	rc = shift_one(st, s, out, err);
	if (rc == 0)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No shift with Z number or id \"%s\""), key);
	return rc < 0 ? -1 : 0;
}

int
store_terminal_branch(struct store *st, const char *terminal,
    int64_t cashier_id, char *out, size_t n, struct pd_err *err)
{
	/* the directory's, or one payment of the terminal by
	 * payments_terminal */
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce((SELECT nullif(branch, '') FROM "
	    "terminal_branches WHERE terminal = ?1), (SELECT branch FROM "
	    "payments WHERE terminal = ?1 AND branch <> '' LIMIT 1), (SELECT "
	    "nullif(branch, '') FROM users WHERE id = ?2), '')",
	    err);
	int rc;

	out[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "si", terminal, cashier_id);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, out, n);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading shifts"));
}

int
store_terminal_branch_note(struct store *st, const char *terminal,
    const char *branch, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO terminal_branches (terminal, branch) VALUES (?, ?) "
	    "ON CONFLICT (terminal) DO UPDATE SET branch = excluded.branch "
	    "WHERE branch IS NOT excluded.branch",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", terminal, branch);
	rc = db_step(s);
	db_reset(s);
	return rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Noting a terminal's branch"));
}

int
store_shift_close(struct store *st, const struct shift *sh, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE shifts SET status = 'closed', closed_at = ?, z_no = ?, "
	    "float_kept = ?, closed_by = ?, signed_off_by = ?, "
	    "pay_upto = (SELECT coalesce(max(id), 0) FROM payments), "
	    "void_upto = (SELECT coalesce(max(id), 0) FROM voids) "
	    "WHERE id = ? AND status = 'open'",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssissi", sh->closed_at, sh->z_no, sh->float_kept,
	    sh->closed_by, sh->signed_off_by, sh->id);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 1)
		return pd_fail(err, PD_ESHIFT,
		    _("The shift was closed meanwhile (by another session)"));
	/* closed by force (s72 fault d): where and why, kept with it */
	if (sh->forced_reason[0] != '\0') {
		s = st_stmt(st,
		    "INSERT INTO shift_forced (shift_id, terminal, reason) "
		    "VALUES (?, ?, ?)",
		    err);
		if (s == NULL)
			return -1;
		st_bind(s, "iss", sh->id, sh->forced_on, sh->forced_reason);
		if (st_done(st, s, err) != 0)
			return -1;
	}
	/* its flag as the close found it (review R20, fault 7); none from
	 * an older terminal's record (-1): read from its times */
	if (sh->flagged < 0)
		return 0;
	s = st_stmt(st,
	    "INSERT INTO shift_flags (shift_id, flagged) VALUES (?, ?)", err);
	if (s == NULL)
		return -1;
	st_bind(s, "ii", sh->id, (int64_t)(sh->flagged != 0));
	return st_done(st, s, err);
}

int
store_shift_count_insert(struct store *st, int64_t shift_id, const char *phase,
    const struct shift_count *c, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO shift_counts (shift_id, phase, method, kind, "
	    "denomination, qty, amount, ref) VALUES (?, ?, ?, ?, "
	    "nullif(?, 0), ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "isssiiis", shift_id, phase, c->method,
	    shift_count_kind_name(c->kind),
	    c->kind == SHIFT_COUNT_DENOM ? c->denomination : 0, c->qty,
	    c->amount, c->ref);
	return st_done(st, s, err);
}

static void
read_count(struct db_stmt *s, void *elem)
{
	struct shift_count *c = elem;
	const char *k = (const char *)db_column_text(s, 1);

	st_col(s, 0, c->method, sizeof c->method);
	c->kind = strcmp(k, "slip") == 0     ? SHIFT_COUNT_SLIP
	          : strcmp(k, "cheque") == 0 ? SHIFT_COUNT_CHEQUE
	          : strcmp(k, "total") == 0  ? SHIFT_COUNT_TOTAL
	                                     : SHIFT_COUNT_DENOM;
	c->denomination = db_column_int64(s, 2);
	c->qty = db_column_int64(s, 3);
	c->amount = db_column_int64(s, 4);
	st_col(s, 5, c->ref, sizeof c->ref);
}

struct shift_count *
store_shift_counts(struct store *st, int64_t shift_id, const char *phase,
    size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT method, kind, coalesce(denomination, 0), qty, amount, ref "
	    "FROM shift_counts WHERE shift_id = ? AND phase = ? ORDER BY id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "is", shift_id, phase);
	return st_collect(st, s, sizeof(struct shift_count), read_count, n,
	    _("Reading a shift's counts"), err);
}

int
store_shift_move_insert(struct store *st, int64_t shift_id, int64_t user_id,
    struct shift_movement *m, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO shift_movements (uuid, shift_id, kind, method, "
	    "amount, reason, approved_by, user_id, at) VALUES (?, ?, ?, ?, ?, "
	    "?, ?, nullif(?, 0), ?)",
	    err);

	if (s == NULL)
		return -1;
	if (m->uuid[0] == '\0')
		os_uuid_new(m->uuid);
	st_bind(s, "sississis", m->uuid, shift_id,
	    shift_move_kind_name(m->kind), m->method, m->amount, m->reason,
	    m->approved_by, user_id, m->at);
	if (st_done(st, s, err) != 0)
		return -1;
	m->id = db_last_insert_rowid(st->db);
	return 0;
}

static void
read_move(struct db_stmt *s, void *elem)
{
	struct shift_movement *m = elem;
	int k;

	m->id = db_column_int64(s, 0);
	st_col(s, 1, m->uuid, sizeof m->uuid);
	k = shift_move_kind_parse((const char *)db_column_text(s, 2));
	m->kind = k < 0 ? SHIFT_PAY_IN : (enum shift_move_kind)k;
	st_col(s, 3, m->method, sizeof m->method);
	m->amount = db_column_int64(s, 4);
	st_col(s, 5, m->reason, sizeof m->reason);
	st_col(s, 6, m->approved_by, sizeof m->approved_by);
	st_col(s, 7, m->at, sizeof m->at);
}

struct shift_movement *
store_shift_moves(
    struct store *st, int64_t shift_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, uuid, kind, method, amount, reason, approved_by, at "
	    "FROM shift_movements WHERE shift_id = ? ORDER BY id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", shift_id);
	return st_collect(st, s, sizeof(struct shift_movement), read_move, n,
	    _("Reading a shift's movements"), err);
}

int
store_shift_tender_insert(struct store *st, int64_t shift_id,
    const struct shift_tender *t, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO shift_tenders (shift_id, method, npayments, taken, "
	    "expected, counted, over_short, reason, approved_by) VALUES (?, ?, "
	    "?, ?, ?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "isiiiiiss", shift_id, t->method, t->npayments, t->taken,
	    t->expected, t->counted, t->over_short, t->reason, t->approved_by);
	if (st_done(st, s, err) != 0)
		return -1;
	/* a cheque method's cheques listed and taken that differ, kept with
	 * the close (store_mig_78) */
	if (t->unmatched[0] != '\0') {
		s = st_stmt(st,
		    "INSERT INTO shift_unmatched (shift_id, method, cheques) "
		    "VALUES (?, ?, ?)",
		    err);
		if (s == NULL)
			return -1;
		st_bind(s, "iss", shift_id, t->method, t->unmatched);
		if (st_done(st, s, err) != 0)
			return -1;
	}
	if (!t->recounted)
		return 0;
	/* counted again after its over or short was shown: the first
	 * count, kept with the close (store_mig_56) */
	s = st_stmt(st,
	    "INSERT INTO shift_first_counts (shift_id, method, counted) "
	    "VALUES (?, ?, ?)",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "isi", shift_id, t->method, t->first_counted);
	return st_done(st, s, err);
}

static void
read_tender(struct db_stmt *s, void *elem)
{
	struct shift_tender *t = elem;

	st_col(s, 0, t->method, sizeof t->method);
	t->npayments = db_column_int64(s, 1);
	t->taken = db_column_int64(s, 2);
	t->expected = db_column_int64(s, 3);
	t->counted = db_column_int64(s, 4);
	t->over_short = db_column_int64(s, 5);
	st_col(s, 6, t->reason, sizeof t->reason);
	st_col(s, 7, t->approved_by, sizeof t->approved_by);
	t->recounted = db_column_int(s, 8);
	t->first_counted = t->recounted ? db_column_int64(s, 9) : t->counted;
	st_col(s, 10, t->unmatched, sizeof t->unmatched);
}

struct shift_tender *
store_shift_tenders(
    struct store *st, int64_t shift_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT t.method, t.npayments, t.taken, t.expected, t.counted, "
	    "t.over_short, t.reason, t.approved_by, CASE WHEN f.id IS NULL "
	    "THEN 0 ELSE 1 END, "
	    "f.counted, coalesce(u.cheques, '') FROM shift_tenders t LEFT "
	    "JOIN shift_first_counts f ON f.shift_id = t.shift_id AND "
	    "f.method = t.method LEFT JOIN shift_unmatched u ON u.shift_id = "
	    "t.shift_id AND u.method = t.method WHERE t.shift_id = ? ORDER BY "
	    "t.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", shift_id);
	return st_collect(st, s, sizeof(struct shift_tender), read_tender, n,
	    _("Reading a shift's tenders"), err);
}

static void
read_taken(struct db_stmt *s, void *elem)
{
	struct shift_tender *t = elem;
	int k = method_kind_parse((const char *)db_column_text(s, 1));

	st_col(s, 0, t->method, sizeof t->method);
	t->kind = k < 0 ? METHOD_CASH : (enum method_kind)k;
	t->npayments = db_column_int64(s, 2);
	t->taken = db_column_int64(s, 3);
	t->nvoids = db_column_int64(s, 4);
	t->voided = db_column_int64(s, 5);
}

/* A shift's payments (p, of shift s, ?1) and its voids (v, of payments
 * p), as store_shift_taken says, for the queries that read them. A void
 * hands back from this drawer a cash payment's cash whatever shift took
 * it, any other tender only of a payment of this shift: a cheque or card
 * slip of a closed shift is in its bag, given back from the deposits
 * (review s50, helper-217: the next cashier's close was told to list a
 * cheque voided from an earlier shift, and Expected less its amount) */
#define SHIFT_PAYMENTS                                                         \
	" FROM shifts s JOIN payments p ON p.id > s.pay_after AND"             \
	" p.id <= coalesce(s.pay_upto, 9223372036854775807)"                   \
	" WHERE s.id = ?1 AND p.terminal || '' = s.terminal AND"               \
	" +p.user_id = s.user_id AND p.status NOT IN ('Failed', 'Cancelled')"
#define SHIFT_VOIDS                                                            \
	" FROM shifts s JOIN voids v ON v.id > s.void_after AND"               \
	" v.id <= coalesce(s.void_upto, 9223372036854775807)"                  \
	" JOIN payments p ON p.id = v.payment_id"                              \
	" WHERE s.id = ?1 AND v.terminal = s.terminal AND v.uuid NOT IN"       \
	" (SELECT uuid FROM sync_undone) AND" SHIFT_VOID_OF
/* the payments p whose void at its terminal a shift s counts */
#define SHIFT_VOID_OF                                                          \
	" (p.method_kind = 'cash' OR"                                          \
	" (p.id > s.pay_after AND p.id <= coalesce(s.pay_upto,"                \
	" 9223372036854775807) AND p.terminal = s.terminal AND p.user_id ="    \
	" s.user_id))"

/* A shift's payments: the cashier's at its terminal between its ids; its
 * voids: the terminal's between its ids (a void of an earlier shift's
 * payment takes the cash out of this drawer), but one undone when the
 * central node refused it (dispute_undo.c): the payment stands, its cash
 * in the drawer (review 21, session 40). The payments are read by their
 * id range, the shift's few (+, || '': not by the cashier's or the
 * terminal's index, which hold every payment they ever took: 786 ms at 10M on a
 * store without statistics, as a counter's is). */
struct shift_tender *
store_shift_taken(
    struct store *st, int64_t shift_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT method, min(method_kind), sum(n), sum(amt), sum(nv),"
	    " sum(va) FROM ("
	    " SELECT p.method, p.method_kind, 1 AS n, p.amount AS amt,"
	    " 0 AS nv, 0 AS va"
	    SHIFT_PAYMENTS
	    " UNION ALL"
	    " SELECT p.method, p.method_kind, 0, -p.amount, 1, p.amount"
	    SHIFT_VOIDS ")"
	    " GROUP BY method ORDER BY method",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", shift_id);
	return st_collect(st, s, sizeof(struct shift_tender), read_taken, n,
	    _("Reading a shift's payments"), err);
}

struct shift_tender *
store_shift_taken_named(
    struct store *st, const char *uuid, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT method, min(method_kind), sum(n), sum(amt), sum(nv),"
	    " sum(va) FROM ("
	    " SELECT p.method, p.method_kind, 1 AS n, p.amount AS amt,"
	    " 0 AS nv, 0 AS va FROM payment_shifts x JOIN payments p ON"
	    " p.id = x.payment_id WHERE x.shift_uuid = ?1 AND p.status NOT IN"
	    " ('Failed', 'Cancelled')"
	    " UNION ALL"
	    " SELECT p.method, p.method_kind, 0, -p.amount, 1, p.amount"
	    " FROM void_shifts x JOIN voids v ON v.id = x.void_id JOIN"
	    " payments p ON p.id = v.payment_id WHERE x.shift_uuid = ?1 AND"
	    " v.uuid NOT IN (SELECT uuid FROM sync_undone))"
	    " GROUP BY method ORDER BY method",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "s", uuid);
	return st_collect(st, s, sizeof(struct shift_tender), read_taken, n,
	    _("Reading a shift's payments"), err);
}

int
store_shift_voids_take(struct store *st, int64_t shift_id, int64_t payment_id,
    int *takes, struct pd_err *err)
{
	/* as SHIFT_VOIDS reads a void of the payment made now */
	struct db_stmt *s = st_stmt(st,
	    "SELECT 1 FROM shifts s JOIN payments p ON p.id = ?2"
	    " WHERE s.id = ?1 AND" SHIFT_VOID_OF,
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ii", shift_id, payment_id);
	rc = db_step(s);
	db_reset(s);
	*takes = rc == DB_ROW;
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading a shift's payments"));
}

static void
read_cheque(struct db_stmt *s, void *elem)
{
	struct shift_cheque *c = elem;

	st_col(s, 0, c->ref, sizeof c->ref);
	c->amount = db_column_int64(s, 1);
	c->n = db_column_int64(s, 2);
}

struct shift_cheque *
store_shift_cheques(struct store *st, int64_t shift_id, const char *method,
    size_t *n, struct pd_err *err)
{
	/* the payments and voids as store_shift_taken reads them */
	struct db_stmt *s = st_stmt(st,
	    "SELECT min(ref), amount, sum(k) FROM ("
	    " SELECT p.reference AS ref, p.amount AS amount, 1 AS k"
	    SHIFT_PAYMENTS " AND p.method = ?2"
	    " UNION ALL"
	    " SELECT p.reference, p.amount, -1"
	    SHIFT_VOIDS " AND p.method = ?2)"
	    " GROUP BY lower(ref), amount HAVING sum(k) <> 0"
	    " ORDER BY lower(ref), amount",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "is", shift_id, method);
	return st_collect(st, s, sizeof(struct shift_cheque), read_cheque, n,
	    _("Reading a shift's payments"), err);
}

int
store_shift_each(struct store *st, const struct shift_query *f,
    int (*cb)(const struct shift *, void *), void *arg, struct pd_err *err)
{
	struct qb q;
	struct db_stmt *s;
	struct shift sh;
	int rc;

	qb_init(&q, "SELECT " SHIFT_COLS " FROM " SHIFT_FROM " WHERE 1");
	if (f->open_only)
		qb_add(&q, " AND s.status = 'open'", "");
	if (f->from != NULL)
		qb_add(&q, " AND s.opened_at >= ?", "s", f->from);
	if (f->to != NULL)
		qb_add(&q, " AND substr(s.opened_at, 1, 10) <= ?", "s", f->to);
	if (f->cashier != NULL)
		qb_add(&q, " AND s.cashier = ?", "s", f->cashier);
	if (f->terminal != NULL)
		qb_add(&q, " AND s.terminal = ?", "s", f->terminal);
	store_row_scope(&q, f->scope, "s.terminal", "s.user_id", 0);
	qb_add(&q, " ORDER BY s.id DESC", "");
	if (f->limit > 0)
		qb_add(&q, " LIMIT ?", "i", f->limit);
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		read_shift(s, &sh);
		if (cb(&sh, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading shifts"));
}

int
store_shift_open_sent(
    struct store *st, const char *uuid, int *found, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT 1 FROM outbox WHERE uuid = ? AND kind = 'shift_open'", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = db_step(s);
	db_reset(s);
	*found = rc == DB_ROW;
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading the outbox"));
}

int
store_shift_move_seen(
    struct store *st, const char *uuid, int *seen, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT 1 FROM shift_movements WHERE uuid = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = db_step(s);
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading a shift"));
	*seen = rc == DB_ROW;
	return 0;
}
