/* service_words.h - demo data, and the words, counts, money and dates
 * a person reads and types, with the text checks the use cases share.
 *
 * Part of service.h: include service.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_SERVICE_WORDS_H
#define PAYDESK_SERVICE_WORDS_H

/* Demo data: returns 1 if loaded, 0 if it was already there. */
int svc_demo(struct svc *s, struct pd_err *err);
/* The demo users, for `paydesk demo` to print. */
struct demo_user {
	const char *username, *full_name, *role, *pin;
};
const struct demo_user *svc_demo_users(size_t *n);

/* A word paydesk stored in the ledger in fixed English (an automatic
 * credit note's reason "Overpayment" and remarks "Overpayment on receipt
 * R-1", a gateway payment's notes, "System" as the one who received it;
 * the table in src/service/words.c) in the operator's language; text it
 * does not know (typed by a person) as stored. The result is s, static
 * or catalogue storage, or buf (n bytes, 512 hold any). Issue 25. */
const char *svc_word(const char *s, char *buf, size_t n);
/* Print a command line's synopsis s to f with its placeholders (the
 * capitals: ACCOUNT, FILE, AMOUNT ...) in the operator's words, the rest
 * as typed (paydesk help, paydesk-central --help). */
void svc_synopsis(FILE *f, const char *s);
/* svc_word in language l (NULL: English), for documents and workbooks. */
const char *svc_word_in(
    const struct i18n_lang *l, const char *s, char *buf, size_t n);

/* A list or table header translated: in the context "column" (NC_())
 * if the catalogue has it there, else as marked with N_(); "" stays "".
 * A header carrying its own context ("aging" EOT "Age", tui.h KC_()) is
 * looked up in it alone, the word alone where the catalogue lacks it: an
 * English header of two meanings ("Age": days, or an aging bucket) gets
 * one translation each (issue 25 review). Static or catalogue storage. */
const char *svc_column_header(const char *h);
/* A payment's allocation rule as named with it: the rule's name, and
 * "+" when first (an arrangement's installments were paid before what
 * is not overdue: alloc.h, struct pay_quote's first). */
void svc_alloc_rule_name(int rule, int first, char *buf, size_t n);
/* A payment's rule (its name, as svc_alloc_rule_name writes it) in the
 * reader's words: "Oldest due first", "Oldest due first; an
 * arrangement's installments before what is not overdue"; a name no
 * rule has as it is. Returns buf. */
const char *svc_alloc_rule_words(const char *name, char *buf, size_t n);
/* Money as text with the configured symbol and digits ("$1,234.50"). */
char *svc_money(const struct svc *s, char *buf, size_t n, int64_t v);

/* A count a person reads ("12,345 payments", the chart's "9,999M") in
 * the organisation's grouping: its separator and 3 or 3,2 (Indian)
 * groups ("12.345", "1,23,456"; issue 25). Machine output (JSON, CSV,
 * xlsx) writes counts as plain integers instead. Returns buf; n >=
 * SVC_COUNT_BUFSZ holds any int64_t. */
#define SVC_COUNT_BUFSZ 48
char *svc_count(const struct svc *s, char *buf, size_t n, int64_t v);

/* Money typed by a person (a field on a screen, a CLI option) into minor
 * units, in the organisation's format; `what` names the field in the
 * message. Errors as money_parse: PD_EINVAL saying what was wrong. */
int svc_money_parse(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err);

/* Money without the symbol in the organisation's format: grouped
 * ("1.234,50", for large digits beside the symbol) or not ("1234,50",
 * what a field is filled with: a person types the same). */
char *svc_money_bare(
    const struct svc *s, char *buf, size_t n, int64_t v, int grouped);

/* Money given on a command line (--amount and the like): the machine
 * format 1234.50 always, the organisation's format too ("1.234,50" in a
 * de-style organisation); text both read differently ("1.500" with 3
 * minor digits in a '.' grouping organisation) is refused as ambiguous.
 * Errors: PD_EINVAL with the organisation's reason. */
int svc_money_arg(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err);

/* A date "YYYY-MM-DD" (or a timestamp "YYYY-MM-DDTHH:MM:SS...", of which
 * the date is taken) as a person reads it on screens and documents, in
 * the organisation's date format. Text that is not a date is copied as
 * it is. Returns buf; n >= SVC_DATE_BUFSZ holds any result. */
#define SVC_DATE_BUFSZ 32
char *svc_date(const struct svc *s, char *buf, size_t n, const char *iso);
/* A timestamp "YYYY-MM-DDTHH:MM[:SS]..." as date and time ("HH:MM") for
 * people, the date as svc_date; n >= SVC_DATE_BUFSZ. */
char *svc_datetime(const struct svc *s, char *buf, size_t n, const char *ts);
/* A timestamp "YYYY-MM-DDTHH:MM..." as day, month and time ("20/04
 * 10:00"), the day and month in the organisation's date format without
 * the year (date_format_day_month); what is not a timestamp as
 * svc_datetime. For the header when the full date does not fit (issue 25
 * review). n >= SVC_DATE_BUFSZ. */
char *svc_datetime_short(
    const struct svc *s, char *buf, size_t n, const char *ts);
/* A timestamp "YYYY-MM-DD HH:MM:SS" (or with a T) as people read it on
 * details and documents: the date as svc_date, the time as it is, to the
 * second ("20/04/2025 10:00:00"); text that is not a timestamp as it is.
 * n >= SVC_DATE_BUFSZ. */
char *svc_timestamp(const struct svc *s, char *buf, size_t n, const char *ts);
/* A date typed by a person (a form field, --from, --to, --date): in the
 * organisation's date format, or YYYY-MM-DD always; written into iso as
 * "YYYY-MM-DD". Errors: PD_EINVAL naming what, the text and the format
 * expected (date_parse_pattern). */
int svc_date_parse(const struct svc *s, const char *text, const char *what,
    char iso[11], struct pd_err *err);
/* A month typed by a person in the organisation's date format without
 * the day (DD/MM/YYYY: 04/2025), or as YYYY-MM, into iso "YYYY-MM";
 * refused with PD_EINVAL naming what (month_parse_pattern). */
int svc_month_parse(const struct svc *s, const char *text, const char *what,
    char iso[8], struct pd_err *err);
/* A month "YYYY-MM" as people read it: its name in the reader's language
 * and the year ("April 2025", "abril 2025"); text that is not a month as
 * it is. n >= SVC_DATE_BUFSZ. */
char *svc_month_name(
    const struct svc *s, char *buf, size_t n, const char *month);
/* A bill's period as people read it: one stored "YYYY-MM" (the demo's,
 * an import's) as the month's short name and the year in the reader's
 * language ("Mar 2026", "mar 2026", "mars 2026"); any other text (an
 * import's "March 2026") as it is. JSON, CSV and the store keep what is
 * stored. svc_period_in: in a document's language L. n >= 32. Issue 25. */
char *svc_period(const struct svc *s, char *buf, size_t n, const char *period);
char *svc_period_in(const struct svc *s, const struct i18n_lang *L, char *buf,
    size_t n, const char *period);
/* A number given in tenths (123 is 12.3: a percentage, days) with the
 * organisation's decimal and grouping separators ("12,3", "1 234,5");
 * '-' first when negative. n >= 48. */
char *svc_tenths(const struct svc *s, char *buf, size_t n, int64_t tenths);
/* Display columns of the widest percentage a column shows, given the
 * largest value in tenths it can hold (1000 for a share: "100,0 %" is 7
 * columns in es and fr, "100.0%" 6 in en): a column of percentages is
 * laid out from this, in the screens' language (issue 25). */
int svc_percent_columns(const struct svc *s, int64_t max_tenths);
/* A percentage given in tenths (123: 12.3) as its reader's language
 * writes it: svc_tenths's number, then % by the catalogue's one rule
 * (msgctxt "percent", "%s%%": en 12.3%, es 12,3 % with a no-break space,
 * fr 12,3 % with a narrow no-break space, U+202F, as French typography
 * has it; issue 25). svc_percent in the screens' language, for the
 * screens and the command line; svc_doc_percent in a document's (L from
 * svc_doc_lang, NULL: English): the same rule for both. n >= 48. */
char *svc_percent(const struct svc *s, char *buf, size_t n, int64_t tenths);
/* The organisation's date format as a hint for people, in the screens'
 * language's letters (DD/MM/YYYY: fr JJ/MM/AAAA, es DD/MM/AAAA); the
 * same words as the date messages (date_pattern_words). n >= 16. */
char *svc_date_hint(const struct svc *s, char *buf, size_t n);
char *svc_doc_percent(const struct svc *s, const struct i18n_lang *L, char *buf,
    size_t n, int64_t tenths);

/* A list of item references as typed ("A,B,C"): none empty (",", "A,,B"
 * and "A," are a list typed wrong, status 3 naming the place; helper-236,
 * fault 10; helper-250, fault 5: pay took "A,,B"). The items themselves
 * are the use case's to check. */
int svc_check_ref_list(const char *list, struct pd_err *err);
/* Text checks shared by the use cases: UTF-8, at most max characters.
 * what is the field's name as the reader reads it (passed through _()).
 * Blank (spaces, tabs, line ends only) is as empty: refused when
 * required, "is required" when empty, "is blank" when given so. */
int svc_check_text(const char *what, const char *text, int max, int required,
    struct pd_err *err);
/* The same, and the text fits in a buffer of bufsz bytes with its NUL (a
 * note or reason kept in a fixed buffer: the sync record's, the rows'):
 * max characters of letters of 2 to 4 bytes may not; refused with both
 * figures rather than cut inside a letter. */
#define SVC_TEXT_BUFSZ 512 /* a sync record's reason or note */
int svc_check_text_fits(const char *what, const char *text, int max,
    size_t bufsz, int required, struct pd_err *err);

#endif
