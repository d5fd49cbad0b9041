# test_anomalies.sh - the anomaly rules of a day (issue 23): a payment
# far above its consumer's average, many payments of one consumer in a
# short time, a terminal's cash voids and credit notes far above its
# peers', round credit notes of one user. A small store of known
# answers on three terminals; each rule's rows again here in sqlite3 and
# awk from the ledger, and the figures by hand.
. "$TOP/tests/cli/lib.sh"
setup_store
D=2025-06-10
printf 'invoice_no,account_no,period,amount,issued_on,due_on
A-1,WU-10001,Jan,10,2025-01-01,2025-01-15
A-2,WU-10001,Feb,10,2025-02-01,2025-02-15
A-3,WU-10001,Mar,10,2025-03-01,2025-03-15
A-4,WU-10001,Jun,60,2025-06-01,2025-06-15
C-1,WU-10003,Jan,10,2025-01-01,2025-01-15
C-2,WU-10003,Feb,10,2025-02-01,2025-02-15
C-3,WU-10003,Mar,10,2025-03-01,2025-03-15
C-4,WU-10003,Jun,40,2025-06-01,2025-06-15
V-1,WU-10003,Jun,3,2025-06-01,2025-06-15
V-2,WU-10003,Jun,3,2025-06-01,2025-06-15
V-3,WU-10003,Jun,3,2025-06-01,2025-06-15
V-4,WU-10003,Jun,3,2025-06-01,2025-06-15
V-5,WU-10003,Jun,3,2025-06-01,2025-06-15
B-1,WU-10002,Jun,5,2025-06-01,2025-06-15
B-2,WU-10002,Jun,5,2025-06-01,2025-06-15
B-3,WU-10002,Jun,5,2025-06-01,2025-06-15
B-4,WU-10002,Jun,5,2025-06-01,2025-06-15
G-1,WU-10002,Jun,5,2025-06-01,2025-06-15
' >"$T/a.csv"
sup import bills "$T/a.csv" >/dev/null
# term ID: the terminal the next commands work at
term() { sed -i "s/^id = .*/id = $1/" "$PAYDESK_CONFIG"; }
p() { PAYDESK_NOW="$1" cashier pay "$2" --type bill --items "$3" \
    --amount "$4" --method Cash >/dev/null 2>&1 || echo "not ok - pay $*"; }
rcpt() { sql "SELECT p.receipt_no FROM payments p JOIN allocations a ON
 a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE i.ref = '$1'"; }
void() { PAYDESK_NOW="$D 17:00:00" sup payment void "$(sql "SELECT
 payment_no FROM payments WHERE receipt_no = '$(rcpt "$1")'")" \
    --reason test >/dev/null 2>&1 || echo "not ok - void $1"; }
cn() { PAYDESK_NOW="$D 17:30:00" sup credit-note create "$(rcpt "$1")" \
    --amount "$2" --reason "Billing Error" >/dev/null 2>&1 ||
	echo "not ok - credit note $*"; }
# the year before: three payments of 10.00 each of WU-10001 and WU-10003
for m in 01 02 03; do
	p "2025-$m-15 10:00:00" WU-10001 A-${m#0} 10
	p "2025-$m-15 10:00:00" WU-10003 C-${m#0} 10
done
# the day, at T01: 60.00 of WU-10001 (6 times 10.00), 40.00 of WU-10003
# (4 times), WU-10002 three times within 50 minutes and once at 14:00
p "$D 10:00:00" WU-10001 A-4 60
p "$D 10:05:00" WU-10003 C-4 40
p "$D 11:00:00" WU-10002 B-1 5
p "$D 11:20:00" WU-10002 B-2 5
p "$D 11:50:00" WU-10002 B-3 5
p "$D 14:00:00" WU-10002 B-4 5
# cash payments voided: three at T01, one at T02, none at T03 (at work:
# a payment); credit notes: four at T01 (10, 20 and 30.00 round, 5.00
# not), one at T02 (7.00)
for i in 1 2 3; do p "$D 0$((i + 6)):00:00" WU-10003 V-$i 3; done
term T02
p "$D 09:30:00" WU-10003 V-4 3
term T03
p "$D 09:45:00" WU-10003 V-5 3
term T01
void V-1; void V-2; void V-3
cn A-4 10; cn A-4 20; cn A-4 30; cn C-4 5
term T02
void V-4; cn C-4 7
# and a payment of the central node's (a gateway's: of no branch, as
# pulled): the node is no terminal at work, no peer (review R23 s41: it
# made T01's peers three, their average 0.3)
term HQ
p "$D 16:00:00" WU-10002 G-1 5
frozen=$(sql "SELECT sql FROM sqlite_master WHERE name = 'payments_frozen'")
sql "DROP TRIGGER payments_frozen; UPDATE payments SET branch = '' WHERE
 terminal = 'HQ'; $frozen;"
[ "$(sql "SELECT count(*) FROM payments WHERE branch = ''")" = 1 ] ||
	echo "not ok - the central node's payment"
term T01
export PAYDESK_NOW="$D 18:00:00"

# --- the rules again, from the ledger --------------------------------
# large: Posted payments of D, the consumer's Posted payments of the 365
# days before; flagged when amount * n >= 5 * sum and n >= 3
large() {
	sql "SELECT c.account_no, p.receipt_no, p.amount, q.amount FROM
	 payments p JOIN consumers c ON c.id = p.consumer_id LEFT JOIN payments
	 q ON q.consumer_id = p.consumer_id AND q.status = 'Posted' AND
	 julianday('$D') - julianday(q.paid_on) BETWEEN 1 AND 365 WHERE
	 p.paid_on = '$D' AND p.status = 'Posted' ORDER BY p.id" |
	    awk -F'|' -v f="$1" '
	{ k = $1 "|" $2; if (!(k in a)) { o[++m] = k; a[k] = $3 }
	  if ($4 != "") { n[k]++; s[k] += $4 } }
	END { for (i = 1; i <= m; i++) { k = o[i]
		if (n[k] >= 3 && a[k] * n[k] >= f * s[k]) print "Large payment|" k "|1|" a[k] } }'
}
# burst: each consumer's Posted and Pending payments of D by time, the
# most within 60 minutes; flagged at 3
burst() {
	sql "SELECT c.account_no, strftime('%s', p.created_at), p.amount FROM
	 payments p JOIN consumers c ON c.id = p.consumer_id WHERE p.paid_on =
	 '$D' AND p.status IN ('Posted', 'Pending') ORDER BY c.account_no,
	 p.created_at" | awk -F'|' '
	function out() { if (best >= 3) print "Many payments|" acc "|" best "|" bsum }
	$1 != acc { if (acc != "") out(); acc = $1; k = 0; best = 0 }
	{ t[++k] = $2; a[k] = $3
	  for (j = 1; j <= k; j++) if (t[k] - t[j] <= 3600) break
	  s = 0; for (i = j; i <= k; i++) s += a[i]
	  if (k - j + 1 > best) { best = k - j + 1; bsum = s } }
	END { if (acc != "") out() }'
}
# peers: each terminal at work on D (a payment of a branch, a void, a
# credit note) with its count; flagged when count >= 3 and count * (n - 1) >= 3 *
# the others' count
peers() {
	{ sql "SELECT terminal, '' FROM payments WHERE paid_on = '$D' AND
	  branch <> '' UNION
	  SELECT terminal, '' FROM voids WHERE voided_at LIKE '$D%' UNION
	  SELECT terminal, '' FROM credit_notes WHERE created_on = '$D'"
	  sql "$2"; } | awk -F'|' -v rule="$1" '
	$2 == "" { if (!($1 in c)) { c[$1] = 0; n++ } next }
	{ c[$1]++; s[$1] += $2; all++ }
	END { for (t in c) if (c[t] >= 3 && c[t] * (n - 1) >= 3 * (all - c[t]))
		print rule "|" t "|" c[t] "|" s[t] }'
}
voids() {
	peers "Cash voids" "SELECT v.terminal, p.amount FROM voids v JOIN
	 payments p ON p.id = v.payment_id WHERE p.method_kind = 'cash' AND
	 v.voided_at LIKE '$D%'"
}
credits() {
	peers "Credit notes" "SELECT terminal, amount FROM credit_notes WHERE
	 automatic = 0 AND created_on = '$D'"
}
# round: each user's credit notes by hand of D of a multiple of 10.00
round_() {
	sql "SELECT created_by, amount FROM credit_notes WHERE automatic = 0
	 AND created_on = '$D' AND amount % 1000 = 0" | awk -F'|' '
	{ c[$1]++; s[$1] += $2 }
	END { for (u in c) if (c[u] >= 3) print "Round credit notes|" u "|" c[u] "|" s[u] }'
}
# rows of the CSV in $OUT: rule|account or who|count|amount in minor
# units (the large rule's: account|receipt)
rows() { python3 -c 'import csv, sys
from decimal import Decimal
for r in list(csv.reader(open(sys.argv[1])))[1:]:
    key = r[2] + "|" + r[3] if r[0] == "Large payment" else (r[2] or r[1])
    print("|".join([r[0], key, r[4], str(int(Decimal(r[5]) * 100))]))' "$OUT"; }

run sup --csv report anomalies --date "$D"
[ "$RC" -eq 0 ] && ok "report anomalies --date: status 0" ||
	notok "report anomalies --date: status 0" "status $RC"
same "the large payments again" "$(rows | grep '^Large')" "$(large 5)"
same "by hand: WU-10001's 60.00 (6 times 10.00), not WU-10003's 40.00" \
    "$(rows | grep '^Large' | cut -d'|' -f2,5)" "WU-10001|6000"
same "the bursts again" "$(rows | grep '^Many')" "$(burst)"
same "by hand: WU-10002's three payments within 50 minutes, 15.00" \
    "$(rows | grep '^Many')" "Many payments|WU-10002|3|1500"
same "the cash voids against the peers again" \
    "$(rows | grep '^Cash')" "$(voids)"
same "by hand: T01's three voids, its two peers' one (0.5 on average)" \
    "$(rows | grep '^Cash')" "Cash voids|T01|3|900"
same "the credit notes against the peers again" \
    "$(rows | grep '^Credit')" "$(credits)"
same "by hand: T01's four credit notes, 65.00" \
    "$(rows | grep '^Credit')" "Credit notes|T01|4|6500"
same "the round credit notes again" "$(rows | grep '^Round')" "$(round_)"
same "by hand: Mary's 10.00, 20.00 and 30.00, not 5.00 or 7.00" \
    "$(rows | grep '^Round')" "Round credit notes|Mary Johnson|3|6000"
same "the rules in their order, nothing else" "$(rows | cut -d'|' -f1)" \
    "Large payment
Many payments
Cash voids
Credit notes
Round credit notes"

run sup report anomalies --date "$D"
has "the reason of the large payment, with its figures" \
    'is 6.0 times the consumer'"'"'s average of $10.00 over 3 payments in the year before (the rule: 5 times)'
has "the reason of the burst" \
    "3 payments of \$15.00 from 11:00:00 to 11:50:00, within 60 minutes (the rule: 3 within 60 minutes)"
has "the reason of the voids, the peers' average" \
    "3 cash payments voided (\$9.00); its 2 peers voided 0.5 on average (the rule: 3 times, at least 3)"
has "the reason of the round notes, each amount" \
    "3 credit notes of whole multiples of \$10.00: \$10.00, \$20.00, \$30.00 (the rule: 3 in a day)"
# the organisation's scope (an admin's) holds the central node's payment
# too: still T01's two peers, not three (review R23 s41)
run env PAYDESK_PIN=9999 "$PD" --user admin report anomalies --date "$D"
has "the organisation's scope: the node is no peer" \
    "3 cash payments voided (\$9.00); its 2 peers voided 0.5 on average (the rule: 3 times, at least 3)"
run sup --json report anomalies --date "$D"
same "--json: the five rows with their reasons" "$(python3 -c 'import json, sys
o = json.load(open(sys.argv[1]))
rows = o["anomalies"]
print(o["scope"], len(rows), all(r["reason"] for r in rows), rows[0]["amount"])' "$OUT")" \
    "branch 5 True 6000"
run sup --xlsx "$T/a.xlsx" report anomalies --date "$D"
[ "$RC" -eq 0 ] && [ -s "$T/a.xlsx" ] && ok "--xlsx: a workbook" ||
	notok "--xlsx: a workbook" "status $RC"

# the cash voids and credit notes named: the first and last voided
# receipt and credit note of the terminal (R23 fault 12), from the ledger
refs() { python3 -c 'import csv, sys
for r in list(csv.reader(open(sys.argv[1])))[1:]:
    if r[0] in ("Cash voids", "Credit notes"): print(r[1] + "|" + r[3])' "$OUT"; }
run sup --csv report anomalies --date "$D"
same "the voids and credit notes name their receipts and notes" "$(refs)" \
    "T01|$(sql "SELECT min(p.receipt_no) || '..' || max(p.receipt_no) FROM
 voids v JOIN payments p ON p.id = v.payment_id WHERE v.terminal = 'T01'")
T01|$(sql "SELECT min(cn_no) || '..' || max(cn_no) FROM credit_notes WHERE
 terminal = 'T01' AND automatic = 0")"
same "by hand: T01's voids of V-1..V-3, its notes 1 to 4" "$(refs)" \
    "T01|$(rcpt V-1 | head -1)..$(rcpt V-3 | head -1)
T01|CN-T01-00001..CN-T01-00004"
# and the text's Reference column holds them whole (review R23: it was
# cut to "R-T02-000003..R~")
run sup report anomalies --date "$D"
same "the text names the first and last whole" \
    "$(grep -c -F -e "$(rcpt V-1 | head -1)..$(rcpt V-3 | head -1)" \
     -e "CN-T01-00001..CN-T01-00004" "$OUT")" 2
# JSON and CSV never change with the language (paydesk(1) ENVIRONMENT;
# R23 fault 8): the rule, the reason, as in English; the text is the
# reader's
for f in --csv --json; do
	run sup $f report anomalies --date "$D"
	cp "$OUT" "$T/en.out"
	for l in es fr; do
		LANGUAGE=$l run sup $f report anomalies --date "$D"
		same "$f in $l as in English" "$(cat "$OUT")" "$(cat "$T/en.out")"
	done
done
LANGUAGE=es run sup report anomalies --date "$D"
has "the text in Spanish: the rule" "Anulaciones en efectivo"
LANGUAGE=es run sup --xlsx "$T/es.xlsx" report anomalies --date "$D"
[ "$RC" -eq 0 ] && ok "--xlsx in Spanish: a workbook" ||
	notok "--xlsx in Spanish: a workbook" "status $RC"

# the report filters of the payments the rules read (issue 23: filters
# everywhere a report has them): --segment Residential keeps WU-10001's
# large payment, WU-10002's burst and Mary's round notes (of A-4, WU-10001's);
# the voids are of WU-10003's payments, and T01's notes of WU-10001's have
# no peer (T02 and T03 took none of the segment's payments)
rules() { rows | cut -d'|' -f1,2 | tr '\n' ' '; }
run sup --csv report anomalies --date "$D" --segment Residential
same "--segment Residential: the large payment, the burst, the round notes" \
    "$RC $(rules)" "0 Large payment|WU-10001 Many payments|WU-10002 Round credit notes|Mary Johnson "
run sup --csv report anomalies --date "$D" --segment commercial
same "--segment commercial: T01's voids of WU-10003's payments alone" \
    "$RC $(rules)" "0 Cash voids|T01 "
run sup --csv report anomalies --date "$D" --method cash
same "--method cash (any case): the five rows, each payment cash" \
    "$RC $(rows | wc -l)" "0 5"
run sup --csv report anomalies --date "$D" --method "Credit Card"
same "--method Credit Card: none, no card payment" "$RC $(rows | wc -l)" "0 0"
run sup --csv report anomalies --date "$D" --channel Kiosk
same "--channel Kiosk: none, every payment walk-in" "$RC $(rows | wc -l)" "0 0"
run sup --csv report anomalies --date "$D" --channel walk-in
same "--channel walk-in: the five" "$RC $(rows | wc -l)" "0 5"
run sup --json report anomalies --date "$D" --segment Residential --method Cash
same "--json: the filters as typed" "$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["filters"])' "$OUT")" \
    "{'segment': 'Residential', 'method': 'Cash'}"
expect "--segment of none: refused (2, as --method)" 2 "Nope" \
    sup report anomalies --segment Nope
expect "--method of none: refused (2)" 2 "--method \"Barter\"" \
    sup report anomalies --method Barter
expect "--period of no form: refused (2)" 2 '--period "2025-5": not a period' \
    sup report anomalies --period 2025-5
expect "--period of the form but no month: refused (3)" 3 \
    '--period "2025-13": no such month' sup report anomalies --period 2025-13

# the thresholds are the configuration's
printf '[anomalies]\nlarge_factor = 4\nburst_count = 4\nround_unit = 5.00\nround_count = 5\n' >>"$PAYDESK_CONFIG"
run sup --csv report anomalies --date "$D"
same "large_factor 4: WU-10003's 40.00 too (4 times)" \
    "$(rows | grep '^Large' | cut -d'|' -f2,5)" "WU-10001|6000
WU-10003|4000"
same "large_factor 4: the rule again" "$(rows | grep '^Large')" "$(large 4)"
same "burst_count 4 and round_count 5: neither" \
    "$(rows | grep -c '^Many\|^Round')" "0"
# the rules are the organisation's (review R23): settings the central
# node masters, kept in the store (as `import settings` keeps them here),
# winning over a terminal's file
printf 'key,value\nanomalies.large_factor,5\nanomalies.burst_count,3\n' \
    >"$T/as.csv"
run env PAYDESK_PIN=9999 "$PD" --user admin import settings "$T/as.csv"
same "anomalies.* are the organisation's settings" "$RC" 0
# said so by config, at a store with no central node (helper-255, fault
# 3: "set by the central node")
"$PD" config >"$OUT" 2>&1
same "config: the keys set by the settings imported here, said so" \
    "$(grep -A1 "^; set by the organisation's settings imported here, over the file's value:" "$OUT" | grep -cE '^(large_factor|burst_count) = ')/$(grep -c 'set by the central node' "$OUT")" "2/0"
run sup --csv report anomalies --date "$D"
same "the store's large_factor 5 over the file's 4: WU-10001's alone" \
    "$(rows | grep '^Large' | cut -d'|' -f2,5)" "WU-10001|6000"
same "the store's burst_count 3 over the file's 4: WU-10002's" \
    "$(rows | grep -c '^Many')" "1"
# (5 and 3 are the defaults: what follows reads the same)
sed -i '/^\[anomalies\]/,$d' "$PAYDESK_CONFIG"

# the scope: the rules over T01's own payments (T02 at work on them by
# its credit note of C-4; T02's void of its own payment out of it)
run sup --csv report anomalies --date "$D" --scope terminal
same "--scope terminal: the rules over T01's payments" \
    "$(rows)" "Large payment|WU-10001|$(rcpt A-4)|1|6000
Many payments|WU-10002|3|1500
Cash voids|T01|3|900
Credit notes|T01|4|6500
Round credit notes|Mary Johnson|3|6000"
# one peer, in the singular (T02 at work by its note on C-4)
run sup report anomalies --date "$D" --scope terminal
# its peers are every terminal at work that day, not only those at work
# on T01's payments (s72 fault 8): T02 (its own void of 1) and T03, 0.5
has "--scope terminal: its 2 peers, all the terminals at work" \
    "3 cash payments voided (\$9.00); its 2 peers voided 0.5 on average"
term T03
run sup --csv report anomalies --date "$D" --scope terminal
same "--scope terminal at T03: one payment, nothing to flag" "$(rows)" ""
term T01
# another day: none
run sup --csv report anomalies --date 2025-06-11
same "a day of nothing: no rows" "$(rows)" ""

# two large payments of one consumer on one day: each against the same
# year before (its four Posted payments: 10.00 three times and D's
# 60.00), neither counting the other of its day; the history read once
# for its count and sum (a join grouped by the day's payment)
D2=2025-06-20
printf 'invoice_no,account_no,period,amount,issued_on,due_on
A-5,WU-10001,Jun2,120,2025-06-16,2025-06-30
A-6,WU-10001,Jun3,120,2025-06-16,2025-06-30
' >"$T/a2.csv"
sup import bills "$T/a2.csv" >/dev/null
p "$D2 10:00:00" WU-10001 A-5 120
p "$D2 12:00:00" WU-10001 A-6 120
# read that evening (a day after today has no data: refused, below)
export PAYDESK_NOW="$D2 18:00:00"
run sup --csv report anomalies --date "$D2"
same "two of one day: the large payments again" \
    "$(rows | grep '^Large')" "$(D=$D2 large 5)"
same "by hand: both 120.00 (5.3 times 22.50)" \
    "$(rows | grep '^Large' | cut -d'|' -f2,5)" "WU-10001|12000
WU-10001|12000"
expect "a day after today: refused (3), as kpi refuses it (R23)" 3 \
    "is in the future (today is" sup report anomalies --date 2999-01-01
same "and no list begun before the refusal" "$(grep -c '^Scope' "$OUT")" 0
run sup report anomalies --date "$D2"
has "two of one day: over the 4 payments before the day" \
    "is 5.3 times the consumer's average of \$22.50 over 4 payments"

refused "--date not a date: refused (3)" 3 '--date "2025-13-40"' \
    sup report anomalies --date 2025-13-40
refused "a cashier: refused (5)" 5 "needs the supervisor role" \
    cashier report anomalies
refused "a bad [anomalies] key: refused" 3 "large_factor" \
    env PAYDESK_CONFIG="$T/bad.ini" sh -c "cp '$PAYDESK_CONFIG' '$T/bad.ini'
	printf '[anomalies]\nlarge_factor = 1\n' >>'$T/bad.ini'
	PAYDESK_PIN=2222 '$PD' --user mary report anomalies"

# round credit notes under team visibility (review s52): the rule is of
# the notes one user made, so a team reads the notes its users made,
# whoever took the payments they give back (they read the notes of the
# team's payments, made by the other team). mary (North) makes three
# notes of 10.00 of jane's (South) payments, sam (South) three of mary's.
D3=2025-06-25
export PAYDESK_NOW="$D3 18:00:00"
printf 'username,full_name,role,pin\nsam,Sam Stone,supervisor,5555\n' >"$T/sam.csv"
env PAYDESK_PIN=9999 "$PD" --user admin import users "$T/sam.csv" >/dev/null ||
	echo "not ok - user sam"
for u in mary:North jane:South sam:South; do
	env PAYDESK_PIN=9999 "$PD" --user admin user set "${u%:*}" \
	    --team "${u#*:}" >/dev/null || echo "not ok - team of $u"
done
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n' >"$T/tm.csv"
for i in 1 2 3 4 5 6; do
	echo "W-$i,WU-10002,Jun$i,20,2025-06-20,2025-06-30" >>"$T/tm.csv"
done
sup import bills "$T/tm.csv" >/dev/null
for i in 1 2 3; do p "$D3 09:0$i:00" WU-10002 W-$i 20; done
for i in 4 5 6; do
	PAYDESK_NOW="$D3 09:0$i:00" sup pay WU-10002 --type bill --items W-$i \
	    --amount 20 --method Cash >/dev/null 2>&1 || echo "not ok - pay W-$i"
done
for i in 1 2 3 4 5 6; do
	who=mary pin=2222
	[ "$i" -gt 3 ] && who=sam pin=5555
	PAYDESK_NOW="$D3 11:0$i:00" env PAYDESK_PIN=$pin "$PD" --user $who \
	    credit-note create "$(rcpt W-$i)" --amount 10 --reason "Billing Error" \
	    >/dev/null 2>&1 || echo "not ok - credit note of W-$i"
done
printf 'key,value\nvisibility.team,yes\n' >"$T/vt.csv"
env PAYDESK_PIN=9999 "$PD" --user admin import settings "$T/vt.csv" \
    >/dev/null 2>&1 || echo "not ok - team visibility"
# by hand: the day's round notes (whole multiples of 10.00) made by hand by
# each user of TEAM, three or more
tround() { sql "SELECT 'Round credit notes|' || u.full_name || '|' ||
 count(*) || '|' || sum(n.amount) FROM credit_notes n JOIN users u ON u.id =
 n.user_id WHERE n.automatic = 0 AND n.created_on = '$D3' AND n.amount %
 1000 = 0 AND u.team = '$1' GROUP BY u.id HAVING count(*) >= 3"; }
# (the hand's answer checked, not counted: it is no check of paydesk)
[ "$(tround North)" = "Round credit notes|Mary Johnson|3|3000" ] &&
    [ "$(tround South)" = "Round credit notes|Sam Stone|3|3000" ] ||
	echo "not ok - by hand: mary's three of North, sam's of South"
run sup --csv report anomalies --date "$D3"
same "team North: the round notes mary made (of South's payments)" \
    "$(rows | grep '^Round')" "$(tround North)"
run env PAYDESK_PIN=5555 "$PD" --user sam --csv report anomalies --date "$D3"
same "team South: the round notes sam made (of North's payments)" \
    "$(rows | grep '^Round')" "$(tround South)"

# the credit notes rule under team visibility, and --user, by who made
# the notes too (review s53): a note is of its maker, whoever took the
# payment it gives back. D4: jane (South) takes three payments at T01 and
# one at T02, mary (North) one at T02; mary makes three notes of 10.00 of
# jane's T01 payments, at T01. North: T01's three notes (mary's) against
# T02's none; South made no note.
D4=2025-06-26
export PAYDESK_NOW="$D4 18:00:00"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n' >"$T/t4.csv"
for i in 1 2 3 4 5; do
	echo "X-$i,WU-10003,Jun$i,20,2025-06-20,2025-06-30" >>"$T/t4.csv"
done
sup import bills "$T/t4.csv" >/dev/null
for i in 1 2 3; do p "$D4 09:0$i:00" WU-10003 X-$i 20; done
term T02
p "$D4 09:04:00" WU-10003 X-4 20
PAYDESK_NOW="$D4 09:05:00" sup pay WU-10003 --type bill --items X-5 \
    --amount 20 --method Cash >/dev/null 2>&1 || echo "not ok - pay X-5"
term T01
for i in 1 2 3; do
	PAYDESK_NOW="$D4 11:0$i:00" sup credit-note create "$(rcpt X-$i)" \
	    --amount 10 --reason "Billing Error" >/dev/null 2>&1 ||
		echo "not ok - credit note of X-$i"
done
# by hand, WHO (u.team = 'North', or u.username = 'mary'): the terminals
# at work on D4 (a payment WHO took, a void of one, a note WHO made),
# each with the notes WHO made by hand there, flagged as peers() flags
whocredits() {
	{ sql "SELECT p.terminal, '' FROM payments p JOIN users u ON u.id =
	  p.user_id WHERE p.paid_on = '$D4' AND p.branch <> '' AND $1 UNION
	  SELECT v.terminal, '' FROM voids v JOIN payments p ON p.id =
	  v.payment_id JOIN users u ON u.id = p.user_id WHERE v.voided_at LIKE
	  '$D4%' AND $1 UNION SELECT n.terminal, '' FROM credit_notes n JOIN
	  users u ON u.id = n.user_id WHERE n.created_on = '$D4' AND $1"
	  sql "SELECT n.terminal, n.amount FROM credit_notes n JOIN users u ON
	  u.id = n.user_id WHERE n.automatic = 0 AND n.created_on = '$D4' AND
	  $1"; } | awk -F'|' '
	$2 == "" { if (!($1 in c)) { c[$1] = 0; n++ } next }
	{ c[$1]++; s[$1] += $2; all++ }
	END { for (t in c) if (c[t] >= 3 && c[t] * (n - 1) >= 3 * (all - c[t]))
		print "Credit notes|" t "|" c[t] "|" s[t] }'
}
[ "$(whocredits "u.team = 'North'")" = "Credit notes|T01|3|3000" ] &&
    [ "$(whocredits "u.team = 'South'")" = "" ] ||
	echo "not ok - by hand: North's T01, none of South"
run sup --csv report anomalies --date "$D4"
same "team North: T01's credit notes mary made (of South's payments)" \
    "$(rows | grep '^Credit')" "$(whocredits "u.team = 'North'")"
run env PAYDESK_PIN=5555 "$PD" --user sam --csv report anomalies --date "$D4"
same "team South: no credit notes row, its users made none" \
    "$(rows | grep '^Credit')" "$(whocredits "u.team = 'South'")"
# --user, team visibility off: the notes the user made, round and by
# terminal (D3: mary's three of jane's payments, sam's three of mary's)
printf 'key,value\nvisibility.team,no\n' >"$T/vt.csv"
env PAYDESK_PIN=9999 "$PD" --user admin import settings --update "$T/vt.csv" \
    >/dev/null 2>&1 || echo "not ok - team visibility off"
uround() { sql "SELECT 'Round credit notes|' || u.full_name || '|' ||
 count(*) || '|' || sum(n.amount) FROM credit_notes n JOIN users u ON u.id =
 n.user_id WHERE n.automatic = 0 AND n.created_on = '$D3' AND n.amount %
 1000 = 0 AND u.username = '$1' GROUP BY u.id HAVING count(*) >= 3"; }
[ "$(uround mary)" = "Round credit notes|Mary Johnson|3|3000" ] &&
    [ "$(uround jane)" = "" ] ||
	echo "not ok - by hand: mary's three, none of jane's"
for u in mary sam jane; do
	run sup --csv report anomalies --date "$D3" --user $u
	same "--user $u: the round notes $u made" "$(rows | grep '^Round')" "$(uround $u)"
done
run sup --csv report anomalies --date "$D4" --user mary
same "--user mary: T01's credit notes mary made" \
    "$(rows | grep '^Credit')" "$(whocredits "u.username = 'mary'")"
run sup --csv report anomalies --date "$D4" --user jane
same "--user jane: no credit notes row, she made none" \
    "$(rows | grep '^Credit')" "$(whocredits "u.username = 'jane'")"
# the large-payment rule's year before each payment of the day, read from
# the index alone (migration 83: a look-up in the table for each row's
# status and amount was most of the pass at 10M)
same "the year before read through the covering index payments_consumer" \
    "$(sql "EXPLAIN QUERY PLAN SELECT count(q.id), sum(q.amount) FROM
 payments p LEFT JOIN payments q ON q.consumer_id = p.consumer_id AND
 q.paid_on >= date('$D', '-365 days') AND q.paid_on < '$D' AND
 q.status = 'Posted' WHERE p.paid_on = '$D' AND p.status = 'Posted'
 GROUP BY p.id" | grep -c 'SEARCH q USING COVERING INDEX payments_consumer')" 1

# --- --period: the days of an accounting period (h4) -----------------
# its rows are each day's as --date gives them, day by day, each with
# its day; the days after today (June 27 to 30) not read
all=""
d=2025-06-01
while [ "$d" != 2025-06-27 ]; do
	run sup --csv report anomalies --date "$d"
	# (a day of none: no row)
	[ "$(wc -l <"$OUT")" -gt 1 ] && all="$all$(tail -n +2 "$OUT")
"
	d=$(date -d "$d + 1 day" +%F)
done
run sup --csv report anomalies --period 2025-06
[ "$RC" -eq 0 ] && ok "--period 2025-06: status 0" ||
	notok "--period 2025-06: status 0" "status $RC"
same "--period 2025-06: each day's rows, in order" \
    "$(tail -n +2 "$OUT")" "$(printf '%s' "$all")"
same "the day column before the reason" \
    "$(head -1 "$OUT" | cut -d, -f7,8 | tr -d '\r')" "day,reason"
# by hand: the days with rows, and D's large payments from the ledger
same "the days of June with anomalies" "$(python3 -c 'import csv, sys
days = [r[6] for r in list(csv.reader(open(sys.argv[1])))[1:]]
print(" ".join(sorted(set(days))), days == sorted(days))' "$OUT")" \
    "$D $D2 $D3 $D4 True"
same "D's large payments in the period, from the ledger" \
    "$(rows | grep '^Large' | head -$(large 5 | wc -l))" "$(large 5)"
run sup --json report anomalies --period 2025-06
same "--json: each row's day" "$(python3 -c 'import json, sys
o = json.load(open(sys.argv[1]))
print(sorted(set(r["day"] for r in o["anomalies"])))' "$OUT")" \
    "['$D', '$D2', '$D3', '$D4']"
run sup report anomalies --period 2025-06 --date "$D"
[ "$RC" -eq 2 ] && ok "--period with --date: status 2" ||
	notok "--period with --date: status 2" "status $RC"
has "--period with --date: one or the other" \
    '--period "2025-06" takes the place of --date: give one or the other'
run sup report anomalies --period 2025-07
[ "$RC" -eq 3 ] && ok "a period begun after today: status 3" ||
	notok "a period begun after today: status 3" "status $RC"
has "a period begun after today: no data yet" \
    "Period 2025-07 is in the future (today is 2025-06-26)"

# --- team visibility and the terminals' peers (s72 fault 8): the peers
# are every terminal at work that day, another team's too: they are the
# comparison, not rows shown. D5: mary (North) takes 6 cash payments of
# 2.00 at T01, voids 3 of them there and makes 3 credit notes of 1.50 of
# the others there; jane (South) takes 2 at T02. North sees T01's 3 voids
# (6.00) and 3 notes (4.50) against its 1 peer's (T02) 0; South, none:
# T01 is no terminal of South's, T02 did neither.
D5=2025-06-27
export PAYDESK_NOW="$D5 18:00:00"
printf 'key,value\nvisibility.team,yes\n' >"$T/vt.csv"
env PAYDESK_PIN=9999 "$PD" --user admin import settings --update "$T/vt.csv" \
    >/dev/null 2>&1 || echo "not ok - team visibility on again"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n' >"$T/t5.csv"
for i in 1 2 3 4 5 6 7 8; do
	echo "Y-$i,WU-10003,Jun$i,2,2025-06-20,2025-06-30" >>"$T/t5.csv"
done
sup import bills "$T/t5.csv" >/dev/null
term T01
for i in 1 2 3 4 5 6; do
	PAYDESK_NOW="$D5 09:0$i:00" sup pay WU-10003 --type bill --items Y-$i \
	    --amount 2 --method Cash >/dev/null 2>&1 || echo "not ok - pay Y-$i"
done
for i in 1 2 3; do
	PAYDESK_NOW="$D5 10:0$i:00" sup payment void "$(sql "SELECT payment_no
	 FROM payments WHERE receipt_no = '$(rcpt Y-$i)'")" --reason test \
	    >/dev/null 2>&1 || echo "not ok - void Y-$i"
done
for i in 4 5 6; do
	PAYDESK_NOW="$D5 11:0$i:00" sup credit-note create "$(rcpt Y-$i)" \
	    --amount 1.50 --reason "Billing Error" >/dev/null 2>&1 ||
		echo "not ok - credit note of Y-$i"
done
term T02
for i in 7 8; do p "$D5 09:1$i:00" WU-10003 Y-$i 2; done
term T01
# by hand: each terminal at work on D5 (a payment, a void, a note), its
# cash voids and notes made by hand, whoever's payments
h5=$(sql "SELECT group_concat(terminal, ' ') FROM (SELECT terminal FROM
 payments WHERE paid_on = '$D5' UNION SELECT terminal FROM voids WHERE
 voided_at LIKE '$D5%' UNION SELECT terminal FROM credit_notes WHERE
 created_on = '$D5')")
h5="$h5; $(sql "SELECT v.terminal || ' ' || count(*) || ' ' ||
 sum(p.amount) FROM voids v JOIN payments p ON p.id = v.payment_id WHERE
 v.voided_at LIKE '$D5%' GROUP BY v.terminal")"
h5="$h5; $(sql "SELECT terminal || ' ' || count(*) || ' ' || sum(amount)
 FROM credit_notes WHERE created_on = '$D5' AND automatic = 0 GROUP BY
 terminal")"
[ "$h5" = "T01 T02; T01 3 600; T01 3 450" ] ||
	echo "not ok - by hand: T01's 3 voids and 3 notes, T02 none ($h5)"
run sup --csv report anomalies --date "$D5"
same "team North: T01's cash voids and credit notes against its peer T02" \
    "$(rows | grep '^Cash\|^Credit')" "Cash voids|T01|3|600
Credit notes|T01|3|450"
run sup report anomalies --date "$D5"
has "team North: its 1 peer, singular, another team's terminal" \
    "3 cash payments voided (\$6.00); its 1 peer voided 0.0 on average"
has "team North: the notes against the same peer" \
    "3 credit notes made (\$4.50); its 1 peer made 0.0 on average"
run env PAYDESK_PIN=5555 "$PD" --user sam --csv report anomalies --date "$D5"
same "team South: no row of T01, not of its scope; T02 did neither" \
    "$(rows | grep -c '^Cash\|^Credit')" 0
