/* shift_kill.c - the blind close killed in the middle (issue 20): closes
 * jane's open shift at the terminal of CONFIG with the cash counted in
 * COUNT (DENOMxQTY,...; a supervisor's sign-off by mary, PIN 2222, so
 * that the close holds its transaction through a PIN hash too; a reason
 * for each of Cash, Credit Card and Cheque), and
 * raises SIGKILL inside that transaction at the Nth row the close writes
 * to TABLE (shifts, shift_counts, shift_tenders, audit_log). The store
 * must then hold the shift open as before, or closed whole: never half.
 *
 * usage: shift_kill CONFIG TABLE N COUNT [REASON]
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/internal.h"
#include "paydesk/service.h"

static const char *kill_table;
static long kill_at, seen;

static void
on_write(
    void *arg, int op, const char *db, const char *table, sqlite3_int64 row)
{
	(void)arg;
	(void)op;
	(void)db;
	(void)row;
	if (strcmp(table, kill_table) == 0 && ++seen == kill_at)
		raise(SIGKILL);
}

int
main(int argc, char **argv)
{
	struct svc s;
	struct pd_err err;
	struct shift_count c[24];
	struct shift_close_request q;
	struct shift_close_result res;
	const char *text = argc > 5 ? argv[5] : "Miscounted";
	struct shift_reason why[] = {
	    {"Cash", text}, {"Credit Card", text}, {"Cheque", text}};
	size_t n = 0;
	char *list, *tok, *save = NULL;

	if (argc < 5 || argc > 6) {
		fprintf(stderr,
		    "usage: shift_kill CONFIG TABLE N COUNT [REASON]\n");
		return 2;
	}
	kill_table = argv[2];
	kill_at = strtol(argv[3], NULL, 10);
	memset(c, 0, sizeof c);
	list = strdup(argv[4]);
	for (tok = strtok_r(list, ",", &save); tok != NULL && n < 24;
	     tok = strtok_r(NULL, ",", &save), n++) {
		c[n].kind = SHIFT_COUNT_DENOM;
		if (sscanf(tok, "%" SCNd64 "x%" SCNd64, &c[n].denomination,
		        &c[n].qty) != 2)
			return 2;
	}
	free(list);
	memset(&s, 0, sizeof s);
	if (svc_open(&s, argv[1], NULL, 0, &err) != 0 ||
	    svc_login(&s, "jane", "1234", &err) != 0) {
		fprintf(stderr, "shift_kill: %s\n", err.msg);
		return 1;
	}
	sqlite3_update_hook(s.st->db->lite, on_write, NULL);
	memset(&q, 0, sizeof q);
	q.counts = c;
	q.ncounts = n;
	q.reasons = why;
	q.nreasons = sizeof why / sizeof why[0];
	q.approval.user = "mary";
	q.approval.pin = "2222";
	if (svc_shift_close(&s, &q, &res, &err) != 0) {
		fprintf(stderr, "shift_kill: %s\n", err.msg);
		return 1;
	}
	printf("%s\n", res.sh.z_no);
	svc_shift_close_result_free(&res);
	svc_close(&s);
	return 0;
}
