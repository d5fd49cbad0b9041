/* sync_check.c - what a sync record may say, before it is applied
 * (issue 18, parts 1 and 2; DESIGN.md rule 6).
 *
 * On the central node a terminal's record must be one the terminal could
 * have posted itself: the same core rules as local posting (money bounds
 * and the overpayment threshold, cash change, the status a new payment
 * takes, credit amounts and expiries, text limits), numbers of the
 * sending terminal's own series rendered from the organisation's
 * formats, reasons from the organisation's settings, dates no later than
 * tomorrow, the organisation's currency and the terminal's own branch.
 * On a terminal a pulled record must be in its currency and must not
 * claim a number of the terminal's own series that it never made.
 *
 * One table of checks by record kind: TO ADD A KIND, a row in
 * push_rules[] (and in pull_rules[] if it carries document numbers).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/alloc.h"
#include "paydesk/credit.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"

/* How far a terminal's clock may be ahead of the central node's: dates
 * up to tomorrow are accepted. */
#define SKEW_DAYS 1

/* A date (YYYY-MM-DD or the day of a timestamp) no later than tomorrow. */
static int
check_day(const char *what, const char *s, struct pd_err *err)
{
	char today[11], day[11], last[DATE_BUFSZ];
	int32_t d, t;

	snprintf(day, sizeof day, "%.10s", s);
	if (date_parse(day, what, &d, err) != 0)
		return -1;
	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	if (d > t + SKEW_DAYS)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is in the future (the latest accepted is %s)"),
		    what, day, date_format(last, t + SKEW_DAYS));
	return 0;
}

/* 0 <= v <= MONEY_MAX (or -MONEY_MAX <= v with negative). */
static int
check_money(const char *what, int64_t v, int negative, struct pd_err *err)
{
	if (v > MONEY_MAX || v < (negative ? -MONEY_MAX : 0))
		return pd_fail(err, PD_EINVAL,
		    _("%s %lld is not between %lld and %lld minor units"), what,
		    (long long)v, negative ? -(long long)MONEY_MAX : 0LL,
		    (long long)MONEY_MAX);
	return 0;
}

/* number is of the series fmt of the sending terminal (t, branch b), for
 * a document dated date. */
static int
check_number(const char *what, const char *fmt, const char *number,
    const char *t, const char *b, const char *date, struct pd_err *err)
{
	struct numfmt_ctx ctx = {date, t, b};

	if (numfmt_match(fmt, &ctx, number, NULL, err) != 0) {
		pd_err_prefix(err, "%s: ", what);
		return -1;
	}
	return 0;
}

/* A credit note's own fields: reason, remarks, dates, number. */
static int
check_note(struct svc *s, const struct sync_sender *from,
    const struct credit_note *cn, struct pd_err *err)
{
	char list[800];
	int32_t c, e;

	if (config_reason(&s->cfg, cn->reason) == NULL) {
		config_join(s->cfg.reasons, s->cfg.nreasons, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: reason \"%s\" is not one of the "
		      "organisation's (%s)"),
		    cn->cn_no, cn->reason, list);
	}
	if (svc_check_text(
	        _("Remarks"), cn->remarks, s->cfg.remarks_max, 0, err) != 0 ||
	    check_day(_("Credit note date"), cn->created_on, err) != 0 ||
	    (cn->created_at[0] != '\0' &&
	        check_day(_("Credit note time"), cn->created_at, err) != 0) ||
	    date_parse(cn->expires_on, _("Expiry date"), &e, err) != 0)
		return -1;
	date_parse(cn->created_on, NULL, &c, NULL);
	if (credit_check_expiry(c, e, err) != 0 ||
	    check_number(_("Credit note number"), s->cfg.fmt_credit_note,
	        cn->cn_no, from->terminal, from->branch, cn->created_on, err))
		return -1;
	return 0;
}

/* Tendered and change as posting works them out (pay_cash_change). */
static int
check_cash(struct svc *s, const struct payment *p, struct pd_err *err)
{
	int64_t change;

	if (p->method_kind != METHOD_CASH) {
		if (p->tendered != 0 || p->change != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Amount received and change apply to cash "
			      "payments only; this one is %s"),
			    method_kind_name(p->method_kind));
		return 0;
	}
	if (check_money(_("Amount received"), p->tendered, 0, err) != 0 ||
	    pay_cash_change(p->amount, p->tendered, &change,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	if (change != p->change)
		return pd_fail(err, PD_EINVAL,
		    _("Change %lld is not the amount received less the amount "
		      "(%lld)"),
		    (long long)p->change, (long long)change);
	return 0;
}

/* The status a new payment takes, and its verification to match. */
static int
check_status(const struct payment *p, struct pd_err *err)
{
	enum pay_status want = pay_status_initial(p->method_kind);

	if (p->status != want)
		return pd_fail(err, PD_EINVAL,
		    _("Status %s: a new %s payment is %s (a void or a "
		      "verification comes as its own record)"),
		    pay_status_name(p->status),
		    method_kind_name(p->method_kind), pay_status_name(want));
	if (p->verified != (want == PS_POSTED) ||
	    (p->verified && p->verified_by[0] == '\0'))
		return pd_fail(err, PD_EINVAL,
		    _("A %s payment is verified when it is posted, and only "
		      "then"),
		    pay_status_name(want));
	return 0;
}

/* The figures of a payment: bounds, threshold, cash, allocations. */
static int
check_figures(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	size_t i;

	if (check_money(_("Amount"), p->amount, 0, err) != 0 ||
	    check_money(_("Amount due"), p->due_total, 0, err) != 0 ||
	    check_money(_("Balance after"), p->balance_after, 1, err) != 0 ||
	    check_cash(s, p, err) != 0)
		return -1;
	if (pay_check_amount(p->amount, p->due_total, s->cfg.overpay_threshold,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	for (i = 0; i < r->nallocs; i++) {
		const struct allocation *a = &r->allocs[i];

		if (a->amount < 1 || a->amount > a->due_before ||
		    a->due_before > MONEY_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("Allocation %zu: %lld of %lld due is not between "
			      "1 and what was due"),
			    i + 1, (long long)a->amount,
			    (long long)a->due_before);
	}
	if ((p->overpaid > 0) != (r->has_cn != 0))
		return pd_fail(err, PD_EINVAL,
		    _("An overpayment comes with its credit note, and only "
		      "an overpayment"));
	return 0;
}

static int
push_payment(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	const char *d = p->paid_on;

	if (check_status(p, err) != 0 || check_figures(s, r, err) != 0 ||
	    check_day(_("Payment date"), d, err) != 0 ||
	    check_day(_("Payment time"), p->created_at, err) != 0 ||
	    (p->verified_at[0] != '\0' &&
	        check_day(_("Verification time"), p->verified_at, err) != 0) ||
	    svc_check_text(_("Notes"), p->notes, s->cfg.notes_max, 0, err) ||
	    check_number(_("Payment number"), s->cfg.fmt_payment, p->payment_no,
	        f->terminal, f->branch, d, err) != 0 ||
	    check_number(_("Transaction number"), s->cfg.fmt_transaction,
	        p->txn_no, f->terminal, f->branch, d, err) != 0 ||
	    check_number(_("Receipt number"), s->cfg.fmt_receipt, p->receipt_no,
	        f->terminal, f->branch, d, err) != 0)
		return -1;
	if (!r->has_cn)
		return 0;
	/* the automatic note of the overpayment, as posting makes it */
	if (!r->cn.automatic || r->cn.amount != p->overpaid ||
	    strcmp(r->cn.reason, "Overpayment") != 0 ||
	    strcmp(r->cn.created_on, p->paid_on) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The credit note of an overpayment is automatic, of the "
		      "overpaid amount, for Overpayment, dated as the "
		      "payment"));
	return check_note(s, f, &r->cn, err);
}

static int
push_credit_note(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct payment p;
	int64_t id;

	if (r->cn.automatic)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: an automatic credit note comes with "
		      "its payment"),
		    r->cn.cn_no);
	if (check_money(_("Credit amount"), r->cn.amount, 0, err) != 0 ||
	    check_note(s, f, &r->cn, err) != 0 ||
	    store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &id, err) != 0)
		return -1;
	if (id == 0) /* the apply says it is unknown */
		return 0;
	if (store_payment_by_id(s->st, id, &p, err) != 0)
		return -1;
	if (p.status != PS_POSTED)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is %s; credit notes are issued against "
		      "Posted payments only"),
		    p.receipt_no, pay_status_name(p.status));
	return 0;
}

static int
push_void(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	(void)f;
	return svc_check_text(
	    _("Void reason"), r->reason, s->cfg.remarks_max, 1, err);
}

/* A verification's time is its record's (checked with the head); the
 * apply checks that the payment is Pending. */
static int
push_verify(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	(void)s;
	(void)f;
	(void)r;
	(void)err;
	return 0;
}

static int
push_credit_apply(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct credit_note cn;
	int64_t id;
	int32_t on, e;

	(void)f;
	if (check_money(_("Amount"), r->ca.amount, 0, err) != 0 ||
	    check_day(_("Date applied"), r->ca.applied_on, err) != 0 ||
	    store_id_of(s->st, TBL_CREDIT_NOTES, r->cn_uuid, &id, err) != 0)
		return -1;
	if (id == 0) /* the apply says it is unknown */
		return 0;
	if (store_credit_by_id(s->st, id, &cn, err) != 0)
		return -1;
	date_parse(r->ca.applied_on, NULL, &on, NULL);
	date_parse(cn.expires_on, NULL, &e, NULL);
	if (on > e)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s expired on %s, before it was applied on "
		      "%s"),
		    cn.cn_no, cn.expires_on, r->ca.applied_on);
	return 0;
}

static int
push_reference(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	(void)s;
	(void)f;
	return pd_fail(err, PD_EINVAL,
	    _("%s records are reference data, mastered by the central node; a "
	      "terminal cannot send them"),
	    syncrec_kind_name(r->kind));
}

typedef int (*check_fn)(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err);

/* What a terminal may push, by kind. */
static const check_fn push_rules[SR_KINDS] = {
    [SR_PAYMENT] = push_payment,
    [SR_VOID] = push_void,
    [SR_VERIFY] = push_verify,
    [SR_CREDIT_NOTE] = push_credit_note,
    [SR_CREDIT_APPLY] = push_credit_apply,
    [SR_CONSUMER] = push_reference,
    [SR_ITEM] = push_reference,
    [SR_USER] = push_reference,
    [SR_SETTING] = push_reference,
};

int
svc_sync_check_push(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	if ((unsigned)r->kind >= SR_KINDS)
		return pd_fail(err, PD_EINVAL, _("Unknown record kind"));
	if (strcmp(r->currency, s->cfg.currency_code) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The record is in %s; the organisation's currency is "
		      "%s"),
		    r->currency[0] ? r->currency : "\"\"",
		    s->cfg.currency_code);
	if (strcmp(r->branch, from->branch) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The record names branch %s; terminal %s is of branch "
		      "%s"),
		    r->branch[0] ? r->branch : "\"\"", from->terminal,
		    from->branch);
	if (check_day(_("Record time"), r->at, err) != 0)
		return -1;
	return push_rules[r->kind](s, from, r, err);
}

/* ---- what a terminal pulls ---- */

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

/* The records with numbers, the table they are kept in, and their
 * check. */
static const struct {
	enum store_table table;
	int (*check)(struct svc *, const struct syncrec *, struct pd_err *);
} pull_rules[SR_KINDS] = {
    [SR_PAYMENT] = {TBL_PAYMENTS, pull_payment},
    [SR_CREDIT_NOTE] = {TBL_CREDIT_NOTES, pull_credit_note},
};

int
svc_sync_check_pull(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	int64_t id;

	if (r->currency[0] != '\0' &&
	    strcmp(r->currency, s->cfg.currency_code) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is in %s; this terminal's currency is %s"),
		    syncrec_kind_name(r->kind), r->uuid, r->currency,
		    s->cfg.currency_code);
	if ((unsigned)r->kind >= SR_KINDS || pull_rules[r->kind].check == NULL)
		return 0;
	/* a record this terminal has is its own, reconciled by the apply */
	if (store_id_of(s->st, pull_rules[r->kind].table, r->uuid, &id, err))
		return -1;
	if (id != 0)
		return 0;
	if (pull_rules[r->kind].check(s, r, err) != 0) {
		pd_err_prefix(err, _("%s %s of terminal %s: "),
		    syncrec_kind_name(r->kind), r->uuid, r->terminal);
		return -1;
	}
	return 0;
}
