/* queue.c - the central node's work queue: requests received whole wait
 * here for a worker, taken fairly between organisations (central.h).
 *
 * Why: the workers once took requests in order of arrival, and pushes to
 * one organisation wait for its one writer; eight big pushes to one
 * organisation held every worker while another organisation's pull
 * waited behind them for seconds. Now a push is taken only when no other
 * push to its organisation is in work, and one worker always stays free
 * for the others. */
#include <string.h>

#include "central.h"

void
queue_init(struct queue *q, int nworkers)
{
	memset(q, 0, sizeof *q);
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->cond, NULL);
	q->nworkers = nworkers < 1 ? 1 : nworkers;
}

int
queue_put(struct queue *q, struct qitem *it, void (*before)(void *), void *arg)
{
	int queued = 0;

	it->next = NULL;
	pthread_mutex_lock(&q->lock);
	if (!q->stopping) {
		if (before != NULL)
			before(arg);
		if (q->tail != NULL)
			q->tail->next = it;
		else
			q->head = it;
		q->tail = it;
		/* any worker may be the one that can take it */
		pthread_cond_broadcast(&q->cond);
		queued = 1;
	}
	pthread_mutex_unlock(&q->lock);
	return queued;
}

/* Requests of org in work, and whether one of them is a push. */
static int
in_work(const struct queue *q, const char *org, int *push)
{
	int i, n = 0;

	*push = 0;
	for (i = 0; i < q->nworkers; i++)
		if (q->on[i].busy && strcmp(q->on[i].org, org) == 0) {
			n++;
			*push |= q->on[i].push;
		}
	return n;
}

/* The request a free worker takes now, or NULL (with its predecessor in
 * *prev): the oldest of the organisations with the fewest in work,
 * among those that may be taken. Health checks (no organisation, no
 * token) are one more "organisation": a flood of them gets its share,
 * never every worker. */
static struct qitem *
pick(struct queue *q, struct qitem **prev)
{
	struct qitem *it, *p = NULL, *best = NULL;
	int n, push, best_n = WORKERS_MAX + 1;
	/* one worker kept for the other organisations */
	int cap = q->nworkers > 1 ? q->nworkers - 1 : 1;

	for (it = q->head; it != NULL; p = it, it = it->next) {
		n = in_work(q, it->org, &push);
		if (n >= cap || (it->push && push) || n >= best_n)
			continue;
		best = it;
		best_n = n;
		*prev = p;
		if (n == 0)
			break; /* none fewer */
	}
	return best;
}

struct qitem *
queue_take(struct queue *q, int w)
{
	struct qitem *it, *prev = NULL;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		it = pick(q, &prev);
		if (it != NULL || (q->stopping && q->head == NULL))
			break;
		/* nothing that may be taken: a request finishing or
		 * arriving wakes us */
		pthread_cond_wait(&q->cond, &q->lock);
	}
	if (it != NULL) {
		if (prev != NULL)
			prev->next = it->next;
		else
			q->head = it->next;
		if (q->tail == it)
			q->tail = prev;
		it->next = NULL;
		memcpy(q->on[w].org, it->org, sizeof q->on[w].org);
		q->on[w].push = it->push;
		q->on[w].busy = 1;
	}
	pthread_mutex_unlock(&q->lock);
	return it;
}

void
queue_done(struct queue *q, int w)
{
	pthread_mutex_lock(&q->lock);
	q->on[w].busy = 0;
	/* a request held back by this one may be taken now */
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

size_t
queue_take_group(
    struct queue *q, const char *org, int group, struct qitem **out, size_t max)
{
	struct qitem *it, *prev = NULL, *next;
	size_t n = 0;

	pthread_mutex_lock(&q->lock);
	for (it = q->head; it != NULL && n < max; it = next) {
		next = it->next;
		if (it->group != group || strcmp(it->org, org) != 0) {
			prev = it;
			continue;
		}
		if (prev != NULL)
			prev->next = next;
		else
			q->head = next;
		if (q->tail == it)
			q->tail = prev;
		it->next = NULL;
		out[n++] = it;
	}
	pthread_mutex_unlock(&q->lock);
	return n;
}

void
queue_stop(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->stopping = 1;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

int
queue_stopping(struct queue *q)
{
	int v;

	pthread_mutex_lock(&q->lock);
	v = q->stopping;
	pthread_mutex_unlock(&q->lock);
	return v;
}

void
queue_destroy(struct queue *q)
{
	pthread_cond_destroy(&q->cond);
	pthread_mutex_destroy(&q->lock);
}
