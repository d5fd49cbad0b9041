/* screen_today.c - today's payments at this terminal, newest first, with
 * the count and total posted; Enter opens one in the details view. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

enum { A_OPEN, A_UP, A_DOWN, A_PGUP, A_PGDN, A_RELOAD, A_BACK };

static const struct tui_key screen_today_keys[] = {
    {TUI_KEY_ENTER, "Enter", "Details", "the details of the payment", A_OPEN},
    {KEY_UP, "Up", NULL, "select the payment above", A_UP},
    {KEY_DOWN, "Down", NULL, "select the payment below", A_DOWN},
    {KEY_PPAGE, "PgUp", NULL, "a page up", A_PGUP},
    {KEY_NPAGE, "PgDn", NULL, "a page down", A_PGDN},
    {'g', "g", "Reload", "read the list again", A_RELOAD},
    {TUI_KEY_ESC, "Esc", "Back", "back to the home screen", A_BACK},
    {KEY_F(1), "F1", "Help", "this help", -1},
};

struct today {
	struct tui_screen sc;
	struct payment_row *rows;
	size_t n, cap, sel;
	int64_t posted, total;
};

static int
add(const struct payment_row *row, void *arg)
{
	struct today *d = arg;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->rows = xrealloc(d->rows, d->cap, sizeof *d->rows);
	}
	d->rows[d->n++] = *row;
	if (row->p.status == PS_POSTED) {
		d->posted++;
		d->total += row->p.amount;
	}
	return 0;
}

static void
load(struct today *d, struct tui *t)
{
	struct payment_filter f;
	struct pd_err err;
	char day[11];

	d->n = d->sel = 0;
	d->posted = d->total = 0;
	svc_today(day);
	memset(&f, 0, sizeof f);
	f.from = f.to = day;
	f.status = f.type = -1;
	f.terminal = t->svc->cfg.terminal_id;
	if (svc_payments_each(t->svc, &f, add, d, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
}

static int
list_rows(void)
{
	return LINES - 8;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct today *d = (struct today *)sc;
	char line[256], m[MONEY_BUFSZ];
	size_t i, top;
	int y = 4, nw = COLS - 2 - 6 - 18 - 14 - 14 - 10;

	snprintf(line, sizeof line, "%lld payment%s posted, %s",
	    (long long)d->posted, d->posted == 1 ? "" : "s",
	    svc_money(t->svc, m, sizeof m, d->total));
	attron(A_BOLD);
	tui_text(2, 2, "Today at this terminal:", COLS - 4);
	tui_text(2, 26, line, COLS - 28);
	attroff(A_BOLD);
	if (d->n == 0) {
		tui_text(y, 2, "No payment taken here today", COLS - 4);
		return;
	}
	if (nw < 12)
		nw = 12;
	attron(A_DIM);
	snprintf(line, sizeof line, "%-5s %-17s %-*s %13s %-13s %s", "Time",
	    "Receipt", nw, "Consumer", "Amount", "Method", "Status");
	tui_text(y++, 3, line, COLS - 4);
	attroff(A_DIM);
	top = tui_list_top(d->sel, d->n, list_rows());
	for (i = top; i < d->n && y < 4 + 1 + list_rows(); i++, y++) {
		const struct payment_row *r = &d->rows[i];

		snprintf(line, sizeof line,
		    "%-5.5s %-17.17s %-*.*s %13s %-13.13s %s",
		    r->p.created_at + 11, r->p.receipt_no, nw, nw,
		    r->consumer_name,
		    svc_money(t->svc, m, sizeof m, r->p.amount), r->p.method,
		    pay_status_name(r->p.status));
		tui_row(t, y, 2, COLS - 4, i == d->sel, line);
	}
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct today *d = (struct today *)sc;
	struct tui_screen *next;

	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_UP:
	case A_DOWN:
		tui_list_move(&d->sel, d->n, a == A_UP ? -1 : 1);
		return TUI_HANDLED;
	case A_PGUP:
	case A_PGDN:
		tui_list_move(
		    &d->sel, d->n, a == A_PGUP ? -list_rows() : list_rows());
		return TUI_HANDLED;
	case A_RELOAD:
		load(d, t);
		return TUI_HANDLED;
	case A_OPEN:
		if (d->n == 0)
			return TUI_HANDLED;
		next = screen_payment_new(t, d->rows[d->sel].p.receipt_no);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	}
	return 0;
}

static void
free_today(struct tui_screen *sc)
{
	free(((struct today *)sc)->rows);
}

const struct tui_screen_class screen_today_class = {
    .name = "Today's payments",
    .title = "Today's payments",
    .keys = screen_today_keys,
    .nkeys = TUI_NKEYS(screen_today_keys),
    .draw = draw,
    .action = action,
    .free = free_today,
};

struct tui_screen *
screen_today_new(struct tui *t)
{
	struct today *d = xcalloc(1, sizeof *d);

	d->sc.cls = &screen_today_class;
	load(d, t);
	return &d->sc;
}
