#!/bin/sh
# R21 (s40): sync --retry of the credit note of an uphold this terminal undid
# (T02 rejected the dispute first). paydesk(1)/README: a record undone so is
# refused by --retry, exit status 17, nothing queued. The credit note is part
# of the uphold ("an uphold and its void or credit note are taken or refused
# together"); queued again, it must not reach the central node as a credit
# T01 itself shows Voided.
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 50 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --credit 8 >/dev/null
p T02 rita dispute reject DP-T01-000001 --note "holder confirmed" >/dev/null
s T02; s T01; s T02
u=$(p T01 mary --csv sync --quarantine | grep ",credit_note," | cut -d, -f1)
echo "# quarantined credit note: $u"
why=$(p T01 mary --csv sync --quarantine | grep ",credit_note,")
case $why in *undone* | *oided*) ok "the credit note's reason says it was voided here: $why" ;;
*) nok "the credit note's refusal does not say this terminal voided it (the void's says \"This terminal's void is undone\"): $why" ;; esac
o=$(p T01 mary sync --retry "$u"); rc=$?
check "sync --retry of the undone uphold's credit note: status 17 (got $rc: $o)" [ $rc = 17 ]
s T01; s T02
c1=$(p T01 admin credit-notes --scope org | grep -c Active)
c2=$(p T02 admin credit-notes --scope org | grep -c Active)
p T02 admin credit-notes --scope org | sed 's/^/# T02 /'
p T01 admin credit-notes --scope org | sed 's/^/# T01 /'
check "after the retry and a sync, T01 and T02 agree on the Active credit notes (T01 $c1, T02 $c2)" [ "$c1" = "$c2" ]
check "and the dispute rejected is not backed by an Active credit note at T02 ($c2)" [ "$c2" = 0 ]
finish
