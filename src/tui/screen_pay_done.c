/* screen_pay_done.c - step 8: the payment is posted. Its numbers and
 * status, where its receipt went, and the ways on: reprint, view the
 * receipt, the details view, another payment, or back home. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "wizard.h"

enum { A_HOME, A_ANOTHER, A_REPRINT, A_VIEW, A_DETAILS };

static const struct tui_key screen_pay_done_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Home"), N_("return to the home screen"),
        A_HOME},
    {'n', "n", N_("Another"), N_("record another payment (back to step 1)"),
        A_ANOTHER},
    {'r', "r", N_("Reprint"), N_("print a copy of the receipt"), A_REPRINT},
    {'v', "v", N_("View receipt"), N_("show the receipt on the screen"),
        A_VIEW},
    {'d', "d", N_("Details"), N_("the payment details view"), A_DETAILS},
    {TUI_KEY_ESC, "Esc", NULL, N_("return to the home screen"), A_HOME},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct done {
	struct tui_screen sc;
	struct wizard *w;
};

/* The labels of the payment posted, in the order shown. */
enum {
	L_PAYMENT,
	L_TXN,
	L_RECEIPT,
	L_STATUS,
	L_VERIFY,
	L_PROCESS,
	L_METHOD,
	L_RECEIVED,
	L_CHANGE,
	L_CREDIT,
	L_NOW
};
static const char *const labels[] = {
    [L_PAYMENT] = N_("Payment ID"),
    [L_TXN] = N_("Transaction ID"),
    [L_RECEIPT] = N_("Receipt number"),
    [L_STATUS] = N_("Status"),
    [L_VERIFY] = N_("Verification"),
    [L_PROCESS] = N_("Processing"),
    [L_METHOD] = N_("Method"),
    [L_RECEIVED] = N_("Amount received"),
    [L_CHANGE] = N_("Change given"),
    [L_CREDIT] = N_("Credit note"),
    [L_NOW] = N_("Outstanding now"),
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct done *)sc)->w;
	const struct payment *p = &w->res.p;
	char m[MONEY_BUFSZ], line[200];
	int y = wizard_band(w, 8, N_("Payment recorded"));
	int lw = tui_label_width(labels, sizeof labels / sizeof *labels, 22);

	attron(tui_attr(t, TUI_C_OK, A_BOLD) | A_BOLD);
	snprintf(line, sizeof line, _("Payment of %s posted"),
	    svc_money(t->svc, m, sizeof m, p->amount));
	tui_text(y++, 2, line, COLS - 4);
	attroff(tui_attr(t, TUI_C_OK, A_BOLD) | A_BOLD);
	y++;
	tui_pair(y++, 4, lw, _(labels[L_PAYMENT]), p->payment_no);
	tui_pair(y++, 4, lw, _(labels[L_TXN]), p->txn_no);
	tui_pair(y++, 4, lw, _(labels[L_RECEIPT]), p->receipt_no);
	tui_pair(
	    y++, 4, lw, _(labels[L_STATUS]), _(pay_status_name(p->status)));
	tui_pair(y++, 4, lw, _(labels[L_VERIFY]),
	    p->verified ? _("Verified") : _("Pending"));
	tui_pair(y++, 4, lw, _(labels[L_PROCESS]),
	    w->pv.processing_text[0] ? w->pv.processing_text : "-");
	tui_pair(y++, 4, lw, _(labels[L_METHOD]), p->method);
	if (p->method_kind == METHOD_CASH) {
		tui_pair(y++, 4, lw, _(labels[L_RECEIVED]),
		    svc_money(t->svc, m, sizeof m, p->tendered));
		attron(A_BOLD);
		tui_pair(y++, 4, lw, _(labels[L_CHANGE]),
		    svc_money(t->svc, m, sizeof m, p->change));
		attroff(A_BOLD);
	}
	if (w->res.cn_no[0] != '\0') {
		snprintf(line, sizeof line, _("%s for %s"), w->res.cn_no,
		    svc_money(t->svc, m, sizeof m, w->res.cn_amount));
		tui_pair(y++, 4, lw, _(labels[L_CREDIT]), line);
	}
	if (p->has_balance)
		tui_pair(y++, 4, lw, _(labels[L_NOW]),
		    svc_money(t->svc, m, sizeof m, p->balance_after));
	y++;
	attron(w->doc_failed ? tui_attr(t, TUI_C_ERROR, A_BOLD) : 0);
	tui_wrap(y, 2, w->doc_msg, COLS - 4, LINES - 3 - y);
	attroff(w->doc_failed ? tui_attr(t, TUI_C_ERROR, A_BOLD) : 0);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct wizard *w = ((struct done *)sc)->w;
	struct tui_screen *next;

	switch (a) {
	case A_HOME:
		t->unwind_to = w->first->below;
		return TUI_HANDLED;
	case A_ANOTHER:
		wizard_reset(w);
		t->unwind_to = w->first;
		return TUI_HANDLED;
	case A_REPRINT:
		tui_reprint(t, w->res.p.receipt_no, NULL, 0);
		return TUI_HANDLED;
	case A_VIEW:
	case A_DETAILS:
		next = a == A_VIEW ? screen_receipt_new(t, w->res.p.receipt_no)
		                   : screen_payment_new(t, w->res.p.receipt_no);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	}
	return 0;
}

const struct tui_screen_class screen_pay_done_class = {
    .name = "Record Payment 8 Done",
    .title = N_("Payment recorded"),
    .keys = screen_pay_done_keys,
    .nkeys = TUI_NKEYS(screen_pay_done_keys),
    .draw = draw,
    .action = action,
};

struct tui_screen *
screen_pay_done_new(struct wizard *w)
{
	struct done *d = xcalloc(1, sizeof *d);

	d->w = w;
	d->sc.cls = &screen_pay_done_class;
	return &d->sc;
}
