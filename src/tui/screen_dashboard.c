/* screen_dashboard.c - the supervisor's landing page: KPI tiles for a
 * month with the change against the previous period, the month's daily
 * collections as a bar chart, the breakdown by method and the outstanding
 * summary; keys step through months and open the back office screens.
 * The tiles are drawn by dash_tiles.c; the chart, the methods and the
 * outstanding block by dash_chart.c. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drawer.h"
#include "screen_dashboard_int.h"
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
	A_WEEK,
	A_BY_GATEWAY,
	A_FORECAST,
	A_LOGOUT,
	A_QUIT,
	A_ARRANGEMENTS,
	A_EXCEPTIONS,
	A_DISPUTES,
	A_SCOPE,
	A_ROWS_1, /* the rows behind the tile at place 1..4 (A_ROWS_1 + i) */
	A_ROWS_2,
	A_ROWS_3,
	A_ROWS_4,
	A_ROWS_OUTSTANDING,
	A_BAR_PREV,
	A_BAR_NEXT,
	A_BAR_OPEN,
	A_ANOMALIES,
	A_DETERIORATING,
	A_FILTER,
	A_TILES,
	A_MY_SHIFT,
	A_ALERTS
};

static const struct tui_key screen_dashboard_keys[] = {
    {KEY_LEFT, "Left", N_("Prev"), N_("the month before"), A_PREV},
    {KEY_RIGHT, "Right", N_("Next"), N_("the month after"), A_NEXT},
    {'t', "t", NULL, N_("back to this month (this week)"), A_THIS},
    {'w', "w", NULL,
        N_("this week against the week before, or back to the month"), A_WEEK},
    {'m', "m", NULL, N_("the collections by method, or by payment gateway"),
        A_BY_GATEWAY},
    {'p', "p", N_("Payments"), N_("the payments list"), A_PAYMENTS},
    {'c', "c", N_("Credits"), N_("the credit notes list"), A_CREDITS},
    {'y', "y", N_("Payers"), N_("the payers report"), A_PAYERS},
    {'a', "a", N_("Aging"), N_("the aging report of open items"), A_AGING},
    {'f', "f", NULL, N_("the cash-flow forecast of the weeks ahead"),
        A_FORECAST},
    {'i', "i", NULL, N_("today's anomalies, each with its rule"), A_ANOMALIES},
    {'b', "b", NULL, N_("the deteriorating payers: paying later and later"),
        A_DETERIORATING},
    {'h', "h", NULL, N_("every drawer's shifts, open and closed"), A_SHIFTS},
    {'u', "u", NULL,
        N_("gateway payments: the unassociated ones, to associate"), A_GATEWAY},
    {'r', "r", NULL,
        N_("payment arrangements: status, compliance, installments"),
        A_ARRANGEMENTS},
    {'e', "e", NULL, N_("the reconciliation's exceptions"), A_EXCEPTIONS},
    {'d', "d", NULL, N_("the disputes: review, uphold or reject them"),
        A_DISPUTES},
    /* helper-235, fault 8: the header counts them, no key opened them */
    {'l', "l", NULL, N_("the alert inbox: acknowledge, assign, note, close"),
        A_ALERTS},
    {'s', "s", N_("Sync"),
        N_("the sync with the central node, rejected records"), A_SYNC},
    {'n', "n", NULL, N_("record a payment"), A_PAY},
    {'x', "x", NULL,
        N_("your shift: open one, or its X report, movements, close"),
        A_MY_SHIFT},
    {'g', "g", NULL, N_("read the figures again"), TUI_A_RELOAD},
    {'v', "v", N_("Filter"),
        N_("filter the figures (segment, branch, user, method...)"), A_FILTER},
    {'k', "k", NULL, N_("choose and order your tiles"), A_TILES},
    {'o', "o", N_("Scope"),
        N_("the scope: terminal, branch or organisation, as the role "
           "reads"),
        A_SCOPE},
    /* the keys follow the places, whatever tiles the user chose and in
     * their order, each tile's title beginning with its key (review R23
     * 8: they were the default order's, shown nowhere) */
    {'1', "1", NULL,
        N_("the rows behind the first tile (its title begins with 1)"),
        A_ROWS_1},
    {'2', "2", NULL, N_("the rows behind the second tile"), A_ROWS_2},
    {'3', "3", NULL, N_("the rows behind the third tile"), A_ROWS_3},
    {'4', "4", NULL, N_("the rows behind the fourth tile"), A_ROWS_4},
    /* the block under the chart, shown whatever the tiles */
    {'5', "5", NULL,
        N_("the open items of Outstanding today (its title begins with 5)"),
        A_ROWS_OUTSTANDING},
    {'[', "[", NULL, N_("the chart's bar before (a day)"), A_BAR_PREV},
    {']', "]", NULL, N_("the chart's bar after (a day)"), A_BAR_NEXT},
    {TUI_KEY_ENTER, "Enter", NULL, N_("the payments of the chosen bar's day"),
        A_BAR_OPEN},
    {TUI_KEY_ESC, "Esc", N_("Log out"),
        N_("log out (asks first: {Esc} again logs out)"), A_LOGOUT},
    {KEY_F(10), "F10", N_("Quit"), N_("log out and leave paydesk"), A_QUIT},
    {KEY_F(1), "F1", N_("Help"), N_("this help (also ?)"), -1},
};

static void
load(struct dash *b, struct tui *t)
{
	struct pd_err err;
	char shown[SVC_DATE_BUFSZ * 2 + 2];

	/* the days shown before, to know whether the period changes */
	snprintf(shown, sizeof shown, "%s %s", b->ok ? b->d.k.from : "",
	    b->ok ? b->d.k.to : "");
	b->gen = t->list_gen;
	/* an accounting period chosen with v: its month (issue 23) */
	if (dash_filter_period(b->month)) {
		b->week = 0;
		snprintf(b->day, sizeof b->day, "%s-01", b->month);
	}
	if (svc_tiles(t->svc, b->tl, &b->ntl, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
	b->ok = (b->week ? svc_dashboard_week(t->svc, b->day, &b->d, &err)
	                 : svc_dashboard(t->svc, b->month, &b->d, &err)) == 0;
	if (!b->ok)
		tui_message(t, 1, "%s", err.msg);
	/* a bar chosen is a day of the period it was chosen in: another
	 * month, week or period has none chosen (s72: "day 21: $0.00" of
	 * a month where the user never chose it) */
	if (!b->ok || strncmp(shown, b->d.k.from, strlen(b->d.k.from)) != 0 ||
	    strcmp(shown + strlen(b->d.k.from) + 1, b->d.k.to) != 0)
		b->bar = -1;
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
	const char *head;
	char ov[4][64];
	int rows, y = 2, split, px, ow, n, hw;

	if (b->gen != t->list_gen)
		load(b, t); /* something was voided, credited, verified */
	/* named after the load, which may move to a period's month (s72:
	 * "November 2026  2026-12-01 to 2026-12-31" after an export, the
	 * name of the month before the period's figures) */
	head = b->week ? _("Week")
	               : svc_month_name(t->svc, month, sizeof month, b->month);
	hw = utf8_columns(head, strlen(head));
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
	dash_tiles(b, t, y);
	y += 4;
	/* what is left: chart, then methods beside the outstanding */
	rows = LINES - 3 - y - 2 - 5;
	if (rows > 12)
		rows = 12;
	/* the chart gives the methods past three their rows */
	dash_shares(b, &n);
	rows -= n > 3 ? n - 3 : 0;
	if (rows < 2)
		rows = 2;
	dash_chart(b, t, y, rows);
	y += rows + 3;
	split = COLS >= 100 ? COLS - 40 : COLS - 33;
	/* the outstanding block wider for longer translated labels and
	 * wider figures (13 columns or what they show after them), down to
	 * where methods end */
	ow = dash_out_values(b, t, ov);
	if (ow < 13)
		ow = 13;
	if (split + dash_out_label_width() + ow > COLS - 2)
		split = COLS - 2 - dash_out_label_width() - ow;
	if (split < 45)
		split = 45;
	if (LINES - 3 - y >= 3) {
		dash_methods(b, t, y, LINES - 3 - y - 1, split - 4);
		dash_outstanding(b, t, y, split);
	}
}

/* The rows behind tile k's figure, of the period shown. */
static void
open_tile(struct dash *b, struct tui *t, enum svc_tile k)
{
	switch (k) {
	case TILE_COLLECTED:
		drill_payments(t, b->d.k.from, b->d.k.to);
		break;
	case TILE_TODAY:
		drill_payments(t, b->d.k.day, b->d.k.day);
		break;
	case TILE_RATE:
		tui_push(t, screen_rate_items_new(t, &b->d.k));
		break;
	case TILE_TIME:
	case TILE_OUTSTANDING:
		tui_push(t, screen_tile_rows_new(t, &b->d.k, k == TILE_TIME));
		break;
	default:
		break;
	}
}

/* The rows behind the tile at place i (0: the first shown), or why
 * there is none. */
static void
tile_rows(struct dash *b, struct tui *t, int i)
{
	if (i >= b->ntl) {
		tui_message(t, 1,
		    ngettext("There is no tile %d: %d tile is shown (k "
		             "chooses them)",
		        "There is no tile %d: %d tiles are shown (k chooses "
		        "them)",
		        (unsigned long)b->ntl),
		    i + 1, b->ntl);
		return;
	}
	open_tile(b, t, b->tl[i]);
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
int
dash_at_present(const struct dash *b)
{
	char today[11];

	svc_today(today);
	if (!b->week)
		return strncmp(b->month, today, 7) >= 0;
	return b->ok && strcmp(b->d.k.to, today) >= 0;
}

/* The signed-in user's shift (review R20): the screens open one, or
 * offer its X report, movements and close, as Home does a cashier's. */
static int
my_shift(struct tui_screen *sc, struct tui *t)
{
	struct tui_screen *next = NULL;
	struct shift sh;
	struct pd_err err;
	int rc = svc_shift_current(t->svc, &sh, &err);

	if (rc < 0)
		tui_message(t, 1, "%s", err.msg);
	else if (rc == 0)
		next = screen_shift_open_new(t);
	else
		next = screen_shift_menu_new(t, sc);
	if (next != NULL)
		tui_push(t, next);
	return TUI_HANDLED;
}

/* The chart's last bar a day of which can be chosen: today's in the
 * period that holds it (a day to come has no payments to open: the CLI
 * refuses it, helper-266 of issue 23), the period's last day before it;
 * -1 for none. */
static int
last_bar(const struct dash *b)
{
	char today[11];
	int32_t first, t;

	if (b->d.ndays <= 0 || date_parse(b->d.k.from, NULL, &first, NULL) != 0)
		return -1;
	svc_today(today);
	if (date_parse(today, NULL, &t, NULL) != 0 || t - first >= b->d.ndays)
		return b->d.ndays - 1;
	return t - first;
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
		if (a == A_NEXT && dash_at_present(b)) {
			tui_message(t, 1, "%s",
			    b->week ? _("This is the current week: there is no "
			                "later one yet")
			            : _("This is the current month: there is no "
			                "later one yet"));
			return TUI_HANDLED;
		}
		dash_filter_period_clear();
		if (b->week)
			svc_day_step(b->day, a == A_PREV ? -7 : 7, b->day);
		else
			svc_month_step(
			    b->month, a == A_PREV ? -1 : 1, b->month);
		load(b, t);
		return TUI_HANDLED;
	case A_THIS:
		dash_filter_period_clear();
		this_month(b);
		load(b, t);
		return TUI_HANDLED;
	case A_WEEK:
		/* the week of the month shown: today's in this month, else
		 * its first */
		dash_filter_period_clear();
		b->week = !b->week;
		if (b->week && strncmp(b->day, b->month, 7) != 0)
			snprintf(b->day, sizeof b->day, "%s-01", b->month);
		else if (!b->week)
			snprintf(b->month, sizeof b->month, "%.7s", b->day);
		load(b, t);
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		load(b, t);
		return TUI_HANDLED;
	case A_SCOPE:
		next_scope(b, t);
		return TUI_HANDLED;
	case A_ROWS_1:
	case A_ROWS_2:
	case A_ROWS_3:
	case A_ROWS_4:
		tile_rows(b, t, a - A_ROWS_1);
		return TUI_HANDLED;
	case A_ROWS_OUTSTANDING:
		open_tile(b, t, TILE_OUTSTANDING);
		return TUI_HANDLED;
	case A_BAR_PREV:
	case A_BAR_NEXT: {
		int last = last_bar(b);

		if (last < 0)
			return TUI_HANDLED;
		if (b->bar < 0)
			b->bar = a == A_BAR_PREV ? last : 0;
		else
			b->bar += a == A_BAR_PREV ? -1 : 1;
		if (b->bar < 0)
			b->bar = 0;
		if (b->bar > last)
			b->bar = last;
		return TUI_HANDLED;
	}
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
		tui_push(t, screen_dash_filter_new(t, "kpi"));
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
	case A_ALERTS:
		if ((next = screen_alerts_new(t, -1)) != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_SYNC:
		tui_push(t, screen_sync_new(t));
		return TUI_HANDLED;
	case A_PAY:
		tui_push(t, screen_pay_search_new(0));
		return TUI_HANDLED;
	case A_MY_SHIFT:
		return my_shift(sc, t);
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
