/* test_i18n.c - unit tests of the catalogues documents are rendered with
 * (src/os/i18n.c): the shipped .mo files read and looked up, plural forms,
 * every kind of damaged file refused, and the process's own language
 * (gettext, LANGUAGE) untouched by rendering in another, from any thread.
 * Run from the top of the tree (tests/run.sh does): the catalogues are
 * build/locale/LANG/LC_MESSAGES/paydesk.mo. */
#include <locale.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "paydesk/i18n.h"

static char dir[] = "/tmp/pd-i18n.XXXXXX";

static const char *
mo_path(const char *lang)
{
	static char p[256];
	const char *b = getenv("BUILD");

	snprintf(p, sizeof p, "%s/locale/%s/LC_MESSAGES/paydesk.mo",
	    b != NULL && *b != '\0' ? b : "build", lang);
	return p;
}

static struct i18n_lang *
shipped(const char *lang)
{
	struct pd_err err;
	struct i18n_lang *l = i18n_catalog_read(mo_path(lang), lang, &err);

	if (l == NULL)
		fail_msg("%s: %s", mo_path(lang), err.msg);
	return l;
}

/* ---- a .mo file made here, to damage at will ---- */

struct entry {
	const char *id; /* with a NUL inside for a plural: "a\0b" */
	size_t idlen;
	const char *str;
	size_t strlen;
};

static void
put32(unsigned char *p, uint32_t v, int big)
{
	int i;

	for (i = 0; i < 4; i++)
		p[big ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

/* The file's bytes into buf (room for them); its length. */
static size_t
make_mo(unsigned char *buf, const struct entry *e, uint32_t n, int big)
{
	uint32_t orig = 28, trans = orig + 8 * n, off = trans + 8 * n, i;

	memset(buf, 0, off);
	put32(buf, 0x950412deU, big);
	put32(buf + 4, 0, big);
	put32(buf + 8, n, big);
	put32(buf + 12, orig, big);
	put32(buf + 16, trans, big);
	for (i = 0; i < n; i++) {
		put32(buf + orig + 8 * i, (uint32_t)e[i].idlen, big);
		put32(buf + orig + 8 * i + 4, off, big);
		memcpy(buf + off, e[i].id, e[i].idlen + 1);
		off += (uint32_t)e[i].idlen + 1;
	}
	for (i = 0; i < n; i++) {
		put32(buf + trans + 8 * i, (uint32_t)e[i].strlen, big);
		put32(buf + trans + 8 * i + 4, off, big);
		memcpy(buf + off, e[i].str, e[i].strlen + 1);
		off += (uint32_t)e[i].strlen + 1;
	}
	return off;
}

static const char *
write_file(const char *name, const unsigned char *buf, size_t n)
{
	static char p[256];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, name);
	f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	fclose(f);
	return p;
}

#define HEADER                                                                 \
	"Content-Type: text/plain; charset=UTF-8\n"                            \
	"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "        \
	"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

static const struct entry three[] = {
    {"", 0, HEADER, sizeof HEADER - 1},
    {"%d file\0%d files", 16, "%d one\0%d few\0%d many", 21},
    {"Receipt", 7, "Kvitanciya", 10},
};

static void
shipped_catalogues(void **state)
{
	struct i18n_lang *es = shipped("es"), *fr = shipped("fr");
	const char *id = "not a message of paydesk";

	(void)state;
	assert_string_equal(i18n_text(es, "RECEIPT"), "RECIBO");
	assert_string_equal(i18n_text(fr, "RECEIPT"), "REÇU");
	assert_string_equal(i18n_text(fr, "CREDIT NOTE"), "AVOIR");
	assert_string_equal(L_(es, "Page %d of %d"), "Página %d de %d");
	assert_ptr_equal(i18n_text(es, id), id);    /* untranslated: itself */
	assert_ptr_equal(i18n_text(NULL, id), id);  /* English */
	assert_string_equal(i18n_text(es, ""), ""); /* never the header */
	assert_string_equal(i18n_lang_code(es), "es");
	assert_string_equal(i18n_lang_code(NULL), "en");
	/* plurals by each language's own rule: fr says 0 jour, es 0 días */
	assert_string_equal(LN_(es, "%d day", "%d days", 1), "%d día");
	assert_string_equal(LN_(es, "%d day", "%d days", 0), "%d días");
	assert_string_equal(LN_(fr, "%d day", "%d days", 0), "%d jour");
	assert_string_equal(LN_(fr, "%d day", "%d days", 1), "%d jour");
	assert_string_equal(LN_(fr, "%d day", "%d days", 2), "%d jours");
	assert_string_equal(LN_(NULL, "%d day", "%d days", 1), "%d day");
	assert_string_equal(LN_(NULL, "%d day", "%d days", 0), "%d days");
	i18n_catalog_free(es);
	i18n_catalog_free(fr);
}

static void
plural_forms(void **state)
{
	unsigned char buf[1024];
	struct pd_err err;
	struct i18n_lang *l;
	static const struct {
		unsigned long n;
		const char *want;
	} cases[] = {{1, "%d one"}, {2, "%d few"}, {4, "%d few"},
	    {5, "%d many"}, {11, "%d many"}, {12, "%d many"}, {21, "%d one"},
	    {22, "%d few"}, {111, "%d many"}, {0, "%d many"}};
	size_t i;
	int big;

	(void)state;
	for (big = 0; big <= 1; big++) { /* either byte order */
		l = i18n_catalog_read(
		    write_file("three.mo", buf, make_mo(buf, three, 3, big)),
		    "xx", &err);
		assert_non_null(l);
		for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
			assert_string_equal(
			    LN_(l, "%d file", "%d files", cases[i].n),
			    cases[i].want);
		assert_string_equal(L_(l, "Receipt"), "Kvitanciya");
		/* the singular of a plural entry looks it up too */
		assert_string_equal(L_(l, "%d file"), "%d one");
		i18n_catalog_free(l);
	}
}

static void
bad_plural_forms(void **state)
{
	static const char *const bad[] = {"nplurals=2; plural=(n != 1;\n",
	    "nplurals=2; plural=n / 0;\n", "nplurals=2; plural=n ? 1;\n",
	    "nplurals=2; plural=x;\n", "nplurals=0; plural=0;\n"};
	unsigned char buf[1024];
	struct entry e[2] = {
	    {"", 0, NULL, 0}, {"%d file\0%d files", 16, "%d un\0%d des", 12}};
	struct pd_err err;
	struct i18n_lang *l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char h[128];

		snprintf(h, sizeof h, "Plural-Forms: %s", bad[i]);
		e[0].str = h;
		e[0].strlen = strlen(h);
		l = i18n_catalog_read(
		    write_file("bad.mo", buf, make_mo(buf, e, 2, 0)), "xx",
		    &err);
		assert_non_null(l);
		/* English's rule instead: the catalogue still reads */
		assert_string_equal(LN_(l, "%d file", "%d files", 1), "%d un");
		assert_string_equal(LN_(l, "%d file", "%d files", 3), "%d des");
		i18n_catalog_free(l);
	}
}

/* A damaged copy of good (n bytes) read back must be refused with why. */
static void
refused(const unsigned char *good, size_t n, size_t at, const void *bytes,
    size_t len, size_t cut, const char *why)
{
	unsigned char bad[1024];
	struct pd_err err;

	memcpy(bad, good, n);
	if (bytes != NULL)
		memcpy(bad + at, bytes, len);
	pd_err_clear(&err);
	assert_null(i18n_catalog_read(
	    write_file("damaged.mo", bad, cut ? cut : n), "xx", &err));
	if (strstr(err.msg, why) == NULL)
		fail_msg("wanted \"%s\" in \"%s\"", why, err.msg);
}

static void
damaged_files(void **state)
{
	unsigned char good[1024], word[4];
	size_t n = make_mo(good, three, 3, 0);
	struct entry swapped[3];
	struct pd_err err;

	(void)state;
	refused(good, n, 0, NULL, 0, 20, "too short");
	refused(good, n, 0, "\x12\x34\x56\x78", 4, 0, "not a GNU message");
	put32(word, 0x20000, 0);
	refused(good, n, 4, word, 4, 0, "revision 2");
	put32(word, 1000, 0); /* 1000 entries: the tables run off the end */
	refused(good, n, 8, word, 4, 0, "run past the end");
	put32(word, 0xfffffff0U, 0); /* an original's offset */
	refused(good, n, 28 + 8 + 4, word, 4, 0, "entry 1 runs past");
	put32(word, 500, 0); /* a translation's length */
	refused(good, n, 28 + 24 + 16, word, 4, 0, "entry 2 runs past");
	refused(good, n, 0, NULL, 0, n - 1, "entry 2 runs past"); /* no NUL */
	/* the originals must be in order, or the search would miss */
	swapped[0] = three[0];
	swapped[1] = three[2];
	swapped[2] = three[1];
	refused(good, make_mo(good, swapped, 3, 0), 0, NULL, 0, 0,
	    "entry 2 is out of order");
	assert_null(i18n_catalog_read("/nonexistent/x.mo", "xx", &err));
	assert_non_null(strstr(err.msg, "/nonexistent/x.mo"));
	assert_null(i18n_catalog_read(dir, "xx", &err)); /* a directory */
}

static void
language_names(void **state)
{
	(void)state;
	/* English needs no catalogue; names that could walk elsewhere are
	 * never looked for */
	assert_null(i18n_lang(NULL));
	assert_null(i18n_lang(""));
	assert_null(i18n_lang("en"));
	assert_null(i18n_lang("en_GB"));
	assert_null(i18n_lang("C"));
	assert_null(i18n_lang("../fr"));
	assert_null(i18n_lang("fr/../../es"));
	assert_true(i18n_lang_known("en"));
	assert_true(i18n_lang_known(""));
	assert_false(i18n_lang_known("../fr"));
	assert_false(i18n_lang_known("xx_NOPE"));
}

/* ---- the process's language is not switched by rendering ---- */

static volatile int stop;

/* What the sync worker does: gettext in the process's language. */
static void *
screens(void *arg)
{
	long *wrong = arg;

	while (!stop)
		if (strcmp(gettext("RECEIPT"), "RECIBO") != 0)
			(*wrong)++;
	return NULL;
}

static void
process_language_untouched(void **state)
{
	struct i18n_lang *fr = shipped("fr");
	char locdir[256];
	pthread_t t;
	long wrong = 0, i;

	(void)state;
	snprintf(locdir, sizeof locdir, "%s", mo_path("es"));
	*strstr(locdir, "/es/LC_MESSAGES") = '\0';
	setenv("LANGUAGE", "es", 1);
	setlocale(LC_MESSAGES, "C.UTF-8");
	bindtextdomain(I18N_DOMAIN, locdir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	assert_string_equal(gettext("RECEIPT"), "RECIBO");
	assert_int_equal(pthread_create(&t, NULL, screens, &wrong), 0);
	for (i = 0; i < 200000; i++)
		if (strcmp(L_(fr, "RECEIPT"), "REÇU") != 0 ||
		    strcmp(L_(NULL, "RECEIPT"), "RECEIPT") != 0)
			wrong++;
	stop = 1;
	pthread_join(t, NULL);
	assert_int_equal(wrong, 0);
	/* nothing to restore: the screens' language is as it was */
	assert_string_equal(getenv("LANGUAGE"), "es");
	assert_string_equal(gettext("RECEIPT"), "RECIBO");
	i18n_catalog_free(fr);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(shipped_catalogues),
	    cmocka_unit_test(plural_forms),
	    cmocka_unit_test(bad_plural_forms),
	    cmocka_unit_test(damaged_files),
	    cmocka_unit_test(language_names),
	    cmocka_unit_test(process_language_untouched),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
