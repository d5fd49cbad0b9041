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

/* Whether s is a number written with an exponent (1e3, 2.5E+4): an e or
 * E among digits, signs and separators only; a word that happens to hold
 * an e (SECRET) is not a number at all, and is refused as that. */
static int
exponent_form(const char *s)
{
	int digit = 0;

	if (strpbrk(s, "eE") == NULL)
		return 0;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digit = 1;
		else if (strchr(".,eE+-", *s) == NULL)
			return 0;
	}
	return digit;
}

int
money_parse(const char *s, int digits, const char *what, int64_t *out,
    struct pd_err *err)
{
	const char *p = s;
	int64_t whole = 0, frac = 0;
	int nwhole = 0, nfrac = 0;

	if (what == NULL)
		what = _("Amount");
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
	if (exponent_form(s))
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

/* A separator goes before the digit with `left` digits from it to the
 * decimal point: every 3, or 3 then every group2. */
static int
group_here(size_t left, int group2)
{
	if (left < 3)
		return 0;
	if (left == 3)
		return 1;
	return group2 == 2 ? (left - 3) % 2 == 0 : left % 3 == 0;
}

char *
money_format_style(char *buf, size_t n, int64_t v, const struct money_style *st)
{
	char plain[MONEY_BUFSZ], num[MONEY_BUFSZ * 4];
	const char *group = st->group ? st->group : "";
	const char *sym = st->symbol ? st->symbol : "", *dot, *sp;
	size_t i, o = 0, intlen, gl = strlen(group);

	money_plain(plain, sizeof plain, v < 0 ? -v : v, st->digits);
	dot = strchr(plain, '.');
	intlen = dot ? (size_t)(dot - plain) : strlen(plain);
	for (i = 0; i < intlen; i++) {
		if (i > 0 && gl > 0 && group_here(intlen - i, st->group2)) {
			memcpy(num + o, group, gl);
			o += gl;
		}
		num[o++] = plain[i];
	}
	if (dot != NULL) {
		num[o++] = st->decimal;
		for (i = intlen + 1; plain[i] != '\0'; i++)
			num[o++] = plain[i];
	}
	num[o] = '\0';
	/* a no-break space: the symbol never ends a line alone */
	sp = st->symbol_space && *sym != '\0' ? "\u00a0" : "";
	if (st->symbol_after)
		snprintf(buf, n, "%s%s%s%s", v < 0 ? "-" : "", num, sp, sym);
	else
		snprintf(buf, n, "%s%s%s%s", v < 0 ? "-" : "", sym, sp, num);
	return buf;
}

char *
money_format(char *buf, size_t n, int64_t v, int digits, const char *symbol)
{
	struct money_style st = MONEY_STYLE_INIT;

	st.digits = digits;
	st.symbol = symbol;
	return money_format_style(buf, n, v, &st);
}

/* ---- money typed by a person, in a style ---- */

/* The separators a person may type between digits. */
enum sep { SEP_NONE, SEP_DOT, SEP_COMMA, SEP_APOS, SEP_SPACE };

/* The separator at p and its length in bytes, or SEP_NONE. A space, a
 * no-break space and a narrow no-break space are one kind; so are ' and
 * the right single quotation mark a Swiss text writes for it. */
static enum sep
sep_at(const char *p, size_t *len)
{
	static const struct {
		const char *text;
		enum sep kind;
	} seps[] = {{".", SEP_DOT}, {",", SEP_COMMA}, {"'", SEP_APOS},
	    {"\xe2\x80\x99", SEP_APOS}, /* U+2019, the Swiss typeset ' */
	    {" ", SEP_SPACE}, {"\xc2\xa0", SEP_SPACE},
	    {"\xe2\x80\xaf", SEP_SPACE}};
	size_t i;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (strncmp(p, seps[i].text, strlen(seps[i].text)) == 0) {
			*len = strlen(seps[i].text);
			return seps[i].kind;
		}
	return SEP_NONE;
}

/* The text split into runs of digits and the separators between them. */
#define MONEY_RUNS 24
struct runs {
	size_t n;                   /* runs; separators: n - 1 */
	const char *at[MONEY_RUNS]; /* first digit of run i */
	size_t len[MONEY_RUNS];     /* digits of run i (0: none) */
	enum sep sep[MONEY_RUNS];   /* after run i */
	size_t seplen[MONEY_RUNS];
};

/* Split t: 0, or -1 at a character that is neither a digit nor a
 * separator, or with too many groups. */
static int
split_runs(const char *t, struct runs *r)
{
	const char *p = t;

	memset(r, 0, sizeof *r);
	r->n = 1;
	r->at[0] = p;
	while (*p != '\0') {
		if (*p >= '0' && *p <= '9') {
			r->len[r->n - 1]++;
			p++;
			continue;
		}
		if (r->n == MONEY_RUNS)
			return -1;
		r->sep[r->n - 1] = sep_at(p, &r->seplen[r->n - 1]);
		if (r->sep[r->n - 1] == SEP_NONE)
			return -1;
		p += r->seplen[r->n - 1];
		r->at[r->n++] = p;
	}
	return 0;
}

static enum sep
style_sep(const char *text)
{
	size_t len = 0;
	enum sep k;

	if (text == NULL || *text == '\0')
		return SEP_NONE;
	k = sep_at(text, &len);
	return text[len] == '\0' ? k : SEP_NONE;
}

/* What a message shows: examples written in the style. */
struct examples {
	char plain[MONEY_BUFSZ];       /* "145.50" */
	char large[MONEY_BUFSZ];       /* "1000.00" */
	char grouped[MONEY_BUFSZ * 2]; /* "1,234,567.00" */
	char ungrouped[MONEY_BUFSZ];   /* "1234567.00" */
	const char *mark;              /* "." */
	const char *mark_word;         /* "dot" */
};

static void
examples_of(const struct money_style *st, struct examples *e)
{
	struct money_style bare = *st;
	int64_t unit = pow10i(st->digits);

	bare.symbol = "";
	money_format_style(
	    e->grouped, sizeof e->grouped, 1234567 * unit, &bare);
	bare.group = "";
	money_format_style(e->plain, sizeof e->plain,
	    st->digits >= 2 ? 14550 * unit / 100 : 145 * unit, &bare);
	money_format_style(e->large, sizeof e->large, 1000 * unit, &bare);
	money_format_style(
	    e->ungrouped, sizeof e->ungrouped, 1234567 * unit, &bare);
	e->mark = st->decimal == ',' ? "," : ".";
	e->mark_word = st->decimal == ',' ? _("comma") : _("dot");
}

/* The length of the space at p: a space, a no-break space (U+00A0, as
 * currency_space writes one) or a narrow one (U+202F); 0 if none. */
static size_t
space_at(const char *p)
{
	if (*p == ' ')
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xaf)
		return 3;
	return 0;
}

/* The length of such a space ending t[len - 1]; 0 if none. */
static size_t
space_before(const char *t, size_t len)
{
	size_t k;

	for (k = 1; k <= 3 && k <= len; k++)
		if (space_at(t + len - k) == k)
			return k;
	return 0;
}

int
money_space_around(const char *s)
{
	size_t len = strlen(s);

	return len > 0 && (strchr(" \t\n\r\v\f", s[0]) != NULL ||
	                      strchr(" \t\n\r\v\f", s[len - 1]) != NULL ||
	                      space_at(s) > 0 || space_before(s, len) > 0);
}

/* Copy s without the spaces around it and the symbol (before or after,
 * with spaces between) into t (n bytes); -1 if it does not fit. */
static int
strip_text(const char *s, const char *symbol, char *t, size_t n)
{
	size_t len, k, sl = symbol ? strlen(symbol) : 0;
	char *p = t;

	while ((k = space_at(s)) > 0)
		s += k;
	len = strlen(s);
	if (len >= n)
		return -1;
	memcpy(t, s, len + 1);
	while ((k = space_before(t, len)) > 0)
		t[len -= k] = '\0';
	if (sl > 0 && strncmp(t, symbol, sl) == 0) {
		p = t + sl;
		while ((k = space_at(p)) > 0)
			p += k;
		memmove(t, p, strlen(p) + 1);
	} else if (sl > 0 && len >= sl && strcmp(t + len - sl, symbol) == 0) {
		len -= sl;
		t[len] = '\0';
		while ((k = space_before(t, len)) > 0)
			t[len -= k] = '\0';
	}
	return 0;
}

static int grouping_ok(
    const struct runs *r, size_t upto, const struct money_style *st);

/* The other decimal mark where this style's was meant: "200,00" in a
 * '.' organisation (no decimal in the text, the last separator a '.' or
 * ',' and after it no more digits than the currency has). */
static int
meant_decimal(const struct runs *r, const struct money_style *st, enum sep dec,
    size_t ndec)
{
	enum sep last;

	if (ndec > 0 || r->n < 2 || st->digits == 0)
		return 0;
	last = r->sep[r->n - 2];
	if (last != SEP_DOT && last != SEP_COMMA)
		return 0;
	/* and what comes before it is a well-grouped whole number, and the
	 * whole text is not one ("0.500" of a three-decimal currency
	 * cannot be a grouped number: issue 25) */
	return last != dec && r->len[r->n - 1] <= (size_t)st->digits &&
	       (r->len[r->n - 1] != 3 || style_sep(st->group) != last ||
	           !grouping_ok(r, r->n, st)) &&
	       grouping_ok(r, r->n - 1, st);
}

/* The integer runs 0 .. upto-1 with their separators: each separator the
 * style's grouping, the groups 3 on the right, group2 to the left of
 * them, the first 1..group2 and not a 0 (a grouped number has no
 * leading zero: "0.500" is not five hundred). */
static int
grouping_ok(const struct runs *r, size_t upto, const struct money_style *st)
{
	enum sep g = style_sep(st->group);
	size_t i;

	if (upto <= 1)
		return 1;
	if (g == SEP_NONE)
		return 0;
	for (i = 0; i + 1 < upto; i++)
		if (r->sep[i] != g)
			return 0;
	if (r->len[0] < 1 || r->len[0] > (size_t)st->group2 ||
	    r->at[0][0] == '0' || r->len[upto - 1] != 3)
		return 0;
	for (i = 1; i + 1 < upto; i++)
		if (r->len[i] != (size_t)st->group2)
			return 0;
	return 1;
}

/* The value of runs 0 .. upto-1 and the fraction run (NULL: none):
 * 0, or -1 above MONEY_MAX. */
static int
runs_value(const struct runs *r, size_t upto, const char *frac, size_t nfrac,
    int digits, int64_t *out)
{
	int64_t whole = 0, f = 0;
	size_t i, k;

	for (i = 0; i < upto; i++)
		for (k = 0; k < r->len[i]; k++) {
			if (whole > MONEY_MAX)
				return -1;
			whole = whole * 10 + (r->at[i][k] - '0');
		}
	for (k = 0; k < nfrac; k++)
		f = f * 10 + (frac[k] - '0');
	if (whole > MONEY_MAX / pow10i(digits))
		return -1;
	whole = whole * pow10i(digits) + f * pow10i(digits - (int)nfrac);
	if (whole > MONEY_MAX)
		return -1;
	*out = whole;
	return 0;
}

/* The text with its last separator made the decimal one, for "use ,
 * for decimals: 200,00". */
static void
suggest(const char *t, const struct runs *r, char decimal, char *buf, size_t n)
{
	size_t at = (size_t)(r->at[r->n - 1] - t) - r->seplen[r->n - 2];

	snprintf(buf, n, "%.*s%c%s", (int)at, t, decimal, r->at[r->n - 1]);
}

/* What "10." (a separator with nothing after it) meant: the whole number
 * "10" into whole and, with the decimal mark and the currency's zeros,
 * "10,00" into dec (issue 25: not "10,", which is refused too). */
static void
suggest_whole(const char *t, const struct runs *r, const struct money_style *st,
    char *whole, char *dec, size_t n)
{
	size_t at = (size_t)(r->at[r->n - 1] - t) - r->seplen[r->n - 2];

	snprintf(whole, n, "%.*s", (int)at, t);
	snprintf(dec, n, "%.*s%c%.*s", (int)at, t, st->decimal, st->digits,
	    "000000000000000000");
}

static int parse_runs(const char *s, const char *t,
    const struct money_style *st, const char *what, int64_t *out,
    struct pd_err *err, int swapped);

/* Whether t with its dots and commas swapped ("1.234,50" in a dot
 * organisation) is a number of the style: then that is what was meant,
 * written into fix (n bytes). */
static int
swap_marks(const char *t, const struct money_style *st, char *fix, size_t n)
{
	struct pd_err e;
	int64_t v;
	size_t i;

	if (strlen(t) >= n)
		return 0;
	for (i = 0; t[i] != '\0'; i++)
		fix[i] = t[i] == '.' ? ',' : t[i] == ',' ? '.' : t[i];
	fix[i] = '\0';
	return parse_runs(fix, fix, st, "", &v, &e, 1) == 0;
}

/* The checks on the runs of the stripped text t (the text typed: s);
 * swapped: t is already the text with its marks swapped. */
static int
parse_runs(const char *s, const char *t, const struct money_style *st,
    const char *what, int64_t *out, struct pd_err *err, int swapped)
{
	struct examples e;
	struct runs r;
	enum sep dec = st->decimal == ',' ? SEP_COMMA : SEP_DOT;
	size_t i, ndec = 0, idec = 0, upto;
	char fix[MONEY_BUFSZ * 2], fix2[MONEY_BUFSZ * 2];

	examples_of(st, &e);
	if (split_runs(t, &r) != 0 || r.len[0] == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": not a number; write digits with an "
		      "optional %s and up to %d decimals (e.g. %s)"),
		    what, s, e.mark_word, st->digits, e.plain);
	for (i = 0; i + 1 < r.n; i++)
		if (r.sep[i] == dec && ndec++ == 0)
			idec = i;
	if ((ndec > 1 || (ndec && idec + 2 < r.n)) && !swapped &&
	    swap_marks(t, st, fix, sizeof fix))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": use %s for decimals: %s"), what, s, e.mark,
		    fix);
	if (ndec > 1)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": two decimal separators; write one %s "
		      "before the decimals (e.g. %s)"),
		    what, s, e.mark, e.grouped);
	if (meant_decimal(&r, st, dec, ndec) && r.len[r.n - 1] == 0) {
		suggest_whole(t, &r, st, fix, fix2, sizeof fix);
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": use %s for decimals, with digits after it: "
		      "write %s or %s"),
		    what, s, e.mark, fix, fix2);
	}
	if (meant_decimal(&r, st, dec, ndec)) {
		suggest(t, &r, st->decimal, fix, sizeof fix);
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": use %s for decimals: %s"), what, s, e.mark,
		    fix);
	}
	upto = ndec ? idec + 1 : r.n;
	if (ndec && idec + 2 < r.n)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": only digits may follow the decimal %s "
		      "(e.g. %s)"),
		    what, s, e.mark, e.grouped);
	for (i = 0; i < upto; i++)
		if (r.len[i] == 0 && !(ndec && i == idec + 1))
			goto bad_group;
	if (!grouping_ok(&r, upto, st))
		goto bad_group;
	if (ndec && r.len[idec + 1] == 0 && idec + 2 == r.n && st->digits > 0) {
		suggest_whole(t, &r, st, fix, fix2, sizeof fix);
		return pd_fail(err, PD_EINVAL,
		    st->decimal == ','
		        ? _("%s \"%s\": digits expected after the decimal "
		            "comma; write %s or %s")
		        : _("%s \"%s\": digits expected after the decimal "
		            "point; write %s or %s"),
		    what, s, fix, fix2);
	}
	if (ndec && r.len[idec + 1] == 0)
		return pd_fail(err, PD_EINVAL,
		    st->decimal == ','
		        ? _("%s \"%s\": digits expected after the decimal "
		            "comma")
		        : _("%s \"%s\": digits expected after the decimal "
		            "point"),
		    what, s);
	if (ndec && r.len[idec + 1] > (size_t)st->digits) {
		if (st->digits == 0)
			return pd_fail(err, PD_EINVAL,
			    _("%s \"%s\": this currency has no decimals"), what,
			    s);
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": at most %d decimals are allowed"), what, s,
		    st->digits);
	}
	if (runs_value(&r, upto, ndec ? r.at[idec + 1] : NULL,
	        ndec ? r.len[idec + 1] : 0, st->digits, out) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": too large (the limit is %lld minor units)"),
		    what, s, (long long)MONEY_MAX);
	return 0;
bad_group:
	if (style_sep(st->group) == SEP_NONE)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": write the number without grouping "
		      "separators (e.g. %s)"),
		    what, s, e.ungrouped);
	return pd_fail(err, PD_EINVAL,
	    _("%s \"%s\": digits grouped in the wrong places; write %s or "
	      "%s"),
	    what, s, e.grouped, e.ungrouped);
}

int
money_parse_style(const char *s, const struct money_style *st, const char *what,
    int64_t *out, struct pd_err *err)
{
	struct examples e;
	char t[128];
	int64_t v = 0;

	if (what == NULL)
		what = _("Amount");
	examples_of(st, &e);
	if (s == NULL || strip_text(s, st->symbol, t, sizeof t) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s: not a number; write digits with an optional %s "
		      "and up to %d decimals (e.g. %s)"),
		    what, e.mark_word, st->digits, e.plain);
	if (*t == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("%s is empty: give a number such as %s"), what, e.plain);
	if (*t == '-' || *t == '+' || *s == '-' || *s == '+')
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": a sign is not allowed, amounts are written "
		      "as positive numbers"),
		    what, s);
	if (exponent_form(t))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": exponents are not allowed, write the number "
		      "out (e.g. %s)"),
		    what, s, e.large);
	if (parse_runs(s, t, st, what, &v, err, 0) != 0)
		return -1;
	*out = v;
	return 0;
}

int64_t
money_ratio_tenths(int64_t num, int64_t den)
{
	int64_t q;

	if (den <= 0)
		return 0;
	if (num < 0)
		return -money_ratio_tenths(-num, den);
	/* num * 2000 + den would pass INT64_MAX for sums of a large ledger (a
	 * share of 100 % read -3.6 %): both scaled down alike, the ratio
	 * kept to far more than the tenth shown */
	while (num > INT64_MAX / 4000 || den > INT64_MAX / 4) {
		num /= 10;
		den /= 10;
	}
	if (den <= 0)
		return 0;
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
