/* schema_m96.c - fewer pages written by a post: the method's two indexes
 * made one, a consumer's payer_scope rows side by side
 *
 * Migrations 96 on of store_migrations[] (schema.c), each the text of
 * one version: never edit one that has shipped. */
#include "internal.h"
#include "schema_sql.h"

/* 96. The method's two indexes made one (issue 24, posting a payment):
 * payments_method_day (method, paid_on), with the rowid after them the
 * payments list's order by method (method, paid_on, id), and the
 * payers report's covering payments_method (method, paid_on, status,
 * branch, terminal, consumer_id, amount) were two b-trees, two leaf
 * pages written by each post. payments_method with the id third,
 * (method, paid_on, id, status, ...), is in the list's order and still
 * covers the report: the list's pages read it as they read
 * payments_method_day (the same range, the same rows), and the other
 * goes. A central node's store keeps neither (its migration 3): it drops
 * this one again (schema_central.c). Safe to run again. */
const char store_mig_96[] =
    "DROP INDEX IF EXISTS payments_method_day;\n"
    "DROP INDEX IF EXISTS payments_method;\n"
    "CREATE INDEX payments_method ON payments (method, paid_on, id, status,"
    " branch, terminal, consumer_id, amount);\n";

/* 97. A consumer's payer_scope rows side by side (issue 24, posting a
 * payment): a post adds to its consumer's row of its terminal ('t:')
 * and of its branch ('b:'), keyed (scope, consumer_id) two leaf pages
 * apart; keyed (consumer_id, scope) they are one page. Every read names
 * the scope and the consumers (reports.c, payers_scoped: a scope's top
 * by payer_scope_total, then those consumers' rows) or reads it all
 * (doctor). The table made again with its rows (doctor checks them
 * against the ledger), its index and triggers as migration 54 made
 * them; a central node's store drops the triggers again
 * (schema_central.c). Safe to run again (the copy is made again,
 * whole). */
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
const char store_mig_97[] =
    "DROP TRIGGER IF EXISTS payer_scope_post;\n"
    "DROP TRIGGER IF EXISTS payer_scope_verify;\n"
    "DROP TRIGGER IF EXISTS payer_scope_unpost;\n"
    "DROP TABLE IF EXISTS payer_scope_v2;\n"
    "CREATE TABLE payer_scope_v2 (scope TEXT NOT NULL, consumer_id INTEGER"
    " NOT NULL, total INTEGER NOT NULL, payments INTEGER NOT NULL, last_paid"
    " TEXT NOT NULL, PRIMARY KEY (consumer_id, scope)) WITHOUT ROWID;\n"
    "INSERT INTO payer_scope_v2 (scope, consumer_id, total, payments,"
    " last_paid) SELECT scope, consumer_id, total, payments, last_paid FROM"
    " payer_scope ORDER BY consumer_id, scope;\n"
    "DROP TABLE payer_scope;\n"
    "ALTER TABLE payer_scope_v2 RENAME TO payer_scope;\n"
    "CREATE INDEX IF NOT EXISTS payer_scope_total ON payer_scope (scope,"
    " total DESC);\n"
    "CREATE TRIGGER payer_scope_post AFTER INSERT ON payments WHEN"
    " NEW.status = 'Posted' BEGIN" PAYER_SCOPE_ADD("'t:' || NEW.terminal")
        PAYER_SCOPE_ADD(
            "'b:' || NEW.branch") " END;\n"
                                  "CREATE TRIGGER payer_scope_verify AFTER "
                                  "UPDATE OF status ON payments"
                                  " WHEN NEW.status = 'Posted' AND OLD.status "
                                  "<> 'Posted' BEGIN" PAYER_SCOPE_ADD(
                                      "'t:' || NEW.terminal")
                                      PAYER_SCOPE_ADD(
                                          "'b:' || NEW.branch") " END;\n"
                                                                "CREATE "
                                                                "TRIGGER "
                                                                "payer_scope_"
                                                                "unpost AFTER "
                                                                "UPDATE OF "
                                                                "status ON "
                                                                "payments"
                                                                " WHEN "
                                                                "OLD.status = "
                                                                "'Posted' AND "
                                                                "NEW.status <> "
                                                                "'Posted' "
                                                                "BEGI"
                                                                "N" PAYER_SCOPE_SUB(
                                                                    "'t:' || "
                                                                    "NEW."
                                                                    "terminal",
                                                                    "terminal")
                                                                    PAYER_SCOPE_SUB(
                                                                        "'b:' "
                                                                        "|| "
                                                                        "NEW."
                                                                        "branc"
                                                                        "h",
                                                                        "branc"
                                                                        "h") " "
                                                                             "E"
                                                                             "N"
                                                                             "D"
                                                                             ";"
                                                                             "\n";
#undef PAYER_SCOPE_ADD
#undef PAYER_SCOPE_SUB
