#!/bin/sh
# Review 23: "filters everywhere a report has them". `report forecast
# --segment` forecasts one segment, but the Cash-flow forecast screen (f) has
# no segment filter and ignores the dashboard's (v): with Segment Commercial
# in force it shows the whole organisation's $151.67 where the segment's is
# $41.67. The Deteriorating payers screen (b) does apply the dashboard's
# segment, but does not say so: its heading names no filter.
. tests/review/r23_lib.sh
fc_store f
cli=$(PAYDESK_NOW="2026-06-15 12:00:00" sup report forecast --segment Commercial | sed -n 's/^Forecast, next 4 weeks *//p')
check "report forecast --segment Commercial, next 4 weeks" '$41.67' "$cli"
tui_start "PAYDESK_NOW='2026-06-15 12:00:00' PAYDESK_CONFIG=$PAYDESK_CONFIG"
tui_wait "Username" || notok "login screen"
tui_keys sup Tab 482913 Enter
tui_wait "Branch B01" || notok "dashboard"
tui_keys v; tui_wait "Filter the dashboard" || notok "dashboard filters"
tui_keys Commercial Enter
tui_wait "Filters: Segment Commercial" || notok "the dashboard's segment filter"
sleep 0.5; tui_keys f
tui_wait "Next 4 weeks" || notok "forecast screen"
next4=$(tui_screen | grep -A1 'Next 4 weeks' | tail -1 | awk '{print $1}')
check "forecast screen under Segment Commercial: next 4 weeks" '$41.67' "$next4"
tui_keys Escape; sleep 1
tui_keys b
tui_wait "paying later" || notok "deteriorating screen"
if tui_screen | grep -q 'Segment Commercial'; then
	ok "deteriorating screen names the segment filter"
else
	notok "deteriorating screen: the dashboard's segment filter applies but is not named"
fi
r23_done
