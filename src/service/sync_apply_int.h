/* sync_apply_int.h - what sync_apply.c (a payment record, the records
 * dispatched) and sync_apply_doc.c (the records that follow a payment,
 * and reference data) share; not a public header. */
#ifndef PAYDESK_SERVICE_SYNC_APPLY_INT_H
#define PAYDESK_SERVICE_SYNC_APPLY_INT_H
#include "internal.h"

/* The row id of a record's uuid in table t, or a PD_ENOTFOUND failure
 * that names it (what: the thing, in words). */
int sync_need_id(struct svc *s, enum store_table t, const char *uuid,
    const char *what, int64_t *id, struct pd_err *err);
/* The payment a record names by payment_uuid (void, verify,
 * credit_note): its id into *pid, the row into *p. */
int sync_record_payment(struct svc *s, const struct syncrec *r, int64_t *pid,
    struct payment *p, struct pd_err *err);
/* A document number (what: its kind, in words) taken by no other record:
 * 0, else PD_EINVAL naming the record that has it. */
int sync_number_free(
    struct svc *s, const char *what, const char *number, struct pd_err *err);
/* The credit note record r carries, against payment p: audited on the
 * central node when it is a record of its own (audit_at; NULL: not). */
int sync_insert_credit(struct svc *s, const struct syncrec *r,
    const struct payment *p, const char *audit_at, struct pd_err *err);

/* Records of mode (sync_apply_doc.c): 0 applied, 1 here already (a
 * replica), -1 err. A void, a verification, a credit note and a use of
 * its credit, of a payment applied before them; a consumer and an item,
 * the central node's reference data (a replica's). */
int sync_apply_void(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
int sync_apply_verify(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
int sync_apply_credit_note(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
int sync_apply_credit_use(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
int sync_apply_consumer(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
int sync_apply_item(struct svc *s, const struct syncrec *r, struct pd_err *err);

#endif
