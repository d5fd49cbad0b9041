/* date.h - civil dates as "YYYY-MM-DD" strings and day numbers; no clock. */
#ifndef PAYDESK_DATE_H
#define PAYDESK_DATE_H
#include <stddef.h>
#include <stdint.h>
#include "err.h"

#define DATE_BUFSZ 11

/* Strict YYYY-MM-DD with a real calendar day (1900..9999). */
int date_parse(
    const char *s, const char *what, int32_t *days, struct pd_err *err);
/* Days since 1970-01-01 for y-m-d (proleptic Gregorian). */
int32_t date_days(int y, int m, int d);
void date_civil(int32_t days, int *y, int *m, int *d);
/* Seconds since 1970-01-01 00:00 of a timestamp "YYYY-MM-DD HH:MM:SS"
 * or a date "YYYY-MM-DD" (its start); -1 when ts (or NULL) is neither. */
int64_t date_ts_secs(const char *ts);
/* Writes YYYY-MM-DD into buf (DATE_BUFSZ bytes) and returns buf. */
char *date_format(char *buf, int32_t days);
/* Strict YYYY-MM; first and last day of that month. */
int month_parse(const char *s, const char *what, int32_t *first, int32_t *last,
    struct pd_err *err);
/* A month typed by a person as the date pattern writes it without the
 * day (DD/MM/YYYY: "04/2025" or "4/2025"; YYYY/MM/DD: "2025/04"), or as
 * YYYY-MM whatever the pattern; first and last day of that month.
 * Refused with PD_EINVAL and a message naming `what` (NULL: "Month"), the
 * text and the month's pattern in the reader's letters with an example
 * (MM/AAAA, e.g. 04/2025): another shape, a two-digit year, a month out
 * of 1-12. Issue 25, local formats. */
int month_parse_pattern(const char *s, const char *pattern, const char *what,
    int32_t *first, int32_t *last, struct pd_err *err);
int32_t month_last_day(int32_t any_day_in_month);
int32_t month_first_day(int32_t any_day_in_month);
/* Monday of the week containing day. */
int32_t week_first_day(int32_t day);
/* Weekday of day: 0 Sunday, 1 Monday .. 6 Saturday. */
int date_weekday(int32_t day);
/* The first day of the week containing day, the week starting on
 * weekday first (0 Sunday, 1 Monday .. 6 Saturday). */
int32_t week_start_day(int32_t day, int first);

/* The date patterns people may choose (NULL-terminated):
 * "YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY", "DD-MM-YYYY",
 * "YYYY/MM/DD". */
extern const char *const date_patterns[];
/* 1 if pattern is one of date_patterns. */
int date_pattern_ok(const char *pattern);
/* Day written in pattern (YYYY, MM, DD replaced, other characters
 * copied; NULL: "YYYY-MM-DD") into buf (n >= DATE_BUFSZ); returns buf. */
char *date_format_pattern(
    char *buf, size_t n, int32_t days, const char *pattern);
/* Day and month of days in pattern's order and separator, the year and
 * its separator dropped ("DD/MM/YYYY": "20/04", "YYYY-MM-DD": "04-20",
 * "MM/DD/YYYY": "04/20"; NULL or another pattern: the ISO one) into buf
 * (n >= DATE_BUFSZ); returns buf. For the screens' header, where the year
 * gives way before the date (issue 25 review). */
char *date_format_day_month(
    char *buf, size_t n, int32_t days, const char *pattern);
int date_is_leap(int y);
/* pattern as the messages' language writes its placeholders: YYYY, MM
 * and DD in the reader's letters (context "date": fr JJ/MM/AAAA, es
 * DD/MM/AAAA), other characters copied, into buf (n >= 16; NULL:
 * "YYYY-MM-DD"); returns buf. For hints and messages, never to parse. */
char *date_pattern_words(char *buf, size_t n, const char *pattern);

/* A day typed by a person in pattern (one of date_patterns; NULL or
 * another: "YYYY-MM-DD"), or as YYYY-MM-DD whatever the pattern (never
 * ambiguous: the four-digit year comes first). In the pattern the day and
 * month take one or two digits, the year four, the separators the
 * pattern's. Refused with PD_EINVAL and a message naming `what` (NULL:
 * "date"), the text and the pattern with an example: empty text, a
 * two-digit year (ambiguous: which century), another shape, no such day
 * in the calendar; each message short enough for a screen's message line
 * at 80 columns. With the ISO pattern it is date_parse (the same
 * messages). *days is set only on success. Issue 25, local formats. */
int date_parse_pattern(const char *s, const char *pattern, const char *what,
    int32_t *days, struct pd_err *err);

/* The status a command-line option's date (or month) that
 * date_parse_pattern (month_parse_pattern) refused is refused with, the
 * one rule of paydesk(1) and paydesk-central(8) EXIT STATUS: PD_EUSAGE
 * when s is not of a date's (month's) form at all, neither YYYY-MM-DD
 * (YYYY-MM) nor pattern's with a four-digit year; PD_EINVAL when it is
 * but names no real day (month) of the ledger's years: Feb 30, month 13,
 * year 0001. An import's date stays PD_EINVAL: bad input, not usage. */
enum pd_status date_form_status(const char *s, const char *pattern);
enum pd_status month_form_status(const char *s, const char *pattern);

#endif
