/* csv.h - RFC 4180 reader over a buffer in memory, with line numbers. */
#ifndef PAYDESK_CSV_H
#define PAYDESK_CSV_H
#include <stddef.h>
#include "err.h"

struct csv_reader {
	const char *p, *end;
	int line; /* line the next row starts on, 1-based */
	char sep; /* the field separator: ',' (csv_init) or set after it */
};

struct csv_row {
	char **fields; /* each field is owned by the row */
	int *cols;     /* 1-based column (character) where each field starts */
	size_t n, cap;
	int line; /* line the row started on */
};

void csv_init(struct csv_reader *r, const char *buf, size_t len);
/* Read one row into row (reusing its storage). Returns 1 for a row, 0 at the
 * end, -1 on malformed input (unterminated quote, text after a closing
 * quote, NUL byte, invalid UTF-8) with "line L, column C: ..." in err. */
int csv_next(struct csv_reader *r, struct csv_row *row, struct pd_err *err);
void csv_row_free(struct csv_row *row);

#endif
