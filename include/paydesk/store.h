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
 * wrong PIN since (then they stand). */
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
int store_payment_insert(
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
int64_t store_outbox_pending(struct store *st);
/* Up to limit pending records with id > after, oldest first. */
struct outbox_rec *store_outbox_next(struct store *st, int64_t after,
    size_t limit, size_t *n, struct pd_err *err);
/* Quarantined records, oldest first. */
struct outbox_rec *store_outbox_quarantine(
    struct store *st, size_t *n, struct pd_err *err);
void store_outbox_free(struct outbox_rec *r, size_t n);
/* Acknowledged (sent_at = at), or rejected with a reason (quarantined). */
int store_outbox_ack(struct store *st, const char *uuid, const char *at,
    struct pd_err *err);
int store_outbox_reject(struct store *st, const char *uuid, const char *reason,
    const char *at, struct pd_err *err);
/* A send of records first..last whose outcome is unknown: count the
 * attempt and keep the error. */
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
	TBL_CREDIT_APPLICATIONS
};
int store_id_of(struct store *st, enum store_table t, const char *key,
    int64_t *id, struct pd_err *err);
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
};
int store_void_by_id(
    struct store *st, int64_t id, struct void_row *v, struct pd_err *err);
int store_credit_apply_by_id(struct store *st, int64_t id,
    struct credit_application *a, struct pd_err *err);
/* What payments recorded on terminal still hold of an item, newest
 * first: payment_id, id (of the first allocation), amount (net). */
struct allocation *store_item_held_by(struct store *st, int64_t item_id,
    const char *terminal, size_t *n, struct pd_err *err);
/* A payment this store received by sync (it has no outbox record). */
int store_received_add(struct store *st, const char *uuid, struct pd_err *err);
/* Inside a transaction: consumers added from now on are left out of the
 * search index until store_fts_defer_end indexes them all at once (a bulk
 * load; see migration 6). */
int store_fts_defer_begin(struct store *st, struct pd_err *err);
int store_fts_defer_end(struct store *st, struct pd_err *err);
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
/* The central node: an organisation's store (a store with the feed). */
int store_open_central(
    const char *path, int create, struct store **out, struct pd_err *err);
/* Checkpoints off the commit path (a busy central node's writer): st's
 * commits no longer copy the WAL into the database, they only count its
 * frames (store_wal_frames); store_checkpoint, on a connection of its
 * own, does the copying without waiting for the writer (passive). */
void store_wal_manual(struct store *st);
int store_wal_frames(const struct store *st);
/* On PostgreSQL (the central node's push, issue 22), with on: the
 * writes whose rows no one reads are sent ahead in a pipeline, without
 * waiting for each answer (db_pg_defer), so that a failed one fails a
 * later statement, not its own. Off (and on) reads the answers left:
 * -1 when a write sent ahead since on failed (the transaction is then
 * lost). Nothing on SQLite. */
int store_pipeline(struct store *st, int on, struct pd_err *err);
int store_checkpoint(struct store *st, struct pd_err *err);
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
/* The hash of an applied record; *found 0 when the uuid is new. */
int store_applied_get(struct store *st, const char *uuid, char hash[65],
    int *found, struct pd_err *err);
/* The hashes of those of n uuids applied already, STORE_APPLIED_MANY
 * to a statement (a push's records looked up together, not one by one):
 * hash[i] "" for a uuid that is new (or NULL). */
#define STORE_APPLIED_MANY 64
int store_applied_many(struct store *st, const char *const *uuids, size_t n,
    char (*hash)[65], struct pd_err *err);
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
/* Entries of the feed after since that a terminal would get: for status. */
int64_t store_feed_count_after(struct store *st, int64_t since, const char *origin);

/* Moving an organisation's store to the other engine (issue 22,
 * paydesk-central move; src/store/move.c). */
struct table_sum {
	char table[64];
	int64_t rows;
	int64_t money;   /* the sum of its money columns, minor units */
	uint64_t digest; /* its rows' content, whatever their order */
};
/* The tables of organisation store src that dst has too, but the
 * engine's own (schema version, meta, full-text tables, feed_head): *out
 * an array of *n names, the caller's to free. A table of src with rows
 * that dst lacks is refused (PD_EINVAL): it would be left behind. */
int store_org_tables(struct store *src, struct store *dst, char (**out)[64],
    size_t *n, struct pd_err *err);
/* table of st summed over the columns other has too. */
int store_table_sum(struct store *st, struct store *other, const char *table,
    struct table_sum *sum, struct pd_err *err);
/* Copy every table of src into dst, an empty organisation store of the
 * same version (store_org_empty), in one transaction of dst with its
 * triggers off; src is only read. */
int store_org_copy(struct store *src, struct store *dst, struct pd_err *err);
/* Whether st holds no feed, consumer, audit entry or applied record. */
int store_org_empty(struct store *st);
/* In st's open transaction: the lock that a move takes exclusive and
 * every central writer shared (PostgreSQL: a transaction advisory lock
 * of the schema; SQLite: BEGIN IMMEDIATE is it, a no-op). */
int store_move_guard(struct store *st, int exclusive, struct pd_err *err);
/* PostgreSQL: rename st's schema with suffix added, in its open
 * transaction (a moved organisation's old store); SQLite: a no-op (the
 * caller renames the file once it is closed). */
int store_retire(struct store *st, const char *suffix, struct pd_err *err);
/* A test's forged difference in a copy (PAYDESK_CENTRAL_HOOK=move-forge,
 * paydesk-central(8) ENVIRONMENT): the newest item's amount one more. */
void store_forge_item(struct store *st);
/* check runs in each outermost transaction of st once it has begun; its
 * failure aborts the transaction and is store_begin's (NULL: none). */
void store_set_begin_check(struct store *st,
    int (*check)(struct store *st, void *arg, struct pd_err *err), void *arg);

/* The central node's directory of organisations and terminals. A path
 * "pg:SCHEMA CONNINFO" (here and for store_open_central) is a schema of a
 * PostgreSQL database instead of a file (issue 22): SCHEMA of letters,
 * digits, '_' and '-', CONNINFO libpq's ("" for the PG* variables). */
int store_open_directory(
    const char *path, int create, struct store **out, struct pd_err *err);
int store_org_add(struct store *st, const char *code, const char *name,
    const char *at, struct pd_err *err);
/* PD_ENOTFOUND when there is no such organisation. */
int store_org_get(struct store *st, const char *code, char *name, size_t n,
    struct pd_err *err);
/* Where organisation code's store is (out, n bytes): "" the node's
 * [central] backend, "sqlite" a file of data_dir, "postgresql CONNINFO"
 * a schema of that database (paydesk-central move); moved_at (TS_BUFSZ,
 * or NULL) when it was last moved there ("" never). PD_ENOTFOUND when
 * there is no such organisation. */
int store_org_location(struct store *st, const char *code, char *out,
    size_t n, char *moved_at, struct pd_err *err);
int store_org_set_location(struct store *st, const char *code,
    const char *loc, const char *at, struct pd_err *err);
/* The codes of every organisation, in order, as one array of 33-byte
 * strings (*n of them; the caller frees it); NULL on error. */
char (*store_orgs(struct store *st, size_t *n, struct pd_err *err))[33];
int store_terminal_add(struct store *st, const struct terminal_row *t,
    const char *token_hash, struct pd_err *err);
int store_terminal_revoke(struct store *st, const char *org,
    const char *terminal, const char *at, struct pd_err *err);
/* By token hash; PD_ENOTFOUND when no terminal has it. */
int store_terminal_by_token(struct store *st, const char *token_hash,
    struct terminal_row *t, struct pd_err *err);
/* All terminals of org (NULL: of every organisation). */
struct terminal_row *store_terminals(
    struct store *st, const char *org, size_t *n, struct pd_err *err);
/* A request from the terminal: when, which route; cursor and pending
 * when known (-1: keep). */
int store_terminal_seen(struct store *st, const char *org,
    const char *terminal, const char *at, const char *route, int64_t cursor,
    int64_t pending, struct pd_err *err);
/* The terminal was handed the changes of the rules up to feed entry seq
 * at time at (kept once per seq, src/store/rules.c). store_terminal_marks:
 * its marks, oldest first (caller frees), and first gets when a terminal
 * of that id was first added to org ("" none). */
int store_terminal_mark(struct store *st, const char *org, const char *terminal,
    int64_t seq, const char *at, struct pd_err *err);
struct rule_mark *store_terminal_marks(struct store *st, const char *org,
    const char *terminal, char first[TS_BUFSZ], size_t *n, struct pd_err *err);
/* Retention ([central] history_days, review 18): delete the terminal's
 * marks older than before (a time or a date), except the newest of those
 * (the rules in force then, which a record made since is judged by). */
int store_terminal_marks_prune(struct store *st, const char *org,
    const char *terminal, const char *before, struct pd_err *err);

/* Payment gateways in the directory (issue 19). store_gateway_add: a
 * second active gateway of the same name is PD_EINVAL. store_gateway_get:
 * the active one, else the latest revoked one (revoked_at set), else
 * PD_ENOTFOUND. store_gateway_rotate: the current secrets become the
 * previous ones, valid until old_until; g gets the row after. */
int store_gateway_add(
    struct store *st, const struct gateway_row *g, struct pd_err *err);
int store_gateway_get(struct store *st, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err);
int store_gateway_rotate(struct store *st, const char *org, const char *name,
    const char *secret, const char *path_hash, const char *old_until,
    struct pd_err *err);

/* Payment gateways in the directory (issue 19). store_gateway_add: a
 * second active gateway of the same name is PD_EINVAL. store_gateway_get:
 * the active one, else the latest revoked one (revoked_at set), else
 * PD_ENOTFOUND. store_gateway_rotate: the current secrets become the
 * previous ones, valid until old_until; g gets the row after. */
int store_gateway_add(
    struct store *st, const struct gateway_row *g, struct pd_err *err);
int store_gateway_get(struct store *st, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err);
int store_gateway_rotate(struct store *st, const char *org, const char *name,
    const char *secret, const char *path_hash, const char *old_until,
    struct pd_err *err);
int store_gateway_revoke(struct store *st, const char *org, const char *name,
    const char *at, struct pd_err *err);
/* Set the active gateway NAME of ORG's payment method, status mapping and
 * time zone (NULL leaves one as it is); PD_ENOTFOUND when there is none. */
int store_gateway_set(struct store *st, const char *org, const char *name,
    const char *method, const char *statuses, const char *time_zone,
    struct pd_err *err);
/* All gateways of org (NULL: of every organisation), revoked ones too. */
struct gateway_row *store_gateways(
    struct store *st, const char *org, size_t *n, struct pd_err *err);

/* A gateway notification kept as received, once per gateway and event
 * id: 1 and its id when new, 0 when that event was kept already (a
 * replay: nothing written), -1 on error. In the caller's transaction. */
int store_gw_notification_put(struct store *st, const char *gateway,
    const struct gw_event *ev, const char *at, const char *source,
    const char *headers, const char *body, size_t len, int64_t *id,
    struct pd_err *err);
/* The payment ev reports, added or moved to ev's status when ev is not
 * older (event_time) than the event it holds; an account reference
 * already known is kept when ev has none. */
int store_gw_payment_apply(struct store *st, const char *gateway,
    const struct gw_event *ev, int64_t notification, const char *at,
    struct pd_err *err);
/* The consumer whose account number matches ref (ignoring case, spaces
 * and dashes; the one matching it but for case when several do): 1 with
 * *id, 0 when none (*id 0), their count (2 or more, *id 0) when several
 * match and none but for case, with their account numbers joined with
 * ", " into accounts (n bytes, as many as fit); -1 on error. */
int store_gw_consumer_by_ref(struct store *st, const char *ref, int64_t *id,
    char *accounts, size_t n, struct pd_err *err);
/* The consumers whose phone is national (digits, without the calling
 * code), written as it is, with a trunk 0, or with the calling code cc
 * (digits; "" for none) or 00 and cc in front: their count, the first's
 * id in *id, and their account numbers joined with ", " into accounts
 * (n bytes, as many as fit); -1 on error. */
int store_gw_phone_owners(struct store *st, const char *national,
    const char *cc, int64_t *id, char *accounts, size_t n,
    struct pd_err *err);
/* Gateway GATEWAY's payment CODE, with its consumer's account number and
 * its ledger payment's number; PD_ENOTFOUND when there is none. */
int store_gw_payment_get(struct store *st, const char *gateway,
    const char *code, struct gw_payment *g, struct pd_err *err);
/* Write what the central node worked out of g (id): its webhook and
 * settlement statuses, consumer, candidates, ledger payment, fee,
 * settlement day and processing time. */
int store_gw_payment_save(
    struct store *st, const struct gw_payment *g, struct pd_err *err);
/* Central: up to limit of the gateway payments still unassociated that
 * no terminal associated or disassociated (manual 0), of id > after, by
 * id (a re-match walks them a page at a time); caller frees. */
struct gw_payment *store_gw_unmatched(struct store *st, int64_t after,
    size_t limit, size_t *n, struct pd_err *err);
/* The payments of gateway (NULL: of every gateway), only the
 * unassociated ones when unassociated, oldest paid first; caller frees. */
struct gw_payment *store_gw_payments(struct store *st, const char *gateway,
    int unassociated, size_t *n, struct pd_err *err);
/* Gateway payment id of the central node (PD_ENOTFOUND). */
int store_gw_payment_by_id(
    struct store *st, int64_t id, struct gw_payment *g, struct pd_err *err);
/* At a terminal (issue 19): keep a pulled gateway payment, the central
 * node's version replacing what was here (g->consumer_id a local id, 0
 * none; g->payment_uuid its ledger payment, "" none). */
int store_gwl_put(struct store *st, const struct gw_payment *g, const char *at,
    struct pd_err *err);
/* The pulled gateway payment code of gateway, with its account,
 * payment number and association state (PD_ENOTFOUND). */
int store_gwl_get(struct store *st, const char *gateway, const char *code,
    struct gw_payment *g, struct pd_err *err);
/* Which pulled gateway payments store_gwl_list returns: only the
 * unassociated; only consumer_id's (0: any); of gateway and of code
 * (NULL: any); search a part of the code, phone, reference, candidates
 * or account (NULL: any), or amount (minor units; -1 none) exactly. */
struct gwl_filter {
	int unassociated;
	int64_t consumer_id;
	const char *gateway, *code, *search;
	int64_t amount;
	/* with search: a phone as typed, its national digits (the payer's
	 * phone holds them); NULL when the search is not a phone */
	const char *phone;
	/* the one of this ledger payment (NULL: any) */
	const char *payment_uuid;
};
/* The gateway of the pulled payments named name, ignoring case, into out
 * as it is stored: 0; 1 when none has that name, with known (size bytes)
 * the names there are, ", "-joined ("" when none); -1 on error. */
int store_gwl_gateway(struct store *st, const char *name, char out[48],
    char *known, size_t size, struct pd_err *err);
/* The pulled gateway payments f selects, oldest paid first; caller
 * frees. */
struct gw_payment *store_gwl_list(struct store *st, const struct gwl_filter *f,
    size_t *n, struct pd_err *err);

/* KPIs over [from, to] and one day; the amounts due (due_total,
 * due_paid) of the items due in [from, due_to] only (due_to before from:
 * none), as the current period counts what has fallen due so far. */
int store_kpi(struct store *st, const char *from, const char *to,
    const char *due_to, const char *day, struct kpi_raw *k,
    struct pd_err *err);
/* store_kpi of the Posted payments sc selects by its terminal or branch
 * (issue 23), read from the payments (the rollups sum every one); the
 * amounts due are the organisation's, of those what sc's payments paid.
 * sc NULL or with neither: store_kpi. */
int store_kpi_scoped(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, const char *day,
    struct kpi_raw *k, struct pd_err *err);
/* The items behind store_kpi_scoped's due_total and due_paid (due in
 * [from, due_to], paid up to to by sc's payments), by due date then
 * reference; their sums are the KPI's. */
int store_rate_rows(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, rate_cb cb,
    void *arg, struct pd_err *err);
/* Each consumer's last `last` Posted payments of sc (scope, filters)
 * that paid an item, by consumer then oldest first: the days from the
 * due date of the oldest item each paid to its date (issue 23's
 * deteriorating payers), read from the rollup pay_days. The name and
 * account number passed are "": the caller reads those of the consumers
 * it keeps. */
int store_days_to_pay_each(struct store *st, const struct payment_filter *sc,
    int last, days_cb cb, void *arg, struct pd_err *err);
/* The anomaly rules' facts of one day (issue 23; sc the scope and
 * filters, on the payments, or on the payments voided or credited):
 * store_anomaly_large each Posted payment of the day with its
 * consumer's count and sum of Posted payments in the 365 days before;
 * store_anomaly_times the Posted and Pending payments of the day of the
 * consumers with at least `least` of them, by consumer then time;
 * store_anomaly_terminals each terminal with a payment, a void or a
 * credit note that day, with its count and sum of cash payments voided
 * that day (credits 0) or of credit notes made by hand that day
 * (credits 1), by terminal; store_anomaly_round the credit notes made
 * by hand that day of a whole multiple of unit, by user then number. */
int store_anomaly_large(struct store *st, const struct payment_filter *sc,
    const char *day, anomaly_fact_cb cb, void *arg, struct pd_err *err);
int store_anomaly_times(struct store *st, const struct payment_filter *sc,
    const char *day, int least, anomaly_fact_cb cb, void *arg,
    struct pd_err *err);
int store_anomaly_terminals(struct store *st, const struct payment_filter *sc,
    const char *day, int credits, anomaly_fact_cb cb, void *arg,
    struct pd_err *err);
int store_anomaly_round(struct store *st, const struct payment_filter *sc,
    const char *day, int64_t unit, anomaly_fact_cb cb, void *arg,
    struct pd_err *err);
/* The due date of each consumer's oldest item open at each of the n
 * month ends ends[0..n-1] (YYYY-MM-DD, oldest first; each the last day
 * of a calendar month, as the rollup item_late assumes), by consumer then
 * k (0-based), for those with one (issue 23's deteriorating payers: the
 * aging bucket month after month). An item counts as open at a day when
 * it fell due before it and is still open, or the last Posted payment
 * that paid it came after it; segment: of its consumers only (NULL:
 * all). */
int store_aging_ends_each(struct store *st, const char *segment,
    const char *const *ends, int n, aging_end_cb cb, void *arg,
    struct pd_err *err);
/* The names the report filters take (issue 23): a branch (of a user or
 * a payment), a username, a method or channel some payment has. */
enum store_name {
	STORE_NAME_BRANCH,
	STORE_NAME_USER,
	STORE_NAME_METHOD,
	STORE_NAME_CHANNEL,
	STORE_NAMES
};
/* Whether the store knows name (exactly) as a kind: 0 yes, 1 no with
 * known the names of the kind there are, comma-separated and cut to size
 * ("" for methods and channels: the config lists those), -1 on error. */
int store_name_known(struct store *st, enum store_name kind, const char *name,
    char *known, size_t size, struct pd_err *err);
/* Whether some consumer is of segment (ignoring case): 0 yes, 1 no with
 * known the segments there are ("Commercial, Residential"; cut to
 * size), -1 on error. */
int store_segment_known(struct store *st, const char *segment, char *known,
    size_t size, struct pd_err *err);
/* store_daily_each and store_method_each of the payments sc selects (a
 * scope, the report filters): day_cb each day in order, then method_cb
 * each method, largest first, then by name. */
int store_daily_scoped(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, total_cb day_cb, total_cb method_cb,
    void *arg, struct pd_err *err);
/* Posted collections over [from, to] from the rollups: per day (day
 * order) or per method (largest first). */
int store_daily_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err);
int store_method_each(struct store *st, const char *from, const char *to,
    total_cb cb, void *arg, struct pd_err *err);
/* Posted payments matching f per method, or per gateway with the
 * counters' payments as one row of key "" (largest first, then by key). */
int store_split(struct store *st, const struct payment_filter *f,
    enum split_by by, split_cb cb, void *arg, struct pd_err *err);
int store_outstanding(struct store *st, const char *today,
    struct outstanding *o, struct pd_err *err);

/* Payers report: one row per consumer. Posted payments only unless
 * f->status says otherwise; f->limit rows. */
int store_payers_each(struct store *st, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err);

/* Aging of open items by days past their due date (enum age_bucket). */
/* The figures of forecast week w (its from, to, as_of and past set by the
 * caller; the rest filled): the items due from..to, what they owe at the
 * start of as_of, each consumer's on-time history over the
 * FORECAST_HISTORY_DAYS before as_of weighted by forecast_expect
 * (forecast.h; issue 23), and for a past week what came in for those
 * items and what was collected in it (daily_totals). */
int store_forecast_week(
    struct store *st, struct forecast_week *w, struct pd_err *err);
/* The organisation's due and on-time amounts (paid on or before the due
 * date by payments that count) of the items due on each day of [from,
 * to), by day, into cb: one pass for every week's history (a day's
 * on-time amount is the same whatever later day it is read at). */
typedef int (*forecast_day_cb)(
    const char *day, int64_t due, int64_t on_time, void *arg);
int store_forecast_org_days(struct store *st, const char *from,
    const char *to, forecast_day_cb cb, void *arg, struct pd_err *err);
/* What the items due before `before` still owe now (the ledger's
 * settled amounts, as the aging report reads them). */
int store_forecast_arrears(struct store *st, const char *before,
    int64_t *owed, struct pd_err *err);
int store_aging_total(struct store *st, const struct aging_filter *f,
    struct aging *a, struct pd_err *err);
/* Per consumer, most outstanding first. */
int store_aging_each(struct store *st, const struct aging_filter *f,
    aging_cb cb, void *arg, struct pd_err *err);

/* Integrity check and the consistency of kept-in-step amounts; problems are
 * passed to cb one line each. Returns the number of problems or -1. */
int store_doctor(
    struct store *st, problem_cb cb, void *arg, struct pd_err *err);
/* Online copy to dest with the SQLite backup API. */
int store_backup(struct store *st, const char *dest, struct pd_err *err);

/* Bank statements (issue 20; statements.c). A statement of account with
 * key (1 and *out), none (0), or -1 with err. */
int store_stmt_by_key(struct store *st, const char *account, const char *key,
    struct statement *out, struct pd_err *err);
/* The statement id; PD_ENOTFOUND when there is none. */
int store_stmt_get(
    struct store *st, int64_t id, struct statement *out, struct pd_err *err);
/* Every statement, newest first; the array is the caller's to free. */
struct statement *store_stmt_list(
    struct store *st, size_t *n, struct pd_err *err);
/* Insert s (its counts filled by the caller); s->id gets the row id. */
int store_stmt_insert(
    struct store *st, struct statement *s, int64_t user_id, struct pd_err *err);
/* Set l->dup_of and l->dup_of_stmt to an earlier line of account with
 * l's bank id, or (no bank id) its date, amount and non-empty
 * reference; left 0 when there is none. */
int store_stmt_line_seen(struct store *st, const char *account,
    struct statement_line *l, struct pd_err *err);
int store_stmt_line_insert(struct store *st, int64_t stmt,
    const struct statement_line *l, struct pd_err *err);
/* The lines of statement stmt in file order (strings owned by each
 * line: the caller frees them and the array). */
struct statement_line *store_stmt_lines(
    struct store *st, int64_t stmt, size_t *n, struct pd_err *err);
/* A CSV column mapping by name; adding a name that exists is PD_EINVAL,
 * getting one that does not PD_ENOTFOUND. */
int store_stmt_mapping_add(struct store *st, const char *name, const char *spec,
    const char *at, int64_t user_id, struct pd_err *err);
int store_stmt_mapping_get(struct store *st, const char *name, char *spec,
    size_t n, struct pd_err *err);

/* Bank deposits and their matches to statement credits (issue 20;
 * deposit.h; src/store/deposits.c). Inside the caller's transaction for
 * writes. */
/* Insert d (uuid made if empty): sets d->id. */
int store_deposit_insert(
    struct store *st, struct deposit *d, int64_t user_id, struct pd_err *err);
int store_deposit_line_insert(struct store *st, int64_t deposit_id,
    int64_t shift_id, const char *method, int64_t amount, struct pd_err *err);
/* A deposit by uuid or slip number (one not void first) with its active
 * match; PD_ENOTFOUND naming key. */
int store_deposit_find(
    struct store *st, const char *key, struct deposit *out, struct pd_err *err);
/* The deposit that is not void with slip number slip (without regard to
 * case: BAG-7 and bag-7 are one bag): 1 and *out, 0 none, -1 error. */
int store_deposit_slip_used(struct store *st, const char *slip,
    struct deposit *out, struct pd_err *err);
/* Every deposit, newest first; the array is the caller's to free. */
struct deposit *store_deposit_list(
    struct store *st, size_t *n, struct pd_err *err);
/* A deposit's lines in the order written; the caller frees. */
struct deposit_line *store_deposit_lines(
    struct store *st, int64_t deposit_id, size_t *n, struct pd_err *err);
/* *n: the deposits before id (void ones) whose slip number is slip,
 * without regard to case. */
int store_deposit_slip_rank(struct store *st, const char *slip, int64_t id,
    int64_t *n, struct pd_err *err);
/* Void deposit id (once; PD_EINVAL when it is void already). */
int store_deposit_void(struct store *st, int64_t id, const char *at,
    const char *by, const char *reason, struct pd_err *err);
/* *sum: what deposits that are not void took of shift_id's method. */
int store_deposit_done(struct store *st, int64_t shift_id, const char *method,
    int64_t *sum, struct pd_err *err);
/* A statement line as matching sees it. */
struct stmt_credit {
	int64_t line_id, stmt;
	int seq;
	char account[64];
	char booking[11];
	int64_t amount;
	char reference[128]; /* cut */
	int reversal, dup, matched;
};
/* Line seq of statement stmt; PD_ENOTFOUND when there is none. */
int store_stmt_credit(struct store *st, int64_t stmt, int seq,
    struct stmt_credit *out, struct pd_err *err);
/* Match statement line line_id to a deposit or (deposit_id 0) a gateway
 * payment gw_id, by rule "auto", "manual" or "gateway". */
int store_match_insert(struct store *st, int64_t line_id, int64_t deposit_id,
    int64_t gw_id, const char *rule, const char *note, const char *at,
    int64_t user_id, const char *by, struct pd_err *err);
/* Take deposit_id's active match back (PD_EINVAL when it has none). */
int store_match_undo(struct store *st, int64_t deposit_id, const char *at,
    const char *by, const char *note, struct pd_err *err);
/* Take line_id's active match back (PD_EINVAL when it has none). */
int store_match_undo_line(struct store *st, int64_t line_id, const char *at,
    const char *by, const char *note, struct pd_err *err);
/* The pairs {deposit id, line id} the automatic rule matches (deposit.h,
 * svc_deposit_match_auto) with a window of days; *n pairs; free(). */
int64_t *store_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err);
/* The pairs {gateway payment id, line id} of gateway settlements on the
 * statements (deposit.h, svc_deposit_match_auto); free(). */
int64_t *store_gw_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err);
/* Record a resolution of exception r->e (its kind and target once). */
int store_recon_resolve(struct store *st, const struct recon_resolution *r,
    int64_t user_id, struct pd_err *err);
/* Every resolution, newest first; free(). */
struct recon_resolution *store_recon_resolutions(
    struct store *st, size_t *n, struct pd_err *err);
/* The resolution of kind and target: 0, 1 when there is none, -1. */
int store_recon_resolution(struct store *st, const char *kind,
    const char *target, struct recon_resolution *out, struct pd_err *err);
/* The statements with no sync record (imported before statements were
 * sync records: issue 20, the catch-up); free(). */
int64_t *store_stmt_unsent(struct store *st, size_t *n, struct pd_err *err);
/* An active match of a deposit or a gateway payment to a line. */
struct match_ref {
	int64_t line_id;
	char note[257];
	char at[20];
};
/* Statement stmt's active matches of deposits and gateway payments, in
 * the order made; free(). */
struct match_ref *store_stmt_sendable_matches(
    struct store *st, int64_t stmt, size_t *n, struct pd_err *err);
/* The active card and transfer matches no statement_match record went
 * for (made before they were records: the catch-up), in the order made;
 * free(). */
struct match_ref *store_match_unsent(
    struct store *st, size_t *n, struct pd_err *err);
/* The days of account from..to (YYYY-MM-DD) with a deposit or a credit
 * (deposit.h, svc_recon_days), oldest first; exceptions left 0; free(). */
struct recon_day *store_recon_days(struct store *st, const char *account,
    const char *from, const char *to, size_t *n, struct pd_err *err);
/* *known: whether a deposit or a statement names account. */
int store_recon_account_known(
    struct store *st, const char *account, int *known, struct pd_err *err);
/* A terminal's day of card payments that a credit settles (the card
 * rule, deposit.h svc_deposit_match_auto). */
struct card_group {
	int64_t line_id;
	char terminal[17];
	char day[11];
	int64_t gross;     /* the payments' total */
	int64_t npayments; /* how many */
};
/* The card groups and their credits the card rule matches, with a
 * window of days and a fee of at most fee_bp hundredths of a percent;
 * free(). */
struct card_group *store_card_match_groups(
    struct store *st, int days, int fee_bp, size_t *n, struct pd_err *err);
/* The pairs {payment id, line id} of bank transfers the transfer rule
 * matches (deposit.h); free(). */
int64_t *store_transfer_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err);
/* The pairs {first, line id} of a rule matched by rule ("auto": first a
 * deposit, "gateway": a gateway payment, "transfer": a bank transfer's
 * payment, recorded as its payment; "card": none, its payments after by
 * store_match_payments_add), in their order: one statement for all. */
int store_match_insert_set(struct store *st, const int64_t *pairs, size_t n,
    const char *rule, const char *at, int64_t user_id, const char *by,
    struct pd_err *err);
/* *n and *gross: the posted card payments of terminal on day (YYYY-MM-DD)
 * no active match took, as the card rule groups them. */
int store_card_day_free(struct store *st, const char *terminal,
    const char *day, int64_t *n, int64_t *gross, struct pd_err *err);
/* Record the payments of line_id's active match: payment_id (g NULL),
 * or every free card payment of g's terminal and day. */
int store_match_payments_add(struct store *st, int64_t line_id,
    int64_t payment_id, const struct card_group *g, struct pd_err *err);
/* A payment as a card or transfer match sees it. */
struct pay_match_state {
	int64_t id, amount;
	char kind[8];    /* method kind: cash, card, bank, ... */
	char status[16]; /* Posted, Voided, ... */
	char payment_no[33];
	int free; /* no active match took it */
	char terminal[17];
	char paid_on[11];
};
/* The payment of uuid: 0 and *out, 1 when there is none, -1. */
int store_pay_match_state(struct store *st, const char *uuid,
    struct pay_match_state *out, struct pd_err *err);
/* The uuids of the payments line_id's active match took, in the order
 * posted: *n of 37 bytes each (NUL-terminated); free(). */
char *store_match_payment_uuids(
    struct store *st, int64_t line_id, size_t *n, struct pd_err *err);
/* Statements and matches as sync records (issue 20; stmt_sync.c). */
/* How many lines statement stmt has, and their credits (>= 0) and debits
 * (<= 0) in all. */
int store_stmt_line_sums(struct store *st, int64_t stmt, int64_t *n,
    int64_t *credits, int64_t *debits, struct pd_err *err);
/* A statement line: where it is, and its active match (rule "" when it
 * has none). */
struct line_match {
	int64_t stmt;
	int seq;
	char account[64];
	char stmt_key[80];
	char dep_uuid[37], slip_no[33], terminal[17]; /* the deposit's */
	char gateway[33], code[256]; /* or the gateway payment's */
	char rule[12], matched_by[33], matched_at[20];
	/* a card or transfer match: the payments it took (npay 0: none),
	 * their total, terminal and day (a card settlement's one terminal
	 * and day) and a transfer's one payment */
	int64_t npay, gross;
	char pay_terminal[17], pay_day[11], pay_uuid[37];
	int64_t line_id; /* store_line_matches' only */
};
/* Line line_id's place and match (PD_ENOTFOUND). */
int store_line_match(struct store *st, int64_t line_id, struct line_match *out,
    struct pd_err *err);
/* store_line_match of the line of each pair {first, line id}, in their
 * order, line_id set; *nout of them; free(). */
struct line_match *store_line_matches(struct store *st, const int64_t *pairs,
    size_t n, size_t *nout, struct pd_err *err);
/* The credits of account booked on day (no reversal, no line an earlier
 * statement had) with an active match, in statement and line order;
 * recon_line's exc -1; free(). */
struct recon_line *store_recon_day_matches(struct store *st,
    const char *account, const char *day, size_t *n, struct pd_err *err);
/* *id: line seq of statement stmt, 0 when it has none. */
int store_stmt_line_id(struct store *st, int64_t stmt, int64_t seq, int64_t *id,
    struct pd_err *err);
/* *matched: whether gateway payment gw_id has an active match. */
int store_match_gw_active(
    struct store *st, int64_t gw_id, int *matched, struct pd_err *err);
/* The exceptions as of today (deposit.h), oldest first; free(). */
struct recon_exception *store_recon_exceptions(struct store *st,
    const char *today, int overdue, int64_t over_short, size_t *n,
    struct pd_err *err);

/* Cash shifts (issue 20; shift.h; src/store/shifts.c). Inside the
 * caller's transaction for writes. */
/* Insert sh (open; uuid made if empty): sets sh->id. The shift's
 * payments and voids are those after the largest ids now. One shift open
 * per drawer and per cashier at a terminal (PD_EINVAL otherwise). */
int store_shift_insert(struct store *st, struct shift *sh, struct pd_err *err);
/* The open shift of user_id at terminal: 1 and *out, 0 none, -1 error. */
int store_shift_open_of(struct store *st, const char *terminal,
    int64_t user_id, struct shift *out, struct pd_err *err);
/* The drawer's open shift (open 1) or its latest closed one (open 0): 1
 * and *out, 0 none, -1 error. */
int store_shift_drawer(struct store *st, const char *drawer, int open,
    struct shift *out, struct pd_err *err);
/* A shift by Z number (any case) or UUID; PD_ENOTFOUND naming key. */
int store_shift_find(
    struct store *st, const char *key, struct shift *out, struct pd_err *err);
/* Close shift sh->id with sh's closed_at, z_no, float_kept, closed_by
 * and signed_off_by; its payments and voids end at the largest ids now.
 * PD_ESHIFT when it is not open any more. */
int store_shift_close(
    struct store *st, const struct shift *sh, struct pd_err *err);
/* A count line of phase "open" or "close". */
int store_shift_count_insert(struct store *st, int64_t shift_id,
    const char *phase, const struct shift_count *c, struct pd_err *err);
/* The count lines of a phase in entry order; caller frees (NULL: err). */
struct shift_count *store_shift_counts(struct store *st, int64_t shift_id,
    const char *phase, size_t *n, struct pd_err *err);
/* A movement (uuid made if empty): sets m->id. */
int store_shift_move_insert(struct store *st, int64_t shift_id,
    int64_t user_id, struct shift_movement *m, struct pd_err *err);
/* The movements, oldest first; caller frees (NULL: err). */
struct shift_movement *store_shift_moves(
    struct store *st, int64_t shift_id, size_t *n, struct pd_err *err);
int store_shift_tender_insert(struct store *st, int64_t shift_id,
    const struct shift_tender *t, struct pd_err *err);
/* The tenders written at the close; caller frees (NULL: err). */
struct shift_tender *store_shift_tenders(
    struct store *st, int64_t shift_id, size_t *n, struct pd_err *err);
/* What the shift took per method (method, kind, npayments, taken: its
 * payments less the voids at its terminal in its time), by method name;
 * caller frees (NULL: err). */
struct shift_tender *store_shift_taken(
    struct store *st, int64_t shift_id, size_t *n, struct pd_err *err);
/* Shifts newest first; cb returning non-zero stops. */
struct shift_query {
	int open_only;
	const char *from, *to; /* opened on these days; NULL */
	const char *cashier;   /* user name; NULL */
	int64_t limit;         /* 0: all */
};
int store_shift_each(struct store *st, const struct shift_query *f,
    int (*cb)(const struct shift *, void *), void *arg, struct pd_err *err);
/* *found: whether the outbox holds the shift_open record of shift uuid
 * (a shift opened before shifts were synced has none). */
int store_shift_open_sent(
    struct store *st, const char *uuid, int *found, struct pd_err *err);

/* ---- Payment arrangements (issue 21; src/store/arrange.c) ---- */
struct arrangement;
struct arr_item;
struct arr_hold;
struct arr_move;
struct arr_event_row;
/* A new arrangement of plan plan_no (store_plan_ensure first): every
 * field of a but id, account_no, consumer_name, cancelled and changes;
 * a->id is set. */
int store_arr_insert(struct store *st, struct arrangement *a,
    const char *plan_no, struct pd_err *err);
/* The latest terms (n, freq, first_due), cancelled and changes of a. */
int store_arr_update(
    struct store *st, const struct arrangement *a, struct pd_err *err);
/* The arrangement of plan plan_no; PD_ENOTFOUND if there is none. */
int store_arr_find(struct store *st, const char *plan_no,
    struct arrangement *a, struct pd_err *err);
/* Arrangements, newest first, of one consumer (0: all); caller frees
 * (NULL: err). */
/* Consumers whose open items due on or before cutoff (YYYY-MM-DD) owe
 * together at least min (minor units), most owed first; *n rows. */
struct overdue_row *store_overdue(struct store *st, const char *cutoff,
    int64_t min, size_t *n, struct pd_err *err);
struct arrangement *store_arr_list(
    struct store *st, int64_t consumer_id, size_t *n, struct pd_err *err);
/* An event of arrangement arr_id: kind create, reschedule or cancel;
 * *event_id gets its id. */
struct arr_event {
	char uuid[37];
	const char *kind;
	const char *reason;
	char at[TS_BUFSZ];
	const char *by; /* username */
	const char *terminal;
};
int store_arr_event(struct store *st, int64_t arr_id,
    const struct arr_event *e, int64_t *event_id, struct pd_err *err);
/* Move amount of item item_id's debt into a plan (> 0: the item is
 * settled by it and, with arr_id, marked under that arrangement's plan)
 * or back (< 0: unsettled; the mark goes when nothing stays held). An
 * installment closed by its own plan passes arr_id 0 (no mark). Refused
 * by the store's CHECKs when it settles more than the item's amount or
 * below 0. */
int store_arr_move(struct store *st, int64_t event_id, int64_t item_id,
    int64_t amount, int64_t arr_id, struct pd_err *err);
/* The installments of arrangement arr_id in number order (arrange.h);
 * caller frees. */
struct arr_item *store_arr_items(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err);
/* The items whose debt arrangement arr_id holds (net of what it gave
 * back), in the order it took them (arrange.h); caller frees. */
struct arr_hold *store_arr_holds(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err);

/* Mark item item_id as an installment made by event event_id. */
int store_arr_installment(
    struct store *st, int64_t item_id, int64_t event_id, struct pd_err *err);
/* The arrangement of id (PD_ENOTFOUND). */
int store_arr_by_id(struct store *st, int64_t id, struct arrangement *a,
    struct pd_err *err);
/* Event event_id, or with event_id 0 the event of uuid: 0 found, 1 none,
 * -1 err. */
int store_arr_event_read(struct store *st, int64_t event_id, const char *uuid,
    struct arr_event_row *e, struct pd_err *err);
/* The moves of an event in order, with their items' uuid and ref;
 * caller frees (NULL: err). */
struct arr_move *store_arr_event_moves(
    struct store *st, int64_t event_id, size_t *n, struct pd_err *err);
/* The installments an event made, by number; caller frees. */
struct item *store_arr_event_items(
    struct store *st, int64_t event_id, size_t *n, struct pd_err *err);
/* What arrangements moved of item item_id's debt (*moved, net), the
 * latest event that moved some onto it (*event_id, 0: none) and that
 * event's arrangement (*arr_id). */
int store_arr_item_moved(struct store *st, int64_t item_id, int64_t *moved,
    int64_t *event_id, int64_t *arr_id, struct pd_err *err);
/* The cancel event of arrangement arr_id (*event_id 0: not cancelled). */
int store_arr_cancel_event(
    struct store *st, int64_t arr_id, int64_t *event_id, struct pd_err *err);

/* Stored alerts (issue 21; src/store/alerts.c; an organisation's synced
 * by service/alert_sync.c).
 * One row per cause: raising a cause already stored does nothing. kind,
 * status and the history's action are fixed English codes ("open",
 * "acknowledged", "closed"; "raised", "assigned", "note", ...). */
struct alert_row {
	int64_t id;
	char cause[160]; /* e.g. "item-overdue:<item uuid>:<days>" */
	char kind[24];   /* "plan-broken", "item-overdue", ... */
	/* what it points at (raise: by id, 0 none; read: their numbers) */
	int64_t consumer_id, payment_id, arrangement_id;
	char account_no[33], consumer[129], plan_no[33], payment_no[33];
	char ref[80];    /* the item, credit note, record or gateway payment */
	char due_on[11]; /* the day that matters to the rule, or "" */
	int64_t amount;  /* the figure that raised it (minor units) */
	int figure;      /* days (or hours) past or ahead, misses */
	int allowed;     /* a broken plan: the misses it allows */
	char raised_at[TS_BUFSZ];
	char status[16];
	char assigned[33]; /* username, "" for none */
	int deliver;       /* 1: waits for [alerts] command */
	int tries;
	char delivered_at[TS_BUFSZ];
	char delivery_error[256];
	/* read: the uuids of what it points at ("" none); synced 1 once
	 * its raise went to the central node or came from it */
	char consumer_uuid[37], payment_uuid[37], arr_uuid[37];
	int synced;
};
/* An alert's history entry. */
struct alert_note {
	char at[TS_BUFSZ];
	char user[33];
	char action[16];
	char text[512];
};
/* Raise alert a (cause, kind, ids, ref, due_on, amount, figure, allowed,
 * raised_at) unless its cause is stored: *raised 1 when it was new. In
 * the caller's transaction. deliver 1: it waits for [alerts] command. */
int store_alert_raise(struct store *st, const struct alert_row *a, int deliver,
    int *raised, struct pd_err *err);
/* The bulk rules; each adds to *n how many it raised. Open items (not an
 * arrangement's installments) due after `after` and by `upto`, cause
 * "item-overdue:<uuid>:<days>". */
int store_alerts_raise_overdue(struct store *st, const char *after,
    const char *upto, int days, const char *at, int deliver, int64_t *n,
    struct pd_err *err);
/* Credit notes with credit left that expire from today to until. */
int store_alerts_raise_credit(struct store *st, const char *today,
    const char *until, const char *at, int deliver, int64_t *n,
    struct pd_err *err);
/* Succeeded gateway payments with no payment, paid hours before now. */
int store_alerts_raise_gateway(struct store *st, const char *now, int hours,
    const char *at, int deliver, int64_t *n, struct pd_err *err);
/* Records refused by the central node (outbox) or at the pull (the
 * quarantine). */
int store_alerts_raise_refused(struct store *st, const char *at, int deliver,
    int64_t *n, struct pd_err *err);
/* The newest alert's id (0: none). */
int store_alerts_max_id(struct store *st, int64_t *id, struct pd_err *err);
/* A "raised" history entry by user for every alert after id after. */
int store_alerts_raised_since(struct store *st, int64_t after, const char *at,
    const char *user, struct pd_err *err);
/* Alerts oldest first: all 0 those not closed; kind NULL or "" every
 * kind; id 0 every one; only those after id after. free(). */
struct alert_row *store_alerts_list(struct store *st, int all,
    const char *kind, int64_t id, int64_t after, size_t *n,
    struct pd_err *err);
/* The alerts waiting for [alerts] command, oldest first; free(). */
struct alert_row *store_alerts_undelivered(
    struct store *st, size_t *n, struct pd_err *err);
/* How many alerts are open (not acknowledged, not closed). */
int store_alerts_open_count(struct store *st, int64_t *n, struct pd_err *err);
/* Set an alert's status (NULL: kept) and assignee (-1 kept, 0 none). */
int store_alert_set(struct store *st, int64_t id, const char *status,
    int64_t assigned_id, struct pd_err *err);
/* Append to an alert's history. */
int store_alert_note_add(struct store *st, int64_t id, const char *at,
    int64_t user_id, const char *user, const char *action, const char *text,
    struct pd_err *err);
/* An alert's history, oldest first; free(). */
struct alert_note *store_alert_notes(
    struct store *st, int64_t id, size_t *n, struct pd_err *err);
/* One try of delivery: error NULL delivered at at, else kept waiting with
 * the error. */
int store_alert_delivered(struct store *st, int64_t id, const char *at,
    const char *error, struct pd_err *err);
/* An organisation's alerts synced (issue 21; alert_sync.c). The alert
 * of cause into *a: 0 read, 1 none, -1 err. */
int store_alert_by_cause(struct store *st, const char *cause,
    struct alert_row *a, struct pd_err *err);
/* Alert id's raise went to the central node or came from it. */
int store_alert_synced(struct store *st, int64_t id, struct pd_err *err);
/* A step of alert id's history that is a sync record's (uuid) made on
 * terminal. */
int store_alert_step_put(struct store *st, int64_t id, const char *uuid,
    const char *terminal, const char *at, int64_t user_id, const char *user,
    const char *action, const char *text, struct pd_err *err);
/* A synced step of the history, by its id (note_id) or uuid. */
struct alert_step {
	int64_t id;
	char cause[160];
	char at[TS_BUFSZ];
	char user[33];
	char action[16];
	char text[512];
	char uuid[37];
	char terminal[17];
};
/* 0 read, 1 none, -1 err. */
int store_alert_step_find(struct store *st, int64_t note_id, const char *uuid,
    struct alert_step *e, struct pd_err *err);
/* A pulled step (its record's JSON) of an alert not here yet, kept until
 * it comes (a step held already is kept once). */
int store_alert_hold(struct store *st, const char *uuid, const char *cause,
    const char *payload, const char *at, struct pd_err *err);
struct alert_held {
	int64_t id;
	char *payload; /* owned */
};
/* The held steps whose alert is here now, oldest first; the caller frees
 * each payload and the array (NULL: err). */
struct alert_held *store_alerts_held_ready(
    struct store *st, size_t *n, struct pd_err *err);
int store_alert_held_drop(struct store *st, int64_t id, struct pd_err *err);
/* The id of the arrangement of uuid (0: none, or uuid ""). */
int store_alert_arr_id(
    struct store *st, const char *uuid, int64_t *id, struct pd_err *err);
/* ---- disputes of payments (issue 21; dispute.h, disputes.c) ---- */
struct dispute;
struct dispute_event;
/* A new dispute: every field of d but id and what is read with it (its
 * payment's and consumer's numbers); status open. d->id is set, d->uuid
 * made when "". user_id 0: none (a gateway's, a pulled one). */
int store_dsp_insert(
    struct store *st, struct dispute *d, int64_t user_id, struct pd_err *err);
/* Keep d's status, resolution and links in step (a resolved one is
 * final: the store refuses). */
int store_dsp_update(
    struct store *st, const struct dispute *d, struct pd_err *err);
/* A step of dispute dispute_id's timeline; e->id set, e->uuid made when
 * "". */
int store_dsp_event(struct store *st, int64_t dispute_id,
    struct dispute_event *e, int64_t user_id, struct pd_err *err);
/* The dispute numbered number (PD_ENOTFOUND says so). */
int store_dsp_find(struct store *st, const char *number, struct dispute *d,
    struct pd_err *err);
/* The dispute of id (or, id 0, of uuid): 0 read, 1 none, -1 err. */
int store_dsp_by_key(struct store *st, int64_t id, const char *uuid,
    struct dispute *d, struct pd_err *err);
/* Which disputes store_dsp_list reads: status a stored name, "unresolved"
 * (open or under review) or NULL/"" any; 0: any consumer, any payment. */
struct dsp_filter {
	const char *status;
	int64_t consumer_id;
	int64_t payment_id;
};
/* The disputes f selects, unresolved first, soonest due first; *n of
 * them, the caller frees (NULL: err). */
struct dispute *store_dsp_list(struct store *st, const struct dsp_filter *f,
    size_t *n, struct pd_err *err);
/* A dispute's timeline, oldest first; the caller frees (NULL: err). */
struct dispute_event *store_dsp_events(
    struct store *st, int64_t dispute_id, size_t *n, struct pd_err *err);
/* The event of id (or, id 0, of uuid) and its dispute's id (may be
 * NULL): 0 read, 1 none, -1 err. */
int store_dsp_event_read(struct store *st, int64_t id, const char *uuid,
    struct dispute_event *e, int64_t *dispute_id, struct pd_err *err);

/* Consumers who were on the disconnection list since day since (issue
 * 21; reconnect.c): on a day after since up to today on which a payment
 * or an arrangement of theirs was made, what their items due days before
 * it owed before that day came to min or more; was and listed_on (the
 * latest such day) filled, by account; caller frees (NULL: err). */
struct reconnect_row *store_was_overdue(struct store *st, const char *since,
    const char *today, int days, int64_t min, size_t *n, struct pd_err *err);

/* The central node's feed of reconciliation (issue 20; recon_feed.c). */
#define FEED_KEY_BUFSZ 256
/* The two text columns of the one row sql (one ? for id) reads. */
int store_feed_row_key(struct store *st, const char *sql, int64_t id,
    char key[2][FEED_KEY_BUFSZ], struct pd_err *err);
/* A match row, active or not: what store_line_match says of it, and the
 * rest of the row. */
struct match_row {
	int64_t line_id;
	char note[256], unmatched_at[20], unmatched_by[33], unmatch_note[256];
};
int store_match_row(struct store *st, int64_t match_id, struct line_match *m,
    struct match_row *x, struct pd_err *err);
/* The uuids (37 bytes each) of the payments match match_id took;
 * free(). */
char *store_match_row_payments(
    struct store *st, int64_t match_id, size_t *n, struct pd_err *err);
/* Lines first .. first + count - 1 of statement stmt, in order (strings
 * owned); *n of them. */
struct statement_line *store_stmt_lines_part(struct store *st, int64_t stmt,
    int64_t first, int64_t count, size_t *n, struct pd_err *err);
/* *seen: whether line line_id has a match made at at (active or not),
 * or (undone) one undone at at. */
int store_match_seen(struct store *st, int64_t line_id, int undone,
    const char *at, int *seen, struct pd_err *err);

#endif
