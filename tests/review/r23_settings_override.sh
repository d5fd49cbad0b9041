#!/bin/sh
# Review 23: team visibility is the organisation's setting ("kept in the
# store, a user's own config file does not lift it"), but on a terminal that
# syncs, a local `paydesk import settings --update` lifts it there, and no
# later sync puts the organisation's value back: that terminal's
# supervisors read their whole branch while the central node says team.
. tests/review/r23_lib.sh
r23_world
r23_team_visibility
pd T02 sup1 583921 kpi | head -1 | grep -q 'team North'
check $? "team visibility holds at T02 (baseline)"
printf 'key,value\nvisibility.team,no\n' > "$W/off.csv"
pd T02 adm 482615 import settings "$W/off.csv" --update >"$W/o" 2>&1
rc=$?
[ $rc -ne 0 ]; check $? "a local import of an organisation's setting on a terminal that syncs is refused (status $rc: $(head -1 "$W/o"))"
sync_all
pd T02 sup1 583921 kpi | head -1 | grep -q 'team North'
check $? "after a sync team visibility holds at T02 ($(pd T02 sup1 583921 kpi | head -1))"
done_r23
