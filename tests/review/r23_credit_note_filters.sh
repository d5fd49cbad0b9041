#!/bin/sh
# Review 23: "Filters everywhere a report has them": the credit notes list
# (of the scope's payments) takes none of the report filters: an admin
# cannot list branch B02's notes, a segment's or a period's.
. tests/review/r23_lib.sh
r23_world
export PAYDESK_NOW="2026-06-15 12:30:00"
pd T01 sup1 583921 credit-note create R-T01-000003 --amount 10 --reason "Billing Error" >/dev/null &&
pd T03 sup2 583922 credit-note create R-T03-000001 --amount 30 --reason "Billing Error" >/dev/null
check $? "two credit notes (baseline)"
sync_all
for o in "--branch B02" "--segment Commercial" "--period 2026-06" "--user sup2"; do
	pd T01 adm 482615 credit-notes $o >"$W/o" 2>&1
	check $? "credit-notes $o ($(head -1 "$W/o"))"
done
pd T01 adm 482615 credit-notes --branch B02 2>/dev/null | grep -q CN-T01
[ $? -ne 0 ]; check $? "--branch B02 leaves out B01's note"
done_r23
