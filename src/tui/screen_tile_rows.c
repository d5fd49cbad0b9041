/* screen_tile_rows.c - the rows behind the dashboard's Average Collection
 * Time (4: each item a payment pays as it stands, with its days) and
 * Outstanding (5: the open items today), review R23's "from each KPI tile to
 * the rows behind it"; the totals above are the tile's; x exports the rows. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { R_EXPORT, R_BACK };

static const struct tui_key screen_tile_rows_keys[] = {
    {'x', "x", N_("Export"), N_("export the rows as CSV or Excel"), R_EXPORT},
    {'g', "g", NULL, N_("read the rows again"), TUI_A_RELOAD},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), R_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct tilev {
	struct tui_screen sc;
	struct kpi k;
	int time; /* 1: the collection time's rows, 0: the open items */
	struct time_row *trows;
	struct open_row *orows;
	size_t n, cap;
	int64_t amount, days;
	struct tui_list list;
};

static void
grow(struct tilev *v)
{
	if (v->n < v->cap)
		return;
	v->cap = v->cap ? 2 * v->cap : 64;
	if (v->time)
		v->trows = xrealloc(v->trows, v->cap, sizeof *v->trows);
	else
		v->orows = xrealloc(v->orows, v->cap, sizeof *v->orows);
}

static int
keep_time(const struct time_row *r, void *arg)
{
	struct tilev *v = arg;

	grow(v);
	v->trows[v->n++] = *r;
	v->amount += r->amount;
	v->days += r->days;
	return 0;
}

static int
keep_open(const struct open_row *r, void *arg)
{
	struct tilev *v = arg;

	grow(v);
	v->orows[v->n++] = *r;
	v->amount += r->open;
	v->days += r->days > 0;
	return 0;
}

static void
load(struct tilev *v, struct tui *t)
{
	struct pd_err err;
	int rc;

	v->n = 0;
	v->amount = v->days = 0;
	rc = v->time ? svc_time_rows(t->svc, &v->k, keep_time, v, &err)
	             : svc_open_rows(t->svc, keep_open, v, &err);
	if (rc != 0) {
		v->n = 0;
		tui_message(t, 1, "%s", err.msg);
	}
	v->list.sel = 0;
	tui_list_set(&v->list, v->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct tilev *v = arg;

	(void)t;
	(void)buf;
	if (v->time)
		svc_time_cells(&v->trows[row], c);
	else
		svc_open_cells(&v->orows[row], c);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct tilev *v = (struct tilev *)sc;
	char line[256], scope[96], d1[SVC_DATE_BUFSZ], d2[SVC_DATE_BUFSZ],
	    amt[MONEY_BUFSZ], avg[32], filters[160];
	struct svc_filters seg;
	int y = 2;

	svc_money(t->svc, amt, sizeof amt, v->amount);
	if (v->time) {
		/* the mean as the tile shows it: tenths, half up */
		if (v->n == 0)
			snprintf(avg, sizeof avg, "%s", "\xe2\x80\x94");
		else
			svc_tenths(t->svc, avg, sizeof avg,
			    (v->days * 20 + (int64_t)v->n) /
			        ((int64_t)v->n * 2));
		snprintf(line, sizeof line, _("Paid %s to %s"),
		    svc_date(t->svc, d1, sizeof d1, v->k.from),
		    svc_date(t->svc, d2, sizeof d2, v->k.to));
		y += tui_text_scoped(y, 2, line,
		         svc_scope_title(t->svc, scope, sizeof scope),
		         COLS - 4) -
		     1;
		snprintf(line, sizeof line,
		    _("%zu payments to items, %s, average %s days"), v->n, amt,
		    avg);
	} else {
		snprintf(line, sizeof line, _("Open today (%s)"),
		    _("Organisation (the same in every scope)"));
		tui_text(y, 2, line, COLS - 4);
		snprintf(line, sizeof line, _("%zu items, %s, %lld overdue"),
		    v->n, amt, (long long)v->days);
	}
	tui_text(y + 1, 2, line, COLS - 4);
	/* the dashboard's filters in force; an open item is of none but
	 * the segment */
	if (v->time && dash_filter_title(filters, sizeof filters)[0] != '\0') {
		snprintf(line, sizeof line, _("Filters: %s"), filters);
		tui_text(y + 2, 2, line, COLS - 4);
	} else if (!v->time && t->svc->narrow.segment != NULL) {
		memset(&seg, 0, sizeof seg);
		seg.text[SVC_FILTER_SEGMENT] = t->svc->narrow.segment;
		snprintf(line, sizeof line, _("Filters: %s"),
		    svc_filters_title(&seg, filters, sizeof filters));
		tui_text(y + 2, 2, line, COLS - 4);
	}
	y += 4;
	tui_list_draw(t, &v->list, y, 2, COLS - 3, LINES - 3 - y);
	if (v->n == 0)
		tui_text(y + 1, 3,
		    v->time ? _("No payment paid an item in the period")
		            : _("Nothing is open today"),
		    COLS - 4);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct tilev *v = (struct tilev *)sc;
	struct tui_screen *x;

	if (tui_list_action(&v->list, act))
		return TUI_HANDLED;
	switch (act) {
	case TUI_A_RELOAD:
		load(v, t);
		return TUI_HANDLED;
	case R_EXPORT:
		x = screen_export_new(t,
		    v->time ? LIST_TIME_ROWS : LIST_OPEN_ITEMS, NULL, NULL,
		    NULL, 0, NULL, 0);
		screen_export_kpi(x, &v->k); /* the period shown */
		tui_push(t, x);
		return TUI_HANDLED;
	case R_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_tile(struct tui_screen *sc)
{
	struct tilev *v = (struct tilev *)sc;

	free(v->trows);
	free(v->orows);
	tui_list_free(&v->list);
}

const struct tui_screen_class screen_time_rows_class = {
    .name = "Collection time payments",
    .title = N_("Average collection time: the payments"),
    .keys = screen_tile_rows_keys,
    .nkeys = TUI_NKEYS(screen_tile_rows_keys),
    .draw = draw,
    .action = action,
    .free = free_tile,
};

const struct tui_screen_class screen_open_rows_class = {
    .name = "Outstanding items",
    .title = N_("Outstanding: the open items"),
    .keys = screen_tile_rows_keys,
    .nkeys = TUI_NKEYS(screen_tile_rows_keys),
    .draw = draw,
    .action = action,
    .free = free_tile,
};

struct tui_screen *
screen_tile_rows_new(struct tui *t, const struct kpi *k, int time)
{
	struct tilev *v = xcalloc(1, sizeof *v);
	const struct xcol *cols;
	int ncols;

	v->k = *k;
	v->time = time;
	cols = svc_listing_cols(time ? LIST_TIME_ROWS : LIST_OPEN_ITEMS, &ncols);
	tui_list_init(&v->list, cols, ncols, cells, v);
	v->list.sorted = 0;
	v->sc.cls = time ? &screen_time_rows_class : &screen_open_rows_class;
	load(v, t);
	return &v->sc;
}
