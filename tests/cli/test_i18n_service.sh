#!/bin/sh
# test_i18n_service.sh - the refusals of the service, store and sync
# layers in the operator's language: the same command, run in English,
# Spanish and French (LANGUAGE, as the locale variables choose it), says
# the same thing in each, with the same exit status, and a refusal
# changes nothing in any language. Amounts, document numbers, names and
# the CSV's column names stay as they are.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"

# in3 NAME STATUS EN ES FR CMD...: CMD run in English, Spanish and French
# exits with STATUS each time and says EN, ES and FR; the translations do
# not say the English text
in3() {
	name=$1 want=$2 en=$3 es=$4 fr=$5
	shift 5
	for l in en es fr; do
		case $l in
		en) needle=$en ;;
		es) needle=$es ;;
		fr) needle=$fr ;;
		esac
		if [ $l = en ]; then run "$@"; else run env LANGUAGE=$l "$@"; fi
		if [ "$RC" -ne "$want" ]; then
			notok "$name ($l)" "exit status $RC, wanted $want"
		elif ! grep -qF -- "$needle" "$OUT"; then
			notok "$name ($l)" "output lacks: $needle"
		elif [ $l != en ] && grep -qF -- "$en" "$OUT"; then
			notok "$name ($l)" "output is still in English: $en"
		else
			ok "$name ($l)"
		fi
	done
}

# refused3 NAME STATUS EN ES FR CMD...: in3, and the store is byte for
# byte what it was before the three runs
refused3() {
	before=$(snapshot)
	in3 "$@"
	if [ "$before" = "$(snapshot)" ]; then ok "$1: store unchanged"
	else echo "not ok - $1: store changed"; fi
}

# the store layer: no store yet
in3 "no store here" 4 \
    'no store here; create one with `paydesk init`' \
    'aquí no hay base de datos; créela con `paydesk init`' \
    'aucune base de données ici ; créez-la avec `paydesk init`' \
    env PAYDESK_PIN=1234 "$PD" --user jane consumer show WU-10001
setup_store
refused3 "unknown account" 4 \
    'No consumer with account number "WU-99999"' \
    'No hay ningún cliente con el número de cuenta «WU-99999»' \
    'Aucun client avec le numéro de compte « WU-99999 »' \
    env PAYDESK_PIN=1234 "$PD" --user jane consumer show WU-99999

# sign-in and roles
refused3 "a payment needs a login" 5 \
    'Recording a payment needs a logged-in user' \
    'Registrar un pago: se necesita un usuario con sesión iniciada' \
    'Enregistrer un paiement : il faut un utilisateur connecté' \
    "$PD" pay WU-10001 --type bill --method Cash --amount 1
refused3 "a cashier cannot create credit notes" 5 \
    'Creating a credit note needs the supervisor role; jane is a cashier' \
    'Crear una nota de crédito: se necesita el rol supervisor; jane es cajero' \
    'Créer un avoir : il faut le rôle superviseur ; jane est caissier' \
    env PAYDESK_PIN=1234 "$PD" --user jane credit-note create R-X \
    --amount 1 --reason Other

# payments: a field name inside the message, an item paid in full
export PAYDESK_PIN=1234
refused3 "notes too long: the field named in the language" 3 \
    'Notes is 300 characters long; the limit is 250' \
    '«Notas» tiene 300 caracteres; el límite es 250' \
    '« Notes » compte 300 caractères ; la limite est 250' \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1 \
    --notes "$(printf '%0300d' 0)"
refused3 "item listed twice" 3 \
    'Item INV-2025-001234 is listed twice' \
    'El concepto INV-2025-001234 figura dos veces' \
    "L'élément INV-2025-001234 figure deux fois" \
    "$PD" --user jane pay WU-10001 --type bill \
    --items INV-2025-001234,INV-2025-001234 --method Cash --amount 1
refused3 "cash received on a card" 3 \
    'Amount received applies to cash payments only; Credit Card is a card method' \
    'El importe recibido solo se aplica a pagos en efectivo; Credit Card es un medio de tipo card' \
    'Le montant reçu ne vaut que pour les paiements en espèces ; Credit Card est un moyen de type card' \
    "$PD" --user jane pay WU-10001 --type bill --method "Credit Card" \
    --amount 100 --tendered 100
expect "a payment in full" 0 "R-T01-000001" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 145.50 \
    --items INV-2025-001234
refused3 "an item already paid in full" 3 \
    'Item INV-2025-001234 is already paid in full' \
    'El concepto INV-2025-001234 ya está pagado por completo' \
    "L'élément INV-2025-001234 est déjà entièrement payé" \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 1
# overpaying beyond the threshold is refused by core's rule (its words
# are core's): the same status in every language, nothing written
before=$(snapshot)
run "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 800.01
en_rc=$RC
for l in es fr; do
	run env LANGUAGE=$l "$PD" --user jane pay WU-10001 --type bill \
	    --method Cash --amount 800.01
	same "an overpayment over the threshold: status in $l as in English" \
	    "$RC" "$en_rc"
done
same "an overpayment over the threshold is a validation failure" "$en_rc" 3
same "an overpayment over the threshold: store unchanged" "$(snapshot)" \
    "$before"

# credit notes: over the limit, an unknown reason, a voided payment
export PAYDESK_PIN=2222
before=$(snapshot)
run "$PD" --user mary credit-note create R-T01-000001 --amount 145.51 \
    --reason Other
en_rc=$RC
for l in es fr; do
	run env LANGUAGE=$l "$PD" --user mary credit-note create R-T01-000001 \
	    --amount 145.51 --reason Other
	same "a credit note over the limit: status in $l as in English" \
	    "$RC" "$en_rc"
done
same "a credit note over the limit is a validation failure" "$en_rc" 3
same "a credit note over the limit: store unchanged" "$(snapshot)" "$before"
refused3 "an unknown credit reason" 3 \
    'Unknown reason "Whim"; choose one of: ' \
    'Motivo desconocido «Whim»; elija uno de: ' \
    'Motif inconnu « Whim » ; choisissez parmi : ' \
    "$PD" --user mary credit-note create R-T01-000001 --amount 1 \
    --reason Whim
expect "a void" 0 "voided" \
    "$PD" --user mary payment void R-T01-000001 --reason "Wrong account"
refused3 "void of a voided payment" 3 \
    'Payment PAY-T01-2025-000001 was already voided on 2025-04-20 10:00:00 by Mary Johnson' \
    'El pago PAY-T01-2025-000001 ya fue anulado el 2025-04-20 10:00:00 por Mary Johnson' \
    'Le paiement PAY-T01-2025-000001 a déjà été extourné le 2025-04-20 10:00:00 par Mary Johnson' \
    "$PD" --user mary payment void R-T01-000001 --reason again
refused3 "a credit note on a voided payment" 3 \
    'Payment R-T01-000001 is Voided; credit notes are issued against Posted payments only' \
    'El pago R-T01-000001 está en estado Voided; solo se emiten notas de crédito sobre pagos en estado Posted' \
    "Le paiement R-T01-000001 est à l'état Voided ; les avoirs ne sont émis que sur des paiements à l'état Posted" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 1 \
    --reason Other

# imports: file:line:column, the column's name as the file has it
export PAYDESK_PIN=9999
printf 'invoice_no,account_no,period,amount,issued_on,colour\n' >"$T/bad.csv"
refused3 "import: an unknown column" 3 \
    'bad.csv:1:47: unknown column "colour" (expected header: ' \
    'bad.csv:1:47: columna desconocida «colour» (cabecera esperada: ' \
    'bad.csv:1:47: colonne inconnue « colour » (en-tête attendu : ' \
    "$PD" --user admin import bills "$T/bad.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-1,WU-10001,May 2025,10.00,2025-06-01,2025-06-15
INV-9-2,WU-10001,Jun 2025,12.00,2025-07-01
' >"$T/bad.csv"
refused3 "import: a short line" 3 \
    'bad.csv:3: 5 fields where the header has 6' \
    'bad.csv:3: 5 campos donde la cabecera tiene 6' \
    "bad.csv:3: 5 champs alors que l'en-tête en a 6" \
    "$PD" --user admin import bills "$T/bad.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-1,WU-10001,May 2025,10.00,2025-06-01,2025-06-15
INV-9-1,WU-10001,May 2025,10.00,2025-06-01,2025-06-15
INV-9-3,WU-10001,,10.00,2025-06-01,2025-06-15
' >"$T/bad.csv"
refused3 "import: a row that exists" 3 \
    'bad.csv:3:1: invoice_no: "INV-9-1" already exists (--update skips' \
    'bad.csv:3:1: invoice_no: «INV-9-1» ya existe (--update omite' \
    'bad.csv:3:1: invoice_no: « INV-9-1 » existe déjà (--update ignore' \
    "$PD" --user admin import bills "$T/bad.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-3,WU-10001,,10.00,2025-06-01,2025-06-15
' >"$T/bad.csv"
refused3 "import: a field that is required" 3 \
    'bad.csv:2:18: period: A value is required' \
    'bad.csv:2:18: period: Se requiere un valor' \
    'bad.csv:2:18: period: Une valeur est obligatoire' \
    "$PD" --user admin import bills "$T/bad.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-4,WU-10001,May 2025,10.00,2025-06-01,2025-05-15
' >"$T/bad.csv"
refused3 "import: due before issued" 3 \
    'Due date 2025-05-15 is before the issue date 2025-06-01' \
    'El vencimiento 2025-05-15 es anterior a la fecha de emisión 2025-06-01' \
    "L'échéance 2025-05-15 précède la date d'émission 2025-06-01" \
    "$PD" --user admin import bills "$T/bad.csv"

# sync: none configured; a central node that does not answer
refused3 "sync with no central node" 2 \
    'No central node is configured: set [sync] url and token' \
    'No hay ningún nodo central configurado: defina [sync] url y token' \
    "Aucun nœud central n'est configuré : définissez [sync] url et token" \
    "$PD" sync
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf '[sync]\nurl = http://127.0.0.1:%s\ntoken = T01.not-a-real-token\nretries = 0\nconnect_timeout = 2\n' \
    "$PORT" >>"$PAYDESK_CONFIG"
in3 "sync to a central node that does not answer" 10 \
    '(tried 1 time); nothing is lost: the records stay queued' \
    '(1 intento); no se pierde nada: los registros siguen en cola' \
    "(1 tentative) ; rien n'est perdu : les enregistrements restent en file" \
    "$PD" sync
same "the payment and its void are still queued" \
    "$(sql "SELECT count(*) FROM outbox WHERE sent_at IS NULL")" 2

# a user locked out: the count and the lock in each language
export PAYDESK_PIN=0000
in3 "a wrong PIN" 5 \
    'Wrong user name or PIN for "admin" (1 of 5 tries before a lockout)' \
    'Usuario o PIN incorrectos para «admin» (intento 2 de 5 antes del bloqueo)' \
    'Identifiant ou code PIN erroné pour « admin » (essai 3 sur 5 avant blocage)' \
    "$PD" --user admin kpi
expect "a fourth wrong PIN" 5 "(4 of 5 tries" "$PD" --user admin kpi
run env LANGUAGE=es "$PD" --user admin kpi
same "the fifth wrong PIN locks (es): status" "$RC" 5
has "the fifth wrong PIN locks (es)" \
    'PIN incorrecto para «admin»; 5 seguidos: bloqueado hasta 2025-04-20 10:15:00'
export PAYDESK_PIN=9999
in3 "a locked user, even with the right PIN" 5 \
    'User "admin" is locked out after 5 wrong PINs until 2025-04-20 10:15:00' \
    'Usuario «admin» bloqueado tras 5 PIN incorrectos hasta 2025-04-20 10:15:00' \
    "Utilisateur « admin » bloqué après 5 PIN erronés jusqu'à 2025-04-20 10:15:00" \
    "$PD" --user admin kpi
