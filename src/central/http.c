/* http.c - the central node's HTTP front end (libmicrohttpd): routing,
 * the token check and the body cap on the headers, the request log.
 * Handlers call only the backend.
 *
 * A request is judged on its headers (http_admit.c), in libmicrohttpd's
 * first call for it, before a byte of its body is read or allocated: no
 * such route (404), not its method (405), Content-Length twice, beside
 * Transfer-Encoding or on a GET (400), larger than [central] max_body_kb
 * (413), no token or an unknown one (401), a revoked terminal (403) are
 * answered at once and the connection closed. Only an authenticated
 * push or anchor gets a body, allocated as it arrives (a first chunk, then
 * doubling), never from the Content-Length it claims alone; and a
 * gateway's notification (no token: its URL is public) only when its
 * gateway is active, it carries the signature header it needs (or comes
 * by a mobile-money secret path from an allowed address) and its
 * Content-Length is at most [central] gateway_max_body_kb (64 KiB),
 * chunks refused (411), review R18.
 *
 * libmicrohttpd's threads only move bytes: a request received whole is
 * suspended and put in the work queue (queue.c), which [central] threads
 * workers take fairly between organisations, answer and resume. Open
 * connections are limited in all and per address (libmicrohttpd), and
 * each has a deadline for its headers, its body and its answer
 * (limits.c).
 *
 * Payment gateways post to /v1/gateway/...: their route is a prefix, and
 * gateway.c judges their headers and answers them.
 *
 * The routes and their handlers are in routes.c.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "http.h"

/* libmicrohttpd's threads: they only receive and send */
#define NET_THREADS 2

static void
dispatch(struct server *sv, struct request *rq, struct answer *a)
{
	if (sv->slow_ms > 0 && rq->r->auth != AUTH_NONE)
		usleep((useconds_t)sv->slow_ms * 1000);
	if (rq->too_big) {
		answer_fail(a, 413, "The body is larger than %zu KiB",
		    rq->max / 1024);
		return;
	}
	rq->r->fn(sv, rq, &rq->t, a);
}

static char *
dup_or_null(const char *v)
{
	return v != NULL ? xstrdup(v) : NULL;
}

/* on SIGTERM, how long the requests in work may take before the node
 * stops without them (review R18: a push of statement lines held the
 * node for minutes); what they had not committed is rolled back */
#define STOP_GRACE_MS 10000

/* the most gateway notifications kept in one group commit */
#define GW_GROUP_MAX 128

/* Worker w's gateway notification rq, with the organisation's others
 * waiting in the queue behind its writer: answered together (one
 * transaction, one fsync), each resumed only once the group is
 * committed. */
static void
notifications(struct server *sv, struct request *rq, int w)
{
	struct qitem *more[GW_GROUP_MAX - 1];
	struct request *g[GW_GROUP_MAX];
	size_t n = 1, k, i;

	g[0] = rq;
	k = sv->group_max > 0 && sv->group_max < GW_GROUP_MAX
	        ? (size_t)sv->group_max
	        : GW_GROUP_MAX;
	k = queue_take_group(&sv->q, rq->qi.org, GROUP_GATEWAY, more, k - 1);
	for (i = 0; i < k; i++) {
		struct request *r = (struct request *)more[i];

		if (r->too_big) {
			dispatch(sv, r, &r->a); /* its 413, alone */
			r->state = RQ_ANSWERED;
			MHD_resume_connection(r->c);
		} else
			g[n++] = r;
	}
	if (sv->slow_ms > 0)
		usleep((useconds_t)sv->slow_ms * 1000);
	route_gateway_group(sv, g, n);
	for (i = 0; i < n; i++)
		g[i]->state = RQ_ANSWERED;
	queue_done(&sv->q, w);
	for (i = 0; i < n; i++)
		MHD_resume_connection(g[i]->c);
}

/* the most pushes kept in one group commit */
#define PUSH_GROUP_MAX 8

/* Worker w's push rq, with the other pushes to its organisation waiting
 * in the queue behind it (other terminals'): applied together, one
 * transaction and one commit (route_push_group), each resumed once the
 * group is answered. A second push of a terminal already in the group
 * (a retry sent while the first waited) is applied after the group,
 * alone, as it would have been in turn. */
static void
pushes(struct server *sv, struct request *rq, int w)
{
	struct qitem *more[PUSH_GROUP_MAX - 1];
	struct request *g[PUSH_GROUP_MAX], *after[PUSH_GROUP_MAX];
	size_t n = 1, na = 0, k, i, j;

	g[0] = rq;
	k = queue_take_group(
	    &sv->q, rq->qi.org, GROUP_PUSH, more, PUSH_GROUP_MAX - 1);
	for (i = 0; i < k; i++) {
		struct request *r = (struct request *)more[i];

		for (j = 0; j < n; j++)
			if (strcmp(g[j]->t.terminal, r->t.terminal) == 0)
				break;
		if (r->too_big || j < n)
			after[na++] = r;
		else
			g[n++] = r;
	}
	if (sv->slow_ms > 0)
		usleep((useconds_t)sv->slow_ms * 1000);
	route_push_group(sv, g, n);
	for (i = 0; i < n; i++)
		g[i]->state = RQ_ANSWERED;
	for (i = 0; i < n; i++)
		MHD_resume_connection(g[i]->c);
	for (i = 0; i < na; i++) {
		dispatch(sv, after[i], &after[i]->a);
		after[i]->state = RQ_ANSWERED;
		MHD_resume_connection(after[i]->c);
	}
	queue_done(&sv->q, w);
}

struct worker_arg {
	struct server *sv;
	int w;
};

/* A worker: answer what the queue gives it until the server stops and
 * the queue is empty. */
static void *
worker(void *arg)
{
	struct worker_arg *wa = arg;
	struct server *sv = wa->sv;
	struct qitem *it;
	struct request *rq;

	while ((it = queue_take(&sv->q, wa->w)) != NULL) {
		rq = (struct request *)it;
		if (queue_stopping(&sv->q)) {
			/* queued, not begun: answered, not done */
			answer_fail(&rq->a, 503, "The central node is stopping");
			rq->a.retry_after = 5;
		} else if (rq->qi.group == GROUP_GATEWAY && !rq->too_big) {
			notifications(sv, rq, wa->w);
			continue;
		} else if (rq->qi.group == GROUP_PUSH && !rq->too_big) {
			pushes(sv, rq, wa->w);
			continue;
		} else
			dispatch(sv, rq, &rq->a);
		rq->state = RQ_ANSWERED;
		queue_done(&sv->q, wa->w);
		/* rq is the network thread's again, and may go at once */
		MHD_resume_connection(rq->c);
	}
	return NULL;
}

struct suspend_arg {
	struct server *sv;
	struct request *rq;
};

/* Under the queue's lock: a worker cannot resume it before this. */
static void
suspend(void *arg)
{
	struct suspend_arg *s = arg;

	s->rq->state = RQ_QUEUED;
	limits_phase(&s->sv->lim, s->rq->c, PH_WORK);
	MHD_suspend_connection(s->rq->c);
}

/* The query arguments a route reads, and which of them were seen. */
struct query_seen {
	struct request *rq;
	unsigned seen; /* bit i: query_known[i] */
};
/* (libmicrohttpd decodes %00 into the value: its C string would end
 * there, "0%00abc" read as "0") */
static const char *const query_known[] = {"since", "limit", "pending"};

/* Each query argument of a request: a known one given twice is kept in
 * rq->twice (the route refuses it: which of the two was meant?), one
 * with a NUL byte in its value (%00) in rq->nul. */
static enum MHD_Result
query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
    size_t key_size, const char *value, size_t value_size)
{
	struct query_seen *q = cls;
	size_t i;

	(void)kind;
	for (i = 0; i < sizeof query_known / sizeof query_known[0]; i++) {
		if (strcmp(key, query_known[i]) != 0 ||
		    key_size != strlen(key))
			continue;
		if (value != NULL && strlen(value) != value_size)
			q->rq->nul = query_known[i];
		if (q->seen & (1u << i))
			q->rq->twice = query_known[i];
		q->seen |= 1u << i;
	}
	return MHD_YES;
}

/* A request received whole goes to the workers, its connection
 * suspended until one has answered it; once the server is stopping, it
 * is refused here instead (a suspended connection must not outlive the
 * daemon). */
static int
enqueue(struct server *sv, struct MHD_Connection *c, struct request *rq)
{
	struct suspend_arg s = {sv, rq};
	struct query_seen q = {rq, 0};

	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, query_arg, &q);
	rq->since = dup_or_null(
	    MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since"));
	rq->limit = dup_or_null(
	    MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "limit"));
	rq->pending = dup_or_null(
	    MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "pending"));
	return queue_put(&sv->q, &rq->qi, suspend, &s);
}

/* Queue rq's answer on c: the connection sends it and reads on. */
static enum MHD_Result
respond(struct server *sv, struct MHD_Connection *c, struct request *rq)
{
	struct MHD_Response *resp;
	char ra[16];
	enum MHD_Result r;

	rq->state = RQ_ANSWERED;
	rq->status = rq->a.status;
	if (rq->a.drop) {
		rq->status = 0;
		return MHD_NO;
	}
	/* a request its worker left unanswered when the node was told to
	 * stop (the grace past, UBSan: strlen of NULL) */
	if (rq->a.body == NULL)
		answer_fail(&rq->a, 503, "The central node is stopping");
	resp = MHD_create_response_from_buffer(
	    strlen(rq->a.body), rq->a.body, MHD_RESPMEM_MUST_FREE);
	rq->a.body = NULL; /* the response's now */
	MHD_add_response_header(resp, "Content-Type", "application/json");
	if (rq->a.retry_after > 0) {
		snprintf(ra, sizeof ra, "%d", rq->a.retry_after);
		MHD_add_response_header(resp, "Retry-After", ra);
	}
	limits_phase(&sv->lim, c, PH_ANSWER);
	r = MHD_queue_response(c, rq->a.status, resp);
	MHD_destroy_response(resp);
	return r;
}

/* A gateway URL in the log without its secret segment (the third after
 * "/v1/gateway/"), which becomes "***". */
static void
redact_gateway_url(char *u, size_t n)
{
	const char *pre = "/v1/gateway/";
	char *p, *end, rest[100];
	int i;

	if (strncmp(u, pre, strlen(pre)) != 0)
		return;
	p = u + strlen(pre);
	for (i = 0; i < 2 && p != NULL; i++) {
		p = strchr(p, '/');
		if (p != NULL)
			p++;
	}
	if (p == NULL || *p == '\0')
		return;
	end = strchr(p, '/');
	xstrlcpy(rest, end != NULL ? end : "", sizeof rest);
	snprintf(p, n - (size_t)(p - u), "***%s", rest);
}

/* The first call for a request: its headers are in. */
static enum MHD_Result
on_headers(struct server *sv, struct MHD_Connection *c, const char *url,
    const char *method, void **con_cls)
{
	struct request *rq = xcalloc(1, sizeof *rq);
	char m[24], u[100];

	clock_gettime(CLOCK_MONOTONIC, &rq->start);
	rq->c = c;
	*con_cls = rq;
	log_escape(m, sizeof m, method, 1);
	log_escape(u, sizeof u, url, 1);
	redact_gateway_url(u, sizeof u);
	snprintf(rq->route, sizeof rq->route, "%s %s", m, u);
	if (admit(sv, rq, url, method, &rq->a) != 0) {
		/* at once: the body is never read, the connection closes */
		rq->early = 1;
		return respond(sv, c, rq);
	}
	limits_phase(&sv->lim, c, PH_BODY);
	return MHD_YES;
}

/* Append a piece of the body, growing by doubling; past the cap the rest
 * is read and dropped (a body in chunks says its size only at its end). */
static void
take_body(struct server *sv, struct request *rq, const char *upload, size_t n)
{
	size_t want;

	(void)sv;
	if (rq->too_big || rq->len + n > rq->max) {
		rq->too_big = 1;
		return;
	}
	if (rq->len + n + 1 > rq->cap) {
		want = rq->len + n + 1;
		rq->cap = rq->cap * 2 > want ? rq->cap * 2 : want;
		rq->body = xrealloc(rq->body, rq->cap, 1);
	}
	memcpy(rq->body + rq->len, upload, n);
	rq->len += n;
	rq->body[rq->len] = '\0';
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct server *sv = cls;
	struct request *rq = *con_cls;

	(void)version;
	if (rq == NULL)
		return on_headers(sv, c, url, method, con_cls);
	if (rq->early)
		return MHD_YES; /* answered; libmicrohttpd closes */
	if (*upload_size > 0) {
		take_body(sv, rq, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->state == RQ_RECEIVING) {
		if (enqueue(sv, c, rq))
			return MHD_YES; /* called again once answered */
		answer_fail(&rq->a, 503, "The central node is stopping");
		rq->a.retry_after = 5;
	}
	return respond(sv, c, rq);
}

static void
on_done(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode why)
{
	struct server *sv = cls;
	struct request *rq = *con_cls;
	struct timespec end;
	const char *cut;
	char at[TS_BUFSZ], lost[64] = "";

	if (rq == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &end);
	svc_now(at);
	cut = limits_cut(&sv->lim, c);
	if (cut != NULL)
		snprintf(
		    lost, sizeof lost, " (closed at the %s deadline)", cut);
	else if (why != MHD_REQUEST_TERMINATED_COMPLETED_OK)
		snprintf(lost, sizeof lost, " (connection lost)");
	/* a connection kept alive waits for its next headers from now */
	limits_phase(&sv->lim, c, PH_HEADERS);
	log_line(sv, "%s %s %s %u %.1fms%s%s", at,
	    rq->terminal[0] ? rq->terminal : "-", rq->route, rq->status,
	    ms_since(&rq->start, &end), rq->note, lost);
	free(rq->body);
	free(rq->since);
	free(rq->limit);
	free(rq->pending);
	free(rq->gw);
	free(rq->a.body);
	free(rq);
	*con_cls = NULL;
}

/* Workers answer what is queued (503) and finish what they are doing,
 * then stop; 0, or -1 when one is still working past grace_ms (0: no
 * bound). */
static int
stop_workers(struct server *sv, pthread_t *workers, int n, long grace_ms)
{
	struct timespec until;
	int i;

	queue_stop(&sv->q);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += grace_ms / 1000;
	until.tv_nsec += (grace_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	for (i = 0; i < n; i++)
		if (grace_ms <= 0)
			pthread_join(workers[i], NULL);
		else if (pthread_timedjoin_np(workers[i], NULL, &until) != 0)
			return -1;
	return 0;
}

/* MHD_OPTION_URI_LOG_CALLBACK: a request line was read on this network
 * thread (log.c keeps its connection; see log_conn_seen). */
static void *
uri_seen(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	(void)uri;
	log_conn_seen(c);
	return NULL;
}

/* The daemon's options, into opt (16 rows). */
static unsigned
options(struct server *sv, struct sockaddr_in *sin, char *cert, char *key,
    struct MHD_OptionItem *opt)
{
	const struct config *cfg = &sv->b->cfg;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	                 MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
	int n = 0;

#define OPT(o, v, p) opt[n++] = (struct MHD_OptionItem){(o), (v), (p)}
	/* first, so that it hears every complaint */
	OPT(MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)(void *)log_mhd, sv);
	OPT(MHD_OPTION_SOCK_ADDR, 0, sin);
	/* the network threads; the work is done by the workers */
	OPT(MHD_OPTION_THREAD_POOL_SIZE, NET_THREADS, NULL);
	/* idle: the deadlines (limits.c) come first */
	OPT(MHD_OPTION_CONNECTION_TIMEOUT, cfg->central_body_timeout, NULL);
	OPT(MHD_OPTION_CONNECTION_LIMIT, sv->max_connections, NULL);
	OPT(MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->central_max_per_address,
	    NULL);
	OPT(MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)(void *)on_done, sv);
	OPT(MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)(void *)uri_seen, NULL);
	OPT(MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)(void *)limits_notify,
	    &sv->lim);
	sv->tls = cert != NULL;
	if (cert != NULL) {
		flags |= MHD_USE_TLS;
		OPT(MHD_OPTION_HTTPS_MEM_CERT, 0, cert);
		OPT(MHD_OPTION_HTTPS_MEM_KEY, 0, key);
	}
	OPT(MHD_OPTION_END, 0, NULL);
#undef OPT
	return flags;
}

/* Why the daemon did not start, from libmicrohttpd's first complaint. */
static int
start_failed(struct server *sv, struct pd_err *err)
{
	const struct config *cfg = &sv->b->cfg;

	if (strstr(sv->mhd_msg, "certificate") != NULL ||
	    strstr(sv->mhd_msg, "x509") != NULL ||
	    strstr(sv->mhd_msg, "TLS") != NULL)
		return pd_fail(err, PD_EINVAL,
		    "[central] tls_cert, tls_key: %s", sv->mhd_msg);
	return pd_fail(err, PD_ENET, "Cannot listen on %s:%d: %s",
	    cfg->central_listen, cfg->central_port,
	    sv->mhd_msg[0] ? sv->mhd_msg : "in use, or not allowed");
}

int
server_run(struct server *sv, const sigset_t *stop, struct pd_err *err)
{
	const struct config *cfg = &sv->b->cfg;
	struct sockaddr_in sin;
	struct MHD_OptionItem opt[16];
	struct MHD_Daemon *d = NULL;
	unsigned flags;
	pthread_t workers[WORKERS_MAX];
	struct worker_arg args[WORKERS_MAX];
	char *cert, *key;
	int sig, nw = 0;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)cfg->central_port);
	if (inet_pton(AF_INET, cfg->central_listen, &sin.sin_addr) != 1)
		return pd_fail(err, PD_EINVAL,
		    "[central] listen: \"%s\" is not an IPv4 address",
		    cfg->central_listen);
	if (gateway_allow_load(sv, err) != 0 ||
	    tls_read(cfg, &cert, &key, err) != 0)
		return -1;
	sv->max_connections = limits_nofile(cfg->central_max_connections);
	flags = options(sv, &sin, cert, key, opt);
	pthread_mutex_init(&sv->lock, NULL);
	queue_init(&sv->q, cfg->central_threads < WORKERS_MAX
	                       ? cfg->central_threads
	                       : WORKERS_MAX);
	limits_init(&sv->lim, sv);
	while (nw < sv->q.nworkers) {
		args[nw] = (struct worker_arg){sv, nw};
		if (pthread_create(&workers[nw], NULL, worker, &args[nw]) != 0)
			break;
		nw++;
	}
	if (nw < sv->q.nworkers || limits_start(&sv->lim) != 0)
		snprintf(sv->mhd_msg, sizeof sv->mhd_msg,
		    "a thread could not be started");
	else
		d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, sv,
		    MHD_OPTION_ARRAY, opt, MHD_OPTION_END);
	if (d == NULL) {
		stop_workers(sv, workers, nw, 0);
		limits_stop(&sv->lim);
		queue_destroy(&sv->q);
		pthread_mutex_destroy(&sv->lock);
		free(cert);
		free(key);
		return start_failed(sv, err);
	}
	pthread_mutex_lock(&sv->lock);
	sv->started = 1;
	clock_gettime(CLOCK_MONOTONIC, &sv->mhd_window);
	fprintf(sv->log, "paydesk-central listening on %s://%s:%d\n",
	    cert != NULL ? "https" : "http", cfg->central_listen,
	    cfg->central_port);
	if (sv->max_connections < cfg->central_max_connections)
		fprintf(sv->log,
		    "paydesk-central: [central] max_connections %d lowered "
		    "to %d by the open-file limit (ulimit -Hn)\n",
		    cfg->central_max_connections, sv->max_connections);
	fflush(sv->log);
	pthread_mutex_unlock(&sv->lock);
	while (sigwait(stop, &sig) != 0)
		;
	/* every queued request answered and resumed first: a suspended
	 * connection must not outlive the daemon. One still in work past
	 * the grace (an apply of minutes) is not waited for: the process
	 * ends, and its transaction, never committed, is rolled back (the
	 * store's journal; PostgreSQL when the connection closes). */
	if (stop_workers(sv, workers, nw,
	        sv->stop_grace_ms > 0 ? sv->stop_grace_ms : STOP_GRACE_MS)) {
		log_line(sv,
		    "paydesk-central: a request still in work %ld ms after "
		    "the signal to stop; stopping without it (what it had not "
		    "committed is rolled back)",
		    sv->stop_grace_ms > 0 ? sv->stop_grace_ms : STOP_GRACE_MS);
		_exit(0);
	}
	MHD_stop_daemon(d);
	/* after the daemon: its connections' tracks are gone with it */
	limits_stop(&sv->lim);
	queue_destroy(&sv->q);
	pthread_mutex_destroy(&sv->lock);
	free(cert);
	free(key);
	return 0;
}
