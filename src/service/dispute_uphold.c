/* dispute_uphold.c - a dispute upheld (issue 21, "Disputes"; a
 * supervisor's): by a void of its payment or a credit note made from the
 * dispute, a bounced cheque's void and its configured service charge, a
 * chargeback's amount charged again; checked whole before anything is
 * written (svc_dispute_uphold_check), one transaction with the step. The
 * other steps are dispute.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/numfmt.h"
#include "paydesk/utf8.h"
#include "dispute_int.h"

/* The item an uphold adds: a bounced cheque's service charge (as
 * configured, with its void), or a chargeback's amount charged again
 * (charge: the amount disputed; by default the chargeback's remedy): a
 * new open item of the payment's consumer, DISPUTE-CHG, due today (a
 * chargeback's: as the debt its payment paid was, svc_dispute_charge_due). */
int64_t
svc_dispute_bounced_charge(const struct svc *s)
{
	return s->cfg.dsp_bounced_charge > 0 ? s->cfg.dsp_bounced_charge : 0;
}

static int
add_charge(struct svc *s, struct dispute *d, int charge, struct pd_err *err)
{
	struct item it;
	char at[TS_BUFSZ];

	if (!charge && (svc_dispute_bounced_charge(s) <= 0 ||
	                   strcmp(d->reason, DSP_BOUNCED) != 0))
		return 0;
	memset(&it, 0, sizeof it);
	it.consumer_id = d->consumer_id;
	it.kind = PAY_SERVICE;
	snprintf(it.ref, sizeof it.ref, "%s-CHG", d->dispute_no);
	xstrlcpy(it.description, charge ? DSP_CB_WORDS : DSP_CHARGE_WORDS,
	    sizeof it.description);
	it.amount = charge ? d->disputed : svc_dispute_bounced_charge(s);
	svc_today(it.issued_on);
	/* a chargeback's due as the debt its payment paid was */
	if (!charge)
		svc_today(it.due_on);
	else if (svc_dispute_charge_due(s, d, it.issued_on, it.due_on, err))
		return -1;
	if (svc_item_insert(s, &it, err) != 0)
		return -1;
	xstrlcpy(d->charge_uuid, it.uuid, sizeof d->charge_uuid);
	/* a chargeback's, due as its debt was, overdue already: its alert
	 * raised now, not at the next round or pass (helper-231, 13) */
	svc_now(at);
	return svc_alerts_items_came(s, "dispute", at, err);
}

/* A chargeback's remedy (issue 21, s45): the bank has taken the money
 * back and returned it to the payer, so the debt the payment paid comes
 * back, as a bounced cheque's: its amount charged again (the default),
 * or the void of a payment charged back whole. A credit note would pay
 * the payer a second time: only asked for knowingly; a void of a payment
 * charged back in part charges again what the bank left paid: never. */
static int
check_chargeback(struct svc *s, const struct dispute *d,
    const struct dispute_uphold *u, struct pd_err *err)
{
	char a[MONEY_BUFSZ], m[MONEY_BUFSZ];

	svc_money(s, a, sizeof a, d->disputed);
	svc_money(s, m, sizeof m, d->amount);
	if (u->by_void && d->disputed < d->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is a chargeback of %s of payment %s's %s: "
		      "a void would charge again what the bank left paid. "
		      "Uphold it by charging %s again (the default)"),
		    d->dispute_no, a, d->payment_no, m, a);
	if (u->by_credit && !u->despite_chargeback)
		return pd_fail(err, PD_ECONFIRM,
		    _("Dispute %s is a chargeback: the bank has returned %s "
		      "to the payer already, and a credit note would pay it "
		      "again. Uphold it by charging %s again (the default), "
		      "or ask for the credit note knowingly "
		      "(--despite-chargeback)"),
		    d->dispute_no, a, a);
	return 0;
}

/* A Pending payment taken at a counter (an Online one whose verification
 * waits) has money that has not cleared: nothing of it is charged again
 * nor credited, it is voided, all of it whatever the dispute disputes
 * (review s48, helpers 213 and 214: a chargeback of an unverified online
 * payment was charged again, and the payment verified after; one of
 * part was told --void --whole, then that a void charged again what the
 * bank left paid). 1: such a payment, its void asked for; 0: not such a
 * payment; -1 refused (status 2 with no remedy asked, else 3). */
static int
check_pending(struct svc *s, const struct dispute *d,
    const struct dispute_uphold *u, struct pd_err *err)
{
	struct payment p;

	if (store_payment_by_id(s->st, d->payment_id, &p, err) != 0)
		return -1;
	/* a gateway's (by no user) is Pending until its settlement: the
	 * gateway's chargeback is of money it took */
	if (p.status != PS_PENDING || p.user_id == 0)
		return 0;
	if (u->by_void)
		return 1;
	return pd_fail(err,
	    u->by_credit || u->by_charge ? PD_EINVAL : PD_EUSAGE,
	    _("Payment %s is Pending: its money has not cleared, so nothing "
	      "of it is charged again or credited. Uphold dispute %s by its "
	      "void (--void), or verify the payment first"),
	    p.payment_no, d->dispute_no);
}

/* The remedy u asks for d, as the amount disputed allows it (review
 * R21d, fault 3): the credit note's amount into *credit. A void of a
 * payment disputed in part reverses more than the payer disputes: only
 * when asked for (u->whole); a credit note is of no more than the
 * amount disputed, by default all of it. A chargeback's: check_chargeback
 * (u->by_charge, its default, into *charge). */
static int
check_remedy(struct svc *s, const struct dispute *d,
    const struct dispute_uphold *u, int64_t *credit, int *charge,
    struct pd_err *err)
{
	char a[MONEY_BUFSZ], m[MONEY_BUFSZ], c[MONEY_BUFSZ];
	int part = d->disputed < d->amount;
	int cb = strcmp(d->reason, DSP_CHARGEBACK) == 0;

	svc_money(s, a, sizeof a, d->disputed);
	svc_money(s, m, sizeof m, d->amount);
	*charge = 0;
	if (u->by_charge && !cb)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is not a chargeback: its payment's money "
		      "stayed with the organisation, and only a chargeback's "
		      "amount is charged again"),
		    d->dispute_no);
	if (u->despite_chargeback && !(cb && u->by_credit))
		return pd_fail(err, PD_EUSAGE,
		    _("Dispute %s: --despite-chargeback goes with --credit "
		      "and a chargeback"),
		    d->dispute_no);
	if (cb && check_chargeback(s, d, u, err) != 0)
		return -1;
	if (cb && !u->by_void && !u->by_credit) {
		*charge = 1;
		return 0;
	}
	if (u->by_void) {
		if (part && !u->whole)
			return pd_fail(err, PD_ECONFIRM,
			    _("Dispute %s disputes %s of payment %s's %s: a "
			      "void reverses all of it. Uphold it by a credit "
			      "note of the amount disputed (the default), or "
			      "ask for the void of the whole payment "
			      "(--void --whole)"),
			    d->dispute_no, a, d->payment_no, m);
		return 0;
	}
	if (!u->by_credit && !part)
		return pd_fail(err, PD_EUSAGE,
		    _("Dispute %s disputes all of payment %s (%s): uphold "
		      "it by its void (--void) or by a credit note (--credit "
		      "AMOUNT)"),
		    d->dispute_no, d->payment_no, m);
	*credit = u->by_credit ? u->credit : d->disputed;
	svc_money(s, c, sizeof c, *credit);
	if (*credit > d->disputed)
		return pd_fail(err, PD_EINVAL,
		    part ? _("Credit note of %s: dispute %s disputes %s of "
		             "payment %s, and is upheld by no more")
		         : _("Credit note of %s: dispute %s disputes %s, all "
		             "of payment %s, and is upheld by no more"),
		    c, d->dispute_no, a, d->payment_no);
	return 0;
}

/* What refuses u of dispute number before anything is written (the
 * dispute read into *d, its credit note's amount into *credit, whether
 * it is charged again into *charge): 0 when it can be upheld so. */
static int
uphold_checks(struct svc *s, const char *number, const struct dispute_uphold *u,
    struct dispute *d, int64_t *credit, int *charge, struct pd_err *err)
{
	char m[MONEY_BUFSZ];
	int pending;

	*credit = 0;
	*charge = 0;
	if (svc_dispute_find_unresolved(s, number, 0, d, err) != 0 ||
	    (pending = check_pending(s, d, u, err)) < 0)
		return -1;
	/* before the remedies of the others (review s48: with no option
	 * it was told to ask for --void or --credit; no option is a usage
	 * error, as a dispute of all of a payment's) */
	/* each option told what the void does instead (review s50:
	 * --charge was told "not credited"; a bounced cheque is charged
	 * again, by its void) */
	if (!u->by_void && strcmp(d->reason, DSP_BOUNCED) == 0) {
		if (u->by_charge && svc_dispute_bounced_charge(s) > 0)
			return pd_fail(err, PD_EINVAL,
			    _("Dispute %s is of a bounced cheque: it is "
			      "charged again by its payment's void (--void: "
			      "what the cheque paid is owed again, and a %s "
			      "service charge added), not by --charge"),
			    d->dispute_no,
			    svc_money(
			        s, m, sizeof m, svc_dispute_bounced_charge(s)));
		if (u->by_charge)
			return pd_fail(err, PD_EINVAL,
			    _("Dispute %s is of a bounced cheque: it is "
			      "charged again by its payment's void (--void: "
			      "what the cheque paid is owed again; no service "
			      "charge is configured), not by --charge"),
			    d->dispute_no);
		if (u->by_credit)
			return pd_fail(err, PD_EINVAL,
			    _("Dispute %s is of a bounced cheque: its payment "
			      "is reversed (--void), not credited"),
			    d->dispute_no);
		/* the charge as configured, or that none is (helper-264,
		 * fault 2: "the bounced cheque charge added" where none was,
		 * and never its amount) */
		if (svc_dispute_bounced_charge(s) <= 0)
			return pd_fail(err, PD_EUSAGE,
			    _("Dispute %s is of a bounced cheque: uphold it by "
			      "its payment's void (--void): what the cheque "
			      "paid is owed again; no service charge is "
			      "configured"),
			    d->dispute_no);
		return pd_fail(err, PD_EUSAGE,
		    _("Dispute %s is of a bounced cheque: uphold it by its "
		      "payment's void (--void): what the cheque paid is owed "
		      "again, and a %s service charge added"),
		    d->dispute_no,
		    svc_money(s, m, sizeof m, svc_dispute_bounced_charge(s)));
	}
	return pending ? 0 : check_remedy(s, d, u, credit, charge, err);
}

static int
uphold_in_tx(struct svc *s, const char *number, const struct dispute_uphold *u,
    const char *creason, struct pd_err *err)
{
	struct credit_note cn;
	struct dispute d;
	char words[96], detail[200], m[MONEY_BUFSZ], at[TS_BUFSZ];
	int64_t credit;
	int charge;

	if (uphold_checks(s, number, u, &d, &credit, &charge, err) != 0)
		return -1;
	d.status = DSP_UPHELD;
	if (charge) {
		/* no void, no credit note: the payment stays, its amount
		 * charged back is owed again */
		if (add_charge(s, &d, 1, err) != 0)
			return -1;
		snprintf(detail, sizeof detail, "charge payment=%s amount=%s",
		    d.payment_no,
		    money_plain(m, sizeof m, d.disputed, s->cfg.minor_digits));
	} else if (u->by_void) {
		snprintf(words, sizeof words, DSP_VOID_REASON, d.dispute_no);
		if (svc_void_drawer(s, d.payment_no, err) != 0 ||
		    svc_void_in_tx(s, d.payment_no, words, d.void_uuid, err) !=
		        0 ||
		    add_charge(s, &d, 0, err) != 0)
			return -1;
		xstrlcpy(d.resolution, "void", sizeof d.resolution);
		snprintf(detail, sizeof detail, "void payment=%s charge=%s",
		    d.payment_no, d.charge_uuid[0] ? "yes" : "no");
	} else {
		snprintf(words, sizeof words, DSP_CREDIT_REMARKS, d.dispute_no);
		if (svc_credit_in_tx(
		        s, d.receipt_no, credit, creason, words, &cn, err) != 0)
			return -1;
		xstrlcpy(d.resolution, "credit", sizeof d.resolution);
		xstrlcpy(d.credit_uuid, cn.uuid, sizeof d.credit_uuid);
		snprintf(detail, sizeof detail, "credit_note=%s amount=%s",
		    cn.cn_no,
		    money_plain(m, sizeof m, credit, s->cfg.minor_digits));
	}
	if (svc_dispute_step(s, &d, "uphold", u->note, detail, err) != 0)
		return -1;
	/* what the void or the credit note changed, read after the uphold's
	 * record: no alert step between the two (svc_void_in_tx) */
	if (charge)
		return 0;
	svc_now(at);
	return svc_alerts_reread(s, d.consumer_id, u->by_void,
	    u->by_void ? "void" : "credit", at, err);
}

/* What refuses u before the store is touched: the role, the note, the
 * credit note's reason (its configured spelling into *creason). */
static int
uphold_asked(struct svc *s, const struct dispute_uphold *u,
    const char **creason, struct pd_err *err)
{
	char list[800];

	*creason = NULL;
	if (svc_require(s, ROLE_SUPERVISOR, _("Upholding a dispute"), err) !=
	        0 ||
	    svc_dispute_check_note(s, u->note, err) != 0)
		return -1;
	if (u->by_credit || (!u->by_void && !u->by_charge)) {
		*creason = config_reason(
		    &s->cfg, u->credit_reason ? u->credit_reason : "Other");
		if (*creason == NULL) {
			config_join(
			    s->cfg.reasons, s->cfg.nreasons, list, sizeof list);
			/* blanks only: said so, as credit-note create says it
			 * (helper-264, fault 6) */
			if (u->credit_reason != NULL &&
			    utf8_blank(u->credit_reason))
				return pd_fail(err, PD_EINVAL,
				    _("The reason is blank (spaces only); "
				      "choose one of: %s"),
				    list);
			return pd_fail(err, PD_EINVAL,
			    _("Unknown credit note reason \"%s\"; choose one "
			      "of: %s"),
			    u->credit_reason ? u->credit_reason : "Other",
			    list);
		}
	}
	return 0;
}

int
svc_dispute_uphold_check(struct svc *s, const char *number,
    const struct dispute_uphold *u, struct pd_err *err)
{
	struct dispute d;
	const char *creason;
	int64_t credit;
	int charge;

	return uphold_asked(s, u, &creason, err) != 0
	           ? -1
	           : uphold_checks(s, number, u, &d, &credit, &charge, err);
}

int
svc_dispute_remedy_check(
    struct svc *s, const char *number, enum dsp_remedy r, struct pd_err *err)
{
	struct dispute_uphold u;
	struct dispute d;
	int64_t credit;
	int charge;

	if (svc_dispute_find_unresolved(s, number, 0, &d, err) != 0)
		return -1;
	/* the remedy as the Uphold form asks for it: a void of all of the
	 * payment, a credit note of the amount disputed, a chargeback's
	 * credit note knowingly (each asked for at its confirmation) */
	memset(&u, 0, sizeof u);
	u.by_void = r == DSP_BY_VOID;
	u.whole = u.by_void;
	u.by_credit = r == DSP_BY_CREDIT;
	u.credit = u.by_credit ? d.disputed : 0;
	u.despite_chargeback =
	    u.by_credit && strcmp(d.reason, DSP_CHARGEBACK) == 0;
	u.by_charge = r == DSP_BY_CHARGE;
	return uphold_checks(s, number, &u, &d, &credit, &charge, err);
}

int
svc_dispute_uphold(struct svc *s, const char *number,
    const struct dispute_uphold *u, struct pd_err *err)
{
	const char *creason;

	if (uphold_asked(s, u, &creason, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, uphold_in_tx(s, number, u, creason, err), err);
}
