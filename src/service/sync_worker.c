/* sync_worker.c - the UI's background sync: one thread, its own store
 * connection (WAL lets the counter's connection read and write beside
 * it), a round every [sync] interval seconds or when kicked, the queue
 * counted every second in between. The state is copied under a mutex;
 * nothing the UI calls here waits for the network or the store.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

#define TICK_S 1 /* the queue is counted this often between rounds */

struct sync_worker {
	struct svc svc; /* the worker's own connection */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv; /* on CLOCK_MONOTONIC */
	int stop, kick;
	volatile int cancel; /* read by the HTTP client during a round */
	struct sync_status st;
};

static time_t
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* Copy the queue figures and the stored outcome of the last round. */
static void
refresh(struct sync_worker *w)
{
	struct sync_status ss;

	svc_sync_state(&w->svc, &ss);
	pthread_mutex_lock(&w->mu);
	w->st.pending = ss.pending;
	w->st.quarantined = ss.quarantined;
	w->st.cursor = ss.cursor;
	memcpy(w->st.last_ok, ss.last_ok, sizeof w->st.last_ok);
	memcpy(w->st.last_try, ss.last_try, sizeof w->st.last_try);
	if (w->st.rounds == 0)
		memcpy(
		    w->st.last_error, ss.last_error, sizeof w->st.last_error);
	pthread_mutex_unlock(&w->mu);
}

static int
progress(const char *phase, int64_t done, int64_t total, void *arg)
{
	struct sync_worker *w = arg;
	int stop;

	pthread_mutex_lock(&w->mu);
	xstrlcpy(w->st.phase, phase, sizeof w->st.phase);
	w->st.done = done;
	w->st.total = total;
	stop = w->stop;
	pthread_mutex_unlock(&w->mu);
	return stop;
}

static void
round_once(struct sync_worker *w)
{
	struct sync_report rep;
	struct pd_err err = {0};
	int rc;

	rc = svc_sync(&w->svc, progress, w, &w->cancel, &rep, &err);
	pthread_mutex_lock(&w->mu);
	w->st.running = 0;
	w->st.phase[0] = '\0';
	w->st.rounds++;
	w->st.last = rep;
	if (rc == 0) {
		w->st.link = LINK_ONLINE;
		w->st.last_error[0] = '\0';
	} else {
		/* a refusal or a bad answer still means the node was
		 * reached: the screen says which */
		w->st.link =
		    err.code == PD_ENET
		        ? (rep.bad_answer ? LINK_BAD_ANSWER : LINK_OFFLINE)
		    : err.code == PD_EAUTH || err.code == PD_EINVAL
		        ? LINK_REFUSED
		    : err.code == PD_ECANCEL ? w->st.link
		                             : LINK_FAILED;
		xstrlcpy(w->st.last_error, err.msg, sizeof w->st.last_error);
	}
	pthread_mutex_unlock(&w->mu);
}

static void *
run(void *arg)
{
	struct sync_worker *w = arg;
	time_t next = 0; /* the first round at once */

	for (;;) {
		int due;

		refresh(w);
		pthread_mutex_lock(&w->mu);
		if (w->stop) {
			pthread_mutex_unlock(&w->mu);
			break;
		}
		due = w->kick || mono() >= next;
		if (due) {
			w->kick = 0;
			w->st.running = 1;
			w->st.done = w->st.total = 0;
		}
		pthread_mutex_unlock(&w->mu);
		if (due) {
			round_once(w);
			next = mono() + w->svc.cfg.sync_interval;
			continue;
		}
		pthread_mutex_lock(&w->mu);
		if (!w->stop && !w->kick) {
			struct timespec until;

			clock_gettime(CLOCK_MONOTONIC, &until);
			until.tv_sec += TICK_S;
			pthread_cond_timedwait(&w->cv, &w->mu, &until);
		}
		pthread_mutex_unlock(&w->mu);
	}
	return NULL;
}

struct sync_worker *
svc_sync_worker_start(const struct svc *s, struct pd_err *err)
{
	struct sync_worker *w;
	pthread_condattr_t ca;

	err->code = 0;
	err->msg[0] = '\0';
	if (s->cfg.sync_url[0] == '\0')
		return NULL;
	w = xcalloc(1, sizeof *w);
	w->svc.cfg = s->cfg;
	/* the alerts its rounds raise or pull go to the UI's delivery
	 * (alert_worker.c), whose failures the UI shows */
	w->svc.deliverer = s->deliverer;
	if (store_open(w->svc.cfg.store_path, 0, &w->svc.st, err) != 0) {
		free(w);
		return NULL;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&w->cv, &ca);
	pthread_condattr_destroy(&ca);
	w->st.configured = 1;
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		store_close(w->svc.st);
		free(w);
		pd_fail(err, PD_ENET,
		    _("The background sync could not start a thread"));
		return NULL;
	}
	return w;
}

void
svc_sync_worker_status(struct sync_worker *w, struct sync_status *st)
{
	if (w == NULL) {
		memset(st, 0, sizeof *st);
		return;
	}
	pthread_mutex_lock(&w->mu);
	*st = w->st;
	pthread_mutex_unlock(&w->mu);
}

void
svc_sync_worker_kick(struct sync_worker *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->kick = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

void
svc_sync_worker_stop(struct sync_worker *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = 1;
	__atomic_store_n(&w->cancel, 1, __ATOMIC_SEQ_CST);
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	svc_close(&w->svc);
	free(w);
}
