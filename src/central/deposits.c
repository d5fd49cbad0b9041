/* deposits.c - `paydesk-central deposits ORG [--json]`: the bank deposits
 * of an organisation's closed shifts as its terminals sent them (issue
 * 20), newest first, void ones marked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "central.h"

/* The stored word (void; matched: a statement credit the bank booked
 * is matched to it; handed to the bank; prepared, not handed yet) as
 * people read it. */
static const char *
status_word(const struct deposit *d)
{
	return _(d->status);
}

/* Deposit d's cheques: number, shift (its Z number and uuid), tender
 * and amount. */
static json_t *
cheques_json(const struct deposit_cheque *c, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a,
		    json_pack("{s:s, s:s, s:s, s:s, s:I}", "number", c[i].number,
		        "z_no", c[i].z_no, "shift_uuid", c[i].shift_uuid, "method",
		        c[i].method, "amount", (json_int_t)c[i].amount));
	return a;
}

static int
print_json(struct backend *b, const char *org, const struct deposit *v,
    size_t n, const char *currency, struct pd_err *err)
{
	json_t *a = json_array();
	struct deposit_cheque *c;
	size_t i, nc;
	char *s;

	for (i = 0; i < n; i++) {
		c = b->ops->deposit_cheques(b, org, v[i].id, &nc, err);
		if (c == NULL) {
			json_decref(a);
			return -1;
		}
		json_array_append_new(a,
		    json_pack("{s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:s, "
		              "s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:o}",
		        "uuid", v[i].uuid, "slip_no", v[i].slip_no, "account",
		        v[i].account, "deposited_on", v[i].deposited_on,
		        "amount", (json_int_t)v[i].amount, "currency", currency,
		        "terminal", v[i].terminal, "created_by",
		        v[i].created_by, "created_at", v[i].created_at,
		        "status", v[i].status, "handed_at", v[i].handed_at,
		        "handed_by", v[i].handed_by, "void_reason",
		        v[i].void_reason, "credited", (json_int_t)v[i].credited,
		        "credited_on", v[i].credited_on, "rule", v[i].rule,
		        "cheques", cheques_json(c, nc)));
		free(c);
	}
	s = json_dumps(a, JSON_INDENT(1));
	if (s != NULL)
		puts(s);
	free(s);
	json_decref(a);
	return 0;
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
	struct deposit_cheque *c;
	size_t n, k, nc, j;
	int rc = 0;

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
		rc = print_json(b, argv[0], v, n, cur, err);
		free(v);
		return rc;
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
		/* its cheques by number, each under it */
		c = b->ops->deposit_cheques(b, argv[0], v[k].id, &nc, err);
		if (c == NULL) {
			rc = -1;
			break;
		}
		for (j = 0; j < nc; j++)
			printf(_("  Cheque %s, shift %s: %s\n"),
			    c[j].number[0] ? c[j].number : _("(no number)"),
			    c[j].z_no,
			    svc_money(
			        &fmt, amount, sizeof amount, c[j].amount));
		free(c);
	}
	if (rc == 0)
		central_none(n);
	free(v);
	return rc;
}
