/* test_doc.c - unit tests of src/doc (wrapping, text and PDF rendering,
 * printing), the UTF-8 helpers and atomic file writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/doc/internal.h"
#include "paydesk/doc.h"
#include "paydesk/export.h"
#include "paydesk/file.h"
#include "paydesk/os.h"
#include "paydesk/utf8.h"

#define FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

static void
columns(void **state)
{
	(void)state;
	assert_int_equal(utf8_columns("Jose", 4), 4);
	assert_int_equal(utf8_columns("José", strlen("José")), 4);
	assert_int_equal(utf8_columns("Łódź", strlen("Łódź")), 4);
	assert_int_equal(utf8_columns("e\xcc\x81", 3), 1); /* e + acute */
	assert_int_equal(utf8_columns("中文", strlen("中文")), 4);
	assert_int_equal(utf8_chars("Łódź", strlen("Łódź")), 4);
	assert_int_equal(utf8_len("\xc5\x81"), 2);
	assert_int_equal(utf8_cp("\xc5\x81"), 0x141);
	assert_int_equal(utf8_len("\xc5"), 1); /* truncated sequence */
}

static double
measure_cols(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	return utf8_columns(s, n);
}

static char *
span(const struct doc_span *l)
{
	static char buf[256];

	snprintf(buf, sizeof buf, "%.*s", (int)l->n, l->s);
	return buf;
}

static void
wrapping(void **state)
{
	struct doc_span *l;
	size_t n;

	(void)state;
	n = doc_wrap("one two three four", 9, measure_cols, NULL, &l);
	assert_int_equal(n, 3);
	assert_string_equal(span(&l[0]), "one two");
	assert_string_equal(span(&l[1]), "three");
	assert_string_equal(span(&l[2]), "four");
	free(l);
	n = doc_wrap("one two three four", 10, measure_cols, NULL, &l);
	assert_int_equal(n, 2);
	assert_string_equal(span(&l[1]), "three four");
	free(l);
	/* French's plain space before ; : ? ! is no break: the sign stays
	 * with its word (a line began "; écrivez") */
	n = doc_wrap(
	    "groupes mal placés ; écrivez 1", 19, measure_cols, NULL, &l);
	assert_int_equal(n, 2);
	assert_string_equal(span(&l[0]), "groupes mal");
	assert_string_equal(span(&l[1]), "placés ; écrivez 1");
	free(l);
	n = doc_wrap("Total versé : 1000,00", 12, measure_cols, NULL, &l);
	assert_int_equal(n, 3);
	assert_string_equal(span(&l[0]), "Total");
	assert_string_equal(span(&l[1]), "versé :");
	assert_string_equal(span(&l[2]), "1000,00");
	free(l);
	/* a word wider than the line is cut */
	n = doc_wrap("abcdefghij", 4, measure_cols, NULL, &l);
	assert_int_equal(n, 3);
	assert_string_equal(span(&l[0]), "abcd");
	assert_string_equal(span(&l[2]), "ij");
	free(l);
	/* never inside a character */
	n = doc_wrap("ŁódźŁódź", 3, measure_cols, NULL, &l);
	assert_int_equal(n, 3);
	assert_string_equal(span(&l[0]), "Łód");
	free(l);
	/* newlines break, blank lines stay */
	n = doc_wrap("a\n\nb", 10, measure_cols, NULL, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[1].n, 0);
	free(l);
	n = doc_wrap("", 10, measure_cols, NULL, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].n, 0);
	free(l);
}

static void
sample(struct doc *d)
{
	doc_init(d, "Cityville Water & Power", "1 Utility Plaza", "RECEIPT",
	    "R-T01-000001");
	doc_badge(d, "Posted");
	doc_mark(d, "VOID", "Voided by Mary Johnson: wrong account");
	doc_heading(d, "Consumer");
	doc_field(d, "Name", "José Núñez");
	doc_field(d, "Service address",
	    "Apartment 1204, Building C, Riverside Gardens Estate, 4500 "
	    "North Lakeshore Boulevard, Łódź");
	doc_heading(d, "Items paid");
	doc_columns(d, "Amount due", "Applied");
	doc_line(
	    d, "Bill INV-2025-001234", "Period Mar 2025", "$145.50", "$145.50");
	doc_total(d, "Total paid", "$145.50");
	doc_para(d, "Notes", "Customer paid in full");
	doc_footer(d, "Cityville Water & Power · terminal T01");
}

/* A translated document: headings in capitals letter by letter (not
 * only a-z), a byte that is not UTF-8 kept as it is, nothing wider than
 * the roll; a mark is an alert by how it was made, not by its word. */
static void
translated_text(void **state)
{
	struct doc d;
	char *t, *line, *save;
	int width;

	(void)state;
	doc_init(&d, "Cityville", "", "REÇU", "R-T01-000001");
	doc_mark(&d, "COPIE", "Copie 1, réimprimée le 2025-04-21");
	doc_alert(&d, "EXTOURNÉ", "Extourné le 2025-04-21");
	doc_heading(&d, "Éléments payés");
	doc_columns(&d, "Montant dû", "Imputé");
	doc_line(&d, "Facture INV-1", "Période Mar 2025", "$1.00", "$1.00");
	doc_heading(&d, "Dirección \xff ñandú");
	doc_field(&d, "Solde restant après paiement", "$167.50");
	assert_false(d.marks[0].alert);
	assert_true(d.marks[1].alert);
	for (width = 32; width <= 80; width += 16) {
		t = doc_text(&d, width);
		assert_non_null(strstr(t, "ÉLÉMENTS PAYÉS"));
		assert_non_null(strstr(t, "DIRECCIÓN \xff ÑANDÚ"));
		assert_non_null(strstr(t, "*** EXTOURNÉ ***"));
		assert_non_null(strstr(t, "Montant dû"));
		for (line = strtok_r(t, "\n", &save); line != NULL;
		     line = strtok_r(NULL, "\n", &save))
			assert_true(utf8_columns(line, strlen(line)) <= width);
		free(t);
	}
	doc_free(&d);
}

/* Two amounts of a line never touch, however wide (issue 25: two of 14
 * columns ran together in columns of 12): at every width each line of
 * the items holds both, apart, and no line is wider than the roll. */
static void
wide_amounts_text(void **state)
{
	static const char *const big[][2] = {
	    {"1.234.567,89 \xe2\x82\xac", "1.234.567,89 \xe2\x82\xac"},
	    {"9\xe2\x80\xaf"
	     "999\xe2\x80\xaf"
	     "999\xe2\x80\xaf"
	     "999,999 \xe2\x82\xac",
	        "8\xe2\x80\xaf"
	        "888\xe2\x80\xaf"
	        "888\xe2\x80\xaf"
	        "888,888 \xe2\x82\xac"},
	    {"\xe0\xa7\xb3"
	     "12,34,56,789.00",
	        "\xe0\xa7\xb3"
	        "1.00"},
	};
	struct doc d;
	char *t, *line, *save, *at;
	size_t k;
	int width;

	(void)state;
	for (k = 0; k < sizeof big / sizeof big[0]; k++) {
		doc_init(&d, "Cityville", "", "RECIBO", "R-T01-000001");
		doc_heading(&d, "Conceptos pagados");
		doc_columns(&d, "Importe adeudado", "Aplicado");
		doc_line(&d, "Factura INV-1", "", big[k][0], big[k][1]);
		for (width = 32; width <= 80; width += 8) {
			t = doc_text(&d, width);
			at = strstr(t, big[k][0]);
			assert_non_null(at);
			/* the second amount follows after a space at least */
			at = strstr(at + strlen(big[k][0]), big[k][1]);
			assert_non_null(at);
			assert_true(at[-1] == ' ' || at[-1] == '\n');
			for (line = strtok_r(t, "\n", &save); line != NULL;
			     line = strtok_r(NULL, "\n", &save))
				assert_true(
				    utf8_columns(line, strlen(line)) <= width);
			free(t);
		}
		doc_free(&d);
	}
}

static void
text_rendering(void **state)
{
	struct doc d;
	char *t, *line, *save;
	int width;

	(void)state;
	sample(&d);
	for (width = 32; width <= 80; width += 8) {
		t = doc_text(&d, width);
		assert_non_null(strstr(t, "*** VOID ***"));
		assert_non_null(strstr(t, "José Núñez"));
		assert_non_null(strstr(t, "[Posted]"));
		assert_non_null(strstr(t, "$145.50"));
		for (line = strtok_r(t, "\n", &save); line != NULL;
		     line = strtok_r(NULL, "\n", &save))
			assert_true(utf8_columns(line, strlen(line)) <= width);
		free(t);
	}
	doc_free(&d);
}

static void
pdf_rendering(void **state)
{
	struct doc d;
	struct pd_err err;
	unsigned char *buf;
	size_t len;
	int paper;

	(void)state;
	sample(&d);
	for (paper = PAPER_A4; paper <= PAPER_ROLL80; paper++) {
		assert_int_equal(
		    doc_pdf(&d, (enum doc_paper)paper, FONT, &buf, &len, &err),
		    0);
		assert_true(len > 1000 && len < 200 * 1024);
		assert_memory_equal(buf, "%PDF-", 5);
		assert_non_null(memmem(buf, len, "%%EOF", 5));
		free(buf);
	}
	assert_int_equal(
	    doc_pdf(&d, PAPER_A4, "/nonexistent.ttf", &buf, &len, &err), -1);
	assert_int_equal(err.code, PD_EDOC);
	assert_non_null(strstr(err.msg, "/nonexistent.ttf"));
	assert_null(buf);
	/* a file that is not a font */
	assert_int_equal(
	    doc_pdf(&d, PAPER_A4, "/bin/sh", &buf, &len, &err), -1);
	assert_int_equal(err.code, PD_EDOC);
	doc_free(&d);
	assert_int_equal(doc_paper_parse("roll80"), PAPER_ROLL80);
	assert_int_equal(doc_paper_parse("A5"), -1);
}

/* dst's bytes are src's; dst keeps its inode when it exists. */
static void
copy_file(const char *src, const char *dst)
{
	FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
	char buf[8192];
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/* The font of a PDF made now from path (by its PostScript name). */
static int
pdf_has_font(struct doc *d, const char *path, const char *name)
{
	struct pd_err err;
	unsigned char *buf;
	size_t len;
	int has;

	assert_int_equal(doc_pdf(d, PAPER_A4, path, &buf, &len, &err), 0);
	has = memmem(buf, len, name, strlen(name)) != NULL;
	free(buf);
	return has;
}

/* The fonts are parsed once per process (issue 24), and that parse is
 * never used for a file that changed: the same document twice is the
 * same PDF; a font file replaced under the same path (another inode), or
 * rewritten in place (another size), is read again; a document that
 * failed leaves the next one whole. */
static void
pdf_fonts_once(void **state)
{
	char dir[] = "/tmp/pd-font.XXXXXX", path[64], next[64];
	struct doc d;
	struct pd_err err;
	unsigned char *a, *b;
	size_t na, nb;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/font.ttf", dir);
	snprintf(next, sizeof next, "%s/next.ttf", dir);
	copy_file(FONT, path);
	sample(&d);
	assert_int_equal(doc_pdf(&d, PAPER_A4, path, &a, &na, &err), 0);
	assert_int_equal(doc_pdf(&d, PAPER_A4, path, &b, &nb, &err), 0);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	assert_non_null(memmem(a, na, "+DejaVuSans,", 12));
	free(a);
	free(b);
	copy_file(FONT_BOLD, next);
	assert_int_equal(rename(next, path), 0);
	assert_true(pdf_has_font(&d, path, "+DejaVuSans-Bold"));
	copy_file(FONT, path);
	assert_false(pdf_has_font(&d, path, "+DejaVuSans-Bold"));
	assert_true(pdf_has_font(&d, path, "+DejaVuSans,"));
	assert_int_equal(doc_pdf(&d, PAPER_A4, "/bin/sh", &a, &na, &err), -1);
	assert_true(pdf_has_font(&d, path, "+DejaVuSans,"));
	doc_free(&d);
	unlink(path);
	rmdir(dir);
}

/* The font program (FontFile2) of the first face of the PDF doc_pdf
 * makes of d with the font at path, malloc'd into *out: its length. */
static size_t
font_program(struct doc *d, const char *path, unsigned char **out)
{
	struct pd_err err;
	unsigned char *buf, *k, *from, *to;
	size_t len;

	assert_int_equal(doc_pdf(d, PAPER_A4, path, &buf, &len, &err), 0);
	k = memmem(buf, len, "/Length1", 8);
	assert_non_null(k);
	from = memmem(k, len - (size_t)(k - buf), "stream\r\n", 8);
	assert_non_null(from);
	from += 8;
	to = memmem(from, len - (size_t)(from - buf), "\nendstream", 10);
	assert_non_null(to);
	*out = malloc((size_t)(to - from));
	assert_non_null(*out);
	memcpy(*out, from, (size_t)(to - from));
	len = (size_t)(to - from);
	free(buf);
	return len;
}

/* d's font program with the font at path is the one at fresh */
static void
same_program(struct doc *d, const char *path, const char *fresh)
{
	unsigned char *a, *b;
	size_t na = font_program(d, path, &a), nb = font_program(d, fresh, &b);

	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
}

/* dst a copy of src (a TrueType file) whose 'head' table says it was
 * made at another time: the same glyphs under the same ids, and a font
 * program (which keeps 'head') of other bytes. */
static void
copy_restamped(const char *src, const char *dst)
{
	unsigned char dir[12 + 16 * 64], stamp[8] = {0, 0, 0, 0, 1, 2, 3, 4};
	FILE *f;
	unsigned n, i, off;

	copy_file(src, dst);
	f = fopen(dst, "r+b");
	assert_non_null(f);
	assert_int_equal(fread(dir, 1, sizeof dir, f), sizeof dir);
	n = (unsigned)dir[4] << 8 | dir[5];
	assert_true(n <= 64);
	for (i = 0; i < n && memcmp(dir + 12 + 16 * i, "head", 4) != 0; i++)
		;
	assert_true(i < n);
	off = (unsigned)dir[12 + 16 * i + 8] << 24 |
	      (unsigned)dir[12 + 16 * i + 9] << 16 |
	      (unsigned)dir[12 + 16 * i + 10] << 8 | dir[12 + 16 * i + 11];
	/* head: version, revision, checksum adjustment, magic, flags,
	 * units per em (16 bytes), then created (8 bytes) */
	assert_int_equal(fseek(f, (long)off + 20, SEEK_SET), 0);
	assert_int_equal(fwrite(stamp, 1, sizeof stamp, f), sizeof stamp);
	assert_int_equal(fclose(f), 0);
}

/* Each face's subset is made once for a set of glyphs and kept with the
 * font parsed in the process (issue 24); never used for other glyphs or
 * for a font file that changed: each document's font program is the one
 * a font path never used before gives for the same document. */
static void
pdf_subsets_kept(void **state)
{
	char dir[] = "/tmp/pd-subset.XXXXXX", path[64], next[64], fresh[64];
	struct doc d, e;
	unsigned char *a, *b;
	size_t na, nb;
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/font.ttf", dir);
	snprintf(next, sizeof next, "%s/next.ttf", dir);
	copy_file(FONT, path);
	sample(&d);
	/* e draws what d does not: its glyphs are another set */
	doc_init(&e, "Ωmega Ŵater", "Ǆ", "RECEIPT", "R-T01-000002");
	doc_field(&e, "Name", "Ærøskøbing Ðørð ŋ");
	for (i = 0; i < 3; i++) {
		struct doc *x = i == 1 ? &e : &d;

		snprintf(fresh, sizeof fresh, "%s/fresh%d.ttf", dir, i);
		copy_file(FONT, fresh);
		same_program(x, path, fresh);
	}
	/* d's and e's subsets differ: e's has its own letters */
	na = font_program(&d, path, &a);
	nb = font_program(&e, path, &b);
	assert_true(na != nb || memcmp(a, b, na) != 0);
	free(a);
	free(b);
	/* the file replaced by another font (the same glyph ids: only its
	 * head differs): its subset, not the one kept */
	copy_restamped(FONT, next);
	assert_int_equal(rename(next, path), 0);
	snprintf(fresh, sizeof fresh, "%s/fresh8.ttf", dir);
	copy_restamped(FONT, fresh);
	same_program(&d, path, fresh);
	/* and rewritten in place with the first font again */
	copy_file(FONT, path);
	snprintf(fresh, sizeof fresh, "%s/fresh9.ttf", dir);
	copy_file(FONT, fresh);
	same_program(&d, path, fresh);
	doc_free(&d);
	doc_free(&e);
	for (i = 0; i < 10; i++) {
		snprintf(fresh, sizeof fresh, "%s/fresh%d.ttf", dir, i);
		unlink(fresh);
	}
	unlink(path);
	rmdir(dir);
}

static void
atomic_files(void **state)
{
	char dir[] = "/tmp/pd-doc.XXXXXX", path[256], tmp[300], sub[256];
	struct pd_err err;
	struct stat sb;
	FILE *f;
	char got[16] = {0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/a/b", dir);
	assert_int_equal(file_mkdirs(sub, &err), 0);
	snprintf(path, sizeof path, "%s/r.pdf", sub);
	assert_int_equal(file_stage(path, FILE_LINKS_REFUSE, "hello", 5, tmp,
	                     sizeof tmp, &err),
	    0);
	/* staged: the final name does not exist yet */
	assert_int_not_equal(stat(path, &sb), 0);
	assert_int_equal(stat(tmp, &sb), 0);
	assert_int_equal(file_publish(tmp, path, FILE_LINKS_REFUSE, &err), 0);
	assert_int_not_equal(stat(tmp, &sb), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fread(got, 1, sizeof got - 1, f), 5);
	fclose(f);
	assert_string_equal(got, "hello");
	/* a directory that cannot exist */
	snprintf(sub, sizeof sub, "%s/x", path);
	assert_int_equal(file_mkdirs(sub, &err), -1);
	assert_int_equal(err.code, PD_EDOC);
	snprintf(sub, sizeof sub, "%s/none/r.pdf", dir);
	assert_int_equal(
	    file_stage(sub, FILE_LINKS_REFUSE, "x", 1, tmp, sizeof tmp, &err),
	    -1);
	assert_int_equal(err.code, PD_EDOC);
	assert_non_null(strstr(err.msg, "Cannot write in"));
	unlink(path);
	snprintf(sub, sizeof sub, "%s/a/b", dir);
	rmdir(sub);
	snprintf(sub, sizeof sub, "%s/a", dir);
	rmdir(sub);
	rmdir(dir);
}

static void
printing(void **state)
{
	struct pd_err err;

	(void)state;
	assert_int_equal(doc_print("test -f", "/bin/sh", &err), 0);
	assert_int_equal(doc_print("test -f", "/nonexistent", &err), -1);
	assert_int_equal(err.code, PD_EPRINT);
	assert_non_null(strstr(err.msg, "exit status 1"));
	assert_int_equal(
	    doc_print("sh -c 'echo lp: no such printer >&2; exit 1' x",
	        "/bin/sh", &err),
	    -1);
	assert_non_null(strstr(err.msg, "lp: no such printer"));
	/* the path is one argument, whatever it holds */
	assert_int_equal(doc_print("test -f", "/bin/s h; true", &err), -1);
}

/* Whether process pid is gone (or a zombie left for init to reap),
 * waiting up to a second for the kill to land. */
static int
gone(long pid)
{
	char path[64], stat[256];
	int i;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	for (i = 0; i < 100; i++) {
		FILE *f = fopen(path, "r");
		char *p;

		if (f == NULL)
			return 1;
		p = fgets(stat, sizeof stat, f);
		fclose(f);
		/* "pid (comm) S ...": the state after the last ')' */
		if (p != NULL && (p = strrchr(stat, ')')) != NULL &&
		    p[1] == ' ' && p[2] == 'Z')
			return 1;
		usleep(10000);
	}
	return 0;
}

/* A command stopped for the time is stopped with all it started, the
 * print command's and [alerts] command's os_run alike (review of issue
 * 21: only sh -c was killed; a child in the background ran on). */
static void
run_group_kill(void **state)
{
	char dir[] = "/tmp/pd-run.XXXXXX", script[256], pidf[128], buf[32];
	struct os_run_result r;
	long pid = 0;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(pidf, sizeof pidf, "%s/pid", dir);
	snprintf(script, sizeof script, "sleep 60 & echo $! >%s; wait", pidf);
	assert_int_equal(os_run(script, NULL, NULL, 0, 300, &r), 0);
	assert_int_equal(r.timed_out, 1);
	assert_non_null(f = fopen(pidf, "r"));
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	pid = strtol(buf, NULL, 10);
	assert_true(pid > 0);
	assert_true(gone(pid));
	/* a command that ends leaves what it started alone */
	snprintf(script, sizeof script, "true");
	assert_int_equal(os_run(script, NULL, "x", 1, 300, &r), 0);
	assert_int_equal(r.timed_out, 0);
	assert_int_equal(r.status, 0);
	unlink(pidf);
	rmdir(dir);
}

static const struct xcol xcols[] = {
    {"Name", "name", X_TEXT, 10, 0},
    {"Amount", "amount", X_MONEY, 10, 0},
    {"Count", "count", X_INT, 5, 0},
    {"Day", "day", X_DATE, 10, 0},
    {"Share", "share", X_TENTHS, 5, 0},
};

/* The whole of a small file. */
static void
slurp(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	assert_non_null(f);
	got = fread(buf, 1, n - 1, f);
	buf[got] = '\0';
	fclose(f);
}

static int
count_files(const char *dir)
{
	char cmd[300], out[32] = "";
	FILE *p;

	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_non_null(fgets(out, sizeof out, p));
	pclose(p);
	return atoi(out);
}

static void
csv_export(void **state)
{
	char dir[] = "/tmp/pd-export.XXXXXX", path[256], got[1024];
	struct export_opts o = {EXPORT_CSV, "Sheet", "$", 2, 0, NULL, 0, 0, 3,
	    FILE_LINKS_REFUSE, NULL, 0};
	struct xcell c[5] = {{"Doe, \"Jo\"", 0, NULL}, {NULL, -12345, NULL},
	    {NULL, 7, NULL}, {"2025-04-20", 0, NULL}, {NULL, 425, NULL}};
	struct pd_err err;
	struct exporter *x;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.csv", dir);
	x = export_open(path, NULL, &o, xcols, 5, &err);
	assert_non_null(x);
	assert_int_equal(export_row(x, c, &err), 0);
	c[0].s = "=HYPERLINK(\"x\")"; /* a formula in a name */
	c[1].n = 5;
	assert_int_equal(export_row(x, c, &err), 0);
	/* not under its name until closed */
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_equal(export_rows(x), 2);
	assert_int_equal(export_close(x, &err), 0);
	slurp(path, got, sizeof got);
	assert_string_equal(got,
	    "Name,Amount,Count,Day,Share\r\n"
	    "\"Doe, \"\"Jo\"\"\",-123.45,7,2025-04-20,42.5\r\n"
	    "\"'=HYPERLINK(\"\"x\"\")\",0.05,7,2025-04-20,42.5\r\n");
	unlink(path);
	/* aborted: nothing left, not even the temporary file */
	x = export_open(path, NULL, &o, xcols, 5, &err);
	assert_non_null(x);
	assert_int_equal(export_row(x, c, &err), 0);
	export_abort(x);
	assert_int_equal(count_files(dir), 0);
	/* a directory that is not there */
	snprintf(path, sizeof path, "%s/none/a.csv", dir);
	assert_null(export_open(path, NULL, &o, xcols, 5, &err));
	assert_int_equal(err.code, PD_EDOC);
	assert_int_equal(export_format_of("x.CSV"), EXPORT_CSV);
	assert_int_equal(export_format_of("x.xlsx"), EXPORT_XLSX);
	assert_int_equal(export_format_of("x.xls"), -1);
	assert_int_equal(export_format_of("dir.csv/x"), -1);
	rmdir(dir);
}

/* An X_TERM cell in CSV: its stored word when it carries one (an alert's
 * "open" shown "Open"), else the word of its term, context dropped
 * (helper-235, fault 6 of issue 21). */
static void
csv_term_word(void **state)
{
	static const struct xcol cols[] = {{"Status", "status", X_TERM, 10, 0},
	    {"Kind", "kind", X_TERM, 10, 0}};
	char dir[] = "/tmp/pd-export.XXXXXX", path[256], got[256];
	struct export_opts o = {EXPORT_CSV, "Sheet", "$", 2, 0, NULL, 0, 0, 3,
	    FILE_LINKS_REFUSE, NULL, 0};
	struct xcell c[2] = {{TC_("alert", "Open"), 0, "open"},
	    {TC_("dispute", "Resolved: upheld"), 0, NULL}};
	struct pd_err err;
	struct exporter *x;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.csv", dir);
	x = export_open(path, NULL, &o, cols, 2, &err);
	assert_non_null(x);
	assert_int_equal(export_row(x, c, &err), 0);
	c[0].word = NULL;
	c[1].word = "upheld";
	assert_int_equal(export_row(x, c, &err), 0);
	assert_int_equal(export_close(x, &err), 0);
	slurp(path, got, sizeof got);
	assert_string_equal(got, "Status,Kind\r\n"
	                         "open,Resolved: upheld\r\n"
	                         "Open,upheld\r\n");
	unlink(path);
	rmdir(dir);
}

static void
xlsx_export(void **state)
{
	char dir[] = "/tmp/pd-export.XXXXXX", path[256], cmd[600], got[8192];
	struct export_opts o = {EXPORT_XLSX, "Payments", "$", 2, 0, NULL, 0, 0,
	    3, FILE_LINKS_REFUSE, NULL, 0};
	struct xcell c[5] = {{"Zoë", 0, NULL}, {NULL, 14550, NULL},
	    {NULL, 3, NULL}, {"2025-04-20", 0, NULL}, {NULL, 5, NULL}};
	struct pd_err err;
	struct exporter *x;
	char *long_text;
	FILE *p;
	size_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.xlsx", dir);
	assert_null(export_open(NULL, stdout, &o, xcols, 5, &err));
	x = export_open(path, NULL, &o, xcols, 5, &err);
	assert_non_null(x);
	assert_int_equal(export_row(x, c, &err), 0);
	/* text as libxlsxwriter wrote it: XML's three escaped, a control
	 * character as Excel's _xHHHH_, spaces at an end kept; a count and
	 * a day that are not there: no cell */
	c[0].s = " a&b<c>\x01\r\tz";
	c[2].s = "";
	c[3].s = NULL;
	assert_int_equal(export_row(x, c, &err), 0);
	/* a cell past Excel's 32,767 characters: refused, the row not
	 * counted */
	long_text = malloc(40000);
	assert_non_null(long_text);
	memset(long_text, 'a', 39999);
	long_text[39999] = '\0';
	c[0].s = long_text;
	assert_int_equal(export_row(x, c, &err), -1);
	assert_int_equal(err.code, PD_EDOC);
	free(long_text);
	c[0].s = "Zoë";
	assert_int_equal(export_rows(x), 2);
	assert_int_equal(export_close(x, &err), 0);
	snprintf(cmd, sizeof cmd,
	    "unzip -p '%s' xl/worksheets/sheet1.xml xl/styles.xml", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(got, 1, sizeof got - 1, p);
	got[n] = '\0';
	pclose(p);
	/* a frozen header, an amount as a number, a date as a date serial */
	assert_non_null(strstr(got, "state=\"frozen\""));
	assert_non_null(strstr(got, "<t>Zoë</t>"));
	/* the amount exactly as money_plain writes it (issue 25 review:
	 * doubles printed 77.23999999999999) */
	assert_non_null(strstr(got, "<v>145.50</v>"));
	assert_non_null(strstr(got, "<v>45767</v>"));
	/* the rows streamed in (xlsx_sheet.c): the dimension theirs */
	assert_non_null(strstr(got, "<dimension ref=\"A1:E3\"/>"));
	assert_non_null(strstr(got,
	    "<c r=\"A3\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> "
	    "a&amp;b&lt;c&gt;_x0001__x000D_\tz</t></is></c><c r=\"B3\" "
	    "s=\"2\"><v>145.50</v></c><c r=\"E3\" s=\"4\"><v>0.5</v></c>"
	    "</row></sheetData>"));
	assert_non_null(strstr(got, "&quot;$&quot;#,##0.00"));
	assert_non_null(strstr(got, "yyyy-mm-dd"));
	unlink(path);
	x = export_open(path, NULL, &o, xcols, 5, &err);
	assert_int_equal(export_row(x, c, &err), 0);
	export_abort(x);
	assert_int_equal(count_files(dir), 0);
	rmdir(dir);
}

/* The xlsx money formats of an Indian (3,2) organisation: the workbook's
 * conditional one for 0 up to 99,99,99,999.99, a band's own (with its
 * negative section) for a negative amount and for 100 crore and up. */
static void
xlsx_indian(void **state)
{
	char dir[] = "/tmp/pd-export.XXXXXX", path[256], cmd[600], got[8192];
	struct export_opts o = {EXPORT_XLSX, "Payments", "\xe2\x82\xb9", 2, 0,
	    NULL, 0, 0, 2, FILE_LINKS_REFUSE, NULL, 0};
	int64_t v[] = {14550, 1234567, -1234567, INT64_C(9999999999999)};
	struct xcell c[5] = {{"Zoë", 0, NULL}, {NULL, 0, NULL}, {NULL, 3, NULL},
	    {"2025-04-20", 0, NULL}, {NULL, 5, NULL}};
	struct pd_err err;
	struct exporter *x;
	FILE *p;
	size_t n, i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/in.xlsx", dir);
	x = export_open(path, NULL, &o, xcols, 5, &err);
	assert_non_null(x);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		c[1].n = v[i];
		assert_int_equal(export_row(x, c, &err), 0);
	}
	assert_int_equal(export_close(x, &err), 0);
	snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/styles.xml", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(got, 1, sizeof got - 1, p);
	got[n] = '\0';
	pclose(p);
	assert_non_null(strstr(got,
	    "formatCode=\"[&gt;=10000000]&quot;\xe2\x82\xb9&quot;##\\,##\\,##"
	    "\\,##0.00;[&gt;=100000]&quot;\xe2\x82\xb9&quot;##\\,##\\,##0.00;"
	    "&quot;\xe2\x82\xb9&quot;#,##0.00\""));
	/* -12,345.67: 5 digits, band 0, its minus written */
	assert_non_null(strstr(got,
	    "formatCode=\"&quot;\xe2\x82\xb9&quot;#,##0.00;-&quot;\xe2\x82\xb9"
	    "&quot;#,##0.00\""));
	/* 99,99,99,99,999.99: 11 digits, band 3 */
	assert_non_null(strstr(got,
	    "formatCode=\"&quot;\xe2\x82\xb9&quot;##\\,##\\,##\\,##\\,##0.00;-"
	    "&quot;\xe2\x82\xb9&quot;##\\,##\\,##\\,##\\,##0.00\""));
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(columns),
	    cmocka_unit_test(wrapping),
	    cmocka_unit_test(text_rendering),
	    cmocka_unit_test(wide_amounts_text),
	    cmocka_unit_test(translated_text),
	    cmocka_unit_test(pdf_rendering),
	    cmocka_unit_test(pdf_fonts_once),
	    cmocka_unit_test(pdf_subsets_kept),
	    cmocka_unit_test(atomic_files),
	    cmocka_unit_test(printing),
	    cmocka_unit_test(run_group_kill),
	    cmocka_unit_test(csv_export),
	    cmocka_unit_test(csv_term_word),
	    cmocka_unit_test(xlsx_export),
	    cmocka_unit_test(xlsx_indian),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
