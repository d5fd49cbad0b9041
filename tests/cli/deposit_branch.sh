# deposit_branch.sh - sourced by test_deposit_sync.sh (its central node
# running): a branch's one bag (issue 20, "A supervisor gathers the cash
# of closed shifts (less the float kept) into a deposit with a bag or
# slip number"; review R20b, fault 10). Terminals T05 and T06 of branch
# B01: T06's supervisor deposits both drawers' cash in one bag, which the
# central node applies with both terminals' shifts and feeds to T05; the
# cash taken once (T05 has nothing left of its shift, the central node
# refuses a second bag of it); a terminal of another branch (T02, B02)
# may not deposit B01's drawers, at the terminal nor at the central node.
for n in 5 6; do
	run central terminal add ACME B01 T0$n
	terminal $n "$(token_of)"
	sed -i 's/^branch = B0'$n'$/branch = B01/' "$T/t$n.ini"
	pdt $n sync >/dev/null || echo "not ok - first sync of T0$n"
done
J5() { PAYDESK_PIN=1234 pdt 5 --user jane "$@"; }
J6() { PAYDESK_PIN=1234 pdt 6 --user jane "$@"; }
M5() { PAYDESK_PIN=2222 pdt 5 --user mary "$@"; }
M6() { PAYDESK_PIN=2222 pdt 6 --user mary "$@"; }
J5 shift open --count 5000x1 >/dev/null || echo "not ok - T05 open"
J5 pay WU-10002 --type bill --method Cash --amount 40 --tendered 40 >/dev/null 2>&1 || echo "not ok - T05 cash"
J5 shift close --count 5000x1,2000x2 >/dev/null || echo "not ok - T05 close"
J6 shift open --count 5000x1 >/dev/null || echo "not ok - T06 open"
J6 pay WU-10001 --type bill --method Cash --amount 20 --tendered 20 >/dev/null 2>&1 || echo "not ok - T06 cash"
J6 shift close --count 5000x1,2000x1 >/dev/null || echo "not ok - T06 close"
for n in 5 6 5; do pdt $n sync >/dev/null || echo "not ok - sync T0$n"; done
# T02's resolution made again where the central node has T01's
# (test_deposit_sync.sh, just before) is refused at this push: the round
# runs, exit status 20
expect "sync T02: its resolution made apart refused" 20 "Rejected    1" pdt 2 sync
Z5=$(tsql 5 "SELECT z_no FROM shifts WHERE terminal = 'T05' AND status = 'closed'")
Z6=$(tsql 6 "SELECT z_no FROM shifts WHERE terminal = 'T06' AND status = 'closed'")
same "T06 has T05's closed shift" "$(tsql 6 "SELECT count(*) FROM shifts WHERE z_no = '$Z5'")" 1
refused "T02 (branch B02) cannot deposit T05's drawer" 3 \
    "Shift $Z5 is terminal T05's, of branch B01: its cash is deposited in that branch, not in B02" \
    M2 deposit create "$Z5" --slip BAG-B2 --account $ACCT
expect "one bag of T05's and T06's cash at T06" 0 "\$60.00" \
    M6 deposit create "$Z5" "$Z6" --slip BAG-BR1 --account $ACCT
same "its lines: each drawer's cash" \
    "$(tsql 6 "SELECT group_concat(x, ' ') FROM (SELECT s.terminal || ':' || l.method || ':' || l.amount AS x FROM deposit_lines l JOIN shifts s ON s.id = l.shift_id JOIN deposits d ON d.id = l.deposit_id WHERE d.slip_no = 'BAG-BR1' ORDER BY s.terminal)")" \
    "T05:Cash:4000 T06:Cash:2000"
pdt 6 sync >/dev/null || echo "not ok - T06 sync of the bag"
same "the central node applied the bag with both drawers' shifts" \
    "$(csql "SELECT s.terminal || ':' || l.amount FROM deposit_lines l JOIN shifts s ON s.id = l.shift_id JOIN deposits d ON d.id = l.deposit_id WHERE d.slip_no = 'BAG-BR1' ORDER BY s.terminal" | tr '\n' ' ')" \
    "T05:4000 T06:2000 "
pdt 5 sync >/dev/null || echo "not ok - T05 pulls the bag"
same "T05 has the bag, of terminal T06" "$(tsql 5 "SELECT slip_no || ':' || amount || ':' || terminal FROM deposits WHERE slip_no = 'BAG-BR1'")" "BAG-BR1:6000:T06"
refused "T05: its drawer's cash is in T06's bag" 3 "has nothing left to deposit" \
    M5 deposit create "$Z5" --slip BAG-BR2 --account $ACCT
# the central node's own check: T02's record of a bag forged to hold
# T05's drawer (a terminal of branch B02 sending B01's cash)
S5=$(tsql 5 "SELECT uuid FROM shifts WHERE z_no = '$Z5'")
FROM2=$(tsql 2 "SELECT slip_no FROM deposits WHERE terminal = 'T02' AND voided_at = '' AND NOT EXISTS (SELECT 1 FROM deposit_cheques q WHERE q.deposit_id = deposits.id) ORDER BY id LIMIT 1")
before=$(csql "SELECT count(*) FROM deposits")
r=$($F "$T/t2.db" "$TOK2" "deposit:$FROM2" data.slip_no=BAG-FX2 \
    "data.lines=[{\"shift_uuid\": \"$S5\", \"method\": \"Cash\", \"amount\": 1000}]" \
    "data.cheques=[]" data.amount=1000 2>&1)
case "$r" in "rejected: "*"shift $Z5 is terminal T05's, not of branch B02"*) ok "the central node refuses B02's bag of T05's drawer" ;;
*) echo "not ok - the central node refuses B02's bag of T05's drawer"; echo "  got: $r" ;; esac
same "nothing written" "$(csql "SELECT count(*) FROM deposits")" "$before"
