/* internal.h - what the PDF and text renderers share; not public. */
#ifndef PAYDESK_DOC_INTERNAL_H
#define PAYDESK_DOC_INTERNAL_H
#include <stdint.h>

#include "paydesk/doc.h"

/* Width of n bytes of text in the renderer's unit. */
typedef double (*doc_measure_fn)(void *ctx, const char *s, size_t n);

/* One wrapped line: n bytes from s. */
struct doc_span {
	const char *s;
	size_t n;
};

/* Break text into lines no wider than width: at spaces where possible,
 * inside a word only when the word alone is wider; '\n' always breaks.
 * Returns the number of lines (at least 1); *lines is malloc'd. */
size_t doc_wrap(const char *text, double width, doc_measure_fn m, void *ctx,
    struct doc_span **lines);

/* The data rows of an xlsx export's one sheet, written as they come to a
 * temporary file (xlsx_sheet.c): xsheet_row starts row (0-based), each
 * cell is given by its column (0-based), its style's xf index (0: none)
 * and its number's text or its string; xsheet_row_end writes the row
 * (none if it has no cell), 0 or -1 on a write error. xsheet_close puts
 * the rows into the sheet of the closed workbook at path (shown: its name
 * for messages) with its dimension to ncols columns: 0, or -1 with
 * PD_EDOC and the workbook left as it was. NULL from xsheet_new, with
 * PD_EDOC naming shown: a library or the temporary file missing. */
struct xsheet;
struct xsheet *xsheet_new(const char *shown, struct pd_err *err);
void xsheet_row(struct xsheet *x, int64_t row);
void xsheet_num(struct xsheet *x, int col, int xf, const char *num);
void xsheet_str(struct xsheet *x, int col, int xf, const char *s);
int xsheet_row_end(struct xsheet *x);
void xsheet_row_drop(struct xsheet *x); /* the row begun, not written */
int xsheet_close(struct xsheet *x, int ncols, const char *path,
    const char *shown, struct pd_err *err);
void xsheet_free(struct xsheet *x);

/* The row's strings, never NULL. */
#define DOC_S(p) ((p) != NULL ? (p) : "")

#endif
