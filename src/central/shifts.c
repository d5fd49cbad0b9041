/* shifts.c - `paydesk-central shifts ORG [--branch B] [--from D] [--to D]
 * [--json]`: every drawer's cash shifts of an organisation as its
 * terminals sent them (issue 20), newest first, with the over (+) or
 * short (-) of each close. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "central.h"

struct shifts_out {
	json_t *json; /* --json: the array being filled; NULL: a table */
	const char *heads[9];
	int headed; /* the headings printed (at the first row: a refusal
	               of the options prints none) */
	int w[9];
	size_t rows; /* the rows printed: none, "(none)" (s72 fault 2) */
};

static void
head_once(struct shifts_out *o)
{
	if (o->json == NULL && !o->headed)
		central_head(o->heads, o->w, 9, 1);
	o->headed = 1;
}

/* The stored words as people read them (shift_status_name's). */
static const char *
status_word(const struct shift *sh)
{
	/* closed by force, nothing counted (s72 fault d) */
	if (sh->status == SHIFT_CLOSED && sh->forced_reason[0] != '\0')
		return _("forced");
	return sh->status == SHIFT_CLOSED ? _("closed") : _("open");
}

/* A difference under its shift's row, in the organisation's format. */
static void
tender_line(const struct svc *s, const char *what, int64_t amount)
{
	char m[MONEY_BUFSZ];

	printf("    %s: %s\n", what, svc_money(s, m, sizeof m, amount));
}

/* A shift's flags as the words JSON carries ("overnight", "too_long"). */
static json_t *
flag_words(int flags)
{
	json_t *a = json_array();

	if (flags & SHIFT_FLAG_OVERNIGHT)
		json_array_append_new(a, json_string("overnight"));
	if (flags & SHIFT_FLAG_LONG)
		json_array_append_new(a, json_string("too_long"));
	return a;
}

static int
one_row(const struct central_shift_row *r, void *arg)
{
	struct shifts_out *o = arg;
	const struct shift *sh = r->sh;
	const char *cells[9];
	char flags[128];

	if (o->json != NULL) {
		json_t *first = json_object();
		size_t i;
		json_t *tenders = json_array(), *at_once = json_array();

		/* the tenders counted again after the first count's over or
		 * short was shown: that first count (the close record's) */
		for (i = 0; i < r->ntenders; i++)
			if (r->tenders[i].recounted)
				json_object_set_new(first, r->tenders[i].method,
				    json_integer(
				        (json_int_t)r->tenders[i].first_counted));
		/* each tender's own over or short: their sum nets a cash
		 * over against a card short (review R20b) */
		for (i = 0; i < r->ntenders; i++) {
			json_t *t = json_pack("{s:s, s:I, s:I, s:I}", "method",
			    r->tenders[i].method, "expected",
			    (json_int_t)r->tenders[i].expected, "counted",
			    (json_int_t)r->tenders[i].counted, "over_short",
			    (json_int_t)r->tenders[i].over_short);

			/* a cheque method's cheques listed and taken that
			 * differ (the close record's) */
			if (r->tenders[i].unmatched[0])
				json_object_set_new(t, "cheques_unmatched",
				    json_string(r->tenders[i].unmatched));
			json_array_append_new(tenders, t);
		}
		/* the cashier's shifts at other terminals open at once */
		for (i = 0; i < r->noverlaps; i++)
			json_array_append_new(
			    at_once, json_pack("{s:s, s:s, s:s, s:s}", "uuid",
			                 r->overlaps[i].uuid, "terminal",
			                 r->overlaps[i].terminal, "opened_at",
			                 r->overlaps[i].opened_at, "closed_at",
			                 r->overlaps[i].closed_at));
		json_array_append_new(o->json,
		    json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:o, "
		              "s:o, s:I, s:o, s:s, s:o, s:b, s:o, s:o}",
		        "uuid", sh->uuid, "z_no", sh->z_no, "terminal",
		        sh->terminal, "cashier", sh->cashier, "opened_at",
		        sh->opened_at, "closed_at", sh->closed_at, "status",
		        shift_status_name(sh->status), "float_counted",
		        (json_int_t)sh->float_counted, "float_expected",
		        sh->first
		            ? json_null()
		            : json_integer((json_int_t)sh->float_expected),
		        "float_difference",
		        sh->first
		            ? json_null()
		            : json_integer((json_int_t)(sh->float_counted -
		                                        sh->float_expected)),
		        "over_short", (json_int_t)r->over_short, "tenders",
		        tenders, "signed_off_by", sh->signed_off_by,
		        "counted_first", first, "flagged", r->flagged != 0,
		        "flags", flag_words(r->flagged), "open_at_once",
		        at_once));
		/* closed by force at another terminal (s72 fault d) */
		json_object_set_new(
		    json_array_get(o->json, json_array_size(o->json) - 1),
		    "forced", json_boolean(sh->forced_reason[0] != '\0'));
		if (sh->forced_reason[0] != '\0') {
			json_t *last = json_array_get(
			    o->json, json_array_size(o->json) - 1);

			json_object_set_new(
			    last, "forced_on", json_string(sh->forced_on));
			json_object_set_new(last, "forced_reason",
			    json_string(sh->forced_reason));
			json_object_set_new(
			    last, "closed_by", json_string(sh->closed_by));
		}
		return 0;
	}
	head_once(o);
	o->rows++;
	cells[0] = sh->z_no[0] ? sh->z_no : "-";
	cells[1] = sh->terminal;
	cells[2] = sh->cashier;
	cells[3] = sh->opened_at;
	cells[4] = sh->closed_at[0] ? sh->closed_at : "-";
	cells[5] = status_word(sh);
	cells[6] = r->float_text;
	cells[7] = sh->status == SHIFT_CLOSED ? r->over_short_text : "-";
	/* open too long or across midnight (review R20, fault 7) */
	cells[8] = shift_flag_text(
	    r->flagged, r->svc->cfg.shift_max_hours, 0, flags, sizeof flags);
	central_row(cells, o->w, 9, 1);
	/* under it, each difference on a line of its own: the opening
	 * float's, and each tender's, which the column's sum may net
	 * away (review R20b) */
	if (!sh->first && sh->float_counted != sh->float_expected)
		tender_line(r->svc, _("Opening float"),
		    sh->float_counted - sh->float_expected);
	/* one cashier, one drawer: the cashier's shifts at other terminals
	 * open at once with this one, which two terminals offline may
	 * each have opened; both kept (review s70, fault 3) */
	for (size_t i = 0; i < r->noverlaps; i++) {
		printf("    ");
		printf(_("%s's shift at terminal %s, opened %s, was open at "
		         "the same time"),
		    sh->cashier, r->overlaps[i].terminal,
		    r->overlaps[i].opened_at);
		printf("\n");
	}
	if (sh->forced_reason[0] != '\0') {
		printf("    ");
		printf(_("closed by force at terminal %s by %s, nothing "
		         "counted: %s"),
		    sh->forced_on, sh->closed_by, sh->forced_reason);
		printf("\n");
	}
	for (size_t i = 0; i < r->ntenders; i++) {
		if (r->tenders[i].over_short != 0)
			tender_line(r->svc, r->tenders[i].method,
			    r->tenders[i].over_short);
		if (r->tenders[i].unmatched[0])
			printf("    %s: %s: %s\n", r->tenders[i].method,
			    _("cheques not matched"), r->tenders[i].unmatched);
	}
	return 0;
}

/* The organisation's terminals of branch, into *out (names point into
 * *rows, which the caller frees). */
static int
branch_terminals(struct backend *b, const char *org, const char *branch,
    struct terminal_row **rows, const char ***out, size_t *n,
    struct pd_err *err)
{
	size_t i, all;

	*rows = b->ops->terminals(b, org, &all, err);
	if (*rows == NULL)
		return -1;
	*out = xcalloc(all + 1, sizeof **out);
	*n = 0;
	for (i = 0; i < all; i++)
		if (strcmp((*rows)[i].branch, branch) == 0)
			(*out)[(*n)++] = (*rows)[i].terminal;
	/* a branch of no terminal is said, not listed as none (review
	 * R20), as the terminal's shift list --cashier is */
	if (*n == 0) {
		char known[512] = "";
		size_t j, k;

		for (i = 0; i < all; i++) {
			for (j = 0; j < i; j++)
				if (strcmp((*rows)[j].branch, (*rows)[i].branch) == 0)
					break;
			k = strlen(known);
			if (j == i && k + strlen((*rows)[i].branch) + 3 < sizeof known)
				snprintf(known + k, sizeof known - k, "%s%s",
				    k ? ", " : "", (*rows)[i].branch);
		}
		/* an unknown filter's value: 2, as every one's (s72 fault 9) */
		pd_fail(err, PD_EUSAGE,
		    _("Branch \"%s\": no terminal of %s is of it (its "
		      "branches: %s)"),
		    branch, org, known[0] ? known : "-");
		free(*out);
		free(*rows);
		*out = NULL;
		*rows = NULL;
		return -1;
	}
	return 0;
}

/* The options after ORG; PD_EUSAGE naming an unknown one. */
static int
shift_opts(int argc, char **argv, const char **branch,
    struct central_shift_filter *f, int *json, struct pd_err *err)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			*json = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--branch") == 0) {
			if (central_filter_opt(
			        argv[i], branch, argv[i + 1], err))
				return -1;
			i++;
		} else if (i + 1 < argc && strcmp(argv[i], "--from") == 0) {
			if (central_date_opt(
			        argv[i], &f->from, argv[i + 1], err))
				return -1;
			i++;
		} else if (i + 1 < argc && strcmp(argv[i], "--to") == 0) {
			if (central_date_opt(argv[i], &f->to, argv[i + 1], err))
				return -1;
			i++;
		} else
			return pd_fail(err, PD_EUSAGE,
			    _("Shifts: unknown option or missing value \"%s\""),
			    argv[i]);
	}
	/* a period that cannot hold a shift is said (review R20) */
	if (f->from != NULL && f->to != NULL && strcmp(f->from, f->to) > 0)
		return pd_fail(err, PD_EINVAL, _("--from %s is after --to %s"),
		    f->from, f->to);
	if (*branch != NULL)
		return central_check_id(_("Branch"), *branch, 16, err);
	return 0;
}

int
shifts_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *heads[9] = {NC_("column", "Z number"),
	    NC_("column", "Terminal"), NC_("column", "Cashier"),
	    NC_("column", "Opened"), NC_("column", "Closed"),
	    NC_("column", "Status"), NC_("column", "Float"),
	    NC_("column", "Over/short"), NC_("column", "Flagged")};
	struct central_shift_filter f = {0};
	struct shifts_out o = {
	    NULL, {NULL}, 0, {12, 8, 10, 19, 19, 9, 10, 10, 7}, 0};
	struct terminal_row *rows = NULL;
	const char *branch = NULL, **terms = NULL;
	int json = 0, rc, i;

	/* options before ORG: theirs said first, then ORG asked for (fault
	 * 10, as recon_start) */
	if (argc < 1 || (argv[0][0] == '-' && shift_opts(argc, argv, &branch,
	                                          &f, &json, err) == 0))
		return pd_fail(err, PD_EUSAGE, _("Shifts: which organisation"));
	if (argv[0][0] == '-')
		return -1;
	if (central_check_id(_("Organisation"), argv[0], 32, err) != 0 ||
	    shift_opts(argc - 1, argv + 1, &branch, &f, &json, err) != 0)
		return -1;
	if (branch != NULL && branch_terminals(b, argv[0], branch, &rows,
	                          &terms, &f.nterminals, err) != 0)
		return -1;
	f.terminals = terms;
	if (json)
		o.json = json_array();
	for (i = 0; i < 9; i++)
		o.heads[i] = svc_column_header(heads[i]);
	rc = b->ops->shifts(b, argv[0], &f, one_row, &o, err);
	if (rc == 0 && o.json == NULL) {
		head_once(&o);
		central_none(o.rows);
	}
	if (o.json != NULL) {
		if (rc == 0) {
			char *s = json_dumps(o.json, JSON_INDENT(1));

			if (s != NULL)
				puts(s);
			free(s);
		}
		json_decref(o.json);
	}
	free(terms);
	free(rows);
	return rc;
}
