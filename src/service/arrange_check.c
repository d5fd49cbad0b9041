/* arrange_check.c - the central node's check of a pushed arrangement event
 * (issue 21): its maker's role and branch, a create's moves and schedule
 * to the cent, and a reschedule's or a cancel's moves against what the
 * plan holds here; a change that another change reached this node before
 * is refused. The record itself and its apply: arrange_sync.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"
#include "sync_check_int.h"

/* by is a user of the branch with the recovery role at least. */
static int
check_maker(
    struct svc *s, const char *branch, const char *by, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};
	int rc = svc_sync_user_unsealed(s, by, 1, branch, err);

	if (rc < 0)
		return -1;
	/* (a user whose row was changed around paydesk: nobody's) */
	if (rc == 1 || store_user_by_name(s->st, by, &u, &e) != 0 ||
	    (u.branch[0] != '\0' && strcmp(u.branch, branch) != 0)) {
		if (e.code != 0 && e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("By \"%s\" is not a user of branch %s"), by, branch);
	}
	if (u.role < ROLE_RECOVERY)
		return pd_fail(err, PD_EINVAL,
		    _("By %s is a %s; an arrangement needs a %s"), by,
		    role_noun(u.role), role_noun(ROLE_RECOVERY));
	return 0;
}

/* The moves of a create: each takes at most what its item of the
 * consumer has open, and they add up to the debt. */
static int
check_create_moves(struct svc *s, const struct syncrec *r, int64_t consumer,
    struct pd_err *err)
{
	struct item it;
	struct arrangement a;
	int64_t sum = 0, id, moved, ev, arr;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	size_t i;

	for (i = 0; i < r->nmoves; i++) {
		const struct arr_move *m = &r->moves[i];

		if (store_id_of(s->st, TBL_ITEMS, m->item_uuid, &id, err) != 0)
			return -1;
		if (id == 0 || store_item_by_id(s->st, id, &it, err) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Move %zu: item %s is not known"), i + 1,
			    m->item_ref);
		/* what was paid of it meanwhile (a payment from another
		 * terminal, applied first) cuts the move when it is applied:
		 * no more than the item's amount is all its maker could
		 * have seen open */
		if (it.consumer_id != consumer || m->amount <= 0 ||
		    m->amount > it.amount)
			return pd_fail(err, PD_EINVAL,
			    _("Move %zu: item %s is another consumer's, or "
			      "owes less than %s in all"),
			    i + 1, m->item_ref, sck_amount(s, m1, m->amount));
		/* another terminal's plan of it came first (review of issue
		 * 21, fault 1: both were applied, the debt moved twice) */
		if (store_arr_item_moved(s->st, id, &moved, &ev, &arr, err) !=
		    0)
			return -1;
		if (moved > 0 && arr != 0 &&
		    store_arr_by_id(s->st, arr, &a, err) != 0)
			return -1;
		if (moved > 0 && arr != 0 && !a.cancelled)
			/* who made it and when, as a change's refusal says
			 * (refuse_later; helper-242, fault 6: the terminal
			 * alone) */
			return pd_fail(err, PD_EINVAL,
			    _("Item %s is under arrangement %s already, made "
			      "first at terminal %s (by %s, %s)"),
			    m->item_ref, a.plan_no, a.terminal, a.created_by,
			    a.created_at);
		sum += m->amount;
	}
	if (sum != r->arr.debt || r->nmoves == 0)
		return pd_fail(err, PD_EINVAL,
		    _("The moves add up to %s; the debt is %s"),
		    sck_amount(s, m1, sum), sck_amount(s, m2, r->arr.debt));
	return 0;
}

/* The installments are the schedule of the terms to the cent, numbered
 * from first (1 for a create; a reschedule numbers on after the plan's
 * last), each entered into the organisation's books the day it was made
 * (write_lines: the day of the record; none from a terminal of before
 * entry days, review R23b). */
static int
check_schedule(struct svc *s, const struct syncrec *r, int64_t debt,
    int64_t down, int first, struct pd_err *err)
{
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	struct arr_terms t = {debt, down, r->arr.n, r->arr.freq, 0, 0};
	struct arr_line l[ARR_INST_MAX + 1];
	char due[11] = "";
	int n, k;

	char day[11];

	/* made today: the day of the record */
	snprintf(day, sizeof day, "%.10s", r->at);
	if (date_parse(day, _("Record time"), &t.today, err) != 0 ||
	    date_parse(r->arr.first_due, "first_due", &t.first_due, err) != 0)
		return -1;
	if (arr_schedule(&t, NULL, l, &n, err) != 0)
		return -1;
	if ((size_t)n != r->ninsts)
		return pd_fail(err, PD_EINVAL,
		    _("%zu installments; the terms make %d"), r->ninsts, n);
	for (k = 0; k < n; k++) {
		char ref[sizeof r->insts[k].ref];

		if (date_format(due, l[k].due) == NULL ||
		    r->insts[k].amount != l[k].amount ||
		    r->insts[k].inst_no != first + k ||
		    strcmp(r->insts[k].due_on, due) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("The record's installment %s is %s due %s; the "
			      "terms make %s#%d %s due %s"),
			    r->insts[k].ref,
			    sck_amount(s, m1, r->insts[k].amount),
			    r->insts[k].due_on, r->arr.plan_no, first + k,
			    sck_amount(s, m2, l[k].amount), due);
		/* named as write_lines names it: another reference could be
		 * a bill's to come, which its import could then not take */
		snprintf(ref, sizeof ref, "%s#%d", r->arr.plan_no, first + k);
		if (strcmp(r->insts[k].ref, ref) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("The record's installment %s is the terms' %s: "
			      "an "
			      "installment of arrangement %s is referenced so"),
			    r->insts[k].ref, ref, r->arr.plan_no);
		if (r->insts[k].entered_on[0] != '\0' &&
		    strcmp(r->insts[k].entered_on, day) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Installment %s was entered on %s; an "
			      "installment is entered on the day its change "
			      "was made (%s)"),
			    r->insts[k].ref, r->insts[k].entered_on, day);
	}
	return 0;
}

/* What the arrangement a holds of item id (its cancel gives back no
 * more). */
static int
held_of(struct svc *s, const struct arrangement *a, int64_t id, int64_t *held,
    struct pd_err *err)
{
	struct arr_hold *h;
	size_t n, i;

	*held = 0;
	if ((h = store_arr_holds(s->st, a->id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (h[i].item_id == id)
			*held += h[i].held;
	free(h);
	return 0;
}

/* A change of arrangement a that another change reached this node
 * before (event ev, a reschedule or the cancel): refused, in words
 * (review R21b, fault 1: a second reschedule was refused with a raw
 * "UNIQUE constraint failed: items.plan_id, items.inst_no", and a cancel
 * after a reschedule was applied over it). The first change to reach the
 * central node wins; its maker's terminal undoes the later one
 * (arrange_undo.c) and pulls the plan the central node kept. */
static int
refuse_later(struct svc *s, const struct syncrec *r,
    const struct arrangement *a, int64_t ev, struct pd_err *err)
{
	struct arr_event_row e;
	const char *msg;
	int rc, cancel = strcmp(r->op, "cancel") == 0;

	if ((rc = store_arr_event_read(s->st, ev, NULL, &e, err)) != 0)
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESTORE,
		                    "No arrangement event %lld", (long long)ev);
	if (strcmp(e.kind, "cancel") == 0 && cancel)
		msg =
		    N_("Arrangement %s was cancelled first at terminal %s (by "
		       "%s, %s); this cancel came later and is not taken: the "
		       "plan stays cancelled, its debt back on the items");
	else if (strcmp(e.kind, "cancel") == 0)
		msg =
		    N_("Arrangement %s was cancelled first at terminal %s (by "
		       "%s, %s); this reschedule came later and is not taken: "
		       "make a new arrangement of the debt if the consumer "
		       "still wants one");
	else if (cancel)
		msg =
		    N_("Arrangement %s was rescheduled first at terminal %s "
		       "(by %s, %s); this cancel came later and is not taken: "
		       "look at the plan as the central node has it and cancel "
		       "it again if it is still wanted");
	else
		msg =
		    N_("Arrangement %s was rescheduled first at terminal %s "
		       "(by %s, %s); this reschedule came later and is not "
		       "taken: look at the plan as the central node has it and "
		       "reschedule it again if it is still wanted");
	return pd_fail(
	    err, PD_EINVAL, _(msg), a->plan_no, e.terminal, e.by, e.at);
}

/* The moves of a reschedule or a cancel (arrange.c's reschedule_in_tx,
 * cancel_in_tx): each closes what is open of one of the arrangement's
 * own installments (a positive move of at most its amount) or, a
 * cancel's only, gives back to an item of the consumer what the
 * arrangement holds of it (a negative one); a cancel gives back no more
 * than it closed and makes no installments, and a reschedule's
 * installments are the schedule of its terms over what it closed,
 * numbered on after the plan's last (review of issue 18: a reschedule
 * of two installments of 500,000.00 each was applied at the central
 * node, a debt the consumer never had). */
static int
check_change(struct svc *s, const struct syncrec *r,
    const struct arrangement *a, struct pd_err *err)
{
	int cancel = strcmp(r->op, "cancel") == 0;
	int64_t closed = 0, given = 0, id, held, ev;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	struct item it;
	size_t i;

	for (i = 0; i < r->nmoves; i++) {
		const struct arr_move *m = &r->moves[i];
		int own;

		if (store_id_of(s->st, TBL_ITEMS, m->item_uuid, &id, err) != 0)
			return -1;
		if (id == 0 || store_item_by_id(s->st, id, &it, err) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Move %zu: item %s is not known"), i + 1,
			    m->item_ref);
		own = it.kind == PAY_INSTALLMENT &&
		      strcmp(it.plan_no, a->plan_no) == 0;
		if (own && m->amount > 0 && m->amount <= it.amount) {
			/* closed already by another change (a payment's
			 * part is absorbed, apply_moves) */
			if (store_arr_item_closer(s->st, id, &ev, err) != 0)
				return -1;
			if (ev != 0)
				return refuse_later(s, r, a, ev, err);
			closed += m->amount;
			continue;
		}
		if (!cancel || own || m->amount >= 0 ||
		    it.consumer_id != a->consumer_id)
			return pd_fail(err, PD_EINVAL,
			    _("Move %zu (%s): item %s is not an open "
			      "installment of arrangement %s, nor an item a "
			      "cancel of it gives back to"),
			    i + 1, sck_amount(s, m1, m->amount), m->item_ref,
			    a->plan_no);
		if (held_of(s, a, id, &held, err) != 0)
			return -1;
		if (-m->amount > held)
			return pd_fail(err, PD_EINVAL,
			    _("Move %zu of the cancel gives %s back to item "
			      "%s; arrangement %s holds %s of it"),
			    i + 1, sck_amount(s, m1, -m->amount), m->item_ref,
			    a->plan_no, sck_amount(s, m2, held));
		given -= m->amount;
	}
	if (closed == 0)
		return pd_fail(err, PD_EINVAL,
		    _("The change closes none of arrangement %s's "
		      "installments"),
		    a->plan_no);
	if (cancel) {
		if (r->ninsts != 0 || given > closed)
			return pd_fail(err, PD_EINVAL,
			    _("A cancel gives back at most what it closed "
			      "(%s, not %s) and makes no installments"),
			    sck_amount(s, m1, closed),
			    sck_amount(s, m2, given));
		return 0;
	}
	return check_schedule(
	    s, r, closed, 0, r->ninsts > 0 ? (int)r->insts[0].inst_no : 1, err);
}

int
svc_arr_check_push(struct svc *s, const char *branch, const struct syncrec *r,
    struct pd_err *err)
{
	struct arrangement a;
	struct numfmt_ctx ctx = {NULL, r->terminal, branch};
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], m4[MONEY_BUFSZ];
	int64_t cid;
	struct pd_err e2;

	if (check_maker(s, branch, r->by, err) != 0)
		return -1;
	if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid, &cid, err) != 0)
		return -1;
	if (cid == 0)
		return pd_fail(err, PD_EINVAL, _("Consumer %s is not known"),
		    r->consumer_uuid);
	if (strcmp(r->op, "create") == 0) {
		if (numfmt_match(SVC_ARR_NUMBER_FMT, &ctx, r->arr.plan_no, NULL,
		        NULL) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Arrangement %s is not of terminal %s's series"),
			    r->arr.plan_no, r->terminal);
		if (store_arr_find(s->st, r->arr.plan_no, &a, &e2) == 0)
			return pd_fail(err, PD_EINVAL,
			    _("Arrangement %s exists already"), r->arr.plan_no);
		return check_create_moves(s, r, cid, err) != 0 ||
		               check_schedule(
		                   s, r, r->arr.debt, r->arr.down, 1, err) != 0
		           ? -1
		           : 0;
	}
	if (strcmp(r->op, "reschedule") != 0 && strcmp(r->op, "cancel") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Op \"%s\": create, reschedule or cancel"), r->op);
	if (store_arr_find(s->st, r->arr.plan_no, &a, err) != 0)
		return -1;
	if (strcmp(a.uuid, r->arr.uuid) != 0 || a.consumer_id != cid)
		return pd_fail(err, PD_EINVAL,
		    _("Arrangement %s is another one, or another consumer's"),
		    r->arr.plan_no);
	if (a.cancelled) {
		int64_t ev;

		if (store_arr_cancel_event(s->st, a.id, &ev, err) != 0)
			return -1;
		if (ev != 0)
			return refuse_later(s, r, &a, ev, err);
		return pd_fail(err, PD_EINVAL, _("Arrangement %s is cancelled"),
		    r->arr.plan_no);
	}
	/* a change keeps the plan's debt, down payment and grace days (every
	 * installment is judged by them); a reschedule may set the misses
	 * its schedule allows (helper-248, fault 4), a cancel's are not
	 * taken (arrange_sync.c) */
	if (r->arr.debt != a.debt || r->arr.down != a.down ||
	    r->arr.grace_days != a.grace_days)
		return pd_fail(err, PD_EINVAL,
		    _("Arrangement %s: a change keeps its debt %s, down "
		      "payment %s and grace days %d (not %s, %s, %d)"),
		    a.plan_no, sck_amount(s, m1, a.debt),
		    sck_amount(s, m2, a.down), a.grace_days,
		    sck_amount(s, m3, r->arr.debt),
		    sck_amount(s, m4, r->arr.down), r->arr.grace_days);
	if (r->arr.misses_allowed < 0 || r->arr.misses_allowed > ARR_MISSES_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Misses allowed %d: give 0 to %d"), r->arr.misses_allowed,
		    ARR_MISSES_MAX);
	return check_change(s, r, &a, err);
}
