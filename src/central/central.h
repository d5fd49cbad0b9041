/* central.h - what paydesk-central's files share. */
#ifndef PAYDESK_CENTRAL_H
#define PAYDESK_CENTRAL_H
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

#include "backend.h"
#include "paydesk/service.h"

struct request;

struct server {
	struct backend *b;
	FILE *log;
	pthread_mutex_t lock; /* the log and the counters */
	long pushes;
	/* requests received whole, waiting for a worker (http.c) */
	pthread_mutex_t qlock;
	pthread_cond_t qcond;
	struct request *head, *tail;
	int stopping;
	char mhd_msg[256]; /* libmicrohttpd's last complaint while starting */
	int started;
	/* test hooks ($PAYDESK_CENTRAL_HOOK) */
	long drop_after_push; /* drop the connection after this push commits */
	long slow_ms;         /* wait before answering each request */
};

/* Serve until one of the signals in stop (blocked in every thread)
 * comes. */
int server_run(struct server *sv, const sigset_t *stop, struct pd_err *err);

#endif
