/* screen_deteriorating.c - the deteriorating payers (issue 23; the
 * criteria are service/behaviour.c's and paydesk(1)'s): each row a
 * consumer, the days to pay of their last DETERIORATING_LAST payments,
 * their growth, the aging bucket at the last DETERIORATING_MONTHS month
 * ends and why they are listed, ranked as `report deteriorating` ranks
 * them; under the list the chosen row's figures whole. Enter opens the
 * consumer's payments, x exports the list; + and - compare one payment
 * more or fewer, > and < one month end (--last and --months of the
 * command line, in their ranges); v the dashboard's filters, of which
 * the segment, the branch, the user, the method and the channel hold
 * here (review R23 10; issue 23). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum {
	A_OPEN,
	A_EXPORT,
	A_MORE,
	A_FEWER,
	A_LATER,
	A_EARLIER,
	A_FILTER,
	A_BACK
};

static const struct tui_key screen_deteriorating_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Payments"),
        N_("the chosen consumer's payments"), A_OPEN},
    {'x', "x", N_("Export"),
        N_("export the deteriorating payers as CSV or Excel"), A_EXPORT},
    {'g', "g", NULL, N_("read the figures again"), TUI_A_RELOAD},
    {'+', "+", NULL, N_("compare one payment more (at most 20, as --last)"),
        A_MORE},
    {'-', "-", NULL, N_("compare one payment fewer (2 at least)"), A_FEWER},
    {'>', ">", NULL, N_("compare one month end more (at most 4, as --months)"),
        A_LATER},
    {'<', "<", NULL, N_("compare one month end fewer (2 at least)"), A_EARLIER},
    {'v', "v", NULL,
        N_("the dashboard's filters: all but the gateway hold here"), A_FILTER},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct detv {
	struct tui_screen sc;
	struct deteriorating_row *rows;
	size_t n, cap;
	struct tui_list list;
	int last, months; /* the payments and month ends compared */
	unsigned gen;     /* t->list_gen read at: the filters changed (v) */
};

static int
add(const struct deteriorating_row *r, void *arg)
{
	struct detv *v = arg;

	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->rows = xrealloc(v->rows, v->cap, sizeof *v->rows);
	}
	v->rows[v->n++] = *r;
	return 0;
}

static void
load(struct detv *v, struct tui *t)
{
	struct pd_err err;
	/* those of the dashboard's filters `report deteriorating` takes */
	struct payment_filter was =
	    tui_narrow_only(t, TUI_DETERIORATING_FILTERS);
	int rc;

	v->n = 0;
	v->gen = t->list_gen;
	rc = svc_deteriorating(t->svc, v->last, v->months, add, v, &err);
	t->svc->narrow = was;
	if (rc != 0)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&v->list, v->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	svc_deteriorating_cells(&((struct detv *)arg)->rows[row], 0, c);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct detv *v = (struct detv *)sc;
	char line[320], scope[160];
	const struct deteriorating_row *r;
	int y = 2, below = 3;

	if (v->gen != t->list_gen) /* the filters changed (v) */
		load(v, t);
	snprintf(line, sizeof line,
	    ngettext("%zu consumer paying later and later (last %d payments, "
	             "%d month ends)",
	        "%zu consumers paying later and later (last %d payments, "
	        "%d month ends)",
	        (unsigned long)v->n),
	    v->n, v->last, v->months);
	/* over two rows where one is too narrow (issue 23 fault 6: the
	 * French heading lost its closing bracket at 80 columns) */
	attron(A_BOLD);
	y += tui_wrap(y, 2, line, COLS - 4, 2);
	attroff(A_BOLD);
	attron(A_DIM);
	tui_text(
	    y++, 2, svc_scope_title(t->svc, scope, sizeof scope), COLS - 4);
	attroff(A_DIM);
	y += tui_filters_line(t, y, TUI_DETERIORATING_FILTERS);
	y++;
	tui_list_draw(t, &v->list, y, 2, COLS - 3, LINES - 3 - y - below);
	if (v->n == 0) {
		tui_text(y + 2, 4,
		    _("No consumer's payments come later and later."),
		    COLS - 8);
		return;
	}
	r = &v->rows[v->list.sel < v->n ? v->list.sel : 0];
	/* TRANSLATORS: a consumer, its account, then why it is listed */
	snprintf(line, sizeof line, _("%s (%s): %s"), r->name, r->account_no,
	    r->why_text);
	attron(A_BOLD);
	tui_text(LINES - 3 - below, 2, line, COLS - 4);
	attroff(A_BOLD);
	if (r->n > 0) {
		snprintf(line, sizeof line,
		    _("Days to pay, oldest first: %s (grew by %lld)"),
		    r->days_text, (long long)r->growth);
		tui_text(LINES - 2 - below, 2, line, COLS - 4);
	}
	if (r->nb > 0) {
		snprintf(line, sizeof line,
		    _("Aging at the month ends, oldest first: %s"),
		    r->buckets_text);
		tui_text(LINES - 1 - below, 2, line, COLS - 4);
	}
}

/* *n one more or fewer (by), within lo..hi: read again, or said why
 * not as the command line refuses it */
static void
step(struct detv *v, struct tui *t, int *n, int by, int lo, int hi,
    const char *range)
{
	if (*n + by < lo || *n + by > hi) {
		tui_message(t, 1, range, lo, hi);
		return;
	}
	*n += by;
	load(v, t);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct detv *v = (struct detv *)sc;
	struct tui_screen *x;

	if (tui_list_action(&v->list, act))
		return TUI_HANDLED;
	switch (act) {
	case A_OPEN:
		if (v->n == 0 || v->list.sel >= v->n)
			return TUI_HANDLED;
		x = screen_payments_of(t, v->rows[v->list.sel].account_no);
		if (x != NULL)
			tui_push(t, x);
		return TUI_HANDLED;
	case A_EXPORT:
		x = screen_export_new(
		    t, LIST_DETERIORATING, NULL, NULL, NULL, 0, NULL, 0);
		screen_export_counts(x, v->last, v->months); /* the ones shown */
		tui_push(t, x);
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		load(v, t);
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_dash_filter_new(t, NULL));
		return TUI_HANDLED;
	case A_MORE:
	case A_FEWER:
		step(v, t, &v->last, act == A_MORE ? 1 : -1, 2,
		    DETERIORATING_MAX,
		    _("The payments compared are %d to %d (--last)"));
		return TUI_HANDLED;
	case A_LATER:
	case A_EARLIER:
		step(v, t, &v->months, act == A_LATER ? 1 : -1, 2,
		    DETERIORATING_MONTHS_MAX,
		    _("The month ends compared are %d to %d (--months)"));
		return TUI_HANDLED;
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_deteriorating(struct tui_screen *sc)
{
	struct detv *v = (struct detv *)sc;

	tui_list_free(&v->list);
	free(v->rows);
}

const struct tui_screen_class screen_deteriorating_class = {
    .name = "Deteriorating payers",
    .title = N_("Deteriorating payers"),
    .keys = screen_deteriorating_keys,
    .nkeys = TUI_NKEYS(screen_deteriorating_keys),
    .draw = draw,
    .action = action,
    .free = free_deteriorating,
};

struct tui_screen *
screen_deteriorating_new(struct tui *t)
{
	struct detv *v = xcalloc(1, sizeof *v);
	const struct xcol *cols;
	int ncols;

	cols = svc_listing_cols(LIST_DETERIORATING, &ncols);
	tui_list_init(&v->list, cols, ncols, cells, v);
	v->list.sorted = -1;
	v->sc.cls = &screen_deteriorating_class;
	v->last = DETERIORATING_LAST;
	v->months = DETERIORATING_MONTHS;
	load(v, t);
	return &v->sc;
}
