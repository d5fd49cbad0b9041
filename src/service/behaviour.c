/* behaviour.c - deteriorating payers (issue 23, seeds 002 and 003: the
 * billing manager spots customers whose payment behaviour is getting
 * worse before they default). A consumer's days to pay of a payment are
 * the days from the due date of the oldest item it paid to its date
 * (negative: paid early); a consumer is deteriorating when those of
 * their last N Posted payments never fell and grew from the first to the
 * last. Ranked by the growth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* The consumer being read and the rows that qualified. */
struct det_ctx {
	int last;
	struct deteriorating_row cur;
	struct deteriorating_row *rows;
	size_t n, cap;
};

/* Whether r's days never fell and grew (r->n == last). */
static int
worsening(const struct deteriorating_row *r, int last)
{
	int i;

	if (r->n < last)
		return 0;
	for (i = 1; i < r->n; i++)
		if (r->days[i] < r->days[i - 1])
			return 0;
	return r->days[r->n - 1] > r->days[0];
}

/* The consumer read so far into the rows if it qualifies. */
static void
det_flush(struct det_ctx *x)
{
	struct deteriorating_row *r = &x->cur;
	size_t at = 0;
	int i;

	if (r->consumer_id == 0 || !worsening(r, x->last))
		return;
	for (i = 0; i < r->n; i++)
		at += (size_t)snprintf(r->days_text + at,
		    sizeof r->days_text - at, "%s%lld", i ? ", " : "",
		    (long long)r->days[i]);
	r->growth = r->days[r->n - 1] - r->days[0];
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->rows = xrealloc(x->rows, x->cap, sizeof *x->rows);
	}
	x->rows[x->n++] = *r;
}

static int
det_row(int64_t consumer_id, const char *name, const char *account_no,
    int64_t days, void *arg)
{
	struct det_ctx *x = arg;

	if (consumer_id != x->cur.consumer_id) {
		det_flush(x);
		memset(&x->cur, 0, sizeof x->cur);
		x->cur.consumer_id = consumer_id;
		snprintf(x->cur.name, sizeof x->cur.name, "%s", name);
		snprintf(
		    x->cur.account_no, sizeof x->cur.account_no, "%s", account_no);
	}
	if (x->cur.n < DETERIORATING_MAX)
		x->cur.days[x->cur.n++] = days;
	return 0;
}

/* Most growth first, then the latest days, then the name. */
static int
by_growth(const void *a, const void *b)
{
	const struct deteriorating_row *x = a, *y = b;

	if (x->growth != y->growth)
		return x->growth < y->growth ? 1 : -1;
	if (x->days[x->n - 1] != y->days[y->n - 1])
		return x->days[x->n - 1] < y->days[y->n - 1] ? 1 : -1;
	return strcmp(x->name, y->name);
}

int
svc_deteriorating(struct svc *s, int last, deteriorating_cb cb, void *arg,
    struct pd_err *err)
{
	struct payment_filter sc;
	struct det_ctx x;
	size_t i;
	int rc = 0;

	if (svc_require(s, ROLE_SUPERVISOR, _("The deteriorating payers report"),
	        err) != 0)
		return -1;
	if (last < 2 || last > DETERIORATING_MAX)
		return pd_fail(err, PD_EUSAGE,
		    _("--last %d: the payments to compare, 2 to %d"), last,
		    DETERIORATING_MAX);
	memset(&x, 0, sizeof x);
	x.last = last;
	svc_figure_filter(s, &sc);
	if (store_days_to_pay_each(s->st, &sc, last, det_row, &x, err) != 0) {
		free(x.rows);
		return -1;
	}
	det_flush(&x);
	qsort(x.rows, x.n, sizeof *x.rows, by_growth);
	for (i = 0; i < x.n && rc == 0; i++)
		rc = cb(&x.rows[i], arg);
	free(x.rows);
	return 0;
}
