/* script.c - text in any script on a PDF page (issue 17 section 6).
 *
 * libharu draws UTF-8 through a CID font whose codes are the Unicode
 * code points (Identity-H); it knows neither reading order nor joining,
 * and its ToUnicode map is a CID map readers refuse. So here:
 * - a line with a right-to-left character is put in visual order and
 *   its Arabic letters joined into presentation forms by FriBidi (UAX #9;
 *   the forms only when a font has them, else the letters unjoined);
 * - each character is drawn from the main font, else from a TrueType
 *   fallback fontconfig finds for it, embedded as a subset like the
 *   main one; what no font has is drawn as the main font's box and kept
 *   as a gap naming the field, for the warning;
 * - a run of a complex script (Devanagari, Bengali, Thai, Khmer, ...)
 *   is shaped by HarfBuzz with the font that draws it (shape.c);
 * - each face gets a ToUnicode CMap of its own (tounicode.c), so text
 *   extraction reads the logical letters.
 * Latin-only text takes a fast path with none of this.
 *
 * The fonts themselves (parsed once per process, the main one and the
 * fallbacks fontconfig finds) are script_font.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>
#include <hb.h> /* hb_font_destroy */
#include <utf8proc.h>

#include "paydesk/xmalloc.h"
#include "script.h"
#include "script_int.h"

/* Invisible controls: bidi marks and embeddings (already applied),
 * FriBidi's ligature filler, zero-width joiners. */
static int
is_ignorable(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C || cp == 0xFEFF;
}

static int
is_mark(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	       c == UTF8PROC_CATEGORY_ME;
}

int
script_has_glyph(const struct script_face *fc, uint32_t cp)
{
	return cp <= 0xFFFF &&
	       HPDF_TTFontDef_GetGlyphid(fc->def, (HPDF_UINT16)cp) != 0;
}
static void
gap_add(struct script_fonts *f, const char *field, uint32_t cp)
{
	size_t i;

	for (i = 0; i < f->ngaps; i++)
		if (f->gaps[i].cp == cp && strcmp(f->gaps[i].field, field) == 0)
			return;
	if (f->ngaps == f->gcap) {
		f->gcap = f->gcap ? f->gcap * 2 : 8;
		f->gaps = xrealloc(f->gaps, f->gcap, sizeof *f->gaps);
	}
	f->gaps[f->ngaps].field = field;
	f->gaps[f->ngaps].cp = cp;
	f->ngaps++;
}

size_t
script_decode(const char *s, size_t n, uint32_t *out)
{
	size_t i = 0, m = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		    utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		        (utf8proc_ssize_t)(n - i), &cp);

		if (k <= 0) {
			cp = 0xFFFD;
			k = 1;
		}
		out[m++] = (uint32_t)cp;
		i += (size_t)k;
	}
	return m;
}

/* Visual order (and joined, if arabic) of m code points, in place; rtl
 * not NULL: each right-to-left character so marked in it (visual order),
 * its marks not moved after it (HarfBuzz places them, shape.c). */
static void
bidi(uint32_t *cps, size_t m, int arabic, unsigned char *rtl)
{
	FriBidiStrIndex len = (FriBidiStrIndex)m;
	FriBidiCharType *types = xcalloc(m, sizeof *types);
	FriBidiBracketType *brackets = xcalloc(m, sizeof *brackets);
	FriBidiLevel *levels = xcalloc(m, sizeof *levels);
	FriBidiArabicProp *joins = xcalloc(m, sizeof *joins);
	FriBidiParType base = FRIBIDI_PAR_ON;
	FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT;

	FriBidiStrIndex *map = NULL, i;

	if (arabic)
		flags |= FRIBIDI_FLAGS_ARABIC;
	if (rtl != NULL) {
		/* a run of a right-to-left level is then the exact reverse
		 * of its logical order, marks before their letters */
		flags &= ~(FriBidiFlags)FRIBIDI_FLAG_REORDER_NSM;
		map = xcalloc(m + 1, sizeof *map);
		for (i = 0; i < len; i++)
			map[i] = i;
	}
	fribidi_get_bidi_types(cps, len, types);
	fribidi_get_bracket_types(cps, len, types, brackets);
	if (fribidi_get_par_embedding_levels_ex(
	        types, brackets, len, &base, levels) != 0) {
		fribidi_get_joining_types(cps, len, joins);
		fribidi_join_arabic(types, len, levels, joins);
		fribidi_shape(flags, levels, len, joins, cps);
		/* 0 only when out of memory: the line stays as it is */
		if (fribidi_reorder_line(
		        flags, types, len, 0, base, levels, cps, map) == 0)
			levels[0] = 0;
		for (i = 0; rtl != NULL && i < len; i++)
			rtl[i] = levels[map[i]] & 1;
	}
	free(map);
	free(types);
	free(brackets);
	free(levels);
	free(joins);
}

static int
has_rtl(const uint32_t *cps, size_t m)
{
	size_t i;

	for (i = 0; i < m; i++)
		if (FRIBIDI_IS_RTL(fribidi_get_bidi_type(cps[i])))
			return 1;
	return 0;
}

/* A right-to-left line with a combining mark of Hebrew, Arabic, Syriac,
 * Thaana or N'Ko (niqqud, harakat): drawn glyph by glyph, the marks
 * would sit a letter off; such a line is shaped by HarfBuzz instead. */
static int
rtl_marks(const uint32_t *cps, size_t m)
{
	size_t i;

	for (i = 0; i < m; i++)
		if (((cps[i] >= 0x0591 && cps[i] <= 0x08FF) ||
		        (cps[i] >= 0xFB1D && cps[i] <= 0xFB4F)) &&
		    is_mark(cps[i]))
			return 1;
	return 0;
}

/* A presentation form no face has: then the line is drawn unjoined. */
static int
forms_missing(struct script_fonts *f, const uint32_t *cps, size_t m)
{
	size_t i;

	for (i = 0; i < m; i++)
		if (script_is_presentation(cps[i]) && cps[i] != 0xFEFF &&
		    script_face_for(f, cps[i]) < 0)
			return 1;
	return 0;
}

static void
run_add(
    struct script_text *t, size_t *cap, int face, int rtl, size_t off, size_t k)
{
	if (t->nruns > 0 && t->runs[t->nruns - 1].face == face &&
	    t->runs[t->nruns - 1].rtl == rtl) {
		t->runs[t->nruns - 1].n += k;
		return;
	}
	if (t->nruns == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		t->runs = xrealloc(t->runs, *cap, sizeof *t->runs);
	}
	t->runs[t->nruns].off = off;
	t->runs[t->nruns].n = k;
	t->runs[t->nruns].face = face;
	t->runs[t->nruns].rtl = rtl;
	t->runs[t->nruns].glyphs = NULL;
	t->runs[t->nruns].nglyphs = 0;
	t->nruns++;
}

/* Code points (visual order) to UTF-8 runs of one face each, and of one
 * direction each where rtl (NULL: none) marks the right-to-left ones. */
static void
encode(struct script_fonts *f, const uint32_t *cps, size_t m,
    const unsigned char *rtl, const char *field, struct script_text *t)
{
	size_t i, cap = 0;

	t->s = xmalloc(m * 4 + 1);
	t->n = 0;
	for (i = 0; i < m; i++) {
		uint32_t cp = cps[i];
		int face, prev = t->nruns ? t->runs[t->nruns - 1].face : -1;
		utf8proc_ssize_t k;

		/* a joiner matters to the shaping of the letters around it */
		if ((cp == 0x200C || cp == 0x200D) && i > 0 &&
		    script_is_complex(cps[i - 1]) && prev >= 0 &&
		    script_has_glyph(&f->faces[prev], cp)) {
			if (field != NULL)
				f->faces[prev].used[cp >> 3] |=
				    (unsigned char)(1u << (cp & 7));
			k = utf8proc_encode_char((utf8proc_int32_t)cp,
			    (utf8proc_uint8_t *)t->s + t->n);
			run_add(t, &cap, prev, rtl != NULL && rtl[i], t->n,
			    (size_t)k);
			t->n += (size_t)k;
			continue;
		}
		if (is_ignorable(cp))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			cp = ' '; /* a tab or other control: a space */
		if (prev >= 0 && is_mark(cp) &&
		    script_has_glyph(&f->faces[prev], cp))
			face = prev; /* a mark is drawn with its base */
		else
			face = script_face_for(f, cp);
		if (face < 0) {
			if (field != NULL)
				gap_add(f, field, cp);
			face = 0; /* the main font's box */
			if (cp > 0xFFFF)
				cp = 0xFFFD;
		}
		if (field != NULL)
			f->faces[face].used[cp >> 3] |=
			    (unsigned char)(1u << (cp & 7));
		k = utf8proc_encode_char(
		    (utf8proc_int32_t)cp, (utf8proc_uint8_t *)t->s + t->n);
		run_add(t, &cap, face, rtl != NULL && rtl[i], t->n, (size_t)k);
		t->n += (size_t)k;
	}
	t->s[t->n] = '\0';
}

static int
plain_ascii(const struct script_fonts *f, const char *s, size_t n)
{
	size_t i;

	if (!f->ascii)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E)
			return 0;
	return 1;
}

void
script_shape(struct script_fonts *f, const char *s, size_t n, const char *field,
    struct script_text *t)
{
	uint32_t *cps, *copy = NULL;
	unsigned char *rtl = NULL;
	size_t m, i;

	memset(t, 0, sizeof *t);
	if (plain_ascii(f, s, n)) {
		size_t cap = 0;

		t->s = xmalloc(n + 1);
		memcpy(t->s, s, n);
		t->s[n] = '\0';
		t->n = n;
		if (n > 0)
			run_add(t, &cap, 0, 0, 0, n);
		for (i = 0; field != NULL && i < n; i++)
			f->faces[0].used[(unsigned char)s[i] >> 3] |=
			    (unsigned char)(1u << (s[i] & 7));
		return;
	}
	cps = xcalloc(n + 1, sizeof *cps);
	m = script_decode(s, n, cps);
	if (has_rtl(cps, m) && rtl_marks(cps, m)) {
		/* joined and marks placed by HarfBuzz, run by run */
		rtl = xcalloc(m + 1, 1);
		bidi(cps, m, 0, rtl);
	} else if (has_rtl(cps, m)) {
		copy = xcalloc(m + 1, sizeof *copy);
		memcpy(copy, cps, m * sizeof *cps);
		bidi(cps, m, 1, NULL);
		if (forms_missing(f, cps, m)) {
			memcpy(cps, copy, m * sizeof *cps);
			bidi(cps, m, 0, NULL);
		}
		free(copy);
	}
	encode(f, cps, m, rtl, field, t);
	free(rtl);
	free(cps);
	for (i = 0; i < t->nruns; i++)
		script_shape_run(f, t, &t->runs[i], field != NULL);
}

void
script_text_free(struct script_text *t)
{
	size_t i;

	for (i = 0; i < t->nruns; i++)
		free(t->runs[i].glyphs);
	free(t->s);
	free(t->runs);
	memset(t, 0, sizeof *t);
}

double
script_width(struct script_fonts *f, const char *s, size_t n, double size)
{
	struct script_text t;
	HPDF_TextWidth tw;
	double w = 0;
	size_t i;

	if (n == 0)
		return 0;
	if (plain_ascii(f, s, n)) {
		tw = HPDF_Font_TextWidth(
		    f->faces[0].font, (const HPDF_BYTE *)s, (HPDF_UINT)n);
		return tw.width * size / 1000.0;
	}
	script_shape(f, s, n, NULL, &t);
	for (i = 0; i < t.nruns; i++) {
		size_t k;

		if (t.runs[i].glyphs != NULL) {
			for (k = 0; k < t.runs[i].nglyphs; k++)
				w += t.runs[i].glyphs[k].adv;
			continue;
		}
		tw = HPDF_Font_TextWidth(f->faces[t.runs[i].face].font,
		    (const HPDF_BYTE *)t.s + t.runs[i].off,
		    (HPDF_UINT)t.runs[i].n);
		w += tw.width;
	}
	script_text_free(&t);
	return w * size / 1000.0;
}

static void
put(char **b, size_t *len, size_t *cap, const char *s)
{
	size_t k = strlen(s);

	if (*len + k + 1 > *cap) {
		*cap = (*len + k + 1) * 2;
		*b = xrealloc(*b, *cap, 1);
	}
	memcpy(*b + *len, s, k + 1);
	*len += k;
}

/* A mark drawn raised or lowered on its letter: no advance, a rise. */
static int
raised_mark(const struct script_glyph *g)
{
	return g->adv == 0 && g->dy != 0;
}

/* Glyph g as TJ text: its code, an offset as a shift before it and back
 * after it; raised or lowered (dy) in a TJ of its own with the text rise
 * set around it. */
static void
glyph_op(char **b, size_t *len, size_t *cap, const struct script_glyph *g,
    double size)
{
	char w[96];

	if (g->dy != 0) {
		snprintf(w, sizeof w, "] TJ %.3f Ts [", g->dy * size / 1000);
		put(b, len, cap, w);
	}
	if (g->dx != 0) {
		snprintf(w, sizeof w, "%d ", -g->dx);
		put(b, len, cap, w);
	}
	snprintf(w, sizeof w, "<%04X>", g->cid);
	put(b, len, cap, w);
	if (g->dx != 0) {
		snprintf(w, sizeof w, " %d ", g->dx);
		put(b, len, cap, w);
	}
	if (g->dy != 0)
		put(b, len, cap, "] TJ 0 Ts [");
}

/* Glyphs as TJ arrays: the letters first, then the raised or lowered
 * marks, each from the pen going back to its place, and the pen at the
 * end. A reader starts a new word where a character's baseline moves, a
 * mark's too though it has no text (harakat split a word into letters):
 * drawn after the word, the marks split nothing. */
static char *
glyph_ops(const struct script_run *r, double size)
{
	char *b = NULL, w[64];
	size_t len = 0, cap = 0, i;
	long at = 0, pen = 0, total = 0;
	int marks = 0;

	put(&b, &len, &cap, "[");
	for (i = 0; i < r->nglyphs; i++) {
		total += r->glyphs[i].adv;
		if (raised_mark(&r->glyphs[i]))
			marks = 1;
		else
			glyph_op(&b, &len, &cap, &r->glyphs[i], size);
	}
	pen = total;
	for (i = 0; marks && i < r->nglyphs; i++) {
		if (raised_mark(&r->glyphs[i]) && at != pen) {
			snprintf(w, sizeof w, "%ld ", pen - at);
			put(&b, &len, &cap, w);
			pen = at;
		}
		if (raised_mark(&r->glyphs[i]))
			glyph_op(&b, &len, &cap, &r->glyphs[i], size);
		at += r->glyphs[i].adv;
	}
	if (pen != total) {
		snprintf(w, sizeof w, "%ld ", pen - total);
		put(&b, &len, &cap, w);
	}
	put(&b, &len, &cap, "] TJ\n");
	return b;
}

void
script_show(HPDF_Page pg, const struct script_text *t, size_t i, double size)
{
	const struct script_run *r = &t->runs[i];
	char small[512], *s;

	if (r->glyphs != NULL) {
		s = glyph_ops(r, size);
		HPDF_Stream_WriteStr(((HPDF_PageAttr)pg->attr)->stream, s);
		free(s);
		return;
	}
	s = r->n < sizeof small ? small : xmalloc(r->n + 1);
	memcpy(s, t->s + r->off, r->n);
	s[r->n] = '\0';
	HPDF_Page_ShowText(pg, s);
	if (s != small)
		free(s);
}

static void
append(char **out, size_t *len, const char *s)
{
	size_t k = strlen(s);

	*out = xrealloc(*out, *len + k + 1, 1);
	memcpy(*out + *len, s, k + 1);
	*len += k;
}

char *
script_gaps(const struct script_fonts *f)
{
	char *out = NULL, item[48];
	size_t len = 0, i, j;

	for (i = 0; i < f->ngaps; i++) {
		const char *field = f->gaps[i].field;
		int first = 1;

		for (j = 0; j < i; j++)
			if (strcmp(f->gaps[j].field, field) == 0)
				break;
		if (j < i)
			continue; /* this field's line is written */
		if (len > 0)
			append(&out, &len, "\n");
		append(&out, &len, field);
		append(&out, &len, "\t");
		for (j = i; j < f->ngaps; j++) {
			uint32_t cp = f->gaps[j].cp;
			utf8proc_uint8_t u[8] = {0};

			if (strcmp(f->gaps[j].field, field) != 0)
				continue;
			utf8proc_encode_char((utf8proc_int32_t)cp, u);
			snprintf(item, sizeof item, "%sU+%04X (%s)",
			    first ? "" : ", ", (unsigned)cp, (const char *)u);
			append(&out, &len, item);
			first = 0;
		}
	}
	return out;
}

void
script_close(struct script_fonts *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		free(f->faces[i].used);
		free(f->faces[i].name);
		free(f->faces[i].cids);
		if (f->faces[i].hb != NULL)
			hb_font_destroy(f->faces[i].hb);
	}
	free(f->gaps);
	memset(f, 0, sizeof *f);
}
