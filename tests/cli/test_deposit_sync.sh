# test_deposit_sync.sh - cheques deposited by number at the central node
# (issue 20; on SQLite and, in make check, on PostgreSQL: tests/run.sh):
# a terminal's deposit of one cheque of a shift is applied with it; the
# central node refuses a record (forged from the real one,
# tests/cli/forge.py) of a cheque deposited already, one no close counted,
# one of another amount, one listed twice, a line that is not its
# cheques' total, a cheque of no line of the deposit, and an older
# terminal's part of a shift's cheques, each naming the cheque and
# changing nothing; an older terminal's record of all of them is applied
# with each cheque; a voided deposit's cheque is taken again; the other
# terminal pulls the deposits with their cheques; paydesk-central
# deposits lists them; two supervisors' resolutions of one exception.
# Three terminals match
# one credit and use one bag number offline, all in one second (review
# R20, faults 1 and 2): the losers' match and deposit are undone as the
# refusal is heard, the winners' pulled and applied, a clash at the pull
# named, never a raw store message; after unmatches, matches again and
# the bags made again, every terminal reads the same deposits, matches,
# reconciliation and exceptions as the central node, doctor ok; a
# refused deposit an older version left live is undone at the pull; the
# winner's resolution of its match ends applied where the loser's match
# was undone. A branch's one bag of two terminals' drawers
# (deposit_branch.sh). Deposits prepared then handed (issue 20): a hand
# applied at the central node and pulled by T02, the node's refusals of a
# hand (a deposit it does not know, handed twice, another terminal's) and
# of a match of a deposit it holds prepared.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export URL
F="python3 $TOP/tests/cli/forge.py"
ACCT=NL77ABNA0574908765

setup_org || { echo "not ok - setup"; exit 1; }
start_central || exit 1
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first syncs"
J() { PAYDESK_PIN=1234 pdt 1 --user jane "$@"; }
M() { PAYDESK_PIN=2222 pdt 1 --user mary "$@"; }
J shift open --count 5000x1 >/dev/null || echo "not ok - shift open"
for c in 12.34:5001 20:5002 7.50:5003; do
	J pay WU-10001 --type bill --method Cheque --amount "${c%%:*}" \
	    --reference "${c#*:}" >/dev/null 2>&1 || echo "not ok - cheque $c"
done
J shift close --count 5000x1 --cheque "5001:12.34;5002:20;5003:7.50" >/dev/null ||
    echo "not ok - shift close"
Z=$(tsql 1 "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
C5003="{\"shift_uuid\": \"$(tsql 1 "SELECT uuid FROM shifts ORDER BY id DESC LIMIT 1")\", \"method\": \"Cheque\", \"number\": \"5003\", \"amount\": 750}"
M deposit create --cheque 5002 --slip CHQ-1 --account $ACCT >/dev/null ||
    echo "not ok - deposit of cheque 5002"
expect "the shift, its cheques and the deposit of one of them are applied" 0 "Rejected    0" pdt 1 sync
cheques() { csql "SELECT coalesce(group_concat(x, ' '), '') FROM (SELECT d.slip_no || ':' ||
    q.number || ':' || q.amount AS x FROM deposit_cheques q JOIN deposits d ON
    d.id = q.deposit_id ORDER BY q.id) y"; }
same "the central node has the deposit's cheque" "$(cheques)" "CHQ-1:5002:2000"
# (issue 20) each payment's shift, carried by its record: kept by the
# central node and by T02, which pulls it
SH1=$(tsql 1 "SELECT uuid FROM shifts ORDER BY id DESC LIMIT 1")
same "the central node keeps the shift of T01's three cheques" \
    "$(csql "SELECT count(*) FROM payments p JOIN payment_shifts k ON k.payment_id = p.id WHERE p.terminal = 'T01' AND p.reference IN ('5001', '5002', '5003') AND k.shift_uuid = '$SH1'")" 3
pdt 2 sync >/dev/null || echo "not ok - T02 sync"
same "T02 pulls them with their shift" \
    "$(tsql 2 "SELECT count(*) FROM payments p JOIN payment_shifts k ON k.payment_id = p.id WHERE p.terminal = 'T01' AND p.reference IN ('5001', '5002', '5003') AND k.shift_uuid = '$SH1'")" 3

# forged NAME NEEDLE ARGS...: T01 pushes its record of deposit $FROM, a
# new slip, with ARGS changed: rejected saying NEEDLE, nothing written
FROM=CHQ-1
forged() {
	name=$1 needle=$2
	shift 2
	before=$(cheques)/$(csql "SELECT count(*) FROM deposits")
	r=$($F "$T/t1.db" "$TOK1" deposit:$FROM data.slip_no=CHQ-8 "$@" 2>&1)
	case "$r" in "rejected: "*"$needle"*) ok "$name: rejected, naming the cheque" ;;
	*) echo "not ok - $name: rejected, naming the cheque"; echo "  got: $r"
	   echo "  wanted: rejected: ...$needle..." ;; esac
	same "$name: nothing written" \
	    "$(cheques)/$(csql "SELECT count(*) FROM deposits")" "$before"
}
forged "a cheque deposited twice" "Deposit cheque 5002 of shift $Z is in deposit CHQ-1 already"
forged "a cheque no close counted" "Deposit cheque 9999: shift $Z's close counted no Cheque of that number" \
    data.cheques.0.number='"9999"'
forged "a cheque of another amount" "Deposit cheque 5001 of shift $Z: amount 10.00, but the close counted 12.34" \
    data.cheques.0.number='"5001"' data.cheques.0.amount=1000 data.lines.0.amount=1000 data.amount=1000
forged "a cheque listed twice" "Deposit cheque 5003 of shift $Z is listed twice" \
    "data.cheques=[$C5003, $C5003]" \
    data.lines.0.amount=1500 data.amount=1500
forged "a line that is not its cheques' total" "Deposit line 1: amount 10.00 is not the total of its cheques, 7.50" \
    data.cheques.0.number='"5003"' data.cheques.0.amount=750 data.lines.0.amount=1000 data.amount=1000
forged "a cheque of no line of the deposit" "Deposit cheque 5003: no cheque line of the deposit takes" \
    data.cheques.0.number='"5003"' data.cheques.0.amount=750 data.cheques.0.method=Cash
# (s72 h11 fault 1) a cheque with no number is one the close listed with
# none: this close listed none so
forged "a cheque without a number" "Deposit cheque (no number): shift $Z's close counted no Cheque of that number" \
    data.cheques.0.number=
forged "an older terminal's part of a shift's cheques" \
    "Deposit line 1: shift $Z's cheques are deposited by number or all of them: 10.00 is not the 19.84 of its 2 cheques not deposited" \
    data.cheques=- data.lines.0.amount=1000 data.amount=1000
r=$($F "$T/t1.db" "$TOK1" deposit:CHQ-1 data.slip_no=CHQ-9 data.cheques=- \
    data.lines.0.amount=1984 data.amount=1984 2>&1)
same "an older terminal's deposit of all the shift's cheques left is applied" "$r" applied
same "with each cheque it took" "$(cheques)" "CHQ-1:5002:2000 CHQ-9:5001:1234 CHQ-9:5003:750"
M deposit void CHQ-1 --reason "Wrong bag" >/dev/null || echo "not ok - void CHQ-1"
expect "the void is applied" 0 "Rejected    0" pdt 1 sync
M deposit create --cheque 5002 --slip CHQ-10 --account $ACCT >/dev/null ||
    echo "not ok - deposit of cheque 5002 again"
expect "the voided deposit's cheque deposited again is applied" 0 "Rejected    0" pdt 1 sync
FROM=CHQ-10
forged "and not a third time" "Deposit cheque 5002 of shift $Z is in deposit CHQ-10 already"
# (review R20, fault 8) paydesk-central deposits shows each deposit's
# cheques (number, shift, amount), in text and --json
expect "paydesk-central deposits lists CHQ-9's cheques under it" 0 \
    "  Cheque 5001, shift $Z: \$12.34" central deposits ACME
grep -qF "  Cheque 5003, shift $Z: \$7.50" "$OUT" && ok "and its second" || notok "and its second"
same "paydesk-central deposits --json: each deposit's cheques" \
    "$(central deposits ACME --json | python3 -c 'import json,sys
print(" ".join("%s:%s:%s:%s:%d" % (d["slip_no"], c["number"], c["z_no"], c["method"], c["amount"]) for d in json.load(sys.stdin) for c in d["cheques"]))')" \
    "CHQ-10:5002:$Z:Cheque:2000 CHQ-9:5001:$Z:Cheque:1234 CHQ-9:5003:$Z:Cheque:750 CHQ-1:5002:$Z:Cheque:2000"
expect "T02 pulls the deposits" 0 "" pdt 2 sync
same "T02 has each deposit's cheques" \
    "$(tsql 2 "SELECT group_concat(d.slip_no || ':' || q.number, ' ') FROM deposit_cheques q JOIN deposits d ON d.id = q.deposit_id")" \
    "CHQ-1:5002 CHQ-9:5001 CHQ-9:5003 CHQ-10:5002"
expect "T02's store is consistent" 0 "ok (" pdt 2 doctor
expect "T01's store is consistent" 0 "ok (" pdt 1 doctor
# (review R20, faults 4 and 6) two cheques 105 of two payers in one
# shift, both in one deposit, applied at the central node; then the
# payment of 555 (not deposited) and of one 105 (deposited) voided at T01:
# its To deposit lacks 555; T02 pulls it all, and both list CHQ-11's
# cheque of a void payment among their exceptions
J shift open --count 5000x1 >/dev/null || echo "not ok - shift open 2"
for c in 10:105 12:105 3:555; do
	J pay WU-10001 --type bill --method Cheque --amount "${c%%:*}" \
	    --reference "${c#*:}" 2>/dev/null | sed -n 's/^Receipt number  *//p' >>"$T/rcpts"
done
J shift close --count 5000x1 --cheque "105:10;105:12;555:3" >/dev/null ||
    echo "not ok - shift close 2"
Z2=$(tsql 1 "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
M deposit create --cheque "105:10;105:12" --slip CHQ-11 --account $ACCT >/dev/null ||
    echo "not ok - deposit of both cheques 105"
expect "both cheques 105 in one deposit are applied" 0 "Rejected    0" pdt 1 sync
same "the central node has both" "$(cheques | tr ' ' '\n' | grep CHQ-11 | tr '\n' ' ')" \
    "CHQ-11:105:1000 CHQ-11:105:1200 "
same "T01's To deposit: 555 before the void" "$(M --csv deposit pending | grep -c "$Z2")" 1
expect "the void of 555's payment gives its cheque back" 0 "Cheque 555 (shift $Z2, \$3.00) is given back" \
    M payment void "$(sed -n 3p "$T/rcpts")" --reason "Cheque handed back"
expect "the void of a deposited 105's payment: the bank holds it" 0 "is in deposit CHQ-11" \
    M payment void "$(sed -n 2p "$T/rcpts")" --reason "Cheque bounced"
expect "the voids are applied" 0 "Rejected    0" pdt 1 sync
pdt 2 sync >/dev/null || echo "not ok - T02 pulls the voids"
M2() { PAYDESK_PIN=2222 pdt 2 --user mary "$@"; }
same "T01's To deposit lacks 555" "$(M --csv deposit pending | grep -c "$Z2")" 0
for n in 1 2; do
	PAYDESK_PIN=2222 pdt $n --user mary --json report exceptions >"$OUT" 2>&1
	same "T0$n's exceptions: CHQ-11 holds a void payment's cheque 105" \
	    "$(python3 -c 'import json,sys; print(" ".join("%s:%s:%d" % (e["kind"], e["reference"], e["difference"]) for e in json.load(open(sys.argv[1])) if "CHQ-11" in e["reference"]))' "$OUT")" \
	    "amount_differs:CHQ-11:105:1200"
done
# (review R20, fault 7) paydesk-central shifts gives each shift's flag:
# the closed ones not, an open one read the next day flagged
J shift open --count 5000x1 >/dev/null || echo "not ok - shift open 3"
pdt 1 sync >/dev/null || echo "not ok - sync of the open shift"
PAYDESK_NOW="$(date -d tomorrow '+%Y-%m-%d 09:00:00')" central shifts ACME --json >"$OUT" 2>&1
same "central shifts --json: the open one flagged the next day, the closed not" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%s:%s" % (s["status"], s["flagged"], "overnight" in s["flags"]) for s in json.load(open(sys.argv[1]))))' "$OUT")" \
    "open:True:True closed:False:False closed:False:False"
same "each close's flag kept at the central node, as its record carried it" \
    "$(csql "SELECT count(*) || ':' || sum(flagged) FROM shift_flags")" "2:0"
pdt 2 sync >/dev/null || echo "not ok - T02 pulls the shifts"
same "and at T02, which pulled them" "$(tsql 2 "SELECT count(*) || ':' || sum(flagged) FROM shift_flags")" "2:0"
# (review R20b) a supervisor's close of the shift of a cashier who has
# gone (shift close --cashier) is applied at the central node, which then
# takes the drawer's next shift; a cashier closing another's is refused
expect "mary closes jane's shift" 0 "Z number" M shift close --cashier jane --count 5000x1
expect "the supervisor's close is applied" 0 "Rejected    0" pdt 1 sync
same "the central node has the shift closed by mary" \
    "$(csql "SELECT status || ':' || closed_by FROM shifts ORDER BY id DESC LIMIT 1")" "closed:mary"
J shift open --count 5000x1 >/dev/null || echo "not ok - shift open 4"
expect "the drawer's next shift is taken" 0 "Rejected    0" pdt 1 sync
# (review R20b) a close 5.00 over in cash and 5.00 short in card slips:
# paydesk-central shifts nets them in its column, so it lists each
# tender's difference under the row, and --json each tender's
J pay WU-10001 --type bill --method "Credit Card" --amount 20 --reference A1 >/dev/null ||
    echo "not ok - card payment of shift 4"
PAYDESK_APPROVER_PIN=2222 J shift close --count 5000x1,500x1 --slip "Credit Card:A1:15" \
    --reason "Cash=extra;Credit Card=lost slip" --approver mary >/dev/null ||
    echo "not ok - shift close 4"
pdt 1 sync >/dev/null || echo "not ok - sync of shift 4"
Z4=$(tsql 1 "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
run central shifts ACME
same "paydesk-central shifts: each tender's over or short under its row" \
    "$(sed -n "/^$Z4 /,/^[^ ]/p" "$OUT" | grep '^    ' | tr -s ' ' | tr '\n' '|')" \
    " Cash: \$5.00| Credit Card: -\$5.00|"
same "and --json, with the opening float's difference" \
    "$(central shifts ACME --json | python3 -c 'import json,sys
s=[x for x in json.load(sys.stdin) if x["z_no"] == sys.argv[1]][0]
print(s["over_short"], s["float_difference"], " ".join("%s:%d" % (t["method"], t["over_short"]) for t in s["tenders"]))' "$Z4")" \
    "0 0 Cash:500 Credit Card:-500"
# the organisation's cheques' numbers optional from here
# (Cheque:cheque:optional; required by default, s72 h8 fault 2), for the
# cheques taken with no number below
printf 'key,value\npayments.methods,"Cash:cash, Credit Card:card, Debit Card:card, Bank Transfer:bank, Cheque:cheque:optional, Online:online"\n' >"$T/opt.csv"
central import ACME settings "$T/opt.csv" >/dev/null || echo "not ok - optional set"
pdt 1 sync >/dev/null 2>&1 || echo "not ok - T01 pulls the optional rule"
# (s72 h11 fault 1) a cheque taken and listed with no number, deposited
# by :AMOUNT: applied at the central node with its empty number, pulled
# by T02, listed by paydesk-central deposits as "(no number)"
sleep 1
J shift open --count 5000x1 >/dev/null || echo "not ok - shift open nn"
sleep 1
J pay WU-10001 --type bill --method Cheque --amount 14.50 >/dev/null 2>&1 ||
    echo "not ok - a cheque with no number"
J shift close --count 5000x1 --cheque ":14.50" >/dev/null || echo "not ok - shift close nn"
ZNN=$(tsql 1 "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
expect "a cheque with no number deposited by :AMOUNT" 0 '(no number) $14.50' \
    M deposit create --cheque ":14.50" --slip NN-1 --account $ACCT
expect "its deposit is applied at the central node" 0 "Rejected    0" pdt 1 sync
NNQ="SELECT '[' || q.number || ']:' || q.amount FROM deposit_cheques q JOIN deposits d ON d.id = q.deposit_id WHERE d.slip_no = 'NN-1'"
same "the central node keeps it with no number" "$(csql "$NNQ")" "[]:1450"
pdt 2 sync >/dev/null || echo "not ok - T02 pulls NN-1"
same "T02 pulls it with no number" "$(tsql 2 "$NNQ")" "[]:1450"
run central deposits ACME
has "paydesk-central deposits lists it, said so" "  Cheque (no number), shift $ZNN: \$14.50"
# (issue 20) a cheque taken with no number voided after the close gives
# back, by the close's rule, the listed cheque 9410 of its amount that no
# numbered payment took: at T01, at T02 which pulls it all, and at the
# central node, which refuses a deposit of 9410 (seconds apart: a shift
# is read by its times)
sleep 1
J shift open --count 5000x1 >/dev/null || echo "not ok - shift open 5"
sleep 1
U41=$(J pay WU-10001 --type bill --method Cheque --amount 41 2>/dev/null |
    sed -n 's/^Receipt number  *//p')
J shift close --count 5000x1 --cheque "9410:41" >/dev/null || echo "not ok - shift close 5"
Z5=$(tsql 1 "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
U5=$(tsql 1 "SELECT uuid FROM shifts ORDER BY id DESC LIMIT 1")
expect "the void of the 41.00 with no number gives 9410 back" 0 \
    "a cheque of \$41.00 listed at shift $Z5's close that no numbered payment took is given back with it (9410)" \
    M payment void "$U41" --reason "Cheque handed back"
expect "the shift and the void are applied" 0 "Rejected    0" pdt 1 sync
pdt 2 sync >/dev/null || echo "not ok - T02 pulls shift 5"
same "T01's and T02's To deposit lack 9410" \
    "$(M --csv deposit pending | grep -c "$Z5")/$(PAYDESK_PIN=2222 pdt 2 --user mary --csv deposit pending | grep -c "$Z5")" "0/0"
FROM=CHQ-10
forged "a cheque given back with a payment taken with no number" \
    "Deposit cheque 9410 of shift $Z5 was given back: its payment was voided after the close" \
    data.cheques.0.number='"9410"' data.cheques.0.amount=4100 \
    "data.cheques.0.shift_uuid=\"$U5\"" "data.lines.0.shift_uuid=\"$U5\"" \
    data.lines.0.amount=4100 data.amount=4100
sleep 1
# (issue 20) a void in the second of its drawer's close keeps the shift
# open at the drawer when it was made, at the central node and at T02,
# which pulls it. In one second: jane's shift A takes two cheques of
# 42.00 with no number and cheque 9431 of 43.00; mary voids one 42.00
# before A's close, which lists 9420 of 42.00 and 9431; mary's shift B
# opens and she voids 9431's payment in it. 9420 stands, deposited at
# T01 and at the central node, which reads the first void by its shift,
# not as after the close by its time; 9431 is given back everywhere.
export PAYDESK_NOW="$(date -u '+%Y-%m-%d %H:%M:%S')"
J shift open --count 5000x1 >/dev/null || echo "not ok - void tie: open A"
W1=$(J pay WU-10001 --type bill --method Cheque --amount 42 2>/dev/null |
    sed -n 's/^Receipt number  *//p')
J pay WU-10001 --type bill --method Cheque --amount 42 >/dev/null 2>&1 ||
    echo "not ok - void tie: second 42.00"
W3=$(J pay WU-10001 --type bill --method Cheque --amount 43 --reference 9431 2>/dev/null |
    sed -n 's/^Receipt number  *//p')
M payment void "$W1" --reason "Cheque handed back" >/dev/null ||
    echo "not ok - void tie: void before the close"
J shift close --count 5000x1 --cheque "9420:42;9431:43" >/dev/null ||
    echo "not ok - void tie: close A"
ZT=$(tsql 1 "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
UT=$(tsql 1 "SELECT uuid FROM shifts ORDER BY id DESC LIMIT 1")
M shift open --count 5000x1 >/dev/null || echo "not ok - void tie: open B"
UB=$(tsql 1 "SELECT uuid FROM shifts ORDER BY id DESC LIMIT 1")
expect "9431's payment voided in B's shift: given back" 0 \
    "Cheque 9431 (shift $ZT, \$43.00) is given back with the payment" \
    M payment void "$W3" --reason "Cheque handed back"
expect "9420 is deposited: its other payment's void was before the close" 0 \
    "CHQ-42" M deposit create --cheque 9420 --slip CHQ-42 --account $ACCT
M shift close --count 5000x1 >/dev/null || echo "not ok - void tie: close B"
unset PAYDESK_NOW
expect "the shifts, the voids and the deposit are applied" 0 "Rejected    0" pdt 1 sync
same "the central node has 9420 in CHQ-42" \
    "$(cheques | grep -o 'CHQ-42:[0-9]*:[0-9]*')" "CHQ-42:9420:4200"
pdt 2 sync >/dev/null || echo "not ok - void tie: T02 pulls"
vsh() { sql_of "$1" "SELECT group_concat(k.shift_uuid, ' ') FROM (SELECT k.shift_uuid FROM payments p JOIN voids v ON v.payment_id = p.id JOIN void_shifts k ON k.void_uuid = v.uuid WHERE p.receipt_no IN ('$W1', '$W3') ORDER BY p.id) k"; }
sql_of() { if [ "$1" = c ]; then csql "$2"; else tsql "$1" "$2"; fi; }
same "T01's voids name the shift open at its drawer when each was made" \
    "$(vsh 1)" "$UT $UB"
same "the central node keeps them" "$(vsh c)" "$UT $UB"
same "T02 pulls them with their shift" "$(vsh 2)" "$UT $UB"
same "T01's and T02's To deposit lack 9431 and 9420" \
    "$(M --csv deposit pending | grep -c "$ZT")/$(PAYDESK_PIN=2222 pdt 2 --user mary --csv deposit pending | grep -c "$ZT")" "0/0"
sleep 1
# (review R20, s40) an old plain statement number: T02 imports A then B,
# T01 imports B itself before a sync; T02 syncs first, so every statement
# at T01 is T02's import, yet T01 numbered B first: its plain numbers are
# refused (naming the statement), T02's own taken
M2() { PAYDESK_PIN=2222 pdt 2 --user mary "$@"; }
printf 'date,amount,reference\n2026-06-14,5.00,A1\n' >"$T/sa.csv"
printf 'date,amount,reference\n2026-06-15,6.00,B1\n' >"$T/sb.csv"
M statement mapping add m date=1 amount=2 reference=3 header=1 >/dev/null
M2 statement mapping add m date=1 amount=2 reference=3 header=1 >/dev/null
for f in sa sb; do M2 statement import "$T/$f.csv" --account $ACCT --mapping m >/dev/null ||
    echo "not ok - T02 imports $f"; done
M statement import "$T/sb.csv" --account $ACCT --mapping m >/dev/null || echo "not ok - T01 imports sb"
for n in 2 1 2; do pdt $n sync >/dev/null || echo "not ok - sync of T0$n"; done
SB=$(M2 --csv statement list | awk -F, 'NR > 1 && $2 == 2 { print $1 }')
same "T01 holds both statements as T02's imports" \
    "$(tsql 1 "SELECT group_concat(DISTINCT terminal) FROM bank_statements")" T02
expect "T02 takes its own plain number 2 (B)" 0 "$SB" M2 statement show 2
refused "T01, which numbered B first, refuses the plain number 2, naming its statement" 2 \
    "statement 2 here is " M statement show 2
# (review R20, fault 5) two supervisors resolve one exception offline, in
# both orders: the central node keeps the first to arrive and refuses the
# other naming the line NAME:LINE; the loser undoes its own (audited) in
# the round that hears the refusal and takes the winner's in its place,
# so both terminals list the same resolutions; the undone one cannot be
# queued again (17)
SA=$(M2 --csv statement list | awk -F, 'NR > 1 && $2 == 1 { print $1 }')
M reconcile resolve "unexpected_credit:$SA:1" --note "T01 on A" >/dev/null || echo "not ok - T01 resolves A"
M2 reconcile resolve "unexpected_credit:$SA:1" --note "T02 on A" >/dev/null || echo "not ok - T02 resolves A"
pdt 1 sync >/dev/null || echo "not ok - T01 syncs A first"
expect "T02's resolution of $SA:1 is refused" 20 "Rejected    1" pdt 2 sync
M2 reconcile resolve "unexpected_credit:$SB:1" --note "T02 on B" >/dev/null || echo "not ok - T02 resolves B"
M reconcile resolve "unexpected_credit:$SB:1" --note "T01 on B" >/dev/null || echo "not ok - T01 resolves B"
pdt 2 sync >/dev/null || echo "not ok - T02 syncs B first"
expect "T01's resolution of $SB:1 is refused" 20 "Rejected    1" pdt 1 sync
expect "the refusal at T02 names the line $SA:1, the undo said" 0 \
    "Exception $SA:1 was resolved already, by mary at" M2 sync --quarantine
expect "T02's resolution is undone" 0 "This terminal's resolution of unexpected_credit:$SA:1 is undone, as the central node does not have it" M2 sync --quarantine
expect "the refusal at T01 names the line $SB:1" 0 \
    "Exception $SB:1 was resolved already, by mary at" M sync --quarantine
if M --csv sync --quarantine | grep -q sha256 || M2 --csv sync --quarantine | grep -q sha256; then
	echo "not ok - a refusal names a line by its key"; else ok "no refusal names a line by its key"; fi
notes() { PAYDESK_PIN=2222 pdt $1 --user mary --csv reconcile resolved | grep -o "T0[12] [a-z ]*on [AB]" | sort | tr '\n' ' '; }
same "T01 lists the resolutions the central node kept" "$(notes 1)" "T01 on A T02 on B "
same "T02 lists the same" "$(notes 2)" "T01 on A T02 on B "
same "each undo is audited" \
    "$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'exception'")/$(tsql 2 "SELECT count(*) FROM audit_log WHERE action = 'undo' AND entity = 'exception'")" "1/1"
U=$(tsql 2 "SELECT uuid FROM outbox WHERE kind = 'recon_resolution' AND rejected_at IS NOT NULL")
refused "the undone resolution is not queued again" 17 "was undone at this terminal" M2 sync --retry "$U"
expect "T01's store is consistent after the undo" 0 "ok (" pdt 1 doctor
expect "T02's store is consistent after the undo" 0 "ok (" pdt 2 doctor
# (review R20, faults 1 and 2) one credit matched, one bag number used, at
# three terminals offline; every clock in the same second, so that a
# match, an unmatch and a refused one's undoing bear the same time
export PAYDESK_NOW="$(date -u '+%Y-%m-%d %H:%M:%S')"
A2=DE89370400440532013000
run central terminal add ACME B03 T03
terminal 3 "$(token_of)"
pdt 3 sync >/dev/null || echo "not ok - first sync of T03"
Mn() { n=$1; shift; PAYDESK_PIN=2222 pdt $n --user mary "$@"; }
# drawer N CHEQUE...: a shift at T0N taking a 7.00 cheque of each number, closed
drawer() {
	n=$1; shift; c=
	PAYDESK_PIN=1234 pdt $n --user jane shift open --count 5000x1 >/dev/null || echo "not ok - T0$n open"
	for q in "$@"; do
		PAYDESK_PIN=1234 pdt $n --user jane pay WU-10001 --type bill --method Cheque \
		    --amount 7.00 --reference $q >/dev/null 2>&1 || echo "not ok - T0$n cheque $q"
		c="$c${c:+;}$q:7.00"
	done
	PAYDESK_PIN=1234 pdt $n --user jane shift close --count 5000x1 --cheque "$c" >/dev/null ||
	    echo "not ok - T0$n close"
}
printf 'date,amount,reference\n%s,7.00,X1\n%s,7.00,X2\n' "${PAYDESK_NOW%% *}" "${PAYDESK_NOW%% *}" >"$T/s2.csv"
Mn 3 statement mapping add m date=1 amount=2 reference=3 header=1 >/dev/null
for n in 1 2 3; do
	drawer $n 71$n 72$n 73$n 74$n
	# each bag matched is handed to the bank first (issue 20: a
	# prepared deposit is matched to nothing); of the bags 77, T02's,
	# the one the central node keeps, is handed (and pulled handed)
	Mn $n deposit create --cheque 71$n --slip BAG-3$n --account $A2 >/dev/null || echo "not ok - T0$n BAG-3$n"
	Mn $n deposit hand BAG-3$n >/dev/null || echo "not ok - T0$n hands BAG-3$n"
	Mn $n deposit create --cheque 72$n --slip "$(case $n in 3) echo bag-77;; *) echo BAG-77;; esac)" \
	    --account $A2 >/dev/null || echo "not ok - T0$n its bag 77"
	[ $n = 2 ] && { Mn 2 deposit hand BAG-77 >/dev/null || echo "not ok - T02 hands BAG-77"; }
	S2=$(Mn $n statement import "$T/s2.csv" --account $A2 --mapping m | sed -n 's/^Statement  *//p')
	Mn $n deposit match BAG-3$n --line "$S2:1" --note "T0$n's" >/dev/null || echo "not ok - T0$n matches BAG-3$n"
done
# T02 syncs first: its match and its BAG-77 are the central node's
# (the rows of paydesk(1)'s OPERATIONS OFFLINE table these check, for
# test_offline.sh)
row() { :; }
row "deposit create, void"
row "deposit match, unmatch"
for n in 2 1 3; do pdt $n sync >/dev/null 2>&1; done
mine() { grep "BAG-\|bag-\|$S2" "$OUT"; }
for n in 1 3; do
	run pdt $n sync --quarantine
	has "T0$n: its match of $S2:1 refused and undone" "This terminal's match is undone"
	has "T0$n: its bag 77 refused, naming T02's, and undone" \
	    "$(case $n in 3) echo bag-77;; *) echo BAG-77;; esac) is undone (void here, its cash and cheques free"
	if mine | grep -q "constraint\|Writing to the store\|pulled from the central node"; then
		notok "T0$n: nothing of theirs pulled set aside"; else ok "T0$n: nothing of theirs pulled set aside"; fi
done
# every terminal ends with what the central node kept: BAG-32 matched,
# T02's BAG-77, the others handed; the same reconciliation everywhere
status() { Mn $1 deposit show $2 | sed -n 's/^Status  *//p'; }
alike() {
	for n in 1 2 3; do pdt $n sync >/dev/null 2>&1 || echo "not ok - sync of T0$n"; done
	for n in 1 2 3; do
		same "$1 at T0$n" "$(for b in $2; do printf '%s:%s ' $b "$(status $n $b)"; done)" "$3"
		Mn $n --csv report reconciliation --account $A2 >"$T/rec$n"
		Mn $n --csv report exceptions >"$T/exc$n"
	done
	same "$1: the same reconciliation at every terminal" \
	    "$(cat "$T/rec2")/$(cat "$T/rec3")" "$(cat "$T/rec1")/$(cat "$T/rec1")"
	# (its last column the account, h5: the export names its account)
	same "$1: reconciliation reads $4" "$(sed -n 2p "$T/rec1" | tr -d '\r')" "${PAYDESK_NOW%% *},$4,$A2"
	same "$1: the same exceptions at every terminal" \
	    "$(cat "$T/exc2")/$(cat "$T/exc3")" "$(cat "$T/exc1")/$(cat "$T/exc1")"
	same "$1: the central node's deposits" "$(csql "SELECT group_concat(slip_no || ':' ||
	    terminal, ' ') FROM (SELECT slip_no, terminal FROM deposits WHERE voided_at = ''
	    AND account = '$A2' ORDER BY slip_no) x")" "$5"
}
alike "the first match and bag win" "BAG-31 BAG-32 BAG-33 BAG-77" \
    "BAG-31:handed BAG-32:matched BAG-33:handed BAG-77:handed " \
    "28.00,14.00,7.00,-14.00,1,4,2" "BAG-31:T01 BAG-32:T02 BAG-33:T03 BAG-77:T02"
same "T03 holds its bag-77 void, undone, beside T02's BAG-77" \
    "$(tsql 3 "SELECT group_concat(slip_no || ':' || terminal || ':' || voided_by, ' ') FROM deposits WHERE slip_no LIKE 'bag-77'")" \
    "bag-77:T03:paydesk-central BAG-77:T02:"
U77=$(tsql 1 "SELECT uuid FROM deposits WHERE slip_no = 'BAG-77' AND terminal = 'T01'")
expect "T01: its undone bag 77 is not queued again" 17 "was undone at this terminal" \
    Mn 1 sync --retry "$U77"
expect "T01: BAG-77 here is T02's, not voided here" 3 "Deposit BAG-77 is terminal T02's, not T01's" \
    Mn 1 deposit void BAG-77 --reason "bag number taken"
# the losers make their bags again, with their cheques back; and a
# second clash on line 2, T03 first, while T02 unmatches line 1 (all in
# the same second as the undoing of the refused ones)
expect "T01 makes its deposit again as BAG-78" 0 "BAG-78" \
    Mn 1 deposit create --cheque 721 --slip BAG-78 --account $A2
expect "T03 makes its deposit again as BAG-79" 0 "BAG-79" \
    Mn 3 deposit create --cheque 723 --slip BAG-79 --account $A2
for b in 1:BAG-78 3:BAG-79; do
	Mn ${b%%:*} deposit hand ${b#*:} >/dev/null || echo "not ok - T0${b%%:*} hands ${b#*:}"
done
Mn 2 deposit unmatch BAG-32 --note "not ours" >/dev/null || echo "not ok - T02 unmatches BAG-32"
Mn 1 deposit match BAG-31 --line "$S2:2" --note "T01's" >/dev/null || echo "not ok - T01 matches line 2"
Mn 3 deposit match BAG-33 --line "$S2:2" --note "T03's" >/dev/null || echo "not ok - T03 matches line 2"
for n in 2 3 1; do pdt $n sync >/dev/null 2>&1; done
alike "then line 1 unmatched, line 2 T03's, the bags made again" \
    "BAG-31 BAG-32 BAG-33 BAG-77 BAG-78 BAG-79" \
    "BAG-31:handed BAG-32:handed BAG-33:matched BAG-77:handed BAG-78:handed BAG-79:handed " \
    "42.00,14.00,7.00,-28.00,1,6,2" \
    "BAG-31:T01 BAG-32:T02 BAG-33:T03 BAG-77:T02 BAG-78:T01 BAG-79:T03"
for n in 1 2 3; do expect "T0$n's store is consistent" 0 "ok (" pdt $n doctor; done
# a clash the central node did not refuse (T01's BAG-90, recorded as
# sent, never reached it): T02's BAG-90 is set aside at T01, named, never
# a raw store message
Mn 1 deposit create --cheque 731 --slip BAG-90 --account $A2 >/dev/null || echo "not ok - T01 BAG-90"
treseal 1 "UPDATE outbox SET sent_at = '$PAYDESK_NOW' WHERE ref = 'BAG-90'"
Mn 2 deposit create --cheque 732 --slip BAG-90 --account $A2 >/dev/null || echo "not ok - T02 BAG-90"
pdt 2 sync >/dev/null 2>&1 || echo "not ok - T02 syncs BAG-90"
pdt 1 sync >/dev/null 2>&1
run pdt 1 sync --quarantine
has "T01 sets T02's BAG-90 aside, naming both deposits" \
    "has the slip number of deposit $(tsql 1 "SELECT uuid FROM deposits WHERE slip_no = 'BAG-90'") here (terminal T01, by mary"
if grep -q "constraint\|Writing to the store" "$OUT"; then notok "no raw store message"; else ok "no raw store message"; fi
# and once the central node's refusal of T01's BAG-90 is heard (an older
# version left the refused deposit as it was), the next round undoes it
# and applies T02's BAG-90 it had set aside
treseal 1 "UPDATE outbox SET sent_at = NULL, rejected_at = '$PAYDESK_NOW', reject_reason = 'Slip BAG-90 is T02''s' WHERE ref = 'BAG-90'"
expect "T01's next round applies T02's BAG-90 set aside before" 0 "" pdt 1 sync
same "T01's refused BAG-90 undone, T02's applied" \
    "$(tsql 1 "SELECT group_concat(terminal || ':' || voided_by, ' ') FROM deposits WHERE slip_no = 'BAG-90'")" \
    "T01:paydesk-central T02:"
run pdt 1 --csv sync --quarantine
if grep -q "BAG-90.*pulled from the central node" "$OUT"; then notok "T02's BAG-90 no longer set aside"
else ok "T02's BAG-90 no longer set aside"; fi
expect "T01's store is consistent after it" 0 "ok (" pdt 1 doctor
# a store whose refused deposit was left as it was (a version before
# refused deposits were undone): T03's bag-91, refused, is undone at the
# pull of T02's BAG-91, which is applied there
Mn 3 deposit create --cheque 733 --slip bag-91 --account $A2 >/dev/null || echo "not ok - T03 bag-91"
treseal 3 "UPDATE outbox SET rejected_at = '$PAYDESK_NOW', reject_reason = 'Slip bag-91 is taken' WHERE ref = 'bag-91'"
Mn 2 deposit create --cheque 742 --slip BAG-91 --account $A2 >/dev/null || echo "not ok - T02 BAG-91"
Mn 2 deposit hand BAG-91 >/dev/null || echo "not ok - T02 hands BAG-91"
pdt 2 sync >/dev/null 2>&1 || echo "not ok - T02 syncs BAG-91"
expect "T03 pulls T02's BAG-91, nothing set aside" 0 "Conflicts   0" pdt 3 sync
same "T03's refused bag-91 undone, T02's BAG-91 applied" \
    "$(tsql 3 "SELECT group_concat(slip_no || ':' || terminal || ':' || voided_by || ':' || void_reason, ' ') FROM deposits WHERE slip_no LIKE 'bag-91'")" \
    "bag-91:T03:paydesk-central:Slip bag-91 is taken BAG-91:T02::"
# a credit of 8.00 matched offline at T01 and T03 to their 7.00 bags,
# T03 resolving its amount that differs before it syncs, first: T01's
# match is undone, and T03's match and resolution both end applied there
printf 'date,amount,reference\n%s,8.00,X3\n' "${PAYDESK_NOW%% *}" >"$T/s3.csv"
for n in 1 3; do
	Mn $n deposit create --cheque 74$n --slip BAG-4$n --account $A2 >/dev/null || echo "not ok - T0$n BAG-4$n"
	Mn $n deposit hand BAG-4$n >/dev/null || echo "not ok - T0$n hands BAG-4$n"
	S3=$(Mn $n statement import "$T/s3.csv" --account $A2 --mapping m | sed -n 's/^Statement  *//p')
	Mn $n deposit match BAG-4$n --line "$S3:1" --note "T0$n's" >/dev/null || echo "not ok - T0$n matches BAG-4$n"
done
expect "T03 resolves the amount that differs" 0 "" \
    Mn 3 reconcile resolve amount_differs:BAG-43 --note "T03: a fee of 1.00"
for n in 3 1 3; do pdt $n sync >/dev/null 2>&1; done
for n in 1 3; do
	same "T0$n: BAG-43 matched to $S3:1, BAG-41 handed" \
	    "$(status $n BAG-43) $(status $n BAG-41)" "matched handed"
	run Mn $n --csv reconcile resolved
	has "T0$n: T03's resolution applied" "T03: a fee of 1.00"
done
same "the same exceptions at T01 and T03" "$(Mn 1 --csv report exceptions)" "$(Mn 3 --csv report exceptions)"

# (review R20b) a line found again in an earlier statement is one for one:
# a statement of two credits alike (10.00, SAME) is two credits at the
# terminal that imports it and at every node it reaches (the second was
# taken there as the first found again); a later statement with the two
# and a third marks two found again, the third a credit
printf 'date,amount,reference\n2026-06-14,10.00,SAME\n2026-06-14,10.00,SAME\n' >"$T/dd1.csv"
printf 'date,amount,reference\n2026-06-14,10.00,SAME\n2026-06-14,10.00,SAME\n2026-06-14,10.00,SAME\n' >"$T/dd2.csv"
expect "two credits alike: none found again" 0 "Lines already imported  0" \
    Mn 1 statement import "$T/dd1.csv" --account ACCD --mapping m
for n in 1 2; do pdt $n sync >/dev/null 2>&1 || echo "not ok - sync of T0$n"; done
for n in 1 2; do
	same "T0$n: the two credits alike are two" \
	    "$(Mn $n --csv report reconciliation --account ACCD --from 2026-06-01 | grep '^2026-06-14' | cut -d, -f3)" "20.00"
done
same "the central node has neither found again" \
    "$(csql "SELECT count(*) || ':' || count(l.dup_of) FROM bank_statement_lines l JOIN bank_statements s ON s.id = l.statement_id WHERE s.account = 'ACCD'")" "2:0"
expect "three alike after two: two found again" 0 "Lines already imported  2" \
    Mn 1 statement import "$T/dd2.csv" --account ACCD --mapping m
same "the third a credit: 30.00" \
    "$(Mn 1 --csv report reconciliation --account ACCD --from 2026-06-01 | grep '^2026-06-14' | cut -d, -f3)" "30.00"

# any key clash at the pull is named, never SQLite's words: T02's match
# of BAG-91 to a credit, recorded as sent, never reached the central node;
# T01's match of BAG-91 to another credit, applied there, is set aside at
# T02 (the central node's feed names itself, HQ, as a match's terminal)
printf 'date,amount,reference\n%s,7.00,X4\n%s,7.00,X5\n' "${PAYDESK_NOW%% *}" "${PAYDESK_NOW%% *}" >"$T/s4.csv"
for n in 1 2; do S4=$(Mn $n statement import "$T/s4.csv" --account $A2 --mapping m | sed -n 's/^Statement  *//p'); done
Mn 2 deposit match BAG-91 --line "$S4:1" --note "T02's" >/dev/null || echo "not ok - T02 matches BAG-91"
treseal 2 "UPDATE outbox SET sent_at = '$PAYDESK_NOW' WHERE kind = 'statement_match' AND sent_at IS NULL"
Mn 1 deposit match BAG-91 --line "$S4:2" --note "T01's" >/dev/null || echo "not ok - T01 matches BAG-91"
pdt 1 sync >/dev/null 2>&1 || echo "not ok - T01 syncs its match of BAG-91"
pdt 2 sync >/dev/null 2>&1
run pdt 2 --csv sync --quarantine
has "T02 sets T01's match of BAG-91 aside, naming it and what clashed" \
    "($(tsql 2 "SELECT stmt_key FROM bank_statements WHERE file_name = 's4.csv'")) has the same statement_matches.deposit_id as a record this terminal has already"
if grep -q "constraint" "$OUT"; then notok "no raw store message at T02"; else ok "no raw store message at T02"; fi
# (last: the undone state put in by hand leaves T02 apart from the
# others, which the round cut short it stands for would not)
# between a refusal's undo and the pull of the one kept (a round cut
# short), the exception is open again and may be resolved again: in the
# undone one's row (kind and target are unique)
tsql 2 "INSERT INTO recon_undone (uuid, at, reason) SELECT uuid, '2026-06-17 10:00:00', 'test' FROM recon_resolutions WHERE note = 'T01 on A'"
expect "T02 resolves $SA:1 again once open again" 0 "" \
    M2 reconcile resolve "unexpected_credit:$SA:1" --note "T02 again on A"
same "T02 lists the new one in its place" "$(notes 2)" "T02 again on A T02 on B "
# a branch's one bag of two terminals' drawers (review R20b, fault 10)
. "$TOP/tests/cli/deposit_branch.sh"
# original and COPY of another terminal's records (fault 8)
. "$TOP/tests/cli/doc_origin.sh"
# one shift in two deposits offline at two terminals (fault 12)
. "$TOP/tests/cli/deposit_twice.sh"

## Overlapping statements at two terminals (review R20c,
# r20c_overlap_match): the bank's export of one day imported at T01, of
# two days at T02, before either syncs; each keeps its own import's copy
# of the shared credit live and the pulled one a duplicate. A match made
# at one terminal on its copy counts for the line at the other (a line
# named by a duplicate is the live one it duplicates): no open exception
# at either, and one bank day reads alike at both.
OV=NL01OVER0000000001
J pay WU-10003 --type bill --method "Bank Transfer" --amount 30 --reference TRX-9001 >/dev/null 2>&1 ||
    echo "not ok - overlap: transfer TRX-9001"
J pay WU-10003 --type bill --method "Bank Transfer" --amount 20 --reference TRX-9002 >/dev/null 2>&1 ||
    echo "not ok - overlap: transfer TRX-9002"
pdt 1 sync >/dev/null; pdt 2 sync >/dev/null
oday=$(tsql 1 "SELECT paid_on FROM payments ORDER BY id DESC LIMIT 1")
printf 'date;amount;reference;text\n%s;30,00;TRX-9001;Transfer\n%s;12,00;GIFT-77;Unknown\n' "$oday" "$oday" >"$T/ov1.csv"
printf 'date;amount;reference;text\n%s;30,00;TRX-9001;Transfer\n%s;20,00;TRX-9002;Transfer\n%s;12,00;GIFT-77;Unknown\n' "$oday" "$oday" "$oday" >"$T/ov2.csv"
for n in 1 2; do
	Mn $n statement mapping add ovl date=1 amount=2 reference=3 text=4 \
	    decimal=comma separator=semicolon header=1 >/dev/null 2>&1 ||
	    echo "not ok - overlap: mapping at T0$n"
done
Mn 1 statement import "$T/ov1.csv" --mapping ovl --account $OV >/dev/null 2>&1 ||
    echo "not ok - overlap: import at T01"
Mn 2 statement import "$T/ov2.csv" --mapping ovl --account $OV >/dev/null 2>&1 ||
    echo "not ok - overlap: import at T02"
pdt 1 sync >/dev/null; pdt 2 sync >/dev/null; pdt 1 sync >/dev/null
same "overlap: each terminal keeps one live copy of the shared credit" \
    "$(tsql 1 "SELECT count(*) FROM bank_statement_lines l JOIN bank_statements s ON s.id = l.statement_id WHERE s.account = '$OV' AND l.dup_of IS NULL AND l.reference = 'TRX-9001'")/$(tsql 2 "SELECT count(*) FROM bank_statement_lines l JOIN bank_statements s ON s.id = l.statement_id WHERE s.account = '$OV' AND l.dup_of IS NULL AND l.reference = 'TRX-9001'")" "1/1"
expect "overlap: T01 matches the shared credit" 0 "" Mn 1 deposit match
expect "overlap: T02 matches what is left to it" 0 "" Mn 2 deposit match
for n in 1 2 1 2; do pdt $n sync >/dev/null; done
for n in 1 2; do
	same "overlap: neither credit is an open exception at T0$n" \
	    "$(Mn $n report exceptions 2>&1 | grep -c 'TRX-900[12]')" 0
done
# a credit nobody expected, in both statements: resolved at T02 on its
# copy, closed at T01 on its own too (review R20c,
# r20c_overlap_two_nodes: T01 kept it open)
for n in 1 2; do
	same "overlap: GIFT-77 is an open unexpected credit at T0$n" \
	    "$(Mn $n --csv report exceptions 2>&1 | grep -c '^unexpected_credit,.*GIFT-77')" 1
done
GK=$(Mn 2 --csv report exceptions 2>&1 | grep '^unexpected_credit,.*GIFT-77' | cut -d, -f4)
expect "overlap: T02 resolves it on its copy" 0 "" Mn 2 reconcile resolve "unexpected_credit:$GK" --note "Refunded to the payer"
for n in 2 1 2; do pdt $n sync >/dev/null; done
for n in 1 2; do
	same "overlap: GIFT-77 resolved at T0$n" \
	    "$(Mn $n --csv report exceptions 2>&1 | grep -c 'GIFT-77')/$(Mn $n --csv reconcile resolved 2>&1 | grep -c 'Refunded to the payer')" "0/1"
done
same "overlap: the bank day reads alike at both terminals" \
    "$(Mn 1 report reconciliation --account $OV --from "$oday" 2>&1 | grep "^$oday" | tr -s ' ')" \
    "$(Mn 2 report reconciliation --account $OV --from "$oday" 2>&1 | grep "^$oday" | tr -s ' ')"
# reconcile match and unmatch given a duplicate copy's name (issue 21,
# point 3): T02's copy of a credit both statements have is a duplicate
# (T01's is live, the central node's word); a transfer matched by hand
# on T02's copy is matched on the live line, at T02 and at T01, and
# unmatched the same way; so is a deposit matched by hand on it
J pay WU-10003 --type bill --method "Bank Transfer" --amount 40 --reference TRX-9104 >/dev/null 2>&1 ||
    echo "not ok - overlap: transfer TRX-9104"
PH=$(tsql 1 "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")
printf 'date;amount;reference;text\n%s;40,00;HAND 1;Unknown\n' "$oday" >"$T/ov3.csv"
printf 'date;amount;reference;text\n%s;40,00;HAND 1;Unknown\n%s;1,00;HAND 2;Unknown\n' "$oday" "$oday" >"$T/ov4.csv"
Mn 1 statement import "$T/ov3.csv" --mapping ovl --account $OV >/dev/null 2>&1 ||
    echo "not ok - overlap: import ov3 at T01"
pdt 1 sync >/dev/null
Mn 2 statement import "$T/ov4.csv" --mapping ovl --account $OV >/dev/null 2>&1 ||
    echo "not ok - overlap: import ov4 at T02"
for n in 2 1 2; do pdt $n sync >/dev/null; done
# name N FILE: the statement of FILE as terminal N's list names it
name() { Mn $1 --csv statement list | awk -F, -v id="$(tsql $1 "SELECT id FROM bank_statements WHERE file_name = '$2'")" '$2 == id { print $1 }'; }
C4=$(name 2 ov4.csv)
L3=$(name 1 ov3.csv)
# both named, or what the lists said (a CI run on PostgreSQL once found
# L3 empty, not reproduced)
named_ok() { # named_ok N FILE NAME
	[ -n "$3" ] && ok "overlap: T0$1 names $2's statement" ||
	    notok "overlap: T0$1 names $2's statement" \
	    "id $(tsql $1 "SELECT group_concat(id) FROM bank_statements WHERE file_name = '$2'"); list: $(Mn $1 --csv statement list 2>&1 | tr '\n' '|')"
}
named_ok 2 ov4.csv "$C4"
named_ok 1 ov3.csv "$L3"
# hand N: the rule of the hand match of HAND 1's live line at terminal N
hand() { tsql $1 "SELECT coalesce((SELECT m.rule FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.reference = 'HAND 1' AND l.dup_of IS NULL AND m.unmatched_at = ''), 'none') || '/' || (SELECT count(*) FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.reference = 'HAND 1' AND l.dup_of IS NOT NULL)"; }
same "overlap: (T02's HAND 1 is a duplicate of T01's)" \
    "$(tsql 2 "SELECT count(*) FROM bank_statement_lines l JOIN bank_statements s ON s.id = l.statement_id WHERE s.file_name = 'ov4.csv' AND l.seq = 1 AND l.dup_of IS NOT NULL")" 1
expect "overlap: T02 matches the transfer by hand on its copy's name" 0 "Statement       $L3" \
    Mn 2 reconcile match "$C4:1" --payment "$PH" --note "named by the copy"
same "overlap: T02 holds the match on the live line" "$(hand 2)" "transfer/0"
for n in 2 1; do pdt $n sync >/dev/null; done
same "overlap: so does T01, after the syncs" "$(hand 1)" "transfer/0"
for n in 1 2; do
	same "overlap: HAND 1 is no open exception at T0$n" \
	    "$(Mn $n report exceptions 2>&1 | grep -c 'HAND 1')" 0
done
expect "overlap: a copy whose live line is matched says both" 3 \
    "Statement line $C4:1 is a credit an earlier statement already had, $L3:1, which is matched already" \
    Mn 2 reconcile match "$C4:1" --payment "$PH" --note "again"
expect "overlap: T01 takes it back on T02's copy's name" 0 "Statement       $L3" \
    Mn 1 reconcile unmatch "$C4:1" --note "not this one"
for n in 1 2; do pdt $n sync >/dev/null; done
same "overlap: unmatched at T01" "$(hand 1)" "none/0"
same "overlap: and at T02" "$(hand 2)" "none/0"
for n in 1 2; do
	expect "overlap: doctor at T0$n" 0 "ok" pdt $n doctor
done

## Which copy is live is the central node's word (review R20c,
# r20c_overlap_two_nodes: each terminal kept its own import's copy live,
# so the two named the credit and its exception the other way round):
# the copy in the statement the central node accepted first, at every
# node. copies ACCOUNT NODE: each line of the account's statements and
# the line it duplicates (or live), by statement key; NODE c the central
# node's store.
copies() {
	q="SELECT s.stmt_key || '#' || l.seq || '>' || coalesce(ds.stmt_key ||
	    '#' || d.seq, 'live') FROM bank_statement_lines l JOIN
	    bank_statements s ON s.id = l.statement_id LEFT JOIN
	    bank_statement_lines d ON d.id = l.dup_of LEFT JOIN bank_statements
	    ds ON ds.id = d.statement_id WHERE s.account = '$1'"
	if [ "$2" = c ]; then csql "$q"; else tsql $2 "$q"; fi | LC_ALL=C sort | tr '\n' ' '
}
# sorted ITEM...: the items as copies lists them
sorted() { printf '%s\n' "$@" | LC_ALL=C sort | tr '\n' ' '; }
# key N: the key of the statement terminal N imported last
key() { tsql $1 "SELECT stmt_key FROM bank_statements WHERE id = (SELECT max(id) FROM bank_statements)"; }
# three terminals, three overlapping exports, each imported before any
# syncs: T01's of A and B, T02's of B and C, T03's of all four. The
# central node takes T01's, then T02's (its B a duplicate of T01's), then
# T03's (A and B T01's, C T02's; D live); T02 and T03 take that word at
# their pull, their own copies becoming duplicates.
O3=NL02OVER0000000003
printf 'date,amount,reference\n%s,10.00,OV3-A\n%s,11.00,OV3-B\n' "$oday" "$oday" >"$T/o31.csv"
printf 'date,amount,reference\n%s,11.00,OV3-B\n%s,12.00,OV3-C\n' "$oday" "$oday" >"$T/o32.csv"
printf 'date,amount,reference\n%s,10.00,OV3-A\n%s,11.00,OV3-B\n%s,12.00,OV3-C\n%s,13.00,OV3-D\n' \
    "$oday" "$oday" "$oday" "$oday" >"$T/o33.csv"
for n in 1 2 3; do
	Mn $n statement import "$T/o3$n.csv" --mapping m --account $O3 >/dev/null 2>&1 ||
	    echo "not ok - three: import at T0$n"
	eval "K$n=\$(key $n)"
done
same "three: before any sync, T03 keeps all four of its lines live" \
    "$(copies $O3 3)" "$(sorted "$K3#1>live" "$K3#2>live" "$K3#3>live" "$K3#4>live")"
for n in 1 2 3 1 2 3; do pdt $n sync >/dev/null || echo "not ok - three: sync T0$n"; done
W3=$(sorted "$K1#1>live" "$K1#2>live" "$K2#1>$K1#2" "$K2#2>live" "$K3#1>$K1#1" "$K3#2>$K1#2" "$K3#3>$K2#2" "$K3#4>live")
same "three: the central node keeps the copies of the statement it took first" "$(copies $O3 c)" "$W3"
for n in 1 2 3; do
	same "three: T0$n has the central node's word on every copy" "$(copies $O3 $n)" "$W3"
done
for n in 2 3; do
	exc3=$(Mn $n --csv report exceptions 2>&1 | grep '^unexpected_credit,.*OV3-' | cut -d, -f1-5 | tr '\n' ' ')
	same "three: T0$n lists the four credits by the same names as T01" \
	    "$exc3" "$(Mn 1 --csv report exceptions 2>&1 | grep '^unexpected_credit,.*OV3-' | cut -d, -f1-5 | tr '\n' ' ')"
done
same "three: four credits, once each" \
    "$(Mn 3 --csv report exceptions 2>&1 | grep -c '^unexpected_credit,.*OV3-')" 4
same "three: T03 audits each of its lines that became a duplicate" \
    "$(tsql 3 "SELECT count(*) FROM audit_log WHERE action = 'duplicate' AND entity = 'statement_line' AND detail LIKE 'of=%'")/$(tsql 1 "SELECT count(*) FROM audit_log WHERE action = 'duplicate'")" "3/0"
same "three: statement show at T03 counts its duplicates as they are now" \
    "$(Mn 3 --json statement show "#$(tsql 3 "SELECT id FROM bank_statements WHERE stmt_key = '$K3'")" 2>&1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["already_imported"], [l["status"] for l in d["lines"]])')" \
    "3 ['duplicate', 'duplicate', 'duplicate', 'unmatched']"

# a match and a resolution made at T01 on its copies before it syncs, the
# copies the central node has as duplicates (T02 synced its export
# first): both move to T02's lines at T01's pull, counted once
# everywhere; T03 imported T02's very file too (the same statement)
OM=NL03OVER0000000004
J pay WU-10003 --type bill --method "Bank Transfer" --amount 25 --reference TRX-9101 >/dev/null 2>&1 ||
    echo "not ok - moves: transfer TRX-9101"
for n in 1 2 3; do pdt $n sync >/dev/null; done
printf 'date,amount,reference\n%s,25.00,TRX-9101\n%s,9.00,GIFT-88\n' "$oday" "$oday" >"$T/om2.csv"
printf 'date,amount,reference\n%s,5.00,OTHER-1\n%s,25.00,TRX-9101\n%s,9.00,GIFT-88\n' "$oday" "$oday" "$oday" >"$T/om1.csv"
SB=$(Mn 2 statement import "$T/om2.csv" --mapping m --account $OM 2>&1 | sed -n 's/^Statement  *//p')
Mn 3 statement import "$T/om2.csv" --mapping m --account $OM >/dev/null 2>&1 ||
    echo "not ok - moves: import at T03"
KB=$(key 2)
pdt 2 sync >/dev/null || echo "not ok - moves: sync T02"
SA=$(Mn 1 statement import "$T/om1.csv" --mapping m --account $OM 2>&1 | sed -n 's/^Statement  *//p')
KA=$(key 1)
expect "moves: T01 matches the transfer on its copy" 0 "" Mn 1 deposit match
same "moves: T01's match is on its own copy" \
    "$(tsql 1 "SELECT s.stmt_key || '#' || l.seq FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id JOIN bank_statements s ON s.id = l.statement_id WHERE s.account = '$OM' AND m.unmatched_at = ''")" "$KA#2"
expect "moves: T01 resolves GIFT-88 on its copy" 0 "" \
    Mn 1 reconcile resolve "unexpected_credit:$SA:3" --note "Gift, kept"
before=$(store_hash "$T/t3.db")
expect "moves: the same file again at T03 is recognised, not doubled" 3 "imported already" \
    Mn 3 statement import "$T/om2.csv" --mapping m --account $OM
same "moves: T03's store unchanged by it" "$(store_hash "$T/t3.db")" "$before"
for n in 1 3 2 1; do pdt $n sync >/dev/null || echo "not ok - moves: sync T0$n"; done
WM=$(sorted "$KA#1>live" "$KA#2>$KB#1" "$KA#3>$KB#2" "$KB#1>live" "$KB#2>live")
same "moves: the central node has T02's copies live" "$(copies $OM c)" "$WM"
for n in 1 2 3; do
	same "moves: T0$n has the central node's word" "$(copies $OM $n)" "$WM"
	same "moves: at T0$n the transfer's one match is on T02's line" \
	    "$(tsql $n "SELECT group_concat(s.stmt_key || '#' || l.seq) FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id JOIN bank_statements s ON s.id = l.statement_id WHERE s.account = '$OM' AND m.unmatched_at = ''")" "$KB#1"
	same "moves: at T0$n GIFT-88's one resolution names T02's line" \
	    "$(tsql $n "SELECT group_concat(target) FROM recon_resolutions WHERE note = 'Gift, kept' AND uuid NOT IN (SELECT uuid FROM recon_undone)")" "$OM/$KB#2"
	same "moves: neither is an open exception at T0$n" \
	    "$(Mn $n report exceptions 2>&1 | grep -c 'TRX-9101\|GIFT-88')" 0
	same "moves: reconcile resolved at T0$n names GIFT-88 by T02's line" \
	    "$(Mn $n --csv reconcile resolved 2>&1 | grep -c "Gift, kept")/$(Mn $n --csv reconcile resolved 2>&1 | grep "Gift, kept" | grep -c "$SB:2")" "1/1"
done
same "moves: the central node has one match and one resolution" \
    "$(csql "SELECT count(*) FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id JOIN bank_statements s ON s.id = l.statement_id WHERE s.account = '$OM' AND m.unmatched_at = ''")/$(csql "SELECT count(*) FROM recon_resolutions WHERE note = 'Gift, kept'")" "1/1"
same "moves: T01 audits the two lines, the match and the resolution moved" \
    "$(tsql 1 "SELECT group_concat(detail, ' | ') FROM (SELECT detail FROM audit_log WHERE action = 'duplicate' AND ref LIKE '$SA:%' ORDER BY id)")" \
    "of=$SB:1 copies=0 matches=1 resolutions=0 undone=0 | of=$SB:2 copies=0 matches=0 resolutions=1 undone=0"
same "moves: T01 lists the resolution's move" \
    "$(tsql 1 "SELECT from_target || ' > ' || to_target FROM recon_moved")" "$OM/$KA#3 > $OM/$KB#2"
same "moves: the bank day reads alike at the three terminals" \
    "$(for n in 1 2 3; do Mn $n report reconciliation --account $OM --from "$oday" 2>&1 | grep "^$oday" | tr -s ' '; done | sort -u | wc -l)" 1
# the same statement at two terminals, one of them holding its lines as
# duplicates of its own earlier import: T03 imports R1 (A, B), then R2
# (B, C: its B a duplicate of R1's here); T02 imports R2 and syncs first,
# so the central node has R2's B live and R1's a duplicate. T03 resolves
# B on its R1 line, syncs: R2's B live at its pull, R1's a duplicate of
# it, the resolution moved there
OR=NL04OVER0000000005
printf 'date,amount,reference\n%s,6.00,REV-A\n%s,7.00,REV-B\n' "$oday" "$oday" >"$T/or1.csv"
printf 'date,amount,reference\n%s,7.00,REV-B\n%s,8.00,REV-C\n' "$oday" "$oday" >"$T/or2.csv"
R1=$(Mn 3 statement import "$T/or1.csv" --mapping m --account $OR 2>&1 | sed -n 's/^Statement  *//p')
KR1=$(key 3)
Mn 3 statement import "$T/or2.csv" --mapping m --account $OR >/dev/null 2>&1 || echo "not ok - same: import R2 at T03"
KR2=$(key 3)
R2=$(Mn 2 statement import "$T/or2.csv" --mapping m --account $OR 2>&1 | sed -n 's/^Statement  *//p')
same "same: T03 has R2's B as a duplicate of its R1's, before any sync" \
    "$(copies $OR 3)" "$(sorted "$KR1#1>live" "$KR1#2>live" "$KR2#1>$KR1#2" "$KR2#2>live")"
expect "same: T03 resolves B on its R1 line" 0 "" \
    Mn 3 reconcile resolve "unexpected_credit:$R1:2" --note "B refunded"
for n in 2 3 1 2; do pdt $n sync >/dev/null || echo "not ok - same: sync T0$n"; done
WR=$(sorted "$KR1#1>live" "$KR1#2>$KR2#1" "$KR2#1>live" "$KR2#2>live")
same "same: the central node has R2's B live" "$(copies $OR c)" "$WR"
for n in 1 2 3; do
	same "same: T0$n has the central node's word" "$(copies $OR $n)" "$WR"
	same "same: at T0$n B's resolution names R2's line" \
	    "$(Mn $n --csv reconcile resolved 2>&1 | grep "B refunded" | grep -c "$R2:1")/$(Mn $n --csv report exceptions 2>&1 | grep -c 'REV-B')" "1/0"
done
# two resolutions of one credit, each on its terminal's copy, T02's copy
# the one that becomes a duplicate: the central node keeps T01's, T02's
# is refused and undone at its push, and at its pull nothing is moved
# onto T01's line but T01's resolution: one resolution everywhere
OX=NL05OVER0000000006
printf 'date,amount,reference\n%s,9.50,GIFT-99\n' "$oday" >"$T/ox1.csv"
printf 'date,amount,reference\n%s,9.50,GIFT-99\n%s,3.00,OTHER-99\n' "$oday" "$oday" >"$T/ox2.csv"
X2=$(Mn 2 statement import "$T/ox2.csv" --mapping m --account $OX 2>&1 | sed -n 's/^Statement  *//p')
X1=$(Mn 1 statement import "$T/ox1.csv" --mapping m --account $OX 2>&1 | sed -n 's/^Statement  *//p')
pdt 1 sync >/dev/null || echo "not ok - two: sync T01"
expect "two: T01 resolves GIFT-99 on its copy" 0 "" \
    Mn 1 reconcile resolve "unexpected_credit:$X1:1" --note "T01 says refunded"
expect "two: T02 resolves GIFT-99 on its own copy" 0 "" \
    Mn 2 reconcile resolve "unexpected_credit:$X2:1" --note "T02 says kept"
for n in 1 2 1 2; do pdt $n sync >/dev/null; done
for n in 1 2; do
	same "two: T0$n lists T01's resolution alone, by T01's line, and no open GIFT-99" \
	    "$(Mn $n --csv reconcile resolved 2>&1 | grep -c "says")/$(Mn $n --csv reconcile resolved 2>&1 | grep "T01 says" | grep -c "$X1:1")/$(Mn $n report exceptions 2>&1 | grep -c GIFT-99)" "1/1/0"
done
same "two: T02's is undone, audited" \
    "$(tsql 2 "SELECT count(*) FROM recon_undone u JOIN recon_resolutions r ON r.uuid = u.uuid WHERE r.note = 'T02 says kept'")" 1
same "two: T02's copy a duplicate of T01's" \
    "$(Mn 2 --json statement show "$X2" 2>&1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["lines"][0]["status"], d["lines"][0].get("already_in"))')" "duplicate $X1"
for n in 1 2 3; do
	expect "moves: doctor at T0$n" 0 "ok" pdt $n doctor
done
expect "moves: doctor at the central node" 0 "ok" central doctor ACME
# -- (issue 20) deposits prepared, then handed, through a real central
# node: T01 prepares HAND-1 and HAND-2 (their creates synced: prepared
# there, T02 pulls them prepared); T01 hands HAND-1, the hand is applied
# and T02 pulls it handed, when and by whom; the node refuses a hand of a
# deposit it does not know, a second hand of HAND-1, and a hand of T01's
# HAND-2 sent by T02, writing nothing; and a match of a credit to HAND-2,
# whose hand T01 recorded as sent but never delivered, is refused there
# (prepared at the node) and undone at T01
drawer 1 781 782
Mn 1 deposit create --cheque 781 --slip HAND-1 --account $A2 >/dev/null || echo "not ok - HAND-1"
Mn 1 deposit create --cheque 782 --slip HAND-2 --account $A2 >/dev/null || echo "not ok - HAND-2"
expect "hand: HAND-1 and HAND-2 reach the central node" 0 "Rejected    0" pdt 1 sync
cdep() { central deposits ACME --json | python3 -c 'import json,sys
print(" ".join("%s:%s:%s" % (d["slip_no"], d["status"], d["handed_by"]) for d in json.load(sys.stdin) if d["slip_no"].startswith("HAND-")))'; }
same "hand: paydesk-central deposits lists them prepared, handed by nobody" "$(cdep)" "HAND-2:prepared: HAND-1:prepared:"
expect "hand: paydesk-central deposits in text says prepared" 0 "prepared" central deposits ACME
pdt 2 sync >/dev/null 2>&1 || echo "not ok - hand: T02 pulls the deposits"
same "hand: T02 pulls HAND-1 prepared" "$(status 2 HAND-1)" "prepared"
Mn 1 deposit hand HAND-1 >/dev/null || echo "not ok - T01 hands HAND-1"
expect "hand: T01's hand is applied at the central node" 0 "Applied     1" pdt 1 sync
same "hand: the central node has HAND-1 handed, by mary" "$(cdep)" "HAND-2:prepared: HAND-1:handed:mary"
hands() { sql_of "$1" "SELECT coalesce(group_concat(d.slip_no || '|' || h.handed_at || '|' || h.handed_by, ' '), '') FROM deposit_hands h JOIN deposits d ON d.id = h.deposit_id WHERE d.slip_no LIKE 'HAND-%'"; }
same "hand: its row of deposit_hands there, as T01's" "$(hands c)" "$(hands 1)"
pdt 2 sync >/dev/null 2>&1 || echo "not ok - hand: T02 pulls the hand"
same "hand: T02 pulls HAND-1 handed, when and by whom T01 handed it" \
    "$(status 2 HAND-1) $(hands 2)" "handed $(hands 1)"
expect "hand: T02 cannot hand it again (19)" 19 "was handed to the bank already" \
    Mn 2 deposit hand HAND-1
# hforged NAME NEEDLE N ARGS...: terminal N pushes a hand forged from a
# deposit record of its own: rejected saying NEEDLE, nothing written
hforged() {
	name=$1 needle=$2 n=$3
	shift 3
	before=$(hands c)
	r=$($F "$T/t$n.db" "$(eval echo \$TOK$n)" deposit data.op=hand "data.lines=[]" "data.cheques=[]" "$@" 2>&1)
	case "$r" in "rejected: "*"$needle"*) ok "$name: rejected, naming the deposit" ;;
	*) echo "not ok - $name: rejected, naming the deposit"; echo "  got: $r"
	   echo "  wanted: rejected: ...$needle..." ;; esac
	same "$name: nothing written" "$(hands c)" "$before"
}
U1=$(tsql 1 "SELECT uuid FROM deposits WHERE slip_no = 'HAND-1'")
U2=$(tsql 1 "SELECT uuid FROM deposits WHERE slip_no = 'HAND-2'")
hforged "hand: of a deposit the central node does not know" "(slip HAND-9) is not known here: it cannot be handed to the bank" 1 \
    data.deposit_uuid=00000000-0000-4000-8000-000000000009 data.slip_no=HAND-9
hforged "hand: HAND-1 handed twice" "Deposit HAND-1 was handed to the bank already" 1 \
    data.deposit_uuid="$U1" data.slip_no=HAND-1
hforged "hand: T01's HAND-2 handed by T02" "Deposit $U2 is terminal T01's, not T02's" 2 \
    data.deposit_uuid="$U2" data.slip_no=HAND-2
# (issue 20) a match naming a deposit the central node holds prepared:
# T01's hand of HAND-2 recorded as sent, lost on its way
Mn 1 deposit hand HAND-2 >/dev/null || echo "not ok - T01 hands HAND-2"
treseal 1 "UPDATE outbox SET sent_at = '$PAYDESK_NOW' WHERE kind = 'deposit' AND ref = 'HAND-2' AND sent_at IS NULL"
printf 'date,amount,reference\n%s,7.00,CASH HAND-2\n' "${PAYDESK_NOW%% *}" >"$T/sh.csv"
Mn 1 statement import "$T/sh.csv" --account $A2 --mapping m >/dev/null || echo "not ok - hand: import"
run Mn 1 --json deposit match
same "hand: T01 matches HAND-2, handed there, by the rule" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["matched"])' "$OUT")" 1
pdt 1 sync >/dev/null 2>&1
run pdt 1 sync --quarantine
has "hand: the central node refuses the match of HAND-2, prepared there" \
    "Deposit HAND-2 (terminal T01) is prepared here, not handed to the bank"
has "hand: and T01 undoes its match" "This terminal's match is undone"
same "hand: nothing matched to HAND-2 at the central node, nor at T01" \
    "$(csql "SELECT count(*) FROM statement_matches m JOIN deposits d ON d.id = m.deposit_id WHERE d.slip_no = 'HAND-2' AND m.unmatched_at = ''"):$(tsql 1 "SELECT count(*) FROM statement_matches m JOIN deposits d ON d.id = m.deposit_id WHERE d.slip_no = 'HAND-2' AND m.unmatched_at = ''")" "0:0"
# a pulled match record is known by its line's matches, active or undone,
# and its deposit by its id: each found by an index, not by reading every
# match or deposit of the store for each record (issue 20: a pull of
# 100,000 match records read 200,000 matches each, 25 ms a record)
plan() { python3 "$TOP/tests/cli/stmt_plan.py" "$TOP/src/store/$1" "$T/t3.db" "$2"; }
same "a pulled match or unmatch: the line's matches by their index" \
    "$(plan recon_feed.c store_match_seen | grep -c 'SEARCH m USING INDEX statement_matches_line_all (line_id=?)')" 2
same "a refused match undone: by that index too" \
    "$(plan recon_feed.c store_match_refused | grep -c 'USING INDEX statement_matches_line_all (line_id=?)')" 1
same "a deposit by its id: by the id's index" \
    "$(plan deposits.c store_deposit_find | grep -c 'SEARCH deposits USING COVERING INDEX sqlite_autoindex_deposits_1 (uuid=?)')" 1
# (issue 20, helper bt5c) a camt.053 of a day of no movement (balances,
# no Ntry) is a statement of no lines: its record, the header and no
# lines, is applied at the central node, which feeds it as its header
# ("statement_head": no part's first line feeds it), so the other
# terminals list it; another terminal's import of the same file before
# it pulled applies there as the same statement, not a second one
Q=NL02QUIE0123456789
printf '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>QUIET-1</MsgId><CreDtTm>2026-03-15T20:00:00</CreDtTm></GrpHdr><Stmt><Id>QUIET-1</Id><CreDtTm>2026-03-15T20:00:00</CreDtTm><FrToDt><FrDtTm>2026-03-15T00:00:00</FrDtTm><ToDtTm>2026-03-15T23:59:59</ToDtTm></FrToDt><Acct><Id><IBAN>%s</IBAN></Id><Ccy>USD</Ccy></Acct><Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">812.40</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-15</Dt></Dt></Bal><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">812.40</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-15</Dt></Dt></Bal></Stmt></BkToCstmrStmt></Document>\n' "$Q" >"$T/quiet.xml"
expect "no movement: T01 imports a camt.053 of no entries" 0 "QUIET-1" \
    Mn 1 statement import "$T/quiet.xml"
expect "no movement: T03 imports the same file before it pulls" 0 "QUIET-1" \
    Mn 3 statement import "$T/quiet.xml"
expect "no movement: its record is applied at the central node" 0 "Rejected    0" pdt 1 sync
quiet="SELECT stmt_id, period_from, period_to, opening, closing, line_count, credits, debits FROM bank_statements WHERE account = '$Q'"
same "no movement: the central node keeps its account, period and balances, no lines" \
    "$(csql "$quiet")" "QUIET-1|2026-03-15|2026-03-15|81240|81240|0|0|0"
same "no movement: the central node feeds its header once" \
    "$(csql "SELECT count(*) FROM feed WHERE entity = 'statement_head'")" 1
expect "no movement: T02 pulls it" 0 "Rejected    0" pdt 2 sync
same "no movement: T02 has it as T01 sent it: account, period, balances, no lines" \
    "$(tsql 2 "$quiet")" "QUIET-1|2026-03-15|2026-03-15|81240|81240|0|0|0"
expect "no movement: T02's statement list shows it" 0 "$Q" \
    Mn 2 statement list
has "no movement: with its closing balance" '$812.40'
expect "no movement: T02's import of the same file: imported already" 3 \
    "imported already" Mn 2 statement import "$T/quiet.xml"
expect "no movement: T03's record is applied" 0 "Rejected    0" pdt 3 sync
same "no movement: the central node has it once" "$(csql "$quiet")" \
    "QUIET-1|2026-03-15|2026-03-15|81240|81240|0|0|0"
same "no movement: T03 has its own once" "$(tsql 3 "$quiet")" \
    "QUIET-1|2026-03-15|2026-03-15|81240|81240|0|0|0"
stop_central
