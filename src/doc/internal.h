/* internal.h - what the PDF and text renderers share; not public. */
#ifndef PAYDESK_DOC_INTERNAL_H
#define PAYDESK_DOC_INTERNAL_H
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

/* The row's strings, never NULL. */
#define DOC_S(p) ((p) != NULL ? (p) : "")

#endif
