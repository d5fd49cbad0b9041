#!/bin/sh
# R20: shift list takes filters that cannot match and says nothing:
# --cashier nobody (no such user) and --from after --to list "(none)" with
# exit 0, where payments --user nobody names the users (3), report
# reconciliation refuses --from after --to (3), and the Shifts screen's
# filter says "From: after To; swap them".
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
out=$(mary shift list --cashier nobody 2>&1); rc=$?
[ "$rc" -eq 3 ] && ok "--cashier nobody: 3" || nok "shift list --cashier nobody: exit $rc ($(echo "$out" | tail -1))"
out=$(mary shift list --from 2026-06-20 --to 2026-06-10 2>&1); rc=$?
[ "$rc" -eq 3 ] && ok "--from after --to: 3" || nok "shift list --from 2026-06-20 --to 2026-06-10: exit $rc ($(echo "$out" | tail -1))"
finish
