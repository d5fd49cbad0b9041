/* schema_pg_sql.h - the SQL macros of the central node's PostgreSQL
 * migrations (schema_pg.c, schema_pg_m*.c) and the migrations' names.
 * Internal to src/store. */
#ifndef PAYDESK_STORE_SCHEMA_PG_SQL_H
#define PAYDESK_STORE_SCHEMA_PG_SQL_H

/* The seal triggers of table t over its columns cols (schema.c's SEAL:
 * on insert, on a change of one of them) and the seals of its rows. */
#define PG_SEAL(t, cols)                                                       \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " FOR EACH ROW"     \
	" EXECUTE FUNCTION seal_row('" cols "');\n"                            \
	"CREATE TRIGGER seal_" t "_upd AFTER UPDATE OF " cols " ON " t         \
	" FOR EACH ROW EXECUTE FUNCTION seal_row('" cols "');\n"               \
	"INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', id,"          \
	" seal_fields(to_json(t), '" cols "') FROM " t " t ORDER BY id;\n"

/* A history table's seal on insert, and the table frozen (schema_central.c's
 * HISTORY_SEAL). */
#define PG_HISTORY_SEAL(t, cols)                                               \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " FOR EACH ROW"     \
	" EXECUTE FUNCTION seal_row('" cols "');\n"                            \
	"CREATE TRIGGER " t "_frozen BEFORE UPDATE OR DELETE ON " t " FOR"     \
	" EACH ROW EXECUTE FUNCTION refuse('" t " is append-only');\n"

/* an organisation's store, one text a version (schema_pg.c lists them) */
extern const char pg_mig_1[];
extern const char pg_mig_2[];
extern const char pg_mig_3[];
extern const char pg_mig_4[];
extern const char pg_mig_5[];
extern const char pg_mig_6[];
extern const char pg_mig_7[];
extern const char pg_mig_8[];
extern const char pg_mig_9[];
extern const char pg_mig_10[];
extern const char pg_mig_11[];
extern const char pg_mig_12[];
extern const char pg_mig_13[];
extern const char pg_mig_14[];
extern const char pg_mig_15[];
extern const char pg_mig_16[];
extern const char pg_mig_17[];
extern const char pg_mig_18[];
extern const char pg_mig_19[];
extern const char pg_mig_20[];
extern const char pg_mig_21[];
extern const char pg_mig_22[];
extern const char pg_mig_23[];
extern const char pg_mig_24[];
extern const char pg_mig_25[];
extern const char pg_mig_26[];
extern const char pg_mig_27[];
extern const char pg_mig_28[];
extern const char pg_mig_29[];
extern const char pg_mig_30[];
extern const char pg_mig_31[];
extern const char pg_mig_32[];
extern const char pg_mig_33[];
extern const char pg_mig_34[];
extern const char pg_mig_35[];
extern const char pg_mig_36[];
extern const char pg_mig_37[];
extern const char pg_mig_38[];

#endif
