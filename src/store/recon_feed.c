/* recon_feed.c - what the central node's feed of reconciliation names
 * (issue 20, "seen the same at a second terminal"): a deposit, a
 * statement line, a match and a resolution by their row id, read to be
 * sent as records (service/recon_feed.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

static void
read_text(struct db_stmt *q, void *elem)
{
	char(*v)[FEED_KEY_BUFSZ] = elem;

	st_col(q, 0, v[0], sizeof v[0]);
	st_col(q, 1, v[1], sizeof v[1]);
}

int
store_feed_row_key(struct store *st, const char *sql, int64_t id,
    char key[2][FEED_KEY_BUFSZ], struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, sql, err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = st_one(st, s, read_text, key, _("Reading the feed"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND, _("Feed row %lld is gone"),
		    (long long)id);
	return rc;
}

struct match_row_read {
	struct line_match *m;
	struct match_row *x;
};

static void
read_match_row(struct db_stmt *q, void *elem)
{
	struct match_row_read *rr = elem;

	store_read_line_match(q, rr->m);
	st_col(q, 17, rr->x->note, sizeof rr->x->note);
	st_col(q, 18, rr->x->unmatched_at, sizeof rr->x->unmatched_at);
	st_col(q, 19, rr->x->unmatched_by, sizeof rr->x->unmatched_by);
	st_col(q, 20, rr->x->unmatch_note, sizeof rr->x->unmatch_note);
	rr->x->line_id = db_column_int64(q, 21);
	rr->m->by_hand = db_column_int(q, 22);
	st_col(q, 23, rr->m->payout, sizeof rr->m->payout);
}

/* store_match_row's query, its gateway payments in table GW and their
 * payouts in PO (the central node's, or a terminal's) */
#define MATCH_ROW(GW, PO)                                                      \
	"SELECT l.statement_id, l.seq, b.account, b.stmt_key, "                \
	"coalesce(d.uuid, ''), coalesce(d.slip_no, ''), "                      \
	"coalesce(d.terminal, ''), coalesce(g.gateway, ''), "                  \
	"coalesce(g.code, ''), m.rule, m.matched_by, m.matched_at, "           \
	"x.n, x.gross, x.term, x.day, x.pu, m.note, m.unmatched_at, "          \
	"m.unmatched_by, m.unmatch_note, m.line_id, CASE WHEN m.rule = "       \
	"'manual' OR m.note <> '' THEN 1 ELSE 0 END, CASE WHEN m.rule = "      \
	"'payout' THEN coalesce((SELECT "                                      \
	"xo.payout FROM " PO " xo WHERE xo.gw_id = m.gw_id), '') ELSE '' END " \
	"FROM statement_matches m JOIN bank_statement_lines l ON l.id = "      \
	"m.line_id JOIN bank_statements b ON b.id = l.statement_id LEFT JOIN " \
	"deposits d ON d.id = m.deposit_id LEFT JOIN " GW " g ON g.id = "      \
	"m.gw_id CROSS JOIN (SELECT count(*) AS n, sum(p.amount) AS gross, "   \
	"min(p.terminal) AS term, min(p.paid_on) AS day, min(p.uuid) AS pu "   \
	"FROM statement_match_payments mp JOIN payments p ON p.id = "          \
	"mp.payment_id WHERE mp.match_id = ?1) x WHERE m.id = ?1"

int
store_match_row(struct store *st, int64_t match_id, struct line_match *m,
    struct match_row *x, struct pd_err *err)
{
	/* store_line_match's columns, of this match row whether it is
	 * active or not */
	struct db_stmt *s = st_stmt(st,
	    st->central ? MATCH_ROW("gateway_payments", "gateway_payouts")
	                : MATCH_ROW("gw_payments", "gw_payouts"),
	    err);
	struct match_row_read rr = {m, x};
	int rc;

	if (s == NULL)
		return -1;
	memset(x, 0, sizeof *x);
	st_bind(s, "i", match_id);
	rc = st_one(
	    st, s, read_match_row, &rr, _("Reading a statement line"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND, _("Feed row %lld is gone"),
		    (long long)match_id);
	return rc;
}

static void
read_uuid(struct db_stmt *q, void *elem)
{
	st_col(q, 0, elem, 37);
}

char *
store_match_row_payments(
    struct store *st, int64_t match_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT p.uuid FROM statement_match_payments mp JOIN payments p ON "
	    "p.id = mp.payment_id WHERE mp.match_id = ? ORDER BY p.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", match_id);
	return st_collect(st, s, 37, read_uuid, n, _("Reading payments"), err);
}

int
store_match_seen(struct store *st, int64_t line_id, int undone,
    const struct line_match *w, int *seen, struct pd_err *err)
{
	/* the match w names on the line: made (or undone) at that time, by
	 * that user, of that deposit or gateway payment (a payout's record
	 * names the payout, its match the first payment: rule, gateway,
	 * time and user tell it); never one this
	 * terminal undid when the central node refused it (another
	 * terminal's match of the line made in the same second is not
	 * that one: review R20, fault 1) */
	struct db_stmt *s = st_stmt(st,
	    undone ? "SELECT count(*) FROM statement_matches m LEFT JOIN "
	             "deposits d ON d.id = m.deposit_id LEFT JOIN gw_payments "
	             "g ON g.id = m.gw_id WHERE m.line_id = ?1 AND "
	             "m.unmatched_at = ?2 AND m.unmatched_by = ?3 AND (?4 = '' "
	             "OR m.rule = ?4) AND coalesce(d.uuid, '') = ?5 AND "
	             "coalesce(g.gateway, '') = ?6 AND (coalesce(g.code, '') = "
	             "?7 OR m.rule = 'payout') AND m.unmatched_by <> ?8"
	           : "SELECT count(*) FROM statement_matches m LEFT JOIN "
	             "deposits d ON d.id = m.deposit_id LEFT JOIN gw_payments "
	             "g ON g.id = m.gw_id WHERE m.line_id = ?1 AND "
	             "m.matched_at = ?2 AND m.matched_by = ?3 AND (?4 = '' OR "
	             "m.rule = ?4) AND coalesce(d.uuid, '') = ?5 AND "
	             "coalesce(g.gateway, '') = ?6 AND (coalesce(g.code, '') = "
	             "?7 OR m.rule = 'payout') AND m.unmatched_by <> ?8",
	    err);
	int64_t n = 0;

	if (s == NULL)
		return -1;
	st_bind(s, "isssssss", line_id, w->matched_at, w->matched_by, w->rule,
	    w->dep_uuid, w->gateway, w->code, MATCH_REFUSED_BY);
	if (st_one(st, s, st_read_int64, &n, _("Reading a statement line"),
	        err) < 0)
		return -1;
	*seen = n > 0;
	return 0;
}

struct statement_line *
store_stmt_lines_part(struct store *st, int64_t stmt, int64_t first,
    int64_t count, size_t *n, struct pd_err *err)
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
	    " WHERE l.statement_id = ? AND l.seq >= ? AND l.seq < ?"
	    " ORDER BY l.seq",
	    err);

	if (q == NULL)
		return NULL;
	st_bind(q, "iii", stmt, first, first + count);
	return st_collect(st, q, sizeof(struct statement_line), stmt_line_read,
	    n, _("Reading statements"), err);
}

int
store_match_refused(struct store *st, int64_t line_id, const char *at,
    int *seen, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(*) FROM statement_matches WHERE line_id = ? AND "
	    "matched_at = ? AND unmatched_at <> '' AND unmatched_by = ?",
	    err);
	int64_t n = 0;

	if (s == NULL)
		return -1;
	st_bind(s, "iss", line_id, at, MATCH_REFUSED_BY);
	if (st_one(st, s, st_read_int64, &n, _("Reading a statement line"),
	        err) < 0)
		return -1;
	*seen = n > 0;
	return 0;
}

int
store_recon_hold(struct store *st, const char *key, const char *payload,
    const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO recon_held (key, payload, held_at) VALUES (?, ?, ?) "
	    "ON CONFLICT (key) DO NOTHING",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", key, payload, at);
	return st_done(st, s, err);
}

static void
read_held(struct db_stmt *q, void *elem)
{
	struct recon_held *h = elem;

	h->id = db_column_int64(q, 0);
	h->payload = xstrdup((const char *)db_column_text(q, 1));
}

struct recon_held *
store_recon_held(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT id, payload FROM recon_held ORDER BY id", err);

	*n = 0;
	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct recon_held), read_held, n,
	    _("Reading the held matches"), err);
}

int
store_recon_held_drop(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "DELETE FROM recon_held WHERE id = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	return st_done(st, s, err);
}

struct recon_held *
store_pull_set_aside_of(
    struct store *st, const char *kind, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, payload FROM pull_quarantine WHERE kind = ? ORDER BY id",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "s", kind);
	return st_collect(st, s, sizeof(struct recon_held), read_held, n,
	    _("Reading the quarantine"), err);
}

int
store_pull_set_aside_drop(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "DELETE FROM pull_quarantine WHERE id = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	return st_done(st, s, err);
}
