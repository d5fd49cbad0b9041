#!/bin/sh
# Review 23: kpi names the filters in force ("Filters  Segment Commercial";
# JSON "filters") and so does `kpi --rows` ("Filters:" under "Scope:"), but
# the other filtered reports print only their "Scope:" line: `report forecast
# --segment Commercial` reads as the whole organisation's forecast (and its
# JSON has no filters), as do report deteriorating, report aging, report
# payers, payments and credit-notes under --segment. A printed or saved
# report must say what it is of.
. tests/review/r23_lib.sh
fc_store n
export PAYDESK_NOW="2026-06-15 12:00:00"
for c in "report forecast" "report deteriorating" "report aging" "report payers" "payments" "credit-notes"; do
	if sup $c --segment Commercial | head -3 | grep -qi 'segment Commercial'; then
		ok "$c --segment Commercial names the filter"
	else
		notok "$c --segment Commercial: no line names the filter ($(sup $c --segment Commercial | head -1))"
	fi
done
for c in "report forecast" "report deteriorating"; do
	if sup --json $c --segment Commercial | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin).get("filters") else 1)'; then
		ok "$c --json: filters"
	else
		notok "$c --json --segment Commercial: no \"filters\" (kpi's JSON has them)"
	fi
done
r23_done
