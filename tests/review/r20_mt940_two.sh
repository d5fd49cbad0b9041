#!/bin/sh
# R20: an MT940 file of two messages (two days' statements, each in its
# {1:}{2:}{4: envelope, as banks send a file a week) is refused with "the
# file has 2 entries (:61:), aqbanking read 1": it reads as a fault of
# aqbanking or of the file, not as what it is. camt.053 and OFX say "2
# statements (Stmt) in the file; paydesk imports one statement per file".
# Either import both or say so, naming the statements (:20:).
. "$(dirname "$0")/r20_lib.sh"
mkdir -p "$T/cfg"
printf '[store]\npath = %s/eur.db\n[organisation]\ncurrency_code = EUR\ncurrency_symbol = EUR\n' "$T" > "$T/cfg/p.ini"
export PAYDESK_CONFIG="$T/cfg/p.ini"
demo
cat > "$T/m2.940" <<'MT'
{1:F01INGBNL2ABXXX0000000000}
{2:I940INGBNL2AXXXN}
{4:
:20:P260616000000001
:25:NL77INGB0574908765EUR
:28C:0001
:60F:C260615EUR100,00
:61:2606160616C10,00NTRFA1//1
:86:/REMI/USTD//ONE/
:62F:C260616EUR110,00
-}
{1:F01INGBNL2ABXXX0000000000}
{2:I940INGBNL2AXXXN}
{4:
:20:P260617000000001
:25:NL77INGB0574908765EUR
:28C:0002
:60F:C260616EUR110,00
:61:2606170617C20,00NTRFA2//2
:86:/REMI/USTD//TWO/
:62F:C260617EUR130,00
-}
MT
out=$(PAYDESK_NOW="2026-06-25 10:00:00" mary statement import "$T/m2.940" 2>&1); rc=$?
case "$rc:$out" in 0:*) ok "both imported";; 3:*statements*) ok "refused naming the statements";;
  *) nok "two MT940 messages: exit $rc: $out";; esac
finish
