/* shift_sync.c - cash shifts as sync records (issue 20, point 3): what
 * the central node checks of a terminal's shift_open, shift_movement and
 * shift_close before it applies them (the rules of the terminal's own
 * use cases, shift.c, shift_move.c and shift_close.c: a drawer of the sending
 * terminal, a cashier of its branch, counts that add up, a Z number of its own
 * series, over/short = counted - expected per tender, a sign-off beyond
 * the tolerance), how they are applied (the central node keeps every
 * drawer's shifts in the same tables as a terminal), and the list of an
 * organisation's shifts that paydesk-central shifts prints.
 *
 * Usernames, not full names, name the people of a shift's records (the
 * shift tables keep usernames).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/money.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/numfmt.h"

/* name is an active user of the sending terminal's branch with at least
 * role need; what names the field. */
static int
shift_user(struct svc *s, const struct sync_sender *f, const char *what,
    const char *name, enum role need, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};

	memset(&u, 0, sizeof u);
	/* a user whose row was changed around paydesk is nobody's */
	switch (svc_sync_user_unsealed(s, name, 1, f->branch, err)) {
	case 0:
		break;
	case 1:
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\" is not a user of branch %s"), what, name,
		    f->branch);
	default:
		return -1;
	}
	/* judged by older rules: any version of the users in force from
	 * the last change the terminal had (sync_judge.c) */
	if (f->past) {
		if (store_user_role_since(s->st, name, 1, f->branch,
		        f->rules_since, &u.role, &e) == 0) {
			u.active = 1;
		} else if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
	} else if (store_user_by_name(s->st, name, &u, &e) != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		u.active = 0;
	}
	if (!u.active || (u.branch[0] && strcmp(u.branch, f->branch) != 0))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\" is not a user of branch %s"), what, name,
		    f->branch);
	if (u.role < need)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is a %s; a %s is needed"), what, name,
		    role_noun(u.role), role_noun(need));
	return 0;
}

static int
shift_amount(
    const struct svc *s, const char *what, int64_t v, struct pd_err *err)
{
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];

	/* money as money, as an operator reads it (fault 11: "less than
	 * 5000" in minor units) */
	if (v < 0 || v > SHIFT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is not between %s and %s"), what,
		    money_plain(m1, sizeof m1, v, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, 0, s->cfg.minor_digits),
		    money_plain(
		        m3, sizeof m3, SHIFT_AMOUNT_MAX, s->cfg.minor_digits));
	return 0;
}

/* The record's count lines checked as the terminal's use case checks
 * them (open: the opening float), each amount as sent; their total. */
static int
shift_counts(struct svc *s, const struct syncrec *r, int open, int64_t *total,
    struct pd_err *err)
{
	struct shift_count *c;
	size_t i;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	c = svc_shift_counts_checked(s, r->counts, r->ncounts, open, err);
	if (c == NULL)
		return -1;
	for (i = 0; i < r->ncounts; i++)
		if (c[i].amount != r->counts[i].amount ||
		    c[i].qty != r->counts[i].qty) {
			free(c);
			return pd_fail(err, PD_EINVAL,
			    _("Count line %zu: %s x %lld is not %s"), i + 1,
			    money_plain(m1, sizeof m1,
			        r->counts[i].denomination, s->cfg.minor_digits),
			    (long long)r->counts[i].qty,
			    money_plain(m2, sizeof m2, r->counts[i].amount,
			        s->cfg.minor_digits));
		}
	free(c);
	*total = svc_shift_total(r->counts, r->ncounts, NULL);
	return 0;
}

/* The shift a movement or close names: known, the sender's, open. */
static int
named_shift(struct svc *s, const struct syncrec *r, struct shift *sh,
    struct pd_err *err)
{
	struct pd_err e = {0};

	if (store_shift_find(s->st, r->shift_uuid, sh, &e) != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s is not known here: its opening was not "
		      "received"),
		    r->shift_uuid);
	}
	/* another terminal's shift is closed there by force only (its
	 * checks in check_forced) */
	if (strcmp(sh->terminal, r->terminal) != 0 &&
	    !(r->kind == SR_SHIFT_CLOSE && r->sh.forced_reason[0] != '\0'))
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s is terminal %s's, not %s's"), r->shift_uuid,
		    sh->terminal, r->terminal);
	/* what its own terminal made in it after a supervisor closed it
	 * by force elsewhere is said so (s72 fault d) */
	if (sh->status != SHIFT_OPEN && sh->forced_reason[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s was closed by force at terminal %s on %s by "
		      "%s (\"%s\"): nothing more is recorded in it"),
		    r->shift_uuid, sh->forced_on, sh->closed_at, sh->closed_by,
		    sh->forced_reason);
	if (sh->status != SHIFT_OPEN)
		return pd_fail(err, PD_EINVAL, _("Shift %s is closed already"),
		    r->shift_uuid);
	return 0;
}

/* A close by force (svc_shift_force_close): of an open shift of
 * another terminal, by a supervisor of the sender's branch who
 * signed it off, nothing counted nor kept, every tender short by what
 * it expected with the reason. */
static int
check_forced(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, const struct shift *sh, struct pd_err *err)
{
	size_t i;

	/* (a cashier may move to another branch's terminal: the supervisor
	 * is one of the sending terminal's branch, where the cashier is) */
	if (strcmp(sh->terminal, r->terminal) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s is the sending terminal's own: a close by "
		      "force is of another terminal's shift"),
		    sh->uuid);
	if (strcmp(r->sh.closed_by, r->sh.signed_off_by) != 0 ||
	    shift_user(s, f, _("Closed by"), r->sh.closed_by, ROLE_SUPERVISOR,
	        err) != 0) {
		if (err->code == PD_EINVAL || r->sh.closed_by[0] == '\0' ||
		    strcmp(r->sh.closed_by, r->sh.signed_off_by) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("A close by force is a supervisor's, who signs "
			      "it "
			      "off: %s cannot"),
			    r->sh.closed_by);
		return -1;
	}
	if (r->ncounts != 0 || r->sh.float_kept != 0)
		return pd_fail(err, PD_EINVAL,
		    _("A close by force counts nothing and keeps nothing"));
	for (i = 0; i < r->ntenders; i++)
		if (r->tenders[i].counted != 0 ||
		    strcmp(r->tenders[i].reason, r->sh.forced_reason) != 0 ||
		    strcmp(r->tenders[i].approved_by, r->sh.signed_off_by) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Tender %s of a close by force: nothing counted, "
			      "the close's reason and sign-off"),
			    r->tenders[i].method);
	return 0;
}

static int
check_open(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	struct shift other;
	int64_t total;
	int rc;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	if (strcmp(r->sh.drawer, r->terminal) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Drawer %s is not terminal %s's"), r->sh.drawer,
		    r->terminal);
	if (strcmp(r->sh.opened_at, r->at) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Opened at %s differs from the record's time %s"),
		    r->sh.opened_at, r->at);
	if (shift_user(s, f, _("Cashier"), r->sh.cashier, ROLE_CASHIER, err) !=
	        0 ||
	    shift_amount(s, _("Float expected"), r->sh.float_expected, err) ||
	    shift_amount(s, _("Float counted"), r->sh.float_counted, err) ||
	    shift_counts(s, r, 1, &total, err) != 0)
		return -1;
	if (total != r->sh.float_counted)
		return pd_fail(err, PD_EINVAL,
		    _("The float counted, %s, is not the total of its count "
		      "lines, %s"),
		    money_plain(m1, sizeof m1, r->sh.float_counted,
		        s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, total, s->cfg.minor_digits));
	rc = store_shift_drawer(
	    s->st, r->terminal, r->sh.drawer, 1, &other, err);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return pd_fail(err, PD_EINVAL,
		    _("Drawer %s has shift %s open already"), r->sh.drawer,
		    other.uuid);
	return 0;
}

/* A movement without a sign-off keeps its kind's running total since the
 * last one approved within the approval amount, as at the counter
 * (shift_move_running): the shift's movements here before this one. */
static int
check_running(struct svc *s, const struct syncrec *r, const struct shift *sh,
    struct pd_err *err)
{
	struct shift_movement *mv;
	char a[MONEY_BUFSZ];
	size_t n, i;
	int64_t run;

	if ((mv = store_shift_moves(s->st, sh->id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n && strcmp(mv[i].uuid, r->uuid) != 0; i++)
		;
	run = shift_move_running(mv, i, r->mv.kind, r->mv.amount);
	free(mv);
	if (run > s->cfg.move_approval)
		return pd_fail(err, PD_EINVAL,
		    _("The shift's movements of kind %s since the last one "
		      "approved come to %s with this one, above the approval "
		      "amount, and it has no supervisor's sign-off"),
		    shift_move_kind_name(r->mv.kind),
		    svc_money(s, a, sizeof a, run));
	return 0;
}

static int
check_move(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    const struct shift *sh, struct pd_err *err)
{
	const struct pay_method *cash = svc_shift_cash(s);
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];
	int i;

	if (r->mv.amount <= 0 || r->mv.amount > SHIFT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Amount %s is not between %s and %s"),
		    money_plain(
		        m1, sizeof m1, r->mv.amount, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, 1, s->cfg.minor_digits),
		    money_plain(
		        m3, sizeof m3, SHIFT_AMOUNT_MAX, s->cfg.minor_digits));
	if (cash == NULL || strcmp(cash->name, r->mv.method) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Method %s is not the cash method"), r->mv.method);
	for (i = 0; i < s->cfg.nmove_reasons; i++)
		if (strcmp(s->cfg.move_reasons[i], r->mv.reason) == 0)
			break;
	if (i == s->cfg.nmove_reasons)
		return pd_fail(err, PD_EINVAL,
		    _("Reason \"%s\" is not one of [shifts] movement_reasons"),
		    r->mv.reason);
	if (strcmp(r->mv.at, sh->opened_at) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("The movement at %s is before its shift opened, at %s"),
		    r->mv.at, sh->opened_at);
	if (r->mv.approved_by[0] == '\0') {
		if (r->mv.amount > s->cfg.move_approval)
			return pd_fail(err, PD_EINVAL,
			    _("A movement above the approval amount needs a "
			      "supervisor's sign-off"));
		return check_running(s, r, sh, err);
	}
	return shift_user(
	    s, f, _("Approved by"), r->mv.approved_by, ROLE_SUPERVISOR, err);
}

/* Whether tender t of close r is signed off: by the close's supervisor,
 * with a reason when why. */
static int
signed_off(const struct syncrec *r, const struct shift_tender *t, int why)
{
	return (!why || t->reason[0] != '\0') &&
	       r->sh.signed_off_by[0] != '\0' &&
	       strcmp(t->approved_by, r->sh.signed_off_by) == 0;
}

/* One tender of a close: its figures agree with each other and with the
 * counts; beyond the tolerance, a reason and the sign-off. */
static int
check_tender(struct svc *s, const struct syncrec *r,
    const struct shift_tender *t, struct pd_err *err)
{
	const struct pay_method *m = config_method(&s->cfg, t->method);
	int64_t counted = svc_shift_total(r->counts, r->ncounts, t->method);
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];

	if (m == NULL || !svc_shift_in_drawer(s, m->name, m->kind))
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s is not a method counted in the drawer"),
		    t->method);
	if (shift_amount(s, _("Counted"), t->counted, err) != 0 ||
	    t->expected < -SHIFT_AMOUNT_MAX || t->expected > SHIFT_AMOUNT_MAX ||
	    t->npayments < 0 || t->taken < -SHIFT_AMOUNT_MAX ||
	    t->taken > SHIFT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s: an amount out of bounds"), t->method);
	if (t->over_short != t->counted - t->expected)
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s: over/short %s is not counted %s less "
		      "expected %s"),
		    t->method,
		    money_plain(
		        m1, sizeof m1, t->over_short, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, t->counted, s->cfg.minor_digits),
		    money_plain(
		        m3, sizeof m3, t->expected, s->cfg.minor_digits));
	if (t->counted != counted)
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s: counted %s is not the total of its count "
		      "lines, %s"),
		    t->method,
		    money_plain(m1, sizeof m1, t->counted, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, counted, s->cfg.minor_digits));
	if (shift_beyond(t->over_short, s->cfg.shift_tolerance) &&
	    !signed_off(r, t, 1))
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s is beyond the tolerance without a reason and "
		      "a supervisor's sign-off"),
		    t->method);
	/* cheques listed and taken that differ make a tender beyond
	 * whatever its over or short (shift_close.c, match_cheques) */
	if (t->unmatched[0] != '\0' && !m->cheque)
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s has cheques not matched, but it takes no "
		      "cheques"),
		    t->method);
	if (t->unmatched[0] != '\0' && !signed_off(r, t, 1))
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s has cheques not matched without a reason and "
		      "a supervisor's sign-off"),
		    t->method);
	/* counted again after the first count's over or short was shown
	 * (review R20): the sign-off the terminal asked for */
	if (t->recounted &&
	    shift_amount(s, _("Counted first"), t->first_counted, err) != 0)
		return -1;
	/* a recount of the same amount is a cheque method's alone: its
	 * cheques listed again to other numbers (review s51: that close's
	 * record was refused at the central node, and its terminal's every
	 * later record of the shift with it) */
	if (t->recounted && t->first_counted == t->counted && !m->cheque)
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s: first_counted must be the first count shown, "
		      "other than counted (a count again to the same amount is "
		      "a cheque method's, its cheques listed again)"),
		    t->method);
	if (t->recounted && !signed_off(r, t, 0))
		return pd_fail(err, PD_EINVAL,
		    _("Tender %s was counted again after its over or short was "
		      "shown, without a supervisor's sign-off"),
		    t->method);
	return 0;
}

static int
check_close(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    const struct shift *sh, struct pd_err *err)
{
	const struct pay_method *cash = svc_shift_cash(s);
	struct numfmt_ctx ctx = {NULL, r->terminal, f->branch};
	char day[11], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	int64_t total;
	size_t i, j;

	snprintf(day, sizeof day, "%.10s", r->sh.closed_at);
	ctx.date = day;
	if (numfmt_match(s->cfg.fmt_z_report, &ctx, r->sh.z_no, NULL, err)) {
		pd_err_prefix(err, _("Z number: "));
		return -1;
	}
	/* nor far ahead of the terminal's series (review 18) */
	if (svc_sync_check_ahead(s, f, DOC_SERIES_Z_REPORT, N_("Z number"),
	        s->cfg.fmt_z_report, r->sh.z_no, day, r->sh.closed_at, err))
		return -1;
	if (strcmp(r->sh.closed_at, sh->opened_at) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("The close at %s is before its shift opened, at %s"),
		    r->sh.closed_at, sh->opened_at);
	if (r->sh.forced_reason[0] != '\0' &&
	    check_forced(s, f, r, sh, err) != 0)
		return -1;
	/* its cashier, or a supervisor closing the shift of a cashier who
	 * has gone (shift close --cashier, the Shifts screen's c: review
	 * R20b) */
	if (strcmp(r->sh.closed_by, sh->cashier) != 0 &&
	    shift_user(s, f, _("Closed by"), r->sh.closed_by,
	        ROLE_SUPERVISOR, err) != 0) {
		if (err->code == PD_EINVAL)
			return pd_fail(err, PD_EINVAL,
			    _("Shift %s is %s's: %s cannot close it"),
			    sh->uuid, sh->cashier, r->sh.closed_by);
		return -1;
	}
	if (r->sh.signed_off_by[0] &&
	    shift_user(s, f, _("Signed off by"), r->sh.signed_off_by,
	        ROLE_SUPERVISOR, err) != 0)
		return -1;
	if (shift_counts(s, r, 0, &total, err) != 0)
		return -1;
	for (i = 0; i < r->ntenders; i++)
		if (check_tender(s, r, &r->tenders[i], err) != 0)
			return -1;
	for (i = 0; i < r->ncounts; i++) {
		for (j = 0; j < r->ntenders; j++)
			if (strcmp(r->counts[i].method, r->tenders[j].method) ==
			    0)
				break;
		if (j == r->ntenders)
			return pd_fail(err, PD_EINVAL,
			    _("Count line %zu is of %s, which is no tender of "
			      "the close"),
			    i + 1, r->counts[i].method);
	}
	total = cash ? svc_shift_total(r->counts, r->ncounts, cash->name) : 0;
	if (r->sh.float_kept < 0 || r->sh.float_kept > total)
		return pd_fail(err, PD_EINVAL,
		    _("The float kept, %s, is not between 0 and the cash "
		      "counted, %s"),
		    money_plain(
		        m1, sizeof m1, r->sh.float_kept, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, total, s->cfg.minor_digits));
	return 0;
}

int
svc_sync_check_shift(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct shift sh;

	if (r->kind == SR_SHIFT_OPEN)
		return check_open(s, f, r, err);
	if (named_shift(s, r, &sh, err) != 0)
		return -1;
	return r->kind == SR_SHIFT_MOVE ? check_move(s, f, r, &sh, err)
	                                : check_close(s, f, r, &sh, err);
}

/* ---- apply ---- */

static int
apply_open(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct shift sh = r->sh;
	struct user u;
	size_t i;

	if (store_user_by_name(s->st, r->sh.cashier, &u, err) != 0)
		return -1;
	xstrlcpy(sh.uuid, r->uuid, sizeof sh.uuid);
	xstrlcpy(sh.terminal, r->terminal, sizeof sh.terminal);
	sh.cashier_id = u.id;
	if (store_shift_insert(s->st, &sh, err) != 0)
		return -1;
	for (i = 0; i < r->ncounts; i++)
		if (store_shift_count_insert(
		        s->st, sh.id, "open", &r->counts[i], err) != 0)
			return -1;
	return 0;
}

static int
apply_close(struct svc *s, const struct syncrec *r, struct shift *sh,
    struct pd_err *err)
{
	size_t i;

	xstrlcpy(sh->closed_at, r->sh.closed_at, sizeof sh->closed_at);
	xstrlcpy(sh->z_no, r->sh.z_no, sizeof sh->z_no);
	xstrlcpy(sh->closed_by, r->sh.closed_by, sizeof sh->closed_by);
	xstrlcpy(
	    sh->signed_off_by, r->sh.signed_off_by, sizeof sh->signed_off_by);
	sh->float_kept = r->sh.float_kept;
	sh->flagged = r->sh.flagged; /* -1: none kept, read from its times */
	/* closed by force: the terminal that closed it, the record's */
	xstrlcpy(
	    sh->forced_reason, r->sh.forced_reason, sizeof sh->forced_reason);
	xstrlcpy(sh->forced_on, r->sh.forced_on, sizeof sh->forced_on);
	if (store_shift_close(s->st, sh, err) != 0)
		return -1;
	for (i = 0; i < r->ncounts; i++)
		if (store_shift_count_insert(
		        s->st, sh->id, "close", &r->counts[i], err) != 0)
			return -1;
	for (i = 0; i < r->ntenders; i++)
		if (store_shift_tender_insert(
		        s->st, sh->id, &r->tenders[i], err) != 0)
			return -1;
	return 0;
}

int
svc_apply_shift(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct shift_movement mv;
	struct shift sh;

	if (r->kind == SR_SHIFT_OPEN)
		return apply_open(s, r, err);
	if (store_shift_find(s->st, r->shift_uuid, &sh, err) != 0)
		return -1;
	if (r->kind == SR_SHIFT_CLOSE)
		return apply_close(s, r, &sh, err);
	/* the movement keeps its record's uuid, the same at every node */
	mv = r->mv;
	if (mv.uuid[0] == '\0')
		xstrlcpy(mv.uuid, r->uuid, sizeof mv.uuid);
	return store_shift_move_insert(s->st, sh.id, sh.cashier_id, &mv, err);
}

/* ---- a shift opened before shifts were synced ---- */

int
svc_shift_open_rec(struct svc *s, const struct shift *sh, struct pd_err *err)
{
	struct shift_count *c;
	struct syncrec rec;
	size_t n;
	int found, rc;

	if (store_shift_open_sent(s->st, sh->uuid, &found, err) != 0)
		return -1;
	if (found)
		return 0;
	c = store_shift_counts(s->st, sh->id, "open", &n, err);
	if (c == NULL)
		return -1;
	ledger_rec_head(s, &rec, SR_SHIFT_OPEN, sh->uuid, sh->terminal,
	    s->cfg.branch_id, sh->opened_at);
	rec.sh = *sh;
	rec.sh.status = SHIFT_OPEN;
	rec.counts = c;
	rec.ncounts = n;
	rc = svc_outbox(s, &rec, sh->uuid, err);
	free(c);
	return rc;
}

/* ---- the central node's list ---- */

struct org_arg {
	struct svc *s;
	/* every shift of the organisation, by cashier then opening */
	struct central_shift_overlap *all;
	size_t nall, capall;
	const char *const *terminals; /* NULL: every terminal */
	size_t nterminals;
	central_shift_cb cb;
	void *arg;
	struct pd_err *err;
	int failed;
};

static int
overlap_cmp(const void *a, const void *b)
{
	const struct central_shift_overlap *x = a, *y = b;
	int c = strcmp(x->cashier, y->cashier);

	return c != 0 ? c : strcmp(x->opened_at, y->opened_at);
}

static int
collect_one(const struct shift *sh, void *arg)
{
	struct org_arg *a = arg;
	struct central_shift_overlap *o;

	if (a->nall == a->capall) {
		a->capall = a->capall ? 2 * a->capall : 64;
		a->all = xrealloc(a->all, a->capall, sizeof *a->all);
	}
	o = &a->all[a->nall++];
	xstrlcpy(o->uuid, sh->uuid, sizeof o->uuid);
	xstrlcpy(o->terminal, sh->terminal, sizeof o->terminal);
	xstrlcpy(o->cashier, sh->cashier, sizeof o->cashier);
	xstrlcpy(o->opened_at, sh->opened_at, sizeof o->opened_at);
	xstrlcpy(o->closed_at, sh->closed_at, sizeof o->closed_at);
	return 0;
}

/* Whether [a0, a1) and [b0, b1) meet, "" an end not yet come. */
static int
times_meet(const char *a0, const char *a1, const char *b0, const char *b1)
{
	return (a1[0] == '\0' || strcmp(b0, a1) < 0) &&
	       (b1[0] == '\0' || strcmp(a0, b1) < 0);
}

/* The shifts of sh's cashier at other terminals open at once with it
 * (a->all sorted by cashier, then opening); *n how many; the caller
 * frees. */
static struct central_shift_overlap *
overlaps_of(const struct org_arg *a, const struct shift *sh, size_t *n)
{
	struct central_shift_overlap *out = NULL;
	size_t lo = 0, hi = a->nall, i;

	*n = 0;
	while (lo < hi) { /* the cashier's first */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(a->all[mid].cashier, sh->cashier) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < a->nall && strcmp(a->all[i].cashier, sh->cashier) == 0;
	     i++) {
		const struct central_shift_overlap *o = &a->all[i];

		if (sh->closed_at[0] != '\0' &&
		    strcmp(o->opened_at, sh->closed_at) >= 0)
			break; /* opened after it closed, as are the rest */
		if (strcmp(o->terminal, sh->terminal) == 0 ||
		    !times_meet(sh->opened_at, sh->closed_at, o->opened_at,
		        o->closed_at))
			continue;
		out = xrealloc(out, *n + 1, sizeof *out);
		out[(*n)++] = *o;
	}
	return out;
}

static int
org_one(const struct shift *sh, void *arg)
{
	struct org_arg *a = arg;
	struct central_shift_row row;
	struct shift_tender *t = NULL;
	char now[TS_BUFSZ];
	int64_t over_short = 0;
	size_t i, n = 0;
	int rc;

	for (i = 0; a->terminals != NULL && i < a->nterminals; i++)
		if (strcmp(a->terminals[i], sh->terminal) == 0)
			break;
	if (a->terminals != NULL && i == a->nterminals)
		return 0;
	if (sh->status == SHIFT_CLOSED) {
		t = store_shift_tenders(a->s->st, sh->id, &n, a->err);
		if (t == NULL) {
			a->failed = 1;
			return 1;
		}
		for (i = 0; i < n; i++)
			over_short += t[i].over_short;
	}
	row.sh = sh;
	row.svc = a->s;
	row.overlaps = overlaps_of(a, sh, &row.noverlaps);
	svc_now(now);
	row.flagged = svc_shift_flag(a->s, sh, now);
	row.over_short = over_short;
	row.tenders = t;
	row.ntenders = n;
	svc_money(
	    a->s, row.over_short_text, sizeof row.over_short_text, over_short);
	svc_money(
	    a->s, row.float_text, sizeof row.float_text, sh->float_counted);
	rc = a->cb(&row, a->arg);
	free((void *)row.overlaps);
	free(t);
	return rc;
}

int
svc_central_shifts(struct svc *s, const struct central_shift_filter *f,
    central_shift_cb cb, void *arg, struct pd_err *err)
{
	struct shift_query q = {0};
	struct shift_query every = {0};
	struct org_arg a = {
	    s, NULL, 0, 0, f->terminals, f->nterminals, cb, arg, err, 0};
	int32_t d;
	int rc;

	if ((f->from && date_parse(f->from, "--from", &d, err) != 0) ||
	    (f->to && date_parse(f->to, "--to", &d, err) != 0)) {
		err->code = PD_EUSAGE;
		return -1;
	}
	q.from = f->from;
	q.to = f->to;
	/* every shift first, whatever the filter: the other of two open at
	 * once may be outside it (another branch's, another day's) */
	if (store_shift_each(s->st, &every, collect_one, &a, err) != 0) {
		free(a.all);
		return -1;
	}
	if (a.nall > 1)
		qsort(a.all, a.nall, sizeof *a.all, overlap_cmp);
	rc = store_shift_each(s->st, &q, org_one, &a, err) != 0 || a.failed ? -1
	                                                                    : 0;
	free(a.all);
	return rc;
}
