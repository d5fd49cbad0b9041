/* shift_report.c - what a shift holds (shift.c opens it): its tenders'
 * expected amounts, its report (the X report of an open shift, the Z
 * report of a closed one) and whether it is flagged, and the X report,
 * blind to the cashier of the open shift.
 *
 * What a tender expects: the cash method, the float counted at the open
 * plus its payments less the voids made at the terminal during the shift,
 * plus pay-ins, less pay-outs and safe drops; any other method, its
 * payments less its voids (card slips, cheques). The payments of a shift
 * are the cashier's at the terminal between the shift's open and close
 * (store/shifts.c keeps that by ids, not by clock).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* The tender of method name in r, added (expected 0) if missing. */
struct shift_tender *
svc_shift_tender(
    struct shift_report *r, const char *name, enum method_kind kind)
{
	size_t i;

	for (i = 0; i < r->ntenders; i++)
		if (strcmp(r->tenders[i].method, name) == 0)
			return &r->tenders[i];
	r->tenders = xrealloc(r->tenders, r->ntenders + 1, sizeof *r->tenders);
	memset(&r->tenders[r->ntenders], 0, sizeof *r->tenders);
	xstrlcpy(
	    r->tenders[r->ntenders].method, name, sizeof r->tenders[0].method);
	r->tenders[r->ntenders].kind = kind;
	return &r->tenders[r->ntenders++];
}

/* The tenders in [payments] methods order: the cash method always, every
 * other method that took something in the shift (online payments are
 * not in the drawer, nor are transfers), then what the shift took by a
 * method no longer configured. */
static void
order_tenders(const struct svc *s, struct shift_report *r,
    const struct shift_tender *taken, size_t ntaken)
{
	const struct pay_method *cash = svc_shift_cash(s);
	size_t i;
	int k;

	if (cash != NULL)
		svc_shift_tender(r, cash->name, METHOD_CASH);
	for (k = 0; k < s->cfg.nmethods; k++)
		for (i = 0; i < ntaken; i++)
			if (svc_shift_in_drawer(
			        s, taken[i].method, taken[i].kind) &&
			    strcmp(taken[i].method, s->cfg.methods[k].name) ==
			        0)
				svc_shift_tender(
				    r, taken[i].method, taken[i].kind);
	for (i = 0; i < ntaken; i++)
		if (svc_shift_in_drawer(s, taken[i].method, taken[i].kind) &&
		    config_method(&s->cfg, taken[i].method) == NULL)
			svc_shift_tender(r, taken[i].method, taken[i].kind);
}

/* r->tenders' expected amounts from r->sh, its movements and what its
 * payments took. */
static int
expect_tenders(struct svc *s, struct shift_report *r, struct pd_err *err)
{
	const struct pay_method *cash = svc_shift_cash(s);
	struct shift_tender *taken, *t;
	size_t ntaken, i;

	/* another terminal's (closed here by force): its payments and
	 * voids by the shift they name */
	taken = strcmp(r->sh.terminal, s->cfg.terminal_id) != 0
	            ? store_shift_taken_named(s->st, r->sh.uuid, &ntaken, err)
	            : store_shift_taken(s->st, r->sh.id, &ntaken, err);
	if (taken == NULL)
		return -1;
	order_tenders(s, r, taken, ntaken);
	for (i = 0; i < ntaken; i++) {
		if (!svc_shift_in_drawer(s, taken[i].method, taken[i].kind))
			continue;
		t = svc_shift_tender(r, taken[i].method, taken[i].kind);
		t->npayments = taken[i].npayments;
		t->taken = taken[i].taken;
		t->expected = taken[i].taken;
		t->nvoids = taken[i].nvoids;
		t->voided = taken[i].voided;
	}
	free(taken);
	r->pay_ins = r->pay_outs = r->drops = 0;
	for (i = 0; i < r->nmoves; i++)
		*(r->moves[i].kind == SHIFT_PAY_IN      ? &r->pay_ins
		    : r->moves[i].kind == SHIFT_PAY_OUT ? &r->pay_outs
		                                        : &r->drops) +=
		    r->moves[i].amount;
	if (cash != NULL) {
		t = svc_shift_tender(r, cash->name, METHOD_CASH);
		t->expected +=
		    r->sh.float_counted + r->pay_ins - r->pay_outs - r->drops;
	}
	return 0;
}

/* Fill r for shift sh: its opening count, movements and expected
 * tenders; a closed shift's close count and tenders as written. */
int
svc_shift_report_of(struct svc *s, const struct shift *sh,
    struct shift_report *r, struct pd_err *err)
{
	const struct pay_method *m;
	struct shift_tender *voids;
	char now[TS_BUFSZ];
	size_t i, j, nvoids;

	memset(r, 0, sizeof *r);
	r->sh = *sh;
	/* open across midnight or too long: an open shift's until now, a
	 * closed one's as its close left it, wherever it is read (review
	 * R20, fault 7) */
	svc_now(now);
	r->sh.flagged = svc_shift_flag(s, sh, now);
	r->open_counts =
	    store_shift_counts(s->st, sh->id, "open", &r->nopen, err);
	if (r->open_counts == NULL)
		return -1;
	r->moves = store_shift_moves(s->st, sh->id, &r->nmoves, err);
	if (r->moves == NULL)
		return -1;
	/* another terminal's open shift (fed from the central node): what
	 * it expects is reckoned there, from its own payments' order; but
	 * for its close by force here (forced_on this terminal), from the
	 * payments and voids that name it */
	if (sh->status == SHIFT_OPEN && s->cfg.terminal_id[0] &&
	    strcmp(sh->terminal, s->cfg.terminal_id) != 0 &&
	    strcmp(sh->forced_on, s->cfg.terminal_id) != 0)
		return 0;
	if (sh->status == SHIFT_OPEN)
		return expect_tenders(s, r, err);
	r->counts =
	    store_shift_counts(s->st, sh->id, "close", &r->ncounts, err);
	if (r->counts == NULL)
		return -1;
	if (expect_tenders(s, r, err) != 0)
		return -1;
	/* what the close wrote is what the Z report shows; the voids'
	 * refunds read from the ledger (review R20b) */
	voids = r->tenders;
	nvoids = r->ntenders;
	r->tenders = store_shift_tenders(s->st, sh->id, &r->ntenders, err);
	if (r->tenders == NULL) {
		free(voids);
		return -1;
	}
	for (i = 0; i < r->ntenders; i++)
		for (j = 0; j < nvoids; j++)
			if (strcmp(voids[j].method, r->tenders[i].method) ==
			    0) {
				r->tenders[i].nvoids = voids[j].nvoids;
				r->tenders[i].voided = voids[j].voided;
			}
	free(voids);
	for (i = 0; i < r->ntenders; i++) {
		m = config_method(&s->cfg, r->tenders[i].method);
		r->tenders[i].kind = m != NULL ? m->kind : METHOD_BANK;
		r->tenders[i].items = svc_shift_items(
		    r->counts, r->ncounts, r->tenders[i].method);
		/* signed off at the close: it was beyond the tolerance then */
		r->tenders[i].beyond = r->tenders[i].approved_by[0] != '\0';
	}
	/* the first counts the close kept (its record carries them to
	 * every node); of a close made before they were kept, the audit's */
	for (i = 0; i < r->ntenders; i++)
		if (r->tenders[i].recounted)
			return 0;
	return svc_shift_first_counts(
	    s, sh->uuid, &r->tenders, &r->ntenders, NULL, err);
}

void
svc_shift_report_free(struct shift_report *r)
{
	free(r->tenders);
	free(r->moves);
	free(r->open_counts);
	free(r->counts);
	memset(r, 0, sizeof *r);
}

/* Whether shift sh is flagged (open across midnight or longer than
 * [shifts] max_hours): an open one until now; a closed one as its close
 * kept it, here or where it was made (review R20, fault 7), or, closed
 * before the flag was kept, from its opening to its close. */
int
svc_shift_flag(const struct svc *s, const struct shift *sh, const char *now)
{
	int f = shift_flagged(sh->opened_at,
	    sh->status == SHIFT_OPEN ? now : sh->closed_at,
	    s->cfg.shift_max_hours);

	/* the store keeps whether the close flagged it, not why: over
	 * midnight is read from its times, and a flag they do not explain
	 * was the length its close had configured */
	if (sh->status == SHIFT_CLOSED && sh->flagged >= 0)
		return sh->flagged == 0 ? 0
		                        : (f & SHIFT_FLAG_OVERNIGHT) |
		                              (f & SHIFT_FLAG_LONG || f == 0
		                                      ? SHIFT_FLAG_LONG
		                                      : 0);
	return f;
}

/* svc_shift_x of cashier's open shift at this terminal (NULL: the
 * signed-in cashier's; another's, a supervisor's to read). */
static int
x_of(struct svc *s, const char *cashier, struct shift_report *r,
    struct pd_err *err)
{
	struct shift sh;

	memset(r, 0, sizeof *r);
	if (svc_require(s, ROLE_CASHIER, _("An X report"), err) != 0 ||
	    svc_shift_of(s, cashier,
	        _("The X report of another cashier's shift"), &sh, err) != 0)
		return -1;
	if (svc_shift_report_of(s, &sh, r, err) != 0) {
		svc_shift_report_free(r);
		return -1;
	}
	return 0;
}

int
svc_shift_x(struct svc *s, struct shift_report *r, struct pd_err *err)
{
	return x_of(s, NULL, r, err);
}

/* What an open shift expects is a supervisor's to see (fault 15). */
static int
blind_gate(struct svc *s, const struct shift_approval *a, struct pd_err *err)
{
	char name[SHIFT_USER_BUFSZ];
	struct pd_err keep;
	int miss = 0;

	if (s->actor.role >= ROLE_SUPERVISOR)
		return 0;
	if (a == NULL || a->user == NULL || a->user[0] == '\0')
		return pd_fail(err, PD_EBLIND,
		    _("The X report shows what the drawer should hold, which "
		      "the cashier does not see before the blind close: it "
		      "needs a supervisor (signed in, or their user name and "
		      "PIN given here)"));
	if (svc_signoff(
	        s, a, _("An X report of an open shift"), name, &miss, err) == 0)
		return 0;
	if (miss) {
		keep = *err;
		if (svc_signoff_miss(s, a->user, err) == 0)
			*err = keep;
	}
	return -1;
}

int
svc_shift_x_report(struct svc *s, const char *cashier,
    const struct shift_approval *a, struct shift_report *r, struct pd_err *err)
{
	if (x_of(s, cashier, r, err) != 0)
		return -1;
	if (blind_gate(s, a, err) != 0) {
		svc_shift_report_free(r);
		memset(r, 0, sizeof *r);
		return -1;
	}
	return 0;
}

int
svc_shift_report_by(struct svc *s, const char *key, struct shift_report *r,
    int blind, struct pd_err *err)
{
	struct shift sh;

	memset(r, 0, sizeof *r);
	if (svc_require(s, ROLE_CASHIER, _("A shift's details"), err) != 0)
		return -1;
	if (key == NULL || *key == '\0')
		return pd_fail(err, PD_EUSAGE, _("Which shift: a Z number"));
	if (store_shift_find(s->st, key, &sh, err) != 0)
		return -1;
	if (s->actor.role < ROLE_SUPERVISOR &&
	    sh.cashier_id != s->actor.user_id)
		return pd_fail(err, PD_EPERM,
		    _("Shift %s is %s's: another cashier's shift needs the "
		      "supervisor role"),
		    key, sh.cashier);
	/* an open shift's details are its X report: blind to its cashier */
	if (blind && sh.status != SHIFT_CLOSED && blind_gate(s, NULL, err) != 0)
		return -1;
	if (svc_shift_report_of(s, &sh, r, err) != 0) {
		svc_shift_report_free(r);
		return -1;
	}
	return 0;
}

int
svc_shift_show(
    struct svc *s, const char *key, struct shift_report *r, struct pd_err *err)
{
	return svc_shift_report_by(s, key, r, 1, err);
}
