/* screen_pay_method.c - step 5: the method from the configured list, the
 * amount (the selected total unless the cashier types another), for
 * cash the amount received with the change in large digits, and for a
 * method that takes one the reference (card authorisation code, cheque
 * number, transfer id), refused while required and empty. Every
 * keystroke asks the service for a quote; what it refuses is shown with
 * its reason and the step does not go on. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"

enum { A_NEXT, A_FOCUS, A_FOCUS_BACK, A_UP, A_DOWN, A_BACK };

static const struct tui_key screen_pay_method_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Next"), N_("go on to the summary"), A_NEXT},
    {TUI_KEY_TAB, "Tab", N_("Next field"),
        N_("method, amount, then amount received or reference"), A_FOCUS},
    {KEY_BTAB, "S-Tab", NULL, N_("the field before"), A_FOCUS_BACK},
    {KEY_UP, "Up", NULL, N_("the method above, or the field above"), A_UP},
    {KEY_DOWN, "Down", NULL, N_("the method below, or the field below"),
        A_DOWN},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the items"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct method {
	struct tui_screen sc;
	struct wizard *w;
	struct tui_list list; /* the methods: its selection is w->method */
	/* the amount received whose large change the cashier confirmed
	 * (Enter twice); -1: none */
	int64_t confirmed;
};

static const struct xcol cols[] = {{NULL, "method", X_TEXT, 0, 0}};

/* The fields' labels. */
enum { L_AMOUNT, L_RECEIVED, L_REFERENCE };
static const char *const labels[] = {
    [L_AMOUNT] = N_("Amount"),
    [L_RECEIVED] = N_("Amount received"),
    [L_REFERENCE] = N_("Reference"),
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct wizard *w = ((struct method *)arg)->w;

	snprintf(buf, LISTING_BUFSZ, "(%s) %s",
	    (int)row == w->method ? "*" : " ", t->svc->cfg.methods[row].name);
	c[0].s = buf;
}

/* The list of methods as the wizard has it. */
static void
list_of(struct method *me, struct tui *t)
{
	tui_list_set(&me->list, (size_t)t->svc->cfg.nmethods);
	me->list.sel = (size_t)me->w->method;
	me->list.blur = me->w->focus != 0;
}

static int
is_cash(const struct wizard *w, struct tui *t)
{
	return t->svc->cfg.methods[w->method].kind == METHOD_CASH;
}

/* The method's reference rule. */
static enum payref_rule
ref_rule(const struct wizard *w, struct tui *t)
{
	return t->svc->cfg.methods[w->method].reference;
}

/* The fields the focus moves through: method, amount, then received
 * (cash) or the reference (a method that takes one). */
static int
nfields(const struct wizard *w, struct tui *t)
{
	return is_cash(w, t) || ref_rule(w, t) != PAYREF_NONE ? 3 : 2;
}

/* The field the focus is on (focus 1 or 2). */
static struct tui_field *
field_at(struct wizard *w, struct tui *t)
{
	return w->focus == 1   ? &w->amount
	       : is_cash(w, t) ? &w->received
	                       : &w->reference;
}

/* Unless the cashier typed an amount, it is the selected items' total. */
static void
default_amount(struct wizard *w, struct tui *t)
{
	size_t count;

	if (w->amount_typed)
		return;
	svc_money_bare(t->svc, w->amount.buf, sizeof w->amount.buf,
	    wizard_picked_total(w, &count), 0);
	w->amount.len = strlen(w->amount.buf);
}

static void
set_focus(struct method *m, struct tui *t, int f)
{
	struct wizard *w = m->w;
	int n = nfields(w, t);

	w->focus = (f + n) % n;
	m->sc.typing = w->focus != 0;
	w->amount.selected = w->received.selected = 0;
	w->amount.money = w->received.money = 1;
	if (w->focus != 0)
		tui_field_enter(field_at(w, t));
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct method *me = (struct method *)sc;
	struct wizard *w = me->w;
	const struct config *cfg = &t->svc->cfg;
	char line[256], m[MONEY_BUFSZ];
	size_t count;
	int y = wizard_band(w, 5, N_("Method and amount")), y0, x = 30;
	int lw = tui_label_width(labels, sizeof labels / sizeof *labels, 18);

	y0 = y;
	attron(A_BOLD);
	tui_text(y++, 2, _("Method"), 24);
	attroff(A_BOLD);
	list_of(me, t);
	tui_list_draw(t, &me->list, y, 2, 24, LINES - 3 - y);
	y = y0;
	svc_money(t->svc, m, sizeof m, wizard_picked_total(w, &count));
	snprintf(line, sizeof line, _("Selected items: %zu, %s"), count, m);
	tui_text(y++, x, line, COLS - x - 1);
	y++;
	tui_text(y, x, _(labels[L_AMOUNT]), lw);
	tui_field_draw(t, &w->amount, y++, x + lw, 16, w->focus == 1);
	if (is_cash(w, t)) {
		y++;
		tui_text(y, x, _(labels[L_RECEIVED]), lw);
		tui_field_draw(t, &w->received, y++, x + lw, 16, w->focus == 2);
		attron(A_DIM);
		tui_text(y++, x + lw, _("empty: the exact amount"),
		    COLS - x - lw - 1);
		attroff(A_DIM);
	} else if (ref_rule(w, t) != PAYREF_NONE) {
		y++;
		tui_text(y, x, _(labels[L_REFERENCE]), lw);
		tui_field_draw(t, &w->reference, y++, x + lw,
		    COLS - x - lw - 2 < 24 ? COLS - x - lw - 2 : 24,
		    w->focus == 2);
		attron(A_DIM);
		y += tui_wrap(y, x + lw,
		    ref_rule(w, t) == PAYREF_REQUIRED
		        ? _("required: card authorisation code, cheque "
		            "number or transfer id")
		        : _("optional: card authorisation code, cheque "
		            "number or transfer id"),
		    COLS - x - lw - 1, 4);
		attroff(A_DIM);
	}
	y++;
	if (!w->quoted) {
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD));
		/* every row down to the message line: the reason whole
		 * (issue 17: a reference's was cut at "(letters A-Z,") */
		tui_wrap(y, x, w->qerr.msg, COLS - x - 1,
		    LINES - 3 - y > 4 ? LINES - 3 - y : 4);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD));
		return;
	}
	if (is_cash(w, t)) {
		char big[MONEY_BUFSZ];
		int bw, sw = utf8_columns(
		            cfg->currency_symbol, strlen(cfg->currency_symbol));

		svc_money(t->svc, m, sizeof m, w->q.change);
		svc_money_bare(t->svc, big, sizeof big, w->q.change, 1);
		tui_text(y++, x, _("Change to give"), COLS - x - 1);
		attron(tui_attr(t, TUI_C_OK, A_BOLD) | A_BOLD);
		/* the symbol beside the large digits, on its side */
		if (cfg->symbol_place[0] == 'a') {
			bw = tui_big(y, x, big);
			tui_text(y + 2, x + bw + 1, cfg->currency_symbol, sw);
		} else {
			tui_text(y + 2, x, cfg->currency_symbol, sw);
			tui_big(y, x + (sw > 2 ? sw + 1 : 3), big);
		}
		attroff(tui_attr(t, TUI_C_OK, A_BOLD) | A_BOLD);
		/* the same figure as text, for screen readers and tests */
		snprintf(line, sizeof line, _("Change: %s"), m);
		tui_text(y + 6, x, line, COLS - x - 1);
	} else if (w->q.overpaid > 0) {
		snprintf(line, sizeof line, _("Extra paid: %s (credit note)"),
		    svc_money(t->svc, m, sizeof m, w->q.overpaid));
		tui_text(y, x, line, COLS - x - 1);
	}
}

/* Change above [payments] change_confirm: the cashier checks the amount
 * received and presses Enter again (a mistyped 2000 for 20.00). */
static int
change_confirmed(struct method *me, struct tui *t)
{
	struct wizard *w = me->w;
	int64_t limit = t->svc->cfg.change_confirm;
	char c[MONEY_BUFSZ], r[MONEY_BUFSZ];

	if (!is_cash(w, t) || limit <= 0 || w->q.change <= limit ||
	    me->confirmed == w->q.tendered)
		return 1;
	me->confirmed = w->q.tendered;
	tui_message(t, 1,
	    _("Change of %s: is %s really the amount received? {Enter} "
	      "again to go on"),
	    svc_money(t->svc, c, sizeof c, w->q.change),
	    svc_money(t->svc, r, sizeof r, w->q.tendered));
	return 0;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct method *me = (struct method *)sc;
	struct wizard *w = me->w;

	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_FOCUS:
	case A_FOCUS_BACK:
		set_focus(me, t, w->focus + (a == A_FOCUS ? 1 : -1));
		return TUI_HANDLED;
	case A_UP:
	case A_DOWN:
		if (w->focus != 0) {
			set_focus(me, t, w->focus + (a == A_DOWN ? 1 : -1));
			return TUI_HANDLED;
		}
		list_of(me, t);
		tui_list_action(
		    &me->list, a == A_UP ? TUI_A_LIST_UP : TUI_A_LIST_DOWN);
		w->method = (int)me->list.sel;
		wizard_quote(w, t);
		return TUI_HANDLED;
	case A_NEXT:
		wizard_quote(w, t);
		if (!w->quoted)
			tui_message(t, 1, "%s", w->qerr.msg);
		else if (!change_confirmed(me, t))
			return TUI_HANDLED;
		else
			tui_push(t, screen_pay_summary_new(w));
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct wizard *w = ((struct method *)sc)->w;
	struct tui_field *f;
	int r;

	if (w->focus == 0)
		return 0;
	f = field_at(w, t);
	if ((r = tui_field_input(f, key, ch)) == 0)
		return 0;
	if (r < 0) {
		tui_money_refused(
		    t, f == &w->amount ? _("Amount") : _("Amount received"), ch);
		return TUI_HANDLED;
	}
	((struct method *)sc)->confirmed = -1;
	if (f == &w->amount)
		w->amount_typed = 1;
	wizard_quote(w, t);
	return TUI_HANDLED;
}

/* Coming back from the summary, the quote is asked again on the way. */
static void
redraw(struct tui_screen *sc, struct tui *t)
{
	struct method *me = (struct method *)sc;

	default_amount(me->w, t);
	if (me->w->focus >= nfields(me->w, t))
		set_focus(me, t, 0);
	draw(sc, t);
}

/* On top again: the account as it is now (another terminal may have
 * paid meanwhile). */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct method *)sc)->w;

	wizard_refresh(w, t);
	default_amount(w, t);
	wizard_quote(w, t);
}

const struct tui_screen_class screen_pay_method_class = {
    .name = "Record Payment 5 Method and amount",
    .title = N_("Record Payment"),
    .keys = screen_pay_method_keys,
    .nkeys = TUI_NKEYS(screen_pay_method_keys),
    .draw = redraw,
    .action = action,
    .input = input,
    .enter = enter,
    .fields = 1,
};

struct tui_screen *
screen_pay_method_new(struct wizard *w, struct tui *t)
{
	struct method *m = xcalloc(1, sizeof *m);

	m->w = w;
	m->confirmed = -1;
	tui_list_init(&m->list, cols, 1, cells, m);
	m->list.header = 0;
	m->sc.cls = &screen_pay_method_class;
	default_amount(w, t);
	set_focus(m, t, w->focus);
	wizard_quote(w, t);
	return &m->sc;
}
