/* shift.c - cash shifts (issue 20; design s29/design20.md, shift.h): open
 * with the float counted by denomination, pay-ins, pay-outs and safe
 * drops, the X report, the blind close with over/short per tender and a
 * Z number without gaps. Each writing use case is one transaction with
 * its audit entry and its outbox record (shift_open, shift_movement,
 * shift_close; checked and applied on the central node by shift_sync.c).
 *
 * What a tender expects: the cash method, the float counted at the open
 * plus its payments less the voids made at the terminal during the shift,
 * plus pay-ins, less pay-outs and safe drops; any other method, its
 * payments less its voids (card slips, cheques). The payments of a shift
 * are the cashier's at the terminal between the shift's open and close
 * (store/shifts.c keeps that by ids, not by clock).
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

/* ---- counts ---- */

/* Whether denom is one of [shifts] denominations. */
static int
denom_known(const struct svc *s, int64_t denom)
{
	int i;

	for (i = 0; i < s->cfg.ndenoms; i++)
		if (s->cfg.denoms[i] == denom)
			return 1;
	return 0;
}

/* Line i of a count checked, with its method named as configured and its
 * amount worked out (denominations). */
static int
check_line(
    const struct svc *s, struct shift_count *c, int open, struct pd_err *err)
{
	const struct pay_method *m;

	if (c->kind == SHIFT_COUNT_DENOM) {
		m = c->method[0] ? config_method(&s->cfg, c->method)
		                 : svc_shift_cash(s);
		if (m == NULL || m->kind != METHOD_CASH)
			return pd_fail(err, PD_EINVAL,
			    _("Notes and coins are counted for a cash method; "
			      "\"%s\" is not one"),
			    c->method);
		if (!denom_known(s, c->denomination))
			return pd_fail(err, PD_EINVAL,
			    _("Denomination %lld is not one of [shifts] "
			      "denominations"),
			    (long long)c->denomination);
		if (shift_line_amount(
		        c->denomination, c->qty, &c->amount, err) != 0)
			return -1;
	} else {
		if (open)
			return pd_fail(err, PD_EINVAL,
			    _("The opening float is counted in notes and "
			      "coins only"));
		m = config_method(&s->cfg, c->method);
		if (m == NULL)
			return pd_fail(err, PD_EINVAL,
			    _("Payment method \"%s\" is not configured"),
			    c->method);
		if (!svc_shift_in_drawer(s, m->name, m->kind))
			return pd_fail(err, PD_EINVAL,
			    _("%s is not counted at the close: what it takes "
			      "reaches the bank, not the drawer"),
			    m->name);
		if (c->kind == SHIFT_COUNT_SLIP && m->kind != METHOD_CARD)
			return pd_fail(err, PD_EINVAL,
			    _("Slips are counted for a card method; %s is "
			      "not one"),
			    m->name);
		if (c->kind == SHIFT_COUNT_CHEQUE && !m->cheque)
			return pd_fail(err, PD_EINVAL,
			    _("Cheques are listed for a cheque method "
			      "(Name:cheque in [payments] methods); %s is not "
			      "one"),
			    m->name);
		if (c->amount < (c->kind == SHIFT_COUNT_TOTAL ? 0 : 1) ||
		    c->amount > SHIFT_AMOUNT_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("%s: an amount counted must be above zero and at "
			      "most %lld minor units"),
			    m->name, (long long)SHIFT_AMOUNT_MAX);
		/* a cheque listed with no number is one a payment took
		 * with none (a terminal from before a cheque needed its
		 * number): counted by its amount, so its money is
		 * accounted for and deposited (s72 h8 fault 2) */
		if (svc_check_text(_("Reference"), c->ref, SHIFT_REF_BUFSZ - 1,
		        0, err) != 0)
			return -1;
		/* a slip line is one slip or the total of several, as
		 * the close's card step counts them (the count is kept) */
		if (c->kind == SHIFT_COUNT_SLIP &&
		    (c->qty < 0 || c->qty > SHIFT_SLIPS_MAX))
			return pd_fail(err, PD_EINVAL,
			    _("%s: a number of slips is 1 to %d"), m->name,
			    SHIFT_SLIPS_MAX);
		if (c->kind != SHIFT_COUNT_SLIP || c->qty == 0)
			c->qty = 1;
	}
	xstrlcpy(c->method, m->name, sizeof c->method);
	return 0;
}

/* A copy of the count lines, each checked; no denomination or slip
 * twice. The copy is the caller's to free; NULL on error (err says which
 * line). */
struct shift_count *
svc_shift_counts_checked(const struct svc *s, const struct shift_count *in,
    size_t n, int open, struct pd_err *err)
{
	struct shift_count *c = xcalloc(n ? n : 1, sizeof *c);
	size_t i, j;

	for (i = 0; i < n; i++) {
		c[i] = in[i];
		c[i].method[sizeof c[i].method - 1] = '\0';
		c[i].ref[sizeof c[i].ref - 1] = '\0';
		if (check_line(s, &c[i], open, err) != 0)
			goto bad;
		for (j = 0; j < i; j++) {
			if (strcmp(c[j].method, c[i].method) != 0)
				continue;
			/* a total beside the tender's notes, slips or
			 * cheques (or a second one) would be added to them
			 * (review R20): counted twice */
			if ((c[i].kind == SHIFT_COUNT_TOTAL) !=
			        (c[j].kind == SHIFT_COUNT_TOTAL) ||
			    (c[i].kind == SHIFT_COUNT_TOTAL &&
			        c[j].kind == SHIFT_COUNT_TOTAL)) {
				pd_fail(err, PD_EINVAL,
				    _("%s is counted twice: a total (--total) "
				      "is for a method counted no other way, "
				      "once"),
				    c[i].method);
				goto bad;
			}
			if (c[j].kind != c[i].kind)
				continue;
			if (c[i].kind == SHIFT_COUNT_DENOM &&
			    c[j].denomination == c[i].denomination) {
				pd_fail(err, PD_EINVAL,
				    _("Denomination %lld is counted twice"),
				    (long long)c[i].denomination);
				goto bad;
			}
			/* two cheques of one number are two payers' cheque
			 * books (review R20, fault 4): both counted, told
			 * apart by amount, then by the order listed */
			if (c[i].kind == SHIFT_COUNT_SLIP && c[i].ref[0] &&
			    strcmp(c[j].ref, c[i].ref) == 0) {
				pd_fail(err, PD_EINVAL,
				    _("%s \"%s\" is listed twice"), c[i].method,
				    c[i].ref);
				goto bad;
			}
		}
	}
	return c;
bad:
	pd_err_prefix(err, _("Count line %zu: "), i + 1);
	free(c);
	return NULL;
}

/* The total of the lines of one method (NULL: every line). */
int64_t
svc_shift_total(const struct shift_count *c, size_t n, const char *method)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (method == NULL || strcmp(c[i].method, method) == 0)
			t += c[i].amount;
	return t;
}

/* The items (notes and coins, slips, cheques) counted for a method: the
 * quantities of its lines but totals typed without detail. */
int64_t
svc_shift_items(const struct shift_count *c, size_t n, const char *method)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i].kind != SHIFT_COUNT_TOTAL &&
		    strcmp(c[i].method, method) == 0)
			t += c[i].qty;
	return t;
}

/* ---- the tenders of a shift ---- */

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
			if (strcmp(voids[j].method, r->tenders[i].method) == 0) {
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

/* ---- X report ---- */

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
