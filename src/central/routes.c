/* routes.c - the central node's routes: one handler per route, each
 * calling only the backend (or gateway.c), and the table http.c looks a
 * request's URL up in.
 *
 * TO ADD A ROUTE: a row in routes[] and its handler.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "http.h"

void
answer_fail(struct answer *a, unsigned status, const char *fmt, ...)
{
	char msg[700], esc[1400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* a client's bytes in it must not make it other than UTF-8 (the
	 * JSON encoder would refuse it) */
	log_escape(esc, sizeof esc, msg, 0);
	a->status = status;
	free(a->body);
	a->body = svc_central_error(esc);
}

/* The store failing: busy is worth a retry soon. */
void
answer_store_failed(struct answer *a, const struct pd_err *e)
{
	answer_fail(
	    a, 503, "The central node could not apply it now: %s", e->msg);
	a->retry_after = 1;
}

static void
route_health(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a)
{
	struct pd_err e;

	(void)rq;
	(void)t;
	if (sv->b->ops->health(sv->b, &e) != 0) {
		answer_store_failed(a, &e);
		return;
	}
	a->status = 200;
	a->body = xstrdup("{\"status\":\"ok\",\"v\":1}");
}

/* A push's note in the request log: its records, the time its apply
 * took, and when it was one of n > 1 applied together, group=n (alone:
 * applied each alone after all); passes=N when it took more than one
 * pass (2: the audit log's reads made; 3: record by record). */
static void
note(struct request *rq, size_t nrecs, double ms, size_t n, int alone,
    int passes)
{
	char g[40] = "", ps[16] = "";

	if (n > 1)
		snprintf(g, sizeof g, " group=%zu%s", n, alone ? " alone" : "");
	if (passes > 1)
		snprintf(ps, sizeof ps, " passes=%d", passes);
	snprintf(rq->note, sizeof rq->note, " records=%zu apply=%.1fms%s%s",
	    nrecs, ms, g, ps);
}

/* POST /v1/push  {push envelope} (Authorization: Bearer TOKEN): n of
 * them, of one organisation's terminals, applied together (a group
 * commit: http.c pushes()); each answered on its own */
void
route_push_group(struct server *sv, struct request **rq, size_t n)
{
	struct sync_push *p = xcalloc(n, sizeof *p);
	const struct sync_push **pp = xcalloc(n, sizeof *pp);
	const struct terminal_row **t = xcalloc(n, sizeof *t);
	struct sync_result **res = xcalloc(n, sizeof *res);
	struct pd_err *e = xcalloc(n, sizeof *e);
	struct request **in = xcalloc(n, sizeof *in);
	int *rc = xcalloc(n, sizeof *rc);
	int *passes = xcalloc(n, sizeof *passes);
	struct timespec t0, t1;
	size_t j, m = 0;
	long k;
	int alone = 0;

	for (j = 0; j < n; j++) {
		struct answer *a = &rq[j]->a;
		struct pd_err bad = {0};

		if (svc_central_push_decode(rq[j]->body ? rq[j]->body : "",
		        rq[j]->len, &p[m], &bad) != 0) {
			answer_fail(a, 400, "%s", bad.msg);
			continue;
		}
		if (strcmp(p[m].terminal, rq[j]->t.terminal) != 0) {
			answer_fail(a, 403,
			    "This token belongs to terminal %s, not %s; a "
			    "terminal sends only its own records",
			    rq[j]->t.terminal, p[m].terminal);
			svc_central_push_free(&p[m]);
			continue;
		}
		pp[m] = &p[m];
		t[m] = &rq[j]->t;
		res[m] = xcalloc(p[m].nrecs + 1, sizeof **res);
		in[m++] = rq[j];
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (m > 0)
		alone = sv->b->ops->push(sv->b, m, t, pp, res, rc, passes, e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (j = 0; j < m; j++) {
		struct answer *a = &in[j]->a;

		note(
		    in[j], p[j].nrecs, ms_since(&t0, &t1), m, alone, passes[j]);
		if (rc[j] != 0)
			answer_store_failed(a, &e[j]);
		else {
			a->status = 200;
			a->body = svc_central_push_answer(res[j], p[j].nrecs);
			/* what waits at the terminal once this push is
			 * answered: its records, applied or refused, wait no
			 * more (s72 fault 3: a push's own records stayed
			 * counted until the next) */
			sv->b->ops->seen(sv->b, t[j], in[j]->route, -1,
			    p[j].pending > (int64_t)p[j].nrecs
			        ? p[j].pending - (int64_t)p[j].nrecs
			        : 0);
			pthread_mutex_lock(&sv->lock);
			k = ++sv->pushes;
			pthread_mutex_unlock(&sv->lock);
			if (sv->drop_after_push > 0 && k == sv->drop_after_push)
				a->drop = 1;
		}
		free(res[j]);
		svc_central_push_free(&p[j]);
	}
	free(p);
	free(pp);
	free(t);
	free(res);
	free(e);
	free(in);
	free(rc);
	free(passes);
}

/* POST /v1/push, alone */
static void
route_push(struct server *sv, struct request *rq, const struct terminal_row *t,
    struct answer *a)
{
	(void)t;
	(void)a; /* rq's own */
	route_push_group(sv, &rq, 1);
}

const route_fn route_push_fn = route_push;

/* An integer query argument v (named name) of min..max, digits only
 * (no sign, no space: strtoll's leniency is not the protocol's), or def
 * when absent. */
static int
query_int(const char *name, const char *v, long long def, long long min,
    long long max, long long *out, struct answer *a)
{
	char *end, shown[64];

	*out = def;
	if (v == NULL)
		return 0;
	errno = 0;
	*out = strtoll(v, &end, 10);
	if (*v < '0' || *v > '9' || *end != '\0' || errno != 0 ||
	    *out < min || *out > max) {
		log_escape(shown, sizeof shown, v, 0);
		answer_fail(a, 400,
		    "Query \"%s\": \"%s\" is not a number %lld-%lld", name,
		    shown, min, max);
		return -1;
	}
	return 0;
}

/* GET /v1/pull?since=CURSOR&limit=N&pending=P (Authorization: Bearer
 * TOKEN); pending: the records waiting at the terminal, which a round
 * with nothing to push says only here (s72 fault 3) */
static void
route_pull(struct server *sv, struct request *rq, const struct terminal_row *t,
    struct answer *a)
{
	long long since, limit, pending;
	int64_t cursor;
	size_t n;
	struct pd_err e = {0};

	if (rq->twice != NULL) {
		answer_fail(a, 400,
		    "Query \"%s\": given more than once (which is meant?)",
		    rq->twice);
		return;
	}
	if (rq->nul != NULL) {
		answer_fail(a, 400, "Query \"%s\": a NUL byte (%%00) in it",
		    rq->nul);
		return;
	}
	/* limit 0 is refused: a page of none would be no answer, and one
	 * entry (as before review R18) not what was asked */
	if (query_int("since", rq->since, 0, 0, INT64_MAX, &since, a) != 0 ||
	    query_int("limit", rq->limit, 1000, 1, SYNC_PULL_MAX, &limit, a) ||
	    query_int(
	        "pending", rq->pending, -1, 0, SYNC_PENDING_MAX, &pending, a))
		return;
	a->body =
	    sv->b->ops->pull(sv->b, t, since, (size_t)limit, &cursor, &n, &e);
	if (a->body == NULL) {
		answer_store_failed(a, &e);
		return;
	}
	a->status = 200;
	sv->b->ops->seen(sv->b, t, rq->route, since, pending);
}

/* GET /v1/status (Authorization: Bearer TOKEN) */
static void
route_status(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a)
{
	struct terminal_status *st;
	struct pd_err e = {0};
	size_t n, i;
	int64_t head;
	json_t *o, *arr;
	char *s, cur[4], name[256];
	int digits;

	st = sv->b->ops->status(sv->b, t->org, &n, &head, &e);
	if (st == NULL) {
		answer_store_failed(a, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(
		    arr, json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:b}",
		             "terminal", st[i].t.terminal, "branch",
		             st[i].t.branch, "last_seen", st[i].t.last_seen,
		             "last_route", st[i].t.last_route, "last_cursor",
		             (json_int_t)st[i].t.last_cursor, "pending",
		             (json_int_t)st[i].t.pending, "waiting",
		             (json_int_t)st[i].waiting, "revoked",
		             st[i].t.revoked_at[0] != '\0'));
	/* the organisation's currency (issue 23): its figures are in it */
	/* and its name, which its terminals print (fault 9) */
	if (sv->b->ops->org_currency(sv->b, t->org, cur, &digits, &e) != 0 ||
	    sv->b->ops->org_name(sv->b, t->org, name, sizeof name, &e) != 0) {
		json_decref(arr);
		free(st);
		answer_store_failed(a, &e);
		return;
	}
	o = json_pack("{s:i, s:s, s:s, s:s, s:i, s:I, s:o}", "v",
	    SYNC_PROTOCOL_VERSION, "org", t->org, "name", name, "currency", cur,
	    "minor_digits", digits, "cursor", (json_int_t)head, "terminals",
	    arr);
	s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	free(st);
	a->status = 200;
	a->body = xstrdup(s);
	free(s);
	sv->b->ops->seen(sv->b, t, rq->route, -1, -1);
}

/* POST /v1/anchor  {"terminal", "seq", "hash"} (Authorization: Bearer
 * TOKEN): the terminal's audit head, kept when it extends the one kept;
 * without seq and hash, a question. The answer is the head kept. */
static void
route_anchor(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a)
{
	struct sync_anchor in, out;
	struct pd_err e = {0};

	if (svc_central_anchor_decode(
	        rq->body ? rq->body : "", rq->len, &in, &e) != 0) {
		svc_central_anchor_free(&in);
		answer_fail(a, 400, "%s", e.msg);
		return;
	}
	if (strcmp(in.terminal, t->terminal) != 0) {
		answer_fail(a, 403,
		    "This token belongs to terminal %s, not %s; a terminal "
		    "anchors only its own audit log",
		    t->terminal, in.terminal);
		svc_central_anchor_free(&in);
		return;
	}
	if (sv->b->ops->anchor(sv->b, t, &in, &out, &e) != 0) {
		svc_central_anchor_free(&in);
		if (e.code == PD_ETAMPER)
			answer_fail(a, 409, "%s", e.msg);
		else
			answer_store_failed(a, &e);
		return;
	}
	svc_central_anchor_free(&in);
	a->status = 200;
	a->body = svc_central_anchor_encode(&out);
	sv->b->ops->seen(sv->b, t, rq->route, -1, -1);
}

void
route_gateway_group(struct server *sv, struct request **rq, size_t n)
{
	struct gw_job *j = xcalloc(n, sizeof *j);
	size_t i;

	for (i = 0; i < n; i++) {
		j[i].g = rq[i]->gw;
		j[i].body = rq[i]->body;
		j[i].len = rq[i]->len;
	}
	gateway_handle(sv, j, n);
	for (i = 0; i < n; i++) {
		rq[i]->a.status = j[i].a.status;
		free(rq[i]->a.body);
		rq[i]->a.body = j[i].a.body;
		rq[i]->a.retry_after = j[i].a.retry_after;
		xstrlcpy(rq[i]->note, j[i].a.note, sizeof rq[i]->note);
	}
	free(j);
}

/* POST /v1/gateway/ORG/NAME[/SECRET[/validate]]: a payment gateway's
 * notification (gateway.c), alone */
static void
route_gateway(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a)
{
	(void)t;
	(void)a; /* rq's own */
	route_gateway_group(sv, &rq, 1);
}

static const struct route routes[] = {
    {SYNC_ROUTE_HEALTH, "GET", AUTH_NONE, 0, route_health, 0},
    {SYNC_ROUTE_PUSH, "POST", AUTH_TOKEN, 1, route_push, 0},
    {SYNC_ROUTE_PULL, "GET", AUTH_TOKEN, 0, route_pull, 0},
    {SYNC_ROUTE_STATUS, "GET", AUTH_TOKEN, 0, route_status, 0},
    {SYNC_ROUTE_ANCHOR, "POST", AUTH_TOKEN, 1, route_anchor, 0},
    {"/v1/gateway/", "POST", AUTH_GATEWAY, 1, route_gateway, 1},
};

const struct route *
route_find(const char *url)
{
	size_t i;

	for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (routes[i].prefix ? strncmp(routes[i].path, url,
		                           strlen(routes[i].path)) == 0
		                     : strcmp(routes[i].path, url) == 0)
			return &routes[i];
	return NULL;
}
