# test_lists.sh - the list widget in tmux: columns laid out by display
# width (names and periods with "ı", "á", CJK and combining marks keep the
# amounts in one screen column), a long invoice number whole at 200
# columns and cut with an ellipsis at 80, Home/End, Left/Right scrolling
# of the columns, Space marks, the F1 help scrolling at a small height,
# and the credit-note Reasons row of the filter scrolling to its cursor.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
imp() { PAYDESK_PIN=9999 "$PD" --user admin import "$@" >"$OUT" 2>&1 ||
    { echo "not ok - import $1"; cat "$OUT"; exit 1; }; }

# combining acute accents (e + U+0301), dotless i, a wide name
cat >"$T/c.csv" <<'CSV'
account_no,name,service_address,phone,email,segment
WU-30001,Işıl Yılmaz,1 Ankara Road,(555) 300-0001,,Residential
WU-30002,北京水务,2 Beijing Road,(555) 300-0002,,Residential
WU-30003,Zoé Amélie,3 Paris Road,(555) 300-0003,,Residential
WU-30004,Ana Álvarez,4 Madrid Road,(555) 300-0004,,Residential
CSV
imp consumers "$T/c.csv"
LONG=INV-2025-THE-LONGEST-INVOICE-NUMBER-000042
cat >"$T/b.csv" <<CSV
invoice_no,account_no,period,amount,issued_on,due_on
$LONG,WU-30001,Mar 2025,11.00,2025-03-01,2025-03-15
INV-2025-300002,WU-30001,Mär 2025,22.00,2025-03-01,2025-03-20
INV-2025-300003,WU-30001,2025年3月,33.00,2025-03-01,2025-03-25
INV-2025-300004,WU-30001,Mar 2025 ı,44.00,2025-03-01,2025-03-30
INV-2025-300005,WU-30002,Mar 2025,55.00,2025-03-01,2025-03-15
INV-2025-300006,WU-30003,Mar 2025,66.00,2025-03-01,2025-03-15
INV-2025-300007,WU-30004,Mar 2025,77.00,2025-03-01,2025-03-15
CSV
imp bills "$T/b.csv"
for a in WU-30002 WU-30003 WU-30004 WU-10001; do
	PAYDESK_PIN=1234 "$PD" --user jane pay $a --type bill --method Cash \
	    --amount 1.00 >/dev/null || echo "not ok - pay $a"
done

# aligned NAME PATTERN...: on the screen, the lines with each PATTERN have
# their first "$" in the same display column (wide characters count two,
# combining marks none)
aligned() {
	name=$1
	shift
	settle
	if python3 - "$SCREEN" "$@" <<'PY'; then ok "$name"; else
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def col(s, i):
    c = 0
    for ch in s[:i]:
        if unicodedata.combining(ch):
            continue
        c += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return c
cols = []
for pat in sys.argv[2:]:
    hit = [l for l in lines if pat in l]
    if not hit:
        print("  no line with", pat); sys.exit(1)
    cols.append(col(hit[0], hit[0].index("$")))
print("  columns:", cols)
sys.exit(len(set(cols)) != 1)
PY
		echo "not ok - $name"
		sed 's/^/  | /' "$SCREEN"
	fi
}

tui_start
login jane 1234
wait_for "the cashier's home" "Today at this terminal"

# --- Today's payments: names of every script, amounts in one column
keys Down Down Enter
wait_for "today's payments" "4 payments posted"
aligned "amounts line up after ı, CJK and combining marks" \
    "北京水务" "Zoé Amélie" "Ana Álvarez" "John Doe"
keys End Home Enter
wait_for "Home then Enter opens the newest payment" "Payment details"
keys Escape
wait_for "back to the list" "4 payments posted"
keys Escape
wait_for "back home" "Find Consumer"

# --- step 4: a long invoice number, periods by display width
keys Up Up Enter
wait_for "step 1" "Step 1 of 8"
type_text "WU-30001"
wait_for "the consumer found" "Işıl Yılmaz"
keys Enter
wait_for "step 2" "Step 2 of 8"
keys Enter
wait_for "step 3" "Step 3 of 8"
keys Enter
wait_for "step 4" "Step 4 of 8"
aligned "item amounts line up (á, CJK, ı in the period)" \
    "INV-2025-300002" "INV-2025-300003" "INV-2025-300004"
wait_for "at 80 columns the long number is cut with an ellipsis" \
    "INV-2025-THE-LONGEST"
settle
grep "INV-2025-THE-LONGEST" "$SCREEN" | grep -qF "…" &&
    ok "the cut ends in …" || echo "not ok - the cut ends in …"
lacks "and is not whole" "$LONG"
tmux -S "$SOCK" resize-window -t pd -x 200 -y 30
wait_for "at 200 columns the long number is whole" "$LONG"
lacks "and not cut" "…"
aligned "amounts still line up at 200 columns" \
    "$LONG" "INV-2025-300002" "INV-2025-300003"
tmux -S "$SOCK" resize-window -t pd -x 80 -y 24
for step in 3 2 1; do
	keys Escape
	wait_for "Esc: step $step" "Step $step of 8"
done
keys Escape
wait_for "back home again" "Find Consumer"

# --- F1 help at a small height scrolls
tmux -S "$SOCK" resize-window -t pd -x 80 -y 12
keys Down Down Enter
wait_for "today's payments, small" "Today's payments"
keys F1
wait_for "help says how it scrolls" \
    "Up/Down/PgUp/PgDn/Home/End scroll, any other key goes back"
wait_for "help starts at the first key" "the details of the payment"
lacks "the last key is below" "back to the home screen"
keys End
wait_for "End shows the last keys" "back to the home screen"
lacks "the first is scrolled away" "the details of the payment"
keys Home
wait_for "Home shows the first again" "the details of the payment"
keys PgDn
wait_for "PgDn scrolls a page" "back to the home screen"
keys x
wait_for "another key goes back" "payments posted"
tmux -S "$SOCK" resize-window -t pd -x 80 -y 24

# --- the back office: marks, sideways scrolling, the Reasons row
cat >>"$PAYDESK_CONFIG" <<'CFG'
[credit_notes]
reasons = Duplicate Payment, Overpayment, Billing Error, Service Not Rendered, Goodwill Gesture, Meter Misread, Tariff Correction, Customer Complaint Settlement
CFG
# a tmux server of its own: the first one may still be going away
tmux -S "$SOCK" kill-server 2>/dev/null
SOCK="$T/tmux2.sock"
tui_start
login mary 2222
wait_for "the dashboard" "Total Collected"
keys y
wait_for "the payers report" "Payers report"
wait_for "the payers listed" "4 consumers"
keys Space Space
wait_for "Space marks two rows" "2 marked"
keys Home Space
wait_for "Space again unmarks the first" "1 marked"
keys End Space
wait_for "End, Space marks the last" "2 marked"
settle
python3 - "$SCREEN" <<'PY' && ok "the second and the last rows are marked" ||
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
h = [i for i, l in enumerate(lines) if "Consumer" in l and "Account" in l][0]
rows = []
for l in lines[h + 1:]:
    if not l.strip():
        break
    rows.append(l)
marks = [r[2:3] == "*" for r in rows]
print("  marks:", marks)
sys.exit(marks != [False, True, False, True])
PY
    { echo "not ok - the second and the last rows are marked"; sed 's/^/  | /' "$SCREEN"; }
tmux -S "$SOCK" resize-window -t pd -x 50 -y 24
wait_for "narrow: more columns to the right" ">"
lacks "the Last Paid column is off the screen" "Last Paid"
keys Right Right Right Right
wait_for "Right scrolls the columns to Last Paid" "Last Paid"
wait_for "the first column stays, with < for the ones scrolled" "<"
keys Left Left Left Left
sleep 0.3
lacks "Left scrolls back" "Last Paid"
tmux -S "$SOCK" resize-window -t pd -x 80 -y 24
keys Escape
wait_for "back on the dashboard" "Total Collected"
keys c
wait_for "the credit notes tab" "Credit Notes"
keys f
wait_for "its filter" "Reasons"
keys Down Down
wait_for "the Reasons row starts with the first reason" "Duplicate Payment"
lacks "the last reason does not fit yet" "Customer Complaint Settlement"
keys Right Right Right Right Right Right Right
wait_for "Right moves to the last reason, which scrolls into view" \
    "Customer Complaint Settlement"
lacks "the first reason scrolled away" "Duplicate Payment"
# the reasons before it fill the row as far as they fit (helper-252,
# fault 10: room was kept for a > after the last reason, and for a gap
# after it, so one showed where two fitted): at 88 columns Tariff
# Correction fits before it exactly, at 86 it does not
tmux -S "$SOCK" resize-window -t pd -x 88 -y 24
wait_for "at 88 columns, the reason before it too, to the row's end" \
    "< [ ] Tariff Correction  [ ] Customer Complaint Settlement"
tmux -S "$SOCK" resize-window -t pd -x 86 -y 24
wait_re "at 86 columns, no room for it" \
    'Reasons +< \[ \] Customer Complaint Settlement$'
tmux -S "$SOCK" resize-window -t pd -x 80 -y 24
keys Space
wait_for "Space takes the reason under the cursor" \
    "[x] Customer Complaint Settlement"
keys Home
