/* opts.h - command options from a table. */
#ifndef PAYDESK_CLI_OPTS_H
#define PAYDESK_CLI_OPTS_H
#include "cli.h"

#define OPT_ONCE 2
/* a list's or report's filter: a value given at most once, and one empty
 * or of spaces only is a usage error ("--consumer needs a value"), as
 * README says of an empty filter value, not a filter matching nothing */
#define OPT_FILTER 3
/* a command's value that is not free text (an amount, a count, a user, a
 * word of a configured list, a file): given at most once, and empty or of
 * spaces only a usage error ("--reason needs a value"), as a filter's (a
 * fresh tester's, s72 fault 3: shift pay-in --reason "" was status 3);
 * a note's or a reason's free text is OPT_ONCE, its emptiness its use
 * case's to say (status 3, paydesk(1) EXIT STATUS) */
#define OPT_VALUE 4

struct opt {
	const char *name; /* long option, without -- */
	int flag;         /* 1: takes no value, *val becomes "1"; else
	                     (0, OPT_ONCE) a value, given at most once: a
	                     second is refused (usage), as it would silently
	                     replace the first */
	const char **val; /* where the value goes */
};

/* Parse argv (argv[0] is the command's name) against opts (ended by a
 * row with name NULL); positional arguments land in *pos, between min_pos
 * and max_pos of them. */
int cli_opts(struct cli *c, int argc, char **argv, const struct opt *opts,
    int min_pos, int max_pos, char ***pos, int *npos);
/* The same where the positional arguments from text_pos (0-based) on are
 * free text (a note): one empty or blank is left to the use case, which
 * says the text is required, as it does for an option's text; the others
 * empty or blank are a usage error. */
int cli_opts_text(struct cli *c, int argc, char **argv, const struct opt *opts,
    int min_pos, int max_pos, int text_pos, char ***pos, int *npos);

/* --scope TEXT (NULL: the user's role's own): the scope of the figures,
 * lists and reports the command reads (issue 23); a bad word PD_EINVAL,
 * one wider than the user's role PD_ESCOPE. */
int cli_scope(struct cli *c, const char *text);
/* The scope in force as a title line above a text listing ("Scope:
 * Branch B01"); nothing in the other output modes. */
void cli_scope_line(struct cli *c);
/* With --json, the head of a report's object: {"scope": WORD, "team":
 * TEAM (under team visibility), "filters": {the options of fs as typed}
 * (when some hold; fs NULL: none), "KEY": — the rows follow, then
 * cli_scope_json_close (its "}" when rc is 0; returns rc). */
void cli_scope_json_open(
    struct cli *c, const char *key, const struct svc_filters *fs);
int cli_scope_json_close(struct cli *c, int rc);
/* The same above a list of payments or credit notes with a search
 * (NULL: none): one with no scope chosen is of wherever they were taken. */
void cli_list_scope_line(struct cli *c, const char *search);
/* The line above a text listing that has no scope (issue 23, paydesk(1)
 * SCOPES says why): "Scope: Organisation (the same in every scope)";
 * with here 1, this terminal's own ("Scope: Terminal T01"); 2, its
 * branch's ("Scope: Branch B01"). */
void cli_fixed_scope_line(struct cli *c, int here);

/* The report filters' options (issue 23) of allowed (SVC_FILTER_BIT()s)
 * appended to o at *n (o ends with a NULL row after them), each value
 * into fs (zeroed here); --operator is --user's older name. */
void cli_filter_opts(
    struct opt *o, int *n, struct svc_filters *fs, unsigned allowed);
/* kpi --rows (cmd_kpi_rows.c, review R23): the line naming the filters
 * fs under the scope line (text only; none when no filter holds), and
 * the open items behind Outstanding, of fs's segment. */
void cli_kpi_rows_filters(struct cli *c, const struct svc_filters *fs);
int cli_kpi_open_rows(struct cli *c, const struct svc_filters *fs);
/* kpi --rows ROWS: the rows behind figure ROWS of k (collected, day,
 * rate, outstanding or time), of the scope and filters fs in force. */
int cli_kpi_rows(struct cli *c, const char *rows, const struct kpi *k,
    const struct svc_filters *fs);
/* kpi --rows time: the allocations behind k's Average Collection Time. */
int cli_kpi_time_rows(struct cli *c, const struct kpi *k,
    const struct svc_filters *fs);

#endif
