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
    "$(grep -c "^[^,]*,dispute,$D10,.*This terminal's uphold of dispute $D10 is undone, with its void or credit note" "$T/q.csv")/$(grep -c "^[^,]*,void,.*$D10.*This terminal's void is undone with the dispute's uphold" "$T/q.csv")" 1/1
same "one undo audited for the step and one for the void" \
    "$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND (ref = '$D10' OR ref = (SELECT p.payment_no FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.dispute_no = '$D10'))")" 2
expect "the payment shows Posted at terminal 1, no Void section" 0 "Posted" \
    rec 1 payment show "$R10"
if grep -q "^Void" "$OUT"; then notok "no Void section once undone"; else ok "no Void section once undone"; fi
expect "a refused-record alert for the recovery role at terminal 1" 0 \
    "Sync record refused" rec 1 alerts
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
expect "terminal 1's sync: the credit note and the step refused" 0 "Rejected    2" t1 sync
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
expect "terminal 1's sync: its reject refused" 0 "Rejected    1" t1 sync
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
expect "terminal 1's sync: its review refused" 0 "Rejected    1" t1 sync
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
expect "terminal 1's sync: the void and the step refused, the payment taken" 0 "Rejected    2" t1 sync
t2 sync >/dev/null; t1 sync >/dev/null
alike "a payment of the item after the void" "$D"
expect "once the void is undone, its receipt reads Posted, no VOID mark" 0 \
    "[Posted]" rec 1 receipt "$R" --text
if grep -q VOID "$OUT"; then notok "no VOID mark once undone"; else ok "no VOID mark once undone"; fi
same "the later payment is credit at both terminals and the central node" \
    "$(tsql 1 "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")$(tsql 2 "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")$(csql "SELECT count(*) FROM credit_notes n JOIN payments p ON p.id = n.payment_id WHERE p.receipt_no = '$RL'")" 111
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
expect "terminal 1's opening of the same payment's dispute is refused" 0 "Rejected    1" t1 sync
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
expect "terminal 1's plan of the same debt is refused and undone" 0 "Rejected    1" t1 sync
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
	f=$(rec 1 shift x --text 2>/dev/null | sed -n 's/^File  *//p')
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
