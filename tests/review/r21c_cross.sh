#!/bin/sh
# R21 (s40): two terminals work one dispute (or its payment) offline with steps
# of different kinds; T02 syncs first. paydesk(1) DISPUTES: once each has
# synced every terminal shows the central node's timeline, payment status and
# debt. Each case on its own payment of John Doe, compared at T01, T02, T03.
. "$(dirname "$0")/r21c_lib.sh"
for a in 40 41 42 43 44 45 46 47; do
	p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH $a" --amount $a >/dev/null
done
s T01
for n in 1 2 3 4 5 6 7; do p T01 rita dispute open R-T01-00000$n --reason amount-contested >/dev/null; done
s T01; s T02; s T03

# A: T01 upholds DP1 by void; T02 voids R-T01-000001 itself (payment void)
p T01 mary dispute uphold DP-T01-000001 --void >/dev/null
r=$(p T02 mary payment void R-T01-000001 --reason "Wrong account") || echo "# T02 void R-T01-000001: $r"
# B: T01 upholds DP2 by a credit note of 30; T02 makes a credit note of 20 of R-T01-000002 (41.00)
p T01 mary dispute uphold DP-T01-000002 --credit 30 >/dev/null
p T02 mary credit-note create R-T01-000002 --amount 20 --reason "Billing Error" >/dev/null
# C: T01 reviews DP3; T02 upholds it by void
p T01 rita dispute review DP-T01-000003 --note "t1" >/dev/null
p T02 mary dispute uphold DP-T01-000003 --void >/dev/null
# D: T01 reviews then rejects DP4; T02 reviews it
p T01 rita dispute review DP-T01-000004 --note "t1" >/dev/null
p T01 rita dispute reject DP-T01-000004 --note "t1 no" >/dev/null
p T02 rita dispute review DP-T01-000004 --note "t2" >/dev/null
# E: T01 upholds DP5 by void; T02 reviews it (the uphold still follows)
p T01 mary dispute uphold DP-T01-000005 --void >/dev/null
p T02 rita dispute review DP-T01-000005 --note "t2" >/dev/null
# F: T01 rejects DP6; T02 voids R-T01-000006 by payment void
p T01 rita dispute reject DP-T01-000006 --note "t1 no" >/dev/null
r=$(p T02 mary payment void R-T01-000006 --reason "Wrong account") || echo "# T02 void R-T01-000006: $r"
# G: T01 opens a dispute of R-T01-000008; T02 voids R-T01-000008
p T01 rita dispute open R-T01-000008 --reason chargeback >/dev/null
r=$(p T02 mary payment void R-T01-000008 --reason "Wrong account") || echo "# T02 void R-T01-000008: $r"
s T02; s T01; s T02; s T01; s T03
view() {
	p $1 admin dispute list --scope org | tail -n +2 | cut -c1-60
	for d in 1 2 3 4 5 6 7 8; do p $1 admin dispute show DP-T01-00000$d | grep -E "^    (Opened|Under|Review|Upheld|Rejected|Resolved)" | cut -d';' -f1,3; done
	p $1 admin payments --scope org | tail -n +2 | cut -c1-16,64-120
	p $1 admin consumer show WU-10001 | grep -E "Total outstanding|Available credit"
	p $1 admin credit-notes --scope org | tail -n +2 | grep -v "CN-T01-00003 .*Voided" | cut -c1-16,60-110
}
view T01 >"$W/v1"; view T02 >"$W/v2"; view T03 >"$W/v3"
cat "$W/v1" | sed 's/^/# T01 /'
if cmp -s "$W/v1" "$W/v2" && cmp -s "$W/v2" "$W/v3"; then ok "T01, T02, T03 show the same disputes, timelines, payments, debt and credit notes"
else nok "the terminals differ:"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; diff "$W/v2" "$W/v3" | sed 's/^/#  T02|T03 /'; fi
p T01 mary --csv sync --quarantine | cut -c1-400 | sed 's/^/# Q /'
# sync --retry of every record undone here: status 17, nothing queued
p T01 mary --csv sync --quarantine | tail -n +2 | cut -d, -f1,2,3 >"$W/q"
while IFS=, read -r u k r; do
	o=$(p T01 mary sync --retry "$u"); rc=$?
	check "sync --retry of the undone $k $r: status 17 (got $rc: $o)" [ $rc = 17 ]
done <"$W/q"
n=$(sqlite3 "$W/T01/store.db" "select count(*) from outbox where sent_at is null" 2>/dev/null || echo '?')
p T01 mary sync --status 2>/dev/null | grep -i pending | sed 's/^/# /'
d=$(p T01 admin doctor); case $d in *": ok"*) ok "T01 doctor ok" ;; *) nok "T01 doctor: $d" ;; esac
finish
