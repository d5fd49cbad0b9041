#!/bin/sh
# R21 (s40): an uphold by credit note whose credit was applied at T01 before
# the refusal "stays, its reason saying so, for a supervisor to put right"
# (paydesk(1) DISPUTES). The terminals then differ (T01 upheld with 8.00 of
# credit applied; the central node, T02, T03 rejected, no credit note). How is
# it put right? paydesk(1) names no way (no credit-note void; the credit note
# and its application sit in the quarantine). This checks that once each
# synced, the debt agrees, or that the documentation says what to do.
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 50 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --credit 8 >/dev/null
p T01 jane credit-note apply CN-T01-00001 --to INV-2025-001567 --amount 8 >/dev/null
p T02 rita dispute reject DP-T01-000001 --note "holder confirmed" >/dev/null
s T02; s T01; s T02
d1=$(p T01 admin consumer show WU-10001 | sed -n 's/^  Total outstanding *//p')
d2=$(p T02 admin consumer show WU-10001 | sed -n 's/^  Total outstanding *//p')
echo "# after the round: T01 owes $d1, T02 $d2"
p T01 mary --csv sync --quarantine | tail -n +2 | cut -d, -f2,3,6 | sed 's/^/# Q /'
if [ "$d1" = "$d2" ]; then ok "the terminals agree on the debt"
else
	doc=$(grep -c -i -E "credit.note.*(put right|supervisor).*(retry|void|credit-note)|to put (it )?right.*(retry|credit)" "$ROOT/man/paydesk.1")
	check "T01 owes $d1, T02 $d2: paydesk(1) says how a supervisor puts a staying uphold right ($doc lines)" [ "$doc" -gt 0 ]
fi
finish
