#!/bin/sh
# R20b: "A supervisor gathers the cash of closed shifts (less the float
# kept) into a deposit with a bag or slip number": a branch of two counters
# whose supervisor puts both drawers' cash into the day's one bag cannot
# record it. deposit create refuses another terminal's shift (status 3: "a
# drawer's cash is deposited at its own terminal"), and a bag number is taken
# once, so the one bag the bank credits must be recorded as two deposits of
# two bag numbers, neither of which the bank's one credit matches.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
t2j() { PAYDESK_PIN=4872 "$PD" --config "$T/t2/p.ini" --user jane "$@"; }
t1 jane shift open --count 5000x1 >/dev/null 2>&1 || nok "T01 open"
t1 jane pay WU-10002 --type bill --items INV-2025-002001 --method Cash --amount 40 --tendered 40 >/dev/null 2>&1 || nok "T01 cash"
t1 jane shift close --count 5000x1,2000x2 >/dev/null 2>&1 || nok "T01 close"
t2j shift open --count 5000x1 >/dev/null 2>&1 || nok "T02 open"
t2j pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 20 --tendered 20 >/dev/null 2>&1 || nok "T02 cash"
t2j shift close --count 5000x1,2000x1 >/dev/null 2>&1 || nok "T02 close"
for t in 2 1 2; do "$PD" --config "$T/t$t/p.ini" sync >/dev/null 2>&1 || nok "sync T0$t"; done
out=$(t1 mary deposit create Z-T01-000001 Z-T02-000001 --slip BAG-1 --account NL01BANK0123456789 2>&1); rc=$?
[ $rc -eq 0 ] && ok "one bag of both drawers" || nok "the branch's one bag of T01's and T02's cash (\$60.00): exit $rc ($out)"
finish
