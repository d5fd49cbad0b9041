/* kpi.c - collection KPIs for a month and a day.
 *
 * Total Collected: sum of Posted payments dated in the month (voided
 *   payments are Voided, pending ones Pending: neither counts).
 * Received Today: sum and count of Posted payments dated on the day.
 * Collection Rate: of the amount that fell due in the period (the
 *   items, bills, services and installments, due in it: Total Due; in
 *   the current period only those due before today, what has fallen
 *   due so far, so that the first of the month is not 0.0 %), the
 *   share that Posted payments dated up to the period's last day paid,
 *   each item counted up to its amount (issue 17: Total Collected / Total
 *   Due read 7,726.1 % for a week with $100 due, as collections pay
 *   arrears and items due later). 0-100 %; a week, a month alike.
 * Average Collection Time: mean of the days from an item's issue date to
 *   the date of the payment allocated to it, over the month's allocations
 *   of Posted payments (a payment made before the issue date counts 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"
#include "paydesk/money.h"

int64_t
svc_change_tenths(int64_t cur, int64_t prev)
{
	if (cur == KPI_NONE || prev == KPI_NONE)
		return KPI_NONE;
	if (prev == 0) /* no change from nothing, else no ratio to give */
		return cur == 0 ? 0 : KPI_NONE;
	return money_ratio_tenths(cur - prev, prev > 0 ? prev : -prev);
}

/* KPI_NONE where a period has nothing a figure is computed from (issue
 * 17 section 4): a rate without amounts due, a collection time without
 * payments allocated to an item, and a change where either period has
 * nothing (payments collected, amounts due, allocations, the day's
 * payments). The dashboard shows "—", kpi prints "—" and null. */
static void
no_data(struct kpi *k)
{
	int paid = k->cur.collected_count > 0,
	    ppaid = k->prev.collected_count > 0;
	int due = k->cur.due_total > 0, pdue = k->prev.due_total > 0;
	int alloc = k->cur.alloc_count > 0, palloc = k->prev.alloc_count > 0;

	if (!(paid && ppaid))
		k->chg_collected = KPI_NONE;
	if (!(k->cur.day_count > 0 && k->prev_day_count > 0))
		k->chg_today = KPI_NONE;
	if (!(due && pdue))
		k->chg_rate = KPI_NONE;
	if (!(alloc && palloc))
		k->chg_avg = KPI_NONE;
	if (!due)
		k->rate_tenths = KPI_NONE;
	if (!pdue)
		k->prev_rate_tenths = KPI_NONE;
	if (!alloc)
		k->avg_tenths = KPI_NONE;
	if (!palloc)
		k->prev_avg_tenths = KPI_NONE;
}

/* A period that begins after today has no data yet: refused, as the
 * dashboard stops at the current month (issue 17 section 4). fmt is the
 * whole sentence with the period's value and today (a noun put before the
 * value read "Mes 2027-05 está..." without its article, issue 17). */
static int
not_future(struct svc *s, int32_t first, const char *fmt, const char *text,
    struct pd_err *err)
{
	char today[11], shown[SVC_DATE_BUFSZ];
	int32_t t;

	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	if (first <= t)
		return 0;
	return pd_fail(
	    err, PD_EINVAL, fmt, text, svc_date(s, shown, sizeof shown, today));
}

/* The KPIs of the period first..last against pf..pl, Received Today on
 * day d (against the day before). */
static int
kpi_periods(struct svc *s, int32_t first, int32_t last, int32_t pf, int32_t pl,
    int32_t d, struct kpi *k, struct pd_err *err)
{
	struct payment_filter sc;
	char today[11];
	int64_t moved;
	int32_t t;

	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	date_format(k->due_to, last < t ? last : t - 1);
	date_format(k->from, first);
	date_format(k->to, last);
	date_format(k->day, d);
	date_format(k->prev_from, pf);
	date_format(k->prev_to, pl);
	date_format(k->prev_day, d - 1);
	svc_figure_filter(s, &sc);
	if (store_kpi_scoped(s->st, &sc, k->from, k->to, k->due_to, k->day,
	        &k->cur, err) != 0 ||
	    store_kpi_scoped(s->st, &sc, k->prev_from, k->prev_to, k->prev_to,
	        k->prev_day, &k->prev, err) != 0 ||
	    store_outstanding(s->st, today, sc.segment, &k->out, err) != 0 ||
	    store_moved_after(s->st, sc.segment, k->from, k->due_to, k->to,
	        &moved, err) != 0)
		return -1;
	k->cur.due_total += moved;
	if (store_moved_after(s->st, sc.segment, k->prev_from, k->prev_to,
	        k->prev_to, &moved, err) != 0)
		return -1;
	k->prev.due_total += moved;
	/* the charges cancelled here, which no other node had, are due
	 * nowhere (store_due_cancelled) */
	if (store_due_cancelled(
	        s->st, sc.segment, k->from, k->due_to, &moved, err) != 0)
		return -1;
	k->cur.due_total -= moved;
	if (store_due_cancelled(
	        s->st, sc.segment, k->prev_from, k->prev_to, &moved, err) != 0)
		return -1;
	k->prev.due_total -= moved;
	k->rate_tenths = money_ratio_tenths(k->cur.due_paid, k->cur.due_total);
	k->prev_rate_tenths =
	    money_ratio_tenths(k->prev.due_paid, k->prev.due_total);
	k->avg_tenths = k->cur.alloc_count
	                    ? (k->cur.alloc_days * 20 + k->cur.alloc_count) /
	                          (k->cur.alloc_count * 2)
	                    : 0;
	k->prev_avg_tenths =
	    k->prev.alloc_count
	        ? (k->prev.alloc_days * 20 + k->prev.alloc_count) /
	              (k->prev.alloc_count * 2)
	        : 0;
	k->prev_day_total = k->prev.day_total;
	k->prev_day_count = k->prev.day_count;
	k->chg_collected =
	    svc_change_tenths(k->cur.collected, k->prev.collected);
	k->chg_today = svc_change_tenths(k->cur.day_total, k->prev_day_total);
	k->chg_rate = svc_change_tenths(k->rate_tenths, k->prev_rate_tenths);
	/* from the sums: the averages shown are rounded to a tenth */
	k->chg_avg = KPI_NONE;
	k->avg_diff_tenths = KPI_NONE;
	if (k->cur.alloc_count > 0 && k->prev.alloc_count > 0) {
		int64_t num = k->cur.alloc_days * k->prev.alloc_count -
		              k->prev.alloc_days * k->cur.alloc_count;
		int64_t both = k->cur.alloc_count * k->prev.alloc_count;

		k->avg_diff_tenths = money_ratio_tenths(num, both * 100);
		k->chg_avg = k->prev.alloc_days > 0
		                 ? money_ratio_tenths(num,
		                       k->prev.alloc_days * k->cur.alloc_count)
		                 : (num == 0 ? 0 : KPI_NONE);
	}
	/* nothing overdue: no average of it, "—" (review R23), not 0.0 */
	k->avg_past_due_tenths =
	    k->out.overdue_items
	        ? (k->out.days_past_due * 20 + k->out.overdue_items) /
	              (k->out.overdue_items * 2)
	        : KPI_NONE;
	no_data(k);
	return 0;
}

int
svc_kpi(struct svc *s, const char *month, const char *day, struct kpi *k,
    struct pd_err *err)
{
	int32_t first, last, d;
	char today[11];

	memset(k, 0, sizeof *k);
	svc_today(today);
	if (day != NULL) {
		if (date_parse(day, _("Day"), &d, err) != 0 ||
		    not_future(s, d,
		        _("Day %s is in the future (today is %s): there is no "
		          "data for it yet"),
		        day, err) != 0)
			return -1;
	} else
		date_parse(today, NULL, &d, NULL);
	if (month != NULL) {
		if (month_parse(month, _("Month"), &first, &last, err) != 0 ||
		    not_future(s, first,
		        _("Month %s is in the future (today is %s): there is "
		          "no "
		          "data for it yet"),
		        month, err) != 0)
			return -1;
	} else {
		first = month_first_day(d);
		last = month_last_day(d);
	}
	return kpi_periods(
	    s, first, last, month_first_day(first - 1), first - 1, d, k, err);
}

int
svc_kpi_period(struct svc *s, const struct svc_filters *fs, const char *day,
    struct kpi *k, struct pd_err *err)
{
	int32_t first, last, d;
	int y, m, dd;
	char today[11];

	if (fs->from[0] == '\0')
		return svc_kpi(s, NULL, day, k, err);
	memset(k, 0, sizeof *k);
	date_parse(fs->from, NULL, &first, NULL);
	date_parse(fs->to, NULL, &last, NULL);
	if (not_future(s, first,
	        _("Period %s is in the future (today is %s): there is no data "
	          "for it yet"),
	        fs->text[SVC_FILTER_PERIOD], err) != 0)
		return -1;
	svc_today(today);
	if (day != NULL) {
		if (date_parse(day, _("Day"), &d, err) != 0 ||
		    not_future(s, d,
		        _("Day %s is in the future (today is %s): there is no "
		          "data for it yet"),
		        day, err) != 0)
			return -1;
	} else
		date_parse(today, NULL, &d, NULL);
	/* against the same number of months before it */
	date_civil(first, &y, &m, &dd);
	m -= fs->months;
	while (m < 1) {
		m += 12;
		y--;
	}
	return kpi_periods(s, first, last, date_days(y, m, 1), first - 1, d, k,
	    err);
}

void
svc_month_step(const char *month, int delta, char out[8])
{
	int y = 0, m = 0;

	if (sscanf(month, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12) {
		y = 1970;
		m = 1;
	}
	m += delta;
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	if (y < 1900)
		y = 1900, m = 1;
	if (y > 9999)
		y = 9999, m = 12;
	snprintf(out, 8, "%04d-%02d", y, m);
}

static int
add_day(const char *day, int64_t amount, int64_t count, void *arg)
{
	struct dashboard *d = arg;
	int32_t on, first;
	int i;

	if (date_parse(day, NULL, &on, NULL) != 0 ||
	    date_parse(d->k.from, NULL, &first, NULL) != 0)
		return 0;
	i = (int)(on - first);

	if (i >= 0 && i < d->ndays) {
		d->day_amount[i] = amount;
		d->day_count[i] = count;
	}
	return 0;
}

/* A share into rows (*n of DASH_METHODS), in the order they come. */
static void
add_share(struct dash_share *rows, int *n, const char *name, int64_t amount,
    int64_t count)
{
	int i = *n < DASH_METHODS ? (*n)++ : DASH_METHODS - 1;

	if (i == DASH_METHODS - 1 && rows[i].count > 0)
		snprintf(rows[i].name, sizeof rows[i].name, "%s",
		    _("Other")); /* the ones past the last slot */
	else
		snprintf(rows[i].name, sizeof rows[i].name, "%s", name);
	rows[i].amount += amount;
	rows[i].count += count;
}

static int
add_method(const char *method, int64_t amount, int64_t count, void *arg)
{
	struct dashboard *d = arg;

	add_share(d->methods, &d->nmethods, method, amount, count);
	return 0;
}

static int
add_gateway(const struct split_row *r, void *arg)
{
	struct dashboard *d = arg;

	add_share(d->gateways, &d->ngateways, r->key, r->amount, r->count);
	return 0;
}

static int
by_amount(const void *a, const void *b)
{
	const struct dash_share *x = a, *y = b;

	return (x->amount < y->amount) - (x->amount > y->amount);
}

/* The period's collections per gateway: the gateways' payments read
 * alone, the counters' what is left of the methods' total. */
static int
dashboard_gateways(struct svc *s, struct dashboard *d, struct pd_err *err)
{
	struct payment_filter f;
	int64_t amount = 0, count = 0;
	int i;

	svc_figure_filter(s, &f);
	f.from = d->k.from;
	f.to = d->k.to;
	if (store_split(s->st, &f, SPLIT_GATEWAYS_ONLY, add_gateway, d, err) !=
	    0)
		return -1;
	for (i = 0; i < d->nmethods; i++) {
		amount += d->methods[i].amount;
		count += d->methods[i].count;
	}
	for (i = 0; i < d->ngateways; i++) {
		amount -= d->gateways[i].amount;
		count -= d->gateways[i].count;
	}
	if (count > 0)
		add_share(d->gateways, &d->ngateways, _("At a counter"), amount,
		    count);
	qsort(d->gateways, (size_t)d->ngateways, sizeof d->gateways[0],
	    by_amount);
	return 0;
}

/* The days and methods of the period d->k says, of the scope in force. */
static int
dashboard_fill(struct svc *s, struct dashboard *d, struct pd_err *err)
{
	struct payment_filter sc;
	int32_t first, last;

	date_parse(d->k.from, NULL, &first, NULL);
	date_parse(d->k.to, NULL, &last, NULL);
	d->ndays = (int)(last - first + 1);
	svc_figure_filter(s, &sc);
	/* the organisation's from the rollups, a scope's or a filter's from
	 * its payments, days and methods read together */
	if (store_daily_scoped(s->st, &sc, d->k.from, d->k.to, add_day,
	        add_method, d, err) != 0)
		return -1;
	return dashboard_gateways(s, d, err);
}

int
svc_dashboard(
    struct svc *s, const char *month, struct dashboard *d, struct pd_err *err)
{
	memset(d, 0, sizeof *d);
	if (svc_kpi(s, month, NULL, &d->k, err) != 0)
		return -1;
	return dashboard_fill(s, d, err);
}

int
svc_dashboard_week(
    struct svc *s, const char *day, struct dashboard *d, struct pd_err *err)
{
	int32_t on, first, today;
	char t[11];

	memset(d, 0, sizeof *d);
	svc_today(t);
	date_parse(t, NULL, &today, NULL);
	on = today;
	if (day != NULL &&
	    (date_parse(day, "Day", &on, err) != 0 ||
	        not_future(s, week_start_day(on, config_week_start(&s->cfg)),
	            _("The week of %s is in the future (today is %s): there is "
	              "no data for it yet"),
	            day, err) != 0))
		return -1;
	first = week_start_day(on, config_week_start(&s->cfg));
	if (kpi_periods(s, first, first + 6, first - 7, first - 1, today, &d->k,
	        err) != 0)
		return -1;
	return dashboard_fill(s, d, err);
}

void
svc_day_step(const char *day, int delta, char out[11])
{
	int32_t d;

	if (date_parse(day, NULL, &d, NULL) != 0)
		d = 0;
	d += delta;
	if (d < date_days(1900, 1, 1) || d > date_days(9999, 12, 31))
		d -= delta;
	date_format(out, d);
}

int
svc_open_rows(struct svc *s, open_cb cb, void *arg, struct pd_err *err)
{
	char today[11];

	/* consumers' names and what they owe: the aging report's role */
	if (svc_require(s, ROLE_SUPERVISOR,
	        _("The list of the outstanding items"), err) != 0)
		return -1;
	svc_today(today);
	return store_open_rows(s->st, s->narrow.segment, today, cb, arg, err);
}

int
svc_rate_rows(struct svc *s, const struct kpi *k, rate_cb cb, void *arg,
    struct pd_err *err)
{
	struct payment_filter sc;

	/* consumers' names and what they paid: the payers report's role */
	if (svc_require(s, ROLE_SUPERVISOR,
	        _("The list of the collection rate's items"), err) != 0)
		return -1;
	svc_figure_filter(s, &sc);
	return store_rate_rows(
	    s->st, &sc, k->from, k->to, k->due_to, cb, arg, err);
}

int
svc_time_rows(struct svc *s, const struct kpi *k, time_cb cb, void *arg,
    struct pd_err *err)
{
	struct payment_filter sc;

	/* consumers' names and what they paid: the payers report's role */
	if (svc_require(s, ROLE_SUPERVISOR,
	        _("The list of the collection time's payments"), err) != 0)
		return -1;
	svc_figure_filter(s, &sc);
	return store_time_rows(s->st, &sc, k->from, k->to, cb, arg, err);
}
