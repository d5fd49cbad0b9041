/* screen_forecast.c - the cash-flow forecast (issue 23; the method is
 * forecast.h's and paydesk(1)'s): the next 13 weeks, what their open items
 * owe and what they are expected to bring in, the totals of the next 4, 8
 * and 13 weeks and what is overdue before them; p shows the past weeks
 * instead, each as its forecast was known on its first day beside what
 * came in;
 * v opens the dashboard's filters (as on every screen that has them), of
 * which the segment (the items'), the branch and the user (the past
 * weeks' payments) hold here (review R23 10). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

#define WEEKS_AHEAD 13
#define WEEKS_PAST 8

enum { A_PAST, A_EXPORT, A_FILTER, A_BACK };

static const struct tui_key screen_forecast_keys[] = {
    {'p', "p", N_("Past"),
        N_("the past weeks against what came in, or the weeks ahead"), A_PAST},
    {'x', "x", N_("Export"), N_("export the weeks ahead as CSV or Excel"),
        A_EXPORT},
    {'g', "g", NULL, N_("read the figures again"), TUI_A_RELOAD},
    {'v', "v", NULL,
        N_("the dashboard's filters: segment, branch and user hold here"),
        A_FILTER},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct forecastv {
	struct tui_screen sc;
	struct forecast_week ahead[WEEKS_AHEAD], past[WEEKS_PAST];
	int nahead, npast;
	int show_past;
	struct forecast_totals f;
	struct tui_list list[2]; /* the weeks ahead, the past weeks */
	unsigned gen; /* t->list_gen read at: the filters changed (v) */
};

static int
add(const struct forecast_week *w, void *arg)
{
	struct forecastv *v = arg;

	if (w->past && v->npast < WEEKS_PAST)
		v->past[v->npast++] = *w;
	else if (!w->past && v->nahead < WEEKS_AHEAD)
		v->ahead[v->nahead++] = *w;
	return 0;
}

static void
load(struct forecastv *v, struct tui *t)
{
	struct pd_err err;
	struct payment_filter was;
	int rc;

	v->nahead = v->npast = 0;
	v->gen = t->list_gen;
	/* the segment of the dashboard's filters, as the aging report (its
	 * items belong to no branch, user, method or channel; review R23
	 * s41: the screen forecast the whole organisation under it); the
	 * branch and the user: the past weeks' payments' (review R23 10) */
	was = tui_narrow_only(t, TUI_ANALYSIS_FILTERS);
	rc = svc_forecast(t->svc, WEEKS_AHEAD, WEEKS_PAST,
	    t->svc->narrow.segment, add, v, &v->f, &err);
	t->svc->narrow = was;
	if (rc != 0)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&v->list[0], (size_t)v->nahead);
	tui_list_set(&v->list[1], (size_t)v->npast);
}

static void
cells_ahead(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	svc_forecast_cells(&((struct forecastv *)arg)->ahead[row], c);
}

static void
cells_past(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	svc_forecast_cells(&((struct forecastv *)arg)->past[row], c);
}

/* The totals, label above amount, as many to a row as fit (no amount is
 * ever cut). Returns the rows used. */
static int
totals(struct forecastv *v, struct tui *t, int y)
{
	char label[4][96], amount[4][MONEY_BUFSZ];
	const int64_t n[4] = {
	    v->f.ahead[0], v->f.ahead[1], v->f.ahead[2], v->f.arrears};
	static const int spans[3] = {4, 8, 13};
	int i, w, x = 2, rows = 1;

	for (i = 0; i < 3; i++)
		snprintf(label[i], sizeof label[i],
		    ngettext("Next %d week", "Next %d weeks",
		        (unsigned long)spans[i]),
		    spans[i]);
	snprintf(label[3], sizeof label[3], "%s", _("Overdue, not forecast"));
	for (i = 0; i < 4; i++) {
		svc_money(t->svc, amount[i], sizeof amount[i], n[i]);
		w = utf8_columns(label[i], strlen(label[i]));
		if (utf8_columns(amount[i], strlen(amount[i])) > w)
			w = utf8_columns(amount[i], strlen(amount[i]));
		if (x > 2 && x + w > COLS - 2) {
			x = 2;
			y += 2;
			rows++;
		}
		attron(A_DIM);
		tui_text(y, x, label[i], COLS - 2 - x);
		attroff(A_DIM);
		attron(i == 3 ? tui_attr(t, TUI_C_ERROR, A_BOLD) : (int)A_BOLD);
		tui_text(y + 1, x, amount[i], COLS - 2 - x);
		attroff(
		    i == 3 ? tui_attr(t, TUI_C_ERROR, A_BOLD) : (int)A_BOLD);
		x += w + 3;
	}
	return rows;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct forecastv *v = (struct forecastv *)sc;
	char line[320], day[64], scope[400];
	int y = 2;

	if (v->gen != t->list_gen) /* the filters changed (v) */
		load(v, t);
	svc_date(t->svc, day, sizeof day, v->f.as_of);
	snprintf(line, sizeof line, _("As of %s, by the week items fall due"),
	    day);
	tui_text(y++, 2, line, COLS - 4);
	attron(A_DIM);
	tui_text(y++, 2, _("Weighted by each consumer's paying on time"),
	    COLS - 4);
	/* whose payments the past weeks' figures count (issue 23), the
	 * weeks ahead the organisation's whatever the scope; three rows for
	 * a team's at 80 columns (issue 23 fault 6: Spanish and French cut
	 * at two) */
	y += tui_wrap(y, 2,
	    svc_forecast_scope_title(t->svc, scope, sizeof scope), COLS - 4, 3);
	attroff(A_DIM);
	y += tui_filters_line(t, y, TUI_ANALYSIS_FILTERS);
	y++;
	y += 2 * totals(v, t, y) + 1;
	attron(A_BOLD);
	tui_text(y, 2,
	    v->show_past ? _("Past weeks: their first day's forecast, and "
	                     "what came in")
	                 : _("The weeks ahead"),
	    COLS - 4);
	attroff(A_BOLD);
	y++;
	tui_list_draw(t, &v->list[v->show_past], y, 2, COLS - 3, LINES - 3 - y);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct forecastv *v = (struct forecastv *)sc;

	if (tui_list_action(&v->list[v->show_past], act))
		return TUI_HANDLED;
	switch (act) {
	case A_PAST:
		v->show_past = !v->show_past;
		return TUI_HANDLED;
	case A_EXPORT:
		tui_push(t, screen_export_new(t, LIST_FORECAST, NULL, NULL,
		                NULL, 0, NULL, 0));
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		load(v, t);
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_dash_filter_new(t, NULL));
		return TUI_HANDLED;
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_forecast(struct tui_screen *sc)
{
	struct forecastv *v = (struct forecastv *)sc;

	tui_list_free(&v->list[0]);
	tui_list_free(&v->list[1]);
}

const struct tui_screen_class screen_forecast_class = {
    .name = "Cash-flow forecast",
    .title = N_("Cash-flow forecast"),
    .keys = screen_forecast_keys,
    .nkeys = TUI_NKEYS(screen_forecast_keys),
    .draw = draw,
    .action = action,
    .free = free_forecast,
};

struct tui_screen *
screen_forecast_new(struct tui *t)
{
	struct forecastv *v = xcalloc(1, sizeof *v);
	const struct xcol *cols;
	int ncols;

	cols = svc_listing_cols(LIST_FORECAST, &ncols);
	tui_list_init(&v->list[0], cols, ncols, cells_ahead, v);
	cols = svc_listing_cols(LIST_FORECAST_PAST, &ncols);
	tui_list_init(&v->list[1], cols, ncols, cells_past, v);
	v->list[0].sorted = v->list[1].sorted = -1;
	v->sc.cls = &screen_forecast_class;
	load(v, t);
	return &v->sc;
}
