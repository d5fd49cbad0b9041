/* reconnect.c - the reconnection list (issue 21, "Disconnection and
 * reconnection lists"): the consumers who were on the disconnection list
 * within the last [disconnection] days (store_was_overdue: their overdue
 * debt reached [disconnection] amount before a payment or an arrangement
 * of theirs) and are on it no longer, having paid below the amount or
 * made an Active arrangement they keep. Computed from the ledger when
 * asked, like the disconnection list. */
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

struct reconnect_row *
svc_reconnections(struct svc *s, size_t *n, struct pd_err *err)
{
	struct reconnect_row *r;
	struct overdue_row *od;
	struct svc_kept_inst ki;
	char iso[11], since[11], cutoff[11], *broken;
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
	r = store_was_overdue(s->st, since, iso, s->cfg.disc_days,
	    s->cfg.disc_amount > 0 ? s->cfg.disc_amount : 1, n, err);
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
