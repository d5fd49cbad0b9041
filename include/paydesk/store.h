/* store.h - the SQLite store. Only store/ includes sqlite3.h, and only
 * service/ and the central node's storage adapter (central/backend_*.c)
 * include this header; front ends go through service.h.
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
#include "forecast.h"
#include "model.h"
#include "deposit.h"
#include "shift.h"

struct store;

/* Open (creating the file and its directory if create is set) and migrate.
 * Sets WAL, synchronous=FULL, foreign_keys=ON and a busy timeout. */
int store_open(
    const char *path, int create, struct store **out, struct pd_err *err);
void store_close(struct store *st);
/* The store's file, for a worker process to open its own connection. */
const char *store_file(const struct store *st);
int store_version(struct store *st);
/* A page cache of kb KiB and the statement journals in memory (0:
 * SQLite's default cache, temp files as configured) for work that
 * dirties many pages in one transaction, such as a sync round's pulled
 * pages. */
void store_cache_kb(struct store *st, int kb);
/* On PostgreSQL, the session's statements run on generic plans (on 1)
 * made with sequential scans off, so each is an index lookup planned
 * once, or planned for their values again (on 0, the session's
 * force_custom_plan: db_pg_conn.c); nothing on SQLite. For reads by key
 * in bulk, as a pull page's of its payments, allocations, consumers and
 * shifts by id (issue 22: 140,000 such reads of eight terminals' pulls
 * spent 37 s of the server's CPU planning, 5 s executing). A failure is
 * the next statement's to meet; on 0 the settings are the server's
 * again. */
void store_plans_generic(struct store *st, int on);
/* Bulk loading (demo, bench) in one transaction: synchronous OFF, a
 * 64 MiB page cache and the savepoints' journals in memory, until called
 * with 0 (FULL, SQLite's default cache, temp files as configured). */
void store_bulk(struct store *st, int on);

/* How long (ms) a statement waits for another connection's write lock
 * before it answers "the store is busy". */
#define STORE_BUSY_MS 5000

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int store_begin(struct store *st, struct pd_err *err);
/* store_begin waiting up to ms (not STORE_BUSY_MS) for the write lock: for
 * a use case that queues behind others of its kind while each holds the
 * lock for long, as sign-in tries do while a PIN is hashed. */
int store_begin_wait(struct store *st, int ms, struct pd_err *err);
int store_commit(struct store *st, struct pd_err *err);
void store_rollback(struct store *st);
/* Roll back the whole transaction, savepoints and all. */
void store_abort(struct store *st);

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
/* How many payments and items consumer id has (-1 when the store
 * failed). */
int64_t store_consumer_history(struct store *st, int64_t id);
/* The consumers whose ids are from lo to hi, by id, in one read (a pull's
 * page of them); *n gets the count. NULL on error, the array the
 * caller's to free. */
struct consumer *store_consumers_between(struct store *st, int64_t lo,
    int64_t hi, size_t *n, struct pd_err *err);
/* The organisation's calling code (digits, "" for none; at most
 * PHONE_CC_MAX, longer is cut) that a consumer search drops from a phone
 * number typed with it ("+1 555 123 4567"); see search_phone_digits. */
void store_set_phone_cc(struct store *st, const char *cc);
/* Partial match on name, account number and phone without regard to
 * case or accents (both sides folded by utf8_fold): 3+ folded characters
 * anywhere in them (trigram index), fewer a prefix of the name then of
 * the account number; each consumer once. Returns up to limit consumers
 * (caller frees), an exact account number first. Issue 17 section 1. */
struct consumer *store_consumer_search(struct store *st, const char *text,
    size_t limit, size_t *n, struct pd_err *err);
int64_t store_consumer_count(struct store *st);

/* Items. */
int store_plan_ensure(struct store *st, const char *plan_no,
    int64_t consumer_id, struct pd_err *err);
/* Insert it (a new uuid if it has none; it->id set) and its entry day
 * (item_entries: it->entered_on, "" the machine's today). */
int store_item_insert(struct store *st, struct item *it, struct pd_err *err);
int store_item_by_ref(
    struct store *st, const char *ref, struct item *it, struct pd_err *err);
/* Open items (settled < amount) of a consumer, of one kind or all (kind -1),
 * oldest due first; caller frees. */
struct item *store_items_open(struct store *st, int64_t consumer_id, int kind,
    size_t *n, struct pd_err *err);
/* What a consumer's items of one kind (*of_kind; kind -1: all) and all
 * its items (*all) come to, paid or not, in one read: no amount due of
 * theirs was ever more. */
int store_items_billed(struct store *st, int64_t consumer_id, int kind,
    int64_t *of_kind, int64_t *all, struct pd_err *err);
/* Add delta (negative to undo) to an item's settled amount. */
int store_item_settle(
    struct store *st, int64_t item_id, int64_t delta, struct pd_err *err);

int store_consumer_balance(struct store *st, int64_t consumer_id,
    const char *today, struct balance *b, struct pd_err *err);

/* Users. */
int store_user_insert(struct store *st, struct user *u, struct pd_err *err);
/* User id's dashboard tiles as stored ("collected,rate"; "" none
 * chosen), and set them (issue 23). */
int store_user_tiles(struct store *st, int64_t id, char *tiles, size_t n,
    struct pd_err *err);
int store_user_tiles_set(
    struct store *st, int64_t id, const char *tiles, struct pd_err *err);
/* Set user id's team (issue 23; "" none). */
int store_user_team(
    struct store *st, int64_t id, const char *team, struct pd_err *err);
int store_user_by_name(
    struct store *st, const char *username, struct user *u, struct pd_err *err);
/* The user whose full name (as records name who did what) is full_name
 * and who works at branch (or at every branch); of several, the one with
 * the highest role. PD_ENOTFOUND when there is none. */
int store_user_by_full_name(struct store *st, const char *full_name,
    const char *branch, struct user *u, struct pd_err *err);
int store_user_by_id(
    struct store *st, int64_t id, struct user *u, struct pd_err *err);
/* Record a login outcome: failed count and lock time ("" to clear). */
int store_user_login_state(struct store *st, int64_t id, int failed,
    const char *locked_until, struct pd_err *err);
/* A good PIN after this sign-in counted its try (failed_logins was then
 * `counted`): clear the count and lock, unless another sign-in counted a
 * wrong PIN since (then they stand). A row already clear is not
 * written: a sign-in alone changes no row (store_stats_keep). */
int store_user_login_reset(
    struct store *st, int64_t id, int counted, struct pd_err *err);
/* Whether user id's row is what its use cases made it (issue 18, section
 * 7): 0 when its name, role, PIN hash and active flag are those of its
 * latest audited seal and that seal is the one its audit entry hashed; 1
 * when the row has no audited seal (added around paydesk) or differs
 * from it; -1 when the store could not be read (PD_ESTORE). A store
 * without seals (before migration 9) answers 0. */
/* Whether a change of a sealed row waits for the audit entry that claims
 * it (seal.c); a store without seals: no. */
int store_seals_pending(struct store *st);
int store_user_sealed(struct store *st, int64_t id, struct pd_err *err);
/* Wrong PINs given for a user name the store does not know: *failed and
 * locked_until (TS_BUFSZ bytes, "" when not locked); 0 and "" when none
 * were given. Same rule as a known user's (issue 18 section 5). */
int store_login_misses(struct store *st, const char *username, int *failed,
    char *locked_until, struct pd_err *err);
/* Record the wrong PINs given for an unknown user name. */
int store_login_misses_set(struct store *st, const char *username, int failed,
    const char *locked_until, struct pd_err *err);
int64_t store_user_count(struct store *st);
/* Rows of users and of data (consumers, items, payments, credit notes,
 * settings) the store holds: 0 for a store fresh from init. */
int64_t store_held_rows(struct store *st);

/* Number series: the next value of (series, scope), incremented. Must be
 * called inside a transaction so that it is gap-free. */
int store_series_next(struct store *st, const char *series, const char *scope,
    int64_t *seq, struct pd_err *err);

/* Payments. */
/* Insert p (and its shift, p->shift_uuid, and its team, p->team, where
 * it has one). */
int store_payment_insert(
    struct store *st, struct payment *p, struct pd_err *err);
/* p->shift_uuid and p->team: payment p->id's shift and the team it was
 * taken for ("" none), which the payments' readers leave empty. */
int store_payment_shift(
    struct store *st, struct payment *p, struct pd_err *err);
/* By payment id, receipt number or transaction id. */
/* What a person typed for a payment (issue 17): its payment id, receipt
 * number or transaction id in any ASCII case, or failing that the end of
 * one of them ("3204" for R-T01-003204, 3+ characters) when it is the end
 * of one payment's only; PD_EINVAL naming two when it ends more, else
 * PD_ENOTFOUND. */
int store_payment_lookup(
    struct store *st, const char *text, struct payment *p, struct pd_err *err);
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
/* The void of a payment whose one void row is a void this terminal undid
 * (store_undone_add): that row becomes this void (voids.payment_id is
 * unique). */
int store_void_again(struct store *st, const char *uuid, int64_t payment_id,
    const char *reason, int64_t user_id, const char *voided_by, const char *at,
    const char *terminal, struct pd_err *err);
/* The shift of payment payment_id's void uuid (issue 20): shift_uuid,
 * the shift open at the drawer of its terminal when it was made. */
int store_void_shift_add(struct store *st, int64_t payment_id, const char *uuid,
    const char *shift_uuid, struct pd_err *err);

/* Stream payments matching f in its order; stops when cb returns non-0. */
int store_payments_each(struct store *st, const struct payment_filter *f,
    payment_cb cb, void *arg, struct pd_err *err);
/* The key of a listed row under sort, for the next page. */
void store_payment_key(
    const struct payment_row *r, enum pay_sort sort, struct page_key *k);
/* How many payments f matches, counting at most f->limit (0: all). */
int store_payments_count(struct store *st, const struct payment_filter *f,
    int64_t *n, struct pd_err *err);

/* Whether none of up to 4 numbers (NULL: none) is a payment's payment
 * id, receipt number or transaction id, nor (white space taken out, as
 * store_credit_find) a credit note's number: *free 1 then. One statement
 * for what store_payment_find and store_credit_find ask of each number
 * (a push's record checks its three or four in one round trip); when one
 * is taken, those say which and whose. */
int store_numbers_free(struct store *st, const char *const nums[4], int *free_,
    struct pd_err *err);

/* Credit notes. */
int store_credit_insert(
    struct store *st, struct credit_note *cn, struct pd_err *err);
/* Exactly that number (white space taken out): sync's check of a
 * number in use. */
int store_credit_find(struct store *st, const char *cn_no,
    struct credit_note *cn, struct pd_err *err);
/* What a person typed: the number in any case, or its unambiguous end
 * ("cn-t01-00001", "0001"), or the one number holding it, as receipts
 * (store_payment_lookup). PD_ENOTFOUND for none, PD_EINVAL naming the
 * candidates when more than one fits. */
int store_credit_lookup(struct store *st, const char *text,
    struct credit_note *cn, struct pd_err *err);
/* Total of the non-voided credit notes of a payment that gave money
 * back: all but its overpayment note (reason "Overpayment", the
 * payment's own money held as credit); minor units. */
int store_credit_refunded(
    struct store *st, int64_t payment_id, int64_t *sum, struct pd_err *err);
/* Total of non-voided credit notes issued against a payment. */
int store_credit_issued(
    struct store *st, int64_t payment_id, int64_t *sum, struct pd_err *err);
/* Credit notes of a payment; caller frees. */
struct credit_note *store_credits_of_payment(
    struct store *st, int64_t payment_id, size_t *n, struct pd_err *err);
int store_credit_add_applied(
    struct store *st, int64_t id, int64_t delta, struct pd_err *err);
int store_credit_set_voided(struct store *st, int64_t id, struct pd_err *err);
int store_credit_unvoid(struct store *st, int64_t id, struct pd_err *err);
int store_credit_apply_insert(
    struct store *st, struct credit_application *a, struct pd_err *err);
/* A credit note's applications, less those undone here (sync_undone). */
struct credit_application *store_credit_applications(
    struct store *st, int64_t credit_note_id, size_t *n, struct pd_err *err);
/* This store's applications to an item whose sync record is not sent yet
 * (pending or refused) and not undone, newest first. */
struct credit_application *store_credit_apps_unsent(
    struct store *st, int64_t item_id, size_t *n, struct pd_err *err);

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
	/* the consumer's language it is written in ("en", "es"; NULL or
	 * "": the organisation's) */
	const char *language;
};
/* How many times the document was issued so far (the next copy number). */
int store_doc_issued(struct store *st, const char *kind, const char *number,
    int *count, struct pd_err *err);
int store_doc_insert(
    struct store *st, const struct doc_issue *d, struct pd_err *err);
/* The consumer's language the document kind/number was first written in
 * (its lowest copy that has one) into lang (n >= 16); "" when none has
 * (never issued here, or written in the organisation's): a copy made
 * after the consumer's language was cleared is in it (issue 25 review).
 * 0, or -1 with err. */
int store_doc_language(struct store *st, const char *kind,
    const char *number, char *lang, size_t n, struct pd_err *err);

/* Audit log: append one hash-chained entry. */
int store_audit_append(struct store *st, const char *at, const char *user,
    const char *terminal, const char *action, const char *entity,
    const char *ref, const char *detail, struct pd_err *err);
/* The details of the audit entries "count" of shift uuid (the counts a
 * blind close showed, shift_close.c), oldest first, read by their index
 * (store_mig_56); *n of them, each and the array freed by the caller;
 * NULL on error. */
char **store_shift_counts_shown(
    struct store *st, const char *uuid, size_t *n, struct pd_err *err);
/* Walk the chain; *checked gets the count; on a broken link fails naming
 * the first bad entry (PD_ESTORE). An entry that recorded seals (the rows
 * of money and rights its use case changed, seal.c) must still have
 * exactly those seals; issue 18, section 7. */
int store_audit_verify(struct store *st, int64_t *checked, struct pd_err *err);
/* The chain's head: the newest entry's sequence (its id) and hash (64 hex
 * digits); 0 and "" for an empty log. */
int store_audit_head(
    struct store *st, int64_t *seq, char hash[65], struct pd_err *err);
/* The hash of entry seq: 1 found, 0 no such entry ("" in hash), -1. */
int store_audit_hash_at(
    struct store *st, int64_t seq, char hash[65], struct pd_err *err);

/* The links of entries from..to (issue 18, section 7): each entry's text
 * its hash is taken over after the previous hash ("\x1f" before each
 * field), so that hash(n) = SHA-256(hash(n - 1) + link(n)); *links an
 * array of *n owned strings (free each, then the array). PD_ESTORE when
 * an entry of the range is missing. */
int store_audit_links(struct store *st, int64_t from, int64_t to, char ***links,
    size_t *n, struct pd_err *err);
/* The central node's copy of a terminal's audit chain head (issue 18,
 * section 7; central migration 6): 1 and the head kept, 0 none yet (0 and
 * ""), -1 on error. */
int store_anchor_get(struct store *st, const char *terminal, int64_t *seq,
    char hash[65], struct pd_err *err);
/* Keep seq and hash (64 hex digits) as terminal's head; the caller
 * checked that it extends the one kept. */
int store_anchor_put(struct store *st, const char *terminal, int64_t seq,
    const char *hash, const char *at, struct pd_err *err);
/* The newest head terminal anchored at seq upto or before (1; 0 none:
 * 0 and ""), of every head it anchored (review 18 point 6). */
int store_anchor_before(struct store *st, const char *terminal, int64_t upto,
    int64_t *seq, char hash[65], struct pd_err *err);
/* Retention ([central] history_days, review 18): delete the terminal's
 * heads seen older than before (a time or a date), except the newest of
 * those; the head kept (audit_anchors) and the reanchors stay. A store
 * without the history (PostgreSQL's, this version): 0, nothing done. */
int store_anchor_history_prune(struct store *st, const char *terminal,
    const char *before, struct pd_err *err);
/* A head set back by a reanchor (paydesk audit reanchor), kept with who
 * asked and why. */
struct anchor_reset {
	const char *terminal, *at;
	int64_t from_seq;
	const char *from_hash;
	int64_t base_seq, to_seq;
	const char *to_hash, *by, *reason;
};
int store_anchor_reset(
    struct store *st, const struct anchor_reset *r, struct pd_err *err);
/* The reanchors kept (of terminal; NULL: every terminal's), oldest
 * first; caller frees. */
struct reanchor_row *store_anchor_resets(
    struct store *st, const char *terminal, size_t *n, struct pd_err *err);

/* Sync outbox. Pending: neither acknowledged nor quarantined. */
int store_outbox_insert(struct store *st, const char *uuid, const char *kind,
    const char *ref, const char *payload, const char *at, struct pd_err *err);
/* Outbox rows written together (a statement's matches: 100,000 at a
 * time), in order, as store_outbox_insert writes each. */
struct outbox_row {
	char uuid[37];
	char ref[64];
	const char *kind;
	char *payload;
	char at[32];
};
int store_outbox_insert_set(struct store *st, const struct outbox_row *rows,
    size_t n, struct pd_err *err);
int64_t store_outbox_pending(struct store *st);
/* Up to limit pending records with id > after, oldest first. */
struct outbox_rec *store_outbox_next(struct store *st, int64_t after,
    size_t limit, size_t *n, struct pd_err *err);
/* Quarantined records, oldest first. */
struct outbox_rec *store_outbox_quarantine(
    struct store *st, size_t *n, struct pd_err *err);
void store_outbox_free(struct outbox_rec *r, size_t n);
/* Why record uuid was refused, into why (n bytes): the central node's
 * reason of an outbox record rejected, or this terminal's of a pulled
 * one it set aside; "" when neither (put right since). */
int store_sync_refusal(struct store *st, const char *uuid, char *why, size_t n,
    struct pd_err *err);
/* Acknowledged (sent_at = at), or rejected with a reason (quarantined). */
int store_outbox_ack(struct store *st, const char *uuid, const char *at,
    struct pd_err *err);
int store_outbox_reject(struct store *st, const char *uuid, const char *reason,
    const char *at, struct pd_err *err);
/* A send of records first..last whose outcome is unknown: count the
 * attempt and keep the error. */
/* 1 and reason (size bytes): the central node rejected record uuid; 0
 * it did not (or there is none). */
int store_outbox_rejected(struct store *st, const char *uuid, char *reason,
    size_t size, struct pd_err *err);
int store_outbox_attempt(struct store *st, int64_t first, int64_t last,
    const char *error, struct pd_err *err);
/* Set aside a pulled record this terminal refused, inside the pull's
 * transaction: r's uuid, kind, ref, created_at (the record's time),
 * payload, reason and rejected_at (now) are kept, with the feed's seq. */
int store_pull_set_aside(struct store *st, int64_t seq,
    const struct outbox_rec *r, struct pd_err *err);
/* Put a quarantined record back in the queue (not a pulled one). */
int store_outbox_retry(struct store *st, const char *uuid, struct pd_err *err);
int64_t store_outbox_quarantined(struct store *st);
/* Whether record uuid is set aside, refused by the central node: 1, 0,
 * or -1 on a failure. */
int store_outbox_was_rejected(
    struct store *st, const char *uuid, struct pd_err *err);
/* Whether outbox record id still says what paydesk recorded (issue 18,
 * section 7): its uuid, kind, ref and payload are those of its latest
 * seal claimed by an audit entry, and that entry still hashes to itself
 * and to its seals (seal.c). 0: it may be sent (or it is gone); 1: it
 * was forged, added or changed outside paydesk, why (n bytes) says how
 * in a sentence to follow "Outbox record ...: "; -1 when the store
 * failed (err). */
int store_outbox_sealed(
    struct store *st, int64_t id, char *why, size_t n, struct pd_err *err);

/* Records by uuid (sync). *id gets the row id, 0 when there is none. */
enum store_table {
	TBL_CONSUMERS,
	TBL_ITEMS,
	TBL_USERS, /* by username */
	TBL_PAYMENTS,
	TBL_VOIDS,
	TBL_CREDIT_NOTES,
	TBL_CREDIT_APPLICATIONS,
	TBL_ARR_EVENTS /* an arrangement's changes */
};
int store_id_of(struct store *st, enum store_table t, const char *key,
    int64_t *id, struct pd_err *err);
/* A pulled consumer here: uuid's row id into *id, else the row id of the
 * consumer under account (another uuid's, white space around it
 * trimmed) into *by_account; 0 for none. One statement for the two. */
int store_consumer_find(struct store *st, const char *uuid, const char *account,
    int64_t *id, int64_t *by_account, struct pd_err *err);
int store_item_by_id(
    struct store *st, int64_t id, struct item *it, struct pd_err *err);
/* The items whose ids are from lo to hi, by id, in one read (a pull's
 * page of them); *n gets the count. NULL on error, the array the
 * caller's to free. */
struct item *store_items_between(struct store *st, int64_t lo, int64_t hi,
    size_t *n, struct pd_err *err);
int store_credit_by_id(
    struct store *st, int64_t id, struct credit_note *cn, struct pd_err *err);
struct void_row {
	char uuid[37];
	int64_t payment_id;
	char reason[512];
	char voided_by[129];
	char voided_at[TS_BUFSZ];
	char terminal[17];
	/* the shift open at its terminal's drawer when it was made (issue
	 * 20); "" none, or made before voids said */
	char shift_uuid[37];
};
/* Void id, with its shift. */
int store_void_by_id(
    struct store *st, int64_t id, struct void_row *v, struct pd_err *err);
int store_credit_apply_by_id(struct store *st, int64_t id,
    struct credit_application *a, struct pd_err *err);
/* What payments recorded on terminal still hold of an item, newest
 * first: payment_id, id (of the first allocation; of one the payment
 * holds only by carried rows, the allocation they are linked to:
 * arrange_carry.c), amount (net). */
struct allocation *store_item_held_by(struct store *st, int64_t item_id,
    const char *terminal, size_t *n, struct pd_err *err);
/* The same, of the payments whose sync record follows record uuid's in
 * the outbox (taken after it). */
struct allocation *store_item_held_since(struct store *st, int64_t item_id,
    const char *terminal, const char *uuid, size_t *n, struct pd_err *err);
/* A payment this store received by sync (it has no outbox record). */
int store_received_add(struct store *st, const char *uuid, struct pd_err *err);
/* Inside a transaction: consumers added from now on are left out of the
 * search index until store_fts_defer_end indexes them all at once (a bulk
 * load: a pull, an import of consumers; see migration 6). Both do nothing
 * on PostgreSQL, which keeps no search index. -1 and err (PD_ESTORE) on a
 * store error: roll back. */
int store_fts_defer_begin(struct store *st, struct pd_err *err);
int store_fts_defer_end(struct store *st, struct pd_err *err);
/* Inside a pull's transaction (on 1): items added from now on are
 * added to their rollups and sealed by store_items_defer_flush, all at
 * once, as their insert triggers would have (item_defer.c); _end
 * flushes and puts the triggers back. on 0: row by row, as always. */
int store_items_defer_begin(struct store *st, int on, struct pd_err *err);
int store_items_defer_flush(struct store *st, struct pd_err *err);
int store_items_defer_end(struct store *st, struct pd_err *err);
/* Reference data as the central node has it, or an import with update
 * gives it: update by id (uuid too). */
int store_consumer_update(
    struct store *st, const struct consumer *c, struct pd_err *err);
int store_item_update(struct store *st, const struct item *it, struct pd_err *err);
/* Insert or update by username: name, role, PIN hash, active, branch. */
int store_user_upsert(struct store *st, struct user *u, struct pd_err *err);
/* Settings the central node masters (src/store/settings.c).
 * store_setting_get: 1 found, 0 not there, -1 error. store_setting_put
 * inserts or changes it (a value equal to the stored one is left as it
 * is). store_settings: all of them by key, caller frees. */
int store_setting_get(struct store *st, const char *key, struct setting *out,
    struct pd_err *err);
int store_setting_by_id(
    struct store *st, int64_t id, struct setting *out, struct pd_err *err);
int store_setting_put(struct store *st, const char *key, const char *value,
    const char *at, struct pd_err *err);
struct setting *store_settings(struct store *st, size_t *n, struct pd_err *err);
/* Whether the store holds any amount (a bill, payment, credit note,
 * count, deposit, statement line): 1 yes, 0 none, -1 error. Its amounts
 * are in minor units of the currency in force when they were written. */
int store_holds_amounts(struct store *st, struct pd_err *err);
/* The history of the rules on the central node (src/store/rules.c; issue
 * 18, review point 5). store_rules_head: the newest feed entry that
 * changed a setting or a user (0: none since the history began).
 * store_feed_rules_in: the newest such entry in (since, cursor], 0 none.
 * store_setting_history: every value the settings took, oldest first,
 * caller frees. store_user_role_since: the highest role a user whose full
 * name was name (by_username: whose user name is name) had at branch (or
 * at every branch) in a version of the users in force at feed entry since
 * or after it; PD_ENOTFOUND when none was. */
int64_t store_rules_head(struct store *st);
int64_t store_feed_rules_in(struct store *st, int64_t since, int64_t cursor);
struct setting_change *store_setting_history(
    struct store *st, size_t *n, struct pd_err *err);
int store_user_role_since(struct store *st, const char *name, int by_username,
    const char *branch, int64_t since, enum role *role, struct pd_err *err);
/* Every number of a document series (enum doc_series: receipts, credit
 * notes, payments) the store holds, by terminal then as stored (caller
 * frees); the next sequence of a series in a scope (1: none issued),
 * without taking it. */
struct doc_number *store_doc_numbers(
    struct store *st, int kind, size_t *n, struct pd_err *err);
/* The receipts and credit notes of terminal that were voided, oldest void
 * first, with the void's reason, who and when (a credit note's are its
 * payment's: it is voided with it); caller frees. */
struct voided_doc *store_voided_docs(
    struct store *st, const char *terminal, size_t *n, struct pd_err *err);
/* How many of terminal's records the central node refused (sync_log,
 * distinct uuids); 0 when none or on a store without the log. */
int64_t store_sync_refused(struct store *st, const char *terminal);
int64_t store_series_peek(
    struct store *st, const char *series, const char *scope);
/* *n: how many documents of series kind (enum doc_series; a transaction
 * number is a payment's, a Z number a closed shift's) of terminal the
 * store holds dated from..to (YYYY-MM-DD, both included). -1 (PD_ESTORE) when the store failed. */
int store_doc_count(struct store *st, int kind, const char *terminal,
    const char *from, const char *to, int64_t *n, struct pd_err *err);
/* Whether st is an organisation's store on the central node (it has the
 * feed). */
int store_is_central(struct store *st);
/* Whether terminal's record uuid was refused before time before
 * (sync_log). */
int store_sync_log_has(struct store *st, const char *terminal,
    const char *uuid, const char *before);

/* The seals the open transaction wrote that no audit entry claimed yet
 * (a central node's push: seal.c), claimed by one entry "seal store"
 * with ref; nothing when there are none. */
int store_seals_claim(struct store *st, const char *ref, struct pd_err *err);
/* How many seals the open transaction wrote that no audit entry claimed
 * yet (0 too when they could not be counted: the transaction's next
 * statement then fails on PostgreSQL, and SQLite counts again at its
 * commit). */
int64_t store_seals_unclaimed(struct store *st);
/* The central node: an organisation's store (a store with the feed). */
int store_open_central(
    const char *path, int create, struct store **out, struct pd_err *err);
/* Checkpoints off the commit path (a busy central node's writer): st's
 * commits no longer copy the WAL into the database, they only count its
 * frames (store_wal_frames); store_checkpoint, on a connection of its
 * own, does the copying without waiting for the writer (passive). */
void store_wal_manual(struct store *st);
/* The organisation's day, "YYYY-MM-DD" (NULL or "" unknown): the store
 * looks at its planner's statistics at the first close that wrote on a
 * new day (store_stats_keep, issue 24), and at every close that wrote
 * while the day is unknown. */
void store_set_today(struct store *st, const char *day);
/* A bulk load (an import, a pull) ran: the next close that wrote looks
 * at the statistics whatever the day. */
void store_stats_due(struct store *st);
/* The planner's statistics counted now, in the caller's transaction,
 * by store_stats_keep's rule (an index without any, a table grown 25
 * times), for the statements that follow a bulk load in the same use
 * case: a consumer import's re-match of the gateway backlog planned
 * each consumer's look-up by account as a scan of what the statistics
 * said were 3 consumers, 10,000 once the import's rows were in (the
 * bench's 100,000 re-matched in 6,997 s, s71). -1 with err (PD_ESTORE)
 * when a count failed; nothing on PostgreSQL, whose autovacuum keeps
 * its own. */
int store_stats_now(struct store *st, struct pd_err *err);
int store_wal_frames(const struct store *st);
/* On PostgreSQL (the central node's push, issue 22), with on: the
 * writes whose rows no one reads are sent ahead in a pipeline, without
 * waiting for each answer (db_pg_defer), so that a failed one fails a
 * later statement, not its own. Off (and on) reads the answers left:
 * -1 when a write sent ahead since on failed (the transaction is then
 * lost). Nothing on SQLite. */
int store_pipeline(struct store *st, int on, struct pd_err *err);
/* On PostgreSQL, in a push's first pass sent ahead (store_pipeline),
 * with on: the reads an audit entry needs are not made but checked by
 * the writes sent (audit.c, seal_row.c): the log's last entry is the one
 * this transaction appended last, and no seal waits for an entry to
 * claim it (an append, store_seals_pending). A check that fails fails
 * the pass, which is then applied again without them. 1 when on, 0 when
 * not (off, SQLite, or seals of an earlier transaction wait). */
int store_push_guard(struct store *st, int on);
/* On PostgreSQL, between two records of a push's first pass: its
 * set-based writes sent now when many rows wait (db_pg_batch_boundary),
 * the server writing them while the node makes the next records ready; a
 * send that failed fails the pass at its end (store_pipeline). Nothing
 * on SQLite. */
void store_push_boundary(struct store *st);
int store_checkpoint(struct store *st, struct pd_err *err);
/* The payments' search index merged by a step of at most pages leaf
 * pages, in a transaction of its own that is not synced (after a use case's
 * commit, outside any transaction: nothing otherwise; never waiting
 * for a writer): the rows the merging changed (0: nothing was due),
 * -1 on error. SQLite only (db_sqlite.c). */
int store_fts_merge(struct store *st, int pages, struct pd_err *err);
/* Checkpoints off a counter's commit path: st's commits only count the
 * WAL's frames, and past CKPT_BEHIND_FRAMES wake a thread of st's own
 * that copies them into the database on a connection of its own
 * (passive: never waiting for st, nor st for it), stopped by
 * store_close. 0 when it runs, or when a PostgreSQL store needs none;
 * -1 (SQLite's own checkpoints kept) if the thread could not start. */
int store_checkpoints_behind(struct store *st, struct pd_err *err);
/* Who the following writes come from (the feed's origin), and whether
 * the central node applies them differently from the record. */
int store_sync_origin(struct store *st, const char *origin, int altered,
    struct pd_err *err);
/* A push's transaction begun: on PostgreSQL the lock every writer of
 * the organisation takes first (sync_origin's row) taken now, before
 * the push reads anything, so that its reads are of every push
 * committed before it; nothing on SQLite, whose BEGIN IMMEDIATE holds
 * the store's. */
int store_push_lock(struct store *st, struct pd_err *err);
/* The hash of an applied record; *found 0 when the uuid is new. */
int store_applied_get(struct store *st, const char *uuid, char hash[65],
    int *found, struct pd_err *err);
/* The hashes of those of n uuids applied already, STORE_APPLIED_MANY
 * to a statement (a push's records looked up together, not one by one):
 * hash[i] "" for a uuid that is new (or NULL). */
#define STORE_APPLIED_MANY 64
int store_applied_many(struct store *st, const char *const *uuids, size_t n,
    char (*hash)[65], struct pd_err *err);
/* The consumers and items a push's payments name (their uuids as sent;
 * NULLs skipped, repeats read once), each consumer's billed sums with
 * them, read in one go, a statement for 256 keys (push_rows.c): for the
 * rest of the transaction store_id_of, store_consumer_by_id,
 * store_item_by_id and store_items_billed answer from them instead of a
 * statement each. Forgotten at the transaction's end, at any rollback
 * and by a write of a consumer or an item (an item's settled amount is
 * kept in step); a uuid not read is looked up as before. */
int store_push_rows(struct store *st, const char *const *consumers, size_t nc,
    const char *const *items, size_t ni, struct pd_err *err);
/* The document numbers a push's payments carry (NULLs skipped, repeats
 * read once), which of them a payment or a credit note holds read in one
 * go (push_rows.c): for the rest of the transaction store_numbers_free
 * answers from them when it knows every number it is asked, each
 * payment and credit note inserted meanwhile taking its own. Forgotten
 * at the transaction's end and at any rollback. */
int store_push_numbers(
    struct store *st, const char *const *nums, size_t n, struct pd_err *err);
/* On PostgreSQL, ids for a push's npay payments and nalloc allocations
 * drawn ahead from their tables' sequences in one statement (push_rows.c),
 * so that an insert need not wait for its row's id: taken by the inserts
 * for the rest of the transaction, forgotten at its end and at any
 * rollback (an id not taken is left unused). Nothing on SQLite. */
int store_push_ids(
    struct store *st, size_t npay, size_t nalloc, struct pd_err *err);
int store_applied_put(struct store *st, const char *uuid, const char *terminal,
    const char *kind, const char *hash, const char *at, struct pd_err *err);
int store_sync_log(struct store *st, const char *at, const char *terminal,
    const char *uuid, const char *kind, const char *event, const char *reason,
    struct pd_err *err);
/* Keep the newest keep rows of terminal's refused records (sync_log),
 * deleting the older ones (the central node's bound on that log). */
int store_sync_log_trim(
    struct store *st, const char *terminal, int keep, struct pd_err *err);
struct feed_entry {
	int64_t seq;
	char entity[16];
	int64_t row_id;
	char origin[17];
};
/* Up to limit entries after since, skipping those of origin except the
 * altered ones; *cursor gets where the next page starts, *more whether
 * there is one. */
struct feed_entry *store_feed_page(struct store *st, int64_t since,
    const char *origin, size_t limit, size_t *n, int64_t *cursor, int *more,
    struct pd_err *err);
int64_t store_feed_head(struct store *st);
/* The entries of the feed a terminal would get (after its cursor
 * since[i], those of origin origins[i] left out unless altered), for
 * each of n terminals into waiting[i]: for status. Counted without a
 * read of the feed (its numbers have no gap: the head less the cursor,
 * less the terminal's own entries not altered, by their index). 0, or
 * -1 (err) when the store failed. */
int store_feed_waiting(struct store *st, const char *const *origins,
    const int64_t *since, size_t n, int64_t *waiting, struct pd_err *err);

/* A pulled record set aside here (uuid) applied after all: out of the
 * quarantine (credit_void.c). */
int store_pull_release(struct store *st, const char *uuid, struct pd_err *err);

/* the rest of the store layer's declarations, by area */
#include "store_central.h"
#include "store_reports.h"
#include "store_cash.h"
#include "store_work.h"

#endif
