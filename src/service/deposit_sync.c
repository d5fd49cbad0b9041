/* deposit_sync.c - a bank deposit as a sync record (issue 20): what the
 * central node checks of a terminal's deposit before it applies it (the
 * rules of svc_deposit_create and svc_deposit_void: a supervisor of the
 * sending terminal's branch, closed shifts it knows, amounts within what
 * each shift's tender has left to deposit, a slip number not in use),
 * how it is applied (the central node keeps every deposit in the same
 * tables as a terminal), and the list paydesk-central deposits prints.
 * Deposits are fed to the other terminals (recon_feed.c). At a terminal,
 * a deposit the central node refused is undone (voided by
 * MATCH_REFUSED_BY, never sent again), so that the deposit it kept, its
 * slip number among them, is pulled and applied (review R20, fault 2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/say.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

/* name is an active supervisor (or above) of the sender's branch; what
 * names what needs one, in the message ("a deposit"). Deposits and bank
 * statements (stmt_sync.c) are a supervisor's at the central node. */
int
svc_sync_supervisor(struct svc *s, const struct sync_sender *f,
    const char *name, const char *what, int64_t *id, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};
	int rc = svc_sync_user_unsealed(s, name, 1, f->branch, err);

	if (rc < 0)
		return -1;
	if (store_user_by_name(s->st, name, &u, &e) != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		u.active = 0;
	}
	/* (a user whose row was changed around paydesk: nobody's) */
	if (rc == 1 || !u.active || (u.branch[0] && strcmp(u.branch, f->branch) != 0))
		return pd_fail(err, PD_EINVAL,
		    _("By \"%s\" is not a user of branch %s"), name, f->branch);
	if (u.role < ROLE_SUPERVISOR)
		return pd_fail(err, PD_EINVAL,
		    _("By %s is a %s; %s needs a supervisor"), name,
		    role_name(u.role), what);
	if (id != NULL)
		*id = u.id;
	return 0;
}

/* Line i: a closed shift known here, a tender of it that is deposited,
 * an amount within what it has left (the record's earlier lines
 * counted). */
static int
check_line(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, size_t i, struct pd_err *err)
{
	const struct deposit_line *l = &r->dlines[i];
	const struct pay_method *m = config_method(&s->cfg, l->method);
	const struct pay_method *cash = svc_shift_cash(s);
	struct shift_tender *t;
	struct shift sh;
	int64_t done, avail = -1, dropped;
	size_t n, j;
	char of[17], slip[DEPOSIT_SLIP_BUFSZ], term[17];
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];
	int rc;

	if (l->amount <= 0 || l->amount > SHIFT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: amount %s is not between %s and %s"),
		    i + 1,
		    money_plain(m1, sizeof m1, l->amount, s->cfg.minor_digits),
		    money_plain(m3, sizeof m3, 1, s->cfg.minor_digits),
		    money_plain(
		        m2, sizeof m2, SHIFT_AMOUNT_MAX, s->cfg.minor_digits));
	if (m == NULL ||
	    !(m->kind == METHOD_CASH || (m->kind == METHOD_BANK && m->cheque)))
		return pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: %s is not deposited: only cash and "
		      "cheques are"),
		    i + 1, l->method);
	if (strlen(l->shift_uuid) != 36 ||
	    store_shift_find(s->st, l->shift_uuid, &sh, err) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: shift %s is not known here"), i + 1,
		    l->shift_uuid);
	if (sh.status != SHIFT_CLOSED)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: shift %s is not closed here"), i + 1,
		    sh.uuid);
	/* the sender's, or another terminal's of its branch (the branch's
	 * one bag: review R20b, fault 10) */
	if ((rc = svc_shift_of_branch(s, &sh, r->terminal, f->branch, of,
	         err)) < 0)
		return -1;
	if (rc == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: shift %s is terminal %s's, not of "
		      "branch %s"),
		    i + 1, sh.z_no, sh.terminal, f->branch);
	t = store_shift_tenders(s->st, sh.id, &n, err);
	if (t == NULL)
		return -1;
	for (j = 0; j < n; j++)
		if (strcmp(t[j].method, l->method) == 0)
			avail = t[j].counted -
			        (cash && strcmp(cash->name, l->method) == 0
			                ? sh.float_kept
			                : 0);
	free(t);
	/* plus the cash the shift's safe drops took to the safe (R20), less
	 * what its pay-ins brought back from it (R20c), as deposit_left.c's
	 * svc_dep_available() */
	if (avail >= 0 && cash && strcmp(cash->name, l->method) == 0) {
		if (svc_shift_safe_net(s, sh.id, &dropped, err) != 0)
			return -1;
		avail += dropped;
		if (avail < 0)
			avail = 0;
	}
	if (store_deposit_done(s->st, sh.id, l->method, &done, err) != 0)
		return -1;
	for (j = 0; j < i; j++)
		if (strcmp(r->dlines[j].shift_uuid, l->shift_uuid) == 0 &&
		    strcmp(r->dlines[j].method, l->method) == 0)
			return pd_fail(err, PD_EINVAL,
			    _("Deposit line %zu: shift %s's %s is named twice"),
			    i + 1, sh.z_no, l->method);
	/* a shift deposited by another terminal of the branch first, both
	 * offline (fault 12): the bag that has it named, not a bare sum */
	if (l->amount > avail - done && done > 0 &&
	    store_deposit_holding(s->st, sh.id, l->method, slip, term, err) ==
	        0 &&
	    slip[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: shift %s's %s is in deposit %s of "
		      "terminal %s already, which reached the central node "
		      "first (%s of it left to deposit, less than %s)"),
		    i + 1, sh.z_no, l->method, slip, term,
		    money_plain(m1, sizeof m1, avail > done ? avail - done : 0,
		        s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, l->amount, s->cfg.minor_digits));
	if (l->amount > avail - done)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: shift %s has %s of %s left to "
		      "deposit, less than %s"),
		    i + 1, sh.z_no,
		    money_plain(m1, sizeof m1, avail > done ? avail - done : 0,
		        s->cfg.minor_digits),
		    l->method,
		    money_plain(m2, sizeof m2, l->amount, s->cfg.minor_digits));
	return 0;
}

static int
check_create(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct deposit used;
	struct deposit_cheque *chq;
	int64_t total = 0;
	int32_t day;
	size_t i, nchq;
	int rc;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	if (deposit_word_check(_("Slip number"), r->dep.slip_no,
	        DEPOSIT_SLIP_BUFSZ, err) != 0 ||
	    deposit_word_check(_("Account"), r->dep.account,
	        DEPOSIT_ACCOUNT_BUFSZ, err) != 0 ||
	    date_parse(r->dep.deposited_on, "deposited_on", &day, err) != 0 ||
	    svc_sync_supervisor(s, f, r->by, _("a deposit"), NULL, err) != 0) {
		err->code = PD_EINVAL;
		return -1;
	}
	if (strncmp(r->dep.deposited_on, r->at, 10) > 0)
		return pd_fail(err, PD_EINVAL,
		    _("The deposit's day %s is after the record's time %s"),
		    r->dep.deposited_on, r->at);
	/* its cheques by number (issue 20), or an older terminal's line
	 * of all a shift's cheques left; first, so that a cheque deposited
	 * already is named as such */
	if (svc_dep_check_cheques(s, r, &chq, &nchq, err) != 0)
		return -1;
	free(chq);
	for (i = 0; i < r->ndlines; i++) {
		if (check_line(s, f, r, i, err) != 0)
			return -1;
		total += r->dlines[i].amount;
	}
	if (total != r->dep.amount)
		return pd_fail(err, PD_EINVAL,
		    _("The deposit's amount, %s, is not the total of its "
		      "lines, %s"),
		    money_plain(
		        m1, sizeof m1, r->dep.amount, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, total, s->cfg.minor_digits));
	rc = store_deposit_slip_used(s->st, r->dep.slip_no, &used, err);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return pd_fail(err, PD_EINVAL,
		    _("Slip %s is deposit %s's already (slip %s, %s, %s, "
		      "terminal %s, by %s): a bank takes a slip or bag number "
		      "once; make this deposit again with the bag's own "
		      "number"),
		    r->dep.slip_no, used.uuid, used.slip_no, used.account,
		    used.deposited_on, used.terminal, used.created_by);
	return 0;
}

static int
check_void(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct deposit d;
	struct pd_err e = {0};

	if (svc_sync_supervisor(s, f, r->by, _("a deposit"), NULL, err) != 0 ||
	    svc_check_text(_("Reason"), r->reason, DEPOSIT_NOTE_BUFSZ - 1, 1,
	        err) != 0)
		return -1;
	if (store_deposit_find(s->st, r->dep.uuid, &d, &e) != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		/* the void of a deposit this node refused (its slip in use):
		 * what the operator does to set it right, nothing to undo */
		if (store_sync_log_has(
		        s->st, r->terminal, r->dep.uuid, "9999-12-31"))
			return 0;
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is not known here"), r->dep.uuid);
	}
	if (strcmp(d.uuid, r->dep.uuid) != 0 ||
	    strcmp(d.terminal, r->terminal) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is terminal %s's, not %s's"), r->dep.uuid,
		    d.terminal, r->terminal);
	if (d.voided_at[0])
		return pd_fail(err, PD_EINVAL, _("Deposit %s is void already"),
		    d.slip_no);
	return 0;
}

/* A deposit handed to the bank: a supervisor of the sender's branch, a
 * deposit this node has of the sending terminal, not void, not handed
 * yet (its one hand; the record's uuid is the hand's, applied once). */
static int
check_hand(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	struct deposit d;
	struct pd_err e = {0};

	if (svc_sync_supervisor(s, f, r->by, _("a deposit"), NULL, err) != 0)
		return -1;
	if (store_deposit_find(s->st, r->dep.uuid, &d, &e) != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s (slip %s) is not known here: it cannot be "
		      "handed to the bank"),
		    r->dep.uuid, r->dep.slip_no);
	}
	if (strcmp(d.uuid, r->dep.uuid) != 0 ||
	    strcmp(d.terminal, r->terminal) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is terminal %s's, not %s's"), r->dep.uuid,
		    d.terminal, r->terminal);
	if (d.voided_at[0])
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is void here (%s, by %s): a void deposit is "
		      "not handed to the bank"),
		    d.slip_no, d.voided_at, d.voided_by);
	if (d.handed_at[0])
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s was handed to the bank already (%s, by %s)"),
		    d.slip_no, d.handed_at, d.handed_by);
	if (strcmp(r->at, d.created_at) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s was handed at %s, before it was made (%s)"),
		    d.slip_no, r->at, d.created_at);
	return 0;
}

int
svc_sync_check_deposit(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	if (strcmp(r->op, "create") == 0)
		return check_create(s, f, r, err);
	if (strcmp(r->op, "hand") == 0)
		return check_hand(s, f, r, err);
	return check_void(s, f, r, err);
}

/* Deposit d (found here) handed as record r says, unless it is already
 * (a pull of this terminal's own hand, fed back). */
int
svc_deposit_hand_apply(struct svc *s, const struct deposit *d,
    const struct syncrec *r, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};

	if (d->handed_at[0])
		return 0;
	if (store_user_by_name(s->st, r->by, &u, &e) != 0)
		u.id = 0;
	return store_deposit_hand(s->st, d->id, r->at, r->by, u.id, err);
}

int
svc_apply_deposit(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct deposit d = r->dep;
	struct deposit_cheque *chq;
	struct shift sh;
	struct user u;
	size_t i, nchq;
	int rc;

	if (strcmp(r->op, "void") == 0 || strcmp(r->op, "hand") == 0) {
		struct pd_err e = {0};

		if (store_deposit_find(s->st, r->dep.uuid, &d, &e) != 0) {
			if (e.code == PD_ENOTFOUND)
				return 0; /* refused here: check_void */
			*err = e;
			return -1;
		}
		if (strcmp(r->op, "hand") == 0)
			return svc_deposit_hand_apply(s, &d, r, err);
		return store_deposit_void(
		    s->st, d.id, r->at, r->by, r->reason, err);
	}
	if (store_user_by_name(s->st, r->by, &u, err) != 0)
		return -1;
	xstrlcpy(d.uuid, r->uuid, sizeof d.uuid);
	xstrlcpy(d.created_at, r->at, sizeof d.created_at);
	xstrlcpy(d.created_by, r->by, sizeof d.created_by);
	xstrlcpy(d.terminal, r->terminal, sizeof d.terminal);
	if (store_deposit_insert(s->st, &d, u.id, err) != 0)
		return -1;
	for (i = 0; i < r->ndlines; i++)
		if (store_shift_find(
		        s->st, r->dlines[i].shift_uuid, &sh, err) != 0 ||
		    store_deposit_line_insert(s->st, d.id, sh.id,
		        r->dlines[i].method, r->dlines[i].amount, err) != 0)
			return -1;
	/* its cheques, as check_create found them: by number, or an older
	 * terminal's cheque line's all its shift's left */
	if (svc_dep_check_cheques(s, r, &chq, &nchq, err) != 0)
		return -1;
	rc = svc_dep_cheques_write(s, d.id, chq, nchq, err);
	free(chq);
	return rc;
}

int
svc_central_collections(struct svc *s, const char *from, const char *to,
    split_cb cb, void *arg, struct pd_err *err)
{
	struct payment_filter f;
	struct split_row r = {NULL, 0, 0, 0};
	int i;

	memset(&f, 0, sizeof f);
	f.status = -1;
	f.type = -1;
	f.from = from;
	f.to = to;
	if (store_split(s->st, &f, SPLIT_METHOD, cb, arg, err) != 0)
		return -1;
	/* the configured methods, at zero (what a --method may name; a
	 * zero row adds nothing to a sum) */
	for (i = 0; i < s->cfg.nmethods; i++) {
		r.key = s->cfg.methods[i].name;
		if (cb(&r, arg) != 0)
			return -1;
	}
	return 0;
}

struct deposit *
svc_central_deposits(struct svc *s, size_t *n, struct pd_err *err)
{
	return store_deposit_list(s->st, NULL, n, err);
}

struct deposit_cheque *
svc_central_deposit_cheques(
    struct svc *s, int64_t deposit_id, size_t *n, struct pd_err *err)
{
	return store_deposit_cheques(s->st, deposit_id, n, err);
}

/* ---- at the terminal: a deposit the central node refused ---- */

/* This terminal's deposit d undone here for reason (review R20, fault 2):
 * its active match too (the central node has neither), then the deposit
 * voided by MATCH_REFUSED_BY, its cash and cheques free to deposit again
 * and its slip number free for the deposit the central node kept. No
 * void is queued: the central node never had it. */
static int
undo_deposit(struct svc *s, const struct deposit *d, const char *reason,
    const char *at, struct pd_err *err)
{
	char why[DEPOSIT_NOTE_BUFSZ];
	size_t n;

	say_render_en(why, sizeof why, reason);
	n = strlen(why);
	while (n > 0 && !utf8_valid(why, n))
		why[--n] = '\0';
	if (n == 0)
		xstrlcpy(why, "refused by the central node", sizeof why);
	if (d->line_id != 0 &&
	    store_match_undo(s->st, d->id, at, MATCH_REFUSED_BY, why, err) != 0)
		return -1;
	return store_deposit_void(s->st, d->id, at, MATCH_REFUSED_BY, why, err);
}

/* This terminal's live deposit of create record payload, or 0. */
static int
refused_deposit(struct svc *s, const char *payload, struct deposit *d,
    struct pd_err *err)
{
	struct syncrec r;
	struct pd_err e = {0};
	int rc = 0;

	if (payload == NULL ||
	    syncrec_decode(payload, strlen(payload), &r, &e) != 0)
		return 0;
	if (r.kind == SR_DEPOSIT && strcmp(r.op, "create") == 0) {
		if (store_deposit_find(s->st, r.uuid, d, &e) == 0)
			rc = strcmp(d->uuid, r.uuid) == 0;
		else if (e.code == PD_ESTORE) {
			*err = e;
			rc = -1;
		}
	}
	syncrec_free(&r);
	return rc;
}

int
svc_deposit_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err)
{
	struct deposit d;
	int rc = refused_deposit(s, payload, &d, err);

	if (rc <= 0 || d.voided_at[0])
		return rc < 0 ? -1 : 0;
	return undo_deposit(s, &d, reason, at, err) == 0 ? 1 : -1;
}

int
svc_deposit_was_refused(struct svc *s, const char *payload, struct pd_err *err)
{
	struct deposit d;
	int rc = refused_deposit(s, payload, &d, err);

	if (rc <= 0)
		return rc;
	return d.voided_at[0] && strcmp(d.voided_by, MATCH_REFUSED_BY) == 0;
}

int
svc_deposit_pull_slip(
    struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct deposit used;
	char why[sizeof((struct outbox_rec *)0)->reason], at[TS_BUFSZ];
	int refused, rc = store_deposit_pull_clash(
	                  s->st, r->dep.slip_no, &used, &refused, err);

	if (rc <= 0 || strcmp(used.uuid, r->uuid) == 0)
		return rc < 0 ? -1 : 0;
	/* this terminal's, refused by the central node (in a round before
	 * refused deposits were undone as the refusal is heard) */
	if (refused) {
		if (store_outbox_rejected(
		        s->st, used.uuid, why, sizeof why, err) < 0)
			return -1;
		svc_now(at);
		return undo_deposit(s, &used, why, at, err);
	}
	return pd_fail(err, PD_EINVAL,
	    _("Deposit %s (slip %s, terminal %s, by %s) has the slip number "
	      "of deposit %s here (terminal %s, by %s, %s), which the central "
	      "node has not refused: a bank takes a slip or bag number once"),
	    r->uuid, r->dep.slip_no, r->terminal, r->by, used.uuid,
	    used.terminal, used.created_by, used.created_at);
}
