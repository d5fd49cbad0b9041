/* record_dep.c - the lines of a bank deposit's record (issue 20): each
 * shift's tender it takes, encoded and decoded beside the field table
 * of record.c. */
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

void
sync_dep_json(const struct syncrec *r, json_t *d)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < r->ndlines; i++) {
		const struct deposit_line *l = &r->dlines[i];

		json_array_append_new(a,
		    json_pack("{s:s, s:s, s:I}", "shift_uuid", l->shift_uuid,
		        "method", l->method, "amount", (json_int_t)l->amount));
	}
	json_object_set_new(d, "lines", a);
	/* the cheques by number (issue 20); none: an older terminal's
	 * record, whose cheque lines take all the shift's */
	if (r->ndcheques == 0)
		return;
	a = json_array();
	for (i = 0; i < r->ndcheques; i++) {
		const struct deposit_cheque *c = &r->dcheques[i];

		json_array_append_new(
		    a, json_pack("{s:s, s:s, s:s, s:I}", "shift_uuid",
		           c->shift_uuid, "method", c->method, "number",
		           c->number, "amount", (json_int_t)c->amount));
	}
	json_object_set_new(d, "cheques", a);
}

static int
line_text(const char *what, size_t i, const char *v, char *out, size_t size,
    struct pd_err *err)
{
	if (sync_check_text(what, v, size, 0, err) != 0) {
		pd_err_prefix(err, _("data: line %zu: "), i + 1);
		return -1;
	}
	xstrlcpy(out, v, size);
	return 0;
}

/* The record's "cheques": absent or an array of at most
 * DEPOSIT_CHEQUES_MAX, each its shift, method, number and amount; a
 * void's none. */
static int
cheques_decode(json_t *d, struct syncrec *r, int create, struct pd_err *err)
{
	json_t *a = json_object_get(d, "cheques"), *e;
	size_t i;

	if (a == NULL)
		return 0;
	if (!json_is_array(a) || json_array_size(a) > DEPOSIT_CHEQUES_MAX ||
	    (!create && json_array_size(a) > 0))
		return pd_fail(err, PD_EINVAL,
		    create ? _("data: \"cheques\" must be an array of at most "
		               "%d cheques")
		           : _("data: a void's or a hand's \"cheques\" must be "
		               "empty (%d)"),
		    create ? DEPOSIT_CHEQUES_MAX : 0);
	r->ndcheques = json_array_size(a);
	r->dcheques =
	    xcalloc(r->ndcheques ? r->ndcheques : 1, sizeof *r->dcheques);
	json_array_foreach(a, i, e)
	{
		struct deposit_cheque *c = &r->dcheques[i];
		const char *sh, *m, *no;
		json_int_t amt;

		if (json_unpack(e, "{s:s, s:s, s:s, s:I!}", "shift_uuid", &sh,
		        "method", &m, "number", &no, "amount", &amt) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: deposit cheque %zu needs shift_uuid, "
			      "method, number and amount, and no other field"),
			    i + 1);
		c->amount = (int64_t)amt;
		if (line_text("shift_uuid", i, sh, c->shift_uuid,
		        sizeof c->shift_uuid, err) != 0 ||
		    line_text("method", i, m, c->method, sizeof c->method,
		        err) != 0 ||
		    line_text(
		        "number", i, no, c->number, sizeof c->number, err) != 0)
			return -1;
		/* "" a cheque the close listed with no number (taken with
		 * none: a method whose number is optional, an older
		 * terminal's), deposited like any other (s72 h11 fault 1):
		 * the central node finds it among the close's counts */
	}
	return 0;
}

int
sync_dep_decode(json_t *d, struct syncrec *r, struct pd_err *err)
{
	json_t *a = json_object_get(d, "lines"), *e;
	int create = strcmp(r->op, "create") == 0;
	size_t i, max = create ? DEPOSIT_LINES_MAX : 0;

	/* made (prepared), handed to the bank, or voided */
	if (!create && strcmp(r->op, "void") != 0 && strcmp(r->op, "hand") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("data: op \"%s\": create, hand or void"), r->op);
	if (!json_is_array(a) || json_array_size(a) > max ||
	    (create && json_array_size(a) == 0))
		return pd_fail(err, PD_EINVAL,
		    create ? _("data: \"lines\" must be an array of 1 to %zu "
		               "lines")
		           : _("data: a void's or a hand's \"lines\" must be "
		               "empty (%zu)"),
		    max);
	r->ndlines = json_array_size(a);
	r->dlines = xcalloc(r->ndlines ? r->ndlines : 1, sizeof *r->dlines);
	json_array_foreach(a, i, e)
	{
		struct deposit_line *l = &r->dlines[i];
		const char *sh, *m;
		json_int_t amt;

		if (json_unpack(e, "{s:s, s:s, s:I!}", "shift_uuid", &sh,
		        "method", &m, "amount", &amt) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("data: deposit line %zu needs shift_uuid, method "
			      "and amount, and no other field"),
			    i + 1);
		l->amount = (int64_t)amt;
		if (line_text("shift_uuid", i, sh, l->shift_uuid,
		        sizeof l->shift_uuid, err) != 0 ||
		    line_text("method", i, m, l->method, sizeof l->method,
		        err) != 0)
			return -1;
	}
	if (cheques_decode(d, r, create, err) != 0)
		return -1;
	if (create && strcmp(r->dep.uuid, r->uuid) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("data: deposit_uuid differs from the record's"));
	return 0;
}
