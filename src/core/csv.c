/* csv.c - RFC 4180 CSV reader: quoted fields, "" escapes, CRLF or LF. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/csv.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

void
csv_init(struct csv_reader *r, const char *buf, size_t len)
{
	r->p = buf;
	r->end = buf + len;
	r->line = 1;
	r->sep = ',';
	/* a UTF-8 byte order mark is tolerated at the very start */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
}

static void
row_push(struct csv_row *row, const char *s, size_t len, int col)
{
	if (row->n == row->cap) {
		row->cap = row->cap ? row->cap * 2 : 8;
		row->fields =
		    xrealloc(row->fields, row->cap, sizeof *row->fields);
		row->cols = xrealloc(row->cols, row->cap, sizeof *row->cols);
	}
	row->fields[row->n] = xmalloc(len + 1);
	memcpy(row->fields[row->n], s, len);
	row->fields[row->n][len] = '\0';
	row->cols[row->n] = col;
	row->n++;
}

static void
row_reset(struct csv_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++)
		free(row->fields[i]);
	row->n = 0;
}

void
csv_row_free(struct csv_row *row)
{
	row_reset(row);
	free(row->fields);
	free(row->cols);
	memset(row, 0, sizeof *row);
}

/* The bytes of the field being read, reused from field to field. */
struct field {
	char *buf;
	size_t len, cap;
};

static void
field_add(struct field *f, char c)
{
	if (f->len + 1 >= f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->buf = xrealloc(f->buf, f->cap, 1);
	}
	f->buf[f->len++] = c;
}

/* A quoted field, r->p on its opening quote: up to and past the closing
 * quote, with "" as one quote; the field may span lines (*line_start
 * follows them). */
static int
read_quoted(struct csv_reader *r, struct field *f, const char **line_start,
    const struct csv_row *row, int col, struct pd_err *err)
{
	r->p++;
	for (;;) {
		if (r->p >= r->end)
			return pd_fail(err, PD_EINVAL,
			    _("%d:%d: quoted field is not closed"), row->line,
			    col);
		if (*r->p == '"') {
			if (r->p + 1 < r->end && r->p[1] == '"') {
				r->p += 2;
				field_add(f, '"');
				continue;
			}
			r->p++;
			break;
		}
		if (*r->p == '\n') {
			r->line++;
			*line_start = r->p + 1;
		}
		if (*r->p == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("%d: NUL byte in the file"), r->line);
		field_add(f, *r->p++);
	}
	if (r->p < r->end && *r->p != r->sep && *r->p != '\n' && *r->p != '\r')
		return pd_fail(err, PD_EINVAL,
		    _("%d:%d: text after the closing quote"), r->line,
		    (int)(r->p - *line_start) + 1);
	return 0;
}

/* An unquoted field: up to the next comma or end of line. */
static int
read_plain(struct csv_reader *r, struct field *f, const char *line_start,
    struct pd_err *err)
{
	while (r->p < r->end && *r->p != r->sep && *r->p != '\n' &&
	       *r->p != '\r') {
		if (*r->p == '"')
			return pd_fail(err, PD_EINVAL,
			    _("%d:%d: quote inside an unquoted "
			      "field (quote the whole field and double the "
			      "quote)"),
			    r->line, (int)(r->p - line_start) + 1);
		if (*r->p == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("%d: NUL byte in the file"), r->line);
		field_add(f, *r->p++);
	}
	return 0;
}

/* Skip the blank lines between records; 0 at the end of the input. */
static int
skip_blank(struct csv_reader *r)
{
	while (r->p < r->end && (*r->p == '\n' || *r->p == '\r')) {
		if (*r->p == '\n')
			r->line++;
		r->p++;
	}
	return r->p < r->end;
}

int
csv_next(struct csv_reader *r, struct csv_row *row, struct pd_err *err)
{
	struct field f = {NULL, 0, 0};
	const char *line_start;
	int col, rc;

	row_reset(row);
	if (!skip_blank(r))
		return 0;
	row->line = r->line;
	line_start = r->p;
	for (;;) {
		col = (int)(r->p - line_start) + 1;
		f.len = 0;
		if (r->p < r->end && *r->p == '"')
			rc = read_quoted(r, &f, &line_start, row, col, err);
		else
			rc = read_plain(r, &f, line_start, err);
		if (rc == 0 && !utf8_valid(f.buf ? f.buf : "", f.len))
			rc = pd_fail(err, PD_EINVAL, _("%d:%d: invalid UTF-8"),
			    row->line, col);
		if (rc != 0) {
			free(f.buf);
			return -1;
		}
		row_push(row, f.buf ? f.buf : "", f.len, col);
		if (r->p < r->end && *r->p == r->sep) {
			r->p++;
			continue;
		}
		break;
	}
	if (r->p < r->end && *r->p == '\r')
		r->p++;
	if (r->p < r->end && *r->p == '\n') {
		r->p++;
		r->line++;
	}
	free(f.buf);
	return 1;
}
