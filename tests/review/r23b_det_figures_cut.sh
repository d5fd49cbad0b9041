#!/bin/sh
# Review R23b: report deteriorating's text cuts the figures that list a
# consumer. Issue 23: deteriorating payers "ranked, with the figures that
# put them there"; man paydesk(1): --last N takes 2-20 payments and
# --months M 2-5 month ends, and the columns are "Days to pay (oldest
# first)" and "Aging at month ends (oldest first)". What happens: the
# text table has fixed widths and cuts both with "~", even written to a
# pipe or a file: with --last 8 Alice's days to pay read
# "-7, -4, -1, 2, 5, 8, 11~" (the last, 14, the one past due that lists her,
# is gone), and with --months 5 Dan's aging reads
# "Current, 1-30, 31-60, 6~" where the fourth and fifth buckets are the move
# that lists him. (--csv and --json have them whole; the R23 15 fix left
# identifiers whole, not these figures.)
. tests/review/r23_lib.sh
r23_store s
d=$R23_TMP/s
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\nD-1,Dan Dunn,4 Main St,5550004,,Commercial\n' >$d/c.csv
{ echo 'invoice_no,account_no,period,amount,issued_on,due_on'
  for m in 01 02 03 04 05 06 07 08; do echo "A$m,A-1,2025-$m,100.00,2025-$m-01,2025-$m-10"; done
  echo "D1,D-1,2025-07,100.00,2025-07-01,2025-07-20"; } >$d/b.csv
PAYDESK_NOW="2025-01-01 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2025-01-01 09:00:00" sup import bills $d/b.csv >/dev/null
# Alice pays each bill 3 days later than the one before: -7, -4, ..., 14
i=0; for m in 01 02 03 04 05 06 07 08; do
	i=$((i + 1)); day=$(printf '%02d' $((i * 3)))
	pay_at "2025-$m-$day 10:00:00" A-1 A$m "Bank Transfer" 100
done
# Dan's D1 (due 2025-07-20) open: at the month ends Jun..Oct 2025 nothing
# due, 1-30, 31-60, 61-90, 90+
out=$(PAYDESK_NOW="2025-11-15 10:00:00" sup report deteriorating --last 8 --months 5)
echo "$out" | sed 's/^/# /'
line=$(printf '%s\n' "$out" | grep "Alice Able")
case $line in *"-7, -4, -1, 2, 5, 8, 11, 14"*) ok "Alice's 8 days to pay whole" ;;
	*) notok "Alice's 8 days to pay (-7, -4, -1, 2, 5, 8, 11, 14) cut: [$(printf '%s' "$line" | sed 's/  */ /g')]" ;; esac
line=$(printf '%s\n' "$out" | grep "Dan Dunn")
case $line in *"1-30, 31-60, 61-90, 90+"*) ok "Dan's 5 month ends whole" ;;
	*) notok "Dan's aging at 5 month ends (..., 1-30, 31-60, 61-90, 90+) cut: [$(printf '%s' "$line" | sed 's/  */ /g')]" ;; esac
# the CSV has them (this holds)
csv=$(PAYDESK_NOW="2025-11-15 10:00:00" sup --csv report deteriorating --last 8 --months 5)
case $csv in *"-7, -4, -1, 2, 5, 8, 11, 14"*) ok "(reference) the CSV has Alice's days whole" ;;
	*) notok "(reference) the CSV lacks Alice's days" ;; esac
r23_done
