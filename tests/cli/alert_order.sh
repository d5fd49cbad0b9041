# alert_order.sh - sourced by test_dispute.sh after its alerts at two
# terminals: the central node weighs an alert's steps in the order they
# were made, not the order they came (helper-233, faults 4 and 6).
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-2025-009006,WU-10002,May 2025,46.00,2025-05-01,2025-05-28\n' >"$T/late6.csv"
central import ACME bills "$T/late6.csv" >/dev/null
for n in 1 2; do PAYDESK_NOW="2025-07-02 17:00:00" t$n sync >/dev/null; done
O6=$(tsql 1 "SELECT cause FROM alerts WHERE ref = 'INV-2025-009006'")
same "both terminals raised the bill at 17:00" \
    "$(tsql 1 "SELECT raised_at FROM alerts WHERE cause = '$O6'")/$(tsql 2 "SELECT raised_at FROM alerts WHERE cause = '$O6'")" \
    "2025-07-02 17:00:00/2025-07-02 17:00:00"
# closed at terminal 1 at 17:10; acknowledged, assigned and noted at
# terminal 2 at 17:11-17:13, both offline; terminal 2 syncs first. The
# history had read "Closed, then Acknowledged": the close is refused,
# the work after it stands
PAYDESK_NOW="2025-07-02 17:10:00" rec 1 alerts close "$(aid 1 "$O6")" >/dev/null &&
    PAYDESK_NOW="2025-07-02 17:11:00" rec 2 alerts ack "$(aid 2 "$O6")" >/dev/null &&
    PAYDESK_NOW="2025-07-02 17:12:00" rec 2 alerts assign "$(aid 2 "$O6")" rita >/dev/null &&
    PAYDESK_NOW="2025-07-02 17:13:00" rec 2 alerts note "$(aid 2 "$O6")" "Visit booked" >/dev/null ||
    echo "not ok - the alert worked at both terminals offline"
for n in 2 1 2 1; do PAYDESK_NOW="2025-07-02 17:20:00" t$n sync >/dev/null 2>&1; done
same "terminal 2: worked at 17:11-17:13, not closed" "$(shownall 2 "$O6")" \
    "Acknowledged 17:00:00 17:00:00 Raised 17:11:00 Acknowledged 17:12:00 Assigned 17:13:00 Note"
same "terminal 1: the same, its close undone" "$(shownall 1 "$O6")" "$(shownall 2 "$O6")"
same "assigned to rita at both" "$(astate 1 "$O6" | cut -d'|' -f1,2) $(astate 2 "$O6" | cut -d'|' -f1,2)" \
    "acknowledged|rita acknowledged|rita"
expect "terminal 1's quarantine says why its close was not taken" 0 \
    "was worked after this close was made (acknowledged by rita at 2025-07-02 17:11:00): the close is not taken" \
    sup1 sync --quarantine
# the other way: a note made at terminal 1 at 17:30, before terminal 2's
# close of 17:35 that came first, is taken and listed before it (it was
# refused: "Closed: it cannot be changed")
PAYDESK_NOW="2025-07-02 17:30:00" rec 1 alerts note "$(aid 1 "$O6")" "Called at noon" >/dev/null &&
    PAYDESK_NOW="2025-07-02 17:35:00" rec 2 alerts close "$(aid 2 "$O6")" >/dev/null ||
    echo "not ok - noted at terminal 1, closed at terminal 2, offline"
PAYDESK_NOW="2025-07-02 17:40:00" t2 sync >/dev/null
PAYDESK_NOW="2025-07-02 17:40:00" expect "terminal 1's note is taken after the close came" 0 \
    "Rejected    0" t1 sync
PAYDESK_NOW="2025-07-02 17:40:00" t2 sync >/dev/null
same "terminal 1: the note before the close, Closed" "$(shownall 1 "$O6")" \
    "Closed 17:00:00 17:00:00 Raised 17:11:00 Acknowledged 17:12:00 Assigned 17:13:00 Note 17:30:00 Note 17:35:00 Closed"
same "terminal 2: the same" "$(shownall 2 "$O6")" "$(shownall 1 "$O6")"
PAYDESK_NOW="2025-07-02 17:45:00" rec 1 alerts close "$(aid 1 "$O6")" >/dev/null 2>&1
same "closed again at terminal 1: refused there at once" "$?" 3

# the end of a cause seen by a terminal that did not know the alert yet
# (helper-233, fault 4: it was kept there alone; once the alert came,
# the other terminal's later end replaced it): paid at terminal 2 at
# 18:01, its pass ends its own alert there; terminal 1 worked the same
# alert at 18:00 and pulls the payment at 18:10. Both keep 18:01, and
# list the steps in the order of their times
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-2025-009007,WU-10002,May 2025,47.00,2025-05-01,2025-05-29\n' >"$T/late7.csv"
central import ACME bills "$T/late7.csv" >/dev/null
for n in 1 2; do PAYDESK_NOW="2025-07-02 17:50:00" t$n sync >/dev/null; done
O7=$(tsql 1 "SELECT cause FROM alerts WHERE ref = 'INV-2025-009007'")
PAYDESK_NOW="2025-07-02 18:00:00" rec 1 alerts ack "$(aid 1 "$O7")" >/dev/null ||
    echo "not ok - terminal 1 acknowledges it"
PAYDESK_NOW="2025-07-02 18:01:00" expect "the bill paid at terminal 2, offline" 0 "Payment ID" \
    rec 2 pay WU-10002 --type bill --items INV-2025-009007 --method Cash --amount 47
same "terminal 2's pass ended its own alert at 18:01" \
    "$(tsql 2 "SELECT status || ' ' || (SELECT min(at) FROM alert_notes WHERE alert_id = alerts.id AND action = 'ended') FROM alerts WHERE cause = '$O7'")" \
    "closed 2025-07-02 18:01:00"
PAYDESK_NOW="2025-07-02 18:05:00" t1 sync >/dev/null
PAYDESK_NOW="2025-07-02 18:10:00" t2 sync >/dev/null
PAYDESK_NOW="2025-07-02 18:10:00" t1 sync >/dev/null
for n in 2 1 2 1; do PAYDESK_NOW="2025-07-02 18:15:00" t$n sync >/dev/null; done
same "terminal 2: acknowledged at 18:00, its cause ended at 18:01" "$(shownall 2 "$O7")" \
    "Closed 17:50:00 17:50:00 Raised 18:00:00 Acknowledged 18:01:00 Closed: its cause ended"
same "terminal 1: the same, not the 18:10 its own pass saw" "$(shownall 1 "$O7")" "$(shownall 2 "$O7")"
same "the central node's earliest end is 18:01" \
    "$(csql "SELECT min(n.at) FROM alert_notes n JOIN alerts a ON a.id = n.alert_id WHERE a.cause = '$O7' AND n.username = 'system' AND n.action IN ('closed', 'ended')")" \
    "2025-07-02 18:01:00"
# the same of a plan made at both terminals offline: Jo Paz's bill,
# 48 days overdue, its alert acknowledged at terminal 1; terminal 1
# arranges it at 19:05, terminal 2 at 19:10 and syncs first. Terminal
# 1's end ("under an arrangement") is refused with its plan; every node
# dates the end 19:10, terminal 2's
printf 'account_no,name,service_address,phone,email,segment\nWU-10091,Jo Paz,14 High Road,,,Residential\n' >"$T/jo-c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-2025-009091,WU-10091,May 2025,50.00,2025-05-01,2025-05-15\n' >"$T/jo-b.csv"
central import ACME consumers "$T/jo-c.csv" >/dev/null && central import ACME bills "$T/jo-b.csv" >/dev/null || echo "not ok - importing Jo Paz"
for n in 1 2; do PAYDESK_NOW="2025-07-02 18:50:00" t$n sync >/dev/null; done
JD=$(tsql 1 "SELECT cause FROM alerts WHERE kind = 'item-overdue' AND ref = 'INV-2025-009091'")
same "both terminals raised INV-2025-009091 overdue" "$(tsql 2 "SELECT count(*) FROM alerts WHERE cause = '$JD'")" 1
PAYDESK_NOW="2025-07-02 19:00:00" rec 1 alerts ack "$(tsql 1 "SELECT id FROM alerts WHERE cause = '$JD'")" >/dev/null ||
    echo "not ok - terminal 1 acknowledges INV-2025-009091 overdue"
for n in 1 2; do PAYDESK_NOW="2025-07-02 19:01:00" t$n sync >/dev/null; done
PAYDESK_NOW="2025-07-02 19:05:00" rec 1 arrangement create WU-10091 --installments 2 --frequency weekly --first-due 2025-07-20 --reason Hardship >/dev/null &&
    PAYDESK_NOW="2025-07-02 19:10:00" rec 2 arrangement create WU-10091 --installments 2 --frequency weekly --first-due 2025-07-20 --reason Hardship >/dev/null ||
    echo "not ok - Jo Paz's bill arranged at both terminals offline"
for n in 2 1 2 1; do PAYDESK_NOW="2025-07-02 19:20:00" t$n sync >/dev/null 2>&1; done
same "terminal 2: closed at 19:10, by its plan" "$(alert_hist 2 "$JD")" \
    "Closed 19:00 rita Acknowledged / 19:10 system Closed: its cause ended: INV-2025-009091 is under an arrangement"
same "terminal 1: the same, its own end of 19:05 undone with its plan" "$(alert_hist 1 "$JD")" "$(alert_hist 2 "$JD")"
same "the central node's ends: 19:10 alone" \
    "$(csql "SELECT group_concat(n.at, ',') FROM alert_notes n JOIN alerts a ON a.id = n.alert_id WHERE a.cause = '$JD' AND n.username = 'system' AND n.action IN ('closed', 'ended')")" \
    "2025-07-02 19:10:00"

# an uphold by void refused (terminal 2 rejected the dispute first) of a
# payment whose large-payment alert was worked (helper-234, fault 5: the
# void's alert step came between the void and its uphold in the outbox,
# and the central node, which takes the two together only side by side,
# applied the void alone: Voided at the central node and terminal 2,
# Posted at terminal 1)
central import ACME settings --update "$T/alerts_on.csv" >/dev/null
for n in 1 2; do PAYDESK_NOW="2025-07-02 20:00:00" t$n sync >/dev/null; done
lp() {
	PAYDESK_NOW="2025-07-02 20:00:00" rec 1 pay WU-10003 --type bill --method Cash --amount 25 >"$OUT" 2>&1
	LR=$(sed -n 's/^Receipt number  *//p' "$OUT" | head -1)
	LC=$(tsql 1 "SELECT a.cause FROM alerts a JOIN payments p ON p.id = a.payment_id WHERE p.receipt_no = '$LR'")
	LD=$(PAYDESK_NOW="2025-07-02 20:01:00" rec 1 dispute open "$LR" --reason other | sed -n 's/^Dispute  *//p')
}
lp; R8=$LR L8=$LC D8=$LD
PAYDESK_NOW="2025-07-02 20:02:00" rec 1 alerts ack "$(aid 1 "$L8")" >/dev/null ||
    echo "not ok - terminal 1 acknowledges the large payment $R8"
for n in 1 2 1; do PAYDESK_NOW="2025-07-02 20:05:00" t$n sync >/dev/null; done
PAYDESK_NOW="2025-07-02 20:20:00" sup1 dispute uphold "$D8" --void --note Upheld >/dev/null &&
    PAYDESK_NOW="2025-07-02 20:21:00" rec 2 dispute reject "$D8" --note Rejected >/dev/null ||
    echo "not ok - $D8 upheld by void at terminal 1, rejected at terminal 2, offline"
for n in 2 1 2 1; do PAYDESK_NOW="2025-07-02 20:30:00" t$n sync >/dev/null 2>&1; done
pstat() { tsql "$1" "SELECT status FROM payments WHERE receipt_no = '$2'"; }
same "$R8 Posted at both terminals and the central node: its void refused with the uphold" \
    "$(pstat 1 "$R8") $(pstat 2 "$R8") $(csql "SELECT status FROM payments WHERE receipt_no = '$R8'")" \
    "Posted Posted Posted"
same "its alert Acknowledged at both, one alert of it at each (no #2)" \
    "$(tsql 1 "SELECT group_concat(status) FROM alerts WHERE cause LIKE '$L8%'") $(tsql 2 "SELECT group_concat(status) FROM alerts WHERE cause LIKE '$L8%'")" \
    "acknowledged acknowledged"
same "its history the same at both" "$(alert_hist 1 "$L8")" "$(alert_hist 2 "$L8")"
# the same with the alert not worked (fault 6: the refused void's end,
# noted at terminal 1 alone, kept the alert Closed there and raised a #2;
# once terminal 2 worked the alert, that end went out and closed it
# everywhere): the end taken back with the void
lp; R9=$LR L9=$LC D9=$LD
for n in 1 2 1; do PAYDESK_NOW="2025-07-02 20:35:00" t$n sync >/dev/null; done
PAYDESK_NOW="2025-07-02 20:40:00" sup1 dispute uphold "$D9" --void --note Upheld >/dev/null &&
    PAYDESK_NOW="2025-07-02 20:41:00" rec 2 dispute reject "$D9" --note Rejected >/dev/null ||
    echo "not ok - $D9 upheld by void at terminal 1, rejected at terminal 2, offline"
same "terminal 1's void closed the alert there" "$(tsql 1 "SELECT status FROM alerts WHERE cause = '$L9'")" closed
for n in 2 1 2 1; do PAYDESK_NOW="2025-07-02 20:45:00" t$n sync >/dev/null 2>&1; done
same "once the void was refused: the alert Open at terminal 1 again, no #2" \
    "$(tsql 1 "SELECT group_concat(status) FROM alerts WHERE cause LIKE '$L9%'")" "open"
PAYDESK_NOW="2025-07-02 20:50:00" rec 2 alerts note "$(aid 2 "$L9")" "Verify with bank" >/dev/null ||
    echo "not ok - terminal 2 notes the large payment's alert"
for n in 2 1 2 1; do PAYDESK_NOW="2025-07-02 20:55:00" t$n sync >/dev/null 2>&1; done
same "worked at terminal 2: Open at both and the central node, its end never sent" \
    "$(tsql 1 "SELECT group_concat(status) FROM alerts WHERE cause LIKE '$L9%'") $(tsql 2 "SELECT group_concat(status) FROM alerts WHERE cause LIKE '$L9%'") $(csql "SELECT group_concat(status) FROM alerts WHERE cause LIKE '$L9%'")" \
    "open open open"
same "the same history at both: raised, the note" "$(alert_hist 1 "$L9")" "$(alert_hist 2 "$L9")"
same "... which is terminal 2's note alone" "$(alert_hist 2 "$L9")" "Open 20:50 rita Note: Verify with bank"
# the disputes in one order at both terminals (fault 7: ties of one due
# date by each store's row id)
same "dispute list in the same order at both terminals" \
    "$(sup1 --csv dispute list --scope org | cut -d, -f1 | tr '\n' ' ')" \
    "$(PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary --csv dispute list --scope org | cut -d, -f1 | tr '\n' ' ')"
central import ACME settings --update "$T/alerts_off.csv" >/dev/null
for n in 1 2; do PAYDESK_NOW="2025-07-02 21:00:00" t$n sync >/dev/null; done
