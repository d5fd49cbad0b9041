#!/bin/sh
# R20: a safe drop takes cash out of the drawer into the safe, to be banked;
# but deposit pending (and deposit create) offers only the cash counted at
# the close less the float kept. The cash dropped is never to deposit: of a
# shift that took 100.00 in cash and dropped 50.00 of it, 50.00 is offered,
# and the 50.00 in the safe is accounted for nowhere after the close.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 100 --tendered 100 >/dev/null 2>&1 || nok "pay"
jane shift drop 50 --reason "Safe drop" >/dev/null 2>&1 || nok "drop"
out=$(jane shift close --count 5000x1,1000x1 2>&1) || nok "close: $(echo "$out" | tail -1)"
out=$(mary --csv deposit pending 2>&1)
# the column named left (the listing grew cheque and age columns after it)
left=$(echo "$out" | tr -d '\r' | awk -F, 'NR==1{for(i=1;i<=NF;i++)if($i=="left")c=i} NR>1 && $4=="Cash"{print $c}')
[ "$left" = "100.00" ] && ok "100.00 to deposit (50.00 counted less the float, 50.00 dropped)" || nok "cash to deposit: $left, want 100.00 (the 50.00 dropped into the safe is missing): $(echo "$out" | tr '\n' '|')"
finish
