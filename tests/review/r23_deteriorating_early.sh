#!/bin/sh
# Issue 23: deteriorating payers are "consumers whose payment behaviour is
# getting worse before they default". A consumer who pays part of one bill
# every month, each time weeks BEFORE its due date, has "days to pay" of
# -176, -145, -117, -86 (the same oldest item, a month nearer each time):
# report deteriorating lists them, ranked first with a growth of 90 days,
# though every payment was early.
. "$(dirname "$0")/r23_lib.sh"
base_store
printf 'account_no,name,service_address,phone,email,segment\nE-1,Eve Early,9 Road,5550000009,,Residential\n' >"$T/c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nE1,E-1,2026-H1,1000.00,2026-01-01,2026-06-30\n' >"$T/b.csv"
run sup1 $SUP1 "2026-01-01 09:00:00" import consumers "$T/c.csv" >/dev/null &&
run sup1 $SUP1 "2026-01-01 09:00:00" import bills "$T/b.csv" >/dev/null || { notok "setup"; finish; }
for d in 2026-01-05 2026-02-05 2026-03-05 2026-04-05; do
	run cn $CN "$d 10:00:00" pay E-1 --type bill --items E1 --method Cash --amount 50 --tendered 50 >/dev/null ||
		{ notok "payment $d"; finish; }
done
out=$(run admin $ADMIN "2026-04-20 10:00:00" report deteriorating 2>&1)
if printf '%s\n' "$out" | grep -q 'E-1'; then
	notok "report deteriorating lists E-1, who paid every time before the due date: $(printf '%s\n' "$out" | grep 'E-1')"
else ok "an always-early payer is not deteriorating"; fi
finish
