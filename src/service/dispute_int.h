/* dispute_int.h - what dispute.c (the use cases) and dispute_sync.c (a
 * pushed step checked, a step applied) share; not a public header. */
#ifndef PAYDESK_SERVICE_DISPUTE_INT_H
#define PAYDESK_SERVICE_DISPUTE_INT_H
#include "internal.h"

#define DSP_NUMBER_FMT SVC_DSP_NUMBER_FMT
#define DSP_VOID_REASON "Dispute %s upheld"
#define DSP_CREDIT_REMARKS "Dispute %s"
#define DSP_CHARGE_WORDS "Bounced cheque charge"
#define DSP_CB_WORDS "Chargeback"

/* The configured code for reason (any case), or NULL. */
const char *svc_dispute_reason_code(
    const struct config *cfg, const char *reason);
/* Payment p may be disputed: not voided, failed or cancelled, with no
 * dispute unresolved. */
int svc_dispute_check_disputable(
    struct svc *s, const struct payment *p, struct pd_err *err);
/* A reason code fits payment p: a bounced cheque only a cheque's. */
int svc_dispute_check_reason(struct svc *s, const struct payment *p,
    const char *code, struct pd_err *err);
/* The disputes of payment p upheld by charging their amount again (a
 * chargeback's remedy): the sum of what they disputed into *charged
 * (minor units), the first into *first (NULL: not wanted); 1 when there
 * is one, 0 none, -1 err. */
int svc_dispute_charged(struct svc *s, const struct payment *p,
    int64_t *charged, struct dispute *first, struct pd_err *err);
/* What was given back of payment p already into *taken (minor units):
 * its chargebacks charged again (svc_dispute_charged) and its credit
 * notes not voided (a dispute's or not) that gave money back
 * (store_credit_refunded: not its overpayment note); as
 * svc_dispute_charged otherwise. */
int svc_dispute_upheld(struct svc *s, const struct payment *p, int64_t *taken,
    struct dispute *first, struct pd_err *err);
/* Payment p may be voided as far as its disputes go: refused when an
 * upheld one charged its amount again (a chargeback: the bank took
 * that back, and a void would make the items it paid owe it too:
 * review s48, helper-211). */
int svc_dispute_check_void(
    struct svc *s, const struct payment *p, struct pd_err *err);
/* Payment p may be voided by hand (payment void): refused while a
 * dispute of it is unresolved, which its void would leave Open for ever,
 * neither upheld nor voided again (review s48, helper-214). */
int svc_dispute_check_unresolved(
    struct svc *s, const struct payment *p, struct pd_err *err);
/* What a dispute of payment p for code disputes, amount (minor units):
 * more than 0, no more than the payment's amount less what its upheld
 * disputes took (svc_dispute_upheld), and a bounced cheque's the whole
 * of it (none upheld). */
int svc_dispute_check_amount(struct svc *s, const struct payment *p,
    const char *code, int64_t amount, struct pd_err *err);
/* The day a chargeback's amount charged again is due (review s49,
 * helper-214: due the day upheld, a debt months overdue came back as
 * current, out of the disconnection list and the aging's older buckets
 * for as many days as they wait, its consumer read "Paid" on the
 * reconnection list): the earliest due date of the items dispute d's
 * payment paid, the debt come back as old as it was; today (YYYY-MM-DD)
 * when that is later or the payment paid no item (its money all held
 * as credit). due: 11 bytes. 0, or -1 err. */
int svc_dispute_charge_due(struct svc *s, const struct dispute *d,
    const char *today, char *due, struct pd_err *err);

/* A new step of d (kind, note) by the actor, with its outbox record
 * and audit entry; the row of d written as it now is (dispute.c). */
int svc_dispute_step(struct svc *s, struct dispute *d, const char *kind,
    const char *note, const char *detail, struct pd_err *err);
/* An optional note checked (s: its limits): none, or one that says
 * something. Given of spaces only it is refused, as a required one is
 * (tester's fault 6: it was dropped without a word). */
int svc_dispute_check_note(struct svc *s, const char *note, struct pd_err *err);
/* Dispute number, which must be unresolved (and, when open_only, not yet
 * under review), and opened no later than this terminal's day (a step
 * of it dated before its opening is refused, PD_EINVAL: a clock behind;
 * helper-253, fault 8). */
int svc_dispute_find_unresolved(struct svc *s, const char *number,
    int open_only, struct dispute *d, struct pd_err *err);

#endif
