/* internal.h - helpers the use cases share; not a public header. */
#ifndef PAYDESK_SERVICE_INTERNAL_H
#define PAYDESK_SERVICE_INTERNAL_H
#include "paydesk/service.h"
#include "paydesk/store.h"
#include "paydesk/syncrec.h"

/* Next document number of a series ("payment", "transaction", "receipt",
 * "credit_note") for a document dated date; inside a transaction. */
int svc_next_number(struct svc *s, const char *series, const char *fmt,
    const char *date, char *out, size_t n, struct pd_err *err);
/* The audit entry of a use case, by the actor on this terminal. */
int svc_audit(struct svc *s, const char *at, const char *action,
    const char *entity, const char *ref, const char *detail,
    struct pd_err *err);
/* Start a sync record made on this terminal (r is cleared first). */
void svc_syncrec(const struct svc *s, struct syncrec *r, enum syncrec_kind kind,
    const char *uuid, const char *at);
/* Write record r to the sync outbox; ref names it for people. */
int svc_outbox(struct svc *s, const struct syncrec *r, const char *ref,
    struct pd_err *err);
/* Whether payment p may be voided (not yet, no credit note applied). */
int svc_void_check(struct svc *s, const struct payment *p, struct pd_err *err);
/* What a void does, wherever it was decided: reverse what is left of
 * each allocation, void the credit notes, record the void, mark the
 * payment Voided. Inside the caller's transaction. */
int svc_void_effects(struct svc *s, const struct payment *p, const char *uuid,
    const char *reason, int64_t user_id, const char *by, const char *at,
    const char *terminal, struct pd_err *err);
/* Apply a sync record (src/service/sync_apply.c) inside the caller's
 * transaction: on the central node from a terminal, or on a terminal as
 * pulled from the central node. 0 applied, 1 nothing to do (already
 * there), -1 refused or failed (err; PD_ESTORE is the store failing). */
enum apply_mode { APPLY_CENTRAL, APPLY_REPLICA };
int svc_apply_record(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
/* A user as an import row gives it: added, or with update, changed when
 * the name, role or PIN differ (a PIN is compared with its hash). Inside
 * the caller's transaction; *bad as for svc_user_add. */
struct user_put {
	const char *username, *full_name, *role, *pin;
	int update;
};
enum put_outcome { PUT_ADDED, PUT_UPDATED, PUT_UNCHANGED };
int svc_user_put(struct svc *s, const struct user_put *in,
    enum put_outcome *out, int *bad, struct pd_err *err);
/* Commit, or roll back and keep err. Returns 0 or -1. */
int svc_finish(struct svc *s, int rc, struct pd_err *err);

#endif
