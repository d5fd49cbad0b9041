/* numfmt.c - document number formats ({TERM}, {YYYY}, {SEQ:6}, ...). */
#include <stdio.h>
#include <string.h>

#include "paydesk/i18n.h"
#include "paydesk/numfmt.h"

enum tok { T_TEXT, T_YYYY, T_YY, T_MM, T_TERM, T_BRANCH, T_SEQ, T_BAD };

/* Read the token at fmt (which points at '{'); *len gets its length and
 * *width the {SEQ:n} width (0 for plain {SEQ}). */
static enum tok
token_at(const char *fmt, size_t *len, int *width)
{
	static const struct {
		const char *text;
		enum tok tok;
	} names[] = {
	    {"{YYYY}", T_YYYY},
	    {"{YY}", T_YY},
	    {"{MM}", T_MM},
	    {"{TERM}", T_TERM},
	    {"{BRANCH}", T_BRANCH},
	    {"{SEQ}", T_SEQ},
	};
	size_t i;
	int w = 0;
	const char *p;

	*width = 0;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		*len = strlen(names[i].text);
		if (strncmp(fmt, names[i].text, *len) == 0)
			return names[i].tok;
	}
	if (strncmp(fmt, "{SEQ:", 5) == 0) {
		p = fmt + 5;
		while (*p >= '0' && *p <= '9' && w < 100)
			w = w * 10 + (*p++ - '0');
		if (*p == '}' && p > fmt + 5 && w >= 1 && w <= 12) {
			*len = (size_t)(p + 1 - fmt);
			*width = w;
			return T_SEQ;
		}
	}
	p = strchr(fmt, '}');
	*len = p ? (size_t)(p + 1 - fmt) : strlen(fmt);
	return T_BAD;
}

int
numfmt_validate(const char *fmt, struct pd_err *err)
{
	const char *p;
	size_t len;
	int width, nseq = 0, nterm = 0, apart = 0, between = 0;
	enum tok t;

	if (fmt == NULL || *fmt == '\0')
		return pd_fail(err, PD_EINVAL, _("Number format is empty"));
	if (strlen(fmt) > 40)
		return pd_fail(err, PD_EINVAL,
		    _("Number format \"%s\" is "
		      "longer than 40 characters"),
		    fmt);
	for (p = fmt; *p != '\0'; p += len) {
		len = 1;
		if (*p == '}')
			return pd_fail(err, PD_EINVAL,
			    _("Number format \"%s\": "
			      "'}' without '{' at position %d"),
			    fmt, (int)(p - fmt) + 1);
		if (*p < 0x20 || *p == 0x7f)
			return pd_fail(err, PD_EINVAL,
			    _("Number format \"%s\": "
			      "control character at position %d"),
			    fmt, (int)(p - fmt) + 1);
		if (*p != '{') {
			/* a literal that no sequence, date or terminal code
			 * ends in ('-' is one: {SEQ} is digits only) */
			if (between == 1 && apart == 0 &&
			    !(*p >= '0' && *p <= '9') &&
			    !(*p >= 'A' && *p <= 'Z') &&
			    !(*p >= 'a' && *p <= 'z'))
				apart = 1;
			continue;
		}
		t = token_at(p, &len, &width);
		if (t == T_BAD)
			return pd_fail(err, PD_EINVAL,
			    _("Number format \"%s\": "
			      "unknown token \"%.*s\" (known: {YYYY} {YY} {MM} "
			      "{TERM} {BRANCH} {SEQ} {SEQ:n} with n 1-12)"),
			    fmt, (int)len, p);
		nseq += t == T_SEQ;
		nterm += t == T_TERM;
		if (t == T_SEQ || t == T_TERM)
			between++;
		else if (between == 1 && t == T_BRANCH)
			apart = -1; /* a branch code could hold any separator */
	}
	if (nseq != 1)
		return pd_fail(err, PD_EINVAL,
		    _("Number format \"%s\": needs "
		      "exactly one {SEQ} or {SEQ:n} token"),
		    fmt);
	if (nterm == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Number format \"%s\": needs a "
		      "{TERM} token so that numbers stay unique across the "
		      "terminals of the organisation"),
		    fmt);
	/* T0's 11th R-{TERM}{SEQ} is T01's 1st: a terminal code must not
	 * run into the sequence (review R18) */
	if (nterm == 1 && apart != 1)
		return pd_fail(err, PD_EINVAL,
		    _("Number format \"%s\": put a separator such as '-' or "
		      "'/' between {TERM} and {SEQ}, or terminal codes run "
		      "into the sequence and two terminals' numbers meet"),
		    fmt);
	return 0;
}

int
numfmt_seq_width(const char *fmt)
{
	const char *p;
	size_t len;
	int width;

	for (p = fmt; *p != '\0'; p += len) {
		len = 1;
		if (*p == '{' && token_at(p, &len, &width) == T_SEQ)
			return width;
	}
	return 0;
}

void
numfmt_scope(const char *fmt, const char *date, char *scope, size_t n)
{
	int year = strstr(fmt, "{YYYY}") || strstr(fmt, "{YY}");
	int month = strstr(fmt, "{MM}") != NULL;

	if (year && month)
		snprintf(scope, n, "%.7s", date);
	else if (year)
		snprintf(scope, n, "%.4s", date);
	else if (month) /* month without year still restarts each month */
		snprintf(scope, n, "%.7s", date);
	else
		snprintf(scope, n, "%s", "");
}

int
numfmt_render(const char *fmt, const struct numfmt_ctx *ctx, int64_t seq,
    char *out, size_t n, struct pd_err *err)
{
	const char *p;
	size_t len, o = 0;
	int width, w;
	enum tok t;
	char piece[32];
	const char *add;

	if (seq < 1)
		return pd_fail(err, PD_EINVAL, _("Sequence %lld out of range"),
		    (long long)seq);
	for (p = fmt; *p != '\0'; p += len) {
		len = 1;
		piece[0] = *p;
		piece[1] = '\0';
		add = piece;
		if (*p == '{') {
			t = token_at(p, &len, &width);
			switch (t) {
			case T_YYYY:
				snprintf(
				    piece, sizeof piece, "%.4s", ctx->date);
				break;
			case T_YY:
				snprintf(
				    piece, sizeof piece, "%.2s", ctx->date + 2);
				break;
			case T_MM:
				snprintf(
				    piece, sizeof piece, "%.2s", ctx->date + 5);
				break;
			case T_TERM:
				add = ctx->terminal;
				break;
			case T_BRANCH:
				add = ctx->branch;
				break;
			case T_SEQ:
				w = width;
				snprintf(piece, sizeof piece, "%0*lld", w,
				    (long long)seq);
				break;
			default:
				return pd_fail(err, PD_EINVAL,
				    _("Number format "
				      "\"%s\" is not valid"),
				    fmt);
			}
		}
		if (o + strlen(add) + 1 > n)
			return pd_fail(err, PD_EINVAL,
			    _("Number from format "
			      "\"%s\" is too long"),
			    fmt);
		memcpy(out + o, add, strlen(add));
		o += strlen(add);
	}
	out[o] = '\0';
	return 0;
}

/* The width a token takes in a number, or -1 for {SEQ}'s. */
static int
token_width(enum tok t, const struct numfmt_ctx *ctx)
{
	switch (t) {
	case T_YYYY:
		return 4;
	case T_YY:
	case T_MM:
		return 2;
	case T_TERM:
		return (int)strlen(ctx->terminal);
	case T_BRANCH:
		return (int)strlen(ctx->branch);
	case T_SEQ:
		return -1;
	default:
		return 1;
	}
}

/* Whether the w characters at s are digits (and, with want, want's). */
static int
digits_at(const char *s, int w, const char *want)
{
	int i;

	for (i = 0; i < w; i++)
		if (s[i] < '0' || s[i] > '9' || (want && s[i] != want[i]))
			return 0;
	return 1;
}

/* Match the token t (len bytes of fmt at p) against number at q, which
 * has w characters for it. */
static int
token_matches(enum tok t, const char *p, const char *q, int w,
    const struct numfmt_ctx *ctx)
{
	const char *d = ctx->date;

	switch (t) {
	case T_YYYY:
		return digits_at(q, 4, d);
	case T_YY:
		return digits_at(q, 2, d ? d + 2 : NULL);
	case T_MM:
		return digits_at(q, 2, d ? d + 5 : NULL) &&
		       ((q[0] == '0' && q[1] >= '1') ||
		           (q[0] == '1' && q[1] <= '2'));
	case T_TERM:
		return strncmp(q, ctx->terminal, (size_t)w) == 0;
	case T_BRANCH:
		return strncmp(q, ctx->branch, (size_t)w) == 0;
	default:
		return *q == *p;
	}
}

int
numfmt_match(const char *fmt, const struct numfmt_ctx *ctx, const char *number,
    int64_t *seq, struct pd_err *err)
{
	const char *p, *q = number;
	size_t len;
	int width, seqw = 0, fixed = 0, nseq = 0, w, i;
	int64_t v = 0;
	enum tok t;

	for (p = fmt; *p != '\0'; p += len) {
		len = 1;
		t = *p == '{' ? token_at(p, &len, &width) : T_TEXT;
		if (t == T_BAD)
			return pd_fail(err, PD_EINVAL,
			    _("Number format \"%s\" is not valid"), fmt);
		if (t == T_SEQ) {
			nseq++;
			seqw = width;
		} else
			fixed += token_width(t, ctx);
	}
	/* the sequence's digits: what the fixed parts leave, at least its
	 * padding, no leading zero past it, 1 to 10^18 - 1 */
	w = (int)strlen(number) - fixed;
	if (nseq != 1 || w < 1 || w < seqw || w > 18)
		goto no;
	for (p = fmt; *p != '\0'; p += len) {
		len = 1;
		t = *p == '{' ? token_at(p, &len, &width) : T_TEXT;
		if (t != T_SEQ) {
			if (!token_matches(t, p, q, token_width(t, ctx), ctx))
				goto no;
			q += token_width(t, ctx);
			continue;
		}
		if (!digits_at(q, w, NULL) || (w > seqw && w > 1 && *q == '0'))
			goto no;
		for (i = 0; i < w; i++)
			v = v * 10 + (q[i] - '0');
		q += w;
	}
	if (v < 1)
		goto no;
	if (seq != NULL)
		*seq = v;
	return 0;
no:
	return pd_fail(err, PD_EINVAL,
	    _("%s is not a number of the series \"%s\" of terminal %s"), number,
	    fmt, ctx->terminal);
}
