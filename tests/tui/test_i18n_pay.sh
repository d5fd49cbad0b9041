#!/bin/sh
# test_i18n_pay.sh - the cashier's screens in Spanish and in French, in
# tmux at 80x24: the whole of Record Payment (search, account, channel,
# items, method, summary, review, done) with cash and change, a card and
# an overpayment that makes a credit note; the receipt written (its path
# read from the screen), the receipt view, Today's payments, Reprint,
# Find Consumer and Void. Each screen's texts are read back, the longest
# labels whole with their values after them (nothing cut at 80 columns).
# English is still English at the end. The receipts' own language is
# the documents' business (their tests).
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"

# The texts each language shows, by key: "key|text", one a line.
texts_es() {
	cat <<'EOF'
home|Hoy en este terminal
dashboard|│ T01 │ Panel
step1|Paso 1 de 8  Cliente
hint|Escriba un nombre, un número de cuenta o un teléfono
matches2|2 coincidencias
matches1|1 coincidencia
headers|Nombre                          Cuenta        Teléfono
nomatch|Ningún cliente coincide con «john dq»
step2|Paso 2 de 8  Datos de la cuenta       John Doe  WU-10001
address|Dirección del servicio 123 Main Street, Cityville
email|Correo electrónico     john.doe@example.com
balance|Saldo actual           $313.00
credit|Crédito disponible     $0.00
bills|Facturas               2 pendientes, $297.75
insts|Cuotas                 3 pendientes, $202.50
latest|Últimos pagos
latesthead|Fecha      Recibo                  Importe Medio          Estado
nonerec|ninguno en este terminal
step3|Paso 3 de 8  Canal de pago
where|¿Dónde se cobra el pago?
step4|Paso 4 de 8  Tipo de pago y conceptos  John Doe  WU-10001
tabs|Factura    Servicio    Cuota
itemhead|Factura          Período        Vencimiento      Importe    Por pagar
selected2|Elegidos 2 de 2    Total $297.75
selected1|Elegidos 1 de 2    Total $145.50
servhead|Servicio             Referencia     Fecha           Importe    Por pagar
insthead|Plan             Cuota          Vencimiento      Importe    Por pagar
step5|Paso 5 de 8  Medio de pago e importe
method|Medio                       Conceptos elegidos: 2; total $297.75
amount|Importe           297.75
received|Importe recibido
empty|vacío: el importe exacto
togive|Cambio a entregar
change|Cambio: $102.25
step6|Paso 6 de 8  Resumen del pago
confirm|Cambio $102.25: ¿recibido $400.00? Intro otra vez para seguir
s_amount|Importe del pago             $297.75
s_items|Conceptos pagados            $297.75 de $297.75 en 2 facturas
s_recv|Importe recibido             $400.00
s_change|Cambio a entregar            $102.25
s_against|Frente a los conceptos       Pago exacto ($0.00)
s_after|Saldo pendiente tras el pago $167.50
notes|Notas (opcional)
step7|Paso 7 de 8  Revisar y confirmar
r_account|  Cuenta
r_type|($297.75 de $297.75 en 2 facturas)
r_item|Factura INV-2025-001234, Mar 2025  $145.50
r_cash|Efectivo recibido     $400.00, cambio $102.25
r_by|Registrado por        Jane Smith
r_notes|Notas                 en ventanilla
r_press|Pulse Intro para registrar este pago, Esc para volver
step8|Paso 8 de 8  Pago registrado
posted|Pago de $297.75 registrado
d_txn|ID de la transacción   TXN-T01-2025-000001
d_status|Estado                 Cobrado
d_verify|Verificación           Verificado
d_given|Cambio entregado       $102.25
d_now|Saldo pendiente actual $167.50
written|Recibo guardado en
receipt|│ T01 │ Recibo
card|(*) Credit Card
s_items1|Conceptos pagados            $80.00 de $80.00 en 1 factura
r_type1|($80.00 de $80.00 en 1 factura)
posted80|Pago de $80.00 registrado
noserv|Este cliente no tiene servicios pendientes
s_extra|Importe pagado de más        $300.00
s_cn|Nota de crédito a emitir     $300.00, motivo Pago en exceso
r_over|Pago en exceso        $300.00 como nota de crédito
d_cn|Nota de crédito
void|Anular este pago
v_receipt|N.º de recibo   R-T01-000002
v_status|Estado          Cobrado
v_reason|Motivo
v_note|El pago queda en el libro marcado como Anulado; sus imputaciones
reasonreq|«Motivo de anulación» es obligatorio
voidask|¿Anular el pago R-T01-000002 de $80.00? Intro otra vez para anular
voided|Pago R-T01-000002 anulado
today|Hoy en este terminal: 3 pagos registrados, $1,877.75
todayhead|Hora  Recibo
todaycols|Importe Medio
todaystatus|Estado
anulado|Anulado
reprint|Reimprimir un recibo
reprintlabel|Número de recibo, ID del pago o ID de la transacción
reprintfirst|Escriba primero un número de recibo
copy|Copia 1 guardada en
find|Buscar un cliente
EOF
}

texts_fr() {
	cat <<'EOF'
home|Aujourd'hui sur ce terminal
dashboard|│ T01 │ Tableau de bord
step1|Étape 1 sur 8  Client
hint|Tapez un nom, un numéro de compte ou un téléphone
matches2|2 résultats
matches1|1 résultat
headers|Nom                             Compte        Téléphone
nomatch|Aucun client ne correspond à « john dq »
step2|Étape 2 sur 8  Données du compte      John Doe  WU-10001
address|Adresse du service    123 Main Street, Cityville
email|Courriel              john.doe@example.com
balance|Solde actuel          $313.00
credit|Crédit disponible     $0.00
bills|Factures              2 à payer, $297.75
insts|Échéances             3 à payer, $202.50
latest|Derniers paiements
latesthead|Date       Reçu                    Montant Moyen          Statut
nonerec|aucun sur ce terminal
step3|Étape 3 sur 8  Canal de paiement
where|Où le paiement est-il encaissé ?
step4|Étape 4 sur 8  Type de paiement et éléments  John Doe  WU-10001
tabs|Facture    Service    Mensualité
itemhead|Facture          Période        Échéance        Montant     Reste dû
selected2|Sélection : 2 sur 2    Total $297.75
selected1|Sélection : 1 sur 2    Total $145.50
servhead|Service              Référence      Date            Montant     Reste dû
insthead|Plan             Mensualité     Échéance        Montant     Reste dû
step5|Étape 5 sur 8  Moyen de paiement et montant
method|Moyen                       Éléments choisis : 2 ; total $297.75
amount|Montant           297.75
received|Montant reçu
empty|vide : le montant exact
togive|Monnaie à rendre
change|Monnaie : $102.25
step6|Étape 6 sur 8  Récapitulatif du paiement
confirm|Monnaie $102.25 : reçu $400.00 ? Entrée de nouveau pour continuer
s_amount|Montant du paiement        $297.75
s_items|Éléments payés             $297.75 sur $297.75 pour 2 factures
s_recv|Montant reçu               $400.00
s_change|Monnaie à rendre           $102.25
s_against|Par rapport aux éléments   Paiement exact ($0.00)
s_after|Reste dû après le paiement $167.50
notes|Notes (facultatif)
step7|Étape 7 sur 8  Vérifier et confirmer
r_account|  Compte
r_type|($297.75 sur $297.75 pour 2 factures)
r_item|Facture INV-2025-001234, Mar 2025  $145.50
r_cash|Espèces reçues        $400.00, monnaie $102.25
r_by|Enregistré par        Jane Smith
r_notes|Notes                 en ventanilla
r_press|Appuyez sur Entrée pour enregistrer, Échap pour revenir
step8|Étape 8 sur 8  Paiement enregistré
posted|Paiement de $297.75 enregistré
d_txn|ID de la transaction  TXN-T01-2025-000001
d_status|Statut                Encaissé
d_verify|Vérification          Vérifié
d_given|Monnaie rendue        $102.25
d_now|Reste dû actuel       $167.50
written|Reçu enregistré dans
receipt|│ T01 │ Reçu
card|(*) Credit Card
s_items1|Éléments payés             $80.00 sur $80.00 pour 1 facture
r_type1|($80.00 sur $80.00 pour 1 facture)
posted80|Paiement de $80.00 enregistré
noserv|Ce client n'a aucun service impayé
s_extra|Montant payé en trop       $300.00
s_cn|Avoir à créer              $300.00, motif Trop-perçu
r_over|Trop-perçu            $300.00 en avoir
d_cn|Avoir
void|Extourner ce paiement
v_receipt|N° de reçu      R-T01-000002
v_status|Statut          Encaissé
v_reason|Motif
v_note|Le paiement reste au grand livre, marqué Extourné ; ses
reasonreq|« Motif de l'extourne » est obligatoire
voidask|Extourner R-T01-000002 de $80.00 ? Entrée de nouveau pour extourner
voided|Paiement R-T01-000002 extourné
today|Aujourd'hui sur ce terminal : 3 paiements enregistrés, $1,877.75
todayhead|Heure Reçu
todaycols|Montant Moyen
todaystatus|Statut
anulado|Extourné
reprint|Réimprimer un reçu
reprintlabel|Numéro de reçu, ID du paiement ou ID de la transaction
reprintfirst|Tapez d'abord un numéro de reçu
copy|Copie 1 enregistrée dans
find|Rechercher un client
EOF
}

# txt KEY: the text of KEY in the language $L
txt() {
	v=$("texts_$L" | sed -n "s/^$1|//p")
	[ -n "$v" ] || echo "not ok - $L: no text for $1" >&2
	printf '%s' "$v"
}
# see KEY [NAME]: the screen shows the text of KEY
see() { wait_for "$L: ${2:-$1}" "$(txt "$1")"; }

# start [ENV=VALUE...]: paydesk on a fresh tmux server, until the login
start() {
	tui_open "$@"
	sleep 0.3
}

# uncut NAME: no column of a list on the screen is cut (the list widget
# ends a cut cell with an ellipsis)
# (and no row begins with : ; ? !, which French writes after a plain
# space: the sign stays with its word, po/GLOSSARY)
uncut() {
	settle
	if grep -q '…' "$SCREEN" || grep -Eq '^ *[:;?!] [^ ]' "$SCREEN"; then
		echo "not ok - $L: $1: nothing cut"
		sed 's/^/  | /' "$SCREEN"
	else
		ok "$L: $1: nothing cut"
	fi
}

# row NAME PATTERN: a row of the screen matches the basic regex PATTERN
row() {
	settle
	if grep -q -- "$2" "$SCREEN"; then
		ok "$L: $1"
	else
		echo "not ok - $L: $1"
		echo "  no row matches: $2"
		sed 's/^/  | /' "$SCREEN"
	fi
}

# fresh: a new store and no receipts
fresh() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	rm -rf "$T/receipts"
	setup_store
}

# receipt_on_screen PATH: the done step shows the receipt written to PATH
receipt_on_screen() {
	settle
	path=$(sed -n "s/.*$(txt written) \(\/[^ ]*\.pdf\).*/\1/p" "$SCREEN")
	if [ -n "$path" ] && [ -s "$path" ] && [ "$path" = "$1" ]; then
		ok "$L: the receipt's path on the screen is the PDF written"
	else
		echo "not ok - $L: the receipt's path on the screen is the PDF written"
		echo "  path [$path], wanted [$1]"
		sed 's/^/  | /' "$SCREEN"
	fi
}

# flow: the cashier's day in the language $L, on a store of its own
flow() {
	fresh
	start LANGUAGE=$L
	login jane 1234
	see home "the cashier's home"

	# --- 1: the search
	keys Enter
	see step1 "step 1's band"
	see hint "the search's hint"
	type_text "jo"
	see matches2 "two matches, plural"
	see headers "the results' column headers"
	type_text "hn d"
	see matches1 "one match, singular"
	type_text "q"
	see nomatch "no consumer matches, quoted"
	keys BSpace
	uncut "the search"

	# --- 2: the account
	keys Enter
	see step2 "step 2's band, the consumer beside it"
	see address "the longest label whole, the value after it"
	see email "the email"
	see balance "the balance"
	see credit "the credit"
	see bills "open bills, plural"
	see insts "open installments"
	see latest "the latest payments' heading"
	see nonerec "none at this terminal"
	uncut "the account"

	# --- 3: the channel
	keys Enter
	see step3 "step 3's band"
	see where "the channel's question"
	uncut "the channel"

	# --- 4: the items
	keys Enter
	see step4 "step 4's band"
	see tabs "the payment types translated"
	see itemhead "the bills' headers whole, Open as an amount"
	see selected1 "the bill due now selected (not April's, due in May)"
	keys Down Space
	see selected2 "selected and total"
	keys Space
	see selected1 "a toggle"
	keys Space
	see selected2 "and back"
	keys s
	see servhead "the services' headers"
	keys i
	see insthead "the installments' headers"
	keys b
	see selected2 "back to the bills, kept"
	uncut "the items"

	# --- 5: the method, cash with change
	keys Enter
	see step5 "step 5's band"
	see method "the method's heading and the selected items"
	see amount "the amount, its label in the column"
	see received "amount received"
	see empty "its hint"
	keys Tab Tab
	type_text 400
	see togive "change to give"
	see change "the change as text"
	uncut "the method"

	# --- 6: the summary, after the change above [payments]
	# change_confirm (100.00) is confirmed with a second Enter
	keys Enter
	see confirm "the change to confirm"
	keys Enter
	see step6 "step 6's band"
	see s_amount "the amount"
	see s_items "the items paid, plural"
	see s_recv "the amount received"
	see s_change "the change"
	see s_against "the analysis translated"
	see s_after "the longest label whole"
	see notes "the notes' label"
	row "the notes' counter on the notes' row, at the right" \
	    "^  $(txt notes)  *0/250\$"
	type_text "en ventanilla"
	uncut "the summary"

	# --- 7: the review
	keys Enter
	see step7 "step 7's band"
	see r_account "the account heading"
	see r_type "the type and its items, plural"
	see r_item "each item named"
	see r_cash "cash received and change"
	see r_by "recorded by"
	see r_notes "the notes"
	see r_press "how to post"
	uncut "the review"

	# --- 8: done
	keys Enter
	see step8 "step 8's band"
	see posted "posted"
	see d_txn "the transaction id"
	see d_status "the status translated"
	see d_verify "verified"
	see d_given "change given"
	see d_now "the longest label whole"
	see written "the receipt written"
	receipt_on_screen "$T/receipts/R-T01-000001.pdf"
	uncut "the done step"
	keys v
	see receipt "the receipt view's title"
	keys Escape
	see step8 "back on the done step"

	# --- another, by card
	keys n
	see hint "Another payment: the search again"
	type_text "Núñez"
	wait_for "$L: José Núñez found" "José Núñez"
	keys Enter Enter Enter Enter Down
	see card "a card chosen"
	lacks "$L: no amount received for a card" "$(txt received)"
	keys Enter
	see s_items1 "one item, singular"
	keys Enter
	see r_type1 "one item in the review, singular"
	keys Enter
	see posted80 "the card payment posted"
	receipt_on_screen "$T/receipts/R-T01-000002.pdf"

	# --- an overpayment that makes a credit note
	keys n
	type_text "acme"
	wait_for "$L: Acme found" "Acme Bakery Ltd"
	keys Enter Enter Enter s
	see noserv "no unpaid services, said whole"
	keys b Enter Down Down Down Tab
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	type_text 1500
	keys Enter
	see s_extra "the extra amount paid"
	see s_cn "the credit note to create"
	uncut "the summary of an overpayment"
	keys Enter
	see r_over "the overpayment in the review"
	keys Enter
	see d_cn "the credit note made"
	wait_for "$L: its number" "CN-"
	keys Enter
	see home "back home"

	# --- Today's payments, Reprint, Find Consumer
	keys Home Down Down Enter
	see today "today's count and total, plural"
	see todayhead "today's headers"
	see todaycols "the amount and method headers"
	see todaystatus "the status header"
	wait_for "$L: a status translated in the list" \
	    "$(txt d_status | sed 's/^[^ ]* *//')"
	uncut "today's payments"
	keys Escape Home Down Down Down Enter
	see reprint "Reprint's heading"
	# the header names the screen as Home's task does (issue 17: it said
	# "Reprint" of a task called "Reprint a receipt")
	wait_for "$L: Reprint's header is Home's task" "│ T01 │ $(txt reprint)"
	see reprintlabel "its label whole"
	keys Enter
	see reprintfirst "a number first"
	type_text "R-T01-000001"
	keys Enter
	see copy "the copy written"
	wait_for "$L: the copy's path whole" \
	    "$T/receipts/R-T01-000001-COPY-1.pdf"
	uncut "reprint"
	keys Escape Home Down Enter
	see find "Find Consumer's heading"
	type_text "john"
	see matches1 "found"
	keys Enter
	see address "the account from Find Consumer"
	wait_for "$L: the latest payment listed" "R-T01-000001"
	see latesthead "the latest payments' headers"
	uncut "the account with its payments"
	keys Escape Escape
	see home "home again"
	logout

	# --- Void, by the supervisor, from the payments list
	login mary 2222
	see dashboard "the supervisor's dashboard"
	keys p
	sleep 0.5
	keys /
	type_text "R-T01-000002"
	keys Enter
	wait_for "$L: the card payment listed" "R-T01-000002"
	keys m
	sleep 0.3
	keys Down Down Down Down Enter
	see void "the void dialog"
	see v_receipt "its receipt number"
	see v_status "its status"
	see v_reason "the reason's label"
	see v_note "what a void does, wrapped"
	uncut "the void dialog"
	keys Enter
	see reasonreq "a reason is required"
	type_text "Duplicado"
	keys Enter
	see voidask "the void asks first, with the amount"
	keys Enter
	see voided "voided"
	keys Escape
	sleep 0.3
	logout
	login jane 1234
	see home "the cashier again"
	keys Home Down Down Enter
	wait_for "$L: today's list shows the void" "$(txt anulado)"
	keys Escape Escape
}

L=es
flow
L=fr
flow

# English is still English: the same flow's first steps, no language set
fresh
start
login jane 1234
wait_for "English: home" "Today at this terminal"
keys Enter
wait_for "English: step 1" "Step 1 of 8  Consumer"
type_text "jo"
wait_for "English: matches" "2 matches"
wait_for "English: headers" "Name                            Account       Phone"
type_text "hn d"
wait_for "English: one match" "1 match"
keys Enter
wait_for "English: step 2" "Step 2 of 8  Account details"
wait_for "English: the label column as before" "Current balance       \$313.00"
keys Enter Enter
wait_for "English: the items' headers" \
    "Invoice          Period         Due date         Amount         Open"
keys Enter
wait_for "English: the amount (the bill due now)" "Amount            145.50"
keys Enter
wait_for "English: the summary" "Outstanding after payment \$167.50"
lacks "English: nothing Spanish" "Paso"
lacks "English: nothing French" "Étape"

# a bill's period stored YYYY-MM (the demo's) in the cashier's language:
# the items' list and the review name it so (issue 25: "Mar 2026" in a
# French organisation); English as it was
printf 'account_no,name,service_address,phone,email,segment\nWU-10090,Léa Martin,1 rue Haute,(555) 900-0090,,Residential\n' \
    >"$T/p-c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-P-1,WU-10090,2025-03,20.00,2025-04-01,2025-04-15\n' \
    >"$T/p-b.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/p-c.csv" >/dev/null &&
    PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/p-b.csv" \
    >/dev/null || notok "the bill of period 2025-03 imported"
for lp in "fr|mars 2025|Étape 4 sur 8" "es|mar 2025|Paso 4 de 8" \
    "en|Mar 2025|Step 4 of 8"; do
	L=${lp%%|*} p=${lp#*|}
	p=${p%|*}
	if [ "$L" = en ]; then start; else start LANGUAGE=$L; fi
	login jane 1234
	sleep 0.5
	keys Enter
	sleep 0.3
	type_text "WU-10090"
	sleep 0.5
	keys Enter
	sleep 0.3
	keys Enter Enter
	wait_for "$L: the items' step" "${lp##*|}"
	wait_for "$L: the bill listed" "INV-P-1" >/dev/null
	settle
	if grep -q "INV-P-1 .*$p " "$SCREEN"; then
		ok "$L: the period 2025-03 as $p"
	else
		notok "$L: the period 2025-03 as $p" "$(cat "$SCREEN")"
	fi
	keys Enter Enter Enter
	wait_for "$L: the review names it so" "INV-P-1, $p"
	tmux -S "$SOCK" kill-server
done
