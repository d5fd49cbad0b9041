/* main.c - `paydesk-central`: serve, or administer organisations,
 * terminals, payment gateways and reference data. */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "central.h"

/* The command lines, one a row; the words in capitals are the reader's
 * to fill in, the rest typed as it is (never translated). */
static const char *const synopsis[] = {
    "[serve]",
    "org add CODE NAME [--currency CODE]",
    "org rename CODE NAME",
    "org list",
    "terminal add ORG BRANCH TERMINAL",
    "terminal revoke ORG TERMINAL",
    "terminal list [ORG]",
    "import ORG consumers|bills|services|installments|users|settings "
    "FILE.csv "
    "[--update]",
    "gateway add ORG NAME --profile card|mobile-money",
    "gateway rotate|revoke ORG NAME",
    "gateway list [ORG]",
    "gateway set ORG NAME [--method METHOD] [--statuses MAP] "
    "[--time-zone ZONE] [--account ACCOUNT]",
    "gateway settle ORG NAME FILE.csv",
    "gateway payments ORG [NAME] [--unassociated]",
    "shifts ORG [--branch BRANCH] [--from DATE] [--to DATE] [--json]",
    "deposits ORG [--json]",
    "statements ORG [NAME] [--account ACCOUNT] [--from DATE] [--to DATE] "
    "[--terminal TERMINAL] [--json]",
    "exceptions ORG [--account ACCOUNT] [--from DATE] [--to DATE] "
    "[--terminal TERMINAL] [--json]",
    "reconciliation ORG [--account ACCOUNT] [--from DATE] [--to DATE] "
    "[--json]",
    "collections [--org ORG] [--currency CODE] [--from DATE] [--to DATE] "
    "[--method METHOD] [--json]",
    "doctor ORG",
    "gaps ORG [--terminal TERMINAL] [--json]",
    "reanchors ORG [--terminal TERMINAL] [--json]",
    "move ORG --to sqlite|postgresql|postgresql://...",
    "migrate",
};

static void
usage(FILE *f)
{
	size_t i;
	/* TRANSLATORS: the start of the usage lines of paydesk-central;
	 * the rest of each line (commands, options) stays as typed */
	const char *head = _("usage:");
	int w = utf8_columns(head, strlen(head));

	for (i = 0; i < sizeof synopsis / sizeof synopsis[0]; i++) {
		/* the placeholders in the reader's words, as paydesk help */
		fprintf(f, "%s%*s ", i == 0 ? head : "", i == 0 ? 0 : w, "");
		svc_synopsis(f, "paydesk-central [--config FILE] ");
		svc_synopsis(f, synopsis[i]);
		fputc('\n', f);
	}
	fprintf(f, "\n%s\n",
	    _("With no command, paydesk-central serves, as serve does, until "
	      "it is stopped."));
}

/* After a usage error's reason (paydesk-central: ...), a short hint,
 * never the whole usage before it (s72: collections --currency kes gave
 * 27 lines of usage with the reason last): the command's own synopsis
 * lines when cmd is a command, else the whole usage, as paydesk does for
 * a command it does not know. */
/* The synopsis lines of cmd (and of its sub-command sub, when some are:
 * "gateway set"), printed to f under "usage:" when f is not NULL; how
 * many there are. */
static size_t
usage_lines(FILE *f, const char *cmd, const char *sub)
{
	const char *head = _("usage:"), *line;
	int w = utf8_columns(head, strlen(head));
	size_t i, n = strlen(cmd), m = sub != NULL ? strlen(sub) : 0, shown = 0;

	for (i = 0; n > 0 && i < sizeof synopsis / sizeof synopsis[0]; i++) {
		line = synopsis[i] + (synopsis[i][0] == '[');
		if (strncmp(line, cmd, n) != 0 ||
		    (line[n] != ' ' && line[n] != ']' && line[n] != '\0'))
			continue;
		/* "gateway rotate|revoke": either word */
		if (m > 0 && line[n] == ' ' &&
		    !((strncmp(line + n + 1, sub, m) == 0 &&
		          strchr(" |", line[n + 1 + m]) != NULL) ||
		        (strchr(line + n + 1, '|') != NULL &&
		            strchr(line + n + 1, '|') <
		                strchr(line + n + 1, ' ') &&
		            strncmp(strchr(line + n + 1, '|') + 1, sub, m) ==
		                0 &&
		            strchr(line + n + 1, '|')[1 + m] == ' ')))
			continue;
		if (f != NULL) {
			fprintf(f, "%s%*s ", shown == 0 ? head : "",
			    shown == 0 ? 0 : w, "");
			svc_synopsis(f, "paydesk-central [--config FILE] ");
			svc_synopsis(f, synopsis[i]);
			fputc('\n', f);
		}
		shown++;
	}
	return shown;
}

/* After a usage error's reason (paydesk-central: ...), a short hint,
 * never the whole usage before it (s72: collections --currency kes gave
 * 27 lines of usage with the reason last): the synopsis lines of the
 * command (of its sub-command sub when that is one of its own) when cmd
 * is a command, else the whole usage, as paydesk does for a command it
 * does not know. */
static void
usage_hint(FILE *f, const char *cmd, const char *sub)
{
	if (sub == NULL || sub[0] == '-' || usage_lines(NULL, cmd, sub) == 0)
		sub = NULL;
	if (usage_lines(f, cmd, sub) == 0) {
		usage(f);
		return;
	}
	fprintf(f, "%s\n",
	    _("See `paydesk-central --help` for every command, "
	      "paydesk-central(8) for the rest."));
}

void
central_row(const char *const *cells, const int *w, int n, int right_last)
{
	int i, c;

	for (i = 0; i < n; i++) {
		c = utf8_columns(cells[i], strlen(cells[i]));
		if (i == n - 1 && right_last)
			printf("%*s%s", w[i] > c ? w[i] - c : 0, "", cells[i]);
		else
			printf("%s%*s", cells[i], w[i] > c ? w[i] - c : 0, "");
		putchar(i == n - 1 ? '\n' : ' ');
	}
}

void
central_head(const char *const *heads, int *w, int n, int right_last)
{
	int i, c;

	for (i = 0; i < n; i++) {
		c = utf8_columns(heads[i], strlen(heads[i]));
		w[i] = c > w[i] ? c : w[i];
	}
	central_row(heads, w, n, right_last);
}

void
central_none(size_t n)
{
	if (n == 0)
		puts(_("(none)"));
}

int
central_check_id(
    const char *what, const char *v, size_t max, struct pd_err *err)
{
	size_t i, n = strlen(v);

	if (n == 0 || n > max)
		return pd_fail(err, PD_EUSAGE,
		    _("%s \"%s\": must be 1 to %zu characters"), what, v, max);
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && v[i] != '-')
			return pd_fail(err, PD_EUSAGE,
			    _("%s \"%s\": only letters, digits and '-' are "
			      "allowed"),
			    what, v);
	return 0;
}

int
central_check_new_id(
    const char *what, const char *v, size_t max, struct pd_err *err)
{
	if (central_check_id(what, v, max, err) != 0)
		return -1;
	/* "--x" or "-" is no name but a mistyped option (R19: gateway add
	 * ACME --x --profile card registered a gateway "--x"); one named
	 * so before is still found by the commands that name it */
	if (v[0] == '-')
		return pd_fail(err, PD_EUSAGE,
		    _("%s \"%s\": must begin with a letter or a digit"), what,
		    v);
	return 0;
}

int
central_twice(const char *opt, struct pd_err *err)
{
	return pd_fail(err, PD_EUSAGE,
	    _("%s is given twice: give it once (see paydesk-central(8))"),
	    opt);
}

int
central_opt_once(
    const char *opt, const char **slot, const char *v, struct pd_err *err)
{
	if (*slot != NULL)
		return central_twice(opt, err);
	*slot = v;
	return 0;
}

int
central_filter_opt(
    const char *opt, const char **slot, char *v, struct pd_err *err)
{
	char *end;

	if (central_opt_once(opt, slot, v, err) != 0)
		return -1;
	/* the white space around it taken off, as paydesk's report
	 * filters take it off (s72 fault 9) */
	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
		v++;
	end = v + strlen(v);
	while (end > v && (end[-1] == ' ' || end[-1] == '\t' ||
	                      end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	*slot = v;
	if (*v == '\0')
		return pd_fail(
		    err, PD_EUSAGE, _("--%s needs a value"), opt + 2);
	return 0;
}

int
central_terminal_known(
    struct backend *b, const char *org, const char *t, struct pd_err *err)
{
	struct terminal_row *rows;
	char known[512] = "";
	size_t n, i, at = 0;

	if (t == NULL)
		return 0;
	if ((rows = b->ops->terminals(b, org, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n && strcmp(rows[i].terminal, t) != 0; i++)
		;
	if (i < n) {
		free(rows);
		return 0;
	}
	for (i = 0; i < n && at < sizeof known; i++)
		at += (size_t)snprintf(known + at, sizeof known - at, "%s%s",
		    i ? ", " : "", rows[i].terminal);
	free(rows);
	if (n == 0)
		return pd_fail(err, PD_EUSAGE,
		    _("--terminal \"%s\": organisation %s has no terminal "
		      "(paydesk-central terminal add)"),
		    t, org);
	return pd_fail(err, PD_EUSAGE,
	    _("--terminal \"%s\": not one of the terminals of %s (%s)"), t, org,
	    known);
}

int
central_date_opt(
    const char *opt, const char **slot, const char *v, struct pd_err *err)
{
	int32_t d;

	if (central_opt_once(opt, slot, v, err) != 0)
		return -1;
	if (date_parse(v, opt, &d, err) != 0) {
		err->code = date_form_status(v, NULL);
		return -1;
	}
	/* a period that begins after today has nothing yet: 3, as
	 * paydesk's --from (cli_from; helper-287 fault 10, helper-290
	 * fault 9: shifts and collections --from 2027-01-01 were 0) */
	if (strcmp(opt, "--from") == 0) {
		char today[11];

		svc_today(today);
		if (strcmp(v, today) > 0)
			return pd_fail(err, PD_EINVAL,
			    _("--from %s is after today (%s): nothing is there "
			      "yet"),
			    v, today);
	}
	/* one rule for every --to, paydesk's and paydesk-central's
	 * (paydesk-central(8) EXIT STATUS): a day after today is taken and
	 * means up to today, nothing being dated later (fault 10) */
	if (strcmp(opt, "--to") == 0) {
		static char today[4][11];
		static int n;
		char *t = today[n++ % 4];

		svc_today(t);
		if (strcmp(v, t) > 0)
			*slot = t;
	}
	return 0;
}

/* migrate: one line an organisation. */
static void
migrated(const char *org, int version, void *arg)
{
	(void)arg;
	printf(_("organisation %s: schema version %d."), org, version);
	putchar('\n');
}

/* doctor: one line a problem. */
static void
problem(const char *what, void *arg)
{
	(*(int *)arg)++;
	printf(_("problem: %s\n"), what);
}

/* doctor ORG: the organisation's store checked (issue 22: on both
 * backends); a problem is exit status 6 as paydesk doctor's. */
static int
doctor_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	int n = 0, rc;

	if (argc != 2) {
		return pd_fail(err, PD_EUSAGE, _("Doctor: which organisation"));
	}
	if (central_check_id(_("Organisation"), argv[1], 32, err) != 0)
		return -1;
	rc = b->ops->doctor(b, argv[1], problem, &n, err);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return pd_fail(err, PD_ESTORE,
		    ngettext("%s: %d problem found", "%s: %d problems found",
		        (unsigned long)rc),
		    argv[1], rc);
	printf(_("organisation %s: ok (balances, voids, arrangements, "
	         "number series, audit chain)"),
	    argv[1]);
	putchar('\n');
	return 0;
}

/* move: one line a table, the source's rows and money and the copy's. */
static void
moved_table(const char *table, const int64_t a[2], const int64_t c[2], int same,
    void *arg)
{
	(void)arg;
	printf(_("  %-24s %8lld rows %14lld money   copy: %8lld rows %14lld "
	         "money %s"),
	    table, (long long)a[0], (long long)a[1], (long long)c[0],
	    (long long)c[1], same ? _("same") : _("DIFFERENT"));
	putchar('\n');
}

/* move ORG --to WHERE (issue 22): the organisation's store copied,
 * verified and switched to; a difference is exit status 12. */
static int
move_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *h = getenv("PAYDESK_CENTRAL_HOOK");

	if (argc == 6 && strcmp(argv[2], "--to") == 0 &&
	    strcmp(argv[4], "--to") == 0)
		return central_twice(argv[4], err);
	if (argc != 4 || strcmp(argv[2], "--to") != 0) {
		return pd_fail(err, PD_EUSAGE,
		    _("Move: which organisation, and --to where"));
	}
	if (central_check_id(_("Organisation"), argv[1], 32, err) != 0)
		return -1;
	if (b->ops->move(b, argv[1], argv[3],
	        h != NULL && strstr(h, "move-forge") != NULL, moved_table, NULL,
	        err) != 0) {
		if (err->code == PD_ETAMPER) {
			size_t l = strlen(err->msg);

			snprintf(err->msg + l, sizeof err->msg - l,
			    _("; nothing was switched: %s stays where it was "
			      "and serves on"),
			    argv[1]);
		}
		return -1;
	}
	printf(_("organisation %s moved to %s: every table and the audit "
	         "chain verified; the terminals sync with it there now."),
	    argv[1], argv[3]);
	putchar('\n');
	return 0;
}

/* $PAYDESK_CENTRAL_HOOK: comma-separated test hooks. */
static int
read_hooks(struct server *sv, struct backend *b, struct pd_err *err)
{
	const char *h = getenv("PAYDESK_CENTRAL_HOOK");
	char *copy, *tok, *save = NULL;
	long v;
	int rc = 0;

	if (h == NULL || *h == '\0')
		return 0;
	copy = xstrdup(h);
	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == 0;
	     tok = strtok_r(NULL, ",", &save)) {
		if (sscanf(tok, "kill-after-records=%ld", &v) == 1 && v > 0)
			b->kill_after = v;
		else if (sscanf(tok, "drop-after-push=%ld", &v) == 1 && v > 0)
			sv->drop_after_push = v;
		else if (sscanf(tok, "kill-after-notifications=%ld", &v) == 1 &&
		         v > 0)
			b->kill_after_notes = v;
		else if (sscanf(tok, "kill-in-group=%ld", &v) == 1 && v > 0)
			b->kill_in_group = v;
		else if (sscanf(tok, "group-max=%ld", &v) == 1 && v > 0)
			sv->group_max = v;
		else if (sscanf(tok, "slow-ms=%ld", &v) == 1 && v > 0)
			sv->slow_ms = v;
		else if (sscanf(tok, "hold-push-ms=%ld", &v) == 1 && v > 0)
			b->hold_ms = v;
		else if (sscanf(tok, "stop-grace-ms=%ld", &v) == 1 && v > 0)
			sv->stop_grace_ms = v;
		else
			rc = pd_fail(err, PD_EUSAGE,
			    "PAYDESK_CENTRAL_HOOK: unknown hook \"%s\"", tok);
	}
	free(copy);
	return rc;
}

static int
serve(struct backend *b, struct pd_err *err)
{
	struct server sv;
	sigset_t stop;
	int rc;

	memset(&sv, 0, sizeof sv);
	sv.b = b;
	if (read_hooks(&sv, b, err) != 0)
		return -1;
	sv.log = stderr;
	if (b->cfg.central_log[0] != '\0') {
		sv.log = fopen(b->cfg.central_log, "a");
		if (sv.log == NULL)
			return pd_fail(err, PD_EINVAL,
			    _("[central] log: cannot open %s"),
			    b->cfg.central_log);
	}
	/* blocked here, so the server's threads inherit the mask and the
	 * main thread alone takes them, in sigwait */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	rc = server_run(&sv, &stop, err);
	if (sv.log != stderr)
		fclose(sv.log);
	return rc;
}

static int
terminal_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	char token[65], pending[24], added[64], seen[64];
	struct svc fmt; /* for the central's [organisation] date format */
	struct terminal_row *t;
	size_t n, i;
	/* the columns as wide as before translation, or as the heading */
	int w[7] = {12, 8, 10, 8, 19, 19, 8};
	const char *cells[7],
	    *heads[7] = {_("ORG"), _("BRANCH"), _("TERMINAL"), _("STATE"),
	        _("ADDED"), _("LAST SEEN"), _("PENDING")};

	if (argc >= 1 && strcmp(argv[0], "add") == 0 && argc == 4) {
		if (central_check_id(_("Organisation"), argv[1], 32, err) ||
		    central_check_new_id(_("Branch"), argv[2], 16, err) ||
		    central_check_new_id(_("Terminal"), argv[3], 16, err))
			return -1;
		if (strcmp(argv[3], b->cfg.terminal_id) == 0)
			return pd_fail(err, PD_EUSAGE,
			    _("Terminal %s: the central node numbers its own "
			      "documents with that id ([terminal] id); choose "
			      "another"),
			    argv[3]);
		if (b->ops->terminal_add(
		        b, argv[1], argv[2], argv[3], token, err) != 0)
			return -1;
		printf(_("terminal %s of %s (branch %s) added."), argv[3],
		    argv[1], argv[2]);
		/* "token: " is read by scripts: never translated */
		printf("\ntoken: %s\n%s\n", token,
		    _("Put it in the terminal's config as [sync] token; it "
		      "is not shown again."));
		return 0;
	}
	if (argc == 3 && strcmp(argv[0], "revoke") == 0) {
		if (b->ops->terminal_revoke(b, argv[1], argv[2], err) != 0)
			return -1;
		printf(_("terminal %s of %s revoked; its token is refused from "
		         "now on."),
		    argv[2], argv[1]);
		putchar('\n');
		return 0;
	}
	if ((argc == 1 || argc == 2) && strcmp(argv[0], "list") == 0) {
		t = b->ops->terminals(b, argc == 2 ? argv[1] : NULL, &n, err);
		if (t == NULL)
			return -1;
		/* svc_timestamp reads only the configuration's date format
		 * (issue 25 review: the dates were ISO in Spanish and French
		 * whatever date_format said) */
		memset(&fmt, 0, sizeof fmt);
		fmt.cfg = b->cfg;
		central_head(heads, w, 7, 1);
		for (i = 0; i < n; i++) {
			snprintf(pending, sizeof pending, "%lld",
			    (long long)t[i].pending);
			cells[0] = t[i].org;
			cells[1] = t[i].branch;
			cells[2] = t[i].terminal;
			cells[3] =
			    t[i].revoked_at[0] ? _("revoked") : _("active");
			cells[4] = svc_timestamp(
			    &fmt, added, sizeof added, t[i].created_at);
			cells[5] = t[i].last_seen[0]
			               ? svc_timestamp(&fmt, seen, sizeof seen,
			                     t[i].last_seen)
			               : _("never");
			cells[6] = pending;
			central_row(cells, w, 7, 1);
		}
		central_none(n);
		free(t);
		return 0;
	}
	return pd_fail(err, PD_EUSAGE, _("Terminal: add, revoke or list"));
}

/* org add CODE NAME [--currency CODE] (issue 23: the currency is the
 * organisation's, the node's [organisation] currency_code when none is
 * given), org rename CODE NAME (fault 9: the name reaches its
 * terminals), org list. */
static int
org_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *cur = b->cfg.currency_code;
	char digits_s[8];
	int digits = b->cfg.minor_digits, w[4] = {12, 24, 8, 6};
	const char *cells[4], *heads[4] = {_("ORG"), _("NAME"), _("CURRENCY"),
	                          _("DECIMALS")};
	struct org_row *o;
	size_t n, i;

	if (argc == 7 && strcmp(argv[0], "add") == 0 &&
	    strcmp(argv[3], "--currency") == 0 &&
	    strcmp(argv[5], "--currency") == 0)
		return central_twice(argv[5], err);
	if (argc == 5 && strcmp(argv[0], "add") == 0 &&
	    strcmp(argv[3], "--currency") == 0) {
		cur = argv[4];
		digits = currency_minor_digits(cur);
		if (digits < 0)
			return pd_fail(err, PD_EUSAGE,
			    _("--currency \"%s\": not an ISO 4217 currency "
			      "code in capitals (KES, EUR, JPY...)"),
			    cur);
	} else if (argc != 3 || strcmp(argv[0], "add") != 0) {
		if (argc == 1 && strcmp(argv[0], "list") == 0)
			goto list;
		if (argc == 3 && strcmp(argv[0], "rename") == 0)
			goto rename;
		return pd_fail(err, PD_EUSAGE, _("Org: add, rename or list"));
	}
	if (central_check_new_id(_("Organisation"), argv[1], 32, err) != 0)
		return -1;
	if (svc_org_name_check(&b->cfg, argv[2], err) != 0)
		return -1;
	if (b->ops->org_add(b, argv[1], argv[2], cur, digits, err) != 0)
		return -1;
	printf(_("organisation %s (%s) added, currency %s (%d decimals)."),
	    argv[1], argv[2], cur, digits);
	putchar('\n');
	return 0;
list:
	if ((o = b->ops->orgs(b, &n, err)) == NULL)
		return -1;
	central_head(heads, w, 4, 1);
	for (i = 0; i < n; i++) {
		snprintf(digits_s, sizeof digits_s, "%d", o[i].digits);
		cells[0] = o[i].code;
		cells[1] = o[i].name;
		cells[2] = o[i].currency;
		cells[3] = digits_s;
		central_row(cells, w, 4, 1);
	}
	central_none(n);
	free(o);
	return 0;
rename:
	if (svc_org_name_check(&b->cfg, argv[2], err) != 0 ||
	    b->ops->org_rename(b, argv[1], argv[2], err) != 0)
		return -1;
	printf(_("organisation %s renamed %s."), argv[1], argv[2]);
	putchar('\n');
	return 0;
}

/* The commands that read an organisation's store and print (their own
 * files), by name. */
static const struct {
	const char *name;
	int (*cmd)(
	    struct backend *b, int argc, char **argv, struct pd_err *err);
} reports[] = {
    {"shifts", shifts_cmd},
    {"deposits", deposits_cmd},
    {"statements", statements_cmd},
    {"exceptions", exceptions_cmd},
    {"reconciliation", reconciliation_cmd},
    {"collections", collections_cmd},
    {"gaps", gaps_cmd},
    {"reanchors", reanchors_cmd},
};

static int
run(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	struct import_counts n;
	size_t rows, i;

	if (argc == 0 || strcmp(argv[0], "serve") == 0) {
		if (argc > 1) {
			return pd_fail(
			    err, PD_EUSAGE, _("Serve takes no arguments"));
		}
		return serve(b, err);
	}
	if (strcmp(argv[0], "org") == 0)
		return org_cmd(b, argc - 1, argv + 1, err);
	if (strcmp(argv[0], "terminal") == 0)
		return terminal_cmd(b, argc - 1, argv + 1, err);
	if (strcmp(argv[0], "doctor") == 0)
		return doctor_cmd(b, argc, argv, err);
	if (strcmp(argv[0], "move") == 0)
		return move_cmd(b, argc, argv, err);
	if (strcmp(argv[0], "migrate") == 0) {
		if (argc > 1) {
			return pd_fail(
			    err, PD_EUSAGE, _("Migrate takes no arguments"));
		}
		return b->ops->migrate(b, migrated, NULL, err);
	}
	if (strcmp(argv[0], "gateway") == 0) {
		if (gateway_cmd(b, argc - 1, argv + 1, err) == 0)
			return 0;
		return -1;
	}
	for (i = 0; i < sizeof reports / sizeof reports[0]; i++)
		if (strcmp(argv[0], reports[i].name) == 0) {
			if (reports[i].cmd(b, argc - 1, argv + 1, err) == 0)
				return 0;
			return -1;
		}
	/* --update before the file too, as paydesk import takes it; any
	 * other shape names the command, not "Unknown command" (review
	 * 21b, fault 13) */
	if (strcmp(argv[0], "import") == 0) {
		const char *ia[3];
		int ni = 0, upd = 0, k;

		for (k = 1; k < argc; k++) {
			if (strcmp(argv[k], "--update") == 0)
				upd++;
			else if (ni < 3)
				ia[ni++] = argv[k];
			else
				ni = 4;
		}
		if (ni != 3 || upd > 1)
			return pd_fail(err, PD_EUSAGE,
			    _("Import needs ORG, KIND and FILE.csv, and "
			      "--update at most once"));
		if (b->ops->import(b, ia[0], ia[1], ia[2], upd, &n,
		        err) != 0) {
			/* the file may be anyone's: where and what, not its
			 * bytes */
			log_redact(err->msg, sizeof err->msg);
			return -1;
		}
		/* the operator's language (its API answers and log stay
		 * English, paydesk-central(8)) */
		rows = n.added + n.updated + n.unchanged;
		printf(ngettext("imported %zu row of %s into %s: %zu added, "
		                "%zu updated, %zu unchanged; terminals get the "
		                "changes at their next sync.",
		           "imported %zu rows of %s into %s: %zu added, %zu "
		           "updated, %zu unchanged; terminals get the changes "
		           "at their next sync.",
		           (unsigned long)rows),
		    rows, ia[1], ia[0], n.added, n.updated, n.unchanged);
		putchar('\n');
		if (n.matched > 0 || n.unassociated > 0) {
			printf(_("gateway payments matched again: %zu "
			         "associated, %zu still unassociated."),
			    n.matched, n.unassociated);
			putchar('\n');
		}
		return 0;
	}
	return pd_fail(err, PD_EUSAGE, _("Unknown command \"%s\""), argv[0]);
}

int
main(int argc, char **argv)
{
	const char *config = NULL;
	struct config cfg;
	struct backend *b;
	struct pd_err err = {0};
	int i = 1, rc;

	/* pushes parsed into arenas: set before any thread starts */
	svc_central_push_arena();
	/* the environment's language first, the config's once read */
	memset(&cfg, 0, sizeof cfg);
	svc_language(&cfg);
	if (argc > 1 &&
	    (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "--config") == 0) {
		config = argv[2];
		i = 3;
		/* (it was "Unknown command \"--config\"") */
		if (argc > 3 && strcmp(argv[3], "--config") == 0) {
			central_twice("--config", &err);
			fprintf(stderr, "paydesk-central: %s\n", err.msg);
			return PD_EUSAGE;
		}
	} else if (argc > 1 && strcmp(argv[1], "--config") == 0) {
		fprintf(stderr, "paydesk-central: %s\n",
		    _("--config needs a FILE"));
		return PD_EUSAGE;
	}
	if (svc_config_load(config, &cfg, &err) != 0) {
		fprintf(stderr, "paydesk-central: %s\n", err.msg);
		return err.code;
	}
	svc_language(&cfg);
	b = backend_open(&cfg, &err);
	if (b == NULL) {
		fprintf(stderr, "paydesk-central: %s\n", err.msg);
		return err.code;
	}
	rc = run(b, argc - i, argv + i, &err);
	b->ops->close(b);
	if (rc != 0) {
		/* the reason first, on one line; then a short hint */
		fprintf(stderr, "paydesk-central: %s\n", err.msg);
		if (err.code == PD_EUSAGE)
			usage_hint(stderr, i < argc ? argv[i] : "serve",
			    i + 1 < argc ? argv[i + 1] : NULL);
		return err.code ? err.code : 1;
	}
	return 0;
}
