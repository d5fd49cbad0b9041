/* screen_dash_filter.c - the dashboard's report filters (issue 23: the
 * billing manager filters by segment, branch, team member, channel,
 * method and gateway, and the accounting period the dashboard shows,
 * as the command line's kpi --period; else its month or week): a
 * form checked by the command line's parser (svc_filters_parse) when
 * applied, a wrong value named with its field and nothing changed. The
 * filters hold for the figures (svc->narrow) until changed or the next
 * sign-in, and the dashboard names them on its filter line. The Period
 * field is on the form of the screens it has a meaning on (the
 * dashboard's month, the anomalies' days); the aging, the forecast and
 * the deteriorating payers are of today (the open items, the weeks
 * ahead, the last payments and month ends): their form has none, and
 * the period in force stays as it is when it is applied. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_APPLY, A_CLEAR, A_BACK, A_DOWN, A_UP };

static const struct tui_key screen_dash_filter_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("filter", "Apply"),
        N_("apply the filters to the dashboard's figures"), A_APPLY},
    {KEY_F(8), "F8", N_("Clear"), N_("clear every filter"), A_CLEAR},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), A_DOWN},
    {KEY_UP, "Up", NULL, N_("the field above"), A_UP},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without changing them"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help; Ctrl-U clears a field"), -1},
};

/* The filters of the form, in their order; the period is the month the
 * dashboard shows (a calendar month, or a fiscal period: one month). */
static const enum svc_filter shown[] = {SVC_FILTER_SEGMENT, SVC_FILTER_BRANCH,
    SVC_FILTER_USER, SVC_FILTER_CHANNEL, SVC_FILTER_METHOD, SVC_FILTER_GATEWAY,
    SVC_FILTER_PERIOD};
#define NSHOWN ((int)(sizeof shown / sizeof shown[0]))
static const char *const labels[NSHOWN] = {N_("Segment"), N_("Branch"),
    N_("User"), N_("Channel"), N_("Method"), N_("Gateway"), N_("Period")};

/* The texts the figures' filters point into: the process's one copy, so
 * that svc->narrow never points into a screen that is gone. */
#define FILTER_TEXT 65
static char kept[SVC_FILTERS][FILTER_TEXT];
/* the kept period's month (YYYY-MM) and days, "" none */
static char kept_month[8], kept_from[11], kept_to[11];

struct dfilter {
	struct tui_screen sc;
	struct tui_form fm;
	struct tui_form_item items[NSHOWN];
	int n; /* the fields shown: NSHOWN, or without the period */
	/* the command line's report that gives a whole year ("kpi") */
	const char *cli;
};

/* The filters in force into fs (NULL texts: none). */
static void
in_force(struct svc_filters *fs)
{
	int k;

	memset(fs, 0, sizeof *fs);
	for (k = 0; k < SVC_FILTERS; k++)
		if (kept[k][0] != '\0')
			fs->text[k] = kept[k];
}

const char *
dash_filter_title(char *buf, size_t n)
{
	struct svc_filters fs;

	in_force(&fs);
	return svc_filters_title(&fs, buf, n);
}

int
dash_filter_period(char month[8])
{
	if (kept[SVC_FILTER_PERIOD][0] == '\0')
		return 0;
	memcpy(month, kept_month, 8);
	return 1;
}

int
dash_filter_days(char from[11], char to[11])
{
	if (kept[SVC_FILTER_PERIOD][0] == '\0')
		return 0;
	memcpy(from, kept_from, 11);
	memcpy(to, kept_to, 11);
	return 1;
}

void
dash_filter_period_clear(void)
{
	kept[SVC_FILTER_PERIOD][0] = '\0';
	kept_month[0] = kept_from[0] = kept_to[0] = '\0';
}

void
dash_filter_reset(struct tui *t)
{
	memset(kept, 0, sizeof kept);
	kept_month[0] = kept_from[0] = kept_to[0] = '\0';
	t->svc->narrow.branch = t->svc->narrow.recorded_by = NULL;
	t->svc->narrow.method = t->svc->narrow.channel = NULL;
	t->svc->narrow.segment = t->svc->narrow.gateway = NULL;
	t->svc->narrow.period = NULL;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct dfilter *v = (struct dfilter *)sc;
	const struct tui_form_item *it = &v->fm.items[v->fm.focus];
	int y = 2, lw = list_form_width(&v->fm, 12);

	attron(A_BOLD);
	tui_text(y++, 2, _("Filter the dashboard's figures"), COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	y += tui_wrap(y, 2, _("Empty: no filter."), COLS - 4, 2);
	/* (the period is the dashboard's: paydesk(1) says the forms) */
	if (v->n == NSHOWN)
		y += tui_wrap(y, 2,
		    _("Period: the month or fiscal period to show"), COLS - 4,
		    2);
	attroff(A_DIM);
	y++;
	tui_form_draw(t, &v->fm, y, 4, lw, COLS - 8 > 60 ? 60 : COLS - 8);
	t->cur_y = y + v->fm.focus;
	t->cur_x = 4 + lw + 2 + utf8_columns(it->f.buf, it->f.len);
}

/* The period parsed in fs is one the screens show: one month (a fiscal
 * year is twelve, the dashboard's chart holds a month's days: the
 * command line's report v->cli gives it, which the refusal says with
 * one of its periods to choose instead), begun by today. */
static int
period_one(
    const struct dfilter *v, const struct svc_filters *fs, struct pd_err *err)
{
	const char *p = fs->text[SVC_FILTER_PERIOD];
	char today[11], what[160], how[200];

	if (p == NULL)
		return 0;
	if (fs->months > 1) {
		/* two lines: each fits the help's 62 columns */
		snprintf(what, sizeof what,
		    _("Period %s: a whole year; choose one of its periods"), p);
		snprintf(how, sizeof how,
		    _("A month of it, as %s-P03; the year: paydesk %s "
		      "--period %s"),
		    p, v->cli, p);
		return pd_fail(err, PD_EUSAGE, "%s\n%s", what, how);
	}
	svc_today(today);
	if (strcmp(fs->from, today) > 0)
		return pd_fail(err, PD_EINVAL,
		    _("Period %s is still to come (today is %s)"),
		    fs->text[SVC_FILTER_PERIOD], today);
	return 0;
}

/* Check the form's filters as the command line does; in force only
 * when every one is good. */
static int
apply(struct dfilter *v, struct tui *t)
{
	char typed[SVC_FILTERS][FILTER_TEXT];
	struct svc_filters fs;
	struct payment_filter f, was = t->svc->narrow;
	struct pd_err err;
	int i, k;

	memset(typed, 0, sizeof typed);
	memset(&fs, 0, sizeof fs);
	/* a form without the period: the one in force stays */
	snprintf(typed[SVC_FILTER_PERIOD], FILTER_TEXT, "%s",
	    kept[SVC_FILTER_PERIOD]);
	if (typed[SVC_FILTER_PERIOD][0] != '\0')
		fs.text[SVC_FILTER_PERIOD] = typed[SVC_FILTER_PERIOD];
	for (i = 0; i < v->n; i++) {
		k = (int)shown[i];
		snprintf(typed[k], sizeof typed[k], "%s", v->items[i].f.buf);
		/* a field emptied is no filter, the period in force too
		 * (helper-290, fault 5: "Period needs a value") */
		fs.text[k] = typed[k][0] != '\0' ? typed[k] : NULL;
	}
	memset(&f, 0, sizeof f);
	if (svc_filters_parse(t->svc, &fs, SVC_FILTER_ALL, &f, &err) != 0 ||
	    period_one(v, &fs, &err) != 0 ||
	    svc_payment_filter_check(t->svc, &f, &err) != 0) {
		t->svc->narrow = was;
		tui_filter_refused(t, err.msg);
		return TUI_HANDLED;
	}
	dash_filter_reset(t);
	memcpy(kept, typed, sizeof kept);
	/* each as the parser names it: its canonical spelling
	 * ("FY2025-P02", the segment as its consumers have it) */
	for (k = 0; k < SVC_FILTERS; k++)
		if (fs.text[k] != NULL && fs.text[k] != kept[k])
			snprintf(kept[k], FILTER_TEXT, "%s", fs.text[k]);
	/* the values as the parser gives them (a method or channel as
	 * configured: "cash" is Cash, as the command line's; R23 fault 9),
	 * pointing into kept; checked above, so this cannot fail */
	in_force(&fs);
	memset(&f, 0, sizeof f);
	if (svc_filters_parse(t->svc, &fs, SVC_FILTER_ALL, &f, &err) != 0) {
		dash_filter_reset(t);
		tui_filter_refused(t, err.msg);
		return TUI_HANDLED;
	}
	/* named as configured on the filter line and the form */
	if (f.method != NULL && f.method != kept[SVC_FILTER_METHOD])
		snprintf(kept[SVC_FILTER_METHOD], FILTER_TEXT, "%s", f.method);
	if (f.channel != NULL && f.channel != kept[SVC_FILTER_CHANNEL])
		snprintf(kept[SVC_FILTER_CHANNEL], FILTER_TEXT, "%s", f.channel);
	/* and a user as the store has the username (the parser's copy
	 * is fs's, gone once this returns) */
	if (f.recorded_by != NULL) {
		if (f.recorded_by != kept[SVC_FILTER_USER])
			snprintf(kept[SVC_FILTER_USER], FILTER_TEXT, "%s",
			    f.recorded_by);
		f.recorded_by = kept[SVC_FILTER_USER];
	}
	t->svc->narrow.branch = f.branch;
	t->svc->narrow.recorded_by = f.recorded_by;
	t->svc->narrow.method = f.method;
	t->svc->narrow.channel = f.channel;
	t->svc->narrow.segment = f.segment;
	t->svc->narrow.gateway = f.gateway;
	/* into kept: "" once [, ] or Left shows one day or month again
	 * (dash_filter_period_clear); a workbook's heading names it */
	t->svc->narrow.period = f.period;
	/* the month the dashboard shows, the days the anomalies read: the
	 * period's */
	snprintf(kept_month, sizeof kept_month, "%.7s", fs.from);
	snprintf(kept_from, sizeof kept_from, "%s", fs.from);
	snprintf(kept_to, sizeof kept_to, "%s", fs.to);
	t->list_gen++; /* the dashboard reads its figures again */
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct dfilter *v = (struct dfilter *)sc;
	int i;

	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_DOWN:
	case A_UP:
		tui_form_input(&v->fm, a == A_DOWN ? KEY_DOWN : KEY_UP, 0);
		return TUI_HANDLED;
	case A_CLEAR:
		for (i = 0; i < v->n; i++) {
			v->items[i].f.buf[0] = '\0';
			v->items[i].f.len = 0;
		}
		return TUI_HANDLED;
	case A_APPLY:
		return apply(v, t);
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct dfilter *v = (struct dfilter *)sc;

	return tui_form_key(t, &v->fm, key, ch) != 0 ? TUI_HANDLED : 0;
}

const struct tui_screen_class screen_dash_filter_class = {
    .name = "Dashboard filters",
    .title = N_("Dashboard filters"),
    .keys = screen_dash_filter_keys,
    .nkeys = TUI_NKEYS(screen_dash_filter_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .fields = 1,
};

struct tui_screen *
screen_dash_filter_new(struct tui *t, const char *cli)
{
	struct dfilter *v = xcalloc(1, sizeof *v);
	int i;

	(void)t;
	/* the period last (shown[]): the screens of today go without it */
	v->n = cli != NULL ? NSHOWN : NSHOWN - 1;
	v->cli = cli;
	for (i = 0; i < v->n; i++)
		tui_form_text(&v->items[i], _(labels[i]), FILTER_TEXT - 1,
		    kept[shown[i]]);
	v->fm.items = v->items;
	v->fm.n = v->n;
	v->sc.cls = &screen_dash_filter_class;
	v->sc.typing = 1;
	return &v->sc;
}
