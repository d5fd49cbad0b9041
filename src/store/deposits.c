/* deposits.c - bank deposits of closed shifts, their lines, and the
 * statement credits matched to them (issue 20; schema.c has the tables
 * and the rules they keep; deposit.h the use cases): the deposits, their
 * matches, and the matches of card settlements and bank transfers. The
 * reconciliation's exceptions, resolutions and days are recon.c; the
 * statement lines and matches as sync records are match_sync.c. */
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
	"coalesce(l.seq, 0), CASE WHEN " LINE_REVERSED " THEN 0 ELSE "         \
	"coalesce(l.amount, 0) END, "                                          \
	"coalesce(l.booking_date, ''), coalesce(m.rule, ''), "                 \
	"coalesce(m.note, ''), coalesce(lb.account, ''), "                     \
	"coalesce(lb.stmt_key, ''), coalesce(h.handed_at, ''), "               \
	"coalesce(h.handed_by, '')"
#define DEP_FROM                                                               \
	" FROM deposits d LEFT JOIN statement_matches m ON m.deposit_id = "    \
	"d.id AND m.unmatched_at = '' LEFT JOIN bank_statement_lines l ON "    \
	"l.id = m.line_id LEFT JOIN bank_statements lb ON lb.id = "            \
	"l.statement_id LEFT JOIN deposit_hands h ON h.deposit_id = d.id"

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
	if (d->line_id != 0)
		stmt_name((const char *)db_column_text(q, 19),
		    (const char *)db_column_text(q, 20), d->line_name);
	st_col(q, 21, d->handed_at, sizeof d->handed_at);
	st_col(q, 22, d->handed_by, sizeof d->handed_by);
	/* stored words (deposit.h), translated where they are shown */
	d->status = d->voided_at[0]   ? N_("void")
	            : d->line_id      ? N_("matched")
	            : d->handed_at[0] ? N_("handed")
	                              : N_("prepared");
}

int
store_deposit_hand(struct store *st, int64_t deposit_id, const char *at,
    const char *by, int64_t user_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO deposit_hands (deposit_id, handed_at, handed_by, "
	    "user_id) VALUES (?, ?, ?, nullif(?, 0))",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "issi", deposit_id, at, by, user_id);
	return st_done(st, s, err);
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
	/* by its id (the unique index: a synced record names it so), else
	 * by its slip in any case: a slip reused after a void, the deposit
	 * that is not void; of two, the one whose slip is written as key is
	 * (another terminal's BAG-9 pulled beside this one's bag-9). One
	 * WHERE of the two with OR scanned every deposit for each record
	 * (neither index usable), as store_shift_find did */
	struct db_stmt *s = st_stmt(st,
	    "SELECT " DEP_COLS DEP_FROM " WHERE d.id = coalesce((SELECT id "
	    "FROM deposits WHERE uuid = lower(?1)), (SELECT id FROM deposits "
	    "WHERE slip_no = ?1 COLLATE NOCASE ORDER BY voided_at = '' DESC, "
	    "slip_no = ?1 DESC, id DESC LIMIT 1))",
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

int
store_deposit_pull_clash(struct store *st, const char *slip,
    struct deposit *out, int *refused, struct pd_err *err)
{
	/* a deposit this terminal sent and the central node refused, its
	 * slip in any case (few: the quarantine's), else one with the very
	 * slip (the unique index's: a pull of many deposits reads no
	 * table through) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT " DEP_COLS DEP_FROM " WHERE d.uuid IN (SELECT uuid FROM "
	    "outbox WHERE rejected_at IS NOT NULL AND kind = 'deposit') AND "
	    "d.voided_at = '' AND d.slip_no = ? COLLATE NOCASE",
	    err);
	int rc;

	*refused = 0;
	if (s == NULL)
		return -1;
	st_bind(s, "s", slip);
	rc = st_one(st, s, read_dep, out, _("Reading a deposit"), err);
	if (rc <= 0) {
		*refused = rc == 0;
		return rc < 0 ? -1 : 1;
	}
	s = st_stmt(st,
	    "SELECT " DEP_COLS DEP_FROM
	    " WHERE d.slip_no = ? AND d.voided_at = ''",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "s", slip);
	rc = st_one(st, s, read_dep, out, _("Reading a deposit"), err);
	return rc < 0 ? -1 : rc == 0;
}

struct deposit *
store_deposit_list(
    struct store *st, const struct row_scope *sc, size_t *n, struct pd_err *err)
{
	struct deposit *out;
	struct db_stmt *s;
	struct qb q;

	qb_init(&q, "SELECT " DEP_COLS DEP_FROM " WHERE d.id > 0");
	store_row_scope(&q, sc, "d.terminal", "d.user_id", 0);
	qb_add(&q, " ORDER BY d.id DESC", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return NULL;
	out = st_collect(st, s, sizeof(struct deposit), read_dep, n,
	    _("Reading deposits"), err);
	db_finalize(s);
	return out;
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
store_deposit_holding(struct store *st, int64_t shift_id, const char *method,
    char *slip, char *term, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT d.slip_no, d.terminal FROM deposit_lines l JOIN deposits "
	    "d ON d.id = l.deposit_id WHERE l.shift_id = ? AND l.method = ? "
	    "AND d.voided_at = '' ORDER BY d.id DESC LIMIT 1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	slip[0] = term[0] = '\0';
	st_bind(s, "is", shift_id, method);
	rc = db_step(s);
	if (rc == DB_ROW) {
		st_col(s, 0, slip, DEPOSIT_SLIP_BUFSZ);
		st_col(s, 1, term, 17);
	}
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading deposits"));
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
	stmt_name(c->account, (const char *)db_column_text(q, 10), c->name);
}

#define SLINE_COLS                                                             \
	"l.id, l.statement_id, l.seq, b.account, l.booking_date, l.amount, "   \
	"l.reference, l.reversal, l.dup_of IS NOT NULL, EXISTS (SELECT 1 "     \
	"FROM statement_matches m WHERE m.line_id = l.id AND m.unmatched_at " \
	"= ''), b.stmt_key"
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
	struct statement sv;
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "id", stmt, seq);
	rc = st_one(st, s, read_sline, out, _("Reading a statement line"), err);
	if (rc == 1 && store_stmt_get(st, stmt, &sv, err) == 0)
		return pd_fail(err, PD_ENOTFOUND,
		    _("Statement %s has no line %d"), sv.name, seq);
	return rc == 1 ? -1 : rc;
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
	/* every candidate pair by the rule, kept where each of the
	 * deposit's candidate lines has it as its one candidate deposit:
	 * the first booked of them (by day, then as stored), so that a bag
	 * the bank booked twice is matched on its first credit and the
	 * second is matched_twice whatever the order of the imports and of
	 * deposit match (review R20c; issue 20's "a credit matched twice").
	 * A line two deposits fit is left to the supervisor. From the
	 * deposits, each unmatched one to the credits of its amount and
	 * days (bank_lines_amount; a deposit's amount is positive): the
	 * store holds far fewer deposits than lines (a scan of every line
	 * with a probe of its match was 0.37 s at 10M) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT did, lid FROM (SELECT did, lid, rn, max(nl) OVER "
	    "(PARTITION BY did) AS mnl FROM (SELECT d.id AS did, l.id AS lid, "
	    "row_number() OVER (PARTITION BY d.id ORDER BY l.booking_date, "
	    "l.id) AS rn, count(*) OVER "
	    "(PARTITION BY l.id) AS nl FROM deposits d JOIN deposit_hands h "
	    "ON h.deposit_id = d.id CROSS JOIN "
	    "bank_statement_lines l INDEXED BY bank_lines_amount ON l.amount "
	    "= d.amount JOIN "
	    "bank_statements b ON b.id = l.statement_id AND b.account = "
	    "d.account WHERE d.voided_at = '' AND l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of "
	    "IS NULL AND l.booking_date BETWEEN d.deposited_on "
	    "AND " DEP_MATCH_UNTIL(
	        "?") " AND pd_has_word("
	             "l.reference || ' ' || l.text, d.slip_no) AND "
	             "NOT " LINE_REVERSED " AND NOT "
	             "EXISTS (SELECT 1 FROM statement_matches m WHERE "
	             "m.unmatched_at = "
	             "'' AND m.deposit_id = d.id) AND NOT EXISTS (SELECT 1 "
	             "FROM "
	             "statement_matches m WHERE m.unmatched_at = '' AND "
	             "m.line_id = "
	             "l.id))) WHERE rn = 1 AND mnl = 1 ORDER BY did",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "d", days);
	return st_collect(st, s, 2 * sizeof(int64_t), read_pair, n,
	    _("Matching deposits"), err);
}

int64_t *
store_slip_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err)
{
	/* the bag the bank counted otherwise: the rule auto's pairs less
	 * the amount (the exact rule ran first, so a deposit of the same
	 * amount is gone). From the live deposits no match took (those
	 * not credited: few), each to the lines of its days
	 * (bank_lines_day_ref) that were free before the rules
	 * (temp.match_lines) and are still; one to one among them */
	struct db_stmt *s = st_stmt(st,
	    "SELECT did, lid FROM (SELECT d.id AS did, l.id AS lid, "
	    "count(*) OVER (PARTITION BY d.id) AS nd, count(*) OVER "
	    "(PARTITION BY l.id) AS nl FROM deposits d JOIN deposit_hands h "
	    "ON h.deposit_id = d.id CROSS JOIN "
	    "bank_statement_lines l INDEXED BY bank_lines_day_ref ON "
	    "l.booking_date BETWEEN d.deposited_on AND " DEP_MATCH_UNTIL(
	        "?1") " CROSS JOIN temp.match_lines f ON f.id = "
	              "l.id JOIN bank_statements b ON b.id = l.statement_id "
	              "AND "
	              "b.account = d.account WHERE d.voided_at = '' AND "
	              "l.amount <> "
	              "d.amount AND l.amount > 0 AND l.reversal = 0 AND "
	              "l.dup_of IS "
	              "NULL AND pd_has_word(l.reference || ' ' || l.text, "
	              "d.slip_no) "
	              "AND NOT " LINE_REVERSED " AND NOT EXISTS (SELECT 1 FROM "
	              "statement_matches m WHERE m.unmatched_at = '' AND "
	              "m.deposit_id "
	              "= d.id) AND NOT EXISTS (SELECT 1 FROM statement_matches "
	              "m WHERE "
	              "m.unmatched_at = '' AND m.line_id = l.id)) WHERE nd = 1 "
	              "AND nl = "
	              "1 ORDER BY did",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "d", days);
	return st_collect(st, s, 2 * sizeof(int64_t), read_pair, n,
	    _("Matching deposits"), err);
}

/* Gateway payment g is of a payout a match took whole (the rule payout:
 * its match holds the payout's first payment). */
#define GW_IN_PAYOUT_TAKEN                                                     \
	"EXISTS (SELECT 1 FROM gw_payouts xa JOIN gw_payouts xb ON xb.payout " \
	"= xa.payout JOIN gw_payments g2 ON g2.id = xb.gw_id AND g2.gateway "  \
	"= g.gateway JOIN statement_matches m ON m.gw_id = g2.id AND "         \
	"m.unmatched_at = '' AND m.rule = 'payout' WHERE xa.gw_id = g.id)"

/* Line l is of another bank account than gateway payment id settled to
 * (gateway set --account; none set: any account). */
#define GW_OTHER_ACCOUNT(id)                                                   \
	"EXISTS (SELECT 1 FROM gw_pay_accounts a JOIN bank_statements b ON "   \
	"b.id = l.statement_id WHERE a.gw_id = " id " AND b.account <> "       \
	"a.account)"

int64_t *
store_gw_match_pairs(struct store *st, int days, size_t *n, struct pd_err *err)
{
	/* a gateway's settlement of one payment: its amount less the fee,
	 * booked from the day it settled to days after, its code in the
	 * reference; of a payment's credits the first booked (by day, then
	 * as stored), so that a settlement the bank booked twice is matched
	 * on its first credit and the second is matched_twice whatever the
	 * order of the imports and matches, as the deposits'
	 * (store_match_pairs); a line two payments fit is left to the
	 * supervisor */
	struct db_stmt *s = st_stmt(st,
	    "SELECT gid, lid FROM (SELECT gid, lid, rn, max(nl) OVER "
	    "(PARTITION BY gid) AS mnl FROM (SELECT g.id AS gid, l.id AS lid, "
	    "row_number() OVER (PARTITION BY g.id ORDER BY l.booking_date, "
	    "l.id) AS rn, count(*) OVER (PARTITION BY l.id) AS nl FROM "
	    "gw_payments g CROSS JOIN bank_statement_lines l "
	    "INDEXED BY bank_lines_amount ON l.amount = g.amount - g.fee WHERE "
	    "g.status = 'succeeded' AND "
	    "g.settled_on <> '' AND g.code <> '' AND l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of IS NULL AND l.booking_date BETWEEN "
	    "substr(g.settled_on, 1, 10) AND date(substr(g.settled_on, 1, 10), "
	    "'+' || ? || ' days') AND pd_has_word(l.reference || ' ' || "
	    "l.text, g.code) AND NOT EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.unmatched_at = '' AND m.gw_id = g.id) "
	    "AND NOT " GW_IN_PAYOUT_TAKEN " AND NOT " GW_OTHER_ACCOUNT(
	        "g.id") " AND NOT EXISTS (SELECT 1 FROM "
	                "statement_matches m WHERE "
	                "m.unmatched_at = '' AND m.line_id = l.id))) WHERE rn "
	                "= 1 AND mnl "
	                "= 1 ORDER BY gid",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "d", days);
	return st_collect(st, s, 2 * sizeof(int64_t), read_pair, n,
	    _("Matching gateway settlements"), err);
}

/* A terminal's payouts (gw_payouts: a gateway and a payout id), each
 * with the first of its settled payments (which a match of the payout
 * holds for them all), what they make less their fees, the last day one
 * settled, and whether a match took any of them. */
#define PAYOUTS                                                                \
	"SELECT g.gateway AS gw, x.payout AS po, min(g.id) AS rep, "           \
	"sum(g.amount - g.fee) AS net, max(substr(g.settled_on, 1, 10)) AS "   \
	"day, max(EXISTS (SELECT 1 FROM statement_matches m WHERE m.gw_id = "  \
	"g.id AND m.unmatched_at = '')) AS taken, max(coalesce((SELECT "       \
	"a.account FROM gw_pay_accounts a WHERE a.gw_id = g.id), '')) AS "     \
	"acct FROM gw_payouts x CROSS JOIN "                                   \
	"gw_payments g ON g.id = x.gw_id WHERE g.settled_on <> '' GROUP BY "   \
	"g.gateway, x.payout"

int64_t *
store_payout_match_pairs(
    struct store *st, int days, int exact, size_t *n, struct pd_err *err)
{
	/* a payout no match took to a free credit (temp.match_lines, no
	 * match since) whose reference or text holds the payout id as a
	 * whole word, booked from the payout's (last) settle day to days
	 * after; exact: of what its payments make less their fees, else of
	 * another amount (an amount_differs). Of a payout's credits the
	 * first booked, as store_gw_match_pairs; a line two payouts fit is
	 * left to the supervisor */
	struct db_stmt *s = st_stmt(st,
	    "WITH p AS (" PAYOUTS "), c AS (SELECT p.rep AS rep, l.id AS lid, "
	    "row_number() OVER (PARTITION BY p.rep ORDER BY l.booking_date, "
	    "l.id) AS rn, count(*) OVER (PARTITION BY l.id) AS nl FROM p "
	    "CROSS JOIN temp.match_lines f CROSS JOIN bank_statement_lines l "
	    "ON l.id = f.id WHERE p.taken = 0 AND (l.amount = p.net) = ?2 AND "
	    "l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL AND "
	    "l.booking_date BETWEEN p.day AND date(p.day, '+' || ?1 || ' "
	    "days') AND pd_has_word(l.reference || ' ' || l.text, p.po) AND "
	    "NOT " GW_OTHER_ACCOUNT(
	        "p.rep") " AND "
	                 "NOT EXISTS (SELECT 1 FROM statement_matches m WHERE "
	                 "m.unmatched_at = '' AND m.line_id = l.id)) SELECT "
	                 "rep, lid FROM "
	                 "(SELECT rep, lid, rn, max(nl) OVER (PARTITION BY "
	                 "rep) AS mnl FROM "
	                 "c) WHERE rn = 1 AND mnl = 1 ORDER BY rep",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "dd", days, exact ? 1 : 0);
	return st_collect(st, s, 2 * sizeof(int64_t), read_pair, n,
	    _("Matching gateway payouts"), err);
}

int
store_payout_find(struct store *st, const char *gateway, const char *payout,
    struct payout_state *out, struct pd_err *err)
{
	/* a terminal's payout, as PAYOUTS reads it */
	struct db_stmt *s = st_stmt(st,
	    "SELECT rep, net, day, taken, acct, (SELECT count(*) FROM "
	    "gw_payouts x "
	    "JOIN gw_payments g ON g.id = x.gw_id AND g.gateway = ?1 WHERE "
	    "x.payout = ?2) FROM (" PAYOUTS ") WHERE gw = ?1 AND po = ?2",
	    err);
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	st_bind(s, "ss", gateway, payout);
	rc = db_step(s);
	if (rc == DB_ROW) {
		out->rep = db_column_int64(s, 0);
		out->net = db_column_int64(s, 1);
		st_col(s, 2, out->day, sizeof out->day);
		out->taken = db_column_int(s, 3);
		st_col(s, 4, out->account, sizeof out->account);
		out->n = db_column_int64(s, 5);
	}
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading gateway payments"));
	return rc == DB_ROW ? 0 : 1;
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
/* The free credit lines l (store_match_lines_prepare), each read by
 * its id. */
#define FREE_LINES                                                             \
	"temp.match_lines f CROSS JOIN bank_statement_lines l ON l.id = f.id"
/* A credit line no active match has taken. */
#define LINE_FREE                                                              \
	"l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS " \
	"(SELECT 1 FROM statement_matches m WHERE m.line_id = l.id AND "      \
	"m.unmatched_at = '')"

struct card_group *
store_card_match_groups(
    struct store *st, int days, int fee_bp, size_t *n, struct pd_err *err)
{
	/* each terminal's day of posted card payments no match took, on
	 * a day a free credit could settle: the day it was booked or up to
	 * days before (any other day pairs with no credit: from the first
	 * such day to the last, one old credit left unmatched made the card
	 * payments of all the months between grouped, 0.7 s at 10M); a
	 * credit of their total less at most fee_bp of it, booked from that
	 * day to days after, naming the terminal; one to one. The days are
	 * those of the credits free before the matching's first rule
	 * (store_match_lines_prepare): a day they add, of a line an earlier
	 * rule took since, pairs with no free credit (c's LINE_FREE) and
	 * counts in neither window. The card payments by their own index,
	 * each day of it looked up (its terminal skipped over) */
	struct db_stmt *s = st_stmt(st,
	    "WITH g AS (SELECT p.terminal AS term, p.paid_on AS day, "
	    "sum(p.amount) AS gross, count(*) AS np FROM payments p INDEXED "
	    "BY payments_card_day WHERE p.method_kind = 'card' AND p.status = "
	    "'Posted' AND p.paid_on IN (SELECT date(d.day, '-' || k.n || ' "
	    "days') FROM temp.match_days d CROSS JOIN (WITH RECURSIVE k(n) AS "
	    "(SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < ?1) SELECT n "
	    "FROM k) k) AND " PAY_FREE
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

/* A transfer pair and its line's match as it will be. */
struct tpair {
	int64_t pid;
	struct transfer_match m;
};

static void
read_tpair(struct db_stmt *q, void *elem)
{
	struct tpair *t = elem;

	t->pid = db_column_int64(q, 0);
	t->m.line_id = db_column_int64(q, 1);
	t->m.stmt = db_column_int64(q, 2);
	t->m.seq = db_column_int(q, 3);
	t->m.gross = db_column_int64(q, 4);
	st_col(q, 5, t->m.pay_terminal, sizeof t->m.pay_terminal);
	st_col(q, 6, t->m.pay_day, sizeof t->m.pay_day);
	st_col(q, 7, t->m.pay_uuid, sizeof t->m.pay_uuid);
}

/* A pair's payment or line id (k), the other (o) and the pair's place:
 * the candidate pairs in order of one of their ids. */
struct tkey {
	int64_t k, o;
	size_t i;
};

static int
by_tkey(const void *a, const void *b)
{
	const struct tkey *x = a, *y = b;

	if (x->k != y->k)
		return (x->k > y->k) - (x->k < y->k);
	return (x->o > y->o) - (x->o < y->o);
}

/* The n pairs t in order of their line's id (line) or their payment's;
 * shared[i] set for each pair whose id another pair has too. */
static struct tkey *
tpairs_by(const struct tpair *t, size_t n, int line, char *shared)
{
	struct tkey *k = xcalloc(n + 1, sizeof *k);
	size_t i, j, m;

	for (i = 0; i < n; i++) {
		k[i].k = line ? t[i].m.line_id : t[i].pid;
		k[i].o = line ? t[i].pid : t[i].m.line_id;
		k[i].i = i;
	}
	qsort(k, n, sizeof *k, by_tkey);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && k[j].k == k[i].k; j++)
			;
		if (j - i > 1)
			for (m = i; m < j; m++)
				shared[k[m].i] = 1;
	}
	return k;
}

int64_t *
store_transfer_match_pairs(struct store *st, int days, size_t *n,
    struct transfer_match **tm, struct pd_err *err)
{
	/* a posted bank transfer payment and a credit of its amount booked
	 * within days of it either way, whose reference holds the
	 * payment's reference (the transfer's id) or its number; one to
	 * one. The lines from the free credits (store_match_lines_prepare);
	 * the candidates from payments_bank_match (migration 70), which
	 * holds what the rule compares, so that a payment's row is read
	 * only for a pair (five candidates' rows a credit were read, 2.1 s
	 * of the matching at 10M). With each pair what its match's sync
	 * record says of the line and the payment, read with it instead of
	 * again by the match's ids once written (80,000 lines and payments
	 * read twice, a tenth of the matching at 1M). One to one is told
	 * in C: the window counts of each payment's and each line's pairs
	 * sorted the pairs twice, then again by payment, in SQL (0.2 s of
	 * 0.5 with 100,000 lines at 1M) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT p.id, l.id, l.statement_id, l.seq, p.amount, "
	    "p.terminal, p.paid_on, p.uuid FROM " FREE_LINES
	    " CROSS JOIN payments p INDEXED BY payments_bank_match "
	    "ON p.amount = l.amount AND p.paid_on BETWEEN date("
	    "l.booking_date, '-' || ?1 || ' days') AND date(l.booking_date, "
	    "'+' || ?1 || ' days') WHERE " LINE_FREE " AND p.method_kind = "
	    "'bank' AND "
	    "p.status = 'Posted' AND ((p.reference <> '' AND pd_line_names("
	    "l.reference, l.text, p.reference)) OR pd_line_names(l.reference, "
	    "l.text, p.payment_no)) AND " PAY_FREE,
	    err);
	struct tpair *t;
	struct tkey *k;
	int64_t *pairs;
	size_t i, nt;
	char *shared;

	*tm = NULL;
	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "d", days);
	t = st_collect(st, s, sizeof *t, read_tpair, &nt,
	    _("Matching bank transfers"), err);
	if (t == NULL)
		return NULL;
	/* each pair whose line or payment another pair has is no match;
	 * the others in order of their payment */
	shared = xcalloc(nt + 1, 1);
	free(tpairs_by(t, nt, 1, shared));
	k = tpairs_by(t, nt, 0, shared);
	pairs = xcalloc(nt + 1, 2 * sizeof *pairs);
	*tm = xcalloc(nt + 1, sizeof **tm);
	for (i = 0; i < nt; i++) {
		if (shared[k[i].i])
			continue;
		pairs[2 * *n] = t[k[i].i].pid;
		pairs[2 * *n + 1] = t[k[i].i].m.line_id;
		(*tm)[(*n)++] = t[k[i].i].m;
	}
	free(k);
	free(shared);
	free(t);
	return pairs;
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
	/* the card day's payments by payments_card_day, which holds them
	 * and their ids, as store_card_match_groups read them: SQLite took
	 * payments_terminal and read the row of each of the terminal's
	 * payments of the day for its method (27,397 rows for 6,849 card
	 * payments, 76 ms a card day of the 10M bench's matching; 13 ms) */
	s = st_stmt(st,
	    "INSERT INTO statement_match_payments (match_id, payment_id) "
	    "SELECT (SELECT id FROM statement_matches WHERE line_id = ? AND "
	    "unmatched_at = ''), p.id FROM payments p INDEXED BY "
	    "payments_card_day WHERE p.terminal = ? AND "
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
