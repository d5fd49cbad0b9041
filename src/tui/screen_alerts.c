/* screen_alerts.c - the alerts of the debts being worked (issue 21;
 * recovery and up): arrangements broken, installments missed, and those
 * falling due within [alerts] due_days, each with its consumer and the
 * figure that raised it, as `paydesk alerts` lists them (svc_alerts:
 * computed from the ledger when read, never stored). F2 shows one kind in
 * turn; Enter opens the arrangement. Reached from Home (Alerts) and from
 * the Arrangements list (F3); read again when it comes back on top. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_OPEN = 1, A_KIND, A_BACK };

static const struct tui_key screen_alerts_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Open"),
        N_("the arrangement of the alert selected"), A_OPEN},
    {KEY_F(2), "F2", N_("Kind"),
        N_("every alert, or those of one kind in turn"), A_KIND},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to Home or the arrangements"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct alerts {
	struct tui_screen sc;
	struct tui_list list;
	struct alert *rows;
	size_t n;
	int kind; /* -1: every kind */
};

static const struct xcol cols[] = {
    {NC_("column", "Alert"), "alert", X_TERM, 18, 0},
    {NC_("column", "Account"), "account_no", X_TEXT, 10, 8},
    {NC_("column", "Installment"), "ref", X_TEXT, 17, 12},
    {NC_("column", "Amount"), "amount", X_MONEY, 10, 0},
    {NC_("column", "Days"), "days", X_TEXT, 5, 0},
    {NC_("column", "Consumer"), "consumer", X_TEXT, 0, 8},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct alert *a = &((struct alerts *)arg)->rows[row];

	(void)t;
	c[0].s = svc_alert_kind_name(a->kind);
	c[1].s = a->account_no;
	/* a broken plan: its number, and its misses against those allowed
	 * where an installment's days are */
	c[2].s = a->ref[0] ? a->ref : a->plan_no;
	c[3].n = a->amount;
	if (a->kind == ALERT_BROKEN)
		snprintf(buf, LISTING_BUFSZ, "%d/%d", a->days, a->allowed);
	else
		snprintf(buf, LISTING_BUFSZ, "%d", a->days);
	c[4].s = buf;
	c[5].s = a->consumer;
}

static void
load(struct alerts *al, struct tui *t)
{
	struct pd_err err;

	free(al->rows);
	al->n = 0;
	if ((al->rows = svc_alerts(t->svc, al->kind, &al->n, &err)) == NULL)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&al->list, al->n);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct alerts *al = (struct alerts *)sc;
	char line[256], num[SVC_COUNT_BUFSZ];
	int y = 2;

	svc_count(t->svc, num, sizeof num, (int64_t)al->n);
	if (al->kind < 0)
		snprintf(line, sizeof line,
		    ngettext("%s alert", "%s alerts", (unsigned long)al->n),
		    num);
	else
		snprintf(line, sizeof line,
		    ngettext(
		        "%s alert: %s", "%s alerts: %s", (unsigned long)al->n),
		    num, _(svc_alert_kind_name((enum alert_kind)al->kind)));
	attron(A_BOLD);
	tui_text(y, 2, line, COLS - 4);
	attroff(A_BOLD);
	y += 2;
	if (al->n == 0) {
		tui_text(y, 3, _("No alerts"), COLS - 4);
		return;
	}
	tui_list_draw(t, &al->list, y, 2, COLS - 4, LINES - y - 3);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct alerts *al = (struct alerts *)sc;
	struct tui_screen *open;

	if (tui_list_action(&al->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_KIND:
		al->kind = al->kind >= ALERT_DUE ? -1 : al->kind + 1;
		load(al, t);
		return TUI_HANDLED;
	case A_OPEN:
		if (al->n == 0) {
			tui_message(t, 1, "%s", _("No alert selected"));
			return TUI_HANDLED;
		}
		open = screen_arrangement_new(t,
		    al->rows[al->list.sel < al->n ? al->list.sel : 0].plan_no);
		if (open != NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	}
	return 0;
}

/* On top again: a payment, reschedule or cancel may have cleared some. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	load((struct alerts *)sc, t);
}

static void
free_alerts(struct tui_screen *sc)
{
	free(((struct alerts *)sc)->rows);
}

const struct tui_screen_class screen_alerts_class = {
    .name = "Alerts",
    .title = N_("Alerts"),
    .keys = screen_alerts_keys,
    .nkeys = TUI_NKEYS(screen_alerts_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
    .free = free_alerts,
};

struct tui_screen *
screen_alerts_new(struct tui *t)
{
	struct alerts *al = xcalloc(1, sizeof *al);
	struct pd_err err;

	if (svc_require(t->svc, ROLE_RECOVERY, _("Reading the alerts"), &err) !=
	    0) {
		tui_message(t, 1, "%s", err.msg);
		free(al);
		return NULL;
	}
	tui_list_init(&al->list, cols, TUI_NCOLS(cols), cells, al);
	al->kind = -1;
	al->sc.cls = &screen_alerts_class;
	load(al, t);
	return &al->sc;
}
