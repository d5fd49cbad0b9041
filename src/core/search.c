/* search.c - phone digits and document numbers as searches compare them,
 * and the payment reference rule. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "paydesk/i18n.h"
#include "paydesk/search.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

static const char *const rule_names[] = {
    [PAYREF_NONE] = "none",
    [PAYREF_OPTIONAL] = "optional",
    [PAYREF_REQUIRED] = "required",
};

/* The digits of s into out (n bytes), cut to fit. */
static void
digits_into(const char *s, char *out, size_t n)
{
	size_t o = 0;

	for (; *s != '\0' && o + 1 < n; s++)
		if (*s >= '0' && *s <= '9')
			out[o++] = *s;
	out[o] = '\0';
}

/* The dashes a keyboard, a word processor or a PDF puts where a number
 * has "-", which compatibility composition leaves as they are: hyphen,
 * non-breaking hyphen, figure dash, en and em dash, horizontal bar, minus
 * sign, small hyphen-minus (U+FF0D, the fullwidth one, NFKC folds). */
static const uint32_t dashes[] = {
    0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63,
};

char *
search_number(const char *text)
{
	utf8proc_uint8_t *nfkc = NULL;
	char *in, *out;
	size_t i = 0, o = 0, k, j, n;
	uint32_t cp;

	/* ASCII is its own NFKC and has none of the dashes: as it is (a
	 * push's payment, receipt and transaction numbers, 60,000 of them
	 * in 20,000 payments, each squeezed: issue 22) */
	for (i = 0; (unsigned char)text[i] - 1u < 0x7fu; i++)
		;
	if (text[i] == '\0')
		return xstrdup(text);
	i = 0;
	in = utf8_valid(text, strlen(text)) ? xstrdup(text) : NULL;
	if (in == NULL || utf8proc_map((const utf8proc_uint8_t *)in, 0, &nfkc,
	                      UTF8PROC_NULLTERM | UTF8PROC_STABLE |
	                          UTF8PROC_COMPOSE | UTF8PROC_COMPAT) < 0) {
		/* a bad sequence: as typed, which no number matches */
		free(in);
		return xstrdup(text);
	}
	free(in);
	n = strlen((char *)nfkc);
	out = xmalloc(n + 1);
	while (i < n) {
		k = utf8_decode((char *)nfkc + i, n - i, &cp);
		for (j = 0; j < sizeof dashes / sizeof dashes[0]; j++)
			if (dashes[j] == cp)
				break;
		if (j < sizeof dashes / sizeof dashes[0])
			out[o++] = '-';
		else {
			memcpy(out + o, nfkc + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	free(nfkc);
	return out;
}

void
search_phone_digits(const char *text, const char *cc, char *out, size_t n)
{
	char *t = search_number(text);
	const char *p = t;
	size_t k, skip, len;

	while (*p == ' ' || *p == '\t')
		p++;
	digits_into(t, out, n);
	k = cc != NULL ? strlen(cc) : 0;
	/* international: "+" then the code, or the zeros of "00" (in the
	 * digits) then the code, or the code as the first group of digits
	 * ("44 20 7946 0000", "1-555-123-4567"): a national number's first
	 * group is never the calling code alone */
	if (k == 0)
		skip = (size_t)-1;
	else if (p[0] == '+')
		skip = 0;
	else if (p[0] == '0' && p[1] == '0')
		skip = 2;
	else if (strncmp(p, cc, k) == 0 && p[k] != '\0' &&
	         !isdigit((unsigned char)p[k]))
		skip = 0;
	else
		skip = (size_t)-1;
	len = strlen(out);
	if (skip != (size_t)-1 && len >= skip + k &&
	    strncmp(out + skip, cc, k) == 0)
		memmove(out, out + skip + k, len - skip - k + 1);
	free(t);
}

/* The bytes of the white space character at s, 0 if there is none. */
static size_t
space_at(const char *s)
{
	static const char *const wide[] = {
	    "\xc2\xa0",     /* U+00A0 no-break space */
	    "\xe2\x80\xaf", /* U+202F narrow no-break space */
	    "\xe2\x80\x89", /* U+2009 thin space */
	    "\xe2\x80\x8b", /* U+200B zero width space */
	    "\xe3\x80\x80", /* U+3000 ideographic space */
	};
	size_t i;

	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	/* (every wide one begins with a byte past ASCII: a push's numbers,
	 * squeezed, are ASCII) */
	if ((unsigned char)*s < 0x80)
		return 0;
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (strncmp(s, wide[i], strlen(wide[i])) == 0)
			return strlen(wide[i]);
	return 0;
}

char *
search_trim(const char *text)
{
	size_t n, k, end = 0, i = 0;
	char *out;

	if (text == NULL)
		return xstrdup("");
	while ((k = space_at(text)) > 0)
		text += k;
	n = strlen(text);
	/* the end: after the last character that is not white space */
	while (i < n) {
		if ((k = space_at(text + i)) > 0)
			i += k;
		else
			end = ++i;
	}
	out = xmalloc(end + 1);
	memcpy(out, text, end);
	out[end] = '\0';
	return out;
}

char *
search_squeeze(const char *text)
{
	char *out = search_number(text ? text : "");
	size_t i = 0, o = 0, k;

	while (out[i] != '\0') {
		if ((k = space_at(out + i)) > 0)
			i += k;
		else
			out[o++] = out[i++];
	}
	out[o] = '\0';
	return out;
}

void
search_upper(const char *text, char *out, size_t n)
{
	size_t i;

	for (i = 0; text[i] != '\0' && i + 1 < n; i++)
		out[i] = (char)toupper((unsigned char)text[i]);
	out[i] = '\0';
}

/* References are what gateways, card terminals and banks print: ASCII
 * (ISO 20022's and the card schemes' reference fields take no other
 * script), so a letter of another script is a mistyped one, refused and
 * named "letters A-Z" in the message and in paydesk(1). Position counts
 * bytes: what precedes the first refused byte is ASCII. */
int
payref_check(const char *ref, struct pd_err *err)
{
	size_t n = strlen(ref), i;

	if (n == 0)
		return pd_fail(err, PD_EINVAL, _("The reference is empty"));
	if (n > PAYREF_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("The reference is %zu characters long; at most %d"), n,
		    PAYREF_MAX);
	for (i = 0; i < n; i++)
		if ((unsigned char)ref[i] < 0x20 ||
		    (unsigned char)ref[i] > 0x7e)
			return pd_fail(err, PD_EINVAL,
			    _("The reference has a character that is not "
			      "allowed at position %zu (letters A-Z, digits, "
			      "spaces and ASCII punctuation only)"),
			    i + 1);
	if (ref[0] == ' ' || ref[n - 1] == ' ')
		return pd_fail(err, PD_EINVAL,
		    _("The reference starts or ends with a space"));
	return 0;
}

enum payref_rule
payref_default(enum method_kind k)
{
	/* a counter takes card and cheque payments whose slip may not be
	 * at hand: asked for, not required, unless the method says so */
	return k == METHOD_CASH ? PAYREF_NONE : PAYREF_OPTIONAL;
}

const char *
payref_rule_name(enum payref_rule r)
{
	return (unsigned)r < sizeof rule_names / sizeof rule_names[0]
	           ? rule_names[r]
	           : "none";
}

int
payref_rule_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof rule_names / sizeof rule_names[0]; i++)
		if (strcmp(s, rule_names[i]) == 0)
			return (int)i;
	return -1;
}
