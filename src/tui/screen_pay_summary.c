/* screen_pay_summary.c - step 6: what the payment does (amount, method,
 * outstanding after it or the extra paid and the credit note it makes)
 * and optional notes with a character counter. */
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

struct summary {
	struct tui_screen sc;
	struct wizard *w;
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct summary *)sc)->w;
	const struct pay_quote *q = &w->q;
	char m[MONEY_BUFSZ], line[160];
	int y = wizard_band(w, 6, "Payment summary"), lw = 26, cw;

	if (!w->quoted) { /* cannot happen: step 5 does not go on */
		tui_text(y, 2, w->qerr.msg, COLS - 4);
		return;
	}
	attron(A_BOLD);
	tui_pair(y++, 2, lw, "Payment amount",
	    svc_money(t->svc, m, sizeof m, q->amount));
	attroff(A_BOLD);
	tui_pair(y++, 2, lw, "Payment method", q->method->name);
	snprintf(line, sizeof line, "%zu %s%s, %s", q->nitems,
	    pay_type_name(w->type), q->nitems == 1 ? "" : "s",
	    svc_money(t->svc, m, sizeof m, q->due_total));
	tui_pair(y++, 2, lw, "Items paid", line);
	if (q->method->kind == METHOD_CASH) {
		tui_pair(y++, 2, lw, "Amount received",
		    svc_money(t->svc, m, sizeof m, q->tendered));
		tui_pair(y++, 2, lw, "Change to give",
		    svc_money(t->svc, m, sizeof m, q->change));
	}
	y++;
	if (q->overpaid > 0) {
		attron(A_BOLD);
		tui_pair(y++, 2, lw, "Extra amount paid",
		    svc_money(t->svc, m, sizeof m, q->overpaid));
		attroff(A_BOLD);
		snprintf(line, sizeof line, "%s, reason Overpayment",
		    svc_money(t->svc, m, sizeof m, q->overpaid));
		tui_pair(y++, 2, lw, "Credit note to create", line);
	} else {
		snprintf(line, sizeof line, "%s (%s)",
		    analysis_name(q->analysis),
		    svc_money(t->svc, m, sizeof m, q->difference));
		tui_pair(y++, 2, lw, "Against the items", line);
	}
	attron(A_BOLD);
	tui_pair(y++, 2, lw, "Outstanding after payment",
	    svc_money(t->svc, m, sizeof m, q->balance_after));
	attroff(A_BOLD);
	y++;
	snprintf(line, sizeof line, "%zu/%d",
	    utf8_chars(w->notes.buf, w->notes.len), w->notes.max);
	tui_text(y, 2, "Notes (optional)", 20);
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

const struct tui_screen_class screen_pay_summary_class = {
    .name = "Record Payment 6 Summary",
    .title = N_("Record Payment"),
    .keys = screen_pay_summary_keys,
    .nkeys = TUI_NKEYS(screen_pay_summary_keys),
    .draw = draw,
    .action = action,
    .input = input,
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
