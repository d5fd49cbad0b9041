/* text.c - a document as plain text for line printers and previews: one
 * column layout, labels left and values right, amounts in two columns. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

#define AMOUNT_COLS 12

struct out {
	char *buf;
	size_t len, cap;
	int width;
};

static double
columns(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	return utf8_columns(s, n);
}

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->buf = xrealloc(o->buf, o->cap, 1);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void
spaces(struct out *o, int n)
{
	while (n-- > 0)
		put(o, " ", 1);
}

static void
rule(struct out *o, char c)
{
	int i;

	for (i = 0; i < o->width; i++)
		put(o, &c, 1);
	put(o, "\n", 1);
}

/* Text wrapped to the width, each line aligned: 0 left (after indent),
 * 1 right, 2 centred. */
static void
block(struct out *o, const char *text, int indent, int align)
{
	struct doc_span *l;
	size_t n = doc_wrap(text, o->width - indent, columns, NULL, &l), i;

	for (i = 0; i < n; i++) {
		int w = utf8_columns(l[i].s, l[i].n);
		int pad = align == 1   ? o->width - w
		          : align == 2 ? (o->width - w) / 2
		                       : indent;

		spaces(o, pad);
		put(o, l[i].s, l[i].n);
		put(o, "\n", 1);
	}
	free(l);
}

/* Label left, value right on one line when both fit, else the label and
 * the value wrapped and right-aligned under it. */
static void
pair(struct out *o, const char *label, const char *value)
{
	int lw = utf8_columns(label, strlen(label));
	int vw = utf8_columns(value, strlen(value));

	if (lw + 1 + vw <= o->width && strchr(value, '\n') == NULL) {
		put(o, label, strlen(label));
		spaces(o, o->width - lw - vw);
		put(o, value, strlen(value));
		put(o, "\n", 1);
		return;
	}
	block(o, label, 0, 0);
	block(o, value, 2, 1);
}

/* The width of the amount columns: AMOUNT_COLS, or the widest amount or
 * column heading of the document's item lines ("1.234.567,89 €" is 14:
 * two such ran together in 12, issue 25). */
static int
amount_cols(const struct doc *d)
{
	const char *s[2];
	size_t i;
	int k, w = AMOUNT_COLS, c;

	for (i = 0; i <= d->nrows; i++) {
		s[0] = i < d->nrows ? d->rows[i].c : d->cols[0];
		s[1] = i < d->nrows ? d->rows[i].d : d->cols[1];
		/* lines' amounts and headings' own columns (doc_columns) */
		if (i < d->nrows && d->rows[i].kind != DOC_LINE &&
		    d->rows[i].kind != DOC_HEADING)
			continue;
		for (k = 0; k < 2; k++) {
			c = s[k] ? utf8_columns(s[k], strlen(s[k])) : 0;
			w = c > w ? c : w;
		}
	}
	return w;
}

/* Two amounts right-aligned in the last two columns of aw, a space at
 * least between them; where two columns of aw do not fit the width,
 * each on its own line after its column's heading (heads), so that no
 * two figures ever touch. */
static void
amounts(
    struct out *o, int aw, const char *c, const char *d, char *const heads[2])
{
	int cw = utf8_columns(c, strlen(c)), dw = utf8_columns(d, strlen(d));

	if (2 * aw + 1 > o->width) {
		if (heads == NULL) /* the headings line itself */
			return;
		pair(o, heads[0] ? heads[0] : "", c);
		pair(o, heads[1] ? heads[1] : "", d);
		return;
	}
	spaces(o, o->width - 2 * aw - 1 + (aw - cw));
	put(o, c, strlen(c));
	spaces(o, 1 + aw - dw);
	put(o, d, strlen(d));
	put(o, "\n", 1);
}

/* A total's label and its colon as the document's language writes it
 * (French: a no-break space before the colon). */
static char *
total_label(const struct doc *d, const char *label)
{
	/* TRANSLATORS: a total's label and its colon on a text receipt
	 * ("Total paid:"); French puts a narrow no-break space (U+202F)
	 * before the colon */
	return xasprintf(LP_(d->lang, "total", "%s:"), label);
}

/* A heading in capitals, letter by letter in any script ("Artículos
 * pagados": "ARTÍCULOS PAGADOS"); a capital may take more bytes. */
static void
upper_heading(struct out *o, const char *title)
{
	size_t n = strlen(title), i = 0, len = 0, k;
	char *u = xmalloc(n * 4 + 1);
	uint32_t cp;

	while (i < n) {
		size_t up;

		k = utf8_decode(title + i, n - i, &cp);
		up = k == 1 && (unsigned char)title[i] >= 0x80
		         ? 0 /* not UTF-8: the byte as it is */
		         : utf8_encode((uint32_t)utf8proc_toupper((int32_t)cp),
		               u + len);
		if (up == 0) {
			memcpy(u + len, title + i, k);
			up = k;
		}
		len += up;
		i += k;
	}
	u[len] = '\0';
	put(o, "\n", 1);
	block(o, u, 0, 0);
	free(u);
	rule(o, '-');
}

char *
doc_text(const struct doc *d, int width)
{
	struct out o = {NULL, 0, 0, width < 32 ? 32 : width > 80 ? 80 : width};
	size_t i;
	int k, own, aw = amount_cols(d);
	char *heads[2] = {d->cols[0], d->cols[1]}; /* the table's columns */

	put(&o, "", 0);
	block(&o, d->org_name, 0, 2);
	if (d->org_address[0] != '\0')
		block(&o, d->org_address, 0, 2);
	rule(&o, '=');
	pair(&o, d->title, d->number);
	if (d->badge != NULL) {
		char *b = xasprintf("[%s]", d->badge);

		pair(&o, "", b);
		free(b);
	}
	for (k = 0; k < d->nmarks; k++) {
		char *word = xasprintf("*** %s ***", d->marks[k].word);

		rule(&o, '*');
		block(&o, word, 0, 2);
		if (d->marks[k].detail[0] != '\0')
			block(&o, d->marks[k].detail, 0, 2);
		rule(&o, '*');
		free(word);
	}
	for (i = 0; i < d->nrows; i++) {
		const struct doc_row *r = &d->rows[i];
		char *line;

		switch (r->kind) {
		case DOC_HEADING:
			upper_heading(&o, r->a);
			/* its own columns when doc_columns gave it some */
			own = r->c[0] != '\0' || r->d[0] != '\0';
			heads[0] = own ? r->c : d->cols[0];
			heads[1] = own ? r->d : d->cols[1];
			if (i + 1 < d->nrows && r[1].kind == DOC_LINE &&
			    heads[0] != NULL)
				amounts(&o, aw, heads[0], heads[1], NULL);
			break;
		case DOC_FIELD:
			pair(&o, r->a, r->b);
			break;
		case DOC_TOTAL:
			line = total_label(d, r->a);
			pair(&o, line, r->b);
			free(line);
			break;
		case DOC_PARA:
			block(&o, r->a, 0, 0);
			block(&o, r->b[0] ? r->b : "-", 2, 0);
			break;
		case DOC_LINE:
			block(&o, r->a, 0, 0);
			if (r->b[0] != '\0')
				block(&o, r->b, 2, 0);
			amounts(&o, aw, r->c, r->d, heads);
			break;
		}
	}
	if (d->footer != NULL) {
		put(&o, "\n", 1);
		rule(&o, '=');
		block(&o, d->footer, 0, 2);
	}
	return o.buf;
}
