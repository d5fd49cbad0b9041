/* dash_tiles.c - the dashboard's KPI tiles (screen_dashboard.c): each
 * tile's figure, its title long or short as the tile's width allows after
 * its key ("1 Outstanding": the key of its place, which opens the rows
 * behind it; review R23 8), and its change against the previous period
 * with an arrow, the tiles the signed-in user chose, in their order,
 * sharing the screen's width. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen_dashboard_int.h"

/* What a tile shows where a period has no data (issue 17 section 4):
 * no figure to compare, no arrow. */
#define NO_DATA "\xe2\x80\x94"
/* A change against no data (either period empty): NO_DATA. */
#define CHG_NONE KPI_NONE

/* The change's text: "▲ 12.5%" / "▼ 3.0%" / "= 0.0%", a rate's in
 * points ("▼ 47.2 pts": a fresh tester's, issue 23, read a relative
 * 62.9% beside the command line's -47.2 points); CHG_NONE: "—". */
static const char *
change_text(struct tui *t, char *buf, size_t n, int64_t tenths, int points)
{
	char num[48], pts[64];

	if (tenths == CHG_NONE) {
		snprintf(buf, n, "%s", NO_DATA);
		return buf;
	}
	if (points) {
		/* TRANSLATORS: a collection rate's change in percentage
		 * points on a dashboard tile ("47.2 pts"), short */
		snprintf(pts, sizeof pts, _("%s pts"),
		    svc_tenths(t->svc, num, sizeof num,
		        tenths < 0 ? -tenths : tenths));
		snprintf(num, sizeof num, "%s", pts);
	} else
		svc_percent(
		    t->svc, num, sizeof num, tenths < 0 ? -tenths : tenths);
	snprintf(buf, n, "%s %s",
	    tenths > 0   ? "\xe2\x96\xb2"
	    : tenths < 0 ? "\xe2\x96\xbc"
	                 : "=",
	    num);
	return buf;
}

/* The change in w columns; good says which sign is good news; CHG_NONE
 * in no colour. */
static void
change(
    struct tui *t, int y, int x, int w, int64_t tenths, int good_up, int points)
{
	char buf[48];
	int attr = 0;

	change_text(t, buf, sizeof buf, tenths, points);
	if (tenths != 0 && tenths != CHG_NONE)
		attr = (tenths > 0) == good_up ? tui_attr(t, TUI_C_OK, A_BOLD)
		                               : tui_attr(t, TUI_C_ERROR, 0);
	attron(attr);
	tui_text(y, x, buf, w);
	attroff(attr);
}

/* A KPI tile's texts: its title, figure, change (CHG_NONE: none) and
 * what the change is against. */
struct kpi_tile {
	char title[96];
	char fig[96];
	int64_t chg;
	int good_up;
	int points; /* chg in points (a rate's), not a relative % */
	const char *vs;
};

/* The columns of the change's place: 9, or what it shows. */
static int
change_width(struct tui *t, int64_t tenths, int points)
{
	char buf[48];
	int w;

	change_text(t, buf, sizeof buf, tenths, points);
	w = utf8_columns(buf, strlen(buf));
	return w > 9 ? w : 9;
}

/* A tile: a box with the title, the figure and the change. */
static void
tile(struct tui *t, int y, int x, int w, const struct kpi_tile *k)
{
	int cw = change_width(t, k->chg, k->points);

	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, 2);
	mvaddch(y + 3, x, ACS_LLCORNER);
	mvhline(y + 3, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + 3, x + w - 1, ACS_LRCORNER);
	tui_text(y, x + 1, k->title, w - 2);
	attron(A_BOLD);
	tui_text(y + 1, x + 2, k->fig, w - 4);
	attroff(A_BOLD);
	change(t, y + 2, x + 2, cw < w - 4 ? cw : w - 4, k->chg, k->good_up,
	    k->points);
	if (w >= 26 && w - 5 - cw > 0) {
		attron(A_DIM);
		tui_text(y + 2, x + 3 + cw, k->vs, w - 5 - cw);
		attroff(A_DIM);
	}
}

/* The KPI tiles' titles: the long one where it fits in the tile, else
 * the short one (NULL: none shorter). */
static const struct {
	const char *title, *shorter;
} tile_titles[SVC_TILES] = {
    [TILE_COLLECTED] = {N_("Total Collected"), NULL},
    [TILE_TODAY] = {N_("Received Today"), NULL},
    [TILE_RATE] = {N_("Collection Rate"), NULL},
    [TILE_TIME] = {N_("Avg Collection Time"), N_("Avg Collect. Time")},
    [TILE_OUTSTANDING] = {N_("Outstanding"), NULL},
};

/* The columns of a tile's key before its title: "1 ". */
#define KEY_COLS 2

static const char *
tile_title(int i, int w)
{
	const char *s = _(tile_titles[i].title);

	if (tile_titles[i].shorter != NULL &&
	    utf8_columns(s, strlen(s)) > w - 2 - KEY_COLS)
		return _(tile_titles[i].shorter);
	return s;
}

/* The columns tile i's title asks for, its key's with it: its shorter
 * one's, if it has. */
static int
tile_title_need(int i)
{
	const char *s =
	    _(tile_titles[i].shorter != NULL ? tile_titles[i].shorter
	                                     : tile_titles[i].title);

	return utf8_columns(s, strlen(s)) + 2 + KEY_COLS;
}

/* The columns tile k needs: its figure and its change, inside the box. */
static int
tile_need(struct tui *t, const struct kpi_tile *k)
{
	int f = utf8_columns(k->fig, strlen(k->fig)),
	    c = change_width(t, k->chg, k->points);

	return (f > c ? f : c) + 4;
}

/* The n tiles' widths in w[] (tl[i] the KPI of tile i): a fourth of the
 * screen each (30 at most), a tile whose figure needs more taking it from
 * those that need less, so that no amount is cut (issue 25); then the
 * titles from what others spare, Received Today's today_more columns
 * more (its count gone up into its title); the sum of the widths. */
static int
tile_widths(struct tui *t, const struct kpi_tile *k, const enum svc_tile *tl,
    int n, int *w, int today_more)
{
	int i, j, need[SVC_TILES_SHOWN], soft[SVC_TILES_SHOWN], most, sum = 0,
	                                                          base =
	                                                              (COLS - 4) /
	                                                              4;

	if (base > 30)
		base = 30;
	for (i = 0; i < n; i++) {
		need[i] = tile_need(t, &k[i]);
		w[i] = base;
		sum += base;
	}
	for (i = 0; i < n; i++)
		while (w[i] < need[i]) {
			most = -1;
			for (j = 0; j < n; j++)
				if (w[j] > need[j] &&
				    (most < 0 ||
				        w[j] - need[j] > w[most] - need[most]))
					most = j;
			if (most >= 0)
				w[most]--; /* from the one with most to spare */
			else
				sum++; /* from the screen's rest, or past it */
			w[i]++;
		}
	/* then the titles, from what others have to spare */
	for (i = 0; i < n; i++) {
		soft[i] = tile_title_need(tl[i]) +
		          (tl[i] == TILE_TODAY ? today_more : 0);
		if (soft[i] < need[i])
			soft[i] = need[i];
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < n && w[i] < soft[i]; j++)
			while (j != i && w[i] < soft[i] && w[j] > soft[j]) {
				w[j]--;
				w[i]++;
			}
	/* and from the screen's right margin, down to a column: the keys
	 * before the titles cost each two ("4 Avg Collect. Time" at 80) */
	for (i = 0; i < n; i++)
		while (w[i] < soft[i] && sum < COLS - 3) {
			w[i]++;
			sum++;
		}
	return sum;
}

/* Every KPI's tile (kt[SVC_TILES]); num (SVC_COUNT_BUFSZ) is Received
 * Today's count. */
static void
tile_figures(struct dash *b, struct tui *t, struct kpi_tile *kt, char *num)
{
	const struct kpi *k = &b->d.k;
	char m[MONEY_BUFSZ], r[48], prev[24];
	int i;
	const char *vs = b->week ? _("vs week") : _("vs month");

	/* a fiscal period is compared with the one before it, named as
	 * --period names it ("vs FY2026-P07"; a fresh tester's, issue 23:
	 * "vs month" under a fiscal period) */
	if (!b->week && strcmp(t->svc->cfg.period_calendar, "fiscal") == 0) {
		svc_period_name(t->svc, b->month, 1, prev, sizeof prev);
		snprintf(b->vs, sizeof b->vs, _("vs %s"), prev);
		vs = b->vs;
	}
	/* a figure or change only where the periods have data: the
	 * service's rule (KPI_NONE), the same as paydesk kpi's */
	memset(kt, 0, sizeof *kt * SVC_TILES);
	svc_money(t->svc, kt[0].fig, sizeof kt[0].fig, k->cur.collected);
	kt[0].chg = k->chg_collected;
	snprintf(kt[1].fig, sizeof kt[1].fig, "%s (%s)",
	    svc_money(t->svc, m, sizeof m, k->cur.day_total),
	    svc_count(t->svc, num, SVC_COUNT_BUFSZ, k->cur.day_count));
	kt[1].chg = k->chg_today;
	snprintf(kt[2].fig, sizeof kt[2].fig, "%s", NO_DATA);
	if (k->rate_tenths != KPI_NONE)
		svc_percent(
		    t->svc, kt[2].fig, sizeof kt[2].fig, k->rate_tenths);
	/* a rate's change in points, as paydesk kpi's */
	kt[2].chg =
	    k->rate_tenths == KPI_NONE || k->prev_rate_tenths == KPI_NONE
	        ? CHG_NONE
	        : k->rate_tenths - k->prev_rate_tenths;
	kt[2].points = 1;
	snprintf(kt[3].fig, sizeof kt[3].fig, "%s", NO_DATA);
	if (k->avg_tenths != KPI_NONE)
		snprintf(kt[3].fig, sizeof kt[3].fig, _("%s days"),
		    svc_tenths(t->svc, r, sizeof r, k->avg_tenths));
	kt[3].chg = k->chg_avg;
	/* the open amount today, and its items: no change to show */
	snprintf(kt[4].fig, sizeof kt[4].fig, "%s (%s)",
	    svc_money(t->svc, m, sizeof m, k->out.total),
	    svc_count(t->svc, r, sizeof r, k->out.items));
	kt[4].chg = CHG_NONE;
	for (i = 0; i < SVC_TILES; i++) {
		kt[i].good_up = i != TILE_TIME && i != TILE_OUTSTANDING;
		kt[i].vs = i == TILE_TODAY ? _("vs day") : vs;
	}
}

void
dash_tiles(struct dash *b, struct tui *t, int y)
{
	const struct kpi *k = &b->d.k;
	struct kpi_tile all[SVC_TILES], kt[SVC_TILES_SHOWN];
	char num[SVC_COUNT_BUFSZ];
	int i, x, w[SVC_TILES_SHOWN], count_up, n = b->ntl;

	tile_figures(b, t, all, num);
	for (i = 0; i < n; i++)
		kt[i] = all[b->tl[i]];
	/* too wide for the screen: today's count goes up into its title */
	count_up = tile_widths(t, kt, b->tl, n, w, 0) > COLS - 3;
	if (count_up)
		for (i = 0; i < n; i++)
			if (b->tl[i] == TILE_TODAY)
				svc_money(t->svc, kt[i].fig, sizeof kt[i].fig,
				    k->cur.day_total);
	if (count_up) /* " (1)" after the title */
		tile_widths(t, kt, b->tl, n, w,
		    utf8_columns(num, strlen(num)) + 3);
	for (i = 0, x = 2; i < n; x += w[i], i++) {
		/* its place's key first: the key that opens its rows */
		snprintf(kt[i].title, sizeof kt[i].title, "%d %s", i + 1,
		    tile_title(b->tl[i], w[i]));
		if (b->tl[i] == TILE_TODAY && count_up)
			snprintf(kt[i].title, sizeof kt[i].title, "%d %s (%s)",
			    i + 1, tile_title(TILE_TODAY, w[i]), num);
		tile(t, y, x, w[i], &kt[i]);
	}
}
