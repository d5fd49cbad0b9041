#!/bin/sh
# R21b (s41): a "bounced cheque" dispute is for a payment by cheque. Opened on a
# cash payment it is taken, and upholding it voids the payment and charges the
# consumer the bounced-cheque fee for a cheque that never existed.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
DB=$W/s.db
make_store "$DB"
printf 'key,value\ndisputes.bounced_cheque_charge,15.00\n' >"$W/set.csv"
PAYDESK_PIN=739251 "$P" --db "$DB" --user admin import settings "$W/set.csv" >/dev/null
cash shift open >/dev/null 2>&1
cash pay A-4 --type bill --method Cash --amount 100 >/dev/null || fail "cash payment"
rec dispute open R-T01-000001 --reason bounced-cheque >"$W/out" 2>&1
check "a bounced-cheque dispute of a cash payment is refused (status 3)" 3 $?
sup dispute uphold DP-T01-000001 --void --note x >/dev/null 2>&1
o=$(sup consumer show A-4 | sed -n 's/.*Total outstanding *//p')
check "no bounced-cheque fee for a cash payment (A-4 still owes \$400.00)" '$400.00' "$o"
finish
