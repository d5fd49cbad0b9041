/* screen_rate_items.c - the items behind the dashboard's Collection Rate
 * (issue 23's drill-down): each item due in the period, what it owes and
 * what the scope's Posted payments paid of it, with their receipts; the
 * totals above are the tile's Total Due and its paid part; x exports
 * them. From the dashboard (3). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { R_EXPORT, R_BACK };

static const struct tui_key screen_rate_items_keys[] = {
    {'x', "x", N_("Export"), N_("export the items as CSV or Excel"), R_EXPORT},
    {'g', "g", NULL, N_("read the items again"), TUI_A_RELOAD},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), R_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct ratev {
	struct tui_screen sc;
	struct kpi k;
	struct rate_row *rows;
	size_t n, cap;
	int64_t due, paid;
	struct tui_list list;
};

static int
keep(const struct rate_row *r, void *arg)
{
	struct ratev *v = arg;

	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 64;
		v->rows = xrealloc(v->rows, v->cap, sizeof *v->rows);
	}
	v->rows[v->n++] = *r;
	v->due += r->due;
	v->paid += r->paid;
	return 0;
}

static void
load(struct ratev *v, struct tui *t)
{
	struct pd_err err;

	v->n = 0;
	v->due = v->paid = 0;
	if (svc_rate_rows(t->svc, &v->k, keep, v, &err) != 0) {
		v->n = 0;
		tui_message(t, 1, "%s", err.msg);
	}
	v->list.sel = 0;
	tui_list_set(&v->list, v->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	svc_rate_cells(&((struct ratev *)arg)->rows[row], c);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct ratev *v = (struct ratev *)sc;
	char line[256], scope[64], d1[SVC_DATE_BUFSZ], d2[SVC_DATE_BUFSZ],
	    due[MONEY_BUFSZ], paid[MONEY_BUFSZ], filters[160];
	int y = 2;

	snprintf(line, sizeof line, _("Due %s to %s: %s, paid %s"),
	    svc_date(t->svc, d1, sizeof d1, v->k.from),
	    svc_date(t->svc, d2, sizeof d2, v->k.due_to),
	    svc_money(t->svc, due, sizeof due, v->due),
	    svc_money(t->svc, paid, sizeof paid, v->paid));
	/* the scope on a row of its own where the heading leaves it no
	 * room (issue 23 fault 6) */
	y += tui_text_scoped(
	    y, 2, line, svc_scope_title(t->svc, scope, sizeof scope), COLS - 4);
	/* the dashboard's filters in force (review R23: the scope alone
	 * was named) */
	if (dash_filter_title(filters, sizeof filters)[0] != '\0') {
		snprintf(line, sizeof line, _("Filters: %s"), filters);
		tui_text(y, 2, line, COLS - 4);
	}
	y += 2;
	tui_list_draw(t, &v->list, y, 2, COLS - 3, LINES - 3 - y);
	if (v->n == 0)
		tui_text(
		    y + 1, 3, _("Nothing fell due in the period"), COLS - 4);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct ratev *v = (struct ratev *)sc;
	struct tui_screen *x;

	if (tui_list_action(&v->list, act))
		return TUI_HANDLED;
	switch (act) {
	case TUI_A_RELOAD:
		load(v, t);
		return TUI_HANDLED;
	case R_EXPORT:
		x = screen_export_new(
		    t, LIST_RATE_ITEMS, NULL, NULL, NULL, 0, NULL, 0);
		screen_export_kpi(x, &v->k); /* the period shown */
		tui_push(t, x);
		return TUI_HANDLED;
	case R_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_rate(struct tui_screen *sc)
{
	struct ratev *v = (struct ratev *)sc;

	free(v->rows);
	tui_list_free(&v->list);
}

const struct tui_screen_class screen_rate_items_class = {
    .name = "Collection rate items",
    .title = N_("Collection rate: the items due"),
    .keys = screen_rate_items_keys,
    .nkeys = TUI_NKEYS(screen_rate_items_keys),
    .draw = draw,
    .action = action,
    .free = free_rate,
};

struct tui_screen *
screen_rate_items_new(struct tui *t, const struct kpi *k)
{
	struct ratev *v = xcalloc(1, sizeof *v);
	const struct xcol *cols;
	int ncols;

	v->k = *k;
	cols = svc_listing_cols(LIST_RATE_ITEMS, &ncols);
	tui_list_init(&v->list, cols, ncols, cells, v);
	v->list.sorted = 1;
	v->sc.cls = &screen_rate_items_class;
	load(v, t);
	return &v->sc;
}
