/* alerts_stale.c - the stored alerts whose cause no longer holds (an
 * item settled or taken over by a plan, a credit note used, voided or
 * expired, a payment voided; issue 21), read for the service to close
 * them (store_alerts_stale), and the marks that bound the daily pass's
 * read to what changed since the one before. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "alerts_int.h"
#include "paydesk/i18n.h"

static void
read_stale(struct db_stmt *s, void *elem)
{
	struct alert_stale *a = elem;

	a->id = db_column_int64(s, 0);
	st_col(s, 1, a->cause, sizeof a->cause);
	st_col(s, 2, a->why, sizeof a->why);
	st_col(s, 3, a->ref, sizeof a->ref);
	st_col(s, 4, a->on, sizeof a->on);
	a->closed = db_column_int(s, 5) != 0;
	st_col(s, 6, a->change, sizeof a->change);
}

/* Why an alert of each kind (a) no longer holds, NULL while it does: its
 * subject by the uuid its cause names (alerts.c's causes); back (SQL, ""
 * or NOT_OVERDUE): more of an item-overdue alert's ends */
#define STALE_WHY(back)                                                        \
	" CASE a.kind WHEN 'item-overdue' THEN (SELECT CASE WHEN i.settled >=" \
	" i.amount AND i.under_plan IS NOT NULL THEN 'arranged' WHEN"          \
	" i.settled >= i.amount THEN 'settled'" back " END FROM items i WHERE" \
	" i.uuid = substr(a.cause, 14, 36)) WHEN 'credit-expiring' THEN "      \
	"(SELECT CASE WHEN cn.voided <> 0"                                     \
	" THEN 'cn-voided' WHEN cn.applied >= cn.amount THEN 'used' WHEN"      \
	" cn.expires_on < ?1 THEN 'expired' END FROM credit_notes cn WHERE"    \
	" cn.uuid = substr(a.cause, 17, 36)) WHEN 'large-payment' THEN"        \
	" (SELECT CASE WHEN p.status = 'Voided' THEN 'voided' WHEN p.status"   \
	" <> 'Posted' THEN 'uncleared' END FROM payments p WHERE p.uuid ="     \
	" substr(a.cause, 15, 36)) END"
/* an item not overdue by its alert's days (figure) as of today ?1: the
 * alert raised by a pass under a clock ahead (helper-252, fault 9); read
 * only by a pass by hand under a clock set back (svc_alerts_pass), not at
 * each post or sync round: two terminals' clocks a day apart would close
 * and raise an item's alert in turn */
#define NOT_OVERDUE                                                            \
	" WHEN julianday(i.due_on) + a.figure > julianday(?1) THEN"            \
	" 'not-overdue'"

/* The record that ended it, of those the central node may refuse
 * (svc_alert_ended): the change of a plan that took its item over, the
 * void of its payment; '' none */
#define STALE_CHANGE                                                           \
	" coalesce(CASE why WHEN 'arranged' THEN (SELECT e.uuid FROM items i"  \
	" JOIN arrangement_moves m ON m.item_id = i.id JOIN"                   \
	" arrangement_events e ON e.id = m.event_id WHERE i.uuid ="            \
	" substr(cause, 14, 36) AND m.amount > 0 ORDER BY m.id DESC LIMIT 1)"  \
	" WHEN 'voided' THEN (SELECT v.uuid FROM payments p JOIN voids v ON"   \
	" v.payment_id = p.id WHERE p.uuid = substr(cause, 15, 36) ORDER BY"   \
	" v.id DESC LIMIT 1) END, '')"

/* The alerts whose cause is read again: the open (or acknowledged) ones,
 * and those a user closed while it held, once (review s49, helper-214:
 * a user's close stood for the cause for ever, and an item paid then
 * overdue again by the payment's void raised nothing): their cause's end
 * is noted, so that its return raises it again (AGAIN_OK) */
#define STALE_STATUS                                                           \
	" (a.status IN ('open', 'acknowledged') OR (a.status = 'closed' AND"   \
	" NOT EXISTS (SELECT 1 FROM alert_notes t WHERE t.alert_id = a.id AND" \
	" t.action = 'ended')))"

void
store_alert_stale_top(struct store *st, struct alert_stale_mark *top)
{
	top->allocs =
	    st_count(st, "SELECT coalesce(max(id), 0) FROM allocations");
	top->credits = st_count(
	    st, "SELECT coalesce(max(id), 0) FROM credit_applications");
	top->moves =
	    st_count(st, "SELECT coalesce(max(id), 0) FROM arrangement_moves");
	top->voids = st_count(st, "SELECT coalesce(max(id), 0) FROM voids");
}

/* store_alerts_stale's reads: the alerts (a) whose cause no longer
 * holds, among those WHERE says, oldest first */
#define STALE_HEAD_OF(back)                                                    \
	"SELECT id, cause, why, ref, due_on, closed," STALE_CHANGE " FROM"     \
	" (SELECT a.id, a.cause, a.ref, a.due_on, CASE a.status WHEN"          \
	" 'closed' THEN 1 ELSE 0 END AS closed," STALE_WHY(                    \
	    back) " AS why"                                                    \
	          " FROM alerts a WHERE"
#define STALE_HEAD STALE_HEAD_OF("")
#define STALE_TAIL ") WHERE why IS NOT NULL ORDER BY id"
/* of consumer ?2: its alerts of the kinds STALE_WHY reads, by
 * alerts_consumer (migration 80), each raised with its subject's consumer
 * (store_alerts_raise_*, a pulled one's by its record). Not through the
 * consumer's items, notes and payments: every payment a consumer ever
 * made was read for its status at each post (650 us of 2.2 ms for one
 * of 3,310 payments at 10M, issue 24) */
#define STALE_OF_CONSUMER                                                      \
	STALE_HEAD STALE_STATUS                                                \
	    " AND a.consumer_id = ?2 AND a.kind IN"                            \
	    " ('item-overdue', 'credit-expiring', 'large-payment')" STALE_TAIL
/* since the mark ?3 to ?6: the items paid, credited or taken over, the
 * payments voided, and the notes' open alerts */
#define STALE_SINCE                                                            \
	STALE_HEAD STALE_STATUS                                                \
	    " AND a.id IN (SELECT x.id FROM items i JOIN"                      \
	    " alerts x ON" RANGE_OF(ITEM_LO,                                   \
	        ITEM_HI) " WHERE i.id IN (SELECT"                              \
	                 " item_id FROM allocations WHERE id > ?3 AND amount " \
	                 "> 0 UNION SELECT"                                    \
	                 " item_id FROM credit_applications WHERE id > ?4 "    \
	                 "UNION SELECT"                                        \
	                 " item_id FROM arrangement_moves WHERE id > ?5 AND "  \
	                 "amount > 0) UNION"                                   \
	                 " SELECT x.id FROM alerts x WHERE x.status IN "       \
	                 "('open',"                                            \
	                 " 'acknowledged') AND x.kind = 'credit-expiring' "    \
	                 "UNION SELECT x.id"                                   \
	                 " FROM payments p JOIN alerts x ON" RANGE_OF(PAY_LO,  \
	                     PAY_HI) " WHERE"                                  \
	                             " p.id IN (SELECT payment_id FROM voids " \
	                             "WHERE id > ?6))" STALE_TAIL
/* every open one of the kinds (back: and those not overdue today) */
#define STALE_ALL(back)                                                        \
	STALE_HEAD_OF(back)                                                    \
	" a.status IN ('open', 'acknowledged') AND"                            \
	" a.kind IN ('item-overdue', 'credit-expiring', "                      \
	"'large-payment')" STALE_TAIL

struct alert_stale *
store_alerts_stale(struct store *st, int64_t consumer_id,
    const struct alert_stale_mark *mark, const char *today, int back, size_t *n,
    struct pd_err *err)
{
	/* one consumer's (a use case's transaction): its own alerts of the
	 * kinds (alerts_consumer), not every open alert at each payment.
	 * Every consumer's since mark
	 * (the daily pass, a sync round): the items paid, credited or taken
	 * over and the payments voided since, by the primary keys, and the
	 * notes' open alerts (a few days' notes: the rule's window), not
	 * every open alert of every item each day; every open one of the
	 * kinds with no mark */
	struct db_stmt *s = st_stmt(st,
	    consumer_id != 0 ? STALE_OF_CONSUMER
	    : back           ? STALE_ALL(NOT_OVERDUE)
	    : mark != NULL   ? STALE_SINCE
	                     : STALE_ALL(""),
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	if (consumer_id != 0)
		st_bind(s, "si", today, consumer_id);
	else if (mark != NULL && !back)
		st_bind(s, "siiiii", today, (int64_t)0, mark->allocs,
		    mark->credits, mark->moves, mark->voids);
	else
		st_bind(s, "s", today);
	return st_collect(st, s, sizeof(struct alert_stale), read_stale, n,
	    _("Reading the alerts"), err);
}
#undef STALE_HEAD
#undef STALE_HEAD_OF
#undef STALE_TAIL
#undef STALE_OF_CONSUMER
#undef STALE_SINCE
#undef STALE_ALL
