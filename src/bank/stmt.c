/* stmt.c - what every statement format shares: lines, amounts, dates,
 * the format's guess and the statement's hash; bank_decode. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/sha256.h"
#include "paydesk/xmalloc.h"

static const char *const format_names[] = {[BANK_GUESS] = "",
    [BANK_CAMT053] = "camt053",
    [BANK_MT940] = "mt940",
    [BANK_OFX] = "ofx",
    [BANK_CSV] = "csv"};

const char *
bank_format_name(enum bank_format f)
{
	return format_names[f];
}

int
bank_format_parse(const char *s, enum bank_format *f, struct pd_err *err)
{
	int i;

	for (i = BANK_CAMT053; i <= BANK_CSV; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*f = (enum bank_format)i;
			return 0;
		}
	return pd_fail(err, PD_EUSAGE,
	    _("Unknown statement format \"%s\": camt053, mt940, ofx or csv"),
	    s);
}

/* 1 if the first len bytes of buf hold needle. */
static int
has(const char *buf, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	return n <= len && memmem(buf, len, needle, n) != NULL;
}

enum bank_format
bank_format_guess(const char *buf, size_t len)
{
	size_t head = len < 4096 ? len : 4096;

	if (has(buf, head, "urn:iso:std:iso:20022:tech:xsd:camt.053"))
		return BANK_CAMT053;
	if (has(buf, head, "OFXHEADER") || has(buf, head, "<OFX>"))
		return BANK_OFX;
	if (has(buf, head, ":20:") &&
	    (has(buf, len, ":60F:") || has(buf, len, ":61:")))
		return BANK_MT940;
	return BANK_GUESS;
}

struct bank_line *
bank_line_add(struct bank_stmt *s)
{
	struct bank_line *l;

	if (s->nlines == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->lines = xrealloc(s->lines, s->cap, sizeof *s->lines);
	}
	l = &s->lines[s->nlines++];
	memset(l, 0, sizeof *l);
	l->reference = xstrdup("");
	l->counterparty = xstrdup("");
	l->text = xstrdup("");
	l->bank_id = xstrdup("");
	l->where = xstrdup("");
	return l;
}

void
bank_set(char **dst, const char *v)
{
	char *o;
	int space = 0;

	free(*dst);
	*dst = o = xstrdup(v ? v : "");
	for (; v != NULL && *v != '\0'; v++) {
		if (isspace((unsigned char)*v)) {
			space = o != *dst;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *v;
	}
	*o = '\0';
}

void
bank_set_joined(char **dst, const char *v)
{
	char *j = xstrdup(v ? v : ""), *o = j;
	const char *p;

	for (p = j; *p != '\0'; p++)
		if (*p != '\n' && *p != '\r')
			*o++ = *p;
	*o = '\0';
	bank_set(dst, j);
	free(j);
}

int
bank_amount(const char *s, char dec, int allow_sign, int digits, int64_t *out,
    struct pd_err *err)
{
	char buf[48], *dot;
	size_t n;
	int neg = 0;
	const char *p = s;

	if (allow_sign && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	n = strlen(p);
	/* "1,234.50": a number with dec for decimals and the other mark
	 * grouping its digits, which the formats read here do not write
	 * (a CSV's groups are taken first, csv_amount; OFX: review s50,
	 * helper-217, "not a number with . for decimals") */
	if (strchr(p, dec) != NULL && strchr(p, dec == ',' ? '.' : ',') != NULL)
		return pd_fail(err, PD_EINVAL,
		    _("Amount \"%s\": %c is for decimals, and no other mark "
		      "groups the digits"),
		    s, dec);
	if (n == 0 || n >= sizeof buf || strchr(p, dec == ',' ? '.' : ',') ||
	    strchr(p, '-') || strchr(p, '+'))
		return pd_fail(err, PD_EINVAL,
		    _("Amount \"%s\": not a number with %c for decimals"), s,
		    dec);
	memcpy(buf, p, n + 1);
	dot = strchr(buf, dec);
	if (dot != NULL) {
		*dot = '.';
		/* zeros beyond the currency's decimals say nothing */
		while (n > (size_t)(dot - buf) + 1 + (size_t)digits &&
		       buf[n - 1] == '0')
			buf[--n] = '\0';
		if (buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	if (n == 0 || money_parse(buf, digits, _("Amount"), out, err) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount \"%s\": not an amount with at most %d decimals"),
		    s, digits);
	if (neg)
		*out = -*out;
	return 0;
}

int
bank_iso_date(const char *s, char out[11], struct pd_err *err)
{
	char d[11];
	int32_t days;

	xstrlcpy(d, s ? s : "", sizeof d);
	if (date_parse(d, _("Date"), &days, err) != 0)
		return -1;
	memcpy(out, d, 11);
	return 0;
}

int
bank_currency_ok(const char *s)
{
	return s != NULL && strlen(s) == 3 && isupper((unsigned char)s[0]) &&
	       isupper((unsigned char)s[1]) && isupper((unsigned char)s[2]);
}

void
bank_stmt_free(struct bank_stmt *s)
{
	size_t i;

	for (i = 0; i < s->nlines; i++) {
		free(s->lines[i].reference);
		free(s->lines[i].counterparty);
		free(s->lines[i].text);
		free(s->lines[i].bank_id);
		free(s->lines[i].where);
	}
	free(s->lines);
	free(s->account);
	free(s->stmt_id);
	memset(s, 0, sizeof *s);
}

void
bank_stmt_hash(const struct bank_stmt *s, char hex[65])
{
	struct sha256 h;
	uint8_t d[SHA256_LEN];
	char amt[32];
	size_t i;

	sha256_init(&h);
	sha256_update(&h, s->account, strlen(s->account) + 1);
	for (i = 0; i < s->nlines; i++) {
		const struct bank_line *l = &s->lines[i];

		snprintf(amt, sizeof amt, "%lld", (long long)l->amount);
		sha256_update(&h, l->booking, sizeof l->booking);
		sha256_update(&h, l->value, sizeof l->value);
		sha256_update(&h, amt, strlen(amt) + 1);
		sha256_update(&h, l->reference, strlen(l->reference) + 1);
		sha256_update(&h, l->bank_id, strlen(l->bank_id) + 1);
		sha256_update(&h, l->text, strlen(l->text) + 1);
	}
	/* a statement of no lines (a camt.053 of a day of no movement):
	 * its period and balances, or every such day of the account would
	 * be one statement; a statement of lines keeps the hash it had */
	if (s->nlines == 0) {
		char bal[64];

		snprintf(bal, sizeof bal, "%d:%lld:%d:%lld", s->has_opening,
		    (long long)s->opening, s->has_closing,
		    (long long)s->closing);
		sha256_update(&h, s->from, strlen(s->from) + 1);
		sha256_update(&h, s->to, strlen(s->to) + 1);
		sha256_update(&h, bal, strlen(bal) + 1);
	}
	sha256_final(&h, d);
	sha256_tohex(d, SHA256_LEN, hex);
	hex[64] = '\0';
}

int
bank_decode(const char *buf, size_t len, const char *name, enum bank_format fmt,
    const struct bank_mapping *map, const char *currency, int digits,
    struct bank_stmt *out, struct pd_err *err)
{
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	out->account = xstrdup("");
	out->stmt_id = xstrdup("");
	if (fmt == BANK_GUESS)
		fmt = map != NULL ? BANK_CSV : bank_format_guess(buf, len);
	out->format = fmt;
	switch (fmt) {
	case BANK_CAMT053:
		rc = bank_camt(buf, len, name, currency, digits, out, err);
		break;
	case BANK_OFX:
		rc = bank_ofx(buf, len, name, currency, digits, out, err);
		break;
	case BANK_MT940:
		rc = bank_mt940(buf, len, name, currency, digits, out, err);
		break;
	case BANK_CSV:
		if (map == NULL) {
			rc = pd_fail(err, PD_EUSAGE,
			    _("%s: a CSV statement needs --mapping NAME "
			      "(statement mapping add)"),
			    name);
			break;
		}
		rc = bank_csv(buf, len, name, map, currency, digits, out, err);
		break;
	default:
		rc = pd_fail(err, PD_EINVAL,
		    _("%s: not a statement paydesk recognises (camt.053, "
		      "MT940, OFX); give --format, or --mapping for CSV"),
		    name);
	}
	/* a camt.053 of no entries is a day of no movement, as banks send
	 * it (its account, period and balances); the other formats' files
	 * of no lines say nothing */
	if (rc == 0 && out->nlines == 0 && fmt != BANK_CAMT053)
		rc = pd_fail(
		    err, PD_EINVAL, _("%s: the statement has no lines"), name);
	/* a line of 0.00 is neither a credit nor a debit: taken here, the
	 * central node refused its statement at the push (review s50,
	 * helper-216: a CSV line of 0,00 was imported, said nothing) */
	for (i = 0; rc == 0 && i < out->nlines; i++)
		if (out->lines[i].amount == 0)
			rc = pd_fail(err, PD_EINVAL,
			    _("%s: an amount of zero is neither a credit nor "
			      "a debit"),
			    out->lines[i].where);
	if (rc != 0)
		bank_stmt_free(out);
	return rc;
}
