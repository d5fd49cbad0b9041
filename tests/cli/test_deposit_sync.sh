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
# terminal pulls the deposits with their cheques.
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
forged "a cheque of another amount" "Deposit cheque 5001 of shift $Z: amount 1000, but the close counted 1234" \
    data.cheques.0.number='"5001"' data.cheques.0.amount=1000 data.lines.0.amount=1000 data.amount=1000
forged "a cheque listed twice" "Deposit cheque 5003 of shift $Z is listed twice" \
    "data.cheques=[$C5003, $C5003]" \
    data.lines.0.amount=1500 data.amount=1500
forged "a line that is not its cheques' total" "Deposit line 1: amount 1000 is not the total of its cheques, 750" \
    data.cheques.0.number='"5003"' data.cheques.0.amount=750 data.lines.0.amount=1000 data.amount=1000
forged "a cheque of no line of the deposit" "Deposit cheque 5003: no cheque line of the deposit takes" \
    data.cheques.0.number='"5003"' data.cheques.0.amount=750 data.cheques.0.method=Cash
forged "a cheque without a number" "data: deposit cheque 1 has no number" \
    data.cheques.0.number=
forged "an older terminal's part of a shift's cheques" \
    "Deposit line 1: shift $Z's cheques are deposited by number or all of them: 1000 is not the 1984 of its 2 cheques not deposited" \
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
    "$(python3 -c 'import json,sys; print(" ".join("%s:%s" % (s["status"], s["flagged"]) for s in json.load(open(sys.argv[1]))))' "$OUT")" \
    "open:True closed:False closed:False"
same "each close's flag kept at the central node, as its record carried it" \
    "$(csql "SELECT count(*) || ':' || sum(flagged) FROM shift_flags")" "2:0"
pdt 2 sync >/dev/null || echo "not ok - T02 pulls the shifts"
same "and at T02, which pulled them" "$(tsql 2 "SELECT count(*) || ':' || sum(flagged) FROM shift_flags")" "2:0"
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
stop_central
