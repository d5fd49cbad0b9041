/* sync_pull.c - the pull of the terminal's sync round: pages fetched on
 * a thread of their own (the next two while this one is applied),
 * each checked to follow the cursor, its records applied (one refused is set
 * aside with its reason and the rest go on), and the pages committed
 * together with the cursor, so that a crash or a failure re-pulls what
 * was not committed. The round and its push are sync_round.c's.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/say.h"
#include "paydesk/syncnet.h"
#include "paydesk/xmalloc.h"
#include "sync_round_int.h"

#define SYNC_TX_ENTRIES 100000 /* pulled entries committed together */
/* a transaction whose first page holds fewer entries applies its items
 * row by row: their triggers dropped and made again (item_defer.c) cost
 * more than a few rows' triggers */
#define SYNC_DEFER_ENTRIES 256

/* What a pulled record is known by: its document number, account,
 * reference, user name or setting key. */
static const char *
record_ref(const struct syncrec *r)
{
	switch (r->kind) {
	case SR_PAYMENT:
	case SR_VOID:
	case SR_VERIFY:
		return r->p.payment_no;
	case SR_CREDIT_NOTE:
	case SR_CREDIT_APPLY:
		return r->cn.cn_no;
	case SR_CONSUMER:
		return r->c.account_no;
	case SR_ITEM:
		return r->it.ref;
	case SR_GW_PAYMENT:
	case SR_GW_ASSOC:
		return r->gp.code;
	case SR_USER:
		return r->u.username;
	case SR_SHIFT_OPEN:
		return r->uuid;
	case SR_SHIFT_MOVE:
		return r->shift_uuid;
	case SR_SHIFT_CLOSE:
		return r->sh.z_no;
	case SR_ARRANGEMENT:
		return r->arr.plan_no;
	case SR_DEPOSIT:
		return r->dep.slip_no;
	case SR_STATEMENT:
	case SR_STMT_MATCH:
		return r->stmt.stmt_key;
	case SR_DISPUTE:
		return r->dsp.dispute_no;
	case SR_ALERT:
		return r->alert_cause;
	case SR_RECON_RESOLVE:
		return r->res.e.ref;
	default:
		return r->set.key;
	}
}

/* Set aside pulled record r (feed entry seq) that this terminal refused
 * for why: kept with the reason in the quarantine, in the transaction
 * that moves the cursor past it, so that it never blocks the pull
 * (issue 18, part 1). */
static int
set_aside(struct svc *s, int64_t seq, const struct syncrec *r,
    const struct pd_err *e, struct pd_err *err)
{
	const char *why = e->said[0] ? e->said : e->msg;
	struct outbox_rec q;
	int rc;

	memset(&q, 0, sizeof q);
	xstrlcpy(q.uuid, r->uuid, sizeof q.uuid);
	xstrlcpy(q.kind, syncrec_kind_name(r->kind), sizeof q.kind);
	xstrlcpy(q.ref, record_ref(r), sizeof q.ref);
	xstrlcpy(q.created_at, r->at, sizeof q.created_at);
	/* this terminal's own words: kept to be said again (say.h) */
	say_keep(q.reason, sizeof q.reason,
	    N_("pulled from the central node and refused here: %s"), 1, &why);
	svc_now(q.rejected_at);
	q.payload = syncrec_encode(r);
	rc = store_pull_set_aside(s->st, seq, &q, err);
	free(q.payload);
	return rc;
}

/* A pulled record the store refused for a key a record here has already
 * (a UNIQUE constraint): e says which record and what clashed, never
 * SQLite's words alone (review R20, fault 2: "Writing to the store:
 * UNIQUE constraint failed: deposits.slip_no"). */
static void
clash_named(const struct syncrec *r, struct pd_err *e)
{
	static const char unique[] = "UNIQUE constraint failed: ";
	const char *c = strstr(e->msg, unique);
	char what[128];

	if (c == NULL)
		return;
	xstrlcpy(what, c + strlen(unique), sizeof what);
	pd_fail(e, PD_EINVAL,
	    _("%s %s of terminal %s (%s) has the same %s as a record this "
	      "terminal has already"),
	    syncrec_kind_name(r->kind), r->uuid, r->terminal, record_ref(r),
	    what);
}

/* Apply the records of a page. each 0: all in one go, and 1 as soon as
 * one is refused (the caller rolls back and comes again with each 1);
 * each 1: every record in its own savepoint, a refused one counted as a
 * conflict and set aside. A record the pull checks refuse is set aside
 * either way. A savepoint per record is what makes the fast path worth
 * it: each one flushes the consumer search index. -1: the store failed
 * or the page is not understood. */
/* Note the branch of the other terminal that made r, as the central
 * node's directory gives it (migration 86: the rows it made are of that
 * branch in every list, before a payment of it comes); last: the
 * terminal noted last, not noted again in the page. */
static int
note_branch(struct svc *s, const struct syncrec *r, char last[2][17],
    struct pd_err *err)
{
	if (r->branch[0] == '\0' || r->terminal[0] == '\0' ||
	    syncrec_reference(r->kind) ||
	    strcmp(r->terminal, s->cfg.terminal_id) == 0 ||
	    (strcmp(last[0], r->terminal) == 0 &&
	        strcmp(last[1], r->branch) == 0))
		return 0;
	if (store_terminal_branch_note(s->st, r->terminal, r->branch, err) != 0)
		return -1;
	xstrlcpy(last[0], r->terminal, sizeof last[0]);
	xstrlcpy(last[1], r->branch, sizeof last[1]);
	return 0;
}

static int
apply_records(struct svc *s, const struct sync_page *pg, int each,
    int64_t *conflicts, struct pd_err *err)
{
	/* the records decoded ahead, in order (sync_decode.c) */
	struct sync_decode *d = sync_decode_start(pg);
	struct syncrec *r;
	char last[2][17] = {"", ""};
	int64_t seq;
	size_t i;
	int rc = 0;

	*conflicts = 0;
	for (i = 0; i < pg->n && rc == 0; i++) {
		struct pd_err e = {0};

		if (sync_decode_next(d, i, &seq, &r, err) != 0) {
			pd_err_prefix(
			    err, _("A pull page was not understood: "));
			err->code = PD_ENET;
			rc = -1;
			break;
		}
		if (svc_sync_check_pull(s, r, pg, i, &e) != 0) {
			if (e.code == PD_ESTORE) {
				*err = e;
				rc = -1;
			} else if (set_aside(s, seq, r, &e, err) != 0)
				rc = -1;
			else
				(*conflicts)++;
			syncrec_free(r);
			sync_decode_taken(d);
			continue;
		}
		if (each && store_begin(s->st, err) != 0) {
			syncrec_free(r);
			sync_decode_taken(d);
			rc = -1;
			break;
		}
		if (svc_apply_record(s, APPLY_REPLICA, r, &e) < 0) {
			if (e.code == PD_ESTORE) {
				*err = e;
				rc = -1;
			} else if (!each)
				rc = 1;
			if (each)
				store_rollback(s->st);
			if (each && rc == 0) {
				clash_named(r, &e);
				if (set_aside(s, seq, r, &e, err) != 0)
					rc = -1;
				(*conflicts)++;
			}
		} else if (note_branch(s, r, last, err) != 0 ||
		           (each && store_commit(s->st, err) != 0)) {
			if (each)
				store_rollback(s->st);
			rc = -1;
		}
		s->pull_found_kind = 0; /* taken by the apply, or stale */
		syncrec_free(r);
		sync_decode_taken(d);
	}
	sync_decode_end(d);
	return rc;
}

/* Apply one pulled page and move the cursor, inside the pull's open
 * transaction. careful 0: the records straight in the transaction, 1
 * (and nothing written) as soon as one is refused: the caller rolls
 * the pages not committed back and pulls them again carefully. careful
 * 1: in a savepoint, so that a page with a refused record is applied
 * again record by record. A savepoint a page is dear: every statement
 * with triggers inside it (an item's rollups and seal) ends by walking
 * SQLite's in-memory statement journal from its start, the page's
 * pages copied into it so far (perf, a fresh terminal's pull of 100,000
 * consumers and 40,000 bills: 11% of the terminal's CPU in that walk,
 * memjrnlTruncate under sqlite3VdbeHalt, and as much again in the
 * journal's mallocs and frees; issue 24). */
static int
apply_page(struct svc *s, const struct sync_page *pg, int64_t *conflicts,
    int careful, struct pd_err *err)
{
	char cur[32], at[TS_BUFSZ], detail[96];
	int rc;

	s->pull_in_page = 1;
	s->pull_nreread = 0;
	if (!careful)
		rc = apply_records(s, pg, 0, conflicts, err);
	else if ((rc = store_begin(s->st, err)) == 0) {
		rc = apply_records(s, pg, 0, conflicts, err);
		if (rc == 0 && store_commit(s->st, err) != 0)
			rc = -1;
		else if (rc != 0) {
			store_rollback(s->st);
			if (rc > 0)
				rc = apply_records(s, pg, 1, conflicts, err);
		}
	}
	s->pull_in_page = 0;
	if (rc != 0) {
		s->pull_nreread = 0;
		return rc;
	}
	/* the page's items into their rollups and sealed, before its
	 * entry, which claims their seals (item_defer.c); then the alerts
	 * of the consumers whose alert an end pulled closed read again,
	 * on the items as the page left them (alert_sync.c) */
	if (store_items_defer_flush(s->st, err) != 0 ||
	    svc_alerts_pulled_reread(s, err) != 0)
		return -1;
	snprintf(cur, sizeof cur, "%lld", (long long)pg->cursor);
	svc_now(at);
	snprintf(detail, sizeof detail, "entries=%zu conflicts=%lld", pg->n,
	    (long long)*conflicts);
	if (store_meta_set(s->st, META_CURSOR, cur, err) != 0 ||
	    (pg->n > 0 &&
	        svc_audit(s, at, "pull", "sync", cur, detail, err) != 0))
		return -1;
	return 0;
}

/* What the pull has applied and not yet committed. */
struct pull_tx {
	int open;
	int64_t entries, pages, conflicts;
};

static int
pull_tx_begin(struct svc *s, struct pull_tx *tx, size_t first,
    struct pd_err *err)
{
	memset(tx, 0, sizeof *tx);
	if (store_begin(s->st, err) != 0)
		return -1;
	tx->open = 1;
	if (store_fts_defer_begin(s->st, err) != 0 ||
	    store_items_defer_begin(
	        s->st, first >= SYNC_DEFER_ENTRIES, err) != 0) {
		store_rollback(s->st);
		tx->open = 0;
		return -1;
	}
	return 0;
}

/* Commit the pages applied so far: only now do they count as pulled. */
static int
pull_tx_commit(struct svc *s, struct pull_tx *tx, struct sync_report *rep,
    struct pd_err *err)
{
	tx->open = 0;
	if (store_items_defer_end(s->st, err) != 0 ||
	    store_fts_defer_end(s->st, err) != 0) {
		store_rollback(s->st);
		return -1;
	}
	if (svc_finish(s, 0, err) != 0)
		return -1;
	rep->pulled += tx->entries;
	rep->pages += tx->pages;
	rep->conflicts += tx->conflicts;
	return 0;
}

/* How far a round's pull has come, to bound it: pages in a row that
 * said "more" without moving the cursor, pages that said "more" and
 * brought no entries, pages in all (issue 18, part 2). */
struct pull_bound {
	int stall, empty;
	int64_t pages;
};
/* Whether page pg may follow a request from since: the cursor never goes
 * back, the entries come after since, and "more" moves the cursor on and
 * brings entries, SYNC_STALL_MAX and SYNC_EMPTY_MAX times at most, in
 * max_pages ([sync] max_pages) pages in all. */
static int
page_follows(int max_pages, const struct sync_page *pg, int64_t since,
    struct pull_bound *b, struct pd_err *err)
{
	if (pg->cursor < since)
		return pd_fail(err, PD_ENET,
		    _("The cursor went back from %lld to %lld"),
		    (long long)since, (long long)pg->cursor);
	if (pg->n > 0 && pg->first <= since)
		return pd_fail(err, PD_ENET,
		    _("Entry seq %lld was asked for after %lld"),
		    (long long)pg->first, (long long)since);
	b->stall = pg->more && pg->cursor == since ? b->stall + 1 : 0;
	if (b->stall >= SYNC_STALL_MAX)
		return pd_fail(err, PD_ENET,
		    ngettext("%d page in a row said there was more without "
		             "moving the cursor from %lld",
		        "%d pages in a row said there was more without moving "
		        "the cursor from %lld",
		        (unsigned long)b->stall),
		    b->stall, (long long)since);
	b->empty += pg->more && pg->n == 0;
	if (b->empty >= SYNC_EMPTY_MAX)
		return pd_fail(err, PD_ENET,
		    ngettext("%d page said there was more and brought no "
		             "entries (after %lld)",
		        "%d pages said there was more and brought no entries "
		        "(the last one after %lld)",
		        (unsigned long)b->empty),
		    b->empty, (long long)since);
	if (++b->pages >= max_pages && pg->more)
		return pd_fail(err, PD_ENET,
		    _("Still more after %lld pages, the most a round pulls "
		      "([sync] max_pages)"),
		    (long long)max_pages);
	return 0;
}

#define SYNC_FETCH_AHEAD 2 /* pages fetched and waiting to be applied */

/* A page fetched, or why not. rc: 0, -1 the request failed, -2 the page
 * did not decode or may not follow the one before it (err says why). */
struct fetched {
	struct sync_page pg;
	struct pd_err err;
	int rc;
};

/* The pull's pages, fetched and decoded in order on a thread of their
 * own up to SYNC_FETCH_AHEAD pages ahead of the one applied (the
 * request for a page needs the cursor of the page before it); the
 * thread also frees the pages applied. It ends after a page that says
 * there is no more, one not fetched or not understood, or when the
 * applying thread stops it (fetch_stop: a record refused, a failure,
 * the user's interrupt), after the request under way. The handle is
 * used by the fetching thread alone until then. Parsing a page of
 * 10,000 entries and freeing it were a third of the applying thread's
 * time (perf, a fresh terminal's pull); with one page fetched ahead,
 * the applying thread still waited 2.4 s (SQLite node) and 4.9 s
 * (PostgreSQL) of a 1M-consumer pull for the next page. */
struct fetch {
	/* [sync] pull_page and max_pages as the pull began: the fetching
	 * thread reads nothing of the svc, which the apply may load again
	 * (svc_settings_load) */
	int page, max_pages;
	struct sync_net *net;
	int64_t pending; /* the outbox's records waiting, said to the node */
	int64_t since;   /* the next request's cursor */
	struct pull_bound bound;
	char path[160];
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct fetched q[SYNC_FETCH_AHEAD];
	size_t head, count;
	struct sync_page dead; /* applied, to be freed */
	int stop, ended, threaded;
	pthread_t th;
};

static void
fetch_path(struct fetch *f)
{
	/* the records still waiting here: a round with nothing to push
	 * tells the central node's terminal list so (s72 fault 3) */
	snprintf(f->path, sizeof f->path, "%s?since=%lld&limit=%d&pending=%lld",
	    SYNC_ROUTE_PULL, (long long)f->since, f->page,
	    (long long)f->pending);
}

/* Fetch the page after f->since into one; 1 when it is the last. */
static int
fetch_one(struct fetch *f, struct fetched *one)
{
	struct sync_reply reply = {0};

	memset(one, 0, sizeof *one);
	fetch_path(f);
	one->rc =
	    sync_net_call(f->net, "GET", f->path, NULL, 0, &reply, &one->err);
	if (one->rc == 0 &&
	    sync_page_decode(reply.body, reply.len, &one->pg, &one->err) != 0)
		one->rc = -2;
	sync_reply_free(&reply);
	if (one->rc == 0 && page_follows(f->max_pages, &one->pg, f->since,
	                        &f->bound, &one->err) != 0) {
		sync_page_free(&one->pg);
		one->rc = -2;
	}
	if (one->rc != 0 || !one->pg.more)
		return 1;
	f->since = one->pg.cursor;
	return 0;
}

static void *
fetch_run(void *arg)
{
	struct fetch *f = arg;
	struct fetched one;
	struct sync_page dead;
	int last;

	do {
		pthread_mutex_lock(&f->mu);
		while (!f->stop && f->count == SYNC_FETCH_AHEAD)
			pthread_cond_wait(&f->cv, &f->mu);
		dead = f->dead;
		memset(&f->dead, 0, sizeof f->dead);
		last = f->stop;
		pthread_mutex_unlock(&f->mu);
		sync_page_free(&dead);
		if (last)
			break;
		last = fetch_one(f, &one);
		pthread_mutex_lock(&f->mu);
		f->q[(f->head + f->count) % SYNC_FETCH_AHEAD] = one;
		f->count++;
		f->ended = last;
		pthread_cond_broadcast(&f->cv);
		pthread_mutex_unlock(&f->mu);
	} while (!last);
	return NULL;
}

/* Start fetching the pages after since. */
static void
fetch_start(
    struct fetch *f, const struct svc *s, struct sync_net *net, int64_t since)
{
	memset(f, 0, sizeof *f);
	f->page = s->cfg.sync_pull_page;
	f->max_pages = s->cfg.sync_max_pages;
	f->net = net;
	f->pending = store_outbox_pending(s->st);
	f->since = since;
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->cv, NULL);
	f->threaded = pthread_create(&f->th, NULL, fetch_run, f) == 0;
}

/* The next page, in order; with no thread, fetched now. */
static void
fetch_take(struct fetch *f, struct fetched *one)
{
	if (!f->threaded) {
		fetch_one(f, one);
		return;
	}
	pthread_mutex_lock(&f->mu);
	while (f->count == 0)
		pthread_cond_wait(&f->cv, &f->mu);
	*one = f->q[f->head];
	f->head = (f->head + 1) % SYNC_FETCH_AHEAD;
	f->count--;
	pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
}

/* A page applied, freed by the fetching thread while it fetches. */
static void
fetch_give(struct fetch *f, struct sync_page *pg)
{
	struct sync_page old = {0};

	if (f->threaded) {
		pthread_mutex_lock(&f->mu);
		if (!f->ended && !f->stop) {
			old = f->dead;
			f->dead = *pg;
			memset(pg, 0, sizeof *pg);
		}
		pthread_mutex_unlock(&f->mu);
	}
	sync_page_free(&old);
	sync_page_free(pg);
}

/* End the fetches: the thread stopped after the request under way, the
 * pages it fetched and the applying thread did not take freed. */
static void
fetch_stop(struct fetch *f)
{
	if (f->threaded) {
		pthread_mutex_lock(&f->mu);
		f->stop = 1;
		pthread_cond_broadcast(&f->cv);
		pthread_mutex_unlock(&f->mu);
		pthread_join(f->th, NULL);
	}
	for (; f->count > 0; f->count--) {
		sync_page_free(&f->q[f->head].pg);
		f->head = (f->head + 1) % SYNC_FETCH_AHEAD;
	}
	sync_page_free(&f->dead);
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
}

/* Pull pages until the central node has no more. The next pages are
 * fetched while this one is applied (struct fetch). Pages are committed
 * together, SYNC_TX_ENTRIES entries or so at a time: each commit writes
 * every index page the entries touched (a random uuid touches a page
 * anywhere in its index), so fewer, larger commits write much less. The
 * cursor moves with the pages, in the same transaction; a crash or a
 * failure re-pulls what was not committed. careful: apply_page's; 1 when
 * a record was refused with careful 0 (what was not committed rolled
 * back). */
static int
pull_pages(struct svc *s, struct sync_net *net, sync_progress_fn cb,
    void *arg, struct sync_report *rep, int careful, struct pd_err *err)
{
	struct pull_tx tx = {0};
	struct sync_status st;
	struct fetch f;

	svc_sync_state(s, &st);
	fetch_start(&f, s, net, st.cursor);
	for (;;) {
		struct fetched one;
		int64_t conflicts = 0;
		int rc, more;

		fetch_take(&f, &one);
		if (one.rc == -1) {
			*err = one.err;
			goto fail;
		}
		if (one.rc != 0) {
			*err = one.err;
			pd_err_prefix(
			    err, _("A pull page was not understood: "));
			err->code = PD_ENET;
			rep->bad_answer = 1;
			goto fail;
		}
		more = one.pg.more;
		rc = tx.open ? 0 : pull_tx_begin(s, &tx, one.pg.n, err);
		if (rc == 0)
			rc = apply_page(s, &one.pg, &conflicts, careful, err);
		tx.entries += (int64_t)one.pg.n;
		tx.pages++;
		tx.conflicts += conflicts;
		fetch_give(&f, &one.pg);
		if (rc > 0) {
			/* refused: nothing since the last commit is kept */
			store_abort(s->st);
			fetch_stop(&f);
			return 1;
		}
		if (rc != 0) {
			/* applying needs no network: an ENET is a record of
			 * the page refused */
			rep->bad_answer = err->code == PD_ENET;
			goto fail;
		}
		if ((!more || tx.entries >= SYNC_TX_ENTRIES) &&
		    pull_tx_commit(s, &tx, rep, err) != 0)
			goto lost;
		if (!more) {
			fetch_stop(&f);
			return 0;
		}
		if (cb != NULL &&
		    cb("pull", rep->pulled + tx.entries, 0, arg)) {
			if (tx.open && pull_tx_commit(s, &tx, rep, err) != 0)
				goto lost;
			fetch_stop(&f);
			return pd_fail(err, PD_ECANCEL, _("Sync stopped"));
		}
	}
fail:
	if (tx.open)
		store_abort(s->st);
lost:
	fetch_stop(&f);
	return -1;
}

void
svc_sync_pull_arena(void)
{
	sync_json_arena_install();
}

/* Pages are applied without a savepoint each (apply_page) until a
 * record is refused; then the pages not yet committed are rolled back
 * and pulled again, each in a savepoint, a refused record set aside. */
int
svc_sync_pull(struct svc *s, struct sync_net *net, sync_progress_fn cb,
    void *arg, struct sync_report *rep, struct pd_err *err)
{
	int rc = pull_pages(s, net, cb, arg, rep, 0, err);

	if (rc > 0)
		rc = pull_pages(s, net, cb, arg, rep, 1, err);
	/* the consumers' search indexes merged at a quiet moment, not in
	 * the pages' commits (svc_fts_idle; issue 24) */
	if (rep->pulled > 0) {
		s->fts_due = 1;
		store_stats_due(s->st); /* a fresh terminal's 1M consumers */
	}
	return rc;
}
