/* screen_pay_summary.c - step 6: what the payment does (amount, method,
 * how the amount is split among the items by the allocation rule, item
 * by item, outstanding after it or the extra paid and the credit note it
 * makes), what is still owed on the consumer's live arrangements after
 * it (issue 21: outstanding after it is only what is due today) and
 * optional notes with a character counter. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"

enum { A_NEXT, A_BACK };

static const struct tui_key screen_pay_summary_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Next"), N_("go on to review and confirm"),
        A_NEXT},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to method and amount"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

/* At most this many arrangements' lines on the summary. */
#define PLANS_SHOWN 2

struct summary {
	struct tui_screen sc;
	struct wizard *w;
	/* the live arrangements after the payment quoted (read on enter) */
	struct plan_left pl[PLANS_SHOWN];
	int npl;
};

/* The labels of the summary, in the order shown. */
enum {
	L_AMOUNT,
	L_METHOD,
	L_ITEMS,
	L_RULE,
	L_RECEIVED,
	L_CHANGE,
	L_EXTRA,
	L_CREDIT,
	L_AGAINST,
	L_AFTER
};
static const char *const labels[] = {
    [L_AMOUNT] = N_("Payment amount"),
    [L_METHOD] = N_("Payment method"),
    [L_ITEMS] = N_("Items paid"),
    [L_RULE] = N_("Split by"),
    [L_RECEIVED] = N_("Amount received"),
    [L_CHANGE] = N_("Change to give"),
    [L_EXTRA] = N_("Extra amount paid"),
    [L_CREDIT] = N_("Credit note to create"),
    [L_AGAINST] = N_("Against the items"),
    [L_AFTER] = N_("Outstanding after payment"),
};

/* The text of the split's line of item a (mixed: its kind said). */
static const char *
split_text(
    const struct alloc_item *a, struct tui *t, int mixed, char *line, size_t n)
{
	char m[MONEY_BUFSZ], o[MONEY_BUFSZ], due[SVC_DATE_BUFSZ];

	if (mixed)
		snprintf(line, n, _("%s: %s of %s, due %s"),
		    _(pay_type_name((enum pay_type)a->kind)),
		    svc_money(t->svc, m, sizeof m, a->applied),
		    svc_money(t->svc, o, sizeof o, a->outstanding),
		    svc_date(t->svc, due, sizeof due, a->due_on));
	else
		snprintf(line, n, _("%s of %s, due %s"),
		    svc_money(t->svc, m, sizeof m, a->applied),
		    svc_money(t->svc, o, sizeof o, a->outstanding),
		    svc_date(t->svc, due, sizeof due, a->due_on));
	return line;
}

/* Whether q's items are of several kinds (each line's kind said). */
static int
split_mixed(const struct pay_quote *q)
{
	size_t i;

	for (i = 1; i < q->nitems; i++)
		if (q->items[i].kind != q->items[0].kind)
			return 1;
	return 0;
}

/* The rows the split's lines take: each item paid on its own, and those
 * the amount does not reach summed on one. */
static int
split_rows(const struct pay_quote *q, struct tui *t, int lw, int mixed)
{
	size_t reached = wizard_items_reached(q), i;
	char line[200];
	int all = 0;

	for (i = 0; i < q->nitems; i++)
		if (wizard_item_paid(q, i, reached))
			all += tui_pair_rows(split_text(&q->items[i], t, mixed,
			                         line, sizeof line),
			    4, lw - 2, 2);
	return all + (reached < q->nitems);
}

/* The split, one line per item the payment pays, in the order the rule
 * pays them: what it gets of what it owes; a line longer than the row
 * wraps under it (helper-258, fault 6); those it does not reach summed
 * on one line after them, what they owe and that they get nothing
 * (helper-261, fault 1: at 80x24 a line paid was hidden while the two
 * that get nothing were counted with it, "and 3 more items"). All of
 * them in room rows from row y, or as many paid as leave a row to count
 * exactly the paid ones not shown. Returns the next row. */
static int
split_lines(const struct pay_quote *q, struct tui *t, int y, int lw, int room)
{
	char line[200], m[MONEY_BUFSZ];
	size_t reached = wizard_items_reached(q), i, shown = 0;
	int used = 0, all, r, mixed = split_mixed(q);
	int64_t owed = 0;

	if (room < 1)
		return y;
	all = split_rows(q, t, lw, mixed);
	for (i = 0; i < q->nitems; i++) {
		if (!wizard_item_paid(q, i, reached)) {
			owed += q->items[i].outstanding;
			continue;
		}
		r = tui_pair_rows(
		    split_text(&q->items[i], t, mixed, line, sizeof line), 4,
		    lw - 2, 2);
		/* all of them, or as many as leave a row to count the rest */
		if (all > room && used + r > room - 1 && shown > 0)
			break;
		tui_pair_wrap(y, 4, lw - 2, q->items[i].ref, line, r);
		y += r;
		used += r;
		shown++;
	}
	if (shown < reached) { /* the paid ones not shown, and only them */
		snprintf(line, sizeof line,
		    ngettext("and %zu more item paid",
		        "and %zu more items paid", reached - shown),
		    reached - shown);
		tui_text(y++, 4, line, COLS - 6);
	} else if (reached < q->nitems) {
		snprintf(line, sizeof line,
		    ngettext("and %zu item not reached: nothing of %s",
		        "and %zu items not reached: nothing of %s",
		        q->nitems - reached),
		    q->nitems - reached, svc_money(t->svc, m, sizeof m, owed));
		tui_text(y++, 4, line, COLS - 6);
	}
	return y;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct summary *su = (struct summary *)sc;
	struct wizard *w = su->w;
	int i, room, need, gap_totals, gap_notes;
	const struct pay_quote *q = &w->q;
	char m[MONEY_BUFSZ], line[160], paid[400];
	int y = wizard_band(w, 6, N_("Payment summary")), cw;
	int lw = tui_label_width(labels, sizeof labels / sizeof *labels, 26);
	const char *notes = _("Notes (optional)");

	if (!w->quoted) { /* read again after a refusal: nothing to pay */
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD));
		tui_wrap(y, 2, w->qerr.msg, COLS - 4, 3);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD));
		return;
	}
	attron(A_BOLD);
	tui_pair(y++, 2, lw, _(labels[L_AMOUNT]),
	    svc_money(t->svc, m, sizeof m, q->amount));
	attroff(A_BOLD);
	tui_pair(y++, 2, lw, _(labels[L_METHOD]), q->method->name);
	/* of the items it reaches, those it does not said apart (h1,
	 * fault C), wrapped where the row does not hold it */
	wizard_paid_text(w, t, paid, sizeof paid);
	y += tui_pair_wrap(
	    y, 2, lw, _(labels[L_ITEMS]), paid, tui_pair_rows(paid, 2, lw, 3));
	{
		char name[32], words[256];

		svc_alloc_rule_name(q->rule, q->first, name, sizeof name);
		svc_alloc_rule_words(name, words, sizeof words);
		/* "...; an arrangement's installments before what is not
		 * overdue" is wider than 80 columns: wrapped */
		y += tui_pair_wrap(y, 2, lw, _(labels[L_RULE]), words,
		    tui_pair_rows(words, 2, lw, 2));
	}
	/* the rows under the split, counted as drawn below: received and
	 * change (cash), the extra and its credit note or what it is
	 * against, outstanding after, the plans, the notes' label and
	 * field; and the message line and the key bar. The split has the
	 * rows first: the blank above the notes, then the one above the
	 * totals, give theirs where it needs them (helper-261, fault 1); no
	 * row left empty while a line of the split is counted, not shown
	 * (review R21d: 3 of 6 with four rows empty) */
	room = LINES - 1 - y -
	       ((q->method->kind == METHOD_CASH ? 2 : 0) +
	           (q->overpaid > 0 ? 2 : 1) + 1 + su->npl + 2 + 1);
	need = split_rows(q, t, lw, split_mixed(q));
	gap_totals = room - need >= 1;
	gap_notes = room - need >= 2;
	y = split_lines(q, t, y, lw, room - gap_totals - gap_notes);
	if (q->method->kind == METHOD_CASH) {
		tui_pair(y++, 2, lw, _(labels[L_RECEIVED]),
		    svc_money(t->svc, m, sizeof m, q->tendered));
		tui_pair(y++, 2, lw, _(labels[L_CHANGE]),
		    svc_money(t->svc, m, sizeof m, q->change));
	}
	y += gap_totals;
	if (q->overpaid > 0) {
		attron(A_BOLD);
		tui_pair(y++, 2, lw, _(labels[L_EXTRA]),
		    svc_money(t->svc, m, sizeof m, q->overpaid));
		attroff(A_BOLD);
		snprintf(line, sizeof line, _("%s, reason Overpayment"),
		    svc_money(t->svc, m, sizeof m, q->overpaid));
		tui_pair(y++, 2, lw, _(labels[L_CREDIT]), line);
	} else {
		snprintf(line, sizeof line, "%s (%s)",
		    _(analysis_name(q->analysis)),
		    svc_money(t->svc, m, sizeof m, q->difference));
		tui_pair(y++, 2, lw, _(labels[L_AGAINST]), line);
	}
	attron(A_BOLD);
	tui_pair(y++, 2, lw, _(labels[L_AFTER]),
	    svc_money(t->svc, m, sizeof m, q->balance_after));
	attroff(A_BOLD);
	for (i = 0; i < su->npl; i++) {
		char label[64];

		snprintf(label, sizeof label, _("Arrangement %s"),
		    su->pl[i].plan_no);
		snprintf(line, sizeof line,
		    ngettext("%s left in %d installment",
		        "%s left in %d installments",
		        (unsigned long)su->pl[i].n),
		    svc_money(t->svc, m, sizeof m, su->pl[i].left),
		    su->pl[i].n);
		tui_pair(y++, 2, lw, label, line);
	}
	y += gap_notes;
	snprintf(line, sizeof line, "%zu/%d",
	    utf8_chars(w->notes.buf, w->notes.len), w->notes.max);
	tui_text(y, 2, notes, COLS - 4 - (int)strlen(line) - 2);
	cw = (int)strlen(line);
	tui_text(y, COLS - 2 - cw, line, cw);
	tui_field_draw(t, &w->notes, y + 1, 2, COLS - 4, 1);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct wizard *w = ((struct summary *)sc)->w;

	if (a == A_BACK)
		return TUI_CLOSE;
	wizard_quote(w, t); /* the notes are checked too */
	if (!w->quoted)
		tui_message(t, 1, "%s", w->qerr.msg);
	else
		tui_push(t, screen_pay_review_new(w));
	return TUI_HANDLED;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct wizard *w = ((struct summary *)sc)->w;

	(void)t;
	return tui_field_input(&w->notes, key, ch) ? TUI_HANDLED : 0;
}

/* On top again: the account as it is now (another terminal may have
 * paid meanwhile). */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct summary *)sc)->w;

	/* and quoted again whatever came before (back, a refusal): the step
	 * shows its content, or why there is none, when it is reached, not
	 * after an Enter (issue 17: step 6 was blank after a refusal) */
	struct summary *su = (struct summary *)sc;
	struct pd_err err;

	if (wizard_refresh(w, t) == 0)
		wizard_quote(w, t);
	su->npl = 0;
	if (w->quoted)
		su->npl = svc_plans_left(t->svc, w->q.c.account_no, w->q.items,
		    w->q.nitems, su->pl, PLANS_SHOWN, &err);
	if (su->npl < 0)
		su->npl = 0;
}

const struct tui_screen_class screen_pay_summary_class = {
    .name = "Record Payment 6 Summary",
    .title = N_("Record Payment"),
    .keys = screen_pay_summary_keys,
    .nkeys = TUI_NKEYS(screen_pay_summary_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .enter = enter,
    .fields = 1,
};

struct tui_screen *
screen_pay_summary_new(struct wizard *w)
{
	struct summary *s = xcalloc(1, sizeof *s);

	s->w = w;
	s->sc.cls = &screen_pay_summary_class;
	s->sc.typing = 1;
	return &s->sc;
}
