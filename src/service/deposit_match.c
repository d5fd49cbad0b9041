/* deposit_match.c - deposits matched to the credits of imported bank
 * statements (issue 20, "Reconciliation"; deposit.h): the automatic
 * rules, and a supervisor's match and unmatch with a note (the
 * exceptions left open: recon_exc.c). Each match and unmatch, of every
 * rule, is a sync record
 * (stmt_sync.c), so the central node sees which deposits, transfers and
 * card days the bank confirmed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* The page cache while matching, KiB (SQLite's default is 2 MiB): a
 * statement's new rows and the payments of its days (a 100,000-line
 * statement on a store of 1M payments: with 128 MiB, 6,669 pages spilled
 * to the WAL before the commit and 62,545 read; with 256 MiB none
 * spilled and 32,930 were read) */
#define MATCH_CACHE_KB 262144

/* The pairs {first, line} of a rule matched by rule, each with its sync
 * record: one write of the matches and one read of what their records
 * say for all of them (store_match_insert_set), in the pairs' order. */
static int
insert_pairs(struct svc *s, const int64_t *pairs, size_t n, const char *rule,
    const char *at, struct pd_err *err)
{
	if (store_match_insert_set(s->st, pairs, n, rule, at, s->actor.user_id,
	        s->actor.username, err) != 0)
		return -1;
	/* a transfer's pairs name its payment (read by its id) */
	return svc_match_outbox_set(
	    s, pairs, n, strcmp(rule, "transfer") == 0 ? 2 : 1, at, err);
}

/* Transfer match t as the line_match its record is made of (its
 * statement's account and key from *st, read again when t is of
 * another statement). */
static int
transfer_line_match(struct svc *s, const struct transfer_match *t,
    struct statement *st, const char *at, struct line_match *m,
    struct pd_err *err)
{
	if (st->id != t->stmt && store_stmt_get(s->st, t->stmt, st, err) != 0)
		return -1;
	memset(m, 0, sizeof *m);
	m->line_id = t->line_id;
	m->stmt = t->stmt;
	m->seq = t->seq;
	xstrlcpy(m->account, st->account, sizeof m->account);
	xstrlcpy(m->stmt_key, st->stmt_key, sizeof m->stmt_key);
	xstrlcpy(m->rule, "transfer", sizeof m->rule);
	xstrlcpy(m->matched_by, s->actor.username, sizeof m->matched_by);
	xstrlcpy(m->matched_at, at, sizeof m->matched_at);
	m->npay = 1;
	m->gross = t->gross;
	xstrlcpy(m->pay_terminal, t->pay_terminal, sizeof m->pay_terminal);
	xstrlcpy(m->pay_day, t->pay_day, sizeof m->pay_day);
	xstrlcpy(m->pay_uuid, t->pay_uuid, sizeof m->pay_uuid);
	return 0;
}

/* The line_match records of transfers made TRANSFER_ROWS at a time: a
 * statement's 80,000 at once were 56 MB of fresh pages (s71). */
#define TRANSFER_ROWS 1000

/* The bank transfers matched, each with its one payment; their records
 * from what the rule read of each line and payment (the match's rule,
 * who made it and when as store_match_insert_set writes them). */
static int
insert_transfers(struct svc *s, const char *at, size_t *n, struct pd_err *err)
{
	struct transfer_match *tm = NULL;
	int64_t *pairs =
	    store_transfer_match_pairs(s->st, s->cfg.match_days, n, &tm, err);
	struct line_match *lm;
	struct statement *st;
	size_t i, k;
	int rc;

	if (pairs == NULL)
		return -1;
	rc = store_match_insert_set(s->st, pairs, *n, N_("transfer"), at,
	    s->actor.user_id, s->actor.username, err);
	free(pairs);
	lm = xcalloc(TRANSFER_ROWS, sizeof *lm);
	st = xcalloc(1, sizeof *st);
	for (i = 0; i < *n && rc == 0; i += k) {
		for (k = 0; k < TRANSFER_ROWS && i + k < *n && rc == 0; k++)
			rc = transfer_line_match(
			    s, &tm[i + k], st, at, &lm[k], err);
		if (rc == 0)
			rc = svc_match_outbox_rows(s, lm, k, at, err);
	}
	free(st);
	free(lm);
	free(tm);
	return rc;
}

/* The card settlements matched, each with its terminal's day of card
 * payments (a few a day: one per terminal). */
static int
insert_cards(struct svc *s, const char *at, size_t *n, struct pd_err *err)
{
	struct card_group *g = store_card_match_groups(
	    s->st, s->cfg.match_days, s->cfg.card_fee_bp, n, err);
	int64_t *pairs;
	size_t i;
	int rc;

	if (g == NULL)
		return -1;
	pairs = xcalloc(*n + 1, 2 * sizeof *pairs);
	for (i = 0; i < *n; i++)
		pairs[2 * i + 1] = g[i].line_id;
	rc = store_match_insert_set(s->st, pairs, *n, N_("card"), at,
	    s->actor.user_id, s->actor.username, err);
	for (i = 0; i < *n && rc == 0; i++)
		rc = store_match_payments_add(
		    s->st, g[i].line_id, 0, &g[i], err);
	if (rc == 0)
		rc = svc_match_outbox_set(s, pairs, *n, 0, at, err);
	free(pairs);
	free(g);
	return rc;
}

static int match_all(
    struct svc *s, struct match_counts *out, struct pd_err *err);

int
svc_deposit_match_auto(
    struct svc *s, struct match_counts *out, struct pd_err *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (svc_require(s, ROLE_SUPERVISOR, _("Matching deposits"), err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	/* a statement's matches, their payments, seals and records stay in
	 * memory until the commit instead of spilling to the WAL page by
	 * page (as a sync round's pulled page) */
	store_cache_kb(s->st, MATCH_CACHE_KB);
	rc = match_all(s, out, err);
	store_cache_kb(s->st, 0);
	return rc;
}

/* svc_deposit_match_auto's transaction. */
static int
match_all(struct svc *s, struct match_counts *out, struct pd_err *err)
{
	int64_t *pairs, *gws;
	char at[TS_BUFSZ], detail[128];
	size_t n, ng = 0, nt = 0, nc = 0, ns = 0, np = 0, npd = 0;
	int rc;

	if (store_begin(s->st, err) != 0)
		return -1;
	svc_now(at);
	pairs = store_match_lines_prepare(s->st, err) == 0
	            ? store_match_pairs(s->st, s->cfg.match_days, &n, err)
	            : NULL;
	if (pairs == NULL)
		return svc_finish(s, -1, err);
	rc = insert_pairs(s, pairs, n, N_("auto"), at, err);
	free(pairs);
	/* the settlements after the deposits: a line one took is gone */
	gws = rc == 0 ? store_gw_match_pairs(s->st, s->cfg.match_days, &ng, err)
	              : NULL;
	if (gws == NULL)
		rc = -1;
	if (rc == 0)
		rc = insert_pairs(s, gws, ng, N_("gateway"), at, err);
	free(gws);
	/* a gateway's payout, one credit for its payments less their fees
	 * (a credit naming one payment's code is that payment's, above) */
	gws = rc == 0 ? store_payout_match_pairs(
	                    s->st, s->cfg.match_days, 1, &np, err)
	              : NULL;
	if (rc == 0 && gws == NULL)
		rc = -1;
	if (rc == 0)
		rc = insert_pairs(s, gws, np, N_("payout"), at, err);
	free(gws);
	/* a transfer names its payment; a card settlement only its
	 * terminal and a total less a fee, the loosest rule, last */
	if (rc == 0)
		rc = insert_transfers(s, at, &nt, err);
	if (rc == 0)
		rc = insert_cards(s, at, &nc, err);
	/* the deposit rule's second pass, a bag the bank counted
	 * otherwise (review R20b, fault 8): its slip named by a credit no
	 * rule took, of another amount; matched (rule auto, the deposit
	 * rule: a slip in the reference) so that the supervisor sees the
	 * difference (amount_differs), not a credit nobody expected beside
	 * a deposit not credited. Last, so that a credit an exact rule fits
	 * is that rule's */
	pairs = rc == 0 ? store_slip_match_pairs(
	                      s->st, s->cfg.match_days, &ns, err)
	                : NULL;
	if (rc == 0 && pairs == NULL)
		rc = -1;
	if (rc == 0)
		rc = insert_pairs(s, pairs, ns, N_("auto"), at, err);
	free(pairs);
	/* and a payout's credit of another amount, as a bag's: matched
	 * (rule payout) so that it is an amount_differs */
	pairs = rc == 0 ? store_payout_match_pairs(
	                      s->st, s->cfg.match_days, 0, &npd, err)
	                : NULL;
	if (rc == 0 && pairs == NULL)
		rc = -1;
	if (rc == 0)
		rc = insert_pairs(s, pairs, npd, N_("payout"), at, err);
	free(pairs);
	out->payout = (int)(np + npd);
	out->payout_differs = (int)npd;
	out->deposits = (int)n;
	out->differs = (int)ns;
	out->gateway = (int)ng;
	out->transfer = (int)nt;
	out->card = (int)nc;
	snprintf(detail, sizeof detail,
	    "rule=auto matched=%zu gateway=%zu payout=%zu transfer=%zu "
	    "card=%zu differs=%zu days=%d fee_bp=%d",
	    n, ng, np + npd, nt, nc, ns + npd, s->cfg.match_days,
	    s->cfg.card_fee_bp);
	if (rc == 0 && n + ng + np + npd + nt + nc + ns > 0)
		rc = svc_audit(s, at, "match", "deposit", "auto", detail, err);
	return svc_finish_recon(s, rc, "match", err);
}

/* Statement stmt's line seq (c) is a credit free to match by hand: not
 * a debit or a reversal, not matched, and not the same credit an
 * earlier statement had (overlapping periods: it is matched on the line
 * the bank first booked it on, so it is counted once). */
static int
credit_free(const struct stmt_credit *c, const char *ref, const char *copy,
    struct pd_err *err)
{
	if (c->amount <= 0 || c->reversal)
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is not a credit"), ref);
	/* named by a duplicate copy: said so, as the copy was named */
	if (c->matched && copy[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is a credit an earlier statement "
		      "already had, %s, which is matched already"),
		    copy, ref);
	if (c->matched)
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is matched already"), ref);
	if (c->dup)
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is a credit an earlier statement "
		      "already had (statement show marks it): match that "
		      "line, so the credit is not counted twice"),
		    ref);
	return 0;
}

static int
match_in_tx(struct svc *s, const char *key, int64_t stmt, int seq,
    const char *ref, const char *copy, const char *note, struct deposit *d,
    struct pd_err *err)
{
	struct stmt_credit c;
	char at[TS_BUFSZ], detail[256];

	if (store_deposit_find(s->st, key, d, err) != 0 ||
	    store_stmt_credit(s->st, stmt, seq, &c, err) != 0)
		return -1;
	if (d->voided_at[0])
		return pd_fail(
		    err, PD_EINVAL, _("Deposit %s is void"), d->slip_no);
	/* the bank credits a bag it was handed, nothing else */
	if (d->handed_at[0] == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is prepared, not handed to the bank: no "
		      "credit is of it yet (paydesk deposit hand %s first)"),
		    d->slip_no, d->slip_no);
	if (d->line_id != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is matched to statement line %s:%d "
		      "already: unmatch it first"),
		    d->slip_no, d->line_name, d->line_seq);
	if (credit_free(&c, ref, copy, err) != 0)
		return -1;
	if (strcmp(c.account, d->account) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Statement %s is of account %s; deposit %s went to "
		      "%s"),
		    c.name, c.account, d->slip_no, d->account);
	svc_now(at);
	if (store_match_insert(s->st, c.line_id, d->id, 0, N_("manual"), note, at,
	        s->actor.user_id, s->actor.username, err) != 0 ||
	    svc_match_outbox(s, c.line_id, "match", note, at, err) != 0)
		return -1;
	d->line_id = c.line_id;
	d->line_stmt = stmt;
	xstrlcpy(d->line_name, c.name, sizeof d->line_name);
	d->line_seq = seq;
	d->credited = c.amount;
	xstrlcpy(d->credited_on, c.booking, sizeof d->credited_on);
	xstrlcpy(d->rule, "manual", sizeof d->rule);
	xstrlcpy(d->match_note, note, sizeof d->match_note);
	d->status = "matched";
	snprintf(detail, sizeof detail, "slip=%s line=%s note=%.180s",
	    d->slip_no, ref, note);
	return svc_audit(s, at, "match", "deposit", d->uuid, detail, err);
}

int
svc_deposit_match(struct svc *s, const char *key, const char *line,
    const char *note, struct deposit *out, struct pd_err *err)
{
	int64_t stmt = 0;
	int seq = 0;
	char ref[STMT_NAME_BUFSZ + 16], copy[STMT_NAME_BUFSZ + 16];

	if (svc_require(s, ROLE_SUPERVISOR, _("Matching deposits"), err) != 0 ||
	    svc_line_parse(s, line, &stmt, &seq, ref, sizeof ref, copy,
	        sizeof copy, err) != 0 ||
	    svc_check_text_fits(_("Note"), note ? note : "", DEPOSIT_NOTE_BUFSZ - 1,
	        DEPOSIT_NOTE_BUFSZ,
	        1, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish_recon(s,
	    match_in_tx(s, key, stmt, seq, ref, copy, note, out, err), "match",
	    err);
}

static int
unmatch_in_tx(struct svc *s, const char *key, const char *note,
    struct deposit *d, struct pd_err *err)
{
	char at[TS_BUFSZ], detail[256];

	if (store_deposit_find(s->st, key, d, err) != 0)
		return -1;
	if (d->line_id == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is not matched to a credit"), d->slip_no);
	svc_now(at);
	if (svc_match_outbox(s, d->line_id, "unmatch", note, at, err) != 0 ||
	    store_match_undo(
	        s->st, d->id, at, s->actor.username, note, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "slip=%s line=%s:%d note=%.180s",
	    d->slip_no, d->line_name, d->line_seq, note);
	d->line_id = 0;
	d->rule[0] = '\0';
	d->status = d->voided_at[0] ? "void" : "handed"; /* (matched: handed) */
	return svc_audit(s, at, "unmatch", "deposit", d->uuid, detail, err);
}

int
svc_deposit_unmatch(struct svc *s, const char *key, const char *note,
    struct deposit *out, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Unmatching deposits"), err) !=
	        0 ||
	    svc_check_text_fits(_("Note"), note ? note : "", DEPOSIT_NOTE_BUFSZ - 1,
	        DEPOSIT_NOTE_BUFSZ,
	        1, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish_recon(
	    s, unmatch_in_tx(s, key, note, out, err), "match", err);
}

/* What the gateway match m freed into out: a payout's payments, or the
 * one gateway payment, and what they make less their fees. */
static int
gw_freed(struct svc *s, const struct line_match *m, struct recon_unmatch *out,
    struct pd_err *err)
{
	struct payout_state ps;
	struct gw_payment g;
	int rc;

	if (m->payout[0] != '\0') {
		rc = store_payout_find(s->st, m->gateway, m->payout, &ps, err);
		if (rc < 0)
			return -1;
		out->npayments = ps.n;
		out->gross = ps.net;
		return 0;
	}
	if (store_gwl_get(s->st, m->gateway, m->code, &g, err) != 0)
		return -1;
	out->npayments = 1;
	out->gross = g.amount - g.fee;
	return 0;
}

static int
line_unmatch_in_tx(struct svc *s, int64_t stmt, int seq, const char *ref,
    const char *note, struct recon_unmatch *out, struct pd_err *err)
{
	struct stmt_credit c;
	struct line_match m;
	char at[TS_BUFSZ], detail[320];

	if (store_stmt_credit(s->st, stmt, seq, &c, err) != 0 ||
	    store_line_match(s->st, c.line_id, &m, err) != 0)
		return -1;
	if (m.rule[0] == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is not matched"), ref);
	if (m.dep_uuid[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is matched to deposit %s: take "
		      "it back with deposit unmatch %s"),
		    ref, m.slip_no, m.slip_no);
	/* a gateway payment's or payout's match by the rule stands on
	 * the gateway's confirmation; a supervisor's hand match of one
	 * (its note) is taken back as a transfer's or card day's is */
	if (m.payout[0] != '\0' && !m.by_hand)
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is matched to payout %s %s by its "
		      "rule, which the gateway confirmed: it is not taken "
		      "back"),
		    ref, m.gateway, m.payout);
	if (m.code[0] != '\0' && !m.by_hand)
		return pd_fail(err, PD_EINVAL,
		    _("Statement line %s is the settlement of gateway "
		      "payment %s %s, which the gateway confirmed: it is not "
		      "taken back"),
		    ref, m.gateway, m.code);
	svc_now(at);
	if (svc_match_outbox(s, c.line_id, "unmatch", note, at, err) != 0 ||
	    store_match_undo_line(
	        s->st, c.line_id, at, s->actor.username, note, err) != 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->stmt = stmt;
	xstrlcpy(out->name, c.name, sizeof out->name);
	out->seq = seq;
	out->amount = c.amount;
	xstrlcpy(out->rule, m.rule, sizeof out->rule);
	out->npayments = m.npay;
	out->gross = m.gross;
	/* a hand match of a payout or gateway payment: the payments it
	 * frees, what they make less their fees */
	if (m.code[0] != '\0' && gw_freed(s, &m, out, err) != 0)
		return -1;
	snprintf(detail, sizeof detail,
	    "rule=%s payments=%lld gross=%lld note=%.180s", m.rule,
	    (long long)m.npay, (long long)m.gross, note);
	return svc_audit(s, at, "unmatch", "statement_line", ref, detail, err);
}

int
svc_line_unmatch(struct svc *s, const char *line, const char *note,
    struct recon_unmatch *out, struct pd_err *err)
{
	int64_t stmt = 0;
	int seq = 0;
	char ref[STMT_NAME_BUFSZ + 16];

	if (svc_require(s, ROLE_SUPERVISOR, _("Unmatching statement lines"),
	        err) != 0 ||
	    svc_line_parse(s, line, &stmt, &seq, ref, sizeof ref, NULL, 0,
	        err) != 0 ||
	    svc_check_text_fits(_("Note"), note ? note : "", DEPOSIT_NOTE_BUFSZ - 1,
	        DEPOSIT_NOTE_BUFSZ,
	        1, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish_recon(s,
	    line_unmatch_in_tx(s, stmt, seq, ref, note, out, err), "match",
	    err);
}

/* A hand match's bank transfer: payment number pno, a posted bank
 * payment no match took, of the credit's amount (as the central node
 * checks it). */
static int
hand_transfer(struct svc *s, const struct stmt_credit *c, const char *pno,
    char *found, size_t fsize, struct recon_unmatch *out, struct pd_err *err)
{
	char a1[MONEY_BUFSZ], a2[MONEY_BUFSZ];
	struct pay_match_state pm;
	struct payment p;
	int rc;

	/* the payment named as every command names one (payment show):
	 * its payment id, receipt number or transaction id, or the one
	 * number it ends or is part of ("000007"); tester's fault 5, s72 */
	if (store_payment_lookup(s->st, pno, &p, err) != 0 ||
	    (rc = store_pay_match_state(s->st, p.uuid, &pm, err)) < 0)
		return -1;
	xstrlcpy(found, p.payment_no, fsize); /* the audit's, as stored */
	if (rc == 1 || strcmp(pm.kind, "bank") != 0 ||
	    strcmp(pm.status, "Posted") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is not a posted bank transfer"),
		    p.payment_no);
	if (!pm.free)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is matched already to another statement "
		      "line"),
		    p.payment_no);
	if (pm.amount != c->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is of %s; the credit is of %s"), p.payment_no,
		    svc_money(s, a1, sizeof a1, pm.amount),
		    svc_money(s, a2, sizeof a2, c->amount));
	xstrlcpy(out->rule, "transfer", sizeof out->rule);
	out->npayments = 1;
	out->gross = pm.amount;
	return store_match_insert(s->st, c->line_id, 0, 0, "transfer",
	           out->note, out->at, s->actor.user_id, s->actor.username,
	           err) != 0 ||
	               store_match_payments_add(
	                   s->st, c->line_id, pm.id, NULL, err) != 0
	           ? -1
	           : 0;
}

/* A --card "TERMINAL:YYYY-MM-DD" split into terminal (tsize bytes) and
 * day (DATE_BUFSZ), with the one rule of paydesk(1) EXIT STATUS for the
 * date inside it: PD_EUSAGE (2) when the text is not of that form at all,
 * PD_EINVAL (3) when its date is of the form but no real day (a day with
 * no card payment is the match's refusal, 3, as before). Fault 10:
 * T01:2026-13-07 was 2, as T01:x. */
static int
card_spec(const char *card, char *terminal, size_t tsize, char *day,
    struct pd_err *err)
{
	const char *colon = strrchr(card, ':');
	int32_t d;

	if (colon == NULL || colon == card || (size_t)(colon - card) >= tsize ||
	    date_form_status(colon + 1, NULL) != PD_EINVAL)
		return pd_fail(err, PD_EUSAGE,
		    _("--card \"%s\": give TERMINAL:YYYY-MM-DD, the terminal "
		      "and the day of its card payments (T01:2026-06-18)"),
		    card);
	if (date_parse(colon + 1, "--card", &d, err) != 0) {
		err->code = PD_EINVAL;
		return -1;
	}
	memcpy(terminal, card, (size_t)(colon - card));
	terminal[colon - card] = '\0';
	xstrlcpy(day, colon + 1, DATE_BUFSZ);
	return 0;
}

/* A hand match's card day "TERMINAL:YYYY-MM-DD": its posted card
 * payments no match took, whose total less at most CARD_FEE_BP_MAX of it
 * is the credit (the central node's bound, not the rule's tolerance: a
 * supervisor matches what the rule would not). */
static int
hand_card(struct svc *s, const struct stmt_credit *c, const char *card,
    struct recon_unmatch *out, struct pd_err *err)
{
	char a1[MONEY_BUFSZ], a2[MONEY_BUFSZ];
	struct card_group g;

	memset(&g, 0, sizeof g);
	if (card_spec(card, g.terminal, sizeof g.terminal, g.day, err) != 0)
		return -1;
	g.line_id = c->line_id;
	if (store_card_day_free(
	        s->st, g.terminal, g.day, &g.npayments, &g.gross, err) != 0)
		return -1;
	if (g.npayments == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Terminal %s has no posted card payment on %s that no "
		      "match took"),
		    g.terminal, g.day);
	if (c->amount > g.gross ||
	    c->amount < g.gross - g.gross * CARD_FEE_BP_MAX / 10000)
		return pd_fail(err, PD_EINVAL,
		    _("The credit of %s is not the card payments' %s less a "
		      "fee of at most 20%%"),
		    svc_money(s, a1, sizeof a1, c->amount),
		    svc_money(s, a2, sizeof a2, g.gross));
	xstrlcpy(out->rule, "card", sizeof out->rule);
	out->npayments = g.npayments;
	out->gross = g.gross;
	return store_match_insert(s->st, c->line_id, 0, 0, "card", out->note,
	           out->at, s->actor.user_id, s->actor.username, err) != 0 ||
	               store_match_payments_add(
	                   s->st, c->line_id, 0, &g, err) != 0
	           ? -1
	           : 0;
}

/* "GATEWAY:WORD" (of option opt, shaped as shape) split into gw and
 * word. */
static int
gw_spec(const char *spec, const char *opt, const char *shape, char *gw,
    size_t gwsize, char *word, size_t wsize, struct pd_err *err)
{
	const char *colon = strchr(spec, ':');

	if (colon == NULL || colon == spec ||
	    (size_t)(colon - spec) >= gwsize || colon[1] == '\0' ||
	    strlen(colon + 1) >= wsize)
		return pd_fail(err, PD_EUSAGE,
		    _("--%s \"%s\": give %s, the gateway's name, a colon and "
		      "the id"),
		    opt, spec, shape);
	memcpy(gw, spec, (size_t)(colon - spec));
	gw[colon - spec] = '\0';
	xstrlcpy(word, colon + 1, wsize);
	return 0;
}

/* A gateway's credit settles to the bank account its payments settled
 * to (account; "" none set, any account): credit c of another account
 * is refused, naming both. */
static int
settle_account_check(const struct stmt_credit *c, const char *gw,
    const char *account, struct pd_err *err)
{
	if (account[0] == '\0' || strcmp(c->account, account) == 0)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("Gateway %s settles to bank account %s; statement line %s:%d "
	      "is of account %s"),
	    gw, account, c->name, c->seq, c->account);
}

/* A hand match's gateway payment "GATEWAY:CODE": settled here (pulled
 * from the central node), no match took it or its payout, its amount
 * less its fee the credit (as the rule gateway; the central node checks
 * it too). */
static int
hand_gateway(struct svc *s, const struct stmt_credit *c, const char *spec,
    struct recon_unmatch *out, struct pd_err *err)
{
	char gw[48], code[256], a1[MONEY_BUFSZ], a2[MONEY_BUFSZ];
	char po[GW_PAYOUT_BUFSZ];
	struct payout_state ps;
	struct gw_payment g;
	int matched = 0;

	if (gw_spec(spec, "gateway", "GATEWAY:CODE", gw, sizeof gw, code,
	        sizeof code, err) != 0)
		return -1;
	if (store_gwl_get(s->st, gw, code, &g, err) != 0) {
		if (err->code == PD_ENOTFOUND)
			pd_fail(err, PD_ENOTFOUND,
			    _("Gateway %s has no payment %s here"), gw, code);
		return -1;
	}
	if (g.settled_on[0] == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Gateway payment %s %s is not settled: the gateway has "
		      "not paid it out"),
		    gw, code);
	if (settle_account_check(c, gw, g.settle_account, err) != 0)
		return -1;
	if (store_match_gw_active(s->st, g.id, &matched, err) != 0 ||
	    store_gwl_payout(s->st, gw, code, po, sizeof po, err) != 0 ||
	    (po[0] != '\0' && store_payout_find(s->st, gw, po, &ps, err) < 0))
		return -1;
	if (matched || (po[0] != '\0' && ps.taken))
		return pd_fail(err, PD_EINVAL,
		    _("Gateway payment %s %s is matched already to another "
		      "statement line"),
		    gw, code);
	if (c->amount != g.amount - g.fee)
		return pd_fail(err, PD_EINVAL,
		    _("Gateway payment %s %s settled %s less its fee; the "
		      "credit is of %s"),
		    gw, code, svc_money(s, a1, sizeof a1, g.amount - g.fee),
		    svc_money(s, a2, sizeof a2, c->amount));
	xstrlcpy(out->rule, "gateway", sizeof out->rule);
	out->npayments = 1;
	out->gross = g.amount - g.fee;
	return store_match_insert(s->st, c->line_id, 0, g.id, "gateway",
	    out->note, out->at, s->actor.user_id, s->actor.username, err);
}

/* A hand match's payout "GATEWAY:PAYOUT": its payments settled here,
 * none matched; the credit may be of another amount (an amount_differs
 * then, as a deposit's). */
static int
hand_payout(struct svc *s, const struct stmt_credit *c, const char *spec,
    struct recon_unmatch *out, struct pd_err *err)
{
	char gw[48], po[GW_PAYOUT_BUFSZ];
	struct payout_state ps;
	int rc;

	if (gw_spec(spec, "payout", "GATEWAY:PAYOUT", gw, sizeof gw, po,
	        sizeof po, err) != 0)
		return -1;
	if ((rc = store_payout_find(s->st, gw, po, &ps, err)) < 0)
		return -1;
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND,
		    _("Gateway %s has no payout %s settled here"), gw, po);
	if (settle_account_check(c, gw, ps.account, err) != 0)
		return -1;
	if (ps.taken)
		return pd_fail(err, PD_EINVAL,
		    _("Gateway payout %s %s is matched already to another "
		      "statement line"),
		    gw, po);
	xstrlcpy(out->rule, "payout", sizeof out->rule);
	out->npayments = ps.n;
	out->gross = ps.net;
	return store_match_insert(s->st, c->line_id, 0, ps.rep, "payout",
	    out->note, out->at, s->actor.user_id, s->actor.username, err);
}

static int
line_match_in_tx(struct svc *s, int64_t stmt, int seq, const char *ref,
    const char *copy, const char *payment, const char *card,
    const char *gateway, const char *payout, struct recon_unmatch *out,
    struct pd_err *err)
{
	struct stmt_credit c;
	char detail[320], pno[64];

	if (store_stmt_credit(s->st, stmt, seq, &c, err) != 0)
		return -1;
	if (credit_free(&c, ref, copy, err) != 0)
		return -1;
	out->stmt = stmt;
	xstrlcpy(out->name, c.name, sizeof out->name);
	out->seq = seq;
	out->amount = c.amount;
	svc_now(out->at);
	if ((payment != NULL
	            ? hand_transfer(s, &c, payment, pno, sizeof pno, out, err)
	        : card != NULL ? hand_card(s, &c, card, out, err)
	        : gateway != NULL
	            ? hand_gateway(s, &c, gateway, out, err)
	            : hand_payout(s, &c, payout, out, err)) != 0 ||
	    svc_match_outbox(s, c.line_id, "match", out->note, out->at, err))
		return -1;
	snprintf(detail, sizeof detail,
	    "rule=%s by=hand %s=%.40s payments=%lld gross=%lld note=%.180s",
	    out->rule,
	    payment   ? "payment"
	    : card    ? "card"
	    : gateway ? "gateway"
	              : "payout",
	    payment   ? pno
	    : card    ? card
	    : gateway ? gateway
	              : payout,
	    (long long)out->npayments, (long long)out->gross, out->note);
	return svc_audit(
	    s, out->at, "match", "statement_line", ref, detail, err);
}

int
svc_line_match(struct svc *s, const char *line, const char *payment,
    const char *card, const char *gateway, const char *payout, const char *note,
    struct recon_unmatch *out, struct pd_err *err)
{
	int64_t stmt = 0;
	int seq = 0;
	char ref[STMT_NAME_BUFSZ + 16], copy[STMT_NAME_BUFSZ + 16];

	memset(out, 0, sizeof *out);
	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Matching statement lines"), err) != 0)
		return -1;
	/* the card's day checked before the line is looked up: its status
	 * is the date's, whatever the line (fault 10) */
	if (card != NULL) {
		char t[17], d[DATE_BUFSZ];

		if (card_spec(card, t, sizeof t, d, err) != 0)
			return -1;
	}
	if (svc_line_parse(s, line, &stmt, &seq, ref, sizeof ref, copy,
	        sizeof copy, err) != 0)
		return -1;
	if ((payment != NULL) + (card != NULL) + (gateway != NULL) +
	        (payout != NULL) !=
	    1)
		return pd_fail(err, PD_EUSAGE,
		    _("Give --payment NUMBER (a bank transfer), --card "
		      "TERMINAL:YYYY-MM-DD (a card settlement), --gateway "
		      "GATEWAY:CODE (a gateway payment's settlement) or "
		      "--payout GATEWAY:PAYOUT (a gateway's payout), one of "
		      "them"));
	if (svc_check_text_fits(_("Note"), note ? note : "", DEPOSIT_NOTE_BUFSZ - 1,
	        DEPOSIT_NOTE_BUFSZ,
	        1, err) != 0)
		return -1;
	xstrlcpy(out->note, note, sizeof out->note);
	if (svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish_recon(s,
	    line_match_in_tx(s, stmt, seq, ref, copy, payment, card, gateway,
	        payout, out, err),
	    "match", err);
}
