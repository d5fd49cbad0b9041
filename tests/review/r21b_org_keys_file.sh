#!/bin/sh
# R21b (s41): the allocation rule is "configured per organisation" (issue 21;
# paydesk.ini(5): the organisation's keys are "the same at every terminal").
# With no rule set at the central node, each terminal's own config file
# decides: T02 (allocation = largest) and T03 (the default) of one
# organisation split the same payment differently (and the central node
# takes both). The same with [disputes] reasons: T02's file adds "fraud", a
# dispute is opened for it at T02 (status 0, shown Open), and the central
# node refuses it at the next sync ("not one of the organisation's"), the
# terminal undoing it: the terminal should have refused it at once.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
start_central
sed -i 's/^allocation =.*/allocation = largest/' "$W/t02.ini"
r2=$(PAYDESK_PIN=5283 t2 --user cash pay A-1 --type bill,service --items S1,B3 --method "Credit Card" --reference X1 --amount 30 --preview 2>&1 |
	sed -n 's/^ *Allocation rule *//p')
r3=$(PAYDESK_PIN=5283 t3 --user cash pay A-1 --type bill,service --items S1,B3 --method "Credit Card" --reference X1 --amount 30 --preview 2>&1 |
	sed -n 's/^ *Allocation rule *//p')
echo "# T02: $r2; T03: $r3"
if [ "$r2" = "$r3" ]; then ok "T02 and T03 split by one rule"
else
	# a terminal whose file differs from its organisation may be refused
	# (status 3, naming the key), but not split by its own rule
	PAYDESK_PIN=5283 t2 --user cash pay A-1 --type bill,service --items S1,B3 --method "Credit Card" --reference X1 --amount 30 --preview >/dev/null 2>&1
	check "T02's file rule against its organisation's is refused, not used" 3 $?
fi
sed -i 's/^reasons = chargeback.*/reasons = chargeback, fraud, other/' "$W/t02.ini"
PAYDESK_PIN=5283 t2 --user cash shift open >/dev/null 2>&1
PAYDESK_PIN=5283 t2 --user cash pay A-4 --type bill --method "Credit Card" --reference X2 --amount 10 >/dev/null || fail "pay at T02"
PAYDESK_PIN=7291 t2 --user rec dispute open R-T02-000001 --reason fraud >/dev/null 2>&1
check "T02 refuses a dispute reason that is not its organisation's (status 3)" 3 $?
finish
