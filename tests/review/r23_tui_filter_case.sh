#!/bin/sh
# paydesk(1): a method or channel filter is "as configured (in any case)",
# and the dashboard's filter fields take each value "as the option of the
# same name takes it". kpi --method cash counts the Cash payments; the
# dashboard's filter Method "cash" is accepted and named ("Filters: Method
# cash") but counts nothing: Total Collected $0.00 instead of $200.00
# (and Channel "walk-in" the same).
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
cli=$(run sup1 $SUP1 "$NOW" --json kpi --month 2026-02 --method cash | sed -n 's/.*"total_collected": *\([0-9]*\).*/\1/p' | head -1)
[ "$cli" = 20000 ] && ok "kpi --method cash counts 200.00" || notok "kpi --method cash: $cli"
tui_start sup1 $SUP1 "$NOW" || { notok "the dashboard did not open"; finish; }
keys Left; wait_for "February 2026" || { notok "no February"; finish; }
t=$(first_tile); [ "$t" = '$450.00' ] && ok "February's Total Collected is \$450.00" || notok "February's Total Collected: $t, expected \$450.00"
keys v; wait_for "Filter the dashboard's figures" || { notok "no filter screen"; finish; }
keys Tab Tab Tab Tab cash Enter
wait_for "Filters: Method cash" || { notok "filter not applied"; finish; }
t=$(first_tile)
[ "$t" = '$200.00' ] && ok "dashboard filter Method cash: \$200.00" ||
	notok "dashboard filter Method \"cash\": Total Collected $t, expected \$200.00 as kpi --method cash"
keys v; wait_for "Filter the dashboard's figures" || { notok "no filter screen"; finish; }
keys Tab Tab Tab Tab C-u Up walk-in Enter
wait_for "Filters: Channel walk-in" || { notok "filter not applied"; finish; }
t=$(first_tile)
[ "$t" = '$450.00' ] && ok "dashboard filter Channel walk-in: \$450.00" ||
	notok "dashboard filter Channel \"walk-in\": Total Collected $t, expected \$450.00 (every payment is Walk-in)"
finish
