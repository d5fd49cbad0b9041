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
# what 80 columns show of it (cut with an ellipsis where Date and Detail
# gave way)
BAGSHOWN=BAG-DE89-20260615-T01
M deposit create Z-T01-000001 --slip $BAG --account DE89 --date 2026-06-15 >/dev/null
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
# 06-15, credited and matched on 06-16; 12.00 credited on 06-17 that no
# rule matched, its exception open
keys d
wait_for "d: the account by day" "Bank account DE89, by day"
# (review R20, fault 9) the days in date order, marked so, not by Expected
wait_for "d: the days marked in date order" "Date▲"
lacks "d: Expected not marked as the order" "Expected▼"
line_has "06-15: 50.00 expected, nothing credited that day" "2026-06-15" \
    '$50.00      $0.00     $0.00     -$50.00     0        1       0'
line_has "06-16: 50.00 credited and matched" "2026-06-16" \
    '$0.00     $50.00    $50.00      $50.00     0        0       1'
line_has "06-17: 12.00 credited, unmatched, one exception open" "2026-06-17" \
    '$0.00     $12.00     $0.00      $12.00     1        0       1'
keys x
wait_for "x on the days: the export dialog" "reconciliation by day"
keys Right Enter
wait_for "the days are written as a workbook" "Exported 3 rows"
M --csv report reconciliation >"$T/rec-cli.csv"
python3 "$TOP/tests/tools/xlsx_cells.py" --compare "$T/rec-cli.csv" \
    "$(ls "$T"/exports/reconciliation-*.xlsx)" dmmmmiii >"$OUT" 2>&1 &&
    ok "the days' workbook is the command line's listing, cell by cell" ||
    echo "not ok - the days' workbook is the command line's listing, cell by cell"
keys Escape
wait_for "Esc: back to the exceptions" "1 exception open"
# h and r (issue 20): a credit its reference does not name matched by
# hand to a transfer, another resolved with a note, each asked once
PAYDESK_NOW="2026-06-20 10:00:00" J pay WU-10002 --type bill --method "Bank Transfer" \
    --amount 12 --reference ORDER-5 >/dev/null || echo "not ok - the transfer"
PNO=$(sqlite3 "$DB" "SELECT payment_no FROM payments WHERE reference = 'ORDER-5'")
printf 'date,amount,reference\n2026-06-20,12.00,SEPA NO REFERENCE\n2026-06-21,7.00,COINS\n' >"$T/st2.csv"
M statement import "$T/st2.csv" --mapping m1 --account DE89 >/dev/null
N2=$(nm 2)
keys g
wait_for "g: the two new credits" "3 exceptions open"
keys Down h
wait_for "h: the credit $N2:1 by hand" "unexpected_credit:$N2:1  SEPA NO REFERENCE"
keys Enter
wait_for "h: no payment, refused" "Give the transfer's payment number"
keys Down
type_text "$PNO"
keys Enter
wait_for "h: no note, refused" "Note is required"
keys Down
type_text "Order 5 paid by transfer"
keys Enter
wait_for "h: asked once" "Match statement line $N2:1 to $PNO? Enter again"
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
# spaces only: refused in the service's words (helper-261, fault 6)
type_text "  "
keys Enter
wait_for "r: a note of blanks, refused" "Note is blank (spaces only): write one"
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
line_has "its credit, matched to the transfer by mary with the note" "$N2:1" \
    "transfer PAY-T01-2026-000"
line_has "by mary with the note" "$N2:1" "mary Order 5 paid by t"
keys u
wait_for "u: take the match back" "$N2:1  $PNO"
keys Enter
wait_for "u: no note, refused" "Note is required"
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
wait_for "the day again: matched" "mary Right order after"
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
line_has "its credit nobody expected" "COINS" "unexpected_credit"
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
wait_for "x: written, its two days" "Exported 2 rows"
M --csv report reconciliation --account AT01ACC1 >"$T/rec-nl.csv"
same "x exports the account shown, as the command line does" \
    "$(cat "$T"/exports/reconciliation-*.csv)" "$(cat "$T/rec-nl.csv")"
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
