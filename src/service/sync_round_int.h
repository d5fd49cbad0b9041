/* sync_round_int.h - what sync_round.c (the round), sync_push.c (its
 * push) and sync_pull.c (its pull) share; not a public header. */
#ifndef PAYDESK_SERVICE_SYNC_ROUND_INT_H
#define PAYDESK_SERVICE_SYNC_ROUND_INT_H
#include "internal.h"
#include "paydesk/syncnet.h"

#define META_CURSOR "sync.cursor"

/* Send the outbox in batches until none is left, each marked sent or
 * refused from the central node's answer (sync_push.c). */
int svc_sync_push(struct svc *s, struct sync_net *net, sync_progress_fn cb,
    void *arg, struct sync_report *rep, struct pd_err *err);
/* Record the central node's answers res to the first n records of a
 * batch, in one transaction, with the audit entry "push sync" that
 * claims the seals of the records it marks sent or refused (seal.c): a
 * record marked by hand has none. A refusal undoes what the record did
 * here where it must (undo_kinds), which may hold back records queued
 * after it. */
int svc_sync_settle(struct svc *s, const struct outbox_rec *recs, size_t n,
    const struct sync_result *res, struct sync_report *rep, struct pd_err *err);
/* Pull pages until the central node has no more, each applied and the
 * cursor moved in the transaction that commits it (sync_pull.c). */
int svc_sync_pull(struct svc *s, struct sync_net *net, sync_progress_fn cb,
    void *arg, struct sync_report *rep, struct pd_err *err);

/* The records of pull page pg decoded ahead of the thread that applies
 * them, on a thread of their own, a few at a time (sync_decode.c): entry
 * i with sync_decode_next, in the page's order (0 or -1, err saying why,
 * as sync_page_entry), r valid until sync_decode_taken says the record
 * was freed (syncrec_free) and the next may take its place; end frees
 * what was decoded and not taken. */
struct sync_decode;
struct sync_decode *sync_decode_start(const struct sync_page *pg);
int sync_decode_next(struct sync_decode *d, size_t i, int64_t *seq,
    struct syncrec **r, struct pd_err *err);
void sync_decode_taken(struct sync_decode *d);
void sync_decode_end(struct sync_decode *d);

#endif
