/* shift.h - cash shifts (issue 20; design s29/design20.md): a cashier's
 * shift at one terminal's drawer, from the opening float counted by
 * denomination, through pay-ins, pay-outs and safe drops, the X report
 * (expected so far, nothing counted), to the blind close: the cashier
 * counts cash by denomination, card slips and cheques without seeing what
 * is expected; the close then gives over/short per tender and a Z number
 * per terminal with no gaps.
 *
 * Money is int64_t minor units of the organisation's currency everywhere.
 * Timestamps are "YYYY-MM-DD HH:MM:SS" local (model.h). Each writing call
 * is one store transaction with its audit entry and outbox record (kinds
 * shift_open, shift_movement, shift_close). Errors (err.h): PD_EINVAL for
 * bad counts, amounts, reasons; PD_ENOTFOUND for an unknown shift or user;
 * PD_EPERM for a missing or wrong supervisor sign-off or role; PD_ESHIFT
 * when the call needs an open shift and there is none (or one is open
 * already); PD_ESTORE when the store failed.
 *
 * Included by service.h: front ends include service.h only.
 */
#ifndef PAYDESK_SHIFT_H
#define PAYDESK_SHIFT_H
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "model.h"

struct svc;
struct pay_method; /* config.h */

/* Room for a cheque number or card-slip reference, a reason, a user name
 * and a Z number (with the terminating NUL). */
#define SHIFT_REF_BUFSZ 33
#define SHIFT_REASON_BUFSZ 257
#define SHIFT_UNMATCHED_BUFSZ 400
#define SHIFT_USER_BUFSZ 33
#define SHIFT_NO_BUFSZ 64
/* A method's name: config.h's CFG_NAME_MAX (asserted in the service).
 * The records and the rules below are core's (src/core/shift.c), so
 * that the store and sync can hold them; the svc_shift_* use cases are
 * the service's (src/service/shift.c). */
#define SHIFT_METHOD_BUFSZ 48

enum shift_status { SHIFT_OPEN, SHIFT_CLOSED };
/* "open", "closed". */
const char *shift_status_name(enum shift_status s);

/* What one count line is: notes/coins of one denomination (cash), one
 * card slip, one cheque, or a total typed for a method without detail. */
enum shift_count_kind {
	SHIFT_COUNT_DENOM,
	SHIFT_COUNT_SLIP,
	SHIFT_COUNT_CHEQUE,
	SHIFT_COUNT_TOTAL
};
/* "denomination", "slip", "cheque", "total" (as stored and synced). */
const char *shift_count_kind_name(enum shift_count_kind k);

/* One line of a count (opening float or close). */
struct shift_count {
	char method[SHIFT_METHOD_BUFSZ]; /* a configured method name ("Cash") */
	enum shift_count_kind kind;
	int64_t denomination; /* DENOM: one of [shifts] denominations (minor
	                         units); 0 for the other kinds */
	int64_t qty;          /* DENOM: how many (>= 0); SLIP: how many slips
	                         the amount is the total of (1 to
	                         SHIFT_SLIPS_MAX; 0 is taken as 1); others: 1 */
	int64_t amount;       /* DENOM: denomination * qty (set by the service,
	                         overflow-checked); others: the slip's, cheque's
	                         or total's amount, > 0 (>= 0 for TOTAL) */
	char ref[SHIFT_REF_BUFSZ]; /* cheque number, slip reference; "" */
};

/* The cheques of one method a shift took against those its close
 * listed: each number (any case) and amount once, n how many of it were
 * listed less how many were taken. */
struct shift_cheque {
	char ref[SHIFT_REF_BUFSZ]; /* "": taken or listed with no number */
	int64_t amount;            /* minor units */
	int64_t n;
};
/* The rule that matches the cheques a shift took with no number (their
 * method asks none) to those its close listed (issue 20): such a cheque
 * is any listed one of its amount that no numbered payment took. Of
 * k[0..n) (n as struct shift_cheque says, after the listed and taken of
 * one number and amount met), each unnumbered entry short (n < 0) takes
 * from the numbered ones of its amount left over (n > 0), in k's order,
 * as many as it lacks and they have: both n moved toward 0. The close's
 * cheques not matched (shift_close.c) and the cheques given back by an
 * unnumbered payment's void (deposit_cheque.c) both read it. */
void shift_cheques_unnumbered(struct shift_cheque *k, size_t n);

enum shift_move_kind { SHIFT_PAY_IN, SHIFT_PAY_OUT, SHIFT_SAFE_DROP };
/* "pay_in", "pay_out", "safe_drop" (as stored and synced). */
const char *shift_move_kind_name(enum shift_move_kind k);
/* Parse "pay_in"/"pay-in", "pay_out"/"pay-out", "safe_drop"/"drop";
 * -1 if unknown. */
int shift_move_kind_parse(const char *s);

/* A pay-in, pay-out or safe drop of cash during a shift. */
struct shift_movement {
	int64_t id;
	char uuid[37];
	enum shift_move_kind kind;
	char method[SHIFT_METHOD_BUFSZ]; /* the cash method */
	int64_t amount;                  /* > 0, minor units */
	char reason[SHIFT_REASON_BUFSZ]; /* one of [shifts] movement_reasons */
	char approved_by[SHIFT_USER_BUFSZ]; /* supervisor's user name, "" */
	char at[TS_BUFSZ];
};

/* What a movement of kind k brings up to, minor units, for the approval
 * rule ([shifts] movement_approval_above, issue 20: "a supervisor's PIN
 * above a configured amount"): amount plus the movements of that kind
 * of moves[0..n) (the shift's, oldest first) since its last one a
 * supervisor approved. Above the approval amount it needs the sign-off,
 * so that a pay-out of 200.00 taken as four of 50.00 needs it as the
 * one would (review R20c). */
int64_t shift_move_running(const struct shift_movement *moves, size_t n,
    enum shift_move_kind k, int64_t amount);

/* The rules of counts (core, no I/O). */
/* The most a count line, a movement or a tender may hold: 10^13 minor
 * units, below MONEY_MAX so that sums of a few thousand lines stay far
 * from INT64_MAX. */
#define SHIFT_AMOUNT_MAX 10000000000000LL
/* The most slips one slip line may count. */
#define SHIFT_SLIPS_MAX 1000000
/* A denomination line: *amount = denom * qty, refused (PD_EINVAL) when
 * qty < 0, denom <= 0 or the product passes SHIFT_AMOUNT_MAX. */
int shift_line_amount(
    int64_t denom, int64_t qty, int64_t *amount, struct pd_err *err);
/* Parse a list of denominations in minor units, "10000,5000,...,1":
 * each 1..SHIFT_AMOUNT_MAX, strictly descending (no duplicates), at most
 * SHIFT_DENOMS_MAX; into out, *n their count. PD_EINVAL naming the bad
 * entry. The rule of [shifts] denominations (design20, Config). */
#define SHIFT_DENOMS_MAX 24
int shift_denoms_parse(const char *s, int64_t *out, int *n, struct pd_err *err);
/* Whether over_short is beyond tolerance (|over_short| > tolerance). */
int shift_beyond(int64_t over_short, int64_t tolerance);
/* The flags of a shift (a bit each): left open over midnight, open past
 * [shifts] max_hours. */
enum { SHIFT_FLAG_OVERNIGHT = 1, SHIFT_FLAG_LONG = 2 };
/* The flags (SHIFT_FLAG_*) of a shift opened at opened ("YYYY-MM-DD
 * HH:MM:SS") and open until now: another day (over midnight), longer than
 * max_hours; 0 when neither (or a time is not one). */
int shift_flagged(const char *opened, const char *now, int max_hours);
/* The stored words of the flags, ", " between them ("overnight, too_long",
 * as JSON and CSV carry them); "" when none. Static strings. */
const char *shift_flag_words(int flags);
/* The flags as people read them into buf: long (a record, a report):
 * "left open over midnight; open past the configured length (12 h)";
 * else short (a list's cell): "over midnight, past 12 h". */
const char *shift_flag_text(
    int flags, int max_hours, int is_long, char *buf, size_t n);

/* A shift as stored. */
struct shift {
	int64_t id;
	char uuid[37];
	char terminal[17];
	char drawer[17]; /* the terminal id: one drawer each */
	int64_t cashier_id;
	char cashier[SHIFT_USER_BUFSZ]; /* user name */
	char cashier_name[129];
	enum shift_status status;
	char opened_at[TS_BUFSZ];
	char closed_at[TS_BUFSZ];  /* "" while open */
	char z_no[SHIFT_NO_BUFSZ]; /* "" while open; [numbers] z_report */
	int64_t float_expected;    /* what the previous closed shift on this
	                              drawer kept (float_kept); 0 if none */
	int64_t float_counted;     /* the opening float counted */
	int64_t float_kept;        /* at close: cash left for the next shift */
	char closed_by[SHIFT_USER_BUFSZ];
	char signed_off_by[SHIFT_USER_BUFSZ]; /* supervisor, "" if none */
	/* open longer than [shifts] max_hours, or across midnight: the
	 * SHIFT_FLAG_* bits (the store keeps whether, 1; -1: none kept) */
	int flagged;
	/* closed: the tenders' over (above 0) or short, summed; 0 open */
	int64_t over_short;
	/* closed by force (svc_shift_force_close): the reason given, ""
	 * for a close that counted; and the terminal that closed it */
	char forced_reason[SHIFT_REASON_BUFSZ];
	char forced_on[17];
	/* 1: the drawer's first shift (no shift of its drawer before it):
	 * no previous close, so its expected float is not known; shown
	 * "no previous close", no float difference and no exception (s72
	 * h11 fault 2). Read by the store, not stored. */
	int first;
};

/* One tender (a configured method) of a shift. Cash: expected =
 * float_counted + payments - voids made in the shift + pay-ins -
 * pay-outs - safe drops; other methods: expected = their payments. */
struct shift_tender {
	char method[SHIFT_METHOD_BUFSZ];
	enum method_kind kind;
	int64_t npayments; /* payments of the method in the shift */
	int64_t taken;     /* their amount, less voids made in the shift */
	int64_t nvoids;    /* voids made at the terminal in the shift, of */
	int64_t voided;    /* payments of the method: the amount handed back */
	int64_t expected;
	int64_t counted;    /* close only (0 in an X report) */
	int64_t items;      /* close only: the notes and coins, slips and
	                       cheques counted (the quantities of its count
	                       lines; a total typed has none) */
	int64_t over_short; /* counted - expected (close only) */
	int beyond;         /* |over_short| > [shifts] tolerance */
	/* (a closed shift's report: set where the close was signed off) */
	char reason[SHIFT_REASON_BUFSZ];    /* given when beyond; "" */
	char approved_by[SHIFT_USER_BUFSZ]; /* supervisor who signed off */
	/* the first count shown for this shift (review R20: a blind count,
	 * once its over or short was shown, stands; a recount is signed
	 * off and the Z report shows both): recounted when it differs */
	int64_t first_counted;
	int recounted;
	/* close only, a cheque method's: the cheques listed that no payment
	 * of the shift took and those it took not listed, by number and
	 * amount ("" when they are the same; review s50, helper-216: a
	 * cheque counted under another number balanced the close); not
	 * "" makes the tender beyond (a reason, a sign-off) */
	char unmatched[SHIFT_UNMATCHED_BUFSZ];
};

/* A tender's cheques not matched (struct shift_tender's unmatched, kept
 * in the store's words: "listed, not taken: ... / taken, not listed:
 * ...", "(no number)") in the user's words, or with doc a document's
 * in lang's (NULL: English, as L_), into out (n bytes, always
 * terminated): what shift show, the screens and the Z report print. */
struct i18n_lang;
void svc_shift_unmatched_words(const char *kept, int doc,
    const struct i18n_lang *lang, char *out, size_t n);

/* An X report (open shift: counts of the close empty) or the content of
 * a Z report (a closed shift). Free with svc_shift_report_free. */
struct shift_report {
	struct shift sh;
	struct shift_tender *tenders; /* the cash method always, and every
	                                 card or cheque method (Name:cheque)
	                                 with payments, in [payments] methods
	                                 order: what stays in the drawer (a
	                                 transfer or online payment does not) */
	size_t ntenders;
	struct shift_movement *moves; /* oldest first */
	size_t nmoves;
	struct shift_count *open_counts; /* the opening float's lines */
	size_t nopen;
	struct shift_count *counts; /* the close's lines (none in an X) */
	size_t ncounts;
	int64_t pay_ins, pay_outs, drops; /* totals of the movements */
};
void svc_shift_report_free(struct shift_report *r);

/* A supervisor's sign-off: user name and PIN, checked (role supervisor
 * or above, PIN by the login rules, lockout counted) inside the same
 * transaction as the use case it approves. Both NULL or "": none. */
struct shift_approval {
	const char *user;
	const char *pin;
};

/* The opening float this terminal's drawer expects (minor units): what
 * its last close kept, whoever's shift it was; 0 for its first shift.
 * The figure svc_shift_open records the counted float against, for a
 * screen to show before the count (helper-287, fault 2: the TUI showed
 * the signed-in cashier's own last close). 1 with it, 0 for the
 * drawer's first shift (no previous close: *expected 0, not known; s72
 * h11 fault 2), -1 with err on a store error. */
int svc_shift_float_expected(
    struct svc *s, int64_t *expected, struct pd_err *err);
/* Open a shift for the signed-in cashier at this terminal with the
 * opening float counted (cash denomination lines; none: a float of 0).
 * float_expected comes from the drawer's previous closed shift; the
 * difference stays recorded (float_counted - float_expected). Fails with
 * PD_ESHIFT when the cashier or the drawer has a shift open already. */
int svc_shift_open(struct svc *s, const struct shift_count *counts, size_t n,
    struct shift *out, struct pd_err *err);
/* The open shift of the signed-in cashier at this terminal: 1 and *out
 * filled, 0 when there is none, -1 on error. */
int svc_shift_current(struct svc *s, struct shift *out, struct pd_err *err);
/* Whether a payment by method m may be taken now: 0 when it is not a
 * cash method nor a cheque method (Name:cheque), [shifts] required is
 * no, or the cashier has a shift open;
 * else -1 with PD_ESHIFT ("Open a shift first: paydesk shift open"). */
int svc_shift_required(
    struct svc *s, const struct pay_method *m, struct pd_err *err);

struct shift_move_request {
	enum shift_move_kind kind;
	int64_t amount;     /* > 0 */
	const char *reason; /* one of [shifts] movement_reasons */
	/* needed when amount > [shifts] movement_approval_above */
	struct shift_approval approval;
};
/* Record a pay-in, pay-out or safe drop in the cashier's open shift (a
 * pay-out or drop may not take the cash expected below 0). */
int svc_shift_movement(struct svc *s, const struct shift_move_request *r,
    struct shift_movement *out, struct pd_err *err);

/* The cashier's open shift, its movements and what each tender expects
 * so far (for the close's steps and the status: the front ends show
 * no expected figure of it; the X report is svc_shift_x_report's);
 * nothing counted, nothing closed, nothing written. */
int svc_shift_x(struct svc *s, struct shift_report *r, struct pd_err *err);
/* The X report of the cashier's open shift: svc_shift_x's, shown only
 * to a supervisor (signed in, or a: a supervisor's user name and PIN
 * given at the terminal, as a pay-out above the approval amount asks),
 * since the close is blind (fault 15): a cashier alone gets PD_EBLIND;
 * a wrong PIN counts toward the supervisor's lockout. a may be NULL.
 * cashier: whose open shift at this terminal (NULL or "": the signed-in
 * user's); another cashier's is a signed-in supervisor's to read
 * (PD_EPERM otherwise), PD_ESHIFT when they have none open here. */
int svc_shift_x_report(struct svc *s, const char *cashier,
    const struct shift_approval *a, struct shift_report *r, struct pd_err *err);

/* The reason given for a tender beyond tolerance. */
struct shift_reason {
	const char *method;
	const char *text;
};
struct shift_close_request {
	const struct shift_count *counts; /* every tender's lines: cash by
	                                     denomination, slips, cheques */
	size_t ncounts;
	const struct shift_reason *reasons; /* for tenders beyond tolerance */
	size_t nreasons;
	struct shift_approval approval; /* needed when a tender is beyond */
	int64_t keep; /* cash left in the drawer for the next shift */
	int has_keep; /* 0: keep the opening float (at most cash counted) */
	/* another cashier's open shift at this terminal, left open by a
	 * cashier who has gone (review R20): a supervisor closes it with
	 * a blind count of their own; NULL or "": the signed-in cashier's */
	const char *cashier;
};
/* svc_shift_close's checks of r, writing nothing: the float kept, the
 * counts against what the shift took (a recount's supervisor named
 * before anything else of it), a reason for each tender beyond
 * the tolerance, a supervisor named for the sign-off it needs (the PIN
 * is the close's to check). 0 when the close would go ahead, else -1
 * with its refusal: a screen checks before it asks to confirm. */
int svc_shift_close_ready(
    struct svc *s, const struct shift_close_request *r, struct pd_err *err);
/* The result of a close (or of its check, svc_shift_close_check). */
struct shift_close_result {
	struct shift sh;              /* closed: z_no, closed_at set */
	struct shift_tender *tenders; /* expected, counted, over/short */
	size_t ntenders;
	int nbeyond; /* tenders beyond tolerance */
	int recount; /* a count shown before differs: a sign-off is needed */
};
void svc_shift_close_result_free(struct shift_close_result *r);
/* The blind close's second step without writing: the counts against what
 * is expected, per tender (what a screen shows once the count is in),
 * and in res->sh.float_kept the float the close keeps unless told: the
 * opening float, or the cash counted where that is less. 0 and *res
 * filled even when tenders are beyond tolerance. A count other than the
 * one whose over or short was shown (a recount) first needs r->approval,
 * a supervisor and their PIN (checked here): without it -1 (PD_EPERM),
 * res->recount 1 and nothing of the count in *res. */
int svc_shift_close_check(struct svc *s, const struct shift_close_request *r,
    struct shift_close_result *res, struct pd_err *err);
/* Close the cashier's open shift (or, for a supervisor, r->cashier's:
 * closed_by names the supervisor, the audit the cashier): in one transaction the counts, the
 * tenders, the next Z number (no gaps per terminal), audit and outbox.
 * A tender beyond tolerance without a reason fails with PD_EINVAL,
 * without a valid supervisor sign-off with PD_EPERM; then *res still
 * holds the result (for the front end to show) and nothing is written
 * but the count shown. A count shown (a check, or a close refused after
 * its over or short was worked out) with a tender over or short is kept
 * in the audit log (action "count") and stands: a close whose counts
 * differ from the first one shown needs a supervisor's sign-off
 * (res->recount), and its Z report shows both counts. */
int svc_shift_close(struct svc *s, const struct shift_close_request *r,
    struct shift_close_result *res, struct pd_err *err);
/* A supervisor's forced close of an open shift of another terminal,
 * abandoned there (the terminal broken, its cashier moved on), whose
 * cashier cannot open a shift anywhere else while it is open: nothing
 * counted, every tender's whole expected amount short (the drawer's
 * cash unaccounted for until found), reason kept with each tender, the
 * sign-off a.user's when named (a supervisor other than the one signed
 * in, PIN checked; required when a cashier is signed in), else the
 * signed-in supervisor's. Its Z number is this terminal's; it syncs as
 * the shift's close, which its own terminal then applies. key: the
 * shift's id or Z number. PD_EPERM without a supervisor, PD_ESHIFT
 * when the shift is this terminal's or closed already. */
int svc_shift_force_close(struct svc *s, const char *key, const char *reason,
    const struct shift_approval *a, struct shift_close_result *res,
    struct pd_err *err);

/* Shifts of this store, newest first. */
struct shift_filter {
	int open_only;
	const char *from, *to; /* opened on these days "YYYY-MM-DD"; NULL */
	const char *cashier;   /* user name; NULL: all */
	int64_t limit;         /* 0: all */
	/* the shifts of the scope in force and the team (issue 23: the
	 * list of shifts); 0: every drawer's */
	int scoped;
};
typedef int (*shift_cb)(const struct shift *sh, void *arg);
int svc_shift_list(struct svc *s, const struct shift_filter *f, shift_cb cb,
    void *arg, struct pd_err *err);
/* A shift by Z number or UUID with everything a Z report shows; an open
 * one's (its X report) only to a supervisor (PD_EBLIND, fault 15). */
int svc_shift_show(
    struct svc *s, const char *key, struct shift_report *r, struct pd_err *err);

/* Documents: the Z report of a closed shift (key: Z number or UUID) and
 * the X report of the cashier's open shift, as PDF on [receipts] paper or
 * text (struct doc_request in service.h). The first Z report written is
 * the original, every later one is marked COPY (logged like receipts). */
struct doc_request;
struct doc_result;
int svc_shift_z_issue(struct svc *s, const char *key,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err);
/* (the X report of cashier's open shift, a's sign-off as
 * svc_shift_x_report's) */
int svc_shift_x_issue(struct svc *s, const char *cashier,
    const struct shift_approval *a, const struct doc_request *r,
    struct doc_result *res, struct pd_err *err);

#endif
