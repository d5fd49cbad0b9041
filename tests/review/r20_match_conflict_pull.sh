#!/bin/sh
# R20 (s40): two terminals match one credit offline, each to its own deposit
# (T01 BAG-1, T02 BAG-2); T01 syncs first. T02's match is refused, the reason
# saying "This terminal's match is undone: the central node keeps the one it
# had, and the pull brings it here". It is undone, but T01's match never
# arrives at T02, not at the next sync either: T02 shows BAG-1 handed and
# the credit as one nobody expected, T01 BAG-1 matched and no exception;
# report reconciliation reads Matched 0.00, Open 1 at T02 and 7.00, 0 at T01.
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
t1 mary deposit create --cheque 777 --slip BAG-1 >/dev/null 2>&1 || nok "T01 deposit"
t2 mary deposit create --cheque 777 --slip BAG-2 >/dev/null 2>&1 || nok "T02 deposit"
printf 'date,amount,reference,text\n2026-06-17,7.00,X,dep\n' > "$T/a.csv"
for t in t1 t2; do $t mary statement mapping add m date=1 amount=2 reference=3 text=4 header=1 >/dev/null 2>&1; done
N=$(t1 mary statement import "$T/a.csv" --account ACC-1 --mapping m 2>/dev/null | sed -n 's/^Statement  *//p')
t2 mary statement import "$T/a.csv" --account ACC-1 --mapping m >/dev/null 2>&1 || nok "T02 import"
t1 mary deposit match BAG-1 --line "$N:1" --note a >/dev/null 2>&1 || nok "T01 match"
t2 mary deposit match BAG-2 --line "$N:1" --note b >/dev/null 2>&1 || nok "T02 match"
for t in 1 2 1 2 2; do "$PD" --config "$T/t$t/p.ini" sync >/dev/null 2>&1; done
"$PD" --config "$T/t2/p.ini" --csv sync --quarantine 2>/dev/null | grep -q "pull brings it here" && ok "T02's match refused" || nok "T02's match not refused"
t1 mary deposit show BAG-1 2>/dev/null | grep -q "^Status  *matched" || nok "T01: BAG-1 not matched"
t2 mary deposit show BAG-1 2>/dev/null | grep -q "^Status  *matched" && ok "T02 has T01's match of BAG-1" ||
  nok "T02 never gets T01's match: BAG-1 $(t2 mary deposit show BAG-1 2>/dev/null | sed -n 's/^Status  *//p') there, matched at T01 and the central node"
t2 mary report exceptions 2>/dev/null | grep -q "unexpected_credit.*$N:1" && nok "T02 lists $N:1 as a credit nobody expected (T01 lists nothing)" || ok "T02 no exception"
finish
