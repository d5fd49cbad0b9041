/* alert_worker.c - the UI's delivery of the alerts to [alerts] command
 * (issue 21, "Optional delivery"; helper-240: signing in waited 16 s
 * while six waiting alerts went to a slow command, the Home screen drawn
 * after the last; a payment waited for its alert's the same way). One
 * thread with its own store connection, as the background sync's
 * (sync_worker.c): the UI's alerts_deliver only kicks it; it delivers
 * under the lease (alert_deliver.c), so it and the sync's rounds never
 * give an alert twice. The last failure is kept for the UI to show.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "alerts_int.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* how long the UI's end waits for a command under way before it says
 * so: then it waits for the command to end, at most its own timeout,
 * past which the command is stopped with its process group, as any
 * (helper-247, fault 1: a command left running when the screens ended
 * was never stopped, and its alert, not marked, was given to it again
 * by the next use while the first copy still ran) */
#define STOP_WAIT_S 2

struct alert_worker {
	struct svc svc; /* the worker's own connection */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop, kick;
	struct config cfg; /* the UI's, as of the last kick */
	char note[sizeof((struct svc *)0)->alert_note];
	unsigned failures; /* rounds that failed so far */
};

static void *
run(void *arg)
{
	struct alert_worker *w = arg;
	struct pd_err err;
	int rc;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->stop && !w->kick)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->stop)
			break;
		w->kick = 0;
		/* the command and its timeout as the UI has them now (a
		 * sign-in takes the organisation's settings) */
		w->svc.cfg = w->cfg;
		pthread_mutex_unlock(&w->mu);
		memset(&err, 0, sizeof err);
		rc = alerts_deliver(&w->svc, &err);
		pthread_mutex_lock(&w->mu);
		if (rc != 0) {
			xstrlcpy(w->note, err.msg, sizeof w->note);
			w->failures++;
		}
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

struct alert_worker *
svc_alert_worker_start(struct svc *s, struct pd_err *err)
{
	struct alert_worker *w;

	err->code = 0;
	err->msg[0] = '\0';
	w = xcalloc(1, sizeof *w);
	w->svc.cfg = s->cfg;
	w->cfg = s->cfg;
	if (store_open(w->svc.cfg.store_path, 0, &w->svc.st, err) != 0) {
		free(w);
		return NULL;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		store_close(w->svc.st);
		free(w);
		pd_fail(err, PD_ESTORE,
		    _("The alerts' delivery could not start a thread"));
		return NULL;
	}
	s->deliverer = w;
	return w;
}

void
svc_alert_worker_kick(struct alert_worker *w, const struct config *cfg)
{
	pthread_mutex_lock(&w->mu);
	w->cfg = *cfg;
	w->kick = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

int
svc_alert_worker_note(
    struct alert_worker *w, unsigned *seen, char *buf, size_t n)
{
	int fresh;

	if (w == NULL)
		return 0;
	pthread_mutex_lock(&w->mu);
	fresh = w->failures != *seen;
	if (fresh) {
		*seen = w->failures;
		xstrlcpy(buf, w->note, n);
	}
	pthread_mutex_unlock(&w->mu);
	return fresh;
}

void
svc_alert_worker_stop(
    struct svc *s, void (*waiting)(void *arg, int secs), void *arg)
{
	struct alert_worker *w = s->deliverer;
	struct timespec until;
	int secs;

	if (w == NULL)
		return;
	s->deliverer = NULL;
	pthread_mutex_lock(&w->mu);
	secs = w->svc.cfg.alert_command_timeout; /* the round's */
	w->stop = 1;
	__atomic_store_n(&w->svc.deliver_halt, 1, __ATOMIC_RELAXED);
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += STOP_WAIT_S;
	if (pthread_timedjoin_np(w->thread, NULL, &until) != 0) {
		/* the command under way ends by its timeout at the latest */
		if (waiting != NULL)
			waiting(arg, secs);
		pthread_join(w->thread, NULL);
	}
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	svc_close(&w->svc);
	free(w);
}
