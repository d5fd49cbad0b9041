# Review 21: a void (here a dispute upheld by voiding an installment's
# payment) after its installment's due date makes the installment Missed
# and the plan Broken, but no alert is raised until the next day's pass
# (the same change pulled at a sync round raises them at once; the issue:
# alerts are computed when their cause happens).
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
make_store "$DB"
rec arrangement create A-2 --installments 3 --frequency weekly --first-due 2026-12-09 --misses 1 \
	--reason X >/dev/null || fail "create"
PAYDESK_NOW="2026-12-08 09:00:00" cash pay A-2 --type installment --method "Bank Transfer" \
	--amount 113.33 >/dev/null || fail "pay"
PAYDESK_NOW="2026-12-08 09:00:00" rec dispute open R-T01-000001 --reason wrong-account \
	>/dev/null || fail "open"
export PAYDESK_NOW="2026-12-20 09:00:00"
rec alerts >/dev/null # the day's pass
sup dispute uphold DP-T01-000001 --void >/dev/null || fail "uphold"
check "the plan is Broken" Broken "$(rec arrangement show AR-T01-000001 | sed -n 's/^Status *//p')"
export PAYDESK_NOW="2026-12-20 09:05:00"
check "a broken alert the same day" 1 "$(rec --csv alerts --kind broken | tail -n +2 | wc -l)"
check "a missed alert for #1 the same day" 1 \
	"$(rec --csv alerts --kind missed | grep -c 'AR-T01-000001#1')"
export PAYDESK_NOW="2026-12-21 09:00:00"
check "(the next day's pass raises it)" 1 "$(rec --csv alerts --kind broken | tail -n +2 | wc -l)"
finish
