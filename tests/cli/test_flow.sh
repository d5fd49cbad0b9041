# test_flow.sh - the whole headless flow on a temp store: imports, search,
# payments of every kind, credit notes, void, verify, KPIs, reports,
# audit, doctor, backup, in text, JSON and CSV.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"

expect "init creates the store" 0 "Schema version" "$PD" init
expect "first users import needs no login" 0 "Rows" \
    "$PD" import users "$DATA/users.csv"
export PAYDESK_PIN=9999
for k in consumers bills services installments; do
	expect "import $k" 0 "Rows" "$PD" --user admin import $k "$DATA/$k.csv"
done
same "consumers imported" "$(sql 'SELECT count(*) FROM consumers')" 3
same "installments imported" \
    "$(sql "SELECT count(*) FROM items WHERE kind = 'installment'")" 3
same "PINs stored hashed" \
    "$(sql "SELECT count(*) FROM users WHERE pin_hash LIKE '\$y\$%'")" 3

expect "search by partial name, any case" 0 "WU-10001" \
    cashier consumer search "JOH"
expect "search by account" 0 "John Doe" cashier consumer search 10001
expect "search by phone digits" 0 "John Doe" cashier consumer search 5551234
expect "search finds accented names" 0 "José Núñez" \
    cashier consumer search "núñez"
# "to date", one term for the balance: "due now" also named step
# 4's preselection (items due this month; issue 17 review, point 7)
expect "consumer show balance" 0 "Current balance (to date)  \$313.00" \
    cashier consumer show WU-10001
has "consumer show lists installments" "PP-2025-0034#3"
expect "consumer show --json uses minor units" 0 '"current_balance": 31300' \
    env PAYDESK_PIN=2222 "$PD" --user mary --json consumer show WU-10001

export PAYDESK_PIN=1234
expect "cash bill payment with change" 0 "Change given     \$4.50" \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145.50 --tendered 150 --notes "Customer paid in full"
has "payment id from the number format" "PAY-T01-2025-000001"
has "receipt number" "R-T01-000001"
same "bill settled" \
    "$(sql "SELECT settled FROM items WHERE ref = 'INV-2025-001234'")" 14550

expect "payment details view" 0 "Exact payment" \
    cashier payment show R-T01-000001
for f in "Payment ID" "Status           Posted" "Channel          Walk-in" \
    "Service period: Mar 2025" "Amount received  \$150.00" "Transaction ID" \
    "Received by      Jane Smith" "Processing time  Immediate" \
    "Verification     Verified" "Service address" "(555) 123-4567"; do
	has "details show $f" "$f"
done
expect "details --json" 0 '"change": 450' \
    env PAYDESK_PIN=2222 "$PD" --user mary --json payment show PAY-T01-2025-000001

expect "exact card payment of a service" 0 '"status": "Posted"' \
    "$PD" --json --user jane pay WU-10001 --type service --items SRV-2025-0410 \
    --method "credit card" --amount 25
expect "overpayment makes a credit note" 0 "Credit note      CN-T01-00001" \
    "$PD" --user jane pay WU-10001 --type service --items SRV-2025-0418 \
    --method Cash --amount 80 --channel kiosk
has "credit amount is the extra" "\$5.00"
expect "credit note details" 0 "Overpayment" \
    cashier credit-note show CN-T01-00001
has "credit note expiry one year on" "2026-04-20"
has "credit note usage" "0.0%"

expect "partial payment over installments, oldest first" 0 "R-T01-000004" \
    "$PD" --user jane pay WU-10001 --type installment --method "Bank Transfer" \
    --amount 100 --date 2025-04-19
run cashier payment show R-T01-000004
has "first installment paid whole" "PP-2025-0034#1; Plan: PP-2025-0034; Installment: 1; Amount due: \$67.50; Amount paid: \$67.50"
has "second installment under paid" "Amount paid: \$32.50; Difference: -\$35.00; Result: Under paid"
same "second installment partly" \
    "$(sql "SELECT settled FROM items WHERE ref = 'PP-2025-0034#2'")" 3250

expect "apply credit to an open item" 0 "Status             Active" \
    "$PD" --user jane credit-note apply CN-T01-00001 --to PP-2025-0034#2 \
    --amount 2.00
expect "apply the rest" 0 "Status             Applied" \
    "$PD" --user jane credit-note apply CN-T01-00001 --to PP-2025-0034#2 \
    --amount 3
run cashier credit-note show CN-T01-00001
has "usage 100%" "100.0%"

export PAYDESK_PIN=2222
expect "supervisor creates a credit note" 0 "CN-T01-00002" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 10.25 \
    --reason "Billing Error" --remarks "Meter misread"
expect "credit notes list" 0 "CN-T01-00002" cashier credit-notes
expect "credit notes by status" 0 "CN-T01-00001" \
    cashier credit-notes --status applied
run cashier credit-notes --status active
if grep -q CN-T01-00001 "$OUT"; then notok "active filter excludes applied"; else ok "active filter excludes applied"; fi
expect "credit notes by reason" 0 "CN-T01-00002" \
    cashier credit-notes --reason "billing error"
expect "credit notes by linked receipt" 0 "CN-T01-00002" \
    cashier credit-notes --search R-T01-000001
expect "credit notes by remaining full" 0 "CN-T01-00002" \
    cashier credit-notes --remaining full
# the report filters of a note (review R23): its consumer's segment, the
# period it was made in, the user its payment was recorded by
cnl() { "$PD" --csv --user mary credit-notes "$@" 2>/dev/null | tail -n +2 |
    cut -d, -f1 | sort | tr '\n' ' '; }
cnw() { sql "SELECT n.cn_no FROM credit_notes n JOIN payments p ON p.id =
 n.payment_id JOIN consumers c ON c.id = n.consumer_id WHERE $1 ORDER BY 1" |
    tr '\n' ' '; }
same "credit-notes --segment residential: its consumers' notes" \
    "$(cnl --segment residential)" "$(cnw "c.segment = 'Residential'")"
same "and some there are, not all" "$(cnl --segment residential | wc -w) \
$(cnl --segment commercial | wc -w)" "2 0"
same "credit-notes --user jane: the notes of her payments" \
    "$(cnl --user jane)" "$(cnw "p.user_id = (SELECT id FROM users WHERE
     username = 'jane')")"
same "credit-notes --period 2025-04: made in April" \
    "$(cnl --period 2025-04)" "$(cnw "n.created_on LIKE '2025-04-%'")"
same "credit-notes --period 2025-03: none" "$(cnl --period 2025-03)" ""
expect "credit-notes --segment of no consumer: refused (2)" 2 \
    'Segment "Industrial"' cashier credit-notes --segment Industrial
expect "credit-notes --period beside --from: refused (2)" 2 \
    'takes the place of --from' \
    cashier credit-notes --period 2025-04 --from 2025-04-01

export PAYDESK_PIN=1234
expect "online payment starts Pending" 0 '"status": "Pending"' \
    "$PD" --json --user jane pay WU-10002 --type bill --method Online --amount 80
export PAYDESK_PIN=2222
PAYDESK_NOW="2025-04-22 09:00:00" \
    expect "supervisor verifies it" 0 "verified" \
    "$PD" --user mary payment verify R-T01-000005
expect "processing time in days" 0 "Processing time  2 days" \
    cashier payment show R-T01-000005

expect "payments list" 0 "R-T01-000005" cashier payments
expect "payments by method" 0 "R-T01-000004" \
    cashier payments --method "bank transfer"
run cashier payments --method "bank transfer"
same "method filter keeps only those" "$(grep -c R-T01 "$OUT")" 1
expect "payments by search on name" 0 "R-T01-000005" \
    cashier payments --search "NÚÑEZ"
expect "payments by type" 0 "R-T01-000004" cashier payments --type installment
expect "payments CSV" 0 "receipt_no,consumer,account_no,amount" \
    sup --csv payments
has "CSV amounts are plain" ",145.50,"
expect "payments JSON" 0 '"amount":14550' sup --json payments

expect "void a payment" 0 "voided" \
    "$PD" --user mary payment void R-T01-000002 --reason "Wrong account"
expect "voided payment shows VOID data" 0 "Wrong account" \
    cashier payment show R-T01-000002
has "status Voided" "Status           Voided"
same "void reverses the allocation" \
    "$(sql "SELECT settled FROM items WHERE ref = 'SRV-2025-0410'")" 0
same "void keeps the allocation rows" \
    "$(sql "SELECT count(*) FROM allocations WHERE payment_id = 2")" 2
expect "payments by status" 0 "R-T01-000002" cashier payments --status voided

# posted in April: 145.50 + 80.00 (service) + 100.00 + 80.00 (verified
# online) = 405.50; the voided 25.00 does not count
expect "KPIs for the month" 0 '"total_collected": 40550' \
    "$PD" --json kpi --month 2025-04 --day 2025-04-20
# due in April before today (the current month counts what has fallen
# due so far, issue 17 review): 145.50 + 80 + 75 + 25 + 67.50; not the
# 1200 due on 04-30
has "KPI due in the month so far" '"total_due": 39300'
# received on 04-20: 145.50 + 80.00 + 80.00 (the void and 04-19 do not count)
has "KPI received today" '"count": 3'
has "KPI received today amount" '"amount": 30550'
run env PAYDESK_NOW="2025-05-02 10:00:00" "$PD" --json kpi --month 2025-04
# due in April, once it is past: 145.50 + 80 + 1200 + 75 + 25 + 67.50
has "KPI due in the month" '"total_due": 159300'

expect "payers report" 0 "John Doe" sup report payers
has "payers methods" "Cash"
expect "payers by operator" 0 "José Núñez" \
    sup report payers --operator jane --method online
expect "payers CSV" 0 "consumer,account_no,total,payments" \
    sup --csv report payers
expect "payers --gateway: at a terminal no gateway payment reached: 2" 2 \
    'Gateway "mpesa": no gateway payment has reached this terminal yet' \
    sup report payers --gateway mpesa
expect "payers --split gateway: all at a counter" 0 "At a counter" \
    sup report payers --split gateway
# the top payers by total are grouped on the sums alone and only the
# rows kept get their count and last date (issue 24): the same rows as
# every payer of the filter read whole (sorted by name), and John Doe's
# count and last date as the ledger says
run sup --csv report payers --from 2025-04-01 --to 2025-04-30 --limit 50
top=$(tail -n +2 "$OUT" | sort)
john=$(grep "^John Doe," "$OUT" | cut -d, -f4,5)
run sup --csv report payers --from 2025-04-01 --to 2025-04-30 --sort name
same "top payers by total: the rows of the payers read whole" "$top" \
    "$(tail -n +2 "$OUT" | sort)"
same "top payers by total: John Doe's count and last date" "$john" \
    "$(sql "SELECT count(*) || ',' || max(paid_on) FROM payments p JOIN \
    consumers c ON c.id = p.consumer_id WHERE c.name = 'John Doe' AND \
    p.status = 'Posted' AND p.paid_on BETWEEN '2025-04-01' AND '2025-04-30'")"
run sup --csv report payers --from 2025-04-01 --to 2025-04-30 --limit 1
same "top payer by total: one row, the largest" "$(tail -n +2 "$OUT")" \
    "$(printf '%s\n' "$top" | sort -t, -k3,3nr | head -1)"

expect "audit chain" 0 "chain intact" "$PD" audit verify
expect "doctor" 0 "ok" "$PD" doctor
expect "backup" 0 "backup written" \
    env PAYDESK_PIN=9999 "$PD" --user admin backup "$T/copy.db"
same "backup is a whole store" \
    "$(sqlite3 "$T/copy.db" 'SELECT count(*) FROM payments')" \
    "$(sql 'SELECT count(*) FROM payments')"
same "every payment has its outbox record" \
    "$(sql "SELECT count(*) FROM outbox WHERE kind = 'payment'")" \
    "$(sql 'SELECT count(*) FROM payments')"

# an installment paid ahead of an older one left open: the wizard asks at
# step 4, the command line says so before it posts (issue 17)
export PAYDESK_PIN=1234
expect "installment 3 ahead of 2: posted, with a warning" 0 \
    "paydesk: Warning: installment 3 of plan PP-2025-0034 is paid ahead of installment 2 (due 2025-05-15), which is not paid in full" \
    "$PD" --user jane pay WU-10001 --type installment --items "PP-2025-0034#3" \
    --method Cash --amount 10
expect "in Spanish too" 0 "Aviso: la cuota 3 del plan PP-2025-0034" \
    env LANGUAGE=es "$PD" --user jane pay WU-10001 --type installment \
    --items "PP-2025-0034#3" --method Cash --amount 1
expect "the older one itself: no warning" 0 "R-T01-" \
    "$PD" --user jane pay WU-10001 --type installment --items "PP-2025-0034#2" \
    --method Cash --amount 1
if grep -q "Warning" "$OUT"; then notok "no warning paying in order"
else ok "no warning paying in order"; fi
expect "oldest first without --items: no warning" 0 "R-T01-" \
    "$PD" --user jane pay WU-10001 --type installment --method Cash --amount 1
if grep -q "Warning" "$OUT"; then notok "no warning, oldest first"
else ok "no warning, oldest first"; fi

# nothing of the type open: the whole amount becomes a credit note, said
# before it posts (issue 17: without a word)
expect "a service payment where none is open: a warning" 0 \
    "paydesk: Warning: WU-10002 has no open service charge: all of \$20.00 becomes a credit note (Overpayment)" \
    "$PD" --user jane pay WU-10002 --type service --method Cash --amount 20
has "and the credit note" "Credit amount    \$20.00"
expect "an installment where there is no plan: a warning" 0 \
    "Warning: WU-10003 has no open installment: all of \$5.00 becomes" \
    "$PD" --user jane pay WU-10003 --type installment --method Cash --amount 5
expect "in French" 0 "Avertissement : WU-10002 n'a aucune mensualité ouverte" \
    env LANGUAGE=fr "$PD" --user jane pay WU-10002 --type installment \
    --method Cash --amount 5
expect "an overpayment of an open bill: no such warning" 0 "Credit note" \
    "$PD" --user jane pay WU-10003 --type bill --method Cash --amount 1300
if grep -q "no open" "$OUT"; then notok "no warning where a bill is open"
else ok "no warning where a bill is open"; fi

# payments' CHECKs of type, method_kind, status and alloc_rule as
# comparisons joined by OR (migration 98, issue 24: no IN list for
# SQLite 3.40 to build an ephemeral b-tree of on every post), accepting
# and refusing what the lists did: each listed value with the others
# valid, and near misses. pay_check TYPE KIND STATUS RULE: a payment
# like the first with these, rolled back: 0 taken, 1 refused by a CHECK
pay_check() {
	o=$(sqlite3 "$DB" "SAVEPOINT c; INSERT INTO payments (uuid, payment_no,
	 txn_no, receipt_no, consumer_id, type, channel, method, method_kind,
	 amount, tendered, change_given, due_total, paid_on, created_at,
	 received_by, terminal, branch, status, alloc_rule) SELECT 'chk' ||
	 uuid, 'chk' || payment_no, 'chk' || txn_no, 'chk' || receipt_no,
	 consumer_id, '$1', channel, method, '$2', amount, CASE '$2' WHEN
	 'cash' THEN amount ELSE 0 END, 0, due_total, paid_on, created_at,
	 received_by, terminal, branch, '$3', '$4' FROM payments ORDER BY id
	 LIMIT 1; ROLLBACK TO c; RELEASE c" 2>&1)
	case "$o" in
	"") echo 0 ;;
	*"CHECK constraint failed"*) echo 1 ;;
	*) echo "[$o]" ;;
	esac
}
checks_kept() {
	same "$1: payments' CHECKs hold no IN list" \
	    "$(sql "SELECT instr(sql, ' IN (') FROM sqlite_master WHERE name =
	     'payments'")" 0
	got=
	for v in Bill Service Installment Mixed bill 'Bill ' '' Cash; do
		got="$got $v:$(pay_check "$v" cash Posted oldest)"
	done
	for v in cash card bank online Cash cheque ''; do
		got="$got $v:$(pay_check Bill "$v" Posted oldest)"
	done
	for v in Posted Pending Failed Cancelled Voided posted Void ''; do
		got="$got $v:$(pay_check Bill card "$v" oldest)"
	done
	for v in oldest installments bills largest hand proportional \
	    priority oldest+ proportional+ priority+ bills+ largest+ Oldest \
	    newest installments+ ''; do
		got="$got $v:$(pay_check Bill bank Posted "$v")"
	done
	same "$1: payments' CHECKs accept and refuse what their lists did" \
	    "$got" " Bill:0 Service:0 Installment:0 Mixed:0 bill:1 Bill :1 :1\
 Cash:1 cash:0 card:0 bank:0 online:0 Cash:1 cheque:1 :1 Posted:0\
 Pending:0 Failed:0 Cancelled:0 Voided:0 posted:1 Void:1 :1 oldest:0\
 installments:0 bills:0 largest:0 hand:0 proportional:0 priority:0\
 oldest+:0 proportional+:0 priority+:0 bills+:0 largest+:0 Oldest:1\
 newest:1 installments+:1 :1"
	same "$1: the check added nothing" \
	    "$(sql "SELECT count(*) FROM payments WHERE uuid LIKE 'chk%'")" 0
}
checks_kept "a new store"
# run again (a store at version 97 opened again, or a central node's
# store, whose own migration rewrote them first): nothing to replace
before=$(sql "SELECT sql FROM sqlite_master WHERE name = 'payments'")
sql "PRAGMA user_version = 97"
expect "a store at version 97 opened again" 0 "ok" "$PD" doctor
same "migration 98 run again: payments' text as it was" \
    "$(sql "SELECT sql FROM sqlite_master WHERE name = 'payments'")" "$before"
checks_kept "migration 98 run again"
expect "a payment posted after it" 0 "Posted" \
    "$PD" --user jane pay WU-10003 --type bill --method "Credit Card" --amount 2
expect "and doctor finds the rollups as the ledger" 0 "ok" "$PD" doctor

# the seals of the rows a post inserts (migration 99, issue 24: written
# by a VALUES, the test in the trigger's WHEN): every payment, allocation
# and payment's shift has its seal, an allocation and a shift exactly
# one, their fields as the row's (no shift is open here: test_shift and
# test_tamper post in one); the latest of a payment its fields now
seals_kept() {
	same "$1: each allocation's and payment's shift's one seal is its row" \
	    "$(sql "SELECT (SELECT count(*) FROM allocations a WHERE (SELECT
	     group_concat(fields, '|') FROM seals WHERE tbl = 'allocations' AND
	     row_id = a.id) IS NOT json_array(payment_id, item_id, amount,
	     due_before, reverses)) || ' ' || (SELECT count(*) FROM
	     payment_shifts s WHERE (SELECT group_concat(fields, '|') FROM seals
	     WHERE tbl = 'payment_shifts' AND row_id = s.id) IS NOT
	     json_array(payment_id, shift_uuid)) || ' ' || (SELECT count(*) > 0
	     FROM allocations)")" "0 0 1"
	same "$1: each payment's latest seal is its row" \
	    "$(sql "SELECT count(*) FROM payments p WHERE (SELECT fields FROM
	     seals WHERE tbl = 'payments' AND row_id = p.id ORDER BY id DESC
	     LIMIT 1) IS NOT json_array(uuid, payment_no, txn_no, receipt_no,
	     consumer_id, type, channel, method, method_kind, amount, tendered,
	     change_given, due_total, overpaid, paid_on, created_at, notes,
	     user_id, received_by, terminal, branch, status, verified,
	     verified_at, verified_by, balance_after, reference)")" 0
}
seals_kept "after the posts"
# the trigger's test, both ways, on a copy: a row whose id has a seal
# of its fields gets none, one of other fields or none a new one
W="$T/seal.db"
sqlite3 "$DB" ".backup '$W'"
P=$(sqlite3 "$W" "SELECT group_concat(id, ' ') FROM (SELECT id FROM
 payments WHERE id NOT IN (SELECT payment_id FROM payment_teams) ORDER BY
 id LIMIT 3)")
set -- $P
sqlite3 "$W" "INSERT INTO seals (tbl, row_id, fields) VALUES
 ('payment_teams', 900001, json_array($1, 'North')), ('payment_teams',
 900002, json_array($2, 'Old')); INSERT INTO payment_teams (id,
 payment_id, team) VALUES (900001, $1, 'North'), (900002, $2, 'South'),
 (900003, $3, 'East')"
same "a row's seal written only where its fields differ from its latest" \
    "$(sqlite3 "$W" "SELECT group_concat(row_id || ':' || fields, ' ') FROM
     (SELECT row_id, fields FROM seals WHERE tbl = 'payment_teams' AND
     row_id >= 900001 ORDER BY id)")" \
    "900001:[$1,\"North\"] 900002:[$2,\"Old\"] 900002:[$2,\"South\"] 900003:[$3,\"East\"]"
rm -f "$W"
