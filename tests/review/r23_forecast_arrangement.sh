#!/bin/sh
# Issue 23: the forecast weighs "open items and plan installments by due
# date". A consumer's bills taken over by an arrangement are settled by it
# (paydesk(1): the debt is counted once). A-3 owes B4 150.00 (overdue) and B5
# 300.00 (due 2026-03-25); an arrangement of 3 weekly installments of 150.00
# from 2026-03-18 takes both over. report aging: 450.00 outstanding. The
# forecast's week 2026-03-23 shows 450.00 open (installment #2 and B5 again):
# 750.00 owed in the weeks ahead for a debt of 450.00.
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
run admin $ADMIN "$NOW" arrangement create A-3 --installments 3 --frequency weekly \
	--first-due 2026-03-18 --reason Hardship >/dev/null || { notok "arrangement"; finish; }
j=$(run admin $ADMIN "$NOW" --json report forecast --weeks 5 --past 0 2>&1)
w=$(printf '%s\n' "$j" | grep '"week":"2026-03-23"' | sed -n 's/.*"open":\([0-9]*\).*/\1/p')
[ "$w" = 15000 ] && ok "week 2026-03-23 owes the installment only" ||
	notok "forecast week 2026-03-23 open=$w minor units, expected 15000 (installment #2; B5 was taken over by the arrangement)"
tot=$(printf '%s\n' "$j" | sed -n 's/.*"open": *\([0-9]*\).*/\1/p' | tail -1)
[ "$tot" = 45000 ] && ok "the weeks ahead owe 450.00" ||
	notok "forecast totals open=$tot minor units for a debt of 45000 (report aging: 450.00)"
finish
