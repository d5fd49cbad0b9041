/* text.c - a document as plain text for line printers and previews: one
 * column layout, labels left and values right, amounts in two columns. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"
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

/* Two amounts right-aligned in the last two columns. */
static void
amounts(struct out *o, const char *c, const char *d)
{
	int cw = utf8_columns(c, strlen(c)), dw = utf8_columns(d, strlen(d));

	spaces(o, o->width - 2 * AMOUNT_COLS - 1 + (AMOUNT_COLS - cw));
	put(o, c, strlen(c));
	spaces(o, 1 + AMOUNT_COLS - dw);
	put(o, d, strlen(d));
	put(o, "\n", 1);
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
	int k;

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
			if (i + 1 < d->nrows && r[1].kind == DOC_LINE &&
			    d->cols[0] != NULL)
				amounts(&o, d->cols[0], d->cols[1]);
			break;
		case DOC_FIELD:
			pair(&o, r->a, r->b);
			break;
		case DOC_TOTAL:
			line = xasprintf("%s:", r->a);
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
			amounts(&o, r->c, r->d);
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
