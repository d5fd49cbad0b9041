/* arrange_view.c - payment arrangements as read (issue 21): a plan's
 * compliance from its installments, its view, show and list, and the
 * plans being kept of the disconnection list. The writes are arrange.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	v->paid = v->left = 0;
	v->state = xcalloc(v->ninst ? v->ninst : 1, sizeof *v->state);
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];

		/* what its own event took off it (absorbed: paid elsewhere
		 * before the event came) is paid of it too, so that the
		 * plan's debt less paid is what is left; but a reschedule's
		 * was paid of the installments it replaced and is counted
		 * there already (review 21: paid twice) */
		v->paid += arr_item_paid(in);
		v->state[i] = inst_state(in->it.amount, in->it.settled,
		    in->moved, in->absorbed, in->it.due_on, in->paid_on,
		    in->moved_on, v->a.grace_days, t);
		if (v->state[i] == ARR_REPLACED)
			continue;
		/* missed before a change moved its rest: history, its
		 * rest counted by the installments that took it */
		if (v->state[i] == ARR_LAPSED) {
			arr_tally_add(&v->tally, ARR_LAPSED);
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

static int64_t *
kept_of(struct svc *s, const char *among, size_t *n, char **broken,
    struct pd_err *err)
{
	struct arr_item_of *r;
	struct arr_tally tally;
	enum arr_status st;
	char today[11], *w = NULL;
	int64_t *ids;
	int32_t t;
	size_t nr, i, j, m, k = 0;

	*n = 0;
	if ((r = store_arr_items_overdue(s->st, among, &nr, err)) == NULL)
		return NULL;
	if (broken != NULL) {
		w = *broken = xcalloc(nr * 21 + 3, 1);
		*w++ = '[';
	}
	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	ids = xcalloc(nr ? nr : 1, sizeof *ids);
	for (i = 0; i < nr; i = j) {
		for (j = i; j < nr && r[j].arr_id == r[i].arr_id; j++)
			;
		/* its compliance as its view tells (comply), read in place:
		 * a view of each plan (its installments copied) was a tenth
		 * of the list at 10M */
		memset(&tally, 0, sizeof tally);
		for (m = i; m < j; m++) {
			enum arr_inst_state is = inst_state(r[m].amount,
			    r[m].settled, r[m].moved, r[m].absorbed,
			    r[m].due_on, r[m].paid_on, "", r[i].grace_days, t);

			arr_tally_add(&tally, is);
			if (!r[m].in_force && r[m].settled >= r[m].amount)
				arr_tally_past(&tally, is);
		}
		st = arr_plan_status(&tally, r[i].misses_allowed, 0);
		if (st == ARR_ACTIVE && tally.missed == 0)
			ids[k++] = r[i].consumer_id;
		else if (st == ARR_BROKEN && w != NULL)
			w = svc_json_id(w, r[i].arr_id);
	}
	if (w != NULL)
		strcpy(w, "]");
	free(r);
	if (k > 1)
		qsort(ids, k, sizeof *ids, cmp_id);
	*n = k;
	return ids;
}

int64_t *
svc_kept_overdue(
    struct svc *s, const char *among, size_t *n, struct pd_err *err)
{
	return kept_of(s, among, n, NULL, err);
}

int64_t *
svc_kept_broken(struct svc *s, size_t *n, char **broken, struct pd_err *err)
{
	int64_t *ids;

	*broken = NULL;
	if ((ids = kept_of(s, NULL, n, broken, err)) == NULL) {
		free(*broken);
		*broken = NULL;
	}
	return ids;
}

int64_t *
svc_kept_may_break(struct svc *s, const char *cutoff, size_t *n, char **broken,
    int64_t **cand, size_t *ncand, struct pd_err *err)
{
	struct arr_may_break *m;
	char today[11], *among, *w, *wb, *more = NULL;
	int64_t *ids;
	size_t nm, i, k = 0;

	*n = *ncand = 0;
	*broken = NULL;
	*cand = NULL;
	svc_today(today);
	if ((m = store_arr_may_break(s->st, today, cutoff, &nm, err)) == NULL)
		return NULL;
	/* the sure ones named at once; the others' consumers (ascending,
	 * once each) have their plans' compliance read */
	*cand = xcalloc(nm ? nm : 1, sizeof **cand);
	wb = *broken = xcalloc(nm * 21 + 3, 1);
	*wb++ = '[';
	w = among = xcalloc(nm * 21 + 3, 1);
	*w++ = '[';
	for (i = 0; i < nm; i++)
		if (m[i].sure)
			wb = svc_json_id(wb, m[i].arr_id);
		else if (k == 0 || (*cand)[k - 1] != m[i].consumer_id) {
			(*cand)[k++] = m[i].consumer_id;
			w = svc_json_id(w, m[i].consumer_id);
		}
	strcpy(wb, "]");
	strcpy(w, "]");
	free(m);
	*ncand = k;
	ids =
	    k == 0 ? xcalloc(1, sizeof *ids) : kept_of(s, among, n, &more, err);
	free(among);
	if (ids == NULL) {
		free(*broken);
		*broken = NULL;
		free(*cand);
		*cand = NULL;
		return NULL;
	}
	if (more != NULL && strcmp(more, "[]") != 0) {
		/* both arrays: "[a,b]" and "[c]" make "[a,b,c]" */
		w = xcalloc(strlen(*broken) + strlen(more) + 1, 1);
		strcpy(w, *broken);
		if (strcmp(*broken, "[]") == 0)
			strcpy(w, more);
		else {
			w[strlen(w) - 1] = ',';
			strcat(w, more + 1);
		}
		free(*broken);
		*broken = w;
	}
	free(more);
	return ids;
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
svc_arrangement_list(struct svc *s, const char *account, int status, size_t *n,
    struct pd_err *err)
{
	struct row_scope sc;

	*n = 0;
	if (svc_require(s, ROLE_CASHIER, _("The list of arrangements"), err) !=
	    0)
		return NULL;
	/* the plans made at the scope's terminals (issue 23); one
	 * consumer's wherever made unless a scope was chosen */
	svc_row_scope(s, account, &sc);
	return svc_arr_views_of(s, account, status, &sc, n, err);
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
