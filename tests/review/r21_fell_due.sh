# Review 21: an installment paid ahead of its due date counts as one that
# "fell due": the day a plan is made, a consumer who pays the down payment
# and the next installment (due in a month) shows "Fell due 2" and a
# compliance rate of 100.0% (paydesk(1): "the installments paid on time out
# of those that fell due"; only the down payment has fallen due).
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
make_store "$DB"
rec arrangement create A-1 --installments 7 --frequency monthly --first-due 2026-12-31 \
	--down 20 --reason Hardship >/dev/null || fail "create"
cash pay A-1 --type installment --method "Bank Transfer" --amount 56.43 >/dev/null || fail "pay"
export PAYDESK_NOW="2026-12-03 09:00:00" # the down payment (due 12-02) has fallen due
check "fell due: the down payment only" 1 \
	"$(rec --csv arrangement list | tr -d '\r' | awk -F, 'NR == 2 {print $7}')"
finish
