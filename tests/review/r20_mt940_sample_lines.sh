#!/bin/sh
# R20: the real MT940 sample (../shared/samples/bank/mt940-example.940) has
# fields spanning lines. Its first :61: ends "//00000000001" and goes on
# "005" on the next line: the bank's id is kept as "00000000001" (its
# neighbours are 00000000001006, ...1007) and "005" put at the head of the
# text; "/TRCD/010" + "16" + "/" is joined as "/TRCD/010 16 /" and
# "/" + "TRCD/00108/" as "/ TRCD/00108/". A bank id cut short is what tells
# a line imported twice from another (already_in).
. "$(dirname "$0")/r20_lib.sh"
S="$ROOT/../shared/samples/bank/mt940-example.940"
[ -f "$S" ] || S=/work/shared/samples/bank/mt940-example.940
[ -f "$S" ] || { echo "ok - # skip: no sample"; exit 0; }
mkdir -p "$T/cfg"
printf '[store]\npath = %s/eur.db\n[organisation]\ncurrency_code = EUR\ncurrency_symbol = EUR\n' "$T" > "$T/cfg/p.ini"
export PAYDESK_CONFIG="$T/cfg/p.ini"
demo
cp "$S" "$T/ing.940"
mary statement import "$T/ing.940" >/dev/null 2>&1 || nok "import"
out=$(mary --json statement show 1 2>&1)
case "$out" in *'"bank_id": "00000000001005"'*) ok "bank id 00000000001005";; *) nok "line 1's bank id: $(echo "$out" | grep -o '"bank_id": "[0-9]*"' | head -1)";; esac
case "$out" in *'010 16'*|*'/ TRCD'*) nok "continued fields joined with spaces: $(echo "$out" | grep -o '/TRCD/010 16 /\|/ TRCD/00108/' | tr '\n' ' ')";; *) ok "continued fields joined as written";; esac
finish
