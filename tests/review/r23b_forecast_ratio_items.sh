#!/bin/sh
# Review R23b: the forecast's on-time ratio counts items it should not.
# man paydesk(1), report forecast: "A consumer's expected amount in a week
# is what its items due in the week owe, times its on-time ratio: of the
# amounts of its items due in the 365 days before today, the share paid on
# or before their due date", and "What an arrangement took over of an item
# is owed by its installments ... not by the item (a debt counts once, as
# in the aging report)".
# What happens:
# 1. An item due today counts in the ratio as not paid on time, though it
#    is not due before today and may still be paid on time (kpi: "an item
#    due today is not late yet"): Bob paid his only past item on time
#    (ratio 100%), yet on the due day of B1 his next week is forecast at
#    50%: $50.00 of $100.00.
# 2. An item an arrangement took over still counts, unpaid, beside the
#    installments that owe it: Alice's A1 ($300.00) was taken over by a
#    plan of $30 + 3 x $90; on 2026-06-30 her ratio is 100 / (100 + 300 +
#    30 + 90 + 90) (the $300 debt twice), $14.75 of the $90.00 due the week
#    of 2026-06-29, not 100 / (100 + 30 + 90 + 90): $29.03.
. tests/review/r23_lib.sh
r23_store s
d=$R23_TMP/s
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\nB-1,Bob Baker,2 Main St,5550002,,Commercial\n' >$d/c.csv
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nA0,A-1,2026-01,100.00,2026-01-01,2026-01-20\nA1,A-1,2026-06,300.00,2026-06-01,2026-06-25\nB0,B-1,2026-01,100.00,2026-01-01,2026-01-20\nB1,B-1,2026-06,100.00,2026-06-01,2026-06-16\nB2,B-1,2026-06,100.00,2026-06-01,2026-06-23\n' >$d/b.csv
PAYDESK_NOW="2026-01-01 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2026-01-01 09:00:00" sup import bills $d/b.csv >/dev/null
pay_at "2026-01-10 10:00:00" A-1 A0 "Bank Transfer" 100
pay_at "2026-01-10 10:00:00" B-1 B0 "Bank Transfer" 100
# 1. Bob (Commercial) on 2026-06-16, B1's due day: his ratio is B0's, 100%
wk() { # wk NOW WEEK SEGMENT: the forecast of WEEK (minor units) of the segment
	PAYDESK_NOW="$1" sup --json report forecast --weeks 3 --past 0 --segment "$3" | python3 -c '
import json,sys
d=json.load(sys.stdin)
print([w["forecast"] for w in d["weeks"] if w["week"]==sys.argv[1]][0])' "$2"
}
check "on B1's due day, Bob's week of 2026-06-22 (B2, \$100.00) at his ratio of 100%" 10000 "$(wk "2026-06-16 10:00:00" 2026-06-22 Commercial)"
# 2. Alice: an arrangement takes A1 over on 2026-06-16 (down 30, 3 x 90 weekly)
PAYDESK_NOW="2026-06-16 10:00:00" sup arrangement create A-1 --installments 3 --frequency weekly \
	--first-due 2026-06-22 --items A1 --reason hardship --down 30 >/dev/null || notok "arrangement create"
# on 2026-06-30, due in the 365 days before: A0 100 (on time), the down
# payment 30 (06-16), installments 90 (06-22) and 90 (06-29), unpaid:
# 100/310 of the 90 of 2026-07-06 = 29.03 (half up)
check "Alice's week of 2026-07-06 (\$90.00) at 100/310 (A1 counted once, by its installments)" 2903 "$(wk "2026-06-30 10:00:00" 2026-07-06 Residential)"
r23_done
