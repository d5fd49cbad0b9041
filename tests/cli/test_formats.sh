# test_formats.sh - an organisation's local formats: amounts and dates as
# people read them in the human output, money options typed in the
# organisation's format or the machine one, JSON and CSV unchanged, and
# the config's checks of the format keys.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
BASE=$(cat "$PAYDESK_CONFIG")

expect "the format keys and their defaults" 0 "decimal_separator = dot" \
    "$PD" config
for kv in "grouping_separator = auto" "grouping = 3" \
    "currency_position = before" "currency_space = no" \
    "date_format = YYYY-MM-DD" "week_start = monday" "change_confirm = 100.00"; do
	has "default $kv" "$kv"
done

# --- the config refuses what cannot be read back -----------------------
cfg() { printf '%s\n[organisation]\n%s\n' "$BASE" "$1" >"$T/bad.ini"; }
cfg "decimal_separator = comma
grouping_separator = comma"
expect "the same separator twice is refused" 3 \
    "grouping_separator: comma is the decimal separator too" \
    "$PD" --config "$T/bad.ini" config
has "with what to choose" "choose another (e.g. dot, space or none)"
expect "the same separator twice, in French" 3 \
    "comma est aussi le séparateur décimal ; choisissez-en un autre" \
    env LANGUAGE=fr "$PD" --config "$T/bad.ini" config
expect "the same separator twice, in Spanish" 3 \
    "comma también es el separador decimal; elija otro (p. ej. dot" \
    env LANGUAGE=es "$PD" --config "$T/bad.ini" config
cfg "grouping_separator = dot"
expect "a dot grouping with the dot decimal too" 3 \
    "dot is the decimal separator too" "$PD" --config "$T/bad.ini" config
cfg "decimal_separator = comma"
expect "a comma decimal alone: auto groups with dots" 0 \
    "decimal_separator = comma" as_admin "$T/bad.ini" "$PD" --config "$T/bad.ini" config
cfg "date_format = DD/MM/YY"
expect "an unknown date format is refused" 3 "must be one of YYYY-MM-DD" \
    "$PD" --config "$T/bad.ini" config
cfg "week_start = friday"
expect "an unknown first day is refused" 3 "monday|sunday|saturday" \
    "$PD" --config "$T/bad.ini" config
cfg "grouping = 4"
expect "an unknown grouping is refused" 3 "must be one of 3|3,2" \
    "$PD" --config "$T/bad.ini" config

# --- the default organisation: a comma where a dot was meant -------------
export PAYDESK_PIN=1234
before=$(snapshot)
refused "12,50 in a dot organisation says what to write" 3 \
    'use . for decimals: 12.50' \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 12,50
same "and nothing was written" "$(snapshot)" "$before"
refused "grouping in the wrong places" 3 "grouped in the wrong places" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1,00,0

# --- a de-style organisation ---------------------------------------------
printf '%s\n[organisation]\ncurrency_symbol = €\ndecimal_separator = comma\ngrouping_separator = dot\ncurrency_position = after\ncurrency_space = yes\ndate_format = DD.MM.YYYY\n' \
    "$BASE" >"$PAYDESK_CONFIG"
expect "an amount typed as the organisation writes it" 0 \
    "Amount received  1.000,00 €" \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145,50 --tendered 1.000,00 --confirm-change
has "the change in its format" "Change given     854,50 €"
expect "the machine format is taken too" 0 "Amount           25,00 €" \
    "$PD" --user jane pay WU-10001 --type service --items SRV-2025-0410 \
    --method "credit card" --amount 25.00
expect "JSON keeps minor units" 0 '"tendered": 100000' \
    env PAYDESK_PIN=2222 "$PD" --user mary --json payment show R-T01-000001
has "and ISO dates" '"paid_on": "2025-04-20"'
expect "the human listing: dates and amounts as the organisation writes them" \
    0 "20.04.2025" cashier payments
has "amounts with a comma and the symbol after" "145,50 €"
expect "CSV keeps the machine formats" 0 "145.50" sup --csv payments
has "CSV dates stay ISO" "2025-04-20"
if grep -q "145,50\|20.04.2025" "$OUT"; then
	notok "CSV has no local format"
else
	ok "CSV has no local format"
fi
expect "a --min filter in the organisation's format" 0 "" \
    cashier credit-notes --min 1.000,00
refused "a dot where the comma was meant" 3 \
    "use , for decimals: 1.234,50" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1.234.50
refused "two decimal commas" 3 "two decimal separators" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1,2,3
# a dot that groups here but is a decimal point in the machine format
# (issue 17): refused as ambiguous, in every money option
refused "pay --tendered 1.000: ambiguous" 3 \
    '--tendered "1.000": ambiguous, the dot could group thousands (1.000,00 €) or be a decimal point; write every decimal, as 1234.50 or 1.234,50' \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 70 \
    --tendered 1.000
refused "pay --amount 1.000: ambiguous" 3 '--amount "1.000": ambiguous' \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1.000
refused "credit-note create --amount 1.500: ambiguous" 3 \
    '--amount "1.500": ambiguous, the dot could group thousands (1.500,00 €)' \
    env PAYDESK_PIN=2222 "$PD" --user mary credit-note create R-T01-000001 \
    --amount 1.500 --reason Other
refused "in Spanish too" 3 "1.234,50" \
    env LANGUAGE=es "$PD" --user jane pay WU-10001 --type bill \
    --method Cash --amount 2.000
expect "a --max of 1.000: ambiguous" 3 '--max "1.000": ambiguous' \
    cashier credit-notes --max 1.000
expect "two dots group only: unambiguous" 0 "" \
    cashier credit-notes --max 1.000.000

# --- timestamps, typed dates and tenths in the organisation's formats ------
# (the de-style organisation above: DD.MM.YYYY, a decimal comma)
expect "payment details: Recorded at in the date format" 0 \
    "Recorded at      20.04.2025 10:00:00" cashier payment show R-T01-000001
expect "JSON keeps the stored timestamp" 0 \
    '"created_at": "2025-04-20 10:00:00"' env PAYDESK_PIN=2222 "$PD" --user mary --json payment show R-T01-000001
expect "Spanish: Recorded at in the date format" 0 "20.04.2025 10:00:00" \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payment show R-T01-000001
expect "French: Recorded at in the date format" 0 "20.04.2025 10:00:00" \
    env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane payment show R-T01-000001
expect "the text receipt: Recorded at" 0 \
    "Recorded at                  20.04.2025 10:00:00" \
    "$PD" receipt R-T01-000001 --text
has "the text receipt: generated" "generated 20.04.2025 10:00:00 by paydesk"
expect "a reprint's copy line" 0 "copy" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/copy.pdf"
pdftotext "$T/copy.pdf" - 2>/dev/null >"$OUT"
has "the copy line in the date format" \
    "Copy 1, reprinted 20.04.2025 10:00:00 by Jane Smith at terminal T01"
expect "a credit note" 0 "CN-T01-00001" env PAYDESK_PIN=2222 "$PD" \
    --user mary credit-note create R-T01-000001 --amount 10,00 \
    --reason "Billing error"
expect "credit note details: Created in the date format" 0 \
    "20.04.2025 10:00:00" cashier credit-note show CN-T01-00001
expect "the credit note PDF" 0 "" env PAYDESK_PIN=2222 "$PD" --user mary \
    credit-note pdf CN-T01-00001 --out "$T/cn.pdf"
pdftotext -layout "$T/cn.pdf" - 2>/dev/null | tr -s ' ' >"$OUT"
has "the credit note PDF: Created" "Created 20.04.2025 10:00:00"
has "the credit note PDF: the usage with a decimal comma" "Usage 0,0%"
# 43,4%, was 10,7%: the current month counts what fell due before
# today (issue 17 review); still with its decimal comma
expect "kpi: percentages and days with a decimal comma" 0 \
    "Collection rate                    43,4%" "$PD" kpi
has "kpi: days with a decimal comma" "14,5 days"
expect "kpi --json stays machine" 0 '"avg_collection_days": 14.5' \
    "$PD" --json kpi
expect "French kpi: a decimal comma" 0 "14,5 jours" env LANGUAGE=fr "$PD" kpi
expect "Spanish kpi: a decimal comma" 0 "14,5 días" env LANGUAGE=es "$PD" kpi

expect "--from and --to in the date format" 0 "R-T01-000001" \
    cashier payments --from 01.04.2025 --to 20.04.2025
expect "one-digit day and month, and ISO, are taken" 0 "R-T01-000001" \
    cashier payments --from 2025-04-01 --to 20.4.2025
expect "a day outside the range leaves it out" 0 "" \
    cashier payments --to 19.04.2025
if grep -q R-T01-000001 "$OUT"; then notok "--to 19.04.2025 excludes the 20th"
else ok "--to 19.04.2025 excludes the 20th"; fi
# a period that begins after today has nothing yet: status 3, the day
# read in the organisation's format (helper-236, fault 8)
refused "--from 21.04.2025, after today: status 3" 3 \
    "--from 21.04.2025 is after today (20.04.2025)" \
    cashier payments --from 21.04.2025
refused "a two-digit year is ambiguous: not the form (2)" 2 \
    '--from "01.04.25": ambiguous year; write it in full, as DD.MM.YYYY' \
    cashier payments --from 01.04.25
refused "another shape names the format: usage (2)" 2 \
    '--to "04/20/2025": not a date, write DD.MM.YYYY or YYYY-MM-DD' \
    cashier payments --to 04/20/2025
refused "a day not in the calendar" 3 \
    '--from "31.04.2025": no such day in the calendar (DD.MM.YYYY)' \
    cashier credit-notes --from 31.04.2025
refused "--from after --to, in the date format" 3 \
    "--from 20.04.2025 is after --to 01.04.2025" \
    cashier payments --from 20.04.2025 --to 01.04.2025
refused "report payers: --from in the date format or refused (2)" 2 \
    '--from "2025/04/01": not a date, write DD.MM.YYYY' \
    "$PD" report payers --from 2025/04/01
# the format in the reader's letters (issue 25): es DD.MM.AAAA, fr JJ.MM.AAAA
refused "Spanish: the ambiguous year" 2 \
    '--from «01.04.25»: año ambiguo; escríbalo completo, como DD.MM.AAAA' \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payments --from 01.04.25
refused "French: the ambiguous year" 2 \
    '--from « 01.04.25 » : année ambiguë ; écrivez-la en entier, au format JJ.MM.AAAA' \
    env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane payments --from 01.04.25
refused "Spanish: another shape" 2 \
    '--to «04/20/2025»: no es una fecha, escriba DD.MM.AAAA o AAAA-MM-DD' \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payments --to 04/20/2025
refused "French: no such day" 3 \
    "--from « 31.04.2025 » : ce jour n'existe pas dans le calendrier (JJ.MM.AAAA)" \
    env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane payments --from 31.04.2025
refused "French: another shape, both formats in French letters" 2 \
    '--to « 04/20/2025 » : pas une date, écrivez JJ.MM.AAAA ou AAAA-MM-JJ' \
    env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane payments --to 04/20/2025
# an empty date is a usage error, as every option's empty argument
# (helper-239), said in the configured format
refused "Spanish: an empty date: usage (2)" 2 \
    'indique una fecha como DD.MM.AAAA' \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payments --from ''
expect "kpi --day in the date format" 0 "Received on 19.04.2025" \
    "$PD" kpi --day 19.04.2025
refused "kpi --day refused with the format (2)" 2 \
    '--day "19.4.25": ambiguous year' "$PD" kpi --day 19.4.25
# --month as the date format writes a month (issue 25: only YYYY-MM was
# taken, and its error said "Month", in English)
expect "kpi --month in the date format" 0 "Month 01.04.2025 to 30.04.2025" \
    "$PD" kpi --month 04.2025
expect "kpi --month: one digit for the month" 0 \
    "Month 01.03.2025 to 31.03.2025" "$PD" kpi --month 3.2025
expect "kpi --month: YYYY-MM still" 0 "Month 01.04.2025 to 30.04.2025" \
    "$PD" kpi --month 2025-04
refused "kpi --month: no such month, the option named (3)" 3 \
    '--month "13.2025": no such month (01 to 12)' \
    "$PD" kpi --month 13.2025
refused "kpi --month: another shape, the option and the format named (2)" 2 \
    '--month "13-2025": not a month, write MM.YYYY (e.g. 04.2025) or YYYY-MM' \
    "$PD" kpi --month 13-2025
refused "kpi --month: a two-digit year (2)" 2 \
    '--month "04.25": ambiguous year; write it in full, as MM.YYYY' \
    "$PD" kpi --month 04.25
refused "kpi --month in French: the option named, the format in its letters" 2 \
    '--month « 2025/04 » : pas un mois, écrivez MM.AAAA (p. ex. 04.2025) ou AAAA-MM' \
    env LANGUAGE=fr "$PD" kpi --month 2025/04
refused "kpi --month in Spanish: no English word" 2 \
    '--month «2025-1»: no es un mes, escriba MM.AAAA (p. ej. 04.2025) o AAAA-MM' \
    env LANGUAGE=es "$PD" kpi --month 2025-1
refused "kpi --month in Spanish: no such month" 3 \
    '--month «2025-13»: no existe ese mes (01 a 12)' \
    env LANGUAGE=es "$PD" kpi --month 2025-13
before=$(snapshot)
refused "pay --date: not a date in the format, nothing written" 2 \
    'Payment date "2025.04.19": not a date, write DD.MM.YYYY' \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1 \
    --date 2025.04.19
same "and nothing was written" "$(snapshot)" "$before"
expect "pay --date in the date format" 0 "" "$PD" --user jane pay WU-10001 \
    --type bill --method Cash --amount 1 --date 19.04.2025
expect "its payment date" 0 '"paid_on": "2025-04-19"' \
    env PAYDESK_PIN=2222 "$PD" --user mary --json payment show R-T01-000003

# --- the xlsx money format on the organisation's side ----------------------
expect "xlsx of a symbol-after organisation" 0 "Wrote" \
    sup --xlsx "$T/after.xlsx" payments
python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml").decode())' \
    "$T/after.xlsx" >"$OUT"
has "the symbol after the number, with its space" 'formatCode="#,##0.00&quot; €&quot;"'
printf '%s\n[organisation]\ncurrency_symbol = KSh\ncurrency_space = yes\n' \
    "$BASE" >"$T/ksh.ini"
expect "xlsx of a symbol-before organisation with a space" 0 "Wrote" \
    as_admin "$T/ksh.ini" sup --config "$T/ksh.ini" --xlsx "$T/before.xlsx" payments
python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml").decode())' \
    "$T/before.xlsx" >"$OUT"
has "the symbol before, with its space" 'formatCode="&quot;KSh &quot;#,##0.00"'
python3 "$TOP/tests/tools/xlsx_cells.py" "$T/after.xlsx" >"$OUT"
has "the amounts stay numbers" "money:145.5"

# --- the big change digits keep the grouping -------------------------------
# (tests/tui/test_formats.sh draws them; here: a consumer import's language)
printf 'account_no,name,service_address,phone,email,segment,language\nWU-77001,Ana Ruiz,1 Calle,,,,de\n' >"$T/lang.csv"
before=$(snapshot)
refused "an unknown language lists the allowed ones" 3 \
    '"de" is not a language documents can be written in; use one of en, es, fr' \
    env PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/lang.csv"
has "where: the file, line and column" "lang.csv:2"
same "and nothing was imported" "$(snapshot)" "$before"
printf 'account_no,name,service_address,phone,email,segment,language\nWU-77001,Ana Ruiz,1 Calle,,,,fr\nWU-77002,Bo Li,2 Road,,,,xx_YY\n' >"$T/lang.csv"
refused "the second row's language, in Spanish" 3 ":3:" \
    env LANGUAGE=es PAYDESK_PIN=9999 "$PD" --user admin import consumers \
    "$T/lang.csv"
has "the allowed languages, in Spanish" \
    'no es un idioma en el que se puedan escribir documentos; use uno de en, es, fr'
refused "in French" 3 "utilisez l'une de en, es, fr" \
    env LANGUAGE=fr PAYDESK_PIN=9999 "$PD" --user admin import consumers \
    "$T/lang.csv"
same "and nothing was imported" "$(snapshot)" "$before"

# --- three minor digits: text both formats read differently ----------------
printf '%s\n[organisation]\nminor_digits = 3\ndecimal_separator = comma\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 3 # the same amounts read in it
expect "ambiguous text is refused" 3 "ambiguous, it could be" \
    cashier credit-notes --min 1.500
has "naming both readings" '$1,500 or $1.500,000'
# (issue 25: the hint was "write every decimal, as 1234.500 or
# 1.234,500", which "1.500" already did in the machine format: it says
# how to write each reading so that it reads one way)
has "the hint: each reading as the organisation writes it" \
    "write 1,500 or 1.500,000, with the organisation's decimal mark"
expect "unambiguous text is taken" 0 "" cashier credit-notes --min 1,5
expect "ambiguous in French too" 3 "1,500 ou 1.500,000" \
    env LANGUAGE=fr PAYDESK_PIN=1234 "$PD" --user jane credit-notes --min 1.500
expect "another ambiguous amount, in Spanish" 3 \
    "2,500 o 2.500,000" env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane credit-notes --min 2.500

# --- money read by the currency's decimals (issue 25) ---------------------
# TND: three decimals, the decimal comma, dots grouping; "0.500" cannot
# be a grouped number (no leading 0), so it is half a dinar, not refused
printf '%s\n[organisation]\ncurrency_code = TND\ncurrency_symbol = DT\nminor_digits = 3\ndecimal_separator = comma\ncurrency_position = after\ncurrency_space = yes\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency TND 3 # the same amounts read in it
cents() { python3 -c 'import json,sys; print(sorted(n["amount"] for n in json.load(open(sys.argv[1]))))' "$OUT"; }
expect "TND: 0.500 is half a dinar" 0 "" sup --json credit-notes --min 0.500
same "TND: 0.500 keeps the note of 1 DT (read as 500 DT: none)" "$(cents)" "[1000]"
expect "TND: 0,250 as the organisation writes it" 0 "" \
    cashier credit-notes --min 0,250
expect "TND: 1.234 stays ambiguous" 3 \
    "it could be 1,234 DT or 1.234,000 DT; write 1,234 or 1.234,000" \
    cashier credit-notes --min 1.234
expect "TND: four decimals are refused" 3 "at most 3 decimals" \
    cashier credit-notes --min 1,2345
# JPY: no decimals; a dot that groups is not a decimal point
printf '%s\n[organisation]\ncurrency_code = JPY\ncurrency_symbol = ¥\nminor_digits = 0\ndecimal_separator = comma\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency JPY 0 # the same amounts read in it
expect "JPY: 1.000 groups (no decimal point to mistake it for)" 0 "" \
    cashier credit-notes --min 1.000
expect "JPY: 2.000.000 too" 0 "" cashier credit-notes --min 2.000.000
expect "JPY: a decimal is refused" 3 "this currency has no decimals" \
    cashier credit-notes --min 1,5
# USD and EUR with both marks, each where the other was meant
printf '%s\n' "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 2 # the same amounts read in it
expect "USD: 1,234.50 is taken" 0 "" cashier credit-notes --min 1,234.50
expect "USD: 1.234,50 says what to write" 3 "use . for decimals: 1,234.50" \
    cashier credit-notes --min 1.234,50
expect "USD: 1.234.567,89 too" 3 "use . for decimals: 1,234,567.89" \
    cashier credit-notes --min 1.234.567,89
printf '%s\n[organisation]\ncurrency_symbol = €\ndecimal_separator = comma\n' \
    "$BASE" >"$PAYDESK_CONFIG"
expect "EUR: 1.234,50 is taken" 0 "" cashier credit-notes --min 1.234,50
expect "EUR: 1,234.50 says what to write" 3 "use , for decimals: 1.234,50" \
    cashier credit-notes --min 1,234.50
# a Swiss organisation: ' and its typeset form ’ (U+2019) group alike
printf '%s\n[organisation]\ncurrency_symbol = CHF\ngrouping_separator = apostrophe\n' \
    "$BASE" >"$PAYDESK_CONFIG"
expect "CHF: 1'234.50 is taken" 0 "" cashier credit-notes --min "1'234.50"
expect "CHF: 1’234.50 is taken" 0 "" cashier credit-notes --min "1’234.50"
expect "CHF: 12’34.50 is grouped wrong" 3 "grouped in the wrong places" \
    cashier credit-notes --min "12’34.50"

# --- amounts never cut, counts grouped, Excel's lakh and crore (issue 25) --
# big bills of a consumer of its own, imported in a currency of three
# decimals (minor units: shown with two decimals further on, ten times
# larger)
printf '%s\n[organisation]\nminor_digits = 3\n' "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 3 # the same amounts read in it
big_bills_csv
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/big-c.csv" \
    >/dev/null && PAYDESK_PIN=9999 "$PD" --user admin import bills \
    "$T/big.csv" >/dev/null && PAYDESK_PIN=1234 "$PD" --user jane pay \
    WU-90001 --type bill --items INV-B3 --method Cash \
    --amount 8888888888.888 >/dev/null || notok "the big bills and payment"
# row NAME PATTERN TEXT...: the output's line with PATTERN holds every
# TEXT and no "~" (nothing cut)
row() {
	name=$1 l=$(grep -F -- "$2" "$OUT" | head -1)
	shift 2
	for s in "$@"; do
		case "$l" in
		*"$s"*) ;;
		*) notok "$name" "the line lacks: $s" && return ;;
		esac
	done
	case "$l" in
	*"~"*) notok "$name" "cut: $l" ;;
	*) ok "$name" ;;
	esac
}
printf '%s\n[organisation]\nminor_digits = 3\ncurrency_symbol = €\ndecimal_separator = comma\ngrouping_separator = space\ncurrency_position = after\ncurrency_space = yes\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 3 # the same amounts read in it
# "space" groups with a no-break space (U+00A0: 2 bytes, 1 column), so
# that no amount is split over two lines (issue 25)
B=$(printf '\302\240')
expect "es, symbol after with a space: the payments list" 0 "Big Spender" \
    env LANGUAGE=es PAYDESK_PIN=1234 "$PD" --user jane payments
row "the amount whole, never 8 888 888 8~" "Big Spender" \
    "8${B}888${B}888${B}888,888 €"
case $(grep "Big Spender" "$OUT") in
*"8 888"*) notok "the groups never a plain space" ;;
*) ok "the groups never a plain space" ;;
esac
expect "the aging report in French" 0 "Big Spender" \
    env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary report aging
row "every bucket's amount whole" "Big Spender" \
    "10${B}001${B}246${B}913,177 €" "12${B}345,678 €" \
    "1${B}234${B}567,500 €" "9${B}999${B}999${B}999,999 €"
has "the buckets' counts, plural as they come" "1-30 (4 éléments)"
expect "the payers report in Spanish" 0 "Big Spender" \
    env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary report payers
row "the total paid whole" "Big Spender" "8${B}888${B}888${B}888,888 €"
N=$(printf '\342\200\257') # a narrow no-break space: 3 bytes, 1 column
printf '%s\n[organisation]\nminor_digits = 3\ncurrency_symbol = €\ndecimal_separator = comma\ngrouping_separator = nnbsp\ncurrency_position = after\ncurrency_space = yes\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 3 # the same amounts read in it
expect "a narrow no-break space, in French" 0 "Big Spender" \
    env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary report aging
row "the amounts whole" "Big Spender" "10${N}001${N}246${N}913,177 €" \
    "9${N}999${N}999${N}999,999 €"
printf '%s\n[organisation]\nminor_digits = 3\ncurrency_symbol = KD\ncurrency_space = yes\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 3 # the same amounts read in it
expect "three decimals, the symbol before with a space (English)" 0 \
    "Big Spender" sup report aging
row "the aging amounts whole" "Big Spender" "KD 10,001,246,913.177" \
    "KD 9,999,999,999.999"
expect "JSON keeps minor units" 0 '"days_over_90":9999999999999' \
    sup --json report aging
printf '%s\n[organisation]\ncurrency_symbol = ₹\ngrouping = 3,2\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 2 # the same amounts read in it
expect "Indian grouping, in French" 0 "Big Spender" \
    env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary report aging
row "lakh and crore, whole" "Big Spender" "₹1,00,01,24,69,131.77" \
    "₹1,23,456.78" "₹1,23,45,675.00" "₹99,99,99,99,999.99"
expect "the payers report" 0 "Big Spender" sup report payers
row "the total paid" "Big Spender" "₹88,88,88,88,888.88"
# the workbook shows what the organisation writes: each money cell as its
# number format shows it (conditions and literal separators followed)
expect "an xlsx of the aging report" 0 "Wrote" \
    sup --xlsx "$T/in.xlsx" report aging
python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml").decode())' \
    "$T/in.xlsx" >"$OUT"
has "styles.xml: lakh and crore by Excel's conditions" \
    'formatCode="[&gt;=10000000]&quot;₹&quot;##\,##\,##\,##0.00;[&gt;=100000]&quot;₹&quot;##\,##\,##0.00;&quot;₹&quot;#,##0.00"'
has "and a band of its own past 99,99,99,999" \
    'formatCode="&quot;₹&quot;##\,##\,##\,##\,##0.00;-&quot;₹&quot;##\,##\,##\,##\,##0.00"'
python3 "$TOP/tests/tools/xlsx_cells.py" --shown "$T/in.xlsx" >"$OUT"
for s in "₹1,00,01,24,69,131.77" "₹1,23,456.78" "₹1,23,45,675.00" \
    "₹99,99,99,99,999.99" "₹0.00"; do
	has "Excel shows $s" "	$s"
done
if grep -q '[0-9],[0-9][0-9][0-9],[0-9]' "$OUT"; then
	notok "no amount grouped by three past the thousands"
else
	ok "no amount grouped by three past the thousands"
fi
python3 "$TOP/tests/tools/xlsx_cells.py" "$T/in.xlsx" >"$OUT"
has "the amounts stay numbers" "money:99999999999.99"
printf '%s\n[organisation]\ncurrency_symbol = ₹\n' "$BASE" >"$T/three.ini"
expect "a 3-digit grouping keeps its one format" 0 "Wrote" \
    as_admin "$T/three.ini" sup --config "$T/three.ini" --xlsx "$T/th.xlsx" report aging
python3 "$TOP/tests/tools/xlsx_cells.py" --shown "$T/th.xlsx" >"$OUT"
has "Excel shows it by three" "₹99,999,999,999.99"
# counts a person reads: the payers' payments, past a thousand
grow_ledger 1000
printf '%s\n[organisation]\ndecimal_separator = comma\ngrouping_separator = dot\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 2 # the same amounts read in it
expect "a thousand and one payments, in Spanish" 0 "Big Spender" \
    env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary report payers
row "the count grouped: 1.001" "Big Spender" "   1.001  "
expect "the count in JSON stays a number" 0 '"payments":1001' \
    sup --json report payers
printf '%s\n[organisation]\ngrouping = 3,2\n' "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 2 # the same amounts read in it
expect "and in the Indian grouping" 0 "Big Spender" sup report payers
row "1,001" "Big Spender" "   1,001  "
expect "past a thousand rows the listing streams on" 0 "Big Spender" \
    cashier payments --limit 5000
same "every one of the 1,001 big amounts whole" \
    "$(grep -cF '  $88,88,88,88,888.88  ' "$OUT")" 1001

# --- the payers' Methods in a text table: each amount whole (issue 25) --
# past the terminal's width (COLUMNS, or the terminal's own) the Methods
# move under their row, their entries never cut nor split; a pipe keeps
# one whole line per consumer
printf '%s\n[organisation]\ndecimal_separator = comma\ngrouping_separator = space\ncurrency_symbol = €\ncurrency_position = after\ncurrency_space = yes\n' \
    "$BASE" >"$PAYDESK_CONFIG"
store_currency USD 2 # the same amounts read in it
for m in "Cash 120.10" "Credit Card 200.55" "Bank Transfer 100.55"; do
	PAYDESK_PIN=1234 "$PD" --user jane pay WU-10003 --type bill \
	    --method "${m% *}" --amount "${m##* }" >/dev/null ||
	    notok "a payment by ${m% *}"
done
for L in fr es; do
	expect "$L: the payers report at 80 columns" 0 "WU-10003" \
	    env COLUMNS=80 LANGUAGE=$L PAYDESK_PIN=2222 "$PD" --user mary \
	    report payers --search WU-10003
	if python3 - "$OUT" <<'PY'; then
import sys
rows = open(sys.argv[1], encoding='utf-8').read().split('\n')
i = next(i for i, l in enumerate(rows) if 'WU-10003' in l)
block = [rows[i]] + [l for l in rows[i + 1:] if l.startswith('    ')]
entries = [e.strip() for e in ' '.join(block[1:]).split(';')]
want = ['Cash 120,10 €', 'Credit Card 200,55 €', 'Bank Transfer 100,55 €']
ok = all(len(l) <= 80 for l in rows) and sorted(entries) == sorted(want)
ok = ok and all(e in l for e in want for l in block[1:] if e.split()[0] in l)
sys.exit(0 if ok else 1)
PY
		ok "$L: every line within 80 columns, each method's amount whole"
	else
		notok "$L: every line within 80 columns, each method's amount whole"
	fi
done
expect "a pipe: the consumer's Methods on its own line, whole" 0 \
    "Bank Transfer 100,55 €" env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" \
    --user mary report payers --search WU-10003
row "the Methods on the consumer's row" "WU-10003" "Cash 120,10 €" \
    "Credit Card 200,55 €" "Bank Transfer 100,55 €"
