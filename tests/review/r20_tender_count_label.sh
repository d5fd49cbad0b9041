#!/bin/sh
# R20: shift x, shift close, shift status and shift show print each tender
# as "Cash 1; Expected: ..." : the 1 (how many payments the tender took) has
# no label, where every other figure of the line has one (the Shifts screen
# says "Payments 1").
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 100 --tendered 100 >/dev/null 2>&1 || nok "pay"
out=$(PAYDESK_APPROVER_PIN=583920 jane shift x --approver mary 2>&1)
line=$(echo "$out" | grep '^ *Cash [0-9]')
case "$line" in *'Cash 1;'*) nok "shift x: \"$line\": the payments' count unlabelled";; *) ok "labelled: $line";; esac
finish
