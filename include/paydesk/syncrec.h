/* syncrec.h - the sync protocol's records, shared by the terminal and the
 * central node. Every record written to the outbox is one JSON object:
 *   { "v": 1, "kind": "payment", "uuid": "...", "terminal": "T01",
 *     "branch": "B01", "at": "YYYY-MM-DD HH:MM:SS", "data": { ... } }
 * Money is integer minor units; "currency" names the code.
 */
#ifndef PAYDESK_SYNCREC_H
#define PAYDESK_SYNCREC_H
#include <stddef.h>

#include "model.h"

#define SYNC_PROTOCOL_VERSION 1

struct syncrec_head {
	const char *kind;
	const char *uuid;
	const char *terminal;
	const char *branch;
	const char *at;
	const char *currency;
};

/* Each returns a JSON text the caller frees. */
char *syncrec_payment(const struct syncrec_head *h, const struct payment *p,
    const struct consumer *c, const struct allocation *a, size_t na,
    const struct credit_note *cn);
char *syncrec_void(const struct syncrec_head *h, const struct payment *p,
    const char *reason, const char *by);
char *syncrec_verify(
    const struct syncrec_head *h, const struct payment *p, const char *by);
char *syncrec_credit_note(
    const struct syncrec_head *h, const struct credit_note *cn);
char *syncrec_credit_apply(const struct syncrec_head *h,
    const struct credit_note *cn, const struct credit_application *a,
    const char *item_ref);

#endif
