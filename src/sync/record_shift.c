/* record_shift.c - the arrays of a cash shift's records (issue 20): the
 * count lines of its open and close and the tenders of its close,
 * encoded and decoded beside the field table of record.c. */
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

/* The most count lines and tenders a shift record carries. */
#define SHIFT_REC_COUNTS_MAX 1000
#define SHIFT_REC_TENDERS_MAX 64

/* A shift record's count lines and tenders. */
void
sync_shift_json(const struct syncrec *r, json_t *d)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < r->ncounts; i++) {
		const struct shift_count *c = &r->counts[i];

		json_array_append_new(
		    a, json_pack("{s:s, s:s, s:I, s:I, s:I, s:s}", "method",
		           c->method, "kind", shift_count_kind_name(c->kind),
		           "denomination", (json_int_t)c->denomination, "qty",
		           (json_int_t)c->qty, "amount", (json_int_t)c->amount,
		           "ref", c->ref));
	}
	json_object_set_new(d, "counts", a);
	if (r->kind != SR_SHIFT_CLOSE)
		return;
	a = json_array();
	for (i = 0; i < r->ntenders; i++) {
		const struct shift_tender *t = &r->tenders[i];

		json_t *o =
		    json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:s, s:s}",
		        "method", t->method, "payments",
		        (json_int_t)t->npayments, "taken", (json_int_t)t->taken,
		        "expected", (json_int_t)t->expected, "counted",
		        (json_int_t)t->counted, "over_short",
		        (json_int_t)t->over_short, "reason", t->reason,
		        "approved_by", t->approved_by);

		/* counted again after its over or short was shown: the
		 * first count shown (a close without one reads as before) */
		if (t->recounted)
			json_object_set_new(o, "first_counted",
			    json_integer((json_int_t)t->first_counted));
		/* a cheque method's cheques listed and taken that differ
		 * (a close without any reads as before) */
		if (t->unmatched[0] != '\0')
			json_object_set_new(
			    o, "cheques_unmatched", json_string(t->unmatched));
		json_array_append_new(a, o);
	}
	json_object_set_new(d, "tenders", a);
	/* open too long or across midnight, as the close found it (review
	 * R20, fault 7); none of a close made before it was kept */
	if (r->sh.flagged >= 0)
		json_object_set_new(d, "flagged", json_boolean(r->sh.flagged));
	/* closed by force, nothing counted (s72 fault d): the reason; a
	 * close that counted reads as before */
	if (r->sh.forced_reason[0] != '\0')
		json_object_set_new(
		    d, "forced_reason", json_string(r->sh.forced_reason));
}

/* A text of a shift record's array entry, checked like a field. */
static int
shift_text(const char *what, size_t i, const char *v, char *out, size_t size,
    struct pd_err *err)
{
	if (sync_check_text(what, v, size, 0, err) != 0) {
		pd_err_prefix(err, _("data: line %zu: "), i + 1);
		return -1;
	}
	xstrlcpy(out, v, size);
	return 0;
}

static int
decode_counts(json_t *a, struct syncrec *r, struct pd_err *err)
{
	size_t i;
	json_t *e;

	if (!json_is_array(a) || json_array_size(a) > SHIFT_REC_COUNTS_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("data: \"counts\" must be an array of at most %d lines"),
		    SHIFT_REC_COUNTS_MAX);
	r->ncounts = json_array_size(a);
	r->counts = xcalloc(r->ncounts ? r->ncounts : 1, sizeof *r->counts);
	json_array_foreach(a, i, e)
	{
		struct shift_count *c = &r->counts[i];
		const char *m, *k, *ref;
		json_int_t d, q, amt;
		int j;

		if (json_unpack(e, "{s:s, s:s, s:I, s:I, s:I, s:s!}", "method",
		        &m, "kind", &k, "denomination", &d, "qty", &q, "amount",
		        &amt, "ref", &ref) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: count line %zu needs method, kind, "
			      "denomination, qty, amount and ref, and no other "
			      "field"),
			    i + 1);
		for (j = 0; j <= SHIFT_COUNT_TOTAL; j++)
			if (strcmp(k, shift_count_kind_name(
			                  (enum shift_count_kind)j)) == 0)
				break;
		if (j > SHIFT_COUNT_TOTAL)
			return pd_fail(err, PD_EINVAL,
			    _("data: count line %zu: unknown kind"), i + 1);
		c->kind = (enum shift_count_kind)j;
		c->denomination = (int64_t)d;
		c->qty = (int64_t)q;
		c->amount = (int64_t)amt;
		if (shift_text("method", i, m, c->method, sizeof c->method,
		        err) != 0 ||
		    shift_text("ref", i, ref, c->ref, sizeof c->ref, err) != 0)
			return -1;
	}
	return 0;
}

static int
decode_tenders(json_t *a, struct syncrec *r, struct pd_err *err)
{
	size_t i;
	json_t *e;

	if (!json_is_array(a) || json_array_size(a) > SHIFT_REC_TENDERS_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("data: \"tenders\" must be an array of at most %d "
		      "tenders"),
		    SHIFT_REC_TENDERS_MAX);
	r->ntenders = json_array_size(a);
	r->tenders = xcalloc(r->ntenders ? r->ntenders : 1, sizeof *r->tenders);
	json_array_foreach(a, i, e)
	{
		struct shift_tender *t = &r->tenders[i];
		const char *m, *why, *by, *um = NULL;
		json_int_t n, tk, ex, co, os, first = -1;

		if (json_unpack(e,
		        "{s:s, s:I, s:I, s:I, s:I, s:I, s:s, s:s, s?I, s?s!}",
		        "method", &m, "payments", &n, "taken", &tk, "expected",
		        &ex, "counted", &co, "over_short", &os, "reason", &why,
		        "approved_by", &by, "first_counted", &first,
		        "cheques_unmatched", &um) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: tender %zu needs method, payments, taken, "
			      "expected, counted, over_short, reason and "
			      "approved_by, may have first_counted and "
			      "cheques_unmatched, and no other field"),
			    i + 1);
		if (um != NULL && utf8_blank(um))
			return pd_fail(err, PD_EINVAL,
			    _("data: tender %zu: cheques_unmatched, when "
			      "given, says which cheques differ: it is not "
			      "empty"),
			    i + 1);
		/* (other than counted but for a cheque method's: the
		 * service's check, which knows the methods) */
		if (json_object_get(e, "first_counted") != NULL && first < 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: tender %zu: first_counted must be the "
			      "first count shown, 0 or more"),
			    i + 1);
		t->recounted = first >= 0;
		t->first_counted = first >= 0 ? (int64_t)first : (int64_t)co;
		t->npayments = (int64_t)n;
		t->taken = (int64_t)tk;
		t->expected = (int64_t)ex;
		t->counted = (int64_t)co;
		t->over_short = (int64_t)os;
		if (shift_text("method", i, m, t->method, sizeof t->method,
		        err) != 0 ||
		    shift_text("reason", i, why, t->reason, sizeof t->reason,
		        err) != 0 ||
		    shift_text("approved_by", i, by, t->approved_by,
		        sizeof t->approved_by, err) != 0 ||
		    (um != NULL &&
		        shift_text("cheques_unmatched", i, um, t->unmatched,
		            sizeof t->unmatched, err) != 0))
			return -1;
	}
	return 0;
}

/* The arrays of a shift_open or shift_close, required. */
int
sync_shift_decode(json_t *d, struct syncrec *r, struct pd_err *err)
{
	json_t *v = json_object_get(d, "counts");

	if (v == NULL)
		return pd_fail(
		    err, PD_EINVAL, _("data: field \"counts\" is missing"));
	if (decode_counts(v, r, err) != 0)
		return -1;
	if (r->kind == SR_SHIFT_OPEN) {
		xstrlcpy(r->sh.uuid, r->uuid, sizeof r->sh.uuid);
		xstrlcpy(r->sh.terminal, r->terminal, sizeof r->sh.terminal);
		return 0;
	}
	v = json_object_get(d, "tenders");
	if (v == NULL)
		return pd_fail(
		    err, PD_EINVAL, _("data: field \"tenders\" is missing"));
	xstrlcpy(r->sh.uuid, r->shift_uuid, sizeof r->sh.uuid);
	if (decode_tenders(v, r, err) != 0)
		return -1;
	/* the flag the close kept; none (an older terminal's): -1, read
	 * from the shift's times */
	v = json_object_get(d, "flagged");
	if (v != NULL && !json_is_boolean(v))
		return pd_fail(err, PD_EINVAL,
		    _("Field \"%s\" must be true or false"), "flagged");
	r->sh.flagged = v == NULL ? -1 : json_is_true(v);
	/* closed by force: its reason, text; the terminal that closed it
	 * the record's */
	v = json_object_get(d, "forced_reason");
	if (v == NULL)
		return 0;
	if (!json_is_string(v) || json_string_value(v)[0] == '\0' ||
	    sync_check_text("forced_reason", json_string_value(v),
	        sizeof r->sh.forced_reason, 1, err) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"%s\" must be a reason: text of at most %d "
		      "bytes"),
		    "forced_reason", (int)sizeof r->sh.forced_reason - 1);
	xstrlcpy(r->sh.forced_reason, json_string_value(v),
	    sizeof r->sh.forced_reason);
	xstrlcpy(r->sh.forced_on, r->terminal, sizeof r->sh.forced_on);
	return 0;
}
