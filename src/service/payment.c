/* payment.c - quoting, posting and showing payments (voiding and
 * verifying them: payment_void.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute_int.h"
#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

/* "Cash, Credit Card, ..." for messages. */
static void
list_methods(const struct config *cfg, char *buf, size_t n)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < cfg->nmethods; i++) {
		if (i > 0)
			strncat(buf, ", ", n - strlen(buf) - 1);
		strncat(buf, cfg->methods[i].name, n - strlen(buf) - 1);
	}
}

const char *
svc_cheque_numbered(const struct svc *s, const char *method)
{
	const struct pay_method *m = config_method(&s->cfg, method);

	return m != NULL && m->cheque && m->reference == PAYREF_REQUIRED
	           ? m->name
	           : NULL;
}

int
svc_pay_reference_check(
    const struct pay_method *m, const char *ref, struct pd_err *err)
{
	if (ref == NULL || *ref == '\0') {
		if (m->cheque && m->reference == PAYREF_REQUIRED)
			return pd_fail(err, PD_EINVAL,
			    _("A cheque (%s) is taken with its number: the "
			      "reference is the cheque's number"),
			    m->name);
		if (m->reference == PAYREF_REQUIRED)
			return pd_fail(err, PD_EINVAL,
			    _("A %s payment needs a reference (the card "
			      "authorisation code, cheque number or transfer "
			      "id)"),
			    m->name);
		return 0;
	}
	if (m->reference == PAYREF_NONE)
		return pd_fail(err, PD_EINVAL,
		    _("A %s payment takes no reference"), m->name);
	return payref_check(ref, err);
}

/* Field checks that need no store. */
static int
check_request(struct svc *s, const struct pay_request *r, struct pay_quote *q,
    struct pd_err *err)
{
	char list[512], today[11];
	int32_t d, t;

	if (svc_require(s, ROLE_CASHIER, _("Recording a payment"), err) != 0)
		return -1;
	if (r->account == NULL || *r->account == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Consumer account number is "
		      "required"));
	if ((unsigned)r->type > PAY_MIXED || r->kinds > 7)
		return pd_fail(err, PD_EINVAL,
		    _("Payment type is required: "
		      "bill, service, installment or mixed"));
	if (r->method == NULL || *r->method == '\0') {
		list_methods(&s->cfg, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Payment method is required "
		      "(one of: %s)"),
		    list);
	}
	q->method = config_method(&s->cfg, r->method);
	if (q->method == NULL) {
		list_methods(&s->cfg, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Payment method \"%s\" is not "
		      "configured (one of: %s)"),
		    r->method, list);
	}
	if (svc_pay_reference_check(q->method, r->reference, err) != 0)
		return -1;
	xstrlcpy(q->reference, r->reference ? r->reference : "",
	    sizeof q->reference);
	if (r->channel == NULL || *r->channel == '\0')
		q->channel = s->cfg.channels[0];
	else if ((q->channel = config_channel(&s->cfg, r->channel)) == NULL) {
		config_join(
		    s->cfg.channels, s->cfg.nchannels, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Channel \"%s\" is not "
		      "configured (one of: %s)"),
		    r->channel, list);
	}
	if (r->amount <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount is required and must be "
		      "greater than zero"));
	q->amount = r->amount;
	if (r->has_tendered && r->tendered <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount received must be greater than zero"));
	if (q->method->kind == METHOD_CASH) {
		q->tendered = r->tendered ? r->tendered : r->amount;
		if (pay_cash_change(q->amount, q->tendered, &q->change,
		        svc_style(s, &(struct money_style){0}), err) != 0)
			return -1;
	} else if (r->tendered != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount received applies to cash "
		      "payments only; %s is a %s method"),
		    q->method->name, method_kind_name(q->method->kind));
	svc_today(today);
	if (r->date == NULL || *r->date == '\0')
		xstrlcpy(q->date, today, sizeof q->date);
	else {
		if (date_parse(r->date, _("Payment date"), &d, err) != 0)
			return -1;
		date_parse(today, NULL, &t, NULL);
		if (d > t)
			return pd_fail(err, PD_EINVAL,
			    _("Payment date %s is in "
			      "the future (today is %s)"),
			    r->date, today);
		xstrlcpy(q->date, r->date, sizeof q->date);
	}
	if (r->hand && r->nitems == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Splitting by hand needs the items named in the order "
		      "they are paid"));
	q->rule = r->hand
	              ? ALLOC_HAND
	              : (enum alloc_rule)alloc_rule_parse(s->cfg.alloc_rule);
	if ((int)q->rule < 0)
		q->rule = ALLOC_OLDEST;
	return svc_check_text(_("Notes"), r->notes, s->cfg.notes_max, 0, err);
}

/* Whether a payment of type (kinds: PAY_MIXED's, 0 for all) takes an
 * item of kind. */
static int
kind_taken(enum pay_type type, unsigned kinds, enum pay_type kind)
{
	if (type != PAY_MIXED)
		return kind == type;
	return kinds == 0 || (kinds & (1u << kind)) != 0;
}

/* Explain why ref is not an open item of this consumer and type. */
static int
explain_item(struct svc *s, const char *ref, const struct consumer *c,
    enum pay_type type, unsigned kinds, struct pd_err *err)
{
	struct item it;

	if (store_item_by_ref(s->st, ref, &it, err) != 0)
		return -1;
	if (it.consumer_id != c->id)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s belongs to another "
		      "consumer, not %s"),
		    ref, c->account_no);
	if (type == PAY_MIXED && !kind_taken(type, kinds, it.kind))
		return pd_fail(err, PD_EINVAL,
		    _("Item %s is of type %s, not of the kinds given to "
		      "--type"),
		    ref, pay_type_kind(it.kind));
	if (!kind_taken(type, kinds, it.kind))
		return pd_fail(err, PD_EINVAL,
		    _("Item %s is of type %s, not %s; choose --type %s"), ref,
		    pay_type_kind(it.kind), pay_type_kind(type),
		    pay_type_kind(it.kind));
	if (svc_arr_explain(s, &it, err) != 0)
		return -1;
	return pd_fail(
	    err, PD_EINVAL, _("Item %s is already paid in full"), ref);
}

/* Add an open item to the selection: its allocation slot, with what the
 * rules read of it (its kind, whether an arrangement's installment). */
static int
take(struct svc *s, struct pay_quote *q, const struct item *it,
    struct pd_err *err)
{
	struct alloc_item *a = &q->items[q->nitems++];

	a->id = it->id;
	a->kind = (int)it->kind;
	xstrlcpy(a->ref, it->ref, sizeof a->ref);
	xstrlcpy(a->due_on, it->due_on, sizeof a->due_on);
	a->outstanding = it->amount - it->settled;
	a->arranged = svc_arr_is_installment(s, it, err);
	return a->arranged < 0 ? -1 : 0;
}

static int
select_items(struct svc *s, const struct pay_request *r, struct pay_quote *q,
    struct pd_err *err)
{
	struct item *open;
	size_t nopen, i, j;

	open = store_items_open(s->st, q->c.id,
	    r->type == PAY_MIXED ? -1 : (int)r->type, &nopen, err);
	if (open == NULL)
		return -1;
	/* a mixed payment's kinds only (an item of another kind is
	 * explained below, as one of another type is) */
	for (i = j = 0; i < nopen; i++)
		if (kind_taken(r->type, r->kinds, open[i].kind))
			open[j++] = open[i];
	nopen = j;
	q->items = xcalloc(nopen ? nopen : 1, sizeof *q->items);
	if (r->nitems == 0)
		for (i = 0; i < nopen; i++)
			if (take(s, q, &open[i], err) != 0) {
				free(open);
				return -1;
			}
	for (j = 0; j < r->nitems; j++) {
		for (i = 0; i < j; i++)
			if (strcmp(r->items[i], r->items[j]) == 0) {
				free(open);
				return pd_fail(err, PD_EINVAL,
				    _("Item %s is listed twice"), r->items[j]);
			}
		for (i = 0; i < nopen; i++)
			if (strcmp(open[i].ref, r->items[j]) == 0)
				break;
		if (i == nopen) {
			free(open);
			return explain_item(
			    s, r->items[j], &q->c, r->type, r->kinds, err);
		}
		if (take(s, q, &open[i], err) != 0) {
			free(open);
			return -1;
		}
	}
	free(open);
	return 0;
}

/* The type a payment is recorded with: the kind of the items selected,
 * PAY_MIXED when they are of several kinds (even if the rule leaves one
 * kind unpaid: the amount due is theirs); what was asked when none is
 * (an overpayment of a consumer with nothing open). */
static enum pay_type
quote_type(const struct pay_request *r, const struct pay_quote *q)
{
	size_t i;

	if (q->nitems == 0)
		return r->type;
	for (i = 1; i < q->nitems; i++)
		if (q->items[i].kind != q->items[0].kind)
			return PAY_MIXED;
	return (enum pay_type)q->items[0].kind;
}

/* The quote of a request whose fields check_request has passed. */
static int
build_quote(struct svc *s, const struct pay_request *r, struct pay_quote *q,
    struct pd_err *err)
{
	size_t i;
	int64_t now_part = 0;
	char today[11];

	if (store_consumer_by_account(s->st, r->account, &q->c, err) != 0)
		return -1;
	svc_today(today);
	if (store_consumer_balance(s->st, q->c.id, today, &q->before, err) != 0)
		return -1;
	if (select_items(s, r, q, err) != 0) {
		svc_pay_quote_free(q);
		return -1;
	}
	for (i = 0; i < q->nitems; i++)
		q->due_total += q->items[i].outstanding;
	if (pay_check_amount(q->amount, q->due_total, s->cfg.overpay_threshold,
	        svc_style(s, &(struct money_style){0}), err) != 0) {
		svc_pay_quote_free(q);
		return -1;
	}
	q->overpaid = alloc_apply_policy(q->items, q->nitems, q->amount,
	    svc_alloc_policy(s, q->rule, q->date, &(struct alloc_ranks){0},
	        &(struct alloc_policy){0}),
	    &q->first);
	/* a payment of a plan's installment dated before the installment
	 * came to be (helper-235, fault 4: dated before the plan, it made a
	 * missed installment On time and a Broken plan Active again) */
	for (i = 0; i < q->nitems; i++) {
		char made[11];

		if (!q->items[i].arranged || q->items[i].applied == 0)
			continue;
		if (store_item_made_on(s->st, q->items[i].id, made, err) != 0) {
			svc_pay_quote_free(q);
			return -1;
		}
		if (made[0] != '\0' && strcmp(q->date, made) < 0) {
			pd_fail(err, PD_EINVAL,
			    _("Payment date %s is before installment %s "
			      "came to be: its plan was made or rescheduled "
			      "on %s"),
			    q->date, q->items[i].ref, made);
			svc_pay_quote_free(q);
			return -1;
		}
	}
	q->type = quote_type(r, q);
	q->analysis = analysis_of(q->due_total, q->amount, &q->difference);
	for (i = 0; i < q->nitems; i++)
		if (strcmp(q->items[i].due_on, today) <= 0)
			now_part += q->items[i].applied;
	q->balance_after = q->before.due_now - now_part;
	return 0;
}

int
svc_pay_quote(struct svc *s, const struct pay_request *r, struct pay_quote *q,
    struct pd_err *err)
{
	memset(q, 0, sizeof *q);
	if (check_request(s, r, q, err) != 0 ||
	    (r->at == NULL && svc_shift_required(s, q->method, err) != 0))
		return -1;
	return build_quote(s, r, q, err);
}

int
svc_pay_preview(struct svc *s, const struct pay_request *r,
    struct pay_quote *q, struct pd_err *err)
{
	struct pd_err e2;

	memset(q, 0, sizeof *q);
	if (check_request(s, r, q, err) != 0)
		return -1;
	/* a preview posts nothing: the shift cash needs is said, not
	 * required */
	if (r->at == NULL && svc_shift_required(s, q->method, &e2) != 0) {
		if (e2.code != PD_ESHIFT) {
			*err = e2;
			return -1;
		}
		q->needs_shift = 1;
	}
	return build_quote(s, r, q, err);
}

void
svc_pay_quote_free(struct pay_quote *q)
{
	free(q->items);
	q->items = NULL;
	q->nitems = 0;
}

/* The payment of quote q, numbered and inserted. */
static int
insert_payment(struct svc *s, const struct pay_request *r,
    const struct pay_quote *q, const char *at, struct payment *p,
    struct pd_err *err)
{
	int cash = q->method->kind == METHOD_CASH, rc;
	struct shift sh;

	memset(p, 0, sizeof *p);
	if (svc_next_number(s, "payment", s->cfg.fmt_payment, q->date,
	        p->payment_no, sizeof p->payment_no, err) ||
	    svc_next_number(s, "transaction", s->cfg.fmt_transaction, q->date,
	        p->txn_no, sizeof p->txn_no, err) ||
	    svc_next_number(s, "receipt", s->cfg.fmt_receipt, q->date,
	        p->receipt_no, sizeof p->receipt_no, err))
		return -1;
	p->consumer_id = q->c.id;
	p->type = q->type;
	xstrlcpy(p->channel, q->channel, sizeof p->channel);
	xstrlcpy(p->method, q->method->name, sizeof p->method);
	p->method_kind = q->method->kind;
	p->amount = q->amount;
	p->tendered = cash ? q->tendered : 0;
	p->change = cash ? q->change : 0;
	p->due_total = q->due_total;
	p->overpaid = q->overpaid;
	xstrlcpy(p->paid_on, q->date, sizeof p->paid_on);
	xstrlcpy(p->created_at, at, sizeof p->created_at);
	xstrlcpy(p->notes, r->notes ? r->notes : "", sizeof p->notes);
	xstrlcpy(p->reference, q->reference, sizeof p->reference);
	svc_alloc_rule_name(
	    q->rule, q->first, p->alloc_rule, sizeof p->alloc_rule);
	p->user_id = s->actor.user_id;
	xstrlcpy(p->received_by, s->actor.full_name, sizeof p->received_by);
	/* the team it is taken for, kept with it (issue 23) */
	xstrlcpy(p->team, s->actor.team, sizeof p->team);
	xstrlcpy(p->terminal, s->cfg.terminal_id, sizeof p->terminal);
	xstrlcpy(p->branch, s->cfg.branch_id, sizeof p->branch);
	p->status = pay_status_initial(q->method->kind);
	if (p->status == PS_POSTED) {
		p->status = PS_POSTED;
		p->verified = 1;
		xstrlcpy(p->verified_at, at, sizeof p->verified_at);
		xstrlcpy(
		    p->verified_by, s->actor.full_name, sizeof p->verified_by);
	}
	p->has_balance = 1;
	p->balance_after = q->balance_after;
	/* the cashier's shift open here, whose payment it is (issue 20) */
	rc = store_shift_open_of(
	    s->st, s->cfg.terminal_id, p->user_id, &sh, err);
	if (rc < 0)
		return -1;
	/* the central node applies a payment naming a shift it has: the
	 * shift's opening goes first, queued now if it never was (a shift
	 * opened before shifts were synced, as a movement or close does) */
	if (rc == 1) {
		xstrlcpy(p->shift_uuid, sh.uuid, sizeof p->shift_uuid);
		if (svc_shift_open_rec(s, &sh, err) != 0)
			return -1;
	}
	return ledger_payment(s, p, err);
}

/* The quote's allocations of payment p (allocs holds q->nitems). */
static int
allocate_quote(struct svc *s, const struct pay_quote *q,
    const struct payment *p, struct allocation *allocs, size_t *na,
    struct pd_err *err)
{
	size_t i;

	*na = 0;
	for (i = 0; i < q->nitems; i++) {
		struct item it;

		if (q->items[i].applied == 0)
			continue;
		if (store_item_by_id(s->st, q->items[i].id, &it, err) != 0 ||
		    ledger_allocate(s, p->id, &it, q->items[i].applied, 0,
		        &allocs[*na], err) != 0)
			return -1;
		(*na)++;
	}
	return 0;
}

/* The automatic credit note of what no item took. */
static int
overpay_credit(struct svc *s, const struct pay_quote *q,
    const struct payment *p, const char *at, struct credit_note *cn,
    struct pd_err *err)
{
	memset(cn, 0, sizeof *cn);
	cn->amount = q->overpaid;
	xstrlcpy(cn->reason, "Overpayment", sizeof cn->reason);
	snprintf(cn->remarks, sizeof cn->remarks, "Overpayment on receipt %s",
	    p->receipt_no);
	xstrlcpy(cn->created_on, q->date, sizeof cn->created_on);
	xstrlcpy(cn->created_at, at, sizeof cn->created_at);
	cn->user_id = s->actor.user_id;
	xstrlcpy(cn->created_by, s->actor.full_name, sizeof cn->created_by);
	xstrlcpy(cn->terminal, s->cfg.terminal_id, sizeof cn->terminal);
	cn->automatic = 1;
	return ledger_credit_note(s, p, cn, at, NULL, err);
}

/* Write the payment of quote q; inside the caller's transaction. */
static int
write_payment(struct svc *s, const struct pay_request *r,
    const struct pay_quote *q, struct pay_result *res, struct pd_err *err)
{
	struct payment *p = &res->p;
	struct allocation *allocs;
	struct credit_note cn;
	struct syncrec rec;
	size_t na = 0;
	char detail[512], a[MONEY_BUFSZ], at[TS_BUFSZ];
	int rc = -1;

	if (r->at != NULL)
		xstrlcpy(at, r->at, sizeof at);
	else
		svc_now(at);
	if (insert_payment(s, r, q, at, p, err) != 0)
		return -1;
	allocs = xcalloc(q->nitems + 1, sizeof *allocs);
	if (allocate_quote(s, q, p, allocs, &na, err) != 0 ||
	    (q->overpaid > 0 && overpay_credit(s, q, p, at, &cn, err) != 0))
		goto out;
	if (q->overpaid > 0) {
		xstrlcpy(res->cn_no, cn.cn_no, sizeof res->cn_no);
		res->cn_amount = cn.amount;
	}
	snprintf(detail, sizeof detail,
	    "consumer=%s type=%s method=%s "
	    "amount=%s receipt=%s items=%zu overpaid=%lld allocation=%s",
	    q->c.account_no, pay_type_name(p->type), p->method,
	    money_plain(a, sizeof a, p->amount, s->cfg.minor_digits),
	    p->receipt_no, na, (long long)p->overpaid, p->alloc_rule);
	/* the outbox record before the audit entry, which claims its seal
	 * with the payment's (seal.c) */
	ledger_rec_payment(
	    s, &rec, p, &q->c, allocs, na, q->overpaid > 0 ? &cn : NULL);
	rc = svc_outbox(s, &rec, p->payment_no, err);
	syncrec_free(&rec);
	if (rc == 0)
		rc = svc_audit(
		    s, at, "post", "payment", p->payment_no, detail, err);
	/* a payment cleared above [alerts] large_payment: its alert with it
	 * (alerts.c) */
	if (rc == 0)
		rc = svc_alert_payment(s, p, at, err);
	/* what it paid: the alerts whose cause ended (an installment, an
	 * item overdue, a credit note used) close now, not at the next
	 * day's pass (review 21b, faults 8 and 8b) */
	if (rc == 0)
		rc = svc_alerts_reread(s, p->consumer_id,
		    p->status == PS_POSTED &&
		        (p->type == PAY_INSTALLMENT || p->type == PAY_MIXED),
		    "payment", at, err);
out:
	free(allocs);
	return rc;
}

int
svc_pay_post(struct svc *s, const struct pay_request *r, struct pay_result *res,
    struct pd_err *err)
{
	struct pay_quote q;
	int rc;

	memset(res, 0, sizeof *res);
	/* cheap checks first, so a bad request never takes the write lock */
	memset(&q, 0, sizeof q);
	if (check_request(s, r, &q, err) != 0 || svc_check_sound(s, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0)
		return -1;
	/* cash needs the cashier's open shift ([shifts] required), read in
	 * the payment's transaction so that a close cannot come between;
	 * demo data (r->at set) is recorded as of its own past */
	rc = r->at == NULL ? svc_shift_required(s, q.method, err) : 0;
	if (rc == 0)
		rc = build_quote(s, r, &q, err);
	if (rc == 0)
		rc = write_payment(s, r, &q, res, err);
	svc_pay_quote_free(&q);
	if (svc_finish(s, rc, err) != 0)
		return -1;
	svc_alerts_tick(s); /* after the commit: an alert it raised delivered */
	/* its receipt number's index segment merged with others at a quiet
	 * moment, not in its commit (issue 24) */
	s->fts_due = 1;
	return 0;
}

/* How long the payment took to be verified, in English (v->processing,
 * for JSON) and in the reader's language (v->processing_text); a
 * gateway's settled payment, the days from paid to settled. */
static void
processing(struct svc *s, struct payment_view *v)
{
	char d1[11], d2[11], num[32];
	int32_t a, b;

	if (v->has_gw && v->gw.processing_tenths >= 0) {
		snprintf(v->processing, sizeof v->processing, "%lld.%lld days",
		    (long long)(v->gw.processing_tenths / 10),
		    (long long)(v->gw.processing_tenths % 10));
		snprintf(v->processing_text, sizeof v->processing_text,
		    _("%s days"),
		    svc_tenths(s, num, sizeof num, v->gw.processing_tenths));
		return;
	}

	if (!v->p.verified) {
		xstrlcpy(v->processing, "Pending", sizeof v->processing);
		xstrlcpy(v->processing_text, _("Pending"),
		    sizeof v->processing_text);
		return;
	}
	if (v->p.method_kind != METHOD_ONLINE) {
		xstrlcpy(v->processing, "Immediate", sizeof v->processing);
		xstrlcpy(v->processing_text, _("Immediate"),
		    sizeof v->processing_text);
		return;
	}
	snprintf(d1, sizeof d1, "%.10s", v->p.created_at);
	snprintf(d2, sizeof d2, "%.10s", v->p.verified_at);
	if (date_parse(d1, NULL, &a, NULL) != 0 ||
	    date_parse(d2, NULL, &b, NULL) != 0)
		return;
	snprintf(v->processing, sizeof v->processing, "%d day%s", (int)(b - a),
	    b - a == 1 ? "" : "s");
	snprintf(v->processing_text, sizeof v->processing_text,
	    ngettext("%d day", "%d days", (unsigned long)(b - a)),
	    (int)(b - a));
}

/* The gateway payment pulled here that v's payment was made of. */
static int
payment_gateway(struct svc *s, struct payment_view *v, struct pd_err *err)
{
	struct gwl_filter f = {.payment_uuid = v->p.uuid, .amount = -1};
	struct gw_payment *g;
	size_t n;

	g = store_gwl_list(s->st, &f, &n, err);
	if (g == NULL)
		return -1;
	if (n > 0) {
		v->gw = g[0];
		v->has_gw = 1;
	}
	free(g);
	return 0;
}

/* The allocations shown of a payment that stands: what it holds of each
 * item now, one line an item in the order first paid, its amount the net
 * of every allocation to it (a carry into the plan that took the debt
 * over, arrange_carry.c, in one piece or several; a void undone), what
 * was due before the first, less what it gave way since to a payment
 * before it; an item it holds nothing of left out. So
 * every node shows the same lines of it, whatever pieces its ledger took
 * them in (helper-234, fault 4: the terminal whose plan was refused
 * showed its own installment, its reversal and the carry called a
 * reversal, the other the carry alone). A voided payment's are all shown:
 * what it paid, then its reversals. */
int64_t
svc_payment_carried(const struct payment_view *v)
{
	int64_t left = v->p.amount - v->p.overpaid;
	size_t i;

	for (i = 0; i < v->nallocs; i++)
		left -= v->allocs[i].amount;
	return v->p.status != PS_VOIDED && v->ncredits > 0 && left > 0 ? left
	                                                               : 0;
}

void
svc_payment_fold(struct payment_view *v)
{
	struct allocation *out;
	size_t i, j, k = 0;
	int first;

	if (v->p.status == PS_VOIDED || v->nallocs == 0)
		return;
	out = xcalloc(v->nallocs, sizeof *out);
	for (i = 0; i < v->nallocs; i++) {
		struct allocation a = v->allocs[i];

		for (j = 0, first = 1; j < i && first; j++)
			first = v->allocs[j].item_id != a.item_id;
		if (!first)
			continue;
		for (j = i + 1; j < v->nallocs; j++)
			if (v->allocs[j].item_id == a.item_id)
				a.amount += v->allocs[j].amount;
		/* what it gave way since went to a payment before it, as the
		 * central node has them: due before it, that much less (a
		 * refused uphold's void undone; review 21, session 40) */
		if (a.amount < v->allocs[i].amount)
			a.due_before -= v->allocs[i].amount - a.amount;
		if (a.amount != 0)
			out[k++] = a;
	}
	free(v->allocs);
	v->allocs = out;
	v->nallocs = k;
}

int
svc_payment_show(struct svc *s, const char *number, struct payment_view *v,
    struct pd_err *err)
{
	memset(v, 0, sizeof *v);
	if (store_payment_lookup(s->st, number, &v->p, err) != 0 ||
	    store_consumer_by_id(s->st, v->p.consumer_id, &v->c, err) != 0)
		return -1;
	v->allocs = store_allocations_of(s->st, v->p.id, &v->nallocs, err);
	if (v->allocs == NULL)
		return -1;
	v->credits =
	    store_credits_of_payment(s->st, v->p.id, &v->ncredits, err);
	if (v->credits == NULL) {
		svc_payment_view_free(v);
		return -1;
	}
	if (payment_gateway(s, v, err) != 0) {
		svc_payment_view_free(v);
		return -1;
	}
	processing(s, v);
	return 0;
}

void
svc_payment_view_free(struct payment_view *v)
{
	free(v->allocs);
	free(v->credits);
	v->allocs = NULL;
	v->credits = NULL;
}
