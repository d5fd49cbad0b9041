/* gateway_ledger.c - from a gateway notification to the ledger (issue
 * 19, seed 004), on the central node: the consumer a payment names (its
 * reference or the payer's phone), the Pending ledger payment of what
 * succeeded (the same constructors as a terminal's posting), held when
 * it cannot be posted, voided or replaced when the gateway reports it
 * failed or refunded, disputed; one gateway payment brought where its
 * latest status says; the re-match of the unassociated ones after a
 * consumer import. Receiving, settling and the list are gateway.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "gateway_int.h"
#include "paydesk/alloc.h"
#include "paydesk/money.h"
#include "paydesk/os.h"
#include "paydesk/gateway.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* The phone number of an MSISDN as consumers' phones are matched: its
 * digits without the organisation's calling code cc and trunk zeros
 * (n bytes). "" when too short to name anyone. */
static void
phone_national(const char *msisdn, const char *cc, char *out, size_t n)
{
	size_t k = strlen(cc);

	if (k > 0 && strncmp(msisdn, cc, k) == 0 && strlen(msisdn) > k + 5)
		msisdn += k;
	while (*msisdn == '0')
		msisdn++;
	xstrlcpy(out, strlen(msisdn) >= 6 ? msisdn : "", n);
}

/* A reference written as a phone number ("+254 733-111 222", "0733
 * 111222", "(0733) 111 222"): its digits into out (16 bytes), without
 * the signs people write between them; "" when it is not one. */
static void
ref_digits(const char *ref, char *out)
{
	size_t j = 0;

	out[0] = '\0';
	if (*ref == '+')
		ref++;
	for (; *ref != '\0'; ref++) {
		if (strchr(" -.()", *ref) != NULL)
			continue;
		if (*ref < '0' || *ref > '9' || j == 15) {
			j = 0;
			break;
		}
		out[j++] = *ref;
	}
	out[j] = '\0';
}

/* The consumers of phone (digits as typed or sent): 1 and *id when one,
 * the count otherwise with their accounts in cand (n bytes), -1 on
 * error. */
static int
phone_owners(struct svc *s, const char *phone, int64_t *id, char *cand,
    size_t n, struct pd_err *err)
{
	char national[17];

	*id = 0;
	phone_national(phone, s->cfg.phone_cc, national, sizeof national);
	if (national[0] == '\0')
		return 0;
	return store_gw_phone_owners(
	    s->st, national, s->cfg.phone_cc, id, cand, n, err);
}

/* Associate g with a consumer (seed 004): its account reference matches
 * an account number (ignoring case, spaces and dashes; when several do,
 * the one matching but for case, else none and they are its
 * candidates), else a phone number is exactly one consumer's: the
 * reference, when the payer typed a phone number for it (a card's
 * metadata has no other; issue 19 review), then the phone paid from (a
 * mobile-money MSISDN). The consumers of the first phone that several
 * have are kept as candidates. */
int
svc_gw_associate(struct svc *s, struct gw_payment *g, struct pd_err *err)
{
	char digits[16], cand[sizeof g->candidates];
	int64_t id;
	int rc;

	g->candidates[0] = '\0';
	if (g->account_ref[0] != '\0') {
		/* a reference several accounts match (AB-1 and AB 1 for
		 * "ab1"): unassociated, they are its candidates */
		rc = store_gw_consumer_by_ref(s->st, g->account_ref, &id,
		    g->candidates, sizeof g->candidates, err);
		if (rc != 0) {
			g->consumer_id = id;
			return rc < 0 ? -1 : 0;
		}
	}
	ref_digits(g->account_ref, digits);
	rc = digits[0] != '\0' ? phone_owners(s, digits, &id, g->candidates,
	                             sizeof g->candidates, err)
	                       : 0;
	if (rc == 0 || rc > 1)
		rc = phone_owners(s, g->phone, &id,
		    g->candidates[0] ? cand : g->candidates, sizeof cand, err);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		g->consumer_id = id;
		g->candidates[0] = '\0';
	}
	return 0;
}

/* The ledger payment of amount of gateway payment g, its numbers from
 * the gateway's own series "G-NAME-NNNNNN" (no terminal's: a terminal
 * pulls it as another's); Pending, received by "System" on the central
 * node, or as was says when it replaces was (a refund in part). */
static int
gw_ledger_payment(struct svc *s, const struct gateway_row *gw,
    const struct gw_payment *g, int64_t amount, const struct payment *was,
    const struct consumer *c, const struct alloc_item *ai, size_t n,
    enum pay_type type, const char *rule, int64_t overpaid, const char *at,
    struct payment *p, struct pd_err *err)
{
	const char *method =
	    gw->method[0] ? gw->method : gw_default_method(gw->profile);
	const struct pay_method *m = config_method(&s->cfg, method);
	char series[48], fmt[64], today[11];
	struct balance before;
	int64_t now_part = 0;
	size_t i;

	memset(p, 0, sizeof *p);
	snprintf(series, sizeof series, "gateway:%s", gw->name);
	snprintf(fmt, sizeof fmt, "G-%s-{SEQ:6}", gw->name);
	xstrlcpy(p->paid_on, g->paid_at, sizeof p->paid_on);
	if (svc_next_number(s, series, fmt, p->paid_on, p->payment_no,
	        sizeof p->payment_no, err) != 0)
		return -1;
	xstrlcpy(p->txn_no, p->payment_no, sizeof p->txn_no);
	xstrlcpy(p->receipt_no, p->payment_no, sizeof p->receipt_no);
	p->consumer_id = c->id;
	p->type = type;
	xstrlcpy(p->alloc_rule, rule, sizeof p->alloc_rule);
	xstrlcpy(p->channel, "Online", sizeof p->channel);
	xstrlcpy(p->method, m != NULL ? m->name : method, sizeof p->method);
	p->method_kind = m != NULL ? m->kind : METHOD_ONLINE;
	p->amount = amount;
	/* a method of kind cash (an odd choice, but the organisation's)
	 * took the whole amount, with no change */
	p->tendered = p->method_kind == METHOD_CASH ? amount : 0;
	p->overpaid = overpaid;
	xstrlcpy(p->created_at, at, sizeof p->created_at);
	snprintf(p->notes, sizeof p->notes, "Gateway %s, code %s%s%s", gw->name,
	    g->code, g->phone[0] ? ", phone " : "", g->phone);
	if (payref_check(g->code, NULL) == 0)
		xstrlcpy(p->reference, g->code, sizeof p->reference);
	xstrlcpy(p->received_by, "System", sizeof p->received_by);
	xstrlcpy(p->terminal, s->cfg.terminal_id, sizeof p->terminal);
	p->status = PS_PENDING;
	if (was != NULL && was->verified) {
		p->status = PS_POSTED;
		p->verified = 1;
		xstrlcpy(p->verified_at, at, sizeof p->verified_at);
		xstrlcpy(
		    p->verified_by, was->verified_by, sizeof p->verified_by);
	}
	svc_today(today);
	if (store_consumer_balance(s->st, c->id, today, &before, err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		p->due_total += ai[i].outstanding;
		if (strcmp(ai[i].due_on, today) <= 0)
			now_part += ai[i].applied;
	}
	p->has_balance = 1;
	p->balance_after = before.due_now - now_part;
	return ledger_payment(s, p, err);
}

/* The rule a gateway payment is split by: the organisation's
 * (payments.allocation, issue 21 "a rule configured per organisation"),
 * or, for what is left of a payment a refund took part of, the rule that
 * split the payment it replaces (was). */
static enum alloc_rule
gw_rule(const struct svc *s, const struct payment *was)
{
	int r = alloc_rule_parse(was != NULL ? was->alloc_rule
	                                     : s->cfg.alloc_rule);

	/* "hand" is a cashier's order: a gateway has none */
	return r < 0 || r == ALLOC_HAND ? ALLOC_OLDEST : (enum alloc_rule)r;
}

/* Post amount of g in the ledger (its amount, or what a refund in part
 * left of it, replacing was): allocated to the consumer's open bills and
 * the installments of the consumer's payment arrangements (which replaced
 * bills: issue 21, "paid like any installment at the counter"), split by
 * the organisation's rule (gw_rule; alloc_apply_rule, as a terminal
 * splits), the excess an overpayment credit note; audited. */
static int
post_amount(struct svc *s, const struct gateway_row *gw, struct gw_payment *g,
    int64_t amount, const struct payment *was, const char *at,
    struct pd_err *err)
{
	struct consumer c;
	struct payment p;
	struct credit_note cn;
	struct alloc_item *ai = NULL;
	struct item *open, it;
	enum alloc_rule rule;
	char day[11], name[32];
	int *kinds = NULL, arranged, type, first;
	size_t n, m_, i;
	int64_t overpaid;
	char detail[300], m[MONEY_BUFSZ];
	int rc = -1;

	/* the central node's settings as they are now: an import may have
	 * changed payments.allocation since this connection read them */
	if (s->base_cfg != NULL && svc_settings_load(s, err) != 0)
		return -1;
	rule = gw_rule(s, was);
	if (store_consumer_by_id(s->st, g->consumer_id, &c, err) != 0)
		return -1;
	open = store_items_open(s->st, c.id, -1, &n, err);
	if (open == NULL)
		return -1;
	ai = xcalloc(n + 1, sizeof *ai);
	kinds = xcalloc(n + 1, sizeof *kinds);
	for (i = m_ = 0; i < n; i++) {
		if (open[i].kind == PAY_SERVICE)
			continue;
		arranged = open[i].kind == PAY_INSTALLMENT
		               ? svc_arr_is_installment(s, &open[i], err)
		               : 0;
		if (arranged < 0)
			goto out;
		/* an imported plan's installments are not the bills' */
		if (open[i].kind == PAY_INSTALLMENT && !arranged)
			continue;
		ai[m_].id = open[i].id;
		ai[m_].kind = (int)open[i].kind;
		ai[m_].arranged = arranged;
		xstrlcpy(ai[m_].ref, open[i].ref, sizeof ai[m_].ref);
		xstrlcpy(ai[m_].due_on, open[i].due_on, sizeof ai[m_].due_on);
		ai[m_].outstanding = open[i].amount - open[i].settled;
		kinds[m_++] = (int)open[i].kind;
	}
	n = m_;
	type = pay_type_of_kinds(kinds, n);
	/* by the organisation's way, an arrangement's installments before
	 * what is not overdue on the day it was paid (as a terminal's) */
	snprintf(day, sizeof day, "%.10s", g->paid_at);
	overpaid = alloc_apply_policy(ai, n, amount,
	    svc_alloc_policy(s, rule, day, &(struct alloc_ranks){0},
	        &(struct alloc_policy){0}),
	    &first);
	svc_alloc_rule_name(rule, first, name, sizeof name);
	if (gw_ledger_payment(s, gw, g, amount, was, &c, ai, n,
	        type < 0 ? PAY_BILL : (enum pay_type)type, name, overpaid, at,
	        &p, err) != 0)
		goto out;
	for (i = 0; i < n; i++)
		if (ai[i].applied > 0 &&
		    (store_item_by_id(s->st, ai[i].id, &it, err) != 0 ||
		        ledger_allocate(
		            s, p.id, &it, ai[i].applied, 0, NULL, err) != 0))
			goto out;
	if (overpaid > 0) {
		memset(&cn, 0, sizeof cn);
		cn.amount = overpaid;
		xstrlcpy(cn.reason, "Overpayment", sizeof cn.reason);
		snprintf(cn.remarks, sizeof cn.remarks,
		    "Overpayment on receipt %s", p.receipt_no);
		xstrlcpy(cn.created_on, p.paid_on, sizeof cn.created_on);
		xstrlcpy(cn.created_at, at, sizeof cn.created_at);
		xstrlcpy(cn.created_by, "System", sizeof cn.created_by);
		xstrlcpy(cn.terminal, s->cfg.terminal_id, sizeof cn.terminal);
		cn.automatic = 1;
		if (ledger_credit_note(s, &p, &cn, at, NULL, err) != 0)
			goto out;
	}
	snprintf(detail, sizeof detail,
	    "gateway=%s code=%s consumer=%s amount=%s overpaid=%lld", gw->name,
	    g->code, c.account_no,
	    money_plain(m, sizeof m, p.amount, s->cfg.minor_digits),
	    (long long)overpaid);
	if (svc_audit(s, at, "post", "payment", p.payment_no, detail, err) != 0)
		goto out;
	g->payment_id = p.id;
	rc = 0;
out:
	free(kinds);
	free(ai);
	free(open);
	return rc;
}

/* What is left of g to be in the ledger: nothing once it failed, its
 * amount less what the gateway reports refunded of it. */
static int64_t
gw_left(const struct gw_payment *g)
{
	if (g->status == GW_FAILED || g->refunded >= g->amount)
		return 0;
	return g->amount - g->refunded;
}

/* Post what is left of g (a payment that succeeded, a refund in part
 * arriving first): nothing when nothing is left. */
int
svc_gw_post(struct svc *s, const struct gateway_row *gw, struct gw_payment *g,
    const char *at, struct pd_err *err)
{
	int64_t left = gw_left(g);

	return left > 0 ? post_amount(s, gw, g, left, NULL, at, err) : 0;
}

/* The first credit note made of payment p whose credit was already
 * applied, into cn: 1, 0 none, -1 on error. */
static int
credit_used(struct svc *s, const struct payment *p, struct credit_note *cn,
    struct pd_err *err)
{
	struct credit_note *cns;
	size_t n, i;

	cns = store_credits_of_payment(s->st, p->id, &n, err);
	if (cns == NULL)
		return -1;
	for (i = 0; i < n && (cns[i].applied == 0 || cns[i].voided); i++)
		;
	if (i < n)
		*cn = cns[i];
	free(cns);
	return i < n;
}

/* Hold g's reversal for a supervisor (review code why), audited once. */
static int
hold(struct svc *s, struct gw_payment *g, const char *why, const char *detail,
    const char *at, struct pd_err *err)
{
	if (strcmp(g->review, why) == 0)
		return 0;
	xstrlcpy(g->review, why, sizeof g->review);
	return svc_audit(
	    s, at, "hold", "gateway_payment", g->code, detail, err);
}

/* Bring g's ledger payment down to what is left of it (gw_left) when a
 * failure or a refund took some or all of it back: the payment voided
 * (its allocations given back, its credit notes voided), by "System"
 * with the gateway's word as the reason, and what is left posted again
 * as a new payment of the gateway, split by the voided one's rule
 * (post_amount, gw_rule), so that what the refund reopens is the last
 * of what the payment settled in that rule's order, under "oldest" the
 * newest (issue 19 review, point 1). A collections system does not undo what
 * the customer already did with the money: when the payment's
 * overpayment credit was already applied to other bills, the reversal
 * is held for a supervisor (review "credit used", in the queue and in
 * doctor) and the ledger left as it is (point 2); a refund of more than
 * was paid is held too ("over refund"). */
static int
reverse(struct svc *s, const struct gateway_row *gw, struct gw_payment *g,
    const char *at, struct pd_err *err)
{
	struct payment p;
	struct credit_note cn;
	char uuid[UUID_BUFSZ], reason[300], m[MONEY_BUFSZ], detail[400];
	int64_t left = gw_left(g);
	int rc;

	if (store_payment_by_id(s->st, g->payment_id, &p, err) != 0)
		return -1;
	if (p.status == PS_VOIDED)
		return 0;
	if (g->status != GW_FAILED && g->refunded > g->amount) {
		snprintf(detail, sizeof detail,
		    "refunded=%s amount=%lld payment=%s",
		    money_plain(m, sizeof m, g->refunded, s->cfg.minor_digits),
		    (long long)g->amount, p.payment_no);
		return hold(s, g, GW_REVIEW_OVER_REFUND, detail, at, err);
	}
	if (left >= p.amount)
		return 0;
	rc = credit_used(s, &p, &cn, err);
	if (rc != 0) {
		snprintf(detail, sizeof detail,
		    "status=%s refunded=%lld payment=%s credit_note=%s "
		    "applied=%lld",
		    gw_status_name(g->status), (long long)g->refunded,
		    p.payment_no, cn.cn_no, (long long)cn.applied);
		return rc < 0
		           ? -1
		           : hold(s, g, GW_REVIEW_CREDIT_USED, detail, at, err);
	}
	os_uuid_new(uuid);
	if (left > 0)
		snprintf(reason, sizeof reason,
		    "Gateway %s reported %s of payment %s refunded", gw->name,
		    money_plain(m, sizeof m, g->refunded, s->cfg.minor_digits),
		    g->code);
	else
		snprintf(reason, sizeof reason,
		    "Gateway %s reported payment %s %s", gw->name, g->code,
		    gw_status_name(g->status));
	if (ledger_void(s, &p, uuid, reason, 0, "System", at,
	        s->cfg.terminal_id, NULL, err) != 0 ||
	    svc_audit(s, at, "void", "payment", p.payment_no, reason, err) != 0)
		return -1;
	g->review[0] = '\0';
	return left > 0 ? post_amount(s, gw, g, left, &p, at, err) : 0;
}

/* A dispute event's amount is what the payer disputes (review R21d,
 * fault 3): of the payment, more than 0 and no more than it. Judged on
 * every such event, applied or older than the payment's latest. */
static int
gw_dispute_amount(struct svc *s, const struct gw_payment *g,
    const struct gw_event *ev, struct pd_err *err)
{
	char a[MONEY_BUFSZ], m[MONEY_BUFSZ];

	money_plain(a, sizeof a, ev->amount, s->cfg.minor_digits);
	money_plain(m, sizeof m, g->amount, s->cfg.minor_digits);
	if (ev->amount <= 0)
		return pd_fail(err, PD_EINVAL,
		    "%s: data.object.amount is %s: a dispute is of more "
		    "than 0 of payment %s",
		    ev->kind, a, g->code);
	if (ev->amount > g->amount)
		return pd_fail(err, PD_EINVAL,
		    "%s: data.object.amount %s is more than payment %s's "
		    "amount, %s: a payer disputes no more than was paid",
		    ev->kind, a, g->code, m);
	return 0;
}

/* Open the dispute of gateway payment g, reported disputed by ev: of
 * its amount, which the note says when it is part of the payment. */
static int
gw_disputed(struct svc *s, const struct gateway_row *gw,
    const struct gw_payment *g, const struct gw_event *ev, const char *at,
    struct pd_err *err)
{
	struct payment p;
	char note[256], m[MONEY_BUFSZ];

	if (store_payment_by_id(s->st, g->payment_id, &p, err) != 0)
		return -1;
	if (ev->amount < p.amount)
		snprintf(note, sizeof note,
		    "Gateway %s reported %s of payment %s disputed", gw->name,
		    money_plain(m, sizeof m, ev->amount, s->cfg.minor_digits),
		    g->code);
	else
		snprintf(note, sizeof note, "Gateway %s reported payment %s %s",
		    gw->name, g->code, gw_status_name(g->status));
	return svc_dispute_gateway(s, &p, ev->amount, note, at, err);
}

/* Bring gateway payment code of gw where its latest status says: its
 * webhook and settlement statuses, its consumer, its ledger payment. */
int
svc_gw_advance(struct svc *s, const struct gateway_row *gw, const char *code,
    const struct gw_event *ev, const char *at, struct pd_err *err)
{
	struct gw_payment g;
	int dispute = ev != NULL && ev->status == GW_DISPUTED;

	if (store_gw_payment_get(s->st, gw->name, code, &g, err) != 0)
		return -1;
	if (dispute && gw_dispute_amount(s, &g, ev, err) != 0)
		return -1;
	gw_status_map(
	    gw->statuses, g.status, g.webhook_status, g.settlement_status);
	if (g.status == GW_SUCCEEDED && g.settled_on[0] != '\0')
		xstrlcpy(
		    g.settlement_status, "Settled", sizeof g.settlement_status);
	/* one a supervisor associated or disassociated stays as they left
	 * it */
	if (g.consumer_id == 0 && !g.manual &&
	    svc_gw_associate(s, &g, err) != 0)
		return -1;
	/* a card event may report 0 (a card check): nothing to post */
	if (g.status == GW_SUCCEEDED && g.consumer_id != 0 && g.amount > 0 &&
	    g.payment_id == 0 && svc_gw_post(s, gw, &g, at, err) != 0)
		return -1;
	if (g.payment_id != 0 && g.status != GW_DISPUTED &&
	    reverse(s, gw, &g, at, err) != 0)
		return -1;
	/* the card profile's disputed event opens a dispute of the payment
	 * (issue 21), once, of the event's amount */
	if (dispute && g.payment_id != 0 && g.status == GW_DISPUTED &&
	    gw_disputed(s, gw, &g, ev, at, err) != 0)
		return -1;
	return store_gw_payment_save(s->st, &g, err);
}

/* One payment of the backlog again: 1 associated now, 2 not but its
 * candidates changed (saved), 0 as it was, -1 on error. */
static int
rematch_one(struct svc *s, const struct gateway_row *gw, struct gw_payment *g,
    const char *at, struct pd_err *err)
{
	char was[sizeof g->candidates];

	xstrlcpy(was, g->candidates, sizeof was);
	if (svc_gw_associate(s, g, err) != 0)
		return -1;
	if (g->consumer_id == 0 && strcmp(was, g->candidates) == 0)
		return 0;
	if (g->consumer_id == 0)
		return store_gw_payment_save(s->st, g, err) == 0 ? 2 : -1;
	if (g->status == GW_SUCCEEDED && g->amount > 0 && g->payment_id == 0 &&
	    svc_gw_post(s, gw, g, at, err) != 0)
		return -1;
	return store_gw_payment_save(s->st, g, err) == 0 ? 1 : -1;
}

#define REMATCH_PAGE 512

int
svc_gateway_rematch(struct svc *s, const char *at, size_t *matched,
    size_t *left, struct pd_err *err)
{
	struct gateway_row gw;
	struct gw_payment *g;
	char detail[160];
	int64_t after = 0;
	size_t n, i, changed = 0;
	int rc = 0;

	*matched = *left = 0;
	if (s->gateway_of == NULL)
		return 0;
	/* planned with the consumers just loaded counted (a look-up by
	 * account per payment of the backlog) */
	if (store_stats_now(s->st, err) != 0)
		return -1;
	memset(&gw, 0, sizeof gw);
	do {
		g = store_gw_unmatched(s->st, after, REMATCH_PAGE, &n, err);
		if (g == NULL)
			return -1;
		for (i = 0; i < n && rc >= 0; i++) {
			after = g[i].id;
			/* the backlog comes by id: one gateway's in runs */
			if (strcmp(gw.name, g[i].gateway) != 0 &&
			    s->gateway_of(
			        s->gateway_arg, g[i].gateway, &gw, err) != 0)
				rc = -1;
			else if ((rc = rematch_one(s, &gw, &g[i], at, err)) ==
			         1)
				(*matched)++;
			else if (rc >= 0) {
				(*left)++;
				changed += rc == 2;
			}
		}
		free(g);
	} while (rc >= 0 && n == REMATCH_PAGE);
	if (rc < 0)
		return -1;
	if (*matched == 0 && changed == 0)
		return 0;
	snprintf(detail, sizeof detail,
	    "after a consumer import: associated=%zu unassociated=%zu "
	    "candidates_changed=%zu",
	    *matched, *left, changed);
	return svc_audit(s, at, "rematch", "gateway", "*", detail, err);
}
