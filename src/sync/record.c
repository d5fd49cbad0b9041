/* record.c - JSON encoding of outbox records (protocol version 1). */
#include <stdlib.h>

#include <jansson.h>

#include "paydesk/syncrec.h"
#include "paydesk/xmalloc.h"

static json_t *
head(const struct syncrec_head *h, json_t *data)
{
	json_t *o = json_object();

	json_object_set_new(o, "v", json_integer(SYNC_PROTOCOL_VERSION));
	json_object_set_new(o, "kind", json_string(h->kind));
	json_object_set_new(o, "uuid", json_string(h->uuid));
	json_object_set_new(o, "terminal", json_string(h->terminal));
	json_object_set_new(o, "branch", json_string(h->branch));
	json_object_set_new(o, "at", json_string(h->at));
	json_object_set_new(o, "currency", json_string(h->currency));
	json_object_set_new(o, "data", data);
	return o;
}

static char *
finish(json_t *o)
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

static json_t *
credit_json(const struct credit_note *cn)
{
	return json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:b}",
	    "uuid", cn->uuid, "number", cn->cn_no, "amount",
	    (json_int_t)cn->amount, "reason", cn->reason, "remarks",
	    cn->remarks, "created_on", cn->created_on, "expires_on",
	    cn->expires_on, "created_by", cn->created_by, "automatic",
	    cn->automatic);
}

char *
syncrec_payment(const struct syncrec_head *h, const struct payment *p,
    const struct consumer *c, const struct allocation *a, size_t na,
    const struct credit_note *cn)
{
	json_t *d, *allocs = json_array();
	size_t i;

	for (i = 0; i < na; i++)
		json_array_append_new(
		    allocs, json_pack("{s:s, s:s, s:I, s:I}", "item_uuid",
		                a[i].item.uuid, "item_ref", a[i].item.ref,
		                "amount", (json_int_t)a[i].amount, "due_before",
		                (json_int_t)a[i].due_before));
	d = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, "
	              "s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:b, s:o}",
	    "payment_no", p->payment_no, "txn_no", p->txn_no, "receipt_no",
	    p->receipt_no, "consumer_uuid", c->uuid, "account_no",
	    c->account_no, "type", pay_type_name(p->type), "channel",
	    p->channel, "method", p->method, "method_kind",
	    method_kind_name(p->method_kind), "amount", (json_int_t)p->amount,
	    "tendered", (json_int_t)p->tendered, "change",
	    (json_int_t)p->change, "due_total", (json_int_t)p->due_total,
	    "overpaid", (json_int_t)p->overpaid, "paid_on", p->paid_on, "notes",
	    p->notes, "received_by", p->received_by, "status",
	    pay_status_name(p->status), "created_at", p->created_at, "verified",
	    p->verified, "allocations", allocs);
	if (cn != NULL) {
		json_t *j = credit_json(cn);

		json_object_set_new(j, "payment_uuid", json_string(p->uuid));
		json_object_set_new(d, "credit_note", j);
	}
	return finish(head(h, d));
}

char *
syncrec_void(const struct syncrec_head *h, const struct payment *p,
    const char *reason, const char *by)
{
	return finish(head(h, json_pack("{s:s, s:s, s:s, s:s}", "payment_uuid",
	                          p->uuid, "payment_no", p->payment_no,
	                          "reason", reason, "voided_by", by)));
}

char *
syncrec_verify(
    const struct syncrec_head *h, const struct payment *p, const char *by)
{
	return finish(
	    head(h, json_pack("{s:s, s:s, s:s}", "payment_uuid", p->uuid,
	                "payment_no", p->payment_no, "verified_by", by)));
}

char *
syncrec_credit_note(const struct syncrec_head *h, const struct credit_note *cn)
{
	json_t *j = credit_json(cn);

	json_object_set_new(j, "linked_receipt", json_string(cn->receipt_no));
	return finish(head(h, j));
}

char *
syncrec_credit_apply(const struct syncrec_head *h, const struct credit_note *cn,
    const struct credit_application *a, const char *item_ref)
{
	return finish(head(h,
	    json_pack("{s:s, s:s, s:s, s:I, s:s}", "credit_note_uuid", cn->uuid,
	        "credit_note_no", cn->cn_no, "item_ref", item_ref, "amount",
	        (json_int_t)a->amount, "applied_on", a->applied_on)));
}
