/* export.h - tables written as CSV (RFC 4180, UTF-8, CRLF, amounts as
 * plain decimals) or as an Excel workbook (.xlsx, libxlsxwriter in its
 * constant memory mode: amounts are number cells with a currency format,
 * dates are date cells, a bold header row, frozen panes, column widths).
 *
 * Rows are streamed: memory stays flat however many there are. A file is
 * written under a temporary name beside its final one and appears under
 * that name only when export_close() succeeds; export_abort() (a cancel,
 * an error) leaves nothing behind.
 */
#ifndef PAYDESK_EXPORT_H
#define PAYDESK_EXPORT_H
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "i18n.h"

enum xkind {
	X_TEXT,   /* cell.s */
	X_MONEY,  /* cell.n, minor units; none (empty, null) when cell.s is set
	           */
	X_INT,    /* cell.n; none (empty, JSON null) when cell.s is set */
	X_DATE,   /* cell.s, "YYYY-MM-DD" or "" */
	X_TENTHS, /* cell.n, a number with one decimal (12.3% as 123) */
	X_TIME,   /* cell.s, "YYYY-MM-DD HH:MM:SS" or "": as it is in CSV,
	             JSON and xlsx, in the organisation's date format for
	             people */
	/* cell.s, a stored word of the ledger (pay_status_name,
	 * pay_type_name, credit_status_name: English, data): a person's
	 * view (the screens, the CLI's tables) shows it translated, the
	 * machine output (JSON, CSV, xlsx) as stored; issue 25 */
	X_TERM,
	/* cell.n, a percentage in tenths (12.3% as 123) shown with its
	 * sign in the reader's language (svc_percent), a number in the
	 * machine outputs; below 0: none (empty, JSON null) */
	X_PERCENT,
	/* cell.s, an identifier a person types back (a receipt, credit
	 * note, account, item, arrangement, dispute, Z or slip number, a
	 * reference, a username, a code): as X_TEXT everywhere, but never
	 * cut in the CLI's text tables, which have nothing to scroll (its
	 * column widens to the widest); review R23 15 */
	X_ID,
	/* cell.n, a number a person types back (an alert's, a gateway
	 * payment's or a statement line's ID): its digits as they are
	 * everywhere, never grouped ("1089", not "1,089", which the
	 * commands that take it refuse: review s48) */
	X_NUMBER,
	/* cell.s, a list of figures or words separated by ", " (a
	 * consumer's days to pay "3, 9, 19", the aging buckets "Current,
	 * 1-30"): as X_TEXT in the text, CSV and the workbook (a cell a
	 * person reads); in JSON an array of them, each a number when it is
	 * a whole number, else a string (issue 23: "3, 9, 19" was one string
	 * a program had to split) */
	X_LIST,
	/* cell.n, yes (not 0) or no: a JSON boolean; "true" or "false" (s)
	 * in CSV and the workbook; "yes" or nothing for people */
	X_BOOL
};

/* A column of a listing: the same table drives the screen, the CLI's
 * text/JSON/CSV output and the exports. */
struct xcol {
	const char *header; /* "Receipt #" */
	const char *key;    /* JSON key and CSV header: "receipt_no" */
	enum xkind kind;
	int width; /* characters on screen and in the workbook */
	int min;   /* the least a narrow screen gives it (0: width; -1:
	              never cut, shown whole or hidden: a name from a short
	              list such as a payment method; X_TERM never is) */
};

struct xcell {
	const char *s;
	int64_t n;
	/* X_TERM: the word as stored and filtered on, for CSV and JSON,
	 * when s is a label that is not that word (an alert's status
	 * "open", shown "Open"; a dispute's reason "bounced-cheque", shown
	 * "Bounced cheque"); NULL: the word of s (i18n_term_word).
	 * helper-235, fault 6 of issue 21; X_LIST: the stored words of
	 * the list for CSV and JSON when s shows them translated */
	const char *word;
};

/* The word of an X_TERM cell c in CSV and JSON: c->word, else the word
 * of its term; "" when it has none. */
static inline const char *
xcell_word(const struct xcell *c)
{
	if (c->word != NULL)
		return c->word;
	return c->s != NULL ? i18n_term_word(c->s) : "";
}

enum export_format { EXPORT_CSV, EXPORT_XLSX };

struct export_opts {
	enum export_format format;
	const char *sheet;  /* workbook sheet name ("Payments") */
	const char *symbol; /* currency symbol for the xlsx number format */
	int digits;         /* minor digits (2) */
	int key_headers;    /* CSV header row of keys instead of headers */
	/* the language of the workbook's header row (a person reads it):
	 * the headers are translated, each column at least as wide as its
	 * header; NULL: English. CSV is machine format: its header row is
	 * always the English headers (or the keys). */
	const struct i18n_lang *lang;
	int symbol_after;  /* 1: the xlsx symbol after the number ("1,234.50
	                      €"), as [organisation] currency_position = after */
	int symbol_space;  /* 1: a space between symbol and number
	                      (currency_space = yes) */
	int group2;        /* 2: Indian grouping (12,34,567.89, [organisation]
	                      grouping = 3,2) in the xlsx number formats;
	                      else 3 (1,234,567.89) */
	int replace_links; /* enum file_links: an output path that is a
	                      symbolic link replaced (1) or refused (0) */
	/* a workbook's heading block (issue 23: what an analysis report
	 * covers, for the reader who opens it later): nheading pairs,
	 * heading[2i] a label and heading[2i+1] its value, one a row in
	 * columns A and B above the header row, a blank row between;
	 * nheading 0: the header is the first row. CSV has none: its first
	 * row stays the header, for the programs that read it. */
	const char *const *heading;
	int nheading;
};

struct exporter;

/* Open path for writing (CSV only: path NULL writes to out). Errors are
 * PD_EDOC and name the file. */
struct exporter *export_open(const char *path, FILE *out,
    const struct export_opts *o, const struct xcol *cols, int ncols,
    struct pd_err *err);
/* Write one row of ncols cells. */
int export_row(
    struct exporter *x, const struct xcell *cells, struct pd_err *err);
/* Rows written so far. */
int64_t export_rows(const struct exporter *x);
/* Finish: the file appears under its name. Frees x either way. */
int export_close(struct exporter *x, struct pd_err *err);
/* Give up: the temporary file is removed. Frees x. */
void export_abort(struct exporter *x);

/* The format a file name asks for by its extension (.csv, .xlsx); -1 if
 * neither. */
int export_format_of(const char *path);

#endif
