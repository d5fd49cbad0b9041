/* alloc.c - oldest-first allocation, amount analysis, payment amount rules. */
#include <stdlib.h>
#include <string.h>

#include "paydesk/alloc.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"

static int
by_due(const void *a, const void *b)
{
	const struct alloc_item *x = a, *y = b;
	int c = strcmp(x->due_on, y->due_on);

	if (c != 0)
		return c;
	c = strcmp(x->ref, y->ref);
	if (c != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

int64_t
alloc_apply(struct alloc_item *items, size_t n, int64_t amount)
{
	size_t i;
	int64_t left = amount, take;

	qsort(items, n, sizeof *items, by_due);
	for (i = 0; i < n; i++) {
		take =
		    items[i].outstanding < left ? items[i].outstanding : left;
		if (take < 0)
			take = 0;
		items[i].applied = take;
		left -= take;
	}
	return left;
}

enum analysis
analysis_of(int64_t due, int64_t paid, int64_t *diff)
{
	if (diff != NULL)
		*diff = paid - due;
	if (paid == due)
		return ANALYSIS_EXACT;
	return paid > due ? ANALYSIS_OVER : ANALYSIS_UNDER;
}

/* marked for the screens, which translate it where shown */
const char *
analysis_name(enum analysis a)
{
	switch (a) {
	case ANALYSIS_EXACT:
		return N_("Exact payment");
	case ANALYSIS_OVER:
		return N_("Over paid");
	case ANALYSIS_UNDER:
		return N_("Under paid");
	}
	return "?";
}

int
pay_check_amount(int64_t amount, int64_t outstanding, int64_t threshold,
    const struct money_style *st, struct pd_err *err)
{
	char a[MONEY_BUFSZ], o[MONEY_BUFSZ], t[MONEY_BUFSZ], m[MONEY_BUFSZ];

	if (amount <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount must be greater than "
		      "zero"));
	if (amount > outstanding + threshold)
		return pd_fail(err, PD_EINVAL,
		    _("Amount %s exceeds the "
		      "outstanding %s of the selected items plus the allowable "
		      "overpayment %s (maximum %s)"),
		    money_format_style(a, sizeof a, amount, st),
		    money_format_style(o, sizeof o, outstanding, st),
		    money_format_style(t, sizeof t, threshold, st),
		    money_format_style(
		        m, sizeof m, outstanding + threshold, st));
	return 0;
}

int
pay_cash_change(int64_t amount, int64_t tendered, int64_t *change,
    const struct money_style *st, struct pd_err *err)
{
	char a[MONEY_BUFSZ], t[MONEY_BUFSZ];

	if (tendered < amount)
		return pd_fail(err, PD_EINVAL,
		    _("Amount received %s is less "
		      "than the amount %s being paid"),
		    money_format_style(t, sizeof t, tendered, st),
		    money_format_style(a, sizeof a, amount, st));
	*change = tendered - amount;
	return 0;
}
