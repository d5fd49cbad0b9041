/* facts.c - a scoped or filtered dashboard read from the running totals
 * pay_team_facts, alloc_team_facts (migration 94) and due_segment (48;
 * issue 23: read from the payments, their allocations and the items due,
 * a branch's month of one segment and method took ~1.5 s of CPU at 2M
 * payments, against 150 ms at 10M). Each figure is a range read of the
 * period's days, filtered by the fields the totals are kept by: the
 * scope (terminal, branch, the team a payment was taken for) and the
 * report filters but the gateway (a
 * payment's gateway is known by its gateway row, which may come later:
 * scope.c reads a gateway's dashboard from the payments). */
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

int
store_facts_cover(struct store *st, const struct payment_filter *sc)
{
	/* (a PostgreSQL store is a central node's: none kept); a team's
	 * payments are those taken for it (payment_teams, issue 23), the
	 * totals kept by that team too (migration 94) */
	return sc != NULL && sc->gateway == NULL && !db_is_pg(st->db);
}

/* sc's condition on the facts f, as store_payment_where writes it on the
 * payments (a user's id 0: a payment without one) */
static void
facts_where(struct qb *q, const struct payment_filter *sc)
{
	if (sc->terminal != NULL)
		qb_add(q, " AND f.terminal = ?", "s", sc->terminal);
	if (sc->branch != NULL)
		qb_add(q, " AND f.branch = ?", "s", sc->branch);
	if (sc->method != NULL)
		qb_add(q, " AND f.method = ?", "s", sc->method);
	if (sc->channel != NULL)
		qb_add(q, " AND f.channel = ?", "s", sc->channel);
	if (sc->recorded_by != NULL)
		qb_add(q,
		    " AND f.user_id = (SELECT id FROM users WHERE username = "
		    "?)",
		    "s", sc->recorded_by);
	if (sc->segment != NULL)
		qb_add(q, " AND f.segment = ? COLLATE NOCASE", "s", sc->segment);
	/* the team the payment was taken for, folded as PAY_TEAM_IS */
	if (sc->team != NULL)
		qb_add(q, " AND pd_fold(f.team) = pd_fold(?)", "s", sc->team);
}

int
store_kpi_facts(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, const char *day,
    struct kpi_raw *k, struct pd_err *err)
{
	struct qb q;
	int64_t v[2] = {0, 0};

	memset(k, 0, sizeof *k);
	qb_init(&q, "SELECT coalesce(sum(f.amount), 0), coalesce(sum(f.n), 0) "
	            "FROM pay_team_facts f WHERE f.paid_on BETWEEN ? AND ?");
	qb_add(&q, "", "ss", from, to);
	facts_where(&q, sc);
	if (qb_one_row(st, &q, v, 2, err) != 0)
		return -1;
	k->collected = v[0];
	k->collected_count = v[1];
	qb_init(&q, "SELECT coalesce(sum(f.amount), 0), coalesce(sum(f.n), 0) "
	            "FROM pay_team_facts f WHERE f.paid_on = ?");
	qb_add(&q, "", "s", day);
	facts_where(&q, sc);
	if (qb_one_row(st, &q, v, 2, err) != 0)
		return -1;
	k->day_total = v[0];
	k->day_count = v[1];
	/* the Average Collection Time's allocations, by the day paid */
	qb_init(&q, "SELECT coalesce(sum(f.days), 0), coalesce(sum(f.n), 0) "
	            "FROM alloc_team_facts f WHERE f.paid_on BETWEEN ? AND ?");
	qb_add(&q, "", "ss", from, to);
	facts_where(&q, sc);
	if (qb_one_row(st, &q, v, 2, err) != 0)
		return -1;
	k->alloc_days = v[0];
	k->alloc_count = v[1];
	/* what fell due: the organisation's (an item belongs to no
	 * terminal), a segment's (due_segment) */
	if (sc->segment == NULL)
		qb_init(&q, "SELECT coalesce(sum(amount), 0) FROM due_daily "
		            "WHERE day BETWEEN ? AND ?");
	else
		qb_init(&q, "SELECT coalesce(sum(due), 0) FROM due_segment WHERE "
		            "due_on BETWEEN ? AND ? AND segment = ? COLLATE "
		            "NOCASE");
	qb_add(&q, "", "ss", from, due_to);
	if (sc->segment != NULL)
		qb_add(&q, "", "s", sc->segment);
	if (qb_one_row(st, &q, &k->due_total, 1, err) != 0)
		return -1;
	/* of it, what the payments of sc dated up to the period's end paid.
	 * Each item counts up to what it owes (scope.c's min): the sum here
	 * never passes it, as what the Posted payments allocated to an item
	 * is part of its settled, with its credits and what arrangements
	 * moved, and settled <= amount (items' CHECK) */
	qb_init(&q,
	    "SELECT coalesce(sum(f.paid), 0) FROM alloc_team_facts f WHERE "
	    "f.due_on BETWEEN ? AND ? AND f.paid_on <= ?");
	qb_add(&q, "", "sss", from, due_to, to);
	facts_where(&q, sc);
	return qb_one_row(st, &q, &k->due_paid, 1, err);
}

void
store_daily_facts(
    struct qb *q, const struct payment_filter *sc, const char *from,
    const char *to)
{
	qb_init(q, "SELECT f.paid_on, f.method, sum(f.amount), sum(f.n) FROM "
	           "pay_team_facts f WHERE f.paid_on BETWEEN ? AND ?");
	qb_add(q, "", "ss", from, to);
	facts_where(q, sc);
	qb_add(q, " GROUP BY f.paid_on, f.method HAVING sum(f.n) <> 0 ORDER BY "
	          "f.paid_on",
	    "");
}

int
store_facts_week(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *end, int64_t v[3],
    struct pd_err *err)
{
	struct qb q;

	/* what the Posted payments of sc and of everyone allocated (each
	 * allocation, its reversals too) in [from, end) to the items due
	 * from..to: a few rows of each due day */
	qb_init(&q,
	    "SELECT coalesce(sum(f.paid), 0) FROM alloc_team_facts f WHERE "
	    "f.due_on BETWEEN ? AND ? AND f.paid_on >= ? AND f.paid_on "
	    "< ?");
	qb_add(&q, "", "ssss", from, to, from, end);
	facts_where(&q, sc);
	if (qb_one_row(st, &q, &v[0], 1, err) != 0)
		return -1;
	qb_init(&q,
	    "SELECT coalesce(sum(f.paid), 0) FROM alloc_team_facts f WHERE "
	    "f.due_on BETWEEN ? AND ? AND f.paid_on >= ? AND f.paid_on "
	    "< ?");
	qb_add(&q, "", "ssss", from, to, from, end);
	if (qb_one_row(st, &q, &v[1], 1, err) != 0)
		return -1;
	/* and every Posted payment of sc dated from..to */
	qb_init(&q,
	    "SELECT coalesce(sum(f.amount), 0) FROM pay_team_facts f WHERE "
	    "f.paid_on BETWEEN ? AND ?");
	qb_add(&q, "", "ss", from, to);
	facts_where(&q, sc);
	return qb_one_row(st, &q, &v[2], 1, err);
}
