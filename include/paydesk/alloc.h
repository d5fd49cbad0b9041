/* alloc.h - allocation of an amount to open items, and amount analysis. */
#ifndef PAYDESK_ALLOC_H
#define PAYDESK_ALLOC_H
#include <stddef.h>
#include <stdint.h>
#include "err.h"

struct money_style; /* money.h: amounts in messages are written so */

struct alloc_item {
	int64_t id;          /* caller's id of the item */
	char ref[64];        /* invoice number, service ref, PLAN#N */
	char due_on[11];     /* YYYY-MM-DD; oldest is paid first */
	int64_t outstanding; /* amount still open before this payment */
	int64_t applied;     /* out: amount allocated */
};

enum analysis { ANALYSIS_EXACT, ANALYSIS_OVER, ANALYSIS_UNDER };

/* Sort items oldest due date first (ref breaks ties) and allocate amount:
 * whole items first, a partial remainder on the last. Returns the part of
 * amount that no item could take (the overpayment). */
int64_t alloc_apply(struct alloc_item *items, size_t n, int64_t amount);

/* Compare paid against due: exact, over or under, and paid - due in *diff. */
enum analysis analysis_of(int64_t due, int64_t paid, int64_t *diff);
const char *analysis_name(enum analysis a);

/* Rule: amount > 0 and amount <= outstanding + threshold. */
int pay_check_amount(int64_t amount, int64_t outstanding, int64_t threshold,
    const struct money_style *st, struct pd_err *err);
/* Rule for cash: tendered >= amount; *change = tendered - amount. */
int pay_cash_change(int64_t amount, int64_t tendered, int64_t *change,
    const struct money_style *st, struct pd_err *err);

#endif
