/* service.h - the use cases. Every front end (CLI, TUI, central) calls
 * these; none of them runs SQL or re-implements a rule. Each writing use
 * case is one store transaction with its audit entry and outbox record.
 *
 * This header and model.h are the only public headers a front end
 * includes (tests/cli/test_layers.sh checks it): the core vocabulary they
 * need (money and date formatting, display width, credit-note statuses,
 * export cells, xmalloc) comes in through here, and the store does not.
 * Front ends call svc_* and core functions only: the configuration,
 * exports and sync bodies they need have svc_ entry points below (the
 * same script checks the objects' symbols).
 */
#ifndef PAYDESK_SERVICE_H
#define PAYDESK_SERVICE_H
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "alloc.h"
#include "config.h"
#include "credit.h"
#include "date.h"
#include "deposit.h"
#include "dispute.h"
#include "err.h"
#include "export.h"
#include "forecast.h"
#include "gateway.h"
#include "i18n.h"
#include "keyseq.h"
#include "arrange.h"
#include "model.h"
#include "money.h"
#include "shift.h"
#include "syncrec.h"
#include "utf8.h"
#include "xmalloc.h"

struct store; /* the service's own (store.h); front ends never use it */

struct actor {
	int64_t user_id; /* 0: nobody logged in */
	char username[33];
	char full_name[129];
	enum role role;
	char team[33]; /* the user's team (issue 23); "" none */
};

/* The payments a figure, list or report counts (issue 23, seed 000's
 * team-based visibility): this terminal's, this terminal's branch's
 * ([terminal] id and branch), or the organisation's: every payment the
 * store holds, this terminal's and what it pulled from the others. In
 * order of width; AUTO is the signed-in user's role's own
 * (svc_scope_widest). */
enum svc_scope {
	SVC_SCOPE_AUTO = 0,
	SVC_SCOPE_TERMINAL,
	SVC_SCOPE_BRANCH,
	SVC_SCOPE_ORG
};

/* A front end reads cfg and actor; st is the service's. */
struct svc {
	struct config cfg;
	struct store *st; /* private to src/service */
	struct actor actor;
	/* FILE_LINKS_REPLACE when an output file that is a symbolic link
	 * may be replaced (paydesk --force); set after svc_open */
	int replace_links;
	/* the central node (issue 19): the gateway called name of this
	 * store's organisation, from the directory (an association a
	 * terminal pushed is posted with its gateway's method and status
	 * mapping); NULL on a terminal. PD_ENOTFOUND when there is none. */
	int (*gateway_of)(void *arg, const char *name, struct gateway_row *g,
	    struct pd_err *err);
	void *gateway_arg;
	/* the central node: its config before the organisation's settings
	 * (a record made under older settings is judged by them on top of
	 * this); NULL on a terminal */
	const struct config *base_cfg;
	/* the scope the front end chose (svc_scope_set); AUTO: the
	 * actor's role's */
	enum svc_scope scope;
	/* the last failure of the alerts' pass or of delivering an alert to
	 * [alerts] command (issue 21), for the front end to show; "" none */
	char alert_note[512];
	int alerts_ticked; /* svc_alerts_tick ran (a command's once is enough) */
	/* the report filters of the figures (kpi, the dashboard, the
	 * collection rate's items; svc_filters_parse): branch, recorded_by,
	 * method, channel, segment, gateway; NULL fields: none. The texts
	 * are the caller's (struct svc_filters) */
	struct payment_filter narrow;
	/* the central node: the users found sealed during the push under
	 * way (svc_central_push; svc_sync_user_unsealed), each checked once
	 * a push, not once a record */
	int64_t push_sealed[16];
	int npush_sealed;
	/* and, while push_reads is set (svc_central_push), what the
	 * records are judged by read once a push, for the same reason: the
	 * rules' head (-1: not read yet), the last user read by full name
	 * and branch (push_user.id 0: none), and the role the last of them
	 * had since a feed entry (push_role_since -1: none) */
	int push_reads;
	int64_t push_rules_head;
	struct user push_user;
	char push_user_name[129], push_user_branch[17];
	int64_t push_role_since;
	enum role push_role;
};

/* Load the config (path NULL: the usual search) and open the store
 * (db overrides the configured path; create makes it if missing). */
int svc_open(struct svc *s, const char *config_path, const char *db, int create,
    struct pd_err *err);
/* A long-running UI's store: its WAL copied into the database by a
 * thread of its own, not inside a payment's commit (issue 24); -1 with
 * err if that thread could not start (SQLite's own checkpoints stay). */
int svc_checkpoints_behind(struct svc *s, struct pd_err *err);
void svc_close(struct svc *s);

/* The store's upkeep (src/service/upkeep.c). Its schema version. */
int svc_store_version(struct svc *s);
/* How many consumers the store holds (0 for an empty store). */
int64_t svc_consumer_count(struct svc *s);
/* Rows of users and data the store holds (0 fresh from init): demo data
 * goes only into a store where this is 0. */
int64_t svc_store_held_rows(struct svc *s);
/* Integrity check and the consistency of kept-in-step amounts; problems
 * are passed to cb one line each. Returns the number of problems, or -1
 * with err set when the check could not run. */
int svc_doctor(struct svc *s, problem_cb cb, void *arg, struct pd_err *err);
/* An online copy of the store to the file dest; needs a signed-in admin
 * (PD_EPERM): the copy holds every consumer and every PIN hash. */
int svc_backup(struct svc *s, const char *dest, struct pd_err *err);
/* Walk the audit log's hash chain; *checked gets the count of entries;
 * a broken link fails naming the first bad entry. */
int svc_audit_verify(struct svc *s, int64_t *checked, struct pd_err *err);
/* The audit chain's head against the one anchored at the central node
 * (issue 18, section 7). configured 0: no central node ([sync] url),
 * nothing asked. */
struct audit_anchor {
	int configured;
	int64_t local_seq;   /* the store's newest audit entry */
	int64_t central_seq; /* the newest the central node saw; 0: none */
};
/* Ask the central node for the head it keeps and compare: PD_ETAMPER
 * when the store's chain is shorter than it or holds another hash at its
 * sequence, PD_ENET/PD_EAUTH when it could not be asked. */
int svc_audit_anchor(struct svc *s, struct audit_anchor *a, struct pd_err *err);
/* After a restore from a backup (review 18, point 6): set the head the
 * central node keeps back to this store's chain, which must hold the
 * newest head the central node saw at its length or before (base), with
 * an audit entry of its own (action reanchor) saying why. A supervisor's
 * (PD_EPERM); reason required (PD_EINVAL); PD_EUSAGE without a central
 * node; PD_EINVAL when the chain already extends what the central node
 * saw; PD_ETAMPER when the chain does not hold that head (not a backup of
 * this terminal's log) or the central node refuses; nothing changes on a
 * failure. */
struct audit_reanchor {
	int64_t central_seq; /* what the central node had seen */
	int64_t base;        /* the head seen that the chain holds */
	int64_t local_seq;   /* the head kept now */
};
int svc_audit_reanchor(struct svc *s, const char *reason,
    struct audit_reanchor *out, struct pd_err *err);
/* What the last sync round found of the audit head against the central
 * node's ("" nothing): the Home screen warns with it. */
void svc_audit_anchor_error(struct svc *s, char *out, size_t n);
/* The result of the last check (svc_doctor): "" when it found nothing,
 * else when and how many problems; posting is refused meanwhile. */
void svc_store_check(struct svc *s, char *out, size_t n);

/* The clock: local time, or $PAYDESK_NOW ("YYYY-MM-DD[ HH:MM:SS]"). */
void svc_now(char ts[TS_BUFSZ]);
void svc_today(char day[11]);

/* Check username and PIN; on success the actor is set. Wrong PINs count
 * toward a lockout (config security.*). */
int svc_login(
    struct svc *s, const char *username, const char *pin, struct pd_err *err);
/* Fail with PD_EPERM unless the actor has at least role min. action
 * names what was tried, as the reader reads it ("recording a payment",
 * passed through _()): the message is "<action> needs the <role> role". */
int svc_require(
    const struct svc *s, enum role min, const char *action, struct pd_err *err);
/* The report filters (issue 23): ONE parser for every report and list
 * that has them (kpi, payments, report payers, report aging, the
 * dashboard). Their order is the options' in a synopsis. */
enum svc_filter {
	SVC_FILTER_SEGMENT, /* --segment: consumers of a segment */
	SVC_FILTER_PERIOD,  /* --period: an accounting period ([periods]) */
	SVC_FILTER_BRANCH,  /* --branch: payments taken at a branch */
	SVC_FILTER_USER,    /* --user (--operator): recorded by a user */
	SVC_FILTER_CHANNEL, /* --channel */
	SVC_FILTER_METHOD,  /* --method */
	SVC_FILTER_GATEWAY, /* --gateway: taken by a payment gateway */
	SVC_FILTERS
};
#define SVC_FILTER_BIT(k) (1u << (unsigned)(k))
#define SVC_FILTER_ALL ((1u << SVC_FILTERS) - 1u)
/* The filters as given, and what the period came to. */
struct svc_filters {
	const char *text[SVC_FILTERS]; /* as typed (not copied); NULL: none */
	/* set by svc_filters_parse: the period's first and last days
	 * (YYYY-MM-DD; "" without --period) and its months (12: a fiscal
	 * year, 1: a month) */
	char from[11], to[11];
	int months;
};
/* A filter's option, without its dashes ("segment"). */
const char *svc_filter_option(enum svc_filter k);
/* Check fs (only the filters of allowed, SVC_FILTER_BIT()s, may be
 * given: one not in it is refused as not the report's) and write them
 * into f: the period into from/to (refused beside f's own from or to),
 * the rest into their fields. A bad value is refused naming the option
 * and the forms it takes: PD_EUSAGE for a period of no accepted form, a
 * branch, user, method or channel the terminal does not know (configured
 * or on a payment); PD_ESCOPE for another branch than this terminal's
 * without the organisation's scope (svc_scope_set first); a segment or
 * gateway is checked where the list reads (svc_payment_filter_check:
 * PD_ENOTFOUND). Periods: YYYY-MM always; with [periods] calendar =
 * fiscal FYyyyy-Pnn (period nn, 01-12, of the fiscal year that begins in
 * month fiscal_start of yyyy) and FYyyyy (that year). */
int svc_filters_parse(struct svc *s, struct svc_filters *fs, unsigned allowed,
    struct payment_filter *f, struct pd_err *err);
/* The filters in force as a title ("Segment Residential, period
 * 2026-11"), the names as given; "" with none. */
const char *svc_filters_title(
    const struct svc_filters *fs, char *buf, size_t n);
/* Check a payment filter as svc_payments_each does (texts, gateway,
 * segment) without reading payments: a front end's title goes above a
 * list only once its filter is good. */
int svc_payment_filter_check(
    struct svc *s, const struct payment_filter *f, struct pd_err *err);
/* The dashboard's KPI tiles (issue 23, seed 002's customizable KPI
 * tiles): each user chooses which and in what order, kept in the store. */
enum svc_tile {
	TILE_COLLECTED,   /* "collected": Total Collected */
	TILE_TODAY,       /* "today": Received Today */
	TILE_RATE,        /* "rate": Collection Rate */
	TILE_TIME,        /* "time": Average Collection Time */
	TILE_OUTSTANDING, /* "outstanding": the open amount and items */
	SVC_TILES
};
#define SVC_TILES_SHOWN 4 /* at most, side by side */
/* A tile's word ("collected") and its title as the reader reads it. */
const char *svc_tile_word(enum svc_tile t);
const char *svc_tile_title(enum svc_tile t);
/* The signed-in user's tiles in order into t[SVC_TILES_SHOWN], their
 * number in *n: as chosen, else (nobody signed in, nothing chosen) the
 * first four in enum order. */
int svc_tiles(struct svc *s, enum svc_tile *t, int *n, struct pd_err *err);
/* Choose the signed-in user's tiles: list is 1 to 4 of the words,
 * comma-separated, each once. A word of no tile, a repeated one, none
 * or more than four: PD_EUSAGE naming the words; nobody signed in:
 * PD_EPERM. */
int svc_tiles_set(struct svc *s, const char *list, struct pd_err *err);
/* Set user username's team (issue 23, seed 000: users belong to a team;
 * "" none): an admin's, audited, one transaction. A team is up to 32
 * characters of printable text (PD_EINVAL); no such user PD_ENOTFOUND.
 * With [visibility] team = yes a supervisor's lists and reports count
 * the payments of their team's users only (svc_scope_filter). On a
 * terminal that syncs, the central node's users (their import's team
 * column) replace it at the next pull that brings the user. */
int svc_user_team(
    struct svc *s, const char *username, const char *team, struct pd_err *err);
/* The widest scope the actor may read, which is also its default
 * (issue 23): an admin (or the central node) the organisation, a
 * supervisor the branch, a cashier, a recovery agent or nobody signed in
 * this terminal. */
enum svc_scope svc_scope_widest(const struct svc *s);
/* The scope in force: s->scope, or the actor's own when AUTO (never
 * wider than svc_scope_widest: a later sign-in of a lower role narrows
 * it). */
enum svc_scope svc_scope_now(const struct svc *s);
/* "terminal", "branch" or "org" (also "organisation") into *out;
 * PD_EINVAL naming what (the option, "--scope") and the three words. */
int svc_scope_parse(const char *text, const char *what, enum svc_scope *out,
    struct pd_err *err);
/* Choose the scope of what the service reads next (AUTO: the actor's);
 * one wider than the actor's role allows is refused with PD_ESCOPE,
 * naming the role it needs, and s->scope stays. */
int svc_scope_set(struct svc *s, enum svc_scope sc, struct pd_err *err);
/* The scope in force as the reader reads it in a header or a report's
 * title: "Terminal T01", "Branch B01", "Organisation" (into buf of n). */
const char *svc_scope_title(const struct svc *s, char *buf, size_t n);
/* The scope's stored word for exports and JSON: "terminal", "branch",
 * "org". */
const char *svc_scope_word(enum svc_scope sc);

/* Which argument svc_user_add refused, in the order of its arguments (and
 * of the columns of a users import). */
enum user_field {
	USER_USERNAME,
	USER_FULL_NAME,
	USER_ROLE,
	USER_PIN,
	USER_BRANCH, /* optional: "" every branch */
	USER_TEAM    /* optional: "" none (issue 23) */
};
/* Validate and add a user (PIN hashed with yescrypt) inside the caller's
 * transaction; on failure *bad (if not NULL) is the enum user_field at
 * fault. The PIN policy ([security] pin_min_*, weak_pins) is not applied:
 * this is the demo's way in (svc_demo, into an empty store only); users
 * of a real store come through `import users`, which applies it. */
int svc_user_add(struct svc *s, const char *username, const char *full_name,
    const char *role, const char *pin, int *bad, struct pd_err *err);

/* Consumers. */
struct consumer *svc_consumer_search(struct svc *s, const char *text,
    size_t limit, size_t *n, struct pd_err *err);
struct consumer_view {
	struct consumer c;
	struct balance b;
	struct item *items; /* open items, oldest due first */
	size_t nitems;
	/* its gateway payments as this terminal pulled them (issue 19),
	 * oldest paid first; owned */
	struct gw_payment *gw;
	size_t ngw;
};
int svc_consumer_show(struct svc *s, const char *account,
    struct consumer_view *v, struct pd_err *err);
void svc_consumer_view_free(struct consumer_view *v);

/* Recording a payment. */
struct pay_request {
	const char *account;
	enum pay_type type;
	const char **items; /* refs to pay; none: every open item of type */
	size_t nitems;
	const char *method;
	const char *channel; /* NULL: the first configured channel */
	int64_t amount;
	int64_t tendered; /* cash: amount received (0: exact) */
	int has_tendered; /* an amount received was typed: it must be above
	                     zero (the one place "received 0" is refused) */
	const char *date; /* NULL: today */
	const char *notes;
	const char *at; /* record time, NULL: now (demo data only) */
	/* card authorisation code, cheque number, transfer id: NULL or ""
	 * for none; whether it is needed is the method's rule */
	const char *reference;
	/* split the amount in the order of items as given (the cashier's
	 * hand order, rule "hand") rather than by payments.allocation;
	 * needs items */
	int hand;
};
struct pay_quote {
	struct consumer c;
	struct balance before;
	struct alloc_item *items; /* selected items with what they get */
	size_t nitems;
	int64_t due_total; /* outstanding of the selected items */
	int64_t amount, tendered, change;
	int64_t overpaid; /* becomes a credit note */
	enum analysis analysis;
	int64_t difference;    /* amount - due_total */
	int64_t balance_after; /* consumer's due-now balance after */
	const struct pay_method *method;
	const char *channel;
	char date[11];
	char reference[PAYREF_BUFSZ];
	/* the rule that split amount: items[] is in its order */
	enum alloc_rule rule;
};
/* Whether ref (NULL or "" for none) is what a payment by method m takes:
 * required by its rule, refused by a method that takes none (cash),
 * else valid by payref_check. 0, or -1 with PD_EINVAL. Issue 17 sec. 3. */
int svc_pay_reference_check(
    const struct pay_method *m, const char *ref, struct pd_err *err);
/* Check a request and compute its allocation without writing anything. */
int svc_pay_quote(struct svc *s, const struct pay_request *r,
    struct pay_quote *q, struct pd_err *err);
void svc_pay_quote_free(struct pay_quote *q);
struct pay_result {
	struct payment p;
	char cn_no[64]; /* overpayment credit note, "" if none */
	int64_t cn_amount;
};
/* Post: one transaction for payment, allocations, credit note, numbers,
 * audit and outbox. */
int svc_pay_post(struct svc *s, const struct pay_request *r,
    struct pay_result *res, struct pd_err *err);

/* The payment details view. */
struct payment_view {
	struct payment p;
	struct consumer c;
	struct allocation *allocs;
	size_t nallocs;
	struct credit_note *credits;
	size_t ncredits;
	char processing[32]; /* "Immediate", "2 days", "Pending" (JSON's) */
	/* the same in the reader's language, for screens and human output */
	char processing_text[64];
	/* a gateway's payment (issue 19): the gateway payment pulled here
	 * that it was made of (gateway, code, phone, statuses); its
	 * processing time is then the days from paid to settled, to one
	 * decimal (seed 002: "2.3 days") */
	int has_gw;
	struct gw_payment gw;
};
int svc_payment_show(struct svc *s, const char *number, struct payment_view *v,
    struct pd_err *err);
void svc_payment_view_free(struct payment_view *v);
int svc_payment_void(
    struct svc *s, const char *number, const char *reason, struct pd_err *err);
int svc_payment_verify(struct svc *s, const char *number, struct pd_err *err);

/* Credit notes. A request names the payment (receipt number, payment id
 * or transaction id), the amount, a configured reason and remarks. */
struct credit_request {
	const char *receipt;
	int64_t amount;
	const char *reason;
	const char *remarks; /* NULL: none */
};
/* The field of a credit request that was refused. */
enum credit_field {
	CREDIT_NONE,    /* nothing refused, or the actor may not do it */
	CREDIT_PAYMENT, /* unknown, or not Posted */
	CREDIT_AMOUNT,  /* not above zero, or above the limit */
	CREDIT_REASON,  /* missing or not configured */
	CREDIT_REMARKS  /* too long, or not text */
};
struct credit_quote {
	struct payment p;  /* the payment, when found */
	int64_t issued;    /* credit already issued against it (not voided) */
	int64_t limit;     /* the most a new note may credit: p.amount less
	                      issued, never below 0 */
	int64_t remaining; /* the payment's value left after this note:
	                      p.amount - issued - amount (-1: amount refused) */
	enum credit_field bad; /* the field refused (err says why) */
	const char *reason;    /* the configured reason, as spelled there */
};
/* Check a credit-note request without writing anything, in the order of
 * the dialog: the payment, the amount, the reason, the remarks. The
 * payment and its limit are in q whenever the payment was found, even when
 * a later field is refused (a dialog shows the limit from a request with
 * amount 0). Supervisor. */
int svc_credit_quote(struct svc *s, const struct credit_request *r,
    struct credit_quote *q, struct pd_err *err);
/* Create a credit note: the quote's checks, then in one transaction the
 * note, its number, audit entry and outbox record. */
int svc_credit_create(struct svc *s, const char *receipt, int64_t amount,
    const char *reason, const char *remarks, struct credit_note *out,
    struct pd_err *err);
int svc_credit_apply(struct svc *s, const char *cn_no, const char *item_ref,
    int64_t amount, struct credit_application *out, struct pd_err *err);
struct credit_view {
	struct credit_note cn;
	enum cn_status status;
	int64_t remaining;
	int64_t usage_tenths;
	struct credit_application *apps;
	size_t napps;
};
int svc_credit_show(struct svc *s, const char *cn_no, struct credit_view *v,
    struct pd_err *err);
void svc_credit_view_free(struct credit_view *v);
/* Status of a credit note as of today. */
enum cn_status svc_credit_status(
    const struct svc *s, const struct credit_note *cn);

/* Documents: receipts and credit notes as PDF (receipts.paper layout) or
 * plain text (receipts.text_width columns). Each one written is logged
 * with an audit entry; the first is the original, every later one is
 * marked COPY with when and by whom. A voided payment's receipt and a
 * voided credit note are marked VOID.
 *
 * They are written in the language svc_doc_lang gives for their
 * consumer, whatever language the screens speak. */

/* The language of a document: the consumer's preferred language
 * (consumer_lang, from the consumers import; NULL or "": none; one this
 * terminal has no catalogue for: none), else the organisation's
 * ([organisation] language, which the central node may master); NULL
 * means English (see i18n_lang). Exported workbooks' headers follow the
 * organisation's (consumer_lang NULL). */
const struct i18n_lang *svc_doc_lang(
    const struct svc *s, const char *consumer_lang);
struct doc_request {
	const char *out; /* file to write; NULL: receipts.dir/NUMBER.pdf */
	int text;        /* plain text instead of PDF */
	int print;       /* then run receipts.print_command on the file */
	int exports;     /* out NULL: into exports.dir (a download) */
};
struct doc_result {
	char path[PATH_MAX]; /* the file written ("" if none) */
	int copy;            /* 0 the original, n the nth copy */
	int printed;         /* the print command ran and succeeded */
	size_t bytes;
	/* PDF: characters no font has, one line per field ("Name\tU+E000
	 * ()"; doc_pdf_gaps), cut at the size; "" when all were drawn. The
	 * document is written all the same: the front end warns. */
	char gaps[512];
	/* the document's own number (R-T01-003204, CN-T01-00001), whatever
	 * was typed to find it (r-t01-003204, 3204): what messages name */
	char number[64];
	/* the consumer's language it is written in ("en", "es"; "": the
	 * organisation's), which the documents' log keeps for its copies
	 * (issue 25 review) */
	char language[16];
};
/* number: receipt number, payment id or transaction id. On a print
 * failure (PD_EPRINT) the file is written and res->path names it. */
int svc_receipt_issue(struct svc *s, const char *number,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err);
int svc_credit_doc_issue(struct svc *s, const char *cn_no,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err);
/* Re-export the receipts of the payments f selects (newest first) as PDF
 * copies into dir, named by receipt number, with jobs worker processes
 * (each with its own store connection; 0: one per CPU). Each is logged
 * like any other issue. *count gets the number written; on a failure the
 * first error is in err and the others still ran. Supervisor. */
int svc_receipts_export(struct svc *s, const struct payment_filter *f,
    const char *dir, int jobs, size_t *count, struct pd_err *err);
/* The text of a receipt for a screen: nothing is written or logged.
 * width 0: receipts.text_width. malloc'd. */
char *svc_receipt_preview(
    struct svc *s, const char *number, int width, struct pd_err *err);
/* The same for a credit note. */
char *svc_credit_preview(
    struct svc *s, const char *cn_no, int width, struct pd_err *err);

/* KPIs for a month (NULL: this month) and a day (NULL: today), with the
 * previous month for comparison. */
struct kpi {
	char from[11], to[11], day[11];
	char prev_from[11], prev_to[11];
	/* the last due date the collection rate counts: the period's last
	 * day, or yesterday in the current period (what has fallen due so
	 * far: an item due today or later is not late yet; issue 17) */
	char due_to[11];
	struct kpi_raw cur, prev;
	int64_t rate_tenths, prev_rate_tenths; /* collection rate, % x10 */
	int64_t avg_tenths, prev_avg_tenths;   /* days x10 */
	struct outstanding out;
	int64_t avg_past_due_tenths; /* days x10 */
	/* each tile against its previous period (the month before; for
	 * Received Today the day before), signed, % x10 */
	int64_t chg_collected, chg_today, chg_rate, chg_avg;
	/* rate_tenths .. chg_avg are KPI_NONE where a period has nothing to
	 * compute them from (no amounts due, no allocations; a change where
	 * either period has nothing): shown "—", null in JSON (issue 17
	 * section 4) */
	char prev_day[11];
	int64_t prev_day_total, prev_day_count;
};
#define KPI_NONE INT64_MIN
/* The KPIs of month "YYYY-MM" (NULL: this month) with Received Today on
 * day (NULL: today). A month or day after today is refused (PD_EINVAL):
 * there is nothing to show yet, as the dashboard stops at this month. */
int svc_kpi(struct svc *s, const char *month, const char *day, struct kpi *k,
    struct pd_err *err);
/* The KPIs of fs's period (svc_filters_parse) as svc_kpi's of a month,
 * against as many months before it; day as svc_kpi's. */
int svc_kpi_period(struct svc *s, const struct svc_filters *fs,
    const char *day, struct kpi *k, struct pd_err *err);
/* The supervisor's dashboard for a month (NULL: this month): the KPIs
 * (Received Today is today's), Posted collections per day of the month
 * and per method. */
#define DASH_METHODS 12
struct dash_share {
	char name[48];
	int64_t amount, count; /* minor units, payments */
};
struct dashboard {
	struct kpi k;
	int ndays; /* days in the month */
	int64_t day_amount[31], day_count[31];
	/* largest first; the rest in the last, named "Other" in the
	 * reader's language */
	struct dash_share methods[DASH_METHODS];
	int nmethods;
	/* the same per payment gateway (issue 19, seed 000's gateway
	 * visibility), the counters' payments as one row named "At a
	 * counter"; they add up to the methods' */
	struct dash_share gateways[DASH_METHODS];
	int ngateways;
};
int svc_dashboard(
    struct svc *s, const char *month, struct dashboard *d, struct pd_err *err);
/* The same for the week containing day ("YYYY-MM-DD"; NULL: today),
 * the week starting on [organisation] week_start, against the week before;
 * ndays is 7, day_amount[0] the week's first day. */
int svc_dashboard_week(
    struct svc *s, const char *day, struct dashboard *d, struct pd_err *err);
/* The items behind k's Collection Rate (issue 23's drill-down): those
 * due from k->from to k->due_to, each with what it owes and what the
 * scope's Posted payments dated up to k->to paid of it, with their
 * receipts (struct rate_row), by due date; their sums are k->cur's
 * due_total and due_paid. Consumers' names: supervisor and up
 * (PD_EPERM). */
int svc_rate_rows(struct svc *s, const struct kpi *k, rate_cb cb, void *arg,
    struct pd_err *err);
/* The day delta days from a "YYYY-MM-DD" (kept within 1900..9999). */
void svc_day_step(const char *day, int delta, char out[11]);
/* The month before or after a "YYYY-MM" (delta months). */
void svc_month_step(const char *month, int delta, char out[8]);

/* Signed change from prev to cur in tenths of a percent: 0 from 0 to 0,
 * KPI_NONE from 0 to anything else (no percentage of nothing: a rate of
 * 0.0% last month shows "—", not "= 0.0%"; issue 17 section 4) or when
 * either is KPI_NONE. */
int64_t svc_change_tenths(int64_t cur, int64_t prev);

/* Listings and reports, streamed to cb. */
int svc_payments_each(struct svc *s, const struct payment_filter *f,
    payment_cb cb, void *arg, struct pd_err *err);
int svc_credits_each(struct svc *s, const struct credit_filter *f, credit_cb cb,
    void *arg, struct pd_err *err);
int svc_payers_each(struct svc *s, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err);
/* The distribution of the payers report's filter: its Posted payments
 * per method, or per gateway (key "": taken at a counter), largest first
 * (store_split). Supervisor and up, like the report. */
int svc_split(struct svc *s, const struct payment_filter *f, enum split_by by,
    split_cb cb, void *arg, struct pd_err *err);
/* How a split's key reads: the method, the gateway, or "At a counter"
 * in the reader's language for "". */
const char *svc_split_name(const char *key, enum split_by by);

/* The keyset of the last row shown, for the filter's after (the next
 * page): a payment row under sort, a credit note. */
void svc_payment_key(
    const struct payment_row *r, enum pay_sort sort, struct page_key *k);
void svc_credit_key(const struct credit_note *cn, struct page_key *k);

/* How many rows a listing's filter matches, at most its limit (0: all). */
int svc_payments_count(struct svc *s, const struct payment_filter *f,
    int64_t *n, struct pd_err *err);
int svc_credits_count(struct svc *s, const struct credit_filter *f, int64_t *n,
    struct pd_err *err);

/* The cash-flow forecast (issue 23; forecast.h states the method): the
 * `past` weeks before the current one, oldest first, each as its
 * forecast stood at its first day beside what came in, then `weeks`
 * weeks from the current one (weeks start on [organisation] week_start;
 * the current week counts from its first day), each to cb. *f gets the
 * totals of the weeks ahead and what items due before the current week
 * still owe (not forecast). weeks 1..FORECAST_WEEKS_MAX, past
 * 0..FORECAST_WEEKS_MAX, else PD_EINVAL; a supervisor's (PD_EPERM). */
struct forecast_totals {
	char as_of[11];      /* today */
	int64_t ahead[3];    /* the forecast of the next 4, 8 and 13 weeks */
	int64_t open_ahead;  /* owed by the items due in the weeks ahead */
	int64_t expected;    /* the forecast of every week ahead */
	int64_t arrears;     /* owed by items due before the current week */
};
typedef int (*forecast_cb)(const struct forecast_week *w, void *arg);
int svc_forecast(struct svc *s, int weeks, int past, forecast_cb cb,
    void *arg, struct forecast_totals *f, struct pd_err *err);

/* The aging report: open items by days past due as of today, in total
 * and per consumer (most outstanding first). */
int svc_aging_total(struct svc *s, const struct aging_filter *f,
    struct aging *a, struct pd_err *err);
int svc_aging_each(struct svc *s, const struct aging_filter *f, aging_cb cb,
    void *arg, struct pd_err *err);
/* The drill-down: a consumer's open items, oldest due first, with the
 * days each is past due (0: not yet due). Caller frees both. */
struct item *svc_aging_items(struct svc *s, int64_t consumer_id, int64_t **days,
    size_t *n, struct pd_err *err);

/* Listings: the columns of each table as shown on screen, printed by the
 * CLI and exported, in that order. */
enum listing {
	LIST_PAYMENTS,
	LIST_CREDITS,
	LIST_PAYERS,
	LIST_AGING,
	LIST_FORECAST,      /* the weeks ahead of a forecast */
	LIST_FORECAST_PAST, /* its past weeks, beside what came in */
	LIST_EXCEPTIONS,    /* the reconciliation's exceptions (issue 20) */
	LIST_RATE_ITEMS,    /* the items behind the Collection Rate (issue 23) */
	LIST_RESOLVED,      /* exceptions resolved by hand (issue 20) */
	LIST_RECON,         /* a bank account's reconciliation by day */
	LIST_DETERIORATING, /* payers paying later and later (issue 23) */
	LIST_ANOMALIES,     /* payment patterns that look wrong (issue 23) */
	LIST_RECON_DAY,     /* one day of the account: exceptions, matches */
	LISTINGS
};
const struct xcol *svc_listing_cols(enum listing l, int *ncols);
/* A row as cells of its listing. Text cells point into the row or into
 * buf (valid until the next call with it); plain (the payers' methods):
 * SVC_METHODS_SHOWN "Cash $123.45; Card $5.00", SVC_METHODS_PLAIN
 * amounts without the currency symbol (CSV, JSON), SVC_METHODS_NAMES
 * the names alone "Cash, Card" (the screen's column, whose amounts show
 * whole under the list: no amount is ever cut, issue 25). */
#define LISTING_BUFSZ 640
enum { SVC_METHODS_SHOWN, SVC_METHODS_PLAIN, SVC_METHODS_NAMES };
void svc_payment_cells(const struct payment_row *r, struct xcell *cells);
void svc_credit_cells(
    const struct svc *s, const struct credit_note *cn, struct xcell *cells);
void svc_payer_cells(const struct svc *s, const struct payer_row *r, int plain,
    char buf[LISTING_BUFSZ], struct xcell *cells);
void svc_aging_cells(const struct aging_row *r, struct xcell *cells);
/* An item behind the Collection Rate as cells of LIST_RATE_ITEMS. */
void svc_rate_cells(const struct rate_row *r, struct xcell *cells);
/* A deteriorating payer as cells of LIST_DETERIORATING. */
void svc_deteriorating_cells(
    const struct deteriorating_row *r, struct xcell *cells);
/* The deteriorating payers (issue 23; a supervisor's): the consumers of
 * the scope with at least `last` (2-20) Posted payments that paid an
 * item whose last `last` payments' days to pay (from the due date of the
 * oldest item a payment paid to the payment's date) never fell and grew
 * from the first to the last; and the consumers (of the segment filter)
 * whose oldest open item was in a later aging bucket at each of the last
 * `months` (2-5) month ends than at the one before. Ranked: both
 * criteria first, then by the days' growth, then by the buckets moved,
 * then by the last days, then by name. A last or months out of range
 * PD_EUSAGE. */
int svc_deteriorating(struct svc *s, int last, int months,
    deteriorating_cb cb, void *arg, struct pd_err *err);
/* An anomaly as cells of LIST_ANOMALIES. */
void svc_anomaly_cells(const struct anomaly_row *r, struct xcell *cells);
/* A rule's title, as the screen and the report name it ("Large
 * payment"). */
const char *svc_anomaly_title(enum anomaly_rule r);
/* The anomalies of one day (issue 23; a supervisor's), day YYYY-MM-DD
 * or NULL for today, of the scope and filters in force: the rules of
 * service/anomalies.c with the thresholds of [anomalies], in the order
 * of enum anomaly_rule, each row with its reason and figures. */
int svc_anomalies(struct svc *s, const char *day, anomaly_cb cb, void *arg,
    struct pd_err *err);
/* A forecast week as cells of LIST_FORECAST, or of LIST_FORECAST_PAST
 * when w->past. */
void svc_forecast_cells(const struct forecast_week *w, struct xcell *cells);

/* Exports of a listing for its filter, in its order, to a CSV or xlsx
 * file (out NULL and format CSV: to stdout). progress (may be NULL) is
 * called every few hundred rows with the rows written and the total
 * expected (-1: unknown); a non-zero return cancels: PD_ECANCEL and no
 * file. *rows gets the number written. */
typedef int (*export_progress)(int64_t done, int64_t total, void *arg);
struct export_job {
	const char *path; /* NULL: stdout (CSV only) */
	enum export_format format;
	export_progress progress;
	void *arg;
	int key_headers; /* CSV headers as JSON keys (scripts) */
	/* payers: only these consumers (sorted ascending); n 0: all */
	const int64_t *marked;
	size_t nmarked;
};
int svc_export_payments(struct svc *s, const struct payment_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
int svc_export_credits(struct svc *s, const struct credit_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
int svc_export_payers(struct svc *s, const struct payment_filter *f,
    enum payers_sort sort, const struct export_job *j, int64_t *rows,
    struct pd_err *err);
int svc_export_aging(struct svc *s, const struct aging_filter *f,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The anomalies of a day (LIST_ANOMALIES), as svc_anomalies finds them. */
int svc_export_anomalies(struct svc *s, const char *day,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The deteriorating payers (LIST_DETERIORATING) of the last `last`
 * payments and `months` month ends, as svc_deteriorating ranks them. */
int svc_export_deteriorating(struct svc *s, int last, int months,
    const struct export_job *j, int64_t *rows, struct pd_err *err);
/* The forecast's weeks ahead (LIST_FORECAST), as svc_forecast reads them. */
int svc_export_forecast(struct svc *s, int weeks, const struct export_job *j,
    int64_t *rows, struct pd_err *err);
/* Make the directory an export file goes in (the exports directory). */
int svc_export_mkdir(struct svc *s, const char *path, struct pd_err *err);
/* The format a file name asks for by its extension (.csv, .xlsx); -1 if
 * neither. */
int svc_export_format_of(const char *path);
/* A listing written as a workbook to path (the CLI's --xlsx FILE of
 * the recovery lists: disconnections, reconnections, dispute list),
 * its header row in the operator's language, money in the
 * organisation's format; the caller has checked the right to read the
 * list. Rows go in with svc_sheet_row; svc_sheet_close (ok 0: given
 * up, no file) finishes and frees. Errors are PD_EDOC naming the file. */
struct exporter *svc_sheet_open(struct svc *s, const char *path,
    const char *sheet, const struct xcol *cols, int ncols, struct pd_err *err);
int svc_sheet_row(
    struct exporter *x, const struct xcell *cells, struct pd_err *err);
int svc_sheet_close(struct exporter *x, int ok, struct pd_err *err);
/* A listing streamed as CSV to out (the CLI's --csv): a header row of
 * JSON keys, amounts as plain decimals with the configured digits. Rows
 * go in with svc_stream_row; svc_stream_end finishes and frees. Writing
 * to a stream cannot fail, so none of these report errors. */
struct exporter *svc_stream_open(
    const struct svc *s, FILE *out, const struct xcol *cols, int ncols);
/* Write one row of the stream's ncols cells. */
void svc_stream_row(struct exporter *x, const struct xcell *cells);
/* Finish the stream and free x. */
void svc_stream_end(struct exporter *x);

/* The configuration as front ends read it (src/service/config.c). Load
 * it alone, without a store (path NULL: the usual search, as svc_open
 * does); errors name the file, section and key. */
int svc_config_load(const char *path, struct config *cfg, struct pd_err *err);
/* The rows of the configuration schema, in file order; *n gets their
 * count. The table is static: the caller frees nothing. */
const struct config_row *svc_config_rows(int *n);
/* Row i's effective value in cfg as it would be written in the file,
 * into buf (n bytes). */
int svc_config_value(const struct config *cfg, int i, char *buf, size_t n);
/* The organisation's credit-note reason by name (case-insensitive), as
 * configured and stored (a pointer into cfg); NULL if it is not one. The
 * name is the configured term ("Billing Error") or the words the
 * operator reads for it (es "Error de facturación": svc_word), one rule
 * for typing, picking and filtering (issue 25). */
const char *svc_credit_reason(const struct config *cfg, const char *name);
/* The organisation's credit-note reasons as the operator reads them
 * (svc_word), joined by ", " into buf (n bytes), for "choose one of". */
void svc_credit_reasons(const struct config *cfg, char *buf, size_t n);
/* The organisation's channel by name (case-insensitive), as configured
 * (a pointer into cfg); NULL if it is not one. */
const char *svc_channel(const struct config *cfg, const char *name);
/* Speak the configured language (cfg.language; LANGUAGE and the locale
 * win over it, see i18n.h): load the message catalogues for _(). */
void svc_language(const struct config *cfg);

/* Settings the central node masters (config_central_row), kept in the
 * store: loaded over the file's values when the store is opened, and
 * again by the UI at each sign-in. svc_setting_put checks and stores one
 * inside the caller's transaction and sets it in s->cfg. */
int svc_settings_load(struct svc *s, struct pd_err *err);
int svc_setting_put(struct svc *s, const char *key, const char *value,
    const char *at, struct pd_err *err);

/* Imports: kind is consumers, bills, services, installments or users.
 * All or nothing; errors name file:line:column and the field. A row whose
 * key (account, username, ref) exists is an error, or with update: it
 * changes the consumer or user when it differs, and for an issued bill,
 * service charge or installment must say what is stored (skipped). */
struct import_counts {
	size_t added, updated, unchanged;
	/* a consumer import on the central node: the gateway payments it
	 * let be associated, and those still unassociated (issue 19) */
	size_t matched, unassociated;
};
int svc_import(struct svc *s, const char *kind, const char *path, int update,
    struct import_counts *count, struct pd_err *err);

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
 * central node is configured. */
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
struct central_shift_row {
	const struct shift *sh;
	int64_t over_short;                /* minor units; 0 while open */
	char over_short_text[MONEY_BUFSZ]; /* as the organisation writes it */
	char float_text[MONEY_BUFSZ];      /* the opening float counted */
};
typedef int (*central_shift_cb)(const struct central_shift_row *row, void *arg);
int svc_central_shifts(struct svc *s, const struct central_shift_filter *f,
    central_shift_cb cb, void *arg, struct pd_err *err);
/* The central node's report of a terminal's document series (review 18,
 * the gaps an auditor asks about; paydesk-central gaps). Lines, in this
 * order: per series (payments, receipts, credit notes) and scope (the
 * year or month of a format that resets), SERIES_ISSUED (first and last
 * number held, count: how many) and after it each SERIES_MISSING (first
 * to last missing, count); then each document voided, oldest void first
 * (SERIES_VOIDED: first its number, last its payment's, reason, by and at
 * the void's); then SERIES_REFUSED (count: the terminal's records the
 * node refused, sync_log) when there are any. Numbers of today's formats
 * only, judged as doctor does (src/service/series.c). A number missing
 * after the last one held is not seen: the terminal's pending count and
 * last sync say whether it may still come. series is the stored word
 * ("payment", "receipt", "credit_note"), scope "" when the format does
 * not reset. The strings live until cb returns; a non-zero return stops
 * the report and is returned. */
enum series_line_kind {
	SERIES_ISSUED,
	SERIES_MISSING,
	SERIES_VOIDED,
	SERIES_REFUSED,
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
/* Every deposit of the organisation as its terminals sent them (issue
 * 20), newest first; the caller frees. */
struct deposit *svc_central_deposits(
    struct svc *s, size_t *n, struct pd_err *err);
/* Apply a push from terminal from in one transaction; res[i] answers
 * push->recs[i]. Each record must be one the terminal could have posted
 * itself (src/service/sync_check.c), or it is rejected with the reason
 * and logged. -1 only when the store failed (nothing kept). */
int svc_central_push(struct svc *s, const struct sync_sender *from,
    const struct sync_push *push, struct sync_result *res, svc_push_hook hook,
    void *arg, struct pd_err *err);
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
/* Feed entries after since that terminal has not pulled yet. */
int64_t svc_central_waiting(struct svc *s, const char *terminal, int64_t since);
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
};
/* Import gateway g's settlement file path (gw_settle_decode's format),
 * all or nothing, in one transaction (issue 19; seed 002): every code
 * must be a succeeded payment of g for the same amount, settled no
 * earlier than the day it was paid, and not settled before otherwise.
 * Each gets its fee, its settlement day, "Settled" and its processing
 * time (paid to settled in tenths of a day, rounded; a day without a
 * time counts from its start, and never less than 0); its ledger
 * payment, when Pending, is Posted, verified by "System". Any refusal
 * is PD_EINVAL beginning "PATH: Line L: ", and nothing is written. */
int svc_gateway_settle(struct svc *s, const struct gateway_row *g,
    const char *path, struct gw_settle_result *res, struct pd_err *err);
/* The payments of gateway (NULL: every gateway's), only the unassociated
 * ones when unassociated; caller frees. */
/* Whether zone is a time zone a gateway's local times can be read in
 * (os_tz_local_to_utc: an IANA name or an offset): 0, or -1 with err. */
int svc_gateway_tz_check(const char *zone, struct pd_err *err);
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

/* Demo data: returns 1 if loaded, 0 if it was already there. */
int svc_demo(struct svc *s, struct pd_err *err);
/* The demo users, for `paydesk demo` to print. */
struct demo_user {
	const char *username, *full_name, *role, *pin;
};
const struct demo_user *svc_demo_users(size_t *n);

/* A word paydesk stored in the ledger in fixed English (an automatic
 * credit note's reason "Overpayment" and remarks "Overpayment on receipt
 * R-1", a gateway payment's notes, "System" as the one who received it;
 * the table in src/service/words.c) in the operator's language; text it
 * does not know (typed by a person) as stored. The result is s, static
 * or catalogue storage, or buf (n bytes, 512 hold any). Issue 25. */
const char *svc_word(const char *s, char *buf, size_t n);
/* Print a command line's synopsis s to f with its placeholders (the
 * capitals: ACCOUNT, FILE, AMOUNT ...) in the operator's words, the rest
 * as typed (paydesk help, paydesk-central --help). */
void svc_synopsis(FILE *f, const char *s);
/* svc_word in language l (NULL: English), for documents and workbooks. */
const char *svc_word_in(
    const struct i18n_lang *l, const char *s, char *buf, size_t n);

/* A list or table header translated: in the context "column" (NC_())
 * if the catalogue has it there, else as marked with N_(); "" stays "".
 * A header carrying its own context ("aging" EOT "Age", tui.h KC_()) is
 * looked up in it alone, the word alone where the catalogue lacks it: an
 * English header of two meanings ("Age": days, or an aging bucket) gets
 * one translation each (issue 25 review). Static or catalogue storage. */
const char *svc_column_header(const char *h);
/* Money as text with the configured symbol and digits ("$1,234.50"). */
char *svc_money(const struct svc *s, char *buf, size_t n, int64_t v);

/* A count a person reads ("12,345 payments", the chart's "9,999M") in
 * the organisation's grouping: its separator and 3 or 3,2 (Indian)
 * groups ("12.345", "1,23,456"; issue 25). Machine output (JSON, CSV,
 * xlsx) writes counts as plain integers instead. Returns buf; n >=
 * SVC_COUNT_BUFSZ holds any int64_t. */
#define SVC_COUNT_BUFSZ 48
char *svc_count(const struct svc *s, char *buf, size_t n, int64_t v);

/* Money typed by a person (a field on a screen, a CLI option) into minor
 * units, in the organisation's format; `what` names the field in the
 * message. Errors as money_parse: PD_EINVAL saying what was wrong. */
int svc_money_parse(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err);

/* Money without the symbol in the organisation's format: grouped
 * ("1.234,50", for large digits beside the symbol) or not ("1234,50",
 * what a field is filled with: a person types the same). */
char *svc_money_bare(
    const struct svc *s, char *buf, size_t n, int64_t v, int grouped);

/* Money given on a command line (--amount and the like): the machine
 * format 1234.50 always, the organisation's format too ("1.234,50" in a
 * de-style organisation); text both read differently ("1.500" with 3
 * minor digits in a '.' grouping organisation) is refused as ambiguous.
 * Errors: PD_EINVAL with the organisation's reason. */
int svc_money_arg(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err);

/* A date "YYYY-MM-DD" (or a timestamp "YYYY-MM-DDTHH:MM:SS...", of which
 * the date is taken) as a person reads it on screens and documents, in
 * the organisation's date format. Text that is not a date is copied as
 * it is. Returns buf; n >= SVC_DATE_BUFSZ holds any result. */
#define SVC_DATE_BUFSZ 32
char *svc_date(const struct svc *s, char *buf, size_t n, const char *iso);
/* A timestamp "YYYY-MM-DDTHH:MM[:SS]..." as date and time ("HH:MM") for
 * people, the date as svc_date; n >= SVC_DATE_BUFSZ. */
char *svc_datetime(const struct svc *s, char *buf, size_t n, const char *ts);
/* A timestamp "YYYY-MM-DDTHH:MM..." as day, month and time ("20/04
 * 10:00"), the day and month in the organisation's date format without
 * the year (date_format_day_month); what is not a timestamp as
 * svc_datetime. For the header when the full date does not fit (issue 25
 * review). n >= SVC_DATE_BUFSZ. */
char *svc_datetime_short(
    const struct svc *s, char *buf, size_t n, const char *ts);
/* A timestamp "YYYY-MM-DD HH:MM:SS" (or with a T) as people read it on
 * details and documents: the date as svc_date, the time as it is, to the
 * second ("20/04/2025 10:00:00"); text that is not a timestamp as it is.
 * n >= SVC_DATE_BUFSZ. */
char *svc_timestamp(const struct svc *s, char *buf, size_t n, const char *ts);
/* A date typed by a person (a form field, --from, --to, --date): in the
 * organisation's date format, or YYYY-MM-DD always; written into iso as
 * "YYYY-MM-DD". Errors: PD_EINVAL naming what, the text and the format
 * expected (date_parse_pattern). */
int svc_date_parse(const struct svc *s, const char *text, const char *what,
    char iso[11], struct pd_err *err);
/* A month typed by a person in the organisation's date format without
 * the day (DD/MM/YYYY: 04/2025), or as YYYY-MM, into iso "YYYY-MM";
 * refused with PD_EINVAL naming what (month_parse_pattern). */
int svc_month_parse(const struct svc *s, const char *text, const char *what,
    char iso[8], struct pd_err *err);
/* A month "YYYY-MM" as people read it: its name in the reader's language
 * and the year ("April 2025", "abril 2025"); text that is not a month as
 * it is. n >= SVC_DATE_BUFSZ. */
char *svc_month_name(
    const struct svc *s, char *buf, size_t n, const char *month);
/* A bill's period as people read it: one stored "YYYY-MM" (the demo's,
 * an import's) as the month's short name and the year in the reader's
 * language ("Mar 2026", "mar 2026", "mars 2026"); any other text (an
 * import's "March 2026") as it is. JSON, CSV and the store keep what is
 * stored. svc_period_in: in a document's language L. n >= 32. Issue 25. */
char *svc_period(const struct svc *s, char *buf, size_t n, const char *period);
char *svc_period_in(const struct svc *s, const struct i18n_lang *L, char *buf,
    size_t n, const char *period);
/* A number given in tenths (123 is 12.3: a percentage, days) with the
 * organisation's decimal and grouping separators ("12,3", "1 234,5");
 * '-' first when negative. n >= 48. */
char *svc_tenths(const struct svc *s, char *buf, size_t n, int64_t tenths);
/* Display columns of the widest percentage a column shows, given the
 * largest value in tenths it can hold (1000 for a share: "100,0 %" is 7
 * columns in es and fr, "100.0%" 6 in en): a column of percentages is
 * laid out from this, in the screens' language (issue 25). */
int svc_percent_columns(const struct svc *s, int64_t max_tenths);
/* A percentage given in tenths (123: 12.3) as its reader's language
 * writes it: svc_tenths's number, then % by the catalogue's one rule
 * (msgctxt "percent", "%s%%": en 12.3%, es 12,3 % with a no-break space,
 * fr 12,3 % with a narrow no-break space, U+202F, as French typography
 * has it; issue 25). svc_percent in the screens' language, for the
 * screens and the command line; svc_doc_percent in a document's (L from
 * svc_doc_lang, NULL: English): the same rule for both. n >= 48. */
char *svc_percent(const struct svc *s, char *buf, size_t n, int64_t tenths);
/* The organisation's date format as a hint for people, in the screens'
 * language's letters (DD/MM/YYYY: fr JJ/MM/AAAA, es DD/MM/AAAA); the
 * same words as the date messages (date_pattern_words). n >= 16. */
char *svc_date_hint(const struct svc *s, char *buf, size_t n);
char *svc_doc_percent(const struct svc *s, const struct i18n_lang *L, char *buf,
    size_t n, int64_t tenths);

/* Text checks shared by the use cases: UTF-8, at most max characters.
 * what is the field's name as the reader reads it (passed through _()). */
int svc_check_text(const char *what, const char *text, int max, int required,
    struct pd_err *err);

/* Bank statements (issue 20, first slice; src/service/statement.c). */
struct statement_view {
	struct statement st;
	struct statement_line *lines;
	size_t nlines;
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
/* A statement and its lines (supervisor); PD_ENOTFOUND for none. */
int svc_statement_show(
    struct svc *s, int64_t id, struct statement_view *v, struct pd_err *err);
void svc_statement_view_free(struct statement_view *v);
/* Save a CSV column mapping called name (supervisor) from words such as
 * "date=1" "amount=3" "decimal=comma" (bank.h, bank_mapping_parse); its
 * canonical words go to spec (sn bytes). A name in use: PD_EINVAL. */
int svc_statement_mapping_add(struct svc *s, const char *name,
    char *const *words, int n, char *spec, size_t sn, struct pd_err *err);

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
	int64_t paid;   /* paid into its installments */
	int64_t left;   /* what its live installments still owe */
};
/* One arrangement by plan number (PD_ENOTFOUND); free with
 * svc_arr_view_free. */
int svc_arrangement_show(
    struct svc *s, const char *plan_no, struct arr_view *v, struct pd_err *err);
void svc_arr_view_free(struct arr_view *v);
/* Arrangements newest first, of one account (NULL: all), of one status
 * (-1: all); *n views, free each and the array with svc_arr_views_free. */
struct arr_view *svc_arrangement_list(struct svc *s, const char *account,
    int status, size_t *n, struct pd_err *err);
void svc_arr_views_free(struct arr_view *v, size_t n);
/* What is left of an Active or Broken arrangement scheduled again
 * (recovery and up): its unpaid installments closed, the rest split in
 * n new ones from first_due (no down payment), with a reason; audited,
 * synced. */
int svc_arrangement_reschedule(struct svc *s, const char *plan_no, int n,
    const char *freq, const char *first_due, const char *reason,
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
	int allowed; /* broken: the misses the plan allows */
	char raised_at[TS_BUFSZ];
	char assigned[33]; /* username, "" for none */
	int waiting;       /* for [alerts] command: delivery failed so far */
	int tries;
	char delivered_at[TS_BUFSZ];
	char delivery_error[256];    /* in the reader's language */
	char delivery_error_en[256]; /* the same in English (JSON), say.h */
};
/* The pass (at most once a day, the gateway rule once an hour; the
 * last day passed is remembered) and the delivery of the alerts that
 * wait for [alerts] command. Front ends call it at each use: cheap when
 * the day has not changed. A failure (a busy store, a command failing)
 * is kept in s->alert_note for the front end to show, and tried again at
 * the next use; never the caller's. Not on a central node. */
void svc_alerts_tick(struct svc *s);
/* The alerts not closed (all 0) or every one, of every kind (kind -1) or
 * one, oldest first; *n of them, free the array. Recovery and up
 * (PD_EPERM). */
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
 * "" taken back), a note, closed, ended (closed by the pass: its cause
 * ended, e.g. the installment paid), a delivery that failed (text:
 * how). */
struct alert_entry {
	char at[TS_BUFSZ];
	char user[33];  /* "system" for the pass, a sync round, delivery */
	char action[16]; /* stored word: "raised", "note", ... */
	char text[512];
};
/* Alert id and its history, oldest first (*n entries; free()).
 * Recovery and up; PD_ENOTFOUND. */
struct alert_entry *svc_alert_show(struct svc *s, int64_t id, struct alert *a,
    size_t *n, struct pd_err *err);
/* A history entry's action as people read it: "Raised", "Note", ...
 * (N_()). */
const char *svc_alert_action_name(const char *action);
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

/* The disconnection list (issue 21; recovery and up): consumers whose
 * open items due [disconnection] days ago or earlier owe together at
 * least [disconnection] amount, most owed first, but those with an
 * Active arrangement none of whose installments is missed (a plan being
 * kept protects them). Computed from the ledger when asked; *n rows,
 * free the array. */
struct overdue_row *svc_disconnections(
    struct svc *s, size_t *n, struct pd_err *err);
/* The reconnection list (issue 21; recovery and up): the consumers who
 * were on the disconnection list within the last [disconnection] days
 * (their items due that many days before a day they paid or made an
 * arrangement owed at least [disconnection] amount before it) and are no
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
/* Open a dispute of payment (a receipt or payment number, as the other
 * commands find one) for reason (a code of [disputes] reasons, any
 * case), with note ("" none); its number into number. Refused: a payment
 * voided, failed or cancelled, or with a dispute not yet resolved. */
int svc_dispute_open(struct svc *s, const char *payment, const char *reason,
    const char *note, char number[33], struct pd_err *err);
/* Open -> Under review, with note ("" none). */
int svc_dispute_review(
    struct svc *s, const char *number, const char *note, struct pd_err *err);
/* How a dispute is upheld: by voiding its payment (by_void), or by a
 * credit note of credit (minor units) for credit_reason (one of the
 * organisation's credit-note reasons; NULL: Other when configured). A
 * bounced cheque is upheld by a void, and adds [disputes]
 * bounced_cheque_charge as a new open item when it is not 0. */
struct dispute_uphold {
	int by_void;
	int64_t credit;
	const char *credit_reason;
	const char *note;
};
/* Resolve a dispute as upheld (supervisor and up). */
int svc_dispute_uphold(struct svc *s, const char *number,
    const struct dispute_uphold *u, struct pd_err *err);
/* Resolve a dispute as rejected, with note (required). */
int svc_dispute_reject(
    struct svc *s, const char *number, const char *note, struct pd_err *err);
/* Disputes of status (open, review, upheld, rejected, unresolved; NULL
 * or "" any) and of the consumer of account (NULL: any), unresolved
 * first, soonest due first; *n, the caller frees. */
struct dispute *svc_dispute_list(struct svc *s, const char *status,
    const char *account, size_t *n, struct pd_err *err);
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
