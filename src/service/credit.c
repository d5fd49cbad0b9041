/* credit.c - creating, applying and showing credit notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

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

static int
create_in_tx(struct svc *s, const char *receipt, int64_t amount,
    const char *reason, const char *remarks, struct credit_note *cn,
    struct pd_err *err)
{
	struct payment p;
	struct consumer c;
	struct syncrec rec;
	int64_t issued;
	int32_t d;
	char at[TS_BUFSZ], detail[256], a[MONEY_BUFSZ], exp[DATE_BUFSZ];

	if (store_payment_find(s->st, receipt, &p, err) != 0)
		return -1;
	if (p.status != PS_POSTED)
		return pd_fail(err, PD_EINVAL,
		    "payment %s is %s; credit notes "
		    "are issued against Posted payments only",
		    p.receipt_no, pay_status_name(p.status));
	if (store_credit_issued(s->st, p.id, &issued, err) != 0 ||
	    credit_check_amount(amount, p.amount, issued, s->cfg.minor_digits,
	        s->cfg.currency_symbol, err) != 0)
		return -1;
	svc_now(at);
	memset(cn, 0, sizeof *cn);
	snprintf(cn->created_on, sizeof cn->created_on, "%.10s", at);
	if (svc_next_number(s, "credit_note", s->cfg.fmt_credit_note,
	        cn->created_on, cn->cn_no, sizeof cn->cn_no, err) != 0)
		return -1;
	cn->consumer_id = p.consumer_id;
	cn->payment_id = p.id;
	cn->amount = amount;
	xstrlcpy(cn->reason, config_reason(&s->cfg, reason), sizeof cn->reason);
	xstrlcpy(cn->remarks, remarks ? remarks : "", sizeof cn->remarks);
	xstrlcpy(cn->created_at, at, sizeof cn->created_at);
	date_parse(cn->created_on, NULL, &d, NULL);
	xstrlcpy(cn->expires_on, date_format(exp, d + s->cfg.cn_expiry_days),
	    sizeof cn->expires_on);
	cn->user_id = s->actor.user_id;
	xstrlcpy(cn->created_by, s->actor.full_name, sizeof cn->created_by);
	xstrlcpy(cn->terminal, s->cfg.terminal_id, sizeof cn->terminal);
	xstrlcpy(cn->receipt_no, p.receipt_no, sizeof cn->receipt_no);
	if (store_credit_insert(s->st, cn, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "amount=%s payment=%s reason=%s",
	    money_plain(a, sizeof a, amount, s->cfg.minor_digits), p.payment_no,
	    cn->reason);
	if (svc_audit(s, at, "create", "credit_note", cn->cn_no, detail, err) !=
	    0)
		return -1;
	if (store_consumer_by_id(s->st, p.consumer_id, &c, err) != 0)
		return -1;
	svc_syncrec(s, &rec, SR_CREDIT_NOTE, cn->uuid, at);
	rec.cn = *cn;
	xstrlcpy(rec.payment_uuid, p.uuid, sizeof rec.payment_uuid);
	xstrlcpy(rec.consumer_uuid, c.uuid, sizeof rec.consumer_uuid);
	return svc_outbox(s, &rec, cn->cn_no, err);
}

int
svc_credit_create(struct svc *s, const char *receipt, int64_t amount,
    const char *reason, const char *remarks, struct credit_note *out,
    struct pd_err *err)
{
	char list[800];

	if (svc_require(s, ROLE_SUPERVISOR, "creating a credit note", err) != 0)
		return -1;
	if (reason == NULL || *reason == '\0' ||
	    config_reason(&s->cfg, reason) == NULL) {
		config_join(s->cfg.reasons, s->cfg.nreasons, list, sizeof list);
		if (reason == NULL || *reason == '\0')
			return pd_fail(err, PD_EINVAL,
			    "a reason is required; "
			    "choose one of: %s",
			    list);
		return pd_fail(err, PD_EINVAL,
		    "unknown reason \"%s\"; choose "
		    "one of: %s",
		    reason, list);
	}
	if (svc_check_text("remarks", remarks, s->cfg.remarks_max, 0, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s,
	    create_in_tx(s, receipt, amount, reason, remarks, out, err), err);
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

	if (store_credit_find(s->st, cn_no, &cn, err) != 0)
		return -1;
	st = svc_credit_status(s, &cn);
	if (st != CN_ACTIVE)
		return pd_fail(err, PD_EINVAL,
		    "credit note %s is %s%s%s; only "
		    "Active credit notes can be applied",
		    cn.cn_no, credit_status_name(st),
		    st == CN_EXPIRED ? " since " : "",
		    st == CN_EXPIRED ? cn.expires_on : "");
	if (store_item_by_ref(s->st, item_ref, &it, err) != 0)
		return -1;
	if (it.consumer_id != cn.consumer_id)
		return pd_fail(err, PD_EINVAL,
		    "item %s belongs to another "
		    "consumer; credit note %s is for %s",
		    item_ref, cn.cn_no, cn.account_no);
	if (it.settled >= it.amount)
		return pd_fail(err, PD_EINVAL,
		    "item %s is already paid in full", item_ref);
	if (credit_check_apply(amount, cn.amount - cn.applied,
	        it.amount - it.settled, s->cfg.minor_digits,
	        s->cfg.currency_symbol, err) != 0)
		return -1;
	svc_now(at);
	memset(a, 0, sizeof *a);
	a->credit_note_id = cn.id;
	a->item_id = it.id;
	a->amount = amount;
	snprintf(a->applied_on, sizeof a->applied_on, "%.10s", at);
	xstrlcpy(a->created_at, at, sizeof a->created_at);
	a->user_id = s->actor.user_id;
	xstrlcpy(a->terminal, s->cfg.terminal_id, sizeof a->terminal);
	xstrlcpy(a->item_ref, it.ref, sizeof a->item_ref);
	if (store_credit_apply_insert(s->st, a, err) != 0 ||
	    store_item_settle(s->st, it.id, amount, err) != 0 ||
	    store_credit_add_applied(s->st, cn.id, amount, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "item=%s amount=%s", it.ref,
	    money_plain(m, sizeof m, amount, s->cfg.minor_digits));
	if (svc_audit(s, at, "apply", "credit_note", cn.cn_no, detail, err) !=
	    0)
		return -1;
	svc_syncrec(s, &rec, SR_CREDIT_APPLY, a->uuid, at);
	rec.ca = *a;
	xstrlcpy(rec.cn_uuid, cn.uuid, sizeof rec.cn_uuid);
	xstrlcpy(rec.cn.cn_no, cn.cn_no, sizeof rec.cn.cn_no);
	xstrlcpy(rec.item_uuid, it.uuid, sizeof rec.item_uuid);
	return svc_outbox(s, &rec, cn.cn_no, err);
}

int
svc_credit_apply(struct svc *s, const char *cn_no, const char *item_ref,
    int64_t amount, struct credit_application *out, struct pd_err *err)
{
	if (svc_require(s, ROLE_CASHIER, "applying credit", err) != 0)
		return -1;
	if (item_ref == NULL || *item_ref == '\0')
		return pd_fail(err, PD_EINVAL,
		    "the item to apply credit to "
		    "is required (--to REF)");
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
	if (store_credit_find(s->st, cn_no, &v->cn, err) != 0)
		return -1;
	v->status = svc_credit_status(s, &v->cn);
	v->remaining = v->cn.amount - v->cn.applied;
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
