/* sync_round.c - the terminal's sync round: push the outbox, then pull.
 *
 * Delivery is at least once: a batch is marked sent only from the central
 * node's answer, committed in one transaction; when no answer comes the
 * same records go again next time and the central node's idempotency
 * makes that harmless. The pull cursor moves in the transaction that
 * applies its page.
 *
 * The push is sync_push.c's, the pull sync_pull.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/say.h"
#include "paydesk/syncnet.h"
#include "paydesk/xmalloc.h"
#include "sync_round_int.h"

#define META_OK "sync.last_ok"
#define META_TRY "sync.last_try"
#define META_ERROR "sync.last_error"
#define META_ANCHOR "sync.anchor_error"
#define SYNC_CACHE_KB 131072 /* page cache during a round */

void
svc_sync_state(struct svc *s, struct sync_status *st)
{
	char v[32] = "0", kept[SAY_MAX] = "";

	memset(st, 0, sizeof *st);
	st->configured = s->cfg.sync_url[0] != '\0';
	st->pending = store_outbox_pending(s->st);
	st->quarantined = store_outbox_quarantined(s->st);
	store_meta_get(s->st, META_CURSOR, v, sizeof v);
	st->cursor = strtoll(v, NULL, 10);
	store_meta_get(s->st, META_OK, st->last_ok, sizeof st->last_ok);
	store_meta_get(s->st, META_TRY, st->last_try, sizeof st->last_try);
	store_meta_get(s->st, META_ERROR, kept, sizeof kept);
	/* kept to be said in the reader's language (say.h); a row from
	 * before, or a message not kept, is shown as it was written */
	say_render(st->last_error, sizeof st->last_error, kept);
	say_render_en(st->last_error_en, sizeof st->last_error_en, kept);
}

struct outbox_rec *
svc_sync_quarantine(struct svc *s, size_t *n, struct pd_err *err)
{
	struct outbox_rec *q = store_outbox_quarantine(s->st, n, err);
	char kept[sizeof q->reason];
	size_t i;

	/* a reason this terminal gave (set_aside) is kept to be said again
	 * in the reader's language; the central node's stays as said */
	for (i = 0; q != NULL && i < *n; i++) {
		xstrlcpy(kept, q[i].reason, sizeof kept);
		say_render(q[i].reason, sizeof q[i].reason, kept);
		say_render_en(q[i].reason_en, sizeof q[i].reason_en, kept);
	}
	return q;
}

void
svc_outbox_free(struct outbox_rec *r, size_t n)
{
	store_outbox_free(r, n);
}

/* A refused movement or close of a shift opened before shifts were
 * synced, queued again: its shift's opening is queued too, if it never
 * was (issue 20, point 4; the push sends it first, openings_first). */
static int
retry_opening(struct svc *s, const char *uuid, struct pd_err *err)
{
	struct outbox_rec *q;
	struct syncrec r;
	struct shift sh;
	struct pd_err e = {0};
	size_t n, i;
	int rc = 0;

	q = store_outbox_quarantine(s->st, &n, err);
	if (q == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(q[i].uuid, uuid) == 0 &&
		    (strcmp(q[i].kind, "shift_close") == 0 ||
		        strcmp(q[i].kind, "shift_movement") == 0))
			break;
	if (i < n && syncrec_decode(q[i].payload, strlen(q[i].payload), &r,
	                 &e) == 0) {
		if (store_shift_find(s->st, r.shift_uuid, &sh, &e) == 0)
			rc = svc_shift_open_rec(s, &sh, err);
		syncrec_free(&r);
	}
	store_outbox_free(q, n);
	return rc;
}

/* Whether q, in the quarantine, is a record this terminal undid when the
 * central node refused it: 1, or 2 for a statement match (matched again
 * by hand, not queued), 0 if not, -1 on error. Each kind asks the part
 * that undoes it: a match (stmt_sync.c), a resolution (recon_sync.c), a
 * deposit (deposit_sync.c), a plan's change, a dispute's step, a void, a
 * credit application or an uphold's credit note (dispute_undo.c). */
static int
undone_here(struct svc *s, const struct outbox_rec *q, struct pd_err *err)
{
	int rc;

	if (strcmp(q->kind, "statement_match") == 0) {
		if (q->payload == NULL)
			return 0;
		rc = svc_match_was_refused(s, q->payload, err);
		return rc == 1 ? 2 : rc;
	}
	if (strcmp(q->kind, "recon_resolution") == 0)
		return q->payload == NULL
		           ? 0
		           : svc_resolution_was_refused(s, q->payload, err);
	if (strcmp(q->kind, "deposit") == 0)
		return svc_deposit_was_refused(s, q->payload, err);
	return svc_was_undone(s, q->kind, q->payload, err);
}

/* A record undone here is not sent again: this terminal no longer has
 * it, and the central node would refuse it again (the one it kept is
 * here, or comes with the pull). */
static int
retry_undone(struct svc *s, const char *uuid, struct pd_err *err)
{
	struct outbox_rec *q;
	size_t n, i;
	int rc = 0;

	q = store_outbox_quarantine(s->st, &n, err);
	if (q == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(q[i].uuid, uuid) == 0 &&
		    (rc = undone_here(s, &q[i], err)) != 0)
			break;
	if (rc == 1)
		rc = pd_fail(err, PD_EUNDONE,
		    _("Record %s (%s %s) was undone at this terminal "
		      "when the central node refused it; it is not sent "
		      "again. Make the change again if it is still "
		      "wanted"),
		    uuid, q[i].kind, q[i].ref);
	else if (rc == 2)
		rc = pd_fail(err, PD_EINVAL,
		    _("Record %s is a match this terminal undid when the "
		      "central node refused it: match the line again by hand "
		      "if it is still wanted"),
		    uuid);
	store_outbox_free(q, n);
	return rc < 0 ? -1 : 0;
}

int
svc_sync_retry(struct svc *s, const char *uuid, struct pd_err *err)
{
	char at[TS_BUFSZ];

	if (svc_require(s, ROLE_SUPERVISOR,
	        _("Queueing a rejected record again"), err) != 0 ||
	    store_begin(s->st, err) != 0)
		return -1;
	svc_now(at);
	if (retry_undone(s, uuid, err) != 0 ||
	    retry_opening(s, uuid, err) != 0 ||
	    store_outbox_retry(s->st, uuid, err) != 0 ||
	    svc_audit(s, at, "retry", "sync", uuid, "", err) != 0) {
		store_rollback(s->st);
		return -1;
	}
	return svc_finish(s, 0, err);
}

/* Remember how the round ended (its own small transaction). */
static void
note(struct svc *s, const char *key, const char *val)
{
	struct pd_err e;

	if (store_begin(s->st, &e) != 0)
		return;
	if (store_meta_set(s->st, key, val, &e) != 0) {
		store_rollback(s->st);
		return;
	}
	store_commit(s->st, &e);
}

/* The records a refusal undoes here, by kind: the undo (each returns -1
 * on error, 0 when nothing was undone, or a case 1-4), and the reason
 * kept for each case, after the central node's ("%s") and the record's
 * reference, in the reader's language (NULL: the central node's alone).
 * (review R20 faults 2 and 5, review 21) */
struct undo_kind {
	const char *kind;
	int (*undo)(struct svc *, const char *, const char *, const char *,
	    struct pd_err *);
	const char *said[4];
};

static const struct undo_kind undo_kinds[] = {
    {"recon_resolution", svc_resolution_refused,
        {N_("%s. This terminal's resolution of %s is undone, as the "
            "central node does not have it: one that came first there is "
            "pulled in its place"),
            NULL, NULL, NULL}},
    {"arrangement", svc_arr_refused,
        {N_("%s. This terminal's change of arrangement %s is undone: the "
            "central node keeps the plan as it has it, and the pull brings "
            "it here"),
            N_("%s. This terminal's change of arrangement %s stays, as it "
               "was paid or changed here since: cancel or reschedule the "
               "plan again"),
            /* whatever it was refused for: another terminal's plan
             * of the debt first, or its maker, its terms, its day
             * (helper-242, fault 6: it promised a plan to pull when
             * there was none) */
            N_("%s. This terminal's arrangement %s is undone (Cancelled "
               "here, its debt back on the items): the pull brings the "
               "debt as the central node has it, under another "
               "terminal's plan if one came first; make a new arrangement "
               "if the consumer still wants one and has none"),
            NULL}},
    {"alert", svc_alert_step_refused,
        /* whatever it was refused for (review s48: it said the
         * central node's steps came first when none had) */
        {N_("%s. This terminal's step of alert %s is undone: the pull "
            "brings the alert as the central node has it"),
            NULL, NULL, NULL}},
    /* (a slip number another terminal took first blocked the pull of
     * its deposit here) */
    {"deposit", svc_deposit_refused,
        {N_("%s. This terminal's deposit %s is undone (void here, its "
            "cash and cheques free to deposit again, the central node's "
            "deposits pulled here); make it again if the bag is still to "
            "go"),
            NULL, NULL, NULL}},
    /* whatever the central node refused it for: the note voided or
     * spent there first, the item paid there first, the note unknown
     * there... (review R21b, point 3) */
    {"credit_apply", svc_credit_apply_refused,
        {N_("%s. This terminal's application of credit note %s is undone: "
            "the item owes the amount again and the credit note has it "
            "back"),
            N_("%s. This terminal's credit application is undone with the "
               "dispute's uphold: the payment the uphold voided holds the "
               "item again, and the credit note's remaining is back"),
            NULL, NULL}},
    {"dispute", svc_dispute_refused,
        {N_("%s. This terminal's uphold of dispute %s is undone, with what "
            "it made (its void, credit note or charge): the central node's "
            "steps came first, and the pull brings them here"),
            N_("%s. This terminal's uphold of dispute %s stays, as its "
               "credit note was applied here since: a supervisor puts it "
               "right"),
            N_("%s. This terminal's step of dispute %s is undone: the "
               "central node's steps came first, and the pull brings them "
               "here"),
            N_("%s. This terminal's dispute %s is undone: the central node "
               "did not take its opening, and it is listed no more here")}},
};

static const struct undo_kind *
undo_of(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof undo_kinds / sizeof undo_kinds[0]; i++)
		if (strcmp(undo_kinds[i].kind, kind) == 0)
			return &undo_kinds[i];
	return NULL;
}

/* Alert cause as an operator finds it: "12 (INV-2025-001234; CAUSE)",
 * its number in paydesk alerts and its reference, into name; 0 when this
 * store has no alert of it. */
static int
alert_name(struct svc *s, const char *cause, char *name, size_t n)
{
	struct alert_row r;
	struct pd_err e;
	const char *what;

	if (store_alert_by_cause(s->st, cause, &r, &e) != 0)
		return 0;
	what = r.ref[0] ? r.ref : r.plan_no[0] ? r.plan_no : r.payment_no;
	snprintf(name, n, "%lld (%s%s%s)", (long long)r.id, what,
	    what[0] ? "; " : "", cause);
	return 1;
}

/* Mark record q refused for why. A statement match the central node
 * refused is undone here (svc_match_refused), and the reason kept says
 * so in the reader's language. */
static int
refused(struct svc *s, const struct outbox_rec *q, const char *why,
    const char *at, struct pd_err *err)
{
	const struct undo_kind *u;
	char kept[SAY_MAX];
	int rc = 0;

	if (strcmp(q->kind, "statement_match") == 0 && q->payload != NULL)
		rc = svc_match_refused(s, q->payload, why, at, err);
	else if ((u = undo_of(q->kind)) != NULL && q->payload != NULL) {
		const char *a[2] = {why, q->ref};
		char name[200];

		/* an alert by its number here and what it is about, its
		 * cause after (helper-234: the cause alone, raw UUIDs) */
		if (strcmp(q->kind, "alert") == 0 &&
		    alert_name(s, q->ref, name, sizeof name))
			a[1] = name;
		rc = u->undo(s, q->payload, why, at, err);
		if (rc > 0 && rc <= 4 && u->said[rc - 1] != NULL) {
			say_keep(kept, sizeof kept, u->said[rc - 1], 2, a);
			why = kept;
		}
		rc = rc < 0 ? -1 : 0;
	} else if (strcmp(q->kind, "void") == 0 && q->payload != NULL &&
	           strstr(why, "dispute step upholding") != NULL) {
		say_keep(kept, sizeof kept,
		    N_("%s. This terminal's void is undone with the dispute's "
		       "uphold: the payment is Posted again, allocated as "
		       "before"),
		    1, &why);
		why = kept;
	} else if (strcmp(q->kind, "void") == 0 &&
	           strstr(why, "dispute step upholding") == NULL &&
	           strstr(why, "was already voided") == NULL) {
		/* any other void the central node refused, but of a payment
		 * voided there already (another terminal's void, offline,
		 * taken first: the payment stays Voided here, its refund an
		 * exception of the drawer, test_void_refund): undone here,
		 * as an uphold's void is with its refused step, so that
		 * every node has the payment Posted (a void of another branch's
		 * payment by no admin, as the central node's users say:
		 * sync_check.c push_void, review R23 fault 5; of a payment a
		 * chargeback upheld there charged again first:
		 * svc_dispute_check_void, review s48; one dated before its
		 * payment was recorded, at a terminal whose clock is behind the
		 * one that took it, or outside its shift: s69, it stayed Voided
		 * here alone) */
		rc = svc_void_refused(s, q->uuid, why, at, err);
		if (rc == 1) {
			say_keep(kept, sizeof kept,
			    N_("%s. This terminal's void is undone: the "
			       "payment is Posted again, allocated as before"),
			    1, &why);
			why = kept;
		}
		rc = rc < 0 ? -1 : 0;
	} else if (strcmp(q->kind, "credit_note") == 0 &&
	           strstr(why, "dispute step upholding") != NULL) {
		/* the uphold's credit note, voided with it when the dispute's
		 * step is refused next in this batch (dispute_undo.c), unless
		 * applied here since (review 21, session 40) */
		struct credit_note cn;
		int64_t id = 0;

		if (store_id_of(s->st, TBL_CREDIT_NOTES, q->uuid, &id, err) != 0 ||
		    (id != 0 && store_credit_by_id(s->st, id, &cn, err) != 0))
			return -1;
		if (id != 0) {
			say_keep(kept, sizeof kept,
			    cn.applied > 0
			        ? N_("%s. This terminal's credit note stays with "
			             "the dispute's uphold, as it was applied here "
			             "since: a supervisor puts it right")
			        : N_("%s. This terminal's credit note is voided "
			             "with the dispute's uphold"),
			    1, &why);
			why = kept;
		}
	}
	if (rc < 0)
		return -1;
	if (rc == 1) {
		say_keep(kept, sizeof kept,
		    N_("%s. This terminal's match is undone: the central node "
		       "keeps the one it had, and the pull brings it here"),
		    1, &why);
		why = kept;
	}
	return store_outbox_reject(s->st, q->uuid, why, at, err);
}

int
svc_sync_settle(struct svc *s, const struct outbox_rec *recs, size_t n,
    const struct sync_result *res, struct sync_report *rep, struct pd_err *err)
{
	char at[TS_BUFSZ], ref[48], detail[64];
	size_t i, rejected = 0;
	int rc = 0;

	svc_now(at);
	if (store_begin(s->st, err) != 0)
		return -1;
	/* the records the central node took first: an undo a refusal
	 * makes (dispute_undo.c) gives way only to what the central node
	 * does not have (review 21, session 40, fault 5) */
	for (i = 0; i < n && rc == 0; i++)
		if (res[i].status != SYNC_REJECTED)
			rc = store_outbox_ack(s->st, recs[i].uuid, at, err);
	for (i = 0; i < n && rc == 0; i++)
		if (res[i].status == SYNC_REJECTED) {
			rc = refused(s, &recs[i], res[i].reason, at, err);
			if (rc == 0)
				rc = svc_alert_refused(s, &recs[i], err);
			rejected++;
		}
	snprintf(ref, sizeof ref, "%lld-%lld", (long long)recs[0].id,
	    (long long)recs[n - 1].id);
	snprintf(detail, sizeof detail, "sent=%zu rejected=%zu", n - rejected,
	    rejected);
	if (rc == 0)
		rc = svc_audit(s, at, "push", "sync", ref, detail, err);
	if (svc_finish(s, rc, err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		rep->applied += res[i].status == SYNC_APPLIED;
		rep->duplicates += res[i].status == SYNC_DUPLICATE;
		rep->rejected += res[i].status == SYNC_REJECTED;
	}
	rep->sent += (int64_t)n;
	rep->batches++;
	return 0;
}

/* The audit head, anchored after the push and the pull: a chain that no longer
 * matches what the central node saw is not anchored over, and is noted
 * (META_ANCHOR) for doctor and audit verify; the round goes on, since
 * payments are facts and must still move: 1 and err says what was found
 * (PD_ETAMPER), for the round to end with it (review 18, point 7). */
static int
anchor(struct svc *s, struct sync_net *net, struct pd_err *err)
{
	struct audit_anchor a;
	struct pd_err e = {0};

	if (svc_audit_anchor_sync(s, net, &a, &e) == 0) {
		note(s, META_ANCHOR, "");
		return 0;
	}
	/* a central node from before anchors: nothing to anchor at */
	if (e.code == PD_EINVAL && strstr(e.msg, "(HTTP 404)") != NULL)
		return 0;
	if (e.code != PD_ETAMPER) {
		*err = e;
		return -1;
	}
	note(s, META_ANCHOR, e.said[0] ? e.said : e.msg);
	*err = e;
	return 1;
}

int
svc_sync(struct svc *s, sync_progress_fn cb, void *arg,
    const volatile int *cancel, struct sync_report *rep, struct pd_err *err)
{
	struct sync_net *net;
	struct pd_err mismatch = {0};
	char at[TS_BUFSZ];
	int rc;

	memset(rep, 0, sizeof *rep);
	if (s->cfg.sync_url[0] == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("No central node is configured: set [sync] url and token "
		      "in %s"),
		    s->cfg.source[0] ? s->cfg.source : _("the config file"));
	net = svc_net(s, cancel, s->cfg.sync_retries);
	/* the organisation's currency, from the central node's status at
	 * the first round (refused when the store's amounts are in
	 * another), then records say their currency, not its minor units:
	 * a terminal's must be the currency's, or its amounts would reach
	 * the central node 100 times what they are (issue 23) */
	if (svc_sync_currency(s, net, err) != 0) {
		sync_net_free(net);
		note(s, META_ERROR, err->said[0] ? err->said : err->msg);
		return -1;
	}
	rc = currency_minor_digits(s->cfg.currency_code);
	if (rc >= 0 && rc != s->cfg.minor_digits) {
		sync_net_free(net);
		return pd_fail(err, PD_EUSAGE,
		    _("[organisation] minor_digits is %d, but %s has %d minor "
		      "units: set minor_digits = %d in %s before syncing"),
		    s->cfg.minor_digits, s->cfg.currency_code, rc, rc,
		    s->cfg.source[0] ? s->cfg.source : _("the config file"));
	}
	svc_now(at);
	note(s, META_TRY, at);
	/* a pulled page of thousands of records stays in memory until its
	 * commit instead of spilling to the WAL page by page */
	store_cache_kb(s->st, SYNC_CACHE_KB);
	rc = svc_stmt_catchup(s, err);
	if (rc == 0)
		rc = svc_sync_push(s, net, cb, arg, rep, err);
	if (rc == 0)
		rc = svc_sync_pull(s, net, cb, arg, rep, err);
	/* deposits set aside before for a slip a refused deposit here held
	 * (review R20, fault 2) */
	if (rc == 0)
		rc = svc_recon_rescue(s, err);
	/* the alerts of what the round brought (records refused, plans
	 * broken, installments missed), before the head is anchored */
	if (rc == 0)
		svc_alerts_sync(s, rep->pulled > 0,
		    rep->rejected > 0 || rep->conflicts > 0);
	/* last: the head anchored is the round's own, the push's and the
	 * pull's audit entries in it (review 18) */
	if (rc == 0 && (rc = anchor(s, net, &mismatch)) != 0) {
		if (rc < 0)
			*err = mismatch;
		rc = rc < 0 ? -1 : 0;
	}
	store_cache_kb(s->st, 0);
	sync_net_free(net);
	rep->pending = store_outbox_pending(s->st);
	/* the records moved, but the audit log is not what the central
	 * node saw: the round says so (exit status, sync --status, the
	 * Sync screen's last error) */
	if (rc == 0 && mismatch.code == PD_ETAMPER) {
		*err = mismatch;
		rc = -1;
	}
	if (rc != 0) {
		note(s, META_ERROR, err->said[0] ? err->said : err->msg);
		return -1;
	}
	svc_now(at);
	note(s, META_OK, at);
	note(s, META_ERROR, "");
	return 0;
}

struct sync_net *
svc_net(struct svc *s, const volatile int *cancel, int retries)
{
	struct sync_net_opts o;

	memset(&o, 0, sizeof o);
	o.url = s->cfg.sync_url;
	o.token = s->cfg.sync_token;
	o.ca_file = s->cfg.sync_ca_file;
	o.plain_http = strcmp(s->cfg.sync_plain_http, "yes") == 0;
	o.connect_timeout = s->cfg.sync_connect_timeout;
	o.timeout = s->cfg.sync_timeout;
	o.low_speed_time = s->cfg.sync_low_speed_time;
	o.retries = retries;
	o.cancel = cancel;
	return sync_net_new(&o);
}
