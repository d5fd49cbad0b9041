/* backend_sqlite.c - the central node's backends, embedded SQLite and
 * PostgreSQL (issue 22): a directory store (organisations, terminals,
 * token hashes, payment gateways) and one paydesk store per organisation,
 * so one organisation's data cannot reach another's. On SQLite each is a
 * file of data_dir; on PostgreSQL a schema of [central] database
 * (paydesk, org_CODE), through the same store functions (the store's
 * database seam, src/store/db.h), so the use cases are the same code. Pushes to
 * an organisation queue for its one writer connection, whose page cache stays
 * warm from batch to batch (a commit by another connection would empty it);
 * pulls and status borrow reader connections from a pool.
 *
 * This is the central node's storage adapter, with backend_admin.c,
 * backend_gateways.c and backend_move.c (what they share: backend_sq.h):
 * the front-end files that talk to the store directly (store.h;
 * DESIGN.md, "Layers"). Every other file of src/central goes through
 * service.h and backend.h, and the organisations' use cases (push, pull,
 * import) are still the service's. This file: the connections, the
 * routes of the sync protocol and the backend's table. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend_sq.h"
#include "paydesk/service.h"
#include "paydesk/sha256.h"
#include "paydesk/store.h"
#include "paydesk/xmalloc.h"

/* frames in the WAL (4 KiB pages) past which a push asks for a
 * checkpoint: about 16 MiB */
#define CKPT_FRAMES 4000
/* organisations with a writer lock; past this, pushes to the others wait
 * in SQLite's busy handler instead */
#define MAX_ORGS_LIVE 256

/* Where org's store is at location loc (store_org_location: "" the
 * node's backend): its file, or its schema's locator (store.h), org_CODE
 * with the code as it is (checked by central_check_id: letters, digits,
 * '-'; the driver checks it again and quotes it), so ACME and acme stay
 * two schemas as they are two files. */
void
sq_loc_path(const struct backend *b, const char *org, const char *loc,
    char *out, size_t n)
{
	if (strncmp(loc, "postgresql", 10) == 0)
		snprintf(out, n, "pg:org_%s %s", org,
		    loc[10] == ' ' ? loc + 11 : b->cfg.central_database);
	else if (strcmp(loc, "sqlite") == 0 || !SB(b)->pg)
		snprintf(out, n, "%s/org-%s.db", b->cfg.central_data_dir, org);
	else
		snprintf(out, n, "pg:org_%s %s", org, b->cfg.central_database);
}

/* Where org's store is now (the directory's word, on the token checks'
 * connection): out gets its path, where (4300 bytes, or NULL) the path
 * and the time of its last move. */
int
sq_org_where(struct backend *b, const char *org, char *out, size_t n,
    char *where, struct pd_err *err)
{
	char loc[4096], at[TS_BUFSZ];
	int rc;

	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_org_location(SB(b)->auth, org, loc, sizeof loc, at, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	if (rc != 0)
		return -1;
	sq_loc_path(b, org, loc, out, n);
	if (where != NULL)
		snprintf(where, 4300, "%s|%s", out, at);
	return 0;
}

/* store_set_begin_check of an organisation's connection: a write waits
 * for a move of the organisation (store_move_guard), then finds its
 * store still where it was, or fails (the caller opens it again where
 * it is now; paydesk-central move). */
static int
begin_check(struct store *st, void *arg, struct pd_err *err)
{
	struct conn *c = arg;
	char path[4200], where[4300];

	if (store_move_guard(st, 0, err) != 0 ||
	    sq_org_where(c->b, c->org, path, sizeof path, where, err) != 0)
		return -1;
	if (strcmp(where, c->where) == 0)
		return 0;
	c->moved = 1;
	return pd_fail(err, PD_ESTORE,
	    _("Organisation %s was moved to another store; try again"), c->org);
}

/* svc.gateway_of: the gateway of the connection's organisation. */
static int
conn_gateway(
    void *arg, const char *name, struct gateway_row *g, struct pd_err *err)
{
	struct conn *c = arg;

	return sq_gateway_get(c->b, c->org, name, g, err);
}

/* svc.terminal_branch_of: the branch of a terminal of the connection's
 * organisation, from the directory. */
static int
conn_terminal_branch(
    void *arg, const char *terminal, char *branch, size_t n, struct pd_err *err)
{
	struct conn *c = arg;
	struct terminal_row *t;
	size_t k, i;

	branch[0] = '\0';
	pthread_mutex_lock(&SB(c->b)->dir_lock);
	t = store_terminals(SB(c->b)->dir, c->org, &k, err);
	pthread_mutex_unlock(&SB(c->b)->dir_lock);
	if (t == NULL)
		return -1;
	for (i = 0; i < k; i++)
		if (strcmp(t[i].terminal, terminal) == 0)
			xstrlcpy(branch, t[i].branch, n);
	free(t);
	return 0;
}

/* The node's configuration in cfg with organisation org's currency:
 * its code and minor units; its symbol the code unless it is the node's
 * own currency. */
static int
org_currency(struct backend *b, const char *org, struct config *cfg,
    struct pd_err *err)
{
	char cur[4];
	int digits, rc;

	*cfg = b->cfg;
	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_org_currency(SB(b)->auth, org, cur, &digits, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	if (rc != 0)
		return -1;
	if (strcmp(cur, cfg->currency_code) != 0) {
		xstrlcpy(cfg->currency_code, cur, sizeof cfg->currency_code);
		xstrlcpy(cfg->currency_symbol, cur,
		    sizeof cfg->currency_symbol);
	}
	cfg->minor_digits = digits;
	return 0;
}

static struct conn *
conn_open(struct backend *b, const char *org, struct pd_err *err)
{
	struct conn *c = xcalloc(1, sizeof *c);
	char path[4200];

	/* the organisation's currency, not the node's (issue 23): what its
	 * pushes, notifications and reports are checked and written in */
	if (sq_org_where(b, org, path, sizeof path, c->where, err) != 0 ||
	    org_currency(b, org, &c->cfg, err) != 0 ||
	    svc_central_open(&c->s, &c->cfg, path, 1, err) != 0) {
		free(c);
		return NULL;
	}
	xstrlcpy(c->org, org, sizeof c->org);
	c->b = b;
	store_set_begin_check(c->s.st, begin_check, c);
	c->s.gateway_of = conn_gateway;
	c->s.terminal_branch_of = conn_terminal_branch;
	c->s.gateway_arg = c;
	c->s.actor.role = ROLE_ADMIN;
	xstrlcpy(c->s.actor.username, "central", sizeof c->s.actor.username);
	xstrlcpy(
	    c->s.actor.full_name, "central node", sizeof c->s.actor.full_name);
	return c;
}

static void
conn_close(struct conn *c)
{
	if (c != NULL) {
		svc_close(&c->s);
		free(c);
	}
}

/* A connection to org's store, opened when the pool has none free. */
struct conn *
sq_borrow(struct backend *b, const char *org, struct pd_err *err)
{
	struct sqlite_backend *sb = SB(b);
	struct conn *c = NULL, *stale = NULL;
	char path[4200], where[4300];
	size_t i;

	if (sq_org_where(b, org, path, sizeof path, where, err) != 0)
		return NULL;
	pthread_mutex_lock(&sb->pool_lock);
	for (i = 0; i < sb->npool && c == NULL; i++) {
		if (sb->pool[i]->busy || strcmp(sb->pool[i]->org, org) != 0)
			continue;
		if (strcmp(sb->pool[i]->where, where) == 0) {
			c = sb->pool[i];
			c->busy = 1;
		} else if (stale == NULL) {
			/* the organisation moved since: one closed a time */
			stale = sb->pool[i];
			sb->pool[i--] = sb->pool[--sb->npool];
		}
	}
	pthread_mutex_unlock(&sb->pool_lock);
	conn_close(stale);
	if (c != NULL)
		return c;
	c = conn_open(b, org, err);
	if (c == NULL)
		return NULL;
	c->busy = 1;
	pthread_mutex_lock(&sb->pool_lock);
	sb->pool = xrealloc(sb->pool, sb->npool + 1, sizeof *sb->pool);
	sb->pool[sb->npool++] = c;
	pthread_mutex_unlock(&sb->pool_lock);
	return c;
}

void
sq_give_back(struct backend *b, struct conn *c)
{
	pthread_mutex_lock(&SB(b)->pool_lock);
	c->busy = 0;
	pthread_mutex_unlock(&SB(b)->pool_lock);
}

static struct org_lock *
writer_lock(struct backend *b, const char *org)
{
	struct sqlite_backend *sb = SB(b);
	struct org_lock *w = NULL;
	size_t i;

	pthread_mutex_lock(&sb->pool_lock);
	for (i = 0; i < sb->nlocks && w == NULL; i++)
		if (strcmp(sb->locks[i].org, org) == 0)
			w = &sb->locks[i];
	if (w == NULL) {
		/* never moved once made: grown by a fixed upper bound */
		if (sb->nlocks == MAX_ORGS_LIVE) {
			pthread_mutex_unlock(&sb->pool_lock);
			return NULL;
		}
		w = &sb->locks[sb->nlocks++];
		xstrlcpy(w->org, org, sizeof w->org);
		pthread_mutex_init(&w->m, NULL);
	}
	pthread_mutex_unlock(&sb->pool_lock);
	return w;
}

static void *
checkpointer(void *arg)
{
	struct org_lock *w = arg;
	struct pd_err e;

	pthread_mutex_lock(&w->ckpt_m);
	for (;;) {
		while (!w->ckpt_want && !w->ckpt_stop)
			pthread_cond_wait(&w->ckpt_cond, &w->ckpt_m);
		if (w->ckpt_stop)
			break;
		w->ckpt_want = 0;
		pthread_mutex_unlock(&w->ckpt_m);
		/* a failure here is retried at the next ask; the WAL only
		 * grows meanwhile */
		store_checkpoint(w->ckpt_st, &e);
		pthread_mutex_lock(&w->ckpt_m);
	}
	pthread_mutex_unlock(&w->ckpt_m);
	return NULL;
}

/* The writer of w opened, with its checkpointer. */
static struct conn *
writer_open(struct backend *b, struct org_lock *w, struct pd_err *err)
{
	char path[4200];

	w->writer = conn_open(b, w->org, err);
	if (w->writer == NULL)
		return NULL;
	xstrlcpy(path, w->writer->where, sizeof path);
	if (strchr(path, '|') != NULL)
		*strchr(path, '|') = '\0';
	if (strncmp(path, "pg:", 3) == 0)
		return w->writer; /* the server checkpoints */
	if (store_open_central(path, 0, &w->ckpt_st, err) != 0) {
		conn_close(w->writer);
		w->writer = NULL;
		return NULL;
	}
	pthread_mutex_init(&w->ckpt_m, NULL);
	pthread_cond_init(&w->ckpt_cond, NULL);
	if (pthread_create(&w->ckpt, NULL, checkpointer, w) != 0) {
		/* no thread: the writer checkpoints in its commits */
		pthread_cond_destroy(&w->ckpt_cond);
		pthread_mutex_destroy(&w->ckpt_m);
		store_close(w->ckpt_st);
		w->ckpt_st = NULL;
		return w->writer;
	}
	store_wal_manual(w->writer->s.st);
	return w->writer;
}

static void
writer_close(struct org_lock *w)
{
	if (w->ckpt_st != NULL) {
		pthread_mutex_lock(&w->ckpt_m);
		w->ckpt_stop = 1;
		pthread_cond_signal(&w->ckpt_cond);
		pthread_mutex_unlock(&w->ckpt_m);
		pthread_join(w->ckpt, NULL);
		pthread_cond_destroy(&w->ckpt_cond);
		pthread_mutex_destroy(&w->ckpt_m);
	}
	store_close(w->ckpt_st);
	conn_close(w->writer);
	w->ckpt_st = NULL;
	w->writer = NULL;
	w->ckpt_want = w->ckpt_stop = 0;
}

/* The organisation's writer connection, held (with its lock) until
 * put_writer; past MAX_ORGS_LIVE organisations, a pool connection, and
 * SQLite's busy handler serialises the writers. */
struct conn *
sq_get_writer(struct backend *b, const char *org, struct org_lock **out,
    struct pd_err *err)
{
	struct org_lock *w = writer_lock(b, org);

	*out = w;
	if (w == NULL)
		return sq_borrow(b, org, err);
	pthread_mutex_lock(&w->m);
	if (w->writer != NULL && w->writer->moved)
		writer_close(w); /* made again where the store is now */
	if (w->writer == NULL && writer_open(b, w, err) == NULL) {
		pthread_mutex_unlock(&w->m);
		return NULL;
	}
	return w->writer;
}

void
sq_put_writer(struct backend *b, struct org_lock *w, struct conn *c)
{
	if (w == NULL) {
		sq_give_back(b, c);
		return;
	}
	/* without a checkpointer, the writer checkpoints in its commits */
	if (w->ckpt_st != NULL && store_wal_frames(c->s.st) >= CKPT_FRAMES) {
		pthread_mutex_lock(&w->ckpt_m);
		w->ckpt_want = 1;
		pthread_cond_signal(&w->ckpt_cond);
		pthread_mutex_unlock(&w->ckpt_m);
	}
	pthread_mutex_unlock(&w->m);
}

static int
sq_health(struct backend *b, struct pd_err *err)
{
	size_t n;
	struct terminal_row *t;

	pthread_mutex_lock(&SB(b)->dir_lock);
	t = store_terminals(SB(b)->dir, "", &n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	free(t);
	return t == NULL ? -1 : 0;
}

static int
sq_authenticate(struct backend *b, const char *token, struct terminal_row *t,
    struct pd_err *err)
{
	char hash[65];
	int rc;

	sha256_hex(token, strlen(token), hash);
	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_terminal_by_token(SB(b)->auth, hash, t, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	return rc;
}

static void
hook(size_t applied, void *arg)
{
	struct backend *b = arg;

	/* a test of a crash in the middle of a batch */
	if (b->kill_after > 0 && (long)applied >= b->kill_after)
		raise(SIGKILL);
	/* a test of a push that commits late: its first record applied,
	 * its transaction (and the feed's head) held open */
	if (b->hold_ms > 0 && applied == 1) {
		/* said, so that a test knows the push is in work */
		fputs("paydesk-central: hook: holding a push\n", stderr);
		nanosleep(&(struct timespec){b->hold_ms / 1000,
		              (b->hold_ms % 1000) * 1000000L},
		    NULL);
	}
}

/* The sender of a push of terminal t: when it was added and handed
 * changes of the rules (its records are judged by the rules it could
 * have had: sync_judge.c), in *marks (free()) and first. */
static int
sender(struct backend *b, const struct terminal_row *t,
    struct sync_sender *from, struct rule_mark **marks, char first[TS_BUFSZ],
    struct pd_err *err)
{
	size_t n;

	pthread_mutex_lock(&SB(b)->dir_lock);
	*marks = store_terminal_marks(
	    SB(b)->dir, t->org, t->terminal, first, &n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (*marks == NULL)
		return -1;
	from->marks = *marks;
	from->terminal = t->terminal;
	from->branch = t->branch;
	from->org_created_at = t->org_created_at;
	from->terminal_created_at = first;
	from->last_synced = t->last_seen;
	from->nmarks = n;
	return 0;
}

/* Every push's outcome r, the first's error (one transaction's, or the
 * writer not had). */
static void
same_for_all(size_t n, int r, int *rc, struct pd_err *err)
{
	size_t k;

	for (k = 0; k < n; k++) {
		rc[k] = r;
		if (k > 0)
			err[k] = err[0];
	}
}

/* The pushes applied together on writer c, or when they cannot be, each
 * alone (svc_central_push_group's -2). */
static int
apply_pushes(struct backend *b, struct conn *c, size_t n,
    const struct sync_sender *const *from, const struct sync_push *const *p,
    struct sync_result *const *res, int *rc, int *passes, struct pd_err *err)
{
	svc_push_hook h = b->kill_after > 0 || b->hold_ms > 0 ? hook : NULL;
	size_t k;
	int r;

	r = svc_central_push_group(&c->s, from, p, res, n, h, b, &err[0]);
	if (r != -2) {
		same_for_all(n, r, rc, err);
		for (k = 0; k < n; k++)
			passes[k] = c->s.push_passes;
		return 0;
	}
	for (k = 0; k < n; k++) {
		rc[k] = svc_central_push(
		    &c->s, from[k], p[k], res[k], h, b, &err[k]);
		passes[k] = c->s.push_passes;
	}
	return 1;
}

static int
sq_push(struct backend *b, size_t n, const struct terminal_row *const *t,
    const struct sync_push *const *p, struct sync_result *const *res, int *rc,
    int *passes, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c;
	struct sync_sender *from = xcalloc(n, sizeof *from);
	const struct sync_sender **fp = xcalloc(n, sizeof *fp);
	struct rule_mark **marks = xcalloc(n, sizeof *marks);
	char(*first)[TS_BUFSZ] = xcalloc(n, sizeof *first);
	struct pd_err e;
	size_t k, i, ok = 0;
	int alone = 0;

	for (k = 0; k < n; k++) {
		rc[k] = sender(b, t[k], &from[k], &marks[k], first[k], &err[k]);
		fp[k] = &from[k];
		ok += rc[k] == 0;
	}
	/* (a terminal whose marks could not be read fails alone: the
	 * others each alone too) */
	if (ok < n) {
		for (k = 0; k < n && n > 1; k++)
			if (rc[k] == 0)
				sq_push(b, 1, &t[k], &p[k], &res[k], &rc[k],
				    &passes[k], &err[k]);
		alone = n > 1;
		goto out;
	}
	c = sq_get_writer(b, t[0]->org, &w, &err[0]);
	if (c == NULL) {
		same_for_all(n, -1, rc, err);
		goto out;
	}
	alone = apply_pushes(b, c, n, fp, p, res, rc, passes, err);
	for (k = 0; k < n; k++)
		if (rc[k] != 0 && c->moved)
			break;
	if (k < n) {
		/* the organisation was moved meanwhile: where it is now */
		sq_put_writer(b, w, c);
		if ((c = sq_get_writer(b, t[0]->org, &w, &err[0])) == NULL) {
			same_for_all(n, -1, rc, err);
			goto out;
		}
		alone = apply_pushes(b, c, n, fp, p, res, rc, passes, err);
	}
	for (k = 0; k < n; k++)
		for (i = 0; rc[k] == 0 && i < p[k]->nrecs; i++)
			if (res[k][i].status != SYNC_APPLIED &&
			    res[k][i].status != SYNC_DUPLICATE) {
				/* the log of refused records is bounded per
				 * terminal: a failure here loses no record, it
				 * is tried at the next refusal */
				store_sync_log_trim(c->s.st, t[k]->terminal,
				    b->cfg.central_rejected_log_max, &e);
				break;
			}
	sq_put_writer(b, w, c);
out:
	for (k = 0; k < n; k++)
		free(marks[k]);
	free(marks);
	free(from);
	free(fp);
	free(first);
	return alone;
}

static int
sq_anchor(struct backend *b, const struct terminal_row *t,
    const struct sync_anchor *in, struct sync_anchor *out, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c = sq_get_writer(b, t->org, &w, err);
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_central_anchor(&c->s, in, out, err);
	if (rc != 0 && c->moved) {
		/* the organisation was moved meanwhile: where it is now */
		sq_put_writer(b, w, c);
		if ((c = sq_get_writer(b, t->org, &w, err)) == NULL)
			return -1;
		rc = svc_central_anchor(&c->s, in, out, err);
	}
	sq_put_writer(b, w, c);
	return rc;
}

static char *
sq_pull(struct backend *b, const struct terminal_row *t, int64_t since,
    size_t limit, int64_t *cursor, size_t *n, struct pd_err *err)
{
	struct conn *c = sq_borrow(b, t->org, err);
	char *body, at[TS_BUFSZ], day[DATE_BUFSZ];
	int64_t seq;
	struct pd_err e;

	if (c == NULL)
		return NULL;
	body = svc_central_pull(
	    &c->s, t->terminal, t->branch, since, limit, cursor, n, err);
	/* a change of the rules handed over: its time is kept (a failure
	 * only makes the judge more lenient, it is taken at the next pull) */
	if (body != NULL &&
	    (seq = svc_central_rules_in(&c->s, since, *cursor)) > 0) {
		svc_now(at);
		pthread_mutex_lock(&SB(b)->dir_lock);
		store_terminal_mark(
		    SB(b)->dir, t->org, t->terminal, seq, at, &e);
		pthread_mutex_unlock(&SB(b)->dir_lock);
	}
	/* and the marks past [central] history_days go (the newest before
	 * them stays); a failure keeps them until the next pull */
	if (body != NULL) {
		svc_central_history_cutoff(&b->cfg, day);
		pthread_mutex_lock(&SB(b)->dir_lock);
		store_terminal_marks_prune(
		    SB(b)->dir, t->org, t->terminal, day, &e);
		pthread_mutex_unlock(&SB(b)->dir_lock);
	}
	sq_give_back(b, c);
	return body;
}

static struct terminal_status *
sq_status(struct backend *b, const char *org, size_t *n, int64_t *head,
    struct pd_err *err)
{
	struct terminal_row *rows;
	struct terminal_status *out;
	struct conn *c;
	const char **names;
	int64_t *since, *waiting;
	size_t i;
	int rc;

	pthread_mutex_lock(&SB(b)->dir_lock);
	rows = store_terminals(SB(b)->dir, org, n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (rows == NULL)
		return NULL;
	c = sq_borrow(b, org, err);
	if (c == NULL) {
		free(rows);
		return NULL;
	}
	out = xcalloc(*n + 1, sizeof *out);
	names = xcalloc(*n + 1, sizeof *names);
	since = xcalloc(*n + 1, sizeof *since);
	waiting = xcalloc(*n + 1, sizeof *waiting);
	*head = store_feed_head(c->s.st);
	for (i = 0; i < *n; i++) {
		out[i].t = rows[i];
		names[i] = rows[i].terminal;
		since[i] = rows[i].last_cursor;
	}
	rc = svc_central_waiting(&c->s, names, since, *n, waiting, err);
	for (i = 0; i < *n; i++)
		out[i].waiting = waiting[i];
	sq_give_back(b, c);
	free(rows);
	free(names);
	free(since);
	free(waiting);
	if (rc != 0) {
		free(out);
		return NULL;
	}
	return out;
}

static void
sq_seen(struct backend *b, const struct terminal_row *t, const char *route,
    int64_t cursor, int64_t pending)
{
	struct pd_err e;
	char at[TS_BUFSZ];

	svc_now(at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	store_terminal_seen(
	    SB(b)->dir, t->org, t->terminal, at, route, cursor, pending, &e);
	pthread_mutex_unlock(&SB(b)->dir_lock);
}

static void
sq_close(struct backend *b)
{
	struct sqlite_backend *sb = SB(b);
	size_t i;

	for (i = 0; i < sb->npool; i++)
		conn_close(sb->pool[i]);
	free(sb->pool);
	for (i = 0; i < sb->nlocks; i++) {
		writer_close(&sb->locks[i]);
		pthread_mutex_destroy(&sb->locks[i].m);
	}
	free(sb->locks);
	store_close(sb->dir);
	store_close(sb->auth);
	pthread_mutex_destroy(&sb->dir_lock);
	pthread_mutex_destroy(&sb->auth_lock);
	pthread_mutex_destroy(&sb->pool_lock);
	free(sb);
}

/* both backends' (sb->pg says which engine the stores are on) */
static const struct backend_ops store_ops = {
    "store",
    sq_health,
    sq_authenticate,
    sq_push,
    sq_pull,
    sq_status,
    sq_anchor,
    sq_seen,
    sq_org_add,
    sq_org_currency,
    sq_org_name,
    sq_org_rename,
    sq_orgs,
    sq_terminal_add,
    sq_terminal_revoke,
    sq_terminals,
    sq_import,
    sq_gateway_add,
    sq_gateway_rotate,
    sq_gateway_revoke,
    sq_gateways,
    sq_gateway_get,
    sq_gateway_receive,
    sq_gateway_validate,
    sq_gateway_set,
    sq_gateway_settle,
    sq_gateway_payments,
    sq_gateway_payouts,
    sq_shifts,
    sq_deposits,
    sq_deposit_cheques,
    sq_statements,
    sq_statement_show,
    sq_exceptions,
    sq_recon,
    sq_collections,
    sq_doctor,
    sq_close,
    sq_migrate,
    sq_gaps,
    sq_reanchors,
    sq_move,
};

struct backend *
backend_open(const struct config *cfg, struct pd_err *err)
{
	struct sqlite_backend *sb = xcalloc(1, sizeof *sb);
	char path[4200];

	sb->pg = strcmp(cfg->central_backend, "postgresql") == 0;
	sb->base.ops = &store_ops;
	sb->base.cfg = *cfg;
	pthread_mutex_init(&sb->dir_lock, NULL);
	pthread_mutex_init(&sb->auth_lock, NULL);
	pthread_mutex_init(&sb->pool_lock, NULL);
	sb->locks = xcalloc(MAX_ORGS_LIVE, sizeof *sb->locks);
	if (sb->pg)
		snprintf(
		    path, sizeof path, "pg:paydesk %s", cfg->central_database);
	else
		snprintf(path, sizeof path, "%s/directory.db",
		    cfg->central_data_dir);
	/* the organisations made before issue 23 keep the node's currency */
	if (store_open_directory(path, 1, &sb->dir, err) != 0 ||
	    store_org_currency_fill(
	        sb->dir, cfg->currency_code, cfg->minor_digits, err) != 0 ||
	    store_open_directory(path, 0, &sb->auth, err) != 0) {
		store_close(sb->dir);
		pthread_mutex_destroy(&sb->dir_lock);
		pthread_mutex_destroy(&sb->auth_lock);
		pthread_mutex_destroy(&sb->pool_lock);
		free(sb->locks);
		free(sb);
		return NULL;
	}
	return &sb->base;
}
