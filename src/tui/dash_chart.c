/* dash_chart.c - the dashboard's lower half (screen_dashboard.c): the
 * daily collections as a bar chart (the chosen day marked), the
 * breakdown by method or by gateway, and the outstanding block. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen_dashboard_int.h"

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
void
dash_chart(struct dash *b, struct tui *t, int y, int rows)
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
const struct dash_share *
dash_shares(const struct dash *b, int *n)
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
	r = dash_shares(b, &n);
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

void
dash_methods(struct dash *b, struct tui *t, int y, int rows, int w)
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
	tui_text(y++, 2,
	    _(titles[b->by_gateway][!dash_at_present(b) ? 2 : b->week]), w);
	attroff(A_BOLD);
	r = dash_shares(b, &n);
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
static const char *const out_labels[] = {N_("Total outstanding"),
    N_("Open items"), N_("Avg days past due"), N_("Under arrangement")};

int
dash_out_label_width(void)
{
	int i, w, lw = 18;

	for (i = 0; i < 4; i++) {
		w = utf8_columns(_(out_labels[i]), strlen(_(out_labels[i]))) +
		    1;
		if (w > lw)
			lw = w;
	}
	return lw;
}

/* The outstanding block's three figures; the columns of the widest. */
int
dash_out_values(struct dash *b, struct tui *t, char v[4][64])
{
	const struct kpi *k = &b->d.k;
	char m[MONEY_BUFSZ];
	int i, c, vw = 0;

	svc_money(t->svc, v[0], 64, k->out.total);
	svc_count(t->svc, v[1], 64, k->out.items);
	if (k->avg_past_due_tenths == KPI_NONE) /* nothing overdue */
		snprintf(v[2], 64, "%s", "\xe2\x80\x94");
	else {
		svc_tenths(t->svc, m, sizeof m, k->avg_past_due_tenths);
		snprintf(v[2], 64, _("%s days"), m);
	}
	/* of the total: arrangements' installments, counted once */
	svc_money(t->svc, v[3], 64, k->out.arranged);
	for (i = 0; i < 4; i++) {
		c = utf8_columns(v[i], strlen(v[i]));
		if (c > vw)
			vw = c;
	}
	return vw;
}

/* The outstanding block at x: its figures (vw columns at most) whole,
 * the labels giving way where both do not fit. */
void
dash_outstanding(struct dash *b, struct tui *t, int y, int x)
{
	char v[4][64], title[96];
	int i, w = COLS - x - 2, lw = dash_out_label_width(),
	       vw = dash_out_values(b, t, v);

	if (lw > w - vw)
		lw = w - vw > 6 ? w - vw : 6;
	/* its key first, as the tiles' (5 opens its open items) */
	snprintf(title, sizeof title, "5 %s", _("Outstanding today"));
	attron(A_BOLD);
	tui_text(y++, x, title, w);
	attroff(A_BOLD);
	for (i = 0; i < 3; i++)
		tui_pair(y++, x, lw, _(out_labels[i]), v[i]);
	/* the debt under arrangement, where there is some and room */
	if (b->d.k.out.arranged_items > 0 && y <= LINES - 3)
		tui_pair(y, x, lw, _(out_labels[3]), v[3]);
}
