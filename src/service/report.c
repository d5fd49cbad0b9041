/* report.c - the payments and credit-note listings and the payers report,
 * with their filters checked and made exact for the store's indexes. */
#include <string.h>

#include "paydesk/service.h"

/* Method and channel names as stored: the configured spelling of what the
 * user typed in any case (a name no longer configured is kept as typed,
 * so old payments stay reachable); the store compares them exactly, which
 * lets it use its indexes. */
static int
canonical_filter(struct svc *s, const struct payment_filter *in,
    struct payment_filter *out, struct pd_err *err)
{
	const struct pay_method *m;
	const char *ch;

	*out = *in;
	if (in->search &&
	    svc_check_text("search text", in->search, 128, 0, err) != 0)
		return -1;
	if (in->method && (m = config_method(&s->cfg, in->method)) != NULL)
		out->method = m->name;
	if (in->channel && (ch = config_channel(&s->cfg, in->channel)) != NULL)
		out->channel = ch;
	return 0;
}

int
svc_payments_each(struct svc *s, const struct payment_filter *f, payment_cb cb,
    void *arg, struct pd_err *err)
{
	struct payment_filter g;

	if (canonical_filter(s, f, &g, err) != 0)
		return -1;
	return store_payments_each(s->st, &g, cb, arg, err);
}

int
svc_credits_each(struct svc *s, struct credit_filter *f, credit_cb cb,
    void *arg, struct pd_err *err)
{
	char today[11];

	if (f->search &&
	    svc_check_text("search text", f->search, 128, 0, err) != 0)
		return -1;
	if (f->min_amount >= 0 && f->max_amount >= 0 &&
	    f->min_amount > f->max_amount)
		return pd_fail(err, PD_EINVAL,
		    "the minimum credit amount is "
		    "above the maximum");
	svc_today(today);
	f->today = today;
	return store_credits_each(s->st, f, cb, arg, err);
}

int
svc_payers_each(struct svc *s, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err)
{
	struct payment_filter g;

	if (canonical_filter(s, f, &g, err) != 0)
		return -1;
	return store_payers_each(s->st, &g, sort, cb, arg, err);
}
