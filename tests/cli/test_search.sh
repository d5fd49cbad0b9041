# test_search.sh - issue 17: search finds what a person types (case and
# accents folded alike in the index and the query, one or two characters
# counted as characters, each consumer once, phone numbers with the
# organisation's calling code, payments by any of their numbers, lookups
# by the end of a number), and a reference for every payment that is not
# cash (required or optional per method, checked, stored, shown, printed,
# exported, synced, searched).
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"

setup_search_store

# accounts of a search, in order, one a line
accounts() { env PAYDESK_PIN=2222 "$PD" --user mary --json consumer search "$@" | sed -n 's/.*"account_no": *"\([^"]*\)".*/\1/p'; }

# -- one or two characters with a letter outside ASCII
for q in ł Ł Łu łU é É Ém; do
	expect "short search \"$q\" finds its consumer" 0 "" cashier consumer search "$q"
	# ł and Ł also start a word of Acme Bakery Ltd (issue 17 review:
	# one or two characters match the start of any word)
	case $q in [éÉ]*) want="FR-1" ;; ł | Ł) want="PL-1 WU-10003" ;; *) want="PL-1" ;; esac
	same "short search \"$q\" is $want" "$(accounts "$q" | tr '\n' ' ')" "$want "
done
same "one wide character" "$(accounts 山 | tr '\n' ' ')" "JP-1 "
same "two wide characters" "$(accounts 山田 | tr '\n' ' ')" "JP-1 "

# -- each consumer once
same "\"a\": names that start so, then the other accounts, each once" \
    "$(accounts a | tr '\n' ' ')" "WU-10003 AC-1 AC-2 AC-3 "
same "\"A\": the same" "$(accounts A | tr '\n' ' ')" "WU-10003 AC-1 AC-2 AC-3 "
same "\"ac\": the same" "$(accounts ac | tr '\n' ' ')" "WU-10003 AC-1 AC-2 AC-3 "
same "\"b\": Bob once, then Acme Bakery by a word" "$(accounts b | tr '\n' ' ')" "AC-2 WU-10003 "
same "\"wu\": three accounts, once each" "$(accounts wu | tr '\n' ' ')" \
    "WU-10001 WU-10002 WU-10003 "
same "\"c\": Carl by name, no account starts with c twice" \
    "$(accounts c | tr '\n' ' ')" "AC-3 "

# -- accents and case
for q in nunez "jose nunez" "JOSE NUNEZ" "José Núñez" "josé"; do
	same "\"$q\" finds José Núñez" "$(accounts "$q" | tr '\n' ' ')" "WU-10002 "
done
same "\"emile\" finds Émile Durand" "$(accounts emile | tr '\n' ' ')" "FR-1 "
same "\"ŁUKASZ ZOŁC\" finds Łukasz Żółć (ł stays ł)" \
    "$(accounts "ŁUKASZ ZOŁC" | tr '\n' ' ')" "PL-1 "
same "\"nunes\" finds nobody" "$(accounts nunes | tr '\n' ' ')" ""

# -- phone numbers with the organisation's calling code
same "+1 without a calling code configured finds nobody" \
    "$(accounts "+1 555 123 4567" | tr '\n' ' ')" ""
echo "[organisation]" >>"$PAYDESK_CONFIG"
echo "phone_country_code = 1" >>"$PAYDESK_CONFIG"
for q in "+1 555 123 4567" "+15551234567" "001 555 123 4567" "+1 (555) 123-4567"; do
	same "\"$q\" finds (555) 123-4567" "$(accounts "$q" | tr '\n' ' ')" "WU-10001 "
done
same "another calling code is not dropped" \
    "$(accounts "+44 555 123 4567" | tr '\n' ' ')" ""
same "a number stored with its code is found without it" \
    "$(accounts "1 23 45 67 89" | tr '\n' ' ')" "FR-1 "
expect "config shows the calling code" 0 "phone_country_code" "$PD" config
for bad in "+1" "12345" "1a"; do
	printf '[store]\npath = %s\n[organisation]\nphone_country_code = %s\n' \
	    "$DB" "$bad" >"$T/bad.ini"
	expect "calling code \"$bad\" is refused" 3 "phone_country_code" \
	    "$PD" --config "$T/bad.ini" consumer search a
done

# -- payments, with references
export PAYDESK_PIN=1234
cat >>"$PAYDESK_CONFIG" <<'CFG'
[payments]
methods = Cash:cash, Credit Card:card:required, Debit Card:card, Cheque:bank:optional, Bank Transfer:bank:none, Online:online
CFG
expect "card payment with its authorisation code" 0 \
    "Payment reference  AUTH 123456" \
    "$PD" --user jane pay WU-10002 --type bill --method "Credit Card" \
    --amount 30 --reference "AUTH 123456"
refused "required reference missing" 3 \
    "A Credit Card payment needs a reference" \
    "$PD" --user jane pay WU-10002 --type bill --method "Credit Card" --amount 30
refused "required reference empty" 3 "needs a reference" \
    "$PD" --user jane pay WU-10002 --type bill --method "Credit Card" \
    --amount 30 --reference ""
refused "cash takes no reference" 3 "A Cash payment takes no reference" \
    "$PD" --user jane pay WU-10002 --type bill --method Cash --amount 30 \
    --reference X1
refused "a method with rule none takes no reference" 3 "takes no reference" \
    "$PD" --user jane pay WU-10002 --type bill --method "Bank Transfer" \
    --amount 30 --reference X1
refused "reference too long" 3 "65 characters long; at most 64" \
    "$PD" --user jane pay WU-10002 --type bill --method Cheque --amount 30 \
    --reference "$(printf '%065d' 0)"
refused "reference not printable ASCII" 3 "position 4" \
    "$PD" --user jane pay WU-10002 --type bill --method Cheque --amount 30 \
    --reference "CHQé1"
has "the rule named: letters A-Z" \
    "position 4 (letters A-Z, digits, spaces and ASCII punctuation only)"
refused "a Cyrillic letter is not A-Z" 3 "position 1 (letters A-Z" \
    "$PD" --user jane pay WU-10002 --type bill --method Cheque --amount 30 \
    --reference "Чек481"
refused "a Greek letter, in Spanish" 3 "posición 3 (solo letras A-Z" \
    env LANGUAGE=es "$PD" --user jane pay WU-10002 --type bill \
    --method Cheque --amount 30 --reference "ABΩ1"
refused "reference with a tab" 3 "position 2" \
    "$PD" --user jane pay WU-10002 --type bill --method Cheque --amount 30 \
    --reference "$(printf 'A\tB')"
refused "reference starting with a space" 3 "starts or ends with a space" \
    "$PD" --user jane pay WU-10002 --type bill --method Cheque --amount 30 \
    --reference " 481"
expect "optional reference left out" 0 "R-T01-000002" \
    "$PD" --user jane pay WU-10001 --type bill --method "Debit Card" --amount 20
expect "cheque with its number" 0 "CHQ-000481" \
    "$PD" --user jane pay WU-10003 --type bill --method Cheque --amount 50 \
    --reference CHQ-000481
expect "cash as before" 0 "R-T01-000004" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 10
same "references stored" \
    "$(sql "SELECT receipt_no || '=' || reference FROM payments ORDER BY id" | tr '\n' ' ')" \
    "R-T01-000001=AUTH 123456 R-T01-000002= R-T01-000003=CHQ-000481 R-T01-000004= "
refused "a reference is never changed" 0 "" true
run sqlite3 "$DB" "UPDATE payments SET reference = 'X' WHERE id = 1"
has "the store refuses to change a reference" "cannot be changed"

expect "payment show has the reference" 0 "Payment reference  AUTH 123456" \
    cashier payment show R-T01-000001
expect "payment show --json has it" 0 '"reference": "AUTH 123456"' \
    env PAYDESK_PIN=2222 "$PD" --user mary --json payment show R-T01-000001
expect "no reference, no line" 0 "Transaction ID" cashier payment show R-T01-000002
if grep -q "Payment reference" "$OUT"; then notok "no reference line when none"; else ok "no reference line when none"; fi
expect "text receipt prints it" 0 "AUTH 123456" \
    "$PD" --user jane receipt R-T01-000001 --text
has "text receipt labels it" "Payment reference"
expect "PDF receipt" 0 "" "$PD" --user jane receipt R-T01-000003 --out "$T/r3.pdf"
pdftotext -layout "$T/r3.pdf" "$T/r3.txt" 2>/dev/null
grep -q "Payment reference *CHQ-000481" "$T/r3.txt" && ok "PDF receipt prints it" ||
    notok "PDF receipt prints it" "$(grep -i ref "$T/r3.txt")"
printf '[store]\npath = %s\n[organisation]\nlanguage = es\n' "$DB" >"$T/es.ini"
expect "Spanish receipt" 0 "Referencia del pago" \
    as_admin "$T/es.ini" "$PD" --config "$T/es.ini" --user jane receipt R-T01-000001 --text
printf '[store]\npath = %s\n[organisation]\nlanguage = fr\n' "$DB" >"$T/fr.ini"
expect "French receipt" 0 "Référence du paiement" \
    as_admin "$T/fr.ini" "$PD" --config "$T/fr.ini" --user jane receipt R-T01-000001 --text

# -- the payments list, its exports and its search
expect "payments list has a Reference column" 0 "Reference" cashier payments
has "the list shows the reference" "CHQ-000481"
if sup --csv payments >"$T/p.csv"; then ok "CSV export"; else notok "CSV export" "exit status $?"; fi
same "CSV header ends with reference" "$(head -1 "$T/p.csv" | tr -d '\r' | sed 's/.*,//')" "reference"
same "CSV row has the reference" "$(grep R-T01-000003 "$T/p.csv" | tr -d '\r' | sed 's/.*,//')" "CHQ-000481"
expect "JSON list" 0 '"reference":"AUTH 123456"' sup --json payments
expect "xlsx export" 0 "" sup --xlsx "$T/p.xlsx" payments
python3 "$TOP/tests/tools/xlsx_cells.py" "$T/p.xlsx" >"$OUT" 2>&1
has "xlsx header has Reference" "str:Reference"
has "xlsx row has the reference" "str:CHQ-000481"

receipts() { sup --csv payments --search "$1" 2>/dev/null | tail -n +2 | cut -d, -f1 | tr -d '\r' | sort | tr '\n' ' '; }
same "search by reference" "$(receipts auth)" "R-T01-000001 "
same "search by reference, any case" "$(receipts chq-0004)" "R-T01-000003 "
same "search by payment id" "$(receipts pay-t01-2025-000002)" "R-T01-000002 "
same "search by transaction id" "$(receipts TXN-T01-2025-000003)" "R-T01-000003 "
same "search by invoice number" "$(receipts INV-2025-003001)" "R-T01-000003 "
same "search by receipt, lower case" "$(receipts r-t01-000004)" "R-T01-000004 "
same "search by consumer without accents" "$(receipts nunez)" "R-T01-000001 "
same "search by a short accented prefix" "$(receipts ÁC)" "R-T01-000003 "
same "search by a short prefix: every name that starts so" "$(receipts jo)" \
    "R-T01-000001 R-T01-000002 R-T01-000004 "
same "report payers --search folds" \
    "$(sup --csv report payers --search "jose nunez" | tail -n +2 | cut -d, -f2 | tr -d '\r')" \
    "WU-10002"
# the search with other filters: bound once for the payers and again for
# each payer's methods (a query of more than 32 bindings lost its last)
payers() { sup --csv report payers "$@" 2>&1 | tail -n +2 | cut -d, -f2 | tr -d '\r' | sort | tr '\n' ' '; }
all_jo=$(payers --search jo)
same "report payers --search jo" "$all_jo" "WU-10001 WU-10002 "
for f in "--from 2000-01-01" "--to 2099-12-31" \
    "--from 2000-01-01 --to 2099-12-31 --operator jane"; do
	# shellcheck disable=SC2086 # the filter's words
	same "report payers $f --search jo: the same payers" \
	    "$(payers $f --search jo)" "$all_jo"
	# shellcheck disable=SC2086
	same "report payers $f --search \"jose nunez\"" \
	    "$(payers $f --search "jose nunez")" "WU-10002 "
	# shellcheck disable=SC2086
	same "payments $f --search jo: the same payments" \
	    "$(sup --csv payments $f --search jo 2>&1 | tail -n +2 | cut -d, -f1 | tr -d '\r' | sort | tr '\n' ' ')" \
	    "R-T01-000001 R-T01-000002 R-T01-000004 "
done
same "report payers --from 2099-01-01 --search jo: nobody" \
    "$(payers --from 2099-01-01 --search jo)" ""
export PAYDESK_PIN=2222
expect "credit note on a payment named by the end of its receipt" 0 "CN-T01-00001" \
    "$PD" --user mary credit-note create 000003 --amount 5 --reason "Billing Error"
same "credit-notes --search folds" \
    "$(sup --csv credit-notes --search "acme" | tail -n +2 | cut -d, -f1 | tr -d '\r')" \
    "CN-T01-00001"
same "credit-notes --search: short, any case" \
    "$(sup --csv credit-notes --search "AC" | tail -n +2 | cut -d, -f1 | tr -d '\r')" \
    "CN-T01-00001"
expect "report aging --search folds" 0 "José Núñez" \
    sup report aging --search "NUNEZ"

# -- lookups: any case, the unambiguous end
expect "payment show in lower case" 0 "R-T01-000001" cashier payment show r-t01-000001
expect "payment show by the end of a receipt" 0 "R-T01-000003" cashier payment show 0003
expect "the end of a payment id" 0 "R-T01-000002" cashier payment show 2025-000002
expect "the end of a transaction id, any case" 0 "R-T01-000004" \
    cashier payment show n-t01-2025-000004
expect "reprint by the end of its number" 0 "R-T01-000001" "$PD" --user mary receipt 000001 --text
# another terminal's payment 1, as sync would bring it (straight in SQL)
sql "INSERT INTO payments (uuid, payment_no, txn_no, receipt_no,
 consumer_id, type, channel, method, method_kind, amount, tendered,
 change_given, due_total, overpaid, paid_on, created_at, notes, user_id,
 received_by, terminal, branch, status, verified, verified_at,
 verified_by, balance_after) SELECT uuid || '-2', replace(payment_no,
 'T01', 'T02'), replace(txn_no, 'T01', 'T02'), replace(receipt_no, 'T01',
 'T02'), consumer_id, type, channel, method, method_kind, amount, tendered,
 change_given, due_total, overpaid, paid_on, created_at, notes, user_id,
 received_by, 'T02', branch, status, verified, verified_at, verified_by,
 balance_after FROM payments WHERE receipt_no = 'R-T01-000002'"
refused "an ambiguous end" 3 "is the end of more than one payment's number" \
    cashier payment show 000002
has "an ambiguous end names two" "R-T02-000002"
refused "an ambiguous end, reprint" 3 "type more of it" \
    "$PD" --user mary receipt 2025-000002 --text
expect "more of it is unambiguous" 0 "R-T02-000002" cashier payment show t02-000002
expect "an exact number is never ambiguous" 0 "R-T01-000002" \
    cashier payment show R-T01-000002
refused "an end that fits none" 4 "No payment with" cashier payment show 9999
# two characters are an end too (issue 17): "02" ends two receipts here,
# so it is ambiguous and names them, where it said "No payment" before
refused "two characters: an ambiguous end names its payments" 3 \
    "(R-T01-000002, R-T02-000002): type more of it" cashier payment show 02
expect "void by lower-case receipt" 0 "" \
    "$PD" --user mary payment void r-t01-000004 --reason "Keyed twice"
same "the right one voided" "$(sql "SELECT receipt_no FROM payments WHERE status = 'Voided'")" "R-T01-000004"

# -- configuration of the rule
for bad in "Cash:cash:required" "Card:card:sometimes" "Card:card:Required"; do
	printf '[store]\npath = %s\n[payments]\nmethods = %s\n' "$DB" "$bad" >"$T/bad.ini"
	expect "method \"$bad\" is refused" 3 "methods" \
	    "$PD" --config "$T/bad.ini" consumer search a
done
expect "config shows a method's rule" 0 "Credit Card:card:required" "$PD" config
has "and not the default one" "Debit Card:card,"

# -- a search that matches most payments walks the order (one page)
same "invoice numbers, one page of many" \
    "$(sup --csv payments --search inv-2025 --limit 1 | tail -n +2 | cut -d, -f1 | tr -d '\r')" \
    "R-T01-000004"
same "invoice numbers, every page" "$(receipts inv-2025)" \
    "R-T01-000001 R-T01-000002 R-T01-000003 R-T01-000004 "
same "receipt numbers, one page of many" \
    "$(sup --csv payments --search "r-t0" --limit 1 | tail -n +2 | cut -d, -f1 | tr -d '\r')" \
    "R-T02-000002"

# -- a part of a number, and what was pasted with white space (issue 17)
# Acme's payment R-T01-000003 again as R-T01-004567 (its phone has no
# 4567), and with the reference AB-1234567, straight in SQL as sync brings
# payments; the trigram index follows the insert
for r in "R-T01-004567|" "R-T01-000555|AB-1234567" "R-T01-009231|" "R-T01-009232|"; do
	sql "INSERT INTO payments (uuid, payment_no, txn_no, receipt_no,
	 consumer_id, type, channel, method, method_kind, amount, tendered,
	 change_given, due_total, overpaid, paid_on, created_at, notes, user_id,
	 received_by, terminal, branch, status, verified, verified_at,
	 verified_by, balance_after, reference) SELECT uuid || '-${r%|*}',
	 'PAY-' || '${r%|*}', 'TXN-' || '${r%|*}', '${r%|*}', consumer_id, type,
	 channel, method, method_kind, amount, tendered, change_given,
	 due_total, overpaid, paid_on, created_at, notes, user_id, received_by,
	 terminal, branch, status, verified, verified_at, verified_by,
	 balance_after, '${r#*|}' FROM payments WHERE receipt_no = 'R-T01-000003'"
done
# (4567 is in John Doe's phone too: his payments are found as well)
got=$(receipts 4567)
case "$got" in *R-T01-000555*R-T01-004567*) ok "4567 finds the reference AB-1234567 and the receipt R-T01-004567" ;;
*) echo "not ok - 4567 finds the reference AB-1234567 and the receipt R-T01-004567"; echo "  got [$got]" ;; esac
same "a middle part of a reference, any case" "$(receipts b-12)" \
    "R-T01-000555 "
same "a part of a transaction id" "$(receipts "xn-r-t01-0045")" "R-T01-004567 "
same "a part of a receipt pasted with spaces around it" \
    "$(receipts "  T01-00456 ")" "R-T01-004567 "
same "a receipt number copied with a break inside it" \
    "$(receipts "R-T01- 004567")" "R-T01-004567 "
same "a consumer pasted with spaces around it" \
    "$(sup --csv report payers --search " Acme Bakery " | tail -n +2 | cut -d, -f2 | tr -d '\r')" \
    "WU-10003"
expect "consumer search trims too" 0 "WU-10003" cashier consumer search "  acme	"
expect "consumer show: an account pasted with spaces" 0 "Acme Bakery" \
    cashier consumer show " WU-10003 "
expect "payment show: the receipt pasted with spaces in and around it" 0 \
    "R-T01-004567" cashier payment show " R-T01- 004567 "
expect "payment show: a unique part is the payment" 0 "R-T01-000555" \
    cashier payment show 0555
refused "payment show 92: part of several, ambiguous" 3 \
    '"92" is ambiguous: it is part of more than one payment'"'"'s number (R-T01-009231, R-T01-009232); type more of it, or the whole number' \
    cashier payment show 92
refused "reprint: the same rule" 3 "R-T01-009231, R-T01-009232" \
    "$PD" --user mary receipt 923 --text
refused "in Spanish too" 3 "R-T01-009231, R-T01-009232" \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payment show 92
expect "credit-note show: a number pasted with spaces" 0 "CN-T01-00001" \
    cashier credit-note show " CN-T01-00001 "
# credit notes are looked up by the rule of receipts (issue 17: case-
# sensitive, no tail): any case, the unambiguous end, the one holding it
expect "credit-note show in lower case" 0 "CN-T01-00001" \
    cashier credit-note show cn-t01-00001
expect "credit-note show by the end of its number" 0 "CN-T01-00001" \
    cashier credit-note show 00001
expect "a second credit note" 0 "CN-T01-00002" \
    "$PD" --user mary credit-note create R-T01-000003 --amount 1 \
    --reason "Billing Error"
expect "the end of the second" 0 "CN-T01-00002" cashier credit-note show 2
refused "an end of both: ambiguous, both named" 3 \
    '"0" is ambiguous: it is part of more than one credit note'"'"'s number (CN-T01-00001, CN-T01-00002); type more of it, or the whole number' \
    cashier credit-note show 0
refused "an end no credit note has" 4 'No credit note "9"' \
    cashier credit-note show 9
expect "credit-note pdf in lower case writes the note by its number" 0 \
    "CN-T01-00002.pdf" "$PD" --user mary credit-note pdf cn-t01-00002
refused "apply: the same rule, and an ambiguous end changes nothing" 3 \
    "is ambiguous" "$PD" --user mary credit-note apply t01-0000 \
    --to INV-2025-003001 --amount 0.10
expect "apply by the end of the number" 0 "CN-T01-00002" \
    "$PD" --user mary credit-note apply 00002 --to INV-2025-003001 \
    --amount 0.10

# -- a whole receipt number names its payment (issue 24: read from the
# numbers' indexes, not from the trigrams every number shares): a
# reference that holds it inside is not listed for it, one that starts
# with it is; a part of it still finds every number that holds it
for r in "R-T01-007001|ZR-T01-004567" "R-T01-007002|R-T01-004567-B"; do
	sql "INSERT INTO payments (uuid, payment_no, txn_no, receipt_no,
	 consumer_id, type, channel, method, method_kind, amount, tendered,
	 change_given, due_total, overpaid, paid_on, created_at, notes, user_id,
	 received_by, terminal, branch, status, verified, verified_at,
	 verified_by, balance_after, reference) SELECT uuid || '-${r%|*}',
	 'PAY-' || '${r%|*}', 'TXN-' || '${r%|*}', '${r%|*}', consumer_id, type,
	 channel, method, method_kind, amount, tendered, change_given,
	 due_total, overpaid, paid_on, created_at, notes, user_id, received_by,
	 terminal, branch, status, verified, verified_at, verified_by,
	 balance_after, '${r#*|}' FROM payments WHERE receipt_no = 'R-T01-000003'"
done
same "a whole receipt number: its payment and the numbers starting with it" \
    "$(receipts R-T01-004567)" "R-T01-004567 R-T01-007002 "
same "the whole number in lower case, pasted with a break" \
    "$(receipts "r-t01- 004567")" "R-T01-004567 R-T01-007002 "
same "a whole transaction id alike" "$(receipts TXN-R-T01-007001)" \
    "R-T01-007001 "
same "a part of it: every number holding it" "$(receipts T01-004567)" \
    "R-T01-004567 R-T01-007001 R-T01-007002 "

# -- letters with no separable accent (issue 17): a plain keyboard types
# i for ı and İ, l for ł, o for ø, d for đ and ð, ss for ß, ae for æ, oe
# for œ, th for þ; in the index (folded by the migration's rule) and in
# the query alike, in every search
cat >"$T/letters.csv" <<'CSV'
account_no,name,service_address,phone,email,segment
TR-1,Deniz Yılmaz,,,,Residential
PL-2,Łucja Kowalska,,,,Residential
TR-2,Işık Demir,,,,Residential
PL-3,Łukasz Wróbel,,,,Residential
DE-1,Gerda Straße,,,,Residential
DK-1,Mette Ørsted,,,,Residential
TR-3,İsmail Öztürk,,,,Residential
RS-1,Đorđe Đoković,,,,Residential
IS-1,Þóra Sigurðardóttir,,,,Residential
FR-2,Lætitia Cœur,,,,Residential
CSV
cat >"$T/letters-bills.csv" <<'CSV'
invoice_no,account_no,period,amount,issued_on,due_on
INV-TR-1,TR-1,Mar 2025,40.00,2025-03-01,2025-03-15
INV-PL-2,PL-2,Mar 2025,50.00,2025-03-01,2025-03-15
INV-DK-1,DK-1,Mar 2025,60.00,2025-03-01,2025-03-15
INV-TR-2,TR-2,Mar 2025,70.00,2025-03-01,2025-03-15
CSV
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/letters.csv" >/dev/null &&
    PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/letters-bills.csv" >/dev/null &&
    ok "consumers with letters that do not decompose" ||
    notok "consumers with letters that do not decompose"
for c in "yilmaz|TR-1" "YILMAZ|TR-1" "lucja|PL-2" "isik|TR-2" "isik demir|TR-2" \
    "lukasz|PL-1 PL-3" "strasse|DE-1" "orsted|DK-1" "ismail|TR-3" \
    "dorde dokovic|RS-1" "thora sigurdardottir|IS-1" "laetitia|FR-2" \
    "coeur|FR-2" "Lucja Kowalska|PL-2" "Łucja|PL-2" "Yılmaz|TR-1" \
    "Ørsted|DK-1" "Straße|DE-1" "strase|" "ørstad|"; do
	q=${c%|*} want=${c#*|}
	[ -n "$want" ] && want="$want "
	same "consumer search \"$q\"" "$(accounts "$q" | sort | tr '\n' ' ')" \
	    "$want"
done
same "one letter: \"ł\" is l, the names that start with it" \
    "$(accounts ł | sort | tr '\n' ' ')" "FR-2 PL-1 PL-2 PL-3 WU-10003 "
same "two letters: \"lu\" finds Łucja and Łukasz" \
    "$(accounts lu | sort | tr '\n' ' ')" "PL-1 PL-2 PL-3 "
same "two letters: \"th\" finds Þóra" "$(accounts th | tr '\n' ' ')" "IS-1 "
same "one letter: \"ı\" is i: names, then an account" \
    "$(accounts ı | tr '\n' ' ')" "TR-2 TR-3 IS-1 "
export PAYDESK_PIN=1234
expect "a payment by Deniz Yılmaz" 0 "R-T01-000005" \
    "$PD" --user jane pay TR-1 --type bill --method Cash --amount 40
expect "a payment by Łucja Kowalska" 0 "R-T01-000006" \
    "$PD" --user jane pay PL-2 --type bill --method Cash --amount 20
same "payments --search yilmaz" "$(receipts yilmaz)" "R-T01-000005 "
same "payments --search lucja" "$(receipts lucja)" "R-T01-000006 "
same "payments --search lu: a short prefix" "$(receipts lu)" "R-T01-000006 "
same "report payers --search lucja" "$(payers --search lucja)" "PL-2 "
same "report payers --search \"deniz yilmaz\"" "$(payers --search "deniz yilmaz")" "TR-1 "
export PAYDESK_PIN=2222
expect "a credit note for Deniz Yılmaz" 0 "CN-T01-00003" \
    "$PD" --user mary credit-note create R-T01-000005 --amount 5 --reason "Billing Error"
same "credit-notes --search yilmaz" \
    "$(sup --csv credit-notes --search yilmaz | tail -n +2 | cut -d, -f1 | tr -d '\r')" \
    "CN-T01-00003"
aging() { sup --csv report aging "$@" 2>&1 | tail -n +2 | tr -d '\r' | tr ',' '\n' | grep -E '^[A-Z]{2}-[0-9]+$' | sort | tr '\n' ' '; }
same "report aging --search orsted" "$(aging --search orsted)" "DK-1 "
same "report aging --search isik" "$(aging --search isik)" "TR-2 "
same "report aging --search lucja: the rest of her bill" "$(aging --search lucja)" "PL-2 "
# the aging search is the consumer search's rule: one or two characters
# are the start of a name or account, not any part of it (it took "rs"
# from the middle of Ørsted, and "ı" matched only ı)
same "report aging --search \"rs\": no name starts so" "$(aging --search rs)" ""
same "report aging --search \"mé\": Mette Ørsted's start" "$(aging --search mé)" "DK-1 "
# ... but the start of any word is (issue 17 review): Ørsted is hers
same "report aging --search \"ør\": her surname's start" "$(aging --search ør)" "DK-1 "
same "report aging --search \"ı\": the names that start with i" "$(aging --search ı)" "TR-2 "
same "report aging --search \"i\": the same" "$(aging --search i)" "TR-2 "
same "report aging --search \"dk\": an account's start" "$(aging --search dk)" "DK-1 "
same "report aging --search \"rsted\": three or more, anywhere" "$(aging --search rsted)" "DK-1 "

# -- a search that names a document lists the payments of that document,
# not also every payment of a consumer whose phone holds its digits
# (issue 17 review: INV-006-A listed the consumer's other payments: the
# digits 006 matched the phone); without a digit, or when no number
# matches, the consumer search applies as before
printf 'account_no,name,service_address,phone,email,segment\nZZ-1,Zed Quist,,(555) 006-0071,,Residential\n' >"$T/zz.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-006-A,ZZ-1,Mar 2025,10,2025-04-01,2025-04-15\nINV-007-B,ZZ-1,Apr 2025,20,2025-04-01,2025-04-16\n' >"$T/zzb.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/zz.csv" >/dev/null
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/zzb.csv" >/dev/null
zr1=$("$PD" --user mary pay ZZ-1 --type bill --items INV-006-A --method Cash --amount 10 | grep -o 'R-T01-[0-9]*' | head -1)
zr2=$("$PD" --user mary pay ZZ-1 --type bill --items INV-007-B --method Cash --amount 20 | grep -o 'R-T01-[0-9]*' | head -1)
same "payments --search INV-006-A: that bill's payment only" \
    "$(receipts INV-006-A)" "$zr1 "
same "payments --search inv-007: the other bill's, any case" \
    "$(receipts inv-007)" "$zr2 "
same "payments --search $zr2: the receipt only" "$(receipts "$zr2")" "$zr2 "
same "payments --search zed: a name, every payment of Zed" \
    "$(receipts zed)" "$zr1 $zr2 "
same "payments --search 006-0071: no number holds it, the phone does" \
    "$(receipts 006-0071)" "$zr1 $zr2 "
n=$(sup payments --search INV-006-A | grep -c "$zr2")
same "the list's count agrees: not the other payment" "$n" "0"
# report payers reads the same rule: the payer of that bill's payment
# only, not the consumer's total (the phone's digits)
ptot() { sup --csv report payers --search "$1" | tail -n +2 | cut -d, -f3 | tr -d '\r' | tr '\n' ' '; }
same "report payers --search INV-006-A: that payment's 10.00 only" \
    "$(ptot INV-006-A)" "10.00 "
same "report payers --search $zr2: that receipt's 20.00" "$(ptot "$zr2")" "20.00 "
same "report payers --search 006-0071: the phone, both payments" \
    "$(ptot 006-0071)" "30.00 "

# -- credit-notes --search is every list's rule: one or two characters
# are the start of a name, an account or a number, never a part inside
# (issue 17 review: "lm" found Deniz Yılmaz's note)
cns() { sup --csv credit-notes --search "$1" | tail -n +2 | cut -d, -f1 | tr -d '\r' | sort | tr '\n' ' '; }
same "credit-notes --search lm: inside a name, nothing" "$(cns lm)" ""
same "credit-notes --search il: inside a name, nothing" "$(cns il)" ""
same "credit-notes --search 01: inside the numbers, nothing" "$(cns 01)" ""
same "credit-notes --search cn: the numbers that start so" "$(cns cn)" \
    "CN-T01-00001 CN-T01-00002 CN-T01-00003 "
same "credit-notes --search niz: three characters, anywhere" "$(cns niz)" \
    "CN-T01-00003 "

# -- one or two characters match the start of any word of a name, and any
# character of a name in wide (CJK) characters, which has no space
# between family and given name (issue 17 review: "mu" found nothing for
# Hans Müller, nor a given name in Japanese, nor a Thai surname)
printf 'account_no,name,service_address,phone,email,segment\n%s\n%s\n%s\n%s\n' \
    "DE-9,Hans Müller,,,,Residential" "TH-9,สมชาย ใจดี,,,,Residential" \
    "KR-9,김민준,,,,Residential" "CN-9,王小明,,,,Residential" >"$T/words.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/words.csv" >/dev/null
same "\"mu\" finds Hans Müller by his surname" "$(accounts mu | tr '\n' ' ')" "DE-9 "
same "\"MÜ\" the same" "$(accounts MÜ | tr '\n' ' ')" "DE-9 "
same "\"ha\" by his given name (the name's start)" "$(accounts ha | tr '\n' ' ')" "DE-9 "
same "\"ll\": no word starts so" "$(accounts ll | tr '\n' ' ')" ""
same "\"太郎\": a Japanese given name" "$(accounts 太郎 | tr '\n' ' ')" "JP-1 "
same "\"太\": its first character" "$(accounts 太 | tr '\n' ' ')" "JP-1 "
same "\"民\": a character no name has" "$(accounts 民 | tr '\n' ' ')" ""
same "\"小明\": a Chinese given name" "$(accounts 小明 | tr '\n' ' ')" "CN-9 "
same "\"민준\": a Korean given name" "$(accounts 민준 | tr '\n' ' ')" "KR-9 "
same "\"ใจ\": a Thai surname's start" "$(accounts ใจ | tr '\n' ' ')" "TH-9 "
same "\"สม\": the Thai given name" "$(accounts สม | tr '\n' ' ')" "TH-9 "
n=$(sup --json consumer search mu | grep -c '"account_no"')
same "each consumer once" "$n" "1"

# -- what a person types into a number is folded (NFKC, dashes): fullwidth
# digits and letters, hyphens, dashes and the minus sign; a calling code
# typed as the first group of digits, without + or 00 (issue 17 review)
same "fullwidth digits of a phone" "$(accounts "５５５ １２３ ４５６７" | tr '\n' ' ')" "WU-10001 "
same "the calling code as the first group" "$(accounts "1 555 123 4567" | tr '\n' ' ')" "WU-10001 "
same "the code first, with dashes" "$(accounts "1-555-123-4567" | tr '\n' ' ')" "WU-10001 "
same "fullwidth +1 and minus signs" "$(accounts "＋１ ５５５−１２３−４５６７" | tr '\n' ' ')" "WU-10001 "
expect "payment show: a fullwidth receipt number" 0 "R-T01-000001" \
    cashier payment show "Ｒ－Ｔ０１－０００００１"
expect "payment show: hyphens (U+2010)" 0 "R-T01-000001" \
    cashier payment show "R‐T01‐000001"
expect "payment show: en dashes and a minus sign" 0 "R-T01-000001" \
    cashier payment show "R–T01−000001"
same "payments --search: a fullwidth invoice number" \
    "$(receipts "ＩＮＶ－００６－Ａ")" "$zr1 "
same "payments --search: an em dash" "$(receipts "INV—007")" "$zr2 "
expect "credit-note show: an en dash" 0 "CN-T01-00001" \
    cashier credit-note show "CN–T01–00001"
refused "a number that folds to none is still not found" 4 "No payment" \
    cashier payment show "Ｒ－Ｔ９９－９９９９９９"

# the data behind a search changes between two lists (issue 24: the
# consumers and numbers a search names are read once per list, for that
# list only): a payment by Deniz whose card reference holds "lucja" is
# listed with Łucja's own, both sources of the page at once, the newest
# first, and a page of one is the newest only
r7=$(PAYDESK_PIN=1234 "$PD" --user jane pay TR-1 --type bill --method "Credit Card" \
    --amount 1 --reference "FOR LUCJA 77" 2>/dev/null | grep -o 'R-T01-[0-9]*' | head -1)
same "the card payment naming Łucja is posted" "${r7:+posted}" "posted"
same "payments --search lucja: her payment and the reference's" \
    "$(receipts lucja)" "R-T01-000006 $r7 "
same "payments --search lucja --limit 1: the newest" \
    "$(sup --csv payments --search lucja --limit 1 | tail -n +2 | cut -d, -f1 | tr -d '\r')" \
    "$r7"
same "payments --search yilmaz: his two" "$(receipts yilmaz)" \
    "R-T01-000005 $r7 "
