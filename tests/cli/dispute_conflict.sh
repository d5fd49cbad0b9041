# dispute_conflict.sh - sourced by test_dispute.sh (its central node, its
# two terminals and their stores): a dispute's step refused by the central
# node is undone at the terminal that made it (review 21, fault 3: T02
# upheld a dispute by a void, T03 rejected it and synced first; T02 kept
# the uphold and the void for good, the consumer owing more there). The
# first step to reach the central node wins; once both terminals have
# synced, each has the central node's timeline, payment status and debt.

# the dispute's status and its payment's at terminal N (or c: the
# central node)
dstate() {
	q="SELECT d.status || '/' || p.status FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.dispute_no = '$2'"
	if [ "$1" = c ]; then csql "$q"; else tsql "$1" "$q"; fi
}
# what José Núñez's items hold (ref:settled), at terminal N or c
held() {
	q="FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE c.account_no = 'WU-10002'"
	if [ "$1" != c ]; then
		tsql "$1" "SELECT group_concat(ref || ':' || settled, ' ') FROM (SELECT i.ref, i.settled $q ORDER BY i.ref)"
	elif [ "$BACKEND" = postgresql ]; then
		csql "SELECT string_agg(i.ref || ':' || i.settled, ' ' ORDER BY i.ref) $q"
	else
		csql "SELECT group_concat(ref || ':' || settled, ' ') FROM (SELECT i.ref, i.settled $q ORDER BY i.ref)"
	fi
}
# the timeline's steps of dispute D at terminal N, without times
steps() { rec "$1" dispute show "$2" | sed -n '/^Timeline/,$p' | sed 's/ [0-9-]* [0-9:]*;/;/'; }
# alike NAME D: terminals 1 and 2 and the central node agree on dispute D
alike() {
	same "$1: the dispute and payment alike at both terminals and the central node" \
	    "$(dstate 1 "$2") $(dstate 2 "$2") $(dstate c "$2")" \
	    "$(dstate c "$2") $(dstate c "$2") $(dstate c "$2")"
	same "$1: the same timeline at both terminals" "$(steps 1 "$2")" "$(steps 2 "$2")"
	same "$1: the same debt at both terminals and the central node" \
	    "$(held 1)/$(held 2)" "$(held c)/$(held c)"
}
sup2() { PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary "$@"; }
# newdsp AMOUNT: a payment at terminal 1 (R) and its dispute (D), both
# terminals synced
newdsp() {
	rec 1 pay WU-10002 --type bill --method Cash --amount "$1" >"$OUT" 2>&1
	R=$(sed -n 's/^Receipt number  *//p' "$OUT" | head -1)
	rec 1 dispute open "$R" --reason other >"$OUT" 2>&1
	D=$(sed -n 's/^Dispute  *//p' "$OUT" | head -1)
	t1 sync >/dev/null; t2 sync >/dev/null
}

# the terminal that lost (1) in the cases above (D10: rejected at
# terminal 2 first, upheld by a void at terminal 1): it has undone its
# uphold and its void
t1 sync >/dev/null; t2 sync >/dev/null
for d in "$D10" "$D11"; do
	alike "$d upheld at 1, rejected at 2 first" "$d"
	same "$d: rejected with its payment Posted at terminal 1" "$(dstate 1 "$d")" rejected/Posted
done
sup1 --csv sync --quarantine >"$T/q.csv"
same "terminal 1's reasons say the uphold and the void were undone" \
    "$(grep -c "^[^,]*,dispute,$D10,.*This terminal's uphold of dispute $D10 is undone, with what it made (its void, credit note or charge)" "$T/q.csv")/$(grep -c "^[^,]*,void,.*$D10.*This terminal's void is undone with the dispute's uphold" "$T/q.csv")" 1/1
same "one undo audited for the step and one for the void" \
    "$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND (ref = '$D10' OR ref = (SELECT p.payment_no FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.dispute_no = '$D10'))")" 2
expect "the payment shows Posted at terminal 1, no Void section" 0 "Posted" \
    rec 1 payment show "$R10"
if grep -q "^Void" "$OUT"; then notok "no Void section once undone"; else ok "no Void section once undone"; fi
expect "a refused-record alert for the recovery role at terminal 1" 0 \
    "Sync record refused" rec 1 alerts
# it has no amount (helper-233, fault 7: it read 0.00): empty in the
# list, no Amount line in its view (a field of no value is left out:
# helper-252, fault 10), null in JSON, as its days are
RA=$(tsql 1 "SELECT id FROM alerts WHERE kind = 'sync-refused' ORDER BY id DESC LIMIT 1")
same "the refused record's alert: no amount in the list, text and JSON" \
    "$(rec 1 --csv alerts | awk -F, -v id="$RA" '$1 == id { print "[" $9 "]" }')/$(rec 1 --json alerts show "$RA" | python3 -c 'import json,sys; print(json.load(sys.stdin)["amount"])')/$(rec 1 alerts show "$RA" | grep -c '^Amount')" \
    "[]/None/0"
# sync --retry of the undone step: refused before anything is sent
U=$(tsql 1 "SELECT uuid FROM outbox WHERE kind = 'dispute' AND ref = '$D10' AND rejected_at IS NOT NULL")
expect "sync --retry of the undone step is refused, status 17" 17 \
    "was undone at this terminal" sup1 sync --retry "$U"
same "and stays set aside" "$(tsql 1 "SELECT count(*) FROM outbox WHERE uuid = '$U' AND rejected_at IS NOT NULL")" 1
# the payment may be voided again, its undone void's row taking the new
# one: pulled from terminal 2 (R10), or at terminal 1 itself (R11)
expect "terminal 2 voids the first payment after all" 0 "" sup2 payment void "$R10" --reason "Card stolen"
t2 sync >/dev/null
expect "terminal 1 pulls that void" 0 "" t1 sync
expect "terminal 1 shows it Voided with terminal 2's reason" 0 "Card stolen" rec 1 payment show "$R10"
has "Voided at terminal 1" "Voided"
expect "terminal 1 voids the second payment again itself" 0 "" sup1 payment void "$R11" --reason "Card stolen too"
expect "the central node takes it" 0 "Rejected    0" t1 sync
t2 sync >/dev/null
same "both Voided at the central node and both terminals" \
    "$(for n in 1 2; do tsql $n "SELECT group_concat(status, ' ') FROM (SELECT status FROM payments WHERE receipt_no IN ('$R10', '$R11') ORDER BY receipt_no)"; done; csql "SELECT status FROM payments WHERE receipt_no IN ('$R10', '$R11') ORDER BY receipt_no" | tr '\n' ' ')" \
    "$(printf 'Voided Voided\nVoided Voided\nVoided Voided ')"
expect "terminal 1's doctor passes with the voids again" 0 "ok" t1 doctor

# an uphold by a credit note at terminal 1 against a reject at terminal 2
# that syncs first: the credit note voided, the dispute rejected
newdsp 2
expect "terminal 2 rejects it" 0 "Resolved: rejected" rec 2 dispute reject "$D" --note "Confirmed"
expect "terminal 1 upholds it by a credit note, offline" 0 "Credit note" \
    sup1 dispute uphold "$D" --credit 1
CN=$(tsql 1 "SELECT cn_no FROM credit_notes n JOIN disputes d ON d.credit_uuid = n.uuid WHERE d.dispute_no = '$D'")
t2 sync >/dev/null
expect "terminal 1's sync: the credit note and the step refused" 20 "Rejected    2" t1 sync
t2 sync >/dev/null; t1 sync >/dev/null
alike "credit uphold at 1, reject at 2 first" "$D"
same "the uphold's credit note is voided at terminal 1 and unknown at the central node" \
    "$(tsql 1 "SELECT voided FROM credit_notes WHERE cn_no = '$CN'")/$(csql "SELECT count(*) FROM credit_notes WHERE cn_no = '$CN'")" "1/0"
# queued again, the credit note voided here is refused before anything is
# sent (review 21, session 40: it went, and the central node and terminal 2
# took an Active credit note of a rejected dispute)
sup1 --csv sync --quarantine >"$T/q.csv"
same "the credit note's reason says it was voided here with the uphold" \
    "$(grep -c ",credit_note,$CN,.*This terminal's credit note is voided with the dispute's uphold" "$T/q.csv")" 1
U=$(grep ",credit_note,$CN," "$T/q.csv" | cut -d, -f1)
expect "sync --retry of the undone uphold's credit note is refused, status 17" 17 \
    "$U (credit_note $CN) was undone at this terminal" sup1 sync --retry "$U"
t1 sync >/dev/null; t2 sync >/dev/null
same "the credit note still unknown at the central node and terminal 2" \
    "$(csql "SELECT count(*) FROM credit_notes WHERE cn_no = '$CN'")/$(tsql 2 "SELECT count(*) FROM credit_notes WHERE cn_no = '$CN'")" "0/0"
# its PDF is VOID without saying its payment was: the payment stands
sup1 credit-note pdf "$CN" --out "$T/cn-undone.pdf" >/dev/null 2>&1
same "the undone uphold's credit note reads VOID, its payment not said voided (Posted)" \
    "$(pdftotext "$T/cn-undone.pdf" - | grep -c -e "This credit note was voided" -e "The payment this credit note came from was voided")/$(pdftotext "$T/cn-undone.pdf" - | grep -c "This credit note was voided")" 1/1

# the other order: terminal 1 rejects offline, terminal 2 upholds by a
# void and syncs first; terminal 1's reject is undone, the void pulled
newdsp 3
RB=$R
expect "terminal 1 rejects it, offline" 0 "Resolved: rejected" rec 1 dispute reject "$D" --note "No"
expect "terminal 2 upholds it by a void" 0 "Payment voided" \
    sup2 dispute uphold "$D" --void
t2 sync >/dev/null
expect "terminal 1's sync: its reject refused" 20 "Rejected    1" t1 sync
t2 sync >/dev/null; t1 sync >/dev/null
alike "reject at 1, void uphold at 2 first" "$D"
same "upheld with the payment voided at terminal 1" "$(dstate 1 "$D")" upheld/Voided
same "the reject is out of terminal 1's timeline" "$(steps 1 "$D" | grep -c Rejected)" 0
expect "terminal 1's quarantine says its reject was undone" 0 \
    "This terminal's step of dispute $D is undone: the central node's steps came first" sup1 sync --quarantine
expect "terminal 1's doctor passes" 0 "ok" t1 doctor

# a review at terminal 1 offline after terminal 2's reject reached the
# central node: refused, and out of terminal 1's timeline
newdsp 5
expect "terminal 2 rejects it" 0 "Resolved: rejected" rec 2 dispute reject "$D" --note "Confirmed"
t2 sync >/dev/null
expect "terminal 1 reviews it, offline" 0 "Under review" rec 1 dispute review "$D"
expect "terminal 1's sync: its review refused" 20 "Rejected    1" t1 sync
alike "review at 1, reject at 2 first" "$D"
same "no review in terminal 1's timeline" "$(steps 1 "$D" | grep -c 'Under review')" 0

# a payment taken at terminal 1 of the same item after its uphold by a
# void, before the refusal: the void undone, the disputed payment takes
# its item back and the later one becomes credit, as at the central node
newdsp 4
B=$(tsql 1 "SELECT i.ref FROM allocations a JOIN items i ON i.id = a.item_id JOIN payments p ON p.id = a.payment_id WHERE p.receipt_no = '$R'")
expect "terminal 2 rejects it" 0 "Resolved: rejected" rec 2 dispute reject "$D" --note "Confirmed"
t2 sync >/dev/null
expect "terminal 1 upholds it by a void, offline" 0 "Payment voided" sup1 dispute uphold "$D" --void
expect "its receipt printed now is marked VOID" 0 "VOID" rec 1 receipt "$R" --text
left=$(tsql 1 "SELECT amount - settled FROM items WHERE ref = '$B'")
expect "and takes a payment of the whole item $B" 0 "Payment ID" rec 1 pay \
    WU-10002 --type bill --method Cash --amount "$(echo "$left" | sed 's/..$/.&/')" --items "$B"
RL=$(sed -n 's/^Receipt number  *//p' "$OUT" | head -1)
expect "terminal 1's sync: the void and the step refused, the payment taken" 20 "Rejected    2" t1 sync
t2 sync >/dev/null; t1 sync >/dev/null
alike "a payment of the item after the void" "$D"
expect "once the void is undone, its receipt reads Posted, no VOID mark" 0 \
    "[Posted]" rec 1 receipt "$R" --text
if grep -q VOID "$OUT"; then notok "no VOID mark once undone"; else ok "no VOID mark once undone"; fi
same "the later payment is credit at both terminals and the central node" \
    "$(tsql 1 "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")$(tsql 2 "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")$(csql "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")" 111
# its details say what went to credit (helper-250, fault 4: "Under paid"
# alone, no item listed)
same "payment show: carried to credit, the credit note's amount" \
    "$(sup1 --json payment show "$RL" | python3 -c 'import json,sys
d = json.load(sys.stdin); print(d["analysis"].get("carried_to_credit"), d["credit_note"]["amount"])')" \
    "$(tsql 1 "SELECT n.amount || ' ' || n.amount FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")"
expect "  in text" 0 "Carried to credit" sup1 payment show "$RL"
expect "terminal 1's doctor passes" 0 "ok" t1 doctor
expect "terminal 2's doctor passes" 0 "ok" t2 doctor
expect "the central node's doctor passes" 0 "" central doctor ACME
# its receipt reprinted reads what it pays now: 16.00 of $B (it gave 4.00
# way to the disputed payment), the same at both terminals, text and PDF
# (review 21, session 40, fault 10: terminal 1's listed what it gave way
# as applied too)
items() { sed -n '/^ITEMS PAID/,/^TOTALS/p'; }
rec 1 receipt "$RL" --text | items >"$T/rl1"
rec 2 receipt "$RL" --text | items >"$T/rl2"
same "the reprint of the payment that gave way: $B due 16.00, applied 16.00, the same at both terminals" \
    "$(grep -A2 "Bill $B" "$T/rl1" | tail -1 | tr -s ' ')/$(cmp -s "$T/rl1" "$T/rl2" && echo same)" ' $16.00 $16.00/same'
rec 1 receipt "$RL" --out "$T/rl1.pdf" >/dev/null 2>&1
pdftotext "$T/rl1.pdf" - | sed -n '/^Items paid/,/^Totals/p' >"$T/rl1.txt"
same "its PDF at terminal 1 (pdftotext) too: $B, 16.00 due and applied, no 20.00" \
    "$(grep -c "Bill $B" "$T/rl1.txt")/$(grep -c '^\$16.00$' "$T/rl1.txt")/$(grep -c '20.00' "$T/rl1.txt")" "1/2/0"
expect "the disputed payment's own reprint still lists $B (it holds it again)" 0 "Bill $B" rec 1 receipt "$R" --text

# a payment disputed at both terminals offline: terminal 2's opening
# reaches the central node first, terminal 1's is refused ("already has
# dispute") and undone there: its dispute is found and listed no more
rec 1 pay WU-10002 --type bill --method Cash --amount 1 >"$OUT" 2>&1
R=$(sed -n 's/^Receipt number  *//p' "$OUT" | head -1)
t1 sync >/dev/null; t2 sync >/dev/null
rec 2 dispute open "$R" --reason other >"$OUT" 2>&1
D2=$(sed -n 's/^Dispute  *//p' "$OUT" | head -1)
rec 1 dispute open "$R" --reason chargeback >"$OUT" 2>&1
D1=$(sed -n 's/^Dispute  *//p' "$OUT" | head -1)
t2 sync >/dev/null
expect "terminal 1's opening of the same payment's dispute is refused" 20 "Rejected    1" t1 sync
expect "terminal 1's dispute is found no more" 4 "$D1" rec 1 dispute show "$D1"
expect "terminal 1's quarantine says its dispute was undone" 0 \
    "This terminal's dispute $D1 is undone: the central node did not take its opening" sup1 sync --quarantine
expect "terminal 1 shows terminal 2's, pulled" 0 "Open" rec 1 dispute show "$D2"
sup1 --csv dispute list --consumer WU-10002 | cut -d, -f1,2 | sort >"$T/dl1"
sup2 --csv dispute list --consumer WU-10002 | cut -d, -f1,2 | sort >"$T/dl2"
same "both terminals list the same disputes of José Núñez, $D2 and not $D1" \
    "$(grep -c "^$D2," "$T/dl1")$(grep -c "^$D1," "$T/dl1")/$(cat "$T/dl1")" "10/$(cat "$T/dl2")"

# a plan made offline at both terminals of John Doe's debt: terminal 2's
# reaches the central node first, terminal 1's is undone (review 21, fault
# 1); queued again, it is refused before anything is sent
t1 sync >/dev/null; t2 sync >/dev/null
mkp() { rec "$1" arrangement create WU-10001 --installments 2 --frequency weekly --first-due 2025-07-31 --reason Hardship | sed -n 's/^Arrangement  *//p'; }
P2=$(mkp 2); P1=$(mkp 1)
t2 sync >/dev/null
# (its worked overdue alert's end, "under an arrangement", is refused
# with it: the organisation did not take that plan, helper-233 fault 2)
expect "terminal 1's plan of the same debt is refused and undone, and the end it made" 20 "Rejected    2" t1 sync
same "the two refused: the plan, and its alert's end naming the plan" \
    "$(tsql 1 "SELECT group_concat(kind, ',') FROM (SELECT kind FROM outbox WHERE rejected_at IS NOT NULL AND (ref = '$P1' OR payload LIKE '%\"ended_by\":\"' || (SELECT e.uuid FROM arrangement_events e JOIN arrangements a ON a.id = e.arrangement_id JOIN plans p ON p.id = a.plan_id WHERE p.plan_no = '$P1' AND e.kind = 'create') || '\"%') ORDER BY id)")" \
    "arrangement,alert"
U=$(tsql 1 "SELECT uuid FROM outbox WHERE kind = 'arrangement' AND ref = '$P1' AND rejected_at IS NOT NULL")
expect "sync --retry of the plan undone is refused, status 17" 17 \
    "$U (arrangement $P1) was undone at this terminal" sup1 sync --retry "$U"
same "and it stays set aside" "$(tsql 1 "SELECT count(*) FROM outbox WHERE uuid = '$U' AND rejected_at IS NOT NULL")" 1
# a payment with an overpayment (its excess an Overpayment credit note)
# upheld by a void at terminal 1, rejected at terminal 2 first: the void
# undone gives the credit note back, as the central node has it (review 21,
# session 40: it stayed Voided at terminal 1, the consumer's credit lost)
# xcash: the cash rita's shift at terminal 1 expects (its X report)
xcash() {
	f=$(PAYDESK_APPROVER_PIN=2222 rec 1 shift x --text --approver mary 2>/dev/null | sed -n 's/^File  *//p')
	awk '/^Cash *$/ { c = 1 } c && /\$/ { print $NF; exit }' "$f"
}
expect "rita opens a shift at terminal 1" 0 "" rec 1 shift open
newdsp 400
X0=$(xcash)
OC=$(tsql 1 "SELECT n.cn_no FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$R'")
expect "terminal 2 rejects it" 0 "Resolved: rejected" rec 2 dispute reject "$D" --note "Confirmed"
expect "terminal 1 upholds it by a void, offline" 0 "Resolved: upheld" sup1 dispute uphold "$D" --void
same "the void voids the overpayment's credit note at terminal 1" "$(tsql 1 "SELECT voided FROM credit_notes WHERE cn_no = '$OC'")" 1
X1=$(xcash)
t2 sync >/dev/null; t1 sync >/dev/null; t2 sync >/dev/null
alike "a void of an overpaid payment at 1, reject at 2 first" "$D"
same "the overpayment's credit note is live again at terminal 1, as at terminal 2 and the central node" \
    "$(tsql 1 "SELECT voided FROM credit_notes WHERE cn_no = '$OC'")/$(tsql 2 "SELECT voided FROM credit_notes WHERE cn_no = '$OC'")/$(csql "SELECT voided FROM credit_notes WHERE cn_no = '$OC'")" "0/0/0"
# the void handed the cash out of the drawer; undone, the drawer expects it
# again (review 21, session 40: it stayed handed out, the drawer over)
same "rita's drawer expects the payment's cash again once the void is undone (before, voided, undone)" \
    "$X0 $X1 $(xcash)" "$X0 $(awk -v a="$X0" 'BEGIN { gsub(/[$,]/, "", a); printf "$%.2f", a - 400 }' | sed 's/\$\([0-9]\{4\}\)/$\1/') $X0"

# a credit note applied into the room an uphold's void opened at terminal 1,
# the uphold refused (terminal 2 rejected first): the application gives way
# to the payment the void is undone for, the note's remaining back; a payment
# taken before the void never does (review 21, session 40, fault 5: it gave
# 6.00 without making it credit, the consumer's money lost at terminal 1 and
# doctor said ok). Ana Ruiz (WU-10021), a bill per case.
printf 'account_no,name,service_address,phone,email,segment\nWU-10021,Ana Ruiz,"4 Oak Lane, Cityville",(555) 000-2121,,Residential\n' >"$T/c21.csv"
{
	echo "invoice_no,account_no,period,amount,issued_on,due_on"
	for n in 1 2 3 4 5 6 7 8; do
		echo "INV-2025-02100$n,WU-10021,Apr 2025,100.00,2025-04-01,2025-04-20"
		echo "INV-2025-02101$n,WU-10021,Apr 2025,100.00,2025-04-01,2025-04-21"
	done
} >"$T/b21.csv"
central import ACME consumers "$T/c21.csv" >/dev/null
central import ACME bills "$T/b21.csv" >/dev/null
# pay21 BILL AMOUNT: terminal 1 takes AMOUNT of BILL (R); dsp21: R disputed (D)
pay21() {
	rec 1 pay WU-10021 --type bill --method ${3:-Cash} --amount "$2" --items "$1" >"$OUT" 2>&1
	R=$(val "Receipt number")
}
dsp21() { rec 1 dispute open "$R" --reason other >"$OUT" 2>&1; D=$(val Dispute); }
# cn21 AMOUNT: the credit note an uphold of dispute D at terminal 1 makes
cn21() {
	sup1 dispute uphold "$D" --credit "$1" >/dev/null 2>&1
	tsql 1 "SELECT n.cn_no FROM credit_notes n JOIN disputes d ON d.credit_uuid = n.uuid WHERE d.dispute_no = '$D'"
}
# Ana Ruiz's debt/credit (open items / credit notes' remaining), at N or c
debt21() {
	q="SELECT (SELECT coalesce(sum(i.amount - i.settled), 0) FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE c.account_no = 'WU-10021') || '/' || (SELECT coalesce(sum(n.amount - n.applied), 0) FROM credit_notes n JOIN consumers c ON c.id = n.consumer_id WHERE c.account_no = 'WU-10021' AND n.voided = 0)"
	if [ "$1" = c ]; then csql "$q"; else tsql "$1" "$q"; fi
}
# agree21 NAME: once both synced, the same debt and credit everywhere,
# every doctor ok
agree21() {
	t2 sync >/dev/null; t1 sync >/dev/null; t2 sync >/dev/null
	same "$1: Ana Ruiz's debt and credit alike at both terminals and the central node" \
	    "$(debt21 1) $(debt21 2)" "$(debt21 c) $(debt21 c)"
	expect "$1: terminal 1's doctor passes" 0 "ok" t1 doctor
	expect "$1: terminal 2's doctor passes" 0 "ok" t2 doctor
	expect "$1: the central node's doctor passes" 0 "" central doctor ACME
}
# set21 N: bill INV-2025-02100N paid 60 + 40 at terminal 1, the 40 disputed
# (DV, RV); bill INV-2025-02101N paid 10 and 10, each disputed (DC1, DC2);
# all synced
set21() {
	B=INV-2025-02100$1 BC=INV-2025-02101$1
	pay21 $B 60; pay21 $B 40; RV=$R; dsp21; DV=$D
	pay21 $BC 10; dsp21; DC1=$D; pay21 $BC 10; dsp21; DC2=$D
	t1 sync >/dev/null; t2 sync >/dev/null
}
t1 sync >/dev/null; t2 sync >/dev/null
# 1. the review's case: a credit note of 6.00 applied to the bill the void
# opened
set21 1
D=$DC1; CN=$(cn21 6)
expect "terminal 1 upholds $DV by a void, offline (the bill open 40.00)" 0 "Payment voided" sup1 dispute uphold "$DV" --void
expect "and applies $CN's 6.00 to it" 0 "" sup1 credit-note apply "$CN" --to "$B" --amount 6
expect "terminal 2 rejects $DV and syncs first" 0 "Resolved: rejected" rec 2 dispute reject "$DV" --note "Cleared"
t2 sync >/dev/null
expect "terminal 1's sync: the void, the step and the application refused" 20 "Rejected    3" t1 sync
agree21 "an application into the void's room"
same "$B paid by its two payments, $CN Active with its 6.00 at terminal 1" \
    "$(tsql 1 "SELECT settled FROM items WHERE ref = '$B'")/$(tsql 1 "SELECT (amount - applied) || ' ' || voided FROM credit_notes WHERE cn_no = '$CN'")" "10000/600 0"
same "$RV holds its 40.00 again at terminal 1" "$(tsql 1 "SELECT sum(a.amount) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.receipt_no = '$RV'")" 4000
same "the 60.00 paid before the void gave nothing" "$(tsql 1 "SELECT count(*) FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN items i ON i.id = a.item_id WHERE i.ref = '$B' AND a.amount < 0 AND p.receipt_no <> '$RV'")" 0
sup1 --csv sync --quarantine >"$T/q.csv"
same "the application's reason says it was undone with the uphold" \
    "$(grep -c ",credit_apply,.*This terminal's credit application is undone with the dispute's uphold" "$T/q.csv")" 1
same "its undo audited" "$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'credit_note' AND ref = '$CN'")" 1
U=$(grep ",credit_apply," "$T/q.csv" | cut -d, -f1)
expect "sync --retry of the undone application is refused, status 17" 17 \
    "was undone at this terminal" sup1 sync --retry "$U"
# 2. credit applied in part, and a second credit note applied too
set21 2
D=$DC1; CN1=$(cn21 5); D=$DC2; CN2=$(cn21 4)
sup1 dispute uphold "$DV" --void >/dev/null 2>&1
expect "3.00 of $CN1 applied to the open bill" 0 "" sup1 credit-note apply "$CN1" --to "$B" --amount 3
expect "and all of $CN2" 0 "" sup1 credit-note apply "$CN2" --to "$B" --amount 4
rec 2 dispute reject "$DV" --note "Cleared" >/dev/null 2>&1
t2 sync >/dev/null
agree21 "two applications, one in part"
same "both credit notes whole again at terminal 1 (5.00, 4.00)" \
    "$(tsql 1 "SELECT group_concat(amount - applied, ' ') FROM (SELECT amount, applied FROM credit_notes WHERE cn_no IN ('$CN1', '$CN2') ORDER BY cn_no)")" "500 400"
# 3. a payment taken after the void, then a credit application: both give
# way, the payment as credit (the central node made it so)
set21 3
D=$DC1; CN=$(cn21 6)
sup1 dispute uphold "$DV" --void >/dev/null 2>&1
pay21 $B 20; RL=$R
expect "6.00 of $CN applied after a payment of 20.00" 0 "" sup1 credit-note apply "$CN" --to "$B" --amount 6
rec 2 dispute reject "$DV" --note "Cleared" >/dev/null 2>&1
t2 sync >/dev/null
agree21 "a payment and an application after the void"
same "the later payment is credit at terminal 1, 2 and the central node" \
    "$(tsql 1 "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")$(tsql 2 "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")$(csql "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")" 111
# 4. the credit note's own uphold refused too (terminal 2 rejected both):
# the application undone, then the note voided with its uphold, in either
# order of the two upholds
for o in void-first credit-first; do
	n=4; [ $o = credit-first ] && n=5
	set21 $n
	D=$DC1
	[ $o = credit-first ] && CN=$(cn21 6)
	sup1 dispute uphold "$DV" --void >/dev/null 2>&1
	[ $o = void-first ] && CN=$(cn21 6)
	expect "$o: $CN applied to the open bill" 0 "" sup1 credit-note apply "$CN" --to "$B" --amount 6
	rec 2 dispute reject "$DV" --note "Cleared" >/dev/null 2>&1
	rec 2 dispute reject "$DC1" --note "Cleared" >/dev/null 2>&1
	t2 sync >/dev/null
	agree21 "$o: the application's credit note refused too"
	same "$o: $CN voided at terminal 1, unknown at the central node; both disputes rejected there" \
	    "$(tsql 1 "SELECT voided FROM credit_notes WHERE cn_no = '$CN'")/$(csql "SELECT count(*) FROM credit_notes WHERE cn_no = '$CN'")/$(dstate 1 "$DV") $(dstate 1 "$DC1")" \
	    "1/0/rejected/Posted rejected/Posted"
done
# 5. terminal 2 upheld by a void too: the central node took the application
# (the bill open there too); it stays, and the void pulled
pay21 INV-2025-021006 90; RV=$R; dsp21; DV=$D
pay21 INV-2025-021006 10; dsp21; t1 sync >/dev/null; t2 sync >/dev/null
CN=$(cn21 6)
sup1 dispute uphold "$DV" --void >/dev/null 2>&1
sup1 credit-note apply "$CN" --to INV-2025-021006 --amount 6 >/dev/null 2>&1
expect "terminal 2 upholds $DV by a void too, first" 0 "Payment voided" sup2 dispute uphold "$DV" --void
t2 sync >/dev/null
agree21 "both voided, the application taken"
same "$CN applied, INV-2025-021006 open 84.00, at terminal 1" \
    "$(tsql 1 "SELECT applied FROM credit_notes WHERE cn_no = '$CN'")/$(tsql 1 "SELECT amount - settled FROM items WHERE ref = 'INV-2025-021006'")" "600/8400"

# a bounced cheque's service charge an undone uphold added at terminal 1 is
# cancelled there (review 21, session 40, fault 6: left open, it was paid at
# the counter and the central node refused the payment, "item ... is not
# known here"): unpaid, neither owed nor offered; paid meanwhile, the payment
# gives it back and its money is credit at every node
for o in unpaid paid; do
	n=7; [ $o = paid ] && n=8
	pay21 INV-2025-02100$n 50 "Cheque --reference 00021$n"; rec 1 dispute open "$R" --reason bounced-cheque >"$OUT" 2>&1; D=$(val Dispute)
	t1 sync >/dev/null; t2 sync >/dev/null
	expect "$o: terminal 1 upholds $D by a void, offline, with its charge" 0 "$D-CHG" sup1 dispute uphold "$D" --void
	[ $o = paid ] && expect "$o: and takes a payment of the charge" 0 "Payment ID" \
	    rec 1 pay WU-10021 --type service --method Cash --amount 15 --items "$D-CHG"
	RCH=$(tsql 1 "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1")
	rec 2 dispute reject "$D" --note "Cheque cleared" >/dev/null 2>&1
	t2 sync >/dev/null
	agree21 "$o: a bounced cheque's charge, its uphold undone"
	same "$o: $D-CHG cancelled at terminal 1 (settled by nothing), unknown at the central node and terminal 2" \
	    "$(tsql 1 "SELECT amount - settled FROM items WHERE ref = '$D-CHG'")/$(tsql 1 "SELECT count(*) FROM allocations a JOIN items i ON i.id = a.item_id WHERE i.ref = '$D-CHG' GROUP BY i.id HAVING sum(a.amount) <> 0")/$(csql "SELECT count(*) FROM items WHERE ref = '$D-CHG'")/$(tsql 2 "SELECT count(*) FROM items WHERE ref = '$D-CHG'")" \
	    "0//0/0"
	same "$o: the cancel audited" "$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'item' AND ref = '$D-CHG'")" 1
	expect "$o: the charge is not offered at the counter any more" 3 "already paid in full" \
	    rec 1 pay WU-10021 --type service --method Cash --amount 15 --items "$D-CHG"
	# nor due in the month's Total Due: the same at terminal 1 as at
	# terminal 2, which never had it (helper-239: counted at the one).
	# Read the day after (the current month counts what fell due before
	# today), on copies of the stores: that day's first use runs its
	# alerts' pass
	for n in 1 2; do sqlite3 "$T/t$n.db" ".backup '$T/k$n.db'"; done
	cdue=$(tsql 1 "SELECT due_on FROM items WHERE ref = '$D-CHG'")
	kday=$(date -d "$cdue + 1 day" +%F)
	kdue() { PAYDESK_NOW=$kday PAYDESK_PIN=2222 "$PD" --db "$T/k$1.db" \
	    --user mary --json kpi --month "${cdue%-*}" | tr -d ' \n' |
	    sed -n 's/.*"month":{[^}]*"total_due":\([0-9]*\).*/\1/p'; }
	same "$o: the month's Total Due read at terminal 2" \
	    "$(kdue 2 | grep -c '^[1-9][0-9]*$')" 1
	same "$o: the month's Total Due at terminal 1 is terminal 2's ($(kdue 2))" \
	    "$(kdue 1)" "$(kdue 2)"
	expect "$o: the rows behind the rate" 0 "" env PAYDESK_NOW=$kday \
	    PAYDESK_PIN=2222 "$PD" --db "$T/k1.db" --user mary kpi --rows rate \
	    --month "${cdue%-*}"
	same "$o: and $D-CHG is not among them" "$(grep -c "$D-CHG" "$OUT")" 0
done
same "paid: its 15.00 is credit at terminal 1, 2 and the central node" \
    "$(tsql 1 "SELECT sum(n.amount) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RCH'")/$(tsql 2 "SELECT sum(n.amount) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RCH'")/$(csql "SELECT sum(n.amount) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RCH'")" \
    "1500/1500/1500"
PNO=$(tsql 1 "SELECT payment_no FROM payments WHERE receipt_no = '$RCH'")
sup1 --csv sync --quarantine >"$T/q.csv"
same "paid: the payment of the charge ($PNO) is not in terminal 1's quarantine" \
    "$(grep -c ",payment,$PNO," "$T/q.csv")/$(tsql 1 "SELECT count(*) FROM outbox WHERE ref = '$PNO' AND sent_at IS NOT NULL")" 0/1
# a plan made at terminal 1 of the bill the void opened and of its charge,
# before the refusal (review 21, session 41: the charge, cancelled, stayed
# moved into the plan, settled twice, doctor's item balances failed): the
# cancel takes it off the plan first (from its last installments back),
# audited on the plan with the reason; the plan, which the central node
# refuses (the charge unknown there), is undone, the bill owing again
B=INV-2025-021017
pay21 $B 50 "Cheque --reference 0002199"; rec 1 dispute open "$R" --reason bounced-cheque >"$OUT" 2>&1; D=$(val Dispute)
t1 sync >/dev/null; t2 sync >/dev/null
expect "plan: terminal 1 upholds $D by a void, offline, with its charge" 0 "$D-CHG" sup1 dispute uphold "$D" --void
expect "plan: and arranges the bill and the charge" 0 "Arrangement" rec 1 arrangement create \
    WU-10021 --items "$B,$D-CHG" --installments 3 --frequency monthly --first-due 2025-07-31 --reason Hardship
P=$(val Arrangement)
rec 2 dispute reject "$D" --note "Cheque cleared" >/dev/null 2>&1
t2 sync >/dev/null
agree21 "plan: a plan of a charge its uphold undone"
same "plan: $D-CHG cancelled, $B owes 50.00, $P Cancelled with nothing left, at terminal 1" \
    "$(tsql 1 "SELECT amount - settled FROM items WHERE ref = '$D-CHG'")/$(tsql 1 "SELECT amount - settled FROM items WHERE ref = '$B'")/$(rec 1 arrangement show "$P" | sed -n 's/^Status  *//p;s/^Left to pay  *//p' | tr '\n' ' ')" \
    '0/5000/Cancelled $0.00 '
same "plan: the charge taken off $P audited with the reason" \
    "$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'arrangement' AND ref = '$P' AND detail LIKE 'item=$D-CHG amount=15.00 taken off the plan, the charge cancelled, refused: %'")" 1

# An alert's steps conflict as a dispute's do (review R21d,
# r21d_alert_refused_steps: T02 kept the steps the central node refused,
# its alert assigned and noted where every other node had it closed).
# Terminal 1 takes a large payment and acknowledges its alert; both
# terminals have it. Offline, terminal 1 closes it; terminal 2 assigns it,
# adds a note and closes it too. Terminal 1 syncs first: the central node
# refuses terminal 2's three steps, which are undone there (out of its
# history, its status and assignee as the rest leave them, audited);
# after the pull both terminals show the alert alike.
# ahist less the steps undone here (sync_undone): the history shown
ahist_live() { tsql "$1" "SELECT group_concat(x, ' / ') FROM (SELECT n.at || ' ' || n.username || ' ' || n.action || ' ' || n.text AS x FROM alert_notes n JOIN alerts a ON a.id = n.alert_id WHERE a.cause = '$2' AND n.action <> 'raised' AND (n.uuid IS NULL OR n.uuid NOT IN (SELECT uuid FROM sync_undone)) ORDER BY n.id) y"; }
pay21 INV-2025-021018 25
LP=$(tsql 1 "SELECT cause FROM alerts WHERE kind = 'large-payment' ORDER BY id DESC LIMIT 1")
rec 1 alerts ack "$(aid 1 "$LP")" >/dev/null || echo "not ok - alert: terminal 1 acknowledges $LP"
t1 sync >/dev/null; t2 sync >/dev/null
same "alert: terminal 2 has it acknowledged" "$(astate 2 "$LP")" "$(astate 1 "$LP")"
expect "alert: terminal 1 closes it, offline" 0 "" rec 1 alerts close "$(aid 1 "$LP")"
expect "alert: terminal 2 assigns it to rita, offline" 0 "" rec 2 alerts assign "$(aid 2 "$LP")" rita
expect "alert: terminal 2 adds a note" 0 "" rec 2 alerts note "$(aid 2 "$LP")" "Called back"
expect "alert: terminal 2 closes it too" 0 "" rec 2 alerts close "$(aid 2 "$LP")"
expect "alert: terminal 1 syncs first" 0 "Rejected    0" t1 sync
expect "alert: terminal 2's three steps are refused" 20 "Rejected    3" t2 sync
t2 sync >/dev/null; t1 sync >/dev/null
same "alert: status and assignee alike at both terminals and the central node (closed, nobody)" \
    "$(astate 1 "$LP" | cut -d'|' -f1-2)/$(astate 2 "$LP" | cut -d'|' -f1-2)" "closed|/closed|"
same "alert: its history alike at both" "$(ahist_live 2 "$LP")" "$(ahist_live 1 "$LP")"
same "alert: terminal 2's refused steps are not in its history" \
    "$(ahist_live 2 "$LP" | grep -c 'Called back\|assigned')" 0
same "alert: each undo audited at terminal 2" \
    "$(tsql 2 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'alert' AND ref = '$LP'")" 3
PAYDESK_PIN=2222 "$PD" --config "$T/t2.ini" --user mary sync --quarantine >"$OUT" 2>&1
# named by its number here and what it is about, its cause after
# (helper-234: the cause alone, raw UUIDs)
same "alert: the quarantine says the steps are undone, the alert by its number" \
    "$(grep -c "This terminal's step of alert $(tsql 2 "SELECT id || ' (' || ref FROM alerts WHERE cause = '$LP'"); $LP) is undone" "$OUT")" 3
# queued again, an undone step is refused before anything is sent
# (helper-231, fault 1: sent again, the central node took it, and
# terminal 2, which never pulls its own records, kept it undone: the
# alert Closed everywhere but there), its store unchanged
U3=$(tsql 2 "SELECT uuid FROM sync_undone WHERE kind = 'alert' ORDER BY rowid LIMIT 1")
before=$(tsql 2 "SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND rejected_at IS NULL) || '/' || (SELECT count(*) FROM sync_undone)")
PAYDESK_PIN=2222 expect "alert: an undone step queued again: refused" 17 \
    "was undone at this terminal when the central node refused it" \
    "$PD" --config "$T/t2.ini" --user mary sync --retry "$U3"
same "alert: nothing queued, nothing redone" \
    "$(tsql 2 "SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND rejected_at IS NULL) || '/' || (SELECT count(*) FROM sync_undone)")" "$before"
expect "alert: doctor at terminal 2" 0 "ok" t2 doctor
# the other way round: terminal 2 notes it, terminal 1's note taken too
# (notes do not conflict): both notes everywhere
pay21 INV-2025-021018 30
LQ=$(tsql 1 "SELECT cause FROM alerts WHERE kind = 'large-payment' ORDER BY id DESC LIMIT 1")
rec 1 alerts ack "$(aid 1 "$LQ")" >/dev/null
t1 sync >/dev/null; t2 sync >/dev/null
rec 1 alerts note "$(aid 1 "$LQ")" "T1 says" >/dev/null
rec 2 alerts note "$(aid 2 "$LQ")" "T2 says" >/dev/null
expect "alert: terminal 2 syncs first, its note taken" 0 "Rejected    0" t2 sync
expect "alert: terminal 1's note taken too" 0 "Rejected    0" t1 sync
t2 sync >/dev/null
same "alert: both notes at both terminals, alike" \
    "$(ahist_live 1 "$LQ" | grep -o 'T[12] says' | sort | tr '\n' ' ')/$(ahist_live 2 "$LQ" | grep -o 'T[12] says' | sort | tr '\n' ' ')" \
    "T1 says T2 says /T1 says T2 says "
