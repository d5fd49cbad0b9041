#!/bin/sh
# R21 (s40): T01 upholds a dispute by void (the bill opens again) and takes a
# new payment of that bill; T02 rejected the dispute and synced first. T01's
# void is undone, the payment allocated as before, and the payment taken
# meanwhile "gives way and becomes credit" (paydesk(1) DISPUTES). Every
# terminal must then show the same debt and credit, and the same payment split.
. "$(dirname "$0")/r21c_lib.sh"
MODE=${1:-card}
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 145.50 --items INV-2025-001234 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 2" --amount 100 --items INV-2025-001234 >/dev/null
p T02 rita dispute reject DP-T01-000001 --note "holder confirmed" >/dev/null
s T02; s T01; s T02; s T03
view() {
	p $1 admin consumer show WU-10001 | grep -E "Total outstanding|Available credit|INV-2025-00"
	p $1 admin payment show R-T01-000002 | grep -E "^  Status|Credit note|Credit amount"
	p $1 admin credit-notes --scope org | tail -n +3 | cut -c1-16,36-120
}
view T01 >"$W/v1"; view T02 >"$W/v2"; view T03 >"$W/v3"
sed 's/^/# T01 /' "$W/v1"
if cmp -s "$W/v1" "$W/v2" && cmp -s "$W/v2" "$W/v3"; then ok "T01, T02, T03 show the same debt, credit and split of the payment taken meanwhile"
else nok "the terminals differ"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; diff "$W/v2" "$W/v3" | sed 's/^/#  T02|T03 /'; fi
# the receipt read again: what the payment paid
r1=$(p T01 admin receipt R-T01-000002 --text | grep -A2 "^Bill\|^Service\|^Installment")
r2=$(p T02 admin receipt R-T01-000002 --text | grep -A2 "^Bill\|^Service\|^Installment")
echo "$r1" | sed 's/^/# T01 receipt: /'
check "the receipt of the payment that gave way reads the same at T01 and T02 (T01 lists its reversed bill as applied)" [ "$r1" = "$r2" ]
for t in T01 T02; do d=$(p $t admin doctor); case $d in *": ok"*) ok "$t doctor ok" ;; *) nok "$t doctor: $d" ;; esac; done
finish
