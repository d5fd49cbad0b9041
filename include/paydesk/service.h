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
	/* the central node: the branch of terminal of this store's
	 * organisation, from the directory, into branch (n bytes; "" when
	 * the directory has no such terminal): given with the records a
	 * terminal made, so that every terminal knows whose branch they
	 * are (sync_feed.c); NULL on a terminal */
	int (*terminal_branch_of)(void *arg, const char *terminal, char *branch,
	    size_t n, struct pd_err *err);
	void *gateway_arg; /* gateway_of's and terminal_branch_of's */
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
	/* the UI's: the thread that gives the alerts to [alerts] command
	 * (svc_alert_worker_start), so that no screen waits for it; NULL:
	 * they are given in the call (a command) */
	struct alert_worker *deliverer;
	/* set (atomically) by another thread: the round of deliveries under
	 * way on this svc ends after the alert being given (the UI's end,
	 * svc_alert_worker_stop) */
	int deliver_halt;
	/* the organisation's keys this run's config file sets and that are
	 * not in force (svc_settings_load; review R20b 3, R21b 9): one line
	 * each naming the file, the key and the value in force, for the
	 * front end to show; paydesk config shows it every time; "" none */
	char org_note[16384];
	/* those of its lines not said to this user of this store before, or
	 * changed since (their state file, file_said_last): a key's said
	 * once a change of its value (helper-258, fault 7), by the UI at
	 * its first Home, a command on standard error; "" none */
	char org_note_fresh[16384];
	int fts_due; /* a payment posted or records pulled: the search
	              * indexes' merging may be due (svc_fts_idle) */
	/* the report filters of the figures (kpi, the dashboard, the
	 * collection rate's items; svc_filters_parse): branch, recorded_by,
	 * method, channel, segment, gateway; NULL fields: none. The texts
	 * are the caller's (struct svc_filters) */
	struct payment_filter narrow;
	/* how the front end's user chooses the organisation's scope, in its
	 * own terms, a msgid (N_): a refusal that needs that scope says it
	 * (a screen's, o on the dashboard; review of issue 23: a screen's
	 * filter form said "--scope org"); NULL: the command line's */
	const char *scope_how;
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
	/* the passes the last push took (svc_central_push_group): 1 as one
	 * batch, 2 again with the audit log's reads made, 3 record by
	 * record (a record refused half applied, a write refused) */
	int push_passes;
	int64_t push_rules_head;
	struct user push_user;
	char push_user_name[129], push_user_branch[17];
	int64_t push_role_since;
	enum role push_role;
	/* the void under check comes with the dispute step upholding by
	 * it (push_pair): of any branch's payment (sync_check.c) */
	int push_uphold_void;
	/* the segment a report filter named, as the consumers have it
	 * (svc_segment_known: "RÉSIDENTIEL" read as "Résidentiel") */
	char segment_canon[64];
	/* a pulled consumer's or item's row here as the pull's check found
	 * it (sync_check_pull.c: by uuid, else by account or reference; 0
	 * none, a new row), for the apply of that very record to take
	 * instead of asking the store again (issue 24: a fresh terminal's
	 * pull asked twice for each of its records). pull_found_kind is the
	 * record's kind + 1, 0 when nothing is kept; svc_sync_pull_found
	 * takes it and clears it. */
	int pull_found_kind;
	char pull_found_uuid[37];
	int64_t pull_found_id;
	/* the consumers (ids) whose alert an end pulled in the page being
	 * applied closed, read again for their alerts once the whole page
	 * is in (svc_alerts_pulled_reread; helper-246, fault 1 of issue
	 * 21); pull_in_page: a page is being applied (else at once) */
	int pull_in_page;
	size_t pull_nreread;
	int64_t pull_reread[32];
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
/* The search indexes merged at a quiet moment (issue 24): a step of at
 * most SVC_FTS_STEP leaf pages an index (store_fts_merge), when a
 * payment was posted or records pulled since none was due; never
 * waiting for another writer. The UI runs one after a second with no
 * key, a command (and the background sync) at its end (svc_close). Its
 * failure is not the use case's (the indexes stay right, unmerged): 1
 * when more may be due, 0 when none is. */
#define SVC_FTS_STEP 64
int svc_fts_idle(struct svc *s);

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
	int foreign; /* the central node's head is past the newest of this
	                log's it kept, and not this log's: a reanchor
	                replaces it, no restore needed (review R18) */
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
/* The same clock in Unix seconds ($PAYDESK_NOW read as local time), for
 * what is checked against a time in seconds (a gateway's signature:
 * helper-248, fault 6 of issue 21, checked against the real clock while
 * the event's age was against $PAYDESK_NOW). */
int64_t svc_now_unix(void);
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
/* The filters an analysis report's figures apply: its command's
 * options, its screen's Filters: line and its workbook's heading name
 * those and no other (issue 23). The forecast's: the segment (its
 * items' consumers), the branch and the user (its past weeks'
 * payments); the deteriorating payers': those and the method and the
 * channel of the payments whose days to pay are read; the anomalies':
 * every one (the period's days in place of one day); the aging's and
 * the open items': the segment (an item is of no branch, user, method
 * or period). */
#define SVC_FORECAST_FILTERS                                                   \
	(SVC_FILTER_BIT(SVC_FILTER_SEGMENT) |                                  \
	    SVC_FILTER_BIT(SVC_FILTER_BRANCH) |                                \
	    SVC_FILTER_BIT(SVC_FILTER_USER))
#define SVC_DETERIORATING_FILTERS                                              \
	(SVC_FORECAST_FILTERS | SVC_FILTER_BIT(SVC_FILTER_METHOD) |            \
	    SVC_FILTER_BIT(SVC_FILTER_CHANNEL))
#define SVC_ANOMALY_FILTERS SVC_FILTER_ALL
#define SVC_ITEM_FILTERS SVC_FILTER_BIT(SVC_FILTER_SEGMENT)
/* With the filters' bits of a workbook's heading (svc_sheet_open_headed):
 * its figures are the organisation's whatever the scope (the open items,
 * the aging, the forecast's weeks ahead: an item is of no terminal,
 * branch or team), and its Scope: row says so, not the scope in force
 * (a fresh tester's, issue 23: "Branch B01" above the organisation's). */
#define SVC_HEAD_ORG (1u << 30)
/* The filters as given, and what the period came to. */
struct svc_filters {
	const char *text[SVC_FILTERS]; /* as typed (not copied); NULL: none */
	/* set by svc_filters_parse: the period's first and last days
	 * (YYYY-MM-DD; "" without --period) and its months (12: a fiscal
	 * year, 1: a month) */
	char from[11], to[11];
	int months;
	/* set by svc_filters_parse: a value accepted in another spelling
	 * than its canonical one, that one (a period's "FY2026-P07" of
	 * "fy2026-p07", a segment as its consumers have it), text[k] and
	 * f's field pointing here: every Filters: line and heading echo
	 * the name as the store or the configuration has it */
	char canon[SVC_FILTERS][48];
	/* a value typed with white space around it, without it (text[k]
	 * then points here) */
	char trimmed[SVC_FILTERS][64];
	/* and --user's username as stored, typed in any case and accents
	 * alike (text[SVC_FILTER_USER] then points here: the filter and
	 * its echo name it so) */
	char user[33];
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
/* The accounting period of month (YYYY-MM) less back months, as --period
 * takes it, into buf (of n): "FY2026-P08" under [periods] calendar =
 * fiscal (period nn of the fiscal year that begins in month fiscal_start
 * of yyyy), else the month ("2026-03"). */
const char *svc_period_name(
    const struct svc *s, const char *month, int back, char *buf, size_t n);
/* The filters in force as a title ("Segment Residential, period
 * 2026-11"), the names as given; "" with none. */
const char *svc_filters_title(
    const struct svc_filters *fs, char *buf, size_t n);
struct i18n_lang;
/* The same in a document's language lang (NULL: English), as the
 * heading of a workbook is written (issue 23). */
const char *svc_filters_title_in(const struct svc_filters *fs,
    const struct i18n_lang *lang, char *buf, size_t n);
/* Check a payment filter as svc_payments_each does (texts, gateway,
 * segment) without reading payments: a front end's title goes above a
 * list only once its filter is good. */
int svc_payment_filter_check(
    struct svc *s, const struct payment_filter *f, struct pd_err *err);
/* The segment typed (any case) as the consumers have it into buf ("RES"
 * no, "residential" "Residential"), for a filter line; one no consumer
 * has PD_ENOTFOUND, naming the segments known, as every report's. */
int svc_segment_as_stored(struct svc *s, const char *segment, char *buf,
    size_t n, struct pd_err *err);
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
/* Its title in English, as JSON and CSV name it. */
const char *svc_tile_word_title(enum svc_tile t);
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
 * PD_EUSAGE (a usage error, status 2) naming what (the option,
 * "--scope") and the three words. */
int svc_scope_parse(const char *text, const char *what, enum svc_scope *out,
    struct pd_err *err);
/* Choose the scope of what the service reads next (AUTO: the actor's);
 * one wider than the actor's role allows is refused with PD_ESCOPE,
 * naming the role it needs, and s->scope stays. */
int svc_scope_set(struct svc *s, enum svc_scope sc, struct pd_err *err);
/* The scope in force as the reader reads it in a header or a report's
 * title: "Terminal T01", "Branch B01", "Organisation" (into buf of n). */
const char *svc_scope_title(const struct svc *s, char *buf, size_t n);
/* The same in a document's language lang (NULL: English). */
const char *svc_scope_title_in(
    const struct svc *s, const struct i18n_lang *lang, char *buf, size_t n);
/* The title of a list of payments or credit notes with that search
 * (NULL: none): svc_scope_title, or for a search with no scope chosen
 * (it finds them wherever taken) "Wherever taken (a search ...)". */
const char *svc_scope_list_title(
    const struct svc *s, const char *search, char *buf, size_t n);
/* The scope's stored word for exports and JSON: "terminal", "branch",
 * "org". */
const char *svc_scope_word(enum svc_scope sc);
/* The team whose payments the figures are limited to by [visibility]
 * team ("" for a supervisor of no team: the users of none), or NULL when
 * they are not: for JSON and CSV, beside the scope's word. */
const char *svc_scope_team(const struct svc *s);

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
	/* the kind of the items paid; PAY_MIXED: items of the kinds in
	 * kinds (issue 21: bills and service charges in one payment) */
	enum pay_type type;
	unsigned kinds;     /* with PAY_MIXED: 1 << kind each; 0: every kind */
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
	/* the rule that split amount: items[] is in its order; first 1
	 * when an arrangement's installments were paid before what is not
	 * overdue, changing the split (alloc_apply_policy) */
	enum alloc_rule rule;
	int first;
	/* the type the payment is recorded with: the kind of the items
	 * the amount reaches, PAY_MIXED when they are of several kinds */
	enum pay_type type;
	/* svc_pay_preview: cash without the open shift posting needs */
	int needs_shift;
};
/* Whether ref (NULL or "" for none) is what a payment by method m takes:
 * required by its rule, refused by a method that takes none (cash),
 * else valid by payref_check. 0, or -1 with PD_EINVAL. Issue 17 sec. 3. */
int svc_pay_reference_check(
    const struct pay_method *m, const char *ref, struct pd_err *err);
/* The configured name of method, when it is a cheque taken with its
 * number (paydesk.ini(5): Name:cheque, not :optional; s72 h8 fault 2),
 * for a front end to ask for the number before anything else; NULL for
 * any other method or one not configured. Borrowed from s's config. */
const char *svc_cheque_numbered(const struct svc *s, const char *method);
/* Check a request and compute its allocation without writing anything. */
int svc_pay_quote(struct svc *s, const struct pay_request *r,
    struct pay_quote *q, struct pd_err *err);
/* The same for `pay --preview`, which posts nothing: cash without the
 * open shift its posting needs ([shifts] required) is quoted, with
 * needs_shift set, not refused. */
int svc_pay_preview(struct svc *s, const struct pay_request *r,
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
/* v's allocations as its details show them (payment show, the Payment
 * details screen), in place (v->allocs reallocated): of a payment that
 * stands, one line an item with the net it holds of it now (a carry into
 * the plan that took the debt over, in pieces or not, a void undone), due
 * before as at the first (less what it gave way to a payment before it),
 * none for an item it holds nothing of; so every node lists the same
 * (helper-234, fault 4; a receipt's reprint too, helper-236, fault 3). A
 * voided payment's are left as they are. */
void svc_payment_fold(struct payment_view *v);
/* What of folded payment v (svc_payment_fold) its items gave way since
 * and the central node made credit (a refused uphold's void or a plan's
 * change undone: the items paid again by the payment before it), minor
 * units; 0 when none, or v is voided or generated no credit note
 * (helper-250, fault 4: its details said "Under paid" alone). */
int64_t svc_payment_carried(const struct payment_view *v);
void svc_payment_view_free(struct payment_view *v);
/* What svc_payment_void says of reason, 0 when it takes it: required,
 * not blank (the form asks it, helper-261, fault 6). */
int svc_payment_void_check_reason(
    struct svc *s, const char *reason, struct pd_err *err);
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
	int64_t charged;   /* what its chargebacks charged again: the bank
	                      gave it back already (review s48) */
	int64_t limit;     /* the most a new note may credit: p.amount less
	                      issued less charged, never below 0 */
	int64_t remaining; /* the payment's value left after this note:
	                      p.amount - issued - charged - amount (-1:
	                      amount refused) */
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
/* Void credit note cn_no, one this terminal made whose record the central
 * node refused (a refused uphold's that stays, applied here since): its
 * applications undone, the uphold that made it undone and the central
 * node's steps of that dispute set aside at the pull applied; audited,
 * nothing sent (credit_void.c). Supervisor, a reason. */
int svc_credit_void(struct svc *s, const char *cn_no, const char *reason,
    struct pd_err *err);
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
	/* non-NULL: a preview, *preview the plain text of [receipts]
	 * text_width columns (caller frees), nothing written or logged and
	 * no copy marked (a --text alone: review s50, helper-216, where the
	 * Z report's used its original up) */
	char **preview;
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
	/* the terminal the document's record was made at (its builder's):
	 * there its first issue is the original; at any other terminal
	 * every issue is a COPY (fault 8); "": this terminal's */
	char origin[17];
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
	/* avg_tenths - prev_avg_tenths, and chg_avg, worked from the two
	 * periods' sums, not their rounded averages (40.0 - 27.75 days is
	 * 12.3, not 40.0 - 27.8 = 12.2: helper-290, fault 10) */
	int64_t avg_diff_tenths;
	struct outstanding out;
	int64_t avg_past_due_tenths; /* days x10; KPI_NONE: nothing overdue */
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
/* The open items behind Outstanding (review R23), today's, of the kpi
 * filters' segment (s->narrow; an open item is of no branch, user or
 * period), by due date (struct open_row): their sums are the figure's
 * total, open items and the part under arrangement. Supervisor and up
 * (PD_EPERM). */
int svc_open_rows(struct svc *s, open_cb cb, void *arg, struct pd_err *err);
/* The allocations behind k's Average Collection Time, of the scope and
 * the figures' filters (a supervisor's: consumers' names). */
int svc_time_rows(struct svc *s, const struct kpi *k, time_cb cb, void *arg,
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

/* the rest of the service layer's declarations, by area */
#include "service_office.h"
#include "service_sync.h"
#include "service_words.h"
#include "service_debts.h"

#endif
