/* internal.h - what the bank statement decoders share; not public. */
#ifndef PAYDESK_BANK_INTERNAL_H
#define PAYDESK_BANK_INTERNAL_H
#include "paydesk/bank.h"

/* A new line at the end of s: zeroed, its strings "" (owned). */
struct bank_line *bank_line_add(struct bank_stmt *s);
/* Replace *dst (owned) with a copy of v (NULL: ""), spaces trimmed and
 * runs of white space (line breaks of fields that span lines) made one
 * space. */
void bank_set(char **dst, const char *v);
/* bank_set with line breaks dropped, not made spaces: SWIFT cuts a field
 * into lines of 65 characters anywhere, inside a word too. */
void bank_set_joined(char **dst, const char *v);
/* An unsigned decimal amount "1405.31" / "1,56" with decimal mark dec
 * (and, for '.', no other mark) in minor units of a currency of digits
 * decimals; trailing zero decimals beyond digits are allowed, other
 * digits are not. A leading '-' (allow_sign) negates. -1 with PD_EINVAL
 * "amount \"S\": ..." in err. No float. */
int bank_amount(const char *s, char dec, int allow_sign, int digits,
    int64_t *out, struct pd_err *err);
/* A date "YYYY-MM-DD" (the first 10 characters of s; a time after it is
 * ignored) checked into out; -1 with PD_EINVAL. */
int bank_iso_date(const char *s, char out[11], struct pd_err *err);
/* 1 if currency code s is ISO 4217 shaped (three capitals). */
int bank_currency_ok(const char *s);

int bank_camt(const char *buf, size_t len, const char *name,
    const char *currency, int digits, struct bank_stmt *out,
    struct pd_err *err);
int bank_ofx(const char *buf, size_t len, const char *name,
    const char *currency, int digits, struct bank_stmt *out,
    struct pd_err *err);
int bank_mt940(const char *buf, size_t len, const char *name,
    const char *currency, int digits, struct bank_stmt *out,
    struct pd_err *err);
/* What aqbanking read (out) checked against the MT940 file's own :60F:,
 * :61: and :62F: fields (syntax, days, marks, the balances adding up);
 * out->opening set from the first :60F:. -1 with PD_EINVAL naming the
 * file, the :61: and its line. buf[len] must be a NUL (svc_read_file's
 * buffers are): a field is read up to the first byte that does not fit
 * it. mt940_raw.c. */
int bank_mt940_check(const char *buf, size_t len, const char *name, int digits,
    struct bank_stmt *out, struct pd_err *err);
/* The MT940 file's own :60F:, :61: and :62F: fields alone, checked as
 * bank_mt940_check does: what a file aqbanking refused has wrong, named
 * by the file, the :61: (its number and the bank's reference it writes)
 * and its line; 0 when they are well formed. */
int bank_mt940_fields(const char *buf, size_t len, const char *name, int digits,
    struct pd_err *err);
/* The line in the file of each :61: (n of them), as bank_mt940_fields
 * reads them, for a refusal of what aqbanking read to name it (s72 h8
 * fault 5); NULL when they are not well formed. Free the result. */
int *bank_mt940_lines(
    const char *buf, size_t len, const char *name, int digits, size_t *n);
/* The line and currency of the first opening balance (:60F:/:60M:) and
 * of the last closing one (:62F:/:62M:), as the file writes them, for a
 * refusal of their currency to name the line (s72 h12 fault 4); lines
 * 0 and currencies "" when the fields are not well formed. */
struct mt940_balances {
	int open_line, close_line;
	char open_cur[4], close_cur[4];
};
void bank_mt940_balances(const char *buf, size_t len, const char *name,
    int digits, struct mt940_balances *b);
int bank_csv(const char *buf, size_t len, const char *name,
    const struct bank_mapping *map, const char *currency, int digits,
    struct bank_stmt *out, struct pd_err *err);

#endif
