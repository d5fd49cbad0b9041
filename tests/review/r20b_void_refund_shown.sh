#!/bin/sh
# R20b: a cash payment's void gives its cash back out of the drawer of the
# shift open where it is voided (man: "its payments less the voids made at
# the terminal in the shift"), but neither the X report nor the Z report
# shows that refund anywhere: a shift of a $100.00 float, no payment and no
# movement expects $54.50, and the paper carries no line of the $45.50 that
# went out (nor in --json). A cashier or supervisor cannot tell from the
# report why the drawer expects less than its float.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 10000x1 >/dev/null 2>&1 || nok "open 1"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 45.50 --tendered 45.50 >/dev/null 2>&1 || nok "pay"
jane shift close --count 10000x1,2000x2,500x1,50x1 >/dev/null 2>&1 || nok "close 1"
r=$(mary --csv payments --search WU-10001 2>/dev/null | grep ',45.50,Cash' | head -1 | cut -d, -f1)
[ -n "$r" ] || { nok "receipt not found"; finish; }
jane shift open --count 10000x1 >/dev/null 2>&1 || nok "open 2"
mary payment void "$r" --reason "Wrong account" >/dev/null 2>&1 || nok "void $r"
x=$(jane shift x 2>&1)
case "$x" in *'Expected: $54.50'*) ok "X expects 54.50";; *) nok "X report: $(echo "$x" | grep 'Cash')";; esac
case "$x" in *45.50*) ok "X report shows the 45.50 refund";;
  *) nok "X report expects \$54.50 from a \$100.00 float, 0 payments, no movement: the void's \$45.50 refund ($r) is on no line";; esac
j=$(jane --json shift x 2>&1)
case "$j" in *4550*) ok "X --json carries the refund";; *) nok "shift x --json has no 4550 (the refund of $r)";; esac
jane shift close --count 5000x1,200x2,50x1 >/dev/null 2>&1 || nok "close 2 at 54.50"
z=$(jane shift z Z-T01-000002 --text --out "$T/z.txt" >/dev/null 2>&1; cat "$T/z.txt" 2>/dev/null)
case "$z" in *45.50*) ok "Z report shows the refund";;
  *) nok "Z report of Z-T01-000002 has no line of the \$45.50 refunded by the void of $r";; esac
finish
