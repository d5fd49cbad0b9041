/* model.h - the records every layer talks about. Money is int64_t minor
 * units; dates are "YYYY-MM-DD", timestamps "YYYY-MM-DD HH:MM:SS" local. */
#ifndef PAYDESK_MODEL_H
#define PAYDESK_MODEL_H
#include <stdint.h>

#define NOTES_BUFSZ 8004 /* up to 2000 characters of UTF-8 */
#define TS_BUFSZ 20

enum method_kind { METHOD_CASH, METHOD_CARD, METHOD_BANK, METHOD_ONLINE };
enum pay_type { PAY_BILL, PAY_SERVICE, PAY_INSTALLMENT };
enum pay_status { PS_POSTED, PS_PENDING, PS_FAILED, PS_CANCELLED, PS_VOIDED };
enum role { ROLE_CASHIER = 1, ROLE_SUPERVISOR = 2, ROLE_ADMIN = 3 };

/* "Bill", "Service", "Installment". */
const char *pay_type_name(enum pay_type t);
/* "bill", "service", "installment" as stored in items.kind. */
const char *pay_type_kind(enum pay_type t);
/* Case-insensitive; -1 if unknown. */
int pay_type_parse(const char *s);
const char *pay_status_name(enum pay_status s);
int pay_status_parse(const char *s);
const char *role_name(enum role r);
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
};

/* A setting the central node masters: "section.key" and its value as a
 * config file would hold it. */
struct setting {
	int64_t id;
	char key[64];
	char value[1024];
	char updated_at[TS_BUFSZ];
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
};

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

#endif
