/* screen_dashboard.c - the supervisor's landing page: KPI tiles for a
 * month with the change against the previous period, the month's daily
 * collections as a bar chart, the breakdown by method and the outstanding
 * summary; keys step through months and open the back office screens. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drawer.h"

enum {
	A_PREV,
	A_NEXT,
	A_THIS,
	A_PAYMENTS,
	A_CREDITS,
	A_PAYERS,
	A_AGING,
	A_SHIFTS,
	A_GATEWAY,
	A_SYNC,
	A_PAY,
	A_RELOAD,
	A_WEEK,
	A_BY_GATEWAY,
	A_FORECAST,
	A_LOGOUT,
	A_QUIT,
	A_ARRANGEMENTS,
	A_EXCEPTIONS,
	A_DISPUTES,
	A_SCOPE,
	A_ROWS_COLLECTED,
	A_ROWS_TODAY,
	A_ROWS_RATE,
	A_BAR_PREV,
	A_BAR_NEXT,
	A_BAR_OPEN,
	A_ANOMALIES,
	A_DETERIORATING,
	A_FILTER,
	A_TILES
};

static const struct tui_key screen_dashboard_keys[] = {
    {KEY_LEFT, "Left", N_("Prev"), N_("the month before"), A_PREV},
    {KEY_RIGHT, "Right", N_("Next"), N_("the month after"), A_NEXT},
    {'t', "t", NULL, N_("back to this month (this week)"), A_THIS},
    {'w', "w", NULL,
        N_("this week against the week before, or back to the month"), A_WEEK},
    {'m', "m", NULL,
        N_("the collections by method, or by payment gateway"),
        A_BY_GATEWAY},
    {'p', "p", N_("Payments"), N_("the payments list"), A_PAYMENTS},
    {'c', "c", N_("Credits"), N_("the credit notes list"), A_CREDITS},
    {'y', "y", N_("Payers"), N_("the payers report"), A_PAYERS},
    {'a', "a", N_("Aging"), N_("the aging report of open items"), A_AGING},
    {'f', "f", NULL, N_("the cash-flow forecast of the weeks ahead"),
        A_FORECAST},
    {'i', "i", NULL,
        N_("today's anomalies, each with its rule"),
        A_ANOMALIES},
    {'b', "b", NULL,
        N_("the deteriorating payers: paying later and later"),
        A_DETERIORATING},
    {'h', "h", NULL, N_("every drawer's shifts, open and closed"),
        A_SHIFTS},
    {'u', "u", NULL,
        N_("gateway payments: the unassociated ones, to associate"), A_GATEWAY},
    {'r', "r", NULL,
        N_("payment arrangements: status, compliance, installments"),
        A_ARRANGEMENTS},
    {'e', "e", NULL, N_("the reconciliation's exceptions"), A_EXCEPTIONS},
    {'d', "d", NULL, N_("the disputes: review, uphold or reject them"),
        A_DISPUTES},
    {'s', "s", N_("Sync"),
        N_("the sync with the central node, rejected records"), A_SYNC},
    {'n', "n", NULL, N_("record a payment"), A_PAY},
    {'g', "g", NULL, N_("read the figures again"), A_RELOAD},
    {'v', "v", N_("Filter"),
        N_("filter the figures (segment, branch, user, method...)"),
        A_FILTER},
    {'k', "k", NULL, N_("choose and order your tiles"), A_TILES},
    {'o', "o", N_("Scope"),
        N_("the scope: terminal, branch or organisation, as the role "
           "reads"),
        A_SCOPE},
    {'1', "1", NULL, N_("the payments Total Collected counts"),
        A_ROWS_COLLECTED},
    {'2', "2", NULL, N_("the payments Received Today counts"), A_ROWS_TODAY},
    {'3', "3", NULL, N_("the items Collection Rate counts, what paid them"),
        A_ROWS_RATE},
    {'[', "[", NULL, N_("the chart's bar before (a day)"), A_BAR_PREV},
    {']', "]", NULL, N_("the chart's bar after (a day)"), A_BAR_NEXT},
    {TUI_KEY_ENTER, "Enter", NULL, N_("the payments of the chosen bar's day"),
        A_BAR_OPEN},
    {TUI_KEY_ESC, "Esc", N_("Log out"),
        N_("log out (asks first: {Esc} again logs out)"), A_LOGOUT},
    {KEY_F(10), "F10", N_("Quit"), N_("log out and leave paydesk"), A_QUIT},
    {KEY_F(1), "F1", N_("Help"), N_("this help (also ?)"), -1},
};

struct dash {
	struct tui_screen sc;
	int esc_asked; /* Esc asked "log out?": Esc again logs out */
	char month[8];
	int week;     /* the week view: the week containing day */
	int by_gateway; /* the collections by gateway, not by method */
	char day[11]; /* YYYY-MM-DD */
	struct dashboard d;
	int ok;
	unsigned gen; /* t->list_gen when read */
	int bar;      /* the chart's chosen day (0..ndays-1), -1: none */
	/* the signed-in user's tiles in order (issue 23: svc_tiles) */
	enum svc_tile tl[SVC_TILES_SHOWN];
	int ntl;
};

static void
load(struct dash *b, struct tui *t)
{
	struct pd_err err;

	b->gen = t->list_gen;
	if (svc_tiles(t->svc, b->tl, &b->ntl, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
	b->ok = (b->week ? svc_dashboard_week(t->svc, b->day, &b->d, &err)
	                 : svc_dashboard(t->svc, b->month, &b->d, &err)) == 0;
	if (!b->ok)
		tui_message(t, 1, "%s", err.msg);
}

/* What a tile shows where a period has no data (issue 17 section 4):
 * no figure to compare, no arrow. */
#define NO_DATA "\xe2\x80\x94"
/* A change against no data (either period empty): NO_DATA. */
#define CHG_NONE KPI_NONE

/* The change's text: "▲ 12.5%" / "▼ 3.0%" / "= 0.0%"; CHG_NONE: "—". */
static const char *
change_text(struct tui *t, char *buf, size_t n, int64_t tenths)
{
	char num[48];

	if (tenths == CHG_NONE) {
		snprintf(buf, n, "%s", NO_DATA);
		return buf;
	}
	svc_percent(t->svc, num, sizeof num, tenths < 0 ? -tenths : tenths);
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
change(struct tui *t, int y, int x, int w, int64_t tenths, int good_up)
{
	char buf[48];
	int attr = 0;

	change_text(t, buf, sizeof buf, tenths);
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
	const char *vs;
};

/* The columns of the change's place: 9, or what it shows. */
static int
change_width(struct tui *t, int64_t tenths)
{
	char buf[48];
	int w;

	change_text(t, buf, sizeof buf, tenths);
	w = utf8_columns(buf, strlen(buf));
	return w > 9 ? w : 9;
}

/* A tile: a box with the title, the figure and the change. */
static void
tile(struct tui *t, int y, int x, int w, const struct kpi_tile *k)
{
	int cw = change_width(t, k->chg);

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
	change(t, y + 2, x + 2, cw < w - 4 ? cw : w - 4, k->chg, k->good_up);
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

static const char *
tile_title(int i, int w)
{
	const char *s = _(tile_titles[i].title);

	if (tile_titles[i].shorter != NULL &&
	    utf8_columns(s, strlen(s)) > w - 2)
		return _(tile_titles[i].shorter);
	return s;
}

/* The columns tile i's title asks for: its shorter one's, if it has. */
static int
tile_title_need(int i)
{
	const char *s =
	    _(tile_titles[i].shorter != NULL ? tile_titles[i].shorter
	                                     : tile_titles[i].title);

	return utf8_columns(s, strlen(s)) + 2;
}

/* The columns tile k needs: its figure and its change, inside the box. */
static int
tile_need(struct tui *t, const struct kpi_tile *k)
{
	int f = utf8_columns(k->fig, strlen(k->fig)),
	    c = change_width(t, k->chg);

	return (f > c ? f : c) + 4;
}

/* The n tiles' widths in w[] (tl[i] the KPI of tile i): a fourth of the
 * screen each (30 at most), a tile whose figure needs more taking it from
 * those that need less, so that no amount is cut (issue 25); the sum of
 * the widths. */
static int
tile_widths(struct tui *t, const struct kpi_tile *k, const enum svc_tile *tl,
    int n, int *w)
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
		soft[i] = tile_title_need(tl[i]);
		if (soft[i] < need[i])
			soft[i] = need[i];
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < n && w[i] < soft[i]; j++)
			while (j != i && w[i] < soft[i] && w[j] > soft[j]) {
				w[j]--;
				w[i]++;
			}
	return sum;
}

/* Every KPI's tile (kt[SVC_TILES]); num (SVC_COUNT_BUFSZ) is Received
 * Today's count. */
static void
tile_figures(struct dash *b, struct tui *t, struct kpi_tile *kt, char *num)
{
	const struct kpi *k = &b->d.k;
	char m[MONEY_BUFSZ], r[48];
	int i;
	const char *vs = b->week ? _("vs week") : _("vs month");
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
	kt[2].chg = k->chg_rate;
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

static void
tiles(struct dash *b, struct tui *t, int y)
{
	const struct kpi *k = &b->d.k;
	struct kpi_tile all[SVC_TILES], kt[SVC_TILES_SHOWN];
	char num[SVC_COUNT_BUFSZ];
	int i, x, w[SVC_TILES_SHOWN], count_up, n = b->ntl;

	tile_figures(b, t, all, num);
	for (i = 0; i < n; i++)
		kt[i] = all[b->tl[i]];
	/* too wide for the screen: today's count goes up into its title */
	count_up = tile_widths(t, kt, b->tl, n, w) > COLS - 4;
	if (count_up)
		for (i = 0; i < n; i++)
			if (b->tl[i] == TILE_TODAY)
				svc_money(t->svc, kt[i].fig, sizeof kt[i].fig,
				    k->cur.day_total);
	if (count_up)
		tile_widths(t, kt, b->tl, n, w);
	for (i = 0, x = 2; i < n; x += w[i], i++) {
		snprintf(kt[i].title, sizeof kt[i].title, "%s",
		    tile_title(b->tl[i], w[i]));
		if (b->tl[i] == TILE_TODAY && count_up)
			snprintf(kt[i].title, sizeof kt[i].title, "%s (%s)",
			    tile_title(TILE_TODAY, w[i]), num);
		tile(t, y, x, w[i], &kt[i]);
	}
}

/* Amount without decimals and with k/M for the axis, grouped as the
 * organisation groups digits: "$12k" ("12k €" where the organisation
 * writes the symbol after, "$15,555M"). */
static void
short_money(struct tui *t, char *buf, size_t n, int64_t v)
{
	int64_t unit = 1, i;
	const struct config *cfg = &t->svc->cfg;
	const char *sym = cfg->currency_symbol;
	const char *sp = cfg->symbol_space[0] == 'y' ? "\u00a0" : "";
	char num[SVC_COUNT_BUFSZ + 2];

	for (i = 0; i < cfg->minor_digits; i++)
		unit *= 10;
	v /= unit;
	/* the digits in the organisation's grouping ("15,555M") */
	if (v >= 10000000) {
		svc_count(t->svc, num, sizeof num - 1, v / 1000000);
		strcat(num, "M");
	} else if (v >= 10000) {
		svc_count(t->svc, num, sizeof num - 1, v / 1000);
		strcat(num, "k");
	} else
		svc_count(t->svc, num, sizeof num, v);
	if (cfg->symbol_place[0] == 'a')
		snprintf(buf, n, "%s%s%s", num, sp, sym);
	else
		snprintf(buf, n, "%s%s%s", sym, sp, num);
}

static int
day_of_month(int32_t day)
{
	int y, m, d;

	date_civil(day, &y, &m, &d);
	return d;
}

/* Daily collections: one bar per day, eighths of a cell for height. */
static void
chart(struct dash *b, struct tui *t, int y, int rows)
{
	static const char *const eighths[] = {" ", "\xe2\x96\x81",
	    "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84", "\xe2\x96\x85",
	    "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"};
	const struct dashboard *d = &b->d;
	int64_t max = 0, v;
	char lab[96], m[MONEY_BUFSZ];
	const char *title = _("Daily collections");
	int i, r, x0 = 10, bw, x, best = 0, lx;
	int32_t first = 0;

	date_parse(d->k.from, NULL, &first, NULL);

	for (i = 0; i < d->ndays; i++)
		if (d->day_amount[i] > max) {
			max = d->day_amount[i];
			best = i;
		}
	/* the axis as wide as its top label (its digits grouped) */
	short_money(t, lab, sizeof lab, max);
	if (utf8_columns(lab, strlen(lab)) + 3 > x0)
		x0 = utf8_columns(lab, strlen(lab)) + 3;
	bw = (COLS - x0 - 2) / (d->ndays > 0 ? d->ndays : 1);
	if (bw > 3)
		bw = 3;
	if (bw < 1)
		bw = 1;
	attron(A_BOLD);
	tui_text(y, 2, title, COLS - 4);
	attroff(A_BOLD);
	if (max > 0 || b->bar >= 0) {
		/* at 21, or after a longer translated title */
		lx = 2 + utf8_columns(title, strlen(title)) + 2;
		if (lx < 21)
			lx = 21;
		if (b->bar >= 0 && b->bar < d->ndays) {
			char part[64];

			snprintf(part, sizeof part, _("day %d: %s"),
			    day_of_month(first + b->bar),
			    svc_money(t->svc, m, sizeof m,
			        d->day_amount[b->bar]));
			snprintf(lab, sizeof lab, "%s %s", part,
			    tui_keys(_("({Enter}: its payments)")));
		} else
			snprintf(lab, sizeof lab, _("best day %d: %s"),
			    day_of_month(first + best),
			    svc_money(t->svc, m, sizeof m, max));
		attron(A_DIM);
		tui_text(y, lx, lab, COLS - lx - 2);
		attroff(A_DIM);
	}
	y++;
	/* the scale: its top where there is one (a month of no payment has
	 * none: "$0" at the top too said the bars were drawn to $0), and 0
	 * on the axis itself, not beside the lowest row of bars, which
	 * stands for up to a rows-th of the top (issue 17) */
	if (max > 0) {
		short_money(t, lab, sizeof lab, max);
		tui_text(y, 1, lab, x0 - 2);
	}
	short_money(t, lab, sizeof lab, 0);
	tui_text(y + rows, 1, lab, x0 - 2);
	mvvline(y, x0 - 1, ACS_VLINE, rows);
	mvaddch(y + rows, x0 - 1, ACS_LLCORNER);
	mvhline(y + rows, x0, ACS_HLINE, bw * d->ndays);
	for (i = 0; i < d->ndays; i++) {
		x = x0 + i * bw;
		/* height in eighths of a row, rounded up so any day shows */
		v = max > 0 ? (d->day_amount[i] * rows * 8 + max - 1) / max : 0;
		for (r = 0; r < rows; r++) {
			int64_t h = v - (int64_t)(rows - 1 - r) * 8;
			const char *c = h >= 8   ? eighths[8]
			                : h <= 0 ? eighths[0]
			                         : eighths[h];
			int k;

			if (i == b->bar)
				attron(A_REVERSE);
			for (k = 0; k < (bw > 1 ? bw - 1 : 1); k++)
				mvaddstr(y + r, x + k, c);
			if (i == b->bar)
				attroff(A_REVERSE);
		}
		if (i == 0 || (i + 1) % 5 == 0 || d->ndays <= 7) {
			snprintf(
			    lab, sizeof lab, "%d", day_of_month(first + i));
			tui_text(y + rows + 1, x, lab, 3);
		}
	}
}

/* The columns of the methods block: names in nw (12, or the widest
 * shown), amounts in aw (13 with the name's, or the widest shown) so that
 * the counts stay in place, shares in pw (6, or the widest share, 100 %,
 * in the screens' language: "100,0 %" is 7), the names cut only past
 * what fits in w. */
/* The shares shown: by method, or by gateway (issue 19); *n their count. */
static const struct dash_share *
shares(const struct dash *b, int *n)
{
	*n = b->by_gateway ? b->d.ngateways : b->d.nmethods;
	return b->by_gateway ? b->d.gateways : b->d.methods;
}

static void
method_widths(const struct dash *b, struct tui *t, int shown, int w, int *nw,
    int *aw, int *pw)
{
	const struct dash_share *r;
	char m[MONEY_BUFSZ];
	int n;
	int i, c, amax;

	*pw = svc_percent_columns(t->svc, 1000);
	if (*pw < 6)
		*pw = 6;
	*nw = 12;
	*aw = 0;
	r = shares(b, &n);
	for (i = 0; i < shown && i < n; i++) {
		c = utf8_columns(
		    r[i].name, strlen(r[i].name));
		if (c > *nw)
			*nw = c;
		svc_money(t->svc, m, sizeof m, r[i].amount);
		c = utf8_columns(m, strlen(m));
		if (c > *aw)
			*aw = c;
	}
	amax = *aw;
	if (*aw < 25 - *nw)
		*aw = 25 - *nw;
	/* short of room: the amounts' padding gives way before the names */
	if (*nw + 1 + *aw + 7 + *pw > w - 2)
		*aw = w - 2 - *nw - 8 - *pw > amax ? w - 2 - *nw - 8 - *pw
		                                   : amax;
	if (*nw + 1 + *aw + 7 + *pw > w - 2)
		*nw = w - 2 - 8 - *pw - *aw > 1 ? w - 2 - 8 - *pw - *aw : 1;
}

static int at_present(const struct dash *b);

static void
methods(struct dash *b, struct tui *t, int y, int rows, int w)
{
	static const char *const titles[2][3] = {
	    {N_("By method this month"), N_("By method this week"),
	        N_("By method")},
	    {N_("By gateway this month"), N_("By gateway this week"),
	        N_("By gateway")}};
	const struct dash_share *r;
	int n;
	char line[160], m[MONEY_BUFSZ], pct[48], num[SVC_COUNT_BUFSZ];
	int64_t total = 0, share;
	int i, bar, bx, bw, shown, nw, aw, c, pw, pcw;

	attron(A_BOLD);
	/* "this month" only for this month: another shows its dates in the
	 * header (issue 17 review: the title stayed on other months) */
	tui_text(y++, 2, _(titles[b->by_gateway][!at_present(b) ? 2 : b->week]),
	    w);
	attroff(A_BOLD);
	r = shares(b, &n);
	for (i = 0; i < n; i++)
		total += r[i].amount;
	if (n == 0)
		tui_text(y, 4,
		    b->week ? _("No payment posted in this week")
		            : _("No payment posted in this month"),
		    w - 2);
	/* every method, or those that fit and a line saying how many more */
	shown = n > rows ? rows - 1 : n;
	method_widths(b, t, shown, w, &nw, &aw, &pcw);
	bx = 4 + nw + 1 + aw + 8 + pcw;
	bw = w - bx;
	for (i = 0; i < shown; i++, y++) {
		share = money_ratio_tenths(r[i].amount, total);
		svc_percent(t->svc, pct, sizeof pct, share);
		tui_cell(y, 4, r[i].name, nw, 0);
		/* right-aligned by display width ("1.234,50 €": the symbol
		 * is one column of three bytes) */
		svc_money(t->svc, m, sizeof m, r[i].amount);
		tui_cell(y, 4 + nw + 1, m, aw, 1);
		/* the count grouped, right-aligned in 5 columns or more; the
		 * share by display width in pcw (the space before % in es and
		 * fr is one of them) */
		svc_count(t->svc, num, sizeof num, r[i].count);
		c = 5 - utf8_columns(num, strlen(num));
		pw = utf8_columns(pct, strlen(pct));
		snprintf(line, sizeof line, " %*s%s %*s%s", c > 0 ? c : 0, "",
		    num, pw < pcw ? pcw - pw : 0, "", pct);
		tui_text(y, 4 + nw + 1 + aw, line, w - 2 - nw - 1 - aw);
		bar = bw > 0 ? (int)(share * bw / 1000) : 0;
		if (bar == 0 && r[i].amount > 0 && bw > 0)
			bar = 1;
		attron(tui_attr(t, TUI_C_KEY, A_REVERSE));
		mvhline(y, bx, ' ', bar);
		attroff(tui_attr(t, TUI_C_KEY, A_REVERSE));
	}
	if (shown < n) {
		snprintf(line, sizeof line,
		    b->by_gateway
		        ? ngettext("+%d more gateway (y: the payers report)",
		              "+%d more gateways (y: the payers report)",
		              (unsigned long)(n - shown))
		        : ngettext("+%d more method (p: the payments)",
		              "+%d more methods (p: the payments)",
		              (unsigned long)(n - shown)),
		    n - shown);
		tui_text(y, 4, line, w - 2);
	}
}

/* The outstanding block: a heading and three labelled figures, the
 * labels in a column of 18 or of the widest translated one. */
static const char *const out_labels[] = {
    N_("Total outstanding"), N_("Open items"), N_("Avg days past due")};

static int
out_label_width(void)
{
	int i, w, lw = 18;

	for (i = 0; i < 3; i++) {
		w = utf8_columns(_(out_labels[i]), strlen(_(out_labels[i]))) +
		    1;
		if (w > lw)
			lw = w;
	}
	return lw;
}

/* The outstanding block's three figures; the columns of the widest. */
static int
out_values(struct dash *b, struct tui *t, char v[3][64])
{
	const struct kpi *k = &b->d.k;
	char m[MONEY_BUFSZ];
	int i, c, vw = 0;

	svc_money(t->svc, v[0], 64, k->out.total);
	svc_count(t->svc, v[1], 64, k->out.items);
	svc_tenths(t->svc, m, sizeof m, k->avg_past_due_tenths);
	snprintf(v[2], 64, _("%s days"), m);
	for (i = 0; i < 3; i++) {
		c = utf8_columns(v[i], strlen(v[i]));
		if (c > vw)
			vw = c;
	}
	return vw;
}

/* The outstanding block at x: its figures (vw columns at most) whole,
 * the labels giving way where both do not fit. */
static void
outstanding(struct dash *b, struct tui *t, int y, int x)
{
	char v[3][64];
	int i, w = COLS - x - 2, lw = out_label_width(),
	       vw = out_values(b, t, v);

	if (lw > w - vw)
		lw = w - vw > 6 ? w - vw : 6;
	attron(A_BOLD);
	tui_text(y++, x, _("Outstanding today"), w);
	attroff(A_BOLD);
	for (i = 0; i < 3; i++)
		tui_pair(y++, x, lw, _(out_labels[i]), v[i]);
}

/* The scope in force at x on line y, in bold: "Branch B01". */
static void
scope_text(struct tui *t, int y, int x)
{
	char sc[64];

	if (x >= COLS - 4)
		return;
	svc_scope_title(t->svc, sc, sizeof sc);
	attron(A_BOLD);
	tui_text(y, x, sc, COLS - x - 2);
	attroff(A_BOLD);
}

/* The payments list of from..to, Posted, of the scope in force: what a
 * tile or a bar counts (issue 23's drill-down). */
static void
drill_payments(struct tui *t, const char *from, const char *to)
{
	tui_push(t, screen_payments_posted(t, from, to));
}

/* The next scope the user's role reads, round to this terminal's. */
static void
next_scope(struct dash *b, struct tui *t)
{
	enum svc_scope sc = svc_scope_now(t->svc) + 1;
	struct pd_err err;
	char title[64];

	if (sc > svc_scope_widest(t->svc))
		sc = SVC_SCOPE_TERMINAL;
	if (svc_scope_set(t->svc, sc, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return;
	}
	t->list_gen++; /* the lists read again, of the new scope */
	load(b, t);
	tui_message(t, 0, _("Scope: %s"),
	    svc_scope_title(t->svc, title, sizeof title));
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct dash *b = (struct dash *)sc;
	char line[400], from[SVC_DATE_BUFSZ], to[SVC_DATE_BUFSZ],
	    month[SVC_DATE_BUFSZ], filters[320];
	const char *head =
	    b->week ? _("Week")
	            : svc_month_name(t->svc, month, sizeof month, b->month);
	char ov[3][64];
	int rows, y = 2, split, px, ow, n, hw = utf8_columns(head, strlen(head));

	if (b->gen != t->list_gen)
		load(b, t); /* something was voided, credited, verified */
	if (!b->ok) {
		tui_text(y, 2, _("The figures cannot be read (g to try again)"),
		    COLS - 4);
		return;
	}
	snprintf(line, sizeof line, _("%s to %s"),
	    svc_date(t->svc, from, sizeof from, b->d.k.from),
	    svc_date(t->svc, to, sizeof to, b->d.k.to));
	attron(A_BOLD);
	tui_text(y, 2, head, hw);
	attroff(A_BOLD);
	/* the period two columns after the month's name (or at 11, under
	 * the months' names), after "Week" two columns too: at 11 it left a
	 * gap of five (issue 17 review) */
	px = b->week || hw > 8 ? hw + 4 : 11;
	tui_text(y, px, line, COLS - px - 2);
	/* whose payments (issue 23), after the period */
	scope_text(t, y, px + utf8_columns(line, strlen(line)) + 3);
	y++;
	/* the filters in force (issue 23), a line of their own: none, no
	 * line */
	if (*dash_filter_title(filters, sizeof filters) != '\0') {
		snprintf(line, sizeof line, _("Filters: %s (v to change)"),
		    filters);
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD));
		tui_text(y++, 2, line, COLS - 4);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD));
	}
	tiles(b, t, y);
	y += 4;
	/* what is left: chart, then methods beside the outstanding */
	rows = LINES - 3 - y - 2 - 5;
	if (rows > 12)
		rows = 12;
	/* the chart gives the methods past three their rows */
	shares(b, &n);
	rows -= n > 3 ? n - 3 : 0;
	if (rows < 2)
		rows = 2;
	chart(b, t, y, rows);
	y += rows + 3;
	split = COLS >= 100 ? COLS - 40 : COLS - 33;
	/* the outstanding block wider for longer translated labels and
	 * wider figures (13 columns or what they show after them), down to
	 * where methods end */
	ow = out_values(b, t, ov);
	if (ow < 13)
		ow = 13;
	if (split + out_label_width() + ow > COLS - 2)
		split = COLS - 2 - out_label_width() - ow;
	if (split < 45)
		split = 45;
	if (LINES - 3 - y >= 3) {
		methods(b, t, y, LINES - 3 - y - 1, split - 4);
		outstanding(b, t, y, split);
	}
}

static void
this_month(struct dash *b)
{
	char today[11];

	svc_today(today);
	snprintf(b->month, sizeof b->month, "%.7s", today);
	snprintf(b->day, sizeof b->day, "%s", today);
}

/* The period shown holds today (or is later): Right stops there. */
static int
at_present(const struct dash *b)
{
	char today[11];

	svc_today(today);
	if (!b->week)
		return strncmp(b->month, today, 7) >= 0;
	return b->ok && strcmp(b->d.k.to, today) >= 0;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct dash *b = (struct dash *)sc;
	struct tui_screen *next;

	if (a != A_LOGOUT)
		b->esc_asked = 0;
	switch (a) {
	case A_PREV:
	case A_NEXT:
		if (a == A_NEXT && at_present(b)) {
			tui_message(t, 1, "%s",
			    b->week ? _("This is the current week: there is no "
			                "later one yet")
			            : _("This is the current month: there is no "
			                "later one yet"));
			return TUI_HANDLED;
		}
		if (b->week)
			svc_day_step(b->day, a == A_PREV ? -7 : 7, b->day);
		else
			svc_month_step(
			    b->month, a == A_PREV ? -1 : 1, b->month);
		load(b, t);
		return TUI_HANDLED;
	case A_THIS:
		this_month(b);
		load(b, t);
		return TUI_HANDLED;
	case A_WEEK:
		/* the week of the month shown: today's in this month, else
		 * its first */
		b->week = !b->week;
		if (b->week && strncmp(b->day, b->month, 7) != 0)
			snprintf(b->day, sizeof b->day, "%s-01", b->month);
		else if (!b->week)
			snprintf(b->month, sizeof b->month, "%.7s", b->day);
		load(b, t);
		return TUI_HANDLED;
	case A_RELOAD:
		load(b, t);
		return TUI_HANDLED;
	case A_SCOPE:
		next_scope(b, t);
		return TUI_HANDLED;
	case A_ROWS_COLLECTED:
		drill_payments(t, b->d.k.from, b->d.k.to);
		return TUI_HANDLED;
	case A_ROWS_TODAY:
		drill_payments(t, b->d.k.day, b->d.k.day);
		return TUI_HANDLED;
	case A_ROWS_RATE:
		tui_push(t, screen_rate_items_new(t, &b->d.k));
		return TUI_HANDLED;
	case A_BAR_PREV:
	case A_BAR_NEXT:
		if (b->d.ndays <= 0)
			return TUI_HANDLED;
		if (b->bar < 0)
			b->bar = a == A_BAR_PREV ? b->d.ndays - 1 : 0;
		else
			b->bar += a == A_BAR_PREV ? -1 : 1;
		if (b->bar < 0)
			b->bar = 0;
		if (b->bar >= b->d.ndays)
			b->bar = b->d.ndays - 1;
		return TUI_HANDLED;
	case A_BAR_OPEN: {
		char day[11];
		int32_t first;

		if (b->bar < 0 || b->bar >= b->d.ndays ||
		    date_parse(b->d.k.from, NULL, &first, NULL) != 0) {
			tui_message(t, 1, "%s",
			    _("Choose a day of the chart first with [ and ]"));
			return TUI_HANDLED;
		}
		date_format(day, first + b->bar);
		drill_payments(t, day, day);
		return TUI_HANDLED;
	}
	case A_BY_GATEWAY:
		b->by_gateway = !b->by_gateway;
		return TUI_HANDLED;
	case A_PAYMENTS:
	case A_CREDITS:
		tui_push(t, screen_payments_new(t, a == A_CREDITS));
		return TUI_HANDLED;
	case A_PAYERS:
		tui_push(t, screen_payers_new(t));
		return TUI_HANDLED;
	case A_AGING:
		tui_push(t, screen_aging_new(t));
		return TUI_HANDLED;
	case A_FORECAST:
		tui_push(t, screen_forecast_new(t));
		return TUI_HANDLED;
	case A_ANOMALIES:
		tui_push(t, screen_anomalies_new(t));
		return TUI_HANDLED;
	case A_DETERIORATING:
		tui_push(t, screen_deteriorating_new(t));
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_dash_filter_new(t));
		return TUI_HANDLED;
	case A_TILES: {
		struct tui_screen *ts = screen_tiles_new(t);

		if (ts != NULL)
			tui_push(t, ts);
		return TUI_HANDLED;
	}
	case A_SHIFTS:
		tui_push(t, screen_shifts_new(t));
		return TUI_HANDLED;
	case A_GATEWAY:
		tui_push(t, screen_gateway_new(t));
		return TUI_HANDLED;
	case A_ARRANGEMENTS:
		tui_push(t, screen_arrangements_new(t, NULL));
		return TUI_HANDLED;
	case A_EXCEPTIONS:
		tui_push(t, screen_exceptions_new(t));
		return TUI_HANDLED;
	case A_DISPUTES:
		if ((next = screen_disputes_new(t)) != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_SYNC:
		tui_push(t, screen_sync_new(t));
		return TUI_HANDLED;
	case A_PAY:
		tui_push(t, screen_pay_search_new(0));
		return TUI_HANDLED;
	case A_LOGOUT:
		if (!tui_logout_asked(t, &b->esc_asked))
			return TUI_HANDLED;
		tui_logout(t);
		return TUI_CLOSE;
	case A_QUIT:
		tui_logout(t);
		return TUI_QUIT;
	}
	return 0;
}

const struct tui_screen_class screen_dashboard_class = {
    .name = "Dashboard",
    .title = N_("Dashboard"),
    .keys = screen_dashboard_keys,
    .nkeys = TUI_NKEYS(screen_dashboard_keys),
    .draw = draw,
    .action = action,
};

struct tui_screen *
screen_dashboard_new(struct tui *t)
{
	struct dash *b = xcalloc(1, sizeof *b);

	b->sc.cls = &screen_dashboard_class;
	b->bar = -1;
	this_month(b);
	load(b, t);
	return &b->sc;
}
