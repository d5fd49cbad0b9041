/* sync_push.c - the push of a sync round: the outbox sent to the central
 * node in batches of [sync] batch records, each marked sent or refused
 * from the central node's answer (svc_sync_settle, sync_round.c).
 *
 * A batch is sent and its answer decoded on a thread of its own, while
 * the terminal reads and checks the batch after it and records the
 * answer to the batch before it: the central node's work and the
 * terminal's overlap instead of taking turns. A push of 100,000 payments
 * took 6.9 s of the terminal's CPU and 12.1 s of the central node's, and
 * 19.2 s of wall, one after the other (issue 22; bench_sync.sh).
 *
 * The order stays the one the central node needs: a batch is sent only
 * once the batch before it is answered, and only while no record of that
 * one was refused. A refusal may undo what the terminal did and hold
 * back records queued after the refused one (dispute_undo.c,
 * credit_void.c), so the batch after it is read again once the refusal
 * is recorded, never sent as read before.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/syncnet.h"
#include "paydesk/xmalloc.h"
#include "sync_round_int.h"

/* One batch: its records as read (nall, of which the first n go), its
 * body, and the central node's answer to it. rc: 0 answered, -1 the
 * request failed, -2 the answer was not understood (err says why). */
struct batch {
	struct outbox_rec *recs;
	size_t n, nall;
	int64_t first, last; /* the ids of the first n as read */
	const char **uuids;
	char *body;
	struct sync_result *res;
	struct sync_net *net;
	struct pd_err err;
	int rc, threaded;
	pthread_t th;
};

static void
batch_free(struct batch *b)
{
	store_outbox_free(b->recs, b->nall);
	free(b->uuids);
	free(b->body);
	free(b->res);
	memset(b, 0, sizeof *b);
}

/* A shift's opening queued after records of the shift (a shift opened
 * before shifts were synced, whose refused close was queued again:
 * retry_opening) goes before the first of them in the batch: the central
 * node applies a movement or close only of a shift it has open. Other
 * records keep their order. */
static void
openings_first(struct outbox_rec *r, size_t n)
{
	char needle[64];
	struct outbox_rec o;
	size_t i, j;

	for (j = 1; j < n; j++) {
		if (strcmp(r[j].kind, "shift_open") != 0)
			continue;
		snprintf(
		    needle, sizeof needle, "\"shift_uuid\":\"%s\"", r[j].uuid);
		for (i = 0; i < j; i++)
			if (r[i].payload != NULL &&
			    strstr(r[i].payload, needle) != NULL)
				break;
		if (i == j)
			continue;
		o = r[j];
		memmove(&r[i + 1], &r[i], (j - i) * sizeof *r);
		r[i] = o;
	}
}

/* A batch goes only if each of its records is what paydesk recorded
 * (store_outbox_sealed): a payload edited in the sqlite3 shell, or a
 * record added there, is never sent (issue 18, section 7). The store is
 * then marked as failing its check, as doctor would (svc_check_sound). */
static int
check_sealed(
    struct svc *s, const struct outbox_rec *recs, size_t n, struct pd_err *err)
{
	char why[256];
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = store_outbox_sealed(
		    s->st, recs[i].id, why, sizeof why, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			continue;
		svc_check_failed(s, 1);
		return pd_fail(err, PD_ETAMPER,
		    _("Outbox record %s %s (%s) is not what paydesk recorded: "
		      "%s. Nothing more is sent. Run paydesk doctor, and "
		      "restore the store from a backup"),
		    recs[i].kind, recs[i].ref, recs[i].uuid, why);
	}
	return 0;
}

/* Read the batch after record id after, check it and make its body; the
 * body says how many records wait here (the central node's terminals
 * list), those of a batch sent and not yet answered (in_flight) left
 * out. b->n is 0 when nothing is left. */
static int
batch_read(struct svc *s, int64_t after, size_t in_flight, struct batch *b,
    struct pd_err *err)
{
	const char **payloads;
	int64_t pending;
	size_t i;

	memset(b, 0, sizeof *b);
	b->recs = store_outbox_next(
	    s->st, after, (size_t)s->cfg.sync_batch, &b->nall, err);
	if (b->recs == NULL)
		return -1;
	if (b->nall == 0) {
		batch_free(b); /* (an empty array, still allocated) */
		return 0;
	}
	if (check_sealed(s, b->recs, b->nall, err) != 0) {
		batch_free(b);
		return -1;
	}
	b->n = b->nall;
	/* a void or credit note that ends a full batch goes with the next:
	 * a dispute's uphold by it may follow, and the central node takes or
	 * refuses the two together (push_pair) */
	if (b->n > 1 && b->n == (size_t)s->cfg.sync_batch &&
	    (strcmp(b->recs[b->n - 1].kind, "void") == 0 ||
	        strcmp(b->recs[b->n - 1].kind, "credit_note") == 0))
		b->n--;
	b->first = b->recs[0].id;
	b->last = b->recs[b->n - 1].id;
	openings_first(b->recs, b->n);
	payloads = xcalloc(b->n, sizeof *payloads);
	b->uuids = xcalloc(b->n, sizeof *b->uuids);
	for (i = 0; i < b->n; i++) {
		payloads[i] = b->recs[i].payload;
		b->uuids[i] = b->recs[i].uuid;
	}
	pending = store_outbox_pending(s->st) - (int64_t)in_flight;
	b->body = sync_push_encode(
	    s->cfg.terminal_id, pending > 0 ? pending : 0, payloads, b->n);
	free(payloads);
	b->res = xcalloc(b->n, sizeof *b->res);
	return 0;
}

static void *
send_run(void *arg)
{
	struct batch *b = arg;
	struct sync_reply reply;

	b->rc = sync_net_call(b->net, "POST", SYNC_ROUTE_PUSH, b->body,
	    strlen(b->body), &reply, &b->err);
	free(b->body);
	b->body = NULL;
	if (b->rc != 0)
		return NULL;
	if (sync_results_decode(
	        reply.body, reply.len, b->uuids, b->n, b->res, &b->err) != 0) {
		pd_err_prefix(
		    &b->err, _("The central node's answer to a push was not "
		               "understood: "));
		b->err.code = PD_ENET;
		b->rc = -2;
	}
	sync_reply_free(&reply);
	return NULL;
}

/* Send b on a thread of its own (on this one if none can start). */
static void
send_start(struct batch *b, struct sync_net *net)
{
	b->net = net;
	b->threaded = pthread_create(&b->th, NULL, send_run, b) == 0;
	if (!b->threaded)
		send_run(b);
}

static void
send_wait(struct batch *b)
{
	if (b->threaded)
		pthread_join(b->th, NULL);
	b->threaded = 0;
}

/* Whether the central node took every record of answered batch b. */
static int
all_taken(const struct batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->res[i].status == SYNC_REJECTED)
			return 0;
	return 1;
}

/* Record the answer to b, or that it had none: its records are tried
 * again at the next round. */
static int
batch_settle(
    struct svc *s, struct batch *b, struct sync_report *rep, struct pd_err *err)
{
	struct pd_err e;

	if (b->rc == 0)
		return svc_sync_settle(s, b->recs, b->n, b->res, rep, err);
	*err = b->err;
	rep->bad_answer |= b->rc == -2;
	if (store_begin(s->st, &e) == 0)
		svc_finish(s,
		    store_outbox_attempt(s->st, b->first, b->last,
		        err->said[0] ? err->said : err->msg, &e),
		    &e);
	return -1;
}

int
svc_sync_push(struct svc *s, struct sync_net *net, sync_progress_fn cb,
    void *arg, struct sync_report *rep, struct pd_err *err)
{
	/* two slots, swapped, never copied: a batch's thread writes to it
	 * where it is */
	struct batch slot[2], *cur = &slot[0], *next = &slot[1], *t;
	struct pd_err read_err = {0};
	int64_t after;
	int rc, read_rc, sent_next;

	rep->to_send = store_outbox_pending(s->st);
	if (batch_read(s, 0, 0, cur, err) != 0)
		return -1;
	if (cur->n > 0)
		send_start(cur, net);
	while (cur->n > 0) {
		/* while cur is on its way: the batch after it */
		read_rc = batch_read(s, cur->last, cur->n, next, &read_err);
		send_wait(cur);
		sent_next = 0;
		if (read_rc == 0 && cur->rc == 0 && all_taken(cur)) {
			if (next->n > 0) {
				send_start(next, net);
				sent_next = 1;
			}
		} else if (read_rc == 0)
			batch_free(next); /* read again once cur is settled */
		/* while next is on its way: the answer to cur */
		after = cur->last;
		rc = batch_settle(s, cur, rep, err);
		batch_free(cur);
		if (rc == 0 && read_rc != 0) {
			*err = read_err;
			rc = -1;
		}
		if (rc == 0 && cb != NULL &&
		    cb("push", rep->sent, rep->to_send, arg)) {
			pd_fail(err, PD_ECANCEL, _("Sync stopped"));
			rc = -1;
		}
		if (rc != 0) {
			/* a batch sent is answered and its answer kept, or
			 * its records go again at the next round */
			if (sent_next) {
				struct pd_err e;

				send_wait(next);
				batch_settle(s, next, rep, &e);
				batch_free(next);
			}
			return -1;
		}
		if (sent_next) {
			t = cur;
			cur = next;
			next = t;
		} else if (batch_read(s, after, 0, cur, err) != 0)
			return -1;
		else if (cur->n > 0)
			send_start(cur, net);
	}
	batch_free(cur);
	return 0;
}
