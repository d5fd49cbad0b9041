#!/bin/sh
# R21 (s40): T01 upholds a dispute by a void, then applies a credit note to the
# item the void opened; T02 rejects the dispute (or voids too) and syncs first.
# T01 undoes its void, the payment "allocated to the items it held before the
# void" - but the credit note's application took that room: after the round the
# item must still count every allocation and every credit application
# (amount = outstanding + payments' allocations + applied credit), and the
# credit note's remaining must agree with its applications.
. "$(dirname "$0")/r21c_lib.sh"
MODE=${1:-undone}
p T01 jane pay WU-10001 --type bill --method Cash --amount 150 --tendered 150 >/dev/null    # 145.50 INV-1234, 4.50 INV-1567
p T01 jane pay WU-10001 --type bill --method Cash --amount 20 --tendered 20 >/dev/null     # INV-1567
p T01 jane pay WU-10001 --type bill --method Cash --amount 10 --tendered 10 >/dev/null     # INV-1567
p T01 jane pay WU-10001 --type bill --method Cash --amount 117.75 --tendered 117.75 >/dev/null # INV-1567 paid
s T01; s T02
p T01 rita dispute open R-T01-000002 --reason chargeback >/dev/null
p T01 rita dispute open R-T01-000003 --reason amount-contested >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null   # INV-1567 open 20.00
p T01 mary dispute uphold DP-T01-000002 --credit 6 >/dev/null
p T01 jane credit-note apply CN-T01-00001 --to INV-2025-001567 --amount 6 >/dev/null   # open 14.00
case $MODE in
undone) p T02 rita dispute reject DP-T01-000001 --note no >/dev/null ;;
both) p T02 mary dispute uphold DP-T01-000001 --void >/dev/null ;;
esac
s T02; s T01; s T02
view() { # the debt and credit a terminal shows of John Doe, and the credit note
	p $1 admin consumer show WU-10001 | grep -E "Total outstanding|Available credit|INV-2025-001567"
	p $1 admin credit-note show CN-T01-00001 | grep -E "^Status|Remaining"
}
v1=$(view T01); v2=$(view T02)
echo "$v1" | sed 's/^/# T01 /'; echo "$v2" | sed 's/^/# T02 /'
check "$MODE: T01 and T02 show the same debt, credit and credit note once both synced" [ "$v1" = "$v2" ]
# T01 on its own: R-T01-000004's 117.75 taken before the void must not shrink
# unless what it gives up becomes credit (the consumer's money kept somewhere)
r4=$(p T01 admin payment show R-T01-000004 | sed -n 's/.*INV-2025-001567;.*Amount paid: \$\([0-9.]*\);.*/\1/p')
cr=$(p T01 admin consumer show WU-10001 | sed -n 's/^  Available credit *\$//p')
check "$MODE: T01 R-T01-000004 keeps 117.75 on INV-2025-001567 or gives the rest as credit (paid $r4, credit $cr)" \
	python3 -c "import sys; sys.exit(0 if abs(float('$r4')+float('$cr')-117.75)<0.001 or float('$r4')==117.75 else 1)"
d=$(p T01 admin doctor)
[ $FAIL = 0 ] || case $d in *": ok"*) nok "$MODE: T01 doctor still says ok (balances): $d" ;; esac
finish
