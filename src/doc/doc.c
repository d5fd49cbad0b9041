/* doc.c - building a document and wrapping its text. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

void
doc_init(struct doc *d, const char *org_name, const char *org_address,
    const char *title, const char *number)
{
	memset(d, 0, sizeof *d);
	d->org_name = xstrdup(DOC_S(org_name));
	d->org_address = xstrdup(DOC_S(org_address));
	d->title = xstrdup(DOC_S(title));
	d->number = xstrdup(DOC_S(number));
}

void
doc_badge(struct doc *d, const char *badge)
{
	free(d->badge);
	d->badge = xstrdup(badge);
}

static void
mark(struct doc *d, const char *word, const char *detail, int alert)
{
	if (d->nmarks == DOC_MARKS_MAX)
		return;
	d->marks[d->nmarks].word = xstrdup(DOC_S(word));
	d->marks[d->nmarks].detail = xstrdup(DOC_S(detail));
	d->marks[d->nmarks].alert = alert;
	d->nmarks++;
}

void
doc_mark(struct doc *d, const char *word, const char *detail)
{
	mark(d, word, detail, 0);
}

void
doc_alert(struct doc *d, const char *word, const char *detail)
{
	mark(d, word, detail, 1);
}

static void
add(struct doc *d, enum doc_row_kind kind, const char *a, const char *b,
    const char *c, const char *e)
{
	struct doc_row *r;

	if (d->nrows == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->rows = xrealloc(d->rows, d->cap, sizeof *d->rows);
	}
	r = &d->rows[d->nrows++];
	r->kind = kind;
	r->a = xstrdup(DOC_S(a));
	r->b = xstrdup(DOC_S(b));
	r->c = xstrdup(DOC_S(c));
	r->d = xstrdup(DOC_S(e));
}

void
doc_heading(struct doc *d, const char *title)
{
	add(d, DOC_HEADING, title, NULL, NULL, NULL);
}

void
doc_field(struct doc *d, const char *label, const char *value)
{
	add(d, DOC_FIELD, label, value, NULL, NULL);
}

void
doc_total(struct doc *d, const char *label, const char *value)
{
	add(d, DOC_TOTAL, label, value, NULL, NULL);
}

void
doc_para(struct doc *d, const char *label, const char *text)
{
	add(d, DOC_PARA, label, text, NULL, NULL);
}

void
doc_columns(struct doc *d, const char *c, const char *dcol)
{
	free(d->cols[0]);
	free(d->cols[1]);
	d->cols[0] = xstrdup(DOC_S(c));
	d->cols[1] = xstrdup(DOC_S(dcol));
	/* the heading just written keeps them: a document of several
	 * tables (a Z report's tenders, Expected and Counted, then its
	 * counts' Amount) heads each with its own */
	if (d->nrows > 0 && d->rows[d->nrows - 1].kind == DOC_HEADING) {
		struct doc_row *r = &d->rows[d->nrows - 1];

		free(r->c);
		free(r->d);
		r->c = xstrdup(DOC_S(c));
		r->d = xstrdup(DOC_S(dcol));
	}
}

void
doc_line(struct doc *d, const char *text, const char *detail, const char *c,
    const char *dcol)
{
	add(d, DOC_LINE, text, detail, c, dcol);
}

void
doc_footer(struct doc *d, const char *footer)
{
	free(d->footer);
	d->footer = xstrdup(footer);
}

void
doc_free(struct doc *d)
{
	size_t i;
	int k;

	for (i = 0; i < d->nrows; i++) {
		free(d->rows[i].a);
		free(d->rows[i].b);
		free(d->rows[i].c);
		free(d->rows[i].d);
	}
	for (k = 0; k < d->nmarks; k++) {
		free(d->marks[k].word);
		free(d->marks[k].detail);
	}
	free(d->rows);
	free(d->org_name);
	free(d->org_address);
	free(d->title);
	free(d->number);
	free(d->badge);
	free(d->cols[0]);
	free(d->cols[1]);
	free(d->footer);
	memset(d, 0, sizeof *d);
}

int
doc_paper_parse(const char *s)
{
	static const char *const names[] = {"a4", "letter", "roll80"};
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static void
push(struct doc_span **lines, size_t *n, size_t *cap, const char *s, size_t len)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*lines = xrealloc(*lines, *cap, sizeof **lines);
	}
	(*lines)[*n].s = s;
	(*lines)[*n].n = len;
	(*n)++;
}

/* Whether a line may end at the space p: not when the next sign keeps to
 * the word before it, as French writes "placés ; écrivez" (po/GLOSSARY),
 * so that no line starts with : ; ? or !. */
static int
break_space(const char *p)
{
	return *p == ' ' && (p[1] == '\0' || strchr(":;?!", p[1]) == NULL);
}

size_t
doc_wrap(const char *text, double width, doc_measure_fn m, void *ctx,
    struct doc_span **lines)
{
	size_t n = 0, cap = 0;
	const char *p = text;

	*lines = NULL;
	while (*p != '\0') {
		const char *start = p, *brk = NULL;
		double w = 0;

		/* take characters while they fit; remember the last space */
		while (*p != '\0' && *p != '\n') {
			size_t cl = utf8_len(p);
			double cw = m(ctx, p, cl);

			if (w + cw > width && p > start)
				break;
			if (break_space(p))
				brk = p;
			w += cw;
			p += cl;
		}
		if (*p == '\0' || *p == '\n') {
			push(lines, &n, &cap, start, (size_t)(p - start));
			if (*p == '\n')
				p++;
			continue;
		}
		if (break_space(p) || brk == NULL || brk == start) {
			/* break here: at a space, or inside a long word */
			push(lines, &n, &cap, start, (size_t)(p - start));
		} else {
			push(lines, &n, &cap, start, (size_t)(brk - start));
			p = brk;
		}
		while (*p == ' ')
			p++;
	}
	if (n == 0)
		push(lines, &n, &cap, text, 0);
	return n;
}
