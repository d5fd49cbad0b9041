/* schema_m14.c - statements, shifts, arrangements, gateways,
 * deposits, reconciliation
 *
 * Migrations 14 to 33 of store_migrations[] (schema.c), each the text
 * of one version: never edit one that has shipped. */
#include "internal.h"
#include "schema_sql.h"

/* bank statements (issue 20, first slice): imported whole or not at
 * all, a statement once per account and key (the bank's id, or a
 * hash of its lines), each line pointing at an earlier statement's
 * line with the same bank id or date, amount and reference. Both
 * tables are append-only. */
const char store_mig_14[] =
    "CREATE TABLE bank_statements ("
    " id INTEGER PRIMARY KEY,"
    " account TEXT NOT NULL, stmt_id TEXT NOT NULL, stmt_key TEXT NOT NULL,"
    " format TEXT NOT NULL, file_name TEXT NOT NULL,"
    " currency TEXT NOT NULL, period_from TEXT NOT NULL,"
    " period_to TEXT NOT NULL, opening INTEGER, closing INTEGER,"
    " line_count INTEGER NOT NULL, credits INTEGER NOT NULL,"
    " debits INTEGER NOT NULL, dup_count INTEGER NOT NULL,"
    " imported_at TEXT NOT NULL, user_id INTEGER REFERENCES users(id),"
    " terminal TEXT NOT NULL, UNIQUE (account, stmt_key));\n"
    "CREATE TABLE bank_statement_lines ("
    " id INTEGER PRIMARY KEY,"
    " statement_id INTEGER NOT NULL REFERENCES bank_statements(id),"
    " seq INTEGER NOT NULL, booking_date TEXT NOT NULL,"
    " value_date TEXT NOT NULL, amount INTEGER NOT NULL,"
    " reference TEXT NOT NULL, counterparty TEXT NOT NULL,"
    " text TEXT NOT NULL, bank_id TEXT NOT NULL, reversal INTEGER NOT NULL,"
    " dup_of INTEGER REFERENCES bank_statement_lines(id),"
    " UNIQUE (statement_id, seq));\n"
    "CREATE INDEX bank_lines_bank_id ON bank_statement_lines (bank_id)"
    " WHERE bank_id <> '';\n"
    "CREATE INDEX bank_lines_day ON bank_statement_lines"
    " (booking_date, amount);\n"
    "CREATE TABLE bank_statement_mappings (name TEXT PRIMARY KEY,"
    " spec TEXT NOT NULL, created_at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users(id));\n"
    "CREATE TRIGGER bank_statements_no_update BEFORE UPDATE ON"
    " bank_statements BEGIN"
    " SELECT RAISE(ABORT, 'an imported statement cannot be changed'); END;\n"
    "CREATE TRIGGER bank_statements_no_delete BEFORE DELETE ON"
    " bank_statements BEGIN"
    " SELECT RAISE(ABORT, 'an imported statement cannot be deleted'); END;\n"
    "CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON"
    " bank_statement_lines BEGIN"
    " SELECT RAISE(ABORT, 'an imported statement cannot be changed'); END;\n"
    "CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON"
    " bank_statement_lines BEGIN"
    " SELECT RAISE(ABORT, 'an imported statement cannot be deleted'); END;\n";

/* cash shifts (issue 20; shift.h): a cashier's shift at one drawer,
 * its counts (opening float, close) by denomination, slip and
 * cheque, its pay-ins, pay-outs and safe drops, and the tenders its
 * close found over or short. A shift's payments and voids are the
 * cashier's at this terminal after pay_after / void_after (the
 * largest ids when it opened) up to pay_upto / void_upto (at the
 * close), so that its membership never hangs on a clock. One shift
 * open per drawer and per cashier at a terminal; a closed shift and
 * every line under it are frozen; the Z number (the "z_report"
 * series) is given once, at the close. Shifts are sealed (seal.c). */
const char store_mig_15[] =
    "CREATE TABLE shifts (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE, terminal TEXT NOT NULL,"
    " drawer TEXT NOT NULL, user_id INTEGER NOT NULL REFERENCES users (id),"
    " cashier TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('open', 'closed')),"
    " opened_at TEXT NOT NULL, closed_at TEXT NOT NULL DEFAULT '',"
    " z_no TEXT UNIQUE,"
    " float_expected INTEGER NOT NULL CHECK (float_expected >= 0),"
    " float_counted INTEGER NOT NULL CHECK (float_counted >= 0),"
    " float_kept INTEGER NOT NULL DEFAULT 0 CHECK (float_kept >= 0),"
    " closed_by TEXT NOT NULL DEFAULT '',"
    " signed_off_by TEXT NOT NULL DEFAULT '',"
    " pay_after INTEGER NOT NULL, pay_upto INTEGER,"
    " void_after INTEGER NOT NULL, void_upto INTEGER,"
    " CHECK ((status = 'open') = (z_no IS NULL)),"
    " CHECK ((status = 'open') = (closed_at = '')));\n"
    "CREATE UNIQUE INDEX shifts_open_drawer ON shifts (drawer)"
    " WHERE status = 'open';\n"
    "CREATE UNIQUE INDEX shifts_open_user ON shifts (terminal, user_id)"
    " WHERE status = 'open';\n"
    "CREATE INDEX shifts_drawer ON shifts (drawer, id);\n" FROZEN("shifts")
    "CREATE TRIGGER shifts_frozen BEFORE UPDATE OF id, uuid, terminal,"
    " drawer, user_id, cashier, opened_at, float_expected, float_counted,"
    " pay_after, void_after ON shifts BEGIN"
    " SELECT RAISE(ABORT, 'a shift''s opening cannot be changed'); END;\n"
    "CREATE TRIGGER shifts_closed BEFORE UPDATE ON shifts"
    " WHEN OLD.status = 'closed' BEGIN"
    " SELECT RAISE(ABORT, 'a closed shift cannot be changed'); END;\n"
    "CREATE TABLE shift_counts (id INTEGER PRIMARY KEY,"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " phase TEXT NOT NULL CHECK (phase IN ('open', 'close')),"
    " method TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN"
    " ('denomination', 'slip', 'cheque', 'total')),"
    " denomination INTEGER, qty INTEGER NOT NULL CHECK (qty >= 0),"
    " amount INTEGER NOT NULL CHECK (amount >= 0),"
    " ref TEXT NOT NULL DEFAULT '',"
    " CHECK ((kind = 'denomination') = (denomination IS NOT NULL)),"
    " CHECK (kind <> 'denomination' OR amount = denomination * qty));\n"
    "CREATE INDEX shift_counts_shift ON shift_counts (shift_id, phase);\n"
    FROZEN("shift_counts") NO_UPDATE("shift_counts")
    "CREATE TABLE shift_movements (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " kind TEXT NOT NULL CHECK (kind IN ('pay_in', 'pay_out',"
    " 'safe_drop')), method TEXT NOT NULL,"
    " amount INTEGER NOT NULL CHECK (amount > 0),"
    " reason TEXT NOT NULL CHECK (reason <> ''),"
    " approved_by TEXT NOT NULL DEFAULT '',"
    " user_id INTEGER REFERENCES users (id), at TEXT NOT NULL);\n"
    "CREATE INDEX shift_movements_shift ON shift_movements (shift_id);\n"
    FROZEN("shift_movements") NO_UPDATE("shift_movements")
    "CREATE TABLE shift_tenders (id INTEGER PRIMARY KEY,"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " method TEXT NOT NULL, npayments INTEGER NOT NULL,"
    " taken INTEGER NOT NULL, expected INTEGER NOT NULL,"
    " counted INTEGER NOT NULL CHECK (counted >= 0),"
    " over_short INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '',"
    " approved_by TEXT NOT NULL DEFAULT '',"
    " CHECK (over_short = counted - expected),"
    " UNIQUE (shift_id, method));\n"
    FROZEN("shift_tenders") NO_UPDATE("shift_tenders")
    SEAL("shifts", SEAL_SHIFTS)
    /* the documents log takes Z and X reports too (a Z report's
     * reprint is a COPY like a receipt's): the table again with the
     * wider CHECK, its rows and its append-only triggers */
    "CREATE TABLE documents_v2 ("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('receipt', 'credit_note',"
    " 'z_report', 'x_report')),"
    " number TEXT NOT NULL,"
    " copy INTEGER NOT NULL CHECK (copy >= 0),"
    " format TEXT NOT NULL CHECK (format IN ('pdf', 'text')),"
    " issued_at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users (id),"
    " issued_by TEXT NOT NULL,"
    " terminal TEXT NOT NULL,"
    " path TEXT NOT NULL,"
    " UNIQUE (kind, number, copy));\n"
    "INSERT INTO documents_v2 SELECT id, kind, number, copy, format,"
    " issued_at, user_id, issued_by, terminal, path FROM documents;\n"
    "DROP TABLE documents;\n"
    "ALTER TABLE documents_v2 RENAME TO documents;\n" FROZEN("documents")
    NO_UPDATE("documents");

/* payments, their allocations and voids, and the sync outbox sealed
 * like migration 9's tables (issue 18, section 7): a status, an
 * amount, a verification, notes or a payload changed in the sqlite3
 * shell, a row deleted, an outbox record marked sent by hand, is a
 * row that differs from its seal (doctor), and a forged payload is
 * never pushed (seal_outbox_check). The rows already here are sealed
 * by one audit entry when the store is next opened. */
const char store_mig_16[] =
    SEAL_TRIGGERS("payments", SEAL_PAYMENTS) SEAL_TRIGGERS(
        "allocations", SEAL_ALLOCATIONS) SEAL_TRIGGERS("voids", SEAL_VOIDS)
        SEAL_TRIGGERS_OF("outbox", SEAL_OUTBOX, SEAL_OUTBOX_COLS) SEAL_BASE("payments",
            SEAL_PAYMENTS) SEAL_BASE("allocations", SEAL_ALLOCATIONS)
            SEAL_BASE("voids", SEAL_VOIDS) SEAL_BASE("outbox", SEAL_OUTBOX)
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_baseline', "
    "'1');\n";

/* the payments search finds a receipt, payment id, transaction id
 * or reference by any part of it of 3 characters or more ("4567" in
 * AB-1234567 and R-T01-004567; issue 17): a trigram index over the
 * payments' numbers, filled as a payment is inserted (payments are
 * append-only and their numbers and reference never change). */
const char store_mig_17[] =
    "CREATE VIRTUAL TABLE payments_docs USING fts5 (receipt_no,"
    " payment_no, txn_no, reference, content='payments',"
    " content_rowid='id', tokenize='trigram');\n"
    "INSERT INTO payments_docs (payments_docs) VALUES ('rebuild');\n"
    "CREATE TRIGGER payments_docs_ai AFTER INSERT ON payments BEGIN"
    " INSERT INTO payments_docs (rowid, receipt_no, payment_no, txn_no,"
    " reference) VALUES (new.id, new.receipt_no, new.payment_no,"
    " new.txn_no, new.reference); END;\n";

/* the recovery role (issue 21): a cashier who also works debts. Only
 * the CHECK of users.role widens; rebuilding users in a migration's
 * transaction is not possible (foreign_keys is on and every ledger
 * table points at users), so the table's text is changed in place,
 * which SQLite documents as safe for a CHECK that only accepts more
 * ("Making other kinds of table schema changes"). No row changes:
 * the users' seals stay what they were. */
const char store_mig_18[] =
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, '''admin''))',"
    " '''admin'', ''recovery''))') WHERE type = 'table' AND"
    " name = 'users';\n"
    "PRAGMA writable_schema = RESET;\n";

/* payment arrangements (issue 21): a plan (plans, its installments
 * items of kind installment) made from a consumer's items, whose
 * debt it takes over. A move takes an amount of an item's debt into
 * the plan (+: the item is settled by it, so that aging, KPIs and
 * balances never count the debt twice) or gives it back (-: a
 * cancel; a reschedule closes unpaid installments by a move too):
 * an item's settled is its allocations, credit applications and
 * moves (doctor). under_plan names the plan an item's debt went to,
 * arr_event the event that made an installment (its sync record).
 * Events and moves are append-only; the arrangement row keeps the
 * latest terms and whether it was cancelled. */
const char store_mig_19[] =
    "CREATE TABLE arrangements (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " plan_id INTEGER NOT NULL UNIQUE REFERENCES plans (id),"
    " consumer_id INTEGER NOT NULL REFERENCES consumers (id),"
    " debt INTEGER NOT NULL CHECK (debt > 0),"
    " down_payment INTEGER NOT NULL CHECK (down_payment >= 0"
    "  AND down_payment < debt),"
    " n_inst INTEGER NOT NULL CHECK (n_inst BETWEEN 1 AND 120),"
    " frequency TEXT NOT NULL CHECK (frequency IN ('weekly',"
    "  'fortnightly', 'monthly')),"
    " first_due TEXT NOT NULL,"
    " grace_days INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 90),"
    " misses_allowed INTEGER NOT NULL CHECK (misses_allowed BETWEEN 0"
    "  AND 12),"
    " reason TEXT NOT NULL CHECK (reason <> ''),"
    " created_on TEXT NOT NULL, created_at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users (id), created_by TEXT NOT NULL,"
    " terminal TEXT NOT NULL,"
    " cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),"
    " changes INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX arrangements_consumer ON arrangements (consumer_id);\n"
    "CREATE TRIGGER arrangements_cancelled BEFORE UPDATE ON arrangements"
    " WHEN OLD.cancelled = 1 BEGIN"
    " SELECT RAISE(ABORT, 'a cancelled arrangement cannot be changed');"
    " END;\n" FROZEN("arrangements")
    "CREATE TABLE arrangement_events (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " arrangement_id INTEGER NOT NULL REFERENCES arrangements (id),"
    " kind TEXT NOT NULL CHECK (kind IN ('create', 'reschedule',"
    "  'cancel')),"
    " reason TEXT NOT NULL CHECK (reason <> ''), at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users (id), by TEXT NOT NULL,"
    " terminal TEXT NOT NULL);\n"
    "CREATE INDEX arrangement_events_arr ON arrangement_events"
    " (arrangement_id);\n" FROZEN("arrangement_events")
    NO_UPDATE("arrangement_events")
    "CREATE TABLE arrangement_moves (id INTEGER PRIMARY KEY,"
    " event_id INTEGER NOT NULL REFERENCES arrangement_events (id),"
    " item_id INTEGER NOT NULL REFERENCES items (id),"
    " amount INTEGER NOT NULL CHECK (amount <> 0));\n"
    "CREATE INDEX arrangement_moves_item ON arrangement_moves (item_id);\n"
    "CREATE INDEX arrangement_moves_event ON arrangement_moves"
    " (event_id);\n" FROZEN("arrangement_moves")
    NO_UPDATE("arrangement_moves")
    "ALTER TABLE items ADD COLUMN under_plan INTEGER REFERENCES"
    " plans (id);\n"
    /* the event that made an installment of an arrangement */
    "ALTER TABLE items ADD COLUMN arr_event INTEGER REFERENCES"
    " arrangement_events (id);\n"
    "CREATE INDEX items_arr_event ON items (arr_event) WHERE arr_event"
    " IS NOT NULL;\n";

/* a plain keyboard finds the letters Unicode gives no decomposition
 * (issue 17: ı, ł, ø, đ, æ, œ, þ ... by i, l, o, d, ae, oe, th; the
 * table is utf8.c's fold_letters): the names folded again by the new
 * rule, each changed row reindexed by consumers_au. */
const char store_mig_20[] =
    "UPDATE consumers SET name_fold = pd_fold(name) WHERE name_fold <>"
    " pd_fold(name);\n";

/* gateway payments as a terminal pulls them (issue 19): one row per
 * gateway and code, the central node's version of it (a pulled
 * gateway_payment record replaces it whole): its statuses, amount,
 * payer's phone and reference, the candidates when unassociated,
 * its consumer (0: unassociated) and its ledger payment by uuid ("":
 * none). An association made here is an outbox record
 * (gateway_association) until the central node applied it; this
 * row changes only by what is pulled. Not gateway_payments: a
 * central node's store holds that table of its own. */
const char store_mig_21[] =
    "CREATE TABLE gw_payments (id INTEGER PRIMARY KEY,"
    " gateway TEXT NOT NULL, code TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed',"
    " 'refunded', 'disputed')),"
    " webhook_status TEXT NOT NULL, settlement_status TEXT NOT NULL,"
    " account_ref TEXT NOT NULL, phone TEXT NOT NULL,"
    " amount INTEGER NOT NULL CHECK (amount >= 0), paid_at TEXT NOT NULL,"
    " candidates TEXT NOT NULL,"
    " consumer_id INTEGER NOT NULL DEFAULT 0,"
    " payment_uuid TEXT NOT NULL DEFAULT '',"
    " fee INTEGER NOT NULL DEFAULT 0, settled_on TEXT NOT NULL DEFAULT '',"
    " processing_tenths INTEGER NOT NULL DEFAULT -1,"
    " pulled_at TEXT NOT NULL, UNIQUE (gateway, code));\n"
    "CREATE INDEX gw_payments_consumer ON gw_payments (consumer_id);\n";

/* money outside the payments sealed like them (review 18, points 3
 * and 4): a credit note's applications, a shift's counts, movements
 * and tenders, an imported bank statement and its lines. A changed
 * amount, a deleted movement or line, a statement's totals edited,
 * is a row that differs from its seal (doctor), even with the
 * append-only trigger dropped. The rows already here are sealed by
 * one audit entry when the store is next opened; a central node's
 * store drops the triggers again (schema_central.c). */
const char store_mig_22[] =
    SEAL_TRIGGERS("credit_applications", SEAL_CREDIT_APPS)
    SEAL_TRIGGERS("shift_counts", SEAL_SHIFT_COUNTS)
    SEAL_TRIGGERS("shift_movements", SEAL_SHIFT_MOVEMENTS)
    SEAL_TRIGGERS("shift_tenders", SEAL_SHIFT_TENDERS)
    SEAL_TRIGGERS("bank_statements", SEAL_BANK_STATEMENTS)
    SEAL_TRIGGERS("bank_statement_lines", SEAL_BANK_LINES)
    SEAL_BASE("credit_applications", SEAL_CREDIT_APPS)
    SEAL_BASE("shift_counts", SEAL_SHIFT_COUNTS)
    SEAL_BASE("shift_movements", SEAL_SHIFT_MOVEMENTS)
    SEAL_BASE("shift_tenders", SEAL_SHIFT_TENDERS)
    SEAL_BASE("bank_statements", SEAL_BANK_STATEMENTS)
    SEAL_BASE("bank_statement_lines", SEAL_BANK_LINES)
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_baseline', "
    "'1');\n";

/* an item's debt an arrangement moved is due as the plan's
 * installments, not in the item's own day too (issue 21 review,
 * point 2): Total Due counts an item less what arrangements moved of
 * it (a reschedule's closed installments alike; a cancel's give-back
 * counts it again); the days already rolled up are corrected once */
const char store_mig_23[] =
    "CREATE TRIGGER rollup_arr_move AFTER INSERT ON arrangement_moves BEGIN"
    " UPDATE due_daily SET amount = amount - NEW.amount WHERE day ="
    " (SELECT due_on FROM items WHERE id = NEW.item_id); END;\n"
    "UPDATE due_daily SET amount = amount - (SELECT coalesce(sum(m.amount),"
    " 0) FROM arrangement_moves m JOIN items i ON i.id = m.item_id WHERE"
    " i.due_on = due_daily.day) WHERE day IN (SELECT i.due_on FROM"
    " arrangement_moves m JOIN items i ON i.id = m.item_id);\n";

/* bank deposits of closed shifts' cash and cheques (issue 20;
 * deposit.h): a deposit with its slip number, account and day, one
 * line per shift and tender, and the statement credit matched to it
 * (by the automatic rule or by hand; an unmatch keeps the row with
 * when, who and why), or a gateway payment's settlement matched to
 * one. A deposit is append-only but for its void,
 * written once; a slip number is used by one deposit that is not
 * void. Sealed like the shifts' money (seal.c); a central node's
 * store drops the triggers (schema_central.c). */
const char store_mig_24[] =
    "CREATE TABLE deposits (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE, slip_no TEXT NOT NULL CHECK (slip_no <>"
    " ''), account TEXT NOT NULL CHECK (account <> ''),"
    " deposited_on TEXT NOT NULL,"
    " amount INTEGER NOT NULL CHECK (amount > 0),"
    " created_at TEXT NOT NULL, user_id INTEGER REFERENCES users (id),"
    " created_by TEXT NOT NULL, terminal TEXT NOT NULL,"
    " voided_at TEXT NOT NULL DEFAULT '',"
    " voided_by TEXT NOT NULL DEFAULT '',"
    " void_reason TEXT NOT NULL DEFAULT '',"
    " CHECK ((voided_at = '') = (void_reason = '')));\n"
    "CREATE UNIQUE INDEX deposits_slip ON deposits (slip_no)"
    " WHERE voided_at = '';\n" FROZEN("deposits")
    "CREATE TRIGGER deposits_frozen BEFORE UPDATE OF id, uuid, slip_no,"
    " account, deposited_on, amount, created_at, user_id, created_by,"
    " terminal ON deposits BEGIN"
    " SELECT RAISE(ABORT, 'a deposit cannot be changed'); END;\n"
    "CREATE TRIGGER deposits_voided BEFORE UPDATE ON deposits"
    " WHEN OLD.voided_at <> '' BEGIN"
    " SELECT RAISE(ABORT, 'a void deposit cannot be changed'); END;\n"
    "CREATE TABLE deposit_lines (id INTEGER PRIMARY KEY,"
    " deposit_id INTEGER NOT NULL REFERENCES deposits (id),"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " method TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),"
    " UNIQUE (deposit_id, shift_id, method));\n"
    "CREATE INDEX deposit_lines_shift ON deposit_lines (shift_id);\n"
    FROZEN("deposit_lines") NO_UPDATE("deposit_lines")
    "CREATE TABLE statement_matches (id INTEGER PRIMARY KEY,"
    " line_id INTEGER NOT NULL REFERENCES bank_statement_lines (id),"
    " deposit_id INTEGER REFERENCES deposits (id),"
    " gw_id INTEGER REFERENCES gw_payments (id),"
    " rule TEXT NOT NULL CHECK (rule IN ('auto', 'manual', 'gateway')),"
    " note TEXT NOT NULL, matched_at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users (id), matched_by TEXT NOT NULL,"
    " unmatched_at TEXT NOT NULL DEFAULT '',"
    " unmatched_by TEXT NOT NULL DEFAULT '',"
    " unmatch_note TEXT NOT NULL DEFAULT '',"
    " CHECK ((deposit_id IS NULL) <> (gw_id IS NULL)));\n"
    "CREATE UNIQUE INDEX statement_matches_deposit ON statement_matches"
    " (deposit_id) WHERE unmatched_at = '' AND deposit_id IS NOT NULL;\n"
    "CREATE UNIQUE INDEX statement_matches_gw ON statement_matches"
    " (gw_id) WHERE unmatched_at = '' AND gw_id IS NOT NULL;\n"
    "CREATE UNIQUE INDEX statement_matches_line ON statement_matches"
    " (line_id) WHERE unmatched_at = '';\n" FROZEN("statement_matches")
    "CREATE TRIGGER statement_matches_frozen BEFORE UPDATE OF id,"
    " line_id, deposit_id, gw_id, rule, note, matched_at, user_id,"
    " matched_by ON statement_matches BEGIN"
    " SELECT RAISE(ABORT, 'a match cannot be changed'); END;\n"
    "CREATE TRIGGER statement_matches_undone BEFORE UPDATE ON"
    " statement_matches WHEN OLD.unmatched_at <> '' BEGIN"
    " SELECT RAISE(ABORT, 'an unmatched match cannot be changed'); END;\n"
    SEAL_TRIGGERS("deposits", SEAL_DEPOSITS)
    SEAL_TRIGGERS("deposit_lines", SEAL_DEPOSIT_LINES)
    SEAL_TRIGGERS("statement_matches", SEAL_STMT_MATCHES);

/* the documents log takes deposit slips (issue 20: a reprint is a
 * COPY like a receipt's): the CHECK of documents.kind widened in
 * place as the recovery role's was (it only accepts more), after
 * its first word so that another kind added the same way keeps
 * this one */
const char store_mig_25[] =
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, '(''receipt'', ',"
    " '(''receipt'', ''deposit_slip'', ') WHERE type = 'table' AND"
    " name = 'documents';\n"
    "PRAGMA writable_schema = RESET;\n";

/* short searches match the start of any word of a name (issue 17
 * review: "mu" finds Hans Müller, a Thai surname by its start): the
 * folded name's words, split by unicode61 (letters, digits and marks
 * are word characters, the rest separates), in an index of their
 * one- and two-character prefixes, kept like consumers_fts (and left
 * to store_fts_defer_end during a bulk load) */
const char store_mig_26[] =
    "CREATE VIRTUAL TABLE consumers_words USING fts5 (name_fold,"
    " content='consumers', content_rowid='id', prefix='1 2',"
    " tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\");\n"
    "INSERT INTO consumers_words (consumers_words) VALUES ('rebuild');\n"
    "CREATE TRIGGER consumers_words_ai AFTER INSERT ON consumers WHEN NOT"
    " EXISTS (SELECT 1 FROM fts_defer WHERE new.id > after_id) BEGIN"
    " INSERT INTO consumers_words (rowid, name_fold) VALUES (new.id,"
    " new.name_fold); END;\n"
    "CREATE TRIGGER consumers_words_ad AFTER DELETE ON consumers WHEN NOT"
    " EXISTS (SELECT 1 FROM fts_defer WHERE old.id > after_id) BEGIN"
    " INSERT INTO consumers_words (consumers_words, rowid, name_fold)"
    " VALUES ('delete', old.id, old.name_fold); END;\n"
    "CREATE TRIGGER consumers_words_au AFTER UPDATE OF name_fold ON"
    " consumers WHEN NOT EXISTS (SELECT 1 FROM fts_defer WHERE old.id >"
    " after_id) BEGIN"
    " INSERT INTO consumers_words (consumers_words, rowid, name_fold)"
    " VALUES ('delete', old.id, old.name_fold);"
    " INSERT INTO consumers_words (rowid, name_fold) VALUES (new.id,"
    " new.name_fold); END;\n";

/* a sign-in hashes its user's seal group (store_user_sealed): users
 * sealed in a big group (a baseline of a million rows) are sealed
 * again apart once, after their group is checked (seal.c,
 * seal_users_apart; issue 24) */
const char store_mig_27[] =
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_users', '1');\n";

/* a terminal's and a branch's figures (issue 23: the dashboard and
 * reports by scope) read their payments by these, a day range at a
 * time, as the organisation's read the rollups */
const char store_mig_28[] =
    "CREATE INDEX payments_terminal ON payments (terminal, paid_on, status);\n"
    "CREATE INDEX payments_branch ON payments (branch, paid_on, status);\n";

/* a pulled gateway payment's refunds so far and why a refund is held
 * for a supervisor (issue 19 review: struct gw_payment) */
const char store_mig_29[] =
    "ALTER TABLE gw_payments ADD COLUMN refunded INTEGER NOT NULL"
    " DEFAULT 0 CHECK (refunded >= 0);\n"
    "ALTER TABLE gw_payments ADD COLUMN review TEXT NOT NULL"
    " DEFAULT '';\n";

/* the matching rules of card settlements and bank transfers (issue
 * 20, "Reconciliation"): a match's rule may be card (a terminal's day
 * of card payments, settled by the processor less its fee) or
 * transfer (one bank transfer payment), of neither a deposit nor a
 * gateway payment. The CHECKs of statement_matches widened in place
 * as documents' kind was (they only accept more) */
const char store_mig_30[] =
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(replace(sql,"
    " '''manual'', ''gateway'')',"
    " '''manual'', ''gateway'', ''card'', ''transfer'')'),"
    " 'CHECK ((deposit_id IS NULL) <> (gw_id IS NULL))',"
    " 'CHECK ((deposit_id IS NOT NULL) + (gw_id IS NOT NULL) +"
    " (rule IN (''card'', ''transfer'')) = 1)') WHERE type = 'table' AND"
    " name = 'statement_matches';\n"
    "PRAGMA writable_schema = RESET;\n";

/* the payments a card or transfer match took (issue 20): a card
 * settlement's every card payment of its terminal and day, a
 * transfer's one; append-only, their match's unmatch frees them.
 * Sealed like the matches; a central node's store drops the seal
 * triggers (schema_central.c) */
const char store_mig_31[] =
    "CREATE TABLE statement_match_payments (id INTEGER PRIMARY KEY,"
    " match_id INTEGER NOT NULL REFERENCES statement_matches (id),"
    " payment_id INTEGER NOT NULL REFERENCES payments (id),"
    " UNIQUE (match_id, payment_id));\n"
    "CREATE INDEX statement_match_payments_payment ON"
    " statement_match_payments (payment_id);\n"
    FROZEN("statement_match_payments")
    NO_UPDATE("statement_match_payments")
    SEAL_TRIGGERS("statement_match_payments", SEAL_MATCH_PAYMENTS);

/* reconciliation exceptions resolved by hand (issue 20,
 * "Exceptions"): a supervisor's note on one exception, named by its
 * kind and target (a deposit's uuid; a statement line as account,
 * statement key and line; a shift's uuid and tender), with what the
 * exception showed then. A resolved exception leaves the open list
 * and stays here, once per kind and target; append-only, sealed */
const char store_mig_32[] =
    "CREATE TABLE recon_resolutions (id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN"
    " ('not_credited', 'unexpected_credit', 'amount_differs',"
    " 'over_short', 'matched_twice')), target TEXT NOT NULL,"
    " ref TEXT NOT NULL, day TEXT NOT NULL, age INTEGER NOT NULL,"
    " expected INTEGER NOT NULL, actual INTEGER NOT NULL,"
    " note TEXT NOT NULL CHECK (note <> ''), resolved_at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users (id), resolved_by TEXT NOT NULL,"
    " terminal TEXT NOT NULL, UNIQUE (kind, target));\n"
    FROZEN("recon_resolutions") NO_UPDATE("recon_resolutions")
    SEAL_TRIGGERS("recon_resolutions", SEAL_RESOLUTIONS);

/* statements imported before they were sync records (issue 20) were
 * never sent: the next sync round queues them and their matches
 * once (svc_stmt_catchup), sealed as every outbox row, and clears
 * this */
const char store_mig_33[] =
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('stmt_catchup', "
    "'1');\n";
