#!/bin/sh
# test_fit.sh - text fits the terminal (issue 25 widths, issue 17
# section 5), in tmux at 80x24 in English, Spanish and French:
# - lists give way by priority: the key columns (the first, amounts, the
#   status, the sorted one) never leave the screen: the credit notes'
#   sorted Created, the payments' Status at 64 columns, the aging report's
#   "90+" header not overwritten by the ">" marker, the aging drill-down's
#   Open column;
# - key bars never drop a key unseen: they end in "F1 More" (the
#   dashboard, the payments list) or hold every key (details, aging);
# - key names are translated on the bar and in F1 help (`paydesk keys`
#   stays English); F1 help says which keys it shows;
# - the dashboard shows every method (or a "+N more" line on a short
#   terminal) and right-aligns amounts by display width with the symbol
#   after them;
# - a message that names a file shows the whole path, wrapped between
#   folders (reprint, export);
# - with TERM=vt100, keys its terminfo lacks (Home, End, PgDn, Del, F5,
#   Ctrl-Right) act as themselves or are ignored, never as Esc plus
#   characters; a lone Esc still goes back.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
# receipts and exports in folders whose paths do not fit on one line
RDIR="$T/receipts/of-the-terminal-at-the-front-desk-of-the-branch"
XDIR="$T/exports/of-the-back-office-of-the-branch-for-the-auditors"
sed "s|^dir = $T/receipts\$|dir = $RDIR|" "$PAYDESK_CONFIG" >"$T/c" &&
    mv "$T/c" "$PAYDESK_CONFIG"
cat >>"$PAYDESK_CONFIG" <<CFG
[exports]
dir = $XDIR
[sync]
url = http://127.0.0.1:9
token = not-a-real-token
retries = 0
connect_timeout = 1
CFG
BASE=$(cat "$PAYDESK_CONFIG")
"$PD" demo >/dev/null || exit 1

# msg TEXT [ARGS...] / cmsg CTX TEXT / nmsg ONE MANY N: the catalogue's
# translation in $L (English as it is), printf-formatted
cat >"$T/tr.py" <<'PY'
import gettext, re, sys
lang, mode, a = sys.argv[1], sys.argv[2], sys.argv[3:]
t = gettext.NullTranslations() if lang == 'en' else gettext.translation(
    'paydesk', sys.argv[0].rsplit('/', 1)[0] + '/loc', [lang])
if mode == 'c':
    s, a = t.pgettext(a[0], a[1]), []
elif mode == 'n':
    s, a = t.ngettext(a[0], a[1], int(a[2])), a[2:]
else:
    s, a = t.gettext(a[0]), a[1:]
s = re.sub(r'%(?:zu|lld|d)', '%s', s) % tuple(a) if a else s
# a key named {Enter}, {Esc}...: as the key bar names it
print(re.sub(r'\{([A-Za-z-]+)\}', lambda m: t.pgettext('key', m.group(1)), s))
PY
ln -s "$TOP/$BUILD/locale" "$T/loc"
msg() { python3 "$T/tr.py" "$L" t "$@"; }
cmsg() { python3 "$T/tr.py" "$L" c "$@"; }
nmsg() { python3 "$T/tr.py" "$L" n "$@"; }

# line_has NAME PATTERN TEXT...: the first screen line with PATTERN holds
# every TEXT (waits for PATTERN first, then up to 3 s for the TEXTs: keys
# just sent may not have been drawn yet)
line_has() {
	name=$1 pat=$2
	shift 2
	wait_for "$L: $name: the line shows" "$pat" >/dev/null || {
		echo "not ok - $L: $name"
		sed 's/^/  | /' "$SCREEN"
		return
	}
	tries=0
	while :; do
		l=$(grep -F -- "$pat" "$SCREEN" | head -1)
		lacks_one=
		for s in "$@"; do
			case "$l" in
			*"$s"*) ;;
			*) lacks_one=$s && break ;;
			esac
		done
		[ -z "$lacks_one" ] && break
		tries=$((tries + 1))
		if [ $tries -ge 30 ]; then
			echo "not ok - $L: $name"
			echo "  the line lacks: $lacks_one"
			sed 's/^/  | /' "$SCREEN"
			return
		fi
		sleep 0.1
		grab
	done
	ok "$L: $name"
}
# bar_ends NAME TEXT: the key bar (the last line) ends with TEXT
bar_ends() {
	i=0
	while [ $i -lt 30 ]; do
		grab
		bar=$(tail -1 "$SCREEN" | sed 's/ *$//')
		case "$bar" in *"$2") break ;; esac
		sleep 0.1
		i=$((i + 1))
	done
	case "$bar" in
	*"$2") ok "$L: $1" ;;
	*)
		echo "not ok - $L: $1"
		echo "  the bar: $bar"
		echo "  wanted at its end: $2"
		;;
	esac
}
# whole NAME TEXT: TEXT is on the screen, maybe wrapped over lines (each
# line's text joined to the next's)
whole() {
	i=0
	while [ $i -lt 30 ]; do
		grab
		python3 - "$SCREEN" "$2" <<'PY' && break
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8')]
sys.exit(sys.argv[2] not in ''.join(lines))
PY
		sleep 0.1
		i=$((i + 1))
	done
	if [ $i -lt 30 ]; then ok "$L: $1"; else
		echo "not ok - $L: $1"
		echo "  the screen lacks, even wrapped: $2"
		sed 's/^/  | /' "$SCREEN"
	fi
}

# --- the back office on the demo store, in each language
backoffice() {
	L=$1
	tui_open LANGUAGE="$L"
	wait_for "$L: the login" "$(msg 'Log in to take payments')" >/dev/null
	login mary 583920
	more="F1 $(msg More)" help="F1 $(msg Help)"
	esc=$(cmsg key Esc) back=$(msg Back)

	# the dashboard: every method, its key bar, translated key names
	wait_for "$L: the dashboard" "$(msg 'By method this month')"
	line_has "every method is shown" "Bank Transf" "Bank Transf"
	line_has "every method is shown (Debit Card)" "Debit Card" "Debit Card"
	bar_ends "the dashboard's key bar ends in F1 More" "$more"
	line_has "the dashboard's key names translated" \
	    "$(cmsg key Left) $(msg Prev)" "$(cmsg key Right) $(msg Next)"

	# the payments list: its bar, its key names, F1 help
	keys p
	wait_for "$L: the payments" "$(msg 'Receipt #')" >/dev/null
	bar_ends "the payments' key bar ends in F1 More" "$more"
	line_has "Enter is named in the language" \
	    "$(cmsg key Enter) $(msg Details)" "$(msg Actions)"
	keys F1
	wait_for "$L: F1 help says where it is" "$(msg 'keys %zu-%zu of %zu' 1 18 22)"
	whole "F1 help names Enter and Esc as the key bar does" \
	    "$(msg 'search as you type ({Enter} or {Esc} ends it)')"
	line_has "F1 help names Left in the language" \
	    "$(msg 'scroll the columns left')" "$(cmsg key Left)"
	keys End
	wait_for "$L: End: the last keys, and where" \
	    "$(msg 'keys %zu-%zu of %zu' 5 22 22)"
	keys q
	# at 64 columns the key columns stay, the others give way
	tmux -S "$SOCK" resize-window -t pd -x 64 -y 24
	line_has "at 64 columns Status, Amount and Date stay" "$(msg 'Receipt #')" \
	    "$(msg Amount)" "$(msg Date)▼" "$(msg Status)" " >"
	keys Right Right Right
	line_has "Right brings the hidden columns in, Status stays" \
	    "$(msg 'Receipt #')" "<" "$(msg Type)" "$(msg Status)"
	tmux -S "$SOCK" resize-window -t pd -x 80 -y 24
	keys Left Left Left

	# a message naming a file: the whole path, wrapped between folders
	keys Enter
	wait_for "$L: a payment's details" "$(msg 'Payment information')" \
	    >/dev/null
	bar_ends "the details' key bar holds every key" "$esc $back $help"
	keys r
	# the original the first time, then copies 1 and 2
	case $L in
	en) pdf=R-T01-002966.pdf ;;
	es) pdf=R-T01-002966-COPY-1.pdf ;;
	*) pdf=R-T01-002966-COPY-2.pdf ;;
	esac
	whole "the reprint names the whole path" "$RDIR/$pdf"
	wait_for "$L: the file name whole on one line" "$pdf"
	keys Escape

	# credit notes: the sorted column stays
	keys Tab
	line_has "the credit notes keep the sorted Created" \
	    "$(msg 'Credit Note #')" "$(msg Amount)" "$(msg Remaining)" \
	    "$(msg Status)" "$(msg Created)▼"
	keys x
	wait_for "$L: the export dialog" "$(msg Format)" >/dev/null
	keys Enter
	whole "the export names the whole path" "$XDIR/"
	# one CSV, the machine's, in every language: the command line's
	f=$(ls -t "$XDIR"/*.csv | head -1)
	same "$L: the CSV export's header is the command line's --csv" \
	    "$(head -1 "$f" | tr -d '\r')" \
	    "$(PAYDESK_PIN=583920 LANGUAGE=$L "$PD" --user mary --csv credit-notes \
	    --limit 1 | head -1 | tr -d '\r')"
	keys Tab Escape

	# aging: "90+" whole, the drill-down's Open column
	keys a
	line_has "the aging header keeps 90+" "$(msg Consumer)" "$(msg Total)▼" \
	    "90+"
	bar_ends "the aging's key bar holds every key" "$esc $back $help"
	keys Enter
	line_has "the open items keep the Open column" "$(msg Kind)" \
	    "$(msg Amount)" "$(cmsg column Open)"
	keys Escape Escape
	wait_for "$L: Esc, Esc: the dashboard" "$(msg 'By method this month')" \
	    >/dev/null
	bar_ends "the dashboard again ends in F1 More" "$more"
	# a question naming a key names it as the key bar does
	keys Escape
	whole "the log-out question names Esc as the key bar does" \
	    "$(msg 'Log out? {Esc} again to log out, any other key to stay')"
}
for L in en es fr; do
	backoffice $L
done

# `paydesk keys` keeps the English names in any language
for L in es fr; do
	LANGUAGE=$L "$PD" keys >"$OUT" 2>&1
	if grep -q '^Dashboard  *Left ' "$OUT" && grep -q '^Payments  *PgDn ' "$OUT"
	then ok "$L: paydesk keys keeps the English key names"
	else notok "$L: paydesk keys keeps the English key names"; fi
done

# --- keys the terminal type does not know (TERM=vt100)
vt100() {
	L=$1
	tui_open LANGUAGE="$L" TERM=vt100
	wait_for "$L: vt100: the login" "$(msg 'Log in to take payments')" \
	    >/dev/null
	# Home, End, PgDn, Del, F5 (ESC[15~), Ctrl-Right (ESC[1;5C),
	# ESC[1;2P: never Esc (which would leave) nor characters typed
	keys Home End PageDown DC F5 C-Right
	keys Escape '[1;2P'
	type_text "mary"
	sleep 0.3
	wait_for "$L: vt100: still at the login, the name typed" "mary" \
	    >/dev/null
	lacks "$L: vt100: no [1~, [6~, [15~ in the user name" "~"
	lacks "$L: vt100: no [1;5C in the user name" "5C"
	lacks "$L: vt100: no [1;2P in the user name" "2P"
	keys Enter
	type_text 583920
	keys Enter
	wait_for "$L: vt100: logged in" "$(msg 'By method this month')" \
	    >/dev/null
	keys p
	wait_for "$L: vt100: the payments" "$(msg 'Receipt #')" >/dev/null
	keys End
	wait_for "$L: vt100: End: the last page" "$(msg 'last page, more above')"
	keys Home
	wait_for "$L: vt100: Home: the first page" \
	    "$(msg 'page %zu, more below' 1)"
	keys Enter
	wait_for "$L: vt100: details" "$(msg 'Payment information')" >/dev/null
	keys PageDown
	wait_for "$L: vt100: PgDn scrolls the details, never leaves" \
	    "$(msg 'lines %zu-%zu of %zu' 20 38 41)"
	keys PageUp
	wait_for "$L: vt100: PgUp scrolls back" \
	    "$(msg 'lines %zu-%zu of %zu' 1 19 41)"
	keys Escape
	wait_for "$L: vt100: a lone Esc goes back" "$(msg 'Receipt #')"
}
for L in en es fr; do
	vt100 $L
done

# --- the dashboard's methods: a comma organisation, the symbol after the
# amount (6 bytes of padding for 2 columns), an amount of 12 columns
tmux -S "$SOCK" kill-server 2>/dev/null
rm -f "$DB" "$DB-wal" "$DB-shm"
printf '%s\n[organisation]\ncurrency_symbol = €\ndecimal_separator = comma\ngrouping_separator = dot\ncurrency_position = after\ncurrency_space = yes\n' \
    "$BASE" >"$PAYDESK_CONFIG"
setup_store
cat >"$T/b.csv" <<CSV
invoice_no,account_no,period,amount,issued_on,due_on
INV-2025-900001,WU-10002,Apr 2025,150000.00,2025-04-01,2025-04-30
CSV
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b.csv" >"$OUT" 2>&1 ||
    notok "a bill of 150.000,00 €"
for pay in "WU-10002 Cash 150000,00" "WU-10001 Cheque 12,34" \
    "WU-10001 Debit 5,00" "WU-10003 Credit 123,45" "WU-10001 Bank 7,00"; do
	set -- $pay
	case $2 in
	Debit) meth="Debit Card" ;;
	Credit) meth="Credit Card" ;;
	Bank) meth="Bank Transfer" ;;
	*) meth=$2 ;;
	esac
	# a cheque is taken with its number (s72 h8 fault 2)
	ref=
	[ "$meth" = Cheque ] && ref="--reference 000308"
	PAYDESK_PIN=1234 "$PD" --user jane pay "$1" --type bill \
	    --method "$meth" --amount "$3" $ref >"$OUT" 2>&1 ||
	    notok "pay $3 by $meth"
done
# aligned NAME PATTERN...: on the screen, the amounts of the lines with
# each PATTERN end (their "€") in the same display column
aligned() {
	name=$1
	shift
	settle
	if python3 - "$SCREEN" "$@" <<'PY'; then ok "$L: $name"; else
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def col(s, i):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s[:i] if not unicodedata.combining(c))
cols = []
for pat in sys.argv[2:]:
    hit = [l for l in lines if pat in l and "€" in l]
    if not hit:
        print("  no line with", pat); sys.exit(1)
    cols.append(col(hit[0], hit[0].index("€")))
print("  columns:", cols)
sys.exit(len(set(cols)) != 1)
PY
		echo "not ok - $L: $name"
		sed 's/^/  | /' "$SCREEN"
	fi
}
for L in en es fr; do
	tui_open LANGUAGE="$L"
	wait_for "$L: the login" "$(msg 'Log in to take payments')" >/dev/null
	login mary 2222
	wait_for "$L: the dashboard with the symbol after" \
	    "150.000,00 €" >/dev/null
	aligned "the methods' amounts end in one column" \
	    "    Cash " "    Cheque " "    Debit Card " "    Credit Card " \
	    "    Bank Transf"
	# a short terminal: the methods that fit and a line for the others
	tmux -S "$SOCK" resize-window -t pd -x 80 -y 19
	wait_for "$L: 19 lines: the methods that fit, +3 more" \
	    "$(nmsg '+%d more method (p: the payments)' \
	        '+%d more methods (p: the payments)' 3)"
	tmux -S "$SOCK" resize-window -t pd -x 80 -y 24
	keys F10
done

# --- amounts up to 9 999 999 999,999 never cut at 80x24, counts grouped
# (issue 25): a store of one consumer's big bills, imported in a currency
# of three decimals (shown with two in the Indian organisation: minor
# units ten times larger), one paid today and 1.000 of another yesterday
tmux -S "$SOCK" kill-server 2>/dev/null
rm -f "$DB" "$DB-wal" "$DB-shm"
printf '%s\n[organisation]\nminor_digits = 3\n' "$BASE" >"$PAYDESK_CONFIG"
big_bills_csv
{ "$PD" init && "$PD" import users "$DATA/users.csv" &&
	PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/big-c.csv" &&
	PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/big.csv" &&
	PAYDESK_NOW="2025-04-19 10:00:00" PAYDESK_PIN=1234 "$PD" --user jane \
	    pay WU-90001 --type bill --items INV-B4 --method Cash --amount 1000 &&
	PAYDESK_PIN=1234 "$PD" --user jane pay WU-90001 --type bill \
	    --items INV-B3 --method Cash --amount 8888888888.888
} >"$OUT" 2>&1 || notok "the big store"
# uncut NAME: no amount on the screen ends in an ellipsis
uncut() {
	settle
	if grep -qE '[0-9][^ ]?…|[0-9] …' "$SCREEN"; then
		echo "not ok - $L: $1"
		sed 's/^/  | /' "$SCREEN"
	else
		ok "$L: $1"
	fi
}
# big L STYLE TOTAL TODAY AXIS OUTSTANDING B90 B6190 B130 B130COUNT: the
# dashboard, the aging report (its 90+ scrolled in) and the payments in
# language L and the organisation's STYLE, every amount whole
big() {
	L=$1
	printf '%s\n[organisation]\n%s\n' "$BASE" "$2" >"$PAYDESK_CONFIG"
	# the same amounts read in this number of decimals
	store_currency USD "$(printf '%s\n' "$2" | sed -n 's/^minor_digits = //p')"
	tui_open LANGUAGE="$L"
	wait_for "$L: the login" "$(msg 'Log in to take payments')" >/dev/null
	login mary 2222
	wait_for "$L: the dashboard: the month's total whole" "$3"
	wait_for "$L: today's whole" "${4%% (*}"
	wait_for "$L: and its count, beside it or in the title" "(1)"
	line_has "today's change against yesterday whole, with its %" "▲" "%"
	wait_for "$L: the chart's axis grouped" "$5"
	wait_for "$L: the outstanding total whole" "$6"
	uncut "the dashboard cuts no amount"
	keys a
	wait_for "$L: aging: 90+ whole" "$7"
	wait_for "$L: aging: 61-90 whole" "$8"
	wait_for "$L: aging: 1-30 and its count" "$9"
	line_has "the list: the amounts that fit" "Big Spender" "$6"
	line_has "and a > for those that do not" "$(msg Total)▼" " >"
	uncut "the aging report cuts no amount"
	keys Right Right Right Right Right Right
	line_has "Right: the 90+ amount whole on the row" "Big Spender" "$7"
	line_has "and its header, the others scrolled off" "$(msg Total)▼" "90+" "<"
	uncut "scrolled, no amount cut"
	keys Escape
	wait_for "$L: back on the dashboard" "$3" >/dev/null
	keys p
	wait_for "$L: the payments: the amount whole" "${4%% (*}"
	uncut "the payments list cuts no amount"
	keys F10
}
# "space" groups with a no-break space (U+00A0), one column (issue 25)
B=$(printf '\302\240')
big es 'minor_digits = 3
currency_symbol = €
decimal_separator = comma
grouping_separator = space
currency_position = after
currency_space = yes' "8${B}888${B}889${B}888,888 €" \
    "8${B}888${B}888${B}888,888 € (1)" "8${B}888M €" \
    "10${B}001${B}245${B}913,177 €" "9${B}999${B}999${B}999,999 €" \
    "1${B}234${B}567,500 €" "11${B}345,678 €"
big fr 'minor_digits = 2
currency_symbol = ₹
grouping = 3,2' "₹88,88,88,98,888.88" "₹88,88,88,88,888.88 (1)" \
    "₹88,888M" "₹1,00,01,24,59,131.77" "₹99,99,99,99,999.99" \
    "₹1,23,45,675.00" "₹1,13,456.78"
big en 'minor_digits = 3
currency_symbol = KD
currency_space = yes' "KD 8,888,889,888.888" "KD 8,888,888,888.888 (1)" \
    "KD 8,888M" "KD 10,001,245,913.177" "KD 9,999,999,999.999" \
    "KD 1,234,567.500" "KD 11,345.678"
# counts: each payment copied a thousand times, read in a dot grouping
grow_ledger 1000
printf '%s\n[organisation]\nminor_digits = 3\ndecimal_separator = comma\ngrouping_separator = dot\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 3
L=es
tui_open LANGUAGE=es
wait_for "es: the login" "$(msg 'Log in to take payments')" >/dev/null
login mary 2222
wait_for "es: today's count grouped" "(1.001)"
keys p
wait_for "es: the payments list's count grouped" "2.002 pagos"
keys Escape
keys y
line_has "the payers' count column grouped" "Big Spender" "2.002"
keys F10

# --- words never cut at 80x24 (issue 25 review): the payments' Method
# and Type ("Debit Ca…", "Mensual…", "Servi…"), the credit notes' Reason
# and the payers' Methods show whole or not at all (Right scrolls them in)
tmux -S "$SOCK" kill-server 2>/dev/null
rm -f "$DB" "$DB-wal" "$DB-shm"
printf '%s\n' "$BASE" >"$PAYDESK_CONFIG"
# an organisation's wider numbers: whole on every list (helper-252: the
# Credit Note # could be cut to 12, "CN-T01-0000…")
printf '[numbers]\nreceipt = R-{BRANCH}-{TERM}-{SEQ:7}\ncredit_note = CN-{TERM}-{YYYY}-{SEQ:6}\n' \
    >>"$PAYDESK_CONFIG"
setup_store
{ jane() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }
	jane pay WU-10001 --type bill --items INV-2025-001234 \
	    --method "Debit Card" --amount 145.50 &&
	jane pay WU-10001 --type service --items SRV-2025-0418 \
	    --method "Bank Transfer" --amount 75 &&
	jane pay WU-10001 --type installment --items PP-2025-0034#1 \
	    --method "Credit Card" --amount 67.50 &&
	jane pay WU-10002 --type bill --method Cheque --amount 20 \
	    --reference 000472 &&
	for r in "Refund Request" "Billing Adjustment" "Customer Request"; do
		PAYDESK_PIN=2222 "$PD" --user mary credit-note create \
		    R-B01-T01-0000001 --amount 1 --reason "$r" || exit 1
	done
} >"$OUT" 2>&1 || notok "the store of every type, method and reason"
# whole NAME WORD...: each WORD (English, shown in $L) is on the screen
# and no line holds a beginning of it cut by an ellipsis
words_whole() {
	name=$1
	shift
	for w in "$@"; do
		case $w in *" "*|Cheque|Cash) s=$w ;; *) s=$(msg "$w") ;; esac
		wait_for "$L: $name: $s shows" "$s" >/dev/null ||
		    { echo "not ok - $L: $name: $s shows"; sed 's/^/  | /' "$SCREEN"; return; }
		if python3 - "$SCREEN" "$s" <<'PY'
import sys
t, w = open(sys.argv[1], encoding='utf-8').read(), sys.argv[2]
sys.exit(any(w[:k] + '…' in t for k in range(1, len(w))))
PY
		then :; else
			echo "not ok - $L: $name: $s cut"
			sed 's/^/  | /' "$SCREEN"
			return
		fi
	done
	ok "$L: $name"
}
# scroll_to HEADER: Right (at most four times) until HEADER shows
scroll_to() {
	n=0
	while [ $n -lt 4 ]; do
		grab
		grep -qF -- "$1" "$SCREEN" && return
		keys Right
		sleep 0.3
		n=$((n + 1))
	done
}
for L in en es fr; do
	tui_open LANGUAGE="$L"
	wait_for "$L: the login" "$(msg 'Log in to take payments')" >/dev/null
	login mary 2222
	wait_for "$L: the dashboard" "$(msg 'By method this month')" >/dev/null
	keys p
	wait_for "$L: the payments" "$(msg 'Receipt #')" >/dev/null
	words_whole "the payments' methods whole" "Debit Card" \
	    "Bank Transfer" "Credit Card" Cheque
	words_whole "the receipts' numbers whole" R-B01-T01-0000001 \
	    R-B01-T01-0000004
	# the Type gives way to them where all do not fit, whole (never
	# "Mensual…"): Right brings it in
	scroll_to "$(msg Type)"
	words_whole "the payments' types whole" Bill Service Installment
	keys Left Left Left Left
	keys Tab
	wait_for "$L: the credit notes" "$(msg 'Credit Note #')" >/dev/null
	words_whole "the credit notes' numbers whole" CN-T01-2025-000001 \
	    CN-T01-2025-000003
	# (fr "Demande de remboursement" needs the room of a column scrolled
	# off: never "Demande de rem…", Right brings it whole)
	scroll_to "$(msg Reason)"
	words_whole "the credit notes' reasons whole" "$(msg 'Refund Request')" \
	    "$(msg 'Billing Adjustment')" "$(msg 'Customer Request')"
	keys Tab Escape
	keys y
	wait_for "$L: the payers" "$(msg 'Total Paid')" >/dev/null
	settle
	if grep -q '…' "$SCREEN"; then
		echo "not ok - $L: the payers' methods whole or scrolled"
		sed 's/^/  | /' "$SCREEN"
	else ok "$L: the payers' methods whole or scrolled"; fi
	keys Right Right Right Right
	line_has "Right: the payer's methods whole" "John Doe" "Debit Card" \
	    "Bank Transfer" "Credit Card"
	keys F10
done
