#!/bin/sh
# test_arrange.sh - payment arrangements at the screens (issue 21): a
# recovery user makes two plans with the command line, one is paid late
# and cancelled; in tmux a supervisor opens them from the Dashboard (r),
# filters them by status (F2) and opens one: its installments with their
# state. One store, one tmux server.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-06-01 10:00:00"
setup_store
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' \
    >"$T/rec.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/rec.csv" >/dev/null
rec() { PAYDESK_PIN=4321 "$PD" --user rita "$@"; }
# owed: the outstanding the dashboard reads, in minor units
owed() { sup --json kpi | tr -d ' \n' | sed -n 's/.*"outstanding":{"total":\([0-9]*\).*/\1/p'; }
out0=$(owed)
expect "John Doe's bills in a plan of three" 0 "AR-T01-000001" \
    rec arrangement create WU-10001 --installments 3 --frequency monthly \
    --first-due 2025-06-10 --grace 2 --misses 1 --reason Hardship
expect "a second plan for another consumer" 0 "AR-T01-000002" \
    rec arrangement create WU-10002 --installments 2 --frequency weekly \
    --first-due 2025-06-05 --reason Hardship
same "the plans do not change what is outstanding" "$(owed)" "$out0"
# the first installment paid on time, the second plan cancelled
expect "the first installment paid" 0 "Payment ID" rec pay WU-10001 \
    --type installment --items 'AR-T01-000001#1' --method Cash \
    --amount "$(sqlite3 "$DB" "SELECT printf('%.2f', amount / 100.0) FROM
    items WHERE ref = 'AR-T01-000001#1'")"
expect "the second plan cancelled" 0 "Cancelled" \
    rec arrangement cancel AR-T01-000002 --reason "Moved away"

out0=$(python3 -c "import sys; print('\${:,.2f}'.format(int(sys.argv[1]) / 100))" "$(owed)")
export PAYDESK_NOW="2025-08-01 10:00:00"
tui_start
login mary 2222
wait_for "the dashboard" "Dashboard"
wait_for "the dashboard's outstanding counts the arranged debt once" \
    "Total outstanding $out0"
keys r
wait_for "r opens the arrangements" "2 payment arrangements"
wait_for "each with its status" "AR-T01-000002  WU-10002"
wait_for "the first one's compliance: 1 on time of 2 due" "50.0%"
grab
same "the newest first, Cancelled with none due" \
    "$(grep -o 'AR-T01-00000[12] .*' "$SCREEN" | tr -s ' ' | cut -d' ' -f1-3 | tr '\n' ' ')" \
    "AR-T01-000002 WU-10002 Cancelled AR-T01-000001 WU-10001 Active "
keys F2
wait_for "F2: the Active ones" "1 payment arrangement: Active"
lacks "the cancelled one is not among them" "AR-T01-000002"
keys Enter
wait_for "Enter opens the plan" "AR-T01-000001  Active"
wait_for "its first installment on time" "On time"
wait_for "its second missed (due Jul 10, two days of grace)" "Missed"
wait_for "its third upcoming" "Upcoming"
wait_for "its misses against those allowed" "1 / 1"
keys Escape
wait_for "Esc back to the list" "1 payment arrangement: Active"
keys F2 F2 F2
wait_for "F2 in turn: the Cancelled ones" "1 payment arrangement: Cancelled"
keys F2
wait_for "and all again" "2 payment arrangements"
# a consumer's own, from the account view of the payment wizard
keys Escape
wait_for "Esc back to the dashboard" "Outstanding today"
keys n
wait_for "n: the search" "Search"
type_text WU-10002
keys Enter
wait_for "the account view" "Account details"
keys r
wait_for "r: José Núñez's plans only" "1 payment arrangement"
wait_for "his cancelled one" "AR-T01-000002  WU-10002   Cancelled"
tmux -S "$SOCK" kill-server
