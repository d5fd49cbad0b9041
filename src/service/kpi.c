/* kpi.c - collection KPIs for a month and a day.
 *
 * Total Collected: sum of Posted payments dated in the month (voided
 *   payments are Voided, pending ones Pending: neither counts).
 * Received Today: sum and count of Posted payments dated on the day.
 * Collection Rate: Total Collected / Total Due x 100, Total Due being the
 *   amount of the items (bills, services, installments) due in the month.
 * Average Collection Time: mean of the days from an item's issue date to
 *   the date of the payment allocated to it, over the month's allocations
 *   of Posted payments (a payment made before the issue date counts 0).
 */
#include <string.h>

#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/service.h"

int64_t
svc_change_tenths(int64_t cur, int64_t prev)
{
	if (prev == 0)
		return 0;
	return money_ratio_tenths(cur - prev, prev > 0 ? prev : -prev);
}

int
svc_kpi(struct svc *s, const char *month, const char *day, struct kpi *k,
    struct pd_err *err)
{
	int32_t first, last, d, pf, pl;
	char today[11];

	memset(k, 0, sizeof *k);
	svc_today(today);
	if (day != NULL) {
		if (date_parse(day, "day", &d, err) != 0)
			return -1;
	} else
		date_parse(today, NULL, &d, NULL);
	if (month != NULL) {
		if (month_parse(month, "month", &first, &last, err) != 0)
			return -1;
	} else {
		first = month_first_day(d);
		last = month_last_day(d);
	}
	pl = first - 1;
	pf = month_first_day(pl);
	date_format(k->from, first);
	date_format(k->to, last);
	date_format(k->day, d);
	date_format(k->prev_from, pf);
	date_format(k->prev_to, pl);
	if (store_kpi(s->st, k->from, k->to, k->day, &k->cur, err) != 0 ||
	    store_kpi(s->st, k->prev_from, k->prev_to, k->prev_to, &k->prev,
	        err) != 0 ||
	    store_outstanding(s->st, today, &k->out, err) != 0)
		return -1;
	k->rate_tenths = money_ratio_tenths(k->cur.collected, k->cur.due_total);
	k->prev_rate_tenths =
	    money_ratio_tenths(k->prev.collected, k->prev.due_total);
	k->avg_tenths = k->cur.alloc_count
	                    ? (k->cur.alloc_days * 20 + k->cur.alloc_count) /
	                          (k->cur.alloc_count * 2)
	                    : 0;
	k->prev_avg_tenths =
	    k->prev.alloc_count
	        ? (k->prev.alloc_days * 20 + k->prev.alloc_count) /
	              (k->prev.alloc_count * 2)
	        : 0;
	k->avg_past_due_tenths =
	    k->out.overdue_items
	        ? (k->out.days_past_due * 20 + k->out.overdue_items) /
	              (k->out.overdue_items * 2)
	        : 0;
	return 0;
}
