/* sync_check_pay.c - what a pushed payment may say (issue 18, part 1):
 * its method and channel, its status and verification, its figures
 * (bounds, the overpayment threshold, cash tendered and change, the
 * fields posting derives), the consumer and the items it pays, its
 * numbers and how far ahead of their series they are, and the automatic
 * credit note of an overpayment. The rest of the push checks, and the
 * table by kind, are in sync_check.c.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/alloc.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"
#include "sync_check_int.h"

/* "Cash, Credit Card, ..." */
static void
join_methods(const struct config *cfg, char *buf, size_t n)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < cfg->nmethods; i++)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    i > 0 ? ", " : "", cfg->methods[i].name);
}

/* A method and a channel the organisation has, written as posting writes
 * them, and the method's rule for references. */
static int
check_method(struct svc *s, const struct payment *p, struct pd_err *err)
{
	const struct pay_method *m = config_method(&s->cfg, p->method);
	const char *c = config_channel(&s->cfg, p->channel);
	char list[800];

	if (m == NULL || strcmp(m->name, p->method) != 0) {
		join_methods(&s->cfg, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Payment method \"%s\" is not configured (one of: %s)"),
		    p->method, list);
	}
	if (m->kind != p->method_kind)
		return pd_fail(err, PD_EINVAL,
		    _("Payment method %s is a %s method, not %s"), m->name,
		    method_kind_name(m->kind),
		    method_kind_name(p->method_kind));
	if (c == NULL || strcmp(c, p->channel) != 0) {
		config_join(
		    s->cfg.channels, s->cfg.nchannels, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Channel \"%s\" is not configured (one of: %s)"),
		    p->channel, list);
	}
	/* a cheque taken with no number by a terminal from before they
	 * needed one (s72 h8 fault 2) is accepted: its close lists it as
	 * "no number" with its amount, so the money is accounted for */
	if (m->cheque && p->reference[0] == '\0')
		return 0;
	return svc_pay_reference_check(m, p->reference, err);
}

/* Allocation i's item: one the store has, of the payment's consumer
 * (cid) and type (any kind for a Mixed one; the kinds paid added to
 * *kinds), under the reference the record gives; or (2) the service
 * charge of an uphold refused here, which its terminal cancelled
 * (svc_dsp_lost_charge): what it paid is credit; or (2) an installment
 * of a plan's change refused here (svc_arr_lost_inst): what it paid is
 * carried to the plan. */
static int
check_item(struct svc *s, const struct syncrec *r, size_t i, int64_t cid,
    const char *account, unsigned *kinds, struct alloc_item *ai,
    struct pd_err *err)
{
	const struct allocation *a = &r->allocs[i];
	struct arrangement plan;
	struct item it;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	int64_t id;

	if (store_id_of(s->st, TBL_ITEMS, a->item.uuid, &id, err) != 0)
		return -1;
	/* a charge its terminal cancelled with an uphold refused here: the
	 * allocation is credit (apply_payment) */
	if (id == 0 && (id = svc_dsp_lost_charge(
	                    s, cid, a->item.ref, a->item.uuid, err)) != 0)
		return id < 0 ? -1 : 2;
	/* an installment of a change of a plan refused here, which its
	 * terminal undid: what it paid is carried to the plan's debt as
	 * this node has it (apply_payment, arrange_carry.c) */
	if (id == 0 && (id = svc_arr_lost_inst(s, cid, a->item.ref, r->terminal, &plan,
	                    err)) != 0)
		return id < 0 ? -1 : 2;
	if (id == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s (%s) is not known here"), i + 1,
		    a->item.ref, a->item.uuid);
	if (store_item_by_id(s->st, id, &it, err) != 0)
		return -1;
	if (strcmp(it.ref, a->item.ref) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s is %s here, not %s"), i + 1,
		    a->item.uuid, it.ref, a->item.ref);
	if (it.consumer_id != cid)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s is not an item of consumer %s"),
		    i + 1, it.ref, account);
	if ((unsigned)it.kind < 3)
		*kinds |= 1u << it.kind;
	if (r->p.type != PAY_MIXED && it.kind != r->p.type)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s is a %s, and this is a %s "
		      "payment"),
		    i + 1, it.ref, pay_type_kind(it.kind),
		    pay_type_name(r->p.type));
	if (a->due_before > it.amount)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: %s due before, more than item %s's "
		      "amount %s"),
		    i + 1, sck_amount(s, m1, a->due_before), it.ref,
		    sck_amount(s, m2, it.amount));
	/* the item as the rules read it, owing what the terminal had */
	ai->id = (int64_t)i;
	ai->kind = (int)it.kind;
	xstrlcpy(ai->ref, it.ref, sizeof ai->ref);
	xstrlcpy(ai->due_on, it.due_on, sizeof ai->due_on);
	ai->outstanding = a->due_before;
	ai->arranged = svc_arr_is_installment(s, &it, err);
	return ai->arranged < 0 ? -1 : 0;
}

/* The rule a payment names is the organisation's, as its terminal had
 * it (the settings the record is judged by, sync_judge.c), or "hand"; a
 * "+" only when it pays an arrangement's installments first (helper-250,
 * fault 1: a record naming a rule the organisation never had was
 * applied). Then the split against that rule (helper-249, fault 2: a
 * payment named "oldest" that paid a service charge and left an older
 * bill was applied). A record lists only the items the money reached, so
 * what can be held to the rule is what the rule does with those: a rule
 * that pays in turn (all but proportional and by hand) pays whole items
 * before part of the last, so at most one is paid in part; one whose
 * order the items and the organisation's ranks decide (all but those and
 * the "+" forms) pays them as it would pay those items alone with that
 * money; proportional gives each its share of what was due, rounded
 * down, or one unit more. The "+" forms' order (which items were overdue
 * that day, the groups moved) is held to the first rule only. ai: the
 * rules' view of each allocation's item (check_item); lost 1: an item
 * is one this node never had (an uphold's charge or a plan's installment
 * refused here), which the rules cannot read: the name alone is held. */
static int
check_rule(struct svc *s, const struct syncrec *r, struct alloc_item *ai,
    int lost, struct pd_err *err)
{
	const struct payment *p = &r->p;
	int rule = alloc_rule_parse(p->alloc_rule), plus;
	size_t i, parts = 0, part = 0;
	int64_t paid = 0;
	struct alloc_ranks rk;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], m4[MONEY_BUFSZ];

	if (rule < 0 || rule == ALLOC_HAND)
		return 0; /* no rule: an older record, or one by hand */
	plus = alloc_rule_first(p->alloc_rule);
	if (strcmp(alloc_rule_name((enum alloc_rule)rule), s->cfg.alloc_rule) !=
	        0 ||
	    (plus && strcmp(s->cfg.installments_first, "yes") != 0))
		return pd_fail(err, PD_EINVAL,
		    _("Rule %s is not the organisation's (payments.allocation "
		      "%s, installments_first %s): a payment is split by it, "
		      "or by hand"),
		    p->alloc_rule, s->cfg.alloc_rule,
		    s->cfg.installments_first);
	if (lost)
		return 0;
	for (i = 0; i < r->nallocs; i++) {
		paid += r->allocs[i].amount;
		if (r->allocs[i].amount < r->allocs[i].due_before &&
		    parts++ == 0)
			part = i;
	}
	if (rule == ALLOC_PROPORTIONAL) {
		for (i = 0; !plus && i < r->nallocs; i++) {
			int64_t share =
			    (int64_t)((__int128)r->allocs[i].due_before * paid /
			              (p->due_total > 0 ? p->due_total : 1));

			if (paid >= p->due_total)
				share = r->allocs[i].due_before;
			if (r->allocs[i].amount != share &&
			    r->allocs[i].amount != share + 1)
				return pd_fail(err, PD_EINVAL,
				    _("Allocation %zu: %s to item %s is not "
				      "its "
				      "share under rule %s (%s of %s due, of "
				      "%s "
				      "paid)"),
				    i + 1,
				    sck_amount(s, m1, r->allocs[i].amount),
				    ai[i].ref, p->alloc_rule,
				    sck_amount(s, m2, share),
				    sck_amount(s, m3, r->allocs[i].due_before),
				    sck_amount(s, m4, paid));
		}
		return 0;
	}
	if (parts > 1)
		return pd_fail(err, PD_EINVAL,
		    _("Rule %s pays whole items before part of the last; "
		      "this payment pays part of %zu items (%s among them)"),
		    p->alloc_rule, parts, ai[part].ref);
	if (plus)
		return 0;
	alloc_apply_ranked(ai, r->nallocs, paid, (enum alloc_rule)rule,
	    svc_alloc_ranks(s, &rk));
	for (i = 0; i < r->nallocs; i++)
		if (ai[i].applied != r->allocs[ai[i].id].amount)
			return pd_fail(err, PD_EINVAL,
			    _("Allocation %lld: rule %s pays item %s %s of the "
			      "%s "
			      "these items were paid, not %s"),
			    (long long)ai[i].id + 1, p->alloc_rule, ai[i].ref,
			    sck_amount(s, m1, ai[i].applied),
			    sck_amount(s, m2, paid),
			    sck_amount(s, m3, r->allocs[ai[i].id].amount));
	return 0;
}

static int
cmp_alloc_uuid(const void *a, const void *b)
{
	const struct allocation *x = *(const struct allocation *const *)a;
	const struct allocation *y = *(const struct allocation *const *)b;
	int c = strcmp(x->item.uuid, y->item.uuid);

	/* the same uuid: in the order of the allocations */
	return c != 0 ? c : (x < y ? -1 : x > y);
}

/* No item is paid by two allocations of one payment: posting lists an
 * item once ("Item %s is listed twice"), and each allocation's due
 * before is checked against the item's amount alone, so two of one item
 * would pay it past what it had due. Sorted, not compared pairwise: a
 * record may have 10000 allocations. */
static int
check_twice(const struct syncrec *r, struct pd_err *err)
{
	const struct allocation **by;
	size_t i;
	int rc = 0;

	if (r->nallocs < 2)
		return 0;
	by = xcalloc(r->nallocs, sizeof *by);
	for (i = 0; i < r->nallocs; i++)
		by[i] = &r->allocs[i];
	qsort(by, r->nallocs, sizeof *by, cmp_alloc_uuid);
	for (i = 1; i < r->nallocs && rc == 0; i++)
		if (strcmp(by[i - 1]->item.uuid, by[i]->item.uuid) == 0)
			rc = pd_fail(err, PD_EINVAL,
			    _("Allocation %zu: item %s is already allocation "
			      "%zu's; a payment pays an item once"),
			    (size_t)(by[i] - r->allocs) + 1, by[i]->item.ref,
			    (size_t)(by[i - 1] - r->allocs) + 1);
	free(by);
	return rc;
}

/* The amount due and the balance after, no more than the consumer's
 * items come to (review of issue 18: a payment claiming 99,999,999.99
 * due of a consumer billed 1,200.00 was applied, and every terminal
 * showed that figure on it): posting adds up open items of the payment's
 * type for the one and of every type for the other, each at most its
 * amount. */
static int
check_billed(struct svc *s, const struct syncrec *r, const struct consumer *c,
    int64_t cid, int64_t lost, struct pd_err *err)
{
	int64_t of_type, all;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	/* a Mixed payment's items: of every kind */
	if (store_items_billed(s->st, cid,
	        r->p.type == PAY_MIXED ? -1 : (int)r->p.type, &of_type, &all,
	        err))
		return -1;
	/* a charge or an installment this node never had (check_item) is
	 * not billed here. Nor are the items the payment selected beside
	 * it and paid nothing (a record lists only what it allocated): a
	 * refused plan's other installments, or charges. They were made at
	 * the terminal from the consumer's debt, of any kind: the amount due
	 * is held to every kind's items then (helper-242, fault 2: a plan
	 * refused here, paid at its counter 10.00 of 90.01 selected, was
	 * refused as "Amount due 9001 is more than ... (3000)") */
	if (lost != 0)
		of_type = all;
	of_type += lost;
	all += lost;
	if (r->p.due_total > of_type)
		return pd_fail(err, PD_EINVAL,
		    _("Amount due %s is more than consumer %s's items of "
		      "this type come to (%s)"),
		    sck_amount(s, m1, r->p.due_total), c->account_no,
		    sck_amount(s, m2, of_type));
	if (r->p.balance_after > all)
		return pd_fail(err, PD_EINVAL,
		    _("Balance after %s is more than consumer %s's items "
		      "come to (%s)"),
		    sck_amount(s, m1, r->p.balance_after), c->account_no,
		    sck_amount(s, m2, all));
	return 0;
}

/* The consumer the payment names and the items it pays. */
static int
check_items(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct consumer c;
	int64_t cid;
	size_t i;
	unsigned kinds = 0;
	int64_t due_sum = 0, lost = 0;
	struct alloc_item *ai;
	int rc;

	if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid, &cid, err))
		return -1;
	if (cid == 0)
		return pd_fail(err, PD_EINVAL, _("%s %s is not known here"),
		    _("consumer"), r->consumer_uuid);
	if (store_consumer_by_id(s->st, cid, &c, err) != 0)
		return -1;
	if (r->account_no[0] != '\0' && strcmp(r->account_no, c.account_no))
		return pd_fail(err, PD_EINVAL,
		    _("Account %s is not the account of consumer %s (%s)"),
		    r->account_no, r->consumer_uuid, c.account_no);
	ai = xcalloc(r->nallocs > 0 ? r->nallocs : 1, sizeof *ai);
	for (i = 0; i < r->nallocs; i++) {
		if ((rc = check_item(s, r, i, cid, c.account_no, &kinds, &ai[i],
		         err)) < 0) {
			free(ai);
			return -1;
		}
		if (rc == 2)
			lost += r->allocs[i].due_before;
		if (due_sum <= MONEY_MAX) /* each at most an item's amount */
			due_sum += r->allocs[i].due_before;
	}
	/* Mixed is what posting records for items selected of several
	 * kinds (payment.c, quote_type): when every item selected is here
	 * (their amounts due add up to the payment's) and all are of one
	 * kind, the payment is of that kind */
	if (r->p.type == PAY_MIXED && kinds != 0 &&
	    (kinds & (kinds - 1)) == 0 && due_sum == r->p.due_total) {
		free(ai);
		return pd_fail(err, PD_EINVAL,
		    _("A Mixed payment pays items of two or more kinds; every "
		      "item of this one is a %s"),
		    pay_type_kind(
		        (enum pay_type)(kinds == 1   ? PAY_BILL
		                        : kinds == 2 ? PAY_SERVICE
		                                     : PAY_INSTALLMENT)));
	}
	rc = check_twice(r, err) != 0 ||
	             check_billed(s, r, &c, cid, lost, err) != 0 ||
	             check_rule(s, r, ai, lost != 0, err) != 0
	         ? -1
	         : 0;
	free(ai);
	return rc;
}

/* Tendered and change as posting works them out (pay_cash_change). */
static int
check_cash(struct svc *s, const struct payment *p, struct pd_err *err)
{
	int64_t change;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	if (p->method_kind != METHOD_CASH) {
		if (p->tendered != 0 || p->change != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Amount received and change apply to cash "
			      "payments only; this one is %s"),
			    method_kind_name(p->method_kind));
		return 0;
	}
	if (sck_money(s, N_("Amount received"), p->tendered, 0, err) != 0 ||
	    pay_cash_change(p->amount, p->tendered, &change,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	if (change != p->change)
		return pd_fail(err, PD_EINVAL,
		    _("Change %s is not the amount received less the amount "
		      "(%s)"),
		    sck_amount(s, m1, p->change), sck_amount(s, m2, change));
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

	if (sck_money(s, N_("Amount"), p->amount, 0, err) != 0 ||
	    sck_money(s, N_("Amount due"), p->due_total, 0, err) != 0 ||
	    sck_money(s, N_("Balance after"), p->balance_after, 0, err) != 0 ||
	    check_cash(s, p, err) != 0)
		return -1;
	if (pay_check_amount(p->amount, p->due_total, s->cfg.overpay_threshold,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	if (sck_allocs(s, r, NULL, err) != 0)
		return -1;
	if ((p->overpaid > 0) != (r->has_cn != 0))
		return pd_fail(err, PD_EINVAL,
		    _("An overpayment comes with its credit note, and only "
		      "an overpayment"));
	return 0;
}

/* The fields posting derives from the others (build_quote,
 * insert_payment), recomputed here: the overpayment is the amount less
 * what was due when that is more than 0; the allocations and the
 * overpayment add up to the amount; what was due is at least what the
 * allocations say was due (items the amount did not reach have no
 * allocation); the balance after is recorded; a payment posted when
 * taken is verified at the moment it was recorded, a pending one not
 * yet; it is not dated after it was recorded, nor recorded before the
 * organisation existed. */
static int
check_derived(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	int64_t over = p->amount > p->due_total ? p->amount - p->due_total : 0;
	int64_t allocated = 0, due = 0;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], m4[MONEY_BUFSZ];
	size_t i;

	for (i = 0; i < r->nallocs; i++) {
		/* each at most MONEY_MAX (check_figures): no overflow */
		allocated += r->allocs[i].amount;
		due += r->allocs[i].due_before;
		if (allocated > MONEY_MAX || due > MONEY_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("The allocations add up to more than %s"),
			    sck_amount(s, m1, MONEY_MAX));
	}
	if (p->overpaid != over)
		return pd_fail(err, PD_EINVAL,
		    _("Overpaid %s is not the amount %s less the amount "
		      "due %s (%s)"),
		    sck_amount(s, m1, p->overpaid),
		    sck_amount(s, m2, p->amount),
		    sck_amount(s, m3, p->due_total), sck_amount(s, m4, over));
	if (allocated + p->overpaid != p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Allocations (%s) and overpaid (%s) do not add up "
		      "to the amount (%s)"),
		    sck_amount(s, m1, allocated),
		    sck_amount(s, m2, p->overpaid),
		    sck_amount(s, m3, p->amount));
	if (due > p->due_total)
		return pd_fail(err, PD_EINVAL,
		    _("Amount due %s is less than the allocations say was "
		      "due (%s)"),
		    sck_amount(s, m1, p->due_total), sck_amount(s, m2, due));
	if (!p->has_balance)
		return pd_fail(err, PD_EINVAL,
		    _("A payment records the consumer's balance after it "
		      "(has_balance); posting always does"));
	if (strcmp(p->verified_at, p->verified ? p->created_at : "") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Verified at \"%s\": a payment posted when it is taken "
		      "is verified when it is recorded (%s), a pending one "
		      "later, in a verification record"),
		    p->verified_at, p->created_at);
	if (strncmp(p->paid_on, p->created_at, 10) > 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment date %s is after the payment was recorded "
		      "(%s)"),
		    p->paid_on, p->created_at);
	return sck_since(_("Payment time"), p->created_at, f, err);
}

/* A payment's three numbers are not far ahead of their series
 * (sync_ahead.c). */
static int
check_ahead(struct svc *s, const struct sync_sender *f, const struct payment *p,
    struct pd_err *err)
{
	/* the counts read once for the three (nothing is written between
	 * them): two statements, not six */
	struct ahead_memo m;

	memset(&m, 0, sizeof m);
	return svc_sync_check_ahead_m(s, f, DOC_SERIES_PAYMENT,
	           N_("Payment number"), s->cfg.fmt_payment, p->payment_no,
	           p->paid_on, p->created_at, &m, err) ||
	               svc_sync_check_ahead_m(s, f, DOC_SERIES_PAYMENT,
	                   N_("Transaction number"), s->cfg.fmt_transaction,
	                   p->txn_no, p->paid_on, p->created_at, &m, err) ||
	               svc_sync_check_ahead_m(s, f, DOC_SERIES_RECEIPT,
	                   N_("Receipt number"), s->cfg.fmt_receipt,
	                   p->receipt_no, p->paid_on, p->created_at, &m, err)
	           ? -1
	           : 0;
}

/* The shift a payment names (shift_uuid, issue 20), as posting names
 * it: the shift of the sending terminal open when the payment was taken
 * (its opening received before it, the push sends it first), of the
 * cashier who took it, opened at or before the payment's time and closed,
 * if it is, at or after it (the second of a close and the next opening
 * holds a payment of either). A payment that names none (a terminal of
 * before it, or none open) is found by the shifts' times, as before. */
static int
check_shift(struct svc *s, const struct sync_sender *f, const struct payment *p,
    struct pd_err *err)
{
	struct shift sh;
	struct pd_err e = {0};
	int64_t uid;

	if (p->shift_uuid[0] == '\0')
		return 0;
	/* (store_shift_find takes a Z number too: none is a uuid) */
	if (store_shift_find(s->st, p->shift_uuid, &sh, &e) != 0 ||
	    strcmp(sh.uuid, p->shift_uuid) != 0) {
		if (e.code != 0 && e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: its shift %s is not known here: its "
		      "opening was not received"),
		    p->payment_no, p->shift_uuid);
	}
	if (strcmp(sh.terminal, f->terminal) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: its shift %s is terminal %s's, not %s's"),
		    p->payment_no, p->shift_uuid, sh.terminal, f->terminal);
	/* the user who took it, as the apply finds them */
	if (svc_record_user(s, p->received_by, f->branch, &uid, err) != 0)
		return -1;
	if (uid != sh.cashier_id && strcmp(sh.cashier_name, p->received_by))
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: its shift %s is cashier %s's, and %s took "
		      "the payment"),
		    p->payment_no, p->shift_uuid, sh.cashier, p->received_by);
	if (sh.status == SHIFT_CLOSED &&
	    (strcmp(p->created_at, sh.opened_at) < 0 ||
	        strcmp(p->created_at, sh.closed_at) > 0))
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: taken at %s, outside its shift %s (opened "
		      "at %s, closed at %s)"),
		    p->payment_no, p->created_at, p->shift_uuid, sh.opened_at,
		    sh.closed_at);
	if (strcmp(p->created_at, sh.opened_at) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: taken at %s, before its shift %s opened (at "
		      "%s)"),
		    p->payment_no, p->created_at, p->shift_uuid, sh.opened_at);
	return 0;
}

int
sck_push_payment(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	const char *d = p->paid_on;

	if (check_status(p, err) != 0 || check_method(s, p, err) != 0 ||
	    sck_user(s, f, _("received by"), p->received_by, ROLE_CASHIER,
	        _("recording a payment"), err) != 0 ||
	    (p->verified && strcmp(p->verified_by, p->received_by) != 0 &&
	        pd_fail(err, PD_EINVAL,
	            _("A payment posted when it is taken is verified by "
	              "whoever took it (%s), not %s"),
	            p->received_by, p->verified_by)) ||
	    check_figures(s, r, err) != 0 || check_items(s, r, err) != 0 ||
	    sck_day(N_("Payment date"), d, err) != 0 ||
	    sck_day(N_("Payment time"), p->created_at, err) != 0 ||
	    (p->verified_at[0] != '\0' &&
	        sck_day(N_("Verification time"), p->verified_at, err) != 0) ||
	    svc_check_text(_("Notes"), p->notes, s->cfg.notes_max, 0, err) ||
	    sck_number(N_("Payment number"), s->cfg.fmt_payment, p->payment_no,
	        f->terminal, f->branch, d, err) != 0 ||
	    sck_number(N_("Transaction number"), s->cfg.fmt_transaction,
	        p->txn_no, f->terminal, f->branch, d, err) != 0 ||
	    sck_number(N_("Receipt number"), s->cfg.fmt_receipt, p->receipt_no,
	        f->terminal, f->branch, d, err) != 0 ||
	    check_derived(s, f, r, err) != 0 ||
	    check_ahead(s, f, p, err) != 0 || check_shift(s, f, p, err) != 0)
		return -1;
	if (!r->has_cn)
		return 0;
	/* the automatic note of the overpayment, as posting makes it */
	if (!r->cn.automatic || r->cn.amount != p->overpaid ||
	    strcmp(r->cn.reason, "Overpayment") != 0 ||
	    strcmp(r->cn.created_on, p->paid_on) != 0 ||
	    strcmp(r->cn.created_by, p->received_by) != 0 ||
	    (r->cn.receipt_no[0] != '\0' &&
	        strcmp(r->cn.receipt_no, p->receipt_no) != 0))
		return pd_fail(err, PD_EINVAL,
		    _("The credit note of an overpayment is automatic, of the "
		      "overpaid amount, for Overpayment, dated as the "
		      "payment, made by whoever took it and linked to its "
		      "receipt"));
	return sck_note(s, f, &r->cn, err);
}
