# test_receipts.sh - receipts and credit notes as documents: every field
# read back from the PDF with pdftotext, page sizes with pdfinfo, copies
# and voids marked, non-Latin names, wrapping and the growing 80 mm roll,
# plain text, printing, and every way writing one can fail.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00" PAYDESK_PIN=1234
setup_store
R="$T/receipts"

# pdf NAME FILE: the PDF's text in $OUT, runs of spaces squeezed
pdf() {
	if pdftotext -layout "$2" - 2>/dev/null | tr -s ' ' >"$OUT"; then
		ok "$1: pdftotext reads it"
	else
		notok "$1: pdftotext reads it"
	fi
}
# page NAME FILE SIZE: pdfinfo's page size line contains SIZE
page() {
	pdfinfo "$2" 2>/dev/null >"$OUT"
	has "$1" "$3"
}
# fields NAME TEXT...: each TEXT is in $OUT
fields() {
	fname=$1
	shift
	for f in "$@"; do has "$fname: $f" "$f"; done
}
docs() { sql "SELECT count(*) FROM documents WHERE number = '$1'"; }

# --- a cash bill payment with change -------------------------------------
expect "cash payment writes its receipt" 0 "Receipt file" \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145.50 --tendered 150 --notes "Customer paid in full"
has "the receipt file is named by receipt number" "$R/R-T01-000001.pdf"
pdf "cash receipt" "$R/R-T01-000001.pdf"
fields "cash receipt" "Cityville Water & Power" "1 Utility Plaza, Cityville" \
    "RECEIPT" "R-T01-000001" "Payment ID PAY-T01-2025-000001" \
    "Transaction ID TXN-T01-2025-000001" "Payment date 2025-04-20" \
    "Recorded at 2025-04-20 10:00:00" "Name John Doe" \
    "Account number WU-10001" "Service address 123 Main Street, Cityville" \
    "Phone (555) 123-4567" "Payment type Bill" "Channel Walk-in" \
    "Bill INV-2025-001234 Period Mar 2025, due 2025-04-15 \$145.50 \$145.50" \
    "Total paid \$145.50" "Payment method Cash" "Amount received \$150.00" \
    "Change given \$4.50" "Outstanding after payment \$167.50" \
    "Notes Customer paid in full" "Received by Jane Smith" "Terminal T01" \
    "Status Posted" "Verification Verified" "Processing time Immediate" \
    "terminal T01, branch B01" "generated 2025-04-20 10:00:00"
run grep -c "COPY\|VOID" "$OUT"
same "the original is marked neither COPY nor VOID" "$(cat "$OUT")" 0
page "A4 by default" "$R/R-T01-000001.pdf" "595.28 x 841.89 pts (A4)"
size=$(stat -c %s "$R/R-T01-000001.pdf")
if [ "$size" -le 204800 ]; then ok "receipt is at most 200 KB ($size bytes)"
else notok "receipt is at most 200 KB" "$size bytes"; fi
pdffonts "$R/R-T01-000001.pdf" >"$OUT" 2>/dev/null
sed -i 's/  */ /g' "$OUT"
has "the font is embedded as a subset with a Unicode map" \
    "CID TrueType Identity-H yes yes yes"
same "the original is logged" "$(docs R-T01-000001)" 1
same "with an audit entry" "$(sql "SELECT action || ' ' || detail FROM \
    audit_log WHERE entity = 'receipt'")" \
    "issue original pdf to $R/R-T01-000001.pdf"
run ls "$R"
same "no temporary file is left" "$(cat "$OUT")" "R-T01-000001.pdf"

# --- a multi-item partial payment ----------------------------------------
expect "partial payment of two installments" 0 "R-T01-000002" \
    "$PD" --user jane pay WU-10001 --type installment \
    --items "PP-2025-0034#1,PP-2025-0034#2" --method "Credit Card" --amount 100
pdf "partial receipt" "$R/R-T01-000002.pdf"
fields "partial receipt" \
    "Plan PP-2025-0034 #1 Installment 1, due 2025-04-15 \$67.50 \$67.50" \
    "Plan PP-2025-0034 #2 Installment 2, due 2025-05-15 \$67.50 \$32.50" \
    "Total paid \$100.00" "Payment method Credit Card" "Payment type Installment"
run grep -c "Amount received\|Change given" "$OUT"
same "no cash details for a card payment" "$(cat "$OUT")" 0

# --- an overpayment with its credit note ---------------------------------
expect "overpayment" 0 "CN-T01-00001" \
    "$PD" --user jane pay WU-10001 --type service --items SRV-2025-0418 \
    --method Cash --amount 80 --channel Kiosk
pdf "overpayment receipt" "$R/R-T01-000003.pdf"
fields "overpayment receipt" "Reconnection Fee Service SRV-2025-0418, date 2025-04-18 \$75.00 \$75.00" \
    "Credit (overpayment) Kept as a credit note \$5.00" \
    "Overpayment credit note CN-T01-00001, \$5.00" "Channel Kiosk" \
    "Amount received \$80.00" "Change given \$0.00"

# --- a consumer with a non-Latin name ------------------------------------
expect "payment by José Núñez" 0 "R-T01-000004" \
    "$PD" --user jane pay WU-10002 --type bill --method Cash --amount 80
pdf "non-Latin receipt" "$R/R-T01-000004.pdf"
fields "non-Latin receipt" "Name José Núñez" "Service address 9 Calle Mayor, Łódź"

# --- a reprint -----------------------------------------------------------
export PAYDESK_NOW="2025-04-21 09:30:00"
expect "reprint" 0 "Issue        copy" \
    "$PD" --user jane receipt R-T01-000001
has "a copy gets its own file" "$R/R-T01-000001-COPY-1.pdf"
pdf "reprint" "$R/R-T01-000001-COPY-1.pdf"
fields "reprint" "COPY" \
    "Copy 1, reprinted 2025-04-21 09:30:00 by Jane Smith at terminal T01" \
    "Total paid \$145.50" "Change given \$4.50" \
    "Outstanding after payment \$167.50" "generated 2025-04-21 09:30:00"
cmp -s "$R/R-T01-000001.pdf" "$R/R-T01-000001-COPY-1.pdf" &&
    notok "the original file is kept" || ok "the original file is kept"
expect "a reprint by payment id is the second copy" 0 "Copy number  2" \
    "$PD" --user jane receipt PAY-T01-2025-000001
same "each issue is logged" "$(docs R-T01-000001)" 3
same "reprints are audited" "$(sql "SELECT count(*) FROM audit_log WHERE \
    entity = 'receipt' AND action = 'reprint' AND ref = 'R-T01-000001'")" 2
expect "the audit chain still verifies" 0 "" "$PD" audit verify

# --- a voided payment ----------------------------------------------------
expect "void the partial payment" 0 "" env PAYDESK_PIN=2222 \
    "$PD" --user mary payment void R-T01-000002 --reason "Paid on the wrong plan"
expect "the voided payment's receipt" 0 "R-T01-000002-COPY-1.pdf" \
    "$PD" --user jane receipt R-T01-000002
pdf "void receipt" "$R/R-T01-000002-COPY-1.pdf"
fields "void receipt" "VOID" \
    "Voided 2025-04-21 09:30:00 by Mary Johnson. Reason: Paid on the wrong plan" \
    "Status Voided" "COPY"

# --- plain text ----------------------------------------------------------
before=$(snapshot)
expect "text preview" 0 "" "$PD" receipt R-T01-000001 --text
tr -s ' ' <"$OUT" >"$T/squeezed" && mv "$T/squeezed" "$OUT"
fields "text preview" "Change given \$4.50" "Total paid: \$145.50" \
    "Outstanding after payment \$167.50" "Received by Jane Smith"
same "a preview writes and logs nothing" "$(snapshot)" "$before"
for w in 40 48; do
	"$PD" receipt R-T01-000004 --text --width $w >"$T/t$w.txt" 2>&1
	same "text at $w columns fits" \
	    "$(LC_ALL=C.UTF-8 wc -L <"$T/t$w.txt")" $w
done
run cat "$T/t40.txt"
fields "text receipt" "José Núñez" "Łódź" "RECEIPT" "R-T01-000004" \
    "INV-2025-002001" "Total paid:"
expect "text for a line printer is issued and logged" 0 "$T/r4.txt" \
    "$PD" --user jane receipt R-T01-000004 --text --out "$T/r4.txt"
run cat "$T/r4.txt"
has "the text copy is marked" "*** COPY ***"
same "logged as text" "$(sql "SELECT format FROM documents WHERE \
    number = 'R-T01-000004' AND copy = 1")" text

# --- credit note document ------------------------------------------------
expect "apply part of the credit" 0 "" \
    "$PD" --user jane credit-note apply CN-T01-00001 --to INV-2025-001567 --amount 1.67
expect "credit note PDF" 0 "CN-T01-00001.pdf" \
    "$PD" --user jane credit-note pdf CN-T01-00001
pdf "credit note" "$R/CN-T01-00001.pdf"
fields "credit note" "CREDIT NOTE" "CN-T01-00001" "Active" "Name John Doe" \
    "Account number WU-10001" "Created 2025-04-20 10:00:00" \
    "Expires 2026-04-20" "Original amount \$5.00" "Applied amount \$1.67" \
    "Remaining balance \$3.33" "Usage 33.4%" "Reason Overpayment" \
    "Created by Jane Smith" "Linked receipt number R-T01-000003" \
    "Remarks Overpayment on receipt R-T01-000003" "INV-2025-001567" \
    "Cityville Water & Power · terminal T01, branch B01 · generated 2025-04-21 09:30:00"
expect "credit note to a chosen file" 0 "Issue        copy" \
    "$PD" --user jane credit-note pdf CN-T01-00001 --out "$T/cn.pdf"
pdf "credit note copy" "$T/cn.pdf"
has "credit note copy is marked" "COPY"

# --- layouts: Letter, and the 80 mm roll growing with the content --------
printf '[receipts]\npaper = letter\n' >>"$PAYDESK_CONFIG"
expect "letter layout" 0 "" "$PD" --user jane receipt R-T01-000003 --out "$T/l.pdf"
page "Letter page" "$T/l.pdf" "612 x 792 pts (letter)"
sed -i 's/^paper = letter/paper = roll80/' "$PAYDESK_CONFIG"
"$PD" --user jane receipt R-T01-000003 --out "$T/short.pdf" >/dev/null 2>&1
page "80 mm wide roll" "$T/short.pdf" "226.77 x"
long_addr="Apartment 1204, Building C, Riverside Gardens Estate, 4500 North Lakeshore Boulevard, Northern Industrial District, Cityville Metropolitan Area, Postal Zone 12345-6789, Province of Greater Cityville"
notes="Customer paid at the counter after a long discussion about the reconnection schedule; asked that the receipt be mailed to the billing address too. Cash counted twice in front of the customer. Supervisor informed. End of note."
printf 'account_no,name,service_address,phone,email,segment\nWU-20001,Zoë Ångström-Łukasiewicz,"%s",(555) 000-1111,,Residential\n' \
    "$long_addr" >"$T/c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-2025-009001,WU-20001,Mar 2025,50.00,2025-04-01,2025-04-15\n' >"$T/b.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/c.csv" >/dev/null
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b.csv" >/dev/null
expect "payment with a long address and notes" 0 "R-T01-000005" \
    "$PD" --user jane pay WU-20001 --type bill --method Cash --amount 50 \
    --notes "$notes"
page "the roll receipt is 80 mm wide" "$R/R-T01-000005.pdf" "226.77 x"
"$PD" --user jane receipt R-T01-000005 --out "$T/long.pdf" >/dev/null 2>&1
height() { pdfinfo "$1" | sed -n 's/^Page size: *[0-9.]* x \([0-9]*\).*/\1/p'; }
h_short=$(height "$T/short.pdf") h_long=$(height "$T/long.pdf")
if [ "${h_long:-0}" -gt "${h_short:-0}" ]; then
	ok "the roll grows with the content ($h_short pt, $h_long pt)"
else
	notok "the roll grows with the content" "$h_short vs $h_long"
fi
pdftotext "$R/R-T01-000005.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$OUT"
fields "wrapped roll receipt" "Zoë Ångström-Łukasiewicz" "Apartment 1204" \
    "Province of Greater Cityville" "Customer paid at the counter" \
    "Supervisor informed. End of note."
pdftotext -layout "$R/R-T01-000005.pdf" - 2>/dev/null >"$OUT"
lines=$(grep -c . "$OUT")
if [ "$lines" -gt 40 ]; then ok "long fields wrap onto more lines ($lines)"
else notok "long fields wrap onto more lines" "$lines lines"; fi

# --- printing ------------------------------------------------------------
mkdir -p "$T/printed"
printf '#!/bin/sh\ncp "$1" %s/\n' "$T/printed" >"$T/goodprint"
printf '#!/bin/sh\necho "lp: The printer or class does not exist." >&2\nexit 1\n' >"$T/badprint"
chmod +x "$T/goodprint" "$T/badprint"
expect "--print with no print command shows the path" 0 \
    "no print command configured" "$PD" --user jane receipt R-T01-000003 --print
has "and the path" "$R/R-T01-000003-COPY-"
printf 'print_command = %s -x\n' "$T/goodprint" >>"$PAYDESK_CONFIG"
sed -i "s|-x\$||" "$PAYDESK_CONFIG"
expect "print a receipt" 0 "Printed      yes" \
    "$PD" --user jane receipt R-T01-000004 --print
run ls "$T/printed"
has "the print command got the PDF" "R-T01-000004-COPY-2.pdf"
sed -i "s|goodprint|badprint|" "$PAYDESK_CONFIG"
expect "a failing printer is reported in its own words" 8 \
    "lp: The printer or class does not exist." \
    "$PD" --user jane receipt R-T01-000004 --print
has "and the file is still written" "R-T01-000004-COPY-3.pdf"
# the reprint names the receipt by its own number, whatever was typed, and
# the path ends its line (issue 17: "Receipt was written to …pdf, but
# Print command…" ran straight on)
expect "a reprint typed in lower case names R-T01-000004" 8 \
    "paydesk: Receipt R-T01-000004 was not printed (Print command " \
    "$PD" --user jane receipt r-t01-000004 --print
has "the table names it too" "Receipt      R-T01-000004"
has "the printer's words in it" "class does not exist.); the file is"
same "the path whole, last" "$(tail -1 "$OUT" | sed 's/.*; the file is //')" \
    "$R/R-T01-000004-COPY-4.pdf"
expect "by the end of the number: the same" 8 \
    "Receipt R-T01-000004 was not printed" \
    "$PD" --user jane receipt 0004 --print
expect "a credit note typed in lower case" 0 "Credit note  CN-T01-00001" \
    "$PD" --user jane credit-note pdf cn-t01-00001
n=$(sql "SELECT count(*) FROM payments")
expect "pay --print with a failing printer: the payment stays posted" 8 \
    "is posted" "$PD" --user jane pay WU-10001 --type bill --method Cash \
    --amount 10 --print
same "one more payment" "$(sql "SELECT count(*) FROM payments")" $((n + 1))
sed -i "/^print_command/d" "$PAYDESK_CONFIG"

# --- what cannot be written ----------------------------------------------
refused "bad output path" 7 "Cannot write in $T/no/such" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/no/such/r.pdf"
refused "unknown receipt" 4 "No payment" "$PD" --user jane receipt R-T01-999999
refused "receipts need a user" 5 "" "$PD" receipt R-T01-000001
refused "credit note unknown" 4 "" "$PD" --user jane credit-note pdf CN-T01-99999
refused "text width out of range" 3 "--width \"20\"" \
    "$PD" receipt R-T01-000001 --text --width 20
# no number: a usage error (review s52: 3, as out of range)
refused "text width that is no number: usage" 2 \
    "--width \"wide\": must be a whole number from 32 to 80" \
    "$PD" receipt R-T01-000001 --text --width wide
refused "width without text" 2 "--width goes with --text" \
    "$PD" receipt R-T01-000001 --width 40
echo x >"$T/afile"
sed -i "s|^dir = .*|dir = $T/afile/receipts|" "$PAYDESK_CONFIG"
refused "unwritable receipts directory" 7 "Cannot create directory $T/afile/receipts" \
    "$PD" --user jane receipt R-T01-000001
n=$(sql "SELECT count(*) FROM payments")
expect "pay with an unwritable receipts directory posts and says so" 7 \
    "its receipt could not be written" "$PD" --user jane pay WU-10001 \
    --type bill --method Cash --amount 10
same "the payment is posted" "$(sql "SELECT count(*) FROM payments")" $((n + 1))
last=$(sql "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1")
sed -i "s|^dir = .*|dir = $R|" "$PAYDESK_CONFIG"
expect "its receipt written later is the original" 0 "Issue        original" \
    "$PD" --user jane receipt "$last"
printf 'font = %s/none.ttf\n' "$T" >>"$PAYDESK_CONFIG"
refused "missing font" 7 "Font $T/none.ttf" "$PD" --user jane receipt "$last"
sed -i '/^font = /d' "$PAYDESK_CONFIG"
sed -i 's/^paper = roll80/paper = A5/' "$PAYDESK_CONFIG"
refused "unknown paper" 3 "must be one of a4|letter|roll80" \
    "$PD" --user jane receipt "$last"
sed -i 's/^paper = A5/paper = a4/' "$PAYDESK_CONFIG"

# --- a crash never leaves half a PDF under the final name ----------------
i=0
while [ $i -lt 15 ]; do
	"$PD" --user jane receipt R-T01-000003 >/dev/null 2>&1 &
	pid=$!
	sleep 0.0$((i % 10))
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	i=$((i + 1))
done
bad=0
for f in "$R"/*.pdf; do
	pdfinfo "$f" >/dev/null 2>&1 || bad=$((bad + 1))
done
same "after 15 kills every PDF under its final name is whole" $bad 0
missing=0
for f in $(sql "SELECT path FROM documents WHERE number = 'R-T01-000003'"); do
	[ -f "$f" ] || missing=$((missing + 1))
done
same "every logged receipt has its file" $missing 0
expect "the store is sound after the kills" 0 "" "$PD" doctor

# --- batch re-export -----------------------------------------------------
refused "export needs a supervisor" 5 "supervisor" \
    "$PD" --user jane receipts export --dir "$T/exp"
refused "export needs --dir" 2 "--dir is required" \
    env PAYDESK_PIN=2222 "$PD" --user mary receipts export
refused "export --jobs out of range" 3 "--jobs \"0\"" \
    env PAYDESK_PIN=2222 "$PD" --user mary receipts export --dir "$T/exp" --jobs 0
refused "export --jobs that is no number: usage" 2 \
    "--jobs \"four\": must be a whole number from 1 to 16" \
    env PAYDESK_PIN=2222 "$PD" --user mary receipts export --dir "$T/exp" --jobs four
n=$(sql "SELECT count(*) FROM payments WHERE paid_on = '2025-04-20'")
before=$(sql "SELECT count(*) FROM documents")
expect "export a day's receipts with two workers" 0 "Receipts written  $n" \
    env PAYDESK_PIN=2222 "$PD" --user mary receipts export --from 2025-04-20 \
    --to 2025-04-20 --dir "$T/exp" --jobs 2
same "one file per payment" "$(ls "$T/exp" | grep -c '\.pdf$')" "$n"
same "each export is logged" "$(sql "SELECT count(*) FROM documents")" \
    $((before + n))
pdf "exported receipt" "$T/exp/R-T01-000001.pdf"
fields "exported receipt" "COPY" "by Mary Johnson" "Total paid \$145.50"
expect "the audit chain verifies after parallel writers" 0 "" "$PD" audit verify
# a batch made durable together (issue 24): one of its targets refused
# (a folder where a receipt would go) leaves the others written and
# logged, itself unlogged, and no temporary file behind; one worker
mkdir -p "$T/exp2/R-T01-000002.pdf"
before=$(sql "SELECT count(*) FROM documents")
expect "export with one target a folder: refused, naming it" 14 \
    "R-T01-000002.pdf is a directory, not a file" \
    env PAYDESK_PIN=2222 "$PD" --user mary receipts export --from 2025-04-20 \
    --to 2025-04-20 --dir "$T/exp2" --jobs 1
same "the others written" "$(ls "$T/exp2" | grep -c '\.pdf$')" "$n"
same "no temporary file left" "$(ls "$T/exp2" | grep -vc '\.pdf$')" 0
same "the others logged, the refused one not" \
    "$(sql "SELECT count(*) FROM documents")" $((before + n - 1))
same "no log entry names the folder" \
    "$(sql "SELECT count(*) FROM documents WHERE path LIKE '%exp2/R-T01-000002%'")" 0
for f in $(sql "SELECT path FROM documents WHERE path LIKE '%/exp2/%'"); do
	[ -f "$f" ] || echo "missing $f"
done >"$T/missing"
same "every logged export has its file" "$(cat "$T/missing")" ""

# --- the credit note's status badge follows its state --------------------
PAYDESK_NOW="2026-05-01 08:00:00" "$PD" --user jane credit-note pdf CN-T01-00001 \
    --out "$T/expired.pdf" >/dev/null 2>&1
pdf "expired credit note" "$T/expired.pdf"
fields "expired credit note" "Status Expired" "Expires 2026-04-20"
