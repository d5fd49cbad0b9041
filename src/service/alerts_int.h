/* alerts_int.h - what alerts.c (the names, raising and delivery) and
 * alert_inbox.c (reading and working them) share; not a public header. */
#ifndef PAYDESK_SERVICE_ALERTS_INT_H
#define PAYDESK_SERVICE_ALERTS_INT_H
#include "internal.h"

/* The alert a row of the store holds. */
void alerts_from_row(struct alert *a, const struct alert_row *r);
/* Kind k's stored code ("plan-broken"). */
const char *alerts_kind_code(enum alert_kind k);

#endif
