#!/bin/sh
# Review 23: "From each KPI tile to the rows behind it": Total Collected,
# Received Today, the Collection Rate (keys 1 2 3, kpi --rows) and, since
# the review's fixes, Outstanding (kpi --rows outstanding, no key yet) have
# rows; the Average Collection Time none: kpi --rows time is refused.
. tests/review/r23_lib.sh
r23_world
pd T01 sup1 583921 kpi --rows collected >/dev/null 2>&1; check $? "kpi --rows collected (baseline)"
pd T01 sup1 583921 kpi --rows time >"$W/o" 2>&1; check $? "kpi --rows time: the allocations behind the Average Collection Time ($(head -1 "$W/o"))"
pd T01 sup1 583921 kpi --rows outstanding >"$W/o" 2>&1; check $? "kpi --rows outstanding: the open items behind Outstanding ($(head -1 "$W/o"))"
done_r23
