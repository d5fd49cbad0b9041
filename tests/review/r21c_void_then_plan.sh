#!/bin/sh
# R21 (s40): T01 upholds a dispute by void (the bill open again) and then
# arranges the consumer's debt, that bill with it; T02 rejected the dispute
# first. T01's void is undone, the payment allocated again to the bill it held -
# now under the plan. After the round T01, T02, T03 must agree on the debt, the
# plan and the payment, and doctor be ok.
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10002 --type bill --method "Credit Card" --reference "AUTH 1" --amount 80 >/dev/null   # INV-2025-002001 paid
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null
o=$(p T01 rita arrangement create WU-10002 --installments 4 --frequency weekly --first-due 2025-06-20 --reason Hardship); echo "# plan: $? $(echo "$o" | head -1)"
p T02 rita dispute reject DP-T01-000001 --note no >/dev/null
s T02; s T01; s T02; s T03
view() {
	p $1 admin consumer show WU-10002 | grep -E "Total outstanding|Available credit|^    "
	p $1 admin arrangement list --scope org | tail -n +3 | tr -s ' '
	p $1 admin payment show R-T01-000001 | grep -E "^  Status" | head -1 | tr -s " "
}
p T01 admin arrangement show AR-T01-000001 | sed -n "/^Status/p;/#[0-9]/p" | sed "s/^/# T01 /"; p T02 admin arrangement show AR-T01-000001 | sed -n "/^Status/p;/#[0-9]/p" | sed "s/^/# T02 /"
view T01 >"$W/v1"; view T02 >"$W/v2"; view T03 >"$W/v3"
sed 's/^/# T01 /' "$W/v1"
if cmp -s "$W/v1" "$W/v2" && cmp -s "$W/v2" "$W/v3"; then ok "T01, T02, T03 agree"
else nok "the terminals differ"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; diff "$W/v2" "$W/v3" | sed 's/^/#  T02|T03 /'; fi
st=$(p T02 admin arrangement show AR-T01-000001 | sed -n 's/^Status *//p')
left=$(p T02 admin arrangement show AR-T01-000001 | sed -n 's/^Left to pay *//p')
rep=$(p T02 admin arrangement show AR-T01-000001 | grep -c "Compliance: Replaced")
check "T02: the plan is not left Active with every installment Replaced and nothing to pay ($st, left $left, $rep Replaced)" [ "$st" != Active -o "$rep" = 0 ]
p T01 mary --csv sync --quarantine | tail -n +2 | cut -d, -f2,3,6 | cut -c1-220 | sed 's/^/# Q /'
for t in T01 T02; do d=$(p $t admin doctor); case $d in *": ok"*) ok "$t doctor ok" ;; *) nok "$t doctor: $d" ;; esac; done
finish
