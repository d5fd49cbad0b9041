/* sync_check_pull.c - what a record a terminal pulls may say (issue 18):
 * it is in the terminal's currency, and it does not claim to be the
 * terminal's own (made on it, or a number of its own series) when the
 * terminal does not have it; its own records it knows by uuid. What a
 * terminal pushes is checked in sync_check.c.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sync_check_int.h"
#include "paydesk/credit.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"
#include "paydesk/xmalloc.h"

/* Where a pulled record stands: its page and its place there, for a
 * check that looks at the records after it. */
struct pull_at {
	const struct sync_page *pg;
	size_t i;
};

/* number, of a document dated date, is not of this terminal's series
 * fmt. */
static int
not_mine(struct svc *s, const char *what, const char *fmt, const char *number,
    struct pd_err *err)
{
	struct numfmt_ctx ctx = {NULL, s->cfg.terminal_id, s->cfg.branch_id};

	if (numfmt_match(fmt, &ctx, number, NULL, NULL) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is of this terminal's own series, and this "
		      "terminal never made it"),
		    what, number);
	return 0;
}

/* What the central node's own credit notes after entry at->i of its page
 * give of payment uuid's amount (the part of it no item could take when
 * the central node applied it; sync_apply.c, excess_credit). */
static int64_t
credited_after(const struct pull_at *at, const struct syncrec *r)
{
	struct syncrec *c;
	int64_t seq, sum = 0;
	size_t i;

	if (at == NULL || at->pg == NULL)
		return 0;
	c = xmalloc(sizeof *c);
	for (i = at->i + 1; i < at->pg->n; i++) {
		if (sync_page_entry(at->pg, i, &seq, c, NULL) != 0)
			break;
		if (c->kind == SR_CREDIT_NOTE && c->cn.automatic &&
		    strcmp(c->payment_uuid, r->uuid) == 0 &&
		    strcmp(c->terminal, r->terminal) != 0 && c->cn.amount > 0 &&
		    c->cn.amount <= MONEY_MAX)
			sum += c->cn.amount;
		syncrec_free(c);
	}
	free(c);
	return sum;
}

/* What a payment of another terminal may say as the central node serves
 * it (review R18, session 37: a fake central node's payments that no
 * posting could make were applied, and the terminal's own doctor then
 * stopped its posting): the status it was posted with or verified to (a
 * void comes as its own record), figures within bounds, each allocation
 * no more than what was due, and the allocations and the overpayment
 * adding up to the amount, short only by what the central node's own
 * credit notes after it give. */
static int
pull_payment_sound(struct svc *s, const struct syncrec *r,
    const struct pull_at *at, struct pd_err *err)
{
	const struct payment *p = &r->p;
	int64_t sum = 0, credited;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], m4[MONEY_BUFSZ];

	if (p->status == PS_VOIDED)
		return pd_fail(err, PD_EINVAL,
		    _("Status Voided: a payment is served as it was posted, "
		      "and its void comes as a record of its own"));
	/* (a gateway's payment of any method waits Pending until it
	 * settles: Pending is not refused) */
	if ((p->status == PS_FAILED || p->status == PS_CANCELLED) &&
	    p->method_kind == METHOD_CASH)
		return pd_fail(err, PD_EINVAL,
		    _("Status %s: a %s payment is never %s"),
		    pay_status_name(p->status),
		    method_kind_name(p->method_kind),
		    pay_status_name(p->status));
	if (p->amount < 1 || p->amount > MONEY_MAX || p->overpaid < 0 ||
	    p->overpaid > p->amount || p->tendered < 0 ||
	    p->tendered > MONEY_MAX || p->change < 0 || p->change > p->tendered)
		return pd_fail(err, PD_EINVAL,
		    _("Amount %s, overpaid %s, received %s, change %s: not "
		      "the figures of a payment"),
		    sck_amount(s, m1, p->amount),
		    sck_amount(s, m2, p->overpaid),
		    sck_amount(s, m3, p->tendered),
		    sck_amount(s, m4, p->change));
	if (sck_allocs(s, r, &sum, err) != 0)
		return -1;
	if (sum + p->overpaid > p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Allocations (%s) and overpaid (%s) come to more "
		      "than the amount (%s)"),
		    sck_amount(s, m1, sum), sck_amount(s, m2, p->overpaid),
		    sck_amount(s, m3, p->amount));
	if (sum + p->overpaid == p->amount)
		return 0;
	credited = credited_after(at, r);
	if (sum + p->overpaid + credited != p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Allocations (%s), overpaid (%s) and the central "
		      "node's credit after it (%s) do not add up to the "
		      "amount (%s)"),
		    sck_amount(s, m1, sum), sck_amount(s, m2, p->overpaid),
		    sck_amount(s, m3, credited), sck_amount(s, m4, p->amount));
	return 0;
}

static int
pull_payment(struct svc *s, const struct syncrec *r, const struct pull_at *at,
    struct pd_err *err)
{
	const struct payment *p = &r->p;

	if (pull_payment_sound(s, r, at, err) != 0)
		return -1;
	return not_mine(s, _("Payment number"), s->cfg.fmt_payment,
	           p->payment_no, err) ||
	               not_mine(s, _("Transaction number"),
	                   s->cfg.fmt_transaction, p->txn_no, err) ||
	               not_mine(s, _("Receipt number"), s->cfg.fmt_receipt,
	                   p->receipt_no, err) ||
	               (r->has_cn &&
	                   not_mine(s, _("Credit note number"),
	                       s->cfg.fmt_credit_note, r->cn.cn_no, err))
	           ? -1
	           : 0;
}

/* A credit note of another terminal: of a payment that is not voided,
 * for a reason of the organisation's, of an amount within bounds, and
 * expiring 1 to CREDIT_EXPIRY_DAYS_MAX days after it was made. */
static int
pull_credit_note(struct svc *s, const struct syncrec *r,
    const struct pull_at *at, struct pd_err *err)
{
	const struct credit_note *cn = &r->cn;
	struct payment p;
	int64_t pid;
	int32_t c, e;
	char m1[MONEY_BUFSZ];

	(void)at;
	if (cn->amount < 1 || cn->amount > MONEY_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: amount %s is out of bounds"), cn->cn_no,
		    sck_amount(s, m1, cn->amount));
	if (config_reason(&s->cfg, cn->reason) == NULL)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: reason \"%s\" is not one of the "
		      "organisation's"),
		    cn->cn_no, cn->reason);
	if (date_parse(cn->created_on, _("Credit note date"), &c, err) != 0 ||
	    date_parse(cn->expires_on, _("Expiry date"), &e, err) != 0 ||
	    credit_check_expiry(c, e, err) != 0)
		return -1;
	if (store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &pid, err) != 0)
		return -1;
	if (pid != 0 && store_payment_by_id(s->st, pid, &p, err) != 0)
		return -1;
	if (pid != 0 && p.status == PS_VOIDED)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s is of payment %s, which is voided"),
		    cn->cn_no, p.payment_no);
	return not_mine(s, _("Credit note number"), s->cfg.fmt_credit_note,
	    r->cn.cn_no, err);
}

/* A consumer under an account this terminal has under another uuid,
 * with payments or items (review R18: the central node's uuid took the
 * account over, and the records naming the old uuid were lost). One
 * with nothing yet, made here before it came, takes the central node's
 * uuid. */
/* Keep row id as where pulled record r goes here (svc_sync_pull_found). */
static int
found(struct svc *s, const struct syncrec *r, int64_t id)
{
	s->pull_found_kind = (int)r->kind + 1;
	xstrlcpy(s->pull_found_uuid, r->uuid, sizeof s->pull_found_uuid);
	s->pull_found_id = id;
	return 0;
}

int
svc_sync_pull_found(struct svc *s, const struct syncrec *r, int64_t *id)
{
	int kept = s->pull_found_kind == (int)r->kind + 1 &&
	           strcmp(s->pull_found_uuid, r->uuid) == 0;

	*id = kept ? s->pull_found_id : 0;
	s->pull_found_kind = 0;
	return kept;
}

static int
pull_consumer(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct consumer old;
	struct pd_err e;
	int64_t id, n;

	/* by uuid, else by account, asked at once (a fresh terminal's pull
	 * of 1M consumers: two statements a consumer were ~0.5 s) */
	if (store_consumer_find(
	        s->st, r->uuid, r->c.account_no, &id, &n, err) != 0)
		return -1;
	if (id != 0)
		return found(s, r, id);
	id = n;
	if (id == 0)
		return found(s, r, 0);
	if (store_consumer_by_id(s->st, id, &old, &e) != 0)
		return pd_fail(err, e.code, "%s", e.msg);
	n = store_consumer_history(s->st, old.id);
	if (n < 0)
		return pd_fail(err, PD_ESTORE, _("The store failed"));
	if (n > 0)
		return pd_fail(err, PD_EINVAL,
		    _("Account %s is consumer %s here, with its payments and "
		      "items; a consumer %s under the same account is not "
		      "the same one"),
		    r->c.account_no, old.uuid, r->uuid);
	return found(s, r, old.id);
}

/* An item known here (by uuid or reference) of another consumer than
 * the one the record names (review R18: the change was dropped, the
 * item staying with its consumer, without a trace). */
static int
pull_item(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct item old;
	struct pd_err e;
	int64_t id, cid;

	if (store_id_of(s->st, TBL_ITEMS, r->uuid, &id, err) != 0 ||
	    store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid, &cid, err))
		return -1;
	if (id != 0 ? store_item_by_id(s->st, id, &old, &e)
	            : store_item_by_ref(s->st, r->it.ref, &old, &e))
		return e.code == PD_ENOTFOUND
		           ? found(s, r, id)
		           : pd_fail(err, e.code, "%s", e.msg);
	if (cid != 0 && old.consumer_id != cid)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s is another consumer's here; an item does not "
		      "move from one consumer to another"),
		    old.ref);
	return found(s, r, old.id);
}

/* An arrangement made or a dispute opened by another terminal under a
 * number of this terminal's own series (review of issue 18: applied, it
 * took the number this terminal's next one would have, whose use case
 * then failed every time: "Plan AR-T01-000002 belongs to another
 * consumer"); the central node numbers a create or an open only in its
 * sender's series, so only a central node that is not itself sends one.
 * Its own, echoed back, is recognised by its uuid. One that says it was
 * made here is taken as before: the central node had it from this
 * terminal's token. */
static int
pull_own_plans(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct numfmt_ctx ctx = {NULL, s->cfg.terminal_id, s->cfg.branch_id};
	struct arrangement a;
	struct dispute d;
	struct pd_err e = {0};
	int rc;

	if (strcmp(r->terminal, s->cfg.terminal_id) == 0)
		return 0;
	if (r->kind == SR_ARRANGEMENT && strcmp(r->op, "create") == 0 &&
	    numfmt_match(SVC_ARR_NUMBER_FMT, &ctx, r->arr.plan_no, NULL,
	        NULL) == 0) {
		if (store_arr_find(s->st, r->arr.plan_no, &a, &e) == 0 &&
		    strcmp(a.uuid, r->arr.uuid) == 0)
			return 0;
		if (e.code != 0 && e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is of this terminal's own series, and this "
		      "terminal never made it"),
		    _("Arrangement"), r->arr.plan_no);
	}
	if (r->kind == SR_DISPUTE && strcmp(r->op, "open") == 0 &&
	    numfmt_match(SVC_DSP_NUMBER_FMT, &ctx, r->dsp.dispute_no, NULL,
	        NULL) == 0) {
		if ((rc = store_dsp_by_key(s->st, 0, r->dsp.uuid, &d, err)) <= 0)
			return rc;
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is of this terminal's own series, and this "
		      "terminal never made it"),
		    _("Dispute"), r->dsp.dispute_no);
	}
	return 0;
}

/* The ledger records a terminal recognises by uuid, the table they are
 * kept in, and the check of their numbers (NULL: they carry none of
 * their own). */
static const struct {
	int ledger;
	enum store_table table;
	int (*check)(struct svc *, const struct syncrec *,
	    const struct pull_at *, struct pd_err *);
} pull_rules[SR_KINDS] = {
    [SR_PAYMENT] = {1, TBL_PAYMENTS, pull_payment},
    [SR_VOID] = {1, TBL_VOIDS, NULL},
    [SR_CREDIT_NOTE] = {1, TBL_CREDIT_NOTES, pull_credit_note},
    [SR_CREDIT_APPLY] = {1, TBL_CREDIT_APPLICATIONS, NULL},
};

int
svc_sync_check_pull(struct svc *s, const struct syncrec *r,
    const struct sync_page *pg, size_t i, struct pd_err *err)
{
	struct pull_at at = {pg, i};
	int64_t id;
	int rc = 0;

	s->pull_found_kind = 0; /* what an earlier check kept is not r's */

	if (r->currency[0] != '\0' &&
	    strcmp(r->currency, s->cfg.currency_code) != 0)
		rc = pd_fail(err, PD_EINVAL,
		    _("It is in %s; this terminal's currency is %s"),
		    r->currency, s->cfg.currency_code);
	else if (r->kind == SR_ARRANGEMENT || r->kind == SR_DISPUTE)
		rc = pull_own_plans(s, r, err);
	else if (r->kind == SR_DEPOSIT || r->kind == SR_STATEMENT ||
	         r->kind == SR_STMT_MATCH || r->kind == SR_RECON_RESOLVE)
		rc = svc_recon_pull_check(s, r, err);
	else if (r->kind == SR_SHIFT_OPEN || r->kind == SR_SHIFT_MOVE ||
	         r->kind == SR_SHIFT_CLOSE)
		rc = svc_shift_pull_check(s, r, err);
	else if (r->kind == SR_CONSUMER)
		rc = pull_consumer(s, r, err);
	else if (r->kind == SR_ITEM)
		rc = pull_item(s, r, err);
	else if ((unsigned)r->kind >= SR_KINDS || !pull_rules[r->kind].ledger)
		return 0;
	/* a record this terminal has is its own (or one it has pulled
	 * before), recognised by its uuid: the apply takes the central
	 * node's version of it */
	else if (store_id_of(
	             s->st, pull_rules[r->kind].table, r->uuid, &id, err))
		return -1;
	else if (id != 0)
		return 0;
	else if (strcmp(r->terminal, s->cfg.terminal_id) == 0)
		rc = pd_fail(err, PD_EINVAL,
		    _("It says it was made on this terminal, and this "
		      "terminal never made it"));
	else if (pull_rules[r->kind].check != NULL)
		rc = pull_rules[r->kind].check(s, r, &at, err);
	if (rc != 0)
		pd_err_prefix(err, _("%s %s of terminal %s: "),
		    syncrec_kind_name(r->kind), r->uuid, r->terminal);
	return rc;
}
