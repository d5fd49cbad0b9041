/* demo.c - realistic demo data: the specification's sample consumer John
 * Doe (WU-10001) with his bills, service charges and installment plan, a
 * few hundred other consumers with a year of bills and payments, and one
 * user per role. Deterministic: the same store every time for a given
 * today. Payments go through svc_pay_post like any other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"
#include "paydesk/xmalloc.h"

#define DEMO_CONSUMERS 300

static const struct demo_user users[] = {
    {"admin", "Alex Morgan", "admin", "482615"},
    {"mary", "Mary Johnson", "supervisor", "583920"},
    {"jane", "Jane Smith", "cashier", "4872"},
    {"omar", "Omar Haddad", "cashier", "3916"},
    /* a cashier who also works debts (issue 21) */
    {"rita", "Rita Ochoa", "recovery", "6193"},
};

const struct demo_user *
svc_demo_users(size_t *n)
{
	*n = sizeof users / sizeof users[0];
	return users;
}

static const char *const first_names[] = {"Maria", "James", "Wei", "Aisha",
    "José", "Fatima", "Liam", "Olga", "Raj", "Chloé", "Noah", "Łucja", "Kwame",
    "Sofia", "Mateo", "Yuki", "Emma", "Ibrahim", "Zoë", "Björn", "Priya",
    "Diego", "Anna", "Hiroshi", "Grace", "Nikolai", "Amara", "Lucas", "Elif",
    "Thomas"};
static const char *const last_names[] = {"Garcia", "Smith", "Chen", "Khan",
    "Núñez", "Okafor", "Müller", "Ivanova", "Patel", "Dubois", "Brown",
    "Wójcik", "Mensah", "Rossi", "Fernández", "Tanaka", "Wilson", "Haddad",
    "Larsen", "Andersson", "Sharma", "López", "Kowalski", "Sato", "Taylor",
    "Petrov", "Nwosu", "Martin", "Yılmaz", "Clark"};
static const char *const streets[] = {"Main Street", "Oak Avenue",
    "Riverside Drive", "Elm Street", "Station Road", "Hillcrest Lane",
    "Maple Court", "Harbor View", "Mill Road", "Cedar Boulevard"};
static const char *const towns[] = {
    "Cityville", "Lakeside", "Northbridge", "Eastwood"};
/* The demo's words are its organisation's data: written in the
 * organisation's language (org()), as an organisation writes its own
 * (README: words you configure and import are shown as written). */
static const char *const segments[] = {N_("Residential"), N_("Residential"),
    N_("Residential"), N_("Commercial"), N_("Industrial")};

/* w in the organisation's language */
static const char *
org(const struct svc *s, const char *w)
{
	return L_(i18n_lang(s->cfg.language), w);
}

struct rng {
	uint64_t s;
};

static uint64_t
rnd(struct rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return r->s;
}

static int
pick(struct rng *r, int n)
{
	return (int)(rnd(r) % (uint64_t)n);
}

static int
add_item(struct svc *s, int64_t cid, enum pay_type kind, const char *ref,
    const char *text, const char *plan, int inst, int64_t amount,
    const char *issued, const char *due, struct pd_err *err)
{
	struct item it;

	memset(&it, 0, sizeof it);
	it.consumer_id = cid;
	it.kind = kind;
	xstrlcpy(it.ref, ref, sizeof it.ref);
	if (kind == PAY_BILL)
		xstrlcpy(it.period, text, sizeof it.period);
	else if (kind == PAY_SERVICE)
		xstrlcpy(it.description, text, sizeof it.description);
	else {
		xstrlcpy(it.plan_no, plan, sizeof it.plan_no);
		it.inst_no = inst;
		if (store_plan_ensure(s->st, plan, cid, err) != 0)
			return -1;
	}
	it.amount = amount;
	xstrlcpy(it.issued_on, issued, sizeof it.issued_on);
	xstrlcpy(it.due_on, due, sizeof it.due_on);
	return svc_item_insert(s, &it, err);
}

static int
add_consumer(struct svc *s, struct consumer *c, const char *acct,
    const char *name, const char *addr, const char *phone, const char *email,
    const char *segment, struct pd_err *err)
{
	memset(c, 0, sizeof *c);
	xstrlcpy(c->account_no, acct, sizeof c->account_no);
	xstrlcpy(c->name, name, sizeof c->name);
	xstrlcpy(c->address, addr, sizeof c->address);
	xstrlcpy(c->phone, phone, sizeof c->phone);
	xstrlcpy(c->email, email, sizeof c->email);
	xstrlcpy(c->segment, segment, sizeof c->segment);
	return store_consumer_insert(s->st, c, err);
}

/* The specification's sample consumer, exactly as given there. */
static int
sample_consumer(struct svc *s, struct pd_err *err)
{
	struct consumer c;

	return add_consumer(s, &c, "WU-10001", "John Doe",
	           "123 Main Street, Cityville", "(555) 123-4567",
	           "john.doe@example.com", org(s, N_("Residential")), err) ||
	               add_item(s, c.id, PAY_BILL, "INV-2025-001234", "2025-03",
	                   NULL, 0, 14550, "2025-04-01", "2025-04-15", err) ||
	               add_item(s, c.id, PAY_BILL, "INV-2025-001567", "2025-04",
	                   NULL, 0, 15225, "2025-05-01", "2025-05-15", err) ||
	               add_item(s, c.id, PAY_SERVICE, "SRV-2025-0418",
	                   org(s, N_("Reconnection Fee")), NULL, 0, 7500,
	                   "2025-04-18", "2025-04-18", err) ||
	               add_item(s, c.id, PAY_SERVICE, "SRV-2025-0410",
	                   org(s, N_("Late Fee")), NULL, 0, 2500, "2025-04-10",
	                   "2025-04-10", err) ||
	               add_item(s, c.id, PAY_INSTALLMENT, "PP-2025-0034#1",
	                   NULL, "PP-2025-0034", 1, 6750, "2025-04-15",
	                   "2025-04-15", err) ||
	               add_item(s, c.id, PAY_INSTALLMENT, "PP-2025-0034#2",
	                   NULL, "PP-2025-0034", 2, 6750, "2025-05-15",
	                   "2025-05-15", err) ||
	               add_item(s, c.id, PAY_INSTALLMENT, "PP-2025-0034#3",
	                   NULL, "PP-2025-0034", 3, 6750, "2025-06-15",
	                   "2025-06-15", err)
	           ? -1
	           : 0;
}

/* Log the demo user with this index in as the actor. */
static void
act_as(struct svc *s, int i)
{
	struct user u;

	if (store_user_by_name(s->st, users[i].username, &u, NULL) != 0)
		return;
	s->actor.user_id = u.id;
	xstrlcpy(s->actor.username, u.username, sizeof s->actor.username);
	xstrlcpy(s->actor.full_name, u.full_name, sizeof s->actor.full_name);
	s->actor.role = u.role;
}

/* The demo's mix of methods, by kind: the nth configured method of the
 * kind (a cheque: a Name:cheque method), so that an organisation that
 * names its methods in its language ("Efectivo:cash") gets a demo too
 * (issue 25); the default configuration's are Cash x3, Credit Card,
 * Debit Card, Bank Transfer, Cheque, Online, as they always were. */
static const struct {
	enum method_kind kind;
	int cheque;
	int nth;
} mix[] = {{METHOD_CASH, 0, 0}, {METHOD_CASH, 0, 0}, {METHOD_CASH, 0, 0},
    {METHOD_CARD, 0, 0}, {METHOD_CARD, 0, 1}, {METHOD_BANK, 0, 0},
    {METHOD_BANK, 1, 0}, {METHOD_ONLINE, 0, 0}};

/* The configured method of mix row i (the nth of its kind, counted round
 * the ones there are); the first method when none is of the kind. */
static const struct pay_method *
mix_method(const struct config *cfg, size_t i)
{
	const struct pay_method *of[CFG_LIST_MAX];
	int k, n = 0;

	for (k = 0; k < cfg->nmethods; k++)
		if (cfg->methods[k].kind == mix[i].kind &&
		    cfg->methods[k].cheque == mix[i].cheque)
			of[n++] = &cfg->methods[k];
	return n > 0 ? of[mix[i].nth % n] : &cfg->methods[0];
}

/* The configured channel of the demo's walk-in, kiosk, field agent and
 * mobile van (the default's four), counted round the ones there are. */
static const char *
mix_channel(const struct config *cfg, int roll)
{
	int i = roll < 70 ? 0 : roll < 80 ? 1 : roll < 92 ? 2 : 3;

	return cfg->channels[i % cfg->nchannels];
}

/* The reference a payment by method m of day and amount carries, as the
 * card terminal, the bank or the gateway prints it (seed 001's
 * Transaction Reference): an authorisation code, a transfer id, a
 * cheque number, a gateway id; "" for cash. By the method's kind, so
 * that a demo of methods named in another language has them too. */
static void
demo_reference(const struct pay_method *m, int32_t day, int64_t amount,
    char *out, size_t n)
{
	unsigned long v = (unsigned long)(amount * 7919 + (int64_t)day * 104729);

	if (m->kind == METHOD_CARD)
		snprintf(out, n, "AUTH %06lu", v % 1000000);
	else if (m->kind == METHOD_BANK && !m->cheque)
		snprintf(out, n, "TRF-%08lu", v % 100000000);
	else if (m->kind == METHOD_BANK)
		snprintf(out, n, "CHQ-%06lu", v % 1000000);
	else if (m->kind == METHOD_ONLINE)
		snprintf(out, n, "ch_%010lx", v * 2654435761UL % 0xffffffffffUL);
	else
		out[0] = '\0';
}

/* Pay item ref (of consumer acct) on day, the way people do: mostly in
 * full, some partly, a few in cash with change or a little over. */
static int
pay_item(struct svc *s, struct rng *r, const char *acct, enum pay_type type,
    const char *ref, int64_t amount, int32_t day, struct pd_err *err)
{
	const struct pay_method *m;
	struct pay_request q;
	struct pay_result res;
	const char *items[1] = {ref};
	char reference[PAYREF_BUFSZ];
	char date[DATE_BUFSZ], at[TS_BUFSZ];
	int roll = pick(r, 100);

	memset(&q, 0, sizeof q);
	q.account = acct;
	q.type = type;
	q.items = items;
	q.nitems = 1;
	m = mix_method(&s->cfg, (size_t)pick(r, 8));
	q.method = m->name;
	q.channel = mix_channel(&s->cfg, roll);
	q.amount = amount;
	roll = pick(r, 100);
	if (roll < 8) /* partial */
		q.amount = amount / 2;
	else if (roll < 12) /* a little over: credit */
		q.amount = amount + 500 + pick(r, 1500);
	if (m->kind == METHOD_CASH && pick(r, 2))
		q.tendered = (q.amount + 999) / 1000 * 1000;
	/* the reference real data has (issue 17 review: the demo had
	 * none), made from the payment's day and amount so that the rest
	 * of the demo stays what it was */
	demo_reference(m, day, q.amount, reference, sizeof reference);
	q.reference = reference[0] != '\0' ? reference : NULL;
	date_format(date, day);
	q.date = date;
	snprintf(at, sizeof at, "%s %02d:%02d:%02d", date, 8 + pick(r, 9),
	    pick(r, 60), pick(r, 60));
	q.at = at;
	act_as(s, 2 + pick(r, 2));
	if (svc_pay_post(s, &q, &res, err) != 0)
		return -1;
	return 0;
}

static int
load(struct svc *s, int32_t today, struct pd_err *err)
{
	struct rng r = {0x9E3779B97F4A7C15ULL};
	struct consumer c;
	char acct[16], name[96], addr[128], phone[24], email[96], ref[40];
	char period[16], issued[DATE_BUFSZ], due[DATE_BUFSZ];
	int i, m, y, mo, dd, k;
	int32_t first, iss, dday, paid;
	int64_t amount;

	for (i = 0; i < DEMO_CONSUMERS; i++) {
		const char *fn = first_names[pick(&r, 30)];
		const char *ln = last_names[pick(&r, 30)];

		snprintf(acct, sizeof acct, "WU-%05d", 10002 + i);
		snprintf(name, sizeof name, "%s %s", fn, ln);
		snprintf(addr, sizeof addr, "%d %s, %s", 1 + pick(&r, 899),
		    streets[pick(&r, 10)], towns[pick(&r, 4)]);
		snprintf(phone, sizeof phone, "(555) %03d-%04d",
		    200 + pick(&r, 700), pick(&r, 10000));
		snprintf(
		    email, sizeof email, "customer%d@example.net", 10002 + i);
		if (add_consumer(s, &c, acct, name, addr, phone,
		        i % 7 == 3 ? "" : email, org(s, segments[pick(&r, 5)]),
		        err) != 0)
			return -1;
		/* twelve monthly bills, the last one issued this month */
		for (m = 12; m >= 1; m--) {
			int32_t pm = month_first_day(today);

			for (k = 0; k < m; k++)
				pm = month_first_day(pm - 1);
			iss = month_last_day(pm) + 1;
			date_civil(pm, &y, &mo, &dd);
			/* neutral, shown in the reader's language
			 * (svc_period): "Mar 2026", "mars 2026" */
			snprintf(period, sizeof period, "%04d-%02d", y % 10000,
			    mo % 100);
			snprintf(ref, sizeof ref, "INV-%d-%06d", y,
			    (10002 + i) * 100 + (13 - m) % 100);
			amount = 4000 + pick(&r, 21000);
			dday = iss + 14;
			date_format(issued, iss);
			date_format(due, dday);
			if (add_item(s, c.id, PAY_BILL, ref, period, NULL, 0,
			        amount, issued, due, err) != 0)
				return -1;
			k = pick(&r, 100);
			paid = iss + 2 + pick(&r, 30);
			if (k < 85 && paid < today &&
			    pay_item(s, &r, acct, PAY_BILL, ref, amount, paid,
			        err) != 0)
				return -1;
		}
		if (pick(&r, 5) == 0) { /* a service charge */
			static const char *const what[] = {
			    N_("Reconnection Fee"), N_("Late Fee"),
			    N_("Meter Test"), N_("New Connection")};
			static const int64_t cost[] = {7500, 2500, 4000, 15000};
			int w = pick(&r, 4);

			dday = today - 10 - pick(&r, 200);
			date_format(issued, dday);
			snprintf(ref, sizeof ref, "SRV-%s-%d", acct, w);
			if (add_item(s, c.id, PAY_SERVICE, ref, org(s, what[w]),
			        NULL, 0, cost[w], issued, issued, err) != 0)
				return -1;
			if (pick(&r, 2) &&
			    pay_item(s, &r, acct, PAY_SERVICE, ref, cost[w],
			        dday + pick(&r, 9), err) != 0)
				return -1;
		}
		if (pick(&r, 8) == 0) { /* a six-month payment plan */
			char plan[24];
			int n;

			snprintf(plan, sizeof plan, "PP-%s", acct);
			amount = 2500 + pick(&r, 7500);
			first = month_first_day(today - 120) + 14;
			for (n = 1; n <= 6; n++) {
				dday = first;
				date_format(due, dday);
				snprintf(ref, sizeof ref, "%s#%d", plan, n);
				if (add_item(s, c.id, PAY_INSTALLMENT, ref,
				        NULL, plan, n, amount, due, due,
				        err) != 0)
					return -1;
				if (dday < today - 5 && pick(&r, 4) &&
				    pay_item(s, &r, acct, PAY_INSTALLMENT, ref,
				        amount, dday - pick(&r, 5), err) != 0)
					return -1;
				first = month_last_day(first) + 15;
			}
		}
	}
	return 0;
}

int
svc_demo(struct svc *s, struct pd_err *err)
{
	struct actor saved = s->actor;
	char today[11], mark[8];
	int32_t t;
	size_t i;
	int rc;

	/* a demo store says so (meta demo = 1); one that merely holds a
	 * WU-10001 is not one */
	if (store_meta_get(s->st, "demo", mark, sizeof mark) == 0 &&
	    strcmp(mark, "1") == 0)
		return 0;
	/* demo users have well-known PINs: never beside real users or
	 * data, where they would let anyone sign in (issue 18 section 5) */
	if (store_held_rows(s->st) > 0)
		return pd_fail(err, PD_EPERM,
		    _("%s already holds users or data; demo data goes only "
		      "into an empty store (--db NEW-FILE)"),
		    s->cfg.store_path);
	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	store_bulk(s->st, 1);
	/* one transaction: a demo store is whole or absent */
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = 0;
	for (i = 0; i < sizeof users / sizeof users[0] && rc == 0; i++)
		rc = svc_user_add(s, users[i].username, users[i].full_name,
		    users[i].role, users[i].pin, NULL, err);
	if (rc == 0)
		rc = sample_consumer(s, err);
	if (rc == 0)
		rc = load(s, t, err);
	/* its bills already overdue raise their alerts now, as an import's
	 * do, not at the next day's pass (helper-230: on the demo's day
	 * only the sample consumer's, raised by his payments) */
	if (rc == 0) {
		char at[TS_BUFSZ];

		svc_now(at);
		rc = svc_alerts_items_came(s, "demo", at, err);
	}
	if (rc == 0)
		rc = store_meta_set(s->st, "demo", "1", err);
	s->actor = saved;
	rc = svc_finish(s, rc, err);
	store_bulk(s->st, 0);
	return rc == 0 ? 1 : -1;
}
