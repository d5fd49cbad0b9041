/* arr_report.c - the plans' performance (issue 21: "which terms result
 * in the highest compliance"): the arrangements grouped by their terms,
 * each group's plans by status and its compliance as each plan's own
 * (arrange.c's views, computed on read). service_debts.h has the
 * groups' rule. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static const char *const down_names[] = {
    N_("0%"), N_("under 10%"), N_("10-25%"), N_("25%+")};
static const char *const down_keys[] = {"0", "under_10", "10_25", "25_up"};

const char *
svc_arr_down_band_name(int band)
{
	return (unsigned)band < 4 ? down_names[band] : "";
}

const char *
svc_arr_down_band_key(int band)
{
	return (unsigned)band < 4 ? down_keys[band] : "";
}

/* The down payment's share of the debt: 0 none, 1 under 10%, 2 10% to
 * under 25%, 3 25% or more (exact: no rounding of the share). */
static int
down_band(int64_t down, int64_t debt)
{
	if (down <= 0)
		return 0;
	if (down * 10 < debt)
		return 1;
	if (down * 4 < debt)
		return 2;
	return 3;
}

/* The installments' band: its least number and its words. */
static int
inst_band(int n, char out[8])
{
	static const struct {
		int lo, hi;
		const char *name;
	} bands[] = {{1, 3, "1-3"}, {4, 6, "4-6"}, {7, 12, "7-12"},
	    {13, 24, "13-24"}, {25, ARR_INST_MAX, "25+"}};
	size_t i;

	for (i = 0; i + 1 < sizeof bands / sizeof bands[0] && n > bands[i].hi;
	     i++)
		;
	strcpy(out, bands[i].name);
	return bands[i].lo;
}

static int
by_compliance(const void *a, const void *b)
{
	const struct arr_perf_row *x = a, *y = b;

	if (x->compliance != y->compliance)
		return x->compliance > y->compliance ? -1 : 1;
	if (x->plans != y->plans)
		return x->plans > y->plans ? -1 : 1;
	if (x->inst_lo != y->inst_lo)
		return x->inst_lo < y->inst_lo ? -1 : 1;
	if (x->freq != y->freq)
		return x->freq < y->freq ? -1 : 1;
	if (x->down_band != y->down_band)
		return x->down_band < y->down_band ? -1 : 1;
	if (x->grace_days != y->grace_days)
		return x->grace_days < y->grace_days ? -1 : 1;
	return x->misses_allowed < y->misses_allowed ? -1 :
	       x->misses_allowed > y->misses_allowed;
}

/* The group of v's terms in out[0..*n), made when new. */
static struct arr_perf_row *
group_of(struct arr_perf_row *out, size_t *n, const struct arr_view *v)
{
	struct arr_perf_row k;
	size_t i;

	memset(&k, 0, sizeof k);
	k.inst_lo = inst_band(v->a.n, k.inst_band);
	k.freq = v->a.freq;
	k.down_band = down_band(v->a.down, v->a.debt);
	k.grace_days = v->a.grace_days;
	k.misses_allowed = v->a.misses_allowed;
	for (i = 0; i < *n; i++)
		if (out[i].inst_lo == k.inst_lo && out[i].freq == k.freq &&
		    out[i].down_band == k.down_band &&
		    out[i].grace_days == k.grace_days &&
		    out[i].misses_allowed == k.misses_allowed)
			return &out[i];
	out[*n] = k;
	return &out[(*n)++];
}

struct arr_perf_row *
svc_arr_performance(struct svc *s, const char *from, const char *to,
    const char *segment, size_t *n, struct pd_err *err)
{
	struct arr_perf_row *out, *g;
	struct arr_view *v;
	struct row_scope sc;
	size_t nv, i;

	*n = 0;
	/* the plans made at the scope's terminals (issue 23) */
	svc_row_scope(s, NULL, &sc);
	if (svc_require(s, ROLE_RECOVERY, _("The plans' performance report"),
	        err) != 0 ||
	    (segment != NULL && svc_segment_canon(s, &segment, err) != 0) ||
	    (v = svc_arr_views_of(s, NULL, -1, &sc, &nv, err)) == NULL)
		return NULL;
	out = xcalloc(nv ? nv : 1, sizeof *out);
	for (i = 0; i < nv; i++) {
		if ((from != NULL && strcmp(v[i].a.created_on, from) < 0) ||
		    (to != NULL && strcmp(v[i].a.created_on, to) > 0) ||
		    (segment != NULL &&
		        strcasecmp(v[i].a.segment, segment) != 0))
			continue;
		g = group_of(out, n, &v[i]);
		g->plans++;
		g->active += v[i].status == ARR_ACTIVE;
		g->completed += v[i].status == ARR_COMPLETED;
		g->broken += v[i].status == ARR_BROKEN;
		g->cancelled += v[i].status == ARR_CANCELLED;
		/* on time of those that fell due (paid ahead: not yet) */
		g->on_time += v[i].tally.on_time - v[i].tally.ahead;
		g->late += v[i].tally.late;
		g->missed += v[i].tally.missed;
		g->arranged += v[i].a.debt;
		g->collected += v[i].paid;
		g->to_items += v[i].to_items;
	}
	svc_arr_views_free(v, nv);
	for (i = 0; i < *n; i++) {
		out[i].fell_due = out[i].on_time + out[i].late + out[i].missed;
		out[i].compliance =
		    out[i].fell_due == 0
		        ? -1
		        : (int)money_ratio_tenths(
		              out[i].on_time, out[i].fell_due);
	}
	qsort(out, *n, sizeof *out, by_compliance);
	return out;
}

int
svc_plans_left(struct svc *s, const char *account,
    const struct alloc_item *paid, size_t npaid, struct plan_left *out,
    int max, struct pd_err *err)
{
	struct arr_view *v;
	size_t nv, i, k, j;
	int n = 0;

	if ((v = svc_arr_views(s, account, -1, &nv, err)) == NULL)
		return -1;
	for (i = 0; i < nv && n < max; i++) {
		struct plan_left pl;

		if (v[i].status == ARR_CANCELLED ||
		    v[i].status == ARR_COMPLETED || v[i].left <= 0)
			continue;
		memset(&pl, 0, sizeof pl);
		xstrlcpy(pl.plan_no, v[i].a.plan_no, sizeof pl.plan_no);
		for (k = 0; k < v[i].ninst; k++) {
			const struct item *it = &v[i].inst[k].it;
			int64_t open = it->amount - it->settled;

			if (v[i].state[k] == ARR_REPLACED || open <= 0)
				continue;
			for (j = 0; j < npaid; j++)
				if (strcmp(paid[j].ref, it->ref) == 0)
					open -= paid[j].applied;
			if (open > 0) {
				pl.left += open;
				pl.n++;
			}
		}
		if (pl.n > 0)
			out[n++] = pl;
	}
	svc_arr_views_free(v, nv);
	return n;
}
