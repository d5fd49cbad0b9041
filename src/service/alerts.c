/* alerts.c - the alerts of the debts being worked (issue 21), STORED: one
 * row per cause (store/alerts.c), raised when the cause happens and
 * worked in an inbox (acknowledged, assigned, noted, closed: alert_inbox.c).
 *
 * Where a cause happens: posting (svc_alert_payment, in the posting's
 * transaction), a sync round (svc_alerts_sync: records refused, and the
 * arrangement rules on what it brought) and the pass of the first use
 * of each day (svc_alerts_tick: every rule of time; the gateway rule,
 * counted in hours, once an hour). The pass remembers the day it last
 * ran: an item is looked at once, when it passes [alerts] overdue_days
 * or, already past them, comes into the store or is opened again (a
 * mark of the items, allocations and moves seen per setting of the
 * days), not on every screen; a plan likewise, when an installment of
 * it falls due in the days since or it changed (alert_plans.c). The
 * other rules read a bounded set (credit notes expiring in a window,
 * gateway payments with no payment, the reconciliation's exceptions).
 *
 * Delivery (alert_deliver.c): each new alert waits (deliver = 1) for
 * [alerts] command,
 * given it as one JSON object on its standard input after the commit; a
 * command that fails leaves it waiting with the error (s->alert_note
 * for the front end, an audit entry) and it is tried again at the next
 * use; it is never lost. The work on an organisation's alert is synced
 * (alert_sync.c: an alert is one by its cause wherever it is computed).
 *
 * TO ADD A RULE: a kind at the end of enum alert_kind (service.h) and of
 * kinds[] (alert_kinds.c), its cause key (unique per cause) and its rule in
 * day_rules or where its cause happens, its key in config.c,
 * config.ini.example and paydesk.ini(5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "alerts_int.h"
#include "paydesk/date.h"
#include "paydesk/say.h"

#define META_DAY "alerts_day"
#define META_HOUR "alerts_hour"
#define META_OVERDUE "alerts_overdue"
#define META_GATEWAY "alerts_gateway"
/* what the close of the alerts that no longer hold saw (close_stale):
 * "<allocation> <credit application> <arrangement move> <void>" */
#define META_STALE "alerts_stale"
/* ---- raising ---- */

int
alerts_raise_one(struct svc *s, struct alert_row *r, enum alert_kind k, const char *at,
    int64_t *n, struct pd_err *err)
{
	int raised;

	xstrlcpy(r->kind, alerts_kind_code(k), sizeof r->kind);
	xstrlcpy(r->raised_at, at, sizeof r->raised_at);
	if (store_alert_raise_anew(
	        s->st, r, alerts_delivers(s), &raised, err) != 0)
		return -1;
	*n += raised;
	return 0;
}

/* A key (const char **) against an alert's cause (bsearch). */
static int
cmp_cause(const void *k, const void *a)
{
	return strcmp(*(const char *const *)k,
	    ((const struct alert_cause *)a)->cause);
}

/* The cause of the alert of reconciliation exception e into out. */
static void
recon_cause(char *out, size_t n, const struct recon_exception *e)
{
	snprintf(
	    out, n, "reconciliation:%s:%s", recon_kind_name(e->kind), e->ref);
}

/* Alert id of reconciliation exception cause closed by "system", its
 * exception resolved (helper-235, fault 1). */
static int
recon_end(struct svc *s, int64_t id, const char *cause, const char *at,
    struct pd_err *err)
{
	const char *ref = strchr(cause + strlen("reconciliation:"), ':'),
	           *args[1];
	char why[SAY_MAX];

	args[0] = ref != NULL ? ref + 1 : cause;
	say_keep(why, sizeof why, N_("Reconciliation exception %s is resolved"),
	    1, args);
	return svc_alert_ended(s, id, cause, at, why, NULL, err);
}

int
svc_alert_recon_resolved(struct svc *s, const struct recon_exception *e,
    const char *at, struct pd_err *err)
{
	struct alert_row a;
	char cause[160];
	int rc;

	recon_cause(cause, sizeof cause, e);
	if ((rc = store_alert_by_cause(s->st, cause, &a, err)) < 0)
		return -1;
	return rc == 0 && strcmp(a.status, "closed") != 0
	           ? recon_end(s, a.id, cause, at, err)
	           : 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reconciliation exceptions [alerts] reconciliation_days old or older;
 * the alerts of those no longer there closed. */
static int
recon_rule(struct svc *s, const char *today, const char *at, int64_t *n,
    struct pd_err *err)
{
	struct recon_exception *e;
	struct alert_cause *had;
	struct alert_row r;
	const char *key;
	char **now;
	size_t ne, nh, i, nn = 0;
	int rc = 0;

	if ((e = svc_recon_exc(s, today, s->cfg.alert_recon_days, &ne, err)) ==
	    NULL)
		return -1;
	/* the causes raised before, skipped here: their INSERT did nothing
	 * (20,000 credits unmatched at 10M, each tried at every pass) */
	if ((had = store_alert_causes(s->st, "reconciliation:", &nh, err)) ==
	    NULL) {
		free(e);
		return -1;
	}
	now = xcalloc(ne ? ne : 1, sizeof *now);
	for (i = 0; i < ne && rc == 0; i++) {
		if (e[i].age < s->cfg.alert_recon_days)
			continue;
		memset(&r, 0, sizeof r);
		recon_cause(r.cause, sizeof r.cause, &e[i]);
		now[nn++] = xstrdup(r.cause);
		key = r.cause;
		if (nh > 0 && bsearch(&key, had, nh, sizeof *had, cmp_cause))
			continue;
		xstrlcpy(r.ref, e[i].ref, sizeof r.ref);
		xstrlcpy(r.due_on, e[i].on, sizeof r.due_on);
		r.amount = e[i].difference;
		r.figure = (int)e[i].age;
		rc = alerts_raise_one(s, &r, ALERT_RECON, at, n, err);
	}
	/* those open whose exception is no longer there: resolved, matched
	 * or cleared (helper-235, fault 1: they stayed open for good) */
	if (nn > 1)
		qsort(now, nn, sizeof *now, cmp_str);
	for (i = 0; i < nh && rc == 0; i++) {
		key = had[i].cause;
		if (!had[i].open ||
		    (nn > 0 && bsearch(&key, now, nn, sizeof *now, cmp_str)))
			continue;
		rc = recon_end(s, had[i].id, had[i].cause, at, err);
	}
	for (i = 0; i < nn; i++)
		free(now[i]);
	free(now);
	free(had);
	free(e);
	return rc;
}

/* The rule of items overdue by [alerts] overdue_days, as of day t:
 * the items that passed the threshold since the day last ("" none; t:
 * none by their dates) and those that came into the store since the
 * rule's mark (imported or pulled already past it) or were opened again
 * (a void, a cancelled plan): past the mark, META_OVERDUE "<days> <item
 * id> <allocation id> <arrangement move id>". All of them at the first
 * pass, and when the rule was just switched on or its days changed
 * (review of issue 21). Nothing when the rule is off (its mark
 * cleared). */
static int
overdue_rule(struct svc *s, const char *last, int32_t t, const char *at,
    int64_t *n, struct pd_err *err)
{
	char after[11] = "0000-00-00", upto[11], mark[96] = "";
	long long hw = -1, ha = 0, hm = 0;
	struct overdue_mark seen, top;
	int days = -1;
	int32_t l;

	if (s->cfg.alert_overdue_days < 0)
		return store_meta_set(s->st, META_OVERDUE, "", err);
	date_format(upto, t - s->cfg.alert_overdue_days);
	store_meta_get(s->st, META_OVERDUE, mark, sizeof mark);
	if (sscanf(mark, "%d %lld %lld %lld", &days, &hw, &ha, &hm) != 4 ||
	    days != s->cfg.alert_overdue_days)
		hw = -1;
	seen.items = hw;
	seen.allocs = ha;
	seen.moves = hm;
	if (hw >= 0 && last[0] != '\0' && date_parse(last, NULL, &l, NULL) == 0)
		date_format(after, l - s->cfg.alert_overdue_days);
	if (store_alerts_raise_overdue(s->st, after, upto, &seen,
	        s->cfg.alert_overdue_days, at, alerts_delivers(s), n, &top,
	        err) != 0)
		return -1;
	snprintf(mark, sizeof mark, "%d %lld %lld %lld",
	    s->cfg.alert_overdue_days, (long long)top.items,
	    (long long)top.allocs, (long long)top.moves);
	return store_meta_set(s->st, META_OVERDUE, mark, err);
}

int
svc_alerts_items_came(
    struct svc *s, const char *by, const char *at, struct pd_err *err)
{
	char today[11], last[16] = "";
	int64_t before, n = 0;
	int32_t t;

	if (s->base_cfg != NULL || s->gateway_of != NULL ||
	    s->cfg.alert_overdue_days < 0)
		return 0;
	xstrlcpy(today, at, sizeof today);
	store_meta_get(s->st, META_DAY, last, sizeof last);
	/* the day's pass not made yet: it takes them, with the rest */
	if (date_parse(today, NULL, &t, NULL) != 0 || strcmp(last, today) != 0)
		return 0;
	if (store_alerts_max_id(s->st, &before, err) != 0 ||
	    overdue_rule(s, today, t, at, &n, err) != 0)
		return -1;
	return alerts_raised(s, before, n, by, at, err);
}

int
svc_alerts_recon_came(
    struct svc *s, const char *by, const char *at, struct pd_err *err)
{
	char today[11], last[16] = "";
	int64_t before, n = 0;

	if (s->base_cfg != NULL || s->gateway_of != NULL ||
	    s->cfg.alert_recon_days < 0)
		return 0;
	xstrlcpy(today, at, sizeof today);
	store_meta_get(s->st, META_DAY, last, sizeof last);
	/* the day's pass not made yet: it takes them, with the rest */
	if (strcmp(last, today) != 0)
		return 0;
	if (store_alerts_max_id(s->st, &before, err) != 0 ||
	    recon_rule(s, today, at, &n, err) != 0)
		return -1;
	return alerts_raised(s, before, n, by, at, err);
}

int
svc_finish_recon(struct svc *s, int rc, const char *by, struct pd_err *err)
{
	char at[TS_BUFSZ];

	if (rc == 0) {
		svc_now(at);
		rc = svc_alerts_recon_came(s, by, at, err);
	}
	if (svc_finish(s, rc, err) != 0)
		return -1;
	svc_alerts_tick(s); /* delivered after the commit */
	return 0;
}

/* The rules of the day: last is the day of the pass before ("" none). */
static int
day_rules(struct svc *s, const char *last, const char *today, const char *at,
    int64_t *n, struct pd_err *err)
{
	char until[11];
	int32_t t;

	date_parse(today, NULL, &t, NULL);
	if (alerts_plan_rules(s, last, t, at, 0, n, err) != 0 ||
	    overdue_rule(s, last, t, at, n, err) != 0)
		return -1;
	if (s->cfg.alert_credit_days >= 0) {
		date_format(until, t + s->cfg.alert_credit_days);
		if (store_alerts_raise_credit(s->st, 0, today, until, at,
		        alerts_delivers(s), n, err) != 0)
			return -1;
	}
	if (s->cfg.alert_recon_days >= 0 &&
	    recon_rule(s, today, at, n, err) != 0)
		return -1;
	return 0;
}

/* Why an alert of the rules of items, notes and payments ended, kept to
 * be said in the reader's language (say.h): st's why, ref and on. */
static void
stale_why(const struct alert_stale *st, char *out, size_t n)
{
	static const struct {
		const char *why, *msgid;
	} whys[] = {
	    {"settled", N_("%s is settled in full")},
	    {"arranged", N_("%s is under an arrangement")},
	    {"cn-voided", N_("Credit note %s is voided")},
	    {"voided", N_("Payment %s is voided")},
	    {"used", N_("Credit note %s is used in full")},
	    {"expired", N_("Credit note %s expired on %s")},
	    {"uncleared", N_("Payment %s is no longer cleared")},
	    {"not-overdue", N_("%s is not overdue yet: it falls due on %s")},
	};
	const char *args[2];
	size_t i;

	args[0] = st->ref;
	args[1] = st->on;
	out[0] = '\0';
	for (i = 0; i < sizeof whys / sizeof whys[0]; i++)
		if (strcmp(st->why, whys[i].why) == 0)
			say_keep(out, n, whys[i].msgid,
			    strcmp(st->why, "expired") == 0 ||
			            strcmp(st->why, "not-overdue") == 0
			        ? 2
			        : 1,
			    args);
}

/* Close the open alerts of items overdue, credit notes expiring and
 * large payments whose cause no longer holds as of today (the item
 * settled or taken over by a plan, the note used, voided or expired, the
 * payment voided), of consumer_id (0: every consumer's: the daily pass,
 * a sync round), each with why, by "system" (review 21b, fault 8b: they
 * stayed Open, in the inbox and the header's count); of those a user
 * closed while their cause held, the end noted only (store_alerts_stale).
 * back: a pass by hand under a clock set back (pass): every open one
 * read, and the item-overdue ones raised under a clock ahead closed. */
static int
close_stale(struct svc *s, int64_t consumer_id, const char *today,
    const char *at, int back, struct pd_err *err)
{
	struct alert_stale_mark mark, top;
	struct alert_stale *a;
	char why[SAY_MAX], buf[96] = "";
	long long m[4];
	size_t n, i;
	int rc = 0, has = 0;

	/* every consumer's: what changed since the mark of the one before
	 * (every open one at the first) */
	if (consumer_id == 0) {
		store_meta_get(s->st, META_STALE, buf, sizeof buf);
		has = sscanf(buf, "%lld %lld %lld %lld", &m[0], &m[1], &m[2],
		          &m[3]) == 4;
		mark.allocs = m[0];
		mark.credits = m[1];
		mark.moves = m[2];
		mark.voids = m[3];
		store_alert_stale_top(s->st, &top);
	}
	if ((a = store_alerts_stale(s->st, consumer_id, has ? &mark : NULL,
	         today, back, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		stale_why(&a[i], why, sizeof why);
		/* one a user closed: its cause's end noted, its close the
		 * user's (its return raises it again); an organisation's
		 * noted at the central node and the other terminals too, at
		 * the time the first pass saw it (helper-230, fault 3) */
		rc = svc_alert_ended(
		    s, a[i].id, a[i].cause, at, why, a[i].change, err);
	}
	free(a);
	if (rc == 0 && consumer_id == 0) {
		snprintf(buf, sizeof buf, "%lld %lld %lld %lld",
		    (long long)top.allocs, (long long)top.credits,
		    (long long)top.moves, (long long)top.voids);
		rc = store_meta_set(s->st, META_STALE, buf, err);
	}
	return rc;
}

int
svc_alerts_reread(struct svc *s, int64_t consumer_id, int plans,
    const char *by, const char *at, struct pd_err *err)
{
	char today[11], upto[11], until[11];
	int64_t before, n = 0;
	int32_t t;

	/* the central node and a gateway's service raise none */
	if (s->base_cfg != NULL || s->gateway_of != NULL || consumer_id == 0)
		return 0;
	xstrlcpy(today, at, sizeof today);
	if (date_parse(today, NULL, &t, NULL) != 0)
		return 0;
	if (store_alerts_max_id(s->st, &before, err) != 0 ||
	    (plans && alerts_plans_of(s, consumer_id, t, at, &n, err) != 0) ||
	    close_stale(s, consumer_id, today, at, 0, err) != 0)
		return -1;
	/* what ended and holds again: a new alert (the rules on) */
	date_format(upto, t - s->cfg.alert_overdue_days);
	if (store_alerts_raise_again(s->st, consumer_id,
	        s->cfg.alert_overdue_days >= 0 ? upto : NULL,
	        s->cfg.alert_overdue_days, s->cfg.alert_large, at,
	        alerts_delivers(s), &n, err) != 0)
		return -1;
	if (s->cfg.alert_credit_days >= 0) {
		date_format(until, t + s->cfg.alert_credit_days);
		if (store_alerts_raise_credit(s->st, consumer_id, today, until,
		        at, alerts_delivers(s), &n, err) != 0)
			return -1;
	}
	return alerts_raised(s, before, n, by, at, err);
}

int
alerts_raised(struct svc *s, int64_t before, int64_t n, const char *by, const char *at,
    struct pd_err *err)
{
	char ref[48], detail[64];
	int64_t last;

	if (n == 0)
		return 0;
	if (store_alerts_max_id(s->st, &last, err) != 0 ||
	    store_alerts_raised_since(s->st, before, at, "system", err) != 0)
		return -1;
	snprintf(ref, sizeof ref, "%lld-%lld", (long long)before + 1,
	    (long long)last);
	snprintf(detail, sizeof detail, "raised=%lld by=%s", (long long)n, by);
	return svc_audit(s, at, "raise", "alerts", ref, detail, err);
}

/* Gateway payments unassociated for [alerts] gateway_hours: those that
 * passed the hours since the pass before or were pulled since it (every
 * one at the first pass, or when the hours changed: each of 75,000 at
 * 10M was looked at again every hour), META_GATEWAY "<hours> <the
 * pass's time>". */
static int
gateway_rule(struct svc *s, const char *now, int64_t *n, struct pd_err *err)
{
	char mark[64] = "", last[TS_BUFSZ] = "", day[11] = "";
	int hours = -1;
	int32_t l;

	store_meta_get(s->st, META_GATEWAY, mark, sizeof mark);
	if (sscanf(mark, "%d %10s %8s", &hours, day, last + 11) == 3 &&
	    hours == s->cfg.alert_gateway_hours &&
	    date_parse(day, NULL, &l, NULL) == 0) {
		/* the day of the pass before less the hours (and a day: a
		 * payment's time may be given in another zone's) */
		memcpy(last, day, 10);
		last[10] = ' ';
		date_format(day, l - hours / 24 - 2);
	} else
		day[0] = last[0] = '\0';
	if (store_alerts_raise_gateway(s->st, now, s->cfg.alert_gateway_hours,
	        day, last, now, alerts_delivers(s), n, err) != 0)
		return -1;
	snprintf(mark, sizeof mark, "%d %s", s->cfg.alert_gateway_hours, now);
	return store_meta_set(s->st, META_GATEWAY, mark, err);
}

/* How many days a clock may be behind the last pass's day before the
 * inbox says so (a day or two back is a clock put right, passing again
 * soon; more, the last pass likely ran under a clock ahead) */
#define BEHIND_DAYS 31

int
svc_alerts_behind(struct svc *s, char *msg, size_t n)
{
	char now[TS_BUFSZ], last[16] = "";
	int32_t t, l;

	svc_now(now);
	now[10] = '\0';
	store_meta_get(s->st, META_DAY, last, sizeof last);
	if (date_parse(now, NULL, &t, NULL) != 0 ||
	    date_parse(last, NULL, &l, NULL) != 0 || l - t <= BEHIND_DAYS)
		return 0;
	snprintf(msg, n,
	    _("The clock's day, %s, is %d days before the alerts' last daily "
	      "pass, %s: no alert of the day is raised until then. If that "
	      "pass ran under a wrong clock, a supervisor passes today's with "
	      "`paydesk alerts pass`"),
	    now, (int)(l - t), last);
	return 1;
}

/* The pass, when the day (or, for the gateway rule, the hour) changed
 * since the last one; one transaction. again: a clock before the last
 * pass's day passes today all the same (svc_alerts_pass). *was (if not
 * NULL, 11 bytes) the last pass's day; *day (if not NULL, 11 bytes) the
 * day this one passes, read from the clock once. */
static int
pass(struct svc *s, int again, char *was, char *day_out, struct pd_err *err)
{
	char now[TS_BUFSZ], today[11], hour[14], last[16] = "",
	                                         last_hour[16] = "";
	int64_t before, n = 0;
	int day, rc, back = 0;

	svc_now(now);
	memcpy(today, now, 10);
	today[10] = '\0';
	snprintf(hour, sizeof hour, "%.13s", now);
	store_meta_get(s->st, META_DAY, last, sizeof last);
	store_meta_get(s->st, META_HOUR, last_hour, sizeof last_hour);
	if (was != NULL)
		snprintf(was, 11, "%.10s", last);
	if (day_out != NULL)
		memcpy(day_out, today, 11);
	/* forward only: a clock set back (a day already passed) passes
	 * nothing until it is past the last day again, but when passed
	 * again by hand: as a first pass, every plan read (their alerts
	 * that do not hold today closed), the day set back to today */
	if (strcmp(today, last) < 0) {
		if (!again)
			return 0;
		last[0] = last_hour[0] = '\0';
		back = 1;
	}
	day = again || strcmp(last, today) != 0;
	if (!day &&
	    (s->cfg.alert_gateway_hours < 0 || strcmp(last_hour, hour) >= 0))
		return 0;
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = store_alerts_max_id(s->st, &before, err);
	/* what ended since (paid, voided, used, expired; here or pulled)
	 * closed first: a cause that holds again is then a new alert */
	if (rc == 0 && day)
		rc = close_stale(s, 0, today, now, back, err);
	if (rc == 0 && day)
		rc = day_rules(s, last, today, now, &n, err);
	/* the gateway rule's mark of that later pass too: every one */
	if (rc == 0 && back)
		rc = store_meta_set(s->st, META_GATEWAY, "", err);
	if (rc == 0 && s->cfg.alert_gateway_hours >= 0)
		rc = gateway_rule(s, now, &n, err);
	if (rc == 0)
		rc = alerts_raised(s, before, n, "pass", now, err);
	/* steps pulled before their alert, now raised here */
	if (rc == 0 && n > 0)
		rc = svc_alerts_release_held(s, err);
	if (rc == 0 && day)
		rc = store_meta_set(s->st, META_DAY, today, err);
	if (rc == 0 && s->cfg.alert_gateway_hours >= 0)
		rc = store_meta_set(s->st, META_HOUR, hour, err);
	return svc_finish(s, rc, err);
}

int
svc_alert_payment(
    struct svc *s, const struct payment *p, const char *at, struct pd_err *err)
{
	struct alert_row r;
	int64_t before, n = 0;

	if (s->cfg.alert_large < 0 || p->status != PS_POSTED ||
	    p->amount <= s->cfg.alert_large)
		return 0;
	memset(&r, 0, sizeof r);
	snprintf(r.cause, sizeof r.cause, "large-payment:%s", p->uuid);
	r.consumer_id = p->consumer_id;
	r.payment_id = p->id;
	xstrlcpy(r.ref, p->receipt_no, sizeof r.ref);
	xstrlcpy(r.due_on, p->paid_on, sizeof r.due_on);
	r.amount = p->amount;
	if (store_alerts_max_id(s->st, &before, err) != 0 ||
	    alerts_raise_one(s, &r, ALERT_LARGE, at, &n, err) != 0)
		return -1;
	return alerts_raised(s, before, n, "payment", at, err);
}

void
svc_alerts_tick(struct svc *s)
{
	struct pd_err err = {0};

	if (s->st == NULL || s->base_cfg != NULL || s->gateway_of != NULL)
		return;
	s->alerts_ticked = 1;
	if (pass(s, 0, NULL, NULL, &err) != 0 || alerts_deliver(s, &err) != 0)
		xstrlcpy(s->alert_note, err.msg, sizeof s->alert_note);
}

int
svc_alerts_pass(struct svc *s, char was[11], char day[11], struct pd_err *err)
{
	struct pd_err e = {0};

	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Passing the alerts again"), err) != 0)
		return -1;
	s->alerts_ticked = 1;
	if (pass(s, 1, was, day, err) != 0)
		return -1;
	/* delivered as after any pass: a failure is noted, not the pass's */
	if (alerts_deliver(s, &e) != 0)
		xstrlcpy(s->alert_note, e.msg, sizeof s->alert_note);
	return 0;
}

void
svc_alerts_sync(struct svc *s, int pulled, int refused_now)
{
	struct pd_err err = {0};
	char now[TS_BUFSZ], today[11];
	int64_t before, n = 0, refused;
	int32_t t;
	int rc;

	svc_now(now);
	memcpy(today, now, 10);
	today[10] = '\0';
	date_parse(today, NULL, &t, NULL);
	if (store_begin(s->st, &err) != 0) {
		xstrlcpy(s->alert_note, err.msg, sizeof s->alert_note);
		return;
	}
	rc = store_alerts_max_id(s->st, &before, &err);
	/* the rule off ([alerts] refused = no): none raised; switched on,
	 * those refused meanwhile and still kept are (helper-261, fault 4) */
	if (rc == 0 && strcmp(s->cfg.alert_refused, "yes") == 0)
		rc = store_alerts_raise_refused(
		    s->st, now, alerts_delivers(s), &n, &err);
	/* a record refused, its alert raised now or not (the rule off) */
	refused = n + (refused_now != 0);
	/* what the records pulled ended (an item paid, a payment voided at
	 * another terminal), and what a change refused and undone here
	 * ended (a cancel undone: its items under the plan again; helper-237,
	 * fault 1: their overdue alerts stayed Open until the next day when
	 * the round pulled nothing); after the pull, the plan as the central
	 * node has it */
	if (rc == 0 && (pulled || refused > 0))
		rc = close_stale(s, 0, today, now, 0, &err);
	/* what it brought may break a plan; a record refused may undo an
	 * arrangement's change (every plan read) */
	if (rc == 0 && (pulled || refused > 0))
		rc = alerts_plan_rules(s, NULL, t, now, refused > 0, &n, &err);
	if (rc == 0)
		rc = alerts_raised(s, before, n, "sync", now, &err);
	/* the items pulled overdue already (review 21, helper-228 fault 3:
	 * raised at the next day's pass) */
	if (rc == 0 && pulled)
		rc = svc_alerts_items_came(s, "sync", now, &err);
	/* and the reconciliation's exceptions they made or ended (a
	 * statement, a match, a shift pulled) */
	if (rc == 0 && pulled)
		rc = svc_alerts_recon_came(s, "sync", now, &err);
	/* steps pulled before their alert, now here (raised by this round's
	 * rules or a pulled payment's) */
	if (rc == 0)
		rc = svc_alerts_release_held(s, &err);
	if (svc_finish(s, rc, &err) != 0 || alerts_deliver(s, &err) != 0)
		xstrlcpy(s->alert_note, err.msg, sizeof s->alert_note);
}
