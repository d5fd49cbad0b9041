/* alert_kinds.c - the alerts' kinds and statuses (issue 21): each kind's
 * stored code, its name shown, its --kind word and the unit of its
 * figure; each status's stored word and name; and the alert a row of the
 * store holds. The rules that raise them are alerts.c's. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "alerts_int.h"
#include "paydesk/say.h"

static const struct {
	const char *code;   /* stored */
	const char *name;   /* shown, translated */
	const char *word;   /* --kind */
	const char *figure; /* what the JSON's figure is (paydesk(1)) */
} kinds[ALERT_NKINDS] = {
    [ALERT_BROKEN] = {"plan-broken", N_("Arrangement broken"), "broken",
        "misses"},
    [ALERT_MISSED] = {"installment-missed", N_("Installment missed"), "missed",
        "days_past_due"},
    [ALERT_DUE] = {"installment-due", N_("Installment due"), "due",
        "days_ahead"},
    [ALERT_OVERDUE] = {"item-overdue", N_("Item overdue"), "overdue",
        "days_past_due"},
    [ALERT_LARGE] = {"large-payment", N_("Large payment"), "large",
        "minor_units"},
    [ALERT_CREDIT] = {"credit-expiring", N_("Credit note expiring"), "credit",
        "days_left"},
    [ALERT_REFUSED] = {"sync-refused", N_("Sync record refused"), "refused",
        "pulled"},
    [ALERT_GATEWAY] = {"gateway-unassociated",
        N_("Gateway payment "
           "unassociated"),
        "gateway", "hours"},
    [ALERT_RECON] = {"reconciliation", N_("Reconciliation exception"),
        "reconciliation", "days_old"},
};

static const struct {
	const char *code;
	const char *name;
} statuses[] = {
    /* an alert's: the word agrees with it (es alerta Cerrada) */
    [ALERT_OPEN] = {"open", TC_("alert", "Open")},
    [ALERT_ACKED] = {"acknowledged", TC_("alert", "Acknowledged")},
    [ALERT_CLOSED] = {"closed", TC_("alert", "Closed")},
};

const char *
svc_alert_kind_name(enum alert_kind k)
{
	return (unsigned)k < ALERT_NKINDS ? kinds[k].name : "";
}

const char *
svc_alert_status_name(enum alert_status st)
{
	return (unsigned)st <= ALERT_CLOSED ? statuses[st].name : "";
}

const char *
svc_alert_kind_word(enum alert_kind k)
{
	return (unsigned)k < ALERT_NKINDS ? kinds[k].word : "";
}

const char *
svc_alert_status_word(enum alert_status st)
{
	return (unsigned)st <= ALERT_CLOSED ? statuses[st].code : "";
}

int
svc_alert_has_days(const struct alert *a)
{
	return a->kind != ALERT_BROKEN && a->kind != ALERT_LARGE &&
	       a->kind != ALERT_REFUSED;
}

int
svc_alert_has_amount(const struct alert *a)
{
	return a->kind != ALERT_REFUSED;
}

int
svc_alert_days_now(const struct alert *a)
{
	return svc_alert_has_days(a) && a->status != ALERT_CLOSED;
}

int
svc_alert_kind_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < ALERT_NKINDS; i++)
		if (strcasecmp(s, kinds[i].word) == 0)
			return i;
	return -1;
}

const char *
svc_alert_kind_words(void)
{
	static char words[256];
	int i;

	if (words[0] == '\0')
		for (i = 0; i < ALERT_NKINDS; i++)
			snprintf(words + strlen(words),
			    sizeof words - strlen(words), "%s%s", i ? ", " : "",
			    kinds[i].word);
	return words;
}

const char *
alerts_kind_code(enum alert_kind k)
{
	return kinds[k].code;
}

void
alerts_from_row(struct alert *a, const struct alert_row *r)
{
	int i;

	memset(a, 0, sizeof *a);
	a->id = r->id;
	for (i = 0; i < ALERT_NKINDS; i++)
		if (strcmp(r->kind, kinds[i].code) == 0)
			a->kind = (enum alert_kind)i;
	for (i = 0; i <= ALERT_CLOSED; i++)
		if (strcmp(r->status, statuses[i].code) == 0)
			a->status = (enum alert_status)i;
	xstrlcpy(a->account_no, r->account_no, sizeof a->account_no);
	xstrlcpy(a->consumer, r->consumer, sizeof a->consumer);
	xstrlcpy(a->plan_no, r->plan_no, sizeof a->plan_no);
	xstrlcpy(a->payment_no, r->payment_no, sizeof a->payment_no);
	xstrlcpy(a->ref, r->ref, sizeof a->ref);
	xstrlcpy(a->due_on, r->due_on, sizeof a->due_on);
	/* of an item or installment, what is open of it now while the
	 * alert is not closed: the same at every terminal whatever it was
	 * when each raised it (helper-236, fault 2: $145.50 at one, $40.50
	 * at the other, the bill owing $40.50) */
	a->amount = r->open_now >= 0 && a->status != ALERT_CLOSED ? r->open_now
	                                                          : r->amount;
	a->days = a->raised_days = r->figure;
	a->allowed = r->allowed;
	xstrlcpy(a->raised_at, r->raised_at, sizeof a->raised_at);
	xstrlcpy(a->assigned, r->assigned, sizeof a->assigned);
	a->waiting = r->deliver;
	a->tries = r->tries;
	xstrlcpy(a->delivered_at, r->delivered_at, sizeof a->delivered_at);
	say_render(
	    a->delivery_error, sizeof a->delivery_error, r->delivery_error);
	say_render_en(a->delivery_error_en, sizeof a->delivery_error_en,
	    r->delivery_error);
}

const char *
alerts_kind_figure(enum alert_kind k)
{
	return kinds[k].figure;
}
