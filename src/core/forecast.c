/* forecast.c - the cash-flow forecast's weighting rule (forecast.h,
 * issue 23): one consumer's open amount in a week times its on-time ratio.
 * No I/O. */
#include "paydesk/forecast.h"

/* num / den of v, half up; 0 <= num <= den, den > 0, v >= 0. */
static int64_t
scaled(int64_t v, int64_t num, int64_t den)
{
	__int128 p = (__int128)v * num;

	return (int64_t)((p + den / 2) / den);
}

int64_t
forecast_expect(int64_t open, int64_t due, int64_t on_time, int64_t org_due,
    int64_t org_on_time)
{
	if (open <= 0)
		return 0;
	if (due <= 0) {
		due = org_due;
		on_time = org_on_time;
	}
	if (due <= 0)
		return open;
	if (on_time < 0)
		on_time = 0;
	if (on_time > due)
		on_time = due;
	return scaled(open, on_time, due);
}
