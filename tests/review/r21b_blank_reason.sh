#!/bin/sh
# R21b (s41): the issue asks a reason for every change of an arrangement and a
# note for a rejected dispute ("Reason is required" for ""), but a reason of
# spaces only is taken: a plan made, cancelled, a dispute rejected, a payment
# voided, each with a blank reason in its audit entry.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
DB=$W/s.db
make_store "$DB"
rec arrangement create A-1 --installments 3 --frequency monthly --first-due 2027-01-01 --reason "   " >/dev/null 2>&1
check "arrangement create --reason '   ' is refused (status 3)" 3 $?
rec arrangement create A-3 --installments 3 --frequency monthly --first-due 2027-01-01 --reason x >/dev/null 2>&1 ||
	fail "arrangement create A-3"
plan=$(rec arrangement list --consumer A-3 | sed -n 's/^\(AR-[^ ]*\) .*/\1/p' | head -1)
rec arrangement reschedule "$plan" --installments 2 --frequency monthly --first-due 2027-01-01 --reason "  " >/dev/null 2>&1
check "arrangement reschedule --reason '  ' is refused (status 3)" 3 $?
rec arrangement cancel "$plan" --reason "  " >/dev/null 2>&1
check "arrangement cancel --reason '  ' is refused (status 3)" 3 $?
cash shift open >/dev/null 2>&1
cash pay A-4 --type bill --method Cash --amount 10 >/dev/null || fail "payment"
rec dispute open R-T01-000001 --reason other >/dev/null || fail "dispute open"
rec dispute reject DP-T01-000001 --note "   " >/dev/null 2>&1
r=$?
[ $r -eq 2 ] || [ $r -eq 3 ] && ok "dispute reject --note '   ' is refused ($r)" ||
	fail "dispute reject --note '   ' is refused (status 2 or 3): got $r"
s=$(rec dispute show DP-T01-000001 | sed -n 's/^Status *//p')
check "the dispute is still Open" "Open" "$s"
finish
