#!/bin/sh
# test_alerts.sh - stored alerts (issue 21): raised once per cause when
# the cause happens (the pass of the first use of each day, posting),
# known answers for the rules of items overdue, large payments, credit
# notes expiring, gateway payments unassociated and reconciliation
# exceptions; worked (ack, assign, note, close) with each refusal;
# delivered to [alerts] command, which fails and then succeeds without
# losing an alert. One store; the arrangement rules are tui/test_arrange's.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-05-01 10:00:00"
cat >"$T/deliver.sh" <<SH
#!/bin/sh
if [ -e "$T/fail" ]; then cat >/dev/null; echo "Mail server down"; exit 3; fi
cat >>"$T/delivered"
SH
chmod +x "$T/deliver.sh"
cat >>"$PAYDESK_CONFIG" <<CFG
[credit_notes]
expiry_days = 20
[alerts]
overdue_days = 30
large_payment = 500.00
credit_expiry_days = 10
command = $T/deliver.sh
CFG
setup_store
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' >"$T/rec.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/rec.csv" >/dev/null
rec() { PAYDESK_PIN=4321 "$PD" --user rita "$@"; }
# ID, alert, reference, days, amount of the alerts not closed
open_alerts() { rec --csv alerts "$@" | tail -n +2 | tr -d '\r' |
    cut -d, -f1,2,7,10,9 | tr '\n' ' '; }
nalerts() { sqlite3 "$DB" "SELECT count(*) FROM alerts"; }

same "May 1: nothing 30 days past due" "$(open_alerts)" ""
# May 16: the items due Apr 2 to Apr 16 (bills, a service, an imported
# plan's installment) are 30 days past due, each its own alert
export PAYDESK_NOW="2025-05-16 09:00:00"
same "May 16: four items 30 days past due, the oldest first" "$(open_alerts)" \
    "1,overdue,SRV-2025-0410,25.00,36 2,overdue,INV-2025-001234,145.50,31 3,overdue,INV-2025-002001,80.00,31 4,overdue,PP-2025-0034#1,67.50,31 "
same "the pass is once a day" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_day'")" "2025-05-16"
same "its audit entry by who used it first" \
    "$(sqlite3 "$DB" "SELECT user || ' ' || action || ' ' || entity || ' ' || detail FROM audit_log WHERE entity = 'alerts'")" \
    "rita raise alerts raised=4 by=pass"
# a cause seen again raises nothing: the day passed again (its memory
# dropped, every item looked at anew) and the next day
sqlite3 "$DB" "DELETE FROM meta WHERE key = 'alerts_day'"
rec alerts >/dev/null
same "the pass run again: still 4 alerts" "$(nalerts)" 4
PAYDESK_NOW="2025-05-17 09:00:00" rec alerts >/dev/null
same "May 17: nothing new" "$(nalerts)" 4
# Jun 1: what fell 30 days past due since May 17 (Apr 18 and Apr 30)
export PAYDESK_NOW="2025-06-01 09:00:00"
same "Jun 1: two more, each once" "$(rec --csv alerts --kind overdue | tail -n +2 | tr -d '\r' | cut -d, -f7 | sort | tr '\n' ' ')" \
    "INV-2025-001234 INV-2025-002001 INV-2025-003001 PP-2025-0034#1 SRV-2025-0410 SRV-2025-0418 "

# posting: a payment above [alerts] large_payment raises one, at once
expect "1,200.00 paid" 0 "Payment ID" cashier pay WU-10003 --type bill \
    --items INV-2025-003001 --method Cash --amount 1200.00
expect "80.00 paid" 0 "Payment ID" cashier pay WU-10002 --type bill \
    --items INV-2025-002001 --method Cash --amount 80.00
same "one large payment: the 1,200.00" "$(open_alerts --kind large | cut -d, -f2,4)" \
    "large,1200.00"
r_large=$(sqlite3 "$DB" "SELECT receipt_no FROM payments WHERE amount = 120000")
same "it names the payment's receipt" "$(open_alerts --kind large | cut -d, -f3)" "$r_large"
# its payment under a column that says so (helper-258, fault 5: headed
# Arrangement), plan_no in CSV as before
p_large=$(sqlite3 "$DB" "SELECT payment_no FROM payments WHERE amount = 120000")
run rec alerts --kind large
same "the text list heads its payment Plan or payment" \
    "$(grep -c "Plan or payment" "$OUT") $(grep -c "$p_large" "$OUT")" \
    "1 1"
same "  and no column Arrangement" "$(grep -c Arrangement "$OUT")" 0
same "CSV keeps the key plan_no, the payment in it" \
    "$(rec --csv alerts --kind large | tr -d '\r' | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "plan_no") k = i } NR == 2 { print $k }')" \
    "$p_large"

# a credit note of 20 days expiring within 10: raised at the pass of the
# 11th day
expect "a credit note" 0 "" sup credit-note create "$r_large" --amount 10 \
    --reason Other
same "Jun 1: not within 10 days yet" "$(open_alerts --kind credit)" ""
PAYDESK_NOW="2025-06-11 09:00:00" rec alerts >/dev/null
same "Jun 11: it expires in 10 days" "$(PAYDESK_NOW='2025-06-11 09:00:00' open_alerts --kind credit | cut -d, -f2,4,5)" \
    "credit,10.00,10 "

# delivery: every alert went to the command as one JSON object
same "each new alert delivered once" "$(wc -l <"$T/delivered" | tr -d ' ')" "$(nalerts)"
# amount_text as the screens show it, with the organisation's sign; the
# figure the rule is about, its unit named (review s50: "1200.00", and a
# large payment's figure 0)
same "as JSON, money in minor units and as the screens show it" \
    "$(python3 -c "import json,sys; o=[json.loads(l) for l in open(sys.argv[1])]; a=[x for x in o if x['kind']=='large'][0]; print(a['amount'], a['amount_text'], a['account_no'], a['consumer'])" "$T/delivered")" \
    "120000 \$1,200.00 WU-10003 Acme Bakery Ltd"
delivered_figures() {
	python3 -c "import json,sys
o=[json.loads(l) for l in open(sys.argv[1])]
print(' '.join(sorted(set('%s:%s:%s:%s' % (x['kind'], x['figure'], x['figure_is'], x['amount_text']) for x in o))))" "$T/delivered"
}
same "each kind's figure and what it is" "$(delivered_figures)" \
    "credit:10:days_left:\$10.00 large:120000:minor_units:\$1,200.00 overdue:30:days_past_due:\$1,200.00 overdue:30:days_past_due:\$145.50 overdue:30:days_past_due:\$25.00 overdue:30:days_past_due:\$67.50 overdue:30:days_past_due:\$75.00 overdue:30:days_past_due:\$80.00"
# the command fails: the alert waits, is reported and audited; it is
# delivered at the next use once the command works
export PAYDESK_NOW="2025-06-12 09:00:00"
touch "$T/fail"
expect "a large payment while the command fails: posted, the failure said" 0 \
    "An alert was not delivered: Command \"$T/deliver.sh\" failed (exit status 3): Mail server down" \
    cashier pay WU-10001 --type bill --items INV-2025-001567 --method Cash --amount 600.00
new=$(nalerts)
same "it waits, tried once" "$(sqlite3 "$DB" "SELECT deliver || ' ' || tries FROM alerts WHERE id = $new")" "1 1"
same "the failure audited" "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'deliver-failed' AND ref = '$new'")" 1
same "and in its history" "$(rec --csv alerts show "$new" 2>/dev/null | grep -c 'Not delivered')" 1
# kept to be said again in the reader's language (review of issue 25):
# failed under English, read in Spanish and French, English in JSON
LANGUAGE=es expect "es: the delivery error in Spanish" 0 \
    "Error de entrega" rec alerts show "$new"
has "es: its words Spanish" "El comando «$T/deliver.sh» falló (estado de salida 3): Mail server down"
LANGUAGE=fr expect "fr: the delivery error in French" 0 \
    "a échoué (code de sortie 3) : Mail server down" \
    rec alerts show "$new"
LANGUAGE=fr expect "fr JSON: the delivery error in English" 0 \
    "\"delivery_error\": \"Command \\\"$T/deliver.sh\\\" failed (exit status 3)" \
    rec --json alerts show "$new"
# a command that fails waits out a backoff, as one stopped for the time
# does, and its first failure ends the round (review s48: a hook failing
# at once was run for each of 700 waiting alerts at every use)
same "the wait noted: one failure, a minute" \
    "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_backoff'")" \
    "1 $(( $(date -u -d '2025-06-12 09:00:00' +%s) + 60 ))"
try_of() { sqlite3 "$DB" "SELECT group_concat(deliver || '/' || tries, ' ') FROM (SELECT deliver, tries FROM alerts WHERE id IN ($1) ORDER BY id)"; }
# two delivered before waiting again (the two oldest not closed after
# 2, which are worked below: a closed one is given no more), the oldest
# first
A3=$(sqlite3 "$DB" "SELECT id FROM alerts WHERE id > 2 AND id <> $new AND status <> 'closed' ORDER BY id LIMIT 1")
A4=$(sqlite3 "$DB" "SELECT id FROM alerts WHERE id > $A3 AND id <> $new AND status <> 'closed' ORDER BY id LIMIT 1")
t0=$(try_of "$A3, $A4, $new")
sqlite3 "$DB" "UPDATE alerts SET deliver = 1 WHERE id IN ($A3, $A4)"
PAYDESK_NOW="2025-06-12 09:00:59" rec alerts >/dev/null 2>&1
same "within the minute: none of the three waiting tried" \
    "$(try_of "$A3, $A4, $new")" "$(echo "$t0" | sed 's|^0/|1/|; s| 0/| 1/|')"
PAYDESK_NOW="2025-06-12 09:01:01" rec alerts >/dev/null 2>&1
same "after it: the oldest tried, failed, the round ended" \
    "$(try_of "$A3, $A4, $new" | cut -d' ' -f2,3)/$(sqlite3 "$DB" "SELECT tries FROM alerts WHERE id = $A3")" \
    "$(echo "$t0" | cut -d' ' -f2,3 | sed 's|^0/|1/|')/$(( $(echo "$t0" | cut -d' ' -f1 | cut -d/ -f2) + 1 ))"
same "then two minutes" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_backoff'")" \
    "2 $(( $(date -u -d '2025-06-12 09:01:01' +%s) + 120 ))"
rm "$T/fail"
PAYDESK_NOW="2025-06-12 09:03:00" rec alerts >/dev/null 2>&1
same "within the two minutes: nothing tried, the command working or not" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE deliver = 1")" 3
export PAYDESK_NOW="2025-06-12 09:03:02"
expect "the next use after the wait delivers every one" 0 "" rec alerts
same "delivered, once" "$(grep -c '"id":'"$new"',' "$T/delivered")" 1
same "the wait forgotten" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_backoff'")" ""
same "nothing waits" "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE deliver = 1")" 0

# worked: acknowledged, assigned, noted, closed; each in its history and
# audited; what its status refuses, refused with the store unchanged
expect "ack" 0 "Acknowledged" rec alerts ack 1
refused "ack twice: refused" 3 "Alert 1 is Acknowledged already" rec alerts ack 1
expect "assign to rita" 0 "rita" rec alerts assign 1 rita
# an assignment that changes nothing is refused, as a second ack is
# (tester's fault 7: a second step was written)
refused "assign to rita again: refused" 3 "Alert 1 is assigned to rita already" \
    rec alerts assign 1 rita
refused "assign to a cashier: refused" 3 \
    "jane cannot work alerts: an active user of the recovery role or above is needed" \
    rec alerts assign 1 jane
refused "assign to nobody known: refused" 4 'No user "zed" to assign alert 1 to' \
    rec alerts assign 1 zed
# a recovery officer of another branch signs in at none of this
# branch's terminals: said so, not "cannot work alerts" (helper-239)
printf 'username,full_name,role,pin,branch\nrob,Rob Lane,recovery,5678,B02\n' >"$T/rob.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/rob.csv" >/dev/null ||
    echo "not ok - importing a user of branch B02"
refused "assign to another branch's recovery officer: refused, saying why" 3 \
    "rob is a user of branch B02, who signs in at none of this branch's terminals" \
    rec alerts assign 1 rob
# taken back (-): its history says Unassigned (review s48: "Assigned",
# to nobody)
rec alerts assign 2 rita >/dev/null && rec alerts assign 2 - >/dev/null ||
    echo "not ok - alert 2 assigned and taken back"
same "assigned then taken back: Assigned rita, Unassigned" \
    "$(rec --json alerts show 2 | python3 -c "import json,sys; print(' '.join(h['action'] + ':' + h['text'] for h in json.load(sys.stdin)['history'][-2:]))")" \
    "Assigned:rita Unassigned:"
expect "in text too" 0 "Unassigned" rec alerts show 2
refused "taken back again: refused" 3 "Alert 2 is assigned to nobody already" \
    rec alerts assign 2 -
na=$(sqlite3 "$DB" "SELECT min(id) FROM alerts WHERE status <> 'closed' AND id NOT IN (SELECT alert_id FROM alert_notes WHERE action = 'assigned')")
refused "one never assigned taken back: refused" 3 \
    "Alert $na is assigned to nobody already" rec alerts assign "$na" -
expect "a note" 0 "Called, promised Friday" rec alerts note 1 "Called, promised Friday"
# empty or blank, one status (review s50: "" was a usage error, "   "
# required), as a dispute's --note says; the blank one said to be
# (helper-258, fault 7)
for n in "" "   " "	" " 	 "; do
	w="The note is blank (spaces only)"
	[ -z "$n" ] && w="The note is required"
	refused "a note \"$n\": $w" 3 "$w" rec alerts note 1 "$n"
done
# the other arguments blank are empty, a usage error (not an unknown one),
# each named as the synopsis names it (s74 fault 6: "argument 2")
refused "assign to a blank user: usage" 2 "alerts assign: USER|- is empty or blank" \
    rec alerts assign 1 "  "
refused "assign to an empty user: usage" 2 "alerts assign: USER|- is empty or blank" \
    rec alerts assign 1 ""
refused "assign a blank alert ID: usage" 2 "alerts assign: ID is empty or blank" \
    rec alerts assign " " mary
refused "a blank alert ID: usage" 2 "alerts ack: ID is empty or blank" \
    rec alerts ack " "
for c in show close; do
	refused "alerts $c of an empty ID: usage, named" 2 \
	    "alerts $c: ID is empty or blank" rec alerts $c ""
done
refused "a note of 501 characters: refused" 3 "The note" rec alerts note 1 \
    "$(python3 -c 'print("x" * 501)')"
refused "a note of 300 accented letters (600 bytes, past the 511 its sync record holds): refused, not aborted" \
    3 "600 bytes long in UTF-8; the limit is 511 bytes" rec alerts note 1 \
    "$(python3 -c "print('é' * 300)")"
expect "close" 0 "Closed" rec alerts close 1
refused "close twice: refused" 3 "Alert 1 is Closed: it cannot be changed" \
    rec alerts close 1
# the status agrees with the alert (es alerta Cerrada, fr alerte
# Clôturée; a shift's Cerrado); JSON keeps the word (issue 25)
LANGUAGE=es expect "es: the alert Cerrada" 0 "Cerrada" rec alerts show 1
LANGUAGE=fr expect "fr: the alert Clôturée" 0 "Clôturée" rec alerts show 1
LANGUAGE=es expect "es JSON: the status as stored" 0 '"status": "closed"' \
    rec --json alerts show 1
refused "a note on a closed one: refused" 3 "Alert 1 is Closed" rec alerts note 1 late
refused "no such alert" 4 "No alert 999" rec alerts ack 999
refused "not a number" 2 '"x1" is not an alert number' rec alerts close x1
# a digit first: strtoll skipped the spaces and took a sign (review s50)
for i in " 1" "+1" "1 " 0 1.0; do
	refused "alert ID \"$i\": not an alert number" 2 \
	    "\"$i\" is not an alert number" rec alerts show "$i"
done
# named whole, and a number's sign said (helper-243, fault 5: "show:
# unknown option -5" said neither)
refused "alert ID -5: a usage error, the command named and the sign said" 2 \
    "alerts show: unknown option -5: a number given here is not below zero" \
    rec alerts show -5
refused "alert ID given twice: the command named whole" 2 \
    "alerts show: unexpected argument" rec alerts show 1 2
refused "a value given twice: the command named whole" 2 \
    "arrangement preview: --first-due is given twice" rec arrangement preview WU-1 --first-due 2025-01-01 --first-due 2025-01-02
refused "a number past the largest: not an alert number, not clamped" 2 \
    '"99999999999999999999" is not an alert number' rec alerts show 99999999999999999999
refused "a cashier may not work alerts" 5 \
    "Acknowledging an alert needs the recovery role" cashier alerts ack 2
refused "--status other: refused, a usage error (review s52: 3)" 2 \
    '--status "closed": open (not closed) or all' rec alerts --status closed
refused "--kind other: refused, a usage error" 2 '--kind "weather": one of' \
    rec alerts --kind weather
# --status in any case, as --kind (tester's fault 10: ALL was refused)
same "--status ALL: as all" "$(rec --csv alerts --status ALL)" \
    "$(rec --csv alerts --status all)"
same "--status Open: as open" "$(rec --csv alerts --status Open)" \
    "$(rec --csv alerts --status open)"
same "--kind OverDue: as overdue, not empty" \
    "$(rec --csv alerts --status all --kind OverDue | grep -c ',overdue,')" \
    "$(rec --csv alerts --status all --kind overdue | grep -c ',overdue,')"
[ "$(rec --csv alerts --status ALL | grep -c ',overdue,')" -ge 1 ] &&
    ok "--status ALL lists them" || echo "not ok - --status ALL lists them"
# paydesk(1) says what the program does: an unknown one is status 2
man_alerts=$(tr '\n' ' ' <"$TOP/man/paydesk.1")
case $man_alerts in
*'.B \-\-status is a usage error (status 2), as for .BR "dispute list" ; a cashier is status 5.'*)
	ok "paydesk(1): an unknown --kind or --status is status 2" ;;
*) echo "not ok - paydesk(1): an unknown --kind or --status is status 2" ;;
esac
case $man_alerts in
*".B \-\-status is status 3, a cashier"*)
	echo "not ok - paydesk(1) no longer says status 3" ;;
*) ok "paydesk(1) no longer says status 3" ;;
esac
same "the history: who did what, when" \
    "$(rec --json alerts show 1 | python3 -c "import json,sys; print(' '.join(h['user'] + ':' + h['action'] + ':' + h['text'] for h in json.load(sys.stdin)['history']))")" \
    "system:Raised: rita:Acknowledged: rita:Assigned:rita rita:Note:Called, promised Friday rita:Closed:"
same "each change audited" "$(sqlite3 "$DB" "SELECT group_concat(action, ' ') FROM audit_log WHERE entity = 'alert' AND ref = '1'")" \
    "acknowledged assigned note closed"
same "closed: not in the open list" "$(open_alerts | grep -c '^1,')" 0
same "--status all: there" "$(rec --csv alerts --status all | tail -n +2 | cut -d, -f1,3 | grep '^1,')" "1,closed"
# helper-235, fault 6: CSV and JSON give the words --kind and --status
# take; the text, the words people read
for w in $(rec --csv alerts --status all | tail -n +2 | cut -d, -f2 | sort -u); do
	n=$(rec --csv alerts --status all | tail -n +2 | cut -d, -f2 | grep -cx "$w")
	same "the CSV's kind $w is what --kind takes: its $n rows" \
	    "$(rec --csv alerts --status all --kind "$w" | tail -n +2 | wc -l)" "$n"
done
same "the CSV's statuses, as stored" \
    "$(rec --csv alerts --status all | tail -n +2 | cut -d, -f3 | sort -u | tr '\n' ' ')" "closed open "
same "the JSON's words are the CSV's" \
    "$(rec --json alerts --status all | python3 -c 'import json,sys
print(" ".join(sorted(set(a["alert"] + "/" + a["status"] for a in json.load(sys.stdin)))))')" \
    "$(rec --csv alerts --status all | tail -n +2 | cut -d, -f2,3 | tr , / | sort -u | tr '\n' ' ' | sed 's/ $//')"
expect "the text list: the kind and status people read" 0 "Item overdue" \
    rec alerts --status all
has "the text list: Closed" "Closed"

# [alerts] gateway_hours, looked at once an hour: two gateway payments as
# a pull stores them (one succeeded with no payment, one failed), paid at
# 08:00; 2 hours after it at 10:00 the succeeded one is an alert, once
sqlite3 "$DB" "INSERT INTO gw_payments (gateway, code, status,
    webhook_status, settlement_status, account_ref, phone, amount, paid_at,
    candidates, pulled_at) VALUES ('mpesa', 'GX1', 'succeeded', 'Received',
    'In Progress', 'NOPE', '254700000009', 4200, '2025-06-12 08:00:00', '',
    '2025-06-12 08:01:00'), ('mpesa', 'GX2', 'failed', 'Received',
    'In Progress', 'NOPE', '254700000009', 900, '2025-06-12 08:00:00', '',
    '2025-06-12 08:01:00')"
printf 'gateway_hours = 2\n' >>"$PAYDESK_CONFIG"
gw() { PAYDESK_NOW="2025-06-12 $1" rec --csv alerts --kind gateway | tail -n +2 |
    tr -d '\r' | cut -d, -f7,9,10; }
same "09:59: not 2 hours yet" "$(gw 09:59:00)" ""
same "10:00: the succeeded one, 2 hours unassociated" "$(gw 10:00:00)" "mpesa GX1,42.00,2"
# its hours as of now: those raised with and the hours since
# (helper-236, fault 6: 2 at 11:05, 18:00 and the day after)
same "11:30: the same alert, once, 3 hours unassociated now" "$(gw 11:30:00)" "mpesa GX1,42.00,3"
# each pass looks at those that passed the hours since the pass before
# and those pulled since it (store_alerts_raise_gateway): GX3, paid 11
# days ago, pulled at 11:45; GX4 paid at 10:40, pulled before the 11:30
# pass, 2 hours unassociated at 12:40
sqlite3 "$DB" "INSERT INTO gw_payments (gateway, code, status,
    webhook_status, settlement_status, account_ref, phone, amount, paid_at,
    candidates, pulled_at) VALUES ('mpesa', 'GX3', 'succeeded', 'Received',
    'In Progress', 'NOPE', '254700000009', 700, '2025-06-01 08:00:00', '',
    '2025-06-12 11:45:00'), ('mpesa', 'GX4', 'succeeded', 'Received',
    'In Progress', 'NOPE', '254700000009', 800, '2025-06-12 10:40:00', '',
    '2025-06-12 10:41:00')"
same "12:45: GX3 pulled since, GX4 2 hours since" "$(gw 12:45:00 | tr '\n' ' ')" \
    "mpesa GX3,7.00,268 mpesa GX1,42.00,4 mpesa GX4,8.00,2 "

# [alerts] reconciliation_days: a reconciliation exception (here a shift's
# cash over by 1.00, [deposits] over_short_above 0.00) 3 days old raises
# one alert, looked at by the pass of each day; once per cause
export PAYDESK_NOW="2025-06-12 12:00:00"
cashier shift open --count 10000x1 >/dev/null
cashier pay WU-10002 --type bill --method Cash --amount 25 --tendered 25 \
    >/dev/null 2>&1
PAYDESK_APPROVER_PIN=2222 cashier shift close \
    --count 10000x1,2000x1,500x1,100x1 --reason "Cash=Found a coin" \
    --approver mary >/dev/null || echo "not ok - a shift closed over by 1.00"
z=$(sqlite3 "$DB" "SELECT z_no FROM shifts WHERE status = 'closed'")
printf 'reconciliation_days = 3\n' >>"$PAYDESK_CONFIG"
rc() { PAYDESK_NOW="$1 09:00:00" rec --csv alerts --kind reconciliation |
    tail -n +2 | tr -d '\r' | cut -d, -f2,7,9,10; }
same "Jun 14: 2 days old, no alert" "$(rc 2025-06-14)" ""
same "Jun 15: 3 days old, the shift's 1.00 over" "$(rc 2025-06-15)" \
    "reconciliation,$z,1.00,3"
same "Jun 16: the same alert, once, its age as of today (helper-235, fault 2: it stayed 3)" \
    "$(rc 2025-06-16)" "reconciliation,$z,1.00,4"
same "one alert of that cause" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE kind = 'reconciliation'")" 1
# resolved by hand: its alert closed at once, saying why (helper-235,
# fault 1: it stayed Open for good)
PAYDESK_NOW="2025-06-16 10:00:00" PAYDESK_PIN=2222 "$PD" --user mary \
    reconcile resolve "over_short:$z:Cash" --note "Found the coin" >/dev/null ||
    echo "not ok - the over resolved"
ra=$(sqlite3 "$DB" "SELECT id FROM alerts WHERE kind = 'reconciliation'")
same "resolved: its alert closed by system at the resolve, saying why" \
    "$(PAYDESK_NOW='2025-06-16 10:05:00' rec --json alerts show "$ra" | python3 -c 'import json,sys
a=json.load(sys.stdin); h=a["history"][-1]; print(a["status"], h["at"], h["user"], h["action"] + ":", h["text"])')" \
    "closed 2025-06-16 10:00:00 system Closed: its cause ended: Reconciliation exception $z is resolved"
same "none open in the list" "$(rc 2025-06-16)" ""

# [alerts] overdue_days: an item that is already past the days when it
# comes into the store (imported, or pulled, late) is overdue like any
# and raises its alert at the next pass (review R21: the pass read only
# the items that crossed the threshold since the day before, so such an
# item was never alerted)
export PAYDESK_NOW="2025-06-16 12:00:00"
rec alerts >/dev/null
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-LATE-1,WU-10002,Apr 2025,33.00,2025-04-20,2025-05-01\n' \
    >"$T/late.csv"
expect "a bill 46 days past due imported" 0 "Rows       1" \
    env PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/late.csv"
same "Jun 17: the bill imported 46 days past due raises its alert" \
    "$(PAYDESK_NOW='2025-06-17 09:00:00' rec --csv alerts --kind overdue | tail -n +2 | tr -d '\r' | cut -d, -f7 | grep -c INV-LATE-1)" 1
# review R21: an alert's days are as of today in the list and in its
# details alike (show gave the figure it was raised with: 30 where the
# list said 63)
export PAYDESK_NOW="2025-06-17 09:00:00"
a1=$(rec --csv alerts --status all --kind overdue | tail -n +2 | tr -d '\r' | head -1)
same "alerts show gives the days the list gives" \
    "$(rec --json alerts show "${a1%%,*}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["days"])')" \
    "$(echo "$a1" | cut -d, -f10)"
same "and the days it was raised with, labelled as such; numbers in JSON" \
    "$(rec --json alerts show "${a1%%,*}" | python3 -c 'import json,sys
a=json.load(sys.stdin); print(type(a["days"]).__name__, a["raised_days"], a["misses"], a["allowed"])')" \
    "int 30 None None"
expect "in text: Days as of today, Days when raised" 0 \
    "Days when raised  30" rec alerts show "${a1%%,*}"
has "the days now beside it" "Days              $(echo "$a1" | cut -d, -f10)"
same "the list in JSON: days a number, a large payment's and a closed one's none" \
    "$(rec --json alerts --status all | python3 -c 'import json,sys
l=json.load(sys.stdin)
print(sorted(set(type(a["days"]).__name__ for a in l if a["alert"] != "large" and a["status"] != "closed")), set(a["days"] for a in l if a["alert"] == "large" or a["status"] == "closed"), set(a["misses"] for a in l))')" \
    "['int'] {None} {None}"
# more of review R21's rule: [alerts] overdue_days lowered (30 to 20) or
# switched on raises every item past the days not yet raised, once, and
# none raised before at other days again
od() { sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE kind = 'item-overdue'"; }
od_of() { sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE kind = 'item-overdue' AND ref = '$1'"; }
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-LATE-2,WU-10002,May 2025,12.00,2025-05-10,2025-05-25\n' \
    >"$T/late2.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/late2.csv" >/dev/null
n0=$(od)
same "Jun 17: a bill 23 days past due raises nothing at 30 days" \
    "$(od_of INV-LATE-2)" 0
sed -i 's/^overdue_days = 30$/overdue_days = 20/' "$PAYDESK_CONFIG"
PAYDESK_NOW="2025-06-18 09:00:00" rec alerts >/dev/null
same "Jun 18, the days lowered to 20: it is raised, 24 days past due" \
    "$(sqlite3 "$DB" "SELECT due_on || ' ' || figure FROM alerts WHERE kind = 'item-overdue' AND ref = 'INV-LATE-2'")" \
    "2025-05-25 20"
same "and no item raised at 30 days is raised again" "$(od)" $((n0 + 1))
# switched off, a bill imported long past due; switched on, it is raised
sed -i 's/^overdue_days = 20$/overdue_days =/' "$PAYDESK_CONFIG"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-LATE-3,WU-10002,Apr 2025,7.00,2025-04-01,2025-04-15\n' \
    >"$T/late3.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/late3.csv" >/dev/null
PAYDESK_NOW="2025-06-19 09:00:00" rec alerts >/dev/null
same "Jun 19, the rule off: nothing raised" "$(od_of INV-LATE-3)" 0
sed -i 's/^overdue_days =$/overdue_days = 20/' "$PAYDESK_CONFIG"
PAYDESK_NOW="2025-06-20 09:00:00" rec alerts >/dev/null
same "Jun 20, switched on again: the bill raised, the rest not again" \
    "$(od_of INV-LATE-3)/$(od)" "1/$((n0 + 2))"
same "the pass remembers the days and the items it saw" \
    "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_overdue'")" \
    "20 $(sqlite3 "$DB" "SELECT max(id) FROM items") $(sqlite3 "$DB" "SELECT max(id) FROM allocations") $(sqlite3 "$DB" "SELECT coalesce(max(id), 0) FROM arrangement_moves")"
# an item opened again past the days (its payment voided after it was
# paid in full, before any pass saw it overdue) is raised at the next
# pass too
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-VOID-1,WU-10002,Apr 2025,9.00,2025-04-01,2025-04-20\n' \
    >"$T/void1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/void1.csv" >/dev/null || echo "not ok - import void1.csv"
expect "Jun 20: the bill paid in full the day it came" 0 "Payment ID" \
    cashier pay WU-10002 --type bill --items INV-VOID-1 --method Cash \
    --amount 9.00
PAYDESK_NOW="2025-06-21 09:00:00" rec alerts >/dev/null
same "Jun 21: paid, not raised" "$(od_of INV-VOID-1)" 0
expect "Jun 21: its payment voided" 0 "" env PAYDESK_NOW="2025-06-21 10:00:00" \
    PAYDESK_PIN=2222 "$PD" --user mary payment void "$(sqlite3 "$DB" "SELECT p.payment_no FROM payments p JOIN allocations a ON a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE i.ref = 'INV-VOID-1'")" \
    --reason "Wrong amount"
PAYDESK_NOW="2025-06-22 09:00:00" rec alerts >/dev/null
same "Jun 22: open again 63 days past due, raised, once" \
    "$(sqlite3 "$DB" "SELECT count(*) || ' ' || min(amount) FROM alerts WHERE kind = 'item-overdue' AND ref = 'INV-VOID-1'")" \
    "1 900"

# [alerts] command that hangs (review R21: it cost 30 s at every use and
# what it started ran on): stopped after [alerts] command_timeout (1 s
# here) with every process it started, and tried again only after a
# wait (a minute, doubled at each stop), not at every use
cat >"$T/hang.sh" <<SH
#!/bin/sh
sleep 120 &
echo \$! >"$T/hang.pid"
wait
SH
chmod +x "$T/hang.sh"
sed -i "s|^command = .*|command = $T/hang.sh|" "$PAYDESK_CONFIG"
printf 'command_timeout = 1\n' >>"$PAYDESK_CONFIG"
export PAYDESK_NOW="2025-06-20 10:00:00"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-BIG-1,WU-10002,Jun 2025,800.00,2025-06-01,2025-06-30\n' \
    >"$T/big.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/big.csv" >/dev/null
expect "a large payment while the command hangs: posted, the stop said" 0 \
    "did not finish in 1 s; it was stopped" cashier pay WU-10002 \
    --type bill --items INV-BIG-1 --method Cash --amount 800.00
big=$(sqlite3 "$DB" "SELECT max(id) FROM alerts WHERE kind = 'large-payment'")
tries() { sqlite3 "$DB" "SELECT deliver || ' ' || tries FROM alerts WHERE id = $big"; }
# (gone, or a zombie left for init to reap)
hst=$( [ -s "$T/hang.pid" ] && ps -o stat= -p "$(cat "$T/hang.pid")" 2>/dev/null)
if [ -s "$T/hang.pid" ] && case "$hst" in ""|Z*) true ;; *) false ;; esac; then
	ok "what the command started in the background was stopped with it"
else
	echo "not ok - what the command started in the background was stopped with it"
	kill "$(cat "$T/hang.pid" 2>/dev/null)" 2>/dev/null
fi
same "it waits, tried once" "$(tries)" "1 1"
same "the wait noted: one stop, a minute" \
    "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_backoff'")" \
    "1 $(( $(date -u -d '2025-06-20 10:00:00' +%s) + 60 ))"
rec alerts >/dev/null 2>&1
PAYDESK_NOW="2025-06-20 10:00:59" rec alerts >/dev/null 2>&1
same "the uses within the minute do not try it again" "$(tries)" "1 1"
PAYDESK_NOW="2025-06-20 10:01:01" rec alerts >/dev/null 2>&1
same "after it, tried again (and stopped again)" "$(tries)" "1 2"
PAYDESK_NOW="2025-06-20 10:02:30" rec alerts >/dev/null 2>&1
same "then not before two minutes" "$(tries)" "1 2"
sed -i "s|^command = .*|command = $T/deliver.sh|" "$PAYDESK_CONFIG"
PAYDESK_NOW="2025-06-20 10:03:10" rec alerts >/dev/null
same "after them, the command working: delivered, the wait forgotten" \
    "$(tries)/$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_backoff'")" \
    "0 3/"
# a command that starts a child in the background and exits 0 at once
# (a mailer that forks its queue runner), the child holding the output
# open: done when it exits, the alert delivered once, the child left to
# run (helper-241: waited for to the time limit, called stopped, and the
# alert given again after the wait)
cat >"$T/forks.sh" <<SH
#!/bin/sh
cat >>"$T/forked.json"
echo >>"$T/forked.json"
sleep 120 &
echo \$! >"$T/forks.pid"
echo "queued"
exit 0
SH
chmod +x "$T/forks.sh"
sed -i "s|^command = .*|command = $T/forks.sh|" "$PAYDESK_CONFIG"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-BIG-2,WU-10002,Jun 2025,700.00,2025-06-01,2025-06-30\n' \
    >"$T/big2.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/big2.csv" >/dev/null
export PAYDESK_NOW="2025-06-20 11:00:00"
run cashier pay WU-10002 --type bill --items INV-BIG-2 --method Cash \
    --amount 700.00
same "a command that leaves a child running and exits 0: the payment posted, nothing said of the command" \
    "$RC/$(grep -c "Payment ID" "$OUT")/$(grep -c "did not finish\|was stopped\|not delivered" "$OUT")" \
    "0/1/0"
big2=$(sqlite3 "$DB" "SELECT max(id) FROM alerts WHERE kind = 'large-payment'")
same "its alert delivered at the first try, no wait noted" \
    "$(sqlite3 "$DB" "SELECT deliver || ' ' || tries || ' ' || (delivery_error = '') FROM alerts WHERE id = $big2")/$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'alerts_backoff'")" \
    "0 1 1/"
PAYDESK_NOW="2025-06-20 11:05:00" rec alerts >/dev/null 2>&1
same "and given to the command once" \
    "$(grep -c "\"id\":$big2," "$T/forked.json")" 1
fst=$( [ -s "$T/forks.pid" ] && ps -o stat= -p "$(cat "$T/forks.pid")" 2>/dev/null)
case "$fst" in
""|Z*) echo "not ok - the child it left in the background runs on (its own)" ;;
*) ok "the child it left in the background runs on (its own)" ;;
esac
kill "$(cat "$T/forks.pid" 2>/dev/null)" 2>/dev/null
sed -i 's/^command_timeout = 1$/command_timeout = 0/' "$PAYDESK_CONFIG"
expect "command_timeout 0: refused, naming the key and its range" 3 \
    "[alerts] command_timeout: \"0\": must be a whole number from 1 to 600" \
    rec alerts
sed -i 's/^command_timeout = 0$/command_timeout = 601/' "$PAYDESK_CONFIG"
expect "command_timeout 601: refused" 3 "command_timeout: \"601\"" rec alerts
sed -i '/^command_timeout = /d' "$PAYDESK_CONFIG"
# and a bill a plan took over, given back past the days by its cancel
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-CAN-1,WU-10001,Apr 2025,50.00,2025-04-01,2025-04-10\n' \
    >"$T/can1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/can1.csv" >/dev/null
export PAYDESK_NOW="2025-06-22 10:00:00"
expect "Jun 22: a plan takes the bill over the day it came" 0 "Arrangement" \
    rec arrangement create WU-10001 --items INV-CAN-1 --installments 2 \
    --frequency monthly --first-due 2025-07-01 --reason Hardship
pcan=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
PAYDESK_NOW="2025-06-23 09:00:00" rec alerts >/dev/null
same "Jun 23: under the plan, not raised" "$(od_of INV-CAN-1)" 0
expect "Jun 23: the plan cancelled, the bill owes again" 0 "Cancelled" \
    env PAYDESK_NOW="2025-06-23 10:00:00" PAYDESK_PIN=4321 "$PD" --user rita \
    arrangement cancel "$pcan" --reason "Moved away"
PAYDESK_NOW="2025-06-24 09:00:00" rec alerts >/dev/null
same "Jun 24: given back 75 days past due, raised" \
    "$(sqlite3 "$DB" "SELECT count(*) || ' ' || min(amount) FROM alerts WHERE kind = 'item-overdue' AND ref = 'INV-CAN-1'")" \
    "1 5000"
# a plan broken, rescheduled, broken again: a second broken alert (its
# cause's period is the reschedule; review 21, the first one's key was
# taken for it and nothing was raised)
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-BRK-1,WU-10002,May 2025,60.00,2025-05-01,2025-06-20\n' \
    >"$T/brk1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/brk1.csv" >/dev/null
expect "Jun 24: a plan of 2 weekly, no miss allowed" 0 "Arrangement" \
    rec arrangement create WU-10002 --items INV-BRK-1 --installments 2 \
    --frequency weekly --first-due 2025-07-01 --reason Hardship
pbrk=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
brk() { sqlite3 "$DB" "SELECT group_concat(status, ' ') FROM (SELECT status FROM alerts WHERE kind = 'plan-broken' AND arrangement_id = (SELECT a.id FROM arrangements a JOIN plans p ON p.id = a.plan_id WHERE p.plan_no = '$pbrk') ORDER BY id)"; }
PAYDESK_NOW="2025-07-02 09:00:00" rec alerts >/dev/null
same "Jul 2: the first installment missed, the plan broken: raised" "$(brk)" open
expect "Jul 2: rescheduled" 0 "Active" env PAYDESK_NOW="2025-07-02 10:00:00" \
    PAYDESK_PIN=4321 "$PD" --user rita arrangement reschedule "$pbrk" \
    --installments 2 --frequency weekly --first-due 2025-07-10 --reason "Lost job"
PAYDESK_NOW="2025-07-03 09:00:00" rec alerts >/dev/null
same "Jul 3: mended, the pass closes it" "$(brk)" closed
PAYDESK_NOW="2025-07-11 09:00:00" rec alerts >/dev/null
same "Jul 11: broken again: a new alert" "$(brk)" "closed open"
same "its cause names the reschedule" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE cause LIKE 'plan-broken:%:1'")" 1
# a void makes an installment owed again past its day: missed and broken
# at once, not at the next day's pass (review 21)
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-VBRK-1,WU-10003,Jun 2025,60.00,2025-06-01,2025-07-01\n' \
    >"$T/void1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/void1.csv" >/dev/null || echo "not ok - import void1.csv"
expect "Jul 11: a plan of 2 weekly" 0 "Arrangement" \
    rec arrangement create WU-10003 --items INV-VBRK-1 --installments 2 \
    --frequency weekly --first-due 2025-07-14 --reason Hardship
pbrk=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
expect "Jul 13: its first installment paid" 0 "Receipt number" \
    env PAYDESK_NOW="2025-07-13 10:00:00" PAYDESK_PIN=1234 "$PD" --user jane \
    pay WU-10003 --type installment --method "Bank Transfer" --amount 30
rvoid=$(sed -n 's/^Receipt number  *//p' "$OUT" | head -1)
PAYDESK_NOW="2025-07-15 09:00:00" rec alerts >/dev/null
same "Jul 15: kept, no broken alert" "$(brk)" ""
expect "Jul 15: its payment voided" 0 "" env PAYDESK_NOW="2025-07-15 10:00:00" \
    PAYDESK_PIN=2222 "$PD" --user mary payment void "$rvoid" --reason Bounced
same "the void: the plan broken, raised the same day" "$(brk)" open
same "and its first installment missed" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE kind = 'installment-missed' AND ref = '$pbrk#1' AND status = 'open'")" 1
# paid again the same day: its missed alert closes with the payment, not
# at the next day's pass (review 21b, fault 8: Open all day)
expect "Jul 15: the first installment paid again" 0 "Receipt number" \
    env PAYDESK_NOW="2025-07-15 10:30:00" PAYDESK_PIN=1234 "$PD" --user jane \
    pay WU-10003 --type installment --method "Bank Transfer" --amount 30
same "its missed alert closed by the payment, by system" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE kind = 'installment-missed' AND ref = '$pbrk#1' AND status = 'open'")" 0
# voided again: missed again, a new alert at once (review s48: the cause
# held again with no alert, its first closed, until the plan's end)
rvoid2=$(sed -n 's/^Receipt number  *//p' "$OUT" | head -1)
expect "Jul 15: the second payment voided too" 0 "" \
    env PAYDESK_NOW="2025-07-15 11:00:00" PAYDESK_PIN=2222 "$PD" --user mary \
    payment void "$rvoid2" --reason Bounced
missed1() { sqlite3 "$DB" "SELECT group_concat(status || ':' || substr(cause, instr(cause, '#')), ' ') FROM (SELECT status, cause FROM alerts WHERE kind = 'installment-missed' AND ref = '$pbrk#1' ORDER BY id)"; }
same "missed again: a new alert (cause #2), the first stays closed" \
    "$(missed1)" "closed:installment-missed:$(sqlite3 "$DB" "SELECT uuid FROM items WHERE ref = '$pbrk#1'") open:#2"
expect "paid a third time" 0 "Receipt number" \
    env PAYDESK_NOW="2025-07-15 11:30:00" PAYDESK_PIN=1234 "$PD" --user jane \
    pay WU-10003 --type installment --method "Bank Transfer" --amount 30
same "its second alert closed by the payment" "$(missed1 | cut -d' ' -f2)" "closed:#2"
# a closed alert has no days as of today (review s48: -69 for a due
# alert long closed): empty, null in JSON; its days when raised kept
same "closed: no days in the list" \
    "$(PAYDESK_NOW='2025-07-15 11:30:00' rec --csv alerts --status all --kind missed | tr -d '\r' | grep ",$pbrk#1," | cut -d, -f10 | tr '\n' '|')" "||"
mid=$(sqlite3 "$DB" "SELECT max(id) FROM alerts WHERE kind = 'installment-missed' AND ref = '$pbrk#1'")
same "nor in its JSON; its days when raised kept" \
    "$(PAYDESK_NOW='2025-07-15 11:30:00' rec --json alerts show "$mid" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["days"], a["raised_days"])')" "None 1"
# the text list cut a payment number and the time raised (review 21:
# "PAY-T01-2025-00~", "2025-07-15 10:0~")
expect "the text list of every alert" 0 "Large payment" rec alerts --status all
if grep -q '~' "$OUT"; then notok "the text list: nothing cut" "a value cut"; else ok "the text list: nothing cut"; fi
# [alerts] reconciliation_days: credits no match took, each raised once
# when it is 3 days old (booked 3 days before the pass, or earlier), by the
# pass of that day (the statement imported the day before); a credit the
# gateway rule matched is none (the credits are found by one read of the
# credits and one of the matches' lines, issue 21's speed: the same as a
# probe of each credit's match)
cat >"$T/rst.csv" <<CSV
date,amount,reference
2025-07-13,12.00,UNKNOWN CREDIT A
2025-07-14,14.00,UNKNOWN CREDIT B
2025-07-13,48.50,MPESA PAYOUT QKALERT1
CSV
# (the credit of Jul 16 in the statement of Jul 16, imported that day: a
# line booked after today is refused, issue 20 tester)
printf 'date,amount,reference\n2025-07-16,16.00,UNKNOWN CREDIT C\n' >"$T/rst16.csv"
sup() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
PAYDESK_NOW="2025-07-15 11:00:00" sup statement mapping add ra date=1 amount=2 reference=3 header=1 >/dev/null ||
    echo "not ok - a statement mapping"
PAYDESK_NOW="2025-07-15 11:00:00" sup statement import "$T/rst.csv" --mapping ra --account NL00ALERTS >/dev/null ||
    echo "not ok - a statement imported"
sqlite3 "$DB" "INSERT INTO gw_payments (gateway, code, status, webhook_status, settlement_status, account_ref, phone, amount, paid_at, candidates, fee, settled_on, pulled_at) VALUES ('mpesa', 'QKALERT1', 'succeeded', 'Completed', 'settled', 'WU-10001', '', 5000, '2025-07-11 10:00:00', '', 150, '2025-07-12 09:00:00', '2025-07-12 09:00:00')"
PAYDESK_NOW="2025-07-15 11:30:00" sup deposit match >/dev/null || echo "not ok - the rules run"
credits() { PAYDESK_NOW="$1 09:00:00" rec alerts >/dev/null
	sqlite3 "$DB" "SELECT group_concat(due_on || '/' || amount, ' ') FROM (SELECT due_on, amount FROM alerts WHERE cause LIKE 'reconciliation:unexpected_credit:%' ORDER BY due_on)"; }
same "Jul 16: the credit of Jul 13 is 3 days old; the payout matched" \
    "$(credits 2025-07-16)" "2025-07-13/1200"
PAYDESK_NOW="2025-07-16 11:00:00" sup statement import "$T/rst16.csv" --mapping ra --account NL00ALERTS >/dev/null ||
    echo "not ok - the statement of Jul 16 imported"
same "Jul 17: and the credit of Jul 14" "$(credits 2025-07-17)" \
    "2025-07-13/1200 2025-07-14/1400"
same "Jul 18: nothing new" "$(credits 2025-07-18)" \
    "2025-07-13/1200 2025-07-14/1400"
same "Jul 19: and the credit of Jul 16, each once" "$(credits 2025-07-19)" \
    "2025-07-13/1200 2025-07-14/1400 2025-07-16/1600"
# with 0 days, an exception raises its alert when it appears, not at the
# next day's pass (helper-261, fault 2: an unexpected credit raised
# nothing until then): a statement's credit at its import, a shift's
# over at its close, each audited by what raised it
sed -i 's/^reconciliation_days = 3$/reconciliation_days = 0/' "$PAYDESK_CONFIG"
printf 'date,amount,reference\n2025-07-19,19.19,UNKNOWN CREDIT D\n' >"$T/rst0.csv"
PAYDESK_NOW="2025-07-19 11:00:00" sup statement import "$T/rst0.csv" --mapping ra --account NL00ALERTS >/dev/null ||
    echo "not ok - a statement of Jul 19 imported"
same "0 days: the credit of Jul 19 raised at its import, by the import" \
    "$(sqlite3 "$DB" "SELECT count(*) || ' ' || min(raised_at) FROM alerts WHERE cause LIKE 'reconciliation:unexpected_credit:%' AND due_on = '2025-07-19'") $(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'alerts' AND detail = 'raised=1 by=statement'")" \
    "1 2025-07-19 11:00:00 1"
PAYDESK_NOW="2025-07-19 11:10:00" cashier shift open --count 10000x1 >/dev/null
PAYDESK_NOW="2025-07-19 11:20:00" PAYDESK_APPROVER_PIN=2222 cashier shift close \
    --count 10000x1,200x1 --reason "Cash=Found a coin" --approver mary \
    >/dev/null || echo "not ok - a shift closed over by 2.00"
z0=$(sqlite3 "$DB" "SELECT z_no FROM shifts WHERE status = 'closed' ORDER BY id DESC LIMIT 1")
same "0 days: the shift's over raised at its close, by the close" \
    "$(sqlite3 "$DB" "SELECT count(*) || ' ' || min(raised_at) || ' ' || min(amount) FROM alerts WHERE cause LIKE 'reconciliation:over_short:$z0%'") $(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'alerts' AND detail = 'raised=1 by=shift'")" \
    "1 2025-07-19 11:20:00 200 1"
sed -i 's/^reconciliation_days = 0$/reconciliation_days = 3/' "$PAYDESK_CONFIG"

# [alerts] command is the whole line, ';' and '#' kept (review 21b,
# fault 12: "cat >>F; exit 4" ran as "cat >>F", its failure never said):
# its first half takes the alert, its second's status is the failure
sed -i "s|^command = .*|command = cat >>$T/semi.json; echo 'half #2 ran' >\&2; exit 4|" "$PAYDESK_CONFIG"
export PAYDESK_NOW="2025-07-19 10:00:00"
expect "a large payment, the command of two halves: exit 4 reported" 0 \
    "exit status 4): half #2 ran" cashier pay WU-10001 --type bill \
    --method Cash --amount 650.00
same "its first half had the alert" "$(grep -c '"kind":"large"' "$T/semi.json")" 1
same "the alert waits, its failure kept" \
    "$(sqlite3 "$DB" "SELECT deliver || ' ' || tries FROM alerts WHERE id = (SELECT max(id) FROM alerts)")" "1 1"
sed -i "s|^command = .*|command = $T/deliver.sh # the site's mail hook|" "$PAYDESK_CONFIG"
# (after the minute the failure waits)
export PAYDESK_NOW="2025-07-19 10:01:01"
expect "a '#' is the command's too: the shell takes it as its comment" 0 "" rec alerts
same "delivered then" "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE deliver = 1 AND status <> 'closed'")" 0

# a plan made with an installment falling due within [alerts] due_days:
# its due alert at once, as a reschedule's, not at the next day's pass
# (review s48: a first installment due tomorrow went from no alert to
# Missed, the day's pass already run)
printf '\ndue_days = 3\n' >>"$PAYDESK_CONFIG"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-DUE-1,WU-10001,Jul 2025,40.00,2025-07-01,2025-07-15\n' \
    >"$T/due1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/due1.csv" >/dev/null || echo "not ok - import due1.csv"
rec alerts >/dev/null
expect "Jul 19: a plan, its first installment due tomorrow" 0 "Arrangement" \
    rec arrangement create WU-10001 --items INV-DUE-1 --installments 2 \
    --frequency weekly --first-due 2025-07-20 --reason Hardship
pdue=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
same "its due alert raised with the plan, the day's pass done" \
    "$(sqlite3 "$DB" "SELECT group_concat(ref || ' ' || due_on, ';') FROM alerts WHERE kind = 'installment-due' AND ref LIKE '$pdue#%'")" \
    "$pdue#1 2025-07-20"
sed -i '/^due_days = 3$/d' "$PAYDESK_CONFIG"

# PAYDESK_NOW with a T for the space: kept as every time is (review
# s48: kept with its T, the alerts' backoff could not read it)
PAYDESK_NOW="2025-07-19T10:02:00" rec alerts >/dev/null 2>&1
same "a T read as the space" "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE at LIKE '2025-07-19T%'")" 0
# an alert's ID as the commands take it back: its digits, never grouped
# (review s48: "1,089" in the list, refused by alerts show)
cp "$DB" "$T/ids.db"
sqlite3 "$T/ids.db" "INSERT INTO alerts (id, cause, kind, consumer_id, ref, due_on, amount, figure, raised_at) SELECT 1089, 'large-payment:numbered', 'large-payment', consumer_id, 'R-X', '2025-07-19', 100000, 0, '2025-07-19 10:00:00' FROM alerts LIMIT 1" ||
    echo "not ok - an alert numbered 1089"
expect "an alert of ID 1089 in the list" 0 "1089" rec --db "$T/ids.db" alerts
same "not grouped" "$(grep -c '1,089' "$OUT")" 0
expect "alerts show takes the ID as listed" 0 "1089" rec --db "$T/ids.db" \
    alerts show "$(sed -n 's/^ *\(1089\) .*/\1/p' "$OUT" | head -1)"

. "$TOP/tests/cli/alerts_ended.sh"
# every kind delivered names what its figure is, a large payment's its
# amount (review s50)
same "every kind delivered: its figure's unit" \
    "$(python3 -c "import json,sys
o=[json.loads(l) for l in open(sys.argv[1])]
print(' '.join(sorted(set('%s:%s' % (x['kind'], x['figure_is']) for x in o))))" "$T/delivered")" \
    "broken:misses credit:days_left due:days_ahead gateway:hours large:minor_units missed:days_past_due overdue:days_past_due reconciliation:days_old"
same "every large payment's figure is its amount" \
    "$(python3 -c "import json,sys
o=[json.loads(l) for l in open(sys.argv[1])]
l=[x for x in o if x['kind']=='large']
print(len(l) > 1 and all(x['figure'] == x['amount'] > 0 for x in l))" "$T/delivered")" True

# demo data: its bills already past the days raise their alerts on the
# demo's day, as an import's do (helper-230: the sample consumer's alone,
# raised by his payments; the others' at the next day's pass)
mkdir -p "$T/demo"
printf '[store]\npath = %s\n[alerts]\noverdue_days = 30\n' "$T/demo/s.db" \
    >"$T/demo/c.ini"
PAYDESK_NOW="2026-03-10 09:00:00" "$PD" --config "$T/demo/c.ini" init >/dev/null
PAYDESK_NOW="2026-03-10 09:00:00" "$PD" --config "$T/demo/c.ini" demo >/dev/null
same "demo day: every open item 30 days past due has its alert" \
    "$(sqlite3 "$T/demo/s.db" "SELECT (SELECT count(*) FROM alerts WHERE
 kind = 'item-overdue') || ' ' || (SELECT count(*) > 100 FROM items WHERE
 settled < amount AND due_on <= '2026-02-08') || ' ' || (SELECT count(*)
 FROM items WHERE settled < amount AND due_on <= '2026-02-08')")" \
    "$(sqlite3 "$T/demo/s.db" "SELECT count(*) || ' 1 ' || count(*) FROM
 items WHERE settled < amount AND due_on <= '2026-02-08'")"
same "audited as raised by the demo" \
    "$(sqlite3 "$T/demo/s.db" "SELECT count(*) FROM audit_log WHERE
 entity = 'alerts' AND detail LIKE '% by=demo'")" 1
# a credit note of a Pending payment (an online payment overpaid, not
# verified) cannot be applied: no alert of its expiry; a Posted one's,
# each (helper-235, fault 9: CN-T01-00058 of a Pending payment alerted)
printf 'credit_expiry_days = 365\n' >>"$T/demo/c.ini"
PAYDESK_NOW="2026-03-11 09:00:00" PAYDESK_PIN=482615 "$PD" --config "$T/demo/c.ini" \
    --user admin alerts >/dev/null 2>&1
cn_in() { sqlite3 "$T/demo/s.db" "SELECT count(*) FROM credit_notes cn JOIN
 payments p ON p.id = cn.payment_id WHERE cn.voided = 0 AND cn.applied <
 cn.amount AND cn.expires_on >= '2026-03-11' AND p.status $1"; }
same "demo: unapplied credit notes of Pending payments within the days" \
    "$([ "$(cn_in "= 'Pending'")" -gt 0 ] && echo yes)" yes
same "demo: a credit alert for each of a Posted payment, none of a Pending one" \
    "$(sqlite3 "$T/demo/s.db" "SELECT count(*) || ' ' || coalesce(sum(p.status
 <> 'Posted'), 0) FROM alerts a JOIN credit_notes cn ON cn.cn_no = a.ref JOIN
 payments p ON p.id = cn.payment_id WHERE a.kind = 'credit-expiring'")" \
    "$(cn_in "= 'Posted'") 0"

# one delivery round at a time (helper-240: the screens and their
# background sync each gave every waiting alert to the command, twice):
# two programs at once on the store give each waiting alert once, and an
# alert closed while it waited is not given any more
cat >"$T/slow.sh" <<SH
#!/bin/sh
sleep 0.3
cat >>"$T/once"
SH
chmod +x "$T/slow.sh"
sed -i "s|^command = .*|command = $T/slow.sh|" "$PAYDESK_CONFIG"
sqlite3 "$DB" "DELETE FROM meta WHERE key IN ('alerts_backoff', 'alerts_delivering');
 UPDATE alerts SET deliver = 1 WHERE id IN (SELECT id FROM alerts WHERE
 status <> 'closed' ORDER BY id LIMIT 6)"
CL=$(sqlite3 "$DB" "SELECT id FROM alerts WHERE status = 'closed' ORDER BY id LIMIT 1")
sqlite3 "$DB" "UPDATE alerts SET deliver = 1 WHERE id = $CL"
W=$(sqlite3 "$DB" "SELECT group_concat(id, ' ') FROM (SELECT id FROM alerts
 WHERE deliver = 1 AND status <> 'closed' ORDER BY id)")
rm -f "$T/once"
PAYDESK_NOW="2025-06-20 11:00:00" rec alerts >/dev/null 2>&1 &
PAYDESK_NOW="2025-06-20 11:00:00" rec alerts >/dev/null 2>&1 &
wait
same "two at once: the six waiting given to the command once each" \
    "$(python3 -c "import json,sys; print(' '.join(str(i) for i in sorted(json.loads(l)['id'] for l in open(sys.argv[1]))))" "$T/once")" \
    "$W"
same "the closed one not given" "$(grep -c "\"id\":$CL," "$T/once")" 0
same "none waits (the closed one aside), the round's lease given back" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE deliver = 1 AND
     status <> 'closed'")/$(sqlite3 "$DB" "SELECT coalesce((SELECT value
     FROM meta WHERE key = 'alerts_delivering'), '')")" "0/"

# a broken plan's misses as of now while its alert is not closed
# (helper-241: the alert kept the 1 it was raised with while the plan
# missed a second); the figure it was raised with kept
sed -i "s|^command = .*|command = $T/deliver.sh|" "$PAYDESK_CONFIG"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-MISS-1,WU-10002,Oct 2025,80.00,2025-10-01,2025-10-20\n' \
    >"$T/miss1.csv"
PAYDESK_NOW="2025-10-25 09:00:00" PAYDESK_PIN=9999 "$PD" --user admin \
    import bills "$T/miss1.csv" >/dev/null
pmiss=$(PAYDESK_NOW="2025-10-25 10:00:00" rec arrangement create WU-10002 \
    --items INV-MISS-1 --installments 2 --frequency weekly \
    --first-due 2025-11-03 --reason Hardship | sed -n 's/^Arrangement  *//p')
bmiss() { PAYDESK_NOW="$1 09:00:00" rec --json alerts --kind broken | python3 -c 'import json, sys
print(" ".join("%s:%s/%s" % (a["status"], a["misses"], a["allowed"]) for a in json.load(sys.stdin) if a["plan_no"] == sys.argv[1]))' "$pmiss"; }
same "Nov 4: its first installment missed, broken: one missed of none allowed" \
    "$(bmiss 2025-11-04)" "open:1/0"
BID=$(sqlite3 "$DB" "SELECT a.id FROM alerts a JOIN arrangements r ON r.id = a.arrangement_id JOIN plans p ON p.id = r.plan_id WHERE a.kind = 'plan-broken' AND p.plan_no = '$pmiss'")
same "Nov 11: the second missed too: two in the list and alerts show, the alert raised with one" \
    "$(bmiss 2025-11-11)/$(PAYDESK_NOW="2025-11-11 09:00:00" rec --json alerts show "$BID" | python3 -c 'import json, sys
print(json.load(sys.stdin)["misses"])')/$(sqlite3 "$DB" "SELECT figure FROM alerts WHERE id = $BID")" \
    "open:2/0/2/1"

# A pass run under a clock ahead (helper-243, fault 1: one preview at a
# day two years on raised a plan's broken and missed alerts for that
# day, and the terminal then raised no alert of the day until it came,
# without a word). The inbox says the clock is behind the last pass; a
# supervisor's `alerts pass` passes today's: every plan read, the
# alerts that do not hold today closed, the day set back, and the days
# after pass again
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-CLK-1,WU-10003,Nov 2025,90.00,2025-11-20,2025-12-10\nINV-CLK-2,WU-10003,Nov 2025,40.00,2025-11-20,2025-12-15\nINV-CLK-3,WU-10003,Oct 2025,30.00,2025-10-20,2025-12-05\nINV-CLK-4,WU-10003,Oct 2025,35.00,2025-10-20,2025-11-01\n' \
    >"$T/clk.csv"
PAYDESK_NOW="2025-12-01 09:00:00" PAYDESK_PIN=9999 "$PD" --user admin \
    import bills "$T/clk.csv" >/dev/null
pclk=$(PAYDESK_NOW="2025-12-01 10:00:00" rec arrangement create WU-10003 \
    --items INV-CLK-1 --installments 2 --frequency weekly \
    --first-due 2025-12-22 --reason Hardship | sed -n 's/^Arrangement  *//p')
[ -n "$pclk" ] || echo "not ok - a plan of WU-10003 on Dec 1"
# clk DAY: the open alerts of that plan, kind:status:day raised
clk() { PAYDESK_NOW="$1 09:00:00" rec --json alerts --status all | python3 -c 'import json, sys
print(" ".join(sorted("%s:%s:%s" % (a["alert"], a["status"], a["raised_at"][:10]) for a in json.load(sys.stdin) if a["plan_no"] == sys.argv[1])))' "$pclk"; }
PAYDESK_NOW="2028-01-15 09:00:00" rec arrangement preview WU-10003 \
    --installments 3 --frequency weekly --first-due 2028-01-20 >/dev/null 2>&1
same "a preview under a clock ahead: the plan broken, both missed, raised that day" \
    "$(clk 2028-01-15)" "broken:open:2028-01-15 missed:open:2028-01-15 missed:open:2028-01-15"
PAYDESK_NOW="2025-12-20 09:00:00" rec alerts >"$OUT" 2>&1
has "the clock back: the inbox says it is behind the last pass, and what to do" \
    "The clock's day, 2025-12-20, is 756 days before the alerts' last daily pass, 2028-01-15: no alert of the day is raised until then. If that pass ran under a wrong clock, a supervisor passes today's with \`paydesk alerts pass\`"
refused "alerts pass: a recovery officer may not" 5 "needs the supervisor role" \
    env PAYDESK_NOW="2025-12-20 09:00:00" PAYDESK_PIN=4321 "$PD" --user rita alerts pass
expect "alerts pass: today's passed, the day before named" 0 "Pass before  2028-01-15" \
    env PAYDESK_NOW="2025-12-20 09:30:00" PAYDESK_PIN=2222 "$PD" --user mary alerts pass
has "  passed for today" "Passed for   2025-12-20"
same "the alerts that do not hold on Dec 20 closed; its #1 due soon raised that day" \
    "$(clk 2025-12-20)" "broken:closed:2028-01-15 due:open:2025-12-20 missed:closed:2028-01-15 missed:closed:2028-01-15"
same "each ended by system, saying why" \
    "$(for id in $(sqlite3 "$DB" "SELECT a.id FROM alerts a JOIN arrangements r ON r.id = a.arrangement_id JOIN plans p ON p.id = r.plan_id WHERE p.plan_no = '$pclk' AND a.raised_at LIKE '2028%' ORDER BY a.kind, a.ref"); do
	PAYDESK_NOW="2025-12-20 10:00:00" rec --json alerts show "$id" | python3 -c 'import json, sys
h = json.load(sys.stdin)["history"][-1]
print(h["user"], h["action"] + ":", h["text"])'; done | tr '\n' '|')" \
    "system Closed: its cause ended: $pclk#1 is not missed: it falls due on 2025-12-22|system Closed: its cause ended: $pclk#2 is not missed: it falls due on 2025-12-29|system Closed: its cause ended: Arrangement $pclk is no longer broken: rescheduled or paid up|"
PAYDESK_NOW="2025-12-21 09:00:00" rec alerts >"$OUT" 2>&1
lacks() { if grep -qF -- "$2" "$OUT"; then notok "$1" "output has: $2"; else ok "$1"; fi; }
lacks "Dec 21: the clock no longer behind" "days before the alerts' last"
same "Dec 23: the days pass again, its first installment missed the day after it fell due" \
    "$(clk 2025-12-23 | tr ' ' '\n' | grep -c 'missed:open:2025-12-23')" 1

# the items' overdue alerts that pass raised (helper-252, fault 9: they
# stayed Open after the pass of today): at 20 days, INV-CLK-2 (due Dec
# 15) and INV-CLK-3 (due Dec 5) are not overdue on Dec 20 and close,
# saying so; INV-CLK-4 (due Nov 1) is and stays Open; each is raised
# again on the day it is 20 days overdue, and on no day before
# iod DAY: the INV-CLK items' overdue alerts, ref:status:day raised
iod() { PAYDESK_NOW="$1 09:00:00" rec --json alerts --status all --kind overdue | python3 -c 'import json, sys
print(" ".join(sorted("%s:%s:%s" % (a["ref"], a["status"], a["raised_at"][:10]) for a in json.load(sys.stdin) if a["ref"].startswith("INV-CLK-"))))'; }
same "Dec 23: the ones not overdue on Dec 20 closed, INV-CLK-4 open" \
    "$(iod 2025-12-23)" \
    "INV-CLK-2:closed:2028-01-15 INV-CLK-3:closed:2028-01-15 INV-CLK-4:open:2025-12-01"
same "each ended by system, naming its due date" \
    "$(for r in INV-CLK-2 INV-CLK-3; do
	PAYDESK_NOW="2025-12-23 10:00:00" rec --json alerts show "$(sqlite3 "$DB" "SELECT id FROM alerts WHERE kind = 'item-overdue' AND ref = '$r'")" | python3 -c 'import json, sys
h = json.load(sys.stdin)["history"][-1]
print(h["user"], h["action"] + ":", h["text"])'; done | tr '\n' '|')" \
    "system Closed: its cause ended: INV-CLK-2 is not overdue yet: it falls due on 2025-12-15|system Closed: its cause ended: INV-CLK-3 is not overdue yet: it falls due on 2025-12-05|"
same "Dec 24: INV-CLK-3 is 19 days past due: not raised again yet" \
    "$(iod 2025-12-24)" \
    "INV-CLK-2:closed:2028-01-15 INV-CLK-3:closed:2028-01-15 INV-CLK-4:open:2025-12-01"
same "Dec 25: 20 days: raised again, a new alert; INV-CLK-2 not yet" \
    "$(iod 2025-12-25)" \
    "INV-CLK-2:closed:2028-01-15 INV-CLK-3:closed:2028-01-15 INV-CLK-3:open:2025-12-25 INV-CLK-4:open:2025-12-01"
same "Jan 4: INV-CLK-2's day: raised again" \
    "$(iod 2026-01-04 | tr ' ' '\n' | grep -c '^INV-CLK-2:open:2026-01-04$')" 1

# [alerts] missed and broken (helper-261, fault 4): each rule off raises
# nothing of its cause, the alerts raised before stay as they are; on
# again, what holds is raised at the next pass, once
arrk() { sqlite3 "$DB" "SELECT coalesce(group_concat(kind || ':' || status, ' '), '') FROM (SELECT kind, status FROM alerts WHERE kind IN ('plan-broken', 'installment-missed') AND arrangement_id = (SELECT a.id FROM arrangements a JOIN plans p ON p.id = a.plan_id WHERE p.plan_no = '$1') ORDER BY id)"; }
others() { sqlite3 "$DB" "SELECT count(*) || ' ' || sum(status <> 'closed') FROM alerts WHERE kind IN ('plan-broken', 'installment-missed')"; }
printf '\nmissed = no\nbroken = no\n' >>"$PAYDESK_CONFIG"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-OFF-1,WU-10002,Jan 2026,60.00,2026-01-01,2026-01-20\n' \
    >"$T/off1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/off1.csv" >/dev/null || echo "not ok - import off1.csv"
export PAYDESK_NOW="2026-01-05 10:00:00"
rec alerts >/dev/null
before=$(others)
expect "Jan 5: a plan of 2 weekly, no miss allowed" 0 "Arrangement" \
    rec arrangement create WU-10002 --items INV-OFF-1 --installments 2 \
    --frequency weekly --first-due 2026-01-07 --reason Hardship
poff=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
PAYDESK_NOW="2026-01-09 09:00:00" rec alerts >/dev/null
same "both off: its installment missed and the plan broken raise nothing" \
    "$(arrk "$poff")" ""
same "both off: the alerts of those kinds raised before stay as they were" \
    "$(others)" "$before"
sed -i '/^broken = no$/d' "$PAYDESK_CONFIG"
PAYDESK_NOW="2026-01-10 09:00:00" rec alerts >/dev/null
same "broken on, missed off: the plan broken raised, no missed" \
    "$(arrk "$poff")" "plan-broken:open"
sed -i '/^missed = no$/d' "$PAYDESK_CONFIG"
PAYDESK_NOW="2026-01-11 09:00:00" rec alerts >/dev/null
same "missed on again: the installment still missed raised" \
    "$(arrk "$poff")" "plan-broken:open installment-missed:open"
PAYDESK_NOW="2026-01-12 09:00:00" rec alerts >/dev/null
same "each once" "$(arrk "$poff")" "plan-broken:open installment-missed:open"
printf '\nmissed = no\nbroken = no\n' >>"$PAYDESK_CONFIG"
PAYDESK_NOW="2026-01-15 09:00:00" rec alerts >/dev/null
same "off again: the open ones stay open, the second miss raises nothing" \
    "$(arrk "$poff")" "plan-broken:open installment-missed:open"
sed -i '/^missed = no$/d; /^broken = no$/d' "$PAYDESK_CONFIG"
for k in missed broken refused; do
	printf '\n%s = maybe\n' "$k" >>"$PAYDESK_CONFIG"
	expect "$k = maybe: refused, naming the key and the choices" 3 \
	    "[alerts] $k: \"maybe\": must be one of yes|no" rec alerts
	sed -i "/^$k = maybe$/d" "$PAYDESK_CONFIG"
done
expect "the keys listed by paydesk config" 0 "" rec config
same "  each yes by default" \
    "$(grep -E '^(missed|broken|refused) = ' "$OUT" | tr '\n' ' ')" \
    "missed = yes broken = yes refused = yes "
