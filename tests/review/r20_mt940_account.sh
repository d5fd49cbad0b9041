#!/bin/sh
# R20: an MT940 statement's account is taken from :25: as written, currency
# suffix and all: ING's :25:NL77INGB0574908765EUR (the bank sample
# ../shared/samples/bank/mt940-example.940) is kept as account
# "NL77INGB0574908765EUR", so a deposit made to the IBAN NL77INGB0574908765
# is never matched to its credit on that statement (deposit match: 0) and
# report reconciliation of the IBAN shows nothing credited.
. "$(dirname "$0")/r20_lib.sh"
mkdir -p "$T/cfg"
printf '[store]\npath = %s/eur.db\n[organisation]\ncurrency_code = EUR\ncurrency_symbol = EUR\n' "$T" > "$T/cfg/p.ini"
export PAYDESK_CONFIG="$T/cfg/p.ini"
demo
jane shift open --count 1000x1 >/dev/null 2>&1
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 145.50 --tendered 145.50 >/dev/null 2>&1 || nok "pay"
jane shift close --count 10000x1,2000x2,500x1,50x1,1000x1 >/dev/null 2>&1 || nok "close"
z=$(mary --csv shift list 2>/dev/null | awk -F, 'NR==2{print $2}')
mary deposit create "$z" --slip BAG-5 --account NL77INGB0574908765 >/dev/null 2>&1 || nok "deposit"
mary deposit hand BAG-5 >/dev/null 2>&1 || nok "deposit hand"
cat > "$T/s.940" <<'MT'
{1:F01INGBNL2ABXXX0000000000}
{2:I940INGBNL2AXXXN}
{4:
:20:P260616000000001
:25:NL77INGB0574908765EUR
:28C:0000
:60F:C260615EUR100,00
:61:2606160616C145,50NTRFBAG-5//00000000001005
:86:/EREF/BAG-5//REMI/USTD//STORTING BAG-5/
:62F:C260616EUR245,50
-}
MT
out=$(PAYDESK_NOW="2026-06-17 10:00:00" mary statement import "$T/s.940" 2>&1) || nok "import: $(echo "$out" | tail -1)"
acct=$(echo "$out" | awk '/^Account/{print $2}')
[ "$acct" = NL77INGB0574908765 ] && ok "account NL77INGB0574908765" || nok "the statement's account is \"$acct\", the IBAN is NL77INGB0574908765"
out=$(PAYDESK_NOW="2026-06-17 10:00:00" mary deposit match 2>&1)
case "$out" in *'Deposits matched'*' 1'*) ok "BAG-5 matched";; *) nok "BAG-5 not matched to its credit: $(echo "$out" | head -1)";; esac
finish
