#!/bin/sh
# R21 (s40): a payment with an overpayment (its excess an Overpayment credit
# note) disputed; T01 upholds by void (the payment and its credit go), T02
# rejected first: T01's void is undone. The overpayment credit note must be
# Active again at T01 as at T02, the consumer's credit alike.
. "$(dirname "$0")/r21c_lib.sh"

p T01 jane pay WU-10002 --type bill --method "Credit Card" --reference "AUTH 1" --amount 100 >/dev/null  # 80.00 bill, 20.00 credit
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
o=$(p T01 mary dispute uphold DP-T01-000001 --void); echo "# uphold $?"
p T02 rita dispute reject DP-T01-000001 --note no >/dev/null
s T02; s T01; s T02
view() {
	p $1 admin consumer show WU-10002 | grep -E "Total outstanding|Available credit"
	p $1 admin credit-notes --scope org | tail -n +3 | tr -s ' '
}
view T01 >"$W/v1"; view T02 >"$W/v2"
sed 's/^/# T01 /' "$W/v1"
if cmp -s "$W/v1" "$W/v2"; then ok "T01 and T02 agree on the credit"
else nok "T01 and T02 differ"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; fi
finish
