/* schema_m95.c - a cheque deposited with no number
 *
 * Migration 95 of store_migrations[] (schema.c) and 37 of
 * store_pg_central_migrations[] (schema_pg.c), each the text of one
 * version: never edit one that has shipped. */
#include "internal.h"
#include "schema_pg_sql.h"
#include "schema_sql.h"

/* 95. A cheque deposited with no number (issue 20, s72 h11 fault 1): a
 * cheque taken with none (a method whose number is optional, or an older
 * terminal's, which the central node accepts) is listed at the close with
 * no number and its money is deposited like any other, so
 * deposit_cheques.number may be empty: the table again without CHECK
 * (number <> ''), its rows and ids as they were (their seals stand), its
 * indexes and triggers. A central node's store drops the seal triggers
 * again (schema_central.c). Safe to run again (the copy is made again,
 * whole). */
const char store_mig_95[] =
    "DROP TABLE IF EXISTS deposit_cheques_v3;\n"
    "CREATE TABLE deposit_cheques_v3 (id INTEGER PRIMARY KEY,"
    " deposit_id INTEGER NOT NULL REFERENCES deposits (id),"
    " shift_id INTEGER NOT NULL REFERENCES shifts (id),"
    " method TEXT NOT NULL, number TEXT NOT NULL,"
    " amount INTEGER NOT NULL CHECK (amount > 0));\n"
    "INSERT INTO deposit_cheques_v3 (id, deposit_id, shift_id, method,"
    " number, amount) SELECT id, deposit_id, shift_id, method, number,"
    " amount FROM deposit_cheques ORDER BY id;\n"
    "DROP TABLE deposit_cheques;\n"
    "ALTER TABLE deposit_cheques_v3 RENAME TO deposit_cheques;\n"
    "CREATE INDEX IF NOT EXISTS deposit_cheques_cheque ON deposit_cheques"
    " (shift_id, method, number);\n"
    "CREATE INDEX IF NOT EXISTS deposit_cheques_deposit ON deposit_cheques"
    " (deposit_id);\n"
    "DROP TRIGGER IF EXISTS deposit_cheques_no_delete;\n"
    "DROP TRIGGER IF EXISTS deposit_cheques_no_update;\n" FROZEN(
        "deposit_cheques")
        NO_UPDATE(
            "deposit_cheques") "DROP TRIGGER IF EXISTS "
                               "seal_deposit_cheques_ins;\n"
                               "DROP TRIGGER IF EXISTS "
                               "seal_deposit_cheques_upd;\n" SEAL_TRIGGERS(
                                   "deposit_cheques", SEAL_DEPOSIT_CHEQUES);

/* 37: a cheque deposited with no number, as schema.c's store_mig_95: the
 * column's CHECK (number <> '') dropped. Run twice, it changes nothing. */
const char pg_mig_37[] = "ALTER TABLE deposit_cheques DROP CONSTRAINT IF EXISTS"
                         " deposit_cheques_number_check;\n";
