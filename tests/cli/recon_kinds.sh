# recon_kinds.sh - sourced at the end of test_deposit.sh, on a store of
# its own: what a branch administrator reconciling a statement reads for
# each kind of money (issue 20, "Reconciliation"; review R20b, faults 8,
# 9, 11 and 12). Bags the bank counted otherwise (short, over) are
# matched by the deposit rule's second pass and listed amount_differs,
# not an unexpected credit beside a deposit not credited; a bag split in
# two credits, a credit of another account or outside the days, and a
# second credit beside the exact one are not; statement show gives each
# line's status, rule, what it took, expected and difference (text and
# JSON) for bags, transfers, card days and debits; report reconciliation's Expected holds the transfers' and
# card days' payments; an open shift's float exception is resolved by
# the reference the text listing gives.
DB="$T/kinds.db"
sed "s#^path = .*#path = $DB#" "$PAYDESK_CONFIG" >"$T/kinds.ini"
export PAYDESK_CONFIG="$T/kinds.ini"
export PAYDESK_NOW="2026-07-01 08:00:00"
setup_store
KA=NL01BANK0123456789
KB=NL02BANK0000000002
# one shift of 150.00 cash (100.00 kept) and 100.00 more: bags of it
J shift open --count 10000x1 >/dev/null || echo "not ok - kinds: open"
J pay WU-10001 --type bill --method Cash --amount 150 --tendered 150 >/dev/null || echo "not ok - kinds: cash"
J shift close --count 10000x2,5000x1 >/dev/null || echo "not ok - kinds: close"
ZK=$(sql "SELECT z_no FROM shifts WHERE status = 'closed'")
for b in K1:30 K2:26 K3:20 K4:15 K5:10 K6:12 K7:9; do
	M deposit create "$ZK:Cash=${b#*:}" --slip BAG-${b%%:*} --account $KA >/dev/null ||
	    echo "not ok - kinds: bag ${b%%:*}"
done
J pay WU-10002 --type bill --method "Bank Transfer" --amount 30 --reference TRX-555 >/dev/null || echo "not ok - kinds: transfer"
J pay WU-10003 --type bill --method "Debit Card" --amount 20 --reference D1 >/dev/null || echo "not ok - kinds: card"
M statement mapping add k date=1 amount=2 reference=3 text=4 decimal=comma separator=semicolon header=1 >/dev/null
# K1 short by 1.00, K2 over by 1.00, K3 split in two credits, K4 named
# on account B, K5 named 5 days after (match_days 3), K6 exactly and
# again short, K7 exactly; a transfer, a card day less its fee, a debit,
# a credit nobody expected
cat >"$T/k1.csv" <<CSV
date;amount;reference;text
2026-07-02;29,00;BAG-K1;Deposit
2026-07-02;27,00;BAG-K2 CASH;Deposit
2026-07-02;12,00;BAG-K3 part 1;Deposit
2026-07-02;8,50;BAG-K3 part 2;Deposit
2026-07-06;9,00;BAG-K5;Deposit
2026-07-02;12,00;BAG-K6;Deposit
2026-07-02;11,00;BAG-K6 again;Deposit
2026-07-02;9,00;BAG-K7;Deposit
2026-07-02;30,00;TRX-555;Transfer
2026-07-02;19,60;T01 settlement;Card
2026-07-02;-5,00;FEES;Fees
2026-07-02;7,00;WHO-1;Unknown
CSV
printf 'date;amount;reference;text\n2026-07-02;14,00;BAG-K4;Deposit\n' >"$T/kb.csv"
# (imported the evening of their last day: at_last, test_deposit.sh)
K1=$(at_last "$T/k1.csv" M statement import "$T/k1.csv" --mapping k --account $KA | sed -n 's/^Statement  *//p')
at_last "$T/kb.csv" M statement import "$T/kb.csv" --mapping k --account $KB >/dev/null || echo "not ok - kinds: import B"
export PAYDESK_NOW="2026-07-09 09:00:00"
run M --json deposit match
same "the rules' counts: exact bags, transfer, card, bags of another amount" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["matched"], d["transfer"], d["card"], d["differs"])' "$OUT")" \
    "2 1 1 2"
run M --json report exceptions
kex() { python3 -c 'import json,sys; print(" ".join("%s:%s:%d:%d" % (e["kind"], e["reference"], e["expected"], e["actual"]) for e in json.load(open(sys.argv[1])) if e["kind"] in sys.argv[2:]))' "$OUT" "$@"; }
same "amount_differs: K1 short by 1.00, K2 over by 1.00, as the bags' own rows" \
    "$(kex amount_differs)" "amount_differs:BAG-K1:3000:2900 amount_differs:BAG-K2:2600:2700"
case "$(kex not_credited)" in
*BAG-K1*|*BAG-K2*|*BAG-K6*|*BAG-K7*) echo "not ok - the bags matched are not listed as not credited: $(kex not_credited)" ;;
*"not_credited:BAG-K3:2000:0"*"not_credited:BAG-K4:1500:0"*"not_credited:BAG-K5:1000:0"*) ok "K3 (split), K4 (another account) and K5 (too late) stay not credited" ;;
*) echo "not ok - K3, K4 and K5 stay not credited: $(kex not_credited)" ;; esac
same "K3's two credits, K4's of account B, K5's late one, the second of K6 and one nobody expected: not matched" \
    "$(kex unexpected_credit matched_twice | tr ' ' '\n' | sed 's/^[a-z_]*:[^:]*:[0-9]*:/&/' | awk -F: '{print $1 ":" $NF}' | sort | tr '\n' ' ')" \
    "matched_twice:1100 unexpected_credit:1200 unexpected_credit:1400 unexpected_credit:700 unexpected_credit:850 unexpected_credit:900 "
# -- statement show: each line's status and match (fault 12)
run M --json statement show "$K1"
kline() { python3 -c 'import json,sys; print(" ".join("%d:%s:%s:%s:%s:%s" % (l["seq"], l["status"], l.get("rule", ""), l.get("matched_to", ""), l.get("expected", ""), l.get("difference", "")) for l in json.load(open(sys.argv[1]))["lines"]))' "$OUT"; }
TNO=$(sql "SELECT payment_no FROM payments WHERE reference = 'TRX-555'")
same "statement show --json: every line's status, rule, what it took, expected, difference" "$(kline)" \
    "1:amount_differs:auto:BAG-K1:3000:-100 2:amount_differs:auto:BAG-K2:2600:100 3:unmatched:::: 4:unmatched:::: 5:unmatched:::: 6:matched:auto:BAG-K6:1200:0 7:unmatched:::: 8:matched:auto:BAG-K7:900:0 9:matched:transfer:$TNO:3000:0 10:matched:card:T01 2026-07-01 (1):2000:-40 11:debit:::: 12:unmatched::::"
run M statement show "$K1"
case "$(cat "$OUT")" in *"Status: amount_differs; Rule: auto; Matched to: BAG-K1; Expected: \$30.00; Difference: -\$1.00; By hand: no; Matched by: mary"*) ok "statement show (text): the short bag's line" ;;
*) echo "not ok - statement show (text): the short bag's line"; sed 's/^/  | /' "$OUT" | head -30 ;; esac
case "$(cat "$OUT")" in *"Status: matched; Rule: card; Matched to: T01 2026-07-01 (1); Expected: \$20.00; Difference: -\$0.40"*) ok "statement show (text): the card day less its fee" ;;
*) echo "not ok - statement show (text): the card day less its fee" ;; esac
FRK="$T/kinds-fr.ini"
cp "$PAYDESK_CONFIG" "$FRK"
printf '[organisation]\nlanguage = fr\n' >>"$FRK"
# (the organisation's language: its administrator's file, F20o)
as_admin "$FRK" env PAYDESK_PIN=2222 "$PD" --config "$FRK" --user mary --json statement show "$K1" >"$OUT" 2>&1
same "JSON keeps the stored words in French too" "$(kline | cut -d' ' -f1)" "1:amount_differs:auto:BAG-K1:3000:-100"
# unmatched by hand: the line is unmatched again, the bag not credited
expect "K1's match taken back" 0 "" M deposit unmatch BAG-K1 --note "Recount asked"
run M --json statement show "$K1"
same "K1's line unmatched again" "$(kline | cut -d' ' -f1)" "1:unmatched::::"
# -- report reconciliation: Expected of each kind (fault 9)
run M --json report reconciliation --account $KA --from 2026-07-01
same "the days: bags handed 07-01 with the transfer's and card day's payments, their credits of 07-02 on 07-01" \
    "$(python3 -c 'import json,sys; print(" ".join("%s:%d:%d:%d:%d" % (d["date"], d["expected"], d["credited"], d["matched"], d["difference"]) for d in json.load(open(sys.argv[1]))))' "$OUT")" \
    "2026-07-01:17200:9760:9760:-7440 2026-07-02:0:6750:0:6750 2026-07-06:0:900:0:900"
# (07-01: the bags' 122.00, the transfer's 30.00 and the card day's
# 20.00 expected; K2, K6, K7, the transfer and the card day, 97.60
# credited on 07-02, counted on 07-01 (tester fault 11): K1 (unmatched
# by hand), K3, K4 and K5 not credited, K2 over by 1.00, the card fee of
# 0.40; 07-02 the 67.50 nobody matched, 07-06 K5's late 9.00)
# -- an open shift's float short: resolved by the listed reference (fault 11)
export PAYDESK_NOW="2026-07-09 10:00:00"
J shift open --count 5000x1 >/dev/null || echo "not ok - kinds: open short of the float kept"
OPENK=$(sql "SELECT uuid FROM shifts WHERE status = 'open'")
run M report exceptions
REFK=$(awk '/Opening float/ {print $4}' "$OUT")
same "the text listing names the open shift by its id's first 13 characters, whole" \
    "$REFK" "$(echo "$OPENK" | cut -c1-13)"
run M --csv report exceptions
case "$(cat "$OUT")" in *"over_short,0,2026-07-09,$REFK,Opening float,100.00,50.00,-50.00"*) ok "as CSV, the same reference" ;;
*) echo "not ok - as CSV, the same reference"; sed 's/^/  | /' "$OUT" ;; esac
refused "resolve: the listed reference, another tender" 4 \
    "an open shift's float over_short:SHIFT:Opening float" \
    M reconcile resolve "over_short:$REFK:Cash" --note "Counted again"
refused "resolve: no tender" 4 "over_short:Z NUMBER:TENDER (over_short:Z-T01-000002:Cash)" \
    M reconcile resolve "over_short:$REFK" --note "Counted again"
expect "resolved by the listed reference" 0 "Opening float" \
    M reconcile resolve "over_short:$REFK:Opening float" --note "Counted again"
refused "resolved once: by the whole id too" 3 "was resolved already, by mary" \
    M reconcile resolve "over_short:$OPENK:Opening float" --note "again"
J shift close --count 5000x1 >/dev/null || echo "not ok - kinds: close the open shift"
J shift open --count 2000x1 >/dev/null || echo "not ok - kinds: open short again"
OPENK2=$(sql "SELECT uuid FROM shifts WHERE status = 'open'")
expect "an open shift's exception resolved by its whole id" 0 "Opening float" \
    M reconcile resolve "over_short:$OPENK2:opening float" --note "Float taken to the safe"
expect "doctor at the end (kinds)" 0 "ok" "$PD" doctor
