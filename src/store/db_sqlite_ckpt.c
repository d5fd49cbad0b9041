/* db_sqlite_ckpt.c - the store's WAL checkpoints on a thread of its own
 * (SQLite only; store.h's store_checkpoints_behind): out of db_sqlite.c,
 * which it outgrew. */
#include <pthread.h>
#include <stdlib.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* SQLite's own automatic checkpoint runs at 1,000 frames, inside the
 * commit that reaches them: a payment writes some 45 to 55 frames (its
 * row, its indexes, allocations, rollups, seals, audit, outbox, the
 * numbers' trigram segment), so about one post in twenty also copied the
 * WAL's pages into the database and synced it (issue 24: the posting
 * p99). The same threshold, on a thread of the store's own. */
#define CKPT_BEHIND_FRAMES 1000

struct bg_ckpt {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int due, stop;
	int woke;      /* the WAL's frames when the thread was last woken */
	struct db *db; /* the thread's connection */
};

static int
on_wal_behind(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct store *st = arg;
	struct bg_ckpt *c = st->bg_ckpt;

	st->wal_frames = frames;
	/* posts back to back can leave the thread no moment with every
	 * frame copied and no write begun: the WAL would only grow. Past
	 * ten times the threshold, the commit checkpoints as SQLite's own
	 * hook does */
	if (frames >= 10 * CKPT_BEHIND_FRAMES) {
		/* its outcome is not the commit's (as SQLite's own) */
		sqlite3_wal_checkpoint_v2(
		    db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		return SQLITE_OK;
	}
	/* every CKPT_BEHIND_FRAMES new frames, not every commit past them:
	 * until the WAL starts again its copied frames stay in it */
	if (frames < c->woke)
		c->woke = 0; /* started again */
	if (frames - c->woke >= CKPT_BEHIND_FRAMES) {
		c->woke = frames;
		pthread_mutex_lock(&c->mu);
		c->due = 1;
		pthread_cond_signal(&c->cv);
		pthread_mutex_unlock(&c->mu);
	}
	return SQLITE_OK;
}

static void *
checkpointer(void *arg)
{
	struct bg_ckpt *c = arg;

	pthread_mutex_lock(&c->mu);
	for (;;) {
		while (!c->due && !c->stop)
			pthread_cond_wait(&c->cv, &c->mu);
		if (c->stop)
			break;
		c->due = 0;
		pthread_mutex_unlock(&c->mu);
		/* the pages copied without stopping the counter's writes
		 * (busy, a reader holds old pages: the next commit past the
		 * threshold wakes this again); the counter's next write
		 * transaction that begins with every frame copied starts
		 * the WAL again from its start */
		sqlite3_wal_checkpoint_v2(
		    c->db->lite, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&c->mu);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

int
store_checkpoints_behind(struct store *st, struct pd_err *err)
{
	struct bg_ckpt *c;

	if (st->db->pg != NULL || st->bg_ckpt != NULL)
		return 0;
	c = xcalloc(1, sizeof *c);
	if (db_sqlite_open(st->path, 0, &c->db, err) != 0) {
		free(c);
		return -1;
	}
	/* its copies synced before the WAL may start again (synchronous as
	 * the store's own connection); a connection that has read nothing
	 * does not know the WAL yet: its checkpoints would do nothing */
	if (sqlite3_exec(c->db->lite,
	        "PRAGMA synchronous=FULL; SELECT count(*) FROM sqlite_master",
	        NULL, NULL, NULL) != SQLITE_OK) {
		pd_fail(err, PD_ESTORE, "%s: %s", st->path,
		    sqlite3_errmsg(c->db->lite));
		db_close(c->db);
		free(c);
		return -1;
	}
	sqlite3_busy_timeout(c->db->lite, 0);
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	if (pthread_create(&c->thread, NULL, checkpointer, c) != 0) {
		pthread_cond_destroy(&c->cv);
		pthread_mutex_destroy(&c->mu);
		db_close(c->db);
		free(c);
		return pd_fail(err, PD_ESTORE,
		    _("The store's checkpoints could not start a thread"));
	}
	st->bg_ckpt = c;
	/* in place of the automatic checkpoint's hook */
	sqlite3_wal_hook(st->db->lite, on_wal_behind, st);
	return 0;
}

void
store_checkpoints_stop(struct store *st)
{
	struct bg_ckpt *c = st->bg_ckpt;

	if (c == NULL)
		return;
	if (st->db != NULL && st->db->lite != NULL)
		sqlite3_wal_autocheckpoint(st->db->lite, 1000);
	pthread_mutex_lock(&c->mu);
	c->stop = 1;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	db_close(c->db);
	free(c);
	st->bg_ckpt = NULL;
}
