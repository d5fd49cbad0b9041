/* syncnet.h - the terminal's HTTP client for the sync protocol (libcurl):
 * timeouts on every request, retries with exponential backoff and full
 * jitter, Retry-After honoured, TLS verified. */
#ifndef PAYDESK_SYNCNET_H
#define PAYDESK_SYNCNET_H
#include <stddef.h>

#include "err.h"

struct sync_net_opts {
	const char *url;     /* http://host:port, no trailing / */
	const char *token;   /* sent as "Authorization: Bearer" */
	const char *ca_file; /* "" or NULL: the system's CAs */
	long connect_timeout, timeout, low_speed_time; /* seconds */
	int retries;
	const volatile int *cancel; /* set non-0 to give up; may be NULL */
	/* non-0: the token may go over http:// to a host that is not
	 * loopback (otherwise such a call fails, PD_ENET, sending nothing) */
	int plain_http;
};

struct sync_reply {
	long status;
	char *body; /* NUL-terminated, owned */
	size_t len;
};

struct sync_net;
struct sync_net *sync_net_new(const struct sync_net_opts *o);
void sync_net_free(struct sync_net *n);
/* One request (body NULL for GET). Connection failures, timeouts, 429
 * and 5xx are retried; other answers are returned. Fails with PD_ENET
 * when no answer came (the outcome is unknown: sending the same records
 * again is safe), PD_EAUTH on 401 and 403, PD_EINVAL on another 4xx,
 * PD_ECANCEL when cancelled; err carries the server's message. */
int sync_net_call(struct sync_net *n, const char *method, const char *path,
    const char *body, size_t len, struct sync_reply *r, struct pd_err *err);
void sync_reply_free(struct sync_reply *r);

#endif
