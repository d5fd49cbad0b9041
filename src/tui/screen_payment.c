/* screen_payment.c - the payment details view: payment information, the
 * details and amount analysis of each item, the credit note generated,
 * cash details, transaction, processing and consumer information. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

enum { A_REPRINT, A_VIEW, A_BACK };

static const struct tui_key screen_payment_keys[] = {
    TUI_LINES_KEYS,
    {'r', "r", N_("Reprint"), N_("print a copy of the receipt"), A_REPRINT},
    {'v', "v", N_("View receipt"), N_("show the receipt on the screen"),
        A_VIEW},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to where the payment was opened"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

#define LW 22

struct details {
	struct tui_screen sc;
	char number[64];
	struct tui_lines l;
};

static void
money_pair(struct tui_lines *l, struct tui *t, const char *label, int64_t v)
{
	char m[MONEY_BUFSZ];

	tui_lines_pair(l, LW, label, svc_money(t->svc, m, sizeof m, v));
}

/* Amount due, paid, difference and exact/over/under. */
static void
analysis(struct tui_lines *l, struct tui *t, const char *due_label, int64_t due,
    int64_t paid)
{
	char m[MONEY_BUFSZ], line[96];
	int64_t diff;
	enum analysis a = analysis_of(due, paid, &diff);

	money_pair(l, t, due_label, due);
	money_pair(l, t, "Amount paid", paid);
	snprintf(line, sizeof line, "%s (%s)",
	    svc_money(t->svc, m, sizeof m, diff), analysis_name(a));
	tui_lines_pair(l, LW, "Difference", line);
}

static const char *const due_labels[] = {
    "Billed amount", "Service amount", "Installment amount"};

static void
item_lines(struct tui_lines *l, struct tui *t, const struct allocation *a)
{
	const struct item *it = &a->item;
	char no[16], dt[SVC_DATE_BUFSZ];

	tui_lines_add(l, 0, " ");
	if (a->reverses) {
		tui_lines_add(l, 1, " Reversal of %s", it->ref);
		money_pair(l, t, "Amount", a->amount);
		return;
	}
	tui_lines_add(l, 1, " %s %s", pay_type_name(it->kind), it->ref);
	switch (it->kind) {
	case PAY_BILL:
		tui_lines_pair(l, LW, "Invoice ID", it->ref);
		tui_lines_pair(l, LW, "Service period", it->period);
		break;
	case PAY_SERVICE:
		tui_lines_pair(l, LW, "Service name", it->description);
		tui_lines_pair(l, LW, "Service date",
		    svc_date(t->svc, dt, sizeof dt, it->issued_on));
		break;
	case PAY_INSTALLMENT:
		snprintf(no, sizeof no, "%d", it->inst_no);
		tui_lines_pair(l, LW, "Plan", it->plan_no);
		tui_lines_pair(l, LW, "Installment", no);
		tui_lines_pair(l, LW, "Due date",
		    svc_date(t->svc, dt, sizeof dt, it->due_on));
		break;
	}
	analysis(l, t, due_labels[it->kind], a->due_before, a->amount);
}

static void
build(struct details *d, struct tui *t, const struct payment_view *v)
{
	const struct payment *p = &v->p;
	struct tui_lines *l = &d->l;
	size_t i;
	char dt[SVC_DATE_BUFSZ], at[SVC_DATE_BUFSZ + 32];

	tui_lines_add(l, 1, "Payment information");
	tui_lines_pair(l, LW, "Payment ID", p->payment_no);
	tui_lines_pair(l, LW, "Status", pay_status_name(p->status));
	money_pair(l, t, "Amount paid", p->amount);
	tui_lines_pair(l, LW, "Payment method", p->method);
	tui_lines_pair(l, LW, "Payment type", pay_type_name(p->type));
	tui_lines_pair(l, LW, "Channel", p->channel);
	if (p->notes[0] != '\0')
		tui_lines_pair(l, LW, "Notes", p->notes);
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, "Payment details and amount analysis");
	for (i = 0; i < v->nallocs; i++)
		item_lines(l, t, &v->allocs[i]);
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, " Total");
	analysis(l, t, due_labels[p->type], p->due_total, p->amount);
	for (i = 0; i < v->ncredits; i++) {
		const struct credit_note *cn = &v->credits[i];

		tui_lines_add(l, 0, " ");
		tui_lines_add(l, 1, "Credit note generated");
		tui_lines_pair(l, LW, "Credit note number", cn->cn_no);
		money_pair(l, t, "Credit amount", cn->amount);
		tui_lines_pair(l, LW, "Reason", cn->reason);
		tui_lines_pair(l, LW, "Status",
		    credit_status_name(svc_credit_status(t->svc, cn)));
	}
	if (p->method_kind == METHOD_CASH) {
		tui_lines_add(l, 0, " ");
		tui_lines_add(l, 1, "Cash payment details");
		money_pair(l, t, "Amount received", p->tendered);
		money_pair(l, t, "Change given", p->change);
	}
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, "Transaction information");
	tui_lines_pair(l, LW, "Transaction ID", p->txn_no);
	tui_lines_pair(l, LW, "Receipt number", p->receipt_no);
	tui_lines_pair(
	    l, LW, "Payment date", svc_date(t->svc, dt, sizeof dt, p->paid_on));
	/* the date in the organisation's format, the time as stored */
	snprintf(at, sizeof at, "%s%s",
	    svc_date(t->svc, dt, sizeof dt, p->created_at),
	    strlen(p->created_at) > 10 ? p->created_at + 10 : "");
	tui_lines_pair(l, LW, "Recorded at", at);
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, "Processing information");
	tui_lines_pair(
	    l, LW, "Received by", p->user_id ? p->received_by : "System");
	tui_lines_pair(l, LW, "Processing time", v->processing);
	tui_lines_pair(
	    l, LW, "Verification", p->verified ? "Verified" : "Pending");
	if (p->verified && p->method_kind == METHOD_ONLINE) {
		tui_lines_pair(l, LW, "Verified by", p->verified_by);
		tui_lines_pair(l, LW, "Verified at", p->verified_at);
	}
	tui_lines_pair(l, LW, "Terminal", p->terminal);
	if (p->status == PS_VOIDED) {
		tui_lines_add(l, 0, " ");
		tui_lines_add(l, 1, "Void");
		tui_lines_pair(l, LW, "Reason", p->void_reason);
		tui_lines_pair(l, LW, "Voided by", p->voided_by);
		tui_lines_pair(l, LW, "Voided at", p->voided_at);
	}
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, "Consumer information");
	tui_lines_pair(l, LW, "Consumer name", v->c.name);
	tui_lines_pair(l, LW, "Account number", v->c.account_no);
	tui_lines_pair(l, LW, "Service address", v->c.address);
	tui_lines_pair(l, LW, "Phone", v->c.phone);
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

	(void)t;
	tui_lines_scroll(&d->l, 0, rows()); /* after a resize */
	tui_lines_draw(&d->l, 2, 2, rows());
	if (d->l.n > (size_t)rows()) {
		snprintf(line, sizeof line, "lines %zu-%zu of %zu",
		    d->l.top + 1,
		    d->l.top + (size_t)rows() < d->l.n
		        ? d->l.top + (size_t)rows()
		        : d->l.n,
		    d->l.n);
		attron(A_DIM);
		tui_text(LINES - 3, COLS - 2 - (int)strlen(line), line,
		    (int)strlen(line));
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
	}
	return 0;
}

static void
free_details(struct tui_screen *sc)
{
	tui_lines_free(&((struct details *)sc)->l);
}

const struct tui_screen_class screen_payment_class = {
    .name = "Payment details",
    .title = N_("Payment details"),
    .keys = screen_payment_keys,
    .nkeys = TUI_NKEYS(screen_payment_keys),
    .draw = draw,
    .action = action,
    .free = free_details,
};

struct tui_screen *
screen_payment_new(struct tui *t, const char *number)
{
	struct payment_view v;
	struct details *d;
	struct pd_err err;

	if (svc_payment_show(t->svc, number, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	snprintf(d->number, sizeof d->number, "%s", v.p.receipt_no);
	build(d, t, &v);
	svc_payment_view_free(&v);
	d->sc.cls = &screen_payment_class;
	return &d->sc;
}
