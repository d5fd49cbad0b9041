#!/bin/sh
# R20b: report reconciliation's Expected counts deposits only. A bank
# transfer and a day of card payments that the rules matched in full (no
# exception open) are credited against an Expected of $0.00: the account's
# days read a Difference of the whole credit, $30.00 and $19.60, and the
# period's differences add up to $49.60 where the bank credited exactly what
# the ledger expected (less the card fee of $0.40 the rule accepted). The Difference
# a billing manager reads cannot tell a reconciled day from an unexplained one.
. "$(dirname "$0")/r20_lib.sh"
demo
jane pay WU-10002 --type bill --items INV-2025-1000203 --method "Bank Transfer" --amount 30 --reference TRX-555 >/dev/null 2>&1 || nok "transfer"
jane pay WU-10002 --type bill --items INV-2025-1000203 --method "Debit Card" --amount 20.00 --reference D1 >/dev/null 2>&1 || nok "card"
printf 'date;amount;reference;text\n2026-06-16;30,00;TRX-555;Transfer\n2026-06-16;19,60;T01 settlement;Card\n' > "$T/s.csv"
mary statement mapping add b date=1 amount=2 reference=3 text=4 decimal=comma separator=semicolon header=1 >/dev/null 2>&1 || nok "mapping"
mary statement import "$T/s.csv" --mapping b --account NL01BANK0123456789 >/dev/null 2>&1 || nok "import"
export PAYDESK_NOW="2026-06-17 09:00:00"
m=$(mary deposit match 2>&1)
case "$m" in *"Bank transfers matched       1"*"Card settlements matched     1"*) ok "both matched";; *) nok "match: $m";; esac
n=$(mary --csv report exceptions 2>/dev/null | grep -c 'NL01\|TRX\|settlement')
[ "$n" -eq 0 ] && ok "no exception open" || nok "$n exceptions open"
r=$(mary --csv report reconciliation --account NL01BANK0123456789 --from 2026-06-15 2>/dev/null)
d=$(echo "$r" | python3 -c 'import csv,sys
rows=list(csv.DictReader(sys.stdin)); print(sum(float(x.get("difference","0") or 0) for x in rows) if rows else "none")')
case "$d" in 0|0.0|-0.0|-0.4|-0.4*) ok "the period's difference is at most the fee";;
  *) nok "every credit matched by a rule, no exception open, yet report reconciliation's differences add up to $d: $(echo "$r" | tr '\n' ' ')";; esac
finish
