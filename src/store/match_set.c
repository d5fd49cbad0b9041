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

/* A rule's matches, one of each pair of ?1 (pairs_json) in order: the
 * line its second, the deposit (?2 1) or the gateway payment (?2 2) its
 * first; ?3 the rule, ?4 when, ?5 the user's id (0: none), ?6 who. */
#define MATCH_INSERT                                                           \
	"INSERT INTO statement_matches (line_id, deposit_id, gw_id, rule, "    \
	"note, matched_at, user_id, matched_by) SELECT json_extract(value, "   \
	"'$[1]'), CASE ?2 WHEN 1 THEN json_extract(value, '$[0]') END, "       \
	"CASE ?2 WHEN 2 THEN json_extract(value, '$[0]') END, ?3, '', ?4, "    \
	"nullif(?5, 0), ?6 FROM json_each(?1) ORDER BY key"

/* ids as "[a,b,...]"; free(). */
static char *
ids_json(const int64_t *ids, size_t n)
{
	size_t cap = n * 22 + 3, used = 0, i;
	char *j = xmalloc(cap);

	j[used++] = '[';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(j + used, cap - used, "%s%" PRId64,
		    i ? "," : "", ids[i]);
	j[used++] = ']';
	j[used] = '\0';
	return j;
}

/* Order of {match id, line id} by line id. */
static int
by_line(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* The transfers' payments, each with its match: made (n {match id,
 * line id} as the matches' insert returned them) gives the match of
 * each pair {payment id, line id}; one statement for all. */
static int
transfer_payments(struct store *st, const int64_t *pairs, int64_t *made,
    size_t n, struct pd_err *err)
{
	struct db_stmt *s;
	int64_t *mp = xmalloc(n * 2 * sizeof *mp), key[2], *m;
	size_t i;
	char *j;
	int rc;

	qsort(made, n, 2 * sizeof *made, by_line);
	for (i = 0; i < n; i++) {
		key[1] = pairs[2 * i + 1];
		m = bsearch(key, made, n, 2 * sizeof *made, by_line);
		if (m == NULL) {
			free(mp);
			return pd_fail(err, PD_ESTORE, "%s",
			    _("Writing to the store"));
		}
		mp[2 * i] = m[0];
		mp[2 * i + 1] = pairs[2 * i];
	}
	s = st_stmt(st,
	    "INSERT INTO statement_match_payments (match_id, payment_id) "
	    "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
	    "FROM json_each(?1) ORDER BY key",
	    err);
	if (s == NULL) {
		free(mp);
		return -1;
	}
	j = pairs_json(mp, n);
	free(mp);
	st_bind(s, "s", j);
	rc = st_done(st, s, err);
	free(j);
	return rc;
}

int
store_match_insert_set(struct store *st, const int64_t *pairs, size_t n,
    const char *rule, const char *at, int64_t user_id, const char *by,
    struct pd_err *err)
{
	/* what the first of a pair is: a deposit (rule auto), a gateway
	 * payment (gateway; payout: the first of its payout's, which
	 * stands for them all), a bank transfer's payment (transfer) or
	 * nothing (card: its payments by its terminal and day, after) */
	int what = strcmp(rule, "auto") == 0       ? 1
	           : strcmp(rule, "gateway") == 0  ? 2
	           : strcmp(rule, "payout") == 0   ? 2
	           : strcmp(rule, "transfer") == 0 ? 3
	                                           : 0;
	struct db_stmt *s;
	int64_t *made;
	size_t k = 0;
	char *j;
	int rc;

	if (n == 0)
		return 0;
	/* a transfer's matches say their ids (RETURNING), which its
	 * payments are written with (looking each match up again by its
	 * line was a tenth of the matching at 10M) */
	s = what == 3 ? st_stmt(st, MATCH_INSERT " RETURNING id, line_id", err)
	              : st_stmt(st, MATCH_INSERT, err);
	if (s == NULL)
		return -1;
	j = pairs_json(pairs, n);
	st_bind(s, "sdssis", j, what, rule, at, user_id, by);
	if (what != 3) {
		rc = st_done(st, s, err);
		free(j);
		return rc;
	}
	made = xmalloc(n * 2 * sizeof *made);
	while (k < n && (rc = db_step(s)) == DB_ROW) {
		made[2 * k] = db_column_int64(s, 0);
		made[2 * k + 1] = db_column_int64(s, 1);
		k++;
	}
	if (k == n)
		rc = db_step(s);
	if (rc != DB_DONE || k != n)
		rc = st_fail(st, err, _("Writing to the store"));
	else
		rc = 0;
	db_reset(s);
	free(j);
	if (rc == 0)
		rc = transfer_payments(st, pairs, made, n, err);
	free(made);
	return rc;
}

/* The active matches' line ids, ascending (the partial index
 * statement_matches_line in its order); *n of them; free(). */
static int64_t *
matched_lines(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT line_id FROM statement_matches WHERE unmatched_at = '' "
	    "ORDER BY line_id",
	    err);
	size_t cap = 1024;
	int64_t *v;
	int rc;

	*n = 0;
	if (s == NULL)
		return NULL;
	v = xmalloc(cap * sizeof *v);
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n == cap)
			v = xrealloc(v, cap *= 2, sizeof *v);
		v[(*n)++] = db_column_int64(s, 0);
	}
	db_reset(s);
	if (rc != DB_DONE) {
		free(v);
		st_fail(st, err, _("Reading a statement line"));
		return NULL;
	}
	return v;
}

static int
id_in(const int64_t *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == id;
}

/* day (YYYY-MM-DD) into the set d, kept in order, once. */
static void
day_add(struct day_set *d, const char *day)
{
	size_t lo = 0, hi = d->n;
	int c;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		c = strcmp(d->v[mid], day);
		if (c == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (d->n == d->cap)
		d->v = xrealloc(d->v, d->cap = d->cap ? 2 * d->cap : 64,
		    sizeof *d->v);
	memmove(d->v + lo + 1, d->v + lo, (d->n - lo) * sizeof *d->v);
	xstrlcpy(d->v[lo], day, sizeof d->v[lo]);
	d->n++;
}

/* The days the free credits were booked, temp.match_days (none when
 * there is no free credit). */
static int
days_write(struct store *st, const struct day_set *d, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO temp.match_days (day) VALUES (?)", err);
	size_t i;
	int rc = 0;

	if (s == NULL)
		return -1;
	for (i = 0; i < d->n && rc == 0; i++) {
		st_bind(s, "s", d->v[i]);
		rc = st_done(st, s, err);
	}
	return rc;
}

int64_t *
st_free_credits(struct store *st, const char *upto, size_t *n,
    struct day_set *days, struct pd_err *err)
{
	/* the credits (the partial index bank_lines_amount's lines, read
	 * from it) less the lines the active matches hold, both read in one
	 * pass and told apart here: each rule's own scan of every line with
	 * a probe of its match was 0.3 s a rule with 600,000 lines, most of
	 * them matched long ago */
	struct db_stmt *s;
	int64_t *held, *ids, id;
	size_t nheld = 0, cap = 1024;
	char day[16];
	int rc;

	*n = 0;
	if ((held = matched_lines(st, &nheld, err)) == NULL)
		return NULL;
	s = st_stmt(st,
	    "SELECT id, booking_date FROM bank_statement_lines WHERE amount > "
	    "0 AND reversal = 0 AND dup_of IS NULL",
	    err);
	if (s == NULL) {
		free(held);
		return NULL;
	}
	ids = xmalloc(cap * sizeof *ids);
	while ((rc = db_step(s)) == DB_ROW) {
		id = db_column_int64(s, 0);
		if (id_in(held, nheld, id))
			continue;
		st_col(s, 1, day, sizeof day);
		if (upto != NULL && strcmp(day, upto) > 0)
			continue;
		if (*n == cap)
			ids = xrealloc(ids, cap *= 2, sizeof *ids);
		ids[(*n)++] = id;
		if (days != NULL)
			day_add(days, day);
	}
	db_reset(s);
	free(held);
	if (rc != DB_DONE) {
		free(ids);
		st_fail(st, err, _("Reading a statement line"));
		return NULL;
	}
	return ids;
}

int
st_ids_insert(struct store *st, const char *sql, const int64_t *ids, size_t n,
    struct pd_err *err)
{
	struct db_stmt *s;
	char *j;
	int rc;

	if (n == 0)
		return 0;
	if ((s = st_stmt(st, sql, err)) == NULL)
		return -1;
	j = ids_json(ids, n);
	st_bind(s, "s", j);
	rc = st_done(st, s, err);
	free(j);
	return rc;
}

int
store_match_lines_prepare(struct store *st, struct pd_err *err)
{
	struct day_set days = {NULL, 0, 0};
	int64_t *ids;
	size_t n = 0;
	int rc;

	if (st_exec(st,
	        "CREATE TEMP TABLE IF NOT EXISTS match_lines (id INTEGER "
	        "PRIMARY KEY); CREATE TEMP TABLE IF NOT EXISTS match_days "
	        "(day TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM "
	        "temp.match_lines; DELETE FROM temp.match_days",
	        err) != 0 ||
	    (ids = st_free_credits(st, NULL, &n, &days, err)) == NULL)
		return -1;
	rc = st_ids_insert(st,
	    "INSERT INTO temp.match_lines (id) SELECT value FROM json_each(?1)",
	    ids, n, err);
	if (rc == 0)
		rc = days_write(st, &days, err);
	free(days.v);
	free(ids);
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
/* and where each pair's first is its match's one payment (a transfer's,
 * as store_match_insert_set wrote it): that payment read by its id */
#define LINE_MATCHES_PAY                                                       \
	"SELECT l.statement_id, l.seq, b.account, b.stmt_key, '', '', '', "    \
	"'', '', coalesce(m.rule, ''), coalesce(m.matched_by, ''), "           \
	"coalesce(m.matched_at, ''), CASE WHEN p.id IS NULL THEN 0 ELSE 1 "    \
	"END, p.amount, p.terminal, p.paid_on, p.uuid, l.id FROM "             \
	"json_each(?1) j JOIN bank_statement_lines l ON l.id = "               \
	"json_extract(j.value, '$[1]') JOIN bank_statements b ON b.id = "      \
	"l.statement_id LEFT JOIN statement_matches m ON m.line_id = l.id "    \
	"AND m.unmatched_at = '' LEFT JOIN payments p ON p.id = "              \
	"json_extract(j.value, '$[0]') ORDER BY j.key"

struct line_match *
store_line_matches(struct store *st, const int64_t *pairs, size_t n, int one,
    size_t *nout, struct pd_err *err)
{
	/* store_line_match's columns, of each pair's line, in order; the
	 * payments of the matches made now only */
	struct db_stmt *s = one == 2 ? st_stmt(st, LINE_MATCHES_PAY, err)
	                    : one    ? st_stmt(st, LINE_MATCHES_ONE, err)
	                             : st_stmt(st,
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
	st_col(q, 6, l->booked, sizeof l->booked);
	l->by_hand = db_column_int(q, 7);
}

struct recon_line *
store_recon_day_matches(struct store *st, const char *account,
    const char *day, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT pd_stmt_name(b.account, b.stmt_key) || ':' || l.seq, "
	    "l.amount, m.rule, " MATCH_TO ", m.matched_by, m.note, "
	    "l.booking_date, " MATCH_BY_HAND " FROM bank_statement_lines l "
	    "JOIN bank_statements b ON b.id = l.statement_id JOIN "
	    "statement_matches m ON m.line_id = l.id AND m.unmatched_at = '' "
	    "LEFT JOIN deposits d ON d.id = m.deposit_id LEFT JOIN "
	    "gw_payments g ON g.id = m.gw_id WHERE b.account = ?1 "
	    "AND " MATCH_DAY " = ?2 AND l.amount > 0 AND l.reversal = 0 AND "
	    "l.dup_of IS NULL ORDER BY l.booking_date, l.statement_id, "
	    "l.seq",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ss", account, day);
	return st_collect(st, s, sizeof(struct recon_line), read_rline, n,
	    _("Reading the reconciliation"), err);
}
