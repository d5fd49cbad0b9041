#!/bin/sh
# R20: [deposits] (match_days, overdue_days, over_short_above) and
# [reconciliation] card_fee_tolerance are each terminal's file's, not the
# organisation's: the central node refuses them in `import ORG settings`
# ("not a setting the central node masters"), so the supervisors of one
# organisation, who see the same shifts, deposits and statements after a
# sync, are shown different exceptions: T02 with over_short_above = 10.00
# does not list T01's drawer 5.00 short, which T01 lists.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
printf 'key,value\ndeposits.over_short_above,10.00\n' > "$T/set.csv"
out=$(PAYDESK_NOW="2026-06-17 09:00:00" "$C" --config "$T/c/c.ini" import ACME settings "$T/set.csv" 2>&1); rc=$?
[ "$rc" -eq 0 ] && ok "deposits.over_short_above is an organisation setting" || nok "central import settings deposits.over_short_above: exit $rc ($out)"
printf '[deposits]\nover_short_above = 10.00\n' >> "$T/t2/p.ini"
t1 jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
t1 jane pay WU-10001 --type bill --method Cash --amount 20 --tendered 20 >/dev/null 2>&1 || nok "pay"
PAYDESK_APPROVER_PIN=583920 t1 jane shift close --count 2000x1,500x1 --reason "Cash=short" --approver mary >/dev/null 2>&1 || nok "close"
t1 mary sync >/dev/null 2>&1; t2 mary sync >/dev/null 2>&1
e1=$(t1 mary --csv report exceptions 2>/dev/null | grep -c over_short)
e2=$(t2 mary --csv report exceptions 2>/dev/null | grep -c over_short)
[ "$e1" -eq "$e2" ] && ok "the same exceptions at both" || nok "T01 lists $e1 over_short, T02 $e2, of the same drawer"
finish
