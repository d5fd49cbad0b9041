/* report.c - the payments and credit-note listings and the payers report,
 * with their filters checked and made exact for the store's indexes. */
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"
#include "paydesk/xmalloc.h"

/* The refusal of a segment no consumer has, naming those there are: a
 * filter's value the terminal does not know, PD_EUSAGE as an unknown
 * method's, branch's or user's (s72 fault 9: it was PD_ENOTFOUND, 4). */
static int
segment_refused(const char *segment, const char *known, struct pd_err *err)
{
	if (*known == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("Segment \"%s\": no consumer here has a segment"),
		    segment);
	return pd_fail(err, PD_EUSAGE,
	    _("Segment \"%s\": no consumer is of it (the segments are %s)"),
	    segment, known);
}

/* A consumer segment some consumer has (issue 23's filters), in any
 * case and accents alike (review R23 s41: "RÉSIDENTIEL", "ecole"), its
 * spelling as the consumers have it put in *segment (s's buffer, until
 * the next call), else PD_EUSAGE naming those there are. */
int
svc_segment_canon(struct svc *s, const char **segment, struct pd_err *err)
{
	char known[256];
	int rc = store_segment_known(s->st, *segment, s->segment_canon,
	    sizeof s->segment_canon, known, sizeof known, err);

	if (rc == 0)
		*segment = s->segment_canon;
	else if (rc == 1)
		return segment_refused(*segment, known, err);
	return rc;
}

int
svc_segment_as_stored(
    struct svc *s, const char *segment, char *buf, size_t n, struct pd_err *err)
{
	if (svc_segment_canon(s, &segment, err) != 0)
		return -1;
	xstrlcpy(buf, segment, n);
	return 0;
}

/* svc_segment_canon, for a check alone. */
int
svc_segment_known(struct svc *s, const char *segment, struct pd_err *err)
{
	return svc_segment_canon(s, &segment, err);
}

/* Method and channel names as stored: the configured spelling of what the
 * user typed in any case (a name no longer configured is kept as typed,
 * so old payments stay reachable); the store compares them exactly, which
 * lets it use its indexes. */
static int
canonical_filter(struct svc *s, const struct payment_filter *in,
    struct payment_filter *out, int lookup, struct pd_err *err)
{
	const struct pay_method *m;
	const char *ch;
	char known[256], name[48];
	int rc;

	*out = *in;
	/* the payments of the scope in force only (issue 23); a search of
	 * the payments list finds a payment wherever it was taken, as
	 * `payment show` does, unless a scope was chosen */
	if (!lookup || in->search == NULL || *in->search == '\0' ||
	    s->scope != SVC_SCOPE_AUTO)
		svc_scope_filter(s, out);
	svc_team_filter(s, out);
	if (in->search &&
	    svc_check_text(_("Search text"), in->search, 128, 0, err) != 0)
		return -1;
	if (in->segment != NULL &&
	    (svc_check_text(_("Segment"), in->segment, 32, 1, err) != 0 ||
	        svc_segment_canon(s, &out->segment, err) != 0))
		return -1;
	if (in->method && (m = config_method_typed(&s->cfg, in->method)) != NULL)
		out->method = m->name;
	if (in->channel && (ch = config_channel_typed(&s->cfg, in->channel)) != NULL)
		out->channel = ch;
	if (in->gateway == NULL)
		return 0;
	if (svc_check_text(_("Gateway"), in->gateway, 47, 0, err) != 0)
		return -1;
	/* a gateway no payment here came from: PD_EUSAGE, as every
	 * filter's unknown value (s72 fault 9) */
	rc = store_gwl_gateway(s->st, in->gateway, name, known, sizeof known, err);
	if (rc == 1 && *known == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("Gateway \"%s\": no gateway payment has reached this "
		      "terminal yet"),
		    in->gateway);
	if (rc == 1)
		return pd_fail(err, PD_EUSAGE,
		    _("Gateway \"%s\": not one of the gateways whose payments "
		      "are here (%s)"),
		    in->gateway, known);
	return rc;
}

/* The credit filter checked, with today set for the statuses. */
static int
credit_filter_check(struct svc *s, const struct credit_filter *f,
    struct credit_filter *g, char today[11], struct pd_err *err)
{
	struct payment_filter sc;

	if (f->search &&
	    svc_check_text(_("Search text"), f->search, 128, 0, err) != 0)
		return -1;
	if (f->min_amount >= 0 && f->max_amount >= 0 &&
	    f->min_amount > f->max_amount)
		return pd_fail(err, PD_EINVAL,
		    _("The minimum credit amount is "
		      "above the maximum"));
	if (f->segment != NULL &&
	    (svc_check_text(_("Segment"), f->segment, 32, 1, err) != 0 ||
	        svc_segment_known(s, f->segment, err) != 0))
		return -1;
	*g = *f;
	if (g->segment != NULL)
		g->segment = s->segment_canon;
	svc_today(today);
	g->today = today;
	/* the notes of the scope's payments (issue 23), as the payments
	 * list reads them: a search finds a note wherever its payment was
	 * taken unless a scope was chosen; team visibility always */
	memset(&sc, 0, sizeof sc);
	if (f->search == NULL || *f->search == '\0' ||
	    s->scope != SVC_SCOPE_AUTO)
		svc_scope_filter(s, &sc);
	svc_team_filter(s, &sc);
	g->terminal = sc.terminal;
	/* a --branch (svc_filters_parse: this terminal's, or any in the
	 * organisation's scope) narrows the scope's */
	g->branch = f->branch != NULL ? f->branch : sc.branch;
	g->team = sc.team;
	return 0;
}

/* Sorting by the consumer's name reads and sorts every payment the
 * filter matches (no index spans the two tables): up to this many. */
#define CONSUMER_SORT_MAX 200000

int
svc_payments_each(struct svc *s, const struct payment_filter *f, payment_cb cb,
    void *arg, struct pd_err *err)
{
	struct payment_filter g;
	int64_t n;

	if (canonical_filter(s, f, &g, 1, err) != 0)
		return -1;
	if (g.sort == PAY_BY_CONSUMER) {
		struct payment_filter c = g;

		/* counted only up to the limit: this runs for every page */
		c.after = NULL;
		c.limit = CONSUMER_SORT_MAX + 1;
		if (store_payments_count(s->st, &c, &n, err) != 0)
			return -1;
		if (n > CONSUMER_SORT_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("Sorting by consumer reads every payment of the "
			      "list, and it has more than %d; narrow it first "
			      "(a date range, a method, a search)"),
			    CONSUMER_SORT_MAX);
	}
	return store_payments_each(s->st, &g, cb, arg, err);
}

int
svc_payment_filter_check(
    struct svc *s, const struct payment_filter *f, struct pd_err *err)
{
	struct payment_filter g;

	return canonical_filter(s, f, &g, 1, err);
}

int
svc_credits_each(struct svc *s, const struct credit_filter *f, credit_cb cb,
    void *arg, struct pd_err *err)
{
	struct credit_filter g;
	char today[11];

	if (credit_filter_check(s, f, &g, today, err) != 0)
		return -1;
	return store_credits_each(s->st, &g, cb, arg, err);
}

int
svc_payers_each(struct svc *s, const struct payment_filter *f,
    enum payers_sort sort, payer_cb cb, void *arg, struct pd_err *err)
{
	struct payment_filter g;

	/* every consumer's payments, names and phones: a supervisor's */
	if (svc_require(s, ROLE_SUPERVISOR, _("The payers report"), err) != 0 ||
	    canonical_filter(s, f, &g, 0, err) != 0)
		return -1;
	return store_payers_each(s->st, &g, sort, cb, arg, err);
}

int
svc_split(struct svc *s, const struct payment_filter *f, enum split_by by,
    split_cb cb, void *arg, struct pd_err *err)
{
	struct payment_filter g;

	if (svc_require(s, ROLE_SUPERVISOR, _("The payers report"), err) != 0 ||
	    canonical_filter(s, f, &g, 0, err) != 0)
		return -1;
	return store_split(s->st, &g, by, cb, arg, err);
}

const char *
svc_split_name(const char *key, enum split_by by)
{
	return by == SPLIT_GATEWAY && *key == '\0' ? _("At a counter") : key;
}

int
svc_payments_count(struct svc *s, const struct payment_filter *f, int64_t *n,
    struct pd_err *err)
{
	struct payment_filter g;

	if (canonical_filter(s, f, &g, 1, err) != 0)
		return -1;
	return store_payments_count(s->st, &g, n, err);
}

int
svc_credits_count(struct svc *s, const struct credit_filter *f, int64_t *n,
    struct pd_err *err)
{
	struct credit_filter g;
	char today[11];

	if (credit_filter_check(s, f, &g, today, err) != 0)
		return -1;
	return store_credits_count(s->st, &g, n, err);
}

/* The aging filter checked, as of today. */
static int
aging_filter_check(struct svc *s, const struct aging_filter *f,
    struct aging_filter *g, char today[11], struct pd_err *err)
{
	if (f->search &&
	    svc_check_text(_("Search text"), f->search, 128, 0, err) != 0)
		return -1;
	if (f->segment != NULL &&
	    (svc_check_text(_("Segment"), f->segment, 32, 1, err) != 0 ||
	        svc_segment_known(s, f->segment, err) != 0))
		return -1;
	*g = *f;
	if (g->segment != NULL)
		g->segment = s->segment_canon;
	svc_today(today);
	g->today = today;
	return 0;
}

int
svc_aging_total(struct svc *s, const struct aging_filter *f, struct aging *a,
    struct pd_err *err)
{
	struct aging_filter g;
	char today[11];

	if (svc_require(s, ROLE_SUPERVISOR, _("The aging report"), err) != 0 ||
	    aging_filter_check(s, f, &g, today, err) != 0)
		return -1;
	return store_aging_total(s->st, &g, a, err);
}

int
svc_aging_each(struct svc *s, const struct aging_filter *f, aging_cb cb,
    void *arg, struct pd_err *err)
{
	struct aging_filter g;
	char today[11];

	if (svc_require(s, ROLE_SUPERVISOR, _("The aging report"), err) != 0 ||
	    aging_filter_check(s, f, &g, today, err) != 0)
		return -1;
	return store_aging_each(s->st, &g, cb, arg, err);
}

struct item *
svc_aging_items(struct svc *s, int64_t consumer_id, int64_t **days, size_t *n,
    struct pd_err *err)
{
	char today[11];
	int32_t t, due;
	struct item *it;
	size_t i;

	svc_today(today);
	it = store_items_open(s->st, consumer_id, -1, n, err);
	if (it == NULL)
		return NULL;
	*days = xcalloc(*n ? *n : 1, sizeof **days);
	date_parse(today, "Today", &t, NULL);
	for (i = 0; i < *n; i++)
		if (date_parse(it[i].due_on, "Due date", &due, NULL) == 0)
			(*days)[i] = t > due ? t - due : 0;
	return it;
}

void
svc_payment_key(
    const struct payment_row *r, enum pay_sort sort, struct page_key *k)
{
	store_payment_key(r, sort, k);
}

void
svc_credit_key(const struct credit_note *cn, struct page_key *k)
{
	store_credit_key(cn, k);
}
