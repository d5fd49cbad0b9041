/* poster.c - posts payments in a loop: for the crash test (killed with
 * SIGKILL at random moments), the sync tests (with a CONFIG, over the
 * three demo accounts) and the sync benchmark (with ACCOUNTS, over the
 * bench accounts AC-0000001 .. AC-<ACCOUNTS>). $POSTER_GROUP=N commits
 * N payments at a time (each still its own use case, in a savepoint), so
 * a backlog of 100,000 is made in seconds instead of 100,000 fsyncs.
 * $POSTER_READY=FILE: FILE is created once the first payment is posted
 * (committed, unless grouped): the crash test times its kills from there,
 * not from a start that a sanitizer build makes slow, and knows each
 * round committed one at least. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/service.h"
#include "paydesk/store.h"

int
main(int argc, char **argv)
{
	struct svc s;
	struct pd_err err;
	struct pay_request q;
	struct pay_result r;
	long i, n, accts = 0, group = 0;
	char acct[32];
	const char *g = getenv("POSTER_GROUP");
	const char *ready = getenv("POSTER_READY");
	FILE *rf;

	static const char *const accounts[] = {
	    "WU-10001", "WU-10002", "WU-10003"};

	if (argc < 3 || argc > 5) {
		fprintf(
		    stderr, "usage: poster STORE COUNT [CONFIG [ACCOUNTS]]\n");
		return 2;
	}
	n = strtol(argv[2], NULL, 10);
	if (argc == 5)
		accts = strtol(argv[4], NULL, 10);
	memset(&s, 0, sizeof s);
	if ((argc >= 4 ? config_load(argv[3], &s.cfg, &err)
	               : config_defaults(&s.cfg, &err)) != 0 ||
	    store_open(argv[1], 0, &s.st, &err) != 0 ||
	    svc_login(&s, "jane", "1234", &err) != 0) {
		fprintf(stderr, "poster: %s\n", err.msg);
		return 1;
	}
	/* the poster times and crashes posting, not shifts (issue 20) */
	xstrlcpy(s.cfg.shifts_required, "no", sizeof s.cfg.shifts_required);
	if (g != NULL)
		group = strtol(g, NULL, 10);
	/* grouped commits are a load, like the demo's: each payment a
	 * savepoint of a big transaction, kept in memory (store_bulk) */
	if (group > 0)
		store_bulk(s.st, 1);
	for (i = 0; i < n; i++) {
		if (group > 0 && i % group == 0 &&
		    ((i > 0 && store_commit(s.st, &err) != 0) ||
		        store_begin(s.st, &err) != 0)) {
			fprintf(stderr, "poster: %s\n", err.msg);
			return 1;
		}
		memset(&q, 0, sizeof q);
		/* with a config (the sync tests) over the three accounts */
		q.account = argc >= 4 ? accounts[i % 3] : "WU-10001";
		if (accts > 0) {
			snprintf(acct, sizeof acct, "AC-%07ld", 1 + i % accts);
			q.account = acct;
		}
		q.type = PAY_BILL;
		q.method = i % 3 ? "Cash" : "Credit Card";
		q.amount = 100 + i % 50;
		if (i % 3)
			q.tendered = 500;
		if (svc_pay_post(&s, &q, &r, &err) != 0) {
			fprintf(stderr, "poster: %s\n", err.msg);
			return 1;
		}
		if (i == 0 && ready != NULL && *ready != '\0') {
			if ((rf = fopen(ready, "w")) == NULL) {
				perror(ready);
				return 1;
			}
			fclose(rf);
		}
	}
	if (group > 0 && n > 0 && store_commit(s.st, &err) != 0) {
		fprintf(stderr, "poster: %s\n", err.msg);
		return 1;
	}
	svc_close(&s);
	return 0;
}
