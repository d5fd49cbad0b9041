/* schema_m85.c - what a payment pays as it stands, in the rollups and
 * the forecast's history; the other terminals' branches
 *
 * Migrations 85 on of store_migrations[] (schema.c), each the text of
 * one version: never edit one that has shipped. */
#include "internal.h"
#include "schema_sql.h"

/* SQL text joined with its macros, a statement's parts a line each, as
 * the migration reads: not formatted */
/* clang-format off */

/* the payments to recount: those with an allocation that reverses or
 * carries (the only ones whose first allocations and what they pay as
 * they stand differ), the items they allocated to, and their days */
#define MOVED_PAYMENTS                                                         \
	"(SELECT payment_id FROM allocations WHERE reverses IS NOT NULL)"
#define MOVED_ITEMS                                                            \
	"(SELECT item_id FROM allocations WHERE payment_id IN " MOVED_PAYMENTS \
	")"
#define MOVED_DAYS                                                             \
	"(SELECT paid_on FROM payments WHERE id IN " MOVED_PAYMENTS ")"
/* not in a central node's store (its sync_origin): it keeps none of
 * these rollups (schema_central.c drops this migration's triggers) */
#define TERMINAL                                                               \
	"NOT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sync_origin')"
/* what each trigger counts with: the days from the item's issue to the
 * payment, for the items NEW pays */
#define DAYS_PAID_BY(sign)                                                     \
	" alloc_days = alloc_days " sign " (" ALLOC_DAYS_BY(PAYS("a")) "),"    \
	" allocs = allocs " sign " (" ALLOC_COUNT_BY(PAYS("a")) ") WHERE day"  \
	" = NEW.paid_on;"
#define POSTED_OR_NOT "(CASE WHEN NEW.status = 'Posted' THEN 1 ELSE -1 END)"
/* the team payment p was taken for, as payment_teams has it ("" none) */
#define TEAM_OF_P                                                              \
	"coalesce((SELECT t.team FROM payment_teams t WHERE t.payment_id ="    \
	" p.id), '')"
/* schema_sql.h's FACTS_PAY and FACTS_ALLOC_BY with the facts' team
 * (migration 94): team an expression over the payment p */
#define FACTS_PAY_T(sign, seg, team, cond)                                     \
	" INSERT INTO pay_team_facts (paid_on, terminal, branch, method, channel,"  \
	" user_id, segment, team, amount, n) SELECT p.paid_on, p.terminal,"    \
	" p.branch, p.method, p.channel, coalesce(p.user_id, 0), " seg ", "   \
	team ", " sign " * sum(p.amount), " sign " * count(*) FROM payments"   \
	" p JOIN consumers c ON c.id = p.consumer_id WHERE " cond " GROUP BY"  \
	" 1, 2, 3, 4, 5, 6, 7, 8 ON CONFLICT (paid_on, terminal, branch,"      \
	" method, channel, user_id, segment, team) DO UPDATE SET amount ="     \
	" amount + excluded.amount, n = n + excluded.n;"
#define FACTS_ALLOC_BY_T(pays, sign, seg, team, due, issued, cond)             \
	" INSERT INTO alloc_team_facts (due_on, paid_on, terminal, branch, method," \
	" channel, user_id, segment, team, paid, n, days) SELECT " due ","     \
	" p.paid_on, p.terminal, p.branch, p.method, p.channel,"               \
	" coalesce(p.user_id, 0), " seg ", " team ", " sign " * sum(a.amount)," \
	" " sign " * sum(" pays "), " sign " * sum(CASE"                       \
	" WHEN " pays " THEN max(0,"                                           \
	" CAST(julianday(p.paid_on) - julianday(" issued ") AS INTEGER))"      \
	" ELSE 0 END) FROM allocations a JOIN payments p ON p.id ="            \
	" a.payment_id JOIN items i ON i.id = a.item_id JOIN consumers c ON"   \
	" c.id = p.consumer_id WHERE " cond " GROUP BY 1, 2, 3, 4, 5, 6, 7,"  \
	" 8, 9 ON CONFLICT (due_on, paid_on, terminal, branch, method,"        \
	" channel, user_id, segment, team) DO UPDATE SET paid = paid +"        \
	" excluded.paid, n = n + excluded.n, days = days + excluded.days;"
#define FACTS_PAYS_T(sign, seg, team, cond)                                    \
	FACTS_ALLOC_BY_T(PAYS("a"), sign, seg, team, "i.due_on", "i.issued_on", \
	    cond)


/* 85. The Average Collection Time, the days to pay and the late items
 * count what each payment pays as it stands (schema_sql.h's PAYS): one
 * per item it pays, its allocations to that item netted (review R21,
 * helper-240's fault 2). They counted a payment's first allocations,
 * so a payment taken into an installment of a change the central node
 * refused, and carried to the plan's bill at its terminal, counted the
 * undone installment there (0 days) and the bill at every other
 * terminal (153 days): the dashboard read 0.0 days at one and 153.0 at
 * the other. An allocation now adds one where its payment comes to pay
 * its item (NET_STEP 1) and takes one away where it no longer does (-1);
 * a payment Posted or no longer, an item's days or a consumer's segment
 * changed count what the payments pay. The allocations by payment and
 * item, with their amounts (PAYS and NET_STEP read them there, no
 * row), under the index's name (the same entries as before). The
 * payments whose allocations reversed or carried are counted again in
 * daily_totals, alloc_facts, pay_days and item_late (the others count
 * the same either way). Run again (schema.c), it makes the same
 * triggers and counts the same again; in a central node's store it
 * fills nothing, and schema_central.c drops the triggers. */
const char store_mig_85[] =
    "DROP INDEX IF EXISTS allocations_payment;\n"
    "CREATE INDEX allocations_payment ON allocations (payment_id, item_id,"
    " amount);\n"
    /* the organisation's Average Collection Time (reports.c) */
    "DROP TRIGGER IF EXISTS rollup_verify;\n"
    "DROP TRIGGER IF EXISTS rollup_unpost;\n"
    "DROP TRIGGER IF EXISTS rollup_alloc;\n"
    "CREATE TRIGGER rollup_verify AFTER UPDATE OF status ON payments"
    " WHEN NEW.status = 'Posted' AND OLD.status <> 'Posted' BEGIN"
    ROLLUP_ADD
    " UPDATE daily_totals SET" DAYS_PAID_BY("+")
    " END;\n"
    "CREATE TRIGGER rollup_unpost AFTER UPDATE OF status ON payments"
    " WHEN OLD.status = 'Posted' AND NEW.status <> 'Posted' BEGIN"
    " UPDATE daily_totals SET collected = collected - NEW.amount,"
    " payments = payments - 1," DAYS_PAID_BY("-")
    " UPDATE payer_totals SET total = total - NEW.amount,"
    " payments = payments - 1, last_paid = coalesce((SELECT max(paid_on)"
    " FROM payments WHERE consumer_id = NEW.consumer_id AND"
    " status = 'Posted'), '') WHERE consumer_id = NEW.consumer_id;"
    " UPDATE payer_method_totals SET total = total - NEW.amount"
    " WHERE consumer_id = NEW.consumer_id AND method = NEW.method;"
    " END;\n"
    "CREATE TRIGGER rollup_alloc AFTER INSERT ON allocations"
    " WHEN (SELECT status FROM payments WHERE id = NEW.payment_id) ="
    " 'Posted' AND " NET_STEP " <> 0 BEGIN"
    " UPDATE daily_totals SET allocs = allocs + " NET_STEP ","
    " alloc_days = alloc_days + " NET_STEP " * (SELECT max(0,"
    " CAST(julianday(p.paid_on) - julianday(i.issued_on) AS INTEGER))"
    " FROM payments p, items i WHERE p.id = NEW.payment_id AND i.id ="
    " NEW.item_id) WHERE day = (SELECT paid_on FROM payments WHERE id ="
    " NEW.payment_id);"
    " END;\n"
    "UPDATE daily_totals SET (alloc_days, allocs) = (SELECT"
    " coalesce(sum(max(0, CAST(julianday(p.paid_on) - julianday(i.issued_on)"
    " AS INTEGER))), 0), count(*) FROM payments p JOIN allocations a ON"
    " a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE"
    " p.paid_on = daily_totals.day AND p.status = 'Posted' AND "
    PAYS("a") ") WHERE day IN " MOVED_DAYS " AND " TERMINAL ";\n"
    /* the filtered dashboards' (facts.c) */
    "DROP TRIGGER IF EXISTS facts_status;\n"
    "DROP TRIGGER IF EXISTS facts_alloc;\n"
    "DROP TRIGGER IF EXISTS facts_item_days;\n"
    "DROP TRIGGER IF EXISTS facts_segment;\n"
    "CREATE TRIGGER facts_status AFTER UPDATE OF status ON payments WHEN"
    " (OLD.status = 'Posted') <> (NEW.status = 'Posted') BEGIN"
    FACTS_PAY(POSTED_OR_NOT, "c.segment", "p.id = NEW.id")
    FACTS_PAYS(POSTED_OR_NOT, "c.segment", "a.payment_id = NEW.id")
    " END;\n"
    "CREATE TRIGGER facts_alloc AFTER INSERT ON allocations BEGIN"
    " INSERT INTO alloc_facts (due_on, paid_on, terminal, branch, method,"
    " channel, user_id, segment, paid, n, days) SELECT i.due_on, p.paid_on,"
    " p.terminal, p.branch, p.method, p.channel, coalesce(p.user_id, 0),"
    " c.segment, NEW.amount, d.n, d.n * max(0, CAST(julianday(p.paid_on) -"
    " julianday(i.issued_on) AS INTEGER)) FROM payments p, items i,"
    " consumers c, (SELECT " NET_STEP " AS n) d WHERE p.id ="
    " NEW.payment_id AND p.status = 'Posted' AND i.id = NEW.item_id AND"
    " c.id = p.consumer_id ON CONFLICT (due_on, paid_on, terminal, branch,"
    " method, channel, user_id, segment) DO UPDATE SET paid = paid +"
    " excluded.paid, n = n + excluded.n, days = days + excluded.days;"
    " END;\n"
    "CREATE TRIGGER facts_item_days AFTER UPDATE OF due_on, issued_on ON"
    " items WHEN NEW.due_on IS NOT OLD.due_on OR NEW.issued_on IS NOT"
    " OLD.issued_on BEGIN"
    FACTS_ALLOC_BY(PAYS("a"), "-1", "c.segment", "OLD.due_on",
        "OLD.issued_on", "a.item_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAYS("1", "c.segment", "a.item_id = NEW.id AND p.status = 'Posted'")
    " END;\n"
    "CREATE TRIGGER facts_segment AFTER UPDATE OF segment ON consumers"
    " WHEN NEW.segment IS NOT OLD.segment BEGIN"
    FACTS_PAY("-1", "OLD.segment", "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAY("1", "c.segment", "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAYS("-1", "OLD.segment", "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAYS("1", "c.segment", "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_DUE_AT("-1", "OLD.segment", "i.due_on", "i.amount", "i.consumer_id = NEW.id")
    FACTS_DUE_AT("1", "c.segment", "i.due_on", "i.amount", "i.consumer_id = NEW.id")
    " END;\n"
    "DELETE FROM alloc_facts WHERE paid_on IN " MOVED_DAYS ";\n"
    FACTS_PAYS("1", "c.segment", "p.status = 'Posted' AND p.paid_on IN "
        MOVED_DAYS " AND " TERMINAL) "\n"
    /* the deteriorating payers' days to pay (behaviour.c): a payment
     * that comes to pay an item may pay an older one; one that no
     * longer pays one is counted again, or no longer at all */
    "DROP TRIGGER IF EXISTS pay_days_alloc;\n"
    "DROP TRIGGER IF EXISTS pay_days_unalloc;\n"
    "DROP TRIGGER IF EXISTS pay_days_post;\n"
    "DROP TRIGGER IF EXISTS pay_days_item;\n"
    "CREATE TRIGGER pay_days_alloc AFTER INSERT ON allocations"
    " WHEN NEW.amount > 0 BEGIN"
    PAY_DAYS_BY(PAYS("a"), "p.id = NEW.payment_id")
    " END;\n"
    "CREATE TRIGGER pay_days_unalloc AFTER INSERT ON allocations"
    " WHEN NEW.amount < 0 AND " NET_STEP " < 0 BEGIN"
    " DELETE FROM pay_days WHERE (consumer_id, paid_on, payment_id) IN"
    " (SELECT consumer_id, paid_on, id FROM payments WHERE id ="
    " NEW.payment_id);"
    PAY_DAYS_BY(PAYS("a"), "p.id = NEW.payment_id")
    " END;\n"
    "CREATE TRIGGER pay_days_post AFTER UPDATE OF status ON payments"
    " WHEN NEW.status = 'Posted' AND OLD.status <> 'Posted' BEGIN"
    PAY_DAYS_BY(PAYS("a"), "p.id = NEW.id")
    " END;\n"
    "CREATE TRIGGER pay_days_item AFTER UPDATE OF due_on ON items"
    " WHEN NEW.due_on IS NOT OLD.due_on BEGIN"
    PAY_DAYS_BY(PAYS("a"), "p.id IN (SELECT payment_id FROM allocations WHERE item_id = NEW.id)")
    " END;\n"
    "DELETE FROM pay_days WHERE payment_id IN " MOVED_PAYMENTS ";\n"
    PAY_DAYS_BY(PAYS("a"), "p.id IN " MOVED_PAYMENTS " AND " TERMINAL) "\n"
    /* the deteriorating payers' aging: a payment that comes to pay an
     * item adds its day, as before; one that no longer pays it counts
     * the item again */
    "DROP TRIGGER IF EXISTS item_late_alloc;\n"
    "DROP TRIGGER IF EXISTS item_late_unalloc;\n"
    "DROP TRIGGER IF EXISTS item_late_status;\n"
    "DROP TRIGGER IF EXISTS item_late_item;\n"
    "CREATE TRIGGER item_late_alloc AFTER INSERT ON allocations"
    " WHEN NEW.amount > 0 BEGIN"
    " INSERT INTO item_late (item_id, consumer_id, due_on, done) SELECT"
    " i.id, i.consumer_id, i.due_on, p.paid_on FROM items i, payments p"
    " WHERE i.id = NEW.item_id AND p.id = NEW.payment_id AND p.status ="
    " 'Posted' AND p.paid_on > date(i.due_on, '+1 day', 'start of month',"
    " '+1 month', '-1 day') ON CONFLICT (item_id) DO UPDATE SET done ="
    " max(done, excluded.done); END;\n"
    "CREATE TRIGGER item_late_unalloc AFTER INSERT ON allocations"
    " WHEN NEW.amount < 0 AND " NET_STEP " < 0 BEGIN"
    ITEM_LATE_BY(PAYS("a"), "item_id = NEW.item_id", "i.id = NEW.item_id")
    " END;\n"
    "CREATE TRIGGER item_late_status AFTER UPDATE OF status ON payments"
    " WHEN (OLD.status = 'Posted') <> (NEW.status = 'Posted') BEGIN"
    ITEM_LATE_BY(PAYS("a"),
        "item_id IN (SELECT item_id FROM allocations WHERE payment_id = NEW.id)",
        "i.id IN (SELECT item_id FROM allocations WHERE payment_id = NEW.id)")
    " END;\n"
    "CREATE TRIGGER item_late_item AFTER UPDATE OF consumer_id, due_on ON"
    " items BEGIN"
    ITEM_LATE_BY(PAYS("a"), "item_id = NEW.id", "i.id = NEW.id")
    " END;\n"
    ITEM_LATE_BY(PAYS("a"), "item_id IN " MOVED_ITEMS,
        "i.id IN " MOVED_ITEMS " AND " TERMINAL) "\n";

/* 86. The branch of each other terminal, as the central node's
 * directory has it (helper-239 and -240 of issue 21: a plan made at a
 * terminal that had taken no payment was in no branch's list, a
 * terminal's branch being known only from its payments). Every record
 * pulled that a terminal made carries its branch (the central node
 * fills it from its directory, sync_feed.c); the pull notes it here
 * (sync_pull.c), and a row's branch is read here first, then from a
 * payment of its terminal (row_scope.c, store_terminal_branch). A central
 * node's store keeps it empty. Run again, it changes nothing. */
const char store_mig_86[] =
    "CREATE TABLE IF NOT EXISTS terminal_branches (terminal TEXT PRIMARY"
    " KEY, branch TEXT NOT NULL) WITHOUT ROWID;\n";

/* the consumers' due days of the items an allocation that reverses or
 * carries went to (the only days whose first allocations and what is
 * paid as it stands differ), for migration 87's recount */
#define NETTED_DAYS                                                            \
	"(SELECT j.consumer_id, j.due_on FROM allocations x JOIN items j ON"   \
	" j.id = x.item_id WHERE x.reverses IS NOT NULL)"

/* 87. The forecast's history and weeks (due_paid, paid_by_day) count
 * what the payments pay as they stand (PAID_ON_TIME_NET): a reversal
 * takes off what its allocation paid, and a carry adds to the item it
 * went to. They counted a payment's first allocations, so a payment
 * taken into an installment of a change the central node refused, and
 * carried off it at its terminal, counted as paid on time of the undone
 * installment there and of the item it went to nowhere, while every
 * other node counted it of that item: a consumer's paying on time, and
 * the forecast weighted by it, differed between terminals (s63's open
 * point, as migration 85 for the collection time). The triggers that
 * count again (an item added or changed, a payment that
 * counts or no longer) count that way; an allocation adds its amount,
 * a reversal's negative, to what its day has. The days of the items an
 * allocation reversed or carried to are counted again (the others count
 * the same either way): due_paid_daily and due_paid_run follow by their
 * triggers. Run again (schema.c), it makes the same triggers and counts
 * the same again; a central node's store fills nothing, and
 * schema_central.c drops the triggers. */
const char store_mig_87[] =
    FORECAST_TRIGGERS_DROP
    "CREATE TRIGGER due_paid_item AFTER INSERT ON items BEGIN"
    DUE_PAID_NET_OF("consumer_id = NEW.consumer_id AND due_on = NEW.due_on",
        SAME_DAY("NEW.consumer_id", "NEW.due_on")) " END;\n"
    "CREATE TRIGGER due_paid_item_upd AFTER UPDATE OF consumer_id, amount,"
    " due_on ON items BEGIN"
    DUE_PAID_NET_OF("consumer_id = OLD.consumer_id AND due_on = OLD.due_on",
        SAME_DAY("OLD.consumer_id", "OLD.due_on"))
    DUE_PAID_NET_OF("consumer_id = NEW.consumer_id AND due_on = NEW.due_on",
        SAME_DAY("NEW.consumer_id", "NEW.due_on")) " END;\n"
    "CREATE TRIGGER due_paid_alloc AFTER INSERT ON allocations BEGIN"
    " UPDATE due_paid SET on_time = on_time + NEW.amount WHERE"
    " (consumer_id, due_on) = (SELECT i.consumer_id, i.due_on FROM items i,"
    " payments p WHERE i.id = NEW.item_id AND p.id = NEW.payment_id AND"
    " p.status IN ('Posted', 'Pending') AND p.paid_on <= i.due_on);"
    " UPDATE due_paid_daily SET on_time = on_time + NEW.amount WHERE day ="
    " (SELECT i.due_on FROM items i, payments p WHERE i.id = NEW.item_id"
    " AND p.id = NEW.payment_id AND p.status IN ('Posted', 'Pending') AND"
    " p.paid_on <= i.due_on); END;\n"
    "CREATE TRIGGER due_paid_status AFTER UPDATE OF status ON payments"
    " WHEN (OLD.status IN ('Posted', 'Pending')) <> (NEW.status IN"
    " ('Posted', 'Pending')) BEGIN"
    DUE_PAID_NET_OF("(consumer_id, due_on) IN " DUE_PAID_PAYMENT,
        SAME_DAY_PAYMENT) " END;\n"
    "CREATE TRIGGER paid_by_day_item AFTER UPDATE OF consumer_id, due_on"
    " ON items BEGIN"
    PAID_BY_DAY_NET_OF("due_on = OLD.due_on AND consumer_id = OLD.consumer_id",
        SAME_DAY("OLD.consumer_id", "OLD.due_on"))
    PAID_BY_DAY_NET_OF("due_on = NEW.due_on AND consumer_id = NEW.consumer_id",
        SAME_DAY("NEW.consumer_id", "NEW.due_on")) " END;\n"
    "CREATE TRIGGER paid_by_day_alloc AFTER INSERT ON allocations BEGIN"
    " INSERT INTO paid_by_day (due_on, consumer_id, paid_on, paid) SELECT"
    " i.due_on, i.consumer_id, p.paid_on, NEW.amount FROM items i,"
    " payments p WHERE i.id = NEW.item_id AND p.id = NEW.payment_id AND"
    " p.status IN ('Posted', 'Pending') ON CONFLICT (due_on, consumer_id,"
    " paid_on) DO UPDATE SET paid = paid + excluded.paid; END;\n"
    "CREATE TRIGGER paid_by_day_status AFTER UPDATE OF status ON payments"
    " WHEN (OLD.status IN ('Posted', 'Pending')) <> (NEW.status IN"
    " ('Posted', 'Pending')) BEGIN"
    PAID_BY_DAY_NET_OF("(due_on, consumer_id) IN " PAID_BY_DAY_PAYMENT,
        SAME_DAY_PAYMENT) " END;\n"
    DUE_PAID_NET_OF("(consumer_id, due_on) IN " NETTED_DAYS,
        "(i.consumer_id, i.due_on) IN " NETTED_DAYS " AND " TERMINAL) "\n"
    PAID_BY_DAY_NET_OF("(consumer_id, due_on) IN " NETTED_DAYS,
        "(i.consumer_id, i.due_on) IN " NETTED_DAYS " AND " TERMINAL) "\n";

/* 88. An arrangement's alerts (issue 21): making, rescheduling or
 * cancelling a plan, or a payment of its consumer, reads again the
 * arrangement rules' alerts still open of the consumer's plans
 * (store_alerts_open_arr), and read every open alert of the store to
 * find them, alerts_status being of two statuses: 29 of 33 ms of a plan
 * made on the 10M bench store, 145,000 alerts open. By this index it
 * reads its plans' own, a handful. Of the alerts of an arrangement
 * alone: with the others' NULLs in it, the statistics (PRAGMA optimize,
 * store_stats_keep) gave it one value over all the alerts, and the
 * planner read them all again. */
const char store_mig_88[] =
    "CREATE INDEX IF NOT EXISTS alerts_arrangement ON alerts"
    " (arrangement_id) WHERE arrangement_id IS NOT NULL;\n";

/* 89. The allocation rules proportional and priority (issue 21: "oldest
 * due first, proportional, or by item priority"), and a split that paid
 * an arrangement's installments before what was not overdue, named with
 * "+" ("An arrangement's installments are paid before anything else
 * that is not overdue (configurable)"; alloc.h): the CHECK of
 * payments.alloc_rule widened in place, as migration 48 widened
 * payments.type's (it only accepts more; no row changes, so no seal
 * does). Run again, it finds nothing to replace. */
const char store_mig_89[] =
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, '''largest'', ''hand''))',"
    " '''largest'', ''hand'', ''proportional'', ''priority'', ''oldest+'',"
    " ''proportional+'', ''priority+'', ''bills+'', ''largest+''))') WHERE"
    " type = 'table' AND name = 'payments';\n"
    "PRAGMA writable_schema = RESET;\n";

/* 90. The payout that paid a gateway payment out (issue 20,
 * "Reconciliation": a gateway pays out one bank credit for several
 * settled payments, less their fees, naming the payout in its
 * reference; the matching rule payout): a terminal's pulled gateway
 * payments' (gw_payments) and a central node's (gateway_payments), each
 * payment's payout as the settlement file named it, kept only where
 * there is one. A table of their own rather than a column, so that the
 * migration runs again as it is (schema.c). Run twice, it changes
 * nothing. */
const char store_mig_90[] =
    "CREATE TABLE IF NOT EXISTS gw_payouts (gw_id INTEGER PRIMARY KEY"
    " REFERENCES gw_payments (id), payout TEXT NOT NULL CHECK"
    " (length(payout) BETWEEN 1 AND 63));\n"
    "CREATE INDEX IF NOT EXISTS gw_payouts_payout ON gw_payouts"
    " (payout);\n"
    /* and the match of a payout, rule payout (its first payment in
     * gw_id): the CHECK of statement_matches.rule widened in place, as
     * migration 89 widened payments.alloc_rule's; run again, it finds
     * nothing to replace */
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, '''card'', ''transfer''))"
    ", note', '''card'', ''transfer'', ''payout'')), note') WHERE type ="
    " 'table' AND name = 'statement_matches';\n"
    "PRAGMA writable_schema = RESET;\n";

/* 91. A deposit prepared, then handed to the bank (issue 20, "prints a
 * deposit slip, and marks it handed to the bank"): deposit create makes
 * a deposit whose slip can be printed, deposit hand marks it handed,
 * when and by whom; only a handed deposit is matched to a statement
 * credit, and "not credited after N days" counts from the day it was
 * handed. A row of its own, at most one a deposit, append-only and
 * sealed as the deposit's lines (a central node's store drops the seal
 * triggers, schema_central.c). The deposits a store holds already were
 * handed as they were made: each gets a row of its creation's time and
 * user, sealed, the seals claimed by one audit entry at the next open
 * (db.c, seal_baseline). Those are the deposits up to the highest id the
 * first run found (meta deposits_handed_upto, kept): run again (a store
 * taken back to an earlier version), it adds nothing, and never hands a
 * deposit prepared since. */
const char store_mig_91[] =
    "CREATE TABLE IF NOT EXISTS deposit_hands (id INTEGER PRIMARY KEY,"
    " deposit_id INTEGER NOT NULL UNIQUE REFERENCES deposits (id),"
    " handed_at TEXT NOT NULL CHECK (handed_at <> ''),"
    " handed_by TEXT NOT NULL CHECK (handed_by <> ''),"
    " user_id INTEGER REFERENCES users (id));\n"
    "DROP TRIGGER IF EXISTS deposit_hands_no_delete;\n"
    "DROP TRIGGER IF EXISTS deposit_hands_no_update;\n"
    FROZEN("deposit_hands") NO_UPDATE("deposit_hands")
    "DROP TRIGGER IF EXISTS seal_deposit_hands_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_hands_upd;\n"
    SEAL_TRIGGERS("deposit_hands", SEAL_DEPOSIT_HANDS)
    "INSERT OR IGNORE INTO meta (key, value) SELECT"
    " 'deposits_handed_upto', coalesce(max(id), 0) FROM deposits;\n"
    "INSERT OR IGNORE INTO meta (key, value) SELECT 'seal_baseline',"
    " coalesce(max(id), 0) + 1 FROM seals WHERE " TERMINAL " AND EXISTS"
    " (SELECT 1 FROM deposits d WHERE d.id <= (SELECT CAST(value AS"
    " INTEGER) FROM meta WHERE key = 'deposits_handed_upto') AND NOT"
    " EXISTS (SELECT 1 FROM deposit_hands h WHERE h.deposit_id ="
    " d.id));\n"
    "INSERT INTO deposit_hands (deposit_id, handed_at, handed_by, user_id)"
    " SELECT d.id, d.created_at, d.created_by, d.user_id FROM deposits d"
    " WHERE d.id <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key ="
    " 'deposits_handed_upto') AND NOT EXISTS (SELECT 1 FROM deposit_hands"
    " h WHERE h.deposit_id = d.id) ORDER BY d.id;\n";

/* 92. The team a payment was taken for (a fresh tester's, issue 23):
 * the posting user's team when it was posted, kept with the payment and
 * carried by its record, so that a team's figures of a closed period do
 * not move with a user moved to another team later (they were found
 * through users.team at query time). A row only for a payment taken by a
 * user of a team, as payment_shifts (79); none: of no team. Append-only
 * (a central node's store keeps it as the payments). The payments a
 * store holds already get their user's team as it is now: those up to
 * the highest id the first run found (meta payments_teamed_upto, kept),
 * so that run again it adds nothing, never a team of a payment posted
 * since by a user of no team. Sealed as the payment is. */
const char store_mig_94[] =
    "CREATE TABLE IF NOT EXISTS payment_teams (id INTEGER PRIMARY KEY,"
    " payment_id INTEGER NOT NULL UNIQUE REFERENCES payments (id), team"
    " TEXT NOT NULL CHECK (team <> ''));\n"
    "DROP TRIGGER IF EXISTS payment_teams_no_delete;\n"
    "DROP TRIGGER IF EXISTS payment_teams_no_update;\n"
    FROZEN("payment_teams") NO_UPDATE("payment_teams")
    /* sealed as the payment it belongs to, as payment_shifts (79): a
     * row changed, deleted or added around paydesk is one doctor names
     * (a central node's store drops the seal triggers,
     * schema_central.c); the rows filled below sealed by the store's
     * baseline entry (db.c), as deposit_hands' (91) */
    "DROP TRIGGER IF EXISTS seal_payment_teams_ins;\n"
    "DROP TRIGGER IF EXISTS seal_payment_teams_upd;\n"
    SEAL_TRIGGERS("payment_teams", SEAL_PAYMENT_TEAMS)
    "INSERT OR IGNORE INTO meta (key, value) SELECT"
    " 'payments_teamed_upto', coalesce(max(id), 0) FROM payments;\n"
    "INSERT OR IGNORE INTO meta (key, value) SELECT 'seal_baseline',"
    " coalesce(max(id), 0) + 1 FROM seals WHERE " TERMINAL " AND EXISTS"
    " (SELECT 1 FROM payments p JOIN users u ON u.id = p.user_id WHERE"
    " coalesce(u.team, '') <> '' AND p.id <= (SELECT CAST(value AS"
    " INTEGER) FROM meta WHERE key = 'payments_teamed_upto') AND NOT"
    " EXISTS (SELECT 1 FROM payment_teams t WHERE t.payment_id = p.id));\n"
    "INSERT OR IGNORE INTO payment_teams (payment_id, team) SELECT p.id,"
    " u.team FROM payments p JOIN users u ON u.id = p.user_id WHERE"
    " coalesce(u.team, '') <> '' AND p.id <= (SELECT CAST(value AS"
    " INTEGER) FROM meta WHERE key = 'payments_teamed_upto') ORDER BY"
    " p.id;\n"
    /* the filtered dashboards' running totals keep the team each
     * payment was taken for (a fresh tester's, issue 23: a team's
     * dashboard, the totals kept by user only, was read from the
     * payments, past 150 ms at 10M): pay_facts and alloc_facts kept as
     * pay_team_facts and alloc_team_facts, with a column team, as the
     * payment's payment_teams row has it ("" none), in their key (new
     * tables: migrations 50 and 85, run again on a store taken back,
     * write the old ones, left empty here). A payment is counted under no team
     * when posted and moved to its team when its payment_teams row
     * follows (facts_team); the triggers of migrations 50 and 85 made
     * again with the team. Run again, it makes and fills them the same;
     * in a central node's store it fills nothing (schema_central.c
     * drops the triggers again) */
    "DROP TRIGGER IF EXISTS facts_pay;\n"
    "DROP TRIGGER IF EXISTS facts_status;\n"
    "DROP TRIGGER IF EXISTS facts_alloc;\n"
    "DROP TRIGGER IF EXISTS facts_item_days;\n"
    "DROP TRIGGER IF EXISTS facts_segment;\n"
    "DROP TRIGGER IF EXISTS facts_team;\n"
    "DROP INDEX IF EXISTS alloc_facts_paid;\n"
    "DELETE FROM pay_facts;\n"
    "DELETE FROM alloc_facts;\n"
    "DROP INDEX IF EXISTS alloc_team_facts_paid;\n"
    "DROP TABLE IF EXISTS pay_team_facts;\n"
    "DROP TABLE IF EXISTS alloc_team_facts;\n"
    "CREATE TABLE pay_team_facts (paid_on TEXT NOT NULL, terminal TEXT NOT"
    " NULL, branch TEXT NOT NULL, method TEXT NOT NULL, channel TEXT NOT"
    " NULL, user_id INTEGER NOT NULL, segment TEXT NOT NULL, team TEXT NOT"
    " NULL, amount INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY"
    " (paid_on, terminal, branch, method, channel, user_id, segment,"
    " team)) WITHOUT ROWID;\n"
    "CREATE TABLE alloc_team_facts (due_on TEXT NOT NULL, paid_on TEXT NOT"
    " NULL, terminal TEXT NOT NULL, branch TEXT NOT NULL, method TEXT NOT"
    " NULL, channel TEXT NOT NULL, user_id INTEGER NOT NULL, segment TEXT"
    " NOT NULL, team TEXT NOT NULL, paid INTEGER NOT NULL, n INTEGER NOT"
    " NULL, days INTEGER NOT NULL, PRIMARY KEY (due_on, paid_on, terminal,"
    " branch, method, channel, user_id, segment, team)) WITHOUT ROWID;\n"
    FACTS_PAY_T("1", "c.segment", TEAM_OF_P,
        "p.status = 'Posted' AND " TERMINAL) "\n"
    FACTS_PAYS_T("1", "c.segment", TEAM_OF_P,
        "p.status = 'Posted' AND " TERMINAL) "\n"
    "CREATE INDEX alloc_team_facts_paid ON alloc_team_facts (paid_on, terminal,"
    " branch, method, channel, user_id, segment, team, n, days);\n"
    /* a payment added: its own row, without grouping (the posting's
     * cost), of no team until its payment_teams row comes */
    "CREATE TRIGGER facts_pay AFTER INSERT ON payments WHEN NEW.status ="
    " 'Posted' BEGIN INSERT INTO pay_team_facts (paid_on, terminal, branch,"
    " method, channel, user_id, segment, team, amount, n) VALUES"
    " (NEW.paid_on, NEW.terminal, NEW.branch, NEW.method, NEW.channel,"
    " coalesce(NEW.user_id, 0), coalesce((SELECT segment FROM consumers"
    " WHERE id = NEW.consumer_id), ''), '', NEW.amount, 1) ON CONFLICT"
    " (paid_on, terminal, branch, method, channel, user_id, segment, team)"
    " DO UPDATE SET amount = amount + excluded.amount, n = n + 1; END;\n"
    "CREATE TRIGGER facts_team AFTER INSERT ON payment_teams BEGIN"
    FACTS_PAY_T("-1", "c.segment", "''",
        "p.id = NEW.payment_id AND p.status = 'Posted'")
    FACTS_PAY_T("1", "c.segment", "NEW.team",
        "p.id = NEW.payment_id AND p.status = 'Posted'")
    FACTS_PAYS_T("-1", "c.segment", "''",
        "a.payment_id = NEW.payment_id AND p.status = 'Posted'")
    FACTS_PAYS_T("1", "c.segment", "NEW.team",
        "a.payment_id = NEW.payment_id AND p.status = 'Posted'")
    " END;\n"
    "CREATE TRIGGER facts_status AFTER UPDATE OF status ON payments WHEN"
    " (OLD.status = 'Posted') <> (NEW.status = 'Posted') BEGIN"
    FACTS_PAY_T(POSTED_OR_NOT, "c.segment", TEAM_OF_P, "p.id = NEW.id")
    FACTS_PAYS_T(POSTED_OR_NOT, "c.segment", TEAM_OF_P,
        "a.payment_id = NEW.id")
    " END;\n"
    "CREATE TRIGGER facts_alloc AFTER INSERT ON allocations BEGIN"
    " INSERT INTO alloc_team_facts (due_on, paid_on, terminal, branch, method,"
    " channel, user_id, segment, team, paid, n, days) SELECT i.due_on,"
    " p.paid_on, p.terminal, p.branch, p.method, p.channel,"
    " coalesce(p.user_id, 0), c.segment, " TEAM_OF_P ", NEW.amount, d.n,"
    " d.n * max(0, CAST(julianday(p.paid_on) - julianday(i.issued_on) AS"
    " INTEGER)) FROM payments p, items i, consumers c, (SELECT " NET_STEP
    " AS n) d WHERE p.id = NEW.payment_id AND p.status = 'Posted' AND i.id"
    " = NEW.item_id AND c.id = p.consumer_id ON CONFLICT (due_on, paid_on,"
    " terminal, branch, method, channel, user_id, segment, team) DO UPDATE"
    " SET paid = paid + excluded.paid, n = n + excluded.n, days = days +"
    " excluded.days; END;\n"
    "CREATE TRIGGER facts_item_days AFTER UPDATE OF due_on, issued_on ON"
    " items WHEN NEW.due_on IS NOT OLD.due_on OR NEW.issued_on IS NOT"
    " OLD.issued_on BEGIN"
    FACTS_ALLOC_BY_T(PAYS("a"), "-1", "c.segment", TEAM_OF_P, "OLD.due_on",
        "OLD.issued_on", "a.item_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAYS_T("1", "c.segment", TEAM_OF_P,
        "a.item_id = NEW.id AND p.status = 'Posted'")
    " END;\n"
    "CREATE TRIGGER facts_segment AFTER UPDATE OF segment ON consumers"
    " WHEN NEW.segment IS NOT OLD.segment BEGIN"
    FACTS_PAY_T("-1", "OLD.segment", TEAM_OF_P, "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAY_T("1", "c.segment", TEAM_OF_P, "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAYS_T("-1", "OLD.segment", TEAM_OF_P, "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_PAYS_T("1", "c.segment", TEAM_OF_P, "p.consumer_id = NEW.id AND p.status = 'Posted'")
    FACTS_DUE_AT("-1", "OLD.segment", "i.due_on", "i.amount", "i.consumer_id = NEW.id")
    FACTS_DUE_AT("1", "c.segment", "i.due_on", "i.amount", "i.consumer_id = NEW.id")
    " END;\n";

/* clang-format on */
