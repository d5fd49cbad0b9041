#!/bin/sh
# test_shift.sh - the shift screens of issue 20 in tmux at 80x24, on one
# store with [shifts] required = yes: Home starts on Open shift; the
# opening float counted by denomination (bad quantities refused); a
# pay-in above the approval amount refused without and with a wrong
# supervisor PIN (the store unchanged), then recorded with mary's; the X
# report; the blind close (cash by denomination, card slips, cheques
# listed, nothing expected shown on the way) short by $5.00 beyond the
# tolerance, refused without a reason and sign-off, then closed with them;
# the Z report written (pdftotext); the next shift's expected float; a
# shift open across midnight flagged on Home; the supervisor's Shifts tab
# (list, filters, a bad date, details, the Z report again as COPY); and
# the same screens in Spanish and French with nothing cut; a shift left
# open at another terminal closed by force on the Shifts tab (C), two
# terminals synced through a real paydesk-central, a reason and a
# supervisor's sign-off asked, a cashier's refused (s73 fault 2).
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
# [shifts] of lib.sh's config: required, a tolerance of $1.00, a
# supervisor above $50.00
sed 's/^required = no$/required = yes\
tolerance = 1.00\
movement_approval_above = 50.00/' "$PAYDESK_CONFIG" >"$T/c" &&
    mv "$T/c" "$PAYDESK_CONFIG"
"$PD" config | grep -q '^tolerance = 1.00' ||
    echo "not ok - the test config's [shifts] is read"
RCP="$T/receipts"
# line TEXT: the first screen line with TEXT; line_is NAME TEXT WANT:
# that line holds WANT
line() { grep -F -- "$1" "$SCREEN" | head -1; }
line_is() {
	i=0
	while [ $i -lt 30 ]; do
		grab
		case "$(line "$2")" in *"$3"*) ok "$1"; return ;; esac
		sleep 0.1
		i=$((i + 1))
	done
	echo "not ok - $1"
	echo "  wanted on the line of $2: $3"
	sed 's/^/  | /' "$SCREEN"
}
# esc N: Esc N times, apart (two at once read as Alt-Esc)
esc() {
	n=$1
	while [ "$n" -gt 0 ]; do
		keys Escape
		sleep 0.2
		n=$((n - 1))
	done
}
jane() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }

# --- Home without a shift
tui_start
login jane 1234
wait_for "home says no shift is open" "No shift open"
wait_for "home offers Open shift" "Open shift"
lacks "no Shift menu without a shift" "  Shift  "
expect "cash without a shift is refused" 13 "shift" \
    jane pay WU-10001 --type bill --method Cash --amount 10

# --- the opening float: $200.00 = 2 x $50 + 5 x $20
keys Enter
wait_for "Enter opens the float count (the day starts on it)" \
    "Count the opening float (Cash)"
wait_for "one row per denomination" "\$0.01"
wait_for "the expected float of the drawer's first shift" "Expected float"
type_text "x"
wait_for "a letter is refused as a quantity" "Quantity: digits only"
type_text "12345678"
wait_for "eight digits are refused" "Quantity: at most 7 digits"
keys DC
line_is "Del clears the row: the total back to 0" "Total counted" "\$0.00"
keys Down
type_text "2"
keys Down
type_text "5"
wait_for "the line total" "\$100.00"
wait_for "the total counted" "\$200.00"
# (s72 h11 fault 2) the drawer's first shift: no previous close, so no
# expected float nor difference (as shift show, the Z report and report
# exceptions have it), and nothing to ask (a float off the expected one
# asks first at the next shift, below)
line_is "the drawer's first shift: no previous close" "Expected float" "no previous close"
lacks "no difference from an expected float not known" "Difference"
keys Enter
wait_for "the shift opens" "Shift opened with a float of \$200.00"
wait_for "home shows the shift" "Shift open since"
lacks "Open shift is gone" "Open shift"

# payments of three tenders in the shift
expect "cash is taken in a shift" 0 "" \
    jane pay WU-10001 --type bill --method Cash --amount 50
expect "a card payment" 0 "" \
    jane pay WU-10001 --type bill --method "Credit Card" --amount 30
expect "a cheque" 0 "" \
    jane pay WU-10001 --type bill --method Cheque --amount 40 --reference 123456
expect "a bank transfer: it reaches the bank, not the drawer" 0 "" \
    jane pay WU-10001 --type bill --method "Bank Transfer" --amount 9 \
    --reference TRF-9

# --- a pay-in of $80.00: above 50.00, a supervisor signs off
keys End Up Enter
wait_for "the Shift menu" "X report"
keys Down Enter
wait_for "the pay-in form" "Cash into or out of the drawer"
wait_for "the approval amount said" "above \$50.00"
type_text "80.5x"
wait_for "a letter in an amount is refused, named" \
    "\"x\" is not allowed; as in \$1,234.50 or 1234.50"
# the money field of the payment amount: what is not an amount says why
# at the key, before Enter (issue 17: "20,00" was taken in a dot
# organisation and refused only on Enter)
keys C-u
type_text "20,00"
wait_for "20,00 is refused at the key, with what to write" \
    'Amount "20,00": use . for decimals: 20.00'
keys C-u
type_text "1,0000"
wait_for "a grouping out of place too" 'Amount "1,0000": digits grouped'
keys C-u
type_text "20.00"
lacks "an amount: the reason is gone" "use . for decimals"
keys C-u
type_text "12.345"
keys Enter
wait_for "three decimals are refused" "Amount"
lacks "nothing recorded" "recorded"
keys C-u
type_text "80.00"
before=$(snapshot)
# (review s70, fault 4) no reason is preselected ("Change from safe"
# stood for a pay-out): one is chosen
line_is "no reason preselected" "Reason" "(choose one)"
keys Enter
wait_for "no reason chosen: refused" \
    "Reason: choose the movement's reason, with Left and Right"
keys Right
line_is "Right chooses the first reason" "Reason" "Change from safe"
keys Up
keys Enter
# (the approval amount named: a fresh tester's, s73)
wait_for "no supervisor: refused, the approval amount named" \
    "A movement above the approval amount ($"
same "a pay-in refused for want of a supervisor changes nothing" \
    "$(snapshot)" "$before"
keys Down Down
type_text "mary"
keys Down
type_text "9999"
keys Enter
wait_for "a wrong PIN is refused" "Wrong user name or PIN for \"mary\""
lacks "nothing recorded with a wrong PIN" "recorded"
# (a wrong PIN counts toward mary's lockout, like a sign-in's)
same "a wrong PIN records no movement" \
    "$(sql "SELECT count(*) FROM shift_movements")" "0"
keys Up
wait_for "back on the supervisor" "mary"
keys Down C-u
type_text "2222"
keys Enter
wait_for "the pay-in with mary's PIN" "Pay-in of \$80.00 recorded"

# --- the X report: cash expected 200 + 50 + 80
keys End Up Enter
wait_for "the Shift menu again" "X report"
keys Enter
# (fault 15) the close is blind: jane's X report asks a supervisor first
wait_for "jane's X report asks a supervisor" "a supervisor signs the X report off"
lacks "nothing expected shown before the sign-off" "330.00"
keys Enter
wait_for "no supervisor: refused" "needs a supervisor"
lacks "refused: still nothing expected shown" "330.00"
type_text "mary"
keys Down
type_text "9999"
keys Enter
wait_for "a wrong PIN: refused" "Wrong user name or PIN for \"mary\""
lacks "a wrong PIN: nothing expected shown" "330.00"
type_text "2222"
keys Enter
wait_for "the X report" "X report: not a close, nothing counted"
wait_for "the X report's cash expected" "\$330.00"
keys PgDn
wait_for "the X report lists the pay-in, with its approver" "Pay-in  \$80.00  Change from safe / mary"
keys Escape

# --- the blind close: $325.00 in cash (5 short), the card slip, the cheque
keys End Up Enter
wait_for "the Shift menu for the close" "Close shift"
keys End Enter
wait_for "the close starts on the cash count" "Count the cash in the drawer"
lacks "the cash count is blind" "Expected"
lacks "the cash count shows no expected amount" "330.00"
type_text "3"
keys Down Down
type_text "1"
keys Down Down
type_text "1"
wait_for "the cash total" "\$325.00"
keys Enter
wait_for "the card slips" "Count the card slips"
lacks "the slips are blind" "Expected"
type_text "a"
wait_for "a letter is refused as a number of slips" \
    "Credit Card slips: digits only"
type_text "1"
keys Down
type_text "30.00"
keys Enter
wait_for "the cheques" "List the cheques in the drawer"
lacks "the cheques are blind" "Expected"
# (review s70, fault 2) Esc goes back a step and keeps what was typed,
# and on again: the card slips typed, after going back to the cash
# count, and a cheque's number typed, not added yet
type_text "999"
esc 1
wait_for "Esc back to the slips" "Count the card slips"
esc 1
wait_for "Esc back to the cash count" "Count the cash in the drawer"
keys Enter
wait_for "on to the card slips again" "Count the card slips"
line_is "the number of slips typed is kept" "Credit Card slips" "1"
line_is "the slips' total typed is kept" "Credit Card total" "30.00"
keys Enter
wait_for "on to the cheques again" "List the cheques in the drawer"
line_is "the cheque's number typed is kept" "Cheque #" "999"
keys C-u
keys F2
wait_for "F2 goes on with nothing typed (no cheque yet)" \
    "The count against what was expected"
keys Escape
wait_for "Esc comes back to the cheques" "No cheques yet"
keys Enter
wait_for "nothing typed: refused, naming the amount" "Amount"
# (s72 h11 fault 1) a cheque taken with no number is listed by its
# amount alone, as the CLI's --cheque ":7.00", said "(no number)" (the
# refusal put the cursor on the amount)
type_text "7.00"
keys Enter
wait_for "a cheque with no number is listed" "1 cheque, \$7.00"
line_is "said (no number)" "(no number)" "\$7.00"
keys DC
wait_for "Del removes it" "No cheques yet"
type_text "123456"
keys Tab
type_text "0"
keys Enter
wait_for "a cheque of 0 is refused" "a cheque's amount is above 0"
keys C-u
type_text "40.00"
keys Enter
wait_for "the cheque is listed" "1 cheque, \$40.00"
# (review R20, fault 4) a second cheque of one number, another payer's:
# listed too (the CLI's close counts both); Del removes it
type_text "123456"
keys Tab
type_text "5"
keys Enter
wait_for "a second cheque of one number is listed" "2 cheques, \$45.00"
keys DC
wait_for "Del removes it: one cheque" "1 cheque, \$40.00"
keys C-u
keys Tab
keys C-u
keys F2
# (s72 h13, fault 3) a recount (the cheque added after the result showed
# it short): nothing of it until a supervisor signs off
wait_for "a recount: the sign-off asked first" \
    "A count other than the one whose over or short was shown needs a"
wait_for "a recount: the supervisor's name and PIN asked" \
    "Counted again after it was shown"
lacks "a recount: nothing of it shown" "Over/short"
lacks "a recount: no reason asked" "Reason (Cash)"
type_text "mary"
keys Down
type_text "2222"
keys Enter
wait_for "the result" "The count against what was expected"
line_is "cash: expected, counted, short" "Cash " "\$330.00"
line_is "cash: counted" "Cash " "\$325.00"
line_is "cash: 5.00 short" "Cash " "-\$5.00 short"
# (review R20) each count shown is kept at once and the first stands:
# the result shown by F2 with no cheque listed yet (Cheque 40.00 short),
# then this one; the close below is a recount (the cheque added after
# the result showed it short) and needs the supervisor's sign-off, which
# it has (test_shift.sh of the CLI has the rest); the first with the
# cheque taken (123456) not listed, the second matching it
same "the counts shown are kept" \
    "$(sql "SELECT group_concat(detail, '|') FROM audit_log WHERE action = 'count'")" \
    "Cash=325.00; Credit Card=30.00; Cheque=0.00; Cheque not matched=taken, not listed: 123456 \$40.00|Cash=325.00; Credit Card=30.00; Cheque=40.00"
line_is "the card slip matches" "Credit Card " "\$30.00"
line_is "the cheque matches" "Cheque " "\$40.00"
lacks "a transfer is no tender of the close" "Bank Transfer"
line_is "the float kept: the opening float, less cash counted than that" \
    "Float kept" "200.00"
wait_for "beyond the tolerance: reason and sign-off asked" \
    "Beyond the tolerance"
# checked first, as the close checks it, and asked only of a close that
# would go ahead (issue 20, s72 fault 2: the question came first)
before=$(snapshot)
keys Enter
wait_for "no reason: refused" "Reason is required"
lacks "no reason: refused before any question" "again to close"
lacks "no reason: not closed" "Shift closed"
type_text "Miscounted change"
keys Down C-u
keys Enter
wait_for "no sign-off: refused, the recount's first" \
    "A count other than the one whose over or short was shown needs a"
lacks "no sign-off: refused before any question" "again to close"
type_text "jane"
keys Down C-u
type_text "1234"
keys Enter
wait_for "the cashier cannot sign off her own close" \
    "of a supervisor other than jane"
lacks "her own sign-off: refused before any question" "again to close"
same "the refused closes change nothing" "$(snapshot)" "$before"
# (review s70, fault 2) back to the cheques and on to the result again:
# the reason and the supervisor typed are kept, the PIN is not
esc 1
wait_for "Esc back to the cheques" "List the cheques in the drawer"
keys F2
wait_for "the recount again: its sign-off first" \
    "Counted again after it was shown"
line_is "the supervisor typed is kept" "Supervisor " "jane"
same "the result shown again with the same count: nothing kept anew" \
    "$(snapshot)" "$before"
keys C-u
type_text "mary"
keys Down C-u
type_text "2222"
keys Enter
wait_for "the result again" "The count against what was expected"
line_is "the reason typed is kept" "Reason (Cash)" "Miscounted change"
keys Down C-u
type_text "mary"
keys Down C-u
type_text "2222"
keys Enter
wait_for "asked again after the edit" "again to close"
keys Enter
wait_for "the shift is closed, its Z report written" \
    "Shift closed: Z-T01-000001, Z report"
wait_for "back on Home, Open shift again" "Open shift"
pdf=$(ls -t "$RCP"/*Z-T01-000001*.pdf 2>/dev/null | head -1)
if [ -n "$pdf" ] && pdftotext "$pdf" - >"$T/z.txt" 2>/dev/null; then
	grep -q "Z-T01-000001" "$T/z.txt" && ok "the Z report PDF has its number" ||
	    echo "not ok - the Z report PDF has its number"
	grep -q "Miscounted change" "$T/z.txt" && ok "the Z report has the reason" ||
	    echo "not ok - the Z report has the reason"
	grep -q "Counted first" "$T/z.txt" && ok "the Z report has the first count shown" ||
	    echo "not ok - the Z report has the first count shown"
	# the denominations counted, not those of none the screen's
	# count keeps too (review s50, helper-217): as a CLI count's
	same "the Z report lists the denominations counted, none of 0" \
	    "$(grep -cE '× 0([^0-9.,]|$)' "$T/z.txt")/$(grep -cE '× [1-9]' "$T/z.txt")" \
	    "0/$(sql "SELECT count(*) FROM shift_counts c JOIN shifts s ON s.id = c.shift_id WHERE s.z_no = 'Z-T01-000001' AND c.kind = 'denomination' AND c.qty > 0")"
else
	echo "not ok - the Z report PDF is written"
	ls -l "$RCP" | sed 's/^/  | /'
fi
same "the shift is closed in the store" \
    "$(sql "SELECT status FROM shifts WHERE z_no = 'Z-T01-000001'")" "closed"

# --- the next shift expects the float kept ($200.00, the opening float)
keys Enter
wait_for "the next float count" "Count the opening float"
line_is "the next shift expects the float kept" "Expected float" "\$200.00"
keys Down Down
type_text "4"
keys Enter
wait_for "\$80.00 against \$200.00 expected: asked first" \
    "Float \$80.00 is \$120.00 off the \$200.00 expected"
keys Enter
wait_for "the second shift opens with \$80.00 (the difference is recorded)" \
    "Shift opened with a float of \$80.00"
same "the second shift's float: counted and expected" \
    "$(sql "SELECT float_counted || ' ' || float_expected FROM shifts WHERE status = 'open'")" \
    "8000 20000"
logout
# a cheque in the second shift, for the cheques step in es and fr
expect "a cheque in the second shift" 0 "" \
    jane pay WU-10001 --type bill --method Cheque --amount 10 --reference 900010

# --- across midnight: flagged on Home
tui_open PAYDESK_NOW="2025-04-21 09:00:00"
wait_for "the UI again, the day after" "Log in to take payments"
login jane 1234
wait_for "a shift open across midnight is flagged, which flag said" \
    "Flagged (over midnight, past 12 h): close it"
logout

# --- the supervisor's Shifts tab
tui_start
login mary 2222
wait_for "mary on the dashboard" "Total Collected"
keys h
wait_for "the Shifts tab" "2 shifts"
wait_for "the closed shift is listed" "Z-T01-000001"
line_is "its status" "Z-T01-000001" "Closed"
wait_for "the open one too" "Open"
keys f
wait_for "the filter form" "Filter the shifts"
type_text "2025-13-45"
keys Enter
wait_for "a bad date is refused, named" \
    'From "2025-13-45": no such day in the calendar'
wait_for "the form stays" "Filter the shifts"
keys C-u
type_text "2025-04-21"
keys Down
type_text "2025-04-20"
keys Enter
wait_for "From after To is refused" "From: after To; swap them"
keys C-u Down C-u Down Down Down Right Right
keys Enter
wait_for "status Closed: one shift" "1 shift"
wait_for "the filter is said" "Status Closed"
keys F
wait_for "F clears the filters" "2 shifts"
keys f Down Down Down
type_text "T99"
keys Enter
wait_for "another terminal: none" "No shifts"
keys F
wait_for "cleared again" "2 shifts"
keys End
line_is "the oldest last" "Z-T01" "Z-T01-000001"
keys Enter
wait_for "the details" "Shift Z-T01-000001"
wait_for "the details: the reason" "Miscounted change"
wait_for "the details: signed off" "mary"
# (review R20, fault 13) the cheque counted again: its first count too
keys PgDn
wait_for "the details: the first count of the cheque counted again" "Counted first"
keys PgUp
keys p
# the details already show the number: wait for the copy's file itself
i=0
while [ $i -lt 100 ] && ! ls "$RCP"/*Z-T01-000001*COPY*.pdf >/dev/null 2>&1; do
	sleep 0.1
	i=$((i + 1))
done
pdf=$(ls -t "$RCP"/*Z-T01-000001*COPY*.pdf 2>/dev/null | head -1)
[ -n "$pdf" ] && ok "p writes the Z report again, as a copy" ||
    echo "not ok - p writes the Z report again, as a copy"
pdftotext "$pdf" - 2>/dev/null | grep -q COPY && ok "the reprint says COPY" ||
    echo "not ok - the reprint says COPY"
esc 2
logout

# --- es and fr at 80x24: the screens' words whole, nothing cut
cat >"$T/tr.py" <<'PY'
import gettext, re, sys
lang, a = sys.argv[1], sys.argv[2:]
t = gettext.translation('paydesk', sys.argv[0].rsplit('/', 1)[0] + '/loc',
    [lang])
s = t.gettext(a[0])
s = re.sub(r'%(?:zu|lld|d)', '%s', s) % tuple(a[1:]) if a[1:] else s
print(re.sub(r'\{([A-Za-z-]+)\}', lambda m: t.pgettext('key', m.group(1)), s))
PY
ln -s "$TOP/$BUILD/locale" "$T/loc"
msg() { python3 "$T/tr.py" "$L" "$@"; }
for L in es fr; do
	tui_open_until "$L" "$(msg "Log in to take payments")" LANGUAGE=$L
	login jane 1234
	keys End Up Enter
	wait_for "$L: the Shift menu" "$(msg "X report")"
	keys Down Enter
	wait_for "$L: the pay-in form" "$(msg "Cash into or out of the drawer")"
	wait_for "$L: the supervisor's PIN label whole" "$(msg "Supervisor's PIN")"
	keys Escape
	keys End Up Enter
	wait_for "$L: the menu again" "$(msg "Close shift")"
	keys End Enter
	wait_for "$L: the cash count" "$(msg "Count the cash in the drawer (%s)" Cash)"
	wait_for "$L: the count's header whole" "$(msg "Line total")"
	keys Enter
	wait_for "$L: the slips" "$(msg "Count the card slips")"
	wait_for "$L: the slips' hint whole" \
	    "$(msg "For each card method: how many slips, and their total")"
	keys Enter
	wait_for "$L: the cheques" "$(msg "List the cheques in the drawer")"
	keys F2
	wait_for "$L: the result" "$(msg "The count against what was expected")"
	wait_for "$L: the over/short header whole" "$(msg "Over/short")"
	# no cash counted: the float kept offered is what is there, not
	# the opening float of 80.00 (issue 25 review 6)
	line_is "$L: the float kept offered is the cash counted" \
	    "$(msg "Float kept")" " 0.00"
	settle
	if grep -q "…" "$SCREEN"; then
		echo "not ok - $L: nothing cut on the result"
		sed 's/^/  | /' "$SCREEN"
	else ok "$L: nothing cut on the result"; fi
	esc 4
	logout
	tui_open_until "$L sup" "$(msg "Log in to take payments")" LANGUAGE=$L
	login mary 2222
	keys h
	wait_for "$L: the Shifts tab" "Z-T01-000001"
	keys End Enter
	wait_for "$L: the details' labels whole" "$(msg "Float expected")"
	wait_for "$L: the details' signed off whole" "$(msg "Signed off by")"
	esc 2
	logout
done

# --- (review R20, fault 8) a shift left open by a cashier who has gone:
# the supervisor closes it on the Shifts tab (c), a blind count of
# their own; jane's second shift closed first from the command line
# (the count the es and fr screens showed stands: reasons, a sign-off)
PAYDESK_APPROVER_PIN=9999 expect "mary closes jane's shift from the command line" 0 "Z-T01-" \
    env PAYDESK_PIN=2222 "$PD" --user mary shift close --cashier jane --total Cash=0 \
    --reason "Cash=Gone home;Cheque=Gone home" --approver admin
expect "jane opens another and goes home" 0 "" jane shift open --count 10000x1
tui_start
login mary 2222
wait_for "mary on the dashboard" "Total Collected"
keys h
wait_for "the Shifts tab, jane's shift open" "Open"
# the close above listed no cheque: the cheque taken, not listed, kept
# with the close and named in its details (review s50, helper-217)
keys Home Down Enter
wait_for "the details of jane's closed shift" "Shift Z-T01-000002"
keys PgDn
wait_for "its cheques not matched, kept with the close" \
    "Cheques not matched   taken, not listed: 900010 \$10.00"
esc 1
wait_for "back on the Shifts tab" "Open"
keys Home c
wait_for "c: the blind count of jane's shift" "Count the cash in the drawer"
lacks "the supervisor's count is blind too" "Expected"
# (issue 20 review, fault 5) whose shift and which terminal, before
# the count
wait_for "c: the count names jane's shift and its terminal" \
    "The shift of Jane"
wait_for "c: ... at terminal T01" "(jane) at terminal T01, opened"
type_text "1"
keys Enter
wait_for "the slips" "Count the card slips"
keys Enter
# the cheques' step though the shift took none: which steps come is the
# organisation's methods', not what the shift took (a fresh tester's,
# s73: the step skipped told the cashier no cheque was expected)
wait_for "no cheques taken: the cheques' step all the same" \
    "List the cheques in the drawer"
keys F2
wait_for "no cheques listed: the result" "The count against what was expected"
line_is "the drawer's cash as counted" "Cash " "\$0.00"
keys Enter
wait_for "Enter asks first" "again to close"
keys Enter
wait_for "jane's shift closed by mary" "Shift closed: Z-T01-"
same "closed by mary, jane's" \
    "$(sql "SELECT cashier || '/' || closed_by || '/' || status FROM shifts ORDER BY id DESC LIMIT 1")" \
    "jane/mary/closed"
keys c
wait_for "c on a closed shift: said" "Only an open shift of terminal T01 is closed here"
esc 1
logout

# --- (review R20, fault 26) a supervisor takes cash in the screens too:
# x on the Dashboard opens their shift, then offers its menu
tui_start
login mary 2222
wait_for "mary on the dashboard again" "Total Collected"
keys F1 PgDn
wait_for "the Dashboard's help names the shift's key" "your shift: open one"
keys Escape
keys x
wait_for "x: mary's opening float" "Count the opening float (Cash)"
type_text "1"
settle
keys Enter
# asked first when off the float her drawer's last close kept
if ! grep -qE 'Difference +\$0\.00' "$SCREEN"; then
	wait_for "mary's float off the expected one: asked first" \
	    "again to open"
	keys Enter
fi
wait_for "mary's shift opens" "Shift opened with a float of \$100.00"
same "the open shift is mary's" \
    "$(sql "SELECT cashier FROM shifts WHERE status = 'open'")" "mary"
keys x
wait_for "x again: the shift's menu" "X report"
wait_for "with its close" "Close shift"
esc 1
logout

# --- (helper-287, fault 2) a cashier's opening float is expected as the
# drawer's last close kept it, whoever's shift that was: mary's, closed
# keeping $55.00, not jane's own last close (the screen showed that)
PAYDESK_PIN=2222 "$PD" --user mary shift close --count 10000x1 --keep 55 \
    >/dev/null || echo "not ok - mary's close keeping \$55.00"
same "the drawer's last close is mary's, keeping \$55.00" \
    "$(sql "SELECT cashier || ' ' || float_kept FROM shifts WHERE status = 'closed' ORDER BY id DESC LIMIT 1")" \
    "mary 5500"
login jane 1234
wait_for "jane: no shift open" "No shift open"
keys Enter
wait_for "jane's float count" "Count the opening float"
line_is "jane's float expected as mary's close kept it" "Expected float" "\$55.00"
esc 1
logout

# --- (s73 fault 2) a shift left open at another terminal, closed by
# force on the Shifts tab (C) as shift close --force does: two terminals
# synced through a real paydesk-central; jane's shift at T01 (then T01
# is gone), seen at T02 by admin (the organisation's drawers); the form
# asks a reason and a supervisor's sign-off: none, or a cashier's,
# refused with nothing written; mary's closes it, nothing counted
. "$TOP/tests/cli/sync_lib.sh"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; stop_central; pg_stop; rm -rf "$T"' EXIT
export PAYDESK_NOW="2025-04-25 09:00:00"
setup_org || echo "not ok - force: the organisation"
start_central || exit 1
must "force: T01 syncs" pdt 1 sync
must "force: T02 syncs" pdt 2 sync
must "force: jane opens a shift at T01" C 1 shift open --count 10000x1
must "force: T01 takes cash in it" C 1 pay WU-10002 --type bill --method Cash --amount 35 --tendered 35
must "force: T01 syncs, then is gone" pdt 1 sync
must "force: T02 pulls jane's shift" pdt 2 sync
sid=$(tsql 2 "SELECT uuid FROM shifts WHERE terminal = 'T01' AND status = 'open'")
[ -n "$sid" ] || echo "not ok - force: T02 holds jane's open shift at T01"
export PAYDESK_CONFIG="$T/t2.ini"
tui_start
login admin 9999
wait_for "force: admin at T02" "Total Collected"
keys h
wait_for "force: T01's open shift on T02's Shifts tab" "T01"
keys Home c
wait_for "force: c counts only this terminal's" "Only an open shift of terminal T02 is closed here"
keys C
wait_for "force: C, the form" "Close by force a shift of another terminal"
wait_for "force: whose shift" "The shift of jane at terminal T01"
before=$(store_hash "$T/t2.db")
keys Enter
wait_for "force: no reason: refused" "A forced close needs a reason"
type_text "T01 broken, drawer in the safe"
keys Down
type_text "jane"
keys Down
type_text "1234"
keys Enter
wait_for "force: a cashier's sign-off: refused" "needs the supervisor role; jane is"
same "force: the refusals write nothing" "$(store_hash "$T/t2.db")" "$before"
keys Up C-u
type_text "mary"
keys Down
type_text "2222"
keys Enter
wait_for "force: closed by force, T02's Z number" "Shift of jane at terminal T01 closed by force: Z-T02-"
same "force: closed at T02, signed off by mary, the reason kept" \
    "$(tsql 2 "SELECT s.status || ':' || s.closed_by || ':' || s.signed_off_by || ':' || f.terminal || ':' || f.reason FROM shifts s JOIN shift_forced f ON f.shift_id = s.id WHERE s.uuid = '$sid'")" \
    "closed:mary:mary:T02:T01 broken, drawer in the safe"
same "force: every tender short by its expected" \
    "$(tsql 2 "SELECT group_concat(t.method || '=' || t.over_short || '/' || t.approved_by, ' ') FROM shift_tenders t JOIN shifts s ON s.id = t.shift_id WHERE s.uuid = '$sid' AND t.expected <> 0")" \
    "Cash=-13500/mary"
wait_for "force: the list shows it closed" "Closed"
keys C
wait_for "force: C on a closed shift: said" "Only another terminal's open shift is closed by force"
esc 1
logout
expect "force: T02 syncs the forced close" 0 "Rejected    0" pdt 2 sync
same "force: the central node holds it closed by force at T02" \
    "$(csql "SELECT s.status || ':' || f.terminal FROM shifts s JOIN shift_forced f ON f.shift_id = s.id WHERE s.uuid = '$sid'")" \
    "closed:T02"
