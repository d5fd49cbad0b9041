#!/bin/sh
# test_dispute.sh - disputes of payments (issue 21): opened for a reason
# of [disputes] reasons, reviewed, upheld by a credit note or a void (a
# bounced cheque's service charge), rejected with a note, their age, due
# date and timeline, refusals that change nothing, and all of it synced
# through a real paydesk-central to a second terminal. One central, two
# terminals, shared by every case.
. "${TOP:-.}/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

PAYDESK_NOW=2025-05-01 setup_org || exit 1
PAYDESK_NOW=2026-02-01 start_central || exit 1
export PAYDESK_NOW=2025-05-02
t1() { pdt 1 "$@"; }
t2() { pdt 2 "$@"; }
# the recovery user rita (PIN 4321) and the supervisor mary at terminal N
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
val() { sed -n "s/^$1  *//p" "$OUT" | head -1; }

printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' \
    >"$T/rec.csv"
central import ACME users "$T/rec.csv" >/dev/null
# the organisation's bounced cheque charge, mastered by the central node
printf 'key,value\ndisputes.bounced_cheque_charge,15.00\n' >"$T/set.csv"
central import ACME settings "$T/set.csv" >/dev/null
t1 sync >/dev/null
# three payments of José Núñez (WU-10002) to dispute
for a in 80 40 25.50; do
	rec 1 pay WU-10002 --type bill --method Cash --amount $a >"$OUT" 2>&1
	sed -n 's/^Receipt number  *//p' "$OUT" | head -1 >>"$T/receipts"
done
R1=$(sed -n 1p "$T/receipts") R2=$(sed -n 2p "$T/receipts")
R3=$(sed -n 3p "$T/receipts")
[ -n "$R1" ] && [ -n "$R3" ] && ok "three payments to dispute" ||
    echo "not ok - three payments to dispute ($R1 $R3)"

## 1. Opening, and what is refused
refused1 "opening needs a sign-in" 5 "needs a logged-in user" t1 dispute open "$R1" \
    --reason chargeback
refused1 "a cashier may not open a dispute" 5 "needs the recovery role" \
    pdtc 1 dispute open "$R1" --reason chargeback
refused1 "a reason is required" 2 "needs --reason" rec 1 dispute open "$R1"
refused1 "an unknown reason is refused, naming the configured ones" 3 \
    "choose one of: chargeback, bounced-cheque, amount-contested, wrong-account, other" \
    rec 1 dispute open "$R1" --reason fraud
refused1 "an unknown payment is refused" 4 "" rec 1 dispute open R-NOPE-1 \
    --reason chargeback
expect "a recovery user opens a dispute (any case of the code)" 0 \
    "DP-T01-000001" rec 1 dispute open "$R1" --reason Amount-Contested \
    --note "Meter read twice"
has "it is Open" "Open"
has "its reason is shown in words" "Amount contested"
has "it is due [disputes] due_days (30) after it was opened" "2025-06-01"
has "its timeline names who opened it, with the note" "Meter read twice"
same "the reason is stored as its code" \
    "$(tsql 1 "SELECT reason FROM disputes")" amount-contested
refused1 "a second dispute of a payment with one unresolved is refused" 3 \
    "already has dispute DP-T01-000001" rec 1 dispute open "$R1" \
    --reason other

## 2. Review, uphold by a credit note
expect "put under review" 0 "Under review" rec 1 dispute review \
    DP-T01-000001 --note "Asked the meter team"
refused1 "reviewed twice is refused" 3 "is Under review already" \
    rec 1 dispute review DP-T01-000001
refused1 "upholding needs a supervisor" 5 "supervisor" rec 1 dispute \
    uphold DP-T01-000001 --credit 30
refused1 "uphold needs --void or --credit, not both" 2 "--void or --credit" \
    sup1 dispute uphold DP-T01-000001 --void --credit 30
refused1 "a credit above the payment is refused" 3 "" sup1 dispute uphold \
    DP-T01-000001 --credit 80.01
refused1 "a credit amount that is not money is refused" 3 "--credit" \
    sup1 dispute uphold DP-T01-000001 --credit 1e3
expect "a supervisor upholds it by a credit note" 0 "Resolved: upheld" \
    sup1 dispute uphold DP-T01-000001 --credit 30 --note "Refund the read"
has "the credit note made from it is named" "Credit note"
CN=$(tsql 1 "SELECT cn_no FROM credit_notes WHERE remarks = 'Dispute DP-T01-000001'")
[ -n "$CN" ] && has "its credit note's number" "$CN" ||
    echo "not ok - a credit note with the dispute in its remarks"
same "the credit note is of 30.00 against the disputed payment" \
    "$(tsql 1 "SELECT c.amount, p.receipt_no FROM credit_notes c JOIN payments p ON p.id = c.payment_id WHERE c.cn_no = '$CN'")" \
    "3000|$R1"
same "the timeline has its three steps" \
    "$(tsql 1 "SELECT group_concat(kind) FROM dispute_events")" \
    "open,review,uphold"
refused1 "a resolved dispute is final" 3 "is Resolved: upheld already" \
    rec 1 dispute reject DP-T01-000001 --note late

## 3. Rejected with a note
expect "a second dispute, of another payment" 0 "DP-T01-000002" \
    rec 1 dispute open "$R2" --reason chargeback
refused1 "rejecting needs a note" 2 "needs --note" rec 1 dispute reject \
    DP-T01-000002
expect "rejected with a note, straight from Open" 0 "Resolved: rejected" \
    rec 1 dispute reject DP-T01-000002 --note "Card holder confirmed"
has "the note is in its timeline" "Card holder confirmed"

## 4. A bounced cheque: the payment reversed, a service charge added
expect "a bounced cheque's dispute" 0 "DP-T01-000003" rec 1 dispute open \
    "$R3" --reason bounced-cheque
refused1 "a bounced cheque is reversed, not credited" 3 "reversed (--void)" \
    sup1 dispute uphold DP-T01-000003 --credit 5
expect "upheld by a void" 0 "Payment voided" sup1 dispute uphold \
    DP-T01-000003 --void
has "the service charge it added" "DP-T01-000003-CHG"
same "the payment is voided for the dispute" \
    "$(tsql 1 "SELECT p.status, v.reason FROM payments p JOIN voids v ON v.payment_id = p.id WHERE p.receipt_no = '$R3'")" \
    "Voided|Dispute DP-T01-000003 upheld"
same "the charge is a new open item of the consumer, 15.00, due today" \
    "$(tsql 1 "SELECT i.kind, i.amount, i.settled, i.due_on, c.account_no FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE i.ref = 'DP-T01-000003-CHG'")" \
    "service|1500|0|2025-05-02|WU-10002"

expect "the store is sound after the steps (seals, balances, audit chain)" \
    0 "ok" t1 doctor

## 5. The list, age and overdue days
expect "the list" 0 "DP-T01-000003" rec 1 dispute list
expect "the unresolved ones: none now" 0 "" rec 1 dispute list --status \
    unresolved
same "no row" "$(grep -c DP-T01 "$OUT")" 0
expect "an unknown status is refused" 2 "Unknown dispute status" \
    rec 1 dispute list --status pending
expect "a fourth, left open" 0 "DP-T01-000004" rec 1 dispute open "$R2" \
    --reason wrong-account
PAYDESK_NOW=2025-06-11 expect "41 days later: its age" 0 "" sup1 --json \
    dispute show DP-T01-000004
has "age 40 days" '"age": 40'
has "10 days past its due date" '"overdue": 10'
PAYDESK_NOW=2025-06-11 expect "a resolved one's age stops at its resolution" \
    0 '"age": 0' sup1 --json dispute show DP-T01-000002
has "and it is overdue by none" '"overdue": 0'
PAYDESK_NOW=2025-06-11 expect "the unresolved list has the open one" 0 \
    "DP-T01-000004" rec 1 dispute list --status unresolved --consumer WU-10002

## 6. Synced: the central node applies and checks, a second terminal sees
expect "terminal 1 pushes its disputes" 0 "" t1 sync
same "the central node holds the four disputes and eight steps" \
    "$(csql "SELECT (SELECT count(*) FROM disputes), (SELECT count(*) FROM dispute_events)")" \
    "4|8"
same "with their statuses" \
    "$(csql "SELECT group_concat(status) FROM (SELECT status FROM disputes ORDER BY dispute_no) x")" \
    "upheld,rejected,upheld,open"
same "and the service charge item" \
    "$(csql "SELECT amount FROM items WHERE ref = 'DP-T01-000003-CHG'")" 1500
same "nothing was refused" "$(csql "SELECT group_concat(reason) FROM sync_log")" ""
expect "terminal 2 pulls" 0 "" t2 sync
PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary --json dispute \
    show DP-T01-000001 >"$T/t2.json" 2>&1
PAYDESK_PIN=2222 "$PD" --config "$T/t1.ini" --user mary --json dispute \
    show DP-T01-000001 >"$T/t1.json" 2>&1
same "terminal 2 sees dispute 1 as terminal 1 does, timeline and credit note" \
    "$(cat "$T/t2.json")" "$(cat "$T/t1.json")"
same "terminal 2 has the bounced cheque's charge and its void" \
    "$(tsql 2 "SELECT (SELECT amount FROM items WHERE ref = 'DP-T01-000003-CHG'), (SELECT status FROM payments WHERE receipt_no = '$R3')")" \
    "1500|Voided"

## 7. The reconnection list (issue 21): who was on the disconnection list
# within [disconnection] days (60) and has paid below its amount (100.00)
# or made an arrangement since. On Jul 1 John Doe (WU-10001) owes 313.00
# on 4 items due by May 2, Acme Bakery (WU-10003) 1,200.00 on one.
export PAYDESK_NOW=2025-07-01
rc1() { rec 1 --csv reconnections | tail -n +2 | tr -d '\r' | tr '\n' ' '; }
dc1() { rec 1 --csv disconnections | tail -n +2 | cut -d, -f1 | tr -d '\r' | tr '\n' ' '; }
same "Jul 1, before anything: both on the disconnection list" "$(dc1)" \
    "WU-10003 WU-10001 "
same "and nobody on the reconnection list" "$(rc1)" ""
expect "John Doe pays one bill, 145.50" 0 "Payment ID" rec 1 pay WU-10001 \
    --type bill --items INV-2025-001234 --method Cash --amount 145.50
same "167.50 still overdue: still to disconnect, not to reconnect" \
    "$(dc1)|$(rc1)" "WU-10003 WU-10001 |"
expect "and a service charge, 75.00" 0 "Payment ID" rec 1 pay WU-10001 \
    --type service --items SRV-2025-0418 --method Cash --amount 75
same "92.50 overdue now: off the disconnection list" "$(dc1)" "WU-10003 "
same "on the reconnection list: was 313.00 on Jul 1, 92.50 now, paid" \
    "$(rc1)" "WU-10001,John Doe,313.00,2025-07-01,92.50,Paid "
expect "Acme Bakery makes an arrangement of its 1,200.00" 0 "AR-T01-" \
    rec 1 arrangement create WU-10003 --installments 3 --frequency monthly \
    --first-due 2025-07-31 --reason Hardship
same "nobody left to disconnect" "$(dc1)" ""
same "both to reconnect, Acme Bakery for its arrangement" "$(rc1)" \
    "WU-10001,John Doe,313.00,2025-07-01,92.50,Paid WU-10003,Acme Bakery Ltd,1200.00,2025-07-01,0.00,Arrangement "
expect "the list as text, in words" 0 "Arrangement" rec 1 reconnections
has "with the amounts in the organisation's format" '$1,200.00'
same "60 days on, Sep 15: what happened on Jul 1 is past the window" \
    "$(PAYDESK_NOW=2025-09-15 rc1)" ""
expect "a cashier may not read it" 5 "recovery" pdtc 1 reconnections
