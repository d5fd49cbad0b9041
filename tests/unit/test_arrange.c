/* test_arrange.c - unit tests of arrangements' schedule and compliance
 * (src/core/arrange.c, issue 21), to the cent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "paydesk/arrange.h"
#include "paydesk/date.h"

static int32_t
day(const char *s)
{
	struct pd_err err;
	int32_t d = 0;

	assert_int_equal(date_parse(s, "day", &d, &err), 0);
	return d;
}

/* The schedule of the terms, checked line by line against "due amount"
 * pairs, and that it adds up to the debt. */
static void
check(int64_t debt, int64_t down, int n, enum arr_freq f, const char *today,
    const char *first, const char *const *want)
{
	struct arr_terms t = {debt, down, n, f, day(today), day(first)};
	struct arr_line l[ARR_INST_MAX + 1];
	struct pd_err err;
	char d[DATE_BUFSZ], got[64];
	int64_t sum = 0;
	int k, i;

	assert_int_equal(arr_schedule(&t, NULL, l, &k, &err), 0);
	assert_int_equal(k, n + (down > 0));
	for (i = 0; i < k; i++) {
		snprintf(got, sizeof got, "%s %lld", date_format(d, l[i].due),
		    (long long)l[i].amount);
		if (want != NULL)
			assert_string_equal(got, want[i]);
		assert_int_equal(l[i].down, down > 0 && i == 0);
		sum += l[i].amount;
	}
	assert_int_equal(sum, debt);
}

static void
seven_installments(void **state)
{
	/* 1000.00 is not divisible by 7: 142.85 six times, 142.90 last */
	static const char *const w[] = {"2025-03-01 14285", "2025-03-08 14285",
	    "2025-03-15 14285", "2025-03-22 14285", "2025-03-29 14285",
	    "2025-04-05 14285", "2025-04-12 14290"};
	/* odd amount, a down payment, fortnightly over a leap day */
	static const char *const w2[] = {"2024-02-10 3333", "2024-02-15 1381",
	    "2024-02-29 1381", "2024-03-14 1381", "2024-03-28 1381",
	    "2024-04-11 1381", "2024-04-25 1381", "2024-05-09 1382"};

	(void)state;
	check(100000, 0, 7, ARR_WEEKLY, "2025-02-20", "2025-03-01", w);
	/* 13 999 - 3 333 = 10 666 = 7 x 1 523 + 5: the last 1 528 */
	check(
	    13999, 3333, 7, ARR_FORTNIGHTLY, "2024-02-10", "2024-02-15", NULL);
	/* 13 001 - 3 333 = 9 668 = 7 x 1 381 + 1 */
	check(13001, 3333, 7, ARR_FORTNIGHTLY, "2024-02-10", "2024-02-15", w2);
	/* one cent over seven installments: refused; seven cents: one each */
	check(7, 0, 7, ARR_WEEKLY, "2025-01-01", "2025-01-01", NULL);
	check(100001, 1, 1, ARR_MONTHLY, "2025-01-01", "2025-01-31", NULL);
}

static void
months_of_28_to_31_days(void **state)
{
	/* the 31st keeps its anchor: Feb 28 (29 in a leap year), Mar 31,
	 * Apr 30, and the 1 cent remainder on the last */
	static const char *const w[] = {"2025-01-31 3333", "2025-02-28 3333",
	    "2025-03-31 3333", "2025-04-30 3334"};
	static const char *const leap[] = {"2024-01-31 2500", "2024-02-29 2500",
	    "2024-03-31 2500", "2024-04-30 2500"};
	/* the 30th: February clamped, then the 30th again; over a year's
	 * end */
	static const char *const w30[] = {"2025-11-30 33", "2025-12-30 33",
	    "2026-01-30 33", "2026-02-28 33", "2026-03-30 35"};
	/* 2100 is not a leap year, 2000 was */
	static const char *const c[] = {"2100-01-29 50", "2100-02-28 50"};
	static const char *const c2[] = {"2000-01-29 50", "2000-02-29 50"};
	static const char *const end[] = {
	    "9999-10-31 100", "9999-11-30 100", "9999-12-31 100"};

	(void)state;
	check(13333, 0, 4, ARR_MONTHLY, "2025-01-02", "2025-01-31", w);
	check(10000, 0, 4, ARR_MONTHLY, "2024-01-02", "2024-01-31", leap);
	check(167, 0, 5, ARR_MONTHLY, "2025-11-01", "2025-11-30", w30);
	check(100, 0, 2, ARR_MONTHLY, "2100-01-01", "2100-01-29", c);
	check(100, 0, 2, ARR_MONTHLY, "2000-01-01", "2000-01-29", c2);
	/* a schedule ending on the last day a store's date can be */
	check(300, 0, 3, ARR_MONTHLY, "9999-06-01", "9999-10-31", end);
	/* 120 months from a 31st: every line a real day, the sum exact */
	check(99999999, 12345, ARR_INST_MAX, ARR_MONTHLY, "2025-01-01",
	    "2025-01-31", NULL);
}

static void
refuse(int64_t debt, int64_t down, int n, int f, const char *first,
    const char *needle)
{
	struct arr_terms t = {
	    debt, down, n, (enum arr_freq)f, day("2025-05-10"), day(first)};
	struct arr_line l[ARR_INST_MAX + 1];
	struct pd_err err;
	int k = 99;

	assert_int_equal(arr_schedule(&t, NULL, l, &k, &err), -1);
	assert_int_equal(err.code, PD_EINVAL);
	assert_int_equal(k, 0);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", err.msg, needle);
}

/* The schedule of the terms on day today: refused, saying needle. */
static void
refuse_on(const char *today, int64_t debt, int n, int f, const char *first,
    const char *needle)
{
	struct arr_terms t = {
	    debt, 0, n, (enum arr_freq)f, day(today), day(first)};
	struct arr_line l[ARR_INST_MAX + 1];
	struct pd_err err;
	int k = 99;

	assert_int_equal(arr_schedule(&t, NULL, l, &k, &err), -1);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", err.msg, needle);
}

static void
bad_terms(void **state)
{
	(void)state;
	refuse(0, 0, 3, ARR_MONTHLY, "2025-06-01", "owe nothing");
	refuse(1000, 1000, 3, ARR_MONTHLY, "2025-06-01",
	    "Down payment $10.00: must be at least 0 and less than the debt");
	refuse(1000, -1, 3, ARR_MONTHLY, "2025-06-01", "Down payment");
	refuse(1000, 0, 0, ARR_MONTHLY, "2025-06-01",
	    "Installments 0: must "
	    "be 1 to 120");
	refuse(1000, 0, ARR_INST_MAX + 1, ARR_MONTHLY, "2025-06-01",
	    "Installments 121");
	refuse(1000, 0, 3, 7, "2025-06-01", "Frequency");
	refuse(6, 0, 7, ARR_WEEKLY, "2025-06-01",
	    "A debt of $0.06 cannot be split into 7 installments of at least "
	    "$0.01 each");
	refuse(1000, 995, 7, ARR_WEEKLY, "2025-06-01",
	    "$0.05 left after the down payment cannot be split into 7 "
	    "installments");
	refuse(1000, 0, 3, ARR_WEEKLY, "2025-05-09",
	    "First due date 2025-05-09: must be today (2025-05-10)");
	/* within a year of today (review s48) */
	refuse(1000, 0, 3, ARR_WEEKLY, "2026-05-11",
	    "First due date 2026-05-11: more than a year after today; the "
	    "first installment falls due by 2026-05-10");
	/* a year is the same day a year on, whatever lies between
	 * (helper-238: 365 days refused 2028-03-01 made on 2027-03-01) */
	refuse_on("2027-03-01", 1000, 3, ARR_MONTHLY, "2028-03-02",
	    "falls due by 2028-03-01");
	refuse_on("2027-12-15", 1000, 3, ARR_MONTHLY, "2028-12-16",
	    "falls due by 2028-12-15");
	refuse_on("2028-02-29", 1000, 3, ARR_MONTHLY, "2029-03-01",
	    "falls due by 2029-02-28");
	/* none past the year 9999 (review R21: wrapped to the year 0000) */
	refuse_on("9999-06-01", 1000, 3, ARR_MONTHLY, "9999-11-30",
	    "after 9999-12-31");
	refuse_on("9999-06-01", 1000, 3, ARR_WEEKLY, "9999-12-20",
	    "after 9999-12-31");
}

/* The latest first due date: the same day a year on, across a 29
 * February or not, and 28 February a year after a 29 February; every
 * day of four years against the civil date a year on, and its schedule
 * accepted on that day and refused the day after. */
static void
first_due_year(void **state)
{
	int32_t d, from = day("2027-01-01"), to = day("2031-01-01");
	int y, m, dd, y2, m2, d2;

	(void)state;
	assert_int_equal(
	    arr_first_due_max(day("2027-03-01")), day("2028-03-01"));
	assert_int_equal(
	    arr_first_due_max(day("2027-12-15")), day("2028-12-15"));
	assert_int_equal(
	    arr_first_due_max(day("2028-02-29")), day("2029-02-28"));
	assert_int_equal(
	    arr_first_due_max(day("2027-02-28")), day("2028-02-28"));
	assert_int_equal(
	    arr_first_due_max(day("2025-06-10")), day("2026-06-10"));
	for (d = from; d < to; d++) {
		struct arr_terms t = {1000, 0, 3, ARR_MONTHLY, d, 0};
		struct arr_line l[ARR_INST_MAX + 1];
		struct pd_err err;
		int k;

		date_civil(d, &y, &m, &dd);
		date_civil(arr_first_due_max(d), &y2, &m2, &d2);
		assert_int_equal(y2, y + 1);
		assert_int_equal(m2, m);
		assert_int_equal(d2, m == 2 && dd == 29 ? 28 : dd);
		t.first_due = arr_first_due_max(d);
		assert_int_equal(arr_schedule(&t, NULL, l, &k, &err), 0);
		t.first_due++;
		assert_int_equal(arr_schedule(&t, NULL, l, &k, &err), -1);
	}
}

static void
compliance(void **state)
{
	int32_t due = day("2025-03-01");
	struct arr_tally t;

	(void)state;
	/* grace 3: paid by Mar 4 is on time, Mar 5 late */
	assert_int_equal(
	    arr_inst_state(due, 3, due + 3, due + 40), ARR_ON_TIME);
	assert_int_equal(arr_inst_state(due, 3, due - 5, due - 5), ARR_ON_TIME);
	assert_int_equal(arr_inst_state(due, 3, due + 4, due + 4), ARR_LATE);
	assert_int_equal(arr_inst_state(due, 3, -1, due + 3), ARR_UPCOMING);
	assert_int_equal(arr_inst_state(due, 3, -1, due + 4), ARR_MISSED);
	assert_int_equal(arr_inst_state(due, 0, -1, due + 1), ARR_MISSED);

	memset(&t, 0, sizeof t);
	assert_int_equal(arr_compliance_tenths(&t), -1);
	arr_tally_add(&t, ARR_ON_TIME);
	arr_tally_add(&t, ARR_MISSED);
	arr_tally_add(&t, ARR_UPCOMING);
	assert_int_equal(arr_plan_status(&t, 1, 0), ARR_ACTIVE);
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_BROKEN);
	assert_int_equal(arr_plan_status(&t, 0, 1), ARR_CANCELLED);
	assert_int_equal(arr_compliance_tenths(&t), 500);
	arr_tally_add(&t, ARR_LATE); /* a late one was missed once */
	assert_int_equal(arr_plan_status(&t, 1, 0), ARR_BROKEN);
	assert_int_equal(arr_compliance_tenths(&t), 333);
	memset(&t, 0, sizeof t);
	arr_tally_add(&t, ARR_ON_TIME);
	arr_tally_add(&t, ARR_LATE);
	arr_tally_add(&t, ARR_LATE);
	/* paid in full, late or not: Completed */
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_COMPLETED);
	assert_int_equal(arr_compliance_tenths(&t), 333);
	/* paid ahead: On time, fallen due on its due date only (review
	 * 21, fault 13) */
	memset(&t, 0, sizeof t);
	arr_tally_add_on(&t, ARR_ON_TIME, due, due);      /* due today */
	arr_tally_add_on(&t, ARR_ON_TIME, due + 30, due); /* ahead */
	assert_int_equal(t.on_time, 2);
	assert_int_equal(t.ahead, 1);
	assert_int_equal(arr_tally_fell_due(&t), 1);
	assert_int_equal(arr_compliance_tenths(&t), 1000);
	arr_tally_add_on(&t, ARR_MISSED, due - 10, due);
	assert_int_equal(arr_tally_fell_due(&t), 2);
	assert_int_equal(arr_compliance_tenths(&t), 500);
	memset(&t, 0, sizeof t);
	arr_tally_add_on(&t, ARR_ON_TIME, due + 30, due);
	assert_int_equal(arr_compliance_tenths(&t), -1); /* none fell due */
	/* settled on its items (absorbed): out of the tally; a plan of
	 * nothing else is Completed, not Active (review 21, fault 7) */
	memset(&t, 0, sizeof t);
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_ACTIVE);
	arr_tally_add(&t, ARR_SETTLED);
	arr_tally_add(&t, ARR_REPLACED);
	assert_int_equal(t.total, 0);
	assert_int_equal(t.settled, 1);
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_COMPLETED);
	assert_int_equal(arr_plan_status(&t, 0, 1), ARR_CANCELLED);
	arr_tally_add(&t, ARR_UPCOMING);
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_ACTIVE);
	arr_tally_add(&t, ARR_ON_TIME);
	assert_int_equal(arr_compliance_tenths(&t), 1000);
	/* a reschedule is a new agreement (review 21b, fault 7): a late
	 * one of the schedule before it stays Late in the rate but is no
	 * miss of the plan; the new schedule's late or missed ones are */
	memset(&t, 0, sizeof t);
	arr_tally_add(&t, ARR_LATE);
	arr_tally_past(&t, ARR_LATE);
	arr_tally_add(&t, ARR_REPLACED);
	arr_tally_add(&t, ARR_UPCOMING);
	assert_int_equal(t.past, 1);
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_ACTIVE);
	assert_int_equal(arr_compliance_tenths(&t), 0);
	arr_tally_add(&t, ARR_ON_TIME);
	arr_tally_past(&t, ARR_ON_TIME); /* nothing to forgive */
	assert_int_equal(t.past, 1);
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_ACTIVE);
	arr_tally_add(&t, ARR_LATE); /* of the schedule in force */
	assert_int_equal(arr_plan_status(&t, 0, 0), ARR_BROKEN);
	assert_int_equal(arr_plan_status(&t, 1, 0), ARR_ACTIVE);
	arr_tally_add(&t, ARR_MISSED);
	assert_int_equal(arr_plan_status(&t, 1, 0), ARR_BROKEN);
	assert_string_equal(arr_inst_state_name(ARR_SETTLED), "Settled");
	assert_int_equal(arr_freq_parse("Monthly"), ARR_MONTHLY);
	assert_int_equal(arr_freq_parse("daily"), -1);
	assert_int_equal(arr_status_parse("broken"), ARR_BROKEN);
	assert_string_equal(arr_status_name(ARR_COMPLETED), "Completed");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(seven_installments),
	    cmocka_unit_test(months_of_28_to_31_days),
	    cmocka_unit_test(bad_terms),
	    cmocka_unit_test(first_due_year),
	    cmocka_unit_test(compliance),
	};

	return cmocka_run_group_tests_name("arrange", tests, NULL, NULL);
}
