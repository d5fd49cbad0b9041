/* forecast.h - the cash-flow forecast (issue 23, "Forecast and
 * behaviour"; seeds 002 and 003: a billing manager forecasts incoming
 * cash): the open items falling due in each week, weighted by their
 * consumer's own history of paying on time. Money in minor units, days
 * as "YYYY-MM-DD". The method, as paydesk(1) states it:
 *
 *   expected(consumer, week) = open(consumer, week) x on_time / due
 *
 * open: what the consumer's items due in the week still owe at the start
 * of the day the forecast is made "as of"; due and on_time: over the
 * consumer's items due in the FORECAST_HISTORY_DAYS days before that day,
 * their amounts and what was allocated to them on or before their due
 * date. A consumer with no such items takes the organisation's ratio over
 * the same days; an organisation with none, 1 (the face value). Rounded
 * half up to a minor unit, per consumer and week. No I/O here. */
#ifndef PAYDESK_FORECAST_H
#define PAYDESK_FORECAST_H
#include <stdint.h>

/* the history a consumer's on-time ratio is read over, in days */
#define FORECAST_HISTORY_DAYS 365
/* the weeks a forecast may look ahead (4, 8 and 13 are the issue's) and
 * back (the past weeks shown against what came in) */
#define FORECAST_WEEKS_MAX 26

/* What open (minor units, >= 0) is expected to bring in: open x on_time /
 * due when due > 0, else x org_on_time / org_due when org_due > 0, else
 * open. A ratio is taken between 0 and 1 (on_time below 0 counts as 0,
 * above due as due). Exact: 128-bit intermediate, half up. */
/* One week of a forecast: from (its first day) to (its last), as of (the
 * day the figures stand at the start of: today + 1 for the weeks ahead,
 * the week's first day for the past ones), known_to (the first day whose
 * items, plans and credit notes the figures do not know: today + 1 for
 * the weeks ahead, the day after its first day for the past ones, which
 * know what was issued, entered or arranged on their first day; review
 * s52). What was paid from as_of on is not taken off: a past week's
 * came_in. Minor units. */
struct forecast_week {
	char from[11], to[11], as_of[11], known_to[11];
	int past;         /* a week before the current one */
	int64_t open;     /* owed at as_of by the items due in the week */
	int64_t expected; /* the forecast: sum of forecast_expect per consumer */
	int64_t consumers; /* with something open in the week */
	int64_t came_in;   /* past weeks: allocated to those items in the week */
	int64_t collected; /* past weeks: every Posted payment of the week */
	/* the organisation's due and on-time amounts of the year before
	 * as_of: read by store_forecast_week unless org_known (svc_forecast
	 * reads every week's in one pass, store_forecast_org_days) */
	int org_known;
	int64_t org_due, org_on_time;
};

int64_t forecast_expect(int64_t open, int64_t due, int64_t on_time,
    int64_t org_due, int64_t org_on_time);

#endif
