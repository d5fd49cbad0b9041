# test_currency.sh - a standalone store keeps the currency its amounts
# are in (h3 fault 1: a store of dollars opened with currency_code = JPY
# read $7,165.67 as 716,567 yen and added a yen payment to it; no figure
# adds two currencies, paydesk(1)): opened in another currency (code or
# decimals), it is refused with exit status 3 naming both, and nothing
# changes; a store that holds no amount yet takes the one in force.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
BASE=$(cat "$PAYDESK_CONFIG")
cashier pay WU-10001 --type bill --items INV-2025-001234 --amount 145.50 \
    --method Cash >/dev/null || echo "not ok - a payment in dollars"
collected() { python3 -c 'import json, sys
j = json.load(open(sys.argv[1])); print(j["currency"], j["month"]["total_collected"])' "$OUT"; }
expect "in dollars: kpi" 0 "" sup --json kpi
same "its figure in cents" "$(collected)" "USD 14550"
same "the store keeps the currency of its amounts" \
    "$(sql "SELECT value FROM meta WHERE key = 'store_currency'")" "USD 2"

printf '%s\n[organisation]\ncurrency_code = JPY\nminor_digits = 0\n' \
    "$BASE" >"$PAYDESK_CONFIG"
W="holds amounts in USD (2 decimals), but the currency in force is JPY (0 decimals)"
refused "in yen: kpi refused (3), naming both" 3 "$W" sup --json kpi
has "and what to do" "Set [organisation] currency_code = USD and minor_digits = 2 in $PAYDESK_CONFIG again, or point [store] path at a new store to work in JPY"
refused "in yen: a payment refused" 3 "$W" cashier pay WU-10002 \
    --type bill --items INV-2025-002001 --amount 500 --method Cash
refused "in yen: a report refused" 3 "$W" sup report payers
refused "in yen: a list refused" 3 "$W" cashier payments
refused "in Spanish too" 3 "tiene importes en USD (2 decimales)" \
    env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary kpi
# the same code with other decimals reads the minor units wrong as well
printf '%s\n[organisation]\nminor_digits = 3\n' "$BASE" >"$PAYDESK_CONFIG"
refused "USD of 3 decimals: refused" 3 \
    "holds amounts in USD (2 decimals), but the currency in force is USD (3 decimals)" \
    sup kpi

printf '%s\n' "$BASE" >"$PAYDESK_CONFIG"
expect "back in dollars: kpi as before" 0 "" sup --json kpi
same "the same figure" "$(collected)" "USD 14550"

# a new store, no amount yet: it takes the currency in force, as often as
# it changes, until it holds one
rm -f "$DB" "$DB-wal" "$DB-shm"
"$PD" init >/dev/null && "$PD" import users "$DATA/users.csv" >/dev/null ||
    echo "not ok - a new store"
same "a new store: the currency in force" \
    "$(sql "SELECT value FROM meta WHERE key = 'store_currency'")" "USD 2"
printf '%s\n[organisation]\ncurrency_code = JPY\nminor_digits = 0\n' \
    "$BASE" >"$PAYDESK_CONFIG"
expect "no amount yet: yen taken" 0 "" sup kpi
same "and kept" "$(sql "SELECT value FROM meta WHERE key = 'store_currency'")" \
    "JPY 0"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nJ-1,WU-10001,Mar 2025,1500,2025-04-01,2025-04-15\n' \
    >"$T/yen.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$DATA/consumers.csv" \
    >/dev/null && PAYDESK_PIN=9999 "$PD" --user admin import bills \
    "$T/yen.csv" >/dev/null || echo "not ok - bills in yen"
printf '%s\n' "$BASE" >"$PAYDESK_CONFIG"
refused "bills in yen, opened in dollars: refused" 3 \
    "holds amounts in JPY (0 decimals), but the currency in force is USD (2 decimals)" \
    sup kpi
