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
/* What a dispute of payment p for code disputes, amount (minor units):
 * more than 0, no more than the payment's amount, and a bounced
 * cheque's the whole of it. */
int svc_dispute_check_amount(struct svc *s, const struct payment *p,
    const char *code, int64_t amount, struct pd_err *err);

#endif
