/* search.h - the rules a search and a payment reference follow, shared by
 * the store's queries, the service's checks and the central node's
 * validation of pushed records. Pure: no I/O. */
#ifndef PAYDESK_SEARCH_H
#define PAYDESK_SEARCH_H

#include <stddef.h>

#include "err.h"
#include "model.h"

/* Longest organisation calling code ("1", "44", "351"): digits. */
#define PHONE_CC_MAX 4

/* The digits of a phone number or of what a person typed for one, as
 * the consumer search compares them: every character but 0-9 dropped,
 * and when the text starts (after spaces) with "+" or "00" followed by
 * cc, the organisation's calling code (digits, may be "" for none), that
 * code dropped too, so "+1 555 123 4567", "+15551234567" and
 * "001 (555) 123-4567" all give "5551234567" with cc "1", like a stored
 * "(555) 123-4567"; so does the code as the first group of digits ("1
 * 555 123 4567", "44 20 7946 0000" with cc "44"). The text is first
 * folded by search_number (fullwidth digits). Another code ("+44 ..."
 * with cc "1") is kept. out holds n bytes
 * (n >= 1); longer digits are cut. Issue 17 section 1. */
void search_phone_digits(const char *text, const char *cc, char *out, size_t n);

/* What a person typed for a number (a document number, a phone, an
 * account), folded to the ASCII the stored numbers are written in:
 * compatibility-composed (NFKC: fullwidth "ＩＮＶ－００６" is
 * "INV-006") and every dash (U+2010-2015, U+2212, U+FE63) a "-". A bad
 * UTF-8 sequence leaves the text as it is. Returns a new string the
 * caller frees. Issue 17 review, point 8. */
char *search_number(const char *text);

/* What a person pasted into a lookup or a search field, without the
 * white space around it (ASCII spaces, tabs and line ends, no-break,
 * narrow no-break, thin, zero-width and ideographic spaces): a value
 * copied from a PDF, a mail or a spreadsheet cell. Issue 17. Returns a
 * new string the caller frees. */
char *search_trim(const char *text);

/* The same without any of that white space inside either: a document
 * number copied from a PDF with a break in it ("R-T01- 004567"), folded
 * by search_number. Document numbers hold none. Returns a new string the
 * caller frees. */
char *search_squeeze(const char *text);

/* The number-like key of a document number or a reference, for
 * comparing what a person typed with what is stored: ASCII letters in
 * capitals, nothing else changed. out holds n bytes (n >= 1). */
void search_upper(const char *text, char *out, size_t n);

/* Whether ref is a valid payment reference (a card authorisation code,
 * a cheque number, a transfer or gateway id; seed 001's Transaction
 * Reference): 1 to PAYREF_MAX printable ASCII characters (space to ~),
 * not starting or ending with a space. 0, or -1 with PD_EINVAL and a
 * message naming what is wrong. "" is not valid: whether a reference
 * may be absent is the method's rule (enum payref_rule). */
int payref_check(const char *ref, struct pd_err *err);

/* Whether a method takes a reference: none (cash), optional, required.
 * The default for a method of kind card, bank or online is optional, for
 * cash none ([payments] methods, Name:kind:rule). */
enum payref_rule { PAYREF_NONE, PAYREF_OPTIONAL, PAYREF_REQUIRED };

/* The rule of a method of kind k that names none. */
enum payref_rule payref_default(enum method_kind k);
/* "none", "optional", "required". */
const char *payref_rule_name(enum payref_rule r);
/* The rule named s, or -1. */
int payref_rule_parse(const char *s);

#endif
