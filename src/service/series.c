/* series.c - gaps in the receipt and credit-note number series (review
 * 18): paydesk.ini(5) says the series are gap-free, and a series moved
 * on in the sqlite3 shell (number_series.next) or a document deleted
 * went unseen. doctor lists, per terminal and scope (year or month of a
 * format that resets), the numbers missing between those issued, and on
 * a terminal a next number that is not the one after the last issued.
 * A terminal judges its own series only: another terminal's documents
 * reach it when they are synced, and on the central node a number
 * missing is most often one not received yet or refused (sync_log), not
 * a problem of its store. Only numbers of today's format are judged: a
 * series of a format before a change is no longer written to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/numfmt.h"
#include "paydesk/xmalloc.h"

/* Problems listed per series at most (the count goes on). */
#define GAPS_SHOWN 5

struct issued {
	char terminal[17];
	char branch[17];
	char scope[16];
	char date[11];
	int64_t seq;
};

static int
cmp_issued(const void *a, const void *b)
{
	const struct issued *x = a, *y = b;
	int c = strcmp(x->terminal, y->terminal);

	if (c == 0)
		c = strcmp(x->scope, y->scope);
	if (c == 0)
		c = x->seq < y->seq ? -1 : x->seq > y->seq;
	return c;
}

/* The numbers of today's format among d, of the terminal (NULL: all);
 * *other counts those of another format. */
static struct issued *
issued_of(const char *fmt, const struct doc_number *d, size_t n,
    const char *terminal, size_t *out, size_t *other)
{
	struct issued *v = xcalloc(n + 1, sizeof *v);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		struct numfmt_ctx ctx = {d[i].date, d[i].terminal, d[i].branch};

		if (terminal != NULL && strcmp(d[i].terminal, terminal) != 0)
			continue;
		if (numfmt_match(fmt, &ctx, d[i].number, &v[k].seq, NULL) !=
		    0) {
			(*other)++;
			continue;
		}
		xstrlcpy(v[k].terminal, d[i].terminal, sizeof v[k].terminal);
		xstrlcpy(v[k].branch, d[i].branch, sizeof v[k].branch);
		xstrlcpy(v[k].date, d[i].date, sizeof v[k].date);
		numfmt_scope(fmt, d[i].date, v[k].scope, sizeof v[k].scope);
		k++;
	}
	qsort(v, k, sizeof *v, cmp_issued);
	*out = k;
	return v;
}

/* Whether x and y are of the same terminal's series in one scope. */
static int
same_series(const struct issued *x, const struct issued *y)
{
	return strcmp(x->terminal, y->terminal) == 0 &&
	       strcmp(x->scope, y->scope) == 0;
}

struct gaps {
	const char *fmt, *what;
	problem_cb cb;
	void *arg;
	int found;
};

/* A problem about the numbers seq of x's series. */
static void
gap(struct gaps *g, const struct issued *x, int64_t from, int64_t to,
    int64_t next)
{
	struct numfmt_ctx ctx = {x->date, x->terminal, x->branch};
	char a[64], b[64], line[400];

	if (g->found++ >= GAPS_SHOWN || g->cb == NULL)
		return;
	numfmt_render(g->fmt, &ctx, from, a, sizeof a, NULL);
	numfmt_render(g->fmt, &ctx, to, b, sizeof b, NULL);
	if (next > 0)
		snprintf(line, sizeof line,
		    _("number series: the next of the %s is %s, but the last "
		      "issued is %s"),
		    g->what, a, b);
	else if (from == to)
		snprintf(line, sizeof line,
		    _("number series: %s of terminal %s: %s is missing"),
		    g->what, x->terminal, a);
	else
		snprintf(line, sizeof line,
		    _("number series: %s of terminal %s: %s to %s are missing"),
		    g->what, x->terminal, a, b);
	g->cb(line, g->arg);
}

/* The series of receipts (credit 0) or credit notes (1). */
static int
series_gaps(
    struct svc *s, int credit, problem_cb cb, void *arg, struct pd_err *err)
{
	struct gaps g = {credit ? s->cfg.fmt_credit_note : s->cfg.fmt_receipt,
	    credit ? _("credit notes") : _("receipts"), cb, arg, 0};
	int central = store_is_central(s->st);
	struct doc_number *d;
	struct issued *v;
	size_t n, k, i, other = 0;
	int64_t expect = 1, next;

	if (central)
		return 0;
	d = store_doc_numbers(s->st, credit, &n, err);
	if (d == NULL)
		return -1;
	v = issued_of(
	    g.fmt, d, n, central ? NULL : s->cfg.terminal_id, &k, &other);
	free(d);
	for (i = 0; i < k; i++) {
		/* a format changed goes on with the series of the one
		 * before: where the terminal has numbers of another, its
		 * first of today's is not judged */
		if (i == 0 || !same_series(&v[i - 1], &v[i]))
			expect = other > 0 ? v[i].seq : 1;
		if (v[i].seq > expect)
			gap(&g, &v[i], expect, v[i].seq - 1, 0);
		if (v[i].seq >= expect)
			expect = v[i].seq + 1;
		if (central || (i + 1 < k && same_series(&v[i], &v[i + 1])))
			continue;
		/* the end of the terminal's own series in a scope: its next */
		next = store_series_peek(
		    s->st, credit ? "credit_note" : "receipt", v[i].scope);
		if (next != expect)
			gap(&g, &v[i], next, expect - 1, 1);
	}
	free(v);
	return g.found;
}

int
svc_series_check(struct svc *s, problem_cb cb, void *arg, struct pd_err *err)
{
	int a = series_gaps(s, 0, cb, arg, err), b;

	if (a < 0)
		return -1;
	b = series_gaps(s, 1, cb, arg, err);
	return b < 0 ? -1 : a + b;
}

/* The central node's report of a terminal's series (review 18): its
 * lines of one document series, from the numbers of today's format. */
static int
report_series(struct svc *s, enum doc_series kind, const char *terminal,
    series_line_cb cb, void *arg, struct pd_err *err)
{
	static const char *const words[] = {
	    "receipt", "credit_note", "payment", "z_report"};
	const char *fmt = kind == DOC_SERIES_RECEIPT ? s->cfg.fmt_receipt
	                  : kind == DOC_SERIES_CREDIT_NOTE
	                      ? s->cfg.fmt_credit_note
	                  : kind == DOC_SERIES_Z_REPORT ? s->cfg.fmt_z_report
	                                                : s->cfg.fmt_payment;
	struct series_line l;
	struct doc_number *d;
	struct issued *v;
	size_t n, k, i, j, other = 0;
	int64_t expect = 1;
	int rc = 0;

	d = store_doc_numbers(s->st, kind, &n, err);
	if (d == NULL)
		return -1;
	v = issued_of(fmt, d, n, terminal, &k, &other);
	free(d);
	for (i = 0; i < k && rc == 0; i = j) {
		struct numfmt_ctx ctx = {v[i].date, v[i].terminal, v[i].branch};

		/* one scope's numbers: v[i..j) */
		for (j = i + 1; j < k && same_series(&v[i], &v[j]); j++)
			;
		memset(&l, 0, sizeof l);
		l.kind = SERIES_ISSUED;
		l.series = words[kind];
		l.scope = v[i].scope;
		l.count = (int64_t)(j - i);
		numfmt_render(
		    fmt, &ctx, v[i].seq, l.first, sizeof l.first, NULL);
		numfmt_render(
		    fmt, &ctx, v[j - 1].seq, l.last, sizeof l.last, NULL);
		rc = cb(&l, arg);
		/* as doctor judges: after a change of format the series goes
		 * on from the one before, its first of today's not a gap */
		expect = other > 0 ? v[i].seq : 1;
		for (; i < j && rc == 0; i++) {
			/* a number held twice (one Z number of two closes,
			 * rendered alike by another branch): said once, with
			 * how many times */
			if (i > 0 && same_series(&v[i - 1], &v[i]) &&
			    v[i - 1].seq == v[i].seq) {
				size_t t = i;

				while (t + 1 < j && v[t + 1].seq == v[i].seq)
					t++;
				l.kind = SERIES_TWICE;
				l.count = (int64_t)(t - i + 2);
				numfmt_render(fmt, &ctx, v[i].seq, l.first,
				    sizeof l.first, NULL);
				xstrlcpy(l.last, l.first, sizeof l.last);
				rc = cb(&l, arg);
				i = t;
				continue;
			}
			if (v[i].seq > expect) {
				l.kind = SERIES_MISSING;
				l.count = v[i].seq - expect;
				numfmt_render(fmt, &ctx, expect, l.first,
				    sizeof l.first, NULL);
				numfmt_render(fmt, &ctx, v[i].seq - 1, l.last,
				    sizeof l.last, NULL);
				rc = cb(&l, arg);
			}
			if (v[i].seq >= expect)
				expect = v[i].seq + 1;
		}
	}
	free(v);
	return rc;
}

int
svc_central_gaps(struct svc *s, const char *terminal, series_line_cb cb,
    void *arg, struct pd_err *err)
{
	static const enum doc_series order[] = {DOC_SERIES_PAYMENT,
	    DOC_SERIES_RECEIPT, DOC_SERIES_CREDIT_NOTE, DOC_SERIES_Z_REPORT};
	struct series_line l;
	struct voided_doc *vd;
	size_t i, n;
	int rc = 0;

	for (i = 0; i < sizeof order / sizeof order[0] && rc == 0; i++)
		rc = report_series(s, order[i], terminal, cb, arg, err);
	if (rc != 0)
		return rc;
	vd = store_voided_docs(s->st, terminal, &n, err);
	if (vd == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		memset(&l, 0, sizeof l);
		l.kind = SERIES_VOIDED;
		l.series = vd[i].credit ? "credit_note" : "receipt";
		l.scope = "";
		xstrlcpy(l.first, vd[i].number, sizeof l.first);
		xstrlcpy(l.last, vd[i].payment_no, sizeof l.last);
		l.count = 1;
		l.reason = vd[i].reason;
		l.by = vd[i].by;
		l.at = vd[i].at;
		rc = cb(&l, arg);
	}
	free(vd);
	if (rc == 0) {
		memset(&l, 0, sizeof l);
		l.kind = SERIES_REFUSED;
		l.series = "";
		l.scope = "";
		l.count = store_sync_refused(s->st, terminal);
		rc = l.count > 0 ? cb(&l, arg) : 0;
	}
	return rc;
}
