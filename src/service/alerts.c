/* alerts.c - the alerts of the debts being worked (issue 21): an
 * installment of an arrangement missed, an arrangement broken, an
 * installment falling due within [alerts] due_days. Computed from the
 * ledger as it is now (the plans' installments, what paid them and when,
 * through the same view the arrangement screens read), never stored: a
 * payment that clears a missed installment clears its alert, a cancelled
 * plan has none. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static const char *const kind_names[] = {
    [ALERT_BROKEN] = N_("Arrangement broken"),
    [ALERT_MISSED] = N_("Installment missed"),
    [ALERT_DUE] = N_("Installment due"),
};

const char *
svc_alert_kind_name(enum alert_kind k)
{
	return k <= ALERT_DUE ? kind_names[k] : "";
}

int
svc_alert_kind_parse(const char *s)
{
	/* the words a command line takes: broken, missed, due */
	static const char *const words[] = {"broken", "missed", "due"};
	size_t i;

	for (i = 0; s != NULL && i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return (int)i;
	return -1;
}

/* Room for one more alert in *a (cap *cap). */
static struct alert *
grow(struct alert **a, size_t n, size_t *cap)
{
	if (n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*a = xrealloc(*a, *cap, sizeof **a);
	}
	memset(&(*a)[n], 0, sizeof **a);
	return &(*a)[n];
}

static void
who(struct alert *al, const struct arr_view *v, enum alert_kind k)
{
	al->kind = k;
	xstrlcpy(al->account_no, v->a.account_no, sizeof al->account_no);
	xstrlcpy(al->consumer, v->a.consumer_name, sizeof al->consumer);
	xstrlcpy(al->plan_no, v->a.plan_no, sizeof al->plan_no);
}

/* The alerts of plan v as of today into *a. */
static size_t
plan_alerts(const struct arr_view *v, int32_t today, int due_days,
    struct alert **a, size_t n, size_t *cap)
{
	struct alert *al;
	size_t i;
	int32_t due;

	if (v->status != ARR_ACTIVE && v->status != ARR_BROKEN)
		return n;
	if (v->status == ARR_BROKEN) {
		al = grow(a, n++, cap);
		who(al, v, ALERT_BROKEN);
		al->amount = v->left;
		al->days = v->tally.missed + v->tally.late;
		al->allowed = v->a.misses_allowed;
	}
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];

		if (date_parse(in->it.due_on, NULL, &due, NULL) != 0)
			continue;
		if (v->state[i] == ARR_MISSED)
			al = grow(a, n++, cap), who(al, v, ALERT_MISSED);
		else if (v->state[i] == ARR_UPCOMING && due >= today &&
		         due - today <= due_days)
			al = grow(a, n++, cap), who(al, v, ALERT_DUE);
		else
			continue;
		xstrlcpy(al->ref, in->it.ref, sizeof al->ref);
		xstrlcpy(al->due_on, in->it.due_on, sizeof al->due_on);
		al->amount = in->it.amount - in->it.settled;
		al->days = al->kind == ALERT_MISSED ? today - due : due - today;
	}
	return n;
}

/* Broken plans first, then the misses oldest first, then what falls due
 * soonest first; by account and reference within. */
static int
by_kind(const void *x, const void *y)
{
	const struct alert *a = x, *b = y;
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->days != b->days)
		return a->kind == ALERT_DUE ? (a->days < b->days ? -1 : 1)
		                            : (a->days > b->days ? -1 : 1);
	if ((c = strcmp(a->account_no, b->account_no)) != 0)
		return c;
	return strcmp(a->ref, b->ref);
}

struct alert *
svc_alerts(struct svc *s, int kind, size_t *n, struct pd_err *err)
{
	struct arr_view *v;
	struct alert *a = NULL;
	size_t nv, i, cap = 0;
	char iso[11];
	int32_t today;

	*n = 0;
	if (svc_require(s, ROLE_RECOVERY, _("Reading the alerts"), err) != 0 ||
	    (v = svc_arrangement_list(s, NULL, -1, &nv, err)) == NULL)
		return NULL;
	svc_today(iso);
	date_parse(iso, NULL, &today, NULL);
	for (i = 0; i < nv; i++)
		*n = plan_alerts(
		    &v[i], today, s->cfg.alert_due_days, &a, *n, &cap);
	svc_arr_views_free(v, nv);
	if (kind >= 0) { /* one kind: the others dropped */
		size_t k = 0;

		for (i = 0; i < *n; i++)
			if ((int)a[i].kind == kind)
				a[k++] = a[i];
		*n = k;
	}
	if (a == NULL)
		a = xcalloc(1, sizeof *a);
	qsort(a, *n, sizeof *a, by_kind);
	return a;
}

/* Whether the consumer has an Active arrangement with no installment
 * missed: a plan being kept protects from disconnection (issue 21). */
static int protected(
    struct svc *s, const char *account, int *yes, struct pd_err *err)
{
	struct arr_view *v;
	size_t n, i;

	*yes = 0;
	if ((v = svc_arrangement_list(s, account, ARR_ACTIVE, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (v[i].tally.missed == 0)
			*yes = 1;
	svc_arr_views_free(v, n);
	return 0;
}

struct overdue_row *
svc_disconnections(struct svc *s, size_t *n, struct pd_err *err)
{
	struct overdue_row *r;
	char iso[11], cutoff[11];
	int32_t today;
	size_t i, k = 0;
	int yes;

	*n = 0;
	if (svc_require(s, ROLE_RECOVERY, _("The disconnection list"), err) !=
	    0)
		return NULL;
	svc_today(iso);
	date_parse(iso, NULL, &today, NULL);
	date_format(cutoff, today - s->cfg.disc_days);
	if ((r = store_overdue(s->st, cutoff,
	         s->cfg.disc_amount > 0 ? s->cfg.disc_amount : 1, n, err)) ==
	    NULL)
		return NULL;
	for (i = 0; i < *n; i++) {
		if (protected(s, r[i].account_no, &yes, err) != 0) {
			free(r);
			*n = 0;
			return NULL;
		}
		if (!yes)
			r[k++] = r[i];
	}
	*n = k;
	return r;
}
