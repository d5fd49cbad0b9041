/* money.c - strict money parsing and formatting in integer minor units. */
#include <stdio.h>
#include <string.h>

#include "paydesk/i18n.h"
#include "paydesk/money.h"

static int64_t
pow10i(int d)
{
	int64_t p = 1;

	while (d-- > 0)
		p *= 10;
	return p;
}

int
money_parse(const char *s, int digits, const char *what, int64_t *out,
    struct pd_err *err)
{
	const char *p = s;
	int64_t whole = 0, frac = 0;
	int nwhole = 0, nfrac = 0;

	if (what == NULL)
		what = _("amount");
	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("%s is empty: give a number "
		      "such as 145.50"),
		    what);
	if (*s == '-' || *s == '+')
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": a sign is not "
		      "allowed, amounts are written as positive numbers"),
		    what, s);
	if (strpbrk(s, "eE") != NULL)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": exponents are not "
		      "allowed, write the number out (e.g. 1000.00)"),
		    what, s);
	if (strchr(s, ',') != NULL)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": use a dot for "
		      "decimals and no thousands separators (e.g. 1234.50)"),
		    what, s);
	while (*p >= '0' && *p <= '9') {
		if (whole > MONEY_MAX)
			goto toolarge;
		whole = whole * 10 + (*p - '0');
		nwhole++;
		p++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (nfrac < 18)
				frac = frac * 10 + (*p - '0');
			nfrac++;
			p++;
		}
		if (nfrac == 0)
			return pd_fail(err, PD_EINVAL,
			    _("%s \"%s\": digits "
			      "expected after the decimal point"),
			    what, s);
	}
	if (*p != '\0' || nwhole == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": not a number; "
		      "write digits with an optional dot and up to %d "
		      "decimals (e.g. 145.50)"),
		    what, s, digits);
	if (nfrac > digits) {
		if (digits == 0)
			return pd_fail(err, PD_EINVAL,
			    _("%s \"%s\": this "
			      "currency has no decimals"),
			    what, s);
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": at most %d "
		      "decimals are allowed"),
		    what, s, digits);
	}
	if (whole > MONEY_MAX / pow10i(digits))
		goto toolarge;
	whole = whole * pow10i(digits) + frac * pow10i(digits - nfrac);
	if (whole > MONEY_MAX)
		goto toolarge;
	*out = whole;
	return 0;
toolarge:
	return pd_fail(err, PD_EINVAL,
	    _("%s \"%s\": too large (the limit is "
	      "%lld minor units)"),
	    what, s, (long long)MONEY_MAX);
}

char *
money_plain(char *buf, size_t n, int64_t v, int digits)
{
	int64_t p = pow10i(digits);
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	if (digits == 0)
		snprintf(
		    buf, n, "%s%llu", v < 0 ? "-" : "", (unsigned long long)a);
	else
		snprintf(buf, n, "%s%llu.%0*llu", v < 0 ? "-" : "",
		    (unsigned long long)(a / (uint64_t)p), digits,
		    (unsigned long long)(a % (uint64_t)p));
	return buf;
}

char *
money_format(char *buf, size_t n, int64_t v, int digits, const char *symbol)
{
	char plain[MONEY_BUFSZ], grouped[MONEY_BUFSZ * 2];
	const char *digits_start, *dot;
	size_t len, i, o = 0, intlen;

	money_plain(plain, sizeof plain, v < 0 ? -v : v, digits);
	digits_start = plain;
	dot = strchr(plain, '.');
	intlen = dot ? (size_t)(dot - plain) : strlen(plain);
	for (i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits_start[i];
	}
	len = strlen(plain);
	for (; i < len; i++)
		grouped[o++] = plain[i];
	grouped[o] = '\0';
	snprintf(
	    buf, n, "%s%s%s", v < 0 ? "-" : "", symbol ? symbol : "", grouped);
	return buf;
}

int64_t
money_ratio_tenths(int64_t num, int64_t den)
{
	int64_t q;

	if (den <= 0)
		return 0;
	/* num * 1000 stays far below INT64_MAX for amounts under MONEY_MAX
	 * times a million rows */
	if (num < 0)
		return -money_ratio_tenths(-num, den);
	q = (num * 1000 * 2 + den) / (den * 2);
	return q;
}

char *
money_tenths(char *buf, size_t n, int64_t t)
{
	uint64_t a = t < 0 ? (uint64_t)0 - (uint64_t)t : (uint64_t)t;

	snprintf(buf, n, "%s%llu.%llu", t < 0 ? "-" : "",
	    (unsigned long long)(a / 10), (unsigned long long)(a % 10));
	return buf;
}
