# test_credit_undo.sh - a credit application the central node refuses is
# undone at its terminal, whatever it refused it for (review R21b, point
# 3): the note voided there first (its payment voided at another
# terminal), the note's credit spent there first (applied at another
# terminal), the item paid there first (another terminal's payment),
# the note unknown there (its own record refused: made of a payment
# another terminal voided first). Each time the item owes the amount
# again and the note has it back at the terminal that applied it, the
# record is held there (never sent again), the undo audited and said in
# the quarantine; afterwards every terminal's notes and items read as the
# central node's, and doctor is clean. On SQLite and PostgreSQL
# (tests/run.sh).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_NOW=2025-05-02

PAYDESK_NOW=2025-05-01 setup_org || { echo "not ok - setup"; exit 1; }
{
	echo "invoice_no,account_no,period,amount,issued_on,due_on"
	for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
		echo "Y-$k,WU-10003,Mar 2025,50.00,2025-03-01,2025-03-20"
	done
} >"$T/b.csv"
central import ACME bills "$T/b.csv" >/dev/null || echo "not ok - bills imported"
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' >"$T/rec.csv"
central import ACME users "$T/rec.csv" >/dev/null
start_central || exit 1
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first syncs"
lastcn() { tsql $1 "SELECT cn_no FROM credit_notes WHERE terminal = 'T0$1' ORDER BY id DESC LIMIT 1"; }
syncs() { for n in "$@"; do pdt $n sync >/dev/null 2>&1 || echo "not ok - sync of T0$n"; done; }
# refused_sync WHAT N: terminal N's sync, the central node refusing some
# of its records: the round runs, exit status 20
refused_sync() { expect "$1: T0$2's sync, its records refused" 20 "Rejected" pdt $2 sync; }
# left N CN: credit note CN's remaining at terminal N (c: the central node)
left() {
	q="SELECT amount - applied FROM credit_notes WHERE cn_no = '$2'"
	if [ "$1" = c ]; then csql "$q"; else tsql $1 "$q"; fi
}
# owes N ITEM: what item ITEM owes at terminal N (c: the central node)
owes() {
	q="SELECT amount - settled FROM items WHERE ref = '$2'"
	if [ "$1" = c ]; then csql "$q"; else tsql $1 "$q"; fi
}
# overpay N ITEM: terminal N overpays ITEM (50.00) by 20.00: its credit
# note in CN
overpay() {
	must "T0$1 overpays $2" C $1 pay WU-10003 --type bill --items $2 --method Cash --amount 70 --tendered 70
	CN=$(lastcn $1)
}
# undone NAME CN ITEM WANT_REASON: after T01's refused application of
# 10.00 of CN to ITEM, T01 has undone it
undone() {
	same "$1: the note's 10.00 is back at T01" "$(left 1 $2)" "$3"
	same "$1: the item owes it again at T01" "$(owes 1 $4)" "$5"
	run S 1 sync --quarantine
	has "$1: the quarantine says it is undone" "This terminal's application of credit note $2 is undone: the item owes the amount again and the credit note has it back"
	has "$1: (after the central node's reason)" "$6"
	same "$1: audited" "$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'credit_note' AND ref = '$2'")" 1
	same "$1: held at T01, never sent again" \
	    "$(tsql 1 "SELECT count(*) FROM sync_undone WHERE kind = 'credit'")" "$UNDONE"
}
UNDONE=0

# 1. the note voided at the central node first: T02 voids (an admin) the
# payment that made it, and syncs before T01 applies the note
overpay 1 Y-1
syncs 1 2
must "T02 voids T01's payment" A 2 payment void "$(lastpay 1)" --reason "Wrong consumer"
syncs 2
must "T01 applies the note, offline" C 1 credit-note apply "$CN" --to Y-2 --amount 10
same "(T01's note has 10.00 left)" "$(left 1 $CN)" 1000
refused_sync "voided note" 1
UNDONE=1
undone "voided note" "$CN" 2000 Y-2 5000 "Credit note $CN is voided"
same "voided note: T01 has the note voided, as the central node" \
    "$(tsql 1 "SELECT voided FROM credit_notes WHERE cn_no = '$CN'")" 1

# 2. the note's credit spent at the central node first: T02 applies all
# of it
overpay 1 Y-3
syncs 1 2
must "T02 spends T01's note" C 2 credit-note apply "$CN" --to Y-4 --amount 20
syncs 2
must "T01 applies the note, offline" C 1 credit-note apply "$CN" --to Y-5 --amount 10
refused_sync "spent note" 1
UNDONE=2
undone "spent note" "$CN" 0 Y-5 5000 "$CN"
same "spent note: T01 has T02's application" "$(owes 1 Y-4)" 3000

# 3. the item paid at the central node first: T02's payment
overpay 1 Y-6
syncs 1 2
must "T02 pays Y-7 in full" C 2 pay WU-10003 --type bill --items Y-7 --method Cash --amount 50 --tendered 50
syncs 2
must "T01 applies the note to Y-7, offline" C 1 credit-note apply "$CN" --to Y-7 --amount 10
refused_sync "paid item" 1
UNDONE=3
undone "paid item" "$CN" 2000 Y-7 0 "exceeds the item's outstanding"

# 4. the note unknown at the central node: made at T01 of a payment T02
# voided first, so refused there, and its application with it
must "T01 pays Y-8" C 1 pay WU-10003 --type bill --items Y-8 --method Cash --amount 50 --tendered 50
P4=$(lastpay 1)
syncs 1 2
must "T02 voids it" A 2 payment void "$P4" --reason "Wrong consumer"
syncs 2
must "T01 credits it, offline" S 1 credit-note create "$P4" --amount 15 --reason "Billing Error"
CN=$(lastcn 1)
CN4=$CN
must "T01 applies that note, offline" C 1 credit-note apply "$CN" --to Y-9 --amount 10
refused_sync "unknown note" 1
UNDONE=4
same "unknown note: (the central node does not have it)" "$(csql "SELECT count(*) FROM credit_notes WHERE cn_no = '$CN'")" 0
same "unknown note: the item owes it again at T01" "$(owes 1 Y-9)" 5000
run S 1 sync --quarantine
has "unknown note: the quarantine says it is undone" "This terminal's application of credit note $CN is undone"
same "unknown note: held at T01" "$(tsql 1 "SELECT count(*) FROM sync_undone WHERE kind = 'credit'")" 4

# 5. the item taken into a plan at the central node first (T02's
# arrangement of Y-10 and Y-11): the plan gives way to the credit, at
# every node in either order (review 21b, fault 3), nothing refused
overpay 1 Y-12
syncs 1 2
must "T02 arranges Y-10 and Y-11" env PAYDESK_PIN=4321 "$PD" --config "$T/t2.ini" --user rita \
    arrangement create WU-10003 --items Y-10,Y-11 --installments 2 --frequency weekly \
    --first-due 2025-05-09 --reason Hardship
syncs 2
must "T01 applies the note to Y-10, offline" C 1 credit-note apply "$CN" --to Y-10 --amount 10
syncs 1
same "plan: the central node took it, nothing undone" \
    "$(csql "SELECT amount - applied FROM credit_notes WHERE cn_no = '$CN'")/$(tsql 1 "SELECT count(*) FROM sync_undone WHERE kind = 'credit'")" "1000/4"

# every node alike: T01's, T02's and the central node's items and the
# notes the central node has
syncs 1 2 1 2
items() {
	q="SELECT group_concat(ref || '=' || (amount - settled), ' ') FROM (SELECT * FROM items WHERE ref LIKE 'Y-%' ORDER BY ref) x"
	if [ "$1" = c ]; then csql "$q"; else tsql $1 "$q"; fi
}
notes() {
	q="SELECT group_concat(cn_no || '=' || (amount - applied) || ':' || voided, ' ') FROM (SELECT * FROM credit_notes ORDER BY cn_no) x"
	if [ "$1" = c ]; then csql "$q"; else tsql $1 "$q"; fi
}
same "T01's items read as the central node's" "$(items 1)" "$(items c)"
same "T02's items read as the central node's" "$(items 2)" "$(items c)"
same "T02's notes read as the central node's" "$(notes 2)" "$(notes c)"
same "T01's notes the central node has read as its" \
    "$(notes 1 | tr ' ' '\n' | grep -v "^$CN4=" | tr '\n' ' ' | sed 's/ $//')" "$(notes c)"
for n in 1 2; do expect "T0$n: doctor" 0 "ok (" pdt $n doctor; done
expect "an undone application cannot be queued again" 17 "was undone at this terminal" \
    S 1 sync --retry "$(tsql 1 "SELECT uuid FROM sync_undone WHERE kind = 'credit' LIMIT 1")"
