/* pdf.c - a document as PDF with libharu: the TrueType font embedded as a
 * subset through the UTF-8 encoder, with fallback fonts for what it lacks
 * and right-to-left text in visual order (script.c), bold drawn by
 * stroking the glyph outlines so no second weight is needed.
 *
 * Two passes: layout places every string and rule on pages (the 80 mm
 * roll is one page as tall as its content), then drawing writes them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"
#include "script.h"

#define ROLL_MAX_H 14400.0 /* the largest page PDF readers accept */

struct geom {
	double w, h; /* page size; h 0: the page grows with the content */
	double margin;
	double body, small, big; /* font sizes */
	int roll;
};

static const struct geom geoms[] = {
    [PAPER_A4] = {595.28, 841.89, 48, 9.5, 7.5, 18, 0},
    [PAPER_LETTER] = {612, 792, 48, 9.5, 7.5, 18, 0},
    [PAPER_ROLL80] = {226.77, 0, 10, 7.5, 6.5, 12, 1},
};

enum op_kind { OP_TEXT, OP_RULE, OP_BOX };
enum align { LEFT, RIGHT, CENTRE };

struct op {
	enum op_kind kind;
	int page;
	double x, y, w, h; /* y from the top of the content area */
	const char *s;
	size_t n;
	double size;
	int bold;
	double grey; /* 0 black .. 1 white */
	int red;
	const char *field; /* what the text is, for the missing-glyph warning */
};

struct lay {
	const struct geom *g;
	const struct doc *d;
	struct script_fonts fonts;
	const char *field; /* the part being laid out (op.field) */
	double size;       /* for measure() */
	double width, content_h;
	struct op *ops;
	size_t n, cap;
	int page;
	double y;
	double used[64]; /* content height used per page, for the roll */
	double reserve;  /* room kept below the row being laid out: the
	                    footer's, under the last row, so that the footer
	                    never goes to a page of its own */
	double leading;  /* a line's height over its size */
	double vmargin;  /* the page's top and bottom margin */
};

static double
measure(void *ctx, const char *s, size_t n)
{
	struct lay *l = ctx;

	return script_width(&l->fonts, s, n, l->size);
}

static double
width_of(struct lay *l, const char *s, size_t n, double size)
{
	l->size = size;
	return measure(l, s, n);
}

static struct op *
op_add(struct lay *l, enum op_kind kind)
{
	struct op *o;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 128;
		l->ops = xrealloc(l->ops, l->cap, sizeof *l->ops);
	}
	o = &l->ops[l->n++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->page = l->page;
	return o;
}

/* A line's height: 1.38 of its size, less in the compact layout (fit) */
static double
lead(const struct lay *l, double size)
{
	return size * l->leading;
}

/* One line of text whose box starts at l->y; x is the left edge, the
 * right edge or the centre as align says. */
static void
text_at(struct lay *l, double x, const char *s, size_t n, double size, int bold,
    double grey, enum align align)
{
	struct op *o;
	double w = align == LEFT ? 0 : width_of(l, s, n, size);

	o = op_add(l, OP_TEXT);
	o->x = align == LEFT ? x : align == RIGHT ? x - w : x - w / 2;
	o->y = l->y + size * 1.05;
	o->s = s;
	o->n = n;
	o->size = size;
	o->bold = bold;
	o->grey = grey;
	o->field = l->field;
}

static void
rule_at(struct lay *l, double x, double w, double thick, double grey)
{
	struct op *o = op_add(l, OP_RULE);

	o->x = x;
	o->y = l->y;
	o->w = w;
	o->h = thick;
	o->grey = grey;
}

static size_t
wrap(struct lay *l, const char *s, double width, double size,
    struct doc_span **lines)
{
	l->size = size;
	return doc_wrap(s, width, measure, l, lines);
}

static void
new_page(struct lay *l)
{
	if (l->page + 1 >= (int)(sizeof l->used / sizeof l->used[0]))
		return; /* a document this long is cut, never overflowed */
	l->page++;
	l->y = 0;
	if (!l->g->roll) {
		char *s = l->d->number;

		l->field = _("title");
		text_at(l, 0, l->d->title, strlen(l->d->title), l->g->small, 1,
		    0.4, LEFT);
		l->field = _("document number");
		text_at(l, l->width, s, strlen(s), l->g->small, 0, 0.4, RIGHT);
		l->y += lead(l, l->g->small) + 4;
	}
}

/* Make room for h points: a new page when this one is full. */
static void
need(struct lay *l, double h)
{
	if (l->y + h + l->reserve > l->content_h && l->y > 0)
		new_page(l);
}

/* Wrapped text from l->y down; returns the height used. */
static double
lines_at(struct lay *l, double x, const char *s, double width, double size,
    int bold, double grey, enum align align)
{
	struct doc_span *ln;
	size_t n = wrap(l, s, width, size, &ln), i;
	double y0 = l->y;

	for (i = 0; i < n; i++) {
		text_at(l, x, ln[i].s, ln[i].n, size, bold, grey, align);
		l->y += lead(l, size);
	}
	free(ln);
	l->y = y0;
	return (double)n * lead(l, size);
}

static size_t
count_lines(struct lay *l, const char *s, double width, double size)
{
	struct doc_span *ln;
	size_t n = wrap(l, s, width, size, &ln);

	free(ln);
	return n;
}

static void
badge_at(struct lay *l, double x, const char *s, double size, enum align a)
{
	double w = width_of(l, s, strlen(s), size) + 10;
	double left = a == RIGHT ? x - w : a == CENTRE ? x - w / 2 : x;
	struct op *o = op_add(l, OP_BOX);

	l->field = _("status badge");
	o->x = left;
	o->y = l->y;
	o->w = w;
	o->h = lead(l, size) + 2;
	o->grey = 0.2;
	l->y += 1;
	text_at(l, left + 5, s, strlen(s), size, 1, 0.1, LEFT);
	l->y += lead(l, size) + 1;
}

static void
header(struct lay *l)
{
	const struct doc *d = l->d;
	const struct geom *g = l->g;
	double yl, yr, W = l->width;

	if (g->roll) {
		l->field = _("organisation name");
		l->y += lines_at(
		    l, W / 2, d->org_name, W, g->body + 2, 1, 0, CENTRE);
		l->field = _("organisation address");
		l->y += lines_at(
		    l, W / 2, d->org_address, W, g->small, 0, 0.35, CENTRE);
		l->y += 4;
		rule_at(l, 0, W, 0.8, 0);
		l->y += 4;
		l->field = _("title");
		l->y += lines_at(l, W / 2, d->title, W, g->big, 1, 0, CENTRE);
		l->field = _("document number");
		l->y +=
		    lines_at(l, W / 2, d->number, W, g->body + 1, 0, 0, CENTRE);
		if (d->badge != NULL) {
			l->y += 2;
			badge_at(l, W / 2, d->badge, g->body, CENTRE);
		}
		l->y += 4;
		return;
	}
	yl = l->y;
	l->field = _("organisation name");
	l->y += lines_at(l, 0, d->org_name, W * 0.58, 15, 1, 0, LEFT);
	l->field = _("organisation address");
	l->y += lines_at(l, 0, d->org_address, W * 0.58, 9, 0, 0.35, LEFT);
	yr = l->y;
	l->y = yl;
	l->field = _("title");
	text_at(l, W, d->title, strlen(d->title), g->big, 1, 0, RIGHT);
	l->y += lead(l, g->big);
	l->field = _("document number");
	text_at(l, W, d->number, strlen(d->number), 11, 0, 0, RIGHT);
	l->y += lead(l, 11) + 2;
	if (d->badge != NULL)
		badge_at(l, W, d->badge, g->body, RIGHT);
	if (yr > l->y)
		l->y = yr;
	l->y += 6;
	rule_at(l, 0, W, 1.2, 0);
	l->y += 8;
}

static void
marks(struct lay *l)
{
	const struct geom *g = l->g;
	int k;

	for (k = 0; k < l->d->nmarks; k++) {
		const struct doc_mark *m = &l->d->marks[k];
		double inner = l->width - 16, h, big = g->big;
		int red = m->alert;
		struct op *box;

		l->field = m->word;
		h = lead(l, big) + 8 +
		    (double)count_lines(l, m->detail, inner, g->body) *
		        lead(l, g->body);
		need(l, h + 6);
		box = op_add(l, OP_BOX);
		box->x = 0;
		box->y = l->y;
		box->w = l->width;
		box->h = h;
		box->grey = red ? 0 : 0.3;
		box->red = red;
		box->bold = 1;
		l->y += 4;
		text_at(l, l->width / 2, m->word, strlen(m->word), big, 1,
		    red ? 0 : 0.2, CENTRE);
		l->ops[l->n - 1].red = red;
		l->y += lead(l, big);
		l->y += lines_at(
		    l, l->width / 2, m->detail, inner, g->body, 0, 0.2, CENTRE);
		l->y += 4 + 8;
	}
}

static void
heading(struct lay *l, const struct doc_row *r, int table)
{
	const struct geom *g = l->g;
	const struct doc *d = l->d;
	const char *title = r->a;
	/* the heading's own columns (doc_columns after it), else the
	 * document's */
	const char *const *cols = r->c[0] || r->d[0]
	                              ? (const char *const[]){r->c, r->d}
	                              : (const char *const *)d->cols;
	double size = g->body + 1.5;

	l->field = title;
	need(l, 10 + lead(l, size) + 3 + lead(l, g->body) * (table ? 3 : 2));
	l->y += l->y > 0 ? 8 : 0;
	l->y += lines_at(l, 0, title, l->width, size, 1, 0, LEFT);
	rule_at(l, 0, l->width, 0.5, 0.55);
	l->y += 3;
	if (table && cols[0] != NULL) {
		double W = l->width;
		double cx = g->roll ? W - 70 : W * 0.84;

		text_at(
		    l, cx, cols[0], strlen(cols[0]), g->small, 0, 0.4, RIGHT);
		text_at(
		    l, W, cols[1], strlen(cols[1]), g->small, 0, 0.4, RIGHT);
		l->y += lead(l, g->small);
	}
}

/* Label and value: side by side (the value wrapping in its column on a
 * page, right-aligned on the roll when both fit) or stacked on the roll. */
static void
field(struct lay *l, const char *label, const char *value, int bold)
{
	const struct geom *g = l->g;
	double W = l->width, size = bold ? g->body + 1 : g->body;
	double lw = g->roll ? 0 : W * 0.30, h;

	l->field = label;
	if (!g->roll) {
		/* the label may wrap in its column (es "Fondo conservado en
		 * el cajón"): the row takes the taller of the two, so that
		 * the next row does not run into it (issue 25) */
		double hl =
		    (double)count_lines(l, label, lw - 6, size) * lead(l, size);

		h = (double)count_lines(l, value, W - lw, size) * lead(l, size);
		need(l, h > hl ? h : hl);
		hl = lines_at(
		    l, 0, label, lw - 6, size, bold, bold ? 0 : 0.35, LEFT);
		h = lines_at(l, bold ? W : lw, value, W - lw, size, bold, 0,
		    bold ? RIGHT : LEFT);
		l->y += h > hl ? h : hl;
		return;
	}
	if (width_of(l, label, strlen(label), size) +
	        width_of(l, value, strlen(value), size) + 6 <=
	    W) {
		need(l, lead(l, size));
		text_at(l, 0, label, strlen(label), size, bold, bold ? 0 : 0.35,
		    LEFT);
		text_at(l, W, value, strlen(value), size, bold, 0, RIGHT);
		l->y += lead(l, size);
		return;
	}
	h = lead(l, size) +
	    (double)count_lines(l, value, W - 8, size) * lead(l, size);
	need(l, h);
	l->y += lines_at(l, 0, label, W, size, bold, bold ? 0 : 0.35, LEFT);
	l->y += lines_at(l, 8, value, W - 8, size, bold, 0, LEFT);
}

static void
para(struct lay *l, const char *label, const char *text)
{
	const struct geom *g = l->g;

	if (!g->roll) {
		field(l, label, text[0] ? text : "-", 0);
		return;
	}
	l->field = label;
	l->y += 2;
	need(l, lead(l, g->body) * 2);
	l->y += lines_at(l, 0, label, l->width, g->body, 0, 0.35, LEFT);
	/* a long note may run over pages of the roll; one line at a time */
	{
		struct doc_span *ln;
		size_t n = wrap(
		           l, text[0] ? text : "-", l->width - 8, g->body, &ln),
		       i;

		for (i = 0; i < n; i++) {
			need(l, lead(l, g->body));
			text_at(l, 8, ln[i].s, ln[i].n, g->body, 0, 0, LEFT);
			l->y += lead(l, g->body);
		}
		free(ln);
	}
}

static void
item_line(struct lay *l, const struct doc_row *r)
{
	const struct geom *g = l->g;
	double W = l->width, h, hd;

	l->field = r->a;
	if (!g->roll) {
		double tw = W * 0.30, dw = W * 0.40;

		h = (double)count_lines(l, r->a, tw - 6, g->body) *
		    lead(l, g->body);
		hd = (double)count_lines(l, r->b, dw - 6, g->small) *
		     lead(l, g->small);
		h = h > hd ? h : hd;
		need(l, h + 3);
		lines_at(l, 0, r->a, tw - 6, g->body, 1, 0, LEFT);
		l->y += (lead(l, g->body) - lead(l, g->small)) / 2;
		lines_at(l, tw, r->b, dw - 6, g->small, 0, 0.3, LEFT);
		l->y -= (lead(l, g->body) - lead(l, g->small)) / 2;
		text_at(l, W * 0.84, r->c, strlen(r->c), g->body, 0, 0, RIGHT);
		text_at(l, W, r->d, strlen(r->d), g->body, 0, 0, RIGHT);
		l->y += h + 3;
		return;
	}
	h = (double)(count_lines(l, r->a, W, g->body) +
	             count_lines(l, r->b, W - 8, g->small)) *
	        lead(l, g->body) +
	    lead(l, g->body) + 3;
	need(l, h);
	l->y += lines_at(l, 0, r->a, W, g->body, 1, 0, LEFT);
	l->y += lines_at(l, 8, r->b, W - 8, g->small, 0, 0.3, LEFT);
	text_at(l, W - 70, r->c, strlen(r->c), g->body, 0, 0, RIGHT);
	text_at(l, W, r->d, strlen(r->d), g->body, 0, 0, RIGHT);
	l->y += lead(l, g->body) + 3;
}

/* The footer's height (0 for none). */
static double
footer_h(struct lay *l)
{
	if (l->d->footer == NULL)
		return 0;
	return 14 +
	       (double)count_lines(l, l->d->footer, l->width, l->g->small) *
	           lead(l, l->g->small);
}

static void
footer(struct lay *l)
{
	double h;

	if (l->d->footer == NULL)
		return;
	l->field = _("footer");
	h = footer_h(l);
	need(l, h);
	l->y += 8;
	rule_at(l, 0, l->width, 0.5, 0.55);
	l->y += 6;
	l->y += lines_at(l, l->width / 2, l->d->footer, l->width, l->g->small,
	    0, 0.4, CENTRE);
}

static void
layout(struct lay *l)
{
	size_t i;

	header(l);
	marks(l);
	for (i = 0; i < l->d->nrows; i++) {
		const struct doc_row *r = &l->d->rows[i];

		/* the last row takes the footer's room with it: a page
		 * never holds the footer alone (review R20) */
		if (i + 1 == l->d->nrows && !l->g->roll)
			l->reserve = footer_h(l);

		switch (r->kind) {
		case DOC_HEADING:
			heading(
			    l, r, i + 1 < l->d->nrows && r[1].kind == DOC_LINE);
			break;
		case DOC_FIELD:
			field(l, r->a, r->b, 0);
			break;
		case DOC_TOTAL:
			l->y += 1;
			field(l, r->a, r->b, 1);
			break;
		case DOC_PARA:
			para(l, r->a, r->b);
			break;
		case DOC_LINE:
			item_line(l, r);
			break;
		}
		if (l->y > l->used[l->page])
			l->used[l->page] = l->y;
	}
	l->reserve = 0;
	footer(l);
	if (l->y > l->used[l->page])
		l->used[l->page] = l->y;
}

/* The layout of l->d with lines leading their size apart and vmargin
 * above and below on a page, in place of any before. */
static void
lay_out(struct lay *l, double leading, double vmargin)
{
	l->leading = leading;
	l->vmargin = vmargin;
	l->content_h = (l->g->roll ? ROLL_MAX_H : l->g->h) - 2 * l->vmargin;
	l->n = 0;
	l->page = 0;
	l->y = 0;
	l->reserve = 0;
	memset(l->used, 0, sizeof l->used);
	layout(l);
}

/* One line: shaped into runs, each in its face, one text object. */
static void
draw_text(HPDF_Page pg, struct script_fonts *f, double top, const struct op *o)
{
	struct script_text t;
	size_t i;

	script_shape(f, o->s, o->n, o->field != NULL ? o->field : "?", &t);
	if (o->red)
		HPDF_Page_SetRGBFill(pg, 0.75f, 0.05f, 0.05f);
	else
		HPDF_Page_SetGrayFill(pg, (HPDF_REAL)o->grey);
	if (o->bold) {
		if (o->red)
			HPDF_Page_SetRGBStroke(pg, 0.75f, 0.05f, 0.05f);
		else
			HPDF_Page_SetGrayStroke(pg, (HPDF_REAL)o->grey);
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)(o->size * 0.045));
	}
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetTextRenderingMode(
	    pg, o->bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
	HPDF_Page_MoveTextPos(pg, (HPDF_REAL)o->x, (HPDF_REAL)(top - o->y));
	for (i = 0; i < t.nruns; i++) {
		HPDF_Page_SetFontAndSize(
		    pg, f->faces[t.runs[i].face].font, (HPDF_REAL)o->size);
		script_show(pg, &t, i, o->size);
	}
	HPDF_Page_EndText(pg);
	script_text_free(&t);
}

static void
draw(HPDF_Doc pdf, struct lay *l)
{
	const struct geom *g = l->g;
	HPDF_Page pages[64];
	double heights[64];
	int p;
	size_t i;

	for (p = 0; p <= l->page; p++) {
		heights[p] = g->roll ? l->used[p] + 2 * l->vmargin : g->h;
		pages[p] = HPDF_AddPage(pdf);
		HPDF_Page_SetWidth(pages[p], (HPDF_REAL)g->w);
		HPDF_Page_SetHeight(pages[p], (HPDF_REAL)heights[p]);
	}
	for (i = 0; i < l->n; i++) {
		const struct op *o = &l->ops[i];
		HPDF_Page pg = pages[o->page];
		double top = heights[o->page] - l->vmargin;
		double x = g->margin + o->x;

		switch (o->kind) {
		case OP_TEXT: {
			struct op t = *o;

			t.x = x;
			draw_text(pg, &l->fonts, top, &t);
			break;
		}
		case OP_RULE:
			HPDF_Page_SetGrayStroke(pg, (HPDF_REAL)o->grey);
			HPDF_Page_SetLineWidth(pg, (HPDF_REAL)o->h);
			HPDF_Page_MoveTo(
			    pg, (HPDF_REAL)x, (HPDF_REAL)(top - o->y));
			HPDF_Page_LineTo(
			    pg, (HPDF_REAL)(x + o->w), (HPDF_REAL)(top - o->y));
			HPDF_Page_Stroke(pg);
			break;
		case OP_BOX:
			if (o->red)
				HPDF_Page_SetRGBStroke(pg, 0.75f, 0.05f, 0.05f);
			else
				HPDF_Page_SetGrayStroke(pg, (HPDF_REAL)o->grey);
			HPDF_Page_SetLineWidth(pg, o->bold ? 1.6f : 0.8f);
			HPDF_Page_Rectangle(pg, (HPDF_REAL)x,
			    (HPDF_REAL)(top - o->y - o->h), (HPDF_REAL)o->w,
			    (HPDF_REAL)o->h);
			HPDF_Page_Stroke(pg);
			break;
		}
	}
	if (!g->roll && l->page > 0)
		for (p = 0; p <= l->page; p++) {
			char num[32];
			struct op t;

			snprintf(num, sizeof num,
			    L_(l->d->lang, "Page %d of %d"), p + 1,
			    l->page + 1);
			memset(&t, 0, sizeof t);
			t.s = num;
			t.n = strlen(num);
			t.size = g->small;
			t.grey = 0.4;
			t.field = _("page number");
			t.x =
			    g->w - g->margin - width_of(l, num, t.n, g->small);
			t.y = g->h - g->margin / 2;
			draw_text(pages[p], &l->fonts, g->h, &t);
		}
}

/* The saved PDF into *buf; libharu's error, if any. */
static HPDF_STATUS
save(HPDF_Doc pdf, unsigned char **buf, size_t *len)
{
	HPDF_UINT32 size;
	HPDF_STATUS st;

	if ((st = HPDF_SaveToStream(pdf)) == HPDF_OK) {
		size = HPDF_GetStreamSize(pdf);
		*buf = xmalloc(size ? size : 1);
		st = HPDF_ReadFromStream(pdf, *buf, &size);
		if (st == HPDF_STREAM_EOF)
			st = HPDF_OK;
		*len = size;
	}
	if (st == HPDF_OK)
		st = HPDF_GetError(pdf);
	return st;
}

int
doc_pdf_gaps(const struct doc *d, enum doc_paper paper, const char *font_path,
    unsigned char **buf, size_t *len, char **gaps, struct pd_err *err)
{
	struct lay l;
	HPDF_Doc pdf;
	HPDF_STATUS st;
	char title[160];

	*buf = NULL;
	*len = 0;
	if (gaps != NULL)
		*gaps = NULL;
	if (doc_libs_load(err) != 0)
		return -1;
	if (access(font_path, R_OK) != 0)
		return pd_fail(err, PD_EDOC,
		    _("Font %s: %s (set receipts.font to a TrueType file, e.g. "
		      "from fonts-dejavu-core)"),
		    font_path, strerror(errno));
	pdf = script_doc_begin();
	if (pdf == NULL)
		return pd_fail(err, PD_EDOC, _("PDF: out of memory"));
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	memset(&l, 0, sizeof l);
	if (script_open(&l.fonts, pdf, font_path, err) != 0) {
		script_close(&l.fonts);
		script_doc_end(pdf, 1);
		return -1;
	}
	l.g = &geoms[paper];
	l.d = d;
	l.width = l.g->w - 2 * l.g->margin;
	lay_out(&l, 1.38, l.g->margin);
	/* a page's document that runs a little over its first page (a Z
	 * report's last line and footer on a page of their own) is laid
	 * out again tighter, lines at 1.2 and less margin above and below:
	 * one page when that holds it, else the pages as they were */
	if (!l.g->roll && l.page == 1) {
		lay_out(&l, 1.2, l.g->margin * 0.6);
		if (l.page > 0)
			lay_out(&l, 1.38, l.g->margin);
	}
	snprintf(title, sizeof title, "%s %s", d->title, d->number);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, title);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "paydesk");
	draw(pdf, &l);
	free(l.ops);
	script_finish(&l.fonts);
	st = save(pdf, buf, len);
	if (st == HPDF_OK && gaps != NULL)
		*gaps = script_gaps(&l.fonts);
	script_close(&l.fonts);
	script_doc_end(pdf, st != HPDF_OK);
	if (st != HPDF_OK) {
		free(*buf);
		*buf = NULL;
		return pd_fail(err, PD_EDOC,
		    _("PDF could not be made (libharu error "
		      "0x%04X)"),
		    (unsigned)st);
	}
	return 0;
}

int
doc_pdf(const struct doc *d, enum doc_paper paper, const char *font_path,
    unsigned char **buf, size_t *len, struct pd_err *err)
{
	return doc_pdf_gaps(d, paper, font_path, buf, len, NULL, err);
}
