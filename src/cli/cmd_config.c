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
	printf("; ");
	if (c->svc.cfg.source[0])
		printf(
		    _("effective configuration, from %s"), c->svc.cfg.source);
	else
		fputs(_("effective configuration, from the built-in defaults"),
		    stdout);
	fputc('\n', stdout);
	for (i = 0; i < n; i++) {
		if (strcmp(section, rows[i].section) != 0) {
			section = rows[i].section;
			printf("\n[%s]\n", section);
		}
		svc_config_value(&c->svc.cfg, i, value, sizeof value);
		printf("; %s\n", _(rows[i].help));
		/* the organisation's settings: the central node's, or,
		 * at a store with none, those imported here (helper-255,
		 * fault 3: "set by the central node" where there is none) */
		if (config_is_central(&c->svc.cfg, i))
			printf("; %s\n",
			    c->svc.cfg.sync_url[0]
			        ? _("set by the central node, over the file's "
			            "value:")
			        : _("set by the organisation's settings "
			            "imported here, over the file's value:"));
		printf("%s = %s\n", rows[i].key, value);
	}
	/* the organisation's keys this file sets otherwise, every time,
	 * after the configuration (not in the middle of one of its lines) */
	fflush(stdout);
	cli_org_note(c->svc.org_note);
	return 0;
}
