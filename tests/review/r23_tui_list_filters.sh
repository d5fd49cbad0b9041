#!/bin/sh
# Issue 23: "Filters everywhere a report has them: consumer segment,
# accounting period, branch, team member, channel, method and gateway",
# "all in the TUI and the CLI". The command line's payments and report
# payers take --segment, --period, --branch, --user, --channel, --gateway;
# the screens' filters do not: the payments list's filter has date range,
# method, status and type only, the payers report's no segment, period or
# branch, the aging report's screen no segment at all (report aging
# --segment on the command line). So the billing manager cannot see one segment's payments in the UI
# (and the dashboard's 1 cannot carry its Segment filter to the list).
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
tui_start admin $ADMIN "$NOW" || { notok "the dashboard did not open"; finish; }
keys p; wait_for "Receipt #" || { notok "no payments list"; finish; }
keys f; wait_for "Filter the payments" || { notok "no payments filter"; finish; }
s=$(screen)
for f in Segment Period Branch Channel; do
	printf '%s\n' "$s" | grep -q "^ *$f " && ok "payments list filter has $f" ||
		notok "the payments list's filter (f) has no $f field (payments --$(echo $f | tr A-Z a-z) on the command line)"
done
keys Escape; wait_for "Receipt #"; keys Escape; wait_for "Daily collections" || { notok "not back"; finish; }
keys y; wait_for "Payers report" || { notok "no payers report"; finish; }
keys f; wait_for "Operator" || { notok "no payers filter"; finish; }
s=$(screen)
for f in Segment Period Branch; do
	printf '%s\n' "$s" | grep -q "^ *$f " && ok "payers report filter has $f" ||
		notok "the payers report's filter has no $f field (report payers --$(echo $f | tr A-Z a-z))"
done
keys Escape; keys Escape; wait_for "Daily collections" || { notok "not back"; finish; }
keys a; wait_for "Total outstanding" || { notok "no aging report"; finish; }
keys F1; wait_for "this help" || { notok "no help screen"; finish; }
keys_help=$(screen)
printf '%s\n' "$keys_help" | grep -qi 'segment' && ok "the aging report's screen has a segment filter" ||
	notok "the aging report's screen (help F1) has no segment filter (report aging --segment)"
finish
