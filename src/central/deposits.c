/* deposits.c - `paydesk-central deposits ORG [--json]`: the bank deposits
 * of an organisation's closed shifts as its terminals sent them (issue
 * 20), newest first, void ones marked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "central.h"

/* The stored word (void, matched: a statement credit the bank booked
 * is matched to it, handed) as people read it. */
static const char *
status_word(const struct deposit *d)
{
	return _(d->status);
}

static void
print_json(const struct deposit *v, size_t n, const char *currency)
{
	json_t *a = json_array();
	char *s;
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a,
		    json_pack("{s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:s, "
		              "s:s, s:s, s:I, s:s, s:s}",
		        "uuid", v[i].uuid, "slip_no", v[i].slip_no, "account",
		        v[i].account, "deposited_on", v[i].deposited_on,
		        "amount", (json_int_t)v[i].amount, "currency",
		        currency, "terminal",
		        v[i].terminal, "created_by", v[i].created_by,
		        "created_at", v[i].created_at, "status",
		        v[i].status, "void_reason", v[i].void_reason,
		        "credited", (json_int_t)v[i].credited, "credited_on",
		        v[i].credited_on, "rule", v[i].rule));
	s = json_dumps(a, JSON_INDENT(1));
	if (s != NULL)
		puts(s);
	free(s);
	json_decref(a);
}

int
deposits_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *heads[7] = {NC_("column", "Slip"),
	    NC_("column", "Terminal"), NC_("column", "Account"),
	    NC_("column", "Deposited"), NC_("column", "By"),
	    NC_("column", "Status"), NC_("column", "Amount")};
	int w[7] = {12, 8, 16, 10, 10, 8, 12}, json = 0, i, digits;
	char cur[4];
	struct svc fmt; /* the node's money style (as main.c) */
	struct deposit *v;
	size_t n, k;

	if (argc < 1)
		return pd_fail(err, PD_EUSAGE, _("Deposits: which organisation"));
	if (central_check_id(_("Organisation"), argv[0], 32, err) != 0)
		return -1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") != 0)
			return pd_fail(err, PD_EUSAGE,
			    _("Deposits: unknown option \"%s\""), argv[i]);
		json = 1;
	}
	/* the organisation's currency (issue 23) */
	if (b->ops->org_currency(b, argv[0], cur, &digits, err) != 0)
		return -1;
	/* written as paydesk-central shifts writes them (review R20):
	 * the node's style, the symbol the code of a currency not its own */
	memset(&fmt, 0, sizeof fmt);
	fmt.cfg = b->cfg;
	if (strcmp(cur, fmt.cfg.currency_code) != 0)
		xstrlcpy(fmt.cfg.currency_symbol, cur,
		    sizeof fmt.cfg.currency_symbol);
	fmt.cfg.minor_digits = digits;
	v = b->ops->deposits(b, argv[0], &n, err);
	if (v == NULL)
		return -1;
	if (json) {
		print_json(v, n, cur);
		free(v);
		return 0;
	}
	for (i = 0; i < 7; i++)
		heads[i] = svc_column_header(heads[i]);
	central_head(heads, w, 7, 1);
	for (k = 0; k < n; k++) {
		char amount[MONEY_BUFSZ];
		const char *cells[7];

		cells[0] = v[k].slip_no;
		cells[1] = v[k].terminal;
		cells[2] = v[k].account;
		cells[3] = v[k].deposited_on;
		cells[4] = v[k].created_by;
		cells[5] = status_word(&v[k]);
		cells[6] = svc_money(&fmt, amount, sizeof amount, v[k].amount);
		central_row(cells, w, 7, 1);
	}
	free(v);
	return 0;
}
