#!/bin/sh
# R21d (s42): issue 21: the disconnection and reconnection lists "export for
# field crews like the other listings". The exports (--csv, --json, --xlsx)
# give account_no, consumer, overdue, items, oldest_due (reconnections:
# was_overdue, listed_on, overdue, reason), with no service address and no
# phone: a crew sent to disconnect or reconnect WU-10001 is not told where
# (123 Main Street, Cityville), though the consumer's address is in the
# store and the list is "for the field crews" (paydesk(1) disconnections).
# Written from the documentation only.
# Fixed in s43 (s43-L): both lists carry the service address and phone.
. "$(dirname "$0")/r21c_lib.sh"
p T01 rita --csv disconnections >"$W/d.csv" || nok "disconnections --csv"
head -1 "$W/d.csv" | sed 's/^/# disconnections: /'
grep -q '^WU-10001,' "$W/d.csv" && ok "WU-10001 is on the list" || nok "WU-10001 is not on the list"
if grep '^WU-10001,' "$W/d.csv" | grep -q '123 Main Street'; then ok "the crews' export gives WU-10001's service address"
else nok "the crews' disconnection export has no service address (WU-10001: 123 Main Street, Cityville)"; fi
p T01 rita arrangement create WU-10001 --installments 2 --frequency monthly --first-due 2025-07-01 --reason a >/dev/null || nok "arrangement create"
p T01 rita --csv reconnections >"$W/r.csv" || nok "reconnections --csv"
head -1 "$W/r.csv" | sed 's/^/# reconnections: /'
if grep '^WU-10001,' "$W/r.csv" | grep -q '123 Main Street'; then ok "the crews' reconnection export gives the service address"
else nok "the crews' reconnection export has no service address"; fi
finish
