/* test_say.c - messages kept to be said again (say.h): what is kept
 * renders as it was said, nested messages and arguments included, a
 * translation's positions are honoured, plain text passes as it is. The
 * catalogues themselves are tested end to end (tests/cli/
 * test_i18n_sync.sh); here there is none: English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "paydesk/say.h"

static void
round_trip(void **state)
{
	char inner[64], kept[SAY_MAX], out[SAY_MAX];
	const char *a[3];
	struct pd_err e = {0};

	(void)state;
	say_keep(inner, sizeof inner, "the node is down", 0, NULL);
	a[0] = inner;
	a[1] = "curl said: no";
	say_keep(kept, sizeof kept, "%s (curl: %s)", 2, a);
	say_render(out, sizeof out, kept);
	assert_string_equal(out, "the node is down (curl: curl said: no)");
	say_render_en(out, sizeof out, kept);
	assert_string_equal(out, "the node is down (curl: curl said: no)");
	/* numbers are strings already; %% stays one %; width is ignored */
	a[0] = "GET";
	a[1] = "12";
	a[2] = kept;
	say_keep(kept, sizeof kept, "%s: %ld of 100%% (%-5d tries) %s", 2, a);
	say_render(out, sizeof out, kept);
	/* an argument missing is nothing, never a crash */
	assert_string_equal(out, "GET: 12 of 100% ( tries) ");
	assert_true(
	    say_fail(&e, PD_ENET, "%s tried %d times", 2, "GET", "3") == -1);
	assert_int_equal(e.code, PD_ENET);
	assert_string_equal(e.msg, "GET tried 3 times");
	assert_true(say_is_kept(e.said));
	/* a translation may name the arguments' positions */
	a[0] = "one";
	a[1] = "two";
	say_keep(kept, sizeof kept, "%2$s then %1$s", 2, a);
	say_render(out, sizeof out, kept);
	assert_string_equal(out, "two then one");
	/* pd_fail forgets what was kept: its message is not */
	pd_fail(&e, PD_EINVAL, "plain");
	assert_string_equal(e.said, "");
}

static void
plain_and_control(void **state)
{
	char kept[SAY_MAX], out[SAY_MAX], line[SAY_MAX];
	const char *a[1] = {"a\002b\037c\003d"};

	(void)state;
	/* a row stored before: as it is */
	say_render(out, sizeof out, "le nœud central est injoignable");
	assert_string_equal(out, "le nœud central est injoignable");
	/* control bytes of an argument cannot open or close a message */
	say_keep(kept, sizeof kept, "x %s y", 1, a);
	say_render(out, sizeof out, kept);
	assert_string_equal(out, "x a?b?c?d y");
	/* a kept message quoted in other text (a doctor's line) */
	snprintf(line, sizeof line, "plan 7: refused (%s), see above", kept);
	say_render(out, sizeof out, line);
	assert_string_equal(out, "plan 7: refused (x a?b?c?d y), see above");
	/* cut short: still rendered, never past the buffer */
	say_keep(kept, 8, "a long message %s", 1, a);
	say_render(out, sizeof out, kept);
	assert_true(strlen(out) < 8);
	say_render(out, 4, "abcdef");
	assert_string_equal(out, "abc");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(round_trip),
	    cmocka_unit_test(plain_and_control),
	};

	return cmocka_run_group_tests_name("say", tests, NULL, NULL);
}
