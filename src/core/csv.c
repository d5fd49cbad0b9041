/* csv.c - RFC 4180 CSV reader: quoted fields, "" escapes, CRLF or LF. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/csv.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

void
csv_init(struct csv_reader *r, const char *buf, size_t len)
{
	r->p = buf;
	r->end = buf + len;
	r->line = 1;
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

int
csv_next(struct csv_reader *r, struct csv_row *row, struct pd_err *err)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	const char *line_start = r->p;
	int col, quoted, done = 0;

	row_reset(row);
	/* skip blank lines between records */
	while (r->p < r->end && (*r->p == '\n' || *r->p == '\r')) {
		if (*r->p == '\n') {
			r->line++;
		}
		r->p++;
	}
	if (r->p >= r->end)
		return 0;
	row->line = r->line;
	line_start = r->p;
	while (!done) {
		col = (int)(r->p - line_start) + 1;
		len = 0;
		quoted = r->p < r->end && *r->p == '"';
		if (quoted) {
			r->p++;
			for (;;) {
				if (r->p >= r->end) {
					free(buf);
					return pd_fail(err, PD_EINVAL,
					    "line %d, column %d: quoted field "
					    "is not closed",
					    row->line, col);
				}
				if (*r->p == '"') {
					if (r->p + 1 < r->end &&
					    r->p[1] == '"') {
						r->p += 2;
						goto addq;
					}
					r->p++;
					break;
				}
				if (*r->p == '\n') {
					r->line++;
					line_start = r->p + 1;
				}
				if (*r->p == '\0') {
					free(buf);
					return pd_fail(err, PD_EINVAL,
					    "line %d: NUL byte in the file",
					    r->line);
				}
				r->p++;
				if (len + 1 >= cap) {
					cap = cap ? cap * 2 : 64;
					buf = xrealloc(buf, cap, 1);
				}
				buf[len++] = r->p[-1];
				continue;
			addq:
				if (len + 1 >= cap) {
					cap = cap ? cap * 2 : 64;
					buf = xrealloc(buf, cap, 1);
				}
				buf[len++] = '"';
			}
			if (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
			    *r->p != '\r') {
				free(buf);
				return pd_fail(err, PD_EINVAL,
				    "line %d, column "
				    "%d: text after the closing quote",
				    r->line, (int)(r->p - line_start) + 1);
			}
		} else {
			while (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
			       *r->p != '\r') {
				if (*r->p == '"') {
					free(buf);
					return pd_fail(err, PD_EINVAL,
					    "line %d, column %d: quote inside "
					    "an unquoted field (quote the "
					    "whole "
					    "field and double the quote)",
					    r->line,
					    (int)(r->p - line_start) + 1);
				}
				if (*r->p == '\0') {
					free(buf);
					return pd_fail(err, PD_EINVAL,
					    "line %d: NUL byte in the file",
					    r->line);
				}
				if (len + 1 >= cap) {
					cap = cap ? cap * 2 : 64;
					buf = xrealloc(buf, cap, 1);
				}
				buf[len++] = *r->p++;
			}
		}
		if (!utf8_valid(buf ? buf : "", len)) {
			free(buf);
			return pd_fail(err, PD_EINVAL,
			    "line %d, column %d: "
			    "invalid UTF-8",
			    row->line, col);
		}
		row_push(row, buf ? buf : "", len, col);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == '\r')
			r->p++;
		if (r->p < r->end && *r->p == '\n') {
			r->p++;
			r->line++;
		}
		done = 1;
	}
	free(buf);
	return 1;
}
