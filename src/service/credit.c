/* credit.c - creating, applying and showing credit notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute_int.h"
#include "internal.h"
#include "paydesk/i18n.h"

enum cn_status
svc_credit_status(const struct svc *s, const struct credit_note *cn)
{
	char today[11];
	int32_t t = 0, e = 0;

	(void)s;
	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	date_parse(cn->expires_on, NULL, &e, NULL);
	return credit_status(cn->amount, cn->applied, e, t, cn->voided);
}

/* The reason and remarks of a request: no store needed. */
static int
check_fields(struct svc *s, const struct credit_request *r,
    struct credit_quote *q, struct pd_err *err)
{
	char list[800];

	q->reason = r->reason ? svc_credit_reason(&s->cfg, r->reason) : NULL;
	if (q->reason == NULL) {
		q->bad = CREDIT_REASON;
		svc_credit_reasons(&s->cfg, list, sizeof list);
		if (r->reason == NULL || *r->reason == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("A reason is required; "
			      "choose one of: %s"),
			    list);
		/* blanks only: said so (helper-258, fault 7: an unknown
		 * reason "  ") */
		if (utf8_blank(r->reason))
			return pd_fail(err, PD_EINVAL,
			    _("The reason is blank (spaces only); choose one "
			      "of: %s"),
			    list);
		return pd_fail(err, PD_EINVAL,
		    _("Unknown reason \"%s\"; choose "
		      "one of: %s"),
		    r->reason, list);
	}
	if (svc_check_text(
	        _("Remarks"), r->remarks, s->cfg.remarks_max, 0, err) != 0) {
		q->bad = CREDIT_REMARKS;
		return -1;
	}
	return 0;
}

/* The payment and the amount: what the store says of them. */
static int
check_payment(struct svc *s, const struct credit_request *r,
    struct credit_quote *q, struct pd_err *err)
{

	q->bad = CREDIT_PAYMENT;
	if (store_payment_lookup(
	        s->st, r->receipt ? r->receipt : "", &q->p, err) != 0)
		return -1;
	/* what a chargeback charged again the bank gave back already
	 * (review s48, helper-214: 20.00 charged back, then a credit note
	 * of all 60.00: 80.00 back for 60.00) */
	if (store_credit_issued(s->st, q->p.id, &q->issued, err) != 0 ||
	    svc_dispute_charged(s, &q->p, &q->charged, NULL, err) < 0)
		return -1;
	q->limit = q->p.amount - q->issued - q->charged;
	if (q->limit < 0)
		q->limit = 0;
	if (q->p.status != PS_POSTED)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is %s; credit notes "
		      "are issued against Posted payments only"),
		    q->p.receipt_no, pay_status_name(q->p.status));
	q->bad = CREDIT_AMOUNT;
	if (credit_check_amount(r->amount, q->p.amount, q->issued + q->charged,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	q->remaining = q->p.amount - q->issued - q->charged - r->amount;
	q->bad = CREDIT_NONE;
	return 0;
}

int
svc_credit_quote(struct svc *s, const struct credit_request *r,
    struct credit_quote *q, struct pd_err *err)
{
	memset(q, 0, sizeof *q);
	q->remaining = -1;
	if (svc_require(s, ROLE_SUPERVISOR, _("Creating a credit note"), err) !=
	    0)
		return -1;
	if (check_payment(s, r, q, err) != 0)
		return -1;
	return check_fields(s, r, q, err);
}

/* Write the credit note of quote q; inside the caller's transaction. */
static int
create_in_tx(struct svc *s, const struct credit_request *r,
    struct credit_quote *q, struct credit_note *cn, int reread,
    struct pd_err *err)
{
	struct consumer c;
	struct syncrec rec;
	char at[TS_BUFSZ];

	if (check_payment(s, r, q, err) != 0)
		return -1;
	svc_now(at);
	memset(cn, 0, sizeof *cn);
	cn->amount = r->amount;
	snprintf(cn->created_on, sizeof cn->created_on, "%.10s", at);
	xstrlcpy(cn->created_at, at, sizeof cn->created_at);
	xstrlcpy(cn->reason, q->reason, sizeof cn->reason);
	xstrlcpy(cn->remarks, r->remarks ? r->remarks : "", sizeof cn->remarks);
	cn->user_id = s->actor.user_id;
	xstrlcpy(cn->created_by, s->actor.full_name, sizeof cn->created_by);
	xstrlcpy(cn->terminal, s->cfg.terminal_id, sizeof cn->terminal);
	if (ledger_credit_note(s, &q->p, cn, NULL, NULL, err) != 0 ||
	    store_consumer_by_id(s->st, q->p.consumer_id, &c, err) != 0)
		return -1;
	ledger_rec_credit_note(
	    s, &rec, cn, q->p.uuid, c.uuid, s->cfg.branch_id);
	/* the outbox record before the audit entry, which claims its seal
	 * (seal.c) */
	if (svc_outbox(s, &rec, cn->cn_no, err) != 0 ||
	    ledger_credit_audit(s, &q->p, cn, at, NULL, err) != 0)
		return -1;
	/* a note that applies itself settles items (review 21b, 8b; an
	 * uphold's: after the uphold's record, svc_credit_in_tx) */
	return reread ? svc_alerts_reread(
	                    s, q->p.consumer_id, 0, "credit", at, err)
	              : 0;
}

int
svc_credit_in_tx(struct svc *s, const char *receipt, int64_t amount,
    const char *reason, const char *remarks, struct credit_note *out,
    struct pd_err *err)
{
	struct credit_request r = {receipt, amount, reason, remarks};
	struct credit_quote q;

	memset(&q, 0, sizeof q);
	q.reason = reason;
	return create_in_tx(s, &r, &q, out, 0, err);
}

int
svc_credit_create(struct svc *s, const char *receipt, int64_t amount,
    const char *reason, const char *remarks, struct credit_note *out,
    struct pd_err *err)
{
	struct credit_request r = {receipt, amount, reason, remarks};
	struct credit_quote q;

	/* cheap checks first, so a bad request never takes the write lock */
	memset(&q, 0, sizeof q);
	if (svc_require(s, ROLE_SUPERVISOR, _("Creating a credit note"), err) !=
	        0 ||
	    check_fields(s, &r, &q, err) != 0 || svc_check_sound(s, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, create_in_tx(s, &r, &q, out, 1, err), err);
}

static int
apply_in_tx(struct svc *s, const char *cn_no, const char *item_ref,
    int64_t amount, struct credit_application *a, struct pd_err *err)
{
	struct credit_note cn;
	struct item it;
	struct syncrec rec;
	enum cn_status st;
	char at[TS_BUFSZ], detail[256], m[MONEY_BUFSZ];

	if (store_credit_lookup(s->st, cn_no, &cn, err) != 0)
		return -1;
	st = svc_credit_status(s, &cn);
	if (st == CN_EXPIRED)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s is %s since %s; only Active credit notes "
		      "can be applied"),
		    cn.cn_no, i18n_term(credit_status_term(st)), cn.expires_on);
	if (st != CN_ACTIVE)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s is %s; only Active credit notes can be "
		      "applied"),
		    cn.cn_no, i18n_term(credit_status_term(st)));
	if (cn.payment_status != PS_POSTED)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s comes from payment %s, which is %s; its "
		      "credit can be applied once the payment is Posted "
		      "(verified or settled)"),
		    cn.cn_no, cn.receipt_no,
		    _(pay_status_name(cn.payment_status)));
	if (svc_gateway_credit_check(s, &cn, err) != 0)
		return -1;
	if (store_item_by_ref(s->st, item_ref, &it, err) != 0)
		return -1;
	if (it.consumer_id != cn.consumer_id)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s belongs to another "
		      "consumer; credit note %s is for %s"),
		    item_ref, cn.cn_no, cn.account_no);
	if (svc_arr_explain(s, &it, err) != 0)
		return -1;
	if (it.settled >= it.amount)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s is already paid in full"), item_ref);
	svc_now(at);
	memset(a, 0, sizeof *a);
	a->amount = amount;
	snprintf(a->applied_on, sizeof a->applied_on, "%.10s", at);
	xstrlcpy(a->created_at, at, sizeof a->created_at);
	a->user_id = s->actor.user_id;
	xstrlcpy(a->terminal, s->cfg.terminal_id, sizeof a->terminal);
	if (ledger_credit_apply(s, &cn, &it, a, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "item=%s amount=%s", it.ref,
	    money_plain(m, sizeof m, amount, s->cfg.minor_digits));
	ledger_rec_credit_apply(s, &rec, a, &cn, it.uuid, s->cfg.branch_id);
	if (svc_outbox(s, &rec, cn.cn_no, err) != 0 ||
	    svc_audit(s, at, "apply", "credit_note", cn.cn_no, detail, err) != 0)
		return -1;
	/* the item settled, the note used: their alerts end (review 21b,
	 * fault 8b) */
	return svc_alerts_reread(
	    s, cn.consumer_id, it.kind == PAY_INSTALLMENT, "credit", at, err);
}

int
svc_credit_apply(struct svc *s, const char *cn_no, const char *item_ref,
    int64_t amount, struct credit_application *out, struct pd_err *err)
{
	if (svc_require(s, ROLE_CASHIER, _("Applying credit"), err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	if (item_ref == NULL || *item_ref == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("The item to apply credit to "
		      "is required (--to REF)"));
	if (store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(
	    s, apply_in_tx(s, cn_no, item_ref, amount, out, err), err);
}

int
svc_credit_show(
    struct svc *s, const char *cn_no, struct credit_view *v, struct pd_err *err)
{
	memset(v, 0, sizeof *v);
	if (store_credit_lookup(s->st, cn_no, &v->cn, err) != 0)
		return -1;
	v->status = svc_credit_status(s, &v->cn);
	v->remaining =
	    credit_remaining(v->cn.amount, v->cn.applied, v->cn.voided);
	v->usage_tenths = credit_usage_tenths(v->cn.applied, v->cn.amount);
	v->apps = store_credit_applications(s->st, v->cn.id, &v->napps, err);
	return v->apps == NULL ? -1 : 0;
}

void
svc_credit_view_free(struct credit_view *v)
{
	free(v->apps);
	v->apps = NULL;
}
