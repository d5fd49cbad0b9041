/* dispute.c - disputes of payments (issue 21; dispute.h): opened on a
 * payment with a reason code, reviewed, upheld (the payment voided or a
 * credit note made from the dispute; a bounced cheque's service charge)
 * or rejected with a note. Each step is one transaction: the dispute's
 * row kept in step, its event (the timeline), what the upholding made,
 * the outbox records (the void's and the credit note's before the
 * dispute's, so the central node applies them first) and the audit
 * entry. The same apply serves the central node and a terminal that
 * pulls a step (sync), and the central node checks a pushed step here.
 *
 * Stored words: the reason as its code, the void's reason "Dispute %s
 * upheld", the credit note's remarks "Dispute %s", the charge's
 * description "Bounced cheque charge" (words.c shows them translated). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/numfmt.h"

#define DSP_NUMBER_FMT SVC_DSP_NUMBER_FMT
#define DSP_VOID_REASON "Dispute %s upheld"
#define DSP_CREDIT_REMARKS "Dispute %s"
#define DSP_CHARGE_WORDS "Bounced cheque charge"

const char *
svc_dispute_reason(const char *code)
{
	return _(dsp_reason_label(code));
}

const char *
svc_dispute_status(enum dsp_status st)
{
	static char buf[64];
	const char *l = dsp_status_label(st), *w = svc_word(l, buf, sizeof buf);

	return w != l ? w : _(l);
}

/* The configured code for reason (any case), or NULL. */
static const char *
reason_code(const struct config *cfg, const char *reason)
{
	int i;

	for (i = 0; reason != NULL && i < cfg->ndsp_reasons; i++)
		if (strcasecmp(cfg->dsp_reasons[i], reason) == 0)
			return cfg->dsp_reasons[i];
	return NULL;
}

void
svc_dispute_days(const struct dispute *d, int *age, int *overdue)
{
	char today[11];
	int32_t t = 0, o = 0, due = 0, end;

	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	date_parse(d->opened_on, NULL, &o, NULL);
	date_parse(d->due_on, NULL, &due, NULL);
	end = t;
	if (d->resolved_on[0] != '\0')
		date_parse(d->resolved_on, NULL, &end, NULL);
	*age = end > o ? (int)(end - o) : 0;
	*overdue = d->status <= DSP_REVIEW && t > due ? (int)(t - due) : 0;
}

/* The record of a step: the dispute's terms, the event's. */
static void
fill_record(struct svc *s, struct syncrec *r, const struct dispute *d,
    const struct dispute_event *e, const char *branch)
{
	ledger_rec_head(s, r, SR_DISPUTE, e->uuid, e->terminal, branch, e->at);
	xstrlcpy(r->op, e->kind, sizeof r->op);
	r->dsp = *d;
	xstrlcpy(r->payment_uuid, d->payment_uuid, sizeof r->payment_uuid);
	xstrlcpy(r->p.payment_no, d->payment_no, sizeof r->p.payment_no);
	xstrlcpy(r->reason, e->note, sizeof r->reason);
	xstrlcpy(r->by, e->by, sizeof r->by);
	if (strcmp(e->kind, "uphold") != 0) {
		r->dsp.resolution[0] = r->dsp.void_uuid[0] = '\0';
		return;
	}
	xstrlcpy(r->cn_uuid, d->credit_uuid, sizeof r->cn_uuid);
}

/* The service charge of d (a bounced cheque's) into r, when there is
 * one. */
static int
fill_charge(struct svc *s, struct syncrec *r, const struct dispute *d,
    struct pd_err *err)
{
	int64_t id;

	if (d->charge_uuid[0] == '\0')
		return 0;
	if (store_id_of(s->st, TBL_ITEMS, d->charge_uuid, &id, err) != 0)
		return -1;
	if (id == 0) /* a pulled dispute's: the item comes on its own */
		return 0;
	return store_item_by_id(s->st, id, &r->it, err);
}

int
svc_dispute_record(
    struct svc *s, int64_t event_id, struct syncrec *r, struct pd_err *err)
{
	struct dispute_event e;
	struct dispute d;
	int64_t did = 0;
	int rc;

	if ((rc = store_dsp_event_read(s->st, event_id, NULL, &e, &did, err)) ||
	    (rc = store_dsp_by_key(s->st, did, NULL, &d, err)))
		return rc < 0 ? -1
		              : pd_fail(err, PD_ESTORE, "No dispute event %lld",
		                    (long long)event_id);
	fill_record(s, r, &d, &e, "");
	return strcmp(e.kind, "uphold") == 0 ? fill_charge(s, r, &d, err) : 0;
}

/* A new step of d (kind, note) by the actor, with its outbox record
 * and audit entry; the row of d written as it now is. */
static int
step(struct svc *s, struct dispute *d, const char *kind, const char *note,
    const char *detail, struct pd_err *err)
{
	struct dispute_event e;
	struct syncrec r;
	int rc;

	memset(&e, 0, sizeof e);
	xstrlcpy(e.kind, kind, sizeof e.kind);
	xstrlcpy(e.note, note ? note : "", sizeof e.note);
	svc_now(e.at);
	xstrlcpy(e.by, s->actor.full_name, sizeof e.by);
	xstrlcpy(e.terminal, s->cfg.terminal_id, sizeof e.terminal);
	if ((strcmp(kind, "open") != 0 && store_dsp_update(s->st, d, err)) ||
	    store_dsp_event(s->st, d->id, &e, s->actor.user_id, err) != 0)
		return -1;
	fill_record(s, &r, d, &e, s->cfg.branch_id);
	rc = fill_charge(s, &r, d, err);
	/* the outbox record before the audit entry, which claims its seal
	 * (seal.c) */
	if (rc == 0)
		rc = svc_outbox(s, &r, d->dispute_no, err);
	syncrec_free(&r);
	if (rc != 0)
		return -1;
	return svc_audit(s, e.at, kind, "dispute", d->dispute_no, detail, err);
}

/* ---- opening ---- */

/* Payment p may be disputed: not voided, failed or cancelled, with no
 * dispute unresolved. */
static int
check_disputable(struct svc *s, const struct payment *p, struct pd_err *err)
{
	struct dsp_filter f = {"unresolved", 0, p->id};
	struct dispute *d;
	size_t n;

	if (p->status != PS_POSTED && p->status != PS_PENDING)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is %s; only a Posted or Pending payment can "
		      "be disputed"),
		    p->payment_no, pay_status_name(p->status));
	if ((d = store_dsp_list(s->st, &f, &n, err)) == NULL)
		return -1;
	if (n > 0) {
		pd_fail(err, PD_EINVAL,
		    _("Payment %s already has dispute %s, not yet resolved"),
		    p->payment_no, d[0].dispute_no);
		free(d);
		return -1;
	}
	free(d);
	return 0;
}

/* The row of a new dispute of p for code, opened at at, numbered. */
static int
new_dispute(struct svc *s, const struct payment *p, const char *code,
    const char *at, const char *by, struct dispute *d, struct pd_err *err)
{
	int32_t day;

	memset(d, 0, sizeof *d);
	d->payment_id = p->id;
	xstrlcpy(d->payment_uuid, p->uuid, sizeof d->payment_uuid);
	xstrlcpy(d->payment_no, p->payment_no, sizeof d->payment_no);
	xstrlcpy(d->reason, code, sizeof d->reason);
	snprintf(d->opened_on, sizeof d->opened_on, "%.10s", at);
	date_parse(d->opened_on, NULL, &day, NULL);
	date_format(d->due_on, day + s->cfg.dsp_due_days);
	xstrlcpy(d->opened_at, at, sizeof d->opened_at);
	xstrlcpy(d->opened_by, by, sizeof d->opened_by);
	xstrlcpy(d->terminal, s->cfg.terminal_id, sizeof d->terminal);
	d->status = DSP_OPEN;
	if (svc_next_number(s, "dispute", DSP_NUMBER_FMT, d->opened_on,
	        d->dispute_no, sizeof d->dispute_no, err) != 0)
		return -1;
	return store_dsp_insert(s->st, d, s->actor.user_id, err);
}

static int
open_in_tx(struct svc *s, const char *payment, const char *code,
    const char *note, char number[33], struct pd_err *err)
{
	struct payment p;
	struct dispute d;
	char at[TS_BUFSZ], detail[200];

	if (store_payment_lookup(s->st, payment, &p, err) != 0 ||
	    check_disputable(s, &p, err) != 0)
		return -1;
	svc_now(at);
	if (new_dispute(s, &p, code, at, s->actor.full_name, &d, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "payment=%s reason=%s due=%s",
	    p.payment_no, code, d.due_on);
	xstrlcpy(number, d.dispute_no, 33);
	return step(s, &d, "open", note, detail, err);
}

int
svc_dispute_open(struct svc *s, const char *payment, const char *reason,
    const char *note, char number[33], struct pd_err *err)
{
	const char *code;
	char list[800];

	if (svc_require(s, ROLE_RECOVERY, _("Opening a dispute"), err) != 0)
		return -1;
	if ((code = reason_code(&s->cfg, reason)) == NULL) {
		config_join(
		    s->cfg.dsp_reasons, s->cfg.ndsp_reasons, list, sizeof list);
		if (reason == NULL || *reason == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("A dispute needs a reason; choose one of: %s"),
			    list);
		return pd_fail(err, PD_EINVAL,
		    _("Unknown dispute reason \"%s\"; choose one of: %s"),
		    reason, list);
	}
	if (svc_check_text(_("Note"), note, s->cfg.remarks_max, 0, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s,
	    open_in_tx(s, payment, code, note ? note : "", number, err), err);
}

int
svc_dispute_gateway(struct svc *s, const struct payment *p, const char *note,
    const char *at, struct pd_err *err)
{
	struct dsp_filter f = {NULL, 0, p->id};
	struct dispute_event e;
	struct dispute d, *had;
	size_t n, i, mine = 0;

	/* once per payment: a later event of the same dispute (its
	 * settlement saved again) opens none after it was resolved */
	if ((had = store_dsp_list(s->st, &f, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		mine += had[i].status <= DSP_REVIEW ||
		        strcmp(had[i].opened_by, "System") == 0;
	free(had);
	if (mine > 0 || (p->status != PS_POSTED && p->status != PS_PENDING))
		return 0;
	if (new_dispute(s, p, "chargeback", at, "System", &d, err) != 0)
		return -1;
	memset(&e, 0, sizeof e);
	xstrlcpy(e.kind, "open", sizeof e.kind);
	xstrlcpy(e.note, note, sizeof e.note);
	xstrlcpy(e.at, at, sizeof e.at);
	xstrlcpy(e.by, "System", sizeof e.by);
	xstrlcpy(e.terminal, s->cfg.terminal_id, sizeof e.terminal);
	if (store_dsp_event(s->st, d.id, &e, 0, err) != 0)
		return -1;
	return svc_audit(s, at, "open", "dispute", d.dispute_no, note, err);
}

/* ---- the steps after ---- */

/* Dispute number, which must be unresolved (and, when open_only, not yet
 * under review). */
static int
find_unresolved(struct svc *s, const char *number, int open_only,
    struct dispute *d, struct pd_err *err)
{
	if (store_dsp_find(s->st, number ? number : "", d, err) != 0)
		return -1;
	if (d->status > DSP_REVIEW)
		return pd_fail(err, PD_EINVAL, _("Dispute %s is %s already"),
		    d->dispute_no, svc_dispute_status(d->status));
	if (open_only && d->status != DSP_OPEN)
		return pd_fail(err, PD_EINVAL, _("Dispute %s is %s already"),
		    d->dispute_no, svc_dispute_status(d->status));
	return 0;
}

static int
review_in_tx(
    struct svc *s, const char *number, const char *note, struct pd_err *err)
{
	struct dispute d;

	if (find_unresolved(s, number, 1, &d, err) != 0)
		return -1;
	d.status = DSP_REVIEW;
	return step(s, &d, "review", note, "", err);
}

int
svc_dispute_review(
    struct svc *s, const char *number, const char *note, struct pd_err *err)
{
	if (svc_require(s, ROLE_RECOVERY, _("Reviewing a dispute"), err) != 0 ||
	    svc_check_text(_("Note"), note, s->cfg.remarks_max, 0, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(
	    s, review_in_tx(s, number, note ? note : "", err), err);
}

static int
reject_in_tx(
    struct svc *s, const char *number, const char *note, struct pd_err *err)
{
	struct dispute d;

	if (find_unresolved(s, number, 0, &d, err) != 0)
		return -1;
	d.status = DSP_REJECTED;
	return step(s, &d, "reject", note, "", err);
}

int
svc_dispute_reject(
    struct svc *s, const char *number, const char *note, struct pd_err *err)
{
	if (svc_require(s, ROLE_RECOVERY, _("Rejecting a dispute"), err) != 0 ||
	    svc_check_text(_("Note"), note, s->cfg.remarks_max, 1, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, reject_in_tx(s, number, note, err), err);
}

/* The service charge of an upheld bounced cheque: a new open item of
 * the payment's consumer, due today. */
static int
add_charge(struct svc *s, struct dispute *d, struct pd_err *err)
{
	struct item it;

	if (s->cfg.dsp_bounced_charge <= 0 ||
	    strcmp(d->reason, DSP_BOUNCED) != 0)
		return 0;
	memset(&it, 0, sizeof it);
	it.consumer_id = d->consumer_id;
	it.kind = PAY_SERVICE;
	snprintf(it.ref, sizeof it.ref, "%s-CHG", d->dispute_no);
	xstrlcpy(it.description, DSP_CHARGE_WORDS, sizeof it.description);
	it.amount = s->cfg.dsp_bounced_charge;
	svc_today(it.issued_on);
	svc_today(it.due_on);
	if (store_item_insert(s->st, &it, err) != 0)
		return -1;
	xstrlcpy(d->charge_uuid, it.uuid, sizeof d->charge_uuid);
	return 0;
}

static int
uphold_in_tx(struct svc *s, const char *number, const struct dispute_uphold *u,
    const char *creason, struct pd_err *err)
{
	struct credit_note cn;
	struct dispute d;
	char words[96], detail[200], m[MONEY_BUFSZ];

	if (find_unresolved(s, number, 0, &d, err) != 0)
		return -1;
	if (!u->by_void && strcmp(d.reason, DSP_BOUNCED) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is of a bounced cheque: its payment is "
		      "reversed (--void), not credited"),
		    d.dispute_no);
	d.status = DSP_UPHELD;
	if (u->by_void) {
		snprintf(words, sizeof words, DSP_VOID_REASON, d.dispute_no);
		if (svc_void_in_tx(s, d.payment_no, words, d.void_uuid, err) !=
		        0 ||
		    add_charge(s, &d, err) != 0)
			return -1;
		xstrlcpy(d.resolution, "void", sizeof d.resolution);
		snprintf(detail, sizeof detail, "void payment=%s charge=%s",
		    d.payment_no, d.charge_uuid[0] ? "yes" : "no");
	} else {
		snprintf(words, sizeof words, DSP_CREDIT_REMARKS, d.dispute_no);
		if (svc_credit_in_tx(s, d.receipt_no, u->credit, creason, words,
		        &cn, err) != 0)
			return -1;
		xstrlcpy(d.resolution, "credit", sizeof d.resolution);
		xstrlcpy(d.credit_uuid, cn.uuid, sizeof d.credit_uuid);
		snprintf(detail, sizeof detail, "credit_note=%s amount=%s",
		    cn.cn_no,
		    money_plain(m, sizeof m, u->credit, s->cfg.minor_digits));
	}
	return step(s, &d, "uphold", u->note, detail, err);
}

int
svc_dispute_uphold(struct svc *s, const char *number,
    const struct dispute_uphold *u, struct pd_err *err)
{
	const char *creason = NULL;
	char list[800];

	if (svc_require(s, ROLE_SUPERVISOR, _("Upholding a dispute"), err) !=
	        0 ||
	    svc_check_text(_("Note"), u->note, s->cfg.remarks_max, 0, err) != 0)
		return -1;
	if (!u->by_void) {
		creason = config_reason(
		    &s->cfg, u->credit_reason ? u->credit_reason : "Other");
		if (creason == NULL) {
			config_join(
			    s->cfg.reasons, s->cfg.nreasons, list, sizeof list);
			return pd_fail(err, PD_EINVAL,
			    _("Unknown credit note reason \"%s\"; choose one "
			      "of: %s"),
			    u->credit_reason ? u->credit_reason : "Other",
			    list);
		}
	}
	if (svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, uphold_in_tx(s, number, u, creason, err), err);
}

/* ---- reading ---- */

struct dispute *
svc_dispute_list(struct svc *s, const char *status, const char *account,
    size_t *n, struct pd_err *err)
{
	struct dsp_filter f = {status, 0, 0};
	struct consumer c;

	if (svc_require(s, ROLE_RECOVERY, _("Reading disputes"), err) != 0)
		return NULL;
	if (status != NULL && *status != '\0' &&
	    strcmp(status, "unresolved") != 0 && dsp_status_parse(status) < 0) {
		pd_fail(err, PD_EUSAGE,
		    _("Unknown dispute status \"%s\"; choose one of: open, "
		      "review, upheld, rejected, unresolved"),
		    status);
		return NULL;
	}
	if (status != NULL && dsp_status_parse(status) >= 0)
		f.status =
		    dsp_status_name((enum dsp_status)dsp_status_parse(status));
	if (account != NULL) {
		if (store_consumer_by_account(s->st, account, &c, err) != 0)
			return NULL;
		f.consumer_id = c.id;
	}
	return store_dsp_list(s->st, &f, n, err);
}

struct dispute *
svc_dispute_of_payment(
    struct svc *s, int64_t payment_id, size_t *n, struct pd_err *err)
{
	struct dsp_filter f = {NULL, 0, payment_id};

	if (svc_require(s, ROLE_RECOVERY, _("Reading disputes"), err) != 0)
		return NULL;
	return store_dsp_list(s->st, &f, n, err);
}

/* What d's upholding made, as v shows it. */
static int
show_links(struct svc *s, struct dispute_view *v, struct pd_err *err)
{
	struct credit_note cn;
	struct item it;
	int64_t id;

	if (v->d.credit_uuid[0] != '\0') {
		if (store_id_of(s->st, TBL_CREDIT_NOTES, v->d.credit_uuid, &id,
		        err) != 0)
			return -1;
		if (id != 0) {
			if (store_credit_by_id(s->st, id, &cn, err) != 0)
				return -1;
			xstrlcpy(v->credit_no, cn.cn_no, sizeof v->credit_no);
			v->credit_amount = cn.amount;
		}
	}
	if (v->d.charge_uuid[0] != '\0') {
		if (store_id_of(s->st, TBL_ITEMS, v->d.charge_uuid, &id, err))
			return -1;
		if (id != 0) {
			if (store_item_by_id(s->st, id, &it, err) != 0)
				return -1;
			xstrlcpy(v->charge_ref, it.ref, sizeof v->charge_ref);
			v->charge_amount = it.amount;
		}
	}
	return 0;
}

int
svc_dispute_show(struct svc *s, const char *number, struct dispute_view *v,
    struct pd_err *err)
{
	memset(v, 0, sizeof *v);
	if (svc_require(s, ROLE_RECOVERY, _("Reading disputes"), err) != 0 ||
	    store_dsp_find(s->st, number ? number : "", &v->d, err) != 0)
		return -1;
	svc_dispute_days(&v->d, &v->age, &v->overdue);
	v->events = store_dsp_events(s->st, v->d.id, &v->nevents, err);
	if (v->events == NULL || show_links(s, v, err) != 0) {
		svc_dispute_view_free(v);
		return -1;
	}
	return 0;
}

void
svc_dispute_view_free(struct dispute_view *v)
{
	free(v->events);
	v->events = NULL;
	v->nevents = 0;
}

/* ---- sync: the central node's check of a pushed step, the apply ---- */

static const char *const dsp_ops[] = {"open", "review", "uphold", "reject"};

/* Whether step op may follow status (open only as the first). */
static int
may_follow(const char *op, enum dsp_status status)
{
	if (strcmp(op, "review") == 0)
		return status == DSP_OPEN;
	return strcmp(op, "open") != 0 && status <= DSP_REVIEW;
}

/* The charge as add_charge makes it (review of issue 18: a forged one
 * was applied under any reference, a bill's number to come among them,
 * which that bill's import then could not take, and due on any day, years
 * overdue at once): referenced DISPUTE-CHG, due the day it was upheld
 * (or the next, had midnight passed between the two readings of the
 * clock). */
static int
check_charge(
    const struct syncrec *r, const struct dispute *d, struct pd_err *err)
{
	char ref[sizeof r->it.ref], day[11];
	int32_t at = 0, due = 0;

	snprintf(ref, sizeof ref, "%s-CHG", d->dispute_no);
	snprintf(day, sizeof day, "%.10s", r->at);
	if (strcmp(r->it.ref, ref) != 0 ||
	    date_parse(day, NULL, &at, NULL) != 0 ||
	    date_parse(r->it.due_on, NULL, &due, NULL) != 0 || due < at ||
	    due > at + 1)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: its service charge is %s, due %s; an "
		      "uphold's charge is %s, due the day it is upheld (%s)"),
		    d->dispute_no, r->it.ref, r->it.due_on, ref, day);
	return 0;
}

/* What an uphold names: a void or a credit note of the dispute's
 * payment, the service charge of a bounced cheque as configured. */
static int
check_uphold(struct svc *s, const struct syncrec *r, const struct dispute *d,
    struct pd_err *err)
{
	int by_void = strcmp(r->dsp.resolution, "void") == 0;
	struct credit_note cn;
	struct void_row v;
	int64_t id;

	if (!by_void && strcmp(r->dsp.resolution, "credit") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("An upheld dispute is resolved by void or credit, not "
		      "\"%s\""),
		    r->dsp.resolution);
	if (store_id_of(s->st, by_void ? TBL_VOIDS : TBL_CREDIT_NOTES,
	        by_void ? r->dsp.void_uuid : r->cn_uuid, &id, err) != 0)
		return -1;
	if (id != 0 && by_void && store_void_by_id(s->st, id, &v, err) != 0)
		return -1;
	if (id != 0 && !by_void && store_credit_by_id(s->st, id, &cn, err))
		return -1;
	if (id == 0 ||
	    (by_void ? v.payment_id : cn.payment_id) != d->payment_id)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is upheld by a %s that is not one of payment "
		      "%s"),
		    d->dispute_no, by_void ? _("void") : _("credit note"),
		    d->payment_no);
	if (r->it.amount == 0)
		return 0;
	if (!by_void || strcmp(d->reason, DSP_BOUNCED) != 0 ||
	    r->it.amount != s->cfg.dsp_bounced_charge ||
	    strlen(r->it.uuid) != 36 || r->it.ref[0] == '\0' ||
	    date_parse(r->it.due_on, NULL, &(int32_t){0}, NULL) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: a service charge comes only with a bounced "
		      "cheque's void, of the organisation's [disputes] "
		      "bounced_cheque_charge, with its uuid, ref and due date"),
		    d->dispute_no);
	return check_charge(r, d, err);
}

/* The step of a dispute this node has (d): the same terms, a step that
 * may follow its status. */
static int
check_known(struct svc *s, const struct syncrec *r, const struct dispute *d,
    struct pd_err *err)
{
	if (strcmp(d->dispute_no, r->dsp.dispute_no) != 0 ||
	    strcmp(d->payment_uuid, r->payment_uuid) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is of payment %s here, numbered %s"),
		    r->dsp.uuid, d->payment_no, d->dispute_no);
	if (!may_follow(r->op, d->status))
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is %s; it cannot be %s"), d->dispute_no,
		    svc_dispute_status(d->status), r->op);
	if (strcmp(r->op, "uphold") == 0)
		return check_uphold(s, r, d, err);
	return 0;
}

/* The terms every step carries: its op, number, reason, dates, note. */
static int
check_terms(struct svc *s, const char *terminal, const char *branch,
    const struct syncrec *r, struct pd_err *err)
{
	struct numfmt_ctx ctx = {NULL, terminal, branch};
	int32_t o, due;
	size_t i;

	for (i = 0; i < sizeof dsp_ops / sizeof dsp_ops[0]; i++)
		if (strcmp(r->op, dsp_ops[i]) == 0)
			break;
	if (i == sizeof dsp_ops / sizeof dsp_ops[0])
		return pd_fail(err, PD_EINVAL,
		    _("Field \"op\" must be open, review, uphold or reject, "
		      "not \"%s\""),
		    r->op);
	if (numfmt_match(DSP_NUMBER_FMT, &ctx, r->dsp.dispute_no, NULL, err) !=
	    0) {
		pd_err_prefix(err, _("Dispute number: "));
		return -1;
	}
	if (reason_code(&s->cfg, r->dsp.reason) == NULL)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: reason \"%s\" is not one of the "
		      "organisation's"),
		    r->dsp.dispute_no, r->dsp.reason);
	date_parse(r->dsp.opened_on, NULL, &o, NULL);
	date_parse(r->dsp.due_on, NULL, &due, NULL);
	if (due < o)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is due on %s, before it was opened on %s"),
		    r->dsp.dispute_no, r->dsp.due_on, r->dsp.opened_on);
	if (strcmp(r->op, "uphold") != 0 &&
	    (r->dsp.resolution[0] != '\0' || r->dsp.void_uuid[0] != '\0' ||
	        r->cn_uuid[0] != '\0' || r->it.amount != 0))
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s: only an uphold names a resolution"),
		    r->dsp.dispute_no);
	return svc_check_text(_("Note"), r->reason, s->cfg.remarks_max,
	    strcmp(r->op, "reject") == 0, err);
}

int
svc_dispute_check_push(struct svc *s, const char *terminal, const char *branch,
    const struct syncrec *r, struct pd_err *err)
{
	struct dispute d;
	struct payment p;
	int64_t id;
	int rc;

	if (check_terms(s, terminal, branch, r, err) != 0)
		return -1;
	if ((rc = store_dsp_by_key(s->st, 0, r->dsp.uuid, &d, err)) < 0)
		return -1;
	if (rc == 0 && strcmp(r->op, "open") != 0)
		return check_known(s, r, &d, err);
	if (rc == 0) {
		/* the same record again: the apply finds its event; another
		 * record opening it again is refused */
		struct dispute_event e;

		if ((rc = store_dsp_event_read(
		         s->st, 0, r->uuid, &e, NULL, err)) <= 0)
			return rc;
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is %s; it cannot be %s"), d.dispute_no,
		    svc_dispute_status(d.status), r->op);
	}
	if (strcmp(r->op, "open") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s is not known here; its first step is "
		      "open"),
		    r->dsp.dispute_no);
	if (store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &id, err) != 0)
		return -1;
	if (id == 0) /* the apply says it is unknown */
		return 0;
	/* a new dispute: a number no other has, a payment that may be
	 * disputed (Posted or Pending, none of its disputes unresolved) */
	if ((rc = store_dsp_find(s->st, r->dsp.dispute_no, &d, err)) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute number %s is another dispute's here (of payment "
		      "%s)"),
		    r->dsp.dispute_no, d.payment_no);
	if (err->code != PD_ENOTFOUND)
		return -1;
	pd_err_clear(err);
	if (store_payment_by_id(s->st, id, &p, err) != 0)
		return -1;
	return check_disputable(s, &p, err);
}

/* A pulled or pushed dispute's first step: its row. */
static int
apply_open(struct svc *s, const struct syncrec *r, struct dispute *d,
    struct pd_err *err)
{
	int64_t pid;

	if (store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &pid, err) != 0)
		return -1;
	if (pid == 0)
		return pd_fail(err, PD_ENOTFOUND,
		    _("Payment %s is not known here"),
		    r->p.payment_no[0] ? r->p.payment_no : r->payment_uuid);
	*d = r->dsp;
	d->id = 0;
	d->payment_id = pid;
	xstrlcpy(d->opened_at, r->at, sizeof d->opened_at);
	xstrlcpy(d->opened_by, r->by, sizeof d->opened_by);
	xstrlcpy(d->terminal, r->terminal, sizeof d->terminal);
	d->status = DSP_OPEN;
	d->resolution[0] = d->void_uuid[0] = d->credit_uuid[0] = '\0';
	d->charge_uuid[0] = '\0';
	return store_dsp_insert(s->st, d, 0, err);
}

/* An uphold's links; the central node adds the service charge (the
 * terminals have it from the central node's feed, as an item). */
static int
apply_uphold(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct dispute *d, struct pd_err *err)
{
	struct item it;

	d->status = DSP_UPHELD;
	xstrlcpy(d->resolution, r->dsp.resolution, sizeof d->resolution);
	xstrlcpy(d->void_uuid, r->dsp.void_uuid, sizeof d->void_uuid);
	xstrlcpy(d->credit_uuid, r->cn_uuid, sizeof d->credit_uuid);
	if (r->it.amount <= 0)
		return 0;
	xstrlcpy(d->charge_uuid, r->it.uuid, sizeof d->charge_uuid);
	if (mode != APPLY_CENTRAL)
		return 0;
	memset(&it, 0, sizeof it);
	xstrlcpy(it.uuid, r->it.uuid, sizeof it.uuid);
	it.consumer_id = d->consumer_id;
	it.kind = PAY_SERVICE;
	xstrlcpy(it.ref, r->it.ref, sizeof it.ref);
	xstrlcpy(it.description, DSP_CHARGE_WORDS, sizeof it.description);
	it.amount = r->it.amount;
	snprintf(it.issued_on, sizeof it.issued_on, "%.10s", r->at);
	xstrlcpy(it.due_on, r->it.due_on, sizeof it.due_on);
	return store_item_insert(s->st, &it, err);
}

int
svc_dispute_apply(struct svc *s, enum apply_mode mode, const struct syncrec *r,
    struct pd_err *err)
{
	struct dispute_event e;
	struct dispute d;
	int rc;

	if ((rc = store_dsp_event_read(s->st, 0, r->uuid, &e, NULL, err)) <= 0)
		return rc < 0 ? -1 : 1;
	if (strcmp(r->op, "open") == 0) {
		if (apply_open(s, r, &d, err) != 0)
			return -1;
	} else {
		if ((rc = store_dsp_by_key(s->st, 0, r->dsp.uuid, &d, err)) !=
		    0)
			return rc < 0 ? -1
			              : pd_fail(err, PD_ENOTFOUND,
			                    _("Dispute %s is not known here"),
			                    r->dsp.dispute_no);
		if (!may_follow(r->op, d.status))
			return pd_fail(err, PD_EINVAL,
			    _("Dispute %s is %s; it cannot be %s"),
			    d.dispute_no, svc_dispute_status(d.status), r->op);
		if (strcmp(r->op, "review") == 0)
			d.status = DSP_REVIEW;
		else if (strcmp(r->op, "reject") == 0)
			d.status = DSP_REJECTED;
		else if (apply_uphold(s, mode, r, &d, err) != 0)
			return -1;
		if (store_dsp_update(s->st, &d, err) != 0)
			return -1;
	}
	memset(&e, 0, sizeof e);
	xstrlcpy(e.uuid, r->uuid, sizeof e.uuid);
	xstrlcpy(e.kind, r->op, sizeof e.kind);
	xstrlcpy(e.note, r->reason, sizeof e.note);
	xstrlcpy(e.at, r->at, sizeof e.at);
	xstrlcpy(e.by, r->by, sizeof e.by);
	xstrlcpy(e.terminal, r->terminal, sizeof e.terminal);
	return store_dsp_event(s->st, d.id, &e, 0, err);
}
