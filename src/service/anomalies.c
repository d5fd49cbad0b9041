/* anomalies.c - payment patterns that look wrong (issue 23, seeds 002
 * and 003): a rule list, not a black box. Each rule reads one day's
 * facts from the store (store/anomalies.c) and says why it flagged each
 * row with the figures, against the thresholds of [anomalies]:
 *   large    a Posted payment at least large_factor times its consumer's
 *            average Posted payment over the 365 days before the day,
 *            when they made at least large_history of them;
 *   burst    burst_count or more Posted or Pending payments of one
 *            consumer within burst_minutes (by the time each was made);
 *   voids    a terminal's cash payments voided that day, at least
 *            peer_least and peer_factor times the average of the other
 *            terminals at work that day (a payment, a void or a note);
 *   credits  the same of its credit notes made by hand;
 *   round    round_count or more credit notes made by hand by one user
 *            that day of a whole multiple of round_unit.
 * TO ADD A RULE: enum anomaly_rule (model.h), its title in rule_titles,
 * a function here called from svc_anomalies, its facts in
 * store/anomalies.c, its keys in config.c, and paydesk(1),
 * paydesk.ini(5), config.ini.example. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

static const char *const rule_titles[ANOMALY_RULES] = {
    [ANOMALY_LARGE] = N_("Large payment"),
    [ANOMALY_BURST] = N_("Many payments"),
    [ANOMALY_VOIDS] = N_("Cash voids"),
    [ANOMALY_CREDITS] = N_("Credit notes"),
    [ANOMALY_ROUND] = N_("Round credit notes"),
};

const char *
svc_anomaly_title(enum anomaly_rule r)
{
	return (unsigned)r < ANOMALY_RULES ? _(rule_titles[r]) : "";
}

const char *
svc_anomaly_word(enum anomaly_rule r)
{
	return (unsigned)r < ANOMALY_RULES ? rule_titles[r] : "";
}

/* r's reason for the reader (en 0) or for JSON and CSV (en 1, English) */
static char *
reason_of(struct anomaly_row *r, int en)
{
	return en ? r->reason_en : r->reason;
}

/* The rule being run and where its rows go. */
struct anom {
	struct svc *s;
	const char *day;
	anomaly_cb cb;
	void *arg;
	int stop;
	/* the burst rule: one consumer's payments so far */
	struct anomaly_fact *pay;
	size_t npay, cap;
	/* the peers rules: every terminal of the day */
	struct anomaly_fact *term;
	size_t nterm, tcap;
	/* the terminals of the scope in force with what the scope sees of
	 * them, whose rows are shown; x->term are all their peers, the
	 * scope's or not (s72 fault 8) */
	struct anomaly_fact *shown;
	size_t nshown;
};

/* Terminal who among all the peers (x->term), or NULL. */
static const struct anomaly_fact *
peer_of(const struct anom *x, const char *who)
{
	size_t i;

	for (i = 0; i < x->nterm; i++)
		if (strcmp(x->term[i].who, who) == 0)
			return &x->term[i];
	return NULL;
}

/* A row of rule r for x's callback. */
static void
emit(struct anom *x, struct anomaly_row *r)
{
	xstrlcpy(r->day, x->day, sizeof r->day);
	if (!x->stop && x->cb(r, x->arg) != 0)
		x->stop = 1;
}

/* v * num / den in tenths, half up (den > 0). */
static int64_t
tenths(int64_t v, int64_t num, int64_t den)
{
	__int128 p = (__int128)v * num * 10;

	return (int64_t)((p + den / 2) / den);
}

static int
large_fact(const struct anomaly_fact *f, void *arg)
{
	struct anom *x = arg;
	const struct config *cfg = &x->s->cfg;
	struct anomaly_row r;
	char amt[48], avg[48], times[32];
	int en;

	/* amount / (sum / count) >= factor, in integers */
	if (f->count < cfg->anom_large_history || f->sum <= 0 ||
	    (__int128)f->amount * f->count <
	        (__int128)cfg->anom_large_factor * f->sum)
		return x->stop;
	memset(&r, 0, sizeof r);
	r.rule = ANOMALY_LARGE;
	xstrlcpy(r.who, f->who, sizeof r.who);
	xstrlcpy(r.account, f->account, sizeof r.account);
	xstrlcpy(r.ref, f->ref, sizeof r.ref);
	r.amount = f->amount;
	r.count = 1;
	svc_money(x->s, amt, sizeof amt, f->amount);
	svc_money(x->s, avg, sizeof avg, tenths(f->sum, 1, f->count * 10));
	svc_tenths(x->s, times, sizeof times, tenths(f->amount, f->count, f->sum));
	for (en = 0; en < 2; en++)
		snprintf(reason_of(&r, en), sizeof r.reason,
		    MN_(en,
		        "%1$s is %2$s times the consumer's average of %3$s "
		        "over %4$lld payment in the year before (the rule: "
		        "%5$d times)",
		        "%1$s is %2$s times the consumer's average of %3$s "
		        "over %4$lld payments in the year before (the rule: "
		        "%5$d times)",
		        (unsigned long)f->count),
		    amt, times, avg, (long long)f->count,
		    cfg->anom_large_factor);
	emit(x, &r);
	return x->stop;
}

/* The consumer's payments in x->pay: the widest window of burst_minutes
 * that holds burst_count of them or more, as a row. */
static void
burst_flush(struct anom *x)
{
	const struct config *cfg = &x->s->cfg;
	int64_t span = (int64_t)cfg->anom_burst_minutes * 60, sum = 0;
	size_t i, j = 0, best = 0, from = 0, k;
	struct anomaly_row r;
	char amt[48];
	int en;

	for (i = 0; i < x->npay; i++) {
		while (date_ts_secs(x->pay[i].at) - date_ts_secs(x->pay[j].at) >
		       span)
			j++;
		if (i - j + 1 > best) {
			best = i - j + 1;
			from = j;
		}
	}
	if (x->npay == 0 || best < (size_t)cfg->anom_burst_count)
		goto out;
	memset(&r, 0, sizeof r);
	r.rule = ANOMALY_BURST;
	xstrlcpy(r.who, x->pay[from].who, sizeof r.who);
	xstrlcpy(r.account, x->pay[from].account, sizeof r.account);
	snprintf(r.ref, sizeof r.ref, "%s..%s", x->pay[from].ref,
	    x->pay[from + best - 1].ref);
	for (k = from; k < from + best; k++)
		sum += x->pay[k].amount;
	r.amount = sum;
	r.count = (int64_t)best;
	svc_money(x->s, amt, sizeof amt, sum);
	for (en = 0; en < 2; en++)
		snprintf(reason_of(&r, en), sizeof r.reason,
		    M_(en, "%1$lld payments of %2$s from %3$.8s to %4$.8s, "
		           "within %5$d minutes (the rule: %6$d within %7$d "
		           "minutes)"),
		    (long long)best, amt, x->pay[from].at + 11,
		    x->pay[from + best - 1].at + 11, cfg->anom_burst_minutes,
		    cfg->anom_burst_count, cfg->anom_burst_minutes);
	emit(x, &r);
out:
	x->npay = 0;
}

static int
burst_fact(const struct anomaly_fact *f, void *arg)
{
	struct anom *x = arg;

	if (x->npay > 0 && x->pay[0].id != f->id)
		burst_flush(x);
	if (strlen(f->at) < 19 || date_ts_secs(f->at) < 0)
		return x->stop; /* no time to place it by */
	if (x->npay == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->pay = xrealloc(x->pay, x->cap, sizeof *x->pay);
	}
	x->pay[x->npay++] = *f;
	return x->stop;
}

static int
term_fact(const struct anomaly_fact *f, void *arg)
{
	struct anom *x = arg;

	if (x->nterm == x->tcap) {
		x->tcap = x->tcap ? x->tcap * 2 : 16;
		x->term = xrealloc(x->term, x->tcap, sizeof *x->term);
	}
	x->term[x->nterm++] = *f;
	return 0;
}

/* The terminals of the scope (x->shown), each with what the scope sees
 * of it, against the average of all the other terminals at work (x->term:
 * every branch's and team's, the peers being the comparison, not rows
 * shown). */
static void
peers(struct anom *x, enum anomaly_rule rule)
{
	const struct config *cfg = &x->s->cfg;
	const struct anomaly_fact *me;
	int64_t total = 0, c, others, n;
	struct anomaly_row r;
	char amt[48], avg[32], what[160];
	size_t i;
	int en;

	for (i = 0; i < x->nterm; i++)
		total += x->term[i].count;
	for (i = 0; i < x->nshown; i++) {
		c = x->shown[i].count;
		/* its peers: every other terminal at work, as all see them */
		me = peer_of(x, x->shown[i].who);
		others = total - (me != NULL ? me->count : 0);
		n = (int64_t)x->nterm + (me != NULL ? 0 : 1);
		/* c / (others / (n - 1)) >= factor, in integers */
		if (n < 2 || c < cfg->anom_peer_least ||
		    c * (n - 1) < (int64_t)cfg->anom_peer_factor * others)
			continue;
		memset(&r, 0, sizeof r);
		r.rule = rule;
		xstrlcpy(r.who, x->shown[i].who, sizeof r.who);
		/* the receipts voided or the notes made (fault 12 of R23) */
		xstrlcpy(r.ref, x->shown[i].ref, sizeof r.ref);
		r.amount = x->shown[i].amount;
		r.count = c;
		svc_money(x->s, amt, sizeof amt, r.amount);
		svc_tenths(x->s, avg, sizeof avg, tenths(others, 1, n - 1));
		for (en = 0; en < 2; en++) {
			if (rule == ANOMALY_VOIDS)
				snprintf(what, sizeof what,
				    MN_(en, "%1$lld cash payment voided (%2$s)",
				        "%1$lld cash payments voided (%2$s)",
				        (unsigned long)c),
				    (long long)c, amt);
			else
				snprintf(what, sizeof what,
				    MN_(en, "%1$lld credit note made (%2$s)",
				        "%1$lld credit notes made (%2$s)",
				        (unsigned long)c),
				    (long long)c, amt);
			/* TRANSLATORS: what a terminal did ("3 cash
			 * payments voided ($30.00)"), then its peers' */
			if (rule == ANOMALY_VOIDS)
				snprintf(reason_of(&r, en), sizeof r.reason,
				    MN_(en,
				        "%1$s; its %2$lld peer voided %3$s on "
				        "average (the rule: %4$d times, at least "
				        "%5$d)",
				        "%1$s; its %2$lld peers voided %3$s on "
				        "average (the rule: %4$d times, at least "
				        "%5$d)",
				        (unsigned long)(n - 1)),
				    what, (long long)(n - 1), avg,
				    cfg->anom_peer_factor, cfg->anom_peer_least);
			else
				snprintf(reason_of(&r, en), sizeof r.reason,
				    MN_(en,
				        "%1$s; its %2$lld peer made %3$s on "
				        "average (the rule: %4$d times, at least "
				        "%5$d)",
				        "%1$s; its %2$lld peers made %3$s on "
				        "average (the rule: %4$d times, at least "
				        "%5$d)",
				        (unsigned long)(n - 1)),
				    what, (long long)(n - 1), avg,
				    cfg->anom_peer_factor, cfg->anom_peer_least);
		}
		emit(x, &r);
	}
	x->nterm = 0;
}

/* One user's round credit notes in x->pay, as a row if enough. */
static void
round_flush(struct anom *x)
{
	const struct config *cfg = &x->s->cfg;
	struct anomaly_row r;
	char amt[48], unit[48], list[160];
	size_t i, at = 0;
	int en;

	if (x->npay < (size_t)cfg->anom_round_count || x->npay == 0)
		goto out;
	memset(&r, 0, sizeof r);
	r.rule = ANOMALY_ROUND;
	xstrlcpy(r.who, x->pay[0].who, sizeof r.who);
	snprintf(r.ref, sizeof r.ref, "%s..%s", x->pay[0].ref,
	    x->pay[x->npay - 1].ref);
	list[0] = '\0';
	for (i = 0; i < x->npay; i++) {
		r.amount += x->pay[i].amount;
		svc_money(x->s, amt, sizeof amt, x->pay[i].amount);
		if (at < sizeof list)
			at += (size_t)snprintf(list + at, sizeof list - at,
			    "%s%s", i ? ", " : "", amt);
	}
	r.count = (int64_t)x->npay;
	svc_money(x->s, unit, sizeof unit, cfg->anom_round_unit);
	for (en = 0; en < 2; en++)
		snprintf(reason_of(&r, en), sizeof r.reason,
		    M_(en, "%1$lld credit notes of whole multiples of %2$s: "
		           "%3$s (the rule: %4$d in a day)"),
		    (long long)x->npay, unit, list, cfg->anom_round_count);
	emit(x, &r);
out:
	x->npay = 0;
}

static int
round_fact(const struct anomaly_fact *f, void *arg)
{
	struct anom *x = arg;

	if (x->npay > 0 && strcmp(x->pay[0].who, f->who) != 0)
		round_flush(x);
	if (x->npay == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->pay = xrealloc(x->pay, x->cap, sizeof *x->pay);
	}
	x->pay[x->npay++] = *f;
	return x->stop;
}

int
svc_anomalies_day(struct svc *s, const char *day, struct pd_err *err)
{
	char today[11], shown[SVC_DATE_BUFSZ], now[SVC_DATE_BUFSZ];

	/* a day after today has no data yet, as kpi refuses it (review
	 * R23: an empty list said nothing looked wrong) */
	svc_today(today);
	if (day == NULL || strcmp(day, today) <= 0)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("Day %s is in the future (today is %s): there is no data for "
	      "it yet"),
	    svc_date(s, shown, sizeof shown, day),
	    svc_date(s, now, sizeof now, today));
}

/* The terminals at work that day of the scope in force (sc) in x->shown,
 * then every terminal of the filters (pf: the scope's terminal or branch
 * and the team of team visibility left out) in x->term: a terminal is
 * judged against all its peers, another team's or branch's too; the
 * scope says which terminals' rows are shown, not whom they are compared
 * with (s72 fault 8: under team visibility a supervisor's terminal had no
 * peer, their payments being another team's). */
static int
terminals_of(struct anom *x, const struct payment_filter *sc,
    const struct payment_filter *pf, int credits, struct pd_err *err)
{
	free(x->shown);
	x->nterm = 0;
	if (store_anomaly_terminals(
	        x->s->st, sc, x->day, credits, term_fact, x, err) != 0)
		return -1;
	x->shown = x->term;
	x->nshown = x->nterm;
	x->term = NULL;
	x->nterm = x->tcap = 0;
	return store_anomaly_terminals(
	    x->s->st, pf, x->day, credits, term_fact, x, err);
}

/* The rules over one day, day. */
static int
anomalies_of(struct svc *s, const char *day, anomaly_cb cb, void *arg,
    struct pd_err *err)
{
	struct payment_filter sc, pf;
	struct anom x;
	int rc = -1;

	memset(&x, 0, sizeof x);
	x.s = s;
	x.day = day;
	x.cb = cb;
	x.arg = arg;
	svc_figure_filter(s, &sc);
	pf = sc;
	pf.terminal = NULL;
	pf.branch = s->narrow.branch;
	pf.team = s->narrow.team;
	if (store_anomaly_large(s->st, &sc, day, large_fact, &x, err) != 0)
		goto out;
	if (!x.stop && store_anomaly_times(s->st, &sc, day,
	                   s->cfg.anom_burst_count, burst_fact, &x, err) != 0)
		goto out;
	burst_flush(&x);
	if (!x.stop && terminals_of(&x, &sc, &pf, 0, err) != 0)
		goto out;
	peers(&x, ANOMALY_VOIDS);
	if (!x.stop && terminals_of(&x, &sc, &pf, 1, err) != 0)
		goto out;
	peers(&x, ANOMALY_CREDITS);
	if (!x.stop && s->cfg.anom_round_unit > 0 &&
	    store_anomaly_round(s->st, &sc, day, s->cfg.anom_round_unit,
	        round_fact, &x, err) != 0)
		goto out;
	round_flush(&x);
	rc = x.stop ? 1 : 0;
out:
	free(x.pay);
	free(x.term);
	free(x.shown);
	return rc;
}

int
svc_anomalies(struct svc *s, const char *from, const char *to, anomaly_cb cb,
    void *arg, struct pd_err *err)
{
	char today[11], day[11], last[11];
	int rc;

	if (svc_require(s, ROLE_SUPERVISOR, _("The anomalies report"), err) !=
	    0)
		return -1;
	svc_today(today);
	if (from == NULL)
		from = today;
	if (svc_anomalies_day(s, from, err) != 0)
		return -1;
	/* a period's days (issue 23: the accounting period, as the other
	 * reports take it), each day's rules as that day alone; the days
	 * after today have no data yet: the period's up to today */
	snprintf(last, sizeof last, "%s", to != NULL ? to : from);
	if (strcmp(last, today) > 0)
		memcpy(last, today, sizeof last);
	for (snprintf(day, sizeof day, "%s", from); strcmp(day, last) <= 0;
	     svc_day_step(day, 1, day))
		if ((rc = anomalies_of(s, day, cb, arg, err)) != 0)
			return rc < 0 ? -1 : 0;
	return 0;
}
