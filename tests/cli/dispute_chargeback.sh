# dispute_chargeback.sh - sourced by test_dispute.sh (its helpers, central
# node and terminals): a chargeback upheld (issue 21, session 45). The bank
# has taken the money back from the organisation and returned it to the
# payer, so the remedy is a bounced cheque's, not a credit note: the
# amount charged back is charged again (an item, DISPUTE-CHG, the default),
# or a payment charged back whole is voided; a credit note (which pays the
# payer a second time) only when asked for knowingly, refused otherwise
# (status 15, nothing changed). Checked at the central node the same way,
# seen the same at terminal 2, the figures of the reports as they should be.
# Carla Cargo (WU-10042): six bills of 10.00 due at the end of the year,
# paid by card, card, cash, cheque, card; Tomas Plan (WU-10043): a plan
printf 'account_no,name,service_address,phone,email,segment\nWU-10042,Carla Cargo,"42 Elm Road, Cityville",,,Residential\nWU-10043,Tomas Plan,"43 Elm Road, Cityville",,,Residential\n' >"$T/c42.csv"
{
	echo 'invoice_no,account_no,period,amount,issued_on,due_on'
	for k in 1 2 3 4 5 6; do
		echo "INV-2025-04200$k,WU-10042,May 2025,10.00,2025-05-01,2025-12-31"
	done
	echo "INV-2025-043001,WU-10043,May 2025,30.00,2025-05-01,2025-06-30"
} >"$T/b42.csv"
central import ACME consumers "$T/c42.csv" >/dev/null &&
    central import ACME bills "$T/b42.csv" >/dev/null ||
    echo "not ok - Carla Cargo's and Tomas Plan's bills imported"
t1 sync >/dev/null
: >"$T/cb_receipts"
for k in 1 2 3 4 5; do
	case $k in
	3) set -- --method Cash ;;
	4) set -- --method Cheque --reference 000142 ;;
	*) set -- --method "Credit Card" ;;
	esac
	rec 1 pay WU-10042 --type bill "$@" --amount 10 \
	    --items INV-2025-04200$k >"$OUT" 2>&1 || sed 's/^/# pay: /' "$OUT"
	tsql 1 "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1" \
	    >>"$T/cb_receipts"
done
CA=$(sed -n 1p "$T/cb_receipts") CB=$(sed -n 2p "$T/cb_receipts")
CC=$(sed -n 3p "$T/cb_receipts") CD=$(sed -n 4p "$T/cb_receipts")
CE=$(sed -n 5p "$T/cb_receipts")
same "Carla Cargo's five payments" \
    "$(tsql 1 "SELECT count(*), sum(amount), group_concat(method, ',') FROM (SELECT p.amount, p.method FROM payments p JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = 'WU-10042' ORDER BY p.id)")" \
    "5|5000|Credit Card,Credit Card,Cash,Cheque,Credit Card"
# figs: Carla Cargo's outstanding and available credit, the month's
# total collected and the organisation's credit notes' sum
figs() {
	printf '%s %s %s\n' \
	    "$(sup1 --json consumer show WU-10042 | python3 -c 'import json, sys
d = json.load(sys.stdin)
def find(o, k):
    if isinstance(o, dict):
        if k in o: return o[k]
        for v in o.values():
            r = find(v, k)
            if r is not None: return r
    if isinstance(o, list):
        for v in o:
            r = find(v, k)
            if r is not None: return r
print(find(d, "total_outstanding"), find(d, "available_credit"))')" \
	    "$(sup1 --json kpi | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["month"]["total_collected"])')" \
	    "$(tsql 1 "SELECT coalesce(sum(amount), 0) FROM credit_notes")"
}
F0=$(figs)
o0=${F0%% *} r0=${F0#* } a0=${r0%% *} r0=${r0#* } col0=${r0%% *} cn0=${r0#* }
same "before: Carla Cargo owes 10.00, has no credit" "$o0/$a0" "1000/0"

# a chargeback of part (4.00 of 10.00, by card)
expect "a chargeback of 4.00 of a 10.00 card payment" 0 "Chargeback" \
    rec 1 dispute open "$CA" --reason chargeback --amount 4
DCA=$(val Dispute)
t1 sync >/dev/null
refused1 "a chargeback's credit note is refused (status 15)" 15 \
    "is a chargeback: the bank has returned \$4.00 to the payer already" \
    sup1 dispute uphold "$DCA" --credit 4
has "a chargeback's credit note: the refusal says how to ask for it" \
    "(--despite-chargeback)"
has "a chargeback's credit note: the refusal names the default" \
    "charging \$4.00 again (the default)"
refused1 "a chargeback of part: its void is refused, even --whole (status 3)" 3 \
    "a void would charge again what the bank left paid" \
    sup1 dispute uphold "$DCA" --void --whole
refused1 "--despite-chargeback goes with --credit (status 2)" 2 \
    "--despite-chargeback goes with --credit" \
    sup1 dispute uphold "$DCA" --despite-chargeback
refused1 "--charge and --credit together (status 2)" 2 \
    "--void, --credit AMOUNT and --charge are ways to uphold; give one of them, not two" \
    sup1 dispute uphold "$DCA" --charge --credit 4
same "the refusals left it Open, nothing charged or credited" \
    "$(figs)" "$F0"
expect "a chargeback upheld with no option: its amount charged again" 0 \
    "Charged again" sup1 dispute uphold "$DCA" --note "Bank letter 42"
has "the charge is named" "$DCA-CHG"
same "the charge: an open item of 4.00, due today, named Chargeback" \
    "$(tsql 1 "SELECT i.amount, i.settled, i.kind, i.description, i.due_on, c.account_no FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE i.ref = '$DCA-CHG'")" \
    "400|0|service|Chargeback|2025-07-02|WU-10042"
same "no credit note, no void: the payment stays Posted" \
    "$(tsql 1 "SELECT p.status, (SELECT count(*) FROM credit_notes c WHERE c.payment_id = p.id), (SELECT count(*) FROM voids v WHERE v.payment_id = p.id) FROM payments p WHERE p.receipt_no = '$CA'")" \
    "Posted|0|0"
same "the store keeps it upheld, with the charge, no resolution row" \
    "$(tsql 1 "SELECT status, resolution, charge_uuid <> '' FROM disputes WHERE dispute_no = '$DCA'")" \
    "upheld||1"
F1=$(figs)
same "figures: owed 4.00 more, no credit, collected and credit notes as before" \
    "$F1" "$((o0 + 400)) 0 $col0 $cn0"
expect "dispute show names the resolution in JSON" 0 "" sup1 --json dispute \
    show "$DCA"
has "JSON resolution" '"resolution": "Charged again"'
# the payment says it was charged back (helper-251, fault 5: Posted, its
# dispute nowhere), to those who read disputes
same "payment show lists its dispute, upheld, charged again" \
    "$(sup1 --json payment show "$CA" | python3 -c 'import json,sys
d = json.load(sys.stdin)["disputes"]
print(" ".join("%s %s %s %d %s" % (x["dispute_no"], x["reason"], x["status"], x["disputed"], x.get("resolution", "")) for x in d))')" \
    "$DCA chargeback upheld 400 Charged again"
expect "  in text" 0 "Charged again" sup1 payment show "$CA"
has "  under Disputes" "Disputes"
# a chargeback of all of a card payment: charged again too by default
expect "a chargeback of all of a 10.00 card payment" 0 "Open" rec 1 \
    dispute open "$CB" --reason chargeback
DCB=$(val Dispute)
expect "upheld with no option: 10.00 charged again" 0 "Charged again" \
    sup1 dispute uphold "$DCB"
same "its charge is of all of it" \
    "$(tsql 1 "SELECT amount FROM items WHERE ref = '$DCB-CHG'")" 1000
# a chargeback of all of a cash payment, upheld by the payment's void
# (asked for): the bill open again, no charge
expect "a chargeback of all of a cash payment" 0 "Open" rec 1 dispute \
    open "$CC" --reason chargeback
DCC=$(val Dispute)
expect "its void, asked for (--void)" 0 "Payment voided" sup1 dispute \
    uphold "$DCC" --void
same "the payment voided, its bill open again, nothing charged" \
    "$(tsql 1 "SELECT p.status, (SELECT settled FROM items WHERE ref = 'INV-2025-042003'), (SELECT count(*) FROM items WHERE ref = '$DCC-CHG') FROM payments p WHERE p.receipt_no = '$CC'")" \
    "Voided|0|0"
# a chargeback's credit note asked for knowingly (a cheque payment's)
expect "a chargeback of 3.00 of a cheque payment" 0 "Open" rec 1 dispute \
    open "$CD" --reason chargeback --amount 3
DCD=$(val Dispute)
expect "its credit note asked for knowingly (--despite-chargeback)" 0 \
    "Credit note" sup1 dispute uphold "$DCD" --credit 3 --despite-chargeback
same "the credit note is of 3.00, nothing charged" \
    "$(tsql 1 "SELECT (SELECT amount FROM credit_notes WHERE remarks = 'Dispute $DCD'), (SELECT count(*) FROM items WHERE ref = '$DCD-CHG')")" \
    "300|0"
# --charge is a chargeback's only
expect "an amount-contested dispute" 0 "Open" rec 1 dispute open "$CE" \
    --reason amount-contested --amount 2
DCE=$(val Dispute)
refused1 "--charge of a dispute that is not a chargeback (status 3)" 3 \
    "is not a chargeback" sup1 dispute uphold "$DCE" --charge
expect "amount contested: upheld by a credit note of the part (the default)" \
    0 "Credit note" sup1 dispute uphold "$DCE"
same "its credit note is of 2.00" \
    "$(tsql 1 "SELECT amount FROM credit_notes WHERE remarks = 'Dispute $DCE'")" 200

# an arrangement's installment paid by the payment charged back
expect "Tomas Plan makes an arrangement of his 30.00" 0 "AR-T01-" \
    rec 1 arrangement create WU-10043 --installments 3 --frequency monthly \
    --first-due 2025-07-31 --reason Hardship
PLAN=$(val Arrangement)
expect "its first installment paid by card" 0 "Payment ID" rec 1 pay \
    WU-10043 --type installment --items "$PLAN#1" --method "Credit Card" \
    --amount 10
CP=$(tsql 1 "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1")
expect "a chargeback of all of it" 0 "Open" rec 1 dispute open "$CP" \
    --reason chargeback
DCP=$(val Dispute)
expect "upheld: charged again" 0 "Charged again" sup1 dispute uphold "$DCP"
same "the installment stays paid, the 10.00 owed again as the charge" \
    "$(tsql 1 "SELECT (SELECT settled FROM items WHERE ref = '$PLAN#1'), (SELECT amount - settled FROM items WHERE ref = '$DCP-CHG')")" \
    "1000|1000"

# synced: the central node checks each uphold as the terminal made it and
# applies the charges; terminal 2 shows the same
expect "terminal 1 pushes the chargebacks" 0 "Rejected    0" t1 sync
same "the central node: the charges as terminal 1's" \
    "$(csql "SELECT group_concat(ref || ':' || amount || ':' || description, ' ') FROM (SELECT * FROM items WHERE ref IN ('$DCA-CHG', '$DCB-CHG', '$DCP-CHG') ORDER BY ref) x")" \
    "$(tsql 1 "SELECT group_concat(ref || ':' || amount || ':' || description, ' ') FROM (SELECT * FROM items WHERE ref IN ('$DCA-CHG', '$DCB-CHG', '$DCP-CHG') ORDER BY ref) x")"
same "the central node: each dispute upheld as at terminal 1" \
    "$(csql "SELECT group_concat(dispute_no || ':' || status || ':' || resolution || ':' || CASE WHEN charge_uuid <> '' THEN 1 ELSE 0 END, ' ') FROM (SELECT * FROM disputes WHERE dispute_no IN ('$DCA', '$DCB', '$DCC', '$DCD', '$DCP') ORDER BY dispute_no) x")" \
    "$(tsql 1 "SELECT group_concat(dispute_no || ':' || status || ':' || resolution || ':' || CASE WHEN charge_uuid <> '' THEN 1 ELSE 0 END, ' ') FROM (SELECT * FROM disputes WHERE dispute_no IN ('$DCA', '$DCB', '$DCC', '$DCD', '$DCP') ORDER BY dispute_no) x")"
t2 sync >/dev/null
for d in "$DCA" "$DCB" "$DCC" "$DCD" "$DCP"; do
	same "terminal 2 shows $d as terminal 1" \
	    "$(PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary --json dispute show "$d" 2>&1 | grep -v '"age"\|"overdue"')" \
	    "$(sup1 --json dispute show "$d" 2>&1 | grep -v '"age"\|"overdue"')"
done
same "terminal 2: Carla Cargo's balance as terminal 1's" \
    "$(PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary --json consumer show WU-10042 | grep '"total_outstanding"\|"available_credit"')" \
    "$(sup1 --json consumer show WU-10042 | grep '"total_outstanding"\|"available_credit"')"
same "terminal 2: the plan as terminal 1's" \
    "$(PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary --json arrangement show "$PLAN")" \
    "$(sup1 --json arrangement show "$PLAN")"
expect "terminal 1's doctor passes" 0 "ok" t1 doctor
expect "terminal 2's doctor passes" 0 "ok" pdt 2 doctor
# forged: a chargeback upheld by a charge of another amount than it
# disputes, or with a void too, or with none; a void of a payment charged
# back in part (charged: test_dispute.sh's, the uphold pushed again under a
# new uuid with a field changed)
expect "a chargeback of 5.00 of the last card payment" 0 "Open" rec 1 \
    dispute open "$CE" --reason chargeback --amount 5
DCF=$(val Dispute)
t1 sync >/dev/null
expect "upheld offline: 5.00 charged again" 0 "Charged again" sup1 dispute \
    uphold "$DCF"
# cbforged NAME NEEDLE FIELD=VALUE...: terminal 1's uphold of $DCF, its
# FIELDs changed (a number where it is one) and a new uuid, pushed
cbforged() {
	cn=$1 cneedle=$2
	shift 2
	tsql 1 "SELECT payload FROM outbox WHERE sent_at IS NULL AND
	    kind = 'dispute' AND ref = '$DCF'" | python3 -c 'import json, sys, uuid
up = json.loads(sys.stdin.readline())
up["uuid"] = str(uuid.uuid4())
for kv in sys.argv[1:]:
    k, v = kv.split("=", 1)
    up["data"][k] = int(v) if v.lstrip("-").isdigit() else v
print(json.dumps({"v": 1, "terminal": "T01", "pending": 0, "records": [up]}))
' "$@" >"$T/cbforged.json"
	curl -s -H "Authorization: Bearer $TOK1" --data-binary \
	    @"$T/cbforged.json" "$URL/v1/push" >"$OUT"
	has "$cn: refused, saying why" "$cneedle"
}
cbforged "a chargeback's charge of another amount" \
    "Dispute $DCF is a chargeback of \$5.00; it is upheld by charging \$5.00 again, not \$4.00" \
    charge_amount=400
cbforged "a chargeback's charge with a void" \
    "only a chargeback is upheld by charging its amount again, with no void" \
    void_uuid="$(U)"
cbforged "a chargeback upheld by neither a void, a credit note nor a charge" \
    "Dispute $DCF is a chargeback of \$5.00; it is upheld by charging \$5.00 again, not \$0.00" \
    charge_amount=0 charge_uuid= charge_ref= charge_due=
cbforged "a chargeback of part upheld by a void" \
    "Dispute $DCF is a chargeback of part of payment" \
    resolution=void void_uuid="$(U)" charge_amount=0 charge_uuid= \
    charge_ref= charge_due=
expect "the real uphold is taken" 0 "Rejected    0" t1 sync
same "the central node holds $DCF upheld, its 5.00 charged again" \
    "$(csql "SELECT d.status || ':' || i.amount FROM disputes d JOIN items i ON i.uuid = d.charge_uuid WHERE d.dispute_no = '$DCF'")" \
    "upheld:500"

# a chargeback's charge is due as the debt its payment paid was (review
# s49, helper-214: due the day upheld, what Olga Old owed since March came
# back as current, off the disconnection list and out of the aging's
# older buckets for as many days as they wait, and she read "Paid" on the
# reconnection list); the day upheld when all it paid falls due later
printf 'account_no,name,service_address,phone,email,segment\nWU-10047,Olga Old,"47 Elm Road, Cityville",,,Residential\n' >"$T/c47.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-2025-047001,WU-10047,Mar 2025,80.00,2025-03-01,2025-03-31\nINV-2025-047002,WU-10047,Apr 2025,70.00,2025-04-01,2025-04-30\nINV-2025-047003,WU-10047,Jul 2025,30.00,2025-07-01,2025-07-31\nINV-2025-047004,WU-10047,Aug 2025,25.00,2025-08-01,2025-08-31\n' >"$T/b47.csv"
central import ACME consumers "$T/c47.csv" >/dev/null &&
    central import ACME bills "$T/b47.csv" >/dev/null ||
    echo "not ok - Olga Old's bills imported"
t1 sync >/dev/null
same "Olga Old owes 150.00 since March: on the disconnection list" \
    "$(dc1 | grep -o WU-10047)" WU-10047
expect "she pays 180.00 by card, March's to July's bills" 0 "Payment ID" \
    rec 1 pay WU-10047 --type bill --method "Credit Card" --amount 180 \
    --items INV-2025-047003,INV-2025-047001,INV-2025-047002
CO=$(tsql 1 "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1")
expect "and 25.00 by card, August's bill, not yet due" 0 "Payment ID" \
    rec 1 pay WU-10047 --type bill --method "Credit Card" --amount 25 \
    --items INV-2025-047004
CF=$(tsql 1 "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1")
same "paid: off the disconnection list, Paid on the reconnection list" \
    "$(dc1 | grep -c WU-10047) $(rc1 | grep -o 'WU-10047,Olga Old,[^ ]*' | sed 's/.*,//')" \
    "0 Paid"
expect "a chargeback of all of the 180.00" 0 "Open" rec 1 dispute open \
    "$CO" --reason chargeback
DCO=$(val Dispute)
expect "a chargeback of 10.00 of August's 25.00" 0 "Open" rec 1 dispute \
    open "$CF" --reason chargeback --amount 10
DCG=$(val Dispute)
t1 sync >/dev/null
expect "the 180.00 upheld offline: charged again" 0 "Charged again" sup1 \
    dispute uphold "$DCO"
expect "the 10.00 upheld offline: charged again" 0 "Charged again" sup1 \
    dispute uphold "$DCG"
same "the charges: due as the debt they paid was (March's), or today" \
    "$(tsql 1 "SELECT group_concat(ref || ' ' || amount || ' ' || issued_on || ' ' || due_on, ', ') FROM (SELECT * FROM items WHERE ref IN ('$DCO-CHG', '$DCG-CHG') ORDER BY ref) x")" \
    "$DCO-CHG 18000 2025-07-02 2025-03-31, $DCG-CHG 1000 2025-07-02 2025-07-02"
same "its overdue alert raised by the uphold, not at the next round (helper-231)" \
    "$(tsql 1 "SELECT count(*) || ' ' || min(status) FROM alerts WHERE kind = 'item-overdue' AND ref = '$DCO-CHG'")" "1 open"
same "the 180.00 owed again since March: back on the disconnection list" \
    "$(dc1 | grep -o WU-10047)" WU-10047
same "and off the reconnection list" "$(rc1 | grep -c WU-10047)" 0
expect "the aging counts the 180.00 in 91+ days" 0 "" sup1 --json report \
    aging --consumer WU-10047
same "the aging's buckets: the 180.00 over 90 days, the 10.00 current" \
    "$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
rows = d if isinstance(d, list) else d.get("rows", d.get("consumers", []))
r = [x for x in rows if x.get("account_no") == "WU-10047"][0]
print(" ".join("%s=%s" % (k, r[k]) for k in sorted(r) if "days" in k or k == "current"))' "$OUT")" \
    "current=1000 days_1_30=0 days_31_60=0 days_61_90=0 days_over_90=18000"
# forged: the 180.00's charge due the day upheld, pushed under a new uuid
DCF=$DCO
cbforged "a chargeback's charge due the day upheld, not as its debt was" \
    "its service charge is $DCO-CHG, due 2025-07-02; an uphold's charge is $DCO-CHG, due 2025-03-31" \
    charge_due=2025-07-02
expect "the real upholds are taken" 0 "Rejected    0" t1 sync
same "the central node's charges as terminal 1's" \
    "$(csql "SELECT group_concat(ref || ' ' || due_on, ', ') FROM (SELECT * FROM items WHERE ref IN ('$DCO-CHG', '$DCG-CHG') ORDER BY ref) x")" \
    "$DCO-CHG 2025-03-31, $DCG-CHG 2025-07-02"
t2 sync >/dev/null
same "terminal 2's charges as terminal 1's" \
    "$(tsql 2 "SELECT group_concat(ref || ' ' || due_on, ', ') FROM (SELECT * FROM items WHERE ref IN ('$DCO-CHG', '$DCG-CHG') ORDER BY ref) x")" \
    "$DCO-CHG 2025-03-31, $DCG-CHG 2025-07-02"
