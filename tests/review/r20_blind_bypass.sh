#!/bin/sh
# R20: the blind close can be undone by a movement after its result was
# shown. Short by 10.00 (shown, refused without reason and sign-off), the
# cashier records a pay-out of 10.00 "Petty cash" (under
# movement_approval_above: no PIN) and closes again with the same count:
# clean, no reason, no sign-off, no exception, the first result nowhere.
# Once a close's result was shown, the shift should take no movement or
# payment (or the close that follows needs the sign-off, as a recount does).
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 100 --tendered 100 >/dev/null 2>&1 || nok "pay"
out=$(jane shift close --count 10000x1 2>&1); rc=$?   # 100.00 of 110.00: short 10.00
[ "$rc" -eq 3 ] && ok "short 10.00 shown, refused without a reason" || nok "first close: exit $rc"
out=$(jane shift pay-out 10 --reason "Petty cash" 2>&1); rc1=$?
out2=$(jane shift close --count 10000x1 2>&1); rc2=$?
if [ "$rc1" -ne 0 ] || [ "$rc2" -ne 0 ]; then ok "the short is not hidden by a pay-out (pay-out $rc1, close $rc2)"
else nok "a pay-out after the short was shown closes the shift clean, no sign-off: $(echo "$out2" | grep 'Cash [0-9]')"; fi
finish
