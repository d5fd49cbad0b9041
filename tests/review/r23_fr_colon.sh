#!/bin/sh
# Review 23: French puts a space before a colon (po/GLOSSARY; the checks of
# msg_case.py fail a message without it), but the line under the Anomalies
# and Deteriorating payers lists reads "Paiement important: Fay Test" and
# "Pat Test (P-1): jours avant paiement": the format joining the rule (or the
# consumer) to the rest is not a translated message.
. tests/review/r23_lib.sh
r23_store fr; d=$R23_TMP/fr
printf 'account_no,name,service_address,phone,email,segment\nP-1,Pat Test,1 Main St,5550001,,Residential\n' >$d/c.csv
{ echo 'invoice_no,account_no,period,amount,issued_on,due_on'; for m in 1 2 3 4; do echo "P$m,P-1,2026-0$m,100.00,2025-12-15,2026-0$m-01"; done; echo "P5,P-1,2026-06,100.00,2026-05-15,2026-06-10"; } >$d/b.csv
PAYDESK_NOW="2025-12-20 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2025-12-20 09:00:00" sup import bills $d/b.csv >/dev/null
for m in 1 2 3 4; do pay_at "2026-0$m-0$((m + 1)) 10:00:00" P-1 P$m "Bank Transfer" 100; done
pay_at "2026-06-15 10:00:00" P-1 P5 "Bank Transfer" 600   # a large payment: 6 times the average
tui_start "LANGUAGE=fr PAYDESK_NOW='2026-06-15 18:00:00' PAYDESK_CONFIG=$PAYDESK_CONFIG"
tui_wait "Identifiant\|Utilisateur\|PIN" || notok "login screen"
tui_keys sup Tab 482913 Enter
tui_wait "Agence B01" || notok "dashboard"
tui_keys b
tui_wait "Pat Test (P-1)" || notok "deteriorating screen: Pat Test"
line=$(tui_screen | grep 'Pat Test (P-1)' | tail -1 | sed 's/^ *//')
case "$line" in
*"(P-1) :"*) ok "deteriorating: $line" ;;
*) notok "deteriorating, fr: no space before the colon: $line" ;;
esac
tui_keys Escape; sleep 1
tui_keys i
tui_wait "Paiement important" || notok "anomalies screen: the large payment"
line=$(tui_screen | grep 'Paiement important.*Pat Test' | tail -1 | sed 's/^ *//')
case "$line" in
*"important :"*) ok "anomalies: $line" ;;
*) notok "anomalies, fr: no space before the colon: $line" ;;
esac
r23_done
