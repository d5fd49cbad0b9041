/* dispute_left.c - what is left of a payment to dispute (issue 21;
 * review s48, helpers 211 and 214): its amount less what was given back
 * of it already, its chargebacks charged again and its credit notes (a
 * dispute's or not, those not voided). A dispute is of no more than
 * that, a bounced cheque only of a payment nothing was given back of, a
 * payment a chargeback was charged again of is not voided, and a credit
 * note is of no more than the rest (credit.c). The local use cases and
 * the central node's checks of what a terminal pushes (dispute_sync.c,
 * sync_apply.c) hold the same rules. */
#include <stdlib.h>
#include <string.h>

#include "dispute_int.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"

/* A dispute upheld by charging its amount again (a chargeback's remedy:
 * no void, no credit note). */
static int
charged_again(const struct dispute *d)
{
	return d->charge_uuid[0] != '\0' && d->resolution[0] == '\0';
}

int
svc_dispute_charged(struct svc *s, const struct payment *p, int64_t *charged,
    struct dispute *first, struct pd_err *err)
{
	struct dsp_filter f = {"upheld", 0, p->id, NULL};
	struct dispute *d;
	size_t n, i;
	int k = 0;

	*charged = 0;
	if ((d = store_dsp_list(s->st, &f, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (!charged_again(&d[i]))
			continue;
		if (k++ == 0 && first != NULL)
			*first = d[i];
		*charged += d[i].disputed;
	}
	free(d);
	return k > 0;
}

int
svc_dispute_upheld(struct svc *s, const struct payment *p, int64_t *taken,
    struct dispute *first, struct pd_err *err)
{
	int64_t credited;
	int rc;

	if ((rc = svc_dispute_charged(s, p, taken, first, err)) < 0 ||
	    store_credit_refunded(s->st, p->id, &credited, err) != 0)
		return -1;
	*taken += credited;
	return rc;
}

int
svc_dispute_left(
    struct svc *s, const struct payment *p, int64_t *left, struct pd_err *err)
{
	int64_t taken;

	if (svc_dispute_upheld(s, p, &taken, NULL, err) < 0)
		return -1;
	*left = p->amount - taken > 0 ? p->amount - taken : 0;
	return 0;
}

int
svc_dispute_check_void(
    struct svc *s, const struct payment *p, struct pd_err *err)
{
	char u[MONEY_BUFSZ], l[MONEY_BUFSZ];
	struct dispute first;
	int64_t taken;
	int rc = svc_dispute_upheld(s, p, &taken, &first, err);

	if (rc <= 0)
		return rc;
	svc_money(s, u, sizeof u, first.disputed);
	svc_money(s, l, sizeof l, p->amount - taken);
	if (taken >= p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s cannot be voided: dispute %s upheld a "
		      "chargeback of %s of it, charged again to the consumer, "
		      "and its upheld disputes took all of it back; nothing is "
		      "left of it to void"),
		    p->payment_no, first.dispute_no, u);
	return pd_fail(err, PD_EINVAL,
	    _("Payment %s cannot be voided: dispute %s upheld a chargeback "
	      "of %s of it, charged again to the consumer; a void would "
	      "give that back to the items it paid as well. Dispute the %s "
	      "left of it instead"),
	    p->payment_no, first.dispute_no, u, l);
}

/* What a dispute disputes (review R21d, fault 3: a card gateway's
 * chargeback of 12.34 of a 50.00 payment was a dispute of 50.00, whose
 * void would have reversed all of it): part or all of what its
 * payment's upheld disputes left of it (review s48, helper-211: a
 * chargeback of 20.00 of 60.00 upheld, then a dispute of all 60.00
 * upheld by a void, charged the consumer 80.00 for 60.00 reversed), and
 * all of a bounced cheque, which bounces whole. */
int
svc_dispute_check_amount(struct svc *s, const struct payment *p,
    const char *code, int64_t amount, struct pd_err *err)
{
	char a[MONEY_BUFSZ], m[MONEY_BUFSZ], l[MONEY_BUFSZ], u[MONEY_BUFSZ];
	int64_t taken;

	if (svc_dispute_upheld(s, p, &taken, NULL, err) < 0)
		return -1;
	svc_money(s, a, sizeof a, amount);
	svc_money(s, m, sizeof m, p->amount);
	svc_money(s, u, sizeof u, taken);
	svc_money(s, l, sizeof l, p->amount - taken);
	if (taken > 0 && strcmp(code, DSP_BOUNCED) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s cannot bounce as a cheque: %s of it was "
		      "charged back or credited already, and a cheque bounces "
		      "whole"),
		    p->payment_no, u);
	if (taken >= p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s has nothing left to dispute: all of its %s "
		      "was charged back or credited already"),
		    p->payment_no, m);
	if (taken > 0 && amount > p->amount - taken)
		return pd_fail(err, PD_EINVAL,
		    _("Disputed amount %s is more than the %s left of payment "
		      "%s to dispute: %s of its %s was charged back or "
		      "credited already"),
		    a, l, p->payment_no, u, m);
	if (amount <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Disputed amount %s: a dispute is of more than 0 of "
		      "its payment (%s of %s)"),
		    a, p->payment_no, m);
	if (amount > p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Disputed amount %s is more than payment %s's amount, "
		      "%s"),
		    a, p->payment_no, m);
	if (amount < p->amount && strcmp(code, DSP_BOUNCED) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Disputed amount %s: a cheque bounces whole; a "
		      "bounced-cheque dispute is of all of payment %s, %s"),
		    a, p->payment_no, m);
	return 0;
}

int
svc_dispute_check_unresolved(
    struct svc *s, const struct payment *p, struct pd_err *err)
{
	struct dsp_filter f = {"unresolved", 0, p->id, NULL};
	struct dispute *d;
	size_t n;
	int rc = 0;

	if ((d = store_dsp_list(s->st, &f, &n, err)) == NULL)
		return -1;
	if (n > 0)
		rc = pd_fail(err, PD_EINVAL,
		    _("Payment %s has dispute %s, not yet resolved: uphold it "
		      "by the payment's void (dispute uphold %s --void) or "
		      "reject it first"),
		    p->payment_no, d[0].dispute_no, d[0].dispute_no);
	free(d);
	return rc;
}

int
svc_dispute_charge_due(struct svc *s, const struct dispute *d,
    const char *today, char *due, struct pd_err *err)
{
	struct allocation *a;
	size_t n, i;

	xstrlcpy(due, today, 11);
	if ((a = store_allocations_of(s->st, d->payment_id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (a[i].amount > 0 && a[i].reverses == 0 &&
		    a[i].item.due_on[0] != '\0' &&
		    strcmp(a[i].item.due_on, due) < 0)
			xstrlcpy(due, a[i].item.due_on, 11);
	free(a);
	return 0;
}
