# test_shift_sync.sh - one cashier, one drawer at a time across terminals
# (issue 20, review s70 fault 3; on SQLite and, in make check, on
# PostgreSQL: tests/run.sh), with a real central node: jane's shift open
# at T01, pulled by T02, keeps her from opening one at T02 (status 13,
# naming T01, nothing written) until its close is pulled; mary's shifts
# opened at both terminals offline both reach the central node, which
# keeps both and names each beside the other in paydesk-central shifts
# (its table and --json open_at_once); shifts one after the other are not
# named. paydesk-central gaps says a Z number missing in a terminal's
# series (tester fault 13a). A shift left open at a terminal that is gone
# (s72 fault d): a cashier's forced close of it refused (5), a
# supervisor's at T02 with a reason closes it with nothing counted, every
# tender short by what it expected, Z number of T02 and the report marked
# FORCED; jane then opens at T02; the central node lists it forced; T01
# back pulls its shift closed, and takes no cash in it (13).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

setup_org || { echo "not ok - setup"; exit 1; }
start_central || exit 1
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first syncs"
J() { n=$1; shift; PAYDESK_PIN=1234 pdt $n --user jane "$@"; }
M() { n=$1; shift; PAYDESK_PIN=2222 pdt $n --user mary "$@"; }

must "jane opens a shift at T01" J 1 shift open --count 10000x1
must "T01 syncs" pdt 1 sync
must "T02 syncs" pdt 2 sync
same "T02 has pulled jane's shift open at T01" \
    "$(tsql 2 "SELECT terminal || ':' || cashier || ':' || status FROM shifts")" "T01:jane:open"
before=$(store_hash "$T/t2.db")
expect "jane's shift at T02 while her T01 one is open: refused, T01 named" 13 \
    "jane has a shift open at terminal T01 since $(tsql 1 "SELECT opened_at FROM shifts WHERE cashier = 'jane'")" \
    J 2 shift open --count 10000x1
same "the refusal writes nothing" "$(store_hash "$T/t2.db")" "$before"
same "no shift at T02" "$(tsql 2 "SELECT count(*) FROM shifts WHERE terminal = 'T02'")" 0

# closed at T01 and synced: T02 pulls the close, and jane opens there
must "jane closes at T01" J 1 shift close --count 10000x1
must "T01 syncs the close" pdt 1 sync
must "T02 pulls it" pdt 2 sync
expect "jane's shift at T02 once the T01 one is closed: opened" 0 "" \
    J 2 shift open --count 10000x1
must "jane closes at T02" J 2 shift close --count 10000x1
must "T02 syncs jane's shift" pdt 2 sync

# two terminals offline: mary opens at both before either syncs
must "mary opens at T01, offline" M 1 shift open --count 5000x1
must "mary opens at T02, offline" M 2 shift open --count 5000x1
expect "T01 pushes mary's shift: taken" 0 "Rejected    0" pdt 1 sync
expect "T02 pushes hers: taken too (a drawer's cash is never lost)" 0 \
    "Rejected    0" pdt 2 sync
same "the central node keeps both open" \
    "$(csql "SELECT count(*) FROM shifts WHERE cashier = 'mary' AND status = 'open'")" 2
run central shifts ACME
same "paydesk-central shifts names each beside the other" \
    "$(grep -c "mary's shift at terminal T0[12], opened .*, was open at the same time" "$OUT")" 2
grep -q "mary's shift at terminal T02, opened $(tsql 2 "SELECT opened_at FROM shifts WHERE cashier = 'mary' AND terminal = 'T02'")" "$OUT" &&
    grep -q "mary's shift at terminal T01, opened $(tsql 1 "SELECT opened_at FROM shifts WHERE cashier = 'mary' AND terminal = 'T01'")" "$OUT" &&
    ok "each names the other's terminal" ||
    { echo "not ok - each names the other's terminal"; sed 's/^/  | /' "$OUT"; }
same "jane's shifts one after the other: not named" \
    "$(grep -c "jane's shift at terminal" "$OUT")" 0
run central shifts ACME --json
same "--json: open_at_once, the other's terminal" \
    "$(python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted("%s:%s>%s" % (s["cashier"], s["terminal"], ",".join(o["terminal"] for o in s["open_at_once"])) for s in d if s["open_at_once"])), len(d))' "$OUT")" \
    "mary:T01>T02 mary:T02>T01 4"
# a filter that leaves the other out still names it
run central shifts ACME --branch B02
same "the branch of one of them: the other, of another branch, named" \
    "$(grep -c "mary's shift at terminal T01" "$OUT")" 1
# (tester fault 13a) paydesk-central gaps covers each terminal's Z number
# series: T01's series moved on in the sqlite3 shell before mary's close
# leaves Z-T01-000002 missing at the central node, said like a receipt's
must "mary closes at T02" M 2 shift close --count 5000x1
sqlite3 "$T/t1.db" "UPDATE number_series SET next = next + 1 WHERE series = 'z_report'"
must "mary closes at T01, a Z number skipped" M 1 shift close --count 5000x1
must "T01 syncs mary's close" pdt 1 sync
must "T02 syncs mary's close" pdt 2 sync
run central gaps ACME
same "gaps: T01's Z numbers, one missing" \
    "$(sed -n '/^Terminal T01/,/^Terminal/p' "$OUT" | grep -A1 '^  Z numbers')" \
    "  Z numbers: Z-T01-000001 to Z-T01-000003, 2 held
    Missing: Z-T01-000002"
same "gaps: T02's Z numbers whole" \
    "$(sed -n '/^Terminal T02/,$p' "$OUT" | grep '^  Z numbers\|^  No number is missing')" \
    "  Z numbers: Z-T02-000001 to Z-T02-000002, 2 held
  No number is missing."
run central gaps ACME --terminal T01 --json
same "gaps --json: the Z series with its missing number" \
    "$(python3 -c 'import json,sys; t = json.load(open(sys.argv[1]))[0]
print(";".join("%s:%s-%s:%d:%s" % (s["series"], s["first"], s["last"], s["issued"], ",".join("%s/%d" % (m["first"], m["count"]) for m in s["missing"])) for s in t["series"] if s["series"] == "z_report"))' "$OUT")" \
    "z_report:Z-T01-000001-Z-T01-000003:2:Z-T01-000002/1"
# (s72 fault d) jane's shift at T01, synced, then T01 is gone: a
# supervisor at T02 closes it by force, nothing counted
printf 'key,value\nshifts.required,yes\n' >"$T/strict.csv"
central import ACME settings "$T/strict.csv" --update >/dev/null
must "T01 takes shifts.required" pdt 1 sync
must "jane opens a shift at T01" J 1 shift open --count 10000x1
must "T01 takes cash in it" J 1 pay WU-10002 --type bill --method Cash --amount 35 --tendered 35
must "T01 syncs, then is gone" pdt 1 sync
must "T02 pulls jane's shift at T01" pdt 2 sync
expect "jane at T02: refused, her shift at T01 open" 13 \
    "jane has a shift open at terminal T01" J 2 shift open --count 10000x1
sid=$(tsql 2 "SELECT uuid FROM shifts WHERE terminal = 'T01' AND status = 'open'")
before=$(store_hash "$T/t2.db")
expect "a cashier's forced close: refused" 5 "needs a supervisor" \
    J 2 shift close --force "$sid" --reason "T01 broken"
same "the refusal writes nothing" "$(store_hash "$T/t2.db")" "$before"
expect "a forced close without a reason: refused" 2 "needs a reason" \
    M 2 shift close --force "$sid"
run M 2 --json shift close --force "$sid" --reason "T01 broken, drawer locked in the safe"
same "mary closes it by force: Z number of T02, every tender short by its expected" \
    "$RC $(python3 -c 'import json,sys; d = json.load(open(sys.argv[1]))
print(d["status"], d["z_no"], d["forced"], d["forced_on"], d["closed_by"] if "closed_by" in d else "", d["signed_off_by"], " ".join("%s:%d:%d:%d:%s:%s" % (t["method"], t["expected"], t["counted"], t["over_short"], t["reason"], t["approved_by"]) for t in d["tenders"]))' "$OUT" 2>&1)" \
    "0 closed Z-T02-000003 True T02  mary Cash:13500:0:-13500:T01 broken, drawer locked in the safe:mary"
same "kept at T02: closed, by mary, the reason" \
    "$(tsql 2 "SELECT s.status || ':' || s.closed_by || ':' || s.float_kept || ':' || f.terminal || ':' || f.reason FROM shifts s JOIN shift_forced f ON f.shift_id = s.id WHERE s.uuid = '$sid'")" \
    "closed:mary:0:T02:T01 broken, drawer locked in the safe"
same "audited: forced, the terminal, the reason" \
    "$(tsql 2 "SELECT count(*) FROM audit_log WHERE action = 'close' AND entity = 'shift' AND detail LIKE '%forced=1 terminal=T01 reason=T01 broken%'")" 1
expect "the Z report is marked FORCED" 0 "FORCED" M 2 shift z Z-T02-000003 --text
expect "jane opens at T02 now" 0 "" J 2 shift open --count 10000x1
expect "a forced close of T02's own shift: refused" 13 "this terminal's" \
    M 2 shift close --force "$(tsql 2 "SELECT uuid FROM shifts WHERE terminal = 'T02' AND status = 'open'")" --reason x
expect "T02 syncs the forced close" 0 "Rejected    0" pdt 2 sync
same "the central node: closed by force at T02, by mary" \
    "$(csql "SELECT s.status || ':' || s.closed_by || ':' || s.z_no || ':' || f.terminal FROM shifts s JOIN shift_forced f ON f.shift_id = s.id WHERE s.uuid = '$sid'")" \
    "closed:mary:Z-T02-000003:T02"
run central shifts ACME
same "paydesk-central shifts: forced, and why" \
    "$(grep -c "closed by force at terminal T02 by mary, nothing counted: T01 broken" "$OUT") $(grep "Z-T02-000003" "$OUT" | grep -c forced)" "1 1"
run central shifts ACME --json
same "paydesk-central shifts --json: forced" \
    "$(python3 -c 'import json,sys; print([(s["forced"], s["forced_on"], s["forced_reason"]) for s in json.load(open(sys.argv[1])) if s["uuid"] == sys.argv[2]])' "$OUT" "$sid")" \
    "[(True, 'T02', 'T01 broken, drawer locked in the safe')]"
# T01 comes back: its shift closed there as the supervisor closed it
expect "T01 back: syncs" 0 "Rejected    0" pdt 1 sync
same "T01's shift is closed, by force at T02" \
    "$(tsql 1 "SELECT s.status || ':' || s.z_no || ':' || f.terminal FROM shifts s JOIN shift_forced f ON f.shift_id = s.id WHERE s.uuid = '$sid'")" \
    "closed:Z-T02-000003:T02"
same "nothing of it set aside at T01" "$(tsql 1 "SELECT count(*) FROM pull_quarantine")" 0
expect "cash at T01 now: refused as with no shift" 13 "Cash is taken in an open shift" \
    J 1 pay WU-10002 --type bill --method Cash --amount 5 --tendered 5
stop_central
