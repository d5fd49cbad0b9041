/* sync_central.c - the central node's use cases on an organisation's
 * store: apply a terminal's push (one transaction, idempotent by uuid),
 * and serve the feed as pages of records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/sha256.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

int
svc_central_open(struct svc *s, const struct config *cfg, const char *path,
    int create, struct pd_err *err)
{
	memset(s, 0, sizeof *s);
	s->cfg = *cfg;
	s->base_cfg = cfg;
	xstrlcpy(s->cfg.store_path, path, sizeof s->cfg.store_path);
	if (store_open_central(path, create, &s->st, err) != 0)
		return -1;
	if (svc_settings_load(s, err) != 0) {
		svc_close(s);
		return -1;
	}
	return 0;
}

/* The outcome of a record; the reason escaped (utf8_printable): it quotes
 * what the terminal sent (a name, a reference, a number), and it is
 * stored in sync_log and shown on the operator's terminal and in the
 * answer as it is kept. */
static void
outcome(struct sync_result *res, enum sync_outcome o, const char *why)
{
	res->status = o;
	utf8_printable_into(res->reason, sizeof res->reason, why ? why : "");
}

/* One record of a push, inside the push's transaction. -1 only when the
 * store failed (the whole push is rolled back); a refusal is an outcome.
 * With each, the record is applied in its own savepoint, so that a
 * refused one leaves nothing behind; without, a refusal in the middle of
 * applying returns -2 and the push starts again with each. */
static int
push_one(struct svc *s, const struct sync_sender *from, const struct syncrec *r,
    const char *bad, const char *pre, const char *at, int each,
    struct sync_result *res, struct pd_err *err)
{
	const char *terminal = from->terminal;
	char hash[65], why[700], shown[4 * sizeof r->uuid];
	int found, rc;
	struct pd_err e = {0};

	xstrlcpy(res->uuid, r->uuid, sizeof res->uuid);
	if (bad != NULL) {
		outcome(res, SYNC_REJECTED, bad);
		goto log;
	}
	if (strcmp(r->terminal, terminal) != 0) {
		snprintf(why, sizeof why,
		    "the record was made on terminal %s; terminal %s cannot "
		    "send it",
		    r->terminal, terminal);
		outcome(res, SYNC_REJECTED, why);
		goto log;
	}
	/* pre: what the batch's lookup found (preload_applied) */
	if (pre != NULL) {
		found = pre[0] != '\0';
		xstrlcpy(hash, pre, sizeof hash);
	} else if (store_applied_get(s->st, r->uuid, hash, &found, err) != 0)
		return -1;
	if (found) {
		if (strcmp(hash, r->hash) == 0) {
			outcome(res, SYNC_DUPLICATE, NULL);
			return 0;
		}
		outcome(res, SYNC_REJECTED,
		    "conflict: a different record with this uuid was already "
		    "applied");
		return store_sync_log(s->st, at, terminal, r->uuid,
		    syncrec_kind_name(r->kind), "conflict", res->reason, err);
	}
	/* what the terminal could not have posted itself */
	if (svc_sync_judge(s, from, r, &e) != 0) {
		if (e.code == PD_ESTORE) {
			*err = e;
			return -1;
		}
		outcome(res, SYNC_REJECTED, e.msg);
		goto log;
	}
	if (each && store_begin(s->st, err) != 0)
		return -1;
	rc = svc_apply_record(s, APPLY_CENTRAL, r, &e);
	if (rc < 0) {
		if (e.code == PD_ESTORE) {
			*err = e;
			return -1;
		}
		if (!each)
			return -2;
		store_rollback(s->st);
		outcome(res, SYNC_REJECTED, e.msg);
		goto log;
	}
	if (store_applied_put(s->st, r->uuid, terminal,
	        syncrec_kind_name(r->kind), r->hash, at, err) != 0 ||
	    (each && store_commit(s->st, err) != 0)) {
		if (each)
			store_rollback(s->st);
		return -1;
	}
	outcome(res, SYNC_APPLIED, NULL);
	return 0;
log:
	/* a uuid refused for its form is the terminal's bytes too */
	utf8_printable_into(shown, sizeof shown, r->uuid);
	return store_sync_log(s->st, at, terminal, shown,
	    r->uuid[0] ? syncrec_kind_name(r->kind) : "?", "rejected",
	    res->reason, err);
}

/* Whether record i of the push (decoded into r2 when it is, free with
 * syncrec_free) is the dispute step upholding by void or credit note r,
 * the record before it. */
static int
upheld_by(const struct sync_push *push, size_t i, const struct syncrec *r,
    struct syncrec *r2)
{
	struct pd_err e = {0};

	if (i >= push->nrecs || (r->kind != SR_VOID && r->kind != SR_CREDIT_NOTE))
		return 0;
	if (sync_push_record(push, i, r2, &e) != 0) {
		syncrec_free(r2);
		return 0;
	}
	if (r2->kind == SR_DISPUTE && strcmp(r2->op, "uphold") == 0 &&
	    strcmp(r->kind == SR_VOID ? r2->dsp.void_uuid : r2->cn_uuid,
	        r->uuid) == 0)
		return 1;
	syncrec_free(r2);
	return 0;
}

/* A void or credit note (rv) and the dispute step upholding by it (rs)
 * are taken or refused together (review of issue 21: the void was taken
 * and the step refused, the payment voided everywhere and its dispute
 * left open but at the terminal), in a savepoint of their own; each
 * applied as push_one does with each. */
static int
push_pair(struct svc *s, const struct sync_sender *from,
    const struct syncrec *rv, const struct syncrec *rs, const char *prev,
    const char *pres, const char *at, struct sync_result *resv,
    struct sync_result *ress, struct pd_err *err)
{
	char why[700];
	int undo, rc;

	if (store_begin(s->st, err) != 0)
		return -1;
	/* an uphold's void, of a payment of any branch (sync_check.c) */
	s->push_uphold_void = rv->kind == SR_VOID;
	rc = push_one(s, from, rv, NULL, prev, at, 1, resv, err);
	s->push_uphold_void = 0;
	if (rc != 0 ||
	    (resv->status != SYNC_REJECTED &&
	        push_one(s, from, rs, NULL, pres, at, 1, ress, err) != 0)) {
		store_rollback(s->st);
		return -1;
	}
	if (resv->status == SYNC_REJECTED) {
		xstrlcpy(ress->uuid, rs->uuid, sizeof ress->uuid);
		snprintf(why, sizeof why,
		    "the %s it upholds by was refused: %s",
		    syncrec_kind_name(rv->kind), resv->reason);
		outcome(ress, SYNC_REJECTED, why);
		if (store_sync_log(s->st, at, from->terminal, rs->uuid,
		        syncrec_kind_name(rs->kind), "rejected", ress->reason,
		        err) != 0) {
			store_rollback(s->st);
			return -1;
		}
		return store_commit(s->st, err);
	}
	undo = ress->status == SYNC_REJECTED && resv->status == SYNC_APPLIED;
	if (!undo)
		return store_commit(s->st, err);
	/* the step refused: the void or credit note it names with it */
	store_rollback(s->st);
	snprintf(why, sizeof why,
	    "the dispute step upholding by it was refused: %s", ress->reason);
	outcome(resv, SYNC_REJECTED, why);
	if (store_sync_log(s->st, at, from->terminal, rv->uuid,
	        syncrec_kind_name(rv->kind), "rejected", resv->reason,
	        err) != 0 ||
	    store_sync_log(s->st, at, from->terminal, rs->uuid,
	        syncrec_kind_name(rs->kind), "rejected", ress->reason, err))
		return -1;
	return 0;
}

struct uuid_at {
	const char *uuid;
	size_t i;
};

static int
cmp_uuid_at(const void *a, const void *b)
{
	const struct uuid_at *x = a, *y = b;
	int c = strcmp(x->uuid, y->uuid);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The pushes applied in one transaction (svc_central_push_group): their
 * records numbered one after the other, record f being push k's i. */
struct push_set {
	const struct sync_sender *const *from;
	const struct sync_push *const *push;
	size_t nrecs;  /* records, all pushes' */
	size_t *k, *i; /* per record f: its push, its index there */
};

static void
set_init(struct push_set *g, const struct sync_sender *const *from,
    const struct sync_push *const *push, size_t n)
{
	size_t k, i, f = 0;

	g->from = from;
	g->push = push;
	for (k = g->nrecs = 0; k < n; k++)
		g->nrecs += push[k]->nrecs;
	g->k = xcalloc(g->nrecs + 1, sizeof *g->k);
	g->i = xcalloc(g->nrecs + 1, sizeof *g->i);
	for (k = 0; k < n; k++)
		for (i = 0; i < push[k]->nrecs; i++, f++) {
			g->k[f] = k;
			g->i[f] = i;
		}
}

/* Whether each record of the pushes was applied before them, looked up
 * together (store_applied_many: a statement for 64, not one a record, a
 * round trip each on PostgreSQL), in the push's transaction: pre[f] its
 * hash or "" and has[f] 1. A uuid sent twice is looked up again at its
 * second (has 0: the first may be applied by then), as is a record
 * whose uuid is not one (refused before any lookup). */
static int
preload_applied(struct svc *s, const struct push_set *g, char (*pre)[65],
    unsigned char *has, struct pd_err *err)
{
	struct uuid_at *by = xcalloc(g->nrecs + 1, sizeof *by);
	const char **u = xcalloc(g->nrecs + 1, sizeof *u);
	size_t *idx = xcalloc(g->nrecs + 1, sizeof *idx);
	char(*h)[65] = xcalloc(g->nrecs + 1, sizeof *h);
	size_t f, i, n = 0, nby = 0;
	int rc;

	memset(has, 0, g->nrecs + 1);
	for (f = 0; f < g->nrecs; f++)
		if ((by[nby].uuid =
		            sync_push_uuid(g->push[g->k[f]], g->i[f])) != NULL)
			by[nby++].i = f;
	qsort(by, nby, sizeof *by, cmp_uuid_at);
	for (i = 0; i < nby; i++)
		if (i == 0 || strcmp(by[i - 1].uuid, by[i].uuid) != 0) {
			u[n] = by[i].uuid;
			idx[n++] = by[i].i;
		}
	rc = store_applied_many(s->st, u, n, h, err);
	for (i = 0; rc == 0 && i < n; i++) {
		memcpy(pre[idx[i]], h[i], sizeof h[i]);
		has[idx[i]] = 1;
	}
	free(by);
	free(u);
	free(idx);
	free(h);
	return rc;
}

/* The consumers and items the pushes' payments name, read for the batch
 * in one go (store_push_rows), and the ids their rows will take
 * (store_push_ids), not a statement each in every record's checks and
 * apply (a round trip each on PostgreSQL); their numbers apart
 * (preload_numbers). */
static int
preload_rows(struct svc *s, const struct push_set *g, struct pd_err *err)
{
	const char **c = xcalloc(g->nrecs + 1, sizeof *c);
	size_t f, n, ni = 0, cap = g->nrecs + 16;
	const char **it = xcalloc(cap, sizeof *it);
	const struct sync_push *p;
	int rc;

	for (f = 0; f < g->nrecs; f++) {
		p = g->push[g->k[f]];
		n = sync_push_payment_keys(
		    p, g->i[f], &c[f], it + ni, cap - ni);
		if (n > cap - ni) {
			cap = 2 * cap + n + 16;
			it = xrealloc(it, cap, sizeof *it);
			sync_push_payment_keys(p, g->i[f], &c[f], it + ni, n);
		}
		ni += n;
	}
	rc = store_push_rows(s->st, c, g->nrecs, it, ni, err);
	/* their rows' ids drawn ahead (PostgreSQL), an allocation an item
	 * each, so that no insert waits for its row's id */
	for (f = n = 0; f < g->nrecs; f++)
		n += c[f] != NULL;
	if (rc == 0)
		rc = store_push_ids(s->st, n, ni, err);
	free(c);
	free(it);
	return rc;
}

/* The numbers the pushes' payments carry, whether they are free
 * (store_push_numbers): only the sending terminal's series takes them,
 * so another push committed meanwhile does not make them stale (one of
 * the same terminal's, a retry, fails the number's unique index, and
 * the push is applied again). */
static int
preload_numbers(struct svc *s, const struct push_set *g, struct pd_err *err)
{
	const char **it = xcalloc(4 * g->nrecs + 1, sizeof *it);
	size_t f, ni;
	int rc;

	for (f = ni = 0; f < g->nrecs; f++)
		ni += sync_push_payment_numbers(
		    g->push[g->k[f]], g->i[f], it + ni);
	rc = store_push_numbers(s->st, it, ni, err);
	free(it);
	return rc;
}

/* The first record's judgement's reads that no push changes, made before
 * the push takes the organisation's row (svc_sync_judge_warm); none for a
 * record applied before (a retry's: it is not judged). r is scratch. */
static int
warm_first(struct svc *s, const struct push_set *g, char (*pre)[65],
    const unsigned char *has, struct syncrec *r, struct pd_err *err)
{
	struct pd_err bad = {0};
	int rc = 0;

	if (g->nrecs == 0 || (has[0] && pre[0][0] != '\0'))
		return 0;
	if (sync_push_record(g->push[g->k[0]], g->i[0], r, &bad) == 0)
		rc = svc_sync_judge_warm(s, g->from[g->k[0]], r, err);
	syncrec_free(r);
	return rc;
}

/* pre[f] when it is record f's (the uuid looked up is the one decoded,
 * r's), else NULL: looked up again */
static const char *
pre_of(const struct push_set *g, size_t f, char (*pre)[65],
    const unsigned char *has, const struct syncrec *r)
{
	const char *u = sync_push_uuid(g->push[g->k[f]], g->i[f]);

	return has[f] && u != NULL && strcmp(u, r->uuid) == 0 ? pre[f] : NULL;
}

int
svc_central_push_group(struct svc *s, const struct sync_sender *const *from,
    const struct sync_push *const *push, struct sync_result *const *res,
    size_t n, svc_push_hook hook, void *arg, struct pd_err *err)
{
	char at[TS_BUFSZ];
	struct syncrec *r = xmalloc(sizeof *r); /* one at a time */
	struct syncrec *r2 = xmalloc(sizeof *r2);
	struct push_set g;
	char(*pre)[65];
	unsigned char *has;
	struct pd_err e;
	size_t f;
	/* pass 0: sent ahead, checked by the writes (store_push_guard);
	 * 1: sent ahead; 2: each record in its own savepoint */
	int each = 0, rc = 0, pass = 0, guarded = 0;

	set_init(&g, from, push, n);
	s->push_passes = 1;
	pre = xcalloc(g.nrecs + 1, sizeof *pre);
	has = xcalloc(g.nrecs + 1, 1);
	svc_now(at);
again:
	s->npush_sealed = 0;
	s->push_reads = 1;
	s->push_rules_head = -1;
	s->push_user.id = 0;
	s->push_role_since = -1;
	/* an import may have changed the settings since the last push;
	 * the rows the records are judged by (their items' settled amounts)
	 * read once the organisation's writers' lock is held (PostgreSQL),
	 * so that no push committed meanwhile overtakes them
	 * (store_push_lock); before it, what no push changes */
	if (store_begin(s->st, err) != 0 || svc_settings_load(s, err) != 0 ||
	    preload_applied(s, &g, pre, has, err) != 0 ||
	    preload_numbers(s, &g, err) != 0 ||
	    warm_first(s, &g, pre, has, r, err) != 0 ||
	    store_push_lock(s->st, err) != 0 || preload_rows(s, &g, err) != 0) {
		rc = -1;
		goto fail;
	}
	/* on PostgreSQL the first pass sends its writes ahead, their
	 * answers read at the next read (store_pipeline: the round trips of
	 * a run of writes are one); a write that failed there makes the
	 * pass a refusal half applied, as below, so its record is named
	 * with its own reason in the second pass, which sends none ahead */
	if (!each)
		store_pipeline(s->st, 1, &e);
	/* and on PostgreSQL first with the audit entries' reads checked by
	 * their writes, not made: the log's head as this push appended it,
	 * no seal waiting to be claimed (after a record that wrote a sealed
	 * row they are made); a check that fails fails the pass, which is
	 * then made as before */
	if (pass == 0)
		guarded = store_push_guard(s->st, 1);
	for (f = 0; f < g.nrecs; f++) {
		const struct sync_push *p = push[g.k[f]];
		const struct sync_sender *fr = from[g.k[f]];
		struct sync_result *rs = res[g.k[f]];
		size_t i = g.i[f];
		struct pd_err bad = {0};

		/* a push's records take its origin from none, as a push
		 * alone does: the feed entries of a record that sets none
		 * (a dispute, an arrangement, a shift...) were stamped with
		 * the terminal of the push before it in the group, which
		 * never pulled them (helper-324) */
		if (f > 0 && g.k[f] != g.k[f - 1] &&
		    store_sync_origin(s->st, "", 0, err) != 0) {
			rc = -1;
			break;
		}
		rc = sync_push_record(p, i, r, &bad);
		if (rc == 0 && upheld_by(p, i + 1, r, r2)) {
			/* (record f + 1 is the same push's i + 1) */
			rc = push_pair(s, fr, r, r2, pre_of(&g, f, pre, has, r),
			    pre_of(&g, f + 1, pre, has, r2), at, &rs[i],
			    &rs[i + 1], err);
			syncrec_free(r);
			syncrec_free(r2);
			if (rc != 0)
				break;
			if (hook != NULL)
				hook(f + 1, arg);
			f++;
			if (hook != NULL)
				hook(f + 1, arg);
			continue;
		}
		rc = push_one(s, fr, r, rc ? bad.msg : NULL,
		    pre_of(&g, f, pre, has, r), at, each, &rs[i], err);
		syncrec_free(r);
		if (rc != 0)
			break;
		store_push_boundary(s->st);
		/* (a test's hook sees the record's writes at the server) */
		if (hook != NULL && !each &&
		    store_pipeline(s->st, 1, &e) != 0) {
			rc = -2;
			break;
		}
		if (hook != NULL)
			hook(f + 1, arg);
	}
	if (!each && store_pipeline(s->st, 0, &e) != 0)
		rc = -2;
	store_push_guard(s->st, 0);
	if (rc == -2 && n > 1)
		goto fail; /* each push alone (the caller) */
	if (rc == -2) {
		/* a check of the guarded pass failed, or a record was refused
		 * half applied: again without the checks, then each in its
		 * own savepoint (a push is applied whole in one go
		 * otherwise) */
		store_abort(s->st);
		pass = guarded && pass == 0 ? 1 : 2;
		each = pass == 2;
		s->push_passes = pass + 1;
		goto again;
	}
	s->npush_sealed = 0;
	s->push_reads = 0;
	if (rc != 0 || store_sync_origin(s->st, "", 0, err) != 0) {
		rc = -1;
		goto fail;
	}
	/* the seals of the rows the push wrote that the central node seals
	 * (credit notes, an arrangement's installments: schema_central.c)
	 * claimed by one audit entry naming the terminal, as a use case's
	 * entry claims its own; none when it wrote none. A group's are
	 * one terminal's each: its pushes are then applied each alone */
	if (n > 1 && store_seals_unclaimed(s->st) > 0) {
		rc = -2;
		goto fail;
	}
	if (store_seals_claim(s->st, from[0]->terminal, err) != 0) {
		rc = -1;
		goto fail;
	}
	rc = svc_finish(s, 0, err);
	goto out;
fail:
	store_abort(s->st);
out:
	s->npush_sealed = 0;
	s->push_reads = 0;
	free(r);
	free(r2);
	free(pre);
	free(has);
	free(g.k);
	free(g.i);
	return rc;
}

int
svc_central_push(struct svc *s, const struct sync_sender *from,
    const struct sync_push *push, struct sync_result *res, svc_push_hook hook,
    void *arg, struct pd_err *err)
{
	return svc_central_push_group(s, &from, &push, &res, 1, hook, arg, err);
}
