#!/bin/sh
# R20: a cash payment's void gives the cash back out of the drawer (the X
# report and the close count it against the shift it is made in), but
#  - with no shift open at the terminal it is voided all the same: the cash
#    handed back leaves no drawer, no shift accounts for it
#    ([shifts] required: cash needs an open shift, status 13);
#  - in a shift whose drawer holds less than the payment it is voided all the
#    same and the drawer's expected cash goes below zero (a pay-out of more
#    than the drawer holds is refused with status 3).
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 145.50 --tendered 145.50 >/dev/null 2>&1 || nok "pay 1"
jane pay WU-10001 --type bill --items INV-2025-001567 --method Cash --amount 152.25 --tendered 152.25 >/dev/null 2>&1 || nok "pay 2"
jane shift close --count 10000x3,500x1,200x1,25x3 >/dev/null 2>&1 || nok "close"
r1=$(mary --csv payments --search WU-10001 2>/dev/null | grep '145.50' | head -1 | cut -d, -f1)
r2=$(mary --csv payments --search WU-10001 2>/dev/null | grep '152.25' | head -1 | cut -d, -f1)
[ -n "$r1" ] && [ -n "$r2" ] || { nok "receipts not found ($r1 $r2)"; finish; }
# no shift open: the refund has no drawer
out=$(mary payment void "$r1" --reason "Wrong account" 2>&1); rc=$?
if [ "$rc" -eq 13 ]; then ok "void of cash with no shift open: 13"
else nok "void of a cash payment with no shift open at the terminal: exit $rc ($out), want 13"; fi
# a drawer of 10.00: a refund of 152.25 out of it
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open 2"
out=$(mary payment void "$r2" --reason "Wrong account" 2>&1); rc=$?
if [ "$rc" -eq 3 ]; then ok "void of more cash than the drawer holds: 3"
else nok "void of \$152.25 cash with \$10.00 in the drawer: exit $rc ($out), want 3"; fi
x=$(PAYDESK_APPROVER_PIN=583920 jane shift x --approver mary 2>&1)
case "$x" in *'Expected: -$'*) nok "the X report expects negative cash: $(echo "$x" | grep 'Cash [0-9]')";; *) ok "no negative expected cash";; esac
finish
