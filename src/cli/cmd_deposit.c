/* cmd_deposit.c - deposit create|list|show|hand|void|pending|match|unmatch
 * and report exceptions: bank deposits of closed shifts' cash and their
 * reconciliation against imported statements (issue 20; deposit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

static void
rec_deposit(struct rec *r, const struct deposit *d)
{
	rec_str(r, _("Slip number"), "slip_no", d->slip_no);
	rec_str(r, _("Account"), "account", d->account);
	rec_date(r, _("Deposited"), "deposited_on", d->deposited_on);
	rec_money(r, _("Amount"), "amount", d->amount);
	rec_term(r, _("Status"), "status", d->status);
	rec_time(r, _("Recorded"), "created_at", d->created_at);
	rec_str(r, _("Recorded by"), "created_by", d->created_by);
	rec_str(r, _("Terminal"), "terminal", d->terminal);
	rec_str(r, _("Id"), "uuid", d->uuid);
	/* prepared, or handed to the bank: when and by whom */
	rec_time(r, _("Handed"), "handed_at", d->handed_at);
	rec_str(r, _("Handed by"), "handed_by", d->handed_by);
	if (d->voided_at[0]) {
		rec_time(r, _("Voided"), "voided_at", d->voided_at);
		rec_str(r, _("Voided by"), "voided_by", d->voided_by);
		rec_str(r, _("Reason"), "void_reason", d->void_reason);
	}
	if (d->line_id != 0) {
		char line[48];

		snprintf(line, sizeof line, "%s:%d", d->line_name,
		    d->line_seq);
		rec_str(r, _("Statement line"), "statement_line", line);
		rec_date(r, _("Credited"), "credited_on", d->credited_on);
		rec_money(r, _("Credited amount"), "credited", d->credited);
		rec_money(r, _("Difference"), "difference",
		    d->credited - d->amount);
		rec_term(r, _("Matched by rule"), "rule", d->rule);
		if (d->match_note[0])
			rec_str(r, _("Note"), "note", d->match_note);
	}
}

static void
rec_lines(struct rec *r, const struct deposit_line *l, size_t n)
{
	size_t i;

	rec_list(r, _("Lines"), "lines");
	for (i = 0; i < n; i++) {
		rec_item(r);
		rec_str(r, _("Shift"), "z_no", l[i].z_no);
		rec_str(r, _("Method"), "method", l[i].method);
		rec_money(r, _("Amount"), "amount", l[i].amount);
		rec_end(r);
	}
	rec_end(r);
}

/* A deposit's cheques by number, each with its shift and cashier. */
static void
rec_cheques(struct rec *r, const struct deposit_cheque *c, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	rec_list(r, _("Cheques"), "cheques");
	for (i = 0; i < n; i++) {
		rec_item(r);
		/* one taken and listed with no number (s72 h11 fault 1):
		 * "" in JSON, said so in text */
		rec_shown(r, _("Cheque"), "number", c[i].number,
		    c[i].number[0] ? c[i].number : _("(no number)"));
		rec_money(r, _("Amount"), "amount", c[i].amount);
		rec_str(r, _("Shift"), "z_no", c[i].z_no);
		rec_str(r, _("Cashier"), "cashier", c[i].cashier);
		rec_str(r, _("Method"), "method", c[i].method);
		rec_end(r);
	}
	rec_end(r);
}

/* The cheques of --cheque NUMBER;NUMBER... into a new array (pointing
 * into list, cut); -1 for an empty one. */
static int
cheques_parse(struct cli *c, char *list, const char ***out, size_t *n)
{
	char *p = list, *semi;

	*out = NULL;
	*n = 0;
	for (;;) {
		semi = strchr(p, ';');
		if (semi != NULL)
			*semi = '\0';
		if (*p == '\0') {
			free(*out);
			*out = NULL;
			return cli_usage(c,
			    _("Deposit create: --cheque takes NUMBER;NUMBER... "
			      "(SHIFT:NUMBER for a number of two shifts, "
			      "NUMBER:AMOUNT for two cheques of one number, "
			      ":AMOUNT for one listed with no number), "
			      "without an empty one"));
		}
		*out = xrealloc(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = p;
		if (semi == NULL)
			return 0;
		p = semi + 1;
	}
}

/* SHIFT or SHIFT:METHOD=AMOUNT into p (pointing into arg, cut). */
static int
part_parse(struct cli *c, char *arg, struct deposit_part *p)
{
	char *colon = strrchr(arg, ':'), *eq;

	memset(p, 0, sizeof *p);
	p->shift = arg;
	if (colon == NULL || (eq = strchr(colon, '=')) == NULL)
		return 0;
	*colon = '\0';
	*eq = '\0';
	p->method = colon + 1;
	if (*p->shift == '\0' || *p->method == '\0')
		return cli_usage(c,
		    _("Deposit create: \"%s\" is not SHIFT or "
		      "SHIFT:METHOD=AMOUNT"),
		    arg);
	return cli_money(c, p->method, eq + 1, &p->amount);
}

int
cmd_deposit_create(struct cli *c, int argc, char **argv)
{
	const char *slip = NULL, *account = NULL, *date = NULL, *cheque = NULL;
	struct opt o[] = {{"slip", OPT_VALUE, &slip},
	    {"account", OPT_VALUE, &account}, {"date", 0, &date},
	    {"cheque", OPT_VALUE, &cheque}, {NULL, 0, NULL}};
	const char **cheques = NULL;
	struct deposit_cheque *chq = NULL;
	char *chlist = NULL;
	size_t nch = 0;
	struct deposit_request q = {0};
	struct doc_request dq = {0};
	struct doc_result res;
	struct deposit_part *parts;
	struct deposit_line *lines = NULL;
	struct deposit d;
	struct rec *r;
	size_t n = 0;
	char **pos;
	int npos, i, rc = 0;

	if (cli_opts(c, argc, argv, o, 0, DEPOSIT_LINES_MAX, &pos, &npos) != 0)
		return -1;
	if (slip == NULL)
		return cli_usage(c, _("Deposit create: give --slip NUMBER"));
	if (date != NULL && (q.date = cli_date(c, "--date", date)) == NULL)
		return -1;
	if (cheque != NULL) {
		chlist = xstrdup(cheque);
		if (cheques_parse(c, chlist, &cheques, &nch) != 0) {
			free(chlist);
			return -1;
		}
	}
	parts = xcalloc(npos > 0 ? (size_t)npos : 1, sizeof *parts);
	for (i = 0; i < npos && rc == 0; i++)
		rc = part_parse(c, pos[i], &parts[i]);
	q.account = account;
	q.slip_no = slip;
	q.parts = parts;
	q.nparts = (size_t)npos;
	q.cheques = cheques;
	q.ncheques = nch;
	if (rc == 0)
		rc = svc_deposit_create(&c->svc, &q, &d, &lines, &n, &c->err);
	free(parts);
	free(cheques);
	free(chlist);
	if (rc != 0)
		return -1;
	chq = svc_deposit_cheques(&c->svc, &d, &nch, &c->err);
	/* the slip after the commit: the deposit stands if it fails */
	if (svc_deposit_slip_issue(&c->svc, d.uuid, &dq, &res, &c->err) != 0)
		fprintf(stderr, "%s: %s\n", _("The deposit slip was not written"),
		    c->err.msg);
	r = rec_new(c);
	rec_deposit(r, &d);
	rec_lines(r, lines, n);
	if (chq != NULL)
		rec_cheques(r, chq, nch);
	if (res.path[0])
		rec_str(r, _("Deposit slip"), "slip_file", res.path);
	rec_print(r);
	free(lines);
	free(chq);
	return 0;
}

int
cmd_deposit_slip(struct cli *c, int argc, char **argv)
{
	const char *out = NULL, *text = NULL, *print = NULL;
	struct opt o[] = {{"out", OPT_VALUE, &out}, {"text", 1, &text},
	    {"print", 1, &print}, {NULL, 0, NULL}};
	struct doc_request q = {0};
	struct doc_result res;
	char **pos, *preview = NULL;
	int npos, rc;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	q.out = out;
	q.text = text != NULL;
	q.print = print != NULL;
	/* --text alone: a preview, nothing written or logged (as a
	 * receipt's) */
	if (text != NULL && out == NULL && print == NULL)
		q.preview = &preview;
	rc = svc_deposit_slip_issue(&c->svc, pos[0], &q, &res, &c->err);
	if (q.preview != NULL)
		return cli_doc_preview(preview, rc);
	return cli_doc_report(c, _("Deposit slip"), pos[0], &res, q.print, rc);
}

int
cmd_deposit_show(struct cli *c, int argc, char **argv)
{
	struct deposit_line *lines;
	struct deposit_cheque *chq;
	struct past_match *past;
	struct deposit d;
	struct rec *r;
	size_t n, nch, npast;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    svc_deposit_show(&c->svc, pos[0], &d, &lines, &n, &c->err) != 0)
		return -1;
	chq = svc_deposit_cheques(&c->svc, &d, &nch, &c->err);
	if (chq == NULL) {
		free(lines);
		return -1;
	}
	past = svc_deposit_past_matches(&c->svc, &d, &npast, &c->err);
	if (past == NULL) {
		free(lines);
		free(chq);
		return -1;
	}
	r = rec_new(c);
	rec_deposit(r, &d);
	rec_lines(r, lines, n);
	rec_cheques(r, chq, nch);
	/* its matches undone: who unmatched each, when and why */
	if (npast > 0)
		rec_past_matches(r, past, npast, 0, 1);
	rec_print(r);
	free(lines);
	free(chq);
	free(past);
	return 0;
}

int
cmd_deposit_list(struct cli *c, int argc, char **argv)
{
	static const struct xcol cols[] = {
	    {NC_("column", "Slip"), "slip_no", X_ID, 12, 0},
	    {NC_("column", "Account"), "account", X_ID, 22, 0},
	    {NC_("column", "Deposited"), "deposited_on", X_DATE, 10, 0},
	    {NC_("column", "Amount"), "amount", X_MONEY, 12, 0},
	    {NC_("column", "Status"), "status", X_TERM, 8, 0},
	    {NC_("column", "Credited"), "credited", X_MONEY, 12, 0},
	    {NC_("column", "By"), "created_by", X_ID, 10, 0},
	    {NC_("column", "Handed"), "handed_at", X_TIME, 19, 0},
	};
	const char *scope = NULL;
	struct opt o[] = {{"scope", OPT_FILTER, &scope}, {NULL, 0, NULL}};
	struct deposit *v;
	struct table *t;
	char **pos;
	int npos;
	size_t n, i;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_scope(c, scope) != 0)
		return -1;
	v = svc_deposit_list(&c->svc, &n, &c->err);
	if (v == NULL)
		return -1;
	/* the deposits made at the scope's terminals (issue 23) */
	cli_scope_line(c);
	t = table_new(c, cols, 8);
	for (i = 0; i < n; i++) {
		table_str(t, v[i].slip_no);
		table_str(t, v[i].account);
		table_str(t, v[i].deposited_on);
		table_money(t, v[i].amount);
		table_str(t, v[i].status);
		table_money(t, v[i].credited);
		table_str(t, v[i].created_by);
		table_str(t, v[i].handed_at);
		table_row(t);
	}
	free(v);
	return table_done(t, 0);
}

int
cmd_deposit_pending(struct cli *c, int argc, char **argv)
{
	static const struct xcol cols[] = {
	    {NC_("column", "Z number"), "z_no", X_ID, 16, 0},
	    {NC_("column", "Closed"), "closed_at", X_TIME, 19, 0},
	    {NC_("column", "Cashier"), "cashier", X_ID, 10, 0},
	    {NC_("column", "Method"), "method", X_TEXT, 10, 0},
	    {NC_("column", "To deposit"), "available", X_MONEY, 12, 0},
	    {NC_("column", "Deposited"), "deposited", X_MONEY, 12, 0},
	    {NC_("column", "Left"), "left", X_MONEY, 12, 0},
	    {NC_("column", "Cheque"), "cheque", X_ID, 10, 0},
	    {NC_("column", "Age"), "age", X_INT, 4, 0},
	};
	struct deposit_pending *v;
	struct table *t;
	char **pos;
	int npos;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	v = svc_deposit_pending(&c->svc, &n, &c->err);
	if (v == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 2); /* the branch's drawers (fault 12) */
	t = table_new(c, cols, 9);
	for (i = 0; i < n; i++) {
		table_str(t, v[i].z_no);
		table_str(t, v[i].closed_at);
		table_str(t, v[i].cashier);
		table_str(t, v[i].method);
		table_money(t, v[i].available);
		table_money(t, v[i].deposited);
		table_money(t, v[i].left);
		/* one listed with no number: "" in JSON and CSV, said so
		 * in text (s72 h11 fault 1) */
		table_str(
		    t, v[i].is_cheque && !v[i].cheque[0] && !table_machine(t)
		           ? _("(no number)")
		           : v[i].cheque);
		table_int(t, v[i].age);
		table_row(t);
	}
	free(v);
	return table_done(t, 0);
}

int
cmd_deposit_hand(struct cli *c, int argc, char **argv)
{
	struct opt o[] = {{NULL, 0, NULL}};
	struct deposit d;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0 ||
	    svc_deposit_hand(&c->svc, pos[0], &d, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_deposit(r, &d);
	rec_print(r);
	return 0;
}

int
cmd_deposit_void(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct opt o[] = {{"reason", 0, &reason}, {NULL, 0, NULL}};
	struct deposit d;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (reason == NULL)
		return cli_usage(c, _("Deposit void: give --reason TEXT"));
	if (svc_deposit_void(&c->svc, pos[0], reason, &d, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_deposit(r, &d);
	rec_print(r);
	return 0;
}

int
cmd_deposit_match(struct cli *c, int argc, char **argv)
{
	const char *line = NULL, *note = NULL;
	struct opt o[] = {
	    {"line", OPT_VALUE, &line}, {"note", 0, &note}, {NULL, 0, NULL}};
	struct deposit d;
	struct match_counts mc;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 0, 1, &pos, &npos) != 0)
		return -1;
	if (npos == 0) {
		if (line != NULL || note != NULL)
			return cli_usage(c,
			    _("Deposit match: --line and --note go with a "
			      "slip number"));
		if (svc_deposit_match_auto(&c->svc, &mc, &c->err) != 0)
			return -1;
		r = rec_new(c);
		rec_int(r, _("Deposits matched"), "matched", mc.deposits);
		rec_int(r, _("Gateway settlements matched"), "gateway",
		    mc.gateway);
		rec_int(r, _("Gateway payouts matched"), "payout", mc.payout);
		rec_int(r, _("Bank transfers matched"), "transfer", mc.transfer);
		rec_int(r, _("Card settlements matched"), "card", mc.card);
		rec_int(r, _("Deposits of another amount"), "differs",
		    mc.differs);
		rec_print(r);
		return 0;
	}
	if (line == NULL || note == NULL)
		return cli_usage(c,
		    _("Deposit match: give --line STATEMENT:LINE and --note "
		      "TEXT"));
	if (svc_deposit_match(&c->svc, pos[0], line, note, &d, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_deposit(r, &d);
	rec_print(r);
	return 0;
}

int
cmd_deposit_unmatch(struct cli *c, int argc, char **argv)
{
	const char *note = NULL;
	struct opt o[] = {{"note", 0, &note}, {NULL, 0, NULL}};
	struct deposit d;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (note == NULL)
		return cli_usage(c, _("Deposit unmatch: give --note TEXT"));
	if (svc_deposit_unmatch(&c->svc, pos[0], note, &d, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_deposit(r, &d);
	rec_print(r);
	return 0;
}

int
cmd_reconcile_match(struct cli *c, int argc, char **argv)
{
	const char *note = NULL, *payment = NULL, *card = NULL;
	const char *gateway = NULL, *payout = NULL;
	struct opt o[] = {{"note", 0, &note}, {"payment", OPT_VALUE, &payment},
	    {"card", OPT_VALUE, &card}, {"gateway", OPT_VALUE, &gateway},
	    {"payout", OPT_VALUE, &payout}, {NULL, 0, NULL}};
	struct recon_unmatch u;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (note == NULL)
		return cli_usage(c, _("Reconcile match: give --note TEXT"));
	if (svc_line_match(&c->svc, pos[0], payment, card, gateway, payout,
	        note, &u, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Statement"), "statement", u.name);
	rec_int(r, _("Line"), "line", u.seq);
	rec_money(r, _("Amount"), "amount", u.amount);
	rec_term(r, _("Rule"), "rule", u.rule);
	rec_int(r, _("Payments taken"), "payments", u.npayments);
	rec_money(r, _("Their total"), "gross", u.gross);
	rec_str(r, _("Note"), "note", note);
	rec_print(r);
	return 0;
}

int
cmd_reconcile_unmatch(struct cli *c, int argc, char **argv)
{
	const char *note = NULL;
	struct opt o[] = {{"note", 0, &note}, {NULL, 0, NULL}};
	struct recon_unmatch u;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (note == NULL)
		return cli_usage(c, _("Reconcile unmatch: give --note TEXT"));
	if (svc_line_unmatch(&c->svc, pos[0], note, &u, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Statement"), "statement", u.name);
	rec_int(r, _("Line"), "line", u.seq);
	rec_money(r, _("Amount"), "amount", u.amount);
	rec_term(r, _("Rule"), "rule", u.rule);
	rec_int(r, _("Payments freed"), "payments", u.npayments);
	rec_money(r, _("Their total"), "gross", u.gross);
	rec_str(r, _("Note"), "note", note);
	rec_print(r);
	return 0;
}

int
cmd_report_exceptions(struct cli *c, int argc, char **argv)
{
	const struct xcol *cols;
	int ncols, rc;
	struct recon_exception *v;
	struct export_job j;
	struct table *t;
	struct xcell cells[16];
	int64_t rows = 0;
	char **pos;
	int npos;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	if (cli_export_job(c, &j)) {
		rc = svc_export_exceptions(&c->svc, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	v = svc_recon_exceptions(&c->svc, &n, &c->err);
	if (v == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	cols = svc_listing_cols(LIST_EXCEPTIONS, &ncols);
	t = table_new(c, cols, ncols);
	for (i = 0; i < n; i++) {
		svc_recon_exception_cells(&v[i], cells);
		table_cells(t, cells);
	}
	free(v);
	return table_done(t, 0);
}

int
cmd_reconcile_resolve(struct cli *c, int argc, char **argv)
{
	const char *note = NULL;
	struct opt o[] = {{"note", 0, &note}, {NULL, 0, NULL}};
	struct recon_resolution res;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (note == NULL)
		return cli_usage(c, _("Reconcile resolve: give --note TEXT"));
	if (svc_recon_resolve(&c->svc, pos[0], note, &res, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Exception"), "kind", _(recon_kind_name(res.e.kind)));
	rec_str(r, _("Reference"), "reference", res.e.ref);
	rec_str(r, _("Exception key"), "key", res.e.key);
	rec_int(r, _("Age (days)"), "age_days", res.e.age);
	rec_money(r, _("Difference"), "difference", res.e.difference);
	rec_str(r, _("Note"), "note", res.note);
	rec_str(r, _("Resolved by"), "resolved_by", res.by);
	rec_str(r, _("Resolved at"), "resolved_at", res.at);
	rec_print(r);
	return 0;
}

int
cmd_reconcile_resolved(struct cli *c, int argc, char **argv)
{
	const struct xcol *cols;
	int ncols;
	struct recon_resolution *v;
	struct table *t;
	char **pos;
	int npos;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	v = svc_recon_resolved(&c->svc, &n, &c->err);
	if (v == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	cols = svc_listing_cols(LIST_RESOLVED, &ncols);
	t = table_new(c, cols, ncols);
	for (i = 0; i < n; i++) {
		table_str(t, recon_kind_name(v[i].e.kind));
		table_str(t, v[i].e.ref);
		table_str(t, v[i].e.on);
		table_money(t, v[i].e.difference);
		table_str(t, v[i].note);
		table_str(t, v[i].by);
		table_str(t, v[i].at);
		table_row(t);
	}
	free(v);
	return table_done(t, 0);
}

int
cmd_report_reconciliation(struct cli *c, int argc, char **argv)
{
	const char *account = NULL, *from = NULL, *to = NULL;
	struct opt o[] = {{"account", OPT_VALUE, &account}, {"from", 0, &from},
	    {"to", 0, &to}, {NULL, 0, NULL}};
	const struct xcol *cols;
	struct recon_day *d;
	struct export_job j;
	struct table *t;
	struct xcell cells[16];
	int64_t rows = 0;
	char **pos;
	int npos, ncols, rc;
	size_t n, i;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    (from && (from = cli_from(c, from)) == NULL) ||
	    (to && (to = cli_to(c, to)) == NULL))
		return -1;
	if (cli_export_job(c, &j)) {
		rc = svc_export_recon(&c->svc, account, from, to, &j, &rows,
		    &c->err);
		return cli_export_end(c, rc, rows);
	}
	d = svc_recon_days(&c->svc, account, from, to, &n, &c->err);
	if (d == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	cols = svc_listing_cols(LIST_RECON, &ncols);
	t = table_new(c, cols, ncols);
	for (i = 0; i < n; i++) {
		svc_recon_day_cells(&d[i], cells);
		table_cells(t, cells);
	}
	table_end(t);
	free(d);
	return 0;
}
