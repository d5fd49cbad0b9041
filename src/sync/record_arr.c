/* record_arr.c - the arrays of an arrangement record (issue 21): the
 * debt an event moved and the installments it made, encoded and decoded
 * beside the field table of record.c. */
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* An arrangement event's moves and installments into d. */
void
sync_arr_json(const struct syncrec *r, json_t *d)
{
	json_t *mv = json_array(), *in = json_array();
	size_t i;

	for (i = 0; i < r->nmoves; i++)
		json_array_append_new(mv,
		    json_pack("{s:s, s:s, s:I}", "item_uuid",
		        r->moves[i].item_uuid, "item_ref", r->moves[i].item_ref,
		        "amount", (json_int_t)r->moves[i].amount));
	for (i = 0; i < r->ninsts; i++) {
		json_t *o = json_pack("{s:s, s:s, s:i, s:I, s:s}", "uuid",
		    r->insts[i].uuid, "ref", r->insts[i].ref, "inst_no",
		    r->insts[i].inst_no, "amount", (json_int_t)r->insts[i].amount,
		    "due_on", r->insts[i].due_on);

		/* the day it came into the organisation's books, where it
		 * was made (review R23b); none in a record of before it */
		if (r->insts[i].entered_on[0] != '\0')
			json_object_set_new(o, "entered_on",
			    json_string(r->insts[i].entered_on));
		json_array_append_new(in, o);
	}
	json_object_set_new(d, "moves", mv);
	json_object_set_new(d, "installments", in);
}

/* An arrangement event's moves (at most 10000) and installments (at
 * most ARR_INST_MAX + 1), each member typed and in bounds; whether they
 * agree with the plan is sync_check's. */
int
sync_arr_decode(json_t *d, struct syncrec *r, struct pd_err *err)
{
	json_t *mv = json_object_get(d, "moves"),
	       *in = json_object_get(d, "installments"), *a;
	size_t i;

	if (!json_is_array(mv) || !json_is_array(in))
		return pd_fail(err, PD_EINVAL,
		    _("data: \"moves\" and \"installments\" must be arrays"));
	r->nmoves = json_array_size(mv);
	r->ninsts = json_array_size(in);
	if (r->nmoves > 10000 || r->ninsts > ARR_INST_MAX + 1)
		return pd_fail(err, PD_EINVAL,
		    _("data: %zu moves and %zu installments; the limits are "
		      "10000 and %d"),
		    r->nmoves, r->ninsts, ARR_INST_MAX + 1);
	r->moves = xcalloc(r->nmoves ? r->nmoves : 1, sizeof *r->moves);
	r->insts = xcalloc(r->ninsts ? r->ninsts : 1, sizeof *r->insts);
	json_array_foreach(mv, i, a)
	{
		const char *u, *ref;
		json_int_t amt;

		if (json_unpack(a, "{s:s, s:s, s:I!}", "item_uuid", &u,
		        "item_ref", &ref, "amount", &amt) != 0 ||
		    strlen(u) != 36 ||
		    strlen(ref) >= sizeof r->moves[i].item_ref || amt == 0 ||
		    amt > MONEY_MAX || amt < -MONEY_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("data: move %zu needs item_uuid, item_ref and an "
			      "amount other than 0, and no other field"),
			    i + 1);
		xstrlcpy(
		    r->moves[i].item_uuid, u, sizeof r->moves[i].item_uuid);
		xstrlcpy(
		    r->moves[i].item_ref, ref, sizeof r->moves[i].item_ref);
		r->moves[i].amount = (int64_t)amt;
	}
	json_array_foreach(in, i, a)
	{
		struct item *it = &r->insts[i];
		const char *u, *ref, *due, *entered = NULL;
		json_int_t amt;
		int no;
		int32_t day;

		if (json_unpack(a, "{s:s, s:s, s:i, s:I, s:s, s?s!}", "uuid", &u,
		        "ref", &ref, "inst_no", &no, "amount", &amt, "due_on",
		        &due, "entered_on", &entered) != 0 ||
		    strlen(u) != 36 || strlen(ref) >= sizeof it->ref ||
		    no < 1 || no > 100000 || amt <= 0 || amt > MONEY_MAX ||
		    date_parse(due, "due_on", &day, NULL) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: installment %zu needs uuid, ref, inst_no, "
			      "a positive amount and due_on, and no other "
			      "field than entered_on"),
			    i + 1);
		if (entered != NULL &&
		    (strlen(entered) != 10 ||
		        date_parse(entered, NULL, &day, NULL) != 0))
			return pd_fail(err, PD_EINVAL,
			    _("data: installment %zu: entered_on \"%s\" is not "
			      "a YYYY-MM-DD date"),
			    i + 1, entered);
		if (entered != NULL)
			xstrlcpy(it->entered_on, entered, sizeof it->entered_on);
		it->kind = PAY_INSTALLMENT;
		xstrlcpy(it->uuid, u, sizeof it->uuid);
		xstrlcpy(it->ref, ref, sizeof it->ref);
		xstrlcpy(it->plan_no, r->arr.plan_no, sizeof it->plan_no);
		xstrlcpy(
		    it->issued_on, r->arr.created_on, sizeof it->issued_on);
		xstrlcpy(it->due_on, due, sizeof it->due_on);
		it->inst_no = no;
		it->amount = (int64_t)amt;
	}
	return 0;
}
