/* doc.h - documents (receipts, credit notes) as a list of rows, rendered
 * as PDF (libharu, embedded TrueType fonts, UTF-8) or as plain text for
 * line printers and previews. The service decides what a document says;
 * this layer decides only how it looks on a page or a roll.
 */
#ifndef PAYDESK_DOC_H
#define PAYDESK_DOC_H
#include <stddef.h>
#include "err.h"
#include "i18n.h"

enum doc_row_kind {
	DOC_HEADING, /* a section title with a rule */
	DOC_FIELD,   /* label and value; the value wraps */
	DOC_LINE,    /* an item line: text, detail, two amounts */
	DOC_TOTAL,   /* label and value, emphasised */
	DOC_PARA     /* label, then free text wrapped under it */
};

struct doc_row {
	enum doc_row_kind kind;
	char *a, *b; /* label and value; for DOC_LINE text and detail */
	char *c, *d; /* DOC_LINE: the two amounts */
};

/* A banner across the document: VOID, COPY, PREVIEW. */
struct doc_mark {
	char *word;   /* "VOID" */
	char *detail; /* "voided 2025-04-21 10:02 by Mary Johnson: ..." */
	int alert;    /* drawn in red (VOID), whatever the word's language */
};

#define DOC_MARKS_MAX 3

struct doc {
	char *org_name, *org_address;
	char *title;   /* "RECEIPT", "CREDIT NOTE" */
	char *number;  /* the document number */
	char *badge;   /* status shown beside the title, or NULL */
	char *cols[2]; /* DOC_LINE column headings of the amounts */
	struct doc_mark marks[DOC_MARKS_MAX];
	int nmarks;
	struct doc_row *rows;
	size_t nrows, cap;
	char *footer; /* the system stamp line */
	/* the language of what the renderer adds itself ("Page 1 of 2"):
	 * the document's, not the screens'; NULL: English */
	const struct i18n_lang *lang;
};

enum doc_paper { PAPER_A4, PAPER_LETTER, PAPER_ROLL80 };

/* Building: every string is copied; NULL values print as "". */
void doc_init(struct doc *d, const char *org_name, const char *org_address,
    const char *title, const char *number);
void doc_badge(struct doc *d, const char *badge);
void doc_mark(struct doc *d, const char *word, const char *detail);
/* A mark drawn as an alert (red on the PDF): VOID. */
void doc_alert(struct doc *d, const char *word, const char *detail);
void doc_heading(struct doc *d, const char *title);
void doc_field(struct doc *d, const char *label, const char *value);
void doc_total(struct doc *d, const char *label, const char *value);
void doc_para(struct doc *d, const char *label, const char *text);
/* Amount column headings for the item lines that follow. */
void doc_columns(struct doc *d, const char *c, const char *dcol);
void doc_line(struct doc *d, const char *text, const char *detail,
    const char *c, const char *dcol);
void doc_footer(struct doc *d, const char *footer);
void doc_free(struct doc *d);

/* The PDF in memory (*buf malloc'd, *len bytes); the font is a TrueType
 * file embedded (subset) with the UTF-8 encoder. Right-to-left text
 * (Arabic, Hebrew) is drawn in visual order with Arabic letters joined
 * (FriBidi, UAX #9); a character the font lacks comes from a TrueType
 * fallback font fontconfig finds (e.g. fonts-wqy-zenhei for Chinese,
 * Japanese and Korean), embedded as a subset too. Scripts that need
 * glyph reordering or conjuncts (Devanagari) are drawn letter by letter,
 * not shaped. Issue 17 section 6. */
int doc_pdf(const struct doc *d, enum doc_paper paper, const char *font_path,
    unsigned char **buf, size_t *len, struct pd_err *err);
/* doc_pdf, and in *gaps (gaps not NULL) what no font has, one line per
 * part of the document: "LABEL\tU+XXXX (c), ..." (the row's label as
 * printed, or the part's name: title, footer...); malloc'd, NULL when
 * every character was drawn. The PDF is made all the same, with the
 * font's empty box in their place; the caller warns. */
int doc_pdf_gaps(const struct doc *d, enum doc_paper paper,
    const char *font_path, unsigned char **buf, size_t *len, char **gaps,
    struct pd_err *err);

/* Plain text, width columns wide (32..80), UTF-8; malloc'd. */
char *doc_text(const struct doc *d, int width);

/* Run command (through /bin/sh) with path as its last argument; on
 * failure PD_EPRINT with the command's own last line of output. */
int doc_print(const char *command, const char *path, struct pd_err *err);

/* Paper names as in the config: "a4", "letter", "roll80"; -1 if unknown. */
int doc_paper_parse(const char *s);

#endif
