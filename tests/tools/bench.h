/* bench.h - what the benchmark tools share: a monotonic clock in ms (the
 * process's CPU time instead when BENCH_CPU is set: on a loaded machine
 * the wall clock says little),
 * percentiles, and a row of the figures table (the figure, its target,
 * the raw figure of the same run and the ratio of the two). */
#ifndef PAYDESK_BENCH_H
#define PAYDESK_BENCH_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double
now_ms(void)
{
	struct timespec ts;
	static int cpu = -1;

	if (cpu < 0)
		cpu = getenv("BENCH_CPU") != NULL && *getenv("BENCH_CPU") != '\0';
	clock_gettime(cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Exits with status 2 unless $PAYDESK_NOW is set: the bench store's
 * rows are of the day tests/bench.sh sets there, and a tool run on the
 * clock's day reads other rows (s52: the lists of a day with no debt
 * made) and leaves rows of that day in the store kept between runs. */
static inline void
bench_day_required(const char *tool)
{
	const char *now = getenv("PAYDESK_NOW");

	if (now == NULL || *now == '\0') {
		fprintf(stderr,
		    "%s: PAYDESK_NOW is not set: the bench store's figures "
		    "are of its own day, which tests/bench.sh sets\n",
		    tool);
		exit(2);
	}
}

static inline int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static inline double
pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return v[(int)((n - 1) * p)];
}

static inline void
row(const char *what, double v, const char *unit, const char *target,
    double raw)
{
	char rawtxt[32] = "-", ratio[16] = "";

	if (raw >= 0)
		snprintf(rawtxt, sizeof rawtxt, "%.2f %s", raw, unit);
	if (raw > 0)
		snprintf(ratio, sizeof ratio, "%.2fx", v / raw);
	printf("%-44s %10.2f %-3s %-12s %-14s %s\n", what, v, unit, target,
	    rawtxt, ratio);
}

#endif
