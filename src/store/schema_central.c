/* schema_central.c - the central node's schemas as migrations: what an
 * organisation's store adds to the terminal's schema (schema.c), in its
 * own version (central_version), and the directory of organisations and
 * terminals.
 *
 * TO ADD A MIGRATION: append a string, at the end; never edit or move one
 * that has shipped; a new one must be safe to run again (schema.c says why).
 */
#include "internal.h"
#include "schema_sql.h"

/* The central node's additions to an organisation's store: the feed that
 * terminals pull (one row per change, in commit order, filled by
 * triggers in the transaction of the change), the records applied (the
 * idempotency keys) and the log of refused records. sync_origin says who
 * is writing: the terminal whose record is applied, or "" for imports;
 * altered marks what the central node applied differently from how the
 * terminal recorded it, so that terminal pulls it back. */
#define FEED(name, when, entity, row)                                          \
	"CREATE TRIGGER feed_" name " " when " BEGIN INSERT INTO feed"         \
	" (entity, row_id, origin, altered) SELECT '" entity "', " row ","     \
	" origin, altered FROM sync_origin; END;\n"
/* A feed trigger that also keeps the history of what it feeds: the
 * INSERT INTO history after the feed's, last_insert_rowid() its seq. */
#define RULE_FEED(name, when, entity, history)                                 \
	"CREATE TRIGGER feed_" name " " when " BEGIN INSERT INTO feed"         \
	" (entity, row_id, origin, altered) SELECT '" entity "', NEW.id,"      \
	" origin, altered FROM sync_origin; INSERT INTO " history "; END;\n"
/* A history table's seal on insert (schema.c's SEAL_ROW), and the table
 * frozen: its rows are never changed nor deleted. */
#define HISTORY_SEAL(t, cols)                                                  \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " BEGIN" SEAL_ROW(  \
	    t, cols) " END;\n"                                                 \
	"CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t " BEGIN "         \
	"SELECT RAISE(ABORT, '" t " is append-only'); END;\n"                  \
	"CREATE TRIGGER " t "_no_update BEFORE UPDATE ON " t " BEGIN "         \
	"SELECT RAISE(ABORT, '" t " is append-only'); END;\n"
const char *const store_central_migrations[] = {
    "CREATE TABLE sync_origin (id INTEGER PRIMARY KEY CHECK (id = 1),"
    " origin TEXT NOT NULL, altered INTEGER NOT NULL);\n"
    "INSERT INTO sync_origin VALUES (1, '', 0);\n"
    "CREATE TABLE feed (seq INTEGER PRIMARY KEY, entity TEXT NOT NULL,"
    " row_id INTEGER NOT NULL, origin TEXT NOT NULL,"
    " altered INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE TABLE applied (uuid TEXT PRIMARY KEY, terminal TEXT NOT NULL,"
    " kind TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)"
    " WITHOUT ROWID;\n"
    "CREATE TABLE sync_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
    " terminal TEXT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,"
    " event TEXT NOT NULL CHECK (event IN ('rejected', 'conflict')),"
    " reason TEXT NOT NULL);\n"
    /* what the store held before it became central */
    "INSERT INTO feed (entity, row_id, origin) SELECT 'consumer', id, ''"
    " FROM consumers ORDER BY id;\n"
    "INSERT INTO feed (entity, row_id, origin) SELECT 'user', id, ''"
    " FROM users ORDER BY id;\n"
    "INSERT INTO feed (entity, row_id, origin) SELECT 'item', id, ''"
    " FROM items ORDER BY id;\n" FEED("consumer_ins",
        "AFTER INSERT ON consumers", "consumer", "NEW.id") FEED("consumer_upd",
        "AFTER UPDATE OF account_no, name, service_address,"
        " phone, email, segment ON consumers",
        "consumer", "NEW.id") FEED("user_ins", "AFTER INSERT ON users", "user",
        "NEW.id") FEED("user_upd",
        "AFTER UPDATE OF full_name, role, pin_hash, active"
        " ON users",
        "user", "NEW.id") FEED("item_ins", "AFTER INSERT ON items", "item",
        "NEW.id") FEED("item_upd",
        "AFTER UPDATE OF ref, period, description, amount,"
        " issued_on, due_on ON items",
        "item", "NEW.id") FEED("payment_ins", "AFTER INSERT ON payments",
        "payment", "NEW.id") FEED("payment_verify",
        "AFTER UPDATE OF status ON payments WHEN"
        " OLD.status = 'Pending' AND NEW.status = 'Posted'",
        "verify", "NEW.id") FEED("void_ins", "AFTER INSERT ON voids", "void",
        "NEW.id") FEED("credit_ins", "AFTER INSERT ON credit_notes",
        "credit_note", "NEW.id") FEED("apply_ins",
        "AFTER INSERT ON credit_applications", "credit_apply", "NEW.id"),
    /* 2: settings flow to the terminals too */
    FEED("setting_ins", "AFTER INSERT ON settings", "setting", "NEW.id")
        FEED("setting_upd", "AFTER UPDATE OF value ON settings", "setting",
            "NEW.id"),
    /* 3: the central node runs no reports and no dashboards (they run at
     * the terminals, over what they pull): its payments keep only the
     * indexes that apply and pull read, and the rollups the dashboards
     * read are neither kept in step nor kept. Every index and trigger
     * less is work less in each pushed payment. (payments_method_day
     * IF EXISTS since store_mig_96, which folds it into
     * payments_method: a new organisation's store runs the store's
     * migrations first, and has none; every store that ran this before
     * had one, and dropped it the same.) */
    "DROP INDEX payments_consumer;\n"
    "DROP INDEX payments_user;\n"
    "DROP INDEX payments_method;\n"
    "DROP INDEX payments_status;\n"
    "DROP INDEX payments_type;\n"
    "DROP INDEX payments_paid_on;\n"
    "DROP INDEX IF EXISTS payments_method_day;\n"
    "DROP INDEX payments_amount;\n"
    "DROP INDEX credit_notes_created;\n"
    "DROP TRIGGER rollup_item;\n"
    "DROP TRIGGER rollup_post;\n"
    "DROP TRIGGER rollup_verify;\n"
    "DROP TRIGGER rollup_unpost;\n"
    "DROP TRIGGER rollup_alloc;\n"
    "DROP TRIGGER rollup_method_post;\n"
    "DROP TRIGGER rollup_method_verify;\n"
    "DROP TRIGGER rollup_method_unpost;\n"
    "DELETE FROM due_daily;\n"
    "DELETE FROM daily_totals;\n"
    "DELETE FROM daily_method_totals;\n"
    "DELETE FROM payer_totals;\n"
    "DELETE FROM payer_method_totals;\n",
    /* 4: a consumer's language (the terminal's migration 8) flows to the
     * terminals like the rest of the consumer */
    "DROP TRIGGER feed_consumer_upd;\n" FEED("consumer_upd",
        "AFTER UPDATE OF account_no, name, service_address,"
        " phone, email, segment, language ON consumers",
        "consumer", "NEW.id"),
    /* 5: the log of refused records is bounded per terminal (a push
     * that is refused trims its terminal's oldest): by terminal */
    "CREATE INDEX sync_log_terminal ON sync_log (terminal, id);\n",
    /* 6: the head of each terminal's audit chain as it last anchored it
     * (POST /v1/anchor): a terminal whose chain is later shorter or
     * different was tampered with (issue 18, section 7) */
    "CREATE TABLE audit_anchors (terminal TEXT PRIMARY KEY,"
    " seq INTEGER NOT NULL CHECK (seq >= 0), hash TEXT NOT NULL,"
    " at TEXT NOT NULL) WITHOUT ROWID;\n",
    /* 7: gateway notifications (issue 19): each one kept as received
     * (its raw body, the headers that matter, when and from where),
     * once per gateway and event id; and the payments they report, one
     * row per gateway and payment code with the status of the latest
     * event (by the gateway's event time), ready to be associated with
     * consumers; and consumers by their account number as payers type
     * it */
    "CREATE TABLE gateway_notifications (id INTEGER PRIMARY KEY,"
    " gateway TEXT NOT NULL, event_id TEXT NOT NULL, kind TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed',"
    " 'refunded', 'disputed', 'unknown')),"
    " received_at TEXT NOT NULL, source TEXT NOT NULL,"
    " headers TEXT NOT NULL, body BLOB NOT NULL,"
    " UNIQUE (gateway, event_id));\n"
    "CREATE TABLE gateway_payments (id INTEGER PRIMARY KEY,"
    " gateway TEXT NOT NULL, code TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed',"
    " 'refunded', 'disputed')),"
    " account_ref TEXT NOT NULL, phone TEXT NOT NULL, payer TEXT NOT NULL,"
    " short_code TEXT NOT NULL,"
    " amount INTEGER NOT NULL CHECK (amount >= 0),"
    " currency TEXT NOT NULL, paid_at TEXT NOT NULL,"
    " event_time INTEGER NOT NULL,"
    " notification_id INTEGER NOT NULL"
    " REFERENCES gateway_notifications (id),"
    " received_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " UNIQUE (gateway, code));\n"
    /* an account reference as payers type it: matched ignoring case,
     * spaces and dashes (store_gw_consumer_by_ref) */
    "CREATE INDEX consumers_account_norm ON consumers"
    " (upper(replace(replace(account_no, ' ', ''), '-', '')));\n",
    /* 8: gateway payments on their way to the ledger (issue 19): the
     * statuses of the gateway's mapping (seed 002: gateway, webhook,
     * settlement), the consumer they were associated with on arrival
     * (0: unassociated; candidates, the account numbers sharing its
     * phone), the ledger payment made of it (0: none), and what the
     * settlement file said (fee, day, processing time in tenths of a
     * day; -1 until settled); consumers by their phone's digits (the
     * association by phone) */
    "ALTER TABLE gateway_payments ADD COLUMN webhook_status TEXT NOT NULL"
    " DEFAULT '';\n"
    "ALTER TABLE gateway_payments ADD COLUMN settlement_status TEXT NOT"
    " NULL DEFAULT '';\n"
    "ALTER TABLE gateway_payments ADD COLUMN consumer_id INTEGER NOT NULL"
    " DEFAULT 0;\n"
    "ALTER TABLE gateway_payments ADD COLUMN candidates TEXT NOT NULL"
    " DEFAULT '';\n"
    "ALTER TABLE gateway_payments ADD COLUMN payment_id INTEGER NOT NULL"
    " DEFAULT 0;\n"
    "ALTER TABLE gateway_payments ADD COLUMN fee INTEGER NOT NULL"
    " DEFAULT 0 CHECK (fee >= 0);\n"
    "ALTER TABLE gateway_payments ADD COLUMN settled_on TEXT NOT NULL"
    " DEFAULT '';\n"
    "ALTER TABLE gateway_payments ADD COLUMN processing_tenths INTEGER"
    " NOT NULL DEFAULT -1;\n"
    "CREATE INDEX gateway_payments_consumer ON gateway_payments"
    " (consumer_id, gateway);\n"
    "CREATE INDEX consumers_phone_digits ON consumers (phone_digits);\n",
    /* the seals of the terminal's ledger and outbox (schema.c): the
     * central node's ledger is its terminals' records, checked as they
     * are applied (sync_check), with no audit entry of its own to claim
     * a seal; sealing it would only cost every push */
    "DROP TRIGGER IF EXISTS seal_payments_ins;\n"
    "DROP TRIGGER IF EXISTS seal_payments_upd;\n"
    "DROP TRIGGER IF EXISTS seal_allocations_ins;\n"
    "DROP TRIGGER IF EXISTS seal_allocations_upd;\n"
    "DROP TRIGGER IF EXISTS seal_voids_ins;\n"
    "DROP TRIGGER IF EXISTS seal_voids_upd;\n"
    "DROP TRIGGER IF EXISTS seal_outbox_ins;\n"
    "DROP TRIGGER IF EXISTS seal_outbox_upd;\n",
    /* the shifts of every drawer (issue 20), applied from their records
     * like the ledger: not sealed here either */
    "DROP TRIGGER IF EXISTS seal_shifts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shifts_upd;\n",
    /* payment arrangements (issue 21): each event is fed to the other
     * terminals as a record (its installments as items too) */
    FEED("arrangement_ins", "AFTER INSERT ON arrangement_events", "arrangement",
        "NEW.id"),
    /* gateway payments flow to the terminals (issue 19): every save of
     * one (advance, a settlement, an association) is a feed entry, the
     * ones already here too; manual marks one a terminal associated or
     * disassociated, which no later notification associates again on
     * its own */
    "INSERT INTO feed (entity, row_id, origin) SELECT 'gateway_payment',"
    " id, '' FROM gateway_payments ORDER BY id;\n"
    "ALTER TABLE gateway_payments ADD COLUMN manual INTEGER NOT NULL"
    " DEFAULT 0;\n" FEED("gw_payment_save",
        "AFTER UPDATE OF webhook_status, settlement_status, consumer_id,"
        " candidates, payment_id, fee, settled_on ON gateway_payments",
        "gateway_payment", "NEW.id"),
    /* the seals of money outside the payments (schema.c, review 18):
     * dropped here like the ledger's, for the same reason */
    "DROP TRIGGER IF EXISTS seal_credit_applications_ins;\n"
    "DROP TRIGGER IF EXISTS seal_credit_applications_upd;\n"
    "DROP TRIGGER IF EXISTS seal_shift_counts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shift_counts_upd;\n"
    "DROP TRIGGER IF EXISTS seal_shift_movements_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shift_movements_upd;\n"
    "DROP TRIGGER IF EXISTS seal_shift_tenders_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shift_tenders_upd;\n"
    "DROP TRIGGER IF EXISTS seal_bank_statements_ins;\n"
    "DROP TRIGGER IF EXISTS seal_bank_statements_upd;\n"
    "DROP TRIGGER IF EXISTS seal_bank_statement_lines_ins;\n"
    "DROP TRIGGER IF EXISTS seal_bank_statement_lines_upd;\n",
    /* the history of the rules a record is judged by (issue 18, review
     * point 5): every value a setting took and every full name, branch
     * and role a user had, with the feed entry (seq) that carried it to
     * the terminals, written by the feed's own triggers. A record is
     * judged by the rules its terminal could have had when it was made
     * (sync_judge.c), not by today's. What was there before is seq 0. */
    "CREATE TABLE setting_history (seq INTEGER NOT NULL, key TEXT NOT NULL,"
    " value TEXT NOT NULL);\n"
    "CREATE INDEX setting_history_seq ON setting_history (seq);\n"
    "CREATE TABLE user_history (seq INTEGER NOT NULL,"
    " user_id INTEGER NOT NULL, full_name TEXT NOT NULL,"
    " branch TEXT NOT NULL, role TEXT NOT NULL);\n"
    "CREATE INDEX user_history_name ON user_history (full_name, seq);\n"
    "CREATE INDEX user_history_user ON user_history (user_id, seq);\n"
    "CREATE INDEX user_history_seq ON user_history (seq);\n"
    "INSERT INTO setting_history SELECT 0, key, value FROM settings;\n"
    "INSERT INTO user_history SELECT 0, id, full_name, branch, role"
    " FROM users;\n"
    "DROP TRIGGER feed_setting_ins;\n"
    "DROP TRIGGER feed_setting_upd;\n"
    "DROP TRIGGER feed_user_ins;\n"
    "DROP TRIGGER feed_user_upd;\n" RULE_FEED("setting_ins",
        "AFTER INSERT ON settings", "setting",
        "setting_history SELECT last_insert_rowid(), NEW.key, NEW.value")
        RULE_FEED("setting_upd", "AFTER UPDATE OF value ON settings", "setting",
            "setting_history SELECT last_insert_rowid(), NEW.key,"
            " NEW.value") RULE_FEED("user_ins", "AFTER INSERT ON users", "user",
            "user_history SELECT last_insert_rowid(), NEW.id,"
            " NEW.full_name, NEW.branch, NEW.role") RULE_FEED("user_upd",
            "AFTER UPDATE OF full_name, role, pin_hash, active, branch"
            " ON users",
            "user",
            "user_history SELECT last_insert_rowid(), NEW.id,"
            " NEW.full_name, NEW.branch, NEW.role"),
    /* every audit head a terminal anchored, and the heads set back by
     * `paydesk audit reanchor` after a restore from a backup (review 18,
     * point 6): a reanchored chain must pass through a head the central
     * node saw, and each set-back is kept with who asked and why */
    "CREATE TABLE anchor_history (terminal TEXT NOT NULL,"
    " seq INTEGER NOT NULL, hash TEXT NOT NULL, at TEXT NOT NULL);\n"
    "CREATE INDEX anchor_history_terminal ON anchor_history"
    " (terminal, seq);\n"
    "INSERT INTO anchor_history SELECT terminal, seq, hash, at"
    " FROM audit_anchors;\n"
    "CREATE TRIGGER anchor_history_ins AFTER INSERT ON audit_anchors BEGIN"
    " INSERT INTO anchor_history VALUES (NEW.terminal, NEW.seq, NEW.hash,"
    " NEW.at); END;\n"
    "CREATE TRIGGER anchor_history_upd AFTER UPDATE ON audit_anchors BEGIN"
    " INSERT INTO anchor_history VALUES (NEW.terminal, NEW.seq, NEW.hash,"
    " NEW.at); END;\n"
    "CREATE TABLE anchor_resets (id INTEGER PRIMARY KEY,"
    " terminal TEXT NOT NULL, at TEXT NOT NULL,"
    " from_seq INTEGER NOT NULL, from_hash TEXT NOT NULL,"
    " base_seq INTEGER NOT NULL, to_seq INTEGER NOT NULL,"
    " to_hash TEXT NOT NULL, by TEXT NOT NULL, reason TEXT NOT NULL);\n",
    /* the rollups are not kept here (3): nor Total Due's correction by
     * arrangements' moves (the terminal's migration after the seals') */
    "DROP TRIGGER IF EXISTS rollup_arr_move;\n",
    /* deposits (issue 20, schema.c): applied from their records, not
     * sealed here either */
    "DROP TRIGGER IF EXISTS seal_deposits_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposits_upd;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_lines_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_lines_upd;\n"
    "DROP TRIGGER IF EXISTS seal_statement_matches_ins;\n"
    "DROP TRIGGER IF EXISTS seal_statement_matches_upd;\n",
    /* gateway refunds in part (issue 19 review, points 1 and 2): what
     * the gateway reports refunded of a payment so far, and why a refund
     * (or a failure) is held for a supervisor instead of reversed ("":
     * none); both flow to the terminals with the rest of the row */
    "ALTER TABLE gateway_payments ADD COLUMN refunded INTEGER NOT NULL"
    " DEFAULT 0 CHECK (refunded >= 0);\n"
    "ALTER TABLE gateway_payments ADD COLUMN review TEXT NOT NULL"
    " DEFAULT '';\n"
    "DROP TRIGGER feed_gw_payment_save;\n" FEED("gw_payment_save",
        "AFTER UPDATE OF webhook_status, settlement_status, consumer_id,"
        " candidates, payment_id, fee, settled_on, refunded, review ON"
        " gateway_payments",
        "gateway_payment", "NEW.id"),
    /* a row's newest feed entry (issue 19 review, point 3): the feed
     * serves a gateway payment's current row once, at its newest entry,
     * after the consumer and the payment it points at */
    "CREATE INDEX feed_row ON feed (entity, row_id, seq);\n",
    /* the payments of card and transfer matches (issue 20, schema.c):
     * not sealed here either */
    "DROP TRIGGER IF EXISTS seal_statement_match_payments_ins;\n"
    "DROP TRIGGER IF EXISTS seal_statement_match_payments_upd;\n"
    "DROP TRIGGER IF EXISTS seal_recon_resolutions_ins;\n"
    "DROP TRIGGER IF EXISTS seal_recon_resolutions_upd;\n",
    /* disputes (issue 21, schema.c): each step fed to the terminals as
     * one dispute record */
    FEED("dispute_ins", "AFTER INSERT ON dispute_events", "dispute", "NEW.id"),
    /* a user's team (issue 23, the store's users.team) flows to the
     * terminals as the rest of the user does */
    "DROP TRIGGER feed_user_upd;\n" RULE_FEED("user_upd",
        "AFTER UPDATE OF full_name, role, pin_hash, active, branch, team"
        " ON users",
        "user",
        "user_history SELECT last_insert_rowid(), NEW.id,"
        " NEW.full_name, NEW.branch, NEW.role"),
    /* the days to pay of the deteriorating payers (issue 23, the
     * store's pay_days): a report of the terminals, not kept here */
    "DROP TRIGGER pay_days_alloc;\n"
    "DROP TRIGGER pay_days_post;\n"
    "DROP TRIGGER pay_days_unpost;\n"
    "DROP TRIGGER pay_days_item;\n"
    "DELETE FROM pay_days;\n",
    /* the forecast's history (issue 23, the store's due_paid and
     * due_paid_daily): a report of the terminals, not kept here */
    "DROP TRIGGER due_paid_add;\n"
    "DROP TRIGGER due_paid_sub;\n"
    "DROP TRIGGER due_paid_item;\n"
    "DROP TRIGGER due_paid_item_upd;\n"
    "DROP TRIGGER due_paid_alloc;\n"
    "DROP TRIGGER due_paid_status;\n"
    "DELETE FROM due_paid;\n"
    "DELETE FROM due_paid_daily;\n",
    /* an organisation's alerts (issue 21, schema.c): each step a
     * terminal sent fed to the others as one alert record */
    FEED("alert_ins", "AFTER INSERT ON alert_notes WHEN NEW.uuid IS NOT NULL",
        "alert", "NEW.id"),
    /* the forecast's weeks (issue 23, the store's paid_by_day): a
     * report of the terminals, not kept here; nor due_paid's triggers,
     * made again by the store's migration 44 */
    "DROP TRIGGER paid_by_day_item;\n"
    "DROP TRIGGER paid_by_day_alloc;\n"
    "DROP TRIGGER paid_by_day_status;\n"
    "DROP INDEX due_paid_day;\n"
    "DROP TRIGGER IF EXISTS due_paid_item;\n"
    "DROP TRIGGER IF EXISTS due_paid_item_upd;\n"
    "DROP TRIGGER IF EXISTS due_paid_alloc;\n"
    "DROP TRIGGER IF EXISTS due_paid_status;\n"
    "DELETE FROM paid_by_day;\n",
    /* the deteriorating payers' aging (issue 23, the store's
     * item_late): a report of the terminals, not kept here */
    "DROP TRIGGER item_late_alloc;\n"
    "DROP TRIGGER item_late_status;\n"
    "DROP TRIGGER item_late_item;\n"
    "DROP INDEX item_late_done;\n"
    "DELETE FROM item_late;\n",
    /* reconciliation fed to the terminals (issue 20, "seen the same at a
     * second terminal"): deposits (made, voided), bank statements (one
     * entry per part of SYNC_STMT_LINES lines, at its first line), their
     * matches (made, unmatched) and the exceptions resolved by hand;
     * what is here already fed too, in the order a terminal applies it
     * (a deposit and a statement before the matches that name them) */
    "INSERT INTO feed (entity, row_id, origin) SELECT 'deposit', id,"
    " terminal FROM deposits ORDER BY id;\n"
    "INSERT INTO feed (entity, row_id, origin) SELECT 'statement', l.id,"
    " b.terminal FROM bank_statement_lines l JOIN bank_statements b ON"
    " b.id = l.statement_id WHERE l.seq % 1000 = 1 ORDER BY l.id;\n"
    "INSERT INTO feed (entity, row_id, origin) SELECT 'stmt_match', id,"
    " '' FROM statement_matches ORDER BY id;\n"
    "INSERT INTO feed (entity, row_id, origin) SELECT 'stmt_unmatch', id,"
    " '' FROM statement_matches WHERE unmatched_at <> '' ORDER BY id;\n"
    "INSERT INTO feed (entity, row_id, origin) SELECT 'resolution',"
    " id, terminal FROM recon_resolutions ORDER BY id;\n" FEED("deposit_ins",
        "AFTER INSERT ON deposits", "deposit", "NEW.id") FEED("deposit_void",
        "AFTER UPDATE OF voided_at ON deposits WHEN"
        " OLD.voided_at = '' AND NEW.voided_at <> ''",
        "deposit_void", "NEW.id") FEED("statement_part",
        "AFTER INSERT ON bank_statement_lines WHEN"
        " NEW.seq % 1000 = 1",
        "statement", "NEW.id") FEED("stmt_match_ins",
        "AFTER INSERT ON statement_matches", "stmt_match", "NEW.id")
        FEED("stmt_unmatch",
            "AFTER UPDATE OF unmatched_at ON"
            " statement_matches WHEN OLD.unmatched_at = '' AND"
            " NEW.unmatched_at <> ''",
            "stmt_unmatch", "NEW.id") FEED("recon_resolution_ins",
            "AFTER INSERT ON recon_resolutions", "resolution", "NEW.id"),
    /* the history of the rules sealed (review of issue 18): a user's
     * branch or role, or a setting, changed by hand in this store and
     * changed back stayed in the history, and the records of a terminal
     * were judged by it (rules.c). Each history row gets an id and is
     * sealed as it is added, claimed by the audit entry of the change
     * that added it (the import), frozen after; doctor reports a row no
     * audit entry sealed, one changed and one deleted (seal.c). The rows
     * already here are sealed only where a seal claimed before says the
     * same (a user's name, role and branch, a setting's value): a row
     * a person added by hand before this upgrade is reported, not made
     * genuine; a user's branch before its branch was sealed (SEAL_USERS_V1)
     * is taken on the user's name and role. The baseline's audit entry
     * claims only the seals this migration writes, never changes that
     * were waiting unclaimed (db.c, seal_baseline). */
    "DROP TRIGGER feed_user_ins;\n"
    "DROP TRIGGER feed_user_upd;\n"
    "DROP TRIGGER feed_setting_ins;\n"
    "DROP TRIGGER feed_setting_upd;\n"
    /* (the id last, where PostgreSQL's migration 11 adds it: a
     * move compares the rows column by column, schema_pg.c) */
    "CREATE TABLE user_history_v2 (seq INTEGER NOT NULL,"
    " user_id INTEGER NOT NULL, full_name TEXT NOT NULL,"
    " branch TEXT NOT NULL, role TEXT NOT NULL,"
    " id INTEGER PRIMARY KEY);\n"
    "INSERT INTO user_history_v2 (seq, user_id, full_name, branch, role)"
    " SELECT seq, user_id, full_name, branch, role FROM user_history"
    " ORDER BY rowid;\n"
    "DROP TABLE user_history;\n"
    "ALTER TABLE user_history_v2 RENAME TO user_history;\n"
    "CREATE INDEX user_history_name ON user_history (full_name, seq);\n"
    "CREATE INDEX user_history_user ON user_history (user_id, seq);\n"
    "CREATE INDEX user_history_seq ON user_history (seq);\n"
    "CREATE TABLE setting_history_v2 (seq INTEGER NOT NULL,"
    " key TEXT NOT NULL, value TEXT NOT NULL, id INTEGER PRIMARY KEY);\n"
    "INSERT INTO setting_history_v2 (seq, key, value) SELECT seq, key,"
    " value FROM setting_history ORDER BY rowid;\n"
    "DROP TABLE setting_history;\n"
    "ALTER TABLE setting_history_v2 RENAME TO setting_history;\n"
    "CREATE INDEX setting_history_seq ON setting_history (seq);\n" RULE_FEED(
        "setting_ins", "AFTER INSERT ON settings", "setting",
        "setting_history (seq, key, value) SELECT last_insert_rowid(),"
        " NEW.key, NEW.value") RULE_FEED("setting_upd",
        "AFTER UPDATE OF value ON settings", "setting",
        "setting_history (seq, key, value) SELECT last_insert_rowid(),"
        " NEW.key, NEW.value") RULE_FEED("user_ins", "AFTER INSERT ON users",
        "user",
        "user_history (seq, user_id, full_name, branch, role) SELECT"
        " last_insert_rowid(), NEW.id, NEW.full_name, NEW.branch, NEW.role")
        RULE_FEED("user_upd",
            "AFTER UPDATE OF full_name, role, pin_hash, active, branch, team"
            " ON users",
            "user",
            "user_history (seq, user_id, full_name, branch, role) SELECT"
            " last_insert_rowid(), NEW.id, NEW.full_name, NEW.branch, NEW.role")
            HISTORY_SEAL("user_history", SEAL_USER_HISTORY) HISTORY_SEAL(
                "setting_history",
                SEAL_SETTING_HISTORY) "INSERT INTO seals (tbl, row_id, fields) "
                                      "SELECT 'user_history', h.id,"
                                      " json_array(" SEAL_USER_HISTORY
                                      ") FROM user_history h "
                                      "WHERE" USER_HISTORY_BORNE_OUT(
                                          "json_array_length(",
                                          ")") " ORDER BY h.id;\n"
                                               "INSERT INTO seals (tbl, "
                                               "row_id, fields) SELECT "
                                               "'setting_history',"
                                               " h.id, "
                                               "json_"
                                               "array(" SEAL_SETTING_HISTORY
                                               ") FROM setting_history h"
                                               " WHER"
                                               "E" SETTING_HISTORY_BORNE_OUT
                                               " ORDER BY h.id;\n"
                                               /* the documents' seals
                                                * (schema.c): the terminals'
                                                * log, not kept here */
                                               "DROP TRIGGER IF EXISTS "
                                               "seal_documents_ins;\n"
                                               "DROP TRIGGER IF EXISTS "
                                               "seal_documents_upd;\n"
                                               /* the baseline claims the seals
                                                * above the floor its value says
                                                * (db.c): those of this
                                                * migration; an earlier
                                                * migration's waiting baseline
                                                * ('1', every seal) is kept */
                                               "INSERT OR IGNORE INTO meta "
                                               "(key, value) SELECT "
                                               "'seal_baseline',"
                                               " coalesce(max(id), 0) + 1 FROM "
                                               "seals WHERE tbl NOT IN"
                                               " ('user_history', "
                                               "'setting_history');\n",
    /* the filtered dashboards' facts (issue 23, the store's pay_facts,
     * alloc_facts and due_segment) and the deteriorating payers' last
     * days to pay (pay_recent): the terminals' reports, not kept here */
    "DROP TRIGGER IF EXISTS facts_pay;\n"
    "DROP TRIGGER IF EXISTS facts_status;\n"
    "DROP TRIGGER IF EXISTS facts_alloc;\n"
    "DROP TRIGGER IF EXISTS facts_item_days;\n"
    "DROP TRIGGER IF EXISTS facts_item_add;\n"
    "DROP TRIGGER IF EXISTS facts_item_due;\n"
    "DROP TRIGGER IF EXISTS facts_move;\n"
    "DROP TRIGGER IF EXISTS facts_segment;\n"
    "DROP INDEX IF EXISTS alloc_facts_paid;\n"
    "DELETE FROM pay_facts;\n"
    "DELETE FROM alloc_facts;\n"
    "DELETE FROM due_segment;\n"
    "DROP TRIGGER IF EXISTS pay_recent_ins;\n"
    "DROP TRIGGER IF EXISTS pay_recent_del;\n"
    "DELETE FROM pay_recent;\n",
    /* every drawer's shifts fed to the other terminals (issue 20): each
     * shift's opening, movements and close, as its terminal sent them;
     * what is here already fed too, shift by shift in the order they
     * were applied, each one's opening, movements and close (a terminal
     * applies a movement or close of a shift it has, and opens a drawer
     * or a cashier's shift once the one before is closed) */
    "INSERT INTO feed (entity, row_id, origin) SELECT e, r, o FROM ("
    " SELECT 'shift_open' AS e, id AS r, terminal AS o, id AS k1, 0 AS k2,"
    " 0 AS k3 FROM shifts UNION ALL SELECT 'shift_move', m.id, s.terminal,"
    " s.id, 1, m.id FROM shift_movements m JOIN shifts s ON s.id ="
    " m.shift_id UNION ALL SELECT 'shift_close', id, terminal, id, 2, 0"
    " FROM shifts WHERE status = 'closed') ORDER BY k1, k2, k3;\n"
    /* and the voids of the deposits voided before deposits were fed,
     * which the feed of them gave as made only */
    "INSERT INTO feed (entity, row_id, origin) SELECT 'deposit_void', id,"
    " terminal FROM deposits WHERE voided_at <> '' ORDER BY id;\n"
    /* and the matches and unmatches again, in the order they were made:
     * the feed of them gave every match before every unmatch, so a
     * credit matched, taken back and matched again was pulled as the
     * first match and its unmatch, the rematch skipped (a terminal
     * applies each again as nothing: recon_feed.c's match_seen) */
    "INSERT INTO feed (entity, row_id, origin) SELECT e, r, '' FROM ("
    " SELECT 'stmt_match' AS e, id AS r, matched_at AS t, 0 AS k FROM"
    " statement_matches UNION ALL SELECT 'stmt_unmatch', id, unmatched_at,"
    " 1 FROM statement_matches WHERE unmatched_at <> '') ORDER BY t, r,"
    " k;\n"
    /* run again (schema.c): the triggers made again */
    "DROP TRIGGER IF EXISTS feed_shift_open;\n"
    "DROP TRIGGER IF EXISTS feed_shift_move;\n"
    "DROP TRIGGER IF EXISTS feed_shift_close;\n" FEED(
        "shift_open", "AFTER INSERT ON shifts", "shift_open", "NEW.id")
        FEED("shift_move", "AFTER INSERT ON shift_movements", "shift_move",
            "NEW.id") FEED("shift_close",
            "AFTER UPDATE OF status ON shifts WHEN"
            " OLD.status = 'open' AND NEW.status = 'closed'",
            "shift_close", "NEW.id"),
    /* an arrangement's and its moves' seals (schema.c): the terminals'
     * ledger, not sealed here */
    "DROP TRIGGER IF EXISTS seal_arrangements_ins;\n"
    "DROP TRIGGER IF EXISTS seal_arrangements_upd;\n"
    "DROP TRIGGER IF EXISTS seal_arrangement_moves_ins;\n"
    "DROP TRIGGER IF EXISTS seal_arrangement_moves_upd;\n",
    /* the payers of a scope (the store's payer_scope, issue 24): the
     * terminals' report, not kept here */
    "DROP TRIGGER IF EXISTS payer_scope_post;\n"
    "DROP TRIGGER IF EXISTS payer_scope_verify;\n"
    "DROP TRIGGER IF EXISTS payer_scope_unpost;\n"
    "DELETE FROM payer_scope;\n",
    /* the history rollups' allocation triggers, made again by the
     * store's migration that makes them add (issue 24): a report of the
     * terminals, not kept here */
    "DROP TRIGGER IF EXISTS due_paid_alloc;\n"
    "DROP TRIGGER IF EXISTS paid_by_day_alloc;\n"
    "DROP TRIGGER IF EXISTS item_late_alloc;\n",
    /* the first counts of a close (schema.c, store_mig_56): the
     * terminals' ledger, not sealed here */
    "DROP TRIGGER IF EXISTS seal_shift_first_counts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shift_first_counts_upd;\n"
    /* and the outbox's insert seal, written again by store_mig_56:
     * the terminals' queue, not sealed here */
    "DROP TRIGGER IF EXISTS seal_outbox_ins;\n",
    /* the open items by due day (the store's open_due, issue 23): the
     * terminals' Outstanding, not kept here */
    "DROP TRIGGER IF EXISTS open_due_item_add;\n"
    "DROP TRIGGER IF EXISTS open_due_item_upd;\n"
    "DROP TRIGGER IF EXISTS open_due_segment;\n"
    "DELETE FROM open_due;\n",
    /* the search indexes merged as FTS5 merges them (issue 24): the
     * terminal's migration 61 turns automerge off for a counter's quiet
     * moments (svc_fts_idle); a central node has none, its payments
     * come in push batches and its consumers in imports, which pay for
     * the merging as before. Safe to run again. */
    "INSERT INTO payments_docs (payments_docs, rank) VALUES"
    " ('automerge', 4);\n"
    "INSERT INTO consumers_fts (consumers_fts, rank) VALUES"
    " ('automerge', 4);\n"
    "INSERT INTO consumers_words (consumers_words, rank) VALUES"
    " ('automerge', 4);\n",
    /* a deposit's cheques (schema.c, store_mig_65): the terminals'
     * ledger, not sealed here. Safe to run again. */
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_upd;\n",
    /* the payments' search index (the terminal's migration 17) is the
     * counter's: no route of the central node searches payments (its
     * PostgreSQL backend has no such index), and kept here it cost a
     * push about a fifth of the node's CPU, each payment's insert its own
     * statement, whose FTS5 savepoint wrote the row's terms as a segment
     * of their own and merged them (issue 22). The table stays, empty
     * and no longer filled, so that a later terminal migration naming it
     * still runs here. Safe to run again. */
    "DROP TRIGGER IF EXISTS payments_docs_ai;\n"
    "DROP TABLE IF EXISTS payments_docs;\n"
    "CREATE VIRTUAL TABLE payments_docs USING fts5 (receipt_no,"
    " payment_no, txn_no, reference, content='payments',"
    " content_rowid='id', tokenize='trigram');\n",
    /* the table made again without its UNIQUE (schema.c, store_mig_69,
     * two cheques of one number): its seal triggers made again with it,
     * not kept here. Safe to run again. */
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_upd;\n",
    /* the cheques not matched at a close (schema.c, store_mig_78): the
     * terminals' ledger, not sealed here, as the first counts. Safe to
     * run again. */
    "DROP TRIGGER IF EXISTS seal_shift_unmatched_ins;\n"
    "DROP TRIGGER IF EXISTS seal_shift_unmatched_upd;\n",
    /* the shift a payment belongs to (schema.c, store_mig_79): the
     * terminals' ledger, not sealed here, as the payments. Safe to run
     * again. */
    "DROP TRIGGER IF EXISTS seal_payment_shifts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_payment_shifts_upd;\n",
    /* the shift a void belongs to (schema.c, store_mig_82): the
     * terminals' ledger, not sealed here, as the voids. Safe to run
     * again. */
    "DROP TRIGGER IF EXISTS seal_void_shifts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_void_shifts_upd;\n",
    /* a consumer's payments with their status and amount (schema.c,
     * store_mig_83): the anomaly pass's, which runs at the terminals;
     * dropped here as the index it took the place of (3). Safe to run
     * again. */
    "DROP INDEX IF EXISTS payments_consumer;\n",
    /* what a payment pays as it stands, in the rollups (schema.c,
     * store_mig_85): the terminals' reports, not kept here (the
     * migration fills nothing here). Safe to run again. */
    "DROP TRIGGER IF EXISTS rollup_verify;\n"
    "DROP TRIGGER IF EXISTS rollup_unpost;\n"
    "DROP TRIGGER IF EXISTS rollup_alloc;\n"
    "DROP TRIGGER IF EXISTS facts_status;\n"
    "DROP TRIGGER IF EXISTS facts_alloc;\n"
    "DROP TRIGGER IF EXISTS facts_item_days;\n"
    "DROP TRIGGER IF EXISTS facts_segment;\n"
    "DROP TRIGGER IF EXISTS pay_days_alloc;\n"
    "DROP TRIGGER IF EXISTS pay_days_unalloc;\n"
    "DROP TRIGGER IF EXISTS pay_days_post;\n"
    "DROP TRIGGER IF EXISTS pay_days_item;\n"
    "DROP TRIGGER IF EXISTS item_late_alloc;\n"
    "DROP TRIGGER IF EXISTS item_late_unalloc;\n"
    "DROP TRIGGER IF EXISTS item_late_status;\n"
    "DROP TRIGGER IF EXISTS item_late_item;\n",
    /* the forecast's history and weeks as the payments pay as they
     * stand (schema.c, store_mig_87): the terminals' reports, not kept
     * here (the migration fills nothing here). Safe to run again. */
    FORECAST_TRIGGERS_DROP,
    /* the payout that paid a gateway payment out (schema.c,
     * store_mig_90): the settlement file's payout column, kept with the
     * settled payment and fed to the terminals with it (its feed entry
     * is the payment's, made by the settlement's update). Safe to run
     * again. */
    "CREATE TABLE IF NOT EXISTS gateway_payouts (gw_id INTEGER PRIMARY KEY"
    " REFERENCES gateway_payments (id), payout TEXT NOT NULL CHECK"
    " (length(payout) BETWEEN 1 AND 63));\n"
    "CREATE INDEX IF NOT EXISTS gateway_payouts_payout ON gateway_payouts"
    " (payout);\n",
    /* a statement credit's match of a gateway payment or payout (rules
     * gateway and payout, issue 20) holds the central node's gateway
     * payment (gateway_payments), not a terminal's pulled copy
     * (gw_payments, empty here): the foreign key of
     * statement_matches.gw_id pointed there, and every such match a
     * terminal sent was refused. Replaced in place, as migration 89
     * widened a CHECK: no such match could be kept, so no row changes;
     * run again, it finds nothing to replace. */
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, 'gw_id INTEGER"
    " REFERENCES gw_payments (id)', 'gw_id INTEGER REFERENCES"
    " gateway_payments (id)') WHERE type = 'table' AND name ="
    " 'statement_matches';\n"
    "PRAGMA writable_schema = RESET;\n",
    /* a deposit handed to the bank (schema.c, store_mig_91): the
     * terminals' ledger, not sealed here, as the deposits; each hand fed
     * to the terminals as "deposit_hand" (the row of its hand). Safe to
     * run again. */
    "DROP TRIGGER IF EXISTS seal_deposit_hands_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_hands_upd;\n"
    "DROP TRIGGER IF EXISTS feed_deposit_hand;\n" FEED("deposit_hand",
        "AFTER INSERT ON deposit_hands", "deposit_hand", "NEW.id")
    /* the deposits held before, handed as they were made there: fed,
     * so that a terminal that pulls them has them handed too */
    "INSERT INTO feed (entity, row_id, origin) SELECT 'deposit_hand',"
    " h.id, d.terminal FROM deposit_hands h JOIN deposits d ON d.id ="
    " h.deposit_id WHERE NOT EXISTS (SELECT 1 FROM feed f WHERE f.entity ="
    " 'deposit_hand' AND f.row_id = h.id) ORDER BY h.id;\n",
    /* a statement of no lines fed as its header, "statement_head" (the
     * row of bank_statements), which no part's first line feeds: the
     * other terminals of the organisation list it with its balances
     * (issue 20); those kept before fed too. Safe to run again. */
    "DROP TRIGGER IF EXISTS feed_statement_head;\n" FEED("statement_head",
        "AFTER INSERT ON bank_statements WHEN NEW.line_count = 0",
        "statement_head", "NEW.id") "INSERT INTO feed (entity, row_id, origin) "
                                    "SELECT 'statement_head',"
                                    " b.id, b.terminal FROM bank_statements b "
                                    "WHERE b.line_count = 0 AND"
                                    " NOT EXISTS (SELECT 1 FROM feed f WHERE "
                                    "f.entity = 'statement_head'"
                                    " AND f.row_id = b.id) ORDER BY b.id;\n",
    /* the bank account a gateway payment settled to (schema.c,
     * store_mig_92): its gateway's settlement account when it settled,
     * fed to the terminals with it. Safe to run again. */
    "CREATE TABLE IF NOT EXISTS gateway_pay_accounts (gw_id INTEGER"
    " PRIMARY KEY REFERENCES gateway_payments (id), account TEXT NOT NULL"
    " CHECK (length(account) BETWEEN 1 AND 34));\n",
    /* the filtered dashboards' facts made again with the payment's
     * team (schema.c, store_mig_94): the terminals' reports, not kept
     * here, their triggers dropped again; and payment_teams' seal
     * triggers. Safe to run again. */
    "DROP TRIGGER IF EXISTS facts_pay;\n"
    "DROP TRIGGER IF EXISTS facts_status;\n"
    "DROP TRIGGER IF EXISTS facts_alloc;\n"
    "DROP TRIGGER IF EXISTS facts_item_days;\n"
    "DROP TRIGGER IF EXISTS facts_segment;\n"
    "DROP TRIGGER IF EXISTS facts_team;\n"
    "DROP INDEX IF EXISTS alloc_facts_paid;\n"
    "DROP INDEX IF EXISTS alloc_team_facts_paid;\n"
    "DELETE FROM pay_facts;\n"
    "DELETE FROM alloc_facts;\n"
    "DELETE FROM pay_team_facts;\n"
    "DELETE FROM alloc_team_facts;\n"
    /* and the team a payment was taken for (store_mig_94) not sealed
     * here, as the payments */
    "DROP TRIGGER IF EXISTS seal_payment_teams_ins;\n"
    "DROP TRIGGER IF EXISTS seal_payment_teams_upd;\n",
    /* the table made again without CHECK (number <> '') (schema.c,
     * store_mig_95, a cheque deposited with no number): its seal
     * triggers made again with it, not kept here. Safe to run again. */
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_ins;\n"
    "DROP TRIGGER IF EXISTS seal_deposit_cheques_upd;\n",
    /* (s74, issue 22) the CHECKs of payments' type, method_kind,
     * status and alloc_rule as comparisons joined by OR, not IN lists:
     * SQLite 3.40 checks a constant list of more than two by building an
     * ephemeral b-tree of it for every row written (a push of 100,000:
     * 16% of the payment insert's time). The terminal's store migration
     * 98 (schema_m96.c) is the same text and runs first on a central
     * store (migrate, then this list), so this finds nothing left to
     * replace; kept for the list's numbering. */
    store_mig_98,
    /* (s74, issue 24) the method's covering index made again with the
     * id (schema.c, store_mig_96) and payer_scope keyed by consumer,
     * the organisation's payer totals in it (store_mig_97): the
     * terminals' reports, not kept here (central migration 3), the
     * index, the triggers and the rows dropped again. Safe to run
     * again. */
    "DROP INDEX IF EXISTS payments_method;\n"
    "DROP TRIGGER IF EXISTS payer_scope_post;\n"
    "DROP TRIGGER IF EXISTS payer_scope_verify;\n"
    "DROP TRIGGER IF EXISTS payer_scope_unpost;\n"
    "DROP TRIGGER IF EXISTS rollup_post;\n"
    "DROP TRIGGER IF EXISTS rollup_verify;\n"
    "DROP TRIGGER IF EXISTS rollup_unpost;\n"
    "DELETE FROM payer_scope;\n",
    /* (s74, issue 22) a terminal's own entries not altered, by their
     * seq: the status route's waiting count reads these, not the whole
     * feed (store_feed_waiting; issue 22). Safe to run again. */
    "CREATE INDEX IF NOT EXISTS feed_own ON feed (origin, seq) WHERE"
    " altered = 0;\n",
    /* (s74, issue 24) the seal triggers of the rows a post inserts made
     * again (schema.c, store_mig_99): the terminals' ledger, not sealed
     * here. Safe to run again. */
    "DROP TRIGGER IF EXISTS seal_payments_ins;\n"
    "DROP TRIGGER IF EXISTS seal_allocations_ins;\n"
    "DROP TRIGGER IF EXISTS seal_payment_shifts_ins;\n"
    "DROP TRIGGER IF EXISTS seal_payment_teams_ins;\n",
};
#undef FEED
#undef RULE_FEED

const int store_central_nmigrations =
    (int)(sizeof store_central_migrations / sizeof store_central_migrations[0]);

/* The central node's directory: organisations, their terminals and
 * their payment gateways. */
const char *const store_admin_migrations[] = {
    "CREATE TABLE orgs (code TEXT PRIMARY KEY, name TEXT NOT NULL,"
    " created_at TEXT NOT NULL) WITHOUT ROWID;\n"
    "CREATE TABLE terminals (id INTEGER PRIMARY KEY,"
    " org TEXT NOT NULL REFERENCES orgs (code),"
    " branch TEXT NOT NULL, terminal TEXT NOT NULL,"
    " token_hash TEXT NOT NULL UNIQUE,"
    " created_at TEXT NOT NULL, revoked_at TEXT NOT NULL DEFAULT '',"
    " last_seen TEXT NOT NULL DEFAULT '', last_route TEXT NOT NULL"
    " DEFAULT '', last_cursor INTEGER NOT NULL DEFAULT 0,"
    " pending INTEGER NOT NULL DEFAULT 0);\n"
    /* one active token per terminal; revoked ones stay, refused */
    "CREATE UNIQUE INDEX terminals_active ON terminals (org, terminal)"
    " WHERE revoked_at = '';\n",
    /* 2: payment gateways (issue 19): the signing secret as issued (an
     * HMAC needs it), a mobile-money URL secret as its SHA-256; after a
     * rotation the previous ones until old_until */
    "CREATE TABLE gateways (id INTEGER PRIMARY KEY,"
    " org TEXT NOT NULL REFERENCES orgs (code), name TEXT NOT NULL,"
    " profile TEXT NOT NULL CHECK (profile IN ('card', 'mobile-money')),"
    " secret TEXT NOT NULL, old_secret TEXT NOT NULL DEFAULT '',"
    " path_hash TEXT NOT NULL DEFAULT '',"
    " old_path_hash TEXT NOT NULL DEFAULT '',"
    " old_until TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,"
    " revoked_at TEXT NOT NULL DEFAULT '');\n"
    "CREATE UNIQUE INDEX gateways_active ON gateways (org, name)"
    " WHERE revoked_at = '';\n",
    /* 3: a gateway's payments in the ledger (issue 19): the payment
     * method they are recorded with ("" the profile's default) and its
     * status mapping (seed 002; "" the seed's sample), set with
     * `gateway set` */
    "ALTER TABLE gateways ADD COLUMN method TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE gateways ADD COLUMN statuses TEXT NOT NULL DEFAULT '';\n",
    /* a terminal id that differs only by case from one of the same
     * organisation (review 18): its numbers R-t02-... would pass for
     * R-T02-...; re-adding the same id after a revoke stays allowed */
    "CREATE TRIGGER terminals_case BEFORE INSERT ON terminals WHEN EXISTS"
    " (SELECT 1 FROM terminals WHERE org = NEW.org AND upper(terminal) ="
    " upper(NEW.terminal) AND terminal <> NEW.terminal) BEGIN"
    " SELECT RAISE(ABORT, 'terminal id case'); END;\n",
    /* when a terminal was handed a change of the rules (a setting or a
     * user, up to feed entry seq) in a pull (issue 18, review point 5):
     * its records made after that, less the clock skew allowed, are
     * judged by the rules from that change on */
    "CREATE TABLE terminal_marks (org TEXT NOT NULL, terminal TEXT NOT"
    " NULL, seq INTEGER NOT NULL, at TEXT NOT NULL);\n"
    "CREATE INDEX terminal_marks_terminal ON terminal_marks (org,"
    " terminal, at);\n",
    /* a gateway's time zone (issue 19 review, point 4): mobile-money
     * networks send TransTime in their local time ("" for UTC) */
    "ALTER TABLE gateways ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';\n",
    /* where an organisation's store is (issue 22, paydesk-central move):
     * "" the node's [central] backend, "sqlite", or "postgresql CONNINFO"
     * (store_org_location) */
    "ALTER TABLE orgs ADD COLUMN store TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE orgs ADD COLUMN moved_at TEXT NOT NULL DEFAULT '';\n",
    /* an organisation's currency (issue 23): its ISO 4217 code and minor
     * units, set by `org add --currency`; the organisations made before
     * get the node's [organisation] currency when the directory is next
     * opened (store_org_currency_fill). Safe to run again. */
    "CREATE TABLE IF NOT EXISTS org_currencies (org TEXT PRIMARY KEY"
    " REFERENCES orgs (code), currency TEXT NOT NULL CHECK (length(currency)"
    " = 3), minor_digits INTEGER NOT NULL CHECK (minor_digits BETWEEN 0 AND"
    " 3)) WITHOUT ROWID;\n",
    /* the bank account a gateway's payouts are credited to (issue 20,
     * s72 fault a): gateway set --account; "" none set */
    "ALTER TABLE gateways ADD COLUMN account TEXT NOT NULL DEFAULT '';\n",
};

const int store_admin_nmigrations =
    (int)(sizeof store_admin_migrations / sizeof store_admin_migrations[0]);
