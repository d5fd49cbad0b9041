/* arrange.c - payment arrangements (issue 21): preview, create, show,
 * list, reschedule, cancel. The schedule and compliance rules are core's
 * (src/core/arrange.c); what a plan took over and gave back is the
 * store's moves (src/store/arrange.c). Each write is one transaction with
 * its audit entry and outbox record.
 *
 * TO ADD A NEW ARRANGEMENT EVENT: its kind in arrangement_events' CHECK
 * (a migration), a use case here writing the event, its moves and the
 * audit entry, its record in src/sync/record.c (kind arrangement, "op"),
 * its check in sync_check.c and its apply in sync_apply.c.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/os.h"

#define ARR_REASON_MAX 200

void
svc_arr_preview_free(struct arr_preview *p)
{
	free(p->items);
	p->items = NULL;
	p->nitems = 0;
}

void
svc_arr_view_free(struct arr_view *v)
{
	free(v->inst);
	free(v->state);
	free(v->holds);
	free(v->events);
	memset(v, 0, sizeof *v);
}

void
svc_arr_views_free(struct arr_view *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		svc_arr_view_free(&v[i]);
	free(v);
}

int
svc_arr_explain(struct svc *s, const struct item *it, struct pd_err *err)
{
	struct arrangement a;
	int64_t moved, ev, arr;

	if (it->settled < it->amount)
		return 0;
	if (store_arr_item_moved(s->st, it->id, &moved, &ev, &arr, err) != 0)
		return -1;
	if (moved <= 0 || arr == 0)
		return 0;
	if (store_arr_by_id(s->st, arr, &a, err) != 0)
		return -1;
	if (strcmp(it->plan_no, a.plan_no) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Installment %s was closed by a reschedule or the "
		      "cancel of arrangement %s: pay its open installments, "
		      "or the items a cancel gave back"),
		    it->ref, a.plan_no);
	return pd_fail(err, PD_EINVAL,
	    _("Item %s is under an arrangement, %s: pay that "
	      "arrangement's installments instead"),
	    it->ref, a.plan_no);
}

/* Whether item it is an installment of an arrangement (never taken over
 * by another). */
static int
arr_installment(struct svc *s, const struct item *it, struct pd_err *err)
{
	struct arrangement a;
	struct pd_err e2;

	if (it->kind != PAY_INSTALLMENT || it->plan_no[0] == '\0')
		return 0;
	if (store_arr_find(s->st, it->plan_no, &a, &e2) == 0)
		return 1;
	if (e2.code == PD_ENOTFOUND)
		return 0;
	if (err)
		*err = e2;
	return -1;
}

int
svc_arr_is_installment(struct svc *s, const struct item *it, struct pd_err *err)
{
	return arr_installment(s, it, err);
}

/* One item named by the request: the consumer's, open, not an
 * arrangement's installment, not named twice. */
static int
pick_one(
    struct svc *s, struct arr_preview *p, const char *ref, struct pd_err *err)
{
	struct item it;
	size_t i;
	int rc;

	if (store_item_by_ref(s->st, ref, &it, err) != 0)
		return -1;
	if (it.consumer_id != p->c.id)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s belongs to another consumer, not to %s"), ref,
		    p->c.account_no);
	if (svc_arr_explain(s, &it, err) != 0)
		return -1;
	if (it.settled >= it.amount)
		return pd_fail(
		    err, PD_EINVAL, _("Item %s is already paid in full"), ref);
	if ((rc = arr_installment(s, &it, err)) != 0)
		return rc < 0
		           ? -1
		           : pd_fail(err, PD_EINVAL,
		                 _("Item %s is an installment of arrangement "
		                   "%s: reschedule that one instead"),
		                 ref, it.plan_no);
	for (i = 0; i < p->nitems; i++)
		if (p->items[i].id == it.id)
			return pd_fail(
			    err, PD_EINVAL, _("Item %s is named twice"), ref);
	p->items = xrealloc(p->items, p->nitems + 1, sizeof *p->items);
	p->items[p->nitems++] = it;
	return 0;
}

static int
by_due(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->due_on, y->due_on);

	return c != 0 ? c : strcmp(x->ref, y->ref);
}

/* The items the request takes over into p, oldest due first, and the
 * debt they hold. */
static int
pick_items(struct svc *s, const struct arr_request *r, struct arr_preview *p,
    struct pd_err *err)
{
	struct item *open;
	char *list, *tok, *next, plan[33] = "", m[MONEY_BUFSZ];
	size_t n, i;
	int64_t held = 0;
	int rc = 0, more = 0;

	if (r->items != NULL && r->items[0] != '\0') {
		/* the list's shape first, then its items: an empty one
		 * after an unknown one is the list typed wrong, status 3, not
		 * the unknown one's 4 (helper-236, fault 10) */
		if (svc_check_ref_list(r->items, err) != 0)
			return -1;
		list = xstrdup(r->items);
		for (tok = list; tok != NULL && rc == 0; tok = next) {
			if ((next = strchr(tok, ',')) != NULL)
				*next++ = '\0';
			rc = pick_one(s, p, tok, err);
		}
		free(list);
		if (rc != 0)
			return -1;
	} else {
		if ((open = store_items_open(s->st, p->c.id, -1, &n, err)) ==
		    NULL)
			return -1;
		for (i = 0; i < n && rc == 0; i++)
			if ((rc = arr_installment(s, &open[i], err)) == 0)
				rc = pick_one(s, p, open[i].ref, err);
			else if (rc > 0) {
				/* what a plan of the consumer's holds: said
				 * when nothing else is open (helper-251, fault
				 * 4: "no open items" of one owing a Broken
				 * plan's 450.00) */
				held += open[i].amount - open[i].settled;
				if (plan[0] == '\0')
					xstrlcpy(
					    plan, open[i].plan_no, sizeof plan);
				else if (strcmp(plan, open[i].plan_no) != 0)
					more = 1;
				rc = 0;
			}
		free(open);
		if (rc != 0)
			return -1;
	}
	if (p->nitems == 0 && held > 0)
		return pd_fail(err, PD_EINVAL,
		    more ? _("Consumer %s owes %s, all of it in the "
		             "installments of arrangements (%s among them): "
		             "reschedule them instead")
		         : _("Consumer %s owes %s, all of it in the "
		             "installments of arrangement %s: reschedule that "
		             "one instead"),
		    p->c.account_no, svc_money(s, m, sizeof m, held), plan);
	if (p->nitems == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Consumer %s has no open items to arrange"),
		    p->c.account_no);
	qsort(p->items, p->nitems, sizeof *p->items, by_due);
	for (i = 0; i < p->nitems; i++)
		p->debt += p->items[i].amount - p->items[i].settled;
	return 0;
}

/* A count option in lo..hi; what names it. */
static int
check_range(int v, int lo, int hi, const char *what, struct pd_err *err)
{
	if (v < lo || v > hi)
		return pd_fail(err, PD_EINVAL, _("%s %d: must be %d to %d"),
		    what, v, lo, hi);
	return 0;
}

/* The terms of a request, each checked, into t (debt set later). */
static int
read_terms(struct svc *s, const struct arr_request *r, struct arr_terms *t,
    enum arr_field *bad, struct pd_err *err)
{
	char iso[11], today[11];
	int f;

	memset(t, 0, sizeof *t);
	svc_today(today);
	date_parse(today, NULL, &t->today, NULL);
	*bad = ARR_F_DOWN;
	if (r->down != NULL && r->down[0] != '\0' &&
	    svc_money_arg(s, r->down, _("Down payment"), &t->down, err) != 0)
		return -1;
	*bad = ARR_F_FREQ;
	if ((f = arr_freq_parse(r->freq)) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Frequency \"%s\": must be weekly, fortnightly or "
		      "monthly"),
		    r->freq ? r->freq : "");
	t->freq = (enum arr_freq)f;
	*bad = ARR_F_FIRST_DUE;
	if (svc_date_parse(s, r->first_due ? r->first_due : "",
	        _("First due date"), iso, err) != 0 ||
	    date_parse(iso, _("First due date"), &t->first_due, err) != 0)
		return -1;
	t->n = r->n;
	*bad = ARR_F_GRACE;
	if (check_range(r->grace_days, 0, ARR_GRACE_MAX, _("Grace days"), err))
		return -1;
	*bad = ARR_F_MISSES;
	if (check_range(r->misses_allowed, 0, ARR_MISSES_MAX,
	        _("Misses allowed"), err) != 0)
		return -1;
	*bad = ARR_F_REASON;
	if (svc_check_text_fits(
	        _("Reason"), r->reason, ARR_REASON_MAX, SVC_TEXT_BUFSZ, 1, err) != 0)
		return -1;
	*bad = ARR_F_NONE;
	return 0;
}

/* The field a schedule's refusal is about, by what core said. */
static enum arr_field
schedule_field(const struct arr_terms *t)
{
	if (t->down < 0 || t->down >= t->debt)
		return ARR_F_DOWN;
	if (t->n < 1 || t->n > ARR_INST_MAX || t->debt - t->down < t->n)
		return ARR_F_N;
	if (t->first_due < t->today)
		return ARR_F_FIRST_DUE;
	return ARR_F_ITEMS;
}

/* The preview's work, inside or outside a transaction. */
static int
preview(struct svc *s, const struct arr_request *r, struct arr_preview *p,
    struct arr_terms *t, struct pd_err *err)
{
	struct money_style ms;

	p->bad = ARR_F_ACCOUNT;
	if (store_consumer_by_account(
	        s->st, r->account ? r->account : "", &p->c, err) != 0)
		return -1;
	if (read_terms(s, r, t, &p->bad, err) != 0)
		return -1;
	p->bad = ARR_F_ITEMS;
	if (pick_items(s, r, p, err) != 0)
		return -1;
	t->debt = p->debt;
	if (arr_schedule(t, svc_style(s, &ms), p->lines, &p->nlines, err) !=
	    0) {
		p->bad = schedule_field(t);
		return -1;
	}
	p->bad = ARR_F_NONE;
	return 0;
}

int
svc_arrangement_preview(struct svc *s, const struct arr_request *r,
    struct arr_preview *out, struct pd_err *err)
{
	struct arr_terms t;

	memset(out, 0, sizeof *out);
	if (svc_require(s, ROLE_CASHIER, _("Previewing an arrangement"), err) !=
	    0)
		return -1;
	return preview(s, r, out, &t, err);
}

/* The installments of lines into plan a, numbered from first_no, made
 * by event ev at time at: entered into the organisation's books that day
 * (the central node checks it is the day of the event's record). */
static int
write_lines(struct svc *s, const struct arrangement *a,
    const struct arr_line *lines, int n, int first_no, int64_t ev,
    const char *at, struct pd_err *err)
{
	struct item it;
	int i;

	for (i = 0; i < n; i++) {
		memset(&it, 0, sizeof it);
		it.consumer_id = a->consumer_id;
		it.kind = PAY_INSTALLMENT;
		xstrlcpy(it.plan_no, a->plan_no, sizeof it.plan_no);
		it.inst_no = first_no + i;
		snprintf(
		    it.ref, sizeof it.ref, "%s#%d", a->plan_no, it.inst_no);
		it.amount = lines[i].amount;
		xstrlcpy(it.issued_on, a->created_on, sizeof it.issued_on);
		date_format(it.due_on, lines[i].due);
		snprintf(it.entered_on, sizeof it.entered_on, "%.10s", at);
		if (svc_item_insert(s, &it, err) != 0 ||
		    store_arr_installment(s->st, it.id, ev, err) != 0)
			return -1;
	}
	return 0;
}

/* The outbox record of event ev, before the audit entry, which claims
 * its seal (seal.c). */
static int
outbox(struct svc *s, int64_t ev, const char *plan_no, struct pd_err *err)
{
	struct syncrec rec;
	int rc;

	if (svc_arr_record(s, ev, s->cfg.branch_id, &rec, err) != 0)
		return -1;
	rc = svc_outbox(s, &rec, plan_no, err);
	syncrec_free(&rec);
	return rc;
}


/* The next number of this terminal's plan series that no plan here has:
 * one pulled from the central node may hold a number of it already (a
 * plan the central node took under it), and every create at this
 * terminal was then refused "Plan ... belongs to another consumer"
 * (review R21b, what F21p and F21q noticed). */
static int
next_plan_no(struct svc *s, struct arrangement *a, struct pd_err *err)
{
	struct arrangement old;
	struct pd_err e;
	int tries;

	for (tries = 0; tries < 1000; tries++) {
		if (svc_next_number(s, "arrangement", SVC_ARR_NUMBER_FMT,
		        a->created_on, a->plan_no, sizeof a->plan_no, err) != 0)
			return -1;
		memset(&e, 0, sizeof e);
		if (store_arr_find(s->st, a->plan_no, &old, &e) != 0) {
			if (e.code == PD_ENOTFOUND)
				return 0;
			*err = e;
			return -1;
		}
	}
	return pd_fail(err, PD_ESTORE,
	    "Arrangement numbers %s and the 999 before it are all taken",
	    a->plan_no);
}

/* An event of a by the actor, now. */
static int
write_event(struct svc *s, const struct arrangement *a, const char *kind,
    const char *reason, struct arr_event *e, int64_t *id, struct pd_err *err)
{
	memset(e, 0, sizeof *e);
	os_uuid_new(e->uuid);
	e->kind = kind;
	e->reason = reason;
	svc_now(e->at);
	e->by = s->actor.username;
	e->terminal = s->cfg.terminal_id;
	return store_arr_event(s->st, a->id, e, id, err);
}

static int
create_in_tx(struct svc *s, const struct arr_request *r, char plan_no[33],
    struct arr_preview *p, struct pd_err *err)
{
	struct arr_terms t;
	struct arrangement a;
	struct arr_event e;
	char detail[768], m[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	int64_t ev;
	size_t i;

	if (preview(s, r, p, &t, err) != 0)
		return -1;
	memset(&a, 0, sizeof a);
	a.consumer_id = p->c.id;
	date_format(a.created_on, t.today);
	svc_now(a.created_at);
	if (next_plan_no(s, &a, err) != 0 ||
	    store_plan_ensure(s->st, a.plan_no, a.consumer_id, err) != 0)
		return -1;
	a.debt = p->debt;
	a.down = t.down;
	a.n = t.n;
	a.freq = t.freq;
	date_format(a.first_due, t.first_due);
	a.grace_days = r->grace_days;
	a.misses_allowed = r->misses_allowed;
	xstrlcpy(a.reason, r->reason, sizeof a.reason);
	xstrlcpy(a.created_by, s->actor.username, sizeof a.created_by);
	xstrlcpy(a.terminal, s->cfg.terminal_id, sizeof a.terminal);
	if (store_arr_insert(s->st, &a, a.plan_no, err) != 0 ||
	    write_event(s, &a, "create", r->reason, &e, &ev, err) != 0)
		return -1;
	for (i = 0; i < p->nitems; i++)
		if (store_arr_move(s->st, ev, p->items[i].id,
		        p->items[i].amount - p->items[i].settled, a.id,
		        err) != 0)
			return -1;
	if (write_lines(s, &a, p->lines, p->nlines, 1, ev, e.at, err) != 0 ||
	    outbox(s, ev, a.plan_no, err) != 0)
		return -1;
	/* every term, and the reason, as a reschedule's and a cancel's */
	snprintf(detail, sizeof detail,
	    "account=%s debt=%s down=%s n=%d frequency=%s first_due=%s "
	    "grace=%d misses=%d items=%zu reason=%s",
	    p->c.account_no,
	    money_plain(m, sizeof m, a.debt, s->cfg.minor_digits),
	    money_plain(m2, sizeof m2, a.down, s->cfg.minor_digits), a.n,
	    arr_freq_name(a.freq), a.first_due, a.grace_days,
	    a.misses_allowed, p->nitems, a.reason);
	xstrlcpy(plan_no, a.plan_no, 33);
	if (svc_audit(s, e.at, "create", "arrangement", a.plan_no, detail,
	        err) != 0)
		return -1;
	/* the items it took over: their overdue alerts end (review 21b,
	 * fault 8b); and its own rules at once, as a reschedule's: an
	 * installment falling due within [alerts] due_days is due now, not
	 * at the next day's pass (a first installment due tomorrow went
	 * from no alert to Missed) */
	return svc_alerts_reread(s, a.consumer_id, 1, "arrangement", e.at, err);
}

int
svc_arrangement_create(struct svc *s, const struct arr_request *r,
    char plan_no[33], struct arr_preview *out, struct pd_err *err)
{
	struct arr_terms t;
	int rc;

	memset(out, 0, sizeof *out);
	if (svc_require(
	        s, ROLE_RECOVERY, _("Making a payment arrangement"), err) != 0)
		return -1;
	/* the terms first, so a bad request never takes the write lock */
	if (read_terms(s, r, &t, &out->bad, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	rc = svc_finish(s, create_in_tx(s, r, plan_no, out, err), err);
	return rc;
}

/* Compliance of v as of today, from its installments. */
/* Close the unpaid rest of v's live installments by moves of event ev;
 * the rest in *rest. */
static int
close_live(struct svc *s, const struct arr_view *v, int64_t ev, int64_t *rest,
    struct pd_err *err)
{
	size_t i;
	int64_t open;

	*rest = 0;
	for (i = 0; i < v->ninst; i++) {
		/* a replaced one that owes again (its payment voided after
		 * the change) is closed too (review 21b, fault 4) */
		open = v->inst[i].it.amount - v->inst[i].it.settled;
		if (open <= 0)
			continue;
		if (store_arr_move(s->st, ev, v->inst[i].it.id, open, 0, err) !=
		    0)
			return -1;
		*rest += open;
	}
	return 0;
}

/* The arrangement of plan_no read for a change: Active or Broken. */
static int
changeable(
    struct svc *s, const char *plan_no, struct arr_view *v, struct pd_err *err)
{
	struct arrangement a;

	if (store_arr_find(s->st, plan_no, &a, err) != 0 ||
	    svc_arr_view_of(s, &a, v, err) != 0)
		return -1;
	if (v->status == ARR_CANCELLED || v->status == ARR_COMPLETED ||
	    v->left <= 0) {
		pd_fail(err, PD_EINVAL,
		    _("Arrangement %s is %s: only an Active or Broken "
		      "arrangement can be changed"),
		    plan_no, i18n_term(arr_status_term(v->status)));
		svc_arr_view_free(v);
		return -1;
	}
	return 0;
}

int
svc_arrangement_change_preview(struct svc *s, const char *plan_no, int n,
    const char *freq, const char *first_due, struct arr_preview *out,
    struct pd_err *err)
{
	struct arr_request r = {0};
	struct arr_terms t;
	struct arr_view v;
	struct money_style ms;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (svc_require(s, ROLE_CASHIER, _("Previewing an arrangement"), err) !=
	        0 ||
	    changeable(s, plan_no, &v, err) != 0)
		return -1;
	xstrlcpy(out->c.account_no, v.a.account_no, sizeof out->c.account_no);
	xstrlcpy(out->c.name, v.a.consumer_name, sizeof out->c.name);
	out->debt = v.left;
	svc_arr_view_free(&v);
	if (n == 0)
		return 0;
	r.n = n;
	r.freq = freq;
	r.first_due = first_due;
	r.reason = "preview";
	if (read_terms(s, &r, &t, &out->bad, err) != 0)
		return -1;
	t.debt = out->debt;
	if (arr_schedule(&t, svc_style(s, &ms), out->lines, &out->nlines,
	        err) != 0)
		out->bad = schedule_field(&t);
	else
		rc = 0;
	return rc;
}

struct resched {
	const char *plan_no;
	struct arr_request r; /* n, freq, first_due, misses, reason */
	int keep_misses;      /* 1: the plan's misses allowed stay */
	enum arr_field *bad;
};

static int
reschedule_in_tx(struct svc *s, const struct resched *q, struct pd_err *err)
{
	struct arr_view v;
	struct arr_terms t;
	struct arr_line lines[ARR_INST_MAX + 1];
	struct arr_event e;
	struct money_style ms;
	char detail[512], m[MONEY_BUFSZ];
	int64_t ev, rest;
	int nl, rc = -1, next;

	if (read_terms(s, &q->r, &t, q->bad, err) != 0 ||
	    changeable(s, q->plan_no, &v, err) != 0)
		return -1;
	t.debt = v.left;
	*q->bad = ARR_F_N;
	if (arr_schedule(&t, svc_style(s, &ms), lines, &nl, err) != 0) {
		*q->bad = schedule_field(&t);
		goto out;
	}
	*q->bad = ARR_F_NONE;
	next = v.ninst ? v.inst[v.ninst - 1].it.inst_no + 1 : 1;
	if (write_event(s, &v.a, "reschedule", q->r.reason, &e, &ev, err) !=
	        0 ||
	    close_live(s, &v, ev, &rest, err) != 0 ||
	    write_lines(s, &v.a, lines, nl, next, ev, e.at, err) != 0)
		goto out;
	v.a.n = t.n;
	v.a.freq = t.freq;
	date_format(v.a.first_due, t.first_due);
	if (!q->keep_misses)
		v.a.misses_allowed = q->r.misses_allowed;
	v.a.changes++;
	snprintf(detail, sizeof detail,
	    "rest=%s n=%d frequency=%s first_due=%s misses=%d reason=%s",
	    money_plain(m, sizeof m, rest, s->cfg.minor_digits), t.n,
	    arr_freq_name(t.freq), v.a.first_due, v.a.misses_allowed,
	    q->r.reason);
	if (store_arr_update(s->st, &v.a, err) == 0 &&
	    outbox(s, ev, v.a.plan_no, err) == 0 &&
	    svc_audit(s, e.at, "reschedule", "arrangement", v.a.plan_no, detail,
	        err) == 0 &&
	    /* its alerts whose cause ended close now (review 21b, 8) */
	    svc_alerts_reread(s, v.a.consumer_id, 1, "arrangement", e.at, err) == 0)
		rc = 0;
out:
	svc_arr_view_free(&v);
	return rc;
}

int
svc_arrangement_reschedule(struct svc *s, const char *plan_no, int n,
    const char *freq, const char *first_due, int misses, const char *reason,
    enum arr_field *bad, struct pd_err *err)
{
	struct resched q = {plan_no, {0}, misses == -1, bad};
	struct arr_terms t;

	q.r.n = n;
	q.r.freq = freq;
	q.r.first_due = first_due;
	q.r.misses_allowed = misses == -1 ? 0 : misses;
	q.r.reason = reason;
	*bad = ARR_F_NONE;
	if (svc_require(
	        s, ROLE_RECOVERY, _("Rescheduling an arrangement"), err) != 0 ||
	    read_terms(s, &q.r, &t, bad, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, reschedule_in_tx(s, &q, err), err);
}

static int
cancel_in_tx(
    struct svc *s, const char *plan_no, const char *reason, struct pd_err *err)
{
	struct arr_view v;
	struct arr_event e;
	char detail[512], m[MONEY_BUFSZ];
	int64_t ev, rest, back, give;
	size_t i;
	int rc = -1;

	if (changeable(s, plan_no, &v, err) != 0)
		return -1;
	if (write_event(s, &v.a, "cancel", reason, &e, &ev, err) != 0 ||
	    close_live(s, &v, ev, &rest, err) != 0)
		goto out;
	/* what is left goes back to the items it came from, newest first:
	 * what was paid paid the oldest */
	for (back = rest, i = v.nholds; i > 0 && back > 0; i--) {
		give = v.holds[i - 1].held < back ? v.holds[i - 1].held : back;
		if (give > 0 &&
		    store_arr_move(s->st, ev, v.holds[i - 1].item_id, -give,
		        v.a.id, err) != 0)
			goto out;
		back -= give;
	}
	v.a.cancelled = 1;
	snprintf(detail, sizeof detail, "returned=%s reason=%s",
	    money_plain(m, sizeof m, rest, s->cfg.minor_digits), reason);
	if (store_arr_update(s->st, &v.a, err) == 0 &&
	    outbox(s, ev, v.a.plan_no, err) == 0 &&
	    svc_audit(s, e.at, "cancel", "arrangement", v.a.plan_no, detail,
	        err) == 0 &&
	    /* its alerts whose cause ended close now (review 21b, 8) */
	    svc_alerts_reread(s, v.a.consumer_id, 1, "arrangement", e.at, err) == 0)
		rc = 0;
out:
	svc_arr_view_free(&v);
	return rc;
}

int
svc_arrangement_cancel(
    struct svc *s, const char *plan_no, const char *reason, struct pd_err *err)
{
	if (svc_require(
	        s, ROLE_RECOVERY, _("Cancelling an arrangement"), err) != 0 ||
	    svc_check_text_fits(
	        _("Reason"), reason, ARR_REASON_MAX, SVC_TEXT_BUFSZ, 1, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, cancel_in_tx(s, plan_no, reason, err), err);
}
