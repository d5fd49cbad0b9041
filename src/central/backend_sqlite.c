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
 * This is the central node's storage adapter: the one front-end file that
 * talks to the store directly (store.h; DESIGN.md, "Layers"). Every other
 * file of src/central goes through service.h and backend.h, and the
 * organisations' use cases (push, pull, import) are still the service's. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "backend.h"
#include "paydesk/os.h"
#include "paydesk/service.h"
#include "paydesk/sha256.h"
#include "paydesk/store.h"
#include "paydesk/xmalloc.h"

struct conn {
	char org[33];
	struct svc s;
	int busy;
	struct backend *b;
	/* where its store was when opened: path and the move's time (a
	 * moved organisation's connections are made again, issue 22) */
	char where[4300];
	int moved; /* its begin check found the organisation moved */
};

#define SB(b) ((struct sqlite_backend *)(b))

struct sqlite_backend {
	struct backend base;
	int pg; /* PostgreSQL: the stores are schemas of cfg.central_database */
	pthread_mutex_t dir_lock; /* the directory connection */
	struct store *dir;
	/* a second connection to the directory for the token checks, which
	 * run on the network threads as headers arrive: they never wait
	 * for a write (last seen) on the first */
	pthread_mutex_t auth_lock;
	struct store *auth;
	pthread_mutex_t pool_lock;
	struct conn **pool;
	size_t npool;
	/* one writer per organisation store: pushes queue on this in order
	 * of arrival instead of polling SQLite's busy handler */
	struct org_lock {
		char org[33];
		pthread_mutex_t m;
		struct conn *writer; /* opened by the first push */
		/* the writer's checkpoints, on a thread and connection of
		 * their own: a push never waits for the WAL to be copied */
		pthread_t ckpt;
		pthread_mutex_t ckpt_m;
		pthread_cond_t ckpt_cond;
		int ckpt_want, ckpt_stop;
		struct store *ckpt_st; /* with its thread, or NULL */
	} * locks;
	size_t nlocks;
};

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
static void
loc_path(const struct backend *b, const char *org, const char *loc, char *out,
    size_t n)
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
static int
org_where(struct backend *b, const char *org, char *out, size_t n, char *where,
    struct pd_err *err)
{
	char loc[4096], at[TS_BUFSZ];
	int rc;

	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_org_location(SB(b)->auth, org, loc, sizeof loc, at, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	if (rc != 0)
		return -1;
	loc_path(b, org, loc, out, n);
	if (where != NULL)
		snprintf(where, 4300, "%s|%s", out, at);
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

static int org_known(struct backend *b, const char *org, struct pd_err *err);

static int
sq_org_currency(struct backend *b, const char *org, char currency[4],
    int *digits, struct pd_err *err)
{
	int rc;

	if (org_known(b, org, err) != 0)
		return -1;
	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_org_currency(SB(b)->auth, org, currency, digits, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	return rc;
}

static struct org_row *
sq_orgs(struct backend *b, size_t *n, struct pd_err *err)
{
	char(*codes)[33];
	struct org_row *o = NULL;
	size_t i;

	pthread_mutex_lock(&SB(b)->dir_lock);
	codes = store_orgs(SB(b)->dir, n, err);
	if (codes != NULL)
		o = xcalloc(*n + 1, sizeof *o);
	for (i = 0; codes != NULL && i < *n; i++) {
		xstrlcpy(o[i].code, codes[i], sizeof o[i].code);
		if (store_org_get(SB(b)->dir, codes[i], o[i].name,
		        sizeof o[i].name, err) != 0 ||
		    store_org_currency(SB(b)->dir, codes[i], o[i].currency,
		        &o[i].digits, err) != 0) {
			free(o);
			o = NULL;
			break;
		}
	}
	pthread_mutex_unlock(&SB(b)->dir_lock);
	free(codes);
	return o;
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
	    org_where(c->b, c->org, path, sizeof path, where, err) != 0)
		return -1;
	if (strcmp(where, c->where) == 0)
		return 0;
	c->moved = 1;
	return pd_fail(err, PD_ESTORE,
	    _("Organisation %s was moved to another store; try again"), c->org);
}

static int sq_gateway_get(struct backend *b, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err);

/* svc.gateway_of: the gateway of the connection's organisation. */
static int
conn_gateway(
    void *arg, const char *name, struct gateway_row *g, struct pd_err *err)
{
	struct conn *c = arg;

	return sq_gateway_get(c->b, c->org, name, g, err);
}

static struct conn *
conn_open(struct backend *b, const char *org, struct pd_err *err)
{
	struct conn *c = xcalloc(1, sizeof *c);
	char path[4200];
	struct config *cfg = xmalloc(sizeof *cfg);
	int rc;

	/* the organisation's currency, not the node's (issue 23): what its
	 * pushes, notifications and reports are checked and written in */
	rc = org_where(b, org, path, sizeof path, c->where, err) != 0 ||
	     org_currency(b, org, cfg, err) != 0 ||
	     svc_central_open(&c->s, cfg, path, 1, err) != 0;
	free(cfg);
	if (rc) {
		free(c);
		return NULL;
	}
	xstrlcpy(c->org, org, sizeof c->org);
	c->b = b;
	store_set_begin_check(c->s.st, begin_check, c);
	c->s.gateway_of = conn_gateway;
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
static struct conn *
borrow(struct backend *b, const char *org, struct pd_err *err)
{
	struct sqlite_backend *sb = SB(b);
	struct conn *c = NULL, *stale = NULL;
	char path[4200], where[4300];
	size_t i;

	if (org_where(b, org, path, sizeof path, where, err) != 0)
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

static void
give_back(struct backend *b, struct conn *c)
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
static struct conn *
get_writer(struct backend *b, const char *org, struct org_lock **out,
    struct pd_err *err)
{
	struct org_lock *w = writer_lock(b, org);

	*out = w;
	if (w == NULL)
		return borrow(b, org, err);
	pthread_mutex_lock(&w->m);
	if (w->writer != NULL && w->writer->moved)
		writer_close(w); /* made again where the store is now */
	if (w->writer == NULL && writer_open(b, w, err) == NULL) {
		pthread_mutex_unlock(&w->m);
		return NULL;
	}
	return w->writer;
}

static void
put_writer(struct backend *b, struct org_lock *w, struct conn *c)
{
	if (w == NULL) {
		give_back(b, c);
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
	if (b->hold_ms > 0 && applied == 1)
		nanosleep(&(struct timespec){b->hold_ms / 1000,
		              (b->hold_ms % 1000) * 1000000L},
		    NULL);
}

static int
sq_push(struct backend *b, const struct terminal_row *t,
    const struct sync_push *p, struct sync_result *res, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c;
	struct sync_sender from;
	struct rule_mark *marks;
	char first[TS_BUFSZ];
	struct pd_err e;
	size_t i, n;
	int rc;

	/* when the terminal was added and handed changes of the rules: its
	 * records are judged by the rules it could have had (sync_judge.c) */
	pthread_mutex_lock(&SB(b)->dir_lock);
	marks = store_terminal_marks(
	    SB(b)->dir, t->org, t->terminal, first, &n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (marks == NULL)
		return -1;
	memset(&from, 0, sizeof from);
	from.terminal = t->terminal;
	from.branch = t->branch;
	from.org_created_at = t->org_created_at;
	from.terminal_created_at = first;
	from.last_synced = t->last_seen;
	from.marks = marks;
	from.nmarks = n;
	c = get_writer(b, t->org, &w, err);
	if (c == NULL) {
		free(marks);
		return -1;
	}
	rc = svc_central_push(&c->s, &from, p, res,
	    b->kill_after > 0 || b->hold_ms > 0 ? hook : NULL, b, err);
	if (rc != 0 && c->moved) {
		/* the organisation was moved meanwhile: where it is now */
		put_writer(b, w, c);
		if ((c = get_writer(b, t->org, &w, err)) == NULL) {
			free(marks);
			return -1;
		}
		rc = svc_central_push(&c->s, &from, p, res,
		    b->kill_after > 0 || b->hold_ms > 0 ? hook : NULL, b, err);
	}
	for (i = 0; rc == 0 && i < p->nrecs; i++)
		if (res[i].status != SYNC_APPLIED &&
		    res[i].status != SYNC_DUPLICATE) {
			/* the log of refused records is bounded per terminal:
			 * a failure here loses no record, it is tried at
			 * the next refusal */
			store_sync_log_trim(c->s.st, t->terminal,
			    b->cfg.central_rejected_log_max, &e);
			break;
		}
	put_writer(b, w, c);
	free(marks);
	return rc;
}

static int
sq_anchor(struct backend *b, const struct terminal_row *t,
    const struct sync_anchor *in, struct sync_anchor *out, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c = get_writer(b, t->org, &w, err);
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_central_anchor(&c->s, in, out, err);
	if (rc != 0 && c->moved) {
		/* the organisation was moved meanwhile: where it is now */
		put_writer(b, w, c);
		if ((c = get_writer(b, t->org, &w, err)) == NULL)
			return -1;
		rc = svc_central_anchor(&c->s, in, out, err);
	}
	put_writer(b, w, c);
	return rc;
}

static char *
sq_pull(struct backend *b, const struct terminal_row *t, int64_t since,
    size_t limit, int64_t *cursor, size_t *n, struct pd_err *err)
{
	struct conn *c = borrow(b, t->org, err);
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
	give_back(b, c);
	return body;
}

static struct terminal_status *
sq_status(struct backend *b, const char *org, size_t *n, int64_t *head,
    struct pd_err *err)
{
	struct terminal_row *rows;
	struct terminal_status *out;
	struct conn *c;
	size_t i;

	pthread_mutex_lock(&SB(b)->dir_lock);
	rows = store_terminals(SB(b)->dir, org, n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (rows == NULL)
		return NULL;
	c = borrow(b, org, err);
	if (c == NULL) {
		free(rows);
		return NULL;
	}
	out = xcalloc(*n + 1, sizeof *out);
	*head = store_feed_head(c->s.st);
	for (i = 0; i < *n; i++) {
		out[i].t = rows[i];
		out[i].waiting = svc_central_waiting(
		    &c->s, rows[i].terminal, rows[i].last_cursor);
	}
	give_back(b, c);
	free(rows);
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

static int
sq_org_add(struct backend *b, const char *code, const char *name,
    const char *currency, int digits, struct pd_err *err)
{
	char at[TS_BUFSZ];
	struct conn *c;
	int rc;

	svc_now(at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_add(SB(b)->dir, code, name, currency, digits, at, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (rc != 0)
		return -1;
	/* create its store now, so a mistake shows at once */
	c = borrow(b, code, err);
	if (c == NULL)
		return -1;
	give_back(b, c);
	return 0;
}

static int
sq_terminal_add(struct backend *b, const char *org, const char *branch,
    const char *terminal, char *token, struct pd_err *err)
{
	struct terminal_row t;
	unsigned char raw[32];
	char hash[65];
	size_t i;
	int rc;

	os_random(raw, sizeof raw);
	for (i = 0; i < sizeof raw; i++)
		sprintf(token + 2 * i, "%02x", raw[i]);
	sha256_hex(token, strlen(token), hash);
	memset(&t, 0, sizeof t);
	xstrlcpy(t.org, org, sizeof t.org);
	xstrlcpy(t.branch, branch, sizeof t.branch);
	xstrlcpy(t.terminal, terminal, sizeof t.terminal);
	svc_now(t.created_at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_get(SB(b)->dir, org, NULL, 0, err);
	if (rc == 0)
		rc = store_terminal_add(SB(b)->dir, &t, hash, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

static int
sq_terminal_revoke(struct backend *b, const char *org, const char *terminal,
    struct pd_err *err)
{
	char at[TS_BUFSZ];
	int rc;

	svc_now(at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_terminal_revoke(SB(b)->dir, org, terminal, at, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

static int org_known(struct backend *b, const char *org, struct pd_err *err);

/* An organisation's terminals, or every organisation's (org NULL); an
 * organisation this node does not have is named, not listed as empty. */
static struct terminal_row *
sq_terminals(struct backend *b, const char *org, size_t *n, struct pd_err *err)
{
	struct terminal_row *t;

	if (org != NULL && org_known(b, org, err) != 0)
		return NULL;
	pthread_mutex_lock(&SB(b)->dir_lock);
	t = store_terminals(SB(b)->dir, org, n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return t;
}

static int
sq_import(struct backend *b, const char *org, const char *kind,
    const char *path, int update, struct import_counts *n, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c;
	int rc;

	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_get(SB(b)->dir, org, NULL, 0, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (rc != 0)
		return -1;
	c = get_writer(b, org, &w, err);
	if (c == NULL)
		return -1;
	rc = svc_import(&c->s, kind, path, update, n, err);
	put_writer(b, w, c);
	return rc;
}

/* A new secret: prefix and 64 hex digits of 32 random bytes. */
static void
new_secret(const char *prefix, char *out, size_t n)
{
	unsigned char raw[32];
	char hex[65];

	os_random(raw, sizeof raw);
	sha256_tohex(raw, sizeof raw, hex);
	snprintf(out, n, "%s%s", prefix, hex);
}

static int
sq_gateway_add(struct backend *b, const char *org, const char *name,
    const char *profile, char *secret, char *path, struct pd_err *err)
{
	struct gateway_row g;
	int rc;

	memset(&g, 0, sizeof g);
	xstrlcpy(g.org, org, sizeof g.org);
	xstrlcpy(g.name, name, sizeof g.name);
	xstrlcpy(g.profile, profile, sizeof g.profile);
	new_secret("whsec_", secret, sizeof g.secret);
	xstrlcpy(g.secret, secret, sizeof g.secret);
	path[0] = '\0';
	if (strcmp(profile, "mobile-money") == 0) {
		new_secret("", path, 65);
		sha256_hex(path, strlen(path), g.path_hash);
	}
	svc_now(g.created_at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_get(SB(b)->dir, org, NULL, 0, err);
	if (rc == 0)
		rc = store_gateway_add(SB(b)->dir, &g, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

static int
sq_gateway_rotate(struct backend *b, const char *org, const char *name,
    char *secret, char *path, char *old_until, struct pd_err *err)
{
	char hash[65];
	time_t t =
	    time(NULL) + (time_t)b->cfg.central_gateway_rotate_hours * 3600;
	struct tm tm;
	int rc;

	localtime_r(&t, &tm);
	strftime(old_until, TS_BUFSZ, "%Y-%m-%d %H:%M:%S", &tm);
	new_secret("whsec_", secret, 80);
	new_secret("", path, 65);
	sha256_hex(path, strlen(path), hash);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_gateway_rotate(
	    SB(b)->dir, org, name, secret, hash, old_until, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

static int
sq_gateway_revoke(
    struct backend *b, const char *org, const char *name, struct pd_err *err)
{
	char at[TS_BUFSZ];
	int rc;

	svc_now(at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_gateway_revoke(SB(b)->dir, org, name, at, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

/* As sq_terminals, of the payment gateways. */
static struct gateway_row *
sq_gateways(struct backend *b, const char *org, size_t *n, struct pd_err *err)
{
	struct gateway_row *g;

	if (org != NULL && org_known(b, org, err) != 0)
		return NULL;
	pthread_mutex_lock(&SB(b)->dir_lock);
	g = store_gateways(SB(b)->dir, org, n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return g;
}

static int
sq_gateway_get(struct backend *b, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err)
{
	int rc;

	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_gateway_get(SB(b)->auth, org, name, g, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	return rc;
}

/* A test of a crash inside a group of notifications, before its
 * commit: kept, those of the group kept so far. */
static void
group_hook(size_t kept, void *arg)
{
	struct backend *b = arg;

	if (__atomic_load_n(&b->notes, __ATOMIC_SEQ_CST) + (long)kept >=
	    b->kill_in_group)
		raise(SIGKILL);
}

static int
sq_gateway_receive(struct backend *b, const char *org, struct gw_incoming *in,
    size_t n, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c = get_writer(b, org, &w, err);
	long kept, i;
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_gateway_receive(
	    &c->s, in, n, b->kill_in_group > 0 ? group_hook : NULL, b, err);
	put_writer(b, w, c);
	if (rc != 0 || (b->kill_after_notes <= 0 && b->kill_in_group <= 0))
		return rc;
	for (kept = 0, i = 0; i < (long)n; i++)
		kept += in[i].rc == 0 && !in[i].replay;
	kept = __atomic_add_fetch(&b->notes, kept, __ATOMIC_SEQ_CST);
	/* a test of a crash after the commit, before the answers */
	if (b->kill_after_notes > 0 && kept >= b->kill_after_notes)
		raise(SIGKILL);
	return rc;
}

static int
sq_gateway_validate(struct backend *b, const char *org, const char *body,
    size_t len, int *accept, struct pd_err *err)
{
	struct conn *c = borrow(b, org, err);
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_gateway_validate(&c->s, body, len,
	    strcmp(b->cfg.central_gateway_unknown, "accept") == 0, accept, err);
	give_back(b, c);
	return rc;
}

static int
sq_gateway_set(struct backend *b, const char *org, const char *name,
    const char *method, const char *statuses, const char *time_zone,
    struct pd_err *err)
{
	int rc;

	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_gateway_set(
	    SB(b)->dir, org, name, method, statuses, time_zone, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

static int
sq_gateway_settle(struct backend *b, const struct gateway_row *g,
    const char *path, struct gw_settle_result *res, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c = get_writer(b, g->org, &w, err);
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_gateway_settle(&c->s, g, path, res, err);
	put_writer(b, w, c);
	return rc;
}

static struct gw_payment *
sq_gateway_payments(struct backend *b, const char *org, const char *name,
    int unassociated, size_t *n, struct pd_err *err)
{
	struct conn *c = borrow(b, org, err);
	struct gw_payment *g;

	if (c == NULL)
		return NULL;
	g = svc_gateway_payments(&c->s, name, unassociated, n, err);
	give_back(b, c);
	return g;
}

/* Org is one of this node's (a list opens no organisation's store into
 * being): 0, or -1 with PD_ENOTFOUND. */
static int
org_known(struct backend *b, const char *org, struct pd_err *err)
{
	char path[4200];

	if (org_where(b, org, path, sizeof path, NULL, err) == 0)
		return 0;
	if (err->code != PD_ENOTFOUND)
		return -1;
	/* the same words on both engines */
	return pd_fail(err, PD_ENOTFOUND,
	    _("No organisation %s here (paydesk-central org add)"), org);
}

static int
sq_shifts(struct backend *b, const char *org,
    const struct central_shift_filter *f, central_shift_cb cb, void *arg,
    struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (org_known(b, org, err) != 0 || (c = borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_central_shifts(&c->s, f, cb, arg, err);
	give_back(b, c);
	return rc;
}

static int
sq_doctor(struct backend *b, const char *org, problem_cb cb, void *arg,
    struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (org_known(b, org, err) != 0 || (c = borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_doctor(&c->s, cb, arg, err);
	give_back(b, c);
	return rc;
}

static struct deposit *
sq_deposits(struct backend *b, const char *org, size_t *n, struct pd_err *err)
{
	struct deposit *v;
	struct conn *c;

	if (org_known(b, org, err) != 0 || (c = borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_deposits(&c->s, n, err);
	give_back(b, c);
	return v;
}

static int
sq_gaps(struct backend *b, const char *org, const char *terminal,
    series_line_cb cb, void *arg, struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (org_known(b, org, err) != 0)
		return -1;
	if (cb == NULL)
		return 0;
	if ((c = borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_central_gaps(&c->s, terminal, cb, arg, err);
	give_back(b, c);
	return rc;
}

static struct reanchor_row *
sq_reanchors(struct backend *b, const char *org, const char *terminal,
    size_t *n, struct pd_err *err)
{
	struct reanchor_row *v;
	struct conn *c;

	if (org_known(b, org, err) != 0 || (c = borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_reanchors(&c->s, terminal, n, err);
	give_back(b, c);
	return v;
}

/* The location (store_org_location) `move --to` names: sqlite,
 * postgresql (the node's [central] database) or a postgresql:// URI. */
static int
move_target(const struct backend *b, const char *to, char *loc, size_t n,
    struct pd_err *err)
{
	if (strcmp(to, "sqlite") == 0)
		snprintf(loc, n, "sqlite");
	else if (strcmp(to, "postgresql") == 0)
		snprintf(loc, n, "postgresql %s", b->cfg.central_database);
	else if (strncmp(to, "postgresql://", 13) == 0 ||
	         strncmp(to, "postgres://", 11) == 0)
		snprintf(loc, n, "postgresql %s", to);
	else
		return pd_fail(err, PD_EUSAGE,
		    _("Move --to: \"%s\" is not sqlite, postgresql or a "
		      "postgresql:// URI"),
		    to);
	return 0;
}

/* Each table of src and its copy dst summed (cb gets both); a table that
 * differs, or an audit chain that does not verify or ends elsewhere, is
 * PD_ETAMPER naming it. */
static int
move_verify(struct store *src, struct store *dst, move_cb cb, void *arg,
    struct pd_err *err)
{
	char(*t)[64], ha[65], hb[65];
	struct table_sum a, c;
	int64_t sa, sb, checked;
	struct pd_err e;
	size_t i, n;
	int rc = 0, same;

	if (store_org_tables(src, dst, &t, &n, err) != 0)
		return -1;
	/* every table shown; the first that differs named */
	for (i = 0; i < n; i++) {
		if (store_table_sum(src, dst, t[i], &a, &e) != 0 ||
		    store_table_sum(dst, src, t[i], &c, &e) != 0) {
			*err = e;
			rc = -1;
			break;
		}
		same = a.rows == c.rows && a.money == c.money &&
		       a.digest == c.digest;
		cb(t[i], (int64_t[2]){a.rows, a.money},
		    (int64_t[2]){c.rows, c.money}, same, arg);
		if (!same && rc == 0)
			rc = pd_fail(err, PD_ETAMPER,
			    _("The copy differs from the store in table %s "
			      "(%lld rows, money %lld here; %lld rows, money "
			      "%lld in the copy)"),
			    t[i], (long long)a.rows, (long long)a.money,
			    (long long)c.rows, (long long)c.money);
	}
	free(t);
	if (rc != 0)
		return -1;
	if (store_audit_verify(dst, &checked, err) != 0) {
		err->code = PD_ETAMPER;
		return -1;
	}
	if (store_audit_head(src, &sa, ha, err) != 0 ||
	    store_audit_head(dst, &sb, hb, err) != 0)
		return -1;
	if (sa != sb || strcmp(ha, hb) != 0)
		return pd_fail(err, PD_ETAMPER,
		    _("The copy's audit chain ends at entry %lld, the store's "
		      "at %lld"),
		    (long long)sb, (long long)sa);
	return 0;
}

/* A store set aside with suffix: a schema renamed in its open
 * transaction, or a file renamed once closed (st NULL). */
static void
set_aside(struct store *st, const char *path, const char *suffix)
{
	static const char *const ext[] = {"", "-wal", "-shm"};
	char from[4300], to[4400];
	struct pd_err e;
	size_t i;

	if (st != NULL) {
		store_retire(st, suffix, &e);
		return;
	}
	for (i = 0; i < 3; i++) {
		snprintf(from, sizeof from, "%s%s", path, ext[i]);
		snprintf(to, sizeof to, "%.*s%s.db%s", (int)(strlen(path) - 3),
		    path, suffix, ext[i]);
		rename(from, to);
	}
}

/* Copy and verify under the source's write lock (src's transaction):
 * 0 with the directory switched, or -1 with the copy set aside. */
static int
move_copy(struct backend *b, const char *org, const char *loc,
    struct store *src, struct store *dst, const char *dpath, int forge,
    move_cb cb, void *arg, struct pd_err *err)
{
	char at[TS_BUFSZ], suffix[40];
	int rc;

	svc_now(at);
	snprintf(suffix, sizeof suffix, "_refused_%.4s%.2s%.2s%.2s%.2s%.2s", at,
	    at + 5, at + 8, at + 11, at + 14, at + 17);
	rc = store_org_copy(src, dst, err);
	/* a test's forged difference (PAYDESK_CENTRAL_HOOK=move-forge) */
	if (rc == 0 && forge)
		store_forge_item(dst);
	if (rc == 0)
		rc = move_verify(src, dst, cb, arg, err);
	if (rc == 0) {
		pthread_mutex_lock(&SB(b)->dir_lock);
		rc = store_org_set_location(SB(b)->dir, org, loc, at, err);
		pthread_mutex_unlock(&SB(b)->dir_lock);
	}
	if (rc == 0)
		return 0;
	if (strncmp(dpath, "pg:", 3) == 0)
		set_aside(dst, dpath, suffix);
	return -1;
}

/* A PostgreSQL database moved to has the schema paydesk (the SQLite
 * functions and citext an organisation's schema uses) migrated first. */
static int
move_database(struct backend *b, const char *loc, struct pd_err *err)
{
	char path[4200];
	struct store *d;

	if (strncmp(loc, "postgresql", 10) != 0)
		return 0;
	snprintf(path, sizeof path, "pg:paydesk %s",
	    loc[10] == ' ' ? loc + 11 : b->cfg.central_database);
	if (store_open_directory(path, 1, &d, err) != 0)
		return -1;
	store_close(d);
	return 0;
}

static int
sq_move(struct backend *b, const char *org, const char *to, int forge,
    move_cb cb, void *arg, struct pd_err *err)
{
	char loc[4096], spath[4200], dpath[4200], at[TS_BUFSZ], suffix[40];
	struct store *src = NULL, *dst = NULL;
	int rc;

	if (move_target(b, to, loc, sizeof loc, err) != 0 ||
	    org_known(b, org, err) != 0 ||
	    org_where(b, org, spath, sizeof spath, NULL, err) != 0)
		return -1;
	loc_path(b, org, loc, dpath, sizeof dpath);
	if (strcmp(spath, dpath) == 0)
		return pd_fail(
		    err, PD_EINVAL, _("Organisation %s is there already"), org);
	if (store_open_central(spath, 0, &src, err) != 0 ||
	    move_database(b, loc, err) != 0 ||
	    store_open_central(dpath, 1, &dst, err) != 0) {
		store_close(src);
		return -1;
	}
	if (!store_org_empty(dst)) {
		store_close(src);
		store_close(dst);
		return pd_fail(err, PD_EINVAL,
		    _("The store %s is there already and holds data; nothing "
		      "was moved"),
		    dpath);
	}
	/* writers wait from here until the switch (or the refusal) */
	if (store_begin(src, err) != 0 || store_move_guard(src, 1, err) != 0) {
		store_close(src);
		store_close(dst);
		return -1;
	}
	rc = move_copy(b, org, loc, src, dst, dpath, forge, cb, arg, err);
	svc_now(at);
	snprintf(suffix, sizeof suffix, "_%s_%.4s%.2s%.2s%.2s%.2s%.2s",
	    rc == 0 ? "moved" : "refused", at, at + 5, at + 8, at + 11, at + 14,
	    at + 17);
	if (rc == 0 && strncmp(spath, "pg:", 3) == 0)
		set_aside(src, spath, suffix);
	if (rc == 0)
		store_commit(src, err);
	else
		store_abort(src);
	store_close(src);
	store_close(dst);
	if (rc == 0 && strncmp(spath, "pg:", 3) != 0)
		set_aside(NULL, spath, suffix);
	if (rc != 0 && strncmp(dpath, "pg:", 3) != 0)
		set_aside(NULL, dpath, suffix);
	return rc;
}

static int
sq_migrate(struct backend *b,
    void (*cb)(const char *org, int version, void *arg), void *arg,
    struct pd_err *err)
{
	char(*orgs)[33];
	struct conn *c;
	size_t i, n;
	int rc = 0;

	pthread_mutex_lock(&SB(b)->dir_lock);
	orgs = store_orgs(SB(b)->dir, &n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (orgs == NULL)
		return -1;
	/* opening a store migrates it */
	for (i = 0; i < n && rc == 0; i++) {
		if ((c = borrow(b, orgs[i], err)) == NULL) {
			rc = -1;
			break;
		}
		cb(orgs[i], store_version(c->s.st), arg);
		give_back(b, c);
	}
	free(orgs);
	return rc;
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
    sq_shifts,
    sq_deposits,
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
