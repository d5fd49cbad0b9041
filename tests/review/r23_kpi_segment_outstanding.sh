#!/bin/sh
# kpi --segment S (and the dashboard's Segment filter) names the filter
# over every figure ("Filters  Segment Residential"), and report aging
# --segment gives a segment's open items; yet kpi's Outstanding under
# --segment Residential is the whole organisation's: 450.00 in 2 items, all
# of them A-3's (Commercial). The Residential consumers owe nothing.
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
ag=$(run admin $ADMIN "$NOW" --json report aging --segment Residential | grep -o '"total_outstanding": *[0-9]*\|"total": *[0-9]*' | head -1)
j=$(run admin $ADMIN "$NOW" --json kpi --segment Residential)
tot=$(printf '%s\n' "$j" | sed -n '/"outstanding"/,/}/p' | sed -n 's/.*"total": *\([0-9]*\).*/\1/p')
[ "$tot" = 0 ] && ok "Outstanding under --segment Residential is 0" ||
	notok "kpi --segment Residential: outstanding total=$tot minor units (the Commercial A-3's 450.00; report aging --segment Residential: ${ag:-nothing})"
finish
