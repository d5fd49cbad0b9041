/* sync_apply.c - applying sync records to a store, on either side.
 *
 * On the central node (APPLY_CENTRAL) a terminal's record is checked and
 * applied to the organisation's store. Payments are facts: one is never
 * refused for a business reason. When an item it paid was settled
 * meanwhile by another terminal's payment, it takes what is left and the
 * rest becomes an overpayment credit note made by the central node; the
 * payment is marked altered so its terminal pulls it back.
 *
 * On a terminal (APPLY_REPLICA) the records pulled from the central node
 * are applied as the central node applied them: other terminals' records
 * are added, this terminal's altered payments are reconciled (what an item
 * no longer holds is reversed), and reference data is inserted or updated.
 * Both are idempotent by uuid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "sync_apply_int.h"

/* The row id of a record's uuid in table t, or a PD_ENOTFOUND failure
 * that names it. */
int
sync_need_id(struct svc *s, enum store_table t, const char *uuid,
    const char *what, int64_t *id, struct pd_err *err)
{
	if (store_id_of(s->st, t, uuid, id, err) != 0)
		return -1;
	if (*id == 0)
		return pd_fail(err, PD_ENOTFOUND, _("%s %s is not known here"),
		    what, uuid);
	return 0;
}

/* The user a record names by their full name (as records name people:
 * received_by, created_by) among the users of the sending terminal's
 * branch, or 0 when none is known here. A pulled payment, credit note or
 * arrangement is its user's, as at the terminal that took it: filtering
 * by team member (--user) and team visibility find it (issue 23). */
int
svc_record_user(struct svc *s, const char *full_name, const char *branch,
    int64_t *user_id, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};

	*user_id = 0;
	if (full_name[0] == '\0')
		return 0;
	/* in a push, the user its checks read last by the same name and
	 * branch (sck_user: the same query, in the same transaction), not
	 * read again for every record */
	if (s->push_reads && s->push_user.id != 0 &&
	    strcmp(s->push_user_name, full_name) == 0 &&
	    strcmp(s->push_user_branch, branch) == 0) {
		*user_id = s->push_user.id;
		return 0;
	}
	if (store_user_by_full_name(s->st, full_name, branch, &u, &e) == 0) {
		*user_id = u.id;
		return 0;
	}
	if (e.code == PD_ENOTFOUND)
		return 0;
	*err = e;
	return -1;
}

/* The payment a record names by payment_uuid (void, verify,
 * credit_note). */
int
sync_record_payment(struct svc *s, const struct syncrec *r, int64_t *pid,
    struct payment *p, struct pd_err *err)
{
	if (sync_need_id(
	        s, TBL_PAYMENTS, r->payment_uuid, _("Payment"), pid, err) != 0)
		return -1;
	return store_payment_by_id(s->st, *pid, p, err);
}

/* A document number must not be taken by another record. */
int
sync_number_free(
    struct svc *s, const char *what, const char *number, struct pd_err *err)
{
	struct payment p;
	struct credit_note cn;
	struct pd_err e;

	if (store_payment_find(s->st, number, &p, &e) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is already used by payment %s of terminal %s"),
		    what, number, p.payment_no, p.terminal);
	if (e.code != PD_ENOTFOUND)
		return pd_fail(err, e.code, "%s", e.msg);
	if (store_credit_find(s->st, number, &cn, &e) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is already used by a credit note of terminal %s"),
		    what, number, cn.terminal);
	if (e.code != PD_ENOTFOUND)
		return pd_fail(err, e.code, "%s", e.msg);
	return 0;
}

/* Reverse n of what payment pay_id holds of item it (first allocation
 * first_id); the item is updated. */
static int
give_back(struct svc *s, int64_t pay_id, int64_t first_id, struct item *it,
    int64_t n, struct pd_err *err)
{
	return ledger_allocate(s, pay_id, it, -n, first_id, NULL, err);
}

/* Replica: make room on item it for need, taking it back from this
 * terminal's own payments, newest first: the central node applied the
 * record being pulled before them, so they are the ones that lose the
 * item (and become credit when the central node applies them). */
int
svc_make_room(struct svc *s, struct item *it, int64_t need, struct pd_err *err)
{
	struct allocation *held;
	size_t n, i;
	int64_t short_by = need - (it->amount - it->settled);

	if (short_by <= 0)
		return 0;
	held = store_item_held_by(s->st, it->id, s->cfg.terminal_id, &n, err);
	if (held == NULL)
		return -1;
	for (i = 0; i < n && short_by > 0; i++) {
		int64_t take =
		    held[i].amount < short_by ? held[i].amount : short_by;

		if (give_back(s, held[i].payment_id, held[i].id, it, take,
		        err) != 0) {
			free(held);
			return -1;
		}
		short_by -= take;
	}
	free(held);
	return 0;
}

/* The central node's own credit note for what a payment paid of items
 * already settled. */
static int
excess_credit(struct svc *s, const struct payment *p, int64_t amount,
    const char *origin, struct pd_err *err)
{
	struct credit_note cn;
	char note[64];

	memset(&cn, 0, sizeof cn);
	cn.amount = amount;
	xstrlcpy(cn.reason, "Overpayment", sizeof cn.reason);
	snprintf(cn.remarks, sizeof cn.remarks,
	    "Receipt %s of terminal %s paid items another payment had "
	    "already settled; the difference is credit",
	    p->receipt_no, origin);
	xstrlcpy(cn.created_on, p->paid_on, sizeof cn.created_on);
	svc_now(cn.created_at);
	xstrlcpy(cn.created_by, "central node", sizeof cn.created_by);
	xstrlcpy(cn.terminal, s->cfg.terminal_id, sizeof cn.terminal);
	cn.automatic = 1;
	snprintf(note, sizeof note, " (sync) terminal=%s", origin);
	return ledger_credit_note(s, p, &cn, cn.created_at, note, err);
}

/* The credit note a record carries, against payment p: audited on the
 * central node when it is a record of its own (audit_at). */
int
sync_insert_credit(struct svc *s, const struct syncrec *r,
    const struct payment *p, const char *audit_at, struct pd_err *err)
{
	struct credit_note cn = r->cn;
	char note[32];

	cn.id = 0;
	if (svc_record_user(s, cn.created_by, r->branch, &cn.user_id, err) != 0)
		return -1;
	if (cn.created_at[0] == '\0')
		xstrlcpy(cn.created_at, r->at, sizeof cn.created_at);
	snprintf(note, sizeof note, " terminal=%s", r->terminal);
	return ledger_credit_note(s, p, &cn, audit_at, note, err);
}

/* A payment record's figures, and on the central node its numbers: free,
 * and the allocations and overpayment adding up to the amount. */
static int
check_payment_record(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	const char *nums[4];
	int64_t sum = 0;
	size_t i;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];
	int all_free;

	if (p->amount <= 0)
		return pd_fail(err, PD_EINVAL, _("Amount must be positive"));
	if (mode != APPLY_CENTRAL)
		return 0;
	for (i = 0; i < r->nallocs; i++)
		sum += r->allocs[i].amount;
	if (sum + p->overpaid != p->amount || p->overpaid < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Allocations (%s) and overpaid (%s) do not "
		      "add up to the amount (%s)"),
		    money_plain(m1, sizeof m1, sum, s->cfg.minor_digits),
		    money_plain(
		        m2, sizeof m2, p->overpaid, s->cfg.minor_digits),
		    money_plain(m3, sizeof m3, p->amount, s->cfg.minor_digits));
	nums[0] = p->payment_no;
	nums[1] = p->txn_no;
	nums[2] = p->receipt_no;
	nums[3] = r->has_cn ? r->cn.cn_no : NULL;
	/* all free, the usual answer, in one statement; a taken one is
	 * named by the checks of each, in their order */
	if (store_numbers_free(s->st, nums, &all_free, err) != 0)
		return -1;
	if (all_free)
		return 0;
	if (sync_number_free(s, _("Payment number"), p->payment_no, err) ||
	    sync_number_free(s, _("Transaction number"), p->txn_no, err) ||
	    sync_number_free(s, _("Receipt number"), p->receipt_no, err) ||
	    (r->has_cn &&
	        sync_number_free(s, _("Credit note number"), r->cn.cn_no, err)))
		return -1;
	return 0;
}

/* What each allocation of payment record r may take of its item
 * (give[i]; items[i] as read). On the central node an item settled
 * meanwhile takes only what it has left, and the rest (*excess) becomes
 * credit. */
static int
read_shares(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    int64_t cid, struct item *items, int64_t *give, int64_t *excess,
    struct arrangement *plans, struct pd_err *err)
{
	size_t i, j;

	*excess = 0;
	for (i = 0; i < r->nallocs; i++) {
		int64_t iid, left, need;
		int rc;

		/* a service charge its terminal cancelled with an uphold
		 * refused here (sync_check_pay.c): what it paid is credit */
		if (mode == APPLY_CENTRAL &&
		    store_id_of(s->st, TBL_ITEMS, r->allocs[i].item.uuid, &iid,
		        err) != 0)
			return -1;
		if (mode == APPLY_CENTRAL && iid == 0 &&
		    (rc = svc_dsp_lost_charge(s, cid, r->allocs[i].item.ref,
		         r->allocs[i].item.uuid, err)) != 0) {
			if (rc < 0)
				return -1;
			memset(&items[i], 0, sizeof items[i]);
			give[i] = 0;
			*excess += r->allocs[i].amount;
			continue;
		}
		/* an installment of a change of its plan refused here,
		 * which its terminal undid (arrange_carry.c): carried to the
		 * plan's debt once the known items have taken theirs */
		if (mode == APPLY_CENTRAL && iid == 0 &&
		    (rc = svc_arr_lost_inst(s, cid, r->allocs[i].item.ref, r->terminal,
		         &plans[i], err)) != 0) {
			if (rc < 0)
				return -1;
			memset(&items[i], 0, sizeof items[i]);
			give[i] = 0;
			continue;
		}
		if (sync_need_id(s, TBL_ITEMS, r->allocs[i].item.uuid,
		        _("Item"), &iid, err) != 0 ||
		    store_item_by_id(s->st, iid, &items[i], err) != 0)
			return -1;
		if (items[i].consumer_id != cid)
			return pd_fail(err, PD_EINVAL,
			    _("Item %s belongs to another consumer"),
			    items[i].ref);
		if (r->allocs[i].amount <= 0)
			return pd_fail(err, PD_EINVAL,
			    _("Allocation to %s must be positive"),
			    items[i].ref);
		give[i] = r->allocs[i].amount;
		/* what an arrangement moved of it meanwhile gives way
		 * (arrange_sync.c), on every node alike */
		for (need = give[i], j = 0; j < i; j++)
			if (items[j].id == items[i].id)
				need += give[j];
		if ((mode == APPLY_REPLICA
		            ? svc_arr_reopen_pulled(s, &items[i], need, err)
		            : svc_arr_reopen(s, &items[i], need, 0, err)) != 0)
			return -1;
		if (mode != APPLY_CENTRAL)
			continue;
		/* earlier allocations of this record to the same item are
		 * already counted in left */
		left = items[i].amount - items[i].settled;
		for (j = 0; j < i; j++)
			if (items[j].id == items[i].id)
				left -= give[j];
		if (left < 0)
			left = 0;
		if (give[i] > left)
			give[i] = left;
		*excess += r->allocs[i].amount - give[i];
	}
	return 0;
}

/* Allocate payment pid's shares of record r; a replica first makes room
 * on each item (its own later payments give way); each share keeps what
 * its item had open before as the record says, the counter's, at the
 * central node (a share taken whole) and every terminal alike
 * (helper-236, fault 3: $130.00 due where the plan's cancel came first
 * and the installment was reopened for it, $200.08 at the counter). */
static int
allocate_shares(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    int64_t pid, struct item *items, int64_t *give, struct pd_err *err)
{
	size_t n = r->nallocs;
	size_t i;

	for (i = 0; i < n; i++) {
		if (give[i] == 0)
			continue;
		/* re-read: an earlier allocation may have changed it */
		if (store_item_by_id(s->st, items[i].id, &items[i], err) != 0 ||
		    (mode == APPLY_REPLICA &&
		        svc_make_room(s, &items[i], give[i], err) != 0))
			return -1;
		if (give[i] > items[i].amount - items[i].settled)
			give[i] = items[i].amount - items[i].settled;
		/* the central node too, of a share taken whole: what the
		 * counter saw due (checked, sync_check_pay.c), not what its
		 * reopening of a plan's installment left open here */
		if (give[i] > 0 &&
		    ledger_allocate_due(s, pid, &items[i], give[i],
		        mode == APPLY_REPLICA || give[i] == r->allocs[i].amount
		            ? r->allocs[i].due_before
		            : 0,
		        err) != 0)
			return -1;
	}
	return 0;
}

static int
apply_payment(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	struct payment p = r->p;
	struct item *items;
	struct arrangement *plans;
	int64_t cid, *give, excess = 0, carried = 0;
	size_t i;
	int rc = -1;
	char at[TS_BUFSZ], detail[320], m[MONEY_BUFSZ], carry[96] = "";

	if (sync_need_id(s, TBL_CONSUMERS, r->consumer_uuid, _("Consumer"),
	        &cid, err) != 0 ||
	    check_payment_record(s, mode, r, err) != 0)
		return -1;
	items = xcalloc(r->nallocs + 1, sizeof *items);
	give = xcalloc(r->nallocs + 1, sizeof *give);
	plans = xcalloc(r->nallocs + 1, sizeof *plans);
	if (read_shares(s, mode, r, cid, items, give, &excess, plans, err) !=
	    0)
		goto out;
	/* altered: its terminal pulls back what the central node did */
	for (i = 0; i < r->nallocs && plans[i].id == 0; i++)
		;
	if (mode == APPLY_CENTRAL &&
	    store_sync_origin(s->st, r->terminal, excess > 0 || i < r->nallocs,
	        err) != 0)
		goto out;
	p.id = 0;
	p.consumer_id = cid;
	/* the team it was taken for, kept as its record says (issue 23):
	 * text a person reads, as a user's team */
	if (svc_check_text(_("Team"), p.team, 32, 0, err) != 0 ||
	    svc_record_user(s, p.received_by, r->branch, &p.user_id, err) != 0)
		goto out;
	/* a record of a terminal that has not upgraded carries no team: the
	 * central node takes its user's team as it is when applied */
	if (mode == APPLY_CENTRAL && !r->has_team && p.user_id != 0) {
		struct user u;

		if (store_user_by_id(s->st, p.user_id, &u, err) != 0)
			goto out;
		xstrlcpy(p.team, u.team, sizeof p.team);
	}
	if (ledger_payment(s, &p, err) != 0 ||
	    store_received_add(s->st, p.uuid, err) != 0 ||
	    allocate_shares(s, mode, r, p.id, items, give, err) != 0)
		goto out;
	/* what it paid of installments of a refused change: carried to
	 * the plan's debt here, the rest credit (review R21b, fault 1) */
	for (i = 0; i < r->nallocs; i++) {
		int64_t left = r->allocs[i].amount;

		if (plans[i].id == 0)
			continue;
		if (svc_arr_carry(s, p.id, &plans[i], &left, 0, err) != 0)
			goto out;
		excess += left;
		carried += r->allocs[i].amount - left;
	}
	if (mode == APPLY_CENTRAL) {
		if (r->has_cn && sync_insert_credit(s, r, &p, NULL, err) != 0)
			goto out;
		if (excess > 0 &&
		    excess_credit(s, &p, excess, r->terminal, err) != 0)
			goto out;
		svc_now(at);
		if (carried > 0)
			snprintf(carry, sizeof carry,
			    " carried=%lld (installments of a refused change of "
			    "its plan)",
			    (long long)carried);
		snprintf(detail, sizeof detail,
		    "terminal=%s amount=%s receipt=%s credited=%lld%s",
		    r->terminal,
		    money_plain(m, sizeof m, p.amount, s->cfg.minor_digits),
		    p.receipt_no, (long long)excess, carry);
		if (svc_audit(s, at, "apply", "payment", p.payment_no, detail,
		        err) != 0)
			goto out;
	}
	/* another terminal's payment above [alerts] large_payment: the
	 * same alert (its cause the payment's) as where it was posted,
	 * raised now, when this terminal learns of it (helper-231, fault 4:
	 * stamped with the payment's time, its audit entry went back in
	 * time) */
	if (mode == APPLY_REPLICA) {
		char now[TS_BUFSZ];

		svc_now(now);
		if (svc_alert_payment(s, &p, now, err) != 0)
			goto out;
	}
	rc = 0;
out:
	free(items);
	free(give);
	free(plans);
	return rc;
}

/* Replica: what this terminal's own payment pid (its allocations al, n,
 * as they were before reconcile_payment gave some back) holds of fewer
 * items than the central node's record r says: taken, as a pulled
 * payment takes its items (an arrangement's move and this terminal's
 * later payments give way). A payment taken into an installment of a
 * change the central node refused, carried there to the plan's debt
 * (arrange_carry.c; review R21b, fault 1), holds the plan's installments
 * the central node has, which its terminal had not. */
static int
take_more(struct svc *s, int64_t pid, const struct syncrec *r,
    const struct allocation *al, size_t n, struct pd_err *err)
{
	struct item it;
	int64_t id, central, local, add, first = 0;
	size_t i, k;

	for (i = 0; i < n && first == 0; i++)
		if (al[i].reverses == 0)
			first = al[i].id;
	for (k = 0; k < r->nallocs; k++) {
		for (i = 0; i < k; i++)
			if (strcmp(r->allocs[i].item.uuid,
			        r->allocs[k].item.uuid) == 0)
				break;
		if (i < k)
			continue;
		for (central = 0, i = k; i < r->nallocs; i++)
			if (strcmp(r->allocs[i].item.uuid,
			        r->allocs[k].item.uuid) == 0)
				central += r->allocs[i].amount;
		for (local = 0, i = 0; i < n; i++)
			if (strcmp(al[i].item.uuid, r->allocs[k].item.uuid) ==
			    0)
				local += al[i].amount;
		if ((add = central - (local < 0 ? 0 : local)) <= 0)
			continue;
		if (sync_need_id(s, TBL_ITEMS, r->allocs[k].item.uuid,
		        _("Item"), &id, err) != 0 ||
		    store_item_by_id(s->st, id, &it, err) != 0 ||
		    svc_arr_reopen(s, &it, add, 1, err) != 0 ||
		    svc_make_room(s, &it, add, err) != 0 ||
		    store_item_by_id(s->st, id, &it, err) != 0)
			return -1;
		if (add > it.amount - it.settled)
			add = it.amount - it.settled;
		/* linked to its first allocation, as a reversal taken back
		 * is: the allocations as recorded add up to its amount */
		if (add > 0 && ledger_allocate(s, pid, &it, add, first, NULL,
		                   err) != 0)
			return -1;
	}
	return 0;
}

/* Replica: this terminal's own payment as the central node applied it:
 * give back what the central node did not let it take, and take what
 * it took of items this terminal's did not hold (take_more). */
static int
reconcile_payment(
    struct svc *s, int64_t pid, const struct syncrec *r, struct pd_err *err)
{
	struct allocation *al;
	size_t n, i, k;
	int rc = -1;

	al = store_allocations_of(s->st, pid, &n, err);
	if (al == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		int64_t local = ledger_item_held(al, n, i), central = 0;
		struct item it;

		if (local < 0)
			continue; /* the item's first row speaks for it */
		for (k = 0; k < r->nallocs; k++)
			if (strcmp(r->allocs[k].item.uuid, al[i].item.uuid) ==
			    0)
				central += r->allocs[k].amount;
		if (local <= central)
			continue;
		if (store_item_by_id(s->st, al[i].item_id, &it, err) != 0 ||
		    give_back(s, pid, al[i].id, &it, local - central, err) != 0)
			goto out;
	}
	rc = take_more(s, pid, r, al, n, err);
out:
	free(al);
	return rc;
}

/* Replica: a payment record of a payment here already. Only this
 * terminal's own payment comes back for a reason (the central node
 * altered it: reconcile_payment); another terminal's, or one voided here,
 * is a replay (a pull from cursor 0) and changes nothing: the record says
 * what the payment took as it was recorded, and what happened to it
 * since (its void, what gave way) is here already, by records of their
 * own (issue 20: a replay gave a voided payment its allocations back). */
static int
replay_payment(
    struct svc *s, int64_t pid, const struct syncrec *r, struct pd_err *err)
{
	struct payment p;

	if (store_payment_by_id(s->st, pid, &p, err) != 0)
		return -1;
	if (p.status == PS_VOIDED ||
	    strcmp(p.terminal, s->cfg.terminal_id) != 0)
		return 1;
	return reconcile_payment(s, pid, r, err);
}

static int apply_kind(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);

/* A record applied at the central node whose kind writes no audit entry
 * of its own there (an arrangement's installments, a dispute's charge, a
 * shift) leaves the seals of the rows it wrote unclaimed: doctor called
 * them made outside any use case until a payment's entry came to claim
 * them (review of issue 18). An entry of its own claims them at once.
 * At a terminal, a pulled setting or user (sealed rows only a pull or an
 * import may change) is claimed at once by a pull entry of its own: left
 * for the page's entry, the next record of the page that wrote an entry
 * of its own claimed it (a pulled payment's large-payment alert, "raise
 * alerts"), and doctor refused the store (test_dispute: the alert rules
 * pulled with the payments that broke them). */
int
svc_apply_record(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	char at[TS_BUFSZ], detail[160];
	int rc = apply_kind(s, mode, r, err);

	if (rc == 0 && mode == APPLY_REPLICA &&
	    (r->kind == SR_SETTING || r->kind == SR_USER) &&
	    store_seals_pending(s->st)) {
		svc_now(at);
		snprintf(detail, sizeof detail, "%s=%s",
		    syncrec_kind_name(r->kind),
		    r->kind == SR_SETTING ? r->set.key : r->u.username);
		return svc_audit(s, at, "pull", "sync", r->uuid, detail, err);
	}
	if (rc != 0 || mode != APPLY_CENTRAL || !store_seals_pending(s->st))
		return rc;
	svc_now(at);
	snprintf(detail, sizeof detail, "terminal=%s record=%s%s%s",
	    r->terminal, r->uuid, r->op[0] ? " op=" : "", r->op);
	return svc_audit(s, at, "apply", syncrec_kind_name(r->kind), r->uuid,
	    detail, err);
}

static int
apply_kind(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	static const enum store_table key[SR_KINDS] = {
	    [SR_PAYMENT] = TBL_PAYMENTS,
	    [SR_VOID] = TBL_VOIDS,
	    [SR_VERIFY] = TBL_PAYMENTS,
	    [SR_CREDIT_NOTE] = TBL_CREDIT_NOTES,
	    [SR_CREDIT_APPLY] = TBL_CREDIT_APPLICATIONS,
	};
	int64_t id = 0;
	struct user u;

	if (mode == APPLY_CENTRAL && syncrec_reference(r->kind))
		return pd_fail(err, PD_EINVAL,
		    _("%s records are reference data, mastered by the central "
		      "node; a terminal cannot send them"),
		    syncrec_kind_name(r->kind));
	if (mode == APPLY_REPLICA && r->kind < SR_CONSUMER &&
	    r->kind != SR_VERIFY) { /* the ledger's kinds */
		if (store_id_of(s->st, key[r->kind], r->uuid, &id, err) != 0)
			return -1;
		if (id != 0)
			return r->kind == SR_PAYMENT
			           ? replay_payment(s, id, r, err)
			           : 1;
	}
	switch (r->kind) {
	case SR_PAYMENT:
		return apply_payment(s, mode, r, err);
	case SR_VOID:
		return sync_apply_void(s, mode, r, err);
	case SR_VERIFY:
		return sync_apply_verify(s, mode, r, err);
	case SR_CREDIT_NOTE:
		return sync_apply_credit_note(s, mode, r, err);
	case SR_CREDIT_APPLY:
		return sync_apply_credit_use(s, mode, r, err);
	case SR_CONSUMER:
		return sync_apply_consumer(s, r, err);
	case SR_ITEM:
		return sync_apply_item(s, r, err);
	case SR_USER:
		u = r->u;
		/* a team the central node sent is text a person reads */
		if (svc_check_text(_("Team"), u.team, 32, 0, err) != 0 ||
		    svc_check_text(_("Branch"), u.branch, 16, 0, err) != 0)
			return -1;
		return store_user_upsert(s->st, &u, err);
	case SR_SETTING:
		return svc_setting_put(s, r->set.key, r->set.value, r->at, err);
	case SR_SHIFT_OPEN:
	case SR_SHIFT_MOVE:
	case SR_SHIFT_CLOSE:
		if (mode == APPLY_CENTRAL)
			return svc_apply_shift(s, r, err);
		return svc_shift_pulled(s, r, err);
	case SR_ARRANGEMENT:
		return svc_arr_apply(s, r, mode == APPLY_REPLICA, err);
	case SR_GW_PAYMENT:
		return svc_gateway_pulled(s, r, err);
	case SR_GW_ASSOC:
		if (mode == APPLY_CENTRAL)
			return svc_gateway_assoc_apply(s, r, err);
		return pd_fail(err, PD_EINVAL,
		    _("A gateway association is applied by the central node; "
		      "a terminal never pulls one"));
	case SR_DEPOSIT:
		if (mode == APPLY_CENTRAL)
			return svc_apply_deposit(s, r, err);
		return svc_recon_pulled(s, r, err);
	case SR_STATEMENT:
	case SR_STMT_MATCH:
		if (mode == APPLY_CENTRAL)
			return svc_apply_stmt(s, r, err);
		return svc_recon_pulled(s, r, err);
	case SR_DISPUTE:
		return svc_dispute_apply(s, mode, r, err);
	case SR_ALERT:
		return svc_alert_apply(s, mode, r, err);
	case SR_RECON_RESOLVE:
		if (mode == APPLY_CENTRAL)
			return svc_apply_resolution(s, r, err);
		return svc_recon_pulled(s, r, err);
	default:
		return pd_fail(err, PD_EINVAL, _("Unknown record kind"));
	}
}
