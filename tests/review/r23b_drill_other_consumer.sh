#!/bin/sh
# Review R23b: Enter on the Deteriorating payers screen shows another
# consumer's payments too. man paydesk(1), Deteriorating payers: "Enter
# the chosen consumer's payments". What happens: it opens the payments
# list with the account number as a search ("Search: A-1", "At every terminal
# (a search)"), and a search of three or more characters matches any part
# of an account, so for Alice Able (A-1) the list also holds Zed Zorn's
# (A-10) payments, mixed in by date, with a count of 6 where Alice made 4.
# (It also leaves the report's scope, Branch B01, for "At every terminal".)
. tests/review/r23_lib.sh
r23_store s
d=$R23_TMP/s
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\nA-10,Zed Zorn,2 Main St,5550002,,Residential\n' >$d/c.csv
{ echo 'invoice_no,account_no,period,amount,issued_on,due_on'
  for m in 01 02 03 04 05; do echo "A$m,A-1,2026-$m,100.00,2026-$m-01,2026-$m-10"; echo "Z$m,A-10,2026-$m,100.00,2026-$m-01,2026-$m-10"; done; } >$d/b.csv
PAYDESK_NOW="2026-01-01 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2026-01-01 09:00:00" sup import bills $d/b.csv >/dev/null
# Alice: days to pay -5, 0, 3, 10: deteriorating. Zed: two payments, not.
pay_at "2026-02-05 10:00:00" A-1 A02 "Bank Transfer" 100
pay_at "2026-03-10 10:00:00" A-1 A03 "Bank Transfer" 100
pay_at "2026-04-13 10:00:00" A-1 A04 "Bank Transfer" 100
pay_at "2026-05-20 10:00:00" A-1 A05 "Bank Transfer" 100
pay_at "2026-02-05 10:00:00" A-10 Z02 "Bank Transfer" 100
pay_at "2026-02-06 10:00:00" A-10 Z03 "Bank Transfer" 100
n=$(PAYDESK_NOW="2026-06-15 10:00:00" sup --csv report deteriorating | grep -c ',A-1,')
check "report deteriorating lists Alice Able (A-1)" 1 "$n"
tui_start "PAYDESK_CONFIG=$PAYDESK_CONFIG PAYDESK_NOW=2026-06-15T10:00:00"
tui_wait Username || notok "no login screen"
tui_keys sup; tui_keys Tab; tui_keys 482913; tui_keys Enter
tui_wait Dashboard || { notok "no dashboard"; r23_done; }
tui_keys b; tui_wait "Alice Able" || { notok "Alice Able not on the Deteriorating payers screen"; r23_done; }
tui_keys Enter; tui_wait "R-T01-000001" || { notok "no payments after Enter: $(tui_screen | head -4)"; r23_done; }
scr=$(tui_screen)
if printf '%s' "$scr" | grep -q "Zed Zorn"; then
	notok "Enter on Alice Able (A-1) lists Zed Zorn's (A-10) payments too: $(printf '%s' "$scr" | grep -E 'payments|Search:' | sed 's/  */ /g' | tr '\n' '|')"
else ok "Enter on Alice Able (A-1) lists no other consumer's payment"; fi
a=$(printf '%s' "$scr" | grep -c "Alice Able")
check "Enter on Alice Able: her 4 payments" 4 "$a"
r23_done
