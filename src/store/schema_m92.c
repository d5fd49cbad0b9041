/* schema_m92.c - the bank account a gateway payment settled to
 *
 * Migration 92 of store_migrations[] (schema.c) and 34 of
 * store_pg_central_migrations[] (schema_pg.c), each the text of one
 * version: never edit one that has shipped. */
#include "internal.h"
#include "schema_pg_sql.h"
#include "schema_sql.h"

/* 92. The bank account a gateway payment settled to (issue 20, s72
 * fault a): its gateway's settlement account when it settled
 * (paydesk-central gateway set --account), kept only where there is
 * one, as its payout (gw_payouts, migration 90): a terminal's pulled
 * payments' here; a central node's own (gateway_pay_accounts) in
 * schema_central.c. The rules gateway and payout match them only to a
 * credit of that account, and a hand match to another is refused. Run
 * twice, it changes nothing. */
const char store_mig_92[] =
    "CREATE TABLE IF NOT EXISTS gw_pay_accounts (gw_id INTEGER PRIMARY KEY"
    " REFERENCES gw_payments (id), account TEXT NOT NULL CHECK"
    " (length(account) BETWEEN 1 AND 34));\n";

/* 34: the bank account a gateway payment settled to, as schema.c's
 * store_mig_92 and schema_central.c's gateway_pay_accounts. Run twice,
 * it changes nothing. */
const char pg_mig_34[] =
    "CREATE TABLE IF NOT EXISTS gw_pay_accounts (gw_id bigint PRIMARY KEY"
    " REFERENCES gw_payments (id), account text NOT NULL CHECK"
    " (length(account) BETWEEN 1 AND 34));\n"
    "CREATE TABLE IF NOT EXISTS gateway_pay_accounts (gw_id bigint PRIMARY"
    " KEY REFERENCES gateway_payments (id), account text NOT NULL CHECK"
    " (length(account) BETWEEN 1 AND 34));\n";
