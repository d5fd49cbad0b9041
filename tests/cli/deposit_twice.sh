# deposit_twice.sh - sourced by test_deposit_sync.sh after doc_origin.sh
# (T05 and T06 of branch B01): a deposit is made at branch level (fault
# 12: a branch supervisor deposits the branch's closed shifts, from the
# branch safe). T06 lists T05's closed shift to deposit; one shift put in
# two deposits offline at T05 and T06: the central node applies the first
# to reach it and refuses the second, naming the deposit that has the
# shift; T05 undoes its deposit and says why.
J5 shift open --count 5000x1 >/dev/null || echo "not ok - twice: T05 open"
J5 pay WU-10002 --type bill --method Cash --amount 30 --tendered 30 >/dev/null 2>&1 ||
    echo "not ok - twice: T05 cash"
J5 shift close --count 5000x1,2000x1,1000x1 >/dev/null || echo "not ok - twice: T05 close"
ZT=$(tsql 5 "SELECT z_no FROM shifts WHERE terminal = 'T05' AND status = 'closed' ORDER BY id DESC LIMIT 1")
pdt 5 sync >/dev/null || echo "not ok - twice: T05 sync"
pdt 6 sync >/dev/null || echo "not ok - twice: T06 sync"
run M6 deposit pending
has "T06 lists T05's closed shift to deposit (the branch's drawers)" "$ZT"
has "its scope is the branch's" "Scope: Branch B01"
same "in JSON, its cash left: the 30.00 taken" \
    "$(M6 --json deposit pending | python3 -c 'import json,sys; print([r["left"] for r in json.load(sys.stdin) if r["z_no"] == sys.argv[1]])' "$ZT")" "[3000]"
run M5 deposit pending
has "T05 lists it too" "$ZT"
expect "offline, T05 deposits its shift" 0 "\$30.00" \
    M5 deposit create "$ZT" --slip BAG-TW5 --account $ACCT
expect "offline, T06 deposits the same shift" 0 "\$30.00" \
    M6 deposit create "$ZT" --slip BAG-TW6 --account $ACCT
expect "T06 reaches the central node first: applied" 0 "Rejected    0" pdt 6 sync
expect "T05 second: its deposit refused" 20 "Rejected    1" pdt 5 sync
run M5 sync --quarantine
has "T05 says why, naming T06's deposit" \
    "shift $ZT's Cash is in deposit BAG-TW6 of terminal T06 already, which reached the central node first"
has "T05 says its deposit is undone" "BAG-TW5 is undone"
same "the central node holds the shift in one deposit, T06's" \
    "$(csql "SELECT group_concat(d.slip_no) FROM deposit_lines l JOIN deposits d ON d.id = l.deposit_id JOIN shifts s ON s.id = l.shift_id WHERE s.z_no = '$ZT' AND d.voided_at = ''")" BAG-TW6
pdt 5 sync >/dev/null
same "T05 too, once T06's is pulled" \
    "$(tsql 5 "SELECT group_concat(d.slip_no) FROM deposit_lines l JOIN deposits d ON d.id = l.deposit_id JOIN shifts s ON s.id = l.shift_id WHERE s.z_no = '$ZT' AND d.voided_at = ''")" BAG-TW6
run M5 deposit pending
lacks_out() { if grep -q "$2" "$OUT"; then notok "$1"; else ok "$1"; fi; }
lacks_out "nothing of the shift left to deposit at T05" "$ZT"
