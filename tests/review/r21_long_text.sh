# Review 21: a note or reason within its limit in characters but of 512
# bytes or more (accented or CJK letters: 2 or 3 bytes each) aborts the
# program (SIGABRT, exit 134, nothing said): alerts note (500 chars),
# dispute open/review/reject --note (500), payment void --reason (500),
# arrangement reschedule and cancel --reason (200). ASCII of the same
# length is taken; so is a credit note's remark of 500 accented letters.
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
make_store "$DB"
e() { python3 -c "print('$1' * $2)"; }
rec arrangement create A-1 --installments 3 --frequency weekly --first-due 2026-12-20 \
	--reason x >/dev/null || fail "create"
cash pay A-2 --type bill --method "Bank Transfer" --amount 10 >/dev/null || fail "pay"
cash pay A-3 --type bill --method "Bank Transfer" --amount 10 >/dev/null || fail "pay"
rec arrangement reschedule AR-T01-000001 --installments 2 --frequency weekly \
	--first-due 2026-12-20 --reason "$(e 中 200)" >/dev/null 2>&1
check "reschedule --reason of 200 CJK letters" 0 $?
rec arrangement cancel AR-T01-000001 --reason "$(e 中 200)" >/dev/null 2>&1
check "cancel --reason of 200 CJK letters" 0 $?
rec dispute open R-T01-000001 --reason other --note "$(e é 300)" >/dev/null 2>&1
check "dispute open --note of 300 accented letters" 0 $?
rec dispute open R-T01-000001 --reason other >/dev/null 2>&1
rec dispute review DP-T01-000001 --note "$(e é 300)" >/dev/null 2>&1
check "dispute review --note of 300 accented letters" 0 $?
rec dispute reject DP-T01-000001 --note "$(e é 500)" >/dev/null 2>&1
check "dispute reject --note of 500 accented letters" 0 $?
sup payment void R-T01-000002 --reason "$(e é 300)" >/dev/null 2>&1
check "payment void --reason of 300 accented letters" 0 $?
export PAYDESK_NOW="2026-12-31 09:00:00" # the plan's pass: alerts to note
id=$(rec --csv alerts --status all | tr -d '\r' | awk -F, 'NR == 2 {print $1}')
[ -n "$id" ] || { setcfg overdue_days 30; id=$(rec --csv alerts | tr -d '\r' | awk -F, 'NR == 2 {print $1}'); }
rec alerts note "$id" "$(e é 300)" >/dev/null 2>&1
check "alerts note of 300 accented letters" 0 $?
finish
