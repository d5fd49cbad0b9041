/* deposits.c - bank deposits of closed shifts, their lines, and the
 * statement credits matched to them (issue 20; schema.c has the tables
 * and the rules they keep; deposit.h the use cases). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

/* A deposit and its active match (if any). */
#define DEP_COLS                                                               \
	"d.id, d.uuid, d.slip_no, d.account, d.deposited_on, d.amount, "       \
	"d.created_at, d.created_by, d.terminal, d.voided_at, d.voided_by, "   \
	"d.void_reason, coalesce(m.line_id, 0), coalesce(l.statement_id, 0), " \
	"coalesce(l.seq, 0), coalesce(l.amount, 0), "                          \
	"coalesce(l.booking_date, ''), coalesce(m.rule, ''), "                 \
	"coalesce(m.note, '')"
#define DEP_FROM                                                               \
	" FROM deposits d LEFT JOIN statement_matches m ON m.deposit_id = "    \
	"d.id AND m.unmatched_at = '' LEFT JOIN bank_statement_lines l ON "   \
	"l.id = m.line_id"

static void
read_dep(struct db_stmt *q, void *elem)
{
	struct deposit *d = elem;

	memset(d, 0, sizeof *d);
	d->id = db_column_int64(q, 0);
	st_col(q, 1, d->uuid, sizeof d->uuid);
	st_col(q, 2, d->slip_no, sizeof d->slip_no);
	st_col(q, 3, d->account, sizeof d->account);
	st_col(q, 4, d->deposited_on, sizeof d->deposited_on);
	d->amount = db_column_int64(q, 5);
	st_col(q, 6, d->created_at, sizeof d->created_at);
	st_col(q, 7, d->created_by, sizeof d->created_by);
	st_col(q, 8, d->terminal, sizeof d->terminal);
	st_col(q, 9, d->voided_at, sizeof d->voided_at);
	st_col(q, 10, d->voided_by, sizeof d->voided_by);
	st_col(q, 11, d->void_reason, sizeof d->void_reason);
	d->line_id = db_column_int64(q, 12);
	d->line_stmt = db_column_int64(q, 13);
	d->line_seq = db_column_int(q, 14);
	d->credited = db_column_int64(q, 15);
	st_col(q, 16, d->credited_on, sizeof d->credited_on);
	st_col(q, 17, d->rule, sizeof d->rule);
	st_col(q, 18, d->match_note, sizeof d->match_note);
	/* stored words (deposit.h), translated where they are shown */
	d->status = d->voided_at[0] ? N_("void")
	            : d->line_id    ? N_("matched")
	                            : N_("handed");
}

int
store_deposit_insert(
    struct store *st, struct deposit *d, int64_t user_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO deposits (uuid, slip_no, account, deposited_on, "
	    "amount, created_at, user_id, created_by, terminal) VALUES (?, ?, "
	    "?, ?, ?, ?, nullif(?, 0), ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	if (d->uuid[0] == '\0')
		os_uuid_new(d->uuid);
	st_bind(s, "ssssisiss", d->uuid, d->slip_no, d->account,
	    d->deposited_on, d->amount, d->created_at, user_id, d->created_by,
	    d->terminal);
	if (st_done(st, s, err) != 0)
		return -1;
	d->id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_deposit_line_insert(struct store *st, int64_t deposit_id,
    int64_t shift_id, const char *method, int64_t amount, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO deposit_lines (deposit_id, shift_id, method, amount) "
	    "VALUES (?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "iisi", deposit_id, shift_id, method, amount);
	return st_done(st, s, err);
}

int
store_deposit_find(
    struct store *st, const char *key, struct deposit *out, struct pd_err *err)
{
	/* a slip reused after a void: the deposit that is not void; of
	 * two, the one whose slip is written as key is (another
	 * terminal's BAG-9 pulled beside this one's bag-9) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT " DEP_COLS DEP_FROM " WHERE d.uuid = lower(?1) OR "
	    "d.slip_no = ?1 COLLATE NOCASE ORDER BY d.voided_at = '' DESC, "
	    "d.slip_no = ?1 DESC, d.id DESC LIMIT 1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", key);
	rc = st_one(st, s, read_dep, out, _("Reading a deposit"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No deposit with slip number or id \"%s\""), key);
	return rc;
}

int
store_deposit_slip_used(struct store *st, const char *slip,
    struct deposit *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " DEP_COLS DEP_FROM
	    " WHERE d.slip_no = ? COLLATE NOCASE AND d.voided_at = ''",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", slip);
	rc = st_one(st, s, read_dep, out, _("Reading a deposit"), err);
	return rc < 0 ? -1 : rc == 0;
}

struct deposit *
store_deposit_list(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT " DEP_COLS DEP_FROM " ORDER BY d.id DESC", err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct deposit), read_dep, n,
	    _("Reading deposits"), err);
}

static void
read_line(struct db_stmt *q, void *elem)
{
	struct deposit_line *l = elem;

	memset(l, 0, sizeof *l);
	st_col(q, 0, l->shift_uuid, sizeof l->shift_uuid);
	st_col(q, 1, l->z_no, sizeof l->z_no);
	st_col(q, 2, l->method, sizeof l->method);
	l->amount = db_column_int64(q, 3);
}

struct deposit_line *
store_deposit_lines(
    struct store *st, int64_t deposit_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT s.uuid, coalesce(s.z_no, ''), l.method, l.amount FROM "
	    "deposit_lines l JOIN shifts s ON s.id = l.shift_id WHERE "
	    "l.deposit_id = ? ORDER BY l.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", deposit_id);
	return st_collect(st, s, sizeof(struct deposit_line), read_line, n,
	    _("Reading a deposit's lines"), err);
}

int
store_deposit_void(struct store *st, int64_t id, const char *at,
    const char *by, const char *reason, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE deposits SET voided_at = ?, voided_by = ?, void_reason = ? "
	    "WHERE id = ? AND voided_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssi", at, by, reason, id);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 1)
		return pd_fail(err, PD_EINVAL, _("The deposit is void already"));
	return 0;
}

int
store_deposit_done(struct store *st, int64_t shift_id, const char *method,
    int64_t *sum, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(sum(l.amount), 0) FROM deposit_lines l JOIN "
	    "deposits d ON d.id = l.deposit_id WHERE l.shift_id = ? AND "
	    "l.method = ? AND d.voided_at = ''",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "is", shift_id, method);
	rc = db_step(s);
	*sum = rc == DB_ROW ? db_column_int64(s, 0) : 0;
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading deposits"));
}

/* ---- matches ---- */

int
store_match_insert(struct store *st, int64_t line_id, int64_t deposit_id,
    int64_t gw_id, const char *rule, const char *note, const char *at,
    int64_t user_id, const char *by, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO statement_matches (line_id, deposit_id, gw_id, rule, "
	    "note, matched_at, user_id, matched_by) VALUES (?, nullif(?, 0), "
	    "nullif(?, 0), ?, ?, ?, nullif(?, 0), ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "iiisssis", line_id, deposit_id, gw_id, rule, note, at,
	    user_id, by);
	return st_done(st, s, err);
}

int
store_match_undo(struct store *st, int64_t deposit_id, const char *at,
    const char *by, const char *note, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE statement_matches SET unmatched_at = ?, unmatched_by = ?, "
	    "unmatch_note = ? WHERE deposit_id = ? AND unmatched_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssi", at, by, note, deposit_id);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 1)
		return pd_fail(
		    err, PD_EINVAL, _("The deposit is not matched to a credit"));
	return 0;
}

int
store_match_undo_line(struct store *st, int64_t line_id, const char *at,
    const char *by, const char *note, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE statement_matches SET unmatched_at = ?, unmatched_by = ?, "
	    "unmatch_note = ? WHERE line_id = ? AND unmatched_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssi", at, by, note, line_id);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 1)
		return pd_fail(err, PD_EINVAL,
		    _("The statement line is not matched"));
	return 0;
}

static void
read_sline(struct db_stmt *q, void *elem)
{
	struct stmt_credit *c = elem;

	memset(c, 0, sizeof *c);
	c->line_id = db_column_int64(q, 0);
	c->stmt = db_column_int64(q, 1);
	c->seq = db_column_int(q, 2);
	st_col(q, 3, c->account, sizeof c->account);
	st_col(q, 4, c->booking, sizeof c->booking);
	c->amount = db_column_int64(q, 5);
	st_col(q, 6, c->reference, sizeof c->reference);
	c->reversal = db_column_int(q, 7);
	c->dup = db_column_int(q, 8);
	c->matched = db_column_int(q, 9);
}

#define SLINE_COLS                                                             \
	"l.id, l.statement_id, l.seq, b.account, l.booking_date, l.amount, "   \
	"l.reference, l.reversal, l.dup_of IS NOT NULL, EXISTS (SELECT 1 "     \
	"FROM statement_matches m WHERE m.line_id = l.id AND m.unmatched_at " \
	"= '')"
#define SLINE_FROM                                                             \
	" FROM bank_statement_lines l JOIN bank_statements b ON b.id = "       \
	"l.statement_id"

int
store_stmt_credit(struct store *st, int64_t stmt, int seq,
    struct stmt_credit *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " SLINE_COLS SLINE_FROM
	    " WHERE l.statement_id = ? AND l.seq = ?",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "id", stmt, seq);
	rc = st_one(st, s, read_sline, out, _("Reading a statement line"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND,
		    _("Statement %lld has no line %d"), (long long)stmt, seq);
	return rc;
}

static void
read_pair(struct db_stmt *q, void *elem)
{
	int64_t *p = elem;

	p[0] = db_column_int64(q, 0);
	p[1] = db_column_int64(q, 1);
}

int64_t *
store_match_pairs(struct store *st, int days, size_t *n, struct pd_err *err)
{
	/* every candidate pair by the rule, kept where the deposit has one
	 * candidate line and the line one candidate deposit */
	struct db_stmt *s = st_stmt(st,
	    "SELECT did, lid FROM (SELECT d.id AS did, l.id AS lid, "
	    "count(*) OVER (PARTITION BY d.id) AS nd, count(*) OVER "
	    "(PARTITION BY l.id) AS nl FROM deposits d JOIN "
	    "bank_statement_lines l ON l.amount = d.amount JOIN "
	    "bank_statements b ON b.id = l.statement_id AND b.account = "
	    "d.account WHERE d.voided_at = '' AND l.reversal = 0 AND l.dup_of "
	    "IS NULL AND l.booking_date BETWEEN d.deposited_on AND "
	    "date(d.deposited_on, '+' || ? || ' days') AND pd_has_word("
	    "l.reference || ' ' || l.text, d.slip_no) AND NOT "
	    "EXISTS (SELECT 1 FROM statement_matches m WHERE m.unmatched_at = "
	    "'' AND (m.deposit_id = d.id OR m.line_id = l.id))) WHERE nd = 1 "
	    "AND nl = 1 ORDER BY did",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "d", days);
	return st_collect(st, s, 2 * sizeof(int64_t), read_pair, n,
	    _("Matching deposits"), err);
}

int64_t *
store_gw_match_pairs(struct store *st, int days, size_t *n, struct pd_err *err)
{
	/* a gateway's settlement of one payment: its amount less the fee,
	 * booked from the day it settled to days after, its code in the
	 * reference; one-to-one as the deposits' */
	struct db_stmt *s = st_stmt(st,
	    "SELECT gid, lid FROM (SELECT g.id AS gid, l.id AS lid, count(*) "
	    "OVER (PARTITION BY g.id) AS ng, count(*) OVER (PARTITION BY "
	    "l.id) AS nl FROM gw_payments g JOIN bank_statement_lines l ON "
	    "l.amount = g.amount - g.fee WHERE g.status = 'succeeded' AND "
	    "g.settled_on <> '' AND g.code <> '' AND l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of IS NULL AND l.booking_date BETWEEN "
	    "substr(g.settled_on, 1, 10) AND date(substr(g.settled_on, 1, 10), "
	    "'+' || ? || ' days') AND pd_has_word(l.reference || ' ' || "
	    "l.text, g.code) AND NOT EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.unmatched_at = '' AND (m.gw_id = g.id "
	    "OR m.line_id = l.id))) WHERE ng = 1 AND nl = 1 ORDER BY gid",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "d", days);
	return st_collect(st, s, 2 * sizeof(int64_t), read_pair, n,
	    _("Matching gateway settlements"), err);
}

/* ---- exceptions ---- */

static void
read_exc(struct db_stmt *q, void *elem)
{
	struct recon_exception *e = elem;

	memset(e, 0, sizeof *e);
	e->kind = (enum recon_kind)db_column_int(q, 0);
	e->age = db_column_int64(q, 1);
	st_col(q, 2, e->on, sizeof e->on);
	st_col(q, 3, e->ref, sizeof e->ref);
	st_col(q, 4, e->detail, sizeof e->detail);
	e->expected = db_column_int64(q, 5);
	e->actual = db_column_int64(q, 6);
	e->difference = e->actual - e->expected;
	st_col(q, 7, e->target, sizeof e->target);
	recon_key(e, e->key, sizeof e->key);
}

/* A statement line named where every store names it alike (its account,
 * statement key and place), l over b. */
#define LINE_TARGET "b.account || '/' || b.stmt_key || '#' || l.seq"
/* A deposit of l's account, matched to another line, whose slip number
 * l's reference holds: l is a second credit of it. */
#define TWICE_FROM                                                             \
	"deposits d2 JOIN statement_matches m2 ON m2.deposit_id = d2.id AND "  \
	"m2.unmatched_at = '' WHERE d2.account = b.account AND d2.voided_at " \
	"= '' AND m2.line_id <> l.id AND pd_has_word(l.reference || ' ' || "   \
	"l.text, d2.slip_no)"
#define AGE(day) "max(0, CAST(julianday(?1) - julianday(" day ") AS INTEGER))"

struct recon_exception *
store_recon_exceptions(struct store *st, const char *today, int overdue,
    int64_t over_short, size_t *n, struct pd_err *err)
{
	/* kinds as enum recon_kind: 0 a deposit not credited after overdue
	 * days, 1 a credit matched to nothing, 2 a match of another amount,
	 * 3 a shift's tender beyond over_short, 4 a second credit of a
	 * deposit credited already; each with its target, and left out
	 * once resolved */
	struct db_stmt *s = st_stmt(st,
	    "SELECT k, age, day, ref, detail, expected, actual, target FROM ("
	    "SELECT 0 AS k, " AGE("d.deposited_on") " AS age, d.deposited_on "
	    "AS day, d.slip_no AS ref, d.account AS detail, d.amount AS "
	    "expected, 0 AS actual, d.uuid AS target FROM deposits d WHERE "
	    "d.voided_at = '' AND NOT EXISTS (SELECT 1 FROM statement_matches "
	    "m WHERE m.deposit_id = d.id AND m.unmatched_at = '') AND "
	    "julianday(?1) - julianday(d.deposited_on) > ?2 "
	    "UNION ALL SELECT 1, " AGE("l.booking_date") ", l.booking_date, "
	    "l.statement_id || ':' || l.seq, substr(l.reference, 1, 79), 0, "
	    "l.amount, " LINE_TARGET " FROM bank_statement_lines l JOIN "
	    "bank_statements b ON b.id = l.statement_id WHERE l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.line_id = l.id AND m.unmatched_at = "
	    "'') AND NOT EXISTS (SELECT 1 FROM " TWICE_FROM ") "
	    "UNION ALL SELECT 2, " AGE("l.booking_date") ", l.booking_date, "
	    "d.slip_no, l.statement_id || ':' || l.seq, d.amount, l.amount, "
	    "d.uuid || ' ' || " LINE_TARGET " FROM statement_matches m JOIN "
	    "deposits d ON d.id = m.deposit_id JOIN bank_statement_lines l ON "
	    "l.id = m.line_id JOIN bank_statements b ON b.id = l.statement_id "
	    "WHERE m.unmatched_at = '' AND l.amount <> d.amount "
	    "UNION ALL SELECT 3, " AGE("substr(s.closed_at, 1, 10)") ", "
	    "substr(s.closed_at, 1, 10), s.z_no, t.method, t.expected, "
	    "t.counted, s.uuid || '/' || t.method FROM shift_tenders t JOIN "
	    "shifts s ON s.id = t.shift_id WHERE abs(t.over_short) > ?3 "
	    "UNION ALL SELECT 4, " AGE("l.booking_date") ", l.booking_date, "
	    "l.statement_id || ':' || l.seq, d2.slip_no, d2.amount, l.amount, "
	    LINE_TARGET " FROM bank_statement_lines l JOIN bank_statements b "
	    "ON b.id = l.statement_id JOIN " TWICE_FROM " AND l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.line_id = l.id AND m.unmatched_at = "
	    "'')) x WHERE NOT EXISTS (SELECT 1 FROM recon_resolutions r WHERE "
	    "r.target = x.target AND r.kind = CASE x.k WHEN 0 THEN "
	    "'not_credited' WHEN 1 THEN 'unexpected_credit' WHEN 2 THEN "
	    "'amount_differs' WHEN 3 THEN 'over_short' ELSE 'matched_twice' "
	    "END) ORDER BY day, k, ref",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "sdi", today, overdue, over_short);
	return st_collect(st, s, sizeof(struct recon_exception), read_exc, n,
	    _("Reading the exceptions"), err);
}

int
store_recon_resolve(struct store *st, const struct recon_resolution *r,
    int64_t user_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO recon_resolutions (uuid, kind, target, ref, day, age, "
	    "expected, actual, note, resolved_at, user_id, resolved_by, "
	    "terminal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif(?, 0), ?, "
	    "?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssssiiississ", r->uuid, recon_kind_name(r->e.kind),
	    r->e.target, r->e.ref, r->e.on, r->e.age, r->e.expected,
	    r->e.actual, r->note, r->at, user_id, r->by, r->terminal);
	return st_done(st, s, err);
}

static void
read_res(struct db_stmt *q, void *elem)
{
	struct recon_resolution *r = elem;
	char kind[24];
	int k;

	memset(r, 0, sizeof *r);
	st_col(q, 0, r->uuid, sizeof r->uuid);
	st_col(q, 1, kind, sizeof kind);
	for (k = 0; k < RECON_KINDS; k++)
		if (strcmp(kind, recon_kind_name((enum recon_kind)k)) == 0)
			r->e.kind = (enum recon_kind)k;
	st_col(q, 2, r->e.target, sizeof r->e.target);
	st_col(q, 3, r->e.ref, sizeof r->e.ref);
	st_col(q, 4, r->e.on, sizeof r->e.on);
	r->e.age = db_column_int64(q, 5);
	r->e.expected = db_column_int64(q, 6);
	r->e.actual = db_column_int64(q, 7);
	r->e.difference = r->e.actual - r->e.expected;
	st_col(q, 8, r->note, sizeof r->note);
	st_col(q, 9, r->at, sizeof r->at);
	st_col(q, 10, r->by, sizeof r->by);
	st_col(q, 11, r->terminal, sizeof r->terminal);
	recon_key(&r->e, r->e.key, sizeof r->e.key);
}

#define RES_COLS                                                               \
	"uuid, kind, target, ref, day, age, expected, actual, note, "          \
	"resolved_at, resolved_by, terminal"

struct recon_resolution *
store_recon_resolutions(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " RES_COLS " FROM recon_resolutions ORDER BY id DESC", err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct recon_resolution), read_res, n,
	    _("Reading the resolved exceptions"), err);
}

int
store_recon_resolution(struct store *st, const char *kind, const char *target,
    struct recon_resolution *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " RES_COLS " FROM recon_resolutions WHERE kind = ? AND "
	    "target = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ss", kind, target);
	return st_one(st, s, read_res, out, _("Reading the resolved exceptions"),
	    err);
}

/* ---- statements and matches as sync records (issue 20) ---- */

int
store_stmt_line_sums(struct store *st, int64_t stmt, int64_t *n,
    int64_t *credits, int64_t *debits, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(*), coalesce(sum(max(amount, 0)), 0), "
	    "coalesce(sum(min(amount, 0)), 0) FROM bank_statement_lines "
	    "WHERE statement_id = ?",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", stmt);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*n = db_column_int64(s, 0);
		*credits = db_column_int64(s, 1);
		*debits = db_column_int64(s, 2);
	}
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading statements"));
}

void
store_read_line_match(struct db_stmt *q, struct line_match *m)
{

	memset(m, 0, sizeof *m);
	m->stmt = db_column_int64(q, 0);
	m->seq = db_column_int(q, 1);
	st_col(q, 2, m->account, sizeof m->account);
	st_col(q, 3, m->stmt_key, sizeof m->stmt_key);
	st_col(q, 4, m->dep_uuid, sizeof m->dep_uuid);
	st_col(q, 5, m->slip_no, sizeof m->slip_no);
	st_col(q, 6, m->terminal, sizeof m->terminal);
	st_col(q, 7, m->gateway, sizeof m->gateway);
	st_col(q, 8, m->code, sizeof m->code);
	st_col(q, 9, m->rule, sizeof m->rule);
	st_col(q, 10, m->matched_by, sizeof m->matched_by);
	st_col(q, 11, m->matched_at, sizeof m->matched_at);
	/* a card or transfer match's payments */
	m->npay = db_column_int64(q, 12);
	if (m->npay > 0) {
		m->gross = db_column_int64(q, 13);
		st_col(q, 14, m->pay_terminal, sizeof m->pay_terminal);
		st_col(q, 15, m->pay_day, sizeof m->pay_day);
		st_col(q, 16, m->pay_uuid, sizeof m->pay_uuid);
	}
}

static void
read_lmatch(struct db_stmt *q, void *elem)
{
	store_read_line_match(q, elem);
}

int
store_line_match(struct store *st, int64_t line_id, struct line_match *out,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT l.statement_id, l.seq, b.account, b.stmt_key, "
	    "coalesce(d.uuid, ''), coalesce(d.slip_no, ''), "
	    "coalesce(d.terminal, ''), coalesce(g.gateway, ''), "
	    "coalesce(g.code, ''), coalesce(m.rule, ''), "
	    "coalesce(m.matched_by, ''), coalesce(m.matched_at, ''), "
	    "x.n, x.gross, x.term, x.day, x.pu FROM bank_statement_lines l "
	    "JOIN bank_statements b ON b.id = "
	    "l.statement_id LEFT JOIN statement_matches m ON m.line_id = l.id "
	    "AND m.unmatched_at = '' LEFT JOIN deposits d ON d.id = "
	    "m.deposit_id LEFT JOIN gw_payments g ON g.id = m.gw_id CROSS "
	    "JOIN (SELECT count(*) AS n, sum(p.amount) AS gross, min(p.terminal) "
	    "AS term, min(p.paid_on) AS day, min(p.uuid) AS pu FROM "
	    "statement_match_payments mp JOIN payments p ON p.id = "
	    "mp.payment_id WHERE mp.match_id = (SELECT id FROM "
	    "statement_matches WHERE line_id = ?1 AND unmatched_at = '')) x "
	    "WHERE l.id = ?1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", line_id);
	rc = st_one(st, s, read_lmatch, out, _("Reading a statement line"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No statement line %lld"), (long long)line_id);
	return rc;
}

int
store_stmt_line_id(struct store *st, int64_t stmt, int64_t seq, int64_t *id,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id FROM bank_statement_lines WHERE statement_id = ? AND "
	    "seq = ?",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ii", stmt, seq);
	*id = 0;
	rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading a statement line"));
}

int
store_match_gw_active(
    struct store *st, int64_t gw_id, int *matched, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT 1 FROM statement_matches WHERE gw_id = ? AND "
	    "unmatched_at = ''",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", gw_id);
	rc = db_step(s);
	*matched = rc == DB_ROW;
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading a statement line"));
}

int
store_deposit_slip_rank(struct store *st, const char *slip, int64_t id,
    int64_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(*) FROM deposits WHERE slip_no = ? COLLATE NOCASE "
	    "AND id < ?",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "si", slip, id);
	rc = db_step(s);
	*n = rc == DB_ROW ? db_column_int64(s, 0) : 0;
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading a deposit"));
}

/* ---- card settlements and bank transfers (issue 20) ---- */

static void
read_card(struct db_stmt *q, void *elem)
{
	struct card_group *g = elem;

	memset(g, 0, sizeof *g);
	g->line_id = db_column_int64(q, 0);
	st_col(q, 1, g->terminal, sizeof g->terminal);
	st_col(q, 2, g->day, sizeof g->day);
	g->gross = db_column_int64(q, 3);
	g->npayments = db_column_int64(q, 4);
}

/* A payment no active match has taken. */
#define PAY_FREE                                                               \
	"NOT EXISTS (SELECT 1 FROM statement_match_payments mp JOIN "          \
	"statement_matches m ON m.id = mp.match_id WHERE mp.payment_id = "     \
	"p.id AND m.unmatched_at = '')"
/* A credit line no active match has taken. */
#define LINE_FREE                                                              \
	"l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS " \
	"(SELECT 1 FROM statement_matches m WHERE m.line_id = l.id AND "      \
	"m.unmatched_at = '')"

struct card_group *
store_card_match_groups(
    struct store *st, int days, int fee_bp, size_t *n, struct pd_err *err)
{
	/* each terminal's day of posted card payments no match took, from
	 * the first day a free credit could settle; a credit of their total
	 * less at most fee_bp of it, booked from that day to days after,
	 * naming the terminal; one to one */
	struct db_stmt *s = st_stmt(st,
	    "WITH g AS (SELECT p.terminal AS term, p.paid_on AS day, "
	    "sum(p.amount) AS gross, count(*) AS np FROM payments p WHERE "
	    "p.method_kind = 'card' AND p.status = 'Posted' AND p.paid_on >= "
	    "(SELECT date(min(l.booking_date), '-' || ?1 || ' days') FROM "
	    "bank_statement_lines l WHERE " LINE_FREE ") AND " PAY_FREE
	    " GROUP BY p.terminal, p.paid_on), c AS (SELECT l.id AS lid, "
	    "g.term, g.day, g.gross, g.np, count(*) OVER (PARTITION BY "
	    "g.term, g.day) AS ng, count(*) OVER (PARTITION BY l.id) AS nl "
	    "FROM g JOIN bank_statement_lines l ON l.amount BETWEEN g.gross "
	    "- g.gross * ?2 / 10000 AND g.gross AND l.booking_date BETWEEN "
	    "g.day AND date(g.day, '+' || ?1 || ' days') WHERE " LINE_FREE
	    " AND pd_has_word(l.reference || ' ' || l.text, g.term)) SELECT "
	    "lid, term, day, gross, np FROM c WHERE ng = 1 AND nl = 1 ORDER "
	    "BY day, term",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "dd", days, fee_bp);
	return st_collect(st, s, sizeof(struct card_group), read_card, n,
	    _("Matching card settlements"), err);
}

int64_t *
store_transfer_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err)
{
	/* a posted bank transfer payment and a credit of its amount booked
	 * within days of it either way, whose reference holds the
	 * payment's reference (the transfer's id) or its number; one to
	 * one */
	struct db_stmt *s = st_stmt(st,
	    "SELECT pid, lid FROM (SELECT p.id AS pid, l.id AS lid, count(*) "
	    "OVER (PARTITION BY p.id) AS np, count(*) OVER (PARTITION BY "
	    "l.id) AS nl FROM bank_statement_lines l JOIN payments p ON "
	    "p.amount = l.amount AND p.paid_on BETWEEN date(l.booking_date, "
	    "'-' || ?1 || ' days') AND date(l.booking_date, '+' || ?1 || ' "
	    "days') WHERE " LINE_FREE " AND p.method_kind = 'bank' AND "
	    "p.status = 'Posted' AND " PAY_FREE " AND ((p.reference <> '' AND "
	    "pd_has_word(l.reference || ' ' || l.text, p.reference)) OR "
	    "pd_has_word(l.reference || ' ' || l.text, p.payment_no))) WHERE "
	    "np = 1 AND nl = 1 ORDER BY pid",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "d", days);
	return st_collect(st, s, 2 * sizeof(int64_t), read_pair, n,
	    _("Matching bank transfers"), err);
}

int
store_match_payments_add(struct store *st, int64_t line_id,
    int64_t payment_id, const struct card_group *g, struct pd_err *err)
{
	struct db_stmt *s;

	if (g == NULL) {
		s = st_stmt(st,
		    "INSERT INTO statement_match_payments (match_id, "
		    "payment_id) SELECT id, ? FROM statement_matches WHERE "
		    "line_id = ? AND unmatched_at = ''",
		    err);
		if (s == NULL)
			return -1;
		st_bind(s, "ii", payment_id, line_id);
		return st_done(st, s, err);
	}
	s = st_stmt(st,
	    "INSERT INTO statement_match_payments (match_id, payment_id) "
	    "SELECT (SELECT id FROM statement_matches WHERE line_id = ? AND "
	    "unmatched_at = ''), p.id FROM payments p WHERE p.terminal = ? AND "
	    "p.paid_on = ? AND p.method_kind = 'card' AND p.status = "
	    "'Posted' AND " PAY_FREE " ORDER BY p.id",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "iss", line_id, g->terminal, g->day);
	return st_done(st, s, err);
}

static void
read_pstate(struct db_stmt *q, void *elem)
{
	struct pay_match_state *p = elem;

	memset(p, 0, sizeof *p);
	p->id = db_column_int64(q, 0);
	p->amount = db_column_int64(q, 1);
	st_col(q, 2, p->kind, sizeof p->kind);
	st_col(q, 3, p->status, sizeof p->status);
	st_col(q, 4, p->payment_no, sizeof p->payment_no);
	p->free = db_column_int(q, 5);
	st_col(q, 6, p->terminal, sizeof p->terminal);
	st_col(q, 7, p->paid_on, sizeof p->paid_on);
}

int
store_pay_match_state(struct store *st, const char *uuid,
    struct pay_match_state *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT p.id, p.amount, p.method_kind, p.status, p.payment_no, "
	    PAY_FREE ", p.terminal, p.paid_on FROM payments p WHERE p.uuid = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	return st_one(st, s, read_pstate, out, _("Reading a payment"), err);
}

static void
read_uuid37(struct db_stmt *q, void *elem)
{
	st_col(q, 0, elem, 37);
}

char *
store_match_payment_uuids(
    struct store *st, int64_t line_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT p.uuid FROM statement_match_payments mp JOIN payments p ON "
	    "p.id = mp.payment_id WHERE mp.match_id = (SELECT id FROM "
	    "statement_matches WHERE line_id = ? AND unmatched_at = '') ORDER "
	    "BY p.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", line_id);
	return st_collect(st, s, 37, read_uuid37, n, _("Reading payments"), err);
}

/* ---- statements imported before they were sync records ---- */

static void
read_id(struct db_stmt *q, void *elem)
{
	*(int64_t *)elem = db_column_int64(q, 0);
}

int64_t *
store_stmt_unsent(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT b.id FROM bank_statements b WHERE NOT EXISTS (SELECT 1 "
	    "FROM outbox o WHERE o.kind = 'bank_statement' AND o.ref = b.id "
	    "|| ':1') ORDER BY b.id",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(int64_t), read_id, n,
	    _("Reading statements"), err);
}

static void
read_mref(struct db_stmt *q, void *elem)
{
	struct match_ref *m = elem;

	memset(m, 0, sizeof *m);
	m->line_id = db_column_int64(q, 0);
	st_col(q, 1, m->note, sizeof m->note);
	st_col(q, 2, m->at, sizeof m->at);
}

struct match_ref *
store_stmt_sendable_matches(
    struct store *st, int64_t stmt, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT m.line_id, m.note, m.matched_at FROM statement_matches m "
	    "JOIN bank_statement_lines l ON l.id = m.line_id WHERE "
	    "l.statement_id = ? AND m.unmatched_at = '' AND (m.deposit_id IS "
	    "NOT NULL OR m.gw_id IS NOT NULL) ORDER BY m.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", stmt);
	return st_collect(st, s, sizeof(struct match_ref), read_mref, n,
	    _("Reading a statement line"), err);
}

struct match_ref *
store_match_unsent(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT m.line_id, m.note, m.matched_at FROM statement_matches m "
	    "JOIN bank_statement_lines l ON l.id = m.line_id WHERE "
	    "m.unmatched_at = '' AND m.rule IN ('card', 'transfer') AND NOT "
	    "EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'statement_match' "
	    "AND o.ref = l.statement_id || ':' || l.seq) ORDER BY m.id",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct match_ref), read_mref, n,
	    _("Reading a statement line"), err);
}

/* ---- the reconciliation by account and day (issue 20) ---- */

static void
read_rday(struct db_stmt *q, void *elem)
{
	struct recon_day *d = elem;

	memset(d, 0, sizeof *d);
	st_col(q, 0, d->day, sizeof d->day);
	d->expected = db_column_int64(q, 1);
	d->deposits = db_column_int(q, 2);
	d->credited = db_column_int64(q, 3);
	d->credits = db_column_int(q, 4);
	d->matched = db_column_int64(q, 5);
	d->difference = d->credited - d->expected;
}

struct recon_day *
store_recon_days(struct store *st, const char *account, const char *from,
    const char *to, size_t *n, struct pd_err *err)
{
	/* the days with a deposit handed to the bank or a credit booked:
	 * what was deposited, what the bank credited (each credit once:
	 * neither a reversal nor a line an earlier statement had) and how
	 * much of it is matched */
	struct db_stmt *s = st_stmt(st,
	    "WITH d AS (SELECT deposited_on AS day, sum(amount) AS exp, "
	    "count(*) AS nd FROM deposits WHERE account = ?1 AND voided_at = "
	    "'' AND deposited_on BETWEEN ?2 AND ?3 GROUP BY deposited_on), c "
	    "AS (SELECT l.booking_date AS day, sum(l.amount) AS cred, "
	    "count(*) AS nc, sum(CASE WHEN EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.line_id = l.id AND m.unmatched_at = "
	    "'') THEN l.amount ELSE 0 END) AS matched FROM "
	    "bank_statement_lines l JOIN bank_statements b ON b.id = "
	    "l.statement_id WHERE b.account = ?1 AND " "l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of IS NULL AND l.booking_date BETWEEN "
	    "?2 AND ?3 GROUP BY l.booking_date), days AS (SELECT day FROM d "
	    "UNION SELECT day FROM c) SELECT days.day, coalesce(d.exp, 0), "
	    "coalesce(d.nd, 0), coalesce(c.cred, 0), coalesce(c.nc, 0), "
	    "coalesce(c.matched, 0) FROM days LEFT JOIN d ON d.day = days.day "
	    "LEFT JOIN c ON c.day = days.day ORDER BY days.day",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "sss", account, from, to);
	return st_collect(st, s, sizeof(struct recon_day), read_rday, n,
	    _("Reading the reconciliation"), err);
}

int
store_recon_account_known(
    struct store *st, const char *account, int *known, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT EXISTS (SELECT 1 FROM deposits WHERE account = ?1) OR "
	    "EXISTS (SELECT 1 FROM bank_statements WHERE account = ?1)",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", account);
	rc = db_step(s);
	*known = rc == DB_ROW && db_column_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading the reconciliation"));
}
