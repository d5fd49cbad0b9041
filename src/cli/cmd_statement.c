/* cmd_statement.c - statement import|list|show|mapping: bank statements
 * for the reconciliation (issue 20). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

static void
rec_statement(struct rec *r, const struct statement *s)
{
	/* its name, the same at every terminal, then this store's number */
	rec_str(r, _("Statement"), "name", s->name);
	rec_int(r, _("Number here"), "id", s->id);
	rec_str(r, _("Account"), "account", s->account);
	rec_str(r, _("Bank's statement id"), "statement_id", s->stmt_id);
	rec_str(r, _("Format"), "format", s->format);
	rec_str(r, _("File"), "file", s->file_name);
	rec_str(r, _("Currency"), "currency", s->currency);
	rec_date(r, _("From"), "from", s->period_from);
	rec_date(r, _("To"), "to", s->period_to);
	/* a statement without balances (CSV) says it has none: "-", null
	 * (tester's fault 2, s72) */
	rec_money_or_dash(
	    r, _("Opening balance"), "opening", s->opening, s->has_opening);
	rec_money_or_dash(
	    r, _("Closing balance"), "closing", s->closing, s->has_closing);
	rec_int(r, _("Lines"), "lines", s->nlines);
	rec_money(r, _("Total credits"), "credits", s->credits);
	rec_money(r, _("Total debits"), "debits", s->debits);
	rec_money(r, _("Net"), "net", s->credits + s->debits);
	/* what the balances leave unexplained: null in JSON without them,
	 * and no line (the balances above say "-") */
	rec_money_or_none(r, _("Unexplained (closing - opening - net)"),
	    "unexplained", s->closing - s->opening - s->credits - s->debits,
	    s->has_opening && s->has_closing);
	rec_int(r, _("Lines already imported"), "already_imported", s->ndup);
	rec_time(r, _("Imported"), "imported_at", s->imported_at);
	rec_str(r, _("Imported by"), "imported_by", s->imported_by);
	rec_str(r, _("Terminal"), "terminal", s->terminal);
}

int
cmd_statement_import(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *account = NULL, *mapping = NULL;
	struct opt o[] = {{"format", OPT_VALUE, &format},
	    {"account", OPT_VALUE, &account}, {"mapping", OPT_VALUE, &mapping},
	    {NULL, 0, NULL}};
	struct statement s;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0 ||
	    svc_statement_import(
	        &c->svc, pos[0], format, account, mapping, &s, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_statement(r, &s);
	rec_print(r);
	return 0;
}

int
cmd_statement_list(struct cli *c, int argc, char **argv)
{
	static const struct xcol cols[] = {
	    {N_("Statement"), "name", X_ID, 9, 0},
	    {N_("#"), "id", X_NUMBER, 5, 0},
	    {N_("Account"), "account", X_ID, 22, 0},
	    {N_("Format"), "format", X_TEXT, 7, 0},
	    {N_("To"), "to", X_DATE, 10, 0},
	    {N_("Lines"), "lines", X_INT, 5, 0},
	    {N_("Net"), "net", X_MONEY, 14, 0},
	    {N_("Closing"), "closing", X_MONEY, 14, 0},
	    {N_("Imported"), "imported_at", X_TIME, 19, 0},
	};
	struct statement *v;
	struct table *t;
	char **pos;
	int npos;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	v = svc_statement_list(&c->svc, &n, &c->err);
	if (v == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	t = table_new(c, cols, 9);
	for (i = 0; i < n; i++) {
		table_str(t, v[i].name);
		table_int(t, v[i].id);
		table_str(t, v[i].account);
		table_str(t, v[i].format);
		table_str(t, v[i].period_to);
		table_int(t, v[i].nlines);
		table_money(t, v[i].credits + v[i].debits);
		table_money_or_none(t, v[i].closing, v[i].has_closing);
		table_str(t, v[i].imported_at);
		table_row(t);
	}
	free(v);
	return table_done(t, 0);
}

void
rec_past_matches(
    struct rec *r, const struct past_match *p, size_t n, int seq, int with_line)
{
	size_t i;

	rec_list(r, _("Earlier matches"), "earlier_matches");
	for (i = 0; i < n; i++) {
		if (seq > 0 && p[i].seq != seq)
			continue;
		rec_item(r);
		if (with_line)
			rec_str(r, _("Statement line"), "statement_line",
			    p[i].line);
		rec_term(r, _("Rule"), "rule", p[i].rule);
		rec_str(r, _("Matched to"), "matched_to", p[i].matched_to);
		rec_bool(r, _("By hand"), "by_hand", p[i].by_hand);
		if (p[i].note[0] != '\0')
			rec_str(r, _("Note"), "note", p[i].note);
		rec_str(r, _("Matched by"), "matched_by", p[i].matched_by);
		rec_str(r, _("Matched at"), "matched_at", p[i].matched_at);
		rec_str(
		    r, _("Unmatched by"), "unmatched_by", p[i].unmatched_by);
		rec_str(
		    r, _("Unmatched at"), "unmatched_at", p[i].unmatched_at);
		rec_str(
		    r, _("Unmatch note"), "unmatch_note", p[i].unmatch_note);
		rec_end(r);
	}
	rec_end(r);
}

int
cmd_statement_show(struct cli *c, int argc, char **argv)
{
	struct statement_view v;
	struct rec *r;
	char **pos, name[STMT_NAME_BUFSZ];
	int npos, rc;
	int64_t id;
	size_t i, k;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0)
		return -1;
	rc = svc_stmt_named(&c->svc, pos[0], strlen(pos[0]), &id, name, &c->err);
	if (rc > 0)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("Statement show: \"%s\" is not a statement's name "
		      "(as statement list prints it) nor its number here "
		      "(#NUMBER)"),
		    pos[0]);
	if (rc < 0 || svc_statement_show(&c->svc, id, &v, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_statement(r, &v.st);
	rec_list(r, _("Lines"), "lines");
	for (i = 0; i < v.nlines; i++) {
		const struct statement_line *l = &v.lines[i];

		rec_item(r);
		rec_int(r, _("Line"), "seq", l->seq);
		rec_date(r, _("Booked"), "booking_date", l->booking);
		rec_date(r, _("Value date"), "value_date", l->value);
		rec_money(r, _("Amount"), "amount", l->amount);
		rec_str(r, _("Reference"), "reference", l->reference);
		rec_str(r, _("Counterparty"), "counterparty", l->counterparty);
		rec_str(r, _("Text"), "text", l->text);
		rec_str(r, _("Bank's id"), "bank_id", l->bank_id);
		rec_bool(r, _("Reversal"), "reversal", l->reversal);
		if (l->dup_of != 0)
			rec_str(r, _("Already in statement"), "already_in",
			    l->dup_of_name);
		/* its reconciliation (review R20b, fault 12): its status,
		 * and a match's rule, what it took, what the ledger
		 * expected and the difference (credited less expected) */
		rec_term(r, _("Status"), "status", l->status);
		if (l->rule[0] != '\0') {
			rec_term(r, _("Rule"), "rule", l->rule);
			rec_str(r, _("Matched to"), "matched_to", l->matched_to);
			rec_money(r, _("Expected"), "expected", l->expected);
			rec_money(r, _("Difference"), "difference",
			    l->amount - l->expected);
			/* made by hand or by the rule, and the hand's note
			 * (issue 20: each match says which rule made it) */
			rec_bool(r, _("By hand"), "by_hand", l->by_hand);
			if (l->match_note != NULL && l->match_note[0] != '\0')
				rec_str(r, _("Note"), "note", l->match_note);
			rec_str(r, _("Matched by"), "matched_by", l->matched_by);
			rec_str(r, _("Matched at"), "matched_at", l->matched_at);
		}
		/* its exception resolved: which, who, when and the note
		 * (s72 h14 fault 7) */
		if (strcmp(l->status, STMT_LINE_RESOLVED) == 0) {
			rec_term(r, _("Exception"), "resolved_kind",
			    l->resolved_kind);
			rec_str(
			    r, _("Resolved by"), "resolved_by", l->resolved_by);
			rec_str(
			    r, _("Resolved at"), "resolved_at", l->resolved_at);
			rec_str(r, _("Resolution note"), "resolution_note",
			    l->resolve_note != NULL ? l->resolve_note : "");
		}
		/* the matches undone of it: who, when and why */
		for (k = 0; k < v.npast && v.past[k].seq != l->seq; k++)
			;
		if (k < v.npast)
			rec_past_matches(r, v.past, v.npast, l->seq, 0);
		rec_end(r);
	}
	rec_end(r);
	rec_print(r);
	svc_statement_view_free(&v);
	return 0;
}

/* statement mapping list | show NAME */
static int
mapping_list(struct cli *c, int show, int npos, char **pos)
{
	static const struct xcol cols[] = {
	    {NC_("column", "Mapping"), "name", X_ID, 16, 0},
	    {NC_("column", "Columns and formats"), "spec", X_TEXT, 60, 0},
	};
	struct table *t;
	char **v, *tab;
	size_t n, i;
	int found = 0;

	if (npos != (show ? 2 : 1))
		return cli_usage(c, show ? _("%s: missing argument (see "
		                             "`paydesk help %s`)")
		                         : _("%s: unexpected argument \"%s\" (see "
		                             "`paydesk help %s`)"),
		    "mapping", show ? "statement" : pos[1], "statement");
	v = svc_statement_mappings(&c->svc, &n, &c->err);
	if (v == NULL)
		return -1;
	t = table_new(c, cols, 2);
	for (i = 0; i < n; i++) {
		tab = strchr(v[i], '\t');
		if (tab != NULL)
			*tab++ = '\0';
		if (!show || strcmp(v[i], pos[1]) == 0) {
			table_str(t, v[i]);
			table_str(t, tab ? tab : "");
			table_row(t);
			found = 1;
		}
		free(v[i]);
	}
	free(v);
	if (show && !found) {
		table_done(t, -1);
		return pd_fail(&c->err, PD_ENOTFOUND,
		    _("No statement mapping \"%s\" (statement mapping add)"),
		    pos[1]);
	}
	return table_done(t, 0);
}

int
cmd_statement_mapping(struct cli *c, int argc, char **argv)
{
	struct rec *r;
	char **pos, spec[512];
	int npos;

	if (cli_opts(c, argc, argv, NULL, 1, 24, &pos, &npos) != 0)
		return -1;
	/* list, or show NAME: what each name reads (review R20) */
	if (strcmp(pos[0], "list") == 0 || strcmp(pos[0], "show") == 0)
		return mapping_list(c, pos[0][0] == 's', npos, pos);
	/* remove NAME, change NAME WORD... (review R20) */
	if (strcmp(pos[0], "remove") == 0 && npos == 2) {
		if (svc_statement_mapping_change(&c->svc, pos[1], NULL, 0, spec,
		        sizeof spec, &c->err) != 0)
			return -1;
		r = rec_new(c);
		rec_str(r, _("Mapping removed"), "removed", pos[1]);
		rec_print(r);
		return 0;
	}
	if (npos < 3)
		return cli_usage(c, _("%s: missing argument (see `paydesk help "
		                      "%s`)"),
		    "mapping", "statement");
	if (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "change") != 0)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("Statement mapping: \"%s\": add, change NAME WORD..., "
		      "remove NAME, list or show NAME"),
		    pos[0]);
	if ((pos[0][0] == 'a'
	            ? svc_statement_mapping_add(&c->svc, pos[1], pos + 2,
	                  npos - 2, spec, sizeof spec, &c->err)
	            : svc_statement_mapping_change(&c->svc, pos[1], pos + 2,
	                  npos - 2, spec, sizeof spec, &c->err)) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Mapping"), "name", pos[1]);
	rec_str(r, _("Columns and formats"), "spec", spec);
	rec_print(r);
	return 0;
}
