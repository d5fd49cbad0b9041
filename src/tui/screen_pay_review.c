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

#define NAMED_MIN 3  /* items named one a row at least; the rest counted */
#define LINE_ROWS 2  /* the rows an item's line or a value wraps over */
#define NOTES_ROWS 3 /* the notes' */

/* The line of item i of the quote: what names it and what it gets. */
static const char *
item_line(const struct wizard *w, struct tui *t, size_t i, char *line, size_t n)
{
	const struct pay_quote *q = &w->q;
	char name[256], m[MONEY_BUFSZ];
	size_t j;

	name[0] = '\0';
	for (j = 0; j < w->cv.nitems; j++)
		if (w->cv.items[j].id == q->items[i].id)
			wizard_item_name(
			    t->svc, &w->cv.items[j], name, sizeof name);
	snprintf(line, n, "%s  %s", name[0] != '\0' ? name : q->items[i].ref,
	    svc_money(t->svc, m, sizeof m, q->items[i].applied));
	return line;
}

/* Each item the payment pays something, named, with what it gets (one
 * the amount does not reach is none: the receipt lists it not, and the
 * total's line counts it apart; helper-258, fault 6), a line longer than the
 * row wrapped under it (helper-258, fault 6: cut mid-word at 80 columns): all
 * of them where they fit in room rows, else as many as leave a row there for
 * the count of the others, at least NAMED_MIN where they fit in most rows
 * (those the prompt and the notes' wrapped rows would take: review R21d, 3 of 6
 * named with rows empty), at least one. Returns the next row. */
static int
draw_items(
    const struct wizard *w, struct tui *t, int y, int lw, int room, int most)
{
	const struct pay_quote *q = &w->q;
	size_t reached = wizard_items_reached(q), i, k, named = 0;
	int used = 0, all = 0, r;
	char line[400];

	/* the rows of every line; all of them named when they fit, or
	 * take no more rows than those named and the count would */
	for (i = 0; i < q->nitems; i++)
		if (wizard_item_paid(q, i, reached))
			all +=
			    tui_pair_rows(item_line(w, t, i, line, sizeof line),
			        4, lw, LINE_ROWS);
	for (i = 0; i < q->nitems && all > room; i++) {
		if (!wizard_item_paid(q, i, reached))
			continue;
		r = tui_pair_rows(
		    item_line(w, t, i, line, sizeof line), 4, lw, LINE_ROWS);
		if (used + r > room - 1 &&
		    (named >= NAMED_MIN || used + r > most - 1) && named > 0)
			break;
		used += r;
		named++;
	}
	if (all <= room || all <= used + 1)
		named = reached;
	for (i = 0, k = 0; i < q->nitems && k < named; i++) {
		if (!wizard_item_paid(q, i, reached))
			continue;
		r = tui_pair_rows(
		    item_line(w, t, i, line, sizeof line), 4, lw, LINE_ROWS);
		y += tui_pair_wrap(
		    y, 4, lw, k++ == 0 ? _(labels[L_ITEMS]) : "", line, r);
	}
	if (reached > named) {
		snprintf(line, sizeof line,
		    ngettext("and %zu more", "and %zu more", reached - named),
		    reached - named);
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
	char m[MONEY_BUFSZ], m2[400], total[480], cash[300], over[300];
	char prompt[512];
	int y = wizard_band(w, 7, N_("Review and confirm"));
	int lw = tui_label_width(labels, sizeof labels / sizeof *labels, 22);
	int rt, rc = 0, ro = 0, rb, rn = 0, rp;

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
	/* under the items, each wrapped where the row does not hold it
	 * (helper-258, fault 6: the total's line was cut mid-word at 80
	 * columns): the total, the cash, the extra, who, the notes and the
	 * prompt */
	snprintf(total, sizeof total, "%s  (%s)",
	    svc_money(t->svc, m, sizeof m, q->amount),
	    wizard_paid_text(w, t, m2, sizeof m2));
	rt = tui_pair_rows(total, 4, lw, LINE_ROWS + 1);
	if (q->method->kind == METHOD_CASH) {
		snprintf(cash, sizeof cash, _("%s, change %s"),
		    svc_money(t->svc, m, sizeof m, q->tendered),
		    svc_money(t->svc, m2, sizeof m2, q->change));
		rc = tui_pair_rows(cash, 4, lw, LINE_ROWS);
	}
	if (q->overpaid > 0) {
		snprintf(over, sizeof over, _("%s as a credit note"),
		    svc_money(t->svc, m, sizeof m, q->overpaid));
		ro = tui_pair_rows(over, 4, lw, LINE_ROWS);
	}
	rb = tui_pair_rows(t->svc->actor.full_name, 4, lw, LINE_ROWS);
	if (w->notes.len > 0)
		rn = tui_pair_rows(w->notes.buf, 4, lw, NOTES_ROWS);
	snprintf(prompt, sizeof prompt, "%s",
	    tui_keys(
	        _("Press {Enter} to post this payment, {Esc} to go back")));
	rp = tui_wrap_rows(prompt, COLS - 4);
	rp = rp < 1 ? 1 : rp > 2 ? 2 : rp;
	/* the items in the rows the lines under them leave, the prompt's
	 * included; NAMED_MIN of them in those of the prompt and of the
	 * notes' second and third rows too; the blank above the prompt only
	 * where a row is left for it (a row empty while an item is counted
	 * is not) */
	y = draw_items(w, t, y, lw,
	    LINES - 2 - y - (rt + rc + ro + rb + rn + rp),
	    LINES - 2 - y - (rt + rc + ro + rb + (rn > 0)));
	/* on a screen shorter still, the notes give up their wrapped rows,
	 * then the total (cut at their end), so that none is pushed off */
	while (rt + rc + ro + rb + rn > LINES - 2 - y && (rn > 1 || rt > 1)) {
		if (rn > 1)
			rn--;
		else
			rt--;
	}
	attron(A_BOLD);
	y += tui_pair_wrap(y, 4, lw, _(labels[L_TOTAL]), total, rt);
	attroff(A_BOLD);
	if (rc > 0)
		y += tui_pair_wrap(y, 4, lw, _(labels[L_CASH]), cash, rc);
	if (ro > 0)
		y += tui_pair_wrap(y, 4, lw, _(labels[L_OVER]), over, ro);
	y += tui_pair_wrap(
	    y, 4, lw, _(labels[L_BY]), t->svc->actor.full_name, rb);
	if (rn > 0)
		y += tui_pair_wrap(
		    y, 4, lw, _(labels[L_NOTES]), w->notes.buf, rn);
	if (y + 1 + rp <= LINES - 2)
		y++;
	if (y > LINES - 3)
		return; /* the key bar says it when there is no room */
	attron(tui_attr(t, TUI_C_OK, A_BOLD));
	tui_wrap(y, 2, prompt, COLS - 4,
	    LINES - 3 - y + 1 < rp ? LINES - 3 - y + 1 : rp);
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
