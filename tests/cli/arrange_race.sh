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
while [ $k -lt 16 ]; do
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
# Reschedules, Paid, Paid to items, Left to pay) at both terminals
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
	expect "$what: terminal $second's change is refused" 20 "Rejected    1" pdt "$second" sync
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
race WU-200401 r r 1 9001 "Active 1 \$0.00 \$0.00 \$90.01 "
race WU-200402 r r 2 9001 "Active 1 \$0.00 \$0.00 \$90.01 "
race WU-200403 r c 1 9001 "Active 1 \$0.00 \$0.00 \$90.01 "
race WU-200404 r c 2 9001 "Cancelled 0 \$0.00 \$0.00 \$0.00 "
race WU-200405 c r 1 9001 "Cancelled 0 \$0.00 \$0.00 \$0.00 "
race WU-200406 c r 2 9001 "Active 1 \$0.00 \$0.00 \$90.01 "
race WU-200407 c c 1 9001 "Cancelled 0 \$0.00 \$0.00 \$0.00 "
race WU-200408 c c 2 9001 "Cancelled 0 \$0.00 \$0.00 \$0.00 "
race WU-200409 pr c 1 7001 "Active 1 \$20.00 \$0.00 \$70.01 "
race WU-200410 pr c 2 7001 "Cancelled 0 \$20.00 \$0.00 \$0.00 "
race WU-200411 pc r 2 7001 "Active 1 \$20.00 \$0.00 \$70.01 "
race WU-200412 pr r 2 7001 "Active 1 \$20.00 \$0.00 \$70.01 "

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

## helper-253, fault 1: a reschedule the central node refused (its
## maker no longer of the recovery role there) is undone at its
## terminal; that terminal's next reschedule, after installments were
## missed, read the undone one as the change that first closed them
## (before they fell due): "Replaced" there, "Missed, replaced" at the
## other, and a compliance rate of 100 % against 0 %
PU=$(rec 1 arrangement create WU-200413 --installments 3 --frequency weekly \
    --first-due 2025-09-08 --reason Hardship | sed -n 's/^Arrangement  *//p')
t1 sync >/dev/null; t2 sync >/dev/null
printf 'username,full_name,role,pin\nrita,Rita Ochoa,%s,4321\n' cashier >"$T/rita-c.csv"
printf 'username,full_name,role,pin\nrita,Rita Ochoa,%s,4321\n' recovery >"$T/rita-r.csv"
central import ACME users "$T/rita-c.csv" --update >/dev/null ||
    echo "not ok - rita a cashier at the central node"
expect "terminal 1 reschedules $PU on Sep 5, before its #1 is due" 0 "" \
    env PAYDESK_NOW=2025-09-05 PAYDESK_PIN=4321 "$PD" --config "$T/t1.ini" \
    --user rita arrangement reschedule "$PU" --installments 2 \
    --frequency monthly --first-due 2025-10-01 --reason Early
expect "the central node refuses it (rita is a cashier there): undone" 20 \
    "Rejected    1" env PAYDESK_NOW=2025-09-05 "$PD" --config "$T/t1.ini" sync
central import ACME users "$T/rita-r.csv" --update >/dev/null ||
    echo "not ok - rita of the recovery role again"
t1 sync >/dev/null; t2 sync >/dev/null
# comp N: #1-#3's compliance at terminal N, then the plan's rate
comp() { PAYDESK_PIN=4321 "$PD" --config "$T/t$1.ini" --user rita --json \
    arrangement show "$PU" | python3 -c 'import json, sys
v = json.load(sys.stdin)
print(" ".join(i["state"] for i in v["installments"][:3]), v["compliance_percent"])'; }
export PAYDESK_NOW=2025-09-20
same "Sep 20: #1 and #2 missed at both terminals" "$(comp 1)/$(comp 2)" \
    "$(comp 2)/Missed Missed Upcoming 0.0"
expect "terminal 1 reschedules it again, on Sep 20" 0 "" rec 1 arrangement \
    reschedule "$PU" --installments 2 --frequency monthly \
    --first-due 2025-10-15 --reason "Lost job"
t1 sync >/dev/null; t2 sync >/dev/null
same "#1 and #2 were missed before they were replaced, at both terminals" \
    "$(comp 1)/$(comp 2)" \
    "Missed, replaced Missed, replaced Replaced 0.0/Missed, replaced Missed, replaced Replaced 0.0"
plans_same "both terminals show $PU alike after its second reschedule" "$PU"
export PAYDESK_NOW=2025-09-04

## Review R21b, fault 1, what was left (the lead's decision): a payment
## taken into what the losing change made (its new installments, or the
## items a losing cancel gave back) stands, and pays the debt as the
## central node has it: carried to the winning plan's open installments
## (oldest due first) or, the winner a cancel, to the items it gave back;
## what they cannot take is the consumer's credit. Before: the loser's
## undo stayed, the central node refused the payment ("item ... is not
## known here"), the winner's pull clashed on inst_no, doctor failed.
k=0
accts=
while [ $k -lt 16 ]; do
	k=$((k + 1))
	accts="$accts WU-2005$(printf %02d $k)"
done
{
	echo 'account_no,name,service_address,phone,email,segment'
	for a in $accts; do echo "$a,Carry ${a#WU-},2 Race Road,,,Residential"; done
} >"$T/carry-c.csv"
{
	echo 'invoice_no,account_no,period,amount,issued_on,due_on'
	for a in $accts; do echo "INV-${a#WU-},$a,Jul 2025,90.01,2025-07-01,2025-07-15"; done
} >"$T/carry-b.csv"
central import ACME consumers "$T/carry-c.csv" >/dev/null &&
    central import ACME bills "$T/carry-b.csv" >/dev/null ||
    echo "not ok - importing the carry consumers"
t1 sync >/dev/null; t2 sync >/dev/null
CREDIT_OF="SELECT coalesce(sum(n.amount - n.applied), 0) FROM credit_notes n
    JOIN consumers c ON c.id = n.consumer_id WHERE c.account_no = '%s'
    AND n.voided = 0"
PAYS_OF="SELECT group_concat(x, ' ') FROM (SELECT p.payment_no || ':' ||
    p.amount || ':' || p.receipt_no || ':' || p.method || ':' || p.status
    AS x FROM payments p JOIN consumers c ON c.id = p.consumer_id
    WHERE c.account_no = '%s' ORDER BY p.payment_no) y"
# credit_of N ACCOUNT / pays_of N ACCOUNT (N 0: the central node)
credit_of() {
	# shellcheck disable=SC2059
	q=$(printf "$CREDIT_OF" "$2")
	if [ "$1" = 0 ]; then csql "$q"; else tsql "$1" "$q"; fi
}
pays_of() {
	# shellcheck disable=SC2059
	q=$(printf "$PAYS_OF" "$2")
	if [ "$1" = 0 ]; then csql "$q"; else tsql "$1" "$q"; fi
}
# pay_into N OP PLAN ACCOUNT HOW: terminal N pays into what its change OP
# made: HOW part (20.00 into the first new installment, or of the bill
# a cancel gave back), first (that installment whole), all (90.01 over
# every new installment, or the whole bill), or NN.NN over the first two
pay_into() {
	case $2 in
	r) if [ "$1" = 1 ]; then news="$3#3,$3#4,$3#5"; whole=30
	   else news="$3#3,$3#4,$3#5,$3#6"; whole=22.50; fi
	   case $5 in
	   part) set -- "$1" "$3#3" 20 "$4" installment ;;
	   first) set -- "$1" "$3#3" "$whole" "$4" installment ;;
	   all) set -- "$1" "$news" 90.01 "$4" installment ;;
	   *) set -- "$1" "$3#3,$3#4" "$5" "$4" installment ;;
	   esac ;;
	c) case $5 in
	   part) set -- "$1" "INV-${4#WU-}" 20 "$4" bill ;;
	   all) set -- "$1" "INV-${4#WU-}" 90.01 "$4" bill ;;
	   *) set -- "$1" "INV-${4#WU-}" "$5" "$4" bill ;;
	   esac ;;
	esac
	rec "$1" pay "$4" --type "$5" --items "$2" --method Cash --amount "$3" \
	    >/dev/null || echo "not ok - a payment of $3 into $2 at terminal $1"
}

# time_of N ACCOUNT: what terminal N counts of ACCOUNT's payments, as a
# the administrator reads it (the organisation's) and in its rollups: the Average Collection Time's
# rows (receipt, item, amount, days), each payment's days to pay (the
# deteriorating payers) and its items paid late (their aging), non-empty
time_of() {
	PAYDESK_PIN=9999 "$PD" --config "$T/t$1.ini" --user admin --csv kpi \
	    --scope org --rows time | awk -F, -v a="$2" '$5 == a { printf "%s>%s:%s:%s ", $2, $3, $7, $8 }'
	tsql "$1" "SELECT 'days ' || coalesce(group_concat(x, ' '), '') FROM (SELECT p.payment_no || ':' || d.days AS x FROM pay_days d JOIN payments p ON p.id = d.payment_id JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = '$2' ORDER BY 1) y"
	tsql "$1" "SELECT 'late ' || coalesce(group_concat(x, ' '), '') FROM (SELECT i.ref || ':' || l.done AS x FROM item_late l JOIN items i ON i.id = l.item_id JOIN consumers c ON c.id = i.consumer_id WHERE c.account_no = '$2' ORDER BY 1) y"
}
# forecast_of N: the organisation's cash-flow forecast at terminal N, its
# 13 weeks ahead and 26 past
forecast_of() {
	PAYDESK_PIN=9999 "$PD" --config "$T/t$1.ini" --user admin --json report \
	    forecast --scope org --past 26
}
# carry ACCOUNT OP1 OP2 FIRST HOW OWED CREDIT [WINPAY]: terminals 1 and
# 2 change ACCOUNT's plan by OP1 and OP2 offline (r, c as change does);
# the one that syncs second (the loser) pays HOW into what its change
# made, the winner WINPAY into its own first (or, a cancel, the bill);
# then ACCOUNT owes OWED and has CREDIT everywhere (minor units)
carry() {
	acct=$1 op1=$2 op2=$3 first=$4
	second=$((3 - first))
	eval "lop=\$op$second; wop=\$op$first"
	what="carry: $op1 at T01, $op2 at T02, T0$first first, T0$second pays $5${8:+, T0$first ${8-}}"
	plan=$(mk 2 "$acct")
	t2 sync >/dev/null; t1 sync >/dev/null
	pq1=$(tsql 1 "SELECT count(*) FROM pull_quarantine")
	pq2=$(tsql 2 "SELECT count(*) FROM pull_quarantine")
	change 1 "$op1" "$plan" "$acct"
	# (DAY2: terminal 2's change, and its payment if it loses, are made
	# that day, after terminal 1's)
	(if [ -n "${DAY2-}" ]; then PAYDESK_NOW=$DAY2; export PAYDESK_NOW; fi
	change 2 "$op2" "$plan" "$acct"
	[ "$second" = 1 ] || pay_into "$second" "$lop" "$plan" "$acct" "$5")
	[ "$second" = 2 ] || pay_into "$second" "$lop" "$plan" "$acct" "$5"
	[ -z "${8-}" ] || pay_into "$first" "$wop" "$plan" "$acct" "$8"
	expect "$what: terminal $first syncs first, nothing refused" 0 "Rejected    0" pdt "$first" sync
	expect "$what: of terminal $second's, only its change is refused" 20 "Rejected    1" pdt "$second" sync
	expect "$what: terminal $first pulls" 0 "" pdt "$first" sync
	expect "$what: terminal $second pulls" 0 "" pdt "$second" sync
	quarantine "$second" >"$T/q"
	same "$what: the change's refusal in words, undone; the payment refused nowhere" \
	    "$(grep -c "This terminal's change of arrangement $plan is undone" "$T/q")/$(grep "$plan" "$T/q" | grep -ci "not known here\|constraint\|arrangement $plan stays")/$(tsql 1 "SELECT count(*) FROM pull_quarantine")/$(tsql 2 "SELECT count(*) FROM pull_quarantine")" \
	    "1/0/$pq1/$pq2"
	same "$what: $acct owes $6 with $7 of credit at both terminals and the central node" \
	    "$(owed "$acct" 1)/$(owed "$acct" 2)/$(owed "$acct" 0) $(credit_of 1 "$acct")/$(credit_of 2 "$acct")/$(credit_of 0 "$acct")" \
	    "$6/$6/$6 $7/$7/$7"
	same "$what: its open items are the same everywhere" \
	    "$(tsql 1 "$(open_items "$acct")")/$(tsql 2 "$(open_items "$acct")")" \
	    "$(csql "$(open_items "$acct")")/$(csql "$(open_items "$acct")")"
	same "$what: the payments are unchanged and alike everywhere (number, amount, receipt, tender, status)" \
	    "$(pays_of 1 "$acct")/$(pays_of 2 "$acct")" "$(pays_of 0 "$acct")/$(pays_of 0 "$acct")"
	same "$what: each payment holds the same items everywhere" \
	    "$(tsql 1 "SELECT group_concat(x, ' ') FROM (SELECT p.payment_no || '>' || i.ref || ':' || sum(a.amount) AS x FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN items i ON i.id = a.item_id JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = '$acct' GROUP BY p.payment_no, i.ref HAVING sum(a.amount) <> 0 ORDER BY 1) y")/$(tsql 2 "SELECT group_concat(x, ' ') FROM (SELECT p.payment_no || '>' || i.ref || ':' || sum(a.amount) AS x FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN items i ON i.id = a.item_id JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = '$acct' GROUP BY p.payment_no, i.ref HAVING sum(a.amount) <> 0 ORDER BY 1) y")" \
	    "$(csql "SELECT group_concat(x, ' ') FROM (SELECT p.payment_no || '>' || i.ref || ':' || sum(a.amount) AS x FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN items i ON i.id = a.item_id JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = '$acct' GROUP BY p.payment_no, i.ref HAVING sum(a.amount) <> 0 ORDER BY 1) y")/$(csql "SELECT group_concat(x, ' ') FROM (SELECT p.payment_no || '>' || i.ref || ':' || sum(a.amount) AS x FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN items i ON i.id = a.item_id JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = '$acct' GROUP BY p.payment_no, i.ref HAVING sum(a.amount) <> 0 ORDER BY 1) y")"
	plans_same "$what: both terminals show the plan alike" "$plan"
	same "$what: the Average Collection Time's rows, each payment's days to pay and its late items alike at both terminals (helper-240, fault 2)" \
	    "$(time_of 1 "$acct")/$(time_of 2 "$acct")" \
	    "$(time_of 2 "$acct")/$(time_of 1 "$acct")"
	# and the cash-flow forecast, its past weeks' paying on time and came
	# in with them: what a payment pays as it stands (a payment carried
	# off an undone installment counted of it at the loser, and of the
	# item it went to nowhere there)
	same "$what: the forecast, its history and past weeks alike at both terminals" \
	    "$(forecast_of 1)" "$(forecast_of 2)"
	case $lop in
	r) carried=1 ;;
	*) carried=0 ;;
	esac
	same "$what: the undo, and the payment's carry (into installments), audited at terminal $second" \
	    "$(tsql "$second" "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'arrangement' AND ref = '$plan' AND detail LIKE '%since%'")/$(tsql "$second" "SELECT count(*) FROM audit_log WHERE action = 'carry' AND entity = 'payment' AND detail LIKE 'arrangement=$plan %'")" "1/$carried"
	for n in 1 2; do
		pdt $n doctor >"$T/doc" 2>&1 && ok "$what: doctor at terminal $n" ||
		    { echo "not ok - $what: doctor at terminal $n"; grep problem "$T/doc" | head -3; }
	done
	expect "$what: doctor at the central node" 0 "ok" central doctor ACME
}
# a reschedule loses to a reschedule: part of, and a whole, new
# installment, carried to the winner's oldest due first
carry WU-200501 r r 2 part 7001 0
# the payment carried voided at its terminal, where it was taken
# (helper-254, fault 1: the void gave nothing back there, the rows it
# held naming what they were carried from; terminal 1 showed the
# installments paid, owed 20.00 less than the others, failed doctor and
# posted nothing more); so the dispute uphold's void
pv=$(tsql 1 "SELECT p.payment_no FROM payments p JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = 'WU-200501' AND p.terminal = 'T01'")
expect "carry: the carried payment $pv voided at terminal 1" 0 "" \
    sup1 payment void "$pv" --reason "Wrong account"
same "carry: it holds nothing at terminal 1 once voided" \
    "$(tsql 1 "SELECT sum(a.amount) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.payment_no = '$pv'")" 0
for n in 1 2 1; do t$n sync >/dev/null || echo "not ok - terminal $n syncs the void"; done
same "carry: WU-200501 owes 90.01 again at both terminals and the central node" \
    "$(owed WU-200501 1)/$(owed WU-200501 2)/$(owed WU-200501 0)" "9001/9001/9001"
plans_same "carry: both terminals show its plan alike after the void" \
    "$(tsql 1 "SELECT p.plan_no FROM arrangements a JOIN plans p ON p.id = a.plan_id JOIN consumers c ON c.id = a.consumer_id WHERE c.account_no = 'WU-200501' AND a.cancelled = 0")"
for n in 1 2; do
	pdt $n doctor >"$T/doc" 2>&1 && ok "carry: doctor at terminal $n after the void" ||
	    { echo "not ok - carry: doctor at terminal $n after the void"; grep problem "$T/doc" | head -3; }
done
carry WU-200502 r r 1 first 6751 0
# a reschedule loses to a cancel: carried to the bill it gave back
carry WU-200503 r c 2 part 7001 0
carry WU-200504 c r 1 all 0 0
# a cancel loses: the bill it gave back, paid, carried to the plan
carry WU-200505 c r 2 part 7001 0
carry WU-200506 r c 1 part 7001 0
carry WU-200507 r c 1 all 0 0
carry WU-200510 c r 2 all 0 0
# more than the winner's plan owes: the rest is credit
carry WU-200508 r r 1 all 0 4000 40
carry WU-200509 r c 2 all 0 4000 40
# a cancel that loses to a cancel, the bill paid at its terminal since
# (F21p2's race a, session 45): the loser's plan showed the payment as
# paid of the plan (Paid 20.00 at T02, 0.00 at T01 and the central node):
# its undo had the plan, live again, absorb the bill's payment on its
# create, and the winner's cancel pulled next left that absorption the
# create's; the pulled cancel takes it over (arrange_sync.c, take_over)
carry WU-200511 c c 1 part 7001 0
# a cancel that loses to a reschedule the winner's terminal took a
# payment into (22.50 into its #3), the bill paid whole (90.01) at the
# loser (F21p2's race b, session 45): at the loser the winner's payment
# held nothing (doctor: "payment balances ... amount 2250 but it holds
# 0"), and it owed 22.50 the others did not; then the plan's Paid was
# 112.51 there (#1 45.00 Settled) against 90.01 (#1 22.50 Replaced). The
# pulled payment's installment, closed by its own event (the reschedule)
# here, is opened again by that event taking over what it replaced there,
# the create's absorption of the bill's payment given back to the bill
# (svc_arr_reopen_pulled, replaced_first): every event nets as at the
# central node
carry WU-200512 c r 2 all 0 2250 first
# the same race the other way round (T01 reschedules, wins, and takes
# 30.00 into its #3), the loser paying part of the bill, and the winner
# paying two installments
carry WU-200514 r c 1 all 0 3000 first
carry WU-200515 c r 2 part 4751 0 first
carry WU-200516 c r 2 all 0 4500 45
# the winner paid 20.00 into #1 and rescheduled, the loser rescheduled
# and paid the day after: #1, Replaced, was "Paid on" the loser's day at
# the loser, by the loser's payment its undo carried into #1 and the
# pull took off it again, and the winner's day everywhere else
# (helper-242, fault 4); plans_same compares each installment's Paid on
DAY2=2025-09-05
carry WU-200513 pr r 1 part 5001 0
DAY2=
# (paid in part, its rest moved: no Paid on, its Last paid on that day;
# helper-245, fault 4)
same "carry: #1 of the plan of WU-200513, Replaced, last paid on the winner's day at both terminals" \
    "$(for n in 1 2; do rec $n --json arrangement show "$(tsql 1 "SELECT p.plan_no FROM plans p JOIN consumers c ON c.id = p.consumer_id WHERE c.account_no = 'WU-200513'")" | python3 -c 'import json, sys
v = json.load(sys.stdin)
print(" ".join(i["state"] + ":" + (i["paid_on"] or "-") + ":" + (i["last_paid_on"] or "-") for i in v["installments"] if i["ref"].endswith("#1")))'; done | tr '\n' /)" \
    "Replaced:-:2025-09-04/Replaced:-:2025-09-04/"
# migration 87 counts again the forecast's days that a reversal or a
# carry touched: T02's history and weeks put back as a store of version
# 86 counted them (a payment's first allocations), the store opened
NET_AGAIN="(SELECT (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM r)) + (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM b)))"
net_off() {
	tsql 2 "WITH b AS (SELECT i.consumer_id, i.due_on, sum(i.amount), sum((SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE a.item_id = i.id AND p.status IN ('Posted', 'Pending') AND p.paid_on <= i.due_on)) FROM items i GROUP BY 1, 2), r AS (SELECT consumer_id, due_on, due, on_time FROM due_paid) SELECT $NET_AGAIN"
	tsql 2 "WITH b AS (SELECT i.due_on, i.consumer_id, p.paid_on, sum(a.amount) FROM items i JOIN allocations a ON a.item_id = i.id JOIN payments p ON p.id = a.payment_id WHERE p.status IN ('Posted', 'Pending') GROUP BY 1, 2, 3), r AS (SELECT due_on, consumer_id, paid_on, paid FROM paid_by_day) SELECT $NET_AGAIN"
}
tsql 2 "DELETE FROM due_paid; INSERT INTO due_paid (consumer_id, due_on, due, on_time) SELECT i.consumer_id, i.due_on, sum(i.amount), sum((SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE a.item_id = i.id AND a.reverses IS NULL AND p.status IN ('Posted', 'Pending') AND p.paid_on <= i.due_on)) FROM items i GROUP BY 1, 2; DELETE FROM paid_by_day; INSERT INTO paid_by_day (due_on, consumer_id, paid_on, paid) SELECT i.due_on, i.consumer_id, p.paid_on, sum(a.amount) FROM allocations a JOIN payments p ON p.id = a.payment_id AND p.status IN ('Posted', 'Pending') JOIN items i ON i.id = a.item_id WHERE a.reverses IS NULL GROUP BY 1, 2, 3; PRAGMA user_version = 86"
same "migration 87: T02's history and weeks as version 86 counted them are off" \
    "$(net_off | grep -vc '^0$')" 2
expect "migration 87: T02's store opened, doctor finds nothing wrong" 0 "ok (" pdt 2 doctor
same "migration 87: its history and weeks count what is paid as it stands" "$(net_off | tr '\n' ' ')" "0 0 "
same "migration 87: the forecast alike at both terminals again" "$(forecast_of 1)" "$(forecast_of 2)"

## A terminal's plan series skips a number a plan pulled from the
## central node holds (section 5 forged AR-T01-000009 there; terminal 1
## pulled it): before, every create at terminal 1 reaching that number
## was refused "Plan AR-T01-000009 belongs to another consumer"
k=0
accts=
while [ $k -lt 16 ]; do
	k=$((k + 1))
	accts="$accts WU-2006$(printf %02d $k)"
done
{
	echo 'account_no,name,service_address,phone,email,segment'
	for a in $accts; do echo "$a,Series ${a#WU-},3 Race Road,,,Residential"; done
} >"$T/series-c.csv"
{
	echo 'invoice_no,account_no,period,amount,issued_on,due_on'
	for a in $accts; do echo "INV-${a#WU-},$a,Jul 2025,50.00,2025-07-01,2025-07-15"; done
} >"$T/series-b.csv"
central import ACME consumers "$T/series-c.csv" >/dev/null &&
    central import ACME bills "$T/series-b.csv" >/dev/null ||
    echo "not ok - importing the series consumers"
t1 sync >/dev/null
owner9=$(tsql 1 "SELECT c.account_no FROM arrangements a JOIN plans p ON p.id = a.plan_id JOIN consumers c ON c.id = a.consumer_id WHERE p.plan_no = 'AR-T01-000009'")
made= failed=0
for a in $accts; do
	p=$(mk 1 "$a")
	[ -n "$p" ] || failed=$((failed + 1))
	made="$made $p"
	case $p in AR-T01-0000[1-9][0-9]) break ;; esac
done
same "terminal 1's plans past AR-T01-000009 are made, none refused, the number skipped" \
    "$failed/$(echo "$made" | grep -c 'AR-T01-0000[1-9][0-9]')/$(echo "$made" | grep -c 'AR-T01-000009')/$(tsql 1 "SELECT c.account_no FROM arrangements a JOIN plans p ON p.id = a.plan_id JOIN consumers c ON c.id = a.consumer_id WHERE p.plan_no = 'AR-T01-000009'")" \
    "0/1/0/$owner9"
expect "the central node takes them" 0 "Rejected    0" t1 sync

## Review R21d (r21d_two_plans_paid): two plans of one debt made offline,
# the losing one paid at its counter before it synced. The central node
# refused the payment with the plan ("item ... is not known here"): cash
# taken at a counter never reached it, and the nodes disagreed for good.
# Now the plan is undone at its terminal though paid, the payment gives
# way there, and the central node carries what it paid to the consumer's
# open items as it has them (the winner's installments), oldest due
# first, the rest credit; the terminal pulls that version back. Cases:
# cash into the down payment, a cheque into two installments, the whole
# losing plan paid, and more than the winning plan owes (credit).
export PAYDESK_NOW=2025-09-04
accts="WU-200901 WU-200902 WU-200903"
{
	echo 'account_no,name,service_address,phone,email,segment'
	for a in $accts; do echo "$a,Twin ${a#WU-},5 Race Road,,,Residential"; done
} >"$T/twin-c.csv"
{
	echo 'invoice_no,account_no,period,amount,issued_on,due_on'
	for a in $accts; do echo "INV-${a#WU-},$a,Jul 2025,90.01,2025-07-01,2025-07-15"; done
} >"$T/twin-b.csv"
central import ACME consumers "$T/twin-c.csv" >"$T/twin.imp" 2>&1 &&
    central import ACME bills "$T/twin-b.csv" >>"$T/twin.imp" 2>&1 ||
    { echo "not ok - importing the twin consumers"; cat "$T/twin.imp"; }
t1 sync >/dev/null; t2 sync >/dev/null
# alloc_sum N PAYMENT_NO: what the payment holds of items, net, at node N
alloc_sum() {
	q="SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.payment_no = '$2'"
	if [ "$1" = 0 ]; then csql "$q"; else tsql "$1" "$q"; fi
}
# rshow N PAYMENT_NO: the items of its receipt's text at terminal N
rshow() { rec "$1" receipt "$2" --text | sed -n '/ITEMS PAID/,/^ *$/p'; }
# pshow N PAYMENT_NO: the items of the payment's details at terminal N
pshow() { rec "$1" payment show "$2" | sed -n '/amount analysis$/,/^$/p'; }
# twin ACCOUNT WHAT PAYARGS OWED HELD: both terminals arrange ACCOUNT
# offline (T01 first to sync), T02 pays PAYARGS into its own plan; then
# ACCOUNT owes OWED everywhere and the payment holds HELD of items at
# every node (the rest, the consumer's credit at the central node)
twin() {
	acct=$1 what="two plans of $1, the loser paid: $2"
	p1=$(rec 1 arrangement create "$acct" --installments 2 --frequency monthly --first-due 2025-10-01 --reason Hardship | sed -n 's/^Arrangement  *//p')
	p2=$(rec 2 arrangement create "$acct" --down 20 --installments 3 --frequency weekly --first-due 2025-09-20 --reason Hardship | sed -n 's/^Arrangement  *//p')
	[ -n "$p1" ] && [ -n "$p2" ] || echo "not ok - $what: the two plans"
	shift 2
	pa=$(echo "$1" | sed "s/PLAN/$p2/g")
	rec 2 pay "$acct" --type installment $pa >"$T/twin.out" 2>&1 ||
	    { echo "not ok - $what: the payment at T02"; cat "$T/twin.out"; }
	pno=$(sed -n 's/^Payment ID  *//p' "$T/twin.out")
	t1 sync >/dev/null
	expect "$what: T02's plan is refused, its payment taken" 20 "Rejected    1" t2 sync
	t1 sync >/dev/null; t2 sync >/dev/null
	same "$what: the payment is not in T02's quarantine" \
	    "$(quarantine 2 | grep -c "$pno")" 0
	same "$what: $acct owes the same at T01, T02 and the central node" \
	    "$(owed "$acct" 1)/$(owed "$acct" 2)/$(owed "$acct" 0)" "$2/$2/$2"
	same "$what: its open items are the same everywhere" \
	    "$(tsql 1 "$(open_items "$acct")")/$(tsql 2 "$(open_items "$acct")")" \
	    "$(csql "$(open_items "$acct")")/$(csql "$(open_items "$acct")")"
	same "$what: the payment holds the same of items at every node" \
	    "$(alloc_sum 1 "$pno")/$(alloc_sum 2 "$pno")/$(alloc_sum 0 "$pno")" "$3/$3/$3"
	same "$what: T02's plan is Cancelled, holding nothing; T01's alike at both" \
	    "$(show3 2 "$p2")" "Cancelled 0 \$0.00 \$0.00 \$0.00 "
	plans_same "$what: both terminals show the plan that won alike" "$p1"
	# the payment's details alike: what it holds now, of the plan that
	# won, no reversal of the refused plan's installments, nor its carry
	# called one (helper-234, fault 4)
	pshow 1 "$pno" >"$T/ps1"; pshow 2 "$pno" >"$T/ps2"
	same "$what: the payment's items the same at both terminals" \
	    "$(cat "$T/ps2")" "$(cat "$T/ps1")"
	# and its receipt's copy alike: the items it holds now (helper-236,
	# fault 3: each terminal printed what it held when it was taken)
	rshow 1 "$pno" >"$T/rs1"; rshow 2 "$pno" >"$T/rs2"
	same "$what: its receipt's items the same at both terminals" \
	    "$(cat "$T/rs2")" "$(cat "$T/rs1")"
	same "$what: the receipt lists the plan that won" \
	    "$(grep -c "$p1" "$T/rs2")/$(grep -c "$p2" "$T/rs2")" \
	    "$(grep -c "$p1#" "$T/ps2")/0"
	same "$what: each of the plan that won, none a reversal" \
	    "$(grep -c "$p1#" "$T/ps2")/$(grep -c "$p2#\|Reversal" "$T/ps2")" \
	    "$(tsql 2 "SELECT count(DISTINCT a.item_id) FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN items i ON i.id = a.item_id JOIN plans pl ON pl.id = i.plan_id WHERE p.payment_no = '$pno' AND pl.plan_no = '$p1'")/0"
	same "$what: the undo and the payment's giving way audited at T02" \
	    "$(tsql 2 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND ref = '$p2'")/$(tsql 2 "SELECT count(*) FROM audit_log WHERE action = 'carry' AND ref = '$pno'")" "1/1"
	for n in 1 2; do
		pdt $n doctor >"$T/doc" 2>&1 && ok "$what: doctor at terminal $n" ||
		    { echo "not ok - $what: doctor at terminal $n"; grep problem "$T/doc" | head -3; }
	done
	expect "$what: doctor at the central node" 0 "ok" central doctor ACME
}
twin WU-200901 "cash, the down payment" "--items PLAN#1 --method Cash --amount 20" 7001 2000
twin WU-200902 "a cheque, two installments" "--items PLAN#1,PLAN#2 --method Cheque --reference 77001 --amount 43.33" 4668 4333
twin WU-200903 "the whole plan" "--items PLAN#1,PLAN#2,PLAN#3,PLAN#4 --method Cash --amount 90.01" 0 9001

## helper-242, fault 2: a plan the central node refused for a reason of
# its own (here its maker, no longer a recovery officer there), no other
# plan of the debt there, paid at its counter by payments that selected
# more of its installments than they paid. Each was refused as "Amount
# due 9001 is more than consumer ...'s items of this type come to (3000)":
# the installments it selected and paid nothing were not there. Now each
# is taken and carried to the debt as the central node has it (the bill).
export PAYDESK_NOW=2025-09-04
printf 'account_no,name,service_address,phone,email,segment\nWU-200904,Lone Four,9 Race Road,,,Residential\n' >"$T/lone-c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-200904,WU-200904,Jul 2025,90.01,2025-07-01,2025-07-15\n' >"$T/lone-b.csv"
printf 'username,full_name,role,pin\nremy,Remy Lone,recovery,4321\n' >"$T/remy.csv"
central import ACME consumers "$T/lone-c.csv" >"$T/lone.imp" 2>&1 &&
    central import ACME bills "$T/lone-b.csv" >>"$T/lone.imp" 2>&1 &&
    central import ACME users "$T/remy.csv" >>"$T/lone.imp" 2>&1 ||
    { echo "not ok - importing the lone consumer and remy"; cat "$T/lone.imp"; }
t1 sync >/dev/null; t2 sync >/dev/null
what="a plan refused for its maker, paid beyond what it was paid"
pl=$(PAYDESK_PIN=4321 "$PD" --config "$T/t2.ini" --user remy arrangement create WU-200904 \
    --installments 3 --frequency weekly --first-due 2025-09-20 --reason Hardship | sed -n 's/^Arrangement  *//p')
[ -n "$pl" ] || echo "not ok - $what: remy's plan at T02"
pa=$(pdtc 2 pay WU-200904 --type installment --items "$pl#1,$pl#2,$pl#3" --method Cash --amount 10 |
    sed -n 's/^Payment ID  *//p')
pb=$(pdtc 2 pay WU-200904 --type installment --items "$pl#2,$pl#3" --method Cheque --reference 88001 --amount 5 |
    sed -n 's/^Payment ID  *//p')
[ -n "$pa" ] && [ -n "$pb" ] || echo "not ok - $what: two payments into it at T02"
printf 'username,full_name,role,pin\nremy,Remy Lone,cashier,4321\n' >"$T/remy.csv"
central import ACME users "$T/remy.csv" --update >"$T/lone.imp" 2>&1 ||
    { echo "not ok - remy a cashier at the central node"; cat "$T/lone.imp"; }
expect "$what: the plan is refused, its two payments taken" 20 "Rejected    1" t2 sync
t1 sync >/dev/null; t2 sync >/dev/null
quarantine 2 >"$T/q"
same "$what: neither payment is in T02's quarantine" \
    "$(grep -c "$pa\|$pb" "$T/q")" 0
same "$what: the refusal says why, and that the debt comes as the central node has it" \
    "$(grep -c "By remy is a cashier.*arrangement $pl is undone .*the pull brings the debt as the central node has it" "$T/q")" 1
same "$what: WU-200904 owes the same at T01, T02 and the central node" \
    "$(owed WU-200904 1)/$(owed WU-200904 2)/$(owed WU-200904 0)" "7501/7501/7501"
same "$what: its open items are the same everywhere" \
    "$(tsql 1 "$(open_items WU-200904)")/$(tsql 2 "$(open_items WU-200904)")" \
    "INV-200904:9001:1500/INV-200904:9001:1500"
for p in "$pa:1000" "$pb:500"; do
	same "$what: ${p%:*} holds ${p#*:} of the bill at every node" \
	    "$(alloc_sum 1 "${p%:*}")/$(alloc_sum 2 "${p%:*}")/$(alloc_sum 0 "${p%:*}")" "${p#*:}/${p#*:}/${p#*:}"
done
same "$what: the plan is Cancelled at T02, holding nothing" "$(show3 2 "$pl")" "Cancelled 0 \$0.00 \$0.00 \$0.00 "
for n in 1 2; do
	pdt $n doctor >"$T/doc" 2>&1 && ok "$what: doctor at terminal $n" ||
	    { echo "not ok - $what: doctor at terminal $n"; grep problem "$T/doc" | head -3; }
done
expect "$what: doctor at the central node" 0 "ok" central doctor ACME

## helper-244, fault 1 (in part): a plan paid into its fifth installment,
# cancelled at T02 offline and the debt the cancel gave back paid there
# (250.00 of two bills), while T01 rescheduled it and synced first. The
# central node took T02's payment after the reschedule: the plan's create
# gave way for the bills and took as much off its installments, the
# reschedule's reopened, which placed part of the create's absorption on
# #5; T02 had taken it before the reschedule, on #6. T02 then kept 2.49
# of #5 (Replaced) open and #10 2.49 less, for good. The pulled
# reschedule now moves the create's absorption so its moves fit
# (place_absorbed): both terminals and the central node owe the same on
# the same installments
export PAYDESK_NOW=2025-09-01
# five ACCOUNT AMOUNT OWED TERMS: the race, T02 paying AMOUNT of the
# bills, T01 rescheduling by TERMS; then ACCOUNT owes OWED everywhere,
# on the same installments
five() {
	acct=$1
	printf 'account_no,name,service_address,phone,email,segment\n%s,Five Paid,7 Race Road,,,Residential\n' "$acct" >"$T/five-c.csv"
	printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-%sA,%s,Jun 2025,300.00,2025-06-01,2025-06-20\nINV-%sB,%s,Jul 2025,250.01,2025-07-01,2025-07-20\nINV-%sC,%s,Aug 2025,100.00,2025-08-01,2025-09-20\n' \
	    "${acct#WU-}" "$acct" "${acct#WU-}" "$acct" "${acct#WU-}" "$acct" >"$T/five-b.csv"
	printf 'ref,account_no,description,amount,service_date\nSVC-%s,%s,Reconnection fee,45.00,2025-08-05\n' "${acct#WU-}" "$acct" >"$T/five-s.csv"
	central import ACME consumers "$T/five-c.csv" >"$T/five.imp" 2>&1 &&
	    central import ACME bills "$T/five-b.csv" >>"$T/five.imp" 2>&1 &&
	    central import ACME services "$T/five-s.csv" >>"$T/five.imp" 2>&1 ||
	    { echo "not ok - importing $acct"; cat "$T/five.imp"; }
	t1 sync >/dev/null; t2 sync >/dev/null
	what="a plan paid into #5, cancelled and $2 of its bills paid at T02, rescheduled ($4) at T01 first"
	pf=$(rec 1 arrangement create "$acct" --installments 7 --frequency monthly \
	    --first-due 2025-09-30 --down 50 --grace 5 --misses 1 --reason Hardship | sed -n 's/^Arrangement  *//p')
	[ -n "$pf" ] && pdtc 1 pay "$acct" --type installment --method Cash --amount 347.50 >/dev/null ||
	    echo "not ok - $what: the plan and 347.50 into it at T01"
	t1 sync >/dev/null; t2 sync >/dev/null
	rec 2 arrangement cancel "$pf" --reason "Moved away" >/dev/null &&
	    pdtc 2 pay "$acct" --type bill --method Cash --amount "$2" >/dev/null &&
	    rec 1 arrangement reschedule "$pf" $4 --reason "Promise to pay" >/dev/null ||
	    echo "not ok - $what: the changes offline"
	expect "$what: T01 syncs first" 0 "Rejected    0" t1 sync
	expect "$what: T02's cancel is refused" 20 "Rejected    1" t2 sync
	t1 sync >/dev/null; t2 sync >/dev/null
	same "$what: its open items are the same at T01, T02 and the central node" \
	    "$(tsql 1 "$(open_items "$acct")")/$(tsql 2 "$(open_items "$acct")")" \
	    "$(csql "$(open_items "$acct")")/$(csql "$(open_items "$acct")")"
	same "$what: it owes $3 everywhere" \
	    "$(owed "$acct" 1)/$(owed "$acct" 2)/$(owed "$acct" 0)" "$3/$3/$3"
	plans_same "$what: both terminals show the plan alike" "$pf"
	for n in 1 2; do
		pdt $n doctor >"$T/doc" 2>&1 && ok "$what: doctor at terminal $n" ||
		    { echo "not ok - $what: doctor at terminal $n"; grep problem "$T/doc" | head -3; }
	done
	expect "$what: doctor at the central node" 0 "ok" central doctor ACME
}
five WU-200920 250 9751 "--installments 4 --frequency weekly --first-due 2025-09-10"
same "  the first: on the reschedule's #9 and #10" \
    "$(tsql 2 "SELECT group_concat(ref, ' ') FROM (SELECT i.ref FROM items i JOIN consumers c ON c.id = i.consumer_id WHERE c.account_no = 'WU-200920' AND i.amount > i.settled ORDER BY i.ref)")" \
    "$pf#10 $pf#9"
five WU-200921 120 22751 "--installments 4 --frequency weekly --first-due 2025-09-10"
five WU-200922 180.40 16711 "--installments 3 --frequency monthly --first-due 2025-10-05"
# all the cancel gave back (297.51 of 347.51 open): before, the central
# node took 273.57 of it and made 23.94 credit while the plan still
# owed 73.94 (the create reopened its own move, reopen_for), and T02
# showed a bill open outside the plan; now it pays the bills whole
five WU-200924 297.51 5000 "--installments 3 --frequency monthly --first-due 2025-10-05"
same "  all of it: no credit at any node" \
    "$(credit_of 1 WU-200924)/$(credit_of 2 WU-200924)/$(credit_of 0 WU-200924)" 0/0/0
five WU-200923 60.25 28726 "--installments 2 --frequency fortnightly --first-due 2025-09-15"

## helper-245, fault 2: a plan made at T01 offline while T02 took a
# payment of one of its bills whole. The central node cut the plan's
# move of that bill to nothing; T01 had moved it and given way (net
# 0.00). T01 listed the bill at $0.00 among the items taken over, the
# other nodes did not. An item the plan holds nothing of is listed only
# where a cancel gave it back, at every node
export PAYDESK_NOW=2025-09-02
printf 'account_no,name,service_address,phone,email,segment\nWU-200930,Paid Meanwhile,8 Race Road,,,Residential\n' >"$T/pm-c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-20093A,WU-200930,Jun 2025,120.00,2025-06-01,2025-06-20\nINV-20093B,WU-200930,Jul 2025,150.00,2025-07-01,2025-07-20\nINV-20093C,WU-200930,Aug 2025,100.01,2025-08-01,2025-08-20\n' >"$T/pm-b.csv"
central import ACME consumers "$T/pm-c.csv" >"$T/pm.imp" 2>&1 &&
    central import ACME bills "$T/pm-b.csv" >>"$T/pm.imp" 2>&1 ||
    { echo "not ok - importing WU-200930"; cat "$T/pm.imp"; }
t1 sync >/dev/null; t2 sync >/dev/null
pm=$(rec 1 arrangement create WU-200930 --installments 3 --frequency monthly \
    --first-due 2025-10-01 --reason Hardship | sed -n 's/^Arrangement  *//p')
pdtc 2 pay WU-200930 --type bill --items INV-20093A --method Cash --amount 120 >/dev/null ||
    echo "not ok - WU-200930's first bill paid at T02"
t2 sync >/dev/null; t1 sync >/dev/null; t2 sync >/dev/null; t1 sync >/dev/null
plans_same "a plan made while the other terminal paid a bill of it: shown alike, items taken over too" "$pm"
same "  the bill paid meanwhile among the items taken over nowhere" \
    "$(for n in 1 2; do rec $n --json arrangement show "$pm" | python3 -c 'import json, sys
print(" ".join(i["ref"] for i in json.load(sys.stdin)["items"]))'; done | tr '\n' /)" \
    "INV-20093B INV-20093C/INV-20093B INV-20093C/"
