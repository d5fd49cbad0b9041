# Review 21: the receipt of a payment of an arrangement's down payment
# calls it "Installment 1" (Plan AR-T01-000001 #1 Installment 1, due ...),
# where the preview, the plan and the screens call it the down payment.
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
make_store "$DB"
rec arrangement create A-1 --installments 3 --frequency monthly --first-due 2026-12-31 \
	--down 20 --reason Hardship >/dev/null || fail "create"
cash pay A-1 --type installment --method "Bank Transfer" --amount 20 >/dev/null || fail "pay"
pdf=$XDG_DATA_HOME/paydesk/receipts/R-T01-000001.pdf
txt=$(pdftotext -layout "$pdf" - | sed 's/  */ /g')
check "the receipt's line names the down payment" 1 \
	"$(echo "$txt" | grep 'AR-T01-000001' | grep -c -i 'down payment')"
finish
