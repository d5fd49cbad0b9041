#!/bin/sh
# Review 23: the forecast's past weeks put "Came In" (what came in during the
# week for the week's items) beside "Collected" (everything collected in the
# week). Came In is a part of Collected, yet it counts a Pending payment (an
# online payment not yet verified) that Collected leaves out, so the part
# reads more than the whole: $140 came in of $100 collected.
. tests/review/r23_lib.sh
r23_store fc
d=$R23_TMP/fc
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\nC-1,Carol Cole,3 Main St,5550003,,Commercial\n' >$d/c.csv
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nA1,A-1,2026-05,100.00,2026-05-01,2026-06-10\nZ1,C-1,2026-06,40.00,2026-06-01,2026-06-09\n' >$d/b.csv
PAYDESK_NOW="2026-05-01 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2026-05-01 09:00:00" sup import bills $d/b.csv >/dev/null
pay_at "2026-06-09 10:00:00" C-1 Z1 Online 40          # Pending
pay_at "2026-06-12 10:00:00" A-1 A1 "Bank Transfer" 100 # Posted
json=$(PAYDESK_NOW="2026-06-15 12:00:00" sup --json report forecast --weeks 1 --past 1)
came=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["past"][0]["came_in"])')
coll=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["past"][0]["collected"])')
if [ "$came" -le "$coll" ]; then
	ok "past week: came in ($came) is within collected ($coll)"
else
	notok "past week 2026-06-08: Came In $came exceeds Collected $coll (Came In counts the Pending online payment, Collected does not)"
fi
r23_done
