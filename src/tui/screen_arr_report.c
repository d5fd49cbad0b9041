/* screen_arr_report.c - the plans' performance (issue 21: "which terms
 * result in the highest compliance"): the arrangements grouped by their
 * terms, highest compliance first, as `paydesk report arrangements`
 * prints them (svc_arr_performance has the rule); f filters them by the
 * day the plans were made and the consumers' segment (the report's
 * --from, --to and --segment; screen_arr_filter.c), x exports them as
 * shown, every column of the report. Reached from the arrangements list
 * (p); recovery and up. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_BACK = 1, A_FILTER, A_EXPORT };

static const struct tui_key screen_arr_report_keys[] = {
    {'f', "f", N_("Filter"), N_("the plans of a period, of a segment"),
        A_FILTER},
    {'x', "x", N_("Export"), N_("export the groups as shown as CSV or Excel"),
        A_EXPORT},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the arrangements"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct perf {
	struct tui_screen sc;
	struct tui_list list;
	struct plans_filter f;
	struct arr_perf_row *rows;
	size_t n;
	int plans;
};

static const struct xcol cols[] = {
    {NC_("column", "Installments"), "installments", X_TEXT, 6, 0},
    {NC_("column", "Frequency"), "frequency", X_TERM, 11, 0},
    {NC_("column", "Down payment"), "down_payment", X_TERM, 9, 0},
    {NC_("column", "Grace"), "grace_days", X_INT, 5, 0},
    {NC_("column", "Misses"), "misses_allowed", X_INT, 6, 0},
    {NC_("column", "Compliance"), "compliance", X_PERCENT, 7, 0},
    {NC_("column", "Plans"), "plans", X_INT, 5, 0},
    {NC_("column", "Fell due"), "fell_due", X_INT, 5, 0},
    {NC_("column", "Broken"), "broken", X_INT, 6, 0},
    {NC_("column", "Active"), "active", X_INT, 6, 0},
    {NC_("column", "Completed"), "completed", X_INT, 6, 0},
    {NC_("column", "Cancelled"), "cancelled", X_INT, 6, 0},
    {NC_("column", "Arranged"), "arranged", X_MONEY, 12, 0},
    {NC_("column", "Collected"), "collected", X_MONEY, 12, 0},
    {NC_("column", "To items"), "paid_to_items", X_MONEY, 12, 0},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct arr_perf_row *r = &((struct perf *)arg)->rows[row];

	(void)t;
	(void)buf;
	c[0].s = r->inst_band;
	c[1].s = arr_freq_name(r->freq);
	c[2].s = svc_arr_down_band_name(r->down_band);
	c[3].n = r->grace_days;
	c[4].n = r->misses_allowed;
	c[5].n = r->compliance; /* -1: none fell due */
	c[6].n = r->plans;
	c[7].n = r->fell_due;
	c[8].n = r->broken;
	c[9].n = r->active;
	c[10].n = r->completed;
	c[11].n = r->cancelled;
	c[12].n = r->arranged;
	c[13].n = r->collected;
	c[14].n = r->to_items;
}

/* The groups of the filters in force; on an error (a store's) the
 * groups shown stay, the reason on the message line. */
static int
load(struct perf *p, struct tui *t)
{
	struct arr_perf_row *rows;
	struct pd_err err;
	size_t n, i;

	rows = svc_arr_performance(t->svc, p->f.from[0] ? p->f.from : NULL,
	    p->f.to[0] ? p->f.to : NULL, p->f.segment[0] ? p->f.segment : NULL,
	    &n, &err);
	if (rows == NULL) {
		tui_message(t, 1, "%s", err.msg);
		return -1;
	}
	free(p->rows);
	p->rows = rows;
	p->n = n;
	p->plans = 0;
	for (i = 0; i < n; i++)
		p->plans += rows[i].plans;
	tui_list_set(&p->list, n);
	return 0;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct perf *p = (struct perf *)sc;
	char line[256], num[SVC_COUNT_BUFSZ];
	int y = 2;

	if (p->f.changed) {
		p->f.changed = 0;
		load(p, t);
	}
	svc_count(t->svc, num, sizeof num, (int64_t)p->plans);
	snprintf(line, sizeof line,
	    ngettext("%s payment arrangement by its terms",
	        "%s payment arrangements by their terms",
	        (unsigned long)p->plans),
	    num);
	/* of the plans made at the scope's terminals (issue 23) */
	tui_scope_suffix(t, line, sizeof line, NULL);
	attron(A_BOLD);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	plans_filter_text(t, &p->f, line, sizeof line);
	if (line[0] != '\0')
		tui_text(y++, 2, line, COLS - 4);
	y += tui_wrap(y, 2,
	    _("Compliance: installments paid on time of those that fell due; "
	      "highest first"),
	    COLS - 4, 2);
	attroff(A_DIM);
	y++;
	if (p->n == 0) {
		tui_text(y, 3, _("No payment arrangements"), COLS - 4);
		return;
	}
	tui_list_draw(t, &p->list, y, 2, COLS - 4, LINES - y - 3);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct perf *p = (struct perf *)sc;
	struct tui_screen *next;
	struct payment_filter pf;

	if (tui_list_action(&p->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_FILTER:
		tui_push(t, screen_arr_filter_new(
		                t, &p->f, _("Filter the plans' performance")));
		return TUI_HANDLED;
	case A_EXPORT:
		/* every column of `report arrangements` (listing.c), of the
		 * filters shown */
		memset(&pf, 0, sizeof pf);
		pf.from = p->f.from[0] ? p->f.from : NULL;
		pf.to = p->f.to[0] ? p->f.to : NULL;
		pf.segment = p->f.segment[0] ? p->f.segment : NULL;
		next = screen_export_new(
		    t, LIST_PLAN_PERF, &pf, NULL, NULL, 0, NULL, 0);
		tui_push(t, next);
		return TUI_HANDLED;
	}
	return 0;
}

static void
free_perf(struct tui_screen *sc)
{
	free(((struct perf *)sc)->rows);
}

const struct tui_screen_class screen_arr_report_class = {
    .name = "Plan performance",
    .title = N_("Plan performance"),
    .keys = screen_arr_report_keys,
    .nkeys = TUI_NKEYS(screen_arr_report_keys),
    .draw = draw,
    .action = action,
    .free = free_perf,
};

struct tui_screen *
screen_arr_report_new(struct tui *t)
{
	struct perf *p = xcalloc(1, sizeof *p);

	tui_list_init(&p->list, cols, TUI_NCOLS(cols), cells, p);
	/* the order (highest compliance first), the terms and the plans
	 * kept on a narrow screen; the rest scroll into view */
	p->list.sorted = 5;
	p->list.asc = 0;
	p->list.keep = 0x7f;
	if (load(p, t) != 0) {
		free(p);
		return NULL;
	}
	p->sc.cls = &screen_arr_report_class;
	return &p->sc;
}
