# test_stats.sh - the planner's statistics, kept by the store itself
# (issue 24): a store upgraded to migration 77 takes them whole, once; a
# run that wrote counts, at its close, each index that had none and each
# table that grew 25 times since it was counted; a read-only run, or one
# refused, leaves the store as it found it.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00" PAYDESK_PIN=1234

# day N: the organisation's day is 2025-04-N from here (the store looks
# at its statistics at the first close that wrote on a new day)
day() { export PAYDESK_NOW="2025-04-$1 10:00:00"; }

# stat TABLE: its row count as sqlite_stat1 says ("" none)
stat() {
	sql "SELECT coalesce(max(CAST(stat AS INTEGER)), '') FROM sqlite_stat1
	    WHERE tbl = '$1'" 2>/dev/null
}
# unstated: non-empty tables with an index and no statistics at all (a
# partial index that holds no row has none: ANALYZE counts no entries)
unstated() {
	tables=$(sql "SELECT DISTINCT tbl_name FROM sqlite_master
	    WHERE type = 'index' AND tbl_name NOT LIKE 'sqlite_%'")
	for t in $tables; do
		[ "$(sql "SELECT count(*) > 0 FROM \"$t\"")" = 1 ] || continue
		[ -n "$(stat "$t")" ] || echo "$t"
	done
}

# a new store: init's migration 77 counts the few rows init wrote
# before it, and no empty table
"$PD" init >/dev/null || exit 1
same "init: no statistics of the empty payments" "$(stat payments)" ""
same "init: no statistics of the empty consumers" "$(stat consumers)" ""
setup_store
# each import wrote: its close counted the indexes that had none (the
# items at the bills' import, 4), and not the items again at the
# services' and installments' (9 is not 25 times 4)
same "imports: the consumers counted" "$(stat consumers)" 3
same "imports: the items counted at the bills' import" "$(stat items)" 4
# a post on the day of the imports: the store looked already today
"$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145.50 >/dev/null || exit 1
same "a post the same day: the store does not look again" \
    "$(stat payments)" ""
# the next day's first close that wrote: the payments' indexes had no
# statistics
day 21
"$PD" --user jane pay WU-10002 --type bill --items INV-2025-002001 \
    --method Cash --amount 10 >/dev/null || exit 1
same "a new day's post: the payments' statistics taken at its close" \
    "$(stat payments)" 2
same "a post: the items' statistics stand" "$(stat items)" 4

# refused runs leave a store without statistics as they found it,
# though their queries used tables that have none
sql "DELETE FROM sqlite_stat1"
h=$(snapshot)
expect "a payment of a paid bill: refused" 3 "" \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 3
expect "a void of no payment: refused" 4 "" \
    env PAYDESK_PIN=2222 "$PD" --user mary payment void R-T01-000099 \
    --reason Other
same "refused runs: nothing written" "$(snapshot)" "$h"
same "refused runs: still no statistics" \
    "$(sql "SELECT count(*) FROM sqlite_stat1")" 0
# reports read: a sign-in alone writes nothing either
cashier kpi >/dev/null || exit 1
sup report payers --from 2025-04-01 --to 2025-04-30 >/dev/null || exit 1
cashier consumer search Doe >/dev/null || exit 1
same "signed-in reports and a search: nothing written" "$(snapshot)" "$h"
# a run that wrote takes them, the next day
day 22
env PAYDESK_PIN=2222 "$PD" --user mary credit-note create R-T01-000001 \
    --amount 5 --reason Other >/dev/null || exit 1
same "a credit note: the payments' statistics again" "$(stat payments)" 2

# growth, at an import's close whatever the day (a load): 100 bills
# more on 9 items is 12 times, short of 25: the items' statistics as
# they were; 250 more (about 40 times) is past it: counted again
bills() {
	echo "invoice_no,account_no,period,amount,issued_on,due_on"
	i=$1
	while [ "$i" -le "$2" ]; do
		echo "INV-G-$i,WU-10003,Mar 2025,1.00,2025-04-01,2025-04-30"
		i=$((i + 1))
	done
}
post() {
	"$PD" --user jane pay WU-10003 --type bill --items "$1" --method Cash \
	    --amount 1 >/dev/null || exit 1
}
bills 1 100 >"$T/b1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b1.csv" \
    >/dev/null || exit 1
post INV-G-1
same "100 bills more (12 times): the items' statistics stand" \
    "$(stat items)" 9
bills 101 350 >"$T/b2.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b2.csv" \
    >/dev/null || exit 1
post INV-G-2
same "250 more (39 times): counted again at the import's close" \
    "$(stat items)" "$(sql "SELECT count(*) FROM items")"

# an index without statistics (new from a migration) is counted alone:
# its table's other indexes keep theirs
sql "DELETE FROM sqlite_stat1 WHERE idx = 'payments_amount';
    UPDATE sqlite_stat1 SET stat = '7 7' WHERE idx = 'payments_consumer'"
day 23
post INV-G-3
same "a new index: counted" \
    "$(sql "SELECT CAST(stat AS INTEGER) FROM sqlite_stat1
        WHERE idx = 'payments_amount'")" "$(sql "SELECT count(*) FROM payments")"
same "a new index: its table's others as they were" \
    "$(sql "SELECT stat FROM sqlite_stat1 WHERE idx = 'payments_consumer'")" \
    "7 7"
sql "UPDATE sqlite_stat1 SET stat = '1 1' WHERE idx = 'payments_consumer'"

# a WITHOUT ROWID rollup (pay_days, a row a payment) that grew 25 times
# is counted up to that, and then again whole
sql "UPDATE sqlite_stat1 SET stat = '1 1 1 1' WHERE tbl = 'pay_days'"
n=$(sql "SELECT count(*) FROM pay_days")
day 24
post INV-G-4
if [ "$n" -lt 24 ]; then
	same "a rollup grown less than 25 times: as it was" \
	    "$(stat pay_days)" 1
	i=5
	while [ "$(sql "SELECT count(*) FROM pay_days")" -lt 25 ]; do
		post "INV-G-$i"
		i=$((i + 1))
	done
	same "the same day: not looked at again" "$(stat pay_days)" 1
	day 25
	post "INV-G-$i"
fi
same "a rollup grown 25 times: counted again the next day" \
    "$(stat pay_days)" "$(sql "SELECT count(*) FROM pay_days")"

# an upgraded store (a version before 77, no statistics at all): the
# migration counts every table, whole, before the first command's work
sql "PRAGMA user_version = 76"
cashier kpi >/dev/null || exit 1
same "upgraded: version 77 or later" \
    "$(sql "SELECT user_version >= 77 FROM pragma_user_version")" 1
same "upgraded: every table with rows has its statistics" "$(unstated)" ""
same "upgraded: the payments' count" "$(stat payments)" \
    "$(sql "SELECT count(*) FROM payments")"
same "upgraded: the consumers' count" "$(stat consumers)" 3
same "upgraded: the items' count" "$(stat items)" \
    "$(sql "SELECT count(*) FROM items")"
