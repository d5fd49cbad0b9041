/* stmt_check.c - a terminal's statement and match records at the central
 * node (issue 20, "Reconciliation"): the statement's totals and header
 * checked against what it claims, a match against its line and target,
 * then applied. The terminal's side is stmt_sync.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "paydesk/money.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

/* The credits and debits of r's lines. */
static void
part_sums(const struct syncrec *r, int64_t *credits, int64_t *debits)
{
	size_t i;

	*credits = *debits = 0;
	for (i = 0; i < r->nslines; i++)
		if (r->slines[i].amount > 0)
			*credits += r->slines[i].amount;
		else
			*debits += r->slines[i].amount;
}

/* A part that completes the statement: its lines' totals are the
 * header's. */
static int
check_totals(const struct syncrec *r, int64_t credits, int64_t debits,
    int digits, struct pd_err *err)
{
	char c1[MONEY_BUFSZ], c2[MONEY_BUFSZ], d1[MONEY_BUFSZ], d2[MONEY_BUFSZ];

	if (credits == r->stmt.credits && debits == r->stmt.debits)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("Statement %s of account %s: its lines' credits and debits, "
	      "%s and %s, are not its header's, %s and %s"),
	    r->stmt.stmt_key, r->stmt.account,
	    money_plain(c1, sizeof c1, credits, digits),
	    money_plain(d1, sizeof d1, debits, digits),
	    money_plain(c2, sizeof c2, r->stmt.credits, digits),
	    money_plain(d2, sizeof d2, r->stmt.debits, digits));
}

/* Header: a known format and key; what the central node has of it. */
static int
check_header(struct svc *s, const struct syncrec *r, struct statement *have,
    int *known, struct pd_err *err)
{
	static const char *const formats[] = {"camt053", "mt940", "ofx", "csv"};
	const struct statement *st = &r->stmt;
	size_t i;
	int rc;

	for (i = 0; i < 4 && strcmp(st->format, formats[i]) != 0; i++)
		;
	if (i == 4)
		return pd_fail(err, PD_EINVAL,
		    _("Statement format \"%s\": camt053, mt940, ofx or csv"),
		    st->format);
	if (strncmp(st->stmt_key, "id:", 3) != 0 &&
	    strncmp(st->stmt_key, "sha256:", 7) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Statement key \"%s\": id: and the bank's statement id, "
		      "or sha256: and the hash of its lines"),
		    st->stmt_key);
	rc = store_stmt_by_key(s->st, st->account, st->stmt_key, have, err);
	if (rc < 0)
		return -1;
	*known = rc == 1;
	if (*known && (have->nlines != st->nlines ||
	                  have->credits != st->credits ||
	                  have->debits != st->debits))
		return pd_fail(err, PD_EINVAL,
		    _("Statement %s of account %s is here already, imported "
		      "on terminal %s on %s, with %lld lines; this one has "
		      "%lld, or other totals"),
		    st->stmt_key, st->account, have->terminal, have->imported_at,
		    (long long)have->nlines, (long long)st->nlines);
	return 0;
}

static int
check_statement(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct statement have;
	int64_t count = 0, cr = 0, db = 0, pc, pd, before = r->stmt_first - 1;
	int known;

	if (svc_sync_supervisor(s, f, r->stmt.imported_by,
	        _("importing a bank statement"), NULL, err) != 0 ||
	    check_header(s, r, &have, &known, err) != 0)
		return -1;
	if (!known && r->stmt_first != 1)
		return pd_fail(err, PD_EINVAL,
		    _("Statement %s of account %s is not known here: its "
		      "lines from 1 come first"),
		    r->stmt.stmt_key, r->stmt.account);
	if (known && store_stmt_line_sums(s->st, have.id, &count, &cr, &db,
	                 err) != 0)
		return -1;
	if (count >= before + (int64_t)r->nslines)
		return 0; /* another terminal's import of it brought them */
	if (count != before)
		return pd_fail(err, PD_EINVAL,
		    _("Statement %s of account %s: lines %lld on come after "
		      "line %lld; the central node has %lld"),
		    r->stmt.stmt_key, r->stmt.account, (long long)r->stmt_first,
		    (long long)before, (long long)count);
	part_sums(r, &pc, &pd);
	if (before + (int64_t)r->nslines == r->stmt.nlines)
		return check_totals(
		    r, cr + pc, db + pd, s->cfg.minor_digits, err);
	return 0;
}

/* The statement line r names, its place and match. */
static int
find_line(struct svc *s, const struct syncrec *r, int64_t *line_id,
    struct line_match *m, struct pd_err *err)
{
	struct statement have;
	int rc = store_stmt_by_key(
	    s->st, r->stmt.account, r->stmt.stmt_key, &have, err);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Statement %s of account %s is not known here: a "
		      "statement is sent before its matches (one imported "
		      "before this version never was)"),
		    r->stmt.stmt_key, r->stmt.account);
	if (store_stmt_line_id(s->st, have.id, r->stmt_first, line_id, err))
		return -1;
	if (*line_id == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Statement %s of account %s has no line %lld here"),
		    r->stmt.stmt_key, r->stmt.account, (long long)r->stmt_first);
	return store_line_match(s->st, *line_id, m, err);
}

/* Whether the line's match is the one r names. */
static int
same_match(const struct syncrec *r, const struct line_match *m)
{
	if (r->dep.uuid[0])
		return strcmp(m->dep_uuid, r->dep.uuid) == 0;
	if (r->payment_uuid[0])
		return strcmp(m->rule, "transfer") == 0 &&
		       strcmp(m->pay_uuid, r->payment_uuid) == 0;
	if (r->card_terminal[0])
		return strcmp(m->rule, "card") == 0 &&
		       strcmp(m->pay_terminal, r->card_terminal) == 0 &&
		       strcmp(m->pay_day, r->card_day) == 0;
	/* a payout's match holds its first payment */
	if (r->gp.payout[0])
		return strcmp(m->rule, "payout") == 0 &&
		       strcmp(m->gateway, r->gp.gateway) == 0 &&
		       strcmp(m->payout, r->gp.payout) == 0;
	return strcmp(m->gateway, r->gp.gateway) == 0 &&
	       strcmp(m->code, r->gp.code) == 0;
}

/* What line match m took, as a person reads it. */
static void
match_what(const struct line_match *m, char *buf, size_t size)
{
	if (m->dep_uuid[0])
		snprintf(buf, size, _("deposit %s"), m->slip_no);
	else if (m->payout[0])
		snprintf(buf, size, _("payout %s %s"), m->gateway, m->payout);
	else if (m->code[0])
		snprintf(buf, size, "%s %s", m->gateway, m->code);
	else if (strcmp(m->rule, "transfer") == 0)
		snprintf(buf, size, _("bank transfer %s"), m->pay_uuid);
	else
		snprintf(buf, size, _("the card payments of %s on %s"),
		    m->pay_terminal, m->pay_day);
}

/* A bank transfer's payment: known, posted, of the credit's amount and
 * free to match. */
static int
check_transfer(struct svc *s, const struct syncrec *r,
    const struct stmt_credit *c, struct pay_match_state *p,
    struct pd_err *err)
{
	char a1[MONEY_BUFSZ], a2[MONEY_BUFSZ];
	int rc = store_pay_match_state(s->st, r->payment_uuid, p, err);

	if (rc < 0)
		return -1;
	if (rc == 1)
		return pd_fail(err, PD_EINVAL, _("Payment %s is not known here"),
		    r->payment_uuid);
	if (strcmp(p->kind, "bank") != 0 || strcmp(p->status, "Posted") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is not a posted bank transfer"),
		    p->payment_no);
	if (p->amount != c->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is of %s; the credit is of %s"), p->payment_no,
		    money_plain(a1, sizeof a1, p->amount, s->cfg.minor_digits),
		    money_plain(a2, sizeof a2, c->amount, s->cfg.minor_digits));
	if (!p->free)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is matched already to another statement "
		      "line"),
		    p->payment_no);
	return 0;
}

/* A terminal's day of card payments: each one the match names is a
 * posted card payment of that terminal and day here that no match took,
 * their total the match's, and the credit that total less a fee within
 * the rule's bound. */
static int
check_card(struct svc *s, const struct syncrec *r, const struct stmt_credit *c,
    struct pd_err *err)
{
	char a1[MONEY_BUFSZ], a2[MONEY_BUFSZ];
	struct pay_match_state p;
	int64_t gross = 0;
	size_t i;
	int rc;

	for (i = 0; i < r->ncard_payments; i++) {
		rc = store_pay_match_state(s->st, r->card_payments[i], &p, err);
		if (rc < 0)
			return -1;
		if (rc == 1)
			return pd_fail(err, PD_EINVAL,
			    _("Payment %s is not known here"),
			    r->card_payments[i]);
		if (strcmp(p.kind, "card") != 0 ||
		    strcmp(p.status, "Posted") != 0 ||
		    strcmp(p.terminal, r->card_terminal) != 0 ||
		    strcmp(p.paid_on, r->card_day) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Payment %s is not a posted card payment of %s on "
			      "%s"),
			    p.payment_no, r->card_terminal, r->card_day);
		if (!p.free)
			return pd_fail(err, PD_EINVAL,
			    _("Payment %s is matched already to another "
			      "statement line"),
			    p.payment_no);
		gross += p.amount;
	}
	if (gross != r->card_gross)
		return pd_fail(err, PD_EINVAL,
		    _("The card payments named are %s in all; the match says "
		      "%s"),
		    money_plain(a1, sizeof a1, gross, s->cfg.minor_digits),
		    money_plain(
		        a2, sizeof a2, r->card_gross, s->cfg.minor_digits));
	if (c->amount > gross ||
	    c->amount < gross - gross * CARD_FEE_BP_MAX / 10000)
		return pd_fail(err, PD_EINVAL,
		    _("The credit of %s is not the card payments' %s less a "
		      "fee of at most 20%%"),
		    money_plain(a1, sizeof a1, c->amount, s->cfg.minor_digits),
		    money_plain(a2, sizeof a2, gross, s->cfg.minor_digits));
	return 0;
}

/* A gateway payment's credit settles to the bank account it settled to
 * ("" none set, any), as svc_line_match: a statement of another refused.
 */
static int
settle_account_check(
    const struct syncrec *r, const char *account, struct pd_err *err)
{
	if (account[0] == '\0' || strcmp(account, r->stmt.account) == 0)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("Gateway %s settles to bank account %s; the statement is of %s"),
	    r->gp.gateway, account, r->stmt.account);
}

/* A match's deposit or gateway payment: known, and free to match, to a
 * statement of the account it was paid into. */
static int
check_target(struct svc *s, const struct syncrec *r, struct deposit *d,
    struct gw_payment *g, struct pd_err *err)
{
	struct pd_err e = {0};
	int matched = 0;
	int64_t n, net;

	/* a payout: its payments settled here, none matched yet (the
	 * match holds the first of them) */
	if (r->gp.payout[0] != '\0') {
		memset(g, 0, sizeof *g);
		if (store_gw_payout_central(s->st, r->gp.gateway, r->gp.payout,
		        &g->id, &n, &net, &matched, err) != 0)
			return -1;
		if (g->id == 0)
			return pd_fail(err, PD_EINVAL,
			    _("Gateway payout %s %s is not known here"),
			    r->gp.gateway, r->gp.payout);
		if (!matched &&
		    (store_gw_payment_by_id(s->st, g->id, g, err) != 0 ||
		        settle_account_check(r, g->settle_account, err) != 0))
			return -1;
		return matched ? pd_fail(err, PD_EINVAL,
		                     _("Gateway payout %s %s is matched "
		                       "already to another statement line"),
		                     r->gp.gateway, r->gp.payout)
		               : 0;
	}
	if (r->gp.code[0] != '\0') {
		if (store_gw_payment_get(s->st, r->gp.gateway, r->gp.code, g,
		        &e) != 0)
			return e.code == PD_ENOTFOUND
			           ? pd_fail(err, PD_EINVAL,
			                 _("Gateway payment %s %s is not "
			                   "known here"),
			                 r->gp.gateway, r->gp.code)
			           : (*err = e, -1);
		if (settle_account_check(r, g->settle_account, err) != 0 ||
		    store_match_gw_active(s->st, g->id, &matched, err) != 0)
			return -1;
		return matched ? pd_fail(err, PD_EINVAL,
		                     _("Gateway payment %s %s is matched "
		                       "already to another statement line"),
		                     r->gp.gateway, r->gp.code)
		               : 0;
	}
	if (store_deposit_find(s->st, r->dep.uuid, d, &e) != 0 ||
	    strcmp(d->uuid, r->dep.uuid) != 0)
		return e.code == PD_ESTORE
		           ? (*err = e, -1)
		           : pd_fail(err, PD_EINVAL,
		                 _("Deposit %s is not known here"), r->dep.uuid);
	if (d->voided_at[0])
		return pd_fail(err, PD_EINVAL, _("Deposit %s is void"), d->slip_no);
	if (strcmp(d->account, r->stmt.account) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s went to account %s; the statement is of %s"),
		    d->slip_no, d->account, r->stmt.account);
	return 0;
}

static int
check_match(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct line_match m;
	struct stmt_credit c;
	struct deposit d;
	struct gw_payment g;
	struct pay_match_state p;
	char what[320], name[STMT_NAME_BUFSZ];
	int64_t line_id;

	/* the line as every store names it (deposit.h, stmt_name) */
	stmt_name(r->stmt.account, r->stmt.stmt_key, name);
	if (svc_sync_supervisor(s, f, r->by, _("matching a statement line"), NULL,
	        err) != 0 ||
	    svc_check_text(_("Note"), r->reason, DEPOSIT_NOTE_BUFSZ - 1,
	        strcmp(r->op, "unmatch") == 0 ||
	            strcmp(r->match_rule, "manual") == 0,
	        err) != 0 ||
	    find_line(s, r, &line_id, &m, err) != 0)
		return -1;
	/* an unmatch of a match the central node refused (another
	 * terminal's came first) asks for what is here already: nothing
	 * to do, so the operator who resolves the conflict is not refused
	 * again */
	if (strcmp(r->op, "unmatch") == 0) {
		/* a gateway payment's or payout's match is taken back only
		 * when a supervisor made it by hand: the rule's stands on
		 * the gateway's confirmation (svc_line_unmatch) */
		if ((r->gp.code[0] || r->gp.payout[0]) && m.rule[0] &&
		    same_match(r, &m) && !m.by_hand)
			return pd_fail(err, PD_EINVAL,
			    _("Statement line %s:%lld is matched to %s %s by "
			      "its rule, which the gateway confirmed: it is "
			      "not taken back"),
			    name, (long long)r->stmt_first, r->gp.gateway,
			    r->gp.payout[0] ? r->gp.payout : r->gp.code);
		return r->dep.uuid[0] != '\0' ? check_target(s, r, &d, &g, err)
		                              : 0;
	}
	if (m.rule[0] != '\0') {
		if (same_match(r, &m))
			return 0; /* the same match from another terminal */
		match_what(&m, what, sizeof what);
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s:%lld is matched already to %s "
		      "(terminal %s, by %s at %s): two terminals matched the "
		      "same credit; unmatch one and match it again"),
		    name, (long long)r->stmt_first, what,
		    m.terminal[0] ? m.terminal : "-", m.matched_by,
		    m.matched_at);
	}
	if (store_stmt_credit(s->st, m.stmt, m.seq, &c, err) != 0)
		return -1;
	if (c.amount <= 0 || c.reversal)
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s:%lld is not a credit"), name,
		    (long long)r->stmt_first);
	if (c.dup && r->gp.code[0] == '\0' &&
	    (r->dep.uuid[0] == '\0' || strcmp(r->match_rule, "manual") == 0))
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s:%d is a credit an earlier statement "
		      "already had (statement show marks it): match that "
		      "line, so the credit is not counted twice"),
		    name, m.seq);
	if (r->payment_uuid[0] != '\0')
		return check_transfer(s, r, &c, &p, err);
	if (r->card_terminal[0] != '\0')
		return check_card(s, r, &c, err);
	if (check_target(s, r, &d, &g, err) != 0)
		return -1;
	if (r->dep.uuid[0] != '\0' && d.line_id != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is matched already to another statement "
		      "line here"),
		    d.slip_no);
	/* the bank credits a bag it was handed (issue 20): a deposit this
	 * node holds prepared, its hand not here, is matched to nothing */
	if (r->dep.uuid[0] != '\0' && d.handed_at[0] == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s (terminal %s) is prepared here, not handed "
		      "to the bank: no credit is matched to it before its hand "
		      "(deposit hand, synced first)"),
		    d.slip_no, d.terminal);
	return 0;
}

int
svc_sync_check_stmt(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	return r->kind == SR_STATEMENT ? check_statement(s, f, r, err)
	                               : check_match(s, f, r, err);
}

/* Statement part r applied: the header once, then its lines not here
 * yet, each a duplicate of a live line of another statement of the
 * account where it is a copy of one (statements.c). replica: at a
 * terminal, each line as the central node's word on it says (lines here
 * already too), stmt_word.c. */
static int
apply_statement(
    struct svc *s, const struct syncrec *r, int replica, struct pd_err *err)
{
	struct stmt_seen seen = {NULL, 0, 0};
	struct statement have = r->stmt;
	struct stmt_word w;
	struct user u;
	int64_t count = 0, cr, db;
	size_t i;
	int rc, decided;

	rc = store_stmt_by_key(
	    s->st, r->stmt.account, r->stmt.stmt_key, &have, err);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		have = r->stmt;
		xstrlcpy(have.imported_at, r->at, sizeof have.imported_at);
		xstrlcpy(have.terminal, r->terminal, sizeof have.terminal);
		if (store_user_by_name(s->st, r->stmt.imported_by, &u, err) ||
		    store_stmt_insert(s->st, &have, u.id, err) != 0)
			return -1;
	} else if (store_stmt_line_sums(
	               s->st, have.id, &count, &cr, &db, err) != 0)
		return -1;
	if (!replica && count >= r->stmt_first - 1 + (int64_t)r->nslines)
		return 0;
	/* which copy of a line is live is decided here once, in the order
	 * lines are applied: one process of the node at a time */
	if (!replica && store_stmt_guard(s->st, err) != 0)
		return -1;
	memset(&w, 0, sizeof w);
	w.st = &have;
	if (replica && store_stmt_has_own(s->st, have.account,
	                   s->cfg.terminal_id, have.id, &w.own, err) != 0)
		return -1;
	/* found again as the importing terminal finds them: among other
	 * statements, one for one (review R20b) */
	for (i = 0; i < r->nslines && rc >= 0; i++) {
		struct statement_line l = r->slines[i];

		rc = 0;
		if (l.seq <= count) {
			if (replica &&
			    svc_stmt_word_here(s, &w, &l, err) != 0)
				rc = -1;
			continue;
		}
		decided = 0;
		if ((replica &&
		        svc_stmt_word_new(s, &w, &l, &decided, err) != 0) ||
		    (!decided &&
		        store_stmt_line_seen(s->st, have.account, have.id, &l,
		            svc_stmt_seen_has, &seen, err) != 0) ||
		    store_stmt_line_insert(s->st, have.id, &l, err) != 0) {
			rc = -1;
			break;
		}
		svc_stmt_seen_add(&seen, l.dup_of);
		if (replica && svc_stmt_word_live(s, &w, &l, err) != 0)
			rc = -1;
	}
	free(seen.v);
	return rc < 0 ? -1 : 0;
}

int
svc_stmt_take_importer(
    struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct statement have;
	struct user u;
	int rc;

	rc = store_stmt_by_key(
	    s->st, r->stmt.account, r->stmt.stmt_key, &have, err);
	if (rc <= 0)
		return rc;
	if (strcmp(have.terminal, r->terminal) == 0 &&
	    strcmp(have.imported_at, r->at) == 0)
		return 0;
	if (store_user_by_name(s->st, r->stmt.imported_by, &u, err) != 0)
		return -1;
	return store_stmt_take_importer(
	    s->st, have.id, r->terminal, u.id, r->at, err);
}

/* *id: the gateway payment match r holds (a payout's first payment),
 * 0 none: the central node's (gateway_payments), or at a terminal
 * pulling another terminal's match, the one pulled here (gw_payments,
 * gw_payouts). */
static int
match_gw_id(
    struct svc *s, const struct syncrec *r, int64_t *id, struct pd_err *err)
{
	struct gw_payment g;
	struct payout_state ps;
	int64_t n, net;
	int taken, rc, central = store_is_central(s->st);

	*id = 0;
	if (r->gp.code[0] != '\0') {
		if ((central ? store_gw_payment_get(
		                   s->st, r->gp.gateway, r->gp.code, &g, err)
		             : store_gwl_get(s->st, r->gp.gateway, r->gp.code,
		                   &g, err)) != 0) {
			if (err->code == PD_ENOTFOUND)
				pd_fail(err, PD_EINVAL,
				    _("Gateway payment %s %s is not known "
				      "here"),
				    r->gp.gateway, r->gp.code);
			return -1;
		}
		*id = g.id;
		return 0;
	}
	if (r->gp.payout[0] == '\0')
		return 0;
	if (central) {
		if (store_gw_payout_central(s->st, r->gp.gateway, r->gp.payout,
		        id, &n, &net, &taken, err) != 0)
			return -1;
	} else {
		rc = store_payout_find(
		    s->st, r->gp.gateway, r->gp.payout, &ps, err);
		if (rc < 0)
			return -1;
		*id = rc == 0 ? ps.rep : 0;
	}
	if (*id == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Gateway payout %s %s is not known here"), r->gp.gateway,
		    r->gp.payout);
	return 0;
}

static int
apply_match(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct line_match m;
	struct deposit d = {0};
	struct gw_payment g = {0};
	struct user u;
	int64_t line_id;
	size_t i;

	if (find_line(s, r, &line_id, &m, err) != 0)
		return -1;
	if (r->dep.uuid[0] != '\0' &&
	    store_deposit_find(s->st, r->dep.uuid, &d, err) != 0)
		return -1;
	if (strcmp(r->op, "unmatch") == 0) {
		if (m.rule[0] == '\0' || !same_match(r, &m))
			return 0;
		return m.dep_uuid[0] != '\0'
		           ? store_match_undo(
		                 s->st, d.id, r->at, r->by, r->reason, err)
		           : store_match_undo_line(
		                 s->st, line_id, r->at, r->by, r->reason, err);
	}
	if (m.rule[0] != '\0')
		return 0; /* the same match, from another terminal */
	if (match_gw_id(s, r, &g.id, err) != 0)
		return -1;
	if (store_user_by_name(s->st, r->by, &u, err) != 0 ||
	    store_match_insert(s->st, line_id, d.id, g.id, r->match_rule,
	        r->reason, r->at, u.id, r->by, err) != 0)
		return -1;
	/* a transfer's one payment, a card settlement's day of them */
	if (r->payment_uuid[0] != '\0') {
		struct pay_match_state p;

		if (store_pay_match_state(s->st, r->payment_uuid, &p, err) != 0)
			return -1;
		return store_match_payments_add(s->st, line_id, p.id, NULL, err);
	}
	for (i = 0; i < r->ncard_payments; i++) {
		struct pay_match_state p;

		if (store_pay_match_state(
		        s->st, r->card_payments[i], &p, err) != 0 ||
		    store_match_payments_add(s->st, line_id, p.id, NULL, err))
			return -1;
	}
	return 0;
}

/* A match this terminal sent that the central node refused (review R20,
 * fault 3: two terminals matched one deposit offline; the central node
 * keeps the first): undone here, as the central node never had it, so
 * that the match the central node keeps is pulled and applied and every
 * terminal sees the same reconciliation. Queued nothing: the central
 * node has nothing to undo. 1 when a match was undone, 0 when the line
 * has no such match here (taken back already, or never made). */
int
svc_match_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err)
{
	struct syncrec r;
	struct line_match m;
	struct deposit d = {0};
	struct pd_err e = {0};
	int64_t line_id;
	int rc = 0;

	if (syncrec_decode(payload, strlen(payload), &r, &e) != 0)
		return 0;
	if (r.kind != SR_STMT_MATCH || strcmp(r.op, "match") != 0 ||
	    find_line(s, &r, &line_id, &m, &e) != 0 || m.rule[0] == '\0' ||
	    !same_match(&r, &m))
		goto done;
	if (m.dep_uuid[0] != '\0') {
		if (store_deposit_find(s->st, m.dep_uuid, &d, err) != 0)
			rc = -1;
		else
			rc = store_match_undo(
			    s->st, d.id, at, MATCH_REFUSED_BY, reason, err);
	} else
		rc = store_match_undo_line(
		    s->st, line_id, at, MATCH_REFUSED_BY, reason, err);
	rc = rc == 0 ? 1 : -1;
done:
	syncrec_free(&r);
	return rc;
}

/* Whether the match of outbox record payload was undone here when the
 * central node refused it (svc_match_refused): queuing it again would
 * send a match this terminal no longer has. */
int
svc_match_was_refused(struct svc *s, const char *payload, struct pd_err *err)
{
	struct syncrec r;
	struct pd_err e = {0};
	int rc = 0, seen = 0;
	struct statement st;
	int64_t line_id = 0;

	if (syncrec_decode(payload, strlen(payload), &r, &e) != 0)
		return 0;
	if (r.kind == SR_STMT_MATCH && strcmp(r.op, "match") == 0 &&
	    store_stmt_by_key(s->st, r.stmt.account, r.stmt.stmt_key, &st,
	        &e) == 1 &&
	    store_stmt_line_id(s->st, st.id, r.stmt_first, &line_id, &e) == 0 &&
	    line_id != 0)
		rc = store_match_refused(s->st, line_id, r.at, &seen, err) != 0
		         ? -1
		         : seen;
	syncrec_free(&r);
	return rc;
}

int
svc_apply_stmt(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	return r->kind == SR_STATEMENT ? apply_statement(s, r, 0, err)
	                               : apply_match(s, r, err);
}

int
svc_pulled_stmt(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	return apply_statement(s, r, 1, err);
}
