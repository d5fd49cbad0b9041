#!/bin/sh
# Review 23: a past week's forecast is "as it stood at its first day (what
# its items owed then ...)", but it counts a bill issued (and imported) in
# the middle of that week: week 2026-06-08 shows N1 (issued 06-10, due 06-12,
# $70) in its Open and Forecast as of 06-08, when it did not exist yet. The
# forecast put beside what came in is then not the forecast anyone had.
. tests/review/r23_lib.sh
fc_store q; d=$R23_TMP/q
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nN1,C-1,2026-06,70.00,2026-06-10,2026-06-12\n' >$d/n.csv
PAYDESK_NOW="2026-06-10 09:00:00" sup import bills $d/n.csv >/dev/null
pay_at "2026-06-12 11:00:00" C-1 N1 "Bank Transfer" 70
open=$(PAYDESK_NOW="2026-06-15 12:00:00" sup --json report forecast --weeks 1 --past 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["past"][0]["open"])')
# as of 06-08 the week's items were E1 ($100, A-1) alone
check "past week 2026-06-08: open as of its first day (E1 \$100; N1 issued 06-10)" 10000 "$open"
r23_done
