#!/bin/sh
# R21b (s41): T02 and T03 reschedule one plan offline (paydesk(1): the
# second is refused by the central node and undone at its terminal, which
# then pulls the plan the central node kept). T02 syncs first. The central
# node refuses T03's change with a raw "UNIQUE constraint failed:
# items.plan_id, items.inst_no"; T03 undoes it but then refuses T02's pulled
# change ("has the same items.plan_id, items.inst_no as a record this
# terminal has already"): T03 says A-2 owes $425.00 (T02 and the central
# node: $340.00) and its doctor fails. The other order likewise.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
start_central
R2() { PAYDESK_PIN=7291 t2 --user rec "$@"; }
R3() { PAYDESK_PIN=7291 t3 --user rec "$@"; }
R2 arrangement create A-2 --installments 2 --frequency weekly --first-due 2026-12-09 --reason r >/dev/null || fail "create"
t2 sync >/dev/null 2>&1; t3 sync >/dev/null 2>&1
R2 arrangement reschedule AR-T02-000001 --installments 3 --frequency weekly --first-due 2026-12-09 --reason a >/dev/null ||
	fail "reschedule at T02"
R3 arrangement reschedule AR-T02-000001 --installments 4 --frequency monthly --first-due 2026-12-09 --reason b >/dev/null ||
	fail "reschedule at T03"
for t in t2 t3 t2 t3; do $t sync >/dev/null 2>&1; done
for t in t2 t3; do
	o=$(PAYDESK_PIN=618394 $t --user sup consumer show A-2 | sed -n 's/^ *Total outstanding *//p')
	n=$(PAYDESK_PIN=7291 $t --user rec arrangement show AR-T02-000001 | grep -c 'Compliance: Upcoming')
	check "$t: A-2 owes \$340.00 on T02's 3 new installments" '$340.00 3' "$o $n"
	$t doctor >/dev/null 2>&1 && ok "$t: doctor ok" || fail "$t: doctor: $($t doctor 2>&1 | grep problem | head -1 | cut -c1-160)"
done
q=$(PAYDESK_PIN=618394 t3 --user sup sync --quarantine 2>/dev/null)
echo "$q" | grep -q 'constraint failed' && fail "the central node's refusal is a raw SQL error: $(echo "$q" | grep -o 'Writing to the store: [^.]*' | head -1)" ||
	ok "the refusal says why in words"
finish
