/* arrange_view.c - payment arrangements as read (issue 21): a plan's
 * compliance from its installments, its view, show and list, and the
 * plans being kept of the disconnection list. The writes are arrange.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "internal.h"
#include "paydesk/os.h"

/* An installment's state on day t under grace days: replaced if closed
 * by a later event (moved), lapsed if that event came on moved_on after
 * its due day + grace (it had been missed: it stays so in the plan's
 * history; "" for replaced whenever, as the disconnection list reads
 * it), settled if all of it was taken off by its own
 * (absorbed: paid meanwhile elsewhere, or on its items by a void undone);
 * else by its due day and the day it was paid
 * in full ("" if not). A plan's view (comply) and the plans kept of the
 * disconnection list (svc_kept_overdue) both say so by it. */
static enum arr_inst_state
inst_state(int64_t amount, int64_t settled, int64_t moved, int64_t absorbed,
    const char *due_on, const char *paid_on, const char *moved_on, int grace,
    int32_t t)
{
	int32_t due, paid = -1, closed;

	date_parse(due_on, NULL, &due, NULL);
	/* replaced while a later change's move closes it; one that owes
	 * again (its payment voided after the change: review 21b, fault
	 * 4) is debt of the plan, judged by its dates */
	if (moved > 0 && settled >= amount)
		return moved_on[0] != '\0' &&
		               date_parse(moved_on, NULL, &closed, NULL) == 0 &&
		               closed > due + grace
		           ? ARR_LAPSED
		           : ARR_REPLACED;
	if (amount - absorbed <= 0)
		return ARR_SETTLED;
	if (paid_on[0] != '\0')
		date_parse(paid_on, NULL, &paid, NULL);
	return arr_inst_state(due, grace, paid, t);
}

static void
comply(struct arr_view *v)
{
	char today[11];
	int32_t t, due;
	size_t i;

	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	memset(&v->tally, 0, sizeof v->tally);
	v->paid = v->to_items = v->left = 0;
	v->state = xcalloc(v->ninst ? v->ninst : 1, sizeof *v->state);
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];

		/* what its own event took off it (absorbed: paid to the
		 * items before the event came) is not paid into it: the
		 * plan counts it apart, so that its debt less both is what
		 * is left; a reschedule's was paid of the installments it
		 * replaced and is counted there already (review 21: paid
		 * twice; helper-245, fault 1: a bill payment counted as
		 * collected by the plan) */
		v->paid += arr_item_paid(in);
		v->to_items += arr_item_to_items(in);
		v->state[i] = inst_state(in->it.amount, in->it.settled,
		    in->moved, in->absorbed, in->it.due_on, in->paid_on,
		    in->moved_on, v->a.grace_days, t);
		if (v->state[i] == ARR_REPLACED)
			continue;
		/* missed before a change moved its rest: history, its
		 * rest counted by the installments that took it; one of
		 * the schedule in force was closed by the cancel, which is
		 * no new agreement: still a miss of it (helper-251, fault
		 * 2: a Broken plan's "2 / 1" read "1 / 1" once cancelled) */
		if (v->state[i] == ARR_LAPSED) {
			arr_tally_add(&v->tally, ARR_LAPSED);
			if (in->in_force)
				v->tally.lapsed--;
			continue;
		}
		if (v->state[i] == ARR_SETTLED) {
			v->tally.settled++;
			continue;
		}
		v->left += in->it.amount - in->it.settled;
		date_parse(in->it.due_on, NULL, &due, NULL);
		arr_tally_add_on(&v->tally, v->state[i], due, t);
		/* paid, of a schedule a reschedule followed: history, not
		 * a miss of the agreement in force (review 21b, fault 7) */
		if (!in->in_force && in->it.settled >= in->it.amount)
			arr_tally_past(&v->tally, v->state[i]);
	}
	v->status =
	    arr_plan_status(&v->tally, v->a.misses_allowed, v->a.cancelled);
	v->compliance = arr_compliance_tenths(&v->tally);
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

char *
svc_json_id(char *w, int64_t id)
{
	return w +
	       sprintf(w, "%s%lld", w[-1] == '[' ? "" : ",", (long long)id);
}

enum arr_status
svc_plan_judged(const struct arr_item_of *r, size_t n, int32_t t, int *kept)
{
	struct arr_tally tally;
	enum arr_status st;
	size_t m;

	memset(&tally, 0, sizeof tally);
	for (m = 0; m < n; m++) {
		enum arr_inst_state is = inst_state(r[m].amount, r[m].settled,
		    r[m].moved, r[m].absorbed, r[m].due_on, r[m].paid_on, "",
		    r[0].grace_days, t);

		arr_tally_add(&tally, is);
		if (!r[m].in_force && r[m].settled >= r[m].amount)
			arr_tally_past(&tally, is);
	}
	st = arr_plan_status(&tally, n > 0 ? r[0].misses_allowed : 0, 0);
	*kept = st == ARR_ACTIVE && tally.missed == 0;
	return st;
}

/* The consumers keeping a plan of the installments r[nr] (by consumer
 * and plan, as store_arr_items_overdue reads them; freed here), sorted
 * (*n, caller frees); *broken (if not NULL, caller frees) the JSON
 * array of the Broken plans' ids; *cand (if not NULL, caller frees) the
 * consumers whose plans r holds, ascending, once each (*ncand); k->inst
 * (k->ninst; caller frees) the installments open and due on cutoff or
 * before of every plan of those kept. */
static int64_t *
kept_in(struct arr_item_of *r, size_t nr, const char *cutoff,
    struct svc_kept_inst *k, size_t *n, char **broken, int64_t **cand,
    size_t *ncand)
{
	enum arr_status st;
	char today[11], *w = NULL;
	int64_t *ids;
	int32_t t;
	size_t i, j, m, nk = 0, from = 0;
	int keeps = 0, plan_kept;

	if (broken != NULL) {
		w = *broken = xcalloc(nr * 21 + 3, 1);
		*w++ = '[';
	}
	if (cand != NULL) {
		*cand = xcalloc(nr ? nr : 1, sizeof **cand);
		*ncand = 0;
	}
	k->inst = xcalloc(nr ? nr : 1, sizeof *k->inst);
	k->ninst = 0;
	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	ids = xcalloc(nr ? nr : 1, sizeof *ids);
	for (i = 0; i < nr; i = j) {
		for (j = i; j < nr && r[j].arr_id == r[i].arr_id; j++)
			;
		/* a consumer's first plan (r is by consumer) */
		if (i == 0 || r[i - 1].consumer_id != r[i].consumer_id) {
			from = k->ninst;
			keeps = 0;
			if (cand != NULL)
				(*cand)[(*ncand)++] = r[i].consumer_id;
		}
		/* its compliance as its view tells (comply), read in place:
		 * a view of each plan (its installments copied) was a tenth
		 * of the list at 10M */
		st = svc_plan_judged(r + i, j - i, t, &plan_kept);
		for (m = i; m < j; m++)
			if (r[m].settled < r[m].amount &&
			    strcmp(r[m].due_on, cutoff) <= 0)
				k->inst[k->ninst++] = r[m].item_id;
		if (plan_kept) {
			ids[nk++] = r[i].consumer_id;
			keeps = 1;
		} else if (st == ARR_BROKEN && w != NULL)
			w = svc_json_id(w, r[i].arr_id);
		/* his last plan: his installments kept only if he keeps one */
		if ((j == nr || r[j].consumer_id != r[i].consumer_id) && !keeps)
			k->ninst = from;
	}
	if (w != NULL)
		strcpy(w, "]");
	free(r);
	if (nk > 1)
		qsort(ids, nk, sizeof *ids, cmp_id);
	*n = nk;
	return ids;
}

static int64_t *
kept_of(struct svc *s, const char *among, const char *cutoff,
    struct svc_kept_inst *k, size_t *n, char **broken, struct pd_err *err)
{
	struct arr_item_of *r;
	size_t nr;

	*n = 0;
	k->inst = NULL;
	k->ninst = 0;
	if ((r = store_arr_items_overdue(s->st, among, &nr, err)) == NULL)
		return NULL;
	return kept_in(r, nr, cutoff, k, n, broken, NULL, NULL);
}

int64_t *
svc_kept_overdue(struct svc *s, const char *among, const char *cutoff,
    struct svc_kept_inst *k, size_t *n, struct pd_err *err)
{
	return kept_of(s, among, cutoff, k, n, NULL, err);
}

int64_t *
svc_kept_broken(struct svc *s, const char *cutoff, struct svc_kept_inst *k,
    size_t *n, char **broken, struct pd_err *err)
{
	int64_t *ids;

	*broken = NULL;
	if ((ids = kept_of(s, NULL, cutoff, k, n, broken, err)) == NULL) {
		free(*broken);
		*broken = NULL;
	}
	return ids;
}

int64_t *
svc_kept_open(struct svc *s, const char *cutoff, struct svc_kept_inst *k,
    size_t *n, char **broken, int64_t **cand, size_t *ncand, struct pd_err *err)
{
	struct arr_item_of *r;
	size_t nr;

	*n = *ncand = 0;
	*broken = NULL;
	*cand = NULL;
	k->inst = NULL;
	k->ninst = 0;
	if ((r = store_arr_items_open(s->st, cutoff, &nr, err)) == NULL)
		return NULL;
	return kept_in(r, nr, cutoff, k, n, broken, cand, ncand);
}

/* v filled for arrangement a (read; what it holds too if holds). */
static int
view_read(struct svc *s, const struct arrangement *a, int holds,
    struct arr_view *v, struct pd_err *err)
{
	size_t i;
	int undone;

	memset(v, 0, sizeof *v);
	v->a = *a;
	if ((v->inst = store_arr_items(s->st, a->id, &v->ninst, err)) == NULL ||
	    (holds && (v->holds = store_arr_holds(
	                   s->st, a->id, &v->nholds, err)) == NULL)) {
		svc_arr_view_free(v);
		return -1;
	}
	/* an installment of a change the central node refused, closed by
	 * it again here (arrange_undo.c): replaced, none of it paid */
	for (i = 0; i < v->ninst; i++) {
		struct arr_item *in = &v->inst[i];

		if (in->absorbed <= 0 || in->absorbed != in->it.amount)
			continue;
		if (store_arr_item_undone(s->st, in->it.id, &undone, err) != 0) {
			svc_arr_view_free(v);
			return -1;
		}
		if (undone) {
			in->moved += in->absorbed;
			in->absorbed = 0;
		}
	}
	comply(v);
	return 0;
}

int
svc_arr_view_of(struct svc *s, const struct arrangement *a, struct arr_view *v,
    struct pd_err *err)
{
	return view_read(s, a, 1, v, err);
}

int
svc_arr_view_bare_of(struct svc *s, const struct arrangement *a,
    struct arr_view *v, struct pd_err *err)
{
	return view_read(s, a, 0, v, err);
}

int
svc_arrangement_show(
    struct svc *s, const char *plan_no, struct arr_view *v, struct pd_err *err)
{
	struct arrangement a;

	memset(v, 0, sizeof *v);
	if (svc_require(s, ROLE_CASHIER, _("An arrangement's details"), err) !=
	        0 ||
	    store_arr_find(s->st, plan_no, &a, err) != 0 ||
	    svc_arr_view_of(s, &a, v, err) != 0)
		return -1;
	/* who made and changed it, when, where and why */
	if ((v->events = store_arr_events(s->st, a.id, &v->nevents, err)) ==
	    NULL) {
		svc_arr_view_free(v);
		return -1;
	}
	return 0;
}

struct arr_view *
svc_arrangement_list(
    struct svc *s, const struct arr_filter *f, size_t *n, struct pd_err *err)
{
	const char *segment = f->segment;
	struct arr_view *v;
	struct row_scope sc;
	size_t all, i;

	*n = 0;
	if (svc_require(s, ROLE_CASHIER, _("The list of arrangements"), err) !=
	        0 ||
	    (segment != NULL && svc_segment_canon(s, &segment, err) != 0))
		return NULL;
	/* the plans made at the scope's terminals (issue 23); one
	 * consumer's wherever made unless a scope was chosen */
	svc_row_scope(s, f->account, &sc);
	if ((v = svc_arr_views_of(s, f->account, f->status, &sc, &all, err)) ==
	    NULL)
		return NULL;
	/* the days made and the segment, as svc_arr_performance reads them */
	for (i = 0; i < all; i++) {
		if ((f->from != NULL &&
		        strcmp(v[i].a.created_on, f->from) < 0) ||
		    (f->to != NULL && strcmp(v[i].a.created_on, f->to) > 0) ||
		    (segment != NULL &&
		        strcasecmp(v[i].a.segment, segment) != 0))
			svc_arr_view_free(&v[i]);
		else
			v[(*n)++] = v[i];
	}
	return v;
}

/* svc_arr_views, with what each holds if holds. */
static struct arr_view *views(struct svc *s, const char *account, int status,
    int holds, const struct row_scope *sc, size_t *n, struct pd_err *err);

struct arr_view *
svc_arr_views(struct svc *s, const char *account, int status, size_t *n,
    struct pd_err *err)
{
	return views(s, account, status, 1, NULL, n, err);
}

struct arr_view *
svc_arr_views_of(struct svc *s, const char *account, int status,
    const struct row_scope *sc, size_t *n, struct pd_err *err)
{
	return views(s, account, status, 1, sc, n, err);
}


static struct arr_view *
views(struct svc *s, const char *account, int status, int holds,
    const struct row_scope *sc, size_t *n, struct pd_err *err)
{
	struct arrangement *as;
	struct arr_view *out;
	struct consumer c;
	size_t na, i;

	*n = 0;
	memset(&c, 0, sizeof c);
	if (account != NULL &&
	    store_consumer_by_account(s->st, account, &c, err) != 0)
		return NULL;
	if ((as = store_arr_list(s->st, c.id, sc, &na, err)) == NULL)
		return NULL;
	out = xcalloc(na ? na : 1, sizeof *out);
	for (i = 0; i < na; i++) {
		if (view_read(s, &as[i], holds, &out[*n], err) != 0) {
			free(as);
			svc_arr_views_free(out, *n);
			*n = 0;
			return NULL;
		}
		if (status >= 0 && (int)out[*n].status != status)
			svc_arr_view_free(&out[*n]);
		else
			(*n)++;
	}
	free(as);
	return out;
}
