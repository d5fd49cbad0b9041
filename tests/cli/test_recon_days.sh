# test_recon_days.sh - the reconciliation of a bank account by day
# (issue 20, "a reconciliation screen per bank account and day"; tester
# fault 11): a credit matched to a deposit, a transfer or a card day
# counts on the day of what it matched, so a bag the bank credits the
# next day (as bags go) is no difference on either day; only what is
# unmatched makes a difference, on its own day. Each case on one store:
# credited the next day, three days later, never, a credit nobody
# expected, a bag credited for another amount, a transfer and a card day
# settled the day after; the days' sums checked against the store.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2026-07-01 08:00:00"
setup_store
J() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }
M() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
A=NL03BANK0000000003
# one shift of 280.00 cash (its float of 100.00 kept): four bags of it
J shift open --count 10000x1 >/dev/null || echo "not ok - open"
J pay WU-10001 --type bill --method Cash --amount 280 --tendered 280 >/dev/null || echo "not ok - cash"
PAYDESK_NOW="2026-07-01 18:00:00" J shift close --count 10000x3,5000x1,1000x3 >/dev/null ||
    echo "not ok - close"
Z=$(sql "SELECT z_no FROM shifts WHERE status = 'closed'")
export PAYDESK_NOW="2026-07-10 09:00:00"
# BAG-A handed 07-01, BAG-B 07-03, BAG-C 07-04, BAG-D 07-05
for b in A:100:01 B:60:03 C:40:04 D:80:05; do
	v=${b#*:}
	# made and handed to the bank on its day (issue 20: only a bag
	# handed is matched, its age counted from the handing)
	PAYDESK_NOW="2026-07-${b##*:} 19:00:00" M deposit create \
	    "$Z:Cash=${v%%:*}" --slip BAG-${b%%:*} --account $A \
	    --date 2026-07-${b##*:} >/dev/null &&
	    PAYDESK_NOW="2026-07-${b##*:} 19:05:00" M deposit hand \
	    BAG-${b%%:*} >/dev/null || echo "not ok - bag ${b%%:*}"
done
# a transfer of 30.00 taken 07-03, card payments of 20.00 taken 07-04
PAYDESK_NOW="2026-07-03 10:00:00" J pay WU-10002 --type bill --method "Bank Transfer" \
    --amount 30 --reference TRX-31 >/dev/null || echo "not ok - transfer"
PAYDESK_NOW="2026-07-04 10:00:00" J pay WU-10003 --type bill --method "Debit Card" \
    --amount 20 --reference C1 >/dev/null || echo "not ok - card"
# the bank: BAG-A the next day, BAG-B three days later, BAG-C never,
# BAG-D the next day less 1.00, a credit nobody expected on 07-05, the
# transfer on 07-04, the card day less its fee on 07-05
cat >"$T/st.csv" <<CSV
date,amount,reference
2026-07-02,100.00,DEPOSIT BAG-A
2026-07-06,60.00,DEPOSIT BAG-B
2026-07-06,79.00,DEPOSIT BAG-D
2026-07-05,25.00,WHO KNOWS
2026-07-04,30.00,SEPA TRX-31
2026-07-05,19.60,T01 SETTLEMENT
CSV
M statement mapping add m date=1 amount=2 reference=3 header=1 >/dev/null
M statement import "$T/st.csv" --mapping m --account $A >/dev/null || echo "not ok - import"
run M --json deposit match
same "the rules: three bags (one of another amount), the transfer, the card day" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["matched"] + d["differs"], d["differs"], d["transfer"], d["card"])' "$OUT")" \
    "3 1 1 1"
days() { python3 -c 'import json,sys; print(" ".join("%s:%d:%d:%d:%d:%d" % (d["date"], d["expected"], d["credited"], d["matched"], d["difference"], d["exceptions"]) for d in json.load(open(sys.argv[1]))))' "$OUT"; }
day() { days | tr ' ' '\n' | grep "^2026-07-$1:" || echo "2026-07-$1:none"; }
run M --json report reconciliation --account $A --from 2026-07-01 --to 2026-07-09
# date:expected:credited:matched:difference:exceptions open
same "credited the next day: BAG-A's 100.00 expected and credited on its day" \
    "$(day 01)" "2026-07-01:10000:10000:10000:0:0"
same "credited the next day: no difference the day it was booked" "$(day 02)" "2026-07-02:none"
same "credited three days later, and the transfer the next day: no difference on 07-03" \
    "$(day 03)" "2026-07-03:9000:9000:9000:0:0"
same "never credited: BAG-C's 40.00 a difference on its day, open; the card day's fee of 0.40" \
    "$(day 04)" "2026-07-04:6000:1960:1960:-4040:1"
same "another amount and a credit nobody expected: BAG-D short by 1.00, 25.00 unexpected, both open on 07-05" \
    "$(day 05)" "2026-07-05:8000:10400:7900:2400:2"
same "nothing on 07-06, the day BAG-B and BAG-D were booked" "$(day 06)" "2026-07-06:none"
# the exceptions behind them, as report exceptions lists them
run M --json report exceptions
same "the exceptions: BAG-C not credited, the credit nobody expected, BAG-D's amount" \
    "$(python3 -c 'import json,sys; print(" ".join(sorted("%s:%s:%d" % (e["kind"], e["date"], e["difference"]) for e in json.load(open(sys.argv[1])))))' "$OUT")" \
    "amount_differs:2026-07-06:-100 not_credited:2026-07-04:-4000 unexpected_credit:2026-07-05:2500"
# the days against the store: every credit once, every deposit and
# matched payment expected once
run M --json report reconciliation --account $A --from 2026-07-01 --to 2026-07-09
sums=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(x["expected"] for x in d), sum(x["credited"] for x in d), sum(x["difference"] for x in d))' "$OUT")
same "the days' sums are the store's: deposits and matched payments expected, every credit credited" \
    "$sums" "$(sql "SELECT (SELECT sum(amount) FROM deposits WHERE voided_at = '') + (SELECT sum(p.amount) FROM statement_match_payments mp JOIN payments p ON p.id = mp.payment_id JOIN statement_matches m ON m.id = mp.match_id WHERE m.unmatched_at = ''), (SELECT sum(amount) FROM bank_statement_lines WHERE amount > 0), (SELECT sum(amount) FROM bank_statement_lines WHERE amount > 0) - (SELECT sum(amount) FROM deposits WHERE voided_at = '') - (SELECT sum(p.amount) FROM statement_match_payments mp JOIN payments p ON p.id = mp.payment_id JOIN statement_matches m ON m.id = mp.match_id WHERE m.unmatched_at = '')" | tr '|' ' ')"
# a range that ends the day before a credit is booked still counts it on
# its bag's day: the day's figure does not depend on the range
run M --json report reconciliation --account $A --from 2026-07-01 --to 2026-07-01
same "07-01 alone: the credit booked on 07-02 counted" "$(days)" "2026-07-01:10000:10000:10000:0:0"
# unmatched by hand: BAG-A is not credited on its day, its credit one
# nobody expected on its booking day
M deposit unmatch BAG-A --note "Check the bag" >/dev/null || echo "not ok - unmatch BAG-A"
run M --json report reconciliation --account $A --from 2026-07-01 --to 2026-07-02
same "BAG-A unmatched: -100.00 on its day, +100.00 the day the credit was booked" \
    "$(days)" "2026-07-01:10000:0:0:-10000:1 2026-07-02:0:10000:0:10000:1"
# the CSV export reads as the listing, each row naming its account
run M --csv report reconciliation --account $A --from 2026-07-03 --to 2026-07-03
same "as CSV" "$(tr -d '\r' <"$OUT")" "date,expected,credited,matched,difference,exceptions,deposits,credits,account
2026-07-03,90.00,90.00,90.00,0.00,0,1,2,$A"
expect "doctor at the end" 0 "ok" "$PD" doctor
