/* test_stmt_name.c - a bank statement's name (review R20, fault 20;
 * deposit.h, stmt_name): the same for the same account and key wherever
 * it is made, a letter then seven characters of Crockford's base 32, read
 * back in any case, and the line an exception's target names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "paydesk/deposit.h"

/* Known names: the camt.053 sample's (test_statements.sh imports it)
 * and one computed apart (tests/cli/test_deposit.sh's twice.py does the
 * same in Python). */
static void
names_known(void **state)
{
	char n[STMT_NAME_BUFSZ];

	(void)state;
	stmt_name("NL77ABNA0574908765", "id:1234Test/1", n);
	assert_string_equal(n, "TTPN2VMP");
	stmt_name_of("NL77ABNA0574908765/id:1234Test/1", n);
	assert_string_equal(n, "TTPN2VMP");
	stmt_name("ACC-9", "sha256:ab", n);
	assert_string_equal(n, "A00SXDEW");
	/* another account or key, another name */
	stmt_name("ACC-8", "sha256:ab", n);
	assert_string_not_equal(n, "A00SXDEW");
}

/* A name is never all digits (an old number is), and is eight long. */
static void
names_shape(void **state)
{
	char n[STMT_NAME_BUFSZ], key[32];
	int i, j;

	(void)state;
	for (i = 0; i < 2000; i++) {
		snprintf(key, sizeof key, "id:%d", i);
		stmt_name("ACC", key, n);
		assert_int_equal(strlen(n), STMT_NAME_LEN);
		assert_non_null(strchr("ABCDEFGHJKMNPQRSTVWXYZ", n[0]));
		for (j = 1; j < STMT_NAME_LEN; j++)
			assert_non_null(
			    strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", n[j]));
	}
}

static void
names_read(void **state)
{
	char n[STMT_NAME_BUFSZ];

	(void)state;
	assert_true(stmt_name_read("ttpn2vmp", 8, n));
	assert_string_equal(n, "TTPN2VMP");
	/* O for 0, I and L for 1, after the first */
	assert_true(stmt_name_read("AOOSXDEW", 8, n));
	assert_string_equal(n, "A00SXDEW");
	assert_true(stmt_name_read("K1lI0000", 8, n));
	assert_string_equal(n, "K1110000");
	assert_false(stmt_name_read("12345678", 8, n)); /* a number */
	assert_false(stmt_name_read("UTPN2VMP", 8, n)); /* U: none */
	assert_false(stmt_name_read("TTPN2VM", 7, n));
	assert_false(stmt_name_read("TTPN2VMPX", 9, n));
	assert_false(stmt_name_read("TTPN-VMP", 8, n));
}

/* The line of a target: alone, after a deposit's uuid, after the voided
 * payments of a match; a key with spaces and '#' kept whole. */
static void
target_lines(void **state)
{
	char r[48];

	(void)state;
	assert_int_equal(recon_target_line_ref(
	                     "NL77ABNA0574908765/id:1234Test/1#3", r, sizeof r),
	    0);
	assert_string_equal(r, "TTPN2VMP:3");
	assert_int_equal(
	    recon_target_line_ref("0b7a4a52-8a3e-4d7e-9f0e-3c2a1b0c9d8e "
	                          "ACC-9/sha256:ab#12",
	        r, sizeof r),
	    0);
	assert_string_equal(r, "A00SXDEW:12");
	assert_int_equal(
	    recon_target_line_ref("void:2:0b7a4a52-8a3e-4d7e-9f0e-3c2a1b0c9d8e "
	                          "ACC-9/sha256:ab#1",
	        r, sizeof r),
	    0);
	assert_string_equal(r, "A00SXDEW:1");
	stmt_name("ACC 9", "id:A #2 B", r + 20);
	assert_int_equal(recon_target_line_ref("ACC 9/id:A #2 B#4", r, 20), 0);
	assert_memory_equal(r, r + 20, STMT_NAME_LEN);
	assert_string_equal(r + STMT_NAME_LEN, ":4");
	/* a deposit's uuid alone, a shift's tender: no line */
	assert_int_equal(recon_target_line_ref(
	                     "0b7a4a52-8a3e-4d7e-9f0e-3c2a1b0c9d8e", r, sizeof r),
	    -1);
	assert_int_equal(recon_target_line_ref("ACC-9/id:X#", r, sizeof r), -1);
	assert_int_equal(recon_target_line_ref("ACC-9/id:X#1a", r, sizeof r), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(names_known),
	    cmocka_unit_test(names_shape),
	    cmocka_unit_test(names_read),
	    cmocka_unit_test(target_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
