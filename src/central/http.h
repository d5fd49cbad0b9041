/* http.h - what the central node's HTTP front end (http.c) and its
 * routes (routes.c) share: a request from its headers to its log line,
 * its answer, and the table of routes. */
#ifndef PAYDESK_CENTRAL_HTTP_H
#define PAYDESK_CENTRAL_HTTP_H

#include "central.h"

struct route;
struct answer {
	unsigned status;
	char *body; /* owned */
	int retry_after;
	int drop; /* close the connection without an answer (test hook) */
};

/* A request, from its headers to its log line. What a handler reads of
 * it is copied out of libmicrohttpd before it goes to a worker. */
struct request {
	struct qitem qi; /* first: the queue's view of it */
	char *body;
	size_t len, cap; /* cap: bytes allocated for body */
	size_t max;      /* the largest body its route takes, bytes */
	int too_big;
	struct timespec start;
	unsigned status;
	char terminal[64];
	char route[160]; /* method and URL, escaped for the log */
	char note[64];   /* a push: its records and the time to apply them */
	enum { RQ_RECEIVING, RQ_QUEUED, RQ_ANSWERED } state;
	int early; /* answered on its headers: the body is never read */
	const struct route *r;
	struct terminal_row t; /* its token's terminal (authenticated routes) */
	struct MHD_Connection *c;
	/* query arguments, NULL when absent; pending: the records still
	 * waiting at the terminal as it pulls (s72 fault 3) */
	char *since, *limit, *pending;
	const char *twice;   /* "since", "limit" or "pending" given twice */
	const char *nul;     /* one of them with a NUL byte (%00) */
	struct gw_req *gw;   /* a gateway's request (gateway.c) */
	struct answer a;
};

typedef void (*route_fn)(struct server *sv, struct request *rq,
    const struct terminal_row *t, struct answer *a);

/* auth: none, a terminal's token, or a gateway's (gateway_admit) */
enum { AUTH_NONE, AUTH_TOKEN, AUTH_GATEWAY };

/* A route: its path (a prefix when prefix), its method, how it is
 * authenticated, whether it takes a body, its handler. */
struct route {
	const char *path;
	const char *method;
	int auth;
	int body; /* takes a body */
	route_fn fn;
	int prefix; /* path is the start of the URL */
};

/* Milliseconds from a to b (CLOCK_MONOTONIC). */
static inline double
ms_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* the first allocation of a body, whatever its Content-Length says */
#define BODY_FIRST_CHUNK (64 * 1024)

/* A request's headers judged before any of its body is read
 * (http_admit.c): its route, its framing and its token or gateway. 0 to
 * read on, -1 with the answer a. */
int admit(struct server *sv, struct request *rq, const char *url,
    const char *method, struct answer *a);
/* The route of url (its method not checked), or NULL. */
const struct route *route_find(const char *url);
/* n gateway requests of one organisation received whole (POST
 * /v1/gateway/...), answered together: each rq's answer and log note
 * (gateway_handle: notifications in one group commit). */
void route_gateway_group(struct server *sv, struct request **rq, size_t n);
/* n pushes of one organisation (its terminals' POST /v1/push), applied
 * in one transaction when they can be (the backend's push), each
 * answered in its rq[k]->a (routes.c). */
void route_push_group(struct server *sv, struct request **rq, size_t n);
/* the push route's function, by which a request is known as a push */
extern const route_fn route_push_fn;

/* a becomes an error answer: status and a JSON body whose message is
 * fmt, escaped for the log (a client's bytes stay UTF-8). */
void answer_fail(struct answer *a, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The store failing: 503, and worth a retry soon. */
void answer_store_failed(struct answer *a, const struct pd_err *e);

#endif
