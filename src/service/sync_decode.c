/* sync_decode.c - the records of the pull page being applied, decoded
 * ahead on a thread of their own (sync_page_entry: the record's fields
 * read out of the page's document and checked), a few at a time, while
 * the applying thread writes the ones before them. The decode was 18%
 * of the applying thread in a fresh terminal's pull of 1,000,000
 * consumers (perf: sync_page_entry, ~3.2 s), the thread the pull waits
 * for, with CPU to spare on the other core (the fetching thread's page
 * and the central node's answer are about half of it). Each record is
 * decoded exactly as before and taken in the page's order; a record is
 * 30 KB (struct syncrec), so DEC_RING of them are held at most. Without
 * a thread the applying thread decodes each as it comes to it.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"
#include "sync_round_int.h"

#define DEC_RING 16

/* Each side goes on without a lock while the other keeps ahead (the
 * counters are atomic), and sleeps on cv only when it must: a lock and
 * a wake-up for each record cost 2 s of system time in futex calls over
 * 1,000,000 records. A side that sleeps says what it waits for (want,
 * under mu), and the other wakes it once that is reached; the decoding
 * side sleeps until half the ring is free again. */
struct sync_decode {
	const struct sync_page *pg;
	struct syncrec *ring; /* entry i in ring[i % DEC_RING] */
	int64_t seq[DEC_RING];
	int rc[DEC_RING];
	struct pd_err err[DEC_RING];
	/* the entries decoded; the entries the applying thread is done
	 * with (their records freed); whether it has stopped; whether the
	 * decoding side has (the page's end, or a record not decoded) */
	atomic_size_t made, taken;
	atomic_int stop, done;
	/* a side asleep on cv and the count it waits for (0: none) */
	atomic_size_t want_made, want_taken;
	int threaded;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t th;
};

static void
decode_one(struct sync_decode *d, size_t i)
{
	size_t k = i % DEC_RING;

	memset(&d->err[k], 0, sizeof d->err[k]);
	d->rc[k] =
	    sync_page_entry(d->pg, i, &d->seq[k], &d->ring[k], &d->err[k]);
}

/* The other side woken if it sleeps for a count *n has now reached. */
static void
wake(struct sync_decode *d, atomic_size_t *want, size_t n)
{
	size_t w = atomic_load(want);

	if (w != 0 && n >= w) {
		pthread_mutex_lock(&d->mu);
		pthread_cond_broadcast(&d->cv);
		pthread_mutex_unlock(&d->mu);
	}
}

/* Sleep until *n reaches w or the side that moves it has ended. */
static void
wait_for(struct sync_decode *d, atomic_size_t *n, atomic_size_t *want, size_t w,
    atomic_int *end)
{
	pthread_mutex_lock(&d->mu);
	atomic_store(want, w);
	while (atomic_load(n) < w && !atomic_load(end))
		pthread_cond_wait(&d->cv, &d->mu);
	atomic_store(want, 0);
	pthread_mutex_unlock(&d->mu);
}

static void *
decode_run(void *arg)
{
	struct sync_decode *d = arg;
	size_t i;

	for (i = 0; i < d->pg->n; i++) {
		if (i - atomic_load(&d->taken) >= DEC_RING)
			wait_for(d, &d->taken, &d->want_taken,
			    i - DEC_RING / 2 + 1, &d->stop);
		if (atomic_load(&d->stop))
			break;
		decode_one(d, i);
		atomic_store(&d->made, i + 1);
		wake(d, &d->want_made, i + 1);
		/* a record that does not decode ends the page's apply */
		if (d->rc[i % DEC_RING] != 0)
			break;
	}
	pthread_mutex_lock(&d->mu);
	atomic_store(&d->done, 1);
	pthread_cond_broadcast(&d->cv);
	pthread_mutex_unlock(&d->mu);
	return NULL;
}

struct sync_decode *
sync_decode_start(const struct sync_page *pg)
{
	struct sync_decode *d = xcalloc(1, sizeof *d);

	d->pg = pg;
	d->ring = xcalloc(DEC_RING, sizeof *d->ring);
	atomic_init(&d->made, 0);
	atomic_init(&d->taken, 0);
	atomic_init(&d->stop, 0);
	atomic_init(&d->done, 0);
	atomic_init(&d->want_made, 0);
	atomic_init(&d->want_taken, 0);
	pthread_mutex_init(&d->mu, NULL);
	pthread_cond_init(&d->cv, NULL);
	d->threaded =
	    pg->n > 1 && pthread_create(&d->th, NULL, decode_run, d) == 0;
	return d;
}

int
sync_decode_next(struct sync_decode *d, size_t i, int64_t *seq,
    struct syncrec **r, struct pd_err *err)
{
	size_t k = i % DEC_RING;

	if (!d->threaded)
		decode_one(d, i);
	else if (atomic_load(&d->made) <= i)
		/* a few at once: woken for each, the two sides took turns
		 * record by record whenever the decoding one fell behind */
		wait_for(d, &d->made, &d->want_made,
		    i + DEC_RING / 2 < d->pg->n ? i + DEC_RING / 2 : d->pg->n,
		    &d->done);
	*seq = d->seq[k];
	*r = &d->ring[k];
	if (d->rc[k] != 0) {
		*err = d->err[k];
		return -1;
	}
	return 0;
}

void
sync_decode_taken(struct sync_decode *d)
{
	size_t n = atomic_fetch_add(&d->taken, 1) + 1;

	if (d->threaded)
		wake(d, &d->want_taken, n);
}

void
sync_decode_end(struct sync_decode *d)
{
	size_t i, made;

	if (d == NULL)
		return;
	if (d->threaded) {
		pthread_mutex_lock(&d->mu);
		atomic_store(&d->stop, 1);
		pthread_cond_broadcast(&d->cv);
		pthread_mutex_unlock(&d->mu);
		pthread_join(d->th, NULL);
		/* decoded and never taken: a record that did not decode was
		 * freed by sync_page_entry */
		made = atomic_load(&d->made);
		for (i = atomic_load(&d->taken); i < made; i++)
			if (d->rc[i % DEC_RING] == 0)
				syncrec_free(&d->ring[i % DEC_RING]);
	}
	pthread_cond_destroy(&d->cv);
	pthread_mutex_destroy(&d->mu);
	free(d->ring);
	free(d);
}
