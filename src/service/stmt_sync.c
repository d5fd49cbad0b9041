/* stmt_sync.c - imported bank statements and their matches as sync
 * records (issue 20, "Reconciliation"): written by the terminal in the
 * transaction of the import or the match, checked and applied at the
 * central node, so that a supervisor there sees which deposits the bank
 * confirmed (paydesk-central deposits: matched).
 *
 * A statement is known everywhere by its account and key (the bank's
 * statement id, or the hash of its lines), the same at every terminal
 * that imports the file: the second terminal's import of it applies as
 * nothing new. Its lines travel in parts of SYNC_STMT_LINES, in order. A
 * match names the line by the statement's account, key and the line's
 * number, and what took it: a deposit, a gateway payment, a bank
 * transfer's payment, or a terminal's day of card payments one by one
 * (the central node may hold more of that day than the terminal did).
 * Two terminals that match the same credit to different
 * deposits conflict: the central node keeps the first and refuses the
 * second with who matched the line to what, and the operator reads it in
 * the sync's rejected records (paydesk sync --quarantine). Neither kind
 * is fed back to terminals (a terminal that pulls one refuses it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/money.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

/* A statement's match records built and written this many at a time. */
#define MATCH_ROWS 1000

/* ---- at the terminal ---- */

/* v as a record carries it: printable UTF-8 (a bank file's account or
 * statement id is what the bank sent), the same at every terminal. */
static void
printable(char *v, size_t size)
{
	const unsigned char *p = (const unsigned char *)v;
	char *e;

	while (*p >= 0x20 && *p < 0x7f)
		p++;
	if (*p == '\0')
		return; /* printable ASCII, as utf8_printable leaves it */
	e = utf8_printable(v);
	xstrlcpy(v, e, size);
	free(e);
}

int
svc_stmt_outbox(struct svc *s, const struct statement *st,
    struct statement_line *lines, size_t n, struct pd_err *err)
{
	struct syncrec rec;
	char ref[64];
	size_t first;

	/* a statement of no lines (a camt.053 of a day of no movement) is
	 * one record of none, its header */
	for (first = 0; first < n || (n == 0 && first == 0);
	     first += SYNC_STMT_LINES) {
		ledger_rec_head(s, &rec, SR_STATEMENT, NULL, NULL,
		    s->cfg.branch_id, st->imported_at);
		rec.stmt = *st;
		printable(rec.stmt.account, sizeof rec.stmt.account);
		printable(rec.stmt.stmt_id, sizeof rec.stmt.stmt_id);
		printable(rec.stmt.stmt_key, sizeof rec.stmt.stmt_key);
		printable(rec.stmt.file_name, sizeof rec.stmt.file_name);
		rec.stmt_first = (int64_t)first + 1;
		rec.slines = lines + first;
		rec.nslines =
		    n - first < SYNC_STMT_LINES ? n - first : SYNC_STMT_LINES;
		/* named as at every terminal (deposit.h, stmt_name) */
		snprintf(ref, sizeof ref, "%s:%lld", st->name,
		    (long long)rec.stmt_first);
		if (svc_outbox(s, &rec, ref, err) != 0)
			return -1;
	}
	return 0;
}

/* Line line_id's match m as its outbox row (row->payload to free),
 * built in *r: zero at the first call, then as the last call left it
 * (a record is 29.5 KB: clearing it for each of a statement's 100,000
 * match records was 2.9 GB written; F20). Each field a match record
 * has is set here or cleared, whatever the last call set. */
static int
match_row(struct svc *s, int64_t line_id, const struct line_match *mm,
    const char *op, const char *note, const char *at, struct outbox_row *row,
    struct syncrec *r, struct pd_err *err)
{
	const struct line_match m = *mm;
	char name[STMT_NAME_BUFSZ];

	row->payload = NULL;
	ledger_rec_head_set(s, r, SR_STMT_MATCH, NULL, NULL,
	    s->cfg.branch_id, at);
	r->payment_uuid[0] = r->card_terminal[0] = r->card_day[0] = '\0';
	r->card_count = r->card_gross = 0;
	r->card_payments = NULL;
	r->ncard_payments = 0;
	xstrlcpy(r->op, op, sizeof r->op);
	/* the statement's name kept in *r from the call before, when it
	 * named the same statement (a statement's 100,000 matches, one
	 * SHA-256) */
	if (r->stmt.name[0] == '\0' || strcmp(r->stmt.account, m.account) != 0 ||
	    strcmp(r->stmt.stmt_key, m.stmt_key) != 0)
		stmt_name(m.account, m.stmt_key, r->stmt.name);
	xstrlcpy(name, r->stmt.name, sizeof name);
	xstrlcpy(r->stmt.account, m.account, sizeof r->stmt.account);
	xstrlcpy(r->stmt.stmt_key, m.stmt_key, sizeof r->stmt.stmt_key);
	printable(r->stmt.account, sizeof r->stmt.account);
	printable(r->stmt.stmt_key, sizeof r->stmt.stmt_key);
	r->stmt_first = m.seq;
	xstrlcpy(r->dep.uuid, m.dep_uuid, sizeof r->dep.uuid);
	xstrlcpy(r->dep.slip_no, m.slip_no, sizeof r->dep.slip_no);
	xstrlcpy(r->gp.gateway, m.gateway, sizeof r->gp.gateway);
	xstrlcpy(r->gp.code, m.code, sizeof r->gp.code);
	r->gp.payout[0] = '\0';
	/* a payout's match holds its first payment: the record names the
	 * payout (all of its payments) */
	if (strcmp(m.rule, "payout") == 0) {
		if (store_gwl_payout(s->st, m.gateway, m.code, r->gp.payout,
		        sizeof r->gp.payout, err) != 0)
			return -1;
		r->gp.code[0] = '\0';
	}
	if (strcmp(m.rule, "transfer") == 0)
		xstrlcpy(r->payment_uuid, m.pay_uuid, sizeof r->payment_uuid);
	if (strcmp(m.rule, "card") == 0) {
		xstrlcpy(r->card_terminal, m.pay_terminal,
		    sizeof r->card_terminal);
		xstrlcpy(r->card_day, m.pay_day, sizeof r->card_day);
		r->card_count = m.npay;
		r->card_gross = m.gross;
		r->card_payments = (char(*)[37])store_match_payment_uuids(
		    s->st, line_id, &r->ncard_payments, err);
		if (r->card_payments == NULL)
			return -1;
	}
	xstrlcpy(r->match_rule, m.rule, sizeof r->match_rule);
	xstrlcpy(r->reason, note ? note : "", sizeof r->reason);
	/* a match is sent as made, by whom made it (the catch-up sends
	 * matches made before they were records) */
	xstrlcpy(r->by,
	    strcmp(op, "match") == 0 && m.matched_by[0] ? m.matched_by
	                                                : s->actor.username,
	    sizeof r->by);
	snprintf(row->ref, sizeof row->ref, "%s:%d", name, m.seq);
	xstrlcpy(row->uuid, r->uuid, sizeof row->uuid);
	xstrlcpy(row->at, r->at, sizeof row->at);
	row->kind = syncrec_kind_name(r->kind);
	row->payload = syncrec_encode(r);
	free(r->card_payments);
	r->card_payments = NULL;
	return 0;
}

/* Line line_id's match m as its record. */
static int
match_record(struct svc *s, int64_t line_id, const struct line_match *m,
    const char *op, const char *note, const char *at, struct pd_err *err)
{
	struct syncrec *r = xcalloc(1, sizeof *r);
	struct outbox_row row;
	int rc;

	rc = match_row(s, line_id, m, op, note, at, &row, r, err);
	free(r);
	if (rc != 0)
		return -1;
	rc = store_outbox_insert_set(s->st, &row, 1, err);
	free(row.payload);
	return rc;
}

int
svc_match_outbox(struct svc *s, int64_t line_id, const char *op,
    const char *note, const char *at, struct pd_err *err)
{
	struct line_match m;

	if (store_line_match(s->st, line_id, &m, err) != 0)
		return -1;
	return match_record(s, line_id, &m, op, note, at, err);
}

int
svc_match_outbox_set(struct svc *s, const int64_t *pairs, size_t n,
    int one, const char *at, struct pd_err *err)
{
	struct line_match *m;
	size_t nm = 0;
	int rc;

	if (n == 0)
		return 0;
	m = store_line_matches(s->st, pairs, n, one, &nm, err);
	if (m == NULL)
		return -1;
	rc = svc_match_outbox_rows(s, m, nm, at, err);
	free(m);
	return rc;
}

int
svc_match_outbox_rows(struct svc *s, const struct line_match *m, size_t nm,
    const char *at, struct pd_err *err)
{
	struct outbox_row *rows;
	struct syncrec *r;
	size_t i, k;
	int rc = 0;

	if (nm == 0)
		return 0;
	/* the records written MATCH_ROWS at a time */
	rows = xcalloc(MATCH_ROWS, sizeof *rows);
	r = xcalloc(1, sizeof *r);
	for (i = 0; i < nm && rc == 0; i += MATCH_ROWS) {
		for (k = 0; k < MATCH_ROWS && i + k < nm && rc == 0; k++)
			rc = match_row(s, m[i + k].line_id, &m[i + k], "match",
			    "", at, &rows[k], r, err);
		if (rc == 0)
			rc = store_outbox_insert_set(s->st, rows, k, err);
		while (k > 0) {
			free(rows[--k].payload);
			rows[k].payload = NULL;
		}
	}
	free(rows);
	free(r);
	return rc;
}

/* One statement imported before statements were records, and its
 * matches, queued. */
static int
catch_up_one(struct svc *s, int64_t id, size_t *nm, struct pd_err *err)
{
	struct statement_view v;
	struct match_ref *m;
	size_t n = 0, i;
	int rc;

	memset(&v, 0, sizeof v);
	if (store_stmt_get(s->st, id, &v.st, err) != 0)
		return -1;
	v.lines = store_stmt_lines(s->st, id, &v.nlines, err);
	if (v.lines == NULL)
		return -1;
	rc = svc_stmt_outbox(s, &v.st, v.lines, v.nlines, err);
	svc_statement_view_free(&v);
	m = rc == 0 ? store_stmt_sendable_matches(s->st, id, &n, err) : NULL;
	if (m == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = svc_match_outbox(
		    s, m[i].line_id, "match", m[i].note, m[i].at, err);
	free(m);
	*nm += n;
	return rc;
}

static int
stmt_catchup(struct svc *s, struct pd_err *err)
{
	char flag[8] = "", at[TS_BUFSZ], detail[96];
	int64_t *ids;
	size_t n = 0, nm = 0, i;
	int rc = 0;

	if (store_meta_get(s->st, META_STMT_CATCHUP, flag, sizeof flag) != 0 ||
	    flag[0] == '\0')
		return 0;
	if (store_begin(s->st, err) != 0)
		return -1;
	ids = store_stmt_unsent(s->st, &n, err);
	if (ids == NULL)
		return svc_finish(s, -1, err);
	for (i = 0; i < n && rc == 0; i++)
		rc = catch_up_one(s, ids[i], &nm, err);
	free(ids);
	if (rc == 0)
		rc = store_meta_set(s->st, META_STMT_CATCHUP, "", err);
	svc_now(at);
	snprintf(detail, sizeof detail, "statements=%zu matches=%zu", n, nm);
	if (rc == 0 && n > 0)
		rc = svc_audit(s, at, "catchup", "statement", "sync", detail, err);
	return svc_finish(s, rc, err);
}

/* The card and transfer matches made before they were sync records
 * (issue 20), queued once as made, audited. */
static int
match_catchup(struct svc *s, struct pd_err *err)
{
	char flag[8] = "", at[TS_BUFSZ], detail[64];
	struct match_ref *m;
	size_t n = 0, i;
	int rc = 0;

	if (store_meta_get(s->st, META_MATCH_CATCHUP, flag, sizeof flag) !=
	        0 ||
	    flag[0] == '\0')
		return 0;
	if (store_begin(s->st, err) != 0)
		return -1;
	m = store_match_unsent(s->st, &n, err);
	if (m == NULL)
		return svc_finish(s, -1, err);
	for (i = 0; i < n && rc == 0; i++)
		rc = svc_match_outbox(
		    s, m[i].line_id, "match", m[i].note, m[i].at, err);
	free(m);
	if (rc == 0)
		rc = store_meta_set(s->st, META_MATCH_CATCHUP, "", err);
	svc_now(at);
	snprintf(detail, sizeof detail, "card_transfer_matches=%zu", n);
	if (rc == 0 && n > 0)
		rc = svc_audit(s, at, "catchup", "statement_match", "sync",
		    detail, err);
	return svc_finish(s, rc, err);
}

int
svc_stmt_catchup(struct svc *s, struct pd_err *err)
{
	if (stmt_catchup(s, err) != 0)
		return -1;
	return match_catchup(s, err);
}
