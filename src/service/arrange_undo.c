/* arrange_undo.c - a change of a payment arrangement that the central
 * node refused, undone at the terminal that made it (review of issue 21,
 * faults 1 and 2: two terminals arranged one debt offline, each keeping
 * its own plan and the other's as a husk nobody paid; T02 rescheduled a plan that T03 cancelled and synced first;
 * the central node refused the reschedule, but T02 kept it: a Cancelled
 * plan with 340.00 of open installments, its items settled where every
 * other node had them open again).
 *
 * The event's rows are append-only, as every ledger row: the undo adds
 * moves of the refused event itself that take back what it did. Its own
 * installments are closed (replaced: nothing is left to pay of them) and
 * what it closed of the plan's installments is opened again, so the plan
 * is as the central node has it and the event pulled next (the cancel
 * that won) applies to what its maker saw. The terms go back to those of
 * the event before it. As a refused statement match (stmt_check.c), it
 * queues nothing: the central node never had it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Net of event moves m (n) on item uuid. */
static int64_t
net_of(const struct arr_move *m, size_t n, const char *uuid)
{
	int64_t net = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(m[i].item_uuid, uuid) == 0)
			net += m[i].amount;
	return net;
}

/* Whether item uuid is one of installments in (n). */
static int
is_inst(const struct item *in, size_t n, const char *uuid)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(in[i].uuid, uuid) == 0)
			return 1;
	return 0;
}

/* The terms of a back to those the event before ev left (its outbox
 * record, when this terminal made it), one reschedule less. */
static int
terms_back(struct svc *s, struct arrangement *a, int64_t ev, int64_t *later,
    struct pd_err *err)
{
	struct syncrec p;
	struct pd_err e = {0};
	char *prev;

	if (store_arr_event_place(s->st, a->id, ev, later, &prev, err) != 0)
		return -1;
	if (prev != NULL && syncrec_decode(prev, strlen(prev), &p, &e) == 0) {
		if (p.kind == SR_ARRANGEMENT &&
		    strcmp(p.arr.plan_no, a->plan_no) == 0) {
			a->n = p.arr.n;
			a->freq = p.arr.freq;
			a->misses_allowed = p.arr.misses_allowed;
			xstrlcpy(a->first_due, p.arr.first_due,
			    sizeof a->first_due);
		}
		syncrec_free(&p);
	}
	free(prev);
	if (a->changes > 0)
		a->changes--;
	return 0;
}

/* What this terminal's payments took of installments in (n) of an event
 * beyond the event's own moves m (nm) gives way (dry: only counted): 0,
 * 1 a credit application holds some. */
static int
insts_give_way(struct svc *s, const struct item *in, size_t n,
    const struct arr_move *m, size_t nm, int dry, struct arr_given **given,
    size_t *ngiven, struct pd_err *err)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		if (in[i].settled != net_of(m, nm, in[i].uuid) &&
		    (rc = svc_arr_give_way(s, in[i].id,
		         in[i].settled - net_of(m, nm, in[i].uuid), dry, given,
		         ngiven, err)) != 0)
			return rc;
	return 0;
}

/* What payments gave way to the undo of a change of a (given, n): each
 * carried to the plan's debt as it is here now, oldest due first
 * (svc_arr_carry), audited. What the plan cannot take stays unallocated
 * here until the pull brings the central node's version of the payment
 * and its overpayment credit note (reconcile_payment). Of the undo of a
 * refused create (create 1), nothing is carried here: the central node,
 * which never had the plan, carried what they paid into it to the
 * consumer's debt as it has it (svc_arr_lost_inst), and the pull brings
 * that version; audited all the same. */
static int
carry_given(struct svc *s, const struct arrangement *a,
    const struct arr_given *given, size_t n, int create, const char *at,
    struct pd_err *err)
{
	struct payment p;
	char detail[256];
	int64_t left;
	size_t i;

	for (i = 0; i < n; i++) {
		left = given[i].amount;
		if ((!create && svc_arr_carry(s, given[i].payment_id, a, &left,
		                    1, err) != 0) ||
		    store_payment_by_id(s->st, given[i].payment_id, &p, err) !=
		        0)
			return -1;
		snprintf(detail, sizeof detail,
		    "arrangement=%s carried=%lld unallocated=%lld (%s)",
		    a->plan_no, (long long)(given[i].amount - left),
		    (long long)left,
		    create ? "a refused plan undone: the central node's "
		             "version to come"
		           : "a refused change of the plan undone");
		if (svc_audit(s, at, "carry", "payment", p.payment_no, detail,
		        err) != 0)
			return -1;
	}
	return 0;
}

/* Undo event ev (kind create, reschedule or cancel) of a: 0 done, 1 not
 * undoable here (paid since, or changed again). A cancel's undo gives the
 * plan back what it closed and takes back what it gave the items (review
 * R21b, fault 1: a cancel refused for another terminal's cancel or
 * reschedule stayed here, and the pull of the winner was then refused
 * with a raw CHECK constraint error); a reschedule's installments leave
 * the plan's numbering, which the winner's take when pulled. */
static int
undo(struct svc *s, struct arrangement *a, int64_t ev, const char *kind,
    const char *uuid, const char *reason, const char *at, struct pd_err *err)
{
	struct arr_move *m = NULL;
	struct item *in = NULL, it;
	struct arr_given *given = NULL;
	size_t nm = 0, ni = 0, ngiven = 0, i, j;
	int64_t later, id, net, carried = 0, kept = 0;
	char detail[900], carry[128] = "", *prev;
	int rc = -1, pass, cancel = strcmp(kind, "cancel") == 0,
	    create = strcmp(kind, "create") == 0;

	if (cancel) {
		if (store_arr_event_place(
		        s->st, a->id, ev, &later, &prev, err) != 0)
			return -1;
		free(prev);
		if (later > 0 || !a->cancelled)
			return 1;
		a->cancelled = 0;
	} else if (terms_back(s, a, ev, &later, err) != 0)
		return -1;
	else if (later > 0 || a->cancelled)
		return 1;
	/* a plan the central node never had: Cancelled here, holding
	 * nothing */
	if (create)
		a->cancelled = 1;
	if ((m = store_arr_event_moves(s->st, ev, &nm, err)) == NULL ||
	    (in = store_arr_event_items(s->st, ev, &ni, err)) == NULL)
		goto out;
	/* a payment taken here since into its installments, or into the
	 * items a cancel gave back, gives way and is carried to the plan
	 * (arrange_carry.c: it stands, and pays the debt the central node
	 * keeps; review R21b, fault 1); into a refused create's, it gives
	 * way too, and the central node, which carried it to the
	 * consumer's debt as it has it, sends its version back to be taken
	 * (review R21d: it stayed, and the payment was refused); a credit
	 * applied there stays */
	if ((rc = insts_give_way(s, in, ni, m, nm, 1, &given, &ngiven, err)) !=
	    0)
		goto out;
	rc = -1;
	if (insts_give_way(s, in, ni, m, nm, 0, &given, &ngiven, err) != 0)
		goto out;
	/* re-read: what the payments gave back is open again */
	for (i = 0; i < ni; i++)
		if (store_item_by_id(s->st, in[i].id, &in[i], err) != 0)
			goto out;
	for (i = 0; i < ni; i++)
		if (in[i].amount > in[i].settled &&
		    store_arr_move(s->st, ev, in[i].id,
		        in[i].amount - in[i].settled, 0, err) != 0)
			goto out;
	/* the installments it closed first, then what it gave back: what
	 * was paid here since of those items is theirs (kept), and the
	 * plan absorbs it as it does a payment made meanwhile
	 * (svc_arr_reopen: the event that holds the item gives it back and
	 * takes it off its installments from the last back), so that the
	 * plan is as the central node has it, whose rule that is (review
	 * R21b, fault 1) */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < nm; i++) {
			for (j = 0; j < i; j++)
				if (strcmp(m[j].item_uuid, m[i].item_uuid) == 0)
					break;
			if (j < i || is_inst(in, ni, m[i].item_uuid) ||
			    (net = net_of(m, nm, m[i].item_uuid)) == 0 ||
			    (net > 0) != (pass == 0))
				continue;
			if (store_id_of(s->st, TBL_ITEMS, m[i].item_uuid, &id,
			        err) != 0 ||
			    store_item_by_id(s->st, id, &it, err) != 0)
				goto out;
			if (net < 0 && -net > it.amount - it.settled) {
				int64_t k = -net - (it.amount - it.settled),
				        moved, hold, arr;

				/* the event that holds it (the plan's create:
				 * this cancel's moves of it are back) */
				if (store_arr_item_moved(s->st, id, &moved,
				        &hold, &arr, err) != 0 ||
				    (hold != 0 && hold != ev &&
				        svc_arr_reopen_by(s, &it, hold, arr, k,
				            0, err) != 0))
					goto out;
				kept += k;
				if (-net > it.amount - it.settled)
					net = -(it.amount - it.settled);
			}
			if (net != 0 &&
			    store_arr_move(s->st, ev, id, -net,
			        strcmp(it.plan_no, a->plan_no) == 0 ? 0 : a->id,
			        err) != 0)
				goto out;
		}
	for (i = 0; i < ngiven; i++)
		carried += given[i].amount;
	if (carried > 0 && create)
		snprintf(carry, sizeof carry,
		    "; payments taken since given way, to the debt the "
		    "central node keeps: %lld",
		    (long long)carried);
	else if (carried > 0)
		snprintf(carry, sizeof carry,
		    "; payments taken since carried to the plan: %lld",
		    (long long)carried);
	else if (kept > 0)
		snprintf(carry, sizeof carry,
		    "; paid since of the items it gave back, kept by them "
		    "(the plan absorbs it): %lld",
		    (long long)kept);
	snprintf(
	    detail, sizeof detail, "event=%s refused: %s%s", uuid, reason, carry);
	/* the uuid's last 12 characters, its random part (its first are
	 * the time: two refused in a minute had the same) */
	if ((strcmp(kind, "reschedule") != 0 ||
	        store_arr_retire_items(s->st, ev,
	            uuid + (strlen(uuid) > 12 ? strlen(uuid) - 12 : 0),
	            err) == 0) &&
	    /* listed undone first: a cancel's undo makes the plan live
	     * again, which the store allows only then (migration 71) */
	    store_undone_add(s->st, uuid, "arrangement", at, reason, err) ==
	        0 &&
	    store_arr_update(s->st, a, err) == 0 &&
	    svc_audit(s, at, "undo", "arrangement", a->plan_no, detail, err) ==
	        0 &&
	    carry_given(s, a, given, ngiven, create, at, err) == 0)
		rc = 0;
out:
	free(m);
	free(in);
	free(given);
	return rc;
}

int
svc_arr_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err)
{
	struct syncrec r;
	struct arr_event_row e;
	struct arrangement a;
	struct pd_err e2 = {0};
	int rc = 0;

	if (syncrec_decode(payload, strlen(payload), &r, &e2) != 0)
		return 0;
	if (r.kind != SR_ARRANGEMENT)
		goto done;
	if ((rc = store_arr_event_read(s->st, 0, r.uuid, &e, err)) != 0) {
		rc = rc < 0 ? -1 : 0;
		goto done;
	}
	if (store_arr_by_id(s->st, e.arr_id, &a, err) != 0) {
		rc = -1;
		goto done;
	}
	/* (the alerts of the installments undone end at the next pass
	 * over the plan, as "undone" or its plan "cancelled": rereading
	 * them here, before the pull brings the plan as the central node
	 * has it, ended and raised again at this terminal alone causes
	 * that never held in the organisation, helper-233, faults 1, 3) */
	rc = undo(s, &a, e.id, r.op, r.uuid, reason, at, err);
	/* the ends of the plan's alerts the change made (or any made here
	 * since: each read a plan that changed) go with it; the pass over
	 * the plan the pull brings ends them for what holds (helper-248,
	 * fault 7). A create undone leaves a plan the organisation never
	 * had: its alerts stay closed */
	if (rc == 0 && strcmp(r.op, "create") != 0 &&
	    svc_alert_arr_ends_undone(s, a.id, e.at, reason, at, err) != 0)
		rc = -1;
	rc = rc < 0 ? -1 : rc == 1 ? 2 : strcmp(r.op, "create") == 0 ? 3 : 1;
done:
	syncrec_free(&r);
	return rc;
}
