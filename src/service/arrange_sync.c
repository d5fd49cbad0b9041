/* arrange_sync.c - payment arrangements as sync records (issue 21): the
 * record of an event built from the store (the terminal's outbox and the
 * central node's feed alike), and its apply on the central node and on a
 * terminal that pulls it (the central node's check of a pushed one:
 * arrange_check.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
svc_arr_record(struct svc *s, int64_t event_id, const char *branch,
    struct syncrec *r, struct pd_err *err)
{
	struct arr_event_row e;
	struct arrangement a;
	struct consumer c;
	int rc;

	if ((rc = store_arr_event_read(s->st, event_id, NULL, &e, err)) != 0)
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESTORE,
		                    "No arrangement event %lld",
		                    (long long)event_id);
	if (store_arr_by_id(s->st, e.arr_id, &a, err) != 0 ||
	    store_consumer_by_id(s->st, a.consumer_id, &c, err) != 0)
		return -1;
	ledger_rec_head(s, r, SR_ARRANGEMENT, e.uuid, e.terminal, branch, e.at);
	xstrlcpy(r->op, e.kind, sizeof r->op);
	r->arr = a;
	xstrlcpy(r->arr_freq, arr_freq_name(a.freq), sizeof r->arr_freq);
	xstrlcpy(r->consumer_uuid, c.uuid, sizeof r->consumer_uuid);
	xstrlcpy(r->account_no, c.account_no, sizeof r->account_no);
	xstrlcpy(r->reason, e.reason, sizeof r->reason);
	xstrlcpy(r->by, e.by, sizeof r->by);
	if ((r->moves = store_arr_event_moves(s->st, e.id, &r->nmoves, err)) ==
	        NULL ||
	    (r->insts = store_arr_event_items(s->st, e.id, &r->ninsts, err)) ==
	        NULL) {
		syncrec_free(r);
		return -1;
	}
	return 0;
}

/* ---- apply, on the central node and on a terminal ---- */

/* ---- payments made elsewhere meanwhile (review of issue 21, point 1)
 *
 * An event moves what its maker saw open; a payment taken at another
 * terminal before the event reached a node may have paid part of it
 * already. Every node (the central one and each terminal) applies the
 * same rule, whichever of the two it applies first, so that they all end
 * with the same open amounts: the payment keeps what it paid (payments
 * are facts, DESIGN.md rule 6), the event moves only what is still open,
 * and what it moved less comes off what the same event put elsewhere:
 *  - a create or a reschedule: its own installments, from the last back
 *    (the plan gets shorter, as the last one takes the remainder);
 *  - a cancel: what it gave back to the items, from the last given back.
 * Order A (the event first, the payment after): the payment reopens the
 * item (svc_arr_reopen) and the event absorbs it. Order B (the payment
 * first): the event's move is cut to what is open and the event absorbs
 * the difference (apply_moves). Both end in the same rows' sums. */

static int absorb(struct svc *s, int64_t ev, int64_t *amount, int replica,
    struct pd_err *err);

int
svc_arr_reopen(struct svc *s, struct item *it, int64_t need, int replica,
    struct pd_err *err)
{
	int64_t moved, ev, arr, take, open = it->amount - it->settled;

	if (need <= open)
		return 0;
	if (store_arr_item_moved(s->st, it->id, &moved, &ev, &arr, err) != 0)
		return -1;
	if (moved <= 0 || ev == 0)
		return 0;
	take = need - open < moved ? need - open : moved;
	return svc_arr_reopen_by(s, it, ev, arr, take, replica, err);
}

int
svc_arr_reopen_by(struct svc *s, struct item *it, int64_t ev, int64_t arr,
    int64_t take, int replica, struct pd_err *err)
{
	int64_t rest = take;

	if (store_arr_move(s->st, ev, it->id, -take, arr, err) != 0 ||
	    absorb(s, ev, &rest, replica, err) != 0)
		return -1;
	/* reopened no more than the event could take elsewhere: what its
	 * installments had paid already is not owed twice (review 21b,
	 * fault 2: $350.00 paid on $340.00, and the $10.00 over was lost
	 * instead of becoming credit); the payment's rest is credit (the
	 * central node's excess) */
	if (rest > 0 && store_arr_move(s->st, ev, it->id, rest, arr, err) != 0)
		return -1;
	return store_item_by_id(s->st, it->id, it, err);
}

int
svc_arr_unpaid(
    struct svc *s, const struct item *it, int64_t amount, struct pd_err *err)
{
	struct arrangement a;
	struct arr_hold *h;
	struct pd_err e2;
	int64_t ev, give;
	size_t n, i;
	int rc = 0;

	if (it->kind != PAY_INSTALLMENT || it->plan_no[0] == '\0' ||
	    amount <= 0)
		return 0;
	if (store_arr_find(s->st, it->plan_no, &a, &e2) != 0) {
		if (e2.code == PD_ENOTFOUND)
			return 0;
		*err = e2;
		return -1;
	}
	if (!a.cancelled)
		return 0;
	if (store_arr_cancel_event(s->st, a.id, &ev, err) != 0)
		return -1;
	if (ev == 0)
		return 0;
	/* closed again by the cancel, and given back as the cancel gave:
	 * to the items it still holds, newest first */
	if (store_arr_move(s->st, ev, it->id, amount, 0, err) != 0 ||
	    (h = store_arr_holds(s->st, a.id, &n, err)) == NULL)
		return -1;
	for (i = n; i > 0 && amount > 0 && rc == 0; i--) {
		give = h[i - 1].held < amount ? h[i - 1].held : amount;
		if (give > 0)
			rc = store_arr_move(
			    s->st, ev, h[i - 1].item_id, -give, a.id, err);
		amount -= give;
	}
	free(h);
	return rc;
}

/* Move up to cap and *amount more of item id's debt into event ev;
 * *amount is what is left. An installment of ev closed by a later event
 * is reopened first (the later event absorbs it in turn: the events'
 * order makes it end). On a terminal applying a pulled record
 * (replica), this terminal's own payments of the item give way, as for
 * a pulled payment (svc_make_room): the central node applied them after
 * the record that needs the room, and they are pulled back as it did
 * (review 21b, fault 2). */
/* Item it reopened for event ev's absorption up to need (open): from
 * the latest other event holding some of it, a later change of the
 * plan. Not from ev itself: the latest event to have moved some onto it
 * may be ev (what it absorbed before), and reopening from it undid its
 * own move, so ev took nothing there and the payment it gave way for
 * went to credit while the plan still owed (helper-244, fault 1: 297.51
 * paid of bills a plan held at the central node, 73.94 credit, 73.94
 * still owed on its installments). */
static int
reopen_for(struct svc *s, int64_t ev, struct item *it, int64_t need,
    int replica, struct pd_err *err)
{
	int64_t holder, held, arr, open = it->amount - it->settled;

	if (need <= open)
		return 0;
	if (store_arr_item_holder(
	        s->st, it->id, ev, &holder, &held, &arr, err) != 0)
		return -1;
	if (holder == 0 || held <= 0)
		return 0;
	return svc_arr_reopen_by(s, it, holder, arr,
	    need - open < held ? need - open : held, replica, err);
}

static int
absorb_one(struct svc *s, int64_t ev, int64_t id, int64_t cap, int64_t *amount,
    int reopen, int replica, struct pd_err *err)
{
	struct item it;
	int64_t take, need = *amount < cap ? *amount : cap;

	if (store_item_by_id(s->st, id, &it, err) != 0 ||
	    (reopen && reopen_for(s, ev, &it, need, replica, err) != 0) ||
	    (replica && svc_make_room(s, &it, need, err) != 0) ||
	    (replica && store_item_by_id(s->st, id, &it, err) != 0))
		return -1;
	take = it.amount - it.settled;
	if (take > cap)
		take = cap;
	if (take > *amount)
		take = *amount;
	if (take <= 0)
		return 0;
	*amount -= take;
	return store_arr_move(s->st, ev, id, take, 0, err);
}

/* What cancel ev gave back to each item, net, from the last given back:
 * taken back up to amount. */
static int
absorb_given(struct svc *s, int64_t ev, int64_t *amount, int replica,
    struct pd_err *err)
{
	struct arr_move *mv;
	int64_t id, net;
	size_t n, i, j;
	int rc = 0;

	if ((mv = store_arr_event_moves(s->st, ev, &n, err)) == NULL)
		return -1;
	for (i = n; i > 0 && *amount > 0 && rc == 0; i--) {
		/* each item once, at its last move */
		for (j = i, net = 0; j < n; j++)
			if (strcmp(mv[j].item_uuid, mv[i - 1].item_uuid) == 0)
				break;
		if (j < n)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(mv[j].item_uuid, mv[i - 1].item_uuid) == 0)
				net += mv[j].amount;
		if (net >= 0)
			continue;
		if ((rc = store_id_of(s->st, TBL_ITEMS, mv[i - 1].item_uuid,
		         &id, err)) == 0 &&
		    id != 0)
			rc = absorb_one(
			    s, ev, id, -net, amount, 0, replica, err);
	}
	free(mv);
	return rc;
}

/* Take *amount off what event ev put elsewhere (the rule above), by
 * moves of ev; *amount is what could not be taken (all of it paid
 * already). */
static int
absorb(struct svc *s, int64_t ev, int64_t *amount, int replica,
    struct pd_err *err)
{
	struct arr_event_row e;
	struct item *its;
	size_t n, i;
	int rc;

	if ((rc = store_arr_event_read(s->st, ev, NULL, &e, err)) != 0)
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESTORE,
		                    "No arrangement event %lld", (long long)ev);
	if (strcmp(e.kind, "cancel") == 0)
		return absorb_given(s, ev, amount, replica, err);
	if ((its = store_arr_event_items(s->st, ev, &n, err)) == NULL)
		return -1;
	for (rc = 0, i = n; i > 0 && *amount > 0 && rc == 0; i--)
		rc = absorb_one(s, ev, its[i - 1].id, its[i - 1].amount, amount,
		    1, replica, err);
	free(its);
	return rc;
}

/* A pulled cancel takes over what its plan's own event closed of an
 * installment here (session 45, F21p2's race a): a terminal that undid
 * its own refused cancel kept a payment of the items that cancel gave
 * back, and its plan, live again, absorbed it (arrange_undo.c,
 * svc_arr_reopen_by: the create took that much off the item and closed
 * as much of its installments itself, which arr_item_paid counts as
 * paid); the central node applied the payment after the winning cancel,
 * to the item it gave back, nothing absorbed. Up to k of installment id
 * is opened again by its own event here (the cancel closes it, as
 * there); what the own event took off the items for it is given back to
 * it after the cancel's moves (take_back), so every event nets as at the
 * central node. */
struct takeover {
	int64_t ev;
	int64_t k;
};

static int
take_over(struct svc *s, int64_t id, int64_t need, struct takeover *t,
    size_t *nt, size_t max, struct pd_err *err)
{
	int64_t own, absorbed, k;
	size_t i;

	if (store_arr_own_absorbed(s->st, id, &own, &absorbed, err) != 0)
		return -1;
	k = need < absorbed ? need : absorbed;
	if (own == 0 || k <= 0)
		return 0;
	for (i = 0; i < *nt && t[i].ev != own; i++)
		;
	if (i == *nt) {
		if (*nt == max)
			return 0;
		t[(*nt)++] = (struct takeover){own, 0};
	}
	t[i].k += k;
	return store_arr_move(s->st, own, id, -k, 0, err);
}

/* What own event t took off the items (its moves that gave some back,
 * from the last), given back to it up to t->k and to what each has open
 * after the cancel's moves. */
static int
take_back(struct svc *s, struct takeover *t, int64_t arr, int room,
    struct pd_err *err)
{
	struct arr_move *mv;
	struct item it;
	int64_t left = t->k, give, id;
	size_t n, i;
	int rc = 0;

	if ((mv = store_arr_event_moves(s->st, t->ev, &n, err)) == NULL)
		return -1;
	for (i = n; i > 0 && left > 0 && rc == 0; i--) {
		if (mv[i - 1].amount >= 0)
			continue;
		if ((rc = store_id_of(s->st, TBL_ITEMS, mv[i - 1].item_uuid,
		         &id, err)) != 0 ||
		    id == 0 ||
		    (rc = store_item_by_id(s->st, id, &it, err)) != 0)
			continue;
		if (it.kind == PAY_INSTALLMENT && it.plan_no[0] != '\0')
			continue;
		give = -mv[i - 1].amount;
		if (give > left)
			give = left;
		/* (room: this terminal's own payments of it give way, as to
		 * a pulled payment: the central node applied them after) */
		if (room &&
		    ((rc = svc_make_room(s, &it, give, err)) != 0 ||
		        (rc = store_item_by_id(s->st, id, &it, err)) != 0))
			break;
		if (give > it.amount - it.settled)
			give = it.amount - it.settled;
		if (give <= 0)
			continue;
		left -= give;
		rc = store_arr_move(s->st, t->ev, id, give, arr, err);
	}
	free(mv);
	t->k = left;
	return rc;
}

/* What event ev (a reschedule) opens again of its own installment is
 * taken first from the installments it replaced that their own event
 * closed here, in number order: at this terminal a payment of the
 * plan's debt came first and the plan, live again, absorbed it on its
 * create (a refused cancel's undo), while the central node applied the
 * reschedule first and that payment after it, the reschedule holding
 * what it took over of them (Replaced there). ev takes that over, and
 * the own event takes as much back of the items it gave back (take_back,
 * this terminal's payments of them giving way): every event nets as at
 * the central node (F21p2's race b). *rest is what is left. */
static int
replaced_first(
    struct svc *s, int64_t ev, int64_t arr, int64_t *rest, struct pd_err *err)
{
	struct arr_item *in;
	struct takeover t[8];
	size_t n, i, j, nt = 0;
	int64_t own, absorbed, k;
	int rc = 0;

	if ((in = store_arr_items(s->st, arr, &n, err)) == NULL)
		return -1;
	for (i = 0; i<n && * rest> 0 && rc == 0; i++) {
		if ((rc = store_arr_own_absorbed(
		         s->st, in[i].it.id, &own, &absorbed, err)) != 0)
			break;
		if (own == 0 || own >= ev || absorbed <= 0)
			continue;
		for (j = 0; j < nt && t[j].ev != own; j++)
			;
		if (j == nt) {
			if (nt == sizeof t / sizeof t[0])
				continue;
			t[nt++] = (struct takeover){own, 0};
		}
		k = absorbed < *rest ? absorbed : *rest;
		if ((rc = store_arr_move(
		         s->st, own, in[i].it.id, -k, 0, err)) ||
		    (rc = store_arr_move(s->st, ev, in[i].it.id, k, 0, err)))
			break;
		t[j].k += k;
		*rest -= k;
	}
	free(in);
	/* what an own event could not take back stays ev's to place */
	for (j = 0; j < nt && rc == 0; j++)
		if ((rc = take_back(s, &t[j], arr, 1, err)) == 0)
			*rest += t[j].k;
	return rc;
}

/* The plan's items (arr's) that have debt open, given it back by event
 * ev up to *rest; *rest is what is left. */
static int
to_holds(
    struct svc *s, int64_t ev, int64_t arr, int64_t *rest, struct pd_err *err)
{
	struct arr_hold *h;
	struct item it;
	size_t n, i;
	int64_t give;
	int rc = 0;

	if ((h = store_arr_holds(s->st, arr, &n, err)) == NULL)
		return -1;
	for (i = 0; i<n && * rest> 0 && rc == 0; i++) {
		/* this terminal's own payments of it give way, as to a pulled
		 * payment (svc_make_room): the central node applied them
		 * after the payment that needs the room */
		if ((rc = store_item_by_id(s->st, h[i].item_id, &it, err)) !=
		        0 ||
		    (rc = svc_make_room(s, &it, *rest, err)) != 0 ||
		    (rc = store_item_by_id(s->st, h[i].item_id, &it, err)) != 0)
			break;
		give = it.amount - it.settled;
		if (give > *rest)
			give = *rest;
		if (give <= 0)
			continue;
		*rest -= give;
		rc = store_arr_move(s->st, ev, it.id, give, arr, err);
	}
	free(h);
	return rc;
}

int
svc_arr_reopen_pulled(
    struct svc *s, struct item *it, int64_t need, struct pd_err *err)
{
	struct arr_event_row e;
	int64_t moved, ev, arr, own, absorbed, take, rest;
	int rc;

	if (need <= it->amount - it->settled || it->kind != PAY_INSTALLMENT)
		return svc_arr_reopen(s, it, need, 1, err);
	if (store_arr_item_moved(s->st, it->id, &moved, &ev, &arr, err) != 0 ||
	    store_arr_own_absorbed(s->st, it->id, &own, &absorbed, err) != 0)
		return -1;
	if (ev == 0 || ev != own || absorbed <= 0 || arr == 0)
		return svc_arr_reopen(s, it, need, 1, err);
	if ((rc = store_arr_event_read(s->st, ev, NULL, &e, err)) != 0)
		return rc < 0 ? -1 : svc_arr_reopen(s, it, need, 1, err);
	if (strcmp(e.kind, "cancel") == 0)
		return svc_arr_reopen(s, it, need, 1, err);
	take = need - (it->amount - it->settled);
	if (take > absorbed)
		take = absorbed;
	rest = take;
	if (store_arr_move(s->st, ev, it->id, -take, 0, err) != 0 ||
	    replaced_first(s, ev, arr, &rest, err) != 0 ||
	    to_holds(s, ev, arr, &rest, err) != 0 ||
	    (rest > 0 && store_arr_move(s->st, ev, it->id, rest, 0, err)) ||
	    store_item_by_id(s->st, it->id, it, err) != 0)
		return -1;
	return svc_arr_reopen(s, it, need, 1, err);
}

/* Whether move i of record r is the first of its item, and then what
 * the record moves of that item in all, netted, into *net. */
static int
move_net(const struct syncrec *r, size_t i, int64_t *net)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (strcmp(r->moves[j].item_uuid, r->moves[i].item_uuid) == 0)
			return 0;
	for (*net = 0, j = i; j < r->nmoves; j++)
		if (strcmp(r->moves[j].item_uuid, r->moves[i].item_uuid) == 0)
			*net += r->moves[j].amount;
	return 1;
}

/* A pulled reschedule of plan a: what its moves close of the plan's
 * installments against what they have open here. The central node took
 * a payment it had after the reschedule by the plan's earlier events
 * (svc_arr_reopen's chain: each event takes what it gives way for off
 * its installments, the later events' reopened), which placed an
 * earlier event's absorption on another of its installments than this
 * terminal did, having taken the payment before the reschedule
 * (helper-244, fault 1: the create held 2.49 of #6 here and of #5
 * there, so #5 kept 2.49 open here, Replaced, and #10 2.49 less, for
 * good). Where the record closes more of one installment than it has
 * open here (short) and less of another of the same own event (over),
 * that event's absorption moves from the one to the other, oldest
 * first: the record's moves then fit, as at the central node. */
static int
place_absorbed(struct svc *s, const struct syncrec *r,
    const struct arrangement *a, struct pd_err *err)
{
	struct fit {
		int64_t id, own, absorbed, d; /* d: open less closed */
	} * f;
	struct item it;
	int64_t id, net, k;
	size_t i, j, n = 0;
	int rc = 0;

	f = xcalloc(r->nmoves + 1, sizeof *f);
	for (i = 0; i < r->nmoves && rc == 0; i++) {
		if (!move_net(r, i, &net))
			continue;
		if (net <= 0)
			continue;
		if ((rc = store_id_of(s->st, TBL_ITEMS, r->moves[i].item_uuid,
		         &id, err)) != 0)
			break;
		if (id == 0)
			continue;
		if ((rc = store_item_by_id(s->st, id, &it, err)) != 0)
			break;
		if (it.kind != PAY_INSTALLMENT ||
		    strcmp(it.plan_no, a->plan_no) != 0)
			continue;
		f[n].id = id;
		f[n].d = it.amount - it.settled - net;
		rc = store_arr_own_absorbed(
		    s->st, id, &f[n].own, &f[n].absorbed, err);
		n++;
	}
	for (i = 0; i < n && rc == 0; i++) {
		/* short: its own event absorbed some of it here */
		if (f[i].d >= 0 || f[i].own == 0 || f[i].absorbed <= 0)
			continue;
		for (j = 0; j < n && f[i].d < 0 && f[i].absorbed > 0 && rc == 0;
		     j++) {
			if (j == i || f[j].d <= 0 || f[j].own != f[i].own)
				continue;
			k = -f[i].d < f[j].d ? -f[i].d : f[j].d;
			if (k > f[i].absorbed)
				k = f[i].absorbed;
			if ((rc = store_arr_move(
			         s->st, f[i].own, f[i].id, -k, 0, err)) != 0 ||
			    (rc = store_arr_move(
			         s->st, f[i].own, f[j].id, k, 0, err)) != 0)
				break;
			f[i].d += k;
			f[i].absorbed -= k;
			f[j].d -= k;
		}
	}
	free(f);
	return rc;
}

/* The moves of an event of arrangement a, each item's netted (a node's
 * feed carries what it absorbed since), cut to what its item has open;
 * what they moved less the event absorbs. An installment of its own
 * plan closed is not marked under it. */
static int
apply_moves(struct svc *s, const struct syncrec *r, const struct arrangement *a,
    int64_t ev, int replica, struct pd_err *err)
{
	struct takeover t[8];
	struct item it;
	int64_t id, net, short_by = 0;
	size_t i, nt = 0;
	int cancel = replica && strcmp(r->op, "cancel") == 0;

	if (replica && strcmp(r->op, "reschedule") == 0 &&
	    place_absorbed(s, r, a, err) != 0)
		return -1;
	for (i = 0; i < r->nmoves; i++) {
		if (!move_net(r, i, &net))
			continue;
		if (store_id_of(
		        s->st, TBL_ITEMS, r->moves[i].item_uuid, &id, err) != 0)
			return -1;
		if (id == 0)
			return pd_fail(err, PD_ENOTFOUND,
			    _("Item %s is not known here"),
			    r->moves[i].item_ref);
		/* a terminal's own payments of the item give way to what
		 * the central node moved before it applied them (the
		 * record carries its moves as applied there: review 21b,
		 * fault 2) */
		if (store_item_by_id(s->st, id, &it, err) != 0 ||
		    (replica && net > 0 &&
		        svc_make_room(s, &it, net, err) != 0) ||
		    store_item_by_id(s->st, id, &it, err) != 0)
			return -1;
		/* an installment its own event closed here, not there: the
		 * cancel closes it (take_over) */
		if (cancel && net > it.amount - it.settled &&
		    strcmp(it.plan_no, a->plan_no) == 0 &&
		    (take_over(s, id, net - (it.amount - it.settled), t, &nt,
		         sizeof t / sizeof t[0], err) != 0 ||
		        store_item_by_id(s->st, id, &it, err) != 0))
			return -1;
		if (net > it.amount - it.settled) {
			short_by += net - (it.amount - it.settled);
			net = it.amount - it.settled;
		}
		if (net != 0 &&
		    store_arr_move(s->st, ev, id, net,
		        strcmp(it.plan_no, a->plan_no) == 0 ? 0 : a->id,
		        err) != 0)
			return -1;
	}
	for (i = 0; i < nt; i++)
		if (take_back(s, &t[i], a->id, 0, err) != 0)
			return -1;
	return short_by > 0 ? absorb(s, ev, &short_by, replica, err) : 0;
}

static int
apply_insts(struct svc *s, const struct syncrec *r, const struct arrangement *a,
    int64_t ev, struct pd_err *err)
{
	struct item it;
	size_t i;

	for (i = 0; i < r->ninsts; i++) {
		it = r->insts[i];
		it.id = 0;
		it.settled = 0;
		it.consumer_id = a->consumer_id;
		xstrlcpy(it.plan_no, a->plan_no, sizeof it.plan_no);
		if (svc_item_insert(s, &it, err) != 0 ||
		    store_arr_installment(s->st, it.id, ev, err) != 0)
			return -1;
	}
	return 0;
}

/* After a cancel of a applied here: what its installments still owe (a
 * payment of them voided here before the cancel came, which its maker
 * saw paid) is closed by the cancel and given back to the items, as a
 * void after the cancel does (svc_arr_unpaid), so that both orders end
 * alike (review 21b, fault 4: the cancelled plan kept it open). */
static int
cancel_rest(struct svc *s, const struct arrangement *a, struct pd_err *err)
{
	struct arr_item *in;
	size_t n, i;
	int rc = 0;

	if ((in = store_arr_items(s->st, a->id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		if (in[i].it.amount > in[i].it.settled)
			rc = svc_arr_unpaid(s, &in[i].it,
			    in[i].it.amount - in[i].it.settled, err);
	free(in);
	return rc;
}

int
svc_arr_apply(struct svc *s, const struct syncrec *r, int replica,
    struct pd_err *err)
{
	struct arr_event_row old;
	struct arr_event e;
	struct arrangement a;
	int64_t ev;
	int rc;

	if ((rc = store_arr_event_read(s->st, 0, r->uuid, &old, err)) <= 0)
		return rc < 0 ? -1 : 1;
	if (strcmp(r->op, "create") == 0) {
		a = r->arr;
		a.id = 0;
		if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid,
		        &a.consumer_id, err) != 0)
			return -1;
		if (a.consumer_id == 0)
			return pd_fail(err, PD_ENOTFOUND,
			    _("Consumer %s is not known here"), r->account_no);
		xstrlcpy(a.created_by, r->by, sizeof a.created_by);
		if (store_plan_ensure(s->st, a.plan_no, a.consumer_id, err) !=
		        0 ||
		    store_arr_insert(s->st, &a, a.plan_no, err) != 0)
			return -1;
	} else if (store_arr_find(s->st, r->arr.plan_no, &a, err) != 0)
		return -1;
	memset(&e, 0, sizeof e);
	xstrlcpy(e.uuid, r->uuid, sizeof e.uuid);
	e.kind = r->op;
	e.reason = r->reason;
	xstrlcpy(e.at, r->at, sizeof e.at);
	e.by = r->by;
	e.terminal = r->terminal;
	/* the installments first: what a node absorbed since moved some of
	 * theirs */
	if (store_arr_event(s->st, a.id, &e, &ev, err) != 0 ||
	    apply_insts(s, r, &a, ev, err) != 0 ||
	    apply_moves(s, r, &a, ev, replica, err) != 0)
		return -1;
	if (strcmp(r->op, "create") == 0)
		return 0;
	/* a cancel's terms are those of the plan it cancelled (the
	 * central node took it over no other change): a terminal that
	 * undid its own refused reschedule of the plan, not the maker of
	 * the terms before it, had kept that one's (review R21b, fault 1) */
	a.n = r->arr.n;
	a.freq = r->arr.freq;
	xstrlcpy(a.first_due, r->arr.first_due, sizeof a.first_due);
	if (strcmp(r->op, "cancel") != 0) {
		/* the misses its schedule allows (helper-248, fault 4) */
		a.misses_allowed = r->arr.misses_allowed;
		a.changes++;
		return store_arr_update(s->st, &a, err);
	}
	a.cancelled = 1;
	return store_arr_update(s->st, &a, err) != 0 ? -1
	                                              : cancel_rest(s, &a, err);
}
