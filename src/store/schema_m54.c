/* schema_m54.c - the payers of a scope, the rollups added to in place,
 * the first count of a close, the forecast's running totals, the open
 * items by due day, the open items' covering index, which copy of a
 * bank line is live
 *
 * Migrations 54 on of store_migrations[] (schema.c), each the text
 * of one version: never edit one that has shipped. */
#include "internal.h"
#include "schema_sql.h"

/* the payers report of a scope (issue 24): a supervisor reads the branch
 * and an admin may choose a terminal, so the report of every payer
 * grouped the scope's payments (14 s at 10M for the top 50, against
 * 200 ms). payer_scope keeps each consumer's Posted total, count and
 * last day paid at each terminal ('t:' and its id) and in each branch
 * ('b:' and its id), as payer_totals keeps the organisation's; the top
 * of a scope is a read of its index by total (reports.c,
 * payers_scoped). Kept by triggers (a payment Posted or no longer),
 * checked by doctor both ways, made again from nothing when run again
 * (schema.c); a central node's store drops the triggers. And the method
 * filter's covering index holds the scope's columns: a branch's
 * payers of a method and months read it alone (it read each payment's
 * row for its branch: 2.8 times the same group-by without it, at 1M). */
#define PAYER_SCOPE_ADD(key)                                                   \
	" INSERT INTO payer_scope (scope, consumer_id, total, payments,"       \
	" last_paid) VALUES (" key ", NEW.consumer_id, NEW.amount, 1,"         \
	" NEW.paid_on) ON CONFLICT (scope, consumer_id) DO UPDATE SET total =" \
	" total + NEW.amount, payments = payments + 1, last_paid ="            \
	" max(last_paid, NEW.paid_on);"
#define PAYER_SCOPE_SUB(key, col)                                              \
	" UPDATE payer_scope SET total = total - NEW.amount, payments ="       \
	" payments - 1, last_paid = coalesce((SELECT max(paid_on) FROM"        \
	" payments WHERE consumer_id = NEW.consumer_id AND status = 'Posted'"  \
	" AND " col " = NEW." col "), '') WHERE scope = " key " AND"           \
	" consumer_id = NEW.consumer_id;"
const char store_mig_54[] =
    "DROP TRIGGER IF EXISTS payer_scope_post;\n"
    "DROP TRIGGER IF EXISTS payer_scope_verify;\n"
    "DROP TRIGGER IF EXISTS payer_scope_unpost;\n"
    "DROP TABLE IF EXISTS payer_scope;\n"
    "CREATE TABLE payer_scope (scope TEXT NOT NULL, consumer_id INTEGER NOT"
    " NULL, total INTEGER NOT NULL, payments INTEGER NOT NULL, last_paid"
    " TEXT NOT NULL, PRIMARY KEY (scope, consumer_id)) WITHOUT ROWID;\n"
    "INSERT INTO payer_scope (scope, consumer_id, total, payments,"
    " last_paid) SELECT 't:' || terminal, consumer_id, sum(amount),"
    " count(*), max(paid_on) FROM payments WHERE status = 'Posted' GROUP BY"
    " terminal, consumer_id;\n"
    "INSERT INTO payer_scope (scope, consumer_id, total, payments,"
    " last_paid) SELECT 'b:' || branch, consumer_id, sum(amount), count(*),"
    " max(paid_on) FROM payments WHERE status = 'Posted' GROUP BY branch,"
    " consumer_id;\n"
    "CREATE INDEX payer_scope_total ON payer_scope (scope, total DESC);\n"
    "CREATE TRIGGER payer_scope_post AFTER INSERT ON payments WHEN"
    " NEW.status = 'Posted' BEGIN" PAYER_SCOPE_ADD("'t:' || NEW.terminal")
        PAYER_SCOPE_ADD("'b:' || NEW.branch") " END;\n"
    "CREATE TRIGGER payer_scope_verify AFTER UPDATE OF status ON payments"
    " WHEN NEW.status = 'Posted' AND OLD.status <> 'Posted' BEGIN"
        PAYER_SCOPE_ADD("'t:' || NEW.terminal")
            PAYER_SCOPE_ADD("'b:' || NEW.branch") " END;\n"
    "CREATE TRIGGER payer_scope_unpost AFTER UPDATE OF status ON payments"
    " WHEN OLD.status = 'Posted' AND NEW.status <> 'Posted' BEGIN"
        PAYER_SCOPE_SUB("'t:' || NEW.terminal", "terminal")
            PAYER_SCOPE_SUB("'b:' || NEW.branch", "branch") " END;\n"
    "DROP INDEX IF EXISTS payments_method;\n"
    "CREATE INDEX payments_method ON payments (method, paid_on, status,"
    " branch, terminal, consumer_id, amount);\n";
#undef PAYER_SCOPE_ADD
#undef PAYER_SCOPE_SUB

/* an allocation's three history rollups added to, not counted again
 * (issue 24, a post's p50): due_paid, paid_by_day and item_late were
 * each deleted and summed again from every allocation of the item's
 * consumer and due day, so a post cost more with each payment that item
 * had had (the bench pays one bill 1.00 at a time: after 1,400 posts an
 * allocation took 4 M instructions, 50% of the post). A new allocation
 * only adds: its amount to what was paid on time (its payment Posted or
 * Pending, paid by the due day), to its paid day's row, and its day as
 * the item's last payment if later than the month end it fell due
 * before. The rows are those the sums give (`doctor` and test_forecast
 * check them against the ledger after every path); status changes and
 * items changed still count again. Run again (schema.c), it makes the
 * same triggers; a central node's store drops them (schema_central.c). */
const char store_mig_55[] =
    "DROP TRIGGER IF EXISTS due_paid_alloc;\n"
    "DROP TRIGGER IF EXISTS paid_by_day_alloc;\n"
    "DROP TRIGGER IF EXISTS item_late_alloc;\n"
    "CREATE TRIGGER due_paid_alloc AFTER INSERT ON allocations"
    " WHEN NEW.reverses IS NULL BEGIN"
    " UPDATE due_paid SET on_time = on_time + NEW.amount WHERE"
    " (consumer_id, due_on) = (SELECT i.consumer_id, i.due_on FROM items i,"
    " payments p WHERE i.id = NEW.item_id AND p.id = NEW.payment_id AND"
    " p.status IN ('Posted', 'Pending') AND p.paid_on <= i.due_on);"
    " UPDATE due_paid_daily SET on_time = on_time + NEW.amount WHERE day ="
    " (SELECT i.due_on FROM items i, payments p WHERE i.id = NEW.item_id"
    " AND p.id = NEW.payment_id AND p.status IN ('Posted', 'Pending') AND"
    " p.paid_on <= i.due_on); END;\n"
    "CREATE TRIGGER paid_by_day_alloc AFTER INSERT ON allocations"
    " WHEN NEW.reverses IS NULL BEGIN"
    " INSERT INTO paid_by_day (due_on, consumer_id, paid_on, paid) SELECT"
    " i.due_on, i.consumer_id, p.paid_on, NEW.amount FROM items i,"
    " payments p WHERE i.id = NEW.item_id AND p.id = NEW.payment_id AND"
    " p.status IN ('Posted', 'Pending') ON CONFLICT (due_on, consumer_id,"
    " paid_on) DO UPDATE SET paid = paid + excluded.paid; END;\n"
    "CREATE TRIGGER item_late_alloc AFTER INSERT ON allocations"
    " WHEN NEW.amount > 0 AND NEW.reverses IS NULL BEGIN"
    " INSERT INTO item_late (item_id, consumer_id, due_on, done) SELECT"
    " i.id, i.consumer_id, i.due_on, p.paid_on FROM items i, payments p"
    " WHERE i.id = NEW.item_id AND p.id = NEW.payment_id AND p.status ="
    " 'Posted' AND p.paid_on > date(i.due_on, '+1 day', 'start of month',"
    " '+1 month', '-1 day') ON CONFLICT (item_id) DO UPDATE SET done ="
    " max(done, excluded.done); END;\n";

/* the first count shown at a blind close, in the close (issue 20, session
 * 38): a tender counted again after its over or short was shown keeps
 * the first count here, written by the close with its tenders, carried
 * by the close's sync record and applied at the central node and every
 * terminal, so each one's Z report says "Counted first" (the audit
 * entry that kept it was the terminal's own). And the recount check's
 * read of a shift's shown counts by an index of those audit entries
 * only (no other entry pays for it). Run again (schema.c), it changes
 * nothing. */
const char store_mig_56[] =
    "CREATE TABLE IF NOT EXISTS shift_first_counts (id INTEGER PRIMARY"
    " KEY, shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " method TEXT NOT NULL, counted INTEGER NOT NULL CHECK (counted >= 0),"
    " UNIQUE (shift_id, method));\n"
    "DROP TRIGGER IF EXISTS shift_first_counts_no_delete;\n"
    "DROP TRIGGER IF EXISTS shift_first_counts_no_update;\n"
    FROZEN("shift_first_counts") NO_UPDATE("shift_first_counts")
    "DROP TRIGGER IF EXISTS seal_shift_first_counts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shift_first_counts_upd;\n"
    SEAL_TRIGGERS("shift_first_counts", SEAL_SHIFT_FIRST)
    "CREATE INDEX IF NOT EXISTS audit_log_shift_counts ON audit_log (ref)"
    " WHERE action = 'count' AND entity = 'shift';\n"
    /* and the matching rules' joins of a statement's credits with the
     * deposits and the gateway's payments (issue 20, 100,000 lines in
     * 5 s at 10M): a credit finds the live deposits of its amount, and
     * a settled gateway payment the credits of its amount less the fee
     * within its days, each by an index (each credit read every live
     * deposit, and every settled gateway payment, row by row) */
    "CREATE INDEX IF NOT EXISTS deposits_amount ON deposits (amount)"
    " WHERE voided_at = '';\n"
    "CREATE INDEX IF NOT EXISTS bank_lines_amount ON bank_statement_lines"
    " (amount, booking_date) WHERE amount > 0 AND reversal = 0 AND dup_of"
    " IS NULL;\n"
    /* a matched statement writes a match, its payment and its sync
     * record a line, each row sealed by its trigger: more than half
     * of the match's time. A row just inserted has no seal yet, and
     * its values are NEW's: the seal is written from them, without
     * reading the row back or its latest seal (the same fields as
     * SEAL_ROW's; the update triggers are as they were) */
    "DROP TRIGGER IF EXISTS seal_statement_matches_ins;\n"
    "CREATE TRIGGER seal_statement_matches_ins AFTER INSERT ON"
    " statement_matches BEGIN INSERT INTO seals (tbl, row_id, fields)"
    " VALUES ('statement_matches', NEW.id, json_array(NEW.line_id,"
    " NEW.deposit_id, NEW.gw_id, NEW.rule, NEW.note, NEW.user_id,"
    " NEW.unmatched_at, NEW.unmatch_note)); END;\n"
    "DROP TRIGGER IF EXISTS seal_statement_match_payments_ins;\n"
    "CREATE TRIGGER seal_statement_match_payments_ins AFTER INSERT ON"
    " statement_match_payments BEGIN INSERT INTO seals (tbl, row_id,"
    " fields) VALUES ('statement_match_payments', NEW.id,"
    " json_array(NEW.match_id, NEW.payment_id)); END;\n"
    "DROP TRIGGER IF EXISTS seal_outbox_ins;\n"
    "CREATE TRIGGER seal_outbox_ins AFTER INSERT ON outbox BEGIN INSERT"
    " INTO seals (tbl, row_id, fields) VALUES ('outbox', NEW.id,"
    " json_array(NEW.uuid, NEW.kind, NEW.ref, pd_sha256(NEW.payload),"
    " NEW.sent_at, NEW.rejected_at, NEW.reject_reason)); END;\n";

/* the forecast's histories (issue 23: at 10M payments each consumer's
 * year of due_paid, ~10 rows summed, was ~80% of the forecast's time):
 * each consumer's running totals by due day (what is due and paid on
 * time of its items due on or before the day), so that a consumer's
 * year before a day is two rows read, the last before the day less the
 * last a year before it. Kept from due_paid by its own changes (a row
 * inserted or deleted: due_paid is kept so); filled once from it (a
 * window over due_paid, in its order). `doctor` checks it. Safe to run
 * again: a store that has it keeps its rows. */
const char store_mig_57[] =
    "CREATE TABLE IF NOT EXISTS due_paid_run (consumer_id INTEGER NOT"
    " NULL, due_on TEXT NOT NULL, due INTEGER NOT NULL, on_time INTEGER"
    " NOT NULL, PRIMARY KEY (consumer_id, due_on)) WITHOUT ROWID;\n"
    "INSERT OR IGNORE INTO due_paid_run (consumer_id, due_on, due,"
    " on_time) SELECT consumer_id, due_on, sum(due) OVER w, sum(on_time)"
    " OVER w FROM due_paid WINDOW w AS (PARTITION BY consumer_id ORDER BY"
    " due_on ROWS UNBOUNDED PRECEDING);\n"
    "DROP TRIGGER IF EXISTS due_paid_run_add;\n"
    "DROP TRIGGER IF EXISTS due_paid_run_sub;\n"
    "CREATE TRIGGER due_paid_run_add AFTER INSERT ON due_paid BEGIN"
    " INSERT INTO due_paid_run (consumer_id, due_on, due, on_time) SELECT"
    " NEW.consumer_id, NEW.due_on, coalesce(max(due), 0), coalesce(max("
    "on_time), 0) FROM (SELECT due, on_time FROM due_paid_run WHERE"
    " consumer_id = NEW.consumer_id AND due_on < NEW.due_on ORDER BY"
    " due_on DESC LIMIT 1);"
    " UPDATE due_paid_run SET due = due + NEW.due, on_time = on_time +"
    " NEW.on_time WHERE consumer_id = NEW.consumer_id AND due_on >="
    " NEW.due_on; END;\n"
    "CREATE TRIGGER due_paid_run_sub AFTER DELETE ON due_paid BEGIN"
    " DELETE FROM due_paid_run WHERE consumer_id = OLD.consumer_id AND"
    " due_on = OLD.due_on;"
    " UPDATE due_paid_run SET due = due - OLD.due, on_time = on_time -"
    " OLD.on_time WHERE consumer_id = OLD.consumer_id AND due_on >"
    " OLD.due_on; END;\n";

/* due_paid_run kept in step with due_paid's updates too (issue 23, the
 * forecast's one pass reading it): since store_mig_55 an allocation
 * adds to its day's on_time in place (UPDATE), which due_paid_run's
 * triggers of store_mig_57 (insert and delete) did not see, so a
 * consumer's running totals fell behind at its first payment on time.
 * The rows out of step are written again from due_paid (the window of
 * store_mig_57; those in step left alone); its keys are due_paid's,
 * kept by those triggers. Safe to run again: the same trigger, and no
 * row out of step. */
const char store_mig_58[] =
    "DROP TRIGGER IF EXISTS due_paid_run_upd;\n"
    "CREATE TRIGGER due_paid_run_upd AFTER UPDATE OF due, on_time ON"
    " due_paid BEGIN"
    " UPDATE due_paid_run SET due = due + NEW.due - OLD.due, on_time ="
    " on_time + NEW.on_time - OLD.on_time WHERE consumer_id ="
    " NEW.consumer_id AND due_on >= NEW.due_on; END;\n"
    "INSERT OR REPLACE INTO due_paid_run (consumer_id, due_on, due,"
    " on_time) SELECT b.consumer_id, b.due_on, b.due, b.on_time FROM"
    " (SELECT consumer_id, due_on, sum(due) OVER w AS due, sum(on_time)"
    " OVER w AS on_time FROM due_paid WINDOW w AS (PARTITION BY"
    " consumer_id ORDER BY due_on ROWS UNBOUNDED PRECEDING)) b WHERE NOT"
    " EXISTS (SELECT 1 FROM due_paid_run r WHERE r.consumer_id ="
    " b.consumer_id AND r.due_on = b.due_on AND r.due = b.due AND"
    " r.on_time = b.on_time);\n";

/* the dashboard's and kpi's Outstanding (issue 23: every open item read
 * through items_open, and with a segment its consumer's row each, 0.14 s
 * and 0.3 s of CPU at 10M with 150,000 open items, against 150 ms for a
 * dashboard): open_due keeps the open items (settled < amount) by due
 * day, consumer's segment and arranged or not (arr_event set), what they
 * still owe and how many, so Outstanding is a read of a few thousand
 * rows, the days past due summed from each day's count
 * (reports.c, store_outstanding). Kept by triggers: an item added, its
 * amount, settled, due day, consumer or arrangement changed, a
 * consumer's segment changed (items are never deleted). A row left at
 * nothing stays (doctor skips it). `doctor` checks it against the
 * items, both ways. Run again (schema.c), it is made again from
 * nothing; a central node's store drops the triggers
 * (schema_central.c). */
#define OPEN_DUE_ADD(sign, due, seg, arr, open, cond)                          \
	" INSERT INTO open_due (due_on, segment, arranged, open, n) SELECT "  \
	due ", coalesce(" seg ", ''), " arr " IS NOT NULL, " sign " * (" open \
	"), " sign " WHERE " cond " ON CONFLICT (due_on, segment, arranged)"  \
	" DO UPDATE SET open = open + excluded.open, n = n + excluded.n;"
const char store_mig_59[] =
    "DROP TRIGGER IF EXISTS open_due_item_add;\n"
    "DROP TRIGGER IF EXISTS open_due_item_upd;\n"
    "DROP TRIGGER IF EXISTS open_due_segment;\n"
    "DROP TABLE IF EXISTS open_due;\n"
    "CREATE TABLE open_due (due_on TEXT NOT NULL, segment TEXT NOT NULL,"
    " arranged INTEGER NOT NULL, open INTEGER NOT NULL, n INTEGER NOT"
    " NULL, PRIMARY KEY (due_on, segment, arranged)) WITHOUT ROWID;\n"
    "INSERT INTO open_due (due_on, segment, arranged, open, n) SELECT"
    " i.due_on, coalesce(c.segment, ''), i.arr_event IS NOT NULL,"
    " sum(i.amount - i.settled), count(*) FROM items i LEFT JOIN consumers"
    " c ON c.id = i.consumer_id WHERE i.settled < i.amount GROUP BY 1, 2,"
    " 3;\n"
    "CREATE TRIGGER open_due_item_add AFTER INSERT ON items WHEN"
    " NEW.settled < NEW.amount BEGIN"
    OPEN_DUE_ADD("1", "NEW.due_on", "(SELECT segment FROM consumers WHERE"
                                    " id = NEW.consumer_id)",
        "NEW.arr_event", "NEW.amount - NEW.settled", "1") " END;\n"
    "CREATE TRIGGER open_due_item_upd AFTER UPDATE OF amount, settled,"
    " due_on, consumer_id, arr_event ON items WHEN (OLD.settled <"
    " OLD.amount OR NEW.settled < NEW.amount) AND (NEW.amount IS NOT"
    " OLD.amount OR NEW.settled IS NOT OLD.settled OR NEW.due_on IS NOT"
    " OLD.due_on OR NEW.consumer_id IS NOT OLD.consumer_id OR"
    " NEW.arr_event IS NOT OLD.arr_event) BEGIN"
    OPEN_DUE_ADD("-1", "OLD.due_on", "(SELECT segment FROM consumers WHERE"
                                     " id = OLD.consumer_id)",
        "OLD.arr_event", "OLD.amount - OLD.settled",
        "OLD.settled < OLD.amount")
    OPEN_DUE_ADD("1", "NEW.due_on", "(SELECT segment FROM consumers WHERE"
                                    " id = NEW.consumer_id)",
        "NEW.arr_event", "NEW.amount - NEW.settled",
        "NEW.settled < NEW.amount") " END;\n"
    "CREATE TRIGGER open_due_segment AFTER UPDATE OF segment ON consumers"
    " WHEN NEW.segment IS NOT OLD.segment BEGIN"
    " INSERT INTO open_due (due_on, segment, arranged, open, n) SELECT"
    " due_on, s, arr_event IS NOT NULL, sum(sg * (amount - settled)),"
    " sum(sg) FROM items, (SELECT -1 AS sg, coalesce(OLD.segment, '')"
    " AS s UNION ALL SELECT 1, coalesce(NEW.segment, '')) WHERE"
    " consumer_id = NEW.id AND settled < amount GROUP BY 1, 2, 3"
    " ON CONFLICT (due_on, segment, arranged) DO UPDATE SET open = open +"
    " excluded.open, n = n + excluded.n; END;\n";
#undef OPEN_DUE_ADD

/* the disconnection list (issue 21: 1.9 s at 10M payments, <= 1 s
 * wanted): its consumers' debts are summed from the open items due by a
 * day, read by items_open and then each one's row in the items table,
 * one random read each (~100,000 at 10M). The same items with the
 * columns summed in the index, so no item's row is read. Safe to run
 * again. */
const char store_mig_60[] =
    "CREATE INDEX IF NOT EXISTS items_owed ON items (due_on, consumer_id,"
    " amount, settled) WHERE settled < amount;\n";

/* the search indexes merged off the posting's commit (issue 24: one
 * post in about 60 also merged 256-384 pages of payments_docs by FTS5's
 * automerge, the posting p99) and not inside a pull's pages (a fresh
 * terminal's pull of 100,000 consumers: 11.05 s of the terminal's CPU
 * with automerge on the consumers' two indexes, 6.67 s without):
 * automerge off on the three, their merging done by store_fts_merge in
 * small steps at quiet moments (db_sqlite.c); crisismerge (16, FTS5's
 * default, set here so that the bound is written down) still merges a
 * level that reaches 16 segments. Safe to run again. */
#define FTS_QUIET(t)                                                           \
	"INSERT INTO " t " (" t ", rank) VALUES ('automerge', 0);\n"           \
	"INSERT INTO " t " (" t ", rank) VALUES ('crisismerge', 16);\n"
const char store_mig_61[] = FTS_QUIET("payments_docs")
    FTS_QUIET("consumers_fts") FTS_QUIET("consumers_words");
#undef FTS_QUIET

/* a gateway payment's association record in the outbox (every consumer
 * show lists the consumer's gateway payments with it, GWL_COLS in
 * gateway.c): found by a scan of the whole outbox for each, 468,000 rows
 * once a year of statement matches is in it (0.4 s a show at 10M
 * payments, issue 24). Safe to run again. */
const char store_mig_62[] =
    "CREATE INDEX IF NOT EXISTS outbox_gateway_association ON outbox (ref,"
    " id) WHERE kind = 'gateway_association';\n";

/* a ledger payment's gateway record (every payment's details and every
 * receipt read it, store_gwl_list by payment_uuid): found by a scan of
 * every gateway payment, 45,000 once the bench's statements brought
 * their payouts (80% of a receipt's time at 10M payments, issue 24).
 * Safe to run again. */
const char store_mig_63[] =
    "CREATE INDEX IF NOT EXISTS gw_payments_payment ON gw_payments"
    " (payment_uuid) WHERE payment_uuid <> '';\n";

/* what this terminal undid of its own records when the central node
 * refused them (review 21, fault 3: a dispute upheld by a void at one
 * terminal and rejected at another that synced first; the upholding
 * terminal kept the dispute upheld and the payment voided for good):
 * the refused record's uuid (a dispute step's event, a void), with when
 * and why. An undone void no longer voids its payment (its row is the
 * place of the payment's next void), an undone step is
 * not in its dispute's timeline, and a dispute whose resolution was
 * undone may take the step that won (disputes_resolved, again: a
 * resolved dispute is final while a step resolving it stands). Safe to
 * run again, and reads no table of the ledger's (a plan undone before
 * this version, arrange_undo.c, is not found from its audit entry: that
 * would read the whole audit log). */
const char store_mig_64[] =
    "CREATE TABLE IF NOT EXISTS sync_undone (uuid TEXT PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('void', 'dispute',"
    " 'arrangement')), at TEXT NOT NULL, reason TEXT NOT NULL);\n"
    "DROP TRIGGER IF EXISTS sync_undone_no_delete;\n"
    "DROP TRIGGER IF EXISTS sync_undone_no_update;\n" FROZEN("sync_undone")
        NO_UPDATE("sync_undone")
    "DROP TRIGGER IF EXISTS disputes_resolved;\n"
    "CREATE TRIGGER disputes_resolved BEFORE UPDATE ON disputes"
    " WHEN OLD.status IN ('upheld', 'rejected') AND EXISTS (SELECT 1 FROM"
    " dispute_events e WHERE e.dispute_id = OLD.id AND e.kind IN"
    " ('uphold', 'reject') AND e.uuid NOT IN (SELECT uuid FROM"
    " sync_undone)) BEGIN"
    " SELECT RAISE(ABORT, 'a resolved dispute cannot be changed');"
    " END;\n"
    /* a payment's one void row, once undone, is the place of its next
     * void (voids.payment_id is unique): store_void_again */
    "DROP TRIGGER IF EXISTS voids_no_update;\n"
    "CREATE TRIGGER voids_no_update BEFORE UPDATE ON voids WHEN OLD.uuid"
    " NOT IN (SELECT uuid FROM sync_undone) OR NEW.id <> OLD.id OR"
    " NEW.payment_id <> OLD.payment_id BEGIN"
    " SELECT RAISE(ABORT, 'voids is append-only'); END;\n";

/* cheques deposited by number (issue 20, "the cheques (listed by number
 * and amount)"): each cheque a deposit takes, as its shift's close
 * counted it (deposit_lines keeps the line's total per shift and
 * tender); a cheque is in at most one deposit that is not void (the
 * service and the central node check it in the transaction). The
 * deposits made before took a shift's cheques whole: each such line's
 * cheques are written where they are missing (a line of a part of them,
 * an older terminal's, names none). And a cheque found by its number.
 * Sealed like the lines; a central node's store drops the triggers.
 * Safe to run again. */
const char store_mig_65[] =
    "CREATE TABLE IF NOT EXISTS deposit_cheques (id INTEGER PRIMARY KEY,"
    " deposit_id INTEGER NOT NULL REFERENCES deposits (id),"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " method TEXT NOT NULL, number TEXT NOT NULL CHECK (number <> ''),"
    " amount INTEGER NOT NULL CHECK (amount > 0),"
    " UNIQUE (deposit_id, shift_id, method, number));\n"
    "CREATE INDEX IF NOT EXISTS deposit_cheques_cheque ON deposit_cheques"
    " (shift_id, method, number);\n"
    "CREATE INDEX IF NOT EXISTS shift_counts_cheque ON shift_counts (ref)"
    " WHERE kind = 'cheque';\n"
    "DROP TRIGGER IF EXISTS deposit_cheques_no_delete;\n"
    "DROP TRIGGER IF EXISTS deposit_cheques_no_update;\n"
    FROZEN("deposit_cheques") NO_UPDATE("deposit_cheques")
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_upd;\n"
    SEAL_TRIGGERS("deposit_cheques", SEAL_DEPOSIT_CHEQUES)
    "INSERT INTO deposit_cheques (deposit_id, shift_id, method, number,"
    " amount) SELECT l.deposit_id, l.shift_id, l.method, c.ref, c.amount"
    " FROM deposit_lines l JOIN shift_counts c ON c.shift_id = l.shift_id"
    " AND c.phase = 'close' AND c.kind = 'cheque' AND c.method = l.method"
    " AND c.ref <> '' AND c.amount > 0 WHERE l.amount = (SELECT sum(k.amount)"
    " FROM shift_counts k WHERE k.shift_id = l.shift_id AND k.phase ="
    " 'close' AND k.kind = 'cheque' AND k.method = l.method) AND NOT"
    " EXISTS (SELECT 1 FROM deposit_cheques q WHERE q.deposit_id ="
    " l.deposit_id AND q.shift_id = l.shift_id AND q.method = l.method)"
    " ORDER BY l.id, c.id;\n";

/* a post's pages (issue 24: 61 written per post at 1M payments, raw 6;
 * each page a post writes named by its b-tree, 40 posts): two indexes
 * that only cost. items_open (due_on) WHERE settled < amount is the
 * first column of items_owed under the same WHERE (migration 60), so
 * every query it served items_owed serves (EXPLAIN QUERY PLAN: the
 * alerts' overdue pass, its one reader, SEARCH i USING INDEX items_owed),
 * and a payment's item wrote both: one page less. seals_audit held each
 * seal twice over its life: at audit_id NULL (the start of the index)
 * when its trigger wrote it, then at its entry's id (the end) when the
 * entry claimed it, two pages a post; the unclaimed are found by id,
 * above the transaction's floor (seal_claim, seal_unclaimed), so the
 * index holds the claimed only: one page. Safe to run again. */
const char store_mig_66[] =
    "DROP INDEX IF EXISTS items_open;\n"
    "CREATE INDEX IF NOT EXISTS seals_entry ON seals (audit_id) WHERE"
    " audit_id IS NOT NULL;\n"
    "DROP INDEX IF EXISTS seals_audit;\n";

/* the associated gateway payments of a period (issue 23: the dashboard's
 * gateways, store_split, read from the payments since migration 63 gave
 * g an index by payment_uuid: every Cash payment of a month under a
 * method filter, each looking for its gateway payment, 560 ms at 10M):
 * g read by paid_at, the period widened by two days each side (a
 * gateway payment's ledger payment is dated by its gateway time), then
 * its payment by uuid. Safe to run again. */
const char store_mig_67[] =
    "CREATE INDEX IF NOT EXISTS gw_payments_associated ON gw_payments"
    " (paid_at) WHERE payment_uuid <> '';\n";

/* a resolution the central node refused (review R20, fault 5: two
 * supervisors resolved one exception offline; the central node keeps the
 * first): undone at its terminal, where the one the central node kept
 * takes its row (kind and target are unique) when it is pulled, so that
 * reconcile resolved reads alike at every terminal. recon_undone lists
 * the resolutions undone so (append-only); a row of recon_resolutions
 * may change, its kind and target kept, only while its uuid is in it.
 * Safe to run again. */
const char store_mig_68[] =
    "CREATE TABLE IF NOT EXISTS recon_undone (uuid TEXT PRIMARY KEY,"
    " at TEXT NOT NULL, reason TEXT NOT NULL);\n"
    "DROP TRIGGER IF EXISTS recon_undone_no_delete;\n"
    "DROP TRIGGER IF EXISTS recon_undone_no_update;\n" FROZEN("recon_undone")
        NO_UPDATE("recon_undone")
    "DROP TRIGGER IF EXISTS recon_resolutions_no_update;\n"
    "CREATE TRIGGER recon_resolutions_no_update BEFORE UPDATE ON"
    " recon_resolutions WHEN OLD.uuid NOT IN (SELECT uuid FROM"
    " recon_undone) OR NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR"
    " NEW.target <> OLD.target BEGIN"
    " SELECT RAISE(ABORT, 'recon_resolutions is append-only'); END;\n";

/* two cheques of one number (review R20, fault 4: two payers' cheque
 * books both at 105): a cheque is its shift's, its method's, its number's
 * (read in any case) and its amount's, and two alike in all of these are
 * told apart by the order the close counted them; one deposit may take
 * both, so the table again without UNIQUE (deposit_id, shift_id, method,
 * number), its rows and ids as they were (their seals stand), its
 * triggers and indexes, and the counted cheques found by number in any
 * case; and each shift's flag kept at its close. Safe to run again (the
 * copy is made again, whole). */
const char store_mig_69[] =
    "DROP TABLE IF EXISTS deposit_cheques_v2;\n"
    "CREATE TABLE deposit_cheques_v2 (id INTEGER PRIMARY KEY,"
    " deposit_id INTEGER NOT NULL REFERENCES deposits (id),"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " method TEXT NOT NULL, number TEXT NOT NULL CHECK (number <> ''),"
    " amount INTEGER NOT NULL CHECK (amount > 0));\n"
    "INSERT INTO deposit_cheques_v2 (id, deposit_id, shift_id, method,"
    " number, amount) SELECT id, deposit_id, shift_id, method, number,"
    " amount FROM deposit_cheques ORDER BY id;\n"
    "DROP TABLE deposit_cheques;\n"
    "ALTER TABLE deposit_cheques_v2 RENAME TO deposit_cheques;\n"
    "CREATE INDEX IF NOT EXISTS deposit_cheques_cheque ON deposit_cheques"
    " (shift_id, method, number);\n"
    "CREATE INDEX IF NOT EXISTS deposit_cheques_deposit ON deposit_cheques"
    " (deposit_id);\n"
    "CREATE INDEX IF NOT EXISTS shift_counts_cheque_nocase ON shift_counts"
    " (ref COLLATE NOCASE) WHERE kind = 'cheque';\n"
    "DROP TRIGGER IF EXISTS deposit_cheques_no_delete;\n"
    "DROP TRIGGER IF EXISTS deposit_cheques_no_update;\n"
    FROZEN("deposit_cheques") NO_UPDATE("deposit_cheques")
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_upd;\n"
    SEAL_TRIGGERS("deposit_cheques", SEAL_DEPOSIT_CHEQUES)
    /* a shift's flag (open across midnight or longer than [shifts]
     * max_hours) as its close found it, kept and synced with the close
     * (review R20, fault 7); a shift closed before has none, its flag
     * read from its times */
    "CREATE TABLE IF NOT EXISTS shift_flags (shift_id INTEGER PRIMARY KEY"
    " REFERENCES shifts (id), flagged INTEGER NOT NULL CHECK (flagged IN"
    " (0, 1)));\n"
    "DROP TRIGGER IF EXISTS shift_flags_no_delete;\n"
    "DROP TRIGGER IF EXISTS shift_flags_no_update;\n"
    FROZEN("shift_flags") NO_UPDATE("shift_flags");

/* the transfer rule's candidates (issue 20: a 100,000-line statement
 * matched within 5 s at 10M payments): a credit has about five posted
 * bank payments of its amount within the days, and each one's row was
 * read for its reference and its number, to look for them in the
 * line's text (2.1 s of the 10M bench's matching); the index holds
 * them, so a payment's row is read only once its line names it. Its
 * first columns and its WHERE are payments_bank_amount's (migration
 * 40), so it serves what that one did, which only cost a page a bank
 * payment. Safe to run again. */
const char store_mig_70[] =
    "CREATE INDEX IF NOT EXISTS payments_bank_match ON payments (amount,"
    " paid_on, reference, payment_no) WHERE method_kind = 'bank' AND"
    " status = 'Posted';\n"
    "DROP INDEX IF EXISTS payments_bank_amount;\n";

/* a cancel the central node refused, undone at its terminal
 * (arrange_undo.c, review R21b fault 1: two terminals changed one plan
 * offline): the plan is not cancelled again here, which migration 19's
 * trigger refused of every cancelled plan. It still refuses any other
 * change of a cancelled plan, and this one unless the plan's latest
 * cancel is listed undone (sync_undone, written first). Safe to run
 * again. */
const char store_mig_71[] =
    "DROP TRIGGER IF EXISTS arrangements_cancelled;\n"
    "CREATE TRIGGER arrangements_cancelled BEFORE UPDATE ON arrangements"
    " WHEN OLD.cancelled = 1 AND NOT (NEW.cancelled = 0 AND EXISTS (SELECT"
    " 1 FROM sync_undone u WHERE u.uuid = (SELECT e.uuid FROM"
    " arrangement_events e WHERE e.arrangement_id = OLD.id AND e.kind ="
    " 'cancel' ORDER BY e.id DESC LIMIT 1))) BEGIN"
    " SELECT RAISE(ABORT, 'a cancelled arrangement cannot be changed');"
    " END;\n";

/* the day each item came into the store (review R23 3: a past week's
 * forecast, "as it stood at its first day", counted a bill issued and
 * imported in the middle of the week). An item's entry day is the
 * organisation's day its row was written here (svc_item_insert), which
 * is not its issue date: a bill may be loaded before it is issued, or
 * long after. Backfill of the items already here, whose entry day was
 * never kept: the earlier of the day their row was written (created_at,
 * the machine's clock) and their issue date, so that a bill imported
 * after it was issued counts from its issue date, as every item counted
 * before this migration: the past weeks of a store migrated change only
 * for items loaded before they were issued and due in a week that began
 * before they were loaded. Append-only. Safe to run again (a row added
 * only where an item has none). */
const char store_mig_72[] =
    "CREATE TABLE IF NOT EXISTS item_entries (item_id INTEGER PRIMARY KEY"
    " REFERENCES items (id), entered_on TEXT NOT NULL);\n"
    "INSERT OR IGNORE INTO item_entries (item_id, entered_on) SELECT id,"
    " min(issued_on, substr(created_at, 1, 10)) FROM items;\n"
    "CREATE INDEX IF NOT EXISTS item_entries_day ON item_entries"
    " (entered_on);\n"
    "DROP TRIGGER IF EXISTS item_entries_no_delete;\n"
    "DROP TRIGGER IF EXISTS item_entries_no_update;\n"
    FROZEN("item_entries") NO_UPDATE("item_entries");

/* 73. A step of an alert the central node refused is undone at the
 * terminal that made it, as a plan's change or a dispute's step is
 * (review R21d, r21d_alert_refused_steps: T02 kept its refused
 * acknowledgement, assignment and note, and showed the alert otherwise
 * than the central node and T01): sync_undone takes the kind "alert".
 * SQLite changes no CHECK in place: the table is made again, its rows
 * copied (the triggers that keep it append-only dropped first, made
 * again after). */
#define SYNC_UNDONE_KINDS(kinds)                                               \
	"CREATE TEMP TABLE sync_undone_was AS SELECT uuid, kind, at, reason"   \
	" FROM sync_undone;\n"                                                 \
	"DROP TRIGGER IF EXISTS sync_undone_no_delete;\n"                      \
	"DROP TRIGGER IF EXISTS sync_undone_no_update;\n"                      \
	"DROP TABLE sync_undone;\n"                                            \
	"CREATE TABLE sync_undone (uuid TEXT PRIMARY KEY,"                     \
	" kind TEXT NOT NULL CHECK (kind IN (" kinds ")), at TEXT NOT NULL,"   \
	" reason TEXT NOT NULL);\n"                                            \
	"INSERT INTO sync_undone (uuid, kind, at, reason) SELECT uuid, kind,"  \
	" at, reason FROM sync_undone_was;\n"                                  \
	"DROP TABLE temp.sync_undone_was;\n" FROZEN("sync_undone")             \
	    NO_UPDATE("sync_undone")
const char store_mig_73[] =
    SYNC_UNDONE_KINDS("'void', 'dispute', 'arrangement', 'alert'");

/* 74. Which copy of a bank line two statements share is live is the
 * central node's word, taken by every terminal at its pull (review R20c:
 * T01 and T02 imported overlapping statements before syncing and each
 * kept its own copy live, so the two named the line, its exception and
 * "Already in statement" the other way round). A line of this terminal's
 * own import that the central node has as a duplicate becomes one here:
 * its dup_of (the one column of a line that may change, a status kept in
 * step, sealed), the copies pointing at it point at the live line, and
 * what hung on it moves there: its active match (line_id may change only
 * from a duplicate to the line it duplicates) and its resolutions (target
 * may change only as recon_moved, append-only, says, each move listed
 * there). dup_of is read by its index where copies are re-pointed and
 * where a statement's lines are found taken. Safe to run again. */
const char store_mig_74[] =
    "DROP TRIGGER IF EXISTS bank_lines_no_update;\n"
    "CREATE TRIGGER bank_lines_no_update BEFORE UPDATE OF id, statement_id,"
    " seq, booking_date, value_date, amount, reference, counterparty,"
    " text, bank_id, reversal ON bank_statement_lines BEGIN"
    " SELECT RAISE(ABORT, 'an imported statement cannot be changed'); END;\n"
    "CREATE INDEX IF NOT EXISTS bank_lines_dup_of ON bank_statement_lines"
    " (dup_of) WHERE dup_of IS NOT NULL;\n"
    "DROP TRIGGER IF EXISTS statement_matches_frozen;\n"
    "CREATE TRIGGER statement_matches_frozen BEFORE UPDATE OF id,"
    " deposit_id, gw_id, rule, note, matched_at, user_id, matched_by ON"
    " statement_matches BEGIN"
    " SELECT RAISE(ABORT, 'a match cannot be changed'); END;\n"
    "DROP TRIGGER IF EXISTS statement_matches_line;\n"
    "CREATE TRIGGER statement_matches_line BEFORE UPDATE OF line_id ON"
    " statement_matches WHEN NEW.line_id <> OLD.line_id AND NOT EXISTS"
    " (SELECT 1 FROM bank_statement_lines WHERE id = OLD.line_id AND"
    " dup_of = NEW.line_id) BEGIN"
    " SELECT RAISE(ABORT, 'a match cannot be changed'); END;\n"
    "CREATE TABLE IF NOT EXISTS recon_moved (uuid TEXT NOT NULL,"
    " from_target TEXT NOT NULL, to_target TEXT NOT NULL, at TEXT NOT NULL,"
    " PRIMARY KEY (uuid, from_target));\n"
    "DROP TRIGGER IF EXISTS recon_moved_no_delete;\n"
    "DROP TRIGGER IF EXISTS recon_moved_no_update;\n" FROZEN("recon_moved")
        NO_UPDATE("recon_moved")
    "DROP TRIGGER IF EXISTS recon_resolutions_no_update;\n"
    "CREATE TRIGGER recon_resolutions_no_update BEFORE UPDATE ON"
    " recon_resolutions WHEN NOT (NEW.id = OLD.id AND NEW.uuid = OLD.uuid"
    " AND NEW.kind = OLD.kind AND NEW.note = OLD.note AND NEW.resolved_at ="
    " OLD.resolved_at AND NEW.resolved_by = OLD.resolved_by AND EXISTS"
    " (SELECT 1 FROM recon_moved m WHERE m.uuid = OLD.uuid AND"
    " m.from_target = OLD.target AND m.to_target = NEW.target)) AND"
    " (OLD.uuid NOT IN (SELECT uuid FROM recon_undone) OR NEW.id <> OLD.id"
    " OR NEW.kind <> OLD.kind OR NEW.target <> OLD.target) BEGIN"
    " SELECT RAISE(ABORT, 'recon_resolutions is append-only'); END;\n";

/* 75. The amount a dispute disputes (review R21d, fault 3: a card
 * gateway's chargeback of 12.34 of a 50.00 payment opened a dispute
 * that showed 50.00, the 12.34 nowhere): minor units, more than 0 and
 * no more than its payment's amount (a trigger: a CHECK reads no other
 * table). A dispute without a row (opened before this version, or
 * pulled from a terminal that sends none) disputes its whole payment.
 * One of a dispute's terms: append-only. A table of its own, not a
 * column, so that it is safe to run again. */
const char store_mig_75[] =
    "CREATE TABLE IF NOT EXISTS dispute_amounts (dispute_id INTEGER"
    " PRIMARY KEY REFERENCES disputes (id), amount INTEGER NOT NULL"
    " CHECK (amount > 0));\n"
    "DROP TRIGGER IF EXISTS dispute_amounts_bound;\n"
    "CREATE TRIGGER dispute_amounts_bound BEFORE INSERT ON dispute_amounts"
    " WHEN NEW.amount > (SELECT p.amount FROM disputes d JOIN payments p"
    " ON p.id = d.payment_id WHERE d.id = NEW.dispute_id) BEGIN SELECT"
    " RAISE(ABORT, 'a dispute disputes no more than its payment'); END;\n"
    "DROP TRIGGER IF EXISTS dispute_amounts_no_delete;\n"
    "DROP TRIGGER IF EXISTS dispute_amounts_no_update;\n"
    FROZEN("dispute_amounts") NO_UPDATE("dispute_amounts");

/* 76. A credit application the central node refused is undone at its
 * terminal, as the other refused kinds are (review R21b, point 3;
 * credit_undo.c): sync_undone takes the kind "credit". Made again as in
 * 73 (SQLite changes no CHECK in place). */
const char store_mig_76[] =
    SYNC_UNDONE_KINDS("'void', 'dispute', 'arrangement', 'alert', 'credit'");

/* 77. The planner's statistics, taken whole once (issue 24): no store
 * before this version had any (paydesk ran no ANALYZE), and without them
 * the planner guessed at 10M payments: an arrangement made in 3.9 s, the
 * reconnection list 13 s, the deteriorating payers more than 30 minutes.
 * From here the store keeps them itself at each close that wrote
 * (store_stats_keep, db_sqlite.c). On an empty store (init) it writes
 * nothing; on an upgraded one it reads every index once, a few minutes at
 * 10M payments. */
const char store_mig_77[] = "ANALYZE;\n";

/* the cheques not matched at a blind close, in the close (issue 20,
 * review s50, helper-217): a cheque method's tender whose cheques listed
 * and taken differ keeps what differs ("listed, not taken: ... / taken,
 * not listed: ...") here, written by the close with its tenders, carried
 * by the close's sync record and applied at the central node and every
 * terminal, so each one's Z report and shift show say it (it was kept
 * in the terminal's own audit entry of the count alone). Run again
 * (schema.c), it changes nothing. */
const char store_mig_78[] =
    "CREATE TABLE IF NOT EXISTS shift_unmatched (id INTEGER PRIMARY KEY,"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " method TEXT NOT NULL, cheques TEXT NOT NULL CHECK (cheques <> ''),"
    " UNIQUE (shift_id, method));\n"
    "DROP TRIGGER IF EXISTS shift_unmatched_no_delete;\n"
    "DROP TRIGGER IF EXISTS shift_unmatched_no_update;\n"
    FROZEN("shift_unmatched") NO_UPDATE("shift_unmatched")
    "DROP TRIGGER IF EXISTS seal_shift_unmatched_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shift_unmatched_upd;\n"
    SEAL_TRIGGERS("shift_unmatched", SEAL_SHIFT_UNMATCHED);

/* 79. The shift a payment belongs to (issue 20): the cashier's shift open
 * at its terminal when it was taken, kept with the payment and carried by
 * its record, so that every node finds a payment's shift by it and not by
 * the shifts' times alone, where a close and the next opening in one
 * second both held a payment of that second. A payment of before it, or
 * taken with no shift open, has no row: its shift is found by the times,
 * as before. Append-only and sealed like the payment it belongs to (a
 * row changed, deleted or added around paydesk is one doctor names; a
 * central node's store drops the seal triggers, schema_central.c). Run
 * again (schema.c), it changes nothing. */
const char store_mig_79[] =
    "CREATE TABLE IF NOT EXISTS payment_shifts (id INTEGER PRIMARY KEY,"
    " payment_id INTEGER NOT NULL UNIQUE REFERENCES payments (id),"
    " shift_uuid TEXT NOT NULL CHECK (length(shift_uuid) = 36));\n"
    "DROP TRIGGER IF EXISTS payment_shifts_no_delete;\n"
    "DROP TRIGGER IF EXISTS payment_shifts_no_update;\n"
    FROZEN("payment_shifts") NO_UPDATE("payment_shifts")
    "DROP TRIGGER IF EXISTS seal_payment_shifts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_payment_shifts_upd;\n"
    SEAL_TRIGGERS("payment_shifts", SEAL_PAYMENT_SHIFTS)
    SEAL_BASE_NEW("payment_shifts", SEAL_PAYMENT_SHIFTS);

/* 80. A consumer's alerts by kind (issue 24): a use case's transaction
 * reads again whether the alerts of its consumer still hold
 * (store_alerts_stale), and found the large-payment ones through every
 * payment the consumer ever made, each row read for its status: 650 us
 * of a post of 2.2 ms for a consumer of 3,310 payments on the 10M bench
 * store, a figure that grew with the consumer's history. By this index it
 * reads the consumer's alerts of the kinds that can go stale, a handful. */
const char store_mig_80[] =
    "CREATE INDEX IF NOT EXISTS alerts_consumer ON alerts (consumer_id,"
    " kind);\n";

/* 81. A statement line's matches, active or undone (issue 20): a
 * terminal pulling the reconciliation's match and unmatch records asks,
 * for each, whether it has that match of the line already
 * (store_match_seen, store_match_refused), and statement_matches_line holds
 * a line's active match only (WHERE unmatched_at = ''), which a WHERE
 * of a bound unmatched_at cannot use: SQLite read every match for each
 * record (25 ms at 200,000 matches, a 100,000-record pull's matches
 * O(n^2)); by this index, 26 us. */
const char store_mig_81[] =
    "CREATE INDEX IF NOT EXISTS statement_matches_line_all ON"
    " statement_matches (line_id);\n";

/* 82. The shift a void belongs to (issue 20): the shift open at the
 * drawer of the terminal where the void was made (a void takes a cash
 * payment's cash out of that drawer, whoever voided it and whichever
 * shift took the payment: store_shift_taken), kept with the void and
 * carried by its record, so that every node finds whether a void was made
 * before or after a shift's close by it and not by times alone, where a
 * void of the second of the close counted as after it. Named by the
 * void's uuid: a void undone and made again in its row
 * (store_void_again) is a new uuid, its shift a new row. A void of
 * before it, or made with no shift open, has no row: it is read by its
 * time, as before. Append-only and sealed as the payment's shift
 * (store_mig_79); a central node's store drops the seal triggers
 * (schema_central.c). Run again (schema.c), it changes nothing. */
const char store_mig_82[] =
    "CREATE TABLE IF NOT EXISTS void_shifts (id INTEGER PRIMARY KEY,"
    " void_id INTEGER NOT NULL REFERENCES voids (id),"
    " void_uuid TEXT NOT NULL UNIQUE,"
    " shift_uuid TEXT NOT NULL CHECK (length(shift_uuid) = 36));\n"
    "DROP TRIGGER IF EXISTS void_shifts_no_delete;\n"
    "DROP TRIGGER IF EXISTS void_shifts_no_update;\n" FROZEN("void_shifts")
        NO_UPDATE(
            "void_shifts") "DROP TRIGGER IF EXISTS seal_void_shifts_ins;\n"
                           "DROP TRIGGER IF EXISTS "
                           "seal_void_shifts_upd;\n" SEAL_TRIGGERS(
                               "void_shifts", SEAL_VOID_SHIFTS)
                               SEAL_BASE_NEW("void_shifts", SEAL_VOID_SHIFTS);

/* 83. A consumer's payments by day with their status and amount
 * (issue 23, "Speed"): the anomaly pass's large-payment rule reads the
 * year before the day of each of the day's consumers (its Posted
 * payments' count and sum, store_anomaly_large), about 450,000 rows for
 * the 48,000 payments of a day at 10M; by (consumer_id, paid_on) each
 * row was a look-up in the table for its status and amount (1.78 s of
 * the statement, under load), by this index none (0.51 s). It takes the
 * place of the index of migration 1 under its name (INDEXED BY in
 * reports.c), so a payment's insert writes no more entries than before.
 * A central node's store drops it again (schema_central.c). Run again,
 * it builds the index again. */
/* 84. An end of an alert's cause that this terminal's pass noted alone
 * (its alert not synced yet: the note has no record) taken back when the
 * change that ended the cause is undone here, the central node having
 * refused it (helper-234, fault 6: a refused void left its payment's
 * alert closed at its terminal alone, which raised a "#2" of it; once
 * the alert was worked elsewhere, the false end went out). The history
 * is read less these (store_alert_notes), as less the steps of sync_undone.
 * Append-only. Run again, it changes nothing. */
const char store_mig_84[] =
    "CREATE TABLE IF NOT EXISTS alert_notes_undone (note_id INTEGER"
    " PRIMARY KEY REFERENCES alert_notes (id), at TEXT NOT NULL,"
    " reason TEXT NOT NULL);\n"
    "DROP TRIGGER IF EXISTS alert_notes_undone_no_delete;\n"
    "DROP TRIGGER IF EXISTS alert_notes_undone_no_update;\n" FROZEN(
        "alert_notes_undone") NO_UPDATE("alert_notes_undone");

const char store_mig_83[] =
    "DROP INDEX IF EXISTS payments_consumer;\n"
    "CREATE INDEX payments_consumer ON payments (consumer_id, paid_on,"
    " status, amount);\n";
