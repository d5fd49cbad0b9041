/* match_set.c - the matching rules' matches written as sets (issue 20,
 * "Speed": a 100,000-line statement matched within 5 s on the 10M store).
 * A rule's pairs were written one statement at a time (the match, its
 * payment, a read of what its sync record says), three round trips a
 * match; here each step is one statement over all of a rule's pairs,
 * passed as one JSON array, in the pairs' order (the ids and the sync
 * records come in the order the one-by-one writes made them). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/deposit.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* pairs {a, b} as "[[a,b],...]"; free(). */
static char *
pairs_json(const int64_t *pairs, size_t n)
{
	/* two int64s, their brackets and commas: at most 44 bytes a pair */
	size_t cap = n * 44 + 3, used = 0, i;
	char *j = xmalloc(cap);

	j[used++] = '[';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(j + used, cap - used,
		    "%s[%" PRId64 ",%" PRId64 "]", i ? "," : "", pairs[2 * i],
		    pairs[2 * i + 1]);
	j[used++] = ']';
	j[used] = '\0';
	return j;
}

int
store_match_insert_set(struct store *st, const int64_t *pairs, size_t n,
    const char *rule, const char *at, int64_t user_id, const char *by,
    struct pd_err *err)
{
	/* what the first of a pair is: a deposit (rule auto), a gateway
	 * payment (gateway), a bank transfer's payment (transfer) or
	 * nothing (card: its payments by its terminal and day, after) */
	int what = strcmp(rule, "auto") == 0       ? 1
	           : strcmp(rule, "gateway") == 0  ? 2
	           : strcmp(rule, "transfer") == 0 ? 3
	                                           : 0;
	struct db_stmt *s;
	char *j;
	int rc;

	if (n == 0)
		return 0;
	s = st_stmt(st,
	    "INSERT INTO statement_matches (line_id, deposit_id, gw_id, rule, "
	    "note, matched_at, user_id, matched_by) SELECT json_extract(value, "
	    "'$[1]'), CASE ?2 WHEN 1 THEN json_extract(value, '$[0]') END, "
	    "CASE ?2 WHEN 2 THEN json_extract(value, '$[0]') END, ?3, '', ?4, "
	    "nullif(?5, 0), ?6 FROM json_each(?1) ORDER BY key",
	    err);
	if (s == NULL)
		return -1;
	j = pairs_json(pairs, n);
	st_bind(s, "sdssis", j, what, rule, at, user_id, by);
	rc = st_done(st, s, err);
	if (rc == 0 && what == 3) {
		s = st_stmt(st,
		    "INSERT INTO statement_match_payments (match_id, "
		    "payment_id) SELECT m.id, json_extract(j.value, '$[0]') "
		    "FROM json_each(?1) j JOIN statement_matches m ON "
		    "m.line_id = json_extract(j.value, '$[1]') AND "
		    "m.unmatched_at = '' ORDER BY j.key",
		    err);
		if (s == NULL)
			rc = -1;
		else {
			st_bind(s, "s", j);
			rc = st_done(st, s, err);
		}
	}
	free(j);
	return rc;
}

static void
read_lmatch_at(struct db_stmt *q, void *elem)
{
	struct line_match *m = elem;

	store_read_line_match(q, m);
	m->line_id = db_column_int64(q, 17);
}

/* store_line_matches' columns where each match took at most one
 * payment: that payment joined as it is, no group (the transfer rule's
 * 80,000 matches of the bench's statement: the grouped read built and
 * indexed a table of them) */
#define LINE_MATCHES_ONE                                                       \
	"SELECT l.statement_id, l.seq, b.account, b.stmt_key, "                \
	"coalesce(d.uuid, ''), coalesce(d.slip_no, ''), "                      \
	"coalesce(d.terminal, ''), coalesce(g.gateway, ''), "                  \
	"coalesce(g.code, ''), coalesce(m.rule, ''), "                         \
	"coalesce(m.matched_by, ''), coalesce(m.matched_at, ''), CASE WHEN "   \
	"p.id IS NULL THEN 0 ELSE 1 END, p.amount, p.terminal, p.paid_on, "    \
	"p.uuid, l.id FROM json_each(?1) j JOIN bank_statement_lines l ON "    \
	"l.id = json_extract(j.value, '$[1]') JOIN bank_statements b ON b.id " \
	"= l.statement_id LEFT JOIN statement_matches m ON m.line_id = l.id "  \
	"AND m.unmatched_at = '' LEFT JOIN deposits d ON d.id = m.deposit_id " \
	"LEFT JOIN gw_payments g ON g.id = m.gw_id LEFT JOIN "                 \
	"statement_match_payments mp ON mp.match_id = m.id LEFT JOIN "         \
	"payments p ON p.id = mp.payment_id ORDER BY j.key"

struct line_match *
store_line_matches(struct store *st, const int64_t *pairs, size_t n, int one,
    size_t *nout, struct pd_err *err)
{
	/* store_line_match's columns, of each pair's line, in order; the
	 * payments of the matches made now only */
	struct db_stmt *s = one ? st_stmt(st, LINE_MATCHES_ONE, err) : st_stmt(st,
	    "SELECT l.statement_id, l.seq, b.account, b.stmt_key, "
	    "coalesce(d.uuid, ''), coalesce(d.slip_no, ''), "
	    "coalesce(d.terminal, ''), coalesce(g.gateway, ''), "
	    "coalesce(g.code, ''), coalesce(m.rule, ''), "
	    "coalesce(m.matched_by, ''), coalesce(m.matched_at, ''), "
	    "coalesce(x.n, 0), x.gross, x.term, x.day, x.pu, l.id FROM "
	    "json_each(?1) j JOIN bank_statement_lines l ON l.id = "
	    "json_extract(j.value, '$[1]') JOIN bank_statements b ON b.id = "
	    "l.statement_id LEFT JOIN statement_matches m ON m.line_id = l.id "
	    "AND m.unmatched_at = '' LEFT JOIN deposits d ON d.id = "
	    "m.deposit_id LEFT JOIN gw_payments g ON g.id = m.gw_id LEFT JOIN "
	    "(SELECT mp.match_id AS mid, count(*) AS n, sum(p.amount) AS "
	    "gross, min(p.terminal) AS term, min(p.paid_on) AS day, "
	    "min(p.uuid) AS pu FROM statement_match_payments mp JOIN payments "
	    "p ON p.id = mp.payment_id WHERE mp.match_id IN (SELECT m2.id FROM "
	    "json_each(?1) j2 JOIN statement_matches m2 ON m2.line_id = "
	    "json_extract(j2.value, '$[1]') AND m2.unmatched_at = '') GROUP "
	    "BY mp.match_id) x ON x.mid = m.id ORDER BY j.key",
	    err);
	struct line_match *out;
	char *j;

	*nout = 0;
	if (s == NULL)
		return NULL;
	j = pairs_json(pairs, n);
	st_bind(s, "s", j);
	out = st_collect(st, s, sizeof *out, read_lmatch_at, nout,
	    _("Reading a statement line"), err);
	free(j);
	return out;
}

int
store_card_day_free(struct store *st, const char *terminal, const char *day,
    int64_t *n, int64_t *gross, struct pd_err *err)
{
	/* the card rule's group of a terminal and day (deposits.c) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(*), coalesce(sum(p.amount), 0) FROM payments p "
	    "WHERE p.terminal = ? AND p.paid_on = ? AND p.method_kind = "
	    "'card' AND p.status = 'Posted' AND NOT EXISTS (SELECT 1 FROM "
	    "statement_match_payments mp JOIN statement_matches m ON m.id = "
	    "mp.match_id WHERE mp.payment_id = p.id AND m.unmatched_at = '')",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", terminal, day);
	rc = db_step(s);
	*n = rc == DB_ROW ? db_column_int64(s, 0) : 0;
	*gross = rc == DB_ROW ? db_column_int64(s, 1) : 0;
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading payments"));
}

static void
read_rline(struct db_stmt *q, void *elem)
{
	struct recon_line *l = elem;

	memset(l, 0, sizeof *l);
	l->exc = -1;
	xstrlcpy(l->kind, "matched", sizeof l->kind);
	st_col(q, 0, l->ref, sizeof l->ref);
	l->amount = db_column_int64(q, 1);
	st_col(q, 2, l->rule, sizeof l->rule);
	st_col(q, 3, l->to, sizeof l->to);
	st_col(q, 4, l->by, sizeof l->by);
	st_col(q, 5, l->note, sizeof l->note);
}

struct recon_line *
store_recon_day_matches(struct store *st, const char *account,
    const char *day, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT pd_stmt_name(b.account, b.stmt_key) || ':' || l.seq, "
	    "l.amount, m.rule, CASE "
	    "WHEN d.id IS NOT NULL THEN d.slip_no WHEN g.id IS NOT NULL THEN "
	    "g.gateway || ' ' || g.code WHEN m.rule = 'transfer' THEN (SELECT "
	    "min(p.payment_no) FROM statement_match_payments mp JOIN payments "
	    "p ON p.id = mp.payment_id WHERE mp.match_id = m.id) ELSE (SELECT "
	    "min(p.terminal) || ' ' || min(p.paid_on) || ' (' || count(*) || "
	    "')' FROM statement_match_payments mp JOIN payments p ON p.id = "
	    "mp.payment_id WHERE mp.match_id = m.id) END, m.matched_by, "
	    "m.note FROM bank_statement_lines l JOIN bank_statements b ON b.id "
	    "= l.statement_id JOIN statement_matches m ON m.line_id = l.id AND "
	    "m.unmatched_at = '' LEFT JOIN deposits d ON d.id = m.deposit_id "
	    "LEFT JOIN gw_payments g ON g.id = m.gw_id WHERE b.account = ? AND "
	    "l.booking_date = ? AND l.amount > 0 AND l.reversal = 0 AND "
	    "l.dup_of IS NULL ORDER BY l.statement_id, l.seq",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ss", account, day);
	return st_collect(st, s, sizeof(struct recon_line), read_rline, n,
	    _("Reading the reconciliation"), err);
}
