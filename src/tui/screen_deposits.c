/* screen_deposits.c - what the branch's closed shifts leave to deposit
 * (issue 20, "Deposits"; `paydesk deposit pending`): each shift's cash
 * left (counted less the float kept, with its safe drops) and each cheque
 * not deposited yet, by number, with its age in days; Space marks the
 * rows to deposit, * marks them all, c records the deposit of the marked
 * rows (or of the row under the cursor) with its slip number
 * (screen_deposit_create.c): a cheque held back, post-dated or refused by
 * the bank's branch, is left unmarked and waits; h lists the deposits
 * prepared here, to hand one to the bank (screen_deposit_hand.c). From
 * the Shifts tab (d). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { D_CREATE = 1, D_HAND, D_BACK };

static const struct tui_key screen_deposits_keys[] = {
    {'c', "c", N_("Deposit"),
        N_("deposit the marked rows, or the row under the cursor"), D_CREATE},
    {'h', "h", N_("Hand"),
        N_("the deposits prepared here, to hand one to the bank"), D_HAND},
    TUI_LIST_MARK_KEYS,
    {'g', "g", NULL, N_("read the list again"), TUI_A_RELOAD},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the shifts"), D_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct xcol cols[] = {
    {NC_("column", "Z number"), "z_no", X_ID, 16, 0},
    {NC_("column", "Cashier"), "cashier", X_ID, 10, 6},
    {NC_("column", "Method"), "method", X_TEXT, 10, -1},
    {NC_("column", "Cheque"), "cheque", X_ID, 10, 6},
    {NC_("column", "Left"), "left", X_MONEY, 12, 0},
    {NC_("column", "Age"), "age", X_INT, 4, 0},
    {NC_("column", "Closed"), "closed_at", X_TIME, 19, 10},
};

struct depv {
	struct tui_screen sc;
	struct deposit_pending *rows;
	size_t n;
	struct tui_list list;
	unsigned gen; /* t->list_gen when read */
};

static void
load(struct depv *d, struct tui *t)
{
	struct pd_err err;

	free(d->rows);
	d->n = 0;
	d->gen = t->list_gen;
	d->rows = svc_deposit_pending(t->svc, &d->n, &err);
	if (d->rows == NULL)
		tui_message(t, 1, "%s", err.msg);
	d->list.sel = 0;
	tui_list_set(&d->list, d->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct deposit_pending *p = &((struct depv *)arg)->rows[row];

	(void)t;
	(void)buf;
	c[0].s = p->z_no;
	c[1].s = p->cashier;
	c[2].s = p->method;
	/* one the close listed with no number (s72 h11 fault 1) */
	c[3].s = p->is_cheque && !p->cheque[0] ? _("(no number)") : p->cheque;
	c[4].n = p->left;
	c[5].n = p->age;
	c[6].s = p->closed_at;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct depv *d = (struct depv *)sc;
	char line[200], num[SVC_COUNT_BUFSZ], nm[SVC_COUNT_BUFSZ];
	char m[MONEY_BUFSZ];
	int64_t sum = 0;
	size_t i;
	int y = 2;

	/* a deposit recorded */
	if (d->gen != t->list_gen)
		load(d, t);
	for (i = 0; i < d->n; i++)
		if (d->list.marked != NULL && d->list.marked[i])
			sum += d->rows[i].left;
	snprintf(line, sizeof line,
	    ngettext("%s row to deposit; %s marked: %s",
	        "%s rows to deposit; %s marked: %s", (unsigned long)d->n),
	    svc_count(t->svc, num, sizeof num, (int64_t)d->n),
	    svc_count(t->svc, nm, sizeof nm, (int64_t)d->list.nmarked),
	    svc_money(t->svc, m, sizeof m, sum));
	/* no scope: the branch's drawers (paydesk(1) SCOPES) */
	tui_text(y, 2, line, COLS - 4);
	y += 2;
	tui_list_draw(t, &d->list, y, 2, COLS - 3, LINES - 3 - y);
	if (d->n == 0)
		tui_text(y + 1, 3, _("Nothing to deposit"), COLS - 4);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct depv *d = (struct depv *)sc;
	struct deposit_pending *pick;
	struct tui_screen *next;
	size_t i, k = 0;

	if (tui_list_action(&d->list, act))
		return TUI_HANDLED;
	switch (act) {
	case TUI_A_RELOAD:
		load(d, t);
		return TUI_HANDLED;
	case D_CREATE:
		if (d->n == 0)
			return TUI_HANDLED;
		/* the marked rows, or the one under the cursor */
		pick = xcalloc(d->n, sizeof *pick);
		for (i = 0; i < d->n; i++)
			if (d->list.nmarked > 0 ? d->list.marked[i]
			                        : i == d->list.sel)
				pick[k++] = d->rows[i];
		next = screen_deposit_create_new(t, pick, k);
		free(pick);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case D_HAND:
		next = screen_deposit_hand_new(t);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case D_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_dep(struct tui_screen *sc)
{
	struct depv *d = (struct depv *)sc;

	free(d->rows);
	tui_list_free(&d->list);
}

const struct tui_screen_class screen_deposits_class = {
    .name = "Deposits",
    .title = N_("To deposit"),
    .keys = screen_deposits_keys,
    .nkeys = TUI_NKEYS(screen_deposits_keys),
    .draw = draw,
    .action = action,
    .free = free_dep,
};

struct tui_screen *
screen_deposits_new(struct tui *t)
{
	struct depv *d;
	struct pd_err err;

	if (svc_require(t->svc, ROLE_SUPERVISOR,
	        _("Listing what is to deposit"), &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	tui_list_init(&d->list, cols, TUI_NCOLS(cols), cells, d);
	d->list.marks = 1;
	d->sc.cls = &screen_deposits_class;
	load(d, t);
	return &d->sc;
}
