/* credit_undo.c - a credit application the central node refused, undone
 * at the terminal that made it (review R21b, point 3).
 *
 * The central node refuses an application it cannot make as it has the
 * note and the item (sync_apply.c apply_credit_use, sync_check.c
 * push_credit_apply): the note voided there first (its payment voided at
 * another terminal), the note's credit spent there first (applied at
 * another terminal), the item paid there first (another terminal's
 * payment or application), the note unknown there (its own record
 * refused), its payment not Posted there, a date or item it does not
 * take. Whatever the reason (but one: the note of a dispute's uphold the
 * central node refused, which stays with the uphold for a supervisor,
 * dispute_undo.c), the application is undone here, as the
 * other refused kinds are (sync_round.c undo_kinds), so that the note's
 * remaining and the item's balance are the central node's: the item owes
 * the amount again, the note has it back, the record is held here with
 * the reason (sync_undone: never sent again, counted nowhere), audited
 * "undo", and the quarantine says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/money.h"
#include "paydesk/uuid.h"

int
svc_credit_apply_refused(struct svc *s, const char *payload, const char *why,
    const char *at, struct pd_err *err)
{
	struct syncrec r;
	struct credit_application a;
	struct credit_note cn;
	struct item it;
	struct dispute_event ev;
	struct pd_err e = {0};
	char detail[768], m[MONEY_BUFSZ], uuid[UUID_BUFSZ];
	int64_t id = 0;
	int rc;

	if (syncrec_decode(payload, strlen(payload), &r, &e) != 0)
		return 0;
	xstrlcpy(uuid, r.uuid, sizeof uuid);
	rc = r.kind != SR_CREDIT_APPLY
	         ? 0
	         : store_id_of(s->st, TBL_CREDIT_APPLICATIONS, r.uuid, &id, err);
	syncrec_free(&r);
	if (rc != 0 || id == 0)
		return rc < 0 ? -1 : 0;
	/* undone already, with a refused uphold's void (dispute_undo.c) */
	if ((rc = store_undone_has(s->st, uuid, err)) != 0)
		return rc < 0 ? -1 : 2;
	if (store_credit_apply_by_id(s->st, id, &a, err) != 0 ||
	    store_credit_by_id(s->st, a.credit_note_id, &cn, err) != 0 ||
	    store_item_by_id(s->st, a.item_id, &it, err) != 0)
		return -1;
	/* the note of a dispute's uphold the central node refused, which
	 * stays as it was applied here (dispute_undo.c): the dispute's
	 * way holds, for a supervisor to put right with credit-note void
	 * (credit_void.c, which undoes this application with the note) */
	if ((rc = store_dsp_credit_uphold(s->st, cn.uuid, &ev, err)) < 0)
		return -1;
	if (rc == 0 && (rc = store_outbox_was_rejected(s->st, ev.uuid, err)) != 0)
		return rc < 0 ? -1 : 0;
	snprintf(detail, sizeof detail,
	    "credit_apply=%s item=%s amount=%s given back: %s", a.uuid, it.ref,
	    money_plain(m, sizeof m, a.amount, s->cfg.minor_digits), why);
	if (store_undone_add(s->st, a.uuid, "credit", at, why, err) != 0 ||
	    store_item_settle(s->st, it.id, -a.amount, err) != 0 ||
	    store_credit_add_applied(s->st, cn.id, -a.amount, err) != 0 ||
	    svc_audit(s, at, "undo", "credit_note", cn.cn_no, detail, err) != 0 ||
	    /* an installment of a plan cancelled meanwhile: closed again
	     * by the cancel, as after a void */
	    svc_arr_unpaid(s, &it, a.amount, err) != 0 ||
	    /* the item owed again, the note's credit back: their alerts
	     * raised again if they had ended */
	    svc_alerts_reread(s, it.consumer_id, it.kind == PAY_INSTALLMENT,
	        "sync", at, err) != 0)
		return -1;
	return 1;
}
