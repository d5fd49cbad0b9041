#!/bin/sh
# Review 23: with nothing overdue, Outstanding's average days past due is
# 0.0 (JSON 0.0) where the man page's rule says a figure of nothing is
# "—" (null), never 0.
. tests/review/r23_lib.sh
r23_world
export PAYDESK_NOW="2026-06-05 12:00:00"
pd T01 adm 482615 --json kpi --scope org >"$W/o" 2>&1
grep -q '"overdue_items": 0' "$W/o"; check $? "nothing is overdue on 2026-06-05 (baseline)"
grep -q '"avg_days_past_due": null' "$W/o"; check $? "avg_days_past_due is null ($(grep avg_days_past_due "$W/o" | tr -d ' '))"
done_r23
