/* xlsx_sheet.c - a workbook's data rows, written as they come.
 *
 * libxlsxwriter (1.1.4, Debian's) writes every number cell as a double
 * printed by "%.16G" (77.24 came out 77.23999999999999, issue 25 review)
 * and has no call that writes a number from its text; the closed
 * workbook was copied again with each amount rewritten, its sheet read
 * whole into memory twice (860 MB for 1,000,000 rows, issue 24) and
 * deflated twice. So libxlsxwriter writes the workbook around the rows
 * (styles, column widths, the frozen header row) and the rows are ours:
 * each is written as sheet XML to a temporary file as it comes (amounts
 * as their exact decimals, text as inline strings, escaped as
 * libxlsxwriter escapes them), and at the close the workbook is copied
 * entry by entry (minizip, the library libxlsxwriter zips with) with the
 * rows streamed into its sheet before "</sheetData>" and the sheet's
 * dimension set to them. Memory stays that of one row. */
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
	X(zipOpen64)                                                           \
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
#define zipOpen64 (*dyn_zipOpen64)
#define zipOpenNewFileInZip64 (*dyn_zipOpenNewFileInZip64)
#define zipWriteInFileInZip (*dyn_zipWriteInFileInZip)

static struct dynlib zip_lib = {
    PD_SONAME_MINIZIP, N_("Writing a workbook"), PD_EDOC, zip_syms, NULL};

/* The sheet the rows go into, the one sheet of an export's workbook. */
#define SHEET "xl/worksheets/sheet1.xml"
#define CHUNK (1 << 18)

struct xsheet {
	FILE *f;     /* the rows' XML so far */
	char *b;     /* the row being written */
	size_t n, cap;
	size_t head; /* b's length after "<row r=...>" */
	int64_t row; /* the row being written, 0-based */
	int64_t rows;
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

struct xsheet *
xsheet_new(void)
{
	struct xsheet *x = xcalloc(1, sizeof *x);

	x->f = tmpfile();
	if (x->f == NULL) {
		free(x);
		return NULL;
	}
	return x;
}

void
xsheet_free(struct xsheet *x)
{
	if (x == NULL)
		return;
	if (x->f != NULL)
		fclose(x->f);
	free(x->b);
	free(x);
}

void
xsheet_row(struct xsheet *x, int64_t row)
{
	x->n = 0;
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

int
xsheet_row_end(struct xsheet *x)
{
	if (x->n == x->head) /* no cell: no row, as libxlsxwriter */
		return 0;
	PUTS(x, "</row>");
	x->rows++;
	return fwrite(x->b, 1, x->n, x->f) == x->n ? 0 : -1;
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

/* The sheet s (n bytes) with the rows before its "</sheetData>" and its
 * dimension "A1:<last column><last row>", into z; 0 or -1. */
static int
splice(zipFile z, struct xsheet *x, int ncols, const char *s, size_t n)
{
	const char *dim = strstr(s, "<dimension ref=\"");
	const char *end = strstr(s, "</sheetData>");
	const char *empty = strstr(s, "<sheetData/>");
	const char *p = s;
	char *chunk, ref[32];
	size_t k, got;

	if (end == NULL && empty == NULL)
		return -1;
	if (dim != NULL && x->rows > 0 && dim < (end ? end : empty)) {
		const char *q = strchr(dim + 16, '"');

		if (q == NULL)
			return -1;
		k = col_name(ref, ncols > 0 ? ncols - 1 : 0);
		snprintf(ref + k, sizeof ref - k, "%lld",
		    (long long)x->rows + 1);
		if (zput(z, p, (size_t)(dim + 16 - p)) != 0 ||
		    zput(z, "A1:", 3) != 0 || zput(z, ref, strlen(ref)) != 0)
			return -1;
		p = q;
	}
	if (end != NULL) {
		if (zput(z, p, (size_t)(end - p)) != 0)
			return -1;
		p = end;
	} else {
		if (zput(z, p, (size_t)(empty - p)) != 0 ||
		    zput(z, "<sheetData>", 11) != 0)
			return -1;
		p = empty + 12;
	}
	if (fflush(x->f) != 0 || fseek(x->f, 0, SEEK_SET) != 0)
		return -1;
	chunk = xmalloc(CHUNK);
	while ((got = fread(chunk, 1, CHUNK, x->f)) > 0)
		if (zput(z, chunk, got) != 0)
			break;
	free(chunk);
	if (got > 0 || ferror(x->f))
		return -1;
	if (end == NULL && zput(z, "</sheetData>", 12) != 0)
		return -1;
	return zput(z, p, (size_t)(s + n - p));
}

/* Copy the current entry of u into z, the rows into the sheet; 0 or -1.
 * The sheet is deflated at the fastest level: its XML is repetitive
 * enough that the file is ~15% larger than at the default, in a third
 * of the time. */
static int
copy_entry(unzFile u, zipFile z, struct xsheet *x, int ncols)
{
	zip_fileinfo zi;
	unz_file_info64 fi;
	char name[512];
	size_t n = 0;
	char *buf = read_entry(u, name, sizeof name, &n);
	int rc, sheet = strcmp(name, SHEET) == 0;

	if (buf == NULL ||
	    unzGetCurrentFileInfo64(u, &fi, NULL, 0, NULL, 0, NULL, 0) !=
	        UNZ_OK) {
		free(buf);
		return -1;
	}
	memset(&zi, 0, sizeof zi);
	memcpy(&zi.tmz_date, &fi.tmu_date, sizeof zi.tmz_date);
	if (zipOpenNewFileInZip64(z, name, &zi, NULL, 0, NULL, 0, NULL,
	        Z_DEFLATED, sheet ? Z_BEST_SPEED : Z_DEFAULT_COMPRESSION,
	        1) != ZIP_OK) {
		free(buf);
		return -1;
	}
	rc = sheet ? splice(z, x, ncols, buf, n) : zput(z, buf, n);
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

	if (dynlib_load(&zip_lib, err) != 0)
		return -1;
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
