# Review 21: a consumer on the disconnection list makes an arrangement and
# pays nothing: the plan breaks, yet the consumer stays off the
# disconnection list (the debt, moved into installments, is dated by them)
# and the reconnection list says he was taken off because he Paid. The
# issue: the list holds those "not protected by an Active, compliant
# arrangement".
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2027-02-15 10:00:00"
make_store "$DB"
check "A-4 (500.00 due 2026-08-10) is on the list" "A-4,50000" \
	"$(rec --json disconnections | python3 -c 'import json,sys
for r in json.load(sys.stdin):
    if r["account_no"] == "A-4": print("%s,%d" % (r["account_no"], r["overdue"]))')"
rec arrangement create A-4 --installments 5 --frequency monthly --first-due 2027-03-01 \
	--reason Hardship >/dev/null || fail "create"
check "protected by the Active plan: off the list" "" \
	"$(rec --csv disconnections | grep '^A-4,')"
export PAYDESK_NOW="2027-03-05 09:00:00" # nothing paid: the first installment missed
check "the plan is Broken" "Broken" \
	"$(rec arrangement show AR-T01-000001 | sed -n 's/^Status *//p')"
check "a Broken plan protects no one: A-4 is on the disconnection list" 1 \
	"$(rec --csv disconnections | grep -c '^A-4,')"
check "A-4 is not on the reconnection list as Paid" "" \
	"$(rec --csv reconnections | tr -d '\r' | grep '^A-4,.*,Paid$')"
finish
