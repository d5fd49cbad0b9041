#!/bin/sh
# R21 (s40): T01's uphold by void is undone (T02 rejected the dispute first);
# the payment is then voided again at T01 by payment void, and synced: every
# terminal shows it Voided, the same debt, one void; a receipt reprint reads VOID.
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 50 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null
p T02 rita dispute reject DP-T01-000001 --note "holder confirmed" >/dev/null
s T02; s T01; s T02
o=$(p T01 mary payment void R-T01-000001 --reason "Wrong account"); rc=$?
check "T01 voids the payment again after its undone void (status $rc: $o)" [ $rc = 0 ]
s T01; s T02; s T03
for t in T01 T02 T03; do
	st=$(p $t admin payment show R-T01-000001 | sed -n 's/^  Status *//p' | head -1)
	d=$(p $t admin consumer show WU-10001 | sed -n 's/^  Total outstanding *//p')
	echo "# $t: $st, outstanding $d"
	check "$t: R-T01-000001 Voided, outstanding \$600.25 ($st, $d)" [ "$st/$d" = 'Voided/$600.25' ]
done
r=$(p T01 admin receipt R-T01-000001 --text | grep -c VOID)
check "T01's receipt reprint reads VOID ($r)" [ "$r" -ge 1 ]
q=$(p T01 mary --csv sync --quarantine | tail -n +2 | wc -l)
check "nothing more refused at T01 than the uphold and its void ($q rows)" [ "$q" = 2 ]
for t in T01 T02; do d=$(p $t admin doctor); case $d in *": ok"*) ok "$t doctor ok" ;; *) nok "$t doctor: $d" ;; esac; done
finish
