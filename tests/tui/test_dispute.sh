#!/bin/sh
# test_dispute.sh - disputes at the screens (issue 21): two disputes made
# with the command line, one rejected; in tmux a recovery user opens Home's
# Disputes, filters the unresolved (F2), puts one under review (r) and
# opens it (Enter): its terms and its timeline; she opens a dispute from a
# payment's details (d) and rejects it with a note (n), upholding is
# refused her; a supervisor reaches Disputes from the Dashboard (d) and
# upholds one by a credit note (u), its timeline after, a bounced
# cheque's only by a void, and one of part of its payment (review R21d,
# fault 3: 12.34 of 50.00) by a credit note of that part, its void asked
# as the void of all of it; a cashier has no
# Disputes, nor opens one from a payment. One store, one tmux server.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-06-01 10:00:00"
setup_store
EXP="$T/exports"
printf '[exports]\ndir = %s\n' "$EXP" >>"$PAYDESK_CONFIG"
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' \
    >"$T/rec.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/rec.csv" >/dev/null
rec() { PAYDESK_PIN=4321 "$PD" --user rita "$@"; }
# a bounced cheque's service charge, said in its uphold's question
printf 'key,value\ndisputes.bounced_cheque_charge,15.00\n' >"$T/set.csv"
PAYDESK_PIN=9999 "$PD" --user admin import settings "$T/set.csv" >/dev/null ||
    echo "not ok - the bounced cheque's charge set"
for a in 80 40 25; do
	rec pay WU-10002 --type bill --method Cash --amount $a >"$OUT" 2>&1
	sed -n 's/^Receipt number  *//p' "$OUT" | head -1 >>"$T/rnos"
done
expect "a dispute of the first payment" 0 "DP-T01-000001" rec dispute open \
    "$(sed -n 1p "$T/rnos")" --reason amount-contested --note "Read twice"
expect "one of the second, rejected" 0 "Resolved: rejected" sh -c \
    "PAYDESK_PIN=4321 '$PD' --user rita dispute open '$(sed -n 2p "$T/rnos")' --reason chargeback >/dev/null && PAYDESK_PIN=4321 '$PD' --user rita dispute reject DP-T01-000002 --note 'Holder confirmed'"

tui_start
login rita 4321
wait_for "rita (recovery) on Home" "Find Consumer"
wait_for "Home lists Disputes for the recovery role" "Disputes"
keys Home Down Down Down Down Down Enter
wait_for "the Disputes list" "2 disputes"
wait_for "the open one first, its status, reason, amount disputed and age" \
    "DP-T01-000001 Open               Amount contested   \$80.00 2025-07-01   0"
wait_for "the rejected one after" "DP-T01-000002 Resolved: rejected Chargeback         \$40.00"
keys F2
wait_for "F2: the unresolved" "1 dispute unresolved"
lacks "the rejected one is not among them" "DP-T01-000002"
keys r
wait_for "r: under review" "Dispute DP-T01-000001 is under review"
wait_for "its status now" "Under review"
same "the step is in the store" \
    "$(sqlite3 "$DB" "SELECT group_concat(kind) FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id WHERE d.dispute_no = 'DP-T01-000001'")" \
    "open,review"
keys r
wait_for "r again: the command line's refusal" "is Under review already"
keys Enter
wait_for "Enter opens the dispute" "Amount contested"
wait_for "its timeline: opened, with the note" "Read twice"
wait_for "and put under review by Rita" "Under review  Rita Ochoa"
keys Escape
wait_for "back to the list" "1 dispute unresolved"
keys Escape
wait_for "back on Home" "Find Consumer"

# a dispute opened from the newest payment's details (d): a reason is
# chosen, the note typed, asked once
keys Home Down Down Enter
wait_for "Today's payments" "R-T01-000003"
keys Enter
wait_for "the newest payment's details" "Payment details"
keys d
wait_for "d: a dispute of that payment" "R-T01-000003  WU-10002  José Núñez"
keys Enter
wait_for "Enter with no reason: refused" "Choose a reason"
shown_once "the refusal said once" "Choose a reason"
keys Right Down
type_text "Card holder called"
# the amount disputed: the payment's 25.00 to begin with, selected, so
# that typing replaces it; more than the payment is said below the form
keys Down
wait_re "the disputed amount: the payment's, to begin with" \
    "Disputed +25\.00"
type_text "30"
wait_for "more than the payment: said" \
    "The disputed amount is more than the payment"
keys BSpace BSpace
type_text "3.50"
# a bounced cheque of a payment not by cheque: refused at the first
# Enter, in the command line's words, before anything is asked
# (helper-246, fault 6: asked first, refused at the second Enter)
keys Up Up Right
wait_for "the next reason: a bounced cheque" "Bounced cheque"
keys Enter
wait_for "refused at once" "was paid by Cash, not by cheque: a bounced-cheque"
lacks "not asked" "Enter again"
keys Left Down Down
keys Enter
wait_for "asked once" \
    "A dispute of R-T01-000003 for Chargeback? Enter again"
keys Enter
wait_for "opened" "Dispute DP-T01-000003 opened"
same "in the store: a chargeback, Open, with the note, of 3.50" \
    "$(sqlite3 "$DB" "SELECT d.reason, d.status, e.note, a.amount FROM disputes d JOIN dispute_events e ON e.dispute_id = d.id JOIN dispute_amounts a ON a.dispute_id = d.id WHERE d.dispute_no = 'DP-T01-000003'")" \
    "chargeback|open|Card holder called|350"
keys Escape
wait_for "back to today's payments" "R-T01-000001"
keys Escape
wait_for "back on Home again" "Find Consumer"
keys Home Down Down Down Down Down Enter
wait_for "three disputes now" "3 disputes"
wait_for "the one under review first" "DP-T01-000001 Under review"
keys u
wait_for "u: upholding is a supervisor's" \
    "Upholding a dispute needs the supervisor role"
# x exports, as in every list: a file of consumers' names is a
# supervisor's (as dispute list --csv); n rejects (helper-251, fault 1:
# x was Reject, the list had no export)
keys x
wait_for "x: exporting is a supervisor's" \
    "Exporting consumers' data needs the supervisor role"
lacks "  no export form" "Export the disputes"
keys Down n
wait_for "n: reject the new one" "DP-T01-000003  R-T01-000003"
# its F1 names the keys of a form of one note: Left and Right move the
# cursor; no field to go to nor choice to turn (helper-252, fault 6)
keys F1
wait_for "F1: Left moves the cursor" "the cursor left"
wait_for "  Right too" "the cursor right"
lacks "  no other field" "the next field"
lacks "  no choice" "the choice before"
keys Escape
wait_for "back to the form" "Reject dispute"
keys Enter
wait_for "no note: refused" "Note is required"
# a note of blanks says nothing: refused at once, nothing asked
# (helper-236, fault 9: "Enter again" first)
type_text "   "
keys Enter
# in the service's words, as paydesk(1) and the CLI say it (helper-261,
# fault 2: the form had its own, "A note is required to reject a dispute")
wait_for "a note of blanks: refused" "Note is blank (spaces only): write one"
lacks "a note of blanks: nothing asked" "Enter again"
keys BSpace BSpace BSpace
type_text "Chargeback withdrawn"
keys Enter
wait_for "asked once" "Reject dispute DP-T01-000003? Enter again"
keys Enter
wait_for "rejected" "Dispute DP-T01-000003 rejected"
wait_for "the list again: it is resolved" "DP-T01-000003 Resolved: rejected"
same "in the store: rejected, the note in its timeline" \
    "$(sqlite3 "$DB" "SELECT d.status, e.kind, e.note FROM disputes d JOIN dispute_events e ON e.dispute_id = d.id WHERE d.dispute_no = 'DP-T01-000003' AND e.kind = 'reject'")" \
    "rejected|reject|Chargeback withdrawn"
keys n
wait_for "n on a resolved one: refused" "is Resolved: rejected already"
keys Escape
wait_for "back on Home, last" "Find Consumer"
logout
wait_for "logged out, for the supervisor" "Log in to take payments"

# the supervisor: the Dashboard's d, u on the one under review, by a
# credit note of 30.00 for the reason before Other, with a note
# and a bounced cheque's dispute, opened at the command line meanwhile
rec pay WU-10002 --type bill --method Cheque --amount 30 --reference 000123 \
    >/dev/null 2>&1
expect "a bounced cheque's dispute" 0 "DP-T01-000004" rec dispute open \
    R-T01-000004 --reason bounced-cheque
login mary 2222
wait_for "mary on the Dashboard" "Dashboard"
keys d
wait_for "d: the disputes" "4 disputes"
wait_for "the one under review first, the bounced cheque's after" \
    "DP-T01-000004 Open"
# at 80 columns the consumer gives way, the header ending in ">"; Right
# scrolls it into view, as on the other lists (helper-258, fault 3: no key
# reached it), Left back
settle
grep -qE '^ +Dispute +Status .* >$' "$SCREEN" && ok "80 columns: the header ends in >" ||
    { echo "not ok - 80 columns: the header ends in >"; sed 's/^/  | /' "$SCREEN"; }
lacks "  the consumer hidden" "José Núñez"
keys Right
wait_re "Right: the consumer's column" " Consumer *$"
wait_for "  each dispute's consumer" "José Núñez"
keys Left
wait_re "Left: back to the first view" "^ +Dispute +Status .* >$"
lacks "  the consumer hidden again" "José Núñez"
# x: the list as shown, as `dispute list --csv` prints it, every column
# (F2: of the filter shown)
for f in "" unresolved; do
	if [ -n "$f" ]; then
		keys F2
		wait_for "F2: the unresolved" "disputes unresolved"
		# none resolved, so no wide status: the numbers stay whole
		# at 80 columns (helper-252, fault 2: "DP-T01-0000…" on
		# every row)
		wait_for "  at 80 columns, the numbers whole" "DP-T01-000004 "
		lacks "  none cut" "DP-T01-0000…"
	fi
	rm -rf "$EXP"
	keys x
	wait_for "x ${f:-all}: the export" "Export the disputes as shown"
	keys Enter
	wait_for "x ${f:-all}: written" "Exported"
	xf=$(ls "$EXP"/disputes-*.csv 2>/dev/null | head -1)
	PAYDESK_PIN=2222 "$PD" --user mary --csv dispute list \
	    ${f:+--status $f} | tr -d '\r' >"$T/cli.csv"
	if [ -n "$xf" ] && [ "$(tr -d '\r' <"$xf")" = "$(cat "$T/cli.csv")" ]; then
		ok "x ${f:-all}: the file is dispute list --csv's ($(($(wc -l <"$T/cli.csv") - 1)) rows)"
	else
		echo "not ok - x ${f:-all}: the file ($xf) is not dispute list --csv's"
		diff "$T/cli.csv" "$xf" | head -5
	fi
done
keys F2 F2 F2 F2 F2
wait_for "F2: every one again" "4 disputes"
keys Down u
wait_for "u on the bounced cheque's: upheld by a void only" \
    "A bounced cheque: voided, and a \$15.00 service charge added."
# asked with the charge it adds (helper-246: the question said the void
# alone)
keys Enter
wait_for "Enter: asked, the void and the charge it adds" \
    "Uphold DP-T01-000004 by voiding its payment of \$30.00 and charging \$15.00?"
same "nothing done yet" "$(sqlite3 "$DB" "SELECT status FROM disputes WHERE dispute_no = 'DP-T01-000004'")" open
keys Right
wait_for "Right: no credit note to choose" "< Void the payment >"
lacks "no credit amount" "Credit amount"
keys Escape
wait_for "Esc: nothing done" "DP-T01-000004 Open"
keys Home u
wait_for "u: uphold, a void proposed" "Void the payment"
keys Right
wait_for "Right: by a credit note" "Credit amount is empty"
keys Down
type_text "30"
keys Down
wait_for "the credit note's reason: Other, as the command line's" \
    "Credit reason     < Other >"
keys Left Down
type_text "Refund the read"
keys Enter
wait_for "asked once" "Uphold DP-T01-000001 by a credit note of \$30.00?"
keys Enter
wait_for "upheld" "Dispute DP-T01-000001 upheld"
same "a credit note of 30.00 against the payment, from the dispute" \
    "$(sqlite3 "$DB" "SELECT c.amount, c.reason, p.receipt_no, d.status, d.resolution FROM credit_notes c JOIN payments p ON p.id = c.payment_id JOIN disputes d ON d.payment_id = p.id WHERE c.remarks = 'Dispute DP-T01-000001'")" \
    "3000|Customer Request|R-T01-000001|upheld|credit"
wait_for "upheld, after the open one" "DP-T01-000001 Resolved: upheld"
keys Down Enter
wait_for "its view" "Dispute      DP-T01-000001"
wait_for "the credit note made" "Credit note"
wait_for "its timeline: upheld by Mary, with the note" "Mary Johnson"
wait_for "the note" "Refund the read"
keys Escape
wait_for "back to the list" "DP-T01-000001 Resolved: upheld"
keys Escape
wait_for "back on the Dashboard" "Dashboard"
# a dispute of part of a payment (review R21d, fault 3): 12.34 of 50.00
# (amount contested: a chargeback is charged again, below)
rec pay WU-10001 --type bill --method Cash --amount 50 >/dev/null 2>&1
expect "a dispute of 12.34 of a payment of 50.00" 0 "DP-T01-000005" rec \
    dispute open R-T01-000005 --reason amount-contested --amount 12.34
keys d
wait_for "d: five disputes" "5 disputes"
wait_re "its row: the 12.34 disputed" \
    'DP-T01-000005 +Open +Amount contested +\$12\.34'
keys Home Down u
wait_re "u: the payment's amount" 'Amount +\$50\.00'
wait_re "and the amount disputed" 'Disputed +\$12\.34'
wait_for "a credit note proposed" "< Credit note >"
wait_re "of the amount disputed" "Credit amount +12\.34"
keys Left
wait_for "Left: its void, of all of the payment" \
    "All of the payment is voided, more than is disputed."
keys Enter
wait_for "the void asked as the void of all of it" \
    "Uphold DP-T01-000005 by voiding all of \$50.00, not \$12.34? Enter again"
keys Escape
wait_for "Esc: nothing done" "DP-T01-000005 Open"
same "the dispute is open, the payment posted" \
    "$(sqlite3 "$DB" "SELECT d.status, p.status FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.dispute_no = 'DP-T01-000005'")" \
    "open|Posted"
keys u
wait_re "u again: the credit note of the part" "Credit amount +12\.34"
keys Enter
wait_for "asked once" "Uphold DP-T01-000005 by a credit note of \$12.34?"
keys Enter
wait_for "upheld" "Dispute DP-T01-000005 upheld"
same "a credit note of 12.34, the payment still Posted" \
    "$(sqlite3 "$DB" "SELECT c.amount, p.status, d.resolution FROM credit_notes c JOIN payments p ON p.id = c.payment_id JOIN disputes d ON d.payment_id = p.id WHERE c.remarks = 'Dispute DP-T01-000005'")" \
    "1234|Posted|credit"
keys Escape
wait_for "back on the Dashboard" "Dashboard"
# a chargeback (session 45): the bank has returned the money to the
# payer, so Charge again is proposed, its credit note asked as paying
# twice
rec pay WU-10001 --type bill --method Cash --amount 20 >/dev/null 2>&1
expect "a chargeback of 5.00 of a payment of 20.00" 0 "DP-T01-000006" rec \
    dispute open R-T01-000006 --reason chargeback --amount 5
keys d
wait_for "d: six disputes" "6 disputes"
# the second row: the bounced cheque DP-T01-000004, due sooner, first
keys Home Down u
wait_re "u: the chargeback's 5.00" 'Disputed +\$5\.00'
wait_for "Charge again proposed" "< Charge again >"
wait_for "saying what it does" \
    "The bank took it back: the amount is owed again, a new item."
keys Left
wait_for "Left: its credit note" "< Credit note >"
wait_for "said to pay twice" \
    "The bank returned it already: a credit note pays twice."
# the void of a chargeback of part of the payment is not offered, as
# dispute uphold would not take it: the service's refusal said below
# the form before anything is chosen (helper-258, fault 4: offered,
# its hint said it would void all of it, refused at Enter)
wait_for "the void not offered, and why" \
    "Not offered, the void: Dispute DP-T01-000006 is a chargeback"
# what is refused anyway is said at the first Enter, nothing asked
# (helper-235, fault 9): a credit note of more than is disputed
keys Down BSpace BSpace BSpace BSpace BSpace BSpace
type_text "6.00"
wait_re "a credit of 6.00 typed" "Credit amount +6\.00"
keys Enter
wait_for "6.00 of a 5.00 dispute: refused at once" \
    "Credit note of \$6.00: dispute DP-T01-000006 disputes \$5.00"
lacks "nothing asked" "Enter again"
keys Up Left
wait_for "Left: Charge again, two choices" "< Charge again >"
lacks "  no void to choose" "< Void the payment >"
keys Left
wait_for "Left again: its credit note" "< Credit note >"
lacks "  still no void" "< Void the payment >"
same "nothing done: open, posted, no credit note" \
    "$(sqlite3 "$DB" "SELECT d.status, p.status, (SELECT count(*) FROM credit_notes c WHERE c.payment_id = p.id) FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.dispute_no = 'DP-T01-000006'")" \
    "open|Posted|0"
keys Down BSpace BSpace BSpace BSpace BSpace BSpace
type_text "5.00"
keys Enter
wait_for "asked once, as a chargeback's" \
    "Chargeback: uphold DP-T01-000006 by a credit note of \$5.00 anyway? Enter again"
keys Escape
wait_for "Esc: nothing done" "DP-T01-000006 Open"
keys u
wait_for "u again: Charge again" "< Charge again >"
keys Enter
wait_for "asked once" "Uphold DP-T01-000006 by charging \$5.00 again? Enter again"
keys Enter
wait_for "upheld" "Dispute DP-T01-000006 upheld"
same "5.00 charged again, no credit note, the payment still Posted" \
    "$(sqlite3 "$DB" "SELECT i.amount, i.description, p.status, d.resolution, (SELECT count(*) FROM credit_notes c WHERE c.payment_id = p.id) FROM disputes d JOIN payments p ON p.id = d.payment_id JOIN items i ON i.uuid = d.charge_uuid WHERE d.dispute_no = 'DP-T01-000006'")" \
    "500|Chargeback|Posted||0"
keys Escape
wait_for "back on the Dashboard, last" "Dashboard"
logout
wait_for "logged out" "Log in to take payments"
# a dispute of a payment a chargeback was upheld of (review s48): what
# is left of it to dispute, proposed and checked before anything is asked
login rita 4321
wait_for "rita again on Home" "Find Consumer"
keys Home Down Down Enter
wait_for "Today's payments, the one charged back newest" "R-T01-000006"
keys Enter
wait_for "its details" "Payment details"
keys d
wait_for "d: a dispute of it" "R-T01-000006  WU-10001"
wait_re "the 15.00 left of its 20.00 said" 'Left to dispute +\$15\.00'
wait_re "and proposed as the amount disputed" "Disputed +15\.00"
keys Right Down Down
type_text "15.01"
# and what was taken, as the command line says (helper-244, fault 3)
wait_for "more than is left: said below the form, with what was taken" \
    "Only \$15.00 is left to dispute: \$5.00 of \$20.00 was charged back or credited"
keys Enter
lacks "Enter asks nothing" "Enter again"
keys Escape
wait_for "Esc: back to the details" "Payment details"
same "no dispute opened" "$(sqlite3 "$DB" "SELECT count(*) FROM disputes")" 6
keys Escape
wait_for "back to today's payments" "R-T01-000001"
keys Escape
wait_for "back on Home" "Find Consumer"
logout
wait_for "logged out again" "Log in to take payments"
# a chargeback of all of its payment (helper-258, fault 4): its void is
# offered, as dispute uphold --void takes it, and taken
rec pay WU-10001 --type bill --method Cash --amount 7 >/dev/null 2>&1
expect "a chargeback of all of a payment of 7.00" 0 "DP-T01-000007" rec \
    dispute open R-T01-000007 --reason chargeback
# the bounced cheque's rejected: the chargeback the one unresolved, first
expect "the bounced cheque's rejected" 0 "rejected" rec dispute reject \
    DP-T01-000004 --note "Cheque cleared"
login mary 2222
wait_for "mary on the Dashboard again" "Dashboard"
keys d
wait_re "d: the chargeback of 7.00" 'DP-T01-000007 +Open +Chargeback +\$7\.00'
keys Home u
wait_for "u: its uphold" "DP-T01-000007  R-T01-000007"
wait_for "Charge again proposed" "< Charge again >"
lacks "  its void not said to be not offered" "Not offered"
keys Left Left
wait_for "Left Left: its void, offered" "< Void the payment >"
wait_for "  said as the void of the payment" \
    "The payment is voided and its items open again."
keys Enter
wait_for "asked once" \
    "Uphold DP-T01-000007 by voiding its payment of \$7.00? Enter again"
keys Enter
wait_for "upheld" "Dispute DP-T01-000007 upheld"
same "the payment voided, the dispute upheld by its void" \
    "$(sqlite3 "$DB" "SELECT d.status, d.resolution, p.status FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.dispute_no = 'DP-T01-000007'")" \
    "upheld|void|Voided"
keys Escape
wait_for "back on the Dashboard" "Dashboard"
logout
wait_for "logged out once more" "Log in to take payments"
login jane 1234
wait_for "jane (cashier) on Home" "Find Consumer"
lacks "no Disputes for a cashier" "Disputes"
keys Down Down Enter
wait_for "jane: today's payments" "R-T01-000003"
keys Enter
wait_for "jane: a payment's details" "Payment details"
keys d
wait_for "d: a cashier may not open a dispute" \
    "Opening a dispute needs the recovery role"
lacks "no dispute form" "Open dispute"

# In French the count and the filter are one sentence: a space before the
# colon, the word agreeing with the count (helper-252, fault 4: "0
# litige: non réglés")
keys Escape Escape
logout
tmux -S "$SOCK" kill-server
tui_start LANGUAGE=fr
login mary 2222
wait_for "fr: mary on the Dashboard" "Tableau de bord"
keys d
nu=$(sqlite3 "$DB" "SELECT count(*) FROM disputes WHERE status IN ('open', 'review')")
keys F2
if [ "$nu" -le 1 ]; then w="$nu litige non réglé"; else w="$nu litiges non réglés"; fi
wait_for "fr F2: $w" "$w"
keys F2
no=$(sqlite3 "$DB" "SELECT count(*) FROM disputes WHERE status = 'open'")
[ "$no" -le 1 ] && w="$no litige : Ouvert" || w="$no litiges : Ouvert"
wait_for "fr F2 F2: the status after a space and a colon" "$w"
lacks "  no colon without its space" "litige:"
