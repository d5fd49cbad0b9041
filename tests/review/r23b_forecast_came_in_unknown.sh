#!/bin/sh
# Review R23b: a past forecast week's "Came in" counts payments of items
# that are not among the week's items. man paydesk(1), report forecast:
# a past week is "each week's forecast as it stood at its first day (what
# its items owed then ...), beside what came in during the week for those
# items"; "a bill issued and imported in the middle of a past week is none
# of that week's forecast, whose items are those known at its first day".
# What happens: a bill (or a service charge) issued and imported in the
# middle of the week, due and paid in it, is rightly left out of the
# week's Open and Forecast, but its payment is added to Came in, so the
# week reads more came in for its items than they owed ($280.00 came in
# for $200.00 of items, every one of them paid exactly). The demo store
# shows it too: week 2026-11-02 has Open $0.00, Forecast $0.00 and Came In
# $25.00 (a Late Fee of service date 2026-11-02 paid on 2026-11-08).
. tests/review/r23_lib.sh
r23_store s
d=$R23_TMP/s
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\n' >$d/c.csv
# A1, A2: issued in May, loaded on Tuesday 2026-06-02, due in the week of
# Monday 2026-06-01: known at the week's first day (issued before it).
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nA1,A-1,2026-06,100.00,2026-05-01,2026-06-01\nA2,A-1,2026-06,100.00,2026-05-01,2026-06-02\n' >$d/b.csv
PAYDESK_NOW="2026-06-02 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2026-06-02 09:00:00" sup import bills $d/b.csv >/dev/null || notok "import bills"
# M1: issued and imported on Wednesday 2026-06-03, due Friday: not a known item
# at the week's first day. S2: a service charge of service date (due date)
# Tuesday 2026-06-02, imported that day.
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nM1,A-1,2026-06,50.00,2026-06-03,2026-06-05\n' >$d/m.csv
PAYDESK_NOW="2026-06-03 09:00:00" sup import bills $d/m.csv >/dev/null || notok "import bill M1"
printf 'ref,account_no,description,amount,service_date\nS2,A-1,Late Fee,30.00,2026-06-02\n' >$d/s.csv
PAYDESK_NOW="2026-06-02 09:00:00" sup import services $d/s.csv >/dev/null || notok "import service S2"
for it in A1:bill:100 A2:bill:100 M1:bill:50 S2:service:30; do
	i=${it%%:*}; r=${it#*:}; t=${r%:*}; a=${r#*:}
	PAYDESK_NOW="2026-06-05 10:00:00" cas pay A-1 --type $t --items $i --method "Bank Transfer" \
		--amount $a --reference "X$i" >/dev/null || notok "pay $i"
done
out=$(PAYDESK_NOW="2026-06-20 10:00:00" sup --json report forecast --past 3 --weeks 1)
wk=$(printf '%s' "$out" | python3 -c '
import json,sys
d=json.load(sys.stdin)
w=[w for w in d["past"] if w["week"]=="2026-06-01"][0]
print(w["open"], w["forecast"], w["came_in"], w["collected"])')
set -- $wk
check "week 2026-06-01: Open is A1 and A2 (known at its first day)" 20000 "$1"
check "week 2026-06-01: Collected is every payment of the week" 28000 "$4"
check "week 2026-06-01: Came in is what came in for its items A1 and A2 (M1 and S2 are none of them)" 20000 "$3"
if [ "$3" -le "$1" ]; then ok "Came in ($3) not more than its items owed ($1), each paid exactly"
else notok "Came in ($3) more than the week's items owed ($1), each paid exactly"; fi
r23_done
