#!/bin/sh
# Review 23: "filters everywhere a report has them". `credit-notes` takes the
# report filters a note has (--segment, --period, --branch, --user), the
# payments tab's filter form has them, but the Credit Notes tab's filter form
# (c, then f) has none of them: Date range, Status, Reasons, Consumer,
# Remaining, Linked payment, Credit amount from/to only.
. tests/review/r23_lib.sh
r23_store c
tui_start "PAYDESK_CONFIG=$PAYDESK_CONFIG"
tui_wait "Username" || notok "login screen"
tui_keys sup Tab 482913 Enter
tui_wait "Branch B01" || notok "dashboard"
tui_keys c
tui_wait "credit notes" || notok "credit notes tab"
sleep 0.5; tui_keys f
tui_wait "Filter the credit notes" || notok "credit notes filter"
for f in Segment Period Branch User; do
	if tui_screen | grep -q "^    $f\( \|$\)"; then ok "credit notes filter: $f"; else notok "credit notes filter: no $f field (credit-notes --$(echo $f | tr A-Z a-z))"; fi
done
r23_done
