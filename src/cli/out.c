/* out.c - printing tables as text, JSON or CSV (or an --xlsx file), the
 * exports' progress and cancelling, and the option readers every
 * command shares. Records are printed by out_rec.c. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "out_int.h"

struct table {
	struct cli *c;
	const struct xcol *cols;
	int ncols, col;
	long rows;
	struct exporter *x; /* CSV, or the --xlsx file */
	const char *sheet;  /* the --xlsx file's sheet (table_sheet) */
	int headed;         /* table_heading: a heading block */
	unsigned bits;      /* the filters it names (SVC_FILTER_BIT) */
	char from[11], to[11]; /* its days, "" none */
	int failed;         /* the --xlsx file could not be written */
	struct xcell *cells;
	char **owned; /* text of the cells being built */
	int *w;       /* text: each column's width, its header's at least */
	/* text: the first TABLE_KEPT rows as shown, kept so that numbers
	 * (amounts, counts) are as wide as the widest (never cut, issue
	 * 25); ncols strings a row. Past them (flushed) rows are printed as
	 * they come, a wider number widening its line rather than cut. */
	char **text;
	size_t ntext, captext;
	int flushed;
	int started; /* the CSV header or the JSON "[" printed */
	int wrap;    /* text: the width the last column wraps at, or 0 */
};
#define TABLE_KEPT 1000

/* Print s in exactly w display columns (wide characters count two,
 * combining marks none): cut with '~' (never inside a character) or
 * padded. */
static void
fit(const char *s, int w, int right)
{
	size_t len = strlen(s), cut;
	int n = utf8_columns(s, len), used;

	if (n <= w) {
		if (right)
			printf("%*s%s", w - n, "", s);
		else
			printf("%s%*s", s, w - n, "");
		return;
	}
	cut = utf8_fit(s, len, w - 1, &used);
	printf("%.*s~%*s", (int)cut, s, w - 1 - used, "");
}

/* The width text tables wrap their last column at: COLUMNS when it is
 * set (20-1000), else the terminal's; 0 (never wrap) for a pipe or a
 * file, which get whole lines to grep. */
static int
text_width(void)
{
	const char *e = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long v;

	if (e != NULL && *e != '\0') {
		v = strtol(e, &end, 10);
		if (*end == '\0' && v >= 20 && v <= 1000)
			return (int)v;
	}
	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 0;
}

struct table *
table_new(struct cli *c, const struct xcol *cols, int ncols)
{
	struct table *t = xcalloc(1, sizeof *t);
	const char *h;
	int i, hw;

	t->c = c;
	t->cols = cols;
	t->ncols = ncols;
	t->cells = xcalloc((size_t)ncols, sizeof *t->cells);
	t->owned = xcalloc((size_t)ncols, sizeof *t->owned);
	t->w = xcalloc((size_t)ncols, sizeof *t->w);
	if (c->mode == OUT_TEXT) {
		t->wrap = text_width();
		for (i = 0; i < ncols; i++) {
			/* gettext("") is the catalogue's header */
			h = svc_column_header(cols[i].header);
			hw = utf8_columns(h, strlen(h));
			t->w[i] = hw > cols[i].width ? hw : cols[i].width;
		}
	}
	return t;
}

/* The CSV header or the JSON "[", once, at the first row or the end. */
static void
table_start(struct table *t)
{
	if (t->started)
		return;
	t->started = 1;
	if (t->c->mode == OUT_CSV)
		t->x = svc_stream_open(&t->c->svc, stdout, t->cols, t->ncols);
	else if (t->c->mode == OUT_XLSX) {
		t->x = t->headed
		           ? svc_sheet_open_headed(&t->c->svc, t->c->xlsx,
		                 t->sheet ? t->sheet : t->c->cmd, t->cols,
		                 t->ncols, t->from[0] ? t->from : NULL,
		                 t->to[0] ? t->to : NULL, t->bits, &t->c->err)
		           : svc_sheet_open(&t->c->svc, t->c->xlsx,
		                 t->sheet ? t->sheet : t->c->cmd, t->cols,
		                 t->ncols, &t->c->err);
		t->failed = t->x == NULL;
	} else if (t->c->mode == OUT_JSON)
		fputs("[", stdout);
}

/* Numbers (amounts, counts, tenths) are never cut: their columns widen
 * to the widest; text and dates keep their width, cut with '~'. */
static int
numeric(enum xkind k)
{
	return k == X_MONEY || k == X_INT || k == X_TENTHS || k == X_PERCENT ||
	       k == X_NUMBER;
}

/* Columns never cut: numbers, stored words (X_TERM: a status, a
 * reason), a word cut being a word lost in any language, as in the
 * screens' lists (issue 25 review: "Solicitud del cli~"), and
 * identifiers (X_ID: a receipt number cut cannot be given back to
 * payment show; review R23 15), and the names from a short list that a
 * screen shows whole or hides (min -1: a method, given back to
 * --method), a table on the command line having nothing to hide. */
static int
whole(const struct xcol *c)
{
	return numeric(c->kind) || c->kind == X_TERM || c->kind == X_ID ||
	       c->min < 0;
}

/* The last cell s, begun at column x, within width w: its "; " entries
 * (the payers' "Cash $1.00; Card $2.00") kept whole, those that do not
 * fit carried to lines of their own indented by 4 (issue 25: no amount
 * is ever cut, nor split over two lines). */
static void
wrap_last(const char *s, int x, int w)
{
	const char *p = s, *semi;
	int used = x, first = 1;

	while (*p != '\0') {
		size_t len;
		int cw;

		semi = strstr(p, "; ");
		len = semi ? (size_t)(semi - p) + 1 : strlen(p);
		cw = utf8_columns(p, len);
		if (used > 4 && used + (first ? 0 : 1) + cw > w) {
			fputs("\n    ", stdout);
			used = 4;
		} else if (!first)
			fputc(' ', stdout), used++;
		fwrite(p, 1, len, stdout);
		used += cw;
		first = 0;
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* Print one text row of ncols cells: text and dates cut to their
 * width, numbers right-aligned and whole (fit only pads them); the
 * last cell whole, wrapped at the terminal's width (text_width). */
static void
text_row(struct table *t, char *const *v)
{
	int i, c, x = 0, w = t->wrap;

	for (i = 0; i < t->ncols; i++) {
		c = utf8_columns(v[i], strlen(v[i]));
		if (i + 1 == t->ncols) {
			if (w > 0 && x + c > w)
				wrap_last(v[i], x, w);
			else
				fputs(v[i], stdout);
		} else {
			fit(v[i],
			    whole(&t->cols[i]) && c > t->w[i] ? c : t->w[i],
			    t->cols[i].kind != X_TEXT &&
			        t->cols[i].kind != X_ID &&
			        t->cols[i].kind != X_DATE &&
			        t->cols[i].kind != X_TERM &&
			        t->cols[i].kind != X_LIST &&
			        t->cols[i].kind != X_BOOL &&
			        t->cols[i].kind != X_TIME);
			fputs("  ", stdout);
			x += (whole(&t->cols[i]) && c > t->w[i] ? c
			                                            : t->w[i]) +
			     2;
		}
	}
	fputc('\n', stdout);
}

/* Print the text rows kept: the header, then the rows, each column as
 * wide as its header, its width or (numbers, stored words) its widest
 * cell. */
static void
text_flush(struct table *t)
{
	const char *h;
	size_t r, k;
	int i, c, x;

	for (r = 0; r < t->ntext; r++)
		for (i = 0; i < t->ncols; i++) {
			k = r * (size_t)t->ncols + (size_t)i;
			c = utf8_columns(t->text[k], strlen(t->text[k]));
			if (whole(&t->cols[i]) && c > t->w[i])
				t->w[i] = c;
		}
	for (i = 0, x = 0; i < t->ncols; i++) {
		h = svc_column_header(t->cols[i].header);
		if (i + 1 < t->ncols) {
			fit(h, t->w[i], 0);
			fputs("  ", stdout);
			x += t->w[i] + 2;
		} else if (t->wrap > 0 &&
		           x + utf8_columns(h, strlen(h)) > t->wrap)
			printf("\n    %s", h); /* over its wrapped cells */
		else
			fputs(h, stdout);
	}
	fputc('\n', stdout);
	for (r = 0; r < t->ntext; r++) {
		text_row(t, t->text + r * (size_t)t->ncols);
		for (i = 0; i < t->ncols; i++)
			free(t->text[r * (size_t)t->ncols + (size_t)i]);
	}
	free(t->text);
	t->text = NULL;
	t->ntext = 0;
	t->flushed = 1;
}

static void
cell(struct table *t, const char *s, int64_t n)
{
	if (t->col >= t->ncols)
		return;
	t->owned[t->col] = s ? xstrdup(s) : NULL;
	t->cells[t->col].s = t->owned[t->col];
	t->cells[t->col].n = n;
	t->cells[t->col].word = NULL;
	t->col++;
}

void
table_str(struct table *t, const char *v)
{
	cell(t, v ? v : "", 0);
}

void
table_words(struct table *t, const char *shown, const char *words)
{
	cell(t, shown ? shown : "", 0);
	t->cells[t->col - 1].word = words;
}

void
table_bool(struct table *t, int v)
{
	cell(t, v ? "true" : "false", v != 0);
}

void
table_money(struct table *t, int64_t v)
{
	cell(t, NULL, v);
}

void
table_money_or_none(struct table *t, int64_t v, int has)
{
	cell(t, has ? NULL : "-", has ? v : 0);
}

void
table_int(struct table *t, int64_t v)
{
	cell(t, NULL, v);
}

int
table_machine(const struct table *t)
{
	return t->c->mode == OUT_JSON || t->c->mode == OUT_CSV;
}

void
table_cells(struct table *t, const struct xcell *cells)
{
	int i;

	/* a word is static or the caller's until this returns: the row is
	 * written (JSON, CSV) or made text here */
	for (i = 0; i < t->ncols; i++) {
		cell(t, cells[i].s, cells[i].n);
		t->cells[i].word = cells[i].word;
	}
	table_row(t);
}

/* A cell as text (money with the symbol) into buf. */
static const char *
cell_text(struct table *t, int i, char *buf, size_t n)
{
	const struct xcell *c = &t->cells[i];
	const char *w;

	switch (t->cols[i].kind) {
	case X_MONEY: /* a set .s: none (a refused record's alert, ""; a
	               * CSV statement's balance, "-"), shown as it is */
		return c->s != NULL ? c->s
		                    : svc_money(&t->c->svc, buf, n, c->n);
	case X_INT: /* a count, in the organisation's grouping */
		return c->s != NULL ? "" : svc_count(&t->c->svc, buf, n, c->n);
	case X_NUMBER:
		snprintf(buf, n, "%lld", (long long)c->n);
		return buf;
	case X_TENTHS:
		return svc_tenths(&t->c->svc, buf, n, c->n);
	case X_PERCENT:
		return c->n < 0 ? "" : svc_percent(&t->c->svc, buf, n, c->n);
	case X_DATE:
		return svc_date(&t->c->svc, buf, n, c->s);
	case X_TIME:
		return svc_timestamp(&t->c->svc, buf, n, c->s);
	case X_BOOL:
		return c->n ? _("yes") : "";
	case X_TERM: /* a stored word, in the operator's language */
		if (c->s == NULL || *c->s == '\0')
			return "";
		w = svc_word(c->s, buf, n);
		return w != c->s ? w : i18n_term(c->s);
	default:
		return c->s ? c->s : "";
	}
}

/* An X_LIST cell's items ("3, -1, 19"; "Current, 1-30") as a JSON array:
 * a whole number as a number, anything else as a string; "" none. */
static json_t *
list_json(const char *s)
{
	json_t *a = json_array();
	const char *end;
	char item[64];
	size_t n, k;
	int whole;

	while (s != NULL && *s != '\0') {
		end = strstr(s, ", ");
		n = end != NULL ? (size_t)(end - s) : strlen(s);
		if (n >= sizeof item)
			n = sizeof item - 1;
		memcpy(item, s, n);
		item[n] = '\0';
		whole = n > (item[0] == '-') && n < 19;
		for (k = item[0] == '-'; whole && k < n; k++)
			whole = item[k] >= '0' && item[k] <= '9';
		json_array_append_new(
		    a, whole ? json_integer(strtoll(item, NULL, 10))
		             : json_string(item));
		s = end != NULL ? end + 2 : "";
	}
	return a;
}

static json_t *
cell_json(struct table *t, int i)
{
	const struct xcell *c = &t->cells[i];

	switch (t->cols[i].kind) {
	case X_INT:
		return c->s != NULL ? json_null() : json_integer(c->n);
	case X_MONEY:
		return c->s != NULL ? json_null() : json_integer(c->n);
	case X_NUMBER:
		return json_integer(c->n);
	case X_TENTHS:
		return json_real((double)c->n / 10);
	case X_PERCENT:
		return c->n < 0 ? json_null() : json_real((double)c->n / 10);
	case X_TERM: /* a term (TC_): the word alone, as stored */
		return json_string(xcell_word(c));
	case X_LIST: /* the stored words when s shows them translated */
		return list_json(c->word != NULL ? c->word : c->s);
	case X_BOOL:
		return json_boolean(c->n != 0);
	default:
		return json_string(c->s ? c->s : "");
	}
}

/* The row being built, as text: kept while fewer than TABLE_KEPT are,
 * else (the kept ones printed first) printed now. */
static void
text_keep(struct table *t)
{
	char buf[MONEY_BUFSZ], **v;
	int i;

	if (t->ntext == TABLE_KEPT && !t->flushed)
		text_flush(t);
	if (t->flushed) {
		v = xcalloc((size_t)t->ncols, sizeof *v);
		for (i = 0; i < t->ncols; i++)
			v[i] = utf8_printable(cell_text(t, i, buf, sizeof buf));
		text_row(t, v);
		for (i = 0; i < t->ncols; i++)
			free(v[i]);
		free(v);
		return;
	}
	if (t->ntext == t->captext) {
		t->captext = t->captext ? t->captext * 2 : 64;
		t->text = xrealloc(
		    t->text, t->captext * (size_t)t->ncols, sizeof *t->text);
	}
	for (i = 0; i < t->ncols; i++)
		t->text[t->ntext * (size_t)t->ncols + (size_t)i] =
		    utf8_printable(cell_text(t, i, buf, sizeof buf));
	t->ntext++;
}

void
table_row(struct table *t)
{
	json_t *row;
	char *dump;
	int i;

	table_start(t);
	if (t->c->mode == OUT_JSON) {
		row = json_object();
		for (i = 0; i < t->ncols; i++)
			json_object_set_new(
			    row, t->cols[i].key, cell_json(t, i));
		dump = json_dumps(row,
		    JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_EXACT_TENTHS);
		printf("%s\n  %s", t->rows ? "," : "", dump);
		free(dump);
		json_decref(row);
	} else if (t->c->mode == OUT_CSV) {
		svc_stream_row(t->x, t->cells);
	} else if (t->c->mode == OUT_XLSX) {
		if (!t->failed &&
		    svc_sheet_row(t->x, t->cells, &t->c->err) != 0) {
			svc_sheet_close(t->x, 0, NULL);
			t->x = NULL;
			t->failed = 1;
		}
	} else
		text_keep(t);
	for (i = 0; i < t->ncols; i++) {
		free(t->owned[i]);
		t->owned[i] = NULL;
	}
	memset(t->cells, 0, sizeof *t->cells * (size_t)t->ncols);
	t->col = 0;
	t->rows++;
}

void
table_sheet(struct table *t, const char *sheet)
{
	t->sheet = sheet;
}

void
table_heading(struct table *t, const char *from, const char *to, unsigned bits)
{
	t->headed = 1;
	t->bits = bits;
	snprintf(t->from, sizeof t->from, "%s", from ? from : "");
	snprintf(t->to, sizeof t->to, "%s", to ? to : "");
}

/* The --xlsx file of a listing that returned rc: written (its row count
 * said) when rc is 0 and every row went in, else given up. */
static int
table_xlsx_end(struct table *t, int rc)
{
	if (rc == 0)
		table_start(t);
	if (t->x != NULL &&
	    svc_sheet_close(t->x, rc == 0 && !t->failed, &t->c->err) != 0)
		t->failed = 1;
	t->x = NULL;
	return cli_export_end(t->c, t->failed ? -1 : rc, t->rows);
}

long
table_end(struct table *t)
{
	long n = t->rows;

	if (t->c->mode == OUT_XLSX)
		table_xlsx_end(t, 0);
	else
		table_start(t);
	if (t->c->mode == OUT_JSON)
		fputs(n ? "\n]\n" : "]\n", stdout);
	else if (t->c->mode == OUT_CSV)
		svc_stream_end(t->x);
	else if (t->c->mode == OUT_TEXT && !t->flushed)
		text_flush(t);
	if (t->c->mode == OUT_TEXT && n == 0)
		puts(_("(none)"));
	free(t->w);
	free(t->cells);
	free(t->owned);
	free(t);
	return n;
}

int
table_done(struct table *t, int rc)
{
	size_t i;

	if (t->c->mode == OUT_XLSX)
		rc = table_xlsx_end(t, rc);
	else if (rc == 0 || t->rows > 0) {
		table_end(t);
		return rc;
	}
	for (i = 0; i < t->ntext * (size_t)t->ncols; i++)
		free(t->text[i]);
	free(t->text);
	free(t->w);
	free(t->cells);
	free(t->owned);
	free(t);
	return rc;
}

static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* A progress line on a terminal; a Ctrl-C cancels. */
static int
export_progress_line(int64_t done, int64_t total, void *arg)
{
	struct cli *c = arg;
	char a[SVC_COUNT_BUFSZ], b[SVC_COUNT_BUFSZ];

	if (interrupted)
		return 1;
	if (c->mode == OUT_XLSX && isatty(STDERR_FILENO)) {
		fputc('\r', stderr);
		svc_count(&c->svc, a, sizeof a, done);
		if (total > 0)
			fprintf(stderr,
			    ngettext("Exporting %s of %s row (%d%%)",
			        "Exporting %s of %s rows (%d%%)",
			        (unsigned long)total),
			    a, svc_count(&c->svc, b, sizeof b, total),
			    (int)(done * 100 / total));
		else
			fprintf(stderr,
			    ngettext("Exporting %s row", "Exporting %s rows",
			        (unsigned long)done),
			    a);
	}
	return 0;
}

int
cli_personal_data(struct cli *c)
{
	/* on the screen too a name, phone and address are shown to a
	 * signed-in user only, a cashier at least (issue 17 review: text
	 * printed them to anyone at the terminal while --json needed a
	 * supervisor) */
	if (c->mode == OUT_TEXT)
		return svc_require(&c->svc, ROLE_CASHIER,
		    _("Showing consumers' data"), &c->err);
	return svc_require(
	    &c->svc, ROLE_SUPERVISOR, _("Exporting consumers' data"), &c->err);
}

int
cli_export_job(struct cli *c, struct export_job *j)
{
	struct sigaction sa;

	memset(j, 0, sizeof *j);
	if (c->mode != OUT_CSV && c->mode != OUT_XLSX)
		return 0;
	j->format = c->mode == OUT_CSV ? EXPORT_CSV : EXPORT_XLSX;
	j->path = c->mode == OUT_XLSX ? c->xlsx : NULL;
	j->key_headers = c->mode == OUT_CSV;
	if (c->mode == OUT_XLSX) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_interrupt;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		j->progress = export_progress_line;
		j->arg = c;
	}
	return 1;
}

int
cli_export_end(struct cli *c, int rc, int64_t rows)
{
	if (c->mode != OUT_XLSX)
		return rc;
	if (isatty(STDERR_FILENO))
		fputc('\n', stderr);
	if (rc == 0) {
		char num[SVC_COUNT_BUFSZ];

		fprintf(stderr, "paydesk: ");
		fprintf(stderr,
		    ngettext("Wrote %s row to %s", "Wrote %s rows to %s",
		        (unsigned long)rows),
		    svc_count(&c->svc, num, sizeof num, rows), c->xlsx);
		fputc('\n', stderr);
	}
	return rc;
}

int
cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	c->err.code = PD_EUSAGE;
	va_start(ap, fmt);
	vsnprintf(c->err.msg, sizeof c->err.msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
cli_money(struct cli *c, const char *opt, const char *s, int64_t *out)
{
	return svc_money_arg(&c->svc, s, opt, out, &c->err);
}

const char *
cli_date(struct cli *c, const char *opt, const char *s)
{
	char *iso = c->dates[c->ndates++ % 4];

	/* empty or of spaces only: a usage error, as every option's
	 * argument (paydesk(1) EXIT STATUS; helper-239: status 3, and
	 * "not a date" for spaces), said as the date's reader says it */
	if (s[strspn(s, " \t")] == '\0') {
		svc_date_parse(&c->svc, "", opt, iso, &c->err);
		c->err.code = PD_EUSAGE;
		return NULL;
	}
	/* one rule for every option's date (paydesk(1) EXIT STATUS): 2 for
	 * a value not of a date's form at all, 3 for one of the form that
	 * is no real day (2026-02-30, year 0001) */
	if (svc_date_parse(&c->svc, s, opt, iso, &c->err) != 0) {
		c->err.code = date_form_status(s, c->svc.cfg.date_format);
		return NULL;
	}
	return iso;
}

int
cli_month(struct cli *c, const char *opt, const char *s, char *iso)
{
	if (svc_month_parse(&c->svc, s, opt, iso, &c->err) != 0) {
		c->err.code = month_form_status(s, c->svc.cfg.date_format);
		return -1;
	}
	return 0;
}

const char *
cli_from(struct cli *c, const char *s)
{
	char today[11], a[SVC_DATE_BUFSZ], b[SVC_DATE_BUFSZ];
	const char *iso = cli_date(c, "--from", s);

	/* a period that begins after today has nothing yet: bad input, as
	 * kpi's month is (paydesk(1) EXIT STATUS; helper-236, fault 8: an
	 * empty table, status 0) */
	svc_today(today);
	if (iso != NULL && strcmp(iso, today) > 0) {
		pd_fail(&c->err, PD_EINVAL,
		    _("--from %s is after today (%s): nothing is there yet"),
		    svc_date(&c->svc, a, sizeof a, iso),
		    svc_date(&c->svc, b, sizeof b, today));
		return NULL;
	}
	return iso;
}

const char *
cli_to(struct cli *c, const char *s)
{
	char today[11];
	const char *iso = cli_date(c, "--to", s);

	/* one rule for every command's --to, paydesk's and
	 * paydesk-central's (paydesk(1) EXIT STATUS): a day after today is
	 * taken and means up to today, nothing being dated later (fault 10:
	 * report reconciliation refused it, status 3, where every other
	 * list took it) */
	svc_today(today);
	if (iso != NULL && strcmp(iso, today) > 0) {
		char *t = c->dates[c->ndates++ % 4];

		memcpy(t, today, sizeof today);
		return t;
	}
	return iso;
}

enum pd_status
cli_whole(const char *s, long lo, long hi, long *v)
{
	char *end;

	errno = 0;
	*v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0')
		return PD_EUSAGE;
	return errno == ERANGE || *v < lo || *v > hi ? PD_EINVAL : 0;
}

int
cli_limit(struct cli *c, const char *s, size_t *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	/* no whole number (a digit first, digits only): a usage error;
	 * one past the most, validation, as every report's number out of
	 * its range (review s52: both were status 2) */
	if (*s < '0' || *s > '9' || *end != '\0' || v > 100000000)
		return pd_fail(&c->err,
		    *s < '0' || *s > '9' || *end != '\0' ? PD_EUSAGE
		                                         : PD_EINVAL,
		    _("--limit \"%s\": give a "
		      "whole number from 0 (no limit) to 100000000"),
		    s);
	*out = (size_t)v;
	return 0;
}
