/* alerts_int.h - what alerts.c (raising), alert_kinds.c (the kinds and
 * statuses), alert_deliver.c (delivery), alert_inbox.c (reading and
 * working them) and alert_plans.c share; not a public header. */
#ifndef PAYDESK_SERVICE_ALERTS_INT_H
#define PAYDESK_SERVICE_ALERTS_INT_H
#include "internal.h"

/* The alert a row of the store holds (alert_kinds.c). */
void alerts_from_row(struct alert *a, const struct alert_row *r);
/* Kind k's stored code ("plan-broken"). */
const char *alerts_kind_code(enum alert_kind k);
/* What kind k's figure counts, the JSON's figure_is ("misses"). */
const char *alerts_kind_figure(enum alert_kind k);

/* Whether a new alert waits for [alerts] command (alert_deliver.c). */
int alerts_delivers(const struct svc *s);
/* Every alert that waits for [alerts] command given to it, oldest
 * first, after a failure's backoff: 0, or -1 with err the first
 * failure (alert_deliver.c). */
int alerts_deliver(struct svc *s, struct pd_err *err);

/* Raise r (kind k) as of at; counts into *n (alerts.c). */
int alerts_raise_one(struct svc *s, struct alert_row *r, enum alert_kind k,
    const char *at, int64_t *n, struct pd_err *err);
/* The "raised" history of the alerts after id before and the audit
 * entry of what raised them (by: "pass", "sync", "payment", "void"). */
int alerts_raised(struct svc *s, int64_t before, int64_t n, const char *by,
    const char *at, struct pd_err *err);
/* The arrangement rules as of today (alert_plans.c): the daily pass's
 * (last: the day of the pass before, "" none), a sync round's (last
 * NULL: the plans changed since the pass before only); every 1: every
 * plan read. */
int alerts_plan_rules(struct svc *s, const char *last, int32_t today,
    const char *at, int every, int64_t *n, struct pd_err *err);

/* The arrangement rules of consumer_id's plans as of today, in the
 * caller's transaction, what ended closed; counts into *n
 * (alert_plans.c). */
int alerts_plans_of(struct svc *s, int64_t consumer_id, int32_t today,
    const char *at, int64_t *n, struct pd_err *err);

#endif
