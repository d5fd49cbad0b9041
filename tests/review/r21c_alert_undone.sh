#!/bin/sh
# R21 (s40): T01 upholds an installment payment's dispute by void: the plan is
# Broken at once and its alerts raised (paydesk(1) alerts: "at a void (a
# dispute upheld by one too)"); rita works them at T01 (ack, assign), so they
# are synced. T02 rejected the dispute first: T01's void is undone, the plan
# Completed again and T01 closes the alerts. The central node and T02 must not
# keep alerts whose cause never happened there: after a sync and the next
# day's pass, T01 and T02 show the same alerts of the plan.
. "$(dirname "$0")/r21c_lib.sh"
p T01 rita arrangement create WU-10002 --installments 2 --frequency weekly --first-due 2025-06-15 --reason Hardship >/dev/null
p T01 jane pay WU-10002 --type installment --method "Credit Card" --reference "AUTH 1" --amount 40 >/dev/null
p T01 jane pay WU-10002 --type installment --method "Credit Card" --reference "AUTH 2" --amount 40 >/dev/null
s T01; s T02
export PAYDESK_NOW="2025-06-16 09:00:00"
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null
p T01 rita alerts ack 1 >/dev/null
p T01 rita alerts assign 2 rita >/dev/null
p T02 rita dispute reject DP-T01-000001 --note no >/dev/null
s T02; s T01; s T02
export PAYDESK_NOW="2025-06-17 09:00:00"
p T01 rita alerts >/dev/null; p T02 rita alerts >/dev/null
s T01; s T02
view() { p $1 rita alerts --status all | grep -E "Arrangement broken|Installment missed" | cut -c1-6 --complement | tr -s ' ' | cut -d' ' -f2-5 | sort; }
view T01 >"$W/v1"; view T02 >"$W/v2"
sed 's/^/# T01 /' "$W/v1"; sed 's/^/# T02 /' "$W/v2"
check "T01 and T02 show the plan's alerts alike" cmp -s "$W/v1" "$W/v2"
st=$(p T02 admin arrangement show AR-T01-000001 | sed -n 's/^Status *//p')
open=$(p T02 rita alerts | grep -c -E "Arrangement broken|Installment missed")
check "T02: the plan is $st, and no open broken/missed alert of it ($open)" [ "$open" = 0 ]
finish
