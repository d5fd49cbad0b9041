/* dispute.h - disputes of payments (issue 21, "Disputes"; seed 002's
 * Recovery Executive: "payment disputes tracked nowhere"). A dispute is
 * opened on a payment with a reason (a fixed code of [disputes] reasons,
 * shown translated), goes Open -> Under review -> Resolved (upheld: the
 * payment voided or a credit note made from it; rejected: with a note),
 * is due [disputes] due_days after it was opened, and keeps a timeline
 * of every step (who, when, note). Each step is one store transaction
 * and one sync record (kind "dispute", syncrec.h). */
#ifndef PAYDESK_DISPUTE_H
#define PAYDESK_DISPUTE_H
#include <stdint.h>

#include "model.h"

/* The status of a dispute as stored ("open", "review", "upheld",
 * "rejected"); upheld and rejected are the two ways of Resolved. */
enum dsp_status { DSP_OPEN, DSP_REVIEW, DSP_UPHELD, DSP_REJECTED };

/* The stored name of s. */
const char *dsp_status_name(enum dsp_status s);
/* The stored name parsed; -1 if unknown. */
int dsp_status_parse(const char *s);
/* What a person reads for s, in English (N_(): translate where shown):
 * "Open", "Under review", "Resolved: upheld", "Resolved: rejected". */
const char *dsp_status_label(enum dsp_status s);

/* What a person reads for a reason code, in English (N_(): translate
 * where shown): the default configuration's codes by name ("Bounced
 * cheque"), any other as it is. */
const char *dsp_reason_label(const char *code);

/* What a person reads for a step of a timeline (open, review, uphold,
 * reject): "Opened", "Under review", "Upheld", "Rejected" translated. */
const char *dsp_step_label(const char *kind);

/* The code of a bounced cheque, whose upholding may add a service
 * charge ([disputes] bounced_cheque_charge). */
#define DSP_BOUNCED "bounced-cheque"
/* The code of a card chargeback (typed, or opened by a card gateway's
 * disputed event): the bank has taken the money back from the
 * organisation and returned it to the payer, so its uphold charges the
 * amount again (an item, "Chargeback") or voids a payment charged back
 * whole; a credit note would pay the payer twice (paydesk(1)). */
#define DSP_CHARGEBACK "chargeback"

/* A dispute as read: its own row, with its payment's and consumer's
 * numbers. Money in minor units. */
struct dispute {
	int64_t id;
	char uuid[37];
	char dispute_no[33];
	int64_t payment_id;
	char payment_uuid[37];
	char payment_no[64];
	char receipt_no[64];
	int64_t amount; /* the payment's */
	/* what the payer disputes, 0 < disputed <= amount: a card gateway's
	 * chargeback may be of part of the payment (its event's amount), one
	 * opened by hand is of --amount or the whole payment; a dispute
	 * stored or synced without it (an older terminal's) is of the whole
	 * payment. As synced, 0 says so. */
	int64_t disputed;
	int64_t consumer_id;
	char account_no[33];
	char consumer_name[129];
	char reason[48]; /* the fixed code, e.g. "chargeback" */
	char opened_on[11];
	char due_on[11];
	char opened_at[TS_BUFSZ];
	char opened_by[129]; /* full name, "System" for a gateway's */
	char terminal[17];
	enum dsp_status status;
	/* upheld: "void" or "credit", or "" with a charge_uuid: a
	 * chargeback's amount charged again (its item); the void's, the
	 * credit note's and the service charge's (a bounced cheque's fee or
	 * a chargeback's amount) uuids ("": none) */
	char resolution[8];
	char void_uuid[37];
	char credit_uuid[37];
	char charge_uuid[37];
	char resolved_on[11]; /* the day of its uphold or reject, "" none */
};

/* One step of a dispute's timeline: kind "open", "review", "uphold" or
 * "reject", the note typed ("" none), when, who (full name), where. */
struct dispute_event {
	int64_t id;
	char uuid[37];
	char kind[8];
	char note[512];
	char at[TS_BUFSZ];
	char by[129];
	char terminal[17];
};

#endif
