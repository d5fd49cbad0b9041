/* screen_today.c - today's payments at this terminal, newest first, with
 * the count and total posted; Enter opens one in the details view. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

enum { A_OPEN, A_BACK };

static const struct tui_key screen_today_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Details"), N_("the details of the payment"),
        A_OPEN},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {'g', "g", N_("Reload"), N_("read the list again"), TUI_A_RELOAD},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the home screen"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct today {
	struct tui_screen sc;
	struct payment_row *rows;
	size_t n, cap;
	int64_t posted, total;
	struct tui_list list;
};

static const struct xcol cols[] = {
    {N_("Time"), "time", X_TEXT, 5, 0},
    {N_("Receipt"), "receipt_no", X_ID, 17, 10},
    {N_("Consumer"), "consumer", X_TEXT, 0, 12},
    {N_("Amount"), "amount", X_MONEY, 13, 0},
    {N_("Method"), "method", X_TEXT, 13, 8},
    {N_("Status"), "status", X_TEXT, 0, 0},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct payment_row *r = &((struct today *)arg)->rows[row];

	(void)t;
	snprintf(buf, LISTING_BUFSZ, "%.5s", r->p.created_at + 11);
	c[0].s = buf;
	c[1].s = r->p.receipt_no;
	c[2].s = r->consumer_name;
	c[3].n = r->p.amount;
	c[4].s = r->p.method;
	c[5].s = _(pay_status_name(r->p.status));
}

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

	d->n = 0;
	d->list.sel = 0;
	d->posted = d->total = 0;
	svc_today(day);
	memset(&f, 0, sizeof f);
	f.from = f.to = day;
	f.status = f.type = -1;
	f.terminal = t->svc->cfg.terminal_id;
	if (svc_payments_each(t->svc, &f, add, d, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&d->list, d->n);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct today *d = (struct today *)sc;
	char line[256], m[MONEY_BUFSZ], num[SVC_COUNT_BUFSZ];
	const char *head = _("Today at this terminal:");
	int y = 4, row = 2, x = 2 + utf8_columns(head, strlen(head)) + 1;

	snprintf(line, sizeof line,
	    ngettext("%s payment posted, %s", "%s payments posted, %s",
	        (unsigned long)d->posted),
	    svc_count(t->svc, num, sizeof num, d->posted),
	    svc_money(t->svc, m, sizeof m, d->total));
	attron(A_BOLD);
	tui_text(2, 2, head, COLS - 4);
	if (x + utf8_columns(line, strlen(line)) > COLS - 2) {
		row = 3; /* the figures on the row below when both do not fit */
		x = 4;
		y = 5;
	}
	tui_text(row, x, line, COLS - x - 2);
	attroff(A_BOLD);
	if (d->n == 0) {
		tui_text(y, 2, _("No payment taken here today"), COLS - 4);
		return;
	}
	tui_list_draw(t, &d->list, y, 2, COLS - 3, LINES - 3 - y);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct today *d = (struct today *)sc;
	struct tui_screen *next;

	if (tui_list_action(&d->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case TUI_A_RELOAD:
		load(d, t);
		return TUI_HANDLED;
	case A_OPEN:
		if (d->n == 0)
			return TUI_HANDLED;
		next = screen_payment_new(t, d->rows[d->list.sel].p.receipt_no);
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
    .title = N_("Today's payments"),
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
	tui_list_init(&d->list, cols, TUI_NCOLS(cols), cells, d);
	load(d, t);
	return &d->sc;
}
