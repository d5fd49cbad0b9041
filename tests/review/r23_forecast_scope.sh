#!/bin/sh
# Issue 23: "Every dashboard, list and report has a scope ... 'team
# visibility' in the configuration limits lists and reports to the team's
# payments." report forecast takes no --scope, names no scope, and its past
# weeks' Collected ("everything collected in it") counts the payments of
# the other team when [visibility] team = yes.
. "$(dirname "$0")/r23_lib.sh"
base_store "[visibility]
team = yes"
NOW="2026-03-10 10:00:00"
out=$(run sup1 $SUP1 "$NOW" report forecast --weeks 1 --scope terminal 2>&1); rc=$?
if [ $rc -eq 0 ]; then ok "report forecast takes --scope"
else notok "report forecast --scope terminal refused (exit $rc): $out"; fi
out=$(run sup1 $SUP1 "$NOW" report forecast --weeks 1 --past 3 2>&1)
if printf '%s\n' "$out" | grep -q 'Scope'; then ok "report forecast names its scope"
else notok "report forecast names no scope (every figure and list is headed by its scope, paydesk(1) SCOPES)"; fi
# Week 2026-02-16..22: cs (team South) took 200.00 on 02-18, cn (team North)
# 100.00 on 02-20. Sue North's Collected is 100.00 under team visibility.
j=$(run sup1 $SUP1 "$NOW" --json report forecast --weeks 1 --past 3 2>&1)
col=$(printf '%s\n' "$j" | grep '"week":"2026-02-16"' | sed -n 's/.*"collected":\([0-9]*\).*/\1/p')
if [ "$col" = 10000 ]; then ok "team North's forecast counts team North's collections"
else notok "report forecast for sup1 (team North, [visibility] team = yes): week 2026-02-16 collected=$col minor units, expected 10000 (team South's 200.00 counted)"; fi
finish
