/* bench_tui.c - the counter UI's figures for `make bench`: the real screens
 * of Record Payment, fed keys in process and drawn by ncurses to
 * /dev/null, each figure from the key to the end of the redraw. The raw
 * column is the same store work without the screen (the consumer search
 * alone, the post alone). Not a test: it never fails on timing. */
#include <curses.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "tui.h"
#include "paydesk/store.h"
#include "paydesk/utf8.h"

/* One key to the top screen and the redraw after it; ms. */
static double
key(struct tui *t, int k, wint_t ch)
{
	double t0 = now_ms();

	tui_dispatch(t, k, ch);
	tui_redraw(t);
	return now_ms() - t0;
}

/* What a cashier types: first names, surnames, account numbers. */
static const char *const queries[] = {"maria gar", "james smith", "wei chen",
    "aisha khan", "josé núñez", "olga ivanova", "raj patel", "chloé dubois",
    "łucja wójcik", "kwame mensah", "AC-0012345", "AC-0400021", "555-0042",
    "zoë larsen", "priya sharma", "diego lópez", "anna kowalski",
    "grace taylor", "elif yılmaz", "thomas clark"};
#define NQUERIES (sizeof queries / sizeof queries[0])

#define ROUNDS 60

int
main(int argc, char **argv)
{
	static double keys[ROUNDS * 64], raw_keys[ROUNDS * 64],
	    steps[ROUNDS * 8], posts[ROUNDS], raw_posts[ROUNDS];
	struct svc s;
	struct tui t;
	struct pd_err err;
	sqlite3 *raw;
	SCREEN *scr;
	FILE *out, *in;
	int nk = 0, ns = 0, np = 0, round, i;
	long base = 0;
	char sql[1024];

	bench_day_required("bench_tui");
	if (argc != 3) {
		fprintf(stderr, "usage: bench_tui STORE RECEIPTS-DIR\n");
		return 2;
	}
	memset(&s, 0, sizeof s);
	if (config_defaults(&s.cfg, &err) != 0 ||
	    store_open(argv[1], 0, &s.st, &err) != 0 ||
	    svc_login(&s, "jane", "1234", &err) != 0) {
		fprintf(stderr, "bench_tui: %s\n", err.msg);
		return 1;
	}
	/* the screens' figures, not shifts (issue 20) */
	xstrlcpy(s.cfg.shifts_required, "no", sizeof s.cfg.shifts_required);
	snprintf(s.cfg.receipts_dir, sizeof s.cfg.receipts_dir, "%s", argv[2]);
	/* open bills to pay: two for each consumer the rounds take, from
	 * the middle of the store (the bench store's size varies) */
	sqlite3_open(argv[1], &raw);
	{
		sqlite3_stmt *st;

		sqlite3_prepare_v2(
		    raw, "SELECT count(*) FROM consumers", -1, &st, NULL);
		if (sqlite3_step(st) == SQLITE_ROW)
			base = sqlite3_column_int64(st, 0) / 2;
		sqlite3_finalize(st);
		if (base > 12345)
			base = 12345;
		if (base < 1) {
			fprintf(stderr, "bench_tui: no consumers\n");
			return 1;
		}
	}
	snprintf(sql, sizeof sql,
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < %d) INSERT INTO items (uuid, consumer_id, kind, ref, "
	    "period, amount, issued_on, due_on, created_at) SELECT "
	    "printf('t%%011d%%024d', %ld, i), %ld + i / 2, 'bill', "
	    "printf('TUI-%%d-%%d', %ld, i), 'bench', 4000 + i, '2026-05-01', "
	    "'2026-05-20', '2026-05-01 00:00:00' FROM n",
	    ROUNDS * 2 - 1, (long)time(NULL), base, (long)time(NULL));
	if (sqlite3_exec(raw, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_tui: %s\n", sqlite3_errmsg(raw));
		return 1;
	}
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	setlocale(LC_ALL, "C.UTF-8");
	if ((scr = newterm("xterm-256color", out, in)) == NULL) {
		fprintf(stderr, "bench_tui: no terminal description\n");
		return 1;
	}
	resizeterm(24, 80);
	memset(&t, 0, sizeof t);
	t.svc = &s;
	tui_colours(&t);
	tui_push(&t, screen_pay_search_new(0));
	tui_redraw(&t);
	for (round = 0; round < ROUNDS; round++) {
		const char *q = queries[round % NQUERIES];
		char account[16];
		size_t n;
		struct consumer *c;

		/* type a name a character at a time (and the same searches
		 * without the screen), then rub it out */
		for (i = 0; q[i] != '\0'; i += (int)utf8_len(q + i)) {
			char prefix[64];
			double t0;
			int len = i + (int)utf8_len(q + i);

			keys[nk] = key(&t, 0, (wint_t)utf8_cp(q + i));
			snprintf(prefix, sizeof prefix, "%.*s", len, q);
			t0 = now_ms();
			c = svc_consumer_search(&s, prefix, 200, &n, &err);
			raw_keys[nk++] = now_ms() - t0;
			free(c);
		}
		for (i = 0; q[i] != '\0'; i += (int)utf8_len(q + i)) {
			keys[nk] = key(&t, TUI_KEY_BACKSPACE, 0);
			raw_keys[nk++] = 0;
		}
		/* the account that has the open bills of this round */
		snprintf(account, sizeof account, "AC-%07ld", base + round);
		for (i = 0; account[i] != '\0'; i++) {
			double t0;

			keys[nk] = key(&t, 0, (wint_t)account[i]);
			t0 = now_ms();
			c = svc_consumer_search(&s, account, 200, &n, &err);
			raw_keys[nk++] = now_ms() - t0;
			free(c);
		}
		/* Enter through the steps to the review: account, channel,
		 * items, method, summary, review */
		for (i = 0; i < 6; i++)
			steps[ns++] = key(&t, TUI_KEY_ENTER, 0);
		/* confirm: post, receipt, done screen */
		posts[np] = key(&t, TUI_KEY_ENTER, 0);
		if (strcmp(tui_screen_title(t.top), "Payment recorded") != 0) {
			fprintf(stderr,
			    "bench_tui: round %d did not post: %s\n", round,
			    t.msg);
			return 1;
		}
		{
			struct pay_request r;
			struct pay_result res;
			double t0;

			/* the post alone: no screen, no receipt */
			memset(&r, 0, sizeof r);
			r.account = account;
			r.type = PAY_BILL;
			r.method = "Cash";
			r.amount = 1;
			t0 = now_ms();
			if (svc_pay_post(&s, &r, &res, &err) != 0) {
				fprintf(stderr, "bench_tui: %s\n", err.msg);
				return 1;
			}
			raw_posts[np++] = now_ms() - t0;
		}
		/* Record Another Payment: back to step 1 */
		steps[ns++] = key(&t, 0, 'n');
	}
	/* raw: the searches only (the Backspace rows are 0: sorted first) */
	row("UI: keystroke to redrawn search results p50", pct(keys, nk, .5),
	    "ms", "", pct(raw_keys, nk, .5));
	row("UI: keystroke to redrawn search results p99", pct(keys, nk, .99),
	    "ms", "<= 50 ms", pct(raw_keys, nk, .99));
	row("UI: wizard step to step p50", pct(steps, ns, .5), "ms", "", -1);
	row("UI: wizard step to step p99", pct(steps, ns, .99), "ms",
	    "<= 30 ms", -1);
	row("UI: confirm to done screen, receipt incl. p50", pct(posts, np, .5),
	    "ms", "<= 50+15 ms", pct(raw_posts, np, .5));
	row("UI: confirm to done screen, receipt incl. p99",
	    pct(posts, np, .99), "ms", "", pct(raw_posts, np, .99));
	while (t.top != NULL) {
		struct tui_screen *sc = t.top;

		t.top = sc->below;
		if (sc->cls->free != NULL)
			sc->cls->free(sc);
		free(sc);
	}
	endwin();
	delscreen(scr);
	svc_close(&s);
	sqlite3_close(raw);
	return 0;
}
