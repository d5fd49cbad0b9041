#!/bin/sh
# R21b (s41): an installment paid in part, the plan rescheduled (what is left
# split again), then the payment voided (a plain void, or a dispute upheld by
# void). What the payment paid is owed again on the Replaced installment:
# the consumer owes $340.00 (aging, KPIs, disconnections count it under the
# arrangement) but the plan says Left to pay $240.00 (show, list, the broken
# alert), Debt - Paid != Left, and the $100.00 is never due nor missed.
# Cancelled then, the plan leaves the $100.00 open on its installment #1
# instead of giving it back to B4.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
DB=$W/s.db
make_store "$DB"
rec arrangement create A-2 --installments 2 --frequency weekly --first-due 2026-12-09 --reason r >/dev/null || fail "create"
cash shift open >/dev/null 2>&1
cash pay A-2 --type installment --method "Credit Card" --reference "AU 1" --amount 100 >/dev/null || fail "pay"
rec arrangement reschedule AR-T01-000001 --installments 3 --frequency weekly --first-due 2026-12-09 --reason re >/dev/null ||
	fail "reschedule"
rec dispute open R-T01-000001 --reason chargeback >/dev/null || fail "dispute open"
sup dispute uphold DP-T01-000001 --void >/dev/null || fail "uphold by void"
owed=$(sup consumer show A-2 | sed -n 's/^ *Total outstanding *//p')
left=$(rec arrangement show AR-T01-000001 | sed -n 's/^Left to pay *//p')
check "the consumer owes \$340.00 again" '$340.00' "$owed"
check "the plan's Left to pay is what its installments owe" "$owed" "$left"
export PAYDESK_NOW="2026-12-12 10:00:00"
d=$(rec disconnections | sed -n 's/^A-2 *Bob Two *\([^ ]*\).*/\1/p')
a=$(rec alerts --kind broken | sed -n 's/.*AR-T01-000001 *\(\$[0-9.,]*\).*/\1/p')
check "the broken alert's amount is the disconnection list's debt" "$d" "$a"
rec arrangement cancel AR-T01-000001 --reason stop >/dev/null || fail "cancel"
n=$(sup consumer show A-2 | grep -c 'Installment AR-T01-000001')
check "cancelled: no installment of the plan is left open" 0 "$n"
b4=$(sup consumer show A-2 | sed -n 's/.*Bill B4;.*Outstanding: \([^;]*\);.*/\1/p')
check "cancelled: B4 owes its \$300.00 again" '$300.00' "$b4"
finish
