/* opts.h - command options from a table. */
#ifndef PAYDESK_CLI_OPTS_H
#define PAYDESK_CLI_OPTS_H
#include "cli.h"

struct opt {
	const char *name; /* long option, without -- */
	int flag;         /* 1: takes no value, *val becomes "1" */
	const char **val; /* where the value goes */
};

/* Parse argv (argv[0] is the command's name) against opts (ended by a
 * row with name NULL); positional arguments land in *pos, between min_pos
 * and max_pos of them. */
int cli_opts(struct cli *c, int argc, char **argv, const struct opt *opts,
    int min_pos, int max_pos, char ***pos, int *npos);

#endif
