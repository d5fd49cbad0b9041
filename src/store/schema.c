/* schema.c - the store's schema as migrations (PRAGMA user_version).
 *
 * TO ADD A MIGRATION: append a string to store_migrations[]; never edit one
 * that has shipped. Each runs in its own transaction with the version bump.
 *
 * The ledger tables (payments, allocations, voids, credit_notes,
 * credit_applications, audit_log) are append-only: triggers refuse DELETE,
 * and UPDATE except of the columns kept in step (payment status and
 * verification, credit-note applied amount and voided flag).
 */
#include "internal.h"

#define FROZEN(t)                                                              \
	"CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t " BEGIN "         \
	"SELECT RAISE(ABORT, '" t " is append-only'); END;\n"
#define NO_UPDATE(t)                                                           \
	"CREATE TRIGGER " t "_no_update BEFORE UPDATE ON " t " BEGIN "         \
	"SELECT RAISE(ABORT, '" t " is append-only'); END;\n"

/* A payment becoming Posted adds to the day's and the payer's totals. */
#define ROLLUP_ADD                                                             \
	" INSERT INTO daily_totals (day, collected, payments) VALUES"          \
	"  (NEW.paid_on, NEW.amount, 1) ON CONFLICT (day) DO UPDATE SET"       \
	"  collected = collected + NEW.amount, payments = payments + 1;"       \
	" INSERT INTO payer_totals (consumer_id, total, payments, last_paid)"  \
	"  VALUES (NEW.consumer_id, NEW.amount, 1, NEW.paid_on)"               \
	"  ON CONFLICT (consumer_id) DO UPDATE SET total = total + "           \
	"NEW.amount,"                                                          \
	"  payments = payments + 1, last_paid = max(last_paid, NEW.paid_on);"  \
	" INSERT INTO payer_method_totals (consumer_id, method, total) VALUES" \
	"  (NEW.consumer_id, NEW.method, NEW.amount) ON CONFLICT "             \
	"(consumer_id,"                                                        \
	"  method) DO UPDATE SET total = total + NEW.amount;"
/* Days from issue to payment, and the count, of a payment's allocations. */
#define ALLOC_DAYS                                                             \
	"SELECT coalesce(sum(max(0, CAST(julianday(NEW.paid_on) -"             \
	" julianday(i.issued_on) AS INTEGER))), 0) FROM allocations a JOIN"    \
	" items i ON i.id = a.item_id WHERE a.payment_id = NEW.id AND"         \
	" a.reverses IS NULL AND a.amount > 0"
#define ALLOC_COUNT                                                            \
	"SELECT count(*) FROM allocations a WHERE a.payment_id = NEW.id AND"   \
	" a.reverses IS NULL AND a.amount > 0"

/* A Posted payment into the per-day, per-method rollup. */
#define METHOD_ADD                                                             \
	" INSERT INTO daily_method_totals (day, method, collected, payments)" \
	" VALUES (NEW.paid_on, NEW.method, NEW.amount, 1) ON CONFLICT (day,"  \
	" method) DO UPDATE SET collected = collected + NEW.amount,"         \
	" payments = payments + 1;"

/* A Posted payment's days to pay (behaviour.c): from the due date of the
 * oldest item it paid to its date, over its allocations that pay. */
#define PAY_DAYS_OF(cond)                                                      \
	" INSERT OR REPLACE INTO pay_days (consumer_id, paid_on, payment_id,"  \
	" days, terminal, branch) SELECT p.consumer_id, p.paid_on, p.id,"      \
	" CAST(julianday(p.paid_on) - julianday(min(i.due_on)) AS INTEGER),"   \
	" p.terminal, p.branch FROM payments p JOIN allocations a ON"          \
	" a.payment_id = p.id AND a.amount > 0 AND a.reverses IS NULL JOIN"    \
	" items i ON i.id = a.item_id WHERE " cond " AND p.status = 'Posted'"  \
	" GROUP BY p.id;"

/* What the payments that count (Posted, Pending) allocated to item i on
 * or before its due date (the forecast's paying on time, forecast.c). */
#define PAID_ON_TIME                                                           \
	"(SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN payments"  \
	" p ON p.id = a.payment_id WHERE a.item_id = i.id AND a.reverses IS"   \
	" NULL AND p.status IN ('Posted', 'Pending') AND p.paid_on <="         \
	" i.due_on)"
/* The rows of due_paid where cond (on the items i) says, from the items
 * again: their due and what was paid of it on time. */
#define DUE_PAID_OF(del, cond)                                                 \
	" DELETE FROM due_paid WHERE " del ";"                                 \
	" INSERT INTO due_paid (consumer_id, due_on, due, on_time) SELECT"     \
	" i.consumer_id, i.due_on, sum(i.amount), sum(" PAID_ON_TIME ") FROM"  \
	" items i WHERE " cond " GROUP BY i.consumer_id, i.due_on;"
#define DUE_PAID_AT(cid, day)                                                  \
	DUE_PAID_OF("consumer_id = " cid " AND due_on = " day,               \
	    "i.consumer_id = " cid " AND i.due_on = " day)
/* The consumers' days of the items a payment allocated to. */
#define DUE_PAID_PAYMENT                                                       \
	"(SELECT j.consumer_id, j.due_on FROM allocations a JOIN items j ON"   \
	" j.id = a.item_id WHERE a.payment_id = NEW.id)"
/* The rows of paid_by_day where cond (on the items i) says, from the
 * items again: what the payments that count paid of them, by the day
 * each was paid (the forecast's weeks, forecast.c). */
#define PAID_BY_DAY_OF(del, cond)                                              \
	" DELETE FROM paid_by_day WHERE " del ";"                              \
	" INSERT INTO paid_by_day (due_on, consumer_id, paid_on, paid) SELECT" \
	" i.due_on, i.consumer_id, p.paid_on, sum(a.amount) FROM items i JOIN" \
	" allocations a ON a.item_id = i.id AND a.reverses IS NULL JOIN"       \
	" payments p ON p.id = a.payment_id AND p.status IN ('Posted',"        \
	" 'Pending') WHERE " cond " GROUP BY i.due_on, i.consumer_id,"         \
	" p.paid_on;"
#define PAID_BY_DAY_AT(cid, day)                                               \
	PAID_BY_DAY_OF(                                                        \
	    "due_on = " day " AND consumer_id = " cid, SAME_DAY(cid, day))
/* The items i of consumer cid due on day, through items_consumer (by
 * items_due, as the planner took the triggers of migration 43 without
 * the store's statistics, every item due that day was read: 27,000 per
 * allocation on the bench store, 1M on a billing cycle's due day) */
#define SAME_DAY(cid, day) "i.consumer_id = " cid " AND +i.due_on = " day
/* those of the item NEW.item_id's consumer and due day */
#define SAME_DAY_ITEM                                                          \
	SAME_DAY("(SELECT consumer_id FROM items WHERE id = NEW.item_id)",     \
	    "(SELECT due_on FROM items WHERE id = NEW.item_id)")
/* those of the consumers and due days of the items payment NEW paid */
#define SAME_DAY_PAYMENT                                                       \
	"i.id IN (SELECT k.id FROM allocations a JOIN items j ON j.id ="       \
	" a.item_id JOIN items k ON k.consumer_id = j.consumer_id AND"         \
	" +k.due_on = j.due_on WHERE a.payment_id = NEW.id)"
#define PAID_BY_DAY_PAYMENT                                                    \
	"(SELECT j.due_on, j.consumer_id FROM allocations a JOIN items j ON"   \
	" j.id = a.item_id WHERE a.payment_id = NEW.id)"

/* The row of item_late of the items where cond (on the items i) says,
 * from the ledger again: the date of the last Posted payment that paid
 * it, kept when a month end falls between its due date and that date
 * (the first month end after due_on: the day after's month's end). */
#define ITEM_LATE_OF(del, cond)                                                \
	" DELETE FROM item_late WHERE " del ";"                                \
	" INSERT INTO item_late (item_id, consumer_id, due_on, done) SELECT"   \
	" i.id, i.consumer_id, i.due_on, max(p.paid_on) FROM items i JOIN"     \
	" allocations a ON a.item_id = i.id AND a.amount > 0 AND a.reverses"   \
	" IS NULL JOIN payments p ON p.id = a.payment_id AND p.status ="       \
	" 'Posted' WHERE " cond " GROUP BY i.id HAVING max(p.paid_on) >"       \
	" date(i.due_on, '+1 day', 'start of month', '+1 month', '-1 day');"

/* A row's seal: what it holds of money and rights, written as a pending
 * seal by the row's change; the use case's audit entry claims it. */
#define SEAL_ROW(t, cols)                                                      \
	" INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', NEW.id, f"   \
	" FROM (SELECT json_array(" cols ") AS f FROM " t " WHERE id ="      \
	" NEW.id) WHERE f IS NOT (SELECT fields FROM seals WHERE tbl = '" t  \
	"' AND row_id = NEW.id ORDER BY id DESC LIMIT 1);"
/* (SEAL_ROW, a row's seal: internal.h) */
#define SEAL(t, cols)                                                          \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " BEGIN" SEAL_ROW(  \
	    t, cols) " END;\n"                                                 \
	"CREATE TRIGGER seal_" t "_upd AFTER UPDATE OF " cols " ON " t         \
	" BEGIN" SEAL_ROW(t, cols) " END;\n"                                   \
	"INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', id,"          \
	" json_array(" cols ") FROM " t " ORDER BY id;\n"

/* The triggers of SEAL alone, and the seals of the rows a store already
 * holds, except in a central node's store (it has a feed; its ledger is
 * its terminals' and is not sealed there, schema_central.c). */
#define SEAL_TRIGGERS_OF(t, cols, watched)                                     \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " BEGIN" SEAL_ROW(  \
	    t, cols) " END;\n"                                                 \
	"CREATE TRIGGER seal_" t "_upd AFTER UPDATE OF " watched " ON " t      \
	" BEGIN" SEAL_ROW(t, cols) " END;\n"
#define SEAL_TRIGGERS(t, cols) SEAL_TRIGGERS_OF(t, cols, cols)
#define SEAL_BASE(t, cols)                                                     \
	"INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', id,"          \
	" json_array(" cols ") FROM " t " WHERE NOT EXISTS (SELECT 1 FROM"    \
	" sqlite_master WHERE type = 'table' AND name = 'feed') ORDER BY"     \
	" id;\n"

const char *const store_migrations[] = {
    /* 1: the whole first schema */
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
                                                                "IS NULL;\n",

    /* 2: report rollups kept in step by triggers, in the transaction that
     * changes what they sum (DESIGN rule 2): KPIs and the payers report
     * read these instead of scanning millions of payments. Only Posted
     * payments count. */
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
    " 'Posted' GROUP BY consumer_id, method;\n",

    /* 3: documents. The consumer's outstanding right after a payment is
     * kept with it, so a reprint says what the original said; every
     * receipt or credit note written or printed is logged, so the second
     * and later are marked COPY. */
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
        NO_UPDATE("documents"),

    /* 4: the back office. The dashboard's method breakdown reads a daily
     * rollup per method kept in step like daily_totals; the payments
     * list's status and type filters, newest first, read an index each
     * instead of walking every payment. */
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
    "CREATE INDEX payments_amount ON payments (amount);\n",

    /* 5: sync. A record the central node rejected is quarantined: it
     * stays in the outbox for a supervisor to see and no longer holds
     * up the records behind it. */
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
    "CREATE TABLE received (uuid TEXT PRIMARY KEY) WITHOUT ROWID;\n",

    /* 6: the consumer search index can be brought up to date once at the
     * end of a bulk load (a pulled page of thousands of consumers)
     * instead of row by row: while fts_defer holds a row, consumers
     * above its after_id are left out, and store_fts_defer_end indexes
     * them in the same transaction. Row by row, every statement's
     * savepoint flushes the index. */
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
    " new.phone_digits); END;\n",

    /* 7: settings an organisation's central node masters (see
     * config_central_row), as "section.key" and the text the file would
     * hold; they override the file's values. */
    "CREATE TABLE settings (id INTEGER PRIMARY KEY,"
    " key TEXT NOT NULL UNIQUE, value TEXT NOT NULL,"
    " updated_at TEXT NOT NULL);\n",

    /* 8: the language a consumer's receipts and credit notes are written
     * in ("": the organisation's) */
    "ALTER TABLE consumers ADD COLUMN language TEXT NOT NULL DEFAULT '';\n",

    /* wrong PINs given for user names this store does not know, counted
     * and locked out like a known user's (users.failed_logins,
     * locked_until) so that the answer never tells the two apart (issue
     * 18 section 5) */
    "CREATE TABLE login_misses (username TEXT PRIMARY KEY,"
    " failed INTEGER NOT NULL DEFAULT 0,"
    " locked_until TEXT NOT NULL DEFAULT '') WITHOUT ROWID;\n"
    /* the branch a user works at ("": every branch): the central node
     * hands a terminal the PIN hashes of its branch's users only */
    "ALTER TABLE users ADD COLUMN branch TEXT NOT NULL DEFAULT '';\n",

    /* 9: tampering is seen (issue 18, section 7). Each change of a row
     * that carries money or rights (items, credit notes, users, settings)
     * leaves a seal of its columns (SEAL_* in internal.h); the audit
     * entry of the use case claims the transaction's seals and chains
     * their SHA-256 (audit_log.seals), and doctor compares every row
     * with its latest claimed seal. The rows already here are sealed by
     * an audit entry when the store is next opened (seal_baseline). */
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
                                            "VALUES ('seal_baseline', '1');\n",

    /* search without regard to case or accents (issue 17): the name as
     * utf8_fold makes it, written by the store's C with the name (and
     * here by pd_fold, the same function in SQL), is what the trigram
     * index holds and what a short search's prefix range reads; a
     * query is folded alike. The index is rebuilt over it. */
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
    " new.phone, new.phone_digits); END;\n",

    /* a payment's reference (issue 17 section 3, seed 001's Transaction
     * Reference): a card authorisation code, a cheque number, a transfer
     * or gateway id; "" for none. Part of the recorded payment. */
    "ALTER TABLE payments ADD COLUMN reference TEXT NOT NULL DEFAULT '';\n"
    "CREATE INDEX payments_reference ON payments (reference COLLATE NOCASE)"
    " WHERE reference <> '';\n"
    "CREATE TRIGGER payments_reference_frozen BEFORE UPDATE OF reference"
    " ON payments BEGIN"
    " SELECT RAISE(ABORT, 'a recorded payment cannot be changed'); END;\n",

    /* pulled records this terminal refused (issue 18, part 1): set aside
     * with the reason, in the transaction that moves the cursor past
     * them, so that one refused record never blocks a pull; kept for the
     * operator (sync --quarantine, the Sync screen) */
    "CREATE TABLE pull_quarantine (id INTEGER PRIMARY KEY,"
    " seq INTEGER NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,"
    " ref TEXT NOT NULL, created_at TEXT NOT NULL, payload TEXT NOT NULL,"
    " reason TEXT NOT NULL, set_aside_at TEXT NOT NULL);\n",
    /* bank statements (issue 20, first slice): imported whole or not at
     * all, a statement once per account and key (the bank's id, or a
     * hash of its lines), each line pointing at an earlier statement's
     * line with the same bank id or date, amount and reference. Both
     * tables are append-only. */
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
    " SELECT RAISE(ABORT, 'an imported statement cannot be deleted'); END;\n",
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
    NO_UPDATE("documents"),

    /* payments, their allocations and voids, and the sync outbox sealed
     * like migration 9's tables (issue 18, section 7): a status, an
     * amount, a verification, notes or a payload changed in the sqlite3
     * shell, a row deleted, an outbox record marked sent by hand, is a
     * row that differs from its seal (doctor), and a forged payload is
     * never pushed (seal_outbox_check). The rows already here are sealed
     * by one audit entry when the store is next opened. */
    SEAL_TRIGGERS("payments", SEAL_PAYMENTS) SEAL_TRIGGERS(
        "allocations", SEAL_ALLOCATIONS) SEAL_TRIGGERS("voids", SEAL_VOIDS)
        SEAL_TRIGGERS_OF("outbox", SEAL_OUTBOX, SEAL_OUTBOX_COLS) SEAL_BASE("payments",
            SEAL_PAYMENTS) SEAL_BASE("allocations", SEAL_ALLOCATIONS)
            SEAL_BASE("voids", SEAL_VOIDS) SEAL_BASE("outbox", SEAL_OUTBOX)
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_baseline', "
    "'1');\n",

    /* the payments search finds a receipt, payment id, transaction id
     * or reference by any part of it of 3 characters or more ("4567" in
     * AB-1234567 and R-T01-004567; issue 17): a trigram index over the
     * payments' numbers, filled as a payment is inserted (payments are
     * append-only and their numbers and reference never change). */
    "CREATE VIRTUAL TABLE payments_docs USING fts5 (receipt_no,"
    " payment_no, txn_no, reference, content='payments',"
    " content_rowid='id', tokenize='trigram');\n"
    "INSERT INTO payments_docs (payments_docs) VALUES ('rebuild');\n"
    "CREATE TRIGGER payments_docs_ai AFTER INSERT ON payments BEGIN"
    " INSERT INTO payments_docs (rowid, receipt_no, payment_no, txn_no,"
    " reference) VALUES (new.id, new.receipt_no, new.payment_no,"
    " new.txn_no, new.reference); END;\n",
    /* the recovery role (issue 21): a cashier who also works debts. Only
     * the CHECK of users.role widens; rebuilding users in a migration's
     * transaction is not possible (foreign_keys is on and every ledger
     * table points at users), so the table's text is changed in place,
     * which SQLite documents as safe for a CHECK that only accepts more
     * ("Making other kinds of table schema changes"). No row changes:
     * the users' seals stay what they were. */
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, '''admin''))',"
    " '''admin'', ''recovery''))') WHERE type = 'table' AND"
    " name = 'users';\n"
    "PRAGMA writable_schema = RESET;\n",
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
    " IS NOT NULL;\n",

    /* a plain keyboard finds the letters Unicode gives no decomposition
     * (issue 17: ı, ł, ø, đ, æ, œ, þ ... by i, l, o, d, ae, oe, th; the
     * table is utf8.c's fold_letters): the names folded again by the new
     * rule, each changed row reindexed by consumers_au. */
    "UPDATE consumers SET name_fold = pd_fold(name) WHERE name_fold <>"
    " pd_fold(name);\n",
    /* gateway payments as a terminal pulls them (issue 19): one row per
     * gateway and code, the central node's version of it (a pulled
     * gateway_payment record replaces it whole): its statuses, amount,
     * payer's phone and reference, the candidates when unassociated,
     * its consumer (0: unassociated) and its ledger payment by uuid ("":
     * none). An association made here is an outbox record
     * (gateway_association) until the central node applied it; this
     * row changes only by what is pulled. Not gateway_payments: a
     * central node's store holds that table of its own. */
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
    "CREATE INDEX gw_payments_consumer ON gw_payments (consumer_id);\n",

    /* money outside the payments sealed like them (review 18, points 3
     * and 4): a credit note's applications, a shift's counts, movements
     * and tenders, an imported bank statement and its lines. A changed
     * amount, a deleted movement or line, a statement's totals edited,
     * is a row that differs from its seal (doctor), even with the
     * append-only trigger dropped. The rows already here are sealed by
     * one audit entry when the store is next opened; a central node's
     * store drops the triggers again (schema_central.c). */
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
    "'1');\n",
    /* an item's debt an arrangement moved is due as the plan's
     * installments, not in the item's own day too (issue 21 review,
     * point 2): Total Due counts an item less what arrangements moved of
     * it (a reschedule's closed installments alike; a cancel's give-back
     * counts it again); the days already rolled up are corrected once */
    "CREATE TRIGGER rollup_arr_move AFTER INSERT ON arrangement_moves BEGIN"
    " UPDATE due_daily SET amount = amount - NEW.amount WHERE day ="
    " (SELECT due_on FROM items WHERE id = NEW.item_id); END;\n"
    "UPDATE due_daily SET amount = amount - (SELECT coalesce(sum(m.amount),"
    " 0) FROM arrangement_moves m JOIN items i ON i.id = m.item_id WHERE"
    " i.due_on = due_daily.day) WHERE day IN (SELECT i.due_on FROM"
    " arrangement_moves m JOIN items i ON i.id = m.item_id);\n",

    /* bank deposits of closed shifts' cash and cheques (issue 20;
     * deposit.h): a deposit with its slip number, account and day, one
     * line per shift and tender, and the statement credit matched to it
     * (by the automatic rule or by hand; an unmatch keeps the row with
     * when, who and why), or a gateway payment's settlement matched to
     * one. A deposit is append-only but for its void,
     * written once; a slip number is used by one deposit that is not
     * void. Sealed like the shifts' money (seal.c); a central node's
     * store drops the triggers (schema_central.c). */
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
    SEAL_TRIGGERS("statement_matches", SEAL_STMT_MATCHES),
    /* the documents log takes deposit slips (issue 20: a reprint is a
     * COPY like a receipt's): the CHECK of documents.kind widened in
     * place as the recovery role's was (it only accepts more), after
     * its first word so that another kind added the same way keeps
     * this one */
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(sql, '(''receipt'', ',"
    " '(''receipt'', ''deposit_slip'', ') WHERE type = 'table' AND"
    " name = 'documents';\n"
    "PRAGMA writable_schema = RESET;\n",
    /* short searches match the start of any word of a name (issue 17
     * review: "mu" finds Hans Müller, a Thai surname by its start): the
     * folded name's words, split by unicode61 (letters, digits and marks
     * are word characters, the rest separates), in an index of their
     * one- and two-character prefixes, kept like consumers_fts (and left
     * to store_fts_defer_end during a bulk load) */
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
    " new.name_fold); END;\n",
    /* a sign-in hashes its user's seal group (store_user_sealed): users
     * sealed in a big group (a baseline of a million rows) are sealed
     * again apart once, after their group is checked (seal.c,
     * seal_users_apart; issue 24) */
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_users', '1');\n",
    /* a terminal's and a branch's figures (issue 23: the dashboard and
     * reports by scope) read their payments by these, a day range at a
     * time, as the organisation's read the rollups */
    "CREATE INDEX payments_terminal ON payments (terminal, paid_on, status);\n"
    "CREATE INDEX payments_branch ON payments (branch, paid_on, status);\n",
    /* a pulled gateway payment's refunds so far and why a refund is held
     * for a supervisor (issue 19 review: struct gw_payment) */
    "ALTER TABLE gw_payments ADD COLUMN refunded INTEGER NOT NULL"
    " DEFAULT 0 CHECK (refunded >= 0);\n"
    "ALTER TABLE gw_payments ADD COLUMN review TEXT NOT NULL"
    " DEFAULT '';\n",
    /* the matching rules of card settlements and bank transfers (issue
     * 20, "Reconciliation"): a match's rule may be card (a terminal's day
     * of card payments, settled by the processor less its fee) or
     * transfer (one bank transfer payment), of neither a deposit nor a
     * gateway payment. The CHECKs of statement_matches widened in place
     * as documents' kind was (they only accept more) */
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(replace(sql,"
    " '''manual'', ''gateway'')',"
    " '''manual'', ''gateway'', ''card'', ''transfer'')'),"
    " 'CHECK ((deposit_id IS NULL) <> (gw_id IS NULL))',"
    " 'CHECK ((deposit_id IS NOT NULL) + (gw_id IS NOT NULL) +"
    " (rule IN (''card'', ''transfer'')) = 1)') WHERE type = 'table' AND"
    " name = 'statement_matches';\n"
    "PRAGMA writable_schema = RESET;\n",
    /* the payments a card or transfer match took (issue 20): a card
     * settlement's every card payment of its terminal and day, a
     * transfer's one; append-only, their match's unmatch frees them.
     * Sealed like the matches; a central node's store drops the seal
     * triggers (schema_central.c) */
    "CREATE TABLE statement_match_payments (id INTEGER PRIMARY KEY,"
    " match_id INTEGER NOT NULL REFERENCES statement_matches (id),"
    " payment_id INTEGER NOT NULL REFERENCES payments (id),"
    " UNIQUE (match_id, payment_id));\n"
    "CREATE INDEX statement_match_payments_payment ON"
    " statement_match_payments (payment_id);\n"
    FROZEN("statement_match_payments")
    NO_UPDATE("statement_match_payments")
    SEAL_TRIGGERS("statement_match_payments", SEAL_MATCH_PAYMENTS),
    /* reconciliation exceptions resolved by hand (issue 20,
     * "Exceptions"): a supervisor's note on one exception, named by its
     * kind and target (a deposit's uuid; a statement line as account,
     * statement key and line; a shift's uuid and tender), with what the
     * exception showed then. A resolved exception leaves the open list
     * and stays here, once per kind and target; append-only, sealed */
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
    SEAL_TRIGGERS("recon_resolutions", SEAL_RESOLUTIONS),
    /* statements imported before they were sync records (issue 20) were
     * never sent: the next sync round queues them and their matches
     * once (svc_stmt_catchup), sealed as every outbox row, and clears
     * this */
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('stmt_catchup', "
    "'1');\n",
    /* stored alerts (issue 21): one row per cause (its key, e.g.
     * "item-overdue:<item uuid>:<days>", UNIQUE so that a cause seen
     * again raises nothing), what it points at and the figure that
     * raised it, fixed by triggers; its status, who it is assigned to and
     * its delivery to [alerts] command change. Its history (raised,
     * acknowledged, assigned, a note, closed, a failed delivery) is
     * append-only. Local to the terminal: never synced. */
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
    FROZEN("alert_notes") NO_UPDATE("alert_notes"),
    /* disputes of payments (issue 21; dispute.h): a dispute names its
     * payment, its reason (a fixed code), when it is due, and keeps its
     * status and resolution in step with its events (append-only, the
     * timeline: who, when, note). What an upholding made is linked by
     * uuid (a void, a credit note, a service charge item), as a pulled
     * dispute may arrive before them. Resolved is final. */
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
    NO_UPDATE("dispute_events"),
    /* the team a user belongs to (issue 23, seed 000's team-based
     * visibility: [visibility] team); "" none */
    "ALTER TABLE users ADD COLUMN team TEXT NOT NULL DEFAULT '';\n",
    /* the consumer's language a document was written in, NULL for the
     * organisation's (issue 25 review: a copy of a receipt came out in
     * the organisation's language once its consumer's was cleared;
     * store_doc_language). Rows of before by the rule: the
     * consumer's language where the import gave one. The append-only
     * trigger is set aside for this one fill. */
    "ALTER TABLE documents ADD COLUMN language TEXT;\n"
    "DROP TRIGGER documents_no_update;\n"
    "UPDATE documents SET language = (SELECT c.language FROM payments p"
    " JOIN consumers c ON c.id = p.consumer_id WHERE p.receipt_no ="
    " documents.number AND c.language <> '') WHERE kind = 'receipt';\n"
    "UPDATE documents SET language = (SELECT c.language FROM credit_notes"
    " n JOIN consumers c ON c.id = n.consumer_id WHERE n.cn_no ="
    " documents.number AND c.language <> '') WHERE kind ="
    " 'credit_note';\n" NO_UPDATE("documents"),
    /* the dashboard's tiles each user chose, in order (issue 23, seed
     * 002's customizable KPI tiles): their words, comma-separated */
    "CREATE TABLE user_tiles (user_id INTEGER PRIMARY KEY REFERENCES"
    " users (id), tiles TEXT NOT NULL);\n",
    /* the rule that split a payment among its items (issue 21,
     * allocation rules; alloc.h): oldest, installments, bills, largest
     * or hand; the payments of before were all split oldest first. Part
     * of the recorded payment. */
    "ALTER TABLE payments ADD COLUMN alloc_rule TEXT NOT NULL DEFAULT"
    " 'oldest' CHECK (alloc_rule IN ('oldest', 'installments', 'bills',"
    " 'largest', 'hand'));\n"
    "CREATE TRIGGER payments_alloc_rule_frozen BEFORE UPDATE OF"
    " alloc_rule ON payments BEGIN"
    " SELECT RAISE(ABORT, 'a recorded payment cannot be changed'); END;\n",
    /* the matching rules' joins (issue 20: a 100,000-line statement
     * against the 10M-payment store in 5 s): the transfer rule finds a
     * credit's posted bank payments by amount and day, the card rule
     * sums a terminal's day of posted card payments, each from an index
     * of those payments only (by amount alone a credit read every
     * payment of its amount, 500 in the bench store, row by row) */
    "CREATE INDEX payments_bank_amount ON payments (amount, paid_on)"
    " WHERE method_kind = 'bank' AND status = 'Posted';\n"
    "CREATE INDEX payments_card_day ON payments (terminal, paid_on,"
    " amount) WHERE method_kind = 'card' AND status = 'Posted';\n"
    /* the card and transfer matches made before they were sync records
     * (issue 20) never were sent: the next sync round queues them once
     * (svc_stmt_catchup) and clears this */
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('match_catchup',"
    " '1');\n",
    /* a user's branch and team sealed with the rest of the user (review
     * of issue 18): a branch changed by hand in the central store
     * handed that user's PIN hash to another branch's terminals and
     * took their acts from there, and both doctors said ok. The users'
     * triggers again with SEAL_USERS' columns; every user is sealed
     * again, the seals claimed by one audit entry at the next open
     * (seal_baseline), which check_changers lets add the new columns.
     * A central node's SQLite store seals its users too. */
    "DROP TRIGGER seal_users_ins;\n"
    "DROP TRIGGER seal_users_upd;\n" SEAL("users", SEAL_USERS)
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_baseline',"
    " '1');\n",
    /* each Posted payment's days to pay (issue 23: the deteriorating
     * payers at 10M payments read these, by consumer, instead of each
     * payment's allocations and items), kept in step by triggers: a
     * payment that pays (an allocation), one Posted or no longer, an
     * item whose due date changes. Its terminal and branch for the
     * report's scope. `doctor` checks it against the ledger. */
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
    PAY_DAYS_OF("1") "\n",
    /* the forecast's history (issue 23: each consumer's items due in the
     * year before a day and what was paid of them on time, and the
     * organisation's, at 10M payments read from these instead of each
     * item's allocations): by consumer and due day, and by due day,
     * kept in step by triggers (an item added or changed, an allocation,
     * a payment that counts or no longer). `doctor` checks both. */
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
        "(i.consumer_id, i.due_on) IN " DUE_PAID_PAYMENT) " END;\n",
    /* an organisation's alerts synced (issue 21, alert_sync.c): an
     * alert is known everywhere by its cause; synced 1 once its raise
     * went to the central node or came from it (a terminal's own
     * alerts, sync-refused and reconciliation, never go). A step of the
     * history made here or pulled has its record's uuid and terminal
     * (NULL: the pass's, a delivery's: never synced). A pulled step of
     * an alert this store does not have yet waits in alert_steps_held
     * until it comes, by its raise or this terminal's own pass. */
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
    "CREATE INDEX alert_steps_held_cause ON alert_steps_held (cause);\n",
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
        SAME_DAY_PAYMENT) " END;\n",
    /* the deteriorating payers' aging at month ends (issue 23: at 10M
     * payments the items paid after the oldest month end were found by
     * reading every payment since, its allocations, and grouping them
     * by item): each item whose last Posted payment came after a month
     * end it fell due before, with that payment's date, the only items
     * paid that can have been open at a past month end. Kept in step
     * by triggers (an allocation that pays, a payment Posted or no
     * longer, an item's consumer or due date changed); filled once (~7 s
     * of CPU on the 2M-payment bench store). `doctor` checks it. */
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
    " END;\n",
    /* the log of documents sealed (review of issue 18, section 7): a
     * receipt's rows deleted in the sqlite3 shell (its append-only
     * trigger dropped) made its next print the ORIGINAL again, a second
     * original of a payment, and neither doctor nor audit verify said
     * so. Each row is sealed as it is written, claimed by its issue or
     * reprint audit entry; a row deleted or changed is reported. The
     * rows here are sealed by the baseline's entry, which claims this
     * migration's seals only (db.c, seal_baseline); a central node's
     * store drops the triggers (schema_central.c). */
    SEAL_TRIGGERS("documents", SEAL_DOCUMENTS)
    SEAL_BASE("documents", SEAL_DOCUMENTS)
    "INSERT OR IGNORE INTO meta (key, value) SELECT 'seal_baseline',"
    " coalesce(max(id), 0) + 1 FROM seals WHERE tbl <> 'documents';\n",
};

const int store_nmigrations =
    (int)(sizeof store_migrations / sizeof store_migrations[0]);
