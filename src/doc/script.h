/* script.h - text in any script for the PDF writer: right-to-left runs in
 * visual order, Arabic letters joined, Indic and other complex scripts
 * shaped by HarfBuzz, each character from a font that has it. Shared by
 * pdf.c, script.c, shape.c and tounicode.c only; not public. */
#ifndef PAYDESK_DOC_SCRIPT_H
#define PAYDESK_DOC_SCRIPT_H
#include <stddef.h>
#include <stdint.h>

#include "doclibs.h"

#include "paydesk/err.h"

#define SCRIPT_FACES_MAX 8 /* the main font and up to 7 fallbacks */
/* Shaped glyphs are drawn with codes of their own: the UTF-16 surrogate
 * range, which no character ever has, so they cannot meet a code drawn
 * for a character. */
#define SCRIPT_SHAPED_FIRST 0xD800
#define SCRIPT_SHAPED_MAX 2048

/* An Arabic presentation form (FB50..FDFF, FE70..FEFF): what FriBidi
 * joins letters into, mapped back to the letters by ToUnicode. */
static inline int
script_is_presentation(uint32_t cp)
{
	return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

/* A code for one shaped glyph: the glyph, its advance as drawn there and
 * the characters text extraction reads for it (none: the cluster's text
 * went with an earlier glyph). */
struct script_cid {
	uint16_t gid;
	int16_t adv;    /* 1/1000 em */
	uint32_t cp[6]; /* characters, logical order */
	int ncp;
};

struct hb_font_t;
struct hb_map_t;

/* One embedded font: the main one (faces[0]) or a fallback. */
struct script_face {
	HPDF_Font font;
	HPDF_FontDef def;
	HPDF_Dict tounicode;  /* the ToUnicode CMap this file writes */
	unsigned char *used;  /* 65536 bits: the codes drawn with it */
	char *name;           /* the file, for the warning, malloc'd */
	int index;            /* the face in a collection file */
	struct hb_font_t *hb; /* HarfBuzz's font of it, made when needed */
	int hb_tried;
	struct script_cid *cids; /* malloc'd, ncids: SCRIPT_SHAPED_FIRST.. */
	size_t ncids;
};

/* A character no font has, and the field it is in. */
struct script_gap {
	const char *field;
	uint32_t cp;
};

struct script_fonts {
	HPDF_Doc pdf;
	struct script_face faces[SCRIPT_FACES_MAX];
	int n;
	int ascii;          /* the main font has every printable ASCII */
	uint32_t tried[32]; /* characters fontconfig found no font for */
	int ntried;
	struct script_gap *gaps; /* malloc'd, ngaps of them */
	size_t ngaps, gcap;
};

/* One glyph of a shaped run, placed by HarfBuzz (1/1000 em). */
struct script_glyph {
	uint16_t cid; /* 0 when only measured */
	int16_t dx, dy, adv;
};

/* A shaped line: UTF-8 in visual order, cut into runs of one face. A
 * run in a complex script has its glyphs as HarfBuzz placed them. */
struct script_run {
	size_t off, n; /* bytes of s */
	int face;
	int rtl; /* a right-to-left run with marks, reversed in s: shaped by
	          * HarfBuzz from its logical order (shape.c) */
	struct script_glyph *glyphs; /* malloc'd, or NULL: drawn as s */
	size_t nglyphs;
};
struct script_text {
	char *s; /* malloc'd, NUL-terminated */
	size_t n;
	struct script_run *runs; /* malloc'd */
	size_t nruns;
};

/* Inside the PDF writer (script.c, shape.c, tounicode.c). */

/* UTF-8 to code points (out has room for n); a byte that is not UTF-8
 * becomes U+FFFD. The number written. */
size_t script_decode(const char *s, size_t n, uint32_t *out);
/* The face has a glyph for cp (a BMP character). */
int script_has_glyph(const struct script_face *fc, uint32_t cp);
/* HarfBuzz's font of a face, from the same file and index libharu
 * embeds, so the glyph ids agree; made on first use, NULL when it cannot
 * be read. */
struct hb_font_t *script_face_hb(struct script_face *fc);
/* cp is in a script HarfBuzz shapes (Indic, Thai, Khmer, ...). */
int script_is_complex(uint32_t cp);
/* Shape run r of t with HarfBuzz if it holds a complex script its face
 * draws: r->glyphs placed (malloc'd); draw: codes given to the glyphs
 * (left as text when SCRIPT_SHAPED_MAX is reached). */
void script_shape_run(struct script_fonts *f, const struct script_text *t,
    struct script_run *r, int draw);

/* The process's HPDF_Doc with a new, empty document in it and the UTF-8
 * encoder: the fonts of earlier documents stay parsed (script_open and
 * the fallbacks load a file again only when it changed on disk). Locked
 * until script_doc_end; NULL when out of memory. */
HPDF_Doc script_doc_begin(void);
/* The document of script_doc_begin ended (after saving it); failed:
 * the doc and its fonts are dropped, not kept for the next one. */
void script_doc_end(HPDF_Doc pdf, int failed);
/* HarfBuzz's font of face index of a file loaded into the process's doc,
 * made once per process (a new reference, hb_font_destroy it); NULL
 * when HarfBuzz cannot read it. */
struct hb_font_t *script_font_hb(const char *file, int index);

/* A face's font program as embedded for one set of glyphs: made once
 * (HarfBuzz's subsetter, then deflate: 40% of a receipt's CPU) and kept
 * with the font loaded in the process, for the next document that draws
 * the same glyphs; dropped with that font when its file changes on disk
 * (issue 24: nothing kept that can go stale unknown). */
struct script_subset {
	uint16_t *gids;       /* the glyphs, ascending, the key; malloc'd */
	size_t ngids;
	unsigned char *z;     /* the font program deflated; malloc'd */
	size_t nz;
	unsigned len1;        /* its length inflated (the PDF's Length1) */
	struct hb_map_t *remap; /* old glyph id to the subset's, a reference */
	unsigned long tick;   /* when last used, for the eviction */
};
/* The subset of face index of file for exactly gids[0..n) (ascending),
 * kept by an earlier document; NULL when there is none. Valid until the
 * next script_subset_keep or the document's end. */
const struct script_subset *script_subset_find(
    const char *file, int index, const uint16_t *gids, size_t n);
/* Keep *s for face index of file (a font loaded into the process's doc):
 * s's buffers move into the cache (s is emptied) and the kept one comes
 * back, the least used evicted past SCRIPT_SUBSETS_MAX; NULL, s left as
 * it is, for a font not kept (a file that could not be stat'ed). */
#define SCRIPT_SUBSETS_MAX 8
const struct script_subset *script_subset_keep(
    const char *file, int index, struct script_subset *s);
/* Free what s holds (a subset not kept) and empty it. */
void script_subset_clear(struct script_subset *s);

/* Load the main TrueType font (path) into pdf with the UTF-8 encoder,
 * with a valid ToUnicode map of its own. -1 with PD_EDOC when libharu
 * cannot embed it. */
int script_open(
    struct script_fonts *f, HPDF_Doc pdf, const char *path, struct pd_err *err);

/* Shape n bytes of UTF-8 (one line, logical order) into t: bidi
 * reordering and Arabic joining (FriBidi, UAX #9) when the text has a
 * right-to-left character, then each character given the first face
 * that has its glyph (a combining mark the face of its base, if it has
 * it), a fallback found through fontconfig when none does; a run of a
 * complex script (Devanagari, Bengali and the other Indic scripts, Thai,
 * Khmer, ...) is then shaped by HarfBuzz with the font that draws it.
 * field not NULL: the text is being drawn; its codes are marked used
 * and what no font has is kept as a gap naming field. */
void script_shape(struct script_fonts *f, const char *s, size_t n,
    const char *field, struct script_text *t);
void script_text_free(struct script_text *t);

/* Draw run i of t at the current text position (inside BT/ET, its face
 * and size set): its glyphs where HarfBuzz placed them, else its text. */
void script_show(
    HPDF_Page pg, const struct script_text *t, size_t i, double size);

/* Width in points of n bytes of UTF-8 at size points, as drawn. */
double script_width(
    struct script_fonts *f, const char *s, size_t n, double size);

/* The glyph ids a TrueType composite glyph is made of (the glyf entry
 * in g, n bytes), at most max into parts; 0 for a simple glyph or bytes
 * that are not one. Reads only inside g. */
size_t script_glyph_parts(
    const unsigned char *g, size_t n, uint16_t *parts, size_t max);

/* Before saving: every part of each composite glyph drawn marked for the
 * subset, and the faces' ToUnicode maps written from the codes drawn. */
int script_finish(struct script_fonts *f);

/* The gaps as lines "FIELD\tU+XXXX (c), ...", one per field; malloc'd, NULL
 * when every character had a font. */
char *script_gaps(const struct script_fonts *f);

void script_close(struct script_fonts *f);

#endif
