#!/bin/sh
# Review 23: `report forecast --past 0` asks for no past weeks, yet the text
# still prints the past weeks' table header and "(none)" (without the line
# that says what the table is), between the weeks ahead and the totals.
. tests/review/r23_lib.sh
fc_store f
out=$(PAYDESK_NOW="2026-06-15 12:00:00" sup report forecast --weeks 2 --past 0)
if printf '%s\n' "$out" | grep -q 'Came In'; then
	notok "report forecast --past 0 prints a past weeks' table: $(printf '%s\n' "$out" | grep -A1 'Came In' | tr -s ' ' | tr '\n' '|')"
else
	ok "report forecast --past 0: no past weeks' table"
fi
r23_done
