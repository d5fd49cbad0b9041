/* screen_pay_items.c - step 4: the payment type (Bill, Service,
 * Installment, or Mixed: every kind, issue 21) and its open items, oldest due
 * first, those due this month (overdue or due this month) selected at first;
 * Space toggles one, the total follows; an installment paid ahead of an older
 * one is asked about; h splits the amount in the order picked (by hand). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"

enum {
	A_NEXT,
	A_TOGGLE,
	A_ALL,
	A_TYPE_NEXT,
	A_TYPE_PREV,
	A_BILL,
	A_SERVICE,
	A_INST,
	A_MIXED,
	A_HAND,
	A_BACK
};

static const struct tui_key screen_pay_items_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Next"), N_("pay the items selected"), A_NEXT},
    {' ', "Space", N_("Toggle"), N_("select or unselect the item"), A_TOGGLE},
    {'a', "a", N_("All/none"), N_("select all items, or none if all are"),
        A_ALL},
    {KEY_RIGHT, "Right", N_("Type"), N_("the next payment type"), A_TYPE_NEXT},
    {KEY_LEFT, "Left", NULL, N_("the previous payment type"), A_TYPE_PREV},
    {'b', "b", NULL, N_("payment type Bill"), A_BILL},
    {'s', "s", NULL, N_("payment type Service"), A_SERVICE},
    {'i', "i", NULL, N_("payment type Installment"), A_INST},
    {'m', "m", NULL, N_("every kind of item in one payment (Mixed)"), A_MIXED},
    {'h', "h", N_("By hand"),
        N_("split in the order the items were picked (again: by the rule)"),
        A_HAND},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the channel"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

/* The columns of each payment type (cut to their least, if the terminal
 * is too narrow for the widest cell); "Open" is the amount not yet paid,
 * translated in the context "column" (not the key's verb). */
enum { NCOLS = 6 };
static const struct xcol cols[PAY_TYPES][NCOLS] = {
    {{"", "picked", X_TEXT, 0, 0}, {N_("Invoice"), "ref", X_ID, 16, 10},
        {N_("Period"), "period", X_TEXT, 14, 8},
        {N_("Due date"), "due", X_DATE, 10, 0},
        {N_("Amount"), "amount", X_MONEY, 12, 0},
        {NC_("column", "Open"), "open", X_MONEY, 12, 0}},
    {{"", "picked", X_TEXT, 0, 0},
        {N_("Service"), "description", X_TEXT, 20, 10},
        {N_("Reference"), "ref", X_ID, 14, 10},
        {N_("Date"), "date", X_DATE, 10, 0},
        {N_("Amount"), "amount", X_MONEY, 12, 0},
        {NC_("column", "Open"), "open", X_MONEY, 12, 0}},
    {{"", "picked", X_TEXT, 0, 0}, {N_("Plan"), "plan", X_ID, 16, 10},
        {N_("Installment"), "no", X_TEXT, 14, 0},
        {N_("Due date"), "due", X_DATE, 10, 0},
        {N_("Amount"), "amount", X_MONEY, 12, 0},
        {NC_("column", "Open"), "open", X_MONEY, 12, 0}},
    {{"", "picked", X_TEXT, 0, 0}, {N_("Kind"), "kind", X_TEXT, 12, 4},
        {N_("Reference"), "ref", X_ID, 18, 10},
        {N_("Due date"), "due", X_DATE, 10, 0},
        {N_("Amount"), "amount", X_MONEY, 12, 0},
        {NC_("column", "Open"), "open", X_MONEY, 12, 0}},
};

struct items {
	struct tui_screen sc;
	struct wizard *w;
	struct tui_list list; /* its selection is w->item_sel */
	size_t *idx;          /* the items of the type: w->cv.items[idx[i]] */
	struct xcol cols[NCOLS]; /* those of the type shown */
	int ahead_ok; /* the cashier confirmed paying an installment ahead */
};

/* What the step says when a type has nothing open, by pay_type. */
static const char *const none_open[] = {
    [PAY_BILL] = N_("No unpaid bills for this consumer"),
    [PAY_SERVICE] = N_("No unpaid services for this consumer"),
    [PAY_INSTALLMENT] = N_("No unpaid installments for this consumer"),
    [PAY_MIXED] = N_("Nothing unpaid for this consumer"),
};

/* One item as a row of the table for its type. */
static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct items *s = arg;
	const struct item *it = &s->w->cv.items[s->idx[row]];

	c[0].s = s->w->picked[s->idx[row]] ? "[x]" : "[ ]";
	c[4].n = it->amount;
	c[5].n = it->amount - it->settled;
	if (s->w->type == PAY_MIXED) { /* any kind: which, by its reference */
		c[1].s = _(pay_type_name(it->kind));
		c[2].s = it->ref;
		c[3].s = it->due_on;
		return;
	}
	switch (it->kind) {
	case PAY_BILL:
		c[1].s = it->ref;
		c[2].s = svc_period(t->svc, buf, LISTING_BUFSZ, it->period);
		c[3].s = it->due_on;
		break;
	case PAY_SERVICE:
		c[1].s = it->description;
		c[2].s = it->ref;
		c[3].s = it->issued_on;
		break;
	case PAY_INSTALLMENT:
		snprintf(buf, LISTING_BUFSZ, "%d", it->inst_no);
		c[1].s = it->plan_no;
		c[2].s = buf;
		c[3].s = it->due_on;
		break;
	case PAY_MIXED: /* never an item's */
		break;
	}
}

/* The items of the type shown, for the list (s->idx until the next). */
static size_t
items_of(struct items *s)
{
	size_t n;

	free(s->idx);
	s->idx = wizard_items(s->w, &n);
	memcpy(s->cols, cols[s->w->type], sizeof s->cols);
	s->list.cols = s->cols;
	s->list.sel = s->w->item_sel;
	tui_list_set(&s->list, n);
	return n;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct items *s = (struct items *)sc;
	struct wizard *w = s->w;
	size_t n = items_of(s), count;
	char line[256], m[MONEY_BUFSZ];
	int y = wizard_band(w, 4, N_("Payment type and items")), x = 2, k;

	for (k = PAY_BILL; k <= PAY_MIXED; k++) {
		int on = k == (int)w->type;

		snprintf(line, sizeof line, " %s ", _(pay_type_name(k)));
		if (on)
			attron(tui_attr(t, TUI_C_SELECT, A_REVERSE) | A_BOLD);
		tui_text(y, x, line, COLS - x);
		if (on)
			attroff(tui_attr(t, TUI_C_SELECT, A_REVERSE) | A_BOLD);
		x += utf8_columns(line, strlen(line)) + 2;
	}
	y += 2;
	if (n == 0) {
		tui_wrap(y, 2, _(none_open[w->type]), COLS - 4, 2);
		return;
	}
	tui_list_draw(t, &s->list, y, 1, COLS - 2, LINES - 4 - y + 1);
	svc_money(t->svc, m, sizeof m, wizard_picked_total(w, &count));
	snprintf(line, sizeof line, _("Selected %zu of %zu    Total %s"), count,
	    n, m);
	if (w->hand) /* said where the choice is made (issue 21) */
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    "    %s", _("Split in the order picked"));
	attron(A_BOLD);
	tui_text(LINES - 3, 2, line, COLS - 4);
	attroff(A_BOLD);
}

/* An installment selected while an older one of its plan, still open,
 * is not (issue 17 section 4): asked once, Enter again goes on. 1 when
 * there is none or the cashier confirmed. */
static int
ahead_confirmed(struct items *s, struct tui *t)
{
	const struct wizard *w = s->w;
	const struct item *it = w->cv.items, *p, *q;
	size_t i, j;

	if ((w->type != PAY_INSTALLMENT && w->type != PAY_MIXED) || s->ahead_ok)
		return 1;
	for (i = 0; i < w->cv.nitems; i++)
		for (j = 0; j < w->cv.nitems; j++) {
			p = &it[i];
			q = &it[j];
			if (p->kind != PAY_INSTALLMENT || !w->picked[i] ||
			    q->kind != PAY_INSTALLMENT || w->picked[j] ||
			    strcmp(p->plan_no, q->plan_no) != 0 ||
			    q->inst_no >= p->inst_no)
				continue;
			s->ahead_ok = 1;
			tui_message(t, 1,
			    _("Installment %d is paid ahead of %d: {Enter} "
			      "again "
			      "to go on"),
			    p->inst_no, q->inst_no);
			return 0;
		}
	return 1;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct items *s = (struct items *)sc;
	struct wizard *w = s->w;
	size_t n = items_of(s), *idx = s->idx, i, count;
	int all = 1, r = TUI_HANDLED;

	if (tui_list_action(&s->list, a)) {
		w->item_sel = s->list.sel;
		return TUI_HANDLED;
	}
	if (a != A_NEXT)
		s->ahead_ok = 0; /* a new choice is asked about again */
	switch (a) {
	case A_BACK:
		r = TUI_CLOSE;
		break;
	case A_TOGGLE:
		if (n > 0)
			wizard_pick(
			    w, idx[w->item_sel], !w->picked[idx[w->item_sel]]);
		break;
	case A_ALL:
		for (i = 0; i < n; i++)
			all &= w->picked[idx[i]] != 0;
		for (i = 0; i < n; i++)
			wizard_pick(w, idx[i], !all);
		break;
	case A_TYPE_NEXT:
	case A_TYPE_PREV:
		w->type = (w->type + (a == A_TYPE_NEXT ? 1 : PAY_TYPES - 1)) %
		          PAY_TYPES;
		w->item_sel = 0;
		break;
	case A_HAND:
		w->hand = !w->hand;
		break;
	case A_BILL:
	case A_SERVICE:
	case A_INST:
	case A_MIXED:
		w->type = a - A_BILL + PAY_BILL;
		w->item_sel = 0;
		break;
	case A_NEXT:
		wizard_picked_total(w, &count);
		if (n == 0)
			tui_message(t, 1, "%s",
			    tui_keys(_("Nothing open to pay: choose another "
			               "payment type ({Left}/{Right})")));
		else if (count == 0)
			tui_message(t, 1, "%s",
			    tui_keys(_(
			        "Select at least one item to pay ({Space})")));
		else if (ahead_confirmed(s, t))
			tui_push(t, screen_pay_method_new(w, t));
		break;
	default:
		r = 0;
	}
	return r;
}

static void
free_items(struct tui_screen *sc)
{
	struct items *s = (struct items *)sc;

	free(s->idx);
	tui_list_free(&s->list);
}

/* On top again: the account as it is now (another terminal may have
 * paid meanwhile). */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	wizard_refresh(((struct items *)sc)->w, t);
}

const struct tui_screen_class screen_pay_items_class = {
    .name = "Record Payment 4 Items",
    .title = N_("Record Payment"),
    .keys = screen_pay_items_keys,
    .nkeys = TUI_NKEYS(screen_pay_items_keys),
    .draw = draw,
    .action = action,
    .free = free_items,
    .enter = enter,
};

struct tui_screen *
screen_pay_items_new(struct wizard *w)
{
	struct items *s = xcalloc(1, sizeof *s);

	s->w = w;
	memcpy(s->cols, cols[0], sizeof s->cols);
	tui_list_init(&s->list, s->cols, NCOLS, cells, s);
	s->sc.cls = &screen_pay_items_class;
	return &s->sc;
}
