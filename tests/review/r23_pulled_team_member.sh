#!/bin/sh
# Issue 23: filters by "team member", and team visibility limiting lists and
# reports to the team's payments, on terminals that pull each other's
# payments. A payment pulled from another terminal is not attributed to the
# user who recorded it: at T01 the admin's `kpi --user cs` and `payments
# --user cs` find nothing of the 200.00 Carl South (cs) took at T02, and the
# team North supervisor at T01 does not see what Cara North (cn, team North)
# recorded at T02 of the same branch.
. "$(dirname "$0")/r23_lib.sh"
central_setup || { notok "central node and terminals could not be set up"; finish; }
NOW="2026-03-13 10:00:00"
sed '/^\[visibility\]/,$d' "$(tcfg T01)" >"$T/T01/novis.ini"
c=$(PAYDESK_CONFIG="$T/T01/novis.ini" run admin $ADMIN "$NOW" --json kpi --month 2026-02 --user cs | sed -n 's/.*"total_collected": *\([0-9]*\).*/\1/p' | head -1)
[ "$c" = 20000 ] && ok "kpi --user cs at T01 counts cs's 200.00 taken at T02" ||
	notok "admin at T01: kpi --month 2026-02 --user cs total_collected=$c minor units, expected 20000 (R-T02-000001, recorded by cs at T02)"
out=$(PAYDESK_CONFIG="$T/T01/novis.ini" run admin $ADMIN "$NOW" payments --user cs)
printf '%s\n' "$out" | grep -q R-T02-000001 && ok "payments --user cs lists R-T02-000001" ||
	notok "admin at T01: payments --user cs does not list R-T02-000001 (recorded by cs at T02)"
# cn (team North) takes a payment at T02, branch B01
trun T02 cn $CN "2026-03-09 10:00:00" pay A-3 --type bill --items B5 --method Cash --amount 10 --tendered 10 >/dev/null ||
	{ notok "cn's payment at T02"; finish; }
SYNC_NOW="2026-03-13 09:00:00" tsync T02 T01 || { notok "sync"; finish; }
out=$(trun T01 sup1 $SUP1 "$NOW" payments --from 2026-03-01)
printf '%s\n' "$out" | grep -q R-T02-000002 && ok "team North's supervisor at T01 sees cn's payment at T02" ||
	notok "sup1 (team North) at T01 does not see R-T02-000002, recorded by cn (team North) at T02 of branch B01"
finish
