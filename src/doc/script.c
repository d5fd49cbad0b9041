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
 * The fonts are parsed once per process (issue 24): every PDF is made in
 * the same HPDF_Doc, whose font definitions libharu keeps from one
 * document to the next (HPDF_NewDoc frees a document, not them); each file
 * is remembered by path and face with its identity on disk, and loaded
 * again when it changed. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <fribidi.h>
#include <hb.h> /* hb_font_destroy */
#include <utf8proc.h>

#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"
#include "script.h"

#define CANDIDATES_MAX 4 /* fallback files tried for one character */

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

/* A font file loaded into the process's HPDF_Doc: what libharu named it,
 * the file as it was then (a file changed or replaced since is loaded
 * again), and HarfBuzz's font of it once made. */
struct cached_font {
	char *file; /* malloc'd */
	int index;  /* the face in a collection file */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	char name[HPDF_LIMIT_MAX_NAME_LEN + 1];
	hb_font_t *hb; /* a reference of the cache's, or NULL */
	int hb_tried;
	struct script_subset subs[SCRIPT_SUBSETS_MAX]; /* nsubs kept */
	size_t nsubs;
};

/* The process's PDF writer: one document at a time (lock), in the doc
 * of the process that made it (a forked worker makes its own: a FILE
 * libharu reads glyphs through shares its offset with the parent's). */
static struct {
	pthread_mutex_t lock;
	pid_t pid;
	HPDF_Doc pdf;
	HPDF_BYTE tag[6]; /* the last subset tag given, kept across documents */
	struct cached_font *fonts; /* malloc'd, n of cap */
	size_t n, cap;
} cache = {PTHREAD_MUTEX_INITIALIZER, 0, NULL, {0}, NULL, 0, 0};

void
script_subset_clear(struct script_subset *s)
{
	free(s->gids);
	free(s->z);
	if (s->remap != NULL)
		hb_map_destroy(s->remap);
	memset(s, 0, sizeof *s);
}

/* The font's kept subsets dropped (its file changed, or the cache) */
static void
subsets_drop(struct cached_font *c)
{
	size_t i;

	for (i = 0; i < c->nsubs; i++)
		script_subset_clear(&c->subs[i]);
	c->nsubs = 0;
}

static void
cache_drop(void)
{
	size_t i;

	for (i = 0; i < cache.n; i++) {
		free(cache.fonts[i].file);
		if (cache.fonts[i].hb != NULL)
			hb_font_destroy(cache.fonts[i].hb);
		subsets_drop(&cache.fonts[i]);
	}
	free(cache.fonts);
	cache.fonts = NULL;
	cache.n = cache.cap = 0;
	if (cache.pdf != NULL)
		HPDF_Free(cache.pdf);
	cache.pdf = NULL;
	memset(cache.tag, 0, sizeof cache.tag);
}

HPDF_Doc
script_doc_begin(void)
{
	pthread_mutex_lock(&cache.lock);
	if (cache.pdf != NULL && cache.pid != getpid())
		cache_drop();
	if (cache.pdf != NULL && HPDF_NewDoc(cache.pdf) != HPDF_OK)
		cache_drop();
	if (cache.pdf == NULL) {
		cache.pdf = HPDF_New(NULL, NULL);
		cache.pid = getpid();
		if (cache.pdf == NULL ||
		    HPDF_UseUTFEncodings(cache.pdf) != HPDF_OK) {
			cache_drop();
			pthread_mutex_unlock(&cache.lock);
			return NULL;
		}
	}
	/* subset tags go on from the last document's: a font loaded now
	 * is never named like one loaded before */
	memcpy(cache.pdf->ttfont_tag, cache.tag, sizeof cache.tag);
	return cache.pdf;
}

void
script_doc_end(HPDF_Doc pdf, int failed)
{
	memcpy(cache.tag, pdf->ttfont_tag, sizeof cache.tag);
	if (failed)
		cache_drop(); /* nothing of a failed document is kept */
	else
		HPDF_FreeDoc(pdf);
	pthread_mutex_unlock(&cache.lock);
}

static int
same_file(const struct cached_font *c, const struct stat *st)
{
	return c->dev == st->st_dev && c->ino == st->st_ino &&
	       c->size == st->st_size &&
	       c->mtime.tv_sec == st->st_mtim.tv_sec &&
	       c->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* The cached font of face index of file, NULL when not cached */
static struct cached_font *
cached(const char *file, int index)
{
	size_t i;

	for (i = 0; i < cache.n; i++)
		if (cache.fonts[i].index == index &&
		    strcmp(cache.fonts[i].file, file) == 0)
			return &cache.fonts[i];
	return NULL;
}

/* The name of face index of file in pdf (the process's doc): loaded by
 * libharu, embedded, unless it was and the file is the same; NULL with
 * libharu's error when it cannot be. */
static const char *
font_load(HPDF_Doc pdf, const char *file, int index, int ttc)
{
	struct cached_font *c = cached(file, index);
	struct stat st;
	const char *name;
	int known = stat(file, &st) == 0;

	if (c != NULL && known && same_file(c, &st))
		return c->name;
	name = ttc ? HPDF_LoadTTFontFromFile2(
	                 pdf, file, (HPDF_UINT)index, HPDF_TRUE)
	           : HPDF_LoadTTFontFromFile(pdf, file, HPDF_TRUE);
	if (name == NULL || !known)
		return name;
	if (c == NULL) {
		if (cache.n == cache.cap) {
			cache.cap = cache.cap ? cache.cap * 2 : 8;
			cache.fonts = xrealloc(
			    cache.fonts, cache.cap, sizeof *cache.fonts);
		}
		c = &cache.fonts[cache.n++];
		memset(c, 0, sizeof *c);
		c->file = xstrdup(file);
		c->index = index;
	}
	if (c->hb != NULL)
		hb_font_destroy(c->hb);
	c->hb = NULL;
	c->hb_tried = 0;
	subsets_drop(c);
	c->dev = st.st_dev;
	c->ino = st.st_ino;
	c->size = st.st_size;
	c->mtime = st.st_mtim;
	snprintf(c->name, sizeof c->name, "%s", name);
	return c->name;
}

static unsigned long subset_ticks;

const struct script_subset *
script_subset_find(const char *file, int index, const uint16_t *gids, size_t n)
{
	struct cached_font *c = cached(file, index);
	size_t i;

	for (i = 0; c != NULL && i < c->nsubs; i++)
		if (c->subs[i].ngids == n &&
		    memcmp(c->subs[i].gids, gids, n * sizeof *gids) == 0) {
			c->subs[i].tick = ++subset_ticks;
			return &c->subs[i];
		}
	return NULL;
}

const struct script_subset *
script_subset_keep(const char *file, int index, struct script_subset *s)
{
	struct cached_font *c = cached(file, index);
	size_t i, k;

	if (c == NULL)
		return NULL;
	k = c->nsubs;
	if (k == SCRIPT_SUBSETS_MAX) {
		for (k = 0, i = 1; i < c->nsubs; i++)
			if (c->subs[i].tick < c->subs[k].tick)
				k = i;
		script_subset_clear(&c->subs[k]);
	} else
		c->nsubs++;
	c->subs[k] = *s;
	c->subs[k].tick = ++subset_ticks;
	memset(s, 0, sizeof *s);
	return &c->subs[k];
}

hb_font_t *
script_font_hb(const char *file, int index)
{
	struct cached_font *c = cached(file, index);
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font = NULL;

	if (c != NULL && c->hb_tried)
		return c->hb != NULL ? hb_font_reference(c->hb) : NULL;
	blob = hb_blob_create_from_file_or_fail(file);
	if (blob != NULL) {
		face = hb_face_create(blob, (unsigned)index);
		hb_blob_destroy(blob);
		if (hb_face_get_glyph_count(face) > 0)
			font = hb_font_create(face);
		hb_face_destroy(face);
	}
	if (c != NULL) {
		c->hb_tried = 1;
		c->hb = font != NULL ? hb_font_reference(font) : NULL;
	}
	return font;
}

/* libharu's font of a loaded font def with the UTF-8 encoder. libharu
 * writes widths and a CID-to-glyph map for each code its encoder maps
 * (all 65536 of UTF-8's, each glyph found by a linear search of the
 * cmap's segments: 61 M of the 92 M instructions of a receipt, and 6 M
 * more for the tables), which trim() (tounicode.c) replaces by the codes
 * drawn. Meanwhile the encoder is a plain CMap one mapping one code (a
 * UTF encoder is walked code by code whatever it maps), so neither is
 * written; it is UTF-8 again before any text is encoded. */
static HPDF_Font
font_utf8(HPDF_Doc pdf, const char *name)
{
	static HPDF_UINT16 cids[256][256]; /* the encoder's, meanwhile */
	HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_CMapEncoderAttr e;
	HPDF_Encoder_ToUnicode_Func to_unicode;
	HPDF_Font font;

	if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    enc == NULL || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE)
		return NULL;
	/* as loaded: embed_subset (tounicode.c) turned it off in the
	 * document before */
	((HPDF_TTFontDefAttr)def->attr)->embedding = HPDF_TRUE;
	e = (HPDF_CMapEncoderAttr)enc->attr;
	to_unicode = enc->to_unicode_fn;
	memcpy(cids, e->cid_map, sizeof cids);
	memset(e->cid_map, 0, sizeof e->cid_map);
	e->cid_map[0][1] = 1; /* none at all: libharu refuses the font */
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(pdf, name, "UTF-8");
	enc->to_unicode_fn = to_unicode;
	memcpy(e->cid_map, cids, sizeof cids);
	return font;
}

/* Take a font libharu loaded (name) as a face: UTF-8 encoder, our own
 * ToUnicode stream in place of libharu's. */
static int
face_add(struct script_fonts *f, const char *name, const char *file, int index)
{
	struct script_face *fc = &f->faces[f->n];
	HPDF_Font font = font_utf8(f->pdf, name);

	if (font == NULL)
		return -1;
	fc->tounicode = HPDF_DictStream_New(f->pdf->mmgr, f->pdf->xref);
	if (fc->tounicode == NULL ||
	    HPDF_Dict_Add(font, "ToUnicode", fc->tounicode) != HPDF_OK)
		return -1;
	fc->tounicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	fc->font = font;
	fc->def = ((HPDF_FontAttr)font->attr)->fontdef;
	fc->used = xcalloc(65536 / 8, 1);
	fc->name = xstrdup(file);
	fc->index = index;
	f->n++;
	return 0;
}

int
script_open(
    struct script_fonts *f, HPDF_Doc pdf, const char *path, struct pd_err *err)
{
	const char *name;
	uint32_t c;

	memset(f, 0, sizeof *f);
	f->pdf = pdf;
	name = font_load(pdf, path, 0, 0);
	if (name == NULL || face_add(f, name, path, 0) != 0)
		return pd_fail(err, PD_EDOC,
		    _("Font %s: not a TrueType font libharu can embed "
		      "(error 0x%04X)"),
		    path, (unsigned)HPDF_GetError(pdf));
	f->ascii = 1;
	for (c = 0x20; c < 0x7F; c++)
		if (!script_has_glyph(&f->faces[0], c))
			f->ascii = 0;
	return 0;
}

#if defined(__SANITIZE_ADDRESS__)
/* LeakSanitizer (make SANITIZE=1): fontconfig 2.14 loses 288 bytes of
 * its configuration's parse once per process, inside
 * FcInitLoadConfigAndFonts; nothing of ours to free. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
/* and without its table of suppressions used on stderr, which a
 * command's own output would otherwise end with */
const char *__lsan_default_options(void);
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

static FcConfig *
fc_config(void)
{
	static FcConfig *fc;
	static int tried;

	if (!tried) {
		tried = 1;
		fc = FcInitLoadConfigAndFonts();
	}
	return fc;
}

struct candidate {
	const char *file;
	int index, score;
};

static int
candidate_cmp(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	int c;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if ((c = strcmp(x->file, y->file)) != 0)
		return c;
	return x->index - y->index;
}

/* Load a candidate file as a new face; its index if it has cp. */
static int
candidate_load(struct script_fonts *f, const struct candidate *k, uint32_t cp)
{
	const char *name;
	int i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->faces[i].name, k->file) == 0)
			return -1; /* already a face: it lacked cp */
	if (strstr(k->file, ".ttc") != NULL || strstr(k->file, ".TTC") != NULL)
		name = font_load(f->pdf, k->file, k->index, 1);
	else if (k->index == 0)
		name = font_load(f->pdf, k->file, 0, 0);
	else
		return -1;
	if (name == NULL || face_add(f, name, k->file, k->index) != 0) {
		HPDF_ResetError(f->pdf);
		return -1;
	}
	if (!script_has_glyph(&f->faces[f->n - 1], cp))
		return -1; /* kept: its bytes are only written when used */
	return f->n - 1;
}

/* A TrueType font fontconfig knows with a glyph for cp: upright and
 * regular weight first, then by file name, so the choice is stable. */
static int
fallback(struct script_fonts *f, uint32_t cp)
{
	FcConfig *fc = fc_config();
	FcPattern *pat;
	FcCharSet *cs;
	FcObjectSet *os;
	FcFontSet *fs;
	struct candidate *k;
	int i, nk = 0, got = -1;

	if (fc == NULL || f->n >= SCRIPT_FACES_MAX)
		return -1;
	pat = FcPatternCreate();
	cs = FcCharSetCreate();
	FcCharSetAddChar(cs, cp);
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
	os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, NULL);
	fs = FcFontList(fc, pat, os);
	k = xcalloc(
	    fs != NULL && fs->nfont > 0 ? (size_t)fs->nfont : 1, sizeof *k);
	for (i = 0; fs != NULL && i < fs->nfont; i++) {
		FcChar8 *file;
		int index = 0, weight = FC_WEIGHT_REGULAR, slant = 0;

		if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &file) !=
		    FcResultMatch)
			continue;
		FcPatternGetInteger(fs->fonts[i], FC_INDEX, 0, &index);
		FcPatternGetInteger(fs->fonts[i], FC_WEIGHT, 0, &weight);
		FcPatternGetInteger(fs->fonts[i], FC_SLANT, 0, &slant);
		k[nk].file = (const char *)file;
		k[nk].index = index;
		k[nk].score =
		    abs(weight - FC_WEIGHT_REGULAR) + (slant ? 1000 : 0);
		nk++;
	}
	qsort(k, (size_t)nk, sizeof *k, candidate_cmp);
	for (i = 0;
	     i < nk && i < CANDIDATES_MAX && got < 0 && f->n < SCRIPT_FACES_MAX;
	     i++)
		got = candidate_load(f, &k[i], cp);
	free(k);
	if (fs != NULL)
		FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcCharSetDestroy(cs);
	FcPatternDestroy(pat);
	return got;
}

/* The face to draw cp with, -1 if no font has it. */
static int
face_for(struct script_fonts *f, uint32_t cp)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (script_has_glyph(&f->faces[i], cp))
			return i;
	if (cp > 0xFFFF || cp < 0x20)
		return -1; /* libharu's encoder has 16-bit codes only */
	for (i = 0; i < f->ntried; i++)
		if (f->tried[i] == cp)
			return -1;
	i = fallback(f, cp);
	if (i < 0 && f->ntried < (int)(sizeof f->tried / sizeof f->tried[0]))
		f->tried[f->ntried++] = cp;
	return i;
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
		    face_for(f, cps[i]) < 0)
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
			face = face_for(f, cp);
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
