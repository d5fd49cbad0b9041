/* schema.c - the store's schema as migrations (PRAGMA user_version).
 *
 * TO ADD A MIGRATION: write its text as store_mig_N (N the next version) in
 * the newest schema_m*.c file, declare it in schema_sql.h, and append it to
 * store_migrations[] below, at the end; never edit or move one that has
 * shipped (a store at version N has run the first N, whatever they say
 * today). Each runs in its own transaction with the version bump. A new
 * one must also be safe to run again on a store that has it (IF NOT
 * EXISTS, rows and seals added only where missing): test_forecast and
 * test_sync_trust take a store back to a version before their migrations
 * and open it again, which runs every later one again. They also run on
 * a central node's organisation stores (with its own, schema_central.c),
 * where payments_docs is kept empty and unfilled: a migration must not
 * fill it again nor put back its trigger there.
 *
 * The ledger tables (payments, allocations, voids, credit_notes,
 * credit_applications, audit_log) are append-only: triggers refuse DELETE,
 * and UPDATE except of the columns kept in step (payment status and
 * verification, credit-note applied amount and voided flag).
 *
 * schema_m01.c holds versions 1-13 (the counter, the back office, sync,
 * trust, search), schema_m14.c 14-33 (statements, shifts, arrangements,
 * gateways, deposits, reconciliation), schema_m34.c 34-53 (alerts,
 * disputes, the analysis rollups, the documents log sealed), schema_m54.c
 * 54 on (the payers of a scope, rollups added to in place, the first
 * count of a close, the forecast's running totals, the open items, the
 * live copy of a bank line, the amount a dispute disputes, the shift of
 * a payment or a void, a consumer's payments covered for the anomaly
 * pass), schema_m85.c 85 on (what a payment pays as it stands, in
 * the rollups; the other terminals' branches; a deposit handed to the
 * bank, 91; the team a payment was taken for, 92), schema_m96.c 96 on
 * (fewer pages written by a post; 98 and 99, its CHECKs and seals
 * without ephemeral b-trees).
 */
#include "internal.h"
#include "schema_sql.h"

const char *const store_migrations[] = {
    store_mig_1,
    store_mig_2,
    store_mig_3,
    store_mig_4,
    store_mig_5,
    store_mig_6,
    store_mig_7,
    store_mig_8,
    store_mig_9,
    store_mig_10,
    store_mig_11,
    store_mig_12,
    store_mig_13,
    store_mig_14,
    store_mig_15,
    store_mig_16,
    store_mig_17,
    store_mig_18,
    store_mig_19,
    store_mig_20,
    store_mig_21,
    store_mig_22,
    store_mig_23,
    store_mig_24,
    store_mig_25,
    store_mig_26,
    store_mig_27,
    store_mig_28,
    store_mig_29,
    store_mig_30,
    store_mig_31,
    store_mig_32,
    store_mig_33,
    store_mig_34,
    store_mig_35,
    store_mig_36,
    store_mig_37,
    store_mig_38,
    store_mig_39,
    store_mig_40,
    store_mig_41,
    store_mig_42,
    store_mig_43,
    store_mig_44,
    store_mig_45,
    store_mig_46,
    store_mig_47,
    store_mig_48,
    store_mig_49,
    store_mig_50,
    store_mig_51,
    store_mig_52,
    store_mig_53,
    store_mig_54,
    store_mig_55,
    store_mig_56,
    store_mig_57,
    store_mig_58,
    store_mig_59,
    store_mig_60,
    store_mig_61,
    store_mig_62,
    store_mig_63,
    store_mig_64,
    store_mig_65,
    store_mig_66,
    store_mig_67,
    store_mig_68,
    store_mig_69,
    store_mig_70,
    store_mig_71,
    store_mig_72,
    store_mig_73,
    store_mig_74,
    store_mig_75,
    store_mig_76,
    store_mig_77,
    store_mig_78,
    store_mig_79,
    store_mig_80,
    store_mig_81,
    store_mig_82,
    store_mig_83,
    store_mig_84,
    store_mig_85,
    store_mig_86,
    store_mig_87,
    store_mig_88,
    store_mig_89,
    store_mig_90,
    store_mig_91,
    store_mig_92,
    store_mig_93,
    store_mig_94,
    store_mig_95,
    store_mig_96,
    store_mig_97,
    store_mig_98,
    store_mig_99,
};

const int store_nmigrations =
    (int)(sizeof store_migrations / sizeof store_migrations[0]);
