#!/bin/sh
# Review 23: a supervisor of branch B02 voids, at T03, a payment taken at T02
# (branch B01) that none of their lists shows (their scope is B02); the
# central node applies it and B01's figures drop. Scope limits what a
# supervisor reads, not what they change.
. tests/review/r23_lib.sh
r23_world
pd T03 sup2 583922 payments --search R-T02-000001 --scope branch 2>/dev/null | grep -q R-T02-000001
[ $? -ne 0 ]; check $? "R-T02-000001 is not in sup2's branch (baseline)"
pd T03 sup2 583922 payment void R-T02-000001 --reason "Wrong account" >"$W/o" 2>&1
rc=$?
[ $rc -ne 0 ]; check $? "a supervisor of B02 may not void a payment of B01 (status $rc: $(head -1 "$W/o"))"
sync_all
b1=$(collected T01 sup1 583921)
[ "$b1" = 65000 ]; check $? "B01's June stays 650.00 (got $b1)"
done_r23
