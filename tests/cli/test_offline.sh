#!/bin/sh
# test_offline.sh - paydesk(1)'s table OPERATIONS OFFLINE AND AT THE NEXT
# SYNC, row by row (issue 19): each operation done with the central node
# down, at two terminals where two can conflict, then what the central
# node does with it at the next sync; and every row of the table is
# checked here, in test_gateway.sh, test_arrange.sh or test_deposit_sync.sh (a `row "NAME"`
# line before its checks), so a row added to the table without a check
# fails.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/sync_lib.sh"

# row NAME: the checks that follow are the table's row NAME
row() { echo "$1" >>"$T/rows"; }
: >"$T/rows"

setup_org || { echo "not ok - setup"; exit 1; }
start_central || exit 1
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first pull"
sv() { n=$1; shift; PAYDESK_PIN=2222 pdt "$n" --user mary "$@"; }
cj() { n=$1; shift; PAYDESK_PIN=1234 pdt "$n" --user jane "$@"; }
# the newest payment of T$1 for account $2: its number
pno() { tsql "$1" "SELECT p.payment_no FROM payments p JOIN consumers c ON
    c.id = p.consumer_id WHERE c.account_no = '$2' ORDER BY p.id DESC
    LIMIT 1"; }
# the credit note made of payment number $2 at T$1
cno() { tsql "$1" "SELECT cn.cn_no FROM credit_notes cn JOIN payments p ON
    p.id = cn.payment_id WHERE p.payment_no = '$2'"; }
# quarantined reasons at T$1
why() { tsql "$1" "SELECT group_concat(reject_reason, ' | ') FROM outbox
    WHERE rejected_at IS NOT NULL"; }

# two overpayments of WU-10001 at T01, each leaving a credit note, known
# to both terminals before they go offline
cj 1 pay WU-10001 --type bill --items INV-2025-001234 --method Cash \
    --amount 200.00 >/dev/null || echo "not ok - P1"
P1=$(pno 1 WU-10001)
cj 1 pay WU-10001 --type service --items SRV-2025-0410 --method Cash \
    --amount 50.00 >/dev/null || echo "not ok - P2"
P2=$(pno 1 WU-10001)
CN1=$(cno 1 "$P1") CN2=$(cno 1 "$P2")
cj 1 pay WU-10003 --type bill --method Online --amount 10.00 >/dev/null ||
    echo "not ok - P3"
P3=$(pno 1 WU-10003)
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - shared"
same "both terminals hold the two credit notes and the Pending payment" \
    "$(tsql 2 "SELECT count(*) FROM credit_notes WHERE cn_no IN ('$CN1',
        '$CN2')")|$(tsql 2 "SELECT status FROM payments WHERE payment_no =
        '$P3'")" "2|Pending"

# -- offline, window 1
stop_central
row "sync"
expect "sync: needs the central node" 10 "" pdt 1 sync
row "pay (post)"
expect "pay: offline at T01" 0 "" cj 1 pay WU-10002 --type bill \
    --items INV-2025-002001 --method Cash --amount 80.00
expect "pay: the same bill offline at T02" 0 "" cj 2 pay WU-10002 \
    --type bill --items INV-2025-002001 --method Cash --amount 80.00
row "payment verify"
expect "verify: offline at T01" 0 "" sv 1 payment verify "$P3"
expect "verify: the same payment offline at T02" 0 "" sv 2 payment verify "$P3"
row "credit-note create"
expect "credit-note create: offline at T02, on T01's payment" 0 "" \
    sv 2 credit-note create "$P1" --amount 5.00 --reason "Billing Error"
row "payment void"
expect "void: T02 applies the credit of P1 offline" 0 "" \
    sv 2 credit-note apply "$CN1" --to INV-2025-001567 --amount 54.50
expect "void: T01 voids P1 offline" 0 "" sv 1 payment void "$P1" \
    --reason "Wrong account"
row "exports, reports"
expect "reports: offline, over what the terminal holds" 0 "John Doe" \
    sv 1 report payers
expect "exports: offline" 0 "receipt_no" sv 1 --csv payments --limit 1
row "import, statement import"
o=$(tsql 1 "SELECT count(*) FROM outbox")
printf 'account_no,name,service_address,phone,email,segment\nWU-77001,Local Only,1 Here,,,Residential\n' >"$T/local.csv"
expect "import: offline, local" 0 "Added      1" sv 1 import consumers "$T/local.csv"
same "import: nothing of it goes to the central node" \
    "$(tsql 1 "SELECT count(*) FROM outbox")" "$o"
row "shift (every subcommand)"
expect "shift: opened offline at T01" 0 "" cj 1 shift open --count 10000x1
expect "shift: closed offline" 0 "" cj 1 shift close --count 10000x1

# -- at the next sync: T02 first
start_central || exit 1
expect "sync: T02 first: its payment, verify, credit note and apply" 0 \
    "Applied     4" pdt 2 sync
expect "sync: T01 second" 20 "Rejected    2" pdt 1 sync
same "pay: both payments applied, the second's excess an overpayment credit note" \
    "$(csql "SELECT count(*) FROM payments p JOIN consumers c ON c.id =
        p.consumer_id WHERE c.account_no = 'WU-10002' AND p.amount = 8000")|$(csql "SELECT
        count(*) || '|' || sum(cn.amount) FROM credit_notes cn JOIN
        consumers c ON c.id = cn.consumer_id WHERE c.account_no =
        'WU-10002' AND cn.terminal = 'HQ'")" "2|1|8000"
same "verify: T02's applied, T01's refused: no longer Pending" \
    "$(csql "SELECT status FROM payments WHERE payment_no = '$P3'")" Posted
case "$(why 1)" in
*"$P3"*) ok "verify: T01 holds the refusal with its reason" ;;
*) notok "verify: T01 holds the refusal with its reason" "$(why 1)" ;;
esac
same "credit-note create: applied at the central node" \
    "$(csql "SELECT count(*) FROM credit_notes cn JOIN payments p ON p.id =
        cn.payment_id WHERE p.payment_no = '$P1' AND cn.amount = 500")" 1
same "void: refused, the credit of P1 was applied first" \
    "$(csql "SELECT status FROM payments WHERE payment_no = '$P1'")" Posted
case "$(why 1)" in
*"applied"*) ok "void: T01 holds the refusal: credit from it was applied" ;;
*) notok "void: T01 holds the refusal: credit from it was applied" "$(why 1)" ;;
esac
expect "shift: T01's shift at the central node" 0 "T01" central shifts ACME
# (review R20, fault 22) a period that cannot hold a shift is said
expect "central shifts --from after --to: 3" 3 "is after --to" \
    central shifts ACME --from 2026-06-20 --to 2026-06-10
expect "central shifts --branch of no terminal: 2, naming the branches" 2 \
    'Branch "ZZ": no terminal of ACME is of it (its branches: B01, B02)' \
    central shifts ACME --branch ZZ
expect "central shifts --branch B01: its shifts" 0 "T01" \
    central shifts ACME --branch B01

# -- offline, window 2: the other order
row "credit-note apply"
stop_central
expect "apply: T01 voids P2 offline (its credit note with it)" 0 "" \
    sv 1 payment void "$P2" --reason "Wrong account"
expect "apply: T02 applies P2's credit offline" 0 "" \
    sv 2 credit-note apply "$CN2" --to SRV-2025-0418 --amount 25.00
start_central || exit 1
expect "apply: T01 syncs first: the void applied" 0 "Applied     1" pdt 1 sync
expect "apply: T02 second: the apply refused" 20 "Rejected    1" pdt 2 sync
same "apply: P2 voided, its note voided, nothing applied from it" \
    "$(csql "SELECT status FROM payments WHERE payment_no = '$P2'")|$(csql \
        "SELECT voided, applied, (SELECT count(*) FROM credit_applications
        a WHERE a.credit_note_id = cn.id) FROM credit_notes cn WHERE cn_no =
        '$CN2'")" "Voided|1|0|0"
for n in 1 2; do
	pdt $n sync >/dev/null
	expect "T0$n's store is consistent" 0 "ok (" pdt $n doctor
done
ledger_ok "the ledger after both windows"

# every row of the table is one checked here, in test_gateway.sh,
# test_arrange.sh or test_deposit_sync.sh
grep -h '^row "' "$TOP/tests/cli/test_gateway.sh" \
    "$TOP/tests/cli/test_arrange.sh" "$TOP/tests/cli/test_deposit_sync.sh" |
    sed 's/^row "\(.*\)"$/\1/' >>"$T/rows"
sed -n '/^\.SH "OPERATIONS OFFLINE/,/^\.SH /p' "$TOP/man/paydesk.1" |
    sed -n '/^Operation /,/^\.ft$/p' | grep -v '^Operation \|^\.ft' |
    grep -v '^   ' | sed 's/\\-/-/g; s/  .*//' | sort -u >"$T/table"
sort -u "$T/rows" >"$T/checked"
if [ -s "$T/table" ] && cmp -s "$T/table" "$T/checked"; then
	ok "every row of the table is checked ($(wc -l <"$T/table") rows)"
else
	notok "every row of the table is checked" \
	    "$(diff "$T/table" "$T/checked" | sed 's/^/  /')"
fi
stop_central
