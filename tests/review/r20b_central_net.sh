#!/bin/sh
# R20b: paydesk-central shifts gives one Over/short per shift, the tenders'
# differences added up: a drawer $5.00 over in cash and $5.00 short in card
# slips reads $0.00 at the central node (text and --json over_short 0), and
# its opening float's difference is nowhere there, while every terminal lists
# each of them as an over_short exception. The back office at the central
# node sees a clean drawer where the terminals see three differences.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
t1 jane shift open --count 5000x1 >/dev/null 2>&1 || nok "open"
t1 jane pay WU-10002 --type bill --items INV-2025-002001 --method Cash --amount 40 --tendered 40 >/dev/null 2>&1 || nok "cash"
t1 jane pay WU-10002 --type bill --items INV-2025-002001 --method "Credit Card" --amount 20 --reference A1 >/dev/null 2>&1 || nok "card"
# cash expected 90.00, counted 95.00 (+5.00); card expected 20.00, slip 15.00 (-5.00)
PAYDESK_APPROVER_PIN=583920 t1 jane shift close --count 5000x1,2000x2,500x1 --slip "Credit Card:A1:15.00" \
  --reason "Cash=extra;Credit Card=lost slip" --approver mary >/dev/null 2>&1 || nok "close"
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1 || nok "sync"
n=$(t1 mary --csv report exceptions 2>/dev/null | grep -c '^over_short,.*Z-T01-000001')
[ "$n" -eq 2 ] && ok "T01 lists cash +5.00 and card -5.00" || nok "T01 lists $n over_short rows of Z-T01-000001, want 2"
line=$("$C" --config "$T/c/c.ini" shifts ACME 2>/dev/null | grep Z-T01-000001)
json=$("$C" --config "$T/c/c.ini" shifts ACME --json 2>/dev/null)
case "$json" in *-500*) ok "central --json carries the card's -5.00";;
  *) nok "paydesk-central shifts --json has no -500 (card short) for Z-T01-000001: $(echo "$json" | grep over_short | head -1)";; esac
case "$line" in *'$0.00'*) nok "paydesk-central shifts shows Z-T01-000001 over/short \$0.00 (cash +5.00, card -5.00 netted): $line";;
  *) ok "central does not read a clean drawer";; esac
finish
