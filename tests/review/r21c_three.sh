#!/bin/sh
# R21 (s40): three terminals work one dispute offline: T01 reviews, T02 upholds
# by void, T03 rejects; T03 syncs first, then T01, then T02. Every terminal
# then shows the central node's timeline (Opened, Rejected), payment Posted,
# the same debt.
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 50 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02; s T03
p T01 rita dispute review DP-T01-000001 --note t1 >/dev/null
p T02 mary dispute uphold DP-T01-000001 --void >/dev/null
p T03 rita dispute reject DP-T01-000001 --note t3 >/dev/null
s T03; s T01; s T02; s T03; s T01
view() {
	p $1 admin dispute show DP-T01-000001 | grep -E "^Status|^    " | cut -d';' -f1,3
	p $1 admin payment show R-T01-000001 | grep -E "^  Status" | head -1 | tr -s ' '
	p $1 admin consumer show WU-10001 | grep -E "Total outstanding|Available credit"
}
view T01 >"$W/v1"; view T02 >"$W/v2"; view T03 >"$W/v3"
sed 's/^/# T03 /' "$W/v3"
if cmp -s "$W/v1" "$W/v2" && cmp -s "$W/v2" "$W/v3"; then ok "T01, T02, T03 agree"
else nok "the terminals differ"; diff "$W/v1" "$W/v3" | sed 's/^/#  T01|T03 /'; diff "$W/v2" "$W/v3" | sed 's/^/#  T02|T03 /'; fi
grep -q "Rejected" "$W/v3" && ok "T03's reject won" || nok "T03's reject did not win"
finish
