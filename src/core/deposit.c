/* deposit.c - the rules of a bank deposit's words and the names of the
 * reconciliation's exceptions (issue 20; deposit.h). No I/O. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "paydesk/deposit.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

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

void
recon_key_long(const struct recon_exception *e, char *out, size_t size)
{
	snprintf(
	    out, size, "%s:%s:%s", recon_kind_name(e->kind), e->ref, e->detail);
}

/* v's exceptions in the order of their keys (any ASCII case), then of
 * their place in v */
static int
by_key(const void *a, const void *b)
{
	const struct recon_exception *x = *(struct recon_exception *const *)a;
	const struct recon_exception *y = *(struct recon_exception *const *)b;
	int c = strcasecmp(x->key, y->key);

	return c != 0 ? c : (x > y) - (x < y);
}

/* Of the run r (nr, by_key order) sharing one key, how many targets. */
static size_t
run_targets(struct recon_exception **r, size_t nr)
{
	size_t i, j, t = 0;

	for (i = 0; i < nr; i++) {
		for (j = 0; j < i && strcmp(r[j]->target, r[i]->target) != 0;
		     j++)
			;
		t += j == i;
	}
	return t;
}

/* One pass of recon_keys_apart: each run of v (n) sharing a key and more
 * than one target gets its long key (numbered: and "#N" after it). */
static void
keys_apart_pass(struct recon_exception *v, size_t n, int numbered)
{
	struct recon_exception **ix = xcalloc(n ? n : 1, sizeof *ix);
	char head[RECON_KEY_BUFSZ];
	size_t i, j, k, f;

	for (i = 0; i < n; i++)
		ix[i] = &v[i];
	qsort(ix, n, sizeof *ix, by_key);
	for (i = 0; i < n; i = j) {
		for (j = i + 1;
		     j < n && strcasecmp(ix[j]->key, ix[i]->key) == 0; j++)
			;
		if (run_targets(ix + i, j - i) < 2)
			continue;
		for (k = i; k < j; k++) {
			if (!numbered) {
				recon_key_long(
				    ix[k], ix[k]->key, sizeof ix[k]->key);
				continue;
			}
			/* its target's place among the run's, in v's order
			 * (the run's): the targets up to its first */
			for (f = i; strcmp(ix[f]->target, ix[k]->target) != 0;
			     f++)
				;
			xstrlcpy(head, ix[k]->key, sizeof head);
			snprintf(ix[k]->key, sizeof ix[k]->key, "%s#%zu", head,
			    run_targets(ix + i, f - i + 1));
		}
	}
	free(ix);
}

void
recon_keys_apart(struct recon_exception *v, size_t n)
{
	keys_apart_pass(v, n, 0);
	keys_apart_pass(v, n, 1);
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

/* Crockford's base 32, and its letters for a name's first character (a
 * name is never all digits: an old statement number is) */
static const char B32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
#define B32_LETTERS (B32 + 10)
#define NLETTERS 22

void
stmt_name_of(const char *account_key, char *out)
{
	char *p = utf8_printable(account_key);
	uint8_t d[SHA256_LEN];
	uint64_t v = 0;
	int i;

	sha256(p, strlen(p), d);
	free(p);
	for (i = 0; i < 8; i++)
		v = v << 8 | d[i];
	out[0] = B32_LETTERS[v % NLETTERS];
	v /= NLETTERS;
	for (i = 1; i < STMT_NAME_LEN; i++, v >>= 5)
		out[i] = B32[v & 31];
	out[STMT_NAME_LEN] = '\0';
}

void
stmt_name(const char *account, const char *key, char *out)
{
	char *both = xasprintf("%s/%s", account, key);

	stmt_name_of(both, out);
	free(both);
}

int
stmt_name_read(const char *text, size_t n, char *out)
{
	size_t i;
	int c;

	if (n != STMT_NAME_LEN)
		return 0;
	for (i = 0; i < n; i++) {
		c = toupper((unsigned char)text[i]);
		if (i > 0 && c == 'O')
			c = '0';
		else if (i > 0 && (c == 'I' || c == 'L'))
			c = '1';
		if (c == '\0' || strchr(i == 0 ? B32_LETTERS : B32, c) == NULL)
			return 0;
		out[i] = (char)c;
	}
	out[n] = '\0';
	return 1;
}

int
recon_target_line_ref(const char *target, char *out, size_t size)
{
	const char *w, *hash;
	char name[STMT_NAME_BUFSZ], *ak;
	size_t i;

	/* a deposit's uuid or "void:N:UUID", then the line (a bank's
	 * statement id may hold spaces) */
	w = strchr(target, ' ');
	if (w != NULL && (strncmp(target, "void:", 5) == 0 ||
	                     (w - target == 36 && target[8] == '-' &&
	                         target[13] == '-')))
		w++;
	else
		w = target;
	hash = strrchr(w, '#');
	if (hash == NULL || hash == w || strchr(w, '/') == NULL ||
	    hash[1] == '\0')
		return -1;
	for (i = 1; hash[i] != '\0'; i++)
		if (!isdigit((unsigned char)hash[i]))
			return -1;
	ak = xmalloc((size_t)(hash - w) + 1);
	memcpy(ak, w, (size_t)(hash - w));
	ak[hash - w] = '\0';
	stmt_name_of(ak, name);
	free(ak);
	snprintf(out, size, "%s:%s", name, hash + 1);
	return 0;
}
