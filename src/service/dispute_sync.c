/* dispute_sync.c - a dispute's steps synced (issue 21): the central
 * node's check of a step a terminal pushed (its terms, the order of the
 * steps, what an uphold names, the service charge as add_charge makes
 * it) and the apply of a pulled or pushed step (its row, its event, an
 * uphold's links). The use cases are dispute.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/numfmt.h"
#include "dispute_int.h"

static const char *const dsp_ops[] = {"open", "review", "uphold", "reject"};

/* Whether step op may follow status (open only as the first). */
static int
may_follow(const char *op, enum dsp_status status)
{
	if (strcmp(op, "review") == 0)
		return status == DSP_OPEN;
	return strcmp(op, "open") != 0 && status <= DSP_REVIEW;
}

/* The charge as add_charge makes it (review of issue 18: a forged one
 * was applied under any reference, a bill's number to come among them,
 * which that bill's import then could not take, and due on any day, years
 * overdue at once): referenced DISPUTE-CHG, due the day it was upheld
 * (or the next, had midnight passed between the two readings of the
 * clock); a chargeback's (cb) due as the debt its payment paid was
 * (svc_dispute_charge_due), when that is before the day upheld. */
static int
check_charge(struct svc *s, const struct syncrec *r, const struct dispute *d,
    int cb, struct pd_err *err)
{
	char ref[sizeof r->it.ref], day[11], was[11];
	int32_t at = 0, due = 0;

	snprintf(ref, sizeof ref, "%s-CHG", d->dispute_no);
	snprintf(day, sizeof day, "%.10s", r->at);
	if (cb && svc_dispute_charge_due(s, d, day, was, err) != 0)
		return -1;
	if (strcmp(r->it.ref, ref) != 0 ||
	    date_parse(day, NULL, &at, NULL) != 0 ||
	    date_parse(r->it.due_on, NULL, &due, NULL) != 0 ||
	    (cb && strcmp(was, day) < 0 ? strcmp(r->it.due_on, was) != 0
	                                : due < at || due > at + 1))
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: its service charge is %s, due %s; an "
		      "uphold's charge is %s, due %s"),
		    d->dispute_no, r->it.ref, r->it.due_on, ref,
		    cb && strcmp(was, day) < 0 ? was : day);
	return 0;
}

/* A chargeback's amount charged again, as dispute.c's uphold makes it
 * (issue 21, s45): no void, no credit note, an item of the amount the
 * dispute disputes, DISPUTE-CHG, due as the debt its payment paid was. */
static int
check_cb_charge(struct svc *s, const struct syncrec *r,
    const struct dispute *d, struct pd_err *err)
{
	char a[MONEY_BUFSZ], c[MONEY_BUFSZ];

	if (strcmp(d->reason, DSP_CHARGEBACK) != 0 ||
	    r->dsp.void_uuid[0] != '\0' || r->cn_uuid[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: only a chargeback is upheld by charging "
		      "its amount again, with no void and no credit note"),
		    d->dispute_no);
	if (r->it.amount != d->disputed || strlen(r->it.uuid) != 36)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is a chargeback of %s; it is upheld by "
		      "charging %s again, not %s"),
		    d->dispute_no, svc_money(s, a, sizeof a, d->disputed),
		    a, svc_money(s, c, sizeof c, r->it.amount));
	return check_charge(s, r, d, 1, err);
}

/* What an uphold names: a void or a credit note of the dispute's
 * payment, the service charge of a bounced cheque as configured; or a
 * chargeback's amount charged again (resolution "", check_cb_charge). */
static int
check_uphold(struct svc *s, const struct syncrec *r, const struct dispute *d,
    struct pd_err *err)
{
	int by_void = strcmp(r->dsp.resolution, "void") == 0;
	struct credit_note cn;
	struct void_row v;
	int64_t id;

	if (r->dsp.resolution[0] == '\0')
		return check_cb_charge(s, r, d, err);
	/* a void of a payment charged back in part charges again what the
	 * bank left paid (dispute.c's check_chargeback) */
	if (by_void && d->disputed < d->amount &&
	    strcmp(d->reason, DSP_CHARGEBACK) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is a chargeback of part of payment %s: it "
		      "is not upheld by the payment's void"),
		    d->dispute_no, d->payment_no);
	if (!by_void && strcmp(r->dsp.resolution, "credit") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("An upheld dispute is resolved by void or credit, not "
		      "\"%s\""),
		    r->dsp.resolution);
	if (store_id_of(s->st, by_void ? TBL_VOIDS : TBL_CREDIT_NOTES,
	        by_void ? r->dsp.void_uuid : r->cn_uuid, &id, err) != 0)
		return -1;
	if (id != 0 && by_void && store_void_by_id(s->st, id, &v, err) != 0)
		return -1;
	if (id != 0 && !by_void && store_credit_by_id(s->st, id, &cn, err))
		return -1;
	if (id == 0 ||
	    (by_void ? v.payment_id : cn.payment_id) != d->payment_id)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is upheld by a %s that is not one of payment "
		      "%s"),
		    d->dispute_no, by_void ? _("void") : _("credit note"),
		    d->payment_no);
	/* a credit note of no more than the dispute disputes, as
	 * dispute.c's uphold makes it (review R21d, fault 3) */
	if (!by_void && cn.amount > d->disputed) {
		char a[MONEY_BUFSZ], c[MONEY_BUFSZ];

		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s disputes %s; it is upheld by a credit note "
		      "of %s, more than that"),
		    d->dispute_no, svc_money(s, a, sizeof a, d->disputed),
		    svc_money(s, c, sizeof c, cn.amount));
	}
	if (r->it.amount == 0)
		return 0;
	if (!by_void || strcmp(d->reason, DSP_BOUNCED) != 0 ||
	    r->it.amount != s->cfg.dsp_bounced_charge ||
	    strlen(r->it.uuid) != 36 || r->it.ref[0] == '\0' ||
	    date_parse(r->it.due_on, NULL, &(int32_t){0}, NULL) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: a service charge comes only with a bounced "
		      "cheque's void, of the organisation's [disputes] "
		      "bounced_cheque_charge, with its uuid, ref and due date"),
		    d->dispute_no);
	return check_charge(s, r, d, 0, err);
}

/* The step of a dispute this node has (d): the same terms, a step that
 * may follow its status. */
static int
check_known(struct svc *s, const struct syncrec *r, const struct dispute *d,
    struct pd_err *err)
{
	if (strcmp(d->dispute_no, r->dsp.dispute_no) != 0 ||
	    strcmp(d->payment_uuid, r->payment_uuid) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is of payment %s here, numbered %s"),
		    r->dsp.uuid, d->payment_no, d->dispute_no);
	if (strcmp(d->reason, r->dsp.reason) != 0 ||
	    strcmp(d->opened_on, r->dsp.opened_on) != 0 ||
	    strcmp(d->due_on, r->dsp.due_on) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is of reason %s, opened on %s, due on %s "
		      "here; the step says %s, %s, %s"),
		    d->dispute_no, d->reason, d->opened_on, d->due_on,
		    r->dsp.reason, r->dsp.opened_on, r->dsp.due_on);
	/* what it disputes, when the step says (an older terminal's says
	 * nothing: the dispute as held here) */
	if (r->dsp.disputed != 0 && r->dsp.disputed != d->disputed) {
		char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s disputes %s here; the step says %s"),
		    d->dispute_no, svc_money(s, a, sizeof a, d->disputed),
		    svc_money(s, b, sizeof b, r->dsp.disputed));
	}
	if (!may_follow(r->op, d->status))
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is %s; a step \"%s\" cannot follow"), d->dispute_no,
		    svc_dispute_status(d->status), r->op);
	/* no step before the day it was opened (helper-253, fault 8: a
	 * terminal whose clock was behind resolved one the day before a
	 * gateway opened it, its timeline "Upheld" above "Opened") */
	if (strncmp(r->at, d->opened_on, 10) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("The step is dated %.10s, before dispute %s was opened "
		      "on %s"),
		    r->at, d->dispute_no, d->opened_on);
	if (strcmp(r->op, "uphold") == 0)
		return check_uphold(s, r, d, err);
	return 0;
}

/* The terms every step carries: its op, reason, dates, note (its number
 * is checked by svc_dispute_check_push: of the sending terminal's series
 * when it opens the dispute, the dispute's as this node holds it after:
 * a dispute is worked at any terminal, review of issue 21). */
static int
check_terms(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	int32_t o, due;
	size_t i;

	for (i = 0; i < sizeof dsp_ops / sizeof dsp_ops[0]; i++)
		if (strcmp(r->op, dsp_ops[i]) == 0)
			break;
	if (i == sizeof dsp_ops / sizeof dsp_ops[0])
		return pd_fail(err, PD_EINVAL,
		    _("Field \"op\" must be open, review, uphold or reject, "
		      "not \"%s\""),
		    r->op);
	if (svc_dispute_reason_code(&s->cfg, r->dsp.reason) == NULL)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: reason \"%s\" is not one of the "
		      "organisation's"),
		    r->dsp.dispute_no, r->dsp.reason);
	date_parse(r->dsp.opened_on, NULL, &o, NULL);
	date_parse(r->dsp.due_on, NULL, &due, NULL);
	if (due < o)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is due on %s, before it was opened on %s"),
		    r->dsp.dispute_no, r->dsp.due_on, r->dsp.opened_on);
	if (r->dsp.disputed < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: field \"disputed\" is the amount disputed, "
		      "not less than 0"),
		    r->dsp.dispute_no);
	if (strcmp(r->op, "uphold") != 0 &&
	    (r->dsp.resolution[0] != '\0' || r->dsp.void_uuid[0] != '\0' ||
	        r->cn_uuid[0] != '\0' || r->it.amount != 0))
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: only an uphold names a resolution"),
		    r->dsp.dispute_no);
	return svc_check_text(_("Note"), r->reason, s->cfg.remarks_max,
	    strcmp(r->op, "reject") == 0, err);
}

int
svc_dispute_check_push(struct svc *s, const char *terminal, const char *branch,
    const struct syncrec *r, struct pd_err *err)
{
	struct dispute d;
	struct payment p;
	int64_t id;
	int rc;

	if (check_terms(s, r, err) != 0)
		return -1;
	if ((rc = store_dsp_by_key(s->st, 0, r->dsp.uuid, &d, err)) < 0)
		return -1;
	if (rc == 0 && strcmp(r->op, "open") != 0)
		return check_known(s, r, &d, err);
	/* only the open step takes a number, of the sending terminal's
	 * series */
	if (strcmp(r->op, "open") == 0 &&
	    numfmt_match(DSP_NUMBER_FMT, &(struct numfmt_ctx){NULL, terminal,
	        branch}, r->dsp.dispute_no, NULL, err) != 0) {
		pd_err_prefix(err, _("Dispute number: "));
		return -1;
	}
	if (rc == 0) {
		/* the same record again: the apply finds its event; another
		 * record opening it again is refused */
		struct dispute_event e;

		if ((rc = store_dsp_event_read(
		         s->st, 0, r->uuid, &e, NULL, err)) <= 0)
			return rc;
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is %s; a step \"%s\" cannot follow"), d.dispute_no,
		    svc_dispute_status(d.status), r->op);
	}
	if (strcmp(r->op, "open") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is not known here; its first step is "
		      "open"),
		    r->dsp.dispute_no);
	if (store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &id, err) != 0)
		return -1;
	if (id == 0) /* the apply says it is unknown */
		return 0;
	/* a new dispute: a number no other has, a payment that may be
	 * disputed (Posted or Pending, none of its disputes unresolved) */
	if ((rc = store_dsp_find(s->st, r->dsp.dispute_no, &d, err)) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute number %s is another dispute's here (of payment "
		      "%s)"),
		    r->dsp.dispute_no, d.payment_no);
	if (err->code != PD_ENOTFOUND)
		return -1;
	pd_err_clear(err);
	if (store_payment_by_id(s->st, id, &p, err) != 0)
		return -1;
	/* what it disputes, part or all of the payment (review R21d,
	 * fault 3); none said (0, an older terminal's): all of it */
	return svc_dispute_check_disputable(s, &p, err) != 0 ||
	               svc_dispute_check_reason(s, &p, r->dsp.reason, err) !=
	                   0 ||
	               svc_dispute_check_amount(s, &p, r->dsp.reason,
	                   r->dsp.disputed != 0 ? r->dsp.disputed : p.amount,
	                   err) != 0
	           ? -1
	           : 0;
}

/* A pulled or pushed dispute's first step: its row, of what it says it
 * disputes (0: all of its payment), which is of its payment (a terminal
 * checks what the central node answers too). */
static int
apply_open(struct svc *s, const struct syncrec *r, struct dispute *d,
    struct pd_err *err)
{
	struct payment p;
	int64_t pid;
	char a[MONEY_BUFSZ], m[MONEY_BUFSZ];

	if (store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &pid, err) != 0)
		return -1;
	if (pid == 0)
		return pd_fail(err, PD_ENOTFOUND,
		    _("Payment %s is not known here"),
		    r->p.payment_no[0] ? r->p.payment_no : r->payment_uuid);
	if (store_payment_by_id(s->st, pid, &p, err) != 0)
		return -1;
	if (r->dsp.disputed < 0 || r->dsp.disputed > p.amount)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s disputes %s of payment %s, whose amount is "
		      "%s"),
		    r->dsp.dispute_no,
		    svc_money(s, a, sizeof a, r->dsp.disputed), p.payment_no,
		    svc_money(s, m, sizeof m, p.amount));
	*d = r->dsp;
	d->id = 0;
	d->payment_id = pid;
	xstrlcpy(d->opened_at, r->at, sizeof d->opened_at);
	xstrlcpy(d->opened_by, r->by, sizeof d->opened_by);
	xstrlcpy(d->terminal, r->terminal, sizeof d->terminal);
	d->status = DSP_OPEN;
	d->resolution[0] = d->void_uuid[0] = d->credit_uuid[0] = '\0';
	d->charge_uuid[0] = '\0';
	return store_dsp_insert(s->st, d, 0, err);
}

int
svc_dsp_lost_charge(struct svc *s, int64_t cid, const char *ref,
    const char *uuid, struct pd_err *err)
{
	struct dispute d;
	struct pd_err e = {0};
	char number[64];
	size_t n = strlen(ref);

	if (n <= 4 || n - 4 >= sizeof number || strcmp(ref + n - 4, "-CHG"))
		return 0;
	memcpy(number, ref, n - 4);
	number[n - 4] = '\0';
	if (store_dsp_find(s->st, number, &d, &e) != 0) {
		if (e.code == PD_ENOTFOUND)
			return 0;
		*err = e;
		return -1;
	}
	return d.consumer_id == cid &&
	       (strcmp(d.reason, DSP_BOUNCED) == 0 ||
	           strcmp(d.reason, DSP_CHARGEBACK) == 0) &&
	       strcmp(d.charge_uuid, uuid) != 0;
}

/* An uphold's links; the central node adds the service charge (the
 * terminals have it from the central node's feed, as an item). */
static int
apply_uphold(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct dispute *d, struct pd_err *err)
{
	struct item it;

	d->status = DSP_UPHELD;
	xstrlcpy(d->resolution, r->dsp.resolution, sizeof d->resolution);
	xstrlcpy(d->void_uuid, r->dsp.void_uuid, sizeof d->void_uuid);
	xstrlcpy(d->credit_uuid, r->cn_uuid, sizeof d->credit_uuid);
	if (r->it.amount <= 0)
		return 0;
	xstrlcpy(d->charge_uuid, r->it.uuid, sizeof d->charge_uuid);
	if (mode != APPLY_CENTRAL)
		return 0;
	memset(&it, 0, sizeof it);
	xstrlcpy(it.uuid, r->it.uuid, sizeof it.uuid);
	it.consumer_id = d->consumer_id;
	it.kind = PAY_SERVICE;
	xstrlcpy(it.ref, r->it.ref, sizeof it.ref);
	/* a chargeback's amount charged again (no void, no credit note) or
	 * a bounced cheque's service charge */
	xstrlcpy(it.description,
	    r->dsp.resolution[0] == '\0' ? DSP_CB_WORDS : DSP_CHARGE_WORDS,
	    sizeof it.description);
	it.amount = r->it.amount;
	snprintf(it.issued_on, sizeof it.issued_on, "%.10s", r->at);
	xstrlcpy(it.due_on, r->it.due_on, sizeof it.due_on);
	/* entered into the organisation's books the day its terminal
	 * upheld it (add_charge's today), as it was issued: the day of the
	 * record, not of its arrival here (review R23b) */
	snprintf(it.entered_on, sizeof it.entered_on, "%.10s", r->at);
	return svc_item_insert(s, &it, err);
}

int
svc_dispute_apply(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	struct dispute_event e;
	struct dispute d;
	int rc;

	if ((rc = store_dsp_event_read(s->st, 0, r->uuid, &e, NULL, err)) <= 0)
		return rc < 0 ? -1 : 1;
	if (strcmp(r->op, "open") == 0) {
		if (apply_open(s, r, &d, err) != 0)
			return -1;
	} else {
		if ((rc = store_dsp_by_key(s->st, 0, r->dsp.uuid, &d, err)) !=
		    0)
			return rc < 0 ? -1
			              : pd_fail(err, PD_ENOTFOUND,
			                    _("Dispute %s is not known here"),
			                    r->dsp.dispute_no);
		/* a review the central node took before this terminal's
		 * resolution, pulled after it (review of issue 21, fault 4:
		 * refused here, the two timelines differed): history only,
		 * its place in the timeline by its time */
		if (mode == APPLY_REPLICA && strcmp(r->op, "review") == 0 &&
		    d.status >= DSP_UPHELD)
			goto event;
		if (!may_follow(r->op, d.status))
			return pd_fail(err, PD_EINVAL,
			    _("Dispute %s is %s; a step \"%s\" cannot follow"),
			    d.dispute_no, svc_dispute_status(d.status), r->op);
		if (strcmp(r->op, "review") == 0)
			d.status = DSP_REVIEW;
		else if (strcmp(r->op, "reject") == 0)
			d.status = DSP_REJECTED;
		else if (apply_uphold(s, mode, r, &d, err) != 0)
			return -1;
		if (store_dsp_update(s->st, &d, err) != 0)
			return -1;
	}
event:
	memset(&e, 0, sizeof e);
	xstrlcpy(e.uuid, r->uuid, sizeof e.uuid);
	xstrlcpy(e.kind, r->op, sizeof e.kind);
	xstrlcpy(e.note, r->reason, sizeof e.note);
	xstrlcpy(e.at, r->at, sizeof e.at);
	xstrlcpy(e.by, r->by, sizeof e.by);
	xstrlcpy(e.terminal, r->terminal, sizeof e.terminal);
	return store_dsp_event(s->st, d.id, &e, 0, err);
}
