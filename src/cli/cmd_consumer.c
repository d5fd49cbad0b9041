/* cmd_consumer.c - consumer search and consumer show. */
#include <stdio.h>
#include <stdlib.h>

#include "opts.h"

int
cmd_consumer_search(struct cli *c, int argc, char **argv)
{
	const char *limit = NULL;
	struct opt o[] = {{"limit", 0, &limit}, {NULL, 0, NULL}};
	static const struct xcol cols[] = {
	    {N_("ACCOUNT"), "account_no", X_ID, 10, 0},
	    {N_("NAME"), "name", X_TEXT, 24, 0},
	    {N_("PHONE"), "phone", X_ID, 15, 0},
	    {N_("ADDRESS"), "service_address", X_TEXT, 0, 0},
	};
	struct consumer *found;
	struct table *t;
	size_t n, i, lim = 20;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0 ||
	    (limit && cli_limit(c, limit, &lim) != 0) ||
	    cli_personal_data(c) != 0)
		return -1;
	found = svc_consumer_search(
	    &c->svc, pos[0], lim ? lim : 1000000, &n, &c->err);
	if (found == NULL)
		return -1;
	t = table_new(c, cols, 4);
	for (i = 0; i < n; i++) {
		table_str(t, found[i].account_no);
		table_str(t, found[i].name);
		table_str(t, found[i].phone);
		table_str(t, found[i].address);
		table_row(t);
	}
	table_end(t);
	free(found);
	return 0;
}

/* The consumer's gateway payments beside its counter payments (issue
 * 19): only when it has some, so that the view of every other consumer
 * stays as it was. */
static void
gateway_payments(struct rec *r, const struct consumer_view *v)
{
	size_t i;

	rec_list(r,
	    _("Gateway payments (gateway, code, status, amount, paid, "
	      "settlement, payment)"),
	    "gateway_payments");
	for (i = 0; i < v->ngw; i++) {
		const struct gw_payment *g = &v->gw[i];

		rec_item(r);
		rec_str(r, _("Gateway"), "gateway", g->gateway);
		rec_str(r, _("Code"), "code", g->code);
		rec_term(r, _("Status"), "status", gw_status_name(g->status));
		rec_money(r, _("Amount"), "amount", g->amount);
		rec_time(r, _("Paid"), "paid_at", g->paid_at);
		rec_str(r, _("Settlement status"), "settlement_status",
		    g->settlement_status);
		if (g->processing_tenths >= 0)
			rec_tenths(r, _("Processing time"), "processing_days",
			    g->processing_tenths, _(" days"));
		rec_str(r, _("Payment"), "payment_no", g->payment_no);
		rec_end(r);
	}
	rec_end(r);
}

int
cmd_consumer_show(struct cli *c, int argc, char **argv)
{
	struct consumer_view v;
	struct rec *r;
	char **pos;
	int npos;
	size_t i;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    cli_personal_data(c) != 0 ||
	    svc_consumer_show(&c->svc, pos[0], &v, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_section(r, _("Consumer"), "consumer");
	rec_str(r, _("Name"), "name", v.c.name);
	rec_str(r, _("Account number"), "account_no", v.c.account_no);
	rec_str(r, _("Service address"), "service_address", v.c.address);
	rec_str(r, _("Phone"), "phone", v.c.phone);
	rec_str(r, _("Email"), "email", v.c.email);
	rec_str(r, _("Segment"), "segment", v.c.segment);
	rec_end(r);
	rec_section(r, _("Balance"), "balance");
	rec_money(
	    r, _("Current balance (to date)"), "current_balance", v.b.due_now);
	rec_money(
	    r, _("Total outstanding"), "total_outstanding", v.b.open_total);
	rec_int(r, _("Open items"), "open_items", v.b.open_items);
	rec_money(r, _("Available credit"), "available_credit", v.b.credit);
	rec_end(r);
	rec_list(r,
	    _("Open items (type, reference, period or description, "
	      "amount, outstanding, due)"),
	    "open_items");
	for (i = 0; i < v.nitems; i++) {
		const struct item *it = &v.items[i];
		char what[160], shown[160];

		rec_item(r);
		rec_term(r, _("Type"), "type", pay_type_name(it->kind));
		rec_str(r, _("Reference"), "ref", it->ref);
		if (it->kind == PAY_BILL)
			snprintf(what, sizeof what, "%s", it->period);
		/* a period stored YYYY-MM in the reader's language; JSON
		 * keeps it as stored */
		else if (it->kind == PAY_SERVICE)
			snprintf(what, sizeof what, "%s", it->description);
		else
			snprintf(what, sizeof what, "plan %s #%d", it->plan_no,
			    it->inst_no);
		if (it->kind == PAY_INSTALLMENT)
			snprintf(shown, sizeof shown, _("plan %s #%d"),
			    it->plan_no, it->inst_no);
		else if (it->kind == PAY_BILL)
			svc_period(&c->svc, shown, sizeof shown, it->period);
		else
			snprintf(shown, sizeof shown, "%s", what);
		rec_shown(r, _("Description"), "description", what, shown);
		rec_money(r, _("Amount"), "amount", it->amount);
		rec_money(r, _("Outstanding"), "outstanding",
		    it->amount - it->settled);
		rec_date(r, _("Due"), "due_on", it->due_on);
		rec_end(r);
	}
	rec_end(r);
	if (v.ngw > 0)
		gateway_payments(r, &v);
	rec_print(r);
	svc_consumer_view_free(&v);
	return 0;
}
