/* payment_void.c - voiding a payment (its allocations given back, its
 * drawer's shift kept, its dispute's step checked) and verifying one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute_int.h"
#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"

int
svc_void_check(struct svc *s, const struct payment *p, struct pd_err *err)
{
	struct credit_note *cns;
	size_t ncn, i;

	if (p->status == PS_VOIDED)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s was already voided "
		      "on %s by %s"),
		    p->payment_no, p->voided_at, p->voided_by);
	if (svc_dispute_check_void(s, p, err) != 0)
		return -1;
	cns = store_credits_of_payment(s->st, p->id, &ncn, err);
	if (cns == NULL)
		return -1;
	for (i = 0; i < ncn; i++)
		if (cns[i].applied > 0 && !cns[i].voided) {
			pd_fail(err, PD_EINVAL,
			    _("Payment %s cannot be voided: "
			      "its credit note %s has been applied to open "
			      "items"),
			    p->payment_no, cns[i].cn_no);
			free(cns);
			return -1;
		}
	free(cns);
	return 0;
}

int
svc_void_in_tx(struct svc *s, const char *number, const char *reason,
    char uuid[37], struct pd_err *err)
{
	struct payment p;
	struct void_row v;
	struct syncrec rec;
	struct shift sh;
	char detail[700];
	int rc;

	/* (not svc_void_reach: an uphold's void is of a dispute, worked at
	 * any terminal of the organisation, as the central node takes it;
	 * svc_payment_void asks it) */
	if (store_payment_lookup(s->st, number, &p, err) != 0 ||
	    svc_void_check(s, &p, err) != 0)
		return -1;
	memset(&v, 0, sizeof v);
	svc_now(v.voided_at);
	os_uuid_new(v.uuid);
	v.payment_id = p.id;
	xstrlcpy(v.reason, reason, sizeof v.reason);
	xstrlcpy(v.voided_by, s->actor.full_name, sizeof v.voided_by);
	xstrlcpy(v.terminal, s->cfg.terminal_id, sizeof v.terminal);
	/* the shift open at this terminal's drawer, whose void it is (issue
	 * 20): the drawer its cash leaves (store_shift_taken), whoever
	 * voids it; its opening queued first if it never was, as a
	 * payment's (the central node applies a void naming a shift it
	 * has) */
	rc = store_shift_drawer(
	    s->st, s->cfg.terminal_id, s->cfg.terminal_id, 1, &sh, err);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		xstrlcpy(v.shift_uuid, sh.uuid, sizeof v.shift_uuid);
		if (svc_shift_open_rec(s, &sh, err) != 0)
			return -1;
	}
	if (ledger_void(s, &p, v.uuid, reason, s->actor.user_id, v.voided_by,
	        v.voided_at, v.terminal, v.shift_uuid, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "reason=%s", reason);
	ledger_rec_void(s, &rec, &p, &v, s->cfg.branch_id);
	if (svc_outbox(s, &rec, p.payment_no, err) != 0)
		return -1;
	if (uuid != NULL)
		xstrlcpy(uuid, v.uuid, 37);
	if (svc_audit(s, v.voided_at, "void", "payment", p.payment_no, detail,
	        err) != 0)
		return -1;
	/* what it paid is owed again: an installment missed, a plan
	 * broken, an item overdue again now; its large-payment alert and
	 * its credit note's end (an uphold's: after the uphold's record) */
	if (uuid != NULL)
		return 0;
	return svc_alerts_reread(s, p.consumer_id, 1, "void", v.voided_at, err);
}

/* Whether voiding p now would change what the shift open at this
 * terminal's drawer expects once its close was counted and its over or
 * short shown (review s70, issue 20 fault 1: a supervisor's void after
 * the blind count made the same count come out even): refused as a
 * payment of a method its drawer counts is (svc_shift_required), until
 * the close. A transfer's or an online payment's void is no tender's. */
static int
void_counted(struct svc *s, const struct payment *p, struct pd_err *err)
{
	struct shift sh;
	int rc, takes;

	if (p->status == PS_VOIDED ||
	    !svc_shift_in_drawer(s, p->method, p->method_kind))
		return 0;
	rc = store_shift_drawer(
	    s->st, s->cfg.terminal_id, s->cfg.terminal_id, 1, &sh, err);
	if (rc <= 0)
		return rc;
	if ((rc = svc_shift_counted(s, sh.uuid, err)) <= 0)
		return rc;
	if (store_shift_voids_take(s->st, sh.id, p->id, &takes, err) != 0)
		return -1;
	if (!takes)
		return 0;
	return pd_fail(err, PD_ESHIFT,
	    _("The close of %s's shift at terminal %s was counted and its "
	      "over or short shown: voiding %s would change what it expects "
	      "behind the count. Close the shift first (paydesk shift "
	      "close), then void it"),
	    sh.cashier, s->cfg.terminal_id, p->payment_no);
}

/* A void of a payment of another branch is an admin's (svc_void_reach).
 * Not one that changes what a counted shift expects (void_counted). A
 * cash payment's void hands its cash back out of this terminal's
 * drawer (the open shift's expected cash counts it, shift_report.c): with
 * [shifts] required, a shift is open at the drawer, and its cash covers
 * it (review R20). In the void's transaction. */
int
svc_void_drawer(struct svc *s, const char *number, struct pd_err *err)
{
	struct shift_report rep;
	struct shift_tender *cash;
	struct payment p;
	struct shift sh;
	char a[MONEY_BUFSZ];
	int64_t expected;
	int rc;

	if (store_payment_lookup(s->st, number, &p, err) != 0 ||
	    void_counted(s, &p, err) != 0)
		return -1;
	if (strcmp(s->cfg.shifts_required, "yes") != 0 ||
	    svc_shift_cash(s) == NULL)
		return 0;
	if (p.method_kind != METHOD_CASH || p.status == PS_VOIDED)
		return 0;
	rc = store_shift_drawer(
	    s->st, s->cfg.terminal_id, s->cfg.terminal_id, 1, &sh, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return pd_fail(err, PD_ESHIFT,
		    _("Voiding %s hands %s of cash back out of the drawer: "
		      "a shift is open at terminal %s first"),
		    p.payment_no, svc_money(s, a, sizeof a, p.amount),
		    s->cfg.terminal_id);
	if (svc_shift_report_of(s, &sh, &rep, err) != 0) {
		svc_shift_report_free(&rep);
		return -1;
	}
	cash = svc_shift_tender(&rep, svc_shift_cash(s)->name, METHOD_CASH);
	rc = cash->expected < p.amount;
	expected = cash->expected;
	svc_shift_report_free(&rep);
	/* a void is a supervisor's: the figure is theirs to see */
	if (rc)
		return svc_drawer_short(s, p.amount, expected,
		    s->actor.role >= ROLE_SUPERVISOR, err);
	return 0;
}

static int
void_drawer_check(struct svc *s, const char *number, struct pd_err *err)
{
	struct payment p;

	if (store_payment_lookup(s->st, number, &p, err) != 0 ||
	    svc_void_reach(s, &p, err) != 0 ||
	    svc_void_drawer(s, number, err) != 0)
		return -1;
	return p.status != PS_VOIDED ? svc_dispute_check_unresolved(s, &p, err)
	                             : 0;
}

int
svc_payment_void_check_reason(
    struct svc *s, const char *reason, struct pd_err *err)
{
	return svc_check_text_fits(_("Void reason"), reason, s->cfg.remarks_max,
	    SVC_TEXT_BUFSZ, 1, err);
}

int
svc_payment_void(
    struct svc *s, const char *number, const char *reason, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Voiding a payment"), err) != 0 ||
	    svc_payment_void_check_reason(s, reason, err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s,
	    void_drawer_check(s, number, err) != 0
	        ? -1
	        : svc_void_in_tx(s, number, reason, NULL, err),
	    err);
}

static int
verify_in_tx(struct svc *s, const char *number, struct pd_err *err)
{
	struct payment p;
	struct syncrec rec;

	if (store_payment_lookup(s->st, number, &p, err) != 0)
		return -1;
	if (p.status != PS_PENDING)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is %s; only "
		      "Pending payments can be verified"),
		    p.payment_no, pay_status_name(p.status));
	svc_now(p.verified_at);
	xstrlcpy(p.verified_by, s->actor.full_name, sizeof p.verified_by);
	if (store_payment_set_status(s->st, p.id, PS_POSTED, 1, p.verified_at,
	        p.verified_by, err) != 0)
		return -1;
	ledger_rec_verify(
	    s, &rec, NULL, &p, s->cfg.terminal_id, s->cfg.branch_id);
	if (svc_outbox(s, &rec, p.payment_no, err) != 0)
		return -1;
	if (svc_audit(s, p.verified_at, "verify", "payment", p.payment_no, "",
	        err) != 0)
		return -1;
	p.status = PS_POSTED; /* cleared now: a large one raises its alert */
	if (svc_alert_payment(s, &p, p.verified_at, err) != 0)
		return -1;
	return svc_alerts_reread(s, p.consumer_id,
	    p.type == PAY_INSTALLMENT || p.type == PAY_MIXED, "payment",
	    p.verified_at, err);
}

int
svc_payment_verify(struct svc *s, const char *number, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Verifying a payment"), err) !=
	        0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0 ||
	    svc_finish(s, verify_in_tx(s, number, err), err) != 0)
		return -1;
	svc_alerts_tick(s);
	return 0;
}
