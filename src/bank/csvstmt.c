/* csvstmt.c - a bank's CSV export read with a column mapping (core's
 * RFC 4180 reader, the separator and decimal mark of the mapping), and
 * the mapping's words. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/csv.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

static const char *const col_names[BCOL_COUNT] = {
    [BCOL_DATE] = "date",
    [BCOL_VALUE_DATE] = "value_date",
    [BCOL_AMOUNT] = "amount",
    [BCOL_CREDIT] = "credit",
    [BCOL_DEBIT] = "debit",
    [BCOL_REFERENCE] = "reference",
    [BCOL_COUNTERPARTY] = "counterparty",
    [BCOL_TEXT] = "text",
    [BCOL_BANK_ID] = "bank_id",
    [BCOL_CURRENCY] = "currency",
};

static const struct {
	const char *word;
	char c;
} seps[] = {{"comma", ','}, {"semicolon", ';'}, {"tab", '\t'}, {"pipe", '|'}};

/* The encodings a bank's CSV export comes in (many still write Latin-1
 * or Windows' code page), by the mapping's word; iconv's name. */
static const struct {
	const char *word, *iconv;
} encodings[] = {{"utf-8", ""}, {"latin1", "ISO-8859-1"},
    {"iso-8859-1", "ISO-8859-1"}, {"latin9", "ISO-8859-15"},
    {"iso-8859-15", "ISO-8859-15"}, {"windows-1252", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"}};

static int
word(const char *w, struct bank_mapping *m, struct pd_err *err)
{
	const char *eq = strchr(w, '=');
	const char *v = eq ? eq + 1 : "";
	size_t k = eq ? (size_t)(eq - w) : strlen(w), i;
	char *end;
	long n;

	for (i = 0; i < BCOL_COUNT; i++)
		if (strlen(col_names[i]) == k &&
		    strncmp(w, col_names[i], k) == 0) {
			n = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || n < 1 || n > 99)
				return pd_fail(err, PD_EUSAGE,
				    _("Mapping \"%s\": a column number 1..99 "
				      "expected"),
				    w);
			m->col[i] = (int)n;
			return 0;
		}
	if (k == 9 && strncmp(w, "separator", k) == 0) {
		for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
			if (strcmp(v, seps[i].word) == 0) {
				m->separator = seps[i].c;
				return 0;
			}
		return pd_fail(err, PD_EUSAGE,
		    _("Mapping \"%s\": comma, semicolon, tab or pipe expected"),
		    w);
	}
	if (k == 7 && strncmp(w, "decimal", k) == 0) {
		if (strcmp(v, "point") != 0 && strcmp(v, "comma") != 0)
			return pd_fail(err, PD_EUSAGE,
			    _("Mapping \"%s\": point or comma expected"), w);
		m->decimal = *v == 'p' ? '.' : ',';
		return 0;
	}
	if (k == 8 && strncmp(w, "encoding", k) == 0) {
		for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++)
			if (strcasecmp(v, encodings[i].word) == 0) {
				xstrlcpy(m->encoding, encodings[i].iconv,
				    sizeof m->encoding);
				return 0;
			}
		return pd_fail(err, PD_EUSAGE,
		    _("Mapping \"%s\": utf-8, latin1, latin9 or windows-1252 "
		      "expected"),
		    w);
	}
	if (k == 11 && strncmp(w, "date_format", k) == 0) {
		if (!date_pattern_ok(v))
			return pd_fail(err, PD_EUSAGE,
			    _("Mapping \"%s\": a date format such as "
			      "DD.MM.YYYY or YYYY-MM-DD expected"),
			    w);
		xstrlcpy(m->date_format, v, sizeof m->date_format);
		return 0;
	}
	if (k == 6 && strncmp(w, "header", k) == 0) {
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || n < 0 || n > 9)
			return pd_fail(err, PD_EUSAGE,
			    _("Mapping \"%s\": 0..9 header rows expected"), w);
		m->header = (int)n;
		return 0;
	}
	return pd_fail(err, PD_EUSAGE,
	    _("Mapping \"%s\": unknown; date, value_date, amount, credit, "
	      "debit, reference, counterparty, text, bank_id, currency "
	      "(=COLUMN), separator, decimal, date_format, header, "
	      "encoding"),
	    w);
}

int
bank_mapping_parse(
    char *const *words, int n, struct bank_mapping *m, struct pd_err *err)
{
	int i, j;

	memset(m, 0, sizeof *m);
	m->separator = ',';
	m->decimal = '.';
	xstrlcpy(m->date_format, "YYYY-MM-DD", sizeof m->date_format);
	for (i = 0; i < n; i++)
		if (word(words[i], m, err) != 0)
			return -1;
	if (m->col[BCOL_DATE] == 0)
		return pd_fail(err, PD_EUSAGE,
		    _("Mapping: date=COLUMN is "
		      "required"));
	/* one signed column, or both of credit and debit and no amount
	 * (issue 20, tester: amount=2 credit=3 was saved) */
	if (m->col[BCOL_AMOUNT] != 0
	        ? m->col[BCOL_CREDIT] != 0 || m->col[BCOL_DEBIT] != 0
	        : m->col[BCOL_CREDIT] == 0 || m->col[BCOL_DEBIT] == 0)
		return pd_fail(err, PD_EUSAGE,
		    _("Mapping: amount=COLUMN, or credit=COLUMN and "
		      "debit=COLUMN, is required (not both)"));
	for (i = 0; i < BCOL_COUNT; i++)
		for (j = i + 1; j < BCOL_COUNT; j++)
			if (m->col[i] != 0 && m->col[i] == m->col[j])
				return pd_fail(err, PD_EUSAGE,
				    _("Mapping: %s and %s are both column %d"),
				    col_names[i], col_names[j], m->col[i]);
	if (m->separator == m->decimal)
		return pd_fail(err, PD_EUSAGE,
		    _("Mapping: the separator and the decimal mark are the "
		      "same"));
	return 0;
}

void
bank_mapping_spec(const struct bank_mapping *m, char *buf, size_t n)
{
	size_t i, k = 0;
	const char *sep = "comma";

	buf[0] = '\0';
	for (i = 0; i < BCOL_COUNT; i++)
		if (m->col[i] != 0 && k < n)
			k += (size_t)snprintf(
			    buf + k, n - k, "%s=%d ", col_names[i], m->col[i]);
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (seps[i].c == m->separator)
			sep = seps[i].word;
	if (k < n)
		k += (size_t)snprintf(buf + k, n - k,
		    "separator=%s decimal=%s date_format=%s header=%d", sep,
		    m->decimal == ',' ? "comma" : "point", m->date_format,
		    m->header);
	/* UTF-8 is not written: a mapping saved before encodings were
	 * known reads the same */
	for (i = 1; m->encoding[0] != '\0' && k < n &&
	            i < sizeof encodings / sizeof encodings[0];
	     i++)
		if (strcmp(encodings[i].iconv, m->encoding) == 0) {
			snprintf(buf + k, n - k, " encoding=%s", encodings[i].word);
			break;
		}
}

/* Field c (1-based, 0: none) of row: "" when absent or out of range. */
static const char *
field(const struct csv_row *row, int c)
{
	return c > 0 && (size_t)c <= row->n ? row->fields[c - 1] : "";
}

static int
row_date(const struct csv_row *row, int c, const struct bank_mapping *m,
    const char *what, char out[11], struct pd_err *err)
{
	int32_t days;
	const char *s = field(row, c);

	out[0] = '\0';
	if (c == 0 || (*s == '\0' && c != m->col[BCOL_DATE]))
		return 0;
	/* the mapping's layout only: date_parse_pattern takes YYYY-MM-DD
	 * whatever the pattern (a person's typing is never ambiguous so),
	 * but a bank's export writes one layout, and a line of another
	 * says the mapping or the line is wrong (issue 20, tester:
	 * 2026-12-07 under DD-MM-YYYY was taken); a text of neither
	 * layout is said so too, not "write DD.MM.YYYY or YYYY-MM-DD" */
	if ((strcmp(m->date_format, "YYYY-MM-DD") != 0 && strlen(s) == 10 &&
	        s[4] == '-' && s[7] == '-') ||
	    date_form_status(s, m->date_format) == PD_EUSAGE) {
		char example[DATE_BUFSZ * 2];

		date_format_pattern(example, sizeof example,
		    date_days(2025, 4, 20), m->date_format);
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\" (column %d): not of the mapping's "
		      "date_format %s (e.g. %s)"),
		    what, s, c, m->date_format, example);
	}
	if (date_parse_pattern(s, m->date_format, what, &days, err) != 0)
		return -1;
	date_format(out, days);
	return 0;
}

/* Amount s's digits grouped by grp otherwise than in threes. */
static int
bad_groups(const char *s, char grp, char dec, struct pd_err *err)
{
	return pd_fail(err, PD_EINVAL,
	    _("Amount \"%s\": digits are grouped by %c in threes before the "
	      "%c (1%c234%c50), or not grouped"),
	    s, grp, dec, grp, dec);
}

/* A CSV amount: bank_amount's, with the digit groups banks' exports
 * write (1.234,50 with decimal comma, 1,234.50 with decimal point) taken
 * where they are well-formed: groups of three digits after one to three,
 * before the decimals only (review R20). Another use of the group mark
 * is refused as bank_amount refuses it, the amount as it was written. */
static int
csv_amount(const char *s, char dec, int allow_sign, int digits, int64_t *v,
    struct pd_err *err)
{
	char grp = dec == ',' ? '.' : ',', buf[48];
	const char *p = s, *end = strchr(s, dec);
	size_t run = 0, n = 0;
	int groups = 0;

	if (end == NULL)
		end = s + strlen(s);
	if (strchr(s, grp) == NULL || strchr(end, grp) != NULL ||
	    strlen(s) >= sizeof buf)
		return bank_amount(s, dec, allow_sign, digits, v, err);
	if (allow_sign && (*p == '-' || *p == '+'))
		buf[n++] = *p++;
	for (; p < end; p++) {
		if (*p == grp) {
			if (run == 0 || run > 3 || (groups > 0 && run != 3))
				return bad_groups(s, grp, dec, err);
			groups++;
			run = 0;
			continue;
		}
		if (*p < '0' || *p > '9')
			return bank_amount(s, dec, allow_sign, digits, v, err);
		run++;
		buf[n++] = *p;
	}
	if (run != 3)
		return bad_groups(s, grp, dec, err);
	xstrlcpy(buf + n, end, sizeof buf - n);
	return bank_amount(buf, dec, allow_sign, digits, v, err);
}

/* s with a trailing sign put first, into buf ("3,00-" is "-3,00": German
 * banks' exports write a debit so); s itself otherwise. */
static const char *
sign_first(const char *s, char *buf, size_t n)
{
	size_t k = strlen(s);

	if (k < 2 || k >= n || (s[k - 1] != '-' && s[k - 1] != '+') ||
	    s[0] == '-' || s[0] == '+')
		return s;
	buf[0] = s[k - 1];
	memcpy(buf + 1, s, k - 1);
	buf[k] = '\0';
	return buf;
}

/* The line's amount, a debit negative. A credit or debit column may
 * carry a sign, first or last ("-3,00", "3,00-", "+3,00"), as banks'
 * exports write them: a debit column's amount is a debit whatever its
 * sign; a credit column's amount with a minus is refused (a debit in
 * the credit column says the mapping is wrong). */
static int
row_amount(const struct csv_row *row, const struct bank_mapping *m, int digits,
    int64_t *v, struct pd_err *err)
{
	const char *cr = field(row, m->col[BCOL_CREDIT]);
	const char *db = field(row, m->col[BCOL_DEBIT]);
	char sb[48];

	if (m->col[BCOL_AMOUNT] != 0)
		return csv_amount(
		    sign_first(field(row, m->col[BCOL_AMOUNT]), sb, sizeof sb),
		    m->decimal, 1, digits, v, err);
	if ((*cr == '\0') == (*db == '\0'))
		return pd_fail(err, PD_EINVAL,
		    _("One of the credit (column %d) and debit (column %d) "
		      "amounts expected"),
		    m->col[BCOL_CREDIT], m->col[BCOL_DEBIT]);
	if (csv_amount(sign_first(*cr ? cr : db, sb, sizeof sb), m->decimal, 1,
	        digits, v, err) != 0)
		return -1;
	if (*cr != '\0' && *v < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Credit \"%s\" (column %d) is negative: a debit "
		      "belongs in the debit column (%d)"),
		    cr, m->col[BCOL_CREDIT], m->col[BCOL_DEBIT]);
	if (*db != '\0' && *v > 0)
		*v = -*v;
	return 0;
}

static int
row_line(const struct csv_row *row, const char *name,
    const struct bank_mapping *m, const char *currency, int digits,
    struct bank_stmt *out, struct pd_err *err)
{
	struct bank_line *l;
	const char *cur = field(row, m->col[BCOL_CURRENCY]);
	/* zeroed whole: the statement's hash (bank_stmt_hash) takes
	 * every byte of both, and a line without a value date left the
	 * stack's bytes after the NUL, so the same file imported on two
	 * terminals had two keys */
	char booking[11] = "", value[11] = "";
	int64_t v;
	int i, need = 0;

	for (i = 0; i < BCOL_COUNT; i++)
		need = m->col[i] > need ? m->col[i] : need;
	if (row->n < (size_t)need)
		return pd_fail(err, PD_EINVAL,
		    _("%zu columns; the mapping reads column %d"), row->n,
		    need);
	if (*field(row, m->col[BCOL_DATE]) == '\0')
		return pd_fail(err, PD_EINVAL, _("No date (column %d)"),
		    m->col[BCOL_DATE]);
	if (row_date(row, m->col[BCOL_DATE], m, _("Date"), booking, err) != 0 ||
	    row_date(row, m->col[BCOL_VALUE_DATE], m, _("Value date"), value,
	        err) != 0 ||
	    row_amount(row, m, digits, &v, err) != 0)
		return -1;
	if (m->col[BCOL_CURRENCY] != 0 && strcmp(cur, currency) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The amount is in %s; the organisation's currency is %s"),
		    cur, currency);
	l = bank_line_add(out);
	memcpy(l->booking, booking, sizeof booking);
	memcpy(l->value, value, sizeof value);
	l->amount = v;
	bank_set(&l->reference, field(row, m->col[BCOL_REFERENCE]));
	bank_set(&l->counterparty, field(row, m->col[BCOL_COUNTERPARTY]));
	bank_set(&l->text, field(row, m->col[BCOL_TEXT]));
	bank_set(&l->bank_id, field(row, m->col[BCOL_BANK_ID]));
	free(l->where);
	l->where = xasprintf("%s:%d", name, row->line);
	return 0;
}

/* The line (from 1) of buf's first byte that is not UTF-8. */
static int
bad_line(const char *buf, size_t len)
{
	const char *p = buf, *nl;
	int line = 1;

	while ((nl = memchr(p, '\n', len - (size_t)(p - buf))) != NULL &&
	       utf8_valid(p, (size_t)(nl - p))) {
		p = nl + 1;
		line++;
	}
	return line;
}

/* buf's len bytes in encoding enc (iconv's name) as UTF-8, NUL ended,
 * *len its length; NULL with PD_EINVAL naming the line of a byte enc
 * does not have (Windows-1252 leaves five unused). */
static char *
to_utf8(const char *buf, size_t *len, const char *name, const char *enc,
    struct pd_err *err)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	size_t cap = *len * 3 + 1, il = *len, ol = cap - 1;
	char *out, *in = (char *)buf, *o;
	const char *p;
	int line = 1;

	if (cd == (iconv_t)-1) {
		pd_fail(err, PD_EINVAL, _("%s: cannot read %s text: %s"), name,
		    enc, strerror(errno));
		return NULL;
	}
	o = out = xmalloc(cap);
	if (iconv(cd, &in, &il, &o, &ol) == (size_t)-1) {
		for (p = buf; p < in; p++)
			line += *p == '\n';
		pd_fail(err, PD_EINVAL, _("%s:%d: byte 0x%02X is not %s text"),
		    name, line, (unsigned)(unsigned char)*in, enc);
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*len = (size_t)(o - out);
	return out;
}

int
bank_csv(const char *buf, size_t len, const char *name,
    const struct bank_mapping *map, const char *currency, int digits,
    struct bank_stmt *out, struct pd_err *err)
{
	struct csv_reader r;
	struct csv_row row = {0};
	char *text = NULL;
	int rc, skipped = 0;
	size_t i;

	if (map->encoding[0] != '\0') {
		if ((text = to_utf8(buf, &len, name, map->encoding, err)) == NULL)
			return -1;
		buf = text;
	} else if (!utf8_valid(buf, len))
		return pd_fail(err, PD_EINVAL,
		    _("%s:%d: not UTF-8 text; a bank's export in Latin-1 or "
		      "Windows-1252 is read with the mapping's word "
		      "encoding=latin1 or encoding=windows-1252 (statement "
		      "mapping change)"),
		    name, bad_line(buf, len));
	csv_init(&r, buf, len);
	r.sep = map->separator;
	xstrlcpy(out->currency, currency, sizeof out->currency);
	while ((rc = csv_next(&r, &row, err)) == 1) {
		if (skipped < map->header) {
			skipped++;
			continue;
		}
		if (row.n == 1 && row.fields[0][0] == '\0')
			continue; /* a blank line */
		if (row_line(&row, name, map, currency, digits, out, err) !=
		    0) {
			pd_err_prefix(err, "%s:%d: ", name, row.line);
			err->code = PD_EINVAL;
			rc = -1;
			break;
		}
	}
	if (rc < 0 && err->msg[0] != '\0' &&
	    strncmp(err->msg, name, strlen(name)) != 0) {
		/* the reader's LINE:COL: (s74 fault 3) */
		pd_err_prefix(err, "%s:", name);
		err->code = PD_EINVAL;
	}
	csv_row_free(&row);
	free(text);
	for (i = 0; rc == 0 && i < out->nlines; i++) {
		if (out->from[0] == '\0' ||
		    strcmp(out->lines[i].booking, out->from) < 0)
			memcpy(out->from, out->lines[i].booking, 11);
		if (strcmp(out->lines[i].booking, out->to) > 0)
			memcpy(out->to, out->lines[i].booking, 11);
	}
	return rc < 0 ? -1 : 0;
}
