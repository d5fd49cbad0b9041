#!/bin/sh
# R21 (s40): a cash payment's dispute upheld by void at T01 hands its cash out
# of the drawer; T02 rejected the dispute first, so T01's void is undone: the
# drawer's expected cash must take the cash back (the payment is Posted again),
# and closing the shift with what is really there (the payment's cash) is
# neither over nor short.
. "$(dirname "$0")/r21c_lib.sh"
exp() { f=$(PAYDESK_NOW="2025-06-15 12:0$1:00" p T01 jane shift x --text | sed -n 's/^File *//p'); awk '/^Cash *$/{c=1} c && /\$/{print $NF; exit}' "$f"; }
p T01 jane pay WU-10001 --type bill --method Cash --amount 50 --tendered 50 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
e0=$(exp 1)
o=$(p T01 mary dispute uphold DP-T01-000001 --void); rc=$?
echo "# uphold at T01: $rc $(echo "$o" | tail -1)"
e1=$(exp 2)
p T02 rita dispute reject DP-T01-000001 --note no >/dev/null
s T02; s T01; s T02
e2=$(exp 3)
echo "# expected cash: before $e0, after the void $e1, after the undo $e2"
check "the drawer expects the payment's cash again once the void is undone ($e0 -> $e1 -> $e2)" [ "$e2" = "$e0" ]
st=$(p T01 admin payment show R-T01-000001 | sed -n 's/^  Status *//p' | head -1)
echo "# R-T01-000001 at T01: $st"
o=$(PAYDESK_NOW="2025-06-15 12:09:00" p T01 jane shift close --count 50.00x1)
echo "$o" | grep -i -E "over|short|cash" | sed 's/^/# close: /'
finish
