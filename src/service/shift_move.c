/* shift_move.c - an open shift's movements beside its open (shift.c) and
 * its close (shift_close.c): pay-ins, pay-outs and safe drops, each with a
 * configured reason and, above the approval amount, a supervisor's
 * sign-off. A sign-off is checked inside the use case's transaction; a
 * wrong PIN rolls it back and is then counted toward the supervisor's
 * lockout like a wrong sign-in PIN. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* The configured movement reason named (any case), or NULL. */
static const char *
move_reason(const struct svc *s, const char *name)
{
	int i;

	for (i = 0; name != NULL && i < s->cfg.nmove_reasons; i++)
		if (strcasecmp(s->cfg.move_reasons[i], name) == 0)
			return s->cfg.move_reasons[i];
	return NULL;
}

/* A sign-off that failed on a wrong PIN is counted after the rollback
 * (internal.h). */
int
svc_shift_finish_signed(
    struct svc *s, int rc, int miss, const char *user, struct pd_err *err)
{
	struct pd_err keep;

	if (svc_finish(s, rc, err) == 0)
		return 0;
	if (miss) {
		keep = *err;
		if (svc_signoff_miss(s, user, err) == 0)
			*err = keep;
	}
	return -1;
}

int
svc_drawer_short(struct svc *s, int64_t amount, int64_t expected, int shown,
    struct pd_err *err)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

	svc_money(s, a, sizeof a, amount);
	if (shown)
		return pd_fail(err, PD_EINVAL,
		    _("%s is more than the %s expected in the drawer"), a,
		    svc_money(s, b, sizeof b, expected));
	return pd_fail(err, PD_EINVAL,
	    _("%s is more than the drawer holds by the records (what it "
	      "should hold is not shown before the blind close: a "
	      "supervisor sees it)"),
	    a);
}

/* The sign-off's action for a movement that brings its kind's running
 * total (shift_move_running) above the approval amount: %s the total. */
static const char *
running_action(enum shift_move_kind k)
{
	switch (k) {
	case SHIFT_PAY_IN:
		return _("A pay-in that brings this shift's pay-ins since the "
		         "last one approved to %s, above the approval amount,");
	case SHIFT_PAY_OUT:
		return _(
		    "A pay-out that brings this shift's pay-outs since the "
		    "last one approved to %s, above the approval amount,");
	default:
		return _(
		    "A safe drop that brings this shift's safe drops since "
		    "the last one approved to %s, above the approval "
		    "amount,");
	}
}

static int
move_in_tx(struct svc *s, const struct shift_move_request *r,
    struct shift_movement *m, int *miss, struct pd_err *err)
{
	struct shift_report rep;
	struct shift_tender *cash;
	struct shift_movement *mv;
	struct shift sh;
	struct syncrec rec;
	char detail[384], a[MONEY_BUFSZ];
	int64_t run;
	size_t n;
	int rc, counted;

	if (svc_shift_mine(s, &sh, err) != 0 ||
	    (counted = svc_shift_counted(s, sh.uuid, err)) < 0 ||
	    (mv = store_shift_moves(s->st, sh.id, &n, err)) == NULL)
		return -1;
	run = shift_move_running(mv, n, r->kind, r->amount);
	free(mv);
	/* once the close's over or short was shown, a movement would make
	 * the same count come out even: a supervisor signs it off; and
	 * above the approval amount, with those of its kind since the last
	 * one approved (four pay-outs of 50.00 are one of 200.00) */
	if (counted)
		rc = svc_signoff(s, &r->approval,
		    _("A movement after the close's over or short was shown"),
		    m->approved_by, miss, err);
	else if (r->amount > s->cfg.move_approval) {
		/* the amount named (a fresh tester's, s73: neither the
		 * limit nor how to give the sign-off was said) */
		snprintf(detail, sizeof detail,
		    _("A movement above the approval amount (%s)"),
		    svc_money(s, a, sizeof a, s->cfg.move_approval));
		rc = svc_signoff(
		    s, &r->approval, detail, m->approved_by, miss, err);
	} else if (run > s->cfg.move_approval) {
		snprintf(detail, sizeof detail, running_action(r->kind),
		    svc_money(s, a, sizeof a, run));
		rc = svc_signoff(
		    s, &r->approval, detail, m->approved_by, miss, err);
	} else
		rc = 0;
	if (rc != 0)
		return -1;
	if (r->kind != SHIFT_PAY_IN) {
		if (svc_shift_report_of(s, &sh, &rep, err) != 0) {
			svc_shift_report_free(&rep);
			return -1;
		}
		cash = svc_shift_tender(&rep, m->method, METHOD_CASH);
		run = cash->expected;
		svc_shift_report_free(&rep);
		/* the figure only to whom the X report shows it: a
		 * supervisor signed in, or one whose sign-off this movement
		 * checked (s72 h8 fault 1: the close is blind) */
		if (run < r->amount)
			return svc_drawer_short(s, r->amount, run,
			    s->actor.role >= ROLE_SUPERVISOR ||
			        m->approved_by[0] != '\0',
			    err);
	}
	svc_now(m->at);
	if (store_shift_move_insert(s->st, sh.id, s->actor.user_id, m, err) ||
	    svc_shift_open_rec(s, &sh, err) != 0)
		return -1;
	ledger_rec_head(
	    s, &rec, SR_SHIFT_MOVE, m->uuid, NULL, s->cfg.branch_id, m->at);
	rec.mv = *m;
	xstrlcpy(rec.shift_uuid, sh.uuid, sizeof rec.shift_uuid);
	if (svc_outbox(s, &rec, sh.uuid, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "kind=%s amount=%s reason=%s%s%s",
	    shift_move_kind_name(m->kind),
	    money_plain(a, sizeof a, m->amount, s->cfg.minor_digits), m->reason,
	    m->approved_by[0] ? " approved_by=" : "", m->approved_by);
	return svc_audit(s, m->at, "movement", "shift", sh.uuid, detail, err);
}

int
svc_shift_movement(struct svc *s, const struct shift_move_request *r,
    struct shift_movement *out, struct pd_err *err)
{
	const struct pay_method *cash = svc_shift_cash(s);
	const char *reason;
	int miss = 0, rc;

	memset(out, 0, sizeof *out);
	if (svc_require(s, ROLE_CASHIER, _("A pay-in, pay-out or safe drop"),
	        err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	if (shift_move_kind_name(r->kind)[0] == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("A movement is a pay-in, a pay-out or a safe drop"));
	if (r->amount <= 0 || r->amount > SHIFT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Amount: must be above zero and at most %lld minor "
		      "units"),
		    (long long)SHIFT_AMOUNT_MAX);
	if ((reason = move_reason(s, r->reason)) == NULL) {
		char list[CFG_LIST_MAX * (CFG_NAME_MAX + 2)] = "";
		size_t len = 0;
		int i;

		/* every reason the cashier may give, not the first alone */
		for (i = 0; i < s->cfg.nmove_reasons && len < sizeof list; i++)
			len += (size_t)snprintf(list + len, sizeof list - len,
			    "%s%s", i > 0 ? ", " : "", s->cfg.move_reasons[i]);
		/* given of blanks only: said so (helper-258, fault 7) */
		if (r->reason != NULL && r->reason[0] != '\0' &&
		    utf8_blank(r->reason))
			return pd_fail(err, PD_EINVAL,
			    _("The reason is blank (spaces only); choose one "
			      "of: %s"),
			    list);
		return pd_fail(err, PD_EINVAL,
		    _("Reason \"%s\" is not one of [shifts] movement_reasons "
		      "(%s)"),
		    r->reason ? r->reason : "", list);
	}
	if (cash == NULL)
		return pd_fail(err, PD_EINVAL,
		    _("No payment method of kind cash is configured: a shift "
		      "counts cash"));
	out->kind = r->kind;
	out->amount = r->amount;
	xstrlcpy(out->reason, reason, sizeof out->reason);
	xstrlcpy(out->method, cash->name, sizeof out->method);
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = move_in_tx(s, r, out, &miss, err);
	return svc_shift_finish_signed(s, rc, miss, r->approval.user, err);
}
