# test_payout.sh - gateway payouts matched to bank credits (issue 20,
# "Reconciliation", fault 7): a payout of three settled gateway payments
# less their fees matched by one credit naming the payout (rule payout,
# all three payments), a payout credit of another amount
# (amount_differs), a payout credited twice and a gateway code credited
# twice (the first booked matched, the other matched_twice), the
# one-to-one gateway rule beside it, and hand matches to a payout and to
# a gateway payment with their refusals. The gateway payments are as the
# central node feeds them (gw_payments, gw_payouts).
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2026-06-20 08:00:00"
setup_store
M() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
ACCT=DE89370400440532013000
# gw GATEWAY CODE AMOUNT FEE SETTLED PAYOUT: a settled gateway payment
gw() {
	sql "INSERT INTO gw_payments (gateway, code, status, webhook_status, settlement_status, account_ref, phone, amount, paid_at, candidates, fee, settled_on, pulled_at) VALUES ('$1', '$2', 'succeeded', 'Completed', 'Settled', '', '', $3, '2026-06-14 10:00:00', '', $4, '$5 09:00:00', '$5 09:00:00')"
	[ -z "$6" ] || sql "INSERT INTO gw_payouts (gw_id, payout) SELECT id, '$6' FROM gw_payments WHERE gateway = '$1' AND code = '$2'"
}
# payout po_A: three payments, fees taken from each
gw stripe ch_1 10000 320 2026-06-15 po_A
gw stripe ch_2 2550 104 2026-06-15 po_A
gw stripe ch_3 7999 262 2026-06-15 po_A
NET_A=$(( (10000 - 320) + (2550 - 104) + (7999 - 262) ))
# payout po_B: two payments, credited at another amount
gw stripe ch_4 5000 150 2026-06-15 po_B
gw stripe ch_5 3000 90 2026-06-15 po_B
NET_B=$(( (5000 - 150) + (3000 - 90) ))
# payout po_C: credited twice
gw stripe ch_6 4000 100 2026-06-15 po_C
NET_C=$((4000 - 100))
# one payment of its own (no payout): the one-to-one rule, credited twice
gw mpesa QK1 5000 150 2026-06-15 ""
# payout po_D and payment QK2 for the hand matches
gw stripe ch_7 6000 200 2026-06-15 po_D
gw stripe ch_8 1000 50 2026-06-15 po_D
NET_D=$(( (6000 - 200) + (1000 - 50) ))
gw mpesa QK2 2000 60 2026-06-15 ""
money() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }
cat >"$T/st.csv" <<CSV
date,amount,reference
2026-06-16,$(money $NET_A),STRIPE PAYOUT po_A
2026-06-16,$(money $((NET_B + 100))),STRIPE po_B
2026-06-16,$(money $NET_C),STRIPE po_C
2026-06-17,$(money $NET_C),STRIPE po_C
2026-06-17,48.50,MPESA QK1
2026-06-18,48.50,MPESA QK1 AGAIN
2026-06-18,$(money $NET_D),TRANSFER 99
2026-06-18,19.40,MPESA SETTLE
2026-06-18,12.00,NOBODY
CSV
M statement mapping add m1 date=1 amount=2 reference=3 header=1 >/dev/null
M statement import "$T/st.csv" --mapping m1 --account $ACCT >/dev/null || echo "not ok - import"
N=$(M --csv statement list | awk -F, 'NR == 2 { print $1 }')
run M --json deposit match
same "match: payout po_A exact and po_B of another amount, po_C, QK1 by the gateway rule" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["payout"], d["gateway"])' "$OUT")" "3 1"
rules() { sql "SELECT group_concat(x, ' ') FROM (SELECT l.seq || ':' || m.rule AS x FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE m.unmatched_at = '' ORDER BY l.seq)"; }
same "the rules: po_A line 1, po_B line 2, po_C its first credit (3), QK1 its first (5)" \
    "$(rules)" "1:payout 2:payout 3:payout 5:gateway"
same "po_A's match holds its payout (the first of its payments)" \
    "$(sql "SELECT g.code FROM statement_matches m JOIN gw_payments g ON g.id = m.gw_id JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.seq = 1")" "ch_1"
run M --json statement show "$N"
same "statement show: line 1 is payout, to stripe po_A (3), expected what the test computes" \
    "$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
l=[x for x in d["lines"] if x["seq"]==1][0]
print(l["rule"], l["matched_to"], l["expected"], l["amount"])' "$OUT" 2>&1)" \
    "payout stripe po_A (3) $NET_A $NET_A"
same "one sync record for the payout's match, naming gateway and payout" \
    "$(sql "SELECT json_extract(payload, '\$.data.rule') || ' ' || json_extract(payload, '\$.data.gateway') || ' ' || json_extract(payload, '\$.data.payout') || ' ' || coalesce(json_extract(payload, '\$.data.code'), '') FROM outbox WHERE kind = 'statement_match' AND ref = '$N:1'")" \
    "payout stripe po_A "
PAYDESK_NOW="2026-06-25 09:00:00" M --json report exceptions >"$OUT" 2>&1
exc() { python3 -c 'import json,sys
for e in json.load(open(sys.argv[1])):
    if e["kind"] == sys.argv[2]: print(e["reference"], e["detail"], e["expected"], e["actual"])' "$OUT" "$1" | sort | tr '\n' ';'; }
same "amount_differs: po_B expected its net, the credit actual" \
    "$(exc amount_differs)" "stripe po_B $N:2 $NET_B $((NET_B + 100));"
same "matched_twice: po_C's second credit, QK1's second credit" \
    "$(exc matched_twice)" "$N:4 stripe po_C $NET_C $NET_C;$N:6 mpesa QK1 4850 4850;"
same "unexpected: only the credits nobody names" \
    "$(exc unexpected_credit | tr ";" "\n" | cut -d" " -f1 | tr "\n" " ")" "$N:7 $N:8 $N:9 "

# hand matches: refusals first, nothing changed
refused "hand: an unknown payout" 4 "Gateway stripe has no payout po_Z settled here" \
    M reconcile match "$N:7" --payout stripe:po_Z --note "Bank said so"
refused "hand: a payout matched already" 3 "Gateway payout stripe po_A is matched already" \
    M reconcile match "$N:7" --payout stripe:po_A --note "Bank said so"
refused "hand: a payout without its gateway" 2 "GATEWAY:PAYOUT" \
    M reconcile match "$N:7" --payout po_D --note "Bank said so"
refused "hand: a line matched already" 3 "is matched already" \
    M reconcile match "$N:1" --payout stripe:po_D --note "Bank said so"
refused "hand: no note" 2 "--note" \
    M reconcile match "$N:7" --payout stripe:po_D
refused "hand: two targets" 2 "one of them" \
    M reconcile match "$N:7" --payout stripe:po_D --gateway mpesa:QK2 --note "x"
refused "hand: a gateway payment of another amount" 3 "Gateway payment mpesa QK2 settled \$19.40 less its fee; the credit is of \$" \
    M reconcile match "$N:7" --gateway mpesa:QK2 --note "Bank said so"
refused "hand: a gateway payment matched already" 3 "Gateway payment mpesa QK1 is matched already" \
    M reconcile match "$N:8" --gateway mpesa:QK1 --note "Bank said so"
refused "hand: a payment of a payout matched whole" 3 "Gateway payment stripe ch_2 is matched already" \
    M reconcile match "$N:8" --gateway stripe:ch_2 --note "Bank said so"
refused "hand: a cashier may not" 5 "supervisor" \
    env PAYDESK_PIN=1234 "$PD" --user jane reconcile match "$N:7" --payout stripe:po_D --note "x"
expect "hand: payout po_D to line 7" 0 "payout" \
    M reconcile match "$N:7" --payout stripe:po_D --note "Reference lost by the bank"
same "hand: its rule, note and who" \
    "$(sql "SELECT m.rule || '|' || m.note || '|' || m.matched_by FROM statement_matches m JOIN bank_statement_lines l ON l.id = m.line_id WHERE l.seq = 7 AND m.unmatched_at = ''")" \
    "payout|Reference lost by the bank|mary"
same "hand: audited" \
    "$(sql "SELECT count(*) FROM audit_log WHERE action = 'match' AND detail LIKE 'rule=payout by=hand payout=stripe:po_D payments=2 gross=$NET_D %'")" "1"
expect "hand: gateway payment QK2 to line 8" 0 "gateway" \
    M reconcile match "$N:8" --gateway mpesa:QK2 --note "Settled alone"
same "hand: both are sync records" \
    "$(sql "SELECT group_concat(json_extract(payload, '\$.data.rule') || ':' || coalesce(nullif(json_extract(payload, '\$.data.payout'), ''), json_extract(payload, '\$.data.code')), ' ') FROM outbox WHERE kind = 'statement_match' AND ref IN ('$N:7', '$N:8')")" \
    "payout:po_D gateway:QK2"
expect "match again: nothing more" 0 "0" M deposit match
same "the rules at the end" "$(rules)" "1:payout 2:payout 3:payout 5:gateway 7:payout 8:gateway"
# (s74 fault 4) every exception a statement line can have reads resolved
# in statement show once resolved, with who and the note: po_B's
# amount_differs (a payout's), po_C's and QK1's credits matched twice
# (a payout's, a gateway code's) and a credit nobody expected
expect "resolve: po_B's amount_differs" 0 "amount_differs" \
    M reconcile resolve "amount_differs:stripe po_B" --note "Stripe kept a fee"
expect "resolve: po_C credited twice" 0 "matched_twice" \
    M reconcile resolve "matched_twice:$N:4" --note "Stripe paid po_C twice"
expect "resolve: QK1 credited twice" 0 "matched_twice" \
    M reconcile resolve "matched_twice:$N:6" --note "M-Pesa paid QK1 twice"
expect "resolve: line 9 nobody expected" 0 "unexpected_credit" \
    M reconcile resolve "unexpected_credit:$N:9" --note "Interest"
run M --json statement show "$N"
same "statement show: each resolved line reads resolved, its kind, by mary, its note" \
    "$(python3 -c 'import json,sys
for l in json.load(open(sys.argv[1]))["lines"]:
    if l["seq"] in (2, 4, 6, 9):
        print(l["seq"], l["status"], l.get("resolved_kind"), l.get("resolved_by"), l.get("resolution_note"))' "$OUT" 2>&1)" \
    "2 resolved amount_differs mary Stripe kept a fee
4 resolved matched_twice mary Stripe paid po_C twice
6 resolved matched_twice mary M-Pesa paid QK1 twice
9 resolved unexpected_credit mary Interest"
same "statement show: the others keep theirs" \
    "$(python3 -c 'import json,sys
print(" ".join("%d:%s" % (l["seq"], l["status"]) for l in json.load(open(sys.argv[1]))["lines"] if l["seq"] not in (2, 4, 6, 9)))' "$OUT" 2>&1)" \
    "1:matched 3:matched 5:matched 7:matched 8:matched"
