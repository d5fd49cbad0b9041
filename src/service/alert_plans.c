/* alert_plans.c - the arrangement rules of the alerts (issue 21): a plan
 * broken, an installment missed, one falling due within [alerts]
 * due_days. Raised, and closed once they no longer hold, by alerts.c's
 * daily pass and a sync round that pulled records or had one refused;
 * read again by a use case that changes a consumer's ledger
 * (alerts_plans_of, from svc_alerts_reread).
 *
 * A pass reads the plans whose alerts may have changed since the pass
 * before, not every plan (every plan's view was a third of the daily
 * pass at 10M: 0.8 s of CPU for 20,000 plans): by time, those with an
 * open installment falling due from the day of the pass before (less
 * the most grace days a plan gives) to [alerts] due_days after today
 * (missed since, due soon since, or due soon no longer); by the ledger,
 * those whose installments were paid, credited or moved, or which were
 * made, rescheduled or cancelled, since the mark of the pass before
 * (META_PLANS: "<due_days> <allocation> <credit application> <move>
 * <event> <arrangement> <rules>", the highest ids it saw and which of
 * the rules missed and broken were on: m, b, both or "-"). Every plan
 * at the first pass, when due_days changed or one of those rules was
 * switched on or off, and after a record refused (an
 * arrangement's change undone writes none of those rows). The open
 * alerts of those kinds of the plans read that no longer hold are
 * closed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/say.h"
#include "alerts_int.h"
#include "paydesk/date.h"

#define META_PLANS "alerts_plans"

/* The causes of the arrangement rules seen by a pass, sorted: an open
 * alert of those kinds whose cause is no longer among them is closed. */
struct causes {
	char **key;
	size_t n, cap;
};

static void
cause_seen(struct causes *c, const char *key)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->key = xrealloc(c->key, c->cap, sizeof *c->key);
	}
	c->key[c->n++] = xstrdup(key);
}

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The alerts of plan v as of today: broken, each installment missed and
 * each falling due within [alerts] due_days; their causes into *seen.
 * A rule switched off ([alerts] missed, broken: no) raises none, but
 * its cause is seen all the same: an alert of it raised before stays as
 * it is until its cause ends (helper-261, fault 4). */
static int
plan_rules(struct svc *s, const struct arr_view *v, int32_t today,
    const char *at, struct causes *seen, int64_t *n, struct pd_err *err)
{
	struct alert_row r;
	size_t i;
	int32_t due;

	if (v->status != ARR_ACTIVE && v->status != ARR_BROKEN)
		return 0;
	memset(&r, 0, sizeof r);
	r.consumer_id = v->a.consumer_id;
	r.arrangement_id = v->a.id;
	if (v->status == ARR_BROKEN) {
		/* a plan broken again after a reschedule is a new cause:
		 * its period is the reschedule (the first break's key as it
		 * was, so stores and nodes that hold it keep it) */
		if (v->a.changes > 0)
			snprintf(r.cause, sizeof r.cause, "plan-broken:%s:%d",
			    v->a.uuid, v->a.changes);
		else
			snprintf(r.cause, sizeof r.cause, "plan-broken:%s",
			    v->a.uuid);
		r.amount = v->left;
		r.figure = arr_tally_misses(&v->tally);
		r.allowed = v->a.misses_allowed;
		cause_seen(seen, r.cause);
		if (strcmp(s->cfg.alert_broken, "yes") == 0 &&
		    alerts_raise_one(s, &r, ALERT_BROKEN, at, n, err) != 0)
			return -1;
	}
	r.allowed = 0;
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];
		enum alert_kind k;

		if (date_parse(in->it.due_on, NULL, &due, NULL) != 0)
			continue;
		if (v->state[i] == ARR_MISSED)
			k = ALERT_MISSED;
		else if (v->state[i] == ARR_UPCOMING && due >= today &&
		         due - today <= s->cfg.alert_due_days)
			k = ALERT_DUE;
		else
			continue;
		snprintf(r.cause, sizeof r.cause, "%s:%s", alerts_kind_code(k),
		    in->it.uuid);
		xstrlcpy(r.ref, in->it.ref, sizeof r.ref);
		xstrlcpy(r.due_on, in->it.due_on, sizeof r.due_on);
		r.amount = in->it.amount - in->it.settled;
		r.figure = k == ALERT_MISSED ? today - due : due - today;
		cause_seen(seen, r.cause);
		if ((k != ALERT_MISSED ||
		        strcmp(s->cfg.alert_missed, "yes") == 0) &&
		    alerts_raise_one(s, &r, k, at, n, err) != 0)
			return -1;
	}
	return 0;
}

static int
cmp_cause(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Why alert id of the arrangement rules ended, as of at (its day), kept
 * to be said in the reader's language (say.h) into why (n bytes), ""
 * when nothing tells (helper-231, fault 5: none said why, where those
 * of the items' rules do); the change of its plan that ended it into
 * change (its event's uuid, "" none: svc_alert_ended). */
static int
arr_end_why(struct svc *s, int64_t id, const char *at, char *why, size_t n,
    char change[37], struct pd_err *err)
{
	struct alert_arr_end e;
	const char *args[1];
	int rc;

	why[0] = change[0] = '\0';
	if ((rc = store_alert_arr_end(s->st, id, &e, err)) != 0)
		return rc < 0 ? -1 : 0;
	args[0] = e.cancelled || strcmp(e.kind, "plan-broken") == 0 ? e.plan_no
	                                                            : e.ref;
	if (e.cancelled || (!e.undone && !e.paid && e.replaced) ||
	    strcmp(e.kind, "plan-broken") == 0)
		xstrlcpy(change, e.change, 37);
	if (e.cancelled)
		say_keep(why, n, N_("Arrangement %s is cancelled"), 1, args);
	else if (strcmp(e.kind, "plan-broken") == 0)
		say_keep(why, n,
		    N_("Arrangement %s is no longer broken: rescheduled or "
		       "paid up"),
		    1, args);
	else if (e.undone)
		say_keep(why, n,
		    N_("%s is undone: the central node did not take the change "
		       "of its arrangement"),
		    1, args);
	else if (e.paid)
		say_keep(why, n, N_("%s is paid in full"), 1, args);
	else if (e.replaced)
		say_keep(why, n,
		    N_("%s is replaced: its arrangement was rescheduled"), 1,
		    args);
	else if (e.due_on[0] != '\0' && strncmp(e.due_on, at, 10) < 0)
		say_keep(why, n, N_("%s is past due"), 1, args);
	else if (e.due_on[0] != '\0') {
		/* a missed one raised by a pass under a clock ahead, closed
		 * by the pass of today's day (svc_alerts_pass; helper-243,
		 * fault 1) */
		const char *two[2] = {args[0], e.due_on};

		say_keep(
		    why, n, N_("%s is not missed: it falls due on %s"), 2, two);
	}
	return 0;
}

/* Close the open alerts of the arrangement rules of the plans among
 * names (JSON array; NULL every plan) whose cause is not among seen: the
 * installment paid, the plan cancelled or rescheduled, what was due
 * soon now due or missed. By "system", in their history; sent to the
 * central node when synced (svc_alert_ended). */
static int
close_ended(struct svc *s, struct causes *seen, const char *among,
    const char *at, struct pd_err *err)
{
	struct alert_cause *r;
	char why[SAY_MAX], change[37];
	size_t nr, i;
	int rc = 0;

	/* none seen: key is NULL, which qsort may not be given */
	if (seen->n > 1)
		qsort(seen->key, seen->n, sizeof *seen->key, cmp_key);
	if ((r = store_alerts_open_arr(s->st, among, &nr, err)) == NULL)
		return -1;
	for (i = 0; i < nr && rc == 0; i++) {
		char base[sizeof r[i].cause];
		const char *key = base;

		/* one raised again is its cause's base and "#<n>"
		 * (store_alert_raise_anew): the rule sees the base */
		xstrlcpy(base, r[i].cause, sizeof base);
		base[strcspn(base, "#")] = '\0';
		if (seen->n > 0 && bsearch(&key, seen->key, seen->n,
		                       sizeof *seen->key, cmp_cause))
			continue;
		rc = arr_end_why(
		         s, r[i].id, at, why, sizeof why, change, err) != 0
		         ? -1
		         : svc_alert_ended(
		               s, r[i].id, r[i].cause, at, why, change, err);
	}
	free(r);
	return rc;
}

/* The rules over the arrangements as (na), then their alerts that
 * ended closed (among: their ids, NULL when as is every plan). */
static int
rules_of(struct svc *s, const struct arrangement *as, size_t na,
    const char *among, int32_t today, const char *at, int64_t *n,
    struct pd_err *err)
{
	struct causes seen = {0};
	struct arr_view v;
	size_t i;
	int rc = 0;

	for (i = 0; i < na && rc == 0; i++) {
		/* Cancelled: none holds (plan_rules), its alerts end */
		if (as[i].cancelled)
			continue;
		if ((rc = svc_arr_view_bare_of(s, &as[i], &v, err)) != 0)
			break;
		rc = plan_rules(s, &v, today, at, &seen, n, err);
		svc_arr_view_free(&v);
	}
	if (rc == 0)
		rc = close_ended(s, &seen, among, at, err);
	for (i = 0; i < seen.n; i++)
		free(seen.key[i]);
	free(seen.key);
	return rc;
}

int
alerts_plan_rules(struct svc *s, const char *last, int32_t today,
    const char *at, int every, int64_t *n, struct pd_err *err)
{
	struct plan_mark mark, top;
	struct arrangement *as;
	long long m[5];
	char buf[160] = "", from[11] = "9999-12-31", until[11] = "0000-00-00",
	     *among = NULL, *w, had[4] = "", on[4];
	int days = -1, rc, k;
	int32_t l;
	size_t na, i;

	/* the rules of no threshold on: switched on, every plan is read
	 * (the missed installments, the broken plans, raised then) */
	snprintf(on, sizeof on, "%s%s",
	    strcmp(s->cfg.alert_missed, "yes") == 0 ? "m" : "",
	    strcmp(s->cfg.alert_broken, "yes") == 0 ? "b" : "");
	if (on[0] == '\0')
		strcpy(on, "-");
	store_meta_get(s->st, META_PLANS, buf, sizeof buf);
	k = sscanf(buf, "%d %lld %lld %lld %lld %lld %3s", &days, &m[0], &m[1],
	    &m[2], &m[3], &m[4], had);
	/* a mark of before the switches: both rules were on (not every
	 * plan read again at the first pass after an upgrade: a minute at
	 * 10M payments) */
	if (k == 6)
		strcpy(had, "mb");
	if (k < 6 || days != s->cfg.alert_due_days || strcmp(had, on) != 0)
		every = 1;
	mark.allocs = m[0];
	mark.credits = m[1];
	mark.moves = m[2];
	mark.events = m[3];
	mark.arrs = m[4];
	/* the daily pass: the window from the day before's (last "" the
	 * first pass: every plan); a sync round (last NULL): none */
	if (last != NULL) {
		if (date_parse(last, NULL, &l, NULL) != 0)
			every = 1;
		else {
			date_format(from, l);
			date_format(until, today + s->cfg.alert_due_days);
		}
	}
	store_plan_mark_top(s->st, &top);
	as = every
	         ? store_arr_list(s->st, 0, NULL, &na, err)
	         : store_arr_list_touched(s->st, from, until, &mark, &na, err);
	if (as == NULL)
		return -1;
	if (!every) {
		w = among = xcalloc(na * 21 + 3, 1);
		*w++ = '[';
		for (i = 0; i < na; i++)
			w = svc_json_id(w, as[i].id);
		strcpy(w, "]");
	}
	rc = rules_of(s, as, na, among, today, at, n, err);
	free(as);
	free(among);
	if (rc != 0)
		return -1;
	snprintf(buf, sizeof buf, "%d %lld %lld %lld %lld %lld %s",
	    s->cfg.alert_due_days, (long long)top.allocs,
	    (long long)top.credits, (long long)top.moves, (long long)top.events,
	    (long long)top.arrs, on);
	return store_meta_set(s->st, META_PLANS, buf, err);
}

/* The arrangement rules of one consumer's plans, in the caller's
 * transaction, when a change of the ledger there (a void, a credit
 * note voided) may have made an installment missed or a plan broken:
 * raised at once rather than at the next day's pass; counted into *n
 * (svc_alerts_reread audits them). */
int
alerts_plans_of(struct svc *s, int64_t consumer_id, int32_t today,
    const char *at, int64_t *n, struct pd_err *err)
{
	struct causes seen = {0};
	struct arrangement *a;
	struct arr_view v;
	size_t na, i;
	int rc = 0;

	if ((a = store_arr_list(s->st, consumer_id, NULL, &na, err)) == NULL)
		return -1;
	for (i = 0; i < na && rc == 0; i++) {
		if (a[i].cancelled)
			continue;
		if ((rc = svc_arr_view_of(s, &a[i], &v, err)) != 0)
			break;
		rc = plan_rules(s, &v, today, at, &seen, n, err);
		svc_arr_view_free(&v);
	}
	/* and what ended closed at once: an installment paid at the
	 * counter, a plan rescheduled or cancelled (review 21b, fault 8:
	 * its alerts stayed open until the next day's pass) */
	if (rc == 0 && na > 0) {
		char *among, *w;

		w = among = xcalloc(na * 21 + 3, 1);
		*w++ = '[';
		for (i = 0; i < na; i++)
			w = svc_json_id(w, a[i].id);
		strcpy(w, "]");
		rc = close_ended(s, &seen, among, at, err);
		free(among);
	}
	free(a);
	for (i = 0; i < seen.n; i++)
		free(seen.key[i]);
	free(seen.key);
	return rc;
}
