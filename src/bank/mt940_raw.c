/* mt940_raw.c - what aqbanking read from an MT940 file checked against
 * the file's own fields (review R20 of issue 20).
 *
 * aqbanking reads leniently: "C1.56" comes back as 1.00, "C1,5X6" as
 * 1.50, a mark "X" as a credit, the day 140230 as 2014-02-28, and a file
 * cut after its first :61: as a statement with no closing balance. The
 * format stays aqbanking's; this file only reads the tags that carry
 * money and days (:60F:/:60M:, :61:, :62F:/:62M:) from the start of
 * their lines, checks their syntax (amount digits with the one decimal
 * comma, marks C, D, RC, RD, days in the calendar), checks that every
 * message adds up (opening + entries = closing) and that aqbanking's
 * lines are the file's: same count, amounts and value days. Each refusal
 * names the file, the :61: and its line in the file. Where a :61: goes
 * on over lines, its bank reference and supplementary details are taken
 * as the file writes them (take_parts). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

struct raw61 {
	int line;
	int64_t amount; /* signed */
	int reversal;   /* marked RC or RD */
	char value[9];  /* YY-MM-DD */
	/* the bank's reference after "//" on the :61: line, and the lines
	 * that continue the field (the supplementary details), in buf */
	const char *ref, *ref_end, *more, *more_end;
};

struct raw {
	struct raw61 *e;
	size_t n, cap;
	int has_open;    /* a :60x: not yet closed by its :62x: */
	int open_line;   /* its line */
	int64_t running; /* its opening plus the entries since */
	int64_t first_opening, last_closing;
	int has_first, has_last;
	struct mt940_balances bal; /* the first :60x:'s, the last :62x:'s */
};

/* The name of entry k (0-based) as the import names its lines; where
 * aqbanking read none (a file it refused), by the bank's reference the
 * :61: line p (to eol) writes after its "//", as aqbanking names it. */
static void
entry_name(const struct bank_stmt *out, const char *name, size_t k, int line,
    const char *p, const char *eol, char *buf, size_t n)
{
	const char *ref = NULL;

	/* FILE:LINE: first, as every format's (s74 fault 3) */
	if (k < out->nlines && out->lines[k].where[0] != '\0') {
		snprintf(buf, n, "%s:%d: :61: #%zu (%s)", name, line, k + 1,
		    out->lines[k].bank_id);
		return;
	}
	while (p != NULL && eol > p && (eol[-1] == '\r' || eol[-1] == ' '))
		eol--;
	for (; p != NULL && p + 1 < eol; p++)
		if (p[0] == '/' && p[1] == '/') {
			ref = p + 2;
			break;
		}
	if (ref != NULL && ref < eol)
		snprintf(buf, n, "%s:%d: :61: #%zu (%.*s)", name, line, k + 1,
		    (int)(eol - ref < 34 ? eol - ref : 34), ref);
	else
		snprintf(buf, n, "%s:%d: :61: #%zu", name, line, k + 1);
}

/* YYMMDD at p into a checked day; "YY-MM-DD" into yymmdd. */
static int
day6(const char *p, char yymmdd[9])
{
	char iso[11];
	int32_t d;
	struct pd_err e = {0};
	int i;

	for (i = 0; i < 6; i++)
		if (!isdigit((unsigned char)p[i]))
			return -1;
	snprintf(iso, sizeof iso, "20%.2s-%.2s-%.2s", p, p + 2, p + 4);
	if (date_parse(iso, "", &d, &e) != 0) {
		pd_err_clear(&e);
		return -1;
	}
	memcpy(yymmdd, iso + 2, 9);
	return 0;
}

/* MMDD at p (an entry day, of the value day's year or one beside it). */
static int
day4(const char *p, const char yymmdd[9])
{
	int y = 2000 + atoi(yymmdd), m, d, i;

	for (i = 0; i < 4; i++)
		if (!isdigit((unsigned char)p[i]))
			return -1;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	d = (p[2] - '0') * 10 + (p[3] - '0');
	if (m < 1 || m > 12 || d < 1)
		return -1;
	if (m == 2 && d == 29)
		return date_is_leap(y) || date_is_leap(y - 1) ||
		               date_is_leap(y + 1)
		           ? 0
		           : -1;
	{
		static const int mdays[] = {
		    31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

		return d <= mdays[m - 1] ? 0 : -1;
	}
}

/* An SWIFT amount at *p: digits with the one decimal comma ("1,56",
 * "12,"), at most 15 characters; *p moves past it, buf (16 bytes) has it
 * as written. -2: of that form, but with more decimals than the currency
 * has ("5,001"). */
static int
amount(const char **p, int digits, int64_t *out, char buf[16])
{
	size_t n = 0, commas = 0;
	struct pd_err e = {0};
	const char *c;

	while (isdigit((unsigned char)**p) || **p == ',') {
		if (n + 1 >= 16)
			return -1;
		commas += **p == ',';
		buf[n++] = *(*p)++;
	}
	buf[n] = '\0';
	if (commas != 1 || buf[0] == ',')
		return -1;
	if (bank_amount(buf, ',', 0, digits, out, &e) != 0) {
		pd_err_clear(&e);
		c = strchr(buf, ',');
		return strlen(c + 1) > (size_t)digits ? -2 : -1;
	}
	return 0;
}

/* :60x: / :62x: "C140219EUR662,23" (the rest of the line). */
static int
balance(const char *p, const char *eol, int digits, int64_t *out)
{
	char d[9], text[16];
	int neg;

	if (*p != 'C' && *p != 'D')
		return -1;
	neg = *p++ == 'D';
	if (day6(p, d) != 0)
		return -1;
	p += 6;
	if (eol - p < 3 || !isupper((unsigned char)p[0]) ||
	    !isupper((unsigned char)p[1]) || !isupper((unsigned char)p[2]))
		return -1;
	p += 3;
	if (amount(&p, digits, out, text) != 0)
		return -1;
	while (p < eol && (*p == ' ' || *p == '\r'))
		p++;
	if (p != eol)
		return -1;
	if (neg)
		*out = -*out;
	return 0;
}

/* A :61: "1402200220C1,56NTRF..." into e; the reason it is none (in
 * why, n bytes, where it names the amount). */
static const char *
entry(const char *p, int digits, struct raw61 *e, char *why, size_t n)
{
	char text[16];
	int sign = 1, rc;

	if (day6(p, e->value) != 0)
		return _("the value day (YYMMDD) is not a day");
	p += 6;
	if (isdigit((unsigned char)*p)) {
		if (day4(p, e->value) != 0)
			return _("the entry day (MMDD) is not a day");
		p += 4;
	}
	if (p[0] == 'R' && (p[1] == 'C' || p[1] == 'D')) {
		sign = p[1] == 'C' ? -1 : 1; /* a reversal turns the mark */
		e->reversal = 1;
		p += 2;
	} else if (p[0] == 'C' || p[0] == 'D') {
		sign = p[0] == 'C' ? 1 : -1;
		p++;
	} else
		return _("the mark is not C, D, RC or RD");
	if (isalpha((unsigned char)*p)) /* the funds code */
		p++;
	rc = amount(&p, digits, &e->amount, text);
	/* as the file writes it, not aqbanking's fraction (issue 20,
	 * tester: "Amount 5001/1000 has more than 2 decimals", no line) */
	if (rc == -2) {
		snprintf(why, n,
		    ngettext("the amount %s has more than %d decimal",
		        "the amount %s has more than %d decimals",
		        (unsigned long)digits),
		    text, digits);
		return why;
	}
	if (rc != 0)
		return _("the amount is not digits with a decimal comma");
	if ((*p != 'N' && *p != 'F' && *p != 'S') ||
	    !isalnum((unsigned char)p[1]) || !isalnum((unsigned char)p[2]) ||
	    !isalnum((unsigned char)p[3]))
		return _("the amount is not digits with a decimal comma");
	e->amount *= sign;
	return NULL;
}

/* The bank's reference of the :61: line [p, eol): after its "//". */
static void
field_parts(const char *p, const char *eol, struct raw61 *e)
{
	const char *s;

	while (eol > p && eol[-1] == '\r')
		eol--;
	for (s = p + 4; s + 1 < eol; s++)
		if (s[0] == '/' && s[1] == '/') {
			e->ref = s + 2;
			e->ref_end = eol;
			return;
		}
}

/* buf[0..*n) += [p, q) less its CRs. */
static void
put(char *buf, size_t size, size_t *n, const char *p, const char *q)
{
	for (; p < q && *n + 1 < size; p++)
		if (*p != '\r')
			buf[(*n)++] = *p;
	buf[*n] = '\0';
}

/* aqbanking takes the bank's reference from the :61: line alone and
 * joins the lines that go on with the field with spaces (review R20,
 * fault 25): ING's "//00000000001" over "005" kept the id as
 * 00000000001 and "005" in the text, "/TRCD/010", "16", "/" as
 * "/TRCD/010 16 /". A line break in a SWIFT field is no content: the
 * first line going on is still the reference where it starts with no
 * "/", holds no space and the reference stays within its 16 characters;
 * the rest is the supplementary details, joined as written, in place of
 * the spaced ones at the head of aqbanking's text. */
static void
take_parts(const struct raw61 *e, struct bank_line *l)
{
	char ref[40], spaced[512], joined[512];
	const char *p, *q, *eol;
	size_t nr = 0, ns = 0, nj = 0, n;
	int first = 1, in_ref = 0;
	char *t;

	if (e->ref == NULL || e->more == NULL)
		return;
	put(ref, sizeof ref, &nr, e->ref, e->ref_end);
	if (strcmp(ref, l->bank_id) != 0)
		return; /* not the reference aqbanking read: left as read */
	for (p = e->more; p <= e->more_end; p = eol + 1, first = 0) {
		eol = memchr(p, '\n', (size_t)(e->more_end - p));
		if (eol == NULL)
			eol = e->more_end;
		for (q = eol; q > p && q[-1] == '\r';)
			q--;
		in_ref = first && *p != '/' && nr > 0 &&
		         memchr(p, ' ', (size_t)(q - p)) == NULL &&
		         nr + (size_t)(q - p) <= 16;
		if (!first)
			put(spaced, sizeof spaced, &ns, " ", " " + 1);
		put(spaced, sizeof spaced, &ns, p, q);
		if (in_ref)
			put(ref, sizeof ref, &nr, p, q);
		else
			put(joined, sizeof joined, &nj, p, q);
		if (eol >= e->more_end)
			break;
	}
	if (nr > strlen(l->bank_id))
		bank_set(&l->bank_id, ref);
	n = strlen(spaced);
	if (n == 0 || strncmp(l->text, spaced, n) != 0)
		return; /* not aqbanking's spaced lines: the text as read */
	t = xasprintf("%s%s", nj ? joined : "", l->text + n);
	bank_set(&l->text, t);
	free(t);
}

static int
tag(const char *p, const char *eol, const char *t)
{
	size_t n = strlen(t);

	return (size_t)(eol - p) >= n && memcmp(p, t, n) == 0;
}

static int
scan(const char *buf, size_t len, const char *name, int digits,
    const struct bank_stmt *out, struct raw *r, struct pd_err *err)
{
	const char *p = buf, *end = buf + len, *eol, *why;
	char where[256], why_buf[96];
	int line = 0, cont = 0;
	int64_t v;

	for (; p < end; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		line++;
		if (tag(p, eol, ":60F:") || tag(p, eol, ":60M:")) {
			if (r->has_open)
				return pd_fail(err, PD_EINVAL,
				    _("%s:%d: an opening balance before "
				      "the closing balance (:62F:) of the "
				      "one at line %d"),
				    name, line, r->open_line);
			if (balance(p + 5, eol, digits, &v) != 0)
				return pd_fail(err, PD_EINVAL,
				    _("%s:%d: the balance is not a "
				      "mark, a day, a currency and an "
				      "amount with a decimal comma"),
				    name, line);
			r->has_open = 1;
			r->open_line = line;
			r->running = v;
			if (!r->has_first) {
				r->first_opening = v;
				r->has_first = 1;
				r->bal.open_line = line;
				memcpy(r->bal.open_cur, p + 12, 3);
			}
		} else if (tag(p, eol, ":61:")) {
			if (r->n == r->cap) {
				r->cap = r->cap ? r->cap * 2 : 64;
				r->e = xrealloc(r->e, r->cap, sizeof *r->e);
			}
			memset(&r->e[r->n], 0, sizeof r->e[r->n]);
			r->e[r->n].line = line;
			entry_name(
			    out, name, r->n, line, p, eol, where, sizeof where);
			why = entry(p + 4, digits, &r->e[r->n], why_buf,
			    sizeof why_buf);
			if (why != NULL)
				return pd_fail(
				    err, PD_EINVAL, "%s: %s", where, why);
			if (!r->has_open)
				return pd_fail(err, PD_EINVAL,
				    _("%s: no opening balance (:60F:) before "
				      "it"),
				    where);
			r->running += r->e[r->n].amount;
			field_parts(p, eol, &r->e[r->n]);
			cont = 1;
			r->n++;
			goto next;
		} else if (tag(p, eol, ":62F:") || tag(p, eol, ":62M:")) {
			if (balance(p + 5, eol, digits, &v) != 0)
				return pd_fail(err, PD_EINVAL,
				    _("%s:%d: the balance is not a "
				      "mark, a day, a currency and an "
				      "amount with a decimal comma"),
				    name, line);
			if (!r->has_open)
				return pd_fail(err, PD_EINVAL,
				    _("%s:%d: a closing balance with no "
				      "opening balance (:60F:) before it"),
				    name, line);
			if (r->running != v) {
				char a[32], b[32];

				money_plain(a, sizeof a, r->running, digits);
				money_plain(b, sizeof b, v, digits);
				return pd_fail(err, PD_EINVAL,
				    _("%s:%d: the opening balance (line "
				      "%d) and the entries add up to %s, the "
				      "closing balance says %s"),
				    name, line, r->open_line, a, b);
			}
			r->has_open = 0;
			r->last_closing = v;
			r->has_last = 1;
			r->bal.close_line = line;
			memcpy(r->bal.close_cur, p + 12, 3);
		}
		if (cont && p < eol && *p != ':' && *p != '-' && *p != '}') {
			/* a line that goes on with the :61: above */
			if (r->e[r->n - 1].more == NULL)
				r->e[r->n - 1].more = p;
			r->e[r->n - 1].more_end = eol;
			goto next;
		}
		cont = 0;
	next:
		if (eol == end)
			break;
	}
	if (r->has_open) {
		if (r->n > 0)
			entry_name(out, name, r->n - 1, r->e[r->n - 1].line,
			    r->e[r->n - 1].ref ? r->e[r->n - 1].ref - 2 : NULL,
			    r->e[r->n - 1].ref_end, where, sizeof where);
		else
			snprintf(
			    where, sizeof where, "%s:%d", name, r->open_line);
		return pd_fail(err, PD_EINVAL,
		    _("%s: the statement ends there, without its closing "
		      "balance (:62F:); a file cut short is not imported"),
		    where);
	}
	return 0;
}

int
bank_mt940_fields(const char *buf, size_t len, const char *name, int digits,
    struct pd_err *err)
{
	struct bank_stmt none;
	struct raw r;
	int rc;

	memset(&none, 0, sizeof none);
	memset(&r, 0, sizeof r);
	rc = scan(buf, len, name, digits, &none, &r, err);
	free(r.e);
	return rc;
}

int *
bank_mt940_lines(
    const char *buf, size_t len, const char *name, int digits, size_t *n)
{
	struct bank_stmt none;
	struct pd_err e;
	struct raw r;
	int *v;
	size_t k;

	memset(&none, 0, sizeof none);
	memset(&r, 0, sizeof r);
	*n = 0;
	if (scan(buf, len, name, digits, &none, &r, &e) != 0 || r.n == 0) {
		free(r.e);
		return NULL;
	}
	v = xcalloc(r.n, sizeof *v);
	for (k = 0; k < r.n; k++)
		v[k] = r.e[k].line;
	*n = r.n;
	free(r.e);
	return v;
}

void
bank_mt940_balances(const char *buf, size_t len, const char *name, int digits,
    struct mt940_balances *b)
{
	struct bank_stmt none;
	struct pd_err e;
	struct raw r;

	memset(&none, 0, sizeof none);
	memset(&r, 0, sizeof r);
	memset(b, 0, sizeof *b);
	if (scan(buf, len, name, digits, &none, &r, &e) == 0)
		*b = r.bal;
	free(r.e);
}

int
bank_mt940_check(const char *buf, size_t len, const char *name, int digits,
    struct bank_stmt *out, struct pd_err *err)
{
	struct raw r;
	char where[256];
	size_t k;
	int rc;

	memset(&r, 0, sizeof r);
	rc = scan(buf, len, name, digits, out, &r, err);
	for (k = 0; rc == 0 && k < r.n && k < out->nlines; k++) {
		entry_name(
		    out, name, k, r.e[k].line, NULL, NULL, where, sizeof where);
		if (out->lines[k].amount != r.e[k].amount ||
		    strcmp(out->lines[k].value + 2, r.e[k].value) != 0)
			rc = pd_fail(err, PD_EINVAL,
			    _("%s: aqbanking read it otherwise than the file "
			      "has it"),
			    where);
	}
	if (rc == 0 && r.n != out->nlines)
		rc = pd_fail(err, PD_EINVAL,
		    _("%s: the file has %zu entries (:61:), aqbanking read "
		      "%zu"),
		    name, r.n, out->nlines);
	if (rc == 0 && (!r.has_last || !out->has_closing ||
	                   r.last_closing != out->closing))
		rc = pd_fail(err, PD_EINVAL,
		    _("%s: the closing balance (:62F:) is not the one "
		      "aqbanking read"),
		    name);
	/* aqbanking gives a reversal's amount signed as booked and not
	 * that it is one: the file's RC or RD says so (a credit reversed
	 * by an RC is then no credit to match, as camt.053's RvslInd) */
	for (k = 0; rc == 0 && k < r.n; k++) {
		take_parts(&r.e[k], &out->lines[k]);
		out->lines[k].reversal = r.e[k].reversal;
		/* its line too, for what is found of it later (a day booked
		 * after today, an amount of zero), as every MT940 message */
		entry_name(
		    out, name, k, r.e[k].line, NULL, NULL, where, sizeof where);
		bank_set(&out->lines[k].where, where);
	}
	if (rc == 0 && r.has_first) {
		out->opening = r.first_opening;
		out->has_opening = 1;
	}
	free(r.e);
	return rc;
}
