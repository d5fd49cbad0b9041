/* central.h - what paydesk-central's files share: the server (http.c),
 * its work queue (queue.c), its connection limits and deadlines
 * (limits.c), its log (log.c) and its certificate (tls.c). */
#ifndef PAYDESK_CENTRAL_H
#define PAYDESK_CENTRAL_H
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <microhttpd.h>

#include "backend.h"
#include "paydesk/service.h"

/* the upper bound of [central] threads (config.c) */
#define WORKERS_MAX 64

/* A request received whole, as the work queue sees it: whose it is and
 * whether it writes. Embedded in http.c's request. */
/* the requests answered in group commits, each kind with its own */
enum { GROUP_NONE, GROUP_GATEWAY, GROUP_PUSH };

struct qitem {
	char org[33]; /* "" when it has none (the health check) */
	int push;     /* it waits for the organisation's writer */
	int group;    /* kept in a group commit: GROUP_GATEWAY, GROUP_PUSH */
	struct qitem *next;
};

/* The work queue: requests received whole wait here for a worker. A
 * worker takes the oldest request of the organisation that has the
 * fewest requests in work; a push only when no other push to its
 * organisation is in work (pushes wait for the organisation's one writer
 * anyway, and a worker waiting there would be lost to the others); and
 * no organisation ever has all workers while one stays free for the
 * others (with one worker, one request at a time). Health checks count
 * as one organisation of their own. */
struct queue {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct qitem *head, *tail; /* in order of arrival */
	int nworkers;
	struct {
		char org[33];
		int busy, push;
	} on[WORKERS_MAX]; /* what each worker is answering */
	int stopping;
};

/* Ready an empty queue for nworkers workers (1..WORKERS_MAX). */
void queue_init(struct queue *q, int nworkers);
/* Queue it; before(arg) runs first, under the queue's lock (a
 * connection is suspended there before a worker can resume it). 0 when
 * the queue is stopping: it is refused, before() did not run. */
int queue_put(
    struct queue *q, struct qitem *it, void (*before)(void *), void *arg);
/* Worker w's next request, waiting for one; NULL once the queue stops
 * and nothing is left. Call queue_done(q, w) when it is answered. */
struct qitem *queue_take(struct queue *q, int w);
void queue_done(struct queue *q, int w);
/* Up to max more queued requests of org of group kind group (GROUP_*),
 * oldest first, into out, taken off the queue for the worker that holds
 * a request of that group (queue_done for it covers them); their
 * count. */
size_t queue_take_group(struct queue *q, const char *org, int group,
    struct qitem **out, size_t max);
/* Refuse new requests and wake every worker (they answer what is
 * queued, without doing it: see queue_stopping). */
void queue_stop(struct queue *q);
/* Whether queue_stop was called. */
int queue_stopping(struct queue *q);
void queue_destroy(struct queue *q);

/* Where a connection is, for its deadline (limits.c). */
enum conn_phase {
	PH_HEADERS, /* waiting for a request's headers: header_timeout */
	PH_BODY,    /* reading its body: body_timeout from the headers */
	PH_WORK,    /* queued or in work: no deadline */
	PH_ANSWER,  /* sending the answer: body_timeout */
};

/* Every open connection with its deadline; a sweeper thread shuts down
 * the socket of one whose deadline passed (libmicrohttpd then closes it
 * as it would a client that went away). */
struct limits {
	pthread_mutex_t lock;
	pthread_cond_t cond;            /* wakes the sweeper to stop */
	struct conn_track *head, *tail; /* newest first */
	int count;                      /* connections tracked */
	long shed; /* slow ones closed early for room, since the summary */
	int header_s, body_s;
	int stop, running;
	pthread_t sweeper;
	long cut[4]; /* closed at a deadline since the last summary, by phase */
	struct timespec summary_at;
	struct server *sv;
};

/* The addresses of [central] gateway_allow: an address matches when
 * (addr & mask) == net (network byte order). */
#define GW_ALLOW_MAX 32
struct gw_allow {
	uint32_t net, mask;
};

/* A gateway's request as its headers left it (gateway.c): the gateway,
 * what of the headers is kept, and where it came from. */
struct gw_req {
	struct gateway_row g;
	int validate;       /* the mobile-money validation callback */
	char source[46];    /* the client's address */
	char sig[1100];     /* the signature header; "" when absent */
	char headers[1400]; /* the kept headers, a JSON object */
};

/* The answer to a gateway's request. */
struct gw_answer {
	unsigned status;
	char *body; /* owned */
	int retry_after;
	char note[64]; /* for the log line */
};

struct server {
	struct backend *b;
	FILE *log;
	pthread_mutex_t lock; /* the log and the counters */
	long pushes;
	struct queue q;
	struct limits lim;
	/* libmicrohttpd's messages: how many logged in this minute, how many
	 * not (log.c) */
	struct timespec mhd_window;
	long mhd_logged, mhd_dropped;
	char mhd_msg[256]; /* libmicrohttpd's last complaint while starting */
	int started;
	int tls; /* served over TLS: libmicrohttpd writes every byte */
	int max_connections; /* [central] max_connections, or less when the
	                        open-file limit allows less */
	/* test hooks ($PAYDESK_CENTRAL_HOOK) */
	long drop_after_push; /* drop the connection after this push commits */
	long slow_ms;         /* wait before answering each request */
	long stop_grace_ms;   /* on SIGTERM, the wait for the requests in
	                         work (0: STOP_GRACE_MS, http.c) */
	/* the most gateway notifications in one group commit (0: the
	 * default, GW_GROUP_MAX; 1: one commit each, as before groups) */
	long group_max;
	struct gw_allow gw_allow[GW_ALLOW_MAX]; /* [central] gateway_allow */
	int ngw_allow;
};

/* Serve until one of the signals in stop (blocked in every thread)
 * comes. */
int server_run(struct server *sv, const sigset_t *stop, struct pd_err *err);

/* [central] tls_cert and tls_key, both or neither, read whole into *cert
 * and *key (the caller frees them; both NULL for plain http), or -1 with
 * err naming the key and the file. */
int tls_read(
    const struct config *cfg, char **cert, char **key, struct pd_err *err);

/* Ready l for sv's [central] header_timeout and body_timeout. */
void limits_init(struct limits *l, struct server *sv);
/* Start the sweeper; -1 when no thread could be made. */
int limits_start(struct limits *l);
/* Stop the sweeper (the connections stay) and free what is left. */
void limits_stop(struct limits *l);
/* libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION (cls: struct limits). */
void limits_notify(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode code);
/* Connection c moves to phase ph; its deadline starts now. */
void limits_phase(
    struct limits *l, struct MHD_Connection *c, enum conn_phase ph);
/* Whether c was closed at a deadline: the phase's name, or NULL. */
const char *limits_cut(struct limits *l, struct MHD_Connection *c);
/* Raise the soft open-file limit to what want connections need; the
 * connections it allows (want, or fewer when the hard limit is lower). */
int limits_nofile(int want);

/* Write s into out (n bytes, n >= 8) with every control character
 * (C0, DEL, C1, line separators, bidirectional controls) and every byte
 * that is not UTF-8 escaped (\xHH, \uHHHH), cut at a character with
 * "..." when it does not fit; with field, also the space, the double
 * quote and the backslash, so that it stays one field of a log line.
 * The log never holds a byte a client chose to break a line or a
 * terminal with. */
void log_escape(char *out, size_t n, const char *s, int field);
/* The connection whose request line this network thread read last (the
 * URI callback), and its end (limits_notify): log_mhd answers a
 * Content-Length libmicrohttpd refuses itself, once (log.c). */
void log_conn_seen(struct MHD_Connection *c);
void log_conn_gone(struct MHD_Connection *c);
/* One line in sv's log (a newline added), under sv->lock. */
void log_line(struct server *sv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* libmicrohttpd's MHD_OPTION_EXTERNAL_LOGGER (cls: struct server): its
 * first message kept while starting (why it could not), then at most
 * MHD_LOG_PER_MINUTE a minute, escaped, and a count of the others. */
void log_mhd(void *cls, const char *fmt, va_list ap);
/* The text of an import error without a byte of the file: the location
 * ("FILE:LINE:COLUMN: field:") and what is wrong are kept, the quoted
 * values between are replaced, control bytes escaped. In place. */
void log_redact(char *msg, size_t n);

/* [central] gateway_allow read into sv; -1 with err naming the entry
 * that is not an address. */
int gateway_allow_load(struct server *sv, struct pd_err *err);
/* Judge a gateway's request on its headers: path is the URL after
 * "/v1/gateway/". 0 with g filled, or -1 with the status and the message
 * of the answer (n bytes). Runs on a network thread. */
int gateway_admit(struct server *sv, struct MHD_Connection *c, const char *path,
    struct gw_req *g, unsigned *status, char *msg, size_t n);
/* A gateway's request received whole, and its answer. */
struct gw_job {
	const struct gw_req *g;
	const char *body; /* NULL: empty */
	size_t len;
	struct gw_answer a;
};
/* Answer n gateway requests of one organisation received whole (on a
 * worker): validations each, notifications in one group commit. */
void gateway_handle(struct server *sv, struct gw_job *jobs, size_t n);
/* `paydesk-central gateway ...` (argv after "gateway"). */
/* An identifier of the command line (organisation, branch, terminal,
 * gateway): letters, digits and '-', 1..max characters; else PD_EUSAGE
 * naming what. */
int central_check_id(
    const char *what, const char *v, size_t max, struct pd_err *err);
/* A new one's: as central_check_id, and beginning with a letter or a
 * digit (not an option mistyped). */
int central_check_new_id(
    const char *what, const char *v, size_t max, struct pd_err *err);
/* PD_EUSAGE: option opt (with its "--") is given twice. */
int central_twice(const char *opt, struct pd_err *err);
/* Option opt (with its "--") taking value v into *slot; PD_EUSAGE when
 * it was given already (*slot not NULL): the second would silently
 * replace the first, as paydesk's own options refuse (review s50). */
int central_opt_once(
    const char *opt, const char **slot, const char *v, struct pd_err *err);
/* A filter's option (--org, --currency, --method, --branch, --account,
 * --terminal) as central_opt_once takes it, v (argv's) trimmed of the
 * white space around it in place; PD_EUSAGE when nothing is left. A
 * value the node does not know is PD_EUSAGE too, naming the option, the
 * value and the values there are (paydesk-central(8) EXIT STATUS). */
int central_filter_opt(
    const char *opt, const char **slot, char *v, struct pd_err *err);
/* --terminal t names one of org's terminals (t NULL: none asked): 0,
 * else PD_EUSAGE naming them. */
int central_terminal_known(
    struct backend *b, const char *org, const char *t, struct pd_err *err);
/* A date option (--from, --to) as central_opt_once takes it, checked
 * by the one rule of paydesk-central(8) EXIT STATUS: PD_EUSAGE for a
 * value not of the form YYYY-MM-DD, PD_EINVAL for one of the form that
 * is no real day (2026-02-30, 0001-01-01); the message names opt and v. */
int central_date_opt(
    const char *opt, const char **slot, const char *v, struct pd_err *err);
int gateway_cmd(struct backend *b, int argc, char **argv, struct pd_err *err);
/* `paydesk-central shifts ORG ...` (argv after "shifts", shifts.c). */
int shifts_cmd(struct backend *b, int argc, char **argv, struct pd_err *err);
/* `paydesk-central deposits ORG ...` (argv after "deposits",
 * deposits.c). */
int deposits_cmd(struct backend *b, int argc, char **argv, struct pd_err *err);
/* `paydesk-central statements ORG ...`, `exceptions ORG ...` and
 * `reconciliation ORG ...` (recon.c). */
int statements_cmd(
    struct backend *b, int argc, char **argv, struct pd_err *err);
int exceptions_cmd(
    struct backend *b, int argc, char **argv, struct pd_err *err);
int reconciliation_cmd(
    struct backend *b, int argc, char **argv, struct pd_err *err);
/* `paydesk-central collections ...` (argv after "collections",
 * collections.c). */
int collections_cmd(
    struct backend *b, int argc, char **argv, struct pd_err *err);
/* `paydesk-central gaps ORG ...` (argv after "gaps", gaps.c). */
int gaps_cmd(struct backend *b, int argc, char **argv, struct pd_err *err);
/* `paydesk-central reanchors ORG ...` (argv after "reanchors",
 * reanchors.c). */
int reanchors_cmd(struct backend *b, int argc, char **argv, struct pd_err *err);
/* A row of a command's table on standard output: cell i padded to w[i]
 * display columns (never bytes: translated headings and words are UTF-8),
 * one space between, the last right-aligned if right_last; a longer cell
 * is printed whole. */
void central_row(const char *const *cells, const int *w, int n, int right_last);
/* The headings' row: w[i] widened first to heading i's width, so that a
 * translated heading keeps its column (issue 25). */
void central_head(const char *const *heads, int *w, int n, int right_last);
/* Under the headings of a table that had no row (n), "(none)", as the
 * terminal's listings say it (s72 fault 2: the headings alone); text
 * only, --json's array stays empty. */
void central_none(size_t n);

#endif
