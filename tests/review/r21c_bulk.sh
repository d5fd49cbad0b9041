#!/bin/sh
# R21 (s40): the undo of a refused uphold in a round whose pull is a bulk one
# (300 bills imported at the central node meanwhile, and T02's payments of
# them): T01's void undone, the payment allocated again, and the pulled
# payments and bills in the items' rollups. Every terminal then agrees on the
# debt, aging and KPIs, and doctor is ok.
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 145.50 --items INV-2025-001234 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 2" --amount 20 --items INV-2025-001234 >/dev/null
p T02 rita dispute reject DP-T01-000001 --note no >/dev/null
{ echo "invoice_no,account_no,period,amount,issued_on,due_on"
  i=1; while [ $i -le 300 ]; do echo "INV-B-$i,WU-10001,May 2025,1.$((i % 90 + 10)),2025-05-01,2025-05-2$((i % 9))"; i=$((i+1)); done; } >"$W/bills.csv"
C import ACME bills "$W/bills.csv" >/dev/null
s T02
p T02 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 3" --amount 100 >/dev/null
s T02; s T01; s T02; s T03
view() {
	p $1 admin consumer show WU-10001 | grep -E "Total outstanding|Available credit|Open items"
	p $1 admin report aging --consumer WU-10001 | tail -n +2 | head -9
	p $1 admin payment show R-T01-000001 | grep -E "^  Status" | head -1 | tr -s ' '
}
view T01 >"$W/v1"; view T02 >"$W/v2"; view T03 >"$W/v3"
sed 's/^/# T01 /' "$W/v1"
if cmp -s "$W/v1" "$W/v2" && cmp -s "$W/v2" "$W/v3"; then ok "T01, T02, T03 agree"
else nok "the terminals differ"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; diff "$W/v2" "$W/v3" | sed 's/^/#  T02|T03 /'; fi
for t in T01 T02 T03; do d=$(p $t admin doctor); case $d in *": ok"*) ok "$t doctor ok" ;; *) nok "$t doctor: $d" ;; esac; done
finish
