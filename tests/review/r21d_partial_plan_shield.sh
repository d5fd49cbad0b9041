#!/bin/sh
# R21d (s42): an arrangement of one small item takes its consumer off the
# disconnection list with all his other debt. Issue 21: the list is of
# "consumers whose debt is past the configured days and amount and who are
# not protected by an Active, compliant arrangement"; a reconnection list "of
# those who have since paid or made an arrangement". WU-10001 owes $238.00
# past 60 days (SRV-2025-0410, INV-2025-001234, PP-2025-0034#1) and is on the
# list. A recovery officer arranges only SRV-2025-0418 ($75.00, itself not
# yet 60 days overdue) in 3 monthly installments: the $238.00, under no
# arrangement and still unpaid, no longer puts him on the disconnection list,
# and the reconnection list tells the field crew to reconnect him
# ("Arrangement") while it says he still owes $238.00 overdue. A plan can
# protect the debt it holds, not debt it never took: one $1 plan would
# shield any arrears. (paydesk(1) disconnections words it as "those with an
# Active arrangement ... protects them": the docs and the program agree on
# this reading; the issue's point does not.)
# Written from the documentation only.
# Fixed in s43 (s43-L): a kept plan protects the debt it holds; the
# consumer is listed by what is overdue outside it (the lead's decision).
. "$(dirname "$0")/r21c_lib.sh"
if p T01 rita disconnections | grep -q 'WU-10001'; then ok "WU-10001 is on the disconnection list"
else nok "WU-10001 (\$238.00 past 60 days) is not on the list to begin with"; fi
p T01 rita arrangement create WU-10001 --items SRV-2025-0418 --installments 3 \
	--frequency monthly --first-due 2025-07-01 --reason "fee only" >"$W/ar" || nok "arrangement create: $(tail -1 "$W/ar")"
p T01 rita disconnections >"$W/dis"
p T01 rita reconnections >"$W/rec"
sed 's/^/# disconnections: /' "$W/dis" | grep -E 'Account|WU-10001'
sed 's/^/# reconnections: /' "$W/rec" | grep -E 'Account|WU-10001'
if grep -q 'WU-10001' "$W/dis"; then ok "WU-10001 stays on the disconnection list for the \$238.00 no plan holds"
else nok "a \$75.00 plan of one fee took WU-10001 off the disconnection list with \$238.00 overdue under no plan"; fi
if grep 'WU-10001' "$W/rec" | grep -q 'Arrangement'; then
	nok "the reconnection list gives WU-10001 to the crews (Arrangement) though \$238.00 is still overdue"
else ok "WU-10001 is not on the reconnection list"; fi
finish
