#!/bin/sh
# R21b (s41): offline, T02 reschedules a plan and T03 cancels it; T02 syncs
# first. paydesk(1): a change of a plan another terminal changed meanwhile is
# refused and undone at its terminal. Here the central node takes T03's
# cancel after T02's reschedule; T02 shows the plan Cancelled with "Left to
# pay $340.00"; T03 refuses the pulled reschedule ("a cancelled a...") and
# says A-2 owes $680.00, its doctor failing. (T03 first: the reschedule is
# refused and undone at T02, all agree: that order holds.)
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
start_central
R2() { PAYDESK_PIN=7291 t2 --user rec "$@"; }
R3() { PAYDESK_PIN=7291 t3 --user rec "$@"; }
R2 arrangement create A-2 --installments 2 --frequency weekly --first-due 2026-12-09 --reason r >/dev/null || fail "create"
t2 sync >/dev/null 2>&1; t3 sync >/dev/null 2>&1
R2 arrangement reschedule AR-T02-000001 --installments 3 --frequency weekly --first-due 2026-12-09 --reason a >/dev/null ||
	fail "reschedule at T02"
R3 arrangement cancel AR-T02-000001 --reason b >/dev/null || fail "cancel at T03"
for t in t2 t3 t2 t3; do $t sync >/dev/null 2>&1; done
v2=$(PAYDESK_PIN=618394 t2 --user sup consumer show A-2 | sed -n 's/^ *Total outstanding *//p')
v3=$(PAYDESK_PIN=618394 t3 --user sup consumer show A-2 | sed -n 's/^ *Total outstanding *//p')
check "A-2 owes \$340.00 at T02 and T03" '$340.00 $340.00' "$v2 $v3"
for t in t2 t3; do
	st=$(PAYDESK_PIN=7291 $t --user rec arrangement show AR-T02-000001 | sed -n 's/^\(Status\|Left to pay\) *//p' | tr '\n' ' ')
	check "$t: the plan as the central node keeps it (T02's reschedule won: Active, \$340.00 left)" 'Active $340.00 ' "$st"
	$t doctor >/dev/null 2>&1 && ok "$t: doctor ok" || fail "$t: doctor: $($t doctor 2>&1 | grep problem | head -1 | cut -c1-160)"
done
finish
