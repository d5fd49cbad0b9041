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
# by that payment, not at the next pass. Imported already past the days
# on a day whose pass was made: raised by the import, not at the next
# day's pass (helper-228 fault 3)
export PAYDESK_NOW="2025-08-01 08:00:00"
rec alerts >/dev/null
export PAYDESK_NOW="2025-08-01 09:00:00"
bill INV-END-1 WU-10002 40.00 2025-07-01
same "Aug 1: INV-END-1, 31 days past due, raised by the import" \
    "$(sqlite3 "$DB" "SELECT status || ' ' || raised_at FROM alerts WHERE kind = 'item-overdue' AND ref = 'INV-END-1'")" \
    "open 2025-08-01 09:00:00"
same "audited as raised by the import" \
    "$(sqlite3 "$DB" "SELECT detail FROM audit_log WHERE entity = 'alerts' ORDER BY id DESC LIMIT 1")" \
    "raised=1 by=import"
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

# 3. settled by credit: a credit note applied to an overdue item closes
# its alert (and, used in full, the note's own expiring alert)
export PAYDESK_NOW="2025-08-03 09:00:00"
bill INV-END-2 WU-10003 30.00 2025-07-01
rec alerts >/dev/null
a3=$(last_id INV-END-2 item-overdue)
same "Aug 3: INV-END-2 overdue" "$(st INV-END-2 item-overdue)" open
bill INV-END-2B WU-10003 40.00 2025-09-30
expect "a payment of WU-10003's next bill, to credit" 0 "Receipt number" \
    cashier pay WU-10003 --type bill --items INV-END-2B --method Cash --amount 40.00
r3=$(receipt)
expect "a credit note of 30.00 on it" 0 "" sup credit-note create "$r3" --amount 30 --reason Other
cn3=$(sqlite3 "$DB" "SELECT cn_no FROM credit_notes ORDER BY id DESC LIMIT 1")
# ([credit_notes] expiry_days 20: Aug 23, within [alerts] credit_expiry_days 10 on Aug 13)
export PAYDESK_NOW="2025-08-13 09:00:00"
rec alerts >/dev/null
same "Aug 13: the note expires in 10 days: raised" "$(st "$cn3" credit-expiring)" open
same "and INV-END-2 still overdue" "$(st INV-END-2 item-overdue)" open
expect "Aug 13: 20.00 of the note applied to INV-END-2" 0 "" sup credit-note apply "$cn3" \
    --to INV-END-2 --amount 20
same "the item owes 10.00: still open" "$(st INV-END-2 item-overdue)" open
same "the note has 10.00 left: still open" "$(st "$cn3" credit-expiring)" open
export PAYDESK_NOW="2025-08-13 10:00:00"
expect "Aug 13 10:00: its last 10.00 applied" 0 "" sup credit-note apply "$cn3" \
    --to INV-END-2 --amount 10
same "the item settled by credit: closed" "$(st INV-END-2 item-overdue)" closed
same "why: settled" "$(ended "$a3")" \
    "system Closed: its cause ended 2025-08-13 10:00:00 INV-END-2 is settled in full"
same "the note used in full: its alert closed" "$(st "$cn3" credit-expiring)" closed
same "why: used" "$(ended "$(last_id "$cn3" credit-expiring)")" \
    "system Closed: its cause ended 2025-08-13 10:00:00 Credit note $cn3 is used in full"
LANGUAGE=fr expect "fr: used, in French" 0 "L'avoir $cn3 est entièrement utilisé" \
    rec alerts show "$(last_id "$cn3" credit-expiring)"

# 4. a credit note's alert: its payment voided voids the note: closed;
# another expires unused: closed by the pass of the day after, why the date
# (WU-10001 owes nothing: each payment is all an overpayment's note)
cn_of() { sqlite3 "$DB" "SELECT cn_no FROM credit_notes WHERE payment_id = (SELECT id FROM payments WHERE receipt_no = '$1')"; }
export PAYDESK_NOW="2025-08-14 09:00:00"
expect "Aug 14: 30.00 paid by WU-10001, owing nothing" 0 "Receipt number" \
    cashier pay WU-10001 --type bill --method Cash --amount 30.00
r4=$(receipt)
cn4=$(cn_of "$r4")
expect "Aug 14: another 31.00" 0 "Receipt number" cashier pay WU-10001 \
    --type bill --method Cash --amount 31.00
r5=$(receipt)
cn5=$(cn_of "$r5")
same "two overpayment notes" "$(sqlite3 "$DB" "SELECT count(*) FROM credit_notes WHERE cn_no IN ('$cn4', '$cn5') AND expires_on = '2025-09-03'")" 2
export PAYDESK_NOW="2025-08-24 09:00:00"
rec alerts >/dev/null
same "Aug 24: both expire in 10 days: raised" "$(st "$cn4" credit-expiring)/$(st "$cn5" credit-expiring)" "open/open"
expect "Aug 24: the first's payment voided" 0 "" void "$r4"
same "the note voided with it: its alert closed at once" "$(st "$cn4" credit-expiring)" closed
same "why: voided" "$(ended "$(last_id "$cn4" credit-expiring)" | cut -d' ' -f1-5,8-)" \
    "system Closed: its cause ended Credit note $cn4 is voided"
# acknowledged, then expired unused
expect "the second acknowledged" 0 "Acknowledged" rec alerts ack "$(last_id "$cn5" credit-expiring)"
same "Sep 3, its last day: still acknowledged" \
    "$(PAYDESK_NOW='2025-09-03 09:00:00' rec alerts >/dev/null; st "$cn5" credit-expiring)" acknowledged
same "Sep 4, expired: the pass closes it" \
    "$(PAYDESK_NOW='2025-09-04 09:00:00' rec alerts >/dev/null; st "$cn5" credit-expiring)" closed
same "why: expired, its date" "$(ended "$(last_id "$cn5" credit-expiring)")" \
    "system Closed: its cause ended 2025-09-04 09:00:00 Credit note $cn5 expired on 2025-09-03"
LANGUAGE=es expect "es: expired, in Spanish" 0 "La nota de crédito $cn5 venció el 2025-09-03" \
    rec alerts show "$(last_id "$cn5" credit-expiring)"

# 5. a large payment voided: its alert closed (and, with it, any item it
# had paid owed again)
export PAYDESK_NOW="2025-09-04 10:00:00"
bill INV-END-3 WU-10003 650.00 2025-09-30
expect "Sep 4: 650.00 paid (above large_payment 500.00)" 0 "Receipt number" \
    cashier pay WU-10003 --type bill --items INV-END-3 --method Cash --amount 650.00
r6=$(receipt)
same "a large-payment alert" "$(st "$r6" large-payment)" open
a6=$(last_id "$r6" large-payment)
expect "acknowledged and assigned" 0 "rita" rec alerts assign "$a6" rita
export PAYDESK_NOW="2025-09-04 11:00:00"
expect "Sep 4 11:00: the payment voided" 0 "" void "$r6" Bounced
same "its alert closed at once, though assigned" "$(st "$r6" large-payment)" closed
same "why: voided" "$(ended "$a6")" \
    "system Closed: its cause ended 2025-09-04 11:00:00 Payment $r6 is voided"
LANGUAGE=fr expect "fr: voided, in French" 0 "Le paiement $r6 est extourné" rec alerts show "$a6"
same "nothing raised for it again" "$(PAYDESK_NOW='2025-09-05 09:00:00' rec alerts >/dev/null; st "$r6" large-payment)" closed

# 6. an item an arrangement takes over: closed; the arrangement cancelled
# gives the debt back: a new alert at once
# (imported after the day's pass: raised at the next day's)
bill INV-END-4 WU-10001 90.00 2025-08-01
export PAYDESK_NOW="2025-09-06 09:00:00"
rec alerts >/dev/null
same "Sep 6: INV-END-4 overdue" "$(st INV-END-4 item-overdue)" open
a7=$(last_id INV-END-4 item-overdue)
expect "Sep 6: a plan takes it over" 0 "Arrangement" \
    rec arrangement create WU-10001 --items INV-END-4 --installments 3 \
    --frequency monthly --first-due 2025-10-01 --reason Hardship
p7=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
same "under the plan: closed at once" "$(st INV-END-4 item-overdue)" closed
same "why: under an arrangement" "$(ended "$a7" | cut -d' ' -f1-5,8-)" \
    "system Closed: its cause ended INV-END-4 is under an arrangement"
expect "Sep 6: the plan cancelled" 0 "Cancelled" env PAYDESK_NOW="2025-09-06 11:00:00" \
    PAYDESK_PIN=4321 "$PD" --user rita arrangement cancel "$p7" --reason "Moved away"
same "its debt given back: a new alert at once" "$(st INV-END-4 item-overdue)" "closed open"
same "of the debt owed again" "$(sqlite3 "$DB" "SELECT amount FROM alerts WHERE id = $(last_id INV-END-4 item-overdue)")" 9000

# 7. an alert a user closed while its cause held is theirs while it holds:
# the next days' passes raise nothing; paid in part, nothing ended; paid
# in full, its cause's end noted (not by the user's close: review s49,
# helper-214, the close stood for the cause for ever); then voided, the
# debt owed again is a new alert at once
bill INV-END-5 WU-10002 11.00 2025-08-01
export PAYDESK_NOW="2025-09-07 09:00:00"
rec alerts >/dev/null
a8=$(last_id INV-END-5 item-overdue)
expect "Sep 7: INV-END-5's alert closed by rita" 0 "Closed" rec alerts close "$a8"
same "its cause holding: not raised again at the next days' passes" \
    "$(PAYDESK_NOW='2025-09-08 09:00:00' rec alerts >/dev/null; PAYDESK_NOW='2025-09-09 09:00:00' rec alerts >/dev/null; st INV-END-5 item-overdue)" closed
export PAYDESK_NOW="2025-09-09 10:00:00"
expect "paid in part" 0 "Receipt number" cashier pay WU-10002 --type bill \
    --items INV-END-5 --method Cash --amount 4.00
r8a=$(receipt)
expect "and that payment voided" 0 "" void "$r8a"
same "its cause never ended: nothing raised, nothing noted" \
    "$(st INV-END-5 item-overdue) $(rec --json alerts show "$a8" | python3 -c 'import json,sys
print(" ".join(h["user"] + ":" + h["action"] for h in json.load(sys.stdin)["history"]))')" \
    "closed system:Raised rita:Closed"
expect "paid in full" 0 "Receipt number" cashier pay WU-10002 --type bill \
    --items INV-END-5 --method Cash --amount 11.00
r8=$(receipt)
same "its cause's end noted by system, the user's close kept" \
    "$(st INV-END-5 item-overdue) $(rec --json alerts show "$a8" | python3 -c 'import json,sys
print(" ".join(h["user"] + ":" + h["action"] for h in json.load(sys.stdin)["history"]))')" \
    "closed system:Raised rita:Closed system:Closed: its cause ended"
expect "voided" 0 "" void "$r8"
same "owed again: a new alert at once, the user's stays Closed" \
    "$(st INV-END-5 item-overdue)" "closed open"
same "its cause the first's and #2" \
    "$(sqlite3 "$DB" "SELECT (SELECT cause FROM alerts WHERE id = $a8) || '#2' = cause, amount FROM alerts WHERE id = $(last_id INV-END-5 item-overdue)")" \
    "1|1100"
same "nothing more the next day" \
    "$(PAYDESK_NOW='2025-09-10 09:00:00' rec alerts >/dev/null; st INV-END-5 item-overdue)" "closed open"
# a large payment's alert a user closed, the payment voided: its end
# noted, nothing raised (a void is not undone here)
export PAYDESK_NOW="2025-09-10 10:00:00"
bill INV-END-6 WU-10003 700.00 2025-09-30
expect "a large payment" 0 "Receipt number" cashier pay WU-10003 --type bill \
    --items INV-END-6 --method Cash --amount 700.00
r9=$(receipt)
rec alerts >/dev/null
a9=$(last_id "$r9" large-payment)
expect "its alert closed by rita" 0 "Closed" rec alerts close "$a9"
expect "the payment voided" 0 "" void "$r9"
same "its end noted, nothing raised" \
    "$(st "$r9" large-payment) $(ended "$a9" | cut -d' ' -f1-5)" \
    "closed system Closed: its cause ended"

# 8. a use case reads again its own consumer's alerts, by the consumer
# each names (alerts_consumer, migration 80; issue 24: not through every
# payment the consumer ever made): two consumers' large payments, one
# voided, closes its own alert only; every alert of the kinds that go
# stale names its subject's consumer, as that read relies on
export PAYDESK_NOW="2025-09-11 10:00:00"
bill INV-END-7 WU-10002 800.00 2025-09-30
bill INV-END-8 WU-10003 900.00 2025-09-30
expect "a large payment of WU-10002" 0 "Receipt number" cashier pay WU-10002 \
    --type bill --items INV-END-7 --method Cash --amount 800.00
r10=$(receipt)
expect "and one of WU-10003" 0 "Receipt number" cashier pay WU-10003 \
    --type bill --items INV-END-8 --method Cash --amount 900.00
r11=$(receipt)
same "two alerts open" "$(st "$r10" large-payment) $(st "$r11" large-payment)" "open open"
expect "WU-10003's voided" 0 "" void "$r11"
same "its alert closed at once, WU-10002's open" \
    "$(st "$r10" large-payment) $(st "$r11" large-payment)" "open closed"
expect "WU-10002's voided too" 0 "" void "$r10"
same "now its own closed" "$(st "$r10" large-payment)" closed
same "the store reads a consumer's alerts by its index" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'alerts_consumer'")" 1
same "each alert of an item, note or payment names its subject's consumer" \
    "$(sqlite3 "$DB" "SELECT count(*) || ' ' || sum(a.consumer_id IS coalesce((SELECT consumer_id FROM items WHERE uuid = substr(a.cause, 14, 36)), (SELECT consumer_id FROM credit_notes WHERE uuid = substr(a.cause, 17, 36)), (SELECT consumer_id FROM payments WHERE uuid = substr(a.cause, 15, 36)))) FROM alerts a WHERE a.kind IN ('item-overdue', 'credit-expiring', 'large-payment')" | awk '{print ($1 > 10 && $1 == $2) ? "all" : $0}')" all
