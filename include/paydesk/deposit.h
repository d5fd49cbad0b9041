/* deposit.h - bank deposits of closed shifts' cash and cheques, and their
 * matching against imported bank statements (issue 20, "Deposits" and
 * "Reconciliation"; design s29/design20.md, section Deposits).
 *
 * A supervisor gathers what closed shifts left to deposit into one
 * deposit with a bank account, a slip (bag) number, the day it is handed
 * to the bank and an amount per shift and tender. What a shift leaves to
 * deposit per tender: its cash counted at the close less the float kept
 * for the next shift, and its cheques counted (a cheque method, Name:cheque
 * in [payments] methods), each taken by its number, whole, in at most one
 * deposit that is not void; card slips are settled by the card processor,
 * not deposited. A deposit of less than that leaves the rest "to
 * deposit"; a void gives it back.
 *
 * Money is int64_t minor units of the organisation's currency. Each
 * writing call is one store transaction with its audit entry and outbox
 * record (kind "deposit", op create, hand or void). Errors (err.h): PD_EUSAGE
 * for a malformed argument, PD_EINVAL for amounts or shifts the rules
 * refuse, PD_ENOTFOUND for an unknown deposit, shift or statement line,
 * PD_EPERM for a role below supervisor, PD_ESTORE when the store failed.
 *
 * Included by service.h: front ends include service.h only.
 */
#ifndef PAYDESK_DEPOSIT_H
#define PAYDESK_DEPOSIT_H
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "model.h"
#include "shift.h"

struct svc;

#define DEPOSIT_SLIP_BUFSZ 33    /* a slip or bag number, 1-32 characters */
#define DEPOSIT_ACCOUNT_BUFSZ 35 /* an IBAN or account number, 1-34 */
#define DEPOSIT_NOTE_BUFSZ 257   /* a void reason or a match note */
/* Shift lines one deposit may carry. */
#define DEPOSIT_LINES_MAX 200

/* One shift's tender in a deposit. */
struct deposit_line {
	char shift_uuid[37];
	char z_no[SHIFT_NO_BUFSZ]; /* the shift's Z number ("" unknown) */
	char method[SHIFT_METHOD_BUFSZ];
	int64_t amount; /* > 0, minor units */
};

/* One cheque a deposit takes (issue 20: cheques are deposited by
 * number), as its shift's close counted it: the shift, its cashier, the
 * cheque method, number and amount; and the deposit that is not void
 * holding it ("" none), where it is read for a deposit to be made. */
#define DEPOSIT_CHEQUES_MAX 1000 /* cheques one deposit may carry */
struct deposit_cheque {
	char shift_uuid[37];
	char z_no[SHIFT_NO_BUFSZ];
	char cashier[SHIFT_USER_BUFSZ];
	char closed_at[TS_BUFSZ];
	char terminal[17];
	char method[SHIFT_METHOD_BUFSZ];
	char number[SHIFT_REF_BUFSZ];
	int64_t amount; /* > 0, minor units */
	char in_slip[DEPOSIT_SLIP_BUFSZ]; /* the live deposit that has it */
	char in_on[11];                   /* that deposit's day */
	int64_t shift_id;                 /* the store's; 0 from a record */
	int64_t count_id; /* the close's count line (this store's); 0 from
	                     a record or a deposit's list */
	int released;     /* given back: its payment voided after the close,
	                     the cheque in no deposit (not to deposit); 2:
	                     by a payment's taken with no number (issue 20,
	                     the close's rule: deposit_cheque.c) */
	int64_t dep_cheque_id; /* the live deposit's row of it (this store's
	                          deposit_cheques); 0 none */
};

/* A deposit as stored. status is derived: "void" once voided, "matched"
 * when a statement credit line is matched to it, "handed" once handed to
 * the bank (deposit hand), else "prepared" (its slip printable, not yet
 * the bank's: matched to nothing, expected nowhere). */
struct deposit {
	int64_t id;
	char uuid[37];
	char slip_no[DEPOSIT_SLIP_BUFSZ];
	char account[DEPOSIT_ACCOUNT_BUFSZ];
	char deposited_on[11]; /* YYYY-MM-DD: the deposit's day, as made */
	int64_t amount;        /* the lines' total, > 0 */
	char created_at[TS_BUFSZ];
	char created_by[SHIFT_USER_BUFSZ];
	char terminal[17];
	char voided_at[TS_BUFSZ]; /* "" unless voided */
	char voided_by[SHIFT_USER_BUFSZ];
	char void_reason[DEPOSIT_NOTE_BUFSZ];
	char handed_at[TS_BUFSZ]; /* "" while prepared */
	char handed_by[SHIFT_USER_BUFSZ];
	const char *status; /* "prepared", "handed", "matched", "void"
	                       (static) */
	/* the statement credit matched to it (0: none) */
	int64_t line_id;
	int64_t line_stmt; /* that line's statement and place in it */
	char line_name[STMT_NAME_BUFSZ]; /* that statement's name */
	int line_seq;
	int64_t credited; /* that line's amount; 0 once the bank took it
	                     back (review s50, helper-217: as the exceptions
	                     and the reconciliation's days say) */
	char credited_on[11];
	char rule[8]; /* "auto" or "manual" */
	char match_note[DEPOSIT_NOTE_BUFSZ];
};

/* The rules of a deposit's words (core, no I/O): a slip number or account
 * is 1 to size-1 printable characters without spaces, slashes or
 * control characters (a slip names its document's file); PD_EUSAGE
 * naming what (a translated label). */
int deposit_word_check(const char *what, const char *v, size_t size,
    struct pd_err *err);

/* Whether text holds word (a slip number, a gateway payment's code) as a
 * whole: without regard to ASCII case, and neither letter nor digit just
 * before or after it, so that slip 12 is not found in "INVOICE 5120"
 * (the automatic matching rule, issue 20 "Reconciliation"). "" is never
 * found. */
int deposit_ref_has(const char *text, const char *word);

/* A bank statement's name (review R20, fault 20): the same at every
 * terminal and at the central node, for it is made of what every store
 * knows the statement by, its account and key (the bank's statement id,
 * or the hash of its lines), and not of the order a store received it
 * in. A letter and seven letters or digits of Crockford's base 32 (no I,
 * L, O, U), taken from the SHA-256 of "ACCOUNT/KEY" as sync records carry
 * it (utf8_printable): "K7QM2X4B". A line is NAME:LINE. STMT_NAME_LEN,
 * STMT_NAME_BUFSZ: model.h. */
void stmt_name(const char *account, const char *key, char *out);
/* stmt_name of "ACCOUNT/KEY" given whole (a resolution's target names a
 * line as ACCOUNT/KEY#LINE). */
void stmt_name_of(const char *account_key, char *out);
/* Whether text (n bytes) is a statement name as stmt_name writes it, in
 * any case, with 0/1 typed for O and I or L; if so, its canonical form
 * into out (STMT_NAME_BUFSZ). */
int stmt_name_read(const char *text, size_t n, char *out);
/* The line an exception's target names (ACCOUNT/KEY#LINE, after the
 * deposit's uuid or the voided payments' "void:N:UUID" of an amount that
 * differs) as NAME:LINE into out; 0 if it names one, -1 if not. */
int recon_target_line_ref(const char *target, char *out, size_t size);

/* The runs of letters and digits of a text, for finding the words of
 * many texts in many others without trying each against each (the
 * reconciliation's exceptions, store/recon_twice.c): where text holds
 * word (deposit_ref_has), each run of word's is a whole run of text's,
 * in capitals the same. deposit_run: the next run at or after *p, its
 * length in *len, *p past it; NULL at the end. deposit_word_key: word's
 * longest run (the last of the longest) in capitals into out, its
 * length; 0 ("") when word has none or it does not fit in size. */
const char *deposit_run(const char **p, size_t *len);
size_t deposit_word_key(const char *word, char *out, size_t size);

/* ---- use cases (src/service/deposit.c) ---- */

/* Part of a deposit: a shift (Z number or uuid) and, optionally, one
 * tender and an amount of it; method NULL: everything the shift has left
 * to deposit of every tender. */
struct deposit_part {
	const char *shift;
	const char *method; /* NULL: every depositable tender */
	int64_t amount;     /* with method: > 0, at most what is left */
};
struct deposit_request {
	const char *account; /* NULL: [deposits] account */
	const char *slip_no;
	const char *date; /* YYYY-MM-DD, NULL: today; not in the future */
	const struct deposit_part *parts;
	size_t nparts;
	/* cheques by number (issue 20), each "NUMBER" or, for a number
	 * counted in more than one shift, "SHIFT:NUMBER" (Z number or
	 * uuid): one, several or all of a shift's, of several shifts */
	const char *const *cheques;
	size_t ncheques;
};
/* Record a deposit (supervisor): the lines, its cheques, audit and
 * outbox in one transaction. A shift named alone takes every cheque of
 * it not in a deposit that is not void; SHIFT:METHOD=AMOUNT of a cheque
 * method all of them (AMOUNT their total); a cheque named takes itself,
 * its line the total of the cheques of its shift. Refused: a shift open,
 * unknown or of nothing left to deposit, an amount above what is left,
 * a slip number already used by another deposit that is not void; a
 * cheque no closed shift counted (PD_ENOTFOUND), one of an open shift,
 * another terminal's or in a deposit that is not void (PD_EINVAL), one
 * named twice or a number of two shifts not named SHIFT:NUMBER
 * (PD_EUSAGE). *out gets the deposit; free the lines with free(*lines)
 * when lines is not NULL. */
/* svc_deposit_create's every check of r, writing nothing: 0 when it
 * would record the deposit now, else -1 with its refusal (the screen's
 * check before it asks to confirm). */
int svc_deposit_check(
    struct svc *s, const struct deposit_request *r, struct pd_err *err);
int svc_deposit_create(struct svc *s, const struct deposit_request *r,
    struct deposit *out, struct deposit_line **lines, size_t *nlines,
    struct pd_err *err);
/* Mark deposit key (slip number or uuid) handed to the bank
 * (supervisor), now, by the user signed in: audited, with its sync
 * record (op hand), one transaction. Only a handed deposit is matched to
 * a statement credit, and "not credited after N days" counts from the
 * day it was handed. Refused: PD_EPERM below supervisor, PD_ENOTFOUND
 * for no such deposit, PD_EINVAL for one void or another terminal's,
 * PD_EHANDED for one handed already. */
int svc_deposit_hand(
    struct svc *s, const char *key, struct deposit *out, struct pd_err *err);
/* Void a deposit (supervisor) with a reason: its shifts' cash and its
 * cheques are to deposit again. A matched deposit is unmatched first
 * (refused); a handed one is the bank's and is never voided (PD_EHANDED:
 * what the bank credits otherwise is an exception resolved by hand). */
int svc_deposit_void(struct svc *s, const char *key, const char *reason,
    struct deposit *out, struct pd_err *err);
/* The deposit with slip number or uuid key (a slip reused after a void:
 * the deposit that is not void), and its lines (free(*lines)). */
int svc_deposit_show(struct svc *s, const char *key, struct deposit *out,
    struct deposit_line **lines, size_t *nlines, struct pd_err *err);
/* Deposit dep's cheques by number, in the order taken (none for a
 * deposit of cash alone); free() the array. */
/* What payment number's void did to its cheque (review R20, fault 6),
 * said into buf: a cheque its shift's close counted, not deposited, is
 * given back (not to deposit; the shift's over or short stands, as the
 * cheque was counted); one in a deposit already is a cheque of a void
 * payment the bank holds. 1 when said, 0 when there is nothing to say
 * (not a cheque, no close counted it), -1 on error. */
int svc_void_cheque_note(struct svc *s, const char *number, char *buf,
    size_t n, struct pd_err *err);
struct deposit_cheque *svc_deposit_cheques(struct svc *s,
    const struct deposit *dep, size_t *n, struct pd_err *err);
/* The matches of deposit dep undone, as made (who unmatched each, when
 * and why); free() the array, NULL on error. */
struct past_match *svc_deposit_past_matches(
    struct svc *s, const struct deposit *dep, size_t *n, struct pd_err *err);
/* Every deposit, newest first (supervisor); free() the array. */
struct deposit *svc_deposit_list(struct svc *s, size_t *n, struct pd_err *err);

/* What one closed shift has left to deposit of one tender. */
struct deposit_pending {
	char shift_uuid[37];
	char z_no[SHIFT_NO_BUFSZ];
	char closed_at[TS_BUFSZ];
	char cashier[SHIFT_USER_BUFSZ];
	char method[SHIFT_METHOD_BUFSZ];
	int64_t available; /* cash counted - float kept; cheques counted */
	int64_t deposited; /* in deposits that are not void */
	int64_t left;      /* available - deposited */
	char cheque[SHIFT_REF_BUFSZ]; /* a cheque's number, "" a tender's */
	int64_t age;                  /* days since the shift closed */
	/* 1: one cheque's row, its number cheque, or "" for one the close
	 * listed with no number (s72 h11 fault 1); 0: a tender's */
	int is_cheque;
};
/* Each closed shift of the branch's drawers (this terminal's and those of
 * its branch's other terminals pulled: a deposit is made at branch level)
 * with something left to deposit, its tenders, a cheque
 * method's as one row per cheque not deposited (its number, its amount
 * left), oldest first (supervisor); free() the array. */
struct deposit_pending *svc_deposit_pending(
    struct svc *s, size_t *n, struct pd_err *err);

/* The deposit slip of deposit key (slip number or uuid): the account,
 * the day, each shift's lines and the totals per tender, PDF on
 * [receipts] paper or text, in the organisation's language (supervisor).
 * The first written is the original, every later one is marked COPY
 * (logged like receipts); a void deposit's slip says VOID. */
struct doc_request;
struct doc_result;
int svc_deposit_slip_issue(struct svc *s, const char *key,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err);

/* ---- matching against bank statements ---- */

/* How many credits each rule matched. */
struct match_counts {
	int deposits; /* rule "auto" */
	int gateway;  /* rule "gateway" */
	int transfer; /* rule "transfer" */
	int card;     /* rule "card" */
	int differs;  /* rule "auto", its second pass: a credit of another
	                 amount (an exception, amount_differs) */
	int payout;   /* rule "payout" (each a credit for a payout's
	                 payments, however many) */
	int payout_differs; /* of them, of another amount (amount_differs) */
};
/* Match statement credit lines automatically by the rules of issue 20
 * ("Reconciliation"), each match naming its rule, in this order (a line
 * one rule took is gone for the next), each one to one (where a target
 * has exactly one such line and the line exactly one such target):
 * - auto: a deposit to a credit of its account and amount, booked from
 *   the deposit's day to [deposits] match_days after it, whose reference
 *   holds the slip number as a whole word (deposit_ref_has);
 * - gateway: a settled gateway payment to a credit of its amount less
 *   its fee, booked from the day it settled to match_days after, whose
 *   reference holds its code;
 * - payout: the settled gateway payments of one payout (the settlement
 *   file's payout column), none matched yet, to a credit of their amounts
 *   less their fees, exactly, booked from the payout's last settle day to
 *   match_days after, whose reference holds the payout id; all of them
 *   in one match;
 * - transfer: a posted bank transfer payment (a method of kind bank) to
 *   a credit of its amount booked within match_days of its day either
 *   way, whose reference holds the payment's reference or its number;
 * - card: a terminal's posted card payments of one day, not matched yet,
 *   to a credit of their total less at most [reconciliation]
 *   card_fee_tolerance hundredths of a percent of it (the processor's
 *   fee), booked from that day to match_days after, whose reference
 *   names the terminal;
 * - auto again, last: a deposit no rule took to a credit no rule took,
 *   of its account, booked from its day to match_days after, whose
 *   reference holds its slip number, of another amount (the bank
 *   counted the bag otherwise), one to one: listed as amount_differs
 *   (review R20b, fault 8);
 * - payout again, last: a payout no rule took to a free credit naming
 *   it, of another amount: listed as amount_differs.
 * Of two credits that fit one deposit, gateway payment or payout, the
 * first booked is matched (the other is matched_twice).
 * Transfer and card matches are not sync records yet (the record names a
 * deposit or a gateway payment). One transaction, audited. */
int svc_deposit_match_auto(
    struct svc *s, struct match_counts *out, struct pd_err *err);
/* Match deposit key to statement line "STATEMENT:LINE" by hand (rule
 * "manual") with a note; the line a credit of the deposit's account, not
 * matched already. The amounts may differ (an exception then). */
int svc_deposit_match(struct svc *s, const char *key, const char *line,
    const char *note, struct deposit *out, struct pd_err *err);
/* A card settlement's or a bank transfer's match taken back by hand. */
struct recon_unmatch {
	int64_t stmt;
	char name[STMT_NAME_BUFSZ]; /* stmt's, as every store names it */
	int seq;
	int64_t amount;    /* the credit's */
	char rule[12];     /* the match's: card or transfer */
	int64_t npayments; /* the payments it had taken, freed */
	int64_t gross;     /* their total */
	/* svc_line_match's: the payments taken, its note and time */
	char note[DEPOSIT_NOTE_BUFSZ];
	char at[TS_BUFSZ];
};
/* Take back the match of statement line "STATEMENT:LINE" (a card
 * settlement's or a bank transfer's; a deposit's goes by deposit
 * unmatch) with a note (supervisor): its payments are free to match
 * again, the line is a credit nobody expected until it is; audited, a
 * sync record, one transaction. PD_EUSAGE for a bad line or note,
 * PD_ENOTFOUND for no such line, PD_EINVAL for a line not matched, a
 * deposit's or a gateway payment's. */
int svc_line_unmatch(struct svc *s, const char *line, const char *note,
    struct recon_unmatch *out, struct pd_err *err);
/* Match statement line "STATEMENT:LINE" by hand (supervisor) with a
 * note: to bank transfer payment (its number; a posted bank payment no
 * match took, of the credit's amount) or to card "TERMINAL:YYYY-MM-DD"
 * (the terminal's posted card payments of that day no match took, their
 * total less a fee of at most 20% the credit), to gateway payment
 * "GATEWAY:CODE" (settled, not matched, its amount less its fee the
 * credit; rule gateway) or to payout "GATEWAY:PAYOUT" (all its settled
 * payments, none matched; another amount is an amount_differs; rule
 * payout), one of the four; the match is of its rule with the note, audited, a
 * sync record, one transaction. PD_EUSAGE for a bad line, note, --card or
 * neither or both, PD_ENOTFOUND for no such line or payment, PD_EINVAL for a
 * line not a free credit or a payment or day that does not fit. */
int svc_line_match(struct svc *s, const char *line, const char *payment,
    const char *card, const char *gateway, const char *payout, const char *note,
    struct recon_unmatch *out, struct pd_err *err);
/* Take a deposit's match back, with a note. */
int svc_deposit_unmatch(struct svc *s, const char *key, const char *note,
    struct deposit *out, struct pd_err *err);

/* What the exceptions list holds (the stored words, translated where
 * they are shown). Append only: the numbers are in the store's query. */
enum recon_kind {
	RECON_NOT_CREDITED, /* a deposit with no credit after overdue_days */
	RECON_UNEXPECTED,   /* a statement credit matched to nothing */
	RECON_DIFFERS,      /* a matched credit of another amount */
	RECON_OVER_SHORT,   /* a closed shift's tender over or short beyond
	                       [deposits] over_short_above */
	RECON_TWICE,        /* a second credit naming a deposit that is
	                       credited already (the bank booked it twice) */
	RECON_KINDS
};
/* "not_credited", "unexpected_credit", "amount_differs", "over_short",
 * "matched_twice". */
const char *recon_kind_name(enum recon_kind k);
/* KIND:REFERENCE:DETAIL#N at the most (17 + 79 + 79 + 3 + 8) */
#define RECON_KEY_BUFSZ 192
struct recon_exception {
	enum recon_kind kind;
	int64_t age;      /* days since the deposit, credit or close */
	char on[11];      /* that day */
	char ref[80];     /* slip number, "STATEMENT:LINE" or Z number */
	char detail[80];  /* account, the tender, the line's reference */
	int64_t expected; /* deposit amount; shift: expected */
	int64_t actual;   /* credited amount; shift: counted */
	int64_t difference; /* actual - expected */
	/* what it is about, as every store names it: a deposit's uuid, a
	 * statement line as ACCOUNT/STATEMENT-KEY#LINE, both for an amount
	 * that differs, a shift's uuid/TENDER */
	char target[256];
	/* how a person names it: KIND:REFERENCE (over_short:
	 * KIND:Z-NUMBER:TENDER), recon_key; KIND:REFERENCE:DETAIL where
	 * another open exception has its KIND:REFERENCE, recon_keys_apart */
	char key[RECON_KEY_BUFSZ];
	/* the day the reconciliation by day shows it on (svc_recon_days):
	 * a matched credit's, the day of what it matched (the deposit's);
	 * else on */
	char rday[11];
};
/* e's key into out (core, no I/O): the kind's stored word, ':', the
 * reference, and for over_short ':' and the tender. */
void recon_key(const struct recon_exception *e, char *out, size_t size);
/* e's long key into out (core, no I/O): KIND:REFERENCE:DETAIL for every
 * kind (an over_short's key is that already). */
void recon_key_long(const struct recon_exception *e, char *out, size_t size);
/* The keys of v (n, keys made by recon_key) told apart (core, no I/O):
 * the exceptions whose key another of a different target shares (two
 * cheques of one number, or listed with none, in one deposit: both
 * amount_differs:SLIP:NUMBER) are named by their long key
 * (recon_key_long); those that still share it (their detail alike too)
 * by that and "#N", N their place among the targets sharing it in v's
 * order, from 1. Exceptions of one target keep one key: resolving one
 * resolves the others. Keys are compared without regard to ASCII case,
 * as reconcile resolve names them. */
void recon_keys_apart(struct recon_exception *v, size_t n);
/* The open exceptions as of today, oldest first (supervisor): those
 * resolved by hand are left out; free(). */
struct recon_exception *svc_recon_exceptions(
    struct svc *s, size_t *n, struct pd_err *err);

/* An exception resolved by hand (issue 20, "Exceptions"): what it showed
 * when it was resolved, the note, who, when and where. */
struct recon_resolution {
	char uuid[37];
	struct recon_exception e; /* age, amounts as they were then */
	char note[DEPOSIT_NOTE_BUFSZ];
	char at[TS_BUFSZ];
	char by[SHIFT_USER_BUFSZ];
	char terminal[17];
};
/* Resolve the open exception key (KIND:REFERENCE as listed; the kind in
 * English or in the organisation's language) with a note (supervisor):
 * it leaves the open list and is kept in the history, audited, in one
 * transaction. PD_EUSAGE for a note empty or too long, PD_ENOTFOUND for
 * no open exception of that key, PD_EINVAL for one resolved already
 * (naming who and when). *out gets the resolution. */
/* What svc_recon_resolve says of note, 0 when it takes it: required,
 * not blank (the form asks it, helper-261, fault 6). */
int svc_recon_check_note(const char *note, struct pd_err *err);
int svc_recon_resolve(struct svc *s, const char *key, const char *note,
    struct recon_resolution *out, struct pd_err *err);
/* The exceptions resolved by hand, newest first (supervisor); free(). */
struct recon_resolution *svc_recon_resolved(
    struct svc *s, size_t *n, struct pd_err *err);

/* The reconciliation of one bank account on one day (issue 20, "a
 * reconciliation screen per bank account and day"). */
struct recon_day {
	char day[11];
	int64_t expected;   /* deposits handed to the bank that day, and
	                       what the ledger held of the credits matched
	                       to that day's gateway payments, transfers and
	                       card days (MATCH_EXPECTED, store/internal.h) */
	int deposits;       /* how many */
	int64_t credited;   /* the statements' credits, each once (no
	                       reversal, no line an earlier statement had):
	                       one matched on the day of what it matched
	                       (a bag credited next day on the bag's day,
	                       MATCH_DAY), one unmatched on its booking day */
	int credits;        /* how many */
	int64_t matched;    /* of those, matched by a rule or by hand */
	int64_t difference; /* credited - expected: what is unmatched, or
	                       matched for another amount */
	int exceptions;     /* open exceptions of the account shown on that
	                       day (recon_exception's rday) */
};
/* The days of account (NULL: [deposits] account) from..to (YYYY-MM-DD;
 * NULL: from the first, to today) that have a deposit or a credit,
 * oldest first (supervisor); free(). PD_EUSAGE: no account given nor
 * configured; PD_EINVAL: from after to; PD_ENOTFOUND: no deposit or
 * statement names the account. */
struct recon_day *svc_recon_days(struct svc *s, const char *account,
    const char *from, const char *to, size_t *n, struct pd_err *err);
/* A row of one day of the account (svc_recon_day, the Reconciliation
 * screen's Enter): an exception shown on that day, or a credit matched
 * to what that day expected (booked that day or later). */
struct recon_line {
	int exc;          /* the exception's index in svc_recon_day's, or -1 */
	char kind[20];    /* the exception's kind, or "matched" */
	char ref[80];     /* STATEMENT:LINE, slip or Z number */
	int64_t amount;   /* the credit's (an exception's actual, or expected) */
	char rule[12];    /* the match's rule */
	int by_hand;      /* the match made by hand (statement show's By
	                     hand) */
	char booked[11];  /* a matched credit's booking day (the row is
	                     listed on the day of what it matched) */
	char to[80];      /* what it is matched to: slip, gateway code, payment
	                     number, TERMINAL DAY (N payments) */
	char by[33];      /* who matched it */
	char note[DEPOSIT_NOTE_BUFSZ]; /* the match's note */
	char detail[80]; /* an exception's detail, as the exceptions list
	                    has it (s74 fault 2: it was in Note) */
};
/* Day (YYYY-MM-DD) of account (NULL or "": [deposits] account; supervisor): its
 * exceptions open (*exc, *nexc, as svc_recon_exceptions lists them) and its
 * rows, the exceptions first, then the credits matched to what that day
 * expected (MATCH_DAY) with their active match and booking day; free()
 * both. */
struct recon_line *svc_recon_day(struct svc *s, const char *account,
    const char *day, struct recon_exception **exc, size_t *nexc, size_t *n,
    struct pd_err *err);
/* The bank accounts the deposits and statements name (supervisor), in
 * order, but [deposits] account first when set (named or not); free(). */
struct recon_account {
	char account[DEPOSIT_ACCOUNT_BUFSZ];
};
struct recon_account *svc_recon_accounts(
    struct svc *s, size_t *n, struct pd_err *err);
/* A day's row as the cells of LIST_RECON_DAY. */
struct xcell;
void svc_recon_line_cells(const struct recon_line *l, struct xcell *c);
/* A day as the cells of LIST_RECON. */
struct xcell;
void svc_recon_day_cells(const struct recon_day *d, struct xcell *c);
/* Export the days as svc_recon_days lists them (export.h's job). */
struct export_job;
int svc_export_recon(struct svc *s, const char *account, const char *from,
    const char *to, const struct export_job *j, int64_t *rows,
    struct pd_err *err);
/* An exception as the cells of LIST_EXCEPTIONS. */
void svc_recon_exception_cells(
    const struct recon_exception *e, struct xcell *c);
/* Export the open exceptions as svc_recon_exceptions lists them. */
int svc_export_exceptions(struct svc *s, const struct export_job *j,
    int64_t *rows, struct pd_err *err);

#endif
