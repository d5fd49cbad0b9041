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

/* The labels of the review, in the order shown. */
enum {
	L_NAME,
	L_ACCOUNT,
	L_BALANCE,
	L_TYPE,
	L_CHANNEL,
	L_METHOD,
	L_ITEMS,
	L_TOTAL,
	L_CASH,
	L_OVER,
	L_BY,
	L_NOTES,
	L_REFERENCE
};
static const char *const labels[] = {
    [L_NAME] = N_("Consumer name"),
    [L_ACCOUNT] = N_("Account number"),
    [L_BALANCE] = N_("Current balance"),
    [L_TYPE] = N_("Payment type"),
    [L_CHANNEL] = N_("Payment channel"),
    [L_METHOD] = N_("Payment method"),
    [L_ITEMS] = N_("Items paid"),
    [L_TOTAL] = N_("Total amount"),
    [L_CASH] = N_("Cash received"),
    [L_OVER] = N_("Overpayment"),
    [L_BY] = N_("Recorded by"),
    [L_NOTES] = N_("Notes"),
    [L_REFERENCE] = N_("Reference"),
};

#define NAMED_MIN 3 /* items named one a row at least; the rest counted */

/* Each item being paid, named, with what it gets, as many as the rows
 * above the rest (rest rows, the prompt's included) leave room for, at
 * least NAMED_MIN, the others counted (review R21d: 3 of 6 named with
 * rows empty); then what is paid against what is due. Returns the next
 * row. */
static int
draw_items(const struct wizard *w, struct tui *t, int y, int lw, int rest)
{
	const struct pay_quote *q = &w->q;
	char name[256], m[MONEY_BUFSZ], line[400];
	size_t i, j, named = q->nitems;
	int room = LINES - 2 - y - rest;

	if (named > (size_t)(room > 0 ? room : 0))
		named = room - 1 > NAMED_MIN ? (size_t)room - 1 : NAMED_MIN;
	if (named > q->nitems)
		named = q->nitems;
	for (i = 0; i < named; i++) {
		name[0] = '\0';
		for (j = 0; j < w->cv.nitems; j++)
			if (w->cv.items[j].id == q->items[i].id)
				wizard_item_name(
				    t->svc, &w->cv.items[j], name, sizeof name);
		snprintf(line, sizeof line, "%s  %s",
		    name[0] != '\0' ? name : q->items[i].ref,
		    svc_money(t->svc, m, sizeof m, q->items[i].applied));
		tui_pair(y++, 4, lw, i == 0 ? _(labels[L_ITEMS]) : "", line);
	}
	if (q->nitems > named) {
		snprintf(line, sizeof line,
		    ngettext("and %zu more", "and %zu more", q->nitems - named),
		    q->nitems - named);
		tui_pair(y++, 4, lw, "", line);
	}
	return y;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct review *)sc)->w;
	const struct pay_quote *q = &w->q;
	const struct config *cfg = &t->svc->cfg;
	char m[MONEY_BUFSZ], m2[200], line[300];
	int y = wizard_band(w, 7, N_("Review and confirm"));
	int lw = tui_label_width(labels, sizeof labels / sizeof *labels, 22);

	if (!w->quoted) { /* read again after a refusal: nothing to post */
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD));
		tui_wrap(y, 2, w->qerr.msg, COLS - 4, 3);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD));
		return;
	}
	attron(A_BOLD);
	tui_text(y++, 2, _("Account"), COLS - 4);
	attroff(A_BOLD);
	tui_pair(y++, 4, lw, _(labels[L_NAME]), w->cv.c.name);
	tui_pair(y++, 4, lw, _(labels[L_ACCOUNT]), w->cv.c.account_no);
	tui_pair(y++, 4, lw, _(labels[L_BALANCE]),
	    svc_money(t->svc, m, sizeof m, q->before.due_now));
	y++;
	attron(A_BOLD);
	tui_text(y++, 2, _("Payment"), COLS - 4);
	attroff(A_BOLD);
	tui_pair(y++, 4, lw, _(labels[L_TYPE]), _(pay_type_name(q->type)));
	tui_pair(y++, 4, lw, _(labels[L_CHANNEL]), cfg->channels[w->channel]);
	tui_pair(y++, 4, lw, _(labels[L_METHOD]), q->method->name);
	if (q->reference[0] != '\0')
		tui_pair(y++, 4, lw, _(labels[L_REFERENCE]), q->reference);
	/* under the items: the total, the cash, the extra, who, the notes,
	 * a blank and the prompt's two rows */
	y = draw_items(w, t, y, lw,
	    1 + (q->method->kind == METHOD_CASH) + (q->overpaid > 0) + 1 +
	        (w->notes.len > 0) + 1 + 2);
	attron(A_BOLD);
	snprintf(line, sizeof line, "%s  (%s)",
	    svc_money(t->svc, m, sizeof m, q->amount),
	    wizard_paid_text(w, t, m2, sizeof m2));
	tui_pair(y++, 4, lw, _(labels[L_TOTAL]), line);
	attroff(A_BOLD);
	if (q->method->kind == METHOD_CASH) {
		snprintf(line, sizeof line, _("%s, change %s"),
		    svc_money(t->svc, m, sizeof m, q->tendered),
		    svc_money(t->svc, m2, sizeof m2, q->change));
		tui_pair(y++, 4, lw, _(labels[L_CASH]), line);
	}
	if (q->overpaid > 0) {
		snprintf(line, sizeof line, _("%s as a credit note"),
		    svc_money(t->svc, m, sizeof m, q->overpaid));
		tui_pair(y++, 4, lw, _(labels[L_OVER]), line);
	}
	tui_pair(y++, 4, lw, _(labels[L_BY]), t->svc->actor.full_name);
	if (w->notes.len > 0)
		tui_pair(y++, 4, lw, _(labels[L_NOTES]), w->notes.buf);
	if (++y > LINES - 3)
		return; /* the key bar says it when there is no room */
	attron(tui_attr(t, TUI_C_OK, A_BOLD));
	tui_wrap(y, 2,
	    tui_keys(_("Press {Enter} to post this payment, {Esc} to go back")),
	    COLS - 4, LINES - 3 - y + 1 < 2 ? LINES - 3 - y + 1 : 2);
	attroff(tui_attr(t, TUI_C_OK, A_BOLD));
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct wizard *w = ((struct review *)sc)->w;

	if (a == A_BACK)
		return TUI_CLOSE;
	if (!w->quoted) {
		tui_message(t, 1, "%s", w->qerr.msg);
		return TUI_HANDLED;
	}
	if (wizard_post(w, t) == 0)
		tui_push(t, screen_pay_done_new(w));
	return TUI_HANDLED;
}

/* On top again: the account as it is now (another terminal may have
 * paid meanwhile). */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct review *)sc)->w;

	/* and quoted again whatever came before (back, a refusal): the step
	 * shows its content, or why there is none, when it is reached, not
	 * after an Enter (issue 17: step 6 was blank after a refusal) */
	if (wizard_refresh(w, t) == 0)
		wizard_quote(w, t);
}

const struct tui_screen_class screen_pay_review_class = {
    .name = "Record Payment 7 Review",
    .title = N_("Record Payment"),
    .keys = screen_pay_review_keys,
    .nkeys = TUI_NKEYS(screen_pay_review_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
};

struct tui_screen *
screen_pay_review_new(struct wizard *w)
{
	struct review *r = xcalloc(1, sizeof *r);

	r->w = w;
	r->sc.cls = &screen_pay_review_class;
	return &r->sc;
}
