/* scope_days.c - each consumer's last days to pay of a scope (the
 * deteriorating payers, issue 23), from pay_recent or pay_days: out of
 * scope.c, which it outgrew. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* The last of a consumer's days read (a ring of `last`), each to cb
 * oldest first. */
struct days_ring {
	int64_t consumer_id;
	int64_t days[DETERIORATING_MAX];
	int64_t n; /* read of the consumer: the ring's at n % last */
	int last;
};

static int
ring_flush(struct days_ring *r, days_cb cb, void *arg)
{
	int64_t k = r->n > r->last ? r->n - r->last : 0;

	for (; k < r->n; k++)
		if (cb(r->consumer_id, "", "", r->days[k % r->last], arg) != 0)
			return 1;
	return 0;
}

/* One of a consumer's days to pay read from pay_recent. */
struct recent_day {
	char paid_on[11];
	int64_t payment_id, days;
};

/* Newer first: later day, then larger payment id. */
static int
recent_newer(const struct recent_day *a, const struct recent_day *b)
{
	int c = strcmp(a->paid_on, b->paid_on);

	return c != 0 ? c > 0 : a->payment_id > b->payment_id;
}

/* The whole number at t as strtoll(t, e, 10) reads it: read here when
 * it is plain (spaces, a minus, 1 to 17 digits: pay_recent's), by
 * strtoll otherwise (a tenth of the deteriorating payers' time, 1M). */
static int64_t
int_at(const char *t, char **e)
{
	const char *p = t;
	int64_t v = 0;
	int neg, k;

	while (*p == ' ')
		p++;
	neg = *p == '-';
	p += neg;
	for (k = 0; k < 18 && p[k] >= '0' && p[k] <= '9'; k++)
		v = v * 10 + (p[k] - '0');
	if (k == 0 || k == 18)
		return strtoll(t, e, 10);
	*e = (char *)(p + k);
	return neg ? -v : v;
}

/* Each "paid_on payment_id days" of text into the consumer's newest
 * last (k[*n], newest first). */
static void
recent_parse(const char *text, struct recent_day *k, int *n, int last)
{
	const char *t = text;
	int seen = 0;

	while (t != NULL && *t != '\0') {
		struct recent_day d;
		char *e;
		int i;

		/* a row's text is newest first (pay_recent's triggers, the
		 * doctor's "days to pay"): past its last-th, none is kept
		 * (at 10M, 20 a row parsed where 4 were wanted) */
		if (seen++ == last)
			return;
		if (strnlen(t, 12) < 12 || t[10] != ' ')
			return;
		memcpy(d.paid_on, t, 10);
		d.paid_on[10] = '\0';
		d.payment_id = int_at(t + 11, &e);
		d.days = int_at(e, &e);
		t = *e == ';' ? e + 1 : NULL;
		/* kept in order, the oldest dropped past last */
		for (i = *n; i > 0 && recent_newer(&d, &k[i - 1]); i--)
			if (i < last)
				k[i] = k[i - 1];
		if (i < last) {
			k[i] = d;
			if (*n < last)
				(*n)++;
		}
	}
}

/* The consumer's days read (k, newest first) to cb oldest first. */
static int
recent_flush(int64_t consumer_id, const struct recent_day *k, int n, days_cb cb,
    void *arg)
{
	while (n-- > 0)
		if (cb(consumer_id, "", "", k[n].days, arg) != 0)
			return 1;
	return 0;
}

/* Each consumer's last days to pay of the scope from pay_recent: its
 * rows of the scope's terminals and branches (one, mostly), each
 * holding its last 20 (last is at most DETERIORATING_MAX). */
static int
days_recent(struct store *st, const struct payment_filter *sc, int last,
    days_cb cb, void *arg, struct pd_err *err)
{
	struct recent_day k[DETERIORATING_MAX];
	struct db_stmt *s;
	struct qb q;
	int64_t cur = 0;
	int rc, n = 0, stop = 0;

	qb_init(&q, "SELECT p.consumer_id, p.recent FROM pay_recent p WHERE 1");
	store_scope_where(&q, sc);
	qb_add(&q, " ORDER BY p.consumer_id", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while (!stop && (rc = db_step(s)) == DB_ROW) {
		int64_t cid = db_column_int64(s, 0);

		if (cid != cur) {
			stop = n > 0 && recent_flush(cur, k, n, cb, arg);
			cur = cid;
			n = 0;
		}
		recent_parse((const char *)db_column_text(s, 1), k, &n, last);
	}
	if (stop)
		rc = DB_DONE;
	else if (rc == DB_DONE && n > 0)
		recent_flush(cur, k, n, cb, arg);
	db_finalize(s);
	return rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading the payments' days"));
}

int
store_days_to_pay_each(struct store *st, const struct payment_filter *sc,
    int last, days_cb cb, void *arg, struct pd_err *err)
{
	struct db_stmt *s;
	struct days_ring r;
	struct qb q;
	int rc = DB_DONE, stop = 0,
	    joined = sc != NULL && (sc->method != NULL || sc->channel != NULL ||
	                               sc->recorded_by != NULL ||
	                               sc->gateway != NULL || sc->team != NULL);

	last = last < 1                   ? 1
	       : last > DETERIORATING_MAX ? DETERIORATING_MAX
	                                  : last;
	/* a scope's or a segment's: each consumer's last days kept apart
	 * (pay_recent), not every row of pay_days */
	if (!joined && !db_is_pg(st->db))
		return days_recent(st, sc, last, cb, arg, err);
	/* the rollup pay_days (schema.c), by consumer then date, read
	 * once: each consumer's last payments kept here. Through the
	 * consumer's index, each one's last payments with their
	 * allocations and items read one consumer at a time (17 s on the
	 * 10M-payment bench store). Its terminal and branch are the scope
	 * (as p); the other filters are the payments' */
	if (joined)
		qb_init(&q, "SELECT d.consumer_id, d.days FROM pay_days d JOIN "
		            "payments p ON p.id = d.payment_id WHERE 1");
	else
		qb_init(&q, "SELECT p.consumer_id, p.days FROM pay_days p "
		            "WHERE 1");
	store_scope_where(&q, sc);
	qb_add(&q,
	    joined ? " ORDER BY d.consumer_id, d.paid_on, d.payment_id"
	           : " ORDER BY p.consumer_id, p.paid_on, p.payment_id",
	    "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	memset(&r, 0, sizeof r);
	r.last = last;
	while (!stop && (rc = db_step(s)) == DB_ROW) {
		int64_t cid = db_column_int64(s, 0);

		if (cid != r.consumer_id) {
			stop = r.n > 0 && ring_flush(&r, cb, arg);
			r.consumer_id = cid;
			r.n = 0;
		}
		r.days[r.n++ % last] = db_column_int64(s, 1);
	}
	if (stop)
		rc = DB_DONE;
	else if (rc == DB_DONE && r.n > 0)
		ring_flush(&r, cb, arg);
	db_finalize(s);
	return rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading the payments' days"));
}
