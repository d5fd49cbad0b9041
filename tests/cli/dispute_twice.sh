# dispute_twice.sh - sourced by test_dispute.sh (its helpers, central node
# and terminals): a payment disputed again after a dispute of it was
# upheld (review s48, helper-211). A card payment of 60.00 charged back
# 20.00 (upheld: charged again) was then disputed whole and voided: the
# consumer owed 80.00 for 60.00 reversed. What a payment's upheld
# disputes took back is disputed no more: a later dispute is of what is
# left (by default all of it), a bounced cheque (whole) no longer, and a
# payment a chargeback was charged again of is not voided (its rest is
# disputed instead), here and at the central node, which refuses a void
# or an opening a terminal made before it knew; the terminal undoes them.
printf 'account_no,name,service_address,phone,email,segment\nWU-10044,Dana Twice,"44 Elm Road, Cityville",,,Residential\n' >"$T/c44.csv"
{
	echo 'invoice_no,account_no,period,amount,issued_on,due_on'
	for k in 1 2 3 4 5; do
		echo "INV-2025-04400$k,WU-10044,May 2025,20.00,2025-05-01,2025-12-31"
	done
} >"$T/b44.csv"
central import ACME consumers "$T/c44.csv" >/dev/null &&
    central import ACME bills "$T/b44.csv" >/dev/null ||
    echo "not ok - Dana Twice's bills imported"
t1 sync >/dev/null
s2() { PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary "$@"; }
# owes N: Dana Twice's outstanding at terminal N, in minor units
owes() {
	if [ "$1" = 1 ]; then f=sup1; else f=s2; fi
	$f --json consumer show WU-10044 |
	    sed -n 's/.*"total_outstanding": *\([0-9-]*\).*/\1/p' | head -1
}
last() { tsql 1 "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1"; }
same "before: Dana Twice owes 100.00" "$(owes 1)" 10000
expect "she pays 60.00 by card" 0 "Payment ID" rec 1 pay WU-10044 --type \
    bill --method "Credit Card" --amount 60 --items \
    INV-2025-044001,INV-2025-044002,INV-2025-044003
TA=$(last)
expect "a chargeback of 20.00 of it" 0 "Open" rec 1 dispute open "$TA" \
    --reason chargeback --amount 20
DA=$(val Dispute)
expect "upheld: 20.00 charged again" 0 "Charged again" sup1 dispute uphold "$DA"
same "she owes 40.00 and the 20.00 charged again" "$(owes 1)" 6000
refused1 "a dispute of more than what is left of it (status 3)" 3 \
    "Disputed amount \$40.01 is more than the \$40.00 left of payment" \
    rec 1 dispute open "$TA" --reason chargeback --amount 40.01
has "the refusal says what was given back" "\$20.00 of its \$60.00 was charged back or credited already"
refused1 "all of it again: refused too (status 3)" 3 \
    "Disputed amount \$60.00 is more than the \$40.00 left" \
    rec 1 dispute open "$TA" --reason wrong-account --amount 60
refused1 "its void is refused (status 3)" 3 \
    "cannot be voided: dispute $DA upheld a chargeback of \$20.00 of it" \
    sup1 payment void "$TA" --reason Fraud
has "the refusal says what to do" "Dispute the \$40.00 left of it instead"
expect "a dispute with no --amount is of the 40.00 left" 0 "Open" rec 1 \
    dispute open "$TA" --reason wrong-account
DB=$(val Dispute)
same "its disputed amount" "$(val Disputed)" '$40.00'
expect "rejected" 0 "Rejected" rec 1 dispute reject "$DB" --note "Checked"
expect "the rest charged back too" 0 "Open" rec 1 dispute open "$TA" \
    --reason chargeback --amount 40
DC=$(val Dispute)
expect "upheld: 40.00 charged again" 0 "Charged again" sup1 dispute uphold "$DC"
same "she owes the 60.00 charged back, not 80.00 or more" "$(owes 1)" 10000
refused1 "nothing left to dispute (status 3)" 3 \
    "has nothing left to dispute: all of its \$60.00 was charged back or credited already" \
    rec 1 dispute open "$TA" --reason other
refused1 "nothing left to void (status 3)" 3 \
    "and its upheld disputes took all of it back; nothing is left of it to void" \
    sup1 payment void "$TA" --reason Fraud
# a cheque credited in part no longer bounces whole
expect "she pays 20.00 by cheque" 0 "Payment ID" rec 1 pay WU-10044 \
    --type bill --method Cheque --reference 000144 --amount 20 --items \
    INV-2025-044004
TB=$(last)
expect "5.00 of it contested" 0 "Open" rec 1 dispute open "$TB" \
    --reason amount-contested --amount 5
DD=$(val Dispute)
expect "upheld by a credit note of 5.00" 0 "Credit note" sup1 dispute uphold "$DD"
refused1 "then a bounced cheque: refused (status 3)" 3 \
    "cannot bounce as a cheque: \$5.00 of it was charged back or credited already, and a cheque bounces whole" \
    rec 1 dispute open "$TB" --reason bounced-cheque
expect "a void of a payment only credited stays allowed (its note voided)" \
    0 "voided" sup1 payment void "$TB" --reason "Wrong account"
same "its credit note voided with it" "$(tsql 1 "SELECT voided FROM credit_notes WHERE remarks = 'Dispute $DD'")" 1
expect "terminal 1 pushes all of it" 0 "Rejected    0" t1 sync
same "the central node holds both charges" \
    "$(csql "SELECT sum(amount) FROM items WHERE ref IN ('$DA-CHG', '$DC-CHG')")" 6000
expect "terminal 2 pulls" 0 "" t2 sync
same "terminal 2: she owes as at terminal 1" "$(owes 2)" "$(owes 1)"

# a Pending payment (review s48, helper-213): its money has not cleared,
# so a chargeback of it is upheld by its void, not charged again
expect "she pays 5.00 online: Pending" 0 "Pending" rec 1 pay WU-10044 \
    --type bill --method Online --amount 5
TP=$(last)
expect "a chargeback of it" 0 "Open" rec 1 dispute open "$TP" --reason chargeback
DP=$(val Dispute)
refused1 "upheld with no option (charging it again): refused (usage, 2)" 2 \
    "Payment $(tsql 1 "SELECT payment_no FROM payments WHERE receipt_no = '$TP'") is Pending: its money has not cleared" \
    sup1 dispute uphold "$DP"
has "the refusal says --void" "Uphold dispute $DP by its void (--void), or verify the payment first"
refused1 "nor by a credit note" 3 "is Pending" sup1 dispute uphold "$DP" \
    --credit 5 --despite-chargeback
expect "by its void: upheld" 0 "Payment voided" sup1 dispute uphold "$DP" --void
same "the payment voided, nothing charged" \
    "$(tsql 1 "SELECT p.status, (SELECT count(*) FROM items WHERE ref = '$DP-CHG') FROM payments p WHERE p.receipt_no = '$TP'")" \
    "Voided|0"

# the central node refuses what a terminal did before it knew: terminal 2
# voids a payment, and opens a dispute of all of another, that terminal
# 1 charged back in part (offline, pushed first)
expect "she pays 20.00 by card" 0 "Payment ID" rec 1 pay WU-10044 --type \
    bill --method "Credit Card" --amount 20 --items INV-2025-044005
TC=$(last)
expect "she pays 5.00 by card, on account" 0 "Payment ID" rec 1 pay \
    WU-10044 --type bill --method "Credit Card" --amount 5
TE=$(last)
t1 sync >/dev/null
t2 sync >/dev/null
expect "terminal 1: a chargeback of 8.00 of the 20.00" 0 "Open" rec 1 \
    dispute open "$TC" --reason chargeback --amount 8
expect "upheld: charged again" 0 "Charged again" sup1 dispute uphold "$(val Dispute)"
expect "terminal 1: a chargeback of 2.00 of the 5.00" 0 "Open" rec 1 \
    dispute open "$TE" --reason chargeback --amount 2
expect "upheld: charged again" 0 "Charged again" sup1 dispute uphold "$(val Dispute)"
expect "terminal 2, offline: a void of the 20.00 (an admin's: another branch's)" \
    0 "voided" env PAYDESK_PIN=9999 "$PD" --config "$T/t2.ini" --user admin \
    payment void "$TC" --reason "Wrong account"
expect "terminal 2, offline: a dispute of all of the 5.00" 0 "Open" rec 2 \
    dispute open "$TE" --reason wrong-account
DE2=$(val Dispute)
expect "terminal 1 pushes first" 0 "Rejected    0" t1 sync
expect "terminal 2 pushes: the void and the dispute refused" 20 \
    "Rejected    2" t2 sync
expect "terminal 2's quarantine says why" 0 "" s2 sync --quarantine
has "the void: a chargeback was upheld" "upheld a chargeback of \$8.00 of it"
has "the void is undone" "This terminal's void is undone: the payment is Posted again"
has "the dispute: more than is left" "Disputed amount \$5.00 is more than the \$3.00 left of payment"
has "the dispute is undone" "This terminal's dispute $DE2 is undone"
same "terminal 2: the 20.00 Posted again, as at the central node" \
    "$(tsql 2 "SELECT status FROM payments WHERE receipt_no = '$TC'")/$(csql "SELECT status FROM payments WHERE receipt_no = '$TC'")" \
    "Posted/Posted"
same "terminal 2: she owes as at terminal 1" "$(owes 2)" "$(owes 1)"
expect "terminal 2's doctor passes" 0 "ok" pdt 2 doctor

# what a credit note gave back counts as what a chargeback did, both ways
# (review s48, helper-214: a credit note of all 50.00, then a chargeback
# of all 50.00 charged again; a chargeback of 20.00 of 60.00, then a
# credit note of 60.00)
expect "she pays 20.00 by card, the bill the cheque's void opened" 0 \
    "Payment ID" rec 1 pay WU-10044 --type bill --method "Credit Card" \
    --amount 20 --items INV-2025-044004
TF=$(last)
# (the bill owed 15.00: 5.00 of it is an overpayment note, her own money
# held as credit, not given back)
expect "a credit note of the 15.00 it paid" 0 "" sup1 credit-note create \
    "$TF" --amount 15 --reason Other
refused1 "then a chargeback of more than the 5.00 left (status 3)" 3 \
    "Disputed amount \$6.00 is more than the \$5.00 left of payment $(tsql 1 "SELECT payment_no FROM payments WHERE receipt_no = '$TF'") to dispute: \$15.00 of its \$20.00 was charged back or credited already" \
    rec 1 dispute open "$TF" --reason chargeback --amount 6
refused1 "a credit note past what the chargeback left (status 3)" 3 \
    "exceeds the maximum \$12.00 (payment \$20.00 less credit already issued or charged back \$8.00)" \
    sup1 credit-note create "$TC" --amount 12.01 --reason Other
expect "a credit note of the 12.00 left" 0 "" sup1 credit-note create "$TC" \
    --amount 12 --reason Other
refused1 "then nothing of it is left to dispute" 3 \
    "all of its \$20.00 was charged back or credited already" \
    rec 1 dispute open "$TC" --reason other
expect "terminal 1 pushes them, nothing refused" 0 "Rejected    0" t1 sync
# a chargeback of part of a Pending payment: voided whole, no --whole asked (review
# s48, helper-214: told --void --whole, then that a void charged again
# what the bank left paid)
expect "she pays 6.00 online: Pending" 0 "Pending" rec 1 pay WU-10044 \
    --type bill --method Online --amount 6
TQ=$(last)
expect "a chargeback of 2.00 of it" 0 "Open" rec 1 dispute open "$TQ" \
    --reason chargeback --amount 2
DQ=$(val Dispute)
expect "upheld by its void: all of it voided" 0 "Payment voided" sup1 \
    dispute uphold "$DQ" --void
# a payment with a dispute not yet resolved is not voided by hand: the
# dispute would stay Open for ever (review s48, helper-214)
expect "she pays 3.00 by card" 0 "Payment ID" rec 1 pay WU-10044 --type bill \
    --method "Credit Card" --amount 3
TR=$(last)
expect "a dispute of it" 0 "Open" rec 1 dispute open "$TR" --reason other
DR=$(val Dispute)
refused1 "its void by hand while the dispute is open (status 3)" 3 \
    "has dispute $DR, not yet resolved: uphold it by the payment's void (dispute uphold $DR --void) or reject it first" \
    sup1 payment void "$TR" --reason Mistake
expect "rejected, the payment is voided then" 0 "Rejected" rec 1 dispute \
    reject "$DR" --note "Not ours"
expect "voided" 0 "voided" sup1 payment void "$TR" --reason Mistake
