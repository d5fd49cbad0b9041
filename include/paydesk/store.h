/* store.h - the SQLite store. Only store/ includes sqlite3.h.
 *
 * Writes happen inside store_begin()/store_commit(): the service layer opens
 * one transaction per use case and calls the insert functions inside it.
 * Functions that return arrays allocate them; the caller frees with free().
 */
#ifndef PAYDESK_STORE_H
#define PAYDESK_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "model.h"

struct store;

/* Open (creating the file and its directory if create is set) and migrate.
 * Sets WAL, synchronous=FULL, foreign_keys=ON and a busy timeout. */
int store_open(
    const char *path, int create, struct store **out, struct pd_err *err);
void store_close(struct store *st);
/* The store's file, for a worker process to open its own connection. */
const char *store_file(const struct store *st);
int store_version(struct store *st);
/* Bulk loading (demo, bench): synchronous OFF until called with 0. */
void store_bulk(struct store *st, int on);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int store_begin(struct store *st, struct pd_err *err);
int store_commit(struct store *st, struct pd_err *err);
void store_rollback(struct store *st);

int store_meta_get(struct store *st, const char *key, char *val, size_t n);
int store_meta_set(
    struct store *st, const char *key, const char *val, struct pd_err *err);

/* Consumers. Lookups fail with PD_ENOTFOUND when nothing matches. */
int store_consumer_insert(
    struct store *st, struct consumer *c, struct pd_err *err);
int store_consumer_by_account(struct store *st, const char *account,
    struct consumer *c, struct pd_err *err);
int store_consumer_by_id(
    struct store *st, int64_t id, struct consumer *c, struct pd_err *err);
/* Case-insensitive partial match on name, account number and phone;
 * returns up to limit consumers (caller frees), best (prefix) first. */
struct consumer *store_consumer_search(struct store *st, const char *text,
    size_t limit, size_t *n, struct pd_err *err);
int64_t store_consumer_count(struct store *st);

/* Items. */
int store_plan_ensure(struct store *st, const char *plan_no,
    int64_t consumer_id, struct pd_err *err);
int store_item_insert(struct store *st, struct item *it, struct pd_err *err);
int store_item_by_ref(
    struct store *st, const char *ref, struct item *it, struct pd_err *err);
/* Open items (settled < amount) of a consumer, of one kind or all (kind -1),
 * oldest due first; caller frees. */
struct item *store_items_open(struct store *st, int64_t consumer_id, int kind,
    size_t *n, struct pd_err *err);
/* Add delta (negative to undo) to an item's settled amount. */
int store_item_settle(
    struct store *st, int64_t item_id, int64_t delta, struct pd_err *err);

struct balance {
	int64_t due_now;    /* open amount of items due up to today */
	int64_t open_total; /* open amount of all items */
	int64_t open_items; /* count of items with something open */
	int64_t credit;     /* remaining on active credit notes */
};
int store_consumer_balance(struct store *st, int64_t consumer_id,
    const char *today, struct balance *b, struct pd_err *err);

/* Users. */
int store_user_insert(struct store *st, struct user *u, struct pd_err *err);
int store_user_by_name(
    struct store *st, const char *username, struct user *u, struct pd_err *err);
int store_user_by_id(
    struct store *st, int64_t id, struct user *u, struct pd_err *err);
/* Record a login outcome: failed count and lock time ("" to clear). */
int store_user_login_state(struct store *st, int64_t id, int failed,
    const char *locked_until, struct pd_err *err);
int64_t store_user_count(struct store *st);

/* Number series: the next value of (series, scope), incremented. Must be
 * called inside a transaction so that it is gap-free. */
int store_series_next(struct store *st, const char *series, const char *scope,
    int64_t *seq, struct pd_err *err);

/* Payments. */
int store_payment_insert(
    struct store *st, struct payment *p, struct pd_err *err);
/* By payment id, receipt number or transaction id. */
int store_payment_find(struct store *st, const char *number, struct payment *p,
    struct pd_err *err);
int store_payment_by_id(
    struct store *st, int64_t id, struct payment *p, struct pd_err *err);
int store_payment_set_status(struct store *st, int64_t id,
    enum pay_status status, int verified, const char *verified_at,
    const char *verified_by, struct pd_err *err);
int store_allocation_insert(
    struct store *st, struct allocation *a, struct pd_err *err);
/* Allocations of a payment with their items, reversals included. */
struct allocation *store_allocations_of(
    struct store *st, int64_t payment_id, size_t *n, struct pd_err *err);
int store_void_insert(struct store *st, const char *uuid, int64_t payment_id,
    const char *reason, int64_t user_id, const char *voided_by, const char *at,
    const char *terminal, struct pd_err *err);

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
	const char *method;      /* NULL: any; exact, as stored */
	int status;              /* enum pay_status or -1 */
	int type;                /* enum pay_type or -1 */
	const char *channel;     /* exact, as stored */
	const char *recorded_by; /* username of who recorded it */
	const char *terminal;    /* terminal id that recorded it */
	const char *search;      /* consumer name/account, receipt number */
	int64_t consumer_id;     /* 0: any */
	size_t limit;            /* 0: no limit */
	enum pay_sort sort;
	int asc;                     /* ascending; default descending */
	const struct page_key *after; /* NULL or !set: from the top */
};
/* A payment row as listed, with its consumer. */
struct payment_row {
	struct payment p;
	char consumer_name[129];
	char account_no[33];
};
typedef int (*payment_cb)(const struct payment_row *row, void *arg);
/* Stream payments matching f in its order; stops when cb returns non-0. */
int store_payments_each(struct store *st, const struct payment_filter *f,
    payment_cb cb, void *arg, struct pd_err *err);
/* The key of a listed row under sort, for the next page. */
void store_payment_key(
    const struct payment_row *r, enum pay_sort sort, struct page_key *k);
/* How many payments f matches, counting at most f->limit (0: all). */
int store_payments_count(struct store *st, const struct payment_filter *f,
    int64_t *n, struct pd_err *err);

/* Credit notes. */
int store_credit_insert(
    struct store *st, struct credit_note *cn, struct pd_err *err);
int store_credit_find(struct store *st, const char *cn_no,
    struct credit_note *cn, struct pd_err *err);
/* Total of non-voided credit notes issued against a payment. */
int store_credit_issued(
    struct store *st, int64_t payment_id, int64_t *sum, struct pd_err *err);
/* Credit notes of a payment; caller frees. */
struct credit_note *store_credits_of_payment(
    struct store *st, int64_t payment_id, size_t *n, struct pd_err *err);
int store_credit_add_applied(
    struct store *st, int64_t id, int64_t delta, struct pd_err *err);
int store_credit_set_voided(struct store *st, int64_t id, struct pd_err *err);
int store_credit_apply_insert(
    struct store *st, struct credit_application *a, struct pd_err *err);
struct credit_application *store_credit_applications(
    struct store *st, int64_t credit_note_id, size_t *n, struct pd_err *err);

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
	size_t limit;
	const struct page_key *after; /* created_on in text, id */
};
typedef int (*credit_cb)(const struct credit_note *cn, void *arg);
/* Newest first. */
int store_credits_each(struct store *st, const struct credit_filter *f,
    credit_cb cb, void *arg, struct pd_err *err);
/* The same for credit notes. */
int store_credits_count(struct store *st, const struct credit_filter *f,
    int64_t *n, struct pd_err *err);
void store_credit_key(const struct credit_note *cn, struct page_key *k);

/* Documents written or printed (receipts, credit notes). */
struct doc_issue {
	const char *kind;   /* "receipt" or "credit_note" */
	const char *number; /* the document's number */
	int copy;           /* 0 the original, n the nth copy */
	const char *format; /* "pdf" or "text" */
	const char *issued_at;
	int64_t user_id;
	const char *issued_by, *terminal, *path;
};
/* How many times the document was issued so far (the next copy number). */
int store_doc_issued(struct store *st, const char *kind, const char *number,
    int *count, struct pd_err *err);
int store_doc_insert(
    struct store *st, const struct doc_issue *d, struct pd_err *err);

/* Audit log: append one hash-chained entry. */
int store_audit_append(struct store *st, const char *at, const char *user,
    const char *terminal, const char *action, const char *entity,
    const char *ref, const char *detail, struct pd_err *err);
/* Walk the chain; *checked gets the count; on a broken link fails naming
 * the first bad entry. */
int store_audit_verify(struct store *st, int64_t *checked, struct pd_err *err);

/* Sync outbox. */
int store_outbox_insert(struct store *st, const char *uuid, const char *kind,
    const char *ref, const char *payload, const char *at, struct pd_err *err);
int64_t store_outbox_pending(struct store *st);

/* KPIs over [from, to] and one day. */
struct kpi_raw {
	int64_t collected, collected_count;
	int64_t day_total, day_count;
	int64_t due_total;
	int64_t alloc_days, alloc_count; /* sum of days issue->payment */
};
int store_kpi(struct store *st, const char *from, const char *to,
    const char *day, struct kpi_raw *k, struct pd_err *err);
/* Posted collections over [from, to] from the rollups: per day (day
 * order) or per method (largest first). */
typedef int (*total_cb)(
    const char *key, int64_t amount, int64_t count, void *arg);
int store_daily_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err);
int store_method_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err);
/* Posted payments matching f per method (largest first). */
int store_method_split(struct store *st, const struct payment_filter *f,
    total_cb cb, void *arg, struct pd_err *err);
struct outstanding {
	int64_t total, items, days_past_due; /* days summed over overdue */
	int64_t overdue_items;
};
int store_outstanding(struct store *st, const char *today,
    struct outstanding *o, struct pd_err *err);

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
/* Posted payments only unless f->status says otherwise; f->limit rows. */
int store_payers_each(struct store *st, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err);

/* Aging of open items by days past their due date (enum age_bucket). */
struct aging {
	int64_t amount[AGE_BUCKETS], count[AGE_BUCKETS];
	int64_t total, items;
};
struct aging_row {
	int64_t consumer_id;
	char name[129];
	char account_no[33];
	struct aging a;
};
struct aging_filter {
	const char *today;
	const char *search;   /* consumer name/account */
	int64_t consumer_id;  /* 0: any */
	int min_bucket;       /* only consumers with something this old */
	size_t limit;
};
int store_aging_total(struct store *st, const struct aging_filter *f,
    struct aging *a, struct pd_err *err);
typedef int (*aging_cb)(const struct aging_row *row, void *arg);
/* Per consumer, most outstanding first. */
int store_aging_each(struct store *st, const struct aging_filter *f,
    aging_cb cb, void *arg, struct pd_err *err);

/* Integrity check and the consistency of kept-in-step amounts; problems are
 * passed to cb one line each. Returns the number of problems or -1. */
typedef void (*problem_cb)(const char *what, void *arg);
int store_doctor(
    struct store *st, problem_cb cb, void *arg, struct pd_err *err);
/* Online copy to dest with the SQLite backup API. */
int store_backup(struct store *st, const char *dest, struct pd_err *err);

#endif
