#!/bin/sh
# Review 23: the team-member filter is "User" on the dashboard's filters (v)
# and the payments list's filter, --user on the command line (--operator its
# older name), but the Payers report's filter form still calls it "Operator".
. tests/review/r23_lib.sh
r23_store y
tui_start "PAYDESK_CONFIG=$PAYDESK_CONFIG"
tui_wait "Username" || notok "login screen"
tui_keys sup Tab 482913 Enter
tui_wait "Branch B01" || notok "dashboard"
tui_keys y
tui_wait "Payers report" || notok "payers report"
sleep 0.5; tui_keys f
tui_wait "Date range" || notok "payers filter"
if tui_screen | grep -q '^  Operator '; then
	notok "payers report filter: the field is called Operator (User elsewhere)"
else
	ok "payers report filter: no Operator field"
fi
r23_done
