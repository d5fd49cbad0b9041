# test_behaviour_aging.sh - report deteriorating's aging criterion with
# known answers (paydesk(1): listed when the oldest open item "was in a
# later aging bucket ... at each of the last M month ends ... than at the
# one before": M moves over M + 1 month ends), and a past month end read
# as it stood then (an arrangement made after it changes nothing there).
# h3 faults 2 and 3: M = 3 listed a consumer "Current, 1-30, 31-60" (two
# moves) and M = 2 payers late once, one of whom had paid his bill; an
# arrangement made today took a bill open and overdue at the last month
# ends out of every one of them.
. "$TOP/tests/cli/lib.sh"
"$PD" init >/dev/null && "$PD" import users "$DATA/users.csv" >/dev/null &&
    PAYDESK_PIN=9999 "$PD" --user admin import consumers \
    "$DATA/consumers.csv" >/dev/null || echo "not ok - the store"
# today 2025-05-10: the month ends 2024-12-31, 2025-01-31, 02-28, 03-31
# and 04-30. A-1 never paid: 1-30 at 31 Jan, then a bucket later each
# month end. B-1 paid whole 15 days late: 1-30 at 30 Apr alone. C-1
# never paid: 1-30 at 31 Mar, 31-60 at 30 Apr.
printf 'invoice_no,account_no,period,amount,issued_on,due_on
A-1,WU-10001,Jan,40,2025-01-01,2025-01-20
B-1,WU-10002,Apr,40,2025-04-01,2025-04-20
C-1,WU-10003,Mar,40,2025-03-01,2025-03-15
' >"$T/b.csv"
PAYDESK_NOW="2025-03-01 10:00:00" PAYDESK_PIN=9999 "$PD" --user admin \
    import bills "$T/b.csv" >/dev/null || echo "not ok - the bills"
PAYDESK_NOW="2025-05-05 10:00:00" cashier pay WU-10002 --type bill \
    --items B-1 --amount 40 --method Cash >/dev/null ||
    echo "not ok - B-1 paid"
export PAYDESK_NOW="2025-05-10 10:00:00"
# the aging rows of the CSV listing: account|buckets
arows() {
	sup --csv report deteriorating "$@" >"$OUT" 2>&1
	python3 -c 'import csv, sys
for r in list(csv.reader(open(sys.argv[1])))[1:]:
    if "aging" in r[5]: print(r[1] + "|" + r[4])' "$OUT" | sort
}
same "--months 2: A-1 and C-1, two moves over three month ends" \
    "$(arows --months 2)" "WU-10001|31-60, 61-90, 90+
WU-10003|Current, 1-30, 31-60"
same "--months 3 (the default): C-1's two moves are not three" \
    "$(arows)" "WU-10001|1-30, 31-60, 61-90, 90+"
same "--months 4: four moves from Current" "$(arows --months 4)" \
    "WU-10001|Current, 1-30, 31-60, 61-90, 90+"
expect "--months 5: a fifth move would need a sixth bucket (3)" 3 \
    "a whole number 2 to 4" sup report deteriorating --months 5
sup --json report deteriorating --months 2 >"$OUT" 2>&1
same "--json: the month ends read, oldest first" "$(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["payers"]:
    print(r["account_no"], ", ".join(r["aging"]))' "$OUT" | sort)" \
    "WU-10001 31-60, 61-90, 90+
WU-10003 Current, 1-30, 31-60"

# an arrangement made today of C-1, open and overdue at 31 Mar and 30
# Apr: those month ends read as they stood then
PAYDESK_PIN=9999 "$PD" --user admin arrangement create WU-10003 \
    --items C-1 --installments 2 --frequency weekly --first-due \
    2025-05-20 --reason Hardship >/dev/null ||
    echo "not ok - C-1's arrangement"
same "C-1 taken over today: settled now" \
    "$(sql "SELECT settled = amount FROM items WHERE ref = 'C-1'")" 1
same "--months 2: still listed, its month ends as they stood" \
    "$(arows --months 2)" "WU-10001|31-60, 61-90, 90+
WU-10003|Current, 1-30, 31-60"
# as kpi reads a past month (paydesk(1)): C-1 due in March, owed at its end
sup --json kpi --month 2025-03 >"$OUT" 2>&1
same "kpi --month 2025-03: C-1 still due in March" "$(python3 -c '
import json, sys; print(json.load(open(sys.argv[1]))["month"]["total_due"])' "$OUT")" \
    4000

# an arrangement made before a month end: from then on the item is owed
# by its installments, not open (A-1 taken over on 15 Mar, its
# installments due 20 and 27 Mar, unpaid: 1-30 at 31 Mar and 31-60 at
# 30 Apr by the first of them)
PAYDESK_NOW="2025-03-15 10:00:00" PAYDESK_PIN=9999 "$PD" --user admin \
    arrangement create WU-10001 --items A-1 --installments 2 --frequency \
    weekly --first-due 2025-03-20 --reason Hardship >/dev/null ||
    echo "not ok - A-1's arrangement"
same "--months 2: A-1 open at 28 Feb, its installment after" \
    "$(arows --months 2)" "WU-10003|Current, 1-30, 31-60"
same "--months 3: 1-30, 31-60, then the installment's 1-30: not listed" \
    "$(arows --months 3)" ""

# a bill a payment still Pending paid (an Online one, not verified): the
# aging counts Posted payments (paydesk(1)), so D-1 is open at every
# month end after its due day, though the store's settled counts the
# Pending payment (a fresh tester's, issue 23 helper-305 fault 1: such a
# payer read as never having had the bill open); verified, it is paid
# on its day, on time, and no month end has it
printf 'account_no,name,service_address,phone,email,segment
WU-10004,Dee Pending,4 Road,,,Residential
' >"$T/c4.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on
D-1,WU-10004,Feb,40,2025-02-01,2025-02-15
' >"$T/b4.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/c4.csv" \
    >/dev/null && PAYDESK_NOW="2025-02-01 10:00:00" PAYDESK_PIN=9999 \
    "$PD" --user admin import bills "$T/b4.csv" >/dev/null ||
    echo "not ok - D-1"
PAYDESK_NOW="2025-02-10 10:00:00" cashier pay WU-10004 --type bill \
    --items D-1 --method Online --amount 40 >/dev/null ||
    echo "not ok - D-1 paid Online"
same "D-1: its payment Pending, settled in the store" \
    "$(sql "SELECT p.status, i.settled = i.amount FROM payments p JOIN
     allocations a ON a.payment_id = p.id JOIN items i ON i.id = a.item_id
     WHERE i.ref = 'D-1'")" "Pending|1"
same "--months 2: D-1 open at 28 Feb, 31 Mar and 30 Apr (the Pending payment not counted)" \
    "$(arows --months 2 | grep WU-10004)" "WU-10004|1-30, 31-60, 61-90"
same "--months 2 --segment Residential: the same" \
    "$(arows --months 2 --segment Residential | grep WU-10004)" \
    "WU-10004|1-30, 31-60, 61-90"
same "--months 2 --segment Commercial: not D-1's" \
    "$(arows --months 2 --segment Commercial | grep -c WU-10004)" 0
sup payment verify "$(sql "SELECT p.payment_no FROM payments p JOIN
     allocations a ON a.payment_id = p.id JOIN items i ON i.id = a.item_id
     WHERE i.ref = 'D-1'")" >/dev/null || echo "not ok - D-1's payment verified"
same "verified: D-1 paid on time, at no month end" \
    "$(arows --months 2 | grep -c WU-10004)" 0
expect "the store with its rollups is consistent" 0 "ok (" sup doctor
