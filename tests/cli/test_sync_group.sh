# test_sync_group.sh - pushes of one organisation's terminals that wait
# behind each other at the central node are applied together, in one
# transaction (a group commit, issue 22): each answered with its own
# records' outcomes, every record applied once, a refused record refused
# with its reason inside the group; a group whose records wrote rows the
# central node seals (a credit note) has them claimed by the entries of
# the records that wrote them, each naming its terminal; a second push of a
# terminal already in a group is applied after it, alone. The pushes are
# the terminals' own outbox records sent with their tokens, held in the
# node's queue by a push in work that takes 1.5 s (slow-ms).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_PIN=1234

setup_org || { echo "not ok - setup"; exit 1; }
run central terminal add ACME B03 T03
TOK3=$(token_of)
terminal 3 "$TOK3"
start_central || exit 1
for n in 1 2 3; do
	pdt $n sync >/dev/null || echo "not ok - T0$n's first sync"
done
stop_central

# body N FILE [EDIT]: terminal N's outbox records made since its last
# body, as its push body in FILE (the terminals never see these pushes'
# answers: their outboxes stay unsent); EDIT "type" spells the first
# record's type wrong (a record the node refuses for its form)
body() {
	from=$(cat "$T/mark$1" 2>/dev/null || echo 0)
	tsql "$1" "SELECT payload FROM outbox WHERE id > $from ORDER BY id" |
	    python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin if l.strip()]
if sys.argv[2] == "type":
    recs[0]["data"]["type"] = "bill"
print(json.dumps({"v": 1, "terminal": "T0" + sys.argv[1],
                  "pending": len(recs), "records": recs}))' "$1" "${3:-}" >"$2"
	tsql "$1" "SELECT max(id) FROM outbox" >"$T/mark$1"
}
tok() { eval echo "\$TOK$1"; }
# push N FILE OUT: FILE pushed with terminal N's token, the answer in OUT
push() {
	curl -s -H "Authorization: Bearer $(tok "$1")" --data-binary @"$2" \
	    "$URL/v1/push" >"$3"
}
# outcomes OUT: the answer's statuses, counted
outcomes() {
	python3 -c 'import json, sys, collections
r = json.load(open(sys.argv[1]))
print(" ".join("%s=%d" % kv for kv in sorted(collections.Counter(x["status"] for x in r["results"]).items())))' "$1"
}
# held A N1 F1 O1 N2 F2 O2...: terminal A's push of $T/a.json in work
# (1.5 s) while the others arrive, queued behind it
held() {
	a=$1
	shift
	push "$a" "$T/a.json" "$T/a.out" &
	hp=$!
	sleep 0.5
	pids=
	while [ $# -ge 3 ]; do
		push "$1" "$2" "$3" &
		pids="$pids $!"
		shift 3
	done
	wait $hp $pids
}
groups() { grep -c "POST /v1/push 200 .*group=$1\$" "$T/central.log" || true; }

# -- three terminals' payments: T03's push holds the queue, T01's and
#    T02's wait behind it and go as one group
pay() {
	pdt "$1" --user jane pay "$2" --type bill --method Cash --amount "$3" \
	    --tendered "$3" >/dev/null || echo "not ok - T0$1 pays $2"
}
pay 1 WU-10001 11
pay 1 WU-10002 12
pay 2 WU-10003 21
pay 2 WU-10001 22
pay 2 WU-10002 23
pay 3 WU-10003 31
body 3 "$T/a.json"
body 1 "$T/b1.json"
body 2 "$T/b2.json"
start_central slow-ms=1500 || exit 1
held 3 1 "$T/b1.json" "$T/o1" 2 "$T/b2.json" "$T/o2"
same "T01's push waited and went in a group of two" "$(groups 2)" 2
same "T03's, which held the queue, alone" \
    "$(grep -c "T03 POST /v1/push 200 .*apply=[0-9.]*ms\$" "$T/central.log")" 1
same "T01's answer: its two payments applied" "$(outcomes "$T/o1")" "applied=2"
same "T02's answer: its three" "$(outcomes "$T/o2")" "applied=3"
same "T03's answer: its one" "$(outcomes "$T/a.out")" "applied=1"
same "the node holds each terminal's payments once, their amounts" \
    "$(csql "SELECT terminal || ':' || count(*) || ':' || sum(amount) || ':' || count(DISTINCT uuid) FROM payments GROUP BY terminal ORDER BY terminal")" \
    "$(printf 'T01:2:2300:2\nT02:3:6600:3\nT03:1:3100:1')"
same "each record is in the applied log once, naming its terminal" \
    "$(csql "SELECT terminal || ':' || count(*) FROM applied WHERE kind = 'payment' GROUP BY terminal ORDER BY terminal")" \
    "$(printf 'T01:2\nT02:3\nT03:1')"

# -- the same pushes again (the terminals never saw the answers): in a
#    group again, each record a duplicate, nothing applied twice
held 3 1 "$T/b1.json" "$T/o1" 2 "$T/b2.json" "$T/o2"
same "sent again, they are duplicates in the group" \
    "$(outcomes "$T/o1") $(outcomes "$T/o2")" "duplicate=2 duplicate=3"
same "and two groups of two in the log now" "$(groups 2)" 4
same "nothing was applied twice" "$(csql "SELECT count(*) FROM payments")" 6

# -- a record refused for its form inside a group: refused with its
#    reason and logged, the group applied as one all the same
pay 1 WU-10003 13
pay 2 WU-10003 24
pay 2 WU-10001 25
body 1 "$T/b1.json" type
body 2 "$T/b2.json"
held 3 1 "$T/b1.json" "$T/o1" 2 "$T/b2.json" "$T/o2"
same "the group of two applied as one" "$(groups 2)" 6
same "T01's forged record refused" "$(outcomes "$T/o1")" "rejected=1"
has_in() {
	case "$(cat "$2")" in *"$3"*) ok "$1" ;;
	*) echo "not ok - $1"; echo "  wanted: $3"; sed 's/^/  got: /' "$2" ;; esac
}
has_in "with the field it got wrong" "$T/o1" 'Field \"type\" has an unknown value'
same "and logged for the operator, naming T01" \
    "$(csql "SELECT terminal || ':' || event FROM sync_log WHERE event = 'rejected'")" "T01:rejected"
same "T02's two applied beside it" "$(outcomes "$T/o2")" "applied=2"
same "the node has T02's and not the refused one" \
    "$(csql "SELECT count(*) FROM payments")" 8

# -- a credit note in a group: a row the central node seals, claimed by
#    the audit entry of the record that wrote it (naming its terminal),
#    not by one of the group's
r=$(tsql 2 "SELECT receipt_no FROM payments WHERE terminal = 'T02' ORDER BY id DESC LIMIT 1")
PAYDESK_PIN=2222 pdt 2 --user mary credit-note create "$r" --amount 1 \
    --reason "Billing Error" >/dev/null || echo "not ok - credit note"
pay 1 WU-10002 14
body 1 "$T/b1.json"
body 2 "$T/b2.json"
python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["records"][-1]["kind"])' "$T/b2.json" >"$T/k"
same "T02's push ends with the credit note" "$(cat "$T/k")" credit_note
held 3 1 "$T/b1.json" "$T/o1" 2 "$T/b2.json" "$T/o2"
same "the credit note went in a group of two" "$(groups 2)" 8
same "T02's credit note applied" "$(csql "SELECT count(*) FROM credit_notes WHERE terminal = 'T02' AND automatic = 0")" 1
same "its seal claimed by the credit note's own entry, naming T02; none left" \
    "$(csql "SELECT a.action || ':' || a.ref || ':' || CASE WHEN a.detail LIKE '%terminal=T02' THEN 'T02' ELSE a.detail END || ':' || (SELECT count(*) FROM seals WHERE audit_id IS NULL) FROM seals g JOIN audit_log a ON a.id = g.audit_id WHERE g.tbl = 'credit_notes' AND g.row_id = (SELECT id FROM credit_notes WHERE terminal = 'T02' AND automatic = 0)")" \
    "create:CN-T02-00001:T02:0"
same "T01's payment applied too" "$(outcomes "$T/o1")" "applied=1"

# -- a write the store refuses in the middle of a record of a group (a
#    trigger of the test's): nothing of the group kept, each push applied
#    again alone, the refused record's push record by record; the record
#    refused by that write, every other applied
pay 1 WU-10001 16
pay 2 WU-10002 27
pay 2 WU-10003 28
body 1 "$T/b1.json"
body 2 "$T/b2.json"
w=$(tsql 2 "SELECT uuid FROM payments WHERE terminal = 'T02' ORDER BY id DESC LIMIT 1")
if [ "$BACKEND" = postgresql ]; then
	csql "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS
	    \$\$ BEGIN IF (SELECT uuid FROM payments WHERE id = NEW.payment_id)
	    = '$w' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN
	    NEW; END \$\$; CREATE TRIGGER test_refuse BEFORE INSERT ON
	    allocations FOR EACH ROW EXECUTE FUNCTION test_refuse()" >/dev/null
else
	csql "CREATE TRIGGER test_refuse BEFORE INSERT ON allocations WHEN
	    (SELECT uuid FROM payments WHERE id = NEW.payment_id) = '$w'
	    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
fi
held 3 1 "$T/b1.json" "$T/o1" 2 "$T/b2.json" "$T/o2"
csql "DROP TRIGGER test_refuse$([ "$BACKEND" = postgresql ] &&
    echo " ON allocations; DROP FUNCTION test_refuse()")" >/dev/null
same "the group was applied push by push, T02's record by record" \
    "$(grep -c "T01 POST /v1/push 200 .*group=2 alone\$" "$T/central.log") $(grep -c "T02 POST /v1/push 200 .*group=2 alone passes=3\$" "$T/central.log")" \
    "1 1"
same "T01's payment applied" "$(outcomes "$T/o1")" "applied=1"
same "T02's first applied, the second refused by that write" \
    "$(outcomes "$T/o2")" "applied=1 rejected=1"
has_in "saying so" "$T/o2" "refused by the test"
same "nothing of the refused record kept at the node" \
    "$(csql "SELECT count(*) FROM payments WHERE uuid = '$w'") $(csql "SELECT count(*) FROM applied WHERE uuid = '$w'")" "0 0"

# -- a terminal twice in the queue (a retry sent while its first push
#    waited): the second is applied after the group, alone, as duplicates
pay 1 WU-10001 15
pay 2 WU-10002 26
body 1 "$T/b1.json"
body 2 "$T/b2.json"
cp "$T/b1.json" "$T/b1again.json"
held 3 1 "$T/b1.json" "$T/o1" 2 "$T/b2.json" "$T/o2" 1 "$T/b1again.json" "$T/o1again"
same "T01 and T02 in one group of two" "$(groups 2)" 10
same "one of T01's applied, the other all duplicates" \
    "$( (outcomes "$T/o1"; outcomes "$T/o1again") | sort | tr '\n' ' ')" \
    "applied=1 duplicate=1 "
same "T02's applied in the group" "$(outcomes "$T/o2")" "applied=1"
stop_central

# -- records that set no origin of their own (a dispute) at the start
#    of a push in a group: stamped with none, as alone, not with the
#    terminal of the push before it, which then never pulled them
#    (helper-324: T02 never had T01's dispute)
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' >"$T/rec.csv"
central import ACME users "$T/rec.csv" >/dev/null
rec() { n=$1; shift; PAYDESK_PIN=4321 "$PD" --config "$T/t$n.ini" --user rita "$@"; }
start_central || exit 1
for n in 1 2 3; do
	pdt $n sync >/dev/null 2>&1 # (T01's forged record's own is applied)
	pdt $n sync >/dev/null || echo "not ok - T0$n syncs before the disputes"
done
stop_central
for n in 1 2; do
	r=$(tsql $n "SELECT receipt_no FROM payments WHERE terminal = 'T0$n' AND status = 'Posted' ORDER BY id LIMIT 1")
	rec $n dispute open "$r" --reason other >/dev/null ||
	    echo "not ok - T0$n opens a dispute"
	pay $n WU-10002 1$n
done
pay 3 WU-10001 39
start_central slow-ms=1500 || exit 1
l0=$(wc -l <"$T/central.log")
pdt 3 sync >/dev/null 2>&1 &
hp=$!
sleep 0.5
pdt 1 sync >/dev/null 2>&1 &
p1=$!
pdt 2 sync >/dev/null 2>&1 &
p2=$!
wait $hp $p1 $p2
same "T01's and T02's disputes and payments went in a group of two" \
    "$(tail -n +$((l0 + 1)) "$T/central.log" | grep -c "POST /v1/push 200 .*records=2 apply=[0-9.]*ms group=2\$")" 2
same "each dispute's entry has no origin, each payment's its terminal" \
    "$(csql "SELECT group_concat(entity || ':' || origin, ' ') FROM (SELECT entity, origin FROM feed WHERE entity IN ('dispute', 'payment') ORDER BY seq DESC LIMIT 5) AS f" | tr ' ' '\n' | sort | tr '\n' ' ')" \
    "dispute: dispute: payment:T01 payment:T02 payment:T03 "
stop_central

# -- the terminals sync as they would: what the node already holds is
#    a duplicate to them, and the ledgers agree
start_central || exit 1
for n in 1 2 3; do
	expect "T0$n syncs: nothing left to push" 0 "Pending     0" pdt $n sync
done
same "no payment twice at the node" \
    "$(csql "SELECT count(*) - count(DISTINCT uuid) FROM payments")" 0
same "every payment the terminals took is at the node (the refused one's
    record sent again as it was made)" \
    "$(csql "SELECT count(*) FROM payments")" \
    "$(($(tsql 1 "SELECT count(*) FROM payments WHERE terminal = 'T01'") + $(tsql 2 "SELECT count(*) FROM payments WHERE terminal = 'T02'") + $(tsql 3 "SELECT count(*) FROM payments WHERE terminal = 'T03'")))"
same "every terminal holds both disputes" \
    "$(for n in 1 2 3; do tsql $n "SELECT count(*) FROM disputes"; done | tr '\n' ' ')" \
    "2 2 2 "
expect "the central store is consistent" 0 "" central doctor ACME
