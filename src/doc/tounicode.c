/* tounicode.c - what a PDF reader needs to read the text back, and the
 * font subset that carries it (issue 17 section 6; split from script.c).
 *
 * Each embedded face gets a ToUnicode CMap of its own, written from the
 * codes drawn with it: bfrange entries for plain characters, bfchar
 * entries mapping an Arabic presentation form back to its letters and a
 * shaped glyph code (SCRIPT_SHAPED_FIRST..) to its cluster's characters in
 * logical order. Before saving, each composite glyph drawn has its parts
 * marked so libharu's subset keeps them, and the shaped codes are mapped
 * to their glyphs through the CIDToGIDMap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb-subset.h>
#include <hb.h>
#include <utf8proc.h>

#include "paydesk/xmalloc.h"
#include "script.h"

/* One bfchar or bfrange entry of a ToUnicode map. */
struct tu_entry {
	uint16_t from, to;
	utf8proc_int32_t dst[8];
	int nd; /* > 0: bfchar to dst; 0: bfrange from..to onto itself */
};

static void
tu_block(HPDF_Stream st, const struct tu_entry *e, size_t n, int chars)
{
	char buf[128];
	size_t i, j = 0;
	int k;

	for (i = 0; i < n; i++) {
		if ((e[i].nd > 0) != chars)
			continue;
		if (j % 100 == 0) {
			size_t left = 0, q;

			for (q = i; q < n && left < 100; q++)
				left += (e[q].nd > 0) == chars;
			snprintf(buf, sizeof buf, "%s%zu begin%s\n",
			    j ? (chars ? "endbfchar\n" : "endbfrange\n") : "",
			    left, chars ? "bfchar" : "bfrange");
			HPDF_Stream_WriteStr(st, buf);
		}
		if (chars) {
			snprintf(buf, sizeof buf, "<%04X> <", e[i].from);
			HPDF_Stream_WriteStr(st, buf);
			for (k = 0; k < e[i].nd; k++) {
				unsigned u = (unsigned)e[i].dst[k];

				if (u > 0xFFFF) /* UTF-16BE: a surrogate pair */
					snprintf(buf, sizeof buf, "%04X%04X",
					    0xD800 + ((u - 0x10000) >> 10),
					    0xDC00 + ((u - 0x10000) & 0x3FF));
				else
					snprintf(buf, sizeof buf, "%04X", u);
				HPDF_Stream_WriteStr(st, buf);
			}
			HPDF_Stream_WriteStr(st, ">\n");
		} else {
			snprintf(buf, sizeof buf, "<%04X> <%04X> <%04X>\n",
			    e[i].from, e[i].to, e[i].from);
			HPDF_Stream_WriteStr(st, buf);
		}
		j++;
	}
	if (j > 0)
		HPDF_Stream_WriteStr(
		    st, chars ? "endbfchar\n" : "endbfrange\n");
}

/* A presentation form's letters (NFKC), in the order they are drawn:
 * a ligature's letters right to left (lam-alef is alef, lam), as text
 * extraction reverses each right-to-left glyph's letters with the run.
 * 0 when cp is no presentation form or maps to itself. */
static int
letters(uint32_t cp, utf8proc_int32_t *d, int max)
{
	utf8proc_uint8_t u[8] = {0}, *nfkc;
	utf8proc_ssize_t i = 0, k;
	int n = 0, j;

	if (!script_is_presentation(cp))
		return 0;
	utf8proc_encode_char((utf8proc_int32_t)cp, u);
	nfkc = utf8proc_NFKC(u);
	if (nfkc == NULL)
		return 0;
	while (nfkc[i] != '\0' && n < max) {
		k = utf8proc_iterate(nfkc + i, -1, &d[n]);
		if (k <= 0 || d[n] > 0xFFFF)
			break;
		i += k;
		n++;
	}
	if (nfkc[i] != '\0' || (n == 1 && d[0] == (utf8proc_int32_t)cp))
		n = 0;
	free(nfkc);
	for (j = 0; j < n / 2; j++) {
		utf8proc_int32_t t = d[j];

		d[j] = d[n - 1 - j];
		d[n - 1 - j] = t;
	}
	return n;
}

/* A shaped glyph's code (NULL for a character's). */
static const struct script_cid *
shaped(const struct script_face *fc, uint32_t c)
{
	if (c < SCRIPT_SHAPED_FIRST || c - SCRIPT_SHAPED_FIRST >= fc->ncids)
		return NULL;
	return &fc->cids[c - SCRIPT_SHAPED_FIRST];
}

/* The first code at or after c that the face draws, 0x10000 for none.
 * The loops over a face's codes walk these alone: a receipt draws a few
 * dozen codes of 65536, and each loop over all of them cost 1-2% of a
 * receipt's CPU (four such loops a face). */
static uint32_t
next_used(const unsigned char *used, uint32_t c)
{
	while (c <= 0xFFFF) {
		unsigned b;

		if ((c & 63) == 0) {
			uint64_t w;

			memcpy(&w, used + (c >> 3), sizeof w);
			if (w == 0) {
				c += 64;
				continue;
			}
		}
		b = used[c >> 3] >> (c & 7);
		if (b != 0)
			return c + (uint32_t)__builtin_ctz(b);
		c = (c | 7) + 1;
	}
	return 0x10000;
}

/* for each code the face draws, in order */
#define FOR_USED(fc, c) \
	for ((c) = next_used((fc)->used, 0); (c) <= 0xFFFF; \
	     (c) = next_used((fc)->used, (c) + 1))

/* The used codes as entries: runs within one high byte map onto
 * themselves, a presentation form onto its letters, a shaped glyph onto
 * its share of its cluster (none: no entry). */
static size_t
tu_entries(const struct script_face *fc, struct tu_entry **out)
{
	struct tu_entry *e = NULL;
	size_t n = 0, cap = 0;
	uint32_t c;

	FOR_USED(fc, c) {
		const struct script_cid *sc = shaped(fc, c);
		utf8proc_int32_t d[8];
		int nd;

		if (sc != NULL && sc->ncp == 0)
			continue;
		if (sc != NULL) {
			for (nd = 0; nd < sc->ncp; nd++)
				d[nd] = (utf8proc_int32_t)sc->cp[nd];
		} else
			nd = letters(c, d, 8);
		if (nd == 0 && n > 0 && e[n - 1].nd == 0 &&
		    e[n - 1].to + 1u == c && (c & 0xFF) != 0) {
			e[n - 1].to = (uint16_t)c;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			e = xrealloc(e, cap, sizeof *e);
		}
		e[n].from = e[n].to = (uint16_t)c;
		memcpy(e[n].dst, d, (size_t)nd * sizeof d[0]);
		e[n++].nd = nd;
	}
	*out = e;
	return n;
}

size_t
script_glyph_parts(
    const unsigned char *g, size_t n, uint16_t *parts, size_t max)
{
	size_t p = 10, k = 0;
	unsigned flags;

	if (n < 10 || g[0] != 0xFF || g[1] != 0xFF)
		return 0; /* a simple glyph (or none): numberOfContours >= 0 */
	do {
		if (p + 4 > n || k == max)
			break;
		flags = (unsigned)g[p] << 8 | g[p + 1];
		parts[k++] = (uint16_t)(g[p + 2] << 8 | g[p + 3]);
		p += 4 + ((flags & 1) ? 4 : 2);
		p += (flags & 8) ? 2 : (flags & 64) ? 4 : (flags & 128) ? 8 : 0;
	} while (flags & 32);
	return k;
}

/* libharu 2.3.0 marks a composite glyph's parts one level deep only and
 * reads their ids as signed, so parts past glyph 32767 (the Hangul of
 * wqy-zenhei) were left out of the subset and drew as nothing. Mark
 * every part, at any depth, before the font is written. */
static void
mark_parts(HPDF_FontDef def)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
	unsigned char *done, buf[2048];
	uint16_t parts[64];
	unsigned gid, shift = a->header.index_to_loc_format == 0 ? 1 : 0;
	int again = 1;

	if (!a->embedding || a->glyph_tbl.flgs == NULL || a->stream == NULL)
		return;
	done = xcalloc(a->num_glyphs + 1u, 1);
	while (again) {
		again = 0;
		for (gid = 0; gid < a->num_glyphs; gid++) {
			HPDF_UINT32 off, end;
			HPDF_UINT size;
			size_t k, i;

			if (a->glyph_tbl.flgs[gid] != 1 || done[gid])
				continue;
			done[gid] = 1;
			off = a->glyph_tbl.offsets[gid] << shift;
			end = a->glyph_tbl.offsets[gid + 1] << shift;
			if (end <= off)
				continue;
			size = end - off < sizeof buf ? end - off : sizeof buf;
			if (HPDF_Stream_Seek(a->stream,
			        (HPDF_INT)(a->glyph_tbl.base_offset + off),
			        HPDF_SEEK_SET) != HPDF_OK ||
			    HPDF_Stream_Read(a->stream, buf, &size) != HPDF_OK)
				continue;
			k = script_glyph_parts(buf, size, parts, 64);
			for (i = 0; i < k; i++)
				if (parts[i] < a->num_glyphs &&
				    a->glyph_tbl.flgs[parts[i]] != 1) {
					a->glyph_tbl.flgs[parts[i]] = 1;
					again = 1;
				}
		}
	}
	free(done);
}

static int
is_used(const unsigned char *used, uint32_t c)
{
	return used[c >> 3] & (1u << (c & 7));
}

/* The glyph drawn for a used code: a shaped glyph's, else the font's
 * glyph for the character; 0 for a code not used. The glyph id of the
 * font file, before any subset. */
static HPDF_UINT16
code_gid(const struct script_face *fc, uint32_t c)
{
	if (!is_used(fc->used, c))
		return 0;
	if (shaped(fc, c) != NULL)
		return shaped(fc, c)->gid;
	return HPDF_TTFontDef_GetGlyphid(fc->def, (HPDF_UINT16)c);
}

/* The glyph id of a used code in the font embedded: through the subset's
 * renumbering when the face was subset (subset_face). */
static HPDF_UINT16
embedded_gid(const struct script_face *fc, const hb_map_t *remap, uint32_t c)
{
	HPDF_UINT16 gid = code_gid(fc, c);

	if (gid == 0 || remap == NULL)
		return gid;
	return (HPDF_UINT16)hb_map_get(remap, gid);
}

/* libharu writes widths and a CID-to-glyph map for every character the
 * font has (24 KB for DejaVu Sans, 280 KB for a CJK font) and keeps its
 * refused CMap: only the characters drawn are needed. */
static int
trim(struct script_face *fc, const hb_map_t *remap, HPDF_MMgr mmgr)
{
	HPDF_FontAttr a = (HPDF_FontAttr)fc->font->attr;
	HPDF_Font desc = a->descendant_font;
	HPDF_Dict map = a->map_stream;
	HPDF_Array w = HPDF_Array_New(mmgr), run = NULL;
	HPDF_INT16 dw = fc->def->missing_width;
	uint32_t c, last = 0, top = 0;
	HPDF_BYTE *b;
	HPDF_STATUS st;

	if (w == NULL)
		return -1;
	/* a code not drawn has the default width (shaped codes are all
	 * drawn), so it ends a run of widths like a code of that width */
	FOR_USED(fc, c) {
		HPDF_UINT16 gid = code_gid(fc, c);
		HPDF_INT16 gw = shaped(fc, c) != NULL ? shaped(fc, c)->adv
		                : gid ? HPDF_TTFontDef_GetGidWidth(fc->def, gid)
		                      : dw;

		if (gid != 0)
			top = c + 1;
		if (gw == dw) {
			run = NULL;
			continue;
		}
		if (run != NULL && c != last + 1)
			run = NULL;
		last = c;
		if (run == NULL) {
			HPDF_Array_AddNumber(w, (HPDF_INT32)c);
			run = HPDF_Array_New(mmgr);
			if (run == NULL || HPDF_Array_Add(w, run) != HPDF_OK)
				return -1;
		}
		HPDF_Array_AddNumber(run, gw);
	}
	if (HPDF_Dict_Add(desc, "W", w) != HPDF_OK)
		return -1;
	if (a->cmap_stream != NULL)
		HPDF_MemStream_FreeData(a->cmap_stream->stream);
	if (map == NULL)
		return 0;
	HPDF_MemStream_FreeData(map->stream);
	if (top == 0)
		return 0;
	/* two bytes a code up to the last drawn, 0 for a code not drawn */
	b = xcalloc(top, 2);
	FOR_USED(fc, c) {
		HPDF_UINT16 gid;

		if (c >= top)
			break;
		gid = embedded_gid(fc, remap, c);
		b[2 * c] = (HPDF_BYTE)(gid >> 8);
		b[2 * c + 1] = (HPDF_BYTE)gid;
	}
	st = HPDF_Stream_Write(map->stream, b, 2 * top);
	free(b);
	return st == HPDF_OK ? 0 : -1;
}

/* The glyphs the face's used codes draw, with .notdef (0), ascending,
 * into *out (malloc'd): their number. The main face's set has the
 * glyphs of every printable ASCII character too, drawn or not: most
 * documents then have one set, and its subset is made once a process
 * (script_subset_keep), where a set of the glyphs drawn alone differed
 * from one receipt to the next (336 sets in 1,096 receipts: names,
 * amounts). */
static size_t
glyph_set(const struct script_face *fc, int main_face, uint16_t **out)
{
	unsigned char *seen = xcalloc(0x10000 / 8, 1);
	uint16_t *g;
	uint32_t c;
	size_t n = 0, k;

	seen[0] = 1;
	FOR_USED(fc, c) {
		HPDF_UINT16 gid = code_gid(fc, c);

		seen[gid >> 3] |= (unsigned char)(1u << (gid & 7));
	}
	for (c = 0x20; main_face && c < 0x7F; c++) {
		HPDF_UINT16 gid =
		    HPDF_TTFontDef_GetGlyphid(fc->def, (HPDF_UINT16)c);

		seen[gid >> 3] |= (unsigned char)(1u << (gid & 7));
	}
	for (k = 0; k < 0x10000 / 8; k++)
		n += (size_t)__builtin_popcount(seen[k]);
	g = xcalloc(n, sizeof *g);
	for (n = 0, c = next_used(seen, 0); c <= 0xFFFF;
	     c = next_used(seen, c + 1))
		g[n++] = (uint16_t)c;
	free(seen);
	*out = g;
	return n;
}

/* The glyphs gids[0..n) as a subset of the face's font file (HarfBuzz's
 * subsetter: only those glyphs and the parts of the composite ones, no
 * hinting, no layout or name tables left over), deflated as libharu
 * deflates a stream, with the renumbering of the glyphs, into *s (its
 * key a copy of gids): 0, or -1 when the face has no HarfBuzz font or
 * cannot be subset (then libharu embeds it). */
static int
subset_make(
    struct script_face *fc, const uint16_t *gids, size_t n,
    struct script_subset *s)
{
	static const hb_tag_t drop[] = {
	    HB_TAG('G', 'S', 'U', 'B'),
	    HB_TAG('G', 'P', 'O', 'S'),
	    HB_TAG('G', 'D', 'E', 'F'),
	    HB_TAG('k', 'e', 'r', 'n'),
	    HB_TAG('n', 'a', 'm', 'e'),
	    HB_TAG('p', 'o', 's', 't'),
	    HB_TAG('B', 'A', 'S', 'E'),
	    HB_TAG('J', 'S', 'T', 'F'),
	    HB_TAG('M', 'A', 'T', 'H'),
	    HB_TAG('m', 'o', 'r', 'x'),
	    HB_TAG('k', 'e', 'r', 'x'),
	    HB_TAG('D', 'S', 'I', 'G'),
	};
	hb_font_t *font = script_face_hb(fc);
	hb_subset_input_t *in;
	hb_subset_plan_t *plan;
	hb_face_t *sub;
	hb_blob_t *blob = NULL;
	const char *bytes;
	unsigned len = 0;
	uLongf nz;
	size_t k;

	memset(s, 0, sizeof *s);
	if (font == NULL || (in = hb_subset_input_create_or_fail()) == NULL)
		return -1;
	for (k = 0; k < n; k++)
		hb_set_add(hb_subset_input_glyph_set(in), gids[k]);
	for (k = 0; k < sizeof drop / sizeof drop[0]; k++)
		hb_set_add(
		    hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG),
		    drop[k]);
	hb_subset_input_set_flags(
	    in, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_RETAIN_GIDS);
	plan = hb_subset_plan_create_or_fail(hb_font_get_face(font), in);
	hb_subset_input_destroy(in);
	if (plan == NULL)
		return -1;
	if ((sub = hb_subset_plan_execute_or_fail(plan)) != NULL) {
		blob = hb_face_reference_blob(sub);
		hb_face_destroy(sub);
		s->remap = hb_map_reference(
		    (hb_map_t *)hb_subset_plan_old_to_new_glyph_mapping(plan));
	}
	hb_subset_plan_destroy(plan);
	bytes = blob != NULL ? hb_blob_get_data(blob, &len) : NULL;
	if (len > 0) {
		nz = compressBound(len);
		s->z = xmalloc(nz);
		if (compress2(s->z, &nz, (const Bytef *)bytes, len,
		        Z_DEFAULT_COMPRESSION) == Z_OK) {
			s->nz = nz;
			s->len1 = len;
		}
	}
	hb_blob_destroy(blob);
	if (s->nz == 0) {
		script_subset_clear(s);
		return -1;
	}
	s->gids = xcalloc(n, sizeof *gids);
	memcpy(s->gids, gids, n * sizeof *gids);
	s->ngids = n;
	return 0;
}

/* A font program stream's filter: its bytes are deflated already (a
 * kept subset), so libharu writes them as they are (filter none) and
 * this names the filter that libharu would drop from the dictionary. */
static HPDF_STATUS
deflated_filter(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

/* The font program of the face: the subset s as its FontFile2, in place
 * of libharu's, which keeps every table and an entry for each of the
 * font's glyphs (820 KB for WenQuanYi Zen Hei, for 4 characters).
 * libharu makes the descriptor when the font is written; it is made
 * here first, without libharu's font program. */
static int
embed_subset(
    struct script_face *fc, const struct script_subset *s, HPDF_Doc pdf)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)fc->def->attr;
	HPDF_FontAttr fa = (HPDF_FontAttr)fc->font->attr;
	HPDF_Dict data;

	a->embedding = HPDF_FALSE;
	if (fc->font->before_write_fn == NULL ||
	    fc->font->before_write_fn(fc->font) != HPDF_OK ||
	    fc->def->descriptor == NULL)
		return -1;
	data = HPDF_DictStream_New(pdf->mmgr, fa->xref);
	if (data == NULL || data->write_fn != NULL ||
	    HPDF_Stream_Write(data->stream, s->z, (HPDF_UINT)s->nz) !=
	        HPDF_OK ||
	    HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)s->len1) !=
	        HPDF_OK ||
	    HPDF_Dict_Add(fc->def->descriptor, "FontFile2", data) != HPDF_OK)
		return -1;
	data->filter = HPDF_STREAM_FILTER_NONE;
	data->write_fn = deflated_filter;
	return 0;
}

/* Trim the face's widths and map and embed its subset, made for its
 * glyphs or kept from a document that drew the same; a face that cannot
 * be subset is embedded by libharu, as loaded. */
static int
finish_face(struct script_face *fc, int main_face, HPDF_Doc pdf)
{
	struct script_subset own = {0};
	const struct script_subset *sub = NULL;
	uint16_t *gids;
	size_t n = glyph_set(fc, main_face, &gids);
	int rc;

	/* .notdef alone: nothing drawn with the face */
	if (n > 1 &&
	    (sub = script_subset_find(fc->name, fc->index, gids, n)) == NULL &&
	    subset_make(fc, gids, n, &own) == 0 &&
	    (sub = script_subset_keep(fc->name, fc->index, &own)) == NULL)
		sub = &own;
	free(gids);
	if (sub == NULL)
		mark_parts(fc->def);
	rc = trim(fc, sub != NULL ? sub->remap : NULL, pdf->mmgr);
	if (rc == 0 && sub != NULL)
		rc = embed_subset(fc, sub, pdf);
	script_subset_clear(&own);
	return rc;
}

int
script_finish(struct script_fonts *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		if (finish_face(&f->faces[i], i == 0, f->pdf) != 0)
			return -1;
		HPDF_Stream st = f->faces[i].tounicode->stream;
		struct tu_entry *e;
		size_t n = tu_entries(&f->faces[i], &e);

		HPDF_Stream_WriteStr(st,
		    "/CIDInit /ProcSet findresource begin\n"
		    "12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
		    "/Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\n"
		    "endcodespacerange\n");
		tu_block(st, e, n, 0);
		tu_block(st, e, n, 1);
		HPDF_Stream_WriteStr(st,
		    "endcmap\nCMapName currentdict /CMap defineresource pop\n"
		    "end\nend\n");
		free(e);
	}
	return HPDF_GetError(f->pdf) == HPDF_OK ? 0 : -1;
}
