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

/* Rewrite the closed workbook at path (shown: its name for messages) so
 * that the number cells of the columns in cols (bit i: column i, at most
 * 64) hold their exact decimals, digits[i] of them, instead of
 * libxlsxwriter's "%.16G" of a double (77.23999999999999 for 77.24).
 * 0, or -1 with PD_EDOC and the workbook left as it was (xlsx_exact.c). */
int xlsx_exact(const char *path, const char *shown, uint64_t cols,
    const int *digits, struct pd_err *err);

/* The row's strings, never NULL. */
#define DOC_S(p) ((p) != NULL ? (p) : "")

#endif
