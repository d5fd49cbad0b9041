/* export.c - CSV and xlsx tables, streamed, published only when complete.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "internal.h"
#include "paydesk/dynlib.h"
#include "paydesk/export.h"
#include "paydesk/i18n.h"
#include "paydesk/file.h"
#include "paydesk/money.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

/* libxlsxwriter, at the first workbook (dynlib.h): the functions called */
#define XLSX_SYMBOLS(X)                                                        \
	X(format_set_bold)                                                     \
	X(format_set_bottom)                                                   \
	X(format_set_num_format)                                               \
	X(lxw_datetime_to_excel_datetime)                                      \
	X(lxw_format_get_xf_index)                                             \
	X(lxw_strerror)                                                        \
	X(lxw_workbook_free)                                                   \
	X(workbook_add_format)                                                 \
	X(workbook_add_worksheet)                                              \
	X(workbook_close)                                                      \
	X(workbook_new_opt)                                                    \
	X(worksheet_freeze_panes)                                              \
	X(worksheet_set_column)                                                \
	X(worksheet_write_string)
DYNLIB_SYMBOLS(xlsx, XLSX_SYMBOLS);
#define format_set_bold (*dyn_format_set_bold)
#define format_set_bottom (*dyn_format_set_bottom)
#define format_set_num_format (*dyn_format_set_num_format)
#define lxw_datetime_to_excel_datetime (*dyn_lxw_datetime_to_excel_datetime)
#define lxw_format_get_xf_index (*dyn_lxw_format_get_xf_index)
#define lxw_strerror (*dyn_lxw_strerror)
#define lxw_workbook_free (*dyn_lxw_workbook_free)
#define workbook_add_format (*dyn_workbook_add_format)
#define workbook_add_worksheet (*dyn_workbook_add_worksheet)
#define workbook_close (*dyn_workbook_close)
#define workbook_new_opt (*dyn_workbook_new_opt)
#define worksheet_freeze_panes (*dyn_worksheet_freeze_panes)
#define worksheet_set_column (*dyn_worksheet_set_column)
#define worksheet_write_string (*dyn_worksheet_write_string)

static struct dynlib xlsx_lib = {
    PD_SONAME_XLSX, N_("Writing a workbook"), PD_EDOC, xlsx_syms, NULL};

/* The xlsx money formats of an Indian-grouped organisation (3,2): the
 * bands of digits before the decimal point, each with its own literal
 * separators (##\,##\,##0: 1,23,456 and 12,34,567), since a number
 * format's "," groups by three only. Band 0 is up to 5 digits, band k
 * 2k+4 to 2k+5; MONEY_MAX without decimals has 14. */
#define XLSX_BANDS 6

struct exporter {
	struct export_opts o;
	const struct xcol *cols;
	int ncols;
	int64_t rows;
	char path[PATH_MAX]; /* final name; "" when writing to a stream */
	char tmp[PATH_MAX];  /* the file being written */
	enum file_links links;
	/* CSV */
	FILE *f;
	int own; /* f is ours to close */
	/* xlsx: libxlsxwriter writes the workbook around the rows, the rows
	 * are ours (xlsx_sheet.c); cells name their formats by xf index */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	struct xsheet *sheet;
	lxw_format *head;
	int top; /* the header's row: below the heading block, if any */
	lxw_format *money, *date, *tenths; /* xf indexes taken at first use */
	int band[XLSX_BANDS]; /* Indian grouping: a band's own, 0 until made */
	char day[12], day_num[32]; /* the last date cell and its number */
};

int
export_format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	if (strcasecmp(dot, ".csv") == 0)
		return EXPORT_CSV;
	if (strcasecmp(dot, ".xlsx") == 0)
		return EXPORT_XLSX;
	return -1;
}

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes
 * doubled. A text cell that a spreadsheet would run as a formula gets a
 * leading apostrophe (the usual CSV-injection guard). */
static void
csv_field(FILE *f, const char *s, int text)
{
	/* the guard is part of the field: inside its quotes if it has them */
	const char *guard =
	    text && *s != '\0' && strchr("=+-@\t\r", *s) != NULL ? "'" : "";

	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(guard, f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	fputs(guard, f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void
csv_header(struct exporter *x)
{
	int i;

	for (i = 0; i < x->ncols; i++) {
		if (i)
			fputc(',', x->f);
		csv_field(x->f,
		    x->o.key_headers ? x->cols[i].key : x->cols[i].header, 0);
	}
	fputs("\r\n", x->f);
}

static int
xlsx_fail(struct exporter *x, lxw_error e, struct pd_err *err)
{
	return pd_fail(
	    err, PD_EDOC, _("Cannot write %s: %s"), x->path, lxw_strerror(e));
}

/* The number part of a money format: band 0 (or any band in 3-digit
 * grouping) "#,##0.00"; band k of the Indian grouping "##" then k times
 * "\\,##" then "\\,##0", then the decimals. */
static void
xlsx_number(const struct export_opts *o, int band, char *num, size_t n)
{
	size_t j = 0;
	int k;

	if (o->group2 != 2 || band == 0)
		j = (size_t)snprintf(num, n, "#,##0");
	else {
		j = (size_t)snprintf(num, n, "##");
		for (k = 0; k < band && j < n; k++)
			j += (size_t)snprintf(num + j, n - j, "\\,##");
		if (j < n)
			j += (size_t)snprintf(num + j, n - j, "\\,##0");
	}
	if (o->digits > 0 && j < n)
		snprintf(num + j, n - j, ".%.*s", o->digits, "000000000");
}

/* num with the symbol quoted as a literal on the organisation's side,
 * with its space: "\"$\"#,##0.00", "#,##0.00\" €\"". */
static char *
xlsx_with_symbol(const struct export_opts *o, const char *num)
{
	char sym[64];
	size_t j = 0;
	const char *s = o->symbol ? o->symbol : "";

	if (o->symbol_space && o->symbol_after && *s)
		sym[j++] = ' ';
	for (; *s && j + 3 < sizeof sym; s++) {
		if (*s == '"')
			continue;
		sym[j++] = *s;
	}
	if (o->symbol_space && !o->symbol_after && j > 0)
		sym[j++] = ' ';
	sym[j] = '\0';
	if (o->symbol_after)
		return xasprintf("%s\"%s\"", num, sym);
	return xasprintf("\"%s\"%s", sym, num);
}

/* The money format of the workbook: the symbol on the organisation's
 * side; the separators are the format code's, the spreadsheet shows them
 * in its reader's. Indian grouping: Excel's conditions pick the band
 * ("[>=10000000]\"₹\"##\\,##\\,##\\,##0.00;[>=100000]...;\"₹\"#,##0.00"),
 * right for 0 up to 99,99,99,999.99 and for any figure typed in later;
 * other amounts get their band's format (xlsx_band_format). */
static char *
xlsx_money_format(const struct export_opts *o)
{
	char num[3][96], *f[3], *out;
	int b;

	for (b = 0; b < 3; b++) {
		xlsx_number(o, b, num[b], sizeof num[b]);
		f[b] = xlsx_with_symbol(o, num[b]);
	}
	if (o->group2 == 2)
		out = xasprintf(
		    "[>=10000000]%s;[>=100000]%s;%s", f[2], f[1], f[0]);
	else
		out = xstrdup(f[0]);
	for (b = 0; b < 3; b++)
		free(f[b]);
	return out;
}

/* Band b's own format, positive and negative ("-" first, as the
 * organisation writes it): "\"₹\"##\\,##...0.00;-\"₹\"##\\,##...0.00". */
static char *
xlsx_band_format(const struct export_opts *o, int band)
{
	char num[96], *f, *out;

	xlsx_number(o, band, num, sizeof num);
	f = xlsx_with_symbol(o, num);
	out = xasprintf("%s;-%s", f, f);
	free(f);
	return out;
}

/* The band of minor units v in digits decimals: by the digits before the
 * decimal point (up to 5: 0; 6-7: 1; 8-9: 2; ...). */
static int
xlsx_band(int64_t v, int digits)
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int d = 1, i;

	for (i = 0; i < digits; i++)
		a /= 10;
	while (a >= 10) {
		a /= 10;
		d++;
	}
	if (d <= 5)
		return 0;
	d = (d - 4) / 2;
	return d < XLSX_BANDS ? d : XLSX_BANDS - 1;
}

/* The format of an amount's cell: the workbook's, but in an Indian
 * grouping for a negative amount or one past the conditions' reach (100
 * crore and up), its band's, made the first time it is needed. */
static int
xlsx_money_cell(struct exporter *x, int64_t v)
{
	lxw_format *f;
	int band;
	char *fmt;

	if (x->o.group2 != 2)
		return lxw_format_get_xf_index(x->money);
	band = xlsx_band(v, x->o.digits);
	if (v >= 0 && band < 3)
		return lxw_format_get_xf_index(x->money);
	if (x->band[band] == 0) {
		f = workbook_add_format(x->wb);
		fmt = xlsx_band_format(&x->o, band);
		format_set_num_format(f, fmt);
		free(fmt);
		x->band[band] = lxw_format_get_xf_index(f);
	}
	return x->band[band];
}

static int
xlsx_open(struct exporter *x, struct pd_err *err)
{
	lxw_workbook_options wo = {
	    .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE};
	char *fmt;
	int i;

	if (dynlib_load(&xlsx_lib, err) != 0)
		return -1;
	x->sheet = xsheet_new(x->path, err);
	if (x->sheet == NULL)
		return -1;
	x->wb = workbook_new_opt(x->tmp, &wo);
	if (x->wb == NULL)
		return pd_fail(err, PD_EDOC, _("Cannot write %s"), x->path);
	x->ws = workbook_add_worksheet(x->wb, x->o.sheet);
	if (x->ws == NULL)
		return pd_fail(err, PD_EDOC,
		    _("Cannot write %s: bad sheet name"), x->path);
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	/* the header's index first, the cells' at their first use: the
	 * indexes libxlsxwriter gave them when it wrote every row, and only
	 * the formats used in the workbook's styles */
	lxw_format_get_xf_index(x->head);
	x->money = workbook_add_format(x->wb);
	fmt = xlsx_money_format(&x->o);
	format_set_num_format(x->money, fmt);
	free(fmt);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->tenths = workbook_add_format(x->wb);
	format_set_num_format(x->tenths, "0.0");
	for (i = 0; i < x->ncols; i++) {
		/* a header with a context (TC_) in it, as a term */
		const char *h =
		    i18n_term_in(x->o.lang, DOC_S(x->cols[i].header));
		int w = x->cols[i].width > 0 ? x->cols[i].width : 30;
		int hw = utf8_columns(h, strlen(h));
		lxw_error e;

		if (hw > w)
			w = hw;
		e = worksheet_set_column(
		    x->ws, (lxw_col_t)i, (lxw_col_t)i, w + 2, NULL);
		if (e != LXW_NO_ERROR)
			return xlsx_fail(x, e, err);
	}
	/* the heading block: label in bold, its value beside it */
	if (x->o.nheading > 0) {
		lxw_format *label = workbook_add_format(x->wb);

		format_set_bold(label);
		for (i = 0; i < x->o.nheading; i++) {
			lxw_error e = worksheet_write_string(x->ws,
			    (lxw_row_t)i, 0, DOC_S(x->o.heading[2 * i]), label);

			if (e == LXW_NO_ERROR &&
			    x->o.heading[2 * i + 1] != NULL)
				e = worksheet_write_string(x->ws, (lxw_row_t)i,
				    1, x->o.heading[2 * i + 1], NULL);
			if (e != LXW_NO_ERROR)
				return xlsx_fail(x, e, err);
		}
		x->top = x->o.nheading + 1;
	}
	worksheet_freeze_panes(x->ws, (lxw_row_t)x->top + 1, 0);
	for (i = 0; i < x->ncols; i++) {
		lxw_error e = worksheet_write_string(x->ws, (lxw_row_t)x->top,
		    (lxw_col_t)i,
		    i18n_term_in(x->o.lang, DOC_S(x->cols[i].header)), x->head);

		if (e != LXW_NO_ERROR)
			return xlsx_fail(x, e, err);
	}
	return 0;
}

struct exporter *
export_open(const char *path, FILE *out, const struct export_opts *o,
    const struct xcol *cols, int ncols, struct pd_err *err)
{
	struct exporter *x = xcalloc(1, sizeof *x);
	int fd;

	x->o = *o;
	if (x->o.sheet == NULL)
		x->o.sheet = "Sheet1";
	x->cols = cols;
	x->ncols = ncols;
	if (path == NULL) {
		if (o->format != EXPORT_CSV) {
			pd_fail(
			    err, PD_EDOC, _("An Excel export needs a file"));
			free(x);
			return NULL;
		}
		x->f = out;
		csv_header(x);
		return x;
	}
	xstrlcpy(x->path, path, sizeof x->path);
	x->links = o->replace_links ? FILE_LINKS_REPLACE : FILE_LINKS_REFUSE;
	fd = file_temp(path, x->links, x->tmp, sizeof x->tmp, err);
	if (fd < 0) {
		free(x);
		return NULL;
	}
	if (o->format == EXPORT_CSV) {
		x->f = fdopen(fd, "w");
		x->own = 1;
		if (x->f == NULL) {
			close(fd);
			pd_fail(err, PD_EDOC, _("Cannot write %s: %s"), path,
			    strerror(errno));
			export_abort(x);
			return NULL;
		}
		csv_header(x);
		return x;
	}
	close(fd);
	if (xlsx_open(x, err) != 0) {
		export_abort(x);
		return NULL;
	}
	return x;
}

/* "YYYY-MM-DD" as a datetime; 0 if it is not one. */
static int
parse_date(const char *s, lxw_datetime *d)
{
	int y, m, dd;
	char tail;

	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3)
		return 0;
	memset(d, 0, sizeof *d);
	d->year = y;
	d->month = m;
	d->day = dd;
	return 1;
}

static int
csv_row(struct exporter *x, const struct xcell *c, struct pd_err *err)
{
	char buf[MONEY_BUFSZ];
	int i;

	for (i = 0; i < x->ncols; i++) {
		if (i)
			fputc(',', x->f);
		switch (x->cols[i].kind) {
		case X_MONEY: /* a set .s: none, empty */
			if (c[i].s == NULL)
				fputs(money_plain(
				          buf, sizeof buf, c[i].n, x->o.digits),
				    x->f);
			break;
		case X_TENTHS:
			fputs(money_plain(buf, sizeof buf, c[i].n, 1), x->f);
			break;
		case X_PERCENT: /* none: empty */
			if (c[i].n >= 0)
				fputs(money_plain(buf, sizeof buf, c[i].n, 1),
				    x->f);
			break;
		case X_NUMBER:
			fprintf(x->f, "%lld", (long long)c[i].n);
			break;
		case X_INT: /* none: empty */
			if (c[i].s == NULL)
				fprintf(x->f, "%lld", (long long)c[i].n);
			break;
		case X_DATE:
			csv_field(x->f, c[i].s ? c[i].s : "", 0);
			break;
		case X_TERM: /* a term (TC_): the word alone, as stored */
			csv_field(x->f, xcell_word(&c[i]), 1);
			break;
		case X_LIST: /* its stored words when s shows them */
			csv_field(x->f,
			    c[i].word ? c[i].word
			    : c[i].s  ? c[i].s
			              : "",
			    1);
			break;
		default:
			csv_field(x->f, c[i].s ? c[i].s : "", 1);
		}
	}
	fputs("\r\n", x->f);
	if (ferror(x->f))
		return pd_fail(err, PD_EDOC, _("Cannot write %s: %s"),
		    *x->path ? x->path : _("the output"), strerror(errno));
	return 0;
}

/* A cell's text: at most 32,767 characters, Excel's limit as
 * libxlsxwriter's worksheet.c has it (LXW_STR_MAX, not in its headers) */
#define XLSX_STR_MAX 32767

static int
xlsx_text(struct exporter *x, int col, const char *s)
{
	size_t n = strlen(s), chars = 0;

	if (n > XLSX_STR_MAX) {
		for (; *s; s++)
			chars += ((unsigned char)*s & 0xC0) != 0x80;
		if (chars > XLSX_STR_MAX)
			return -1;
	}
	xsheet_str(x->sheet, col, 0, s);
	return 0;
}

/* The row's cells: amounts and tenths as their exact decimals (not a
 * double's "%.16G": 77.23999999999999 for 77.24, issue 25 review),
 * dates as Excel's day numbers, words in the workbook's language. */
static int
xlsx_row(struct exporter *x, const struct xcell *c, struct pd_err *err)
{
	char num[MONEY_BUFSZ < 32 ? 32 : MONEY_BUFSZ];
	lxw_datetime dt;
	double d;
	int i, bad = 0;

	xsheet_row(x->sheet, x->rows + 1 + x->top);
	for (i = 0; i < x->ncols && !bad; i++) {
		const char *s = c[i].s ? c[i].s : "";

		switch (x->cols[i].kind) {
		case X_MONEY: /* a set .s: none, empty */
			if (c[i].s == NULL)
				xsheet_num(x->sheet, i,
				    xlsx_money_cell(x, c[i].n),
				    money_plain(
				        num, sizeof num, c[i].n, x->o.digits));
			break;
		case X_TENTHS:
			xsheet_num(x->sheet, i,
			    lxw_format_get_xf_index(x->tenths),
			    money_plain(num, sizeof num, c[i].n, 1));
			break;
		case X_PERCENT:
			if (c[i].n >= 0)
				xsheet_num(x->sheet, i,
				    lxw_format_get_xf_index(x->tenths),
				    money_plain(num, sizeof num, c[i].n, 1));
			break;
		case X_INT:
		case X_NUMBER:
			if (c[i].s == NULL || x->cols[i].kind == X_NUMBER) {
				snprintf(num, sizeof num, "%lld",
				    (long long)c[i].n);
				xsheet_num(x->sheet, i, 0, num);
			}
			break;
		case X_DATE: /* the last day's number again for the same day
		              * (the rows come in date order) */
			if (strcmp(s, x->day) == 0 && *s)
				xsheet_num(x->sheet, i,
				    lxw_format_get_xf_index(x->date), x->day_num);
			else if (parse_date(s, &dt)) {
				d = lxw_datetime_to_excel_datetime(&dt);
				snprintf(x->day_num, sizeof x->day_num, "%.16G",
				    d);
				xstrlcpy(x->day, s, sizeof x->day);
				xsheet_num(x->sheet, i,
				    lxw_format_get_xf_index(x->date), x->day_num);
			} else if (*s)
				bad = xlsx_text(x, i, s);
			break;
		case X_TERM: /* a word of paydesk's (Posted, Bill): in the
		              * workbook's language, as its headers are;
		              * CSV and JSON keep it as stored */
			if (*s)
				bad = xlsx_text(
				    x, i, i18n_term_in(x->o.lang, s));
			break;
		default:
			if (*s)
				bad = xlsx_text(x, i, s);
		}
	}
	if (bad) {
		xsheet_row_drop(x->sheet);
		return xlsx_fail(x, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, err);
	}
	if (xsheet_row_end(x->sheet) != 0)
		return pd_fail(err, PD_EDOC, _("Cannot write %s: %s"), x->path,
		    strerror(errno));
	return 0;
}

int
export_row(struct exporter *x, const struct xcell *cells, struct pd_err *err)
{
	int rc;

	if (x->o.format == EXPORT_XLSX && x->rows + 1 + x->top >= LXW_ROW_MAX)
		return pd_fail(err, PD_EDOC,
		    _("%s: more than %d rows do not fit in one Excel sheet"),
		    x->path, LXW_ROW_MAX - 1);
	rc = x->o.format == EXPORT_CSV ? csv_row(x, cells, err)
	                               : xlsx_row(x, cells, err);
	if (rc == 0)
		x->rows++;
	return rc;
}

int64_t
export_rows(const struct exporter *x)
{
	return x->rows;
}

int
export_close(struct exporter *x, struct pd_err *err)
{
	lxw_error e;
	int rc = 0;

	if (x->o.format == EXPORT_XLSX) {
		e = workbook_close(x->wb);
		x->wb = NULL;
		if (e != LXW_NO_ERROR)
			rc = xlsx_fail(x, e, err);
		else
			rc = xsheet_close(
			    x->sheet, x->ncols, x->tmp, x->path, err);
		xsheet_free(x->sheet);
	} else if (x->own) {
		if (fflush(x->f) != 0 || fsync(fileno(x->f)) != 0)
			rc = pd_fail(err, PD_EDOC, _("Cannot write %s: %s"),
			    x->path, strerror(errno));
		if (fclose(x->f) != 0 && rc == 0)
			rc = pd_fail(err, PD_EDOC, _("Cannot write %s: %s"),
			    x->path, strerror(errno));
		x->f = NULL;
	} else if (fflush(x->f) != 0)
		rc = pd_fail(err, PD_EDOC, _("Cannot write the output: %s"),
		    strerror(errno));
	if (*x->path) {
		if (rc == 0)
			rc = file_publish(x->tmp, x->path, x->links, err);
		else
			unlink(x->tmp);
	}
	free(x);
	return rc;
}

void
export_abort(struct exporter *x)
{
	if (x->wb != NULL)
		lxw_workbook_free(x->wb); /* drops its temporary files too */
	xsheet_free(x->sheet);
	if (x->own && x->f != NULL)
		fclose(x->f);
	if (*x->tmp)
		unlink(x->tmp);
	free(x);
}
