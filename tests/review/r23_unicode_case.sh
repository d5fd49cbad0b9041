#!/bin/sh
# Review 23: "in any case" holds for ASCII letters only. A segment, a method
# and a team are taken in any case (man paydesk(1): --segment "in any case",
# --method "as configured (in any case)", user set: "the same team in any
# case (north is North)"), but an accented capital is another letter:
# --segment RÉSIDENTIEL and école are refused for Résidentiel and ÉCOLE,
# --method CHÈQUE for Chèque, and the teams Équipe and équipe are two teams
# (under team visibility the supervisor of équipe sees nothing of Équipe's
# cashier). An organisation writing French or Spanish meets this at once.
. tests/review/r23_lib.sh
r23_store u; d=$R23_TMP/u
printf '[payments]\nmethods = Espèces:cash, Carte:card, Chèque:cheque\n' >>$d/paydesk.ini
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Résidentiel\nB-1,Bob B,2 Main St,5550002,,ÉCOLE\n' >$d/c.csv
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nA1,A-1,2026-11,100.00,2026-11-01,2026-12-20\n' >$d/b.csv
PAYDESK_NOW="2026-12-02 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2026-12-02 09:00:00" sup import bills $d/b.csv >/dev/null
export PAYDESK_NOW="2026-12-02 10:00:00"
for s in RÉSIDENTIEL école; do
	sup kpi --segment "$s" >/dev/null 2>$d/e; rc=$?
	check "kpi --segment $s (segments Résidentiel, ÉCOLE)" 0 "$rc"
done
sup kpi --method CHÈQUE >/dev/null 2>$d/e; rc=$?
check "kpi --method CHÈQUE (method Chèque)" 0 "$rc"
adm user set cas --team Équipe >/dev/null && adm user set sup --team équipe >/dev/null
cas pay A-1 --type bill --items A1 --method Carte --amount 10 --reference Z1 >/dev/null || notok "pay"
printf 'key,value\nvisibility.team,yes\n' >$d/v.csv; adm import settings $d/v.csv >/dev/null
amt=$(sup --json kpi | python3 -c 'import json,sys; print(json.load(sys.stdin)["day"]["amount"])')
check "team visibility: équipe's supervisor sees Équipe's cashier's payment" 1000 "$amt"
r23_done
