/* match_sync.c - statement lines and matches as sync records (issue
 * 20): a statement's line sums, the match of a line, a line by its
 * statement and number, the active gateway match and a deposit slip's
 * rank; and the statements and matches imported before they were sync
 * records, to be sent. Deposits and matches are deposits.c. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

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
	struct line_match *m = elem;

	store_read_line_match(q, m);
	m->by_hand = db_column_int(q, 17);
	st_col(q, 18, m->payout, sizeof m->payout);
}

/* store_line_match's query, its gateway payments in table GW and their
 * payouts in PO: a terminal's pulled ones, or the central node's */
#define LINE_MATCH(GW, PO)                                                     \
	"SELECT l.statement_id, l.seq, b.account, b.stmt_key, "                \
	"coalesce(d.uuid, ''), coalesce(d.slip_no, ''), "                      \
	"coalesce(d.terminal, ''), coalesce(g.gateway, ''), "                  \
	"coalesce(g.code, ''), coalesce(m.rule, ''), "                         \
	"coalesce(m.matched_by, ''), coalesce(m.matched_at, ''), "             \
	"x.n, x.gross, x.term, x.day, x.pu, CASE WHEN m.rule = 'manual' OR "   \
	"m.note <> '' THEN 1 ELSE 0 END, CASE WHEN m.rule = 'payout' THEN "    \
	"coalesce((SELECT "                                                    \
	"xo.payout FROM " PO " xo WHERE xo.gw_id = m.gw_id), '') ELSE '' END " \
	"FROM bank_statement_lines l JOIN bank_statements b ON b.id = "        \
	"l.statement_id LEFT JOIN statement_matches m ON m.line_id = l.id "    \
	"AND m.unmatched_at = '' LEFT JOIN deposits d ON d.id = "              \
	"m.deposit_id LEFT JOIN " GW " g ON g.id = m.gw_id CROSS JOIN "        \
	"(SELECT count(*) AS n, sum(p.amount) AS gross, min(p.terminal) AS "   \
	"term, min(p.paid_on) AS day, min(p.uuid) AS pu FROM "                 \
	"statement_match_payments mp JOIN payments p ON p.id = "               \
	"mp.payment_id WHERE mp.match_id = (SELECT id FROM "                   \
	"statement_matches WHERE line_id = ?1 AND unmatched_at = '')) x "      \
	"WHERE l.id = ?1"

int
store_line_match(struct store *st, int64_t line_id, struct line_match *out,
    struct pd_err *err)
{
	/* the central node's matches hold its gateway payments */
	struct db_stmt *s = st_stmt(st,
	    st->central ? LINE_MATCH("gateway_payments", "gateway_payouts")
	                : LINE_MATCH("gw_payments", "gw_payouts"),
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
	    /* a duplicate of a line of another statement is that line
	     * here (review R20c: two terminals imported overlapping
	     * statements before syncing, each kept its own copy live, and
	     * a match or resolution pulled onto the other's copy left this
	     * one's credit open) */
	    "SELECT coalesce(dup_of, id) FROM bank_statement_lines WHERE "
	    "statement_id = ? AND seq = ?",
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

int64_t *
store_stmt_unsent(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT b.id FROM bank_statements b WHERE NOT EXISTS (SELECT 1 "
	    "FROM outbox o WHERE o.kind = 'bank_statement' AND o.ref IN (b.id "
	    "|| ':1', pd_stmt_name(b.account, b.stmt_key) || ':1')) ORDER BY "
	    "b.id",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(int64_t), st_read_int64, n,
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
	    "JOIN bank_statement_lines l ON l.id = m.line_id JOIN "
	    "bank_statements b ON b.id = l.statement_id WHERE "
	    "m.unmatched_at = '' AND m.rule IN ('card', 'transfer') AND NOT "
	    "EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'statement_match' "
	    "AND o.ref IN (l.statement_id || ':' || l.seq, pd_stmt_name("
	    "b.account, b.stmt_key) || ':' || l.seq)) ORDER BY m.id",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct match_ref), read_mref, n,
	    _("Reading a statement line"), err);
}
