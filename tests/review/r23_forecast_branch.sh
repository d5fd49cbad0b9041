#!/bin/sh
# Issue 23: "payments pulled from other terminals no longer silently count in
# a branch's figures". At terminal T01 (branch B01) the supervisor's report
# forecast counts, in its past weeks' Collected, the 150.00 that terminal T03
# of branch B02 took on 2026-02-25 (pulled through the central node), though
# kpi, payments and report payers there read branch B01 only.
. "$(dirname "$0")/r23_lib.sh"
central_setup || { notok "central node and terminals could not be set up"; finish; }
NOW="2026-03-10 10:00:00"
c=$(trun T01 sup1 $SUP1 "$NOW" --json kpi --month 2026-02 | sed -n 's/.*"total_collected": *\([0-9]*\).*/\1/p' | head -1)
[ "$c" = 10000 ] && ok "kpi at T01 for sup1 (B01, team North): 100.00" || notok "kpi at T01 for sup1: $c"
j=$(trun T01 sup1 $SUP1 "$NOW" --json report forecast --weeks 1 --past 3)
col=$(printf '%s\n' "$j" | grep '"week":"2026-02-23"' | sed -n 's/.*"collected":\([0-9]*\).*/\1/p')
[ "$col" = 0 ] && ok "the forecast's week 2026-02-23 collected nothing in B01" ||
	notok "report forecast at T01 (sup1, branch B01): week 2026-02-23 collected=$col minor units, expected 0 (T03 of branch B02 took the 150.00)"
finish
