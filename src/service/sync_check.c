/* sync_check.c - what a sync record may say, before it is applied
 * (issue 18, parts 1 and 2; DESIGN.md rule 6).
 *
 * On the central node a terminal's record must be one the terminal could
 * have posted itself: the same core rules as local posting (money bounds
 * and the overpayment threshold, cash change, the status a new payment
 * takes, credit amounts and expiries, text limits), numbers of the
 * sending terminal's own series rendered from the organisation's
 * formats, reasons, methods and channels from the organisation's
 * settings, people who are users of the terminal's branch with the role
 * the act needs (a void, a verification or a credit note: supervisor),
 * items that are the consumer's and of the payment's type, a void, a
 * verification or a credit note that agrees with the payment it names
 * and is not dated before it, dates no later than tomorrow, the
 * organisation's currency and the terminal's own branch. Unknown fields
 * are refused when the record is decoded (src/sync/record.c).
 * On a terminal a pulled record must be in its currency and must not
 * claim to be the terminal's own (made on it, or a number of its own
 * series) when the terminal does not have it: its own records it knows by
 * uuid. A refused pulled record is set aside (sync_round.c).
 *
 * One table of checks by record kind: TO ADD A KIND, a row in
 * push_rules[] (and in pull_rules[] if it carries document numbers).
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/alloc.h"
#include "paydesk/credit.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"

/* How far a terminal's clock may be ahead of the central node's: dates
 * up to tomorrow are accepted. */
#define SKEW_DAYS 1

/* A date (YYYY-MM-DD or the day of a timestamp) no later than tomorrow. */
static int
check_day(const char *what, const char *s, struct pd_err *err)
{
	char today[11], day[11], last[DATE_BUFSZ];
	int32_t d, t;

	snprintf(day, sizeof day, "%.10s", s);
	if (date_parse(day, what, &d, err) != 0)
		return -1;
	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	if (d > t + SKEW_DAYS)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is in the future (the latest accepted is %s)"),
		    what, day, date_format(last, t + SKEW_DAYS));
	return 0;
}

/* A time a terminal sent (ts, a timestamp or a date) is not before its
 * organisation was added on the central node, less the clock skew
 * allowed: no terminal of it could have recorded anything earlier. */
static int
check_since(const char *what, const char *ts, const struct sync_sender *f,
    struct pd_err *err)
{
	char day[11], oday[11], first[DATE_BUFSZ];
	int32_t d, o;

	if (f->org_created_at == NULL || ts[0] == '\0')
		return 0;
	snprintf(day, sizeof day, "%.10s", ts);
	snprintf(oday, sizeof oday, "%.10s", f->org_created_at);
	/* (the record's format was checked when it was decoded) */
	if (date_parse(day, NULL, &d, NULL) != 0 ||
	    date_parse(oday, NULL, &o, NULL) != 0 || d >= o - SKEW_DAYS)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("%s %s is before the organisation existed (the earliest "
	      "accepted is %s)"),
	    what, ts, date_format(first, o - SKEW_DAYS));
}

/* 0 <= v <= MONEY_MAX (or -MONEY_MAX <= v with negative). */
static int
check_money(const char *what, int64_t v, int negative, struct pd_err *err)
{
	if (v > MONEY_MAX || v < (negative ? -MONEY_MAX : 0))
		return pd_fail(err, PD_EINVAL,
		    _("%s %lld is not between %lld and %lld minor units"), what,
		    (long long)v, negative ? -(long long)MONEY_MAX : 0LL,
		    (long long)MONEY_MAX);
	return 0;
}

/* number is of the series fmt of the sending terminal (t, branch b), for
 * a document dated date. */
static int
check_number(const char *what, const char *fmt, const char *number,
    const char *t, const char *b, const char *date, struct pd_err *err)
{
	struct numfmt_ctx ctx = {date, t, b};

	if (numfmt_match(fmt, &ctx, number, NULL, err) != 0) {
		pd_err_prefix(err, "%s: ", what);
		return -1;
	}
	return 0;
}

/* svc_sync_user_unsealed, the user read kept in *u (*found 0: none). */
static int
user_unsealed(struct svc *s, const char *name, int by_username,
    const char *branch, struct user *found_u, int *found, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};
	int i, rc,
	    kept = s->push_reads && !by_username && s->push_user.id != 0 &&
	           strcmp(s->push_user_name, name) == 0 &&
	           strcmp(s->push_user_branch, branch) == 0;

	if (kept) {
		u = s->push_user;
		rc = 0;
	} else
		rc = by_username
		         ? store_user_by_name(s->st, name, &u, &e)
		         : store_user_by_full_name(s->st, name, branch, &u, &e);
	/* (read once a push: see push_reads) */
	if (rc == 0 && !kept && s->push_reads && !by_username) {
		s->push_user = u;
		xstrlcpy(s->push_user_name, name, sizeof s->push_user_name);
		xstrlcpy(
		    s->push_user_branch, branch, sizeof s->push_user_branch);
		s->push_role_since = -1;
	}
	*found = 0;
	if (rc != 0) {
		if (e.code == PD_ENOTFOUND)
			return 0;
		*err = e;
		return -1;
	}
	*found = 1;
	*found_u = u;
	/* (found sealed already in this push: the push holds the
	 * organisation's store, no use case changes a user meanwhile) */
	for (i = 0; i < s->npush_sealed; i++)
		if (s->push_sealed[i] == u.id)
			return 0;
	rc = store_user_sealed(s->st, u.id, err);
	if (rc == 0 && s->npush_sealed < (int)(sizeof s->push_sealed /
	                                       sizeof s->push_sealed[0]))
		s->push_sealed[s->npush_sealed++] = u.id;
	return rc;
}

int
svc_sync_user_unsealed(struct svc *s, const char *name, int by_username,
    const char *branch, struct pd_err *err)
{
	struct user u;
	int found;

	return user_unsealed(s, name, by_username, branch, &u, &found, err);
}

/* name (who did what, as records name people) is a user of the sending
 * terminal's branch, with at least role need for doing what. */
static int
check_user(struct svc *s, const struct sync_sender *f, const char *what,
    const char *name, enum role need, const char *doing, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};
	int rc, found;

	/* a user whose row was changed around paydesk is nobody's */
	if ((rc = user_unsealed(s, name, 0, f->branch, &u, &found, err)) != 0) {
		if (rc < 0)
			return -1;
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\" is not a user of branch %s"), what, name,
		    f->branch);
	}
	/* judged by older rules: any version of the users in force from
	 * the last change the terminal had (sync_judge.c) */
	if (f->past && s->push_reads && s->push_role_since >= 0 &&
	    s->push_role_since == f->rules_since && s->push_user.id == u.id &&
	    strcmp(s->push_user_name, name) == 0 &&
	    strcmp(s->push_user_branch, f->branch) == 0) {
		u.role = s->push_role; /* (read once a push) */
		rc = 0;
	} else if (f->past) {
		rc = store_user_role_since(
		    s->st, name, 0, f->branch, f->rules_since, &u.role, &e);
		if (rc == 0 && s->push_reads && s->push_user.id == u.id &&
		    strcmp(s->push_user_name, name) == 0 &&
		    strcmp(s->push_user_branch, f->branch) == 0) {
			s->push_role_since = f->rules_since;
			s->push_role = u.role;
		}
	} else if (found) /* as read just above, in the same transaction */
		rc = 0;
	else
		rc = pd_fail(&e, PD_ENOTFOUND, "%s", name);
	if (rc != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\" is not a user of branch %s"), what, name,
		    f->branch);
	}
	if (u.role < need)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is a %s; %s needs a %s"), what, name,
		    role_name(u.role), doing, role_name(need));
	return 0;
}

/* The payment a record names by uuid: *found 0 when the store does not
 * have it (the apply then says so). */
static int
named_payment(struct svc *s, const struct syncrec *r, struct payment *p,
    int *found, struct pd_err *err)
{
	int64_t id;

	*found = 0;
	if (store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &id, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	*found = 1;
	return store_payment_by_id(s->st, id, p, err);
}

/* A record about payment p (a void, a verification, a credit note): the
 * payment number it gives (no_) is p's, and its day is not before the
 * day p was recorded (less the clock skew allowed). */
static int
check_about(const char *what, const char *no_, const char *day,
    const struct payment *p, struct pd_err *err)
{
	int32_t d, made;
	char pday[11], dday[11];

	if (no_[0] != '\0' && strcmp(no_, p->payment_no) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s names payment %s, but its payment uuid is payment "
		      "%s's"),
		    what, no_, p->payment_no);
	snprintf(pday, sizeof pday, "%.10s", p->created_at);
	snprintf(dday, sizeof dday, "%.10s", day);
	if (date_parse(dday, NULL, &d, NULL) == 0 &&
	    date_parse(pday, NULL, &made, NULL) == 0 && d < made - SKEW_DAYS)
		return pd_fail(err, PD_EINVAL,
		    _("%s is dated %s, before payment %s was recorded on %s"),
		    what, dday, p->payment_no, pday);
	return 0;
}

/* "Cash, Credit Card, ..." */
static void
join_methods(const struct config *cfg, char *buf, size_t n)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < cfg->nmethods; i++)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    i > 0 ? ", " : "", cfg->methods[i].name);
}

/* A method and a channel the organisation has, written as posting writes
 * them, and the method's rule for references. */
static int
check_method(struct svc *s, const struct payment *p, struct pd_err *err)
{
	const struct pay_method *m = config_method(&s->cfg, p->method);
	const char *c = config_channel(&s->cfg, p->channel);
	char list[800];

	if (m == NULL || strcmp(m->name, p->method) != 0) {
		join_methods(&s->cfg, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Payment method \"%s\" is not configured (one of: %s)"),
		    p->method, list);
	}
	if (m->kind != p->method_kind)
		return pd_fail(err, PD_EINVAL,
		    _("Payment method %s is a %s method, not %s"), m->name,
		    method_kind_name(m->kind),
		    method_kind_name(p->method_kind));
	if (c == NULL || strcmp(c, p->channel) != 0) {
		config_join(
		    s->cfg.channels, s->cfg.nchannels, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Channel \"%s\" is not configured (one of: %s)"),
		    p->channel, list);
	}
	return svc_pay_reference_check(m, p->reference, err);
}

/* Allocation i's item: one the store has, of the payment's consumer
 * (cid) and type, under the reference the record gives. */
static int
check_item(struct svc *s, const struct syncrec *r, size_t i, int64_t cid,
    const char *account, struct pd_err *err)
{
	const struct allocation *a = &r->allocs[i];
	struct item it;
	int64_t id;

	if (store_id_of(s->st, TBL_ITEMS, a->item.uuid, &id, err) != 0)
		return -1;
	if (id == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s (%s) is not known here"), i + 1,
		    a->item.ref, a->item.uuid);
	if (store_item_by_id(s->st, id, &it, err) != 0)
		return -1;
	if (strcmp(it.ref, a->item.ref) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s is %s here, not %s"), i + 1,
		    a->item.uuid, it.ref, a->item.ref);
	if (it.consumer_id != cid)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s is not an item of consumer %s"),
		    i + 1, it.ref, account);
	if (it.kind != r->p.type)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: item %s is a %s, and this is a %s "
		      "payment"),
		    i + 1, it.ref, pay_type_kind(it.kind),
		    pay_type_name(r->p.type));
	if (a->due_before > it.amount)
		return pd_fail(err, PD_EINVAL,
		    _("Allocation %zu: %lld due before, more than item %s's "
		      "amount %lld"),
		    i + 1, (long long)a->due_before, it.ref,
		    (long long)it.amount);
	return 0;
}

static int
cmp_alloc_uuid(const void *a, const void *b)
{
	const struct allocation *x = *(const struct allocation *const *)a;
	const struct allocation *y = *(const struct allocation *const *)b;
	int c = strcmp(x->item.uuid, y->item.uuid);

	/* the same uuid: in the order of the allocations */
	return c != 0 ? c : (x < y ? -1 : x > y);
}

/* No item is paid by two allocations of one payment: posting lists an
 * item once ("Item %s is listed twice"), and each allocation's due
 * before is checked against the item's amount alone, so two of one item
 * would pay it past what it had due. Sorted, not compared pairwise: a
 * record may have 10000 allocations. */
static int
check_twice(const struct syncrec *r, struct pd_err *err)
{
	const struct allocation **by;
	size_t i;
	int rc = 0;

	if (r->nallocs < 2)
		return 0;
	by = xcalloc(r->nallocs, sizeof *by);
	for (i = 0; i < r->nallocs; i++)
		by[i] = &r->allocs[i];
	qsort(by, r->nallocs, sizeof *by, cmp_alloc_uuid);
	for (i = 1; i < r->nallocs && rc == 0; i++)
		if (strcmp(by[i - 1]->item.uuid, by[i]->item.uuid) == 0)
			rc = pd_fail(err, PD_EINVAL,
			    _("Allocation %zu: item %s is already allocation "
			      "%zu's; a payment pays an item once"),
			    (size_t)(by[i] - r->allocs) + 1, by[i]->item.ref,
			    (size_t)(by[i - 1] - r->allocs) + 1);
	free(by);
	return rc;
}

/* The amount due and the balance after, no more than the consumer's
 * items come to (review of issue 18: a payment claiming 99,999,999.99
 * due of a consumer billed 1,200.00 was applied, and every terminal
 * showed that figure on it): posting adds up open items of the payment's
 * type for the one and of every type for the other, each at most its
 * amount. */
static int
check_billed(struct svc *s, const struct syncrec *r, const struct consumer *c,
    int64_t cid, struct pd_err *err)
{
	int64_t of_type, all;

	if (store_items_billed(s->st, cid, (int)r->p.type, &of_type, &all, err))
		return -1;
	if (r->p.due_total > of_type)
		return pd_fail(err, PD_EINVAL,
		    _("Amount due %lld is more than consumer %s's items of "
		      "this type come to (%lld)"),
		    (long long)r->p.due_total, c->account_no,
		    (long long)of_type);
	if (r->p.balance_after > all)
		return pd_fail(err, PD_EINVAL,
		    _("Balance after %lld is more than consumer %s's items "
		      "come to (%lld)"),
		    (long long)r->p.balance_after, c->account_no,
		    (long long)all);
	return 0;
}

/* The consumer the payment names and the items it pays. */
static int
check_items(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct consumer c;
	int64_t cid;
	size_t i;

	if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid, &cid, err))
		return -1;
	if (cid == 0)
		return pd_fail(err, PD_EINVAL, _("%s %s is not known here"),
		    _("consumer"), r->consumer_uuid);
	if (store_consumer_by_id(s->st, cid, &c, err) != 0)
		return -1;
	if (r->account_no[0] != '\0' && strcmp(r->account_no, c.account_no))
		return pd_fail(err, PD_EINVAL,
		    _("Account %s is not the account of consumer %s (%s)"),
		    r->account_no, r->consumer_uuid, c.account_no);
	for (i = 0; i < r->nallocs; i++)
		if (check_item(s, r, i, cid, c.account_no, err) != 0)
			return -1;
	return check_twice(r, err) != 0 || check_billed(s, r, &c, cid, err)
	           ? -1
	           : 0;
}

/* A credit note's own fields: reason, remarks, dates, number. */
static int
check_note(struct svc *s, const struct sync_sender *from,
    const struct credit_note *cn, struct pd_err *err)
{
	char list[800];
	int32_t c, e;

	if (config_reason(&s->cfg, cn->reason) == NULL) {
		config_join(s->cfg.reasons, s->cfg.nreasons, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: reason \"%s\" is not one of the "
		      "organisation's (%s)"),
		    cn->cn_no, cn->reason, list);
	}
	if (svc_check_text(
	        _("Remarks"), cn->remarks, s->cfg.remarks_max, 0, err) != 0 ||
	    check_day(_("Credit note date"), cn->created_on, err) != 0 ||
	    (cn->created_at[0] != '\0' &&
	        check_day(_("Credit note time"), cn->created_at, err) != 0) ||
	    date_parse(cn->expires_on, _("Expiry date"), &e, err) != 0)
		return -1;
	date_parse(cn->created_on, NULL, &c, NULL);
	if (credit_check_expiry(c, e, err) != 0 ||
	    check_number(_("Credit note number"), s->cfg.fmt_credit_note,
	        cn->cn_no, from->terminal, from->branch, cn->created_on, err) ||
	    svc_sync_check_ahead(s, from, DOC_SERIES_CREDIT_NOTE,
	        _("Credit note number"), s->cfg.fmt_credit_note, cn->cn_no,
	        cn->created_on,
	        cn->created_at[0] ? cn->created_at : cn->created_on, err))
		return -1;
	return 0;
}

/* Tendered and change as posting works them out (pay_cash_change). */
static int
check_cash(struct svc *s, const struct payment *p, struct pd_err *err)
{
	int64_t change;

	if (p->method_kind != METHOD_CASH) {
		if (p->tendered != 0 || p->change != 0)
			return pd_fail(err, PD_EINVAL,
			    _("Amount received and change apply to cash "
			      "payments only; this one is %s"),
			    method_kind_name(p->method_kind));
		return 0;
	}
	if (check_money(_("Amount received"), p->tendered, 0, err) != 0 ||
	    pay_cash_change(p->amount, p->tendered, &change,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	if (change != p->change)
		return pd_fail(err, PD_EINVAL,
		    _("Change %lld is not the amount received less the amount "
		      "(%lld)"),
		    (long long)p->change, (long long)change);
	return 0;
}

/* The status a new payment takes, and its verification to match. */
static int
check_status(const struct payment *p, struct pd_err *err)
{
	enum pay_status want = pay_status_initial(p->method_kind);

	if (p->status != want)
		return pd_fail(err, PD_EINVAL,
		    _("Status %s: a new %s payment is %s (a void or a "
		      "verification comes as its own record)"),
		    pay_status_name(p->status),
		    method_kind_name(p->method_kind), pay_status_name(want));
	if (p->verified != (want == PS_POSTED) ||
	    (p->verified && p->verified_by[0] == '\0'))
		return pd_fail(err, PD_EINVAL,
		    _("A %s payment is verified when it is posted, and only "
		      "then"),
		    pay_status_name(want));
	return 0;
}

/* The figures of a payment: bounds, threshold, cash, allocations. */
static int
check_figures(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	size_t i;

	if (check_money(_("Amount"), p->amount, 0, err) != 0 ||
	    check_money(_("Amount due"), p->due_total, 0, err) != 0 ||
	    check_money(_("Balance after"), p->balance_after, 0, err) != 0 ||
	    check_cash(s, p, err) != 0)
		return -1;
	if (pay_check_amount(p->amount, p->due_total, s->cfg.overpay_threshold,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	for (i = 0; i < r->nallocs; i++) {
		const struct allocation *a = &r->allocs[i];

		if (a->amount < 1 || a->amount > a->due_before ||
		    a->due_before > MONEY_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("Allocation %zu: %lld of %lld due is not between "
			      "1 and what was due"),
			    i + 1, (long long)a->amount,
			    (long long)a->due_before);
	}
	if ((p->overpaid > 0) != (r->has_cn != 0))
		return pd_fail(err, PD_EINVAL,
		    _("An overpayment comes with its credit note, and only "
		      "an overpayment"));
	return 0;
}

/* The fields posting derives from the others (build_quote,
 * insert_payment), recomputed here: the overpayment is the amount less
 * what was due when that is more than 0; the allocations and the
 * overpayment add up to the amount; what was due is at least what the
 * allocations say was due (items the amount did not reach have no
 * allocation); the balance after is recorded; a payment posted when
 * taken is verified at the moment it was recorded, a pending one not
 * yet; it is not dated after it was recorded, nor recorded before the
 * organisation existed. */
static int
check_derived(
    const struct sync_sender *f, const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	int64_t over = p->amount > p->due_total ? p->amount - p->due_total : 0;
	int64_t allocated = 0, due = 0;
	size_t i;

	for (i = 0; i < r->nallocs; i++) {
		/* each at most MONEY_MAX (check_figures): no overflow */
		allocated += r->allocs[i].amount;
		due += r->allocs[i].due_before;
		if (allocated > MONEY_MAX || due > MONEY_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("The allocations add up to more than %lld"),
			    (long long)MONEY_MAX);
	}
	if (p->overpaid != over)
		return pd_fail(err, PD_EINVAL,
		    _("Overpaid %lld is not the amount %lld less the amount "
		      "due %lld (%lld)"),
		    (long long)p->overpaid, (long long)p->amount,
		    (long long)p->due_total, (long long)over);
	if (allocated + p->overpaid != p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Allocations (%lld) and overpaid (%lld) do not add up "
		      "to the amount (%lld)"),
		    (long long)allocated, (long long)p->overpaid,
		    (long long)p->amount);
	if (due > p->due_total)
		return pd_fail(err, PD_EINVAL,
		    _("Amount due %lld is less than the allocations say was "
		      "due (%lld)"),
		    (long long)p->due_total, (long long)due);
	if (!p->has_balance)
		return pd_fail(err, PD_EINVAL,
		    _("A payment records the consumer's balance after it "
		      "(has_balance); posting always does"));
	if (strcmp(p->verified_at, p->verified ? p->created_at : "") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Verified at \"%s\": a payment posted when it is taken "
		      "is verified when it is recorded (%s), a pending one "
		      "later, in a verification record"),
		    p->verified_at, p->created_at);
	if (strncmp(p->paid_on, p->created_at, 10) > 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment date %s is after the payment was recorded "
		      "(%s)"),
		    p->paid_on, p->created_at);
	return check_since(_("Payment time"), p->created_at, f, err);
}

/* A payment's three numbers are not far ahead of their series
 * (sync_ahead.c). */
static int
check_ahead(struct svc *s, const struct sync_sender *f, const struct payment *p,
    struct pd_err *err)
{
	/* the counts read once for the three (nothing is written between
	 * them): two statements, not six */
	struct ahead_memo m;

	memset(&m, 0, sizeof m);
	return svc_sync_check_ahead_m(s, f, DOC_SERIES_PAYMENT,
	           _("Payment number"), s->cfg.fmt_payment, p->payment_no,
	           p->paid_on, p->created_at, &m, err) ||
	               svc_sync_check_ahead_m(s, f, DOC_SERIES_PAYMENT,
	                   _("Transaction number"), s->cfg.fmt_transaction,
	                   p->txn_no, p->paid_on, p->created_at, &m, err) ||
	               svc_sync_check_ahead_m(s, f, DOC_SERIES_RECEIPT,
	                   _("Receipt number"), s->cfg.fmt_receipt,
	                   p->receipt_no, p->paid_on, p->created_at, &m, err)
	           ? -1
	           : 0;
}

static int
push_payment(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;
	const char *d = p->paid_on;

	if (check_status(p, err) != 0 || check_method(s, p, err) != 0 ||
	    check_user(s, f, _("received by"), p->received_by, ROLE_CASHIER,
	        _("recording a payment"), err) != 0 ||
	    (p->verified && strcmp(p->verified_by, p->received_by) != 0 &&
	        pd_fail(err, PD_EINVAL,
	            _("A payment posted when it is taken is verified by "
	              "whoever took it (%s), not %s"),
	            p->received_by, p->verified_by)) ||
	    check_figures(s, r, err) != 0 || check_items(s, r, err) != 0 ||
	    check_day(_("Payment date"), d, err) != 0 ||
	    check_day(_("Payment time"), p->created_at, err) != 0 ||
	    (p->verified_at[0] != '\0' &&
	        check_day(_("Verification time"), p->verified_at, err) != 0) ||
	    svc_check_text(_("Notes"), p->notes, s->cfg.notes_max, 0, err) ||
	    check_number(_("Payment number"), s->cfg.fmt_payment, p->payment_no,
	        f->terminal, f->branch, d, err) != 0 ||
	    check_number(_("Transaction number"), s->cfg.fmt_transaction,
	        p->txn_no, f->terminal, f->branch, d, err) != 0 ||
	    check_number(_("Receipt number"), s->cfg.fmt_receipt, p->receipt_no,
	        f->terminal, f->branch, d, err) != 0 ||
	    check_derived(f, r, err) != 0 || check_ahead(s, f, p, err) != 0)
		return -1;
	if (!r->has_cn)
		return 0;
	/* the automatic note of the overpayment, as posting makes it */
	if (!r->cn.automatic || r->cn.amount != p->overpaid ||
	    strcmp(r->cn.reason, "Overpayment") != 0 ||
	    strcmp(r->cn.created_on, p->paid_on) != 0 ||
	    strcmp(r->cn.created_by, p->received_by) != 0 ||
	    (r->cn.receipt_no[0] != '\0' &&
	        strcmp(r->cn.receipt_no, p->receipt_no) != 0))
		return pd_fail(err, PD_EINVAL,
		    _("The credit note of an overpayment is automatic, of the "
		      "overpaid amount, for Overpayment, dated as the "
		      "payment, made by whoever took it and linked to its "
		      "receipt"));
	return check_note(s, f, &r->cn, err);
}

/* The consumer a credit note names, when it names one, is its
 * payment's. */
static int
check_consumer_of(struct svc *s, const struct syncrec *r,
    const struct payment *p, struct pd_err *err)
{
	int64_t cid;

	if (r->consumer_uuid[0] == '\0')
		return 0;
	if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid, &cid, err))
		return -1;
	if (cid != p->consumer_id)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s names consumer %s; its payment %s is "
		      "another consumer's"),
		    r->cn.cn_no, r->consumer_uuid, p->payment_no);
	return 0;
}

static int
push_credit_note(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct payment p;
	int found;

	if (r->cn.automatic)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: an automatic credit note comes with "
		      "its payment"),
		    r->cn.cn_no);
	if (check_money(_("Credit amount"), r->cn.amount, 0, err) != 0 ||
	    check_note(s, f, &r->cn, err) != 0 ||
	    check_user(s, f, _("created by"), r->cn.created_by, ROLE_SUPERVISOR,
	        _("creating a credit note"), err) != 0 ||
	    named_payment(s, r, &p, &found, err) != 0)
		return -1;
	if (!found) /* the apply says it is unknown */
		return 0;
	if (check_about(_("the credit note"), "", r->cn.created_on, &p, err))
		return -1;
	if (r->cn.receipt_no[0] != '\0' &&
	    strcmp(r->cn.receipt_no, p.receipt_no) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s is linked to receipt %s; its payment's "
		      "receipt is %s"),
		    r->cn.cn_no, r->cn.receipt_no, p.receipt_no);
	if (check_consumer_of(s, r, &p, err) != 0)
		return -1;
	if (p.status != PS_POSTED)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is %s; credit notes are issued against "
		      "Posted payments only"),
		    p.receipt_no, pay_status_name(p.status));
	return 0;
}

/* A void or a verification (what): by a supervisor (doing), of the
 * payment it names, not dated before it. The apply checks the rest as
 * local voiding and verifying do (svc_void_check, a Pending payment). */
static int
push_act(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    const char *what, const char *who, const char *doing, struct pd_err *err)
{
	struct payment p;
	int found;

	if (check_user(s, f, who, r->by, ROLE_SUPERVISOR, doing, err) != 0 ||
	    named_payment(s, r, &p, &found, err) != 0)
		return -1;
	if (!found)
		return check_since(_("Record time"), r->at, f, err);
	if (check_about(what, r->p.payment_no, r->at, &p, err) != 0 ||
	    check_since(_("Record time"), r->at, f, err) != 0)
		return -1;
	/* to the second: an act is not before the payment it is about (its
	 * day may be, by the clock skew allowed, when the payment is not
	 * of the same terminal) */
	if (strcmp(r->at, p.created_at) < 0 &&
	    strcmp(r->terminal, p.terminal) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s is at %s, before payment %s was recorded at %s"),
		    what, r->at, p.payment_no, p.created_at);
	return 0;
}

static int
push_void(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	if (svc_check_text(
	        _("Void reason"), r->reason, s->cfg.remarks_max, 1, err) != 0)
		return -1;
	return push_act(s, f, r, _("the void"), _("voided by"),
	    _("voiding a payment"), err);
}

static int
push_verify(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	return push_act(s, f, r, _("the verification"), _("verified by"),
	    _("verifying a payment"), err);
}

/* The item a credit application names: known, under its reference, and
 * of the credit note's consumer (svc_credit_apply's rule). */
static int
check_applied_item(struct svc *s, const struct syncrec *r,
    const struct credit_note *cn, struct pd_err *err)
{
	struct item it;
	struct pd_err e = {0};
	int64_t id = 0;

	if (r->item_uuid[0] != '\0' &&
	    store_id_of(s->st, TBL_ITEMS, r->item_uuid, &id, err) != 0)
		return -1;
	if (id != 0 ? store_item_by_id(s->st, id, &it, &e)
	            : store_item_by_ref(s->st, r->ca.item_ref, &it, &e)) {
		if (e.code == PD_ESTORE) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("The credit application's item %s is not known here"),
		    r->ca.item_ref);
	}
	if (strcmp(it.ref, r->ca.item_ref) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The credit application's item %s is %s here"),
		    r->ca.item_ref, it.ref);
	if (it.consumer_id != cn->consumer_id)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s belongs to another consumer; credit note %s is "
		      "for %s"),
		    it.ref, cn->cn_no, cn->account_no);
	return 0;
}

static int
push_credit_apply(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct credit_note cn;
	int64_t id;
	int32_t on, e, c;

	(void)f;
	if (check_money(_("Amount"), r->ca.amount, 0, err) != 0 ||
	    check_day(_("Date applied"), r->ca.applied_on, err) != 0 ||
	    store_id_of(s->st, TBL_CREDIT_NOTES, r->cn_uuid, &id, err) != 0)
		return -1;
	if (id == 0) /* the apply says it is unknown */
		return 0;
	if (store_credit_by_id(s->st, id, &cn, err) != 0)
		return -1;
	if (r->cn.cn_no[0] != '\0' && strcmp(r->cn.cn_no, cn.cn_no) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The credit application names credit note %s, but its "
		      "credit note uuid is %s's"),
		    r->cn.cn_no, cn.cn_no);
	if (check_applied_item(s, r, &cn, err) != 0)
		return -1;
	date_parse(r->ca.applied_on, NULL, &on, NULL);
	date_parse(cn.expires_on, NULL, &e, NULL);
	date_parse(cn.created_on, NULL, &c, NULL);
	if (on < c - SKEW_DAYS)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s was made on %s, after it was applied on "
		      "%s"),
		    cn.cn_no, cn.created_on, r->ca.applied_on);
	if (on > e)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s expired on %s, before it was applied on "
		      "%s"),
		    cn.cn_no, cn.expires_on, r->ca.applied_on);
	return 0;
}

static int
push_reference(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	(void)s;
	(void)f;
	return pd_fail(err, PD_EINVAL,
	    _("%s records are reference data, mastered by the central node; a "
	      "terminal cannot send them"),
	    syncrec_kind_name(r->kind));
}

/* An arrangement event: the rules are arrange.c's, next to the use
 * cases that make them. */
static int
push_arrangement(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	return svc_arr_check_push(s, from->branch, r, err);
}

/* A gateway association (issue 19): an action of the two, the consumer
 * named for an association and only then, a reason, by a supervisor of
 * the sending terminal's branch. The apply checks the payment. */
static int
push_gw_assoc(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	int assoc = strcmp(r->action, "associate") == 0;

	if (!assoc && strcmp(r->action, "disassociate") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"action\" must be associate or disassociate, "
		      "not \"%s\""),
		    r->action);
	if (assoc && (r->consumer_uuid[0] == '\0' || r->account_no[0] == '\0'))
		return pd_fail(err, PD_EINVAL,
		    _("An association names the consumer (consumer_uuid and "
		      "account_no)"));
	if (!assoc && r->consumer_uuid[0] != '\0')
		return pd_fail(
		    err, PD_EINVAL, _("A disassociation names no consumer"));
	if (svc_check_text(
	        _("Reason"), r->reason, s->cfg.remarks_max, 1, err) != 0 ||
	    check_user(s, f, _("By"), r->by, ROLE_SUPERVISOR,
	        assoc ? _("associating a gateway payment")
	              : _("disassociating a gateway payment"),
	        err) != 0)
		return -1;
	return check_since(_("Record time"), r->at, f, err);
}

/* A step of a payment's dispute (issue 21): by a user of the sending
 * terminal's branch with the recovery role (a supervisor to uphold, as
 * voids and credit notes need), the rest as dispute.c's use cases. */
static int
push_dispute(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	int up = strcmp(r->op, "uphold") == 0;

	if (check_user(s, f, _("By"), r->by,
	        up ? ROLE_SUPERVISOR : ROLE_RECOVERY,
	        up ? _("upholding a dispute") : _("working a dispute"),
	        err) != 0 ||
	    check_since(_("Record time"), r->at, f, err) != 0)
		return -1;
	return svc_dispute_check_push(s, f->terminal, f->branch, r, err);
}

/* A step of an organisation's alert (issue 21): by a user of the sending
 * terminal's branch with the recovery role, the rest alert_sync.c's. */
static int
push_alert(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	if (check_user(s, f, _("By"), r->by, ROLE_RECOVERY,
	        _("working an alert"), err) != 0 ||
	    check_since(_("Record time"), r->at, f, err) != 0)
		return -1;
	return svc_alert_check_push(s, r, err);
}

typedef int (*check_fn)(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err);

/* What a terminal may push, by kind. */
static const check_fn push_rules[SR_KINDS] = {
    [SR_PAYMENT] = push_payment,
    [SR_VOID] = push_void,
    [SR_VERIFY] = push_verify,
    [SR_CREDIT_NOTE] = push_credit_note,
    [SR_CREDIT_APPLY] = push_credit_apply,
    [SR_CONSUMER] = push_reference,
    [SR_ITEM] = push_reference,
    [SR_USER] = push_reference,
    [SR_SETTING] = push_reference,
    [SR_SHIFT_OPEN] = svc_sync_check_shift,
    [SR_SHIFT_MOVE] = svc_sync_check_shift,
    [SR_SHIFT_CLOSE] = svc_sync_check_shift,
    [SR_ARRANGEMENT] = push_arrangement,
    [SR_GW_PAYMENT] = push_reference,
    [SR_GW_ASSOC] = push_gw_assoc,
    [SR_DEPOSIT] = svc_sync_check_deposit,
    [SR_STATEMENT] = svc_sync_check_stmt,
    [SR_STMT_MATCH] = svc_sync_check_stmt,
    [SR_DISPUTE] = push_dispute,
    [SR_ALERT] = push_alert,
    [SR_RECON_RESOLVE] = svc_sync_check_resolution,
};

int
svc_sync_check_push(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	if ((unsigned)r->kind >= SR_KINDS)
		return pd_fail(err, PD_EINVAL, _("Unknown record kind"));
	if (strcmp(r->currency, s->cfg.currency_code) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The record is in %s; the organisation's currency is "
		      "%s"),
		    r->currency[0] ? r->currency : "\"\"",
		    s->cfg.currency_code);
	if (strcmp(r->branch, from->branch) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The record names branch %s; terminal %s is of branch "
		      "%s"),
		    r->branch[0] ? r->branch : "\"\"", from->terminal,
		    from->branch);
	if (check_day(_("Record time"), r->at, err) != 0)
		return -1;
	return push_rules[r->kind](s, from, r, err);
}

/* ---- what a terminal pulls ---- */

/* number, of a document dated date, is not of this terminal's series
 * fmt. */
static int
not_mine(struct svc *s, const char *what, const char *fmt, const char *number,
    struct pd_err *err)
{
	struct numfmt_ctx ctx = {NULL, s->cfg.terminal_id, s->cfg.branch_id};

	if (numfmt_match(fmt, &ctx, number, NULL, NULL) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is of this terminal's own series, and this "
		      "terminal never made it"),
		    what, number);
	return 0;
}

static int
pull_payment(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	const struct payment *p = &r->p;

	return not_mine(s, _("Payment number"), s->cfg.fmt_payment,
	           p->payment_no, err) ||
	               not_mine(s, _("Transaction number"),
	                   s->cfg.fmt_transaction, p->txn_no, err) ||
	               not_mine(s, _("Receipt number"), s->cfg.fmt_receipt,
	                   p->receipt_no, err) ||
	               (r->has_cn &&
	                   not_mine(s, _("Credit note number"),
	                       s->cfg.fmt_credit_note, r->cn.cn_no, err))
	           ? -1
	           : 0;
}

static int
pull_credit_note(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	return not_mine(s, _("Credit note number"), s->cfg.fmt_credit_note,
	    r->cn.cn_no, err);
}

/* An arrangement made or a dispute opened by another terminal under a
 * number of this terminal's own series (review of issue 18: applied, it
 * took the number this terminal's next one would have, whose use case
 * then failed every time: "Plan AR-T01-000002 belongs to another
 * consumer"); the central node numbers a create or an open only in its
 * sender's series, so only a central node that is not itself sends one.
 * Its own, echoed back, is recognised by its uuid. One that says it was
 * made here is taken as before: the central node had it from this
 * terminal's token. */
static int
pull_own_plans(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct numfmt_ctx ctx = {NULL, s->cfg.terminal_id, s->cfg.branch_id};
	struct arrangement a;
	struct dispute d;
	struct pd_err e = {0};
	int rc;

	if (strcmp(r->terminal, s->cfg.terminal_id) == 0)
		return 0;
	if (r->kind == SR_ARRANGEMENT && strcmp(r->op, "create") == 0 &&
	    numfmt_match(SVC_ARR_NUMBER_FMT, &ctx, r->arr.plan_no, NULL,
	        NULL) == 0) {
		if (store_arr_find(s->st, r->arr.plan_no, &a, &e) == 0 &&
		    strcmp(a.uuid, r->arr.uuid) == 0)
			return 0;
		if (e.code != 0 && e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is of this terminal's own series, and this "
		      "terminal never made it"),
		    _("Arrangement"), r->arr.plan_no);
	}
	if (r->kind == SR_DISPUTE && strcmp(r->op, "open") == 0 &&
	    numfmt_match(SVC_DSP_NUMBER_FMT, &ctx, r->dsp.dispute_no, NULL,
	        NULL) == 0) {
		if ((rc = store_dsp_by_key(s->st, 0, r->dsp.uuid, &d, err)) <= 0)
			return rc;
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is of this terminal's own series, and this "
		      "terminal never made it"),
		    _("Dispute"), r->dsp.dispute_no);
	}
	return 0;
}

/* The ledger records a terminal recognises by uuid, the table they are
 * kept in, and the check of their numbers (NULL: they carry none of
 * their own). */
static const struct {
	int ledger;
	enum store_table table;
	int (*check)(struct svc *, const struct syncrec *, struct pd_err *);
} pull_rules[SR_KINDS] = {
    [SR_PAYMENT] = {1, TBL_PAYMENTS, pull_payment},
    [SR_VOID] = {1, TBL_VOIDS, NULL},
    [SR_CREDIT_NOTE] = {1, TBL_CREDIT_NOTES, pull_credit_note},
    [SR_CREDIT_APPLY] = {1, TBL_CREDIT_APPLICATIONS, NULL},
};

int
svc_sync_check_pull(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	int64_t id;
	int rc = 0;

	if (r->currency[0] != '\0' &&
	    strcmp(r->currency, s->cfg.currency_code) != 0)
		rc = pd_fail(err, PD_EINVAL,
		    _("It is in %s; this terminal's currency is %s"),
		    r->currency, s->cfg.currency_code);
	else if (r->kind == SR_ARRANGEMENT || r->kind == SR_DISPUTE)
		rc = pull_own_plans(s, r, err);
	else if (r->kind == SR_DEPOSIT || r->kind == SR_STATEMENT ||
	         r->kind == SR_STMT_MATCH || r->kind == SR_RECON_RESOLVE)
		rc = svc_recon_pull_check(s, r, err);
	else if ((unsigned)r->kind >= SR_KINDS || !pull_rules[r->kind].ledger)
		return 0;
	/* a record this terminal has is its own (or one it has pulled
	 * before), recognised by its uuid: the apply takes the central
	 * node's version of it */
	else if (store_id_of(
	             s->st, pull_rules[r->kind].table, r->uuid, &id, err))
		return -1;
	else if (id != 0)
		return 0;
	else if (strcmp(r->terminal, s->cfg.terminal_id) == 0)
		rc = pd_fail(err, PD_EINVAL,
		    _("It says it was made on this terminal, and this "
		      "terminal never made it"));
	else if (pull_rules[r->kind].check != NULL)
		rc = pull_rules[r->kind].check(s, r, err);
	if (rc != 0)
		pd_err_prefix(err, _("%s %s of terminal %s: "),
		    syncrec_kind_name(r->kind), r->uuid, r->terminal);
	return rc;
}
