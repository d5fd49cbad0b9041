/* service_sync.h - sync at the terminal (a round, the background
 * worker) and at the central node, and payment gateways at both.
 *
 * Part of service.h: include service.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_SERVICE_SYNC_H
#define PAYDESK_SERVICE_SYNC_H

/* Sync, terminal side (src/service/sync_round.c). One round pushes every
 * pending outbox record in batches of [sync] batch (each batch's answers
 * committed in one transaction: acknowledged records are marked sent,
 * rejected ones quarantined), then pulls pages of [sync] pull_page
 * entries from the saved cursor (the next page fetched while one is
 * applied), pages committed with the cursor about 100,000 entries at a
 * time. A crash anywhere resumes where the last commit left it. */
struct sync_report {
	int64_t to_send; /* pending when the round started */
	int64_t sent;    /* records answered */
	int64_t applied, duplicates, rejected;
	int64_t batches;
	int64_t pulled, pages;
	int64_t conflicts; /* pulled records this store could not take */
	int64_t pending;   /* left at the end */
	int bad_answer;    /* the round ended on an answer of the central
	                      node that this terminal refused (PD_ENET) */
};
/* Progress: phase "push" or "pull"; total 0 when unknown. Return non-0
 * to stop after the current batch. */
typedef int (*sync_progress_fn)(
    const char *phase, int64_t done, int64_t total, void *arg);
int svc_sync(struct svc *s, sync_progress_fn cb, void *arg,
    const volatile int *cancel, struct sync_report *rep, struct pd_err *err);
/* How the last round ended, for the Sync screen: reached and well, not
 * reached (offline), the token or a request refused, an answer refused
 * (bad answer), or another failure (the store). */
enum sync_link {
	LINK_UNKNOWN,
	LINK_ONLINE,
	LINK_OFFLINE,
	LINK_REFUSED,
	LINK_BAD_ANSWER,
	LINK_FAILED
};
/* The one shape of the sync state, for `paydesk sync --status`
 * (svc_sync_state) and the UI (svc_sync_worker_status). */
struct sync_status {
	int configured; /* [sync] url is set */
	enum sync_link link;
	int running;         /* a round is under way */
	char phase[8];       /* "push" or "pull" while running */
	int64_t done, total; /* of the phase; total 0 when unknown */
	int64_t pending, quarantined;
	int64_t rounds;          /* finished since the start */
	struct sync_report last; /* the last finished round */
	char last_ok[TS_BUFSZ];  /* last round that went well, "" never */
	char last_try[TS_BUFSZ]; /* last round started, "" never */
	char last_error[512];    /* of the last round, "" if it went well */
	char last_error_en[512]; /* the same in English (JSON), say.h */
	int64_t cursor;          /* where the next pull starts */
};
/* The sync state this store keeps (configured, the queue, the pull
 * cursor and the stored outcome of the last round); the fields only a
 * running worker knows (link, running, phase, rounds, last) are 0. */
void svc_sync_state(struct svc *s, struct sync_status *st);
/* Quarantined records (rejected by the central node), oldest first;
 * free with svc_outbox_free. */
struct outbox_rec *svc_sync_quarantine(
    struct svc *s, size_t *n, struct pd_err *err);
/* Free n outbox records and their payloads. */
void svc_outbox_free(struct outbox_rec *r, size_t n);
/* Queue a quarantined record again (supervisor). */
int svc_sync_retry(struct svc *s, const char *uuid, struct pd_err *err);

/* Background sync (src/service/sync_worker.c): a thread with its own
 * store connection runs a round every [sync] interval seconds, and at
 * once when kicked; between rounds it counts the queue every second. The
 * UI reads a copy of its state and never waits for it. */
struct sync_worker;
/* Start the worker on s's config and store; NULL (err set) if its store
 * connection cannot be opened. Not started (NULL, err.code 0) when no
 * central node is configured. The alerts its rounds raise or pull go to
 * s->deliverer when s has one (svc_alert_worker_start, started first and
 * stopped after this one). */
struct sync_worker *svc_sync_worker_start(
    const struct svc *s, struct pd_err *err);
void svc_sync_worker_status(struct sync_worker *w, struct sync_status *st);
/* A round now (or as soon as the one under way ends). */
void svc_sync_worker_kick(struct sync_worker *w);
/* Stop (a round under way is cancelled) and free; w may be NULL. */
void svc_sync_worker_stop(struct sync_worker *w);

/* Sync, central side (src/service/sync_central.c): s is one
 * organisation's store on the central node. */
int svc_central_open(struct svc *s, const struct config *cfg, const char *path,
    int create, struct pd_err *err);
/* Called after each record of a push is applied (a test hook). */
typedef void (*svc_push_hook)(size_t applied, void *arg);
/* The terminal a push comes from, as the central node registered it
 * (its token's). */
struct sync_sender {
	const char *terminal;
	const char *branch;
	/* when the organisation was added on the central node
	 * (YYYY-MM-DD HH:MM:SS; NULL or "": no lower bound): a record's
	 * times are not before it, less the clock skew allowed */
	const char *org_created_at;
	/* when a terminal of this id was first added (NULL or "": no
	 * bound): a record's time is not before it, less the clock skew */
	const char *terminal_created_at;
	/* when the central node last heard from the terminal before this
	 * request (YYYY-MM-DD HH:MM:SS; NULL or "": never): a document
	 * number far ahead of its series must have had the time since to
	 * be issued (sync_ahead.c) */
	const char *last_synced;
	/* when the terminal was handed changes of the rules (settings,
	 * users), oldest first (store_terminal_marks; NULL: never): a
	 * record is judged by the rules in force from the last change the
	 * terminal had when it made the record on, not by today's (issue
	 * 18, review point 5; sync_judge.c) */
	const struct rule_mark *marks;
	size_t nmarks;
	/* set by the judge, not by callers: past 1, the users are those in
	 * force at feed entry rules_since or after it */
	int past;
	int64_t rules_since;
};
/* The shifts of an organisation the central node keeps (issue 20),
 * newest first: opened from..to ("YYYY-MM-DD", NULL: no bound), of
 * the terminals listed (NULL: every one; a branch's). cb gets each shift
 * and, closed, the sum of its tenders' over (+) or short (-); a non-zero
 * return stops the list. A bad date: PD_EUSAGE naming the option. */
struct central_shift_filter {
	const char *from, *to;
	const char *const *terminals;
	size_t nterminals;
};
/* Another shift of a row's cashier at another terminal, open at once
 * with the row's (its time from opened_at to closed_at, "" while open,
 * meets the row's): one cashier holds one drawer at a time, which a
 * terminal keeps to as far as it has pulled, but two terminals offline
 * may each open one. The central node takes both (refusing one would
 * lose a drawer's cash records) and names them (review s70, fault 3). */
struct central_shift_overlap {
	char uuid[37];
	char terminal[17];
	char cashier[SHIFT_USER_BUFSZ];
	char opened_at[TS_BUFSZ];
	char closed_at[TS_BUFSZ];
};
struct central_shift_row {
	const struct shift *sh;
	/* the cashier's shifts at other terminals open at once with it */
	const struct central_shift_overlap *overlaps;
	size_t noverlaps;
	int64_t over_short;                /* minor units; 0 while open */
	char over_short_text[MONEY_BUFSZ]; /* as the organisation writes it */
	char float_text[MONEY_BUFSZ];      /* the opening float counted */
	/* open across midnight or longer than the organisation's [shifts]
	 * max_hours: until now while open, to its close once closed */
	int flagged;
	/* a close's tenders (none while open): each recounted one's
	 * first_counted is the count first shown, from the close record */
	const struct shift_tender *tenders;
	size_t ntenders;
	const struct svc *svc; /* the node's money format, for the texts */
};
typedef int (*central_shift_cb)(const struct central_shift_row *row, void *arg);
int svc_central_shifts(struct svc *s, const struct central_shift_filter *f,
    central_shift_cb cb, void *arg, struct pd_err *err);
/* The central node's report of a terminal's document series (review 18,
 * the gaps an auditor asks about; paydesk-central gaps). Lines, in this
 * order: per series (payments, receipts, credit notes, closed shifts'
 * Z numbers) and scope (the year or month of a format that resets),
 * SERIES_ISSUED (first and last number held, count: how many) and after
 * it each SERIES_MISSING (first to last missing, count) and
 * SERIES_TWICE (a number held more than once, count: how many times);
 * then each document voided, oldest void first
 * (SERIES_VOIDED: first its number, last its payment's, reason, by and at
 * the void's); then SERIES_REFUSED (count: the terminal's records the
 * node refused, sync_log) when there are any. Numbers of today's formats
 * only, judged as doctor does (src/service/series.c). A number missing
 * after the last one held is not seen: the terminal's pending count and
 * last sync say whether it may still come. series is the stored word
 * ("payment", "receipt", "credit_note", "z_report"), scope "" when the format
 * does not reset. The strings live until cb returns; a non-zero return stops
 * the report and is returned. */
enum series_line_kind {
	SERIES_ISSUED,
	SERIES_MISSING,
	SERIES_VOIDED,
	SERIES_REFUSED,
	/* a number held twice in one series (first: it, count: how many
	 * times): a Z number of two closes, told like a gap */
	SERIES_TWICE,
};
struct series_line {
	enum series_line_kind kind;
	const char *series, *scope;
	char first[64], last[64];
	int64_t count;
	const char *reason, *by, *at; /* SERIES_VOIDED's; NULL otherwise */
};
typedef int (*series_line_cb)(const struct series_line *l, void *arg);
int svc_central_gaps(struct svc *s, const char *terminal, series_line_cb cb,
    void *arg, struct pd_err *err);
/* The day before which the central node keeps of each terminal only the
 * newest head seen and rule mark ([central] history_days ago; review 18
 * retention), YYYY-MM-DD. */
void svc_central_history_cutoff(
    const struct config *cfg, char out[DATE_BUFSZ]);
/* The reanchors the central node kept for terminal (NULL: every one),
 * oldest first (review 18; paydesk-central reanchors); caller frees. */
struct reanchor_row *svc_central_reanchors(
    struct svc *s, const char *terminal, size_t *n, struct pd_err *err);
/* The organisation's Posted payments paid from from to to (YYYY-MM-DD,
 * inclusive; NULL: open) as its terminals sent them, per method,
 * largest first (issue 23: paydesk-central collections, each
 * organisation in its own currency), then each configured method (the
 * organisation's settings' or the node's) none was taken by, at zero:
 * the methods a --method may name (s72 fault 9). */
int svc_central_collections(struct svc *s, const char *from, const char *to,
    split_cb cb, void *arg, struct pd_err *err);
/* Every deposit of the organisation as its terminals sent them (issue
 * 20), newest first; the caller frees. */
struct deposit *svc_central_deposits(
    struct svc *s, size_t *n, struct pd_err *err);
/* The cheques by number of deposit deposit_id (review R20, fault 8), in
 * the order written; the caller frees. */
struct deposit_cheque *svc_central_deposit_cheques(
    struct svc *s, int64_t deposit_id, size_t *n, struct pd_err *err);
/* The central node's view of the reconciliation (issue 20; paydesk-central
 * statements, exceptions and reconciliation; src/service/recon_central.c),
 * on both of its engines. A filter's NULL member is any: the bank
 * account, the days from..to (YYYY-MM-DD), the terminal whose records
 * raised a row. */
struct central_recon_filter {
	const char *account, *from, *to, *terminal;
};
/* An imported statement with how many of its lines an active match
 * holds and how many live credits none took (statement show's words:
 * matched and amount_differs; unmatched). */
struct central_stmt_row {
	struct statement st;
	int64_t matched, unmatched;
};
/* The statements of the organisation (f's account, terminal, and a
 * period that meets from..to), newest first; free(). */
struct central_stmt_row *svc_central_statements(struct svc *s,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err);
/* The statement named name (its NAME as every store names it, or this
 * node's number) with its lines' reconciliation, as svc_statement_show
 * reads it; PD_ENOTFOUND when none. svc_statement_view_free it. */
struct statement_view;
int svc_central_statement_show(struct svc *s, const char *name,
    struct statement_view *v, struct pd_err *err);
/* An open exception as the central node has it: the terminal's (struct
 * recon_exception, its age as of today) with the bank account it is of
 * ("" a shift's) and the terminal whose record raised it (the deposit's,
 * the statement's import, the shift's). */
struct central_exception {
	struct recon_exception e;
	char account[64];
	char terminal[33];
};
/* The open exceptions (f: account, terminal, the day listed from..to),
 * oldest first, as a terminal holding the same records lists them
 * (svc_recon_exceptions), but for what only a terminal holds (the
 * refunds of voids it had refused or undid, a deposit's cheque whose
 * payment was voided); free(). */
struct central_exception *svc_central_exceptions(struct svc *s,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err);
/* A bank account's day as svc_recon_days gives it. */
struct central_recon_day {
	char account[64];
	struct recon_day d;
};
/* The days of each account (f's, or every account deposits and
 * statements name, in order) from..to (NULL: from the first, to today),
 * each as a terminal holding the same records reads it (svc_recon_days);
 * PD_ENOTFOUND: f's account named by nothing; PD_EINVAL: from after to;
 * free(). */
struct central_recon_day *svc_central_recon(struct svc *s,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err);
/* Apply a push from terminal from in one transaction; res[i] answers
 * push->recs[i]. Each record must be one the terminal could have posted
 * itself (src/service/sync_check.c), or it is rejected with the reason
 * and logged. -1 only when the store failed (nothing kept). */
int svc_central_push(struct svc *s, const struct sync_sender *from,
    const struct sync_push *push, struct sync_result *res, svc_push_hook hook,
    void *arg, struct pd_err *err);
/* n pushes of one organisation's terminals (from[k] sent push[k], res[k]
 * answers it) applied as svc_central_push applies one, in one
 * transaction: a group commit (issue 22: eight terminals pushing at once
 * waited each for the others' transactions, one after the other, the
 * fixed cost of each - its reads of the batch's rows, a statement a
 * table, the commit - paid by every batch). 0 applied; -1 the store
 * failed (nothing kept); -2 (n > 1 only) nothing kept either, and each
 * push is to be applied alone: a record of one was refused half applied
 * or a check of the pass failed (applied alone, each record is then
 * judged in its own savepoint, as svc_central_push does), or the records
 * wrote rows the central node seals (each push's are claimed by an
 * entry naming its terminal). */
int svc_central_push_group(struct svc *s, const struct sync_sender *const *from,
    const struct sync_push *const *push, struct sync_result *const *res,
    size_t n, svc_push_hook hook, void *arg, struct pd_err *err);
/* A pull page for terminal (of branch) as a response body; caller frees.
 * Users of another branch go down disabled with "!" for a PIN hash
 * (issue 18 section 5): a terminal holds its own branch's hashes and
 * those of users of every branch (branch ""). */
char *svc_central_pull(struct svc *s, const char *terminal, const char *branch,
    int64_t since, size_t limit, int64_t *cursor, size_t *count,
    struct pd_err *err);
/* The newest feed entry in (since, cursor] that changed a setting or a
 * user (0: none): a pull page that hands a terminal a change of the
 * rules its records are judged by (sync_judge.c). */
int64_t svc_central_rules_in(struct svc *s, int64_t since, int64_t cursor);
/* The feed entries each of n terminals has not pulled yet, after its
 * cursor since[i] (store_feed_waiting); -1 when the store failed. */
int svc_central_waiting(struct svc *s, const char *const *terminals,
    const int64_t *since, size_t n, int64_t *waiting, struct pd_err *err);
/* A terminal's audit head (POST /v1/anchor): kept when it extends the
 * one kept (or in is only a question); *out gets the head kept after.
 * PD_ETAMPER (an answer 409) when it is shorter or differs. */
int svc_central_anchor(struct svc *s, const struct sync_anchor *in,
    struct sync_anchor *out, struct pd_err *err);
int svc_central_anchor_decode(
    const char *body, size_t len, struct sync_anchor *a, struct pd_err *err);
/* Caller frees. */
char *svc_central_anchor_encode(const struct sync_anchor *a);
/* Free a decoded request's links (sync_anchor_free). */
void svc_central_anchor_free(struct sync_anchor *a);
/* The bodies of the central node's answers, in the protocol of
 * syncrec.h. Decode a push body; on failure err says what is wrong
 * and where (an answer 400). Free p with svc_central_push_free. */
int svc_central_push_decode(
    const char *body, size_t len, struct sync_push *p, struct pd_err *err);
void svc_central_push_free(struct sync_push *p);
/* Pushes' documents parsed into an arena each, freed whole
 * (sync_json_arena_install): once, first thing in the central node's
 * main, before any thread (issue 24). A push is then decoded and freed
 * by one thread, as a request's handler does. */
void svc_central_push_arena(void);
/* The terminal's pull pages parsed into an arena each, freed whole
 * (sync_json_arena_install): once, first thing in the terminal's main,
 * before any thread (issue 22). */
void svc_sync_pull_arena(void);
/* The answer to a push: res[i] for each of its n records. Caller frees. */
char *svc_central_push_answer(const struct sync_result *res, size_t n);
/* An error answer saying msg. Caller frees. */
char *svc_central_error(const char *msg);

/* Payment gateways, central side (src/service/gateway.c; issue 19).
 * svc_gateway_sig_check: gw_sig_check (gateway.h) for the front end. */
enum gw_sig svc_gateway_sig_check(const char *header, const char *body,
    size_t len, const char *const *secrets, size_t n, int64_t now,
    int tolerance, struct pd_err *err);
/* Whether secret is g's mobile-money URL secret, or its previous one
 * while it is still valid (old_until); compared as SHA-256s, in constant
 * time. */
int svc_gateway_path_ok(const struct gateway_row *g, const char *secret);
/* One notification of a group (svc_gateway_receive): in, gateway g's
 * request (authenticated already) as it came: body (len bytes, not
 * NUL-terminated necessarily), the client's address, the kept headers
 * (a JSON object); out, what was decoded (ev), whether the event was
 * kept already (replay: nothing written), and rc 0 (kept, or a replay)
 * or -1 with err (PD_EINVAL: an answer 400 naming the field that is
 * wrong, nothing of it kept). */
struct gw_incoming {
	const struct gateway_row *g;
	const char *body;
	size_t len;
	const char *source, *headers;
	struct gw_event ev;
	int replay, rc;
	struct pd_err err;
};
/* n notifications of the organisation's gateways (issue 19's rate
 * target: a group commit): each decoded by its gateway's profile in the
 * organisation's currency (s->cfg) and, in one transaction for all, kept
 * as received (body, headers, source address) and the payment it
 * reports applied, each in a savepoint of its own, so a refused one
 * (PD_EINVAL) leaves the others; one commit, one fsync, for the group.
 * 0 once the group is committed and durable (each in[i].rc says how its
 * notification went: answer it only now); -1 with err when the store
 * failed and nothing of the group was kept (every notification of it is
 * to be answered as a failure, to be retried). The same event twice in
 * a group is kept once, the second a replay. hook (NULL: none; a
 * test's) gets how many of the group were kept (not replays) just
 * before the commit. */
int svc_gateway_receive(struct svc *s, struct gw_incoming *in, size_t n,
    void (*hook)(size_t kept, void *arg), void *arg, struct pd_err *err);
/* A mobile-money validation request: *accept is 1 when its fields are
 * right and BillRefNumber is a consumer's account number (ignoring case,
 * spaces and dashes), or unknown and accept_unknown is set. Bad fields
 * are PD_EINVAL. Nothing is written. */
int svc_gateway_validate(struct svc *s, const char *body, size_t len,
    int accept_unknown, int *accept, struct pd_err *err);

/* What a settlement file did: payments settled now, named again with
 * the same settlement (unchanged), and ledger payments it moved from
 * Pending to Posted. */
struct gw_settle_result {
	size_t settled, unchanged, posted;
	size_t payouts; /* of unchanged, the payout filled in (settled
	                   before by a file without the column payout) */
};
/* Import gateway g's settlement file path (gw_settle_decode's format),
 * all or nothing, in one transaction (issue 19; seed 002): every code
 * must be a succeeded payment of g for the same amount, settled no
 * earlier than the day it was paid, and not settled before otherwise.
 * Each gets its fee, its settlement day, "Settled" and its processing
 * time (paid to settled in tenths of a day, rounded; a day without a
 * time counts from its start, and never less than 0); its ledger
 * payment, when Pending, is Posted, verified by "System". A payment
 * settled the same way before without a payout takes the payout the
 * file names (audited); one in another payout is refused. Any refusal
 * is PD_EINVAL beginning "PATH: Line L: ", and nothing is written. */
int svc_gateway_settle(struct svc *s, const struct gateway_row *g,
    const char *path, struct gw_settle_result *res, struct pd_err *err);
/* The payments of gateway (NULL: every gateway's), only the unassociated
 * ones when unassociated; caller frees. */
/* Whether zone is a time zone a gateway's local times can be read in
 * (os_tz_local_to_utc: an IANA name or an offset): 0, or -1 with err. */
int svc_gateway_tz_check(const char *zone, struct pd_err *err);
/* The payouts of gateway (NULL: every gateway's) with their matches
 * (store_gw_payouts_central); caller frees. */
struct payout_row *svc_gateway_payouts(
    struct svc *s, const char *gateway, size_t *n, struct pd_err *err);
struct gw_payment *svc_gateway_payments(struct svc *s, const char *gateway,
    int unassociated, size_t *n, struct pd_err *err);

/* Gateway payments at a terminal (src/service/gateway_local.c; issue 19,
 * seed 004). svc_gateway_local: the ones pulled from the central node,
 * only the unassociated when unassociated, only consumer_id's (0: any),
 * those search names (NULL: all): a part of the code, phone, reference,
 * candidates or account, or the amount in the organisation's format;
 * each with its association state (assoc_state, assoc_reason); caller
 * frees. */
/* Whether a supervisor may associate (on) or disassociate pulled payment
 * g now, before they type anything: their role, no association of it
 * waiting for the central node, and g unassociated (on) or associated
 * (not on). 0, or -1 with err (PD_EPERM, PD_EINVAL) saying why. */
int svc_gateway_assoc_check(struct svc *s, const struct gw_payment *g, int on,
    struct pd_err *err);
/* What a gateway payment's review code (struct gw_payment review) means,
 * in the operator's language: "" for none or one not known. Static. */
const char *svc_gateway_review(const char *code);
struct gw_payment *svc_gateway_local(struct svc *s, int unassociated,
    int64_t consumer_id, const char *search, size_t *n, struct pd_err *err);
/* A supervisor associates pulled payment code (of gateway, NULL: the
 * one gateway with that code) with the consumer of account, or
 * disassociates it (account NULL), for reason: an outbox record the
 * central node applies at the next sync (the first association of a
 * payment wins there; a later conflicting one is refused, shown by
 * svc_gateway_local as "refused" with the reason). Refused here
 * (PD_EINVAL) when the payment is already associated (associate), is not
 * (disassociate), or one made here waits for the central node;
 * PD_ENOTFOUND for an unknown payment or account; PD_EPERM below
 * supervisor. Allowed offline. done (when not NULL) is the payment as
 * recorded: its code and gateway as stored, account_no the consumer's
 * account as stored (not as typed) when associating. */
int svc_gateway_associate(struct svc *s, const char *gateway, const char *code,
    const char *account, const char *reason, struct gw_payment *done,
    struct pd_err *err);

#endif
