/* arrange_carry.c - a payment taken into what a change of an arrangement
 * made, when the central node refused that change (review R21b, fault 1,
 * what was left: T03 rescheduled a plan offline and took a payment into
 * one of its new installments; T02's change of the plan reached the
 * central node first. T03's undo stayed because of the payment, the
 * central node refused the payment, "item ... is not known here", and
 * the nodes disagreed on the debt).
 *
 * The lead's decision: the payment stands (money taken from a consumer
 * is a fact, DESIGN.md rule 6) and pays the consumer's debt as the
 * central node has it. What it paid of the losing reschedule's
 * installments is carried to the winning plan's open installments,
 * oldest due first as a payment of the plan follows, or, when the winner
 * cancelled the plan, to the items its cancel gave back; what they
 * cannot take is the consumer's credit (the central node's overpayment
 * credit note). The payment's number, amount, tender and receipt are
 * unchanged: it is carried by allocation rows (the reversal of what it
 * held, a new allocation where it goes, linked to its first allocation
 * as a reversal taken back is), as a payment gives way to a change
 * elsewhere (svc_make_room). What it paid of the items a losing cancel
 * gave back stays theirs: the plan absorbs it (arrange_undo.c), as the
 * central node does a payment of them crossing the winner. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Whether plan is a number of terminal's own plan series (AR-T02-...,
 * SVC_ARR_NUMBER_FMT). */
static int
own_series(const char *plan, const char *terminal)
{
	size_t n = strlen(terminal);

	return terminal[0] != '\0' && strncmp(plan, "AR-", 3) == 0 &&
	       strncmp(plan + 3, terminal, n) == 0 && plan[3 + n] == '-';
}

int
svc_arr_lost_inst(struct svc *s, int64_t cid, const char *ref,
    const char *terminal, struct arrangement *a, struct pd_err *err)
{
	struct pd_err e = {0};
	char plan[sizeof a->plan_no];
	const char *hash = strrchr(ref, '#'), *d;

	if (hash == NULL || hash == ref || hash[1] == '\0' ||
	    (size_t)(hash - ref) >= sizeof plan)
		return 0;
	for (d = hash + 1; *d != '\0'; d++)
		if (*d < '0' || *d > '9')
			return 0;
	memcpy(plan, ref, (size_t)(hash - ref));
	plan[hash - ref] = '\0';
	if (store_arr_find(s->st, plan, a, &e) != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		/* a plan of the pushing terminal's own series this node does
		 * not have: one it refused, as another terminal arranged the
		 * debt first (its records come in order: the plan's create
		 * came before the payment). Its terminal undoes it; what was
		 * paid into it pays the consumer's debt as this node has it
		 * (review R21d, r21d_two_plans_paid) */
		if (terminal == NULL || !own_series(plan, terminal))
			return 0;
		memset(a, 0, sizeof *a);
		a->id = -1;
		a->consumer_id = cid;
		xstrlcpy(a->plan_no, plan, sizeof a->plan_no);
		return 1;
	}
	return a->consumer_id == cid;
}

/* The item ids plan a's debt is on as this node has it, oldest due
 * first (by number within a day): its open installments, or, cancelled,
 * the open items its cancel gave back; *n of them (NULL: err). */
static int64_t *
targets(
    struct svc *s, const struct arrangement *a, size_t *n, struct pd_err *err)
{
	struct item *its = NULL;
	int64_t *ids, ev, id;
	size_t k = 0, i, j, m = 0;

	*n = 0;
	if (a->id < 0) {
		/* a plan refused here: the consumer's open items, oldest due
		 * first (store_items_open), installments of the plan that
		 * won among them */
		if ((its = store_items_open(s->st, a->consumer_id, -1, &k,
		         err)) == NULL)
			return NULL;
	} else if (!a->cancelled) {
		struct arr_item *in = store_arr_items(s->st, a->id, &m, err);

		if (in == NULL)
			return NULL;
		its = xcalloc(m + 1, sizeof *its);
		for (i = 0; i < m; i++)
			if (in[i].it.amount > in[i].it.settled)
				its[k++] = in[i].it;
		free(in);
	} else {
		struct arr_move *mv;
		int64_t net;

		if (store_arr_cancel_event(s->st, a->id, &ev, err) != 0 ||
		    (mv = store_arr_event_moves(s->st, ev, &m, err)) == NULL)
			return NULL;
		its = xcalloc(m + 1, sizeof *its);
		for (i = 0; i < m; i++) {
			for (j = 0, net = 0; j < m; j++)
				if (strcmp(mv[j].item_uuid, mv[i].item_uuid) ==
				    0) {
					if (j < i)
						break;
					net += mv[j].amount;
				}
			if (j < m || net >= 0)
				continue;
			if (store_id_of(s->st, TBL_ITEMS, mv[i].item_uuid, &id,
			        err) != 0 ||
			    store_item_by_id(s->st, id, &its[k], err) != 0) {
				free(mv);
				free(its);
				return NULL;
			}
			if (its[k].amount > its[k].settled)
				k++;
		}
		free(mv);
	}
	/* oldest due first, stable (insertion: a plan's few) */
	for (i = 1; i < k; i++) {
		struct item t = its[i];

		for (j = i; j > 0 && strcmp(its[j - 1].due_on, t.due_on) > 0;
		     j--)
			its[j] = its[j - 1];
		its[j] = t;
	}
	ids = xcalloc(k + 1, sizeof *ids);
	for (i = 0; i < k; i++)
		ids[i] = its[i].id;
	free(its);
	*n = k;
	return ids;
}

int
svc_arr_first_alloc(struct svc *s, int64_t pid, int64_t *id, struct pd_err *err)
{
	struct allocation *al;
	size_t n, i;

	*id = 0;
	if ((al = store_allocations_of(s->st, pid, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n && *id == 0; i++)
		if (al[i].reverses == 0)
			*id = al[i].id;
	free(al);
	return 0;
}

int
svc_arr_carry(struct svc *s, int64_t pid, const struct arrangement *a,
    int64_t *amount, int moved, struct pd_err *err)
{
	struct item it;
	int64_t *ids, take, rev = 0;
	size_t n, i;
	int rc = 0;

	if (*amount <= 0)
		return 0;
	/* money the payment held elsewhere first: its allocations as
	 * recorded add up to its amount (doctor), so what moves is a
	 * reversal's kind, linked to its first allocation */
	if (moved && svc_arr_first_alloc(s, pid, &rev, err) != 0)
		return -1;
	if ((ids = targets(s, a, &n, err)) == NULL)
		return -1;
	for (i = 0; i<n && * amount> 0 && rc == 0; i++) {
		if ((rc = store_item_by_id(s->st, ids[i], &it, err)) != 0)
			break;
		take = it.amount - it.settled;
		if (take > *amount)
			take = *amount;
		if (take <= 0)
			continue;
		rc = ledger_allocate(s, pid, &it, take, rev, NULL, err);
		*amount -= take;
	}
	free(ids);
	return rc;
}

int
svc_arr_give_way(struct svc *s, int64_t item_id, int64_t amount, int dry,
    struct arr_given **given, size_t *ngiven, struct pd_err *err)
{
	struct allocation *held;
	struct item it;
	size_t n, i, k;
	int64_t take;

	if (amount <= 0)
		return 0;
	held = store_item_held_by(s->st, item_id, s->cfg.terminal_id, &n, err);
	if (held == NULL)
		return -1;
	for (i = 0; i < n && amount > 0; i++) {
		take = held[i].amount < amount ? held[i].amount : amount;
		if (take <= 0)
			continue;
		amount -= take;
		if (dry)
			continue;
		if (store_item_by_id(s->st, item_id, &it, err) != 0 ||
		    ledger_allocate(s, held[i].payment_id, &it, -take,
		        held[i].id, NULL, err) != 0) {
			free(held);
			return -1;
		}
		/* one entry a payment (carried and audited once) */
		for (k = 0; k < *ngiven; k++)
			if ((*given)[k].payment_id == held[i].payment_id)
				break;
		if (k == *ngiven) {
			*given = xrealloc(*given, *ngiven + 1, sizeof **given);
			(*given)[k].payment_id = held[i].payment_id;
			(*given)[k].amount = 0;
			++*ngiven;
		}
		(*given)[k].amount += take;
	}
	free(held);
	return amount > 0 ? 1 : 0;
}
