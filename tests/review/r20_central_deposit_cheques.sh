#!/bin/sh
# R20 (s40): cheques are deposited by number and the central node checks each
# (paydesk-central(8)), but paydesk-central deposits (text and --json) shows
# none of them: the back office at the central node cannot tell which
# cheques went into which bag, as deposit show does at the terminal.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
printf '[deposits]\naccount = ACC-1\n' >> "$T/t1/p.ini"
t1 jane shift open --count 5000x2 >/dev/null 2>&1 || nok "open"
t1 jane pay WU-10001 --type bill --items INV-2025-001234 --method Cheque --amount 10.00 --reference 4711 >/dev/null 2>&1 || nok "pay cheque"
t1 jane shift close --count 5000x2 --cheque "4711:10.00" >/dev/null 2>&1 || nok "close"
t1 mary deposit create --cheque 4711 --slip BAG-1 >/dev/null 2>&1 || nok "deposit"
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1 || nok "sync"
j=$("$C" --config "$T/c/c.ini" deposits ACME --json 2>&1)
echo "$j" | grep -q BAG-1 || nok "central deposits: no BAG-1: $j"
echo "$j" | grep -q 4711 && ok "central deposits --json names cheque 4711" || nok "paydesk-central deposits --json: no cheque of BAG-1 (4711)"
"$C" --config "$T/c/c.ini" deposits ACME 2>&1 | grep -q 4711 && ok "central deposits names cheque 4711" || nok "paydesk-central deposits: no cheque of BAG-1 (4711)"
finish
