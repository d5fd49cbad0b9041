/* reconnect.c - the reconnection list (issue 21, "Disconnection and
 * reconnection lists"): the consumers who were on the disconnection list
 * within the last [disconnection] days and are on it no longer, having
 * paid below the amount or made an Active arrangement they keep. Who was
 * on it is read on each day of theirs in the window (a payment, an
 * arrangement made or rescheduled) by the disconnection list's rule as it
 * stood before that day (was_listed). Computed from the ledger when
 * asked, like the disconnection list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int
by_consumer(const void *a, const void *b)
{
	int64_t x = ((const struct overdue_row *)a)->consumer_id,
	        y = ((const struct overdue_row *)b)->consumer_id;

	return (x > y) - (x < y);
}

/* What is overdue of consumer id now (items due on cutoff or before; r
 * sorted by consumer: the list is tens of thousands at 10M payments, a
 * walk of it per row was quadratic). */
static int64_t
overdue_now(const struct overdue_row *r, size_t n, int64_t id)
{
	struct overdue_row key;
	const struct overdue_row *hit;

	key.consumer_id = id;
	hit = n > 0 ? bsearch(&key, r, n, sizeof *r, by_consumer) : NULL;
	return hit != NULL ? hit->overdue : 0;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The overdue rows od (nod) of the consumers kept (nk, sorted) less what
 * is on their plans' installments (store_overdue_outside; ki those open
 * and due by cutoff, read with the plans): 1 done, 0 err. */
static int
outside_plans(struct svc *s, const char *cutoff, const int64_t *kept, size_t nk,
    const struct svc_kept_inst *ki, struct overdue_row *od, size_t nod,
    struct pd_err *err)
{
	char *among, *inst, *w;
	size_t i;
	int rc;

	w = among = xcalloc(nod * 21 + 3, 1);
	*w++ = '[';
	for (i = 0; i < nod; i++)
		if (od[i].has_plan && bsearch(&od[i].consumer_id, kept, nk,
		                          sizeof *kept, cmp_id) != NULL)
			w = svc_json_id(w, od[i].consumer_id);
	strcpy(w, "]");
	w = inst = xcalloc(ki->ninst * 21 + 3, 1);
	*w++ = '[';
	for (i = 0; i < ki->ninst; i++)
		w = svc_json_id(w, ki->inst[i]);
	strcpy(w, "]");
	rc = strcmp(among, "[]") == 0 || store_overdue_outside(s->st, cutoff,
	                                     among, inst, od, nod, err) == 0;
	free(among);
	free(inst);
	return rc;
}

/* What consumer r[0].consumer_id owed on day r[0].day as the
 * disconnection list counted it that day, the rows r[nr] being his plans'
 * installments as they stood before it (store_was_plans, by plan) and base
 * what his items due days before owed then (store_was_days): the list's
 * rule (svc_disconnections) on the ledger of that day, in one place for
 * every day read. A Broken plan's installments not yet due that many days
 * count from the oldest date of the items it took over (store_overdue's
 * OVERDUE_BROKEN), and one who keeps a plan is listed by what he owes
 * outside its installments (store_overdue_outside: every plan's
 * installments open and due by the cutoff taken off); a plan judged by
 * the list's own judge (svc_plan_judged, as kept_in). */
static int64_t
day_owed(int64_t base, const struct arr_item_of *r, size_t nr, int days)
{
	char cutoff[11];
	int64_t broken = 0, inside = 0;
	int32_t t;
	size_t i, j, m;
	int keeps = 0, kept;

	if (nr == 0)
		return base;
	date_parse(r[0].day, NULL, &t, NULL);
	date_format(cutoff, t - days);
	for (i = 0; i < nr; i = j) {
		for (j = i; j < nr && r[j].arr_id == r[i].arr_id; j++)
			;
		if (svc_plan_judged(r + i, j - i, t, &kept) == ARR_BROKEN &&
		    r[i].held_from[0] != '\0' &&
		    strcmp(r[i].held_from, cutoff) <= 0)
			for (m = i; m < j; m++)
				if (r[m].settled < r[m].amount &&
				    strcmp(r[m].due_on, cutoff) > 0)
					broken += r[m].amount - r[m].settled;
		keeps |= kept;
		for (m = i; m < j; m++)
			if (r[m].settled < r[m].amount &&
			    strcmp(r[m].due_on, cutoff) <= 0)
				inside += r[m].amount - r[m].settled;
	}
	return base + broken - (keeps ? inside : 0);
}

/* -1, 0, 1 as day a of consumer ca comes before, with, after b of cb. */
static int
day_cmp(int64_t ca, const char *a, int64_t cb, const char *b)
{
	return ca != cb ? (ca > cb) - (ca < cb) : strcmp(a, b);
}

/* A consumer's days read (was_listed): the most owed on one, the latest
 * listed ("" none). */
struct was {
	int64_t consumer_id;
	int64_t was;
	char listed_on[11];
};

static int
by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a,
	        y = ((const struct was *)b)->consumer_id;

	return (x > y) - (x < y);
}

/* The consumers on the disconnection list (owing min or more by
 * day_owed) on a day of theirs after since up to today, but those the
 * JSON array of ids still names (on it today: not to reconnect): was (the most
 * owed on any of those days) and listed_on (the latest day listed) filled,
 * with their account, name, address and phone, by account; *n rows,
 * caller frees (NULL: err). Three statements whatever the days read: the
 * items' owing of each day, the plans' installments of each day, the
 * consumers found. */
static struct reconnect_row *
was_listed(struct svc *s, const char *since, const char *today, int days,
    int64_t min, const char *still, size_t *n, struct pd_err *err)
{
	struct was_day *wd;
	struct arr_item_of *pl;
	struct reconnect_row *r;
	struct was *h;
	char *ids, *w;
	size_t nwd, npl, nh = 0, i = 0, j = 0, k;

	*n = 0;
	if ((wd = store_was_days(
	         s->st, since, today, days, still, &nwd, err)) == NULL)
		return NULL;
	if ((pl = store_was_plans(s->st, since, today, still, &npl, err)) ==
	    NULL) {
		free(wd);
		return NULL;
	}
	/* both by consumer and day: each day of either, once */
	h = xcalloc(nwd + npl + 1, sizeof *h);
	while (i < nwd || j < npl) {
		int64_t cid, owed, base = 0;
		const char *day;
		int c = i == nwd   ? 1
		        : j == npl ? -1
		                   : day_cmp(wd[i].consumer_id, wd[i].day,
		                         pl[j].consumer_id, pl[j].day);

		cid = c <= 0 ? wd[i].consumer_id : pl[j].consumer_id;
		day = c <= 0 ? wd[i].day : pl[j].day;
		for (k = j;
		     c >= 0 && k < npl &&
		     day_cmp(pl[k].consumer_id, pl[k].day, cid, day) == 0;
		     k++)
			;
		if (c <= 0)
			base = wd[i].owed;
		owed = day_owed(base, pl + j, k - j, days);
		if (nh == 0 || h[nh - 1].consumer_id != cid) {
			h[nh].consumer_id = cid;
			h[nh++].was = -1;
		}
		if (owed > h[nh - 1].was)
			h[nh - 1].was = owed;
		if (owed >= min)
			snprintf(h[nh - 1].listed_on,
			    sizeof h[nh - 1].listed_on, "%s", day);
		if (c <= 0)
			i++;
		j = k;
	}
	free(wd);
	free(pl);
	/* those listed on a day, their contacts read at once */
	w = ids = xcalloc(nh * 21 + 3, 1);
	*w++ = '[';
	for (i = k = 0; i < nh; i++)
		if (h[i].listed_on[0] != '\0') {
			w = svc_json_id(w, h[i].consumer_id);
			h[k++] = h[i];
		}
	strcpy(w, "]");
	nh = k;
	r = store_reconnect_contacts(s->st, ids, n, err);
	free(ids);
	for (i = 0; r != NULL && i < *n; i++) {
		struct was *hit =
		    bsearch(&r[i].consumer_id, h, nh, sizeof *h, by_id);

		if (hit != NULL) {
			r[i].was = hit->was;
			memcpy(r[i].listed_on, hit->listed_on,
			    sizeof r[i].listed_on);
		}
	}
	free(h);
	return r;
}

struct reconnect_row *
svc_reconnections(struct svc *s, size_t *n, struct pd_err *err)
{
	struct reconnect_row *r;
	struct overdue_row *od;
	struct svc_kept_inst ki;
	char iso[11], since[11], cutoff[11], *broken, *still, *w;
	int64_t *kept, *owers;
	int32_t today;
	size_t nod, nk, nw, i, k = 0;
	int rc;

	*n = 0;
	if (svc_require(s, ROLE_RECOVERY, _("The reconnection list"), err) != 0)
		return NULL;
	svc_today(iso);
	date_parse(iso, NULL, &today, NULL);
	date_format(since, today - s->cfg.disc_days);
	date_format(cutoff, today - s->cfg.disc_days);
	/* the consumers keeping a plan, every plan read at once (their
	 * arrangements' views read for each consumer listed: 0.8 s for
	 * 1,449 of them at 1M payments); a Broken plan's debt overdue as
	 * the disconnection list counts it (review 21, fault 6) */
	if ((kept = svc_kept_broken(s, cutoff, &ki, &nk, &broken, err)) == NULL)
		return NULL;
	od = store_overdue(s->st, cutoff, 1, broken, 1, &nod, err);
	free(broken);
	if (od == NULL) {
		free(kept);
		free(ki.inst);
		return NULL;
	}
	if (nod > 1)
		qsort(od, nod, sizeof *od, by_consumer);
	/* a plan kept protects the debt it holds only (review R21d,
	 * r21d_partial_plan_shield): those keeping one count what is
	 * overdue outside their plans' installments */
	rc = nk == 0 || outside_plans(s, cutoff, kept, nk, &ki, od, nod, err);
	free(ki.inst);
	if (!rc) {
		free(kept);
		free(od);
		return NULL;
	}
	/* those owing on a plan they do not keep (an installment missed,
	 * fewer than it allows or Broken, its installments not yet past
	 * the days) are off the list by the plan, not by paying (review
	 * s48: "Paid" for a consumer who had paid nothing) */
	if ((owers = store_plan_owers(s->st, &nw, err)) == NULL) {
		free(kept);
		free(od);
		return NULL;
	}
	/* those still on the list are not to reconnect: their days are
	 * not read (at 1M payments, 5,200 of the 5,700 listed in the
	 * window) */
	w = still = xcalloc(nod * 21 + 3, 1);
	*w++ = '[';
	for (i = 0; i < nod; i++)
		if (od[i].overdue >= s->cfg.disc_amount && od[i].overdue > 0)
			w = svc_json_id(w, od[i].consumer_id);
	strcpy(w, "]");
	r = was_listed(s, since, iso, s->cfg.disc_days,
	    s->cfg.disc_amount > 0 ? s->cfg.disc_amount : 1, still, n, err);
	free(still);
	for (i = 0; r != NULL && i < *n; i++) {
		int64_t id = r[i].consumer_id;

		r[i].now = overdue_now(od, nod, id);
		if (r[i].now >= s->cfg.disc_amount && r[i].now > 0)
			continue; /* still on the disconnection list */
		if (nk > 0 && bsearch(&id, kept, nk, sizeof *kept, cmp_id))
			r[i].reason = N_("Arrangement");
		else if (nw > 0 &&
		         bsearch(&id, owers, nw, sizeof *owers, cmp_id))
			r[i].reason = N_("Arrangement, not kept");
		else
			r[i].reason = N_("Paid");
		r[k++] = r[i];
	}
	free(owers);
	free(kept);
	free(od);
	*n = r != NULL ? k : 0;
	return r;
}
