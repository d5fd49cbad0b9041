/* credit.c - credit-note arithmetic and status rules. */
#include <strings.h>

#include "paydesk/credit.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"

int
credit_check_amount(int64_t amount, int64_t payment_amount,
    int64_t already_issued, const struct money_style *st, struct pd_err *err)
{
	char a[MONEY_BUFSZ], m[MONEY_BUFSZ], p[MONEY_BUFSZ], i[MONEY_BUFSZ];
	int64_t max = payment_amount - already_issued;

	if (amount <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Credit amount must be greater "
		      "than zero"));
	if (amount > max)
		return pd_fail(err, PD_EINVAL,
		    _("Credit amount %s exceeds the "
		      "maximum %s (payment %s less credit already issued "
		      "or charged back %s)"),
		    money_format_style(a, sizeof a, amount, st),
		    money_format_style(m, sizeof m, max < 0 ? 0 : max, st),
		    money_format_style(p, sizeof p, payment_amount, st),
		    money_format_style(i, sizeof i, already_issued, st));
	return 0;
}

int
credit_check_apply(int64_t amount, int64_t remaining, int64_t item_outstanding,
    const struct money_style *st, struct pd_err *err)
{
	char a[MONEY_BUFSZ], r[MONEY_BUFSZ];

	if (amount <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount to apply must be "
		      "greater than zero"));
	if (amount > remaining)
		return pd_fail(err, PD_EINVAL,
		    _("Amount %s exceeds the credit "
		      "note's remaining balance %s"),
		    money_format_style(a, sizeof a, amount, st),
		    money_format_style(r, sizeof r, remaining, st));
	if (amount > item_outstanding)
		return pd_fail(err, PD_EINVAL,
		    _("Amount %s exceeds the item's "
		      "outstanding %s"),
		    money_format_style(a, sizeof a, amount, st),
		    money_format_style(r, sizeof r, item_outstanding, st));
	return 0;
}

int
credit_check_expiry(int32_t created_on, int32_t expires_on, struct pd_err *err)
{
	if (expires_on - created_on < 1 ||
	    expires_on - created_on > CREDIT_EXPIRY_DAYS_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("A credit note expires 1 to %d days after it is created, "
		      "not %ld"),
		    CREDIT_EXPIRY_DAYS_MAX,
		    (long)expires_on - (long)created_on);
	return 0;
}

enum cn_status
credit_status(int64_t amount, int64_t applied, int32_t expires_on,
    int32_t today, int voided)
{
	if (voided)
		return CN_VOIDED;
	if (amount - applied <= 0)
		return CN_APPLIED;
	if (today > expires_on)
		return CN_EXPIRED;
	return CN_ACTIVE;
}

/* a credit note's: the word agrees with it (es nota de crédito Anulada,
 * a payment's Anulado) */
static const char *const status_terms[] = {TC_("credit note", "Active"),
    TC_("credit note", "Applied"), TC_("credit note", "Expired"),
    TC_("credit note", "Voided")};

const char *
credit_status_name(enum cn_status s)
{
	return (unsigned)s < 4 ? i18n_term_word(status_terms[s]) : "?";
}

const char *
credit_status_term(enum cn_status s)
{
	return (unsigned)s < 4 ? status_terms[s] : "?";
}

int
credit_status_parse(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcasecmp(s, i18n_term_word(status_terms[i])) == 0)
			return i;
	return -1;
}

int64_t
credit_remaining(int64_t amount, int64_t applied, int voided)
{
	return voided || applied >= amount ? 0 : amount - applied;
}

int64_t
credit_usage_tenths(int64_t applied, int64_t amount)
{
	return money_ratio_tenths(applied, amount);
}
