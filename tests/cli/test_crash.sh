# test_crash.sh - a poster process is killed with SIGKILL at random moments,
# dozens of times; afterwards the store is whole: integrity check passes,
# every payment has its allocations, numbers, audit and outbox rows, and
# the number series have no gaps or repeats among committed payments.
. "$TOP/tests/cli/lib.sh"
POSTER="$TOP/$BUILD/tools/poster"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store
# one bill large enough to take every payment of the test
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-BIG,WU-10001,Year,999999.00,2025-01-01,2025-01-31\n' \
    >"$T/big.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/big.csv" >/dev/null

kills=0 ready=0
seed=$$
i=0
while [ $i -lt 40 ]; do
	rm -f "$T/ready"
	POSTER_READY="$T/ready" "$POSTER" "$DB" 100000 2>"$T/poster.err" &
	pid=$!
	# the kill is timed from the first payment, not from the start (a
	# sanitizer build takes longer to start than the longest pause)
	w=0
	while [ ! -f "$T/ready" ] && [ $w -lt 1000 ] && kill -0 "$pid" 2>/dev/null; do
		sleep 0.01
		w=$((w + 1))
	done
	[ -f "$T/ready" ] && ready=$((ready + 1))
	# a pseudo-random pause between 20 and 220 ms
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	ms=$(( 20 + seed % 200 ))
	sleep "$(printf '0.%03d' "$ms")"
	if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
	wait "$pid" 2>/dev/null
	i=$((i + 1))
done
[ "$kills" -ge 30 ] && ok "poster killed $kills times" || \
    echo "not ok - poster killed only $kills times"
# a round signals ready after its first commit, so each round that did
# committed at least one payment before its kill (how many more depends on
# the machine's speed, which a test does not judge)
n=$(sql 'SELECT count(*) FROM payments')
[ "$ready" -ge 30 ] && [ "$n" -ge "$ready" ] &&
    ok "payments committed between kills ($n in $ready rounds)" || \
    echo "not ok - only $n payments committed in $ready rounds that began"

expect "doctor passes after the kills" 0 "ok" "$PD" doctor
expect "audit chain intact" 0 "chain intact" "$PD" audit verify
same "integrity check" "$(sql 'PRAGMA integrity_check')" ok
same "every payment fully allocated" \
    "$(sql 'SELECT count(*) FROM payments p WHERE amount <> overpaid +
    (SELECT coalesce(sum(amount), 0) FROM allocations WHERE payment_id = p.id)')" 0
same "every payment has one outbox record" \
    "$(sql "SELECT count(*) FROM outbox WHERE kind = 'payment'")" "$n"
same "every payment has one audit entry" \
    "$(sql "SELECT count(*) FROM audit_log WHERE action = 'post'")" "$n"
same "bill settled equals the payments" \
    "$(sql "SELECT settled FROM items WHERE ref = 'INV-BIG'")" \
    "$(sql 'SELECT sum(amount) FROM payments')"
for series in payment:payment_no transaction:txn_no receipt:receipt_no; do
	name=${series%%:*} col=${series#*:}
	# the sequence is the number's last dash-separated part
	same "$name numbers gap-free" "$(sql "SELECT count(*) || '/' ||
	    count(DISTINCT $col) || '/' ||
	    max(CAST(substr($col, length(rtrim($col, '0123456789')) + 1)
	    AS INTEGER)) FROM payments")" "$n/$n/$n"
	same "$name series counter matches" "$(sql "SELECT sum(next - 1) FROM
	    number_series WHERE series = '$name'")" "$n"
done
