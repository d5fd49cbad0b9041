#!/bin/sh
# R21b (s41): offline at both terminals: T02 arranges A-2's $340.00 (B4
# $300.00, S2 $40.00) in 2 x $170.00 and takes $100.00 on the plan; T03, not
# knowing the plan, takes $250.00 on B4. T03 syncs first, then T02. $350.00
# was paid on $340.00: A-2 owes nothing and has $10.00 of credit. T03 (and
# the central node) say so; T02 says A-2 still owes $10.00 on #1 (and has the
# $10.00 credit), the plan Active with $10.00 left, and its doctor finds its
# own store wrong ("its installments come to 10000 but it holds 9000").
# T02 first, then T03: every node says A-2 owes nothing with NO credit
# ($10.00 of the $350.00 paid is gone) and every doctor, the central node's
# too, finds that problem. The script runs both orders.
FIRST=${R21B_FIRST:-t3}
if [ "$FIRST" = t3 ]; then R21B_FIRST=t2 sh "$0"; OTHER=$?; else OTHER=0; fi
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
start_central
PAYDESK_PIN=7291 t2 --user rec arrangement create A-2 --installments 2 --frequency weekly --first-due 2026-12-09 --reason r >/dev/null ||
	fail "arrangement at T02"
PAYDESK_PIN=5283 t2 --user cash shift open >/dev/null 2>&1
PAYDESK_PIN=5283 t2 --user cash pay A-2 --type installment --method "Credit Card" --reference "AU 1" --amount 100 >/dev/null ||
	fail "T02 pays the plan"
PAYDESK_PIN=5283 t3 --user cash shift open >/dev/null 2>&1
PAYDESK_PIN=5283 t3 --user cash pay A-2 --type bill --method "Credit Card" --reference "AU 2" --amount 250 >/dev/null ||
	fail "T03 pays B4"
if [ "$FIRST" = t3 ]; then order="t3 t2 t3 t2"; else order="t2 t3 t2 t3"; fi
echo "# $FIRST syncs first"
for t in $order; do $t sync >/dev/null 2>&1; done
for t in t2 t3; do
	o=$(PAYDESK_PIN=618394 $t --user sup consumer show A-2 | sed -n 's/^ *Total outstanding *//p')
	c=$(PAYDESK_PIN=618394 $t --user sup consumer show A-2 | sed -n 's/^ *Available credit *//p')
	s=$(PAYDESK_PIN=7291 $t --user rec arrangement show AR-T02-000001 | sed -n 's/^Status *//p')
	check "$t: A-2 owes nothing, has \$10.00 credit, the plan Completed" '$0.00 $10.00 Completed' "$o $c $s"
	$t doctor >/dev/null 2>&1 && ok "$t: doctor ok" || fail "$t: doctor: $($t doctor 2>&1 | grep problem | head -1)"
done
"$C" --config "$W/central.ini" doctor ORG1 >/dev/null 2>&1 && ok "central doctor ok" || fail "central doctor finds a problem"
[ "$OTHER" = 0 ] || FAILS=$((FAILS + 1))
finish
