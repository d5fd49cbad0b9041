/* shift_count.c - a shift's counts (shift.c opens the shift,
 * shift_close.c closes it): each line of an opening or closing count
 * checked against the configured methods and [shifts] denominations,
 * its amount worked out, and the totals and items of a method. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* Whether denom is one of [shifts] denominations. */
static int
denom_known(const struct svc *s, int64_t denom)
{
	int i;

	for (i = 0; i < s->cfg.ndenoms; i++)
		if (s->cfg.denoms[i] == denom)
			return 1;
	return 0;
}

/* Line i of a count checked, with its method named as configured and its
 * amount worked out (denominations). */
static int
check_line(
    const struct svc *s, struct shift_count *c, int open, struct pd_err *err)
{
	const struct pay_method *m;

	if (c->kind == SHIFT_COUNT_DENOM) {
		m = c->method[0] ? config_method(&s->cfg, c->method)
		                 : svc_shift_cash(s);
		if (m == NULL || m->kind != METHOD_CASH)
			return pd_fail(err, PD_EINVAL,
			    _("Notes and coins are counted for a cash method; "
			      "\"%s\" is not one"),
			    c->method);
		if (!denom_known(s, c->denomination))
			return pd_fail(err, PD_EINVAL,
			    _("Denomination %lld is not one of [shifts] "
			      "denominations"),
			    (long long)c->denomination);
		if (shift_line_amount(
		        c->denomination, c->qty, &c->amount, err) != 0)
			return -1;
	} else {
		if (open)
			return pd_fail(err, PD_EINVAL,
			    _("The opening float is counted in notes and "
			      "coins only"));
		m = config_method(&s->cfg, c->method);
		if (m == NULL)
			return pd_fail(err, PD_EINVAL,
			    _("Payment method \"%s\" is not configured"),
			    c->method);
		if (!svc_shift_in_drawer(s, m->name, m->kind))
			return pd_fail(err, PD_EINVAL,
			    _("%s is not counted at the close: what it takes "
			      "reaches the bank, not the drawer"),
			    m->name);
		if (c->kind == SHIFT_COUNT_SLIP && m->kind != METHOD_CARD)
			return pd_fail(err, PD_EINVAL,
			    _("Slips are counted for a card method; %s is "
			      "not one"),
			    m->name);
		if (c->kind == SHIFT_COUNT_CHEQUE && !m->cheque)
			return pd_fail(err, PD_EINVAL,
			    _("Cheques are listed for a cheque method "
			      "(Name:cheque in [payments] methods); %s is not "
			      "one"),
			    m->name);
		if (c->amount < (c->kind == SHIFT_COUNT_TOTAL ? 0 : 1) ||
		    c->amount > SHIFT_AMOUNT_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("%s: an amount counted must be above zero and at "
			      "most %lld minor units"),
			    m->name, (long long)SHIFT_AMOUNT_MAX);
		/* a cheque listed with no number is one a payment took
		 * with none (a terminal from before a cheque needed its
		 * number): counted by its amount, so its money is
		 * accounted for and deposited (s72 h8 fault 2) */
		if (svc_check_text(_("Reference"), c->ref, SHIFT_REF_BUFSZ - 1,
		        0, err) != 0)
			return -1;
		/* a slip line is one slip or the total of several, as
		 * the close's card step counts them (the count is kept) */
		if (c->kind == SHIFT_COUNT_SLIP &&
		    (c->qty < 0 || c->qty > SHIFT_SLIPS_MAX))
			return pd_fail(err, PD_EINVAL,
			    _("%s: a number of slips is 1 to %d"), m->name,
			    SHIFT_SLIPS_MAX);
		if (c->kind != SHIFT_COUNT_SLIP || c->qty == 0)
			c->qty = 1;
	}
	xstrlcpy(c->method, m->name, sizeof c->method);
	return 0;
}

/* A copy of the count lines, each checked; no denomination or slip
 * twice. The copy is the caller's to free; NULL on error (err says which
 * line). */
struct shift_count *
svc_shift_counts_checked(const struct svc *s, const struct shift_count *in,
    size_t n, int open, struct pd_err *err)
{
	struct shift_count *c = xcalloc(n ? n : 1, sizeof *c);
	size_t i, j;

	for (i = 0; i < n; i++) {
		c[i] = in[i];
		c[i].method[sizeof c[i].method - 1] = '\0';
		c[i].ref[sizeof c[i].ref - 1] = '\0';
		if (check_line(s, &c[i], open, err) != 0)
			goto bad;
		for (j = 0; j < i; j++) {
			if (strcmp(c[j].method, c[i].method) != 0)
				continue;
			/* a total beside the tender's notes, slips or
			 * cheques (or a second one) would be added to them
			 * (review R20): counted twice */
			if ((c[i].kind == SHIFT_COUNT_TOTAL) !=
			        (c[j].kind == SHIFT_COUNT_TOTAL) ||
			    (c[i].kind == SHIFT_COUNT_TOTAL &&
			        c[j].kind == SHIFT_COUNT_TOTAL)) {
				pd_fail(err, PD_EINVAL,
				    _("%s is counted twice: a total (--total) "
				      "is for a method counted no other way, "
				      "once"),
				    c[i].method);
				goto bad;
			}
			if (c[j].kind != c[i].kind)
				continue;
			if (c[i].kind == SHIFT_COUNT_DENOM &&
			    c[j].denomination == c[i].denomination) {
				pd_fail(err, PD_EINVAL,
				    _("Denomination %lld is counted twice"),
				    (long long)c[i].denomination);
				goto bad;
			}
			/* two cheques of one number are two payers' cheque
			 * books (review R20, fault 4): both counted, told
			 * apart by amount, then by the order listed */
			if (c[i].kind == SHIFT_COUNT_SLIP && c[i].ref[0] &&
			    strcmp(c[j].ref, c[i].ref) == 0) {
				pd_fail(err, PD_EINVAL,
				    _("%s \"%s\" is listed twice"), c[i].method,
				    c[i].ref);
				goto bad;
			}
		}
	}
	return c;
bad:
	pd_err_prefix(err, _("Count line %zu: "), i + 1);
	free(c);
	return NULL;
}

/* The total of the lines of one method (NULL: every line). */
int64_t
svc_shift_total(const struct shift_count *c, size_t n, const char *method)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (method == NULL || strcmp(c[i].method, method) == 0)
			t += c[i].amount;
	return t;
}

/* The items (notes and coins, slips, cheques) counted for a method: the
 * quantities of its lines but totals typed without detail. */
int64_t
svc_shift_items(const struct shift_count *c, size_t n, const char *method)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i].kind != SHIFT_COUNT_TOTAL &&
		    strcmp(c[i].method, method) == 0)
			t += c[i].qty;
	return t;
}
