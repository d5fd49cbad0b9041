/* cmd_pay.c - pay, payment show|void|verify, payments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

/* Split "A,B,C" into refs (the caller frees refs[0] and refs). */
static const char **
split_items(const char *list, size_t *n)
{
	char *copy = xstrdup(list), *p;
	const char **refs = xcalloc(strlen(list) + 2, sizeof *refs);

	*n = 0;
	for (p = strtok(copy, ","); p != NULL; p = strtok(NULL, ","))
		refs[(*n)++] = p;
	if (*n == 0)
		free(copy);
	return refs;
}

/* What was posted: the payment's numbers, the change, a credit note for
 * an overpayment, the receipt's file. */
static void
posted(struct cli *c, const struct pay_result *res,
    const struct doc_result *doc, int print)
{
	struct rec *r;
	char words[256];

	r = rec_new(c);
	rec_str(r, _("Payment ID"), "payment_no", res->p.payment_no);
	rec_str(r, _("Transaction ID"), "txn_no", res->p.txn_no);
	rec_str(r, _("Receipt number"), "receipt_no", res->p.receipt_no);
	rec_term(r, _("Status"), "status", pay_status_name(res->p.status));
	rec_term(r, _("Verification"), "verification",
	    res->p.verified ? N_("Verified") : N_("Pending"));
	rec_money(r, _("Amount"), "amount", res->p.amount);
	/* the rule that split it: "by hand" said when the cashier chose */
	rec_shown(r, _("Allocation rule"), "allocation", res->p.alloc_rule,
	    svc_alloc_rule_words(res->p.alloc_rule, words, sizeof words));
	rec_str(r, _("Method"), "method", res->p.method);
	if (res->p.reference[0] != '\0')
		rec_str(
		    r, _("Payment reference"), "reference", res->p.reference);
	if (res->p.method_kind == METHOD_CASH) {
		rec_money(r, _("Amount received"), "tendered", res->p.tendered);
		rec_money(r, _("Change given"), "change", res->p.change);
	}
	if (res->cn_no[0] != '\0') {
		rec_str(r, _("Credit note"), "credit_note", res->cn_no);
		rec_money(
		    r, _("Credit amount"), "credit_amount", res->cn_amount);
	}
	rec_str(r, _("Receipt file"), "receipt_file", doc->path);
	if (print)
		rec_term(r, _("Printed"), "printed",
		    doc->printed ? N_("yes") : N_("no"));
	rec_print(r);
}

/* The screens' confirmation of a large change (the wizard's method step,
 * [payments] change_confirm) on the command line: a cash payment whose
 * change is above it is refused with PD_ECONFIRM unless confirmed (a
 * mistyped 100000 for 100.00 would post 99,930.00 of change). A request
 * the quote refuses is left to svc_pay_post to refuse. */
static int
change_checked(struct cli *c, const struct pay_request *q, int confirmed)
{
	struct pay_quote qt;
	struct pd_err qerr;
	char ch[MONEY_BUFSZ], got[MONEY_BUFSZ], lim[MONEY_BUFSZ];
	int64_t limit = c->svc.cfg.change_confirm;
	int rc = 0;

	if (confirmed || !q->has_tendered || limit <= 0 ||
	    svc_pay_quote(&c->svc, q, &qt, &qerr) != 0)
		return 0;
	if (qt.method != NULL && qt.method->kind == METHOD_CASH &&
	    qt.change > limit)
		rc = pd_fail(&c->err, PD_ECONFIRM,
		    _("Change of %s: is %s really the amount received? "
		      "Nothing was posted; give --confirm-change to post it "
		      "(a change above %s, payments.change_confirm, is "
		      "confirmed)"),
		    svc_money(&c->svc, ch, sizeof ch, qt.change),
		    svc_money(&c->svc, got, sizeof got, qt.tendered),
		    svc_money(&c->svc, lim, sizeof lim, limit));
	svc_pay_quote_free(&qt);
	return rc;
}

/* --type: one kind ("bill"), several ("bill,service": a mixed payment
 * of those kinds) or "mixed" (every kind). */
static int
type_opt(struct cli *c, const char *type, struct pay_request *q)
{
	const char *p = type, *comma;
	char word[32];
	unsigned kinds = 0;
	size_t n;
	int kind, count = 0;

	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		snprintf(word, sizeof word, "%.*s", (int)n, p);
		kind = n < sizeof word ? pay_type_parse(word) : -1;
		if (kind < 0 || (kind == PAY_MIXED && strchr(type, ',')))
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--type \"%s\": must be bill, service, "
			      "installment, a list of them (bill,service) or "
			      "mixed"),
			    type);
		if (kind != PAY_MIXED && !(kinds & (1u << kind))) {
			kinds |= 1u << kind;
			count++;
		}
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (kind == PAY_MIXED || count > 1) {
		q->type = PAY_MIXED;
		q->kinds = kind == PAY_MIXED ? 0 : kinds;
	} else
		q->type = (enum pay_type)kind;
	return 0;
}

/* A payment of a type with nothing open on the account turns into a
 * credit note whole: said before it posts (issue 17: it did so without a
 * word). One sentence per type, for the languages' articles. */
static void
all_credit_warn(struct cli *c, const struct pay_request *q)
{
	static const char *const none[] = {
	    [PAY_BILL] = N_("Warning: %s has no open bill: all of %s becomes a "
	                    "credit note (Overpayment)"),
	    [PAY_SERVICE] = N_("Warning: %s has no open service charge: all "
	                       "of %s becomes a credit note (Overpayment)"),
	    [PAY_INSTALLMENT] = N_("Warning: %s has no open installment: all "
	                           "of %s becomes a credit note (Overpayment)"),
	    [PAY_MIXED] = N_("Warning: %s has no open item of the kinds "
	                     "given: all of %s becomes a credit note "
	                     "(Overpayment)"),
	};
	struct pay_quote qt;
	struct pd_err e;
	char m[MONEY_BUFSZ];

	if (svc_pay_quote(&c->svc, q, &qt, &e) != 0)
		return;
	if (qt.due_total == 0 && qt.overpaid > 0 && qt.overpaid == qt.amount) {
		fprintf(stderr, "paydesk: ");
		fprintf(stderr, _(none[q->type]), qt.c.account_no,
		    svc_money(&c->svc, m, sizeof m, qt.amount));
		fputc('\n', stderr);
	}
	svc_pay_quote_free(&qt);
}

/* The open installment of plan older than number n that the quote pays
 * nothing of, or NULL. */
static const struct item *
older_unpaid(const struct consumer_view *v, const struct pay_quote *qt,
    const struct item *it)
{
	size_t i, k;

	for (i = 0; i < v->nitems; i++) {
		const struct item *o = &v->items[i];
		int paid = 0;

		if (o->kind != PAY_INSTALLMENT ||
		    strcmp(o->plan_no, it->plan_no) != 0 ||
		    o->inst_no >= it->inst_no)
			continue;
		for (k = 0; k < qt->nitems; k++)
			paid |= qt->items[k].id == o->id &&
			        qt->items[k].applied > 0;
		if (!paid)
			return o;
	}
	return NULL;
}

/* An installment paid ahead of an older one of its plan left unpaid:
 * the wizard asks at step 4; the command line says so before it posts
 * (issue 17: it paid a future installment ahead of an overdue one
 * without a word). A request the quote refuses is left to svc_pay_post. */
static void
ahead_warn(struct cli *c, const struct pay_request *q)
{
	struct pay_quote qt;
	struct consumer_view v;
	struct pd_err e;
	const struct item *older;
	char due[SVC_DATE_BUFSZ];
	size_t i, k;

	if ((q->type != PAY_INSTALLMENT && q->type != PAY_MIXED) ||
	    q->items == NULL || svc_pay_quote(&c->svc, q, &qt, &e) != 0)
		return;
	if (svc_consumer_show(&c->svc, q->account, &v, &e) != 0) {
		svc_pay_quote_free(&qt);
		return;
	}
	for (k = 0; k < qt.nitems; k++)
		for (i = 0; i < v.nitems; i++) {
			if (v.items[i].id != qt.items[k].id ||
			    qt.items[k].applied <= 0 ||
			    (older = older_unpaid(&v, &qt, &v.items[i])) ==
			        NULL)
				continue;
			fprintf(stderr, "paydesk: ");
			fprintf(stderr,
			    _("Warning: installment %d of plan %s is paid "
			      "ahead "
			      "of installment %d (due %s), which is not paid "
			      "in full"),
			    v.items[i].inst_no, v.items[i].plan_no,
			    older->inst_no,
			    svc_date(&c->svc, due, sizeof due, older->due_on));
			fputc('\n', stderr);
		}
	svc_consumer_view_free(&v);
	svc_pay_quote_free(&qt);
}

/* What the consumer would still owe on each live arrangement after the
 * payment quoted: "Outstanding after payment" is only what is due today
 * (issue 21). */
static void
rec_plans_left(struct cli *c, struct rec *r, const struct pay_quote *qt)
{
	struct plan_left pl[8];
	int n, i;

	n = svc_plans_left(&c->svc, qt->c.account_no, qt->items, qt->nitems,
	    pl, 8, &c->err);
	if (n <= 0)
		return;
	rec_list(r, _("Still owed on arrangements"), "arrangements");
	for (i = 0; i < n; i++) {
		rec_item(r);
		rec_str(r, _("Arrangement"), "plan_no", pl[i].plan_no);
		rec_money(r, _("Left"), "left", pl[i].left);
		rec_number(r, _("Installments"), "installments", pl[i].n);
		rec_end(r);
	}
	rec_end(r);
}

/* pay --preview: how the amount would be split, item by item in the
 * order the rule pays them, and what it leaves; nothing is written. */
static int
preview(struct cli *c, const struct pay_request *q)
{
	struct pay_quote qt;
	struct rec *r;
	char name[32], words[256];
	size_t i;

	if (svc_pay_preview(&c->svc, q, &qt, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_section(r, _("Payment preview (nothing posted)"), "preview");
	if (qt.needs_shift)
		rec_str(r, _("Shift"), "needs_shift",
		    _("none open: posting this cash payment needs an open "
		      "shift (paydesk shift open, or Open shift on Home)"));
	rec_str(r, _("Account number"), "account", qt.c.account_no);
	rec_term(r, _("Payment type"), "type", pay_type_name(qt.type));
	rec_money(r, _("Amount"), "amount", qt.amount);
	svc_alloc_rule_name(qt.rule, qt.first, name, sizeof name);
	rec_shown(r, _("Allocation rule"), "allocation", name,
	    svc_alloc_rule_words(name, words, sizeof words));
	/* each figure named for what it is (review s50: "Amount due" of
	 * the items selected, later installments too, read against
	 * "Outstanding after payment", the account's debt due by today,
	 * as contradicting it) */
	rec_money(r, _("Owed on the items selected"), "due", qt.due_total);
	rec_money(r, _("Extra amount paid"), "overpaid", qt.overpaid);
	rec_money(r, _("Account's debt due by today, after payment"),
	    "balance_after", qt.balance_after);
	rec_end(r);
	rec_list(r, _("Split, in the order paid"), "split");
	for (i = 0; i < qt.nitems; i++) {
		const struct alloc_item *a = &qt.items[i];

		rec_item(r);
		rec_term(r, _("Kind"), "kind",
		    pay_type_name((enum pay_type)a->kind));
		rec_str(r, _("Reference"), "ref", a->ref);
		rec_date(r, _("Due date"), "due_on", a->due_on);
		rec_money(r, _("Outstanding"), "outstanding", a->outstanding);
		rec_money(r, _("Paid now"), "applied", a->applied);
		rec_money(
		    r, _("Left open"), "left", a->outstanding - a->applied);
		rec_end(r);
	}
	rec_end(r);
	rec_plans_left(c, r, &qt);
	rec_print(r);
	svc_pay_quote_free(&qt);
	return 0;
}

int
cmd_pay(struct cli *c, int argc, char **argv)
{
	const char *type = NULL, *items = NULL, *method = NULL, *amount = NULL,
	           *tendered = NULL, *channel = NULL, *date = NULL,
	           *notes = NULL, *print = NULL, *reference = NULL,
	           *confirm = NULL, *prev = NULL, *hand = NULL;
	struct opt o[] = {{"type", 0, &type}, {"items", 0, &items},
	    {"method", 0, &method}, {"amount", 0, &amount},
	    {"tendered", 0, &tendered}, {"channel", 0, &channel},
	    {"date", 0, &date}, {"notes", 0, &notes}, {"print", 1, &print},
	    {"reference", 0, &reference}, {"confirm-change", 1, &confirm},
	    {"preview", 1, &prev}, {"hand", 1, &hand}, {NULL, 0, NULL}};
	struct pay_request q;
	struct pay_result res;
	const char *cheque;
	struct doc_request dq = {0};
	struct doc_result doc;
	char **pos;
	int npos, rc;

	memset(&q, 0, sizeof q);
	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (type == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("pay: --type is required "
		      "(bill, service, installment, a list of them or "
		      "mixed)"));
	if (type_opt(c, type, &q) != 0)
		return -1;
	if (amount == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("pay: --amount is "
		      "required"));
	if (method == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("pay: --method is "
		      "required"));
	/* a cheque is counted at the close and deposited by its number:
	 * taken without it, it never could be (s72 h8 fault 2) */
	if ((cheque = svc_cheque_numbered(&c->svc, method)) != NULL &&
	    (reference == NULL || reference[0] == '\0'))
		return pd_fail(&c->err, PD_EUSAGE,
		    _("pay: --reference NUMBER is required: a cheque (%s) "
		      "is taken with its number"),
		    cheque);
	if (cli_money(c, "--amount", amount, &q.amount) != 0 ||
	    (tendered &&
	        cli_money(c, "--tendered", tendered, &q.tendered) != 0))
		return -1;
	if (date && (date = cli_date(c, _("Payment date"), date)) == NULL)
		return -1;
	q.has_tendered = tendered != NULL;
	q.account = pos[0];
	q.method = method;
	q.channel = channel;
	q.date = date;
	q.notes = notes;
	q.reference = reference;
	q.hand = hand != NULL;
	if (hand != NULL && items == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("pay: --hand needs --items, in the order they are "
		      "paid"));
	/* the list's shape first, as an arrangement's (helper-250, fault
	 * 5: "A,,B" was taken as "A,B") */
	if (items != NULL && items[0] != '\0' &&
	    svc_check_ref_list(items, &c->err) != 0)
		return -1;
	if (items != NULL) {
		q.items = split_items(items, &q.nitems);
		if (q.nitems == 0) {
			free(q.items);
			return pd_fail(&c->err, PD_EINVAL,
			    _("--items is empty: "
			      "give references separated by commas"));
		}
	}
	if (prev != NULL) {
		rc = preview(c, &q);
		if (q.items != NULL) {
			free((char *)q.items[0]);
			free(q.items);
		}
		return rc;
	}
	rc = change_checked(c, &q, confirm != NULL);
	if (rc == 0) {
		ahead_warn(c, &q);
		all_credit_warn(c, &q);
	}
	if (rc == 0)
		rc = svc_pay_post(&c->svc, &q, &res, &c->err);
	if (q.items != NULL) {
		free((char *)q.items[0]);
		free(q.items);
	}
	if (rc != 0)
		return -1;
	/* the receipt comes after the commit; failing it posts nothing less */
	dq.print = print != NULL;
	rc = svc_receipt_issue(&c->svc, res.p.receipt_no, &dq, &doc, &c->err);
	cli_doc_gaps(res.p.receipt_no, &doc);
	posted(c, &res, &doc, dq.print);
	if (rc != 0)
		pd_err_prefix(&c->err, _("Payment %s is posted; %s: "),
		    res.p.payment_no,
		    doc.path[0] ? _("printing its receipt failed")
		                : _("its receipt could not be written (paydesk "
		                    "receipt tries again)"));
	return rc;
}

static void
analysis_rows(struct rec *r, int64_t due, int64_t paid)
{
	int64_t diff;
	enum analysis a = analysis_of(due, paid, &diff);

	rec_money(r, _("Amount due"), "due", due);
	rec_money(r, _("Amount paid"), "paid", paid);
	rec_money(r, _("Difference"), "difference", diff);
	rec_term(r, _("Result"), "result", analysis_name(a));
}

/* The gateway payment a payment was made of (issue 19): its gateway,
 * code, phone, statuses, and a refund in part or held (review). */
static void
gateway_rows(struct rec *r, const struct gw_payment *g)
{
	rec_section(r, _("Gateway"), "gateway");
	rec_str(r, _("Gateway"), "name", g->gateway);
	rec_str(r, _("Code"), "code", g->code);
	/* a card payment has none, a network may hide it: "-" as the
	 * receipt shows an empty field ("" in JSON) */
	rec_shown(
	    r, _("Phone"), "phone", g->phone, g->phone[0] ? g->phone : "-");
	rec_term(r, _("Status"), "status", gw_status_name(g->status));
	rec_str(r, _("Webhook status"), "webhook_status", g->webhook_status);
	rec_str(r, _("Settlement status"), "settlement_status",
	    g->settlement_status);
	if (g->refunded > 0) {
		rec_money(r, _("Paid at the gateway"), "gateway_amount",
		    g->amount);
		rec_money(r, _("Refunded"), "refunded", g->refunded);
	}
	if (g->review[0] != '\0')
		rec_shown(r, _("Review"), "review", g->review,
		    svc_gateway_review(g->review));
	rec_end(r);
}

/* What each item of the payment got (reversals too), with its analysis. */
static void
item_rows(struct cli *c, struct rec *r, const struct payment_view *v)
{
	char what[160];
	size_t i;

	rec_list(r, _("Payment details and amount analysis"), "items");
	for (i = 0; i < v->nallocs; i++) {
		const struct allocation *a = &v->allocs[i];

		rec_item(r);
		/* a reversal takes money off; money moved on to an item (a
		 * carry, a reversal taken back) is of its kind (helper-234,
		 * fault 4: a carry read "Reversal") */
		rec_term(r, _("Kind"), "kind",
		    a->amount < 0 ? N_("Reversal")
		                  : pay_type_name(a->item.kind));
		rec_str(r, _("Reference"), "ref", a->item.ref);
		if (a->item.kind == PAY_BILL) {
			svc_period(&c->svc, what, sizeof what, a->item.period);
			rec_shown(r, _("Service period"), "period",
			    a->item.period, what);
		} else if (a->item.kind == PAY_SERVICE) {
			rec_str(
			    r, _("Service"), "service", a->item.description);
			rec_date(r, _("Service date"), "service_date",
			    a->item.issued_on);
		} else {
			rec_str(r, _("Plan"), "plan", a->item.plan_no);
			rec_number(r, _("Installment"), "installment",
			    a->item.inst_no);
		}
		analysis_rows(r, a->due_before, a->amount);
		rec_end(r);
	}
	rec_end(r);
}

/* The payment's disputes, to a user who reads disputes (recovery and
 * up): each with its reason, status, amount disputed and how it was
 * upheld (helper-251, fault 5: a payment charged back read Posted, its
 * dispute nowhere). */
static void
disputes_of(struct cli *c, struct rec *r, int64_t payment_id)
{
	struct pd_err e = {0};
	struct dispute *d;
	size_t n, i;

	if ((d = svc_dispute_of_payment(&c->svc, payment_id, &n, &e)) == NULL)
		return; /* a cashier's: none shown */
	if (n > 0) {
		rec_list(r, _("Disputes"), "disputes");
		for (i = 0; i < n; i++) {
			rec_item(r);
			rec_str(r, _("Dispute"), "dispute_no", d[i].dispute_no);
			rec_shown(r, _("Reason"), "reason", d[i].reason,
			    svc_dispute_reason(d[i].reason));
			rec_shown(r, _("Status"), "status",
			    dsp_status_name(d[i].status),
			    svc_dispute_status(d[i].status));
			rec_money(r, _("Disputed"), "disputed",
			    d[i].disputed > 0 ? d[i].disputed : d[i].amount);
			rec_date(r, _("Opened"), "opened_on", d[i].opened_on);
			if (svc_dispute_resolution(&d[i])[0] != '\0')
				rec_term(r, _("Resolution"), "resolution",
				    svc_dispute_resolution(&d[i]));
			rec_end(r);
		}
		rec_end(r);
	}
	free(d);
}

int
cmd_payment_show(struct cli *c, int argc, char **argv)
{
	struct payment_view v;
	const struct payment *p = &v.p;
	struct rec *r;
	char **pos, words[256];
	int npos;
	size_t i;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    cli_personal_data(c) != 0 ||
	    svc_payment_show(&c->svc, pos[0], &v, &c->err) != 0)
		return -1;
	svc_payment_fold(&v);
	r = rec_new(c);
	rec_section(r, _("Payment information"), "payment");
	rec_str(r, _("Payment ID"), "payment_no", p->payment_no);
	rec_term(r, _("Status"), "status", pay_status_name(p->status));
	rec_money(r, _("Amount paid"), "amount", p->amount);
	rec_str(r, _("Payment method"), "method", p->method);
	rec_term(r, _("Payment type"), "type", pay_type_name(p->type));
	rec_str(r, _("Channel"), "channel", p->channel);
	rec_shown(r, _("Allocation rule"), "allocation", p->alloc_rule,
	    svc_alloc_rule_words(p->alloc_rule, words, sizeof words));
	if (p->notes[0] != '\0')
		rec_word(r, _("Notes"), "notes", p->notes);
	rec_end(r);
	item_rows(c, r, &v);
	rec_section(r, _("Amount analysis (total)"), "analysis");
	analysis_rows(r, p->due_total, p->amount);
	/* what the items it paid gave way since, and the node made credit
	 * (a refused uphold's void undone, a plan's change refused): said,
	 * so that no item is read as owing it (helper-250, fault 4: no
	 * item listed, and only "Under paid" said) */
	if (svc_payment_carried(&v) > 0)
		rec_money(r, _("Carried to credit"), "carried_to_credit",
		    svc_payment_carried(&v));
	rec_end(r);
	for (i = 0; i < v.ncredits; i++) {
		rec_section(r, _("Credit note generated"),
		    i ? "credit_note_2" : "credit_note");
		rec_str(
		    r, _("Credit note number"), "number", v.credits[i].cn_no);
		rec_money(r, _("Credit amount"), "amount", v.credits[i].amount);
		rec_word(r, _("Reason"), "reason", v.credits[i].reason);
		rec_term(r, _("Status"), "status",
		    credit_status_term(
		        svc_credit_status(&c->svc, &v.credits[i])));
		rec_end(r);
	}
	disputes_of(c, r, p->id);
	if (p->method_kind == METHOD_CASH) {
		rec_section(r, _("Cash payment details"), "cash");
		rec_money(r, _("Amount received"), "tendered", p->tendered);
		rec_money(r, _("Change given"), "change", p->change);
		rec_end(r);
	}
	rec_section(r, _("Transaction information"), "transaction");
	rec_str(r, _("Transaction ID"), "txn_no", p->txn_no);
	if (p->reference[0] != '\0')
		rec_str(r, _("Payment reference"), "reference", p->reference);
	rec_str(r, _("Receipt number"), "receipt_no", p->receipt_no);
	rec_date(r, _("Payment date"), "paid_on", p->paid_on);
	rec_time(r, _("Recorded at"), "created_at", p->created_at);
	rec_end(r);
	rec_section(r, _("Processing information"), "processing");
	/* as stored: a cashier's name, here or at another terminal, or
	 * "System" (a gateway's payment) in the operator's language */
	rec_word(r, _("Received by"), "received_by",
	    p->received_by[0] ? p->received_by : "System");
	rec_shown(r, _("Processing time"), "processing_time", v.processing,
	    v.processing_text);
	rec_term(r, _("Verification"), "verification",
	    p->verified ? N_("Verified") : N_("Pending"));
	if (p->verified && p->method_kind == METHOD_ONLINE) {
		rec_word(r, _("Verified by"), "verified_by", p->verified_by);
		rec_time(r, _("Verified at"), "verified_at", p->verified_at);
	}
	rec_str(r, _("Terminal"), "terminal", p->terminal);
	rec_end(r);
	if (v.has_gw)
		gateway_rows(r, &v.gw);
	if (p->status == PS_VOIDED) {
		rec_section(r, _("Void"), "void");
		rec_word(r, _("Reason"), "reason", p->void_reason);
		rec_word(r, _("Voided by"), "voided_by", p->voided_by);
		rec_time(r, _("Voided at"), "voided_at", p->voided_at);
		rec_end(r);
	}
	rec_section(r, _("Consumer information"), "consumer");
	rec_str(r, _("Consumer name"), "name", v.c.name);
	rec_str(r, _("Account number"), "account_no", v.c.account_no);
	rec_str(r, _("Service address"), "service_address", v.c.address);
	rec_str(r, _("Phone"), "phone", v.c.phone);
	rec_end(r);
	rec_print(r);
	svc_payment_view_free(&v);
	return 0;
}

int
cmd_payment_void(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct opt o[] = {{"reason", 0, &reason}, {NULL, 0, NULL}};
	char **pos, note[512];
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (reason == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("payment void: --reason is "
		      "required"));
	if (svc_payment_void(&c->svc, pos[0], reason, &c->err) != 0)
		return -1;
	printf(_("payment %s voided"), pos[0]);
	fputc('\n', stdout);
	/* its cheque counted at a close: given back, or in a deposit */
	if (svc_void_cheque_note(&c->svc, pos[0], note, sizeof note,
	        &c->err) == 1)
		printf("%s\n", note);
	return 0;
}

int
cmd_payment_verify(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    svc_payment_verify(&c->svc, pos[0], &c->err) != 0)
		return -1;
	printf(_("payment %s verified"), pos[0]);
	fputc('\n', stdout);
	return 0;
}

static int
payment_row(const struct payment_row *row, void *arg)
{
	struct table *t = arg;
	struct xcell cells[16];

	svc_payment_cells(row, cells);
	table_cells(t, cells);
	return 0;
}

int
cli_payment_filter(struct cli *c, struct payment_filter *f, const char *from,
    const char *to, const char *status, const char *type, const char *limit)
{
	char d1[SVC_DATE_BUFSZ], d2[SVC_DATE_BUFSZ];

	f->status = -1;
	f->type = -1;
	if ((from && (from = cli_from(c, from)) == NULL) ||
	    (to && (to = cli_to(c, to)) == NULL))
		return -1;
	if (from && to && strcmp(from, to) > 0)
		return pd_fail(&c->err, PD_EINVAL,
		    _("--from %s is after --to %s"),
		    svc_date(&c->svc, d1, sizeof d1, from),
		    svc_date(&c->svc, d2, sizeof d2, to));
	f->from = from;
	f->to = to;
	if (status && (f->status = pay_status_parse(status)) < 0)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--status \"%s\": one of "
		      "Posted, Pending, Failed, Cancelled, Voided"),
		    status);
	if (type && (f->type = pay_type_parse(type)) < 0)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--type \"%s\": one of bill, "
		      "service, installment"),
		    type);
	if (limit && cli_limit(c, limit, &f->limit) != 0)
		return -1;
	return 0;
}

/* "--sort amount" or "--sort amount:asc". */
static int
sort_opt(struct cli *c, const char *s, struct payment_filter *f)
{
	char name[16];
	const char *colon = strchr(s, ':');
	size_t n = colon ? (size_t)(colon - s) : strlen(s);
	int by;

	snprintf(name, sizeof name, "%.*s", (int)n, s);
	by = n < sizeof name ? pay_sort_parse(name) : -1;
	if (by < 0 || (colon && strcmp(colon, ":asc") != 0 &&
	                  strcmp(colon, ":desc") != 0))
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--sort \"%s\": one of date, receipt, consumer, amount, "
		      "method, type, status, optionally with :asc or :desc"),
		    s);
	f->sort = (enum pay_sort)by;
	f->asc =
	    colon ? strcmp(colon, ":asc") == 0 : pay_sort_default_asc(f->sort);
	return 0;
}

int
cmd_payments(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *status = NULL, *type = NULL,
	           *search = NULL, *limit = NULL, *sort = NULL, *scope = NULL;
	struct opt o[24] = {{"from", 0, &from}, {"to", 0, &to},
	    {"status", OPT_FILTER, &status}, {"type", OPT_FILTER, &type},
	    {"search", 0, &search}, {"limit", 0, &limit}, {"sort", 0, &sort},
	    {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	struct payment_filter f;
	struct export_job j;
	struct table *t;
	const struct xcol *cols;
	int64_t rows = 0;
	char **pos;
	int npos, rc, ncols, no = 8;

	memset(&f, 0, sizeof f);
	cli_filter_opts(o, &no, &fs, SVC_FILTER_ALL);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_payment_filter(c, &f, from, to, status, type, limit) != 0 ||
	    (sort && sort_opt(c, sort, &f) != 0) || cli_scope(c, scope) != 0 ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_ALL, &f, &c->err) != 0)
		return -1;
	if (limit == NULL && c->mode != OUT_XLSX && c->mode != OUT_CSV)
		f.limit = 100;
	f.search = search;
	if (cli_export_job(c, &j)) {
		rc = svc_export_payments(&c->svc, &f, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	/* JSON is an export too; the text listing is the counter's, for a
	 * signed-in user (cli_personal_data) */
	if (cli_personal_data(c) != 0)
		return -1;
	if (svc_payment_filter_check(&c->svc, &f, &c->err) != 0)
		return -1;
	cols = svc_listing_cols(LIST_PAYMENTS, &ncols);
	cli_list_scope_line(c, search);
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	t = table_new(c, cols, ncols);
	rc = svc_payments_each(&c->svc, &f, payment_row, t, &c->err);
	return table_done(t, rc);
}
