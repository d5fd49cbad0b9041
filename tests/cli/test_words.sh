# test_words.sh - the same figures and the same words in every view
# (issues 17 and 25): a voided credit note has nothing remaining in its
# details, the lists, the JSON and the exports; the human tables
# translate stored words while the machine output keeps them; --json
# numbers are exact to their decimals.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
export PAYDESK_PIN=2222

# --- a voided credit note: 0.00 remaining everywhere ------------------
expect "a payment" 0 "R-T01-000001" \
    "$PD" --user mary pay WU-10001 --type bill --method Cash --amount 145.50 \
    --items INV-2025-001234
expect "a credit note of 47.75 on it" 0 "CN-T01-00001" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 47.75 \
    --reason Other
expect "an overpayment: its own credit note" 0 "R-T01-000002" \
    "$PD" --user mary pay WU-10002 --type bill --method Cash --amount 100
expect "another credit note on the first payment" 0 "CN-T01-00003" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 20 \
    --reason Other
expect "the payment voided" 0 "voided" \
    "$PD" --user mary payment void R-T01-000001 --reason "Wrong account"
expect "details: Voided" 0 "Voided" cashier credit-note show CN-T01-00001
has "details: nothing remaining" "\$0.00"
if grep -q '47.75' "$OUT" && grep 'Remaining' "$OUT" | grep -q '47.75'; then
	notok "details: not the old remaining"
else ok "details: not the old remaining"; fi
run env PAYDESK_PIN=2222 "$PD" --user mary --json credit-note show CN-T01-00001
has "JSON details: remaining 0" '"remaining": 0'
has "JSON details: status Voided" '"status": "Voided"'
run env PAYDESK_PIN=2222 "$PD" --user mary --json credit-note show CN-T01-00003
has "the other note of the voided payment: remaining 0 too" '"remaining": 0'
run sup --json credit-notes
same "the list: both voided notes have 0 remaining" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sorted((n["number"], n["remaining"]) for n in d))' "$OUT")" \
    "[('CN-T01-00001', 0), ('CN-T01-00002', 2000), ('CN-T01-00003', 0)]"
run cashier credit-notes
if grep 'CN-T01-00001' "$OUT" | grep -q '47.75.*47.75'; then
	notok "the human list: not 47.75 remaining"
else ok "the human list: not 47.75 remaining"; fi
run sup --csv credit-notes
same "the CSV export: remaining 0.00 for the voided note" \
    "$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print([x["remaining"] for x in r if x["number"]=="CN-T01-00001"])' "$OUT")" \
    "['0.00']"

# --- the human tables translate the stored words; the machine output not
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payments
has "es payments: the status translated" "Anulado"
has "es payments: the type translated" "Factura"
if grep -q "Voided\|Posted\| Bill " "$OUT"; then
	notok "es payments: no stored English word"
else ok "es payments: no stored English word"; fi
run env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane payments
has "fr payments: the status translated" "Extourné"
has "fr payments: Posted translated" "Encaissé"
run env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane credit-notes
has "fr credit notes: the status translated" "Extourné"
has "fr credit notes: Active translated" "Actif"
# a status agrees with what it qualifies (the context of the noun, TC_):
# a payment Anulado, a credit note Anulada; the stored word in JSON and
# CSV whatever the language (issue 25)
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane credit-notes
same "es credit notes: Anulada, not a payment's Anulado" \
    "$(grep 'CN-T01-00001' "$OUT" | grep -o 'Anulad[ao]')" "Anulada"
has "es credit notes: Activa" "Activa"
run env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary credit-note show \
    CN-T01-00001
has "es credit note details: Estado Anulada" "Anulada"
# the voided credit note's document, in its organisation's language:
# its badge, status and stamp agree with it (ANULADA), the payment's
# sentence with the payment (anulado)
cp "$PAYDESK_CONFIG" "$T/es.ini"
printf '[organisation]\nlanguage = es\n' >>"$T/es.ini"
run as_admin "$T/es.ini" env PAYDESK_PIN=2222 "$PD" --config "$T/es.ini" --user mary \
    credit-note pdf CN-T01-00001 --out "$T/cn-es.pdf"
pdftotext -layout "$T/cn-es.pdf" "$OUT"
has "es credit note PDF: the stamp ANULADA" "ANULADA"
has "es credit note PDF: Estado Anulada" "Anulada"
has "es credit note PDF: the payment anulado" "fue anulado."
if grep -q "ANULADO" "$OUT"; then notok "es credit note PDF: never ANULADO"
else ok "es credit note PDF: never ANULADO"; fi
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payments
if grep -q "Anulada" "$OUT"; then notok "es payments: Anulado, never Anulada"
else ok "es payments: Anulado, never Anulada"; fi
run env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary --json credit-notes
has "es JSON credit notes: the stored status" '"status":"Voided"'
if grep -q "$(printf '\004')\|credit note" "$OUT"; then
	notok "es JSON credit notes: no context leaks"
else ok "es JSON credit notes: no context leaks"; fi
run env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary --csv credit-notes
same "fr CSV credit notes: the stored statuses" \
    "$(python3 -c 'import csv,sys; print(sorted(set(x["status"] for x in csv.DictReader(open(sys.argv[1])))))' "$OUT")" \
    "['Active', 'Voided']"
# (its line 2: a Scope line comes first)
# the first column's header fits its 14 columns in every language ("Nota
# de crédito n.º" took 19 and pushed every column right); the reasons
# paydesk stored read translated too (Overpayment, Other)
for L in en es fr; do
	run env LANGUAGE=$L PAYDESK_PIN=1234 "$PD" --user jane credit-notes
	same "$L credit notes: the number's header fits its column" \
	    "$(sed -n 2p "$OUT" | python3 -c 'import sys; l = sys.stdin.read(); print(len(l[:14].rstrip()) <= 14 and l[14:16] == "  " and l[16] != " ")')" True
done
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane credit-notes
has "es credit notes: Overpayment translated" "Pago en exceso"
has "es credit notes: the reason Other translated" "Otros"
run env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane credit-notes
has "fr credit notes: Overpayment translated" "Trop-perçu"
run env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary --json payments
has "JSON keeps the stored status" '"status":"Voided"'
has "JSON keeps the stored type" '"type":"Bill"'
run env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary --csv credit-notes
has "CSV keeps the stored status" "Voided"
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payments --status bogus
same "a bad status is still refused (a word of none: usage, exit 2)" "$RC" 2

# --- the credit-note reasons: one rule (issue 25) ------------------------
# stored as configured, shown translated, and typed, picked and filtered
# as shown (the English term is taken too)
reason_of() { sql "SELECT reason FROM credit_notes WHERE cn_no = '$1'"; }
expect "es: the reason typed as the operator reads it" 0 "CN-T01-00004" \
    env LANGUAGE=es "$PD" --user mary credit-note create R-T01-000002 \
    --amount 1 --reason "Error de facturación"
same "es: stored as configured" "$(reason_of CN-T01-00004)" "Billing Error"
has "es: and shown translated" "Error de facturación"
expect "fr: in any case" 0 "CN-T01-00005" \
    env LANGUAGE=fr "$PD" --user mary credit-note create R-T01-000002 \
    --amount 1 --reason "demande du client"
same "fr: stored as configured" "$(reason_of CN-T01-00005)" "Customer Request"
expect "es: the English term still taken" 0 "CN-T01-00006" \
    env LANGUAGE=es "$PD" --user mary credit-note create R-T01-000002 \
    --amount 1 --reason "Refund Request"
same "es: the English term stored" "$(reason_of CN-T01-00006)" "Refund Request"
refused "es: an unknown reason lists them as the operator reads them" 3 \
    "elija uno de: Pago en exceso, Pago duplicado, Error de facturación" \
    env LANGUAGE=es "$PD" --user mary credit-note create R-T01-000002 \
    --amount 1 --reason Capricho
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane credit-notes --reason "Pago en exceso"
has "es: the filter by the translated reason" "CN-T01-00002"
if grep -q "CN-T01-00004" "$OUT"; then
	notok "es: and only that reason"
else ok "es: and only that reason"; fi
run env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane credit-notes --reason "Erreur de facturation,Refund Request"
has "fr: a filter of a translated and an English reason" "CN-T01-00004"
has "fr: both kept" "CN-T01-00006"
if grep -q "CN-T01-00005" "$OUT"; then
	notok "fr: and no other reason"
else ok "fr: and no other reason"; fi
refused "es: an unknown reason filter lists them translated (usage, 2)" 2 \
    "no es un motivo configurado; elija uno de: Pago en exceso" \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane credit-notes --reason "Capricho"

# --- --json numbers exact to their decimals (no float noise) ------------
# noisy NAME: no JSON real in $OUT with more than its one decimal
noisy() {
	if grep -Eq '":[ ]?-?[0-9]+\.[0-9]{2,}' "$OUT"; then
		notok "$1" "a real with float noise"
	else ok "$1"; fi
}
rm -f "$DB" "$DB-wal" "$DB-shm"
setup_store
expect "a partial payment" 0 "R-T01-000001" \
    "$PD" --user mary pay WU-10001 --type bill --method Cash --amount 100
expect "another: the month's rate is 57.7%" 0 "R-T01-000002" \
    "$PD" --user mary pay WU-10003 --type bill --method Cash --amount 818.40
run "$PD" --json kpi
# 25.4 (100.00 of the 393.00 due before today, 2025-04-20), no longer
# 57.7: the 818.40 paid early is of a bill due on 2025-04-30, which the
# current month's rate does not count until it has fallen due (issue 17)
has "kpi: the rate to one decimal" '"collection_rate_percent": 25.4,'
noisy "kpi: no float noise anywhere"
run "$PD" --json kpi --month 2025-03
noisy "kpi of another month"
# no data is "—" / null, as on the dashboard; no future month (issue 17)
has "March has no amounts due: its rate is null" \
    '"collection_rate_percent": null,'
has "nor a collection time" '"avg_collection_days": null'
expect "April against a March with nothing: no change" 0 \
    '"total_collected_percent": null,' "$PD" --json kpi
has "nor a change of the rate" '"collection_rate_points": null,'
has "but April's own rate" '"collection_rate_percent": 25.4,'
expect "the text shows — where the dashboard does" 0 \
    "Total collected                    —" "$PD" kpi
if grep -q -- "-100.0%\|  0.0%" "$OUT"; then
	notok "no 0.0% or -100.0% against nothing"
else ok "no 0.0% or -100.0% against nothing"; fi
refused "a future month is refused" 3 \
    "Month 2025-05 is in the future (today is 2025-04-20): there is no data for it yet" \
    "$PD" kpi --month 2025-05
refused "and in JSON, with nothing on stdout" 3 "in the future" \
    "$PD" --json kpi --month 2026-01
same "no JSON for a future month" "$("$PD" --json kpi --month 2025-05 2>/dev/null)" ""
refused "a future day too, in Spanish" 3 "está en el futuro" \
    env LANGUAGE=es "$PD" kpi --day 2025-04-21
# the whole sentence is translated, with its article (issue 17: "Mes
# 2027-05 está…", "Mois 2027-05 est…")
refused "a future month in Spanish, with its article" 3 \
    "El mes 2027-05 está en el futuro" \
    env LANGUAGE=es "$PD" kpi --month 2027-05
refused "in French" 3 "Le mois 2027-05 est dans le futur" \
    env LANGUAGE=fr "$PD" kpi --month 2027-05
refused "a future day in Spanish" 3 "El día 2025-04-21 está en el futuro" \
    env LANGUAGE=es "$PD" kpi --day 2025-04-21
refused "and in French" 3 "Le jour 2025-04-21 est dans le futur" \
    env LANGUAGE=fr "$PD" kpi --day 2025-04-21
expect "this month and today are not the future" 0 "" \
    "$PD" kpi --month 2025-04 --day 2025-04-20
run sup --json report aging
noisy "the aging report"
run sup --json report payers
noisy "the payers report"
expect "a credit note of a third" 0 "CN-" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 33.33 \
    --reason Other
expect "applied in part" 0 "" \
    "$PD" --user mary credit-note apply CN-T01-00001 --to INV-2025-001567 \
    --amount 11.11
run env PAYDESK_PIN=2222 "$PD" --user mary --json credit-note show CN-T01-00001
has "usage to one decimal" '"usage_percent": 33.3'
noisy "the credit note's usage"

# --- the collection rate: of what fell due in the period, the share paid
# by its end (issue 17: Total Collected / Total Due read 7,726.1% for a
# week with $100 due); never above 100%, a past period's rate stays
rm -f "$DB" "$DB-wal" "$DB-shm"
setup_store
export PAYDESK_NOW="2025-05-20 10:00:00"
expect "arrears paid in May (April's bill of WU-10003)" 0 "R-T01-000001" \
    "$PD" --user mary pay WU-10003 --type bill --method Cash --amount 1200 \
    --date 2025-05-02
expect "May's bill paid in May" 0 "R-T01-000002" \
    "$PD" --user mary pay WU-10001 --type bill --items INV-2025-001567 \
    --method Cash --amount 152.25 --date 2025-05-02
run "$PD" --json kpi --month 2025-05
has "May: collected counts the arrears" '"total_collected": 135225,'
has "May: what fell due in May" '"total_due": 21975,'
has "May: of it, paid by May's end" '"total_due_paid": 15225,'
has "May's rate is 152.25 of 219.75, not 615.4%" \
    '"collection_rate_percent": 69.3,'
expect "April: its items paid in May do not count for April" 0 \
    "Collection rate                    0.0%" "$PD" kpi --month 2025-04
expect "a March payment of an April bill counts for April" 0 "R-T01-000003" \
    "$PD" --user mary pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145.50 --date 2025-03-28
run "$PD" --json kpi --month 2025-04
has "April: 145.50 of 1,593.00" '"collection_rate_percent": 9.1,'
has "April: paid of total due" '"total_due_paid": 14550,'
run "$PD" --json kpi --month 2025-03
has "March: a payment but nothing due: no rate" \
    '"collection_rate_percent": null,'
expect "and the text shows —" 0 "Collection rate                    —" \
    "$PD" kpi --month 2025-03
run "$PD" --json kpi --month 2025-05
has "the change of the rate against April, in points" \
    '"collection_rate_points": 60.2,'

# --- the current period's rate counts what has fallen due so far (issue
# 17: on December 1 all of December's due counted as unpaid: 0.0% with
# a fall of 100%); an item due today is not late yet
rm -f "$DB" "$DB-wal" "$DB-shm"
setup_store
export PAYDESK_NOW="2025-05-01 09:00:00"
expect "April's first bill paid in April" 0 "R-T01-000001" \
    "$PD" --user mary pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145.50 --date 2025-04-10
run "$PD" --json kpi
has "May 1: nothing of May has fallen due: no rate" \
    '"collection_rate_percent": null,'
has "May 1: so no fall of 100 points against April" \
    '"collection_rate_points": null,'
has "May 1: the rate counts items due up to April 30" \
    '"due_to": "2025-04-30",'
has "May 1: total due so far is nothing" '"total_due": 0,'
expect "the text shows — for the rate, not 0.0%" 0 \
    "Collection rate                    —" "$PD" kpi
has "and says up to when it counts" "Rate counts items due up to"
run "$PD" --csv kpi
if grep -q "collection_rate_percent,0.0\|,-100.0" "$OUT"; then
	notok "the CSV: no 0.0% rate and no -100.0% change"
else ok "the CSV: no 0.0% rate and no -100.0% change"; fi
run "$PD" --json kpi --month 2025-04
has "a past month counts all its items (to its last day)" \
    '"due_to": "2025-04-30",'
has "April: 145.50 of 1,593.00" '"collection_rate_percent": 9.1,'
export PAYDESK_NOW="2025-04-16 09:00:00"
run "$PD" --json kpi
has "April 16: the items due up to April 15 (not the fee due April 18)" \
    '"total_due": 31800,'
has "of them 145.50 paid" '"collection_rate_percent": 45.8,'
has "up to yesterday" '"due_to": "2025-04-15",'
