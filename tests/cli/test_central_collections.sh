#!/bin/sh
# test_central_collections.sh - paydesk-central collections (issue 23:
# the currency filter of a central node whose organisations are of
# several currencies; figures never summed across currencies): the
# payments the organisations' terminals sent, per organisation in its own
# currency, a total per currency, filtered by --org, --currency, --from,
# --to and --method; checked against the sums the test makes of what each
# terminal recorded. Either backend (PAYDESK_TEST_BACKEND).
#   ACME (USD, the node's): terminal 1 takes 10.00 Cash on 03-02, 20.50
#     Cash on 03-10, 7.25 Bank Transfer on 03-20.
#   BETA (USD): terminal 2 takes 100.00 Cash on 03-05.
#   KE (KES): terminal 3 takes 2,500.50 Cash on 03-10 and 40.00 Bank
#     Transfer on 03-25.
#   JP (JPY, no minor units): terminal 4 takes 1,500 Cash on 03-12.
#   EU (EUR): no payment.
. "${TOP:-.}/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

export PAYDESK_NOW="2026-03-01 08:00:00"
n=0
for spec in ACME:USD BETA:USD KE:KES JP:JPY EU:EUR; do
	o=${spec%%:*} cur=${spec#*:}
	n=$((n + 1))
	if [ $o = ACME ]; then
		central org add $o "Org $o" >/dev/null
	else
		central org add $o "Org $o" --currency $cur >/dev/null
	fi || echo "not ok - org $o"
	relax $o || echo "not ok - relax $o"
	printf 'account_no,name,service_address,phone,email,segment\n%s-1,Payer %s,1 Road,,,Residential\n' \
	    $o $o >"$T/$o-c.csv"
	printf 'invoice_no,account_no,period,amount,issued_on,due_on\n%s-B1,%s-1,2026-02,900000,2026-02-01,2026-02-20\n' \
	    $o $o >"$T/$o-b.csv"
	central import $o users "$DATA/users.csv" >/dev/null &&
	    central import $o consumers "$T/$o-c.csv" >/dev/null &&
	    central import $o bills "$T/$o-b.csv" >/dev/null ||
	    echo "not ok - $o's reference data"
	run central terminal add $o B0$n T0$n
	eval "TOK$n=\$(token_of)"
done
# (the node's day after the payments': it takes none dated after its own)
PAYDESK_NOW="2026-03-28 09:00:00" start_central || exit 1
for n in 1 2 3 4 5; do
	eval "terminal $n \"\$TOK$n\""
	pdt $n sync >/dev/null || echo "not ok - terminal $n's first sync"
done
# pay N DAY AMOUNT METHOD: terminal N's consumer pays its bill on DAY
pay() {
	o=$(dsql "SELECT org FROM terminals WHERE terminal = 'T0$1'")
	ref=
	[ "$4" = Cash ] || ref="--reference R-$1-$2"
	PAYDESK_NOW="$2 10:00:00" PAYDESK_PIN=1234 "$PD" --config "$T/t$1.ini" \
	    --user jane pay $o-1 --type bill --items $o-B1 --method "$4" \
	    --amount "$3" $ref >"$OUT" 2>&1 ||
	    notok "terminal $1 takes $3 $4 on $2"
}
pay 1 2026-03-02 10.00 Cash
pay 1 2026-03-10 20.50 Cash
pay 1 2026-03-20 7.25 "Bank Transfer"
pay 2 2026-03-05 100.00 Cash
pay 3 2026-03-10 2500.50 Cash
pay 3 2026-03-25 40.00 "Bank Transfer"
pay 4 2026-03-12 1500 Cash
for n in 1 2 3 4; do
	PAYDESK_NOW="2026-03-28 10:00:00" pdt $n sync >/dev/null ||
	    echo "not ok - terminal $n pushes its payments"
done
export PAYDESK_NOW="2026-03-28 12:00:00"

# want [FROM TO [METHOD]]: the test's own figures from the terminals'
# stores, "ORG CURRENCY COUNT MINOR" per organisation in the node's order
# of organisations (code order), then "Total CURRENCY COUNT MINOR" per
# currency in the order the organisations first give it
want() {
	for n in 1 2 3 4 5; do
		o=$(dsql "SELECT org FROM terminals WHERE terminal = 'T0$n'")
		cur=$(dsql "SELECT currency FROM org_currencies WHERE org = '$o'")
		cur=${cur:-USD}
		tsql $n "SELECT '$o', '$cur', count(*), coalesce(sum(amount), 0)
		    FROM payments WHERE status = 'Posted'
		    AND paid_on BETWEEN '${1:-0000}' AND '${2:-9999}'
		    AND ('${3:-}' = '' OR lower(method) = lower('${3:-}'))" |
		    tr '|' ' '
	done | sort | awk '{print; if (!($2 in c)) o[++k] = $2; c[$2] += $3; s[$2] += $4}
	    END {for (i = 1; i <= k; i++) print "Total", o[i], c[o[i]], s[o[i]]}'
}
# got: the same lines from collections --json's output in $OUT
got() {
	python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
for r in j["organisations"]:
    print(r["org"], r["currency"], r["payments"], r["collected"])
for t in j["totals"]:
    print("Total", t["currency"], t["payments"], t["collected"])' "$OUT"
}
check() {
	name=$1
	shift
	run central collections --json "$@"
	if [ "$RC" -ne 0 ]; then
		notok "$BACKEND: $name" "exit status $RC"
		return
	fi
	same "$BACKEND: $name" "$(got)" "$(want "$W_FROM" "$W_TO" "$W_METHOD")"
}
W_FROM= W_TO= W_METHOD=
check "every organisation, a total per currency"
# (the figures the test expects, written out once: the computation
# above is not trusted alone)
same "$BACKEND: the known figures" "$(got | tr '\n' ';')" \
    "ACME USD 3 3775;BETA USD 1 10000;EU EUR 0 0;JP JPY 1 1500;KE KES 2 254050;Total USD 4 13775;Total EUR 0 0;Total JPY 1 1500;Total KES 2 254050;"
W_FROM=2026-03-05 W_TO=2026-03-12
check "--from and --to" --from 2026-03-05 --to 2026-03-12
W_FROM= W_TO= W_METHOD="Bank Transfer"
check "--method, as typed in small letters" --method "bank transfer"
W_METHOD=
run central collections --json --currency USD
same "$BACKEND: --currency USD: its organisations alone, one total" \
    "$(got | tr '\n' ';')" "ACME USD 3 3775;BETA USD 1 10000;Total USD 4 13775;"
run central collections --json --currency KES --from 2026-03-20
same "$BACKEND: --currency KES --from" "$(got | tr '\n' ';')" \
    "KE KES 1 4000;Total KES 1 4000;"
run central collections --json --org BETA
same "$BACKEND: --org BETA" "$(got | tr '\n' ';')" \
    "BETA USD 1 10000;Total USD 1 10000;"
run central collections --json
same "$BACKEND: one total per currency, none across them" "$(python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
print(sorted(t["currency"] for t in j["totals"]))' "$OUT")" \
    "['EUR', 'JPY', 'KES', 'USD']"

# the table: each amount in its own currency and minor units
expect "$BACKEND: the table" 0 "Organisation" central collections
grep -q '^ACME .* USD  *3  *\$37\.75$' "$OUT" &&
    grep -q '^KE .* KES  *2  *KES *2,540\.50$' "$OUT" &&
    grep -q '^JP .* JPY  *1  *JPY *1,500$' "$OUT" &&
    grep -q '^Total  *2 organisations  *USD  *4  *\$137\.75$' "$OUT" &&
    grep -q '^Total  *1 organisation  *KES  *2  *KES *2,540\.50$' "$OUT" &&
    ok "$BACKEND: the table: each organisation and each total in its currency" ||
    notok "$BACKEND: the table: each organisation and each total in its currency"
same "$BACKEND: one total line per currency" "$(grep -c '^Total ' "$OUT")" 4
expect "$BACKEND: in Spanish" 0 "Total" env LANGUAGE=es \
    "$CENTRAL" --config "$T/central.ini" collections --currency KES
has "$BACKEND: its headings translated" "Cobrado"

# bad arguments: a clear message, a distinct status, nothing printed
expect "$BACKEND: a currency not in ISO 4217: status 2" 2 \
    '--currency "XYZ": not an ISO 4217 currency code' \
    central collections --currency XYZ
expect "$BACKEND: a code in small letters: status 2" 2 '--currency "kes"' \
    central collections --currency kes
# a filter's value the node does not know: 2, the option, the value and
# those there are named, as paydesk's filters (s72 fault 9: --method
# bitcoin printed zeros; --currency and --org were 4)
expect "$BACKEND: a currency no organisation is in: status 2" 2 \
    '--currency "GBP": no organisation here is in it (their currencies: USD, EUR, JPY, KES)' \
    central collections --currency GBP
expect "$BACKEND: an organisation not hosted: status 2, those hosted named" 2 \
    '--org "NOPE": not one of the organisations here (ACME, BETA, EU, JP, KE)' \
    central collections --org NOPE
expect "$BACKEND: a method no organisation has: status 2, theirs named" 2 \
    '--method "bitcoin": not one of the methods of the organisations here (' \
    central collections --method bitcoin
has "$BACKEND:   Cash among them" "Cash"
has "$BACKEND:   Bank Transfer among them" "Bank Transfer"
expect "$BACKEND: a method no payment has, but configured: zeros" 0 "" \
    central collections --json --method Cheque
same "$BACKEND:   no payment counted" "$(got | tr '\n' ';')" \
    "ACME USD 0 0;BETA USD 0 0;EU EUR 0 0;JP JPY 0 0;KE KES 0 0;Total USD 0 0;Total EUR 0 0;Total JPY 0 0;Total KES 0 0;"
run central collections --json --method " cash " --org " KE " --currency " KES "
same "$BACKEND: values trimmed of the spaces around them, as paydesk's" \
    "$RC $(got | tr '\n' ';')" "0 KE KES 1 250050;Total KES 1 250050;"
expect "$BACKEND: a method of spaces only: status 2" 2 \
    "--method needs a value" central collections --method "  "
expect "$BACKEND: an organisation in another currency: status 3" 3 \
    "Organisation KE is in KES, not USD" \
    central collections --org KE --currency USD
expect "$BACKEND: a date not a day: status 3, as paydesk's" 3 \
    '--from "2026-02-30": no such day in the calendar' \
    central collections --from 2026-02-30
expect "$BACKEND: a date not of the form: status 2" 2 \
    '--from "2026/02/30": not a date' \
    central collections --from 2026/02/30
expect "$BACKEND: --from after --to: status 3" 3 \
    "--from 2026-03-20 is after --to 2026-03-01" \
    central collections --from 2026-03-20 --to 2026-03-01
expect "$BACKEND: an unknown option: status 2" 2 \
    'Collections: unknown option or missing value "--branch"' \
    central collections --branch B01
expect "$BACKEND: an option given twice: status 2" 2 "--currency" \
    central collections --currency USD --currency KES
expect "$BACKEND: a value missing: status 2" 2 "--to" \
    central collections --to
same "$BACKEND: a refusal prints no table" "$(grep -c Organisation "$OUT")" 0
