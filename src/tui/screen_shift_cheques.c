/* screen_shift_cheques.c - the blind close's third step (issue 20): the
 * cheques in the drawer listed by number and amount (rows added from the
 * form under the list, removed with Del), without what is expected; one
 * taken with no number listed by its amount alone. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { A_ADD, A_NEXT, A_REMOVE, A_BACK, A_FIELD };

static const struct tui_key screen_shift_cheques_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Add"), N_("add the cheque typed to the list"),
        A_ADD},
    {KEY_F(2), "F2", N_("Next"), N_("the result of the count"), A_NEXT},
    {KEY_DC, "Del", N_("Remove"), N_("remove the cheque selected"), A_REMOVE},
    {TUI_KEY_TAB, "Tab", NULL, N_("the next field of the form"), A_FIELD},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the step before"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_METHOD, F_NUMBER, F_AMOUNT, F_COUNT };

struct cheques {
	struct tui_screen sc;
	struct drawer_close *d;
	struct tui_list list;
	struct tui_form fm;
	struct tui_form_item items[F_COUNT];
	const char *methods[CFG_LIST_MAX];
	char labels[F_COUNT][64];
};

static const struct xcol cols[] = {
    {N_("Method"), "method", X_TEXT, 14, 8},
    {N_("Cheque #"), "number", X_ID, 16, 10},
    {N_("Amount"), "amount", X_MONEY, 14, 0},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct shift_count *l =
	    &((struct cheques *)arg)->d->cheque_lines[row];

	(void)t;
	(void)buf;
	c[0].s = l->method;
	/* one taken with no number (s72 h11 fault 1) */
	c[1].s = l->ref[0] ? l->ref : _("(no number)");
	c[2].n = l->amount;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct cheques *q = (struct cheques *)sc;
	const struct drawer_close *d = q->d;
	char line[160], m[MONEY_BUFSZ];
	int64_t sum = 0;
	size_t i;
	int y = 2, rows = LINES - 12, lw = list_form_width(&q->fm, 12);

	for (i = 0; i < d->ncheque; i++)
		sum += d->cheque_lines[i].amount;
	attron(A_BOLD);
	tui_text(y++, 2, _("List the cheques in the drawer"), COLS - 4);
	attroff(A_BOLD);
	snprintf(line, sizeof line,
	    ngettext("%zu cheque, %s", "%zu cheques, %s", d->ncheque),
	    d->ncheque, svc_money(t->svc, m, sizeof m, sum));
	tui_text(y++, 2, line, COLS - 4);
	y++;
	if (rows < 2)
		rows = 2;
	if (d->ncheque == 0) {
		attron(A_DIM);
		tui_text(y++, 4, _("No cheques yet"), COLS - 6);
		attroff(A_DIM);
	} else
		y += tui_list_draw(t, &q->list, y, 4, COLS - 8,
		    (int)d->ncheque + 1 < rows ? (int)d->ncheque + 1 : rows);
	y++;
	tui_form_draw(t, &q->fm, y, 4, lw, COLS - 8 > 60 ? 60 : COLS - 8);
	if (tui_form_typing(&q->fm)) {
		const struct tui_form_item *it = &q->fm.items[q->fm.focus];

		t->cur_y =
		    y + q->fm.focus - (q->items[F_METHOD].hidden ? 1 : 0);
		t->cur_x = 4 + lw + 2 + utf8_columns(it->f.buf, it->f.len);
	}
}

/* The cheque typed into the form, added to the list; its fields cleared. */
static int
add(struct cheques *q, struct tui *t)
{
	struct drawer_close *d = q->d;
	struct tui_form_item *num = &q->items[F_NUMBER],
	                     *amt = &q->items[F_AMOUNT];
	struct shift_count c;
	struct pd_err err;

	memset(&c, 0, sizeof c);
	/* Cheque # left empty: a cheque taken with no number (a method
	 * whose number is optional, an older terminal's), listed by its
	 * amount as the CLI's --cheque ":AMOUNT" lists it, so that the
	 * close matches it and its money is deposited (s72 h11 fault 1) */
	if (svc_money_parse(t->svc, amt->f.buf, amt->label, &c.amount, &err) !=
	    0) {
		tui_message(t, 1, "%s", err.msg);
		q->fm.focus = F_AMOUNT;
		return TUI_HANDLED;
	}
	if (c.amount <= 0) {
		tui_message(
		    t, 1, "%s", _("Amount: a cheque's amount is above 0"));
		q->fm.focus = F_AMOUNT;
		return TUI_HANDLED;
	}
	snprintf(c.method, sizeof c.method, "%s",
	    q->methods[q->items[F_METHOD].choice]);
	snprintf(c.ref, sizeof c.ref, "%s", num->f.buf);
	c.kind = SHIFT_COUNT_CHEQUE;
	c.qty = 1;
	/* two cheques of one number are both counted (review R20, fault 4:
	 * two payers' cheque books), as the CLI's close counts them */
	if (d->ncheque == d->cheque_cap) {
		d->cheque_cap = d->cheque_cap ? 2 * d->cheque_cap : 8;
		d->cheque_lines = xrealloc(
		    d->cheque_lines, d->cheque_cap, sizeof *d->cheque_lines);
	}
	d->cheque_lines[d->ncheque++] = c;
	tui_list_set(&q->list, d->ncheque);
	q->list.sel = d->ncheque - 1;
	num->f.len = amt->f.len = 0;
	num->f.buf[0] = amt->f.buf[0] = '\0';
	q->fm.focus = F_NUMBER;
	return TUI_HANDLED;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct cheques *q = (struct cheques *)sc;
	struct drawer_close *d = q->d;

	if (tui_list_action(&q->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		/* a cheque typed and not added yet, for the step's next
		 * screen (the list is the close's already) */
		d->cheque_method = q->items[F_METHOD].choice;
		snprintf(d->cheque_no, sizeof d->cheque_no, "%s",
		    q->items[F_NUMBER].f.buf);
		snprintf(d->cheque_amount, sizeof d->cheque_amount, "%s",
		    q->items[F_AMOUNT].f.buf);
		return TUI_CLOSE;
	case A_FIELD:
		tui_form_input(&q->fm, TUI_KEY_TAB, 0);
		return TUI_HANDLED;
	case A_ADD:
		return add(q, t);
	case A_REMOVE:
		if (d->ncheque == 0)
			return TUI_HANDLED;
		memmove(&d->cheque_lines[q->list.sel],
		    &d->cheque_lines[q->list.sel + 1],
		    (d->ncheque - q->list.sel - 1) * sizeof *d->cheque_lines);
		d->ncheque--;
		tui_list_set(&q->list, d->ncheque);
		return TUI_HANDLED;
	case A_NEXT:
		if (q->items[F_NUMBER].f.len || q->items[F_AMOUNT].f.len) {
			tui_message(t, 1, "%s",
			    _("A cheque is typed, not added: {Enter} adds it, "
			      "Ctrl-U clears"));
			return TUI_HANDLED;
		}
		tui_push(t, screen_shift_result_new(t, d));
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct cheques *q = (struct cheques *)sc;
	return tui_form_key(t, &q->fm, key, ch) != 0 ? TUI_HANDLED : 0;
}

const struct tui_screen_class screen_shift_cheques_class = {
    .name = "Close shift 3 Cheques",
    .title = N_("Close shift"),
    .keys = screen_shift_cheques_keys,
    .nkeys = TUI_NKEYS(screen_shift_cheques_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .fields = 1,
};

struct tui_screen *
screen_shift_cheques_new(struct tui *t, struct drawer_close *d)
{
	struct cheques *q = xcalloc(1, sizeof *q);
	int k;

	(void)t;
	for (k = 0; k < d->ncheques; k++)
		q->methods[k] = d->cheques[k];
	/* as typed before Esc went back from here */
	tui_form_choice(&q->items[F_METHOD], _("Method"), q->methods,
	    d->ncheques, d->cheque_method < d->ncheques ? d->cheque_method : 0);
	q->items[F_METHOD].hidden = d->ncheques < 2;
	tui_form_text(&q->items[F_NUMBER], _("Cheque #"), SHIFT_REF_BUFSZ - 1,
	    d->cheque_no);
	tui_form_text(&q->items[F_AMOUNT], _("Amount"), 16, d->cheque_amount);
	q->items[F_AMOUNT].kind = FORM_MONEY;
	q->fm.items = q->items;
	q->fm.n = F_COUNT;
	q->fm.focus = F_NUMBER;
	tui_list_init(&q->list, cols, TUI_NCOLS(cols), cells, q);
	tui_list_set(&q->list, d->ncheque);
	q->d = d;
	q->sc.cls = &screen_shift_cheques_class;
	q->sc.typing = 1;
	return &q->sc;
}
