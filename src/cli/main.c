/* main.c - `paydesk`: global options, the command table, exit status. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "paydesk/tui.h"

#define PAYDESK_VERSION "0.1.0"

/* LISTING: a back office listing, on the store; --xlsx FILE works. */
/* NO_STORE: the config only; STORE_IF_ANY: the store too when there is
 * one (its settings from the central node). */
enum store_need { NO_STORE, STORE, STORE_CREATE, LISTING, STORE_IF_ANY };

static const struct command {
	const char *name;
	const char *sub;
	cmd_fn fn;
	enum store_need store;
	const char *synopsis;
	const char *summary;
} commands[] = {
    {"init", NULL, cmd_init, STORE_CREATE, "init",
        N_("create or migrate the store")},
    {"config", NULL, cmd_config, STORE_IF_ANY, "config",
        N_("print the effective configuration, every key")},
    {"demo", NULL, cmd_demo, STORE_CREATE, "demo [--if-empty]",
        N_("load demo data (idempotent) and print the demo users")},
    {"import", NULL, cmd_import, STORE,
        "import consumers|bills|services|installments|users FILE.csv "
        "[--update]",
        N_("import reference data from CSV, all or nothing")},
    {"dashboard", "tiles", cmd_dashboard_tiles, STORE,
        "dashboard tiles [set collected|today|rate|time|outstanding,...]",
        N_("the signed-in user's dashboard tiles, in order; set chooses "
           "1 to 4")},
    {"user", "set", cmd_user_set, STORE, "user set USERNAME --team TEAM",
        N_("put a user in a team, \"\" for none (admin)")},
    {"consumer", "search", cmd_consumer_search, STORE,
        "consumer search TEXT [--limit N]",
        N_("find consumers by name, account number or phone")},
    {"consumer", "show", cmd_consumer_show, STORE, "consumer show ACCOUNT",
        N_("account details, open items, balance and available credit")},
    {"pay", NULL, cmd_pay, STORE,
        "pay ACCOUNT --type bill|service|installment|KIND,KIND|mixed "
        "[--items REF,...] "
        "--method NAME --amount X [--tendered X [--confirm-change]] "
        "[--channel NAME] "
        "[--date YYYY-MM-DD] [--notes TEXT] [--reference REF] [--print] "
        "[--hand] [--preview]",
        N_("record a payment and write its receipt")},
    {"payment", "show", cmd_payment_show, STORE, "payment show NUMBER",
        N_("every field of the payment details view")},
    {"payment", "void", cmd_payment_void, STORE,
        "payment void NUMBER --reason TEXT", N_("void a payment (supervisor)")},
    {"payment", "verify", cmd_payment_verify, STORE, "payment verify NUMBER",
        N_("verify a pending payment (supervisor)")},
    {"payments", NULL, cmd_payments, LISTING,
        "payments [--from D] [--to D | --period P] [--method M] "
        "[--status S] [--type T] [--channel C] [--user U] [--branch B] "
        "[--gateway G] [--search TEXT] "
        "[--sort COLUMN[:asc|desc]] [--limit N] [--segment S] "
        "[--scope terminal|branch|org]",
        N_("list payments, newest first")},
    {"credit-note", "create", cmd_credit_create, STORE,
        "credit-note create RECEIPT --amount X --reason R [--remarks TEXT]",
        N_("issue a credit note against a payment (supervisor)")},
    {"credit-note", "apply", cmd_credit_apply, STORE,
        "credit-note apply CN --to REF --amount X",
        N_("apply credit to an open item of the same consumer")},
    {"credit-note", "void", cmd_credit_void, STORE,
        "credit-note void CN --reason TEXT",
        N_("void a credit note the central node refused, undoing its "
           "applications (supervisor)")},
    {"receipt", NULL, cmd_receipt, STORE,
        "receipt NUMBER [--out FILE] [--print] [--text [--width N]]",
        N_("write (or reprint) a receipt PDF, print it, or preview it as "
           "text")},
    {"receipts", "export", cmd_receipts_export, STORE,
        "receipts export --dir DIR [--from D] [--to D | --period P] "
        "[--method M] [--status S] [--type T] [--channel C] [--user U] "
        "[--branch B] [--gateway G] [--search TEXT] [--limit N] "
        "[--segment S] [--scope terminal|branch|org] [--jobs N]",
        N_("re-export the receipts of the payments selected as PDF copies")},
    {"credit-note", "pdf", cmd_credit_pdf, STORE,
        "credit-note pdf CN [--out FILE] [--print]",
        N_("write (or reprint) a credit note PDF and print it")},
    {"credit-note", "show", cmd_credit_show, STORE, "credit-note show CN",
        N_("every field of the credit note details view")},
    {"credit-notes", NULL, cmd_credit_notes, LISTING,
        "credit-notes [--status S] [--from D] [--to D | --period P] "
        "[--reason R,...] [--segment S] [--branch B] [--user U] "
        "[--scope terminal|branch|org] "
        "[--search TEXT] [--remaining used|partial|full] [--min X] [--max X] "
        "[--consumer ACCOUNT] [--receipt RECEIPT] [--limit N]",
        N_("list credit notes, newest first")},
    {"kpi", NULL, cmd_kpi, LISTING,
        "kpi [--month YYYY-MM | --period P] [--day YYYY-MM-DD] "
        "[--scope terminal|branch|org] [--rows "
        "collected|day|rate|outstanding|time] "
        "[--segment S] [--branch B] [--user U] [--channel C] [--method M] "
        "[--gateway G]",
        N_("collection KPIs for a month and a day")},
    {"report", "payers", cmd_report_payers, LISTING,
        "report payers [--from D] [--to D | --period P] [--method M] "
        "[--user U] [--channel C] [--gateway G] [--branch B] "
        "[--search TEXT] [--sort total|count|last|name|account|methods] "
        "[--limit N] [--split method|gateway] [--segment S] "
        "[--scope terminal|branch|org]",
        N_("payments grouped by consumer, or split by method or gateway "
           "(supervisor)")},
    {"report", "aging", cmd_report_aging, LISTING,
        "report aging [--search TEXT] [--consumer ACCOUNT] "
        "[--older-than 0|30|60|90] [--limit N] [--segment S]",
        N_("outstanding open items by days past due, per consumer "
           "(supervisor)")},
    {"report", "deteriorating", cmd_report_deteriorating, LISTING,
        "report deteriorating [--last N] [--months M] [--segment S] "
        "[--branch B] [--user U] [--method M] [--channel C] "
        "[--scope terminal|branch|org]",
        N_("consumers paying later and later over their last N payments, "
           "ranked (supervisor)")},
    {"report", "anomalies", cmd_report_anomalies, LISTING,
        "report anomalies [--date D | --period P] [--segment S] [--branch B] "
        "[--user U] [--method M] [--channel C] [--gateway G] "
        "[--scope terminal|branch|org]",
        N_("payments, voids and credit notes of a day or a period that "
           "look wrong, each with the rule and its figures (supervisor)")},
    {"report", "forecast", cmd_report_forecast, LISTING,
        "report forecast [--weeks N] [--past N] [--segment S] "
        "[--branch B] [--user U] [--scope terminal|branch|org]",
        N_("cash-flow forecast: open items by week due, weighted by each "
           "consumer's paying on time (supervisor)")},
    {"report", "exceptions", cmd_report_exceptions, LISTING,
        "report exceptions",
        N_("deposits not credited, credits with no deposit, amounts that "
           "differ, shifts over or short (supervisor)")},
    {"report", "arrangements", cmd_report_arrangements, LISTING,
        "report arrangements [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
        "[--segment S] [--scope terminal|branch|org]",
        N_("the payment arrangements' performance, grouped by their "
           "terms: plans by status and compliance (recovery)")},
    {"report", "reconciliation", cmd_report_reconciliation, LISTING,
        "report reconciliation [--account ACCOUNT] [--from YYYY-MM-DD] "
        "[--to YYYY-MM-DD]",
        N_("a bank account by day: deposits expected, credits, matched, "
           "the difference and the exceptions open (supervisor)")},
    {"statement", "import", cmd_statement_import, STORE,
        "statement import FILE [--format camt053|mt940|ofx|csv] "
        "[--account ACCOUNT] [--mapping NAME]",
        N_("import a bank statement, all or nothing, once (supervisor)")},
    {"statement", "list", cmd_statement_list, LISTING, "statement list",
        N_("the bank statements imported, newest first (supervisor)")},
    {"statement", "show", cmd_statement_show, STORE, "statement show STATEMENT",
        N_("a bank statement and its lines (supervisor)")},
    {"statement", "mapping", cmd_statement_mapping, STORE,
        "statement mapping add NAME date=N amount=N|credit=N debit=N "
        "[value_date=N] [reference=N] [counterparty=N] [text=N] "
        "[bank_id=N] [currency=N] [separator=comma|semicolon|tab|pipe] "
        "[decimal=point|comma] [date_format=DD.MM.YYYY|...] [header=N] "
        "| statement mapping change NAME WORD... "
        "| statement mapping remove NAME "
        "| statement mapping list | statement mapping show NAME",
        N_("save a bank's CSV column mapping (supervisor)")},
    {"shift", "open", cmd_shift_open, STORE,
        "shift open [--count DENOMxQTY,...]",
        N_("open a cash shift with the float counted by denomination")},
    {"shift", "status", cmd_shift_status, STORE, "shift status",
        N_("the signed-in cashier's open shift")},
    {"shift", "pay-in", cmd_shift_move, STORE,
        "shift pay-in AMOUNT --reason R [--approver USER]",
        N_("cash put into the drawer (change from the safe)")},
    {"shift", "pay-out", cmd_shift_move, STORE,
        "shift pay-out AMOUNT --reason R [--approver USER]",
        N_("cash taken out of the drawer (petty cash)")},
    {"shift", "drop", cmd_shift_move, STORE,
        "shift drop AMOUNT --reason R [--approver USER]",
        N_("cash taken from the drawer to the safe")},
    {"shift", "x", cmd_shift_x, STORE,
        "shift x [--cashier USER] [--approver USER] [--out FILE] [--text] "
        "[--print]",
        N_("X report: what each tender expects so far, nothing closed")},
    {"shift", "close", cmd_shift_close, STORE,
        "shift close [--count DENOMxQTY,...] [--slip "
        "METHOD:REF:AMOUNT|METHOD=N:AMOUNT;...] "
        "[--cheque NUMBER:AMOUNT;...] [--total METHOD=AMOUNT;...] "
        "[--reason METHOD=TEXT;...] [--approver USER] [--keep AMOUNT] "
        "[--cashier USER] | shift close --force SHIFT --reason TEXT "
        "[--approver USER]",
        N_("blind close: the counts, then over or short per tender and the "
           "Z number")},
    {"shift", "list", cmd_shift_list, LISTING,
        "shift list [--open] [--from D] [--to D] [--cashier USER] "
        "[--limit N] [--scope terminal|branch|org]",
        N_("shifts, newest first, flagged when open too long")},
    {"shift", "show", cmd_shift_show, STORE, "shift show NUMBER",
        N_("a shift: its counts, tenders and movements")},
    {"shift", "z", cmd_shift_z, STORE,
        "shift z NUMBER [--out FILE] [--text] [--print]",
        N_("write (or reprint, marked COPY) a closed shift's Z report")},
    {"deposit", "create", cmd_deposit_create, STORE,
        "deposit create [SHIFT[:METHOD=AMOUNT]...] "
        "[--cheque NUMBER[:AMOUNT];...] --slip NO [--account ACCOUNT] [--date "
        "D]",
        N_("prepare a bank deposit of closed shifts' cash and cheques, "
           "its slip printable (supervisor)")},
    {"deposit", "list", cmd_deposit_list, LISTING,
        "deposit list [--scope terminal|branch|org]",
        N_("bank deposits, newest first, with their credits (supervisor)")},
    {"deposit", "show", cmd_deposit_show, STORE, "deposit show SLIP",
        N_("a deposit: its shifts, amounts and credit (supervisor)")},
    {"deposit", "hand", cmd_deposit_hand, STORE, "deposit hand SLIP",
        N_("mark a prepared deposit handed to the bank (supervisor)")},
    {"deposit", "void", cmd_deposit_void, STORE,
        "deposit void SLIP --reason TEXT",
        N_("void a deposit: its shifts' cash and cheques are to deposit "
           "again (supervisor)")},
    {"deposit", "pending", cmd_deposit_pending, STORE, "deposit pending",
        N_("closed shifts' cash and cheques left to deposit (supervisor)")},
    {"deposit", "slip", cmd_deposit_slip, STORE,
        "deposit slip SLIP [--out FILE] [--text] [--print]",
        N_("write a deposit's slip, PDF or text (supervisor)")},
    {"deposit", "match", cmd_deposit_match, STORE,
        "deposit match [SLIP --line STATEMENT:LINE --note TEXT]",
        N_("match deposits to statement credits: by the rule, or one by "
           "hand (supervisor)")},
    {"deposit", "unmatch", cmd_deposit_unmatch, STORE,
        "deposit unmatch SLIP --note TEXT",
        N_("take a deposit's match to a credit back (supervisor)")},
    {"reconcile", "resolve", cmd_reconcile_resolve, STORE,
        "reconcile resolve KIND:REFERENCE --note TEXT",
        N_("resolve a reconciliation exception with a note: it leaves the "
           "open list and is kept in the history (supervisor)")},
    {"reconcile", "match", cmd_reconcile_match, STORE,
        "reconcile match STATEMENT:LINE (--payment NUMBER | --card "
        "TERMINAL:YYYY-MM-DD) --note TEXT",
        N_("match a statement credit by hand to a bank transfer or to a "
           "terminal's day of card payments (supervisor)")},
    {"reconcile", "unmatch", cmd_reconcile_unmatch, STORE,
        "reconcile unmatch STATEMENT:LINE --note TEXT",
        N_("take back a card settlement's or a bank transfer's match to a "
           "statement line (supervisor)")},
    {"reconcile", "resolved", cmd_reconcile_resolved, LISTING,
        "reconcile resolved",
        N_("the exceptions resolved by hand, newest first (supervisor)")},
    {"arrangement", "preview", cmd_arr_preview, STORE,
        "arrangement preview ACCOUNT --installments N "
        "--frequency weekly|fortnightly|monthly --first-due YYYY-MM-DD "
        "[--down X] [--items REF,...] [--grace N] [--misses N]",
        N_("the schedule a payment arrangement would have; writes "
           "nothing")},
    {"arrangement", "create", cmd_arr_create, STORE,
        "arrangement create ACCOUNT --installments N "
        "--frequency weekly|fortnightly|monthly --first-due YYYY-MM-DD "
        "--reason TEXT [--down X] [--items REF,...] [--grace N] "
        "[--misses N]",
        N_("make a payment arrangement of a consumer's open items "
           "(recovery)")},
    {"arrangement", "show", cmd_arr_show, STORE, "arrangement show PLAN",
        N_("an arrangement, its installments and their compliance")},
    {"arrangement", "list", cmd_arr_list, LISTING,
        "arrangement list [--consumer ACCOUNT] "
        "[--status active|completed|broken|cancelled|all] "
        "[--scope terminal|branch|org]",
        N_("payment arrangements, newest first")},
    {"arrangement", "reschedule", cmd_arr_reschedule, STORE,
        "arrangement reschedule PLAN --installments N "
        "--frequency weekly|fortnightly|monthly --first-due YYYY-MM-DD "
        "[--misses 0-12] --reason TEXT",
        N_("schedule what is left of an arrangement again (recovery)")},
    {"arrangement", "cancel", cmd_arr_cancel, STORE,
        "arrangement cancel PLAN --reason TEXT",
        N_("cancel an arrangement: what is left goes back to its items "
           "(recovery)")},
    {"disconnections", NULL, cmd_disconnections, LISTING, "disconnections",
        N_("consumers whose debt is past [disconnection] days and amount, "
           "but a kept arrangement (recovery)")},
    {"reconnections", NULL, cmd_reconnections, LISTING, "reconnections",
        N_("consumers who were on the disconnection list within "
           "[disconnection] "
           "days and have paid or made an arrangement since (recovery)")},
    {"alerts", "show", cmd_alert_show, STORE, "alerts show ID",
        N_("an alert with its history: who did what, when (recovery)")},
    {"alerts", "ack", cmd_alert_ack, STORE, "alerts ack ID",
        N_("acknowledge an open alert (recovery)")},
    {"alerts", "assign", cmd_alert_assign, STORE, "alerts assign ID USER|-",
        N_("assign an alert to a user, or take it back with - "
           "(recovery)")},
    {"alerts", "note", cmd_alert_note, STORE, "alerts note ID TEXT",
        N_("add a note to an alert's history (recovery)")},
    {"alerts", "close", cmd_alert_close, STORE, "alerts close ID",
        N_("close an alert (recovery)")},
    {"alerts", "pass", cmd_alert_pass, STORE, "alerts pass",
        N_("the day's pass of the alerts, now, even when the clock is "
           "before the last pass's day (supervisor)")},
    {"alerts", NULL, cmd_alerts, LISTING,
        "alerts [--status open|all] [--kind K]",
        N_("the alerts raised when their cause happened, not closed or all "
           "(recovery)")},
    {"dispute", "open", cmd_dsp_open, STORE,
        "dispute open RECEIPT --reason CODE [--amount AMOUNT] [--note TEXT]",
        N_("open a dispute of a payment, or of part of it, for a reason of "
           "[disputes] reasons (recovery)")},
    {"dispute", "list", cmd_dsp_list, LISTING,
        "dispute list [--status open|review|upheld|rejected|unresolved] "
        "[--consumer ACCOUNT] [--scope terminal|branch|org]",
        N_("disputes, unresolved first, soonest due first (recovery)")},
    {"dispute", "show", cmd_dsp_show, STORE, "dispute show NUMBER",
        N_("a dispute, its age, due date and timeline (recovery)")},
    {"dispute", "review", cmd_dsp_review, STORE,
        "dispute review NUMBER [--note TEXT]",
        N_("put an open dispute under review (recovery)")},
    {"dispute", "uphold", cmd_dsp_uphold, STORE,
        "dispute uphold NUMBER [--void [--whole]|--credit AMOUNT] "
        "[--credit-reason TEXT] [--note TEXT]",
        N_("resolve a dispute as upheld: void its payment or make a credit "
           "note from it (supervisor)")},
    {"dispute", "reject", cmd_dsp_reject, STORE,
        "dispute reject NUMBER --note TEXT",
        N_("resolve a dispute as rejected, saying why (recovery)")},
    {"gateway", "list", cmd_gateway_list, STORE,
        "gateway list [--unassociated] [--search TEXT]",
        N_("gateway payments pulled from the central node, with their "
           "candidates")},
    {"gateway", "associate", cmd_gateway_associate, STORE,
        "gateway associate CODE ACCOUNT --reason R [--gateway NAME]",
        N_("associate a gateway payment with a consumer (supervisor)")},
    {"gateway", "disassociate", cmd_gateway_disassociate, STORE,
        "gateway disassociate CODE --reason R [--gateway NAME]",
        N_("disassociate a gateway payment from its consumer "
           "(supervisor)")},
    {"sync", NULL, cmd_sync, STORE,
        "sync [--status | --quarantine | --retry UUID]",
        N_("push pending records to the central node and pull what changed")},
    {"keys", NULL, cmd_keys, NO_STORE, "keys",
        N_("every key of every screen of the counter UI")},
    {"audit", "verify", cmd_audit_verify, STORE, "audit verify",
        N_("walk the audit hash chain")},
    {"audit", "reanchor", cmd_audit_reanchor, STORE,
        "audit reanchor --reason TEXT",
        N_("after a restore from a backup: set the central node's audit "
           "head back to this log (supervisor)")},
    {"doctor", NULL, cmd_doctor, STORE, "doctor",
        N_("integrity check of the store")},
    {"backup", NULL, cmd_backup, STORE, "backup FILE",
        N_("consistent online copy of the store")},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void
usage(FILE *f)
{
	char name[40];
	size_t i;
	int w = 0, n;

	fprintf(f, "%s\n\n%s\n",
	    _("usage: paydesk [--config FILE] [--db FILE] [--user NAME] "
	      "[--json | --csv | --xlsx FILE] COMMAND ..."),
	    _("commands:"));
	/* the names' column as wide as the widest (two spaces after it) */
	for (i = 0; i < NCOMMANDS; i++) {
		n = snprintf(name, sizeof name, "%s%s%s", commands[i].name,
		    commands[i].sub ? " " : "",
		    commands[i].sub ? commands[i].sub : "");
		w = n > w ? n : w;
	}
	for (i = 0; i < NCOMMANDS; i++) {
		snprintf(name, sizeof name, "%s%s%s", commands[i].name,
		    commands[i].sub ? " " : "",
		    commands[i].sub ? commands[i].sub : "");
		fprintf(f, "  %-*s  %s\n", w, name, _(commands[i].summary));
	}
	fprintf(f, "\n%s\n",
	    _("`paydesk help COMMAND` shows a command's synopsis; "
	      "man paydesk(1) has the rest."));
}

static int
help(const char *name)
{
	size_t i;
	int found = 0;

	if (name == NULL) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0) {
			fputs("paydesk ", stdout);
			svc_synopsis(stdout, commands[i].synopsis);
			printf("\n    %s\n", _(commands[i].summary));
			found = 1;
		}
	if (!found) {
		fprintf(stderr, "paydesk: ");
		fprintf(stderr, _("No command \"%s\""), name);
		fputc('\n', stderr);
		return PD_EUSAGE;
	}
	return 0;
}

char *
cli_read_pin(struct cli *c, const char *env_name, const char *user)
{
	const char *env = getenv(env_name);
	struct termios old, quiet;
	char buf[64];
	FILE *tty;
	size_t n;

	if (env != NULL)
		return xstrdup(env);
	tty = fopen("/dev/tty", "r+");
	if (tty == NULL) {
		pd_fail(&c->err, PD_EUSAGE,
		    _("No PIN for %s: set $%s "
		      "or run on a terminal"),
		    user, env_name);
		return NULL;
	}
	fprintf(tty, _("PIN for %s: "), user);
	fflush(tty);
	tcgetattr(fileno(tty), &old);
	quiet = old;
	quiet.c_lflag &= (tcflag_t)~ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	if (fgets(buf, sizeof buf, tty) == NULL)
		buf[0] = '\0';
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return xstrdup(buf);
}

static const struct command *
find(int argc, char **argv, int *used)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i].name, argv[0]) != 0)
			continue;
		if (commands[i].sub == NULL) {
			*used = 0;
			return &commands[i];
		}
		if (argc > 1 && strcmp(commands[i].sub, argv[1]) == 0) {
			*used = 1;
			return &commands[i];
		}
	}
	return NULL;
}

/* Speak the config's language when the environment names none (main
 * began with the environment's); a config that does not load says why
 * later, in the environment's language. */
static void
speak(struct cli *c)
{
	struct pd_err quiet;

	if (svc_config_load(c->config, &c->svc.cfg, &quiet) == 0)
		svc_language(&c->svc.cfg);
}

static int
fail(struct cli *c)
{
	/* a message may quote what came from outside (the central node's
	 * answer, a file's cell) */
	char *msg = utf8_printable(c->err.msg);

	fprintf(stderr, "paydesk: %s\n", msg);
	free(msg);
	return c->err.code ? (int)c->err.code : 1;
}

/* The global options before the command: *next gets the index of the
 * command. Returns -1 to go on, or the exit status (--help, --version, a
 * bad option). */
/* A global option given twice, or a second output mode: the second
 * silently replaced the first (review s48, helper-214: --user rita
 * --user mary signed in as mary with rita's PIN), as a command's
 * options are refused (cli_opts). */
static int
twice(const char *what)
{
	fprintf(stderr, "paydesk: ");
	fprintf(stderr, _("%s is given twice: give it once"), what);
	fputc('\n', stderr);
	return PD_EUSAGE;
}

static int
global_opts(struct cli *c, int argc, char **argv, int *next)
{
	/* config, db, user; the output mode (--json, --csv, --xlsx) */
	int i, seen[3] = {0, 0, 0}, modes = 0;

	for (i = *next; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		const char *o = argv[i] + 2;

		if ((strcmp(o, "json") == 0 || strcmp(o, "csv") == 0 ||
		        strcmp(o, "xlsx") == 0) &&
		    modes++ > 0)
			return twice(
			    _("An output mode (--json, --csv or --xlsx)"));
		if (strcmp(o, "json") == 0)
			c->mode = OUT_JSON;
		else if (strcmp(o, "csv") == 0)
			c->mode = OUT_CSV;
		else if (strcmp(o, "force") == 0)
			c->force = 1;
		else if (strcmp(o, "xlsx") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				fprintf(stderr, "paydesk: %s\n",
				    _("--xlsx needs a file name"));
				return PD_EUSAGE;
			}
			c->mode = OUT_XLSX;
			c->xlsx = argv[++i];
		} else if (strcmp(o, "help") == 0) {
			speak(c);
			return help(i + 1 < argc ? argv[i + 1] : NULL);
		} else if (strcmp(o, "version") == 0) {
			puts("paydesk " PAYDESK_VERSION);
			return 0;
		} else if (strcmp(o, "config") == 0 || strcmp(o, "db") == 0 ||
		           strcmp(o, "user") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				fprintf(stderr, "paydesk: ");
				fprintf(stderr, _("--%s needs a value"), o);
				fputc('\n', stderr);
				return PD_EUSAGE;
			}
			if (seen[o[0] == 'c' ? 0 : o[0] == 'd' ? 1 : 2]++ > 0)
				return twice(argv[i]);
			if (o[0] == 'c')
				c->config = argv[++i];
			else if (o[0] == 'd')
				c->db = argv[++i];
			else
				c->user = argv[++i];
		} else {
			fprintf(stderr, "paydesk: ");
			fprintf(stderr, _("Unknown option %s"), argv[i]);
			fputc('\n', stderr);
			usage(stderr);
			return PD_EUSAGE;
		}
	}
	*next = i;
	return -1;
}

/* The organisation's keys the config file sets and that are not in
 * force (review R20b 3, R21b 9): a warning a line of note, on standard
 * error (a command: those not said to this user of this store before,
 * svc org_note_fresh; paydesk config: every time, org_note). */
void
cli_org_note(const char *note)
{
	const char *p = note, *nl;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		fprintf(stderr, "paydesk: %s%.*s\n", _("warning: "),
		    (int)(nl ? nl - p : (ptrdiff_t)strlen(p)), p);
		p = nl ? nl + 1 : p + strlen(p);
	}
}

int
main(int argc, char **argv)
{
	struct cli c;
	const struct command *cmd;
	int i = 1, used, rc;
	char *pin;

	/* pull pages parsed into arenas: set before any thread starts */
	svc_sync_pull_arena();
	memset(&c, 0, sizeof c);
	svc_language(&c.svc.cfg); /* the environment's, before any message */
	if ((rc = global_opts(&c, argc, argv, &i)) >= 0)
		return rc;
	speak(&c);
	if (i >= argc) {
		/* no command: the counter UI, on a terminal */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			usage(stdout);
			return 0;
		}
		if (svc_open(&c.svc, c.config, c.db, 0, &c.err) != 0)
			return fail(&c);
		rc = tui_main(&c.svc);
		svc_close(&c.svc);
		return rc;
	}
	if (strcmp(argv[i], "help") == 0)
		return help(i + 1 < argc ? argv[i + 1] : NULL);
	if (strcmp(argv[i], "version") == 0) {
		puts("paydesk " PAYDESK_VERSION);
		return 0;
	}
	cmd = find(argc - i, argv + i, &used);
	if (cmd == NULL) {
		fprintf(stderr, "paydesk: ");
		fprintf(stderr, _("Unknown command \"%s%s%s\""), argv[i],
		    i + 1 < argc ? " " : "", i + 1 < argc ? argv[i + 1] : "");
		fputc('\n', stderr);
		usage(stderr);
		return PD_EUSAGE;
	}
	c.cmd = cmd->name;
	c.synopsis = cmd->synopsis;
	if (c.mode == OUT_XLSX && cmd->store != LISTING) {
		fprintf(stderr, "paydesk: ");
		fprintf(stderr,
		    _("--xlsx works with payments, credit-notes, kpi --rows, "
		      "report payers, report aging, report forecast, report "
		      "deteriorating, report anomalies, report exceptions, "
		      "report reconciliation, report arrangements, "
		      "arrangement list, alerts, disconnections, "
		      "reconnections, dispute list, shift list, deposit "
		      "list, statement list and reconcile resolved, not "
		      "with %s%s%s"),
		    cmd->name, cmd->sub ? " " : "", cmd->sub ? cmd->sub : "");
		fputc('\n', stderr);
		return PD_EUSAGE;
	}
	if (cmd->store == NO_STORE || cmd->store == STORE_IF_ANY) {
		if (svc_config_load(c.config, &c.svc.cfg, &c.err) != 0)
			return fail(&c);
		if (c.db != NULL)
			snprintf(c.svc.cfg.store_path,
			    sizeof c.svc.cfg.store_path, "%s", c.db);
		if (cmd->store == NO_STORE ||
		    access(c.svc.cfg.store_path, F_OK) != 0) {
			rc = cmd->fn(&c, argc - i - used, argv + i + used);
			return rc == 0 ? 0 : fail(&c);
		}
	}
	if (svc_open(&c.svc, c.config, c.db, cmd->store == STORE_CREATE,
	        &c.err) != 0)
		return fail(&c);
	if (strcmp(cmd->name, "config") != 0)
		cli_org_note(c.svc.org_note_fresh);
	/* the store's settings may name the organisation's language (the
	 * central node masters it): the command speaks it, as the screens
	 * do, unless the environment names one */
	svc_language(&c.svc.cfg);
	if (c.user != NULL) {
		pin = cli_read_pin(&c, "PAYDESK_PIN", c.user);
		if (pin == NULL ||
		    svc_login(&c.svc, c.user, pin, &c.err) != 0) {
			free(pin);
			svc_close(&c.svc);
			return fail(&c);
		}
		free(pin);
	}
	c.svc.replace_links = c.force;
	rc = cmd->fn(&c, argc - i - used, argv + i + used);
	/* the alerts' pass of the first use of the day, after a command
	 * that did what it was asked (a refused one changes nothing; a
	 * sync that ran with records the central node refused, exit status
	 * 20, did), and the delivery of those waiting (issue 21) */
	if ((rc == 0 || c.err.code == PD_EREJECTED) &&
	    (cmd->store == STORE || cmd->store == LISTING) &&
	    !c.svc.alerts_ticked)
		svc_alerts_tick(&c.svc);
	if (c.svc.alert_note[0] != '\0')
		fprintf(stderr, "paydesk: %s\n", c.svc.alert_note);
	svc_close(&c.svc);
	fflush(stdout);
	return rc == 0 ? 0 : fail(&c);
}
