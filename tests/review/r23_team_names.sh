#!/bin/sh
# Review 23: a team is matched as typed, spaces and case included: `user set
# c1 --team "north "` is taken as a new team "north ", and c1's payments
# leave team North's figures silently, where a segment is matched in any
# case with the spaces around it dropped.
. tests/review/r23_lib.sh
r23_world
r23_team_visibility
a=$(collected T01 sup1 583921)
[ "$a" = 45000 ]; check $? "team North: 450.00 (baseline, got $a)"
pd T01 adm 482615 user set c1 --team "North " >"$W/o" 2>&1
b=$(collected T01 sup1 583921)
[ "$b" = 45000 ]; check $? "c1 put in \"North \" stays in team North (got $b: $(head -1 "$W/o"))"
pd T01 adm 482615 user set c1 --team "north" >"$W/o" 2>&1
c=$(collected T01 sup1 583921)
[ "$c" = 45000 ]; check $? "c1 put in \"north\" is in team North, as a segment is in any case (got $c: $(head -1 "$W/o"))"
done_r23
