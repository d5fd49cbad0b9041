/* screen_payment.c - the payment details view: payment information, the
 * details and amount analysis of each item, the credit note generated,
 * cash details, transaction, processing and consumer information; d
 * opens a dispute of it (recovery and up, screen_dispute_step.c). Read
 * again when it comes back on top (helper-258, fault 2: the dispute just opened
 * from it was not among its disputes). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_REPRINT, A_VIEW, A_DISPUTE, A_BACK };

static const struct tui_key screen_payment_keys[] = {
    TUI_LINES_KEYS,
    {'r', "r", N_("Reprint"), N_("print a copy of the receipt"), A_REPRINT},
    {'v', "v", N_("View receipt"), N_("show the receipt on the screen"),
        A_VIEW},
    {'d', "d", N_("Dispute"),
        N_("open a dispute of this payment (recovery and up)"), A_DISPUTE},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to where the payment was opened"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

/* The labels' column: 22, or wider for a longer translated label. */
#define LW 22

struct details {
	struct tui_screen sc;
	char number[64];
	struct tui_lines l;
	int lw;     /* the labels' column of l */
	int widest; /* the widest label added, in display columns */
};

/* "label   value" in the labels' column. */
static void
pair(struct details *d, const char *label, const char *value)
{
	int w = utf8_columns(label, strlen(label));

	if (w > d->widest)
		d->widest = w;
	tui_lines_pair(&d->l, d->lw, label, value);
}

static void
money_pair(struct details *d, struct tui *t, const char *label, int64_t v)
{
	char m[MONEY_BUFSZ];

	pair(d, label, svc_money(t->svc, m, sizeof m, v));
}

static void
date_pair(struct details *d, struct tui *t, const char *label, const char *iso)
{
	char b[SVC_DATE_BUFSZ];

	pair(d, label, svc_date(t->svc, b, sizeof b, iso));
}

/* enum analysis as a person reads it */
static const char *const analysis_shown[] = {
    N_("Exact payment"), N_("Over paid"), N_("Under paid")};

/* Amount due, paid, difference and exact/over/under. */
static void
analysis(struct details *d, struct tui *t, const char *due_label, int64_t due,
    int64_t paid)
{
	char m[MONEY_BUFSZ], line[160];
	int64_t diff;
	enum analysis a = analysis_of(due, paid, &diff);

	money_pair(d, t, due_label, due);
	money_pair(d, t, _("Amount paid"), paid);
	snprintf(line, sizeof line, "%s (%s)",
	    svc_money(t->svc, m, sizeof m, diff), _(analysis_shown[a]));
	pair(d, _("Difference"), line);
}

/* by the type (the payment's) or the kind (an item's): a Mixed
 * payment's total is what its items of several kinds had due (it had
 * no label: the details of every Mixed payment crashed the UI) */
static const char *const due_labels[PAY_MIXED + 1] = {
    [PAY_BILL] = N_("Billed amount"),
    [PAY_SERVICE] = N_("Service amount"),
    [PAY_INSTALLMENT] = N_("Installment amount"),
    [PAY_MIXED] = N_("Amount due")};

static void
item_lines(struct details *d, struct tui *t, const struct allocation *a)
{
	const struct item *it = &a->item;
	struct tui_lines *l = &d->l;
	char no[16], h[160];

	tui_lines_add(l, 0, " ");
	/* money moved on to an item is of its kind (svc_payment_show) */
	if (a->amount < 0) {
		snprintf(h, sizeof h, _("Reversal of %s"), it->ref);
		tui_lines_add(l, 1, " %s", h);
		money_pair(d, t, _("Amount"), a->amount);
		return;
	}
	tui_lines_add(l, 1, " %s %s", list_pay_type(it->kind), it->ref);
	switch (it->kind) {
	case PAY_BILL:
		pair(d, _("Invoice ID"), it->ref);
		pair(d, _("Service period"),
		    svc_period(t->svc, h, sizeof h, it->period));
		break;
	case PAY_SERVICE:
		pair(d, _("Service name"), it->description);
		date_pair(d, t, _("Service date"), it->issued_on);
		break;
	case PAY_INSTALLMENT:
		snprintf(no, sizeof no, "%d", it->inst_no);
		pair(d, _("Plan"), it->plan_no);
		pair(d, _("Installment"), no);
		date_pair(d, t, _("Due date"), it->due_on);
		break;
	case PAY_MIXED: /* never an item's */
		break;
	}
	analysis(d, t, _(due_labels[it->kind]), a->due_before, a->amount);
}

/* A heading after a blank line. */
static void
heading(struct tui_lines *l, const char *text)
{
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, "%s", text);
}

/* Its disputes, to a user who reads them (recovery and up), as payment
 * show gives them (helper-251, fault 5). */
static void
disputes(struct details *d, struct tui *t, int64_t payment_id)
{
	struct pd_err e = {0};
	struct dispute *ds;
	char m[MONEY_BUFSZ], line[300];
	size_t n, i;

	if ((ds = svc_dispute_of_payment(t->svc, payment_id, &n, &e)) == NULL)
		return; /* a cashier's: none shown */
	for (i = 0; i < n; i++) {
		const char *how = svc_dispute_resolution(&ds[i]);

		if (i == 0)
			heading(&d->l, _("Disputes"));
		snprintf(line, sizeof line, "%s, %s, %s%s%s",
		    svc_dispute_reason(ds[i].reason),
		    svc_dispute_status(ds[i].status),
		    svc_money(t->svc, m, sizeof m,
		        ds[i].disputed > 0 ? ds[i].disputed : ds[i].amount),
		    how[0] ? ", " : "", how[0] ? _(how) : "");
		pair(d, ds[i].dispute_no, line);
	}
	free(ds);
}

static void
build(struct details *d, struct tui *t, const struct payment_view *v)
{
	const struct payment *p = &v->p;
	struct tui_lines *l = &d->l;
	size_t i;
	char at[SVC_DATE_BUFSZ + 32], w[512], words[256]; /* w: a stored word */

	tui_lines_add(l, 1, "%s", _("Payment information"));
	pair(d, _("Payment ID"), p->payment_no);
	pair(d, _("Status"), list_pay_status(p->status));
	money_pair(d, t, _("Amount paid"), p->amount);
	pair(d, _("Payment method"), p->method);
	pair(d, _("Payment type"), list_pay_type(p->type));
	pair(d, _("Channel"), p->channel);
	pair(d, _("Allocation rule"),
	    svc_alloc_rule_words(p->alloc_rule, words, sizeof words));
	if (p->notes[0] != '\0')
		pair(d, _("Notes"), svc_word(p->notes, w, sizeof w));
	heading(l, _("Payment details and amount analysis"));
	for (i = 0; i < v->nallocs; i++)
		item_lines(d, t, &v->allocs[i]);
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, " %s", _("Total"));
	analysis(d, t, _(due_labels[p->type]), p->due_total, p->amount);
	if (svc_payment_carried(v) > 0)
		money_pair(
		    d, t, _("Carried to credit"), svc_payment_carried(v));
	for (i = 0; i < v->ncredits; i++) {
		const struct credit_note *cn = &v->credits[i];

		heading(l, _("Credit note generated"));
		pair(d, _("Credit note number"), cn->cn_no);
		money_pair(d, t, _("Credit amount"), cn->amount);
		pair(d, _("Reason"), svc_word(cn->reason, w, sizeof w));
		pair(d, _("Status"),
		    list_credit_status(svc_credit_status(t->svc, cn)));
	}
	disputes(d, t, p->id);
	if (p->method_kind == METHOD_CASH) {
		heading(l, _("Cash payment details"));
		money_pair(d, t, _("Amount received"), p->tendered);
		money_pair(d, t, _("Change given"), p->change);
	}
	heading(l, _("Transaction information"));
	pair(d, _("Transaction ID"), p->txn_no);
	if (p->reference[0] != '\0')
		pair(d, _("Payment reference"), p->reference);
	pair(d, _("Receipt number"), p->receipt_no);
	date_pair(d, t, _("Payment date"), p->paid_on);
	/* the date in the organisation's format, the time as stored */
	pair(d, _("Recorded at"),
	    svc_timestamp(t->svc, at, sizeof at, p->created_at));
	heading(l, _("Processing information"));
	/* a cashier's name, here or at another terminal, or "System" */
	pair(d, _("Received by"),
	    svc_word(
	        p->received_by[0] ? p->received_by : "System", w, sizeof w));
	pair(d, _("Processing time"), v->processing_text);
	pair(d, _("Verification"),
	    p->verified ? _("Verified") : list_pay_status(PS_PENDING));
	if (p->verified && p->method_kind == METHOD_ONLINE) {
		pair(
		    d, _("Verified by"), svc_word(p->verified_by, w, sizeof w));
		pair(d, _("Verified at"),
		    svc_timestamp(t->svc, at, sizeof at, p->verified_at));
	}
	pair(d, _("Terminal"), p->terminal);
	if (v->has_gw) {
		/* the gateway payment it was made of (issue 19) */
		heading(l, _("Gateway"));
		pair(d, _("Gateway"), v->gw.gateway);
		pair(d, _("Code"), v->gw.code);
		pair(d, _("Phone"), v->gw.phone[0] ? v->gw.phone : "-");
		pair(d, _("Status"),
		    _(gw_status_name(v->gw.status)));
		pair(d, _("Settlement status"), v->gw.settlement_status);
		if (v->gw.refunded > 0) {
			money_pair(d, t, _("Paid at the gateway"),
			    v->gw.amount);
			money_pair(d, t, _("Refunded"), v->gw.refunded);
		}
		if (v->gw.review[0] != '\0')
			pair(d, _("Review"), svc_gateway_review(v->gw.review));
	}
	if (p->status == PS_VOIDED) {
		heading(l, _("Void"));
		pair(d, _("Reason"), svc_word(p->void_reason, w, sizeof w));
		pair(d, _("Voided by"), svc_word(p->voided_by, w, sizeof w));
		pair(d, _("Voided at"),
		    svc_timestamp(t->svc, at, sizeof at, p->voided_at));
	}
	heading(l, _("Consumer information"));
	pair(d, _("Consumer name"), v->c.name);
	pair(d, _("Account number"), v->c.account_no);
	pair(d, _("Service address"), v->c.address);
	pair(d, _("Phone"), v->c.phone);
}

static int
rows(void)
{
	return LINES - 5;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct details *d = (struct details *)sc;
	char line[128];
	int w;

	(void)t;
	tui_lines_scroll(&d->l, 0, rows()); /* after a resize */
	tui_lines_draw(&d->l, 2, 2, rows());
	if (d->l.n > (size_t)rows()) {
		snprintf(line, sizeof line, _("lines %zu-%zu of %zu"),
		    d->l.top + 1,
		    d->l.top + (size_t)rows() < d->l.n
		        ? d->l.top + (size_t)rows()
		        : d->l.n,
		    d->l.n);
		attron(A_DIM);
		w = utf8_columns(line, strlen(line));
		tui_text(LINES - 3, COLS - 2 - w, line, w);
		attroff(A_DIM);
	}
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct details *d = (struct details *)sc;
	struct tui_screen *next;

	if (tui_lines_action(&d->l, a, rows()))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_REPRINT:
		tui_reprint(t, d->number, NULL, 0);
		return TUI_HANDLED;
	case A_VIEW:
		if ((next = screen_receipt_new(t, d->number)) != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_DISPUTE:
		if ((next = screen_dispute_open_new(t, d->number)) != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	}
	return 0;
}

static void
free_details(struct tui_screen *sc)
{
	tui_lines_free(&((struct details *)sc)->l);
}

/* Read payment number (a receipt number, payment or transaction id)
 * into d's lines, scrolled as they were, its receipt number into
 * d->number; 0, or -1 with the reason on the message line. */
static int
read_payment(struct details *d, struct tui *t, const char *number)
{
	struct payment_view v;
	struct pd_err err;
	size_t top = d->l.top;

	if (svc_payment_show(t->svc, number, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return -1;
	}
	svc_payment_fold(&v);
	snprintf(d->number, sizeof d->number, "%s", v.p.receipt_no);
	tui_lines_free(&d->l);
	d->lw = LW;
	d->widest = 0;
	build(d, t, &v);
	if (d->widest + 2 > d->lw) {
		/* a translated label is longer: again, in a wider column */
		tui_lines_free(&d->l);
		d->lw = d->widest + 2;
		build(d, t, &v);
	}
	svc_payment_view_free(&v);
	d->l.top = top; /* kept within by the draw's tui_lines_scroll */
	return 0;
}

/* On top again: a dispute opened (d), a void, a credit note or a sync
 * since may have changed what it shows. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	struct details *d = (struct details *)sc;

	(void)read_payment(d, t, d->number);
}

const struct tui_screen_class screen_payment_class = {
    .name = "Payment details",
    .title = N_("Payment details"),
    .keys = screen_payment_keys,
    .nkeys = TUI_NKEYS(screen_payment_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
    .free = free_details,
};

struct tui_screen *
screen_payment_new(struct tui *t, const char *number)
{
	struct details *d = xcalloc(1, sizeof *d);

	if (read_payment(d, t, number) != 0) {
		tui_lines_free(&d->l);
		free(d);
		return NULL;
	}
	d->sc.cls = &screen_payment_class;
	return &d->sc;
}
