/* cmd_gateway.c - gateway list|associate|disassociate: the payments
 * gateways reported to the central node, as this terminal pulled them,
 * and a supervisor's association of one with a consumer (issue 19, seed
 * 004). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

/* The words of a gateway payment's status and of its association here,
 * as stored (X_TERM: shown translated). */
static const char *const gw_terms[] = {N_("succeeded"), N_("failed"),
    N_("refunded"), N_("disputed"), N_("waiting"), N_("refused")};

/* `gateway list [--unassociated] [--search TEXT]` */
int
cmd_gateway_list(struct cli *c, int argc, char **argv)
{
	static const struct xcol cols[] = {
	    {N_("#"), "id", X_NUMBER, 3, 0},
	    {N_("Gateway"), "gateway", X_ID, 8, 0},
	    {N_("Code"), "code", X_ID, 12, 0},
	    {N_("Account"), "account_no", X_ID, 10, 0},
	    {N_("Phone"), "phone", X_ID, 12, 0},
	    {N_("Amount"), "amount", X_MONEY, 11, 0},
	    {N_("Date paid"), "paid_on", X_DATE, 10, 0},
	    {N_("Status"), "status", X_TERM, 9, 0},
	    {N_("Candidates"), "candidates", X_TEXT, 20, 0},
	    {NC_("column", "Sync"), "sync", X_TERM, 8, 0},
	};
	const char *unassoc = NULL, *search = NULL;
	struct opt o[] = {{"unassociated", 1, &unassoc}, {"search", 0, &search},
	    {NULL, 0, NULL}};
	struct gw_payment *v;
	struct table *t;
	char **pos, day[11];
	int npos;
	size_t n, i;

	(void)gw_terms;
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_personal_data(c) != 0)
		return -1;
	v = svc_gateway_local(&c->svc, unassoc != NULL, 0, search, &n, &c->err);
	if (v == NULL)
		return -1;
	/* the central node's payments, the same at every terminal (review
	 * R23: the list said nothing of scope) */
	cli_fixed_scope_line(c, 0);
	t = table_new(c, cols, (int)(sizeof cols / sizeof cols[0]));
	for (i = 0; i < n; i++) {
		table_int(t, (int64_t)(i + 1));
		table_str(t, v[i].gateway);
		table_str(t, v[i].code);
		table_str(
		    t, v[i].account_no[0] ? v[i].account_no : v[i].account_ref);
		table_str(t, v[i].phone);
		table_money(t, v[i].amount);
		snprintf(day, sizeof day, "%.10s", v[i].paid_at);
		table_str(t, day);
		table_str(t, gw_status_name(v[i].status));
		table_str(t, v[i].candidates);
		table_str(t, v[i].assoc_state);
		table_row(t);
	}
	table_end(t);
	/* what the central node refused, with its reason (text only: the
	 * JSON and CSV rows carry the state) */
	for (i = 0; c->mode == OUT_TEXT && i < n; i++)
		if (strcmp(v[i].assoc_state, "refused") == 0)
			printf(
			    strcmp(v[i].assoc_action, "disassociate") == 0
			        ? _("Payment %s: the central node refused the "
			            "disassociation made here: %s\n")
			        : _("Payment %s: the central node refused the "
			            "association made here: %s\n"),
			    v[i].code, v[i].assoc_reason);
	/* a refund or failure the central node held for a supervisor
	 * (issue 19 review), what was refunded in part, and what its
	 * payer disputes */
	for (i = 0; c->mode == OUT_TEXT && i < n; i++) {
		char m[MONEY_BUFSZ];

		if (v[i].review[0] != '\0')
			printf(_("Payment %s: %s\n"), v[i].code,
			    svc_gateway_review(v[i].review));
		else if (v[i].refunded > 0 && v[i].status != GW_REFUNDED)
			printf(_("Payment %s: %s of it refunded\n"), v[i].code,
			    svc_money(&c->svc, m, sizeof m, v[i].refunded));
		/* what the payer disputes, perhaps part of it (review
		 * R21d, fault 3: only the amount paid was shown) */
		if (v[i].disputed > 0)
			printf(_("Payment %s: %s of it disputed\n"), v[i].code,
			    svc_money(&c->svc, m, sizeof m, v[i].disputed));
	}
	free(v);
	return 0;
}

/* `gateway associate CODE ACCOUNT --reason R [--gateway NAME]` and
 * `gateway disassociate CODE --reason R [--gateway NAME]` */
static int
assoc(struct cli *c, int argc, char **argv, int on)
{
	const char *reason = NULL, *gateway = NULL;
	struct opt o[] = {
	    {"reason", 0, &reason}, {"gateway", 0, &gateway}, {NULL, 0, NULL}};
	struct gw_payment g;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, on ? 2 : 1, on ? 2 : 1, &pos, &npos))
		return -1;
	if (reason == NULL)
		return cli_usage(c, _("gateway %s: --reason is required"),
		    on ? "associate" : "disassociate");
	if (svc_gateway_associate(&c->svc, gateway, pos[0], on ? pos[1] : NULL,
	        reason, &g, &c->err) != 0)
		return -1;
	/* the payment and the account as stored, not as typed ("wu-30002 "
	 * for WU-30002; issue 19 review) */
	printf(on ? _("Association of payment %s with account %s recorded; "
	              "the central node applies it at the next sync\n")
	          : _("Disassociation of payment %s recorded; the central "
	              "node applies it at the next sync\n"),
	    g.code, on ? g.account_no : "");
	return 0;
}

int
cmd_gateway_associate(struct cli *c, int argc, char **argv)
{
	return assoc(c, argc, argv, 1);
}

int
cmd_gateway_disassociate(struct cli *c, int argc, char **argv)
{
	return assoc(c, argc, argv, 0);
}
