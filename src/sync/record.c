/* record.c - sync records: one field table per kind, used both to encode
 * and to decode (with validation), so the two cannot drift apart; the
 * record around them (its head, each kind's extras) both ways. One
 * field's encoding and checked decoding by its type are record_field.c's
 * (the types in record_int.h).
 *
 * TO ADD A FIELD: a row in the kind's table; decode accepts records
 * without an optional field, so older terminals keep working.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "paydesk/alloc.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/sha256.h"
#include "paydesk/search.h"
#include "paydesk/syncrec.h"
#include "paydesk/csv.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"
#include "internal.h"
#include "record_int.h"
#include "paydesk/i18n.h"

#define S(name, m, req)                                                        \
	{                                                                      \
		name, F_STR, offsetof(struct syncrec, m),                      \
		    sizeof(((struct syncrec *)0)->m), req                      \
	}
#define T(name, m, t, req)                                                     \
	{                                                                      \
		name, t, offsetof(struct syncrec, m),                          \
		    sizeof(((struct syncrec *)0)->m), req                      \
	}

static const struct field payment_fields[] = {S("payment_no", p.payment_no, 1),
    S("txn_no", p.txn_no, 1), S("receipt_no", p.receipt_no, 1),
    S("consumer_uuid", consumer_uuid, 1), S("account_no", account_no, 0),
    T("type", p.type, F_PAYTYPE, 1), S("channel", p.channel, 1),
    S("method", p.method, 1), T("method_kind", p.method_kind, F_MKIND, 1),
    T("amount", p.amount, F_INT, 1), T("tendered", p.tendered, F_INT, 0),
    T("change", p.change, F_INT, 0), T("due_total", p.due_total, F_INT, 0),
    T("overpaid", p.overpaid, F_INT, 0), T("paid_on", p.paid_on, F_DATE, 1),
    T("notes", p.notes, F_TEXT, 0), S("received_by", p.received_by, 1),
    T("status", p.status, F_STATUS, 1), T("created_at", p.created_at, F_TS, 1),
    T("verified", p.verified, F_BOOL, 0),
    T("verified_at", p.verified_at, F_TS, 0),
    S("verified_by", p.verified_by, 0),
    T("has_balance", p.has_balance, F_BOOL, 0),
    T("balance_after", p.balance_after, F_INT, 0),
    T("reference", p.reference, F_REF, 0),
    T("allocation", p.alloc_rule, F_ALLOC, 0),
    T("shift_uuid", p.shift_uuid, F_UUID, 0),
    /* the team it was taken for (issue 23); absent: none */
    S("team", p.team, 0), {NULL, F_STR, 0, 0, 0}};

static const struct field credit_fields[] = {S("uuid", cn.uuid, 1),
    S("number", cn.cn_no, 1), S("payment_uuid", payment_uuid, 1),
    S("consumer_uuid", consumer_uuid, 0), S("linked_receipt", cn.receipt_no, 0),
    T("amount", cn.amount, F_INT, 1), S("reason", cn.reason, 1),
    T("remarks", cn.remarks, F_TEXT, 0),
    T("created_on", cn.created_on, F_DATE, 1),
    T("created_at", cn.created_at, F_TS, 0),
    T("expires_on", cn.expires_on, F_DATE, 1),
    S("created_by", cn.created_by, 1), T("automatic", cn.automatic, F_BOOL, 0),
    {NULL, F_STR, 0, 0, 0}};

static const struct field void_fields[] = {S("payment_uuid", payment_uuid, 1),
    S("payment_no", p.payment_no, 0), T("reason", reason, F_TEXT, 1),
    S("voided_by", by, 1),
    /* the shift open at its terminal's drawer (issue 20) */
    T("shift_uuid", shift_uuid, F_UUID, 0), {NULL, F_STR, 0, 0, 0}};

static const struct field verify_fields[] = {S("payment_uuid", payment_uuid, 1),
    S("payment_no", p.payment_no, 0), S("verified_by", by, 1),
    {NULL, F_STR, 0, 0, 0}};

static const struct field apply_fields[] = {S("credit_note_uuid", cn_uuid, 1),
    S("credit_note_no", cn.cn_no, 0), S("item_ref", ca.item_ref, 1),
    S("item_uuid", item_uuid, 0), T("amount", ca.amount, F_INT, 1),
    T("applied_on", ca.applied_on, F_DATE, 1), {NULL, F_STR, 0, 0, 0}};

static const struct field consumer_fields[] = {S("account_no", c.account_no, 1),
    S("name", c.name, 1), S("service_address", c.address, 0),
    S("phone", c.phone, 0), S("email", c.email, 0), S("segment", c.segment, 0),
    S("language", c.language, 0), {NULL, F_STR, 0, 0, 0}};

static const struct field item_fields[] = {T("kind", it.kind, F_ITEMKIND, 1),
    S("ref", it.ref, 1), S("consumer_uuid", consumer_uuid, 1),
    S("period", it.period, 0), S("description", it.description, 0),
    S("plan_no", it.plan_no, 0), T("inst_no", it.inst_no, F_SMALL, 0),
    T("amount", it.amount, F_INT, 1), T("issued_on", it.issued_on, F_DATE, 1),
    T("due_on", it.due_on, F_DATE, 1),
    /* the organisation's day it came into its books (review R23b: set
     * where it was first recorded, kept as received) */
    T("entered_on", it.entered_on, F_DAY, 0), {NULL, F_STR, 0, 0, 0}};

static const struct field user_fields[] = {S("username", u.username, 1),
    S("full_name", u.full_name, 1), T("role", u.role, F_ROLE, 1),
    S("pin_hash", u.pin_hash, 1), T("active", u.active, F_BOOL, 1),
    S("team", u.team, 0),
    /* the branch the user works at ("" every branch), so that a terminal
     * refuses --user of another branch's user (issue 23) */
    S("branch", u.branch, 0), {NULL, F_STR, 0, 0, 0}};

static const struct field setting_fields[] = {
    S("key", set.key, 1), S("value", set.value, 2), {NULL, F_STR, 0, 0, 0}};

/* A cash shift (issue 20): its open with the float counted, each
 * movement, and its close with the counts and the tenders ("counts" and
 * "tenders" are arrays beside the fields). */
static const struct field shift_open_fields[] = {S("drawer", sh.drawer, 1),
    S("cashier", sh.cashier, 1), T("opened_at", sh.opened_at, F_TS, 1),
    T("float_expected", sh.float_expected, F_INT, 1),
    T("float_counted", sh.float_counted, F_INT, 1), {NULL, F_STR, 0, 0, 0}};

static const struct field shift_move_fields[] = {S("shift_uuid", shift_uuid, 1),
    T("kind", mv.kind, F_MOVEKIND, 1), S("method", mv.method, 1),
    T("amount", mv.amount, F_INT, 1), S("reason", mv.reason, 1),
    S("approved_by", mv.approved_by, 0), T("at", mv.at, F_TS, 1),
    {NULL, F_STR, 0, 0, 0}};

static const struct field shift_close_fields[] = {
    S("shift_uuid", shift_uuid, 1), S("z_no", sh.z_no, 1),
    T("closed_at", sh.closed_at, F_TS, 1), S("closed_by", sh.closed_by, 1),
    S("signed_off_by", sh.signed_off_by, 0),
    T("float_kept", sh.float_kept, F_INT, 1), {NULL, F_STR, 0, 0, 0}};
static const struct field arrangement_fields[] = {S("op", op, 1),
    S("arrangement_uuid", arr.uuid, 1), S("plan_no", arr.plan_no, 1),
    S("consumer_uuid", consumer_uuid, 1), S("account_no", account_no, 0),
    T("debt", arr.debt, F_INT, 1), T("down_payment", arr.down, F_INT, 1),
    T("n_inst", arr.n, F_SMALL, 1), S("frequency", arr_freq, 1),
    T("first_due", arr.first_due, F_DATE, 1),
    T("grace_days", arr.grace_days, F_SMALL, 1),
    T("misses_allowed", arr.misses_allowed, F_SMALL, 1),
    T("reason", reason, F_TEXT, 1), S("by", by, 1),
    T("created_on", arr.created_on, F_DATE, 1),
    T("created_at", arr.created_at, F_TS, 1), {NULL, F_STR, 0, 0, 0}};
static const struct field gw_payment_fields[] = {S("gateway", gp.gateway, 1),
    S("code", gp.code, 1), T("status", gp.status, F_GWSTATUS, 1),
    S("webhook_status", gp.webhook_status, 0),
    S("settlement_status", gp.settlement_status, 0),
    S("account_ref", gp.account_ref, 0), S("phone", gp.phone, 0),
    T("amount", gp.amount, F_INT, 1), T("paid_at", gp.paid_at, F_TS, 1),
    S("candidates", gp.candidates, 0), S("consumer_uuid", consumer_uuid, 0),
    S("account_no", account_no, 0), S("payment_uuid", payment_uuid, 0),
    T("fee", gp.fee, F_INT, 0), T("settled_on", gp.settled_on, F_TS, 0),
    T("processing_tenths", gp.processing_tenths, F_INT, 0),
    T("refunded", gp.refunded, F_INT, 0), S("review", gp.review, 0),
    S("payout", gp.payout, 0), S("settle_account", gp.settle_account, 0),
    {NULL, F_STR, 0, 0, 0}};

static const struct field gw_assoc_fields[] = {S("action", action, 1),
    S("gateway", gp.gateway, 1), S("code", gp.code, 1),
    S("consumer_uuid", consumer_uuid, 0), S("account_no", account_no, 0),
    T("reason", reason, F_TEXT, 1), S("by", by, 1), {NULL, F_STR, 0, 0, 0}};

/* A bank deposit (issue 20): created with its lines ("lines", an array
 * beside the fields, record_dep.c), handed to the bank (op hand, at the
 * record's time, by "by"), or voided. */
static const struct field deposit_fields[] = {S("op", op, 1),
    S("deposit_uuid", dep.uuid, 1), S("slip_no", dep.slip_no, 1),
    S("account", dep.account, 1),
    T("deposited_on", dep.deposited_on, F_DATE, 1),
    T("amount", dep.amount, F_INT, 1), S("by", by, 1),
    T("reason", reason, F_TEXT, 0), {NULL, F_STR, 0, 0, 0}};

/* A bank statement (issue 20): its header, repeated in each part, and
 * part of its lines ("lines", record_stmt.c), from line first_line. */
static const struct field statement_fields[] = {S("account", stmt.account, 1),
    S("stmt_id", stmt.stmt_id, 0), S("stmt_key", stmt.stmt_key, 1),
    S("format", stmt.format, 1), S("file_name", stmt.file_name, 0),
    S("stmt_currency", stmt.currency, 0),
    S("period_from", stmt.period_from, 0), S("period_to", stmt.period_to, 0),
    T("has_opening", stmt.has_opening, F_BOOL, 1),
    T("opening", stmt.opening, F_INT, 1),
    T("has_closing", stmt.has_closing, F_BOOL, 1),
    T("closing", stmt.closing, F_INT, 1),
    T("line_count", stmt.nlines, F_INT, 1),
    T("credits", stmt.credits, F_INT, 1), T("debits", stmt.debits, F_INT, 1),
    T("dup_count", stmt.ndup, F_INT, 1),
    S("imported_by", stmt.imported_by, 1),
    T("first_line", stmt_first, F_INT, 1), {NULL, F_STR, 0, 0, 0}};

/* A statement line matched or unmatched (issue 20): the line by its
 * statement's account and key and its seq, the deposit, the gateway
 * payment, the bank transfer payment or the terminal's day of card
 * payments. */
static const struct field stmt_match_fields[] = {S("op", op, 1),
    S("account", stmt.account, 1), S("stmt_key", stmt.stmt_key, 1),
    T("line", stmt_first, F_INT, 1), S("deposit_uuid", dep.uuid, 0),
    S("slip_no", dep.slip_no, 0), S("gateway", gp.gateway, 0),
    S("code", gp.code, 0), S("payout", gp.payout, 0),
    S("payment_uuid", payment_uuid, 0), S("card_terminal", card_terminal, 0),
    S("card_day", card_day, 0), T("card_count", card_count, F_INT, 0),
    T("card_gross", card_gross, F_INT, 0), S("rule", match_rule, 1),
    T("note", reason, F_TEXT, 0), S("by", by, 1), {NULL, F_STR, 0, 0, 0}};

/* A step of a payment's dispute (issue 21): the dispute's terms travel
 * with each step, so a node that missed none can check it alone; among
 * them what it disputes (disputed, minor units; absent or 0 from an
 * older terminal: the whole payment). */
static const struct field dispute_fields[] = {S("op", op, 1),
    S("dispute_uuid", dsp.uuid, 1), S("number", dsp.dispute_no, 1),
    S("payment_uuid", payment_uuid, 1), S("payment_no", p.payment_no, 0),
    S("code", dsp.reason, 1), T("opened_on", dsp.opened_on, F_DATE, 1),
    T("due_on", dsp.due_on, F_DATE, 1), T("note", reason, F_TEXT, 0),
    S("by", by, 1), S("resolution", dsp.resolution, 0),
    S("void_uuid", dsp.void_uuid, 0), S("credit_note_uuid", cn_uuid, 0),
    S("charge_uuid", it.uuid, 0), S("charge_ref", it.ref, 0),
    T("charge_amount", it.amount, F_INT, 0), S("charge_due", it.due_on, 0),
    T("disputed", dsp.disputed, F_INT, 0), {NULL, F_STR, 0, 0, 0}};

/* A step of an organisation's alert (issue 21): the alert by its cause;
 * a raise with what it points at and its figures. */
static const struct field alert_fields[] = {S("op", op, 1),
    S("cause", alert_cause, 1), S("alert_kind", alert_kind, 1),
    S("ref", alert_ref, 0), S("due_on", alert_due, 0),
    T("amount", alert_amount, F_INT, 0), T("figure", alert_figure, F_INT, 0),
    T("allowed", alert_allowed, F_INT, 0),
    T("raised_at", alert_raised_at, F_TS, 0),
    S("consumer_uuid", consumer_uuid, 0), S("account_no", account_no, 0),
    S("payment_uuid", payment_uuid, 0),
    S("arrangement_uuid", alert_arr_uuid, 0), S("ended_by", alert_ended_by, 0),
    S("assignee", assignee, 0), T("note", reason, F_TEXT, 0), S("by", by, 1),
    S("by_user", by_user, 1), {NULL, F_STR, 0, 0, 0}};
/* A reconciliation exception resolved by hand (issue 20): what it is
 * about as every store names it, what it showed then, the note. */
static const struct field resolution_fields[] = {
    S("exception", exc_kind, 1), S("target", res.e.target, 1),
    S("reference", res.e.ref, 1), T("day", res.e.on, F_DATE, 1),
    T("age", res.e.age, F_INT, 1), T("expected", res.e.expected, F_INT, 1),
    T("actual", res.e.actual, F_INT, 1), T("note", res.note, F_TEXT, 1),
    S("by", by, 1), {NULL, F_STR, 0, 0, 0}};

#undef S
#undef T

/* The members of a record's head (sync_decode_json reads them). */
static const char *const head_names[] = {
    "v", "kind", "uuid", "terminal", "branch", "at", "currency", "data", NULL};

/* A payment's data beyond its fields. */
static const char *const payment_extra[] = {"allocations", "credit_note", NULL};
/* A shift's open and close beyond their fields. */
static const char *const shift_open_extra[] = {"counts", NULL};
static const char *const shift_close_extra[] = {
    "counts", "tenders", "flagged", "forced_reason", NULL};
/* An arrangement event's data beyond its fields. */
static const char *const arrangement_extra[] = {"moves", "installments", NULL};
/* A deposit's data beyond its fields. */
static const char *const deposit_extra[] = {"lines", "cheques", NULL};
/* A statement's data beyond its fields. */
static const char *const statement_extra[] = {"lines", NULL};
/* A match's card payments beyond its fields. */
static const char *const match_extra[] = {"payments", NULL};

static const struct {
	const char *name;
	const struct field *fields;
} kinds[SR_KINDS] = {
    [SR_PAYMENT] = {"payment", payment_fields},
    [SR_VOID] = {"void", void_fields},
    [SR_VERIFY] = {"verify", verify_fields},
    [SR_CREDIT_NOTE] = {"credit_note", credit_fields},
    [SR_CREDIT_APPLY] = {"credit_apply", apply_fields},
    [SR_CONSUMER] = {"consumer", consumer_fields},
    [SR_ITEM] = {"item", item_fields},
    [SR_USER] = {"user", user_fields},
    [SR_SETTING] = {"setting", setting_fields},
    [SR_SHIFT_OPEN] = {"shift_open", shift_open_fields},
    [SR_SHIFT_MOVE] = {"shift_movement", shift_move_fields},
    [SR_SHIFT_CLOSE] = {"shift_close", shift_close_fields},
    [SR_ARRANGEMENT] = {"arrangement", arrangement_fields},
    [SR_GW_PAYMENT] = {"gateway_payment", gw_payment_fields},
    [SR_GW_ASSOC] = {"gateway_association", gw_assoc_fields},
    [SR_DEPOSIT] = {"deposit", deposit_fields},
    [SR_STATEMENT] = {"bank_statement", statement_fields},
    [SR_STMT_MATCH] = {"statement_match", stmt_match_fields},
    [SR_DISPUTE] = {"dispute", dispute_fields},
    [SR_ALERT] = {"alert", alert_fields},
    [SR_RECON_RESOLVE] = {"recon_resolution", resolution_fields},
};

int
syncrec_reference(enum syncrec_kind k)
{
	return k == SR_CONSUMER || k == SR_ITEM || k == SR_USER ||
	       k == SR_SETTING || k == SR_GW_PAYMENT;
}

const char *
syncrec_kind_name(enum syncrec_kind k)
{
	return (unsigned)k < SR_KINDS ? kinds[k].name : "?";
}

int
syncrec_kind_parse(const char *s)
{
	int i;

	for (i = 0; i < SR_KINDS; i++)
		if (strcmp(kinds[i].name, s) == 0)
			return i;
	return -1;
}

/* ---- encoding ---- */

static json_t *
record_json(const struct syncrec *r)
{
	json_t *o = json_object(),
	       *d = sync_encode_fields(kinds[r->kind].fields, r);
	size_t i;

	if (r->kind == SR_PAYMENT) {
		json_t *al = json_array();

		for (i = 0; i < r->nallocs; i++)
			json_array_append_new(al,
			    json_pack("{s:s, s:s, s:I, s:I}", "item_uuid",
			        r->allocs[i].item.uuid, "item_ref",
			        r->allocs[i].item.ref, "amount",
			        (json_int_t)r->allocs[i].amount, "due_before",
			        (json_int_t)r->allocs[i].due_before));
		json_object_set_new(d, "allocations", al);
		if (r->has_cn)
			json_object_set_new(d, "credit_note",
			    sync_encode_fields(credit_fields, r));
	}
	if (r->kind == SR_SHIFT_OPEN || r->kind == SR_SHIFT_CLOSE)
		sync_shift_json(r, d);
	if (r->kind == SR_ARRANGEMENT)
		sync_arr_json(r, d);
	if (r->kind == SR_DEPOSIT)
		sync_dep_json(r, d);
	if (r->kind == SR_STATEMENT)
		sync_stmt_json(r, d);
	if (r->kind == SR_STMT_MATCH)
		sync_match_json(r, d);
	json_object_set_new(o, "v", json_integer(SYNC_PROTOCOL_VERSION));
	json_object_set_new(o, "kind", json_string(kinds[r->kind].name));
	json_object_set_new(o, "uuid", json_string(r->uuid));
	json_object_set_new(o, "terminal", json_string(r->terminal));
	json_object_set_new(o, "branch", json_string(r->branch));
	json_object_set_new(o, "at", json_string(r->at));
	json_object_set_new(o, "currency", json_string(r->currency));
	json_object_set_new(o, "data", d);
	return o;
}

char *
sync_dump(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	char *copy;

	json_decref(o);
	if (s == NULL)
		abort();
	copy = xstrdup(s);
	free(s);
	return copy;
}

char *
sync_encode_dom(const struct syncrec *r)
{
	return sync_dump(record_json(r));
}

/* The record written straight to text (record_write.c), the bytes of
 * sync_encode_dom: the kinds of fields alone, the payment (its
 * allocations and credit note) and a statement line's match (a card
 * match's payments; a statement's matches are 100,000 records at a
 * time, issue 20); the others' extras are built as documents
 * (sync_shift_json...), so they go that way whole. */
char *
syncrec_encode(const struct syncrec *r)
{
	struct sync_wbuf b = {NULL, 0, 0}, x = {NULL, 0, 0};
	struct sync_extra ex[2];
	size_t nx = 0, i, at;

	switch (r->kind) {
	case SR_SHIFT_OPEN:
	case SR_SHIFT_CLOSE:
	case SR_ARRANGEMENT:
	case SR_DEPOSIT:
	case SR_STATEMENT:
		return sync_encode_dom(r);
	case SR_STMT_MATCH:
		/* a card match's payments' uuids (sync_match_json's) */
		if (r->card_terminal[0] == '\0')
			break;
		sync_wb_put(&x, "[", 1);
		for (i = 0; i < r->ncard_payments; i++) {
			if (i > 0)
				sync_wb_put(&x, ",", 1);
			sync_wb_str(&x, r->card_payments[i]);
		}
		sync_wb_put(&x, "]", 1);
		ex[0].name = "payments";
		ex[0].len = x.n;
		ex[0].text = x.p;
		nx = 1;
		break;
	default:
		break;
	}
	if (r->kind == SR_PAYMENT) {
		sync_wb_put(&x, "[", 1);
		for (i = 0; i < r->nallocs; i++) {
			sync_wb_lit(&x, i ? ",{\"amount\":" : "{\"amount\":");
			sync_wb_int(&x, (long long)r->allocs[i].amount);
			sync_wb_lit(&x, ",\"due_before\":");
			sync_wb_int(&x, (long long)r->allocs[i].due_before);
			sync_wb_lit(&x, ",\"item_ref\":");
			sync_wb_str(&x, r->allocs[i].item.ref);
			sync_wb_lit(&x, ",\"item_uuid\":");
			sync_wb_str(&x, r->allocs[i].item.uuid);
			sync_wb_put(&x, "}", 1);
		}
		sync_wb_put(&x, "]", 1);
		ex[nx].name = "allocations";
		ex[nx].len = x.n;
		nx++;
		if (r->has_cn) {
			at = x.n;
			sync_write_fields(&x, credit_fields, r, NULL, 0);
			ex[nx].name = "credit_note";
			ex[nx].len = x.n - at;
			nx++;
		}
		ex[0].text = x.p;
		if (nx > 1)
			ex[1].text = x.p + ex[0].len;
	}
	/* the head's members in strcmp order, "data" among them */
	sync_wb_lit(&b, "{\"at\":");
	sync_wb_str(&b, r->at);
	sync_wb_lit(&b, ",\"branch\":");
	sync_wb_str(&b, r->branch);
	sync_wb_lit(&b, ",\"currency\":");
	sync_wb_str(&b, r->currency);
	sync_wb_lit(&b, ",\"data\":");
	sync_write_fields(&b, kinds[r->kind].fields, r, ex, nx);
	sync_wb_lit(&b, ",\"kind\":");
	sync_wb_str(&b, kinds[r->kind].name);
	sync_wb_lit(&b, ",\"terminal\":");
	sync_wb_str(&b, r->terminal);
	sync_wb_lit(&b, ",\"uuid\":");
	sync_wb_str(&b, r->uuid);
	sync_wb_lit(&b, ",\"v\":");
	sync_wb_int(&b, SYNC_PROTOCOL_VERSION);
	sync_wb_put(&b, "}", 1);
	free(x.p);
	return b.p;
}

/* ---- decoding ---- */

static int
decode_allocs(json_t *al, struct syncrec *r, struct pd_err *err)
{
	size_t i;
	json_t *a;

	if (!json_is_array(al))
		return pd_fail(err, PD_EINVAL,
		    _("data: \"allocations\" must be an array"));
	r->nallocs = json_array_size(al);
	if (r->nallocs > 10000)
		return pd_fail(err, PD_EINVAL,
		    _("data: %zu allocations; the limit is 10000"), r->nallocs);
	r->allocs = xcalloc(r->nallocs ? r->nallocs : 1, sizeof *r->allocs);
	json_array_foreach(al, i, a)
	{
		struct allocation *x = &r->allocs[i];
		const char *u, *ref;
		json_int_t amt, due;

		if (json_unpack(a, "{s:s, s:s, s:I, s:I!}", "item_uuid", &u,
		        "item_ref", &ref, "amount", &amt, "due_before",
		        &due) != 0 ||
		    strlen(u) >= sizeof x->item.uuid ||
		    strlen(ref) >= sizeof x->item.ref)
			return pd_fail(err, PD_EINVAL,
			    _("data: allocation %zu needs item_uuid, item_ref, "
			      "amount and due_before, and no other field"),
			    i + 1);
		xstrlcpy(x->item.uuid, u, sizeof x->item.uuid);
		xstrlcpy(x->item.ref, ref, sizeof x->item.ref);
		x->amount = (int64_t)amt;
		x->due_before = (int64_t)due;
	}
	return 0;
}

int
sync_head_str(json_t *o, const char *name, char *out, size_t size, int required,
    struct pd_err *err)
{
	json_t *v = json_object_get(o, name);
	const char *s;

	if (v == NULL) {
		if (required)
			return pd_fail(
			    err, PD_EINVAL, _("Field \"%s\" is missing"), name);
		return 0;
	}
	if (!json_is_string(v))
		return pd_fail(
		    err, PD_EINVAL, _("Field \"%s\" must be a string"), name);
	s = json_string_value(v);
	if (sync_check_text(name, s, size, 0, err) != 0)
		return -1;
	if (required && *s == '\0')
		return pd_fail(
		    err, PD_EINVAL, _("Field \"%s\" must not be empty"), name);
	xstrlcpy(out, s, size);
	return 0;
}

/* json_dump_callback's writer: the canonical text straight into the
 * digest, never held whole (what the walk leaves to jansson). */
static int
hash_chunk(const char *buf, size_t n, void *arg)
{
	sha256_update(arg, buf, n);
	return 0;
}

void
sync_record_hash(const json_t *o, char hash[65])
{
	struct sync_wbuf b = {NULL, 0, 0};
	struct sha256 s;
	uint8_t d[SHA256_LEN];
	int rc;

	/* the text written by the walk (canon.c), jansson's dump when it
	 * declines: the same bytes either way */
	if (sync_canon_write(&b, o) == 0) {
		sha256_hex(b.p, b.n, hash);
		free(b.p);
		return;
	}
	free(b.p);
	sha256_init(&s);
	rc = json_dump_callback(
	    o, hash_chunk, &s, JSON_COMPACT | JSON_SORT_KEYS);
	sha256_final(&s, d);
	if (rc != 0) { /* not an object: refused by its decode */
		hash[0] = '\0';
		return;
	}
	sha256_tohex(d, sizeof d, hash);
}

int
sync_decode_json(json_t *o, struct syncrec *r, int hash, struct pd_err *err)
{
	json_t *v, *d;
	char kind[32];
	int k;

	memset(r, 0, sizeof *r);
	if (!json_is_object(o))
		return pd_fail(err, PD_EINVAL, _("A record must be an object"));
	v = json_object_get(o, "v");
	if (v != NULL && !json_is_integer(v))
		return pd_fail(err, PD_EINVAL,
		    _("Field \"v\" (the protocol version) must be an "
		      "integer"));
	if (!json_is_integer(v))
		return pd_fail(err, PD_EINVAL,
		    _("Field \"v\" (the protocol version) is missing"));
	if (json_integer_value(v) != SYNC_PROTOCOL_VERSION)
		return pd_fail(err, PD_EINVAL,
		    _("Protocol version %lld is not supported (this node "
		      "speaks "
		      "%d)"),
		    (long long)json_integer_value(v), SYNC_PROTOCOL_VERSION);
	if (sync_head_str(o, "uuid", r->uuid, sizeof r->uuid, 1, err) ||
	    sync_head_str(o, "kind", kind, sizeof kind, 1, err) ||
	    sync_head_str(
	        o, "terminal", r->terminal, sizeof r->terminal, 1, err) ||
	    sync_head_str(o, "branch", r->branch, sizeof r->branch, 0, err) ||
	    sync_head_str(o, "at", r->at, sizeof r->at, 1, err) ||
	    sync_head_str(
	        o, "currency", r->currency, sizeof r->currency, 0, err))
		return -1;
	if (strlen(r->uuid) != 36)
		return pd_fail(
		    err, PD_EINVAL, _("\"%s\" is not a UUID"), r->uuid);
	if (sync_check_ts("At", r->at, err) != 0)
		return -1;
	if ((k = syncrec_kind_parse(kind)) < 0)
		return pd_fail(
		    err, PD_EINVAL, _("Unknown record kind \"%s\""), kind);
	r->kind = (enum syncrec_kind)k;
	if (sync_only_known(NULL, head_names, o, NULL, err) != 0)
		return -1;
	d = json_object_get(o, "data");
	if (sync_decode_fields(kinds[k].fields,
	        k == SR_PAYMENT       ? payment_extra
	        : k == SR_SHIFT_OPEN  ? shift_open_extra
	        : k == SR_SHIFT_CLOSE ? shift_close_extra
	        : k == SR_ARRANGEMENT ? arrangement_extra
	        : k == SR_DEPOSIT     ? deposit_extra
	        : k == SR_STATEMENT   ? statement_extra
	        : k == SR_STMT_MATCH  ? match_extra
	                              : NULL,
	        d, "data", r, err) != 0)
		return -1;
	if ((k == SR_SHIFT_OPEN || k == SR_SHIFT_CLOSE) &&
	    sync_shift_decode(d, r, err) != 0)
		return -1;
	if (k == SR_SHIFT_MOVE)
		xstrlcpy(r->mv.uuid, r->uuid, sizeof r->mv.uuid);
	if (k == SR_DEPOSIT && sync_dep_decode(d, r, err) != 0)
		return -1;
	if (k == SR_STATEMENT && sync_stmt_decode(d, r, err) != 0)
		return -1;
	if (k == SR_STMT_MATCH && sync_match_decode(d, r, err) != 0)
		return -1;
	if (k == SR_RECON_RESOLVE) {
		int e;

		for (e = 0; e < RECON_KINDS; e++)
			if (strcmp(r->exc_kind,
			        recon_kind_name((enum recon_kind)e)) == 0)
				break;
		if (e == RECON_KINDS)
			return pd_fail(err, PD_EINVAL,
			    _("data: exception \"%s\" is no kind of exception"),
			    r->exc_kind);
		r->res.e.kind = (enum recon_kind)e;
		xstrlcpy(r->res.uuid, r->uuid, sizeof r->res.uuid);
		xstrlcpy(r->res.at, r->at, sizeof r->res.at);
		xstrlcpy(r->res.by, r->by, sizeof r->res.by);
		xstrlcpy(r->res.terminal, r->terminal, sizeof r->res.terminal);
	}
	if (k == SR_ARRANGEMENT) {
		if (sync_arr_decode(d, r, err) != 0)
			return -1;
		if (arr_freq_parse(r->arr_freq) < 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: frequency \"%s\": weekly, fortnightly or "
			      "monthly"),
			    r->arr_freq);
		r->arr.freq = (enum arr_freq)arr_freq_parse(r->arr_freq);
		xstrlcpy(
		    r->arr.account_no, r->account_no, sizeof r->arr.account_no);
		xstrlcpy(r->arr.terminal, r->terminal, sizeof r->arr.terminal);
		xstrlcpy(r->arr.reason, r->reason, sizeof r->arr.reason);
	}
	if (r->kind == SR_PAYMENT) {
		if (decode_allocs(json_object_get(d, "allocations"), r, err))
			return -1;
		r->has_team = json_object_get(d, "team") != NULL;
		v = json_object_get(d, "credit_note");
		if (v != NULL && !json_is_null(v)) {
			if (sync_decode_fields(credit_fields, NULL, v,
			        "data.credit_note", r, err) != 0)
				return -1;
			r->has_cn = 1;
		}
		xstrlcpy(r->p.uuid, r->uuid, sizeof r->p.uuid);
		xstrlcpy(r->p.terminal, r->terminal, sizeof r->p.terminal);
		xstrlcpy(r->p.branch, r->branch, sizeof r->p.branch);
	} else if (r->kind == SR_CREDIT_NOTE) {
		if (strcmp(r->cn.uuid, r->uuid) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: uuid differs from the record's"));
	} else if (r->kind == SR_CREDIT_APPLY)
		xstrlcpy(r->ca.uuid, r->uuid, sizeof r->ca.uuid);
	else if (r->kind == SR_CONSUMER)
		xstrlcpy(r->c.uuid, r->uuid, sizeof r->c.uuid);
	else if (r->kind == SR_ITEM)
		xstrlcpy(r->it.uuid, r->uuid, sizeof r->it.uuid);
	if (r->has_cn || r->kind == SR_CREDIT_NOTE)
		xstrlcpy(r->cn.terminal, r->terminal, sizeof r->cn.terminal);
	if (hash)
		sync_record_hash(o, r->hash);
	return 0;
}

int
syncrec_decode(
    const char *json, size_t len, struct syncrec *r, struct pd_err *err)
{
	json_error_t je;
	json_t *o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	int rc;

	memset(r, 0, sizeof *r);
	if (o == NULL)
		return pd_fail(err, PD_EINVAL,
		    _("Malformed JSON at line %d: %s"), je.line, je.text);
	rc = sync_decode_json(o, r, 1, err);
	json_decref(o);
	if (rc != 0)
		syncrec_free(r);
	return rc;
}

void
syncrec_free(struct syncrec *r)
{
	sync_stmt_free(r);
	free(r->dlines);
	r->dlines = NULL;
	r->ndlines = 0;
	free(r->dcheques);
	r->dcheques = NULL;
	r->ndcheques = 0;
	free(r->allocs);
	r->allocs = NULL;
	r->nallocs = 0;
	free(r->counts);
	r->counts = NULL;
	r->ncounts = 0;
	free(r->tenders);
	r->tenders = NULL;
	r->ntenders = 0;
	free(r->moves);
	r->moves = NULL;
	r->nmoves = 0;
	free(r->insts);
	r->insts = NULL;
	r->ninsts = 0;
}
