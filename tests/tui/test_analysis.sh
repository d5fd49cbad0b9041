# test_analysis.sh - the billing manager's analysis in the screens (issue
# 23): the Anomalies screen (i on the dashboard) against `report
# anomalies`, its days ([ ]) and its export.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-05-20 12:00:00"
EXP="$T/exports"
printf '[exports]\ndir = %s\n' "$EXP" >>"$PAYDESK_CONFIG"
setup_store
J() { PAYDESK_NOW="2025-05-20 $1" PAYDESK_PIN=1234 "$PD" --user jane pay \
    WU-10002 --type bill --method Cash --amount 5 >/dev/null; }
# three payments of WU-10002 within 40 minutes: the burst rule
J 10:00:00; J 10:15:00; J 10:40:00
sup --csv report anomalies >"$T/an.csv"
same "the CLI finds the burst" "$(cut -d, -f1,2 "$T/an.csv" | tail -n +2)" \
    "Many payments,José Núñez"

tui_start
login mary 2222
wait_for "the dashboard" "Total Collected"
keys i
wait_for "i: the anomalies of today" "1 anomaly, each with its rule"
wait_for "i: the burst's row" "Many payments"
wait_for "i: the chosen row's reason whole, as the CLI words it" \
    "3 payments of \$15.00 from 10:00:00 to 10:40:00, within 60 minutes"
wait_for "i: the scope above the list" "Branch B01"
keys '['
wait_for "[: the day before, none" "0 anomalies"
wait_for "[: says so" "breaks a rule"
keys ']'
wait_for "]: back to the day" "1 anomaly"
keys x
wait_for "x: the export dialog" "Export the anomalies of the day"
keys Enter
wait_for "x: the CSV is written" "Exported 1 row"
same "the export is the CLI's" "$(cat "$EXP"/anomalies-*.csv)" \
    "$(cat "$T/an.csv")"
keys Escape
wait_for "Esc: the dashboard again" "Total Collected"
