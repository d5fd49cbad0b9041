#!/bin/sh
# Review 23: `report anomalies` (text) cuts the Reference column to 16
# characters: "R-T01-000001..R~" for the run R-T01-000001..R-T01-000003, and
# "CN-T01-00001..C~" for the round credit notes. On the command line there is
# nothing to scroll: the last receipt of the run, the one to look up, is lost
# (JSON and CSV have it whole).
. tests/review/r23_lib.sh
r23_store a; d=$R23_TMP/a
printf 'account_no,name,service_address,phone,email,segment\nH-1,Hal Test,1 Main St,5550001,,Residential\n' >$d/c.csv
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nH1,H-1,2026-06,500.00,2026-06-01,2026-07-01\n' >$d/b.csv
PAYDESK_NOW="2026-06-01 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2026-06-01 09:00:00" sup import bills $d/b.csv >/dev/null
for t in 10:00 10:20 10:40; do pay_at "2026-06-15 $t:00" H-1 H1 "Bank Transfer" 10; done
out=$(PAYDESK_NOW="2026-06-15 18:00:00" sup report anomalies)
if printf '%s\n' "$out" | grep -q 'R-T01-000001\.\.R-T01-000003'; then
	ok "report anomalies: the run's receipts whole"
else
	notok "report anomalies (text): the reference is cut: $(printf '%s\n' "$out" | grep 'Many payments' | awk '{print $6}')"
fi
r23_done
