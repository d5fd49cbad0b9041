/* screen_pay_items.c - step 4: the payment type (Bill, Service,
 * Installment) and its open items, oldest due first, all selected at
 * first; Space toggles one, the total follows. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"
#include "paydesk/xmalloc.h"

enum {
	A_NEXT,
	A_UP,
	A_DOWN,
	A_TOGGLE,
	A_ALL,
	A_TYPE_NEXT,
	A_TYPE_PREV,
	A_BILL,
	A_SERVICE,
	A_INST,
	A_BACK
};

static const struct tui_key screen_pay_items_keys[] = {
    {TUI_KEY_ENTER, "Enter", "Next", "pay the items selected", A_NEXT},
    {' ', "Space", "Toggle", "select or unselect the item", A_TOGGLE},
    {'a', "a", "All/none", "select all items, or none if all are", A_ALL},
    {KEY_RIGHT, "Right", "Type", "the next payment type", A_TYPE_NEXT},
    {KEY_LEFT, "Left", NULL, "the previous payment type", A_TYPE_PREV},
    {'b', "b", NULL, "payment type Bill", A_BILL},
    {'s', "s", NULL, "payment type Service", A_SERVICE},
    {'i', "i", NULL, "payment type Installment", A_INST},
    {KEY_UP, "Up", NULL, "the item above", A_UP},
    {KEY_DOWN, "Down", NULL, "the item below", A_DOWN},
    {TUI_KEY_ESC, "Esc", "Back", "back to the channel", A_BACK},
    {KEY_F(1), "F1", "Help", "this help", -1},
};

struct items {
	struct tui_screen sc;
	struct wizard *w;
};

/* One item as a row of the table for its type. */
static void
item_line(struct tui *t, const struct item *it, int picked, char *buf, size_t n)
{
	char amount[MONEY_BUFSZ], open[MONEY_BUFSZ], no[16];

	svc_money(t->svc, amount, sizeof amount, it->amount);
	svc_money(t->svc, open, sizeof open, it->amount - it->settled);
	switch (it->kind) {
	case PAY_BILL:
		snprintf(buf, n, "[%c] %-16.16s %-14.14s %-10s %12s %12s",
		    picked ? 'x' : ' ', it->ref, it->period, it->due_on, amount,
		    open);
		break;
	case PAY_SERVICE:
		snprintf(buf, n, "[%c] %-20.20s %-14.14s %-10s %12s %12s",
		    picked ? 'x' : ' ', it->description, it->ref, it->issued_on,
		    amount, open);
		break;
	case PAY_INSTALLMENT:
		snprintf(no, sizeof no, "%d", it->inst_no);
		snprintf(buf, n, "[%c] %-16.16s %-14s %-10s %12s %12s",
		    picked ? 'x' : ' ', it->plan_no, no, it->due_on, amount,
		    open);
		break;
	}
}

static const char *const heads[] = {
    "    Invoice          Period         Due date         Amount         Open",
    "    Service              Reference      Date             Amount         "
    "Open",
    "    Plan             Installment    Due date         Amount         Open",
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct items *)sc)->w;
	size_t n, *idx = wizard_items(w, &n), i, top, count;
	char line[256], m[MONEY_BUFSZ];
	int y = wizard_band(w, 4, "Payment type and items"), x = 2, k, rows;

	for (k = PAY_BILL; k <= PAY_INSTALLMENT; k++) {
		int on = k == w->type;

		snprintf(line, sizeof line, " %s ", pay_type_name(k));
		if (on)
			attron(tui_attr(t, TUI_C_SELECT, A_REVERSE) | A_BOLD);
		tui_text(y, x, line, COLS - x);
		if (on)
			attroff(tui_attr(t, TUI_C_SELECT, A_REVERSE) | A_BOLD);
		x += (int)strlen(line) + 2;
	}
	y += 2;
	if (n == 0) {
		snprintf(line, sizeof line, "No unpaid %s for this consumer",
		    w->type == PAY_BILL      ? "bills"
		    : w->type == PAY_SERVICE ? "services"
		                             : "installments");
		tui_text(y, 2, line, COLS - 4);
		free(idx);
		return;
	}
	attron(A_DIM);
	tui_text(y++, 2, heads[w->type], COLS - 4);
	attroff(A_DIM);
	rows = LINES - 4 - y;
	top = tui_list_top(w->item_sel, n, rows);
	for (i = top; i < n && rows > 0; i++, rows--, y++) {
		item_line(t, &w->cv.items[idx[i]], w->picked[idx[i]], line,
		    sizeof line);
		tui_row(t, y, 1, COLS - 2, i == w->item_sel, line);
	}
	svc_money(t->svc, m, sizeof m, wizard_picked_total(w, &count));
	snprintf(
	    line, sizeof line, "Selected %zu of %zu    Total %s", count, n, m);
	attron(A_BOLD);
	tui_text(LINES - 3, 2, line, COLS - 4);
	attroff(A_BOLD);
	free(idx);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct wizard *w = ((struct items *)sc)->w;
	size_t n, *idx = wizard_items(w, &n), i, count;
	int all = 1, r = TUI_HANDLED;

	switch (a) {
	case A_BACK:
		r = TUI_CLOSE;
		break;
	case A_UP:
	case A_DOWN:
		tui_list_move(&w->item_sel, n, a == A_UP ? -1 : 1);
		break;
	case A_TOGGLE:
		if (n > 0)
			w->picked[idx[w->item_sel]] ^= 1;
		break;
	case A_ALL:
		for (i = 0; i < n; i++)
			all &= w->picked[idx[i]];
		for (i = 0; i < n; i++)
			w->picked[idx[i]] = (unsigned char)!all;
		break;
	case A_TYPE_NEXT:
	case A_TYPE_PREV:
		w->type = (w->type + (a == A_TYPE_NEXT ? 1 : 2)) % 3;
		w->item_sel = 0;
		break;
	case A_BILL:
	case A_SERVICE:
	case A_INST:
		w->type = a - A_BILL + PAY_BILL;
		w->item_sel = 0;
		break;
	case A_NEXT:
		wizard_picked_total(w, &count);
		if (n == 0)
			tui_message(t, 1,
			    "Nothing open to pay: choose another "
			    "payment type (Left/Right)");
		else if (count == 0)
			tui_message(
			    t, 1, "Select at least one item to pay (Space)");
		else
			tui_push(t, screen_pay_method_new(w, t));
		break;
	default:
		r = 0;
	}
	free(idx);
	return r;
}

const struct tui_screen_class screen_pay_items_class = {
    .name = "Record Payment 4 Items",
    .title = "Record Payment",
    .keys = screen_pay_items_keys,
    .nkeys = TUI_NKEYS(screen_pay_items_keys),
    .draw = draw,
    .action = action,
};

struct tui_screen *
screen_pay_items_new(struct wizard *w)
{
	struct items *s = xcalloc(1, sizeof *s);

	s->w = w;
	s->sc.cls = &screen_pay_items_class;
	return &s->sc;
}
