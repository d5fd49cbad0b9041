#!/bin/sh
# R20c: the cash a pay-in brought from the safe is asked for again in the
# deposit. A shift opens on its $100.00 float, takes a $50.00 cash payment,
# drops $50.00 into the safe ("Safe drop") and takes $50.00 back from the
# safe as change ("Change from safe", a pay-in). It closes even ($150.00
# counted, $100.00 kept). deposit pending then asks $100.00 of the shift
# (counted less the float kept, plus the safe drops) and deposit create
# records a $100.00 bag: the pay-in is counted once in the drawer and again
# as the drop it came out of. The shift took $50.00 of cash (the ledger's
# one payment); the safe holds nothing more; the bag can hold $50.00, and
# the bank's $50.00 credit will not match it. Issue 20: "every cent at the
# counter is accounted for", the deposit is "the cash of closed shifts (less
# the float kept)", the figures are "checked against the ledger".
# Fixed in s43 (s43-L2): a pay-in is the safe's money, not takings (Q4
# re-applied; the lead's decision).
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 10000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 50 --tendered 50 >/dev/null 2>&1 || nok "pay"
jane shift drop 50 --reason "Safe drop" >/dev/null 2>&1 || nok "drop"
jane shift pay-in 50 --reason "Change from safe" >/dev/null 2>&1 || nok "pay-in"
jane shift close --count 10000x1,1000x5 >/dev/null 2>&1 || nok "close even"
p=$(mary deposit pending 2>/dev/null | awk '/^Z-T01-000001/ {print $6}')
[ "$p" = '$50.00' ] && ok "deposit pending: \$50.00 of Z-T01-000001" \
  || nok "deposit pending asks $p of Z-T01-000001, which took \$50.00 of cash (its pay-in came from its own safe drop)"
a=$(mary deposit create Z-T01-000001 --slip BX --account NL01BANK0123456789 2>/dev/null | awk '/^Amount/ {print $2}')
[ "$a" = '$50.00' ] && ok "the deposit is \$50.00" || nok "deposit create records a bag of $a for a shift that took \$50.00 of cash"
finish
