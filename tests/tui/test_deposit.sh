# test_deposit.sh - the To deposit screen (issue 20, "Deposits"), from
# the Shifts tab (d): each closed shift's cash left and each cheque not
# deposited, by number, with its age; Space marks one cheque of a shift
# and one of another, c records their deposit with a slip number (asked
# once), the slip written; two cheques of one number in one shift (two
# payers' cheque books, review R20 fault 4) both marked and deposited;
# the cheque held back stays to deposit; h lists the deposits prepared
# here and hands one to the bank (asked once); a slip
# in use is refused in the command's words, nothing written; the screens
# in French.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2026-06-15 17:00:00"
setup_store
J() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }
M() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
chq() { J pay WU-10001 --type bill --method Cheque --amount "$1" --reference "$2" >/dev/null 2>&1 ||
    echo "not ok - cheque $2"; }
# Z1: cheques 8001 (12.34) and 8002 (20.00); Z2 cheques 8001 (5.00, another
# bank's) and 8001 (7.00, a third payer's), both closed two days ago
PAYDESK_NOW="2026-06-13 09:00:00" J shift open --count 10000x1 >/dev/null
PAYDESK_NOW="2026-06-13 09:00:00" chq 12.34 8001
PAYDESK_NOW="2026-06-13 09:00:00" chq 20 8002
PAYDESK_NOW="2026-06-13 12:00:00" J shift close --count 10000x1 --cheque "8001:12.34;8002:20" \
    --keep 100 >/dev/null || echo "not ok - close 1"
PAYDESK_NOW="2026-06-13 13:00:00" J shift open --count 10000x1 >/dev/null
PAYDESK_NOW="2026-06-13 13:00:00" chq 5 8001
PAYDESK_NOW="2026-06-13 13:00:00" chq 7 8001
PAYDESK_NOW="2026-06-13 17:00:00" J shift close --count 10000x1 --cheque "8001:5;8001:7" \
    --keep 100 >/dev/null || echo "not ok - close 2"
printf '[deposits]\naccount = DE89\n' >>"$PAYDESK_CONFIG"
line_has() {
	settle
	if grep -F -- "$2" "$SCREEN" | grep -qF -- "$3"; then ok "$1"
	else echo "not ok - $1"; sed 's/^/  | /' "$SCREEN"; fi
}

tui_start
login mary 2222
wait_for "mary on the dashboard" "Total Collected"
keys h
wait_for "h: the Shifts tab" "Z-T01-000002"
keys d
wait_for "d: what is to deposit" "4 rows to deposit; 0 marked: \$0.00"
line_has "Z1's cheque 8001 by number, two days old" "8001" '$12.34'
line_has "Z1's cheque 8002" "8002" '$20.00'
line_has "Z2's cheque 8001, its own" "Z-T01-000002" '$5.00'
line_has "Z2's other cheque 8001" "Z-T01-000002" '$7.00'
line_has "each with its age" "8002" " 2 "
# mark Z1's 8002 and Z2's two 8001 (Space marks and moves down); Z1's 8001 is held back
keys Down Space Space Space
wait_for "three marked" "3 marked: \$32.00"
keys c
wait_for "c: the deposit of the marked rows" "3 rows, \$32.00 in all"
wait_for "it lists the cheques" "Z-T01-000001  Cheque 8002"
wait_for "it wants a slip number" "Give the slip (bag) number"
keys Enter
wait_for "Enter without a slip: refused" "Give the slip (bag) number"
shown_once "the refusal said once" "Give the slip (bag) number"
type_text "USED-0"
keys Enter
wait_for "Enter asks once" "Deposit \$32.00 in slip USED-0? Enter again"
keys Enter
wait_for "the deposit is recorded, its slip written" "Deposit USED-0 recorded: \$32.00"
wait_for "back on the list, read again: the cheque held back" "1 row to deposit"
line_has "Z1's 8001 is still to deposit" "8001" '$12.34'
same "the deposit took the three cheques by number and amount" \
    "$(sqlite3 "$DB" "SELECT group_concat(s.z_no || ':' || q.number || ':' || q.amount, ' ') FROM deposit_cheques q JOIN deposits d ON d.id = q.deposit_id JOIN shifts s ON s.id = q.shift_id WHERE d.slip_no = 'USED-0'")" \
    "Z-T01-000001:8002:2000 Z-T01-000002:8001:500 Z-T01-000002:8001:700"
[ -s "$T/receipts/USED-0.pdf" ] && ok "the slip is written" || echo "not ok - the slip is written"
# (issue 20) USED-0 is prepared: h lists the deposits prepared here, h
# on one asks once, h again hands it to the bank (deposit hand)
same "USED-0 is prepared" "$(sqlite3 "$DB" "SELECT count(*) FROM deposit_hands")" 0
keys h
wait_for "h: the deposits to hand to the bank" "1 deposit prepared, not handed to the bank"
line_has "USED-0 listed with its amount" "USED-0" '$32.00'
keys h
wait_for "h asks once" "Hand deposit USED-0 (\$32.00) to the bank? Press h again"
same "nothing handed yet" "$(sqlite3 "$DB" "SELECT count(*) FROM deposit_hands")" 0
keys h
wait_for "h again hands it" "Deposit USED-0 handed to the bank (2026-06-15 17:00:00, by mary)"
wait_for "it leaves the list" "No deposit to hand"
same "its row of deposit_hands, its sync record and audit entry" \
    "$(sqlite3 "$DB" "SELECT d.slip_no || ':' || h.handed_by FROM deposit_hands h JOIN deposits d ON d.id = h.deposit_id") $(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE kind = 'deposit' AND json_extract(payload, '$.data.op') = 'hand'") $(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'hand' AND entity = 'deposit'")" \
    "USED-0:mary 1 1"
keys Escape
wait_for "Esc: back to what is to deposit" "1 row to deposit"
# a slip in use: refused in the command's words, nothing written
n=$(sqlite3 "$DB" "SELECT count(*) FROM deposits")
keys c
wait_for "c on the row under the cursor" "1 row, \$12.34 in all"
type_text "USED-0"
keys Enter
wait_for "a slip in use is refused, in the command's words" "Slip USED-0 is deposit"
lacks "a slip in use: refused before any question (s72 fault 2)" "Enter again"
same "nothing written" "$(sqlite3 "$DB" "SELECT count(*) FROM deposits")" "$n"
keys Escape
wait_for "Esc: back to the list" "1 row to deposit"
keys Escape
wait_for "Esc: the Shifts tab" "Z-T01-000002"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
logout

# in French: the list, its key bar and the step's words
tui_open_until "fr" "Connectez-vous" LANGUAGE=fr
login mary 2222
wait_for "fr: the dashboard" "Total"
keys h
wait_for "fr: the Shifts tab" "Z-T01-000002"
keys d
wait_for "fr: what is to deposit" "1 ligne à déposer ; 0 marquées : \$0.00"
keys c
wait_for "fr: the deposit's step" "1 ligne, \$12.34 en tout"
wait_for "fr: it wants a slip number" "Donnez le numéro de bordereau (sac)"
# (s72 fault c) the Hand Deposits screen in French, then in Spanish: its
# title, columns, key bar, count line and messages the catalogue's, each
# whole on the 80-column screen (nothing cut)
cat >"$T/tr.py" <<'PY'
import gettext, re, sys
lang, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
t = gettext.translation('paydesk', sys.argv[0].rsplit('/', 1)[0] + '/loc',
                        [lang])
if mode == 'ctr':
    s, key = t.pgettext(args[0], args[1]), args[0] + '\x04' + args[1]
elif mode == 'ntr':
    s, key = t.ngettext(args[0], args[1], int(args[2])), (args[0], 0)
    args = args[2:]
else:
    s, key = t.gettext(args[0]), args[0]
if key not in t._catalog:
    sys.exit('no %s translation of %r' % (lang, args[0]))
print(re.sub(r'%(?:zu|lld|d)', '%s', s) % tuple(args[1:]) if len(args) > 1 else s)
PY
ln -s "$TOP/$BUILD/locale" "$T/loc"
msg() { python3 "$T/tr.py" "$L" tr "$@"; }
nmsg() { python3 "$T/tr.py" "$L" ntr "$@"; }
cmsg() { python3 "$T/tr.py" "$L" ctr "$@"; }
# hand_screen N: the screen's title, columns, key bar and count line
# (N deposits) in language $L, each whole
hand_screen() {
	for s in "$(msg "To hand to the bank")" "$(nmsg "%s deposit prepared, not handed to the bank" "%s deposits prepared, not handed to the bank" "$1" "$1")"; do
		wait_for "$L: Hand Deposits: $s" "$s"
	done
	for c in Slip Account Day Amount By Made; do
		w=$(cmsg column "$c")
		line_has "$L: Hand Deposits: column $c, whole" "$(cmsg column Slip)" "$w"
	done
	bar=$(tail -1 "$SCREEN")
	for k in "h $(msg Hand)" "$(cmsg key Esc) $(msg Back)" "F1 $(msg Help)"; do
		case $bar in *"$k"*) ok "$L: Hand Deposits: key bar $k" ;;
		*) echo "not ok - $L: Hand Deposits: key bar $k"; echo "  | $bar" ;; esac
	done
	[ "$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$SCREEN")" -le 80 ] &&
	    ok "$L: Hand Deposits: within 80 columns" ||
	    echo "not ok - $L: Hand Deposits: within 80 columns"
}
L=fr
type_text "FR-1"
keys Enter
wait_for "fr: Enter asks once" "FR-1"
keys Enter
wait_for "fr: the deposit is recorded" "$(msg "Deposit %s recorded: %s; its slip %s" FR-1 '$12.34' "")"
keys h
hand_screen 1
line_has "fr: FR-1 listed" "FR-1" '$12.34'
keys h
wait_for "fr: h asks once" "$(msg "Hand deposit %s (%s) to the bank? Press h again" FR-1 '$12.34')"
keys h
wait_for "fr: h again hands it" "$(msg "Deposit %s handed to the bank (%s, by %s)" FR-1 "2026-06-15 17:00:00" mary)"
wait_for "fr: none left" "$(msg "No deposit to hand")"
keys Escape Escape Escape
wait_for "fr: Esc back to the dashboard" "Total"
logout

L=es
tui_open_until "es" "$(msg "Log in to take payments")" LANGUAGE=es
login mary 2222
wait_for "es: the dashboard" "Total"
keys h
wait_for "es: the Shifts tab" "Z-T01-000002"
keys d h
hand_screen 0
wait_for "es: none to hand" "$(msg "No deposit to hand")"
keys Escape Escape Escape
wait_for "es: Esc back to the dashboard" "Total"
logout
