/* gateway_local.c - gateway payments at a terminal (issue 19, seed 004):
 * the ones pulled from the central node, associated or not, kept as the
 * central node has them; the queue of unassociated ones with their
 * candidates and a search; a supervisor's association with a consumer,
 * or disassociation, with a reason. Both are outbox records
 * (gateway_association) that the central node applies, the first one
 * for a payment winning; they change nothing here until it has (the
 * pulled gateway_payment brings what it did), and a refusal is shown
 * beside the payment with the central node's reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

int
svc_gateway_pulled(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct gw_payment g = r->gp;
	char at[TS_BUFSZ];
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];

	if (g.review[0] != '\0' &&
	    strcmp(g.review, GW_REVIEW_CREDIT_USED) != 0 &&
	    strcmp(g.review, GW_REVIEW_OVER_REFUND) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Gateway payment %s: review \"%s\" is not one this "
		      "terminal knows"),
		    g.code, g.review);
	if (g.refunded < 0 || g.refunded > MONEY_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Gateway payment %s: refunded %s is not between %s and "
		      "%s"),
		    g.code,
		    money_plain(m1, sizeof m1, g.refunded, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, 0, s->cfg.minor_digits),
		    money_plain(m3, sizeof m3, MONEY_MAX, s->cfg.minor_digits));
	g.consumer_id = 0;
	if (r->consumer_uuid[0] != '\0') {
		if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid,
		        &g.consumer_id, err) != 0)
			return -1;
		if (g.consumer_id == 0)
			return pd_fail(err, PD_EINVAL,
			    _("Consumer %s is not known here"),
			    r->consumer_uuid);
	}
	xstrlcpy(g.payment_uuid, r->payment_uuid, sizeof g.payment_uuid);
	svc_now(at);
	return store_gwl_put(s->st, &g, at, err);
}

/* A search that is a phone as a person types one ("0744 000 004",
 * "+254 744-000004": digits, spaces, + - ( ) ., at least 6 digits): its
 * national digits into out (no calling code, no trunk zeros), as the
 * payer's phone holds them; 0 when it is not one. */
static int
phone_typed(struct svc *s, const char *text, char *out, size_t n)
{
	const char *p;
	size_t k = 0;

	for (p = text; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			k++;
		else if (strchr(" +-().", *p) == NULL)
			return 0;
	}
	if (k < 6)
		return 0;
	search_phone_digits(text, s->cfg.phone_cc, out, n);
	for (p = out; *p == '0'; p++)
		;
	memmove(out, p, strlen(p) + 1);
	return strlen(out) >= 6;
}

const char *
svc_gateway_review(const char *code)
{
	if (strcmp(code, GW_REVIEW_CREDIT_USED) == 0)
		return _("Refund held: its credit was already applied");
	if (strcmp(code, GW_REVIEW_OVER_REFUND) == 0)
		return _("Refund held: more refunded than paid");
	return "";
}

struct gw_payment *
svc_gateway_local(struct svc *s, int unassociated, int64_t consumer_id,
    const char *search, size_t *n, struct pd_err *err)
{
	struct gwl_filter f = {.unassociated = unassociated,
	    .consumer_id = consumer_id,
	    .amount = -1};
	struct pd_err e;
	char national[32];

	if (search != NULL && search[0] != '\0') {
		f.search = search;
		if (svc_money_parse(s, search, _("Amount"), &f.amount, &e) != 0)
			f.amount = -1;
		if (phone_typed(s, search, national, sizeof national))
			f.phone = national;
	}
	return store_gwl_list(s->st, &f, n, err);
}

/* The pulled payment of code (of gateway, when not NULL): one, or
 * PD_ENOTFOUND, or PD_EINVAL when two gateways have that code. */
static int
find(struct svc *s, const char *gateway, const char *code, struct gw_payment *g,
    struct pd_err *err)
{
	struct gwl_filter f = {.gateway = gateway, .code = code, .amount = -1};
	struct gw_payment *all;
	size_t n;

	all = store_gwl_list(s->st, &f, &n, err);
	if (all == NULL)
		return -1;
	if (n == 1)
		*g = all[0];
	free(all);
	if (n == 0)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No gateway payment %s here (a terminal has those it "
		      "pulled: sync first)"),
		    code);
	if (n > 1)
		return pd_fail(err, PD_EINVAL,
		    _("%zu gateways have a payment %s; name one with "
		      "--gateway"),
		    n, code);
	return 0;
}

/* Record the association (account non-NULL) or disassociation of g, in
 * the caller's transaction: the outbox record, then the audit entry that
 * claims its seal. */
static int
assoc_in_tx(struct svc *s, const struct gw_payment *g, const struct consumer *c,
    const char *reason, struct pd_err *err)
{
	struct syncrec rec;
	char at[TS_BUFSZ], ref[300], detail[800];

	svc_now(at);
	ledger_rec_head(s, &rec, SR_GW_ASSOC, NULL, NULL, s->cfg.branch_id, at);
	xstrlcpy(rec.action, c != NULL ? "associate" : "disassociate",
	    sizeof rec.action);
	xstrlcpy(rec.gp.gateway, g->gateway, sizeof rec.gp.gateway);
	xstrlcpy(rec.gp.code, g->code, sizeof rec.gp.code);
	if (c != NULL) {
		xstrlcpy(rec.consumer_uuid, c->uuid, sizeof rec.consumer_uuid);
		xstrlcpy(rec.account_no, c->account_no, sizeof rec.account_no);
	}
	xstrlcpy(rec.reason, reason, sizeof rec.reason);
	xstrlcpy(rec.by, s->actor.full_name, sizeof rec.by);
	snprintf(ref, sizeof ref, "%s:%s", g->gateway, g->code);
	if (svc_outbox(s, &rec, ref, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "account=%s reason=%s",
	    c != NULL ? c->account_no : g->account_no, reason);
	return svc_audit(
	    s, at, rec.action, "gateway_payment", ref, detail, err);
}

/* A disassociation the central node would refuse, refused here at once
 * (R19: recorded, it was refused at the next sync only): credit from
 * the payment's ledger payment was applied, here or where this
 * terminal pulled it from. The central node's words. */
static int
credit_spent(struct svc *s, const struct gw_payment *g, struct pd_err *err)
{
	struct credit_note *cns;
	size_t n, i;

	if (g->payment_id == 0)
		return 0;
	cns = store_credits_of_payment(s->st, g->payment_id, &n, err);
	if (cns == NULL)
		return -1;
	for (i = 0; i < n && cns[i].applied == 0; i++)
		;
	if (i < n)
		pd_fail(err, PD_EINVAL,
		    _("Credit note %s, made of payment %s of gateway %s, was "
		      "already applied; the payment cannot be disassociated"),
		    cns[i].cn_no, g->code, g->gateway);
	free(cns);
	return i < n ? -1 : 0;
}

int
svc_gateway_credit_check(
    struct svc *s, const struct credit_note *cn, struct pd_err *err)
{
	struct gwl_filter f = {.amount = -1};
	struct gw_payment *g;
	struct payment p;
	size_t n, i;
	int rc = 0;

	if (cn->payment_id == 0 ||
	    store_payment_by_id(s->st, cn->payment_id, &p, err) != 0)
		return cn->payment_id == 0 ? 0 : -1;
	f.payment_uuid = p.uuid;
	g = store_gwl_list(s->st, &f, &n, err);
	if (g == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(g[i].assoc_state, "waiting") == 0 &&
		    strcmp(g[i].assoc_action, "disassociate") == 0) {
			rc = pd_fail(err, PD_EINVAL,
			    _("Credit note %s comes from gateway payment %s, "
			      "whose disassociation made here waits for the "
			      "central node; sync first"),
			    cn->cn_no, g[i].code);
			break;
		}
	free(g);
	return rc;
}

int
svc_gateway_assoc_check(struct svc *s, const struct gw_payment *g, int on,
    struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR,
	        on ? _("Associating a gateway payment")
	           : _("Disassociating a gateway payment"),
	        err) != 0)
		return -1;
	if (strcmp(g->assoc_state, "waiting") == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: an association made here is waiting for "
		      "the central node; sync first"),
		    g->code);
	if (on && g->consumer_id != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is already associated with account %s; "
		      "disassociate it first"),
		    g->code, g->account_no);
	if (!on && g->consumer_id == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is not associated with any consumer"),
		    g->code);
	return on ? 0 : credit_spent(s, g, err);
}

int
svc_gateway_associate(struct svc *s, const char *gateway, const char *code,
    const char *account, const char *reason, struct gw_payment *done,
    struct pd_err *err)
{
	struct gw_payment g;
	struct consumer c, *cp = NULL;
	const char *doing = account != NULL
	                        ? _("Associating a gateway payment")
	                        : _("Disassociating a gateway payment");

	if (svc_require(s, ROLE_SUPERVISOR, doing, err) != 0 ||
	    svc_check_text_fits(_("Reason"), reason, s->cfg.remarks_max,
	        SVC_TEXT_BUFSZ, 1, err) ||
	    svc_check_sound(s, err) != 0 || find(s, gateway, code, &g, err) ||
	    svc_gateway_assoc_check(s, &g, account != NULL, err) != 0)
		return -1;
	if (account != NULL) {
		if (store_consumer_by_account(s->st, account, &c, err) != 0)
			return -1;
		cp = &c;
	}
	if (store_begin(s->st, err) != 0 ||
	    svc_finish(s, assoc_in_tx(s, &g, cp, reason, err), err) != 0)
		return -1;
	if (done != NULL) {
		*done = g;
		if (cp != NULL)
			xstrlcpy(done->account_no, cp->account_no,
			    sizeof done->account_no);
	}
	return 0;
}
