/* alert_sync.c - an organisation's alerts synced (issue 21): raising,
 * acknowledging, assigning, a note and closing are steps of one record
 * kind, "alert", pushed by the terminal that works the alert, checked and
 * applied at the central node and fed to the other terminals.
 *
 * ONE ALERT. An alert is known in the organisation by its cause, the key
 * alerts.c makes from its rule, its subject and, where it has one, its
 * period ("item-overdue:<item uuid>:30", "installment-missed:<item
 * uuid>", "plan-broken:<arrangement uuid>", "large-payment:<payment
 * uuid>", ...): two terminals that compute the same alert from the same
 * synced data make the same key, and each store keeps one row per key.
 * The alerts of the terminal's own (a sync record it sent refused, its
 * reconciliation's exceptions) are never synced.
 *
 * WHEN. An alert's raise goes to the central node with the first step
 * worked on it (not when it is raised: the daily pass raises in bulk, and
 * most alerts are never worked); the central node takes a raise of a
 * cause it has already as the same alert, so two terminals that raised
 * it make one alert. A pulled raise makes the alert where it is not yet (its
 * delivery was the raising terminal's: never delivered again here); where
 * it is, the raise is kept beside the node's own: every node has every
 * raise sent and shows the earliest (store_alert_notes).
 *
 * HELD. A pulled step of an alert this terminal does not have is kept
 * (alert_steps_held) and applied when the alert comes: by its raise, or
 * raised here by this terminal's own pass. Replays of a step (by its
 * uuid) change nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/say.h"

/* The kinds of an organisation's alerts: their causes are synced data. */
static const char *const org_kinds[] = {"plan-broken", "installment-missed",
    "installment-due", "item-overdue", "large-payment", "credit-expiring",
    "gateway-unassociated"};

/* A step's op in a record and its action in the history. */
static const struct {
	const char *op, *action;
} ops[] = {
    {"raise", "raised"},
    {"acknowledge", "acknowledged"},
    {"assign", "assigned"},
    {"note", "note"},
    {"close", "closed"},
};
#define NOPS (sizeof ops / sizeof ops[0])

int
svc_alert_org_kind(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof org_kinds / sizeof org_kinds[0]; i++)
		if (strcmp(kind, org_kinds[i]) == 0)
			return 1;
	return 0;
}

int
svc_alert_op_index(const char *s, int action)
{
	size_t i;

	for (i = 0; i < NOPS; i++)
		if (strcmp(s, action ? ops[i].action : ops[i].op) == 0)
			return (int)i;
	return -1;
}

/* The raise of alert a into r (its terms). */
static void
raise_record(struct svc *s, struct syncrec *r, const struct alert_row *a,
    const char *uuid, const char *terminal, const char *branch, const char *at)
{
	ledger_rec_head(s, r, SR_ALERT, uuid, terminal, branch, at);
	xstrlcpy(r->op, "raise", sizeof r->op);
	xstrlcpy(r->alert_cause, a->cause, sizeof r->alert_cause);
	xstrlcpy(r->alert_kind, a->kind, sizeof r->alert_kind);
	xstrlcpy(r->alert_ref, a->ref, sizeof r->alert_ref);
	xstrlcpy(r->alert_due, a->due_on, sizeof r->alert_due);
	r->alert_amount = a->amount;
	r->alert_figure = a->figure;
	r->alert_allowed = a->allowed;
	xstrlcpy(r->alert_raised_at, a->raised_at, sizeof r->alert_raised_at);
	xstrlcpy(r->consumer_uuid, a->consumer_uuid, sizeof r->consumer_uuid);
	xstrlcpy(r->account_no, a->account_no, sizeof r->account_no);
	xstrlcpy(r->payment_uuid, a->payment_uuid, sizeof r->payment_uuid);
	xstrlcpy(r->alert_arr_uuid, a->arr_uuid, sizeof r->alert_arr_uuid);
}

int
svc_alert_refused(
    struct svc *s, const struct outbox_rec *rec, struct pd_err *err)
{
	struct syncrec r;
	struct pd_err e = {0};
	int rc = 0;

	if (strcmp(rec->kind, "alert") != 0 || rec->payload == NULL ||
	    syncrec_decode(rec->payload, strlen(rec->payload), &r, &e) != 0)
		return 0;
	/* its steps queued after it are refused too (the alert is not
	 * known there); the next one worked goes with a new raise, which
	 * the central node takes once what it refused is put right */
	if (strcmp(r.op, "raise") == 0)
		rc = store_alert_unsynced(s->st, r.alert_cause, err);
	syncrec_free(&r);
	return rc;
}

/* Alert id's status and assignee as its history, less what was undone
 * here, leaves them: each raise opens it, an acknowledgement of an open
 * one acknowledges it, a close or an end closes it, the last assignment
 * names its assignee (none: nobody). */
static int
restate(struct svc *s, int64_t id, struct pd_err *err)
{
	struct alert_note *h;
	struct user u;
	struct pd_err ue = {0};
	const char *status = "open";
	char who[sizeof h->text] = "";
	size_t n, i;

	if ((h = store_alert_notes(s->st, id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strncmp(h[i].action, "raised", 6) == 0)
			status = "open";
		else if (strcmp(h[i].action, "acknowledged") == 0 &&
		         strcmp(status, "open") == 0)
			status = "acknowledged";
		else if (strcmp(h[i].action, "closed") == 0 ||
		         strcmp(h[i].action, "ended") == 0)
			status = "closed";
		else if (strcmp(h[i].action, "assigned") == 0)
			xstrlcpy(who, h[i].text, sizeof who);
	free(h);
	return store_alert_set(s->st, id, status,
	    who[0] != '\0' && store_user_by_name(s->st, who, &u, &ue) == 0
	        ? u.id
	        : 0,
	    err);
}

int
svc_alert_step_refused(struct svc *s, const char *payload, const char *why,
    const char *at, struct pd_err *err)
{
	struct syncrec r;
	struct alert_row a;
	struct alert_step e;
	struct pd_err e2 = {0};
	char detail[600];
	int rc = 0;

	if (syncrec_decode(payload, strlen(payload), &r, &e2) != 0)
		return 0;
	/* a raise refused: its steps go again with a new one
	 * (svc_alert_refused); a step of an alert this store has */
	if (r.kind != SR_ALERT || strcmp(r.op, "raise") == 0 ||
	    (rc = store_alert_step_find(s->st, 0, r.uuid, &e, err)) != 0 ||
	    (rc = store_alert_by_cause(s->st, r.alert_cause, &a, err)) != 0) {
		rc = rc < 0 ? -1 : 0;
		goto done;
	}
	snprintf(detail, sizeof detail, "step=%s %s refused: %s", r.uuid, r.op,
	    why);
	rc = store_undone_add(s->st, r.uuid, "alert", at, why, err) == 0 &&
	             restate(s, a.id, err) == 0 &&
	             svc_audit(s, at, "undo", "alert", a.cause, detail, err) ==
	                 0
	         ? 1
	         : -1;
done:
	syncrec_free(&r);
	return rc;
}

/* Alert a's raise sent, its record dated at and made by by (by_user),
 * and kept as sent beside the one of its pass, dated when it was raised:
 * the raises synced are the ones every node has (store_alert_notes). */
static int
send_raise(struct svc *s, const struct alert_row *a, const char *at,
    const char *by, const char *by_user, struct pd_err *err)
{
	struct syncrec r;
	int rc;

	raise_record(s, &r, a, NULL, NULL, s->cfg.branch_id, at);
	xstrlcpy(r.by, by, sizeof r.by);
	xstrlcpy(r.by_user, by_user, sizeof r.by_user);
	rc = svc_outbox(s, &r, a->cause, err);
	if (rc == 0)
		rc = store_alert_step_put(s->st, a->id, r.uuid,
		    s->cfg.terminal_id, a->raised_at, 0, "system", "raised", "",
		    err);
	syncrec_free(&r);
	return rc;
}

int
svc_alert_outbox(struct svc *s, int64_t id, const char *action,
    const char *text, const char *at, char uuid[37], struct pd_err *err)
{
	struct alert_row *a;
	struct syncrec r;
	size_t n;
	int rc = 0, k = svc_alert_op_index(action, 1);

	uuid[0] = '\0';
	if ((a = store_alerts_list(s->st, 1, NULL, id, 0, &n, err)) == NULL)
		return -1;
	if (n != 1 || k < 0 || !svc_alert_org_kind(a->kind)) {
		free(a);
		return 0;
	}
	if (!a->synced) {
		/* its raise first, by who works it (the central node knows
		 * the alert before its step comes) */
		rc = send_raise(
		    s, a, at, s->actor.full_name, s->actor.username, err);
		if (rc == 0)
			rc = store_alert_synced(s->st, id, err);
	}
	if (rc == 0) {
		ledger_rec_head(
		    s, &r, SR_ALERT, NULL, NULL, s->cfg.branch_id, at);
		xstrlcpy(r.op, ops[k].op, sizeof r.op);
		xstrlcpy(r.alert_cause, a->cause, sizeof r.alert_cause);
		xstrlcpy(r.alert_kind, a->kind, sizeof r.alert_kind);
		if (strcmp(action, "assigned") == 0)
			xstrlcpy(r.assignee, text, sizeof r.assignee);
		else if (strcmp(action, "note") == 0)
			xstrlcpy(r.reason, text, sizeof r.reason);
		xstrlcpy(r.by, s->actor.full_name, sizeof r.by);
		xstrlcpy(r.by_user, s->actor.username, sizeof r.by_user);
		xstrlcpy(uuid, r.uuid, 37);
		rc = svc_outbox(s, &r, a->cause, err);
		syncrec_free(&r);
	}
	free(a);
	return rc;
}

/* The pass's close of alert id (its cause ended here: alert_plans.c),
 * "system" in its history; an organisation's alert known to the central
 * node (its raise sent or pulled) has the close sent as a step by
 * "system", so that the central node and the other terminals close it
 * too, though their passes may not read its plan again, nor the central
 * node pass at all (review 21, session 40, fault 8: the alerts an undone
 * void raised, once worked, stayed open there). Each terminal's pass may
 * send one (of an alert a user closed too, the end of its cause noted):
 * every node keeps them all and shows the earliest (svc_alert_apply). */
/* The end of alert a's cause at at, why (say.h), by change (NULL none:
 * svc_alert_ended), sent as a step by "system" and kept in its history
 * with its record's uuid. */
static int
send_end(struct svc *s, const struct alert_row *a, const char *at,
    const char *why, const char *change, struct pd_err *err)
{
	struct syncrec r;
	int rc;

	ledger_rec_head(s, &r, SR_ALERT, NULL, NULL, s->cfg.branch_id, at);
	xstrlcpy(r.op, "close", sizeof r.op);
	xstrlcpy(r.alert_cause, a->cause, sizeof r.alert_cause);
	xstrlcpy(r.alert_kind, a->kind, sizeof r.alert_kind);
	xstrlcpy(r.by, "system", sizeof r.by);
	xstrlcpy(r.by_user, "system", sizeof r.by_user);
	if (change != NULL)
		xstrlcpy(r.alert_ended_by, change, sizeof r.alert_ended_by);
	/* why as said in English: a record's text has no control bytes (a
	 * kept message's, say.h, were refused at the central node) */
	say_render_en(r.reason, sizeof r.reason, why);
	rc = svc_outbox(s, &r, a->cause, err);
	if (rc == 0)
		rc = store_alert_step_put(s->st, a->id, r.uuid,
		    s->cfg.terminal_id, at, 0, "system", "ended", why, err);
	syncrec_free(&r);
	return rc;
}

int
svc_alert_ended(struct svc *s, int64_t id, const char *cause, const char *at,
    const char *why, const char *change, struct pd_err *err)
{
	struct alert_row a;
	int rc;

	if (store_alert_set(s->st, id, "closed", -1, err) != 0 ||
	    (rc = store_alert_by_cause(s->st, cause, &a, err)) < 0)
		return -1;
	if (rc == 1 || !a.synced || !svc_alert_org_kind(a.kind))
		return store_alert_note_add(
		    s->st, id, at, 0, "system", "ended", why, err);
	return send_end(s, &a, at, why, change, err);
}

/* Alert a, known to the organisation from now on (a raise pulled): the
 * end of its cause this terminal's pass saw before, kept here alone
 * then (svc_alert_ended), sent now, so that the time it saw it end is
 * the one every node has (helper-233, fault 4: the end of the other
 * terminal's pass, which saw it later, replaced it here). */
static int
send_own_end(struct svc *s, const struct alert_row *a, struct pd_err *err)
{
	struct alert_note *h;
	size_t n, i;
	int rc = 0;

	if ((h = store_alert_notes(s->st, a->id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (!h[i].synced && strcmp(h[i].action, "ended") == 0) {
			rc = send_end(s, a, h[i].at, h[i].text, NULL, err);
			break;
		}
	free(h);
	return rc;
}

/* The ends this terminal made of alerts c (nc of them, freed here; NULL:
 * their read failed, -1; base not NULL:
 * only those of cause base and its "#<n>"; since not NULL: only ends
 * made then or later) taken back at at for why, each alert's status
 * restated (svc_alert_ends_undone). */
static int
ends_undone(struct svc *s, struct alert_cause *c, size_t nc, const char *base,
    const char *since, const char *why, const char *at, struct pd_err *err)
{
	struct alert_note *h;
	size_t n, i, j, bl = base != NULL ? strlen(base) : 0;
	int rc = c != NULL ? 0 : -1, back;

	for (i = 0; i < nc && rc == 0; i++) {
		if (base != NULL && c[i].cause[bl] != '\0' &&
		    c[i].cause[bl] != '#')
			continue;
		if ((h = store_alert_notes(s->st, c[i].id, &n, err)) == NULL) {
			rc = -1;
			break;
		}
		for (j = back = 0; j < n && rc == 0; j++) {
			if (!store_alert_note_is_end(&h[j]) ||
			    (since != NULL && strcmp(h[j].at, since) < 0))
				continue;
			if (!h[j].synced)
				rc = store_alert_note_undone(
				    s->st, h[j].id, at, why, err);
			else if (strcmp(h[j].terminal, s->cfg.terminal_id) == 0)
				rc = store_undone_add(
				    s->st, h[j].uuid, "alert", at, why, err);
			else
				continue;
			back = 1;
		}
		free(h);
		if (rc == 0 && back)
			rc = restate(s, c[i].id, err);
	}
	free(c);
	return rc;
}

int
svc_alert_ends_undone(struct svc *s, const char *base, const char *why,
    const char *at, struct pd_err *err)
{
	size_t nc = 0;
	struct alert_cause *c = store_alert_causes(s->st, base, &nc, err);

	return ends_undone(s, c, nc, base, NULL, why, at, err);
}

int
svc_alert_arr_ends_undone(struct svc *s, int64_t arr_id, const char *since,
    const char *why, const char *at, struct pd_err *err)
{
	size_t nc = 0;
	struct alert_cause *c = store_alerts_of_arr(s->st, arr_id, &nc, err);

	return ends_undone(s, c, nc, NULL, since, why, at, err);
}

int
svc_alert_record(
    struct svc *s, int64_t note_id, struct syncrec *r, struct pd_err *err)
{
	struct alert_step e;
	struct alert_row a;
	struct user u;
	struct pd_err ue = {0};
	int rc, k;

	if ((rc = store_alert_step_find(s->st, note_id, NULL, &e, err)) != 0 ||
	    (rc = store_alert_by_cause(s->st, e.cause, &a, err)) != 0)
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESTORE, "No alert step %lld",
		                    (long long)note_id);
	k = svc_alert_op_index(e.action, 1);
	if (k == 0) {
		raise_record(s, r, &a, e.uuid, e.terminal, "", e.at);
		/* this raise's time, not the alert's earliest */
		xstrlcpy(r->alert_raised_at, e.at, sizeof r->alert_raised_at);
	} else {
		ledger_rec_head(s, r, SR_ALERT, e.uuid, e.terminal, "", e.at);
		xstrlcpy(r->op, k > 0 ? ops[k].op : e.action, sizeof r->op);
		xstrlcpy(r->alert_cause, a.cause, sizeof r->alert_cause);
		xstrlcpy(r->alert_kind, a.kind, sizeof r->alert_kind);
	}
	if (k == 2)
		xstrlcpy(r->assignee, e.text, sizeof r->assignee);
	else if (k == 3 || (k == 4 && strcmp(e.user, "system") == 0))
		xstrlcpy(r->reason, e.text, sizeof r->reason);
	xstrlcpy(r->by_user, e.user, sizeof r->by_user);
	xstrlcpy(r->by,
	    store_user_by_name(s->st, e.user, &u, &ue) == 0 ? u.full_name
	                                                    : e.user,
	    sizeof r->by);
	return 0;
}

/* ---- applying a step (the central node's or a pulled one) ---- */

/* Raise r kept in alert a's history, at the time it was raised there. */
static int
put_raise(struct svc *s, const struct alert_row *a, const struct syncrec *r,
    struct pd_err *err)
{
	return store_alert_step_put(s->st, a->id, r->uuid, r->terminal,
	    r->alert_raised_at[0] ? r->alert_raised_at : r->at, 0, "system",
	    "raised", "", err);
}

/* The number of an alert's cause among those of its subject: BASE is
 * 1, BASE#N is N. */
static long
cause_no(const char *cause, size_t bl)
{
	return cause[bl] == '#' ? strtol(cause + bl + 1, NULL, 10) : 1;
}

/* Raise r of a cause raised again (BASE#N) pulled as new, alert id here:
 * the cause ended at another terminal and held again; this terminal's
 * own older alerts of it (BASE, BASE#k with k < N), open and known to no
 * other node, ended too, so that the subject has one open alert here as
 * there (helper-236, fault 1: a plan made and cancelled at T01, T02 kept
 * its first alert of the bill open beside T01's second, and the work on
 * one never met the other). An organisation's older one is closed as the
 * central node says. */
static int
close_older(
    struct svc *s, const struct syncrec *r, int64_t id, struct pd_err *err)
{
	const char *hash = strchr(r->alert_cause, '#'), *args[1];
	struct alert_cause *c;
	struct alert_row a;
	char base[160], why[SAY_MAX], num[24];
	size_t nc, i, bl;
	long n;
	int rc = 0;

	if (hash == NULL ||
	    (bl = (size_t)(hash - r->alert_cause)) >= sizeof base)
		return 0;
	memcpy(base, r->alert_cause, bl);
	base[bl] = '\0';
	n = cause_no(r->alert_cause, bl);
	if ((c = store_alert_causes(s->st, base, &nc, err)) == NULL)
		return -1;
	snprintf(num, sizeof num, "%lld", (long long)id);
	args[0] = num;
	say_keep(why, sizeof why,
	    N_("its cause ended at another terminal and held again: alert "
	       "%s"),
	    1, args);
	for (i = 0; i < nc && rc == 0; i++) {
		if (c[i].id == id || !c[i].open ||
		    (c[i].cause[bl] != '\0' && c[i].cause[bl] != '#') ||
		    cause_no(c[i].cause, bl) >= n)
			continue;
		if ((rc = store_alert_by_cause(s->st, c[i].cause, &a, err)) !=
		    0)
			break;
		if (!a.synced)
			rc = svc_alert_ended(s, a.id, a.cause,
			    r->alert_raised_at[0] ? r->alert_raised_at : r->at,
			    why, NULL, err);
	}
	free(c);
	return rc < 0 ? -1 : 0;
}

/* Alert a, raised here by this terminal's own pass and never worked
 * here (never sent), known to the organisation from now on by a raise
 * pulled that is later than this one: this one sent now, by "system",
 * at the time it was raised, so that every node shows the earliest
 * (helper-253, fault 5: raised and delivered here on Jun 30, the alert
 * read "Raised Jul 1", the other terminal's, worked there, listed after
 * its own deliveries). */
static int
send_own_raise(struct svc *s, const struct alert_row *a, struct pd_err *err)
{
	return send_raise(s, a, a->raised_at, "system", "system", err);
}

/* A raise: the alert where it is not yet, never delivered here. */
static int
apply_raise(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	struct alert_row a;
	int rc, raised;

	if ((rc = store_alert_by_cause(s->st, r->alert_cause, &a, err)) < 0)
		return -1;
	/* raised here too: one alert, its raise kept beside this node's
	 * own, so that every node has every raise sent and shows the
	 * earliest (store_alert_notes; helper-230, fault 2, and helper-231,
	 * fault 2: each node showed its own, or the one the central node
	 * took first, after steps made before it) */
	if (rc == 0) {
		if (!a.synced && mode == APPLY_REPLICA &&
		    strcmp(a.raised_at,
		        r->alert_raised_at[0] ? r->alert_raised_at : r->at) <
		        0 &&
		    send_own_raise(s, &a, err) != 0)
			return -1;
		if (!a.synced && store_alert_synced(s->st, a.id, err) != 0)
			return -1;
		if (!a.synced && mode == APPLY_REPLICA &&
		    send_own_end(s, &a, err) != 0)
			return -1;
		return put_raise(s, &a, r, err);
	}
	memset(&a, 0, sizeof a);
	xstrlcpy(a.cause, r->alert_cause, sizeof a.cause);
	xstrlcpy(a.kind, r->alert_kind, sizeof a.kind);
	xstrlcpy(a.ref, r->alert_ref, sizeof a.ref);
	xstrlcpy(a.due_on, r->alert_due, sizeof a.due_on);
	a.amount = r->alert_amount;
	a.figure = (int)r->alert_figure;
	a.allowed = (int)r->alert_allowed;
	xstrlcpy(a.raised_at,
	    r->alert_raised_at[0] ? r->alert_raised_at : r->at,
	    sizeof a.raised_at);
	if ((r->consumer_uuid[0] &&
	        store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid,
	            &a.consumer_id, err) != 0) ||
	    (r->payment_uuid[0] &&
	        store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &a.payment_id,
	            err) != 0) ||
	    store_alert_arr_id(
	        s->st, r->alert_arr_uuid, &a.arrangement_id, err) != 0 ||
	    store_alert_raise(s->st, &a, 0, &raised, err) != 0 ||
	    store_alert_by_cause(s->st, r->alert_cause, &a, err) != 0 ||
	    store_alert_synced(s->st, a.id, err) != 0 ||
	    put_raise(s, &a, r, err) != 0)
		return -1;
	if (mode != APPLY_REPLICA)
		return 0;
	return close_older(s, r, a.id, err) != 0
	           ? -1
	           : svc_alerts_release_held(s, err);
}

int
svc_alert_apply(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	struct alert_step e;
	struct alert_row a;
	char *payload;
	int k = svc_alert_op_index(r->op, 0), rc, sys;

	if (k < 0)
		return pd_fail(
		    err, PD_EINVAL, _("Unknown alert step \"%s\""), r->op);
	if ((rc = store_alert_step_find(s->st, 0, r->uuid, &e, err)) <= 0)
		return rc < 0 ? -1 : 1;
	if (k == 0)
		return apply_raise(s, mode, r, err);
	if ((rc = store_alert_by_cause(s->st, r->alert_cause, &a, err)) < 0)
		return -1;
	if (rc == 1) {
		if (mode == APPLY_CENTRAL)
			return pd_fail(err, PD_ENOTFOUND,
			    _("Alert %s is not known to the organisation: its "
			      "raise comes first"),
			    r->alert_cause);
		/* kept until the alert comes */
		payload = syncrec_encode(r);
		rc = store_alert_hold(
		    s->st, r->uuid, r->alert_cause, payload, r->at, err);
		free(payload);
		return rc;
	}
	/* its status and assignee as the history leaves them, whatever
	 * order the steps came in: a step made before a close that came
	 * first (svc_alert_check_push) is listed before it and leaves the
	 * alert closed; the assignee the last assignment in the history's
	 * order names (helper-231, fault 3). A pass's close elsewhere is the
	 * end of its cause here ("ended", with why; an alert that ended may
	 * be raised again, store_alerts_raise_again), each terminal's kept
	 * at every node, which shows the earliest (helper-230, fault 3). */
	sys = k == 4 && strcmp(r->by_user, "system") == 0;
	if (store_alert_step_put(s->st, a.id, r->uuid, r->terminal, r->at, 0,
	        r->by_user,
	        sys && mode != APPLY_CENTRAL ? "ended" : ops[k].action,
	        k == 2          ? r->assignee
	        : k == 3 || sys ? r->reason
	                        : "",
	        err) != 0 ||
	    restate(s, a.id, err) != 0)
		return -1;
	/* the end of its cause another terminal saw, pulled where the cause
	 * holds (the payment that ended it there came here with its void in
	 * one round, so that it never ended here): the alert closes as
	 * everywhere, and its subject is read again, so that it has one open
	 * alert here too (BASE#N, as the other terminal raised it: the same
	 * cause, one alert once worked; helper-246, fault 1: the alert an
	 * officer worked here showed Closed, "settled in full", and the bill
	 * still overdue had no open alert here) */
	if (sys && mode == APPLY_REPLICA && a.consumer_uuid[0] != '\0') {
		int64_t cid;
		size_t i;

		if (store_id_of(
		        s->st, TBL_CONSUMERS, a.consumer_uuid, &cid, err) != 0)
			return -1;
		for (i = 0; i < s->pull_nreread; i++)
			if (s->pull_reread[i] == cid)
				return 0;
		if (s->pull_nreread ==
		        sizeof s->pull_reread / sizeof s->pull_reread[0] &&
		    svc_alerts_pulled_reread(s, err) != 0)
			return -1;
		s->pull_reread[s->pull_nreread++] = cid;
		if (!s->pull_in_page)
			return svc_alerts_pulled_reread(s, err);
	}
	return 0;
}

int
svc_alerts_pulled_reread(struct svc *s, struct pd_err *err)
{
	char now[TS_BUFSZ];
	size_t i, n = s->pull_nreread;

	/* read once the page is in: the other records of the page (the
	 * same terminal's ends of the subject's other alerts) applied
	 * first, so that none of them is ended again here */
	s->pull_nreread = 0;
	svc_now(now);
	for (i = 0; i < n; i++)
		if (svc_alerts_reread(
		        s, s->pull_reread[i], 1, "sync", now, err) != 0)
			return -1;
	return 0;
}

int
svc_alerts_release_held(struct svc *s, struct pd_err *err)
{
	struct alert_held *h;
	struct syncrec r;
	size_t n, i;
	int rc = 0;

	if ((h = store_alerts_held_ready(s->st, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct pd_err e = {0};

		memset(&r, 0, sizeof r);
		if (rc == 0 &&
		    syncrec_decode(
		        h[i].payload, strlen(h[i].payload), &r, &e) == 0 &&
		    svc_alert_apply(s, APPLY_REPLICA, &r, &e) < 0 &&
		    e.code == PD_ESTORE) {
			*err = e;
			rc = -1;
		}
		syncrec_free(&r);
		if (rc == 0)
			rc = store_alert_held_drop(s->st, h[i].id, err);
		free(h[i].payload);
	}
	free(h);
	return rc;
}
