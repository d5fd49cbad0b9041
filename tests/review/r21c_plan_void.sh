#!/bin/sh
# R21 (s40): an installment's payment disputed; T01 upholds by void (the
# installment is Missed again, the plan Broken, their alerts raised at once);
# T02 rejected first, so T01's void is undone: the plan, its compliance and the
# open alerts of its rules must be as at T02 once both synced.
. "$(dirname "$0")/r21c_lib.sh"
p T01 rita arrangement create WU-10002 --installments 2 --frequency weekly --first-due 2025-06-15 --reason Hardship >/dev/null
p T01 jane pay WU-10002 --type installment --method "Credit Card" --reference "AUTH 1" --amount 40 >/dev/null
p T01 jane pay WU-10002 --type installment --method "Credit Card" --reference "AUTH 2" --amount 40 >/dev/null
s T01; s T02
export PAYDESK_NOW="2025-06-16 09:00:00"
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 rita alerts >/dev/null; p T02 rita alerts >/dev/null
o=$(p T01 mary dispute uphold DP-T01-000001 --void); echo "# uphold: $? $(echo "$o" | grep -i "status\|paydesk:" | head -2 | tr "\n" " ")"
echo "# T01 after its void: $(p T01 admin arrangement list --scope org | tail -n +3 | tr -s ' ' | head -2 | tr '\n' '|')"
p T02 rita dispute reject DP-T01-000001 --note no >/dev/null
s T02; s T01; s T02
p T01 rita alerts >/dev/null; p T02 rita alerts >/dev/null
view() {
	p $1 admin arrangement list --scope org | tail -n +2 | tr -s ' '
	p $1 rita arrangement show AR-T01-000001 | grep -E "^Status|Compliance|#[0-9]" | tr -s ' '
	p $1 rita alerts | tail -n +3 | grep -v 'Sync record refused' | cut -c7-40 | tr -s ' ' | grep -v '^ *$' | sort
}
view T01 >"$W/v1"; view T02 >"$W/v2"
sed 's/^/# T01 /' "$W/v1"
if cmp -s "$W/v1" "$W/v2"; then ok "T01 and T02 agree on the plan and its open alerts"
else nok "T01 and T02 differ"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; fi
finish
