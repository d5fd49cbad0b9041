/* shape.c - runs of a complex script shaped by HarfBuzz for the PDF
 * writer (issue 17 section 6; split from script.c, which chooses the
 * faces and orders right-to-left text).
 *
 * A run of Devanagari, Bengali and the other Indic scripts, Thai, Khmer,
 * ... is shaped with the font that draws it: conjuncts, reph, a vowel
 * sign before its consonant, marks placed. Its glyphs have no character
 * code, so each gets a code of its own in the surrogate range
 * (SCRIPT_SHAPED_FIRST), mapped to its glyph by the CIDToGIDMap and drawn
 * raw where HarfBuzz put it. */
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <utf8proc.h>

#include "paydesk/xmalloc.h"
#include "script.h"

/* Scripts whose letters change shape and place with their neighbours
 * (Unicode blocks): shaped by HarfBuzz. Arabic is joined by FriBidi. */
static const struct {
	uint32_t first, last;
} complex_blocks[] = {
    {0x0900, 0x0DFF}, /* Devanagari .. Sinhala */
    {0x0E00, 0x0EFF}, /* Thai, Lao */
    {0x0F00, 0x109F}, /* Tibetan, Myanmar */
    {0x1780, 0x17FF}, /* Khmer */
    {0x1CD0, 0x1CFF}, /* Vedic extensions */
    {0xA830, 0xA83F}, /* common Indic number forms */
    {0xA8E0, 0xA8FF}, /* Devanagari extended */
    {0xA9E0, 0xA9FF}, /* Myanmar extended-B */
};

int
script_is_complex(uint32_t cp)
{
	size_t i;

	for (i = 0; i < sizeof complex_blocks / sizeof complex_blocks[0]; i++)
		if (cp >= complex_blocks[i].first &&
		    cp <= complex_blocks[i].last)
			return 1;
	return 0;
}

/* HarfBuzz's font of a face, from the same file and index libharu
 * embeds, so the glyph ids agree; NULL when it cannot be read. */
hb_font_t *
script_face_hb(struct script_face *fc)
{
	if (!fc->hb_tried) {
		fc->hb_tried = 1;
		fc->hb = script_font_hb(fc->name, fc->index);
	}
	return fc->hb;
}

/* The code of a shaped glyph with this advance and text, made on first
 * use; 0 when the face's codes are used up. */
static uint16_t
cid_for(struct script_face *fc, uint16_t gid, int16_t adv, const uint32_t *cp,
    int ncp)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)fc->def->attr;
	struct script_cid *c;
	size_t i;

	for (i = 0; i < fc->ncids; i++) {
		c = &fc->cids[i];
		if (c->gid == gid && c->adv == adv && c->ncp == ncp &&
		    memcmp(c->cp, cp, (size_t)ncp * sizeof *cp) == 0)
			return (uint16_t)(SCRIPT_SHAPED_FIRST + i);
	}
	if (fc->ncids == SCRIPT_SHAPED_MAX)
		return 0;
	if (fc->ncids % 64 == 0)
		fc->cids = xrealloc(fc->cids, fc->ncids + 64, sizeof *fc->cids);
	c = &fc->cids[fc->ncids];
	memset(c, 0, sizeof *c);
	c->gid = gid;
	c->adv = adv;
	c->ncp = ncp;
	memcpy(c->cp, cp, (size_t)ncp * sizeof *cp);
	if (a->glyph_tbl.flgs != NULL && gid < a->num_glyphs)
		a->glyph_tbl.flgs[gid] = 1; /* into the subset */
	i = SCRIPT_SHAPED_FIRST + fc->ncids++;
	fc->used[i >> 3] |= (unsigned char)(1u << (i & 7));
	return (uint16_t)i;
}

static int16_t
em1000(hb_position_t v, unsigned upem)
{
	double x = (double)v * 1000.0 / upem;

	return (int16_t)(x < 0 ? x - 0.5 : x + 0.5);
}

/* The characters glyph k of the g glyphs of one cluster stands for, of
 * the cluster's n: one each in order, the last glyph the rest, so text
 * extraction reads them in logical order whatever order they are drawn
 * in (a vowel sign drawn before its consonant reads after it). Only the
 * glyphs that advance count: a mark drawn over or under a letter (no
 * advance, often raised) has no text of its own, as a reader sorting by
 * place would read it after the next letter ("मुबं ई" for मुंबई). */
static int
cluster_share(const uint32_t *cl, int n, int k, int g, uint32_t *out)
{
	int from = k, to = k == g - 1 ? n : k + 1, i;

	if (from >= n)
		return 0;
	if (to - from > 6)
		to = from + 6; /* a code maps to 6 characters at most */
	for (i = from; i < to; i++)
		out[i - from] = cl[i];
	return to - from;
}

/* The characters a glyph of a right-to-left cluster stands for: all of
 * them on its base (the glyph that advances, is_base), last first, none
 * on its marks. Text extraction reverses a right-to-left run's text, the
 * text of each glyph with it, so the letter then its marks read back in
 * logical order, inside the letter's box, whatever order the marks are
 * drawn in. */
static int
cluster_share_rtl(const uint32_t *cl, int n, int is_base, uint32_t *out)
{
	int i;

	if (!is_base)
		return 0;
	if (n > 6)
		n = 6; /* a code maps to 6 characters at most */
	for (i = 0; i < n; i++)
		out[i] = cl[n - 1 - i];
	return n;
}

/* Place glyphs [i, j) of one cluster (bytes [c0, c1) of s, in logical
 * order) into r. */
static void
cluster_glyphs(struct script_face *fc, const char *s, size_t c0, size_t c1,
    hb_glyph_info_t *info, hb_glyph_position_t *pos, unsigned i, unsigned j,
    unsigned upem, int draw, struct script_run *r)
{
	uint32_t cl[64], cp[6];
	int n = (int)script_decode(s + c0, c1 - c0 < 64 ? c1 - c0 : 64, cl),
	    ncp;
	unsigned k, base = i, nadv = 0, kadv = 0;

	for (k = i; k < j; k++) {
		if (pos[k].x_advance > pos[base].x_advance)
			base = k; /* the glyph that advances most */
		nadv += pos[k].x_advance != 0;
	}
	if (n < (int)(j - i) && c1 - c0 < 64) {
		/* more glyphs than characters (a two-part vowel sign): its
		 * canonical parts, one for each glyph; they read back as it
		 * once normalised (NFC) */
		utf8proc_uint8_t z[64], *nfd;

		memcpy(z, s + c0, c1 - c0);
		z[c1 - c0] = '\0';
		if ((nfd = utf8proc_NFD(z)) != NULL) {
			size_t len = strlen((const char *)nfd);

			if (len < 64)
				n = (int)script_decode(
				    (const char *)nfd, len, cl);
			free(nfd);
		}
	}

	for (k = i; k < j; k++) {
		struct script_glyph *g = &r->glyphs[k];

		g->adv = em1000(pos[k].x_advance, upem);
		g->dx = em1000(pos[k].x_offset, upem);
		g->dy = em1000(pos[k].y_offset, upem);
		g->cid = 0;
		if (!draw)
			continue;
		if (r->rtl)
			ncp = cluster_share_rtl(cl, n, k == base, cp);
		else if (nadv == 0) /* marks alone */
			ncp = cluster_share(
			    cl, n, (int)(k - i), (int)(j - i), cp);
		else if (pos[k].x_advance == 0)
			ncp = 0; /* a mark: its text goes with a letter */
		else
			ncp = cluster_share(cl, n, (int)kadv++, (int)nadv, cp);
		g->cid =
		    cid_for(fc, (uint16_t)info[k].codepoint, g->adv, cp, ncp);
	}
}

/* The m code points in reverse, as UTF-8 (malloc'd, *len bytes). */
static char *
logical(const uint32_t *cps, size_t m, size_t *len)
{
	char *s = xmalloc(m * 4 + 1);
	size_t i, o = 0;

	for (i = m; i > 0; i--)
		o += (size_t)utf8proc_encode_char(
		    (utf8proc_int32_t)cps[i - 1], (utf8proc_uint8_t *)s + o);
	s[o] = '\0';
	*len = o;
	return s;
}

/* Shape run r with HarfBuzz if it holds a complex script its face has,
 * or is a right-to-left run with marks (r->rtl: Arabic joined, marks
 * placed by the font); left as text when it does not, or when codes run
 * out. */
void
script_shape_run(struct script_fonts *f, const struct script_text *t,
    struct script_run *r, int draw)
{
	struct script_face *fc = &f->faces[r->face];
	hb_font_t *font;
	hb_buffer_t *buf;
	hb_glyph_info_t *info;
	hb_glyph_position_t *pos;
	uint32_t *cps = xcalloc(r->n + 1, sizeof *cps);
	unsigned n, i, j, upem;
	size_t m, q, len = 0;
	int complex = 0;
	char *s;
	const char *text;

	m = script_decode(t->s + r->off, r->n, cps);
	for (q = 0; q < m && complex >= 0; q++)
		if (script_is_complex(cps[q]) || r->rtl)
			/* without its glyph: boxes, reported as a gap */
			complex = script_has_glyph(fc, cps[q]) ? 1 : -1;
	if (complex <= 0 || (font = script_face_hb(fc)) == NULL) {
		free(cps);
		return;
	}
	/* a right-to-left run is shaped from its logical order, the
	 * reverse of s; the glyphs come out in visual order */
	s = r->rtl ? logical(cps, m, &len) : NULL;
	text = s != NULL ? s : t->s + r->off;
	if (s == NULL)
		len = r->n;
	free(cps);
	upem = hb_face_get_upem(hb_font_get_face(font));
	buf = hb_buffer_create();
	hb_buffer_add_utf8(buf, text, (int)len, 0, (int)len);
	hb_buffer_set_direction(
	    buf, r->rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
	hb_buffer_guess_segment_properties(buf);
	hb_shape(font, buf, NULL, 0);
	info = hb_buffer_get_glyph_infos(buf, &n);
	pos = hb_buffer_get_glyph_positions(buf, NULL);
	r->glyphs = xcalloc(n ? n : 1, sizeof *r->glyphs);
	r->nglyphs = n;
	for (i = 0; i < n; i = j) {
		size_t end = len;

		for (j = i + 1; j < n && info[j].cluster == info[i].cluster;
		     j++)
			;
		/* the cluster ends where the next one in logical order
		 * starts: after it left to right, before it right to left */
		for (q = 0; q < n; q++)
			if (info[q].cluster > info[i].cluster &&
			    info[q].cluster < end)
				end = info[q].cluster;
		cluster_glyphs(fc, text, info[i].cluster, end, info, pos, i, j,
		    upem, draw, r);
	}
	hb_buffer_destroy(buf);
	free(s);
	for (i = 0; draw && i < n; i++)
		if (r->glyphs[i].cid == 0) { /* out of codes: as text */
			free(r->glyphs);
			r->glyphs = NULL;
			r->nglyphs = 0;
			break;
		}
}
