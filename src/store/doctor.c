/* doctor.c - the store's own checks: each a query whose rows are
 * problems (counts kept by triggers against the rows they count, seals,
 * rollups), then the engine's integrity and the audit chain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/say.h"
#include "paydesk/xmalloc.h"
#include "schema_sql.h"

/* A credit application not undone here (one that gave way to a refused
 * uphold's void, dispute_undo.c, is kept, marked in sync_undone) */
#define LIVE_APP "uuid NOT IN (SELECT uuid FROM sync_undone)"
/* the team payment p was taken for ("" none): the dashboards' totals are
 * kept by it (migration 94) */
#define FACTS_TEAM                                                             \
	"coalesce((SELECT t.team FROM payment_teams t WHERE t.payment_id = "   \
	"p.id), '')"
/* a service charge cancelled with the uphold that added it, undone here
 * (dispute_undo.c): settled in full by nothing */
#define CANCELLED                                                              \
	"(CASE WHEN i.uuid IN (SELECT uuid FROM sync_undone) THEN i.amount "   \
	"ELSE 0 END)"

/* Each check is a query whose rows are problems, one text column each;
 * a rollup check (1) only where the rollups are kept (not in a central
 * node's store, see schema_central.c), an engine's own check (2) only
 * on SQLite (PostgreSQL keeps its pages and foreign keys itself), a
 * terminal's (3) not in a central node's store (its gateway_payments,
 * schema_central.c). Its
 * name is the reader's (N_); what the query says of a row is the
 * store's own English. */
static const struct {
	const char *what;
	int only; /* 0 every store, else 1-3 as above */
	const char *sql;
} checks[] = {
    {N_("integrity"), 2,
        "SELECT integrity_check FROM pragma_integrity_check "
        "WHERE integrity_check <> 'ok'"},
    {N_("foreign keys"), 2,
        "SELECT 'row ' || rowid || ' of ' || \"table\" || "
        "' points at a missing ' || parent FROM pragma_foreign_key_check"},
    {N_("item balances"), 0,
        "SELECT 'item ' || i.ref || ': settled ' || "
        "i.settled || ' but the ledger and arrangements say ' || "
        "(coalesce((SELECT "
        "sum(amount) FROM allocations WHERE item_id = i.id), 0) + "
        "coalesce((SELECT sum(amount) FROM credit_applications WHERE "
        "item_id = i.id AND " LIVE_APP "), 0) + coalesce((SELECT sum(amount) "
        "FROM arrangement_moves WHERE item_id = i.id), 0) + " CANCELLED
        ") FROM items i WHERE i.settled <> coalesce((SELECT sum(amount) "
        "FROM allocations WHERE item_id = i.id), 0) + coalesce((SELECT "
        "sum(amount) FROM credit_applications WHERE item_id = i.id "
        "AND " LIVE_APP "), 0) + coalesce((SELECT sum(amount) FROM "
        "arrangement_moves WHERE item_id = i.id), 0) + " CANCELLED},
    {N_("credit balances"), 0,
        "SELECT 'credit note ' || n.cn_no || ': applied "
        "' || n.applied || ' but applications sum to ' || coalesce((SELECT "
        "sum(amount) FROM credit_applications WHERE credit_note_id = "
        "n.id AND " LIVE_APP "), 0) FROM credit_notes n WHERE n.applied <> "
        "coalesce((SELECT sum(amount) FROM credit_applications WHERE "
        "credit_note_id = n.id AND " LIVE_APP "), 0)"},
    /* what a Posted payment holds, its reversals counted, and the
     * credit it became (its overpayment here, the central node's for
     * what it gave up there) is its amount, once its record is sent: a
     * payment that gave way to another without becoming credit lost
     * the consumer's money (review 21, session 40, fault 5: an undone
     * uphold's void took the room back from a payment already sent).
     * Only a payment on its way is let be (the central node makes
     * credit of what it gave up when it applies it): one the central
     * node refused stays in this store, and no node makes credit of
     * it, so what it holds must be its amount as any sent one's
     * (review 21, session 41: a refused payment's loss was not
     * reported) */
    {N_("payment balances"), 0,
        "SELECT 'payment ' || p.payment_no || ': amount ' || p.amount || "
        "' but it holds ' || coalesce((SELECT sum(amount) FROM allocations "
        "WHERE payment_id = p.id), 0) || ' of items and ' || (p.overpaid + "
        "coalesce((SELECT sum(amount) FROM credit_notes n WHERE "
        "n.payment_id = p.id AND n.automatic <> 0 AND n.terminal <> "
        "p.terminal), 0)) || ' of credit' FROM payments p WHERE p.status "
        "= 'Posted' AND p.amount <> p.overpaid + coalesce((SELECT "
        "sum(amount) FROM allocations WHERE payment_id = p.id), 0) + "
        "coalesce((SELECT sum(amount) FROM credit_notes n WHERE "
        "n.payment_id = p.id AND n.automatic <> 0 AND n.terminal <> "
        "p.terminal), 0) AND NOT EXISTS (SELECT 1 FROM outbox o WHERE "
        "o.uuid = p.uuid AND o.sent_at IS NULL AND o.rejected_at IS "
        "NULL)"},
    {N_("payment allocations"), 0,
        "SELECT 'payment ' || p.payment_no || ': "
        "amount ' || p.amount || ' but allocations ' || coalesce((SELECT "
        "sum(amount) FROM allocations WHERE payment_id = p.id AND "
        "reverses IS NULL), 0) || ' plus overpaid ' || p.overpaid FROM "
        "payments p WHERE p.amount <> p.overpaid + coalesce((SELECT "
        "sum(amount) FROM allocations WHERE payment_id = p.id AND reverses "
        "IS NULL), 0) + (CASE WHEN p.uuid IN (SELECT uuid FROM received) "
        "THEN coalesce((SELECT sum(amount) FROM credit_notes n WHERE "
        "n.payment_id = p.id AND n.automatic <> 0 AND n.terminal <> "
        "p.terminal), "
        "0) ELSE 0 END)"},
    {N_("voids"), 0,
        "SELECT 'payment ' || p.payment_no || ': status ' || "
        "p.status || (CASE WHEN v.id IS NULL THEN ' without' ELSE ' with' "
        "END) || ' a void record' FROM payments p LEFT JOIN voids v ON "
        "v.payment_id = p.id AND v.uuid NOT IN (SELECT uuid FROM "
        "sync_undone) WHERE (p.status = 'Voided') <> (v.id IS NOT "
        "NULL) OR (v.id IS NOT NULL AND coalesce((SELECT sum(amount) FROM "
        "allocations WHERE payment_id = p.id), 0) <> 0)"},
    /* a voided credit note gives back what it settled: a void of it
     * (or of its payment) is refused once it is applied, so one that
     * still settles items is a reversal that skipped that check (issue
     * 19 review, point 2: a gateway's refund did). An application, or
     * a void of the note or its payment, made here offline and refused
     * by the central node (the other came first elsewhere) is the
     * sync's conflict, held here with its reason, not this */
    {N_("voided credit"), 0,
        "SELECT 'credit note ' || n.cn_no || ' is voided but still "
        "settles ' || sum(a.amount) || ' of ' || group_concat(i.ref, ', ') "
        "FROM credit_notes n JOIN credit_applications a ON "
        "a.credit_note_id = n.id JOIN items i ON i.id = a.item_id WHERE "
        "n.voided <> 0 AND a." LIVE_APP
        " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE "
        "o.rejected_at IS NOT NULL AND (o.uuid = a.uuid OR o.ref = n.cn_no "
        "OR (o.kind = 'void' AND o.ref = (SELECT payment_no FROM payments "
        "WHERE id = n.payment_id)))) GROUP BY n.id"},
    /* a gateway's refund or failure held for a supervisor (issue 19
     * review): the ledger still counts money the gateway took back */
    {N_("gateway refunds"), 0,
        "SELECT 'gateway payment ' || gateway || ' ' || code || ': its "
        "refund or failure is held (' || review || '), refunded ' || "
        "refunded || ' of ' || amount FROM gw_payments WHERE review <> ''"},
    {N_("daily totals"), 1,
        "SELECT 'day ' || d.day || ': rollup says ' || "
        "coalesce(r.collected, 0) || ' in ' || coalesce(r.payments, 0) || "
        "' payments, the ledger ' || d.collected || ' in ' || d.n FROM "
        "(SELECT paid_on AS day, sum(amount) AS collected, count(*) AS n "
        "FROM payments WHERE status = 'Posted' GROUP BY paid_on) d LEFT "
        "JOIN daily_totals r ON r.day = d.day WHERE r.collected IS NOT "
        "d.collected OR r.payments IS NOT d.n"},
    {N_("method totals"), 1,
        "SELECT 'day ' || d.day || ', ' || d.method || ': rollup says ' || "
        "coalesce(r.collected, 0) || ', the ledger ' || d.collected FROM "
        "(SELECT paid_on AS day, method, sum(amount) AS collected, count(*) "
        "AS n FROM payments WHERE status = 'Posted' GROUP BY paid_on, "
        "method) d LEFT JOIN daily_method_totals r ON r.day = d.day AND "
        "r.method = d.method WHERE r.collected IS NOT d.collected OR "
        "r.payments IS NOT d.n"},
    /* each consumer's Posted total, count and last day at each
     * terminal and branch and in the organisation ('o:', the payers of
     * no filter, migration 97) (payer_scope, the payers of a scope)
     * against the ledger, both ways (the organisation's once: a check
     * "payer totals" of the 'o:' rows alone read the ledger again for
     * them, s75) */
    {N_("payer totals by scope"), 1,
        "WITH b AS (SELECT 't:' || terminal AS scope, consumer_id, "
        "sum(amount) AS total, count(*) AS n, max(paid_on) AS last FROM "
        "payments WHERE status = 'Posted' GROUP BY terminal, consumer_id "
        "UNION ALL SELECT 'b:' || branch, consumer_id, sum(amount), "
        "count(*), max(paid_on) FROM payments WHERE status = 'Posted' "
        "GROUP BY branch, consumer_id UNION ALL SELECT 'o:', consumer_id, "
        "sum(amount), count(*), max(paid_on) FROM payments WHERE status = "
        "'Posted' GROUP BY consumer_id), r AS (SELECT scope, consumer_id, "
        "total, payments, last_paid FROM payer_scope WHERE payments <> 0 "
        "OR total <> 0 OR last_paid <> '') SELECT 'consumer #' || "
        "consumer_id || ' at ' || scope || ': the ledger says ' || total "
        "|| ' in ' || n || ', last ' || last || ', the rollup not' FROM "
        "(SELECT * FROM b EXCEPT SELECT * FROM r) UNION ALL SELECT "
        "'consumer #' || consumer_id || ' at ' || scope || ': the rollup "
        "says ' || total || ' in ' || payments || ', last ' || last_paid "
        "|| ', the ledger not' FROM (SELECT * FROM r EXCEPT SELECT * FROM "
        "b)"},
    /* each Posted payment's days to pay (the deteriorating payers'
     * rollup, schema.c) against its allocations and items */
    {N_("days to pay"), 1,
        "WITH b AS (SELECT p.consumer_id, p.paid_on, p.id, "
        "CAST(julianday(p.paid_on) - julianday(min(i.due_on)) AS INTEGER) "
        "AS days, p.terminal, p.branch FROM payments p JOIN allocations a "
        "ON a.payment_id = p.id AND " PAYS(
            "a") " "
                 "JOIN items i ON i.id = a.item_id WHERE p.status = 'Posted' "
                 "GROUP "
                 "BY p.id), r AS (SELECT consumer_id, paid_on, payment_id, "
                 "days, "
                 "terminal, branch FROM pay_days) SELECT 'payment #' || id || "
                 "' of "
                 "' || paid_on || ': the ledger says ' || days || ' days, the "
                 "rollup not' FROM (SELECT * FROM b EXCEPT SELECT * FROM r) "
                 "UNION "
                 "ALL SELECT 'payment #' || payment_id || ' of ' || paid_on || "
                 "': "
                 "the rollup says ' || days || ' days, the ledger not' FROM "
                 "(SELECT "
                 "* FROM r EXCEPT SELECT * FROM b)"},
    /* the deteriorating payers' last days to pay (schema.c's
     * pay_recent) against pay_days, both ways */
    {N_("days to pay"), 1,
        "WITH b AS (SELECT k.consumer_id, k.terminal, k.branch, (SELECT "
        "group_concat(paid_on || ' ' || payment_id || ' ' || days, ';') "
        "FROM (SELECT paid_on, payment_id, days FROM pay_days e WHERE "
        "e.consumer_id = k.consumer_id AND e.terminal = k.terminal AND "
        "e.branch = k.branch ORDER BY e.paid_on DESC, e.payment_id DESC "
        "LIMIT 20)) AS recent FROM (SELECT DISTINCT consumer_id, "
        "terminal, branch "
        "FROM pay_days) k), r AS (SELECT consumer_id, terminal, branch, "
        "recent FROM pay_recent) SELECT 'consumer #' || x.consumer_id || "
        "' at ' || x.terminal || ': the ' || x.side || ' says the last "
        "days are ' || x.recent || ', the other not' FROM (SELECT 'ledger' "
        "AS side, consumer_id, terminal, recent FROM (SELECT * FROM b "
        "EXCEPT SELECT * FROM r) UNION ALL SELECT 'rollup', consumer_id, "
        "terminal, recent FROM (SELECT * FROM r EXCEPT SELECT * FROM b)) "
        "x"},
    /* the forecast's history by consumer and due day (schema.c's
     * due_paid) against the items and what the payments that count paid
     * of them on time as they stand (every allocation netted: store_mig_87),
     * and by due day (due_paid_daily) against those */
    {N_("forecast history"), 1,
        "WITH b AS (SELECT i.consumer_id, i.due_on, sum(i.amount) AS due, "
        "sum((SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN "
        "payments p ON p.id = a.payment_id WHERE a.item_id = i.id AND "
        "p.status IN ('Posted', 'Pending') AND "
        "p.paid_on <= i.due_on)) AS on_time FROM items i GROUP BY "
        "i.consumer_id, i.due_on), r AS (SELECT consumer_id, due_on, due, "
        "on_time FROM due_paid) SELECT 'consumer #' || consumer_id || ', "
        "due ' || due_on || ': the ledger says ' || due || ' due, ' || "
        "on_time || ' paid on time, the rollup not' FROM (SELECT * FROM b "
        "EXCEPT SELECT * FROM r) UNION ALL SELECT 'consumer #' || "
        "consumer_id || ', due ' || due_on || ': the rollup says ' || due "
        "|| ' due, ' || on_time || ' paid on time, the ledger not' FROM "
        "(SELECT * FROM r EXCEPT SELECT * FROM b)"},
    {N_("forecast history"), 1,
        "WITH b AS (SELECT due_on AS day, sum(due) AS due, sum(on_time) AS "
        "on_time FROM due_paid GROUP BY due_on HAVING sum(due) <> 0 OR "
        "sum(on_time) <> 0), r AS (SELECT day, due, on_time FROM "
        "due_paid_daily WHERE due <> 0 OR on_time <> 0) SELECT 'day ' || "
        "day || ': its consumers say ' || due || ' due, ' || on_time || ' "
        "paid on time, the day not' FROM (SELECT * FROM b EXCEPT SELECT * "
        "FROM r) UNION ALL SELECT 'day ' || day || ': the day says ' || due "
        "|| ' due, ' || on_time || ' paid on time, its consumers not' FROM "
        "(SELECT * FROM r EXCEPT SELECT * FROM b)"},
    /* each consumer's running totals by due day (due_paid_run) against
     * its days in due_paid */
    {N_("forecast history"), 1,
        "WITH b AS (SELECT consumer_id, due_on, sum(due) OVER w AS due, "
        "sum(on_time) OVER w AS on_time FROM due_paid WINDOW w AS "
        "(PARTITION BY consumer_id ORDER BY due_on ROWS UNBOUNDED "
        "PRECEDING)), r AS (SELECT consumer_id, due_on, due, on_time FROM "
        "due_paid_run) SELECT 'consumer #' || consumer_id || ', to ' || "
        "due_on || ': its days say ' || due || ' due, ' || on_time || ' "
        "paid on time, the running total not' FROM (SELECT * FROM b EXCEPT "
        "SELECT * FROM r) UNION ALL SELECT 'consumer #' || consumer_id || "
        "', to ' || due_on || ': the running total says ' || due || ' due, "
        "' || on_time || ' paid on time, its days not' FROM (SELECT * FROM "
        "r EXCEPT SELECT * FROM b)"},
    /* the forecast's weeks (schema.c's paid_by_day): what the payments
     * that count paid of each consumer's items due on a day, by the day
     * paid, against the allocations (every one netted: store_mig_87) */
    {N_("forecast weeks"), 1,
        "WITH b AS (SELECT i.due_on, i.consumer_id, p.paid_on, "
        "sum(a.amount) AS paid FROM allocations a JOIN payments p ON p.id "
        "= a.payment_id AND p.status IN ('Posted', 'Pending') JOIN items i "
        "ON i.id = a.item_id GROUP BY i.due_on, "
        "i.consumer_id, p.paid_on), r AS (SELECT due_on, consumer_id, "
        "paid_on, paid FROM paid_by_day) SELECT 'consumer #' || "
        "consumer_id || ', due ' || due_on || ', paid ' || paid_on || ': "
        "the ledger says ' || paid || ' paid, the rollup not' FROM (SELECT "
        "* FROM b EXCEPT SELECT * FROM r) UNION ALL SELECT 'consumer #' || "
        "consumer_id || ', due ' || due_on || ', paid ' || paid_on || ': "
        "the rollup says ' || paid || ' paid, the ledger not' FROM (SELECT "
        "* FROM r EXCEPT SELECT * FROM b)"},
    /* the deteriorating payers' aging (schema.c's item_late): each item
     * whose last Posted payment came after a month end it fell due
     * before, with that payment's date, against the allocations */
    {N_("late items"), 1,
        "WITH b AS (SELECT i.id, i.consumer_id, i.due_on, max(p.paid_on) "
        "AS done FROM items i JOIN allocations a ON a.item_id = i.id AND " PAYS(
            "a") " JOIN payments p ON p.id = "
                 "a.payment_id AND p.status = 'Posted' GROUP BY i.id HAVING "
                 "max(p.paid_on) > date(i.due_on, '+1 day', 'start of month', "
                 "'+1 month', '-1 day')), r AS (SELECT item_id, consumer_id, "
                 "due_on, done FROM item_late) SELECT 'item #' || id || ', due "
                 "' || "
                 "due_on || ': the ledger says last paid ' || done || ', the "
                 "rollup "
                 "not' FROM (SELECT * FROM b EXCEPT SELECT * FROM r) UNION ALL "
                 "SELECT 'item #' || item_id || ', due ' || due_on || ': the "
                 "rollup "
                 "says last paid ' || done || ', the ledger not' FROM (SELECT "
                 "* FROM "
                 "r EXCEPT SELECT * FROM b)"},
    /* the filtered dashboards' running totals (schema.c's pay_team_facts,
     * alloc_team_facts, due_segment) against the payments, their
     * allocations and the items, both ways (a row of nothing left by a
     * change that took its last part away is none) */
    {N_("dashboard totals"), 1,
        "WITH b AS (SELECT p.paid_on, p.terminal, p.branch, p.method, "
        "p.channel, coalesce(p.user_id, 0) AS user_id, c.segment, " FACTS_TEAM
        " AS team, sum(p.amount) AS amount, count(*) AS n FROM "
        "payments p JOIN consumers c ON c.id = p.consumer_id "
        "WHERE p.status = 'Posted' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8), r AS "
        "(SELECT paid_on, terminal, branch, method, channel, user_id, "
        "segment, team, amount, n FROM pay_team_facts WHERE amount <> 0 OR n "
        "<> "
        "0) SELECT 'paid ' || x.paid_on || ' at ' || x.terminal || ', ' || "
        "x.method || ', ' || x.channel || ', user #' || x.user_id || ', "
        "segment \"' || x.segment || '\", team \"' || x.team || '\": the ' "
        "|| x.side || ' says ' || "
        "x.amount || ' in ' || x.n || ', the other not' FROM (SELECT "
        "'ledger' AS side, * FROM (SELECT * FROM b EXCEPT SELECT * FROM r) "
        "UNION ALL SELECT 'rollup', * FROM (SELECT * FROM r EXCEPT SELECT * "
        "FROM b)) x"},
    {N_("dashboard totals"), 1,
        "WITH b AS (SELECT i.due_on, p.paid_on, p.terminal, p.branch, "
        "p.method, p.channel, coalesce(p.user_id, 0) AS user_id, "
        "c.segment, " FACTS_TEAM " AS team, sum(a.amount) AS paid, sum(" PAYS(
            "a") ") "
                 "AS n, sum(CASE WHEN " PAYS(
                     "a") " THEN "
                          "max(0, CAST(julianday(p.paid_on) - "
                          "julianday(i.issued_on) AS "
                          "INTEGER)) ELSE 0 END) AS days FROM allocations a "
                          "JOIN payments p "
                          "ON p.id = a.payment_id AND p.status = 'Posted' JOIN "
                          "items i ON "
                          "i.id = a.item_id JOIN consumers c ON c.id = "
                          "p.consumer_id GROUP BY "
                          "1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING paid <> 0 OR n <> "
                          "0 "
                          "OR days <> 0), "
                          "r AS (SELECT due_on, paid_on, terminal, branch, "
                          "method, channel, "
                          "user_id, segment, team, paid, n, days FROM "
                          "alloc_team_facts "
                          "WHERE paid <> 0 "
                          "OR n <> 0 OR days <> 0) SELECT 'due ' || x.due_on "
                          "|| ', paid ' || "
                          "x.paid_on || ' at ' || x.terminal || ', ' || "
                          "x.method || ', ' || "
                          "x.channel || ', user #' || x.user_id || ', segment "
                          "\"' || "
                          "x.segment || '\", team \"' || x.team || '\": the ' "
                          "|| "
                          "x.side || ' says ' || x.paid || ' paid "
                          "by ' || x.n || ' allocations (' || x.days || ' "
                          "days), the other "
                          "not' FROM (SELECT 'ledger' AS side, * FROM (SELECT "
                          "* FROM b EXCEPT "
                          "SELECT * FROM r) UNION ALL SELECT 'rollup', * FROM "
                          "(SELECT * FROM "
                          "r EXCEPT SELECT * FROM b)) x"},
    {N_("dashboard totals"), 1,
        "WITH b AS (SELECT i.due_on, c.segment, sum(i.amount - (SELECT "
        "coalesce(sum(m.amount), 0) FROM arrangement_moves m WHERE "
        "m.item_id = i.id)) AS due FROM items i JOIN consumers c ON c.id = "
        "i.consumer_id GROUP BY 1, 2 HAVING due <> 0), r AS (SELECT due_on, "
        "segment, due FROM due_segment WHERE due <> 0) SELECT 'due ' || "
        "x.due_on || ', segment \"' || x.segment || '\": the ' || x.side "
        "|| ' says ' || x.due || ' due, the other not' FROM (SELECT "
        "'ledger' AS side, * FROM (SELECT * FROM b EXCEPT SELECT * FROM r) "
        "UNION ALL SELECT 'rollup', * FROM (SELECT * FROM r EXCEPT SELECT * "
        "FROM b)) x"},
    /* the Outstanding's open items (schema.c's open_due) against the
     * items, both ways */
    {N_("dashboard totals"), 1,
        "WITH b AS (SELECT i.due_on, c.segment, i.arr_event IS NOT NULL AS "
        "arranged, sum(i.amount - i.settled) AS open, count(*) AS n FROM "
        "items i JOIN consumers c ON c.id = i.consumer_id WHERE i.settled "
        "< i.amount GROUP BY 1, 2, 3), r AS (SELECT due_on, segment, "
        "arranged, open, n FROM open_due WHERE open <> 0 OR n <> 0) SELECT "
        "'open items due ' || x.due_on || ', segment \"' || x.segment || "
        "'\"' || CASE WHEN x.arranged THEN ', arranged' ELSE '' END || "
        "': the ' || x.side || ' says ' || x.open || ' open in ' || x.n || "
        "' items, the other not' FROM (SELECT 'ledger' AS side, * FROM "
        "(SELECT * FROM b EXCEPT SELECT * FROM r) UNION ALL SELECT "
        "'rollup', * FROM (SELECT * FROM r EXCEPT SELECT * FROM b)) x"},
    /* a terminal's: a central node's own payments (of gateway
     * payments) reach the terminals by its feed, not an outbox, and
     * one it neither received nor posted has no audit entry (below) */
    {N_("outbox"), 3,
        "SELECT 'payment ' || p.payment_no || ' has no sync "
        "outbox record' FROM payments p WHERE NOT EXISTS (SELECT 1 FROM "
        "outbox o WHERE o.kind = 'payment' AND o.uuid = p.uuid) AND "
        "p.uuid NOT IN (SELECT uuid FROM received)"},
    {N_("audit"), 0,
        "SELECT 'payment ' || p.payment_no || ' has no audit "
        "entry' FROM payments p WHERE NOT EXISTS (SELECT 1 FROM audit_log "
        "l WHERE l.entity = 'payment' AND l.ref = p.payment_no) AND "
        "p.uuid NOT IN (SELECT uuid FROM received)"},
    /* a plan's installments owe (or were paid) what it holds of the
     * items it took over: amounts less what events moved of them, the
     * items' moves by its events (issue 21 review, point 1) */
    {N_("arrangements"), 0,
        "SELECT 'arrangement ' || plan_no || ': its installments come to "
        "' || inst || ' but it holds ' || held || ' of the items it took "
        "over' FROM (SELECT p.plan_no, (SELECT coalesce(sum(i.amount - "
        "(SELECT coalesce(sum(m.amount), 0) FROM arrangement_moves m WHERE "
        "m.item_id = i.id)), 0) FROM items i WHERE i.plan_id = a.plan_id) "
        "AS inst, (SELECT coalesce(sum(m.amount), 0) FROM arrangement_moves "
        "m JOIN arrangement_events e ON e.id = m.event_id JOIN items i ON "
        "i.id = m.item_id WHERE e.arrangement_id = a.id AND i.plan_id IS "
        "NOT a.plan_id) AS held FROM arrangements a JOIN plans p ON p.id = "
        "a.plan_id) AS plan_held WHERE inst <> held"},
    /* a change of a plan pulled from the central node and refused here:
     * the plan here is not the central node's */
    {N_("arrangements"), 0,
        "SELECT 'arrangement ' || ref || ': a change pulled from the "
        "central node was refused here, so this terminal''s plan is not "
        "the central node''s (' || reason || ')' FROM pull_quarantine "
        "WHERE kind = 'arrangement'"},
};

int
store_doctor(struct store *st, problem_cb cb, void *arg, struct pd_err *err)
{
	struct db_stmt *s;
	size_t i;
	int rc, problems = 0;
	char line[1024], found[900];
	int64_t n;
	struct pd_err chain;
	int pg = db_is_pg(st->db);
	/* a PostgreSQL store is a central node's: no rollups */
	int rollups =
	    !pg &&
	    st_count(st, "SELECT count(*) FROM sqlite_master WHERE "
	                 "type = 'trigger' AND name = 'rollup_post'") > 0;
	int central =
	    pg || st_count(st, "SELECT count(*) FROM sqlite_master WHERE "
	                       "type = 'table' AND name = "
	                       "'gateway_payments'") > 0;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if ((checks[i].only == 1 && !rollups) ||
		    (checks[i].only == 2 && pg) ||
		    (checks[i].only == 3 && central))
			continue;
		if (db_prepare_v2(st->db, checks[i].sql, -1, &s, NULL) != DB_OK)
			return st_fail(st, err, _(checks[i].what));
		while ((rc = db_step(s)) == DB_ROW) {
			/* a stored reason quoted in it is said in the
			 * reader's language (say.h) */
			say_render(found, sizeof found,
			    (const char *)db_column_text(s, 0));
			snprintf(line, sizeof line, "%s: %s", _(checks[i].what),
			    found);
			if (cb != NULL)
				cb(line, arg);
			problems++;
		}
		db_finalize(s);
		if (rc != DB_DONE)
			return st_fail(st, err, _(checks[i].what));
	}
	/* the consumer search index agrees with the consumers (rank 1:
	 * against the content table), and no bulk load was left open (a
	 * PostgreSQL store has no search index) */
	if (!pg && (db_exec(st->db,
	                "INSERT INTO consumers_fts (consumers_fts, rank) "
	                "VALUES ('integrity-check', 1); "
	                "INSERT INTO consumers_words (consumers_words, rank) "
	                "VALUES ('integrity-check', 1)",
	                NULL, NULL, NULL) != DB_OK ||
	               st_count(st, "SELECT count(*) FROM fts_defer") != 0)) {
		snprintf(line, sizeof line,
		    _("search index: does not match the consumers (%s)"),
		    db_errmsg(st->db));
		if (cb != NULL)
			cb(line, arg);
		problems++;
	}
	rc = seal_check(st, cb, arg, err);
	if (rc < 0)
		return -1;
	problems += rc;
	if (store_audit_verify(st, &n, &chain) != 0) {
		if (chain.code != PD_ESTORE)
			return pd_fail(err, chain.code, "%s", chain.msg);
		snprintf(line, sizeof line, _("audit chain: %s"), chain.msg);
		if (cb != NULL)
			cb(line, arg);
		problems++;
	}
	return problems;
}
