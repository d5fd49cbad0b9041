#!/bin/sh
# R21b (s41): alerts are computed when their cause happens, posting among the
# causes (issue 21). An installment paid at the counter leaves its "Installment
# due" or "Installment missed" alert Open (in the inbox and the header's count)
# until the next day's pass closes it; so do a plan's broken and missed
# alerts after a reschedule makes it Active again.
. "$(dirname "$0")/r21_lib.sh"
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 10:00:00"
make_store "$DB"
rec arrangement create A-2 --installments 7 --frequency weekly --first-due 2026-12-03 --reason r >/dev/null ||
	fail "arrangement create"
export PAYDESK_NOW="2026-12-03 09:00:00"
n=$(rec alerts --kind due | grep -c 'AR-T01-000001#1')
check "the due alert of #1 is raised on its day" 1 "$n"
cash shift open >/dev/null 2>&1
cash pay A-2 --type installment --method Cash --amount 48.57 >/dev/null || fail "pay #1"
n=$(rec alerts --kind due | grep -c 'AR-T01-000001#1')
check "#1 paid: its due alert is no longer open" 0 "$n"
export PAYDESK_NOW="2026-12-11 09:00:00"
n=$(rec alerts --kind missed | grep -c 'AR-T01-000001#2')
check "#2 unpaid past its date: missed alert raised" 1 "$n"
cash shift close --counted 48.57 >/dev/null 2>&1
cash shift open >/dev/null 2>&1
cash pay A-2 --type installment --method Cash --amount 48.57 >/dev/null || fail "pay #2"
n=$(rec alerts --kind missed | grep -c 'AR-T01-000001#2')
check "#2 paid (late): its missed alert is no longer open" 0 "$n"
export PAYDESK_NOW="2026-12-18 09:00:00"
n=$(rec alerts --kind broken | grep -c 'AR-T01-000001')
check "#3 missed too: the plan's broken alert is raised" 1 "$n"
rec arrangement reschedule AR-T01-000001 --installments 2 --frequency monthly --first-due 2026-12-20 --reason again >/dev/null ||
	fail "reschedule"
n=$(rec alerts --kind missed | grep -c 'AR-T01-000001')
check "rescheduled: no missed alert of the plan is open (its installments Replaced)" 0 "$n"
finish
