/* syncrec.h - the sync protocol, shared by the terminal (paydesk sync) and
 * the central node (paydesk-central). Version SYNC_PROTOCOL_VERSION.
 *
 * RECORDS. Everything that moves is a record, one JSON object:
 *   { "v": 1, "kind": "payment", "uuid": "...", "terminal": "T01",
 *     "branch": "B01", "at": "YYYY-MM-DD HH:MM:SS", "currency": "USD",
 *     "data": { ... } }
 * Money is integer minor units. The uuid is made where the record was made
 * and is the key of idempotent apply. Kinds written by terminals: payment,
 * void, verify, credit_note, credit_apply, gateway_association, a cash
 * shift's shift_open, shift_movement and shift_close (issue 20: the
 * central node keeps every drawer's shifts and feeds them to the other
 * terminals, shift_feed.c), arrangement (issue 21: fed to the other
 * terminals) and deposit, bank_statement and statement_match (issue 20:
 * fed to the other terminals, recon_feed.c; a statement is known
 * everywhere by its account and key, the same at every terminal that
 * imports it) and
 * alert (issue 21: a step of an organisation's alert, fed to the other
 * terminals).
 * Kinds mastered centrally and only pulled: consumer, item, user,
 * setting, gateway_payment (syncrec_reference). The fields of each kind's
 * "data" are
 * one table in src/sync/record.c, used both to encode and to decode.
 *
 * ROUTES (every request but health carries "Authorization: Bearer TOKEN"):
 *   POST /v1/push   body { "v": 1, "terminal": "T01", "pending": N,
 *                          "records": [ record, ... ] }
 *                   200 { "v": 1, "results": [ { "uuid": "...",
 *                          "status": "applied"|"duplicate"|"rejected",
 *                          "reason": "..." }, ... ] } in record order
 *   GET  /v1/pull?since=CURSOR&limit=N&pending=P (P: the records
 *                   waiting at the terminal, kept as its pending count)
 *                   200 { "v": 1, "cursor": C, "more": true|false,
 *                          "entries": [ { "seq": S, "record": record } ] }
 *                   (reference data and other terminals' records, and the
 *                   terminal's own records where the central node applied
 *                   them differently; the next request passes cursor C)
 *   POST /v1/anchor body { "v": 1, "terminal": "T01", "seq": N,
 *                          "hash": "64 hex" } (the head of the terminal's
 *                   audit chain: its newest entry's sequence and hash;
 *                   without "seq" and "hash", a question only; "links":
                   [ "..." ] once a head is kept, the entries after it
                   up to N, each the text its hash is taken over after the
                   previous hash, at most SYNC_ANCHOR_MAX_LINKS a request)
 *                   200 { "v": 1, "terminal": "T01", "seq": S,
 *                          "hash": "..." }: the head the central node
 *                   keeps for it (without seq and hash: none yet). A head
 *                   shorter than the one kept, or another hash at the
 *                   same sequence, is not kept: 409; so is a longer head
                   whose links do not chain from the head kept to it
                   (issue 18, section 7; without links: refused, as a
                   terminal of before the links sent)
 *                   "reanchor": { "upto": N } without a head asks for
 *                   the newest head the central node saw at or before
 *                   entry N; { "base": B, "by": "...", "reason": "..." }
 *                   with a head and the links after entry B sets the
 *                   head kept back to it, when B is a head it saw and
 *                   the links chain from it (paydesk audit reanchor)
 *   GET  /v1/health 200 { "v": 1, "status": "ok" } (no token needed)
 *   GET  /v1/status 200 { "v": 1, "org": "...", "cursor": C,
 *                          "terminals": [ { "terminal", "branch",
 *                          "last_seen", "last_cursor", "pending",
 *                          "revoked" } ] }
 * Errors: { "v": 1, "error": "what was wrong" } with 400 (malformed JSON,
 * unknown version, bad field), 401 (no or unknown token), 403 (revoked,
 * or a terminal speaking for another), 404, 405, 413 (body over the cap),
 * 503 (busy; Retry-After says when to come back).
 */
#ifndef PAYDESK_SYNCREC_H
#define PAYDESK_SYNCREC_H
#include <stddef.h>
#include <stdint.h>

#include "arrange.h"
#include "deposit.h"
#include "dispute.h"
#include "err.h"
#include "model.h"
#include "shift.h"

#define SYNC_PROTOCOL_VERSION 1
#define SYNC_ROUTE_PUSH "/v1/push"
#define SYNC_ROUTE_PULL "/v1/pull"
#define SYNC_ROUTE_HEALTH "/v1/health"
#define SYNC_ROUTE_STATUS "/v1/status"
#define SYNC_ROUTE_ANCHOR "/v1/anchor"
#define SYNC_PULL_MAX 10000 /* entries in one pull page at most */
#define SYNC_PUSH_MAX 5000  /* records in one push at most */
/* the most records a push may say are still waiting at the terminal
 * (review R18: -7 and 2^63-1 were taken and shown in /v1/status) */
#define SYNC_PENDING_MAX 1000000000
/* The longest answer a terminal reads from the central node (bytes): a
 * full pull page is far below it; past it the answer is cut and the round
 * ends (issue 18, part 2: a hostile node cannot grow the terminal). */
#define SYNC_ANSWER_MAX ((size_t)64 << 20)
/* The largest cursor or seq a pull page may carry: 2^53 - 1, the largest
 * integer every JSON reader keeps exact. */
#define SYNC_CURSOR_MAX INT64_C(9007199254740991)
/* Pages in a row that say "more" without moving the cursor before a
 * terminal gives the round up (issue 18, part 2). */
#define SYNC_STALL_MAX 3
/* Pages of one round that say "more" and bring no entries before a
 * terminal gives the round up, the cursor moving or not: a central node
 * says "more" only after a full page (issue 18, part 2). The pages of a
 * round in all are bounded by [sync] max_pages. */
#define SYNC_EMPTY_MAX 5

enum syncrec_kind {
	SR_PAYMENT,
	SR_VOID,
	SR_VERIFY,
	SR_CREDIT_NOTE,
	SR_CREDIT_APPLY,
	SR_CONSUMER,
	SR_ITEM,
	SR_USER,
	SR_SETTING,
	SR_SHIFT_OPEN,  /* uuid: the shift's */
	SR_SHIFT_MOVE,  /* uuid: the movement's */
	SR_SHIFT_CLOSE, /* uuid: its own; shift_uuid names the shift */
	SR_ARRANGEMENT, /* an event of a payment arrangement (issue 21) */
	SR_GW_PAYMENT, /* pulled: a gateway payment as the central node has
	                  it (issue 19), associated or not */
	SR_GW_ASSOC,   /* pushed: a supervisor associates a gateway payment
	                  with a consumer, or disassociates it */
	SR_DEPOSIT,    /* pushed: a bank deposit of closed shifts' cash
	                  (issue 20), op create or void */
	SR_STATEMENT,  /* pushed: an imported bank statement, its lines in
	                  parts of at most SYNC_STMT_LINES (issue 20) */
	SR_STMT_MATCH, /* pushed: a statement credit matched to a deposit, a
	                  gateway settlement, a bank transfer or a card
	                  settlement, or unmatched (issue 20) */
	SR_DISPUTE,    /* pushed and fed: a step of a payment's dispute
	                  (issue 21), op open, review, uphold or reject */
	SR_ALERT,      /* pushed and fed: a step of an organisation's alert
	                  (issue 21), op raise, acknowledge, assign, note or
	                  close; the alert named by its cause */
	SR_RECON_RESOLVE, /* pushed: a reconciliation exception resolved by
	                     hand with a note (issue 20) */
	SR_KINDS
};
const char *syncrec_kind_name(enum syncrec_kind k);
/* Whether kind k is reference data the central node masters (consumer,
 * item, user, setting): pulled only, never pushed. */
int syncrec_reference(enum syncrec_kind k);
int syncrec_kind_parse(const char *s); /* -1 if unknown */

/* A record, decoded or to encode. Which members mean something depends on
 * kind; ids (p.id, c.id, ...) are never part of a record. */
struct syncrec {
	enum syncrec_kind kind;
	char uuid[37];
	char terminal[17];
	char branch[17];
	char at[TS_BUFSZ];
	char currency[4];
	char hash[65]; /* decode (not of a pulled entry): SHA-256 of the
	                  canonical JSON */

	/* payment; void and verify name the payment by payment_uuid */
	struct payment p;
	char consumer_uuid[37]; /* payment, credit_note, item */
	char account_no[33];
	/* the allocations by item: item.uuid, item.ref, amount and
	 * due_before travel (ids never do) */
	struct allocation *allocs; /* owned */
	size_t nallocs;
	int has_cn; /* payment: the overpayment credit note in cn */
	/* payment: whether its data has "team" (a terminal older than
	 * issue 23's payment_teams sends none; "" is of no team) */
	int has_team;

	/* credit_note (also a payment's overpayment note) */
	struct credit_note cn;
	char payment_uuid[37]; /* credit_note, void, verify */

	/* void, verify */
	char reason[512];
	char by[129];

	/* credit_apply */
	struct credit_application ca;
	char cn_uuid[37];
	char item_uuid[37];

	/* consumer, item, user, setting */
	struct consumer c;
	struct item it;
	struct user u;
	struct setting set;

	/* shift_open (sh: drawer, cashier, opened_at, float_expected,
	 * float_counted; counts the opening float), shift_movement (mv,
	 * shift_uuid), shift_close (sh: z_no, closed_at, closed_by,
	 * signed_off_by, float_kept; shift_uuid; counts and tenders);
	 * a void's shift_uuid: the shift open at its terminal's drawer */
	struct shift sh;
	struct shift_movement mv;
	char shift_uuid[37];
	struct shift_count *counts; /* owned */
	size_t ncounts;
	struct shift_tender *tenders; /* owned */
	size_t ntenders;
	/* arrangement: one event (op create, reschedule or cancel; the
	 * record's uuid is the event's) with the plan's terms in arr
	 * (arr.uuid the arrangement's), reason and by (a username), the
	 * debt it moved (moves: + into the plan, - given back; item uuid,
	 * ref and amount travel) and the installments it made (uuid, ref,
	 * plan_no, inst_no, amount, issued_on, due_on) */
	char op[16];
	struct arrangement arr;
	char arr_freq[16];
	struct arr_move *moves; /* owned */
	size_t nmoves;
	struct item *insts; /* owned */
	size_t ninsts;
	/* gateway_payment: the payment (gp.consumer_id and gp.payment_id
	 * are never part of it: consumer_uuid and account_no name its
	 * consumer, "" none; payment_uuid its ledger payment, "" none);
	 * gateway_association: gp.gateway and gp.code name the payment,
	 * action is "associate" (consumer_uuid and account_no the
	 * consumer) or "disassociate", with reason and by */
	struct gw_payment gp;
	char action[16];
	/* deposit: op "create" (the record's uuid is the deposit's; dep
	 * and its lines: shift uuid, method, amount) or "void" (dep.uuid
	 * names the deposit, reason and by the void) */
	struct deposit dep;
	struct deposit_line *dlines; /* owned */
	size_t ndlines;
	/* and its cheques by number ("cheques", owned): each a cheque
	 * line's; a cheque line of none (an older terminal's) takes all the
	 * shift's cheques of its method not deposited yet */
	struct deposit_cheque *dcheques;
	size_t ndcheques;
	/* bank_statement: the statement's header in stmt (account, key,
	 * counts, imported_by; imported_at is the record's at) and lines
	 * stmt_first .. stmt_first + nslines - 1 of it (each line's strings
	 * owned); statement_match: op "match" or "unmatch", the line
	 * stmt.account, stmt.stmt_key and stmt_first (its seq), the deposit
	 * (dep.uuid, dep.slip_no) or the gateway payment (gp.gateway,
	 * gp.code), a bank transfer payment (payment_uuid) or a terminal's
	 * day of card payments (card_terminal, card_day, how many and their
	 * total: card_count, card_gross, and each one's uuid in
	 * card_payments), match_rule ("auto", "manual", "gateway", "transfer",
	 * "card"), the note in reason, by */
	struct statement stmt;
	int64_t stmt_first;
	struct statement_line *slines; /* owned */
	size_t nslines;
	char match_rule[12];
	char card_terminal[17];
	char card_day[11];
	int64_t card_count, card_gross;
	char (*card_payments)[37]; /* owned: the card payments' uuids */
	size_t ncard_payments;
	/* dispute: one step (the record's uuid is the event's), op "open",
	 * "review", "uphold" or "reject"; dsp the dispute (uuid, number,
	 * reason code, opened_on, due_on; an uphold's resolution and the
	 * void's uuid), payment_uuid and p.payment_no its payment, the
	 * note in reason, by a full name; an uphold by credit note names it
	 * by cn_uuid, a service charge it adds is it (uuid, ref, amount,
	 * due_on; amount 0: none) */
	struct dispute dsp;
	/* alert: one step (the record's uuid is the step's), op "raise",
	 * "acknowledge", "assign", "note" or "close"; the alert by its cause
	 * (its identity in the organisation: rule, subject and period, the
	 * same at every terminal that computes it) and kind; a raise
	 * carries what it points at (consumer_uuid, account_no,
	 * payment_uuid, alert_arr_uuid) and its figures; assignee a username
	 * ("" taken back), the note in reason, by a full name and its
	 * username in by_user; a close by "system" (the end of its cause)
	 * names in alert_ended_by the record that ended it, a change of an
	 * arrangement (its event's uuid) or a void ("" none, or another) */
	char alert_cause[160];
	char alert_kind[24];
	char alert_ref[80];
	char alert_due[11];
	int64_t alert_amount, alert_figure, alert_allowed;
	char alert_raised_at[TS_BUFSZ];
	char alert_arr_uuid[37];
	char alert_ended_by[37];
	char assignee[33];
	char by_user[33];
	/* recon_resolution: the resolution (the record's uuid, at, terminal
	 * and by are its own), its exception's kind as stored in exc_kind,
	 * its target, reference, day, age, amounts as they were, the note */
	struct recon_resolution res;
	char exc_kind[24];
};
/* Lines of a statement in one bank_statement record at most: a longer
 * statement goes in several records, in order (a record stays far below
 * [central] max_body_kb). */
#define SYNC_STMT_LINES 1000

/* Encode r as compact JSON with sorted keys; the caller frees. */
char *syncrec_encode(const struct syncrec *r);
/* Decode and validate one record (every field typed and in bounds); on
 * failure err says which field. r is the caller's; free with
 * syncrec_free. */
int syncrec_decode(
    const char *json, size_t len, struct syncrec *r, struct pd_err *err);
void syncrec_free(struct syncrec *r);

/* Push request and response. */
struct sync_push {
	int version;
	char terminal[17];
	int64_t pending;
	size_t nrecs;
	void *doc; /* the parsed records, decoded one at a time */
	void *arena; /* the memory doc is in, or NULL (src/sync/arena.c) */
	char (*hashes)[65]; /* each record's hash, worked out on a thread
	                       of its own while the push's transaction
	                       begins and reads its rows (envelope.c) */
	void *hasher;       /* that thread until waited for, or NULL */
};
/* The head of a terminal's audit chain, as anchored at the central
 * node (POST /v1/anchor, both ways): has_head 0 is a question, or no
 * head kept yet. */
struct sync_anchor {
	char terminal[17];
	int has_head;
	int64_t seq;   /* the newest entry's id; 0: an empty log */
	char hash[65]; /* its hash, 64 lowercase hex digits; "" at 0 */
	size_t nlinks; /* the entries seq - nlinks + 1 .. seq, oldest first */
	char **links;  /* each "\x1f" + the entry's fields joined by "\x1f"
	                  (store_audit_links); owned, sync_anchor_free */
	/* a reanchor (paydesk audit reanchor, review 18 point 6): without a
	 * head, a question for the newest head the central node saw at
	 * entry upto or before; with one, the head set back to it, its
	 * links chaining from the head seen at entry base, by whom and why */
	int reanchor;
	int64_t upto, base;
	char by[65];
	char reason[257];
};
/* Entries one anchor request may carry; a terminal further ahead of the
 * head kept anchors in steps. */
#define SYNC_ANCHOR_MAX_LINKS 1000
/* The body of an anchor request or answer; caller frees. */
char *sync_anchor_encode(const struct sync_anchor *a);
/* Decode and validate one (400 on failure, err says which field); links
 * are NUL-free strings, at most SYNC_ANCHOR_MAX_LINKS, only with a head.
 * Free with sync_anchor_free, also after a failure. */
int sync_anchor_decode(
    const char *body, size_t len, struct sync_anchor *out, struct pd_err *err);
/* Free a's links (a itself is the caller's). */
void sync_anchor_free(struct sync_anchor *a);
/* The organisation's currency in a GET /v1/status answer: code (three
 * letters) and its minor digits; a status without them (a central node
 * from before organisations had their own) gives "" and -1. */
int sync_status_currency(const char *body, size_t len, char code[4],
    int *digits, struct pd_err *err);
/* The organisation's name in a GET /v1/status answer (name, n bytes);
 * "" from a central node from before it sent one. */
int sync_status_name(
    const char *body, size_t len, char *name, size_t n, struct pd_err *err);
/* Build a push body from outbox payloads (each a record's JSON text). */
char *sync_push_encode(const char *terminal, int64_t pending,
    const char *const *payloads, size_t n);
/* Decode a push body's envelope; a body that is not a push at all fails
 * (400). The records are decoded one at a time by sync_push_record, so a
 * batch never holds thousands of decoded records at once. */
int sync_push_decode(
    const char *body, size_t len, struct sync_push *out, struct pd_err *err);
/* Record i into r (free with syncrec_free). A record that does not decode
 * fails with why in err and its uuid, if it had one, in r->uuid, so the
 * answer can reject it alone. */
/* Record i's uuid as sent, NULL when it is not a string of 36 bytes
 * (sync_push_record then refuses it). */
const char *sync_push_uuid(const struct sync_push *p, size_t i);
int sync_push_record(const struct sync_push *p, size_t i, struct syncrec *r,
    struct pd_err *err);
/* The consumer uuid record i names and its items' (at most max into
 * items; the count of them all returned), as sent, when it is a payment (a string
 * each, unchecked: each is looked up as it is), for reading their rows
 * for the batch before it is applied; *consumer NULL when none. */
size_t sync_push_payment_keys(const struct sync_push *p, size_t i,
    const char **consumer, const char **items, size_t max);
/* The document numbers record i carries when it is a payment (its
 * payment, transaction and receipt numbers, its credit note's), as sent,
 * into nums: their count. */
size_t sync_push_payment_numbers(
    const struct sync_push *p, size_t i, const char *nums[4]);
void sync_push_free(struct sync_push *p);
/* Parse the documents of pushes (sync_push_decode) into one block of
 * memory for each, freed whole (sync_push_free), not a malloc for each
 * value: jansson's allocation functions set for the process, once,
 * before any thread is started (json_set_alloc_funcs). A push is then
 * decoded and freed by one thread. The central node's serve (issue 24),
 * and the terminal's, whose pull pages are parsed the same way
 * (sync_page_decode: by the thread that fetched the page, then read by
 * another, and freed whole in either); without it jansson mallocs each
 * value. */
void sync_json_arena_install(void);

enum sync_outcome { SYNC_APPLIED, SYNC_DUPLICATE, SYNC_REJECTED };
const char *sync_outcome_name(enum sync_outcome o);
struct sync_result {
	char uuid[37];
	enum sync_outcome status;
	char reason[512];
};
char *sync_results_encode(const struct sync_result *r, size_t n);
/* The results, which must answer exactly the uuids sent, in order. */
int sync_results_decode(const char *body, size_t len, const char *const *uuids,
    size_t n, struct sync_result *out, struct pd_err *err);

/* Pull page: the envelope and every entry's seq are checked by
 * sync_page_decode (cursor 0..SYNC_CURSOR_MAX, at most SYNC_PULL_MAX
 * entries, each an object with a record and a seq, the seqs rising,
 * from 1 up to the cursor), the records decoded one at a time by
 * sync_page_entry. Whether the page follows the cursor asked for is the
 * caller's to check, with first. */
struct sync_page {
	int64_t cursor;
	int more;
	size_t n;
	int64_t first; /* the first entry's seq; 0 when there is none */
	void *doc;
	void *arena; /* the memory doc is in, or NULL (src/sync/arena.c) */
};
/* Encode a page from records already encoded as JSON text. */
char *sync_page_encode(int64_t cursor, int more, const int64_t *seqs,
    const char *const *records, size_t n);
int sync_page_decode(
    const char *body, size_t len, struct sync_page *out, struct pd_err *err);
/* Entry i: its seq and its record into r (free with syncrec_free); err
 * names the entry when the record does not decode. */
int sync_page_entry(const struct sync_page *p, size_t i, int64_t *seq,
    struct syncrec *r, struct pd_err *err);
void sync_page_free(struct sync_page *p);

/* { "v": 1, "error": msg } and { "v": 1, ... } helpers for the server. */
char *sync_error_encode(const char *msg);
/* The "error" of an error body, or "" (copied into out). */
void sync_error_decode(const char *body, size_t len, char *out, size_t n);

#endif
