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
    "decimal_separator = comma" "$PD" --config "$T/bad.ini" config
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
    "Amount received  1.000,00 €" \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145,50 --tendered 1.000,00
has "the change in its format" "Change given     854,50 €"
expect "the machine format is taken too" 0 "Amount          25,00 €" \
    "$PD" --user jane pay WU-10001 --type service --items SRV-2025-0410 \
    --method "credit card" --amount 25.00
expect "JSON keeps minor units" 0 '"tendered": 100000' \
    "$PD" --json payment show R-T01-000001
has "and ISO dates" '"paid_on": "2025-04-20"'
expect "the human listing: dates and amounts as the organisation writes them" \
    0 "20.04.2025" "$PD" payments
has "amounts with a comma and the symbol after" "145,50 €"
expect "CSV keeps the machine formats" 0 "145.50" sup --csv payments
has "CSV dates stay ISO" "2025-04-20"
if grep -q "145,50\|20.04.2025" "$OUT"; then
	notok "CSV has no local format"
else
	ok "CSV has no local format"
fi
expect "a --min filter in the organisation's format" 0 "" \
    "$PD" credit-notes --min 1.000,00
refused "a dot where the comma was meant" 3 \
    "use , for decimals: 1.234,50" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1.234.50
refused "two decimal commas" 3 "two decimal separators" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1,2,3

# --- three minor digits: text both formats read differently ----------------
printf '%s\n[organisation]\nminor_digits = 3\ndecimal_separator = comma\n' \
    "$BASE" >"$PAYDESK_CONFIG"
expect "ambiguous text is refused" 3 "ambiguous, it could be" \
    "$PD" credit-notes --min 1.500
has "naming both readings" '$1,500 or $1.500,000'
expect "unambiguous text is taken" 0 "" "$PD" credit-notes --min 1,5
