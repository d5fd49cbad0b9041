/* internal.h - helpers the use cases share; not a public header. */
#ifndef PAYDESK_SERVICE_INTERNAL_H
#define PAYDESK_SERVICE_INTERNAL_H
#include "paydesk/service.h"
#include "paydesk/syncrec.h"

/* Next document number of a series ("payment", "transaction", "receipt",
 * "credit_note") for a document dated date; inside a transaction. */
int svc_next_number(struct svc *s, const char *series, const char *fmt,
    const char *date, char *out, size_t n, struct pd_err *err);
/* The audit entry of a use case, by the actor on this terminal. */
int svc_audit(struct svc *s, const char *at, const char *action,
    const char *entity, const char *ref, const char *detail,
    struct pd_err *err);
/* A sync outbox record; takes ownership of payload. */
int svc_outbox(struct svc *s, const char *kind, const char *uuid,
    const char *ref, char *payload, const char *at, struct pd_err *err);
/* Header for a sync record made now on this terminal. */
void svc_synchead(const struct svc *s, struct syncrec_head *h, const char *kind,
    const char *uuid, const char *at);
/* Commit, or roll back and keep err. Returns 0 or -1. */
int svc_finish(struct svc *s, int rc, struct pd_err *err);

#endif
