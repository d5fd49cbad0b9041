/* anchor.c - the audit chain's head anchored at the central node (issue
 * 18, section 7). Each sync round sends the terminal's newest audit
 * sequence and hash (POST /v1/anchor); the central node keeps the
 * longest it saw. A chain that is later shorter than that head, or holds
 * another hash at its sequence, lost or rewrote entries: even a chain
 * recomputed end to end after an edit, which verifies on its own, is
 * seen. `paydesk audit verify` and `paydesk doctor` ask the central node
 * for the head it keeps and compare it with the store's chain.
 * A longer head carries the links of the entries after the one kept (the
 * text each entry's hash covers after the previous hash): the central
 * node hashes them from the head it keeps and keeps the new head only
 * when they arrive at it, so a chain cut and grown again is not kept.
 *
 * The central node cannot tell the terminal's entries from made-up ones
 * that chain from its head: a token's holder could have a head kept that
 * this log will never hold (review R18, session 37), which froze the
 * terminal for good. The head is evidence, not authority: the terminal
 * keeps the newest head the central node kept that its log was seen to
 * hold (META_OWN); a head past it that the log does not hold is said to
 * be none of this log's (no restore advised), and a supervisor's
 * `paydesk audit reanchor` replaces it from there, the central node
 * keeping every head and the replacement (anchor_history,
 * anchor_resets). A log rewritten below that head is still refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/say.h"
#include "paydesk/sha256.h"
#include "paydesk/syncnet.h"

/* ---- the terminal ---- */

/* the newest head the central node kept that this log was seen to hold:
 * "SEQ HASH" */
#define META_OWN "sync.anchor_own"

/* The head of META_OWN, when this log still holds it: 1, 0 when there
 * is none or the log does not hold it, -1 on a store error. */
static int
own_head(struct svc *s, int64_t *seq, char hash[65], struct pd_err *err)
{
	char v[100] = "", mine[65];
	long long q;
	int rc;

	*seq = 0;
	if (store_meta_get(s->st, META_OWN, v, sizeof v) != 0 ||
	    sscanf(v, "%lld %64s", &q, hash) != 2 || q <= 0 ||
	    strlen(hash) != 64)
		return 0;
	rc = store_audit_hash_at(s->st, q, mine, err);
	if (rc <= 0)
		return rc;
	if (strcmp(mine, hash) != 0)
		return 0;
	*seq = q;
	return 1;
}

/* Remember head (seq, hash) as this log's, when newer than the one kept. */
static void
own_note(struct svc *s, int64_t seq, const char *hash)
{
	char v[100], h[65];
	int64_t was;
	struct pd_err e = {0};

	if (seq <= 0 || own_head(s, &was, h, &e) < 0 || was > seq ||
	    (was == seq && strcmp(h, hash) == 0))
		return;
	snprintf(v, sizeof v, "%lld %s", (long long)seq, hash);
	store_meta_set(s->st, META_OWN, v, &e);
}

/* Ask (head NULL) or anchor head; *out gets what the central keeps. */
static int
anchor_call(struct svc *s, struct sync_net *net, const struct sync_anchor *head,
    struct sync_anchor *out, struct pd_err *err)
{
	struct sync_anchor q;
	struct sync_reply r;
	char *body;
	int rc;

	memset(&q, 0, sizeof q);
	if (head != NULL)
		q = *head;
	xstrlcpy(q.terminal, s->cfg.terminal_id, sizeof q.terminal);
	body = sync_anchor_encode(&q);
	rc = sync_net_call(
	    net, "POST", SYNC_ROUTE_ANCHOR, body, strlen(body), &r, err);
	free(body);
	if (rc != 0) {
		if (err->code == PD_EINVAL &&
		    strstr(err->msg, "(HTTP 409)") != NULL)
			err->code = PD_ETAMPER;
		return -1;
	}
	rc = sync_anchor_decode(r.body, r.len, out, err);
	sync_anchor_free(out); /* an answer's links are not needed */
	sync_reply_free(&r);
	if (rc != 0) {
		pd_err_prefix(err, _("The central node's audit head was not "
		                     "understood: "));
		err->code = PD_ENET;
		return -1;
	}
	return 0;
}

/* Compare the store's chain with the head the central node keeps. */
static int
anchor_compare(struct svc *s, const struct sync_anchor *kept,
    struct audit_anchor *a, struct pd_err *err)
{
	char hash[65], local[24], seen[24];
	int rc;

	a->central_seq = kept->has_head ? kept->seq : 0;
	if (!kept->has_head || kept->seq == 0)
		return 0;
	/* kept to be said again (META_ANCHOR: doctor, audit verify) in the
	 * reader's language, say.h */
	snprintf(local, sizeof local, "%lld", (long long)a->local_seq);
	snprintf(seen, sizeof seen, "%lld", (long long)kept->seq);
	if (kept->seq > a->local_seq)
		return say_fail(err, PD_ETAMPER,
		    N_("The audit log ends at entry %lld, but the central node "
		       "saw it reach entry %lld: entries were removed (or the "
		       "store was restored from an older backup)"),
		    2, local, seen);
	rc = store_audit_hash_at(s->st, kept->seq, hash, err);
	if (rc < 0)
		return -1;
	if (rc == 0 || strcmp(hash, kept->hash) != 0) {
		int64_t own;
		char oh[65], os[24];

		rc = own_head(s, &own, oh, err);
		if (rc < 0)
			return -1;
		if (rc == 1 && own < kept->seq) {
			snprintf(os, sizeof os, "%lld", (long long)own);
			a->foreign = 1;
			return say_fail(err, PD_ETAMPER,
			    N_("Audit log entry %lld is not the one the "
			       "central node saw, but this log holds entry "
			       "%lld, the newest head the central node kept "
			       "from it: the head past that is none of this "
			       "log's (sent with this terminal's token by "
			       "someone else, or by a copy of this store). No "
			       "restore is needed: a supervisor's paydesk "
			       "audit reanchor replaces it (the central node "
			       "keeps both); if the token may be known to "
			       "someone else, revoke it and add a new one"),
			    2, seen, os);
		}
		return say_fail(err, PD_ETAMPER,
		    N_("Audit log entry %lld is not the one the central node "
		       "saw: the log was rewritten up to there"),
		    1, seen);
	}
	own_note(s, kept->seq, kept->hash);
	return 0;
}

/* Anchor the head up to SYNC_ANCHOR_MAX_LINKS entries past *kept (not
 * past upto), with the links from *kept to it; *kept gets the new head. */
static int
anchor_step(struct svc *s, struct sync_net *net, int64_t upto,
    struct sync_anchor *kept, struct pd_err *err)
{
	struct sync_anchor head;
	int rc;

	memset(&head, 0, sizeof head);
	head.has_head = 1;
	head.seq = upto - kept->seq > SYNC_ANCHOR_MAX_LINKS
	               ? kept->seq + SYNC_ANCHOR_MAX_LINKS
	               : upto;
	if (store_audit_hash_at(s->st, head.seq, head.hash, err) != 1 ||
	    store_audit_links(s->st, kept->seq + 1, head.seq, &head.links,
	        &head.nlinks, err) != 0) {
		if (err->msg[0] == '\0')
			pd_fail(err, PD_ETAMPER,
			    _("Audit log entry %lld is missing"),
			    (long long)head.seq);
		return -1;
	}
	rc = anchor_call(s, net, &head, kept, err);
	sync_anchor_free(&head);
	if (rc == 0 && kept->seq != head.seq)
		return pd_fail(err, PD_ENET,
		    _("The central node kept audit entry %lld, not %lld"),
		    (long long)kept->seq, (long long)head.seq);
	return rc;
}

int
svc_audit_anchor_sync(struct svc *s, struct sync_net *net,
    struct audit_anchor *a, struct pd_err *err)
{
	struct sync_anchor kept, head;

	memset(a, 0, sizeof *a);
	memset(&head, 0, sizeof head);
	a->configured = 1;
	if (store_audit_head(s->st, &a->local_seq, head.hash, err) != 0 ||
	    anchor_call(s, net, NULL, &kept, err) != 0 ||
	    anchor_compare(s, &kept, a, err) != 0)
		return -1;
	if (kept.has_head && kept.seq == a->local_seq)
		return 0;
	if (!kept.has_head) { /* the first head: nothing to extend */
		head.has_head = 1;
		head.seq = a->local_seq;
		if (anchor_call(s, net, &head, &kept, err) != 0)
			return -1;
		a->central_seq = kept.seq;
		own_note(s, kept.seq, kept.hash);
		return 0;
	}
	while (kept.seq < a->local_seq)
		if (anchor_step(s, net, a->local_seq, &kept, err) != 0)
			return -1;
	a->central_seq = kept.seq;
	own_note(s, kept.seq, kept.hash);
	return 0;
}

int
svc_audit_anchor(struct svc *s, struct audit_anchor *a, struct pd_err *err)
{
	struct sync_anchor kept;
	struct sync_net *net;
	char hash[65];
	int rc;

	memset(a, 0, sizeof *a);
	if (s->cfg.sync_url[0] == '\0')
		return 0;
	a->configured = 1;
	if (store_audit_head(s->st, &a->local_seq, hash, err) != 0)
		return -1;
	/* a check, not a sync: asked once, without the retries' waits */
	net = svc_net(s, NULL, 0);
	rc = anchor_call(s, net, NULL, &kept, err);
	sync_net_free(net);
	if (rc != 0)
		return -1;
	return anchor_compare(s, &kept, a, err);
}

/* The newest head the central node saw at entry upto or before, which
 * the store's chain must hold as its own: *base gets its entry. When it
 * does not, and the head is past the newest of this log's the central
 * node kept (META_OWN: a head none of this log's, review R18), that one
 * is the base, if the central node saw it. */
static int
reanchor_base(struct svc *s, struct sync_net *net, int64_t upto, int64_t *base,
    struct pd_err *err)
{
	struct sync_anchor q, seen, mine;
	char hash[65], oh[65];
	int64_t own;
	int rc;

	memset(&q, 0, sizeof q);
	q.reanchor = 1;
	q.upto = upto;
	if (anchor_call(s, net, &q, &seen, err) != 0)
		return -1;
	*base = seen.has_head ? seen.seq : 0;
	if (*base == 0)
		return 0;
	rc = store_audit_hash_at(s->st, *base, hash, err);
	if (rc < 0)
		return -1;
	if (rc == 1 && strcmp(hash, seen.hash) != 0 &&
	    (rc = own_head(s, &own, oh, err)) != 0) {
		if (rc < 0)
			return -1;
		q.upto = own;
		memset(&mine, 0, sizeof mine);
		if (own < *base && anchor_call(s, net, &q, &mine, err) != 0)
			return -1;
		if (own < *base && mine.has_head && mine.seq == own &&
		    strcmp(mine.hash, oh) == 0) {
			*base = own;
			return 0;
		}
		rc = 1;
	}
	if (rc == 0 || strcmp(hash, seen.hash) != 0)
		return pd_fail(err, PD_ETAMPER,
		    _("Audit log entry %lld is not the one the central node "
		      "saw: this log is not a copy of this terminal's (a "
		      "backup of it would hold it); not reanchored"),
		    (long long)*base);
	return 0;
}

/* The reanchor's audit entry, then the head with it sent from entry
 * base, inside the caller's transaction. */
static int
reanchor_send(struct svc *s, struct sync_net *net, const char *reason,
    struct audit_reanchor *out, struct pd_err *err)
{
	struct sync_anchor head, kept;
	char at[TS_BUFSZ], detail[400];
	int rc;

	svc_now(at);
	snprintf(detail, sizeof detail, "central %lld, from %lld: %s",
	    (long long)out->central_seq, (long long)out->base, reason);
	memset(&head, 0, sizeof head);
	if (svc_audit(s, at, "reanchor", "audit", "", detail, err) != 0 ||
	    store_audit_head(s->st, &head.seq, head.hash, err) != 0)
		return -1;
	if (head.seq - out->base > SYNC_ANCHOR_MAX_LINKS)
		return pd_fail(err, PD_EINVAL,
		    _("The audit log has %lld entries after entry %lld, the "
		      "newest the central node saw it hold; a reanchor sends "
		      "at most %d"),
		    (long long)(head.seq - out->base), (long long)out->base,
		    SYNC_ANCHOR_MAX_LINKS);
	head.has_head = 1;
	head.reanchor = 1;
	head.base = out->base;
	xstrlcpy(head.by, s->actor.full_name, sizeof head.by);
	xstrlcpy(head.reason, reason, sizeof head.reason);
	if (store_audit_links(s->st, out->base + 1, head.seq, &head.links,
	        &head.nlinks, err) != 0)
		return -1;
	rc = anchor_call(s, net, &head, &kept, err);
	sync_anchor_free(&head);
	if (rc != 0)
		return -1;
	out->local_seq = kept.seq;
	own_note(s, kept.seq, kept.hash);
	return store_meta_set(s->st, "sync.anchor_error", "", err);
}

int
svc_audit_reanchor(struct svc *s, const char *reason,
    struct audit_reanchor *out, struct pd_err *err)
{
	struct audit_anchor a;
	struct sync_net *net;
	struct pd_err e = {0};
	int rc;

	memset(out, 0, sizeof *out);
	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Reanchoring the audit log"), err) != 0 ||
	    svc_check_text_fits(_("Reason"), reason, s->cfg.remarks_max,
	        SVC_TEXT_BUFSZ, 1, err) !=
	        0)
		return -1;
	if (s->cfg.sync_url[0] == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("No central node is configured ([sync] url): there is "
		      "no anchor to set back"));
	rc = svc_audit_anchor(s, &a, &e);
	if (rc == 0)
		return pd_fail(err, PD_EINVAL,
		    _("The audit log (entry %lld) extends what the central "
		      "node saw (entry %lld): there is nothing to reanchor"),
		    (long long)a.local_seq, (long long)a.central_seq);
	if (e.code != PD_ETAMPER) {
		*err = e;
		return -1;
	}
	out->central_seq = a.central_seq;
	net = svc_net(s, NULL, 0);
	rc = reanchor_base(s, net, a.local_seq, &out->base, err);
	if (rc == 0 && store_begin(s->st, err) == 0)
		rc =
		    svc_finish(s, reanchor_send(s, net, reason, out, err), err);
	else
		rc = -1;
	sync_net_free(net);
	return rc;
}

/* ---- the central node ---- */

int
svc_central_anchor_decode(
    const char *body, size_t len, struct sync_anchor *a, struct pd_err *err)
{
	return sync_anchor_decode(body, len, a, err);
}

char *
svc_central_anchor_encode(const struct sync_anchor *a)
{
	return sync_anchor_encode(a);
}

void
svc_central_anchor_free(struct sync_anchor *a)
{
	sync_anchor_free(a);
}

/* Whether in's links chain from the head kept (seq, hash) to in's head:
 * one link per entry after it, each opening with its entry's sequence. */
static int
anchor_extends(const struct sync_anchor *in, int64_t seq, const char *hash,
    struct pd_err *err)
{
	char h[65], lead[32];
	struct sha256 c;
	uint8_t d[32];
	size_t i;

	if (in->nlinks == 0 || (int64_t)in->nlinks != in->seq - seq)
		return pd_fail(err, PD_ETAMPER,
		    _("Terminal %s: its audit head (entry %lld) carries %zu "
		      "links, not the %lld entries after the one kept (entry "
		      "%lld); not kept"),
		    in->terminal, (long long)in->seq, in->nlinks,
		    (long long)(in->seq - seq), (long long)seq);
	/* an empty log's head chains its first entry from 64 zeros */
	if (seq == 0)
		memset(h, '0', 64), h[64] = '\0';
	else
		xstrlcpy(h, hash, sizeof h);
	for (i = 0; i < in->nlinks; i++) {
		snprintf(lead, sizeof lead, "\x1f%lld\x1f",
		    (long long)(seq + 1 + (int64_t)i));
		if (strncmp(in->links[i], lead, strlen(lead)) != 0)
			return pd_fail(err, PD_ETAMPER,
			    _("Terminal %s: link %zu is not audit entry %lld; "
			      "not kept"),
			    in->terminal, i + 1,
			    (long long)(seq + 1 + (int64_t)i));
		sha256_init(&c);
		sha256_update(&c, h, strlen(h));
		sha256_update(&c, in->links[i], strlen(in->links[i]));
		sha256_final(&c, d);
		sha256_tohex(d, sizeof d, h);
	}
	if (strcmp(h, in->hash) != 0)
		return pd_fail(err, PD_ETAMPER,
		    _("Terminal %s: its audit entries after entry %lld do "
		      "not chain from the head kept to entry %lld: the log "
		      "was cut and written again; not kept"),
		    in->terminal, (long long)seq, (long long)in->seq);
	return 0;
}

static int
anchor_keep(struct svc *s, const struct sync_anchor *in,
    struct sync_anchor *out, struct pd_err *err)
{
	char at[TS_BUFSZ], cutoff[DATE_BUFSZ];
	int rc =
	    store_anchor_get(s->st, in->terminal, &out->seq, out->hash, err);

	if (rc < 0)
		return -1;
	out->has_head = rc;
	if (!in->has_head)
		return 0;
	if (rc == 1 &&
	    (in->seq < out->seq ||
	        (in->seq == out->seq && strcmp(in->hash, out->hash) != 0)))
		return pd_fail(err, PD_ETAMPER,
		    _("Terminal %s: its audit head (entry %lld) does not "
		      "extend the one kept (entry %lld); not kept"),
		    in->terminal, (long long)in->seq, (long long)out->seq);
	if (rc == 1 && in->seq > out->seq &&
	    anchor_extends(in, out->seq, out->hash, err) != 0)
		return -1;
	svc_now(at);
	svc_central_history_cutoff(&s->cfg, cutoff);
	if (store_anchor_put(s->st, in->terminal, in->seq, in->hash, at, err) !=
	        0 ||
	    store_anchor_history_prune(s->st, in->terminal, cutoff, err) != 0)
		return -1;
	out->has_head = 1;
	out->seq = in->seq;
	xstrlcpy(out->hash, in->hash, sizeof out->hash);
	return 0;
}

/* A reanchor (review 18, point 6): a question gets the newest head seen
 * at entry upto or before (0 and "": none, the empty log's); a head is
 * set back to when its links chain from a head seen at entry base, and
 * the set-back is kept with who asked and why. */
static int
anchor_reset(struct svc *s, const struct sync_anchor *in,
    struct sync_anchor *out, struct pd_err *err)
{
	char at[TS_BUFSZ], kept_hash[65], base_hash[65];
	int64_t kept_seq, seq;
	struct anchor_reset r;
	int rc;

	if (!in->has_head) {
		if (store_anchor_before(s->st, in->terminal, in->upto,
		        &out->seq, out->hash, err) < 0)
			return -1;
		out->has_head = 1;
		return 0;
	}
	if (store_anchor_get(s->st, in->terminal, &kept_seq, kept_hash, err) <
	        0 ||
	    (rc = store_anchor_before(
	         s->st, in->terminal, in->base, &seq, base_hash, err)) < 0)
		return -1;
	if (in->base != 0 && (rc == 0 || seq != in->base))
		return pd_fail(err, PD_ETAMPER,
		    _("Terminal %s: its audit head was never seen at entry "
		      "%lld; a reanchor starts from a head the central node "
		      "saw; not kept"),
		    in->terminal, (long long)in->base);
	if (anchor_extends(in, in->base, base_hash, err) != 0)
		return -1;
	svc_now(at);
	r = (struct anchor_reset){in->terminal, at, kept_seq, kept_hash,
	    in->base, in->seq, in->hash, in->by, in->reason};
	if (store_anchor_reset(s->st, &r, err) != 0 ||
	    store_anchor_put(s->st, in->terminal, in->seq, in->hash, at, err))
		return -1;
	out->has_head = 1;
	out->seq = in->seq;
	xstrlcpy(out->hash, in->hash, sizeof out->hash);
	return 0;
}

int
svc_central_anchor(struct svc *s, const struct sync_anchor *in,
    struct sync_anchor *out, struct pd_err *err)
{
	memset(out, 0, sizeof *out);
	xstrlcpy(out->terminal, in->terminal, sizeof out->terminal);
	if (store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s,
	    in->reanchor ? anchor_reset(s, in, out, err)
	                 : anchor_keep(s, in, out, err),
	    err);
}

struct reanchor_row *
svc_central_reanchors(
    struct svc *s, const char *terminal, size_t *n, struct pd_err *err)
{
	return store_anchor_resets(s->st, terminal, n, err);
}

void
svc_central_history_cutoff(const struct config *cfg, char out[DATE_BUFSZ])
{
	char today[DATE_BUFSZ];
	int32_t d;

	svc_today(today);
	if (date_parse(today, NULL, &d, NULL) != 0) {
		xstrlcpy(out, "0000-00-00", DATE_BUFSZ);
		return;
	}
	date_format(out, d - cfg->central_history_days);
}
