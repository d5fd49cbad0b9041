/* test_stmt_cache.c - the store's cache of prepared statements
 * (src/store/db.c, st_stmt): a full cache drops the statement used
 * longest ago, never one just handed out. A hit on the oldest, then a
 * miss, dropped the one the caller held (seal_claim holds three): a pull
 * crashed binding it (found by tests/cli/test_sync_replay.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/store/internal.h"
#include "paydesk/err.h"

/* statements told apart by address, as the store's literals are */
static char sql[STMT_CACHE + 8][40];

static int
cached(const struct store *st, const char *q)
{
	int i;

	for (i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == q)
			return 1;
	return 0;
}

static void
hit_is_kept(void **state)
{
	char path[] = "/tmp/pd-stmt-cache-XXXXXX";
	char file[64];
	struct store *st;
	struct db_stmt *held;
	struct pd_err err = {0};
	int fd, i;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	snprintf(file, sizeof file, "%s.db", path);
	assert_int_equal(store_open(file, 1, &st, &err), 0);
	for (i = 0; i < STMT_CACHE + 8; i++)
		snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
	/* sql[0] first, then the cache filled behind it */
	assert_non_null(st_stmt(st, sql[0], &err));
	for (i = 1; i < STMT_CACHE; i++)
		assert_non_null(st_stmt(st, sql[i], &err));
	/* the oldest asked again and held while others are prepared */
	held = st_stmt(st, sql[0], &err);
	assert_non_null(held);
	for (i = STMT_CACHE; i < STMT_CACHE + 8; i++) {
		assert_non_null(st_stmt(st, sql[i], &err));
		assert_true(cached(st, sql[0]));
	}
	/* and it still runs */
	assert_int_equal(db_step(held), DB_ROW);
	assert_int_equal(db_column_int64(held, 0), 0);
	db_reset(held);
	/* the one used longest ago went: sql[1] */
	assert_false(cached(st, sql[1]));
	store_close(st);
	unlink(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hit_is_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
