/* forecast.c - the cash-flow forecast (issue 23): the weeks around
 * today, each to the store for its figures (store/forecast.c), the rule
 * in core/forecast.c. A supervisor's report, like the aging report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/forecast.h"
#include "paydesk/xmalloc.h"

/* The organisation's due and on-time amounts by due day, read once for
 * every week's history (store_forecast_org_days). */
struct org_days {
	int32_t *day;
	int64_t *due, *on_time;
	size_t n, cap;
};

static int
org_day(const char *day, int64_t due, int64_t on_time, void *arg)
{
	struct org_days *o = arg;
	int32_t d;

	if (date_parse(day, "Due date", &d, NULL) != 0)
		return 0;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 512;
		o->day = xrealloc(o->day, o->cap, sizeof *o->day);
		o->due = xrealloc(o->due, o->cap, sizeof *o->due);
		o->on_time = xrealloc(o->on_time, o->cap, sizeof *o->on_time);
	}
	o->day[o->n] = d;
	o->due[o->n] = due;
	o->on_time[o->n++] = on_time;
	return 0;
}

/* w's history: the days of the FORECAST_HISTORY_DAYS before its as_of. */
static void
org_of(const struct org_days *o, struct forecast_week *w, int32_t as_of)
{
	size_t i;

	w->org_known = 1;
	w->org_due = w->org_on_time = 0;
	for (i = 0; i < o->n; i++)
		if (o->day[i] >= as_of - FORECAST_HISTORY_DAYS &&
		    o->day[i] < as_of) {
			w->org_due += o->due[i];
			w->org_on_time += o->on_time[i];
		}
}

static void
org_free(struct org_days *o)
{
	free(o->day);
	free(o->due);
	free(o->on_time);
}

/* The week starting on day first: its days, the day its figures stand
 * at the start of, and the first day they do not know: a past week
 * knows the items issued or entered, the plans and the credit notes of
 * its first day (a bill issued that day was in the books that day; review
 * s52: left out), not its payments, which are what came in. */
static void
week_of(struct forecast_week *w, int32_t first, int32_t as_of, int past)
{
	memset(w, 0, sizeof *w);
	date_format(w->from, first);
	date_format(w->to, first + 6);
	date_format(w->as_of, as_of);
	date_format(w->known_to, past ? as_of + 1 : as_of);
	w->past = past;
}

static int
check_weeks(int weeks, int past, struct pd_err *err)
{
	if (weeks < 1 || weeks > FORECAST_WEEKS_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("--weeks %d: a number of weeks from 1 to %d"), weeks,
		    FORECAST_WEEKS_MAX);
	if (past < 0 || past > FORECAST_WEEKS_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("--past %d: a number of weeks from 0 to %d"), past,
		    FORECAST_WEEKS_MAX);
	return 0;
}

/* the page cache of the forecast's reads: the consumers' histories are
 * read in order of consumer across every week, each page of the rollup
 * once, and each week's consumers are grouped in memory, not in a
 * temporary file (as the sync and the deposits' matching do) */
#define FORECAST_CACHE_KB 131072

int
svc_forecast(struct svc *s, int weeks, int past, const char *segment,
    forecast_cb cb, void *arg, struct forecast_totals *f, struct pd_err *err)
{
	static const int spans[3] = {4, 8, 13};
	struct forecast_week w[FORECAST_WEEKS_MAX * 2], *x;
	struct payment_filter sc;
	struct org_days o;
	char from[11], to[11];
	int32_t today, first;
	int k, i, n = 0, rc = -1;

	memset(f, 0, sizeof *f);
	if (svc_require(s, ROLE_SUPERVISOR, _("The forecast"), err) != 0 ||
	    check_weeks(weeks, past, err) != 0 ||
	    (segment != NULL &&
	        (svc_check_text(_("Segment"), segment, 32, 1, err) != 0 ||
	            svc_segment_canon(s, &segment, err) != 0)))
		return -1;
	/* the scope in force and its team (issue 23: a branch's past weeks
	 * count its payments only, as its KPIs do), and the segment; the
	 * items belong to no terminal: the organisation's, or the
	 * segment's */
	memset(&sc, 0, sizeof sc);
	sc.status = -1;
	sc.type = -1;
	sc.segment = segment;
	/* and the report filters' branch and user (s->narrow): whose
	 * payments the past weeks' came in and collected are (review R23
	 * 10); the items, of no branch or user, stay the segment's */
	sc.branch = s->narrow.branch;
	sc.recorded_by = s->narrow.recorded_by;
	svc_scope_filter(s, &sc);
	svc_today(f->as_of);
	if (date_parse(f->as_of, "Today", &today, err) != 0)
		return -1;
	first = week_start_day(today, config_week_start(&s->cfg));
	/* the organisation's history of every week, in one pass */
	memset(&o, 0, sizeof o);
	date_format(from, first - 7 * past - FORECAST_HISTORY_DAYS);
	date_format(to, today + 1);
	if (store_forecast_org_days(s->st, from, to, org_day, &o, err) != 0)
		goto out;
	for (k = past; k >= 1; k--) {
		week_of(&w[n], first - 7 * k, first - 7 * k, 1);
		org_of(&o, &w[n++], first - 7 * k);
	}
	for (k = 0; k < weeks; k++) {
		/* the history of the items due before today: one due
		 * today is not late yet (review R23b) */
		week_of(&w[n], first + 7 * k, today + 1, 0);
		org_of(&o, &w[n++], today);
	}
	/* every week in one pass (store_forecast_weeks) */
	store_cache_kb(s->st, FORECAST_CACHE_KB);
	i = store_forecast_weeks(
	    s->st, w, (size_t)n, svc_narrowed(&sc) ? &sc : NULL, err);
	store_cache_kb(s->st, 0);
	if (i != 0)
		goto out;
	for (x = w; x < w + n; x++) {
		if (!x->past) {
			k = (int)(x - w) - past;
			f->open_ahead += x->open;
			f->expected += x->expected;
			for (i = 0; i < 3; i++)
				if (k < spans[i])
					f->ahead[i] += x->expected;
		}
		if (cb(x, arg) != 0)
			goto out;
	}
	/* what is overdue before the current week: owed, not forecast */
	date_format(from, first);
	if (store_forecast_arrears(s->st, from, segment, &f->arrears, err) != 0)
		goto out;
	rc = 0;
out:
	org_free(&o);
	return rc;
}

const char *
svc_forecast_scope_title(const struct svc *s, char *buf, size_t n)
{
	char title[128];

	svc_scope_title(s, title, sizeof title);
	/* the organisation's whole: the weeks ahead and behind alike */
	if (svc_scope_now(s) == SVC_SCOPE_ORG && svc_scope_team(s) == NULL)
		snprintf(buf, n, "%s", title);
	else
		snprintf(buf, n,
		    _("%s (the past weeks' payments; the weeks ahead: the "
		      "organisation's open items, the same in every scope)"),
		    title);
	return buf;
}
