#!/bin/sh
# config.ini.example's [periods] comment says --period applies to
# "kpi, payments, report payers, report aging"; paydesk(1) says report aging
# takes --segment alone, and the command refuses --period. One of the two
# documents is wrong (the user reads the example first).
. "$(dirname "$0")/r23_lib.sh"
base_store
claims=no
sed -n '/^\[periods\]/,/^\[/p' "$R23_ROOT/config.ini.example" | tr '\n;' '  ' | grep -q 'report  *aging' && claims=yes
out=$(run admin $ADMIN "2026-03-10 10:00:00" report aging --period 2026-02 2>&1); rc=$?
if [ $claims = yes ] && [ $rc -ne 0 ]; then
	notok "config.ini.example says --period works on report aging, but 'report aging --period 2026-02' exits $rc: $out"
else ok "config.ini.example and report aging agree on --period"; fi
finish
