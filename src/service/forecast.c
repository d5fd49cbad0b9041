/* forecast.c - the cash-flow forecast (issue 23): the weeks around
 * today, each to the store for its figures (store/forecast.c), the rule
 * in core/forecast.c. A supervisor's report, like the aging report. */
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/forecast.h"

/* The week starting on day first: its days and the day its figures
 * stand at the start of. */
static void
week_of(struct forecast_week *w, int32_t first, int32_t as_of, int past)
{
	memset(w, 0, sizeof *w);
	date_format(w->from, first);
	date_format(w->to, first + 6);
	date_format(w->as_of, as_of);
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

int
svc_forecast(struct svc *s, int weeks, int past, forecast_cb cb, void *arg,
    struct forecast_totals *f, struct pd_err *err)
{
	static const int spans[3] = {4, 8, 13};
	struct forecast_week w;
	int64_t org_due = 0, org_on_time = 0;
	int32_t today, first;
	int k, i;

	memset(f, 0, sizeof *f);
	if (svc_require(s, ROLE_SUPERVISOR, _("The forecast"), err) != 0 ||
	    check_weeks(weeks, past, err) != 0)
		return -1;
	svc_today(f->as_of);
	if (date_parse(f->as_of, "Today", &today, err) != 0)
		return -1;
	first = week_start_day(today, config_week_start(&s->cfg));
	for (k = past; k >= 1; k--) {
		week_of(&w, first - 7 * k, first - 7 * k, 1);
		if (store_forecast_week(s->st, &w, err) != 0 ||
		    cb(&w, arg) != 0)
			return -1;
	}
	for (k = 0; k < weeks; k++) {
		week_of(&w, first + 7 * k, today + 1, 0);
		if (k > 0) { /* the same as_of: the organisation's as read */
			w.org_known = 1;
			w.org_due = org_due;
			w.org_on_time = org_on_time;
		}
		if (store_forecast_week(s->st, &w, err) != 0)
			return -1;
		org_due = w.org_due;
		org_on_time = w.org_on_time;
		f->open_ahead += w.open;
		f->expected += w.expected;
		for (i = 0; i < 3; i++)
			if (k < spans[i])
				f->ahead[i] += w.expected;
		if (cb(&w, arg) != 0)
			return -1;
	}
	/* what is overdue before the current week: owed, not forecast */
	date_format(w.from, first);
	if (store_forecast_arrears(s->st, w.from, &f->arrears, err) != 0)
		return -1;
	return 0;
}
