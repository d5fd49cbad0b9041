# Review 21: a plan rescheduled at T02 while T03 (offline from it) cancels
# it, T03 syncing first. The central node keeps the cancel and refuses the
# reschedule ("is another one, or cancelled": not saying why), but T02
# keeps its reschedule: there the plan is Cancelled (pulled) yet its new
# installments stay open (Left to pay 340.00 on a cancelled plan) and B4
# and S2 stay settled, where T03 and the central node have them open again.
. tests/review/r21_lib.sh
start_central
f=$(date -d '+10 days' +%F)
PAYDESK_PIN=7291 t2 --user rec arrangement create A-2 --installments 2 --frequency weekly \
	--first-due "$f" --reason a >/dev/null || fail "create"
t2 sync >/dev/null; t3 sync >/dev/null
PAYDESK_PIN=7291 t2 --user rec arrangement reschedule AR-T02-000001 --installments 4 \
	--frequency weekly --first-due "$f" --reason b >/dev/null || fail "reschedule"
PAYDESK_PIN=7291 t3 --user rec arrangement cancel AR-T02-000001 --reason c >/dev/null ||
	fail "cancel"
t3 sync >/dev/null; t2 sync >/dev/null 2>&1; t3 sync >/dev/null; t2 sync >/dev/null 2>&1
for t in t2 t3; do
	check "$t: the plan is Cancelled" Cancelled \
		"$(PAYDESK_PIN=7291 $t --user rec arrangement show AR-T02-000001 | sed -n 's/^Status *//p')"
	check "$t: nothing left to pay on it" '$0.00' \
		"$(PAYDESK_PIN=7291 $t --user rec arrangement show AR-T02-000001 | sed -n 's/^Left to pay *//p')"
	check "$t: B4 and S2 open again" 2 \
		"$(PAYDESK_PIN=618394 $t --user sup consumer show A-2 | grep -c 'Bill B4\|Service S2')"
	check "$t: no installment open" 0 \
		"$(PAYDESK_PIN=618394 $t --user sup consumer show A-2 | grep -c 'Installment AR-')"
done
finish
