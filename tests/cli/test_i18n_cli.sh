#!/bin/sh
# test_i18n_cli.sh - the command line in Spanish and French: errors of
# every kind come out in the reader's language with the exit status of
# the English one, usage and help too, from LANGUAGE or from the config's
# [organisation] language; human tables and records line up by display
# width of the translated headers and labels; JSON and CSV are the same
# bytes in every language.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
# the catalogues the build made, for messages of other layers
CATALOGUES="$TOP/$BUILD/locale"

# say L CMD...: CMD in language L (en: none), its output in $OUT.L and
# its exit status in $RC_L
say() {
	l=$1
	shift
	if [ "$l" = en ]; then
		"$@" >"$OUT.$l" 2>&1
	else
		LANGUAGE=$l "$@" >"$OUT.$l" 2>&1
	fi
	eval "RC_$l=\$?"
}

# speaks NAME NEEDLE_ES NEEDLE_FR CMD...: CMD fails in English, and in
# Spanish and French with the same status, saying NEEDLE_ES / NEEDLE_FR
# (no needle: only that it is not the English text)
speaks() {
	name=$1 es=$2 fr=$3
	shift 3
	say en "$@"
	say es "$@"
	say fr "$@"
	if [ "$RC_en" -eq 0 ]; then
		cp "$OUT.en" "$OUT"
		notok "$name: fails in English"
		return
	fi
	for l in es fr; do
		eval "rc=\$RC_$l"
		[ "$l" = es ] && needle=$es || needle=$fr
		cp "$OUT.$l" "$OUT"
		if [ "$rc" -ne "$RC_en" ]; then
			notok "$name ($l)" "exit status $rc, in English $RC_en"
		elif cmp -s "$OUT.$l" "$OUT.en"; then
			notok "$name ($l)" "the English text"
		elif [ -n "$needle" ] && ! grep -qF -- "$needle" "$OUT.$l"; then
			notok "$name ($l)" "output lacks: $needle"
		elif ! grep -q '^paydesk: ' "$OUT.$l"; then
			notok "$name ($l)" "no \"paydesk: \" line"
		else
			ok "$name ($l, exit status $rc)"
		fi
	done
}

# known L MSGID: the catalogue of L translates MSGID (a message of
# another layer: the checks on it wait for its translation)
known() {
	[ "$(TEXTDOMAINDIR="$CATALOGUES" LANGUAGE=$1 LANG=C.UTF-8 \
	    gettext paydesk "$2")" != "$2" ]
}

# elsewhere NAME MSGID CMD...: a message of another layer: the same exit
# status in every language, and translated once the catalogues have it
elsewhere() {
	name=$1 msgid=$2
	shift 2
	if known es "$msgid" && known fr "$msgid"; then
		speaks "$name" "" "" "$@"
		return
	fi
	say en "$@"
	say es "$@"
	say fr "$@"
	if [ "$RC_en" -ne 0 ] && [ "$RC_es" -eq "$RC_en" ] &&
	    [ "$RC_fr" -eq "$RC_en" ]; then
		ok "$name: exit status $RC_en in every language # SKIP" \
		    "the text waits for its translation"
	else
		cp "$OUT.es" "$OUT"
		notok "$name" "exit status $RC_en, $RC_es, $RC_fr"
	fi
}

# --- errors ------------------------------------------------------------
speaks "a command's unknown option" "opción desconocida --bogus" \
    "option inconnue --bogus" cashier consumer search a --bogus
speaks "an unknown global option, with the usage" \
    "uso: paydesk [--config ARCHIVO]" "usage : paydesk [--config FICHIER]" \
    "$PD" --bogus
speaks "an unknown command" 'Orden desconocida «frobnicate»' \
    'Commande inconnue « frobnicate »' "$PD" frobnicate
speaks "a missing argument" "show: falta un argumento" \
    "show : argument manquant" cashier consumer show
speaks "a required option" "pay: se requiere --amount" \
    "pay : --amount est obligatoire" \
    "$PD" pay WU-10001 --type bill --method Cash
speaks "an option that needs a value" "la opción --amount necesita un valor" \
    "l'option --amount demande une valeur" "$PD" pay WU-10001 --amount
speaks "a bad choice" '--type «rent»: debe ser bill, service, installment, una lista de ellos (bill,service) o mixed' \
    '--type « rent » : doit être bill, service, installment, une liste de ceux-ci (bill,service) ou mixed' \
    "$PD" pay WU-10001 --type rent --method Cash --amount 5
# money and dates: the formats' own rules may word them differently; what
# is checked is that the option is named and the text is not English
speaks "bad money" "--amount" "--amount" \
    "$PD" pay WU-10001 --type bill --method Cash --amount 12.345
speaks "a bad date" "--from" "--from" cashier payments --from 2025-02-30
speaks "a bad number" '--limit «many»: indique un número entero' \
    '--limit « many » : indiquez un nombre entier' cashier payments --limit many
speaks "--xlsx with a command that has no listing" \
    "--xlsx funciona con payments" "--xlsx fonctionne avec payments" \
    "$PD" --xlsx "$T/x.xlsx" consumer search a
elsewhere "an unknown consumer" 'No consumer with account number "%s"' \
    cashier consumer show WU-99999
elsewhere "a missing store" \
    "%s: no store here; create one with \`paydesk init\` (or \`paydesk demo\`)" \
    "$PD" --db "$T/none/store.db" consumer search a

# a bad config value, and a config that does not parse
cp "$PAYDESK_CONFIG" "$T/good.ini"
printf '[sync]\ninterval = 3\n' >>"$PAYDESK_CONFIG"
speaks "a config value out of range" \
    '[sync] interval: «3»: debe ser un número entero de 5 a 86400' \
    '[sync] interval: « 3 » : doit être un nombre entier de 5 à 86400' \
    cashier consumer search a
cp "$T/good.ini" "$PAYDESK_CONFIG"
printf '[payments]\nmethods = Cash\n' >>"$PAYDESK_CONFIG"
speaks "a config list without kinds" '«Cash» no tiene tipo' \
    '« Cash » n'"'"'a pas de type' "$PD" config
cp "$T/good.ini" "$PAYDESK_CONFIG"
printf '[nowhere]\nkey = 1\n' >>"$PAYDESK_CONFIG"
speaks "an unknown section" "sección desconocida [nowhere]" \
    "section inconnue [nowhere]" cashier consumer search a
cp "$T/good.ini" "$PAYDESK_CONFIG"
# the central node out of reach: why, in the operator's words, then
# curl's own, which has no catalogue (review of issue 25: the sync screen
# said only "Failed to connect to ... Couldn't connect to server")
printf '[sync]\nurl = http://127.0.0.1:9\nretries = 0\n' >>"$PAYDESK_CONFIG"
speaks "the central node out of reach" \
    "no se puede conectar con el nodo central (curl: " \
    "le nœud central est injoignable (curl : " "$PD" sync
cp "$T/good.ini" "$PAYDESK_CONFIG"

# --- usage and help ------------------------------------------------------
for l in es fr; do
	say $l "$PD" help
	cp "$OUT.$l" "$OUT"
	[ "$l" = es ] && n="crear o migrar el almacén" ||
	    n="créer ou migrer la base"
	eval "rc=\$RC_$l"
	if [ "$rc" -eq 0 ] && grep -qF "$n" "$OUT" &&
	    grep -q '^  consumer search  *' "$OUT"; then
		ok "help lists the commands, their summaries in $l"
	else
		notok "help lists the commands, their summaries in $l"
	fi
done
say es "$PD" help pay
cp "$OUT.es" "$OUT"
# its placeholders in the reader's words, the options as typed (issue 25)
has "a command's help: its synopsis, the placeholders in Spanish" \
    "paydesk pay CUENTA --type bill|service|installment|TIPO,TIPO|mixed [--items REF,...] --method NOMBRE"
has "a command's help: the date placeholder in Spanish" "[--date AAAA-MM-DD]"
has "a command's help: its summary in Spanish" \
    "registrar un pago y emitir su recibo"
expect "French help: the placeholders in French" 0 \
    "paydesk pay COMPTE --type bill|service|installment|TYPE,TYPE|mixed [--items RÉF,...] --method NOM" \
    env LANGUAGE=fr "$PD" help pay
has "French help: the date placeholder in French" "[--date AAAA-MM-JJ] [--notes TEXTE]"
expect "French help: a word's tail is no placeholder" 0 \
    "[--consumer COMPTE] [--older-than 0|30|60|90]" \
    env LANGUAGE=fr "$PD" help report
# shift's placeholders too: AMOUNT, METHOD, USER were left in English
expect "help shift: its placeholders in Spanish" 0 \
    "shift pay-in IMPORTE --reason R [--approver USUARIO]" \
    env LANGUAGE=es "$PD" help shift
has "help shift close: the methods' placeholders in Spanish" \
    "[--slip MEDIO:REF:IMPORTE|MEDIO=N:IMPORTE;...]"
if grep -q "AMOUNT\|METHOD\|USER" "$OUT"; then
	notok "help shift: no English placeholder in Spanish"
else ok "help shift: no English placeholder in Spanish"; fi
expect "help shift: its placeholders in French" 0 \
    "[--slip MOYEN:RÉF:MONTANT|MOYEN=N:MONTANT;...] [--cheque NUMÉRO:MONTANT;...]" \
    env LANGUAGE=fr "$PD" help shift
has "help shift: the approver in French" "[--approver UTILISATEUR]"
expect "help shift: English as it was" 0 \
    "shift pay-in AMOUNT --reason R [--approver USER]" \
    env LANGUAGE=en "$PD" help shift
expect "English help keeps its placeholders" 0 \
    "paydesk pay ACCOUNT --type bill|service|installment|KIND,KIND|mixed [--items REF,...] --method NAME" \
    env LANGUAGE=en "$PD" help pay

# --- [organisation] language ----------------------------------------------
printf '[organisation]\nlanguage = fr\n' >>"$PAYDESK_CONFIG"
expect "the config's language speaks when the environment names none" 2 \
    "option inconnue --bogus" cashier consumer search a --bogus
expect "... for the service's refusals too (exit status 4)" 4 "" \
    cashier consumer show WU-99999
expect "... for money" 3 "--amount" \
    "$PD" pay WU-10001 --type bill --method Cash --amount 12.345
if grep -q 'Amount "12.345": at most' "$OUT"; then
	notok "... for money, not in English"
else
	ok "... for money, not in English"
fi
expect "... and for help" 0 "enregistrer un paiement et établir son reçu" \
    "$PD" help pay
expect "LANGUAGE wins over the config" 2 "opción desconocida --bogus" \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane consumer search a --bogus
expect "a locale that is not installed still names one" 2 \
    "opción desconocida --bogus" \
    env LANG=es_ES.UTF-8 PAYDESK_PIN=1234 "$PD" --user jane consumer search a --bogus
# a config refused: said in the language it names, not in English
printf '[sync]\ninterval = 3\n' >>"$PAYDESK_CONFIG"
expect "a config error in the config's language" 3 \
    '[sync] interval: « 3 » : doit être un nombre entier de 5 à 86400' \
    cashier consumer search a
cp "$T/good.ini" "$PAYDESK_CONFIG"
printf '[nowhere]\nkey = 1\n[organisation]\nlanguage = es\n' >>"$PAYDESK_CONFIG"
expect "another, the language named after the fault" 3 \
    "sección desconocida [nowhere]" "$PD" kpi
expect "the environment's language still wins" 3 "unknown section [nowhere]" \
    env LANGUAGE=en "$PD" kpi
cp "$T/good.ini" "$PAYDESK_CONFIG"
expect "English without a language anywhere" 2 \
    "search: unknown option --bogus" cashier consumer search a --bogus

# --- an import says what it imported in the reader's words (issue 25
# review: "Importado consumers"); JSON keeps the kind as typed
expect "es: the import's kind in Spanish" 0 "clientes" \
    env LANGUAGE=es PAYDESK_PIN=9999 "$PD" --user admin import consumers \
    "$DATA/consumers.csv" --update
if grep -q "^Importado  *consumers" "$OUT"; then notok "es: not the English kind"
else ok "es: not the English kind"; fi
expect "fr: the import's kind in French" 0 "mensualités" \
    env LANGUAGE=fr PAYDESK_PIN=9999 "$PD" --user admin import installments \
    "$DATA/installments.csv" --update
expect "JSON keeps the kind" 0 '"kind": "bills"' \
    env LANGUAGE=fr PAYDESK_PIN=9999 "$PD" --user admin --json import bills \
    "$DATA/bills.csv" --update

# --- demo: the roles whole in every language (issue 25: "administr~") ----
# es and fr with methods and channels of their own (below), organisations
# of that language (the demo's data in it: below)
printf '%s\n[payments]\nmethods = Efectivo:cash, Tarjeta:card, Transferencia:bank\nchannels = Ventanilla, Quiosco\n[organisation]\nlanguage = es\n' \
    "$(cat "$PAYDESK_CONFIG")" >"$T/demo-es.ini"
printf '%s\n[payments]\nmethods = Espèces:cash, Mobile Money:online\nchannels = Guichet\n[organisation]\nlanguage = fr\n' \
    "$(cat "$PAYDESK_CONFIG")" >"$T/demo-fr.ini"
cp "$PAYDESK_CONFIG" "$T/demo-en.ini"
for lr in "es|administrador  482615" "fr|administrateur  482615" \
    "en|admin       482615"; do
	expect "demo lists the users, roles whole (${lr%%|*})" 0 "${lr#*|}" \
	    env LANGUAGE=${lr%%|*} "$PD" --config "$T/demo-${lr%%|*}.ini" \
	    --db "$T/demo-${lr%%|*}.db" demo
	if grep -q '~' "$OUT"; then
		notok "demo cuts nothing (${lr%%|*})" "$(cat "$OUT")"
	else
		ok "demo cuts nothing (${lr%%|*})"
	fi
done

# --- demo: the configured methods and channels by kind (issue 25: the
# README's Spanish methods failed with "Bank Transfer is not configured");
# the demo stores of the loop above
same "es demo: every payment by a configured method and channel" \
    "$(sqlite3 "$T/demo-es.db" "SELECT DISTINCT method || '/' || channel FROM payments ORDER BY 1" | tr '\n' ' ')" \
    "Efectivo/Quiosco Efectivo/Ventanilla Tarjeta/Quiosco Tarjeta/Ventanilla Transferencia/Quiosco Transferencia/Ventanilla "
same "es demo: cash with change where the kind is cash" \
    "$(sqlite3 "$T/demo-es.db" "SELECT count(*) > 0 FROM payments WHERE method = 'Efectivo' AND change_given > 0")" 1
same "fr demo: no card nor bank, the kinds it lacks paid by the first method" \
    "$(sqlite3 "$T/demo-fr.db" "SELECT DISTINCT method || '/' || channel FROM payments ORDER BY 1" | tr '\n' ' ')" \
    "Espèces/Guichet Mobile Money/Guichet "
same "en demo: the default methods as they always were" \
    "$(sqlite3 "$T/demo-en.db" "SELECT DISTINCT method || '/' || method_kind FROM payments ORDER BY 1" | tr '\n' ' ')" \
    "Bank Transfer/bank Cash/cash Cheque/bank Credit Card/card Debit Card/card Online/online "

# --- demo: the issue's phone search rule holds on the demo (issue 17
# review: its North American phones, "(555) 123-4567", were found by
# nobody typing +1); the demo stores of the loop above
demo_phone() {
	PAYDESK_PIN=583920 "$PD" --config "$T/demo-$1.ini" --db "$T/demo-$1.db" \
	    --user mary --csv consumer search "$2" 2>&1 | sed 1d | cut -d, -f1 |
	    tr '\n' ' ' | sed 's/ $//'
}
for q in "+1 555 123 4567" "+15551234567" "001 (555) 123-4567" \
    "1 555 123 4567" "555-123-4567"; do
	same "en demo: \"$q\" finds John Doe" "$(demo_phone en "$q")" WU-10001
done
same "fr demo: \"+1 555 123 4567\" finds John Doe" \
    "$(demo_phone fr "+1 555 123 4567")" WU-10001
same "en demo: another calling code is not dropped" \
    "$(demo_phone en "+44 555 123 4567")" ""
printf '[organisation]\nphone_country_code = 44\n' >>"$T/demo-en.ini"
same "en demo: a calling code configured wins over the demo's" \
    "$(demo_phone en "+1 555 123 4567")" ""
same "en demo: and is the one dropped" \
    "$(demo_phone en "+44 555 123 4567")" WU-10001

# --- demo: bill periods in the reader's language (issue 25: the demo's
# were English, "Mar 2026", in a Spanish or French organisation); stored
# neutral YYYY-MM, shown as the month's short name and the year, a
# receipt's in the organisation's language; JSON keeps what is stored
same "demo: every bill's period stored YYYY-MM" \
    "$(sqlite3 "$T/demo-fr.db" "SELECT count(*) FROM items WHERE kind = 'bill' AND period NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'")" 0
for lp in "es|mar 2025|abr 2025" "fr|mars 2025|avr. 2025" \
    "en|Mar 2025|Apr 2025"; do
	l=${lp%%|*}
	expect "$l demo: the sample's periods in $l" 0 "Descr" env LANGUAGE=$l \
	    PAYDESK_PIN=583920 "$PD" --config "$T/demo-$l.ini" \
	    --db "$T/demo-$l.db" --user mary consumer show WU-10001
	p1=${lp#*|}
	has "$l demo: ${p1%|*}" ": ${p1%|*}"
	has "$l demo: ${lp##*|}" ": ${lp##*|}"
	# French puts a narrow no-break space before ; and : (issue 25)
	if [ "$l" = fr ]; then
		has "fr: a list item's fields, French punctuation" \
		    "$(printf 'Description\342\200\257: %s\342\200\257; Montant' "${p1%|*}")"
	fi
	# the demo's own data in its organisation's language: no English
	# segment nor service name in a Spanish or French organisation
	case $l in
	es) has "es demo: the segment" "Residencial"
	    has "es demo: the services" "Recargo por mora" ;;
	fr) has "fr demo: the segment" "Résidentiel"
	    has "fr demo: the services" "Frais de remise en service" ;;
	en) has "en demo: the segment as it was" "Residential"
	    has "en demo: the services as they were" "Late Fee" ;;
	esac
done
expect "JSON: the period as stored" 0 '"2025-03"' env LANGUAGE=fr \
    PAYDESK_PIN=583920 "$PD" --config "$T/demo-fr.ini" --db "$T/demo-fr.db" \
    --user mary --json consumer show WU-10001
R=$(sqlite3 "$T/demo-fr.db" "SELECT p.receipt_no || ' ' || i.period FROM payments p JOIN allocations a ON a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE i.kind = 'bill' ORDER BY p.id LIMIT 1")
expect "fr demo: a receipt of a bill" 0 "" env PAYDESK_PIN=583920 "$PD" \
    --config "$T/demo-fr.ini" --db "$T/demo-fr.db" --user mary \
    receipt "${R% *}" --out "$T/period.pdf"
pdftotext -layout "$T/period.pdf" "$T/period.txt"
want=$(python3 -c 'import sys; y, m = sys.argv[1].split("-"); print("Période %s %s," % ("janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split()[int(m) - 1], y))' "${R#* }")
if grep -qF "$want" "$T/period.txt"; then
	ok "fr demo receipt: $want"
else
	notok "fr demo receipt: $want" "$(grep -i riode "$T/period.txt")"
fi

# `paydesk sync`'s counts agree with the records counted (es Aplicados,
# Rechazados; a credit note's Aplicada, a dispute's Rechazada; the
# quarantine's column Rejected stays singular): words of the catalogues
for lw in "es|Enviados Aplicados Duplicados Rechazados Descargados" \
    "fr|Envoyés Appliqués Doublons Rejetés Reçus"; do
	same "${lw%%|*}: the sync's counts agree with the records" \
	    "$(for w in Sent Applied Duplicates Rejected Pulled; do
		TEXTDOMAINDIR="$CATALOGUES" LANGUAGE=${lw%%|*} LANG=C.UTF-8 \
		    gettext paydesk "$w"; printf ' '; done)" "${lw#*|} "
done

# --- human output: translated, aligned by display width ------------------
# aligned: every line of a table has its columns where the header has
# them (display columns, accents count one); every record's values start
# at one column for each depth
cat >"$T/aligned.py" <<'PY'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
def cells(line):
    """(display column, text) of the cells: runs split by 2+ spaces"""
    out, col, i = [], 0, 0
    while i < len(line):
        if line[i] == ' ' and line[i:i + 2] == '  ':
            while i < len(line) and line[i] == ' ':
                col += 1
                i += 1
            continue
        j = i
        while j < len(line) and line[j:j + 2] != '  ':
            j += 1
        out.append((col, line[i:j]))
        col += width(line[i:j])
        i = j
    return out
mode, path = sys.argv[1], sys.argv[2]
lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
bad = []
if mode == 'table':
    head = [c for c, _ in cells(lines[0])]
    for l in lines[1:]:
        got = [c for c, _ in cells(l)]
        if got[:len(head)] != head[:len(got)]:
            bad.append('%s at %s, the header at %s' % (l, got, head))
else:
    starts = {}
    for l in lines:
        depth = len(l) - len(l.lstrip(' '))
        cs = cells(l)
        if len(cs) == 2 and l.lstrip(' ')[0:1] != ' ':
            starts.setdefault(cs[1][0] - depth, []).append(l)
    if len(starts) != 1:
        bad.append('values start at %s' % sorted(starts))
if bad:
    print('\n'.join(bad))
print('checked %d lines' % len(lines), file=sys.stderr)
PY
# aligned NAME table|record NEEDLE: the last output ($OUT) lines up and
# holds NEEDLE
aligned() {
	if ! grep -qF -- "$3" "$OUT"; then
		notok "$1" "output lacks: $3"
	elif python3 "$T/aligned.py" "$2" "$OUT" >"$T/bad" 2>/dev/null &&
	    [ ! -s "$T/bad" ]; then
		ok "$1"
	else
		cat "$T/bad" >>"$OUT"
		notok "$1" "not aligned"
	fi
}
export PAYDESK_PIN=2222
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane consumer search WU-1000
aligned "consumer search: Spanish headers, columns by display width" \
    table "CUENTA      NOMBRE                    TELÉFONO         DIRECCIÓN"
run env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane consumer search WU-1000
aligned "consumer search: French headers, columns by display width" \
    table "COMPTE      NOM                       TÉLÉPHONE        ADRESSE"
# UTILISATEUR is wider than the column's 8: the column widens for it;
# RÔLE's column widens to "administrateur" (it was cut in 10, issue 25)
run env LANGUAGE=fr "$PD" --db "$T/demo.db" demo
sed -n '3,$p' "$OUT" >"$T/demo" && cp "$T/demo" "$OUT"
aligned "demo users: a header wider than its column widens it" \
    table "UTILISATEUR  NOM             RÔLE            Code PIN"
run env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane consumer show WU-10002
aligned "consumer show: Spanish labels, values in one column" record \
    "Dirección del servicio  9 Calle Mayor, Łódź"
run env LANGUAGE=fr "$PD" kpi --month 2025-04 --day 2025-04-20
aligned "kpi: French labels, values in one column" record \
    "Délai moyen d'encaissement"
has "kpi: titles translated" "Mois du 2025-04-01 au 2025-04-30"
run env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary report aging
has "report aging: a bucket's label translated" "Non échu ("

# statuses and fixed words: translated in text, as stored in JSON
export PAYDESK_PIN=1234
run env LANGUAGE=es "$PD" --user jane pay WU-10001 --type bill \
    --items INV-2025-001234 --method Cash --amount 145.50 --tendered 150
aligned "pay: the confirmation in Spanish, aligned" record \
    "Cambio entregado"
has "pay: the status in Spanish" "Estado"
has "pay: Posted as Cobrado" "Cobrado"
run env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary --json payment show R-T01-000001
has "payment show --json keeps the stored status" '"status": "Posted"'
has "payment show --json keeps the analysis" '"result": "Exact payment"'
run env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane payment show R-T01-000001
has "payment show: the analysis in French" "Paiement exact"
has "payment show: the type in French" "Facture"
export PAYDESK_PIN=2222
expect "a confirmation in French" 0 "paiement R-T01-000001 extourné" \
    env LANGUAGE=fr "$PD" --user mary payment void R-T01-000001 \
    --reason "Erreur"
expect "doctor in Spanish" 0 ": correcto (integridad" \
    env LANGUAGE=es "$PD" doctor
expect "the config's comments in Spanish" 0 "; idioma de las pantallas" \
    env LANGUAGE=es "$PD" config
"$PD" config | grep -v '^;' >"$T/config.en"
LANGUAGE=es "$PD" config | grep -v '^;' >"$T/config.es"
if cmp -s "$T/config.en" "$T/config.es" && [ -s "$T/config.en" ]; then
	ok "the config's sections, keys and values are the same in Spanish"
else
	diff "$T/config.en" "$T/config.es" >"$OUT"
	notok "the config's sections, keys and values are the same in Spanish"
fi

# --- machine output: the same bytes in every language --------------------
# machine NAME CMD...: stdout of CMD is the same in English, Spanish and
# French, and not empty
machine() {
	name=$1
	shift
	"$@" >"$T/m.en" 2>/dev/null
	rc=$?
	LANGUAGE=es "$@" >"$T/m.es" 2>/dev/null
	LANGUAGE=fr "$@" >"$T/m.fr" 2>/dev/null
	if [ "$rc" -eq 0 ] && [ -s "$T/m.en" ] && cmp -s "$T/m.en" "$T/m.es" &&
	    cmp -s "$T/m.en" "$T/m.fr"; then
		ok "$name: the same bytes in English, Spanish and French"
	else
		diff "$T/m.en" "$T/m.es" >"$OUT"
		notok "$name: the same bytes in English, Spanish and French" \
		    "exit status $rc"
	fi
}
machine "consumer search --json" env PAYDESK_PIN=2222 "$PD" --user mary --json consumer search a
machine "consumer show --json" env PAYDESK_PIN=2222 "$PD" --user mary --json consumer show WU-10003
machine "payment show --json" env PAYDESK_PIN=2222 "$PD" --user mary --json payment show R-T01-000001
machine "payments --json" sup --json payments
machine "payments --csv" sup --csv payments
machine "credit-notes --csv" sup --csv credit-notes
machine "report payers --csv" sup --csv report payers
machine "report aging --json" sup --json report aging
machine "report aging --csv" sup --csv report aging
machine "kpi --json" "$PD" --json kpi --month 2025-04 --day 2025-04-20
machine "sync --status --json" "$PD" --json sync --status
machine "keys --json" "$PD" --json keys
machine "init --json" "$PD" --json init

# --- a stored word is never cut in a text table (issue 25 review: the
# Spanish reason read "Solicitud del cli~"; the screens' lists show it
# whole): the column widens to it, the table stays aligned
PAYDESK_PIN=1234 "$PD" --user jane pay WU-10002 --type bill --method Cash \
    --amount 10 >/dev/null 2>&1
rno=$(sql "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1")
expect "a credit note for the customer's request" 0 "" env PAYDESK_PIN=2222 \
    "$PD" --user mary credit-note create "$rno" --amount 1 \
    --reason "Customer Request"
# after_word NAME WORD HEADER CELL: WORD whole in $OUT, and the next
# column's cell CELL starts where its header HEADER does
after_word() {
	if python3 - "$OUT" "$2" "$3" "$4" <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
word, head, cell = sys.argv[2:5]
row = [l for l in lines if word in l]
# the header: the first line naming HEADER (a list's Scope line first)
hdr = [l for l in lines if head in l] or ['']
sys.exit(not (row and hdr[0].find(head) == row[0].find(cell) >
              row[0].find(word) + len(word)))
PY
	then ok "$1"; else notok "$1"; fi
}
run env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary credit-notes
after_word "credit-notes: the Spanish reason whole, the status after it" \
    "Solicitud del cliente" Estado Activa
if grep -q '~' "$OUT"; then notok "credit-notes: nothing cut"
else ok "credit-notes: nothing cut"; fi
run env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary credit-notes
after_word "credit-notes: the French reason whole, the status after it" \
    "Demande du client" Statut Actif
