/* script_font.c - the fonts of text in any script on a PDF page (issue
 * 17 section 6; split from script.c, which lays the text out): the main
 * font and, for a character it lacks, a TrueType fallback fontconfig
 * finds, each embedded as a subset.
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
#include <hb.h>

#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"
#include "script.h"
#include "script_int.h"

#define CANDIDATES_MAX 4 /* fallback files tried for one character */

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
int
script_face_for(struct script_fonts *f, uint32_t cp)
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
