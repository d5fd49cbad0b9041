#!/bin/sh
# R21b (s41): T02 arranges A-2's $340.00 (2 x $170.00) and takes $100.00 on
# it; both sync. Offline: T03 upholds a dispute of that payment by a $30.00
# credit note and applies it to #1; T02 cancels the plan. Both orders:
#  - T03 first: T03 and the central node say A-2 owes $210.00 (the credit
#    paid #1 before the cancel); T02 says $240.00 and its doctor fails.
#  - T02 first: the central node refuses T03's application (#1 closed by the
#    cancel): T02 says $240.00 with $30.00 of credit, but T03 keeps its
#    refused application: $210.00, no credit.
# Every terminal should end where the central node is.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
FIRST=${R21B_FIRST:-t3}
if [ "$FIRST" = t3 ]; then R21B_FIRST=t2 sh "$0"; OTHER=$?; else OTHER=0; fi
echo "# $FIRST syncs first"
start_central
R2() { PAYDESK_PIN=7291 t2 --user rec "$@"; }
S2() { PAYDESK_PIN=618394 t2 --user sup "$@"; }
S3() { PAYDESK_PIN=618394 t3 --user sup "$@"; }
R2 arrangement create A-2 --installments 2 --frequency weekly --first-due 2026-12-09 --reason r >/dev/null || fail "create"
PAYDESK_PIN=5283 t2 --user cash pay A-2 --type installment --method "Credit Card" --reference "AU 1" --amount 100 >/dev/null ||
	fail "pay"
t2 sync >/dev/null 2>&1; t3 sync >/dev/null 2>&1
PAYDESK_PIN=7291 t3 --user rec dispute open R-T02-000001 --reason amount-contested >/dev/null || fail "dispute open"
S3 dispute uphold DP-T03-000001 --credit 30 >/dev/null || fail "uphold by credit"
S3 credit-note apply CN-T03-00001 --to AR-T02-000001#1 --amount 30 >/dev/null || fail "apply"
R2 arrangement cancel AR-T02-000001 --reason stop >/dev/null || fail "cancel"
if [ "$FIRST" = t3 ]; then order="t3 t2 t3 t2"; else order="t2 t3 t2 t3"; fi
for t in $order; do $t sync >/dev/null 2>&1; done
v2=$(S2 consumer show A-2 | sed -n 's/^ *\(Total outstanding\|Available credit\) *//p' | tr '\n' ' ')
v3=$(S3 consumer show A-2 | sed -n 's/^ *\(Total outstanding\|Available credit\) *//p' | tr '\n' ' ')
echo "# T02: $v2; T03: $v3"
check "T02 and T03 agree on A-2 (owed, credit)" "$v3" "$v2"
for t in t2 t3; do $t doctor >/dev/null 2>&1 && ok "$t doctor ok" || fail "$t doctor: $($t doctor 2>&1 | grep problem | head -1)"; done
[ "$OTHER" = 0 ] || FAILS=$((FAILS + 1))
finish
