/* gaps.c - `paydesk-central gaps ORG [--terminal ID] [--json]`: each
 * terminal's payment, receipt and credit-note series as the central node
 * holds them, with the numbers missing, what was voided, what the node
 * refused and when the terminal last synced (review 18), so that an
 * auditor sees a missing receipt at once. The report's lines are
 * svc_central_gaps'; this file lays them out per terminal. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "central.h"

/* A series' name as people read it, by its stored word. */
static const struct {
	const char *word, *label;
} series_labels[] = {
    {"payment", N_("Payments")},
    {"receipt", N_("Receipts")},
    {"credit_note", N_("Credit notes")},
    {"z_report", N_("Z numbers")},
};

static const char *
series_label(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof series_labels / sizeof series_labels[0]; i++)
		if (strcmp(series_labels[i].word, word) == 0)
			return _(series_labels[i].label);
	return word;
}

struct gaps_out {
	json_t *json;    /* --json: this terminal's object; NULL: text */
	int seen[4];     /* the series that had numbers (labels' order) */
	int64_t missing; /* numbers missing in all */
};

static int
label_index(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof series_labels / sizeof series_labels[0]; i++)
		if (strcmp(series_labels[i].word, word) == 0)
			return (int)i;
	return 0;
}

/* --json: the line into the terminal's object. */
static void
json_line(json_t *o, const struct series_line *l)
{
	json_t *a;

	switch (l->kind) {
	case SERIES_ISSUED:
		json_array_append_new(json_object_get(o, "series"),
		    json_pack("{s:s, s:s, s:s, s:s, s:I, s:[]}", "series",
		        l->series, "scope", l->scope, "first", l->first, "last",
		        l->last, "issued", (json_int_t)l->count, "missing"));
		break;
	case SERIES_MISSING:
		a = json_object_get(o, "series");
		json_array_append_new(
		    json_object_get(
		        json_array_get(a, json_array_size(a) - 1), "missing"),
		    json_pack("{s:s, s:s, s:I}", "first", l->first, "last",
		        l->last, "count", (json_int_t)l->count));
		break;
	case SERIES_VOIDED:
		json_array_append_new(json_object_get(o, "voided"),
		    json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "series",
		        l->series, "number", l->first, "payment_no", l->last,
		        "reason", l->reason, "by", l->by, "at", l->at));
		break;
	case SERIES_REFUSED:
		json_object_set_new(o, "refused", json_integer(l->count));
		break;
	case SERIES_TWICE:
		a = json_array_get(json_object_get(o, "series"),
		    json_array_size(json_object_get(o, "series")) - 1);
		if (json_object_get(a, "twice") == NULL)
			json_object_set_new(a, "twice", json_array());
		json_array_append_new(json_object_get(a, "twice"),
		    json_pack("{s:s, s:I}", "number", l->first, "count",
		        (json_int_t)l->count));
		break;
	}
}

/* Text: the line as the auditor reads it, indented under its terminal;
 * what the terminal or a client sent, escaped. */
static void
text_line(const struct series_line *l)
{
	char *a = utf8_printable(l->first), *b = utf8_printable(l->last);
	char *r, *by, word[512];

	/* the indent is the layout's, not the sentence's */
	fputs(l->kind == SERIES_MISSING || l->kind == SERIES_TWICE ? "    "
	                                                           : "  ",
	    stdout);
	switch (l->kind) {
	case SERIES_ISSUED:
		if (strcmp(l->first, l->last) == 0 && l->scope[0] != '\0')
			printf(_("%s of %s: %s, 1 held"),
			    series_label(l->series), l->scope, a);
		else if (strcmp(l->first, l->last) == 0)
			printf(_("%s: %s, 1 held"), series_label(l->series), a);
		else if (l->scope[0] != '\0')
			printf(ngettext("%s of %s: %s to %s, %" PRId64 " held",
			           "%s of %s: %s to %s, %" PRId64 " held",
			           (unsigned long)l->count),
			    series_label(l->series), l->scope, a, b, l->count);
		else
			printf(ngettext("%s: %s to %s, %" PRId64 " held",
			           "%s: %s to %s, %" PRId64 " held",
			           (unsigned long)l->count),
			    series_label(l->series), a, b, l->count);
		break;
	case SERIES_MISSING:
		if (l->count == 1)
			printf(_("Missing: %s"), a);
		else
			printf(
			    ngettext("Missing: %s to %s (%" PRId64 " number)",
			        "Missing: %s to %s (%" PRId64 " numbers)",
			        (unsigned long)l->count),
			    a, b, l->count);
		break;
	case SERIES_VOIDED:
		r = utf8_printable(svc_word(l->reason, word, sizeof word));
		by = utf8_printable(l->by);
		printf(_("Voided: %s (payment %s) at %s by %s: %s"), a, b,
		    l->at, by, r);
		free(r);
		free(by);
		break;
	case SERIES_TWICE:
		printf(_("Used %" PRId64 " times: %s"), l->count, a);
		break;
	case SERIES_REFUSED:
		printf(ngettext("Refused by this node: %" PRId64
		                " record (see paydesk-central's log)",
		           "Refused by this node: %" PRId64
		           " records (see paydesk-central's log)",
		           (unsigned long)l->count),
		    l->count);
		break;
	}
	putchar('\n');
	free(a);
	free(b);
}

static int
one_line(const struct series_line *l, void *arg)
{
	struct gaps_out *o = arg;

	if (l->kind == SERIES_ISSUED)
		o->seen[label_index(l->series)] = 1;
	if (l->kind == SERIES_MISSING || l->kind == SERIES_TWICE)
		o->missing += l->count;
	if (o->json != NULL)
		json_line(o->json, l);
	else
		text_line(l);
	return 0;
}

/* The heading of terminal t's report. */
static void
text_head(const struct terminal_row *t)
{
	printf(ngettext("Terminal %s (branch %s): last synced %s, %" PRId64
	                " record waiting after its last sync",
	           "Terminal %s (branch %s): last synced %s, %" PRId64
	           " records waiting after its last sync",
	           (unsigned long)t->pending),
	    t->terminal, t->branch, t->last_seen[0] ? t->last_seen : _("never"),
	    t->pending);
	putchar('\n');
	if (t->revoked_at[0] != '\0') {
		printf("  ");
		printf(
		    _("Revoked at %s; its token is refused."), t->revoked_at);
		putchar('\n');
	}
}

/* The series without numbers, and whether any number is missing. */
static void
text_tail(const struct gaps_out *o)
{
	size_t i;

	for (i = 0; i < sizeof series_labels / sizeof series_labels[0]; i++)
		if (!o->seen[i]) {
			printf("  ");
			printf(_("%s: none"), _(series_labels[i].label));
			putchar('\n');
		}
	if (o->missing == 0)
		printf("  %s\n", _("No number is missing."));
}

static json_t *
json_head(const struct terminal_row *t)
{
	return json_pack("{s:s, s:s, s:s?, s:s?, s:I, s:[], s:[], s:I}",
	    "terminal", t->terminal, "branch", t->branch, "last_synced",
	    t->last_seen[0] ? t->last_seen : NULL, "revoked_at",
	    t->revoked_at[0] ? t->revoked_at : NULL, "pending",
	    (json_int_t)t->pending, "series", "voided", "refused",
	    (json_int_t)0);
}

/* The options after ORG; PD_EUSAGE naming an unknown one. */
static int
gaps_opts(
    int argc, char **argv, const char **terminal, int *json, struct pd_err *err)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			*json = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--terminal") == 0) {
			if (central_filter_opt(
			        argv[i], terminal, argv[i + 1], err) != 0)
				return -1;
			i++;
		} else
			return pd_fail(err, PD_EUSAGE,
			    _("Gaps: unknown option or missing value \"%s\""),
			    argv[i]);
	}
	if (*terminal != NULL)
		return central_check_id(_("Terminal"), *terminal, 16, err);
	return 0;
}

/* Each of org's terminals (or the one asked for): its report. */
static int
report(struct backend *b, const char *org, const struct terminal_row *t,
    size_t n, const char *only, json_t *all, struct pd_err *err)
{
	size_t i, done = 0;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		struct gaps_out o = {NULL, {0}, 0};

		if (only != NULL && strcmp(t[i].terminal, only) != 0)
			continue;
		done++;
		if (all != NULL)
			o.json = json_head(&t[i]);
		else
			text_head(&t[i]);
		rc = b->ops->gaps(b, org, t[i].terminal, one_line, &o, err);
		if (all != NULL)
			json_array_append_new(all, o.json);
		else if (rc == 0)
			text_tail(&o);
	}
	return rc;
}

int
gaps_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	struct terminal_row *t;
	const char *only = NULL;
	json_t *all = NULL;
	size_t n;
	int json = 0, rc;
	char *s;

	if (argc < 1)
		return pd_fail(err, PD_EUSAGE, _("Gaps: which organisation"));
	if (central_check_id(_("Organisation"), argv[0], 32, err) != 0 ||
	    gaps_opts(argc - 1, argv + 1, &only, &json, err) != 0)
		return -1;
	/* an organisation unknown is named before its terminals are read */
	if (b->ops->gaps(b, argv[0], NULL, NULL, NULL, err) != 0 ||
	    central_terminal_known(b, argv[0], only, err) != 0)
		return -1;
	t = b->ops->terminals(b, argv[0], &n, err);
	if (t == NULL)
		return -1;
	if (json)
		all = json_array();
	rc = report(b, argv[0], t, n, only, all, err);
	if (all != NULL) {
		if (rc == 0 && (s = json_dumps(all, JSON_INDENT(1))) != NULL) {
			puts(s);
			free(s);
		}
		json_decref(all);
	}
	free(t);
	return rc;
}
