/* record_stmt.c - a bank statement's lines in its sync record, and what a
 * statement match names (issue 20), beside the field tables of record.c.
 * A statement's lines come in parts of at most SYNC_STMT_LINES, each
 * part its own record with the statement's header and first_line. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

/* The longest reference, counterparty, text or bank id a line carries
 * (bytes): the decoders keep what the bank sent, far below this. */
#define STMT_TEXT_MAX 2048
/* Lines of one statement at most (the bench's 100,000 and far more). */
#define STMT_LINES_TOTAL_MAX 10000000
/* The largest amount of a line, minor units (as a shift's). */
#define STMT_AMOUNT_MAX INT64_C(100000000000000)

/* s as a JSON string; text that is not printable UTF-8 (a bank file's
 * bytes are what the bank sent) goes escaped rather than stop the sync. */
static json_t *
text_json(const char *s)
{
	json_t *v = NULL;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			break;
	if (*p == '\0' && utf8_valid(s, strlen(s)))
		v = json_string(s);
	if (v == NULL) {
		char *e = utf8_printable(s);

		v = json_string(e);
		free(e);
	}
	return v;
}

void
sync_stmt_json(const struct syncrec *r, json_t *d)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < r->nslines; i++) {
		const struct statement_line *l = &r->slines[i];
		json_t *o = json_object();

		json_object_set_new(o, "seq", json_integer(l->seq));
		json_object_set_new(o, "booking", json_string(l->booking));
		json_object_set_new(o, "value", json_string(l->value));
		json_object_set_new(
		    o, "amount", json_integer((json_int_t)l->amount));
		json_object_set_new(o, "reference", text_json(l->reference));
		json_object_set_new(
		    o, "counterparty", text_json(l->counterparty));
		json_object_set_new(o, "text", text_json(l->text));
		json_object_set_new(o, "bank_id", text_json(l->bank_id));
		json_object_set_new(o, "reversal", json_boolean(l->reversal));
		/* the central node's word on which copy is live (review
		 * R20c): 0, or the line it duplicates there */
		if (l->said) {
			json_object_set_new(
			    o, "dup_seq", json_integer(l->dup_seq));
			if (l->dup_seq > 0)
				json_object_set_new(
				    o, "dup_key", text_json(l->dup_key));
		}
		json_array_append_new(a, o);
	}
	json_object_set_new(d, "lines", a);
}

static int
line_str(size_t i, const char *what, const char *v, char **out,
    struct pd_err *err)
{
	if (sync_check_text(what, v, STMT_TEXT_MAX + 1, 0, err) != 0) {
		pd_err_prefix(err, _("data: line %zu: "), i + 1);
		return -1;
	}
	*out = xstrdup(v);
	return 0;
}

static int
line_date(size_t i, const char *what, const char *v, int empty, char *out,
    struct pd_err *err)
{
	int32_t d;

	if ((*v != '\0' || !empty) &&
	    (strlen(v) != 10 || date_parse(v, NULL, &d, NULL) != 0))
		return pd_fail(err, PD_EINVAL,
		    _("data: line %zu: %s \"%s\" is not a YYYY-MM-DD date"),
		    i + 1, what, v);
	xstrlcpy(out, v, 11);
	return 0;
}

/* Line i's dup_seq and dup_key (the central node's word on which copy of
 * a bank line is live, review R20c): both absent, dup_seq 0 alone, or a
 * line from 1 and the key of the statement it is in ("id:" or
 * "sha256:", at most 79 bytes). */
static int
dline(size_t i, json_t *dseq, const char *dkey, struct statement_line *l,
    struct pd_err *err)
{
	json_int_t v;

	if (dseq == NULL && dkey == NULL)
		return 0;
	v = json_is_integer(dseq) ? json_integer_value(dseq) : -1;
	if (v < 0 || v > STMT_LINES_TOTAL_MAX || (v == 0) != (dkey == NULL) ||
	    (dkey != NULL &&
	        (strlen(dkey) >= sizeof l->dup_key ||
	            (strncmp(dkey, "id:", 3) != 0 &&
	                strncmp(dkey, "sha256:", 7) != 0))))
		return pd_fail(err, PD_EINVAL,
		    _("data: line %zu: dup_seq is 0 (the line is live), or "
		      "the line it duplicates with dup_key, its statement's "
		      "key"),
		    i + 1);
	l->said = 1;
	l->dup_seq = (int)v;
	xstrlcpy(l->dup_key, dkey ? dkey : "", sizeof l->dup_key);
	return 0;
}

/* Entry i of "lines" into l (its strings allocated as they are read). */
static int
decode_line(json_t *e, size_t i, int64_t seq, struct statement_line *l,
    struct pd_err *err)
{
	const char *bk, *val, *ref, *cp, *tx, *bid, *dkey = NULL;
	json_t *dseq = NULL;
	json_int_t sq, amt;
	int rev;

	if (json_unpack(e,
	        "{s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:s, s:b, s?o, s?s!}",
	        "seq", &sq, "booking", &bk, "value", &val, "amount", &amt,
	        "reference", &ref, "counterparty", &cp, "text", &tx, "bank_id",
	        &bid, "reversal", &rev, "dup_seq", &dseq, "dup_key",
	        &dkey) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("data: statement line %zu needs seq, booking, value, "
		      "amount, reference, counterparty, text, bank_id and "
		      "reversal, and no other field"),
		    i + 1);
	if (dline(i, dseq, dkey, l, err) != 0)
		return -1;
	if ((int64_t)sq != seq)
		return pd_fail(err, PD_EINVAL,
		    _("data: line %zu has seq %lld; it must be %lld (the "
		      "lines in order from first_line)"),
		    i + 1, (long long)sq, (long long)seq);
	l->seq = (int)sq;
	l->amount = (int64_t)amt;
	l->reversal = rev;
	if (l->amount == 0 || l->amount > STMT_AMOUNT_MAX ||
	    l->amount < -STMT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("data: line %zu: amount %lld is zero or beyond %lld "
		      "minor units"),
		    i + 1, (long long)l->amount, (long long)STMT_AMOUNT_MAX);
	return line_date(i, "booking", bk, 0, l->booking, err) ||
	               line_date(i, "value", val, 1, l->value, err) ||
	               line_str(i, "reference", ref, &l->reference, err) ||
	               line_str(i, "counterparty", cp, &l->counterparty, err) ||
	               line_str(i, "text", tx, &l->text, err) ||
	               line_str(i, "bank_id", bid, &l->bank_id, err)
	           ? -1
	           : 0;
}

int
sync_stmt_decode(json_t *d, struct syncrec *r, struct pd_err *err)
{
	json_t *a = json_object_get(d, "lines"), *e;
	const struct statement *st = &r->stmt;
	size_t i;

	if (st->nlines < 0 || st->nlines > STMT_LINES_TOTAL_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("data: line_count %lld is not between 0 and %d"),
		    (long long)st->nlines, STMT_LINES_TOTAL_MAX);
	/* a statement of no lines (a camt.053 of a day of no movement):
	 * one record, its header, no lines and no totals */
	if (st->nlines == 0) {
		if (r->stmt_first != 1 || !json_is_array(a) ||
		    json_array_size(a) != 0 || st->credits != 0 ||
		    st->debits != 0 || st->ndup != 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: a statement of no lines has first_line "
			      "1, \"lines\" empty and no credits, debits or "
			      "dup_count"));
		return 0;
	}
	if (r->stmt_first < 1 || r->stmt_first > st->nlines)
		return pd_fail(err, PD_EINVAL,
		    _("data: first_line %lld is not a line of the statement's "
		      "%lld"),
		    (long long)r->stmt_first, (long long)st->nlines);
	if (st->credits < 0 || st->debits > 0 || st->ndup < 0 ||
	    st->ndup > st->nlines)
		return pd_fail(err, PD_EINVAL,
		    _("data: credits must be 0 or more, debits 0 or less, "
		      "dup_count between 0 and line_count"));
	if (!json_is_array(a) || json_array_size(a) == 0 ||
	    json_array_size(a) > SYNC_STMT_LINES ||
	    r->stmt_first - 1 + (int64_t)json_array_size(a) > st->nlines)
		return pd_fail(err, PD_EINVAL,
		    _("data: \"lines\" must be an array of 1 to %d lines, "
		      "within line_count"),
		    SYNC_STMT_LINES);
	r->nslines = json_array_size(a);
	r->slines = xcalloc(r->nslines, sizeof *r->slines);
	json_array_foreach(a, i, e)
	{
		if (decode_line(e, i, r->stmt_first + (int64_t)i,
		        &r->slines[i], err) != 0)
			return -1;
		if (r->slines[i].dup_seq > 0 &&
		    strcmp(r->slines[i].dup_key, st->stmt_key) == 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: line %zu: a line duplicates a line of "
			      "another statement, not of its own"),
			    i + 1);
	}
	return 0;
}

void
sync_match_json(const struct syncrec *r, json_t *d)
{
	json_t *a;
	size_t i;

	if (r->card_terminal[0] == '\0')
		return;
	a = json_array();
	for (i = 0; i < r->ncard_payments; i++)
		json_array_append_new(a, json_string(r->card_payments[i]));
	json_object_set_new(d, "payments", a);
}

static int
uuid_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* A card match's "payments": card_count uuids, each once. */
static int
decode_card_payments(json_t *d, struct syncrec *r, struct pd_err *err)
{
	json_t *a = json_object_get(d, "payments"), *e;
	size_t i;

	if (!json_is_array(a) || json_array_size(a) != (size_t)r->card_count)
		return pd_fail(err, PD_EINVAL,
		    _("data: \"payments\" must be an array of the card_count "
		      "card payments' uuids"));
	r->ncard_payments = json_array_size(a);
	r->card_payments = xcalloc(r->ncard_payments, sizeof *r->card_payments);
	json_array_foreach(a, i, e)
	{
		const char *u = json_string_value(e);

		if (u == NULL || strlen(u) != 36 ||
		    strspn(u, "0123456789abcdef-") != 36)
			return pd_fail(err, PD_EINVAL,
			    _("data: payment %zu of \"payments\" is not a "
			      "uuid"),
			    i + 1);
		memcpy(r->card_payments[i], u, 37);
	}
	{
		char(*v)[37] = xcalloc(r->ncard_payments, sizeof *v);

		memcpy(v, r->card_payments, r->ncard_payments * sizeof *v);
		qsort(v, r->ncard_payments, sizeof *v, uuid_cmp);
		for (i = 1; i < r->ncard_payments; i++)
			if (strcmp(v[i - 1], v[i]) == 0)
				break;
		free(v);
		if (i < r->ncard_payments)
			return pd_fail(err, PD_EINVAL,
			    _("data: \"payments\" names a payment twice"));
	}
	return 0;
}

int
sync_match_decode(json_t *d, struct syncrec *r, struct pd_err *err)
{
	int dep = r->dep.uuid[0] != '\0', gw = r->gp.code[0] != '\0';
	int po = r->gp.payout[0] != '\0';
	int pay = r->payment_uuid[0] != '\0',
	    card = r->card_terminal[0] != '\0';
	int match = strcmp(r->op, "match") == 0;
	const char *rule = dep   ? "auto"
	                   : gw  ? "gateway"
	                   : po  ? "payout"
	                   : pay ? "transfer"
	                         : "card";
	int32_t day;

	if (!match && strcmp(r->op, "unmatch") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("data: op \"%s\": match or unmatch"), r->op);
	if (dep + gw + po + pay + card != 1 ||
	    ((gw || po) && r->gp.gateway[0] == '\0'))
		return pd_fail(err, PD_EINVAL,
		    _("data: a match names one deposit (deposit_uuid), one "
		      "gateway payment (gateway and code), one gateway payout "
		      "(gateway and payout), one bank transfer (payment_uuid) "
		      "or one terminal's day of card payments "
		      "(card_terminal)"));
	if (strcmp(r->match_rule, rule) != 0 &&
	    (!dep || strcmp(r->match_rule, "manual") != 0))
		return pd_fail(err, PD_EINVAL,
		    _("data: rule \"%s\": auto or manual for a deposit, "
		      "gateway for a gateway payment, payout for a gateway "
		      "payout, transfer for a bank transfer, card for card "
		      "payments"),
		    r->match_rule);
	if (card && (strlen(r->card_day) != 10 ||
	                date_parse(r->card_day, NULL, &day, NULL) != 0 ||
	                r->card_count < 1 || r->card_count > 10000000 ||
	                r->card_gross < 1 || r->card_gross > STMT_AMOUNT_MAX))
		return pd_fail(err, PD_EINVAL,
		    _("data: card payments name their day (card_day, "
		      "YYYY-MM-DD), how many (card_count, 1 or more) and their "
		      "total (card_gross, more than 0)"));
	if (card && decode_card_payments(d, r, err) != 0)
		return -1;
	if (!card && (r->card_day[0] != '\0' || r->card_count != 0 ||
	                 r->card_gross != 0 ||
	                 json_object_get(d, "payments") != NULL))
		return pd_fail(err, PD_EINVAL,
		    _("data: card_day, card_count, card_gross and payments "
		      "belong to a match of card payments (card_terminal)"));
	if (r->stmt_first < 1 || r->stmt_first > STMT_LINES_TOTAL_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("data: line %lld is not a statement line's number"),
		    (long long)r->stmt_first);
	return 0;
}

void
sync_stmt_free(struct syncrec *r)
{
	size_t i;

	for (i = 0; i < r->nslines; i++) {
		free(r->slines[i].reference);
		free(r->slines[i].counterparty);
		free(r->slines[i].text);
		free(r->slines[i].bank_id);
	}
	free(r->slines);
	r->slines = NULL;
	r->nslines = 0;
	free(r->card_payments);
	r->card_payments = NULL;
	r->ncard_payments = 0;
}
