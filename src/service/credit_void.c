/* credit_void.c - a credit note the central node refused, voided by a
 * supervisor at the terminal that made it (review 21, session 40, fault
 * 9).
 *
 * An uphold by a credit note that the central node refused (another
 * terminal's step came first) is undone at its terminal, unless the note
 * was applied there since: then the uphold and the note "stay, for a
 * supervisor to put right" (dispute_undo.c), and that terminal owes less
 * than every other node, which never had the note. `paydesk credit-note
 * void CN --reason TEXT` is that supervisor's way: in one transaction
 *  - each application of the note is undone (its item owes it again, its
 *    record held here, never sent: sync_undone, as an application that
 *    gives way to an undone void), the note Voided, audited "void";
 *  - the uphold that made it, refused by the central node, is undone as
 *    a refused step is (dispute_undo.c), and the central node's steps of
 *    that dispute this terminal set aside at the pull (they could not
 *    follow the uphold) are applied now and leave the quarantine;
 * so that the terminal shows the central node's debt, dispute and
 * timeline at once. Nothing is sent: the central node never had the note.
 * Only a note whose record the central node refused can be voided so; a
 * note it has is the organisation's (void its payment instead). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "dispute_int.h"
#include "paydesk/money.h"
#include "paydesk/say.h"

/* The refused record of uuid among the quarantine q (n), or NULL. */
static const struct outbox_rec *
refused_rec(const struct outbox_rec *q, size_t n, const char *uuid)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (q[i].id != 0 && strcmp(q[i].uuid, uuid) == 0)
			return &q[i];
	return NULL;
}

/* Undo the applications of cn: *detail gets what each gave back. */
static int
unapply_all(struct svc *s, const struct credit_note *cn,
    const struct outbox_rec *q, size_t nq, const char *why, const char *at,
    char *detail, size_t dn, struct pd_err *err)
{
	struct credit_application *a;
	char kept[SAY_MAX], m[32];
	const char *args[1];
	size_t n, i, w = strlen(detail);
	int rc = 0;

	if ((a = store_credit_applications(s->st, cn->id, &n, err)) == NULL)
		return -1;
	args[0] = cn->cn_no;
	say_keep(kept, sizeof kept,
	    N_("This terminal's credit note %s is voided: its application is "
	       "undone"),
	    1, args);
	for (i = 0; i < n && rc == 0; i++) {
		rc = store_undone_add(s->st, a[i].uuid, "dispute", at, why, err);
		if (rc == 0)
			rc = store_item_settle(
			    s->st, a[i].item_id, -a[i].amount, err);
		if (rc == 0)
			rc = store_credit_add_applied(
			    s->st, cn->id, -a[i].amount, err);
		/* one not sent yet is held here with the reason */
		if (rc == 0 && refused_rec(q, nq, a[i].uuid) == NULL)
			rc = store_outbox_reject(s->st, a[i].uuid, kept, at, err);
		if (w < dn)
			w += (size_t)snprintf(detail + w, dn - w, " %s=%s",
			    a[i].item_ref,
			    money_plain(m, sizeof m, a[i].amount,
			        s->cfg.minor_digits));
	}
	free(a);
	return rc;
}

/* The central node's steps of dispute dispute_no that this terminal set
 * aside at the pull, applied again now that its own uphold is undone;
 * each one that applies leaves the quarantine. */
static int
reapply_pulled(struct svc *s, const struct outbox_rec *q, size_t nq,
    const char *dispute_no, struct pd_err *err)
{
	size_t i;

	for (i = 0; i < nq; i++) {
		struct syncrec r;
		struct pd_err e = {0};
		int rc;

		if (q[i].id != 0 || strcmp(q[i].kind, "dispute") != 0 ||
		    strcmp(q[i].ref, dispute_no) != 0 || q[i].payload == NULL ||
		    syncrec_decode(q[i].payload, strlen(q[i].payload), &r, &e) !=
		        0)
			continue;
		if (store_begin(s->st, err) != 0) {
			syncrec_free(&r);
			return -1;
		}
		rc = svc_apply_record(s, APPLY_REPLICA, &r, &e);
		syncrec_free(&r);
		if (rc < 0 && e.code == PD_ESTORE) {
			store_rollback(s->st);
			*err = e;
			return -1;
		}
		if (rc < 0) { /* still refused: it stays set aside */
			store_rollback(s->st);
			continue;
		}
		if (store_pull_release(s->st, q[i].uuid, err) != 0 ||
		    store_commit(s->st, err) != 0)
			return -1;
	}
	return 0;
}

/* The uphold that made cn, refused by the central node and kept here
 * ("stays"), undone; and the central node's steps set aside, applied. */
static int
undo_uphold(struct svc *s, const struct credit_note *cn,
    const struct outbox_rec *q, size_t nq, const char *at,
    struct pd_err *err)
{
	size_t i;

	for (i = 0; i < nq; i++) {
		struct syncrec r;
		struct dispute_event e;
		struct dispute d;
		struct pd_err e2 = {0};
		int64_t did = 0;
		int rc;

		if (q[i].id == 0 || strcmp(q[i].kind, "dispute") != 0 ||
		    q[i].payload == NULL ||
		    syncrec_decode(q[i].payload, strlen(q[i].payload), &r, &e2) !=
		        0)
			continue;
		rc = store_dsp_event_read(s->st, 0, r.uuid, &e, &did, err);
		syncrec_free(&r);
		if (rc < 0)
			return -1;
		if (rc != 0 || strcmp(e.kind, "uphold") != 0)
			continue;
		if (store_dsp_by_key(s->st, did, NULL, &d, err) != 0)
			return -1;
		if (strcmp(d.credit_uuid, cn->uuid) != 0)
			continue;
		if (svc_dispute_refused(s, q[i].payload, q[i].reason, at, err) <
		        0 ||
		    reapply_pulled(s, q, nq, d.dispute_no, err) != 0)
			return -1;
	}
	return 0;
}

static int
void_in_tx(struct svc *s, const char *cn_no, const char *reason,
    struct pd_err *err)
{
	struct credit_note cn;
	struct outbox_rec *q;
	char at[TS_BUFSZ], detail[1024];
	size_t nq;
	int rc = -1;

	if (store_credit_lookup(s->st, cn_no, &cn, err) != 0)
		return -1;
	if (cn.voided)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s is voided already"), cn.cn_no);
	if ((q = store_outbox_quarantine(s->st, &nq, err)) == NULL)
		return -1;
	if (refused_rec(q, nq, cn.uuid) == NULL) {
		pd_fail(err, PD_EINVAL,
		    _("Credit note %s is not one the central node refused: "
		      "only such a note (in sync --quarantine) can be voided "
		      "here; the credit of a note the central node has goes "
		      "back by a void of its payment"),
		    cn.cn_no);
		goto out;
	}
	svc_now(at);
	snprintf(detail, sizeof detail, "reason=%s; applications undone:",
	    reason);
	if (unapply_all(s, &cn, q, nq, reason, at, detail, sizeof detail,
	        err) != 0 ||
	    store_credit_set_voided(s->st, cn.id, err) != 0 ||
	    svc_audit(s, at, "void", "credit_note", cn.cn_no, detail, err) != 0 ||
	    undo_uphold(s, &cn, q, nq, at, err) != 0 ||
	    /* what its applications paid is owed again (an installment
	     * missed, an item overdue again), its expiring alert ends
	     * (review 21b, fault 8b: the plans were not read again) */
	    svc_alerts_reread(s, cn.consumer_id, 1, "credit", at, err) != 0)
		goto out;
	rc = 0;
out:
	store_outbox_free(q, nq);
	return rc;
}

int
svc_credit_void(struct svc *s, const char *cn_no, const char *reason,
    struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Voiding a credit note"), err) !=
	        0 ||
	    svc_check_text_fits(_("Void reason"), reason, s->cfg.remarks_max,
	        SVC_TEXT_BUFSZ, 1, err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, void_in_tx(s, cn_no, reason, err), err);
}
