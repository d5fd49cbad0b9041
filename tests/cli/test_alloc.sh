#!/bin/sh
# test_alloc.sh - allocation rules (issue 21): a payment that does not
# cover every item selected is split by the organisation's rule (oldest,
# installments, bills, largest) or in the order the cashier gave (hand);
# the preview shows the split the posting makes, to the cent; the rule is
# stored with the payment, shown in its details and on its receipt (es,
# fr), synced through a real paydesk-central and seen at a second
# terminal; an unknown rule is refused wherever it comes from. Mixed
# payments (two bills and a service charge in one) under each rule, their
# receipts, sync and forged pushes, on both central engines.
. "${TOP:-.}/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

PAYDESK_NOW=2025-05-01 setup_org || exit 1
PAYDESK_NOW=2026-02-01 start_central || exit 1
export PAYDESK_NOW=2025-06-01
t1() { pdt 1 "$@"; }
rec1() { PAYDESK_PIN=4321 "$PD" --config "$T/t1.ini" --user rita "$@"; }
supn() { n=$1; shift; PAYDESK_PIN=2222 "$PD" --config "$T/t$n.ini" --user mary "$@"; }
cas() { n=$1; shift; PAYDESK_PIN=1234 "$PD" --config "$T/t$n.ini" --user jane "$@"; }

# Eva Sol (documents in Spanish) owes three bills (two due the same day),
# two service charges, an imported plan's two installments, and a bill of
# 300.00 put under an arrangement of three monthly installments of 100.00;
# Luc Roy (documents in French) one bill
printf 'account_no,name,service_address,phone,email,segment,language\nWU-30001,Eva Sol,5 Sun Street,,,Residential,es\nWU-30002,Luc Roy,6 Moon Street,,,Residential,fr\n' \
    >"$T/c.csv"
# four consumers with two bills and a service charge each, one payment of
# all three a rule (section 9, mixed payments)
for n in 3 4 5 6; do
	printf 'WU-3000%s,Mix %s,%s Star Street,,,Residential,es\n' $n $n $n >>"$T/c.csv"
done
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-E1,WU-30001,Feb 2025,100.00,2025-03-01,2025-03-15\nINV-E2,WU-30001,Mar 2025,80.00,2025-04-01,2025-04-15\nINV-E3,WU-30001,Mar 2025,250.00,2025-04-01,2025-04-15\nINV-E9,WU-30001,Jan 2025,300.00,2025-02-01,2025-02-15\nINV-L1,WU-30002,Apr 2025,90.00,2025-05-01,2025-05-15\n' \
    >"$T/b.csv"
for n in 3 4 5 6; do
	printf 'INV-M%sA,WU-3000%s,Feb 2025,100.00,2025-03-01,2025-03-15\nINV-M%sB,WU-3000%s,Apr 2025,80.00,2025-05-01,2025-05-15\n' \
	    $n $n $n $n >>"$T/b.csv"
done
printf 'ref,account_no,description,amount,service_date\nSRV-E1,WU-30001,Meter test,40.00,2025-04-01\nSRV-E2,WU-30001,Late Fee,15.00,2025-05-01\n' \
    >"$T/s.csv"
for n in 3 4 5 6; do
	printf 'SRV-M%s,WU-3000%s,Reconnection,250.00,2025-04-01\n' $n $n >>"$T/s.csv"
done
printf 'plan_id,account_no,number,amount,due_on\nPP-E,WU-30001,1,60.00,2025-05-01\nPP-E,WU-30001,2,60.00,2025-06-01\n' \
    >"$T/i.csv"
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' >"$T/u.csv"
for k in consumers:c bills:b services:s installments:i users:u; do
	central import ACME "${k%%:*}" "$T/${k#*:}.csv" >/dev/null ||
	    echo "not ok - importing $k"
done
t1 sync >/dev/null; pdt 2 sync >/dev/null
expect "an arrangement of INV-E9 in three" 0 "AR-T01-000001" \
    rec1 arrangement create WU-30001 --items INV-E9 --installments 3 \
    --frequency monthly --first-due 2025-06-15 --reason Hardship

# split FILE: "REF=paid ..." of a JSON preview's split or a payment's items
split() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
rows = d.get("split") or d.get("items")
print(" ".join("%s=%d" % (r["ref"], r.get("applied", r.get("paid", 0)))
               for r in rows))' "$1"
}
# rule_of FILE: the allocation rule of a JSON preview or payment
rule_of() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print((d.get("preview") or d.get("payment"))["allocation"])' "$1"
}
# paid_split NAME WANT_RULE WANT ARGS...: the preview of `pay ARGS` splits
# as WANT by WANT_RULE and writes nothing; the posting splits the same,
# payment show says the rule. PNO is the payment posted.
paid_split() {
	name=$1 wrule=$2 want=$3
	shift 3
	before=$(store_hash "$T/t1.db")
	cas 1 --json pay "$@" --preview >"$T/pre.json" 2>"$T/pre.err" ||
	    { echo "not ok - $name: preview refused"; cat "$T/pre.err"; }
	same "$name: the preview's split" "$(rule_of "$T/pre.json") $(split \
	    "$T/pre.json")" "$wrule $want"
	same "$name: the preview writes nothing" "$(store_hash "$T/t1.db")" \
	    "$before"
	run cas 1 pay "$@"
	PNO=$(sed -n 's/^Payment ID *//p' "$OUT" | head -1)
	RCPT=$(sed -n 's/^Receipt file *//p' "$OUT" | head -1)
	supn 1 --json payment show "$PNO" >"$T/show.json"
	# what was posted: the items that got something, in the preview's
	# order (a posting keeps no item it paid nothing)
	same "$name: posted as previewed" "$(rule_of "$T/show.json") $(split \
	    "$T/show.json")" "$wrule $(echo "$want" | tr ' ' '\n' |
	    grep -v '=0$' | tr '\n' ' ' | sed 's/ $//')"
}

## 1. Oldest due first, the default: the tie on 2025-04-15 by reference
paid_split "oldest" oldest "INV-E1=10000 INV-E2=5000 INV-E3=0" \
    WU-30001 --type bill --method Cash --amount 150
P_OLD=$PNO
expect "payment show names the rule" 0 "Oldest due first" \
    cas 1 payment show "$P_OLD"

## 2. The organisation's rule from the central node: largest first
printf 'key,value\npayments.allocation,largest\n' >"$T/set.csv"
expect "the central node takes payments.allocation" 0 "1 added" \
    central import ACME settings "$T/set.csv"
t1 sync >/dev/null
# INV-E2 has 30.00 left, INV-E3 250.00 (oldest first would give INV-E2
# its 30.00 first)
paid_split "largest" largest "INV-E3=10000 INV-E2=0" \
    WU-30001 --type bill --method Cash --amount 100
P_BIG=$PNO R_BIG=$RCPT

## 3. An arrangement's installments first, before the imported plan's
# older ones (oldest first would pay PP-E#1 and PP-E#2 first)
printf 'key,value\npayments.allocation,installments\n' >"$T/set.csv"
central import ACME settings "$T/set.csv" --update >/dev/null
t1 sync >/dev/null
paid_split "installments" installments \
    "AR-T01-000001#1=10000 AR-T01-000001#2=3000 AR-T01-000001#3=0 PP-E#1=0 PP-E#2=0" \
    WU-30001 --type installment --method Cash --amount 130
P_ARR=$PNO

## 4. Bills before service charges: a payment covers one type, so among
# service charges the tie-break (oldest due first) decides
printf 'key,value\npayments.allocation,bills\n' >"$T/set.csv"
central import ACME settings "$T/set.csv" --update >/dev/null
t1 sync >/dev/null
paid_split "bills" bills "SRV-E1=4000 SRV-E2=1000" \
    WU-30001 --type service --method Cash --amount 50

## 5. By hand: the order the cashier gave, whatever the rule
paid_split "by hand" hand "PP-E#2=6000 PP-E#1=1000" \
    WU-30001 --type installment --method Cash --amount 70 \
    --items PP-E#2,PP-E#1 --hand
P_HAND=$PNO R_HAND=$RCPT
has "pay says the split was by hand" \
    "In the order picked by hand"
expect "payment show says the split was by hand" 0 \
    "In the order picked by hand" cas 1 payment show "$P_HAND"
expect "--hand without --items is refused" 2 "--hand needs --items" \
    cas 1 pay WU-30001 --type bill --method Cash --amount 10 --hand
# a list of items typed wrong is refused as an arrangement's is, naming
# the empty place, nothing posted (helper-250, fault 5: "A,,B" was "A,B")
before=$(store_hash "$T/t1.db")
for bad in "PP-E#2,,PP-E#1:2" ",PP-E#1:1" "PP-E#2,:2" ",:1" "NOPE,,PP-E#1:2"; do
	expect "pay --items \"${bad%:*}\": refused, reference ${bad##*:} empty" 3 \
	    "Items \"${bad%:*}\": reference ${bad##*:} is empty" \
	    cas 1 pay WU-30001 --type installment --method Cash --amount 10 \
	    --items "${bad%:*}" --hand
	expect "  and in a preview" 3 "reference ${bad##*:} is empty" \
	    cas 1 pay WU-30001 --type installment --method Cash --amount 10 \
	    --items "${bad%:*}" --preview
done
same "nothing posted" "$(store_hash "$T/t1.db")" "$before"



## 6. The rule on the receipt (the PDF read back), in the consumer's
# language: Eva Sol's in Spanish
pdf_text() { pdftotext -layout "$1" - 2>/dev/null | tr -s ' ' >"$OUT"; }
pdf_text "$R_BIG"
has "the receipt states the rule, in Spanish" \
    "Regla de imputación Primero el mayor"
pdf_text "$R_HAND"
has "a split by hand says so on the receipt" \
    "Regla de imputación En el orden elegido a mano"
# Luc Roy's, in French, by the organisation's rule (bills, set above)
run cas 1 pay WU-30002 --type bill --method Cash --amount 40
P_FR=$(sed -n 's/^Payment ID *//p' "$OUT" | head -1)
pdf_text "$(sed -n 's/^Receipt file *//p' "$OUT" | head -1)"
has "the receipt states the rule, in French" \
    "Règle d'imputation Factures avant frais de service"
expect "payment show in Spanish names the rule" 0 \
    "Regla de imputación" env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --config "$T/t1.ini" \
    --user jane payment show "$P_BIG"
has "with the rule's words in Spanish" "Primero el mayor"

## 7. Synced: the central node and a second terminal hold each payment's
# rule as posted
expect "terminal 1 pushes the payments" 0 "" t1 sync
same "the central node holds each rule" "$(for p in $P_OLD $P_BIG $P_ARR $P_HAND; do
    csql "SELECT alloc_rule FROM payments WHERE payment_no = '$p'"; done |
    tr '\n' ' ')" "oldest largest installments hand "
expect "terminal 2 pulls them" 0 "" pdt 2 sync
expect "terminal 2 shows the rule of the payment" 0 "Largest first" \
    cas 2 payment show "$P_BIG"
expect "and the split by hand as such" 0 "In the order picked by hand" \
    cas 2 payment show "$P_HAND"
same "terminal 2 holds what terminal 1 posted, item by item" "$(tsql 2 \
    "SELECT group_concat(r, ' ') FROM (SELECT p.alloc_rule || ':' || i.ref
    || '=' || a.amount AS r FROM payments p JOIN allocations a ON
    a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE p.terminal =
    'T01' ORDER BY a.id)")" "$(tsql 1 "SELECT group_concat(r, ' ') FROM
    (SELECT p.alloc_rule || ':' || i.ref || '=' || a.amount AS r FROM
    payments p JOIN allocations a ON a.payment_id = p.id JOIN items i ON
    i.id = a.item_id ORDER BY a.id)")"
same "the central node refused nothing" "$(csql "SELECT count(*) FROM
    sync_log")" 0

## 8. An unknown rule is refused wherever it comes from, nothing changed
printf '[payments]\nallocation = newest\n' >>"$T/t2.ini"
before=$(store_hash "$T/t2.db")
expect "an unknown rule in paydesk.ini is refused, naming the rules" 3 \
    '"newest": must be one of oldest|proportional|priority|installments|bills|largest' \
    cas 2 pay WU-30002 --type bill --method Cash --amount 10
has "saying which key" "allocation"
same "nothing was posted at terminal 2" "$(store_hash "$T/t2.db")" "$before"
sed -i '$d' "$T/t2.ini"; sed -i '$d' "$T/t2.ini"
printf 'key,value\npayments.allocation,newest\n' >"$T/set.csv"
expect "the central node refuses an unknown rule, saying where" 3 \
    "set.csv:2" central import ACME settings "$T/set.csv" --update
has "and what is allowed" "must be one of oldest|proportional|priority|installments|bills|largest"
same "the organisation's rule is as it was" "$(csql "SELECT value FROM
    settings WHERE key = 'payments.allocation'")" bills
# blanks around a value go, as in paydesk.ini, whatever the key's kind
# (helper-249, fault 4: " 2" was taken and "oldest " refused)
printf 'key,value\npayments.allocation,"largest "\npayments.priority_bill," 4	"\npayments.installments_first,"	no "\n' >"$T/set.csv"
expect "blanks around imported values are dropped" 0 "3 rows of settings" \
    central import ACME settings "$T/set.csv" --update
same "and the values kept are the words alone" "$(csql "SELECT value FROM
    settings WHERE key IN ('payments.allocation', 'payments.priority_bill',
    'payments.installments_first') ORDER BY key" | tr '\n' '|')" "largest|no|4|"
printf 'key,value\npayments.allocation,  bills\npayments.priority_bill,2\npayments.installments_first,yes\n' >"$T/set.csv"
expect "the same word with blanks is no change" 0 "3 updated" \
    central import ACME settings "$T/set.csv" --update
printf 'key,value\npayments.allocation,bills \n' >"$T/set.csv"
expect "a value equal but for its blanks is unchanged" 0 "1 unchanged" \
    central import ACME settings "$T/set.csv" --update
printf 'key,value\npayments.priority_bill,"2 2"\n' >"$T/set.csv"
expect "blanks inside a number are still refused" 3 \
    "must be a whole number from 1 to 9" \
    central import ACME settings "$T/set.csv" --update
# a payment record pushed with a rule no terminal could have used
tsql 1 "SELECT payload FROM outbox WHERE kind = 'payment' ORDER BY id
    LIMIT 1" >"$T/pay.json"
python3 - "$T/pay.json" >"$T/push.json" <<'PY'
import json, sys, uuid
r = json.load(open(sys.argv[1]))
r["uuid"] = str(uuid.uuid4())
r["data"]["allocation"] = "newest"
print(json.dumps({"v": 1, "terminal": "T01", "pending": 1, "records": [r]}))
PY
curl -s -H "Authorization: Bearer $TOK1" --data-binary @"$T/push.json" \
    "$URL/v1/push" >"$OUT"
has "the central node refuses the record, naming the rule" \
    '\"newest\" is not an allocation rule'
same "and applies nothing of it" "$(csql "SELECT count(*) FROM payments
    WHERE uuid = '$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["records"][0]["uuid"])' "$T/push.json")'")" 0

## 9. Mixed payments (issue 21): two bills and a service charge in one
# payment, under each rule, to the cent (200.01 of 430.00 due); the
# preview is what posts, and the payment is of type Mixed
# type_of FILE: the type of a JSON preview or payment
type_of() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print((d.get("preview") or d.get("payment"))["type"])' "$1"
}
CUR_RULE=bills
mixed() {
	rule=$1 acct=$2 want=$3 targ=$4
	if [ "$rule" != "$CUR_RULE" ]; then
		printf 'key,value\npayments.allocation,%s\n' "$rule" >"$T/set.csv"
		central import ACME settings "$T/set.csv" --update >/dev/null
		t1 sync >/dev/null
		CUR_RULE=$rule
	fi
	paid_split "mixed, $rule" "$rule" "$want" "$acct" --type "$targ" \
	    --method Cash --amount 200.01
	same "mixed, $rule: the preview's type" "$(type_of "$T/pre.json")" Mixed
	same "mixed, $rule: the payment's type" "$(type_of "$T/show.json")" Mixed
}
mixed bills WU-30003 "INV-M3A=10000 INV-M3B=8000 SRV-M3=2001" bill,service
P_MB=$PNO R_MB=$RCPT
mixed largest WU-30004 "SRV-M4=20001 INV-M4A=0 INV-M4B=0" mixed
P_ML=$PNO
mixed oldest WU-30005 "INV-M5A=10000 SRV-M5=10001 INV-M5B=0" bill,service
P_MO=$PNO
mixed installments WU-30006 "INV-M6A=10000 SRV-M6=10001 INV-M6B=0" mixed
P_MI=$PNO
# the command line's spelling of the kinds
expect "--type takes no unknown kind in its list: usage" 2 \
    '"bill,fee": must be bill, service, installment' \
    cas 1 pay WU-30003 --type bill,fee --method Cash --amount 1
expect "an item of a kind not listed is refused, naming it" 3 \
    "Item SRV-M5 is of type service, not of the kinds given to --type" \
    cas 1 pay WU-30005 --type bill,installment --items INV-M5B,SRV-M5 \
    --method Cash --amount 1
cas 1 --json pay WU-30003 --type service --method Cash --amount 1 \
    --preview >"$T/pre.json"
same "one kind is a payment of that kind" "$(type_of "$T/pre.json")" Service
# the receipt: each line's kind, the type in the consumer's language
pdf_text "$R_MB"
has "the receipt of a mixed payment says Mixto" "Tipo de pago Mixto"
has "its bill lines as bills" "Factura INV-M3A"
has "its service line as a service" "Servicio SRV-M3"
expect "payment show gives each item's kind" 0 "Service" \
    cas 1 payment show "$P_MB"
has "and the payment's type" "Mixed"
expect "the payments list filters by the type Mixed" 0 "WU-30003" \
    supn 1 payments --type mixed
same "a mixed payment is counted once, under Mixed" "$(supn 1 --json \
    payments --type mixed | python3 -c 'import json,sys
print(len(json.load(sys.stdin)))')" 4
supn 1 --csv payments --type mixed >"$OUT"
same "the CSV export: each mixed payment once, of type Mixed" \
    "$(grep -c ',Mixed,' "$OUT")" 4
same "and not under Bill" "$(supn 1 --json payments --type bill |
    python3 -c 'import json,sys
print(sum(r["account_no"] in ("WU-30003", "WU-30004") for r in json.load(sys.stdin)))')" 0

## 10. Mixed payments synced: the central node (SQLite or PostgreSQL:
# tests/run.sh runs this script on both) and the second terminal hold
# them as posted
expect "terminal 1 pushes the mixed payments" 0 "" t1 sync
same "the central node holds them as Mixed" "$(csql "SELECT count(*) FROM
    payments WHERE type = 'Mixed' AND payment_no IN ('$P_MB', '$P_ML',
    '$P_MO', '$P_MI')")" 4
expect "terminal 2 pulls them" 0 "" pdt 2 sync
q="SELECT group_concat(r, ' ') FROM (SELECT p.type || ':' || p.alloc_rule
    || ':' || i.kind || ':' || i.ref || '=' || a.amount AS r FROM payments
    p JOIN allocations a ON a.payment_id = p.id JOIN items i ON i.id =
    a.item_id WHERE p.type = 'Mixed' ORDER BY p.payment_no, a.id)"
same "terminal 2 holds each mixed payment as terminal 1, item by item" \
    "$(tsql 2 "$q")" "$(tsql 1 "$q")"
expect "and shows it the same" 0 "Mixed" cas 2 payment show "$P_MB"
same "the central node refused nothing but section 8's forgery" \
    "$(csql "SELECT count(*) FROM sync_log")" 1

## 11. Forged mixed payments pushed to the central node, each refused with
# its reason, nothing applied (under bills, the rule P_MB was posted by)
printf 'key,value\npayments.allocation,bills\n' >"$T/set.csv"
central import ACME settings "$T/set.csv" --update >/dev/null &&
    t1 sync >/dev/null || echo "not ok - the organisation's rule back to bills"
tsql 1 "SELECT payload FROM outbox WHERE kind = 'payment' AND ref =
    '$P_MB'" >"$T/mb.json"
OTHER=$(tsql 1 "SELECT uuid FROM items WHERE ref = 'INV-L1'")
forged() {
	name=$1 want=$2 edit=$3
	python3 - "$T/mb.json" "$edit" "$OTHER" >"$T/push.json" <<'PY'
import json, sys, uuid
r = json.load(open(sys.argv[1]))
r["uuid"] = str(uuid.uuid4())
d, edit = r["data"], sys.argv[2]
al = d["allocations"]
if edit == "other":      # an item of another consumer
    al[2]["item_uuid"], al[2]["item_ref"] = sys.argv[3], "INV-L1"
elif edit == "bill":     # a Bill payment carrying a service charge
    d["type"] = "Bill"
elif edit == "lower":    # the type spelt as a kind
    d["type"] = "mixed"
elif edit == "onekind":  # Mixed, but every item is a bill, all there
    del al[2]
    d["amount"] = d["tendered"] = d["due_total"] = 18000
    d["change"] = 0
elif edit == "twoparts": # a cent moved from a whole bill to the charge
    al[0]["amount"] -= 1
    al[2]["amount"] += 1
elif edit == "newerbill": # 150.00 paying the newer bill whole first
    d["allocations"] = al[:2]
    al[0]["amount"], al[1]["amount"] = 7000, 8000
    d["amount"] = d["tendered"] = 15000
    d["change"] = 0
elif edit in ("proportional", "largest"): # the split named otherwise
    d["allocation"] = edit
print(json.dumps({"v": 1, "terminal": "T01", "pending": 1, "records": [r]}))
PY
	curl -s -H "Authorization: Bearer $TOK1" --data-binary @"$T/push.json" \
	    "$URL/v1/push" >"$OUT"
	has "a forged mixed payment is refused: $name" "$want"
	same "$name: nothing of it applied" "$(csql "SELECT count(*) FROM
	    payments WHERE uuid = '$(python3 -c 'import json,sys
print(json.load(open(sys.argv[1]))["records"][0]["uuid"])' "$T/push.json")'")" 0
}
forged "an item of another consumer" \
    "item INV-L1 is not an item of consumer WU-30003" other
forged "a Bill payment with a service charge" \
    "item SRV-M3 is a service, and this is a Bill payment" bill
forged "the type spelt mixed" 'Field \"type\" has an unknown value' lower
forged "Mixed with items of one kind" \
    "A Mixed payment pays items of two or more kinds; every item of this one is a bill" \
    onekind
# a split its rule could not make (helper-249, fault 2): the node holds
# what the record lists to the rule it names
forged "two items paid in part under one rule" \
    "Rule bills pays whole items before part of the last; this payment pays part of 2 items (INV-M3A among them)" \
    twoparts
forged "the newer bill paid first, named bills" \
    "Allocation 1: rule bills pays item INV-M3A 100.00 of the 150.00 these items were paid, not 70.00" \
    newerbill
# a rule the organisation does not have (helper-250, fault 1: a record
# naming priority or bills, made after the terminal had largest, was
# applied)
forged "a split named proportional, the organisation's rule bills" \
    "Rule proportional is not the organisation's (payments.allocation bills, installments_first yes): a payment is split by it, or by hand" \
    proportional
forged "bills first named largest first" \
    "Rule largest is not the organisation's (payments.allocation bills" largest

## 12. Proportional, and by item priority (issue 21: "oldest due first,
# proportional, or by item priority (service charges before consumption,
# or a priority per item type)"). Three consumers with a bill of 100.00
# (Mar 15), a service charge (Apr 1), a bill of 50.00 (Apr 15) and an
# imported plan's installment of 60.00 (May 1)
printf 'account_no,name,service_address,phone,email,segment\n' >"$T/c12.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n' >"$T/b12.csv"
printf 'ref,account_no,description,amount,service_date\n' >"$T/s12.csv"
printf 'plan_id,account_no,number,amount,due_on\n' >"$T/i12.csv"
for n in 7 8 9; do
	printf 'WU-3000%s,Rule %s,%s Rule Street,,,Residential\n' $n $n $n >>"$T/c12.csv"
	printf 'INV-R%sA,WU-3000%s,Feb 2025,100.00,2025-03-01,2025-03-15\nINV-R%sB,WU-3000%s,Mar 2025,50.00,2025-04-01,2025-04-15\n' \
	    $n $n $n $n >>"$T/b12.csv"
	printf 'SRV-R%s,WU-3000%s,Meter test,30.00,2025-04-01\n' $n $n >>"$T/s12.csv"
	printf 'PP-R%s,WU-3000%s,1,60.00,2025-05-01\n' $n $n >>"$T/i12.csv"
done
for k in consumers:c12 bills:b12 services:s12 installments:i12; do
	central import ACME "${k%%:*}" "$T/${k#*:}.csv" >/dev/null ||
	    echo "not ok - importing $k for section 12"
done
rule_set() {
	printf 'key,value\n' >"$T/set.csv"
	for kv in "$@"; do printf '%s,%s\n' "${kv%%=*}" "${kv#*=}" >>"$T/set.csv"; done
	central import ACME settings "$T/set.csv" --update >/dev/null ||
	    echo "not ok - settings $*"
	t1 sync >/dev/null
}
# proportional: 100.01 of 180.00 over the two bills and the charge, each
# its share rounded down (55.56, 16.67, 27.78 of 100.00, 30.00, 50.00
# less than a cent each), the cent left to the oldest
rule_set payments.allocation=proportional
paid_split "proportional" proportional \
    "INV-R7A=5557 SRV-R7=1666 INV-R7B=2778" \
    WU-30007 --type bill,service --method Cash --amount 100.01
P_PRO=$PNO R_PRO=$RCPT
expect "payment show names the rule" 0 "Proportional to what each owes" \
    cas 1 payment show "$P_PRO"
# a split pushed that is not each item's share: refused, in money
# (helper-249, fault 2; helper-250, fault 2)
forge12() {
	name=$1 want=$2 pno=$3 edit=$4
	tsql 1 "SELECT payload FROM outbox WHERE kind = 'payment' AND ref =
	    '$pno'" >"$T/f12.json"
	python3 - "$T/f12.json" "$edit" >"$T/push.json" <<'PY'
import json, sys, uuid
r = json.load(open(sys.argv[1]))
r["uuid"] = str(uuid.uuid4())
al = {a["item_ref"]: a for a in r["data"]["allocations"]}
take, give, n = sys.argv[2].split(":")
al[take]["amount"] -= int(n)
al[give]["amount"] += int(n)
print(json.dumps({"v": 1, "terminal": "T01", "pending": 1, "records": [r]}))
PY
	curl -s -H "Authorization: Bearer $TOK1" --data-binary @"$T/push.json" \
	    "$URL/v1/push" >"$OUT"
	has "$name" "$want"
	same "$name: nothing of it applied" "$(csql "SELECT count(*) FROM
	    payments WHERE uuid = '$(python3 -c 'import json,sys
print(json.load(open(sys.argv[1]))["records"][0]["uuid"])' "$T/push.json")'")" 0
}
forge12 "two cents moved between the shares: refused" \
    "to item INV-R7A is not its share under rule proportional (55.56 of 100.00 due, of 100.01 paid)" \
    "$P_PRO" INV-R7A:INV-R7B:2
# every cent of a payment that covers all: each item whole, the rest an
# overpayment, as under every rule
paid_split "proportional, all of it and more" proportional \
    "INV-R7A=4443 SRV-R7=1334 INV-R7B=2222" \
    WU-30007 --type bill,service --method Cash --amount 100.00
# one cent over three items: the oldest takes it
paid_split "proportional, one cent" proportional \
    "INV-R8A=1 SRV-R8=0 INV-R8B=0" \
    WU-30008 --type bill,service --method Cash --amount 0.01
# priority, the default ranks: service charges (1) before bills (2)
# before installments (3), oldest first in one rank
rule_set payments.allocation=priority
paid_split "priority, service charges before consumption" priority \
    "SRV-R8=3000 INV-R8A=9999 INV-R8B=1 PP-R8#1=0" \
    WU-30008 --type mixed --method Cash --amount 130.00
P_PRI=$PNO R_PRI=$RCPT
expect "payment show names the rule" 0 "By item priority" \
    cas 1 payment show "$P_PRI"
# a priority per item type: installments first, then bills and service
# charges alike (one rank: oldest first)
rule_set payments.priority_installment=1 payments.priority_bill=2 \
    payments.priority_service=2
paid_split "priority per item type: installments, then the rest oldest first" \
    priority "PP-R9#1=6000 INV-R9A=10000 SRV-R9=1000 INV-R9B=0" \
    WU-30009 --type mixed --method Cash --amount 170.00
P_RK=$PNO
# the organisation's ranks hold the split too: bills and charges alike,
# the older bill first
forge12 "the charge paid whole before the older bill, ranked alike: refused" \
    "rule priority pays item INV-R9A 100.00 of the 170.00 these items were paid, not 80.00" \
    "$P_RK" INV-R9A:SRV-R9:2000
# a rank out of 1-9, or not a number, refused where it is set, nothing
# changed
for bad in 0 10 x; do
	printf 'key,value\npayments.priority_bill,%s\n' "$bad" >"$T/set.csv"
	expect "priority_bill $bad: refused, saying where" 3 "set.csv:2" \
	    central import ACME settings "$T/set.csv" --update
done
same "the ranks are as set" "$(for k in bill installment service; do
    csql "SELECT value FROM settings WHERE key = 'payments.priority_$k'"; done |
    tr '\n' ' ')" "2 1 2 "
printf '[payments]\nallocation = priority\npriority_service = 10\n' >>"$T/t2.ini"
before=$(store_hash "$T/t2.db")
expect "a rank out of range in paydesk.ini is refused, naming the key" 3 \
    "priority_service" cas 2 pay WU-30002 --type bill --method Cash --amount 10
same "nothing was posted at terminal 2" "$(store_hash "$T/t2.db")" "$before"
sed -i '$d' "$T/t2.ini"; sed -i '$d' "$T/t2.ini"; sed -i '$d' "$T/t2.ini"
# on the receipt, in the consumer's language; synced as posted
pdf_text "$R_PRI"
has "the receipt states the priority rule" "By item priority"
expect "terminal 1 pushes them" 0 "" t1 sync
same "the central node holds each rule" "$(for p in $P_PRO $P_PRI; do
    csql "SELECT alloc_rule FROM payments WHERE payment_no = '$p'"; done |
    tr '\n' ' ')" "proportional priority "
expect "terminal 2 pulls them" 0 "" pdt 2 sync
expect "terminal 2 shows the proportional rule" 0 \
    "Proportional to what each owes" cas 2 payment show "$P_PRO"
q12="SELECT group_concat(r, ' ') FROM (SELECT p.alloc_rule || ':' || i.ref
    || '=' || a.amount AS r FROM payments p JOIN allocations a ON
    a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE
    p.payment_no IN ('$P_PRO', '$P_PRI') ORDER BY a.id)"
same "terminal 2 holds them as terminal 1, item by item" "$(tsql 2 "$q12")" \
    "$(tsql 1 "$q12")"

## 13. An arrangement's installments before what is not overdue (issue
# 21: "An arrangement's installments are paid before anything else that
# is not overdue (configurable)"; payments.installments_first, yes by
# default): WU-30010 owes INV-T0 (50.00, due May 1: overdue), INV-T1
# (80.00, due Jun 20) and a plan of INV-T9 in two of 60.00 (Jun 30, Jul
# 30). Of 150.00, oldest first: the overdue bill, then the plan's
# installments, then the bill not yet due; the rule named "oldest+", said
# in words, on the receipt, synced
printf 'account_no,name,service_address,phone,email,segment\nWU-30010,Tier Ten,10 Rule Street,,,Residential\nWU-30011,Tier Eleven,11 Rule Street,,,Residential\n' >"$T/c13.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n' >"$T/b13.csv"
for n in 10 11; do
	printf 'INV-T%s0,WU-300%s,Apr 2025,50.00,2025-04-01,2025-05-01\nINV-T%s1,WU-300%s,May 2025,80.00,2025-05-20,2025-06-20\nINV-T%s9,WU-300%s,Jan 2025,120.00,2025-01-15,2025-02-15\n' \
	    $n $n $n $n $n $n >>"$T/b13.csv"
done
central import ACME consumers "$T/c13.csv" >/dev/null &&
    central import ACME bills "$T/b13.csv" >/dev/null ||
    echo "not ok - section 13's consumers and bills"
rule_set payments.allocation=oldest
for n in 10 11; do
	expect "WU-300$n's plan of INV-T${n}9" 0 "Arrangement" rec1 arrangement \
	    create WU-300$n --items INV-T${n}9 --installments 2 --frequency \
	    monthly --first-due 2025-06-30 --reason Hardship
	eval "PL$n=\$(sed -n 's/^Arrangement  *//p' \"\$OUT\" | head -1)"
done
paid_split "installments first among what is not overdue" "oldest+" \
    "INV-T100=5000 $PL10#1=6000 $PL10#2=4000 INV-T101=0" \
    WU-30010 --type mixed --method Cash --amount 150
P_T10=$PNO R_T10=$RCPT
expect "payment show says it in words" 0 \
    "Oldest due first; an arrangement's installments before what is not overdue" \
    cas 1 payment show "$P_T10"
pdf_text "$R_T10"
has "and the receipt (its words wrap)" "an arrangement's installments before what is not"
# a payment the groups change nothing of is named by its rule alone
paid_split "the overdue bill alone: the rule's name alone" oldest \
    "INV-T110=3000" WU-30011 --type bill --items INV-T110 --method Cash \
    --amount 30
# no arrangement's installment among the items: the rule's split, the
# rule's name (helper-249, fault 1: largest paid the overdue bill first,
# named largest+, its words an arrangement the consumer did not have)
printf 'account_no,name,service_address,phone,email,segment\nWU-30012,Tier Twelve,12 Rule Street,,,Residential\n' >"$T/c13b.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-U1,WU-30012,Apr 2025,40.00,2025-04-15,2025-05-15\nINV-U2,WU-30012,Jun 2025,90.00,2025-06-15,2025-07-15\n' >"$T/b13b.csv"
central import ACME consumers "$T/c13b.csv" >/dev/null &&
    central import ACME bills "$T/b13b.csv" >/dev/null ||
    echo "not ok - WU-30012 imported"
rule_set payments.allocation=largest
paid_split "no installment: largest alone, its name alone" largest \
    "INV-U2=9000 INV-U1=1000" WU-30012 --type bill --method Cash --amount 100
# under bills (bills, then service charges, then installments), a bill
# not yet due before an overdue service charge: the installments go
# after the overdue charge, before the bill (helper-258, fault 1: the
# arrangement's installment due next month took all of 40.00, the
# charge overdue for two months nothing). WU-30013 owes SRV-X1 (25.00,
# Apr 1), INV-X1 (60.00, due Jun 20) and a plan of INV-X9 in two
printf 'account_no,name,service_address,phone,email,segment\nWU-30013,Tier Thirteen,13 Rule Street,,,Residential\n' >"$T/c13c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-X1,WU-30013,May 2025,60.00,2025-05-20,2025-06-20\nINV-X9,WU-30013,Jan 2025,100.00,2025-01-15,2025-02-15\n' >"$T/b13c.csv"
printf 'ref,account_no,description,amount,service_date\nSRV-X1,WU-30013,Meter test,25.00,2025-04-01\n' >"$T/s13c.csv"
central import ACME consumers "$T/c13c.csv" >/dev/null &&
    central import ACME bills "$T/b13c.csv" >/dev/null &&
    central import ACME services "$T/s13c.csv" >/dev/null ||
    echo "not ok - WU-30013 imported"
rule_set payments.allocation=bills
expect "WU-30013's plan of INV-X9" 0 "Arrangement" rec1 arrangement \
    create WU-30013 --items INV-X9 --installments 2 --frequency monthly \
    --first-due 2025-06-30 --reason Hardship
PL13=$(sed -n 's/^Arrangement  *//p' "$OUT" | head -1)
paid_split "bills: the overdue charge, then the installments, then the bill" \
    "bills+" "SRV-X1=2500 $PL13#1=1500 $PL13#2=0 INV-X1=0" \
    WU-30013 --type mixed --method Cash --amount 40
P_X13=$PNO
paid_split "bills: more than the charge and the plan: the bill last" \
    "bills+" "$PL13#1=3500 $PL13#2=5000 INV-X1=1000" \
    WU-30013 --type mixed --method Cash --amount 95
expect "terminal 1 pushes them: the central node splits them alike" 0 \
    "Rejected    0" t1 sync
same "the central node holds the rule of each" "$(csql "SELECT
    group_concat(alloc_rule) FROM payments WHERE payment_no IN ('$P_X13',
    '$PNO')")" "bills+,bills+"
rule_set payments.allocation=oldest
# switched off: oldest first, whatever the item
rule_set payments.installments_first=no
paid_split "installments_first no: oldest due first" oldest \
    "INV-T110=2000 INV-T111=8000 $PL11#1=5000 $PL11#2=0" \
    WU-30011 --type mixed --method Cash --amount 150
P_T11=$PNO
printf 'key,value\npayments.installments_first,maybe\n' >"$T/set.csv"
expect "installments_first maybe: refused, saying where" 3 "set.csv:2" \
    central import ACME settings "$T/set.csv" --update
expect "terminal 1 pushes them" 0 "" t1 sync
same "the central node holds each rule as named" "$(for p in $P_T10 $P_T11; do
    csql "SELECT alloc_rule FROM payments WHERE payment_no = '$p'"; done |
    tr '\n' ' ')" "oldest+ oldest "
expect "terminal 2 pulls them" 0 "" pdt 2 sync
expect "terminal 2 says it in words" 0 \
    "an arrangement's installments before what is not overdue" \
    cas 2 payment show "$P_T10"
