/* alloc.c - allocation by rule (oldest first, arrangement installments
 * first, bills first, largest first, by hand, proportional, by item
 * priority), amount analysis, payment amount rules. */
#include <stdlib.h>
#include <string.h>

#include "paydesk/alloc.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

static const char *const rule_names[ALLOC_RULES] = {
    [ALLOC_OLDEST] = "oldest",
    [ALLOC_INSTALLMENTS] = "installments",
    [ALLOC_BILLS] = "bills",
    [ALLOC_LARGEST] = "largest",
    [ALLOC_HAND] = "hand",
    [ALLOC_PROPORTIONAL] = "proportional",
    [ALLOC_PRIORITY] = "priority",
};

const char *
alloc_rule_name(enum alloc_rule r)
{
	return (unsigned)r < ALLOC_RULES ? rule_names[r] : NULL;
}

int
alloc_rule_takes_first(enum alloc_rule r)
{
	return (unsigned)r < ALLOC_RULES && r != ALLOC_HAND &&
	       r != ALLOC_INSTALLMENTS;
}

int
alloc_rule_first(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 1 && s[n - 1] == '+';
}

int
alloc_rule_parse(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	int i, plus = alloc_rule_first(s);

	for (i = 0; s != NULL && i < ALLOC_RULES; i++)
		if (strlen(rule_names[i]) == n - (size_t)plus &&
		    strncmp(s, rule_names[i], n - (size_t)plus) == 0)
			return !plus || alloc_rule_takes_first(i) ? i : -1;
	return -1;
}

const char *
alloc_first_text(void)
{
	return N_("an arrangement's installments before what is not overdue");
}

/* marked for the screens, which translate it where shown */
const char *
alloc_rule_text(enum alloc_rule r)
{
	switch (r) {
	case ALLOC_OLDEST:
		return N_("Oldest due first");
	case ALLOC_INSTALLMENTS:
		return N_("Arrangement installments first");
	case ALLOC_BILLS:
		return N_("Bills before service charges");
	case ALLOC_LARGEST:
		return N_("Largest first");
	case ALLOC_HAND:
		return N_("In the order picked by hand");
	case ALLOC_PROPORTIONAL:
		return N_("Proportional to what each owes");
	case ALLOC_PRIORITY:
		return N_("By item priority");
	case ALLOC_RULES:
		break;
	}
	return "?";
}

/* The oldest-first order, every rule's tie-break. */
static int
by_due(const void *a, const void *b)
{
	const struct alloc_item *x = a, *y = b;
	int c = strcmp(x->due_on, y->due_on);

	if (c != 0)
		return c;
	c = strcmp(x->ref, y->ref);
	if (c != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

static int
by_arranged(const void *a, const void *b)
{
	const struct alloc_item *x = a, *y = b;

	if (x->arranged != y->arranged)
		return x->arranged ? -1 : 1;
	return by_due(a, b);
}

static int
by_kind(const void *a, const void *b)
{
	const struct alloc_item *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return by_due(a, b);
}

static int
by_rank(const void *a, const void *b)
{
	const struct alloc_item *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return by_due(a, b);
}

static int
by_size(const void *a, const void *b)
{
	const struct alloc_item *x = a, *y = b;

	if (x->outstanding != y->outstanding)
		return x->outstanding > y->outstanding ? -1 : 1;
	return by_due(a, b);
}

/* ALLOC_PROPORTIONAL over items in oldest-first order: all of amount
 * that is owed (each its share, what it owes times amount over what all
 * owe, rounded down; the units left over one each to the oldest items
 * still owing). Fewer units are left than items, each share being below
 * what its item owes by less than one: one pass gives them out. */
static int64_t
proportional(struct alloc_item *items, size_t n, int64_t amount)
{
	int64_t owed = 0, given = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (items[i].outstanding > 0)
			owed += items[i].outstanding;
	for (i = 0; i < n; i++) {
		int64_t o = items[i].outstanding > 0 ? items[i].outstanding : 0;

		items[i].applied =
		    amount >= owed
		        ? o
		        : (int64_t)((__int128)o * (amount > 0 ? amount : 0) /
		                    (owed > 0 ? owed : 1));
		given += items[i].applied;
	}
	if (amount >= owed)
		return amount - owed;
	for (i = 0; i < n && given < amount; i++)
		if (items[i].applied < items[i].outstanding) {
			items[i].applied++;
			given++;
		}
	return 0;
}

/* The length of item x's plan key: the reference of an installment up to
 * its last '#' (PLAN#N), 0 for any other item. */
static size_t
plan_key(const struct alloc_item *x)
{
	const char *h = x->kind == 2 ? strrchr(x->ref, '#') : NULL;

	return h != NULL && h > x->ref ? (size_t)(h - x->ref) : 0;
}

static int
same_plan(const struct alloc_item *x, const struct alloc_item *y)
{
	size_t k = plan_key(x);

	return k > 0 && k == plan_key(y) && strncmp(x->ref, y->ref, k) == 0;
}

/* One plan's installments in the places the rule gave them, taken in
 * their due order (helper-253, fault 7: largest first paid a plan's last
 * installment, the largest by the cents its remainder holds, due a year
 * on, and left the one due this month to be missed); items in the
 * rule's order, each plan's installments are re-dealt over their own
 * places; the rest stay. */
static void
plans_in_due_order(struct alloc_item *items, size_t n)
{
	struct alloc_item *mine = xmalloc(n * sizeof *mine);
	size_t *at = xmalloc(n * sizeof *at);
	char *done = xcalloc(n ? n : 1, 1);
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		if (done[i] || plan_key(&items[i]) == 0)
			continue;
		for (j = i, k = 0; j < n; j++)
			if (!done[j] && same_plan(&items[i], &items[j])) {
				at[k] = j;
				mine[k++] = items[j];
				done[j] = 1;
			}
		qsort(mine, k, sizeof *mine, by_due);
		for (j = 0; j < k; j++)
			items[at[j]] = mine[j];
	}
	free(done);
	free(at);
	free(mine);
}

/* ALLOC_PROPORTIONAL's share of each plan (the sum of its installments'
 * shares) paid into its installments in due order, whole ones first: a
 * share of each would leave every one of them part paid, the one due
 * now missed (helper-253, fault 7); items in oldest-first order. */
static void
plans_share_in_due_order(struct alloc_item *items, size_t n)
{
	char *done = xcalloc(n ? n : 1, 1);
	size_t i, j;

	for (i = 0; i < n; i++) {
		int64_t share = 0, take;

		if (done[i] || plan_key(&items[i]) == 0)
			continue;
		for (j = i; j < n; j++)
			if (same_plan(&items[i], &items[j]))
				share += items[j].applied;
		for (j = i; j < n; j++)
			if (same_plan(&items[i], &items[j])) {
				take = items[j].outstanding < share
				           ? items[j].outstanding
				           : share;
				items[j].applied = take > 0 ? take : 0;
				share -= items[j].applied;
				done[j] = 1;
			}
	}
	free(done);
}

int64_t
alloc_apply_ranked(struct alloc_item *items, size_t n, int64_t amount,
    enum alloc_rule rule, const struct alloc_ranks *ranks)
{
	static int (*const order[ALLOC_RULES])(const void *, const void *) = {
	    [ALLOC_OLDEST] = by_due,
	    [ALLOC_INSTALLMENTS] = by_arranged,
	    [ALLOC_BILLS] = by_kind,
	    [ALLOC_LARGEST] = by_size,
	    [ALLOC_HAND] = NULL,
	    [ALLOC_PROPORTIONAL] = by_due,
	    [ALLOC_PRIORITY] = by_rank,
	};
	static const struct alloc_ranks def = ALLOC_RANKS_DEFAULT;
	size_t i;
	int64_t left = amount, take;

	if ((unsigned)rule >= ALLOC_RULES)
		rule = ALLOC_OLDEST;
	if (ranks == NULL)
		ranks = &def;
	for (i = 0; i < n; i++)
		items[i].rank = (unsigned)items[i].kind < 3
		                    ? ranks->rank[items[i].kind]
		                    : ALLOC_RANK_MAX + 1;
	if (order[rule] != NULL && n > 1) {
		qsort(items, n, sizeof *items, order[rule]);
		if (rule == ALLOC_LARGEST)
			plans_in_due_order(items, n);
	}
	if (rule == ALLOC_PROPORTIONAL) {
		left = proportional(items, n, amount);
		plans_share_in_due_order(items, n);
		return left;
	}
	for (i = 0; i < n; i++) {
		take =
		    items[i].outstanding < left ? items[i].outstanding : left;
		if (take < 0)
			take = 0;
		items[i].applied = take;
		left -= take;
	}
	return left;
}

int64_t
alloc_apply_rule(
    struct alloc_item *items, size_t n, int64_t amount, enum alloc_rule rule)
{
	return alloc_apply_ranked(items, n, amount, rule, NULL);
}

static int
by_tier(const void *a, const void *b)
{
	const struct alloc_item *x = a, *y = b;

	return (x->tier > y->tier) - (x->tier < y->tier);
}

/* Whether item x is overdue on today (due before it). */
static int
overdue(const struct alloc_item *x, const char *today)
{
	return strcmp(x->due_on, today) < 0;
}

int64_t
alloc_apply_policy(struct alloc_item *items, size_t n, int64_t amount,
    const struct alloc_policy *p, int *first)
{
	struct alloc_item *base;
	size_t i, j, at = n, moved = 0;
	int64_t left;

	if (first != NULL)
		*first = 0;
	if (!p->installments_first || !alloc_rule_takes_first(p->rule) ||
	    p->today == NULL || n < 2)
		return alloc_apply_ranked(items, n, amount, p->rule, p->ranks);
	/* the rule alone, in its order: what the installments change */
	base = xmalloc(n * sizeof *base);
	memcpy(base, items, n * sizeof *base);
	left = alloc_apply_ranked(base, n, amount, p->rule, p->ranks);
	memcpy(items, base, n * sizeof *base);
	/* the first item that is neither an arrangement's installment nor
	 * overdue: each installment the rule put after it goes before it,
	 * after every overdue item the rule put after it too, each group
	 * in the rule's order (an arrangement's installments after what is
	 * overdue, before what is not: helper-258, fault 1, under bills a
	 * bill not yet due came before an overdue service charge, and the
	 * installments before both); nothing moves where no installment
	 * comes after it (helper-249, fault 1: every overdue item went
	 * first too, a largest or priority split of a consumer with no
	 * arrangement reordered) */
	for (i = 0; i < n && at == n; i++)
		if (!items[i].arranged && !overdue(&items[i], p->today))
			at = i;
	for (i = at + 1; i < n; i++)
		moved += items[i].arranged != 0;
	if (moved > 0) {
		for (i = j = at; i < n; i++)
			if (!base[i].arranged && overdue(&base[i], p->today))
				items[j++] = base[i];
		for (i = at; i < n; i++)
			if (base[i].arranged)
				items[j++] = base[i];
		for (i = at; i < n; i++)
			if (!base[i].arranged && !overdue(&base[i], p->today))
				items[j++] = base[i];
		if (p->rule == ALLOC_PROPORTIONAL) {
			/* the installments and what is overdue share the
			 * payment first, the rest what is left: a proportional
			 * split has no order to move them in */
			for (i = 0; i < n; i++)
				items[i].tier = !items[i].arranged &&
				                !overdue(&items[i], p->today);
			qsort(items, n, sizeof *items, by_tier);
			for (i = 0, left = amount; i < n; i = j) {
				for (j = i;
				     j < n && items[j].tier == items[i].tier;
				     j++)
					;
				left = alloc_apply_ranked(items + i, j - i,
				    left, ALLOC_PROPORTIONAL, p->ranks);
			}
		} else /* paid in the order made above, as by hand */
			left = alloc_apply_ranked(
			    items, n, amount, ALLOC_HAND, p->ranks);
		/* named "+" only when the split differs from the rule's */
		for (i = 0; i < n && first != NULL && !*first; i++)
			for (j = 0; j < n; j++)
				if (base[j].id == items[i].id) {
					*first =
					    base[j].applied != items[i].applied;
					break;
				}
	}
	free(base);
	return left;
}

int64_t
alloc_apply(struct alloc_item *items, size_t n, int64_t amount)
{
	return alloc_apply_rule(items, n, amount, ALLOC_OLDEST);
}

enum analysis
analysis_of(int64_t due, int64_t paid, int64_t *diff)
{
	if (diff != NULL)
		*diff = paid - due;
	if (paid == due)
		return ANALYSIS_EXACT;
	return paid > due ? ANALYSIS_OVER : ANALYSIS_UNDER;
}

/* marked for the screens, which translate it where shown */
const char *
analysis_name(enum analysis a)
{
	switch (a) {
	case ANALYSIS_EXACT:
		return N_("Exact payment");
	case ANALYSIS_OVER:
		return N_("Over paid");
	case ANALYSIS_UNDER:
		return N_("Under paid");
	}
	return "?";
}

int
pay_check_amount(int64_t amount, int64_t outstanding, int64_t threshold,
    const struct money_style *st, struct pd_err *err)
{
	char a[MONEY_BUFSZ], o[MONEY_BUFSZ], t[MONEY_BUFSZ], m[MONEY_BUFSZ];

	if (amount <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount must be greater than "
		      "zero"));
	if (amount > outstanding + threshold)
		return pd_fail(err, PD_EINVAL,
		    _("Amount %s exceeds the "
		      "outstanding %s of the selected items plus the allowable "
		      "overpayment %s (maximum %s)"),
		    money_format_style(a, sizeof a, amount, st),
		    money_format_style(o, sizeof o, outstanding, st),
		    money_format_style(t, sizeof t, threshold, st),
		    money_format_style(
		        m, sizeof m, outstanding + threshold, st));
	return 0;
}

int
pay_cash_change(int64_t amount, int64_t tendered, int64_t *change,
    const struct money_style *st, struct pd_err *err)
{
	char a[MONEY_BUFSZ], t[MONEY_BUFSZ];

	if (tendered < amount)
		return pd_fail(err, PD_EINVAL,
		    _("Amount received %s is less "
		      "than the amount %s being paid"),
		    money_format_style(t, sizeof t, tendered, st),
		    money_format_style(a, sizeof a, amount, st));
	*change = tendered - amount;
	return 0;
}
