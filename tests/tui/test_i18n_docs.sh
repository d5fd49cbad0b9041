#!/bin/sh
# test_i18n_docs.sh - in the counter UI, documents speak the
# organisation's language and the screens the terminal's: Spanish screens
# show and reprint an English organisation's receipt in English, English
# screens a French organisation's in French, in tmux at 80x24 (the
# receipt on screen read back, the reprinted PDF with pdftotext). The
# same from the CLI, and a consumer's language, are
# tests/cli/test_i18n_docs.sh.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
PAYDESK_PIN=1234 "$PD" --user jane pay WU-10001 --type bill \
    --items INV-2025-001234 --method Cash --amount 145.50 >/dev/null

# start NAME WAIT_TEXT ENV=VALUE...: see tui_open_until (lib.sh)
start() { tui_open_until "$@"; }
# written NAME FILE: FILE appears within 5 s, its text in $OUT
written() {
	i=0
	while [ ! -s "$2" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if pdftotext -layout "$2" - 2>/dev/null | tr -s ' ' >"$OUT"; then
		ok "$1: written"
	else
		notok "$1: written"
	fi
}
# none NAME TEXT...: no TEXT is in $OUT
none() {
	fname=$1
	shift
	for f in "$@"; do
		if grep -qF -- "$f" "$OUT"; then notok "$fname: no \"$f\""
		else ok "$fname: no \"$f\""; fi
	done
}

# --- Spanish screens, an English organisation ----------------------------
start "es screens" "Inicie sesión para cobrar" LANGUAGE=es
login jane 1234
wait_for "es screens: home" "Hoy en este terminal"
keys Down Down Enter
wait_for "es screens: today's payments" "│ T01 │ Pagos de hoy"
wait_for "es screens: the payment listed" "R-T01-000001"
keys Enter
wait_for "es screens: the payment's details" "│ T01 │ Detalle del pago"
keys v
wait_for "es screens: the receipt on screen" "│ T01 │ Recibo"
wait_for "es screens: the receipt is the organisation's: English" \
    "Receipt number"
wait_for "es screens: its headings" "CONSUMER"
lacks "es screens: no Spanish on the receipt" "Número de recibo"
keys Escape
wait_for "es screens: back to the details" "│ T01 │ Detalle del pago"
keys Escape
wait_for "es screens: back to today's payments" "│ T01 │ Pagos de hoy"
keys Escape
wait_for "es screens: home again" "Hoy en este terminal"
keys Home Down Down Down Enter
wait_for "es screens: reprint" "│ T01 │ Reimprimir"
type_text R-T01-000001
keys Enter
written "es screens: the reprint" "$T/receipts/R-T01-000001-COPY-1.pdf"
fields() { for f in "$@"; do has "es screens, reprinted PDF: $f" "$f"; done; }
fields "RECEIPT" "COPY" "Copy 1, reprinted" "Receipt number R-T01-000001" \
    "Total paid \$145.50" "terminal T01, branch B01"
none "es screens, reprinted PDF" "RECIBO" "COPIA" "Número de recibo"

# --- English screens, a French organisation ------------------------------
printf '[organisation]\nlanguage = fr\n' >>"$PAYDESK_CONFIG"
start "en screens" "Log in to take payments" LANGUAGE=en
login jane 1234
wait_for "en screens: home" "Today at this terminal"
keys Down Down Enter
wait_for "en screens: the payment listed" "R-T01-000001"
keys Enter
wait_for "en screens: the payment's details" "│ T01 │ Payment details"
keys v
wait_for "en screens: the receipt is the organisation's: French" \
    "Numéro de reçu"
lacks "en screens: no English on the receipt" "Receipt number"
wait_for "en screens: its headings in capitals" "CLIENT"
keys NPage
wait_for "en screens: further down, accents in capitals" "ÉLÉMENTS PAYÉS"
wait_for "en screens: its totals" "Total payé"
lacks "en screens: no English on the receipt" "Total paid"
keys Escape
wait_for "en screens: back to the details" "│ T01 │ Payment details"
keys Escape
wait_for "en screens: back to today's payments" "│ T01 │ Today's payments"
keys Escape
wait_for "en screens: home again" "Today at this terminal"
keys Home Down Down Down Enter
wait_for "en screens: reprint" "Receipt number, payment id or transaction id"
type_text R-T01-000001
keys Enter
written "en screens: the reprint" "$T/receipts/R-T01-000001-COPY-2.pdf"
fields() { for f in "$@"; do has "en screens, reprinted PDF: $f" "$f"; done; }
fields "REÇU" "COPIE" "Copie 2, réimprimée" "Numéro de reçu R-T01-000001" \
    "Total payé \$145.50" "terminal T01, agence B01"
none "en screens, reprinted PDF" "RECEIPT" "Copy 2" "Receipt number"
wait_for "en screens: the reprint screen speaks English" "Copy 2 written to"
keys F10

# --- a character no font has: after what was written, the message line
# warns in the operator's language, naming the field as the document does
# (issue 17; the CLI's warning is tests/cli/test_scripts.sh)
printf 'account_no,name,service_address,phone,email,segment\n%s\n' \
    "WU-40007,Ann $(printf '\356\200\200') Lee,1 Main St,(555) 000-4007,,Residential" \
    >"$T/gap.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n%s\n%s\n' \
    "INV-40007,WU-40007,Mar 2025,50.00,2025-04-01,2025-04-15" \
    "INV-40017,WU-40007,Feb 2025,20.00,2025-03-01,2025-03-15" >"$T/gapb.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/gap.csv" >/dev/null
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/gapb.csv" >/dev/null
PAYDESK_PIN=1234 "$PD" --user jane pay WU-40007 --type bill --method Cash \
    --items INV-40007 --amount 50 >/dev/null 2>&1
gap_cn=$(PAYDESK_PIN=2222 "$PD" --json --user mary credit-note create \
    R-T01-000002 --amount 1 --reason Other 2>/dev/null |
    sed -n 's/.*"number": "\(CN-[^"]*\)".*/\1/p' | head -1)
# message NAME TEXT: the message line (its rows above the key bar, joined
# where they wrap) says TEXT within 5 s
message() {
	i=0
	while [ $i -lt 50 ]; do
		grab
		sed -n '18,23p' "$SCREEN" | sed 's/^ *//; s/ *$//' | tr '\n' ' ' |
		    tr -s ' ' >"$OUT"
		if grep -qF -- "$2" "$OUT"; then
			ok "$1"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	notok "$1" "the message line lacks: $2"
	sed 's/^/  | /' "$SCREEN"
}
start "es screens, a receipt with a gap" "Inicie sesión para cobrar" \
    LANGUAGE=es
login jane 1234
wait_for "es screens again: home" "Hoy en este terminal"
keys Down Down Down Enter
wait_for "es screens again: reprint" "│ T01 │ Reimprimir"
type_text R-T01-000001
keys Enter
message "a receipt every font covers: what was written" \
    "No hay ninguna orden de impresión configurada"
lacks "and no warning" "Aviso"
keys BSpace BSpace BSpace BSpace BSpace BSpace
type_text 000002
keys Enter
message "the reprint of a receipt with a gap: what was written first" \
    "No hay ninguna orden de impresión configurada: el PDF es"
message "then the warning, in Spanish, naming the field as the receipt does" \
    "Aviso: R-T01-000002, campo «Nom»: ninguna fuente tiene U+E000"
lacks "no English warning" "Warning"
# a payment taken in the wizard: its last step says where the receipt is,
# then the warning
keys Escape
wait_for "es screens again: home from the reprint" "Hoy en este terminal"
keys Home Enter
wait_for "the wizard" "Paso 1 de 8"
type_text "Ann"
wait_for "the consumer found" "WU-40007"
keys Enter
for step in 2 3 4 5 6 7; do
	wait_for "step $step" "Paso $step de 8" >/dev/null || break
	keys Enter
done
wait_for "posted" "Paso 8 de 8"
i=0
until grep -qF "Aviso: R-T01-000003, campo «Nom»: ninguna fuente tiene" \
    "$OUT" || [ $i -ge 50 ]; do
	sleep 0.1
	grab
	sed 's/^ *//; s/ *$//' "$SCREEN" | tr '\n' ' ' | tr -s ' ' >"$OUT"
	i=$((i + 1))
done
has "the last step: where the receipt is, then the warning in Spanish" \
    "Recibo guardado en $T/receipts/R-T01-000003.pdf Aviso: R-T01-000003, campo «Nom»: ninguna fuente tiene U+E000"
keys F10

start "fr screens, a credit note with a gap" "Connectez-vous pour encaisser" \
    LANGUAGE=fr
login mary 2222
wait_for "fr screens: the dashboard" "Total encaissé"
keys p
sleep 0.3
keys Tab
sleep 0.3
keys /
type_text "$gap_cn"
keys Enter
wait_for "fr screens: the credit note listed" "$gap_cn"
keys Enter
wait_for "fr screens: its details" "Montant initial de l'avoir"
keys p
message "printing it: what was written, then the warning in French" \
    "Avertissement : $gap_cn, champ « Nom » : aucune police n'a U+E000"
keys F10
