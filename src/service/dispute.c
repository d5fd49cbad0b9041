/* dispute.c - disputes of payments (issue 21; dispute.h): opened on a
 * payment with a reason code, reviewed, upheld (the payment voided or a
 * credit note made from the dispute; a bounced cheque's service charge)
 * or rejected with a note. Each step is one transaction: the dispute's
 * row kept in step, its event (the timeline), what the upholding made,
 * the outbox records (the void's and the credit note's before the
 * dispute's, so the central node applies them first) and the audit
 * entry. The same apply serves the central node and a terminal that
 * pulls a step (sync), and the central node checks a pushed step: both
 * in dispute_sync.c. Upholding: dispute_uphold.c.
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
#include "paydesk/utf8.h"
#include "dispute_int.h"

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
const char *
svc_dispute_reason_code(const struct config *cfg, const char *reason)
{
	int i;

	for (i = 0; reason != NULL && i < cfg->ndsp_reasons; i++)
		if (strcasecmp(cfg->dsp_reasons[i], reason) == 0)
			return cfg->dsp_reasons[i];
	return NULL;
}

const char *
svc_dispute_resolution(const struct dispute *d)
{
	if (d->status != DSP_UPHELD)
		return "";
	if (strcmp(d->resolution, "void") == 0)
		return N_("Payment voided");
	if (strcmp(d->resolution, "credit") == 0)
		return N_("Credit note");
	return d->charge_uuid[0] != '\0' ? N_("Charged again") : "";
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

int
svc_dispute_step(struct svc *s, struct dispute *d, const char *kind,
    const char *note, const char *detail, struct pd_err *err)
{
	struct dispute_event e;
	struct syncrec r;
	int rc;

	memset(&e, 0, sizeof e);
	xstrlcpy(e.kind, kind, sizeof e.kind);
	/* an optional note of spaces only is no note, as an empty one
	 * (review s50: the timeline showed a blank one): a gateway's or a
	 * synced step's; the use cases refuse one given (check_note) */
	xstrlcpy(e.note,
	    !utf8_blank(note) ? note : "",
	    sizeof e.note);
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
int
svc_dispute_check_disputable(
    struct svc *s, const struct payment *p, struct pd_err *err)
{
	struct dsp_filter f = {"unresolved", 0, p->id, NULL};
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

/* A bounced cheque is a cheque's: a payment by another method (cash, a
 * card, a transfer) cannot bounce, and upholding it would charge the
 * bounced-cheque fee for a cheque that never existed (review 21b, fault
 * 5). A method this node does not know is judged by its kind: cheques
 * are kept as bank. */
int
svc_dispute_check_reason(struct svc *s, const struct payment *p,
    const char *code, struct pd_err *err)
{
	const struct pay_method *m;

	if (strcmp(code, DSP_BOUNCED) != 0)
		return 0;
	m = config_method(&s->cfg, p->method);
	if (m != NULL ? m->cheque : p->method_kind == METHOD_BANK)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("Payment %s was paid by %s, not by cheque: a bounced-cheque "
	      "dispute is of a cheque payment"),
	    p->payment_no, p->method);
}

/* The row of a new dispute of p for code, of disputed (minor units),
 * opened at at, numbered. */
static int
new_dispute(struct svc *s, const struct payment *p, const char *code,
    int64_t disputed, const char *at, const char *by, struct dispute *d,
    struct pd_err *err)
{
	int32_t day;

	memset(d, 0, sizeof *d);
	d->payment_id = p->id;
	d->amount = p->amount;
	d->disputed = disputed;
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

/* What opening a dispute of payment for reason code of *amount (NULL:
 * all that is left) needs of the payment, read only: it into *p, the
 * amount into *disputed. */
static int
open_checks(struct svc *s, const char *payment, const char *code,
    const int64_t *amount, struct payment *p, int64_t *disputed,
    struct pd_err *err)
{
	if (store_payment_lookup(s->st, payment, p, err) != 0 ||
	    svc_dispute_check_disputable(s, p, err) != 0)
		return -1;
	/* by default all that its upheld disputes left of it */
	if (amount != NULL)
		*disputed = *amount;
	else if (svc_dispute_left(s, p, disputed, err) != 0)
		return -1;
	if (svc_dispute_check_reason(s, p, code, err) != 0 ||
	    svc_dispute_check_amount(s, p, code, *disputed, err) != 0)
		return -1;
	return 0;
}

static int
open_in_tx(struct svc *s, const char *payment, const char *code,
    const char *note, const int64_t *amount, char number[33],
    struct pd_err *err)
{
	struct payment p;
	struct dispute d;
	char at[TS_BUFSZ], detail[200], m[MONEY_BUFSZ];
	int64_t disputed;

	if (open_checks(s, payment, code, amount, &p, &disputed, err) != 0)
		return -1;
	svc_now(at);
	if (new_dispute(
	        s, &p, code, disputed, at, s->actor.full_name, &d, err) != 0)
		return -1;
	snprintf(detail, sizeof detail,
	    "payment=%s reason=%s due=%s disputed=%s", p.payment_no, code,
	    d.due_on, money_plain(m, sizeof m, disputed, s->cfg.minor_digits));
	xstrlcpy(number, d.dispute_no, 33);
	return svc_dispute_step(s, &d, "open", note, detail, err);
}

int
svc_dispute_check_note(struct svc *s, const char *note, struct pd_err *err)
{
	if (note != NULL && note[0] != '\0' && utf8_blank(note))
		return pd_fail(err, PD_EINVAL,
		    _("A note of spaces only says nothing: write one, or give "
		      "none"));
	return svc_check_text_fits(
	    _("Note"), note, s->cfg.remarks_max, SVC_TEXT_BUFSZ, 0, err);
}

/* The role, the reason's code (*code) and the note of a dispute opened. */
static int
open_asked(struct svc *s, const char *reason, const char *note,
    const char **code, struct pd_err *err)
{
	char list[800];

	if (svc_require(s, ROLE_RECOVERY, _("Opening a dispute"), err) != 0)
		return -1;
	if ((*code = svc_dispute_reason_code(&s->cfg, reason)) == NULL) {
		config_join(
		    s->cfg.dsp_reasons, s->cfg.ndsp_reasons, list, sizeof list);
		/* blank as empty (review s50: "  " was an unknown
		 * reason, "" a missing one), a usage error as an empty
		 * option's argument is (helper-235, fault 5) */
		if (utf8_blank(reason))
			return pd_fail(err, PD_EUSAGE,
			    _("A dispute needs a reason; choose one of: %s"),
			    list);
		return pd_fail(err, PD_EINVAL,
		    _("Unknown dispute reason \"%s\"; choose one of: %s"),
		    reason, list);
	}
	return svc_dispute_check_note(s, note, err);
}

int
svc_dispute_open_check(struct svc *s, const char *payment, const char *reason,
    const char *note, const int64_t *amount, struct pd_err *err)
{
	struct payment p;
	const char *code;
	int64_t disputed;

	return open_asked(s, reason, note, &code, err) != 0
	           ? -1
	           : open_checks(s, payment, code, amount, &p, &disputed, err);
}

int
svc_dispute_open(struct svc *s, const char *payment, const char *reason,
    const char *note, const int64_t *amount, char number[33],
    struct pd_err *err)
{
	const char *code;

	if (open_asked(s, reason, note, &code, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s,
	    open_in_tx(s, payment, code, note ? note : "", amount, number, err),
	    err);
}

int
svc_dispute_gateway(struct svc *s, const struct payment *p, int64_t disputed,
    const char *note, const char *at, struct pd_err *err)
{
	struct dsp_filter f = {NULL, 0, p->id, NULL};
	struct dispute_event e;
	struct dispute d, *had;
	size_t n, i, mine = 0;
	int64_t left;

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
	/* what a dispute opened by hand and upheld took back already is
	 * not disputed again; none left: none opened */
	if (svc_dispute_left(s, p, &left, err) != 0)
		return -1;
	if (left == 0)
		return 0;
	if (disputed > left)
		disputed = left;
	if (svc_dispute_check_amount(s, p, "chargeback", disputed, err) != 0 ||
	    new_dispute(s, p, "chargeback", disputed, at, "System", &d, err))
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

int
svc_dispute_find_unresolved(struct svc *s, const char *number, int open_only,
    struct dispute *d, struct pd_err *err)
{
	char now[TS_BUFSZ];

	if (store_dsp_find(s->st, number ? number : "", d, err) != 0)
		return -1;
	if (d->status > DSP_REVIEW)
		return pd_fail(err, PD_EINVAL, _("Dispute %s is %s already"),
		    d->dispute_no, svc_dispute_status(d->status));
	if (open_only && d->status != DSP_OPEN)
		return pd_fail(err, PD_EINVAL, _("Dispute %s is %s already"),
		    d->dispute_no, svc_dispute_status(d->status));
	/* no step dated before the day it was opened: this terminal's
	 * clock is behind the one that opened it (helper-253, fault 8;
	 * the central node refuses it too, svc_dispute_check_push) */
	svc_now(now);
	if (strncmp(now, d->opened_on, 10) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Dispute %s was opened on %s, after this terminal's "
		      "day, %.10s: check the clock"),
		    d->dispute_no, d->opened_on, now);
	return 0;
}

static int
review_in_tx(
    struct svc *s, const char *number, const char *note, struct pd_err *err)
{
	struct dispute d;

	if (svc_dispute_find_unresolved(s, number, 1, &d, err) != 0)
		return -1;
	d.status = DSP_REVIEW;
	return svc_dispute_step(s, &d, "review", note, "", err);
}

int
svc_dispute_review(
    struct svc *s, const char *number, const char *note, struct pd_err *err)
{
	if (svc_require(s, ROLE_RECOVERY, _("Reviewing a dispute"), err) != 0 ||
	    svc_dispute_check_note(s, note, err) != 0 ||
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

	if (svc_dispute_find_unresolved(s, number, 0, &d, err) != 0)
		return -1;
	d.status = DSP_REJECTED;
	return svc_dispute_step(s, &d, "reject", note, "", err);
}

int
svc_dispute_reject_check_note(
    struct svc *s, const char *note, struct pd_err *err)
{
	return svc_check_text_fits(
	    _("Note"), note, s->cfg.remarks_max, SVC_TEXT_BUFSZ, 1, err);
}

int
svc_dispute_reject(
    struct svc *s, const char *number, const char *note, struct pd_err *err)
{
	if (svc_require(s, ROLE_RECOVERY, _("Rejecting a dispute"), err) != 0 ||
	    svc_dispute_reject_check_note(s, note, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, reject_in_tx(s, number, note, err), err);
}

/* ---- reading ---- */

struct dispute *
svc_dispute_list(struct svc *s, const char *status, const char *account,
    size_t *n, struct pd_err *err)
{
	struct dsp_filter f = {status, 0, 0, NULL};
	struct row_scope sc;
	struct consumer c;

	if (svc_require(s, ROLE_RECOVERY, _("Reading disputes"), err) != 0)
		return NULL;
	/* an empty status (a script's empty variable) is none of them, not
	 * every dispute: NULL is (review s48) */
	/* "all", as alerts and arrangement list take it (helper-228) */
	if (status != NULL && strcasecmp(status, "all") == 0)
		f.status = status = NULL;
	if (status != NULL && strcmp(status, "unresolved") != 0 &&
	    dsp_status_parse(status) < 0) {
		/* a usage error, as every option's word of none
		 * (paydesk(1) EXIT STATUS; review s52: status 3) */
		pd_fail(err, PD_EUSAGE,
		    _("Unknown dispute status \"%s\"; choose one of: open, "
		      "review, upheld, rejected, unresolved, all"),
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
	/* the disputes of the scope's payments (issue 23); one consumer's
	 * wherever their payments were taken unless a scope was chosen */
	svc_row_scope(s, account, &sc);
	f.scope = &sc;
	return store_dsp_list(s->st, &f, n, err);
}

struct dispute *
svc_dispute_of_payment(
    struct svc *s, int64_t payment_id, size_t *n, struct pd_err *err)
{
	struct dsp_filter f = {NULL, 0, payment_id, NULL};

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
