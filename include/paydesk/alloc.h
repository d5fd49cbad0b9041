/* alloc.h - allocation of an amount to open items, and amount analysis. */
#ifndef PAYDESK_ALLOC_H
#define PAYDESK_ALLOC_H
#include <stddef.h>
#include <stdint.h>
#include "err.h"

struct money_style; /* money.h: amounts in messages are written so */

struct alloc_item {
	int64_t id;      /* caller's id of the item */
	int kind;        /* enum pay_type: 0 bill, 1 service, 2 installment */
	int arranged;    /* an installment of a payment arrangement */
	char ref[64];    /* invoice number, service ref, PLAN#N */
	char due_on[11]; /* YYYY-MM-DD; oldest is paid first */
	int64_t outstanding; /* amount still open before this payment */
	int64_t applied;     /* out: amount allocated */
	int rank; /* ALLOC_PRIORITY's rank of its kind (set by the rule) */
	int tier; /* installments first's group of it (set by the rule) */
};

enum analysis { ANALYSIS_EXACT, ANALYSIS_OVER, ANALYSIS_UNDER };

/* The rules that split a payment among the items selected (issue 21,
 * "Allocation rules": "oldest due first, proportional, or by item
 * priority (service charges before consumption, or a priority per item
 * type)"). Every rule but ALLOC_HAND and ALLOC_PROPORTIONAL sorts the
 * items, then pays them in that order: whole items first, a partial
 * remainder on the last. ALLOC_PROPORTIONAL pays each item its share of
 * the payment by what it owes, rounded down to the minor unit, the units
 * left one each to the oldest items. Ties are broken by the oldest-first
 * order: due date, then the item's reference (byte order), then its
 * id.
 * TO ADD A RULE: the enum, rule_names[] and the comparison in alloc.c,
 * the choice of payments.allocation (config.c), paydesk.ini(5),
 * paydesk(1), config.ini.example, alloc_rule_text's wording. */
enum alloc_rule {
	ALLOC_OLDEST,       /* "oldest": due date first (the default) */
	ALLOC_INSTALLMENTS, /* "installments": an arrangement's first */
	ALLOC_BILLS,        /* "bills": bills, then service charges, then
	                       installments */
	ALLOC_LARGEST,      /* "largest": largest outstanding first */
	ALLOC_HAND,         /* "hand": the order the cashier gave */
	ALLOC_PROPORTIONAL, /* "proportional": each its share by what it
	                       owes */
	ALLOC_PRIORITY,     /* "priority": by the rank of the item's kind
	                       (struct alloc_ranks), oldest first in one */
	ALLOC_RULES
};
/* The rank of each item kind (enum pay_type: bill, service,
 * installment) for ALLOC_PRIORITY: 1 (paid first) to 9; kinds of one
 * rank are paid oldest first. payments.priority_bill, priority_service,
 * priority_installment (paydesk.ini(5)); ALLOC_RANKS_DEFAULT is service
 * charges before consumption (the example), then installments. */
struct alloc_ranks {
	int rank[3];
};
#define ALLOC_RANK_MAX 9
#define ALLOC_RANKS_DEFAULT                                                    \
	{                                                                      \
		{                                                              \
			2, 1, 3                                                \
		}                                                              \
	}
/* "oldest", "installments", "bills", "largest", "hand", "proportional",
 * "priority"; NULL if none. */
const char *alloc_rule_name(enum alloc_rule r);
/* The rule named s (as alloc_rule_name, or a payment's name of a split
 * that paid an arrangement's installments first: the name and "+",
 * alloc_apply_policy), or -1. */
int alloc_rule_parse(const char *s);
/* Whether the name s (a payment's rule) says an arrangement's
 * installments were paid before what was not overdue ("oldest+"). */
int alloc_rule_first(const char *s);
/* Whether rule r may pay an arrangement's installments first (not
 * "installments", which pays them first anyway, nor "hand"). */
int alloc_rule_takes_first(enum alloc_rule r);
/* "an arrangement's installments before what is not overdue", marked
 * N_(): said after the rule's words of a "+" split. */
const char *alloc_first_text(void);
/* The rule in words, marked N_() for the reader's language: "Oldest due
 * first", ... */
const char *alloc_rule_text(enum alloc_rule r);

/* Split amount among items by rule (ranks: ALLOC_PRIORITY's, NULL the
 * default), the items left in the order they are paid (oldest first
 * for ALLOC_PROPORTIONAL, as given for ALLOC_HAND). Returns the part of
 * amount that no item could take (the overpayment). */
int64_t alloc_apply_ranked(struct alloc_item *items, size_t n, int64_t amount,
    enum alloc_rule rule, const struct alloc_ranks *ranks);
/* The organisation's way of splitting (issue 21, "An arrangement's
 * installments are paid before anything else that is not overdue
 * (configurable)"): rule, its ranks, and, when installments_first, the
 * items from the first the rule puts that is neither overdue (due before
 * today, YYYY-MM-DD) nor an arrangement's installment in three groups
 * paid in turn, each in the rule's order: those overdue, then an
 * arrangement's installments, then the rest; the rule alone where no
 * installment comes after that item (payments.installments_first,
 * paydesk.ini(5); helper-258, fault 1). */
struct alloc_policy {
	enum alloc_rule rule;
	const struct alloc_ranks *ranks; /* NULL: the default */
	int installments_first;
	const char *today;
};
/* alloc_apply_ranked by policy p; *first (may be NULL) 1 when the groups
 * made a split other than the rule alone would (the payment's rule is
 * then named with "+"), else 0. */
int64_t alloc_apply_policy(struct alloc_item *items, size_t n, int64_t amount,
    const struct alloc_policy *p, int *first);
/* alloc_apply_ranked with the default ranks. */
int64_t alloc_apply_rule(
    struct alloc_item *items, size_t n, int64_t amount, enum alloc_rule rule);
/* alloc_apply_rule with ALLOC_OLDEST. */
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
