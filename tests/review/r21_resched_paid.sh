# Review 21: a reschedule made at a terminal that had not pulled a payment
# of the plan taken at another: the plan's Paid (arrangement show and list)
# and report arrangements' Collected count that payment twice (once on the
# installments it paid, once again on the new installment it was taken off),
# at both terminals. Left to pay is right. The same when a plan is made at
# one terminal of a bill another terminal took a payment of meanwhile: the
# bill's payment counts as paid into the plan (Paid 20.00, no installment
# paid).
. tests/review/r21_lib.sh
start_central
first=$(date -d '+20 days' +%F)
PAYDESK_PIN=7291 t2 --user rec arrangement create A-1 --installments 7 --frequency monthly \
	--first-due "$first" --down 20 --misses 1 --reason Hardship >/dev/null || fail "create"
t2 sync >/dev/null; t3 sync >/dev/null
# T03 takes the down payment and the first installment (56.43) ...
PAYDESK_PIN=5283 t3 --user cash pay A-1 --type installment --method "Bank Transfer" \
	--amount 56.43 >/dev/null || fail "pay at T03"
# ... while T02, which has not pulled it, reschedules the whole plan
PAYDESK_PIN=7291 t2 --user rec arrangement reschedule AR-T02-000001 --installments 3 \
	--frequency weekly --first-due "$(date -d '+7 days' +%F)" --reason "Lost job" >/dev/null ||
	fail "reschedule at T02"
t2 sync >/dev/null; t3 sync >/dev/null; t2 sync >/dev/null
for t in t2 t3; do
	out=$(PAYDESK_PIN=7291 $t --user rec arrangement show AR-T02-000001)
	check "$t: left to pay" '$218.58' "$(echo "$out" | sed -n 's/^Left to pay *//p')"
	check "$t: paid is the one payment's 56.43" '$56.43' "$(echo "$out" | sed -n 's/^Paid *//p')"
	check "$t: report arrangements collected 56.43" 5643 \
		"$(PAYDESK_PIN=7291 $t --user rec --csv report arrangements | tail -n 1 | awk -F, '{print $NF}' |
			tr -d '.')"
done
# T02 arranges A-3's B5 (80.00) while T03 takes 20.00 of B5
PAYDESK_PIN=7291 t2 --user rec arrangement create A-3 --installments 2 --frequency weekly \
	--first-due "$first" --reason a >/dev/null || fail "create A-3"
PAYDESK_PIN=5283 t3 --user cash pay A-3 --type bill --method "Bank Transfer" --amount 20 \
	>/dev/null || fail "pay B5 at T03"
t3 sync >/dev/null; t2 sync >/dev/null; t3 sync >/dev/null
for t in t2 t3; do
	out=$(PAYDESK_PIN=7291 $t --user rec arrangement show AR-T02-000002)
	check "$t: A-3's plan left to pay" '$60.00' "$(echo "$out" | sed -n 's/^Left to pay *//p')"
	check "$t: A-3's plan paid nothing" '$0.00' "$(echo "$out" | sed -n 's/^Paid *//p')"
done
finish
