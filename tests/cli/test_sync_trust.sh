# test_sync_trust.sh - the central node applies only what a terminal
# could have posted itself (issue 18, part 1), with a real paydesk-central
# on loopback: records forged from a terminal's real ones
# (tests/cli/forge.py) and pushed with its own token are rejected with
# the reason and logged, the central ledger does not change, the records
# after them still go, and the other terminal's numbers stay its own. A
# refused record of the terminal's own outbox is quarantined and shown
# with its reason (paydesk sync --quarantine; the Sync screen shows the
# same list: tests/tui). The same records unchanged are applied.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_PIN=1234 URL
F="python3 $TOP/tests/cli/forge.py"

setup_org || { echo "not ok - setup"; exit 1; }
start_central || exit 1
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first syncs"

# T01's real records of every kind a terminal pushes
pdt 1 --user jane pay WU-10002 --type bill --method Cash --amount 10 \
    --tendered 20 >/dev/null
p_cash=$(tsql 1 "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")
pdt 1 --user jane pay WU-10001 --type bill --method Online --amount 500 >/dev/null
p_online=$(tsql 1 "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")
pdt 1 --user jane pay WU-10003 --type bill --method "Credit Card" --amount 20 >/dev/null
r_card=$(tsql 1 "SELECT receipt_no FROM payments ORDER BY id DESC LIMIT 1")
PAYDESK_PIN=2222 pdt 1 --user mary credit-note create "$r_card" --amount 5 \
    --reason "Billing Error" >/dev/null || echo "not ok - credit note"
cn=$(tsql 1 "SELECT cn_no FROM credit_notes WHERE automatic = 0")
item=$(tsql 1 "SELECT i.ref FROM items i JOIN consumers c ON c.id = i.consumer_id
    WHERE c.account_no = 'WU-10003' AND i.settled < i.amount LIMIT 1")
pdt 1 --user jane credit-note apply "$cn" --to "$item" --amount 1 >/dev/null ||
    echo "not ok - credit apply"
PAYDESK_PIN=2222 pdt 1 --user mary payment void "$p_cash" --reason "wrong consumer" \
    >/dev/null || echo "not ok - void"
expect "T01's real records are all applied" 0 "Applied     6" pdt 1 sync

ledger() { csql "SELECT (SELECT group_concat(payment_no || ':' || amount || ':' ||
    status) FROM payments) || '/' || (SELECT group_concat(cn_no || ':' ||
    amount || ':' || applied) FROM credit_notes) || '/' || (SELECT count(*)
    FROM voids) || '/' || (SELECT count(*) FROM credit_applications)"; }
start=$(ledger)
# forged NAME NEEDLE KIND ARGS...: T01 pushes a record made from its own
# KIND record with ARGS changed: rejected saying NEEDLE, logged, the
# central ledger unchanged
forged() {
	name=$1 needle=$2
	shift 2
	before=$(ledger)
	logged=$(csql "SELECT count(*) FROM sync_log WHERE event = 'rejected'")
	r=$($F "$T/t1.db" "$TOK1" "$@" 2>&1)
	case "$r" in "rejected: "*"$needle"*) ok "$name: rejected, saying why" ;;
	*) echo "not ok - $name: rejected, saying why"; echo "  got: $r"
	   echo "  wanted: rejected: ...$needle..." ;; esac
	same "$name: the central ledger is unchanged" "$(ledger)" "$before"
	same "$name: logged for the operator" \
	    "$(csql "SELECT count(*) FROM sync_log WHERE event = 'rejected'")" \
	    $((logged + 1))
}

# -- the examples of the issue
forged "T01 pushing a payment of T02's series" \
    'PAY-T02-2026-000001 is not a number of the series' \
    payment data.payment_no=PAY-T02-2026-000001 \
    data.txn_no=TXN-T02-2026-000001 data.receipt_no=R-T02-000001
forged "a payment of 9223372036854775807 minor units" \
    "Amount 9223372036854775807 is not between" payment \
    data.amount=9223372036854775807 data.overpaid=9223372036854775807
forged "a payment pushed Voided, no void record" "Status Voided: a new card payment is Posted" \
    payment data.status=Voided
same "T02 still posts: its numbers are its own" \
    "$(pdt 2 sync >/dev/null; pdt 2 --user jane pay WU-10002 --type bill \
        --method Cash --amount 3 >/dev/null; echo $?)" 0
expect "and its payment R-T02-000001 is applied" 0 "Applied     1" pdt 2 sync
same "the central node has T02's own R-T02-000001" \
    "$(csql "SELECT terminal FROM payments WHERE receipt_no = 'R-T02-000001'")" T02

# -- numbers: the sending terminal's own series, rendered exactly
forged "a transaction number of T02's series" "TXN-T02-" payment \
    data.txn_no=TXN-T02-2026-seq
forged "a receipt number padded wrong" "R-{TERM}-{SEQ:6}\" of terminal T01" payment \
    data.receipt_no=R-T01-0seq
forged "a payment number of another year than its date" "PAY-T01-2019-" \
    payment data.payment_no=PAY-T01-2019-seq
forged "an overpayment's credit note of T02's series" "CN-T02-" \
    payment:$p_online data.credit_note.number=CN-T02-seq
forged "a credit note of the central node's series" "CN-HQ-" credit_note \
    data.number=CN-HQ-seq
# -- amounts within the rules and the configured bounds
forged "a tendered amount of 2^63-1" "Amount received 9223372036854775807" \
    payment:$p_cash data.tendered=9223372036854775807
forged "change that is not tendered less the amount" "Change 5 is not" \
    payment:$p_cash data.change=5
forged "an overpayment past the threshold" "exceeds" payment:$p_online \
    data.amount=1000000 data.overpaid=970225 data.credit_note.amount=970225
forged "a balance past the money bound" "Balance after" payment \
    data.balance_after=-9223372036854775807
forged "an allocation above what was due" "Allocation 1" payment \
    data.allocations.0.due_before=1
forged "an overpaid amount without its credit note" "comes with its credit note" \
    payment:$p_online data.credit_note=-
# -- statuses a terminal may set
forged "a cash payment pushed Failed" "Status Failed: a new cash payment is Posted" payment:$p_cash \
    data.status=Failed
forged "an online payment pushed Posted" "Status Posted: a new online payment is Pending" \
    payment:$p_online data.status=Posted
forged "a card payment pushed Pending" "Status Pending: a new card payment is Posted" payment \
    data.status=Pending
forged "a posted payment not verified" "verified when it is posted" payment \
    data.verified=false
# -- reasons from the organisation's settings, dates, expiries, text
forged "a credit note with a reason the organisation does not have" \
    'reason "Bribe" is not one of' credit_note data.reason=Bribe
forged "an overpayment's credit note for another reason" "for Overpayment" \
    payment:$p_online data.credit_note.reason=Other
forged "a credit note living 20 years" "not 7305" credit_note \
    data.expires_on=2046-11-30 data.created_on=2026-11-30
forged "a credit note already expired when made" "not -1" credit_note \
    data.expires_on=2026-11-29 data.created_on=2026-11-30
forged "a standalone credit note marked automatic" "comes with its payment" \
    credit_note data.automatic=true
forged "a payment dated next year" "is in the future" payment \
    data.paid_on=2099-01-01 data.payment_no=PAY-T01-2099-seq \
    data.txn_no=TXN-T01-2099-seq
forged "a credit applied in the future" "is in the future" credit_apply \
    data.applied_on=2099-01-01
forged "a record stamped in the future" "Record time" void \
    'at=2099-01-01 00:00:00'
forged "notes past payments.notes_max" "the limit is 250" payment \
    data.notes=$(printf 'n%.0s' $(seq 260))
forged "a void reason past credit_notes.remarks_max" "the limit is 500" void \
    data.reason=$(printf 'r%.0s' $(seq 505))
# -- the organisation's currency, the terminal's own branch
forged "a payment in another currency" "the organisation's currency is USD" \
    payment currency=EUR
forged "a record naming another branch" "terminal T01 is of branch B01" \
    payment branch=B02
same "the central ledger holds T01's and T02's real records only" \
    "$(csql "SELECT count(*) FROM payments WHERE terminal = 'T01'") $(csql \
    "SELECT count(*) FROM payments WHERE terminal = 'T02'")" "3 1"
expect "the central store is consistent" 0 "ok (" "$PD" --db "$CDB" doctor

# -- the same records unchanged are applied (the forger is not the rule)
r=$($F "$T/t1.db" "$TOK1" payment 2>&1)
same "a fresh copy of a real payment, new numbers of T01's series: applied" \
    "$r" applied

# -- a refused record of T01's own outbox: quarantined with its reason,
#    and the records after it still go
pdt 1 --user jane pay WU-10002 --type bill --method Cash --amount 2 >/dev/null
u=$(tsql 1 "SELECT uuid FROM outbox WHERE sent_at IS NULL ORDER BY id DESC LIMIT 1")
tsql 1 "UPDATE outbox SET payload = replace(payload, '\"status\":\"Posted\"',
    '\"status\":\"Cancelled\"') WHERE uuid = '$u'"
pdt 1 --user jane pay WU-10002 --type bill --method Cash --amount 1 >/dev/null
run pdt 1 sync
if [ "$RC" -eq 0 ] && grep -q "Applied     1" "$OUT" && grep -q "Rejected    1" "$OUT"; then
	ok "the refused record does not block the one after it"
else
	notok "the refused record does not block the one after it"
fi
expect "paydesk sync --quarantine shows it with the reason" 0 \
    "Status Cancelled: a new cash payment is Posted" pdt 1 sync --quarantine
same "it is kept at the central node's log too" \
    "$(csql "SELECT count(*) FROM sync_log WHERE uuid = '$u'")" 1
same "every other payment of T01 is at the central node" \
    "$(sqlite3 "$CDB" "ATTACH '$T/t1.db' AS t; SELECT count(*) FROM t.payments
        WHERE uuid <> '$u' AND uuid NOT IN (SELECT uuid FROM main.payments)")" 0
expect "the central store is consistent after all" 0 "ok (" "$PD" --db "$CDB" doctor

# -- the organisation's number formats: mastered at the central node, the
#    numbers it accepts follow them
printf 'key,value\nnumbers.receipt,RC-{TERM}-{SEQ:4}\n' >"$T/n.csv"
expect "the organisation's receipt format is set at the central node" 0 \
    "1 added" central import ACME settings "$T/n.csv"
forged "a receipt of the format before the change" '"RC-{TERM}-{SEQ:4}"' \
    payment
expect "the terminal pulls the format" 0 "Pulled" pdt 1 sync
pdt 1 --user jane pay WU-10002 --type bill --method Cash --amount 1 >/dev/null
expect "its next receipt, of the new format, is applied" 0 "Applied     1" \
    pdt 1 sync
same "numbered RC-T01-NNNN at the central node (the series goes on)" \
    "$(csql "SELECT count(*) FROM payments WHERE receipt_no GLOB 'RC-T01-[0-9][0-9][0-9][0-9]'")" 1
