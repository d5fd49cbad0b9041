/* cmd_doc.c - receipt, receipts export, credit-note pdf: documents
 * written, printed or previewed; keys: the UI's key tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"
#include "paydesk/tui.h"

void
cli_doc_gaps(const char *number, const struct doc_result *res)
{
	const char *p = res->gaps;

	while (*p != '\0') {
		const char *tab = strchr(p, '\t'), *nl;

		if (tab == NULL)
			break;
		nl = strchr(tab, '\n');
		if (nl == NULL)
			nl = tab + strlen(tab);
		fprintf(stderr, "paydesk: ");
		fprintf(stderr,
		    _("Warning: %s, field \"%.*s\": no font has %.*s (drawn "
		      "as an empty box)"),
		    number, (int)(tab - p), p, (int)(nl - tab - 1), tab + 1);
		fputc('\n', stderr);
		p = *nl ? nl + 1 : nl;
	}
}

int
cli_doc_preview(char *preview, int rc)
{
	if (rc == 0 && preview != NULL)
		fputs(preview, stdout);
	free(preview);
	return rc;
}

int
cli_doc_report(struct cli *c, const char *what, const char *number,
    const struct doc_result *res, int print, int rc)
{
	struct rec *r;
	char why[sizeof c->err.msg];

	if (res->path[0] == '\0')
		return -1;
	/* the document's own number, not as typed (r-t01-000001, 0001) */
	if (number != NULL && res->number[0] != '\0')
		number = res->number;
	if (number != NULL)
		cli_doc_gaps(number, res);
	r = rec_new(c);
	/* a document of no number (the X report) says what it is: what is
	 * then the msgid of the term (review R20: "X report  X") */
	if (number == NULL)
		rec_term(r, _("Report"), "report", what);
	else
		rec_str(r, what, "number", number);
	rec_str(r, _("File"), "file", res->path);
	rec_term(
	    r, _("Issue"), "issue", res->copy ? N_("copy") : N_("original"));
	rec_number(r, _("Copy number"), "copy", res->copy);
	rec_int(r, _("Bytes"), "bytes", (int64_t)res->bytes);
	rec_term(r, _("Printed"), "printed",
	    res->printed ? N_("yes")
	    : !print     ? N_("no")
	    : c->svc.cfg.print_command[0] == '\0'
	        ? N_("no print command configured")
	        : N_("failed"));
	rec_print(r);
	if (rc != 0) {
		/* the reason, then the whole path, last (it ran straight on
		 * into the reason: "...pdf, but Print command...", issue 17) */
		snprintf(why, sizeof why, "%s", c->err.msg);
		snprintf(c->err.msg, sizeof c->err.msg,
		    _("%s %s was not printed (%s); the file is %s"), what,
		    number, why, res->path);
	}
	return rc;
}

/* --width N for text previews. */
static int
width_opt(struct cli *c, const char *s, int *out)
{
	enum pd_status e;
	long v;

	*out = 0;
	if (s == NULL)
		return 0;
	/* no number 2, out of range 3 (cli_whole) */
	if ((e = cli_whole(s, 32, 80, &v)) != 0)
		return pd_fail(&c->err, e,
		    _("--width \"%s\": must be a whole number from 32 to 80"),
		    s);
	*out = (int)v;
	return 0;
}

int
cmd_receipt(struct cli *c, int argc, char **argv)
{
	const char *out = NULL, *print = NULL, *text = NULL, *width = NULL;
	struct opt o[] = {{"out", 0, &out}, {"print", 1, &print},
	    {"text", 1, &text}, {"width", 0, &width}, {NULL, 0, NULL}};
	struct doc_request q = {0};
	struct doc_result res;
	char **pos, *preview;
	int npos, w, rc;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0 ||
	    width_opt(c, width, &w) != 0)
		return -1;
	if (width != NULL && text == NULL)
		return pd_fail(
		    &c->err, PD_EUSAGE, _("receipt: --width goes with --text"));
	if (text != NULL && out == NULL && print == NULL) {
		/* a preview: nothing written, nothing logged */
		preview = svc_receipt_preview(&c->svc, pos[0], w, &c->err);
		if (preview == NULL)
			return -1;
		fputs(preview, stdout);
		free(preview);
		return 0;
	}
	q.out = out;
	q.text = text != NULL;
	q.print = print != NULL;
	rc = svc_receipt_issue(&c->svc, pos[0], &q, &res, &c->err);
	return cli_doc_report(c, _("Receipt"), pos[0], &res, q.print, rc);
}

int
cmd_credit_pdf(struct cli *c, int argc, char **argv)
{
	const char *out = NULL, *print = NULL;
	struct opt o[] = {
	    {"out", 0, &out}, {"print", 1, &print}, {NULL, 0, NULL}};
	struct doc_request q = {0};
	struct doc_result res;
	char **pos;
	int npos, rc;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	q.out = out;
	q.print = print != NULL;
	rc = svc_credit_doc_issue(&c->svc, pos[0], &q, &res, &c->err);
	return cli_doc_report(c, _("Credit note"), pos[0], &res, q.print, rc);
}

int
cmd_receipts_export(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *status = NULL, *type = NULL,
	           *search = NULL, *limit = NULL, *dir = NULL, *jobs = NULL,
	           *scope = NULL;
	/* the payments list's options, its report filters and scope too
	 * (review R23: the export had none of them) */
	struct opt o[24] = {{"from", 0, &from}, {"to", 0, &to},
	    {"status", OPT_FILTER, &status}, {"type", OPT_FILTER, &type},
	    {"search", 0, &search}, {"limit", 0, &limit}, {"dir", 0, &dir},
	    {"jobs", 0, &jobs}, {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	struct payment_filter f;
	struct rec *r;
	size_t count = 0;
	char **pos;
	enum pd_status e;
	long nj = 0;
	int npos, rc, no = 9;

	memset(&f, 0, sizeof f);
	cli_filter_opts(o, &no, &fs, SVC_FILTER_ALL);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_payment_filter(c, &f, from, to, status, type, limit) != 0)
		return -1;
	if (dir == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("receipts export: --dir is required"));
	if (jobs != NULL) {
		if ((e = cli_whole(jobs, 1, 16, &nj)) != 0)
			return pd_fail(&c->err, e,
			    _("--jobs \"%s\": must be a whole number from 1 "
			      "to 16"),
			    jobs);
	}
	f.search = search;
	/* the scope and the filters checked before a folder is made */
	if (cli_scope(c, scope) != 0 ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_ALL, &f, &c->err) != 0 ||
	    svc_payment_filter_check(&c->svc, &f, &c->err) != 0)
		return -1;
	rc = svc_receipts_export(&c->svc, &f, dir, (int)nj, &count, &c->err);
	if (rc != 0 && count == 0)
		return rc; /* a refusal is its message alone */
	cli_list_scope_line(c, search);
	r = rec_new(c);
	rec_str(r, _("Directory"), "dir", dir);
	rec_int(r, _("Receipts written"), "written", (int64_t)count);
	rec_print(r);
	return rc;
}

int
cmd_keys(struct cli *c, int argc, char **argv)
{
	static const struct xcol cols[] = {
	    {N_("Screen"), "screen", X_TEXT, 34, 0},
	    {N_("Key"), "key", X_TEXT, 9, 0},
	    {N_("What it does"), "help", X_TEXT, 0, 0}};
	const struct tui_keymap *maps;
	const char *help;
	struct table *t;
	size_t n, i, k;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	maps = tui_keymaps(&n);
	t = table_new(c, cols, 3);
	for (i = 0; i < n; i++)
		for (k = 0; k < maps[i].nkeys; k++) {
			table_str(t, maps[i].screen);
			table_str(t, maps[i].keys[k].name);
			/* the help in the reader's words; JSON as it is */
			help = maps[i].keys[k].help;
			table_str(
			    t, tui_keys_english(c->mode == OUT_TEXT && help[0]
			                            ? _(help)
			                            : help));
			table_row(t);
		}
	table_end(t);
	return 0;
}
