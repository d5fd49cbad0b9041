/* cmd_config.c - `paydesk config`: the effective configuration, every key
 * of the schema with its value, as an INI file; a value the central node
 * set (kept in the store) says so. */
#include <stdio.h>
#include <string.h>

#include "opts.h"

int
cmd_config(struct cli *c, int argc, char **argv)
{
	const struct config_row *rows;
	char **pos, value[1024];
	const char *section = "";
	int npos, n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	rows = svc_config_rows(&n);
	printf("; effective configuration, from %s\n",
	    c->svc.cfg.source[0] ? c->svc.cfg.source : "the built-in defaults");
	for (i = 0; i < n; i++) {
		if (strcmp(section, rows[i].section) != 0) {
			section = rows[i].section;
			printf("\n[%s]\n", section);
		}
		svc_config_value(&c->svc.cfg, i, value, sizeof value);
		printf("; %s\n%s%s = %s\n", rows[i].help,
		    c->svc.cfg.from_central >> i & 1
		        ? "; set by the central node, over the file's value:\n"
		        : "",
		    rows[i].key, value);
	}
	return 0;
}
