/* xlsx_sheet.c - a workbook's data rows, written as they come.
 *
 * libxlsxwriter (1.1.4, Debian's) writes every number cell as a double
 * printed by "%.16G" (77.24 came out 77.23999999999999, issue 25 review)
 * and has no call that writes a number from its text; the closed
 * workbook was copied again with each amount rewritten, its sheet read
 * whole into memory twice (860 MB for 1,000,000 rows, issue 24) and
 * deflated twice. So libxlsxwriter writes the workbook around the rows
 * (styles, column widths, the frozen header row) and the rows are ours:
 * each is written as sheet XML as it comes (amounts as their exact
 * decimals, text as inline strings, escaped as libxlsxwriter escapes
 * them), deflated (zlib, raw) into a temporary file, and at the close
 * the workbook is copied entry by entry (minizip, the library
 * libxlsxwriter zips with) with the rows' deflated stream copied as it
 * is into its sheet: the sheet's part before "</sheetData>" (its
 * dimension set to the rows) deflated and flushed to a byte boundary,
 * then the rows' stream (flushed so too), then the rest, finished. One
 * deflate stream made of three, as pigz joins its pieces; the CRC of
 * the whole from the three's (crc32_combine). Memory stays that of a
 * batch of rows; the temporary file is the compressed rows (~46 MB for
 * 1,000,000 payments, whose XML is 450 MB: /tmp may be in memory). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <minizip/unzip.h>
#include <minizip/zip.h>

#include "internal.h"
#include "paydesk/dynlib.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* minizip, at the first workbook (dynlib.h): the functions called */
#define ZIP_SYMBOLS(X)                                                         \
	X(unzClose)                                                            \
	X(unzCloseCurrentFile)                                                 \
	X(unzGetCurrentFileInfo64)                                             \
	X(unzGoToFirstFile)                                                    \
	X(unzGoToNextFile)                                                     \
	X(unzOpen64)                                                           \
	X(unzOpenCurrentFile)                                                  \
	X(unzReadCurrentFile)                                                  \
	X(zipClose)                                                            \
	X(zipCloseFileInZip)                                                   \
	X(zipCloseFileInZipRaw64)                                              \
	X(zipOpen64)                                                           \
	X(zipOpenNewFileInZip2_64)                                             \
	X(zipOpenNewFileInZip64)                                               \
	X(zipWriteInFileInZip)
DYNLIB_SYMBOLS(zip, ZIP_SYMBOLS);
#define unzClose (*dyn_unzClose)
#define unzCloseCurrentFile (*dyn_unzCloseCurrentFile)
#define unzGetCurrentFileInfo64 (*dyn_unzGetCurrentFileInfo64)
#define unzGoToFirstFile (*dyn_unzGoToFirstFile)
#define unzGoToNextFile (*dyn_unzGoToNextFile)
#define unzOpen64 (*dyn_unzOpen64)
#define unzOpenCurrentFile (*dyn_unzOpenCurrentFile)
#define unzReadCurrentFile (*dyn_unzReadCurrentFile)
#define zipClose (*dyn_zipClose)
#define zipCloseFileInZip (*dyn_zipCloseFileInZip)
#define zipCloseFileInZipRaw64 (*dyn_zipCloseFileInZipRaw64)
#define zipOpen64 (*dyn_zipOpen64)
#define zipOpenNewFileInZip2_64 (*dyn_zipOpenNewFileInZip2_64)
#define zipOpenNewFileInZip64 (*dyn_zipOpenNewFileInZip64)
#define zipWriteInFileInZip (*dyn_zipWriteInFileInZip)

static struct dynlib zip_lib = {
    PD_SONAME_MINIZIP, N_("Writing a workbook"), PD_EDOC, zip_syms, NULL};

/* zlib (minizip's, at the first workbook): the functions called */
#define ZZ_SYMBOLS(X)                                                          \
	X(crc32)                                                               \
	X(crc32_combine)                                                       \
	X(deflate)                                                             \
	X(deflateEnd)                                                          \
	X(deflateInit2_)
DYNLIB_SYMBOLS(zz, ZZ_SYMBOLS);
#define crc32 (*dyn_crc32)
#define crc32_combine (*dyn_crc32_combine)
#define deflate (*dyn_deflate)
#define deflateEnd (*dyn_deflateEnd)
#define deflateInit2_ (*dyn_deflateInit2_)

static struct dynlib zz_lib = {
    PD_SONAME_Z, N_("Writing a workbook"), PD_EDOC, zz_syms, NULL};

/* The sheet the rows go into, the one sheet of an export's workbook. */
#define SHEET "xl/worksheets/sheet1.xml"
#define CHUNK (1 << 16)
/* the rows' XML is deflated a batch at a time */
#define BATCH (1 << 16)
/* the sheet's level: its XML is repetitive enough that the file is ~18%
 * larger than at the default level (46 MB against 39 MB for 1,000,000
 * payments), in less than half the time */
#define LEVEL Z_BEST_SPEED

struct xsheet {
	FILE *f;     /* the rows' deflated stream so far */
	z_stream zs; /* its deflater */
	int zs_on;   /* zs to be ended */
	uLong crc;   /* of the rows' XML */
	uint64_t raw; /* its length */
	unsigned char *out; /* CHUNK bytes: the deflater's output */
	char *b;     /* the rows' XML not yet deflated, the last one's end */
	size_t n, cap;
	size_t row_at; /* where the row being written starts in b */
	size_t head;   /* b's length after its "<row r=...>" */
	int64_t row;   /* the row being written, 0-based */
	int64_t rows;
	int64_t last;  /* the last row written, 0-based (the header's: 0) */
	int bad;       /* a write failed */
};

static void
put(struct xsheet *x, const char *s, size_t n)
{
	if (x->n + n > x->cap) {
		x->cap = (x->n + n) * 2;
		x->b = xrealloc(x->b, x->cap, 1);
	}
	memcpy(x->b + x->n, s, n);
	x->n += n;
}

#define PUTS(x, lit) put((x), (lit), sizeof(lit) - 1)

/* v in decimal */
static void
put_u(struct xsheet *x, uint64_t v)
{
	char t[24];
	int i = (int)sizeof t;

	do
		t[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	put(x, t + i, sizeof t - (size_t)i);
}

/* column col (0-based) as its letters: A, Z, AA, XFD */
static size_t
col_name(char *t, int col)
{
	char r[4];
	size_t n = 0, i;

	col++;
	while (col > 0 && n < sizeof r) {
		r[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		t[i] = r[n - 1 - i];
	return n;
}

/* Deflate n bytes of the rows' XML (flush: Z_NO_FLUSH, or Z_SYNC_FLUSH
 * at their end) into the temporary file. */
static void
rows_deflate(struct xsheet *x, const char *s, size_t n, int flush)
{
	x->crc = crc32(x->crc, (const Bytef *)s, (uInt)n);
	x->raw += n;
	x->zs.next_in = (Bytef *)(uintptr_t)s;
	x->zs.avail_in = (uInt)n;
	do {
		size_t got;

		x->zs.next_out = x->out;
		x->zs.avail_out = CHUNK;
		if (deflate(&x->zs, flush) == Z_STREAM_ERROR) {
			x->bad = 1;
			return;
		}
		got = CHUNK - x->zs.avail_out;
		if (got > 0 && fwrite(x->out, 1, got, x->f) != got)
			x->bad = 1;
	} while (x->zs.avail_out == 0 && !x->bad);
}

struct xsheet *
xsheet_new(const char *shown, struct pd_err *err)
{
	struct xsheet *x;

	if (dynlib_load(&zip_lib, err) != 0 || dynlib_load(&zz_lib, err) != 0)
		return NULL;
	x = xcalloc(1, sizeof *x);
	x->f = tmpfile();
	if (x->f == NULL) {
		pd_fail(err, PD_EDOC, _("Cannot write %s: %s"), shown,
		    strerror(errno));
		free(x);
		return NULL;
	}
	if (deflateInit2(&x->zs, LEVEL, Z_DEFLATED, -15, 8,
	        Z_DEFAULT_STRATEGY) != Z_OK) {
		fclose(x->f);
		free(x);
		pd_fail(err, PD_EDOC, _("Cannot write %s: %s"), shown,
		    strerror(ENOMEM));
		return NULL;
	}
	x->zs_on = 1;
	x->crc = crc32(0, NULL, 0);
	x->out = xmalloc(CHUNK);
	return x;
}

void
xsheet_free(struct xsheet *x)
{
	if (x == NULL)
		return;
	if (x->zs_on)
		deflateEnd(&x->zs);
	if (x->f != NULL)
		fclose(x->f);
	free(x->out);
	free(x->b);
	free(x);
}

void
xsheet_row(struct xsheet *x, int64_t row)
{
	x->row_at = x->n;
	x->row = row;
	PUTS(x, "<row r=\"");
	put_u(x, (uint64_t)row + 1);
	PUTS(x, "\">");
	x->head = x->n;
}

/* "<c r="B7" s="3"" */
static void
cell_start(struct xsheet *x, int col, int xf)
{
	char t[4];

	PUTS(x, "<c r=\"");
	put(x, t, col_name(t, col));
	put_u(x, (uint64_t)x->row + 1);
	put(x, "\"", 1);
	if (xf > 0) {
		PUTS(x, " s=\"");
		put_u(x, (uint64_t)xf);
		put(x, "\"", 1);
	}
}

void
xsheet_num(struct xsheet *x, int col, int xf, const char *num)
{
	cell_start(x, col, xf);
	PUTS(x, "><v>");
	put(x, num, strlen(num));
	PUTS(x, "</v></c>");
}

void
xsheet_str(struct xsheet *x, int col, int xf, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	cell_start(x, col, xf);
	PUTS(x, " t=\"inlineStr\"><is>");
	/* libxlsxwriter's xml:space rule, on the escaped text's ends (a
	 * control character's escape starts with '_') */
	if (n > 0 && ((p[0] == ' ' || p[0] == '\t' || p[0] == '\n') ||
	                 (p[n - 1] == ' ' || p[n - 1] == '\t' ||
	                     p[n - 1] == '\n')))
		PUTS(x, "<t xml:space=\"preserve\">");
	else
		PUTS(x, "<t>");
	while (*p) {
		const unsigned char *q = p;
		char esc[8];

		/* the run of characters written as they are */
		while (*q >= 0x20 && *q != '&' && *q != '<' && *q != '>')
			q++;
		put(x, (const char *)p, (size_t)(q - p));
		p = q;
		switch (*p) {
		case '\0':
			continue;
		case '&':
			PUTS(x, "&amp;");
			break;
		case '<':
			PUTS(x, "&lt;");
			break;
		case '>':
			PUTS(x, "&gt;");
			break;
		case '\t':
		case '\n':
			put(x, (const char *)p, 1);
			break;
		default: /* not allowed in XML: Excel's escape */
			snprintf(esc, sizeof esc, "_x%04X_", *p);
			put(x, esc, 7);
		}
		p++;
	}
	PUTS(x, "</t></is></c>");
}

void
xsheet_row_drop(struct xsheet *x)
{
	x->n = x->row_at;
}

int
xsheet_row_end(struct xsheet *x)
{
	if (x->n == x->head) { /* no cell: no row, as libxlsxwriter */
		x->n = x->row_at;
		return x->bad ? -1 : 0;
	}
	PUTS(x, "</row>");
	x->rows++;
	x->last = x->row;
	if (x->n >= BATCH) {
		rows_deflate(x, x->b, x->n, Z_NO_FLUSH);
		x->n = 0;
	}
	return x->bad ? -1 : 0;
}

/* Read the current entry of u whole (the workbook's parts around the
 * rows are small); its length in *n, NULL on an error. */
static char *
read_entry(unzFile u, char *name, size_t size, size_t *n)
{
	unz_file_info64 fi;
	char *buf;
	int got;

	if (unzGetCurrentFileInfo64(u, &fi, name, size, NULL, 0, NULL, 0) !=
	        UNZ_OK ||
	    fi.uncompressed_size > (ZPOS64_T)1 << 30 ||
	    unzOpenCurrentFile(u) != UNZ_OK)
		return NULL;
	buf = xmalloc((size_t)fi.uncompressed_size + 1);
	got = unzReadCurrentFile(u, buf, (unsigned)fi.uncompressed_size);
	if (unzCloseCurrentFile(u) != UNZ_OK ||
	    got != (int)fi.uncompressed_size) {
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	*n = (size_t)got;
	return buf;
}

static int
zput(zipFile z, const char *s, size_t n)
{
	return n == 0 || zipWriteInFileInZip(z, s, (unsigned)n) == ZIP_OK
	           ? 0
	           : -1;
}

/* Deflate n bytes of s as a raw stream of their own, flushed to a byte
 * boundary (Z_SYNC_FLUSH) or finished (Z_FINISH), into *out (malloc'd,
 * *len bytes); its CRC in *crc. 0 or -1. */
static int
deflate_part(const char *s, size_t n, int flush, unsigned char **out,
    size_t *len, uLong *crc)
{
	z_stream zs;
	size_t cap = n + n / 8 + 1024;
	int rc;

	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return -1;
	*out = xmalloc(cap);
	zs.next_in = (Bytef *)(uintptr_t)s;
	zs.avail_in = (uInt)n;
	zs.next_out = *out;
	zs.avail_out = (uInt)cap;
	rc = deflate(&zs, flush);
	*len = cap - zs.avail_out;
	deflateEnd(&zs);
	*crc = crc32(crc32(0, NULL, 0), (const Bytef *)s, (uInt)n);
	if ((flush == Z_FINISH && rc != Z_STREAM_END) ||
	    (flush != Z_FINISH && (rc != Z_OK || zs.avail_out == 0))) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* The sheet s (n bytes) with the rows before its "</sheetData>" and its
 * dimension "A1:<last column><last row>", into z as the entry name (zi
 * its dates), the rows' deflated stream copied as it is; 0 or -1. */
static int
splice(zipFile z, const char *name, const zip_fileinfo *zi,
    struct xsheet *x, int ncols, const char *s, size_t n)
{
	const char *dim = strstr(s, "<dimension ref=\"");
	const char *end = strstr(s, "</sheetData>");
	const char *empty = strstr(s, "<sheetData/>");
	const char *mid = end != NULL ? end : empty, *p = s, *q;
	char *pre = NULL, *suf = NULL, ref[32];
	unsigned char *zpre = NULL, *zsuf = NULL, *chunk = NULL;
	size_t npre = 0, nsuf, k, got, zn_pre = 0, zn_suf = 0;
	uLong crc_pre, crc_suf, crc;
	int rc = -1;

	if (mid == NULL || x->bad)
		return -1;
	/* the part before the rows, its dimension theirs */
	pre = xmalloc((size_t)(mid - s) + 64);
	if (dim != NULL && x->rows > 0 && dim < mid &&
	    (q = strchr(dim + 16, '"')) != NULL && q < mid) {
		k = col_name(ref, ncols > 0 ? ncols - 1 : 0);
		/* the last row's: a heading block above the header row
		 * (export_opts.heading) moves them down */
		snprintf(
		    ref + k, sizeof ref - k, "%lld", (long long)x->last + 1);
		npre = (size_t)(dim + 16 - s);
		memcpy(pre, s, npre);
		npre += (size_t)sprintf(pre + npre, "A1:%s", ref);
		p = q;
	}
	memcpy(pre + npre, p, (size_t)(mid - p));
	npre += (size_t)(mid - p);
	if (end == NULL) {
		memcpy(pre + npre, "<sheetData>", 11);
		npre += 11;
		suf = xasprintf("</sheetData>%s", empty + 12);
	} else
		suf = xstrdup(end);
	nsuf = strlen(suf);
	(void)n;
	/* the rows' stream flushed to a byte boundary */
	rows_deflate(x, x->b, x->n, Z_SYNC_FLUSH);
	x->n = 0;
	if (x->bad || fflush(x->f) != 0 || fseek(x->f, 0, SEEK_SET) != 0 ||
	    deflate_part(pre, npre, Z_SYNC_FLUSH, &zpre, &zn_pre, &crc_pre) !=
	        0 ||
	    deflate_part(suf, nsuf, Z_FINISH, &zsuf, &zn_suf, &crc_suf) != 0)
		goto done;
	crc = crc32_combine(crc_pre, x->crc, (z_off_t)x->raw);
	crc = crc32_combine(crc, crc_suf, (z_off_t)nsuf);
	if (zipOpenNewFileInZip2_64(z, name, zi, NULL, 0, NULL, 0, NULL,
	        Z_DEFLATED, LEVEL, 1, 1) != ZIP_OK)
		goto done;
	rc = zput(z, (const char *)zpre, zn_pre);
	chunk = xmalloc(CHUNK);
	while (rc == 0 && (got = fread(chunk, 1, CHUNK, x->f)) > 0)
		rc = zput(z, (const char *)chunk, got);
	if (ferror(x->f))
		rc = -1;
	if (rc == 0)
		rc = zput(z, (const char *)zsuf, zn_suf);
	if (zipCloseFileInZipRaw64(z, npre + x->raw + nsuf, crc) != ZIP_OK)
		rc = -1;
done:
	free(chunk);
	free(zpre);
	free(zsuf);
	free(pre);
	free(suf);
	return rc;
}

/* Copy the current entry of u into z, the rows into the sheet; 0 or -1. */
static int
copy_entry(unzFile u, zipFile z, struct xsheet *x, int ncols)
{
	zip_fileinfo zi;
	unz_file_info64 fi;
	char name[512];
	size_t n = 0;
	char *buf = read_entry(u, name, sizeof name, &n);
	int rc;

	if (buf == NULL ||
	    unzGetCurrentFileInfo64(u, &fi, NULL, 0, NULL, 0, NULL, 0) !=
	        UNZ_OK) {
		free(buf);
		return -1;
	}
	memset(&zi, 0, sizeof zi);
	memcpy(&zi.tmz_date, &fi.tmu_date, sizeof zi.tmz_date);
	if (strcmp(name, SHEET) == 0) {
		rc = splice(z, name, &zi, x, ncols, buf, n);
		free(buf);
		return rc;
	}
	if (zipOpenNewFileInZip64(z, name, &zi, NULL, 0, NULL, 0, NULL,
	        Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1) != ZIP_OK) {
		free(buf);
		return -1;
	}
	rc = zput(z, buf, n);
	if (zipCloseFileInZip(z) != ZIP_OK)
		rc = -1;
	free(buf);
	return rc;
}

int
xsheet_close(struct xsheet *x, int ncols, const char *path,
    const char *shown, struct pd_err *err)
{
	char tmp[4096];
	unzFile u;
	zipFile z;
	int rc = 0, st;

	snprintf(tmp, sizeof tmp, "%s.rows", path);
	u = unzOpen64(path);
	z = u != NULL ? zipOpen64(tmp, APPEND_STATUS_CREATE) : NULL;
	if (u == NULL || z == NULL) {
		if (u != NULL)
			unzClose(u);
		return pd_fail(err, PD_EDOC, _("Cannot write %s"), shown);
	}
	for (st = unzGoToFirstFile(u); st == UNZ_OK && rc == 0;
	     st = unzGoToNextFile(u))
		rc = copy_entry(u, z, x, ncols);
	if (st != UNZ_END_OF_LIST_OF_FILE)
		rc = -1;
	if (zipClose(z, NULL) != ZIP_OK)
		rc = -1;
	unzClose(u);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0) {
		unlink(tmp);
		return pd_fail(err, PD_EDOC, _("Cannot write %s"), shown);
	}
	return 0;
}
