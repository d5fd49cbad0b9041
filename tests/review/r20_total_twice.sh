#!/bin/sh
# R20: a close's --total of a tender counted otherwise is added to it: --count
# 10000x1 --total "Cash=100" counts Cash 200.00 (over by 100.00, shown: it
# then stands); --slip "Credit Card=1:5" --total "Credit Card=5" counts 10.00.
# paydesk(1) says --total is for "other methods" (a tender with no
# denominations, slips or cheques); a tender counted two ways must be
# refused (3) before any result is shown.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 10000x1 >/dev/null 2>&1 || nok "open"
out=$(jane shift close --count 10000x1 --total "Cash=100" 2>&1); rc=$?
case "$out" in *'Counted: $200.00'*) nok "--count 10000x1 --total Cash=100 counted \$200.00 (exit $rc)";; *) ok "Cash not counted twice (exit $rc)";; esac
[ "$rc" -eq 3 ] || nok "--total of Cash beside --count: exit $rc, want 3"
finish
