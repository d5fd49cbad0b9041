# deposit_nonumber.sh - sourced at the end of test_deposit.sh, on a store
# of its own: a cheque with no number accounted for end to end (s72 h11
# fault 1). Cheque:cheque:optional takes a cheque with no number (so does
# the central node from an older terminal); its close lists it as
# ":AMOUNT"; deposit pending lists it "(no number)"; deposit create takes
# it by :AMOUNT, SHIFT::AMOUNT or SHIFT: (never a store error), its slip
# (PDF and text) says "(no number)"; handed, it is matched to its credit
# by the rule, and the day reconciles with no exception; the store's
# migration keeps the table's rows, triggers and seals.
DB="$T/nonumber.db"
sed "s#^path = .*#path = $DB#" "$PAYDESK_CONFIG" >"$T/nonumber.ini"
export PAYDESK_CONFIG="$T/nonumber.ini"
grep -q '^methods = .*Cheque:cheque:optional' "$PAYDESK_CONFIG" ||
    sed -i 's/^\[shifts\]$/[payments]\nmethods = Cash:cash, Credit Card:card, Debit Card:card, Bank Transfer:bank, Cheque:cheque:optional, Online:online\n[shifts]/' "$PAYDESK_CONFIG"
export PAYDESK_NOW="2026-08-03 08:00:00"
setup_store
KN=NL03BANK0000000003
J shift open --count 10000x1 >/dev/null || echo "not ok - no number: open"
for a in 12.25 13; do
	J pay WU-10001 --type bill --method Cheque --amount $a >/dev/null ||
	    echo "not ok - no number: a cheque of $a with no number"
done
J pay WU-10003 --type bill --method Cheque --amount 30 --reference 000888 >/dev/null ||
    echo "not ok - no number: cheque 000888"
expect "no number: the close lists two cheques with no number" 0 \
    "Cheque 3 payments; Expected: \$55.25; Counted: \$55.25" \
    J shift close --count 10000x1 --cheque "000888:30;:12.25;:13"
ZN=$(sql "SELECT z_no FROM shifts ORDER BY id DESC LIMIT 1")
run M deposit pending
same "no number: To deposit lists them, said so" \
    "$(grep "^$ZN" "$OUT" | grep -c '(no number)')" 2
run M --json deposit pending
same "no number: in JSON, their number empty" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%d" % (p["cheque"], p["left"]) for p in json.load(open(sys.argv[1]))))' "$OUT")" \
    "000888:3000 :1225 :1300"
refused "no number: SHIFT: names both, listed apart by amount" 2 \
    "names 2 cheques not deposited: $ZN::12.25, $ZN::13.00" \
    M deposit create --cheque "$ZN:" --slip NN-0 --account $KN
expect "no number: deposit create --cheque :AMOUNT takes it, no store error" 0 \
    '(no number) $12.25; Shift: '"$ZN" M deposit create --cheque ":12.25" --slip NN-1 --account $KN
same "no number: kept with an empty number" \
    "$(sql "SELECT '[' || q.number || ']:' || q.amount FROM deposit_cheques q JOIN deposits d ON d.id = q.deposit_id WHERE d.slip_no = 'NN-1'")" \
    "[]:1225"
refused "no number: the same again: in NN-1 already" 3 \
    "Cheque (no number) (shift $ZN, \$12.25) is in deposit NN-1 already" \
    M deposit create --cheque ":12.25" --slip NN-9 --account $KN
case "$(pdftotext -layout "$T/receipts/NN-1.pdf" - 2>/dev/null | tr -s ' ')" in
*"Cheque (no number), cashier jane \$12.25"*"Total deposited \$12.25"*) ok "no number: the slip (PDF) says so" ;;
*) notok "no number: the slip (PDF) says so" ;; esac
run M deposit slip NN-1 --text
case "$(tr -s ' \n' ' ' <"$OUT")" in *"Cheque (no number), cashier jane \$12.25"*) ok "no number: the slip (text) says so" ;;
*) notok "no number: the slip (text) says so" "$(cat "$OUT")" ;; esac
expect "no number: deposit show says so" 0 '(no number) $12.25' M deposit show NN-1
expect "no number: SHIFT::AMOUNT takes the other" 0 '(no number) $13.00' \
    M deposit create --cheque "$ZN::13" --slip NN-2 --account $KN
expect "no number: the shift alone takes what is left, 000888" 0 '000888 $30.00' \
    M deposit create "$ZN" --slip NN-3 --account $KN
same "no number: nothing left to deposit" "$(M --csv deposit pending | grep -c "$ZN")" 0
# the bank credits each bag: matched by the rule, the day reconciled
cat >"$T/nn.csv" <<CSV
date,amount,reference
2026-08-04,12.25,DEPOSIT NN-1
2026-08-04,13.00,DEPOSIT NN-2
2026-08-04,30.00,DEPOSIT NN-3
CSV
M statement mapping add nn date=1 amount=2 reference=3 header=1 >/dev/null
PAYDESK_NOW="2026-08-04 18:00:00" M statement import "$T/nn.csv" --mapping nn --account $KN >/dev/null ||
    echo "not ok - no number: import"
export PAYDESK_NOW="2026-08-05 09:00:00"
run M --json deposit match
same "no number: the rule matches the three bags" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["matched"], d["differs"])' "$OUT"):$(sql "SELECT group_concat(d.slip_no || '=' || m.rule, ' ') FROM statement_matches m JOIN deposits d ON d.id = m.deposit_id WHERE m.unmatched_at = '' ORDER BY d.slip_no")" \
    "3 0:NN-1=auto NN-2=auto NN-3=auto"
M --json report reconciliation --account $KN --from 2026-08-03 --to 2026-08-04 >"$OUT" 2>&1
same "no number: the day reconciles, nothing open" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%d:%d:%d:%d" % (d["date"], d["expected"], d["credited"], d["difference"], d["exceptions"]) for d in json.load(open(sys.argv[1]))))' "$OUT")" \
    "2026-08-03:5525:5525:0:0"
M --json report exceptions >"$OUT" 2>&1
same "no number: no exception" \
    "$(python3 -c 'import json,sys; print(len([e for e in json.load(open(sys.argv[1])) if e["reference"].startswith("NN-")]))' "$OUT")" 0
# the migration (95): the column takes an empty number, the table's rows
# and ids, triggers and seals as they were; run again, the same
case "$(sql "SELECT sql FROM sqlite_master WHERE name = 'deposit_cheques'")" in
*"number <> ''"*) notok "no number: the table takes an empty number" ;;
*) ok "no number: the table takes an empty number" ;; esac
TRG="SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'deposit_cheques' ORDER BY name)"
same "no number: its triggers" "$(sql "$TRG")" \
    "deposit_cheques_no_delete deposit_cheques_no_update seal_deposit_cheques_ins seal_deposit_cheques_upd"
ROWS="SELECT group_concat(id || ':' || number || ':' || amount, ' ') FROM deposit_cheques"
R0=$(sql "$ROWS")
sql "PRAGMA user_version = 94"
M deposit list >/dev/null 2>&1 || echo "not ok - no number: the migration again"
same "no number: run again, rows and triggers as they were" "$(sql "$ROWS")/$(sql "$TRG")" \
    "$R0/deposit_cheques_no_delete deposit_cheques_no_update seal_deposit_cheques_ins seal_deposit_cheques_upd"
expect "no number: doctor ok (the seals stand)" 0 "ok" "$PD" doctor
