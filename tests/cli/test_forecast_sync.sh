#!/bin/sh
# test_forecast_sync.sh - the cash-flow forecast of an organisation's
# terminals (issue 23, review R23b): a past week's forecast holds the
# items known at its first day, known from the organisation's entry day,
# set once where an item was first recorded (the central node's import,
# the terminal that made it) and carried with it through sync, so that a
# terminal that pulls an item later, or joins late, forecasts a past week
# as every other terminal does. One central node (either backend,
# PAYDESK_TEST_BACKEND), terminal 1 from the start, terminal 2 joining
# late.
. "${TOP:-.}/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

# Weeks from Monday. W is the week of 2026-03-23; the report is made on
# 2026-04-07 with three past weeks (03-16, 03-23, 03-30).
#   H-1 paid H1 (50.00, due 02-20) on time on 02-10: every history of W
#     (H-1's own, the organisation's) is 1/1 on time.
#   L1 (H-1, 100.00) issued 03-27, due 03-28, imported at the central node
#     on 03-02 (before W: in W's forecast, as it stood at 03-23).
#   A-2's A1 (120.00, due 04-30) arranged at terminal 1 on 03-10 in two
#     weekly installments of 60.00 from 03-25: #1 due in W (known from
#     03-10, the day it was made).
#   L2 (H-1, 40.00) issued and imported 03-25, due 03-27: in W, but not
#     known at its first day: none of W's forecast.
#   L3 (H-1, 10.00) issued 03-01, due 04-20, imported with L1, comes to
#     terminal 2 without an entry day (as from a central node of before
#     them): the day it pulled it (its issue date makes it known before W).
# W as it stood: open 160.00 (L1 100.00, #1 60.00), forecast 160.00
# (H-1 at 1/1, A-2 at the organisation's 1/1), at both terminals.
W=2026-03-23
export PAYDESK_NOW="2026-01-15 09:00:00"
central org add ACME "Acme Water" >/dev/null
relax ACME || echo "not ok - relax ACME"
printf 'username,full_name,role,pin\nmary,Mary Johnson,supervisor,2222\nrita,Rita Ochoa,recovery,4321\n' >"$T/users.csv"
printf 'account_no,name,service_address,phone,email,segment\nH-1,Hal Hale,1 Road,,,Residential\nA-2,Ann Arrow,2 Road,,,Residential\n' >"$T/c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nH1,H-1,Feb 2026,50.00,2026-02-01,2026-02-20\nA1,A-2,Mar 2026,120.00,2026-03-01,2026-04-30\n' >"$T/b0.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nL1,H-1,Mar 2026,100.00,2026-03-27,2026-03-28\nL3,H-1,Mar 2026,10.00,2026-03-01,2026-04-20\n' >"$T/b1.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nL2,H-1,Mar 2026,40.00,2026-03-25,2026-03-27\n' >"$T/b2.csv"
central import ACME users "$T/users.csv" >/dev/null &&
    central import ACME consumers "$T/c.csv" >/dev/null &&
    central import ACME bills "$T/b0.csv" >/dev/null ||
    echo "not ok - the organisation's consumers and bills"
# (the central node's day is after the terminals'; an import's is its own)
PAYDESK_NOW="2026-04-07 08:00:00" start_central || exit 1
run central terminal add ACME B01 T01
TOK1=$(token_of)
PAYDESK_NOW="2026-02-01 09:00:00" terminal 1 "$TOK1"
t1() { pdt 1 "$@"; }
sup() { n=$1; shift; PAYDESK_PIN=2222 "$PD" --config "$T/t$n.ini" --user mary "$@"; }
PAYDESK_NOW="2026-02-01 09:00:00" t1 sync >/dev/null || echo "not ok - terminal 1's first sync"
expect "terminal 1 takes H1 on time" 0 "Payment ID" env PAYDESK_NOW="2026-02-10 10:00:00" \
    PAYDESK_PIN=4321 "$PD" --config "$T/t1.ini" --user rita pay H-1 --type bill \
    --items H1 --method Cash --amount 50
PAYDESK_NOW="2026-03-02 09:00:00" central import ACME bills "$T/b1.csv" >/dev/null ||
    echo "not ok - L1 imported"
PAYDESK_NOW="2026-03-02 10:00:00" t1 sync >/dev/null || echo "not ok - terminal 1 pushes H1's payment, pulls L1"
expect "terminal 1 arranges A1 on 03-10" 0 "Arrangement" env PAYDESK_NOW="2026-03-10 10:00:00" \
    PAYDESK_PIN=4321 "$PD" --config "$T/t1.ini" --user rita arrangement create A-2 \
    --items A1 --installments 2 --frequency weekly --first-due 2026-03-25 --reason Hardship
PLAN=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
PAYDESK_NOW="2026-03-10 10:05:00" t1 sync >/dev/null || echo "not ok - terminal 1 pushes $PLAN"
same "nothing refused" "$(tsql 1 "SELECT count(*) FROM outbox WHERE rejected_at IS NOT NULL")" 0

# L3 as a central node of before entry days sends it (none in its
# record): its entry row taken out of the central node's store (SQLite)
if [ "$BACKEND" = sqlite ]; then
	sqlite3 "$CDB" "DROP TRIGGER item_entries_no_delete; DELETE FROM item_entries WHERE item_id = (SELECT id FROM items WHERE ref = 'L3')"
fi
# terminal 2 joins on W's Tuesday: its first pull brings L1 and the plan
run central terminal add ACME B02 T02
TOK2=$(token_of)
PAYDESK_NOW="2026-03-24 09:00:00" terminal 2 "$TOK2"
PAYDESK_NOW="2026-03-24 09:00:00" pdt 2 sync >/dev/null || echo "not ok - terminal 2's first sync"
# L2, imported during W; terminal 1 pulls it on 03-26, terminal 2 on 04-06
PAYDESK_NOW="2026-03-25 09:00:00" central import ACME bills "$T/b2.csv" >/dev/null ||
    echo "not ok - L2 imported"
PAYDESK_NOW="2026-03-26 09:00:00" t1 sync >/dev/null
PAYDESK_NOW="2026-04-06 09:00:00" pdt 2 sync >/dev/null

# the entry days, as the organisation set them, at every node
ent() { # ent NODE REF-PATTERN: the entry days of the items, by reference
	q="SELECT i.ref || '=' || e.entered_on FROM items i JOIN item_entries e ON e.item_id = i.id WHERE i.ref LIKE '$2' ORDER BY i.ref"
	if [ "$1" = c ]; then csql "$q"; else tsql "$1" "$q"; fi | tr '\n' ' '
}
for n in c 1 2; do
	same "node $n: L1 entered on its import at the central node (03-02), L2 on its own (03-25)" \
	    "$(ent $n L1)$(ent $n L2)" "L1=2026-03-02 L2=2026-03-25 "
	same "node $n: $PLAN's installments entered the day terminal 1 made them (03-10)" \
	    "$(ent $n "$PLAN#%")" "$PLAN#1=2026-03-10 $PLAN#2=2026-03-10 "
done

if [ "$BACKEND" = sqlite ]; then
	same "L3, pulled without an entry day: entered the day each terminal pulled it" \
	    "$(ent 1 L3)$(ent 2 L3)" "L3=2026-03-02 L3=2026-03-24 "
else
	echo "# skip - L3 without an entry day: the SQLite central node's store alone"
fi

# the past weeks, as they stood, alike at both terminals
wk() { # wk N: terminal N's past weeks, "week open forecast|" each
	PAYDESK_NOW="2026-04-07 10:00:00" sup "$1" --json report forecast --weeks 2 --past 3 |
	    python3 -c 'import json,sys
print("".join("%s %d %d|" % (w["week"], w["open"], w["forecast"]) for w in json.load(sys.stdin)["past"]))'
}
w1=$(wk 1) w2=$(wk 2)
same "the past weeks alike at terminal 1 and terminal 2 (joined late)" "$w1" "$w2"
same "W as it stood at its first day: L1 (imported before) and #1 (made before), 160.00 at 1/1" \
    "$(echo "$w2" | tr '|' '\n' | grep "^$W ")" "$W 16000 16000"
for n in 1 2; do
	same "terminal $n's past weeks as the method written again" "$(wk $n)" \
	    "$(python3 "$TOP/tests/cli/forecast_check.py" "$T/t$n.db" 2026-04-07 monday 2 3 |
	        awk '$1 == "past" {printf "%s %s %s|", $2, $4, $5}')"
done
# and the weeks ahead: the same items, the same histories
ah() { PAYDESK_NOW="2026-04-07 10:00:00" sup "$1" --json report forecast --weeks 4 --past 0 |
	python3 -c 'import json,sys
print("".join("%s %d %d|" % (w["week"], w["open"], w["forecast"]) for w in json.load(sys.stdin)["weeks"]))'; }
same "the weeks ahead alike at both terminals" "$(ah 1)" "$(ah 2)"
expect "terminal 2's doctor passes" 0 "ok" pdt 2 doctor
