#!/bin/sh
# R21d (s42): two terminals arrange one debt offline, and the loser's plan is
# paid at its counter before it syncs. paydesk(1): "A plan of a debt that
# another terminal arranged first is refused ... One whose installments
# were paid here ... stays, its reason saying so: cancel or reschedule the
# plan again"; "once each has synced every terminal shows the central
# node's ... debt". T01 arranges WU-10001's $600.25 (2 monthly); T02
# arranges it too ($100.00 down + 3 weekly) and takes the $100.00 down
# payment in cash. T01 syncs first. The central node refuses T02's plan
# (kept at T02, as documented) and also refuses the $100.00 payment ("item
# AR-T02-000001#1 ... is not known here"). Following the advice, a
# recovery officer cancels AR-T02-000001 at T02: that cancel is refused too
# ("No payment arrangement") and undone, so T02 is back to owing $500.25 on
# AR-T02-000001's installments, T01 (and the central node) $600.25 on
# AR-T01-000001's, and the $100.00 cash taken at T02 never reaches the
# central node. Nothing offered puts the two terminals together again.
# Written from the documentation only.
# Fixed in s43 (s43-L): the refused plan is undone though paid, the
# payment gives way at T02, and the central node carries what it paid
# into the refused plan to WU-10001's open items as it has them (T01's
# plan's installments), pulled back by T02: no cancel is needed any more
# (paydesk(1) arrangement, "Several terminals"), and one is refused as the
# plan is Cancelled already.
. "$(dirname "$0")/r21c_lib.sh"
p T01 rita arrangement create WU-10001 --installments 2 --frequency monthly --first-due 2025-07-01 --reason a >/dev/null || nok "T01's plan"
p T02 rita arrangement create WU-10001 --installments 3 --frequency weekly --first-due 2025-06-20 --down 100 --reason b >/dev/null || nok "T02's plan"
p T02 jane shift open >/dev/null
p T02 jane pay WU-10001 --type installment --amount 100 --method Cash >/dev/null || nok "T02's payment"
s T01; s T02; s T01; s T02
case "$(p T02 rita arrangement show AR-T02-000001)" in
*Cancelled*) ok "T02's refused plan is undone though paid (Cancelled)" ;;
*) nok "T02's refused plan is not undone" ;; esac
s T02; s T01; s T02; s T01
tot() { p $1 admin consumer show WU-10001 | sed -n 's/^  Total outstanding *//p'; }
a=$(tot T01); b=$(tot T02)
echo "# T01 owes $a, T02 owes $b"
p T02 admin sync --quarantine | sed -n '2,$p' | cut -c1-60,120-300 | sed 's/^/# quarantine: /'
if [ "$a" = "$b" ]; then ok "T01 and T02 agree on WU-10001's debt ($a)"
else nok "T01 and T02 disagree on WU-10001's debt after the documented remedy: $a and $b"; fi
if p T02 admin sync --quarantine | grep -q 'PAY-T02-2025-000001'; then
	nok "the \$100.00 cash taken at T02 is refused by the central node (in T02's quarantine)"
else ok "the \$100.00 payment reached the central node"; fi
if p T01 admin payment show R-T02-000001 >/dev/null 2>&1; then ok "T01 has T02's payment"
else nok "T01 never gets T02's \$100.00 payment"; fi
finish
