/* config.c - the config schema table: every key paydesk reads, its
 * type, bounds, default and help (config_rows), and the settings an
 * organisation's central node masters. Loading a config from its
 * defaults and its file, and reading it, is load.c; a value's text is
 * checked and set by value.c. */
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "config_int.h"
#include "paydesk/config.h"
#include "paydesk/credit.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"

#define F(field)                                                               \
	offsetof(struct config, field), sizeof(((struct config *)0)->field)

/* The schema: every key paydesk reads. Order matters only for minor_digits,
 * which must come before any money key. */
const struct schema cfg_schema[] = {
    {{"store", "path", "$XDG_DATA_HOME/paydesk/paydesk.db",
         N_("SQLite store file; relative paths are relative to this file")},
        CFG_PATH, F(store_path), 0, 0, NULL},
    {{"organisation", "name", "Cityville Water & Power",
         N_("name printed on receipts and in the header")},
        CFG_STR, F(org_name), 1, 127, NULL},
    {{"organisation", "address", "1 Utility Plaza, Cityville",
         N_("postal address printed on receipts")},
        CFG_STR, F(org_address), 0, 255, NULL},
    {{"organisation", "currency_code", "USD",
         N_("ISO 4217 code, three capital letters")},
        CFG_CURRENCY, F(currency_code), 0, 0, NULL},
    {{"organisation", "currency_symbol", "$",
         N_("symbol written before amounts")},
        CFG_STR, F(currency_symbol), 0, 7, NULL},
    {{"organisation", "minor_digits", "2",
         N_("decimals of the currency (0-3); amounts are stored in minor "
            "units")},
        CFG_INT, F(minor_digits), 0, 3, NULL},
    {{"organisation", "language", "",
         N_("language of the screens when the terminal's locale names none "
            "(es, fr; empty: English)")},
        CFG_LANG, F(language), 0, 0, NULL},
    {{"organisation", "decimal_separator", "dot",
         N_("decimal separator of amounts shown and typed: dot or comma")},
        CFG_CHOICE, F(decimal_sep), 0, 0, "dot|comma"},
    {{"organisation", "grouping_separator", "auto",
         N_("separator of digit groups: comma, dot, apostrophe, space "
            "(written as a no-break space), nnbsp (narrow no-break space), "
            "none, or auto (comma; dot with a comma decimal separator)")},
        CFG_CHOICE, F(group_sep), 0, 0,
        "auto|comma|dot|apostrophe|space|nnbsp|none"},
    {{"organisation", "grouping", "3",
         N_("digit groups: 3 (1,000,000) or 3,2 (1,00,000 and 10,00,000)")},
        CFG_CHOICE, F(grouping), 0, 0, "3|3,2"},
    {{"organisation", "currency_position", "before",
         N_("the currency symbol before or after the amount")},
        CFG_CHOICE, F(symbol_place), 0, 0, "before|after"},
    {{"organisation", "currency_space", "no",
         N_("a space between the currency symbol and the amount: no or yes")},
        CFG_CHOICE, F(symbol_space), 0, 0, "no|yes"},
    {{"organisation", "date_format", "YYYY-MM-DD",
         N_("dates on screens and documents: YYYY-MM-DD, DD/MM/YYYY, "
            "MM/DD/YYYY, DD.MM.YYYY, DD-MM-YYYY or YYYY/MM/DD")},
        CFG_CHOICE, F(date_format), 0, 0,
        "YYYY-MM-DD|DD/MM/YYYY|MM/DD/YYYY|DD.MM.YYYY|DD-MM-YYYY|YYYY/MM/DD"},
    {{"organisation", "week_start", "monday",
         N_("first day of the dashboard's week: monday, sunday or saturday")},
        CFG_CHOICE, F(week_start), 0, 0, "monday|sunday|saturday"},
    {{"organisation", "phone_country_code", "",
         N_("calling code the consumer search drops from a phone number "
            "typed with it (+1 555 123 4567): 1 to 4 digits, or empty")},
        CFG_DIGITS, F(phone_cc), 1, PHONE_CC_MAX, NULL},
    {{"terminal", "id", "T01",
         N_("this terminal's id, unique in the organisation (A-Z a-z 0-9 -)")},
        CFG_ID, F(terminal_id), 1, 16, NULL},
    {{"terminal", "branch", "B01",
         N_("the branch this terminal belongs to (A-Z a-z 0-9 -)")},
        CFG_ID, F(branch_id), 1, 16, NULL},
    {{"numbers", "payment", "PAY-{TERM}-{YYYY}-{SEQ:6}",
         N_("payment id format; tokens {YYYY} {YY} {MM} {TERM} {BRANCH} "
            "{SEQ:n}")},
        CFG_NUMFMT, F(fmt_payment), 0, 0, NULL},
    {{"numbers", "transaction", "TXN-{TERM}-{YYYY}-{SEQ:6}",
         N_("transaction id format")},
        CFG_NUMFMT, F(fmt_transaction), 0, 0, NULL},
    {{"numbers", "receipt", "R-{TERM}-{SEQ:6}", N_("receipt number format")},
        CFG_NUMFMT, F(fmt_receipt), 0, 0, NULL},
    {{"numbers", "credit_note", "CN-{TERM}-{SEQ:5}",
         N_("credit note number format")},
        CFG_NUMFMT, F(fmt_credit_note), 0, 0, NULL},
    {{"numbers", "z_report", "Z-{TERM}-{SEQ:6}",
         N_("a closed shift's Z number format (one series per terminal, no "
            "gaps)")},
        CFG_NUMFMT, F(fmt_z_report), 0, 0, NULL},
    {{"payments", "channels", "Walk-in, Kiosk, Field Agent, Mobile Van",
         N_("payment channels, comma-separated; the first is the default")},
        CFG_NAMES, offsetof(struct config, channels),
        offsetof(struct config, nchannels), 0, 0, NULL},
    {{"payments", "methods",
         "Cash:cash, Credit Card:card, Debit Card:card, Bank Transfer:bank, "
         "Cheque:cheque, Online:online",
         N_("payment methods as Name:kind, kind one of cash card bank cheque "
            "online")},
        CFG_METHODS, 0, 0, 0, 0, NULL},
    {{"payments", "overpayment_threshold", "500.00",
         N_("most a payment may exceed the selected items' outstanding "
            "amount")},
        CFG_MONEY, offsetof(struct config, overpay_threshold), 0, 0, MONEY_MAX,
        NULL},
    {{"payments", "change_confirm", "100.00",
         N_("change above which the cashier confirms the amount received "
            "(0: never asked)")},
        CFG_MONEY, offsetof(struct config, change_confirm), 0, 0, MONEY_MAX,
        NULL},
    {{"payments", "allocation", "oldest",
         N_("how a payment that does not cover every item selected is split: "
            "oldest (due date first), proportional (each item its share by "
            "what it owes), priority (by the rank of the item's kind: "
            "priority_service, priority_bill, priority_installment), "
            "installments (an arrangement's installments first), bills "
            "(bills, then service charges, then installments) or largest "
            "(largest outstanding first)")},
        CFG_CHOICE, F(alloc_rule), 0, 0,
        "oldest|proportional|priority|installments|bills|largest"},
    {{"payments", "installments_first", "yes",
         N_("an arrangement's installments are paid before what is not "
            "overdue, under every rule but installments and a split by "
            "hand: yes or no")},
        CFG_CHOICE, F(installments_first), 0, 0, "yes|no"},
    {{"payments", "priority_service", "1",
         N_("the priority rule's rank of service charges, 1 (paid first) "
            "to 9; kinds of one rank are paid oldest first")},
        CFG_INT, F(alloc_rank[1]), 1, 9, NULL},
    {{"payments", "priority_bill", "2",
         N_("the priority rule's rank of bills (consumption), 1 to 9")},
        CFG_INT, F(alloc_rank[0]), 1, 9, NULL},
    {{"payments", "priority_installment", "3",
         N_("the priority rule's rank of installments, 1 to 9")},
        CFG_INT, F(alloc_rank[2]), 1, 9, NULL},
    {{"payments", "notes_max", "250",
         N_("longest payment note in characters (1-2000)")},
        CFG_INT, F(notes_max), 1, 2000, NULL},
    {{"credit_notes", "reasons",
         "Overpayment, Duplicate Payment, Billing Error, Billing Adjustment, "
         "Refund Request, Customer Request, Other",
         N_("reasons offered for a credit note; must include Overpayment")},
        CFG_NAMES, offsetof(struct config, reasons),
        offsetof(struct config, nreasons), 0, 0, NULL},
    {{"credit_notes", "expiry_days", "365",
         N_("days a credit note stays usable after it is created (1-3650)")},
        CFG_INT, F(cn_expiry_days), 1, CREDIT_EXPIRY_DAYS_MAX, NULL},
    {{"credit_notes", "remarks_max", "500",
         N_("longest credit-note remark in characters (1-2000)")},
        CFG_INT, F(remarks_max), 1, 2000, NULL},
    {{"shifts", "required", "yes",
         N_("a payment by a cash method needs an open shift of the cashier "
            "at this terminal: yes or no")},
        CFG_CHOICE, F(shifts_required), 0, 0, "yes|no"},
    {{"shifts", "denominations",
         "10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1",
         N_("notes and coins counted, in minor units, largest first, "
            "comma-separated")},
        CFG_DENOMS, 0, 0, 0, 0, NULL},
    {{"shifts", "tolerance", "0.00",
         N_("over or short per tender at a close beyond which a reason and "
            "a supervisor's sign-off are needed; an opening float further "
            "off the expected one is asked about first in the screens")},
        CFG_MONEY, offsetof(struct config, shift_tolerance), 0, 0, MONEY_MAX,
        NULL},
    {{"shifts", "movement_approval_above", "50.00",
         N_("pay-in, pay-out or safe drop above which a supervisor's PIN is "
            "needed")},
        CFG_MONEY, offsetof(struct config, move_approval), 0, 0, MONEY_MAX,
        NULL},
    {{"shifts", "movement_reasons",
         "Change from safe, Petty cash, Safe drop, Correction, Other",
         N_("reasons offered for a pay-in, pay-out or safe drop, "
            "comma-separated")},
        CFG_NAMES, offsetof(struct config, move_reasons),
        offsetof(struct config, nmove_reasons), 0, 0, NULL},
    {{"shifts", "max_hours", "12",
         N_("hours after which an open shift is flagged, as is one open "
            "across midnight (1-72)")},
        CFG_INT, F(shift_max_hours), 1, 72, NULL},
    {{"deposits", "account", "",
         N_("the bank account deposits are paid into, when a deposit names "
            "none (IBAN or account number, up to 34 characters)")},
        CFG_STR, F(deposit_account), 0, 34, NULL},
    {{"deposits", "match_days", "3",
         N_("days after a deposit within which its credit on a bank "
            "statement is matched to it (0-31)")},
        CFG_INT, F(match_days), 0, 31, NULL},
    {{"deposits", "overdue_days", "5",
         N_("days after which a deposit with no credit on a bank statement "
            "is an exception (1-90)")},
        CFG_INT, F(overdue_days), 1, 90, NULL},
    {{"deposits", "over_short_above", "0.00",
         N_("a closed shift's tender over or short by more than this is an "
            "exception")},
        CFG_MONEY, offsetof(struct config, over_short_above), 0, 0, MONEY_MAX,
        NULL},
    {{"reconciliation", "card_fee_tolerance", "300",
         N_("most a card processor may keep of a terminal's day of card "
            "payments for its settlement to be matched, in hundredths of a "
            "percent (300 = 3%; 0-2000)")},
        CFG_INT, F(card_fee_bp), 0, 2000, NULL},
    {{"arrangements", "reasons",
         "Hardship, Promise to pay, Reschedule request, Dispute, Other",
         N_("reasons offered for making, rescheduling or cancelling a "
            "payment arrangement, comma-separated")},
        CFG_NAMES, offsetof(struct config, arr_reasons),
        offsetof(struct config, narr_reasons), 0, 0, NULL},
    {{"alerts", "due_days", "3",
         N_("days before an arrangement's installment falls due from which "
            "it is an alert (0-31)")},
        CFG_INT, F(alert_due_days), 0, 31, NULL},
    {{"alerts", "overdue_days", "",
         N_("an open item this many days past due raises an alert "
            "(1-3650; empty: off)")},
        CFG_OPTINT, F(alert_overdue_days), 1, 3650, NULL},
    {{"alerts", "large_payment", "",
         N_("a payment above this amount raises an alert when it clears "
            "(empty: off)")},
        CFG_OPTMONEY, offsetof(struct config, alert_large), 0, 0, MONEY_MAX,
        NULL},
    {{"alerts", "credit_expiry_days", "",
         N_("a credit note with credit left expiring within this many days "
            "raises an alert (0-365; empty: off)")},
        CFG_OPTINT, F(alert_credit_days), 0, 365, NULL},
    {{"alerts", "gateway_hours", "",
         N_("a gateway payment with no consumer's payment after this many "
            "hours raises an alert (1-8760; empty: off)")},
        CFG_OPTINT, F(alert_gateway_hours), 1, 8760, NULL},
    {{"alerts", "reconciliation_days", "",
         N_("a reconciliation exception this many days old raises an "
            "alert (0-3650; empty: off)")},
        CFG_OPTINT, F(alert_recon_days), 0, 3650, NULL},
    {{"alerts", "missed", "yes",
         N_("an arrangement's installment missed raises an alert: yes or "
            "no")},
        CFG_CHOICE, F(alert_missed), 0, 0, "yes|no"},
    {{"alerts", "broken", "yes",
         N_("an arrangement broken raises an alert: yes or no")},
        CFG_CHOICE, F(alert_broken), 0, 0, "yes|no"},
    {{"alerts", "refused", "yes",
         N_("a record the central node refused, or one set aside at the "
            "pull, raises an alert at the next sync round: yes or no")},
        CFG_CHOICE, F(alert_refused), 0, 0, "yes|no"},
    {{"alerts", "command", "",
         N_("command given each new alert as one JSON object on its "
            "standard input (empty: none)")},
        CFG_STR, F(alert_command), 0, 511, NULL},
    {{"alerts", "command_timeout", "30",
         N_("seconds [alerts] command may take for one alert before it is "
            "stopped with all it started; a delivery stopped so is tried "
            "again after a wait that doubles, up to an hour (1-600)")},
        CFG_INT, F(alert_command_timeout), 1, 600, NULL},
    {{"disconnection", "days", "60",
         N_("days past due after which a consumer's debt puts them on the "
            "disconnection list (1-3650)")},
        CFG_INT, F(disc_days), 1, 3650, NULL},
    {{"visibility", "team", "no",
         N_("yes: a supervisor's lists and reports count the payments of "
            "their team's users only; no: their scope's")},
        CFG_CHOICE, F(team_visibility), 0, 0, "no|yes"},
    {{"anomalies", "large_factor", "5",
         N_("a payment this many times its consumer's average over the "
            "year before is an anomaly (2-1000)")},
        CFG_INT, F(anom_large_factor), 2, 1000, NULL},
    {{"anomalies", "large_history", "3",
         N_("the consumer's payments in the year before that make an "
            "average to compare with (1-1000)")},
        CFG_INT, F(anom_large_history), 1, 1000, NULL},
    {{"anomalies", "burst_count", "3",
         N_("this many payments of one consumer within burst_minutes are "
            "an anomaly (2-1000)")},
        CFG_INT, F(anom_burst_count), 2, 1000, NULL},
    {{"anomalies", "burst_minutes", "60",
         N_("the time a burst of one consumer's payments falls within, in "
            "minutes (1-1440)")},
        CFG_INT, F(anom_burst_minutes), 1, 1440, NULL},
    {{"anomalies", "peer_factor", "3",
         N_("a terminal's cash voids or credit notes of a day this many "
            "times its peers' average are an anomaly (2-1000)")},
        CFG_INT, F(anom_peer_factor), 2, 1000, NULL},
    {{"anomalies", "peer_least", "3",
         N_("the fewest cash voids or credit notes of a terminal's day "
            "that can be an anomaly (1-1000)")},
        CFG_INT, F(anom_peer_least), 1, 1000, NULL},
    {{"anomalies", "round_unit", "10.00",
         N_("a credit note of a whole multiple of this amount is round "
            "(0.00: the rule off)")},
        CFG_MONEY, offsetof(struct config, anom_round_unit), 0, 0, MONEY_MAX,
        NULL},
    {{"anomalies", "round_count", "3",
         N_("this many round credit notes made by one user in a day are an "
            "anomaly (1-1000)")},
        CFG_INT, F(anom_round_count), 1, 1000, NULL},
    {{"periods", "calendar", "months",
         N_("accounting periods of --period: months (calendar months, "
            "YYYY-MM) or fiscal (FYyyyy-Pnn from periods.fiscal_start)")},
        CFG_CHOICE, F(period_calendar), 0, 0, "months|fiscal"},
    {{"periods", "fiscal_start", "1",
         N_("month (1-12) a fiscal year begins in; FY2026 begins in it in "
            "2026")},
        CFG_INT, F(fiscal_start), 1, 12, NULL},
    {{"disconnection", "amount", "100.00",
         N_("least debt past those days that puts a consumer on the "
            "disconnection list")},
        CFG_MONEY, offsetof(struct config, disc_amount), 0, 0, MONEY_MAX, NULL},
    {{"disputes", "reasons",
         "chargeback, bounced-cheque, amount-contested, wrong-account, other",
         N_("reason codes a dispute of a payment is opened with, "
            "comma-separated")},
        CFG_NAMES, offsetof(struct config, dsp_reasons),
        offsetof(struct config, ndsp_reasons), 0, 0, NULL},
    {{"disputes", "due_days", "30",
         N_("days after it is opened within which a dispute is to be "
            "resolved (1-365)")},
        CFG_INT, F(dsp_due_days), 1, 365, NULL},
    {{"disputes", "bounced_cheque_charge", "0.00",
         N_("service charge added to the consumer when a bounced-cheque "
            "dispute is upheld (0.00: none)")},
        CFG_MONEY, offsetof(struct config, dsp_bounced_charge), 0, 0, MONEY_MAX,
        NULL},
    {{"receipts", "dir", "$XDG_DATA_HOME/paydesk/receipts",
         N_("directory receipt PDFs are written to")},
        CFG_PATH, F(receipts_dir), 0, 0, NULL},
    {{"receipts", "print_command", "",
         N_("command that prints a PDF, given its path (empty: show the "
            "path)")},
        CFG_STR, F(print_command), 0, 511, NULL},
    {{"receipts", "paper", "a4",
         N_("receipt layout: a4, letter or roll80 (80 mm receipt printer)")},
        CFG_CHOICE, F(paper), 0, 0, "a4|letter|roll80"},
    {{"receipts", "font", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         N_("TrueType font embedded in PDFs; must cover the scripts of names")},
        CFG_PATH, F(font_path), 0, 0, NULL},
    {{"receipts", "text_width", "48",
         N_("columns of plain-text receipts for line printers (32-80)")},
        CFG_INT, F(text_width), 32, 80, NULL},
    {{"exports", "dir", "$XDG_DATA_HOME/paydesk/exports",
         N_("directory the back office writes exports and downloads to")},
        CFG_PATH, F(exports_dir), 0, 0, NULL},
    {{"security", "login_max_attempts", "5",
         N_("wrong PINs in a row before the user is locked out (1-20)")},
        CFG_INT, F(login_max_attempts), 1, 20, NULL},
    {{"security", "login_lockout_minutes", "15",
         N_("minutes a locked-out user waits (1-1440)")},
        CFG_INT, F(login_lockout_minutes), 1, 1440, NULL},
    {{"security", "pin_min_cashier", "4",
         N_("fewest digits of a cashier's PIN (4-12), checked when users are "
            "imported")},
        CFG_INT, F(pin_min_cashier), 4, 12, NULL},
    {{"security", "pin_min_supervisor", "6",
         N_("fewest digits of a supervisor's PIN (4-12)")},
        CFG_INT, F(pin_min_supervisor), 4, 12, NULL},
    {{"security", "pin_min_admin", "6",
         N_("fewest digits of an admin's PIN (4-12)")},
        CFG_INT, F(pin_min_admin), 4, 12, NULL},
    {{"security", "weak_pins", "refuse",
         N_("PINs of one digit repeated or a run (1234, 9876) at import: "
            "refuse, or allow (test and training stores only)")},
        CFG_CHOICE, F(weak_pins), 0, 0, "refuse|allow"},
    {{"security", "pin_hash_cost", "5",
         N_("yescrypt cost of a PIN hashed on this machine (1-11): each step "
            "doubles a sign-in's work; PINs set from then on")},
        CFG_INT, F(pin_hash_cost), 1, 11, NULL},
    {{"sync", "url", "",
         N_("the central node, http://host:port or https://...; empty: no "
            "sync")},
        CFG_URL, F(sync_url), 0, 511, NULL},
    {{"sync", "token", "",
         N_("this terminal's token, from `paydesk-central terminal add`")},
        CFG_STR, F(sync_token), 0, 127, NULL},
    {{"sync", "ca_file", "",
         N_("CA certificates (PEM) to verify an https:// central node; empty: "
            "the system's")},
        CFG_OPTPATH, F(sync_ca_file), 0, 0, NULL},
    {{"sync", "plain_http", "no",
         N_("send the token over plain http:// to a central node that is "
            "not on this machine: no or yes (a TLS proxy on the way)")},
        CFG_CHOICE, F(sync_plain_http), 0, 0, "no|yes"},
    {{"sync", "interval", "30",
         N_("seconds between background syncs in the UI (5-86400)")},
        CFG_INT, F(sync_interval), 5, 86400, NULL},
    {{"sync", "batch", "2000", N_("records sent in one push (1-5000)")},
        CFG_INT, F(sync_batch), 1, 5000, NULL},
    {{"sync", "pull_page", "2000",
         N_("entries asked for in one pull (1-10000)")},
        CFG_INT, F(sync_pull_page), 1, 10000, NULL},
    {{"sync", "max_pages", "100000",
         N_("pull pages in one round at most, after which the round ends "
            "with an error (10-10000000)")},
        CFG_INT, F(sync_max_pages), 10, 10000000, NULL},
    {{"sync", "connect_timeout", "5",
         N_("seconds to wait for a connection (1-120)")},
        CFG_INT, F(sync_connect_timeout), 1, 120, NULL},
    {{"sync", "timeout", "60",
         N_("seconds a request may take in all (1-3600)")},
        CFG_INT, F(sync_timeout), 1, 3600, NULL},
    {{"sync", "low_speed_time", "15",
         N_("seconds without a byte moving before a request is given up "
            "(1-600)")},
        CFG_INT, F(sync_low_speed_time), 1, 600, NULL},
    {{"sync", "retries", "3",
         N_("retries of a failed request, with growing random waits (0-10)")},
        CFG_INT, F(sync_retries), 0, 10, NULL},
    {{"central", "listen", "127.0.0.1",
         N_("paydesk-central: IPv4 address to listen on")},
        CFG_STR, F(central_listen), 7, 63, NULL},
    {{"central", "port", "8720", N_("paydesk-central: TCP port (1-65535)")},
        CFG_INT, F(central_port), 1, 65535, NULL},
    {{"central", "data_dir", "$XDG_DATA_HOME/paydesk-central",
         N_("paydesk-central: directory of its stores")},
        CFG_PATH, F(central_data_dir), 0, 0, NULL},
    {{"central", "max_body_kb", "16384",
         N_("paydesk-central: largest request body accepted, KiB (1-1048576)")},
        CFG_INT, F(central_max_body_kb), 1, 1048576, NULL},
    {{"central", "threads", "4", N_("paydesk-central: worker threads (1-64)")},
        CFG_INT, F(central_threads), 1, 64, NULL},
    {{"central", "log", "",
         N_("paydesk-central: request log file; empty: standard error")},
        CFG_OPTPATH, F(central_log), 0, 0, NULL},
    {{"central", "tls_cert", "",
         N_("paydesk-central: certificate chain (PEM) to serve https; empty: "
            "plain http")},
        CFG_OPTPATH, F(central_tls_cert), 0, 0, NULL},
    {{"central", "tls_key", "",
         N_("paydesk-central: private key (PEM) of tls_cert")},
        CFG_OPTPATH, F(central_tls_key), 0, 0, NULL},
    {{"central", "max_connections", "4000",
         "paydesk-central: connections open at once, in all (16-100000)"},
        CFG_INT, F(central_max_connections), 16, 100000, NULL},
    {{"central", "max_per_address", "32",
         "paydesk-central: connections open at once from one address "
         "(1-100000)"},
        CFG_INT, F(central_max_per_address), 1, 100000, NULL},
    {{"central", "header_timeout", "10",
         "paydesk-central: seconds a request's headers may take (1-600)"},
        CFG_INT, F(central_header_timeout), 1, 600, NULL},
    {{"central", "body_timeout", "120",
         "paydesk-central: seconds a request's body, and its answer, may "
         "take (1-3600)"},
        CFG_INT, F(central_body_timeout), 1, 3600, NULL},
    {{"central", "rejected_log_max", "10000",
         "paydesk-central: refused records kept per terminal (100-10000000)"},
        CFG_INT, F(central_rejected_log_max), 100, 10000000, NULL},
    {{"central", "history_days", "400",
         "paydesk-central: days each terminal's audit heads seen and rule "
         "marks are kept, the newest before them always (1-36500)"},
        CFG_INT, F(central_history_days), 1, 36500, NULL},
    {{"central", "series_window", "1000",
         "paydesk-central: numbers a terminal's document may be ahead of "
         "its series here, and one more per second since its last sync "
         "(1-100000000)"},
        CFG_INT, F(central_series_window), 1, 100000000, NULL},
    {{"central", "gateway_tolerance", "300",
         "paydesk-central: seconds a card gateway's signature time may be "
         "from the clock (10-3600)"},
        CFG_INT, F(central_gateway_tolerance), 10, 3600, NULL},
    {{"central", "gateway_max_age", "400",
         "paydesk-central: days before the clock a gateway's payment or "
         "event may be dated; older is refused (1-36500)"},
        CFG_INT, F(central_gateway_max_age), 1, 36500, NULL},
    {{"central", "gateway_rotate_hours", "24",
         "paydesk-central: hours a gateway's previous secret stays valid "
         "after `gateway rotate` (0-720)"},
        CFG_INT, F(central_gateway_rotate_hours), 0, 720, NULL},
    {{"central", "gateway_allow", "",
         "paydesk-central: addresses mobile-money gateways send from, "
         "IPv4 or IPv4/bits, comma-separated; empty: none"},
        CFG_STR, F(central_gateway_allow), 0, 511, NULL},
    {{"central", "gateway_unknown_account", "accept",
         "paydesk-central: a mobile-money validation naming no known "
         "account: accept or reject"},
        CFG_CHOICE, F(central_gateway_unknown), 0, 0, "accept|reject"},
    {{"central", "gateway_max_body_kb", "64",
         "paydesk-central: largest body of a gateway's notification, KiB, "
         "given as its Content-Length (1-16384)"},
        CFG_INT, F(central_gateway_max_body_kb), 1, 16384, NULL},
    {{"central", "gateway_signed", "no",
         "paydesk-central: mobile-money notifications must carry a "
         "signature header: no or yes"},
        CFG_CHOICE, F(central_gateway_signed), 0, 0, "no|yes"},
    {{"central", "backend", "sqlite",
         N_("paydesk-central: where the stores are kept: sqlite (files in "
            "data_dir) or postgresql (database)")},
        CFG_CHOICE, F(central_backend), 0, 0, "sqlite|postgresql"},
    {{"central", "database", "",
         N_("paydesk-central: PostgreSQL connection string (libpq); empty: "
            "the PG* environment variables")},
        CFG_STR, F(central_database), 0, 1023, NULL},
};
#undef F

#define NSCHEMA (sizeof cfg_schema / sizeof cfg_schema[0])
_Static_assert(NSCHEMA <= CONFIG_ROWS_MAX,
    "struct config's from_central has CONFIG_ROWS_MAX bits");
const size_t cfg_nschema = NSCHEMA;

/* The settings an organisation's central node masters: the same for
 * every terminal of the organisation (the number formats too: each
 * terminal renders them with its own {TERM}). What a terminal is (its id, branch,
 * store, printer, paths, sync) stays in each terminal's file. The
 * currency's code and minor units are the organisation's in the central
 * node's directory, taken by a terminal's sync (config_take_currency,
 * svc_sync_currency), not a setting; its symbol is one. */
static const char *const central_settings[] = {
    "organisation.name",
    "organisation.address",
    "organisation.currency_symbol",
    "organisation.language",
    "organisation.decimal_separator",
    "organisation.grouping_separator",
    "organisation.grouping",
    "organisation.currency_position",
    "organisation.currency_space",
    "organisation.date_format",
    "organisation.week_start",
    "organisation.phone_country_code",
    /* the central node checks a terminal's numbers against these */
    "numbers.payment",
    "numbers.transaction",
    "numbers.receipt",
    "numbers.credit_note",
    "numbers.z_report",
    "payments.channels",
    "payments.methods",
    "payments.overpayment_threshold",
    "payments.change_confirm",
    "payments.allocation",
    "payments.installments_first",
    "payments.priority_service",
    "payments.priority_bill",
    "payments.priority_installment",
    "payments.notes_max",
    "credit_notes.reasons",
    "credit_notes.expiry_days",
    "credit_notes.remarks_max",
    "shifts.required",
    "shifts.denominations",
    "shifts.tolerance",
    "shifts.movement_approval_above",
    "shifts.movement_reasons",
    "shifts.max_hours",
    /* what the reconciliation matches and lists as exceptions: the
     * supervisors of an organisation see the same deposits, statements
     * and shifts, so the same exceptions (review R20, fault 21) */
    "deposits.match_days",
    "deposits.overdue_days",
    "deposits.over_short_above",
    "reconciliation.card_fee_tolerance",
    "security.login_max_attempts",
    "security.login_lockout_minutes",
    "security.pin_min_cashier",
    "security.pin_min_supervisor",
    "security.pin_min_admin",
    "security.weak_pins",
    /* the central node checks a terminal's disputes against these */
    "disputes.reasons",
    "disputes.due_days",
    "disputes.bounced_cheque_charge",
    /* who reads whose payments: the organisation's rule, not one a
     * user's own config file can lift (issue 23 review) */
    "visibility.team",
    /* the accounting periods and the anomaly rules: every supervisor of
     * the organisation reads FY2026-P03 as the same months and the same
     * anomalies of a day, whichever counter they sit at (review R23) */
    "periods.calendar",
    "periods.fiscal_start",
    "anomalies.large_factor",
    "anomalies.large_history",
    "anomalies.burst_count",
    "anomalies.burst_minutes",
    "anomalies.peer_factor",
    "anomalies.peer_least",
    "anomalies.round_unit",
    "anomalies.round_count",
    /* the debts worked: the disconnection list goes to the
     * organisation's field crews, and a plan's reasons are read at every
     * terminal */
    "arrangements.reasons",
    "disconnection.days",
    "disconnection.amount",
    /* the alert rules: an alert is one record of the organisation,
     * raised once per cause wherever the cause is seen first, so every
     * terminal raises it by the same rules (an item overdue 30 days at
     * one counter is not an alert at another); where an alert is
     * delivered ([alerts] command) stays each terminal's */
    "alerts.due_days",
    "alerts.overdue_days",
    "alerts.large_payment",
    "alerts.credit_expiry_days",
    "alerts.gateway_hours",
    "alerts.reconciliation_days",
    "alerts.missed",
    "alerts.broken",
    "alerts.refused",
};

static struct config_row rows_copy[NSCHEMA];

const struct config_row *
config_rows(int *n)
{
	size_t i;

	for (i = 0; i < NSCHEMA; i++)
		rows_copy[i] = cfg_schema[i].row;
	*n = (int)NSCHEMA;
	return rows_copy;
}

int
config_org_row(int k)
{
	if (k < 0 ||
	    (size_t)k >= sizeof central_settings / sizeof central_settings[0])
		return -1;
	return config_central_row(central_settings[k]);
}

int
config_central_row(const char *name)
{
	size_t i, j, sl;

	for (i = 0; i < sizeof central_settings / sizeof central_settings[0];
	     i++) {
		if (strcmp(central_settings[i], name) != 0)
			continue;
		for (j = 0; j < NSCHEMA; j++) {
			sl = strlen(cfg_schema[j].row.section);
			if (strncmp(name, cfg_schema[j].row.section, sl) == 0 &&
			    name[sl] == '.' &&
			    strcmp(name + sl + 1, cfg_schema[j].row.key) == 0)
				return (int)j;
		}
	}
	return -1;
}
