#!/bin/sh
# R20: a close counted again after its over or short was shown keeps the
# first count (the Z report prints "Counted first", paydesk-central shifts
# --json has counted_first), but `shift show` (text and --json) and the
# Shifts screen's detail do not show it: a supervisor reading the shift
# sees a clean close.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 145.50 --tendered 145.50 >/dev/null 2>&1 || nok "pay"
jane shift close --count 10000x1,2000x2 >/dev/null 2>&1   # 140.00: short 15.50, shown, refused
PAYDESK_APPROVER_PIN=583920 jane shift close --count 10000x1,2000x2,1000x1,500x1,50x1 --approver mary >/dev/null 2>&1 || nok "recount"
z=$(jane shift z Z-T01-000001 --text 2>/dev/null; cat "$HOME"/.local/share/paydesk/receipts/Z-T01-000001*.txt 2>/dev/null)
case "$z" in *'140.00'*) ok "the Z report has the first count";; *) nok "the Z report lacks the first count";; esac
out=$(mary shift show Z-T01-000001 2>&1)
case "$out" in *'140.00'*) ok "shift show: the first count";; *) nok "shift show does not show the first count (140.00): $(echo "$out" | grep 'Cash [0-9]')";; esac
out=$(mary --json shift show Z-T01-000001 2>&1)
case "$out" in *counted_first*14000*) ok "shift show --json: counted_first";; *) nok "shift show --json has no counted_first";; esac
finish
