# test_exceptions.sh - the reconciliation's exceptions screen (issue 20),
# from the supervisor's dashboard (e): a deposit not credited, a credit
# nobody expected, m matching by the rule, d the account by day, h a
# credit matched by hand, r one resolved, a day drilled into (its match
# taken back and made again), and the screen in French.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2026-06-25 09:00:00"
setup_store
J() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }
M() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
# the shift closed on the deposit's day (a deposit is not dated before
# its shifts' close, review R20)
PAYDESK_NOW="2026-06-15 08:00:00" J shift open --count 10000x1 >/dev/null
PAYDESK_NOW="2026-06-15 08:00:00" J pay WU-10001 --type bill --method Cash --amount 50 --tendered 50 >/dev/null
PAYDESK_NOW="2026-06-15 17:00:00" J shift close --count 10000x1,2000x2,1000x1 >/dev/null
# the bag's number as long as a bank's reference runs (30 characters;
# helper bt5c): a short one fitted beside Date at 80 columns, and the
# checks of the Reference column passed on a build before issue 20
# review, fault 4, which hid this one behind Right
BAG=BAG-DE89-20260615-T01-00000041
# what 80 columns show of it (cut with an ellipsis: Date gives way, and
# Detail stays beside it, which tells apart two exceptions of one
# reference: helper-303, s73)
BAGSHOWN=BAG-DE89-2026061
# made and handed to the bank that evening (issue 20: not credited counts
# from the hand)
PAYDESK_NOW="2026-06-15 17:30:00" M deposit create Z-T01-000001 --slip $BAG --account DE89 --date 2026-06-15 >/dev/null
PAYDESK_NOW="2026-06-15 17:30:00" M deposit hand $BAG >/dev/null || echo "not ok - hand $BAG"
printf 'date,amount,reference\n2026-06-16,50.00,%s\n2026-06-17,12.00,TRANSFER 99\n' $BAG >"$T/st.csv"
M statement mapping add m1 date=1 amount=2 reference=3 header=1 >/dev/null
M statement import "$T/st.csv" --mapping m1 --account DE89 >/dev/null
# a statement is named alike at every terminal (paydesk(1), Statement
# names): its lines NAME:LINE
nm() { M --csv statement list | awk -F, -v id="$1" '$2 == id { print $1 }'; }
N1=$(nm 1)
printf '[deposits]\naccount = DE89\n[exports]\ndir = %s\n' "$T/exports" >>"$PAYDESK_CONFIG"

tui_start
login mary 2222
wait_for "mary on the dashboard" "Total Collected"
keys e
wait_for "the exceptions screen" "3 exceptions open"
line_has() {
	settle
	if grep -F -- "$2" "$SCREEN" | grep -qF -- "$3"; then ok "$1"
	else echo "not ok - $1"; sed 's/^/  | /' "$SCREEN"; fi
}
line_has "BAG-41 not credited after 10 days" "$BAGSHOWN" "not_credited"
# (issue 20 review, fault 4) at 80 columns the Reference column is in
# view without Right (Detail gives way first), the bag's number in it
line_has "80 columns: the Reference column shown" "Age" "Reference"
line_has "the credit nobody expected, by its line" "$N1:2" "unexpected_credit"
# g reads the settings again with the exceptions (a fresh tester's, s72
# fault 1: [deposits] overdue_days imported with --update meanwhile was
# seen only at the next sign-in): at 20 days BAG-41, handed 10 days ago,
# is not yet late; back at 5 it is listed again
odays() {
	printf 'key,value\ndeposits.overdue_days,%s\n' "$1" >"$T/od.csv"
	PAYDESK_PIN=9999 "$PD" --user admin import settings "$T/od.csv" \
	    --update >/dev/null || echo "not ok - deposits.overdue_days set to $1"
}
odays 20
keys g
wait_for "g after overdue_days = 20: BAG-41 not late yet" "2 exceptions open"
# (its bag named in the unexpected credit's detail still: the kind is gone)
lacks "  BAG-41 off the list" "not_credited"
odays 5
keys g
wait_for "g after overdue_days = 5: BAG-41 late again" "3 exceptions open"
line_has "  BAG-41 listed again" "$BAGSHOWN" "not_credited"
# x: the exceptions exported as the command line's CSV (issue 20)
M --csv report exceptions >"$T/exc-cli.csv"
keys x
wait_for "x: the export dialog" "Export the exceptions open"
keys Enter
wait_for "the exceptions are written" "Exported 3 rows"
same "the screen's export is the command line's CSV" \
    "$(cat "$T"/exports/exceptions-*.csv)" "$(cat "$T/exc-cli.csv")"
keys m
wait_for "m matches BAG-41 by the rule" "1 credit matched by the rules"
wait_for "one exception left" "1 exception open"
lacks "BAG-41 is gone from the list" "$BAGSHOWN"
# d: [deposits] account by day (issue 20): BAG-41's 50.00 deposited on
# 06-15, credited and matched on 06-16, counted on 06-15 (tester fault
# 11: a bag credited the next day is no difference on either day); 12.00
# credited on 06-17 that no rule matched, its exception open
keys d
wait_for "d: the account by day" "Bank account DE89, by day"
# (review R20, fault 9) the days in date order, marked so, not by Expected
wait_for "d: the days marked in date order" "Date▲"
lacks "d: Expected not marked as the order" "Expected▼"
line_has "06-15: 50.00 expected, its credit of 06-16 credited and matched, no difference" "2026-06-15" \
    '$50.00     $50.00    $50.00       $0.00     0        1       1'
lacks "06-16: no row, no difference" "2026-06-16"
line_has "06-17: 12.00 credited, unmatched, one exception open" "2026-06-17" \
    '$0.00     $12.00     $0.00      $12.00     1        0       1'
keys x
wait_for "x on the days: the export dialog" "reconciliation by day"
keys Right Enter
wait_for "the days are written as a workbook" "Exported 2 rows"
M --csv report reconciliation >"$T/rec-cli.csv"
python3 "$TOP/tests/tools/xlsx_cells.py" --compare "$T/rec-cli.csv" \
    "$(ls "$T"/exports/reconciliation-*.xlsx)" dmmmmiii >"$OUT" 2>&1 &&
    ok "the days' workbook is the command line's listing, cell by cell" ||
    echo "not ok - the days' workbook is the command line's listing, cell by cell"
# 06-15 drilled into: BAG-41's credit listed on its bag's day, with the
# day the bank booked it (the last column)
keys Home Enter
wait_for "Enter: the day of 06-15" "Bank account DE89 on 2026-06-15"
line_has "06-15: BAG-41's credit, matched by the rule" "$N1:1" "BAG-DE89"
keys Right Right Right Right Right Right
wait_for "its Booked column" "Booked"
line_has "06-15: BAG-41's credit booked on 06-16" "$N1:1" "2026-06-16"
keys Escape
wait_for "Esc: back to the days (06-15)" "Bank account DE89, by day"
keys Escape
wait_for "Esc: back to the exceptions" "1 exception open"
# h and r (issue 20): a credit its reference does not name matched by
# hand to a transfer, another resolved with a note, each asked once
PAYDESK_NOW="2026-06-20 10:00:00" J pay WU-10002 --type bill --method "Bank Transfer" \
    --amount 12 --reference ORDER-5 >/dev/null || echo "not ok - the transfer"
PNO=$(sqlite3 "$DB" "SELECT payment_no FROM payments WHERE reference = 'ORDER-5'")
printf 'date,amount,reference\n2026-06-20,12.00,SEPA NO REFERENCE\n2026-06-21,7.00,COINS\n' >"$T/st2.csv"
# (tester's fault 5, s72) the payment named as payment show takes it:
# the end of its number ("000007"), refused before as no payment
PEND=${PNO##*-}
same "payment show takes the end of its number" "$(M --json payment show "$PEND" 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin)[\"payment\"][\"payment_no\"])")" "$PNO"
M statement import "$T/st2.csv" --mapping m1 --account DE89 >/dev/null
N2=$(nm 2)
keys g
wait_for "g: the two new credits" "3 exceptions open"
keys Down h
wait_for "h: the credit $N2:1 by hand" "unexpected_credit:$N2:1  SEPA NO REFERENCE"
keys Enter
wait_for "h: no payment, refused" "Give the transfer's payment number"
shown_once "h: said once" "Give the transfer's payment number"
# the end of the payment's number, as payment show takes it (fault 5)
keys Down
type_text "$PEND"
keys Enter
wait_for "h: no note, refused" "Note is required"
shown_once "h: said once" "Note is required"
keys Down
type_text "Order 5 paid by transfer"
keys Enter
wait_for "h: asked once" "Match statement line $N2:1 to $PEND? Enter again"
keys Enter
wait_for "h: matched" "Statement line $N2:1 matched by hand"
wait_for "h: two exceptions left" "2 exceptions open"
same "h: in the store, a transfer match with the note, by mary" \
    "$(sqlite3 "$DB" "SELECT m.rule || ':' || m.note || ':' || m.matched_by || ':' || p.reference FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id JOIN statement_match_payments mp ON mp.match_id = m.id JOIN payments p ON p.id = mp.payment_id WHERE l.statement_id = 2 AND l.seq = 1")" \
    "transfer:Order 5 paid by transfer:mary:ORDER-5"
keys Down r
wait_for "r: the coins" "unexpected_credit:$N2:2  COINS"
keys F1
wait_for "F1: a note's keys" "the cursor left"
lacks "  no other field" "the next field"
keys Escape
keys Enter
wait_for "r: no note, refused" "Note is required"
shown_once "r: said once" "Note is required"
# spaces only: refused in the service's words (helper-261, fault 6)
type_text "  "
keys Enter
wait_for "r: a note of blanks, refused" "Note is blank (spaces only): write one"
shown_once "r: blanks said once" "Note is blank"
keys BSpace BSpace
type_text "Coins paid in at the counter"
keys Enter
wait_for "r: asked once" "Resolve exception unexpected_credit:$N2:2? Enter again"
keys Enter
wait_for "r: resolved" "Exception unexpected_credit:$N2:2 resolved"
wait_for "r: one exception left" "1 exception open"
same "r: in the store, resolved by mary with the note" \
    "$(sqlite3 "$DB" "SELECT kind || ':' || note || ':' || resolved_by FROM recon_resolutions")" \
    "unexpected_credit:Coins paid in at the counter:mary"
# a day drilled into (issue 20: the Reconciliation screen's Enter): 06-20's
# credit matched by hand, taken back there (u) and matched again (h)
keys d
wait_for "d: the days again" "Bank account DE89, by day"
# (review R20b, fault 9) 06-20's credit matched by hand to the transfer:
# its payment is what was expected that day, a difference of nothing
settle
row=$(grep -F -- "2026-06-20" "$SCREEN" | tr -s ' ' | sed 's/^ *//; s/ *$//; s/^[^0-9]*//')
case "$row" in "2026-06-20 \$12.00 \$12.00 \$12.00 \$0.00 0 0 1"*) ok "06-20: the transfer's 12.00 expected, credited and matched, no difference" ;;
*) echo "not ok - 06-20: the transfer's 12.00 expected, credited and matched, no difference"; echo "  got [$row]" ;; esac
keys Up Enter
wait_for "Enter: the day of 06-20" "Bank account DE89 on 2026-06-20"
# (the day it was booked in the last column, tester fault 11: the
# columns before it cut to fit 80 columns; s74 fault 2: By hand says a
# hand match, the note giving way to it at 80 columns, Right shows it)
line_has "its credit, matched by hand to the transfer" "$N2:1" \
    "transfer yes     PAY-T01-2026-0"
line_has "by mary, booked that day" "$N2:1" "mary 2026-06-20"
keys Right
wait_for "Right: the match's note" "mary Order 5 paid…"
keys Left
wait_for "Left: Booked again" "mary 2026-06-20"
keys u
wait_for "u: take the match back" "$N2:1  $PNO"
keys Enter
wait_for "u: no note, refused" "Note is required"
shown_once "u: said once" "Note is required"
type_text "Wrong order"
keys Enter
wait_for "u: asked once" "Take back the match of statement line $N2:1 to $PNO?"
keys Enter
wait_for "u: taken back" "The match of statement line $N2:1 is taken back"
wait_for "the day again: a credit nobody expected" "unexpected_credit"
same "u: in the store, unmatched by mary with the note" \
    "$(sqlite3 "$DB" "SELECT m.unmatched_by || ':' || m.unmatch_note FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.statement_id = 2 AND l.seq = 1")" \
    "mary:Wrong order"
keys u
wait_for "u on an exception: refused" "Only a matched credit is taken back"
keys h
wait_for "h from the day" "unexpected_credit:$N2:1  SEPA NO REFERENCE"
keys Down
type_text "$PNO"
keys Down
type_text "Right order after all"
keys Enter Enter
wait_for "h: matched again" "Statement line $N2:1 matched by hand"
wait_for "the day again: matched by hand" "transfer yes     PAY-T01-2026-0"
keys Escape
wait_for "Esc: back to the days" "Bank account DE89, by day"
keys Escape
wait_for "Esc: back to the exceptions again" "1 exception open"
keys Escape
wait_for "Esc: back to the dashboard" "Total Collected"
logout

tui_open_until "fr" "Connectez-vous" LANGUAGE=fr
login mary 2222
wait_for "fr: the dashboard" "Total"
keys e
wait_for "fr: the exceptions in French" "crédit inattendu"
logout

# (review R20, fault 14) the days of any account the deposits and
# statements name, not [deposits] account's alone: a statement of
# AT01ACC1, then a chooses it; no command-line option on the screen.
# (fault 9) It opens on [deposits] account though AT01ACC1 sorts first
printf 'date,amount,reference\n2026-06-21,7.00,COINS\n' >"$T/st3.csv"
M statement import "$T/st3.csv" --mapping m1 --account AT01ACC1 >/dev/null
N3=$(nm 3)
# (fault 15) and a deposit to it the bank credited less 0.05: no rule
# matches it, h does (Deposit, picked)
PAYDESK_NOW="2026-06-20 08:00:00" J shift open --count 10000x1 >/dev/null
PAYDESK_NOW="2026-06-20 08:00:00" J pay WU-10001 --type bill --method Cash --amount 7.05 --tendered 7.05 >/dev/null
PAYDESK_NOW="2026-06-20 17:00:00" J shift close --count 10000x1,500x1,100x2,5x1 >/dev/null
Z2=$(sqlite3 "$DB" "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
PAYDESK_NOW="2026-06-20 17:00:00" M deposit create "$Z2" --slip BAG-7 --account AT01ACC1 --date 2026-06-20 >/dev/null
PAYDESK_NOW="2026-06-20 17:00:00" M deposit hand BAG-7 >/dev/null || echo "not ok - hand BAG-7"
same "BAG-7 waits for its credit" \
    "$(sqlite3 "$DB" "SELECT amount FROM deposits WHERE slip_no = 'BAG-7'")" "705"
tui_start
login mary 2222
wait_for "mary on the dashboard again" "Total Collected"
keys e d
wait_for "d: [deposits] account first, one of two" "Bank account DE89 (1 of 2), by day"
keys a
wait_for "a: the statement's account" "Bank account AT01ACC1 (2 of 2), by day"
line_has "its day: 7.00 credited" "2026-06-21" '$7.00'
lacks "no command-line option on the screen" "--account"
keys Enter
wait_for "Enter: AT01ACC1's day" "Bank account AT01ACC1 on 2026-06-21"
line_has "its credit nobody expected" "$N3:1" "unexpected_credit"
keys h
wait_for "h: the credit by hand" "unexpected_credit:$N3:1"
keys Right Right
wait_for "Deposit: BAG-7 offered, of the credit's account" 'BAG-7  $7.05  2026-06-20'
keys Down Down
type_text "Bank kept 0.05"
keys Enter
wait_for "h: asked once" "Match statement line $N3:1 to BAG-7? Enter again"
keys Enter
wait_for "h: matched to the deposit" "Statement line $N3:1 matched by hand"
same "BAG-7: matched by hand to $N3:1, with the note" \
    "$(sqlite3 "$DB" "SELECT m.rule || ':' || m.note FROM statement_matches m JOIN deposits d ON d.id = m.deposit_id WHERE d.slip_no = 'BAG-7' AND m.unmatched_at = ''")" \
    "manual:Bank kept 0.05"
keys Escape
wait_for "back on AT01ACC1's days" "Bank account AT01ACC1 (2 of 2)"
keys x
wait_for "x: AT01ACC1's days to export" "reconciliation by day"
keys Enter
wait_for "x: written, its one day" "Exported 1 row"
line_has "BAG-7 matched to the credit of 06-21: 06-20 short by 0.05" "2026-06-20" \
    '$7.05      $7.00     $7.00      -$0.05'
lacks "06-21: no row, its credit counted on BAG-7's day" "2026-06-21"
M --csv report reconciliation --account AT01ACC1 >"$T/rec-nl.csv"
same "x exports the account shown, as the command line does" \
    "$(cat "$T"/exports/reconciliation-*.csv)" "$(cat "$T/rec-nl.csv")"
# (s74 fault 2) each column of a day holds what its heading says:
# 06-20's BAG-7, credited 0.05 short, is amount_differs with its
# statement line under Detail (as the exceptions list has it), not
# under Note; the credit matched by hand says so under By hand (as
# statement show does), its note under Note. 160 columns show them all
# cell KEY HEADING: the text under HEADING on the row holding KEY
cell() {
	python3 - "$SCREEN" "$1" "$2" <<'PY'
import re, sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
head = next(r for r in rows if " Row " in r and "Reference" in r)
head = head.replace("\u25bc", " ").replace("\u25b2", " ")
row = next(r for r in rows if sys.argv[2] in r and r is not head)
at = re.search(" " + re.escape(sys.argv[3]) + "( |$)", head).start() + 1
m = re.compile(r"\S").search(head, at + len(sys.argv[3]) + 1)
print(row[at:m.start() if m else len(row)].strip())
PY
}
keys Enter
wait_for "Enter: AT01ACC1's 06-20" "Bank account AT01ACC1 on 2026-06-20"
tmux -S "$SOCK" resize-window -t pd -x 160 -y 24
wait_for "160 columns: Detail in view" " Detail"
settle
same "amount_differs: no note of its own" "$(cell amount_differs Note)" ""
same "amount_differs: its statement line under Detail" \
    "$(cell amount_differs Detail)" "$N3:1"
same "the credit matched by hand: By hand says so" "$(cell matched "By hand")" "yes"
same "the credit matched by hand: its note under Note" \
    "$(cell matched Note)" "Bank kept 0.05"
same "the credit matched by hand: no Detail" "$(cell matched Detail)" ""
tmux -S "$SOCK" resize-window -t pd -x 80 -y 24
keys Escape
wait_for "Esc: AT01ACC1's days again" "Bank account AT01ACC1 (2 of 2)"
keys a
wait_for "a again: back to DE89" "Bank account DE89 (1 of 2), by day"
keys Escape
wait_for "Esc: the exceptions" "exceptions open"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
logout
# (review R20b, fault 11) an open shift's float short of what the drawer's
# last close kept: the Exceptions screen's Reference column shows the
# shift's id cut to its first 13 characters, whole (no "~"), which
# reconcile resolve takes as it is shown
J shift open --count 5000x1 >/dev/null || echo "not ok - open short of the float kept"
OPENT=$(sqlite3 "$DB" "SELECT uuid FROM shifts WHERE status = 'open'")
REFT=$(echo "$OPENT" | cut -c1-13)
tui_start
login mary 2222
wait_for "the dashboard again" "Total Collected"
keys e
wait_for "the exceptions again" "exceptions open"
line_has "the open shift's float short, by its shown reference" "$REFT" "over_short"
lacks "its reference not cut" "$REFT~"
# at 80 columns its detail beside it, which tells it apart from another
# exception of the same shift (helper-303, s73: Cash -6.00 and Opening
# float -5.00 of one Z number read alike until Right)
line_has "80 columns: the float short's detail on its line" "$REFT" "Opening float"
# its resolve step names it once: an over_short key holds its detail,
# which the step showed again after it (s54: "Opening float  Opening
# float")
keys Down Down r
wait_for "r on the float short: its resolve step" "over_short:$REFT:Opening float"
lacks "the detail not said twice" "Opening float  Opening float"
keys Escape
wait_for "Esc: the exceptions (float)" "3 exceptions open"
keys Escape
wait_for "Esc: the dashboard (float)" "Total Collected"
logout
expect "resolved by the reference the screen shows" 0 "Opening float" \
    M reconcile resolve "over_short:$REFT:Opening float" --note "Counted again"
# (fault 7) h on a gateway's payout credit whose reference names nothing:
# Match to Payout, GATEWAY:PAYOUT typed; an unknown payout and a gateway
# payment of another amount refused in the command's words, then the
# payout matched, as reconcile match --payout does (statement show). The
# gateway payments are as the central node feeds them (gw_payments,
# gw_payouts)
gw() {
	sqlite3 "$DB" "INSERT INTO gw_payments (gateway, code, status, webhook_status, settlement_status, account_ref, phone, amount, paid_at, candidates, fee, settled_on, pulled_at) VALUES ('$1', '$2', 'succeeded', 'Completed', 'Settled', '', '', $3, '2026-06-22 10:00:00', '', $4, '$5 09:00:00', '$5 09:00:00')"
	[ -z "$6" ] || sqlite3 "$DB" "INSERT INTO gw_payouts (gw_id, payout) SELECT id, '$6' FROM gw_payments WHERE gateway = '$1' AND code = '$2'"
}
gw stripe ch_71 6000 200 2026-06-23 po_T
gw stripe ch_72 1000 50 2026-06-23 po_T
gw mpesa QK9 2000 60 2026-06-23 ""
printf 'date,amount,reference\n2026-06-24,67.50,STRIPE SETTLEMENT\n' >"$T/st4.csv"
M statement import "$T/st4.csv" --mapping m1 --account DE89 >/dev/null
N4=$(nm 4)
tui_start
login mary 2222
wait_for "the dashboard (payout)" "Total Collected"
keys e d
wait_for "d: DE89's days (payout)" "Bank account DE89 (1 of 2), by day"
keys End Enter
wait_for "Enter: the payout credit's day" "Bank account DE89 on 2026-06-24"
keys h
wait_for "h: the payout credit by hand" "unexpected_credit:$N4:1  STRIPE SETTLEMENT"
keys Right Right Right
wait_for "Match to: Gateway payment" "Gateway:code"
keys Enter
wait_for "Gateway payment: none typed, refused" "Give the gateway and the payment's code: GATEWAY:CODE"
keys Down
type_text "mpesa:QK9"
keys Down
type_text "Bank lost the reference"
keys Enter
wait_for "asked once: the gateway payment" "Match statement line $N4:1 to mpesa:QK9? Enter again"
keys Enter
wait_for "a gateway payment of another amount: refused in the command's words" \
    "Gateway payment mpesa QK9 settled \$19.40 less its fee; the credit is of \$67.50"
keys Up Up Right
wait_for "Match to: Payout" "Gateway:payout"
keys Enter
wait_for "Payout: none typed, refused" "Give the gateway and its payout: GATEWAY:PAYOUT"
keys Down
type_text "stripe:po_Z"
keys Enter Enter
wait_for "an unknown payout: refused in the command's words" \
    "Gateway stripe has no payout po_Z settled here"
same "refused: nothing matched" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.statement_id = 4")" "0"
keys C-u
type_text "stripe:po_T"
keys Enter
wait_for "asked once: the payout" "Match statement line $N4:1 to stripe:po_T? Enter again"
keys Enter
wait_for "h: the payout matched" "Statement line $N4:1 matched by hand"
# matched, the credit counts on the day of what it matched (its
# payments', 06-22: tester fault 11), no longer on its booking day's
wait_for "the day again: the credit gone to its payments' day" \
    "Nothing to reconcile"
keys Escape Escape Escape
wait_for "Esc: the dashboard (payout)" "Total Collected"
logout
run M --json statement show "$N4"
same "statement show: the payout by hand, to stripe po_T (2), its net expected" \
    "$(python3 -c 'import json,sys
l=json.load(open(sys.argv[1]))["lines"][0]
print(l["rule"], l["matched_to"], l["expected"], l["amount"])' "$OUT" 2>&1)" \
    "payout stripe po_T (2) 6750 6750"
same "the hand match's note, by mary, audited" \
    "$(sqlite3 "$DB" "SELECT m.note || '|' || m.matched_by || '|' || (SELECT count(*) FROM audit_log WHERE action = 'match' AND detail LIKE 'rule=payout by=hand payout=stripe:po_T payments=2 gross=6750 %') FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.statement_id = 4 AND m.unmatched_at = ''")" \
    "Bank lost the reference|mary|1"
