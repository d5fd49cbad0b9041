#!/bin/sh
# R21b (s41): a plan broken by a late payment stays Broken after a
# reschedule (the Late installment keeps counting against the misses
# allowed), so its consumer stays on the disconnection list; a plan broken by
# installments never paid becomes Active (they are Replaced). Paying late is
# punished harder than not paying.
. "$(dirname "$0")/r21_lib.sh"
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 10:00:00"
make_store "$DB"
rec arrangement create A-2 --installments 7 --frequency weekly --first-due 2026-12-03 --reason r >/dev/null || fail "create A-2"
rec arrangement create A-4 --installments 7 --frequency weekly --first-due 2026-12-03 --reason r >/dev/null || fail "create A-4"
export PAYDESK_NOW="2026-12-05 09:00:00"
cash shift open >/dev/null 2>&1
cash pay A-2 --type installment --method "Credit Card" --reference L1 --amount 48.57 >/dev/null || fail "A-2 pays #1 late"
export PAYDESK_NOW="2026-12-12 09:00:00"
for a in A-2 A-4; do
	plan=$(rec arrangement list --consumer $a | sed -n 's/^\(AR-[^ ]*\) .*/\1/p' | head -1)
	s=$(rec arrangement show "$plan" | sed -n 's/^Status *//p')
	check "$a's plan is Broken" Broken "$s"
	rec arrangement reschedule "$plan" --installments 3 --frequency monthly --first-due 2026-12-20 --reason again >/dev/null ||
		fail "reschedule $plan"
	s=$(rec arrangement show "$plan" | sed -n 's/^Status *//p')
	check "$a's plan rescheduled is Active" Active "$s"
	n=$(rec disconnections | grep -c "^$a ")
	check "$a rescheduled is off the disconnection list" 0 "$n"
done
finish
