#!/bin/sh
# Review 23: `gateway list` (and the Gateway payments screen, dashboard u)
# say nothing of scope: no "Scope:" line, no --scope, and the man page's
# list of the lists of no scope does not name it.
. tests/review/r23_lib.sh
r23_world
pd T01 sup1 583921 gateway list >"$W/o" 2>&1; check $? "gateway list (baseline)"
head -1 "$W/o" | grep -q '^Scope: '; check $? "gateway list names its scope ($(head -1 "$W/o" | cut -c1-60))"
done_r23
