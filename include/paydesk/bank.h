/* bank.h - bank statements decoded from the files banks send (issue 20):
 * ISO 20022 camt.053 (libxml2), SWIFT MT940 (aqbanking's "swift"
 * importer), OFX (libofx) and CSV with a column mapping. Pure decoders:
 * bytes in, a struct bank_stmt out, nothing stored.
 *
 * Amounts are int64_t minor units of the organisation's currency
 * (credits positive, debits negative), never a float; a line in another
 * currency, or with more decimals than the currency has, is refused.
 */
#ifndef PAYDESK_BANK_H
#define PAYDESK_BANK_H
#include <stddef.h>
#include <stdint.h>

#include "err.h"

enum bank_format { BANK_GUESS, BANK_CAMT053, BANK_MT940, BANK_OFX, BANK_CSV };

/* One booked line of a statement. Strings are owned, never NULL. */
struct bank_line {
	char booking[11]; /* YYYY-MM-DD */
	char value[11];   /* value date YYYY-MM-DD, "" when the file has none */
	int64_t amount;   /* minor units; credit > 0, debit < 0 */
	char *reference;  /* end-to-end id / customer reference, "" for none */
	char *counterparty;
	char *text;    /* remittance text, purpose */
	char *bank_id; /* the bank's own transaction id, "" for none */
	int reversal;  /* 1: a reversal (camt RvslInd, MT940 RC/RD) */
	char *where;   /* where it is in the file, for messages: "FILE:7",
	                  "Ntry[2]", "FITID 219378" */
};

/* A statement. Strings owned, never NULL ("" when the file has none). */
struct bank_stmt {
	enum bank_format format;
	char *account;         /* IBAN or account number */
	char *stmt_id;         /* the bank's statement id; "" for none */
	char currency[4];      /* ISO 4217 */
	char from[11], to[11]; /* the period, YYYY-MM-DD, "" when unknown */
	int has_opening, has_closing;
	int64_t opening, closing; /* minor units, signed */
	struct bank_line *lines;
	size_t nlines, cap;
};

/* The columns of a CSV mapping (1-based column numbers, 0: none). */
enum bank_col {
	BCOL_DATE,
	BCOL_VALUE_DATE,
	BCOL_AMOUNT, /* signed; or CREDIT and DEBIT columns */
	BCOL_CREDIT,
	BCOL_DEBIT,
	BCOL_REFERENCE,
	BCOL_COUNTERPARTY,
	BCOL_TEXT,
	BCOL_BANK_ID,
	BCOL_CURRENCY,
	BCOL_COUNT
};

/* How a bank writes its CSV export: which column holds what, the
 * separator, the decimal mark, the date layout and header rows. Written
 * and read as "date=1 amount=3 decimal=, separator=; date_format=DD.MM.YYYY
 * header=1" (bank_mapping_parse, bank_mapping_spec). */
struct bank_mapping {
	int col[BCOL_COUNT];
	char separator;       /* ',' ';' '\t' or '|' */
	char decimal;         /* '.' or ',' */
	char date_format[12]; /* YYYY-MM-DD DD.MM.YYYY DD/MM/YYYY MM/DD/YYYY
	                         YYYYMMDD */
	int header;           /* rows to skip at the top (0..9) */
	char encoding[16];    /* "" (UTF-8), "ISO-8859-1", "ISO-8859-15" or
	                         "WINDOWS-1252": the file's bytes are
	                         converted to UTF-8 (iconv) before reading */
};

/* The format's name ("camt053", "mt940", "ofx", "csv"). */
const char *bank_format_name(enum bank_format f);
/* Parse a --format word; -1 with PD_EUSAGE naming the four. */
int bank_format_parse(const char *s, enum bank_format *f, struct pd_err *err);
/* The format the bytes look like (camt053 from its namespace, OFX from
 * its header, MT940 from :20: and :61:/:60F: tags); BANK_GUESS: none. */
enum bank_format bank_format_guess(const char *buf, size_t len);

/* Parse mapping words ("date=1", "decimal=,"), n of them, into m;
 * -1 with PD_EUSAGE naming the word. date and amount (or credit and
 * debit) are required; no column twice. */
int bank_mapping_parse(
    char *const *words, int n, struct bank_mapping *m, struct pd_err *err);
/* The canonical words of m, one space between, into buf (n bytes). */
void bank_mapping_spec(const struct bank_mapping *m, char *buf, size_t n);

/* Decode buf (len bytes) of the file called name (for messages) as a
 * statement of format fmt (BANK_GUESS: bank_format_guess). currency and
 * digits are the organisation's: every amount must be in that currency
 * and have at most that many decimals. A camt.053 of no entries (a day
 * of no movement) is a statement of no lines; a file of another format
 * with none is refused. map is the CSV mapping (NULL for
 * the other formats; required for CSV). On failure -1, *out freed, and
 * err (PD_EINVAL) names the first bad entry: "name:LINE: ..." for CSV,
 * "name: Stmt/Ntry[3]/Amt: ..." for camt.053, "name: FITID X: ..." for
 * OFX; aqbanking does not say where an MT940 file went wrong, so its
 * messages name the file and, where it can, the transaction. */
int bank_decode(const char *buf, size_t len, const char *name,
    enum bank_format fmt, const struct bank_mapping *map, const char *currency,
    int digits, struct bank_stmt *out, struct pd_err *err);
void bank_stmt_free(struct bank_stmt *s);

/* The hex SHA-256 over the statement's account and lines (dates, amount,
 * reference, bank id, text), and for a statement of no lines its period
 * and balances: the identity of a statement whose format gives none. */
void bank_stmt_hash(const struct bank_stmt *s, char hex[65]);

#endif
