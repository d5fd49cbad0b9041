/* http.c - the central node's HTTP front end (libmicrohttpd): body cap,
 * token check, routing, the request log. Handlers call only the backend.
 *
 * libmicrohttpd's threads only move bytes: a request received whole is
 * suspended and queued for [central] threads workers, which answer it
 * and resume it. A handler waiting for a store (a push queues for its
 * organisation's writer) so never holds up another connection that
 * shares its network thread.
 *
 * TO ADD A ROUTE: a row in routes[] and its handler.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "central.h"

/* libmicrohttpd's threads: they only receive and send */
#define NET_THREADS 2
/* the upper bound of [central] threads (config.c) */
#define WORKERS_MAX 64

struct answer {
	unsigned status;
	char *body; /* owned */
	int retry_after;
	int drop; /* close the connection without an answer (test hook) */
};

/* A request, from its first byte to its log line. What a handler reads
 * of it is copied out of libmicrohttpd before it goes to a worker. */
struct request {
	char *body;
	size_t len, cap; /* cap: bytes allocated for body */
	int too_big;
	struct timespec start;
	unsigned status;
	char terminal[64];
	char route[64];
	char note[64]; /* a push: its records and the time to apply them */
	enum { RQ_RECEIVING, RQ_QUEUED, RQ_ANSWERED } state;
	struct MHD_Connection *c;
	char *url, *method, *auth; /* auth: the Authorization header */
	char *since, *limit;       /* query arguments, NULL when absent */
	struct answer a;
	struct request *next; /* in the work queue */
};

typedef void (*route_fn)(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a);

static void fail(struct answer *a, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(struct answer *a, unsigned status, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	a->status = status;
	free(a->body);
	a->body = svc_central_error(msg);
}

/* The store failing: busy is worth a retry soon. */
static void
store_failed(struct answer *a, const struct pd_err *e)
{
	fail(a, 503, "the central node could not apply it now: %s", e->msg);
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
		store_failed(a, &e);
		return;
	}
	a->status = 200;
	a->body = xstrdup("{\"status\":\"ok\",\"v\":1}");
}

/* Milliseconds from a to b (CLOCK_MONOTONIC). */
static double
ms_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

static void
route_push(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a)
{
	struct sync_push p;
	struct sync_result *res;
	struct pd_err e = {0};
	struct timespec t0, t1;
	long n;
	int rc;

	if (svc_central_push_decode(
	        rq->body ? rq->body : "", rq->len, &p, &e) != 0) {
		fail(a, 400, "%s", e.msg);
		return;
	}
	if (strcmp(p.terminal, t->terminal) != 0) {
		fail(a, 403,
		    "this token belongs to terminal %s, not %s; a terminal "
		    "sends only its own records",
		    t->terminal, p.terminal);
		svc_central_push_free(&p);
		return;
	}
	res = xcalloc(p.nrecs + 1, sizeof *res);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = sv->b->ops->push(sv->b, t, &p, res, &e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	snprintf(rq->note, sizeof rq->note, " records=%zu apply=%.1fms",
	    p.nrecs, ms_since(&t0, &t1));
	if (rc != 0)
		store_failed(a, &e);
	else {
		a->status = 200;
		a->body = svc_central_push_answer(res, p.nrecs);
		sv->b->ops->seen(sv->b, t, rq->route, -1, p.pending);
		pthread_mutex_lock(&sv->lock);
		n = ++sv->pushes;
		pthread_mutex_unlock(&sv->lock);
		if (sv->drop_after_push > 0 && n == sv->drop_after_push)
			a->drop = 1;
	}
	free(res);
	svc_central_push_free(&p);
}

/* A non-negative integer query argument v (named name), or def when
 * absent. */
static int
query_int(const char *name, const char *v, long long def, long long max,
    long long *out, struct answer *a)
{
	char *end;

	*out = def;
	if (v == NULL)
		return 0;
	errno = 0;
	*out = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno != 0 || *out < 0 ||
	    *out > max) {
		fail(a, 400, "query \"%s\": \"%s\" is not a number 0-%lld",
		    name, v, max);
		return -1;
	}
	return 0;
}

static void
route_pull(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a)
{
	long long since, limit;
	int64_t cursor;
	size_t n;
	struct pd_err e = {0};

	if (query_int("since", rq->since, 0, INT64_MAX, &since, a) != 0 ||
	    query_int("limit", rq->limit, 1000, SYNC_PULL_MAX, &limit, a) != 0)
		return;
	if (limit == 0)
		limit = 1;
	a->body =
	    sv->b->ops->pull(sv->b, t, since, (size_t)limit, &cursor, &n, &e);
	if (a->body == NULL) {
		store_failed(a, &e);
		return;
	}
	a->status = 200;
	sv->b->ops->seen(sv->b, t, rq->route, since, -1);
}

static void
route_status(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a)
{
	struct terminal_status *st;
	struct pd_err e = {0};
	size_t n, i;
	int64_t head;
	json_t *o, *arr;
	char *s;

	st = sv->b->ops->status(sv->b, t->org, &n, &head, &e);
	if (st == NULL) {
		store_failed(a, &e);
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
	o = json_pack("{s:i, s:s, s:I, s:o}", "v", SYNC_PROTOCOL_VERSION, "org",
	    t->org, "cursor", (json_int_t)head, "terminals", arr);
	s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	free(st);
	a->status = 200;
	a->body = xstrdup(s);
	free(s);
	sv->b->ops->seen(sv->b, t, rq->route, -1, -1);
}

static const struct route {
	const char *path;
	const char *method;
	int auth;
	route_fn fn;
} routes[] = {
    {SYNC_ROUTE_HEALTH, "GET", 0, route_health},
    {SYNC_ROUTE_PUSH, "POST", 1, route_push},
    {SYNC_ROUTE_PULL, "GET", 1, route_pull},
    {SYNC_ROUTE_STATUS, "GET", 1, route_status},
};

/* The terminal of the request's token, or an answer saying why not. */
static int
authenticate(struct server *sv, struct request *rq, struct terminal_row *t,
    struct answer *a)
{
	const char *h = rq->auth;
	struct pd_err e = {0};

	if (h == NULL || strncmp(h, "Bearer ", 7) != 0 || h[7] == '\0') {
		fail(a, 401, "no token: send \"Authorization: Bearer TOKEN\"");
		return -1;
	}
	if (sv->b->ops->authenticate(sv->b, h + 7, t, &e) != 0) {
		if (e.code == PD_ENOTFOUND)
			fail(a, 401, "unknown token");
		else
			store_failed(a, &e);
		return -1;
	}
	snprintf(
	    rq->terminal, sizeof rq->terminal, "%s/%s", t->org, t->terminal);
	if (t->revoked_at[0] != '\0') {
		fail(a, 403, "terminal %s of %s was revoked on %s", t->terminal,
		    t->org, t->revoked_at);
		return -1;
	}
	return 0;
}

static void
dispatch(struct server *sv, struct request *rq, struct answer *a)
{
	const char *url = rq->url, *method = rq->method;
	struct terminal_row t;
	size_t i;

	snprintf(rq->route, sizeof rq->route, "%s %.48s", method, url);
	if (sv->slow_ms > 0 && strcmp(url, SYNC_ROUTE_HEALTH) != 0)
		usleep((useconds_t)sv->slow_ms * 1000);
	for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (strcmp(routes[i].path, url) != 0)
			continue;
		if (strcmp(routes[i].method, method) != 0) {
			fail(a, 405, "%s takes %s, not %s", url,
			    routes[i].method, method);
			return;
		}
		if (rq->too_big) {
			fail(a, 413, "the body is larger than %d KiB",
			    sv->b->cfg.central_max_body_kb);
			return;
		}
		memset(&t, 0, sizeof t);
		if (routes[i].auth && authenticate(sv, rq, &t, a) != 0)
			return;
		routes[i].fn(sv, rq, &t, a);
		return;
	}
	fail(a, 404, "no route %s", url);
}

static char *
dup_or_null(const char *v)
{
	return v != NULL ? xstrdup(v) : NULL;
}

/* The worker side: answer queued requests in order of arrival until the
 * server stops and the queue is empty. */
static void *
worker(void *arg)
{
	struct server *sv = arg;
	struct request *rq;

	for (;;) {
		pthread_mutex_lock(&sv->qlock);
		while (sv->head == NULL && !sv->stopping)
			pthread_cond_wait(&sv->qcond, &sv->qlock);
		rq = sv->head;
		if (rq != NULL) {
			sv->head = rq->next;
			if (sv->head == NULL)
				sv->tail = NULL;
		}
		pthread_mutex_unlock(&sv->qlock);
		if (rq == NULL)
			return NULL; /* stopping, and nothing left */
		dispatch(sv, rq, &rq->a);
		rq->state = RQ_ANSWERED;
		MHD_resume_connection(rq->c);
	}
}

/* A request received whole goes to the workers, its connection
 * suspended until one has answered it; once the server is stopping, it
 * is refused here instead (a suspended connection must not outlive the
 * daemon). */
static int
enqueue(struct server *sv, struct MHD_Connection *c, const char *url,
    const char *method, struct request *rq)
{
	int queued = 0;

	rq->c = c;
	rq->url = xstrdup(url);
	rq->method = xstrdup(method);
	rq->auth = dup_or_null(MHD_lookup_connection_value(
	    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION));
	rq->since = dup_or_null(
	    MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since"));
	rq->limit = dup_or_null(
	    MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "limit"));
	pthread_mutex_lock(&sv->qlock);
	if (!sv->stopping) {
		rq->state = RQ_QUEUED;
		MHD_suspend_connection(c);
		if (sv->tail != NULL)
			sv->tail->next = rq;
		else
			sv->head = rq;
		sv->tail = rq;
		pthread_cond_signal(&sv->qcond);
		queued = 1;
	}
	pthread_mutex_unlock(&sv->qlock);
	return queued;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct server *sv = cls;
	struct request *rq = *con_cls;
	struct MHD_Response *resp;
	size_t cap = (size_t)sv->b->cfg.central_max_body_kb * 1024;
	char ra[16];
	enum MHD_Result r;

	(void)version;
	if (rq == NULL) {
		const char *cl = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		unsigned long long want =
		    cl != NULL ? strtoull(cl, NULL, 10) : 0;

		rq = xcalloc(1, sizeof *rq);
		clock_gettime(CLOCK_MONOTONIC, &rq->start);
		*con_cls = rq;
		if (want > cap)
			rq->too_big = 1;
		else if (want > 0) {
			/* the whole body in one allocation */
			rq->cap = (size_t)want + 1;
			rq->body = xmalloc(rq->cap);
		}
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (!rq->too_big && rq->len + *upload_size <= cap) {
			/* without a Content-Length, doubling: a few copies,
			 * not one per chunk */
			if (rq->len + *upload_size + 1 > rq->cap) {
				size_t want = rq->len + *upload_size + 1;

				rq->cap =
				    rq->cap * 2 > want ? rq->cap * 2 : want;
				rq->body = xrealloc(rq->body, rq->cap, 1);
			}
			memcpy(rq->body + rq->len, upload, *upload_size);
			rq->len += *upload_size;
			rq->body[rq->len] = '\0';
		} else
			rq->too_big = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->state == RQ_RECEIVING) {
		if (enqueue(sv, c, url, method, rq))
			return MHD_YES; /* called again once answered */
		fail(&rq->a, 503, "the central node is stopping");
		rq->a.retry_after = 5;
	}
	rq->status = rq->a.status;
	if (rq->a.drop) {
		rq->status = 0;
		return MHD_NO;
	}
	resp = MHD_create_response_from_buffer(
	    strlen(rq->a.body), rq->a.body, MHD_RESPMEM_MUST_FREE);
	rq->a.body = NULL; /* the response's now */
	MHD_add_response_header(resp, "Content-Type", "application/json");
	if (rq->a.retry_after > 0) {
		snprintf(ra, sizeof ra, "%d", rq->a.retry_after);
		MHD_add_response_header(resp, "Retry-After", ra);
	}
	r = MHD_queue_response(c, rq->a.status, resp);
	MHD_destroy_response(resp);
	return r;
}

static void
on_done(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode why)
{
	struct server *sv = cls;
	struct request *rq = *con_cls;
	struct timespec end;
	double ms;
	char at[TS_BUFSZ];

	(void)c;
	if (rq == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &end);
	ms = ms_since(&rq->start, &end);
	svc_now(at);
	pthread_mutex_lock(&sv->lock);
	fprintf(sv->log, "%s %s %s %u %.1fms%s%s\n", at,
	    rq->terminal[0] ? rq->terminal : "-",
	    rq->route[0] ? rq->route : "-", rq->status, ms, rq->note,
	    why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? ""
	                                               : " (connection lost)");
	fflush(sv->log);
	pthread_mutex_unlock(&sv->lock);
	free(rq->body);
	free(rq->url);
	free(rq->method);
	free(rq->auth);
	free(rq->since);
	free(rq->limit);
	free(rq->a.body);
	free(rq);
	*con_cls = NULL;
}

/* libmicrohttpd's own messages: the first kept while starting (why it
 * could not), each logged once serving. */
static void
mhd_logger(void *cls, const char *fmt, va_list ap)
{
	struct server *sv = cls;
	char msg[sizeof sv->mhd_msg];
	size_t n;

	vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '.'))
		msg[--n] = '\0';
	pthread_mutex_lock(&sv->lock);
	if (sv->started) {
		fprintf(sv->log, "libmicrohttpd: %s\n", msg);
		fflush(sv->log);
	} else if (sv->mhd_msg[0] == '\0') {
		memcpy(sv->mhd_msg, msg, n + 1); /* the first: the cause */
	}
	pthread_mutex_unlock(&sv->lock);
}

/* A PEM file of [central] key, whole, or NULL with err set. */
static char *
read_pem(const char *key, const char *path, const char *marker,
    const char *what, struct pd_err *err)
{
	enum { PEM_MAX = 1 << 20 };
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL) {
		pd_fail(err, PD_EINVAL, "[central] %s: cannot read %s: %s", key,
		    path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(PEM_MAX + 1);
	n = fread(buf, 1, PEM_MAX + 1, f);
	fclose(f);
	buf[n > PEM_MAX ? PEM_MAX : n] = '\0';
	if (n > PEM_MAX || strstr(buf, marker) == NULL) {
		pd_fail(err, PD_EINVAL,
		    "[central] %s: %s is not a PEM file "
		    "with a %s",
		    key, path, what);
		free(buf);
		return NULL;
	}
	return buf;
}

/* [central] tls_cert and tls_key, both or neither. */
static int
read_tls(const struct config *cfg, char **cert, char **key, struct pd_err *err)
{
	*cert = *key = NULL;
	if (cfg->central_tls_cert[0] == '\0' && cfg->central_tls_key[0] == '\0')
		return 0;
	if (cfg->central_tls_cert[0] == '\0' || cfg->central_tls_key[0] == '\0')
		return pd_fail(err, PD_EINVAL,
		    "[central] tls_cert and tls_key go together: %s is set, "
		    "%s is empty",
		    cfg->central_tls_cert[0] ? "tls_cert" : "tls_key",
		    cfg->central_tls_cert[0] ? "tls_key" : "tls_cert");
	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
		return pd_fail(err, PD_EINVAL,
		    "[central] tls_cert: this libmicrohttpd was built without "
		    "TLS");
	*cert = read_pem("tls_cert", cfg->central_tls_cert,
	    "-----BEGIN CERTIFICATE-----", "CERTIFICATE", err);
	if (*cert == NULL)
		return -1;
	*key = read_pem("tls_key", cfg->central_tls_key, "PRIVATE KEY-----",
	    "PRIVATE KEY", err);
	if (*key == NULL) {
		free(*cert);
		*cert = NULL;
		return -1;
	}
	return 0;
}

/* Workers finish what is queued, then stop. */
static void
stop_workers(struct server *sv, pthread_t *workers, int n)
{
	int i;

	pthread_mutex_lock(&sv->qlock);
	sv->stopping = 1;
	pthread_cond_broadcast(&sv->qcond);
	pthread_mutex_unlock(&sv->qlock);
	for (i = 0; i < n; i++)
		pthread_join(workers[i], NULL);
	pthread_cond_destroy(&sv->qcond);
	pthread_mutex_destroy(&sv->qlock);
}

int
server_run(struct server *sv, const sigset_t *stop, struct pd_err *err)
{
	const struct config *cfg = &sv->b->cfg;
	struct sockaddr_in sin;
	struct MHD_OptionItem opt[10];
	struct MHD_Daemon *d;
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	                     MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
	pthread_t workers[WORKERS_MAX];
	char *cert, *key;
	int sig, nw = 0, n = 0;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)cfg->central_port);
	if (inet_pton(AF_INET, cfg->central_listen, &sin.sin_addr) != 1)
		return pd_fail(err, PD_EINVAL,
		    "[central] listen: \"%s\" is not an IPv4 address",
		    cfg->central_listen);
	if (read_tls(cfg, &cert, &key, err) != 0)
		return -1;
#define OPT(o, v, p) opt[n++] = (struct MHD_OptionItem){(o), (v), (p)}
	/* first, so that it hears every complaint */
	OPT(MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)(void *)mhd_logger, sv);
	OPT(MHD_OPTION_SOCK_ADDR, 0, &sin);
	/* the network threads; the work is done by the workers */
	OPT(MHD_OPTION_THREAD_POOL_SIZE, NET_THREADS, NULL);
	OPT(MHD_OPTION_CONNECTION_TIMEOUT, 60, NULL);
	OPT(MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)(void *)on_done, sv);
	if (cert != NULL) {
		flags |= MHD_USE_TLS;
		OPT(MHD_OPTION_HTTPS_MEM_CERT, 0, cert);
		OPT(MHD_OPTION_HTTPS_MEM_KEY, 0, key);
	}
	OPT(MHD_OPTION_END, 0, NULL);
#undef OPT
	pthread_mutex_init(&sv->lock, NULL);
	pthread_mutex_init(&sv->qlock, NULL);
	pthread_cond_init(&sv->qcond, NULL);
	while (nw < cfg->central_threads && nw < WORKERS_MAX &&
	       pthread_create(&workers[nw], NULL, worker, sv) == 0)
		nw++;
	if (nw == 0)
		snprintf(sv->mhd_msg, sizeof sv->mhd_msg,
		    "no worker thread could be started");
	d = nw == 0 ? NULL
	            : MHD_start_daemon(flags, 0, NULL, NULL, on_request, sv,
	                  MHD_OPTION_ARRAY, opt, MHD_OPTION_END);
	if (d == NULL) {
		stop_workers(sv, workers, nw);
		pthread_mutex_destroy(&sv->lock);
		free(cert);
		free(key);
		if (strstr(sv->mhd_msg, "certificate") != NULL ||
		    strstr(sv->mhd_msg, "x509") != NULL ||
		    strstr(sv->mhd_msg, "TLS") != NULL)
			return pd_fail(err, PD_EINVAL,
			    "[central] tls_cert, tls_key: %s", sv->mhd_msg);
		return pd_fail(err, PD_ENET, "cannot listen on %s:%d: %s",
		    cfg->central_listen, cfg->central_port,
		    sv->mhd_msg[0] ? sv->mhd_msg : "in use, or not allowed");
	}
	pthread_mutex_lock(&sv->lock);
	sv->started = 1;
	fprintf(sv->log, "paydesk-central listening on %s://%s:%d\n",
	    cert != NULL ? "https" : "http", cfg->central_listen,
	    cfg->central_port);
	fflush(sv->log);
	pthread_mutex_unlock(&sv->lock);
	while (sigwait(stop, &sig) != 0)
		;
	/* every queued request answered and resumed first: a suspended
	 * connection must not outlive the daemon */
	stop_workers(sv, workers, nw);
	MHD_stop_daemon(d);
	pthread_mutex_destroy(&sv->lock);
	free(cert);
	free(key);
	return 0;
}
