# test_scope.sh - whose payments the figures count (issue 23): this
# terminal's, its branch's or the organisation's, by role, with a wider
# one refused; every figure against sqlite3 on the store, with payments
# pulled from a terminal of the same branch (T03) and of another (T02);
# the rows behind a tile (kpi --rows).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

# the organisation in May 2025, its central node later (see test_arrange)
PAYDESK_NOW=2025-05-01 setup_org || { echo "not ok - setup"; exit 1; }
PAYDESK_NOW=2025-05-01 run central terminal add ACME B01 T03
TOK3=$(token_of)
PAYDESK_NOW=2025-05-01 terminal 3 "$TOK3"
sed -i 's/^branch = B03$/branch = B01/' "$T/t3.ini"
PAYDESK_NOW=2026-02-01 start_central || exit 1
export PAYDESK_NOW=2025-05-20
cash() { n=$1; shift; PAYDESK_PIN=1234 pdt "$n" --user jane pay "$@" \
    --method Cash >/dev/null 2>&1; }
for n in 1 2 3; do pdt $n sync >/dev/null 2>&1; done
cash 1 WU-10001 --type bill --amount 100.00
cash 1 WU-10002 --type bill --amount 20.00
cash 2 WU-10002 --type bill --amount 30.00
cash 3 WU-10003 --type bill --amount 200.00
cash 3 WU-10001 --type installment --amount 67.50
cash 3 WU-10001 --type bill --items INV-2025-001567 --amount 100.00
PAYDESK_NOW=2025-05-19 cash 2 WU-10001 --type bill --amount 12.00
for n in 2 3 1; do pdt $n sync >/dev/null 2>&1; done
same "T01 holds its payments and those pulled from T02 and T03" \
    "$(tsql 1 "SELECT group_concat(terminal || ':' || n) FROM (SELECT
     terminal, count(*) AS n FROM payments GROUP BY terminal ORDER BY 1)")" \
    "T01:2,T02:2,T03:3"

as() { u=$1 pin=$2; shift 2; PAYDESK_PIN=$pin pdt 1 --user "$u" "$@"; }
# jkey KEY: a number of the last JSON output (the first one of that key)
jkey() { tr -d ' \n' <"$OUT" | sed -n "s/[^{]*{\"currency\":[^,]*,\"scope\":\"[a-z]*\"//;s/.*\"$1\":\([-0-9]*\).*/\1/p"; }
# the month's Posted payments of the terminals listed, independently
sum_of() {
	tsql 1 "SELECT coalesce(sum(amount), 0) || ' ' || count(*) FROM
	 payments WHERE status = 'Posted' AND paid_on BETWEEN '2025-05-01' AND
	 '2025-05-31' AND terminal IN ($1)"
}
# the items due 2025-05-01..19 and what the terminals' payments paid
rate_of() {
	tsql 1 "SELECT coalesce(sum(amount), 0) || ' ' || coalesce(sum(min(amount,
	 paid)), 0) FROM (SELECT i.amount, (SELECT coalesce(sum(a.amount), 0)
	 FROM allocations a, payments p WHERE a.payment_id = p.id AND
	 a.item_id = i.id AND p.status = 'Posted' AND p.paid_on <= '2025-05-31'
	 AND p.terminal IN ($1)) AS paid FROM items i WHERE i.due_on BETWEEN
	 '2025-05-01' AND '2025-05-19')"
}
# check WHO PIN WORD TERMINALS: kpi's figures of that scope
check() {
	run as "$1" "$2" --json kpi --month 2025-05
	same "$1: the scope is $3 by the role" \
	    "$(tr -d ' \n' <"$OUT" | sed -n 's/.*"scope":"\([a-z]*\)".*/\1/p')" "$3"
	same "$1: Total collected and payments of $3" \
	    "$(tr -d ' \n' <"$OUT" | sed -n 's/.*"month":{"total_collected":\([0-9]*\),"payments":\([0-9]*\).*/\1 \2/p')" \
	    "$(sum_of "$4")"
	same "$1: Total due and its paid part of $3" \
	    "$(tr -d ' \n' <"$OUT" | sed -n 's/.*"month":{[^}]*"total_due":\([0-9]*\),"total_due_paid":\([0-9]*\).*/\1 \2/p')" \
	    "$(rate_of "$4")"
	same "$1: Received on the day of $3" \
	    "$(tr -d ' \n' <"$OUT" | sed -n 's/.*"day":{"date":"[-0-9]*","amount":\([0-9]*\),"count":\([0-9]*\).*/\1 \2/p')" \
	    "$(tsql 1 "SELECT coalesce(sum(amount), 0) || ' ' || count(*) FROM
	     payments WHERE status = 'Posted' AND paid_on = '2025-05-20' AND
	     terminal IN ($4)")"
}
check jane 1234 terminal "'T01'"
check mary 2222 branch "'T01', 'T03'"
check admin 9999 org "'T01', 'T02', 'T03'"
run as mary 2222 --json kpi --month 2025-05 --scope terminal
same "a supervisor may narrow to this terminal" \
    "$(tr -d ' \n' <"$OUT" | sed -n 's/.*"month":{"total_collected":\([0-9]*\).*/\1/p')" \
    12000
expect "the text title says the scope" 0 "Branch B01" as mary 2222 kpi

# a wider scope than the role: refused, its own status, nothing read
expect "a cashier asks for the branch: refused (16)" 16 \
    "The figures of this branch need the supervisor role; jane is a cashier and reads this terminal at most" \
    as jane 1234 kpi --scope branch
expect "a supervisor asks for the organisation: refused (16)" 16 \
    "The figures of the organisation need the admin role; mary is a supervisor" \
    as mary 2222 report payers --scope org
expect "nobody signed in asks for the branch: refused (16)" 16 \
    "need a signed-in user of the supervisor role" pdt 1 kpi --scope branch
expect "a cashier's payments list of the organisation: refused" 16 \
    "The figures of the organisation" as jane 1234 payments --scope org
expect "a scope that is no word of the three: refused (3)" 3 \
    '--scope "region": terminal, branch or org' as admin 9999 kpi --scope region
expect "an empty scope: refused (3)" 3 '--scope "": terminal' \
    as admin 9999 kpi --scope ''

# the payers report of the branch: per consumer, T01's and T03's
run as mary 2222 --csv report payers
same "payers of the branch, per consumer" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {print $2 " " $3 " " $4}' | sort)" \
    "$(tsql 1 "SELECT c.account_no, printf('%.2f', sum(p.amount) / 100.0),
     count(*) FROM payments p JOIN consumers c ON c.id = p.consumer_id WHERE
     p.status = 'Posted' AND p.terminal IN ('T01', 'T03') GROUP BY
     c.account_no" | tr '|' ' ' | sort)"
run as admin 9999 --csv report payers --scope terminal
same "an admin narrows the payers to this terminal" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {print $2}' | sort | tr '\n' ' ')" \
    "WU-10001 WU-10002 "

# the rows behind the tiles: their sums are the tiles'
run as mary 2222 --csv kpi --month 2025-05 --rows collected
same "--rows collected: the payments Total Collected counts (branch)" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {n++; s += $4} END {printf "%.0f %d", s * 100, n}')" \
    "$(sum_of "'T01', 'T03'")"
run as admin 9999 --csv kpi --month 2025-05 --rows day --day 2025-05-19
same "--rows day: a chart bar's day (org)" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {print $1 " " $4}')" \
    "$(tsql 1 "SELECT receipt_no || ' ' || printf('%.2f', amount / 100.0) FROM
     payments WHERE paid_on = '2025-05-19'")"
run as mary 2222 --csv kpi --month 2025-05 --rows rate
same "--rows rate: the items due and what paid them (branch)" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {d += $5; p += $6} END {printf "%.2f %.2f", d, p}')" \
    "$(rate_of "'T01', 'T03'" | awk '{printf "%.2f %.2f", $1 / 100, $2 / 100}')"
same "--rows rate: each item with its receipts" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {print $2 "=" $7}' | tr '\n' ' ')" \
    "INV-2025-001567=$(tsql 1 "SELECT receipt_no FROM payments WHERE
     terminal = 'T03' AND amount = 10000") PP-2025-0034#2= "
expect "--rows rate needs a supervisor" 5 "needs the supervisor role" \
    as jane 1234 kpi --rows rate
expect "--rows of no figure: refused (3)" 3 '--rows "outstanding": collected' \
    as mary 2222 kpi --rows outstanding

# --segment (issue 23's filters): the payments of one segment's consumers
run as admin 9999 --csv report payers --segment commercial
same "payers --segment: Commercial's only (in any case)" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {print $2 " " $3}')" \
    "$(tsql 1 "SELECT c.account_no, printf('%.2f', sum(p.amount) / 100.0) FROM
     payments p JOIN consumers c ON c.id = p.consumer_id WHERE p.status =
     'Posted' AND c.segment = 'Commercial' GROUP BY 1" | tr '|' ' ')"
run as admin 9999 --csv payments --segment Residential --scope branch
same "payments --segment --scope: Residential's of the branch" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {print $1}' | sort | tr '\n' ' ')" \
    "$(tsql 1 "SELECT p.receipt_no FROM payments p JOIN consumers c ON c.id =
     p.consumer_id WHERE c.segment = 'Residential' AND p.branch = 'B01'
     ORDER BY 1" | tr '\n' ' ')"
expect "a segment no consumer has: refused (4), the segments named" 4 \
    'Segment "Industrial": no consumer is of it (the segments are Commercial, Residential)' \
    as admin 9999 report payers --segment Industrial
expect "an empty segment: refused (3)" 3 "Segment" \
    as admin 9999 payments --segment ''
