/* numfmt.h - document number formats.
 *
 * A format is text with tokens: {YYYY} {YY} {MM} year and month of the
 * document date, {TERM} terminal id, {BRANCH} branch id, {SEQ} or {SEQ:n}
 * the sequence zero-padded to n digits. Example: "PAY-{TERM}-{YYYY}-{SEQ:6}".
 * A format with a year (or year and month) token restarts its sequence each
 * year (month); the scope string names the period the sequence belongs to.
 */
#ifndef PAYDESK_NUMFMT_H
#define PAYDESK_NUMFMT_H
#include <stddef.h>
#include <stdint.h>
#include "err.h"

#define NUMFMT_BUFSZ 64

struct numfmt_ctx {
	const char *date;     /* YYYY-MM-DD of the document */
	const char *terminal; /* terminal id */
	const char *branch;   /* branch id */
};

/* Check tokens, one {SEQ}, a {TERM} (numbers must be unique across the
 * terminals of an organisation) and the rendered length, and a separator
 * (a literal neither letter nor digit) between {TERM} and {SEQ}, with no
 * {BRANCH} between them, so that no terminal code runs into a sequence. */
int numfmt_validate(const char *fmt, struct pd_err *err);
/* The n of fmt's {SEQ:n} (0 for {SEQ} or none). Posting refuses a
 * sequence past n digits: a longer number could meet another. */
int numfmt_seq_width(const char *fmt);
/* Period key of the sequence for this date: "2025", "2025-04" or "". */
void numfmt_scope(const char *fmt, const char *date, char *scope, size_t n);
/* Render the number for sequence value seq (>= 1). */
int numfmt_render(const char *fmt, const struct numfmt_ctx *ctx, int64_t seq,
    char *out, size_t n, struct pd_err *err);
/* Whether number is one fmt renders with ctx (terminal, branch and the
 * document's date; a NULL date matches any year and month) for some
 * sequence, written exactly so ({SEQ:6} pads to 6 digits); *seq (may be
 * NULL) gets that sequence. The central node
 * checks that a terminal's records carry numbers of its own series (issue
 * 18, part 1; DESIGN.md rule 5), a terminal that a pulled record does
 * not claim its own. Fails with PD_EINVAL naming the series and its
 * first number. */
int numfmt_match(const char *fmt, const struct numfmt_ctx *ctx,
    const char *number, int64_t *seq, struct pd_err *err);

#endif
