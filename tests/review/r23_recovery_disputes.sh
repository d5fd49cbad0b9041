#!/bin/sh
# Review 23: the recovery officer opens a dispute at T01 of a payment taken
# at T03; `dispute list` at T01 (the recovery role reads this terminal
# only) does not list it, and --scope branch is refused (16): the dispute
# the officer works (review, reject) is in no list they can read, except
# by searching the consumer (--consumer).
. tests/review/r23_lib.sh
r23_world
pd T01 rec 6193 dispute open R-T03-000002 --reason chargeback --note x >/dev/null
check $? "the dispute is opened at T01 (baseline)"
pd T01 rec 6193 dispute list >"$W/o" 2>&1
grep -q DP-T01-000001 "$W/o"; check $? "the recovery officer's dispute list at T01 lists the dispute opened there"
done_r23
