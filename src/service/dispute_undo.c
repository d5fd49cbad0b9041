/* dispute_undo.c - a dispute's step that the central node refused, undone
 * at the terminal that made it (review of issue 21, fault 3: T02 upheld a
 * dispute by voiding its payment while T03 rejected it and synced first;
 * the central node kept the rejection and refused the uphold and its
 * void, but T02 kept both for good: the dispute upheld there, the payment
 * voided, the consumer owing 10.00 more than at T03 and the central
 * node).
 *
 * The rule (paydesk(1), DISPUTES): the central node takes a dispute's
 * steps in the order they reach it, the first to arrive wins; a step that
 * no longer follows there is refused, and its terminal undoes it in the
 * push's transaction, so that once each has synced every terminal has
 * the central node's timeline, payment status and debt:
 *  - the step leaves the timeline (sync_undone), and the dispute's status
 *    is the one its other steps give; the step that won is pulled next;
 *  - an uphold by a void: the void is undone, the payment Posted again and
 *    allocated again to the items it held before the void, each taken
 *    back where something took it meanwhile that the central node does
 *    not have: a credit application not sent or refused is undone (the
 *    note's remaining back), then a payment taken after the void gives
 *    way (as a pulled payment takes its items: it is credit where the
 *    central node applied it); a payment taken before never gives way
 *    (give_way);
 *  - an uphold by a credit note: the note is voided, unless it was applied
 *    here since (then both stay, said in the reason);
 *  - an opening: the dispute is listed and found no more.
 * Each undo is audited ("undo"); the refusal's reason, kept with the
 * outbox record, says what was undone, and the refused-record alert of
 * the round (alerts.c) carries it to the recovery and supervisor roles.
 * As a refused match or plan change, it queues nothing: the central node
 * never had it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "dispute_int.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/say.h"

/* The rows of the void of payment al (n rows, by id): its reversals, one
 * per item, are the payment's last rows (nothing follows a void), made
 * in one transaction, so numbered one after the other; a reversal made
 * before them (an item given back to another payment, which then took
 * it: a row of its own between) is not one of them. *first gets the
 * index of the first of them. */
static size_t
void_rows(const struct allocation *al, size_t n, size_t *first)
{
	size_t i = n, j;

	while (i > 0 && al[i - 1].amount < 0 && al[i - 1].reverses != 0 &&
	       (i == n || al[i - 1].id + 1 == al[i].id)) {
		for (j = i; j < n; j++)
			if (al[j].item_id == al[i - 1].item_id)
				break;
		if (j < n)
			break;
		i--;
	}
	*first = i;
	return n - i;
}

static int undo_step(struct svc *s, const struct syncrec *r, const char *why,
    const char *at, struct pd_err *err);

/* Undo credit application a (not sent, or refused) to item it, with the
 * uphold the central node refused: the item open again by its amount,
 * the note's remaining back, its record held here (not sent) with the
 * reason, audited "undo". */
static int
unapply(struct svc *s, const struct credit_application *a, struct item *it,
    const char *why, const char *at, struct pd_err *err)
{
	struct credit_note cn;
	struct dispute_event e;
	struct syncrec r;
	char detail[768], kept[SAY_MAX], m[32];
	const char *args[2];
	int rc;

	if (store_credit_by_id(s->st, a->credit_note_id, &cn, err) != 0)
		return -1;
	args[0] = cn.cn_no;
	args[1] = it->ref;
	say_keep(kept, sizeof kept,
	    N_("This terminal's application of credit note %s to %s is undone "
	       "with the dispute's uphold the central node refused: the "
	       "payment the uphold voided holds the item again, and the "
	       "credit note's remaining is back"),
	    2, args);
	snprintf(detail, sizeof detail,
	    "credit_apply=%s item=%s amount=%s given back: %s", a->uuid,
	    it->ref, money_plain(m, sizeof m, a->amount, s->cfg.minor_digits),
	    why);
	if (store_undone_add(s->st, a->uuid, "dispute", at, why, err) != 0 ||
	    store_item_settle(s->st, it->id, -a->amount, err) != 0 ||
	    store_credit_add_applied(s->st, cn.id, -a->amount, err) != 0 ||
	    store_outbox_reject(s->st, a->uuid, kept, at, err) != 0 ||
	    svc_audit(s, at, "undo", "credit_note", cn.cn_no, detail, err) != 0 ||
	    /* the item owed again, the note's credit back: their alerts
	     * raised again if they had ended (review 21b, fault 8b) */
	    svc_alerts_reread(s, it->consumer_id, 1, "sync", at, err) != 0)
		return -1;
	it->settled -= a->amount;
	/* the note of an uphold the central node refused earlier in this
	 * round stayed, as it was applied here (uncredit): applied no more,
	 * that uphold is undone now, the note voided with it */
	if (cn.applied - a->amount != 0 || cn.voided)
		return 0;
	if ((rc = store_dsp_credit_uphold(s->st, cn.uuid, &e, err)) != 0)
		return rc < 0 ? -1 : 0;
	if ((rc = store_outbox_was_rejected(s->st, e.uuid, err)) <= 0)
		return rc;
	memset(&r, 0, sizeof r);
	xstrlcpy(r.uuid, e.uuid, sizeof r.uuid);
	args[1] = why;
	say_keep(kept, sizeof kept,
	    N_("This terminal's uphold and its credit note %s are undone: the "
	       "credit note's application here gave way to a void the central "
	       "node refused (%s)"),
	    2, args);
	if ((rc = undo_step(s, &r, why, at, err)) < 0 ||
	    store_outbox_reject(s->st, e.uuid, kept, at, err) != 0 ||
	    store_outbox_reject(s->st, cn.uuid, kept, at, err) != 0)
		return -1;
	return 0;
}

/* Make room on item it for need, the allocation an undone void gives
 * back to its payment (review 21, session 40, fault 5: T01's credit
 * note applied into the room its void opened took it; the undo took it
 * back from a payment the central node already had, whose money then
 * vanished at T01). What took the room here since and the central node
 * does not have gives way, newest first: a credit application not sent
 * (pending, or refused: the central node never had the room) is undone;
 * then a payment of this terminal taken after the void (its record after
 * the void's, vuuid) gives the item back: the central node, which never
 * had the room, made it credit (its altered payment, pulled next) or
 * makes it when it applies it, as for a pulled payment. A payment taken
 * before the void never gives room: the central node holds the item by
 * it as here. What is still short stays unallocated (the central node
 * voided the payment too, and the pull brings that void next); doctor's
 * payment balances check says so if it stays. */
static int
give_way(struct svc *s, struct item *it, int64_t need, const char *vuuid,
    const char *why, const char *at, struct pd_err *err)
{
	struct credit_application *ca;
	struct allocation *held;
	int64_t short_by = need - (it->amount - it->settled), take;
	size_t n, i;
	int rc = 0;

	if (short_by <= 0)
		return 0;
	if ((ca = store_credit_apps_unsent(s->st, it->id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n && short_by > 0 && rc == 0; i++) {
		rc = unapply(s, &ca[i], it, why, at, err);
		short_by -= ca[i].amount;
	}
	free(ca);
	if (rc != 0 || short_by <= 0)
		return rc;
	held = store_item_held_since(
	    s->st, it->id, s->cfg.terminal_id, vuuid, &n, err);
	if (held == NULL)
		return -1;
	for (i = 0; i < n && short_by > 0 && rc == 0; i++) {
		take = held[i].amount < short_by ? held[i].amount : short_by;
		rc = ledger_allocate(
		    s, held[i].payment_id, it, -take, held[i].id, NULL, err);
		short_by -= take;
	}
	free(held);
	return rc;
}

/* Undo void uuid: its payment Posted again, allocated again as before
 * it. 0 done (or nothing to do), -1 err. */
static int
unvoid(struct svc *s, const char *uuid, const char *why, const char *at,
    struct pd_err *err)
{
	struct allocation *al;
	struct credit_note *cns;
	struct void_row v;
	struct payment p;
	struct item it;
	size_t n, i, first, ncn;
	int64_t vid, need;
	char detail[768], base[64];
	int rc = -1;

	if (store_id_of(s->st, TBL_VOIDS, uuid, &vid, err) != 0)
		return -1;
	if (vid == 0)
		return 0;
	if ((rc = store_undone_has(s->st, uuid, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (store_void_by_id(s->st, vid, &v, err) != 0 ||
	    store_payment_by_id(s->st, v.payment_id, &p, err) != 0)
		return -1;
	if (p.status != PS_VOIDED)
		return 0;
	if ((al = store_allocations_of(s->st, p.id, &n, err)) == NULL)
		return -1;
	rc = -1;
	void_rows(al, n, &first);
	for (i = first; i < n; i++) {
		need = -al[i].amount;
		/* a credit application or a payment made here since, of
		 * the same item, gives way (give_way), and an arrangement's
		 * move of it, as for a pulled payment */
		if (store_item_by_id(s->st, al[i].item_id, &it, err) != 0 ||
		    svc_arr_reopen(s, &it, need, 0, err) != 0 ||
		    give_way(s, &it, need, uuid, why, at, err) != 0 ||
		    store_item_by_id(s->st, al[i].item_id, &it, err) != 0)
			goto out;
		if (need > it.amount - it.settled)
			need = it.amount - it.settled;
		if (need > 0 && ledger_allocate(s, p.id, &it, need, al[i].id,
		                    NULL, err) != 0)
			goto out;
	}
	/* the credit notes the void voided with it (an overpayment's):
	 * live again, as the central node, which never had the void, has
	 * them (review 21, session 40) */
	if ((cns = store_credits_of_payment(s->st, p.id, &ncn, err)) == NULL)
		goto out;
	for (i = 0; i < ncn; i++) {
		struct credit_note cn;

		if (!cns[i].voided)
			continue;
		/* its expiry's alert as it was (helper-234, fault 6) */
		snprintf(base, sizeof base, "credit-expiring:%s", cns[i].uuid);
		if (store_credit_unvoid(s->st, cns[i].id, err) != 0 ||
		    svc_alert_ends_undone(s, base, why, at, err) != 0 ||
		    store_credit_by_id(s->st, cns[i].id, &cn, err) != 0 ||
		    (!cn.voided && svc_audit(s, at, "undo", "credit_note",
		                       cn.cn_no, p.payment_no, err) != 0)) {
			free(cns);
			goto out;
		}
	}
	free(cns);
	snprintf(detail, sizeof detail, "void=%s refused: %s", uuid, why);
	/* the end of its large-payment alert that the void made taken back
	 * before the alerts are read again: the alert as it was, not one
	 * closed here alone and raised again as "#2" (helper-234, fault 6) */
	snprintf(base, sizeof base, "large-payment:%s", p.uuid);
	if (store_undone_add(s->st, uuid, "void", at, why, err) != 0 ||
	    svc_alert_ends_undone(s, base, why, at, err) != 0 ||
	    store_payment_set_status(s->st, p.id, PS_POSTED, p.verified,
	        p.verified_at, p.verified_by, err) != 0 ||
	    svc_audit(s, at, "undo", "payment", p.payment_no, detail, err) !=
	        0 ||
	    /* cleared again: what its void ended comes back, what it paid
	     * ends again (review 21b, fault 8b) */
	    svc_alerts_reread(s, p.consumer_id, 1, "sync", at, err) != 0)
		goto out;
	rc = 0;
out:
	free(al);
	return rc;
}

/* Void credit note uuid made by an uphold: 0 done, 1 it stays (applied
 * here since), -1 err. */
static int
uncredit(struct svc *s, const char *uuid, const char *why, const char *at,
    struct pd_err *err)
{
	struct credit_note cn;
	char detail[768];
	int64_t id;

	if (store_id_of(s->st, TBL_CREDIT_NOTES, uuid, &id, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	if (store_credit_by_id(s->st, id, &cn, err) != 0)
		return -1;
	if (cn.voided)
		return 0;
	if (cn.applied > 0)
		return 1;
	snprintf(detail, sizeof detail, "credit_note refused: %s", why);
	if (store_credit_set_voided(s->st, id, err) != 0 ||
	    svc_audit(s, at, "undo", "credit_note", cn.cn_no, detail, err) != 0)
		return -1;
	return 0;
}

/* The service charge uuid of an uphold undone here (a bounced cheque's,
 * add_charge), which the central node never had (review 21, session 40,
 * fault 6: left open, it was paid at the counter and the central node
 * refused the payment, "item ... is not known here"): cancelled, settled
 * in full by nothing (doctor's item balances count an undone charge so),
 * so that it is neither owed nor offered, audited "undo". A payment of
 * this terminal that took it meanwhile gives it back first, its money
 * credit at the central node as for an item settled there already
 * (sync_check_pay.c, sync_apply.c). A plan made of it meanwhile gives it
 * back too (review 21, session 41: it stayed moved into the plan, settled
 * twice, doctor's item balances failed): what the plan took of it comes
 * off the plan's installments, from the last back (svc_arr_reopen, as an
 * undone void takes its room back), audited on the plan with the reason;
 * the central node never had the plan either (it refuses it, the charge
 * unknown there) or, a plan kept here, has it without the charge. */
static int
uncharge(struct svc *s, const char *uuid, const char *why, const char *at,
    struct pd_err *err)
{
	struct allocation *held;
	struct arrangement a;
	struct item it;
	char detail[768], m[32];
	size_t n, i;
	int64_t id, moved, ev, arr;
	int rc = 0;

	if (store_id_of(s->st, TBL_ITEMS, uuid, &id, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	if ((rc = store_undone_has(s->st, uuid, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (store_item_by_id(s->st, id, &it, err) != 0 ||
	    (held = store_item_held_by(s->st, id, s->cfg.terminal_id, &n,
	         err)) == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = ledger_allocate(s, held[i].payment_id, &it,
		    -held[i].amount, held[i].id, NULL, err);
	free(held);
	if (rc != 0 ||
	    store_arr_item_moved(s->st, id, &moved, &ev, &arr, err) != 0)
		return -1;
	if (moved > 0 && arr != 0) {
		if (store_arr_by_id(s->st, arr, &a, err) != 0 ||
		    svc_arr_reopen(s, &it, it.amount, 0, err) != 0)
			return -1;
		snprintf(detail, sizeof detail,
		    "item=%s amount=%s taken off the plan, the charge "
		    "cancelled, refused: %s",
		    it.ref, money_plain(m, sizeof m, moved, s->cfg.minor_digits),
		    why);
		if (svc_audit(s, at, "undo", "arrangement", a.plan_no, detail,
		        err) != 0)
			return -1;
	}
	snprintf(detail, sizeof detail, "item=%s cancelled, refused: %s",
	    it.ref, why);
	if (it.settled < it.amount &&
	    store_item_settle(s->st, id, it.amount - it.settled, err) != 0)
		return -1;
	if (store_undone_add(s->st, uuid, "dispute", at, why, err) != 0 ||
	    svc_audit(s, at, "undo", "item", it.ref, detail, err) != 0)
		return -1;
	/* the charge cancelled owes nothing: its overdue alert ends */
	return svc_alerts_reread(s, it.consumer_id, 1, "sync", at, err);
}

/* The status the live steps of d give (its timeline as read, the undone
 * ones left out). */
static enum dsp_status
status_of(const struct dispute_event *e, size_t n)
{
	enum dsp_status st = DSP_OPEN;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(e[i].kind, "review") == 0 && st == DSP_OPEN)
			st = DSP_REVIEW;
		else if (strcmp(e[i].kind, "uphold") == 0)
			st = DSP_UPHELD;
		else if (strcmp(e[i].kind, "reject") == 0)
			st = DSP_REJECTED;
	return st;
}

static int
undo_step(struct svc *s, const struct syncrec *r, const char *why,
    const char *at, struct pd_err *err)
{
	struct dispute_event e, *ev;
	struct dispute d;
	enum dsp_status was;
	int64_t did = 0;
	size_t n;
	char detail[768];
	int rc;

	if ((rc = store_dsp_event_read(s->st, 0, r->uuid, &e, &did, err)) != 0)
		return rc < 0 ? -1 : 0;
	if ((rc = store_undone_has(s->st, e.uuid, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (store_dsp_by_key(s->st, did, NULL, &d, err) != 0)
		return -1;
	if (strcmp(e.kind, "uphold") == 0) {
		if (d.resolution[0] == 'c' &&
		    (rc = uncredit(s, d.credit_uuid, why, at, err)) != 0)
			return rc < 0 ? -1 : 2;
		if (d.resolution[0] == 'v' &&
		    unvoid(s, d.void_uuid, why, at, err) != 0)
			return -1;
	}
	if (store_undone_add(s->st, e.uuid, "dispute", at, why, err) != 0 ||
	    (ev = store_dsp_events(s->st, d.id, &n, err)) == NULL)
		return -1;
	was = d.status;
	d.status = status_of(ev, n);
	free(ev);
	if (d.status != DSP_UPHELD && was == DSP_UPHELD) {
		if (d.charge_uuid[0] != '\0' &&
		    uncharge(s, d.charge_uuid, why, at, err) != 0)
			return -1;
		d.resolution[0] = d.void_uuid[0] = d.credit_uuid[0] = '\0';
		d.charge_uuid[0] = '\0';
	}
	if (d.status != was && store_dsp_update(s->st, &d, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "step=%s event=%s refused: %s", e.kind,
	    e.uuid, why);
	if (svc_audit(s, at, "undo", "dispute", d.dispute_no, detail, err) != 0)
		return -1;
	return strcmp(e.kind, "uphold") == 0 ? 1
	       : strcmp(e.kind, "open") == 0 ? 4
	                                     : 3;
}

int
svc_void_refused(struct svc *s, const char *uuid, const char *reason,
    const char *at, struct pd_err *err)
{
	struct void_row v;
	struct payment p;
	int64_t vid;
	int rc;

	if (store_id_of(s->st, TBL_VOIDS, uuid, &vid, err) != 0)
		return -1;
	if (vid == 0)
		return 0;
	if ((rc = store_undone_has(s->st, uuid, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (store_void_by_id(s->st, vid, &v, err) != 0 ||
	    store_payment_by_id(s->st, v.payment_id, &p, err) != 0)
		return -1;
	if (p.status != PS_VOIDED)
		return 0;
	return unvoid(s, uuid, reason, at, err) != 0 ? -1 : 1;
}

int
svc_dispute_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err)
{
	struct syncrec r;
	struct pd_err e2 = {0};
	int rc = 0;

	if (syncrec_decode(payload, strlen(payload), &r, &e2) != 0)
		return 0;
	if (r.kind == SR_DISPUTE)
		rc = undo_step(s, &r, reason, at, err);
	syncrec_free(&r);
	return rc;
}

int
svc_was_undone(
    struct svc *s, const char *kind, const char *payload, struct pd_err *err)
{
	struct syncrec r;
	struct pd_err e2 = {0};
	int rc = 0;

	if (payload == NULL ||
	    syncrec_decode(payload, strlen(payload), &r, &e2) != 0)
		return 0;
	/* a plan's create or reschedule (arrange_undo.c), a dispute's
	 * step, a void, a credit application that gave way to it, an
	 * alert's step (sent again, the central node took it and this
	 * terminal, which never pulls its own, kept it undone: helper-231,
	 * fault 1) */
	if (strcmp(kind, "dispute") == 0 || strcmp(kind, "void") == 0 ||
	    strcmp(kind, "arrangement") == 0 ||
	    strcmp(kind, "credit_apply") == 0 || strcmp(kind, "alert") == 0)
		rc = store_undone_has(s->st, r.uuid, err);
	/* an uphold's credit note voided here with its undone uphold (or by
	 * its payment's void): the central node must not take a credit this
	 * terminal shows Voided (review 21, session 40) */
	if (strcmp(kind, "credit_note") == 0) {
		struct credit_note cn;
		int64_t id = 0;

		if (store_id_of(s->st, TBL_CREDIT_NOTES, r.uuid, &id, err) != 0)
			rc = -1;
		else if (id != 0 && store_credit_by_id(s->st, id, &cn, err) != 0)
			rc = -1;
		else if (id != 0)
			rc = cn.voided != 0;
	}
	syncrec_free(&r);
	return rc;
}
