/* alerts.c - the stored alerts of the debts being worked (issue 21): one
 * row per cause, its history append-only (schema.c). The rules that find
 * their causes in bulk (an item overdue, a credit note expiring, a
 * gateway payment unassociated, a sync record refused) are one INSERT ...
 * SELECT each: the UNIQUE cause makes a cause seen again raise nothing. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "alerts_int.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* An alert's columns, its raise time the organisation's: the earliest of
 * the raises synced (sent or pulled: svc_alert_apply), this terminal's
 * own when it has none. A refused record's alert names the plan or the
 * payment its record is of (its ref "arrangement PLAN", "payment NO",
 * "void NO"), to open from it (helper-261, fault 3: the plan it said to
 * look at was not named, its Enter opened nothing). */
#define ALERT_COLS                                                             \
	"SELECT a.id, a.cause, a.kind, coalesce(c.account_no, ''),"            \
	" coalesce(c.name, ''), coalesce(pl.plan_no, rp.plan_no, ''),"         \
	" coalesce(p.payment_no, ry.payment_no, ''), a.ref, a.due_on,"         \
	" a.amount, a.figure,"                                                 \
	" a.allowed, coalesce((SELECT min(t.at) FROM alert_notes t WHERE"      \
	" t.alert_id = a.id AND t.action = 'raised' AND t.uuid IS NOT NULL),"  \
	" a.raised_at), a.status,"                                             \
	" coalesce(u.username, ''),"                                           \
	" a.deliver, a.tries, a.delivered_at, a.delivery_error,"               \
	" coalesce(c.uuid, ''), coalesce(p.uuid, ''), coalesce(ar.uuid, ''),"  \
	" a.synced, coalesce((SELECT i.amount - i.settled FROM items i WHERE"  \
	" i.ref = a.ref AND a.kind IN ('item-overdue', 'installment-missed',"  \
	" 'installment-due')), (SELECT sum(i.amount - i.settled) FROM items i" \
	" WHERE i.plan_id = pl.id AND a.kind = 'plan-broken'), -1)"            \
	" FROM alerts a"                                                       \
	" LEFT JOIN consumers c ON c.id = a.consumer_id"                       \
	" LEFT JOIN arrangements ar ON ar.id = a.arrangement_id"               \
	" LEFT JOIN plans pl ON pl.id = ar.plan_id"                            \
	" LEFT JOIN payments p ON p.id = a.payment_id"                         \
	" LEFT JOIN plans rp ON a.kind = 'sync-refused' AND a.ref LIKE"        \
	" 'arrangement %' AND rp.plan_no = substr(a.ref, 13)"                  \
	" LEFT JOIN payments ry ON a.kind = 'sync-refused' AND ry.payment_no"  \
	" = CASE WHEN a.ref LIKE 'payment %' THEN substr(a.ref, 9) WHEN"       \
	" a.ref LIKE 'void %' THEN substr(a.ref, 6) END"                       \
	" LEFT JOIN users u ON u.id = a.assigned_id "

static void
read_alert(struct db_stmt *s, void *elem)
{
	struct alert_row *a = elem;

	a->id = db_column_int64(s, 0);
	st_col(s, 1, a->cause, sizeof a->cause);
	st_col(s, 2, a->kind, sizeof a->kind);
	st_col(s, 3, a->account_no, sizeof a->account_no);
	st_col(s, 4, a->consumer, sizeof a->consumer);
	st_col(s, 5, a->plan_no, sizeof a->plan_no);
	st_col(s, 6, a->payment_no, sizeof a->payment_no);
	st_col(s, 7, a->ref, sizeof a->ref);
	st_col(s, 8, a->due_on, sizeof a->due_on);
	a->amount = db_column_int64(s, 9);
	a->figure = db_column_int(s, 10);
	a->allowed = db_column_int(s, 11);
	st_col(s, 12, a->raised_at, sizeof a->raised_at);
	st_col(s, 13, a->status, sizeof a->status);
	st_col(s, 14, a->assigned, sizeof a->assigned);
	a->deliver = db_column_int(s, 15);
	a->tries = db_column_int(s, 16);
	st_col(s, 17, a->delivered_at, sizeof a->delivered_at);
	st_col(s, 18, a->delivery_error, sizeof a->delivery_error);
	st_col(s, 19, a->consumer_uuid, sizeof a->consumer_uuid);
	st_col(s, 20, a->payment_uuid, sizeof a->payment_uuid);
	st_col(s, 21, a->arr_uuid, sizeof a->arr_uuid);
	a->synced = db_column_int(s, 22);
	a->open_now = db_column_int64(s, 23);
}

/* The columns an alert is raised with, its values ?1 to ?12 (raise). */
#define RAISE_COLS                                                             \
	"INSERT INTO alerts (cause, kind, consumer_id, payment_id,"            \
	" arrangement_id, ref, due_on, amount, figure, allowed, raised_at,"    \
	" deliver) "
#define RAISE_VALUES                                                           \
	", ?2, nullif(?3, 0), nullif(?4, 0), nullif(?5, 0), ?6, ?7, ?8, ?9,"   \
	" ?10, ?11, ?12 "

/* Raise a by s (RAISE_COLS, its cause ?1): *raised 1 when a row came. */
static int
raise_by(struct store *st, struct db_stmt *s, const struct alert_row *a,
    int deliver, int *raised, struct pd_err *err)
{
	*raised = 0;
	if (s == NULL)
		return -1;
	st_bind(s, "ssiiissiddsd", a->cause, a->kind, a->consumer_id,
	    a->payment_id, a->arrangement_id, a->ref, a->due_on, a->amount,
	    a->figure, a->allowed, a->raised_at, deliver);
	if (st_done(st, s, err) != 0)
		return -1;
	*raised = db_changes(st->db) > 0;
	return 0;
}

int
store_alert_raise(struct store *st, const struct alert_row *a, int deliver,
    int *raised, struct pd_err *err)
{
	return raise_by(st,
	    st_stmt(st,
	        RAISE_COLS "VALUES (?1" RAISE_VALUES
	                   ") ON CONFLICT (cause) DO NOTHING",
	        err),
	    a, deliver, raised, err);
}

/* its cause the base of a range (AGAIN_OK): raised when none of the
 * range is open and none is yet or the newest ended (review s48: a
 * missed installment paid, its alert closed by the pass, then its
 * payment voided, was Missed again with no alert) */
#define BASE_LO "?1"
#define BASE_HI "?1 || '$'"
int
store_alert_raise_anew(struct store *st, const struct alert_row *a, int deliver,
    int *raised, struct pd_err *err)
{
	return raise_by(st,
	    st_stmt(st,
	        RAISE_COLS "SELECT ?1" AGAIN_SUFFIX(BASE_LO, BASE_HI)
	            RAISE_VALUES "WHERE" AGAIN_OK(
	                BASE_LO, BASE_HI) "ON CONFLICT (cause) DO NOTHING",
	        err),
	    a, deliver, raised, err);
}
#undef BASE_LO
#undef BASE_HI
#undef RAISE_COLS
#undef RAISE_VALUES

/* Run one bulk rule statement s (its parameters bound), counting. */
static int
bulk(struct store *st, struct db_stmt *s, int64_t *n, struct pd_err *err)
{
	if (st_done(st, s, err) != 0)
		return -1;
	*n += db_changes(st->db);
	return 0;
}

int
store_alerts_raise_overdue(struct store *st, const char *after,
    const char *upto, const struct overdue_mark *mark, int days,
    const char *at, int deliver, int64_t *n, struct overdue_mark *top,
    struct pd_err *err)
{
	/* an open item (not an arrangement's installment: its misses are the
	 * arrangement rules'; an item a plan took over is settled by it)
	 * due after `after` and by `upto`, by the index items_owed (its
	 * due_on first, migration 66) */
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO alerts (cause, kind, consumer_id, ref, due_on,"
	    " amount, figure, raised_at, deliver) SELECT 'item-overdue:' ||"
	    " i.uuid || ':' || ?3" AGAIN_SUFFIX(ITEM_LO,
	        ITEM_HI) ", 'item-overdue', i.consumer_id, i.ref, i.due_on, "
	                 "i.amount -"
	                 " i.settled, ?3, ?4, ?5 FROM items i WHERE i.due_on > "
	                 "?1 AND"
	                 " i.due_on <= ?2 AND i.settled < i.amount AND NOT "
	                 "EXISTS (SELECT"
	                 " 1 FROM arrangements a WHERE a.plan_id = i.plan_id) "
	                 "AND (CASE"
	                 " WHEN ?6 >= 0 THEN" AGAIN_OK(ITEM_LO,
	                     ITEM_HI) "ELSE NOT EXISTS"
	                              " (SELECT 1 FROM alerts x WHERE" RANGE_OF(
	                                  ITEM_LO,
	                                  ITEM_HI) ")"
	                                           " END) ORDER BY i.due_on, "
	                                           "i.id ON CONFLICT (cause) "
	                                           "DO NOTHING",
	    err);

	/* all of them (mark < 0: the first pass, the rule switched on or
	 * its days changed): an item raised at other days is not again;
	 * else one whose alert ended and that is overdue again (AGAIN_OK:
	 * closed as not overdue by a pass under a clock set back, raised
	 * under a clock ahead; helper-252, fault 9) */
	if (s == NULL)
		return -1;
	st_bind(s, "ssdsdi", after, upto, days, at, deliver, mark->items);
	if (bulk(st, s, n, err) != 0)
		return -1;
	/* the items that came into the store after the pass before (id
	 * past its mark) and those opened again since (a void's reversing
	 * allocation, a cancelled plan's debt given back: ids past theirs),
	 * whatever their due date, by the primary keys; not one raised
	 * before at other days, unless its alert ended (paid) and it owes
	 * again: a new alert (AGAIN_OK) */
	if (mark->items >= 0) {
		s = st_stmt(st,
		    "INSERT INTO alerts (cause, kind, consumer_id, ref, due_on,"
		    " amount, figure, raised_at, deliver) SELECT 'item-overdue:'"
		    " || i.uuid || ':' || ?3" AGAIN_SUFFIX(ITEM_LO, ITEM_HI)
		    ", 'item-overdue', i.consumer_id,"
		    " i.ref, i.due_on, i.amount - i.settled, ?3, ?4, ?5 FROM"
		    " items i WHERE i.id IN (SELECT id FROM items WHERE id > ?1"
		    " UNION SELECT item_id FROM allocations WHERE id > ?6 AND"
		    " amount < 0 UNION SELECT item_id FROM arrangement_moves"
		    " WHERE id > ?7 AND amount < 0) AND i.due_on <= ?2 AND"
		    " i.settled < i.amount AND NOT EXISTS (SELECT 1 FROM"
		    " arrangements a WHERE a.plan_id = i.plan_id) AND"
		    AGAIN_OK(ITEM_LO, ITEM_HI)
		    "ORDER BY i.id ON CONFLICT (cause) DO NOTHING",
		    err);
		if (s == NULL)
			return -1;
		st_bind(s, "isdsdii", mark->items, upto, days, at, deliver,
		    mark->allocs, mark->moves);
		if (bulk(st, s, n, err) != 0)
			return -1;
	}
	top->items = st_count(st, "SELECT coalesce(max(id), 0) FROM items");
	top->allocs =
	    st_count(st, "SELECT coalesce(max(id), 0) FROM allocations");
	top->moves = st_count(
	    st, "SELECT coalesce(max(id), 0) FROM arrangement_moves");
	return 0;
}

int
store_alerts_raise_credit(struct store *st, int64_t consumer_id,
    const char *today, const char *until, const char *at, int deliver,
    int64_t *n, struct pd_err *err)
{
	/* a note whose alert ended (used, voided, expired) and that
	 * holds again (an application undone, a void undone): a new alert
	 * (AGAIN_OK); consumer 0: every consumer's. Only a Posted
	 * payment's: a Pending one's credit cannot be applied yet
	 * (helper-235, fault 9 of issue 21) */
	/* (every consumer's by the window of credit_notes_expiry; one
	 * consumer's, at each of its payments, by credit_notes_consumer) */
#define CREDIT_RAISE(by, who)                                                  \
	"INSERT INTO alerts (cause, kind, consumer_id, payment_id, ref,"       \
	" due_on, amount, figure, raised_at, deliver) SELECT"                  \
	" 'credit-expiring:' || cn.uuid" AGAIN_SUFFIX(CN_LO,                   \
	    CN_HI) ", 'credit-expiring', cn.consumer_id, cn.payment_id, "      \
	           "cn.cn_no,"                                                 \
	           " cn.expires_on, cn.amount - cn.applied, "                  \
	           "CAST(julianday(cn.expires_on)"                             \
	           " - julianday(?1) AS INTEGER), ?3, ?4 FROM credit_notes "   \
	           "cn" by                                                     \
	           " WHERE cn.voided = 0 AND cn.applied < cn.amount AND"       \
	           " cn.expires_on >= ?1 AND cn.expires_on <= ?2 AND EXISTS "  \
	           "(SELECT 1"                                                 \
	           " FROM payments p WHERE p.id = cn.payment_id AND p.status " \
	           "="                                                         \
	           " 'Posted') AND"                                            \
	           " cn.expires_on <> '' AND" who                              \
	           AGAIN_OK(CN_LO, CN_HI) "ORDER BY cn.expires_on, cn.id ON "  \
	                                  "CONFLICT (cause) DO NOTHING"
	struct db_stmt *s = st_stmt(st,
	    consumer_id == 0
	        ? CREDIT_RAISE(" INDEXED BY credit_notes_expiry", " ?5 = 0 AND")
	        : CREDIT_RAISE("", " cn.consumer_id = ?5 AND"),
	    err);
#undef CREDIT_RAISE

	if (s == NULL)
		return -1;
	st_bind(s, "sssdi", today, until, at, deliver, consumer_id);
	return bulk(st, s, n, err);
}

int
store_alerts_raise_again(struct store *st, int64_t consumer_id,
    const char *upto, int days, int64_t large, const char *at, int deliver,
    int64_t *n, struct pd_err *err)
{
	struct db_stmt *s;

	/* the consumer's items owed again past the days whose alert ended
	 * (paid, then the payment voided): by items_consumer */
	if (upto != NULL) {
		s = st_stmt(st,
		    "INSERT INTO alerts (cause, kind, consumer_id, ref, due_on,"
		    " amount, figure, raised_at, deliver) SELECT 'item-overdue:'"
		    " || i.uuid || ':' || ?3" AGAIN_SUFFIX(ITEM_LO, ITEM_HI)
		    ", 'item-overdue', i.consumer_id, i.ref, i.due_on,"
		    " i.amount - i.settled, ?3, ?4, ?5 FROM items i WHERE"
		    " i.consumer_id = ?1 AND i.due_on <= ?2 AND i.settled <"
		    " i.amount AND NOT EXISTS (SELECT 1 FROM arrangements a"
		    " WHERE a.plan_id = i.plan_id) AND"
		    AGAIN_ONLY(ITEM_LO, ITEM_HI) AGAIN_OK(ITEM_LO, ITEM_HI)
		    "ORDER BY i.due_on, i.id ON CONFLICT (cause) DO NOTHING",
		    err);
		if (s == NULL)
			return -1;
		st_bind(s, "isdsd", consumer_id, upto, days, at, deliver);
		if (bulk(st, s, n, err) != 0)
			return -1;
	}
	/* the consumer's payments cleared again above the amount whose
	 * alert ended (voided, the void then undone) */
	if (large >= 0) {
		s = st_stmt(st,
		    "INSERT INTO alerts (cause, kind, consumer_id, payment_id,"
		    " ref, due_on, amount, raised_at, deliver) SELECT"
		    " 'large-payment:' || p.uuid" AGAIN_SUFFIX(PAY_LO, PAY_HI)
		    ", 'large-payment', p.consumer_id, p.id, p.receipt_no,"
		    " p.paid_on, p.amount, ?3, ?4 FROM payments p WHERE"
		    " p.consumer_id = ?1 AND p.status = 'Posted' AND p.amount >"
		    " ?2 AND" AGAIN_ONLY(PAY_LO, PAY_HI) AGAIN_OK(PAY_LO, PAY_HI)
		    "ORDER BY p.id ON CONFLICT (cause) DO NOTHING",
		    err);
		if (s == NULL)
			return -1;
		st_bind(s, "iisd", consumer_id, large, at, deliver);
		if (bulk(st, s, n, err) != 0)
			return -1;
	}
	return 0;
}

int
store_alerts_raise_gateway(struct store *st, const char *now, int hours,
    const char *day, const char *pulled, const char *at, int deliver,
    int64_t *n, struct pd_err *err)
{
	/* those paid from day on (the hours passed since the pass before,
	 * by gw_payments_unassociated's day) or pulled since it (a change
	 * of a gateway payment is its pull: store_gwl_put); day "" all */
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO alerts (cause, kind, consumer_id, ref, due_on,"
	    " amount, figure, raised_at, deliver) SELECT "
	    "'gateway-unassociated:'"
	    " || g.gateway || ':' || g.code, 'gateway-unassociated',"
	    " nullif(g.consumer_id, 0), g.gateway || ' ' || g.code,"
	    " substr(g.paid_at, 1, 10), g.amount, (CAST(strftime('%s', ?1) AS "
	    "INTEGER) -"
	    " CAST(strftime('%s', g.paid_at) AS INTEGER)) / 3600, ?3, ?4 FROM "
	    "gw_payments g"
	    " WHERE g.payment_uuid = '' AND (?5 = '' OR g.paid_at >= ?5 OR"
	    " g.pulled_at >= ?6) AND g.status = 'succeeded' AND"
	    " CAST(strftime('%s', ?1) AS INTEGER) - CAST(strftime('%s', "
	    "g.paid_at) AS INTEGER) >= ?2 * 3600 ORDER BY"
	    " g.paid_at, g.id ON CONFLICT (cause) DO NOTHING",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sdsdss", now, hours, at, deliver, day, pulled);
	return bulk(st, s, n, err);
}

/* The consumer of a refused record r (its ref: a payment's or void's
 * number, a plan's, a dispute's, an alert's cause, a credit note's of
 * the note or of an application of it), NULL for one of none
 * (helper-239: a refused plan's alert named no account; helper-241: nor
 * did a refused step of an alert; helper-243: nor a credit note's). */
#define REFUSED_CONSUMER(r)                                                    \
	"coalesce((SELECT p.consumer_id FROM payments p WHERE p.payment_no "   \
	"= " r                                                                 \
	".ref), (SELECT pl.consumer_id FROM plans pl WHERE pl.plan_no = " r    \
	".ref), (SELECT "                                                      \
	"p.consumer_id FROM disputes d JOIN payments p ON p.id = "             \
	"d.payment_id "                                                        \
	"WHERE d.dispute_no = " r ".ref), (SELECT al.consumer_id FROM alerts " \
	"al WHERE al.cause = " r ".ref), (SELECT n.consumer_id FROM "          \
	"credit_notes n WHERE n.cn_no = " r ".ref))"

int
store_alerts_raise_refused(struct store *st, const char *at, int deliver,
    int64_t *n, struct pd_err *err)
{
	/* refused at the central node (an outbox record) or here when pulled
	 * (the quarantine); figure: 0 pushed, 1 pulled */
	struct db_stmt *push = st_stmt(st,
	    "INSERT INTO alerts (cause, kind, consumer_id, ref, figure,"
	    " raised_at, deliver) SELECT 'sync-refused:' || o.uuid,"
	    " 'sync-refused', " REFUSED_CONSUMER(
	        "o") ", o.kind || ' ' ||"
	             " o.ref, 0, ?1, ?2 FROM outbox o WHERE o.rejected_at IS "
	             "NOT NULL"
	             " ORDER BY o.id ON CONFLICT (cause) DO NOTHING",
	    err);
	struct db_stmt *pull;

	if (push == NULL)
		return -1;
	st_bind(push, "sd", at, deliver);
	if (bulk(st, push, n, err) != 0)
		return -1;
	pull = st_stmt(st,
	    "INSERT INTO alerts (cause, kind, consumer_id, ref, figure,"
	    " raised_at, deliver) SELECT 'sync-refused:' || q.uuid,"
	    " 'sync-refused', " REFUSED_CONSUMER(
	        "q") ", q.kind || ' ' ||"
	             " q.ref, 1, ?1, ?2 FROM pull_quarantine q ORDER BY q.id"
	             " ON CONFLICT (cause) DO NOTHING",
	    err);
	if (pull == NULL)
		return -1;
	st_bind(pull, "sd", at, deliver);
	return bulk(st, pull, n, err);
}

static void
read_cause(struct db_stmt *s, void *elem)
{
	struct alert_cause *a = elem;

	a->id = db_column_int64(s, 0);
	st_col(s, 1, a->cause, sizeof a->cause);
	a->open = db_column_int(s, 2) != 0;
}

struct alert_cause *
store_alerts_open_arr(
    struct store *st, const char *among, size_t *n, struct pd_err *err)
{
	/* by alerts_status: the open ones of the kinds, each kind's; only
	 * the two columns the pass compares (every column of ~40,000
	 * alerts, with their joins, was a tenth of the pass at 10M) */
	struct db_stmt *s = st_stmt(st,
	    among == NULL
	        ? "SELECT id, cause, 1 FROM alerts WHERE status IN ('open',"
	          " 'acknowledged') AND kind IN ('plan-broken',"
	          " 'installment-missed', 'installment-due') ORDER BY id"
	        : "SELECT id, cause, 1 FROM alerts WHERE status IN ('open',"
	          " 'acknowledged') AND kind IN ('plan-broken',"
	          " 'installment-missed', 'installment-due') AND"
	          " arrangement_id IN (SELECT value FROM json_each(?1))"
	          " ORDER BY id",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	if (among != NULL)
		st_bind(s, "s", among);
	return st_collect(st, s, sizeof(struct alert_cause), read_cause, n,
	    _("Reading the alerts"), err);
}

int
store_alert_arr_end(
    struct store *st, int64_t id, struct alert_arr_end *e, struct pd_err *err)
{
	/* the installment by the uuid after the kind in its cause (one
	 * raised again ends in "#<n>": its 36 characters alone); paid in
	 * full by payments or credits, all of it, not by what a change of
	 * its plan closed of it (arrangement_moves; helper-234, fault 2: one
	 * paid in part, the rest moved by a reschedule, read "paid in
	 * full"); replaced when its plan's schedule
	 * in force is a later one (ARR_IN_FORCE, arrange.c) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT a.kind, a.ref, coalesce(pl.plan_no, ''),"
	    " coalesce(ar.cancelled, 0), coalesce(i.settled - (SELECT"
	    " coalesce(sum(m.amount), 0) FROM arrangement_moves m WHERE"
	    " m.item_id = i.id) >= i.amount, 0),"
	    " coalesce(i.arr_event IS NOT (SELECT max(e.id) FROM"
	    " arrangement_events e WHERE e.arrangement_id = a.arrangement_id"
	    " AND e.kind <> 'cancel' AND" ARR_EVENT_LIVE(
	        "e") "), 0),"
	             " coalesce(i.due_on, ''),"
	             " " ARR_EVENT_UNDONE(
	                 "ue.id = i.arr_event") ","
	                                        " coalesce((SELECT ce.uuid "
	                                        "FROM "
	                                        "arrangement_events ce WHERE"
	                                        " ce.arrangement_id = "
	                                        "a.arrangement_id "
	                                        "AND (ce.kind = 'cancel') ="
	                                        " coalesce(ar.cancelled, 0) "
	                                        "ORDER BY "
	                                        "ce.id DESC LIMIT 1), '')"
	                                        " FROM alerts a"
	                                        " LEFT JOIN arrangements ar ON "
	                                        "ar.id = "
	                                        "a.arrangement_id"
	                                        " LEFT JOIN plans pl ON pl.id "
	                                        "= "
	                                        "ar.plan_id"
	                                        " LEFT JOIN items i ON a.kind "
	                                        "<> "
	                                        "'plan-broken' AND i.uuid ="
	                                        " substr(a.cause, "
	                                        "length(a.kind) + 2, "
	                                        "36) WHERE a.id = ?",
	    err);
	int rc;

	memset(e, 0, sizeof *e);
	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		st_col(s, 0, e->kind, sizeof e->kind);
		st_col(s, 1, e->ref, sizeof e->ref);
		st_col(s, 2, e->plan_no, sizeof e->plan_no);
		e->cancelled = db_column_int(s, 3);
		e->paid = db_column_int(s, 4);
		e->replaced = db_column_int(s, 5);
		st_col(s, 6, e->due_on, sizeof e->due_on);
		e->undone = db_column_int(s, 7);
		st_col(s, 8, e->change, sizeof e->change);
	}
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	return rc == DB_DONE ? 1 : st_fail(st, err, _("Reading the alerts"));
}

struct alert_cause *
store_alert_causes(
    struct store *st, const char *prefix, size_t *n, struct pd_err *err)
{
	/* a range of the causes' UNIQUE index, in its order; ORDER BY
	 * in C's byte order (the index's, BINARY) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, cause, status <> 'closed' FROM alerts WHERE cause >= "
	    "?1 AND cause < ?1 ||"
	    " char(255) ORDER BY cause",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "s", prefix);
	return st_collect(st, s, sizeof(struct alert_cause), read_cause, n,
	    _("Reading the alerts"), err);
}

struct alert_cause *
store_alerts_of_arr(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err)
{
	/* the partial index alerts_arrangement (migration 88) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, cause, status <> 'closed' FROM alerts WHERE "
	    "arrangement_id = ?1 ORDER BY cause",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "i", arr_id);
	return st_collect(st, s, sizeof(struct alert_cause), read_cause, n,
	    _("Reading the alerts"), err);
}

int
store_alerts_max_id(struct store *st, int64_t *id, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT coalesce(max(id), 0) FROM alerts", err);
	int rc;

	*id = 0;
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading the alerts"));
}

int
store_alerts_raised_since(struct store *st, int64_t after, const char *at,
    const char *user, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO alert_notes (alert_id, at, username, action) SELECT"
	    " id, ?2, ?3, 'raised' FROM alerts WHERE id > ?1 ORDER BY id",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "iss", after, at, user);
	return st_done(st, s, err);
}

struct alert_row *
store_alerts_list(struct store *st, int all, const char *kind, int64_t id,
    int64_t after, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    ALERT_COLS
	    "WHERE (?1 <> 0 OR a.status <> 'closed') AND (?2 = ''"
	    " OR a.kind = ?2) AND (?3 = 0 OR a.id = ?3) AND a.id > ?4"
	    " ORDER BY a.id",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "dsii", all, kind ? kind : "", id, after);
	return st_collect(st, s, sizeof(struct alert_row), read_alert, n,
	    _("Reading the alerts"), err);
}

struct alert_row *
store_alerts_undelivered(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    ALERT_COLS "WHERE a.deliver = 1 AND a.status <> 'closed' "
	               "ORDER BY a.id",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct alert_row), read_alert, n,
	    _("Reading the alerts"), err);
}

int
store_alerts_open_count(struct store *st, int64_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT count(*) FROM alerts WHERE status = 'open'", err);
	int rc;

	*n = 0;
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		*n = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading the alerts"));
}

int
store_alert_set(struct store *st, int64_t id, const char *status,
    int64_t assigned_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE alerts SET status = coalesce(?2, status), assigned_id ="
	    " CASE WHEN ?3 < 0 THEN assigned_id ELSE nullif(?3, 0) END"
	    " WHERE id = ?1",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "isi", id, status, assigned_id);
	return st_done(st, s, err);
}

int
store_alert_delivered(struct store *st, int64_t id, const char *at,
    const char *error, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE alerts SET tries = tries + 1, deliver = ?3 IS NOT NULL,"
	    " delivered_at = CASE WHEN ?3 IS NULL THEN ?2 ELSE '' END,"
	    " delivery_error = coalesce(?3, '') WHERE id = ?1",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "iss", id, at, error);
	return st_done(st, s, err);
}

/* ---- an organisation's alerts synced (alert_sync.c) ---- */

int
store_alert_by_cause(struct store *st, const char *cause, struct alert_row *a,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, ALERT_COLS "WHERE a.cause = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", cause);
	rc = db_step(s);
	if (rc == DB_ROW)
		read_alert(s, a);
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	return rc == DB_DONE ? 1 : st_fail(st, err, _("Reading the alerts"));
}
