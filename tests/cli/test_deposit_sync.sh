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
expect "T02's resolution of $SA:1 is refused" 0 "Rejected    1" pdt 2 sync
M2 reconcile resolve "unexpected_credit:$SB:1" --note "T02 on B" >/dev/null || echo "not ok - T02 resolves B"
M reconcile resolve "unexpected_credit:$SB:1" --note "T01 on B" >/dev/null || echo "not ok - T01 resolves B"
pdt 2 sync >/dev/null || echo "not ok - T02 syncs B first"
expect "T01's resolution of $SB:1 is refused" 0 "Rejected    1" pdt 1 sync
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
# between a refusal's undo and the pull of the one kept (a round cut
# short), the exception is open again and may be resolved again: in the
# undone one's row (kind and target are unique)
tsql 2 "INSERT INTO recon_undone (uuid, at, reason) SELECT uuid, '2026-06-17 10:00:00', 'test' FROM recon_resolutions WHERE note = 'T01 on A'"
expect "T02 resolves $SA:1 again once open again" 0 "" \
    M2 reconcile resolve "unexpected_credit:$SA:1" --note "T02 again on A"
same "T02 lists the new one in its place" "$(notes 2)" "T02 again on A T02 on B "
stop_central
