# test_behaviour.sh - deteriorating payers (issue 23): the days from the
# due date of the oldest item a payment paid to the payment, over each
# consumer's last N Posted payments, never falling and growing; every
# figure against a computation written again here in sqlite3 and awk.
. "$TOP/tests/cli/lib.sh"
setup_store
printf 'invoice_no,account_no,period,amount,issued_on,due_on
D-1,WU-10002,Jan,10,2025-01-01,2025-01-15
D-2,WU-10002,Feb,10,2025-02-01,2025-02-15
D-3,WU-10002,Mar,10,2025-03-01,2025-03-15
E-1,WU-10003,Jan,10,2025-01-01,2025-01-15
E-2,WU-10003,Feb,10,2025-02-01,2025-02-15
E-3,WU-10003,Mar,10,2025-03-01,2025-03-15
' >"$T/d.csv"
sup import bills "$T/d.csv" >/dev/null
# WU-10002 pays later and later (0, 5, 15 days); WU-10003 sooner (9, 4, 2)
p() { PAYDESK_NOW="$1 10:00:00" cashier pay "$2" --type bill --items "$3" \
    --amount 10 --method Cash >/dev/null 2>&1; }
p 2025-01-15 WU-10002 D-1
p 2025-02-20 WU-10002 D-2
p 2025-03-30 WU-10002 D-3
p 2025-01-24 WU-10003 E-1
p 2025-02-19 WU-10003 E-2
p 2025-03-17 WU-10003 E-3
export PAYDESK_NOW="2025-04-01 10:00:00"
# the rule again: each consumer's last N payments' days, then monotony
again() {
	sql "SELECT c.account_no, d FROM (SELECT p.consumer_id AS cid,
	 p.paid_on AS on_, p.id AS pid, CAST(julianday(p.paid_on) -
	 julianday(min(i.due_on)) AS INTEGER) AS d FROM payments p,
	 allocations a, items i WHERE a.payment_id = p.id AND i.id = a.item_id
	 AND a.amount > 0 AND p.status = 'Posted' GROUP BY p.id) x JOIN
	 consumers c ON c.id = x.cid WHERE (SELECT count(*) FROM payments q
	 WHERE q.consumer_id = x.cid AND q.status = 'Posted' AND (q.paid_on,
	 q.id) > (x.on_, x.pid)) < $1 ORDER BY x.cid, x.on_, x.pid" |
	    awk -F'|' -v n="$1" '
	function out() { if (k == n && grow && d[k] > d[1]) {
		s = d[1]; for (j = 2; j <= k; j++) s = s ", " d[j]
		print acc "|" s "|" d[k] - d[1] } }
	$1 != acc { if (acc != "") out(); acc = $1; k = 0; grow = 1 }
	{ d[++k] = $2; if (k > 1 && d[k] < d[k - 1]) grow = 0 }
	END { if (acc != "") out() }'
}
# rows of the CSV listing in $OUT: account|days|growth
rows() { python3 -c 'import csv, sys
for r in list(csv.reader(open(sys.argv[1])))[1:]: print("|".join(r[1:4]))' "$OUT"; }
run sup --csv report deteriorating --last 3
same "report deteriorating --last 3: WU-10002 with its days" \
    "$(rows)" "$(again 3)"
same "the figures by hand: 0, 5 and 15 days, grown by 15" \
    "$(rows)" "WU-10002|0, 5, 15|15"
run sup --csv report deteriorating --last 2
same "--last 2: the last two payments only" \
    "$(rows)" "$(again 2)"
expect "--last out of 2-20: refused (2)" 2 \
    '--last "1": the payments to compare, a whole number 2 to 20' \
    sup report deteriorating --last 1
expect "--last of no number: refused (2)" 2 '--last "x"' \
    sup report deteriorating --last x
expect "a cashier: refused (5)" 5 "needs the supervisor role" \
    cashier report deteriorating
