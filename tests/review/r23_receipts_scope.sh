#!/bin/sh
# Review 23: `receipts export` is one of the issue's exports, but it has no
# scope (--scope, a "Scope:" line) and none of the report filters of
# `payments` (man: "the filters of payments"): --segment, --period, --branch,
# --user, --channel, --gateway are "unknown option".
. tests/review/r23_lib.sh
r23_world
n() { ls "$1" 2>/dev/null | wc -l; }
pd T01 adm 482615 receipts export --dir "$W/x0" >"$W/o" 2>&1
check $? "receipts export by an admin works (baseline)"
[ "$(n "$W/x0")" -eq 7 ]; check $? "the admin's organisation scope: 7 receipts (got $(n "$W/x0"))"
pd T01 adm 482615 receipts export --dir "$W/x1" --scope terminal >"$W/o" 2>&1
check $? "receipts export takes --scope terminal ($(head -1 "$W/o"))"
[ "$(n "$W/x1")" -eq 3 ]; check $? "--scope terminal: T01's 3 receipts (got $(n "$W/x1"))"
grep -q '^Scope: Terminal T01' "$W/o"; check $? "receipts export names its scope (Scope: Terminal T01)"
pd T01 adm 482615 receipts export --dir "$W/x2" --segment Residential >"$W/o" 2>&1
check $? "receipts export takes --segment ($(head -1 "$W/o"))"
[ "$(n "$W/x2")" -eq 4 ]; check $? "--segment Residential: 4 receipts (got $(n "$W/x2"))"
pd T01 adm 482615 receipts export --dir "$W/x3" --period 2026-05 >"$W/o" 2>&1
check $? "receipts export takes --period ($(head -1 "$W/o"))"
[ "$(n "$W/x3")" -eq 1 ]; check $? "--period 2026-05: 1 receipt (got $(n "$W/x3"))"
pd T01 adm 482615 receipts export --dir "$W/x4" --user c4 >"$W/o" 2>&1
check $? "receipts export takes --user ($(head -1 "$W/o"))"
[ "$(n "$W/x4")" -eq 1 ]; check $? "--user c4: 1 receipt (got $(n "$W/x4"))"
pd T01 adm 482615 receipts export --dir "$W/x5" --branch B02 >"$W/o" 2>&1
check $? "receipts export takes --branch ($(head -1 "$W/o"))"
[ "$(n "$W/x5")" -eq 2 ]; check $? "--branch B02: 2 receipts (got $(n "$W/x5"))"
pd T01 sup1 583921 receipts export --dir "$W/x6" --scope org >"$W/o" 2>&1
[ $? -eq 16 ]; check $? "a supervisor's --scope org is refused with status 16"
[ ! -e "$W/x6" ] || [ "$(n "$W/x6")" -eq 0 ]; check $? "and nothing is written"
pd T01 adm 482615 receipts export --dir "$W/x7" --segment Nope >"$W/o" 2>&1
[ $? -eq 4 ]; check $? "an unknown segment is refused with status 4, as payments refuses it"
done_r23
