/* recon.c - `paydesk-central statements ORG [NAME]`, `exceptions ORG`
 * and `reconciliation ORG` (issue 20: "the central node and the back
 * office see every drawer of the organisation"): the bank statements its
 * terminals imported with their lines' matches, the reconciliation's
 * exceptions left open, and each bank account by day, as a terminal
 * holding the same records reads them (svc_central_statements,
 * svc_central_exceptions, svc_central_recon). Commands, as shifts and
 * deposits are; text or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "central.h"

/* The options after ORG (and a statement's NAME for statements). */
struct recon_opts {
	struct central_recon_filter f;
	const char *name; /* statements: the one statement, or NULL */
	int json;
};

/* Read argv (after ORG) as cmd takes it: terminal (--terminal) and name
 * (a statement's NAME) where it takes them. PD_EUSAGE naming what is
 * not an option of it or a date not of the form YYYY-MM-DD; a day that
 * is none and --from after --to PD_EINVAL (central_date_opt). */
static int
recon_opts(const char *cmd, int argc, char **argv, int terminal, int name,
    struct recon_opts *o, struct pd_err *err)
{
	const char **slot;
	int i;

	memset(o, 0, sizeof *o);
	for (i = 0; i < argc; i++) {
		slot = NULL;
		if (strcmp(argv[i], "--json") == 0) {
			o->json = 1;
			continue;
		}
		if (name && o->name == NULL && argv[i][0] != '-') {
			o->name = argv[i];
			continue;
		}
		if (i + 1 < argc && strcmp(argv[i], "--account") == 0)
			slot = &o->f.account;
		else if (i + 1 < argc && strcmp(argv[i], "--from") == 0)
			slot = &o->f.from;
		else if (i + 1 < argc && strcmp(argv[i], "--to") == 0)
			slot = &o->f.to;
		else if (terminal && i + 1 < argc &&
		         strcmp(argv[i], "--terminal") == 0)
			slot = &o->f.terminal;
		if (slot == NULL)
			return pd_fail(err, PD_EUSAGE,
			    _("%s: unknown option or missing value \"%s\""),
			    cmd, argv[i]);
		if ((slot == &o->f.from || slot == &o->f.to
		            ? central_date_opt(argv[i], slot, argv[i + 1], err)
		            : central_filter_opt(
		                  argv[i], slot, argv[i + 1], err)) != 0)
			return -1;
		i++;
	}
	if (o->f.from != NULL && o->f.to != NULL &&
	    strcmp(o->f.from, o->f.to) > 0)
		return pd_fail(err, PD_EINVAL, _("--from %s is after --to %s"),
		    o->f.from, o->f.to);
	if (o->f.account != NULL && o->f.account[0] == '\0')
		return pd_fail(
		    err, PD_EUSAGE, _("%s: --account is empty"), cmd);
	if (o->f.terminal != NULL)
		return central_check_id(_("Terminal"), o->f.terminal, 16, err);
	return 0;
}

/* The organisation's money style as shifts and deposits write it (the
 * node's, the currency's code as its symbol when it is not the node's),
 * into *fmt; its currency code into cur. */
static int
money_style(struct backend *b, const char *org, struct svc *fmt, char cur[4],
    struct pd_err *err)
{
	int digits;

	if (b->ops->org_currency(b, org, cur, &digits, err) != 0)
		return -1;
	memset(fmt, 0, sizeof *fmt);
	fmt->cfg = b->cfg;
	if (strcmp(cur, fmt->cfg.currency_code) != 0)
		xstrlcpy(fmt->cfg.currency_symbol, cur,
		    sizeof fmt->cfg.currency_symbol);
	fmt->cfg.minor_digits = digits;
	return 0;
}

static void
json_print(json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(1));

	if (s != NULL)
		puts(s);
	free(s);
	json_decref(j);
}

/* Common start: ORG checked and known, the options read, the money
 * style; -1 with err. */
static int
recon_start(struct backend *b, const char *cmd, int argc, char **argv,
    int terminal, int name, struct recon_opts *o, struct svc *fmt, char cur[4],
    struct pd_err *err)
{
	/* options before ORG: theirs said first (a bad date names its
	 * option and what is wrong: fault 10, "statements --from
	 * 12/07/2026" read --from as the organisation), then ORG asked for */
	if (argc < 1 || (argv[0][0] == '-' && recon_opts(cmd, argc, argv,
	                                          terminal, name, o, err) == 0))
		return pd_fail(
		    err, PD_EUSAGE, _("%s: which organisation"), cmd);
	if (argv[0][0] == '-')
		return -1;
	if (central_check_id(_("Organisation"), argv[0], 32, err) != 0 ||
	    recon_opts(cmd, argc - 1, argv + 1, terminal, name, o, err) != 0 ||
	    money_style(b, argv[0], fmt, cur, err) != 0 ||
	    central_terminal_known(b, argv[0], o->f.terminal, err) != 0)
		return -1;
	return 0;
}

/* ---- statements ---- */

static int
statement_one(struct backend *b, const char *org, const struct recon_opts *o,
    const struct svc *fmt, const char *cur, struct pd_err *err)
{
	const char *heads[7] = {NC_("column", "Line"), NC_("column", "Booked"),
	    NC_("column", "Status"), NC_("column", "Rule"),
	    NC_("column", "Matched to"), NC_("column", "Reference"),
	    NC_("column", "Amount")};
	int w[7] = {4, 10, 14, 8, 16, 20, 12};
	struct statement_view v;
	char m[MONEY_BUFSZ];
	size_t i;

	if (b->ops->statement_show(b, org, o->name, &v, err) != 0)
		return -1;
	if (o->json) {
		json_t *lines = json_array();

		for (i = 0; i < v.nlines; i++) {
			const struct statement_line *l = &v.lines[i];

			json_array_append_new(lines,
			    json_pack("{s:i, s:s, s:I, s:s, s:s, s:s, s:s, "
			              "s:s, s:s, s:I}",
			        "line", l->seq, "booked", l->booking, "amount",
			        (json_int_t)l->amount, "reference",
			        l->reference, "status", l->status, "rule",
			        l->rule, "matched_to", l->matched_to,
			        "matched_by", l->matched_by, "matched_at",
			        l->matched_at, "expected",
			        (json_int_t)l->expected));
		}
		json_print(json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, "
		                     "s:s, s:o}",
		    "name", v.st.name, "id", (json_int_t)v.st.id, "account",
		    v.st.account, "terminal", v.st.terminal, "from",
		    v.st.period_from, "to", v.st.period_to, "imported_at",
		    v.st.imported_at, "currency", cur, "lines", lines));
		svc_statement_view_free(&v);
		return 0;
	}
	printf(_("Statement %s, account %s, %s to %s, imported at %s by %s "
	         "at %s\n"),
	    v.st.name, v.st.account,
	    v.st.period_from[0] ? v.st.period_from : "-",
	    v.st.period_to[0] ? v.st.period_to : "-", v.st.terminal,
	    v.st.imported_by[0] ? v.st.imported_by : "-", v.st.imported_at);
	for (i = 0; i < 7; i++)
		heads[i] = svc_column_header(heads[i]);
	central_head(heads, w, 7, 1);
	for (i = 0; i < v.nlines; i++) {
		const struct statement_line *l = &v.lines[i];
		char seq[16];
		const char *cells[7];

		snprintf(seq, sizeof seq, "%d", l->seq);
		cells[0] = seq;
		cells[1] = l->booking;
		cells[2] = _(l->status);
		cells[3] = l->rule[0] ? l->rule : "-";
		cells[4] = l->matched_to[0] ? l->matched_to : "-";
		cells[5] = l->reference;
		cells[6] = svc_money(fmt, m, sizeof m, l->amount);
		central_row(cells, w, 7, 1);
	}
	central_none(v.nlines);
	svc_statement_view_free(&v);
	return 0;
}

int
statements_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *heads[8] = {NC_("column", "Statement"),
	    NC_("column", "Terminal"), NC_("column", "Account"),
	    NC_("column", "From"), NC_("column", "To"), NC_("column", "Lines"),
	    NC_("column", "Matched"), NC_("column", "Unmatched")};
	int w[8] = {9, 8, 20, 10, 10, 5, 7, 9};
	struct recon_opts o;
	struct svc fmt;
	struct central_stmt_row *v;
	char cur[4];
	size_t n, i;
	json_t *a;

	if (recon_start(
	        b, _("Statements"), argc, argv, 1, 1, &o, &fmt, cur, err) != 0)
		return -1;
	if (o.name != NULL)
		return statement_one(b, argv[0], &o, &fmt, cur, err);
	if ((v = b->ops->statements(b, argv[0], &o.f, &n, err)) == NULL)
		return -1;
	if (o.json) {
		a = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(a,
			    json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, "
			              "s:s, s:I, s:I, s:I, s:I, s:I, s:I}",
			        "name", v[i].st.name, "id",
			        (json_int_t)v[i].st.id, "terminal",
			        v[i].st.terminal, "account", v[i].st.account,
			        "from", v[i].st.period_from, "to",
			        v[i].st.period_to, "imported_at",
			        v[i].st.imported_at, "format", v[i].st.format,
			        "lines", (json_int_t)v[i].st.nlines, "credits",
			        (json_int_t)v[i].st.credits, "debits",
			        (json_int_t)v[i].st.debits, "duplicates",
			        (json_int_t)v[i].st.ndup, "matched",
			        (json_int_t)v[i].matched, "unmatched",
			        (json_int_t)v[i].unmatched));
		json_print(a);
		free(v);
		return 0;
	}
	for (i = 0; i < 8; i++)
		heads[i] = svc_column_header(heads[i]);
	central_head(heads, w, 8, 1);
	for (i = 0; i < n; i++) {
		char lines[24], matched[24], unmatched[24];
		const char *cells[8];

		snprintf(
		    lines, sizeof lines, "%lld", (long long)v[i].st.nlines);
		snprintf(
		    matched, sizeof matched, "%lld", (long long)v[i].matched);
		snprintf(unmatched, sizeof unmatched, "%lld",
		    (long long)v[i].unmatched);
		cells[0] = v[i].st.name;
		cells[1] = v[i].st.terminal;
		cells[2] = v[i].st.account;
		cells[3] = v[i].st.period_from[0] ? v[i].st.period_from : "-";
		cells[4] = v[i].st.period_to[0] ? v[i].st.period_to : "-";
		cells[5] = lines;
		cells[6] = matched;
		cells[7] = unmatched;
		central_row(cells, w, 8, 1);
	}
	central_none(n);
	free(v);
	return 0;
}

/* ---- exceptions ---- */

int
exceptions_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *heads[9] = {NC_("column", "Exception"),
	    NC_("column", "Date"), NC_("column", "Age"),
	    NC_("column", "Reference"), NC_("column", "Account"),
	    NC_("column", "Terminal"), NC_("column", "Expected"),
	    NC_("column", "Actual"), NC_("column", "Difference")};
	int w[9] = {17, 10, 4, 16, 20, 8, 12, 12, 12};
	struct recon_opts o;
	struct svc fmt;
	struct central_exception *v;
	char cur[4];
	size_t n, i;
	json_t *a;

	if (recon_start(
	        b, _("Exceptions"), argc, argv, 1, 0, &o, &fmt, cur, err) != 0)
		return -1;
	if ((v = b->ops->exceptions(b, argv[0], &o.f, &n, err)) == NULL)
		return -1;
	if (o.json) {
		a = json_array();
		for (i = 0; i < n; i++) {
			const struct recon_exception *e = &v[i].e;

			json_array_append_new(a,
			    json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:s, "
			              "s:I, s:I, s:I, s:s, s:s, s:s}",
			        "kind", recon_kind_name(e->kind), "date", e->on,
			        "age_days", (json_int_t)e->age, "reference",
			        e->ref, "detail", e->detail, "account",
			        v[i].account, "terminal", v[i].terminal,
			        "expected", (json_int_t)e->expected, "actual",
			        (json_int_t)e->actual, "difference",
			        (json_int_t)e->difference, "key", e->key,
			        "target", e->target, "currency", cur));
		}
		json_print(a);
		free(v);
		return 0;
	}
	for (i = 0; i < 9; i++)
		heads[i] = svc_column_header(heads[i]);
	central_head(heads, w, 9, 1);
	for (i = 0; i < n; i++) {
		const struct recon_exception *e = &v[i].e;
		char age[24], x[MONEY_BUFSZ], y[MONEY_BUFSZ], d[MONEY_BUFSZ];
		const char *cells[9];

		snprintf(age, sizeof age, "%lld", (long long)e->age);
		cells[0] = _(recon_kind_name(e->kind));
		cells[1] = e->on;
		cells[2] = age;
		cells[3] = e->ref;
		cells[4] = v[i].account[0] ? v[i].account : "-";
		cells[5] = v[i].terminal;
		cells[6] = svc_money(&fmt, x, sizeof x, e->expected);
		cells[7] = svc_money(&fmt, y, sizeof y, e->actual);
		cells[8] = svc_money(&fmt, d, sizeof d, e->difference);
		central_row(cells, w, 9, 1);
		/* what it is about: the line's reference, the deposit, the
		 * tender, the payments voided */
		if (e->detail[0])
			printf("    %s\n", e->detail);
	}
	central_none(n);
	free(v);
	return 0;
}

/* ---- the reconciliation by account and day ---- */

int
reconciliation_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *heads[9] = {NC_("column", "Account"), NC_("column", "Date"),
	    NC_("column", "Deposits"), NC_("column", "Credits"),
	    TC_("exceptions", "Open"), NC_("column", "Expected"),
	    NC_("column", "Credited"), NC_("column", "Matched"),
	    NC_("column", "Difference")};
	int w[9] = {20, 10, 8, 7, 4, 12, 12, 12, 12};
	struct recon_opts o;
	struct svc fmt;
	struct central_recon_day *v;
	char cur[4];
	size_t n, i;
	json_t *a;

	if (recon_start(b, _("Reconciliation"), argc, argv, 0, 0, &o, &fmt, cur,
	        err) != 0)
		return -1;
	if ((v = b->ops->recon(b, argv[0], &o.f, &n, err)) == NULL)
		return -1;
	if (o.json) {
		a = json_array();
		for (i = 0; i < n; i++) {
			const struct recon_day *d = &v[i].d;

			json_array_append_new(a,
			    json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:i, "
			              "s:i, s:i, s:s}",
			        "account", v[i].account, "date", d->day,
			        "expected", (json_int_t)d->expected, "credited",
			        (json_int_t)d->credited, "matched",
			        (json_int_t)d->matched, "difference",
			        (json_int_t)d->difference, "exceptions",
			        d->exceptions, "deposits", d->deposits,
			        "credits", d->credits, "currency", cur));
		}
		json_print(a);
		free(v);
		return 0;
	}
	for (i = 0; i < 9; i++)
		heads[i] = svc_column_header(heads[i]);
	central_head(heads, w, 9, 1);
	for (i = 0; i < n; i++) {
		const struct recon_day *d = &v[i].d;
		char nd[16], nc[16], ne[16], m[4][MONEY_BUFSZ];
		const char *cells[9];

		snprintf(nd, sizeof nd, "%d", d->deposits);
		snprintf(nc, sizeof nc, "%d", d->credits);
		snprintf(ne, sizeof ne, "%d", d->exceptions);
		cells[0] = v[i].account;
		cells[1] = d->day;
		cells[2] = nd;
		cells[3] = nc;
		cells[4] = ne;
		cells[5] = svc_money(&fmt, m[0], sizeof m[0], d->expected);
		cells[6] = svc_money(&fmt, m[1], sizeof m[1], d->credited);
		cells[7] = svc_money(&fmt, m[2], sizeof m[2], d->matched);
		cells[8] = svc_money(&fmt, m[3], sizeof m[3], d->difference);
		central_row(cells, w, 9, 1);
	}
	central_none(n);
	free(v);
	return 0;
}
