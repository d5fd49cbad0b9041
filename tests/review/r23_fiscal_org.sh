#!/bin/sh
# Review 23: an accounting period is the organisation's, but [periods]
# calendar and fiscal_start are each terminal's own file: the central node
# refuses them in `import ORG settings` ("not a setting the central node
# masters"), so two terminals of one branch can read FY2026-P03 as two
# different months, and a supervisor's figures for "FY2026-P03" depend on
# the counter they sit at.
. tests/review/r23_lib.sh
r23_world
printf 'key,value\nperiods.calendar,fiscal\nperiods.fiscal_start,4\n' > "$W/p.csv"
C import ORG settings "$W/p.csv" >"$W/o" 2>&1
check $? "the central node masters the fiscal calendar ($(head -1 "$W/o"))"
sync_all
# FY2026-P03 with fiscal_start 4 is June 2026: B01's June is 650.00
a=$(collected T01 sup1 583921 --period FY2026-P03)
[ "$a" = 65000 ]; check $? "T01 reads FY2026-P03 as June 2026 (got ${a:-nothing})"
b=$(collected T02 sup1 583921 --period FY2026-P03)
[ "$b" = 65000 ]; check $? "T02 reads it the same (got ${b:-nothing})"
# a terminal's own file does not make another calendar of it
printf '[periods]\ncalendar = fiscal\nfiscal_start = 1\n' >> "$W/T02.ini"
c=$(collected T02 sup1 583921 --period FY2026-P03)
[ "$c" = 65000 ]; check $? "a terminal's file does not move the organisation's periods (got ${c:-nothing})"
done_r23
