/* screen_recon.c - a bank account's reconciliation by day (issue 20, "a
 * reconciliation screen per bank account and day"): a bank account's
 * days, in date order (a chooses among those the deposits and statements
 * name; it opens on [deposits] account when set; review R20) with a deposit or a credit, what was deposited, credited and
 * matched, the difference and the exceptions open that day, as report
 * reconciliation lists them; m matches by the rules and reads the days
 * again, Enter opens a day (screen_recon_day.c), after which the days are
 * read again. From the Exceptions screen (d). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { R_MATCH, R_BACK, R_EXPORT, R_DAY, R_ACCOUNT };

static const struct tui_key screen_recon_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Open"),
        N_("the day's exceptions and matches, worked there"), R_DAY},
    {'m', "m", N_("Match"),
        N_("match credits by the rules, read the days again"), R_MATCH},
    {'g', "g", NULL, N_("read the days again"), TUI_A_RELOAD},
    {'a', "a", N_("Account"),
        N_("the next bank account the deposits and statements name"),
        R_ACCOUNT},
    {'x', "x", N_("Export"), N_("export the days as CSV or Excel"), R_EXPORT},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the exceptions"), R_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct reconv {
	struct tui_screen sc;
	struct recon_day *rows;
	size_t n;
	struct tui_list list;
	unsigned gen; /* t->list_gen when read */
	struct recon_account *accounts; /* those named, to choose from */
	size_t naccounts, account; /* and the one shown */
};

/* The account shown; "" when none is named. */
static const char *
account_of(const struct reconv *r)
{
	return r->account < r->naccounts ? r->accounts[r->account].account
	                                 : "";
}

static void
load(struct reconv *r, struct tui *t)
{
	struct pd_err err;
	char keep[DEPOSIT_ACCOUNT_BUFSZ];
	size_t i;

	free(r->rows);
	r->rows = NULL;
	r->n = 0;
	r->gen = t->list_gen;
	/* the accounts again (a sync or an import may name more) */
	xstrlcpy(keep, account_of(r), sizeof keep);
	free(r->accounts);
	r->accounts = svc_recon_accounts(t->svc, &r->naccounts, &err);
	if (r->accounts == NULL) {
		r->naccounts = 0;
		tui_message(t, 1, "%s", err.msg);
	}
	r->account = 0;
	for (i = 0; i < r->naccounts; i++)
		if (strcmp(r->accounts[i].account, keep) == 0)
			r->account = i;
	if (r->naccounts > 0) {
		r->rows = svc_recon_days(
		    t->svc, account_of(r), NULL, NULL, &r->n, &err);
		if (r->rows == NULL)
			tui_message(t, 1, "%s", err.msg);
	}
	r->list.sel = r->n > 0 ? (int)r->n - 1 : 0;
	tui_list_set(&r->list, r->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	svc_recon_day_cells(&((struct reconv *)arg)->rows[row], c);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct reconv *r = (struct reconv *)sc;
	char line[160];
	int y = 2;

	if (r->gen != t->list_gen) {
		size_t sel = r->list.sel;

		load(r, t);
		if (sel < r->n)
			r->list.sel = sel;
	}
	if (r->naccounts > 1)
		snprintf(line, sizeof line,
		    _("Bank account %s (%zu of %zu), by day"), account_of(r),
		    r->account + 1, r->naccounts);
	else
		snprintf(line, sizeof line, _("Bank account %s, by day"),
		    r->naccounts ? account_of(r) : "-");
	/* no scope: one bank account's (issue 23) */
	tui_org_suffix(line, sizeof line);
	tui_text(y, 2, line, COLS - 4);
	y += 2;
	tui_list_draw(t, &r->list, y, 2, COLS - 3, LINES - 3 - y);
	if (r->naccounts == 0)
		tui_text(y + 1, 3,
		    _("No deposit or bank statement names a bank account yet"),
		    COLS - 4);
	else if (r->n == 0)
		tui_text(y + 1, 3, _("Nothing to reconcile"), COLS - 4);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct reconv *r = (struct reconv *)sc;

	if (tui_list_action(&r->list, act))
		return TUI_HANDLED;
	switch (act) {
	case R_MATCH:
		if (tui_recon_match(t) == 0)
			load(r, t);
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		load(r, t);
		return TUI_HANDLED;
	case R_ACCOUNT: {
		char next[DEPOSIT_ACCOUNT_BUFSZ];

		if (r->naccounts < 2) {
			tui_message(t, 0, "%s",
			    _("No other bank account is named by a deposit or "
			      "a statement"));
			return TUI_HANDLED;
		}
		/* load() keeps the account shown: name the next one */
		xstrlcpy(next, r->accounts[(r->account + 1) % r->naccounts].account,
		    sizeof next);
		xstrlcpy(r->accounts[r->account].account, next,
		    sizeof r->accounts[r->account].account);
		load(r, t);
		return TUI_HANDLED;
	}
	case R_DAY:
		if (r->n > 0 && r->list.sel < r->n)
			tui_push(t, screen_recon_day_new(t, account_of(r),
			                r->rows[r->list.sel].day));
		return TUI_HANDLED;
	case R_EXPORT: {
		struct tui_screen *x = screen_export_new(
		    t, LIST_RECON, NULL, NULL, NULL, 0, NULL, 0);

		screen_export_account(x, account_of(r)); /* the one shown */
		tui_push(t, x);
		return TUI_HANDLED;
	}
	case R_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_recon(struct tui_screen *sc)
{
	struct reconv *r = (struct reconv *)sc;

	free(r->rows);
	free(r->accounts);
	tui_list_free(&r->list);
}

const struct tui_screen_class screen_recon_class = {
    .name = "Reconciliation",
    .title = N_("Reconciliation by day"),
    .keys = screen_recon_keys,
    .nkeys = TUI_NKEYS(screen_recon_keys),
    .draw = draw,
    .action = action,
    .free = free_recon,
};

struct tui_screen *
screen_recon_new(struct tui *t)
{
	struct reconv *r = xcalloc(1, sizeof *r);
	const struct xcol *cols;
	int ncols;

	cols = svc_listing_cols(LIST_RECON, &ncols);
	tui_list_init(&r->list, cols, ncols, cells, r);
	/* the days in date order, oldest first (store_recon_days), the
	 * newest selected: marked so (review R20, fault 9: Expected was) */
	r->list.sorted = 0;
	r->list.asc = 1;
	r->sc.cls = &screen_recon_class;
	load(r, t);
	return &r->sc;
}
