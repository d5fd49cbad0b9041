/* limits.c - the central node's connection deadlines and open-file
 * limit.
 *
 * libmicrohttpd 0.9.75 has only an idle timeout: a client that sends a
 * byte of its headers every few seconds keeps its connection (and its
 * file descriptor) for ever, and a thousand such clients once stopped the
 * node answering anyone. So each connection is tracked from its start
 * (MHD_OPTION_NOTIFY_CONNECTION, with its socket) with a deadline for
 * the phase it is in: its request's headers within [central]
 * header_timeout seconds of the connection's start (or of the previous
 * answer, for a connection kept alive), its body within body_timeout of
 * the headers, and its answer taken within body_timeout too. A queued or
 * working request has none (the work is ours). A sweeper thread looks
 * every SWEEP_MS and shutdown(2)s the socket of a connection past its
 * deadline: libmicrohttpd sees the end of the stream and closes the
 * connection as it would one the client closed, in its own thread. The
 * track of a connection is dropped, under the same lock, before
 * libmicrohttpd closes its socket, so a shutdown never reaches a socket
 * number that was reused. What was cut is summed up in the log once a
 * minute, not a line each (a flood of them is an attack on the log).
 *
 * Slow clients within those limits (review 18: 4,500 connections from 150
 * addresses, 30 each, every one of them under max_per_address) could
 * still fill max_connections until their header deadline, and the health
 * check found no room for 8 s. So room is kept: past max_connections less
 * an eighth, each new connection closes the oldest one still waiting for
 * its headers; a client that sends its request at once (the health
 * check, a terminal) is served before its turn to be the oldest comes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "central.h"

/* how often the sweeper looks */
#define SWEEP_MS 200
/* descriptors kept beside the connections: stores, logs, libmicrohttpd's
 * own, the workers' */
#define FD_RESERVE 256

struct conn_track {
	int fd;
	enum conn_phase phase;
	struct timespec deadline;
	const char *cut; /* the phase it was closed in, or NULL */
	struct conn_track *prev, *next;
};

static const char *const phase_name[] = {"headers", "body", "work", "answer"};

static void
after(struct timespec *t, int s)
{
	clock_gettime(CLOCK_MONOTONIC, t);
	t->tv_sec += s;
}

static int
passed(const struct timespec *deadline, const struct timespec *now)
{
	return now->tv_sec > deadline->tv_sec ||
	       (now->tv_sec == deadline->tv_sec &&
	           now->tv_nsec >= deadline->tv_nsec);
}

void
limits_init(struct limits *l, struct server *sv)
{
	memset(l, 0, sizeof *l);
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->cond, NULL);
	l->sv = sv;
	l->header_s = sv->b->cfg.central_header_timeout;
	l->body_s = sv->b->cfg.central_body_timeout;
	clock_gettime(CLOCK_MONOTONIC, &l->summary_at);
}

/* Past max_connections less an eighth (under l->lock): the oldest
 * connection still waiting for its headers is closed (see the top). */
static void
keep_room(struct limits *l)
{
	int max = l->sv->max_connections, room = max / 8 > 2 ? max / 8 : 2;
	struct conn_track *t;

	if (max <= 0 || l->count <= max - room)
		return;
	for (t = l->tail; t != NULL && t != l->head; t = t->prev)
		if (t->phase == PH_HEADERS && t->cut == NULL) {
			shutdown(t->fd, SHUT_RDWR);
			t->cut = phase_name[PH_HEADERS];
			l->shed++;
			return;
		}
}

void
limits_notify(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode code)
{
	struct limits *l = cls;
	struct conn_track *t = *socket_context;
	const union MHD_ConnectionInfo *ci;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = MHD_get_connection_info(
		    c, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci == NULL)
			return; /* no deadline then: the idle timeout is left */
		t = xcalloc(1, sizeof *t);
		t->fd = ci->connect_fd;
		t->phase = PH_HEADERS;
		after(&t->deadline, l->header_s);
		pthread_mutex_lock(&l->lock);
		t->next = l->head;
		if (l->head != NULL)
			l->head->prev = t;
		else
			l->tail = t;
		l->head = t;
		l->count++;
		keep_room(l);
		pthread_mutex_unlock(&l->lock);
		*socket_context = t;
		return;
	}
	log_conn_gone(c); /* (on the thread that served it) */
	if (t == NULL)
		return;
	/* MHD_CONNECTION_NOTIFY_CLOSED: before its socket is closed */
	pthread_mutex_lock(&l->lock);
	if (t->prev != NULL)
		t->prev->next = t->next;
	else
		l->head = t->next;
	if (t->next != NULL)
		t->next->prev = t->prev;
	else
		l->tail = t->prev;
	l->count--;
	pthread_mutex_unlock(&l->lock);
	free(t);
	*socket_context = NULL;
}

static struct conn_track *
track_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci != NULL ? ci->socket_context : NULL;
}

void
limits_phase(struct limits *l, struct MHD_Connection *c, enum conn_phase ph)
{
	struct conn_track *t = track_of(c);

	if (t == NULL)
		return;
	pthread_mutex_lock(&l->lock);
	t->phase = ph;
	after(&t->deadline, ph == PH_HEADERS ? l->header_s : l->body_s);
	pthread_mutex_unlock(&l->lock);
}

const char *
limits_cut(struct limits *l, struct MHD_Connection *c)
{
	struct conn_track *t = track_of(c);
	const char *why;

	if (t == NULL)
		return NULL;
	pthread_mutex_lock(&l->lock);
	why = t->cut;
	pthread_mutex_unlock(&l->lock);
	return why;
}

/* Once a minute, what was cut since the last time (nothing when none). */
static void
summary(struct limits *l, const struct timespec *now)
{
	long n[4];
	char at[TS_BUFSZ];

	if (now->tv_sec - l->summary_at.tv_sec < 60)
		return;
	l->summary_at = *now;
	long shed = l->shed;

	memcpy(n, l->cut, sizeof n);
	memset(l->cut, 0, sizeof l->cut);
	l->shed = 0;
	if (n[PH_HEADERS] + n[PH_BODY] + n[PH_ANSWER] + shed == 0)
		return;
	svc_now(at);
	log_line(l->sv,
	    "%s - closed at their deadline in the last minute: %ld "
	    "waiting for headers (header_timeout %d s), %ld for a body, %ld "
	    "for an answer to be taken (body_timeout %d s); %ld waiting for "
	    "headers closed early, the oldest, to keep room for others",
	    at, n[PH_HEADERS], l->header_s, n[PH_BODY], n[PH_ANSWER], l->body_s,
	    shed);
}

static void *
sweeper(void *arg)
{
	struct limits *l = arg;
	struct conn_track *t;
	struct timespec now, wake;

	pthread_mutex_lock(&l->lock);
	while (!l->stop) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		for (t = l->head; t != NULL; t = t->next) {
			if (t->phase == PH_WORK || t->cut != NULL ||
			    !passed(&t->deadline, &now))
				continue;
			/* libmicrohttpd reads the end of the stream and
			 * closes it */
			shutdown(t->fd, SHUT_RDWR);
			t->cut = phase_name[t->phase];
			l->cut[t->phase]++;
		}
		summary(l, &now);
		clock_gettime(CLOCK_REALTIME, &wake);
		wake.tv_nsec += SWEEP_MS * 1000000L;
		if (wake.tv_nsec >= 1000000000L) {
			wake.tv_sec++;
			wake.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&l->cond, &l->lock, &wake);
	}
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

int
limits_start(struct limits *l)
{
	if (pthread_create(&l->sweeper, NULL, sweeper, l) != 0)
		return -1;
	l->running = 1;
	return 0;
}

void
limits_stop(struct limits *l)
{
	struct conn_track *t, *next;

	if (l->running) {
		pthread_mutex_lock(&l->lock);
		l->stop = 1;
		pthread_cond_signal(&l->cond);
		pthread_mutex_unlock(&l->lock);
		pthread_join(l->sweeper, NULL);
		l->running = 0;
	}
	for (t = l->head; t != NULL; t = next) {
		next = t->next;
		free(t);
	}
	l->head = NULL;
	pthread_cond_destroy(&l->cond);
	pthread_mutex_destroy(&l->lock);
}

int
limits_nofile(int want)
{
	struct rlimit r;
	rlim_t need = (rlim_t)want + FD_RESERVE;

	if (getrlimit(RLIMIT_NOFILE, &r) != 0)
		return want;
	if (r.rlim_cur != RLIM_INFINITY && r.rlim_cur < need) {
		r.rlim_cur = r.rlim_max == RLIM_INFINITY || r.rlim_max >= need
		                 ? need
		                 : r.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &r) != 0 &&
		    getrlimit(RLIMIT_NOFILE, &r) != 0)
			return want;
	}
	if (r.rlim_cur != RLIM_INFINITY && r.rlim_cur < need)
		return r.rlim_cur > 2 * FD_RESERVE
		           ? (int)(r.rlim_cur - FD_RESERVE)
		           : (int)(r.rlim_cur / 2);
	return want;
}
