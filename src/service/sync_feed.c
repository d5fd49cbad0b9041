/* sync_feed.c - the central node's feed served as pages of records (a
 * terminal's pull), each row of the organisation's store written as the
 * record a terminal applies. A push is sync_central.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "paydesk/sha256.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

static int
consumer_of(struct svc *s, int64_t id, struct consumer *c, struct pd_err *err)
{
	return store_consumer_by_id(s->st, id, c, err);
}

static int
payment_record(struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct payment p;
	struct consumer c;
	struct allocation *al;
	size_t n;

	if (store_payment_by_id(s->st, id, &p, err) != 0 ||
	    store_payment_shift(s->st, &p, err) != 0 ||
	    consumer_of(s, p.consumer_id, &c, err) != 0)
		return -1;
	al = store_allocations_of(s->st, id, &n, err);
	if (al == NULL)
		return -1;
	ledger_rec_payment(s, r, &p, &c, al, n, NULL);
	free(al);
	return 0;
}

static int
void_record(struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct void_row v;
	struct payment p;

	if (store_void_by_id(s->st, id, &v, err) != 0 ||
	    store_payment_by_id(s->st, v.payment_id, &p, err) != 0)
		return -1;
	ledger_rec_void(s, r, &p, &v, NULL);
	return 0;
}

static int
credit_record(struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct credit_note cn;
	struct payment p;
	struct consumer c;

	if (store_credit_by_id(s->st, id, &cn, err) != 0 ||
	    store_payment_by_id(s->st, cn.payment_id, &p, err) != 0 ||
	    consumer_of(s, cn.consumer_id, &c, err) != 0)
		return -1;
	ledger_rec_credit_note(s, r, &cn, p.uuid, c.uuid, NULL);
	return 0;
}

static int
apply_record(struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct credit_application a;
	struct credit_note cn;
	struct item it;

	if (store_credit_apply_by_id(s->st, id, &a, err) != 0 ||
	    store_credit_by_id(s->st, a.credit_note_id, &cn, err) != 0 ||
	    store_item_by_id(s->st, a.item_id, &it, err) != 0)
		return -1;
	ledger_rec_credit_apply(s, r, &a, &cn, it.uuid, NULL);
	return 0;
}

/* A gateway payment as a pulled record (issue 19): its uuid is made of
 * its gateway and code (it has none of its own, and a terminal keeps one
 * row per gateway and code whatever the uuid), its consumer and ledger
 * payment by uuid. */
static int
gw_payment_record(
    struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct gw_payment g;
	struct consumer c;
	struct payment p;
	char key[300], h[65], uuid[37];

	if (store_gw_payment_by_id(s->st, id, &g, err) != 0)
		return -1;
	snprintf(key, sizeof key, "gateway_payment:%s:%s", g.gateway, g.code);
	sha256_hex(key, strlen(key), h);
	snprintf(uuid, sizeof uuid, "%.8s-%.4s-%.4s-%.4s-%.12s", h, h + 8,
	    h + 12, h + 16, h + 20);
	ledger_rec_head(s, r, SR_GW_PAYMENT, uuid, NULL, NULL, NULL);
	/* a day alone, as settlement files before full times were kept
	 * said it, is sent as its start */
	if (strlen(g.settled_on) == 10)
		strcat(g.settled_on, " 00:00:00");
	r->gp = g;
	if (g.consumer_id != 0) {
		if (consumer_of(s, g.consumer_id, &c, err) != 0)
			return -1;
		xstrlcpy(r->consumer_uuid, c.uuid, sizeof r->consumer_uuid);
		xstrlcpy(r->account_no, c.account_no, sizeof r->account_no);
	}
	if (g.payment_id != 0) {
		if (store_payment_by_id(s->st, g.payment_id, &p, err) != 0)
			return -1;
		xstrlcpy(r->payment_uuid, p.uuid, sizeof r->payment_uuid);
	}
	return 0;
}

/* The consumers and items of a pull's page read in one go each (a fresh
 * terminal's pull is mostly them, a statement each otherwise: a round
 * trip each on PostgreSQL), by id; in the page's snapshot, as a row read
 * alone would be. */
struct page_rows {
	struct consumer *c;
	size_t nc;
	struct item *it;
	size_t nit;
};

/* The range of ids, when n of them are many and close together (an
 * import's; updates spread over a table are read one by one). */
static int
dense(int64_t lo, int64_t hi, size_t n)
{
	return n >= 16 && hi - lo < 2 * (int64_t)n;
}

static int
page_rows_read(struct svc *s, const struct feed_entry *e, size_t n,
    struct page_rows *pr, struct pd_err *err)
{
	int64_t lo = INT64_MAX, hi = 0, ilo = INT64_MAX, ihi = 0, id;
	size_t i, k = 0, ki = 0;

	memset(pr, 0, sizeof *pr);
	for (i = 0; i < n; i++) {
		id = e[i].row_id;
		if (strcmp(e[i].entity, "item") == 0) {
			ilo = id < ilo ? id : ilo;
			ihi = id > ihi ? id : ihi;
			ki++;
		}
	}
	if (dense(ilo, ihi, ki)) {
		pr->it = store_items_between(s->st, ilo, ihi, &pr->nit, err);
		if (pr->it == NULL)
			return -1;
	}
	/* the page's consumers and its items' */
	for (i = 0; i < n; i++)
		if (strcmp(e[i].entity, "consumer") == 0) {
			id = e[i].row_id;
			lo = id < lo ? id : lo;
			hi = id > hi ? id : hi;
			k++;
		}
	for (i = 0; i < pr->nit; i++) {
		id = pr->it[i].consumer_id;
		lo = id < lo ? id : lo;
		hi = id > hi ? id : hi;
		k++;
	}
	if (dense(lo, hi, k)) {
		pr->c = store_consumers_between(s->st, lo, hi, &pr->nc, err);
		if (pr->c == NULL)
			return -1;
	}
	return 0;
}

static int
consumer_by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = ((const struct consumer *)b)->id;

	return x < y ? -1 : x > y;
}

static int
item_by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = ((const struct item *)b)->id;

	return x < y ? -1 : x > y;
}

/* Consumer id, from the page's if read there. */
static int
page_consumer(struct svc *s, const struct page_rows *pr, int64_t id,
    struct consumer *c, struct pd_err *err)
{
	const struct consumer *f =
	    pr->nc ? bsearch(&id, pr->c, pr->nc, sizeof *pr->c, consumer_by_id)
	           : NULL;

	if (f == NULL)
		return consumer_of(s, id, c, err);
	*c = *f;
	return 0;
}

/* Item id, from the page's if read there. */
static int
page_item(struct svc *s, const struct page_rows *pr, int64_t id,
    struct item *it, struct pd_err *err)
{
	const struct item *f =
	    pr->nit ? bsearch(&id, pr->it, pr->nit, sizeof *pr->it, item_by_id)
	            : NULL;

	if (f == NULL)
		return store_item_by_id(s->st, id, it, err);
	*it = *f;
	return 0;
}

/* Reference data the central node masters, as records. */
static int
reference_record(struct svc *s, const struct feed_entry *e, const char *branch,
    const struct page_rows *pr, struct syncrec *r, struct pd_err *err)
{
	struct consumer c;
	int64_t id = e->row_id;

	if (strcmp(e->entity, "consumer") == 0) {
		if (page_consumer(s, pr, id, &c, err) != 0)
			return -1;
		ledger_rec_head(s, r, SR_CONSUMER, c.uuid, NULL, NULL, NULL);
		r->c = c;
		return 0;
	}
	if (strcmp(e->entity, "item") == 0) {
		struct item it;

		if (page_item(s, pr, id, &it, err) != 0 ||
		    page_consumer(s, pr, it.consumer_id, &c, err) != 0)
			return -1;
		ledger_rec_head(s, r, SR_ITEM, it.uuid, NULL, NULL, NULL);
		r->it = it;
		xstrlcpy(r->consumer_uuid, c.uuid, sizeof r->consumer_uuid);
		return 0;
	}
	if (strcmp(e->entity, "user") == 0) {
		struct user u;
		int unsealed;

		if (store_user_by_id(s->st, id, &u, err) != 0 ||
		    (unsealed = store_user_sealed(s->st, id, err)) < 0)
			return -1;
		/* another branch's user goes down disabled and without its
		 * PIN hash: a terminal keeps only its own branch's hashes,
		 * and one that had the user (who moved) loses it; so does a
		 * user whose row is not what its use cases sealed (its
		 * branch or PIN hash set around paydesk; doctor names it) */
		if (unsealed ||
		    (u.branch[0] != '\0' && strcmp(u.branch, branch) != 0)) {
			u.active = 0;
			xstrlcpy(u.pin_hash, "!", sizeof u.pin_hash);
		}
		/* with its branch, which the terminal's --user checks
		 * (issue 23: a supervisor of North read zeros for a user of
		 * South, a pulled user being of every branch) */
		ledger_rec_head(s, r, SR_USER, NULL, NULL, NULL, NULL);
		r->u = u;
		return 0;
	}
	if (strcmp(e->entity, "setting") == 0) {
		struct setting v;

		if (store_setting_by_id(s->st, id, &v, err) != 0)
			return -1;
		ledger_rec_head(
		    s, r, SR_SETTING, NULL, NULL, NULL, v.updated_at);
		r->set = v;
		return 0;
	}
	return pd_fail(err, PD_ESTORE, "Feed entry %lld: unknown entity %s",
	    (long long)e->seq, e->entity);
}

static int
feed_record(struct svc *s, const struct feed_entry *e, const char *branch,
    const struct page_rows *pr, struct syncrec *r, struct pd_err *err)
{
	int64_t id = e->row_id;

	if (strcmp(e->entity, "payment") == 0)
		return payment_record(s, id, r, err);
	if (strcmp(e->entity, "verify") == 0) {
		struct payment p;

		if (store_payment_by_id(s->st, id, &p, err) != 0)
			return -1;
		ledger_rec_verify(s, r, NULL, &p, e->origin, NULL);
		return 0;
	}
	if (strcmp(e->entity, "void") == 0)
		return void_record(s, id, r, err);
	if (strcmp(e->entity, "credit_note") == 0)
		return credit_record(s, id, r, err);
	if (strcmp(e->entity, "credit_apply") == 0)
		return apply_record(s, id, r, err);
	if (strcmp(e->entity, "arrangement") == 0)
		return svc_arr_record(s, id, "", r, err);
	if (strcmp(e->entity, "gateway_payment") == 0)
		return gw_payment_record(s, id, r, err);
	if (strcmp(e->entity, "dispute") == 0)
		return svc_dispute_record(s, id, r, err);
	if (strcmp(e->entity, "alert") == 0)
		return svc_alert_record(s, id, r, err);
	switch (svc_recon_feed_record(s, e, r, err)) {
	case 0:
		return 0;
	case 1:
		break; /* not reconciliation's */
	default:
		return -1;
	}
	switch (svc_shift_feed_record(s, e, r, err)) {
	case 0:
		return 0;
	case 1:
		break; /* not a shift's */
	default:
		return -1;
	}
	return reference_record(s, e, branch, pr, r, err);
}

/* The branch of the terminal that made r, when r does not carry it (an
 * arrangement's, a dispute's, an alert's, a shift's or a deposit's
 * step, fed without it), from the directory (helper-240 of issue 21: a
 * plan made at a terminal that had taken no payment was in no branch's
 * list); the last terminal's kept in last (terminal, branch) for the
 * page's next records. */
static int
record_branch(
    struct svc *s, struct syncrec *r, char last[2][17], struct pd_err *err)
{
	if (r->branch[0] != '\0' || r->terminal[0] == '\0' ||
	    syncrec_reference(r->kind) || s->terminal_branch_of == NULL)
		return 0;
	if (strcmp(last[0], r->terminal) != 0) {
		if (s->terminal_branch_of(s->gateway_arg, r->terminal, last[1],
		        sizeof last[1], err) != 0)
			return -1;
		xstrlcpy(last[0], r->terminal, sizeof last[0]);
	}
	xstrlcpy(r->branch, last[1], sizeof r->branch);
	return 0;
}

char *
svc_central_pull(struct svc *s, const char *terminal, const char *branch,
    int64_t since, size_t limit, int64_t *cursor, size_t *count,
    struct pd_err *err)
{
	struct feed_entry *e;
	struct page_rows pr;
	size_t n, i;
	int64_t *seqs;
	char **recs, *body = NULL, last[2][17] = {"", ""};
	int more;

	e = store_feed_page(
	    s->st, since, terminal, limit, &n, cursor, &more, err);
	if (e == NULL)
		return NULL;
	/* the page's rows read by their keys, each statement on one plan
	 * (PostgreSQL: store_plans_generic) */
	store_plans_generic(s->st, 1);
	if (page_rows_read(s, e, n, &pr, err) != 0) {
		store_plans_generic(s->st, 0);
		free(e);
		return NULL;
	}
	seqs = xcalloc(n + 1, sizeof *seqs);
	recs = xcalloc(n + 1, sizeof *recs);
	for (i = 0; i < n; i++) {
		struct syncrec r;

		memset(&r, 0, sizeof r);
		if (feed_record(s, &e[i], branch, &pr, &r, err) != 0 ||
		    record_branch(s, &r, last, err) != 0) {
			syncrec_free(&r);
			goto out;
		}
		seqs[i] = e[i].seq;
		recs[i] = syncrec_encode(&r);
		syncrec_free(&r);
	}
	body =
	    sync_page_encode(*cursor, more, seqs, (const char *const *)recs, n);
	*count = n;
out:
	store_plans_generic(s->st, 0);
	for (i = 0; i < n; i++)
		free(recs[i]);
	free(recs);
	free(seqs);
	free(pr.c);
	free(pr.it);
	free(e);
	return body;
}

int64_t
svc_central_rules_in(struct svc *s, int64_t since, int64_t cursor)
{
	return store_feed_rules_in(s->st, since, cursor);
}

int
svc_central_waiting(struct svc *s, const char *const *terminals,
    const int64_t *since, size_t n, int64_t *waiting, struct pd_err *err)
{
	return store_feed_waiting(s->st, terminals, since, n, waiting, err);
}

int
svc_central_push_decode(
    const char *body, size_t len, struct sync_push *p, struct pd_err *err)
{
	return sync_push_decode(body, len, p, err);
}

void
svc_central_push_free(struct sync_push *p)
{
	sync_push_free(p);
}

void
svc_central_push_arena(void)
{
	sync_json_arena_install();
}

char *
svc_central_push_answer(const struct sync_result *res, size_t n)
{
	return sync_results_encode(res, n);
}

char *
svc_central_error(const char *msg)
{
	return sync_error_encode(msg);
}
