/* screen_pay_review.c - step 7: the account and the payment as they will
 * be posted; Enter posts them in one transaction. A refusal is shown and
 * nothing is posted; the cashier can go back and change the request. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"

enum { A_CONFIRM, A_BACK };

static const struct tui_key screen_pay_review_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Confirm and post"),
        N_("post the payment and write its receipt"), A_CONFIRM},
    {TUI_KEY_ESC, "Esc", N_("Back"),
        N_("back to the summary: nothing is posted"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct review {
	struct tui_screen sc;
	struct wizard *w;
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct review *)sc)->w;
	const struct pay_quote *q = &w->q;
	const struct config *cfg = &t->svc->cfg;
	char m[MONEY_BUFSZ], line[200];
	int y = wizard_band(w, 7, "Review and confirm"), lw = 22;

	attron(A_BOLD);
	tui_text(y++, 2, "Account", COLS - 4);
	attroff(A_BOLD);
	tui_pair(y++, 4, lw, "Consumer name", w->cv.c.name);
	tui_pair(y++, 4, lw, "Account number", w->cv.c.account_no);
	tui_pair(y++, 4, lw, "Current balance",
	    svc_money(t->svc, m, sizeof m, q->before.due_now));
	y++;
	attron(A_BOLD);
	tui_text(y++, 2, "Payment", COLS - 4);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%s (%zu item%s)", pay_type_name(w->type),
	    q->nitems, q->nitems == 1 ? "" : "s");
	tui_pair(y++, 4, lw, "Payment type", line);
	tui_pair(y++, 4, lw, "Payment channel", cfg->channels[w->channel]);
	tui_pair(y++, 4, lw, "Payment method", q->method->name);
	attron(A_BOLD);
	tui_pair(y++, 4, lw, "Total amount",
	    svc_money(t->svc, m, sizeof m, q->amount));
	attroff(A_BOLD);
	if (q->method->kind == METHOD_CASH) {
		snprintf(line, sizeof line, "%s, change ",
		    svc_money(t->svc, m, sizeof m, q->tendered));
		svc_money(t->svc, m, sizeof m, q->change);
		tui_pair(y++, 4, lw, "Cash received",
		    strncat(line, m, sizeof line - strlen(line) - 1));
	}
	if (q->overpaid > 0) {
		snprintf(line, sizeof line, "%s as a credit note",
		    svc_money(t->svc, m, sizeof m, q->overpaid));
		tui_pair(y++, 4, lw, "Overpayment", line);
	}
	tui_pair(y++, 4, lw, "Recorded by", t->svc->actor.full_name);
	if (w->notes.len > 0)
		tui_pair(y++, 4, lw, "Notes", w->notes.buf);
	y++;
	attron(tui_attr(t, TUI_C_OK, A_BOLD));
	tui_text(
	    y, 2, "Press Enter to post this payment, Esc to go back", COLS - 4);
	attroff(tui_attr(t, TUI_C_OK, A_BOLD));
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct wizard *w = ((struct review *)sc)->w;

	if (a == A_BACK)
		return TUI_CLOSE;
	if (wizard_post(w, t) == 0)
		tui_push(t, screen_pay_done_new(w));
	return TUI_HANDLED;
}

const struct tui_screen_class screen_pay_review_class = {
    .name = "Record Payment 7 Review",
    .title = N_("Record Payment"),
    .keys = screen_pay_review_keys,
    .nkeys = TUI_NKEYS(screen_pay_review_keys),
    .draw = draw,
    .action = action,
};

struct tui_screen *
screen_pay_review_new(struct wizard *w)
{
	struct review *r = xcalloc(1, sizeof *r);

	r->w = w;
	r->sc.cls = &screen_pay_review_class;
	return &r->sc;
}
