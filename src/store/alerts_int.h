/* alerts_int.h - what the stored alerts' files share (alerts.c, the
 * raises and reads; alerts_stale.c, the alerts whose cause ended): the
 * ranges of a subject's causes and the clauses that raise a cause
 * again. */
#ifndef PAYDESK_STORE_ALERTS_INT_H
#define PAYDESK_STORE_ALERTS_INT_H

/* An alert's cause raised again (review 21b, fault 8b): the alerts of a
 * subject are the range of the causes [lo, hi) (an item's "item-overdue:
 * <uuid>:" to "...;", its days and periods; a credit note's or a
 * payment's "<kind>:<uuid>" to "...$"); one is raised for it when none
 * of them is open and either there is none yet (its cause the base) or
 * the newest ended (closed by the pass: its cause went away, and now it
 * holds again), a new alert whose cause is the base and "#<n>", n the
 * alerts of the range and one. An alert a user closed while its cause
 * held is not raised again while it holds; once it ended (the pass notes
 * it, STALE_STATUS), its return is a new alert as above. */
#define RANGE_OF(lo, hi) " x.cause >= " lo " AND x.cause < " hi
#define AGAIN_SUFFIX(lo, hi)                                                   \
	" || coalesce('#' || (nullif((SELECT count(*) FROM alerts x "          \
	"WHERE " RANGE_OF(lo, hi) "), 0) + 1), '')"
#define AGAIN_OK(lo, hi)                                                       \
	" NOT EXISTS (SELECT 1 FROM alerts x WHERE " RANGE_OF(                 \
	    lo, hi) " AND x.status <> 'closed') AND (NOT EXISTS (SELECT 1 "    \
	            "FROM alerts x"                                            \
	            " WHERE " RANGE_OF(                                        \
	                lo, hi) ") OR EXISTS (SELECT 1 FROM alert_notes t"     \
	                        " WHERE t.action = 'ended' AND t.alert_id = "  \
	                        "(SELECT max(x.id) FROM"                       \
	                        " alerts x WHERE " RANGE_OF(lo, hi) "))) "
#define AGAIN_ONLY(lo, hi)                                                     \
	" EXISTS (SELECT 1 FROM alerts x WHERE " RANGE_OF(lo, hi) ") AND"
#define ITEM_LO "'item-overdue:' || i.uuid || ':'"
#define ITEM_HI "'item-overdue:' || i.uuid || ';'"
#define CN_LO "'credit-expiring:' || cn.uuid"
#define CN_HI "'credit-expiring:' || cn.uuid || '$'"
#define PAY_LO "'large-payment:' || p.uuid"
#define PAY_HI "'large-payment:' || p.uuid || '$'"

#endif
