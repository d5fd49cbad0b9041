/* fuzz_settle.c - libFuzzer harness for a gateway's settlement file
 * (issue 19): gw_settle_decode over any bytes, as `paydesk-central
 * gateway settle` reads a file it is given.
 *
 * Invariants: a refusal says why, and returns no rows; a file that
 * decodes has at least one row, and each row a code of 1 to 255
 * characters without spaces, no code twice, an amount of 1..MONEY_MAX
 * minor units and a fee of 0..amount, a settled_on of 10 or 19
 * characters (a day, or a day and a time), and a line number that never
 * goes back (rows ended by a bare CR share their line). */
#include "fuzz.h"
#include "paydesk/gateway.h"
#include "paydesk/money.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gw_settle_row *r;
	struct pd_err err;
	size_t n, i, j, len;

	fuzz_err_init(&err);
	r = gw_settle_decode((const char *)data, size, 2, &n, &err);
	if (r == NULL) {
		fuzz_assert(n == 0);
		fuzz_assert_err(&err);
		return 0;
	}
	fuzz_assert(n > 0);
	for (i = 0; i < n; i++) {
		len = strnlen(r[i].code, sizeof r[i].code);
		fuzz_assert(len > 0 && len < sizeof r[i].code);
		for (j = 0; j < len; j++)
			fuzz_assert((unsigned char)r[i].code[j] > ' ');
		fuzz_assert(r[i].amount > 0 && r[i].amount <= MONEY_MAX);
		fuzz_assert(r[i].fee >= 0 && r[i].fee <= r[i].amount);
		len = strnlen(r[i].settled_on, sizeof r[i].settled_on);
		fuzz_assert(len == 10 || len == 19);
		fuzz_assert(i == 0 || r[i].line >= r[i - 1].line);
		for (j = 0; j < i; j++)
			fuzz_assert(strcmp(r[i].code, r[j].code) != 0);
	}
	free(r);
	return 0;
}
