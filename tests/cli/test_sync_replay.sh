# test_sync_replay.sh - a pull from cursor 0 (a replay of the whole feed:
# the sync state's cursor reset) is idempotent for every kind of record
# the feed carries (issue 20, fault 1: a voided payment's allocations
# came back). Two terminals make payments, voids, verifications, credit
# notes and their applications, arrangements with a reschedule and a
# cancel, disputes (reviewed, upheld, rejected), shifts with their
# movements and closes, deposits (one voided), a bank statement with a
# match, an unmatch and a resolution, and alerts acknowledged, assigned,
# noted and closed, and a card gateway reports a payment; each pulls the
# other's; one of T01's payments the central node altered is voided at
# T01. Then each pulls the whole
# feed again: nothing is set aside, doctor is clean, and every table's
# rows and sums (money and all) are what they were. On SQLite and
# PostgreSQL (tests/run.sh).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_NOW=2025-05-02
ACCT=NL77ABNA0574908765

PAYDESK_NOW=2025-05-01 setup_org || { echo "not ok - setup"; exit 1; }
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' >"$T/rec.csv"
central import ACME users "$T/rec.csv" >/dev/null
printf '[alerts]\nlarge_payment = 100.00\n' >>"$T/t1.ini"
printf '[alerts]\nlarge_payment = 100.00\n' >>"$T/t2.ini"
# a card gateway, whose payment (and the ledger payment of it) the feed
# carries too
echo "gateway_max_age = 3650" >>"$T/central.ini"
run central gateway add ACME stripe --profile card
GWSEC=$(sed -n 's/^signing secret: //p' "$OUT")
start_central || exit 1
GS="python3 $TOP/tests/cli/gateway_sim.py"
ev=$($GS card payment_intent.succeeded evt_1 pi_1 1500 usd WU-10001 "$(date -u -d '2025-05-02 10:00:00' +%s)")
# signed at the central node's clock (PAYDESK_NOW, noon of its day)
run $GS send "$URL/v1/gateway/ACME/stripe" --secret "$GWSEC" --t-offset \
    "$(($(date -d '2025-05-02 12:00:00' +%s) - $(date +%s)))" "$ev"
has "(the gateway's payment is taken)" '"status":"succeeded"'
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first syncs"
R() { n=$1; shift; PAYDESK_PIN=4321 pdt $n --user rita "$@"; }
lastcn() { tsql $1 "SELECT cn_no FROM credit_notes ORDER BY id DESC LIMIT 1"; }

# the bills of the scenario: X<n>-1 .. X<n>-9 of consumer WU-1000<n>
{
	echo "invoice_no,account_no,period,amount,issued_on,due_on"
	for n in 1 2; do for k in 1 2 3 4 5 6 7 8 9; do
		echo "X$n-$k,WU-1000$n,Mar 2025,50.00,2025-03-01,2025-03-20"
	done; done
} >"$T/b.csv"
central import ACME bills "$T/b.csv" >/dev/null || echo "not ok - bills imported"
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - bills pulled"

# -- each terminal's day: the same kinds of record at both
day() {
	n=$1 acc=WU-1000$1 x=X$1
	must "T0$n shift open" C $n shift open --count 5000x1
	must "T0$n pay-in" C $n shift pay-in 20 --reason "Change from safe"
	must "T0$n pay-out" C $n shift pay-out 5 --reason "Petty cash"
	# a payment, voided
	must "T0$n cash payment" C $n pay $acc --type bill --items $x-1 --method Cash --amount 30 --tendered 30
	must "T0$n void" S $n payment void "$(lastpay $n)" --reason "Wrong consumer"
	# a large payment (an alert) that overpays its bill (a credit note)
	must "T0$n large payment" C $n pay $acc --type bill --items $x-2 --method Cash --amount 400 --tendered 400
	must "T0$n cheque payment" C $n pay $acc --type bill --items $x-3 --method Cheque --amount 12.34 --reference 50$n
	must "T0$n drop" C $n shift drop 20 --reason "Safe drop"
	must "T0$n shift close" C $n shift close --count "10000x4,2000x2,500x1" --cheque "50$n:12.34"
	# an online payment, verified; another one left pending
	must "T0$n online payment" C $n pay $acc --type bill --items $x-3 --method Online --amount 5 --reference "TX-$n-1"
	must "T0$n verify" S $n payment verify "$(lastpay $n)"
	must "T0$n online pending" C $n pay $acc --type bill --items $x-3 --method Online --amount 4 --reference "TX-$n-2"
	# a credit note made by hand and one applied
	must "T0$n credit note" S $n credit-note create "$(tsql $n "SELECT receipt_no FROM payments WHERE reference = 'TX-$n-1'")" --amount 1 --reason "Billing Error"
	must "T0$n credit applied" C $n credit-note apply "$(tsql $n "SELECT cn_no FROM credit_notes WHERE automatic = 1 ORDER BY id DESC LIMIT 1")" --to $x-4 --amount 10
	# disputes: one upheld by a void, one rejected after a review
	must "T0$n payment to dispute" C $n pay $acc --type bill --items $x-5 --method Cash --amount 6 --tendered 6
	must "T0$n dispute open" R $n dispute open "$(lastpay $n)" --reason chargeback
	d=$(tsql $n "SELECT dispute_no FROM disputes ORDER BY id DESC LIMIT 1")
	must "T0$n dispute uphold" S $n dispute uphold "$d" --void --note refund
	must "T0$n payment to dispute 2" C $n pay $acc --type bill --items $x-5 --method Cash --amount 7 --tendered 7
	must "T0$n dispute open 2" R $n dispute open "$(lastpay $n)" --reason chargeback
	d=$(tsql $n "SELECT dispute_no FROM disputes ORDER BY id DESC LIMIT 1")
	must "T0$n dispute review" R $n dispute review "$d"
	must "T0$n dispute reject" R $n dispute reject "$d" --note "Confirmed"
	# arrangements: one paid and rescheduled, one cancelled
	must "T0$n arrangement" R $n arrangement create $acc --items $x-6,$x-7 --installments 2 \
	    --frequency weekly --first-due 2025-05-09 --reason Hardship
	plan=$(tsql $n "SELECT p.plan_no FROM arrangements a JOIN plans p ON p.id = a.plan_id ORDER BY a.id DESC LIMIT 1")
	must "T0$n installment paid" C $n pay $acc --type installment --items "$plan#1" --method Cash --amount 20 --tendered 20
	must "T0$n reschedule" R $n arrangement reschedule "$plan" --installments 3 \
	    --frequency weekly --first-due 2025-05-16 --reason "Lost job"
	must "T0$n arrangement 2" R $n arrangement create $acc --items $x-8 --installments 2 \
	    --frequency weekly --first-due 2025-05-09 --reason Hardship
	must "T0$n cancel" R $n arrangement cancel "$(tsql $n "SELECT p.plan_no FROM arrangements a JOIN plans p ON p.id = a.plan_id ORDER BY a.id DESC LIMIT 1")" --reason "Moved away"
	# alerts: acknowledged, assigned, noted, closed
	for a in $(tsql $n "SELECT id FROM alerts WHERE status = 'open' ORDER BY id"); do
		must "T0$n alert ack" R $n alerts ack "$a"
		must "T0$n alert assign" R $n alerts assign "$a" rita
		must "T0$n alert note" R $n alerts note "$a" "Called the payer"
		must "T0$n alert close" R $n alerts close "$a"
	done
	# deposits: one voided (prepared), one handed to the bank and matched to a credit, unmatched, matched
	# again; an exception resolved
	z=$(tsql $n "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
	must "T0$n deposit" S $n deposit create "$z:Cash=100.00" --slip BAG-$n-1 --account $ACCT
	must "T0$n deposit void" S $n deposit void BAG-$n-1 --reason "Wrong bag"
	must "T0$n deposit again" S $n deposit create "$z:Cash=100.00" --slip BAG-$n-2 --account $ACCT
	must "T0$n deposit hand" S $n deposit hand BAG-$n-2
	must "T0$n cheque deposit" S $n deposit create --cheque 50$n --slip CHQ-$n --account $ACCT
	printf 'date,amount,reference\n2025-05-02,100.00,BAG-%s-2\n2025-05-02,3.00,GIFT-%s\n' $n $n >"$T/st$n.csv"
	must "T0$n mapping" S $n statement mapping add m date=1 amount=2 reference=3 header=1
	must "T0$n statement" S $n statement import "$T/st$n.csv" --mapping m --account $ACCT
	st=$(tsql $n "SELECT id FROM bank_statements ORDER BY id DESC LIMIT 1")
	must "T0$n match" S $n deposit match BAG-$n-2 --line "#$st:1" --note "by hand"
	must "T0$n unmatch" S $n deposit unmatch BAG-$n-2 --note "not this one"
	must "T0$n match again" S $n deposit match BAG-$n-2 --line "#$st:1" --note "this one after all"
	must "T0$n resolve" S $n reconcile resolve "unexpected_credit:#$st:2" --note "Refunded"
	for k in 1 2; do pdt 1 sync >/dev/null; pdt 2 sync >/dev/null; done
}
day 1
day 2
for k in 1 2; do pdt 1 sync >/dev/null; pdt 2 sync >/dev/null; done

# T01's own payment the central node altered (T02 paid X1-9 first: of
# T01's 30.00 it takes 10.00, 20.00 is credit), then voided at T01: the
# central node sends it back to T01 as it applied it, 10.00 to X1-9, at
# every replay, and it holds nothing
must "T02 pays X1-9 first" C 2 pay WU-10001 --type bill --items X1-9 --method Cash --amount 40 --tendered 40
must "T01 pays X1-9 offline" C 1 pay WU-10001 --type bill --items X1-9 --method Cash --amount 30 --tendered 30
alt=$(lastpay 1)
pdt 2 sync >/dev/null; pdt 1 sync >/dev/null
same "(the central node took 10.00 of T01's payment to X1-9)" \
    "$(tsql 1 "SELECT sum(a.amount) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.receipt_no = '$alt'")" 1000
must "T01 voids its altered payment" S 1 payment void "$alt" --reason "Paid twice"
for k in 1 2; do pdt 1 sync >/dev/null; pdt 2 sync >/dev/null; done

# dump N: every table of terminal N's store but the bookkeeping of the
# sync itself and the audit log: its row count and the sum of each of its
# number columns
dump() {
	python3 - "$T/t$1.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
skip = {"meta", "audit_log", "sync_state", "sqlite_sequence"}
for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT LIKE 'consumers_words%' ORDER BY name"):
    if t in skip:
        continue
    cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % t) if (r[2] or "").upper() in ("INTEGER", "INT", "")]
    q = "SELECT count(*)" + "".join(", total(%s)" % c for c in cols) + " FROM %s" % t
    print(t, " ".join(str(v) for v in db.execute(q).fetchone()))
PY
}
same "(both terminals have the gateway's payment and its ledger payment)" \
    "$(tsql 1 "SELECT count(*) FROM gw_payments")$(tsql 1 "SELECT count(*) FROM payments WHERE payment_no LIKE 'G-stripe-%'")/$(tsql 2 "SELECT count(*) FROM gw_payments")$(tsql 2 "SELECT count(*) FROM payments WHERE payment_no LIKE 'G-stripe-%'")" "11/11"
kinds=$(csql "SELECT group_concat(DISTINCT entity) FROM (SELECT entity FROM feed ORDER BY entity) x")
echo "# the feed holds: $kinds"
for n in 1 2; do
	expect "T0$n: doctor before the replay" 0 "ok (" pdt $n doctor
	dump $n >"$T/before$n"
	tsql $n "UPDATE meta SET value = '0' WHERE key = 'sync.cursor'"
	expect "T0$n pulls the whole feed again: nothing set aside" 0 "Conflicts   0" pdt $n sync
	expect "T0$n: doctor after the replay" 0 "ok (" pdt $n doctor
	dump $n >"$T/after$n"
	if cmp -s "$T/before$n" "$T/after$n"; then
		ok "T0$n: the replay changed no table"
	else
		echo "not ok - T0$n: the replay changed no table"
		diff "$T/before$n" "$T/after$n" | sed 's/^/  | /'
	fi
done
