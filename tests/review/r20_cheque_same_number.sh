#!/bin/sh
# R20 (s40): two cheques of one number in one shift. Cheque numbers are a
# cheque book's, not unique: two payers' cheques 105 (10.00 and 12.00) are
# both taken (pay accepts the reference twice, nothing said), but the blind
# close refuses to count them ("Cheque 105 is listed twice"), so the cashier
# must count one "cheque 105" of 22.00: the slip then lists one cheque that
# does not exist, and one of the two can never be held back from a deposit.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 5000x2 >/dev/null 2>&1 || nok "open"
jane pay WU-10007 --type mixed --method Cheque --amount 10.00 --reference 105 >/dev/null 2>&1 || nok "pay 1"
jane pay WU-10008 --type mixed --method Cheque --amount 12.00 --reference 105 >/dev/null 2>&1 || nok "pay 2"
out=$(jane shift close --count 5000x2 --cheque "105:10.00;105:12.00" 2>&1); rc=$?
if [ "$rc" -eq 0 ]; then ok "two cheques 105 counted"
else nok "the close refuses two cheques of one number the shift took (exit $rc): $(echo "$out" | tail -1)"; fi
finish
