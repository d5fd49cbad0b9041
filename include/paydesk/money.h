/* money.h - money as int64_t minor units; strict parsing and formatting. */
#ifndef PAYDESK_MONEY_H
#define PAYDESK_MONEY_H
#include <stddef.h>
#include <stdint.h>
#include "err.h"

/* Largest amount accepted anywhere: 10^13 minor units, far below INT64_MAX,
 * so sums over millions of rows cannot overflow. */
#define MONEY_MAX INT64_C(10000000000000)
#define MONEY_BUFSZ 48

/* Parse "145", "145.5", "145.50" into minor units with `digits` decimals.
 * Rejects signs, exponents, commas, spaces, empty strings, more decimals than
 * `digits` and values above MONEY_MAX. `what` names the field in messages. */
int money_parse(const char *s, int digits, const char *what, int64_t *out,
    struct pd_err *err);

/* "1234.50" (no symbol, no grouping, '-' if negative); for CSV and JSON text.
 */
char *money_plain(char *buf, size_t n, int64_t v, int digits);

/* "$1,234.50" / "-$4.50": symbol, thousands grouping, `digits` decimals. */
char *money_format(
    char *buf, size_t n, int64_t v, int digits, const char *symbol);

/* percent with one decimal from a ratio num/den, rounded half up, as tenths:
 * 1234 means 123.4 %. den <= 0 gives 0. */
int64_t money_ratio_tenths(int64_t num, int64_t den);

/* Format tenths as "12.3" (with '-' if negative). */
char *money_tenths(char *buf, size_t n, int64_t tenths);

#endif
