# test_recon_cheque.sh - a cheque payment voided after its bag was handed
# to the bank and matched (s72 fault 2): report exceptions lists the
# bag's amount_differs (expected the bag less the cheque, the credit
# actual), and report reconciliation's day agrees with it: its Expected
# is what the ledger backs (the bag less the voided cheque) and its Open
# counts that exception on its day. Figures computed here, not copied.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2026-06-15 08:00:00"
setup_store
J() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }
M() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
ACCT=DE89370400440532013000
FLOAT=10000 CASH=20000 CHQ=4500
cents() { python3 -c 'import sys; v = int(sys.argv[1]); print("%d.%02d" % (v // 100, v % 100))' "$1"; }
J shift open --count 10000x1 >/dev/null || echo "not ok - open"
J pay WU-10001 --type bill --method Cash --amount "$(cents $CASH)" \
    --tendered "$(cents $CASH)" >/dev/null || echo "not ok - cash"
J pay WU-10003 --type bill --method Cheque --amount "$(cents $CHQ)" \
    --reference 000777 >/dev/null || echo "not ok - cheque"
PAYNO=$(sql "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")
J shift close --count 10000x3 --cheque "000777:$(cents $CHQ)" --keep 100 \
    >/dev/null || echo "not ok - close"
BAG=$((CASH + CHQ))
expect "BAG-17: the shift's cash and cheque" 0 "BAG-17" \
    M deposit create Z-T01-000001 --slip BAG-17 --account $ACCT
same "BAG-17 holds the cash and the cheque" \
    "$(sql "SELECT amount FROM deposits WHERE slip_no = 'BAG-17'")" $BAG
must() { "$@" >"$OUT" 2>&1 || notok "$*"; }
must M deposit hand BAG-17
export PAYDESK_NOW="2026-06-16 09:00:00"
printf 'date,amount,reference\n2026-06-16,%s,DEPOSIT BAG-17\n' "$(cents $BAG)" >"$T/st.csv"
must M statement mapping add m1 date=1 amount=2 reference=3 header=1
must M statement import "$T/st.csv" --mapping m1 --account $ACCT
must M deposit match
same "BAG-17 matched to its credit" \
    "$(sql "SELECT count(*) FROM statement_matches m JOIN deposits d ON d.id = m.deposit_id WHERE d.slip_no = 'BAG-17' AND m.unmatched_at = ''")" 1
DAY=$(sql "SELECT deposited_on FROM deposits WHERE slip_no = 'BAG-17'")
day() { M --json report reconciliation --account $ACCT | python3 -c 'import json,sys
for d in json.load(sys.stdin):
    if d["date"] == sys.argv[1]:
        print(d["expected"], d["credited"], d["difference"], d["exceptions"])' "$DAY"; }
same "before the void: the day expected and credited the bag, nothing open" \
    "$(day)" "$BAG $BAG 0 0"
expect "the cheque's payment voided after the bag was handed" 0 \
    "the bank holds a cheque of a void payment" \
    M payment void "$PAYNO" --reason "Cheque bounced"
M --json report exceptions >"$OUT" 2>&1
same "exceptions: BAG-17's amount differs by the cheque" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%s:%d:%d:%s" % (e["kind"], e["reference"], e["expected"], e["actual"], e.get("date", e.get("on", ""))) for e in json.load(open(sys.argv[1])) if "BAG-17" in e["reference"]))' "$OUT")" \
    "amount_differs:BAG-17:000777:$((BAG - CHQ)):$BAG:$DAY"
same "reconciliation: the day expects what the ledger backs, Open counts it" \
    "$(day)" "$((BAG - CHQ)) $BAG $CHQ 1"
# (s74 fault 4) statement show agrees: BAG-17's credit differs from what
# the ledger backs while the cheque's exception is open
NAME=$(M --csv statement list | awk -F, 'NR == 2 { print $1 }')
M --json statement show "$NAME" >"$OUT" 2>&1
same "statement show: BAG-17's credit amount_differs, expected the bag less the cheque" \
    "$(python3 -c 'import json,sys; l = json.load(open(sys.argv[1]))["lines"][0]; print(l["status"], l["expected"], l["difference"])' "$OUT")" \
    "amount_differs $((BAG - CHQ)) $CHQ"
expect "resolved by its key" 0 "" \
    M reconcile resolve amount_differs:BAG-17:000777 --note "Bank returns it"
same "resolved: no longer open; the ledger still backs less" \
    "$(day)" "$((BAG - CHQ)) $BAG $CHQ 0"
# (s74 fault 4) statement show: BAG-17's credit reads resolved once its
# cheque's exception is, with who, when and the note
line() { M --json statement show "$NAME" | python3 -c 'import json,sys
l = json.load(sys.stdin)["lines"][0]
print(l["status"], l.get("resolved_kind"), l.get("resolved_by"), len(l.get("resolved_at") or ""), l.get("resolution_note"))'; }
same "statement show: BAG-17's credit resolved, by mary, with the note" \
    "$(line)" "resolved amount_differs mary 19 Bank returns it"
