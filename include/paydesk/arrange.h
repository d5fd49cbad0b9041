/* arrange.h - payment arrangements' arithmetic (issue 21): the schedule
 * of a plan and its compliance. Pure rules, no I/O; days are days since
 * 1970-01-01 (date.h), money int64_t minor units. */
#ifndef PAYDESK_ARRANGE_H
#define PAYDESK_ARRANGE_H
#include <stdint.h>
#include "err.h"
#include "model.h"

/* At most this many installments in a plan (ten years monthly). */
#define ARR_INST_MAX 120
/* Grace days and misses allowed are bounded by these. */
#define ARR_GRACE_MAX 90
#define ARR_MISSES_MAX 12

enum arr_freq { ARR_WEEKLY, ARR_FORTNIGHTLY, ARR_MONTHLY };

/* "weekly", "fortnightly", "monthly" as stored and typed. */
const char *arr_freq_name(enum arr_freq f);
/* Case-insensitive; -1 if unknown. */
int arr_freq_parse(const char *s);

/* The latest first due date of a plan made or rescheduled on today (days):
 * a year after it, the same day of the month a year on (29 February:
 * the 28th), as a monthly schedule counts twelve months (review s48: a
 * first due of 2099 for 2027, a typo, made a plan that kept its debt off
 * the disconnection list for ever; helper-238: 365 days refused the same
 * day next year across a 29 February). */
int32_t arr_first_due_max(int32_t today);

/* The terms of a schedule. The down payment (0: none) is due on today,
 * the n installments from first_due on. */
struct arr_terms {
	int64_t debt; /* what the plan takes over, > 0 */
	int64_t down; /* 0 <= down < debt */
	int n;        /* 1..ARR_INST_MAX installments after the down payment */
	enum arr_freq freq;
	int32_t today;     /* the day the plan is made */
	int32_t first_due; /* today <= first_due <= arr_first_due_max(today) */
};

/* One line of a schedule: line 0 is the down payment when there is one. */
struct arr_line {
	int down; /* 1: the down payment */
	int32_t due;
	int64_t amount;
};

/* The schedule of t into out (room for ARR_INST_MAX + 1 lines), *n lines.
 * Rule (issue 21): the rest (debt - down) is split in n installments of
 * floor(rest / n) each and the LAST one absorbs the remainder, so the
 * lines add up to the debt exactly; each installment is at least one
 * minor unit (rest >= n). Dates: weekly every 7 days, fortnightly every
 * 14, monthly on the day of the month of first_due, clamped to the
 * month's last day but keeping that anchor (Jan 31, Feb 28 or 29, Mar
 * 31). Refused with PD_EINVAL and a message saying which term and what
 * is allowed; money in messages written in style st (NULL: plain). */
struct money_style;
int arr_schedule(const struct arr_terms *t, const struct money_style *st,
    struct arr_line *out, int *n, struct pd_err *err);

/* An installment's compliance (issue 21). */
enum arr_inst_state {
	ARR_UPCOMING, /* unpaid, not yet past due + grace */
	ARR_ON_TIME,  /* paid in full on or before due + grace */
	ARR_LATE,     /* paid in full after due + grace */
	ARR_MISSED,   /* unpaid (or part paid) past due + grace */
	ARR_REPLACED, /* its unpaid rest moved by a reschedule or a cancel:
	                 out of the tally */
	ARR_SETTLED,  /* all of it taken off by its own event: its debt paid
	                 on the items it came from (a payment taken elsewhere
	                 first, or a void undone: review 21, fault 7); paid of
	                 the plan, out of the tally */
	ARR_LAPSED    /* missed, then its unpaid rest moved by a reschedule
	                 or a cancel made after its due day + grace: stays
	                 Missed in the plan's history and compliance rate,
	                 not against the misses a later schedule allows
	                 (review s48, helper-212) */
};
/* Rule: paid_on is the day the installment was paid in full, -1 while it
 * is not (part payments do not make it paid); grace in days. */
enum arr_inst_state arr_inst_state(
    int32_t due, int grace, int32_t paid_on, int32_t today);
/* "Upcoming", "On time", "Late", "Missed", "Replaced", "Settled" (stored
 * words, N_). */
const char *arr_inst_state_name(enum arr_inst_state s);

/* What a person reads for an arrangement's change (its event's kind:
 * create, reschedule, cancel): "Created", "Rescheduled", "Cancelled"
 * translated (context arrangement); any other kind as it is. */
const char *arr_event_label(const char *kind);

/* A plan's status (issue 21). */
enum arr_status { ARR_ACTIVE, ARR_COMPLETED, ARR_BROKEN, ARR_CANCELLED };
/* "Active", "Completed", "Broken", "Cancelled" (stored words, N_). */
const char *arr_status_name(enum arr_status s);
/* The status with the context "arrangement" for people (i18n_term). */
const char *arr_status_term(enum arr_status s);
int arr_status_parse(const char *s);

/* What compliance reads of a plan's installments. */
struct arr_tally {
	int total;   /* installments (down payment included) */
	int on_time; /* counts by state */
	int late;
	int missed;
	int upcoming;
	int ahead;   /* of on_time: paid before its due date, which has not
	                come yet (review 21: it has not fallen due) */
	int settled; /* ARR_SETTLED ones, out of total */
	int past;    /* of late: those of a schedule before the one in force
	                (arr_tally_past), not counted against the misses */
	int lapsed;  /* of missed: ARR_LAPSED ones, out of total and not
	                counted against the misses */
};
/* Count s (ARR_REPLACED is not counted, ARR_SETTLED only as settled,
 * ARR_LAPSED as missed and lapsed). */
void arr_tally_add(struct arr_tally *t, enum arr_inst_state s);
/* Count s of an installment due on day due, today being today: as
 * arr_tally_add, and one paid on time before its due date is ahead. */
void arr_tally_add_on(struct arr_tally *t, enum arr_inst_state s,
    int32_t due, int32_t today);
/* Mark s, counted already (arr_tally_add or _add_on), as of an
 * installment that a schedule before the one in force made (the
 * create's, or a reschedule's before the latest) and that owes nothing:
 * paid late, it stays Late in the plan's history and in the compliance
 * rate but no longer counts against the misses allowed. Rule (the lead's
 * decision on review 21b, fault 7; paydesk(1), arrangement reschedule):
 * a reschedule is a new agreement, its misses counted over the
 * installments of the schedule in force since the latest reschedule
 * (the unpaid ones before it were Replaced). One that owes again (a
 * void after the reschedule) is debt the plan still holds: the caller
 * does not mark it. */
void arr_tally_past(struct arr_tally *t, enum arr_inst_state s);
/* Rule (paydesk(1), compliance): the installments that fell due are those
 * paid on time whose due date has come, those paid late and those missed
 * (past due + grace, unpaid); one paid ahead of its due date is on time but
 * falls due on that date, and an unpaid one inside its grace days has not
 * been judged yet. */
int arr_tally_fell_due(const struct arr_tally *t);
/* The misses counted against those a plan allows: its installments
 * missed or paid late, less those of schedules before the one in force
 * (past, lapsed). */
int arr_tally_misses(const struct arr_tally *t);
/* Rule, in this order: a cancelled plan is Cancelled; every installment
 * paid: Completed (a debt paid is paid, late or not); more misses than
 * allowed, a miss being an installment missed or paid late (it was
 * missed once) of the schedule in force (not t->past: review 21b,
 * fault 7): Broken; else Active. */
enum arr_status arr_plan_status(
    const struct arr_tally *t, int misses_allowed, int cancelled);
/* Installments paid on time out of those that fell due
 * (arr_tally_fell_due; the ahead ones out of both), in tenths of a percent rounded half up; -1 when none fell due
 * yet. */
int arr_compliance_tenths(const struct arr_tally *t);

/* A payment arrangement as the store keeps it (issue 21): a plan whose
 * installments are items of kind installment (plan_no#k), made from a
 * consumer's items whose debt it took over. */
struct arrangement {
	int64_t id;
	char uuid[37];
	char plan_no[33];
	int64_t consumer_id;
	char account_no[33];
	char consumer_name[129];
	int64_t debt; /* what it took over when made */
	int64_t down; /* its down payment, 0: none */
	int n;        /* installments of the latest schedule */
	enum arr_freq freq;
	char first_due[11];
	int grace_days;
	int misses_allowed;
	char reason[512];
	char created_on[11];
	char created_at[20];
	char created_by[33]; /* username */
	char terminal[17];
	int cancelled;
	int changes; /* reschedules */
	char segment[33]; /* its consumer's, as read (not synced) */
};

/* An installment of a plan with what was moved out of it (a reschedule
 * or cancel closing it) and the day it was paid in full ("" if not). */
struct arr_item {
	struct item it;
	int64_t moved; /* what later events closed of it */
	/* what its own event took off it: paid at another terminal before
	 * the event reached this node (arrange_sync.c), part of it.settled
	 * and of what the plan shows paid of it (review of issue 21) */
	int64_t absorbed;
	/* the day it was paid in full: the latest day of a payment or
	 * credit into it ("" if none, or not all of it was paid) */
	char paid_on[11];
	/* the latest day of a payment or credit into it, paid in full or
	 * not ("" if none: store_arr_items only) */
	char last_paid_on[11];
	/* made by a reschedule: what it absorbed was paid of the
	 * installments it replaced, counted there (store_arr_items only) */
	int resched;
	/* made by the schedule in force: the plan's latest create or
	 * reschedule (arr_tally_past; review 21b, fault 7) */
	int in_force;
	/* the day of the first later event that closed some of it (a
	 * reschedule or cancel moving its unpaid rest), "" if none: one
	 * closed after its due day + grace was missed first (ARR_LAPSED) */
	char moved_on[11];
};
/* What payments and credit notes paid into installment in (minor
 * units): settled less what later events closed of it (moved) and less
 * what its own event took off it (absorbed): of one a reschedule made,
 * paid of the installments it replaced (shown there, arr_item_cut); of
 * any other, paid to the items the plan took over at a terminal the plan
 * had not reached yet (arr_item_to_items). A plan's paid is the sum of
 * its installments' (review 21, fault 7; helper-245, fault 1: a bill
 * payment read as paid into the installments it settled). */
int64_t arr_item_paid(const struct arr_item *in);
/* What a reschedule's cut took off installment in (minor units): of one
 * a reschedule made, what it absorbed, paid of the installments it
 * replaced while the reschedule was on its way (paydesk(1): "what it
 * moved less comes off its own last installments"); else 0. */
int64_t arr_item_cut(const struct arr_item *in);
/* What payments to the items the plan took over settled of installment
 * in (minor units): of one the plan's create or a cancel undone made,
 * what its own event took off it (a payment of those items kept at a
 * terminal the event had not reached yet, arrange_sync.c); 0 of one a
 * reschedule made (its cut). Paid + this + left is what the plan holds
 * of it (paydesk(1), arrangement show: "Paid to items taken over"). */
int64_t arr_item_to_items(const struct arr_item *in);
/* Installment in's amount as its plan holds it now: its item's less the
 * cut, and, of one a later change moved the rest of that owes again (its
 * payment voided since), less what was moved; so that the amounts of the
 * installments not replaced are their paid and left (helper-234, fault
 * 3: #9 read $366.68 unpaid, its item owing $266.68; helper-236, fault 4). */
int64_t arr_item_amount(const struct arr_item *in);
/* An installment with its arrangement's terms (store_arr_items_overdue):
 * only what its compliance reads, as struct arr_item names them (an
 * arr_item is ~400 bytes: 120,000 of them at 10M payments were 50 MB
 * written, faulted in and copied again for the disconnection list). */
struct arr_item_of {
	int64_t item_id;
	int64_t amount, settled, moved, absorbed;
	char due_on[11], paid_on[11];
	int64_t arr_id, consumer_id;
	int grace_days, misses_allowed;
	int in_force; /* as struct arr_item's */
	/* the reconnection list's history (store_was_plans) only: the day
	 * it was read as of (as the ledger stood before it), and the oldest
	 * due date of the items its plan took over ("" elsewhere) */
	char day[11], held_from[11];
};
/* An item whose debt an arrangement holds, net of what it gave back. */
struct arr_hold {
	int64_t item_id;
	char ref[64];
	int64_t held;
};

/* Debt an arrangement event moved, as records carry it: + into the
 * plan, - given back. */
struct arr_move {
	char item_uuid[37];
	char item_ref[64];
	int64_t amount;
};
/* An event of an arrangement as the store keeps it. */
struct arr_event_row {
	int64_t id;
	int64_t arr_id;
	char uuid[37];
	char kind[16]; /* create, reschedule, cancel */
	char reason[512];
	char at[20];
	char by[33];
	char terminal[17];
	int undone; /* refused by the central node, undone here */
};

#endif