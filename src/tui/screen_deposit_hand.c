/* screen_deposit_hand.c - the deposits this terminal prepared and has
 * not handed to the bank yet (issue 20, "prints a deposit slip, and
 * marks it handed to the bank"; `paydesk deposit hand`): slip, account,
 * day, amount, who made it and when; h hands the deposit under the
 * cursor (asked once: h again on the same row), which is then matched to
 * the bank's credit and leaves the list. From the To deposit screen (h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { H_HAND = 1, H_BACK };

static const struct tui_key screen_deposit_hand_keys[] = {
    {'h', "h", N_("Hand"),
        N_("hand the deposit under the cursor to the bank (asked once)"),
        H_HAND},
    {'g', "g", NULL, N_("read the list again"), TUI_A_RELOAD},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to what is to deposit"), H_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct xcol cols[] = {
    {NC_("column", "Slip"), "slip_no", X_ID, 12, 0},
    {NC_("column", "Account"), "account", X_ID, 16, 8},
    {NC_("column", "Day"), "deposited_on", X_DATE, 10, 0},
    {NC_("column", "Amount"), "amount", X_MONEY, 12, 0},
    {NC_("column", "By"), "created_by", X_ID, 10, 6},
    {NC_("column", "Made"), "created_at", X_TIME, 19, 10},
};

struct handv {
	struct tui_screen sc;
	struct deposit *rows;
	size_t n;
	struct tui_list list;
	unsigned gen;  /* t->list_gen when read */
	int64_t asked; /* the deposit h was pressed on once (0: none) */
};

/* This terminal's prepared deposits (another's is handed at its own). */
static void
load(struct handv *d, struct tui *t)
{
	struct pd_err err;
	struct deposit *v;
	size_t i, n = 0;

	free(d->rows);
	d->rows = NULL;
	d->n = 0;
	d->asked = 0;
	d->gen = t->list_gen;
	v = svc_deposit_list(t->svc, &n, &err);
	if (v == NULL)
		tui_message(t, 1, "%s", err.msg);
	for (i = 0; v != NULL && i < n; i++)
		if (v[i].handed_at[0] == '\0' && v[i].voided_at[0] == '\0' &&
		    strcmp(v[i].terminal, t->svc->cfg.terminal_id) == 0)
			v[d->n++] = v[i];
	d->rows = v;
	if (d->list.sel >= d->n)
		d->list.sel = d->n > 0 ? d->n - 1 : 0;
	tui_list_set(&d->list, d->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct deposit *p = &((struct handv *)arg)->rows[row];

	(void)t;
	(void)buf;
	c[0].s = p->slip_no;
	c[1].s = p->account;
	c[2].s = p->deposited_on;
	c[3].n = p->amount;
	c[4].s = p->created_by;
	c[5].s = p->created_at;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct handv *d = (struct handv *)sc;
	char line[200], num[SVC_COUNT_BUFSZ];
	int y = 2;

	if (d->gen != t->list_gen)
		load(d, t);
	snprintf(line, sizeof line,
	    ngettext("%s deposit prepared, not handed to the bank",
	        "%s deposits prepared, not handed to the bank",
	        (unsigned long)d->n),
	    svc_count(t->svc, num, sizeof num, (int64_t)d->n));
	tui_text(y, 2, line, COLS - 4);
	y += 2;
	tui_list_draw(t, &d->list, y, 2, COLS - 3, LINES - 3 - y);
	if (d->n == 0)
		tui_text(y + 1, 3, _("No deposit to hand"), COLS - 4);
}

static void
hand(struct handv *d, struct tui *t)
{
	struct deposit *p, out;
	struct pd_err err;
	char m[MONEY_BUFSZ];

	if (d->n == 0)
		return;
	p = &d->rows[d->list.sel];
	/* asked once: h again on the same deposit hands it */
	if (d->asked != p->id) {
		d->asked = p->id;
		tui_message(t, 0,
		    _("Hand deposit %s (%s) to the bank? Press h again"),
		    p->slip_no, svc_money(t->svc, m, sizeof m, p->amount));
		return;
	}
	d->asked = 0;
	if (svc_deposit_hand(t->svc, p->uuid, &out, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return;
	}
	tui_message(t, 0, _("Deposit %s handed to the bank (%s, by %s)"),
	    out.slip_no, out.handed_at, out.handed_by);
	t->list_gen++;
	load(d, t);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct handv *d = (struct handv *)sc;

	if (tui_list_action(&d->list, act)) {
		d->asked = 0;
		return TUI_HANDLED;
	}
	switch (act) {
	case TUI_A_RELOAD:
		load(d, t);
		return TUI_HANDLED;
	case H_HAND:
		hand(d, t);
		return TUI_HANDLED;
	case H_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_hand(struct tui_screen *sc)
{
	struct handv *d = (struct handv *)sc;

	free(d->rows);
	tui_list_free(&d->list);
}

const struct tui_screen_class screen_deposit_hand_class = {
    .name = "Hand Deposits",
    .title = N_("To hand to the bank"),
    .keys = screen_deposit_hand_keys,
    .nkeys = TUI_NKEYS(screen_deposit_hand_keys),
    .draw = draw,
    .action = action,
    .free = free_hand,
};

struct tui_screen *
screen_deposit_hand_new(struct tui *t)
{
	struct handv *d;
	struct pd_err err;

	if (svc_require(t->svc, ROLE_SUPERVISOR,
	        _("Handing a deposit to the bank"), &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	tui_list_init(&d->list, cols, TUI_NCOLS(cols), cells, d);
	d->sc.cls = &screen_deposit_hand_class;
	load(d, t);
	return &d->sc;
}
