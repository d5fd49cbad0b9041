/* reanchors.c - `paydesk-central reanchors ORG [--terminal ID] [--json]`:
 * the audit heads set back by `paydesk audit reanchor` (review 18), as
 * the central node kept them: when, which terminal, who asked and why,
 * the head it had before, the head it saw that the restored chain holds
 * and the head kept after. A terminal's own log can be restored from an
 * older backup; this list cannot be changed from a terminal. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "central.h"

/* A head as the table shows it: its entry and the hash's first 12 hex
 * digits (--json has them whole). */
static void
head_cell(char *out, size_t n, int64_t seq, const char *hash)
{
	if (seq == 0 && hash[0] == '\0')
		snprintf(out, n, "0");
	else
		snprintf(out, n, "%" PRId64 ":%.12s", seq, hash);
}

static void
print_json(const struct reanchor_row *v, size_t n)
{
	json_t *a = json_array();
	char *s;
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a,
		    json_pack("{s:s, s:s, s:s, s:s, s:I, s:s, s:I, s:I, s:s}",
		        "at", v[i].at, "terminal", v[i].terminal, "by", v[i].by,
		        "reason", v[i].reason, "from_seq",
		        (json_int_t)v[i].from_seq, "from_hash", v[i].from_hash,
		        "base_seq", (json_int_t)v[i].base_seq, "to_seq",
		        (json_int_t)v[i].to_seq, "to_hash", v[i].to_hash));
	s = json_dumps(a, JSON_INDENT(1));
	if (s != NULL)
		puts(s);
	free(s);
	json_decref(a);
}

static void
print_table(const struct reanchor_row *v, size_t n)
{
	const char *heads[7] = {NC_("column", "When"),
	    NC_("column", "Terminal"), NC_("column", "By"),
	    NC_("column", "Before"), NC_("column", "Base"),
	    NC_("column", "After"), NC_("column", "Reason")};
	int w[7] = {19, 8, 16, 18, 6, 18, 0}, i;
	size_t k;

	for (i = 0; i < 7; i++)
		heads[i] = svc_column_header(heads[i]);
	central_head(heads, w, 7, 0);
	for (k = 0; k < n; k++) {
		char before[96], base[24], after[96];
		char *by = utf8_printable(v[k].by);
		char *why = utf8_printable(v[k].reason);
		const char *cells[7];

		head_cell(before, sizeof before, v[k].from_seq, v[k].from_hash);
		snprintf(base, sizeof base, "%" PRId64, v[k].base_seq);
		head_cell(after, sizeof after, v[k].to_seq, v[k].to_hash);
		cells[0] = v[k].at;
		cells[1] = v[k].terminal;
		cells[2] = by;
		cells[3] = before;
		cells[4] = base;
		cells[5] = after;
		cells[6] = why;
		central_row(cells, w, 7, 0);
		free(by);
		free(why);
	}
	central_none(n);
}

int
reanchors_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *only = NULL;
	struct reanchor_row *v;
	int json = 0, i;
	size_t n;

	if (argc < 1)
		return pd_fail(
		    err, PD_EUSAGE, _("Reanchors: which organisation"));
	if (central_check_id(_("Organisation"), argv[0], 32, err) != 0)
		return -1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--terminal") == 0) {
			if (central_filter_opt(
			        argv[i], &only, argv[i + 1], err))
				return -1;
			i++;
		} else
			return pd_fail(err, PD_EUSAGE,
			    _("Reanchors: unknown option or missing value "
			      "\"%s\""),
			    argv[i]);
	}
	if (only != NULL && central_check_id(_("Terminal"), only, 16, err) != 0)
		return -1;
	/* the organisation named first, then a terminal none of its
	 * (s72 fault 9: an empty list) */
	v = b->ops->reanchors(b, argv[0], only, &n, err);
	if (v == NULL)
		return -1;
	if (central_terminal_known(b, argv[0], only, err) != 0) {
		free(v);
		return -1;
	}
	if (json)
		print_json(v, n);
	else
		print_table(v, n);
	free(v);
	return 0;
}
