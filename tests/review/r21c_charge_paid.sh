#!/bin/sh
# R21 (s40): the known limit of paydesk(1) DISPUTES, followed one step: a
# bounced cheque's service charge that an undone uphold added stays an open
# item at T01 ("the central node never had it"). A cashier at T01 then takes
# the consumer's payment of it. The payment must reach the central node (money
# taken at the counter is never refused for an item only this terminal has),
# or the charge must not be offered.
. "$(dirname "$0")/r21c_lib.sh"
printf '[disputes]\nbounced_cheque_charge = 15.00\n' >>"$W/T01/paydesk.ini"
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 50 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason bounced-cheque >/dev/null
s T01; s T02
o=$(p T01 mary dispute uphold DP-T01-000001 --void); echo "# uphold: $(echo "$o" | grep -i "charge\|paydesk:" | head -3 | tr '\n' ' ')"
p T02 rita dispute reject DP-T01-000001 --note "cheque cleared" >/dev/null
s T02; s T01; s T02
p T01 jane consumer show WU-10001 | grep -i "CHG" | sed 's/^/# T01 /'
o=$(p T01 jane pay WU-10001 --type service --method "Credit Card" --reference "AUTH 2" --amount 15 --items DP-T01-000001-CHG); rc=$?
echo "# pay of the charge: $rc $(echo "$o" | grep -i "receipt number\|paydesk:" | tr '\n' ' ')"
s T01
q=$(p T01 mary --csv sync --quarantine | grep ",payment," | cut -d, -f3,6)
echo "# quarantine: $q"
if [ $rc = 0 ]; then
	check "the payment taken at the counter is not refused by the central node ($q)" [ -z "$q" ]
else
	ok "the charge is not taken ($rc)"
fi
finish
