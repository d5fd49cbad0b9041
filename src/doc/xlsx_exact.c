/* xlsx_exact.c - a workbook's amounts written as their exact decimals.
 *
 * libxlsxwriter (1.1.4, Debian's) writes every number cell as a double
 * printed by "%.16G": an amount of 77.24 is (double)7724 / 100, and no
 * double prints as 77.24 in 16 digits, so the sheet said
 * 77.23999999999999 (issue 25 review). It has no call that writes a
 * number from its text. So the closed workbook is copied entry by
 * entry (minizip, the library libxlsxwriter zips with), and in its
 * sheets each cell of an amount or tenths column, a number cell (no t=
 * attribute), gets its value again as the exact decimal: the minor
 * units read back from the double (exact: amounts have at most 16
 * digits, far within a double's precision for the rounding) and
 * written by money_plain. Everything else is copied byte for byte. */
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
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* minizip, at the first workbook rewritten (dynlib.h): the functions
 * called */
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

/* The column of a cell reference "AB12": 0-based, -1 if none. */
static int
ref_col(const char *p)
{
	int c = 0, n = 0;

	while (*p >= 'A' && *p <= 'Z' && n < 4) {
		c = c * 26 + (*p++ - 'A' + 1);
		n++;
	}
	return n > 0 ? c - 1 : -1;
}

/* The output buffer of a rewritten sheet. */
struct out {
	char *b;
	size_t n, cap;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		o->cap = (o->n + n + 1) * 2;
		o->b = xrealloc(o->b, o->cap, 1);
	}
	memcpy(o->b + o->n, s, n);
	o->n += n;
}

/* The value text v (n bytes) of a cell of a column of digits decimals
 * as the exact decimal into buf; 0, or -1 if it is not a number. */
static int
exact(const char *v, size_t n, int digits, char *buf, size_t size)
{
	char t[64];
	char *end;
	double d, scale = 1;
	int i;

	if (n == 0 || n >= sizeof t)
		return -1;
	memcpy(t, v, n);
	t[n] = '\0';
	errno = 0;
	d = strtod(t, &end);
	if (*end != '\0' || errno != 0)
		return -1;
	for (i = 0; i < digits; i++)
		scale *= 10;
	d *= scale; /* to the nearest minor unit */
	money_plain(buf, size, (int64_t)(d < 0 ? d - 0.5 : d + 0.5), digits);
	return 0;
}

/* Sheet XML s (n bytes) with the values of the cells of the columns in
 * cols (a bit each; digits[i] decimals) exact, into o. */
static void
rewrite(
    const char *s, size_t n, uint64_t cols, const int *digits, struct out *o)
{
	const char *p = s, *end = s + n, *c, *gt, *v, *ve;
	char num[MONEY_BUFSZ];
	int col;

	while ((c = memmem(p, (size_t)(end - p), "<c r=\"", 6)) != NULL) {
		gt = memchr(c, '>', (size_t)(end - c));
		if (gt == NULL)
			break;
		col = ref_col(c + 6);
		v = gt + 1;
		if (col < 0 || col >= 64 || !((cols >> col) & 1u) ||
		    gt[-1] == '/' || memmem(c, (size_t)(gt - c), " t=\"", 4) ||
		    end - v < 3 || memcmp(v, "<v>", 3) != 0 ||
		    (ve = memmem(v + 3, (size_t)(end - v - 3), "</v>", 4)) ==
		        NULL ||
		    exact(v + 3, (size_t)(ve - v - 3), digits[col], num,
		        sizeof num) != 0) {
			put(o, p, (size_t)(gt + 1 - p));
			p = gt + 1;
			continue;
		}
		put(o, p, (size_t)(v + 3 - p));
		put(o, num, strlen(num));
		p = ve;
	}
	put(o, p, (size_t)(end - p));
}

/* Copy the current entry of u into z, its sheets rewritten; 0 or -1. */
static int
copy_entry(unzFile u, zipFile z, uint64_t cols, const int *digits)
{
	unz_file_info64 fi;
	zip_fileinfo zi;
	char name[512];
	char *buf;
	struct out o = {NULL, 0, 0};
	int rc = -1, got;

	if (unzGetCurrentFileInfo64(
	        u, &fi, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK ||
	    fi.uncompressed_size > (ZPOS64_T)1 << 31 ||
	    unzOpenCurrentFile(u) != UNZ_OK)
		return -1;
	buf = xmalloc((size_t)fi.uncompressed_size + 1);
	got = unzReadCurrentFile(u, buf, (unsigned)fi.uncompressed_size);
	if (unzCloseCurrentFile(u) != UNZ_OK ||
	    got != (int)fi.uncompressed_size)
		goto done;
	memset(&zi, 0, sizeof zi);
	memcpy(&zi.tmz_date, &fi.tmu_date, sizeof zi.tmz_date);
	if (strncmp(name, "xl/worksheets/sheet", 19) == 0)
		rewrite(buf, (size_t)got, cols, digits, &o);
	else
		put(&o, buf, (size_t)got);
	if (zipOpenNewFileInZip64(z, name, &zi, NULL, 0, NULL, 0, NULL,
	        Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1) != ZIP_OK)
		goto done;
	rc = zipWriteInFileInZip(z, o.b, (unsigned)o.n) == ZIP_OK ? 0 : -1;
	if (zipCloseFileInZip(z) != ZIP_OK)
		rc = -1;
done:
	free(buf);
	free(o.b);
	return rc;
}

int
xlsx_exact(const char *path, const char *shown, uint64_t cols,
    const int *digits, struct pd_err *err)
{
	char tmp[4096];
	unzFile u;
	zipFile z;
	int rc = 0, st;

	if (cols == 0)
		return 0;
	if (dynlib_load(&zip_lib, err) != 0)
		return -1;
	snprintf(tmp, sizeof tmp, "%s.exact", path);
	u = unzOpen64(path);
	z = u != NULL ? zipOpen64(tmp, APPEND_STATUS_CREATE) : NULL;
	if (u == NULL || z == NULL) {
		if (u != NULL)
			unzClose(u);
		return pd_fail(err, PD_EDOC, _("Cannot write %s"), shown);
	}
	for (st = unzGoToFirstFile(u); st == UNZ_OK && rc == 0;
	     st = unzGoToNextFile(u))
		rc = copy_entry(u, z, cols, digits);
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
