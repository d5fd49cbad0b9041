/* cmd_reconnect.c - the reconnection list (issue 21): reconnections. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opts.h"

int
cmd_reconnections(struct cli *c, int argc, char **argv)
{
	/* the screen's columns (listing.c), for the field crews */
	struct xcell cell[8];
	struct reconnect_row *r;
	struct table *t;
	const struct xcol *cols;
	char **pos;
	int npos, ncols;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0 ||
	    (r = svc_reconnections(&c->svc, &n, &c->err)) == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	cols = svc_listing_cols(LIST_RECONNECT, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Reconnections"));
	for (i = 0; i < n; i++) {
		svc_reconnect_cells(&r[i], cell);
		table_cells(t, cell);
	}
	free(r);
	return table_done(t, 0);
}
