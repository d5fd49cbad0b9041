/* out_rec.c - printing one record (a payment, a consumer, a shift...) as
 * text, its labels lined up and list items joined on a line, or as one
 * JSON object. out.c prints tables and exports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "out_int.h"

/* A record is built as a JSON tree either way; text mode also keeps the
 * labels and the text forms of values, in order. */
struct line {
	int depth;
	int item; /* a list item line: values only, joined */
	char *label;
	char *value;
};

struct rec {
	struct cli *c;
	json_t *root;
	json_t *stack[8];
	int depth;
	struct line *lines;
	size_t n, cap;
	int in_item;
	int item_fields; /* fields so far on the current item's line */
	int lists[8];    /* stack entry is a list (array) */
};

struct rec *
rec_new(struct cli *c)
{
	struct rec *r = xcalloc(1, sizeof *r);

	r->c = c;
	r->root = json_object();
	r->stack[0] = r->root;
	json_object_set_new(
	    r->root, "currency", json_string(c->svc.cfg.currency_code));
	return r;
}

static void
push_line(struct rec *r, const char *label, const char *value)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->lines = xrealloc(r->lines, r->cap, sizeof *r->lines);
	}
	r->lines[r->n].depth = r->depth;
	r->lines[r->n].item = r->in_item;
	r->lines[r->n].label = label ? xstrdup(label) : NULL;
	/* shown on a terminal: made printable (JSON escapes on its own) */
	r->lines[r->n].value = utf8_printable(value);
	r->n++;
}

static void
add_line(struct rec *r, const char *label, const char *value)
{
	struct line *l;
	char *v, *shown;

	if (!r->in_item || label == NULL) {
		push_line(r, label, value);
		return;
	}
	shown = utf8_printable(value);
	/* list item: one line, the first two values bare (what and which),
	 * the rest labelled; a labelled one with no value left out (as a
	 * record's line is: rec_print) */
	l = &r->lines[r->n - 1];
	if (r->item_fields >= 2 && shown[0] == '\0')
		v = xstrdup(l->value);
	else if (r->item_fields < 2)
		v = xasprintf(
		    "%s%s%s", l->value, l->value[0] ? " " : "", shown);
	else
		/* TRANSLATORS: a list item's line, what came before, then a
		 * field's label and value: "Bill INV-1; Amount: $10.00"
		 * (French: a narrow no-break space before ; and :) */
		v = xasprintf(_("%s; %s: %s"), l->value, label, shown);
	free(shown);
	r->item_fields++;
	free(l->value);
	l->value = v;
}

static void
set(struct rec *r, const char *key, json_t *v)
{
	json_object_set_new(r->stack[r->depth], key, v);
}

void
rec_section(struct rec *r, const char *title, const char *key)
{
	json_t *o = json_object();

	set(r, key, o);
	add_line(r, NULL, title);
	r->stack[++r->depth] = o;
	r->lists[r->depth] = 0;
}

void
rec_list(struct rec *r, const char *title, const char *key)
{
	json_t *a = json_array();

	set(r, key, a);
	add_line(r, NULL, title);
	r->stack[++r->depth] = a;
	r->lists[r->depth] = 1;
}

void
rec_item(struct rec *r)
{
	json_t *o = json_object();

	json_array_append_new(r->stack[r->depth], o);
	r->stack[++r->depth] = o;
	r->lists[r->depth] = 0;
	r->in_item = 1;
	r->item_fields = 0;
	push_line(r, "", "");
}

void
rec_end(struct rec *r)
{
	if (r->in_item && r->depth > 0 && r->lists[r->depth - 1])
		r->in_item = 0;
	if (r->depth > 0)
		r->depth--;
}

void
rec_str(struct rec *r, const char *label, const char *key, const char *v)
{
	set(r, key, json_string(v ? v : ""));
	add_line(r, label, v);
}

void
rec_shown(struct rec *r, const char *label, const char *key, const char *v,
    const char *text)
{
	set(r, key, json_string(v ? v : ""));
	add_line(r, label, text);
}

void
rec_json(struct rec *r, const char *label, const char *key, json_t *v,
    const char *text)
{
	set(r, key, v);
	add_line(r, label, text);
}

void
rec_data(struct rec *r, const char *key, const char *v)
{
	set(r, key, json_string(v ? v : ""));
}

void
rec_data_json(struct rec *r, const char *key, json_t *v)
{
	set(r, key, v);
}

void
rec_date(struct rec *r, const char *label, const char *key, const char *iso)
{
	char buf[SVC_DATE_BUFSZ];

	rec_shown(r, label, key, iso,
	    svc_date(&r->c->svc, buf, sizeof buf, iso ? iso : ""));
}

void
rec_time(struct rec *r, const char *label, const char *key, const char *ts)
{
	char buf[SVC_DATE_BUFSZ];

	rec_shown(r, label, key, ts,
	    svc_timestamp(&r->c->svc, buf, sizeof buf, ts ? ts : ""));
}

void
rec_term(struct rec *r, const char *label, const char *key, const char *v)
{
	/* a term (TC_) in its context for people, the word alone in JSON */
	rec_shown(
	    r, label, key, i18n_term_word(v), v && *v ? i18n_term(v) : "");
}

void
rec_bool(struct rec *r, const char *label, const char *key, int v)
{
	/* true or false in JSON, yes or no for people */
	set(r, key, json_boolean(v));
	add_line(r, label, v ? _("yes") : _("no"));
}

/* A word paydesk stored (svc_word): the operator's language for people,
 * as stored in JSON. */
void
rec_word(struct rec *r, const char *label, const char *key, const char *v)
{
	char buf[512];

	rec_shown(r, label, key, v, svc_word(v, buf, sizeof buf));
}

void
rec_money(struct rec *r, const char *label, const char *key, int64_t v)
{
	char buf[MONEY_BUFSZ];

	set(r, key, json_integer(v));
	add_line(r, label, svc_money(&r->c->svc, buf, sizeof buf, v));
}

/* None: nothing in text, null in JSON. */
static void
rec_none(struct rec *r, const char *label, const char *key)
{
	set(r, key, json_null());
	add_line(r, label, "");
}

void
rec_money_or_none(
    struct rec *r, const char *label, const char *key, int64_t v, int has)
{
	if (has)
		rec_money(r, label, key, v);
	else
		rec_none(r, label, key);
}

void
rec_money_or_dash(
    struct rec *r, const char *label, const char *key, int64_t v, int has)
{
	if (has)
		rec_money(r, label, key, v);
	else {
		set(r, key, json_null());
		add_line(r, label, "-");
	}
}

void
rec_int(struct rec *r, const char *label, const char *key, int64_t v)
{
	char buf[SVC_COUNT_BUFSZ];

	set(r, key, json_integer(v));
	add_line(r, label, svc_count(&r->c->svc, buf, sizeof buf, v));
}

void
rec_number(struct rec *r, const char *label, const char *key, int64_t v)
{
	char buf[32];

	set(r, key, json_integer(v));
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	add_line(r, label, buf);
}

void
rec_number_or_none(
    struct rec *r, const char *label, const char *key, int64_t v, int has)
{
	if (has)
		rec_number(r, label, key, v);
	else
		rec_none(r, label, key);
}

void
rec_tenths(struct rec *r, const char *label, const char *key, int64_t t,
    const char *unit)
{
	char buf[48], txt[64];

	if (t == KPI_NONE) {
		/* no data to compute it from: the dashboard's "—" */
		set(r, key, json_null());
		add_line(r, label, "\xe2\x80\x94");
		return;
	}
	set(r, key, json_real((double)t / 10.0));
	if (unit != NULL && strcmp(unit, "%") == 0)
		svc_percent(&r->c->svc, txt, sizeof txt, t);
	else {
		svc_tenths(&r->c->svc, buf, sizeof buf, t);
		snprintf(txt, sizeof txt, "%s%s", buf, unit ? unit : "");
	}
	add_line(r, label, txt);
}

/* Labels line up by display width: translated ones are not ASCII. */
static int
label_columns(const char *s)
{
	return utf8_columns(s, strlen(s));
}

/* One CSV cell: quoted when it holds a comma, a quote or a line break;
 * text a spreadsheet would take for a formula starts with ' (as the
 * exports write it). */
static void
csv_cell(const char *s, int text)
{
	const char *p;

	if (text && (*s == '=' || *s == '+' || *s == '-' || *s == '@'))
		putchar('\'');
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putchar('"');
		putchar(*p);
	}
	putchar('"');
}

/* A record as CSV (review R18: --csv printed the text): a field,value
 * row for each value, its field the path of JSON keys and list
 * positions from 1 (items.2.ref). */
static void
csv_flat(const char *path, json_t *v)
{
	const char *key;
	json_t *m;
	size_t i;
	char *sub, *text;

	if (json_is_object(v)) {
		json_object_foreach(v, key, m)
		{
			sub = *path ? xasprintf("%s.%s", path, key)
			            : xstrdup(key);
			csv_flat(sub, m);
			free(sub);
		}
		return;
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, m)
		{
			sub = xasprintf("%s.%zu", path, i + 1);
			csv_flat(sub, m);
			free(sub);
		}
		return;
	}
	csv_cell(path, 1);
	putchar(',');
	if (json_is_string(v))
		csv_cell(json_string_value(v), 1);
	else if (!json_is_null(v)) {
		text = json_dumps(v, JSON_ENCODE_ANY | JSON_EXACT_TENTHS);
		csv_cell(text ? text : "", 0);
		free(text);
	}
	fputs("\r\n", stdout);
}

void
rec_print(struct rec *r)
{
	size_t i;
	int w = 0, len;

	if (r->c->mode == OUT_CSV) {
		fputs("field,value\r\n", stdout);
		csv_flat("", r->root);
	} else if (r->c->mode == OUT_JSON) {
		json_dumpf(r->root, stdout,
		    JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_EXACT_TENTHS);
		fputc('\n', stdout);
	} else {
		/* a field with no value (none: an alert of no plan, a
		 * payment of no reference) is left out, its label too
		 * (helper-252, fault 10: a column of labels with nothing
		 * beside them); JSON and CSV have it, null or "" */
		for (i = 0; i < r->n; i++)
			if (r->lines[i].label && !r->lines[i].item &&
			    r->lines[i].value[0] != '\0' &&
			    (len = label_columns(r->lines[i].label)) > w)
				w = len;
		for (i = 0; i < r->n; i++) {
			struct line *l = &r->lines[i];

			if (l->label != NULL && !l->item && l->value[0] == '\0')
				continue;
			if (l->item)
				printf("%*s  %s\n", l->depth * 2 - 2, "",
				    l->value);
			else if (l->label == NULL)
				printf("%s%*s%s\n", i ? "\n" : "", l->depth * 2,
				    "", l->value);
			else
				printf("%*s%s%*s  %s\n", l->depth * 2, "",
				    l->label, w - label_columns(l->label), "",
				    l->value);
		}
	}
	for (i = 0; i < r->n; i++) {
		free(r->lines[i].label);
		free(r->lines[i].value);
	}
	free(r->lines);
	json_decref(r->root);
	free(r);
}
