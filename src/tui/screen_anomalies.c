/* screen_anomalies.c - a day's anomalies (issue 23; the rules are
 * service/anomalies.c's and paydesk(1)'s): each row the rule that flagged
 * it, who, the amount, and under the list the chosen row's reason whole
 * with its figures; [ and ] step through the days, x exports what is
 * shown, v opens the dashboard's filters, every one of which holds here
 * (review R23 10; issue 23: the segment, method, channel and gateway
 * too, and the accounting period: its days up to today, until [, ] or t
 * shows one day again, as the dashboard's Left and Right). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_DAY_PREV, A_DAY_NEXT, A_TODAY, A_EXPORT, A_FILTER, A_BACK };

static const struct tui_key screen_anomalies_keys[] = {
    {'[', "[", NULL, N_("the day before"), A_DAY_PREV},
    {']', "]", NULL, N_("the day after"), A_DAY_NEXT},
    {'t', "t", NULL, N_("back to today"), A_TODAY},
    {'x', "x", N_("Export"), N_("export the anomalies shown as CSV or Excel"),
        A_EXPORT},
    {'g', "g", NULL, N_("read the figures again"), TUI_A_RELOAD},
    {'v', "v", NULL, N_("the dashboard's filters: every one holds here"),
        A_FILTER},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct anomv {
	struct tui_screen sc;
	char day[11]; /* YYYY-MM-DD */
	/* the accounting period's days (v), "" none: the day's */
	char from[11], to[11];
	struct anomaly_row *rows;
	size_t n, cap;
	struct tui_list list;
	unsigned gen; /* t->list_gen read at: the filters changed (v) */
};

static int
add(const struct anomaly_row *r, void *arg)
{
	struct anomv *v = arg;

	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->rows = xrealloc(v->rows, v->cap, sizeof *v->rows);
	}
	v->rows[v->n++] = *r;
	return 0;
}

static void
load(struct anomv *v, struct tui *t)
{
	struct pd_err err;
	/* those of the dashboard's filters `report anomalies` takes */
	struct payment_filter was = tui_narrow_only(t, TUI_ANOMALY_FILTERS);
	int rc;

	v->n = 0;
	v->gen = t->list_gen;
	if (!dash_filter_days(v->from, v->to))
		v->from[0] = v->to[0] = '\0';
	rc = v->from[0] != '\0'
	         ? svc_anomalies(t->svc, v->from, v->to, add, v, &err)
	         : svc_anomalies(t->svc, v->day, NULL, add, v, &err);
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
	svc_anomaly_cells(&((struct anomv *)arg)->rows[row], 0, c);
}

/* text wrapped at width columns from line y, at most rows lines; the
 * lines used */
static int
wrapped(int y, int x, const char *text, int width, int rows)
{
	const char *p = text, *cut;
	int used = 0, cols;
	size_t len;

	while (*p != '\0' && used < rows && width > 0) {
		len = strlen(p);
		cols = utf8_columns(p, len);
		if (cols <= width) {
			tui_text(y + used++, x, p, width);
			break;
		}
		/* the last space within the width */
		cut = NULL;
		for (len = 0; p[len] != '\0' &&
		              utf8_columns(p, len + 1) <= width;
		     len++)
			if (p[len] == ' ')
				cut = p + len;
		if (cut == NULL || cut == p)
			cut = p + (len > 0 ? len : 1);
		mvaddnstr(y + used++, x, p, (int)(cut - p));
		p = *cut == ' ' ? cut + 1 : cut;
	}
	return used;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct anomv *v = (struct anomv *)sc;
	char line[320], day[64], scope[160], a[SVC_DATE_BUFSZ],
	    b[SVC_DATE_BUFSZ];
	const struct anomaly_row *r;
	int y = 2, below = 4;

	if (v->gen != t->list_gen) /* the filters changed (v) */
		load(v, t);
	if (v->from[0] != '\0') {
		/* the period's days read: up to today, the rest to come
		 * (a fresh tester's, issue 23: its last day was said) */
		char today[11];

		svc_today(today);
		snprintf(day, sizeof day, _("%s to %s"),
		    svc_date(t->svc, a, sizeof a, v->from),
		    svc_date(t->svc, b, sizeof b,
		        strcmp(v->to, today) > 0 ? today : v->to));
	} else
		svc_date(t->svc, day, sizeof day, v->day);
	snprintf(line, sizeof line,
	    ngettext("%2$s: %1$zu anomaly, each with its rule and figures",
	        "%2$s: %1$zu anomalies, each with its rule and figures",
	        (unsigned long)v->n),
	    v->n, day);
	attron(A_BOLD);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	tui_text(y++, 2, svc_scope_title(t->svc, scope, sizeof scope),
	    COLS - 4);
	attroff(A_DIM);
	y += tui_filters_line(t, y, TUI_ANOMALY_FILTERS);
	y++;
	tui_list_draw(
	    t, &v->list, y, 2, COLS - 3, LINES - 3 - y - below);
	if (v->n == 0) {
		tui_text(y + 2, 4,
		    v->from[0] != '\0'
		        ? _("No payment, void or credit note of the period "
		            "breaks a rule.")
		        : _("No payment, void or credit note of the day "
		            "breaks a rule."),
		    COLS - 8);
		return;
	}
	r = &v->rows[v->list.sel < v->n ? v->list.sel : 0];
	/* TRANSLATORS: an anomaly's rule, then who it flagged (French
	 * puts a space before the colon) */
	snprintf(line, sizeof line, _("%s: %s"), svc_anomaly_title(r->rule),
	    r->who);
	if (v->from[0] != '\0') /* a period's rows: which day */
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    " (%s)", svc_date(t->svc, a, sizeof a, r->day));
	attron(A_BOLD);
	tui_text(LINES - 3 - below, 2, line, COLS - 4);
	attroff(A_BOLD);
	wrapped(LINES - 2 - below, 2, r->reason, COLS - 4, below - 1);
}

/* The day d days from the one shown. */
static void
step(struct anomv *v, struct tui *t, int d)
{
	char day[11], today[11];

	svc_day_step(v->day, d, day);
	svc_today(today);
	/* no day after today: nothing was taken yet */
	if (strcmp(day, today) > 0) {
		tui_message(t, 0, "%s", _("Today is the last day to look at"));
		return;
	}
	memcpy(v->day, day, sizeof v->day);
	dash_filter_period_clear(); /* one day again */
	load(v, t);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct anomv *v = (struct anomv *)sc;
	struct payment_filter pf;

	if (tui_list_action(&v->list, act))
		return TUI_HANDLED;
	switch (act) {
	case A_DAY_PREV:
	case A_DAY_NEXT:
		step(v, t, act == A_DAY_PREV ? -1 : 1);
		return TUI_HANDLED;
	case A_TODAY:
		svc_today(v->day);
		dash_filter_period_clear();
		load(v, t);
		return TUI_HANDLED;
	case A_EXPORT:
		/* the day or the period's days, as the export screen's
		 * from and to */
		memset(&pf, 0, sizeof pf);
		pf.from = v->from[0] != '\0' ? v->from : v->day;
		pf.to = v->from[0] != '\0' ? v->to : NULL;
		tui_push(t, screen_export_new(t, LIST_ANOMALIES, &pf, NULL,
		                NULL, 0, NULL, 0));
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		load(v, t);
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_dash_filter_new(t, "report anomalies"));
		return TUI_HANDLED;
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static void
free_anomalies(struct tui_screen *sc)
{
	struct anomv *v = (struct anomv *)sc;

	tui_list_free(&v->list);
	free(v->rows);
}

const struct tui_screen_class screen_anomalies_class = {
    .name = "Anomalies",
    .title = N_("Anomalies"),
    .keys = screen_anomalies_keys,
    .nkeys = TUI_NKEYS(screen_anomalies_keys),
    .draw = draw,
    .action = action,
    .free = free_anomalies,
};

struct tui_screen *
screen_anomalies_new(struct tui *t)
{
	struct anomv *v = xcalloc(1, sizeof *v);
	const struct xcol *cols;
	int ncols;

	cols = svc_listing_cols(LIST_ANOMALIES, &ncols);
	tui_list_init(&v->list, cols, ncols, cells, v);
	v->list.sorted = -1;
	v->sc.cls = &screen_anomalies_class;
	svc_today(v->day);
	load(v, t);
	return &v->sc;
}
