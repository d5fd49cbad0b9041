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
	int width, nseq = 0, nterm = 0;
	enum tok t;

	if (fmt == NULL || *fmt == '\0')
		return pd_fail(err, PD_EINVAL, _("number format is empty"));
	if (strlen(fmt) > 40)
		return pd_fail(err, PD_EINVAL,
		    _("number format \"%s\" is "
		      "longer than 40 characters"),
		    fmt);
	for (p = fmt; *p != '\0'; p += len) {
		len = 1;
		if (*p == '}')
			return pd_fail(err, PD_EINVAL,
			    _("number format \"%s\": "
			      "'}' without '{' at position %d"),
			    fmt, (int)(p - fmt) + 1);
		if (*p < 0x20 || *p == 0x7f)
			return pd_fail(err, PD_EINVAL,
			    _("number format \"%s\": "
			      "control character at position %d"),
			    fmt, (int)(p - fmt) + 1);
		if (*p != '{')
			continue;
		t = token_at(p, &len, &width);
		if (t == T_BAD)
			return pd_fail(err, PD_EINVAL,
			    _("number format \"%s\": "
			      "unknown token \"%.*s\" (known: {YYYY} {YY} {MM} "
			      "{TERM} {BRANCH} {SEQ} {SEQ:n} with n 1-12)"),
			    fmt, (int)len, p);
		nseq += t == T_SEQ;
		nterm += t == T_TERM;
	}
	if (nseq != 1)
		return pd_fail(err, PD_EINVAL,
		    _("number format \"%s\": needs "
		      "exactly one {SEQ} or {SEQ:n} token"),
		    fmt);
	if (nterm == 0)
		return pd_fail(err, PD_EINVAL,
		    _("number format \"%s\": needs a "
		      "{TERM} token so that numbers stay unique across the "
		      "terminals of the organisation"),
		    fmt);
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
		return pd_fail(err, PD_EINVAL, _("sequence %lld out of range"),
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
				    _("number format "
				      "\"%s\" is not valid"),
				    fmt);
			}
		}
		if (o + strlen(add) + 1 > n)
			return pd_fail(err, PD_EINVAL,
			    _("number from format "
			      "\"%s\" is too long"),
			    fmt);
		memcpy(out + o, add, strlen(add));
		o += strlen(add);
	}
	out[o] = '\0';
	return 0;
}
