#!/bin/sh
# Review 23: an admin's --branch of no known branch is refused naming the
# branches there are, but the list names only this terminal's branch
# ("not one of B01") although B02, whose payments are pulled here, is
# accepted.
. tests/review/r23_lib.sh
r23_world
collected T01 adm 482615 --branch B02 | grep -q 62000
check $? "an admin's --branch B02 reads B02's 620.00 (baseline)"
pd T01 adm 482615 kpi --branch B99 >"$W/o" 2>&1
[ $? -eq 2 ]; check $? "--branch B99: status 2"
grep -q 'B02' "$W/o"; check $? "and the message names B02 too: $(cat "$W/o")"
done_r23
