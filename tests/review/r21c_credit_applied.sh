#!/bin/sh
# R21 (s40): a dispute upheld by a credit note at T01 and the credit applied
# there, while T02 rejected the dispute and synced first. paydesk(1) DISPUTES:
# the uphold stays at T01 for a supervisor; the credit note's application must
# still be counted in the item it settles at T01 (as doctor claims balances ok).
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10001 --type bill --method Cash --amount 50 --tendered 50 >/dev/null
s T01; s T02
p T01 rita dispute open R-T01-000001 --reason amount-contested >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --credit 8 >/dev/null
p T01 jane credit-note apply CN-T01-00001 --to INV-2025-001567 --amount 8 >/dev/null
before=$(out T01 INV-2025-001567)
check "the application settles INV-2025-001567 by 8.00 at T01 (14425 left, got $before)" [ "$before" = 14425 ]
p T02 rita dispute reject DP-T01-000001 --note "holder confirmed" >/dev/null
s T02; s T01; s T02
st=$(p T01 admin credit-note show CN-T01-00001 | sed -n 's/^Status *//p')
after=$(out T01 INV-2025-001567)
echo "# T01 credit note $st, INV-2025-001567 outstanding $after"
if [ "$st" = Applied ]; then
	check "T01: CN-T01-00001 still Applied, its 8.00 still counted in INV-2025-001567 (14425, got $after)" [ "$after" = 14425 ]
else
	check "T01: CN-T01-00001 voided, INV-2025-001567 back to 15225 (got $after)" [ "$after" = 15225 ]
fi
d=$(p T01 admin doctor)
case $st/$after in Applied/14425 | Voided/15225) ok "consistent" ;; *)
	case $d in *": ok"*) nok "doctor says ok over an applied credit not counted in its item: $d" ;; esac ;;
esac
finish
