/* schema_m01.c - the store's first versions: the counter, the
 * back office, sync, trust, search
 *
 * Migrations 1 to 13 of store_migrations[] (schema.c), each the text
 * of one version: never edit one that has shipped. */
#include "internal.h"
#include "schema_sql.h"

/* 1: the whole first schema */
const char store_mig_1[] =
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) "
    "WITHOUT ROWID;\n"

    "CREATE TABLE consumers ("
    " id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " account_no TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " service_address TEXT NOT NULL DEFAULT '',"
    " phone TEXT NOT NULL DEFAULT '',"
    " phone_digits TEXT NOT NULL DEFAULT '',"
    " email TEXT NOT NULL DEFAULT '',"
    " segment TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL);\n"
    "CREATE INDEX consumers_name ON consumers (name COLLATE NOCASE);\n"
    "CREATE VIRTUAL TABLE consumers_fts USING fts5 (name, account_no, "
    " phone, phone_digits, content='consumers', content_rowid='id', "
    " tokenize='trigram');\n"
    "CREATE TRIGGER consumers_ai AFTER INSERT ON consumers BEGIN"
    " INSERT INTO consumers_fts (rowid, name, account_no, phone, "
    " phone_digits) VALUES (new.id, new.name, new.account_no, new.phone,"
    " new.phone_digits); END;\n"
    "CREATE TRIGGER consumers_ad AFTER DELETE ON consumers BEGIN"
    " INSERT INTO consumers_fts (consumers_fts, rowid, name, account_no,"
    " phone, phone_digits) VALUES ('delete', old.id, old.name,"
    " old.account_no, old.phone, old.phone_digits); END;\n"
    "CREATE TRIGGER consumers_au AFTER UPDATE ON consumers BEGIN"
    " INSERT INTO consumers_fts (consumers_fts, rowid, name, account_no,"
    " phone, phone_digits) VALUES ('delete', old.id, old.name,"
    " old.account_no, old.phone, old.phone_digits);"
    " INSERT INTO consumers_fts (rowid, name, account_no, phone, "
    " phone_digits) VALUES (new.id, new.name, new.account_no, new.phone,"
    " new.phone_digits); END;\n"

    "CREATE TABLE plans ("
    " id INTEGER PRIMARY KEY,"
    " plan_no TEXT NOT NULL UNIQUE,"
    " consumer_id INTEGER NOT NULL REFERENCES consumers (id));\n"

    "CREATE TABLE items ("
    " id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " consumer_id INTEGER NOT NULL REFERENCES consumers (id),"
    " kind TEXT NOT NULL CHECK (kind IN ('bill', 'service',"
    "  'installment')),"
    " ref TEXT NOT NULL UNIQUE,"
    " period TEXT NOT NULL DEFAULT '',"
    " description TEXT NOT NULL DEFAULT '',"
    " plan_id INTEGER REFERENCES plans (id),"
    " inst_no INTEGER,"
    " amount INTEGER NOT NULL CHECK (amount > 0),"
    " settled INTEGER NOT NULL DEFAULT 0"
    "  CHECK (settled >= 0 AND settled <= amount),"
    " issued_on TEXT NOT NULL,"
    " due_on TEXT NOT NULL,"
    " created_at TEXT NOT NULL,"
    " UNIQUE (plan_id, inst_no));\n"
    "CREATE INDEX items_consumer ON items (consumer_id, kind, due_on);\n"
    "CREATE INDEX items_due ON items (due_on);\n"

    "CREATE TABLE users ("
    " id INTEGER PRIMARY KEY,"
    " username TEXT NOT NULL UNIQUE,"
    " full_name TEXT NOT NULL,"
    " role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor',"
    "  'admin')),"
    " pin_hash TEXT NOT NULL,"
    " active INTEGER NOT NULL DEFAULT 1,"
    " failed_logins INTEGER NOT NULL DEFAULT 0,"
    " locked_until TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL);\n"

    "CREATE TABLE number_series ("
    " series TEXT NOT NULL,"
    " scope TEXT NOT NULL,"
    " next INTEGER NOT NULL CHECK (next >= 1),"
    " PRIMARY KEY (series, scope)) WITHOUT ROWID;\n"

    "CREATE TABLE payments ("
    " id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE,"
    " payment_no TEXT NOT NULL UNIQUE,"
    " txn_no TEXT NOT NULL UNIQUE,"
    " receipt_no TEXT NOT NULL UNIQUE,"
    " consumer_id INTEGER NOT NULL REFERENCES consumers (id),"
    " type TEXT NOT NULL CHECK (type IN ('Bill', 'Service',"
    "  'Installment')),"
    " channel TEXT NOT NULL,"
    " method TEXT NOT NULL,"
    " method_kind TEXT NOT NULL CHECK (method_kind IN ('cash', 'card',"
    "  'bank', 'online')),"
    " amount INTEGER NOT NULL CHECK (amount > 0),"
    " tendered INTEGER NOT NULL DEFAULT 0,"
    " change_given INTEGER NOT NULL DEFAULT 0,"
    " due_total INTEGER NOT NULL,"
    " overpaid INTEGER NOT NULL DEFAULT 0 CHECK (overpaid >= 0),"
    " paid_on TEXT NOT NULL,"
    " created_at TEXT NOT NULL,"
    " notes TEXT NOT NULL DEFAULT '',"
    " user_id INTEGER REFERENCES users (id),"
    " received_by TEXT NOT NULL,"
    " terminal TEXT NOT NULL,"
    " branch TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('Posted', 'Pending',"
    "  'Failed', 'Cancelled', 'Voided')),"
    " verified INTEGER NOT NULL DEFAULT 0,"
    " verified_at TEXT NOT NULL DEFAULT '',"
    " verified_by TEXT NOT NULL DEFAULT '',"
    " CHECK (method_kind = 'cash' OR (tendered = 0 AND change_given = 0)),"
    " CHECK (method_kind <> 'cash' OR (tendered >= amount AND"
    "  change_given = tendered - amount)));\n"
    "CREATE INDEX payments_paid_on ON payments (paid_on, status);\n"
    "CREATE INDEX payments_consumer ON payments (consumer_id, paid_on);\n"
    "CREATE INDEX payments_method ON payments (method, paid_on);\n"
    "CREATE INDEX payments_user ON payments (user_id, paid_on);\n" FROZEN(
        "payments") "CREATE TRIGGER payments_frozen BEFORE UPDATE OF id, uuid, "
                    "payment_no,"
                    " txn_no, receipt_no, consumer_id, type, channel, method, "
                    "method_kind,"
                    " amount, tendered, change_given, due_total, overpaid, "
                    "paid_on,"
                    " created_at, notes, user_id, received_by, terminal, branch"
                    " ON payments BEGIN"
                    " SELECT RAISE(ABORT, 'a recorded payment cannot be "
                    "changed'); END;\n"

                    "CREATE TABLE allocations ("
                    " id INTEGER PRIMARY KEY,"
                    " payment_id INTEGER NOT NULL REFERENCES payments (id),"
                    " item_id INTEGER NOT NULL REFERENCES items (id),"
                    " amount INTEGER NOT NULL CHECK (amount <> 0),"
                    " due_before INTEGER NOT NULL,"
                    " reverses INTEGER REFERENCES allocations (id),"
                    " created_at TEXT NOT NULL);\n"
                    "CREATE INDEX allocations_payment ON allocations "
                    "(payment_id);\n"
                    "CREATE INDEX allocations_item ON allocations "
                    "(item_id);\n" FROZEN("allocations") NO_UPDATE(
                        "allocations")

                        "CREATE TABLE voids ("
                        " id INTEGER PRIMARY KEY,"
                        " uuid TEXT NOT NULL UNIQUE,"
                        " payment_id INTEGER NOT NULL UNIQUE REFERENCES "
                        "payments (id),"
                        " reason TEXT NOT NULL CHECK (reason <> ''),"
                        " user_id INTEGER REFERENCES users (id),"
                        " voided_by TEXT NOT NULL,"
                        " voided_at TEXT NOT NULL,"
                        " terminal TEXT NOT NULL);\n" FROZEN("voids") NO_UPDATE(
                            "voids")

                            "CREATE TABLE credit_notes ("
                            " id INTEGER PRIMARY KEY,"
                            " uuid TEXT NOT NULL UNIQUE,"
                            " cn_no TEXT NOT NULL UNIQUE,"
                            " consumer_id INTEGER NOT NULL REFERENCES "
                            "consumers (id),"
                            " payment_id INTEGER NOT NULL REFERENCES payments "
                            "(id),"
                            " amount INTEGER NOT NULL CHECK (amount > 0),"
                            " applied INTEGER NOT NULL DEFAULT 0"
                            "  CHECK (applied >= 0 AND applied <= amount),"
                            " reason TEXT NOT NULL CHECK (reason <> ''),"
                            " remarks TEXT NOT NULL DEFAULT '',"
                            " created_on TEXT NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " expires_on TEXT NOT NULL,"
                            " user_id INTEGER REFERENCES users (id),"
                            " created_by TEXT NOT NULL,"
                            " terminal TEXT NOT NULL,"
                            " voided INTEGER NOT NULL DEFAULT 0,"
                            " automatic INTEGER NOT NULL DEFAULT 0);\n"
                            "CREATE INDEX credit_notes_payment ON credit_notes "
                            "(payment_id);\n"
                            "CREATE INDEX credit_notes_consumer ON "
                            "credit_notes (consumer_id);\n"
                            "CREATE INDEX credit_notes_created ON credit_notes "
                            "(created_on);\n" FROZEN(
                                "credit_notes") "CREATE TRIGGER "
                                                "credit_notes_frozen BEFORE "
                                                "UPDATE OF id, uuid, cn_no,"
                                                " consumer_id, payment_id, "
                                                "amount, reason, remarks, "
                                                "created_on,"
                                                " created_at, expires_on, "
                                                "user_id, created_by, "
                                                "terminal, automatic"
                                                " ON credit_notes BEGIN"
                                                " SELECT RAISE(ABORT, 'a "
                                                "credit note cannot be "
                                                "changed'); END;\n"

                                                "CREATE TABLE "
                                                "credit_applications ("
                                                " id INTEGER PRIMARY KEY,"
                                                " uuid TEXT NOT NULL UNIQUE,"
                                                " credit_note_id INTEGER NOT "
                                                "NULL REFERENCES credit_notes "
                                                "(id),"
                                                " item_id INTEGER NOT NULL "
                                                "REFERENCES items (id),"
                                                " amount INTEGER NOT NULL "
                                                "CHECK (amount > 0),"
                                                " applied_on TEXT NOT NULL,"
                                                " created_at TEXT NOT NULL,"
                                                " user_id INTEGER REFERENCES "
                                                "users (id),"
                                                " terminal TEXT NOT NULL);\n"
                                                "CREATE INDEX "
                                                "credit_applications_cn ON "
                                                "credit_applications"
                                                " (credit_note_id);\n"
                                                "CREATE INDEX "
                                                "credit_applications_item ON "
                                                "credit_applications"
                                                " (item_id);\n" FROZEN(
                                                    "credit_applications")
                                                    NO_UPDATE(
                                                        "credit_applications")

                                                        "CREATE TABLE "
                                                        "audit_log ("
                                                        " id INTEGER PRIMARY "
                                                        "KEY,"
                                                        " at TEXT NOT NULL,"
                                                        " user TEXT NOT NULL,"
                                                        " terminal TEXT NOT "
                                                        "NULL,"
                                                        " action TEXT NOT NULL,"
                                                        " entity TEXT NOT NULL,"
                                                        " ref TEXT NOT NULL,"
                                                        " detail TEXT NOT NULL,"
                                                        " prev_hash TEXT NOT "
                                                        "NULL,"
                                                        " hash TEXT NOT "
                                                        "NULL);\n" FROZEN(
                                                            "audit_log")
                                                            NO_UPDATE(
                                                                "audit_log")

                                                                "CREATE TABLE "
                                                                "outbox ("
                                                                " id INTEGER "
                                                                "PRIMARY KEY,"
                                                                " uuid TEXT "
                                                                "NOT NULL "
                                                                "UNIQUE,"
                                                                " kind TEXT "
                                                                "NOT NULL,"
                                                                " ref TEXT NOT "
                                                                "NULL,"
                                                                " payload TEXT "
                                                                "NOT NULL,"
                                                                " created_at "
                                                                "TEXT NOT NULL,"
                                                                " sent_at TEXT,"
                                                                " attempts "
                                                                "INTEGER NOT "
                                                                "NULL DEFAULT "
                                                                "0,"
                                                                " last_error "
                                                                "TEXT NOT NULL "
                                                                "DEFAULT '');\n"
                                                                "CREATE INDEX "
                                                                "outbox_"
                                                                "pending ON "
                                                                "outbox (id) "
                                                                "WHERE sent_at "
                                                                "IS NULL;\n";

/* 2: report rollups kept in step by triggers, in the transaction that
 * changes what they sum (DESIGN rule 2): KPIs and the payers report
 * read these instead of scanning millions of payments. Only Posted
 * payments count. */
const char store_mig_2[] =
    "CREATE TABLE daily_totals ("
    " day TEXT PRIMARY KEY,"
    " collected INTEGER NOT NULL DEFAULT 0,"
    " payments INTEGER NOT NULL DEFAULT 0,"
    " alloc_days INTEGER NOT NULL DEFAULT 0,"
    " allocs INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;\n"
    "CREATE TABLE due_daily ("
    " day TEXT PRIMARY KEY,"
    " amount INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;\n"
    "CREATE TABLE payer_totals ("
    " consumer_id INTEGER PRIMARY KEY REFERENCES consumers (id),"
    " total INTEGER NOT NULL DEFAULT 0,"
    " payments INTEGER NOT NULL DEFAULT 0,"
    " last_paid TEXT NOT NULL DEFAULT '');\n"
    "CREATE INDEX payer_totals_total ON payer_totals (total DESC);\n"
    "CREATE TABLE payer_method_totals ("
    " consumer_id INTEGER NOT NULL,"
    " method TEXT NOT NULL,"
    " total INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (consumer_id, method)) WITHOUT ROWID;\n"
    /* the outstanding summary reads only the open items */
    "CREATE INDEX items_open ON items (due_on) WHERE settled < amount;\n"
    /* the method filter of the payers report reads only this index */
    "DROP INDEX payments_method;\n"
    "CREATE INDEX payments_method ON payments (method, paid_on, status,"
    " consumer_id, amount);\n"

    "CREATE TRIGGER rollup_item AFTER INSERT ON items BEGIN"
    " INSERT INTO due_daily (day, amount) VALUES (NEW.due_on, NEW.amount)"
    " ON CONFLICT (day) DO UPDATE SET amount = amount + NEW.amount; END;\n"

    "CREATE TRIGGER rollup_post AFTER INSERT ON payments"
    " WHEN NEW.status = 'Posted' BEGIN" ROLLUP_ADD " END;\n"
    "CREATE TRIGGER rollup_verify AFTER UPDATE OF status ON payments"
    " WHEN NEW.status = 'Posted' AND OLD.status <> 'Posted' BEGIN" ROLLUP_ADD
    " UPDATE daily_totals SET"
    "  alloc_days = alloc_days + (" ALLOC_DAYS "),"
    "  allocs = allocs + (" ALLOC_COUNT ") WHERE day = NEW.paid_on;"
    " END;\n"
    "CREATE TRIGGER rollup_unpost AFTER UPDATE OF status ON payments"
    " WHEN OLD.status = 'Posted' AND NEW.status <> 'Posted' BEGIN"
    " UPDATE daily_totals SET collected = collected - NEW.amount,"
    "  payments = payments - 1,"
    "  alloc_days = alloc_days - (" ALLOC_DAYS "),"
    "  allocs = allocs - (" ALLOC_COUNT ") WHERE day = NEW.paid_on;"
    " UPDATE payer_totals SET total = total - NEW.amount,"
    "  payments = payments - 1, last_paid = coalesce((SELECT max(paid_on)"
    "  FROM payments WHERE consumer_id = NEW.consumer_id AND"
    "  status = 'Posted'), '') WHERE consumer_id = NEW.consumer_id;"
    " UPDATE payer_method_totals SET total = total - NEW.amount"
    "  WHERE consumer_id = NEW.consumer_id AND method = NEW.method;"
    " END;\n"
    "CREATE TRIGGER rollup_alloc AFTER INSERT ON allocations"
    " WHEN NEW.reverses IS NULL AND NEW.amount > 0 AND (SELECT status"
    " FROM payments WHERE id = NEW.payment_id) = 'Posted' BEGIN"
    " UPDATE daily_totals SET allocs = allocs + 1,"
    "  alloc_days = alloc_days + (SELECT max(0, CAST(julianday(p.paid_on)"
    "  - julianday(i.issued_on) AS INTEGER)) FROM payments p, items i"
    "  WHERE p.id = NEW.payment_id AND i.id = NEW.item_id)"
    "  WHERE day = (SELECT paid_on FROM payments WHERE id ="
    "  NEW.payment_id);"
    " END;\n"

    /* what the store already holds */
    "INSERT INTO due_daily (day, amount) SELECT due_on, sum(amount) FROM"
    " items GROUP BY due_on;\n"
    "INSERT INTO daily_totals (day, collected, payments) SELECT paid_on,"
    " sum(amount), count(*) FROM payments WHERE status = 'Posted' GROUP BY"
    " paid_on;\n"
    "UPDATE daily_totals SET (alloc_days, allocs) = (SELECT"
    " coalesce(sum(max(0, CAST(julianday(p.paid_on) - julianday(i.issued_on)"
    " AS INTEGER))), 0), count(*) FROM payments p JOIN allocations a ON"
    " a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE"
    " p.paid_on = daily_totals.day AND p.status = 'Posted' AND"
    " a.reverses IS NULL AND a.amount > 0);\n"
    "INSERT INTO payer_totals (consumer_id, total, payments, last_paid)"
    " SELECT consumer_id, sum(amount), count(*), max(paid_on) FROM payments"
    " WHERE status = 'Posted' GROUP BY consumer_id;\n"
    "INSERT INTO payer_method_totals (consumer_id, method, total) SELECT"
    " consumer_id, method, sum(amount) FROM payments WHERE status ="
    " 'Posted' GROUP BY consumer_id, method;\n";

/* 3: documents. The consumer's outstanding right after a payment is
 * kept with it, so a reprint says what the original said; every
 * receipt or credit note written or printed is logged, so the second
 * and later are marked COPY. */
const char store_mig_3[] =
    "ALTER TABLE payments ADD COLUMN balance_after INTEGER;\n"
    "CREATE TRIGGER payments_balance_frozen BEFORE UPDATE OF balance_after"
    " ON payments BEGIN"
    " SELECT RAISE(ABORT, 'a recorded payment cannot be changed'); END;\n"
    "CREATE TABLE documents ("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('receipt', 'credit_note')),"
    " number TEXT NOT NULL,"
    " copy INTEGER NOT NULL CHECK (copy >= 0),"
    " format TEXT NOT NULL CHECK (format IN ('pdf', 'text')),"
    " issued_at TEXT NOT NULL,"
    " user_id INTEGER REFERENCES users (id),"
    " issued_by TEXT NOT NULL,"
    " terminal TEXT NOT NULL,"
    " path TEXT NOT NULL,"
    " UNIQUE (kind, number, copy));\n" FROZEN("documents")
        NO_UPDATE("documents");

/* 4: the back office. The dashboard's method breakdown reads a daily
 * rollup per method kept in step like daily_totals; the payments
 * list's status and type filters, newest first, read an index each
 * instead of walking every payment. */
const char store_mig_4[] =
    "CREATE TABLE daily_method_totals ("
    " day TEXT NOT NULL,"
    " method TEXT NOT NULL,"
    " collected INTEGER NOT NULL DEFAULT 0,"
    " payments INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (day, method)) WITHOUT ROWID;\n"
    "CREATE TRIGGER rollup_method_post AFTER INSERT ON payments"
    " WHEN NEW.status = 'Posted' BEGIN" METHOD_ADD " END;\n"
    "CREATE TRIGGER rollup_method_verify AFTER UPDATE OF status ON payments"
    " WHEN NEW.status = 'Posted' AND OLD.status <> 'Posted' BEGIN" METHOD_ADD
    " END;\n"
    "CREATE TRIGGER rollup_method_unpost AFTER UPDATE OF status ON payments"
    " WHEN OLD.status = 'Posted' AND NEW.status <> 'Posted' BEGIN"
    " UPDATE daily_method_totals SET collected = collected - NEW.amount,"
    "  payments = payments - 1 WHERE day = NEW.paid_on AND"
    "  method = NEW.method; END;\n"
    "INSERT INTO daily_method_totals (day, method, collected, payments)"
    " SELECT paid_on, method, sum(amount), count(*) FROM payments WHERE"
    " status = 'Posted' GROUP BY paid_on, method;\n"
    "CREATE INDEX payments_status ON payments (status, paid_on);\n"
    "CREATE INDEX payments_type ON payments (type, paid_on);\n"
    /* newest first is (paid_on, id): an index ending in paid_on has the
     * id (rowid) right after it, so a page is a walk of it */
    "DROP INDEX payments_paid_on;\n"
    "CREATE INDEX payments_paid_on ON payments (paid_on);\n"
    "CREATE INDEX payments_method_day ON payments (method, paid_on);\n"
    "CREATE INDEX payments_amount ON payments (amount);\n";

/* 5: sync. A record the central node rejected is quarantined: it
 * stays in the outbox for a supervisor to see and no longer holds
 * up the records behind it. */
const char store_mig_5[] =
    "ALTER TABLE outbox ADD COLUMN rejected_at TEXT;\n"
    "ALTER TABLE outbox ADD COLUMN reject_reason TEXT NOT NULL DEFAULT '';\n"
    "DROP INDEX outbox_pending;\n"
    "CREATE INDEX outbox_queue ON outbox (id)"
    " WHERE sent_at IS NULL AND rejected_at IS NULL;\n"
    "CREATE INDEX outbox_quarantine ON outbox (id)"
    " WHERE rejected_at IS NOT NULL;\n"
    /* payments this store received by sync instead of recording them:
     * they have no outbox record here, and the central node may have
     * credited part of them instead of allocating it */
    "CREATE TABLE received (uuid TEXT PRIMARY KEY) WITHOUT ROWID;\n";

/* 6: the consumer search index can be brought up to date once at the
 * end of a bulk load (a pulled page of thousands of consumers)
 * instead of row by row: while fts_defer holds a row, consumers
 * above its after_id are left out, and store_fts_defer_end indexes
 * them in the same transaction. Row by row, every statement's
 * savepoint flushes the index. */
const char store_mig_6[] =
    "CREATE TABLE fts_defer (after_id INTEGER NOT NULL);\n"
    "DROP TRIGGER consumers_ai;\n"
    "DROP TRIGGER consumers_ad;\n"
    "DROP TRIGGER consumers_au;\n"
    "CREATE TRIGGER consumers_ai AFTER INSERT ON consumers WHEN NOT EXISTS"
    " (SELECT 1 FROM fts_defer WHERE new.id > after_id) BEGIN"
    " INSERT INTO consumers_fts (rowid, name, account_no, phone, "
    " phone_digits) VALUES (new.id, new.name, new.account_no, new.phone,"
    " new.phone_digits); END;\n"
    "CREATE TRIGGER consumers_ad AFTER DELETE ON consumers WHEN NOT EXISTS"
    " (SELECT 1 FROM fts_defer WHERE old.id > after_id) BEGIN"
    " INSERT INTO consumers_fts (consumers_fts, rowid, name, account_no,"
    " phone, phone_digits) VALUES ('delete', old.id, old.name,"
    " old.account_no, old.phone, old.phone_digits); END;\n"
    "CREATE TRIGGER consumers_au AFTER UPDATE ON consumers WHEN NOT EXISTS"
    " (SELECT 1 FROM fts_defer WHERE old.id > after_id) BEGIN"
    " INSERT INTO consumers_fts (consumers_fts, rowid, name, account_no,"
    " phone, phone_digits) VALUES ('delete', old.id, old.name,"
    " old.account_no, old.phone, old.phone_digits);"
    " INSERT INTO consumers_fts (rowid, name, account_no, phone, "
    " phone_digits) VALUES (new.id, new.name, new.account_no, new.phone,"
    " new.phone_digits); END;\n";

/* 7: settings an organisation's central node masters (see
 * config_central_row), as "section.key" and the text the file would
 * hold; they override the file's values. */
const char store_mig_7[] =
    "CREATE TABLE settings (id INTEGER PRIMARY KEY,"
    " key TEXT NOT NULL UNIQUE, value TEXT NOT NULL,"
    " updated_at TEXT NOT NULL);\n";

/* 8: the language a consumer's receipts and credit notes are written
 * in ("": the organisation's) */
const char store_mig_8[] =
    "ALTER TABLE consumers ADD COLUMN language TEXT NOT NULL DEFAULT '';\n";

/* wrong PINs given for user names this store does not know, counted
 * and locked out like a known user's (users.failed_logins,
 * locked_until) so that the answer never tells the two apart (issue
 * 18 section 5) */
const char store_mig_9[] =
    "CREATE TABLE login_misses (username TEXT PRIMARY KEY,"
    " failed INTEGER NOT NULL DEFAULT 0,"
    " locked_until TEXT NOT NULL DEFAULT '') WITHOUT ROWID;\n"
    /* the branch a user works at ("": every branch): the central node
     * hands a terminal the PIN hashes of its branch's users only */
    "ALTER TABLE users ADD COLUMN branch TEXT NOT NULL DEFAULT '';\n";

/* 9: tampering is seen (issue 18, section 7). Each change of a row
 * that carries money or rights (items, credit notes, users, settings)
 * leaves a seal of its columns (SEAL_* in internal.h); the audit
 * entry of the use case claims the transaction's seals and chains
 * their SHA-256 (audit_log.seals), and doctor compares every row
 * with its latest claimed seal. The rows already here are sealed by
 * an audit entry when the store is next opened (seal_baseline). */
const char store_mig_10[] =
    "CREATE TABLE seals (id INTEGER PRIMARY KEY, audit_id INTEGER,"
    " tbl TEXT NOT NULL, row_id INTEGER NOT NULL, fields TEXT NOT NULL);\n"
    "CREATE INDEX seals_row ON seals (tbl, row_id, id);\n"
    "CREATE INDEX seals_audit ON seals (audit_id);\n"
    "ALTER TABLE audit_log ADD COLUMN seals TEXT NOT NULL DEFAULT '';\n" FROZEN(
        "seals") "CREATE TRIGGER seals_frozen BEFORE UPDATE OF id, tbl, "
                 "row_id, fields"
                 " ON seals BEGIN SELECT RAISE(ABORT, 'seals is append-only'); "
                 "END;\n"
                 "CREATE TRIGGER seals_claimed BEFORE UPDATE OF audit_id ON "
                 "seals"
                 " WHEN OLD.audit_id IS NOT NULL BEGIN"
                 " SELECT RAISE(ABORT, 'seals is append-only'); END;\n" SEAL(
                     "items", SEAL_ITEMS)
                     SEAL("credit_notes", SEAL_CREDIT_NOTES)
                         SEAL("users", SEAL_USERS_V1) SEAL("settings",
                             SEAL_SETTINGS) "INSERT INTO meta (key, value) "
                                            "VALUES ('seal_baseline', '1');\n";

/* search without regard to case or accents (issue 17): the name as
 * utf8_fold makes it, written by the store's C with the name (and
 * here by pd_fold, the same function in SQL), is what the trigram
 * index holds and what a short search's prefix range reads; a
 * query is folded alike. The index is rebuilt over it. */
const char store_mig_11[] =
    "DROP TRIGGER consumers_ai;\n"
    "DROP TRIGGER consumers_ad;\n"
    "DROP TRIGGER consumers_au;\n"
    "DROP TABLE consumers_fts;\n"
    "ALTER TABLE consumers ADD COLUMN name_fold TEXT NOT NULL DEFAULT '';\n"
    "UPDATE consumers SET name_fold = pd_fold(name);\n"
    "CREATE INDEX consumers_name_fold ON consumers (name_fold);\n"
    "CREATE VIRTUAL TABLE consumers_fts USING fts5 (name_fold, account_no,"
    " phone, phone_digits, content='consumers', content_rowid='id',"
    " tokenize='trigram');\n"
    "INSERT INTO consumers_fts (consumers_fts) VALUES ('rebuild');\n"
    "CREATE TRIGGER consumers_ai AFTER INSERT ON consumers WHEN NOT EXISTS"
    " (SELECT 1 FROM fts_defer WHERE new.id > after_id) BEGIN"
    " INSERT INTO consumers_fts (rowid, name_fold, account_no, phone, "
    " phone_digits) VALUES (new.id, new.name_fold, new.account_no,"
    " new.phone, new.phone_digits); END;\n"
    "CREATE TRIGGER consumers_ad AFTER DELETE ON consumers WHEN NOT EXISTS"
    " (SELECT 1 FROM fts_defer WHERE old.id > after_id) BEGIN"
    " INSERT INTO consumers_fts (consumers_fts, rowid, name_fold,"
    " account_no, phone, phone_digits) VALUES ('delete', old.id,"
    " old.name_fold, old.account_no, old.phone, old.phone_digits); END;\n"
    "CREATE TRIGGER consumers_au AFTER UPDATE ON consumers WHEN NOT EXISTS"
    " (SELECT 1 FROM fts_defer WHERE old.id > after_id) BEGIN"
    " INSERT INTO consumers_fts (consumers_fts, rowid, name_fold,"
    " account_no, phone, phone_digits) VALUES ('delete', old.id,"
    " old.name_fold, old.account_no, old.phone, old.phone_digits);"
    " INSERT INTO consumers_fts (rowid, name_fold, account_no, phone, "
    " phone_digits) VALUES (new.id, new.name_fold, new.account_no,"
    " new.phone, new.phone_digits); END;\n";

/* a payment's reference (issue 17 section 3, seed 001's Transaction
 * Reference): a card authorisation code, a cheque number, a transfer
 * or gateway id; "" for none. Part of the recorded payment. */
const char store_mig_12[] =
    "ALTER TABLE payments ADD COLUMN reference TEXT NOT NULL DEFAULT '';\n"
    "CREATE INDEX payments_reference ON payments (reference COLLATE NOCASE)"
    " WHERE reference <> '';\n"
    "CREATE TRIGGER payments_reference_frozen BEFORE UPDATE OF reference"
    " ON payments BEGIN"
    " SELECT RAISE(ABORT, 'a recorded payment cannot be changed'); END;\n";

/* pulled records this terminal refused (issue 18, part 1): set aside
 * with the reason, in the transaction that moves the cursor past
 * them, so that one refused record never blocks a pull; kept for the
 * operator (sync --quarantine, the Sync screen) */
const char store_mig_13[] =
    "CREATE TABLE pull_quarantine (id INTEGER PRIMARY KEY,"
    " seq INTEGER NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,"
    " ref TEXT NOT NULL, created_at TEXT NOT NULL, payload TEXT NOT NULL,"
    " reason TEXT NOT NULL, set_aside_at TEXT NOT NULL);\n";
