/* fuzz_parsers.c - libFuzzer harness for the parsers of outside input:
 * money amounts, dates (ISO and in the date patterns), months, number
 * formats and CSV. The first byte
 * picks the parser; the rest is the input. Invariants are checked with
 * abort() so that the fuzzer reports them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/csv.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pd_err err;
	char *s, buf[MONEY_BUFSZ], out[NUMFMT_BUFSZ];
	int64_t v, back;
	int32_t d, f, l;
	struct csv_reader r;
	struct csv_row row;
	struct numfmt_ctx ctx = {"2025-04-20", "T01", "B01"};

	if (size == 0)
		return 0;
	s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	switch (data[0] % 4) {
	case 0:
		if (money_parse(s, data[0] / 4 % 4, NULL, &v, &err) == 0) {
			if (v < 0 || v > MONEY_MAX)
				abort();
			money_plain(buf, sizeof buf, v, data[0] / 4 % 4);
			if (money_parse(
			        buf, data[0] / 4 % 4, NULL, &back, &err) != 0 ||
			    back != v)
				abort(); /* formatting round-trips */
		}
		/* and in an organisation's style: what is read is written
		 * back and read again as the same amount */
		{
			static const struct money_style styles[] = {
			    MONEY_STYLE_INIT, {2, ',', ".", 3, "€", 1, 1},
			    {2, '.', ",", 2, "₹", 0, 0},
			    {3, ',', "\xe2\x80\xaf", 3, "", 0, 0}};
			const struct money_style *st =
			    &styles[data[0] / 16 % 4];
			char shown[MONEY_BUFSZ];

			if (money_parse_style(s, st, NULL, &v, &err) == 0) {
				if (v < 0 || v > MONEY_MAX)
					abort();
				money_format_style(shown, sizeof shown, v, st);
				if (money_parse_style(
				        shown, st, NULL, &back, &err) != 0 ||
				    back != v)
					abort();
			}
		}
		break;
	case 1:
		if (date_parse(s, NULL, &d, &err) == 0) {
			date_format(out, d);
			if (strcmp(out, s) != 0)
				abort();
		}
		month_parse(s, NULL, &f, &l, &err);
		/* a day typed in an organisation's pattern: what is read is
		 * written in the pattern and read again as the same day */
		{
			const char *pat = date_patterns[data[0] / 4 % 6];
			char shown[DATE_BUFSZ * 2];

			if (date_parse_pattern(s, pat, NULL, &d, &err) == 0) {
				date_format_pattern(
				    shown, sizeof shown, d, pat);
				if (date_parse_pattern(
				        shown, pat, NULL, &f, &err) != 0 ||
				    f != d)
					abort();
			}
		}
		break;
	case 2:
		if (numfmt_validate(s, &err) == 0 &&
		    numfmt_render(s, &ctx, 123456, out, sizeof out, &err) ==
		        0 &&
		    strlen(out) >= sizeof out)
			abort();
		break;
	case 3:
		memset(&row, 0, sizeof row);
		csv_init(&r, (const char *)data + 1, size - 1);
		while (csv_next(&r, &row, &err) == 1)
			if (row.n == 0)
				abort();
		csv_row_free(&row);
		break;
	}
	free(s);
	return 0;
}
