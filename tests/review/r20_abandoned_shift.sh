#!/bin/sh
# R20: a shift left open by a cashier who has gone (ill, left for the day)
# holds the drawer: no other cashier can open one ("it is closed first"),
# and nobody but that cashier can close it: a supervisor's `shift close`
# says "mary has no open shift"; there is no way to close another's shift
# (counted by the supervisor, signed off) in the commands or the screens,
# so the counter takes no cash until the absent cashier comes back.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 145.50 --tendered 145.50 >/dev/null 2>&1 || nok "pay"
export PAYDESK_NOW="2026-06-16 08:00:00"
out=$(mary shift close --cashier jane --count 10000x1,2000x2,1000x1,500x1,50x1 2>&1); rc=$?
if [ "$rc" -eq 0 ]; then ok "a supervisor closes jane's shift"; else nok "a supervisor cannot close the shift jane left open: exit $rc ($(echo "$out" | tail -1))"; fi
out=$(omar shift open --count 1000x1 2>&1); rc=$?
if [ "$rc" -eq 0 ]; then ok "omar opens the drawer"; else nok "omar cannot open a shift: $(echo "$out" | tail -1)"; fi
finish
