/* gateway_int.h - what the central node's gateway use cases share
 * (gateway.c, gateway_ledger.c); not a public header. */
#ifndef PAYDESK_SERVICE_GATEWAY_INT_H
#define PAYDESK_SERVICE_GATEWAY_INT_H
#include "internal.h"

/* Bring gateway payment code of gw where its latest status says: its
 * webhook and settlement statuses, its consumer, its ledger payment;
 * after event ev (NULL: none), a dispute's, the dispute of its amount.
 * A dispute event of no amount or of more than the payment is refused
 * (PD_EINVAL). */
int svc_gw_advance(struct svc *s, const struct gateway_row *gw,
    const char *code, const struct gw_event *ev, const char *at,
    struct pd_err *err);
/* The consumer of gateway payment g, by its reference or the payer's
 * phone (gateway_ledger.c). */
int svc_gw_associate(struct svc *s, struct gw_payment *g, struct pd_err *err);
/* Post what is left of g (a payment that succeeded, a refund in part
 * arriving first): nothing when nothing is left. */
int svc_gw_post(struct svc *s, const struct gateway_row *gw,
    struct gw_payment *g, const char *at, struct pd_err *err);

#endif
