/* recon_feed.c - reconciliation seen the same at every terminal of the
 * organisation (issue 20: a supervisor at another counter): the central
 * node feeds the deposits, bank statements, their matches and unmatches
 * and the exceptions resolved by hand that its terminals sent
 * (schema_central.c's feed triggers), as the records the terminals sent;
 * a terminal applies each as the central node did, by the same store
 * code, idempotent by what names it (a deposit's uuid, a statement's
 * account and key and a part's first line, a line's match, an
 * exception's kind and target). Nothing pulled goes to the outbox: a
 * terminal never sends back what it pulled.
 *
 * Order: the feed is in the central node's commit order, and the central
 * node applies a match only after the statement and the deposit it names,
 * so a terminal pulls them before it; one whose statement line or deposit
 * is not here even so (a feed reordered, a record set aside here) is held
 * (recon_held) and applied when they arrive, in the order it came; so
 * is the hand of a deposit not here yet (issue 20). A
 * pulled deposit keeps the lines of the shifts this terminal has (every
 * drawer's shifts are fed, shift_feed.c, before the deposits of them;
 * one fed before shifts were has those of its own terminal's only): its
 * amount is what reconciliation reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* ---- at the central node ---- */

/* The record of deposit id's creation (voided 0), void (1), or hand
 * (2: id is its row of deposit_hands). */
static int
deposit_record(struct svc *s, int64_t id, int voided, struct syncrec *r,
    struct pd_err *err)
{
	char key[2][FEED_KEY_BUFSZ];
	struct deposit d;

	if (store_feed_row_key(s->st,
	        voided == 2 ? "SELECT d.uuid, '' FROM deposit_hands h JOIN "
	                      "deposits d ON d.id = h.deposit_id WHERE h.id = ?"
	                    : "SELECT uuid, '' FROM deposits WHERE id = ?",
	        id, key, err) != 0 ||
	    store_deposit_find(s->st, key[0], &d, err) != 0)
		return -1;
	if (voided == 2) {
		ledger_rec_head(
		    s, r, SR_DEPOSIT, NULL, d.terminal, NULL, d.handed_at);
		xstrlcpy(r->op, "hand", sizeof r->op);
		xstrlcpy(r->by, d.handed_by, sizeof r->by);
	} else if (!voided) {
		ledger_rec_head(
		    s, r, SR_DEPOSIT, d.uuid, d.terminal, NULL, d.created_at);
		xstrlcpy(r->op, "create", sizeof r->op);
		xstrlcpy(r->by, d.created_by, sizeof r->by);
		r->dlines = store_deposit_lines(s->st, d.id, &r->ndlines, err);
		if (r->dlines == NULL)
			return -1;
		/* and its cheques by number (issue 20) */
		r->dcheques =
		    store_deposit_cheques(s->st, d.id, &r->ndcheques, err);
		if (r->dcheques == NULL)
			return -1;
	} else {
		ledger_rec_head(
		    s, r, SR_DEPOSIT, NULL, d.terminal, NULL, d.voided_at);
		xstrlcpy(r->op, "void", sizeof r->op);
		xstrlcpy(r->by, d.voided_by, sizeof r->by);
		xstrlcpy(r->reason, d.void_reason, sizeof r->reason);
	}
	r->dep = d;
	return 0;
}

/* The part of SYNC_STMT_LINES lines that starts at line id. */
static int
statement_record(
    struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	char key[2][FEED_KEY_BUFSZ];
	struct statement st;
	int64_t first;
	size_t i;

	if (store_feed_row_key(s->st,
	        "SELECT CAST(statement_id AS TEXT), CAST(seq AS TEXT) FROM "
	        "bank_statement_lines WHERE id = ?",
	        id, key, err) != 0 ||
	    store_stmt_get(s->st, strtoll(key[0], NULL, 10), &st, err) != 0)
		return -1;
	first = strtoll(key[1], NULL, 10);
	ledger_rec_head(
	    s, r, SR_STATEMENT, NULL, st.terminal, NULL, st.imported_at);
	r->stmt = st;
	r->stmt_first = first;
	r->slines = store_stmt_lines_part(
	    s->st, st.id, first, SYNC_STMT_LINES, &r->nslines, err);
	if (r->slines == NULL)
		return -1;
	/* which copy of each line is live is the central node's word:
	 * every terminal takes it (review R20c) */
	for (i = 0; i < r->nslines; i++)
		r->slines[i].said = 1;
	return 0;
}

/* The header of statement id, one of no lines (a camt.053 of a day of
 * no movement), which no part's first line feeds: as the importing
 * terminal sent it, a record of none from line 1. */
static int
statement_head_record(
    struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct statement st;

	if (store_stmt_get(s->st, id, &st, err) != 0)
		return -1;
	ledger_rec_head(
	    s, r, SR_STATEMENT, NULL, st.terminal, NULL, st.imported_at);
	r->stmt = st;
	r->stmt_first = 1;
	return 0;
}

static int
match_record(struct svc *s, const struct feed_entry *e, int undo,
    struct syncrec *r, struct pd_err *err)
{
	struct line_match m;
	struct match_row x;

	if (store_match_row(s->st, e->row_id, &m, &x, err) != 0)
		return -1;
	ledger_rec_head(s, r, SR_STMT_MATCH, NULL,
	    e->origin[0] ? e->origin : NULL, NULL,
	    undo ? x.unmatched_at : m.matched_at);
	xstrlcpy(r->op, undo ? "unmatch" : "match", sizeof r->op);
	xstrlcpy(r->stmt.account, m.account, sizeof r->stmt.account);
	xstrlcpy(r->stmt.stmt_key, m.stmt_key, sizeof r->stmt.stmt_key);
	r->stmt_first = m.seq;
	xstrlcpy(r->dep.uuid, m.dep_uuid, sizeof r->dep.uuid);
	xstrlcpy(r->dep.slip_no, m.slip_no, sizeof r->dep.slip_no);
	xstrlcpy(r->gp.gateway, m.gateway, sizeof r->gp.gateway);
	xstrlcpy(r->gp.code, m.code, sizeof r->gp.code);
	/* a payout's match holds its first payment: the record names the
	 * payout, as the terminal that made it sent it (stmt_sync.c) */
	xstrlcpy(r->gp.payout, m.payout, sizeof r->gp.payout);
	if (m.payout[0] != '\0')
		r->gp.code[0] = '\0';
	if (strcmp(m.rule, "transfer") == 0)
		xstrlcpy(r->payment_uuid, m.pay_uuid, sizeof r->payment_uuid);
	if (strcmp(m.rule, "card") == 0) {
		xstrlcpy(
		    r->card_terminal, m.pay_terminal, sizeof r->card_terminal);
		xstrlcpy(r->card_day, m.pay_day, sizeof r->card_day);
		r->card_count = m.npay;
		r->card_gross = m.gross;
		r->card_payments = (char(*)[37])store_match_row_payments(
		    s->st, e->row_id, &r->ncard_payments, err);
		if (r->card_payments == NULL)
			return -1;
	}
	xstrlcpy(r->match_rule, m.rule, sizeof r->match_rule);
	xstrlcpy(r->reason, undo ? x.unmatch_note : x.note, sizeof r->reason);
	xstrlcpy(r->by, undo ? x.unmatched_by : m.matched_by, sizeof r->by);
	return 0;
}

static int
resolution_record(
    struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	char key[2][FEED_KEY_BUFSZ];
	struct recon_resolution res;
	int rc;

	if (store_feed_row_key(s->st,
	        "SELECT kind, target FROM recon_resolutions WHERE id = ?", id,
	        key, err) != 0)
		return -1;
	rc = store_recon_resolution(s->st, key[0], key[1], &res, err);
	if (rc != 0)
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESTORE, "Feed row %lld is gone",
		                    (long long)id);
	ledger_rec_head(
	    s, r, SR_RECON_RESOLVE, res.uuid, res.terminal, NULL, res.at);
	r->res = res;
	xstrlcpy(r->exc_kind, recon_kind_name(res.e.kind), sizeof r->exc_kind);
	xstrlcpy(r->by, res.by, sizeof r->by);
	return 0;
}

int
svc_recon_feed_record(struct svc *s, const struct feed_entry *e,
    struct syncrec *r, struct pd_err *err)
{
	if (strcmp(e->entity, "deposit") == 0)
		return deposit_record(s, e->row_id, 0, r, err);
	if (strcmp(e->entity, "deposit_void") == 0)
		return deposit_record(s, e->row_id, 1, r, err);
	if (strcmp(e->entity, "deposit_hand") == 0)
		return deposit_record(s, e->row_id, 2, r, err);
	if (strcmp(e->entity, "statement") == 0)
		return statement_record(s, e->row_id, r, err);
	if (strcmp(e->entity, "statement_head") == 0)
		return statement_head_record(s, e->row_id, r, err);
	if (strcmp(e->entity, "stmt_match") == 0)
		return match_record(s, e, 0, r, err);
	if (strcmp(e->entity, "stmt_unmatch") == 0)
		return match_record(s, e, 1, r, err);
	if (strcmp(e->entity, "resolution") == 0)
		return resolution_record(s, e->row_id, r, err);
	return 1;
}

/* ---- at a terminal ---- */

static int
pulled_deposit(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct deposit d = r->dep;
	struct shift sh;
	struct user u;
	struct pd_err e = {0};
	size_t i;

	if (store_deposit_find(s->st, r->dep.uuid, &d, &e) == 0) {
		if (strcmp(r->op, "create") == 0 || d.voided_at[0])
			return 1; /* here already */
		if (strcmp(r->op, "hand") == 0)
			return d.handed_at[0]
			           ? 1
			           : svc_deposit_hand_apply(s, &d, r, err);
		return store_deposit_void(
		    s->st, d.id, r->at, r->by, r->reason, err);
	}
	if (e.code != PD_ENOTFOUND) {
		*err = e;
		return -1;
	}
	if (strcmp(r->op, "create") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is not known here"), r->dep.uuid);
	d = r->dep;
	d.id = 0;
	xstrlcpy(d.uuid, r->uuid, sizeof d.uuid);
	xstrlcpy(d.created_at, r->at, sizeof d.created_at);
	xstrlcpy(d.created_by, r->by, sizeof d.created_by);
	xstrlcpy(d.terminal, r->terminal, sizeof d.terminal);
	if (store_user_by_name(s->st, r->by, &u, &e) != 0)
		u.id = 0;
	/* its slip number free here: a deposit of this terminal's that the
	 * central node refused for it is undone, never a raw clash */
	if (svc_deposit_pull_slip(s, r, err) != 0 ||
	    store_deposit_insert(s->st, &d, u.id, err) != 0)
		return -1;
	/* the lines of the shifts this terminal has */
	for (i = 0; i < r->ndlines; i++) {
		if (store_shift_find(s->st, r->dlines[i].shift_uuid, &sh, &e))
			continue;
		if (store_deposit_line_insert(s->st, d.id, sh.id,
		        r->dlines[i].method, r->dlines[i].amount, err) != 0)
			return -1;
	}
	/* and their cheques by number */
	for (i = 0; i < r->ndcheques; i++) {
		if (store_shift_find(s->st, r->dcheques[i].shift_uuid, &sh, &e))
			continue;
		if (store_deposit_cheque_insert(s->st, d.id, sh.id,
		        r->dcheques[i].method, r->dcheques[i].number,
		        r->dcheques[i].amount, err) != 0)
			return -1;
	}
	return 0;
}

/* *seen: the line r names has the match r made, active or undone since
 * (a match pulled again after its unmatch is not made twice), or the
 * unmatch r made (pulled again, it would undo the line's later match of
 * the same deposit). Known by what it took, by whom and when: another
 * terminal's match of the line in the same second, undone here when the
 * central node refused it, is not the one it kept (review R20). */
static int
match_seen(
    struct svc *s, const struct syncrec *r, int *seen, struct pd_err *err)
{
	struct line_match w;
	struct statement st;
	int64_t line_id = 0;
	int rc = store_stmt_by_key(
	    s->st, r->stmt.account, r->stmt.stmt_key, &st, err);

	*seen = 0;
	if (rc <= 0)
		return rc; /* (the apply says it is not here) */
	if (store_stmt_line_id(s->st, st.id, r->stmt_first, &line_id, err))
		return -1;
	if (line_id == 0)
		return 0;
	memset(&w, 0, sizeof w);
	xstrlcpy(w.matched_at, r->at, sizeof w.matched_at);
	xstrlcpy(w.matched_by, r->by, sizeof w.matched_by);
	xstrlcpy(w.rule, r->match_rule, sizeof w.rule);
	xstrlcpy(w.dep_uuid, r->dep.uuid, sizeof w.dep_uuid);
	xstrlcpy(w.gateway, r->gp.gateway, sizeof w.gateway);
	xstrlcpy(w.code, r->gp.code, sizeof w.code);
	return store_match_seen(
	    s->st, line_id, strcmp(r->op, "unmatch") == 0, &w, seen, err);
}

/* 1: the statement line and the deposit match r names are here, 0 one
 * is not (yet), -1 the store failed. */
static int
match_ready(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct statement st;
	struct deposit d;
	struct pd_err e = {0};
	int64_t line_id = 0;
	int rc = store_stmt_by_key(
	    s->st, r->stmt.account, r->stmt.stmt_key, &st, err);

	if (rc <= 0)
		return rc;
	if (store_stmt_line_id(s->st, st.id, r->stmt_first, &line_id, err))
		return -1;
	if (line_id == 0)
		return 0;
	if (r->dep.uuid[0] == '\0' ||
	    store_deposit_find(s->st, r->dep.uuid, &d, &e) == 0)
		return 1;
	if (e.code != PD_ENOTFOUND) {
		*err = e;
		return -1;
	}
	return 0;
}

/* Whether the deposit hand r names is here (1), not yet (0). */
static int
hand_ready(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct deposit d;
	struct pd_err e = {0};

	if (store_deposit_find(s->st, r->dep.uuid, &d, &e) == 0)
		return 1;
	if (e.code != PD_ENOTFOUND) {
		*err = e;
		return -1;
	}
	return 0;
}

/* Hold match r (or a deposit's hand) until what it names is here: once,
 * by what names it (a replay brings it again with another record uuid). */
static int
hold(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	char key[512], at[TS_BUFSZ];
	char *payload = syncrec_encode(r);
	int rc;

	snprintf(key, sizeof key, "%s|%s|%s|%lld|%s|%s", r->op, r->stmt.account,
	    r->stmt.stmt_key, (long long)r->stmt_first, r->at, r->dep.uuid);
	svc_now(at);
	rc = store_recon_hold(s->st, key, payload, at, err);
	free(payload);
	return rc;
}

static int
pulled_match(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	int seen = 0;

	if (match_seen(s, r, &seen, err) != 0)
		return -1;
	if (seen)
		return 1; /* pulled before (a replay) */
	return svc_apply_stmt(s, r, err);
}

/* The held matches whose statement line and deposit are here now,
 * applied in the order they came, each in a savepoint: one that fails
 * stays held (a conflict with what this terminal has), and the record
 * whose arrival released it is applied all the same. */
static int
release_held(struct svc *s, struct pd_err *err)
{
	struct recon_held *h;
	struct syncrec r;
	struct pd_err e;
	size_t n, i;
	int rc = 0, ready;

	h = store_recon_held(s->st, &n, err);
	if (h == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		memset(&e, 0, sizeof e);
		if (syncrec_decode(h[i].payload, strlen(h[i].payload), &r, &e))
			continue;
		ready = r.kind == SR_DEPOSIT ? hand_ready(s, &r, err)
		                             : match_ready(s, &r, err);
		if (ready < 0)
			rc = -1;
		else if (ready == 1 && store_begin(s->st, err) == 0) {
			if ((r.kind == SR_DEPOSIT
			            ? pulled_deposit(s, &r, &e)
			            : pulled_match(s, &r, &e)) >= 0 &&
			    store_recon_held_drop(s->st, h[i].id, &e) == 0)
				rc = store_commit(s->st, err);
			else
				store_rollback(s->st);
		} else if (ready == 1)
			rc = -1;
		syncrec_free(&r);
	}
	for (i = 0; i < n; i++)
		free(h[i].payload);
	free(h);
	return rc;
}

int
svc_recon_pulled(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	int rc;

	switch (r->kind) {
	case SR_DEPOSIT:
		/* a hand before its deposit (a feed reordered): held */
		if (strcmp(r->op, "hand") == 0) {
			rc = hand_ready(s, r, err);
			if (rc <= 0)
				return rc < 0 ? -1 : hold(s, r, err);
		}
		rc = pulled_deposit(s, r, err);
		return rc < 0 || release_held(s, err) != 0 ? -1 : rc;
	case SR_STMT_MATCH:
		rc = match_ready(s, r, err);
		if (rc <= 0)
			return rc < 0 ? -1 : hold(s, r, err);
		return pulled_match(s, r, err);
	case SR_STATEMENT:
		rc = svc_pulled_stmt(s, r, err);
		if (rc < 0 || (r->stmt_first == 1 &&
		                  svc_stmt_take_importer(s, r, err) != 0))
			return -1;
		return release_held(s, err) != 0 ? -1 : rc;
	case SR_RECON_RESOLVE:
		return svc_pulled_resolution(s, r, err);
	default:
		return pd_fail(err, PD_EINVAL, _("Unknown record kind"));
	}
}

/* The pulled deposits (and their voids) set aside here before: a slip
 * number a deposit of this terminal's held that the central node had
 * refused, left as it was by an older version (review R20, fault 2).
 * Each is checked and applied again after the pull, in a transaction of
 * its own with its audit entry; one that applies (the refused deposit
 * undone, svc_deposit_pull_slip) leaves the quarantine, one still
 * refused stays as it was. */
int
svc_recon_rescue(struct svc *s, struct pd_err *err)
{
	struct recon_held *h;
	struct syncrec r;
	struct pd_err e;
	char at[TS_BUFSZ];
	size_t n, i;
	int rc = 0;

	h = store_pull_set_aside_of(s->st, "deposit", &n, err);
	if (h == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		memset(&e, 0, sizeof e);
		if (syncrec_decode(h[i].payload, strlen(h[i].payload), &r, &e))
			continue;
		if (r.kind == SR_DEPOSIT && store_begin(s->st, err) != 0)
			rc = -1;
		else if (r.kind == SR_DEPOSIT) {
			svc_now(at);
			if (svc_sync_check_pull(s, &r, NULL, 0, &e) == 0 &&
			    svc_recon_pulled(s, &r, &e) >= 0 &&
			    store_pull_set_aside_drop(s->st, h[i].id, &e) == 0 &&
			    svc_audit(s, at, "apply", "sync", r.uuid,
			        "set aside before", &e) == 0)
				rc = svc_finish(s, 0, err);
			else {
				store_rollback(s->st);
				if (e.code == PD_ESTORE) {
					*err = e;
					rc = -1;
				}
			}
		}
		syncrec_free(&r);
	}
	for (i = 0; i < n; i++)
		free(h[i].payload);
	free(h);
	return rc;
}

/* A pulled record that says it was made here is one this terminal has
 * (its own, fed back): one it does not have is refused. */
int
svc_recon_pull_check(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct deposit d;
	struct statement st;
	struct recon_resolution res;
	struct pd_err e = {0};
	int rc = 1;

	if (strcmp(r->terminal, s->cfg.terminal_id) != 0)
		return 0;
	switch (r->kind) {
	case SR_DEPOSIT:
		if (store_deposit_find(s->st, r->dep.uuid, &d, &e) == 0)
			rc = 0;
		else if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		break;
	case SR_STATEMENT:
	case SR_STMT_MATCH:
		rc = store_stmt_by_key(
		    s->st, r->stmt.account, r->stmt.stmt_key, &st, err);
		if (rc < 0)
			return -1;
		rc = rc == 0;
		break;
	case SR_RECON_RESOLVE:
		rc = store_recon_resolution(s->st,
		    recon_kind_name(r->res.e.kind), r->res.e.target, &res, err);
		if (rc < 0)
			return -1;
		rc = rc == 1 || strcmp(res.uuid, r->res.uuid) != 0;
		break;
	default:
		return 0;
	}
	if (rc == 0)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("It says it was made on this terminal, and this terminal never "
	      "made it"));
}
