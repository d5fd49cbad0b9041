/* sync_check_pull.c - what a record a terminal pulls may say (issue 18):
 * it is in the terminal's currency, and it does not claim to be the
 * terminal's own (made on it, or a number of its own series) when the
 * terminal does not have it; its own records it knows by uuid. What a
 * terminal pushes is checked in sync_check.c.
 */
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/numfmt.h"

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

static int
pull_payment(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;

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

static int
pull_credit_note(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	return not_mine(s, _("Credit note number"), s->cfg.fmt_credit_note,
	    r->cn.cn_no, err);
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
	int (*check)(struct svc *, const struct syncrec *, struct pd_err *);
} pull_rules[SR_KINDS] = {
    [SR_PAYMENT] = {1, TBL_PAYMENTS, pull_payment},
    [SR_VOID] = {1, TBL_VOIDS, NULL},
    [SR_CREDIT_NOTE] = {1, TBL_CREDIT_NOTES, pull_credit_note},
    [SR_CREDIT_APPLY] = {1, TBL_CREDIT_APPLICATIONS, NULL},
};

int
svc_sync_check_pull(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	int64_t id;
	int rc = 0;

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
		rc = pull_rules[r->kind].check(s, r, err);
	if (rc != 0)
		pd_err_prefix(err, _("%s %s of terminal %s: "),
		    syncrec_kind_name(r->kind), r->uuid, r->terminal);
	return rc;
}
