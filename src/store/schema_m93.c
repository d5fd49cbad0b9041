/* schema_m93.c - a shift closed by force
 *
 * Migration 93 of store_migrations[] (schema.c) and 35 of
 * store_pg_central_migrations[] (schema_pg.c), each the text of one
 * version: never edit one that has shipped. */
#include "internal.h"
#include "schema_pg_sql.h"
#include "schema_sql.h"

/* 93. A shift closed by force (issue 20, s72 fault d): a supervisor's
 * close of another terminal's shift left open there (paydesk shift
 * close --force), nothing counted: the terminal that closed it and the
 * reason, kept beside the close as its flag is (shift_flags), at every
 * node the close reaches. Append-only. Run twice, it changes nothing. */
const char store_mig_93[] =
    "CREATE TABLE IF NOT EXISTS shift_forced (shift_id INTEGER PRIMARY KEY"
    " REFERENCES shifts (id), terminal TEXT NOT NULL CHECK"
    " (length(terminal) BETWEEN 1 AND 16), reason TEXT NOT NULL CHECK"
    " (length(reason) >= 1));\n"
    "DROP TRIGGER IF EXISTS shift_forced_no_delete;\n"
    "DROP TRIGGER IF EXISTS shift_forced_no_update;\n" FROZEN("shift_forced")
        NO_UPDATE("shift_forced");

/* 35: a shift closed by force, as schema.c's store_mig_93. Run twice,
 * it changes nothing. */
const char pg_mig_35[] =
    "CREATE TABLE IF NOT EXISTS shift_forced (shift_id bigint PRIMARY KEY"
    " REFERENCES shifts (id), terminal text NOT NULL CHECK"
    " (length(terminal) BETWEEN 1 AND 16), reason text NOT NULL CHECK"
    " (length(reason) >= 1));\n"
    "DROP TRIGGER IF EXISTS shift_forced_no_delete ON shift_forced;\n"
    "DROP TRIGGER IF EXISTS shift_forced_no_update ON shift_forced;\n"
    "CREATE TRIGGER shift_forced_no_delete BEFORE DELETE ON shift_forced"
    " FOR EACH ROW EXECUTE FUNCTION refuse('shift_forced is"
    " append-only');\n"
    "CREATE TRIGGER shift_forced_no_update BEFORE UPDATE ON shift_forced"
    " FOR EACH ROW EXECUTE FUNCTION refuse('shift_forced is"
    " append-only');\n";
