/* service_debts.h - bank statements, payment arrangements, alerts,
 * the disconnection list and disputes (issues 20 and 21).
 *
 * Part of service.h: include service.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_SERVICE_DEBTS_H
#define PAYDESK_SERVICE_DEBTS_H

/* Bank statements (issue 20, first slice; src/service/statement.c). */
struct statement_view {
	struct statement st;
	struct statement_line *lines;
	size_t nlines;
	/* the matches undone of its lines, by line (svc_statement_show) */
	struct past_match *past;
	size_t npast;
};
/* Import the statement in file path (supervisor): format "camt053",
 * "mt940", "ofx", "csv" or NULL (guessed from the content); account
 * names the bank account when the file does not, and must match it when
 * it does; mapping names a CSV column mapping (svc_statement_mapping_add).
 * All of it in one transaction with its audit entry, or nothing: the
 * first bad entry fails with PD_EINVAL naming the file and its line (CSV,
 * camt.053's element too), FITID (OFX) or :61: reference (MT940); a
 * currency other than the organisation's is refused; a statement of the
 * same account and id (or, without an id, the same lines) imported
 * before is refused naming that import. Lines an earlier statement
 * already had (the same bank id, or date, amount and reference) are kept
 * with a pointer to it (out->ndup counts them). out gets the row. */
int svc_statement_import(struct svc *s, const char *path, const char *format,
    const char *account, const char *mapping, struct statement *out,
    struct pd_err *err);
/* Every statement, newest first (supervisor); free() the array. */
struct statement *svc_statement_list(
    struct svc *s, size_t *n, struct pd_err *err);
/* The statement text (n bytes) names, into *id and name
 * (STMT_NAME_BUFSZ): its name (deposit.h, stmt_name; the same at every
 * terminal), "#N" (this store's own number), or an old number N as
 * statements were numbered before they had names, taken only while the
 * store's statements were all imported at one terminal (then every
 * terminal numbered them alike) and refused otherwise (PD_EUSAGE, naming
 * the statement N is here). 1 with err untouched when text is none of
 * these; PD_ENOTFOUND for no such statement, PD_EINVAL for a name two
 * statements have here. */
int svc_stmt_named(struct svc *s, const char *text, size_t n, int64_t *id,
    char *name, struct pd_err *err);
/* A statement and its lines (supervisor); PD_ENOTFOUND for none. */
int svc_statement_show(
    struct svc *s, int64_t id, struct statement_view *v, struct pd_err *err);
void svc_statement_view_free(struct statement_view *v);
/* Save a CSV column mapping called name (supervisor) from words such as
 * "date=1" "amount=3" "decimal=comma" (bank.h, bank_mapping_parse); its
 * canonical words go to spec (sn bytes). A name in use: PD_EINVAL. */
int svc_statement_mapping_add(struct svc *s, const char *name,
    char *const *words, int n, char *spec, size_t sn, struct pd_err *err);
/* Change mapping name to words (its whole spec again, canonical into
 * spec), or remove it (words NULL) (supervisor, review R20): a name that
 * is none is PD_ENOTFOUND. Statements imported through it are kept. */
int svc_statement_mapping_change(struct svc *s, const char *name,
    char *const *words, int n, char *spec, size_t sn, struct pd_err *err);
/* The mappings saved (supervisor), each "NAME\tSPEC" (review R20: a
 * mapping can be read back); caller frees them and the array. */
char **svc_statement_mappings(struct svc *s, size_t *n, struct pd_err *err);

/* Payment arrangements (issue 21; src/service/arrange.c). A plan takes
 * over the open debt of some of a consumer's items; its installments are
 * items of kind installment (PLAN#k), paid at the counter like any. */
struct arr_request {
	const char *account; /* the consumer's account number */
	const char *items;   /* refs, comma-separated; NULL or "": every
	                        open item of the consumer, overdue or
	                        current, but an arrangement's installments */
	const char *down;    /* money as typed; NULL: none */
	int n;
	const char *freq;      /* weekly, fortnightly, monthly */
	const char *first_due; /* a date as typed */
	int grace_days;        /* 0..ARR_GRACE_MAX */
	int misses_allowed;    /* 0..ARR_MISSES_MAX */
	const char *reason;    /* required, up to 200 characters */
};
/* Which part of a request a refusal is about (a form's field). */
enum arr_field {
	ARR_F_NONE,
	ARR_F_ACCOUNT,
	ARR_F_ITEMS,
	ARR_F_DOWN,
	ARR_F_N,
	ARR_F_FREQ,
	ARR_F_FIRST_DUE,
	ARR_F_GRACE,
	ARR_F_MISSES,
	ARR_F_REASON
};
struct arr_preview {
	struct consumer c;
	struct item *items; /* the items taken over (owned), oldest first */
	size_t nitems;
	int64_t debt;
	struct arr_line lines[ARR_INST_MAX + 1];
	int nlines;
	enum arr_field bad; /* on refusal */
};
/* The schedule a request would make; writes nothing (cashier and up).
 * PD_ENOTFOUND for an unknown account or item, PD_EINVAL naming the term
 * (out->bad). Free with svc_arr_preview_free. */
int svc_arrangement_preview(struct svc *s, const struct arr_request *r,
    struct arr_preview *out, struct pd_err *err);
void svc_arr_preview_free(struct arr_preview *p);
/* Make the arrangement (recovery and up): in ONE transaction the plan
 * (numbered AR-TERMINAL-NNNNNN), its installments, the items' debt moved
 * into it, the audit entry and the outbox record. plan_no gets its
 * number. Errors as the preview's, PD_EPERM for the role. */
int svc_arrangement_create(struct svc *s, const struct arr_request *r,
    char plan_no[33], struct arr_preview *out, struct pd_err *err);
/* An arrangement as read now: compliance is computed on read. */
struct arr_view {
	struct arrangement a;
	struct arr_item *inst;      /* owned, by number */
	enum arr_inst_state *state; /* owned, one per installment */
	size_t ninst;
	struct arr_hold *holds; /* owned: the items it took over */
	size_t nholds;
	struct arr_tally tally;
	enum arr_status status;
	int compliance; /* tenths of a percent; -1 none due yet */
	int64_t paid;   /* paid into its installments (arr_item_paid) */
	/* paid to the items it took over at a terminal it had not reached
	 * yet, and taken off its installments (arr_item_to_items): debt =
	 * paid + to_items + left, while its installments are live */
	int64_t to_items;
	int64_t left; /* what its live installments still owe */
	/* owned, svc_arrangement_show's only (NULL in a list): its create,
	 * reschedules and cancel in order, with who, when, where and why */
	struct arr_event_row *events;
	size_t nevents;
};
/* One arrangement by plan number (PD_ENOTFOUND); free with
 * svc_arr_view_free. */
int svc_arrangement_show(
    struct svc *s, const char *plan_no, struct arr_view *v, struct pd_err *err);
void svc_arr_view_free(struct arr_view *v);
/* The plans a list takes (`arrangement list`'s options): of one
 * consumer's account (NULL: every one's), of one status (ARR_*; -1 every
 * one), made from `from` to `to` (the day of creation, YYYY-MM-DD, both
 * included; NULL open), of the consumers of segment (any case; NULL any;
 * one no consumer has PD_ENOTFOUND, as every report's). */
struct arr_filter {
	const char *account;
	int status;
	const char *from, *to;
	const char *segment;
};
/* Arrangements newest first, of the plans of f (cashier and up); *n
 * views, free each and the array with svc_arr_views_free. */
struct arr_view *svc_arrangement_list(
    struct svc *s, const struct arr_filter *f, size_t *n, struct pd_err *err);
void svc_arr_views_free(struct arr_view *v, size_t n);
/* What is left of an Active or Broken arrangement scheduled again
 * (recovery and up): its unpaid installments closed, the rest split in
 * n new ones from first_due (no down payment: one is a payment taken
 * before), with a reason; misses the misses the new schedule allows
 * (0..ARR_MISSES_MAX, counted over it alone: arr_plan_status), -1 the
 * plan's stay (helper-248, fault 4). Its grace days stay the plan's:
 * every installment, replaced ones too, is judged by them
 * (arr_inst_state). Audited, synced. */
int svc_arrangement_reschedule(struct svc *s, const char *plan_no, int n,
    const char *freq, const char *first_due, int misses, const char *reason,
    enum arr_field *bad, struct pd_err *err);
/* What a reschedule of plan_no would make, writing nothing (cashier and
 * up): out->debt what is left, out->lines the n new installments (no
 * down payment) from first_due, out->c the account and name; n 0: only
 * whether the plan can be changed (Active or Broken, something left).
 * Refusals as svc_arrangement_reschedule's, out->bad naming the term. */
int svc_arrangement_change_preview(struct svc *s, const char *plan_no, int n,
    const char *freq, const char *first_due, struct arr_preview *out,
    struct pd_err *err);
/* Cancel an arrangement that is not Completed or Cancelled (recovery and
 * up): its unpaid installments closed and their rest returned to the
 * items it took over, newest first; with a reason; audited, synced. */
int svc_arrangement_cancel(
    struct svc *s, const char *plan_no, const char *reason, struct pd_err *err);

/* Alerts (issue 21; src/service/alerts.c): STORED, one per cause, raised
 * when the cause happens: at posting (a payment cleared above [alerts]
 * large_payment), at a sync round (a record refused, a plan broken or an
 * installment missed that it brought), and by the pass of the first use
 * of each day (the date change) for the rules of time: an arrangement
 * Broken, an installment Missed (arr_inst_state), one falling due within
 * [alerts] due_days, an item past due by [alerts] overdue_days, a credit
 * note expiring within credit_expiry_days, a gateway payment with no
 * payment after gateway_hours (looked at each hour), a reconciliation
 * exception reconciliation_days old. A rule with no value is off. An
 * organisation's alert is one by its cause and the work on it is synced
 * (alert_sync.c); a terminal's own (refused, reconciliation) is not;
 * every change audited. TO ADD A RULE:
 * its kind at the end of enum alert_kind and of alerts.c's kinds[], its
 * key in config.c, config.ini.example and paydesk.ini(5). */
enum alert_kind {
	ALERT_BROKEN,
	ALERT_MISSED,
	ALERT_DUE,
	ALERT_OVERDUE,
	ALERT_LARGE,
	ALERT_CREDIT,
	ALERT_REFUSED,
	ALERT_GATEWAY,
	ALERT_RECON,
	ALERT_NKINDS
};
/* An alert is worked: Open, Acknowledged, Closed. */
enum alert_status { ALERT_OPEN, ALERT_ACKED, ALERT_CLOSED };
struct alert {
	int64_t id;
	enum alert_kind kind;
	enum alert_status status;
	char account_no[33]; /* "" when it names no consumer */
	char consumer[129];
	char plan_no[33];    /* an arrangement's alerts */
	char payment_no[33]; /* a large payment, a credit note's payment */
	/* the installment, item, credit note, sync record ("kind ref") or
	 * gateway payment ("gateway code"); "" for a broken plan */
	char ref[80];
	char due_on[11]; /* its due, expiry or payment day, or "" */
	/* the figure that raised it: what the installment or item still
	 * owes, what a broken plan has left, the payment, the credit left,
	 * a reconciliation exception's difference (minor units) */
	int64_t amount;
	/* missed, overdue: days past due; due, credit: days ahead; broken:
	 * the misses; gateway: hours; reconciliation: age in days; a sync
	 * record: 0 refused by the central node, 1 refused here */
	int days;
	/* the same figure when it was raised (days counts from the due day
	 * as of today when read: svc_alerts, svc_alert_show) */
	int raised_days;
	int allowed; /* broken: the misses the plan allows */
	char raised_at[TS_BUFSZ];
	char assigned[33]; /* username, "" for none */
	int waiting;       /* for [alerts] command: delivery failed so far */
	int tries;
	char delivered_at[TS_BUFSZ];
	char delivery_error[256];    /* in the reader's language */
	char delivery_error_en[256]; /* the same in English (JSON), say.h */
	/* a refused sync record's: why, as the refusal said it (the
	 * central node's answer, or this terminal's of a record pulled);
	 * "" otherwise (the alerts of svc_alert_show and the changes) */
	char refused_why[512];    /* in the reader's language */
	char refused_why_en[512]; /* the same in English (JSON), say.h */
};
/* The pass (at most once a day, the gateway rule once an hour; the
 * last day passed is remembered) and the delivery of the alerts that
 * wait for [alerts] command. Front ends call it at each use: cheap when
 * the day has not changed. A failure (a busy store, a command failing)
 * is kept in s->alert_note for the front end to show, and tried again at
 * the next use; never the caller's. Not on a central node. */
void svc_alerts_tick(struct svc *s);
/* The alerts' daily pass for today, at once (a supervisor; issue 21,
 * helper-243's fault 1): as the first use of a day passes it, and also
 * when the clock's day is before the last pass's (that pass ran under a
 * clock ahead: until that day, no pass runs, and each use says so).
 * Then it passes as a first pass does: every plan read, the alerts of
 * the arrangement rules that do not hold today closed by "system", every
 * overdue item and note looked at, and the last pass's day set back to
 * today. *was: the day of the pass before ("" none), 11 bytes; *day: the
 * day passed (the clock's, read once), 11 bytes. Then the
 * alerts waiting are delivered (a failure noted in s->alert_note). 0, or
 * -1 with err (PD_EPERM for another role, a store error). */
int svc_alerts_pass(
    struct svc *s, char was[11], char day[11], struct pd_err *err);
/* Whether the clock's day is more than 31 days before the last pass's:
 * 1 with what to say into msg (n bytes, the reader's language), for the
 * inbox (paydesk alerts, the Alerts view) to say it (helper-243, fault 1:
 * a preview run once under a clock two years ahead stopped the
 * terminal's passes without a word); else 0. */
int svc_alerts_behind(struct svc *s, char *msg, size_t n);
/* The UI's delivery (src/service/alert_worker.c): a thread with its own
 * store connection gives the waiting alerts to [alerts] command, so
 * that signing in, a payment or an import never waits for the command
 * (helper-240 of issue 21: 16 s at a sign-in for six alerts). Started
 * on s's store, it is s->deliverer: from then on s's deliveries (the
 * tick's, a payment's) wake it with s's config of the moment and return
 * at once. NULL (err set) when it cannot start; s then delivers in the
 * call as before. */
struct alert_worker;
struct alert_worker *svc_alert_worker_start(struct svc *s, struct pd_err *err);
void svc_alert_worker_kick(struct alert_worker *w, const struct config *cfg);
/* 1 with the message (n bytes into buf) when a round failed since the
 * failure count *seen (updated), else 0; w may be NULL. */
int svc_alert_worker_note(
    struct alert_worker *w, unsigned *seen, char *buf, size_t n);
/* Stop s->deliverer and free it, after the delivery under way: the
 * round ends after the alert being given (the others wait for the next
 * use); a command still running after 2 s is waited for, at most its
 * [alerts] command_timeout (then stopped with its process group, as at
 * any timeout, and noted), waiting(arg, that timeout in s) called first
 * when not NULL, for the front end to say so (helper-247, fault 1).
 * None: nothing. */
void svc_alert_worker_stop(
    struct svc *s, void (*waiting)(void *arg, int secs), void *arg);
/* The kind svc_alerts takes for the three of arrangements: a broken
 * plan, an installment missed or due (the Arrangements list's F3;
 * helper-235, fault 7 of issue 21). */
#define ALERT_PLAN_KINDS (-2)
/* The alerts not closed (all 0) or every one, of every kind (kind -1),
 * of one or of arrangements (ALERT_PLAN_KINDS), oldest first; *n of
 * them, free the array. Recovery and up (PD_EPERM). */
struct alert *svc_alerts(
    struct svc *s, int kind, int all, size_t *n, struct pd_err *err);
/* How many alerts are Open, for the header: -1 when the user signed in
 * does not work alerts (below recovery) or the store failed. */
int64_t svc_alerts_open(struct svc *s);
/* Work alert id (recovery and up), each audited and in its history:
 * acknowledge an Open one; assign one not Closed to user (an active
 * user of the recovery role or above; "" or "-" takes the assignment
 * back); add a note (1-500 characters of text, no control characters);
 * close one not Closed. PD_ENOTFOUND no such alert or user, PD_EINVAL
 * a change its status refuses. */
int svc_alert_ack(struct svc *s, int64_t id, struct pd_err *err);
int svc_alert_assign(
    struct svc *s, int64_t id, const char *user, struct pd_err *err);
int svc_alert_note(
    struct svc *s, int64_t id, const char *text, struct pd_err *err);
int svc_alert_close(struct svc *s, int64_t id, struct pd_err *err);
/* An alert's history: raised, acknowledged, assigned (text: the user,
 * "" taken back), a note, closed, ended (closed by "system": its cause
 * ended, e.g. the installment paid, the item settled, the note used or
 * expired, the payment voided; text: why, in the reader's language,
 * "" for the arrangement rules'), a delivery that failed (text: how).
 * Review 21b, fault 8b. */
struct alert_entry {
	char at[TS_BUFSZ];
	char user[33];  /* "system" for the pass, a sync round, delivery */
	char action[16]; /* stored word: "raised", "note", ... */
	char text[512];
	/* a step this terminal undid: why, in the reader's language and in
	 * English (JSON); "" one that stands (store_alert_history) */
	char taken_back[512];
	char taken_back_en[512];
};
/* Alert id and its history, oldest first (*n entries; free()).
 * Recovery and up; PD_ENOTFOUND. */
struct alert_entry *svc_alert_show(struct svc *s, int64_t id, struct alert *a,
    size_t *n, struct pd_err *err);
/* A history entry's action (with its text) as people read it:
 * "Raised", "Note", ..., "Unassigned" for an assignment to no one
 * (N_()). */
const char *svc_alert_action_name(const char *action, const char *text);
/* "Arrangement broken", "Installment missed", ... (N_(), English:
 * translate where shown). */
const char *svc_alert_kind_name(enum alert_kind k);
/* broken, missed, due, overdue, large, credit, refused, gateway,
 * reconciliation (case-insensitive) as the command line takes them; -1
 * if none. */
int svc_alert_kind_parse(const char *s);
/* The words svc_alert_kind_parse takes, comma-separated. */
const char *svc_alert_kind_words(void);
/* "Open", "Acknowledged", "Closed" with the context "alert" (TC_: a
 * term for an X_TERM cell or rec_term; i18n_term_word the word alone). */
const char *svc_alert_status_name(enum alert_status st);
/* The words a program reads and types back (CSV and JSON, --kind and
 * --status): "overdue", "broken"...; "open", "acknowledged", "closed"
 * (static). helper-235, fault 6 of issue 21. */
const char *svc_alert_kind_word(enum alert_kind k);
const char *svc_alert_status_word(enum alert_status st);
/* Whether alert a has days (hours for a gateway payment): not a broken
 * plan, which has its misses against those allowed, nor a large payment
 * or a refused record, which have neither. */
int svc_alert_has_days(const struct alert *a);
/* Whether alert a has an amount: not a refused record's (helper-233,
 * fault 7: it read 0.00). */
int svc_alert_has_amount(const struct alert *a);
/* Whether its days as of today are shown: it has days and is not Closed
 * (review s48: a due alert closed by its payment read -69 days). The
 * CLI's list and show, the inbox's Days column and the alert's view. */
int svc_alert_days_now(const struct alert *a);

/* The plans' performance (issue 21: "which terms result in the highest
 * compliance"; recovery and up): every arrangement made from created_on
 * from..to (NULL: any), grouped by its terms as they are now: the band
 * of its installments (1-3, 4-6, 7-12, 13-24, 25+), its frequency, the
 * band of its down payment's share of its debt (0%, under 10%, 10-25%,
 * 25%+), its grace days and the misses it allows. Of each group: its
 * plans by status, its installments that fell due (on time, late,
 * missed: as each plan's compliance counts them), the compliance rate
 * (on time / fell due, tenths of a percent, -1 none fell due), the debt
 * arranged, what its installments were paid (collected) and what
 * payments to the items it took over settled of them. Highest compliance
 * first, groups with none due last, then most plans. segment (NULL:
 * any) keeps the plans of consumers of that segment, ignoring case.
 * *n rows, free the array. */
struct arr_perf_row {
	char inst_band[8]; /* "1-3" ... "25+" */
	int inst_lo;       /* the band's least number (its order) */
	enum arr_freq freq;
	int down_band; /* 0: none, 1: under 10%, 2: 10-25%, 3: 25% or more */
	int grace_days;
	int misses_allowed;
	int plans, active, completed, broken, cancelled;
	int fell_due, on_time, late, missed;
	int compliance; /* tenths; -1 none fell due */
	/* the debt arranged; paid into the installments (arr_view.paid);
	 * paid to the items taken over (arr_view.to_items) */
	int64_t arranged, collected, to_items;
};
struct arr_perf_row *svc_arr_performance(struct svc *s, const char *from,
    const char *to, const char *segment, size_t *n, struct pd_err *err);
/* The down payment band's words ("0%", "under 10%", "10-25%", "25%+"),
 * as stored (N_); svc_arr_down_band_key its key in JSON and CSV. */
const char *svc_arr_down_band_name(int band);
const char *svc_arr_down_band_key(int band);

/* What a consumer still owes on each live arrangement (issue 21: a
 * receipt's or a preview's "Outstanding after payment" counts only what
 * is due today; the plan's later installments are owed too): the plans
 * neither Cancelled nor Completed with something left, what is left
 * and in how many installments, less what paid[0..npaid) gives their
 * installments (a preview's split; NULL after posting). At most max
 * into out; their count, or -1 with err. */
struct plan_left {
	char plan_no[33];
	int64_t left;
	int n; /* installments with something left */
};
int svc_plans_left(struct svc *s, const char *account,
    const struct alloc_item *paid, size_t npaid, struct plan_left *out,
    int max, struct pd_err *err);

/* The disconnection list (issue 21; recovery and up): consumers whose
 * open items due [disconnection] days ago or earlier owe together at
 * least [disconnection] amount, most owed first; the installments of an
 * Active arrangement none of whose installments is missed (a plan being
 * kept) are not counted: a plan protects the debt it holds, not its
 * consumer's other debt (review R21d, r21d_partial_plan_shield).
 * Computed from the ledger when asked; *n rows, free the array. */
struct overdue_row *svc_disconnections(
    struct svc *s, size_t *n, struct pd_err *err);
/* The reconnection list (issue 21; recovery and up): the consumers who
 * were on the disconnection list within the last [disconnection] days
 * (on a day they paid, made or rescheduled an arrangement, the list's
 * rule as it stood before that day listed them: svc_disconnections' on
 * the ledger of then, a plan Broken or kept as it was then) and are no
 * longer: they paid below the amount ("Paid"), or an Active arrangement
 * with no installment missed protects them ("Arrangement"). By account;
 * *n rows, free the array. */
struct reconnect_row *svc_reconnections(
    struct svc *s, size_t *n, struct pd_err *err);

/* ---- disputes of payments (issue 21; dispute.h, src/service/dispute.c)
 * Recovery and up open, review and reject; upholding voids a payment or
 * makes a credit note, which needs a supervisor, as both do elsewhere.
 * Each step is one transaction with its audit entry and its outbox
 * record (kind dispute); a refusal changes nothing. */

/* A dispute with its timeline and what its upholding made. */
struct dispute_view {
	struct dispute d;
	struct dispute_event *events; /* oldest first; owned */
	size_t nevents;
	int age;     /* days from its opening to its resolution, or today */
	int overdue; /* unresolved: days past its due date, else 0 */
	char credit_no[64]; /* the credit note made from it, "" none */
	int64_t credit_amount;
	char charge_ref[64]; /* the bounced cheque's service charge, "" */
	int64_t charge_amount;
};
/* Days of d: its age (until resolved_on when resolved) and how far past
 * its due date it is while unresolved, as of today. */
void svc_dispute_days(const struct dispute *d, int *age, int *overdue);
/* What is left of payment p to dispute into *left (minor units): its
 * amount less what its upheld disputes took (charged back and charged
 * again, or credited), 0 when they took all of it (review s48); -1 err. */
int svc_dispute_left(
    struct svc *s, const struct payment *p, int64_t *left, struct pd_err *err);
/* Open a dispute of payment (a receipt or payment number, as the other
 * commands find one) for reason (a code of [disputes] reasons, any
 * case), with note ("" none), of *amount (minor units; NULL: all that is
 * left of it, svc_dispute_left); its number into number. Refused: a
 * payment voided, failed or cancelled, or with a dispute not yet
 * resolved; an amount not more than 0 or more than what is left of the
 * payment, or a bounced cheque's of part of it or of a payment an upheld
 * dispute took part of. */
int svc_dispute_open(struct svc *s, const char *payment, const char *reason,
    const char *note, const int64_t *amount, char number[33],
    struct pd_err *err);
/* What svc_dispute_open would refuse, with its error, written nothing:
 * 0 when the dispute can be opened so (the TUI asks for its confirmation
 * only then; helper-246, fault 6: a bounced cheque of part of its
 * payment was refused after the second Enter). */
int svc_dispute_open_check(struct svc *s, const char *payment,
    const char *reason, const char *note, const int64_t *amount,
    struct pd_err *err);
/* Open -> Under review, with note ("" none). */
int svc_dispute_review(
    struct svc *s, const char *number, const char *note, struct pd_err *err);
/* How a dispute is upheld: by voiding its payment (by_void), or by a
 * credit note (by_credit) of credit (minor units, no more than the
 * amount disputed) for credit_reason (one of the organisation's
 * credit-note reasons; NULL: Other when configured). Neither: a dispute
 * of part of its payment is upheld by a credit note of the amount
 * disputed (review R21d, fault 3); one of all of it needs one named
 * (PD_EUSAGE). A void of a payment disputed in part reverses more than
 * was disputed: refused (PD_ECONFIRM) unless whole asks for it. A
 * bounced cheque is upheld by a void, and adds [disputes]
 * bounced_cheque_charge as a new open item when it is not 0. */
/* The service charge an upheld bounced cheque adds ([disputes]
 * bounced_cheque_charge), minor units; 0 none (the Uphold form says
 * which, helper-261, fault 6). */
int64_t svc_dispute_bounced_charge(const struct svc *s);
struct dispute_uphold {
	int by_void;
	int by_credit;
	/* a chargeback's: its amount charged again (an item); its default */
	int by_charge;
	/* a credit note of a chargeback, asked for knowingly (the bank has
	 * returned the money already): without it, refused (status 15) */
	int despite_chargeback;
	int whole;
	int64_t credit;
	const char *credit_reason;
	const char *note;
};
/* What svc_dispute_uphold would refuse u of dispute number for, with its
 * error, written nothing: 0 when it can be upheld so (the TUI asks for
 * its confirmation only then; helper-235, fault 9 of issue 21). */
int svc_dispute_uphold_check(struct svc *s, const char *number,
    const struct dispute_uphold *u, struct pd_err *err);
/* The ways a dispute is upheld: struct dispute_uphold's by_void,
 * by_credit and by_charge. */
enum dsp_remedy { DSP_BY_VOID, DSP_BY_CREDIT, DSP_BY_CHARGE, DSP_NREMEDIES };
/* Whether svc_dispute_uphold would take remedy r for dispute number, as
 * the Uphold form asks for it (a void of all of its payment, a credit
 * note of the amount disputed, a chargeback's credit note knowingly):
 * 0 it would, -1 refused with its reason in err, written nothing. One
 * rule with the uphold's: the form offers only what it would take
 * (helper-258, fault 4: the void of a chargeback of part was offered,
 * then refused). */
int svc_dispute_remedy_check(
    struct svc *s, const char *number, enum dsp_remedy r, struct pd_err *err);
/* Resolve a dispute as upheld (supervisor and up). */
int svc_dispute_uphold(struct svc *s, const char *number,
    const struct dispute_uphold *u, struct pd_err *err);
/* What svc_dispute_reject says of note, 0 when it takes it: required,
 * not blank (the form asks it, helper-261, fault 6). */
int svc_dispute_reject_check_note(
    struct svc *s, const char *note, struct pd_err *err);
/* Resolve a dispute as rejected, with note (required). */
int svc_dispute_reject(
    struct svc *s, const char *number, const char *note, struct pd_err *err);
/* Disputes of status (open, review, upheld, rejected, unresolved; NULL
 * or "" any) and of the consumer of account (NULL: any), unresolved
 * first, soonest due first; *n, the caller frees. */
struct dispute *svc_dispute_list(struct svc *s, const char *status,
    const char *account, size_t *n, struct pd_err *err);
/* How dispute d was upheld, as people read it (N_(): "Payment voided",
 * "Credit note", "Charged again"), "" when it is not upheld. */
const char *svc_dispute_resolution(const struct dispute *d);
/* The disputes of one payment (by id), newest last; caller frees. */
struct dispute *svc_dispute_of_payment(
    struct svc *s, int64_t payment_id, size_t *n, struct pd_err *err);
/* Dispute number with its timeline; free with svc_dispute_view_free. */
int svc_dispute_show(struct svc *s, const char *number,
    struct dispute_view *v, struct pd_err *err);
void svc_dispute_view_free(struct dispute_view *v);
/* A dispute's status as the operator reads it ("Open" in the context
 * "dispute"); a static buffer's or the catalogue's. */
const char *svc_dispute_status(enum dsp_status st);
/* "Chargeback", ... for a reason code; the default codes translated. */
const char *svc_dispute_reason(const char *code);

#endif
