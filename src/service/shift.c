/* shift.c - cash shifts (issue 20; design s29/design20.md, shift.h): open
 * with the float counted by denomination, pay-ins, pay-outs and safe
 * drops, the X report, the blind close with over/short per tender and a
 * Z number without gaps. Each writing use case is one transaction with
 * its audit entry and its outbox record (shift_open, shift_movement,
 * shift_close; checked and applied on the central node by shift_sync.c).
 *
 * This file: the methods a drawer holds, whether a payment needs an open
 * shift, a cashier's open shift, the open and the list of shifts. The
 * counts are checked in shift_count.c; what a shift's tenders expect, its
 * report and the X report are shift_report.c's; the movements are
 * shift_move.c's and the close shift_close.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/utf8.h"

_Static_assert(SHIFT_METHOD_BUFSZ == CFG_NAME_MAX,
    "a shift's method names are the config's");

/* The cash method movements and denominations belong to: the first
 * configured method of kind cash; NULL when there is none. */
const struct pay_method *
svc_shift_cash(const struct svc *s)
{
	int i;

	for (i = 0; i < s->cfg.nmethods; i++)
		if (s->cfg.methods[i].kind == METHOD_CASH)
			return &s->cfg.methods[i];
	return NULL;
}

/* Whether what a method takes stays in the drawer until the close: cash,
 * card slips and paper cheques (a method written Name:cheque). A bank
 * transfer or an online payment reaches the bank without the cashier and
 * is no tender of the close. kind: the payment's, for a method no longer
 * configured. */
int
svc_shift_in_drawer(
    const struct svc *s, const char *method, enum method_kind kind)
{
	const struct pay_method *m = config_method(&s->cfg, method);

	if (m != NULL)
		kind = m->kind;
	return kind == METHOD_CASH || kind == METHOD_CARD ||
	       (kind == METHOD_BANK && m != NULL && m->cheque);
}

int
svc_shift_required(
    struct svc *s, const struct pay_method *m, struct pd_err *err)
{
	struct shift sh;
	int rc;

	/* a shift whose close was counted, its over or short shown, takes
	 * nothing more its drawer counts (review R20): the count stands */
	if (m != NULL && svc_shift_in_drawer(s, m->name, m->kind)) {
		rc = store_shift_open_of(
		    s->st, s->cfg.terminal_id, s->actor.user_id, &sh, err);
		if (rc < 0 || (rc == 1 && (rc = svc_shift_counted(
		                               s, sh.uuid, err)) < 0))
			return -1;
		if (rc == 1)
			return pd_fail(err, PD_ESHIFT,
			    _("The close of this shift was counted and its over "
			      "or short shown: close it (paydesk shift close) "
			      "before taking %s again"),
			    m->name);
	}
	/* what the drawer counts as paper (cash, cheques) needs the shift
	 * whose close counts it; a card's slip is backed by its settlement */
	if (m == NULL ||
	    (m->kind != METHOD_CASH &&
	        !(m->kind == METHOD_BANK && m->cheque)) ||
	    strcmp(s->cfg.shifts_required, "yes") != 0)
		return 0;
	rc = store_shift_open_of(
	    s->st, s->cfg.terminal_id, s->actor.user_id, &sh, err);
	if (rc < 0)
		return -1;
	if (rc == 0 && m->kind != METHOD_CASH)
		return pd_fail(err, PD_ESHIFT,
		    _("A cheque (%s) is taken in an open shift, whose close "
		      "counts it: open a shift first (paydesk shift open, "
		      "Open shift on Home, or x on the Dashboard)"),
		    m->name);
	if (rc == 0)
		return pd_fail(err, PD_ESHIFT,
		    _("Cash is taken in an open shift: open a shift first "
		      "(paydesk shift open, Open shift on Home, or x on the "
		      "Dashboard)"));
	return 0;
}

/* The signed-in cashier's open shift, PD_ESHIFT when there is none. */
int
svc_shift_mine(struct svc *s, struct shift *sh, struct pd_err *err)
{
	int rc = store_shift_open_of(
	    s->st, s->cfg.terminal_id, s->actor.user_id, sh, err);

	if (rc == 0)
		return pd_fail(err, PD_ESHIFT,
		    _("%s has no open shift at terminal %s: open one first "
		      "(paydesk shift open)"),
		    s->actor.username, s->cfg.terminal_id);
	return rc < 0 ? -1 : 0;
}

int
svc_shift_of(struct svc *s, const char *cashier, const char *action,
    struct shift *sh, struct pd_err *err)
{
	struct user u;
	int rc;

	if (cashier == NULL || cashier[0] == '\0' ||
	    strcmp(cashier, s->actor.username) == 0)
		return svc_shift_mine(s, sh, err);
	if (svc_require(s, ROLE_SUPERVISOR, action, err) != 0)
		return -1;
	if (store_user_by_name(s->st, cashier, &u, err) != 0) {
		if (err->code == PD_ENOTFOUND)
			return pd_fail(err, PD_ENOTFOUND,
			    _("--cashier %s: no such user"), cashier);
		return -1;
	}
	rc = store_shift_open_of(s->st, s->cfg.terminal_id, u.id, sh, err);
	if (rc == 0)
		return pd_fail(err, PD_ESHIFT,
		    _("%s has no open shift at terminal %s"), u.username,
		    s->cfg.terminal_id);
	return rc < 0 ? -1 : 0;
}

int
svc_shift_current(struct svc *s, struct shift *out, struct pd_err *err)
{
	char now[TS_BUFSZ];
	int rc;

	if (svc_require(s, ROLE_CASHIER, _("A shift"), err) != 0)
		return -1;
	rc = store_shift_open_of(
	    s->st, s->cfg.terminal_id, s->actor.user_id, out, err);
	if (rc == 1) {
		svc_now(now);
		out->flagged =
		    shift_flagged(out->opened_at, now, s->cfg.shift_max_hours);
	}
	return rc;
}

/* ---- open ---- */

static int
open_in_tx(struct svc *s, const struct shift_count *c, size_t n,
    struct shift *sh, struct pd_err *err)
{
	struct shift other;
	int64_t expected;
	struct syncrec rec;
	char detail[256], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	size_t i;
	int rc;

	if ((rc = store_shift_open_of(s->st, s->cfg.terminal_id,
	         s->actor.user_id, &other, err)) != 0)
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESHIFT,
		                    _("%s has a shift open at terminal %s "
		                      "since %s already"),
		                    s->actor.username, s->cfg.terminal_id,
		                    other.opened_at);
	/* one cashier, one drawer at a time (review s70, fault 3): an open
	 * shift of the cashier at another terminal, as this one last
	 * pulled it; two opened offline both reach the central node, which
	 * keeps both (each drawer's cash) and names them in its list */
	if ((rc = store_shift_open_elsewhere(s->st, s->cfg.terminal_id,
	         s->actor.user_id, &other, err)) != 0)
		return rc < 0
		           ? -1
		           : pd_fail(err, PD_ESHIFT,
		                 _("%s has a shift open at terminal %s "
		                   "since %s (as this terminal last "
		                   "synced): one cashier holds one drawer at "
		                   "a time; it is closed there first, then "
		                   "synced (paydesk sync)"),
		                 s->actor.username, other.terminal,
		                 other.opened_at);
	if ((rc = store_shift_drawer(s->st, s->cfg.terminal_id,
	         s->cfg.terminal_id, 1, &other, err)) != 0)
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESHIFT,
		                    _("The drawer of terminal %s is in %s's "
		                      "shift, open since %s: it is closed "
		                      "first, by its cashier or a supervisor "
		                      "(paydesk shift close --cashier %s)"),
		                    s->cfg.terminal_id, other.cashier,
		                    other.opened_at, other.cashier);
	if ((rc = svc_shift_float_expected(s, &expected, err)) < 0)
		return -1;
	memset(sh, 0, sizeof *sh);
	/* no shift of the drawer before: its expected float not known */
	sh->first = rc == 0;
	xstrlcpy(sh->terminal, s->cfg.terminal_id, sizeof sh->terminal);
	xstrlcpy(sh->drawer, s->cfg.terminal_id, sizeof sh->drawer);
	sh->cashier_id = s->actor.user_id;
	xstrlcpy(sh->cashier, s->actor.username, sizeof sh->cashier);
	xstrlcpy(sh->cashier_name, s->actor.full_name, sizeof sh->cashier_name);
	svc_now(sh->opened_at);
	sh->float_expected = expected;
	sh->float_counted = svc_shift_total(c, n, NULL);
	if (store_shift_insert(s->st, sh, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (store_shift_count_insert(s->st, sh->id, "open", &c[i], err))
			return -1;
	/* the outbox record before the audit entry, which claims its seal */
	ledger_rec_head(s, &rec, SR_SHIFT_OPEN, sh->uuid, NULL,
	    s->cfg.branch_id, sh->opened_at);
	rec.sh = *sh;
	rec.counts = (struct shift_count *)c;
	rec.ncounts = n;
	if (svc_outbox(s, &rec, sh->uuid, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "float=%s expected=%s",
	    money_plain(m1, sizeof m1, sh->float_counted, s->cfg.minor_digits),
	    money_plain(
	        m2, sizeof m2, sh->float_expected, s->cfg.minor_digits));
	return svc_audit(
	    s, sh->opened_at, "open", "shift", sh->uuid, detail, err);
}

int
svc_shift_float_expected(struct svc *s, int64_t *expected, struct pd_err *err)
{
	struct shift prev;
	int rc = store_shift_drawer(
	    s->st, s->cfg.terminal_id, s->cfg.terminal_id, 0, &prev, err);

	if (rc < 0)
		return -1;
	*expected = rc == 1 ? prev.float_kept : 0;
	return rc == 1;
}

int
svc_shift_open(struct svc *s, const struct shift_count *counts, size_t n,
    struct shift *out, struct pd_err *err)
{
	struct shift_count *c;
	int rc;

	if (svc_require(s, ROLE_CASHIER, _("Opening a shift"), err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	if (svc_shift_cash(s) == NULL)
		return pd_fail(err, PD_EINVAL,
		    _("No payment method of kind cash is configured: a shift "
		      "counts cash"));
	if ((c = svc_shift_counts_checked(s, counts, n, 1, err)) == NULL)
		return -1;
	if (store_begin(s->st, err) != 0) {
		free(c);
		return -1;
	}
	rc = svc_finish(s, open_in_tx(s, c, n, out, err), err);
	free(c);
	return rc;
}

/* ---- list ---- */

struct list_arg {
	struct svc *s;
	shift_cb cb;
	void *arg;
	char now[TS_BUFSZ];
};

static int
list_one(const struct shift *sh, void *arg)
{
	struct list_arg *a = arg;
	struct shift copy = *sh;

	copy.flagged = svc_shift_flag(a->s, sh, a->now);
	return a->cb(&copy, a->arg);
}

int
svc_shift_list(struct svc *s, const struct shift_filter *f, shift_cb cb,
    void *arg, struct pd_err *err)
{
	struct shift_query q = {0};
	struct list_arg a = {s, cb, arg, ""};
	struct row_scope sc;

	if (svc_require(s, ROLE_CASHIER, _("The list of shifts"), err) != 0)
		return -1;
	if (f != NULL) {
		q.open_only = f->open_only;
		q.from = f->from;
		q.to = f->to;
		q.cashier = f->cashier;
		q.limit = f->limit;
		/* the shifts of the drawers of the scope (issue 23) */
		if (f->scoped) {
			svc_row_scope(s, NULL, &sc);
			q.scope = &sc;
		}
	}
	/* a cashier sees their own shifts: another's named is refused
	 * (issue 20, tester: her own were listed under his name), before
	 * the users known are said to her */
	if (s->actor.role < ROLE_SUPERVISOR && q.cashier != NULL &&
	    q.cashier[0] != '\0' && strcmp(q.cashier, s->actor.username) != 0)
		return pd_fail(err, PD_EPERM,
		    _("Shifts of %s: another cashier's shifts need the "
		      "supervisor role"),
		    q.cashier);
	/* a cashier no user is named, not listed as none (review R20) */
	if (q.cashier != NULL && q.cashier[0] != '\0') {
		char known[512];
		int rc = store_name_known(s->st, STORE_NAME_USER, q.cashier,
		    known, sizeof known, err);

		if (rc < 0)
			return -1;
		if (rc == 1) /* as every filter's (s72 fault 9) */
			return pd_fail(err, PD_EUSAGE,
			    _("Cashier \"%s\": not one of %s"), q.cashier,
			    known);
	}
	/* a cashier sees their own shifts */
	if (s->actor.role < ROLE_SUPERVISOR)
		q.cashier = s->actor.username;
	svc_now(a.now);
	return store_shift_each(s->st, &q, list_one, &a, err);
}
