/* deposit_int.h - what deposit.c (create, void, hand, show, list),
 * deposit_build.c (a deposit's lines built from its request) and
 * deposit_left.c (what closed shifts have left to deposit) share; not a
 * public header. */
#ifndef PAYDESK_SERVICE_DEPOSIT_INT_H
#define PAYDESK_SERVICE_DEPOSIT_INT_H
#include "internal.h"

/* A deposit's lines and cheques as they are built. */
struct dep_build {
	struct deposit_line *lines;
	int64_t *ids; /* each line's shift id */
	size_t n;
	struct deposit_cheque *ch; /* the cheques its cheque lines take */
	size_t nch;
};

/* Whether method's takings are deposited: cash, and cheques (card
 * slips are settled by the card processor). */
int svc_dep_depositable(const struct svc *s, const char *method);
/* What closed shift sh leaves to deposit of tender t in all: cash
 * counted less the float kept, plus the cash its safe drops took to the
 * safe to be banked (review R20), less the cash its pay-ins brought
 * from the safe (review R20c: counted in the drawer, not to bank twice),
 * never below 0; cheques counted, less those given back. -1 on error. */
int svc_dep_available(struct svc *s, const struct shift *sh,
    const struct shift_tender *t, int64_t *out, struct pd_err *err);
/* Whether method is the shift's cash (else a cheque method). */
int svc_dep_is_cash(struct svc *s, const char *method);
/* The deposit's lines and cheques built into b, each checked as the
 * deposit takes it, and its slip not another live deposit's: all that
 * refuses a deposit, writing nothing (create_in_tx, svc_deposit_check). */
int svc_dep_build_in_tx(struct svc *s, const struct deposit_request *r,
    struct deposit *d, struct dep_build *b, struct pd_err *err);
#endif
