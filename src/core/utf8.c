/* utf8.c - characters and display columns of UTF-8 text, and folding
 * for search, over utf8proc: the one table kept here is of the letters
 * utf8proc cannot fold to what a plain keyboard types (fold_letters). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	k = utf8proc_iterate(
	    (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
	if (k <= 0) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = (uint32_t)c;
	return (size_t)k;
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10ffff || !utf8proc_codepoint_valid((utf8proc_int32_t)cp))
		return 0;
	return (size_t)utf8proc_encode_char(
	    (utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
}

size_t
utf8_len(const char *s)
{
	uint32_t cp;

	/* a NUL stops a sequence: it is never a continuation byte */
	return utf8_decode(s, 4, &cp);
}

uint32_t
utf8_cp(const char *s)
{
	uint32_t cp;

	utf8_decode(s, 4, &cp);
	return cp;
}

int
utf8_cp_columns(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 1;
	if (cp > 0x10ffff)
		return 1;
	/* a spacing mark (Mc: Devanagari ा ि ी, Bengali, Tamil ... vowel
	 * signs) takes a cell of its own on a terminal (wcwidth, as glibc
	 * and the terminals draw it), where utf8proc counts every mark 0
	 * (issue 17 review: list columns shifted by 2) */
	if (utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_MC)
		return 1;
	return utf8proc_charwidth((utf8proc_int32_t)cp);
}

int
utf8_word_char(uint32_t cp)
{
	if (cp > 0x10ffff)
		return 0;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_CO:
		return 1;
	default:
		return 0;
	}
}

int
utf8_columns(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	int cols = 0;

	while (i < n && s[i] != '\0') {
		i += utf8_decode(s + i, n - i, &cp);
		cols += utf8_cp_columns(cp);
	}
	return cols;
}

size_t
utf8_chars(const char *s, size_t n)
{
	size_t i = 0, count = 0;
	uint32_t cp;

	while (i < n && s[i] != '\0') {
		i += utf8_decode(s + i, n - i, &cp);
		count++;
	}
	return count;
}

int
utf8_blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\n")] == '\0';
}

int
utf8_valid(const char *s, size_t n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t i = 0;

	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i < 4 ? n - i : 4), &c);
		if (k <= 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

size_t
utf8_fit(const char *s, size_t n, int w, int *cols)
{
	size_t i = 0, k;
	uint32_t cp;
	int used = 0, cw;

	while (w > 0 && i < n && s[i] != '\0') {
		k = utf8_decode(s + i, n - i, &cp);
		cw = utf8_cp_columns(cp);
		if (used + cw > w)
			break;
		used += cw;
		i += k;
	}
	if (cols != NULL)
		*cols = used;
	return i;
}

/* (s, n) up to its first NUL, with every bad sequence replaced by
 * U+FFFD, so that utf8proc_map never refuses it. */
static char *
sanitized(const char *s, size_t n, size_t *len)
{
	char *out = xmalloc(n * 3 + 1);
	size_t i = 0, o = 0, k;
	uint32_t cp;

	while (i < n && s[i] != '\0') {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_REPLACEMENT && k == 1) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* Letters a plain keyboard spells with other letters, which Unicode
 * gives no decomposition (so stripping marks leaves them as they are):
 * each folded (lower case, as case folding leaves it) to what a person
 * types for it on a US keyboard. The letters with a stroke, bar or
 * missing dot are read as their base letter, the ligatures and thorn as
 * the letters they are written with in ASCII (the transliterations of
 * ISO 9 / ALA-LC and of each language's own ASCII spelling: Turkish ı,
 * Polish ł, Danish and Norwegian ø, æ, Croatian and Serbian đ, Icelandic
 * þ, ð, French œ, Maltese ħ, Sami ŧ). ß and ẞ need no entry: case
 * folding gives "ss"; İ folds to i and a dot that stripping removes. */
static const struct {
	uint32_t cp;
	const char *ascii;
} fold_letters[] = {
    {0x00E6, "ae"}, /* æ */
    {0x00F0, "d"},  /* ð */
    {0x00F8, "o"},  /* ø */
    {0x00FE, "th"}, /* þ */
    {0x0111, "d"},  /* đ */
    {0x0127, "h"},  /* ħ */
    {0x0131, "i"},  /* ı */
    {0x0142, "l"},  /* ł */
    {0x0153, "oe"}, /* œ */
    {0x0167, "t"},  /* ŧ */
    {0x0180, "b"},  /* ƀ */
    {0x01E5, "g"},  /* ǥ */
    {0x0268, "i"},  /* ɨ */
};

/* (s, len), folded by utf8proc, with each letter of fold_letters
 * replaced by its ASCII spelling; s is freed. No entry is longer than
 * the letter it replaces (2 bytes for 2 letters at most), so the text
 * never grows. */
static char *
fold_table(char *s)
{
	size_t i = 0, o = 0, k, j, n = strlen(s);
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		for (j = 0; j < sizeof fold_letters / sizeof fold_letters[0];
		     j++)
			if (fold_letters[j].cp == cp)
				break;
		if (j < sizeof fold_letters / sizeof fold_letters[0]) {
			size_t m = strlen(fold_letters[j].ascii);

			memcpy(s + o, fold_letters[j].ascii, m);
			o += m;
		} else {
			memmove(s + o, s + i, k);
			o += k;
		}
		i += k;
	}
	s[o] = '\0';
	return s;
}

/* s's first n bytes (to a NUL) folded when they are all ASCII, else
 * NULL: NFKC, case folding, mark stripping and the ignorables leave an
 * ASCII character as it is but a capital, which becomes its small
 * letter, and fold_letters has none (utf8proc_map is 0.7 us of each
 * consumer a pull inserts, issue 22; test_core compares the two on
 * every ASCII character) */
static char *
fold_ascii(const char *s, size_t n)
{
	size_t i;
	char *out;

	for (i = 0; i < n && s[i] != '\0'; i++)
		if ((unsigned char)s[i] >= 0x80)
			return NULL;
	out = xmalloc(i + 1);
	for (n = 0; n < i; n++)
		out[n] = s[n] >= 'A' && s[n] <= 'Z' ? (char)(s[n] - 'A' + 'a')
		                                    : s[n];
	out[i] = '\0';
	return out;
}

char *
utf8_fold(const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;
	size_t len;
	char *in = fold_ascii(s, n);

	if (in != NULL)
		return in;
	in = sanitized(s, n, &len);

	r = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)len,
	    &out,
	    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
	        UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	free(in);
	if (r < 0) {
		/* valid input leaves only out-of-memory */
		fprintf(
		    stderr, "paydesk: utf8proc_map: %s\n", utf8proc_errmsg(r));
		abort();
	}
	return fold_table((char *)out);
}

/* Whether cp reorders the text around it (bidi controls) or breaks a
 * line where no newline is (the line and paragraph separators). */
static int
reorders(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || cp == 0x2028 ||
	       cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

int
utf8_escaped(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || reorders(cp);
}

void
utf8_printable_into(char *out, size_t n, const char *s)
{
	char *e = utf8_printable(s);
	size_t len = strlen(e);

	if (n == 0) {
		free(e);
		return;
	}
	if (len >= n) {
		/* back to the first byte of the character cut in two */
		len = n - 1;
		while (len > 0 && ((unsigned char)e[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(out, e, len);
	out[len] = '\0';
	free(e);
}

char *
utf8_printable(const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0, o = 0;
	char *out = xmalloc(n * 6 + 1); /* \uHHHH: 6 bytes for 2 or 3 */

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (cp == 0xFFFD && k == 1)
			o += (size_t)sprintf(
			    out + o, "\\x%02x", (unsigned)(unsigned char)s[i]);
		else if (cp < 0x20 || cp == 0x7F)
			o += (size_t)sprintf(out + o, "\\x%02x", (unsigned)cp);
		else if ((cp >= 0x80 && cp < 0xA0) || reorders(cp))
			o += (size_t)sprintf(out + o, "\\u%04x", (unsigned)cp);
		else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

int
utf8_same_folded(const char *a, const char *b)
{
	char *x = utf8_fold(a, strlen(a)), *y = utf8_fold(b, strlen(b));
	int same = strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}
