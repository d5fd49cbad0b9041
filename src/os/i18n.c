/* i18n.c - the language of the messages and where their catalogues are
 * (see paydesk/i18n.h). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

#ifndef PD_LOCALEDIR
#define PD_LOCALEDIR "/usr/local/share/locale"
#endif

/* A locale name that names no language: "", C, POSIX, C.<codeset>. */
static int
no_language(const char *v)
{
	return v == NULL || *v == '\0' || strcmp(v, "C") == 0 ||
	       strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0;
}

/* The locale variable that decides LC_MESSAGES, as POSIX orders them. */
static const char *
messages_var(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

/* The directory of the catalogues into dir (PATH_MAX bytes). */
static void
locale_dir(char *dir)
{
	static const char *const rel[] = {"/locale", "/../share/locale"};
	char exe[PATH_MAX];
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	size_t i;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				if (strlen(exe) + strlen(rel[i]) >= PATH_MAX)
					continue;
				strcpy(dir, exe);
				strcat(dir, rel[i]);
				if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
					return;
			}
		}
	}
	strcpy(dir, PD_LOCALEDIR);
}

/* LANGUAGE was set here from a configured language, not by the person */
static int ours;

void
i18n_init(const char *language)
{
	const char *env_language = getenv("LANGUAGE");
	const char *var = messages_var();
	const char *loc = setlocale(LC_MESSAGES, "");
	char dir[PATH_MAX];

	/* gettext ignores LANGUAGE under the C locale, and a locale that is
	 * not installed leaves C: C.UTF-8 is built into glibc and is not C */
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	if (env_language != NULL && *env_language != '\0' && !ours)
		; /* the person's: gettext reads it */
	else if (!no_language(var)) {
		if (loc == NULL) /* es_ES.UTF-8 not installed: say "es_ES" */
			setenv("LANGUAGE", var, 1);
	} else if (language != NULL && *language != '\0') {
		/* ours, so that a later call (the central node's language,
		 * read after the config's) replaces it */
		setenv("LANGUAGE", language, 1);
		ours = 1;
	}
	/* numbers are written for machines (PDF operators, xlsx cells, JSON):
	 * a library that set LC_ALL from the environment when it was loaded
	 * (libgwenhywfar's constructor does) must not give them a decimal
	 * comma; people's numbers are formatted by svc_money and friends */
	setlocale(LC_NUMERIC, "C");
	locale_dir(dir);
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
}

/* ---- catalogues for rendering in a given language (see i18n.h) ---- */

#define MO_MAGIC 0x950412deU
#define MO_MAX_BYTES (16L * 1024 * 1024)

struct i18n_lang {
	char code[16];
	unsigned char *data;
	size_t size;
	uint32_t n;           /* entries */
	uint32_t orig, trans; /* offsets of the two tables */
	int swap;             /* the file's byte order is not ours */
	char plural[160];     /* the Plural-Forms expression, or "" */
	unsigned long nplurals;
};

static const char *mo_form(
    const struct i18n_lang *l, uint32_t i, unsigned long form);
static long mo_find(const struct i18n_lang *l, const char *msgid);

static uint32_t
mo_u32(const struct i18n_lang *l, size_t off)
{
	uint32_t v;

	memcpy(&v, l->data + off, sizeof v);
	if (l->swap)
		v = (v >> 24) | ((v >> 8) & 0xff00U) | ((v << 8) & 0xff0000U) |
		    (v << 24);
	return v;
}

/* Entry i of the table at tab: its string, or NULL when it does not lie
 * inside the file with its terminating NUL. */
static const char *
mo_string(const struct i18n_lang *l, uint32_t tab, uint32_t i, uint32_t *len)
{
	uint64_t at = (uint64_t)tab + (uint64_t)i * 8;
	uint32_t n = mo_u32(l, (size_t)at), off = mo_u32(l, (size_t)at + 4);

	if ((uint64_t)off + n >= l->size || l->data[(size_t)off + n] != '\0')
		return NULL;
	if (len != NULL)
		*len = n;
	return (const char *)l->data + off;
}

/* ---- Plural-Forms: a C expression in n, evaluated as it is parsed ---- */

struct pexp {
	const char *p;
	unsigned long n;
	int bad;
};

static unsigned long pexp_cond(struct pexp *e);

static void
pexp_space(struct pexp *e)
{
	while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n')
		e->p++;
}

/* The operator op next (consumed), never the first half of a longer one. */
static int
pexp_op(struct pexp *e, const char *op)
{
	size_t k = strlen(op);

	pexp_space(e);
	if (strncmp(e->p, op, k) != 0)
		return 0;
	if (k == 1 && strchr("<>=!", *op) != NULL && e->p[1] == '=')
		return 0;
	if (k == 1 && strchr("|&", *op) != NULL && e->p[1] == *op)
		return 0;
	e->p += k;
	return 1;
}

static unsigned long
pexp_primary(struct pexp *e)
{
	unsigned long v = 0;

	pexp_space(e);
	if (pexp_op(e, "!"))
		return !pexp_primary(e);
	if (*e->p == 'n') {
		e->p++;
		return e->n;
	}
	if (*e->p >= '0' && *e->p <= '9') {
		while (*e->p >= '0' && *e->p <= '9' && v < 1000000000UL)
			v = v * 10 + (unsigned long)(*e->p++ - '0');
		return v;
	}
	if (pexp_op(e, "(")) {
		v = pexp_cond(e);
		if (!pexp_op(e, ")"))
			e->bad = 1;
		return v;
	}
	e->bad = 1;
	return 0;
}

static unsigned long
pexp_mul(struct pexp *e)
{
	unsigned long v = pexp_primary(e), r;

	for (;;) {
		if (pexp_op(e, "*"))
			v *= pexp_primary(e);
		else if (pexp_op(e, "/") || pexp_op(e, "%")) {
			int div = e->p[-1] == '/';

			r = pexp_primary(e);
			if (r == 0)
				e->bad = 1;
			else
				v = div ? v / r : v % r;
		} else
			return v;
	}
}

static unsigned long
pexp_add(struct pexp *e)
{
	unsigned long v = pexp_mul(e);

	for (;;) {
		if (pexp_op(e, "+"))
			v += pexp_mul(e);
		else if (pexp_op(e, "-"))
			v -= pexp_mul(e);
		else
			return v;
	}
}

static unsigned long
pexp_rel(struct pexp *e)
{
	unsigned long v = pexp_add(e);

	for (;;) {
		if (pexp_op(e, "<="))
			v = v <= pexp_add(e);
		else if (pexp_op(e, ">="))
			v = v >= pexp_add(e);
		else if (pexp_op(e, "<"))
			v = v < pexp_add(e);
		else if (pexp_op(e, ">"))
			v = v > pexp_add(e);
		else
			return v;
	}
}

static unsigned long
pexp_eq(struct pexp *e)
{
	unsigned long v = pexp_rel(e);

	for (;;) {
		if (pexp_op(e, "=="))
			v = v == pexp_rel(e);
		else if (pexp_op(e, "!="))
			v = v != pexp_rel(e);
		else
			return v;
	}
}

static unsigned long
pexp_and(struct pexp *e)
{
	unsigned long v = pexp_eq(e);

	while (pexp_op(e, "&&")) {
		unsigned long r = pexp_eq(e);

		v = v && r;
	}
	return v;
}

static unsigned long
pexp_or(struct pexp *e)
{
	unsigned long v = pexp_and(e);

	while (pexp_op(e, "||")) {
		unsigned long r = pexp_and(e);

		v = v || r;
	}
	return v;
}

/* Both branches are parsed (and evaluated: there are no side effects). */
static unsigned long
pexp_cond(struct pexp *e)
{
	unsigned long c = pexp_or(e), a, b;

	if (!pexp_op(e, "?"))
		return c;
	a = pexp_cond(e);
	if (!pexp_op(e, ":")) {
		e->bad = 1;
		return 0;
	}
	b = pexp_cond(e);
	return c ? a : b;
}

/* The plural form for n, or -1 when the expression is not one. */
static long
plural_eval(const char *expr, unsigned long n)
{
	struct pexp e = {expr, n, 0};
	unsigned long v = pexp_cond(&e);

	pexp_space(&e);
	if (*e.p == ';')
		e.p++;
	pexp_space(&e);
	return e.bad || *e.p != '\0' ? -1 : (long)v;
}

/* nplurals and plural from the header entry's Plural-Forms line. */
static void
read_plural_forms(struct i18n_lang *l)
{
	long i = mo_find(l, ""); /* the header entry */
	const char *h = i >= 0 ? mo_form(l, (uint32_t)i, 0) : "", *pf, *np, *pl;
	size_t k;

	l->nplurals = 2;
	strcpy(l->plural, "n != 1");
	if ((pf = strstr(h, "Plural-Forms:")) == NULL)
		return;
	np = strstr(pf, "nplurals=");
	pl = strstr(pf, " plural="); /* not the one in nplurals= */
	if (np == NULL || pl == NULL)
		return;
	pl++;
	k = strcspn(pl + 7, "\n");
	if (k >= sizeof l->plural || strtoul(np + 9, NULL, 10) == 0)
		return;
	memcpy(l->plural, pl + 7, k);
	l->plural[k] = '\0';
	l->nplurals = strtoul(np + 9, NULL, 10);
	if (plural_eval(l->plural, 1) < 0) {
		l->nplurals = 2;
		strcpy(l->plural, "n != 1");
	}
}

/* Check the whole file once, so that lookups need not. */
static int
mo_check(struct i18n_lang *l, const char *path, struct pd_err *err)
{
	uint32_t magic, i, len;
	const char *prev = NULL, *s;

	if (l->size < 28)
		return pd_fail(
		    err, PD_EINVAL, "%s: too short for a catalogue", path);
	memcpy(&magic, l->data, sizeof magic);
	if (magic != MO_MAGIC) {
		l->swap = 1;
		if (mo_u32(l, 0) != MO_MAGIC)
			return pd_fail(err, PD_EINVAL,
			    "%s: not a GNU message catalogue (.mo)", path);
	}
	if (mo_u32(l, 4) >> 16 > 1)
		return pd_fail(err, PD_EINVAL,
		    "%s: catalogue revision %u is not known", path,
		    (unsigned)(mo_u32(l, 4) >> 16));
	l->n = mo_u32(l, 8);
	l->orig = mo_u32(l, 12);
	l->trans = mo_u32(l, 16);
	if ((uint64_t)l->orig + (uint64_t)l->n * 8 > l->size ||
	    (uint64_t)l->trans + (uint64_t)l->n * 8 > l->size)
		return pd_fail(err, PD_EINVAL,
		    "%s: its tables run past the end of the file", path);
	for (i = 0; i < l->n; i++) {
		s = mo_string(l, l->orig, i, &len);
		if (s == NULL || mo_string(l, l->trans, i, NULL) == NULL)
			return pd_fail(err, PD_EINVAL,
			    "%s: entry %u runs past the end of the file", path,
			    (unsigned)i);
		if (prev != NULL && strcmp(prev, s) >= 0)
			return pd_fail(err, PD_EINVAL,
			    "%s: entry %u is out of order", path, (unsigned)i);
		prev = s;
	}
	return 0;
}

struct i18n_lang *
i18n_catalog_read(const char *path, const char *code, struct pd_err *err)
{
	struct i18n_lang *l;
	FILE *f = fopen(path, "rb");
	struct stat st;

	if (f == NULL)
		return pd_fail(
		           err, PD_ENOTFOUND, "%s: %s", path, strerror(errno)),
		       NULL;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > MO_MAX_BYTES) {
		fclose(f);
		return pd_fail(err, PD_EINVAL,
		           "%s: not a regular file of at most %ld MB", path,
		           MO_MAX_BYTES / 1024 / 1024),
		       NULL;
	}
	l = xcalloc(1, sizeof *l);
	xstrlcpy(l->code, code != NULL ? code : "", sizeof l->code);
	l->data = xmalloc((size_t)st.st_size + 1);
	l->size = fread(l->data, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		fclose(f);
		i18n_catalog_free(l);
		return pd_fail(err, PD_EINVAL, "%s: read error", path), NULL;
	}
	fclose(f);
	if (mo_check(l, path, err) != 0) {
		i18n_catalog_free(l);
		return NULL;
	}
	read_plural_forms(l);
	return l;
}

void
i18n_catalog_free(struct i18n_lang *l)
{
	if (l == NULL)
		return;
	free(l->data);
	free(l);
}

/* The translation of entry i: its form number form (0 when it has
 * fewer). */
static const char *
mo_form(const struct i18n_lang *l, uint32_t i, unsigned long form)
{
	uint32_t len;
	const char *s = mo_string(l, l->trans, i, &len), *end = s + len;

	while (form-- > 0 && s + strlen(s) < end)
		s += strlen(s) + 1;
	return s;
}

/* The entry of msgid, binary search over the sorted originals; -1 if
 * none. */
static long
mo_find(const struct i18n_lang *l, const char *msgid)
{
	uint32_t lo = 0, hi = l->n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = strcmp(msgid, mo_string(l, l->orig, mid, NULL));

		if (c == 0)
			return (long)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const char *
i18n_text(const struct i18n_lang *l, const char *msgid)
{
	long i;
	const char *t;

	if (l == NULL || msgid == NULL || *msgid == '\0')
		return msgid;
	i = mo_find(l, msgid);
	if (i < 0)
		return msgid;
	t = mo_form(l, (uint32_t)i, 0);
	return *t != '\0' || *msgid == '\0' ? t : msgid;
}

const char *
i18n_ntext(const struct i18n_lang *l, const char *singular, const char *plural,
    unsigned long n)
{
	long i, form;
	const char *t;

	if (l == NULL || (i = mo_find(l, singular)) < 0)
		return n == 1 ? singular : plural;
	form = plural_eval(l->plural, n);
	if (form < 0 || (unsigned long)form >= l->nplurals)
		form = 0;
	t = mo_form(l, (uint32_t)i, (unsigned long)form);
	return *t != '\0' ? t : n == 1 ? singular : plural;
}

const char *
i18n_lang_code(const struct i18n_lang *l)
{
	return l != NULL ? l->code : "en";
}

/* English, or no language at all: documents need no catalogue. */
static int
english(const char *v)
{
	return no_language(v) || strcmp(v, "en") == 0 ||
	       strncmp(v, "en_", 3) == 0 || strncmp(v, "en.", 3) == 0;
}

/* A name that can be a directory under the catalogues: letters, digits,
 * _ and @, nothing that walks elsewhere. */
static int
lang_name_ok(const char *v)
{
	size_t i;

	for (i = 0; v[i] != '\0'; i++)
		if (!isalnum((unsigned char)v[i]) && v[i] != '_' && v[i] != '@')
			return 0;
	return i > 0 && i < 16;
}

static struct i18n_lang *
lang_load(const char *dir, const char *code)
{
	char path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir,
	        code, I18N_DOMAIN) >= sizeof path)
		return NULL;
	return i18n_catalog_read(path, code, NULL);
}

const struct i18n_lang *
i18n_lang(const char *language)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static struct lang_cache {
		char code[16];
		struct i18n_lang *l; /* NULL: tried, none */
	} * cache;
	static int ncache, cap;
	struct i18n_lang *l = NULL;
	char dir[PATH_MAX], base[16];
	int i;

	if (english(language) || !lang_name_ok(language))
		return NULL;
	pthread_mutex_lock(&lock);
	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].code, language) == 0) {
			l = cache[i].l;
			pthread_mutex_unlock(&lock);
			return l;
		}
	locale_dir(dir);
	l = lang_load(dir, language);
	if (l == NULL && strchr(language, '_') != NULL) {
		xstrlcpy(base, language, sizeof base);
		base[strcspn(base, "_")] = '\0';
		l = lang_load(dir, base);
	}
	/* kept for good: what was handed out stays valid */
	if (ncache == cap) {
		cap = cap ? cap * 2 : 4;
		cache = xrealloc(cache, (size_t)cap, sizeof *cache);
	}
	xstrlcpy(cache[ncache].code, language, sizeof cache[0].code);
	cache[ncache++].l = l;
	pthread_mutex_unlock(&lock);
	return l;
}

int
i18n_lang_known(const char *language)
{
	return english(language) || i18n_lang(language) != NULL;
}

/* Whether dir has the catalogue of code. */
static int
lang_has(const char *dir, const char *code)
{
	char path[PATH_MAX];

	return (size_t)snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo",
	           dir, code, I18N_DOMAIN) < sizeof path &&
	       access(path, R_OK) == 0;
}

int
i18n_lang_norm(const char *v, char *out, size_t n)
{
	char ll[4], code[8], dir[PATH_MAX];
	const char *cc = NULL;
	size_t i;

	for (i = 0; i < 4 && isalpha((unsigned char)v[i]); i++)
		ll[i] = (char)tolower((unsigned char)v[i]);
	if (i < 2 || i > 3)
		return -1;
	ll[i] = '\0';
	v += i;
	if ((*v == '_' || *v == '-') && isalpha((unsigned char)v[1]) &&
	    isalpha((unsigned char)v[2])) {
		cc = v + 1;
		v += 3;
	}
	if (*v == '.' && cc != NULL &&
	    (strcasecmp(v + 1, "UTF-8") == 0 || strcasecmp(v + 1, "utf8") == 0))
		v += strlen(v);
	if (*v != '\0')
		return -1;
	if (strcmp(ll, "en") == 0) {
		xstrlcpy(out, "en", n);
		return 0;
	}
	locale_dir(dir);
	if (cc != NULL) {
		snprintf(code, sizeof code, "%s_%c%c", ll,
		    toupper((unsigned char)cc[0]),
		    toupper((unsigned char)cc[1]));
		if (lang_has(dir, code)) {
			xstrlcpy(out, code, n);
			return 0;
		}
	}
	if (!lang_has(dir, ll))
		return -1;
	xstrlcpy(out, ll, n);
	return 0;
}

char *
i18n_langs(void)
{
	char dir[PATH_MAX], path[PATH_MAX], *out = xstrdup("en"), *t;
	struct dirent **names = NULL;
	int i, n;

	locale_dir(dir);
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		const char *code = names[i]->d_name;

		if (lang_name_ok(code) && !english(code) &&
		    (size_t)snprintf(path, sizeof path,
		        "%s/%s/LC_MESSAGES/%s.mo", dir, code,
		        I18N_DOMAIN) < sizeof path &&
		    access(path, R_OK) == 0) {
			t = xasprintf("%s, %s", out, code);
			free(out);
			out = t;
		}
		free(names[i]);
	}
	free(names);
	return out;
}
