/* store_cash.h - bank statements, deposits and their matches, cash
 * shifts, and the items arrangements make (issues 20 and 21).
 *
 * Part of store.h: include store.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_STORE_CASH_H
#define PAYDESK_STORE_CASH_H

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
/* Statement id's importer (terminal, user, time) made the one given:
 * a pulled statement imported here too is the central node's first
 * import (review R20); what the statement holds is not changed. */
/* The ids of the statements named name (deposit.h, stmt_name): *n of
 * them, 0 for none, 2 or more only when two names meet; free(). */
int64_t *store_stmt_named(
    struct store *st, const char *name, size_t *n, struct pd_err *err);
/* *n: how many terminals the store's statements were imported at (the
 * first import's, as the central node keeps it), counting self (this
 * terminal) too where it imported one that another terminal's first
 * import took over: its numbers then follow neither order (the audit
 * log, read only where a statement here is not self's). */
int store_stmt_importers(
    struct store *st, const char *self, int64_t *n, struct pd_err *err);
int store_stmt_take_importer(struct store *st, int64_t id,
    const char *terminal, int64_t user_id, const char *at,
    struct pd_err *err);
/* Set l->dup_of and l->dup_of_stmt to a live line of account of another
 * statement than stmt that is a copy of l: the same bank id, or the
 * same date, amount and non-empty reference where one of the two has no
 * bank id (either way round, so that which of two copies came first
 * finds the other: review R20c), the first of them that taken (may be
 * NULL) does not say is taken by a line already (one for one: review
 * R20b); left 0 when there is none. */
int store_stmt_line_seen(struct store *st, const char *account,
    int64_t stmt, struct statement_line *l,
    int (*taken)(int64_t line, void *arg), void *arg, struct pd_err *err);
int store_stmt_line_insert(struct store *st, int64_t stmt,
    const struct statement_line *l, struct pd_err *err);

/* Which copy of a bank line is live (stmt_dup.c; review R20c). */
/* *id and *dup_of (0: live) of line seq of statement stmt; *id 0 when it
 * has none. */
int store_stmt_line_at(struct store *st, int64_t stmt, int64_t seq,
    int64_t *id, int64_t *dup_of, struct pd_err *err);
/* Line id as a resolution's target names it, ACCOUNT/KEY#SEQ, into out. */
int store_stmt_line_target(struct store *st, int64_t id, char *out,
    size_t size, struct pd_err *err);
/* Line id's dup_of set to dup_of, 0 live (nothing else moved). */
int store_stmt_line_dup_set(
    struct store *st, int64_t id, int64_t dup_of, struct pd_err *err);
/* *has: whether terminal own imported a statement of account other than
 * stmt. */
int store_stmt_has_own(struct store *st, const char *account, const char *own,
    int64_t stmt, int *has, struct pd_err *err);
/* *copy: the first live line (by id) of a statement of account that
 * terminal own imported, other than stmt, that is a copy of l as
 * store_stmt_line_seen finds one and that no line of stmt duplicates
 * already; 0 none. */
int store_stmt_own_copy(struct store *st, const char *account, const char *own,
    int64_t stmt, const struct statement_line *l, int64_t *copy,
    struct pd_err *err);
/* What store_stmt_line_flip moved: the lines that named from and name
 * to now, from's active match, the resolutions of its exceptions, and
 * what was undone as to has its own already (a match, a resolution of
 * the same exception); from and to as a resolution names a line,
 * ACCOUNT/KEY#SEQ. */
struct stmt_flip {
	int64_t copies, matches, resolutions, undone;
	char from[256], to[256];
};
/* Live line from a duplicate of line to (to live, if it was one of
 * from): the lines that duplicated from duplicate to, from's active
 * match is to's (undone, by MATCH_REFUSED_BY for why, where to has one),
 * the resolutions of from's exceptions name to (each move listed in
 * recon_moved at at; one whose exception on to is resolved already
 * undone for why). Nothing else; the caller audits it. */
int store_stmt_line_flip(struct store *st, int64_t from, int64_t to,
    const char *at, const char *why, struct stmt_flip *f, struct pd_err *err);
/* At a central node on PostgreSQL, statement lines applied by one node
 * process at a time, until the transaction ends: two processes applying
 * copies of one bank line at once each found the other's not yet
 * committed and kept both live. Nothing on SQLite (its write lock). */
int store_stmt_guard(struct store *st, struct pd_err *err);
/* The lines of statement stmt in file order (strings owned by each
 * line: the caller frees them and the array). */
struct statement_line *store_stmt_lines(
    struct store *st, int64_t stmt, size_t *n, struct pd_err *err);
/* Each of statement stmt's lines v (n, in order of seq, as
 * store_stmt_lines reads them) with its reconciliation: its status, and
 * its active match's rule, what it was matched to, who, when and what
 * the ledger expected (struct statement_line; review R20b, fault 12). */
int store_stmt_lines_recon(struct store *st, int64_t stmt,
    struct statement_line *v, size_t n, struct pd_err *err);
/* And those of v whose exception a supervisor resolved (not undone):
 * status STMT_LINE_RESOLVED, its kind, who, when and the note (struct
 * statement_line). */
int store_stmt_lines_resolved(struct store *st, int64_t stmt,
    struct statement_line *v, size_t n, struct pd_err *err);
/* The matches undone (struct past_match) of statement stmt's lines, in
 * order of line and then as made; or, stmt 0, of deposit deposit_id, as
 * made. free() the array; NULL on error (an empty list is not NULL). */
struct past_match *store_past_matches(struct store *st, int64_t stmt,
    int64_t deposit_id, size_t *n, struct pd_err *err);
/* A CSV column mapping by name; adding a name that exists is PD_EINVAL,
 * getting one that does not PD_ENOTFOUND. */
int store_stmt_mapping_add(struct store *st, const char *name, const char *spec,
    const char *at, int64_t user_id, struct pd_err *err);
int store_stmt_mapping_get(struct store *st, const char *name, char *spec,
    size_t n, struct pd_err *err);
/* Change mapping name's spec, or remove it (spec NULL); PD_ENOTFOUND
 * when there is none. Statements imported keep their lines. */
int store_stmt_mapping_set(struct store *st, const char *name,
    const char *spec, struct pd_err *err);
/* Every mapping, by name: "NAME\tSPEC" strings (review R20); the
 * caller frees them and the array; NULL on error. */
char **store_stmt_mappings(struct store *st, size_t *n, struct pd_err *err);

/* Bank deposits and their matches to statement credits (issue 20;
 * deposit.h; src/store/deposits.c). Inside the caller's transaction for
 * writes. */
/* Insert d (uuid made if empty): sets d->id. */
int store_deposit_insert(
    struct store *st, struct deposit *d, int64_t user_id, struct pd_err *err);
/* Deposit deposit_id handed to the bank at at by by (user_id 0: none
 * known here): its one row of deposit_hands (a second is refused by the
 * store). */
int store_deposit_hand(struct store *st, int64_t deposit_id, const char *at,
    const char *by, int64_t user_id, struct pd_err *err);
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
/* What stands in the way of a pulled deposit of slip number slip: a
 * deposit not void that this terminal sent and the central node refused,
 * its slip in any case (*refused 1), else one not void with that very
 * slip: 1 and *out, 0 none, -1 error. */
int store_deposit_pull_clash(struct store *st, const char *slip,
    struct deposit *out, int *refused, struct pd_err *err);
/* Every deposit of sc (NULL: all; issue 23), newest first; the array
 * is the caller's to free. */
struct deposit *store_deposit_list(struct store *st, const struct row_scope *sc,
    size_t *n, struct pd_err *err);
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
/* The last deposit not void that holds some of shift_id's method: its
 * slip number (slip, >= DEPOSIT_SLIP_BUFSZ) and terminal (term, >= 17);
 * both "" when none does. */
int store_deposit_holding(struct store *st, int64_t shift_id,
    const char *method, char *slip, char *term, struct pd_err *err);
int store_deposit_done(struct store *st, int64_t shift_id, const char *method,
    int64_t *sum, struct pd_err *err);
/* ---- a deposit's cheques by number (deposit_cheques.c) ---- */
/* The cheques the closes of every terminal's shifts counted with number
 * (closed shifts only: an open one has no close count), each with the
 * deposit that is not void holding it; the caller frees. */
struct deposit_cheque *store_cheques_numbered(
    struct store *st, const char *number, size_t *n, struct pd_err *err);
/* The cheques shift_id's close counted of method (NULL: every cheque
 * method), in the order counted, each with the live deposit holding it;
 * the caller frees. */
struct deposit_cheque *store_cheques_of_shift(struct store *st,
    int64_t shift_id, const char *method, size_t *n, struct pd_err *err);
/* The open shift of terminal in which a payment of a bank method was
 * taken with reference number (a cheque not counted yet): 1 and its
 * uuid in uuid (37 bytes), 0 none, -1 error. */
int store_cheque_open_shift(struct store *st, const char *terminal,
    const char *number, char *uuid, struct pd_err *err);
int store_deposit_cheque_insert(struct store *st, int64_t deposit_id,
    int64_t shift_id, const char *method, const char *number, int64_t amount,
    struct pd_err *err);
/* A shift's payments of a cheque method of one number (any case) and
 * amount: how many the close took (not voided before it), and how many
 * of those were voided after it. */
struct shift_cheque_fate {
	char ref[SHIFT_REF_BUFSZ];
	int64_t amount;
	int64_t taken, voided;
};
/* Those of closed shift shift_id of method, read by the shifts and
 * times every node holds (a void after the close: store_void_after_close),
 * by number and amount; the caller frees (NULL: err). */
struct shift_cheque_fate *store_shift_cheque_fates(struct store *st,
    int64_t shift_id, const char *method, size_t *n, struct pd_err *err);
/* A payment of a cheque method voided after its shift's close (by a
 * void that stands). */
struct shift_cheque_void {
	int64_t payment_id;
	char ref[SHIFT_REF_BUFSZ]; /* the payment's cheque number; "" none */
	int64_t amount;
};
/* Those of closed shift shift_id of method, by the shifts and times
 * every node holds, in the order taken; the caller frees (NULL: err). */
struct shift_cheque_void *store_shift_cheque_voids(struct store *st,
    int64_t shift_id, const char *method, size_t *n, struct pd_err *err);
/* The shifts and methods of which a live deposit holds a cheque and a
 * payment was voided after the close (a cheque of a void payment may be
 * in the bank); the caller frees. */
struct shift_method {
	int64_t shift_id;
	char method[SHIFT_METHOD_BUFSZ];
};
struct shift_method *store_held_shifts(
    struct store *st, size_t *n, struct pd_err *err);
/* The closed shift whose times hold payment payment_id (the cashier's,
 * at the terminal, as store_shift_cheque_fates reads them): 1 and its
 * id, 0 none, -1 error. */
int store_payment_closed_shift(struct store *st, int64_t payment_id,
    int64_t *shift_id, struct pd_err *err);
/* Whether payment payment_id's void (one that stands) was made after
 * closed shift shift_id's close: by the shift it names (issue 20: the
 * shift open at its terminal's drawer, any other than shift_id's), or,
 * naming none, by its time; 1 after, 0 before (or no such void), -1
 * error. */
int store_void_after_close(
    struct store *st, int64_t payment_id, int64_t shift_id, struct pd_err *err);
/* Deposit deposit_id's cheques in the order written; the caller frees. */
struct deposit_cheque *store_deposit_cheques(
    struct store *st, int64_t deposit_id, size_t *n, struct pd_err *err);
/* A statement line as matching sees it. */
struct stmt_credit {
	int64_t line_id, stmt;
	char name[STMT_NAME_BUFSZ]; /* stmt's (deposit.h, stmt_name) */
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
/* The credit lines no active match holds, as the transfer and card rules
 * read them (temp.match_lines), and their first and last day
 * (temp.match_span): made once in the matching's transaction before the
 * rules (each still asks whether its line is free: a line an earlier
 * rule took stays in the set). */
int store_match_lines_prepare(struct store *st, struct pd_err *err);
/* The pairs {deposit id, line id} the automatic rule matches (deposit.h,
 * svc_deposit_match_auto) with a window of days; *n pairs; free(). */
int64_t *store_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err);
/* The pairs {deposit id, line id} of the deposit rule's second pass (deposit.h,
 * svc_deposit_match_auto; review R20b, fault 8): a live deposit no match
 * took and a free credit (temp.match_lines, no match since) of its
 * account whose reference or text names its slip, booked from its day to
 * days after, of another amount; one to one; free(). */
int64_t *store_slip_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err);
/* The pairs {gateway payment id, line id} of gateway settlements on the
 * statements (deposit.h, svc_deposit_match_auto); free(). */
int64_t *store_gw_match_pairs(
    struct store *st, int days, size_t *n, struct pd_err *err);
/* The pairs {payout's first gateway payment id, line id} of the rule
 * payout (deposit.h, svc_deposit_match_auto): exact, credits of the
 * payout's payments less their fees; else of another amount (to list as
 * amount_differs); free(). */
int64_t *store_payout_match_pairs(
    struct store *st, int days, int exact, size_t *n, struct pd_err *err);
/* A terminal's gateway payout (gw_payouts) as a match takes it. */
struct payout_state {
	int64_t rep;  /* its first payment's id (gw_payments) */
	int64_t n;    /* its payments */
	int64_t net;  /* their amounts less their fees */
	char day[11]; /* the last day one of them settled */
	int taken;    /* a match took one of them */
	/* the bank account they settled to (gateway set --account); ""
	 * none */
	char account[35];
};
/* Payout payout of gateway into *out: 0, 1 when the terminal has no such
 * payout (nothing settled in it), -1 on error. */
int store_payout_find(struct store *st, const char *gateway, const char *payout,
    struct payout_state *out, struct pd_err *err);
/* Record a resolution of exception r->e (its kind and target once). */
int store_recon_resolve(struct store *st, const struct recon_resolution *r,
    int64_t user_id, struct pd_err *err);
/* Every resolution, newest first; free(). */
struct recon_resolution *store_recon_resolutions(
    struct store *st, size_t *n, struct pd_err *err);
/* The resolution of kind and target: 0, 1 when there is none, -1. */
int store_recon_resolution(struct store *st, const char *kind,
    const char *target, struct recon_resolution *out, struct pd_err *err);
/* A terminal's resolution uuid that the central node refused, undone
 * at at for reason (review R20, fault 5): no longer listed nor closing
 * its exception, its row the place of the one the central node kept
 * (store_recon_replace). store_recon_undone: whether uuid was, 1, 0,
 * -1. */
int store_recon_undo(struct store *st, const char *uuid, const char *at,
    const char *reason, struct pd_err *err);
int store_recon_undone(struct store *st, const char *uuid, struct pd_err *err);
/* r, pulled, in the row of the undone resolution of its kind and target. */
int store_recon_replace(struct store *st, const struct recon_resolution *r,
    int64_t user_id, struct pd_err *err);
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
/* The rows the central node makes the reconciliation's exceptions of
 * (recon_central.c; paydesk-central exceptions): each query reads what
 * the terminal's exceptions query does, kind by kind, in SQL both of the
 * central node's engines read; the service puts them together. */
enum central_row_type {
	CENTRAL_NOT_CREDITED,  /* a deposit not void no active match took */
	CENTRAL_FREE_CREDIT,   /* a live credit no active match took; flag:
	                          the bank took it back since; text: its
	                          reference and text */
	CENTRAL_SLIP,          /* a deposit not void matched (id: its line;
	                          text: its slip) */
	CENTRAL_DEPOSIT_MATCH, /* an active match of a deposit */
	CENTRAL_MATCH_PAYMENT, /* a payment of an active match of which one
	                          was voided (id: the match; flag: voided;
	                          detail: its number; text: its uuid; on: its
	                          day; expected: its amount), by match */
	CENTRAL_OVER_SHORT,    /* a closed shift's tender beyond over_short */
	CENTRAL_FLOAT,         /* an opening float that far from the last
	                          close's */
	CENTRAL_RESOLVED,      /* a resolution kept (ref: its kind's stored
	                          word; target): the central node undoes
	                          none, and has no recon_undone on
	                          PostgreSQL */
	CENTRAL_HELD_CHEQUE,   /* a live deposit's cheque whose payment was
	                          voided after its shift's close
	                          (store_central_held_rows; flag: the
	                          deposit was handed to the bank) */
};
struct central_row {
	enum central_row_type type;
	int kind; /* enum recon_kind */
	char on[11], rday[11];
	char ref[80], detail[80];
	int64_t expected, actual;
	char target[256];
	char terminal[33], account[64];
	char stmt_key[80]; /* a line's statement (its name is made of it) */
	int seq;           /* a line's number, 0 none */
	int64_t id;
	int flag;
	const char *text; /* lives until the callback returns */
};
/* A non-zero return stops the rows (-1: an error the callback set). */
typedef int (*central_row_cb)(const struct central_row *r, void *arg);
int store_central_exc_rows(struct store *st, enum central_row_type type,
    int64_t over_short, central_row_cb cb, void *arg, struct pd_err *err);
/* The rows of CENTRAL_HELD_CHEQUE, one per cheque of held (nheld, as
 * svc_cheques_held finds them) still in a live deposit, as the
 * terminal's exceptions make that kind (recon.c): amount_differs on the
 * deposit's day, ref SLIP:NUMBER, detail the payment's number, expected
 * the deposit less the cheque, actual the deposit, target "DEPOSIT-UUID
 * cheque:PAYMENT-UUID"; given to cb (s73 fault 1). */
struct cheque_held;
int store_central_held_rows(struct store *st, const struct cheque_held *held,
    size_t nheld, central_row_cb cb, void *arg, struct pd_err *err);
/* The days of account from..to (YYYY-MM-DD) with a deposit or a credit
 * (deposit.h, svc_recon_days), oldest first; exceptions left 0; free().
 * held (nheld; NULL, 0: none) the deposits' cheques of payments voided
 * since, as store_recon_exceptions_aged takes them: a deposit's day
 * expects it less those cheques, what the ledger backs (s72 fault 2). */
struct cheque_held;
struct recon_day *store_recon_days(struct store *st, const char *account,
    const char *from, const char *to, const struct cheque_held *held,
    size_t nheld, size_t *n, struct pd_err *err);
/* The bank accounts the deposits and the statements name, in order;
 * *n of them (review R20: the screens choose among them); free(). */
struct recon_account;
struct recon_account *store_recon_accounts(
    struct store *st, size_t *n, struct pd_err *err);
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
/* A bank transfer's match as the transfer rule found it: what its sync
 * record says of the line and its one payment, read with the pair (the
 * line_match it will be, less its statement's account and key, which
 * store_stmt_get gives by stmt, and its rule, matched_by and matched_at,
 * the caller's). About 100 bytes, where a line_match has 700: a
 * statement's 80,000 transfers held at once (issue 20's match, s71:
 * 2 x 56 MB of fresh pages, 0.4 s of page faults). */
struct transfer_match {
	int64_t line_id, stmt; /* the line and its statement */
	int seq;               /* the line's place in it */
	int64_t gross;         /* the payment's amount, minor units */
	char pay_terminal[17], pay_day[11], pay_uuid[37];
};
/* The pairs {payment id, line id} of bank transfers the transfer rule
 * matches (deposit.h); free(). *tm (free()) the transfer_match of each
 * pair, in the pairs' order. */
int64_t *store_transfer_match_pairs(struct store *st, int days, size_t *n,
    struct transfer_match **tm, struct pd_err *err);
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
	/* store_line_match's and store_match_row's only: a payout match's
	 * payout ("" none: gateway and code are its first payment's), and
	 * whether a supervisor made the match by hand (rule manual, or a
	 * note) */
	char payout[64];
	int by_hand;
};
/* Line line_id's place and match (PD_ENOTFOUND). */
int store_line_match(struct store *st, int64_t line_id, struct line_match *out,
    struct pd_err *err);
/* store_line_match of the line of each pair {first, line id}, in their
 * order, line_id set; *nout of them; free(). one: each line's match
 * took at most one payment (read without grouping them); 2: that
 * payment is the pair's first (a transfer's, read by its id). */
struct line_match *store_line_matches(struct store *st, const int64_t *pairs,
    size_t n, int one, size_t *nout, struct pd_err *err);
/* The credits of account (no reversal, no line an earlier statement had)
 * with an active match to what day expected (MATCH_DAY: a deposit of
 * that day, that day's transfers, card days, gateway payments), by
 * booking day, statement and line, each with its booking
 * day; recon_line's exc -1; free(). */
struct recon_line *store_recon_day_matches(struct store *st,
    const char *account, const char *day, size_t *n, struct pd_err *err);
/* *id: line seq of statement stmt, 0 when it has none; of a line that
 * duplicates another statement's (dup_of), that line: the bank's line as
 * this node keeps it, where a match or resolution of either copy counts
 * (review R20c). */
int store_stmt_line_id(struct store *st, int64_t stmt, int64_t seq, int64_t *id,
    struct pd_err *err);
/* *matched: whether gateway payment gw_id has an active match. */
int store_match_gw_active(
    struct store *st, int64_t gw_id, int *matched, struct pd_err *err);
/* A live deposit's cheque (deposit_cheques' id) that is the cheque of a
 * payment voided after its shift's close, by the close's rule (the
 * service's svc_cheques_held). */
struct cheque_held {
	int64_t cheque_id, payment_id;
};
/* The exceptions as of today (deposit.h), oldest first, those min_age
 * days old or older (all if min_age <= 0: the alert pass reads fewer
 * lines), a deposit holding a void payment's cheque by held (nheld);
 * free(). */
struct recon_exception *store_recon_exceptions_aged(struct store *st,
    const char *today, int overdue, int64_t over_short, int min_age,
    const struct cheque_held *held, size_t nheld, size_t *n,
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
/* An open shift of user_id at another terminal than terminal, as pulled
 * from the central node (the latest): 1 and *out, 0 none, -1 error. */
int store_shift_open_elsewhere(struct store *st, const char *terminal,
    int64_t user_id, struct shift *out, struct pd_err *err);
/* The drawer's open shift (open 1) or its latest closed one (open 0): 1
 * and *out, 0 none, -1 error. */
int store_shift_drawer(struct store *st, const char *terminal,
    const char *drawer, int open, struct shift *out, struct pd_err *err);
/* *seen: whether shift movement uuid is here. */
int store_shift_move_seen(
    struct store *st, const char *uuid, int *seen, struct pd_err *err);
/* The branch of terminal's shifts into out (n bytes): the one the
 * central node's directory gave with its records (terminal_branches,
 * store_terminal_branch_note), else the branch its payments carry (each
 * carries its terminal's [terminal] branch), else its cashier
 * cashier_id's (users.branch), else "" (not known here). Review R20b,
 * fault 10: a branch's supervisor deposits its drawers' cash in one
 * bag. */
int store_terminal_branch(struct store *st, const char *terminal,
    int64_t cashier_id, char *out, size_t n, struct pd_err *err);
/* Note that terminal (another one) is of branch, as a record pulled
 * from the central node says (migration 86): the branch of the rows it
 * made in every scope's list (row_scope.c), even before a payment of it
 * comes (helper-240 of issue 21). In the caller's transaction. */
int store_terminal_branch_note(struct store *st, const char *terminal,
    const char *branch, struct pd_err *err);
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
/* As store_shift_taken, of another terminal's shift uuid: the payments
 * and voids that name it (payment_shifts, void_shifts), whatever order
 * they reached this store in (a forced close, s72 fault d). */
struct shift_tender *store_shift_taken_named(
    struct store *st, const char *uuid, size_t *n, struct pd_err *err);
/* *takes: whether a void of payment_id made now at the shift's terminal
 * would be one of the shift's voids, as store_shift_taken reads them (a
 * cash payment's, whatever shift took it; another's, of this shift). */
int store_shift_voids_take(struct store *st, int64_t shift_id,
    int64_t payment_id, int *takes, struct pd_err *err);
/* The cheques of method a shift took, each number (any case) and amount
 * once with how many of it (n: its payments, as store_shift_taken reads
 * them, less the voids at its terminal in its time; only those where that
 * is not 0), by number; caller frees (NULL: err). The blind close lists
 * the cheques in the drawer against them (review s50, helper-216);
 * struct shift_cheque is shift.h's. */
struct shift_cheque *store_shift_cheques(struct store *st, int64_t shift_id,
    const char *method, size_t *n, struct pd_err *err);
/* Shifts newest first; cb returning non-zero stops. */
struct shift_query {
	int open_only;
	const char *from, *to; /* opened on these days; NULL */
	const char *cashier;   /* user name; NULL */
	const char *terminal;  /* this terminal's only; NULL: every one */
	int64_t limit;         /* 0: all */
	const struct row_scope *scope; /* issue 23; NULL: every one */
};
int store_shift_each(struct store *st, const struct shift_query *f,
    int (*cb)(const struct shift *, void *), void *arg, struct pd_err *err);
/* *found: whether the outbox holds the shift_open record of shift uuid
 * (a shift opened before shifts were synced has none). */
int store_shift_open_sent(
    struct store *st, const char *uuid, int *found, struct pd_err *err);

/* ---- Payment arrangements (issue 21; src/store/arrange*.c) ---- */
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
/* The disconnection list (store/reconnect.c): consumers whose open items
 * due on or before cutoff (YYYY-MM-DD) owe together at least min (minor
 * units), most owed first; *n rows. broken (NULL: none): a JSON array of
 * the ids of Broken arrangements, whose open installments count as due on
 * the oldest due date of the items each took over (review 21: a broken
 * plan protects no one; paydesk(1)). bare: the same rows with no
 * account, name, address or phone, in no order (what each owes, as the
 * reconnection list reads it). */
struct overdue_row *store_overdue(struct store *st, const char *cutoff,
    int64_t min, const char *broken, int bare, size_t *n, struct pd_err *err);
/* Of rows r (n, of store_overdue for cutoff) whose consumer ids are in
 * the JSON array kept (consumers keeping an arrangement): each one's
 * overdue, items and oldest_due less what is on arrangements'
 * installments due on or before cutoff (a plan kept protects the debt it
 * holds, not its consumer's other debt: review R21d,
 * r21d_partial_plan_shield), one statement for all of them. inst: the
 * JSON array of the ids of those installments, of every arrangement not
 * cancelled of the consumers kept (those open and due on or before
 * cutoff suffice), as the service read them with their compliance. */
int store_overdue_outside(struct store *st, const char *cutoff,
    const char *kept, const char *inst, struct overdue_row *r, size_t n,
    struct pd_err *err);
/* The consumers with an arrangement not cancelled that still owes on its
 * installments, by id; *n of them, the caller frees (NULL: err). */
int64_t *store_plan_owers(struct store *st, size_t *n, struct pd_err *err);
/* The arrangements of consumer_id (0: all) made at the terminals of sc
 * (NULL: all; issue 23), newest first (by creation time, then plan
 * number: the same order at every terminal); not one whose create the
 * central node refused (undone here: never the organisation's). */
struct arrangement *store_arr_list(struct store *st, int64_t consumer_id,
    const struct row_scope *sc, size_t *n, struct pd_err *err);
/* What the arrangement rules' pass before saw (alerts.c): the highest
 * allocation, credit application, arrangement move, event and
 * arrangement ids. */
struct plan_mark {
	int64_t allocs, credits, moves, events, arrs;
};
/* The mark a pass leaves: the highest ids now (the caller's
 * transaction). */
void store_plan_mark_top(struct store *st, struct plan_mark *top);
/* The arrangements whose alerts may have changed since the pass before
 * (issue 21's daily pass, which read every plan): an open installment
 * due from `from` (less the most grace days a plan gives) to until, and
 * those whose installments were paid, credited or moved, or which had
 * an event or were made, since mark; newest first. */
struct arrangement *store_arr_list_touched(struct store *st,
    const char *from, const char *until, const struct plan_mark *mark,
    size_t *n, struct pd_err *err);
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
/* The day (YYYY-MM-DD) installment item_id came to be: the day of the
 * change of its plan that made it ("" not an arrangement's: a bill, a
 * service, an imported installment). */
int store_item_made_on(
    struct store *st, int64_t item_id, char day[11], struct pd_err *err);
/* Move amount of item item_id's debt into a plan (> 0: the item is
 * settled by it and, with arr_id, marked under that arrangement's plan)
 * or back (< 0: unsettled; the mark goes when nothing stays held). An
 * installment closed by its own plan passes arr_id 0 (no mark). Refused
 * by the store's CHECKs when it settles more than the item's amount or
 * below 0. */
int store_arr_move(struct store *st, int64_t event_id, int64_t item_id,
    int64_t amount, int64_t arr_id, struct pd_err *err);
/* The installments of arrangement arr_id in number order (arrange.h),
 * not those a refused reschedule made (numberless, arrange_undo.c);
 * caller frees. */
struct arr_item *store_arr_items(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err);
/* The installments of every arrangement not cancelled of the consumers
 * the JSON array of ids among names (NULL: of every consumer), with
 * each one's terms, by consumer, arrangement and number: one statement.
 * Of each item only what compliance reads: amount, settled, due_on,
 * moved, absorbed, paid_on. */
struct arr_item_of *store_arr_items_overdue(
    struct store *st, const char *among, size_t *n, struct pd_err *err);
/* As store_arr_items_overdue, of the consumers with an arrangement not
 * cancelled that has an installment open due after cutoff (every one of
 * their plans: the disconnection list's, svc_kept_open). */
struct arr_item_of *store_arr_items_open(
    struct store *st, const char *cutoff, size_t *n, struct pd_err *err);
/* The items whose debt arrangement arr_id holds (net of what it gave
 * back), in the order it took them (arrange.h); caller frees. */
struct arr_hold *store_arr_holds(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err);

/* Mark item item_id as an installment made by event event_id. */
int store_arr_installment(
    struct store *st, int64_t item_id, int64_t event_id, struct pd_err *err);
/* Where event event_id stands in arrangement arr_id: *later, how many
 * events came after it here; *prev_payload (to free; NULL: none), the
 * outbox record of the event before it if this terminal made it (its
 * terms as they were then). */
int store_arr_event_place(struct store *st, int64_t arr_id, int64_t event_id,
    int64_t *later, char **prev_payload, struct pd_err *err);
/* *undone: installment item_id was made by an event of this terminal
 * that the central node refused (closed by it again, arrange_undo.c). */
int store_arr_item_undone(
    struct store *st, int64_t item_id, int *undone, struct pd_err *err);
/* The arrangement of id (PD_ENOTFOUND). */
int store_arr_by_id(struct store *st, int64_t id, struct arrangement *a,
    struct pd_err *err);
/* Event event_id, or with event_id 0 the event of uuid: 0 found, 1 none,
 * -1 err. */
int store_arr_event_read(struct store *st, int64_t event_id, const char *uuid,
    struct arr_event_row *e, struct pd_err *err);
/* The events of arrangement arr_id by their time, then as recorded here
 * (the same order at every terminal: create, reschedule, cancel; who,
 * when, where, why, undone); *n of
 * them, the caller frees (NULL: err). */
struct arr_event_row *store_arr_events(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err);
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
/* The event that made installment item_id (*event_id, 0: none) and what
 * that event closed of it itself, net (*absorbed). */
int store_arr_own_absorbed(struct store *st, int64_t item_id, int64_t *event_id,
    int64_t *absorbed, struct pd_err *err);
int store_arr_item_moved(struct store *st, int64_t item_id, int64_t *moved,
    int64_t *event_id, int64_t *arr_id, struct pd_err *err);
/* The latest event other than except_ev that holds some of item
 * item_id's debt, net (*event_id, 0: none; *held, minor units) and its
 * arrangement (*arr_id): where an event's absorption reopens the item
 * from (a later event of its plan; the event itself never). */
int store_arr_item_holder(struct store *st, int64_t item_id, int64_t except_ev,
    int64_t *event_id, int64_t *held, int64_t *arr_id, struct pd_err *err);
/* The cancel event of arrangement arr_id (*event_id 0: not cancelled). */
int store_arr_cancel_event(
    struct store *st, int64_t arr_id, int64_t *event_id, struct pd_err *err);
/* The latest event that closed some of installment item_id, other than
 * the one that made it (*event_id, 0: none: only payments closed it,
 * or nothing did): a reschedule or cancel of its plan that a change of
 * the same installments came after (review R21b, fault 1). */
int store_arr_item_closer(
    struct store *st, int64_t item_id, int64_t *event_id, struct pd_err *err);
/* Installments of refused event event_id (arrange_undo.c) put out of
 * the plan's numbering: reference REF~TAG (tag: 12 characters), no
 * number, so that the central node's installments of the same numbers
 * can be pulled here; closed, they are no more listed with the plan
 * (store_arr_items), which then shows as the central node's (review
 * R21b, fault 1). */
int store_arr_retire_items(
    struct store *st, int64_t event_id, const char *tag, struct pd_err *err);

#endif
