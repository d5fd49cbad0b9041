# alerts_ended.sh - sourced by test_alerts.sh (its store, users and
# helpers): the alerts of items, credit notes and payments close
# themselves when their cause no longer holds, and a cause that comes back
# is a new alert (review 21b, fault 8b: an item paid in full, a note
# expired, a payment voided left their alerts Open in the inbox and the
# header's count). Each way each cause goes away, at once in the use case
# that ends it (or at the day's pass for time), by "system" with why and
# when; its coming back; and a cause a user closed, not raised again.

# st REF KIND: the statuses of the alerts of kind KIND about REF, oldest first
st() { sqlite3 "$DB" "SELECT group_concat(status, ' ') FROM (SELECT status FROM alerts WHERE kind = '$2' AND ref = '$1' ORDER BY id)"; }
# last_id REF KIND: its newest alert's id
last_id() { sqlite3 "$DB" "SELECT max(id) FROM alerts WHERE kind = '$2' AND ref = '$1'"; }
# ended ID: who closed alert ID, how, when and why (its last history entry)
ended() { rec --json alerts show "$1" | python3 -c 'import json,sys
h=json.load(sys.stdin)["history"][-1]; print(h["user"], h["action"], h["at"], h["text"])'; }
bill() { printf 'invoice_no,account_no,period,amount,issued_on,due_on\n%s,%s,Jun 2025,%s,2025-06-01,%s\n' "$1" "$2" "$3" "$4" >"$T/b.csv"
	PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b.csv" >/dev/null || echo "not ok - import $1"; }
receipt() { sed -n 's/^Receipt number  *//p' "$OUT" | head -1; }
void() { PAYDESK_PIN=2222 "$PD" --user mary payment void "$1" --reason "${2:-Wrong amount}"; }
opencount() { sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE status = 'open'"; }

# 1. an item overdue, paid in part (still owed: open), then in full: closed
# by that payment, not at the next pass
export PAYDESK_NOW="2025-08-01 09:00:00"
bill INV-END-1 WU-10002 40.00 2025-07-01
rec alerts >/dev/null
same "Aug 1: INV-END-1, 31 days past due, raised" "$(st INV-END-1 item-overdue)" open
a1=$(last_id INV-END-1 item-overdue)
expect "Aug 1: 15.00 of its 40.00 paid" 0 "Receipt number" cashier pay WU-10002 \
    --type bill --items INV-END-1 --method Cash --amount 15.00
same "paid in part: still open" "$(st INV-END-1 item-overdue)" open
n0=$(opencount)
export PAYDESK_NOW="2025-08-01 10:00:00"
expect "Aug 1 10:00: the other 25.00 paid" 0 "Receipt number" cashier pay WU-10002 \
    --type bill --items INV-END-1 --method Cash --amount 25.00
r1=$(receipt)
same "paid in full: its alert closed at once" "$(st INV-END-1 item-overdue)" closed
same "one alert fewer open (the header's count)" "$(opencount)" $((n0 - 1))
same "not in the inbox" "$(rec --csv alerts --kind overdue | grep -c INV-END-1)" 0
same "by system, Closed: its cause ended, when, why" "$(ended "$a1")" \
    "system Closed: its cause ended 2025-08-01 10:00:00 INV-END-1 is settled in full"
LANGUAGE=es expect "es: why in Spanish" 0 "INV-END-1 está saldada por completo" rec alerts show "$a1"
LANGUAGE=fr expect "fr: why in French" 0 "INV-END-1 est soldé en totalité" rec alerts show "$a1"
same "its close not audited as a user's" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'alert' AND ref = '$a1'")" 0

# 2. its payment voided: owed again past the days, a new alert at once
# (the old one stays closed, its history whole); delivered as new
d0=$(wc -l <"$T/delivered")
expect "Aug 1: the 25.00 voided" 0 "" void "$r1"
same "owed again: a new alert beside the closed one" "$(st INV-END-1 item-overdue)" "closed open"
a2=$(last_id INV-END-1 item-overdue)
same "its cause the first's, again (#2)" \
    "$(sqlite3 "$DB" "SELECT substr(cause, instr(cause, '#')) || ' ' || amount FROM alerts WHERE id = $a2")" "#2 2500"
same "raised by the void, audited" \
    "$(sqlite3 "$DB" "SELECT detail FROM audit_log WHERE entity = 'alerts' ORDER BY id DESC LIMIT 1")" \
    "raised=1 by=void"
same "delivered to the command as a new alert" \
    "$(tail -n +$((d0 + 1)) "$T/delivered" | python3 -c 'import json,sys
print([json.loads(l)["cause"].split("#")[1] for l in sys.stdin if "INV-END-1" in l])')" "['2']"
same "the next pass raises nothing more" \
    "$(PAYDESK_NOW='2025-08-02 09:00:00' rec alerts >/dev/null; st INV-END-1 item-overdue)" "closed open"
# paid again and voided again: #2 closed, #3 raised
export PAYDESK_NOW="2025-08-02 10:00:00"
expect "Aug 2: paid again" 0 "Receipt number" cashier pay WU-10002 \
    --type bill --items INV-END-1 --method Cash --amount 25.00
r1=$(receipt)
same "its second alert closed" "$(st INV-END-1 item-overdue)" "closed closed"
expect "Aug 2: voided again" 0 "" void "$r1"
same "a third alert" "$(st INV-END-1 item-overdue)" "closed closed open"
same "cause #3" "$(sqlite3 "$DB" "SELECT substr(cause, instr(cause, '#')) FROM alerts WHERE id = $(last_id INV-END-1 item-overdue)")" "#3"
