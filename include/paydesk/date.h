/* date.h - civil dates as "YYYY-MM-DD" strings and day numbers; no clock. */
#ifndef PAYDESK_DATE_H
#define PAYDESK_DATE_H
#include <stdint.h>
#include "err.h"

#define DATE_BUFSZ 11

/* Strict YYYY-MM-DD with a real calendar day (1900..9999). */
int date_parse(
    const char *s, const char *what, int32_t *days, struct pd_err *err);
/* Days since 1970-01-01 for y-m-d (proleptic Gregorian). */
int32_t date_days(int y, int m, int d);
void date_civil(int32_t days, int *y, int *m, int *d);
/* Writes YYYY-MM-DD into buf (DATE_BUFSZ bytes) and returns buf. */
char *date_format(char *buf, int32_t days);
/* Strict YYYY-MM; first and last day of that month. */
int month_parse(const char *s, const char *what, int32_t *first, int32_t *last,
    struct pd_err *err);
int32_t month_last_day(int32_t any_day_in_month);
int32_t month_first_day(int32_t any_day_in_month);
/* Monday of the week containing day. */
int32_t week_first_day(int32_t day);
int date_is_leap(int y);

#endif
