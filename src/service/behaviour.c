/* behaviour.c - deteriorating payers (issue 23, seeds 002 and 003: the
 * billing manager spots customers whose payment behaviour is getting
 * worse before they default). A consumer's days to pay of a payment are
 * the days from the due date of the oldest item it paid to its date
 * (negative: paid early); a consumer is deteriorating when those of
 * their last N Posted payments never fell and grew from the first to the
 * last, or when the aging bucket of their oldest open item was a later
 * one at each of the last M month ends than at the one before ("moved
 * to a later aging bucket month after month": M + 1 month ends read). Ranked:
 * both first, then by the days' growth, then by the buckets moved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* The consumer being read and the rows that qualified. */
struct det_ctx {
	int last;
	struct deteriorating_row cur;
	struct deteriorating_row *rows;
	size_t n, cap;
	size_t ndays; /* rows of the days' criterion, by consumer id */
	/* the aging criterion: the month ends compared, those read (each
	 * compared with the one before it: one more) and the consumer read */
	int months, nends;
	const char *ends[DETERIORATING_MONTHS_MAX + 1];
	char end_days[DETERIORATING_MONTHS_MAX + 1][11];
	int64_t acur;
	int abucket[DETERIORATING_MONTHS_MAX + 1];
};

/* A new row at the end of x->rows. */
static struct deteriorating_row *
det_push(struct det_ctx *x)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->rows = xrealloc(x->rows, x->cap, sizeof *x->rows);
	}
	return &x->rows[x->n++];
}

/* Whether r's days never fell and grew (r->n == last), the last payment
 * late: a consumer paying before the due date each time, if less early
 * than before, is no payer getting worse (R23 fault 21, paydesk(1)). */
static int
worsening(const struct deteriorating_row *r, int last)
{
	int i;

	if (r->n < last || r->days[r->n - 1] <= 0)
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
	const struct deteriorating_row *c = &x->cur;
	struct deteriorating_row *r;
	size_t at = 0;
	int i;

	if (c->consumer_id == 0 || !worsening(c, x->last))
		return;
	/* the row made here, x->cur's other fields never set (det_row) */
	r = det_push(x);
	memset(r, 0, sizeof *r);
	r->consumer_id = c->consumer_id;
	xstrlcpy(r->name, c->name, sizeof r->name);
	xstrlcpy(r->account_no, c->account_no, sizeof r->account_no);
	r->n = c->n;
	memcpy(r->days, c->days, (size_t)c->n * sizeof *r->days);
	for (i = 0; i < r->n; i++)
		at += (size_t)snprintf(r->days_text + at,
		    sizeof r->days_text - at, "%s%lld", i ? ", " : "",
		    (long long)r->days[i]);
	r->growth = r->days[r->n - 1] - r->days[0];
	r->why = DETERIORATING_DAYS;
}

/* The consumer's buckets read so far: a row (or the days' one marked)
 * when each of the last x->months month ends' is later than the one
 * before it's (paydesk(1): M moves over M + 1 month ends; h3 fault 2,
 * the M shown compared with each other only: two moves for M = 3). */
static void
aging_flush(struct det_ctx *x)
{
	struct deteriorating_row *r = NULL;
	size_t lo = 0, hi = x->ndays, mid, at = 0, en_at = 0;
	int k;

	if (x->acur == 0)
		return;
	for (k = 1; k < x->nends; k++)
		if (x->abucket[k] <= x->abucket[k - 1])
			return;
	while (lo < hi) { /* the days' rows are by consumer id */
		mid = lo + (hi - lo) / 2;
		if (x->rows[mid].consumer_id < x->acur)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->ndays && x->rows[lo].consumer_id == x->acur)
		r = &x->rows[lo];
	else {
		r = det_push(x);
		memset(r, 0, sizeof *r);
		r->consumer_id = x->acur;
	}
	r->why |= DETERIORATING_AGING;
	r->nb = x->nends;
	for (k = 0; k < x->nends; k++) {
		const char *b = age_bucket_name((enum age_bucket)x->abucket[k]);

		r->bucket[k] = x->abucket[k];
		/* the reader's words, and English for JSON and CSV */
		at += (size_t)snprintf(r->buckets_text + at,
		    sizeof r->buckets_text - at, "%s%s", k ? ", " : "",
		    x->abucket[k] == AGE_CURRENT ? _("Current") : b);
		en_at += (size_t)snprintf(r->buckets_en + en_at,
		    sizeof r->buckets_en - en_at, "%s%s", k ? ", " : "", b);
	}
}

static int
aging_row(int64_t consumer_id, const char *name, const char *account_no,
    int k, const char *oldest_due, void *arg)
{
	struct det_ctx *x = arg;
	int32_t due, end;

	(void)name; /* looked up for the rows kept */
	(void)account_no;

	if (consumer_id != x->acur) {
		aging_flush(x);
		x->acur = consumer_id;
		memset(x->abucket, 0, sizeof x->abucket); /* AGE_CURRENT */
	}
	if (k < 0 || k >= x->nends ||
	    date_parse(oldest_due, "Due date", &due, NULL) != 0 ||
	    date_parse(x->ends[k], "Month end", &end, NULL) != 0)
		return 0;
	x->abucket[k] = (int)age_bucket((int64_t)end - due);
	return 0;
}

static int
det_row(int64_t consumer_id, const char *name, const char *account_no,
    int64_t days, void *arg)
{
	struct det_ctx *x = arg;

	if (consumer_id != x->cur.consumer_id) {
		det_flush(x);
		/* what the days set, no more: a row of 790 bytes cleared and
		 * two snprintf for each consumer read (a million at 10M), for
		 * the few kept (det_flush makes theirs) */
		x->cur.consumer_id = consumer_id;
		x->cur.n = 0;
		xstrlcpy(x->cur.name, name, sizeof x->cur.name);
		xstrlcpy(x->cur.account_no, account_no, sizeof x->cur.account_no);
	}
	if (x->cur.n < DETERIORATING_MAX)
		x->cur.days[x->cur.n++] = days;
	return 0;
}

static int
by_consumer(const void *a, const void *b)
{
	const struct deteriorating_row *x = a, *y = b;

	return (x->consumer_id > y->consumer_id) -
	       (x->consumer_id < y->consumer_id);
}

/* Both criteria first, then the most growth of the days, then the most
 * buckets moved, then the latest days, then the name. */
static int
by_growth(const void *a, const void *b)
{
	const struct deteriorating_row *x = a, *y = b;
	int bx = x->why == (DETERIORATING_DAYS | DETERIORATING_AGING),
	    by = y->why == (DETERIORATING_DAYS | DETERIORATING_AGING);
	int mx = x->nb ? x->bucket[x->nb - 1] - x->bucket[0] : 0,
	    my = y->nb ? y->bucket[y->nb - 1] - y->bucket[0] : 0;
	int64_t lx = x->n ? x->days[x->n - 1] : 0,
	        ly = y->n ? y->days[y->n - 1] : 0;

	if (bx != by)
		return by - bx;
	if (x->growth != y->growth)
		return x->growth < y->growth ? 1 : -1;
	if (mx != my)
		return my - mx;
	if (lx != ly)
		return lx < ly ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* The last day of each of the x->nends months before this month, oldest
 * first, into x->ends. */
static void
month_ends(struct det_ctx *x, int32_t today)
{
	int y, m, d, k;

	date_civil(today, &y, &m, &d);
	/* the day before the first of this month, and back */
	for (k = x->nends - 1; k >= 0; k--) {
		date_format(x->end_days[k], date_days(y, m, 1) - 1);
		x->ends[k] = x->end_days[k];
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
}

/* The reasons of r in words ("days, aging"): the reader's, and English
 * for JSON and CSV. */
static void
why_words(struct deteriorating_row *r)
{
	int en;

	for (en = 0; en < 2; en++)
		snprintf(en ? r->why_en : r->why_text, sizeof r->why_text,
		    "%s%s%s",
		    r->why & DETERIORATING_DAYS ? M_(en, "days to pay") : "",
		    r->why == (DETERIORATING_DAYS | DETERIORATING_AGING) ? ", "
		                                                         : "",
		    r->why & DETERIORATING_AGING ? M_(en, "aging") : "");
}

int
svc_deteriorating(struct svc *s, int last, int months, deteriorating_cb cb,
    void *arg, struct pd_err *err)
{
	char today[11];
	int32_t day;
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
	if (months < 2 || months > DETERIORATING_MONTHS_MAX)
		return pd_fail(err, PD_EUSAGE,
		    _("--months %d: the month ends to compare, 2 to %d"),
		    months, DETERIORATING_MONTHS_MAX);
	memset(&x, 0, sizeof x);
	x.last = last;
	x.months = months;
	x.nends = months + 1;
	svc_today(today);
	if (date_parse(today, "Today", &day, err) != 0)
		return -1;
	month_ends(&x, day);
	svc_figure_filter(s, &sc);
	if (store_days_to_pay_each(s->st, &sc, last, det_row, &x, err) != 0) {
		free(x.rows);
		return -1;
	}
	det_flush(&x);
	x.ndays = x.n;
	/* the items of the segment filter's consumers, as the aging
	 * report reads them: the organisation's, owed by no terminal */
	if (store_aging_ends_each(
	        s->st, sc.segment, x.ends, x.nends, aging_row, &x, err) != 0) {
		free(x.rows);
		return -1;
	}
	aging_flush(&x);
	/* the names of the consumers kept (both criteria read without:
	 * the aging's every consumer with an item open at a month end, a
	 * random read of the consumers each, 10M), read in the order of
	 * their ids: the rows are the days' consumers then the aging's
	 * others, and read so each look-up went down the table's tree
	 * anew (1.53 s of the 3.56 s report for 90,778 rows at 10M) */
	if (x.n > 0)
		qsort(x.rows, x.n, sizeof *x.rows, by_consumer);
	for (i = 0; i < x.n; i++) {
		struct consumer c;

		if (store_consumer_by_id(s->st, x.rows[i].consumer_id, &c,
		        err) != 0) {
			free(x.rows);
			return -1;
		}
		snprintf(x.rows[i].name, sizeof x.rows[i].name, "%s", c.name);
		snprintf(x.rows[i].account_no, sizeof x.rows[i].account_no,
		    "%s", c.account_no);
	}
	for (i = 0; i < x.n; i++)
		why_words(&x.rows[i]);
	if (x.n > 0) /* qsort wants rows, even of none */
		qsort(x.rows, x.n, sizeof *x.rows, by_growth);
	for (i = 0; i < x.n && rc == 0; i++)
		rc = cb(&x.rows[i], arg);
	free(x.rows);
	return 0;
}
