#!/bin/sh
# R20 (s40): "a shift left open over midnight or past a configured length is
# flagged" (issue 20). The close of a shift opened at 23:00 and closed at
# 01:10 prints "Flag: open too long or across midnight", and from then on
# the flag is gone: shift list (Flagged, --json flagged ""), shift show and
# the Z report say nothing, so the supervisor reading the night's shifts
# the next morning does not see it.
. "$(dirname "$0")/r20_lib.sh"
demo
PAYDESK_NOW="2026-06-25 23:00:00" omar shift open --count 5000x2 >/dev/null 2>&1 || nok "open"
out=$(PAYDESK_NOW="2026-06-26 01:10:00" omar shift close --count 5000x2 2>&1) || nok "close"
echo "$out" | grep -q "^Flag " && ok "the close says it was flagged" || nok "the close does not say the flag"
export PAYDESK_NOW="2026-06-26 08:00:00"
mary --json shift list --limit 1 2>/dev/null | grep -q '"flagged":""' && nok "shift list --json: flagged empty for the shift open across midnight" || ok "shift list keeps the flag"
mary shift show Z-T01-000001 2>/dev/null | grep -q -i "flag" && ok "shift show has the flag" || nok "shift show: no flag for the shift open across midnight"
mary shift z Z-T01-000001 --text --out "$T/z.txt" >/dev/null 2>&1
grep -q -i "flag\|midnight" "$T/z.txt" 2>/dev/null && ok "Z report has the flag" || nok "Z report: no flag for the shift open across midnight"
finish
