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

/* The minor units (0-3) of an active ISO 4217 currency code in capitals
 * ("KES" 2, "JPY" 0, "KWD" 3); -1 for anything else (iso4217.c). */
int currency_minor_digits(const char *code);

/* "$1,234.50" / "-$4.50": symbol, thousands grouping, `digits` decimals
 * (money_format_style with the default style and this symbol). */
char *money_format(
    char *buf, size_t n, int64_t v, int digits, const char *symbol);

/* How an organisation writes amounts for people. The strings are
 * borrowed (the style does not own them); NULL means "".
 * The default style (MONEY_STYLE_INIT) writes "$1,234.50". */
struct money_style {
	int digits;         /* decimals of the currency, 0..3 */
	char decimal;       /* the decimal separator: '.' or ',' */
	const char *group;  /* grouping separator (UTF-8): ",", ".", "'",
	                       " ", U+202F; "" for none; never equal to the
	                       decimal separator */
	int group2;         /* size of the groups left of the first three
	                       digits: 3 (1,000,000) or 2 (Indian 10,00,000) */
	const char *symbol; /* the currency symbol; "" for none */
	int symbol_after;   /* 1: "1.234,50 €"; 0: "$1,234.50" */
	int symbol_space;   /* 1: a space between the symbol and the number */
};
#define MONEY_STYLE_INIT                                                       \
	{                                                                      \
		2, '.', ",", 3, "$", 0, 0                                      \
	}

/* v as people read it in style st: "-" first when negative, then the
 * symbol and number in the style's order ("-$1,234.50", "-1.234,50 €",
 * "12,34,567.00"). Always st->digits decimals. Returns buf; n >=
 * MONEY_BUFSZ holds any amount up to MONEY_MAX with a symbol of up to 7
 * bytes. */
char *money_format_style(
    char *buf, size_t n, int64_t v, const struct money_style *st);

/* Parse money typed by a person in style st into minor units: digits,
 * st->decimal before up to st->digits decimals, the grouping separator
 * optional but, when used, in every place and only there ("1.234,50" or
 * "1234,50" in a de-style organisation, never "12.34,50"), the symbol
 * optional before or after, spaces around ignored (a style grouping with
 * a space, narrow no-break space U+202F or no-break space U+00A0 accepts
 * any of the three). Refused with PD_EINVAL and a message naming `what`,
 * the text and what to write instead: empty text, a sign, an exponent,
 * any other character, the other decimal mark where a decimal was meant
 * ("200,00" in a '.' organisation: "use . for decimals: 200.00"), two
 * decimal separators, grouping in the wrong places or where the style
 * has none, too many decimals, more than MONEY_MAX. *out is set only on
 * success. */
/* s begins or ends with a space: a blank, tab or line break, or a
 * no-break space (U+00A0, U+202F) that money_parse_style lets pass
 * around a screen's amount; a command line's amount is refused so. */
int money_space_around(const char *s);
int money_parse_style(const char *s, const struct money_style *st,
    const char *what, int64_t *out, struct pd_err *err);

/* percent with one decimal from a ratio num/den, rounded half up, as tenths:
 * 1234 means 123.4 %. den <= 0 gives 0. */
int64_t money_ratio_tenths(int64_t num, int64_t den);

/* Format tenths as "12.3" (with '-' if negative). */
char *money_tenths(char *buf, size_t n, int64_t tenths);

#endif
