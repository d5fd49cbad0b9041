# Review 21: two terminals, offline from each other, make an arrangement of
# the same consumer's debt. The central node applies both (the debt of
# B6, 500.00, moved twice), and each terminal then holds its own plan with
# the debt and the other's as a husk "Paid 500.00, Left 0.00" (paid by no
# one): the terminals do not see the same ledger. The second plan should be
# refused (the item is no longer open), set aside at its terminal, and the
# debt left with the first plan everywhere.
. tests/review/r21_lib.sh
start_central
first=$(date -d '+10 days' +%F)
PAYDESK_PIN=7291 t2 --user rec arrangement create A-4 --installments 2 --frequency weekly \
	--first-due "$first" --reason a >/dev/null || fail "create at T02"
PAYDESK_PIN=7291 t3 --user rec arrangement create A-4 --installments 4 --frequency weekly \
	--first-due "$first" --reason b >/dev/null || fail "create at T03"
t2 sync >/dev/null; t3 sync >/dev/null; t2 sync >/dev/null; t3 sync >/dev/null
check "T03's plan of a debt already arranged is set aside at T03" 1 \
	"$(t3 --csv sync --quarantine | grep -c 'AR-T03-000001')"
for t in t2 t3; do
	check "$t: one live plan of A-4" 1 \
		"$(PAYDESK_PIN=7291 $t --user rec --csv arrangement list --consumer A-4 --status active |
			tail -n +2 | wc -l)"
	check "$t: no plan paid by no one" 0 \
		"$(PAYDESK_PIN=7291 $t --user rec --csv arrangement list --consumer A-4 |
			tr -d '\r' | grep -c ',500.00,500.00,0.00,')"
	check "$t: A-4's open items are AR-T02-000001's" 2 \
		"$(PAYDESK_PIN=618394 $t --user sup consumer show A-4 | grep -c 'Installment AR-T02-000001#')"
done
finish
