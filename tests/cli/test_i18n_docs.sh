# test_i18n_docs.sh - documents in the organisation's language, or their
# consumer's, whatever language the terminal speaks: receipts and credit
# notes in Spanish and French read back with pdftotext (every label), the
# reverse (a Spanish terminal, an English organisation), a consumer's
# preferred language from the import, the text receipt's capitals, the
# xlsx export's headers translated while CSV stays machine format, and
# organisation.language pulled from a real paydesk-central.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00" PAYDESK_PIN=1234
setup_store
R="$T/receipts"
E="$T/exports"
mkdir -p "$E"

# pdf NAME FILE: the PDF's text in $OUT, runs of spaces squeezed
# (the no-break spaces before % in es and fr read as spaces)
pdf() {
	if pdftotext -layout "$2" - 2>/dev/null |
	    sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' | tr -s ' ' >"$OUT"; then
		ok "$1: pdftotext reads it"
	else
		notok "$1: pdftotext reads it"
	fi
}
# fields NAME TEXT...: each TEXT is in $OUT
fields() {
	fname=$1
	shift
	for f in "$@"; do has "$fname: $f" "$f"; done
}
# none NAME TEXT...: no TEXT is in $OUT
none() {
	fname=$1
	shift
	for f in "$@"; do
		if grep -qF -- "$f" "$OUT"; then
			notok "$fname: no \"$f\"" "found: $f"
		else
			ok "$fname: no \"$f\""
		fi
	done
}
# small NAME FILE: at most 200 KB
small() {
	size=$(stat -c %s "$2")
	if [ "$size" -le 204800 ]; then ok "$1 is at most 200 KB ($size bytes)"
	else notok "$1 is at most 200 KB" "$size bytes"; fi
}
# org_lang LANG: the organisation's language in the config
org_lang() { sed -i "s/^language = .*/language = $1/" "$PAYDESK_CONFIG"; }
printf '[organisation]\nlanguage = es\n' >>"$PAYDESK_CONFIG"

# English labels that a translated receipt or credit note must not show
EN_RECEIPT="Receipt number|Payment date|Items paid|Total paid|Amount received|Change given|Outstanding after payment|Processing time|generated"
EN_CREDIT="Credit note number|Original amount|Applied amount|Remaining balance|Linked receipt number|Created by|Overpayment|on receipt"
no_english() {
	n=$1
	shift
	old_ifs=$IFS
	IFS='|'
	set -- $1
	IFS=$old_ifs
	none "$n" "$@"
}

# --- a Spanish organisation, the terminal in English ---------------------
expect "es organisation: the terminal speaks English" 0 "Receipt file" \
    env LANGUAGE=en "$PD" --user jane pay WU-10001 --type bill \
    --items INV-2025-001234 --method Cash --amount 145.50 --tendered 150 \
    --notes "Pagó en efectivo"
pdf "es receipt" "$R/R-T01-000001.pdf"
fields "es receipt" "RECIBO" "R-T01-000001" "Cobrado" \
    "Número de recibo R-T01-000001" "ID del pago PAY-T01-2025-000001" \
    "ID de la transacción TXN-T01-2025-000001" "Fecha de pago 2025-04-20" \
    "Registrado el 2025-04-20 10:00:00" "Tipo de pago Factura" \
    "Canal Walk-in" "Cliente" "Nombre John Doe" "Número de cuenta WU-10001" \
    "Dirección del servicio 123 Main Street, Cityville" \
    "Teléfono (555) 123-4567" "Conceptos pagados" "Importe adeudado" \
    "Aplicado" \
    "Factura INV-2025-001234 Período Mar 2025, vence el 2025-04-15 \$145.50 \$145.50" \
    "Totales" "Total pagado \$145.50" "Medio de pago Cash" \
    "Importe recibido \$150.00" "Cambio entregado \$4.50" \
    "Saldo pendiente tras el pago \$167.50" "Notas Pagó en efectivo" \
    "Tramitación" "Recibido por Jane Smith" "Terminal T01" \
    "Estado Cobrado" "Verificación Verificado" \
    "Tiempo de procesamiento Inmediato" \
    "Cityville Water & Power · terminal T01, sucursal B01 · generado el 2025-04-20 10:00:00 por paydesk"
no_english "es receipt" "$EN_RECEIPT"
small "the Spanish receipt" "$R/R-T01-000001.pdf"

expect "es organisation: an overpayment" 0 "CN-T01-00001" \
    env LANGUAGE=en "$PD" --user jane pay WU-10001 --type service \
    --items SRV-2025-0418 --method Cash --amount 80 --channel Kiosk
pdf "es overpayment receipt" "$R/R-T01-000002.pdf"
fields "es overpayment receipt" \
    "Reconnection Fee Servicio SRV-2025-0418, fecha 2025-04-18 \$75.00 \$75.00" \
    "Crédito (pago en exceso) Guardado como nota de crédito \$5.00" \
    "Nota de crédito por pago en CN-T01-00001, \$5.00" "exceso"

expect "apply part of the credit" 0 "" env LANGUAGE=en "$PD" --user jane \
    credit-note apply CN-T01-00001 --to INV-2025-001567 --amount 1.67
expect "es organisation: the credit note PDF" 0 "CN-T01-00001.pdf" \
    env LANGUAGE=en "$PD" --user jane credit-note pdf CN-T01-00001
pdf "es credit note" "$R/CN-T01-00001.pdf"
fields "es credit note" "NOTA DE CRÉDITO" "CN-T01-00001" "Activa" \
    "Nombre John Doe" "Número de cuenta WU-10001" "Crédito" \
    "Número de nota de crédito CN-T01-00001" "Estado Activa" \
    "Creada 2025-04-20 10:00:00" "Vence 2026-04-20" \
    "Importe original \$5.00" "Importe aplicado \$1.67" \
    "Saldo restante \$3.33" "Uso 33.4 %" "Motivo Pago en exceso" \
    "Creada por Jane Smith" "Número de recibo vinculado R-T01-000002" \
    "Observaciones Pago en exceso en el recibo R-T01-000002" "Aplicado a" \
    "INV-2025-001567 Aplicado el 2025-04-20 en el terminal T01 \$1.67" \
    "terminal T01, sucursal B01" "generado el 2025-04-20 10:00:00 por paydesk"
no_english "es credit note" "$EN_CREDIT"
small "the Spanish credit note" "$R/CN-T01-00001.pdf"

expect "es organisation: a text receipt" 0 "" \
    env LANGUAGE=en "$PD" receipt R-T01-000001 --text
fields "es text receipt" "RECIBO" "CONCEPTOS PAGADOS" "TOTALES" \
    "TRAMITACIÓN" "Número de recibo" "Saldo pendiente tras el pago"

# --- a French organisation: copies, installments, a void ------------------
org_lang fr
export PAYDESK_NOW="2025-04-21 09:30:00"
expect "fr organisation: a reprint" 0 "R-T01-000001-COPY-1.pdf" \
    env LANGUAGE=en "$PD" --user jane receipt R-T01-000001
pdf "fr receipt" "$R/R-T01-000001-COPY-1.pdf"
fields "fr receipt" "REÇU" "R-T01-000001" "Encaissé" "COPIE" \
    "Copie 1, réimprimée le 2025-04-21 09:30:00 par Jane Smith au terminal T01" \
    "Paiement" "Numéro de reçu R-T01-000001" \
    "ID du paiement PAY-T01-2025-000001" \
    "ID de la transaction TXN-T01-2025-000001" "Date du paiement 2025-04-20" \
    "Enregistré le 2025-04-20 10:00:00" "Type de paiement Facture" \
    "Canal Walk-in" "Client" "Nom John Doe" "Numéro de compte WU-10001" \
    "Adresse du service 123 Main Street, Cityville" \
    "Téléphone (555) 123-4567" "Éléments payés" "Montant dû" "Imputé" \
    "Facture INV-2025-001234 Période Mar 2025, échéance le 2025-04-15 \$145.50 \$145.50" \
    "Totaux" "Total payé \$145.50" "Moyen de paiement Cash" \
    "Montant reçu \$150.00" "Monnaie rendue \$4.50" \
    "Reste dû après le paiement \$167.50" "Notes Pagó en efectivo" \
    "Traitement" "Encaissé par Jane Smith" "Terminal T01" "Statut Encaissé" \
    "Vérification Vérifié" "Durée de traitement Immédiat" \
    "terminal T01, agence B01" "généré le 2025-04-21 09:30:00 par paydesk"
no_english "fr receipt" "$EN_RECEIPT|COPY|Copy 1"
small "the French receipt" "$R/R-T01-000001-COPY-1.pdf"

expect "fr organisation: two installments by card" 0 "R-T01-000003" \
    env LANGUAGE=en "$PD" --user jane pay WU-10001 --type installment \
    --items "PP-2025-0034#1,PP-2025-0034#2" --method "Credit Card" --amount 100
pdf "fr installment receipt" "$R/R-T01-000003.pdf"
fields "fr installment receipt" \
    "Plan PP-2025-0034 n° 1 Mensualité 1, échéance le 2025-04-15 \$67.50 \$67.50" \
    "Plan PP-2025-0034 n° 2 Mensualité 2, échéance le 2025-05-15 \$67.50 \$32.50" \
    "Type de paiement Mensualité" "Moyen de paiement Credit Card"
none "fr installment receipt" "Montant reçu" "Monnaie rendue"

expect "void the installment payment" 0 "" env PAYDESK_PIN=2222 LANGUAGE=en \
    "$PD" --user mary payment void R-T01-000003 --reason "Paid on the wrong plan"
expect "fr organisation: the voided payment's receipt" 0 "R-T01-000003-COPY-1.pdf" \
    env LANGUAGE=en "$PD" --user jane receipt R-T01-000003
pdf "fr void receipt" "$R/R-T01-000003-COPY-1.pdf"
fields "fr void receipt" "EXTOURNÉ" \
    "Extourné le 2025-04-21 09:30:00 par Mary Johnson. Motif : Paid on the wrong plan" \
    "Statut Extourné" "COPIE"
none "fr void receipt" "VOID" "Voided"

expect "fr organisation: the credit note again" 0 "CN-T01-00001-COPY-1.pdf" \
    env LANGUAGE=en "$PD" --user jane credit-note pdf CN-T01-00001
pdf "fr credit note" "$R/CN-T01-00001-COPY-1.pdf"
fields "fr credit note" "AVOIR" "CN-T01-00001" "Actif" "COPIE" \
    "Nom John Doe" "Numéro de compte WU-10001" "Crédit" \
    "Numéro d'avoir CN-T01-00001" "Statut Actif" \
    "Créé le 2025-04-20 10:00:00" "Expire le 2026-04-20" \
    "Montant initial \$5.00" "Montant imputé \$1.67" "Solde restant \$3.33" \
    "Utilisation 33.4 %" "Motif Trop-perçu" "Créé par Jane Smith" \
    "Numéro de reçu lié R-T01-000002" \
    "Remarques Trop-perçu sur le reçu R-T01-000002" "Imputé à" \
    "INV-2025-001567 Imputé le 2025-04-20 au terminal T01 \$1.67" \
    "généré le 2025-04-21 09:30:00 par paydesk"
no_english "fr credit note" "$EN_CREDIT"

expect "fr organisation: a text receipt" 0 "" \
    env LANGUAGE=en "$PD" receipt R-T01-000002 --text
fields "fr text receipt: headings in capitals, accents too" "REÇU" \
    "ÉLÉMENTS PAYÉS" "TOTAUX" "TRAITEMENT" "Crédit (trop-perçu)" \
    "Conservé sous forme d'avoir"
# French puts a narrow no-break space (U+202F) before the colon of a total
fields "fr text receipt: a space before the total's colon" \
    "$(printf 'Total pay\303\251\342\200\257:')"
none "fr text receipt: never the colon against the word" "payé:"

# --- local formats on documents: DD/MM/YYYY and a decimal comma ----------
# every timestamp and the usage in the organisation's formats (es, fr)
cp "$PAYDESK_CONFIG" "$T/fmt.ini"
printf '[organisation]\ndate_format = DD/MM/YYYY\ndecimal_separator = comma\ncurrency_position = after\ncurrency_space = yes\n' \
    >>"$T/fmt.ini"
expect "fr, local formats: the voided receipt again" 0 "COPY-2" \
    as_admin "$T/fmt.ini" env LANGUAGE=en "$PD" --config "$T/fmt.ini" --user jane receipt R-T01-000003
pdf "fr formats receipt" "$R/R-T01-000003-COPY-2.pdf"
fields "fr formats receipt" \
    "Extourné le 21/04/2025 09:30:00 par Mary Johnson" \
    "Copie 2, réimprimée le 21/04/2025 09:30:00 par Jane Smith" \
    "Enregistré le 21/04/2025 09:30:00" "Date du paiement 21/04/2025" \
    "généré le 21/04/2025 09:30:00 par paydesk" "67,50 \$"
none "fr formats receipt" "2025-04-21"
expect "fr, local formats: the credit note again" 0 "COPY-2" \
    as_admin "$T/fmt.ini" env LANGUAGE=en "$PD" --config "$T/fmt.ini" --user jane credit-note pdf \
    CN-T01-00001
pdf "fr formats credit note" "$R/CN-T01-00001-COPY-2.pdf"
fields "fr formats credit note" "Créé le 20/04/2025 10:00:00" \
    "Expire le 20/04/2026" "Utilisation 33,4 %" "Solde restant 3,33 \$" \
    "Imputé le 20/04/2025" "généré le 21/04/2025 09:30:00 par paydesk"
none "fr formats credit note" "33.4" "2025-04-20"
sed -i "s/^language = fr/language = es/" "$T/fmt.ini"
expect "es, local formats: a receipt again" 0 "Copy number  2" \
    as_admin "$T/fmt.ini" env LANGUAGE=en "$PD" --config "$T/fmt.ini" --user jane receipt \
    R-T01-000001 --out "$T/es-fmt.pdf"
pdf "es formats receipt" "$T/es-fmt.pdf"
fields "es formats receipt" "Registrado el 20/04/2025 10:00:00" \
    "Copia 2, reimpresa el 21/04/2025 09:30:00 por Jane Smith" \
    "Fecha de pago 20/04/2025" "vence el 15/04/2025" \
    "generado el 21/04/2025 09:30:00 por paydesk" "145,50 \$"
none "es formats receipt" "2025-04-20" "145.50"
expect "es, local formats: the credit note" 0 "" \
    as_admin "$T/fmt.ini" env LANGUAGE=en "$PD" --config "$T/fmt.ini" --user jane credit-note pdf \
    CN-T01-00001 --out "$T/es-cn.pdf"
pdf "es formats credit note" "$T/es-cn.pdf"
fields "es formats credit note" "Creada 20/04/2025 10:00:00" "Uso 33,4 %"
sed -i "s/^language = es/language = en/" "$T/fmt.ini"
expect "en, local formats: the text receipt" 0 \
    "Recorded at                  20/04/2025 10:00:00" \
    as_admin "$T/fmt.ini" env LANGUAGE=en "$PD" --config "$T/fmt.ini" receipt R-T01-000001 --text
has "en, local formats: generated" "generated 21/04/2025 09:30:00 by paydesk"

# --- the reverse: a Spanish terminal, an English organisation ------------
org_lang ""
for v in LANGUAGE=es LANG=es_ES.UTF-8 LC_ALL=fr_FR.UTF-8; do
	expect "English organisation, terminal $v: a receipt" 0 "" \
	    env "$v" "$PD" --user jane receipt R-T01-000001 --out "$T/en.pdf"
	pdf "English receipt ($v)" "$T/en.pdf"
	fields "English receipt ($v)" "RECEIPT" "Receipt number R-T01-000001" \
	    "Payment date 2025-04-20" "Items paid" "Total paid \$145.50" \
	    "Outstanding after payment \$167.50" "Status Posted" "COPY" \
	    "terminal T01, branch B01"
	none "English receipt ($v)" "RECIBO" "REÇU" "Número de recibo" \
	    "Numéro de reçu"
done
expect "English organisation, Spanish terminal: a credit note" 0 "" \
    env LANGUAGE=es "$PD" --user jane credit-note pdf CN-T01-00001 \
    --out "$T/en-cn.pdf"
pdf "English credit note" "$T/en-cn.pdf"
fields "English credit note" "CREDIT NOTE" "Credit note number CN-T01-00001" \
    "Remaining balance \$3.33" "Status Active"
none "English credit note" "NOTA DE CRÉDITO" "Saldo restante"

# --- a consumer's preferred language -------------------------------------
org_lang es
export PAYDESK_NOW="2025-04-22 11:00:00"
printf 'account_no,name,service_address,phone,email,segment,language
WU-30001,Amélie Durand,"3 rue de la Paix, Cityville",(555) 300-0001,,Residential,fr
WU-30002,Oliver Smith,"4 High Street, Cityville",(555) 300-0002,,Residential,en
WU-30003,Lucía Pérez,"5 Calle Luna, Cityville",(555) 300-0003,,Residential,
' >"$T/lang.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on
INV-2025-030001,WU-30001,Mar 2025,40.00,2025-04-01,2025-04-15
INV-2025-030002,WU-30002,Mar 2025,40.00,2025-04-01,2025-04-15
INV-2025-030003,WU-30003,Mar 2025,40.00,2025-04-01,2025-04-15
' >"$T/lang-bills.csv"
expect "consumers import with a language column" 0 "" \
    env PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/lang.csv"
expect "their bills" 0 "" \
    env PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/lang-bills.csv"
same "the language is stored with the consumer" \
    "$(sql "SELECT group_concat(account_no || '=' || language, ' ') FROM \
    (SELECT * FROM consumers WHERE account_no LIKE 'WU-3000%' ORDER BY \
    account_no)")" "WU-30001=fr WU-30002=en WU-30003="
same "consumers imported without the column have none" \
    "$(sql "SELECT count(*) FROM consumers WHERE language <> '' AND \
    account_no NOT LIKE 'WU-3000%'")" 0
for a in 1 2 3; do
	PAYDESK_PIN=1234 "$PD" --user jane pay WU-3000$a --type bill \
	    --method Cash --amount 45 >"$OUT" 2>&1
done
rno() { sql "SELECT receipt_no FROM payments p JOIN consumers c ON \
    c.id = p.consumer_id WHERE c.account_no = '$1'"; }
pdf "fr consumer in an es organisation" "$R/$(rno WU-30001).pdf"
fields "fr consumer in an es organisation" "REÇU" "Nom Amélie Durand" \
    "Éléments payés" "Total payé \$45.00" "Montant reçu \$45.00" \
    "Crédit (trop-perçu) Conservé sous forme d'avoir \$5.00" \
    "Durée de traitement Immédiat" "terminal T01, agence B01"
none "fr consumer in an es organisation" "RECIBO" "Conceptos pagados"
pdf "en consumer in an es organisation" "$R/$(rno WU-30002).pdf"
fields "en consumer in an es organisation" "RECEIPT" "Name Oliver Smith" \
    "Items paid" "Total paid \$45.00"
none "en consumer in an es organisation" "RECIBO" "Conceptos pagados"
pdf "consumer without a language" "$R/$(rno WU-30003).pdf"
fields "consumer without a language" "RECIBO" "Nombre Lucía Pérez" \
    "Conceptos pagados"
# a language pulled from elsewhere that this terminal has no catalogue for
sqlite3 "$DB" "UPDATE consumers SET language = 'pt' WHERE account_no = 'WU-30003'"
expect "a consumer's language without a catalogue here" 0 "" \
    "$PD" --user jane receipt "$(rno WU-30003)" --out "$T/pt.pdf"
pdf "gives way to the organisation's" "$T/pt.pdf"
fields "gives way to the organisation's" "RECIBO" "COPIA" "Conceptos pagados"
none "gives way to the organisation's" "RECEIPT" "Items paid"
cn=$(sql "SELECT cn_no FROM credit_notes n JOIN payments p ON \
    p.id = n.payment_id JOIN consumers c ON c.id = p.consumer_id WHERE \
    c.account_no = 'WU-30001'")
expect "the fr consumer's credit note" 0 "$cn.pdf" \
    "$PD" --user jane credit-note pdf "$cn"
pdf "fr consumer's credit note" "$R/$cn.pdf"
fields "fr consumer's credit note" "AVOIR" "Nom Amélie Durand" \
    "Numéro d'avoir $cn" "Montant initial \$5.00"
none "fr consumer's credit note" "NOTA DE CRÉDITO"

printf 'account_no,name,service_address,phone,email,segment,language
WU-30001,Amélie Durand,"3 rue de la Paix, Cityville",(555) 300-0001,,Residential,es
' >"$T/lang2.csv"
expect "a language changed by --update" 0 "" env PAYDESK_PIN=9999 \
    "$PD" --user admin import consumers "$T/lang2.csv" --update
same "is stored" "$(sql "SELECT language FROM consumers WHERE \
    account_no = 'WU-30001'")" es
printf 'account_no,name,service_address,phone,email,segment
WU-30001,Amélie Durand,"3 rue de la Paix, Cityville",(555) 300-0001,,Residential
' >"$T/lang3.csv"
expect "a file without the column leaves the language alone" 0 "" \
    env PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/lang3.csv" \
    --update
same "the language is kept" "$(sql "SELECT language FROM consumers WHERE \
    account_no = 'WU-30001'")" es
expect "and the next copy follows it" 0 "" \
    "$PD" --user jane receipt "$(rno WU-30001)" --out "$T/es-again.pdf"
pdf "after the update" "$T/es-again.pdf"
fields "after the update" "RECIBO" "COPIA"
# the language cleared: a copy is in the consumer's language its original
# was written in, not the organisation's (issue 25 review: the English
# consumer's copy came out in Spanish); the log keeps it
same "the log keeps the consumer's language" \
    "$(sql "SELECT language FROM documents WHERE number = '$(rno WU-30002)'")" en
printf 'account_no,name,service_address,phone,email,segment,language
WU-30001,Amélie Durand,"3 rue de la Paix, Cityville",(555) 300-0001,,Residential,
WU-30002,Oliver Smith,"4 High Street, Cityville",(555) 300-0002,,Residential,
' >"$T/lang4.csv"
expect "languages cleared by --update" 0 "" env PAYDESK_PIN=9999 \
    "$PD" --user admin import consumers "$T/lang4.csv" --update
same "are cleared" "$(sql "SELECT count(*) FROM consumers WHERE \
    account_no IN ('WU-30001', 'WU-30002') AND language = ''")" 2
expect "a copy after the language is cleared" 0 "" \
    "$PD" --user jane receipt "$(rno WU-30002)" --out "$T/en-again.pdf"
pdf "after the language is cleared" "$T/en-again.pdf"
fields "after the language is cleared" "RECEIPT" "COPY" "Items paid"
none "after the language is cleared" "RECIBO" "COPIA"
expect "a credit note's copy after it is cleared" 0 "" \
    "$PD" --user jane credit-note pdf "$cn" --out "$T/cn-again.pdf"
pdf "a credit note's copy after it is cleared" "$T/cn-again.pdf"
fields "a credit note's copy after it is cleared" "AVOIR" "COPIE"
none "a credit note's copy after it is cleared" "NOTA DE CRÉDITO"
expect "a text preview after it is cleared" 0 "" \
    "$PD" --user jane receipt "$(rno WU-30001)" --text
fields "a text preview after it is cleared" "REÇU"
none "a text preview after it is cleared" "RECIBO"

# what the renderer adds itself is in the document's language too
printf '[payments]\nnotes_max = 2000\n' >>"$PAYDESK_CONFIG"
long=$(python3 -c 'print(" ".join("palabra%03d" % i for i in range(180)))')
expect "es organisation: a receipt of two pages" 0 "" \
    "$PD" --user jane pay WU-10003 --type bill --method Cash --amount 10 \
    --notes "$long"
pdf "two-page receipt" "$R/$(rno WU-10003).pdf"
fields "two-page receipt" "Página 1 de 2" "Página 2 de 2" "palabra179"
none "two-page receipt" "Page 1 of 2"

# an online payment: pending, then verified two days later
expect "es organisation: an online payment" 0 "" \
    "$PD" --user jane pay WU-10002 --type bill --method Online --amount 80
pdf "pending receipt" "$R/$(rno WU-10002).pdf"
fields "pending receipt" "Estado Pendiente" "Verificación Pendiente" \
    "Tiempo de procesamiento Pendiente" "Medio de pago Online"
PAYDESK_NOW="2025-04-24 09:00:00" PAYDESK_PIN=2222 \
    expect "verified two days later" 0 "" \
    "$PD" --user mary payment verify "$(rno WU-10002)"
expect "its receipt again" 0 "" \
    "$PD" --user jane receipt "$(rno WU-10002)" --out "$T/verified.pdf"
pdf "verified receipt" "$T/verified.pdf"
fields "verified receipt" "Estado Cobrado" "Verificación Verificado" \
    "Tiempo de procesamiento 2 días"
none "verified receipt" "2 days"

# refused: a language no document can be written in, a path in disguise
printf 'account_no,name,service_address,phone,email,segment,language
WU-30009,Hans Meier,1 Hauptstrasse,(555) 300-0009,,Residential,de
' >"$T/bad1.csv"
refused "a language without a catalogue is refused" 3 \
    'bad1.csv:2:64: language: "de" is not a language documents can be written in' \
    env PAYDESK_PIN=9999 LANGUAGE=en "$PD" --user admin import consumers "$T/bad1.csv"
printf 'account_no,name,service_address,phone,email,segment,language
WU-30009,Hans Meier,1 Hauptstrasse,(555) 300-0009,,Residential,../fr
' >"$T/bad2.csv"
refused "a language that is a path is refused" 3 \
    '"../fr" is not a language documents can be written in' \
    env PAYDESK_PIN=9999 LANGUAGE=en "$PD" --user admin import consumers "$T/bad2.csv"
printf 'account_no,name,service_address,phone,email\nWU-9,A,B,1,\n' \
    >"$T/bad3.csv"
refused "a missing column names the optional one too" 3 \
    'expected header: account_no,name,service_address,phone,email,segment[,language]' \
    env PAYDESK_PIN=9999 LANGUAGE=en "$PD" --user admin import consumers "$T/bad3.csv"
# one rule for language codes (issue 25): ll, ll_CC, ll-CC, ll_CC.UTF-8 in
# any case, kept as the catalogue that speaks it; the same as the config's
printf 'account_no,name,service_address,phone,email,segment,language
WU-30011,Ana Ruiz,1 Calle,,,,ES
WU-30012,Bea Gil,2 Calle,,,,es_MX
WU-30013,Carla Paz,3 Calle,,,,es-mx
WU-30014,Denis Roy,4 Rue,,,,FR_fr.UTF-8
WU-30015,Eve Hall,5 Road,,,,En-GB
WU-30016,Fay Lin,6 Rue,,,,fr-CA.utf8
' >"$T/forms.csv"
expect "language codes in every form are imported" 0 "" \
    env PAYDESK_PIN=9999 LANGUAGE=en "$PD" --user admin import consumers "$T/forms.csv"
same "each kept as its catalogue's name" \
    "$(sql "SELECT group_concat(account_no || '=' || language, ' ') FROM \
    (SELECT * FROM consumers WHERE account_no LIKE 'WU-3001%' ORDER BY \
    account_no)")" \
    "WU-30011=es WU-30012=es WU-30013=es WU-30014=fr WU-30015=en WU-30016=fr"
for v in pt_BR es_MX.ISO-8859-1 e espanol; do
	printf 'account_no,name,service_address,phone,email,segment,language\nWU-30019,Hans Meier,1 Strasse,,,,%s\n' \
	    "$v" >"$T/bad4.csv"
	refused "$v is refused with the languages there are" 3 \
	    "bad4.csv:2:34: language: \"$v\" is not a language documents can be written in; use one of en, es, fr" \
	    env PAYDESK_PIN=9999 LANGUAGE=en "$PD" --user admin import consumers "$T/bad4.csv"
done

# --- exports: xlsx headers translated, CSV kept as the machine reads it --
X="python3 $TOP/tests/tools/xlsx_cells.py"
org_lang ""
run sup --csv payments --limit 0
cp "$OUT" "$E/en.csv"
org_lang es
run sup --csv payments --limit 0
cp "$OUT" "$E/es.csv"
if cmp -s "$E/en.csv" "$E/es.csv"; then
	ok "CSV is the same in an es organisation"
else
	notok "CSV is the same in an es organisation"
fi
has "CSV keeps its English keys" "receipt_no,consumer,account_no,amount"
expect "es organisation: payments xlsx" 0 "Wrote" \
    env LANGUAGE=en PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$E/pay.xlsx" payments
$X "$E/pay.xlsx" >"$OUT"
has "xlsx header row in Spanish" \
    "$(printf 'str:N.º de recibo\tstr:Cliente\tstr:Cuenta\tstr:Importe\tstr:Medio\tstr:Fecha\tstr:Tipo\tstr:Estado')"
has "xlsx data rows as in English" "str:R-T01-000001"
# paydesk's own words in the workbook's language, as its headers are
# (issue 25: "Posted" in a Spanish workbook); configured names as they are
has "xlsx: a status in Spanish" "str:Cobrado"
has "xlsx: a type in Spanish" "str:Factura"
has "xlsx: a configured method as it is" "str:Cash"
none "xlsx: no stored English word" "str:Posted" "str:Bill"
python3 -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())' \
    "$E/pay.xlsx" >"$OUT"
has "xlsx sheet named in Spanish" 'name="Pagos"'
org_lang fr
expect "fr organisation: credit notes xlsx" 0 "Wrote" \
    env LANGUAGE=en PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$E/cn.xlsx" credit-notes
$X "$E/cn.xlsx" >"$OUT"
has "credit notes xlsx header row in French" \
    "$(printf "str:Avoir n°\tstr:Client\tstr:Compte\tstr:Montant\tstr:Restant\tstr:Motif\tstr:Statut\tstr:Créé le\tstr:Paiement lié")"
none "credit notes xlsx: no stored English status" "str:Active" \
    "str:Applied"
expect "fr organisation: payers xlsx" 0 "Wrote" \
    env LANGUAGE=en PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$E/payers.xlsx" report payers
$X "$E/payers.xlsx" >"$OUT"
has "payers xlsx header row in French" \
    "$(printf 'str:Client\tstr:Compte\tstr:Total payé\tstr:Paiements\tstr:Dernier paiement\tstr:Moyens')"
has "each column as wide as its translated header, frozen under its heading block" \
    "# frozen=9 widths=24,12,15,11,18,42"
python3 -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())' \
    "$E/payers.xlsx" >"$OUT"
has "payers sheet named in French" 'name="Payeurs"'

# --- organisation.language mastered by the central node ------------------
setup_org || { echo "not ok - central setup"; exit 1; }
start_central || exit 1
printf 'key,value\norganisation.language,fr\n' >"$T/s1.csv"
expect "the central node takes the organisation's language" 0 "1 added" \
    central import ACME settings "$T/s1.csv"
printf 'account_no,name,service_address,phone,email,segment,language
WU-10003,Acme Bakery Ltd,"1 Market Square, Cityville",(555) 222-3333,,Commercial,en
' >"$T/c-en.csv"
expect "and a consumer's language" 0 "1 updated" \
    central import ACME consumers "$T/c-en.csv" --update
terminal 1 "$TOK1"
expect "the terminal pulls them" 0 "Pulled" pdt 1 sync
same "the consumer's language arrived" \
    "$(tsql 1 "SELECT language FROM consumers WHERE account_no = 'WU-10003'")" en
# the command line follows it too, as the screens do (the environment
# naming no language); the environment's language still wins
expect "the command line speaks the central node's language" 0 \
    "Total encaissé" env -u LANGUAGE LANG=C.UTF-8 "$PD" --config "$T/t1.ini" kpi
expect "and its errors, every word of them" 5 \
    "Imprimer un reçu : il faut un utilisateur connecté" \
    env -u LANGUAGE LANG=C.UTF-8 "$PD" --config "$T/t1.ini" receipt \
    R-T01-000001
expect "LANGUAGE=en still wins" 0 "Total collected" \
    env LANGUAGE=en "$PD" --config "$T/t1.ini" kpi
expect "a payment at the terminal" 0 "R-T01-000001" \
    env LANGUAGE=en "$PD" --config "$T/t1.ini" --user jane pay WU-10002 \
    --type bill --method Cash --amount 10
pdf "receipt in the central node's language" "$T/r1/R-T01-000001.pdf"
fields "receipt in the central node's language" "REÇU" "Nom José Núñez" \
    "Éléments payés" "Total payé \$10.00"
none "receipt in the central node's language" "RECEIPT" "Items paid"
expect "the consumer's language wins over the central node's" 0 \
    "R-T01-000002" env LANGUAGE=en "$PD" --config "$T/t1.ini" --user jane \
    pay WU-10003 --type bill --method Cash --amount 10
pdf "the en consumer's receipt" "$T/r1/R-T01-000002.pdf"
fields "the en consumer's receipt" "RECEIPT" "Name Acme Bakery Ltd" \
    "Total paid \$10.00"
printf 'key,value\norganisation.language,es\n' >"$T/s2.csv"
expect "the central node changes the language" 0 "1 updated" \
    central import ACME settings "$T/s2.csv" --update
expect "the terminal pulls the change" 0 "" pdt 1 sync
# paydesk-central's own commands in the operator's language: the table's
# headings (each column as wide as its heading, padded by display
# columns), its words, its messages and errors; English as it was
expect "central: the terminals' table in French" 0 \
    "ORG          AGENCE   TERMINAL   ÉTAT     AJOUTÉ LE           DERNIER CONTACT     EN ATTENTE" \
    env LANGUAGE=fr "$CENTRAL" --config "$T/central.ini" terminal list ACME
has "central: its state in French, under its heading" "ACME         B01      T01        actif    "
expect "central: the terminals' table in Spanish" 0 \
    "ORG          SUCURSAL TERMINAL   ESTADO   ALTA                ÚLTIMO CONTACTO     PENDIENTES" \
    env LANGUAGE=es "$CENTRAL" --config "$T/central.ini" terminal list ACME
expect "central: English as it was" 0 \
    "ORG          BRANCH   TERMINAL   STATE    ADDED               LAST SEEN            PENDING" \
    central terminal list ACME
grep -Eq '^ACME +B01 +T01 +active +20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9:]{8} ' "$OUT" &&
    ok "central: the dates ISO by default" ||
    notok "central: the dates ISO by default"
# its dates in the central's [organisation] date_format (issue 25 review:
# ISO in Spanish whatever the format said), as wide as before
{ sed '/^\[central\]/,$d' "$T/central.ini"
  printf '[organisation]\ndate_format = DD/MM/YYYY\n'
  sed -n '/^\[central\]/,$p' "$T/central.ini"; } >"$T/central-dmy.ini"
expect "central: the terminals' dates as DD/MM/YYYY" 0 "ACME" \
    env LANGUAGE=es "$CENTRAL" --config "$T/central-dmy.ini" terminal list ACME
grep -Eq '^ACME +B01 +T01 +activo +[0-9]{2}/[0-9]{2}/20[0-9]{2} [0-9:]{8} +[0-9]{2}/[0-9]{2}/20[0-9]{2} ' "$OUT" &&
    ok "central: added and last seen as DD/MM/YYYY" ||
    notok "central: added and last seen as DD/MM/YYYY"
{ sed '/^\[central\]/,$d' "$T/central.ini"
  printf '[organisation]\ndate_format = MM/DD/YYYY\n'
  sed -n '/^\[central\]/,$p' "$T/central.ini"; } >"$T/central-mdy.ini"
expect "central: and as MM/DD/YYYY" 0 "ACME" \
    env LANGUAGE=fr "$CENTRAL" --config "$T/central-mdy.ini" terminal list ACME
grep -Eq '^ACME +B01 +T01 +actif +[0-9]{2}/[0-9]{2}/20[0-9]{2} ' "$OUT" &&
    ok "central: added as MM/DD/YYYY" || notok "central: added as MM/DD/YYYY"
expect "central: an import's message in French" 0 \
    "1 ligne de settings importée dans ACME : 0 ajoutées, 0 mises à jour, 1 inchangées" \
    env LANGUAGE=fr "$CENTRAL" --config "$T/central.ini" import ACME \
    settings "$T/s2.csv" --update
expect "central: a bad name refused in Spanish" 2 \
    "Organización «a b»: solo se admiten letras, dígitos y «-»" \
    env LANGUAGE=es "$CENTRAL" --config "$T/central.ini" org add "a b" X
expect "central: an unknown command in French, and its usage" 2 \
    "usage : paydesk-central [--config FICHIER] [serve]" \
    env LANGUAGE=fr "$CENTRAL" --config "$T/central.ini" frobnicate
has "central: the error in French" "paydesk-central: Commande inconnue « frobnicate »"
has "central: the usage's placeholders in French" \
    "gateway set ORG NOM [--method MOYEN] [--statuses TABLE]"
has "central: the usage says no command serves, in French" \
    "Sans commande, paydesk-central sert, comme serve"
# (issue 25 review: the usage lacked settings, which import takes)
expect "central: its usage in Spanish" 0 \
    "import ORG consumers|bills|services|installments|users|settings ARCHIVO.csv" \
    env LANGUAGE=es "$CENTRAL" --help
has "central: org add's placeholders in Spanish" "org add CÓDIGO NOMBRE"
has "central: the usage says no command serves, in Spanish" \
    "Sin orden, paydesk-central sirve, como serve"
expect "central: its usage in English" 0 \
    "With no command, paydesk-central serves, as serve does" \
    env LANGUAGE=en "$CENTRAL" --help
has "central: English placeholders as they were" \
    "terminal add ORG BRANCH TERMINAL"
expect "central: a gateway's profile refused in French" 2 \
    "--profile « gold » : card ou mobile-money" \
    env LANGUAGE=fr "$CENTRAL" --config "$T/central.ini" gateway add ACME \
    gw1 --profile gold
expect "the command line follows the change" 0 "Total cobrado" \
    env -u LANGUAGE LANG=C.UTF-8 "$PD" --config "$T/t1.ini" kpi
expect "the next receipt" 0 "" env LANGUAGE=en "$PD" --config "$T/t1.ini" \
    --user jane receipt R-T01-000001 --out "$T/central-es.pdf"
pdf "receipt after the change" "$T/central-es.pdf"
fields "receipt after the change" "RECIBO" "Conceptos pagados" "COPIA"
stop_central
