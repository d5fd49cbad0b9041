#!/bin/sh
# R20: CSV statements through a saved mapping.
#  - the saved mappings cannot be listed or read back: `statement mapping
#    list` (and show NAME) say "missing argument"; a mapping cannot be
#    changed or removed either, so a supervisor cannot see what a name reads;
#  - amounts with digit groups, as banks' CSV exports write them (1.234,50
#    with decimal=comma, "1,234.50" with decimal=point), refuse the whole
#    file: the mapping has no way to say so.
. "$(dirname "$0")/r20_lib.sh"
demo
mary statement mapping add eu date=1 amount=2 reference=3 header=1 decimal=comma separator=semicolon date_format=DD.MM.YYYY >/dev/null 2>&1 || nok "mapping eu"
mary statement mapping add us date=1 amount=2 reference=3 header=1 >/dev/null 2>&1 || nok "mapping us"
out=$(mary statement mapping list 2>&1); rc=$?
case "$rc:$out" in 0:*eu*us*|0:*us*eu*) ok "mapping list";; *) nok "statement mapping list: exit $rc ($out)";; esac
out=$(mary statement mapping show eu 2>&1); rc=$?
case "$rc:$out" in 0:*semicolon*) ok "mapping show";; *) nok "statement mapping show eu: exit $rc ($out)";; esac
printf 'Datum;Betrag;Ref\n16.06.2026;1.234,50;BAG-9\n' > "$T/eu.csv"
out=$(mary statement import "$T/eu.csv" --mapping eu --account DE1 2>&1); rc=$?
case "$rc:$out" in 0:*'1,234.50'*) ok "1.234,50 read";; *) nok "decimal=comma 1.234,50: exit $rc ($(echo "$out" | tail -1))";; esac
printf 'Date,Amount,Ref\n2026-06-16,"1,234.50",BAG-9\n' > "$T/us.csv"
out=$(mary statement import "$T/us.csv" --mapping us --account US1 2>&1); rc=$?
case "$rc:$out" in 0:*'1,234.50'*) ok "1,234.50 read";; *) nok "decimal=point \"1,234.50\": exit $rc ($(echo "$out" | tail -1))";; esac
finish
