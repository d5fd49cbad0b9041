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
#include "paydesk/export.h"
#include "paydesk/i18n.h"
#include "paydesk/file.h"
#include "paydesk/money.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

struct exporter {
	struct export_opts o;
	const struct xcol *cols;
	int ncols;
	int64_t rows;
	char path[PATH_MAX]; /* final name; "" when writing to a stream */
	char tmp[PATH_MAX];  /* the file being written */
	/* CSV */
	FILE *f;
	int own; /* f is ours to close */
	/* xlsx */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *money, *date, *tenths;
	double scale; /* 10^digits */
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

/* "\"$\"#,##0.00", "#,##0.00\" €\"": the symbol quoted as a literal on
 * the organisation's side of the number, with its space. The separators
 * are the format code's: the spreadsheet shows them in its reader's. */
static char *
xlsx_money_format(const struct export_opts *o)
{
	char sym[64], num[32];
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
	if (o->digits > 0)
		snprintf(num, sizeof num, "#,##0.%.*s", o->digits, "000000000");
	else
		snprintf(num, sizeof num, "#,##0");
	if (o->symbol_after)
		return xasprintf("%s\"%s\"", num, sym);
	return xasprintf("\"%s\"%s", sym, num);
}

static int
xlsx_open(struct exporter *x, struct pd_err *err)
{
	lxw_workbook_options wo = {
	    .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE};
	char *fmt;
	int i;

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
	x->money = workbook_add_format(x->wb);
	fmt = xlsx_money_format(&x->o);
	format_set_num_format(x->money, fmt);
	free(fmt);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->tenths = workbook_add_format(x->wb);
	format_set_num_format(x->tenths, "0.0");
	for (i = 0; i < x->ncols; i++) {
		const char *h = L_(x->o.lang, DOC_S(x->cols[i].header));
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
	worksheet_freeze_panes(x->ws, 1, 0);
	for (i = 0; i < x->ncols; i++) {
		lxw_error e = worksheet_write_string(x->ws, 0, (lxw_col_t)i,
		    L_(x->o.lang, DOC_S(x->cols[i].header)), x->head);

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
	int fd, i;

	x->o = *o;
	if (x->o.sheet == NULL)
		x->o.sheet = "Sheet1";
	x->cols = cols;
	x->ncols = ncols;
	x->scale = 1;
	for (i = 0; i < o->digits; i++)
		x->scale *= 10;
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
	fd = file_temp(path, x->tmp, sizeof x->tmp, err);
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
		case X_MONEY:
			fputs(money_plain(buf, sizeof buf, c[i].n, x->o.digits),
			    x->f);
			break;
		case X_TENTHS:
			fputs(money_plain(buf, sizeof buf, c[i].n, 1), x->f);
			break;
		case X_INT:
			fprintf(x->f, "%lld", (long long)c[i].n);
			break;
		case X_DATE:
			csv_field(x->f, c[i].s ? c[i].s : "", 0);
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

static int
xlsx_row(struct exporter *x, const struct xcell *c, struct pd_err *err)
{
	lxw_row_t r = (lxw_row_t)(x->rows + 1);
	lxw_datetime dt;
	lxw_error e = LXW_NO_ERROR;
	int i;

	for (i = 0; i < x->ncols && e == LXW_NO_ERROR; i++) {
		lxw_col_t col = (lxw_col_t)i;
		const char *s = c[i].s ? c[i].s : "";

		switch (x->cols[i].kind) {
		case X_MONEY:
			e = worksheet_write_number(
			    x->ws, r, col, (double)c[i].n / x->scale, x->money);
			break;
		case X_TENTHS:
			e = worksheet_write_number(
			    x->ws, r, col, (double)c[i].n / 10, x->tenths);
			break;
		case X_INT:
			e = worksheet_write_number(
			    x->ws, r, col, (double)c[i].n, NULL);
			break;
		case X_DATE:
			if (parse_date(s, &dt))
				e = worksheet_write_datetime(
				    x->ws, r, col, &dt, x->date);
			else if (*s)
				e = worksheet_write_string(
				    x->ws, r, col, s, NULL);
			break;
		default:
			if (*s)
				e = worksheet_write_string(
				    x->ws, r, col, s, NULL);
		}
	}
	if (e != LXW_NO_ERROR)
		return xlsx_fail(x, e, err);
	return 0;
}

int
export_row(struct exporter *x, const struct xcell *cells, struct pd_err *err)
{
	int rc;

	if (x->o.format == EXPORT_XLSX && x->rows + 1 >= LXW_ROW_MAX)
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
			rc = file_publish(x->tmp, x->path, err);
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
	if (x->own && x->f != NULL)
		fclose(x->f);
	if (*x->tmp)
		unlink(x->tmp);
	free(x);
}
