/* listing.c - the columns of the back office tables, once: the screens,
 * the CLI and the exports all read them from here, so an export holds
 * exactly the columns on screen, in screen order. The headers are marked
 * for translation (N_) and translated where they are shown; the keys are
 * JSON keys and CSV headers and never are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/service.h"

static const struct xcol payment_cols[] = {
    /* a document's number, whole: never "CN-T01-0000…" (helper-252) */
    {N_("Receipt #"), "receipt_no", X_ID, 14, 0},
    {N_("Consumer"), "consumer", X_TEXT, 20, 11},
    {N_("Account"), "account_no", X_ID, 10, 8},
    {N_("Amount"), "amount", X_MONEY, 12, 9},
    /* a configured name: whole or hidden, never "Debit Ca…" */
    {N_("Method"), "method", X_TEXT, 13, -1},
    {N_("Date"), "paid_on", X_DATE, 10, 10},
    {N_("Type"), "type", X_TERM, 11, 6},
    {N_("Status"), "status", X_TERM, 9, 6},
    /* last: the payment reference (issue 17 section 3), empty for most */
    {N_("Reference"), "reference", X_ID, 16, 9},
};

static const struct xcol credit_cols[] = {
    {N_("Credit Note #"), "number", X_ID, 14, 0},
    {N_("Consumer"), "consumer", X_TEXT, 20, 9},
    {N_("Account"), "account_no", X_ID, 10, 8},
    {N_("Amount"), "amount", X_MONEY, 11, 10},
    {N_("Remaining"), "remaining", X_MONEY, 11, 10},
    /* a stored word: "Overpayment", a configured reason */
    {N_("Reason"), "reason", X_TERM, 18, 7},
    {N_("Status"), "status", X_TERM, 8, 6},
    {N_("Created"), "created_on", X_DATE, 10, 10},
    {N_("Linked Payment"), "linked_receipt", X_ID, 14, 0},
};

static const struct xcol payer_cols[] = {
    {N_("Consumer"), "consumer", X_TEXT, 22, 14},
    {N_("Account"), "account_no", X_ID, 10, 8},
    {N_("Total Paid"), "total", X_MONEY, 13, 10},
    {N_("Payments"), "payments", X_INT, 8, 4},
    {N_("Last Paid"), "last_paid", X_DATE, 10, 10},
    /* the payer's methods, whole or hidden (Left/Right; the line
     * under the list names them with their amounts) */
    {N_("Methods"), "methods", X_TEXT, 40, -1},
};

static const struct xcol aging_cols[] = {
    {N_("Consumer"), "consumer", X_TEXT, 20, 10},
    {N_("Account"), "account_no", X_ID, 10, 8},
    {N_("Total"), "total", X_MONEY, 12, 10},
    {N_("Items"), "items", X_INT, 5, 5},
    {N_("Current"), "current", X_MONEY, 11, 9},
    {"1-30", "days_1_30", X_MONEY, 11, 9},
    {"31-60", "days_31_60", X_MONEY, 11, 9},
    {"61-90", "days_61_90", X_MONEY, 11, 9},
    {"90+", "days_over_90", X_MONEY, 11, 9},
    /* of the total: arrangements' installments (issue 21) */
    {N_("Under arrangement"), "under_arrangement", X_MONEY, 11, 9},
};

static const struct xcol forecast_cols[] = {
    {N_("Week"), "week", X_DATE, 10, 10},
    {N_("To"), "to", X_DATE, 10, 10},
    {N_("Consumers"), "consumers", X_INT, 9, 5},
    {N_("Open"), "open", X_MONEY, 13, 10},
    {N_("Forecast"), "forecast", X_MONEY, 13, 10},
};

static const struct xcol forecast_past_cols[] = {
    {N_("Week"), "week", X_DATE, 10, 10},
    {N_("To"), "to", X_DATE, 10, 10},
    {N_("Open"), "open", X_MONEY, 13, 10},
    {N_("Forecast"), "forecast", X_MONEY, 13, 10},
    {N_("Came In"), "came_in", X_MONEY, 13, 10},
    {N_("Collected"), "collected", X_MONEY, 13, 10},
};

/* the reconciliation's exceptions: the headers are the column's
 * context in the catalogues (NC_), as their screen and command had them */
static const struct xcol exception_cols[] = {
    {NC_("column", "Exception"), "kind", X_TERM, 17, 0},
    {NC_("column", "Age"), "age_days", X_INT, 4, 0},
    {NC_("column", "Date"), "date", X_DATE, 10, 0},
    {NC_("column", "Reference"), "reference", X_ID, 14, 0},
    {NC_("column", "Detail"), "detail", X_TEXT, 14, 0},
    {NC_("column", "Expected"), "expected", X_MONEY, 11, 0},
    {NC_("column", "Actual"), "actual", X_MONEY, 11, 0},
    {NC_("column", "Difference"), "difference", X_MONEY, 11, 0},
};

/* the reconciliation of a bank account by day (issue 20) */
static const struct xcol recon_cols[] = {
    {NC_("column", "Date"), "date", X_DATE, 10, 0},
    {NC_("column", "Expected"), "expected", X_MONEY, 11, 0},
    {NC_("column", "Credited"), "credited", X_MONEY, 11, 0},
    {NC_("column", "Matched"), "matched", X_MONEY, 11, 0},
    {NC_("column", "Difference"), "difference", X_MONEY, 11, 0},
    {TC_("exceptions", "Open"), "exceptions", X_INT, 5, 0},
    {NC_("column", "Deposits"), "deposits", X_INT, 8, 0},
    {NC_("column", "Credits"), "credits", X_INT, 7, 0},
};

void
svc_recon_day_cells(const struct recon_day *d, struct xcell *c)
{
	memset(c, 0, sizeof recon_cols / sizeof recon_cols[0] * sizeof *c);
	c[0].s = d->day;
	c[1].n = d->expected;
	c[2].n = d->credited;
	c[3].n = d->matched;
	c[4].n = d->difference;
	c[5].n = d->exceptions;
	c[6].n = d->deposits;
	c[7].n = d->credits;
}

void
svc_recon_exception_cells(const struct recon_exception *e, struct xcell *c)
{
	memset(
	    c, 0, sizeof exception_cols / sizeof exception_cols[0] * sizeof *c);
	c[0].s = recon_kind_name(e->kind);
	c[1].n = e->age;
	c[2].s = e->on;
	c[3].s = e->ref;
	c[4].s = e->detail;
	c[5].n = e->expected;
	c[6].n = e->actual;
	c[7].n = e->difference;
}

/* one day of a bank account (issue 20, the Reconciliation screen's
 * Enter): its exceptions, its credits matched. Each column what its
 * heading says (s74 fault 2): an exception's detail under Detail, as
 * the exceptions list has it, not under Note, which is a match's; a
 * match made by hand says so under By hand, as statement show does */
static const struct xcol recon_day_cols[] = {
    {NC_("column", "Row"), "kind", X_TERM, 17, 0},
    {NC_("column", "Reference"), "reference", X_ID, 12, 0},
    {NC_("column", "Amount"), "amount", X_MONEY, 11, 0},
    {NC_("column", "Rule"), "rule", X_TERM, 8, 0},
    {NC_("column", "By hand"), "by_hand", X_BOOL, 7, -1},
    {NC_("column", "Matched to"), "matched_to", X_ID, 18, 4},
    {NC_("column", "By"), "by", X_ID, 8, -1},
    {NC_("column", "Note"), "note", X_TEXT, 20, 10},
    {NC_("column", "Booked"), "booked", X_DATE, 10, -1},
    {NC_("column", "Detail"), "detail", X_TEXT, 16, 8},
};

void
svc_recon_line_cells(const struct recon_line *l, struct xcell *c)
{
	memset(
	    c, 0, sizeof recon_day_cols / sizeof recon_day_cols[0] * sizeof *c);
	c[0].s = l->kind;
	c[1].s = l->ref;
	c[2].n = l->amount;
	c[3].s = l->rule;
	c[4].n = l->by_hand;
	c[5].s = l->to;
	c[6].s = l->by;
	c[7].s = l->note;
	c[8].s = l->booked;
	c[9].s = l->detail;
}

/* the reconciliation's exceptions resolved by hand (issue 20): what
 * each showed then, the note, who and when */
static const struct xcol resolved_cols[] = {
    {NC_("column", "Exception"), "kind", X_TERM, 17, 0},
    {NC_("column", "Reference"), "reference", X_ID, 14, 0},
    {NC_("column", "Date"), "date", X_DATE, 10, 0},
    {NC_("column", "Difference"), "difference", X_MONEY, 11, 0},
    {NC_("column", "Note"), "note", X_TEXT, 24, 10},
    {NC_("column", "Resolved by"), "resolved_by", X_ID, 12, -1},
    {NC_("column", "Resolved at"), "resolved_at", X_TEXT, 19, 0},
};

/* the items behind the Collection Rate (issue 23): what each owes in
 * the period and what paid it */
static const struct xcol rate_cols[] = {
    {N_("Due"), "due_on", X_DATE, 10, 10},
    {N_("Item"), "item", X_ID, 14, 10},
    {N_("Consumer"), "consumer", X_TEXT, 20, 10},
    {N_("Account"), "account_no", X_ID, 10, 8},
    {N_("Owed"), "owed", X_MONEY, 12, 9},
    {N_("Paid"), "paid", X_MONEY, 12, 9},
    {N_("Paid By"), "paid_by", X_ID, 30, 12},
};

static const struct xcol open_cols[] = {
    {N_("Due"), "due_on", X_DATE, 10, 10},
    {N_("Item"), "item", X_ID, 14, 10},
    {N_("Consumer"), "consumer", X_TEXT, 20, 10},
    {N_("Account"), "account_no", X_ID, 10, 8},
    {N_("Open"), "open", X_MONEY, 12, 9},
    {N_("Days overdue"), "days_overdue", X_INT, 5, 4},
    {N_("Under arrangement"), "under_arrangement", X_MONEY, 12, 9},
};

static const struct xcol time_cols[] = {
    {N_("Paid"), "paid_on", X_DATE, 10, 10},
    {N_("Receipt"), "receipt_no", X_ID, 14, 0},
    {N_("Item"), "item", X_ID, 15, 10},
    {N_("Consumer"), "consumer", X_TEXT, 20, 8},
    {N_("Account"), "account_no", X_ID, 10, 6},
    {N_("Issued"), "issued_on", X_DATE, 10, 10},
    {N_("Amount"), "amount", X_MONEY, 12, 8},
    {N_("Days"), "days", X_INT, 5, 4},
};

static const struct xcol deteriorating_cols[] = {
    {N_("Consumer"), "consumer", X_TEXT, 20, 10},
    {N_("Account"), "account_no", X_ID, 10, 8},
    /* JSON: arrays, the days numbers (X_LIST) */
    {N_("Days to pay"), "days", X_LIST, 24, 12},
    {N_("Growth"), "growth_days", X_INT, 7, 6},
    /* the default 3 month ends compared and the one before, whole */
    {N_("Aging at month ends"), "aging", X_LIST, 28, 12},
    {N_("Why"), "why", X_TEXT, 18, 8},
};

/* the anomalies of a day (issue 23), each with its reason */
static const struct xcol anomaly_cols[] = {
    /* a term: the screens' language, English in JSON and CSV */
    {N_("Rule"), "rule", X_TERM, 18, 12},
    {N_("Who"), "who", X_TEXT, 20, 10},
    {N_("Account"), "account_no", X_ID, 10, 8},
    /* the first and last of a run whole at the default numbers:
     * CN-T01-000001..CN-T01-000004 (review R23: "R-T02-000003..R~") */
    {N_("Reference"), "reference", X_ID, 28, 10},
    {N_("Count"), "count", X_INT, 5, 5},
    {N_("Amount"), "amount", X_MONEY, 12, 9},
    /* a period's rows are of several days (--period); the reason
     * last, whole on the command line */
    {N_("Day"), "day", X_DATE, 10, 10},
    {N_("Reason"), "reason", X_TEXT, 60, 20},
};

/* the disconnection and reconnection lists (issue 21), with where a
 * field crew goes and whom it calls (review R21d, r21d_crew_address) */
static const struct xcol disconnect_cols[] = {
    {NC_("column", "Account"), "account_no", X_ID, 10, 8},
    {NC_("column", "Consumer"), "consumer", X_TEXT, 24, 10},
    {NC_("column", "Overdue"), "overdue", X_MONEY, 12, 9},
    {NC_("column", "Items"), "items", X_INT, 5, 5},
    {NC_("column", "Oldest due"), "oldest_due", X_DATE, 10, 10},
    {NC_("column", "Address"), "address", X_TEXT, 28, 10},
    {NC_("column", "Phone"), "phone", X_TEXT, 15, 8},
};

static const struct xcol reconnect_cols[] = {
    {NC_("column", "Account"), "account_no", X_ID, 10, 8},
    {NC_("column", "Consumer"), "consumer", X_TEXT, 24, 10},
    {NC_("column", "Was overdue"), "was_overdue", X_MONEY, 12, 9},
    {NC_("column", "Listed on"), "listed_on", X_DATE, 10, 10},
    {NC_("column", "Overdue now"), "overdue", X_MONEY, 12, 9},
    {NC_("column", "Why"), "reason", X_TERM, 12, 8},
    {NC_("column", "Address"), "address", X_TEXT, 28, 10},
    {NC_("column", "Phone"), "phone", X_TEXT, 15, 8},
};

/* the arrangements, their performance and the disputes (issue 21), as
 * `arrangement list`, `report arrangements` and `dispute list` print
 * them: their screens show the first columns, a file has them all */
static const struct xcol plan_cols[] = {
    {NC_("column", "Arrangement"), "plan_no", X_ID, 16, 0},
    {NC_("column", "Account"), "account_no", X_ID, 10, 0},
    {NC_("column", "Status"), "status", X_TERM, 10, 0},
    {NC_("column", "Debt"), "debt", X_MONEY, 12, 0},
    {NC_("column", "Paid"), "paid", X_MONEY, 12, 0},
    {NC_("column", "To items"), "paid_to_items", X_MONEY, 12, 0},
    {NC_("column", "Left"), "left", X_MONEY, 12, 0},
    {NC_("column", "Fell due"), "fell_due", X_INT, 8, 0},
    {NC_("column", "Compliance"), "compliance", X_PERCENT, 10, 0},
};

static const struct xcol plan_perf_cols[] = {
    {NC_("column", "Installments"), "installments", X_TEXT, 6, 0},
    {NC_("column", "Frequency"), "frequency", X_TERM, 11, 0},
    {NC_("column", "Down payment"), "down_payment", X_TERM, 9, 0},
    {NC_("column", "Grace"), "grace_days", X_INT, 5, 0},
    {NC_("column", "Misses"), "misses_allowed", X_INT, 6, 0},
    {NC_("column", "Plans"), "plans", X_INT, 5, 0},
    {NC_("column", "Active"), "active", X_INT, 6, 0},
    {NC_("column", "Completed"), "completed", X_INT, 9, 0},
    {NC_("column", "Broken"), "broken", X_INT, 6, 0},
    {NC_("column", "Cancelled"), "cancelled", X_INT, 9, 0},
    {NC_("column", "Fell due"), "fell_due", X_INT, 8, 0},
    {NC_("column", "On time"), "on_time", X_INT, 7, 0},
    {NC_("column", "Late"), "late", X_INT, 4, 0},
    {NC_("column", "Missed"), "missed", X_INT, 6, 0},
    {NC_("column", "Compliance"), "compliance", X_PERCENT, 10, 0},
    {NC_("column", "Arranged"), "arranged", X_MONEY, 12, 0},
    {NC_("column", "Collected"), "collected", X_MONEY, 12, 0},
    {NC_("column", "To items"), "paid_to_items", X_MONEY, 12, 0},
};

static const struct xcol dispute_cols[] = {
    {NC_("column", "Dispute"), "dispute_no", X_ID, 16, 0},
    {NC_("column", "Status"), "status", X_TERM, 18, 0},
    {NC_("column", "Reason"), "reason", X_TERM, 16, 0},
    {NC_("column", "Receipt"), "receipt_no", X_ID, 14, 0},
    {NC_("column", "Account"), "account_no", X_ID, 10, 0},
    {NC_("column", "Consumer"), "consumer", X_TEXT, 18, 0},
    {NC_("column", "Amount"), "amount", X_MONEY, 12, 0},
    /* what the payer disputes, part or all of the amount */
    {NC_("column", "Disputed"), "disputed", X_MONEY, 12, 0},
    /* agrees with the dispute (es Abierta; a shift's Abierto) */
    {TC_("dispute", "Opened"), "opened_on", X_DATE, 10, 0},
    {NC_("column", "Due"), "due_on", X_DATE, 10, 0},
    {NC_("column", "Age"), "age", X_INT, 4, 0},
    {NC_("column", "Overdue"), "overdue", X_INT, 4, 0},
};

/* the alert inbox (issue 21), as `paydesk alerts` prints it */
static const struct xcol alert_cols[] = {
    {NC_("column", "ID"), "id", X_NUMBER, 4, 0},
    {NC_("column", "Alert"), "alert", X_TERM, 18, 0},
    {NC_("column", "Status"), "status", X_TERM, 12, 0},
    {NC_("column", "Account"), "account_no", X_ID, 10, 0},
    {NC_("column", "Consumer"), "consumer", X_TEXT, 20, 0},
    /* a large payment's alert: its payment (helper-258, fault 5: headed
     * Arrangement) */
    {NC_("column", "Plan or payment"), "plan_no", X_ID, 19, 0},
    {NC_("column", "Reference"), "ref", X_ID, 18, 0},
    {NC_("column", "Due"), "due_on", X_DATE, 10, 0},
    {NC_("column", "Amount"), "amount", X_MONEY, 12, 0},
    /* missed, overdue: days past due; due, credit: days ahead; gateway:
     * hours; reconciliation: age; a broken plan's misses against those
     * it allows */
    {NC_("column", "Days"), "days", X_INT, 5, 0},
    {NC_("column", "Misses"), "misses", X_INT, 6, 0},
    {NC_("column", "Raised"), "raised_at", X_TIME, 19, 0},
    {NC_("column", "Assigned"), "assigned", X_ID, 10, 0},
    /* a broken plan: the misses it allows */
    {NC_("column", "Allowed"), "allowed", X_INT, 7, 0},
};

#define N(a) ((int)(sizeof a / sizeof a[0]))

const struct xcol *
svc_listing_cols(enum listing l, int *ncols)
{
	static const struct {
		const struct xcol *cols;
		int n;
	} lists[LISTINGS] = {
	    [LIST_PAYMENTS] = {payment_cols, N(payment_cols)},
	    [LIST_CREDITS] = {credit_cols, N(credit_cols)},
	    [LIST_PAYERS] = {payer_cols, N(payer_cols)},
	    [LIST_AGING] = {aging_cols, N(aging_cols)},
	    [LIST_FORECAST] = {forecast_cols, N(forecast_cols)},
	    [LIST_FORECAST_PAST] = {forecast_past_cols, N(forecast_past_cols)},
	    [LIST_EXCEPTIONS] = {exception_cols, N(exception_cols)},
	    [LIST_RATE_ITEMS] = {rate_cols, N(rate_cols)},
	    [LIST_RESOLVED] = {resolved_cols, N(resolved_cols)},
	    [LIST_RECON] = {recon_cols, N(recon_cols)},
	    [LIST_DETERIORATING] = {deteriorating_cols, N(deteriorating_cols)},
	    [LIST_ANOMALIES] = {anomaly_cols, N(anomaly_cols)},
	    [LIST_RECON_DAY] = {recon_day_cols, N(recon_day_cols)},
	    [LIST_OPEN_ITEMS] = {open_cols, N(open_cols)},
	    [LIST_TIME_ROWS] = {time_cols, N(time_cols)},
	    [LIST_DISCONNECT] = {disconnect_cols, N(disconnect_cols)},
	    [LIST_RECONNECT] = {reconnect_cols, N(reconnect_cols)},
	    [LIST_PLANS] = {plan_cols, N(plan_cols)},
	    [LIST_PLAN_PERF] = {plan_perf_cols, N(plan_perf_cols)},
	    [LIST_DISPUTES] = {dispute_cols, N(dispute_cols)},
	    [LIST_ALERTS] = {alert_cols, N(alert_cols)},
	};

	if ((unsigned)l >= LISTINGS)
		l = LIST_PAYMENTS;
	*ncols = lists[l].n;
	return lists[l].cols;
}

void
svc_payment_cells(const struct payment_row *r, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(payment_cols));
	c[0].s = r->p.receipt_no;
	c[1].s = r->consumer_name;
	c[2].s = r->account_no;
	c[3].n = r->p.amount;
	c[4].s = r->p.method;
	c[5].s = r->p.paid_on;
	c[6].s = pay_type_name(r->p.type);
	c[7].s = pay_status_name(r->p.status);
	c[8].s = r->p.reference;
}

void
svc_credit_cells(
    const struct svc *s, const struct credit_note *cn, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(credit_cols));
	c[0].s = cn->cn_no;
	c[1].s = cn->consumer_name;
	c[2].s = cn->account_no;
	c[3].n = cn->amount;
	c[4].n = credit_remaining(cn->amount, cn->applied, cn->voided);
	c[5].s = cn->reason;
	c[6].s = credit_status_term(svc_credit_status(s, cn));
	c[7].s = cn->created_on;
	c[8].s = cn->receipt_no;
}

/* "Cash=12345;Card=500" as "Cash $123.45; Card $5.00" (plain
 * SVC_METHODS_PLAIN: "Cash 123.45; Card 5.00"; SVC_METHODS_NAMES: "Cash,
 * Card"). */
static void
methods_text(
    const struct svc *s, const char *raw, int plain, char *out, size_t n)
{
	char copy[512], *save = NULL, *tok, *eq, m[MONEY_BUFSZ];
	size_t len = 0;
	/* TRANSLATORS: between a payer's methods with their amounts, "Cash
	 * $10.00; Card $5.00" (French puts a space before the ;) */
	const char *sep = plain == SVC_METHODS_PLAIN ? "; " : _("; ");

	out[0] = '\0';
	snprintf(copy, sizeof copy, "%s", raw);
	for (tok = strtok_r(copy, ";", &save); tok && len + 1 < n;
	     tok = strtok_r(NULL, ";", &save)) {
		int64_t v;

		eq = strrchr(tok, '=');
		if (eq == NULL)
			continue;
		*eq = '\0';
		v = strtoll(eq + 1, NULL, 10);
		if (plain == SVC_METHODS_NAMES) {
			len += (size_t)snprintf(
			    out + len, n - len, "%s%s", len ? ", " : "", tok);
			continue;
		}
		if (plain == SVC_METHODS_PLAIN)
			money_plain(m, sizeof m, v, s->cfg.minor_digits);
		else
			svc_money(s, m, sizeof m, v);
		len += (size_t)snprintf(
		    out + len, n - len, "%s%s %s", len ? sep : "", tok, m);
	}
}

void
svc_payer_cells(const struct svc *s, const struct payer_row *r, int plain,
    char buf[LISTING_BUFSZ], struct xcell *c)
{
	memset(c, 0, sizeof *c * N(payer_cols));
	methods_text(s, r->methods, plain, buf, LISTING_BUFSZ);
	c[0].s = r->name;
	c[1].s = r->account_no;
	c[2].n = r->total;
	c[3].n = r->count;
	c[4].s = r->last_paid;
	c[5].s = buf;
}

void
svc_disconnect_cells(const struct overdue_row *r, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(disconnect_cols));
	c[0].s = r->account_no;
	c[1].s = r->name;
	c[2].n = r->overdue;
	c[3].n = r->items;
	c[4].s = r->oldest_due;
	c[5].s = r->address;
	c[6].s = r->phone;
}

void
svc_reconnect_cells(const struct reconnect_row *r, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(reconnect_cols));
	c[0].s = r->account_no;
	c[1].s = r->name;
	c[2].n = r->was;
	c[3].s = r->listed_on;
	c[4].n = r->now;
	c[5].s = r->reason;
	c[6].s = r->address;
	c[7].s = r->phone;
}

void
svc_aging_cells(const struct aging_row *r, struct xcell *c)
{
	int b;

	memset(c, 0, sizeof *c * N(aging_cols));
	c[0].s = r->name;
	c[1].s = r->account_no;
	c[2].n = r->a.total;
	c[3].n = r->a.items;
	for (b = 0; b < AGE_BUCKETS; b++)
		c[4 + b].n = r->a.amount[b];
	c[4 + AGE_BUCKETS].n = r->a.arranged;
}

void
svc_rate_cells(const struct rate_row *r, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(rate_cols));
	c[0].s = r->due_on;
	c[1].s = r->ref;
	c[2].s = r->consumer_name;
	c[3].s = r->account_no;
	c[4].n = r->due;
	c[5].n = r->paid;
	c[6].s = r->paid_by;
}

void
svc_open_cells(const struct open_row *r, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(open_cols));
	c[0].s = r->due_on;
	c[1].s = r->ref;
	c[2].s = r->consumer_name;
	c[3].s = r->account_no;
	c[4].n = r->open;
	c[5].n = r->days;
	c[6].n = r->arranged;
}

void
svc_deteriorating_cells(
    const struct deteriorating_row *r, int en, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(deteriorating_cols));
	c[0].s = r->name;
	c[1].s = r->account_no;
	c[2].s = r->days_text;
	c[3].n = r->growth;
	/* listed by aging alone: no days compared, no growth (none) */
	if (!(r->why & DETERIORATING_DAYS))
		c[3].s = "";
	c[4].s = en ? r->buckets_en : r->buckets_text;
	c[5].s = en ? r->why_en : r->why_text;
}

void
svc_anomaly_cells(const struct anomaly_row *r, int en, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(anomaly_cols));
	c[0].s = svc_anomaly_word(r->rule);
	c[1].s = r->who;
	c[2].s = r->account;
	c[3].s = r->ref;
	c[4].n = r->count;
	c[5].n = r->amount;
	c[6].s = r->day;
	c[7].s = en ? r->reason_en : r->reason;
}

void
svc_forecast_cells(const struct forecast_week *w, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(forecast_past_cols));
	c[0].s = w->from;
	c[1].s = w->to;
	if (w->past) {
		c[2].n = w->open;
		c[3].n = w->expected;
		c[4].n = w->came_in;
		c[5].n = w->collected;
	} else {
		c[2].n = w->consumers;
		c[3].n = w->open;
		c[4].n = w->expected;
	}
}

void
svc_time_cells(const struct time_row *r, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(time_cols));
	c[0].s = r->paid_on;
	c[1].s = r->receipt_no;
	c[2].s = r->ref;
	c[3].s = r->consumer_name;
	c[4].s = r->account_no;
	c[5].s = r->issued_on;
	c[6].n = r->amount;
	c[7].n = r->days;
}

void
svc_plan_cells(const struct arr_view *v, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(plan_cols));
	c[0].s = v->a.plan_no;
	c[1].s = v->a.account_no;
	c[2].s = arr_status_term(v->status);
	c[3].n = v->a.debt;
	c[4].n = v->paid;
	c[5].n = v->to_items;
	c[6].n = v->left;
	c[7].n = arr_tally_fell_due(&v->tally);
	c[8].n = v->compliance; /* -1: none fell due */
}

void
svc_plan_perf_cells(const struct arr_perf_row *r, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(plan_perf_cols));
	c[0].s = r->inst_band;
	c[1].s = arr_freq_name(r->freq);
	/* the band's name as the screen shows it (text, xlsx: helper-239,
	 * "0" read as an amount), its key in CSV and JSON */
	c[2].s = svc_arr_down_band_name(r->down_band);
	c[2].word = svc_arr_down_band_key(r->down_band);
	c[3].n = r->grace_days;
	c[4].n = r->misses_allowed;
	c[5].n = r->plans;
	c[6].n = r->active;
	c[7].n = r->completed;
	c[8].n = r->broken;
	c[9].n = r->cancelled;
	c[10].n = r->fell_due;
	c[11].n = r->on_time;
	c[12].n = r->late;
	c[13].n = r->missed;
	c[14].n = r->compliance; /* -1: none fell due */
	c[15].n = r->arranged;
	c[16].n = r->collected;
	c[17].n = r->to_items;
}

void
svc_dispute_cells(const struct dispute *d, struct xcell *c)
{
	int age, overdue;

	memset(c, 0, sizeof *c * N(dispute_cols));
	svc_dispute_days(d, &age, &overdue);
	c[0].s = d->dispute_no;
	c[1].s = dsp_status_label(d->status);
	c[1].word = dsp_status_name(d->status);
	c[2].s = dsp_reason_label(d->reason);
	c[2].word = d->reason;
	c[3].s = d->receipt_no;
	c[4].s = d->account_no;
	c[5].s = d->consumer_name;
	c[6].n = d->amount;
	c[7].n = d->disputed;
	c[8].s = d->opened_on;
	c[9].s = d->due_on;
	c[10].n = age;
	c[11].n = overdue;
}

void
svc_alert_cells(const struct alert *a, struct xcell *c)
{
	memset(c, 0, sizeof *c * N(alert_cols));
	c[0].n = a->id;
	c[1].s = svc_alert_kind_name(a->kind);
	c[1].word = svc_alert_kind_word(a->kind);
	c[2].s = svc_alert_status_name(a->status);
	c[2].word = svc_alert_status_word(a->status);
	c[3].s = a->account_no;
	c[4].s = a->consumer;
	c[5].s = a->plan_no[0] ? a->plan_no : a->payment_no;
	c[6].s = a->ref;
	c[7].s = a->due_on;
	c[8].n = a->amount;
	c[8].s = svc_alert_has_amount(a) ? NULL : "";
	/* days as of today (svc_alerts); none: a set .s */
	c[9].n = a->days;
	c[9].s = svc_alert_days_now(a) ? NULL : "";
	c[10].n = a->days;
	c[10].s = a->kind == ALERT_BROKEN ? NULL : "";
	c[11].s = a->raised_at;
	c[12].s = a->assigned;
	c[13].n = a->allowed;
	c[13].s = a->kind == ALERT_BROKEN ? NULL : "";
}
