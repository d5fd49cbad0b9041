# test_scope.sh - the dashboard's scope (issue 23): a supervisor sees the
# branch (T01 and T03 of B01, not T02 of B02) by default, o narrows to
# this terminal, an admin sees the organisation; the rows behind the
# tiles (1, 3) and a chart bar's day ([ ] Enter).
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-05-20 09:00:00"
setup_store
# the same store as terminal T03 of branch B01 and T02 of branch B02: the
# figures read the payments' terminal and branch, as of pulled ones
sed 's/^id = T01$/id = T03/' "$PAYDESK_CONFIG" >"$T/t3.ini"
sed 's/^id = T01$/id = T02/; s/^branch = B01$/branch = B02/' \
    "$PAYDESK_CONFIG" >"$T/t2.ini"
J() { PAYDESK_PIN=1234 "$PD" --user jane pay "$@" --type bill \
    --method Cash >/dev/null; }
J WU-10001 --amount 100
PAYDESK_CONFIG="$T/t3.ini" J WU-10002 --amount 20
PAYDESK_CONFIG="$T/t2.ini" J WU-10003 --amount 300
PAYDESK_NOW="2025-05-19 09:00:00" J WU-10003 --amount 7
same "the store holds T01's, T02's and T03's payments" \
    "$(sql "SELECT group_concat(terminal) FROM (SELECT terminal FROM payments
     ORDER BY id)")" "T01,T03,T02,T01"
# disputes of T01's, T03's and T02's payments, all opened at T01 (issue
# 23: the disputes list is of the scope's payments and of those opened at
# its terminals)
for r in $(sql "SELECT min(receipt_no) FROM payments GROUP BY terminal"); do
	PAYDESK_PIN=9999 "$PD" --user admin dispute open "$r" \
	    --reason chargeback >/dev/null || echo "not ok - a dispute of $r"
done

tui_start
login mary 2222
wait_for "mary: the dashboard names her branch" "Branch B01"
wait_for "mary: Total Collected is T01's and T03's" "\$127.00"
lacks "mary: not T02's" "\$427.00"
keys o
wait_for "o: this terminal" "Terminal T01"
wait_for "o: Total Collected is T01's" "\$107.00"
keys o
wait_for "o again: back to the branch, as far as a supervisor reads" \
    "Branch B01"
logout
wait_for "logged out" "Log in to take payments"
login admin 9999
wait_for "admin: the organisation" "Organisation"
wait_for "admin: Total Collected of every terminal" "\$427.00"
keys 1
wait_for "1: the payments Total Collected counts" "R-T02-"
wait_for "1: Posted, of the month" "Posted"
keys Escape
wait_for "Esc: the dashboard" "Organisation"
keys o
wait_for "o: from the organisation round to this terminal" "Terminal T01"
keys 1
wait_for "1 at this terminal: its payments" "R-T01-000004"
lacks "1 at this terminal: not T02's" "R-T02-"
keys Escape
wait_for "Esc: the dashboard again" "Terminal T01"
keys 3
wait_for "3: the items the Collection Rate counts" "INV-2025-001567"
wait_for "3: with the scope above them" "Terminal T01"
keys Escape
wait_for "Esc: back" "Daily collections"
# 4: the payments behind the Average Collection Time (review R23), this
# terminal's, their count and mean as the allocations say
keys 4
wait_for "4: the payments the Average Collection Time counts" \
    "Average collection time: the payments"
wait_for "4: the month, the scope named" \
    "Paid 2025-05-01 to 2025-05-31 (Terminal T01)"
wait_for "4: their count and mean" "$(sql "SELECT
 printf('%d payments to items, \$%.2f, average %.1f days',
 count(*), sum(a.amount) / 100.0, (sum(max(0, CAST(julianday(p.paid_on) -
 julianday(i.issued_on) AS INTEGER))) * 20 + count(*)) / (count(*) * 2) /
 10.0) FROM payments p JOIN allocations a ON a.payment_id = p.id JOIN items
 i ON i.id = a.item_id WHERE p.terminal = 'T01' AND p.status = 'Posted' AND
 p.paid_on LIKE '2025-05-%' AND a.amount > 0 AND a.reverses IS NULL")"
wait_for "4: T01's payment listed" "R-T01-000001"
lacks "4: not T02's" "R-T02-"
keys Escape
wait_for "Esc: back from the payments" "Daily collections"
# 5: the open items behind Outstanding, the organisation's
keys 5
wait_for "5: the open items Outstanding counts" "Outstanding: the open items"
wait_for "5: the organisation's" \
    "Open today (Organisation (the same in every scope))"
wait_for "5: their count and how many are overdue" "$(sql "SELECT
 printf('%d items, \$%s, %d overdue', count(*), printf('%,d',
 sum(amount - settled) / 100) || printf('.%02d', sum(amount -
 settled) % 100), count(due_on < '2025-05-20' OR NULL)) FROM items WHERE
 settled < amount")"
wait_for "5: the first open item listed" "$(sql "SELECT ref FROM items
 WHERE settled < amount ORDER BY due_on, ref LIMIT 1")"
keys Escape
wait_for "Esc: the dashboard once more" "Daily collections"
keys Enter
wait_for "Enter without a bar: says how to choose one" "[ and ]"
# today's bar first, the 20th (no day to come), then back to the 19th
keys '['
wait_for "[: today's bar, the 20th" "day 20:"
keys '['
wait_for "[ ... [: the 19th chosen, its amount" "day 19: \$7.00 (Enter: its payments)"
keys Enter
wait_for "Enter: the 19th's payments" "R-T01-000004"
lacks "Enter: not the 20th's" "R-T01-000001"
keys Escape
logout
# mary's own tiles (issue 23): Outstanding then Collection Rate, no others
wait_for "logged out again" "Log in to take payments"
PAYDESK_PIN=2222 "$PD" --user mary dashboard tiles set outstanding,rate \
    >/dev/null
login mary 2222
wait_for "mary's tiles: Collection Rate" "Collection Rate"
settle
same "mary's tiles in her order, Outstanding first, nothing else" \
    "$(grep -o 'Outstanding\|Collection Rate\|Total Collected\|Received Today' \
      "$SCREEN" | head -2 | tr '\n' ' ')" "Outstanding Collection Rate "
lacks "mary's tiles: not Total Collected" "Total Collected"
logout
# a terminal's days and methods read together (issue 23): the 20th's bar
# is both its methods' payments, each method's share its own, largest
# first; T02's card payment (another branch) in neither
PAYDESK_PIN=1234 "$PD" --user jane pay WU-10002 --type bill --amount 50 \
    --method Cheque --reference 000123 >/dev/null
PAYDESK_CONFIG="$T/t2.ini" PAYDESK_PIN=1234 "$PD" --user jane pay WU-10002 \
    --type bill --amount 9 --method "Credit Card" >/dev/null
wait_for "logged out once more" "Log in to take payments"
login admin 9999
wait_for "admin again: the organisation" "Organisation"
keys o
wait_for "o: this terminal's" "Terminal T01"
settle
same "T01's methods: Cash, then Cheque, no card" \
    "$(grep -o 'Cash *\$[0-9.,]*\|Cheque *\$[0-9.,]*\|Credit Card *\$[0-9.,]*' \
      "$SCREEN" | tr -s ' ' | tr '\n' ';')" "Cash \$107.00;Cheque \$50.00;"
keys '['
wait_for "[: the 20th, today's, both its methods' payments" \
    "day 20: \$150.00 (Enter: its payments)"
logout
# the disputes list of the scope (issue 23): mary's branch's payments'
# and those opened at its terminals: the dispute of T02's payment was
# opened at T01, a counter of B01 (review R23 fault 8: where a recovery
# officer opened it, she finds it), so B01 lists all three
wait_for "logged out to see the disputes" "Log in to take payments"
login mary 2222
wait_for "mary on the Dashboard once more" "Dashboard"
keys d
same "the branch's payments have two disputes, T02's one, all opened at T01" \
    "$(sql "SELECT group_concat(t) FROM (SELECT p.terminal || '@' ||
     d.terminal t FROM disputes d JOIN payments p ON p.id = d.payment_id
     ORDER BY 1)")" "T01@T01,T02@T01,T03@T01"
wait_for "d: the branch's disputes, the scope on their count line" \
    "3 disputes $(printf '\302\267') Branch B01"
wait_for "T01's dispute listed" "$(sql "SELECT d.dispute_no FROM disputes d
 JOIN payments p ON p.id = d.payment_id WHERE p.terminal = 'T01'")"
wait_for "the dispute of T02's payment opened at T01 listed" \
    "$(sql "SELECT d.dispute_no FROM disputes d JOIN payments p ON p.id =
 d.payment_id WHERE p.terminal = 'T02'")"
# the aging screen has no scope and says so: every consumer's open items
keys Escape
wait_for "Esc: the dashboard" "Branch B01"
keys a
wait_for "a: the aging screen of the organisation, said on its total line" \
    "Total outstanding"
wait_for "with no scope, said" "consumers $(printf '\302\267') Organisation"
wait_for "every consumer's open items, T02's payer's too" \
    "$(sql "SELECT count(DISTINCT consumer_id) FROM items WHERE settled <
     amount") consumers"
keys Escape
logout

# g reads the settings again with the figures (a fresh tester's, issue 23
# fault 4: with visibility.team changed to no, g kept "team North" and the
# team's figures on the dashboard until the next sign-in); the payments
# list's g alike. mary is of team North; the payments were taken before
# teams, for none, so North's figures have none of the branch's $127.00
wait_for "logged out for the teams" "Log in to take payments"
PAYDESK_PIN=9999 "$PD" --user admin user set mary --team North >/dev/null ||
    echo "not ok - mary put in team North"
vis() {
	printf 'key,value\nvisibility.team,%s\n' "$1" >"$T/vis.csv"
	PAYDESK_PIN=9999 "$PD" --user admin import settings "$T/vis.csv" \
	    --update >/dev/null || echo "not ok - visibility.team set to $1"
}
vis yes
login mary 2222
wait_for "team visibility: the dashboard names mary's team" \
    "Branch B01, team North"
lacks "team visibility: none of the branch's \$127.00, none taken for North" \
    "\$127.00"
vis no
keys g
wait_re "g after visibility.team = no: the branch alone, no team" \
    "Branch B01 *$"
wait_for "g: the branch's \$127.00 again" "\$127.00"
lacks "g: no team named" "team North"
vis yes
keys g
wait_for "g after visibility.team = yes: the team again" \
    "Branch B01, team North"
keys p
wait_for "p: the payments list of the team" "Branch B01, team North"
vis no
keys g
wait_re "the payments list's g after visibility.team = no: the branch alone" \
    "payments $(printf '\302\267') Branch B01 *$"
lacks "the payments list's g: no team named" "team North"
keys Escape
# the Shifts list's g reads the settings too, as every screen's g does
# (the loop does it for them: s74, it was a call in each screen's g)
keys h
wait_re "h: the shifts list of the branch alone" \
    "shifts? $(printf '\302\267') Branch B01 *$"
vis yes
keys g
wait_for "the shifts list's g after visibility.team = yes: the team" \
    "Branch B01, team North"
vis no
keys g
wait_re "the shifts list's g after visibility.team = no: the branch alone" \
    "shifts? $(printf '\302\267') Branch B01 *$"
keys Escape
logout

# the drill-downs' and reports' headings at 80x24 under a team's scope,
# in English, Spanish and French: nothing cut (a fresh tester's, issue 23
# fault 6: the Collection Rate's items read "...paid $0.00 (Branch B01,
# team North" with no closing bracket). mary's tiles: Collection Rate
# (1), Average Collection Time (2)
vis yes
PAYDESK_PIN=2222 "$PD" --user mary dashboard tiles set rate,time \
    >/dev/null || echo "not ok - mary's tiles: rate, time"
for L in en es fr; do
	case $L in
	en) sc="(Branch B01, team North)" sp="Branch B01, team North"
	    fc="the same in every scope)" pf="filter: none"
	    dt="3 month ends)" ;;
	es) sc="(Sucursal B01, equipo North)" sp="Sucursal B01, equipo North"
	    fc="alcance)" pf="filtro: ninguno" dt="3 cierres de mes)" ;;
	fr) sc="(Agence B01, équipe North)" sp="Agence B01, équipe North"
	    fc="périmètre)" pf="(filtre : |^  )aucun *\$" dt="mois)" ;;
	esac
	tui_open LANGUAGE=$L
	sleep 1
	login mary 2222
	wait_for "$L: the dashboard of team North" "$sp"
	keys 1
	wait_for "$L: 1, the Collection Rate's items: the scope whole at 80 columns" "$sc"
	keys Escape
	wait_for "$L: back on the dashboard" "$sp"
	keys 2
	wait_for "$L: 2, the collection time's payments: the scope whole" "$sc"
	keys Escape
	wait_for "$L: the dashboard again" "$sp"
	keys c
	wait_re "$L: c, the credit notes: the scope whole, beside the tabs or under" \
	    "(· |^  )$sp *\$"
	keys Escape
	wait_for "$L: the dashboard, then the forecast" "$sp"
	keys f
	wait_for "$L: f, the forecast: its scope note whole" "$fc"
	keys Escape
	wait_for "$L: the dashboard, then the deteriorating payers" "$sp"
	keys b
	wait_for "$L: b, the deteriorating payers: the heading whole" "$dt"
	keys Escape
	wait_for "$L: the dashboard, then the payers" "$sp"
	keys y
	wait_re "$L: y, the payers: the heading whole, the filter said" "$pf"
	keys Escape
	logout
	wait_for "$L: logged out" "Cityville"
done
