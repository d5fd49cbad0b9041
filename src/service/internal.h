/* internal.h - helpers the use cases share; not a public header. */
#ifndef PAYDESK_SERVICE_INTERNAL_H
#define PAYDESK_SERVICE_INTERNAL_H
#include "paydesk/service.h"
#include "paydesk/store.h"
#include "paydesk/syncrec.h"

/* Next document number of a series ("payment", "transaction", "receipt",
 * "credit_note") for a document dated date; inside a transaction. */
int svc_next_number(struct svc *s, const char *series, const char *fmt,
    const char *date, char *out, size_t n, struct pd_err *err);
/* The audit entry of a use case, by the actor on this terminal. */
int svc_audit(struct svc *s, const char *at, const char *action,
    const char *entity, const char *ref, const char *detail,
    struct pd_err *err);
/* Refuse (PD_ESTORE, saying how to restore from a backup) while the
 * last check (svc_doctor) found problems in the store: posting into a
 * corrupt store is refused (issue 18, section 7). */
int svc_check_sound(struct svc *s, struct pd_err *err);
/* Remember that a check other than doctor's (the push's, of the outbox
 * seals) found problems problems: posting waits for a clean doctor. */
void svc_check_failed(struct svc *s, int problems);
/* The whole of the regular file path (up to 512 MB), NUL-terminated,
 * the caller's to free; *len its bytes. NULL with err (importer.c). */
char *svc_read_file(const char *path, size_t *len, struct pd_err *err);
/* A connection to the central node of the config ([sync]) that tries a
 * request retries more times; free with sync_net_free. */
struct sync_net *svc_net(
    struct svc *s, const volatile int *cancel, int retries);
/* At a sync round: the organisation's currency from the central node's
 * status, kept in the store and taken (config_take_currency), once for
 * each [sync] url; refused (PD_EINVAL) when it is not the one in force
 * and the store already holds amounts. */
int svc_sync_currency(struct svc *s, struct sync_net *net, struct pd_err *err);
/* Compare the store's audit head with the one the central node keeps,
 * then anchor it there (a sync round); PD_ETAMPER as svc_audit_anchor. */
int svc_audit_anchor_sync(struct svc *s, struct sync_net *net,
    struct audit_anchor *a, struct pd_err *err);
/* Write record r to the sync outbox; ref names it for people. */
int svc_outbox(struct svc *s, const struct syncrec *r, const char *ref,
    struct pd_err *err);
/* Void payment number for reason (stored as given) inside the caller's
 * transaction, with its outbox record and audit entry; the void's uuid
 * into uuid (may be NULL). The checks of svc_void_check. With uuid (a
 * dispute's uphold) the alerts are not read again here: the uphold does,
 * after its own record, so that no alert step comes between the void
 * and the uphold in the outbox (helper-234, fault 5: the central node
 * takes the two together only next to each other, and applied the void
 * alone). */
int svc_void_in_tx(struct svc *s, const char *number, const char *reason,
    char uuid[37], struct pd_err *err);
/* A cash payment's void hands its cash back out of this terminal's
 * drawer: with [shifts] required, a shift open at the drawer whose cash
 * covers it (payment void and a dispute's uphold alike; review R20b);
 * and no void that changes what the drawer's shift expects once its
 * close's over or short was shown (PD_ESHIFT). */
int svc_void_drawer(struct svc *s, const char *number, struct pd_err *err);
/* The earlier statement lines a statement's lines are found again as
 * (one for one: two credits alike of a statement are two, however many
 * an earlier one had; review R20b): a set of line ids. */
struct stmt_seen {
	int64_t *v; /* open addressing, 0 free */
	size_t cap, n;
};
/* store_stmt_line_seen's taken: whether line is in the set (arg) */
int svc_stmt_seen_has(int64_t line, void *arg);
void svc_stmt_seen_add(struct stmt_seen *set, int64_t line);
/* A credit note of amount against receipt inside the caller's
 * transaction, with reason (one of the organisation's, checked by the
 * caller) and remarks; the checks of svc_credit_create's payment and
 * amount. A dispute's uphold's: the alerts are read again by the caller,
 * after its record (svc_void_in_tx). */
int svc_credit_in_tx(struct svc *s, const char *receipt, int64_t amount,
    const char *reason, const char *remarks, struct credit_note *out,
    struct pd_err *err);
/* A dispute step pushed by a terminal (dispute.c): its terms, numbers,
 * transition and what an upholding names; who made it is sync_check's. */
int svc_dispute_check_push(struct svc *s, const char *terminal,
    const char *branch, const struct syncrec *r, struct pd_err *err);
/* The record of dispute event event_id (the central node's feed). */
int svc_dispute_record(
    struct svc *s, int64_t event_id, struct syncrec *r, struct pd_err *err);
/* A gateway reported payment p disputed (the card profile's disputed
 * event, gateway.c): open a dispute of disputed (minor units, its
 * event's amount) of it by "System" inside the caller's transaction,
 * unless one is unresolved; note says which. A disputed amount not
 * more than 0 or more than the payment's is refused (PD_EINVAL). */
int svc_dispute_gateway(struct svc *s, const struct payment *p,
    int64_t disputed, const char *note, const char *at, struct pd_err *err);
/* Whether payment p may be voided (not yet, no credit note applied). */
int svc_void_check(struct svc *s, const struct payment *p, struct pd_err *err);
/* A payment of another branch than this terminal's is an admin's to
 * void (review R23): PD_ESCOPE for anyone else; 0 when it may be. */
int svc_void_reach(struct svc *s, const struct payment *p, struct pd_err *err);
/* The user a record names by full_name (received_by, created_by) among
 * the users of branch (sync_apply.c): *user_id, 0 when none is known
 * here; in a push, the one its checks read last by that name. */
int svc_record_user(struct svc *s, const char *full_name, const char *branch,
    int64_t *user_id, struct pd_err *err);
/* Apply a sync record (src/service/sync_apply.c) inside the caller's
 * transaction: on the central node from a terminal, or on a terminal as
 * pulled from the central node. 0 applied, 1 nothing to do (already
 * there), -1 refused or failed (err; PD_ESTORE is the store failing). */
enum apply_mode { APPLY_CENTRAL, APPLY_REPLICA };
/* Apply a dispute step (0 applied, 1 already there, -1 err). */
int svc_dispute_apply(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
/* Whether an item this store does not know (uuid, ref) is the service
 * charge of consumer cid's bounced cheque dispute that an uphold refused
 * here would have added (its terminal undid the uphold and cancelled the
 * charge, dispute_undo.c; a payment of it taken there meanwhile is
 * credit here, as for an item settled already): 1 it is, 0 not, -1 err
 * (review 21, session 40, fault 6). */
int svc_dsp_lost_charge(struct svc *s, int64_t cid, const char *ref,
    const char *uuid, struct pd_err *err);
/* An organisation's alerts synced (alert_sync.c). Whether an alert of
 * kind (its stored code) is the organisation's (synced). */
int svc_alert_org_kind(const char *kind);
/* The records of a step (action as stored, text its history's) of alert
 * id worked here, in the caller's transaction: its raise first if it
 * never went; uuid the step's record ("" none: a terminal's own alert). */
/* A record of this terminal's outbox the central node refused (inside
 * the transaction that marks it so): an alert's raise refused leaves its
 * alert unsent, so that its next step raises it again (alert_sync.c). */
int svc_alert_refused(
    struct svc *s, const struct outbox_rec *rec, struct pd_err *err);
/* A step (acknowledge, assign, note, close) of an alert this terminal
 * pushed that the central node refused (the alert was closed there
 * first, say), payload its record: undone here, as the other kinds of
 * undo_kinds (sync_round.c), so that the alert reads as the central node
 * and the other terminals have it: the step leaves its history
 * (sync_undone), the alert's status and assignee are what the rest of
 * its history leaves them, audited "undo" (review R21d). 1 undone, 0
 * nothing to undo (a raise, or a step not here), -1 err. */
int svc_alert_step_refused(struct svc *s, const char *payload,
    const char *why, const char *at, struct pd_err *err);
int svc_alert_outbox(struct svc *s, int64_t id, const char *action,
    const char *text, const char *at, char uuid[37], struct pd_err *err);
/* Alert id (of cause) closed by the pass, its cause ended here; why
 * (a kept message, say.h; "" none) in its history; sent as a close by
 * "system", why its reason, when the alert is the organisation's and
 * synced (alert_sync.c), naming change, the uuid of the record that
 * ended it, a change of an arrangement or a void (NULL or "" none): the
 * central node refuses the end of a record it did not take (helper-233,
 * fault 2). */
int svc_alert_ended(struct svc *s, int64_t id, const char *cause,
    const char *at, const char *why, const char *change, struct pd_err *err);
/* The ends of their cause this terminal made of the alerts of cause
 * base (base and its "#<n>"), taken back at at for why: the change that ended
 * it (a void) undone here, the central node having refused it (helper-234,
 * fault 6). A sent one is undone (the central node refuses it too: it names the
 * change), one noted alone is taken back (store_alert_note_undone); the alert's
 * status as the rest of its history leaves it, before the alerts are read again
 * (an alert closed by an end that did not happen was raised again as
 * "#2", at this terminal alone). */
int svc_alert_ends_undone(struct svc *s, const char *base, const char *why,
    const char *at, struct pd_err *err);
/* As svc_alert_ends_undone, of the alerts of arrangement arr_id (its
 * plan broken, its installments missed or due), the ends made at since
 * or later: the change of the plan made then undone here, the central
 * node having refused it (helper-248, fault 7: an alert closed by a
 * cancel refused kept "Arrangement ... is cancelled"). Each alert stands
 * as the rest of its history leaves it until the next pass over the
 * plan, the one of the plan the pull brings, ends it for what holds. */
int svc_alert_arr_ends_undone(struct svc *s, int64_t arr_id, const char *since,
    const char *why, const char *at, struct pd_err *err);
/* The alert of reconciliation exception e, if one was raised and is not
 * closed, closed by "system" at at: e resolved by hand (those matched or
 * cleared the day's pass closes; helper-235, fault 1: they stayed open
 * for good). */
int svc_alert_recon_resolved(struct svc *s, const struct recon_exception *e,
    const char *at, struct pd_err *err);
/* The record of alert step note_id (the central node's feed). */
int svc_alert_record(
    struct svc *s, int64_t note_id, struct syncrec *r, struct pd_err *err);
/* A pushed step's terms, its alert's state, its assignee and note; who
 * sent it is sync_check's. */
int svc_alert_check_push(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
/* The index of an alert step's op ("raise", ...; action 0) or of its
 * action in the history ("raised", ...; action 1) in alert_sync.c's
 * table: 0 raise, 1 acknowledge, 2 assign, 3 note, 4 close; -1 none. */
int svc_alert_op_index(const char *s, int action);
/* Apply an alert step (0 applied or held, 1 already there, -1 err). */
int svc_alert_apply(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
/* The held steps whose alert is here now, applied (caller's
 * transaction). */
int svc_alerts_release_held(struct svc *s, struct pd_err *err);
/* The alerts of the consumers s->pull_reread names read again (caller's
 * transaction): where a pulled end closed an alert whose cause holds
 * here, the cause raised again (svc_alerts_reread). Clears the list. */
int svc_alerts_pulled_reread(struct svc *s, struct pd_err *err);
/* Whether a record pushed by terminal from is one it could have posted
 * itself (src/service/sync_check.c: the core rules of local posting, its
 * own number series, the organisation's reasons, methods, channels,
 * currency and date bounds, users of its branch with the role the act
 * needs, the consumer's items, records that agree with the payment they
 * name; issue 18, part 1); before svc_apply_record on the central node.
 * PD_EINVAL with the reason, PD_ESTORE when the store failed. */
int svc_sync_check_push(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err);
/* svc_sync_check_push by the rules the sending terminal could have had
 * when it made the record (src/service/sync_judge.c; issue 18, review
 * point 5): today's when it had been handed every change of the settings
 * and users by the record's time (less the clock skew), otherwise any
 * version of them in force from the last change it had on. A record
 * dated before its terminal was added is refused. Errors as
 * svc_sync_check_push's (today's reason when every version refuses). */
int svc_sync_judge(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err);
/* At the central node, in a push's transaction before it takes the
 * organisation's row (store_push_lock): the reads svc_sync_judge makes
 * of payment r that no other push changes (the rules' head, the user who
 * received it: found, sealed, the role judged), kept for the push
 * (push_reads) so that its records find them read. They were a quarter
 * of the statements a batch of 100 sent while it held the row, 2.4 ms
 * of its 20 (the bench's 8 terminals on PostgreSQL, issue 22); an
 * import changing them commits before or after these reads as it did
 * before or after the first record's. -1 only when the store failed (a
 * refusal is the record's, given when it is judged). */
int svc_sync_judge_warm(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err);
/* user_role's reads for svc_sync_judge_warm (sync_check.c). */
int svc_sync_user_warm(struct svc *s, const struct sync_sender *f,
    const char *name, struct pd_err *err);
/* At the central node: document number (of series kind, enum
 * doc_series; what names it, translated) of format fmt, of a document
 * dated date made at time at by terminal f, is no further ahead of what
 * the node has had of that series from f than [central] series_window,
 * plus one a second from f's last sync to at (src/service/sync_ahead.c;
 * review 18). PD_EINVAL with the reason, PD_ESTORE. A number not of the
 * series is left to the series check. what: N_("..."), translated only
 * for a refusal. */
int svc_sync_check_ahead(struct svc *s, const struct sync_sender *f, int kind,
    const char *what, const char *fmt, const char *number, const char *date,
    const char *at, struct pd_err *err);
/* What the checks of one record's numbers read once for all of them (a
 * payment's three: the same counts, with nothing written in between);
 * zeroed before the first, never kept past the record. */
struct ahead_memo {
	int has_refused;
	int64_t refused;
	int nheld;
	struct {
		int kind;
		char from[11], to[11];
		int64_t held;
	} held[3];
};
/* svc_sync_check_ahead with m's counts (NULL: read each). */
int svc_sync_check_ahead_m(struct svc *s, const struct sync_sender *f, int kind,
    const char *what, const char *fmt, const char *number, const char *date,
    const char *at, struct ahead_memo *m, struct pd_err *err);
/* Gaps in the receipt and credit-note number series, one problem each
 * (src/service/series.c): the count, or -1 (err). */
int svc_series_check(
    struct svc *s, problem_cb cb, void *arg, struct pd_err *err);
/* Whether a pulled record may be applied on this terminal: in its
 * currency, and, when the terminal does not have its uuid, neither saying
 * it was made on this terminal nor claiming a number of its own series,
 * and saying what the terminal's own use cases could have made (a
 * payment's figures and status, a credit note's reason and expiry, a
 * consumer or an item that does not take another's place). pg and i,
 * the record's page and place (pg may be NULL), let a payment's check
 * see the central node's credit notes after it.
 * PD_EINVAL with the reason, naming the record and its terminal (the
 * round sets the record aside and goes on), PD_ESTORE when the store
 * failed. */
int svc_sync_check_pull(struct svc *s, const struct syncrec *r,
    const struct sync_page *pg, size_t i, struct pd_err *err);
/* The row here of pulled consumer or item r as svc_sync_check_pull
 * found it, taken (and forgotten): 1 with *id (0: none, a new row), 0
 * when the check kept nothing for r (its apply asks the store). */
int svc_sync_pull_found(struct svc *s, const struct syncrec *r, int64_t *id);
/* An arrangement event from elsewhere (src/service/arrange.c): on the
 * central node from its terminal (checked first), on a terminal as
 * pulled (replica 1: this terminal's own payments give way where the
 * central node applied the event first). 0 applied, 1 already here (its
 * event's uuid), -1 err. */
int svc_arr_apply(
    struct svc *s, const struct syncrec *r, int replica, struct pd_err *err);
/* Before a payment from elsewhere takes need of item it: what an
 * arrangement event moved of it, up to the difference, is given back to
 * it and taken off what that event put elsewhere (arrange_sync.c: the
 * rule of payments made meanwhile), no more than that event could take
 * there (the rest of the payment is credit: review 21b, fault 2); on a
 * terminal applying a pulled record (replica 1) its own payments of
 * those installments give way (svc_make_room); it re-read. */
int svc_arr_reopen(struct svc *s, struct item *it, int64_t need, int replica,
    struct pd_err *err);
/* svc_arr_reopen of an item a pulled payment pays, at a terminal: an
 * installment its own event (a reschedule) closed here is opened first
 * by that event taking over what it replaced, which an earlier event
 * absorbed here (a payment of the plan's debt kept at this terminal,
 * applied after the reschedule at the central node), then from the
 * plan's items that have debt open (F21p2's race b; arrange_sync.c). */
int svc_arr_reopen_pulled(
    struct svc *s, struct item *it, int64_t need, struct pd_err *err);
/* The same, by event ev (of arrangement arr) that holds item it, take
 * (minor units) of it given back (a refused cancel's undo, whose own
 * re-close is not the holder: arrange_undo.c). */
int svc_arr_reopen_by(struct svc *s, struct item *it, int64_t ev, int64_t arr,
    int64_t take, int replica, struct pd_err *err);
/* After a void took amount back from installment it: when its
 * arrangement was cancelled, the debt goes back to the items the plan
 * still holds (newest first, as the cancel gave it) instead of reopening
 * an installment of a cancelled plan (issue 21 review, point 3). Every
 * node's void runs it (ledger_void). */
/* Why item it, settled in full, cannot be paid when an arrangement moved
 * its debt: PD_EINVAL naming the plan (an item under it, or an
 * installment a reschedule or cancel closed); 0 when none did (issue 21
 * review, point 4). */
int svc_arr_explain(struct svc *s, const struct item *it, struct pd_err *err);
/* Whether item it is an installment of a payment arrangement: 1, 0, or -1
 * with err (allocation rule "installments", payment.c). */
int svc_arr_is_installment(
    struct svc *s, const struct item *it, struct pd_err *err);
int svc_arr_unpaid(
    struct svc *s, const struct item *it, int64_t amount, struct pd_err *err);
/* A payment taken into what a refused change of an arrangement made
 * (arrange_carry.c; review R21b, fault 1, the lead's decision: the
 * payment stands and pays the debt as the central node has it).
 * svc_arr_lost_inst: whether an allocation's item, unknown here, is
 * referenced "PLAN#k" of plan *a of consumer cid (an installment of a
 * change of it the central node refused), or of a plan of terminal's
 * own series (the pushing one; NULL: none) this node does not have, one
 * it refused (a->id -1: the consumer's debt; review R21d): 1, 0, -1 err.
 * svc_arr_carry: allocate up to *amount (minor units) of payment pid to
 * plan a's debt as this node has it, oldest due first: its open
 * installments, or, cancelled, the open items its cancel gave back, or,
 * a plan refused here (a->id -1), its consumer's open items;
 * *amount is left with what they could not take (credit). moved: the
 * payment's money held elsewhere before (a terminal's undo): the rows
 * are linked to its first allocation, as a reversal taken back is, so
 * that its allocations as recorded still add up to its amount.
 * svc_arr_give_way: this terminal's own payments of item item_id give
 * back amount, newest first, each listed in *given (grown; caller
 * frees); dry only counts. 0 all given, 1 they hold less (a credit
 * application holds the rest), -1 err. */
struct arr_given {
	int64_t payment_id;
	int64_t amount;
};
int svc_arr_lost_inst(struct svc *s, int64_t cid, const char *ref,
    const char *terminal, struct arrangement *a, struct pd_err *err);
int svc_arr_carry(struct svc *s, int64_t pid, const struct arrangement *a,
    int64_t *amount, int moved, struct pd_err *err);
/* *id: the first allocation of payment pid as recorded (not a reversal;
 * 0: none). */
int svc_arr_first_alloc(
    struct svc *s, int64_t pid, int64_t *id, struct pd_err *err);
int svc_arr_give_way(struct svc *s, int64_t item_id, int64_t amount, int dry,
    struct arr_given **given, size_t *ngiven, struct pd_err *err);
/* The record of arrangement event event_id as the store holds it: the
 * terminal's outbox and the central node's feed build it alike; free
 * with syncrec_free. */
int svc_arr_record(struct svc *s, int64_t event_id, const char *branch,
    struct syncrec *r, struct pd_err *err);
/* Arrangements are numbered per terminal, like the other documents'
 * series with a terminal component (DESIGN.md rule 5). */
#define SVC_ARR_NUMBER_FMT "AR-{TERM}-{SEQ:6}"
/* a dispute's number, of its terminal's series (dispute.c) */
#define SVC_DSP_NUMBER_FMT "DP-{TERM}-{SEQ:6}"
/* Whether an arrangement record pushed by terminal from is one it could
 * have made (sync_check.c calls it; arrange_check.c): PD_EINVAL with the
 * reason. */
int svc_arr_check_push(struct svc *s, const char *branch,
    const struct syncrec *r, struct pd_err *err);
/* Gateway payments (issue 19). On the central node, apply a
 * gateway_association a terminal pushed (src/service/gateway.c): the
 * first association of a payment wins, a later one with another consumer
 * is refused; a disassociation voids its ledger payment by "System". On a
 * terminal, keep a pulled gateway_payment (src/service/gateway_local.c).
 * 0 applied, 1 nothing to do, -1 refused (PD_EINVAL) or failed. */
int svc_gateway_assoc_apply(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
int svc_gateway_pulled(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
/* On the central node, inside the caller's transaction (a consumer
 * import's): associate again the gateway payments still unassociated
 * that no terminal touched, by the rules of arrival (an account number,
 * else a phone of exactly one consumer), now that consumers came or
 * changed; each one associated is posted as on arrival, the others keep
 * their candidates as they now are; one audit entry when anything
 * changed. *matched and *left count them. A terminal's store (no
 * gateway_of): nothing to do. */
int svc_gateway_rematch(struct svc *s, const char *at, size_t *matched,
    size_t *left, struct pd_err *err);
/* At a terminal, before credit note cn is applied: PD_EINVAL when it
 * comes from a gateway payment whose disassociation made here waits for
 * the central node, which would void the note and refuse the application
 * (gateway_local.c). */
int svc_gateway_credit_check(
    struct svc *s, const struct credit_note *cn, struct pd_err *err);
int svc_apply_record(struct svc *s, enum apply_mode mode,
    const struct syncrec *r, struct pd_err *err);
/* A terminal's shift_open, shift_movement or shift_close checked on the
 * central node (shift_sync.c): PD_EINVAL with the reason. */
int svc_sync_check_shift(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err);
/* At the central node: name is an active supervisor (or above) of f's
 * branch, *id its user id (id may be NULL); else -1, PD_EINVAL naming
 * what needs one ("a deposit"), translated (deposit_sync.c). */
int svc_sync_supervisor(struct svc *s, const struct sync_sender *f,
    const char *name, const char *what, int64_t *id, struct pd_err *err);
/* At the central node: whether the user a record names (by username when
 * by_username, else by full name) as found in branch is one whose row is
 * not what its use cases sealed (seal.c; its branch, role or PIN hash set
 * around paydesk): 1 so, and then no user of any branch; 0 sound or not
 * found; -1 on error (review of issue 18). */
int svc_sync_user_unsealed(struct svc *s, const char *name, int by_username,
    const char *branch, struct pd_err *err);
/* A shift record applied (checked before): the shift, its counts,
 * movements and tenders in the shift tables. */
int svc_apply_shift(struct svc *s, const struct syncrec *r, struct pd_err *err);
/* The shift_open record of shift sh when the outbox has none (a shift
 * opened before shifts were synced, issue 20 point 4), made from the
 * stored shift and its opening count, in the caller's transaction before
 * the shift's movement or close (whose audit entry claims its seal): the
 * central node refuses a movement or close of a shift it never saw
 * open. 0 when there was one already. */
int svc_shift_open_rec(struct svc *s, const struct shift *sh, struct pd_err *err);
/* A deposit record (deposit_sync.c): checked at the central node as
 * svc_sync_check_push does (PD_EINVAL with the reason), and applied
 * there. */
int svc_sync_check_deposit(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err);
int svc_apply_deposit(struct svc *s, const struct syncrec *r, struct pd_err *err);
/* Deposit d handed as record r (op hand) says, unless it is already
 * (deposit_sync.c; the central node's apply and a terminal's pull). */
int svc_deposit_hand_apply(struct svc *s, const struct deposit *d,
    const struct syncrec *r, struct pd_err *err);
/* A statement line named "STATEMENT:LINE" (svc_stmt_named: its name,
 * #N, an old number where one is taken) into this store's statement, the
 * line's number and ref, the line as every store names it (NAME:LINE):
 * 0; 1 with err untouched when text is not of that form; -1 with err
 * (statement.c). svc_line_parse: the same, PD_EUSAGE when text is not of
 * that form, and a duplicate copy of another statement's line taken as
 * that live line (its stmt, seq and ref; copy, when not NULL, gets the
 * copy's ref, "" when the line named is live). */
int svc_line_ref(struct svc *s, const char *text, int64_t *stmt, int *seq,
    char *ref, size_t rn, struct pd_err *err);
int svc_line_parse(struct svc *s, const char *text, int64_t *stmt, int *seq,
    char *ref, size_t rn, char *copy, size_t cn, struct pd_err *err);
/* An exception's key "KIND:STATEMENT:LINE" with its line as the
 * exceptions list it into out: 0; 1 when the key names no line (another
 * kind's reference), -1 with err (an old number refused). */
int svc_line_key(struct svc *s, const char *key, char *out, size_t size,
    struct pd_err *err);
/* Bank statements and their matches as records (stmt_sync.c): the
 * terminal's outbox records of an import (its lines in parts) and of a
 * match or unmatch of line line_id (op "match" after the match is
 * written, "unmatch" before it is taken back), inside the use case's
 * transaction; the central node's check (PD_EINVAL with the reason)
 * and apply of either kind. */
int svc_stmt_outbox(struct svc *s, const struct statement *st,
    struct statement_line *lines, size_t n, struct pd_err *err);
int svc_match_outbox(struct svc *s, int64_t line_id, const char *op,
    const char *note, const char *at, struct pd_err *err);
/* A reconciliation exception's resolution as its sync record, in the
 * resolution's transaction; checked and kept at the central node
 * (recon_sync.c). */
int svc_resolution_outbox(
    struct svc *s, const struct recon_resolution *res, struct pd_err *err);
int svc_sync_check_resolution(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err);
int svc_apply_resolution(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
/* At a terminal (recon_sync.c, review R20 fault 5): its resolution of
 * outbox record payload that the central node refused for reason, undone
 * here at at (1; 0 none to undo; -1); whether it was (1, 0, -1); and a
 * pulled one, taking the place of this terminal's own of the same
 * exception (undone so, if the refusal did not yet). */
int svc_resolution_refused(struct svc *s, const char *payload,
    const char *reason, const char *at, struct pd_err *err);
int svc_resolution_was_refused(
    struct svc *s, const char *payload, struct pd_err *err);
int svc_pulled_resolution(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
/* The largest card fee a terminal may allow ([reconciliation]
 * card_fee_tolerance's bound, hundredths of a percent): a settlement
 * below its payments' total less this was not made by the card rule,
 * nor may a supervisor match one so by hand. */
#define CARD_FEE_BP_MAX 2000
/* The records of the matches a rule made now, of the lines of pairs
 * {first, line id}, in their order (deposit_match.c); one read for all;
 * one: each match took at most one payment (every rule but the card's),
 * 2: that payment the pair's first (the transfers'). */
int svc_match_outbox_set(struct svc *s, const int64_t *pairs, size_t n,
    int one, const char *at, struct pd_err *err);
/* The records of nm matches made now, each as m says it (its line_id
 * set), in their order. */
int svc_match_outbox_rows(struct svc *s, const struct line_match *m,
    size_t nm, const char *at, struct pd_err *err);
/* The one-time catch-up (issue 20): statements imported before they
 * were sync records, and their matches, queued once, in one transaction
 * audited, when the store's migration set META_STMT_CATCHUP; then the
 * flag is cleared. Run by the sync round before its push. */
#define META_STMT_CATCHUP "stmt_catchup"
/* and the card and transfer matches made before they were records */
#define META_MATCH_CATCHUP "match_catchup"
int svc_stmt_catchup(struct svc *s, struct pd_err *err);
int svc_sync_check_stmt(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err);
int svc_apply_stmt(struct svc *s, const struct syncrec *r, struct pd_err *err);
/* A part of a statement pulled at a terminal: applied as the central
 * node applies one, each line taking the central node's word on which
 * copy of it is live (stmt_word.c; review R20c). */
int svc_pulled_stmt(struct svc *s, const struct syncrec *r, struct pd_err *err);
/* The word taken on the lines of statement st (stmt_word.c): own,
 * whether this terminal imported another statement of its account (whose
 * copies may become duplicates); key and stmt, the statement the last
 * word named. */
struct stmt_word {
	const struct statement *st;
	int own;
	char key[80];
	int64_t stmt;
};
/* Line l not yet here: *decided 1 with l->dup_of as the word says (0
 * live), 0 no word (or it names a line not here). */
int svc_stmt_word_new(struct svc *s, struct stmt_word *w,
    struct statement_line *l, int *decided, struct pd_err *err);
/* Line l written, live by the word: the first live copy of it that this
 * terminal's own import holds becomes its duplicate, what hung on it
 * moved (audited). */
int svc_stmt_word_live(struct svc *s, struct stmt_word *w,
    const struct statement_line *l, struct pd_err *err);
/* Line l here already (this terminal imported the statement too, or
 * pulled the part before): made what the word says, what hung on it
 * moved where it becomes a duplicate. */
int svc_stmt_word_here(struct svc *s, struct stmt_word *w,
    const struct statement_line *l, struct pd_err *err);
/* Line id as people name it, NAME:SEQ, into out. */
int svc_stmt_line_name(
    struct svc *s, int64_t id, char *out, size_t size, struct pd_err *err);
/* A pulled statement (r, SR_STATEMENT) that this terminal imported too:
 * its importer made the record's (the central node's first import
 * wins everywhere, review R20). stmt_sync.c. */
int svc_stmt_take_importer(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
/* The reschedule or create of outbox record payload that the central
 * node refused for reason, undone here at (arrange_undo.c): 1 a
 * reschedule undone, 3 a plan undone (Cancelled here), 2 kept (paid or
 * changed here since), 0 neither. */
/* Make room on item it for need, taking it back from this terminal's own
 * payments, newest first (sync_apply.c: a pulled payment, a void undone);
 * it updated. */
int svc_make_room(
    struct svc *s, struct item *it, int64_t need, struct pd_err *err);
/* A dispute step of this terminal (payload, its outbox record) that the
 * central node refused for reason, undone here (dispute_undo.c, review
 * 21 fault 3): 0 nothing to undo, 1 an uphold undone (with its void or
 * credit note), 3 a review or reject undone, 4 an opening undone, 2 it
 * stays (its credit note applied here since), -1 err. */
int svc_dispute_refused(struct svc *s, const char *payload,
    const char *reason, const char *at, struct pd_err *err);
/* A credit application of this terminal (payload, its outbox record) that
 * the central node refused, for whatever reason, undone here
 * (credit_undo.c): the item owes it again, the note has it back, held
 * here, audited. 0 nothing to undo, 1 undone, 2 undone already with a
 * refused uphold's void (dispute_undo.c), -1 err. */
int svc_credit_apply_refused(struct svc *s, const char *payload,
    const char *why, const char *at, struct pd_err *err);
/* Void uuid of this terminal, which the central node refused as of a
 * payment of another branch voided by no admin (sync_round.c), undone
 * here as an uphold's is (dispute_undo.c): 1 undone, 0 nothing to undo,
 * -1 err. */
int svc_void_refused(struct svc *s, const char *uuid, const char *reason,
    const char *at, struct pd_err *err);
/* Whether the record of payload (an arrangement's create or reschedule, a
 * dispute step, a void) was undone here after the central node refused
 * it: 1, 0, -1 err. */
int svc_was_undone(struct svc *s, const char *kind, const char *payload,
    struct pd_err *err);
int svc_arr_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err);
/* A refused match of this terminal's outbox undone here (stmt_sync.c):
 * 1 undone, 0 nothing to undo, -1 the store failed; and whether one was. */
int svc_match_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err);
int svc_match_was_refused(struct svc *s, const char *payload, struct pd_err *err);
/* A deposit of create record payload that the central node refused,
 * undone here (deposit_sync.c): voided by MATCH_REFUSED_BY for reason,
 * its active match undone, nothing queued; 1 when one was undone.
 * Whether the deposit of payload was undone so (a retry is refused). */
int svc_deposit_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err);
int svc_deposit_was_refused(
    struct svc *s, const char *payload, struct pd_err *err);
/* Before pulled deposit r is applied: a live deposit here with its slip
 * that this terminal made and the central node refused is undone; one it
 * has not refused with the very slip is a clash, named (PD_EINVAL). */
int svc_deposit_pull_slip(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
/* A user as an import row gives it: added, or with update, changed when
 * the name, role or PIN differ (a PIN is compared with its hash). Inside
 * the caller's transaction; *bad as for svc_user_add. */
struct user_put {
	const char *username, *full_name, *role, *pin;
	const char *branch; /* NULL or "": every branch */
	int update;
	int policy; /* apply [security] pin_min_* and weak_pins */
	const char *team; /* NULL: as it is ("" for a new user) */
};
enum put_outcome { PUT_ADDED, PUT_UPDATED, PUT_UNCHANGED };
int svc_user_put(struct svc *s, const struct user_put *in,
    enum put_outcome *out, int *bad, struct pd_err *err);
/* ---- One constructor per ledger record (src/service/ledger.c). Each
 * runs inside the caller's transaction, checks its invariants before it
 * writes, and writes its record and what is kept in step with it;
 * nothing else (the caller's audit entry and outbox record are its
 * own). ---- */

/* A credit note against payment p. cn comes with amount, reason,
 * remarks, created_on, created_at, user_id, created_by, terminal and
 * automatic set (uuid, cn_no and expires_on too when it was made
 * elsewhere). A cn_no of "" is numbered from the credit_note series on
 * created_on; an expires_on of "" is created_on plus [credit]
 * expiry_days. It is linked to p (consumer, payment, receipt number),
 * unapplied and not voided. Refused unless 0 < amount <= p's amount less
 * the credit already issued on p (credit_check_amount). With audit_at,
 * the audit entry "create credit_note" at that time, its detail ending
 * with audit_note; NULL: none (a replica keeps the central node's). cn
 * gets its id and uuid. */
int ledger_credit_note(struct svc *s, const struct payment *p,
    struct credit_note *cn, const char *audit_at, const char *audit_note,
    struct pd_err *err);
/* The audit entry "create credit_note" of cn, issued on p, at audit_at,
 * its detail ending with audit_note (NULL: nothing): for a use case that
 * writes its outbox record first, so that the entry claims that
 * record's seal too (seal.c). */
int ledger_credit_audit(struct svc *s, const struct payment *p,
    const struct credit_note *cn, const char *audit_at, const char *audit_note,
    struct pd_err *err);
/* The payment row p, posted here or received from elsewhere (p->id is
 * set). Refused unless 0 < amount <= MONEY_MAX and 0 <= overpaid <=
 * amount; its allocations and credit note are the caller's, with
 * ledger_allocate and ledger_credit_note. */
int ledger_payment(struct svc *s, struct payment *p, struct pd_err *err);
/* What a void does, wherever it was decided: reverse what is left of
 * each allocation (ledger_allocate), void the credit notes, record the
 * void and its shift (shift_uuid: the shift open at the drawer of
 * terminal when it was made; "" none), mark the payment Voided. */
int ledger_void(struct svc *s, const struct payment *p, const char *uuid,
    const char *reason, int64_t user_id, const char *by, const char *at,
    const char *terminal, const char *shift_uuid, struct pd_err *err);
/* An allocation of payment payment_id to item it, and the item settled
 * by the same amount. amount > 0 takes part of what the item has open
 * (reverses 0); amount < 0 gives back (reverses: the allocation it
 * undoes). Refused: 0, a sign that does not match reverses, more than
 * the item has open, or giving back more than it has settled. due_before
 * is what the item had open just before; it->settled follows; out (may
 * be NULL) gets the row with its id and the item after. */
int ledger_allocate(struct svc *s, int64_t payment_id, struct item *it,
    int64_t amount, int64_t reverses, struct allocation *out,
    struct pd_err *err);
/* ledger_allocate of amount > 0 with due_before as the record says it
 * (> 0), the central node's and every terminal's alike, not what the
 * item has open here (a replica's pull: helper-236, fault 3); 0: as
 * ledger_allocate. */
int ledger_allocate_due(struct svc *s, int64_t payment_id, struct item *it,
    int64_t amount, int64_t due_before, struct pd_err *err);
/* A credit application: a->amount of credit note cn applied to item it,
 * the item settled and the note's applied amount raised by as much (a
 * comes with amount, applied_on, created_at, user_id, terminal, and its
 * uuid when it was made elsewhere). Refused unless the item is the note's
 * consumer's and 0 < amount <= what the note has left and <= what the
 * item has open (credit_check_apply). cn->applied and it->settled
 * follow; a gets its id, ids and item_ref. */
int ledger_credit_apply(struct svc *s, struct credit_note *cn, struct item *it,
    struct credit_application *a, struct pd_err *err);

/* What a payment still holds of the item of its allocation row i (al:
 * its n rows as store_allocations_of gives them, reversals included),
 * when row i is the item's first row, whatever it is (of a payment
 * carried to another plan's installments, a row naming the one it was
 * carried from: helper-254, fault 1); -1 for any other row, so that
 * each item is counted once. */
int64_t ledger_item_held(const struct allocation *al, size_t n, size_t i);

/* The outgoing sync record of each kind, as a terminal writes it to its
 * outbox and as the central node serves it from its feed. r is cleared
 * first; free with syncrec_free (a payment's allocations). */
/* The head: uuid (NULL or "": a new one), terminal (NULL or "": this
 * one), branch (NULL: ""), at (NULL or "": now), this store's currency. */
void ledger_rec_head(const struct svc *s, struct syncrec *r,
    enum syncrec_kind kind, const char *uuid, const char *terminal,
    const char *branch, const char *at);
/* ledger_rec_head's fields of r set, the rest of r as it is (a record
 * reused: stmt_sync.c's match records). */
void ledger_rec_head_set(const struct svc *s, struct syncrec *r,
    enum syncrec_kind kind, const char *uuid, const char *terminal,
    const char *branch, const char *at);
/* A payment as it was recorded (a voided one as Posted or Pending), with
 * its consumer, its allocations (reversals left out) and, when cn is not
 * NULL, its overpayment credit note. */
void ledger_rec_payment(const struct svc *s, struct syncrec *r,
    const struct payment *p, const struct consumer *c,
    const struct allocation *al, size_t n, const struct credit_note *cn);
void ledger_rec_void(const struct svc *s, struct syncrec *r,
    const struct payment *p, const struct void_row *v, const char *branch);
/* The verification of p (its verified_at and verified_by). */
void ledger_rec_verify(const struct svc *s, struct syncrec *r, const char *uuid,
    const struct payment *p, const char *terminal, const char *branch);
void ledger_rec_credit_note(const struct svc *s, struct syncrec *r,
    const struct credit_note *cn, const char *payment_uuid,
    const char *consumer_uuid, const char *branch);
void ledger_rec_credit_apply(const struct svc *s, struct syncrec *r,
    const struct credit_application *a, const struct credit_note *cn,
    const char *item_uuid, const char *branch);

/* Commit, or roll back and keep err. Returns 0 or -1. */
int svc_finish(struct svc *s, int rc, struct pd_err *err);

/* The organisation's money style written into *st (a compound literal
 * will do), for the amounts in core's messages; returns st. */
const struct money_style *svc_style(
    const struct svc *s, struct money_style *st);

/* The organisation's ranks of the item kinds for the priority rule
 * (payments.priority_*) written into *rk; returns rk. */
struct alloc_ranks;
const struct alloc_ranks *svc_alloc_ranks(
    const struct svc *s, struct alloc_ranks *rk);
/* The organisation's way of splitting a payment of day today (10
 * bytes) by rule, written into *p with its ranks in *rk; returns p. */
struct alloc_policy;
const struct alloc_policy *svc_alloc_policy(const struct svc *s,
    enum alloc_rule rule, const char *today, struct alloc_ranks *rk,
    struct alloc_policy *p);

/* Cash shifts (shift.c, shift_move.c, shift_shown.c, shift_close.c):
 * what the files share. */
/* The cash method: the first configured method of kind cash; NULL. */
const struct pay_method *svc_shift_cash(const struct svc *s);
/* Whether a method's takings stay in the drawer until the close (cash,
 * card slips, cheques: Name:cheque), kind the payment's for a method no
 * longer configured; transfers and online payments do not. */
int svc_shift_in_drawer(
    const struct svc *s, const char *method, enum method_kind kind);
/* A copy of n count lines, each checked (open: the opening float, notes
 * and coins only) with its method as configured and denominations'
 * amounts worked out; caller frees; NULL with err naming the line. */
struct shift_count *svc_shift_counts_checked(const struct svc *s,
    const struct shift_count *in, size_t n, int open, struct pd_err *err);
/* The total of the lines of method (NULL: of every line). */
int64_t svc_shift_total(
    const struct shift_count *c, size_t n, const char *method);
/* The items counted for method: its lines' quantities (notes and coins,
 * slips, cheques), totals typed left out. */
int64_t svc_shift_items(
    const struct shift_count *c, size_t n, const char *method);
/* Each of the *n tenders (*t, xrealloc'd) of shift uuid against the
 * first count shown (audit action "count", review R20): first_counted and
 * recounted set; a tender the first count named and the recount left out
 * appended, counted none (issue 20 review, fault 6); *any (may be NULL) 1
 * when one was recounted. shift_shown.c. */
int svc_shift_first_counts(struct svc *s, const char *uuid,
    struct shift_tender **t, size_t *n, int *any, struct pd_err *err);
/* Whether shift uuid's close was counted and its over or short shown
 * (audit action "count"): 1, 0, -1 on error. From then on what the
 * drawer holds stands: no payment it counts, and a movement only with a
 * supervisor's sign-off (review R20). shift_shown.c. */
int svc_shift_counted(struct svc *s, const char *uuid, struct pd_err *err);
/* The count res shows kept in the audit log (action "count") when a
 * tender is over or short, unless it is the last one kept; its own
 * transaction. shift_shown.c. */
int svc_shift_keep_shown(
    struct svc *s, const struct shift_close_result *res, struct pd_err *err);
/* svc_finish(rc) of a use case with a sign-off: a sign-off that failed
 * on a wrong PIN (miss) is counted toward user's lockout after the
 * rollback. shift_move.c. */
int svc_shift_finish_signed(
    struct svc *s, int rc, int miss, const char *user, struct pd_err *err);
/* What shift shift_id's safe drops took to the safe less what its
 * pay-ins brought from it, in all, into *sum (may be < 0): cash to
 * deposit with what its close counted less the float kept (reviews R20,
 * R20c: a pay-in's cash is counted in the drawer). deposit_left.c. */
/* Whether shift sh's cash is of branch (a terminal's own shifts
 * always, when here is its terminal; another terminal's when its branch,
 * store_terminal_branch, is known to be branch): 1 yes, 0 no (*of the
 * branch found, "" unknown), -1 error. Review R20b, fault 10. */
int svc_shift_of_branch(struct svc *s, const struct shift *sh,
    const char *here, const char *branch, char of[17], struct pd_err *err);
int svc_shift_safe_net(
    struct svc *s, int64_t shift_id, int64_t *sum, struct pd_err *err);
/* Cheques deposited by number (deposit_cheque.c). The cheques shift_id's
 * close counted of method (NULL: every one), as store_cheques_of_shift
 * reads them, with those the voids of payments taken with no number gave
 * back released too (issue 20: by the close's rule); the caller frees. */
struct deposit_cheque *svc_cheques_of_shift(struct svc *s, int64_t shift_id,
    const char *method, size_t *n, struct pd_err *err);
/* Those of them not in a deposit that is not void, not given back;
 * free(). */
struct deposit_cheque *svc_dep_cheques_free(struct svc *s, int64_t shift_id,
    const char *method, size_t *n, struct pd_err *err);
/* The live deposits' cheques that are those of payments voided after
 * their shifts' close, by the close's rule (issue 20), for
 * store_recon_exceptions_aged; the caller frees (NULL: err). */
struct cheque_held *svc_cheques_held(
    struct svc *s, size_t *n, struct pd_err *err);
/* The exceptions as of today (store_recon_exceptions_aged, min_age
 * days old or older; all if min_age <= 0), a deposit holding a void
 * payment's cheque found by svc_cheques_held; free(). */
struct recon_exception *svc_recon_exc(struct svc *s, const char *today,
    int min_age, size_t *n, struct pd_err *err);
/* Cheque spec (NUMBER or SHIFT:NUMBER, either with :AMOUNT) named at
 * this terminal for a deposit on day: a closed shift's of this terminal,
 * not deposited, not one of taken (ntaken, by count line), not closed
 * after day; of several not alike, refused listing them; refused with
 * the cheque named. */
int svc_dep_cheque_find(struct svc *s, const char *spec, const char *day,
    const struct deposit_cheque *taken, size_t ntaken,
    struct deposit_cheque *out, struct pd_err *err);
/* Whether cheque c is one of taken (n), by its count line. */
int svc_dep_cheque_taken(const struct deposit_cheque *c,
    const struct deposit_cheque *taken, size_t n);
/* The central node (deposit_cheque_check.c): record r's cheques checked
 * against its cheque lines
 * and the closes' counts; *all (free()) the cheques to write with it,
 * an older terminal's cheque lines' all of the shift's left. */
int svc_dep_check_cheques(struct svc *s, const struct syncrec *r,
    struct deposit_cheque **all, size_t *nall, struct pd_err *err);
/* Write cheques c (n, shift ids set) as deposit_id's. */
int svc_dep_cheques_write(struct svc *s, int64_t deposit_id,
    const struct deposit_cheque *c, size_t n, struct pd_err *err);
/* The tender of method name in r, added (expected 0) when missing. */
struct shift_tender *svc_shift_tender(
    struct shift_report *r, const char *name, enum method_kind kind);
/* r filled for sh: counts, movements, tenders (expected; a closed
 * shift's as its close wrote them). Free with svc_shift_report_free. */
int svc_shift_report_of(struct svc *s, const struct shift *sh,
    struct shift_report *r, struct pd_err *err);
/* sh's flags (SHIFT_FLAG_*, 0 none): open, until now; closed, as its
 * close kept it (or from its times, closed before that). shift_report.c. */
int svc_shift_flag(const struct svc *s, const struct shift *sh, const char *now);
/* The signed-in cashier's open shift; PD_ESHIFT when none. */
int svc_shift_mine(struct svc *s, struct shift *sh, struct pd_err *err);
/* The open shift at this terminal of cashier (NULL, "" or the actor:
 * the signed-in cashier's, svc_shift_mine's); another cashier's only for
 * a supervisor (PD_EPERM naming action), PD_ENOTFOUND when no such user,
 * PD_ESHIFT when they have no shift open here. shift.c. */
int svc_shift_of(struct svc *s, const char *cashier, const char *action,
    struct shift *sh, struct pd_err *err);
/* A supervisor's sign-off of action, inside the caller's transaction
 * (auth.c): a->user another user than the actor, of role supervisor or
 * above, active, not locked out, a->pin its PIN. 0 with the user name in
 * name; -1 with PD_EPERM, and *miss set when the PIN (or the name) was
 * wrong: after the rollback svc_signoff_miss counts it. */
/* A pay-out, safe drop or void of amount more than the cash the drawer
 * expects: PD_EINVAL naming expected only when shown (a supervisor
 * signed in, or one who signed this off: the X report's rule), since
 * the close is blind. shift_move.c. */
int svc_drawer_short(struct svc *s, int64_t amount, int64_t expected, int shown,
    struct pd_err *err);
/* svc_signoff's first checks, of the name alone: a user named, another
 * than the actor (a screen's check before it asks to confirm). */
int svc_signoff_named(struct svc *s, const struct shift_approval *a,
    const char *action, struct pd_err *err);
/* svc_shift_show's, blind 0: an open shift's too, for a use case that
 * shows none of it (the Z report, which refuses an open shift). */
int svc_shift_report_by(struct svc *s, const char *key, struct shift_report *r,
    int blind, struct pd_err *err);
int svc_signoff(struct svc *s, const struct shift_approval *a,
    const char *action, char name[SHIFT_USER_BUFSZ], int *miss,
    struct pd_err *err);
/* Count a wrong sign-off PIN toward the user's lockout in a transaction
 * of its own (as a wrong sign-in PIN is); returns -1 with the message. */
int svc_signoff_miss(struct svc *s, const char *user, struct pd_err *err);

/* Documents (document_issue.c) other use cases issue: the footer stamp, and
 * issuing d (kind as documents.kind and the audit entity): a reprint of
 * the same kind and number is marked COPY, the file written atomically,
 * logged and audited, then printed if asked. */
struct doc;
void svc_doc_stamp(struct svc *s, struct doc *d);
/* A document field of an amount (minor units) in the organisation's
 * money format, and one of a timestamp in its date format. */
void svc_doc_money(struct svc *s, struct doc *d, const char *label, int64_t v);
void svc_doc_time(
    struct svc *s, struct doc *d, const char *label, const char *ts);
int svc_doc_issue(struct svc *s, const char *kind, struct doc *d,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err);

/* store_item_insert with it->entered_on, the organisation's day the
 * item came into its books, which a past week's forecast reads (review
 * R23 3): as given where the item was recorded first elsewhere and came
 * with its sync record (review R23b: two terminals disagreed, each with
 * the day it pulled the item), else the organisation's today
 * (svc_today). Every use case inserting an item goes through it. */
int svc_item_insert(struct svc *s, struct item *it, struct pd_err *err);

/* Narrow f to the payments of the scope in force (svc_scope_now): its
 * terminal or branch set from [terminal]; the organisation's leaves f. */
void svc_scope_filter(const struct svc *s, struct payment_filter *f);
/* Narrow f to the actor's team's payments where [visibility] team = yes
 * limits the actor (a supervisor); whatever the scope, a search too. */
void svc_team_filter(const struct svc *s, struct payment_filter *f);
/* The disputes, deposits, shifts and arrangements of the scope in
 * force and the team (issue 23); search: a consumer looked up (NULL
 * none), whose rows are read wherever made unless a scope was chosen. */
void svc_row_scope(
    const struct svc *s, const char *search, struct row_scope *r);
/* The payments a figure counts (kpi, the dashboard): the report
 * filters of s->narrow within the scope in force, any status and type. */
void svc_figure_filter(const struct svc *s, struct payment_filter *f);
/* Whether f narrows the payments by scope or a report filter (else the
 * organisation's rollups answer). */
int svc_narrowed(const struct payment_filter *f);

/* svc_arrangement_list without its sign-in: for the alerts' pass, which
 * runs at the first use of the day whoever uses it (alerts.c). */
/* account is one a deposit or a bank statement names: 0, else PD_EUSAGE
 * naming the option, the value and the accounts there are, as every
 * filter's unknown value (s72 fault 9; recon_exc.c). */
int svc_recon_account_check(
    struct svc *s, const char *account, struct pd_err *err);
/* t without the white space around it, in buf (n bytes), as the report
 * filters take it off; t itself past its leading spaces when too long. */
const char *svc_trim_into(const char *t, char *buf, size_t n);
/* A consumer segment some consumer has (issue 23's filters), else
 * PD_EUSAGE naming those there are (report.c). */
int svc_segment_known(struct svc *s, const char *segment, struct pd_err *err);
int svc_segment_canon(struct svc *s, const char **segment, struct pd_err *err);
struct arr_view *svc_arr_views(struct svc *s, const char *account, int status,
    size_t *n, struct pd_err *err);
/* svc_arr_views of the plans made at the terminals of sc (NULL: all). */
struct arr_view *svc_arr_views_of(struct svc *s, const char *account,
    int status, const struct row_scope *sc, size_t *n, struct pd_err *err);
/* Arrangement a's view without what it holds (the alerts' arrangement
 * rules, alert_plans.c, need none of it: a statement a plan less). */
int svc_arr_view_bare_of(struct svc *s, const struct arrangement *a,
    struct arr_view *v, struct pd_err *err);
/* Raise the alert of payment p if it cleared above [alerts] large_payment;
 * in the posting's transaction (payment.c). */
int svc_alert_payment(struct svc *s, const struct payment *p, const char *at,
    struct pd_err *err);
/* Consumer consumer_id's alerts read again, in the caller's transaction
 * (alerts.c), by every use case that changes what an alert is about (a
 * payment posted, verified or voided, a credit note made, applied or
 * voided, an arrangement made, rescheduled or cancelled, a step undone
 * at a sync): its open alerts of items, credit notes and payments whose
 * cause no longer holds closed with why, those whose cause holds again
 * after their alert ended raised anew (review 21b, fault 8b), and, plans
 * 1 (a change of what its plans' installments owe or of a plan), its
 * plans' rules (alert_plans.c; a new plan's are the pass's). by names
 * the use case in the audit entry ("payment", "void", "credit",
 * "arrangement", "sync"). Nothing on a central node or a gateway's
 * service. */
int svc_alerts_reread(struct svc *s, int64_t consumer_id, int plans,
    const char *by, const char *at, struct pd_err *err);
/* The items that came into the store (an import of bills, services or
 * installments, a sync's pull) already overdue by [alerts]
 * overdue_days: their alerts raised now, in the caller's transaction,
 * as of at, and audited as raised by by ("import", "sync"), not at the
 * next day's pass (review 21, helper-228 fault 3). Nothing when the
 * day's pass has not been made (it takes them), on a central node or a
 * gateway's service, or with the rule off. */
int svc_alerts_items_came(
    struct svc *s, const char *by, const char *at, struct pd_err *err);
/* The reconciliation's exceptions as they stand after what changed them
 * (a statement imported, deposits matched, a shift closed, a sync's
 * pull): those [alerts] reconciliation_days old or older raised now, in
 * the caller's transaction, and those resolved, matched or cleared
 * closed, as of at, audited as by by ("statement", "match", "shift",
 * "sync"), not at the next day's pass (helper-261, fault 2: with 0 days
 * an unexpected credit raised nothing until then). Nothing when the
 * day's pass has not been made (it takes them), on a central node or a
 * gateway's service, or with the rule off. */
int svc_alerts_recon_came(
    struct svc *s, const char *by, const char *at, struct pd_err *err);
/* svc_finish of a use case that changed the reconciliation's exceptions
 * (rc its result so far): svc_alerts_recon_came before the commit (by:
 * its audit's word), the alerts delivered after it. */
int svc_finish_recon(struct svc *s, int rc, const char *by, struct pd_err *err);
/* After a sync round's pull (sync_round.c): alerts for the records
 * refused ([alerts] refused) and, when it pulled any or refused one
 * (refused: the round had a record refused or set aside), the plans
 * broken or installments missed;
 * delivered. A failure is kept in s->alert_note, never the round's. */
void svc_alerts_sync(struct svc *s, int pulled, int refused);

/* Reconciliation fed to the terminals (issue 20; recon_feed.c): feed
 * entry e as its record (1: not one of reconciliation's); a pulled
 * deposit, statement, match or resolution applied; the pull's check of
 * one that says it was made here. */
int svc_recon_feed_record(struct svc *s, const struct feed_entry *e,
    struct syncrec *r, struct pd_err *err);
int svc_recon_pulled(struct svc *s, const struct syncrec *r, struct pd_err *err);
/* Pulled deposits set aside before, applied again where they now apply
 * (recon_feed.c); after a round's pull. */
int svc_recon_rescue(struct svc *s, struct pd_err *err);
/* Shifts fed to the other terminals (shift_feed.c): as the recon ones. */
int svc_shift_feed_record(struct svc *s, const struct feed_entry *e,
    struct syncrec *r, struct pd_err *err);
int svc_shift_pulled(struct svc *s, const struct syncrec *r, struct pd_err *err);
int svc_shift_pull_check(
    struct svc *s, const struct syncrec *r, struct pd_err *err);
int svc_recon_pull_check(
    struct svc *s, const struct syncrec *r, struct pd_err *err);

/* The view of a (its installments and compliance as of today; 0 or
 * -1), arrange_view.c: for arrange.c's changes. */
int svc_arr_view_of(struct svc *s, const struct arrangement *a,
    struct arr_view *v, struct pd_err *err);
/* The installments open and due on a cutoff or before of every plan
 * not cancelled of the consumers a svc_kept_* found keeping one, read
 * with the plans' compliance (store_overdue_outside's, which found them
 * again: most of its read at 10M). */
struct svc_kept_inst {
	int64_t *inst; /* caller frees */
	size_t ninst;
};
/* The consumers (sorted ids, caller frees) among the JSON array of ids
 * among (NULL: every consumer) with an Active arrangement and no
 * installment missed, a plan being kept protecting from disconnection
 * (issue 21; the disconnection and reconnection lists): every such plan
 * read in one statement (store_arr_items_overdue); *k their
 * installments open and due on cutoff or before. */
int64_t *svc_kept_overdue(struct svc *s, const char *among, const char *cutoff,
    struct svc_kept_inst *k, size_t *n, struct pd_err *err);
/* As svc_kept_overdue of every consumer, and *broken (caller frees) the
 * JSON array of the Broken plans' ids, for store_overdue: a broken plan
 * protects no one and its debt is overdue from its items' dates (review
 * 21). */
int64_t *svc_kept_broken(struct svc *s, const char *cutoff,
    struct svc_kept_inst *k, size_t *n, char **broken, struct pd_err *err);
/* As svc_kept_broken, for the disconnection list of cutoff: of the
 * consumers with a plan that has an installment open due after cutoff
 * (every plan of theirs read: store_arr_items_open), *cand (ascending,
 * *ncand; caller frees); *broken names their Broken plans, among them
 * every Broken plan with an installment open due after cutoff (the
 * others add nothing to store_overdue). */
int64_t *svc_kept_open(struct svc *s, const char *cutoff,
    struct svc_kept_inst *k, size_t *n, char **broken, int64_t **cand,
    size_t *ncand, struct pd_err *err);

/* The status on day t of the plan whose installments are r[n] (one
 * plan's, as store_arr_items_overdue or store_was_plans read them), its
 * view's rule (comply) over what the read holds; *kept: Active with no
 * installment missed, a plan being kept that protects the debt it holds
 * from disconnection (issue 21). The disconnection list's (kept_in) and
 * the reconnection list's history's judge, one. */
enum arr_status svc_plan_judged(
    const struct arr_item_of *r, size_t n, int32_t t, int *kept);

/* id appended to a JSON array of ids being written at w (its "[" at
 * w[-1] when it is the first), a list store reads with json_each; the
 * buffer holds 21 bytes an id. Returns the new end. */
char *svc_json_id(char *w, int64_t id);

#endif
