/* fuzz_statement.c - libFuzzer harness for the bank statement decoders
 * of src/bank that paydesk writes itself: the CSV statement through a
 * column mapping, the mapping's words, and the walk over the camt.053
 * tree libxml2 parsed (the OFX and MT940 glue run libofx and aqbanking,
 * which write temporary files: make fuzz leaves them to those libraries'
 * own fuzzing; the check of an MT940 file's own fields against what
 * aqbanking read is paydesk's, and fuzzed). The first byte picks the
 * decoder and the CSV mapping's separator and decimal mark; the rest is
 * the input. */
#include "fuzz.h"
#include "../../src/bank/internal.h"
#include "paydesk/bank.h"
#include "paydesk/money.h"

static void
check_stmt(const struct bank_stmt *s, int digits)
{
	size_t i;

	(void)digits;
	/* a camt.053 of no entries is a day of no movement; the other
	 * formats' files of no lines are refused */
	fuzz_assert(s->nlines > 0 || s->format == BANK_CAMT053);
	fuzz_assert(strcmp(s->currency, "EUR") == 0);
	fuzz_assert(s->account != NULL && s->stmt_id != NULL);
	for (i = 0; i < s->nlines; i++) {
		const struct bank_line *l = &s->lines[i];

		fuzz_assert(strlen(l->booking) == 10 && l->booking[4] == '-');
		fuzz_assert(l->value[0] == '\0' || strlen(l->value) == 10);
		fuzz_assert(l->amount >= -MONEY_MAX && l->amount <= MONEY_MAX);
		fuzz_assert(l->reference && l->counterparty && l->text &&
		            l->bank_id && l->where);
	}
}

static void
mapping_words(char *s)
{
	struct bank_mapping m, back;
	struct pd_err err;
	char *words[40], *p, *save = NULL, spec[512];
	int n = 0;

	for (p = strtok_r(s, " ", &save); p != NULL && n < 40;
	     p = strtok_r(NULL, " ", &save))
		words[n++] = p;
	fuzz_err_init(&err);
	if (bank_mapping_parse(words, n, &m, &err) != 0) {
		fuzz_assert_err(&err);
		return;
	}
	/* the stored words read back as the same mapping */
	bank_mapping_spec(&m, spec, sizeof spec);
	n = 0;
	save = NULL;
	for (p = strtok_r(spec, " ", &save); p != NULL && n < 40;
	     p = strtok_r(NULL, " ", &save))
		words[n++] = p;
	fuzz_assert(bank_mapping_parse(words, n, &back, &err) == 0);
	fuzz_assert(memcmp(&m, &back, sizeof m) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char w[][24] = {"date=1", "value_date=2", "amount=3",
	    "reference=4", "bank_id=5", "date_format=DD.MM.YYYY", "header=1"};
	char *const csv_words[] = {w[0], w[1], w[2], w[3], w[4], w[5], w[6]};
	struct bank_mapping map;
	struct bank_stmt st;
	struct pd_err err;
	char *s;
	int rc;

	if (size == 0)
		return 0;
	s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	fuzz_err_init(&err);
	switch (data[0] % 3) {
	case 0:
		fuzz_assert(bank_mapping_parse(csv_words, 7, &map, &err) == 0);
		if (data[0] & 8) {
			map.separator = ';';
			map.decimal = ',';
		}
		rc = bank_decode(s, size - 1, "f.csv", BANK_CSV, &map, "EUR",
		    data[0] / 16 % 4, &st, &err);
		break;
	case 1:
		rc = bank_decode(s, size - 1, "f.xml", BANK_CAMT053, NULL,
		    "EUR", 2, &st, &err);
		break;
	default:
		/* 0x80: the check of MT940 fields against what aqbanking
		 * read (mt940_raw.c, paydesk's own), against no lines */
		if (data[0] & 0x80) {
			memset(&st, 0, sizeof st);
			st.account = strdup("");
			st.stmt_id = strdup("");
			if (bank_mt940_check(
			        s, size - 1, "f.940", 2, &st, &err) != 0)
				fuzz_assert_err(&err);
			else
				fuzz_assert(st.nlines == 0);
			bank_stmt_free(&st);
		} else
			mapping_words(s);
		free(s);
		return 0;
	}
	if (rc != 0)
		fuzz_assert_err(&err);
	else {
		check_stmt(&st, 2);
		bank_stmt_free(&st);
	}
	free(s);
	return 0;
}
