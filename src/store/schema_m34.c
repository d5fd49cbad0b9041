/* schema_m34.c - alerts, disputes, the analysis rollups, the
 * documents log sealed
 *
 * Migrations 34 to 53 of store_migrations[] (schema.c), each the text
 * of one version: never edit one that has shipped. */
#include "internal.h"
#include "schema_sql.h"

/* stored alerts (issue 21): one row per cause (its key, e.g.
 * "item-overdue:<item uuid>:<days>", UNIQUE so that a cause seen
 * again raises nothing), what it points at and the figure that
 * raised it, fixed by triggers; its status, who it is assigned to and
 * its delivery to [alerts] command change. Its history (raised,
 * acknowledged, assigned, a note, closed, a failed delivery) is
 * append-only. Local to the terminal: never synced. */
const char store_mig_34[] =
    "CREATE TABLE alerts (id INTEGER PRIMARY KEY,"
    " cause TEXT NOT NULL UNIQUE CHECK (cause <> ''),"
    " kind TEXT NOT NULL CHECK (kind <> ''),"
    " consumer_id INTEGER REFERENCES consumers (id),"
    " payment_id INTEGER REFERENCES payments (id),"
    " arrangement_id INTEGER REFERENCES arrangements (id),"
    " ref TEXT NOT NULL DEFAULT '', due_on TEXT NOT NULL DEFAULT '',"
    " amount INTEGER NOT NULL DEFAULT 0, figure INTEGER NOT NULL"
    " DEFAULT 0, allowed INTEGER NOT NULL DEFAULT 0,"
    " raised_at TEXT NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',"
    " 'acknowledged', 'closed')),"
    " assigned_id INTEGER REFERENCES users (id),"
    " deliver INTEGER NOT NULL DEFAULT 0 CHECK (deliver IN (0, 1)),"
    " tries INTEGER NOT NULL DEFAULT 0,"
    " delivered_at TEXT NOT NULL DEFAULT '',"
    " delivery_error TEXT NOT NULL DEFAULT '');\n"
    "CREATE INDEX alerts_status ON alerts (status, kind);\n"
    "CREATE INDEX alerts_deliver ON alerts (id) WHERE deliver = 1;\n"
    FROZEN("alerts")
    "CREATE TRIGGER alerts_frozen BEFORE UPDATE OF id, cause, kind,"
    " consumer_id, payment_id, arrangement_id, ref, due_on, amount,"
    " figure, allowed, raised_at ON alerts BEGIN"
    " SELECT RAISE(ABORT, 'the cause of an alert cannot be changed'); END;\n"
    "CREATE TABLE alert_notes (id INTEGER PRIMARY KEY,"
    " alert_id INTEGER NOT NULL REFERENCES alerts (id),"
    " at TEXT NOT NULL, user_id INTEGER REFERENCES users (id),"
    " username TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN"
    " ('raised', 'acknowledged', 'assigned', 'note', 'closed',"
    " 'ended', 'delivery')), text TEXT NOT NULL DEFAULT '');\n"
    "CREATE INDEX alert_notes_alert ON alert_notes (alert_id);\n"
    /* the pass's rules read these, not every row */
    "CREATE INDEX credit_notes_expiry ON credit_notes (expires_on)"
    " WHERE voided = 0 AND applied < amount;\n"
    "CREATE INDEX gw_payments_unassociated ON gw_payments (paid_at)"
    " WHERE payment_uuid = '';\n"
    FROZEN("alert_notes") NO_UPDATE("alert_notes");

/* disputes of payments (issue 21; dispute.h): a dispute names its
 * payment, its reason (a fixed code), when it is due, and keeps its
 * status and resolution in step with its events (append-only, the
 * timeline: who, when, note). What an upholding made is linked by
 * uuid (a void, a credit note, a service charge item), as a pulled
 * dispute may arrive before them. Resolved is final. */
const char store_mig_35[] =
    "CREATE TABLE disputes (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " dispute_no TEXT NOT NULL UNIQUE CHECK (dispute_no <> ''),"
    " payment_id INTEGER NOT NULL REFERENCES payments (id),"
    " reason TEXT NOT NULL CHECK (reason <> ''),"
    " opened_on TEXT NOT NULL, due_on TEXT NOT NULL,"
    " opened_at TEXT NOT NULL, user_id INTEGER REFERENCES users (id),"
    " opened_by TEXT NOT NULL, terminal TEXT NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',"
    "  'review', 'upheld', 'rejected')),"
    " resolution TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('',"
    "  'void', 'credit')),"
    " void_uuid TEXT NOT NULL DEFAULT '',"
    " credit_uuid TEXT NOT NULL DEFAULT '',"
    " charge_uuid TEXT NOT NULL DEFAULT '');\n"
    "CREATE INDEX disputes_payment ON disputes (payment_id);\n"
    "CREATE INDEX disputes_status ON disputes (status, due_on);\n"
    "CREATE TRIGGER disputes_frozen BEFORE UPDATE OF id, uuid, dispute_no,"
    " payment_id, reason, opened_on, due_on, opened_at, user_id,"
    " opened_by, terminal ON disputes BEGIN"
    " SELECT RAISE(ABORT, 'a dispute cannot be changed'); END;\n"
    "CREATE TRIGGER disputes_resolved BEFORE UPDATE ON disputes"
    " WHEN OLD.status IN ('upheld', 'rejected') BEGIN"
    " SELECT RAISE(ABORT, 'a resolved dispute cannot be changed');"
    " END;\n" FROZEN("disputes")
    "CREATE TABLE dispute_events (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " dispute_id INTEGER NOT NULL REFERENCES disputes (id),"
    " kind TEXT NOT NULL CHECK (kind IN ('open', 'review', 'uphold',"
    "  'reject')),"
    " note TEXT NOT NULL, at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users (id), by TEXT NOT NULL,"
    " terminal TEXT NOT NULL);\n"
    "CREATE INDEX dispute_events_dispute ON dispute_events"
    " (dispute_id);\n" FROZEN("dispute_events")
    NO_UPDATE("dispute_events");

/* the team a user belongs to (issue 23, seed 000's team-based
 * visibility: [visibility] team); "" none */
const char store_mig_36[] =
    "ALTER TABLE users ADD COLUMN team TEXT NOT NULL DEFAULT '';\n";

/* the consumer's language a document was written in, NULL for the
 * organisation's (issue 25 review: a copy of a receipt came out in
 * the organisation's language once its consumer's was cleared;
 * store_doc_language). Rows of before by the rule: the
 * consumer's language where the import gave one. The append-only
 * trigger is set aside for this one fill. */
const char store_mig_37[] =
    "ALTER TABLE documents ADD COLUMN language TEXT;\n"
    "DROP TRIGGER documents_no_update;\n"
    "UPDATE documents SET language = (SELECT c.language FROM payments p"
    " JOIN consumers c ON c.id = p.consumer_id WHERE p.receipt_no ="
    " documents.number AND c.language <> '') WHERE kind = 'receipt';\n"
    "UPDATE documents SET language = (SELECT c.language FROM credit_notes"
    " n JOIN consumers c ON c.id = n.consumer_id WHERE n.cn_no ="
    " documents.number AND c.language <> '') WHERE kind ="
    " 'credit_note';\n" NO_UPDATE("documents");

/* the dashboard's tiles each user chose, in order (issue 23, seed
 * 002's customizable KPI tiles): their words, comma-separated */
const char store_mig_38[] =
    "CREATE TABLE user_tiles (user_id INTEGER PRIMARY KEY REFERENCES"
    " users (id), tiles TEXT NOT NULL);\n";

/* the rule that split a payment among its items (issue 21,
 * allocation rules; alloc.h): oldest, installments, bills, largest
 * or hand; the payments of before were all split oldest first. Part
 * of the recorded payment. */
const char store_mig_39[] =
    "ALTER TABLE payments ADD COLUMN alloc_rule TEXT NOT NULL DEFAULT"
    " 'oldest' CHECK (alloc_rule IN ('oldest', 'installments', 'bills',"
    " 'largest', 'hand'));\n"
    "CREATE TRIGGER payments_alloc_rule_frozen BEFORE UPDATE OF"
    " alloc_rule ON payments BEGIN"
    " SELECT RAISE(ABORT, 'a recorded payment cannot be changed'); END;\n";

/* the matching rules' joins (issue 20: a 100,000-line statement
 * against the 10M-payment store in 5 s): the transfer rule finds a
 * credit's posted bank payments by amount and day, the card rule
 * sums a terminal's day of posted card payments, each from an index
 * of those payments only (by amount alone a credit read every
 * payment of its amount, 500 in the bench store, row by row) */
const char store_mig_40[] =
    "CREATE INDEX payments_bank_amount ON payments (amount, paid_on)"
    " WHERE method_kind = 'bank' AND status = 'Posted';\n"
    "CREATE INDEX payments_card_day ON payments (terminal, paid_on,"
    " amount) WHERE method_kind = 'card' AND status = 'Posted';\n"
    /* the card and transfer matches made before they were sync records
     * (issue 20) never were sent: the next sync round queues them once
     * (svc_stmt_catchup) and clears this */
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('match_catchup',"
    " '1');\n";

/* a user's branch and team sealed with the rest of the user (review
 * of issue 18): a branch changed by hand in the central store
 * handed that user's PIN hash to another branch's terminals and
 * took their acts from there, and both doctors said ok. The users'
 * triggers again with SEAL_USERS' columns; every user is sealed
 * again, the seals claimed by one audit entry at the next open
 * (seal_baseline), which check_changers lets add the new columns.
 * A central node's SQLite store seals its users too. */
const char store_mig_41[] =
    "DROP TRIGGER seal_users_ins;\n"
    "DROP TRIGGER seal_users_upd;\n" SEAL("users", SEAL_USERS)
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_baseline',"
    " '1');\n";

/* each Posted payment's days to pay (issue 23: the deteriorating
 * payers at 10M payments read these, by consumer, instead of each
 * payment's allocations and items), kept in step by triggers: a
 * payment that pays (an allocation), one Posted or no longer, an
 * item whose due date changes. Its terminal and branch for the
 * report's scope. `doctor` checks it against the ledger. */
const char store_mig_42[] =
    "CREATE TABLE pay_days (consumer_id INTEGER NOT NULL,"
    " paid_on TEXT NOT NULL, payment_id INTEGER NOT NULL,"
    " days INTEGER NOT NULL, terminal TEXT NOT NULL,"
    " branch TEXT NOT NULL,"
    " PRIMARY KEY (consumer_id, paid_on, payment_id)) WITHOUT ROWID;\n"
    "CREATE TRIGGER pay_days_alloc AFTER INSERT ON allocations"
    " WHEN NEW.amount > 0 AND NEW.reverses IS NULL BEGIN"
    PAY_DAYS_OF("p.id = NEW.payment_id") " END;\n"
    "CREATE TRIGGER pay_days_post AFTER UPDATE OF status ON payments"
    " WHEN NEW.status = 'Posted' AND OLD.status <> 'Posted' BEGIN"
    PAY_DAYS_OF("p.id = NEW.id") " END;\n"
    "CREATE TRIGGER pay_days_unpost AFTER UPDATE OF status ON payments"
    " WHEN OLD.status = 'Posted' AND NEW.status <> 'Posted' BEGIN"
    " DELETE FROM pay_days WHERE consumer_id = OLD.consumer_id AND"
    " paid_on = OLD.paid_on AND payment_id = OLD.id; END;\n"
    "CREATE TRIGGER pay_days_item AFTER UPDATE OF due_on ON items"
    " WHEN NEW.due_on IS NOT OLD.due_on BEGIN"
    PAY_DAYS_OF("p.id IN (SELECT payment_id FROM allocations WHERE"
                " item_id = NEW.id)") " END;\n"
    PAY_DAYS_OF("1") "\n";

/* the forecast's history (issue 23: each consumer's items due in the
 * year before a day and what was paid of them on time, and the
 * organisation's, at 10M payments read from these instead of each
 * item's allocations): by consumer and due day, and by due day,
 * kept in step by triggers (an item added or changed, an allocation,
 * a payment that counts or no longer). `doctor` checks both. */
const char store_mig_43[] =
    "CREATE TABLE due_paid (consumer_id INTEGER NOT NULL,"
    " due_on TEXT NOT NULL, due INTEGER NOT NULL,"
    " on_time INTEGER NOT NULL,"
    " PRIMARY KEY (consumer_id, due_on)) WITHOUT ROWID;\n"
    "CREATE TABLE due_paid_daily (day TEXT PRIMARY KEY,"
    " due INTEGER NOT NULL, on_time INTEGER NOT NULL) WITHOUT ROWID;\n"
    "INSERT INTO due_paid (consumer_id, due_on, due, on_time) SELECT"
    " i.consumer_id, i.due_on, sum(i.amount), sum(" PAID_ON_TIME ") FROM"
    " items i GROUP BY i.consumer_id, i.due_on;\n"
    "INSERT INTO due_paid_daily (day, due, on_time) SELECT due_on,"
    " sum(due), sum(on_time) FROM due_paid GROUP BY due_on;\n"
    "CREATE TRIGGER due_paid_add AFTER INSERT ON due_paid BEGIN"
    " INSERT INTO due_paid_daily (day, due, on_time) VALUES (NEW.due_on,"
    " NEW.due, NEW.on_time) ON CONFLICT (day) DO UPDATE SET due = due +"
    " NEW.due, on_time = on_time + NEW.on_time; END;\n"
    "CREATE TRIGGER due_paid_sub AFTER DELETE ON due_paid BEGIN"
    " UPDATE due_paid_daily SET due = due - OLD.due, on_time = on_time -"
    " OLD.on_time WHERE day = OLD.due_on; END;\n"
    "CREATE TRIGGER due_paid_item AFTER INSERT ON items BEGIN"
    DUE_PAID_AT("NEW.consumer_id", "NEW.due_on") " END;\n"
    "CREATE TRIGGER due_paid_item_upd AFTER UPDATE OF consumer_id, amount,"
    " due_on ON items BEGIN" DUE_PAID_AT("OLD.consumer_id", "OLD.due_on")
    DUE_PAID_AT("NEW.consumer_id", "NEW.due_on") " END;\n"
    "CREATE TRIGGER due_paid_alloc AFTER INSERT ON allocations"
    " WHEN NEW.reverses IS NULL BEGIN"
    DUE_PAID_OF("(consumer_id, due_on) = (SELECT consumer_id, due_on FROM"
                " items WHERE id = NEW.item_id)",
        "(i.consumer_id, i.due_on) = (SELECT consumer_id, due_on FROM"
        " items WHERE id = NEW.item_id)") " END;\n"
    "CREATE TRIGGER due_paid_status AFTER UPDATE OF status ON payments"
    " WHEN (OLD.status IN ('Posted', 'Pending')) <> (NEW.status IN"
    " ('Posted', 'Pending')) BEGIN"
    DUE_PAID_OF("(consumer_id, due_on) IN " DUE_PAID_PAYMENT,
        "(i.consumer_id, i.due_on) IN " DUE_PAID_PAYMENT) " END;\n";

/* an organisation's alerts synced (issue 21, alert_sync.c): an
 * alert is known everywhere by its cause; synced 1 once its raise
 * went to the central node or came from it (a terminal's own
 * alerts, sync-refused and reconciliation, never go). A step of the
 * history made here or pulled has its record's uuid and terminal
 * (NULL: the pass's, a delivery's: never synced). A pulled step of
 * an alert this store does not have yet waits in alert_steps_held
 * until it comes, by its raise or this terminal's own pass. */
const char store_mig_44[] =
    "ALTER TABLE alerts ADD COLUMN synced INTEGER NOT NULL DEFAULT 0"
    " CHECK (synced IN (0, 1));\n"
    "ALTER TABLE alert_notes ADD COLUMN uuid TEXT;\n"
    "ALTER TABLE alert_notes ADD COLUMN terminal TEXT NOT NULL DEFAULT"
    " '';\n"
    "CREATE UNIQUE INDEX alert_notes_uuid ON alert_notes (uuid) WHERE"
    " uuid IS NOT NULL;\n"
    "CREATE TABLE alert_steps_held (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE, cause TEXT NOT NULL, payload TEXT NOT"
    " NULL, held_at TEXT NOT NULL);\n"
    "CREATE INDEX alert_steps_held_cause ON alert_steps_held (cause);\n";

/* the forecast's weeks (issue 23: at 10M payments each week read
 * each of its items' allocations and payments, twice, past weeks
 * ~1.5 s each): what the payments that count paid of each
 * consumer's items due on a day, by the day paid, so what was open
 * at a week's start and what came in during it are range sums over
 * the week's due days; and due_paid by due day for what was due.
 * Kept in step as due_paid is (an item's consumer or due date
 * changed, an allocation, a payment that counts or no longer);
 * filled once (on the 2M-payment bench store ~11 s of CPU with the
 * index, so ~1 minute at 10M). `doctor` checks it. */
const char store_mig_45[] =
    "CREATE TABLE paid_by_day (due_on TEXT NOT NULL,"
    " consumer_id INTEGER NOT NULL, paid_on TEXT NOT NULL,"
    " paid INTEGER NOT NULL,"
    " PRIMARY KEY (due_on, consumer_id, paid_on)) WITHOUT ROWID;\n"
    "INSERT INTO paid_by_day (due_on, consumer_id, paid_on, paid) SELECT"
    " i.due_on, i.consumer_id, p.paid_on, sum(a.amount) FROM allocations"
    " a JOIN payments p ON p.id = a.payment_id AND p.status IN ('Posted',"
    " 'Pending') JOIN items i ON i.id = a.item_id WHERE a.reverses IS NULL"
    " GROUP BY i.due_on, i.consumer_id, p.paid_on;\n"
    "CREATE INDEX due_paid_day ON due_paid (due_on, consumer_id, due);\n"
    "CREATE TRIGGER paid_by_day_item AFTER UPDATE OF consumer_id, due_on"
    " ON items BEGIN" PAID_BY_DAY_AT("OLD.consumer_id", "OLD.due_on")
    PAID_BY_DAY_AT("NEW.consumer_id", "NEW.due_on") " END;\n"
    "CREATE TRIGGER paid_by_day_alloc AFTER INSERT ON allocations"
    " WHEN NEW.reverses IS NULL BEGIN"
    PAID_BY_DAY_OF("(due_on, consumer_id) = (SELECT due_on, consumer_id"
                   " FROM items WHERE id = NEW.item_id)",
        SAME_DAY_ITEM) " END;\n"
    "CREATE TRIGGER paid_by_day_status AFTER UPDATE OF status ON payments"
    " WHEN (OLD.status IN ('Posted', 'Pending')) <> (NEW.status IN"
    " ('Posted', 'Pending')) BEGIN"
    PAID_BY_DAY_OF("(due_on, consumer_id) IN " PAID_BY_DAY_PAYMENT,
        SAME_DAY_PAYMENT) " END;\n"
    /* due_paid's triggers (migration 43) again, each consumer's day
     * read through items_consumer (SAME_DAY): the same rows (IF EXISTS:
     * a central node's store dropped them, and drops them again) */
    "DROP TRIGGER IF EXISTS due_paid_item;\n"
    "DROP TRIGGER IF EXISTS due_paid_item_upd;\n"
    "DROP TRIGGER IF EXISTS due_paid_alloc;\n"
    "DROP TRIGGER IF EXISTS due_paid_status;\n"
    "CREATE TRIGGER due_paid_item AFTER INSERT ON items BEGIN"
    DUE_PAID_OF("consumer_id = NEW.consumer_id AND due_on = NEW.due_on",
        SAME_DAY("NEW.consumer_id", "NEW.due_on")) " END;\n"
    "CREATE TRIGGER due_paid_item_upd AFTER UPDATE OF consumer_id, amount,"
    " due_on ON items BEGIN"
    DUE_PAID_OF("consumer_id = OLD.consumer_id AND due_on = OLD.due_on",
        SAME_DAY("OLD.consumer_id", "OLD.due_on"))
    DUE_PAID_OF("consumer_id = NEW.consumer_id AND due_on = NEW.due_on",
        SAME_DAY("NEW.consumer_id", "NEW.due_on")) " END;\n"
    "CREATE TRIGGER due_paid_alloc AFTER INSERT ON allocations"
    " WHEN NEW.reverses IS NULL BEGIN"
    DUE_PAID_OF("(consumer_id, due_on) = (SELECT consumer_id, due_on FROM"
                " items WHERE id = NEW.item_id)",
        SAME_DAY_ITEM) " END;\n"
    "CREATE TRIGGER due_paid_status AFTER UPDATE OF status ON payments"
    " WHEN (OLD.status IN ('Posted', 'Pending')) <> (NEW.status IN"
    " ('Posted', 'Pending')) BEGIN"
    DUE_PAID_OF("(consumer_id, due_on) IN " DUE_PAID_PAYMENT,
        SAME_DAY_PAYMENT) " END;\n";

/* the deteriorating payers' aging at month ends (issue 23: at 10M
 * payments the items paid after the oldest month end were found by
 * reading every payment since, its allocations, and grouping them
 * by item): each item whose last Posted payment came after a month
 * end it fell due before, with that payment's date, the only items
 * paid that can have been open at a past month end. Kept in step
 * by triggers (an allocation that pays, a payment Posted or no
 * longer, an item's consumer or due date changed); filled once (~7 s
 * of CPU on the 2M-payment bench store). `doctor` checks it. */
const char store_mig_46[] =
    "CREATE TABLE item_late (item_id INTEGER PRIMARY KEY,"
    " consumer_id INTEGER NOT NULL, due_on TEXT NOT NULL,"
    " done TEXT NOT NULL);\n"
    "INSERT INTO item_late (item_id, consumer_id, due_on, done) SELECT"
    " i.id, i.consumer_id, i.due_on, l.done FROM (SELECT a.item_id,"
    " max(p.paid_on) AS done FROM allocations a JOIN payments p ON p.id ="
    " a.payment_id AND p.status = 'Posted' WHERE a.amount > 0 AND"
    " a.reverses IS NULL GROUP BY a.item_id) l JOIN items i ON i.id ="
    " l.item_id WHERE l.done > date(i.due_on, '+1 day', 'start of month',"
    " '+1 month', '-1 day');\n"
    "CREATE INDEX item_late_done ON item_late (done, due_on, consumer_id);\n"
    "CREATE TRIGGER item_late_alloc AFTER INSERT ON allocations"
    " WHEN NEW.amount > 0 AND NEW.reverses IS NULL BEGIN"
    ITEM_LATE_OF("item_id = NEW.item_id", "i.id = NEW.item_id") " END;\n"
    "CREATE TRIGGER item_late_status AFTER UPDATE OF status ON payments"
    " WHEN (OLD.status = 'Posted') <> (NEW.status = 'Posted') BEGIN"
    ITEM_LATE_OF("item_id IN (SELECT item_id FROM allocations WHERE"
                 " payment_id = NEW.id)",
        "i.id IN (SELECT item_id FROM allocations WHERE payment_id ="
        " NEW.id)") " END;\n"
    "CREATE TRIGGER item_late_item AFTER UPDATE OF consumer_id, due_on ON"
    " items BEGIN" ITEM_LATE_OF("item_id = NEW.id", "i.id = NEW.id")
    " END;\n";

/* the log of documents sealed (review of issue 18, section 7): a
 * receipt's rows deleted in the sqlite3 shell (its append-only
 * trigger dropped) made its next print the ORIGINAL again, a second
 * original of a payment, and neither doctor nor audit verify said
 * so. Each row is sealed as it is written, claimed by its issue or
 * reprint audit entry; a row deleted or changed is reported. The
 * rows here are sealed by the baseline's entry, which claims this
 * migration's seals only (db.c, seal_baseline); a central node's
 * store drops the triggers (schema_central.c). */
const char store_mig_47[] =
    SEAL_TRIGGERS("documents", SEAL_DOCUMENTS)
    SEAL_BASE("documents", SEAL_DOCUMENTS)
    "INSERT OR IGNORE INTO meta (key, value) SELECT 'seal_baseline',"
    " coalesce(max(id), 0) + 1 FROM seals WHERE tbl <> 'documents';\n";

/* mixed payments (issue 21, the bills rule): one payment for a
 * consumer's items of several kinds is of type Mixed. The CHECK of
 * payments.type widened in place as users.role's was (it only accepts
 * more; no row changes, so no seal does) */
const char store_mig_48[] =
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, '''Installment''))',"
    " '''Installment'', ''Mixed''))') WHERE type = 'table' AND"
    " name = 'payments';\n"
    "PRAGMA writable_schema = RESET;\n";

/* a statement two terminals imported offline (review R20 of issue 20):
 * the central node keeps the first import, and a terminal that pulls
 * it takes that import's terminal, user and time for its own (the same
 * statement everywhere); what the statement holds stays as imported. */
const char store_mig_49[] =
    "DROP TRIGGER IF EXISTS bank_statements_no_update;\n"
    "CREATE TRIGGER bank_statements_no_update BEFORE UPDATE OF id, account,"
    " stmt_id, stmt_key, format, file_name, currency, period_from,"
    " period_to, opening, closing, line_count, credits, debits, dup_count"
    " ON bank_statements BEGIN"
    " SELECT RAISE(ABORT, 'an imported statement cannot be changed'); END;\n";

/* the scoped and filtered dashboards (issue 23: ~1.5 s of CPU each at
 * 2M payments, read from the payments, their allocations and the items
 * due, against 150 ms at 10M): running totals by day and by every
 * field a dashboard filters on but the gateway (terminal, branch,
 * method, channel, user, hence team, and the payer's segment), so each
 * figure is a range read. pay_facts: the Posted payments by day paid
 * (Total Collected, Received Today, the days and methods);
 * alloc_facts: their allocations by the item's due day and the day
 * paid (the Collection Rate's paid part, the Average Collection Time);
 * due_segment: the items by due day and segment, less what
 * arrangements moved (a segment's Total Due). Kept in step by triggers
 * (a payment Posted or no longer, an allocation, an item's amount, due
 * or issue day or consumer changed, an arrangement's move, a consumer's
 * segment changed); filled once. `doctor` checks each against the
 * ledger, both ways. A central node's store drops them. And
 * pay_recent, below. */
const char store_mig_50[] =
    /* made again from nothing when run again (schema.c) */
    "DROP TRIGGER IF EXISTS facts_pay;\n"
    "DROP TRIGGER IF EXISTS facts_status;\n"
    "DROP TRIGGER IF EXISTS facts_alloc;\n"
    "DROP TRIGGER IF EXISTS facts_item_days;\n"
    "DROP TRIGGER IF EXISTS facts_item_add;\n"
    "DROP TRIGGER IF EXISTS facts_item_due;\n"
    "DROP TRIGGER IF EXISTS facts_move;\n"
    "DROP TRIGGER IF EXISTS facts_segment;\n"
    "DROP TRIGGER IF EXISTS pay_recent_ins;\n"
    "DROP TRIGGER IF EXISTS pay_recent_del;\n"
    "DROP TABLE IF EXISTS pay_facts;\n"
    "DROP TABLE IF EXISTS alloc_facts;\n"
    "DROP TABLE IF EXISTS due_segment;\n"
    "DROP TABLE IF EXISTS pay_recent;\n"
    "CREATE TABLE pay_facts (paid_on TEXT NOT NULL, terminal TEXT NOT"
    " NULL, branch TEXT NOT NULL, method TEXT NOT NULL, channel TEXT NOT"
    " NULL, user_id INTEGER NOT NULL, segment TEXT NOT NULL,"
    " amount INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (paid_on,"
    " terminal, branch, method, channel, user_id, segment)) WITHOUT"
    " ROWID;\n"
    "CREATE TABLE alloc_facts (due_on TEXT NOT NULL, paid_on TEXT NOT"
    " NULL, terminal TEXT NOT NULL, branch TEXT NOT NULL, method TEXT NOT"
    " NULL, channel TEXT NOT NULL, user_id INTEGER NOT NULL, segment TEXT"
    " NOT NULL, paid INTEGER NOT NULL, n INTEGER NOT NULL, days INTEGER"
    " NOT NULL, PRIMARY KEY (due_on, paid_on, terminal, branch, method,"
    " channel, user_id, segment)) WITHOUT ROWID;\n"
    "CREATE TABLE due_segment (due_on TEXT NOT NULL, segment TEXT NOT"
    " NULL, due INTEGER NOT NULL, PRIMARY KEY (due_on, segment)) WITHOUT"
    " ROWID;\n"
    FACTS_PAY("1", "c.segment", "p.status = 'Posted'") "\n"
    FACTS_ALLOC("1", "c.segment", "p.status = 'Posted'") "\n"
    FACTS_DUE_AT("1", "c.segment", "i.due_on", "i.amount", "1") "\n"
    /* the Average Collection Time reads them by the day paid */
    "CREATE INDEX alloc_facts_paid ON alloc_facts (paid_on, terminal,"
    " branch, method, channel, user_id, segment, n, days);\n"
    /* a payment and an allocation added: their own row, without
     * grouping (the posting's cost) */
    "CREATE TRIGGER facts_pay AFTER INSERT ON payments WHEN NEW.status ="
    " 'Posted' BEGIN INSERT INTO pay_facts (paid_on, terminal, branch,"
    " method, channel, user_id, segment, amount, n) VALUES (NEW.paid_on,"
    " NEW.terminal, NEW.branch, NEW.method, NEW.channel,"
    " coalesce(NEW.user_id, 0), coalesce((SELECT segment FROM consumers"
    " WHERE id = NEW.consumer_id), ''), NEW.amount, 1) ON CONFLICT (paid_on, terminal,"
    " branch, method, channel, user_id, segment) DO UPDATE SET amount ="
    " amount + excluded.amount, n = n + 1; END;\n"
    "CREATE TRIGGER facts_status AFTER UPDATE OF status ON payments WHEN"
    " (OLD.status = 'Posted') <> (NEW.status = 'Posted') BEGIN"
    FACTS_PAY("(CASE WHEN NEW.status = 'Posted' THEN 1 ELSE -1 END)",
        "c.segment", "p.id = NEW.id")
    FACTS_ALLOC("(CASE WHEN NEW.status = 'Posted' THEN 1 ELSE -1 END)",
        "c.segment", "a.payment_id = NEW.id") " END;\n"
    "CREATE TRIGGER facts_alloc AFTER INSERT ON allocations BEGIN"
    " INSERT INTO alloc_facts (due_on, paid_on, terminal, branch, method,"
    " channel, user_id, segment, paid, n, days) SELECT i.due_on, p.paid_on,"
    " p.terminal, p.branch, p.method, p.channel, coalesce(p.user_id, 0),"
    " c.segment, NEW.amount, NEW.amount > 0 AND NEW.reverses IS NULL, CASE"
    " WHEN NEW.amount > 0 AND NEW.reverses IS NULL THEN max(0,"
    " CAST(julianday(p.paid_on) - julianday(i.issued_on) AS INTEGER)) ELSE"
    " 0 END FROM payments p, items i, consumers c WHERE p.id ="
    " NEW.payment_id AND p.status = 'Posted' AND i.id = NEW.item_id AND"
    " c.id = p.consumer_id ON CONFLICT (due_on, paid_on, terminal, branch,"
    " method, channel, user_id, segment) DO UPDATE SET paid = paid +"
    " excluded.paid, n = n + excluded.n, days = days + excluded.days;"
    " END;\n"
    "CREATE TRIGGER facts_item_days AFTER UPDATE OF due_on, issued_on ON"
    " items WHEN NEW.due_on IS NOT OLD.due_on OR NEW.issued_on IS NOT"
    " OLD.issued_on BEGIN"
    FACTS_ALLOC_AT("-1", "c.segment", "OLD.due_on", "OLD.issued_on",
        "a.item_id = NEW.id AND p.status = 'Posted'")
    FACTS_ALLOC("1", "c.segment", "a.item_id = NEW.id AND p.status ="
                                  " 'Posted'") " END;\n"
    "CREATE TRIGGER facts_item_add AFTER INSERT ON items BEGIN"
    FACTS_DUE_AT("1", "c.segment", "i.due_on", "i.amount", "i.id = NEW.id")
    " END;\n"
    "CREATE TRIGGER facts_item_due AFTER UPDATE OF amount, due_on,"
    " consumer_id ON items BEGIN"
    FACTS_DUE_AT("-1", "(SELECT segment FROM consumers WHERE id ="
                       " OLD.consumer_id)",
        "OLD.due_on", "OLD.amount", "i.id = NEW.id")
    FACTS_DUE_AT("1", "c.segment", "i.due_on", "i.amount", "i.id = NEW.id")
    " END;\n"
    "CREATE TRIGGER facts_move AFTER INSERT ON arrangement_moves BEGIN"
    " INSERT INTO due_segment (due_on, segment, due) SELECT i.due_on,"
    " c.segment, -NEW.amount FROM items i JOIN consumers c ON c.id ="
    " i.consumer_id WHERE i.id = NEW.item_id ON CONFLICT (due_on, segment)"
    " DO UPDATE SET due = due + excluded.due; END;\n"
    "CREATE TRIGGER facts_segment AFTER UPDATE OF segment ON consumers"
    " WHEN NEW.segment IS NOT OLD.segment BEGIN"
    FACTS_PAY("-1", "OLD.segment", "p.consumer_id = NEW.id AND p.status ="
                                   " 'Posted'")
    FACTS_PAY("1", "c.segment", "p.consumer_id = NEW.id AND p.status ="
                                " 'Posted'")
    FACTS_ALLOC("-1", "OLD.segment", "p.consumer_id = NEW.id AND p.status"
                                     " = 'Posted'")
    FACTS_ALLOC("1", "c.segment", "p.consumer_id = NEW.id AND p.status ="
                                  " 'Posted'")
    FACTS_DUE_AT("-1", "OLD.segment", "i.due_on", "i.amount",
        "i.consumer_id = NEW.id")
    FACTS_DUE_AT("1", "c.segment", "i.due_on", "i.amount",
        "i.consumer_id = NEW.id") " END;\n"
    /* the deteriorating payers' last N days to pay (issue 23: every
     * row of pay_days was read, ~1.4 s at 10M): each consumer's last
     * 20 at each terminal and branch in one row, kept with pay_days */
    "CREATE TABLE pay_recent (consumer_id INTEGER NOT NULL, terminal TEXT"
    " NOT NULL, branch TEXT NOT NULL, recent TEXT NOT NULL, PRIMARY KEY"
    " (consumer_id, terminal, branch)) WITHOUT ROWID;\n"
    "INSERT INTO pay_recent (consumer_id, terminal, branch, recent) SELECT"
    " k.consumer_id, k.terminal, k.branch, " PAY_RECENT_OF("k.consumer_id",
        "k.terminal", "k.branch") " FROM (SELECT DISTINCT consumer_id,"
    " terminal, branch FROM pay_days) k;\n"
    "CREATE TRIGGER pay_recent_ins AFTER INSERT ON pay_days BEGIN"
    PAY_RECENT_AT("NEW.consumer_id", "NEW.terminal", "NEW.branch")
    " END;\n"
    "CREATE TRIGGER pay_recent_del AFTER DELETE ON pay_days BEGIN"
    PAY_RECENT_AT("OLD.consumer_id", "OLD.terminal", "OLD.branch")
    " END;\n";

/* a statement match or unmatch pulled before the statement line or the
 * deposit it names (issue 20): held here, in the order it came, and
 * applied when they arrive (recon_feed.c), as alert_steps_held holds an
 * alert's steps; key names it, so a replay holds it once */
const char store_mig_51[] =
    "CREATE TABLE IF NOT EXISTS recon_held (id INTEGER PRIMARY KEY,"
    " key TEXT NOT NULL UNIQUE, payload TEXT NOT NULL,"
    " held_at TEXT NOT NULL);\n";

/* a statement line's duplicate found by its index (review R18, session
 * 37): on (booking_date, amount) alone the reference of every line of
 * that day and amount was compared row by row, for each line imported or
 * pulled: 50 statements of 1,000 lines of one day and amount took over
 * ten minutes and held the store. The index gives the reference too, and
 * covers every query the one it replaces served. Run twice, it changes
 * nothing (test_forecast runs it again). */
const char store_mig_52[] =
    "DROP INDEX IF EXISTS bank_lines_day;\n"
    "CREATE INDEX IF NOT EXISTS bank_lines_day_ref ON bank_statement_lines"
    " (booking_date, amount, reference);\n";

/* an arrangement and its moves sealed like the other money rows (review
 * R18, session 37): a move shifted in the sqlite3 shell to another
 * consumer's bill, an arrangement's debt or consumer changed, passed
 * doctor and audit verify. The rows already here are sealed by the
 * baseline's entry, which claims this migration's seals only (its floor
 * set before them; an earlier waiting baseline is kept); a central node's
 * store drops the triggers (schema_central.c). Run again (schema.c), it
 * makes the triggers again and seals only a row that has no seal. */
const char store_mig_53[] =
    "INSERT OR IGNORE INTO meta (key, value) SELECT 'seal_baseline',"
    " coalesce(max(id), 0) + 1 FROM seals;\n"
    "DROP TRIGGER IF EXISTS seal_arrangements_ins;\n"
    "DROP TRIGGER IF EXISTS seal_arrangements_upd;\n"
    "DROP TRIGGER IF EXISTS seal_arrangement_moves_ins;\n"
    "DROP TRIGGER IF EXISTS seal_arrangement_moves_upd;\n"
    SEAL_TRIGGERS("arrangements", SEAL_ARRANGEMENTS)
    SEAL_TRIGGERS("arrangement_moves", SEAL_ARR_MOVES)
    SEAL_BASE_NEW("arrangements", SEAL_ARRANGEMENTS)
    SEAL_BASE_NEW("arrangement_moves", SEAL_ARR_MOVES);
