#!/bin/sh
# R21 (s40): an installment's payment disputed; T01 upholds by void (the
# installment open again) and then reschedules the plan (what is left, the
# reopened installment with it); T02 rejected first. T01's void is undone and
# the payment goes back to the installment it held - now Replaced. The plan
# must add up after the round: at every node the same status, paid and left,
# and paid + left = the debt.
. "$(dirname "$0")/r21c_lib.sh"
p T01 rita arrangement create WU-10002 --installments 2 --frequency weekly --first-due 2025-06-20 --reason Hardship >/dev/null
p T01 jane pay WU-10002 --type installment --method "Credit Card" --reference "AUTH 1" --amount 40 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null
o=$(p T01 rita arrangement reschedule AR-T01-000001 --installments 4 --frequency weekly --first-due 2025-06-25 --reason "Lost job"); echo "# reschedule: $?"
p T02 rita dispute reject DP-T01-000001 --note no >/dev/null
s T02; s T01; s T02; s T03
view() {
	p $1 admin arrangement show AR-T01-000001 | grep -E "^Status|^Paid|^Left|#[0-9]" | tr -s ' '
	p $1 admin consumer show WU-10002 | grep -E "Total outstanding|Available credit|^    " | tr -s ' '
}
view T01 >"$W/v1"; view T02 >"$W/v2"; view T03 >"$W/v3"
sed 's/^/# T01 /' "$W/v1"
if cmp -s "$W/v1" "$W/v2" && cmp -s "$W/v2" "$W/v3"; then ok "T01, T02, T03 agree"
else nok "the terminals differ"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; diff "$W/v2" "$W/v3" | sed 's/^/#  T02|T03 /'; fi
paid=$(sed -n 's/^Paid \$//p' "$W/v1"); left=$(sed -n 's/^Left to pay \$//p' "$W/v1")
check "T01: paid $paid + left $left = 80.00" python3 -c "import sys; sys.exit(0 if abs(float('${paid:-0}'.replace(',',''))+float('${left:-0}'.replace(',',''))-80)<0.001 else 1)"
p T01 mary --csv sync --quarantine | tail -n +2 | cut -d, -f2,3,6 | cut -c1-220 | sed 's/^/# Q /'
for t in T01 T02; do d=$(p $t admin doctor); case $d in *": ok"*) ok "$t doctor ok" ;; *) nok "$t doctor: $d" ;; esac; done
finish
