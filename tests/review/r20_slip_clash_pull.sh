#!/bin/sh
# R20 (s40): one bag number used at two terminals offline. T01 and T02 each
# deposit a cheque in bag BAG-77; T01 syncs first. The central node refuses
# T02's (right: "void this deposit and make it again with the bag's own
# number"), but T02, pulling T01's BAG-77, sets it aside with a raw SQLite
# message ("Writing to the store: UNIQUE constraint failed:
# deposits.slip_no") and never applies it, not even after T02's operator
# voids the refused deposit and makes it again as told (sync --retry
# refuses a pulled record): T02's deposits and reconciliation lack T01's
# deposit for good, though they should read the same at every terminal.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
t2j() { PAYDESK_PIN=4872 "$PD" --config "$T/t2/p.ini" --user jane "$@"; }
for t in 1 2; do printf '[deposits]\naccount = ACC-1\n' >> "$T/t$t/p.ini"; done
for t in t1 t2j; do
  case $t in t1) j="t1 jane";; *) j=t2j;; esac
  $j shift open --count 5000x2 >/dev/null 2>&1 || nok "$t open"
  $j pay WU-10001 --type bill --items INV-2025-001234 --method Cheque --amount 7.00 --reference 777 >/dev/null 2>&1 || nok "$t pay"
  $j shift close --count 5000x2 --cheque "777:7.00" >/dev/null 2>&1 || nok "$t close"
done
t1 mary deposit create --cheque 777 --slip BAG-77 >/dev/null 2>&1 || nok "T01 deposit"
t2 mary deposit create --cheque 777 --slip BAG-77 >/dev/null 2>&1 || nok "T02 deposit"
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1 || nok "sync T01"
"$PD" --config "$T/t2/p.ini" sync >/dev/null 2>&1    # its BAG-77 refused: exit status 1 expected
q=$("$PD" --config "$T/t2/p.ini" sync --quarantine 2>&1)
echo "$q" | grep -q "UNIQUE constraint" && nok "T02's quarantine gives a raw SQLite message for T01's BAG-77: $(echo "$q" | grep -o 'Writing to the store.*')" || ok "no raw SQLite message"
t2 mary deposit void BAG-77 --reason "bag number taken" >/dev/null 2>&1 || nok "T02 void its own BAG-77"
t2 mary deposit create --cheque 777 --slip BAG-78 >/dev/null 2>&1 || nok "T02 deposit again as BAG-78"
"$PD" --config "$T/t2/p.ini" sync >/dev/null 2>&1
n=$(t2 mary --json deposit list 2>/dev/null | grep -o '"slip_no":"BAG-7[78]","account":"ACC-1","deposited_on":"[^"]*","amount":700,"status":"handed"' | wc -l)
[ "$n" -eq 2 ] && ok "T02 holds T01's BAG-77 and its own BAG-78" || nok "T02 never applies T01's BAG-77 ($n handed deposits of 7.00 at T02, 2 expected)"
finish
