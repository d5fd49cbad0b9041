#!/bin/sh
# R21b (s41): the allocation rule is "configured per organisation" (issue 21;
# paydesk.ini(5): the organisation's keys are "the same at every terminal").
# With no rule set at the central node, each terminal's own config file
# decides: T02 (allocation = largest) and T03 (the default) of one
# organisation split the same payment differently.
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
finish
