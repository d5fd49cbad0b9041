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
