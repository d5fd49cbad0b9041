#!/bin/sh
# paydesk(1) report deteriorating: "Days to pay (oldest first; empty when
# only the aging criterion lists the consumer), Growth (the last less the
# first, in days)". A consumer listed by aging alone has no days to pay, so
# no growth; the report shows Growth 0 (text, CSV and JSON growth_days 0),
# which reads as "paying no later", and exports give a number that is none.
# A-3 owes B4's 150.00 (due 2026-02-25) and more; its oldest open item moved 31-60 -> 61-90 ->
# 90+ at the month ends of March, April, May (oldest open item B4).
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-06-10 10:00:00"
j=$(run admin $ADMIN "$NOW" --json report deteriorating 2>&1)
row=$(printf '%s\n' "$j" | grep '"account_no":"A-3"')
[ -n "$row" ] || { notok "A-3 is not listed by the aging criterion: $j"; finish; }
printf '%s\n' "$row" | grep -q '"days":""' || { notok "A-3 has days to pay: $row"; finish; }
printf '%s\n' "$row" | grep -q '"growth_days":0[,}]' &&
	notok "A-3, listed by aging alone (no days to pay), has growth_days 0: $row" ||
	ok "no growth where there are no days to pay"
finish
