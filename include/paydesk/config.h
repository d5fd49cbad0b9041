/* config.h - paydesk configuration: one schema table, iniparser underneath.
 *
 * TO ADD A NEW CONFIG KEY:
 *   1. a field in struct config below;
 *   2. a row in config_schema[] (src/config/config.c) with bounds, default
 *      and help text;
 *   3. the key, commented, in config.ini.example and man/paydesk.ini.5
 *      (tests/cli/test_config.sh checks that all three agree).
 */
#ifndef PAYDESK_CONFIG_H
#define PAYDESK_CONFIG_H
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include "err.h"
#include "model.h"
#include "search.h"

#define CFG_LIST_MAX 16
#define CFG_NAME_MAX 48
/* schema rows the configuration can hold (struct config.from_central) */
#define CONFIG_ROWS_MAX 256

struct pay_method {
	char name[CFG_NAME_MAX];
	enum method_kind kind;
	/* written Name:cheque: kind bank (as payments store and sync it),
	 * paid by paper cheques that stay in the drawer, so a shift's close
	 * lists them (issue 20); a transfer (Name:bank) is not in the drawer */
	int cheque;
	/* whether a payment by it takes a reference (search.h): written
	 * Name:kind:rule, by default none for cash, optional otherwise */
	enum payref_rule reference;
};

struct config {
	char source[PATH_MAX]; /* file read, "" for built-in defaults */

	char store_path[PATH_MAX];

	char org_name[128];
	char org_address[256];
	char currency_code[4];
	char currency_symbol[8];
	int minor_digits;
	char language[8]; /* "" (English), es, fr, pt_BR: see i18n.h */
	/* local formats: how amounts and dates are written for people
	 * (config_money_style, config_week_start) */
	char decimal_sep[8];  /* dot, comma */
	char group_sep[12];   /* auto, comma, dot, apostrophe, space, nnbsp,
	                         none */
	char grouping[4];     /* "3" or "3,2" (Indian 10,00,000) */
	char symbol_place[8]; /* before, after */
	char symbol_space[4]; /* no, yes */
	char date_format[12]; /* one of date_patterns (date.h) */
	char week_start[12];  /* monday, sunday, saturday */
	/* calling code a searched phone number may start with ("1"; "" for
	 * none), dropped before it is compared (search_phone_digits) */
	char phone_cc[PHONE_CC_MAX + 1];

	char terminal_id[17];
	char branch_id[17];

	char fmt_payment[48];
	char fmt_transaction[48];
	char fmt_receipt[48];
	char fmt_credit_note[48];
	char fmt_z_report[48]; /* a closed shift's Z number (issue 20) */

	char channels[CFG_LIST_MAX][CFG_NAME_MAX];
	int nchannels;
	struct pay_method methods[CFG_LIST_MAX];
	int nmethods;
	int64_t overpay_threshold;
	/* payments.allocation: alloc_rule_name of the rule that splits a
	 * payment (alloc.h), never "hand" */
	char alloc_rule[16];
	/* payments.priority_bill, priority_service, priority_installment:
	 * the "priority" rule's rank of each item kind (enum pay_type), 1
	 * paid first to 9 (struct alloc_ranks) */
	int alloc_rank[3];
	/* payments.installments_first: "yes" an arrangement's installments
	 * are paid before what is not overdue, under every rule that sorts
	 * (struct alloc_policy); "no" */
	char installments_first[4];
	int64_t change_confirm; /* change above it is confirmed; 0: never */
	int notes_max;

	char reasons[CFG_LIST_MAX][CFG_NAME_MAX];
	int nreasons;
	int cn_expiry_days;
	int remarks_max;

	/* cash shifts (issue 20; shift.h) */
	char shifts_required[4]; /* yes: cash needs an open shift; no */
	int64_t denoms[24]; /* minor units, largest first (SHIFT_DENOMS_MAX) */
	int ndenoms;
	int64_t shift_tolerance;  /* |over/short| above it needs sign-off */
	int64_t move_approval;    /* a movement above it needs a supervisor */
	char move_reasons[CFG_LIST_MAX][CFG_NAME_MAX];
	int nmove_reasons;
	int shift_max_hours; /* an open shift older is flagged */

	/* payment arrangements (issue 21): the reasons the screens offer */
	char arr_reasons[CFG_LIST_MAX][CFG_NAME_MAX];
	int narr_reasons;
	int alert_due_days; /* an installment due within: an alert */
	/* the stored alerts' rules (issue 21): -1 a rule that is off */
	int alert_overdue_days;  /* an open item this many days past due */
	int64_t alert_large;     /* a payment above it cleared */
	int alert_credit_days;   /* a credit note expiring within */
	int alert_gateway_hours; /* a gateway payment unassociated after */
	int alert_recon_days;    /* a reconciliation exception this old */
	/* the rules of no threshold, on or off (helper-261, fault 4) */
	char alert_missed[4];    /* yes: an installment missed; no */
	char alert_broken[4];    /* yes: a plan broken; no */
	char alert_refused[4];   /* yes: a sync record refused; no */
	char alert_command[512]; /* each new alert as JSON on its stdin */
	int alert_command_timeout; /* seconds it may take per alert */
	int disc_days;        /* disconnection: debt past due this long */
	int64_t disc_amount;  /* ... and at least this much (minor units) */
	/* disputes of payments (issue 21; dispute.h): the reason codes, the
	 * days to resolve one, a bounced cheque's service charge (0: none) */
	char dsp_reasons[CFG_LIST_MAX][CFG_NAME_MAX];
	int ndsp_reasons;
	int dsp_due_days;
	int64_t dsp_bounced_charge;

	/* yes: a supervisor reads their team's payments only (issue 23) */
	char team_visibility[4];
	/* the anomaly rules' thresholds (issue 23, service/anomalies.c) */
	int anom_large_factor;   /* times the consumer's average */
	int anom_large_history;  /* earlier payments that make one */
	int anom_burst_count;    /* payments of a consumer ... */
	int anom_burst_minutes;  /* ... within this many minutes */
	int anom_peer_factor;    /* times the peer terminals' average */
	int anom_peer_least;     /* and at least this many */
	int64_t anom_round_unit; /* a multiple of it is round (minor) */
	int anom_round_count;    /* round notes of a user in a day */
	/* accounting periods of the report filters (issue 23) */
	char period_calendar[8]; /* months or fiscal */
	int fiscal_start;        /* 1-12: the month a fiscal year begins */

	/* deposits and their matching (issue 20; deposit.h) */
	char deposit_account[35]; /* the bank account deposits go to */
	int match_days;           /* a credit booked this many days after */
	int overdue_days;         /* a deposit not credited after them */
	int64_t over_short_above; /* a shift's tender beyond it is listed */
	int card_fee_bp; /* a card settlement's fee at most, 1/100 % */

	char receipts_dir[PATH_MAX];
	char print_command[512];
	char paper[8]; /* a4, letter, roll80 */
	char font_path[PATH_MAX];
	int text_width;

	char exports_dir[PATH_MAX];

	int login_max_attempts;
	int login_lockout_minutes;
	/* the PIN policy of imported users (issue 18 section 5) */
	int pin_min_cashier;
	int pin_min_supervisor;
	int pin_min_admin;
	char weak_pins[8]; /* refuse, allow */
	int pin_hash_cost; /* yescrypt cost of a PIN hashed here, 1-11 */

	/* the terminal's sync with the central node */
	char sync_url[512]; /* "" = no central node */
	char sync_token[128];
	char sync_ca_file[PATH_MAX]; /* "" = the system's CAs */
	/* the token over http:// to a host not loopback: no, yes (review
	 * 18: a token sent in clear is a token stolen) */
	char sync_plain_http[4];
	int sync_interval;           /* seconds between background rounds */
	int sync_batch;              /* records per push */
	int sync_pull_page;          /* entries per pull page */
	int sync_max_pages;          /* pull pages per round at most */
	int sync_connect_timeout;
	int sync_timeout;
	int sync_low_speed_time;
	int sync_retries;

	/* paydesk-central */
	char central_listen[64];
	int central_port;
	char central_data_dir[PATH_MAX];
	int central_max_body_kb;
	int central_threads;
	char central_log[PATH_MAX];      /* "" = standard error */
	char central_tls_cert[PATH_MAX]; /* "" = plain http */
	char central_tls_key[PATH_MAX];
	int central_max_connections; /* open at once, all addresses */
	int central_max_per_address; /* open at once from one address */
	int central_header_timeout;  /* s for a request's headers */
	int central_body_timeout;    /* s for its body, and for its answer */
	int central_rejected_log_max; /* sync_log rows kept per terminal */
	/* anchor_history and terminal_marks kept (days; review 18) */
	int central_history_days;
	/* how far ahead of the numbers the central node has had from a
	 * terminal one of its documents may be (review 18; sync_ahead.c) */
	int central_series_window;
	/* payment gateways (issue 19) */
	int central_gateway_tolerance;    /* s a card signature may be off */
	int central_gateway_rotate_hours; /* h a rotated secret stays valid */
	int central_gateway_max_age;      /* days back a payment may be dated */
	char central_gateway_allow[512];  /* mobile money senders: IPv4[/bits],
	                                     comma-separated; "": none */
	char central_gateway_unknown[8];  /* validation of an unknown account:
	                                     accept, reject */
	int central_gateway_max_body_kb;  /* a notification's body, KiB */
	char central_gateway_signed[4];   /* mobile money must be signed: no,
	                                     yes */
	/* where the central node keeps its stores (issue 22) */
	char central_backend[16];    /* sqlite, postgresql */
	char central_database[1024]; /* libpq conninfo; "": PG* variables */

	/* schema rows whose value came from the central node (bit i: row i
	 * of config_rows), not from the file; read with config_is_central() */
	uint64_t from_central[CONFIG_ROWS_MAX / 64];
	/* schema rows the file read sets (bit i as above; review R20b 3: a
	 * file that sets an organisation's key is warned of) */
	uint64_t in_file[CONFIG_ROWS_MAX / 64];
};

/* Bit i of a row mask (from_central, in_file) set. */
static inline void
config_mark(uint64_t *mask, size_t i)
{
	if (i < CONFIG_ROWS_MAX)
		mask[i / 64] |= (uint64_t)1 << (i % 64);
}

/* Whether the file read sets schema row i. */
static inline int
config_in_file(const struct config *cfg, size_t i)
{
	return i < CONFIG_ROWS_MAX &&
	    (int)(cfg->in_file[i / 64] >> (i % 64) & 1);
}

/* Whether schema row i's value came from the central node. */
static inline int
config_is_central(const struct config *cfg, size_t i)
{
	return i < CONFIG_ROWS_MAX &&
	    (int)(cfg->from_central[i / 64] >> (i % 64) & 1);
}

/* One row of the schema, exported for the docs check and `paydesk config`. */
struct config_row {
	const char *section;
	const char *key;
	const char *def;  /* default, as it would be written in the file */
	const char *help; /* one line */
};

/* Find and load the configuration: explicit path (NULL to search
 * $PAYDESK_CONFIG, ./config.ini, $XDG_CONFIG_HOME/paydesk/config.ini,
 * /etc/paydesk/config.ini), else built-in defaults. Every key is checked;
 * an unknown section or key or a bad value fails naming file, section, key. */
int config_load(const char *path, struct config *cfg, struct pd_err *err);
/* Built-in defaults only. */
int config_defaults(struct config *cfg, struct pd_err *err);

/* Rows of the schema; *n gets their count. */
const struct config_row *config_rows(int *n);

/* Row i's effective value as it would be written in the file. */
int config_format(const struct config *cfg, int i, char *buf, size_t n);

/* Settings mastered by an organisation's central node: the rows of
 * central_settings[] in src/config/config.c ([organisation] name and
 * address, [numbers], [payments], [credit_notes], [security]). Kept in
 * the store's settings table, they override the file's values. name is
 * "section.key". config_central_row: the row of config_rows, or -1 when
 * the key is not one of them. config_set_central: check value as the file
 * would and set it; on failure cfg is unchanged and err says why. */
int config_central_row(const char *name);
/* The organisation's keys (paydesk.ini(5): one value at every terminal
 * of the organisation; review R20b 3, R21b 9): the row of config_rows of
 * the k-th of them (k from 0), -1 past the last. config_org_take: every
 * one of them in cfg set to from's value as it is held (both in the same
 * currency's minor units), the rest of cfg and its marks unchanged. */
int config_org_row(int k);
void config_org_take(struct config *cfg, const struct config *from);
/* The file cfg was read from as an absolute path (symbolic links
 * resolved; as it was named when it cannot be), "" for built-in
 * defaults; buf of n bytes. */
int config_source_abs(const struct config *cfg, char *buf, size_t n);
int config_set_central(struct config *cfg, const char *name, const char *value,
    struct pd_err *err);
/* The organisation's currency as its central node gives it (kept in the
 * store once a sync took it): code and minor digits win over the file's,
 * marked as the central node's; the money keys are scaled to its minor
 * units (rounded half up; a denomination smaller than its unit dropped);
 * a currency other than the file's is written with its code as symbol
 * unless the central node set [organisation] currency_symbol. */
int config_take_currency(
    struct config *cfg, const char *code, int digits, struct pd_err *err);

/* The organisation's money style: its symbol, minor digits, separators,
 * grouping and the symbol's place. The style borrows strings from cfg,
 * which must outlive it. */
struct money_style;
void config_money_style(const struct config *cfg, struct money_style *st);
/* The first day of the week: 0 Sunday, 1 Monday, 6 Saturday. */
int config_week_start(const struct config *cfg);

/* "A, B, C" from a list of names (channels, reasons) into buf. */
void config_join(
    const char (*names)[CFG_NAME_MAX], int count, char *buf, size_t n);

/* Method by name (case-insensitive); NULL if not configured. */
const struct pay_method *config_method(
    const struct config *cfg, const char *name);
/* Channel by name (case-insensitive); NULL if not configured. */
const char *config_channel(const struct config *cfg, const char *name);
/* config_method and config_channel for what a person typed (the report
 * filters): then in any case and accents alike, as a search folds names
 * ("CHÈQUE" is "Chèque"). */
const struct pay_method *config_method_typed(
    const struct config *cfg, const char *name);
const char *config_channel_typed(const struct config *cfg, const char *name);
/* Credit-note reason by name (case-insensitive); NULL if not configured. */
const char *config_reason(const struct config *cfg, const char *name);

#endif
