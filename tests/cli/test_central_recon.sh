# test_central_recon.sh - the central node's view of the reconciliation
# (issue 20: "the central node and the back office see every drawer of
# the organisation"; on SQLite and, in make check, on PostgreSQL:
# tests/run.sh): two terminals' shifts, deposits and bank statements
# synced to a real paydesk-central, then paydesk-central statements,
# exceptions and reconciliation checked figure by figure against what
# this script works out from the scenario (and the reconciliation's sums
# against the central store, and against T01's own report reconciliation
# and report exceptions of the account whose records it holds); the
# filters; every refusal with its exit status; a deposit's cheque whose
# payment was voided after the deposit, the central node's exceptions
# and days of its account line by line as T01's (s73 fault 1).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
# the organisation set up on 06-30, the shifts on 07-01, the deposits,
# statements and reports on 07-10 (the central node's clock too, from
# its restart)
export PAYDESK_NOW="2026-06-30 08:00:00"
D1="2026-07-01 08:00:00"
A=NL03BANK0000000003
B=NL44BANK0000000044
setup_org || { echo "not ok - setup"; exit 1; }
start_central || exit 1
pdt 1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - first syncs"
J() { n=$1; shift; PAYDESK_PIN=1234 pdt "$n" --user jane "$@"; }
M() { n=$1; shift; PAYDESK_PIN=2222 pdt "$n" --user mary "$@"; }
# a shift at each terminal: 280.00 cash at T01, 200.00 at T02 (floats of
# 100.00 kept)
PAYDESK_NOW=$D1 J 1 shift open --count 10000x1 >/dev/null || echo "not ok - T01 open"
PAYDESK_NOW=$D1 J 1 pay WU-10001 --type bill --method Cash --amount 280 --tendered 280 >/dev/null || echo "not ok - T01 cash"
PAYDESK_NOW="2026-07-01 18:00:00" J 1 shift close --count 10000x3,5000x1,1000x3 >/dev/null ||
    echo "not ok - T01 close"
Z1=$(tsql 1 "SELECT z_no FROM shifts WHERE status = 'closed'")
PAYDESK_NOW=$D1 J 2 shift open --count 10000x1 >/dev/null || echo "not ok - T02 open"
PAYDESK_NOW=$D1 J 2 pay WU-10002 --type bill --method Cash --amount 200 --tendered 200 >/dev/null || echo "not ok - T02 cash"
PAYDESK_NOW="2026-07-01 18:00:00" J 2 shift close --count 10000x3 >/dev/null ||
    echo "not ok - T02 close"
Z2=$(tsql 2 "SELECT z_no FROM shifts WHERE status = 'closed'")
export PAYDESK_NOW="2026-07-10 09:00:00"
stop_central
start_central || exit 1
# T01: BAG-A 07-01, BAG-B 07-03 to account A; T02: BAG-C 07-04, BAG-D
# 07-05 to A, BAG-E 07-02 to account B
for b in A:100:01 B:60:03; do
	v=${b#*:}
	# made and handed to the bank on its day (issue 20: only a bag
	# handed is matched, its age counted from the handing)
	PAYDESK_NOW="2026-07-${b##*:} 19:00:00" M 1 deposit create \
	    "$Z1:Cash=${v%%:*}" --slip BAG-${b%%:*} --account $A \
	    --date 2026-07-${b##*:} >/dev/null &&
	    PAYDESK_NOW="2026-07-${b##*:} 19:05:00" M 1 deposit hand \
	    BAG-${b%%:*} >/dev/null || echo "not ok - bag ${b%%:*}"
done
for b in C:40:04:$A D:80:05:$A E:30:02:$B; do
	v=${b#*:} d=${b#*:*:}
	PAYDESK_NOW="2026-07-${d%%:*} 19:00:00" M 2 deposit create \
	    "$Z2:Cash=${v%%:*}" --slip BAG-${b%%:*} --account "${d#*:}" \
	    --date 2026-07-${d%%:*} >/dev/null &&
	    PAYDESK_NOW="2026-07-${d%%:*} 19:05:00" M 2 deposit hand \
	    BAG-${b%%:*} >/dev/null || echo "not ok - bag ${b%%:*}"
done
pdt 2 sync >/dev/null || echo "not ok - T02 sync"
pdt 1 sync >/dev/null || echo "not ok - T01 sync (pulls T02's bags)"
# the bank, account A (imported at T01): BAG-A the next day, BAG-B three
# days later, BAG-D less 1.00, a credit nobody expected, BAG-A credited a
# second time; BAG-C never. Account B (imported at T02): a credit nobody
# expected; BAG-E never.
cat >"$T/a.csv" <<CSV
date,amount,reference
2026-07-02,100.00,DEPOSIT BAG-A
2026-07-06,60.00,DEPOSIT BAG-B
2026-07-06,79.00,DEPOSIT BAG-D
2026-07-05,25.00,WHO KNOWS
2026-07-07,100.00,AGAIN BAG-A
CSV
cat >"$T/b.csv" <<CSV
date,amount,reference
2026-07-08,45.00,MYSTERY
CSV
for n in 1 2; do
	M $n statement mapping add m date=1 amount=2 reference=3 header=1 >/dev/null
done
M 1 statement import "$T/a.csv" --mapping m --account $A >/dev/null || echo "not ok - import A"
M 2 statement import "$T/b.csv" --mapping m --account $B >/dev/null || echo "not ok - import B"
M 1 deposit match >/dev/null || echo "not ok - T01 match"
M 2 deposit match >/dev/null || echo "not ok - T02 match"
expect "T01's statement and matches are applied" 0 "Rejected    0" pdt 1 sync
expect "T02's statement is applied" 0 "Rejected    0" pdt 2 sync
stmt_of() { M $1 --json statement list | python3 -c 'import json,sys; print(" ".join(s["name"] for s in json.load(sys.stdin) if s["account"] == sys.argv[1]))' "$2"; }
SA=$(stmt_of 1 $A)
SB=$(stmt_of 2 $B)
[ -n "$SA" ] && [ -n "$SB" ] || echo "not ok - the statements' names"

# ---- statements ----
run central statements ACME --json
same "statements: both, each with its terminal, account, period, lines, matched and unmatched" \
    "$(python3 -c 'import json,sys; print(" ".join(sorted("%s:%s:%s:%s:%s:%d:%d:%d" % (s["name"], s["terminal"], s["account"], s["from"], s["to"], s["lines"], s["matched"], s["unmatched"]) for s in json.load(open(sys.argv[1])))))' "$OUT")" \
    "$(printf '%s\n' "$SA:T01:$A:2026-07-02:2026-07-07:5:3:2" "$SB:T02:$B:2026-07-08:2026-07-08:1:0:1" | sort | tr '\n' ' ' | sed 's/ $//')"
expect "statements as text: a row per statement" 0 "$SA" central statements ACME
has "with T02's" "$SB"
same "statements --terminal T02: T02's only" \
    "$(central statements ACME --terminal T02 --json | python3 -c 'import json,sys; print(" ".join(s["name"] for s in json.load(sys.stdin)))')" "$SB"
same "statements --account A: A's only" \
    "$(central statements ACME --account $A --json | python3 -c 'import json,sys; print(" ".join(s["name"] for s in json.load(sys.stdin)))')" "$SA"
same "statements --from 2026-07-08: the period that meets it" \
    "$(central statements ACME --from 2026-07-08 --json | python3 -c 'import json,sys; print(" ".join(s["name"] for s in json.load(sys.stdin)))')" "$SB"
# one statement: each line's state and rule, as T01's statement show
run central statements ACME "$SA" --json
same "statement $SA: each line's state" \
    "$(python3 -c 'import json,sys; print(" ".join("%d:%s:%d" % (l["line"], l["status"], l["amount"]) for l in json.load(open(sys.argv[1]))["lines"]))' "$OUT")" \
    "1:matched:10000 2:matched:6000 3:amount_differs:7900 4:unmatched:2500 5:unmatched:10000"
same "and each match's rule and what it took, as T01 has them" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%s" % (l["rule"], l["matched_to"]) for l in json.load(open(sys.argv[1]))["lines"]))' "$OUT")" \
    "$(tsql 1 "SELECT group_concat(x, ' ') FROM (SELECT coalesce(m.rule, '') || ':' || coalesce(d.slip_no, '') AS x FROM bank_statement_lines l LEFT JOIN statement_matches m ON m.line_id = l.id AND m.unmatched_at = '' LEFT JOIN deposits d ON d.id = m.deposit_id ORDER BY l.seq)")"
expect "the statement as text, named in lower case" 0 "DEPOSIT BAG-D" central statements ACME "$(echo "$SA" | tr A-Z a-z)"
has "its heading" "Statement $SA, account $A"

# ---- exceptions ----
NA=$SA
exc() { python3 -c 'import json,sys; print(" ".join("%s:%s:%s:%d:%s:%s:%d:%d" % (e["kind"], e["reference"], e["date"], e["age_days"], e["account"], e["terminal"], e["expected"], e["actual"]) for e in json.load(open(sys.argv[1]))))' "$OUT"; }
run central exceptions ACME --json
same "exceptions: each open one, oldest first, with its age, account and terminal" "$(exc)" \
"not_credited:BAG-E:2026-07-02:8:$B:T02:3000:0 not_credited:BAG-C:2026-07-04:6:$A:T02:4000:0 unexpected_credit:$NA:4:2026-07-05:5:$A:T01:0:2500 amount_differs:BAG-D:2026-07-06:4:$A:T02:8000:7900 matched_twice:$NA:5:2026-07-07:3:$A:T01:10000:10000 unexpected_credit:$SB:1:2026-07-08:2:$B:T02:0:4500"
# T01 holds every record of account A: its own report lists the same
PAYDESK_PIN=2222 pdt 1 --user mary --json report exceptions >"$T/t1exc" 2>&1
same "account A's exceptions are T01's report exceptions" \
    "$(central exceptions ACME --account $A --json | python3 -c 'import json,sys; print(" ".join("%s:%s:%d:%d" % (e["kind"], e["reference"], e["age_days"], e["difference"]) for e in json.load(sys.stdin)))')" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%s:%d:%d" % (e["kind"], e["reference"], e["age_days"], e["difference"]) for e in json.load(open(sys.argv[1])) if e["kind"] != "not_credited" or e["reference"] != "BAG-E"))' "$T/t1exc")"
same "exceptions --terminal T02" \
    "$(central exceptions ACME --terminal T02 --json | python3 -c 'import json,sys; print(" ".join(e["reference"] for e in json.load(sys.stdin)))')" \
    "BAG-E BAG-C BAG-D $SB:1"
same "exceptions --account B" \
    "$(central exceptions ACME --account $B --json | python3 -c 'import json,sys; print(" ".join(e["reference"] for e in json.load(sys.stdin)))')" \
    "BAG-E $SB:1"
same "exceptions --from 2026-07-05 --to 2026-07-07" \
    "$(central exceptions ACME --from 2026-07-05 --to 2026-07-07 --json | python3 -c 'import json,sys; print(" ".join(e["reference"] for e in json.load(sys.stdin)))')" \
    "$NA:4 BAG-D $NA:5"
expect "exceptions as text" 0 "WHO KNOWS" central exceptions ACME
has "with the difference" "-\$1.00"
# a resolution at T01 closes it at the central node too
M 1 reconcile resolve "unexpected_credit:$NA:4" --note "Refund of a fee" >/dev/null ||
    echo "not ok - resolve"
pdt 1 sync >/dev/null || echo "not ok - T01 sync the resolution"
same "a resolved exception is no longer listed" \
    "$(central exceptions ACME --json | python3 -c 'import json,sys; print(" ".join(e["reference"] for e in json.load(sys.stdin)))')" \
    "BAG-E BAG-C BAG-D $NA:5 $SB:1"

# ---- the reconciliation by account and day ----
days() { python3 -c 'import json,sys; print(" ".join("%s:%s:%d:%d:%d:%d:%d:%d:%d" % (d["account"][-2:], d["date"][-2:], d["expected"], d["credited"], d["matched"], d["difference"], d["exceptions"], d["deposits"], d["credits"]) for d in json.load(open(sys.argv[1]))))' "$OUT"; }
run central reconciliation ACME --json
# account:day:expected:credited:matched:difference:open:deposits:credits
same "reconciliation: each account by day (a matched credit on the day of what it matched)" "$(days)" \
"03:01:10000:10000:10000:0:0:1:1 03:03:6000:6000:6000:0:0:1:1 03:04:4000:0:0:-4000:1:1:0 03:05:8000:10400:7900:2400:1:1:2 03:07:0:10000:0:10000:1:0:1 44:02:3000:0:0:-3000:1:1:0 44:08:0:4500:0:4500:1:0:1"
run central reconciliation ACME --account $A --json
sums=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(x["expected"] for x in d), sum(x["credited"] for x in d))' "$OUT")
same "account A's days sum to the central store's deposits and credits" "$sums" \
    "$(csql "SELECT (SELECT sum(amount) FROM deposits WHERE account = '$A' AND voided_at = ''), (SELECT sum(l.amount) FROM bank_statement_lines l JOIN bank_statements b ON b.id = l.statement_id WHERE b.account = '$A' AND l.amount > 0)" | tr '|' ' ')"
PAYDESK_PIN=2222 pdt 1 --user mary --json report reconciliation --account $A --from 2026-07-01 >"$T/t1rec" 2>&1
same "account A's days are T01's report reconciliation" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%d:%d:%d:%d:%d" % (d["date"], d["expected"], d["credited"], d["matched"], d["difference"], d["exceptions"]) for d in json.load(open(sys.argv[1]))))' "$OUT")" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%d:%d:%d:%d:%d" % (d["date"], d["expected"], d["credited"], d["matched"], d["difference"], d["exceptions"]) for d in json.load(open(sys.argv[1]))))' "$T/t1rec")"
run central reconciliation ACME --account $B --from 2026-07-03 --to 2026-07-09 --json
same "reconciliation --account B --from --to" "$(days)" "44:08:0:4500:0:4500:1:0:1"
expect "reconciliation as text" 0 "2026-07-05" central reconciliation ACME
has "the day's difference" "\$24.00"

# ---- refusals ----
expect "no organisation: status 2" 2 "which organisation" central exceptions
expect "an unknown option: status 2" 2 "unknown option" central statements ACME --bogus
expect "--terminal is not the reconciliation's: status 2" 2 "--terminal" central reconciliation ACME --terminal T01
expect "an option twice: status 2" 2 "--account" central exceptions ACME --account $A --account $B
expect "a day that is none: status 3" 3 "2026-13-01" central reconciliation ACME --from 2026-13-01
expect "--from after --to: status 3" 3 "is after" central exceptions ACME --from 2026-07-09 --to 2026-07-01
expect "an organisation that is none: status 4" 4 "NOPE" central reconciliation NOPE
# a filter's value the node does not know: 2, naming the option, the
# value and those there are, as paydesk's filters (s72 fault 9: 4)
expect "an account nothing names: status 2, the accounts named" 2 \
    "--account \"NL00NONE\": not one of the accounts deposits and bank statements name ($A" \
    central reconciliation ACME --account NL00NONE
expect "and for the exceptions" 2 '--account "NL00NONE": not one of' central exceptions ACME --account NL00NONE
expect "and for the statements" 2 '--account "NL00NONE": not one of' central statements ACME --account NL00NONE
expect "a terminal of none: status 2, the terminals named" 2 \
    '--terminal "T09": not one of the terminals of ACME (T01, T02)' \
    central exceptions ACME --terminal T09
expect "and for the statements" 2 '--terminal "T09": not one of' central statements ACME --terminal T09
expect "an account typed with spaces around it: as without" 0 "" \
    central exceptions ACME --account " $A " --json
same "  the same exceptions" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$OUT")" \
    "$(central exceptions ACME --account $A --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
expect "an account of spaces only: status 2" 2 "--account needs a value" \
    central reconciliation ACME --account "  "
expect "a statement that is none: status 4" 4 "ZZZZZZZZ" central statements ACME ZZZZZZZZ
expect "a name that is no statement's: status 2" 2 "not a statement" central statements ACME "x-y"
expect "a second name: status 2" 2 "unknown option" central statements ACME "$SA" "$SB"

# ---- nothing to list (a fresh tester's, s72 fault 2: the headings
# alone where the terminal's listings say "(none)"): an organisation
# with no terminal, and a window with nothing in it; --json an empty
# array
central org add EMPTY "Empty Water" >/dev/null || echo "not ok - org EMPTY"
for c in shifts deposits statements exceptions reconciliation; do
	run central $c EMPTY
	same "$c of an organisation with none: the headings and (none)" \
	    "$RC:$(wc -l <"$OUT"):$(tail -1 "$OUT")" "0:2:(none)"
	run central $c EMPTY --json
	same "  --json: an empty array" "$RC:$(tr -d ' \n' <"$OUT")" "0:[]"
done
run central exceptions ACME --from 2026-06-01 --to 2026-06-02
same "exceptions of days with none: (none)" \
    "$RC:$(wc -l <"$OUT"):$(tail -1 "$OUT")" "0:2:(none)"
run central gateway list EMPTY
same "gateway list of an organisation with none: (none)" \
    "$RC:$(wc -l <"$OUT"):$(tail -1 "$OUT")" "0:2:(none)"
run central terminal list EMPTY
same "terminal list of an organisation with none: (none)" \
    "$RC:$(wc -l <"$OUT"):$(tail -1 "$OUT")" "0:2:(none)"
same "  in French: (aucun)" "$(LANGUAGE=fr "$CENTRAL" --config \
    "$T/central.ini" exceptions EMPTY | tail -1)" "(aucun)"

# ---- a deposit's cheque whose payment was voided after the deposit
# (s73 fault 1): T01 takes a cheque, closes, deposits the shift to
# account C and hands the bag; the payment is voided after and synced.
# The central node's exceptions and days of C are T01's own report
# exceptions and report reconciliation, line by line: the deposit less
# the voided cheque expected, an amount_differs for the cheque.
C=NL55BANK0000000055
PAYDESK_NOW="2026-07-10 10:00:00" J 1 shift open --count 10000x1 >/dev/null || echo "not ok - T01 open (cheque)"
PAYDESK_NOW="2026-07-10 10:05:00" J 1 pay WU-10003 --type bill --method Cheque --amount 45 --reference 000888 >/dev/null ||
    echo "not ok - T01 cheque"
PAYNO=$(tsql 1 "SELECT payment_no FROM payments WHERE reference = '000888'")
PAYDESK_NOW="2026-07-10 12:00:00" J 1 shift close --count 10000x1 --cheque 000888:45.00 >/dev/null ||
    echo "not ok - T01 close (cheque)"
Z3=$(tsql 1 "SELECT z_no FROM shifts WHERE status = 'closed' ORDER BY id DESC LIMIT 1")
PAYDESK_NOW="2026-07-10 12:30:00" M 1 deposit create "$Z3" --slip BAG-F --account $C --date 2026-07-10 >/dev/null &&
    PAYDESK_NOW="2026-07-10 12:35:00" M 1 deposit hand BAG-F >/dev/null || echo "not ok - bag F"
pdt 1 sync >/dev/null || echo "not ok - T01 sync (bag F)"
PAYDESK_NOW="2026-07-10 13:00:00" expect "the cheque's payment voided after BAG-F was handed" 0 \
    "the bank holds a cheque of a void payment" M 1 payment void "$PAYNO" --reason "Cheque bounced"
expect "the void is applied" 0 "Rejected    0" pdt 1 sync
xline() { python3 -c 'import json,sys; print("\n".join("%s %s %s %d %s %d %d %d" % (e["kind"], e["date"], e["reference"], e["age_days"], e["detail"], e["expected"], e["actual"], e["difference"]) for e in json.load(open(sys.argv[1])) if e["reference"].startswith("BAG-F")))' "$1"; }
dline() { python3 -c 'import json,sys; print("\n".join("%s %d %d %d %d %d" % (d["date"], d["expected"], d["credited"], d["matched"], d["difference"], d["exceptions"]) for d in json.load(open(sys.argv[1]))))' "$1"; }
PAYDESK_PIN=2222 pdt 1 --user mary --json report exceptions >"$T/t1exc" 2>&1
central exceptions ACME --account $C --json >"$T/cexc" 2>&1
same "T01 lists BAG-F's voided cheque" "$(xline "$T/t1exc")" \
    "amount_differs 2026-07-10 BAG-F:000888 0 $PAYNO 0 4500 4500"
same "the central node's exceptions of account C are T01's, line by line" \
    "$(xline "$T/cexc")" "$(xline "$T/t1exc")"
same "and it lists nothing else of account C" \
    "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$T/cexc")" 1
PAYDESK_PIN=2222 pdt 1 --user mary --json report reconciliation --account $C --from 2026-07-01 >"$T/t1rec" 2>&1
central reconciliation ACME --account $C --json >"$T/crec" 2>&1
same "T01's day of account C: the bag less the cheque, Open 1" "$(dline "$T/t1rec")" \
    "2026-07-10 0 0 0 0 1"
same "the central node's days of account C are T01's, line by line" \
    "$(dline "$T/crec")" "$(dline "$T/t1rec")"
run central exceptions ACME --account $C
has "as text: the voided payment under it" "$PAYNO"
