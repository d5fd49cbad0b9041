/* deposit.c - the rules of a bank deposit's words and the names of the
 * reconciliation's exceptions (issue 20; deposit.h). No I/O. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "paydesk/deposit.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"

int
deposit_word_check(
    const char *what, const char *v, size_t size, struct pd_err *err)
{
	size_t n = strlen(v), i;

	if (n == 0 || n >= size)
		return pd_fail(err, PD_EUSAGE,
		    _("%s \"%s\": 1 to %zu characters"), what, v, size - 1);
	if (!utf8_valid(v, n))
		return pd_fail(err, PD_EUSAGE, _("%s is not UTF-8 text"), what);
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] <= ' ' || v[i] == 0x7f || v[i] == '/' ||
		    v[i] == '\\')
			return pd_fail(err, PD_EUSAGE,
			    _("%s \"%s\": no spaces, slashes or control "
			      "characters"),
			    what, v);
	return 0;
}

const char *
recon_kind_name(enum recon_kind k)
{
	static const char *const names[] = {N_("not_credited"),
	    N_("unexpected_credit"), N_("amount_differs"), N_("over_short"),
	    N_("matched_twice")};

	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

void
recon_key(const struct recon_exception *e, char *out, size_t size)
{
	if (e->kind == RECON_OVER_SHORT)
		snprintf(out, size, "%s:%s:%s", recon_kind_name(e->kind),
		    e->ref, e->detail);
	else
		snprintf(out, size, "%s:%s", recon_kind_name(e->kind), e->ref);
}

int
deposit_ref_has(const char *text, const char *word)
{
	size_t n = strlen(word), i;
	const char *p;

	if (n == 0)
		return 0;
	for (p = text; *p != '\0'; p++) {
		for (i = 0; i < n && p[i] != '\0' &&
		            toupper((unsigned char)p[i]) ==
		                toupper((unsigned char)word[i]);
		     i++)
			;
		if (i == n && (p == text || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

const char *
deposit_run(const char **p, size_t *len)
{
	const char *s = *p, *e;

	while (*s != '\0' && !isalnum((unsigned char)*s))
		s++;
	for (e = s; isalnum((unsigned char)*e); e++)
		;
	*p = e;
	*len = (size_t)(e - s);
	return *len > 0 ? s : NULL;
}

size_t
deposit_word_key(const char *word, char *out, size_t size)
{
	const char *p = word, *r, *best = NULL;
	size_t len, n = 0, i;

	while ((r = deposit_run(&p, &len)) != NULL)
		if (len >= n) {
			best = r;
			n = len;
		}
	if (best == NULL || n >= size) {
		if (size > 0)
			out[0] = '\0';
		return 0;
	}
	for (i = 0; i < n; i++)
		out[i] = (char)toupper((unsigned char)best[i]);
	out[n] = '\0';
	return n;
}
