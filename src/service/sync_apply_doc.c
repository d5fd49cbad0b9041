/* sync_apply_doc.c - the records applied after a payment's, on either
 * side (sync_apply.c says how): its void, its verification, a credit
 * note and a use of its credit; and the central node's reference data
 * at a terminal (a consumer, an item). Out of sync_apply.c, which it
 * outgrew. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "sync_apply_int.h"

int
sync_apply_void(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	struct payment p;
	int64_t pid;
	char at[TS_BUFSZ], detail[700];

	if (sync_record_payment(s, r, &pid, &p, err) != 0)
		return -1;
	if (mode == APPLY_REPLICA && p.status == PS_VOIDED)
		return 1; /* voided here already */
	if (mode == APPLY_CENTRAL &&
	    (svc_void_check(s, &p, err) != 0 ||
	        store_sync_origin(s->st, r->terminal, 0, err) != 0))
		return -1;
	if (ledger_void(s, &p, r->uuid, r->reason, 0, r->by, r->at, r->terminal,
	        r->shift_uuid, err) != 0)
		return -1;
	if (mode == APPLY_REPLICA)
		return 0;
	svc_now(at);
	snprintf(detail, sizeof detail, "terminal=%s reason=%s", r->terminal,
	    r->reason);
	return svc_audit(s, at, "void", "payment", p.payment_no, detail, err);
}

int
sync_apply_verify(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	struct payment p;
	int64_t pid;
	char at[TS_BUFSZ], detail[64];

	if (sync_record_payment(s, r, &pid, &p, err) != 0)
		return -1;
	if (p.status != PS_PENDING) {
		if (mode == APPLY_REPLICA)
			return 1;
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is %s; only Pending payments can be "
		      "verified"),
		    p.payment_no, pay_status_name(p.status));
	}
	if (mode == APPLY_CENTRAL &&
	    store_sync_origin(s->st, r->terminal, 0, err) != 0)
		return -1;
	if (store_payment_set_status(
	        s->st, pid, PS_POSTED, 1, r->at, r->by, err) != 0)
		return -1;
	if (mode == APPLY_REPLICA)
		return 0;
	svc_now(at);
	snprintf(detail, sizeof detail, "terminal=%s", r->terminal);
	return svc_audit(s, at, "verify", "payment", p.payment_no, detail, err);
}

int
sync_apply_credit_note(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err)
{
	struct payment p;
	int64_t pid;
	char at[TS_BUFSZ];

	if (sync_record_payment(s, r, &pid, &p, err) != 0)
		return -1;
	if (mode == APPLY_REPLICA)
		return sync_insert_credit(s, r, &p, NULL, err);
	if (sync_number_free(s, _("Credit note number"), r->cn.cn_no, err) ||
	    store_sync_origin(s->st, r->terminal, 0, err) != 0)
		return -1;
	svc_now(at);
	return sync_insert_credit(s, r, &p, at, err);
}

int
sync_apply_credit_use(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err)
{
	struct credit_note cn;
	struct credit_application a = r->ca;
	struct item it;
	int64_t cnid, iid = 0;
	char at[TS_BUFSZ], detail[256], m[MONEY_BUFSZ];
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	if (sync_need_id(s, TBL_CREDIT_NOTES, r->cn_uuid, _("Credit note"),
	        &cnid, err) != 0 ||
	    store_credit_by_id(s->st, cnid, &cn, err) != 0)
		return -1;
	if (r->item_uuid[0] != '\0' &&
	    store_id_of(s->st, TBL_ITEMS, r->item_uuid, &iid, err) != 0)
		return -1;
	if (iid != 0 ? store_item_by_id(s->st, iid, &it, err)
	             : store_item_by_ref(s->st, a.item_ref, &it, err))
		return -1;
	if (a.amount <= 0)
		return pd_fail(err, PD_EINVAL, _("Amount must be positive"));
	if (mode == APPLY_CENTRAL) {
		if (cn.voided)
			return pd_fail(err, PD_EINVAL,
			    _("Credit note %s is voided"), cn.cn_no);
		/* a Pending payment's credit waits for its verification
		 * or settlement, here as at the terminal (issue 19
		 * review: a gateway payment's overpayment was spent
		 * before it settled) */
		if (cn.payment_status != PS_POSTED)
			return pd_fail(err, PD_EINVAL,
			    _("Credit note %s comes from payment %s, which is "
			      "%s; its credit can be applied once the payment "
			      "is Posted (verified or settled)"),
			    cn.cn_no, cn.receipt_no,
			    _(pay_status_name(cn.payment_status)));
		if (store_sync_origin(s->st, r->terminal, 0, err) != 0)
			return -1;
	} else if (a.amount > cn.amount - cn.applied)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s has %s left, not %s"), cn.cn_no,
		    money_plain(m1, sizeof m1, cn.amount - cn.applied,
		        s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, a.amount, s->cfg.minor_digits));
	/* a credit applied to an installment a reschedule or cancel closed
	 * meanwhile is applied as a payment is: the change gives way and
	 * moves that much less, on every node in either order (review 21b,
	 * fault 3: the central node refused it after the cancel, and its
	 * terminal kept it); a terminal's own payments give way to it */
	if (svc_arr_reopen(s, &it, a.amount, mode == APPLY_REPLICA, err) != 0 ||
	    (mode == APPLY_REPLICA &&
	        svc_make_room(s, &it, a.amount, err) != 0))
		return -1;
	a.user_id = 0;
	xstrlcpy(a.terminal, r->terminal, sizeof a.terminal);
	if (a.created_at[0] == '\0')
		xstrlcpy(a.created_at, r->at, sizeof a.created_at);
	if (ledger_credit_apply(s, &cn, &it, &a, err) != 0)
		return -1;
	if (mode == APPLY_REPLICA)
		return 0;
	svc_now(at);
	snprintf(detail, sizeof detail, "terminal=%s item=%s amount=%s",
	    r->terminal, it.ref,
	    money_plain(m, sizeof m, a.amount, s->cfg.minor_digits));
	return svc_audit(s, at, "apply", "credit_note", cn.cn_no, detail, err);
}

int
sync_apply_consumer(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct consumer c = r->c, old;
	struct pd_err e;
	int64_t id;

	/* where the pull's check found it, else asked here; the same
	 * account made here before it came from the central node: the
	 * central node's uuid wins */
	if (!svc_sync_pull_found(s, r, &id)) {
		if (store_id_of(s->st, TBL_CONSUMERS, r->uuid, &id, err) != 0)
			return -1;
		if (id == 0 && store_consumer_by_account(
		                   s->st, c.account_no, &old, &e) == 0)
			id = old.id;
	}
	if (id == 0) {
		c.id = 0;
		return store_consumer_insert(s->st, &c, err);
	}
	c.id = id;
	return store_consumer_update(s->st, &c, err);
}

int
sync_apply_item(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct item it = r->it, old;
	struct pd_err e;
	int64_t id;

	if (sync_need_id(s, TBL_CONSUMERS, r->consumer_uuid, _("Consumer"),
	        &it.consumer_id, err) != 0)
		return -1;
	/* where the pull's check found it, else asked here */
	if (!svc_sync_pull_found(s, r, &id)) {
		if (store_id_of(s->st, TBL_ITEMS, r->uuid, &id, err) != 0)
			return -1;
		if (id == 0 && store_item_by_ref(s->st, it.ref, &old, &e) == 0)
			id = old.id;
	}
	if (id != 0) {
		it.id = id;
		return store_item_update(s->st, &it, err);
	}
	if (it.kind == PAY_INSTALLMENT &&
	    store_plan_ensure(s->st, it.plan_no, it.consumer_id, err) != 0)
		return -1;
	it.id = 0;
	it.settled = 0;
	return svc_item_insert(s, &it, err);
}
