#!/bin/sh
# R20b: `payment void` of a cash payment hands its cash back out of the
# drawer, so it needs an open shift (13) and no more than the drawer holds
# (3). `dispute uphold --void` voids the same cash payment with neither: with
# no shift open it voids all the same (the refund leaves no drawer), and in a
# shift of a $100.00 float it voids a $235.13 cash payment, the X report then
# expecting -$135.13 in the drawer.
. "$(dirname "$0")/r20_lib.sh"
demo
r1=$(mary --csv payments 2>/dev/null | grep ',Cash,.*,Posted,' | sed -n 1p | cut -d, -f1)
r2=$(mary --csv payments 2>/dev/null | grep ',Cash,.*,Posted,' | sed -n 2p | cut -d, -f1)
a2=$(mary --csv payments 2>/dev/null | grep "^$r2," | cut -d, -f4)
mary dispute open "$r1" --reason wrong-account --note x >/dev/null 2>&1 || nok "dispute 1"
mary dispute open "$r2" --reason wrong-account --note x >/dev/null 2>&1 || nok "dispute 2"
d1=$(mary --csv dispute list 2>/dev/null | grep "$r1" | cut -d, -f1); d2=$(mary --csv dispute list 2>/dev/null | grep "$r2" | cut -d, -f1)
out=$(mary dispute uphold "$d1" --void --note refund 2>&1); rc=$?
[ $rc -eq 13 ] && ok "uphold void of cash with no shift: 13" || nok "dispute uphold --void of cash payment $r1 with no shift open: exit $rc (payment void: 13)"
jane shift open --count 10000x1 >/dev/null 2>&1 || nok "open"
out=$(mary dispute uphold "$d2" --void --note refund 2>&1); rc=$?
[ $rc -eq 3 ] && ok "uphold void of more cash than the drawer: 3" || nok "dispute uphold --void of cash payment $r2 (\$$a2) with \$100.00 in the drawer: exit $rc (payment void: 3); X: $(jane shift x 2>/dev/null | grep 'Cash [0-9]')"
finish
