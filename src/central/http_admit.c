/* http_admit.c - a request judged on its headers, before a byte of its
 * body is read (http.c's first call for it): its route and method, its
 * framing headers (each once, Content-Length within the cap, chunked the
 * only transfer coding), then its token or its gateway's credentials
 * (review R18). */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http.h"

/* The token of an Authorization header value h into out (n bytes): the
 * scheme "Bearer" in any case (RFC 7235, section 2.1: the scheme is
 * case-insensitive), one or more spaces or tabs, the token, and spaces or
 * tabs after it. -1 when h is NULL, of another scheme, has no token, a
 * token with a space inside, or one longer than out holds (no token is:
 * they are 64 hex digits). */
static int
bearer_token(const char *h, char *out, size_t n)
{
	size_t len;

	if (h == NULL)
		return -1;
	h += strspn(h, " \t");
	if (strncasecmp(h, "Bearer", 6) != 0 || (h[6] != ' ' && h[6] != '\t'))
		return -1;
	h += 6;
	h += strspn(h, " \t");
	len = strcspn(h, " \t");
	if (len == 0 || len >= n || h[len + strspn(h + len, " \t")] != '\0')
		return -1;
	memcpy(out, h, len);
	out[len] = '\0';
	return 0;
}

/* The terminal of the request's token, or an answer saying why not. */
static int
authenticate(struct server *sv, struct request *rq, struct answer *a)
{
	const char *h = MHD_lookup_connection_value(
	    rq->c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	struct terminal_row *t = &rq->t;
	struct pd_err e = {0};
	char token[128];

	if (bearer_token(h, token, sizeof token) != 0) {
		answer_fail(
		    a, 401, "No token: send \"Authorization: Bearer TOKEN\"");
		return -1;
	}
	if (sv->b->ops->authenticate(sv->b, token, t, &e) != 0) {
		if (e.code == PD_ENOTFOUND)
			answer_fail(a, 401, "Unknown token");
		else
			answer_store_failed(a, &e);
		return -1;
	}
	snprintf(
	    rq->terminal, sizeof rq->terminal, "%s/%s", t->org, t->terminal);
	if (t->revoked_at[0] != '\0') {
		answer_fail(a, 403, "Terminal %s of %s was revoked on %s",
		    t->terminal, t->org, t->revoked_at);
		return -1;
	}
	return 0;
}

/* The framing headers, and the others a request gives once, counted
 * (libmicrohttpd keeps the first of each). */
struct framing {
	int content_length, transfer_encoding, authorization, host;
	const char *cl, *te;
};

static enum MHD_Result
count_framing(
    void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct framing *f = cls;

	(void)kind;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
		f->content_length++;
		if (f->cl == NULL)
			f->cl = value;
	} else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
		f->transfer_encoding++;
		if (f->te == NULL)
			f->te = value;
	} else if (strcasecmp(key, MHD_HTTP_HEADER_AUTHORIZATION) == 0)
		f->authorization++;
	else if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0)
		f->host++;
	return MHD_YES;
}

/* Whether a Transfer-Encoding value is "chunked" alone, in any case:
 * the one coding the node reads (review R18: "gzip, chunked" was left
 * waiting for a body it could never frame). libmicrohttpd drops the
 * spaces before a value, not those after: "chunked " is not chunked to
 * it, and waits as "gzip, chunked" did, so it is refused too. */
static int
te_chunked(const char *v)
{
	return strcasecmp(v, "chunked") == 0;
}

/* The headers a request gives at most once (review R18: a second
 * Authorization or Host was taken, the first one read): 0 or -1 with a
 * 400. */
static int
check_once(const struct framing *f, struct answer *a)
{
	static const char *const name[] = {"Content-Length",
	    "Transfer-Encoding", "Authorization", "Host"};
	int count[4];
	size_t i;

	count[0] = f->content_length;
	count[1] = f->transfer_encoding;
	count[2] = f->authorization;
	count[3] = f->host;
	for (i = 0; i < 4; i++)
		if (count[i] > 1) {
			answer_fail(a, 400,
			    "%s is given %d times; a request gives it once",
			    name[i], count[i]);
			return -1;
		}
	return 0;
}

/* The largest body rq's route takes, KiB: [central] max_body_kb, and
 * for a gateway's notification (whose URL needs no token) the far
 * smaller gateway_max_body_kb. */
static int
body_max_kb(const struct server *sv, const struct request *rq)
{
	const struct config *cfg = &sv->b->cfg;

	if (rq->r->auth == AUTH_GATEWAY &&
	    cfg->central_gateway_max_body_kb < cfg->central_max_body_kb)
		return cfg->central_gateway_max_body_kb;
	return cfg->central_max_body_kb;
}

/* How the body is framed, or an answer: one Content-Length of digits
 * that fits under the cap, or chunks on a route that takes a body (a
 * gateway's: its Content-Length only, judged here). */
static int
check_framing(struct server *sv, struct request *rq, struct answer *a)
{
	struct framing f = {0, 0, 0, 0, NULL, NULL};
	char shown[64];
	unsigned long long v = 0, cap;
	const char *p;

	rq->max = (size_t)body_max_kb(sv, rq) * 1024;
	cap = rq->max;
	MHD_get_connection_values(rq->c, MHD_HEADER_KIND, count_framing, &f);
	if (check_once(&f, a) != 0)
		return -1;
	if (f.te != NULL && !te_chunked(f.te)) {
		log_escape(shown, sizeof shown, f.te, 0);
		answer_fail(a, 501,
		    "Transfer-Encoding \"%s\" is not taken; only chunked, "
		    "alone",
		    shown);
		return -1;
	}
	if (f.content_length && f.transfer_encoding) {
		answer_fail(a, 400,
		    "Content-Length and Transfer-Encoding together; a request "
		    "gives one");
		return -1;
	}
	for (p = f.cl; p != NULL && *p != '\0'; p++) {
		if (*p < '0' || *p > '9' ||
		    v > (ULLONG_MAX - (unsigned)(*p - '0')) / 10) {
			answer_fail(a, 400,
			    "Content-Length is not a number that fits in 64 "
			    "bits");
			return -1;
		}
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (!rq->r->body && (v > 0 || f.transfer_encoding)) {
		answer_fail(
		    a, 400, "%s %s takes no body", rq->r->method, rq->r->path);
		return -1;
	}
	if (rq->r->auth == AUTH_GATEWAY && f.transfer_encoding) {
		answer_fail(a, 411,
		    "A gateway's notification gives its Content-Length (at "
		    "most %d KiB), not Transfer-Encoding",
		    body_max_kb(sv, rq));
		return -1;
	}
	if (v > cap) {
		answer_fail(a, 413, "The body is larger than %d KiB",
		    body_max_kb(sv, rq));
		return -1;
	}
	if (v > 0) {
		rq->cap =
		    (size_t)(v < BODY_FIRST_CHUNK ? v : BODY_FIRST_CHUNK) + 1;
		rq->body = xmalloc(rq->cap);
		rq->body[0] = '\0';
	}
	return 0;
}

/* A gateway's request: the gateway and its credentials on the headers
 * (gateway.c); a notification waits for the organisation's writer, a
 * validation does not. */
static int
admit_gateway(
    struct server *sv, struct request *rq, const char *url, struct answer *a)
{
	char msg[600];
	unsigned status;

	rq->gw = xcalloc(1, sizeof *rq->gw);
	if (gateway_admit(sv, rq->c, url + strlen(rq->r->path), rq->gw, &status,
	        msg, sizeof msg) != 0) {
		answer_fail(a, status, "%s", msg);
		return -1;
	}
	snprintf(rq->terminal, sizeof rq->terminal, "%s/gateway:%s",
	    rq->gw->g.org, rq->gw->g.name);
	xstrlcpy(rq->qi.org, rq->gw->g.org, sizeof rq->qi.org);
	rq->qi.push = !rq->gw->validate;
	rq->qi.group = rq->gw->validate ? GROUP_NONE : GROUP_GATEWAY;
	return 0;
}

/* A request's headers, judged before any of its body is read: its
 * route, its framing and its token. 0 to read on, -1 with the answer. */
int
admit(struct server *sv, struct request *rq, const char *url,
    const char *method, struct answer *a)
{
	char shown[100];

	rq->r = route_find(url);
	if (rq->r == NULL) {
		log_escape(shown, sizeof shown, url, 0);
		answer_fail(a, 404, "No route %s", shown);
		return -1;
	}
	if (strcmp(rq->r->method, method) != 0) {
		log_escape(shown, sizeof shown, method, 0);
		answer_fail(a, 405, "%s takes %s, not %s", rq->r->path,
		    rq->r->method, shown);
		return -1;
	}
	if (check_framing(sv, rq, a) != 0)
		return -1;
	if (rq->r->auth == AUTH_GATEWAY)
		return admit_gateway(sv, rq, url, a);
	if (rq->r->auth && authenticate(sv, rq, a) != 0)
		return -1;
	/* the queue's view: whose, and whether it waits for a writer */
	xstrlcpy(rq->qi.org, rq->r->auth ? rq->t.org : "", sizeof rq->qi.org);
	rq->qi.push = rq->r->body;
	rq->qi.group = rq->r->fn == route_push_fn ? GROUP_PUSH : GROUP_NONE;
	return 0;
}
