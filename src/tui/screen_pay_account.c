/* screen_pay_account.c - step 2: the consumer's account (contact, current
 * balance, available credit, what is open) and the latest payments, each
 * of which opens its details view. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"
#include "paydesk/xmalloc.h"

enum { A_NEXT, A_UP, A_DOWN, A_DETAILS, A_BACK };

static const struct tui_key screen_pay_account_keys[] = {
    {TUI_KEY_ENTER, "Enter", "Take payment",
        "go on to take a payment from this consumer", A_NEXT},
    {KEY_UP, "Up", NULL, "select the payment above", A_UP},
    {KEY_DOWN, "Down", NULL, "select the payment below", A_DOWN},
    {'d', "d", "Details", "the details of the payment selected", A_DETAILS},
    {TUI_KEY_ESC, "Esc", "Back", "back to the search", A_BACK},
    {KEY_F(1), "F1", "Help", "this help", -1},
};

struct account {
	struct tui_screen sc;
	struct wizard *w;
	size_t sel;
};

/* "2 bills $250.00" for the open items of one kind. */
static void
open_of(
    const struct wizard *w, struct tui *t, enum pay_type k, char *buf, size_t n)
{
	int64_t sum = 0;
	size_t i, count = 0;
	char m[MONEY_BUFSZ];

	for (i = 0; i < w->cv.nitems; i++)
		if (w->cv.items[i].kind == k) {
			sum += w->cv.items[i].amount - w->cv.items[i].settled;
			count++;
		}
	snprintf(
	    buf, n, "%zu open, %s", count, svc_money(t->svc, m, sizeof m, sum));
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct account *a = (struct account *)sc;
	const struct wizard *w = a->w;
	const struct consumer *c = &w->cv.c;
	char m[MONEY_BUFSZ], line[256];
	size_t i, top;
	int y = wizard_band(w, 2, "Account details"), lw = 22, rows;
	int x2 = COLS >= 100 ? COLS / 2 : 0; /* a second column when wide */

	tui_pair(y++, 2, lw, "Name", c->name);
	tui_pair(y++, 2, lw, "Account number", c->account_no);
	tui_pair(y++, 2, lw, "Service address", c->address);
	tui_pair(y++, 2, lw, "Phone", c->phone[0] ? c->phone : "-");
	tui_pair(y++, 2, lw, "Email", c->email[0] ? c->email : "-");
	if (x2)
		y -= 5;
	attron(A_BOLD);
	tui_pair(y++, 2 + x2, lw, "Current balance",
	    svc_money(t->svc, m, sizeof m, w->cv.b.due_now));
	attroff(A_BOLD);
	tui_pair(y++, 2 + x2, lw, "Available credit",
	    svc_money(t->svc, m, sizeof m, w->cv.b.credit));
	open_of(w, t, PAY_BILL, line, sizeof line);
	tui_pair(y++, 2 + x2, lw, "Bills", line);
	open_of(w, t, PAY_SERVICE, line, sizeof line);
	tui_pair(y++, 2 + x2, lw, "Services", line);
	open_of(w, t, PAY_INSTALLMENT, line, sizeof line);
	tui_pair(y++, 2 + x2, lw, "Installments", line);
	y++;
	attron(A_BOLD);
	tui_text(y++, 2, "Latest payments", COLS - 4);
	attroff(A_BOLD);
	if (w->nrecent == 0) {
		tui_text(y, 4, "none recorded", COLS - 6);
		return;
	}
	rows = LINES - 3 - y;
	top = tui_list_top(a->sel, w->nrecent, rows);
	for (i = top; i < w->nrecent && rows > 0; i++, rows--, y++) {
		const struct payment *p = &w->recent[i].p;

		snprintf(line, sizeof line, "%-10s  %-16s %14s  %-14s %s",
		    p->paid_on, p->receipt_no,
		    svc_money(t->svc, m, sizeof m, p->amount), p->method,
		    pay_status_name(p->status));
		tui_row(t, y, 2, COLS - 4, i == a->sel, line);
	}
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct account *a = (struct account *)sc;
	struct wizard *w = a->w;
	struct tui_screen *next;

	switch (act) {
	case A_BACK:
		return TUI_CLOSE;
	case A_UP:
	case A_DOWN:
		tui_list_move(&a->sel, w->nrecent, act == A_UP ? -1 : 1);
		return TUI_HANDLED;
	case A_DETAILS:
		if (w->nrecent == 0) {
			tui_message(t, 1, "No payment to show");
			return TUI_HANDLED;
		}
		next = screen_payment_new(t, w->recent[a->sel].p.receipt_no);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_NEXT:
		tui_push(t, screen_pay_channel_new(w));
		return TUI_HANDLED;
	}
	return 0;
}

const struct tui_screen_class screen_pay_account_class = {
    .name = "Record Payment 2 Account",
    .title = "Record Payment",
    .keys = screen_pay_account_keys,
    .nkeys = TUI_NKEYS(screen_pay_account_keys),
    .draw = draw,
    .action = action,
};

struct tui_screen *
screen_pay_account_new(struct wizard *w)
{
	struct account *a = xcalloc(1, sizeof *a);

	a->w = w;
	a->sc.cls = &screen_pay_account_class;
	a->sc.title = w->find ? "Find Consumer" : "Record Payment";
	return &a->sc;
}
