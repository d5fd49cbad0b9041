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

/* Whether each record of the push was applied before it, looked up
 * together (store_applied_many: a statement for 64, not one a record, a
 * round trip each on PostgreSQL), in the push's transaction: pre[i] its
 * hash or "" and has[i] 1. A uuid sent twice in the push is looked up
 * again at its second (has 0: the first may be applied by then), as is a
 * record whose uuid is not one (refused before any lookup). */
static int
preload_applied(struct svc *s, const struct sync_push *push, char (*pre)[65],
    unsigned char *has, struct pd_err *err)
{
	struct uuid_at *by = xcalloc(push->nrecs + 1, sizeof *by);
	const char **u = xcalloc(push->nrecs + 1, sizeof *u);
	size_t *idx = xcalloc(push->nrecs + 1, sizeof *idx);
	char(*h)[65] = xcalloc(push->nrecs + 1, sizeof *h);
	size_t i, n = 0, nby = 0;
	int rc;

	memset(has, 0, push->nrecs + 1);
	for (i = 0; i < push->nrecs; i++)
		if ((by[nby].uuid = sync_push_uuid(push, i)) != NULL)
			by[nby++].i = i;
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

/* The consumers and items the push's payments name, read for the batch
 * in one go (store_push_rows), and the ids their rows will take
 * (store_push_ids), not a statement each in every record's checks and
 * apply (a round trip each on PostgreSQL); their numbers apart
 * (preload_numbers). */
static int
preload_rows(struct svc *s, const struct sync_push *push, struct pd_err *err)
{
	const char **c = xcalloc(push->nrecs + 1, sizeof *c);
	size_t i, n, ni = 0, cap = push->nrecs + 16;
	const char **it = xcalloc(cap, sizeof *it);
	int rc;

	for (i = 0; i < push->nrecs; i++) {
		n = sync_push_payment_keys(push, i, &c[i], it + ni, cap - ni);
		if (n > cap - ni) {
			cap = 2 * cap + n + 16;
			it = xrealloc(it, cap, sizeof *it);
			sync_push_payment_keys(push, i, &c[i], it + ni, n);
		}
		ni += n;
	}
	rc = store_push_rows(s->st, c, push->nrecs, it, ni, err);
	/* their rows' ids drawn ahead (PostgreSQL), an allocation an item
	 * each, so that no insert waits for its row's id */
	for (i = n = 0; i < push->nrecs; i++)
		n += c[i] != NULL;
	if (rc == 0)
		rc = store_push_ids(s->st, n, ni, err);
	free(c);
	free(it);
	return rc;
}

/* The numbers the push's payments carry, whether they are free
 * (store_push_numbers): only the sending terminal's series takes them,
 * so another push committed meanwhile does not make them stale (one of
 * the same terminal's, a retry, fails the number's unique index, and
 * the push is applied again). */
static int
preload_numbers(struct svc *s, const struct sync_push *push, struct pd_err *err)
{
	const char **it = xcalloc(4 * push->nrecs + 1, sizeof *it);
	size_t i, ni;
	int rc;

	for (i = ni = 0; i < push->nrecs; i++)
		ni += sync_push_payment_numbers(push, i, it + ni);
	rc = store_push_numbers(s->st, it, ni, err);
	free(it);
	return rc;
}

int
svc_central_push(struct svc *s, const struct sync_sender *from,
    const struct sync_push *push, struct sync_result *res, svc_push_hook hook,
    void *arg, struct pd_err *err)
{
	char at[TS_BUFSZ];
	struct syncrec *r = xmalloc(sizeof *r); /* one at a time */
	struct syncrec *r2 = xmalloc(sizeof *r2);
	char(*pre)[65] = xcalloc(push->nrecs + 1, sizeof *pre);
	unsigned char *has = xcalloc(push->nrecs + 1, 1);
	const char *u;
	struct pd_err e;
	size_t i;
	/* pass 0: sent ahead, checked by the writes (store_push_guard);
	 * 1: sent ahead; 2: each record in its own savepoint */
	int each = 0, rc = 0, pass = 0, guarded = 0;

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
	 * (store_push_lock) */
	if (store_begin(s->st, err) != 0 || svc_settings_load(s, err) != 0 ||
	    preload_applied(s, push, pre, has, err) != 0 ||
	    preload_numbers(s, push, err) != 0 ||
	    store_push_lock(s->st, err) != 0 ||
	    preload_rows(s, push, err) != 0) {
		store_abort(s->st);
		s->push_reads = 0;
		free(r);
		free(r2);
		free(pre);
		free(has);
		return -1;
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
	for (i = 0; i < push->nrecs; i++) {
		struct pd_err bad = {0};
		const char *p2;

		rc = sync_push_record(push, i, r, &bad);
		/* (the uuid looked up is the one decoded) */
		u = sync_push_uuid(push, i);
		if (rc == 0 && upheld_by(push, i + 1, r, r2)) {
			u = sync_push_uuid(push, i + 1);
			p2 = has[i + 1] && u != NULL &&
			        strcmp(u, r2->uuid) == 0
			    ? pre[i + 1]
			    : NULL;
			u = sync_push_uuid(push, i);
			rc = push_pair(s, from, r, r2,
			    has[i] && u != NULL && strcmp(u, r->uuid) == 0
			        ? pre[i]
			        : NULL,
			    p2, at, &res[i], &res[i + 1], err);
			syncrec_free(r);
			syncrec_free(r2);
			if (rc != 0)
				break;
			if (hook != NULL)
				hook(i + 1, arg);
			i++;
			if (hook != NULL)
				hook(i + 1, arg);
			continue;
		}
		rc = push_one(s, from, r, rc ? bad.msg : NULL,
		    has[i] && u != NULL && strcmp(u, r->uuid) == 0 ? pre[i]
		                                                   : NULL,
		    at, each, &res[i], err);
		syncrec_free(r);
		if (rc != 0)
			break;
		/* (a test's hook sees the record's writes at the server) */
		if (hook != NULL && !each &&
		    store_pipeline(s->st, 1, &e) != 0) {
			rc = -2;
			break;
		}
		if (hook != NULL)
			hook(i + 1, arg);
	}
	if (!each && store_pipeline(s->st, 0, &e) != 0)
		rc = -2;
	store_push_guard(s->st, 0);
	if (rc == -2) {
		/* a check of the guarded pass failed, or a record was refused
		 * half applied: again without the checks, then each in its
		 * own savepoint (a push is applied whole in one go
		 * otherwise) */
		store_abort(s->st);
		pass = guarded && pass == 0 ? 1 : 2;
		each = pass == 2;
		goto again;
	}
	free(r);
	free(r2);
	free(pre);
	free(has);
	s->npush_sealed = 0;
	s->push_reads = 0;
	/* the seals of the rows the push wrote that the central node seals
	 * (credit notes, an arrangement's installments: schema_central.c)
	 * claimed by one audit entry naming the terminal, as a use case's
	 * entry claims its own; none when it wrote none */
	if (rc != 0 || store_sync_origin(s->st, "", 0, err) != 0 ||
	    store_seals_claim(s->st, from->terminal, err) != 0) {
		store_abort(s->st);
		return -1;
	}
	return svc_finish(s, 0, err);
}
