/* cli.h - the headless command line: global options, the command table,
 * output in text, JSON or CSV.
 *
 * TO ADD A COMMAND:
 *   1. a function `int cmd_x(struct cli *, int argc, char **argv)` in the
 *      cmd_*.c file of its group, and its row in commands[] (main.c);
 *   2. its synopsis in man/paydesk.1 and a line in README.md;
 *   3. a black-box test in tests/cli/.
 */
#ifndef PAYDESK_CLI_H
#define PAYDESK_CLI_H
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "paydesk/i18n.h"
#include "paydesk/service.h"

enum out_mode { OUT_TEXT, OUT_JSON, OUT_CSV, OUT_XLSX };

struct cli {
	struct svc svc;
	enum out_mode mode;
	const char *config;
	const char *db;
	const char *user;
	const char *xlsx; /* --xlsx FILE */
	int force;        /* --force: an output link may be replaced */
	/* the command's first word ("credit-note" of credit-note pdf): the
	 * page `paydesk help NAME` shows, named in usage errors */
	const char *cmd;
	/* its synopsis ("alerts assign ID USER|-"): a usage error names a
	 * positional argument as it does (s74 fault 6) */
	const char *synopsis;
	struct pd_err err;
	/* dates given on the command line, as YYYY-MM-DD (cli_date) */
	char dates[4][11];
	int ndates;
};

/* A command: 0 on success, else -1 with cli->err set. */
typedef int (*cmd_fn)(struct cli *c, int argc, char **argv);

/* Records: a view printed as labelled text or one JSON object. */
struct rec;
struct rec *rec_new(struct cli *c);
void rec_section(struct rec *r, const char *title, const char *key);
void rec_end(struct rec *r); /* closes a section or list item */
void rec_str(struct rec *r, const char *label, const char *key, const char *v);
/* v in JSON, text in text (the same thing in the reader's words). */
void rec_shown(struct rec *r, const char *label, const char *key, const char *v,
    const char *text);
/* A value for JSON and CSV only (the text says it otherwise). */
void rec_data(struct rec *r, const char *key, const char *v);
/* Any JSON value (stolen) for JSON only. */
void rec_data_json(struct rec *r, const char *key, json_t *v);
/* A date "YYYY-MM-DD": as it is in JSON, in the organisation's date
 * format in text. */
/* Any JSON value (stolen) for machines, text for people. */
void rec_json(struct rec *r, const char *label, const char *key, json_t *v,
    const char *text);
void rec_date(
    struct rec *r, const char *label, const char *key, const char *iso);
/* A timestamp "YYYY-MM-DD HH:MM:SS": as it is in JSON, its date in the
 * organisation's date format in text. */
void rec_time(
    struct rec *r, const char *label, const char *key, const char *ts);
/* A word from a fixed vocabulary (a status, yes/no): v as it is in JSON,
 * translated in text (v must be marked N_() where it is defined). */
/* A yes or no: a JSON boolean, "yes" or "no" for people. */
void rec_bool(struct rec *r, const char *label, const char *key, int v);
void rec_term(struct rec *r, const char *label, const char *key, const char *v);
void rec_word(struct rec *r, const char *label, const char *key, const char *v);
void rec_money(struct rec *r, const char *label, const char *key, int64_t v);
/* rec_money, or (has 0) nothing in text and null in JSON. */
void rec_money_or_none(
    struct rec *r, const char *label, const char *key, int64_t v, int has);
/* rec_money, or (has 0) "-" in text and null in JSON: an amount the
 * record has none of, said (a CSV statement's balances). */
void rec_money_or_dash(
    struct rec *r, const char *label, const char *key, int64_t v, int has);
/* A count: in the organisation's grouping in text ("12,345"). */
void rec_int(struct rec *r, const char *label, const char *key, int64_t v);
/* A number that is no count (a version, a cursor, a copy's number): its
 * digits as they are. */
void rec_number(struct rec *r, const char *label, const char *key, int64_t v);
/* rec_number, or (has 0) nothing in text and null in JSON. */
void rec_number_or_none(
    struct rec *r, const char *label, const char *key, int64_t v, int has);
/* Tenths as "12.3" text / 12.3 number, with a unit suffix in text;
 * KPI_NONE (no data) as "—" text / null. */
void rec_tenths(struct rec *r, const char *label, const char *key,
    int64_t tenths, const char *unit);
void rec_list(struct rec *r, const char *title, const char *key);
void rec_item(struct rec *r);
/* Print and free. */
void rec_print(struct rec *r);
/* The list "earlier" of the matches undone p (n; with_line: each names
 * its statement line) of a statement's line (seq > 0: those of that
 * line alone) or a deposit (cmd_statement.c). */
void rec_past_matches(struct rec *r, const struct past_match *p, size_t n,
    int seq, int with_line);

/* Tables: rows as aligned text (kept until the end, so that numbers
 * are as wide as the widest), streamed CSV (through the exporter, a
 * header row of keys) or a JSON array. Nothing is printed before the
 * first row or the end. Columns are export.h's xcol; the
 * back office listings take theirs from svc_listing_cols(). */
struct table;
struct table *table_new(struct cli *c, const struct xcol *cols, int ncols);
void table_str(struct table *t, const char *v);
void table_money(struct table *t, int64_t v);
/* table_money, or (has 0) none: "-" in text, empty in CSV and --xlsx,
 * null in JSON. */
void table_money_or_none(struct table *t, int64_t v, int has);
/* An X_LIST cell shown as shown, its stored words (static) in JSON and
 * CSV. */
void table_words(struct table *t, const char *shown, const char *words);
/* An X_BOOL cell. */
void table_bool(struct table *t, int v);
void table_int(struct table *t, int64_t v);
/* The sheet of the --xlsx file (the recovery lists: disconnections,
 * reconnections, dispute list), a msgid (N_) put in the workbook's
 * language; else the command's name. In xlsx mode the rows go to that
 * file, written at table_done when the listing succeeded (nothing is
 * written when it failed) and said on stderr as the other listings'. */
void table_sheet(struct table *t, const char *sheet);
/* The --xlsx file of an analysis report (kpi --rows): its heading block
 * says the scope, the figures' filters, its days from to to (copied; to
 * NULL: the day from), the currency, when and by whom, in the document's
 * language (issue 23); the filters of bits (SVC_FILTER_BIT: those the
 * figures applied) alone. */
void table_heading(
    struct table *t, const char *from, const char *to, unsigned bits);
/* Print the row being built. */
void table_row(struct table *t);
/* A whole row of cells, printed. */
void table_cells(struct table *t, const struct xcell *cells);
/* Whether t is written for a machine (JSON, CSV): its words in English,
 * the same in every language (paydesk(1) ENVIRONMENT). */
int table_machine(const struct table *t);
/* Close the output; returns the number of rows. */
long table_end(struct table *t);
/* The end of a listing that returned rc: closed as table_end when rc is
 * 0 or rows were printed; else freed with nothing printed, so that a
 * refusal (no right, a bad option the service judged) is only its
 * message, never a heading, "[]" or a CSV header first. Returns rc. */
int table_done(struct table *t, int rc);

/* The listings (payments, credit-notes, report payers, report aging) in
 * CSV or xlsx mode go through the service's exports: fill j for the mode
 * (CSV to stdout, or the --xlsx file with a progress line on a terminal's
 * stderr and Ctrl-C cancelling). Returns 0 in text and JSON modes. */
int cli_export_job(struct cli *c, struct export_job *j);
/* Consumers' names, phones and addresses as machine output (--json,
 * --csv) leave the terminal: a signed-in supervisor's (issue 18, section
 * 5); as text they are shown to a signed-in user of any role (issue 17;
 * paydesk(1) ROLES AND SIGN-IN). 0 when allowed; -1 with c->err set
 * (PD_EPERM) otherwise. */
int cli_personal_data(struct cli *c);
/* After the export: a summary line on stderr for a file. */
int cli_export_end(struct cli *c, int rc, int64_t rows);

/* Option parsing helpers that set cli->err and return -1. */
int cli_money(struct cli *c, const char *opt, const char *s, int64_t *out);
/* A date option in the organisation's date format or YYYY-MM-DD: the
 * day as "YYYY-MM-DD" (held by c), or NULL with c->err naming opt:
 * status 2 for a value not of a date's form, 3 for no real day
 * (date_form_status). */
const char *cli_date(struct cli *c, const char *opt, const char *s);
/* The same for a month option (--month): "YYYY-MM" into iso (8 bytes),
 * 0; or -1 with c->err (2 not a month's form, 3 month 13 or year 0001). */
int cli_month(struct cli *c, const char *opt, const char *s, char *iso);
/* A --from date as cli_date reads it, refused (status 3) after today: a
 * period that begins then has nothing yet. */
const char *cli_from(struct cli *c, const char *s);
/* A --to date as cli_date reads it; after today it means up to today
 * (today returned): the one rule of paydesk(1) EXIT STATUS. */
const char *cli_to(struct cli *c, const char *s);
int cli_limit(struct cli *c, const char *s, size_t *out);
/* An option's whole number s in lo..hi into *v: 0, else the status of
 * its refusal, for the caller's message naming the option and s:
 * PD_EUSAGE (2) when it has no number's form (digits only: spaces, a
 * sign or a fraction are none), PD_EINVAL (3, validation) when it is
 * out of lo..hi (paydesk(1) EXIT STATUS; review s52). */
enum pd_status cli_whole(const char *s, long lo, long hi, long *v);
/* Filter options shared by payments and report payers. */
int cli_payment_filter(struct cli *c, struct payment_filter *f,
    const char *from, const char *to, const char *status, const char *type,
    const char *limit);
int cli_usage(struct cli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Commands, by group. */
int cmd_init(struct cli *c, int argc, char **argv);
int cmd_config(struct cli *c, int argc, char **argv);
/* The warning of the organisation's keys the config file sets otherwise
 * (svc org_note, or the lines of it not said before, org_note_fresh), a
 * line each, on standard error (main.c). */
void cli_org_note(const char *note);
int cmd_demo(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_user_set(struct cli *c, int argc, char **argv);
int cmd_report_deteriorating(struct cli *c, int argc, char **argv);
int cmd_report_anomalies(struct cli *c, int argc, char **argv);
int cmd_dashboard_tiles(struct cli *c, int argc, char **argv);
int cmd_doctor(struct cli *c, int argc, char **argv);
int cmd_sync(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
int cmd_audit_verify(struct cli *c, int argc, char **argv);
int cmd_audit_reanchor(struct cli *c, int argc, char **argv);
int cmd_consumer_search(struct cli *c, int argc, char **argv);
int cmd_consumer_show(struct cli *c, int argc, char **argv);
int cmd_pay(struct cli *c, int argc, char **argv);
/* On stderr, one warning per field of document number that has
 * characters no font has (res->gaps); the command still succeeds. */
void cli_doc_gaps(const char *number, const struct doc_result *res);
/* A document written (receipt, credit note, Z report): what, its file,
 * original or copy, printed; a print failure is still a failure of the
 * command (rc), its message saying the file is there. number NULL: a
 * document of no number (X report), what the N_() term saying which. */
int cli_doc_report(struct cli *c, const char *what, const char *number,
    const struct doc_result *res, int print, int rc);
/* A document's preview (doc_request.preview: --text alone) on stdout
 * when rc is 0; frees preview; returns rc. */
int cli_doc_preview(char *preview, int rc);
/* A PIN for user: $env, else asked on the terminal without echo;
 * malloc'd, or NULL with c->err set. */
char *cli_read_pin(struct cli *c, const char *env, const char *user);
int cmd_payment_show(struct cli *c, int argc, char **argv);
/* Payment arrangements (cmd_arrange.c). */
int cmd_arr_preview(struct cli *c, int argc, char **argv);
int cmd_arr_create(struct cli *c, int argc, char **argv);
int cmd_arr_show(struct cli *c, int argc, char **argv);
int cmd_arr_list(struct cli *c, int argc, char **argv);
int cmd_report_arrangements(struct cli *c, int argc, char **argv);
int cmd_arr_reschedule(struct cli *c, int argc, char **argv);
int cmd_arr_cancel(struct cli *c, int argc, char **argv);
int cmd_alerts(struct cli *c, int argc, char **argv);
int cmd_alert_show(struct cli *c, int argc, char **argv);
int cmd_alert_ack(struct cli *c, int argc, char **argv);
int cmd_alert_assign(struct cli *c, int argc, char **argv);
int cmd_alert_note(struct cli *c, int argc, char **argv);
int cmd_alert_close(struct cli *c, int argc, char **argv);
int cmd_alert_pass(struct cli *c, int argc, char **argv);
int cmd_disconnections(struct cli *c, int argc, char **argv);
/* The reconnection list (cmd_reconnect.c). */
int cmd_reconnections(struct cli *c, int argc, char **argv);
/* Disputes of payments (cmd_dispute.c). */
int cmd_dsp_open(struct cli *c, int argc, char **argv);
int cmd_dsp_list(struct cli *c, int argc, char **argv);
int cmd_dsp_show(struct cli *c, int argc, char **argv);
int cmd_dsp_review(struct cli *c, int argc, char **argv);
int cmd_dsp_uphold(struct cli *c, int argc, char **argv);
int cmd_dsp_reject(struct cli *c, int argc, char **argv);
int cmd_payment_void(struct cli *c, int argc, char **argv);
int cmd_payment_verify(struct cli *c, int argc, char **argv);
int cmd_payments(struct cli *c, int argc, char **argv);
int cmd_credit_create(struct cli *c, int argc, char **argv);
int cmd_credit_apply(struct cli *c, int argc, char **argv);
int cmd_credit_void(struct cli *c, int argc, char **argv);
int cmd_credit_show(struct cli *c, int argc, char **argv);
int cmd_credit_notes(struct cli *c, int argc, char **argv);
int cmd_receipt(struct cli *c, int argc, char **argv);
int cmd_receipts_export(struct cli *c, int argc, char **argv);
int cmd_credit_pdf(struct cli *c, int argc, char **argv);
int cmd_keys(struct cli *c, int argc, char **argv);
int cmd_kpi(struct cli *c, int argc, char **argv);
int cmd_report_payers(struct cli *c, int argc, char **argv);
int cmd_report_aging(struct cli *c, int argc, char **argv);
int cmd_report_forecast(struct cli *c, int argc, char **argv);
int cmd_statement_import(struct cli *c, int argc, char **argv);
int cmd_statement_list(struct cli *c, int argc, char **argv);
int cmd_statement_show(struct cli *c, int argc, char **argv);
int cmd_statement_mapping(struct cli *c, int argc, char **argv);
int cmd_shift_open(struct cli *c, int argc, char **argv);
int cmd_shift_status(struct cli *c, int argc, char **argv);
int cmd_shift_move(struct cli *c, int argc, char **argv);
int cmd_shift_x(struct cli *c, int argc, char **argv);
int cmd_shift_close(struct cli *c, int argc, char **argv);
int cmd_shift_list(struct cli *c, int argc, char **argv);
int cmd_shift_show(struct cli *c, int argc, char **argv);
int cmd_shift_z(struct cli *c, int argc, char **argv);
int cmd_deposit_create(struct cli *c, int argc, char **argv);
int cmd_deposit_list(struct cli *c, int argc, char **argv);
int cmd_deposit_show(struct cli *c, int argc, char **argv);
int cmd_deposit_hand(struct cli *c, int argc, char **argv);
int cmd_deposit_void(struct cli *c, int argc, char **argv);
int cmd_deposit_pending(struct cli *c, int argc, char **argv);
int cmd_deposit_match(struct cli *c, int argc, char **argv);
int cmd_deposit_unmatch(struct cli *c, int argc, char **argv);
int cmd_deposit_slip(struct cli *c, int argc, char **argv);
int cmd_report_exceptions(struct cli *c, int argc, char **argv);
int cmd_report_reconciliation(struct cli *c, int argc, char **argv);
int cmd_reconcile_resolve(struct cli *c, int argc, char **argv);
int cmd_reconcile_resolved(struct cli *c, int argc, char **argv);
int cmd_reconcile_match(struct cli *c, int argc, char **argv);
int cmd_reconcile_unmatch(struct cli *c, int argc, char **argv);
int cmd_gateway_list(struct cli *c, int argc, char **argv);
int cmd_gateway_associate(struct cli *c, int argc, char **argv);
int cmd_gateway_disassociate(struct cli *c, int argc, char **argv);

#endif
