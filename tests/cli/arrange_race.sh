# arrange_race.sh - sourced by test_arrange.sh at its end (its central
# node, on SQLite or PostgreSQL, its two terminals, rec, mk, owed,
# plans_same, show3): one plan changed at both terminals offline (review
# R21b, fault 1: the central node refused the second reschedule with a
# raw "UNIQUE constraint failed: items.plan_id, items.inst_no", took a
# cancel over a reschedule, and the terminal that lost kept a debt and
# installment numbers of its own, its doctor failing). For every pair of
# changes (reschedule, cancel, each after a payment into the plan) and
# both orders of the syncs: the first change to reach the central node
# wins; the other is refused in words (the plan, what the other terminal
# did, what to do) and undone at its terminal, which then pulls the
# winner's; both terminals and the central node agree on the debt, the
# plan and its installments, and doctor passes everywhere.

## Review R21b, fault 1: one plan changed at two terminals offline
export PAYDESK_NOW=2025-09-04
k=0
accts=
while [ $k -lt 12 ]; do
	k=$((k + 1))
	accts="$accts WU-2004$(printf %02d $k)"
done
{
	echo 'account_no,name,service_address,phone,email,segment'
	for a in $accts; do echo "$a,Race ${a#WU-},1 Race Road,,,Residential"; done
} >"$T/race-c.csv"
{
	echo 'invoice_no,account_no,period,amount,issued_on,due_on'
	for a in $accts; do echo "INV-${a#WU-},$a,Jul 2025,90.01,2025-07-01,2025-07-15"; done
} >"$T/race-b.csv"
central import ACME consumers "$T/race-c.csv" >/dev/null &&
    central import ACME bills "$T/race-b.csv" >/dev/null ||
    echo "not ok - importing the race consumers"
t1 sync >/dev/null; t2 sync >/dev/null

# change N OP PLAN ACCOUNT: terminal N changes PLAN offline. OP: r
# (reschedule, terminal 1 in 3 weekly, terminal 2 in 4 monthly), c
# (cancel), pr / pc (20.00 paid into its #1 first, then r / c)
change() {
	case $2 in
	p*) rec "$1" pay "$4" --type installment --items "$3#1" --method Cash \
	        --amount 20 >/dev/null || echo "not ok - a payment into $3 at terminal $1" ;;
	esac
	case $2 in
	*r) if [ "$1" = 1 ]; then terms="--installments 3 --frequency weekly"
	    else terms="--installments 4 --frequency monthly"; fi
	    rec "$1" arrangement reschedule "$3" $terms --first-due 2025-10-01 \
	        --reason "Terms of terminal $1" >/dev/null ;;
	*c) rec "$1" arrangement cancel "$3" --reason "Gone, says terminal $1" >/dev/null ;;
	esac || echo "not ok - the change $2 of $3 at terminal $1"
}
# quarantine N: what terminal N's supervisor reads of its refused records
quarantine() { PAYDESK_PIN=2222 "$PD" --config "$T/t$1.ini" --user mary sync --quarantine; }
# open_items WHERE: the consumer's open items (ref:amount:settled)
open_items() { echo "SELECT group_concat(ref || ':' || amount || ':' || settled, ' ') FROM (SELECT i.ref, i.amount, i.settled FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE c.account_no = '$1' AND i.amount > i.settled ORDER BY i.ref) x"; }

# race ACCOUNT OP1 OP2 FIRST OWED STATE: terminals 1 and 2 change ACCOUNT's
# plan by OP1 and OP2 offline, terminal FIRST syncs first; then ACCOUNT
# owes OWED (minor units) everywhere and the plan shows STATE (Status,
# Reschedules, Paid, Left to pay) at both terminals
race() {
	acct=$1 op1=$2 op2=$3 first=$4
	second=$((3 - first))
	what="$op1 at T01, $op2 at T02, T0$first first"
	plan=$(mk 2 "$acct")
	t2 sync >/dev/null; t1 sync >/dev/null
	change 1 "$op1" "$plan" "$acct"
	change 2 "$op2" "$plan" "$acct"
	eval "won=\$op$first"
	expect "$what: terminal $first syncs first, nothing refused" 0 "Rejected    0" pdt "$first" sync
	expect "$what: terminal $second's change is refused" 0 "Rejected    1" pdt "$second" sync
	expect "$what: terminal $first pulls" 0 "" pdt "$first" sync
	case $won in
	*r) did=rescheduled ;;
	*c) did=cancelled ;;
	esac
	quarantine "$second" >"$T/q"
	same "$what: the refusal says in words which plan, what T0$first did, what to do, and the undo" \
	    "$(grep -c "Arrangement $plan was $did first at terminal T0$first (by rita, .*); this .* came later and is not taken: .*This terminal's change of arrangement $plan is undone" "$T/q")/$(grep -ci 'constraint\|Writing to the store' "$T/q")" "1/0"
	same "$what: $acct owes the same at both terminals and the central node" \
	    "$(owed "$acct" 1)/$(owed "$acct" 2)/$(owed "$acct" 0)" "$5/$5/$5"
	same "$what: its open items are the same everywhere" \
	    "$(tsql 1 "$(open_items "$acct")")/$(tsql 2 "$(open_items "$acct")")" \
	    "$(csql "$(open_items "$acct")")/$(csql "$(open_items "$acct")")"
	plans_same "$what: both terminals show the plan alike (installments, compliance)" "$plan"
	same "$what: the plan is T0$first's change: $6" "$(show3 1 "$plan")/$(show3 2 "$plan")" "$6/$6"
	same "$what: the central node's installments are the terminals'" \
	    "$(csql "SELECT group_concat(ref || ':' || amount || ':' || settled || ':' || due_on, ' ') FROM (SELECT * FROM items WHERE ref LIKE '$plan#%' ORDER BY ref) x")" \
	    "$(tsql "$second" "SELECT group_concat(ref || ':' || amount || ':' || settled || ':' || due_on, ' ') FROM (SELECT * FROM items WHERE ref LIKE '$plan#%' AND inst_no IS NOT NULL ORDER BY ref) x")"
	eval "lost=\$op$second"
	case $lost in
	*r) same "$what: terminal $second's own installments left the plan's numbering, closed, its undo audited" \
	        "$(tsql "$second" "SELECT count(*) || ' ' || sum(amount = settled) FROM items WHERE ref LIKE '$plan#%~____________' AND inst_no IS NULL")/$(tsql "$second" "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'arrangement' AND ref = '$plan'")" \
	        "$((second + 2)) $((second + 2))/1" ;;
	*c) same "$what: terminal $second's undo is audited" \
	        "$(tsql "$second" "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'arrangement' AND ref = '$plan'")" 1 ;;
	esac
	for n in 1 2; do
		pdt $n doctor >"$T/doc" 2>&1 && ok "$what: doctor at terminal $n" ||
		    { echo "not ok - $what: doctor at terminal $n"; grep problem "$T/doc" | head -3; }
	done
	expect "$what: doctor at the central node" 0 "ok" central doctor ACME
}

# reschedule against reschedule, cancel, each order; then after a
# payment of 20.00 into #1 at the terminal whose change wins or loses
race WU-200401 r r 1 9001 "Active 1 \$0.00 \$90.01 "
race WU-200402 r r 2 9001 "Active 1 \$0.00 \$90.01 "
race WU-200403 r c 1 9001 "Active 1 \$0.00 \$90.01 "
race WU-200404 r c 2 9001 "Cancelled 0 \$0.00 \$0.00 "
race WU-200405 c r 1 9001 "Cancelled 0 \$0.00 \$0.00 "
race WU-200406 c r 2 9001 "Active 1 \$0.00 \$90.01 "
race WU-200407 c c 1 9001 "Cancelled 0 \$0.00 \$0.00 "
race WU-200408 c c 2 9001 "Cancelled 0 \$0.00 \$0.00 "
race WU-200409 pr c 1 7001 "Active 1 \$20.00 \$70.01 "
race WU-200410 pr c 2 7001 "Cancelled 0 \$20.00 \$0.00 "
race WU-200411 pc r 2 7001 "Active 1 \$20.00 \$70.01 "
race WU-200412 pr r 2 7001 "Active 1 \$20.00 \$70.01 "

# the terminal that lost changes the plan again: its installments are
# numbered on after the central node's, which takes the change
expect "terminal 1 reschedules WU-200402's plan again (it lost the race)" 0 "" \
    rec 1 arrangement reschedule "$(tsql 1 "SELECT p.plan_no FROM arrangements a JOIN plans p ON p.id = a.plan_id JOIN consumers c ON c.id = a.consumer_id WHERE c.account_no = 'WU-200402'")" \
    --installments 2 --frequency weekly --first-due 2025-11-05 --reason Again
expect "the central node takes it" 0 "Rejected    0" t1 sync
expect "terminal 2 pulls it" 0 "" t2 sync
plans_same "both terminals show the plan rescheduled twice alike" \
    "$(tsql 1 "SELECT p.plan_no FROM arrangements a JOIN plans p ON p.id = a.plan_id JOIN consumers c ON c.id = a.consumer_id WHERE c.account_no = 'WU-200402'")"
same "WU-200402 owes 90.01 everywhere, on two new installments" \
    "$(owed WU-200402 1)/$(owed WU-200402 2)/$(owed WU-200402 0)/$(csql "SELECT count(*) FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE c.account_no = 'WU-200402' AND i.amount > i.settled")" \
    "9001/9001/9001/2"
for n in 1 2; do expect "doctor at terminal $n after it" 0 "ok" pdt $n doctor; done

# the store still refuses to make a cancelled plan live again around
# paydesk: terminal 2 undid its own cancel of WU-200407's plan, but the
# plan's latest cancel, terminal 1's, is not undone (migration 71)
p7=$(tsql 2 "SELECT p.plan_no FROM arrangements a JOIN plans p ON p.id = a.plan_id JOIN consumers c ON c.id = a.consumer_id WHERE c.account_no = 'WU-200407'")
same "an update that makes $p7 live again is refused by the store" \
    "$(tsql 2 "UPDATE arrangements SET cancelled = 0 WHERE plan_id = (SELECT id FROM plans WHERE plan_no = '$p7')" 2>&1 | grep -c 'a cancelled arrangement cannot be changed')/$(tsql 2 "SELECT a.cancelled FROM arrangements a JOIN plans p ON p.id = a.plan_id WHERE p.plan_no = '$p7'")" "1/1"
same "so is any other change of it" \
    "$(tsql 2 "UPDATE arrangements SET n_inst = 5 WHERE plan_id = (SELECT id FROM plans WHERE plan_no = '$p7')" 2>&1 | grep -c 'a cancelled arrangement cannot be changed')" 1
