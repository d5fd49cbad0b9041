/* statements.c - bank statements, their lines and the CSV column
 * mappings (issue 20); append-only tables of schema.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

#define STMT_COLS                                                              \
	"s.id, s.account, s.stmt_id, s.stmt_key, s.format, s.file_name, "      \
	"s.currency, s.period_from, s.period_to, s.opening, s.closing, "       \
	"s.line_count, s.credits, s.debits, s.dup_count, s.imported_at, "      \
	"coalesce(u.username, ''), s.terminal"
#define STMT_FROM                                                              \
	" FROM bank_statements s LEFT JOIN users u ON u.id = s.user_id"

static void
read_stmt(struct db_stmt *q, void *elem)
{
	struct statement *s = elem;

	memset(s, 0, sizeof *s);
	s->id = db_column_int64(q, 0);
	st_col(q, 1, s->account, sizeof s->account);
	st_col(q, 2, s->stmt_id, sizeof s->stmt_id);
	st_col(q, 3, s->stmt_key, sizeof s->stmt_key);
	st_col(q, 4, s->format, sizeof s->format);
	st_col(q, 5, s->file_name, sizeof s->file_name);
	st_col(q, 6, s->currency, sizeof s->currency);
	st_col(q, 7, s->period_from, sizeof s->period_from);
	st_col(q, 8, s->period_to, sizeof s->period_to);
	s->has_opening = db_column_type(q, 9) != DB_NULL;
	s->opening = db_column_int64(q, 9);
	s->has_closing = db_column_type(q, 10) != DB_NULL;
	s->closing = db_column_int64(q, 10);
	s->nlines = db_column_int64(q, 11);
	s->credits = db_column_int64(q, 12);
	s->debits = db_column_int64(q, 13);
	s->ndup = db_column_int64(q, 14);
	st_col(q, 15, s->imported_at, sizeof s->imported_at);
	st_col(q, 16, s->imported_by, sizeof s->imported_by);
	st_col(q, 17, s->terminal, sizeof s->terminal);
	stmt_name(s->account, s->stmt_key, s->name);
}

/* Step q for at most one statement: 1 found, 0 none, -1 error. */
static int
one_stmt(struct store *st, struct db_stmt *q, struct statement *out,
    struct pd_err *err)
{
	int rc = db_step(q);

	if (rc == DB_ROW)
		read_stmt(q, out);
	db_reset(q);
	if (rc == DB_ROW)
		return 1;
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading statements"));
}

int
store_stmt_by_key(struct store *st, const char *account, const char *key,
    struct statement *out, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "SELECT " STMT_COLS STMT_FROM
	    " WHERE s.account = ? AND s.stmt_key = ?",
	    err);

	if (q == NULL)
		return -1;
	st_bind(q, "ss", account, key);
	return one_stmt(st, q, out, err);
}

int
store_stmt_get(
    struct store *st, int64_t id, struct statement *out, struct pd_err *err)
{
	struct db_stmt *q =
	    st_stmt(st, "SELECT " STMT_COLS STMT_FROM " WHERE s.id = ?", err);
	int rc;

	if (q == NULL)
		return -1;
	st_bind(q, "i", id);
	rc = one_stmt(st, q, out, err);
	if (rc == 0)
		return pd_fail(
		    err, PD_ENOTFOUND, _("No statement %lld"), (long long)id);
	return rc < 0 ? -1 : 0;
}

struct statement *
store_stmt_list(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(
	    st, "SELECT " STMT_COLS STMT_FROM " ORDER BY s.id DESC", err);

	if (q == NULL)
		return NULL;
	return st_collect(st, q, sizeof(struct statement), read_stmt, n,
	    _("Reading statements"), err);
}

int
store_stmt_insert(
    struct store *st, struct statement *s, int64_t user_id, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "INSERT INTO bank_statements (account, stmt_id, stmt_key, format,"
	    " file_name, currency, period_from, period_to, opening, closing,"
	    " line_count, credits, debits, dup_count, imported_at, user_id,"
	    " terminal) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
	    " CASE WHEN ? <> 0 THEN ? END, CASE WHEN ? <> 0 THEN ? END,"
	    " ?, ?, ?, ?, ?, nullif(?, 0), ?)",
	    err);

	if (q == NULL)
		return -1;
	st_bind(q, "ssssssssdidiiiiisis", s->account, s->stmt_id, s->stmt_key,
	    s->format, s->file_name, s->currency, s->period_from, s->period_to,
	    s->has_opening, s->opening, s->has_closing, s->closing, s->nlines,
	    s->credits, s->debits, s->ndup, s->imported_at, user_id,
	    s->terminal);
	if (st_done(st, q, err) != 0)
		return -1;
	s->id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_stmt_line_seen(struct store *st, const char *account,
    int64_t stmt, struct statement_line *l,
    int (*taken)(int64_t line, void *arg), void *arg, struct pd_err *err)
{
	/* by the bank's id, or by reference, day and amount: two queries,
	 * each on its index (one query with both as an OR read every line
	 * of the account's statements for each line: a second statement
	 * of 100,000 lines took many minutes; make bench) */
	/* and a line with a bank id is found by one without it (another
	 * format's export of the same account) as that one finds it: which
	 * of two copies is live must not hang on which came first (review
	 * R20c: a terminal takes the central node's word on it) */
	struct db_stmt *q =
	    l->bank_id[0] != '\0'
	        ? st_stmt(st,
	              "SELECT l.id, l.statement_id, l.amount FROM "
	              "bank_statement_lines l"
	              " JOIN bank_statements s ON s.id = l.statement_id"
	              " WHERE l.bank_id = ?2 AND l.bank_id <> '' AND"
	              " s.account = ?1 AND l.dup_of IS NULL AND"
	              " l.statement_id <> ?6 UNION ALL"
	              " SELECT l.id, l.statement_id, l.amount FROM "
	              "bank_statement_lines l"
	              " JOIN bank_statements s ON s.id = l.statement_id"
	              " WHERE l.booking_date = ?4 AND l.amount = ?5 AND"
	              " ?3 <> '' AND l.reference = ?3 AND l.bank_id = '' AND"
	              " s.account = ?1 AND l.dup_of IS NULL AND"
	              " l.statement_id <> ?6 ORDER BY 1",
	              err)
	        : st_stmt(st,
	              "SELECT l.id, l.statement_id, l.amount FROM "
	              "bank_statement_lines l"
	              " JOIN bank_statements s ON s.id = l.statement_id"
	              " WHERE l.booking_date = ?4 AND l.amount = ?5 AND"
	              " ?3 <> '' AND l.reference = ?3 AND ?2 = '' AND"
	              " s.account = ?1 AND l.dup_of IS NULL AND"
	              " l.statement_id <> ?6 ORDER BY l.id",
	              err);
	int rc;

	if (q == NULL)
		return -1;
	/* ?1 is the account, then bank id, reference, date, amount */
	db_bind_text(q, 1, account, -1, DB_TRANSIENT);
	db_bind_text(q, 2, l->bank_id, -1, DB_TRANSIENT);
	db_bind_text(q, 3, l->reference, -1, DB_TRANSIENT);
	db_bind_text(q, 4, l->booking, -1, DB_TRANSIENT);
	db_bind_int64(q, 5, l->amount);
	db_bind_int64(q, 6, stmt);
	while ((rc = db_step(q)) == DB_ROW)
		if (taken == NULL || !taken(db_column_int64(q, 0), arg)) {
			l->dup_of = db_column_int64(q, 0);
			l->dup_of_stmt = db_column_int64(q, 1);
			l->dup_amount = db_column_int64(q, 2);
			break;
		}
	db_reset(q);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading statements"));
}

int
store_stmt_line_insert(struct store *st, int64_t stmt,
    const struct statement_line *l, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "INSERT INTO bank_statement_lines (statement_id, seq, booking_date,"
	    " value_date, amount, reference, counterparty, text, bank_id,"
	    " reversal, dup_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " nullif(?, 0))",
	    err);

	if (q == NULL)
		return -1;
	st_bind(q, "idssissssdi", stmt, l->seq, l->booking, l->value, l->amount,
	    l->reference, l->counterparty, l->text, l->bank_id, l->reversal,
	    l->dup_of);
	return st_done(st, q, err);
}

void
stmt_line_read(struct db_stmt *q, void *elem)
{
	struct statement_line *l = elem;

	memset(l, 0, sizeof *l);
	l->id = db_column_int64(q, 0);
	l->seq = db_column_int(q, 1);
	st_col(q, 2, l->booking, sizeof l->booking);
	st_col(q, 3, l->value, sizeof l->value);
	l->amount = db_column_int64(q, 4);
	l->reference = xstrdup((const char *)db_column_text(q, 5));
	l->counterparty = xstrdup((const char *)db_column_text(q, 6));
	l->text = xstrdup((const char *)db_column_text(q, 7));
	l->bank_id = xstrdup((const char *)db_column_text(q, 8));
	l->reversal = db_column_int(q, 9);
	l->dup_of = db_column_int64(q, 10);
	l->dup_of_stmt = db_column_int64(q, 11);
	if (l->dup_of_stmt != 0) {
		stmt_name((const char *)db_column_text(q, 12),
		    (const char *)db_column_text(q, 13), l->dup_of_name);
		st_col(q, 13, l->dup_key, sizeof l->dup_key);
		l->dup_seq = db_column_int(q, 14);
	}
}

struct statement_line *
store_stmt_lines(struct store *st, int64_t stmt, size_t *n, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "SELECT l.id, l.seq, l.booking_date, l.value_date, l.amount,"
	    " l.reference, l.counterparty, l.text, l.bank_id, l.reversal,"
	    " coalesce(l.dup_of, 0), coalesce(d.statement_id, 0),"
	    " coalesce(ds.account, ''), coalesce(ds.stmt_key, ''),"
	    " coalesce(d.seq, 0)"
	    " FROM bank_statement_lines l"
	    " LEFT JOIN bank_statement_lines d ON d.id = l.dup_of"
	    " LEFT JOIN bank_statements ds ON ds.id = d.statement_id"
	    " WHERE l.statement_id = ? ORDER BY l.seq",
	    err);

	if (q == NULL)
		return NULL;
	st_bind(q, "i", stmt);
	return st_collect(st, q, sizeof(struct statement_line), stmt_line_read, n,
	    _("Reading statements"), err);
}

int
store_stmt_mapping_add(struct store *st, const char *name, const char *spec,
    const char *at, int64_t user_id, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "INSERT INTO bank_statement_mappings (name, spec, created_at,"
	    " user_id) VALUES (?, ?, ?, nullif(?, 0))"
	    " ON CONFLICT (name) DO NOTHING",
	    err);

	if (q == NULL)
		return -1;
	st_bind(q, "sssi", name, spec, at, user_id);
	if (st_done(st, q, err) != 0)
		return -1;
	if (db_changes(st->db) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("A statement mapping \"%s\" exists already"), name);
	return 0;
}

int
store_stmt_mapping_get(struct store *st, const char *name, char *spec, size_t n,
    struct pd_err *err)
{
	struct db_stmt *q = st_stmt(
	    st, "SELECT spec FROM bank_statement_mappings WHERE name = ?", err);
	int rc;

	if (q == NULL)
		return -1;
	st_bind(q, "s", name);
	rc = db_step(q);
	if (rc == DB_ROW)
		st_col(q, 0, spec, n);
	db_reset(q);
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No statement mapping \"%s\" (statement mapping add)"),
		    name);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading mappings"));
}

int
store_stmt_mapping_set(struct store *st, const char *name, const char *spec,
    struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    spec != NULL
	        ? "UPDATE bank_statement_mappings SET spec = ? WHERE name = ?"
	        : "DELETE FROM bank_statement_mappings WHERE name = ?",
	    err);

	if (q == NULL)
		return -1;
	if (spec != NULL)
		st_bind(q, "ss", spec, name);
	else
		st_bind(q, "s", name);
	if (st_done(st, q, err) != 0)
		return -1;
	if (db_changes(st->db) == 0)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No statement mapping \"%s\" (statement mapping add)"),
		    name);
	return 0;
}

static void
read_mapping(struct db_stmt *q, void *elem)
{
	const unsigned char *a = db_column_text(q, 0), *b = db_column_text(q, 1);

	*(char **)elem = xasprintf("%s\t%s", a ? (const char *)a : "",
	    b ? (const char *)b : "");
}

char **
store_stmt_mappings(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "SELECT name, spec FROM bank_statement_mappings ORDER BY name", err);

	*n = 0;
	if (q == NULL)
		return NULL;
	return st_collect(st, q, sizeof(char *), read_mapping, n,
	    _("Reading mappings"), err);
}

int64_t *
store_stmt_named(struct store *st, const char *name, size_t *n,
    struct pd_err *err)
{
	/* the statements are few (one a day and account): each one's name
	 * made as read, rather than a column every store (the central
	 * node's two engines too) would have to fill */
	struct db_stmt *q = st_stmt(
	    st, "SELECT id, account, stmt_key FROM bank_statements", err);
	int64_t *v = NULL;
	char have[STMT_NAME_BUFSZ];
	size_t cap = 0;
	int rc;

	*n = 0;
	if (q == NULL)
		return NULL;
	while ((rc = db_step(q)) == DB_ROW) {
		stmt_name((const char *)db_column_text(q, 1),
		    (const char *)db_column_text(q, 2), have);
		if (strcmp(have, name) != 0)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 2;
			v = xrealloc(v, cap, sizeof *v);
		}
		v[(*n)++] = db_column_int64(q, 0);
	}
	db_reset(q);
	if (rc != DB_DONE) {
		free(v);
		st_fail(st, err, _("Reading statements"));
		return NULL;
	}
	return v ? v : xcalloc(1, sizeof *v);
}

int
store_stmt_importers(
    struct store *st, const char *self, int64_t *n, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "SELECT (SELECT count(DISTINCT terminal) FROM bank_statements)"
	    " + CASE WHEN EXISTS (SELECT 1 FROM bank_statements"
	    " WHERE terminal <> ?1) THEN EXISTS (SELECT 1 FROM audit_log"
	    " WHERE action = 'import' AND entity = 'bank_statement'"
	    " AND terminal = ?1) ELSE 0 END",
	    err);
	int rc;

	if (q == NULL)
		return -1;
	st_bind(q, "s", self);
	rc = db_step(q);
	*n = rc == DB_ROW ? db_column_int64(q, 0) : 0;
	db_reset(q);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading statements"));
}

int
store_stmt_take_importer(struct store *st, int64_t id, const char *terminal,
    int64_t user_id, const char *at, struct pd_err *err)
{
	struct db_stmt *q = st_stmt(st,
	    "UPDATE bank_statements SET terminal = ?, user_id = nullif(?, 0),"
	    " imported_at = ? WHERE id = ?",
	    err);

	if (q == NULL)
		return -1;
	st_bind(q, "sisi", terminal, user_id, at, id);
	return st_done(st, q, err);
}

/* The lines v (n, in order of seq) whose seq is seq, or NULL. */
static struct statement_line *
line_of(struct statement_line *v, size_t n, int seq)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].seq == seq ? &v[lo] : NULL;
}

struct line_recon_arg {
	struct statement_line *v;
	size_t n;
};

static int
line_recon_step(struct store *st, struct db_stmt *q, struct line_recon_arg *a,
    int reversed, struct pd_err *err)
{
	struct statement_line *l;
	int rc;

	while ((rc = db_step(q)) == DB_ROW) {
		l = line_of(a->v, a->n, db_column_int(q, 0));
		if (l == NULL)
			continue;
		if (reversed) {
			l->status = STMT_LINE_REVERSED;
			continue;
		}
		st_col(q, 1, l->rule, sizeof l->rule);
		st_col(q, 2, l->matched_to, sizeof l->matched_to);
		st_col(q, 3, l->matched_by, sizeof l->matched_by);
		st_col(q, 4, l->matched_at, sizeof l->matched_at);
		l->expected = db_column_int64(q, 5);
		free(l->match_note);
		l->match_note = xstrdup((const char *)db_column_text(q, 7));
		l->by_hand = db_column_int(q, 8);
		/* a card day's credit is its payments less the processor's
		 * fee, which the rule (or the supervisor) accepted; any
		 * other match of another amount, or one whose payments were
		 * voided since, is an exception (report exceptions) */
		l->status = db_column_int(q, 6) ||
		                    (l->expected != l->amount &&
		                        (strcmp(l->rule, "card") != 0 ||
		                            l->amount > l->expected))
		                ? STMT_LINE_DIFFERS
		                : STMT_LINE_MATCHED;
	}
	db_reset(q);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading statements"));
}

int
store_stmt_lines_recon(struct store *st, int64_t stmt,
    struct statement_line *v, size_t n, struct pd_err *err)
{
	struct line_recon_arg a = {v, n};
	struct db_stmt *q;
	size_t i;

	for (i = 0; i < n; i++)
		v[i].status = v[i].reversal   ? STMT_LINE_REVERSAL
		              : v[i].amount <= 0 ? STMT_LINE_DEBIT
		              : v[i].dup_of != 0 ? STMT_LINE_DUPLICATE
		                                 : STMT_LINE_UNMATCHED;
	/* the credits the bank took back since (unless matched: a match
	 * of one is an exception, amount_differs, below) */
	q = st_stmt(st,
	    "SELECT l.seq FROM bank_statement_lines l WHERE l.statement_id = "
	    "? AND l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL AND "
	    LINE_REVERSED,
	    err);
	if (q == NULL)
		return -1;
	st_bind(q, "i", stmt);
	if (line_recon_step(st, q, &a, 1, err) != 0)
		return -1;
	/* each line's active match: its rule, what it took (as the
	 * reconciliation day lists it, store_recon_day_matches), who and
	 * when, what the ledger expected, and whether it is no longer
	 * what it was (a credit reversed, a payment voided since) */
	q = st_stmt(st,
	    "SELECT l.seq, m.rule, " MATCH_TO
	    ", m.matched_by, m.matched_at, " MATCH_EXPECTED
	    ", (d.id IS NOT NULL AND " LINE_REVERSED ") OR "
	    "EXISTS (SELECT 1 FROM statement_match_payments mp JOIN payments "
	    "p ON p.id = mp.payment_id WHERE mp.match_id = m.id AND p.status "
	    "= 'Voided'), m.note, " MATCH_BY_HAND " FROM "
	    "bank_statement_lines l JOIN "
	    "statement_matches m ON m.line_id = l.id AND m.unmatched_at = '' "
	    "LEFT JOIN deposits d ON d.id = m.deposit_id LEFT JOIN gw_payments "
	    "g ON g.id = m.gw_id WHERE l.statement_id = ? ORDER BY l.seq",
	    err);
	if (q == NULL)
		return -1;
	st_bind(q, "i", stmt);
	return line_recon_step(st, q, &a, 0, err);
}

int
store_stmt_lines_resolved(struct store *st, int64_t stmt,
    struct statement_line *v, size_t n, struct pd_err *err)
{
	/* the resolutions (not undone) whose target is a line's as the
	 * exceptions name it (store/recon.c), every kind a line has (s74
	 * fault 4): the line's own, of an unexpected credit or a credit
	 * matched twice, or its active match's, of an amount_differs: a
	 * deposit's, a gateway payout's, payments' of which one was
	 * voided since (store_recon_exceptions_aged), or a cheque of its
	 * deposit whose payment was voided (DEPOSIT-UUID cheque:PAYMENT;
	 * the line reads that one resolved when none of its deposit's is
	 * open, which svc_statement_show says after) */
	struct db_stmt *q = st_stmt(st,
	    "SELECT l.seq, r.kind, r.resolved_by, r.resolved_at, r.note, "
	    "d.id IS NOT NULL AND r.target <> d.uuid || ' ' || b.account || "
	    "'/' || b.stmt_key || '#' || l.seq FROM "
	    "bank_statement_lines l JOIN bank_statements b ON b.id = "
	    "l.statement_id LEFT JOIN statement_matches m ON m.line_id = l.id "
	    "AND m.unmatched_at = '' LEFT JOIN deposits d ON d.id = "
	    "m.deposit_id LEFT JOIN gw_payments g ON g.id = m.gw_id JOIN "
	    "recon_resolutions r ON r.target = CASE WHEN "
	    "m.id IS NULL THEN b.account || '/' || b.stmt_key || '#' || l.seq "
	    "WHEN d.id IS NOT NULL THEN d.uuid || ' ' || b.account || '/' || "
	    "b.stmt_key || '#' || l.seq WHEN m.rule = 'payout' AND g.id IS NOT "
	    "NULL THEN 'payout:' || g.gateway || ':' || " PAYOUT_OF(
	        "g") " || "
	             "' ' || b.account || '/' || b.stmt_key || '#' || l.seq "
	             "ELSE "
	             "'void:' || (SELECT count(*) || "
	             "':' || max(p.uuid) FROM statement_match_payments mp JOIN "
	             "payments "
	             "p ON p.id = mp.payment_id WHERE mp.match_id = m.id AND "
	             "p.status = "
	             "'Voided') || ' ' || b.account || '/' || b.stmt_key || "
	             "'#' || "
	             "l.seq END OR (d.id IS NOT NULL AND substr(r.target, 1, "
	             "length(d.uuid) + 8) = d.uuid || ' cheque:') WHERE "
	             "l.statement_id = ? AND r.kind IN "
	             "('unexpected_credit', 'matched_twice', 'amount_differs') "
	             "AND "
	             "r.uuid NOT IN (SELECT uuid FROM recon_undone) ORDER BY "
	             "l.seq, "
	             "r.id",
	    err);
	struct statement_line *l;
	char kind[24];
	int rc;

	if (q == NULL)
		return -1;
	st_bind(q, "i", stmt);
	while ((rc = db_step(q)) == DB_ROW) {
		l = line_of(v, n, db_column_int(q, 0));
		if (l == NULL)
			continue;
		st_col(q, 1, kind, sizeof kind);
		/* only what is still that exception: an unmatched line's
		 * credit, a differing match's amount; a voided cheque's
		 * resolved of a deposit matched for its amount (col 5) */
		if (strcmp(l->status, STMT_LINE_RESOLVED) != 0 &&
		    strcmp(l->status, db_column_int(q, 5) ? STMT_LINE_MATCHED
		                      : strcmp(kind, "amount_differs") == 0
		                          ? STMT_LINE_DIFFERS
		                          : STMT_LINE_UNMATCHED) != 0)
			continue;
		l->status = STMT_LINE_RESOLVED;
		xstrlcpy(l->resolved_kind, kind, sizeof l->resolved_kind);
		st_col(q, 2, l->resolved_by, sizeof l->resolved_by);
		st_col(q, 3, l->resolved_at, sizeof l->resolved_at);
		free(l->resolve_note);
		l->resolve_note = xstrdup((const char *)db_column_text(q, 4));
	}
	db_reset(q);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading statements"));
}

static void
read_past(struct db_stmt *q, void *elem)
{
	struct past_match *p = elem;

	memset(p, 0, sizeof *p);
	p->seq = db_column_int(q, 0);
	stmt_name((const char *)db_column_text(q, 1),
	    (const char *)db_column_text(q, 2), p->line);
	snprintf(p->line + strlen(p->line), sizeof p->line - strlen(p->line),
	    ":%d", p->seq);
	st_col(q, 3, p->rule, sizeof p->rule);
	st_col(q, 4, p->matched_to, sizeof p->matched_to);
	p->by_hand = db_column_int(q, 5);
	st_col(q, 6, p->note, sizeof p->note);
	st_col(q, 7, p->matched_by, sizeof p->matched_by);
	st_col(q, 8, p->matched_at, sizeof p->matched_at);
	st_col(q, 9, p->unmatched_by, sizeof p->unmatched_by);
	st_col(q, 10, p->unmatched_at, sizeof p->unmatched_at);
	st_col(q, 11, p->unmatch_note, sizeof p->unmatch_note);
}

/* read_past's columns of the undone matches m of lines l (of statements
 * b), their deposits d and gateway payments g joined, then WHERE */
#define PAST_MATCHES                                                           \
	"SELECT l.seq, b.account, b.stmt_key, m.rule, " MATCH_TO               \
	", " MATCH_BY_HAND ", m.note, m.matched_by, m.matched_at, "            \
	"m.unmatched_by, m.unmatched_at, m.unmatch_note FROM "                 \
	"statement_matches m JOIN bank_statement_lines l ON l.id = "           \
	"m.line_id JOIN bank_statements b ON b.id = l.statement_id LEFT JOIN " \
	"deposits d ON d.id = m.deposit_id LEFT JOIN gw_payments g ON g.id = " \
	"m.gw_id WHERE m.unmatched_at <> '' AND "

struct past_match *
store_past_matches(struct store *st, int64_t stmt, int64_t deposit_id,
    size_t *n, struct pd_err *err)
{
	struct db_stmt *q = stmt != 0
	                        ? st_stmt(st,
	                              PAST_MATCHES "l.statement_id = ? ORDER "
	                                           "BY l.seq, m.id",
	                              err)
	                        : st_stmt(st,
	                              PAST_MATCHES "m.deposit_id = ? ORDER BY "
	                                           "m.id",
	                              err);

	*n = 0;
	if (q == NULL)
		return NULL;
	st_bind(q, "i", stmt != 0 ? stmt : deposit_id);
	return st_collect(st, q, sizeof(struct past_match), read_past, n,
	    _("Reading statements"), err);
}
