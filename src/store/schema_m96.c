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

/* 97. A consumer's payer rows side by side (issue 24, posting a
 * payment): a post added to its consumer's payer_scope rows of its
 * terminal ('t:') and its branch ('b:'), keyed (scope, consumer_id) two
 * leaf pages apart, and to its payer_totals row, a table and an index
 * (total DESC) of their own. payer_scope keyed (consumer_id, scope), and
 * the organisation's totals in it under the scope 'o:' (its top read by
 * payer_scope_total as payer_totals_total was): the three rows are one
 * leaf page. Every read of payer_scope names the scope and the consumers
 * (reports.c, payers_scoped: a scope's top by payer_scope_total, then
 * those consumers' rows; the payers of no filter, the 'o:' rows by
 * total) or reads it all (doctor, the ledger's 't:', 'b:' and 'o:' both
 * ways). The table made again with its rows, the 'o:' rows from the
 * ledger (as migration 54 made the others); payer_totals, no longer
 * kept, emptied and left for the central node's migration 3 (it deletes
 * its rows); its index, triggers (payer_scope's as migration 54 made
 * them, rollup_*'s as migration 85, payer_totals' statements on 'o:')
 * made again. A central node's store drops the triggers again
 * (schema_central.c). Safe to run again (the copy is made again, whole,
 * the 'o:' rows from the ledger). */
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
/* schema_sql.h's ROLLUP_ADD, payer_totals' row the scope 'o:' */
#define ROLLUP_ADD_O                                                           \
	" INSERT INTO daily_totals (day, collected, payments) VALUES"          \
	"  (NEW.paid_on, NEW.amount, 1) ON CONFLICT (day) DO UPDATE SET"       \
	"  collected = collected + NEW.amount, payments = payments + 1;"       \
	" INSERT INTO payer_scope (scope, consumer_id, total, payments,"       \
	" last_paid) VALUES ('o:', NEW.consumer_id, NEW.amount, 1,"            \
	" NEW.paid_on) ON CONFLICT (scope, consumer_id) DO UPDATE SET total =" \
	" total + NEW.amount, payments = payments + 1, last_paid ="            \
	" max(last_paid, NEW.paid_on);"                                        \
	" INSERT INTO payer_method_totals (consumer_id, method, total) VALUES" \
	"  (NEW.consumer_id, NEW.method, NEW.amount) ON CONFLICT "             \
	"(consumer_id,"                                                        \
	"  method) DO UPDATE SET total = total + NEW.amount;"
/* schema_m85.c's */
#define DAYS_PAID_BY(sign)                                                     \
	" alloc_days = alloc_days " sign " (" ALLOC_DAYS_BY(                   \
	    PAYS("a")) "),"                                                    \
	               " allocs = allocs " sign                                \
	               " (" ALLOC_COUNT_BY(PAYS("a")) ") WHERE day"            \
	                                              " = NEW.paid_on;"
const char store_mig_97[] =
    "DROP TRIGGER IF EXISTS payer_scope_post;\n"
    "DROP TRIGGER IF EXISTS payer_scope_verify;\n"
    "DROP TRIGGER IF EXISTS payer_scope_unpost;\n"
    "DROP TRIGGER IF EXISTS rollup_post;\n"
    "DROP TRIGGER IF EXISTS rollup_verify;\n"
    "DROP TRIGGER IF EXISTS rollup_unpost;\n"
    "DROP TABLE IF EXISTS payer_scope_v2;\n"
    "CREATE TABLE payer_scope_v2 (scope TEXT NOT NULL, consumer_id INTEGER"
    " NOT NULL, total INTEGER NOT NULL, payments INTEGER NOT NULL, last_paid"
    " TEXT NOT NULL, PRIMARY KEY (consumer_id, scope)) WITHOUT ROWID;\n"
    "INSERT INTO payer_scope_v2 (scope, consumer_id, total, payments,"
    " last_paid) SELECT scope, consumer_id, total, payments, last_paid FROM"
    " payer_scope WHERE scope <> 'o:' ORDER BY consumer_id, scope;\n"
    "INSERT INTO payer_scope_v2 (scope, consumer_id, total, payments,"
    " last_paid) SELECT 'o:', consumer_id, sum(amount), count(*),"
    " max(paid_on) FROM payments WHERE status = 'Posted' GROUP BY"
    " consumer_id;\n"
    "DROP TABLE payer_scope;\n"
    "ALTER TABLE payer_scope_v2 RENAME TO payer_scope;\n"
    "CREATE INDEX IF NOT EXISTS payer_scope_total ON payer_scope (scope,"
    " total DESC);\n"
    "DELETE FROM payer_totals;\n"
    "DROP INDEX IF EXISTS payer_totals_total;\n"
    "CREATE TRIGGER payer_scope_post AFTER INSERT ON payments WHEN"
    " NEW.status = 'Posted' BEGIN" PAYER_SCOPE_ADD("'t:' || NEW.terminal") PAYER_SCOPE_ADD(
        "'b:' || NEW.branch") " END;\n"
                              "CREATE TRIGGER payer_scope_verify AFTER UPDATE "
                              "OF status ON payments"
                              " WHEN NEW.status = 'Posted' AND OLD.status <> "
                              "'Posted' BEGIN" PAYER_SCOPE_ADD("'t:' || "
                                                               "NEW.terminal") PAYER_SCOPE_ADD(
                                  "'b:' || NEW.branch") " END;\n"
                                                        "CREATE TRIGGER "
                                                        "payer_scope_unpost "
                                                        "AFTER UPDATE OF "
                                                        "status ON payments"
                                                        " WHEN OLD.status = "
                                                        "'Posted' AND "
                                                        "NEW.status <> "
                                                        "'Posted' "
                                                        "BEGIN" PAYER_SCOPE_SUB(
                                                            "'t:' || "
                                                            "NEW.terminal",
                                                            "terminal") PAYER_SCOPE_SUB("'b:' || NEW.branch",
                                                            "branch") " END;\n"
                                                                      "CREATE "
                                                                      "TRIGGER "
                                                                      "rollup_"
                                                                      "post "
                                                                      "AFTER "
                                                                      "INSERT "
                                                                      "ON "
                                                                      "payments"
                                                                      " WHEN "
                                                                      "NEW."
                                                                      "status "
                                                                      "= "
                                                                      "'Posted'"
                                                                      " BEGI"
                                                                      "N" ROLLUP_ADD_O
                                                                      " END;\n"
                                                                      "CREATE "
                                                                      "TRIGGER "
                                                                      "rollup_"
                                                                      "verify "
                                                                      "AFTER "
                                                                      "UPDATE "
                                                                      "OF "
                                                                      "status "
                                                                      "ON "
                                                                      "payments"
                                                                      " WHEN "
                                                                      "NEW."
                                                                      "status "
                                                                      "= "
                                                                      "'Posted'"
                                                                      " AND "
                                                                      "OLD."
                                                                      "status "
                                                                      "<> "
                                                                      "'Posted'"
                                                                      " BEGI"
                                                                      "N" ROLLUP_ADD_O
                                                                      " UPDATE "
                                                                      "daily_"
                                                                      "totals "
                                                                      "SE"
                                                                      "T" DAYS_PAID_BY(
                                                                          "+") " END;\n"
                                                                               "CREATE TRIGGER rollup_unpost AFTER UPDATE OF status ON payments"
                                                                               " WHEN OLD.status = 'Posted' AND NEW.status <> 'Posted' BEGIN"
                                                                               " UPDATE daily_totals SET collected = collected - NEW.amount,"
                                                                               " payments = payments - 1," DAYS_PAID_BY(
                                                                                   "-") " UPDATE payer_scope SET total = total - NEW.amount,"
                                                                                        " payments = payments - 1, last_paid = coalesce((SELECT max(paid_on)"
                                                                                        " FROM payments WHERE consumer_id = NEW.consumer_id AND"
                                                                                        " status = 'Posted'), '') WHERE scope = 'o:' AND"
                                                                                        " consumer_id = NEW.consumer_id;"
                                                                                        " UPDATE payer_method_totals SET total = total - NEW.amount"
                                                                                        " WHERE consumer_id = NEW.consumer_id AND method = NEW.method;"
                                                                                        " END;\n";
#undef PAYER_SCOPE_ADD
#undef PAYER_SCOPE_SUB
#undef ROLLUP_ADD_O
#undef DAYS_PAID_BY

/* 98. A post's CHECKs without ephemeral b-trees (issue 24, posting a
 * payment): SQLite 3.40 checks `col IN (a, b, c, ...)` of more than two
 * constants by building an ephemeral b-tree of the list for every row
 * written (OpenEphemeral, IdxInsert of each value, Found), so each post
 * opened, filled and closed four (payments' type, method_kind, status,
 * alloc_rule): 2-4% of a post's CPU. The same CHECKs as comparisons
 * joined by OR, changed in place as migration 89 widened alloc_rule's
 * (the table cannot be made again in a migration's transaction,
 * foreign_keys on): the same values are accepted (the columns are NOT
 * NULL, the comparisons BINARY as IN's), so no row changes and no seal
 * does. A central node's store did the same (schema_central.c, "s74,
 * issue 22"), the same text: there, and run again, it finds nothing to
 * replace. No other table a post inserts into has such a list (the
 * UPDATEs of items do not check kind's, a column they do not set). */
const char store_mig_98[] =
    "PRAGMA writable_schema = ON;\n"
    "UPDATE sqlite_schema SET sql = replace(replace(replace(replace(sql,"
    " 'type IN (''Bill'', ''Service'',  ''Installment'', ''Mixed'')',"
    " '(type = ''Bill'' OR type = ''Service'' OR type = ''Installment'' OR"
    " type = ''Mixed'')'),"
    " 'method_kind IN (''cash'', ''card'',  ''bank'', ''online'')',"
    " '(method_kind = ''cash'' OR method_kind = ''card'' OR method_kind ="
    " ''bank'' OR method_kind = ''online'')'),"
    " 'status IN (''Posted'', ''Pending'',  ''Failed'', ''Cancelled'',"
    " ''Voided'')', '(status = ''Posted'' OR status = ''Pending'' OR status"
    " = ''Failed'' OR status = ''Cancelled'' OR status = ''Voided'')'),"
    " 'alloc_rule IN (''oldest'', ''installments'', ''bills'', ''largest'',"
    " ''hand'', ''proportional'', ''priority'', ''oldest+'',"
    " ''proportional+'', ''priority+'', ''bills+'', ''largest+'')',"
    " '(alloc_rule = ''oldest'' OR alloc_rule = ''installments'' OR"
    " alloc_rule = ''bills'' OR alloc_rule = ''largest'' OR alloc_rule ="
    " ''hand'' OR alloc_rule = ''proportional'' OR alloc_rule ="
    " ''priority'' OR alloc_rule = ''oldest+'' OR alloc_rule ="
    " ''proportional+'' OR alloc_rule = ''priority+'' OR alloc_rule ="
    " ''bills+'' OR alloc_rule = ''largest+'')') WHERE type = 'table' AND"
    " name = 'payments';\n"
    "PRAGMA writable_schema = RESET;\n";

/* 99. The seals of the rows a post inserts written without an ephemeral
 * table (issue 24, posting a payment): SEAL_ROW's INSERT INTO seals ...
 * SELECT reads seals itself (the row's latest seal), and SQLite 3.40
 * then runs the SELECT into an ephemeral table first, for every row
 * sealed: three a post (payments, allocations, payment_shifts; four
 * with a team). The same test, made the trigger's WHEN, and the seal
 * written by a VALUES of one row (no SELECT to run first): the same
 * seal where the old one wrote one (the row's fields differ from its
 * latest seal, or it has none), and none where the row is gone (the
 * WHEN is NULL). The other tables' seal triggers, and these tables'
 * _upd ones, not on a post's path, stay as they are. A central node's store,
 * whose ledger is not sealed, drops them again (schema_central.c). Safe to run
 * again. */
#define SEAL_INS(t, cols)                                                      \
	"DROP TRIGGER IF EXISTS seal_" t "_ins;\n"                             \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " WHEN (SELECT f"   \
	" IS NOT (SELECT fields FROM seals WHERE tbl = '" t "' AND row_id ="   \
	" NEW.id ORDER BY id DESC LIMIT 1) FROM (SELECT json_array(" cols      \
	") AS f FROM " t " WHERE id = NEW.id)) BEGIN INSERT INTO seals (tbl,"  \
	" row_id, fields) VALUES ('" t "', NEW.id, (SELECT json_array(" cols   \
	") FROM " t " WHERE id = NEW.id)); END;\n"
const char store_mig_99[] = SEAL_INS("payments", SEAL_PAYMENTS)
    SEAL_INS("allocations", SEAL_ALLOCATIONS)
        SEAL_INS("payment_shifts", SEAL_PAYMENT_SHIFTS)
            SEAL_INS("payment_teams", SEAL_PAYMENT_TEAMS);
#undef SEAL_INS
