# Review 21: a plan that breaks again after a reschedule raises no
# "Arrangement broken" alert (the cause of the first break, closed by the
# pass once the reschedule mended the plan, is taken for the second).
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
make_store "$DB"
rec arrangement create A-1 --installments 7 --frequency monthly \
	--first-due 2026-12-31 --down 20 --grace 3 --misses 1 --reason Hardship >/dev/null ||
	fail "create"
cash pay A-1 --type installment --method "Bank Transfer" --amount 30 --reference T1 >/dev/null
PAYDESK_NOW="2027-01-05 10:00:00" cash pay A-1 --type installment --method "Bank Transfer" \
	--amount 26.43 >/dev/null # the second installment, late
export PAYDESK_NOW="2027-02-04 08:00:00" # the third missed: Broken (1 late + 1 missed > 1)
check "the plan is Broken" "Broken" \
	"$(rec arrangement show AR-T01-000001 | sed -n 's/^Status *//p')"
check "one broken alert" 1 "$(rec --csv alerts --kind broken | tail -n +2 | grep -c AR-T01-000001)"
PAYDESK_NOW="2027-02-04 09:00:00" rec arrangement reschedule AR-T01-000001 --installments 7 \
	--frequency weekly --first-due 2027-02-10 --reason "Lost job" >/dev/null || fail "reschedule"
PAYDESK_NOW="2027-02-05 09:00:00" rec alerts >/dev/null # the pass closes the first
export PAYDESK_NOW="2027-02-14 09:00:00" # #9 (due 02-10) missed: Broken again
check "the rescheduled plan is Broken again" "Broken" \
	"$(rec arrangement show AR-T01-000001 | sed -n 's/^Status *//p')"
check "an open alert says the plan broke again" 1 \
	"$(rec --csv alerts --kind broken | tail -n +2 | grep -c AR-T01-000001)"
finish
