/* model.h - the records every layer talks about. Money is int64_t minor
 * units; dates are "YYYY-MM-DD", timestamps "YYYY-MM-DD HH:MM:SS" local. */
#ifndef PAYDESK_MODEL_H
#define PAYDESK_MODEL_H
#include <stddef.h>
#include <stdint.h>

#define NOTES_BUFSZ 8004 /* up to 2000 characters of UTF-8 */
#define TS_BUFSZ 20

enum method_kind { METHOD_CASH, METHOD_CARD, METHOD_BANK, METHOD_ONLINE };
/* An item's kind is one of the first three; a payment's type is its
 * items' kind, or PAY_MIXED when it paid items of two or more kinds
 * (issue 21: one payment for a consumer's bills and service charges). */
enum pay_type { PAY_BILL, PAY_SERVICE, PAY_INSTALLMENT, PAY_MIXED };
#define PAY_TYPES 4 /* with PAY_MIXED; item kinds are the first 3 */
enum pay_status { PS_POSTED, PS_PENDING, PS_FAILED, PS_CANCELLED, PS_VOIDED };
/* Ordered levels: a role may do what every lower one may (svc_require
 * compares them). Recovery (issue 21) is a cashier who also works debts:
 * payment arrangements. Stored and synced by name, never by number. */
enum role {
	ROLE_CASHIER = 1,
	ROLE_RECOVERY = 2,
	ROLE_SUPERVISOR = 3,
	ROLE_ADMIN = 4
};

/* "Bill", "Service", "Installment", "Mixed". */
const char *pay_type_name(enum pay_type t);
/* "bill", "service", "installment" as stored in items.kind; "mixed"
 * (never an item's kind: the command line's word for the type). */
const char *pay_type_kind(enum pay_type t);
/* The type of a payment whose items are of kinds[0..n-1]: their one
 * kind, PAY_MIXED when they differ; -1 when n is 0. */
int pay_type_of_kinds(const int *kinds, size_t n);
/* Case-insensitive; -1 if unknown. */
int pay_type_parse(const char *s);
const char *pay_status_name(enum pay_status s);
int pay_status_parse(const char *s);
/* The status a payment is posted with (seed 002, "record a payment"):
 * Pending for an online method until it is verified, Posted for the
 * others. The only statuses a terminal may give a new payment; Voided
 * comes by a void record, Failed and Cancelled never from a terminal. */
enum pay_status pay_status_initial(enum method_kind k);
const char *role_name(enum role r);
/* A person of role r, in English (N_): "cashier", "recovery officer",
 * "supervisor", "admin" ("rita is a recovery officer"). */
const char *role_noun(enum role r);
/* "cash", "card", "bank", "online". */
const char *method_kind_name(enum method_kind k);
int method_kind_parse(const char *s);
int role_parse(const char *s);

struct consumer {
	int64_t id;
	char uuid[37];
	char account_no[33];
	char name[129];
	char address[257];
	char phone[33];
	char email[129];
	char segment[33];
	char language[16]; /* documents' language: "" (the organisation's),
	                      en, es, fr... (i18n_lang) */
};

/* An open item: a bill, a service charge or an installment. */
struct item {
	int64_t id;
	char uuid[37];
	int64_t consumer_id;
	enum pay_type kind;
	char ref[64];          /* invoice no, service ref, PLAN#N */
	char period[33];       /* bills: billing period */
	char description[129]; /* services: what was done */
	char plan_no[33];      /* installments: plan id */
	int inst_no;           /* installments: number in the plan */
	int64_t amount;
	int64_t settled; /* paid or credited so far, kept in step */
	char issued_on[11];
	char due_on[11];
	/* the organisation's day it came into its books (item_entries):
	 * set once where it was first recorded (the central node's import,
	 * the terminal that made it), carried by its sync record and kept as
	 * received (review R23b), else svc_item_insert's today; a past
	 * week's forecast counts only the items entered or issued before its
	 * first day (review R23 3) */
	char entered_on[11];
};

/* A setting the central node masters: "section.key" and its value as a
 * config file would hold it. */
struct setting {
	int64_t id;
	char key[64];
	char value[1024];
	char updated_at[TS_BUFSZ];
};
/* A value a setting took at the central node, with the feed entry that
 * carried it to the terminals (seq; 0: before the history was kept). */
struct setting_change {
	int64_t seq;
	char key[64];
	char value[1024];
};
/* A terminal was handed the changes of the rules up to feed entry seq in
 * a pull at time at (central node's clock, YYYY-MM-DD HH:MM:SS). */
struct rule_mark {
	int64_t seq;
	char at[TS_BUFSZ];
};
/* A document's number as issued: the terminal and branch of its
 * payment, and its date (the series' scope). */
struct doc_number {
	char terminal[17];
	char branch[17];
	char number[64];
	char date[11];
};
/* A reanchor the central node kept (paydesk audit reanchor, review 18
 * point 6): when (its clock), the head it had (from), the head it saw
 * that the restored chain holds (base) and the head kept since (to), who
 * asked (full name) and why. Hashes are 64 hex digits. */
struct reanchor_row {
	char terminal[17];
	char at[TS_BUFSZ];
	int64_t from_seq, base_seq, to_seq;
	char from_hash[65], to_hash[65];
	char by[129];
	char reason[512];
};
/* The document series store_doc_numbers reads (and store_doc_count: the
 * Z numbers of closed shifts too). */
enum doc_series {
	DOC_SERIES_RECEIPT,
	DOC_SERIES_CREDIT_NOTE,
	DOC_SERIES_PAYMENT,
	DOC_SERIES_Z_REPORT,
};
/* A receipt or credit note voided, with its payment's number and the
 * void's reason, who (full name) and when (YYYY-MM-DD HH:MM:SS). */
struct voided_doc {
	char terminal[17];
	char number[64];
	char payment_no[64];
	char reason[256];
	char by[129];
	char at[TS_BUFSZ];
	int credit; /* 1: a credit note; 0: a payment's receipt */
};

struct user {
	int64_t id;
	char username[33];
	char full_name[129];
	enum role role;
	char pin_hash[256];
	int active;
	int failed_logins;
	char locked_until[TS_BUFSZ]; /* "" when not locked */
	char branch[17];             /* "" every branch (central only) */
	char team[33]; /* the team (issue 23); "" none */
};

/* Longest payment reference, in characters (= bytes: ASCII only; the
 * rule is payref_check in search.h). */
#define PAYREF_MAX 64
#define PAYREF_BUFSZ (PAYREF_MAX + 1)

struct payment {
	int64_t id;
	char uuid[37];
	char payment_no[64];
	char txn_no[64];
	char receipt_no[64];
	int64_t consumer_id;
	enum pay_type type;
	char channel[48];
	char method[48];
	enum method_kind method_kind;
	int64_t amount;
	int64_t tendered;  /* cash only, else 0 */
	int64_t change;    /* cash only, else 0 */
	int64_t due_total; /* outstanding of the selected items before */
	int64_t overpaid;  /* part of amount no item took */
	char paid_on[11];
	char created_at[TS_BUFSZ];
	char notes[NOTES_BUFSZ];
	int64_t user_id; /* 0 for system (gateway) payments */
	char received_by[129];
	char terminal[17];
	char branch[17];
	enum pay_status status;
	int verified;
	char verified_at[TS_BUFSZ];
	char verified_by[129];
	/* filled from voids when read */
	char void_reason[512];
	char voided_at[TS_BUFSZ];
	char voided_by[129];
	/* the consumer's outstanding right after posting; unknown (0) for
	 * payments recorded before the store kept it */
	int has_balance;
	int64_t balance_after;
	/* card authorisation code, cheque number, transfer or gateway id
	 * (seed 001's Transaction Reference); "" for none */
	char reference[PAYREF_BUFSZ];
	/* the rule that split it among its items (alloc_rule_name:
	 * oldest, installments, bills, largest, hand); "oldest" for the
	 * payments of before the rules (issue 21); a gateway's, the
	 * organisation's rule when it was posted (review R21d) */
	char alloc_rule[16];
	/* the cashier's shift open at its terminal when it was taken
	 * (issue 20: the shift it belongs to, where two shifts' times both
	 * hold it); "" none, or taken before payments said */
	char shift_uuid[37];
	/* the team it was taken for: its posting user's then, kept as it
	 * was when the user moves (issue 23, payment_teams); "" none */
	char team[33];
};

/* A row of a payment's allocation, with what it paid. */
struct allocation {
	int64_t id;
	int64_t payment_id;
	int64_t item_id;
	int64_t amount;     /* negative for a reversal */
	int64_t due_before; /* item outstanding just before */
	int64_t reverses;   /* id of the allocation reversed, or 0 */
	struct item item;
};

struct credit_note {
	int64_t id;
	char uuid[37];
	char cn_no[64];
	int64_t consumer_id;
	int64_t payment_id;
	char receipt_no[64]; /* of the linked payment */
	int64_t amount;
	int64_t applied; /* kept in step with credit_applications */
	char reason[48];
	char remarks[NOTES_BUFSZ];
	char created_on[11];
	char created_at[TS_BUFSZ];
	char expires_on[11];
	int64_t user_id;
	char created_by[129];
	char terminal[17];
	int voided;
	int automatic; /* made by an overpayment */
	/* its payment's status: its credit is spendable once the payment
	 * is Posted only, not while it is Pending (an Online or gateway
	 * payment not yet verified or settled; issue 19 review) */
	enum pay_status payment_status;
	char consumer_name[129];
	char account_no[33];
};

struct credit_application {
	int64_t id;
	char uuid[37];
	int64_t credit_note_id;
	int64_t item_id;
	int64_t amount;
	char applied_on[11];
	char created_at[TS_BUFSZ];
	int64_t user_id;
	char terminal[17];
	char item_ref[64];
};

/* Aging of an open item by days past its due date: Current (not yet
 * past due), 1-30, 31-60, 61-90, 90+. */
enum age_bucket { AGE_CURRENT, AGE_30, AGE_60, AGE_90, AGE_OVER, AGE_BUCKETS };
enum age_bucket age_bucket(int64_t days_past_due);
const char *age_bucket_name(enum age_bucket b);

/* Listing order of payments: by one column, ties by id in the same
 * direction. */
enum pay_sort {
	PAY_BY_DATE, /* paid_on (the default, newest first) */
	PAY_BY_RECEIPT,
	PAY_BY_CONSUMER, /* name, case-insensitive */
	PAY_BY_AMOUNT,
	PAY_BY_METHOD,
	PAY_BY_TYPE,
	PAY_BY_STATUS,
	PAY_SORTS
};
/* "date", "receipt", "consumer", "amount", "method", "type", "status". */
const char *pay_sort_name(enum pay_sort s);
int pay_sort_parse(const char *s); /* -1 if none */
/* The natural direction: newest and largest first, names A to Z. */
int pay_sort_default_asc(enum pay_sort s);

/* ---- Listings, reports and queues: the filters and rows the store
 * reads and the service hands to the front ends (store.h and service.h
 * both speak of them; neither front ends nor the store own them). ---- */

struct balance {
	int64_t due_now;    /* open amount of items due up to today */
	int64_t open_total; /* open amount of all items */
	int64_t open_items; /* count of items with something open */
	int64_t credit;     /* remaining on active credit notes */
};

/* Keyset paging: the sort value and id of the last row already shown;
 * the listing goes on after it. */
struct page_key {
	int set;
	char text[136]; /* text sort values */
	char day[11];   /* paid_on, after a column of few values */
	int64_t num;    /* amount */
	int64_t id;
};
struct payment_filter {
	const char *from, *to;   /* paid_on range, inclusive; NULL: open */
	/* the accounting period from and to are, as given ("FY2026-P08";
	 * svc_filters_parse), NULL or "": none; read by no query: an
	 * export's heading names it (issue 23) */
	const char *period;
	const char *method;      /* NULL: any; exact, as stored */
	int status;              /* enum pay_status or -1 */
	int type;                /* enum pay_type or -1 */
	const char *channel;     /* exact, as stored */
	const char *recorded_by; /* username of who recorded it */
	const char *terminal;    /* terminal id that recorded it */
	const char *branch;      /* branch it was taken at (issue 23) */
	/* of consumers of this segment, ignoring case (issue 23); NULL: any */
	const char *segment;
	const char *search;      /* consumer name/account, receipt number */
	/* taken by this payment gateway (issue 19, seed 000: "revenue paid
	 * via Stripe"), its name ignoring case; NULL: any */
	const char *gateway;
	/* recorded by a user of this team (issue 23, seed 000's team-based
	 * visibility); NULL: any */
	const char *team;
	int64_t consumer_id; /* 0: any */
	size_t limit;            /* 0: no limit */
	enum pay_sort sort;
	int asc;                      /* ascending; default descending */
	const struct page_key *after; /* NULL or !set: from the top */
};
/* The rows of a scope (issue 23) among those not payments: disputes
 * (of the payment they dispute), deposits, shifts and arrangements (of
 * the terminal that made them). NULL fields: not narrowed. */
struct row_scope {
	const char *terminal; /* made at this terminal */
	/* of this branch: made at here (this terminal) or at a terminal
	 * whose payments are of the branch */
	const char *branch, *here;
	const char *team; /* by a user of this team ("" none); NULL: any */
};
/* A payment row as listed, with its consumer. */
struct payment_row {
	struct payment p;
	char consumer_name[129];
	char account_no[33];
};
typedef int (*payment_cb)(const struct payment_row *row, void *arg);

struct credit_filter {
	const char *from, *to;   /* created_on range */
	int status;              /* enum cn_status or -1 */
	const char *today;       /* for Expired */
	const char *reasons[16]; /* any of these; none: all */
	int nreasons;
	const char *search; /* cn no, consumer name/account, receipt */
	int remaining;      /* -1 any, 0 fully used, 1 partial, 2 full */
	int64_t min_amount, max_amount; /* -1: open */
	int64_t consumer_id;            /* 0: any */
	const char *receipt;            /* linked payment, exact; NULL: any */
	/* the scope (issue 23): the notes of the payments of a terminal,
	 * a branch (with the organisation's own, branch ""), a team's
	 * users, and the notes a team's users made (of any team's
	 * payments); NULL: any (set by the service from the scope in
	 * force) */
	const char *terminal, *branch, *team;
	/* the report filters (review R23): the consumers of a segment (any
	 * case), the payments a user recorded; NULL: any. --branch is
	 * branch above, --period from and to */
	const char *segment, *recorded_by;
	size_t limit;
	int asc; /* oldest first (the back office's End); default newest */
	const struct page_key *after; /* created_on in text, id */
};
typedef int (*credit_cb)(const struct credit_note *cn, void *arg);

/* A sync outbox record (pending or quarantined); free an array of
 * them with svc_outbox_free. */
struct outbox_rec {
	int64_t id;
	char uuid[37];
	char kind[24]; /* recon_resolution, the longest: 16 */
	char ref[64];
	char created_at[TS_BUFSZ];
	int attempts;
	char *payload; /* owned */
	char rejected_at[TS_BUFSZ];
	char reason[512]; /* why the central node rejected it */
	/* the same in English for JSON and CSV (svc_sync_quarantine: a
	 * reason this terminal gave is said in the reader's language in
	 * reason, say.h; the central node's is as it said it in both) */
	char reason_en[512];
};

/* A terminal in the central node's directory. */
struct terminal_row {
	char org[33];
	char branch[17];
	char terminal[17];
	char created_at[TS_BUFSZ];
	char revoked_at[TS_BUFSZ];
	char last_seen[TS_BUFSZ];
	char org_created_at[TS_BUFSZ]; /* when its organisation was added */
	char last_route[32];
	int64_t last_cursor;
	int64_t pending;
};

#define GW_MAP_BUFSZ 400
#define GW_STATUS_BUFSZ 33
/* A gateway payout's id (a settlement file's payout column, issue 20
 * "Reconciliation"): 1 to GW_PAYOUT_BUFSZ - 1 printable characters
 * without a space ("po_1Nx...", a batch number) */
#define GW_PAYOUT_BUFSZ 64
/* A central node's gateway payout and its match (issue 20): how many
 * payments, what they make less their fees, and the statement line an
 * active match of them holds ("" none: account, key and seq), its rule
 * and who made it. */
struct payout_row {
	char gateway[33], payout[GW_PAYOUT_BUFSZ];
	int64_t n, net;
	char account[64], stmt_key[80];
	int64_t seq;
	char rule[12], by[33];
};
/* a gateway payment's review codes (struct gw_payment review) */
#define GW_REVIEW_CREDIT_USED "credit used"
#define GW_REVIEW_OVER_REFUND "over refund"

/* A payment gateway registered for an organisation on the central node
 * (`paydesk-central gateway add`; issue 19). The signing secret is kept
 * as issued (an HMAC needs it); the mobile-money path secret only as its
 * SHA-256. After `gateway rotate`, the previous ones stay valid until
 * old_until. */
struct gateway_row {
	char org[33];
	char name[33];
	char profile[16]; /* "card" or "mobile-money" */
	char secret[80];  /* "whsec_" and 64 hex digits */
	char old_secret[80];
	char path_hash[65]; /* hex SHA-256 of the path secret; "" for card */
	char old_path_hash[65];
	char old_until[TS_BUFSZ]; /* "" when there is no previous secret */
	char created_at[TS_BUFSZ];
	char revoked_at[TS_BUFSZ];
	/* the payment method its payments are recorded with in the ledger;
	 * "" for the profile's (gw_default_method) */
	char method[49];
	/* its status mapping, "STATUS=WEBHOOK/SETTLEMENT;..." (see
	 * gw_status_map); "" for seed 002's sample */
	char statuses[GW_MAP_BUFSZ];
	/* the time zone its local times are read in (mobile money's
	 * TransTime): an IANA name or an offset (os_tz_local_to_utc); ""
	 * for UTC */
	char time_zone[65];
	/* the bank account its payouts are credited to (IBAN or account
	 * number, up to 34 characters); "" none set: a payout may be
	 * matched to a credit of any account */
	char account[35];
};

/* A gateway payment's status as the gateway reported it (issue 19). */
enum gw_status {
	GW_UNKNOWN,   /* an event this slice does not apply: kept only */
	GW_SUCCEEDED, /* payment succeeded / paybill confirmation */
	GW_FAILED,
	GW_REFUNDED,
	GW_DISPUTED,
};
/* The status's word as stored ("succeeded", ..., "unknown"). */
const char *gw_status_name(enum gw_status s);
/* The status of a word of gw_status_name, GW_UNKNOWN for any other. */
enum gw_status gw_status_parse(const char *s);

/* What a gateway status is called on the way to the bank (seed 002,
 * "Online Payment Status Mapping Sample"): the webhook status and the
 * settlement status, each 1 to 32 characters, into webhook and settle
 * (GW_STATUS_BUFSZ each). map is a gateway's mapping,
 * "STATUS=WEBHOOK/SETTLEMENT" entries separated by ';' (STATUS a word of
 * gw_status_name but "unknown"); a status it does not name takes the
 * seed's sample: succeeded In Settlement/In Progress, failed Failed/N/A,
 * refunded Refunded/Reversed, disputed Disputed/On Hold. A payment the
 * settlement file names is "Settled" whatever the mapping says. */
struct pd_err;
void gw_status_map(
    const char *map, enum gw_status st, char *webhook, char *settle);
/* Check a mapping for gw_status_map: 0, or -1 with err (PD_EINVAL)
 * naming the entry that is wrong and why. */
int gw_status_map_check(const char *map, struct pd_err *err);
/* The method a gateway's payments are recorded with when it sets none:
 * "Online", the online method of the default [payments] methods, for
 * either profile. */
const char *gw_default_method(const char *profile);

/* A gateway payment as the central node keeps it (issue 19): the
 * gateway's latest word on it, where it stands on the way to the bank,
 * who it was associated with and the ledger payment made of it. Amounts
 * in minor units; times "YYYY-MM-DD HH:MM:SS" UTC. */
struct gw_payment {
	int64_t id;
	char gateway[33];
	char code[256];
	enum gw_status status;
	char webhook_status[GW_STATUS_BUFSZ];
	char settlement_status[GW_STATUS_BUFSZ];
	char account_ref[129];
	char phone[17];
	int64_t amount;
	char paid_at[TS_BUFSZ];
	int64_t consumer_id;       /* 0: unassociated */
	char account_no[33];       /* of consumer_id, when read; "" for none */
	char candidates[256];      /* account numbers sharing its phone, ", " */
	int64_t payment_id;        /* its ledger payment; 0 for none */
	char payment_no[64];       /* of payment_id, when read */
	int64_t fee;               /* from the settlement file */
	char settled_on[TS_BUFSZ]; /* "" until settled */
	int64_t processing_tenths; /* paid to settled, in 0.1 days; -1 */
	int manual; /* central: a terminal associated or disassociated it */
	/* what the gateway reports refunded of amount so far (its
	 * amount_refunded; amount for a whole refund; 0 none), and why a
	 * refund or a failure is held for a supervisor instead of reversed
	 * in the ledger: "" none, GW_REVIEW_CREDIT_USED (the payment's
	 * overpayment credit was already applied) or GW_REVIEW_OVER_REFUND
	 * (more refunded than paid). Stored as these codes, shown
	 * translated (svc_gateway_review) */
	int64_t refunded;
	char review[24];
	/* the payout that paid it out (the settlement file's payout
	 * column; "" none): one bank credit for all of a payout's payments
	 * less their fees (the matching rule payout) */
	char payout[GW_PAYOUT_BUFSZ];
	/* the bank account it settled to: its gateway's account when it
	 * settled (gateway set --account; "" none set, any account) */
	char settle_account[35];
	/* what its payer disputes: the amount of the dispute its disputed
	 * event opened of its ledger payment (a chargeback may be of part
	 * of it; review R21d, fault 3), when read; 0 none */
	int64_t disputed;
	/* at a terminal: its ledger payment's uuid ("" none), and the
	 * newest association made here for it: "" none (or applied and
	 * pulled), "waiting" (not yet applied by the central node) or
	 * "refused", with the central node's reason */
	char payment_uuid[37];
	char assoc_state[16];
	char assoc_action[16]; /* of that record: associate, disassociate */
	char assoc_reason[512];
};

/* One gateway notification, decoded and checked (src/sync/gateway.c):
 * what the central node stores of it. Amounts are minor units of the
 * organisation's currency; times "YYYY-MM-DD HH:MM:SS" UTC. */
struct gw_event {
	char event_id[256]; /* the idempotency key: event id or TransID */
	char kind[64];      /* the event type or TransactionType */
	enum gw_status status;
	char code[256];        /* payment id (card) or TransID */
	char account_ref[129]; /* as the payer typed it; "" when none */
	char phone[17];        /* MSISDN digits; "" for card */
	char payer[256];       /* the payer's names; "" when none */
	char short_code[17];   /* paybill number; "" for card */
	int64_t amount;
	char currency[4]; /* ISO 4217, upper case */
	char paid_at[TS_BUFSZ];
	int64_t event_time; /* Unix seconds: orders events of a payment */
	int64_t refunded;   /* a refund event's amount_refunded (of amount,
	                       all refunds so far); 0 for other events */
};

/* KPIs over [from, to] and one day. */
struct kpi_raw {
	int64_t collected, collected_count;
	int64_t day_total, day_count;
	int64_t due_total;
	int64_t alloc_days, alloc_count; /* sum of days issue->payment */
	/* of due_total, what Posted payments dated on or before the period's
	 * last day paid (each item counted up to its amount): the collection
	 * rate's numerator (issue 17) */
	int64_t due_paid;
};

/* One item behind the Collection Rate (issue 23's drill-down): an item
 * due in the period, what it owes there (its amount less what
 * arrangements moved of it: those are due as installments), and of that
 * what the scope's Posted payments dated up to the period's last day
 * paid (at most what it owes), with their receipt numbers. */
struct rate_row {
	int64_t item_id;
	char ref[64];
	char consumer_name[129];
	char account_no[33];
	char due_on[11];
	int64_t due;  /* minor units */
	int64_t paid; /* minor units, 0..due */
	char paid_by[256]; /* receipt numbers, "; " between; cut at 255 */
};
typedef int (*rate_cb)(const struct rate_row *r, void *arg);
/* An open item behind the Outstanding figure (kpi --rows outstanding):
 * what it still owes today, its days past due (0: not yet due) and, of
 * an arrangement's installment, that same open amount (else 0). */
struct open_row {
	char due_on[11];
	char ref[64];
	char consumer_name[129];
	char account_no[33];
	int64_t open, days, arranged; /* minor units, days, minor units */
};
typedef int (*open_cb)(const struct open_row *r, void *arg);
/* An allocation behind the Average Collection Time (kpi --rows time):
 * the payment, the item it paid, the item's issue date, the day paid
 * and the days between (0 when paid before the issue date). */
struct time_row {
	char receipt_no[32];
	char ref[64];
	char consumer_name[129];
	char account_no[33];
	char issued_on[11];
	char paid_on[11];
	int64_t amount, days; /* minor units, days */
};
typedef int (*time_cb)(const struct time_row *r, void *arg);

/* Most payments the deteriorating payers report reads per consumer. */
#define DETERIORATING_MAX 20
/* the payments and month ends compared unless told (--last, --months;
 * the TUI's screen) */
#define DETERIORATING_LAST 4
#define DETERIORATING_MONTHS 3
/* Most month ends its aging criterion compares (--months M), each with
 * the one before it: M + 1 read, one a bucket (AGE_BUCKETS), so four
 * moves at most (a fifth would need a sixth bucket: h3 fault 2). */
#define DETERIORATING_MONTHS_MAX (AGE_BUCKETS - 1)
/* Why a consumer is a deteriorating payer (a row's why, bits). */
#define DETERIORATING_DAYS 1u  /* days to pay grew */
#define DETERIORATING_AGING 2u /* a later aging bucket each month end */
/* A consumer whose payments come later and later (issue 23): the days
 * from the due date of the oldest item each of their last n Posted
 * payments paid to the payment (negative: early), oldest first; and/or
 * the aging bucket of their oldest open item at each of the last nb
 * month ends, oldest first (the months compared and the one before). */
struct deteriorating_row {
	int64_t consumer_id;
	char name[129];
	char account_no[33];
	int n;
	int64_t days[DETERIORATING_MAX];
	char days_text[DETERIORATING_MAX * 8]; /* "3, 10, 25"; "" not read */
	int64_t growth;                        /* last less first */
	int nb; /* the month ends read: the months compared and one more */
	int bucket[DETERIORATING_MONTHS_MAX + 1]; /* enum age_bucket */
	char buckets_text[80];                /* "Current, 1-30, 31-60" */
	char buckets_en[80];                  /* in English: JSON, CSV */
	unsigned why;                         /* DETERIORATING_* bits */
	char why_text[48];                    /* "days, aging" */
	char why_en[48];                      /* in English: JSON, CSV */
};
/* One consumer's oldest open item at month end k (store_aging_each). */
typedef int (*aging_end_cb)(int64_t consumer_id, const char *name,
    const char *account_no, int k, const char *oldest_due, void *arg);
typedef int (*deteriorating_cb)(const struct deteriorating_row *r, void *arg);
/* The anomaly rules (issue 23: "each with its reason, a rule list, not a
 * black box"), in the order the report lists them. */
enum anomaly_rule {
	ANOMALY_LARGE,   /* a payment far above the consumer's usual amount */
	ANOMALY_BURST,   /* many payments of one consumer in a short time */
	ANOMALY_VOIDS,   /* a terminal's cash voids far above its peers' */
	ANOMALY_CREDITS, /* a terminal's credit notes far above its peers' */
	ANOMALY_ROUND,   /* round-amount credit notes made by one user */
	ANOMALY_RULES
};
/* One anomaly found: the rule, who (a consumer's name, a terminal, a
 * user), their reference (account number, receipt, terminal, username),
 * the amount at stake and the reason in words with the figures. */
struct anomaly_row {
	enum anomaly_rule rule;
	char day[11];
	char who[129];
	char account[33]; /* the consumer's, "" for a terminal or a user */
	char ref[64];
	int64_t amount; /* minor units */
	int64_t count;  /* the payments, voids or notes behind it */
	char reason[320];    /* in the reader's language */
	char reason_en[320]; /* in English: JSON and CSV (issue 23) */
};
typedef int (*anomaly_cb)(const struct anomaly_row *r, void *arg);
/* What the store reads for the anomaly rules (store_anomaly_*): a
 * payment with its consumer's history, a payment's time, a terminal's
 * count and sum of the day, a round credit note. */
struct anomaly_fact {
	int64_t id;       /* the consumer's id (large, burst) */
	char who[129];    /* consumer name, terminal id or username */
	char account[33]; /* the consumer's account number */
	char ref[64];     /* receipt or credit note number */
	int64_t amount;   /* the payment's or note's amount, or the sum */
	int64_t count;    /* the earlier payments (large), or the count */
	int64_t sum;      /* the earlier payments' sum (large) */
	char at[32];      /* created_at (burst) */
};
typedef int (*anomaly_fact_cb)(const struct anomaly_fact *f, void *arg);
/* One payment's days to pay for store_days_to_pay_each. */
typedef int (*days_cb)(int64_t consumer_id, const char *name,
    const char *account_no, int64_t days, void *arg);

/* The Posted payments of a filter split by method, or by the gateway
 * that took them (issue 19, seed 000's gateway visibility: the revenue
 * each gateway processed, its distribution across customers). */
enum split_by {
	SPLIT_METHOD,
	SPLIT_GATEWAY,
	/* the gateways' rows alone, without the counters' (which reads every
	 * payment of the filter): the dashboard has the total already */
	SPLIT_GATEWAYS_ONLY
};
struct split_row {
	/* the method; the gateway's name, "" for the payments taken at a
	 * counter (no gateway); valid during the callback */
	const char *key;
	int64_t amount; /* minor units */
	int64_t count;  /* payments */
	int64_t payers; /* distinct consumers who paid */
};
typedef int (*split_cb)(const struct split_row *r, void *arg);

/* A total per key (a day, a method). */
typedef int (*total_cb)(
    const char *key, int64_t amount, int64_t count, void *arg);

struct outstanding {
	int64_t total, items, days_past_due; /* days summed over overdue */
	int64_t overdue_items;
	/* of total and items: what arrangements' installments still owe
	 * (the items they took over are settled by them: counted once) */
	int64_t arranged, arranged_items;
};

/* Payers report: one row per consumer. */
struct payer_row {
	int64_t consumer_id;
	char name[129];
	char account_no[33];
	int64_t total, count;
	char last_paid[11];
	char methods[512]; /* "Cash=12345;Card=500" amounts in minor units */
};
enum payers_sort {
	PAYERS_BY_TOTAL,
	PAYERS_BY_COUNT,
	PAYERS_BY_LAST,
	PAYERS_BY_NAME,
	PAYERS_BY_ACCOUNT,
	PAYERS_BY_METHODS, /* the methods text: by the main method */
	PAYERS_SORTS
};
typedef int (*payer_cb)(const struct payer_row *row, void *arg);

/* Aging of open items by days past their due date (enum age_bucket). */
struct aging {
	int64_t amount[AGE_BUCKETS], count[AGE_BUCKETS];
	int64_t total, items;
	/* of total and items: arrangements' installments (issue 21: the
	 * debt under an arrangement, counted once, in the buckets too) */
	int64_t arranged, arranged_items;
};
struct aging_row {
	int64_t consumer_id;
	char name[129];
	char account_no[33];
	struct aging a;
};
struct aging_filter {
	const char *today;
	const char *search;  /* consumer name/account */
	int64_t consumer_id; /* 0: any */
	/* of consumers of this segment, ignoring case (issue 23); NULL: any */
	const char *segment;
	int min_bucket;      /* only consumers with something this old */
	size_t limit;
};

typedef int (*aging_cb)(const struct aging_row *row, void *arg);

/* One problem a consistency check found, one line of text. */
typedef void (*problem_cb)(const char *what, void *arg);

/* A bank statement as imported (issue 20): what the file said, its
 * counts, and who imported it when. Amounts in minor units, signed. */
/* A statement's name, the same in every store (deposit.h, stmt_name). */
#define STMT_NAME_LEN 8
#define STMT_NAME_BUFSZ (STMT_NAME_LEN + 1)
struct statement {
	int64_t id; /* this store's own number */
	char name[STMT_NAME_BUFSZ];
	char account[64];  /* IBAN or account number */
	char stmt_id[64];  /* the bank's statement id, "" for none */
	char stmt_key[80]; /* "id:" + stmt_id or "sha256:" + hash of lines */
	char format[8];    /* camt053, mt940, ofx, csv */
	char file_name[256];
	char currency[4];
	char period_from[11], period_to[11]; /* "" when unknown */
	int has_opening, has_closing;
	int64_t opening, closing;
	int64_t nlines, credits, debits; /* credits >= 0, debits <= 0 */
	int64_t ndup; /* lines an earlier statement already had */
	char imported_at[20];
	char imported_by[33];
	char terminal[33];
};

/* A booked line of a statement; strings owned (svc_statement_view_free). */
struct statement_line {
	int64_t id;
	int seq; /* 1.. in the file's order */
	char booking[11], value[11];
	int64_t amount; /* credit > 0, debit < 0 */
	char *reference, *counterparty, *text, *bank_id;
	int reversal;
	int64_t dup_of;      /* the earlier line with the same bank id, or
	                        date, amount and reference; 0: none */
	int64_t dup_of_stmt; /* that line's statement */
	int64_t dup_amount;  /* that line's amount (minor units) */
	char dup_of_name[STMT_NAME_BUFSZ]; /* and its name */
	/* its reconciliation (issue 20; review R20b, fault 12), as
	 * svc_statement_show reads it (zero elsewhere): status one of the
	 * STMT_LINE_* words (static); the active match's rule (auto,
	 * slip, gateway, transfer, card or manual; "" none), what it was
	 * matched to (a slip number, "GATEWAY CODE", a payment number or
	 * "TERMINAL YYYY-MM-DD (N)"), who and when; expected what the
	 * ledger holds of it in minor units (the deposit's amount, the
	 * gateway payment's less its fee, the payments' still posted),
	 * 0 unmatched */
	const char *status;
	char rule[16];
	char matched_to[80];
	char matched_by[33];
	char matched_at[20];
	int64_t expected;
	/* whether that match was made by hand (a supervisor's deposit
	 * match, rule manual, or transfer or card match, which takes a
	 * note; a rule's match has none), and its note (owned, NULL none:
	 * issue 20, "Each match says which rule made it") */
	int by_hand;
	char *match_note;
	/* a line whose exception a supervisor resolved (reconcile
	 * resolve: an unexpected credit or a credit matched twice of an
	 * unmatched line, or the amount_differs of its deposit's, payout's
	 * or voided payments' match, or of its deposit's voided cheques;
	 * s74 fault 4),
	 * as svc_statement_show reads it: status STMT_LINE_RESOLVED, the
	 * kind resolved, who, when and the note (owned, NULL none; s72
	 * h14 fault 7: it read "unmatched" after its resolution) */
	char resolved_kind[24];
	char resolved_by[33];
	char resolved_at[20];
	char *resolve_note;
	/* which copy is live as the central node has it (review R20c): in
	 * a statement record it feeds, said 1 and, for a duplicate, the
	 * key of the statement (of the same account) and the line it
	 * duplicates there; dup_seq 0 the line is live. said 0: no word
	 * (a terminal's record, or an older central node's) */
	int said;
	int dup_seq;
	char dup_key[80];
};
/* A match undone (statement_matches' rows with unmatched_at set): its
 * line, what it was (as struct statement_line says of an active one),
 * and who undid it, when and why (issue 20: every match and unmatch
 * audited, and shown by statement show and deposit show). */
struct past_match {
	int seq;                         /* its line's place */
	char line[STMT_NAME_BUFSZ + 12]; /* NAME:LINE */
	char rule[16];
	char matched_to[80];
	int by_hand;
	char note[257];
	char matched_by[33];
	char matched_at[20];
	char unmatched_by[33];
	char unmatched_at[20];
	char unmatch_note[257];
};
/* A statement line's status (stored words, translated for people;
 * N_ of paydesk/i18n.h where they are used). */
#define STMT_LINE_MATCHED N_("matched")     /* matched; a card day's fee kept */
#define STMT_LINE_DIFFERS N_("amount_differs") /* matched, of another amount */
#define STMT_LINE_UNMATCHED N_("unmatched") /* a credit nothing matched */
#define STMT_LINE_REVERSED N_("reversed")   /* a credit the bank took back */
#define STMT_LINE_DUPLICATE N_("duplicate") /* an earlier statement's credit */
#define STMT_LINE_REVERSAL N_("reversal")   /* the debit that took one back */
#define STMT_LINE_DEBIT N_("debit")         /* money out */
#define STMT_LINE_RESOLVED N_("resolved")   /* its exception resolved */

/* A consumer whose open items are past due by a number of days (issue
 * 21, disconnection lists): what those items still owe, how many, the
 * oldest due date. */
struct overdue_row {
	int64_t consumer_id;
	char account_no[33];
	char name[129];
	int64_t overdue; /* minor units */
	int items;
	char oldest_due[11];
	int has_plan; /* an arrangement not cancelled: whether it is kept
	                 is the service's to tell (svc_kept_overdue) */
	/* where a field crew goes, and whom it calls (review R21d,
	 * r21d_crew_address) */
	char address[257];
	char phone[33];
};

/* A consumer of the reconnection list (issue 21): on the disconnection
 * list on listed_on (their overdue debt as the list counted it before a
 * payment, an arrangement or a reschedule of that day at least
 * [disconnection] amount; was, the most it came to), and no longer:
 * now what their items due [disconnection] days ago still owe, reason
 * "Paid" (below the amount now) or "Arrangement" (an Active arrangement
 * with no installment missed protects them). Minor units. */
struct reconnect_row {
	int64_t consumer_id;
	char account_no[33];
	char name[129];
	int64_t was;
	char listed_on[11];
	int64_t now;
	const char *reason; /* N_(): translate where shown */
	char address[257]; /* the consumer's service address and phone */
	char phone[33];
};

#endif
