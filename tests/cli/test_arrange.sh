#!/bin/sh
# test_arrange.sh - debts that are worked (issue 21): the recovery role,
# payment arrangements made, paid, rescheduled and cancelled, their
# compliance, and all of it synced through a real paydesk-central to a
# second terminal. One central, two terminals, shared by every case.
. "${TOP:-.}/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

setup_org || exit 1
start_central || exit 1
t1() { pdt 1 "$@"; }
t2() { pdt 2 "$@"; }
# the recovery user rita (PIN 4321) signed in at terminal N
rec() { n=$1; shift; PAYDESK_PIN=4321 "$PD" --config "$T/t$n.ini" --user rita "$@"; }
sup1() { PAYDESK_PIN=2222 "$PD" --config "$T/t1.ini" --user mary "$@"; }
snap1() { sqlite3 "$T/t1.db" .dump | sha256sum | cut -c1-64; }
# refused1 NAME STATUS NEEDLE CMD...: refused, terminal 1's store unchanged
refused1() {
	before=$(snap1)
	expect "$@"
	after=$(snap1)
	if [ "$before" = "$after" ]; then ok "$1: store unchanged"
	else echo "not ok - $1: store changed"; fi
}

## 1. The recovery role
expect "terminal 2 syncs the fixture users" 0 "" t2 sync
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' \
    >"$T/rec.csv"
expect "the central node imports a recovery user" 0 "1 added" \
    central import ACME users "$T/rec.csv"
expect "terminal 1 syncs" 0 "" t1 sync
same "the recovery user reaches the terminal with her role" \
    "$(tsql 1 "SELECT role FROM users WHERE username = 'rita'")" recovery
printf 'username,full_name,role,pin\nrolf,Rolf Abt,recover,4321\n' \
    >"$T/bad-role.csv"
expect "a role that does not exist is refused, naming the roles" 3 \
    "must be cashier, recovery, supervisor or admin" \
    central import ACME users "$T/bad-role.csv"
refused1 "a terminal's import refuses it too" 3 "bad-role.csv:2:15: role" \
    env PAYDESK_PIN=9999 "$PD" --config "$T/t1.ini" --user admin import \
    users "$T/bad-role.csv"
expect "a recovery user does what a cashier does: records a payment" 0 \
    "Payment ID" rec 1 pay WU-10002 --type bill --method Cash --amount 80
PNO=$(sed -n 's/^Payment ID *//p' "$OUT" | head -1)
refused1 "a recovery user may not void (a supervisor's right)" 5 \
    "needs the supervisor role" rec 1 payment void "$PNO" --reason Mistake
## 2. An arrangement made, previewed first, refused when bad
# Ana Paz owes 600.34 on two bills and a service charge (odd cents)
printf 'account_no,name,service_address,phone,email,segment\nWU-20001,Ana Paz,2 Low Road,,,Residential\n' \
    >"$T/ana-c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-A1,WU-20001,Feb 2025,333.33,2025-03-01,2025-03-15\nINV-A2,WU-20001,Mar 2025,250.00,2025-04-01,2025-04-15\n' \
    >"$T/ana-b.csv"
printf 'ref,account_no,description,amount,service_date\nSRV-A1,WU-20001,Meter test,17.01,2025-05-20\n' \
    >"$T/ana-s.csv"
central import ACME consumers "$T/ana-c.csv" >/dev/null &&
    central import ACME bills "$T/ana-b.csv" >/dev/null &&
    central import ACME services "$T/ana-s.csv" >/dev/null ||
    echo "not ok - importing Ana Paz"
t1 sync >/dev/null; t2 sync >/dev/null
export PAYDESK_NOW=2025-06-01
TERMS="--installments 7 --frequency monthly --first-due 2025-07-31 --down 100 --grace 3 --misses 1"
refused1 "the preview writes nothing" 0 "Amount: \$71.52" \
    rec 1 arrangement preview WU-20001 $TERMS
has "the preview states the rule of the cents" "the last one takes the remainder"
# 500.34 after the down payment: 71.47 six times and 71.52; the 31st
# kept (Sep 30, Nov 30) over a year's end
same "the schedule to the cent, monthly on the 31st" "$(sed -n \
    's/^ *\([0-9]*\) [A-Za-z ]*; Due: \([0-9-]*\); Amount: \(.*\)$/\1 \2 \3/p' \
    "$OUT" | tr '\n' ' ')" "1 2025-06-01 \$100.00 2 2025-07-31 \$71.47 3 2025-08-31 \$71.47 4 2025-09-30 \$71.47 5 2025-10-31 \$71.47 6 2025-11-30 \$71.47 7 2025-12-31 \$71.47 8 2026-01-31 \$71.52 "
refused1 "a cashier may preview but not make one" 5 "needs the recovery role" \
    env PAYDESK_PIN=1234 "$PD" --config "$T/t1.ini" --user jane \
    arrangement create WU-20001 $TERMS --reason Hardship
refused1 "create without a reason: usage" 2 "--reason" \
    rec 1 arrangement create WU-20001 $TERMS
refused1 "an unknown account" 4 "WU-29999" \
    rec 1 arrangement create WU-29999 $TERMS --reason Hardship
refused1 "an unknown item" 4 "INV-NONE" \
    rec 1 arrangement create WU-20001 $TERMS --reason Hardship --items INV-A1,INV-NONE
refused1 "another consumer's item" 3 "belongs to another consumer" \
    rec 1 arrangement create WU-20001 $TERMS --reason Hardship --items INV-2025-001234
refused1 "an item named twice" 3 "named twice" \
    rec 1 arrangement create WU-20001 $TERMS --reason Hardship --items INV-A1,INV-A1
refused1 "no installments" 3 "--installments \"0\"" \
    rec 1 arrangement create WU-20001 $TERMS --installments 0 --reason Hardship
refused1 "installments that are no number" 3 "--installments \"7x\"" \
    rec 1 arrangement create WU-20001 $TERMS --installments 7x --reason Hardship
refused1 "an unknown frequency" 3 "must be weekly, fortnightly or monthly" \
    rec 1 arrangement create WU-20001 $TERMS --frequency daily --reason Hardship
refused1 "a first due date that is no day" 3 "2025-02-30" \
    rec 1 arrangement create WU-20001 $TERMS --first-due 2025-02-30 --reason Hardship
refused1 "a first due date in the past" 3 "must be today (2025-06-01) or later" \
    rec 1 arrangement create WU-20001 $TERMS --first-due 2025-05-31 --reason Hardship
refused1 "a down payment of the whole debt" 3 "less than the debt of \$600.34" \
    rec 1 arrangement create WU-20001 $TERMS --down 600.34 --reason Hardship
refused1 "installments under a cent each" 3 "7 installments of \$0.04" \
    rec 1 arrangement create WU-20001 $TERMS --down 600.30 --reason Hardship
refused1 "a down payment that is no amount" 3 "1e3" \
    rec 1 arrangement create WU-20001 $TERMS --down 1e3 --reason Hardship
refused1 "too many grace days" 3 "--grace \"91\"" \
    rec 1 arrangement create WU-20001 $TERMS --grace 91 --reason Hardship
refused1 "a blank reason" 3 "Reason" \
    rec 1 arrangement create WU-20001 $TERMS --reason ""
owed0=$(sup1 --json consumer show WU-20001 | tr -d ' \n' | sed -n 's/.*"total_outstanding":\([0-9]*\).*/\1/p')
expect "a recovery user makes the arrangement" 0 "AR-T01-000001" \
    rec 1 arrangement create WU-20001 $TERMS --reason Hardship
refused1 "an item under an arrangement is not taken twice" 3 \
    "under an arrangement" rec 1 arrangement create WU-20001 $TERMS \
    --reason Again --items INV-A1
owed1=$(sup1 --json consumer show WU-20001 | tr -d ' \n' | sed -n 's/.*"total_outstanding":\([0-9]*\).*/\1/p')
same "the outstanding is not counted twice" "$owed0/$owed1" "60034/60034"
run sup1 report aging --consumer WU-20001
same "aging counts the installments, not the items they replaced" \
    "$(grep -c 'INV-A1\|INV-A2\|SRV-A1' "$OUT")" 0
expect "doctor: balances hold with the moves" 0 "ok" pdt 1 doctor
