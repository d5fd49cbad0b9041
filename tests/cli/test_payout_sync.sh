# test_payout_sync.sh - gateway payouts through a real paydesk-central
# (issue 20, "Reconciliation", fault 7; on SQLite and, in make check, on
# PostgreSQL: tests/run.sh): card payments of a gateway settled by a
# settlement file with the column payout (one file settled first without
# it: imported again with it, the payout is filled in, audited; another
# payout for a payment of one is refused); T01 pulls them, imports a
# statement and matches payout po_A by the rule and po_B by hand; the
# central node checks and keeps both matches, on the payout's first
# payment; a forged match of a payout it does not know or of one matched
# already is refused; T02 pulls the statement and the matches and shows
# each payout's payments matched; paydesk-central gateway payments lists
# each payout with its match; a hand payout match is unmatched with a
# note (the unmatch applied at the central node and pulled by T02), a
# payout matched by the rule is not, naming the payout. A gateway's
# settlement account (gateway set --account, s72 fault a): its payouts
# and payments match only credits of that account, by the rule or by
# hand, at the terminal and at the central node.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export URL
F="python3 $TOP/tests/cli/forge.py"
SIM="python3 $TOP/tests/cli/gateway_sim.py"
ACCT=DE89370400440532013000

setup_org || { echo "not ok - setup"; exit 1; }
run central gateway add ACME stripe --profile card
CARD=$(sed -n 's/^signing secret: //p' "$OUT")
run central gateway add ACME adyen --profile card
ADY=$(sed -n 's/^signing secret: //p' "$OUT")
start_central || exit 1
# paid three days ago, settled two days ago, credited yesterday
paid=$(($(date +%s) - 3 * 86400))
sday=$(date -u -d '-2 days' +%F)
cday=$(date -u -d '-1 days' +%F)
for p in pa1:10000 pa2:2550 pa3:7999 pb1:6000 pb2:1000; do
	ev=$($SIM card payment_intent.succeeded "evt_${p%%:*}" "${p%%:*}" \
	    "${p#*:}" usd WU-10001 $paid)
	$SIM send "$URL/v1/gateway/ACME/stripe" --secret "$CARD" "$ev" |
	    grep -q '^200 ' || echo "not ok - card payment ${p%%:*}"
done
# po_A's first payment settled first by a file without the column payout
printf 'code,amount,fee,settled_on\npa1,100.00,3.20,%s\n' "$sday" >"$T/s0.csv"
expect "settle: pa1 without a payout" 0 "1 payment settled" \
    central gateway settle ACME stripe "$T/s0.csv"
cat >"$T/s1.csv" <<CSV
code,amount,fee,settled_on,payout
pa1,100.00,3.20,$sday,po_A
pa2,25.50,1.04,$sday,po_A
pa3,79.99,2.62,$sday,po_A
pb1,60.00,2.00,$sday,po_B
pb2,10.00,0.50,$sday,po_B
CSV
expect "settle: the file again with the column payout fills pa1's in" 0 \
    "4 payments settled, 1 already settled" \
    central gateway settle ACME stripe "$T/s1.csv"
payouts() { csql "SELECT group_concat(x, ' ') FROM (SELECT g.code || ':' || x.payout AS x FROM gateway_payouts x JOIN gateway_payments g ON g.id = x.gw_id ORDER BY g.code) y"; }
same "the central node keeps each payment's payout" "$(payouts)" \
    "pa1:po_A pa2:po_A pa3:po_A pb1:po_B pb2:po_B"
same "pa1's payout filled in is audited" \
    "$(csql "SELECT count(*) FROM audit_log WHERE detail LIKE '%pa1%po_A%'")" 1
sed "s/,po_A\$/,po_X/" "$T/s1.csv" >"$T/s2.csv"
expect "settle: a payment in another payout is refused" 3 \
    "Code pa1: already settled on $sday 00:00:00 in payout \"po_A\", not \"po_X\"" \
    central gateway settle ACME stripe "$T/s2.csv"
same "and nothing changed" "$(payouts)" \
    "pa1:po_A pa2:po_A pa3:po_A pb1:po_B pb2:po_B"
NET_A=$(( (10000 - 320) + (2550 - 104) + (7999 - 262) ))
NET_B=$(( (6000 - 200) + (1000 - 50) ))
money() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }

pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first syncs"
same "T01 pulls the payments with their payouts" \
    "$(tsql 1 "SELECT group_concat(x, ' ') FROM (SELECT g.code || ':' || x.payout AS x FROM gw_payouts x JOIN gw_payments g ON g.id = x.gw_id ORDER BY g.code) y")" \
    "pa1:po_A pa2:po_A pa3:po_A pb1:po_B pb2:po_B"
M1() { PAYDESK_PIN=2222 pdt 1 --user mary "$@"; }
M2() { PAYDESK_PIN=2222 pdt 2 --user mary "$@"; }
cat >"$T/st.csv" <<CSV
date,amount,reference
$cday,$(money $NET_A),STRIPE PAYOUT po_A
$cday,$(money $NET_B),STRIPE TRANSFER 77
$cday,$(money $NET_B),STRIPE TRANSFER 78
CSV
M1 statement mapping add m1 date=1 amount=2 reference=3 header=1 >/dev/null
M1 statement import "$T/st.csv" --mapping m1 --account $ACCT >/dev/null ||
    echo "not ok - T01 import"
N=$(M1 --csv statement list | awk -F, 'NR == 2 { print $1 }')
run M1 --json deposit match
same "T01 matches po_A by the rule" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["payout"])' "$OUT")" 1
expect "T01 matches po_B by hand to line 2" 0 "payout" \
    M1 reconcile match "$N:2" --payout stripe:po_B --note "Reference lost"
expect "the statement and both matches are applied" 0 "Rejected    0" pdt 1 sync
cmatches() { csql "SELECT coalesce(group_concat(x, ' '), '') FROM (SELECT l.seq || ':' || m.rule || ':' || g.code || ':' || CAST(m.unmatched_at <> '' AS INTEGER) AS x FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id JOIN gateway_payments g ON g.id = m.gw_id ORDER BY m.id) y"; }
same "the central node keeps both, each on its payout's first payment" \
    "$(cmatches)" "1:payout:pa1:0 2:payout:pb1:0"
same "with the hand match's note and supervisor" \
    "$(csql "SELECT m.note || '|' || m.matched_by FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.seq = 2")" \
    "Reference lost|mary"
# forged matches: refused saying why, nothing kept
forged() {
	name=$1 needle=$2
	shift 2
	before=$(cmatches)
	r=$($F "$T/t1.db" "$TOK1" statement_match "$@" 2>&1)
	case "$r" in "rejected: "*"$needle"*) ok "$name: rejected, saying why" ;;
	*) echo "not ok - $name: rejected, saying why"; echo "  got: $r"
	   echo "  wanted: rejected: ...$needle..." ;; esac
	same "$name: nothing kept" "$(cmatches)" "$before"
}
forged "a match of a payout the central node does not know" \
    "Gateway payout stripe po_Z is not known here" data.line=3 data.payout=po_Z
forged "a match of a payout matched already" \
    "Gateway payout stripe po_B is matched already" data.line=3
run central gateway payments ACME stripe
has "gateway payments: po_A, its payments and its match" \
    "Payout po_A: 3 payments, $(money $NET_A) less fees, matched to statement line $N:1 (payout, by mary)"
has "gateway payments: po_B matched by hand" \
    "Payout po_B: 2 payments, $(money $NET_B) less fees, matched to statement line $N:2 (payout, by mary)"

expect "T02 pulls the statement and the matches" 0 "" pdt 2 sync
tmatches() { tsql $1 "SELECT coalesce(group_concat(x, ' '), '') FROM (SELECT l.seq || ':' || m.rule || ':' || g.code || ':' || CAST(m.unmatched_at <> '' AS INTEGER) AS x FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id JOIN gw_payments g ON g.id = m.gw_id ORDER BY m.id) y"; }
same "T02 has both payout matches" "$(tmatches 2)" "1:payout:pa1:0 2:payout:pb1:0"
run M2 --json statement show "$N"
same "T02: statement show says each payout matched, with its payments" \
    "$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(" ".join("%d:%s:%s" % (x["seq"], x["rule"], x["matched_to"]) for x in d["lines"] if x.get("rule")))' "$OUT" 2>&1)" \
    "1:payout:stripe po_A (3) 2:payout:stripe po_B (2)"
expect "T02's store is consistent" 0 "ok (" pdt 2 doctor
expect "T02 pulls nothing twice" 0 "" pdt 2 sync
same "T02 still has each match once" "$(tmatches 2)" "1:payout:pa1:0 2:payout:pb1:0"

# unmatching: the rule's match stays, naming the payout; the hand match
# is undone with a note, at the central node and at T02
refused "unmatch: a payout matched by the rule stays" 3 \
    "Statement line $N:1 is matched to payout stripe po_A by its rule" \
    M1 reconcile unmatch "$N:1" --note "Try again"
expect "unmatch: the hand payout match, with a note" 0 "" \
    M1 reconcile unmatch "$N:2" --note "Wrong line"
expect "the unmatch is applied" 0 "Rejected    0" pdt 1 sync
same "the central node undid the hand match" "$(cmatches)" \
    "1:payout:pa1:0 2:payout:pb1:1"
expect "T02 pulls the unmatch" 0 "" pdt 2 sync
same "T02 undid it too" "$(tmatches 2)" "1:payout:pa1:0 2:payout:pb1:1"
expect "T02 matches po_B by hand to line 3" 0 "payout" \
    M2 reconcile match "$N:3" --payout stripe:po_B --note "The right line"
expect "and it is applied" 0 "Rejected    0" pdt 2 sync
same "the central node keeps it" "$(cmatches)" \
    "1:payout:pa1:0 2:payout:pb1:1 3:payout:pb1:0"
pdt 1 sync >/dev/null || echo "not ok - T01 sync"
same "T01 pulls it" "$(tmatches 1)" "1:payout:pa1:0 2:payout:pb1:1 3:payout:pb1:0"
expect "T01's store is consistent" 0 "ok (" pdt 1 doctor

# the central node's reconciliation reads the same matches as its
# terminals: a payout's credit matched there, not a credit of nothing
# (s72, helper-287: the central node joined the terminals' pulled gateway
# payments, empty there, and its days stood 142.10 apart from theirs)
daysof() { python3 -c 'import json,sys
print(" ".join("%s:%d:%d:%d:%d" % (d["date"], d["expected"], d["credited"], d["matched"], d["difference"]) for d in json.load(open(sys.argv[1])) if d.get("account", sys.argv[2]) == sys.argv[2]))' "$OUT" "$ACCT"; }
run M1 --json report reconciliation --account $ACCT
t1days=$(daysof)
run central reconciliation ACME --account $ACCT --json
same "paydesk-central reconciliation: each day as T01 reckons it" \
    "$(daysof)" "$t1days"
case "$t1days" in *:0:0:0:0*|"") notok "T01's days hold the payouts' credits" "$t1days" ;;
*) ok "T01's days hold the payouts' credits" ;; esac
run central statements ACME "$N" --json
same "paydesk-central statements: each payout's line matched, by its rule" \
    "$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
ls=d["lines"] if isinstance(d, dict) else d
print(" ".join("%s:%s" % (x["line"], x.get("rule","")) for x in ls if x.get("status") == "matched"))' "$OUT" 2>&1)" \
    "1:payout 3:payout"
run central exceptions ACME --account $ACCT --json
lacks_payout=$(python3 -c 'import json,sys
print(sum(1 for e in json.load(open(sys.argv[1])) if e["kind"] == "amount_differs"))' "$OUT" 2>&1)
same "paydesk-central exceptions: no payout's credit reads as amount_differs" "$lacks_payout" 0

# a gateway's settlement account (s72 fault a): adyen pays out to ACCT2
# only; a credit of ACCT naming its payout is not its payout
ACCT2=GB29NWBK60161331926819
refused "gateway set --account: not an account number" 3 \
    "--account \"GB29 NWBK\": an IBAN or account number" \
    central gateway set ACME adyen --account "GB29 NWBK"
expect "gateway set --account" 0 "gateway adyen of ACME: set" \
    central gateway set ACME adyen --account $ACCT2
expect "gateway list names the settlement account" 0 "$ACCT2" \
    central gateway list ACME
for p in qa1:4000 qa2:3000 qc1:2500; do
	ev=$($SIM card payment_intent.succeeded "evt_${p%%:*}" "${p%%:*}" \
	    "${p#*:}" usd WU-10001 $paid)
	$SIM send "$URL/v1/gateway/ACME/adyen" --secret "$ADY" "$ev" |
	    grep -q '^200 ' || echo "not ok - adyen payment ${p%%:*}"
done
cat >"$T/q1.csv" <<CSV
code,amount,fee,settled_on,payout
qa1,40.00,1.00,$sday,po_Q
qa2,30.00,1.00,$sday,po_Q
CSV
printf 'code,amount,fee,settled_on\nqc1,25.00,0.50,%s\n' "$sday" >"$T/q2.csv"
central gateway settle ACME adyen "$T/q1.csv" >/dev/null &&
    central gateway settle ACME adyen "$T/q2.csv" >/dev/null ||
    echo "not ok - adyen settles"
same "the central node keeps the account each payment settled to" \
    "$(csql "SELECT group_concat(x, ' ') FROM (SELECT g.code || ':' || a.account AS x FROM gateway_pay_accounts a JOIN gateway_payments g ON g.id = a.gw_id ORDER BY g.code) y")" \
    "qa1:$ACCT2 qa2:$ACCT2 qc1:$ACCT2"
pdt 1 sync >/dev/null || echo "not ok - T01 sync (adyen)"
same "T01 pulls each payment's settlement account" \
    "$(tsql 1 "SELECT group_concat(x, ' ') FROM (SELECT g.code || ':' || a.account AS x FROM gw_pay_accounts a JOIN gw_payments g ON g.id = a.gw_id ORDER BY g.code) y")" \
    "qa1:$ACCT2 qa2:$ACCT2 qc1:$ACCT2"
NET_Q=$(( (4000 - 100) + (3000 - 100) ))
cat >"$T/sq.csv" <<CSV
date,amount,reference
$cday,$(money $NET_Q),ADYEN PAYOUT po_Q
$cday,24.50,ADYEN qc1
CSV
M1 statement import "$T/sq.csv" --mapping m1 --account $ACCT >/dev/null ||
    echo "not ok - T01 import of ACCT"
NQ=$(M1 --csv statement list | awk -F, -v o="$N" 'NR > 1 && $1 != o { print $1; exit }')
run M1 --json deposit match
same "the rules leave a credit of another account than the gateway's" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["payout"], d["gateway"])' "$OUT")" "0 0"
refused "hand payout match to another account is refused" 3 \
    "Gateway adyen settles to bank account $ACCT2; statement line $NQ:1 is of account $ACCT" \
    M1 reconcile match "$NQ:1" --payout adyen:po_Q --note "Wrong account"
refused "hand gateway match to another account is refused" 3 \
    "Gateway adyen settles to bank account $ACCT2; statement line $NQ:2 is of account $ACCT" \
    M1 reconcile match "$NQ:2" --gateway adyen:qc1 --note "Wrong account"
M1 statement import "$T/sq.csv" --mapping m1 --account $ACCT2 >/dev/null ||
    echo "not ok - T01 import of ACCT2"
run M1 --json deposit match
same "the rules match the gateway's credits of its account" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["payout"], d["gateway"])' "$OUT")" "1 1"
expect "and the central node keeps them" 0 "Rejected    0" pdt 1 sync
