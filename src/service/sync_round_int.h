/* sync_round_int.h - what sync_round.c (the round, its push) and
 * sync_pull.c (its pull) share; not a public header. */
#ifndef PAYDESK_SERVICE_SYNC_ROUND_INT_H
#define PAYDESK_SERVICE_SYNC_ROUND_INT_H
#include "internal.h"
#include "paydesk/syncnet.h"

#define META_CURSOR "sync.cursor"

/* Pull pages until the central node has no more, each applied and the
 * cursor moved in the transaction that commits it (sync_pull.c). */
int svc_sync_pull(struct svc *s, struct sync_net *net, sync_progress_fn cb,
    void *arg, struct sync_report *rep, struct pd_err *err);

#endif
