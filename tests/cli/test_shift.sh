# test_shift.sh - cash shifts (issue 20) on one store: cash refused without
# a shift, the opening float against the drawer's last close, payments of
# several tenders, pay-ins, pay-outs and safe drops with and without a
# supervisor's PIN, the X report, the blind close exact, within and
# beyond tolerance with and without sign-off, Z numbers without gaps, the
# Z report read back with pdftotext and its COPY, bad input of each kind
# with its exit status and nothing changed, and a close killed with
# SIGKILL in the middle of its transaction (never half closed).
. "$TOP/tests/cli/lib.sh"
KILL="$TOP/$BUILD/tools/shift_kill"
sed -i 's/^required = no$/required = yes/' "$PAYDESK_CONFIG"
export PAYDESK_NOW="2026-06-15 08:00:00"
setup_store
printf 'username,full_name,role,pin\nsam,Sam Okafor,cashier,4321\n' >"$T/sam.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/sam.csv" >/dev/null
J() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }
M() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
# a cashier's X report, signed off by mary (fault 15: the close is blind)
JX() { PAYDESK_APPROVER_PIN=2222 J "$@" --approver mary; }
A() { PAYDESK_APPROVER_PIN=${APIN:-2222} J "$@"; }

# -- no shift: cash refused (exit 13), other tenders taken
refused "cash without a shift: refused" 13 "open a shift first" \
    J pay WU-10001 --type bill --method Cash --amount 10
expect "cash with change without a shift: refused" 13 "open a shift first" \
    J pay WU-10002 --type bill --method Cash --amount 5 --tendered 20
# a preview posts nothing: it says the shift posting will need (issue 21)
refused "a cash preview without a shift: quoted, the shift it needs said" \
    0 "posting this cash payment needs an open shift" \
    J pay WU-10001 --type bill --method Cash --amount 10 --preview
expect "no shift: no X report" 13 "has no open shift" J shift x
expect "no shift: nothing to close" 13 "has no open shift" \
    J shift close --count 500x1
expect "no shift: no pay-out" 13 "has no open shift" \
    J shift pay-out 10 --reason "Petty cash"
# (review R20) an amount below zero reads as an option: the message
# names it, not the word before it
expect "pay-out -10: the -10 named, and that it is below zero" 2 \
    "shift pay-out: unknown option -10: a number given here is not below zero (see" \
    J shift pay-out -10 --reason "Petty cash"
expect "drop with a short option that is none: named" 2 "unknown option -x (see" \
    J shift drop 5 -x --reason "Safe drop"
# (review R20, fault 9) a count's option given twice would replace the
# first silently, and a count once shown stands: refused, nothing counted
expect "shift open --count twice: refused" 2 "--count is given twice" \
    J shift open --count 500x1 --count 100x1
expect "shift close --count twice: refused" 2 "--count is given twice" \
    J shift close --count 500x1 --count 100x1
expect "a movement's --reason twice: refused" 2 "--reason is given twice" \
    J shift pay-in 5 --reason "Petty cash" --reason Other

# -- opening: bad counts change nothing (exit 3), usage (exit 2)
refused "open: count not DENOMxQTY" 3 'write DENOMINATIONxQUANTITY' \
    J shift open --count 10000x
expect "open: count with a letter" 3 'write DENOMINATIONxQUANTITY' \
    J shift open --count 10000xtwo
expect "open: not a configured denomination" 3 \
    "Denomination 333 is not one of [shifts] denominations" \
    J shift open --count 333x2
refused "open: a denomination twice" 3 "Denomination 500 is counted twice" \
    J shift open --count 500x2,500x1
expect "open: a quantity too large" 3 "Quantity 99999999999 of denomination 10000" \
    J shift open --count 10000x99999999999
expect "open: an unknown option" 2 "--float" J shift open --float 10
expect "open: a positional argument" 2 "" J shift open 220

# -- the first shift: nothing was left before, so the whole float differs
expect "open with a float of 220.00" 0 '$220.00' J shift open --count 10000x2,500x4
same "first shift expects no float" \
    "$(sql "SELECT float_expected || '/' || float_counted FROM shifts")" "0/22000"
refused "open twice: refused" 13 "has a shift open" J shift open --count 500x1
expect "the drawer is in jane's shift: mary cannot open one" 13 \
    "is in jane's shift" M shift open --count 500x1
expect "status shows the open shift" 0 "Opening float counted" J shift status

# -- payments of several tenders while the shift is open
J pay WU-10001 --type bill --method Cash --amount 10 --tendered 20 >"$OUT" 2>&1
same "cash taken in the shift" "$?" 0
J pay WU-10002 --type bill --method "Credit Card" --amount 15 \
    --reference 123456 >/dev/null 2>&1
J pay WU-10003 --type bill --method Cheque --amount 30 --reference 000777 \
    >/dev/null 2>&1
# (s72 h8 fault 2) a cheque is counted and deposited by its number: one
# taken without it could never be; refused as an option missing (2)
refused "a cheque without --reference: refused, nothing posted" 2 \
    "pay: --reference NUMBER is required: a cheque (Cheque) is taken with its number" \
    J pay WU-10003 --type bill --method Cheque --amount 12.25
refused "a cheque with an empty --reference: the same" 2 \
    "--reference NUMBER is required" \
    J pay WU-10003 --type bill --method Cheque --amount 12.25 --reference ""
sed 's/^\[shifts\]$/[payments]\nmethods = Cash:cash, Cheque:cheque:none\n[shifts]/' \
    "$PAYDESK_CONFIG" >"$T/chqnone.ini"
expect "a cheque method that takes no number: refused in the config" 3 \
    'Method "Cheque": a cheque method takes the cheque'"'"'s number' \
    J --config "$T/chqnone.ini" config
J pay WU-10001 --type bill --method Online --amount 4 >/dev/null 2>&1
same "four payments recorded" "$(sql 'SELECT count(*) FROM payments')" 4
# a bank transfer reaches the bank, not the drawer: no tender of the close
# (Cheque:cheque is, Bank Transfer:bank is not; issue 20, point 1)
J pay WU-10002 --type bill --method "Bank Transfer" --amount 8 \
    --reference TRF-1 >/dev/null 2>&1
same "the transfer recorded" "$(sql "SELECT count(*) FROM payments WHERE method = 'Bank Transfer'")" 1

# -- movements
expect "pay-in below the approval amount" 0 "Change from safe" \
    J shift pay-in 20 --reason "change from safe"
# the limit and how to give the sign-off named (a fresh tester's, s73)
refused "pay-out above 50.00 without a supervisor" 5 \
    "A movement above the approval amount (\$50.00) needs a supervisor's sign-off: the supervisor's user name and PIN (--approver USER)" \
    J shift pay-out 60 --reason "Petty cash"
APIN=1111 expect "pay-out with a wrong supervisor PIN" 5 'Wrong user name or PIN for "mary"' \
    A shift pay-out 60 --reason "Petty cash" --approver mary
same "the wrong PIN counts toward mary's lockout" \
    "$(sql "SELECT failed_logins FROM users WHERE username = 'mary'")" 1
same "and the pay-out was not recorded" \
    "$(sql 'SELECT count(*) FROM shift_movements')" 1
APIN=4321 expect "a cashier cannot sign off" 5 "needs the supervisor role" \
    A shift pay-out 60 --reason "Petty cash" --approver sam
APIN=1234 expect "nobody signs off their own" 5 "a supervisor other than jane" \
    A shift pay-out 60 --reason "Petty cash" --approver jane
expect "an unknown approver" 5 'Wrong user name or PIN for "nobody"' \
    A shift pay-out 60 --reason "Petty cash" --approver nobody
same "counted like an unknown name's sign-in" \
    "$(sql "SELECT failed FROM login_misses WHERE username = 'nobody'")" 1
expect "pay-out with mary's PIN" 0 "mary" \
    A shift pay-out 60 --reason "Petty cash" --approver mary
same "a good PIN clears mary's count? no: only a sign-in does" \
    "$(sql "SELECT approved_by FROM shift_movements WHERE kind = 'pay_out'")" mary
expect "a drop above the cash expected" 3 "is more than the" \
    A shift drop 500 --reason "Safe drop" --approver mary
# (s72 h8 fault 1) the close is blind: a refusal does not tell the
# cashier alone what the drawer should hold; signed off by a supervisor,
# as the X report, it names it (on a copy: cash expected 190.00, 150.00
# dropped with mary's sign-off leaves 40.00)
cp "$DB" "$T/blind.db"
expect "blind: a drop of 150.00 signed off" 0 "mary" \
    A --db "$T/blind.db" shift drop 150 --reason "Safe drop" --approver mary
expect "blind: a cashier's drop beyond the drawer: refused, no figure" 3 \
    '$45.00 is more than the drawer holds by the records' \
    J --db "$T/blind.db" shift drop 45 --reason "Safe drop"
if grep -q '40\.00' "$OUT"; then notok "blind: the drop's refusal names the expected 40.00"; else ok "blind: the drop's refusal names no expected amount"; fi
expect "blind: a cashier's pay-out beyond the drawer: no figure either" 3 \
    '$41.00 is more than the drawer holds by the records' \
    J --db "$T/blind.db" shift pay-out 41 --reason "Petty cash"
expect "blind: signed off by mary, the figure is shown as the X report's" 3 \
    '$100.00 is more than the $40.00 expected in the drawer' \
    A --db "$T/blind.db" shift drop 100 --reason "Safe drop" --approver mary
refused "a reason not configured" 3 "is not one of [shifts] movement_reasons" \
    J shift pay-in 5 --reason "Lunch"
expect "the refusal lists every reason configured, not the first alone" 3 \
    "movement_reasons (Change from safe, Petty cash, Safe drop, Correction, Other)" \
    J shift pay-in 5 --reason "Lunch"
expect "an amount that is not one" 3 "" J shift pay-in abc --reason Other
expect "an amount of zero" 3 "must be above zero" J shift pay-in 0 --reason Other
expect "a negative amount" 2 "unknown option -5" J shift pay-in -5 --reason Other
expect "no reason" 2 "--reason is required" J shift pay-in 5
# an option's value empty or of spaces only is no value: status 2,
# "--X needs a value", as a filter's (a fresh tester's, s72 fault 3:
# pay-in --reason "" was status 3, "Reason \"\" is not one of", shift
# open --count "" opened on a float of nothing, close --cashier "" closed
# one's own shift); a forced close's --reason is free text, refused by
# its use case (test_shift_sync)
for v in "" "  "; do
	for a in "open --count" "pay-in 5 --reason" "pay-out 5 --reason" \
	    "drop 5 --reason" "pay-in 5 --reason Other --approver" \
	    "x --out" "x --approver" "x --cashier" "close --count" \
	    "close --count 10000x1 --cashier" "close --force" \
	    "close --count 10000x1 --slip" "close --count 10000x1 --cheque" \
	    "close --count 10000x1 --total" "close --count 10000x1 --reason" \
	    "close --count 10000x1 --approver" "close --count 10000x1 --keep" \
	    "list --limit" "z Z-T01-000001 --out"; do
		# shellcheck disable=SC2086
		refused "shift $a \"$v\": status 2" 2 "--${a##*--} needs a value" \
		    J shift $a "$v"
	done
done

# (review R20c) the approval amount is not avoided by splitting: a
# movement that brings its kind's movements since the last one approved
# above 50.00 needs the sign-off (on a copy of the store: pay-in 20 not
# approved, pay-out 60 approved so far)
cp "$DB" "$T/split.db"
SP() { J --db "$T/split.db" "$@"; }
SA() { A --db "$T/split.db" "$@"; }
expect "split: a pay-out of 20.00 after the approved one needs none" 0 "Petty cash" \
    SP shift pay-out 20 --reason "Petty cash"
expect "split: a second, 40.00 since the approved one, none" 0 "Petty cash" \
    SP shift pay-out 20 --reason "Petty cash"
before=$(store_hash "$T/split.db")
expect "split: a third, 60.00 since the approved one, needs the sign-off" 5 \
    "A pay-out that brings this shift's pay-outs since the last one approved to \$60.00, above the approval amount, needs a supervisor's sign-off" \
    SP shift pay-out 20 --reason "Petty cash"
same "split: the refused pay-out changed nothing" "$(store_hash "$T/split.db")" "$before"
expect "split: a safe drop of 20.00 counts apart from the pay-outs" 0 "Safe drop" \
    SP shift drop 20 --reason "Safe drop"
expect "split: a pay-in of 20.00 after one of 20.00 (40.00): none" 0 "Change from safe" \
    SP shift pay-in 20 --reason "Change from safe"
expect "split: the third pay-in (60.00 since none approved): the sign-off" 5 \
    "A pay-in that brings this shift's pay-ins since the last one approved to \$60.00" \
    SP shift pay-in 20 --reason "Change from safe"
expect "split: the third pay-out, signed off" 0 "mary" \
    SA shift pay-out 20 --reason "Petty cash" --approver mary
expect "split: after the approved one, the count starts again" 0 "Petty cash" \
    SP shift pay-out 20 --reason "Petty cash"
same "split: who approved which, in order" \
    "$(sqlite3 "$T/split.db" "SELECT group_concat(kind || ':' || amount || ':' || approved_by, ' ') FROM (SELECT * FROM shift_movements ORDER BY id)")" \
    "pay_in:2000: pay_out:6000:mary pay_out:2000: pay_out:2000: safe_drop:2000: pay_in:2000: pay_out:2000:mary pay_out:2000:"

# -- X report: expected so far, nothing counted, nothing written
before=$(snapshot)
JX --json shift x >"$OUT"
same "X: cash expected = float 220 + 10 + pay-in 20 - pay-out 60" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([t["expected"] for t in d["tenders"] if t["method"]=="Cash"][0])' "$OUT")" 19000
same "X: card and cheque expected, online not in the drawer" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(",".join("%s=%d" % (t["method"], t["expected"]) for t in d["tenders"]))' "$OUT")" \
    "Cash=19000,Credit Card=1500,Cheque=3000"
same "X changes nothing" "$(snapshot)" "$before"
grep -q "Bank Transfer" "$OUT" && echo "not ok - X: a transfer is no tender" || \
    ok "X: a transfer is no tender"
expect "X report as text" 0 "X report, not a close" JX shift x --text --out "$T/x.txt"
# (fault 15) the close is blind: what the drawer should hold is a
# supervisor's to see while the shift is open; a cashier alone is
# refused (exit 18), in every form of the X report and in shift show
before=$(snapshot)
refused "X: a cashier alone is refused" 18 \
    "The X report shows what the drawer should hold, which the cashier does not see before the blind close" \
    J shift x
refused "X as a file: a cashier alone is refused" 18 "needs a supervisor" \
    J shift x --text --out "$T/xb.txt"
[ -e "$T/xb.txt" ] && notok "X refused: no file written" || ok "X refused: no file written"
refused "X in JSON: a cashier alone is refused" 18 "needs a supervisor" J --json shift x
OPEN=$(sql "SELECT uuid FROM shifts WHERE status = 'open' ORDER BY id DESC LIMIT 1")
refused "the open shift's details: a cashier alone is refused" 18 "needs a supervisor" \
    J shift show "$OPEN"
refused "X: a cashier's own PIN as the sign-off is refused" 5 \
    "needs the sign-off of a supervisor other than jane" \
    env PAYDESK_APPROVER_PIN=1234 PAYDESK_PIN=1234 "$PD" --user jane shift x --approver jane
MISS=$(sql "SELECT failed_logins FROM users WHERE username = 'mary'")
expect "X: a wrong supervisor PIN is refused" 5 "Wrong user name or PIN" \
    env PAYDESK_APPROVER_PIN=9999 PAYDESK_PIN=1234 "$PD" --user jane shift x --approver mary
same "the wrong PIN counted toward mary's lockout" \
    "$(sql "SELECT failed_logins FROM users WHERE username = 'mary'")" $((MISS + 1))
expect "X: a supervisor signed in sees it" 0 "Expected" M shift show "$OPEN"
expect "X: with a supervisor's PIN at the terminal, the cashier's X report" 0 \
    "Expected" JX shift x
# (review R20) it said "X report  X", as if X were its number
grep -q "X report  *X *$" "$OUT" && echo "not ok - X report --out: no number X" || \
    ok "X report --out: no number X"
grep -q "X REPORT" "$T/x.txt" && ok "X report says X REPORT" || \
    echo "not ok - X report says X REPORT"
# (s72 fault 1) a supervisor signed in reads a cashier's open shift's X
# report with --cashier, in every form shift x has; a cashier naming
# another is refused with the role status, nothing written
expect "X --cashier: mary alone has no shift here" 13 "mary has no open shift" \
    M shift x
expect "X --cashier jane: the supervisor reads jane's X report" 0 \
    "X report, not a close" M shift x --cashier jane
grep -q "jane" "$OUT" && ok "X --cashier jane: names jane" || \
    notok "X --cashier jane: names jane"
same "X --cashier jane: the tenders jane's signed-off X report has" \
    "$(M --json shift x --cashier jane | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["cashier"], ",".join("%s=%d" % (t["method"], t["expected"]) for t in d["tenders"]))')" \
    "$(JX --json shift x | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["cashier"], ",".join("%s=%d" % (t["method"], t["expected"]) for t in d["tenders"]))')"
expect "X --cashier jane --text --out: written" 0 "X report, not a close" \
    M shift x --cashier jane --text --out "$T/xj.txt"
grep -q "X REPORT" "$T/xj.txt" && grep -q "jane" "$T/xj.txt" && \
    ok "X --cashier --out: an X REPORT of jane's" || \
    notok "X --cashier --out: an X REPORT of jane's"
refused "X --cashier jane by sam, a cashier: the role status" 5 \
    "needs the supervisor role" \
    env PAYDESK_PIN=4321 "$PD" --user sam shift x --cashier jane --text --out "$T/xs.txt"
refused "X --cashier jane by sam with a sign-off: still the role status" 5 \
    "needs the supervisor role" \
    env PAYDESK_APPROVER_PIN=2222 PAYDESK_PIN=4321 "$PD" --user sam shift x --cashier jane --approver mary
[ -e "$T/xs.txt" ] && notok "X --cashier refused: no file" || ok "X --cashier refused: no file"
refused "X --cashier of a user unknown" 4 "--cashier nobody: no such user" \
    M shift x --cashier nobody
refused "X --cashier of a cashier with no shift here" 13 \
    "sam has no open shift at terminal" M shift x --cashier sam
expect "X --cashier jane by jane herself: her own, signed off" 0 "Expected" \
    JX shift x --cashier jane
expect "help shift: shift x's options" 0 \
    "shift x [--cashier USER] [--approver USER] [--out FILE]" "$PD" help shift
# the expected amounts stand under their heading, Expected, in the last
# column (issue 25: they sat one column left, under the counts' Amount)
python3 - "$T/x.txt" <<'PY' && ok "X report: the expected amounts under Expected" ||
import sys
rows = open(sys.argv[1], encoding='utf-8').read().split('\n')
i = rows.index('TENDERS')
head = rows[i + 2]
money = [l for l in rows[i + 3:rows.index('', i)] if l.strip().startswith('$')]
sys.exit(0 if head.strip() == 'Expected' and len(money) == 3 and
         all(len(l.rstrip()) == len(head.rstrip()) for l in money) else 1)
PY
    { echo "not ok - X report: the expected amounts under Expected"; sed -n '/TENDERS/,/^$/p' "$T/x.txt"; }

# -- the blind close: bad input first, nothing changes
expect "close: a slip without an amount" 3 "write METHOD:REF:AMOUNT" \
    J shift close --count 10000x1 --slip "Credit Card"
expect "close: a cheque amount that is not one" 3 "" \
    J shift close --count 10000x1 --cheque "000777:abc"
expect "close: an unknown method" 3 'Payment method "Gold" is not configured' \
    J shift close --count 10000x1 --total "Gold=5"
refused "close: a transfer is not counted" 3 \
    "Bank Transfer is not counted at the close" \
    J shift close --count 10000x1 --total "Bank Transfer=8"
expect "close: a transfer listed as a cheque" 3 \
    "Bank Transfer is not counted at the close" \
    J shift close --cheque "Bank Transfer:TRF-1:8"
expect "close: online counted" 3 "Online is not counted at the close" \
    J shift close --total "Online=4"
expect "close: a card slip listed as a cheque" 3 \
    "Cheques are listed for a cheque method" \
    J shift close --cheque "Credit Card:A1:15"
expect "close: a cheque counted as a slip" 3 \
    "Slips are counted for a card method; Cheque is not one" \
    J shift close --slip "Cheque:000777:30"
# two cheques of one number are two payers' (review R20, fault 4:
# test_deposit.sh), a card slip's number once
refused "close: a card slip listed twice" 3 'Credit Card "A1" is listed twice' \
    J shift close --slip "Credit Card:A1:15;Credit Card:A1:15"
expect "close: a reason for no tender" 3 "not a tender of this shift" \
    J shift close --count 10000x1,5000x1,2000x1,1000x1,500x1,200x2 \
    --slip "Credit Card:A1:15" --cheque "000777:30" --reason "Online=x"

# cash counted 185.00: short by 5.00 beyond the tolerance of 0
C185="10000x1,5000x1,2000x1,1000x1,500x1"
# nothing counted, or a float kept beyond the cash counted: refused
# before any over or short is worked out (review s50, helper-216: a close
# with no option was a blind count of zero, every expected amount shown
# and the count standing, every later close a recount needing a sign-off;
# a --keep out of range was checked after the result was shown). The
# audit's counts below show neither was kept.
refused "close: nothing counted (status 2)" 2 \
    "Nothing counted: a close counts the drawer" J shift close
refused "close: a reason and a sign-off, nothing counted (status 2)" 2 \
    "Nothing counted" J shift close --reason "Cash=Short" --keep 0
refused "close: a float kept above the cash counted (status 3)" 3 \
    'The float kept, $999.00, must be between zero and the cash counted' \
    J shift close --count $C185 --slip "Credit Card:A1:15" --cheque "000777:30" \
    --keep 999
same "close: the --keep refusal shows no over or short" \
    "$(grep -c 'Over (+) or short' "$OUT")" 0
refused "close: a float kept below zero (status 3)" 3 "" \
    J shift close --count $C185 --slip "Credit Card:A1:15" --cheque "000777:30" \
    --keep -1
# refused, the result shown all the same: the count shown is kept (the
# audit's "count" of the shift) and stands; nothing else is written
before=$(sql "SELECT count(*) FROM shift_counts")/$(sql "SELECT count(*) FROM shift_tenders")/$(sql "SELECT status FROM shifts")
expect "short beyond tolerance without a reason" 3 \
    'Cash is short by $5.00, beyond the tolerance of $0.00' \
    J shift close --count $C185 --slip "Credit Card:A1:15" --cheque "000777:30"
has "the result is shown all the same" "Over (+) or short (-)"
same "short beyond tolerance without a reason: the count shown kept, nothing else" \
    "$before|$(sql "SELECT group_concat(detail, '|') FROM audit_log WHERE action = 'count' AND entity = 'shift'")" \
    "$(sql "SELECT count(*) FROM shift_counts")/$(sql "SELECT count(*) FROM shift_tenders")/open|Cash=185.00; Credit Card=15.00; Cheque=30.00"
refused "with a reason, without a sign-off" 5 "needs a supervisor's sign-off" \
    J shift close --count $C185 --slip "Credit Card:A1:15" \
    --cheque "000777:30" --reason "Cash=Counted twice, still short"
APIN=1111 expect "with a wrong supervisor PIN" 5 'Wrong user name or PIN' \
    A shift close --count $C185 --slip "Credit Card:A1:15" \
    --cheque "000777:30" --reason "Cash=Counted twice, still short" \
    --approver mary
same "nothing closed, no Z number taken" \
    "$(sql "SELECT count(*) FROM shifts WHERE status = 'closed'")/$(sql "SELECT count(*) FROM number_series WHERE series = 'z_report'")" "0/0"
# (review R20) a blind count, once its over or short is shown, is not
# taken back by counting again to what was shown as expected: jane saw
# Cash short by 5.00 above, and "finds" 5.00 more. The count shown
# stands: a recount needs a supervisor's sign-off, and the Z report shows
# both counts (the screens' close the same: Esc from the result back to
# the cash, count again). On a copy of the store.
cp "$DB" "$T/recount.db"
expect "a recount to the expected amount after the shortage was shown: not a clean close" 5 \
    "A count other than the one whose over or short was shown needs a supervisor's sign-off" \
    J --db "$T/recount.db" shift close --count "$C185,100x5" \
    --slip "Credit Card:A1:15" --cheque "000777:30"
expect "a recount of the cheques alone (one more found): the sign-off too" 5 \
    "sign-off" J --db "$T/recount.db" shift close --count "$C185" \
    --slip "Credit Card:A1:15" --cheque "000777:30;000778:5" --reason "Cash=Short;Cheque=Found"
# (s72 h13, fault 3) a recount without a sign-off is refused for that,
# before anything else of the count (another tender's reason, the float
# kept), and nothing of the new count is shown: the cash counted to what
# was expected, the card short beyond the tolerance with no reason (was
# status 3 "Credit Card is short by $5.00 ... give a reason", the new
# over and short and "Counted first" printed)
before=$(store_hash "$T/recount.db")
expect "a recount, another tender short with no reason: the sign-off first" 5 \
    "A count other than the one whose over or short was shown needs a supervisor's sign-off" \
    J --db "$T/recount.db" shift close --count "$C185,100x5" \
    --slip "Credit Card:A1:10" --cheque "000777:30"
same "the recount refused: nothing of it shown (no over or short, no count, no first count)" \
    "$(grep -c 'Over (+) or short\|Counted first\|\$190\.00\|give a reason' "$OUT")" 0
expect "a recount with a float kept above its cash: the sign-off first too" 5 \
    "A count other than the one whose over or short was shown needs a supervisor's sign-off" \
    J --db "$T/recount.db" shift close --count "$C185,100x5" \
    --slip "Credit Card:A1:10" --cheque "000777:30" --keep 999
same "the recounts refused: the store unchanged, no count kept" \
    "$(store_hash "$T/recount.db")" "$before"
# (review R20, fault 1) nor by changing what is expected behind it: a
# pay-out of 5.00 "Petty cash" (under the approval amount) after the
# shortage was shown would make the same count come out even: a
# supervisor signs it off; a payment the drawer counts is refused
expect "a pay-out after the shortage was shown: the sign-off asked" 5 \
    "A movement after the close's over or short was shown needs a supervisor's sign-off" \
    J --db "$T/recount.db" shift pay-out 5 --reason "Petty cash"
expect "cash taken after the shortage was shown: refused" 13 \
    "The close of this shift was counted and its over or short shown" \
    J --db "$T/recount.db" pay WU-10002 --type bill --method Cash --amount 5
expect "a card payment after it: refused too (its slips are counted)" 13 \
    "before taking Credit Card again" \
    J --db "$T/recount.db" pay WU-10002 --type bill --method "Credit Card" \
    --amount 5 --reference A9
same "nothing recorded: no movement, no payment since" \
    "$(sqlite3 "$T/recount.db" "SELECT count(*) FROM shift_movements m JOIN shifts s ON s.id = m.shift_id WHERE s.status = 'open' AND m.amount = 500")/$(sqlite3 "$T/recount.db" "SELECT count(*) FROM payments")" \
    "0/$(sqlite3 "$DB" "SELECT count(*) FROM payments")"
# (review s70, fault 1) nor by a supervisor's void: voiding jane's cash
# payment of 10.00 would take 10.00 off the cash expected, and the count
# shown would come out 5.00 over; a card payment's void the same. Refused
# as a payment is (13), the void and the dispute's uphold alike; a
# transfer's void changes no tender and is made
CV=$(sqlite3 "$T/recount.db" "SELECT payment_no FROM payments WHERE method = 'Cash' AND status = 'Posted' ORDER BY id LIMIT 1")
KV=$(sqlite3 "$T/recount.db" "SELECT payment_no FROM payments WHERE method = 'Credit Card' ORDER BY id LIMIT 1")
expect "a cash void after the shortage was shown: refused" 13 \
    "voiding $CV would change what it expects behind the count" \
    M --db "$T/recount.db" payment void "$CV" --reason test
expect "a card payment's void after it: refused too" 13 \
    "was counted and its over or short shown" \
    M --db "$T/recount.db" payment void "$KV" --reason test
CD=$(M --db "$T/recount.db" dispute open "$CV" --reason wrong-account --note x 2>/dev/null | sed -n 's/^Dispute  *//p')
before=$(store_hash "$T/recount.db")
expect "a dispute's uphold by a void after it: refused" 13 \
    "was counted and its over or short shown" \
    M --db "$T/recount.db" dispute uphold "$CD" --void --note refund
same "the refused voids: the store unchanged" "$(store_hash "$T/recount.db")" "$before"
J --db "$T/recount.db" pay WU-10002 --type bill --method "Bank Transfer" \
    --amount 5 --reference TR-1 >/dev/null 2>&1 ||
    echo "not ok - a transfer after the count is taken"
TV=$(sqlite3 "$T/recount.db" "SELECT payment_no FROM payments WHERE method = 'Bank Transfer' ORDER BY id DESC LIMIT 1")
expect "a transfer's void after it: made (no tender of the drawer)" 0 "" \
    M --db "$T/recount.db" payment void "$TV" --reason test
APIN=1234 expect "a recount: the cashier cannot sign off her own" 5 \
    "a supervisor other than jane" A --db "$T/recount.db" shift close \
    --count "$C185,100x5" --slip "Credit Card:A1:15" --cheque "000777:30" \
    --approver jane
expect "a recount with mary's sign-off closes" 0 "Z-T01-000001" \
    A --db "$T/recount.db" shift close --count "$C185,100x5" \
    --slip "Credit Card:A1:15" --cheque "000777:30" --approver mary
# (review R20, fault 13) shift show gives the first count too
expect "shift show: the first count shown beside the count" 0 \
    "Counted first (shown short or over): \$185.00" \
    M --db "$T/recount.db" shift show Z-T01-000001
same "the recount: signed off, the tender approved, audited as a recount" \
    "$(sqlite3 "$T/recount.db" "SELECT s.signed_off_by || '/' || t.approved_by || '/' || t.over_short FROM shifts s JOIN shift_tenders t ON t.shift_id = s.id WHERE t.method = 'Cash'")/$(sqlite3 "$T/recount.db" "SELECT count(*) FROM audit_log WHERE action = 'close' AND detail LIKE '%recount=1%'")" \
    "mary/mary/0/1"
J --db "$T/recount.db" shift z Z-T01-000001 --text --out "$T/zr.txt" >/dev/null 2>&1
sed -n '/^Cash$/,/^Credit Card$/p' "$T/zr.txt" | grep -q 'Counted first (shown short or over) *\$185.00' &&
    ok "the Z report shows both counts (190.00, first 185.00)" ||
    { echo "not ok - the Z report shows both counts (190.00, first 185.00)"; sed -n '/TENDERS/,/^$/p' "$T/zr.txt"; }
same "the close keeps the first count shown, 185.00 of Cash" \
    "$(sqlite3 "$T/recount.db" "SELECT group_concat(f.method || ':' || f.counted) FROM shift_first_counts f JOIN shifts s ON s.id = f.shift_id WHERE s.z_no = 'Z-T01-000001'")" \
    "Cash:18500"
# the recount check reads a shift's shown counts by their own index, not
# by a scan of the audit log (every entry of the store)
python3 "$TOP/tests/cli/stmt_plan.py" "$TOP/src/store/audit.c" \
    "$T/recount.db" store_shift_counts_shown >"$T/plan" 2>&1
same "the shown counts: read by their index" \
    "$(sed -n 's/^1: .*\(USING INDEX audit_log_shift_counts (ref=?)\).*/\1/p' "$T/plan")" \
    "USING INDEX audit_log_shift_counts (ref=?)"
# a shift by its id or Z number, each by its index (a central node checks
# the shift of each pushed payment by it: one WHERE of the two with OR
# read every shift, 3.5 ms a payment at 20,000 shifts)
python3 "$TOP/tests/cli/stmt_plan.py" "$TOP/src/store/shifts.c" \
    "$T/recount.db" store_shift_find >"$T/plan" 2>&1
same "a shift by its id: by the id's index" \
    "$(grep -c 'SEARCH shifts USING COVERING INDEX sqlite_autoindex_shifts_1 (uuid=?)' "$T/plan")" 1
same "by its Z number as written: by the number's index" \
    "$(grep -c 'SEARCH shifts USING COVERING INDEX sqlite_autoindex_shifts_2 (z_no=?)' "$T/plan")" 1
rm -f "$T/recount.db" "$T/zr.txt" "$T/plan"

# -- SIGKILL in the middle of the close's transaction: still open, whole
for at in shifts:1 shift_counts:3 shift_tenders:2 audit_log:1; do
	"$KILL" "$PAYDESK_CONFIG" "${at%%:*}" "${at#*:}" "$C185" >"$OUT" 2>&1
	rc=$?
	[ "$rc" = 137 ] || cat "$OUT"
	same "close killed at ${at%%:*} #${at#*:}: by SIGKILL" "$rc" 137
	same "close killed at ${at%%:*}: the shift is still open, nothing half" \
	    "$(sql "SELECT status || '/' || coalesce(z_no, '-') FROM shifts")/$(sql "SELECT count(*) FROM shift_counts WHERE phase = 'close'")/$(sql 'SELECT count(*) FROM shift_tenders')/$(sql "SELECT count(*) FROM number_series WHERE series = 'z_report'")" \
	    "open/-/0/0/0"
done
expect "doctor after the kills" 0 "ok" "$PD" doctor

expect "short by 5.00 with a reason and mary's sign-off" 0 "Z-T01-000001" \
    A shift close --count $C185 --slip "Credit Card:A1:15" \
    --cheque "000777:30" --reason "Cash=Counted twice, still short" \
    --approver mary
same "the tenders as the close found them" \
    "$(sql "SELECT group_concat(method || ':' || expected || ':' || counted || ':' || over_short, ' ') FROM shift_tenders")" \
    "Cash:19000:18500:-500 Credit Card:1500:1500:0 Cheque:3000:3000:0"
same "signed off by mary, reason kept" \
    "$(sql "SELECT signed_off_by FROM shifts")/$(sql "SELECT reason FROM shift_tenders WHERE method = 'Cash'")" \
    "mary/Counted twice, still short"
same "the float kept: the opening float, at most the cash counted" \
    "$(sql 'SELECT float_kept FROM shifts')" 18500
sqlite3 "$DB" "UPDATE shifts SET float_kept = 1" 2>/dev/null
same "a closed shift cannot be changed, even in SQL" "$(sql 'SELECT float_kept FROM shifts')" 18500

# -- the second shift: its float expected is what the first kept
export PAYDESK_NOW="2026-06-15 14:00:00"
expect "open again with 180.00" 0 '-$5.00' J shift open --count 10000x1,5000x1,2000x1,1000x1
same "second shift expects the first one's float kept" \
    "$(sql "SELECT float_expected || '/' || float_counted FROM shifts ORDER BY id DESC LIMIT 1")" "18500/18000"
# (review R20, fault 7) the 5.00 gone between the two shifts is an
# exception as a close's short is (not the drawer's first float)
run M --csv report exceptions
same "the float short at the open is an exception, the first float none" \
    "$(grep -c 'Opening float' "$OUT")/$(grep 'Opening float' "$OUT" | tr -d '\r' | cut -d, -f6-8)" \
    "1/185.00,180.00,-5.00"
J pay WU-10002 --type bill --method Cash --amount 12.50 >/dev/null 2>&1
J pay WU-10003 --type bill --method Cash --amount 7.50 >/dev/null 2>&1
V=$(sql "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")
M payment void "$V" --reason "Wrong account" >/dev/null 2>&1
JX --json shift x >"$OUT"
same "a void in the shift takes its cash out of the drawer's expected" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([(t["expected"], t["payments"]) for t in d["tenders"] if t["method"]=="Cash"][0])' "$OUT")" \
    "(19250, 2)"
expect "a drop within the approval amount" 0 "Safe drop" \
    J shift drop 50 --reason "Safe drop"
# expected 180 + 12.50 - 50 = 142.50: counted exactly
expect "exact close needs no sign-off" 0 "Z-T01-000002" \
    J shift close --count 10000x1,2000x2,200x1,50x1
same "exact: over/short 0, nobody signed off" \
    "$(sql "SELECT over_short FROM shift_tenders WHERE shift_id = 2")/$(sql 'SELECT signed_off_by FROM shifts WHERE id = 2')" "0/"

# -- tolerance 1.00: a third shift over by 0.50 closes without sign-off
sed -i 's/^required = yes$/required = yes\ntolerance = 1.00/' "$PAYDESK_CONFIG"
expect "open a third shift" 0 "" J shift open --count 10000x1
expect "over by 0.50 within a tolerance of 1.00" 0 "Z-T01-000003" \
    J shift close --count 10000x1,50x1
expect "over by 2.00 beyond it" 0 "" J shift open --count 10000x1
expect "over by 2.00 beyond a tolerance of 1.00" 3 'Cash is over by $2.00' \
    J shift close --count 10000x1,200x1
expect "with a reason and sign-off" 0 "Z-T01-000004" \
    A shift close --count 10000x1,200x1 --reason "Cash=Found" --approver mary
same "Z numbers without gaps" \
    "$(sql "SELECT group_concat(z_no, ' ') FROM (SELECT z_no FROM shifts ORDER BY id)")" \
    "Z-T01-000001 Z-T01-000002 Z-T01-000003 Z-T01-000004"
# (issue 20 review, fault 2) each close's over or short in shift list
same "shift list --json: each close's over/short" \
    "$(J --json shift list | python3 -c 'import json,sys; print(" ".join("%s:%s" % (s["z_no"], s["over_short"]) for s in json.load(sys.stdin)))')" \
    "Z-T01-000004:200 Z-T01-000003:50 Z-T01-000002:0 Z-T01-000001:$(sql "SELECT sum(over_short) FROM shift_tenders WHERE shift_id = 1")"
expect "shift list: the Over/short column, signed" 0 "Over/short" J shift list
# (fault 3) shift list exported like the other listings: the workbook
# holds the CSV's cells
M --csv shift list >"$T/sl.csv" 2>&1
# (fault 11) the shift's id first: an open shift has no Z number yet
same "shift list --csv: the shift's id, first column" \
    "$(tr -d '\r' <"$T/sl.csv" | awk -F, 'NR==1{print $1} NR>1{print $1 ":" $2}' | sort)" \
    "$({ printf 'uuid\n'; sqlite3 -separator : "$DB" "SELECT uuid, z_no FROM shifts"; } | sort)"
expect "shift list to a workbook" 0 "Wrote 4 rows" M --xlsx "$T/sl.xlsx" shift list
python3 "$TOP/tests/tools/xlsx_cells.py" --compare "$T/sl.csv" "$T/sl.xlsx" tttttwmMtWt >"$OUT" 2>&1 &&
    grep -q "^rows 4" "$OUT" && ok "shifts workbook = CSV, cell by cell" ||
    notok "shifts workbook = CSV, cell by cell" "$(cat "$OUT")"
J shift list >"$OUT" 2>&1
grep "Z-T01-000004" "$OUT" | grep -q '\$2\.00' && ok "shift list: Z4 over by \$2.00" ||
    notok "shift list: Z4 over by \$2.00" "$(cat "$OUT")"

# -- flagged: open longer than max_hours (12), or across midnight
export PAYDESK_NOW="2026-06-16 08:00:00"
expect "a fifth shift at 08:00" 0 "" J shift open --count 10000x1
PAYDESK_NOW="2026-06-16 21:00:00" expect "13 hours later it is flagged: which flag said" 0 \
    "open past the configured length (12 h)" J shift status
PAYDESK_NOW="2026-06-16 21:00:00" J shift status >"$OUT" 2>&1
grep -q "midnight" "$OUT" && echo "not ok - the same day: not said over midnight" ||
    ok "the same day: not said over midnight"
PAYDESK_NOW="2026-06-16 21:00:00" expect "shift list shows which flag" 0 "past 12 h" \
    J shift list --open
# (issue 20 review, fault 1) which flag: JSON a boolean and the words
flags() { python3 -c 'import json,sys; d=json.load(sys.stdin); d=d[0] if isinstance(d,list) else d; print("%s:%s" % (json.dumps(d["flagged"]), ",".join(d["flags"])))'; }
same "status --json at 21:00: flagged true, too_long" \
    "$(PAYDESK_NOW="2026-06-16 21:00:00" J --json shift status | flags)" "true:too_long"
same "shift list --json at 21:00: flagged true, too_long" \
    "$(PAYDESK_NOW="2026-06-16 21:00:00" J --json shift list --open | flags)" "true:too_long"
same "status --json the next morning: both flags" \
    "$(PAYDESK_NOW="2026-06-17 09:00:00" J --json shift status | flags)" "true:overnight,too_long"
PAYDESK_NOW="2026-06-17 09:00:00" expect "the next morning: both said" 0 \
    "left open over midnight; open past the configured length (12 h)" J shift status
same "shift list --csv the next morning: both flags as stored" \
    "$(PAYDESK_NOW="2026-06-17 09:00:00" J --csv shift list --open | tr -d '\r' | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin))[0]; print(r["flagged"] + ":" + r["flags"])')" \
    "true:overnight, too_long"
same "shift list --json: an open shift's over/short is none" \
    "$(J --json shift list --open | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)[0]["over_short"]))')" "null"
same "status --json at 19:00: flagged false, no flags" \
    "$(PAYDESK_NOW="2026-06-16 19:00:00" J --json shift status | flags)" "false:"
PAYDESK_NOW="2026-06-16 19:00:00" J shift status >"$OUT" 2>&1
grep -q "Flag" "$OUT" && echo "not ok - 11 hours is not flagged" || \
    ok "11 hours is not flagged"
# two card payments, counted as two slips in one line (the screen's card
# step: how many slips, their total); the count is kept (issue 20, point 2)
J pay WU-10002 --type bill --method "Credit Card" --amount 20 >/dev/null 2>&1
J pay WU-10003 --type bill --method "Credit Card" --amount 25 >/dev/null 2>&1
refused "close: no number of slips" 3 "write METHOD=NUMBER:AMOUNT" \
    J shift close --count 10000x1 --slip "Credit Card=0:45"
expect "close: a number of slips with a letter" 3 "write METHOD=NUMBER:AMOUNT" \
    J shift close --count 10000x1 --slip "Credit Card=2x:45"
expect "close: slips of no method" 3 "write METHOD=NUMBER:AMOUNT" \
    J shift close --count 10000x1 --slip "=2:45"
expect "close: too many slips" 3 "the number of slips 1 to 1000000" \
    J shift close --count 10000x1 --slip "Credit Card=1000001:45"
expect "close: slips of a transfer" 3 "Bank Transfer is not counted" \
    J shift close --count 10000x1 --slip "Bank Transfer=2:45"
# (review R20, fault 23) a total beside a tender's notes or slips was
# added to them, its over shown (and standing)
expect "close: a total of Cash beside its notes" 3 "Cash is counted twice" \
    J shift close --count 10000x1 --total "Cash=100"
expect "close: a card's slips and a total of it" 3 "Credit Card is counted twice" \
    J shift close --count 10000x1 --slip "Credit Card=1:45" --total "Credit Card=45"
expect "close it" 0 "Z-T01-000005" J shift close --count 10000x1 \
    --slip "Credit Card=2:45"
has "the close says the items counted" "Items counted"
same "the slip count is stored" \
    "$(sql "SELECT group_concat(c.method || ':' || c.kind || ':' || c.qty || ':' || c.amount, ' ') FROM shift_counts c JOIN shifts s ON s.id = c.shift_id WHERE s.z_no = 'Z-T01-000005' AND c.phase = 'close'")" \
    "Cash:denomination:1:10000 Credit Card:slip:2:4500"
J --json shift show Z-T01-000005 >"$OUT"
same "shift show: the tenders' items counted" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join("%s=%d/%d" % (t["method"], t["counted"], t["items"]) for t in d["tenders"]))' "$OUT")" \
    "Cash=10000/1 Credit Card=4500/2"
same "shift show: every line of the close's count" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join("%s/%s/%d/%d" % (c["method"], c["kind"], c["qty"], c["amount"]) for c in d["counts"]))' "$OUT")" \
    "Cash/denomination/1/10000 Credit Card/slip/2/4500"
J shift show Z-T01-000005 >"$OUT" 2>&1
has "shift show: the slips' count as people read it" "Card slips"
# a shift found by its id, its Z number as written, or in another case
# (store_shift_find: each by its own probe, the id's and the Z number's
# by their indexes; one WHERE with OR read every shift)
U5=$(sql "SELECT uuid FROM shifts WHERE z_no = 'Z-T01-000005'")
same "shift show by its id in capitals: that shift" \
    "$(J --json shift show "$(echo "$U5" | tr a-f A-F)" | python3 -c 'import json,sys; print(json.load(sys.stdin)["z_no"])')" Z-T01-000005
same "by its Z number in lower case: that shift" \
    "$(J --json shift show z-t01-000005 | python3 -c 'import json,sys; print(json.load(sys.stdin)["uuid"])')" "$U5"
expect "a Z number of none: not found, said" 4 'No shift with Z number or id "Z-T01-000099"' \
    J shift show Z-T01-000099
expect "nor an id of none" 4 "No shift with Z number or id" \
    J shift show 01234567-89ab-7000-8000-000000000000
J shift z Z-T01-000005 --text --out "$T/z5.txt" >/dev/null 2>&1
for w in "2 slips" "Slips counted" "Notes and coins"; do
	grep -qF -- "$w" "$T/z5.txt" && ok "Z report says $w" || \
	    echo "not ok - Z report lacks $w"
done
export PAYDESK_NOW="2026-06-16 23:00:00"
expect "a sixth shift at 23:00" 0 "" J shift open --count 10000x1
PAYDESK_NOW="2026-06-17 01:00:00" expect "two hours later, past midnight: flagged" 0 \
    "left open over midnight" J shift status
# (review R20, fault 7) closed at 01:10, on a copy: the flag stays with
# the shift in shift list, shift show and its Z report the next morning
cp "$DB" "$T/flag.db"
FL() { J --db "$T/flag.db" "$@"; }
PAYDESK_NOW="2026-06-17 01:10:00" expect "closed past midnight: the close says the flag" 0 \
    "left open over midnight" FL shift close --count 10000x1
PAYDESK_NOW="2026-06-17 08:00:00" FL --json shift list --limit 2 >"$OUT"
same "shift list the next morning: flagged, the one closed the day it opened not" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%s:%s" % (s["z_no"], json.dumps(s["flagged"]), ",".join(s["flags"])) for s in json.load(open(sys.argv[1]))))' "$OUT")" \
    "Z-T01-000006:true:overnight Z-T01-000005:false:"
PAYDESK_NOW="2026-06-17 08:00:00" expect "shift show keeps the flag" 0 \
    "left open over midnight" FL shift show Z-T01-000006
FL shift z Z-T01-000006 --text --out "$T/z6.txt" >/dev/null 2>&1
grep -q "Flag.*left open over midnight" "$T/z6.txt" && ok "the Z report keeps the flag" ||
    echo "not ok - the Z report keeps the flag"
FL shift show Z-T01-000005 >"$OUT" 2>&1
grep -q "Flag" "$OUT" && echo "not ok - a shift closed the day it opened is flagged" ||
    ok "a shift closed the day it opened is not flagged"
same "each close keeps its shift's flag" \
    "$(sqlite3 "$T/flag.db" "SELECT group_concat(s.z_no || ':' || f.flagged, ' ') FROM shift_flags f JOIN shifts s ON s.id = f.shift_id")" \
    "Z-T01-000001:0 Z-T01-000002:0 Z-T01-000003:0 Z-T01-000004:0 Z-T01-000005:0 Z-T01-000006:1"
same "and carried by its close's record" \
    "$(sqlite3 "$T/flag.db" "SELECT json_extract(payload, '\$.data.flagged') FROM outbox WHERE kind = 'shift_close' ORDER BY id DESC LIMIT 1")" 1
sqlite3 "$T/flag.db" "UPDATE shift_flags SET flagged = 0" 2>/dev/null &&
    echo "not ok - a kept flag cannot be changed" || ok "a kept flag cannot be changed"
rm -f "$T/flag.db"

# -- the Z report: PDF read back, its reprint a COPY; not found, open
expect "Z report PDF" 0 "original" J shift z Z-T01-000001 --out "$T/z1.pdf"
pdftotext -layout "$T/z1.pdf" "$T/z1.txt"
for w in "Z REPORT" "Z-T01-000001" "Jane Smith" '$190.00' '$185.00' \
    '-$5.00' "Counted twice, still short" "Signed off by" "000777" "Petty cash"; do
	grep -qF -- "$w" "$T/z1.txt" && ok "Z PDF says $w" || \
	    echo "not ok - Z PDF lacks $w"
done
grep -q "COPY" "$T/z1.txt" && echo "not ok - the original says COPY" || \
    ok "the original is no COPY"
# (s72 h11 fault 2) the drawer's first shift has no previous close: its
# expected float is not known, so no difference, as report exceptions
# lists none (above); shift show, its JSON and the Z report agree
case "$(tr -s ' ' <"$T/z1.txt")" in
*"Opening float expected no previous close"*) ok "Z PDF: the first shift, no previous close" ;;
*) notok "Z PDF: the first shift, no previous close" ;; esac
grep -q "Opening float difference" "$T/z1.txt" &&
    notok "Z PDF: no float difference of the first shift" ||
    ok "Z PDF: no float difference of the first shift"
run J shift show Z-T01-000001
case "$(tr -s ' ' <"$OUT")" in
*"Opening float expected no previous close"*"Opening float difference"*) notok "shift show: no previous close, no difference" "$(cat "$OUT")" ;;
*"Opening float expected no previous close"*) ok "shift show: no previous close, no difference" ;;
*) notok "shift show: no previous close, no difference" "$(cat "$OUT")" ;; esac
run J --json shift show Z-T01-000001
same "shift show --json: expected and difference null" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["float_expected"], d["float_difference"], d["float_counted"])' "$OUT")" \
    "None None 22000"
run J --json shift show Z-T01-000002
same "shift show --json: the second's expected and difference" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["float_expected"], d["float_difference"])' "$OUT")" \
    "18500 -500"
expect "Z report reprinted" 0 "copy" J shift z Z-T01-000001 --out "$T/z2.pdf"
pdftotext "$T/z2.pdf" - | grep -q "COPY" && ok "the reprint says COPY" || \
    echo "not ok - the reprint says COPY"
# a label that wraps in its column takes its rows (issue 25 review: the
# es "Fondo conservado en el cajón" ran into the row below it)
# (the organisation's language is its administrator's file's: the
# store's own file is changed for it, and put back)
cp "$PAYDESK_CONFIG" "$T/admin.ini.bak"
for L in es fr; do
	printf '%s\n[organisation]\nlanguage = %s\n' "$(cat "$T/admin.ini.bak")" \
	    "$L" >"$PAYDESK_CONFIG"
	run env PAYDESK_PIN=1234 "$PD" --user jane \
	    shift z Z-T01-000001 --out "$T/z-$L.pdf"
	pdftotext -layout "$T/z-$L.pdf" "$T/z-$L.txt"
	python3 - "$T/z-$L.txt" "$L" <<'PY' && ok "$L Z PDF: the float kept's label apart from the next row" || { echo "not ok - $L Z PDF: the float kept's label apart from the next row"; sed 's/^/  | /' "$T/z-$L.txt" | head -60; }
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
label = {'es': 'Fondo conservado en el cajón',
    'fr': 'Fonds conservé dans le tiroir-caisse'}[sys.argv[2]]
i = next(k for k, l in enumerate(lines) if label[:12] in l)
# the amount on its first line; the label's rest, if any, alone on the
# next (not beside another row's label or value)
rest = lines[i + 1].strip()
ok = '$' in lines[i] and (label in lines[i] or
    (rest != '' and label.endswith(rest)))
sys.exit(0 if ok else 1)
PY
done
cp "$T/admin.ini.bak" "$PAYDESK_CONFIG"
expect "Z report as text" 0 "" J shift z z-t01-000002 --text --out "$T/z2.txt"
has "the Z number as stored, not as typed" "Z-T01-000002"
grep -q "Z-T01-000002" "$T/z2.txt" && ok "text Z report, any case" || \
    echo "not ok - text Z report, any case"
refused "no such Z number" 4 'No shift with Z number or id "Z-T01-999999"' \
    J shift z Z-T01-999999
# --text alone is a preview, as a receipt's (review s50, helper-216: it
# was logged, the Z report's original used up by a look at it)
refused "a Z report's --text alone: a preview, nothing written or logged" 0 \
    "Z REPORT" J shift z z-t01-000004 --text
same "the preview on standard output, no file" \
    "$(grep -c 'Z-T01-000004' "$OUT")/$(ls "$T"/receipts/Z-T01-000004* 2>/dev/null | wc -l)" "1/0"
expect "its first file after the preview is the original" 0 "original" \
    J shift z Z-T01-000004 --out "$T/z4.pdf"
U=$(sql "SELECT uuid FROM shifts WHERE status = 'open'")
expect "an open shift has no Z report" 13 "is open" J shift z "$U"
expect "shift show by Z number" 0 "Counted twice" M shift show Z-T01-000001
expect "shift list, every shift" 0 "Z-T01-000005" M shift list
# (review R20, fault 22) filters that cannot match are said, not listed
# as none
expect "shift list --cashier of no user: 2, named (s72 fault 9: 3)" 2 'Cashier "nobody": not one of' \
    M shift list --cashier nobody
expect "shift list --from after --to" 3 "is after --to" \
    M shift list --from 2026-06-15 --to 2026-06-10
# the headers in the reader's language, the context "column" included;
# JSON and CSV the same bytes in every language (issue 25 review)
LANGUAGE=fr expect "shift list in French: every header" 0 \
    "Fonds" M shift list
LANGUAGE=fr expect "shift list in French: no English header" 0 \
    "Alerte" M shift list
same "shift list --json: the same bytes in en and fr" \
    "$(LANGUAGE=fr M --json shift list | md5sum)" "$(LANGUAGE=en M --json shift list | md5sum)"
same "shift list --csv: the same bytes in en and es" \
    "$(LANGUAGE=es M --csv shift list | md5sum)" "$(LANGUAGE=en M --csv shift list | md5sum)"
same "jane's list shows her shifts" "$(J --json shift list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" 6
# (issue 20, tester) a cashier lists her own shifts only: --cashier
# naming another is refused as the supervisor's (paydesk(1), ROLES), not
# answered with her own under his name; her own name is taken
refused "a cashier's shift list --cashier of another: refused" 5 \
    "another cashier's shifts need the supervisor role" J shift list --cashier mary
same "a cashier's shift list --cashier of her own name: her shifts" \
    "$(J --json shift list --cashier jane | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" 6

# -- the configuration: [shifts] checked like every key (file, section, key)
printf '[shifts]\ndenominations = 500, 1000\n' >"$T/bad.ini"
expect "config: denominations not from the largest" 3 "largest to the smallest" \
    "$PD" --config "$T/bad.ini" config
printf '[shifts]\ndenominations = 1000, 5.00\n' >"$T/bad.ini"
expect "config: a denomination not in minor units" 3 'Denomination "5.00"' \
    "$PD" --config "$T/bad.ini" config
printf '[shifts]\nrequired = maybe\n' >"$T/bad.ini"
expect "config: required is yes or no" 3 "required" "$PD" --config "$T/bad.ini" config
printf '[payments]\nmethods = Cash:cash, Chq:Cheque, Wire:bank\n' >"$T/ok.ini"
expect "config: a method of kind cheque, shown as written" 0 "Chq:cheque, Wire:bank" \
    "$PD" --config "$T/ok.ini" config
printf '[payments]\nmethods = Cash:cash, Chq:cheques\n' >"$T/bad.ini"
expect "config: a kind that is none" 3 'unknown kind "cheques" (cash, card, bank, cheque or online)' \
    "$PD" --config "$T/bad.ini" config
printf '[numbers]\nz_report = Z-{NOPE}\n' >"$T/bad.ini"
expect "config: a Z number format with an unknown token" 3 "z_report" \
    "$PD" --config "$T/bad.ini" config

# (review R20) a cheque is paper in the drawer like cash, but one taken
# with no shift open belonged to no shift: no close counted it, deposit
# pending never offered it, no exception named it. Every tender the
# drawer counts as paper (cash, cheques) needs an open shift when shifts
# are required (13, nothing stored); a card or a transfer as before.
# sam has no shift; on a copy of the store.
cp "$DB" "$T/cheque.db"
S() { PAYDESK_PIN=4321 "$PD" --db "$T/cheque.db" --user sam "$@"; }
n0=$(sqlite3 "$T/cheque.db" "SELECT count(*) FROM payments")
expect "a cheque taken with no shift open: refused" 13 \
    "A cheque (Cheque) is taken in an open shift" \
    S pay WU-10002 --type bill --method Cheque --amount 35 --reference 000950
expect "cash with no shift open: refused" 13 "Cash is taken in an open shift" \
    S pay WU-10002 --type bill --method Cash --amount 35
same "nothing stored for either" "$(sqlite3 "$T/cheque.db" "SELECT count(*) FROM payments")" "$n0"
expect "a card with no shift open: taken as before" 0 "" \
    S pay WU-10002 --type bill --method "Credit Card" --amount 5 --reference C-1
expect "a transfer with no shift open: taken as before" 0 "" \
    S pay WU-10002 --type bill --method "Bank Transfer" --amount 5 --reference TRF-NS-1
# [shifts] required is the organisation's (review R20b 3): a file of the
# cashier's own does not lift it, and says so once (file, key, the value
# in force); the store's administrator's file does
printf '[shifts]\nrequired = no\ntolerance = 999.00\n' >"$T/noshift.ini"
cat "$PAYDESK_CONFIG" "$T/noshift.ini" >"$T/noshift2.ini"
NS() { PAYDESK_PIN=4321 "$PD" --config "$T/noshift2.ini" --db "$T/cheque.db" --user sam "$@"; }
expect "a cashier's own file does not lift [shifts] required" 13 \
    "Cash is taken in an open shift" NS pay WU-10002 --type bill --method Cash --amount 35
has "it warns naming the file, the key and the value in force" \
    "noshift2.ini: [shifts] required is the organisation's, not this file's (no): in force yes"
has "and the tolerance too: the administrator's file's" "[shifts] tolerance is the organisation's, not this file's (999.00): in force 1.00 (from this store's administrator's file"
same "said once a run, a line a key" "$(grep -c 'required is the organisation' "$OUT")" 1
expect "paydesk config shows the value in force" 0 "required = yes" NS config
cp "$PAYDESK_CONFIG" "$T/admin.ini.bak"
cat "$T/noshift.ini" >>"$PAYDESK_CONFIG"
expect "shifts not required by the administrator's file: a cheque with no shift is taken" 0 "" \
    S pay WU-10002 --type bill --method Cheque --amount 35 --reference 000951
cp "$T/admin.ini.bak" "$PAYDESK_CONFIG"
rm -f "$T/cheque.db" "$T/noshift.ini" "$T/noshift2.ini"

# (review R20, fault 6) a cash payment's void hands its cash back out of
# the drawer: with no shift open at the terminal it left no drawer, and
# one beyond the drawer's cash took its expected below zero. On a copy.
cp "$DB" "$T/void.db"
V() { PAYDESK_PIN=1234 PAYDESK_APPROVER_PIN=2222 "$PD" --db "$T/void.db" --user jane "$@"; }
VX() { V "$@" --approver mary; }
MV() { PAYDESK_PIN=2222 "$PD" --db "$T/void.db" --user mary "$@"; }
V shift close --count 10000x1 --reason "Cash=x" --approver mary >/dev/null 2>&1
R=$(sqlite3 "$T/void.db" "SELECT payment_no FROM payments WHERE method = 'Cash' AND status = 'Posted' AND amount > 100 ORDER BY id DESC LIMIT 1")
expect "a cash void with no shift open: refused" 13 \
    "hands" MV payment void "$R" --reason "Wrong account"
# (review R20b) and a dispute's uphold by a void the same
D=$(MV dispute open "$R" --reason wrong-account --note x 2>/dev/null | sed -n 's/^Dispute  *//p')
expect "an uphold's void of cash with no shift open: refused" 13 \
    "hands" MV dispute uphold "$D" --void --note refund
V shift open --count 100x1 >/dev/null || echo "not ok - void: open"
expect "a cash void beyond the drawer's 1.00: refused" 3 \
    "expected in the drawer" MV payment void "$R" --reason "Wrong account"
expect "an uphold's void of cash beyond the drawer's 1.00: refused" 3 \
    "expected in the drawer" MV dispute uphold "$D" --void --note refund
same "none voided it" "$(sqlite3 "$T/void.db" "SELECT status FROM payments WHERE payment_no = '$R'")" "Posted"
same "the dispute stays open" "$(sqlite3 "$T/void.db" "SELECT status FROM disputes WHERE dispute_no = '$D'")" "open"
# (review R20, fault 19) a tender's count of payments said as one
expect "the X report: each tender's payments counted in words" 0 \
    "Cash 0 payments; Expected: \$1.00" VX shift x
# (review R20b) a void's cash handed back is on the X and Z reports: the
# drawer's 1.00, a pay-in of 20.00 and a 4.00 cash payment voided:
# expected 21.00, the 4.00 refund said
V shift pay-in 20 --reason "Change from safe" >/dev/null || echo "not ok - void: pay-in"
R4=$(V pay WU-10001 --type bill --method Cash --amount 4 --tendered 4 2>/dev/null | sed -n 's/^Receipt number *//p')
MV payment void "$R4" --reason "Wrong account" >/dev/null || echo "not ok - void of $R4"
expect "the X report says the void's refund" 0 \
    "Cash 1 payment; Expected: \$21.00; Voids: 1; Refunded by voids: \$4.00" VX shift x
same "and in --json" "$(VX --json shift x | python3 -c 'import json,sys; t=json.load(sys.stdin)["tenders"][0]; print(t["voids"], t["voided"], t["expected"])')" \
    "1 400 2100"
V shift close --count 1000x2,100x1 >/dev/null 2>&1 || echo "not ok - void: close"
V shift z "$(sqlite3 "$T/void.db" "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")" --text --out "$T/void.txt" >/dev/null 2>&1
same "the Z report says it in the Expected column" \
    "$(grep -A2 '^Refunded by voids' "$T/void.txt" | tr -s ' \n' ' ')" "Refunded by voids 1 void -\$4.00 "
rm -f "$T/void.db" "$T/void.txt"

# (review R20) a Z report of three tenders and six movements on A4 that
# ends at the foot of its first page: its second page held the running
# header and the footer alone. Each page must hold some of the report.
# On a copy of the store, jane's open shift closed first.
cp "$DB" "$T/page.db"
P() { PAYDESK_APPROVER_PIN=2222 J --db "$T/page.db" "$@"; }
P shift close --count 10000x1 --reason "Cash=x" --approver mary >/dev/null 2>&1
P shift open --count 10000x1 >/dev/null || echo "not ok - page: open"
P pay WU-10001 --type bill --method Cash --amount 10 >/dev/null
P pay WU-10002 --type bill --method "Credit Card" --amount 15 --reference A1 >/dev/null
P pay WU-10003 --type bill --method Cheque --amount 30 --reference 000777 >/dev/null
for i in 1 2; do
	P shift pay-in 5 --reason "Change from safe" >/dev/null
	P shift pay-out 2 --reason "Petty cash" >/dev/null
	P shift drop 3 --reason "Safe drop" >/dev/null
done
P shift close --count 10000x1,500x1 --slip "Credit Card:A1:15" \
    --cheque "000777:30;C0:1;C1:1" --reason "Cash=Counted twice, still short;Cheque=y" \
    --approver mary >"$OUT" 2>&1 || cat "$OUT"
Z=$(sqlite3 "$T/page.db" "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
P shift z "$Z" --out "$T/page.pdf" >/dev/null 2>&1
np=$(pdfinfo "$T/page.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')
blank=
p=1
while [ "$p" -le "${np:-0}" ]; do
	# a page's lines less the running header, the footer and the page number
	n=$(pdftotext -f $p -l $p -layout "$T/page.pdf" - | grep -v '^[[:space:]]*$' |
	    grep -v -e "generated .* by paydesk" -e "Page $p of" -e "^Z REPORT  *$Z\$" | wc -l)
	[ "$n" -gt 0 ] || blank="$blank $p"
	p=$((p + 1))
done
same "a Z report's pages each hold some of it (pages: $np)" "${np:+x}$blank" "x"
rm -f "$T/page.db" "$T/page.pdf"

# -- (review R20, fault 8) a shift left open by a cashier who has gone
# holds the drawer: a supervisor closes it with a blind count of their
# own, the Z report naming who closed it, the audit whose shift it was
cp "$DB" "$T/gone.db"
G() { PAYDESK_PIN=4321 "$PD" --db "$T/gone.db" --user sam "$@"; }
GM() { PAYDESK_PIN=2222 "$PD" --db "$T/gone.db" --user mary "$@"; }
gone=$(store_hash "$T/gone.db")
expect "jane's shift holds the drawer: sam is told who may close it" 13 \
    "by its cashier or a supervisor (paydesk shift close --cashier jane)" \
    G shift open --count 10000x1
expect "a cashier closes no other's shift" 5 "supervisor" \
    G shift close --cashier jane --count 10000x1
expect "--cashier of no user: named" 4 "--cashier nobody: no such user" \
    GM shift close --cashier nobody --count 10000x1
expect "--cashier of one with no open shift: said" 13 \
    "sam has no open shift at terminal T01" \
    GM shift close --cashier sam --count 10000x1
same "the refusals changed nothing" "$(store_hash "$T/gone.db")" "$gone"
# (issue 20 review, fault 5) whose shift a supervisor counts is said,
# even when the count is refused beyond the tolerance
# (on a copy: the count shown stays with the shift)
cp "$T/gone.db" "$T/gone2.db"
PAYDESK_PIN=2222 "$PD" --db "$T/gone2.db" --user mary shift close --cashier jane --count 10000x6 >"$OUT" 2>&1
rm -f "$T/gone2.db"
grep -q "^Cashier  *jane$" "$OUT" && grep -q "^Terminal  *T01$" "$OUT" &&
    ok "a close refused: whose shift and which terminal said" ||
    notok "a close refused: whose shift and which terminal said" "$(cat "$OUT")"
# (s72 h8 fault 7) a supervisor's own close beyond the tolerance is
# signed off by a second supervisor: said so, with --approver
cp "$T/gone.db" "$T/gone3.db"
expect "a supervisor's close beyond the tolerance: a second supervisor asked" 5 \
    "A close beyond the tolerance needs the sign-off of a second supervisor, another user than mary: their user name and PIN (--approver USER)" \
    env PAYDESK_PIN=2222 "$PD" --db "$T/gone3.db" --user mary shift close \
    --cashier jane --count 10000x6 --reason "Cash=miscount"
rm -f "$T/gone3.db"
expect "a supervisor closes the shift jane left open" 0 "Z-T01-" \
    GM shift close --cashier jane --count 10000x1
has "the close names jane's shift" "jane"
same "closed by mary, jane's shift, audited under mary naming jane" \
    "$(sqlite3 "$T/gone.db" "SELECT s.cashier || '/' || s.closed_by || '/' || s.status FROM shifts s ORDER BY s.id DESC LIMIT 1")|$(sqlite3 "$T/gone.db" "SELECT \"user\" FROM audit_log WHERE action = 'close' AND detail LIKE '%cashier=jane%'")" \
    "jane/mary/closed|mary"
Z=$(sqlite3 "$T/gone.db" "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
GM shift z "$Z" --text --out "$T/gone.txt" >/dev/null 2>&1
grep -q "Closed by.*mary" "$T/gone.txt" && ok "the Z report says mary closed it" ||
    echo "not ok - the Z report says mary closed it"
grep -q "Counted by.*mary, not the shift's cashier jane" "$T/gone.txt" &&
    ok "the Z report: who counted, not whose shift" ||
    notok "the Z report: who counted, not whose shift" "$(cat "$T/gone.txt")"
expect "then sam opens the drawer" 0 "" G shift open --count 10000x1
rm -f "$T/gone.db" "$T/gone.txt"

# -- the audit trail and the store
same "audited: opens, movements, closes" \
    "$(sql "SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE entity = 'shift' ORDER BY id)")" \
    "open,movement,movement,count,close,open,movement,close,open,close,open,count,close,open,close,open"
expect "doctor at the end" 0 "ok" "$PD" doctor

# -- the cheques listed against those the shift took (review s50,
# helper-216): by number (any case) and amount, as many of each; a cheque
# listed under another number balanced the close (the amounts agreed) and
# went to the bank with no payment behind it. jane's shift open above:
# four cheques, one voided in the shift (given back: not in the drawer),
# and one taken with no number (Cheque asks none: an organisation that
# says Cheque:cheque:optional; required by default, s72 h8 fault 2): any
# listed of its amount
sed -i 's/^\[shifts\]$/[payments]\nmethods = Cash:cash, Credit Card:card, Debit Card:card, Bank Transfer:bank, Cheque:cheque:optional, Online:online\n[shifts]/' "$PAYDESK_CONFIG"
for c in "CQ-501:40" "cq-502:15.50" "CQ-503:15.50" "CQ-504:9.99"; do
	J pay WU-10002 --type bill --method Cheque --amount "${c#*:}" \
	    --reference "${c%%:*}" >/dev/null 2>&1 || echo "not ok - cheque $c"
done
J pay WU-10002 --type bill --method Cheque --amount 12 >/dev/null 2>&1 ||
    echo "not ok - a cheque taken with no number"
M payment void "$(sql "SELECT payment_no FROM payments WHERE reference = 'CQ-504'")" \
    --reason "Wrong account" >/dev/null 2>&1 || echo "not ok - CQ-504 voided"
# the cash as expected, every other tender as taken: only the cheques differ
CASH=$(JX --json shift x | python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%d.%02d" % divmod([t["expected"] for t in d["tenders"] if t["method"] == "Cash"][0], 100))')
OTHER=$(JX --json shift x | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(";".join("%s=%d.%02d" % ((t["method"],) + divmod(t["expected"], 100)) for t in d["tenders"] if t["method"] not in ("Cash", "Cheque") and t["expected"] > 0))')
[ -n "$OTHER" ] && set -- --total "$OTHER" || set --
for k in 0 1 2 3 4 5; do cp "$DB" "$T/cq$k.db"; done
expect "cheques listed in another case, the voided one left out: matched, closed" 0 \
    "Z-T01-" J --db "$T/cq1.db" shift close --total "Cash=$CASH" "$@" \
    --cheque "cq-501:40;CQ-502:15.50;cq-503:15.50;CQ-777:12"
same "closed with none not matched, nobody signed off" \
    "$(grep -c 'Cheques not matched' "$OUT")/$(sqlite3 "$T/cq1.db" "SELECT signed_off_by FROM shifts ORDER BY id DESC LIMIT 1")" "0/"
expect "the voided cheque listed too: over by it (status 3)" 3 \
    'Cheque is over by $9.99' \
    J --db "$T/cq2.db" shift close --total "Cash=$CASH" "$@" \
    --cheque "CQ-501:40;CQ-502:15.50;CQ-503:15.50;CQ-504:9.99;CQ-777:12"
has "and it listed, not taken" 'Cheques not matched: listed, not taken: CQ-504 $9.99'

expect "one cheque listed twice, another missing" 3 \
    'listed, not taken: CQ-501 $40.00 / taken, not listed: CQ-503 $15.50' \
    J --db "$T/cq3.db" shift close --total "Cash=$CASH" "$@" \
    --cheque "CQ-501:40;CQ-501:40;CQ-502:15.50;CQ-777:12"
has "(its amounts over by 24.50 too)" 'Cheque is over by $24.50'
expect "a cheque's number with another amount (both sides)" 3 \
    'listed, not taken: CQ-501 $4.00 / taken, not listed: CQ-501 $40.00' \
    J --db "$T/cq4.db" shift close --total "Cash=$CASH" "$@" \
    --cheque "CQ-501:4;CQ-502:15.50;CQ-503:15.50;CQ-777:12"
expect "the cheque with no number not listed: short by it" 3 \
    'Cheque is short by $12.00' J --db "$T/cq5.db" shift close \
    --total "Cash=$CASH" "$@" --cheque "CQ-501:40;CQ-502:15.50;CQ-503:15.50"
has "and named so" 'Cheques not matched: taken, not listed: (no number) $12.00'
# in the reader's words, whatever the words it was kept in (a fresh
# tester's, s73: "Cheques sin coincidencia: taken, not listed: 105")
for l in es fr; do
	case $l in
	es) want='tomados, no listados: (sin número) $12.00' ;;
	fr) want='reçus, non listés : (sans numéro) $12.00' ;;
	esac
	LANGUAGE=$l run J --db "$T/cq5.db" shift close --total "Cash=$CASH" "$@" \
	    --cheque "CQ-501:40;CQ-502:15.50;CQ-503:15.50"
	has "$l: the cheques not matched in its words" "$want"
done
# (s72 h8 fault 2) a cheque listed with no number is counted by its
# amount: the one a payment took with none is accounted for
expect "the cheque with no number listed with none: matched, closed" 0 \
    "Z-T01-" J --db "$T/cq0.db" shift close --total "Cash=$CASH" "$@" \
    --cheque "CQ-501:40;CQ-502:15.50;CQ-503:15.50;:12"
same "listed with no number: none not matched, nobody signed off" \
    "$(grep -c 'Cheques not matched' "$OUT")/$(sqlite3 "$T/cq0.db" "SELECT signed_off_by FROM shifts ORDER BY id DESC LIMIT 1")" "0/"
expect "a cheque listed under another number, the amounts agreeing: beyond (status 3)" 3 \
    'Cheque: the cheques listed are not those the shift took (listed, not taken: CQ-599 $15.50 / taken, not listed: cq-502 $15.50): give a reason' \
    J shift close --total "Cash=$CASH" "$@" --cheque "CQ-501:40;CQ-599:15.50;CQ-503:15.50;CQ-777:12"
has "the result names them under the tender" \
    'Cheques not matched: listed, not taken: CQ-599 $15.50 / taken, not listed: cq-502 $15.50'
same "the count shown kept, with the cheques not matched" \
    "$(sql "SELECT detail FROM audit_log WHERE action = 'count' ORDER BY id DESC LIMIT 1" | sed 's/.*; Cheque not matched=/Cheque not matched=/')" \
    'Cheque not matched=listed, not taken: CQ-599 $15.50 / taken, not listed: cq-502 $15.50'
# the numbers shown are what the shift took: listed again to them, a
# recount (a supervisor's sign-off), as a count again to the amount shown
expect "listed again to the numbers shown: a recount needing a sign-off (status 5)" 5 \
    "A count other than the one whose over or short was shown" \
    J shift close --total "Cash=$CASH" "$@" --cheque "CQ-501:40;cq-502:15.50;CQ-503:15.50;CQ-777:12"
# (review s50, helper-217) the list shown, in another order and case, is
# that list: no recount
expect "with a reason and a sign-off as shown (in another order and case): closed" 0 "Z-T01-" \
    A shift close --total "Cash=$CASH" "$@" \
    --cheque "CQ-777:12;cq-503:15.50;cq-599:15.50;CQ-501:40" \
    --reason "Cheque=CQ-599 is the payer's cheque, 502 mistyped" --approver mary
same "not a recount: no Counted first" "$(grep -c 'Counted first' "$OUT")" 0
# the cheques not matched are kept with the close, not only in the
# audit's count entry (review s50, helper-217): shift show, its JSON, the
# Z report and its reprint say them
# (the list as given to the close that stood: cq-599)
UM='listed, not taken: cq-599 $15.50 / taken, not listed: cq-502 $15.50'
ZC=$(sql "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
same "kept with its tender" \
    "$(sql "SELECT u.method || '=' || u.cheques FROM shift_unmatched u JOIN shifts s ON s.id = u.shift_id WHERE s.z_no = '$ZC'")" \
    "Cheque=$UM"
expect "shift show names them under the tender" 0 "Cheques not matched: $UM" \
    M shift show "$ZC"
# kept in the store's words, read in the reader's: closed in English,
# shown in Spanish and French (a fresh tester's, s73: "Cheques sin
# coincidencia: taken, not listed: 105 $12.00")
expect "es: shift show says them in Spanish" 0 \
    'listados, no tomados: cq-599 $15.50 / tomados, no listados: cq-502 $15.50' \
    env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary shift show "$ZC"
same "shift show --json: cheques_unmatched of Cheque alone" \
    "$(M --json shift show "$ZC" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print([(t["method"], t["cheques_unmatched"]) for t in d["tenders"] if "cheques_unmatched" in t])')" \
    "[('Cheque', '$UM')]"
J shift z "$ZC" --text --out "$T/zum.txt" >/dev/null 2>&1
same "the Z report's reprint says them" \
    "$(tr -s ' \n' '  ' <"$T/zum.txt" | grep -o "Cheques not matched $UM" | head -1)" \
    "Cheques not matched $UM"
same "a clean close keeps none" \
    "$(sqlite3 "$T/cq1.db" "SELECT count(*) FROM shift_unmatched")" 0
same "its tender: the reason and the sign-off kept" \
    "$(sql "SELECT reason || '/' || approved_by FROM shift_tenders WHERE method = 'Cheque' ORDER BY id DESC LIMIT 1")" \
    "CQ-599 is the payer's cheque, 502 mistyped/mary"
expect "doctor after the cheques" 0 "ok" "$PD" doctor
# a cheque of the shift closed above voided in the next one (review s50,
# helper-217): it is in that shift's bag, given back from the deposits,
# not from this drawer: not less of this shift's Expected, not asked of
# its close (the next cashier was told to list it)
expect "the next shift" 0 "" J shift open --count 10000x1
J pay WU-10002 --type bill --method Cheque --amount 20 --reference CQ-601 \
    >/dev/null 2>&1 || echo "not ok - cheque CQ-601"
expect "the closed shift's CQ-501 voided in it" 0 "" M payment void \
    "$(sql "SELECT payment_no FROM payments WHERE reference = 'CQ-501'")" \
    --reason "Bounced"
JX --json shift x >"$OUT"
same "its Cheque expects its own cheque, no void of another shift's" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([(t["expected"], t.get("voids", 0)) for t in d["tenders"] if t["method"] == "Cheque"][0])' "$OUT")" \
    "(2000, 0)"
CASH=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print("%d.%02d" % divmod([t["expected"] for t in d["tenders"] if t["method"] == "Cash"][0], 100))' "$OUT")
expect "its close lists only its own cheque: clean" 0 "Z-T01-" \
    J shift close --total "Cash=$CASH" --cheque "CQ-601:20"
same "no cheque not matched, nobody signed off" \
    "$(grep -c 'Cheques not matched' "$OUT")/$(sql "SELECT signed_off_by FROM shifts ORDER BY id DESC LIMIT 1")" "0/"

# (issue 20) a close and the next opening at one drawer in one second: a
# payment of that second is the shift's that was open when it was taken,
# not the earlier one's because both shifts' times hold it. A takes 41.00
# by cheque with no number and closes listing 9500; B, opened in that
# second, takes another 41.00 in it and closes listing 9501
export PAYDESK_NOW="2026-06-18 09:00:00"
J shift open --count 10000x1 >/dev/null || echo "not ok - tie: open A"
export PAYDESK_NOW="2026-06-18 09:00:30"
rcpt41() { J pay WU-10001 --type bill --method Cheque --amount 41 2>/dev/null |
    sed -n 's/^Receipt number  *//p'; }
PA=$(rcpt41)
J shift close --total Cash=100.00 --cheque "9500:41" >/dev/null || echo "not ok - tie: close A"
ZA=$(sql "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
J shift open --count 10000x1 >/dev/null || echo "not ok - tie: open B"
PB=$(rcpt41)
export PAYDESK_NOW="2026-06-18 09:01:00"
expect "B's close: its own cheque, clean" 0 "Z-T01-" \
    J shift close --total Cash=100.00 --cheque "9501:41"
ZB=$(sql "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
same "each payment names the shift open when it was taken" \
    "$(sql "SELECT group_concat(s.z_no, ' ') FROM payments p JOIN payment_shifts k ON k.payment_id = p.id JOIN shifts s ON s.uuid = k.shift_uuid WHERE p.receipt_no IN ('$PA', '$PB') ORDER BY p.id")" \
    "$ZA $ZB"
same "the payment record carries its shift" \
    "$(sql "SELECT json_extract(payload, '\$.data.shift_uuid') = (SELECT uuid FROM shifts WHERE z_no = '$ZB') FROM outbox WHERE kind = 'payment' AND ref = (SELECT payment_no FROM payments WHERE receipt_no = '$PB')")" 1
export PAYDESK_NOW="2026-06-18 09:02:00"
tie_chq() { M --json deposit pending >"$OUT" 2>&1
	python3 -c 'import json,sys; print(" ".join("%s:%s" % (p["z_no"], p["cheque"]) for p in json.load(open(sys.argv[1])) if p["method"] == "Cheque" and p["z_no"] in sys.argv[2:]))' "$OUT" "$ZA" "$ZB"; }
same "to deposit: 9500 of A, 9501 of B" "$(tie_chq)" "$ZA:9500 $ZB:9501"
expect "A's payment voided: A's 9500 given back" 0 \
    "listed at shift $ZA's close that no numbered payment took is given back with it (9500)" \
    M payment void "$PA" --reason "Cheque given back"
same "to deposit: B's 9501 still, the void was A's payment" "$(tie_chq)" "$ZB:9501"
expect "B's payment voided: B's 9501 given back" 0 \
    "listed at shift $ZB's close that no numbered payment took is given back with it (9501)" \
    M payment void "$PB" --reason "Cheque given back"
same "to deposit: nothing of A or B" "$(tie_chq)" ""

# (issue 20) a void in the second of its drawer's close: it belongs to
# the shift open at the drawer when it was made, not to whichever side of
# the close its time falls. Jane's shift A takes two cheques of 43.00
# with no number and two cash payments; in the second of A's close mary
# voids one of each before the close: out of A's drawer and A's close
# (which lists the other cheque as 9700), not given back from A's bag.
# Sam's shift B opens in that second, and mary voids the others in it:
# out of B's drawer, and A's 9700 given back from the bag, as before.
S() { PAYDESK_PIN=4321 "$PD" --user sam "$@"; }
SX() { PAYDESK_APPROVER_PIN=2222 S "$@" --approver mary; }
export PAYDESK_NOW="2026-06-19 09:00:00"
J shift open --count 10000x1 >/dev/null || echo "not ok - void tie: open A"
export PAYDESK_NOW="2026-06-19 09:00:30"
rcpt() { J pay WU-10001 --type bill --method "$1" --amount "$2" 2>/dev/null |
    sed -n 's/^Receipt number  *//p'; }
V1=$(rcpt Cheque 43)
V2=$(rcpt Cheque 43)
C1=$(rcpt Cash 15)
C2=$(rcpt Cash 16)
export PAYDESK_NOW="2026-06-19 09:05:00"
M payment void "$V1" --reason "Cheque given back" >/dev/null ||
    echo "not ok - void tie: void V1"
M payment void "$C1" --reason "Cash given back" >/dev/null ||
    echo "not ok - void tie: void C1"
expect "A's close in the second of the voids: clean, both out of its tenders" \
    0 "Z-T01-" J shift close --total Cash=116.00 --cheque "9700:43"
ZA=$(sql "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
expect "B opens in that second" 0 "" S shift open --count 10000x1
same "to deposit: A's 9700, its void before the close gave back the other cheque" \
    "$(tie_chq)" "$ZA:9700"
M payment void "$C2" --reason "Cash given back" >/dev/null ||
    echo "not ok - void tie: void C2"
expect "V2 voided in B's shift: A's 9700 given back" 0 \
    "listed at shift $ZA's close that no numbered payment took is given back with it (9700)" \
    M payment void "$V2" --reason "Cheque given back"
same "to deposit: nothing of A's" "$(tie_chq)" ""
ZB=$(sql "SELECT uuid FROM shifts ORDER BY id DESC LIMIT 1")
vsh() { sql "SELECT coalesce(s.z_no, s.uuid) FROM payments p JOIN voids v ON v.payment_id = p.id JOIN void_shifts k ON k.void_uuid = v.uuid JOIN shifts s ON s.uuid = k.shift_uuid WHERE p.receipt_no = '$1'"; }
same "each void names the shift open at the drawer when it was made" \
    "$(vsh "$V1") $(vsh "$C1") $(vsh "$V2") $(vsh "$C2")" "$ZA $ZA $ZB $ZB"
same "the void's record carries its shift" \
    "$(sql "SELECT group_concat(json_extract(o.payload, '\$.data.shift_uuid') = k.shift_uuid, ' ') FROM outbox o JOIN void_shifts k ON k.void_uuid = o.uuid WHERE o.kind = 'void' AND o.ref IN (SELECT payment_no FROM payments WHERE receipt_no IN ('$V1', '$C2'))")" \
    "1 1"
SX --json shift x >"$OUT"
same "B's drawer: the cash voided in it out of its Expected" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([(t["expected"], t.get("voids", 0)) for t in d["tenders"] if t["method"] == "Cash"][0])' "$OUT")" \
    "(8400, 1)"
expect "B's close: clean" 0 "Z-T01-" S shift close --total Cash=84.00
expect "doctor after the voids" 0 "ok" "$PD" doctor
# a close dated before its opening, a clock set back: refused before
# anything is counted or shown, nothing written (helper-265 of issue 20:
# a close at 09:00 of a shift opened at 10:00 was taken)
export PAYDESK_NOW="2026-06-19 10:00:00"
expect "sam opens at 10:00" 0 "" S shift open --count 10000x1
PAYDESK_NOW="2026-06-19 09:00:00" refused \
    "a close at 09:00 of the shift opened at 10:00: refused" 3 \
    "before the shift opened (2026-06-19 10:00:00)" S shift close --count 10000x1
same "the shift is still open" \
    "$(sql "SELECT status FROM shifts ORDER BY id DESC LIMIT 1")" "open"
expect "closed at 10:30: taken" 0 "Z-T01-" S shift close --count 10000x1
# (issue 20 review, faults 6 and 7) a cheque listed when the shift took
# none is not matched; a recount that leaves that tender out shows what
# the first count had of it: counted first $10.00, recounted none
export PAYDESK_NOW="2026-06-19 11:00:00"
expect "sam opens at 11:00" 0 "" S shift open --count 10000x1
expect "a cheque listed, none taken: not matched" 3 \
    "listed, not taken: CQ-9 \$10.00" S shift close --count 10000x1 --cheque "CQ-9:10"
# (s72 h13, fault 3: a recount is shown once signed off, closed here on
# copies of the store)
cp "$DB" "$T/rc1.db"
cp "$DB" "$T/rc2.db"
SX --db "$T/rc1.db" --json shift close --count 10000x1 >"$OUT" 2>/dev/null
same "the recount without the cheque: Cheque counted first 10.00, now none" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join("%s:%d:%d" % (t["method"], t["counted"], t.get("counted_first", -1)) for t in d["tenders"]))' "$OUT")" \
    "Cash:10000:-1 Cheque:0:1000"
SX --db "$T/rc2.db" shift close --count 10000x1 >"$OUT" 2>&1
rm -f "$T/rc1.db" "$T/rc2.db"
grep "^ *Cheque" "$OUT" | grep -q 'Counted: \$0.00.*Counted first (shown short or over): \$10.00' &&
    ok "in text: Cheque counted first \$10.00, recounted none" ||
    notok "in text: Cheque counted first \$10.00, recounted none" "$(cat "$OUT")"
