/* screen_recon_day.c - one day of a bank account (issue 20, "a
 * reconciliation screen per bank account and day"; the Reconciliation
 * screen's Enter): the exceptions of [deposits] account open on that day,
 * then the credits booked that day with what each is matched to, by
 * which rule, who and why. Worked where they are: h matches a credit
 * nobody expected by hand, r resolves an exception, u takes a credit's
 * match back, each with a note (screen_recon_step.c); the rows are read
 * again after. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { D_HAND, D_RESOLVE, D_UNMATCH, D_BACK };

static const struct tui_key screen_recon_day_keys[] = {
    {'h', "h", N_("By hand"),
        N_("match the credit under the cursor by hand, with a note"), D_HAND},
    {'r', "r", N_("Resolve"),
        N_("resolve the exception under the cursor with a note"), D_RESOLVE},
    {'u', "u", N_("Unmatch"),
        N_("take the match under the cursor back, with a note"), D_UNMATCH},
    {'g', "g", NULL, N_("read the day again"), TUI_A_RELOAD},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the days"), D_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct dayv {
	struct tui_screen sc;
	char day[11];
	char account[DEPOSIT_ACCOUNT_BUFSZ];
	struct recon_line *rows;
	struct recon_exception *exc;
	size_t n, nexc;
	struct tui_list list;
	unsigned gen; /* t->list_gen when read */
};

static void
load(struct dayv *d, struct tui *t)
{
	struct pd_err err;

	free(d->rows);
	free(d->exc);
	d->n = d->nexc = 0;
	d->gen = t->list_gen;
	d->rows = svc_recon_day(t->svc, d->account, d->day, &d->exc, &d->nexc, &d->n, &err);
	if (d->rows == NULL)
		tui_message(t, 1, "%s", err.msg);
	d->list.sel = 0;
	tui_list_set(&d->list, d->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	svc_recon_line_cells(&((struct dayv *)arg)->rows[row], c);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct dayv *d = (struct dayv *)sc;
	char line[200];
	int y = 2;

	if (d->gen != t->list_gen)
		load(d, t);
	snprintf(line, sizeof line, _("Bank account %s on %s"),
	    d->account[0] ? d->account : "-", d->day);
	tui_text(y, 2, line, COLS - 4);
	y += 2;
	tui_list_draw(t, &d->list, y, 2, COLS - 3, LINES - 3 - y);
	if (d->n == 0)
		tui_text(y + 1, 3, _("Nothing to reconcile"), COLS - 4);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct dayv *d = (struct dayv *)sc;
	const struct recon_line *l;
	struct tui_screen *s = NULL;

	if (tui_list_action(&d->list, act))
		return TUI_HANDLED;
	l = d->n > 0 && d->list.sel < d->n ? &d->rows[d->list.sel] : NULL;
	switch (act) {
	case D_HAND:
	case D_RESOLVE:
		if (l != NULL && l->exc >= 0)
			s = screen_recon_step_new(
			    t, &d->exc[l->exc], act == D_HAND);
		else if (l != NULL)
			tui_message(t, 1, "%s",
			    act == D_HAND ? _("This credit is matched already")
			                  : _("This row is no exception"));
		break;
	case D_UNMATCH:
		if (l != NULL)
			s = screen_recon_unmatch_new(t, l);
		break;
	case TUI_A_RELOAD:
		load(d, t);
		return TUI_HANDLED;
	case D_BACK:
		return TUI_CLOSE;
	default:
		return 0;
	}
	if (s != NULL)
		tui_push(t, s);
	return TUI_HANDLED;
}

static void
free_day(struct tui_screen *sc)
{
	struct dayv *d = (struct dayv *)sc;

	free(d->rows);
	free(d->exc);
	tui_list_free(&d->list);
}

const struct tui_screen_class screen_recon_day_class = {
    .name = "Reconciliation Day",
    .title = N_("Reconciliation of a day"),
    .keys = screen_recon_day_keys,
    .nkeys = TUI_NKEYS(screen_recon_day_keys),
    .draw = draw,
    .action = action,
    .free = free_day,
};

struct tui_screen *
screen_recon_day_new(struct tui *t, const char *account, const char *day)
{
	struct dayv *d = xcalloc(1, sizeof *d);
	const struct xcol *cols;
	int ncols;

	xstrlcpy(d->day, day, sizeof d->day);
	xstrlcpy(d->account, account, sizeof d->account);
	cols = svc_listing_cols(LIST_RECON_DAY, &ncols);
	tui_list_init(&d->list, cols, ncols, cells, d);
	d->list.sorted = 1;
	/* at 80 columns a match's note gives way first (Right shows it):
	 * By hand, which says a hand match (s74 fault 2), and Booked
	 * (tester fault 11) stay in view */
	d->list.give = 1u << 7;
	d->sc.cls = &screen_recon_day_class;
	load(d, t);
	return &d->sc;
}
