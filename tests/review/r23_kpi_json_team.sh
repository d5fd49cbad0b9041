#!/bin/sh
# paydesk(1): with [visibility] team = yes a supervisor's figures are their
# team's "and the scope's title names the team ("Scope: Branch B01, team
# North")". kpi's text says so; kpi --json (and --csv) says "scope":
# "branch" and nothing of the team, so a script or spreadsheet reading them
# takes team North's 100.00 for branch B01's collections (450.00).
. "$(dirname "$0")/r23_lib.sh"
base_store "[visibility]
team = yes"
NOW="2026-03-10 10:00:00"
txt=$(run sup1 $SUP1 "$NOW" kpi --month 2026-02 | head -1)
printf '%s\n' "$txt" | grep -q 'team North' && ok "kpi's text names team North" || notok "kpi's text: $txt"
j=$(run sup1 $SUP1 "$NOW" --json kpi --month 2026-02)
printf '%s\n' "$j" | grep -q 'North' && ok "kpi --json names the team" ||
	notok "kpi --json of sup1 (team North, [visibility] team = yes) names no team: $(printf '%s\n' "$j" | grep '"scope"' | tr -d ' ')"
c=$(run sup1 $SUP1 "$NOW" --csv kpi --month 2026-02)
printf '%s\n' "$c" | grep -q 'North' && ok "kpi --csv names the team" ||
	notok "kpi --csv of sup1 (team North) names no team: $(printf '%s\n' "$c" | grep '^scope')"
finish
