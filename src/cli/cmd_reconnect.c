/* cmd_reconnect.c - the reconnection list (issue 21): reconnections. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opts.h"

int
cmd_reconnections(struct cli *c, int argc, char **argv)
{
	static const struct xcol cols[] = {
	    {NC_("column", "Account"), "account_no", X_ID, 10, 0},
	    {NC_("column", "Consumer"), "consumer", X_TEXT, 24, 0},
	    {NC_("column", "Was overdue"), "was_overdue", X_MONEY, 12, 0},
	    {NC_("column", "Listed on"), "listed_on", X_DATE, 10, 0},
	    {NC_("column", "Overdue now"), "overdue", X_MONEY, 12, 0},
	    {NC_("column", "Why"), "reason", X_TERM, 12, 0},
	    /* for the field crews (review R21d, r21d_crew_address) */
	    {NC_("column", "Address"), "address", X_TEXT, 28, 0},
	    {NC_("column", "Phone"), "phone", X_TEXT, 15, 0},
	};
	struct xcell cell[8];
	struct reconnect_row *r;
	struct table *t;
	char **pos;
	int npos;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0 ||
	    (r = svc_reconnections(&c->svc, &n, &c->err)) == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	t = table_new(c, cols, 8);
	table_sheet(t, N_("Reconnections"));
	for (i = 0; i < n; i++) {
		memset(cell, 0, sizeof cell);
		cell[0].s = r[i].account_no;
		cell[1].s = r[i].name;
		cell[2].n = r[i].was;
		cell[3].s = r[i].listed_on;
		cell[4].n = r[i].now;
		cell[5].s = r[i].reason;
		cell[6].s = r[i].address;
		cell[7].s = r[i].phone;
		table_cells(t, cell);
	}
	free(r);
	return table_done(t, 0);
}
