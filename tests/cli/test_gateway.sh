# test_gateway.sh - payment gateways on the central node (issue 19,
# first slice): `paydesk-central gateway add|rotate|revoke|list`, and a
# simulator (gateway_sim.py) posting card events and mobile-money
# confirmations to a real paydesk-central on loopback: each kept as
# received and applied once by its event id; signatures, stale times,
# secret URL segments and source addresses checked before anything is
# parsed or kept; bad fields answered 400 naming the field, with nothing
# kept; and a central node killed between notifications, and after
# keeping one before its answer, keeps nothing twice once the gateway
# retries. One organisation and one central node for every case (two
# restarts: the kill, and a config change).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
# one simulator for every case (see gateway_sim.py serve): sim ARGS...
# prints what `gateway_sim.py ARGS...` would and returns its status
mkfifo "$T/sim.in" "$T/sim.out"
python3 "$TOP/tests/cli/gateway_sim.py" serve <"$T/sim.in" >"$T/sim.out" &
exec 3>"$T/sim.in" 4<"$T/sim.out"
sim() {
	{ printf '%s\0' "$@"; printf '\036\0'; } >&3
	IFS= read -r line <&4
	printf '%s\n' "${line#*	}"
	return "${line%%	*}"
}
SIM=sim

# mobile money is allowed from 127.0.0.2 only: the simulator sends from
# there, or from 127.0.0.1 to be refused
cp "$T/central.ini" "$T/plain.ini"
gw_ini() {
	{
		cat "$T/plain.ini"
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
	} >"$T/central.ini"
}
gw_ini gateway_allow=10.9.0.0/16,127.0.0.2

# answer NAME STATUS NEEDLE: the simulator's last answer
answer() {
	got=$(cut -d' ' -f1 "$OUT")
	if [ "$got" != "$2" ]; then
		notok "$1" "status $got, wanted $2"
	elif ! grep -qF -- "$3" "$OUT"; then
		notok "$1" "answer lacks: $3"
	else
		ok "$1"
	fi
}
# what the organisation's store holds of gateways
gwsnap() {
	csql "SELECT * FROM gateway_notifications; SELECT * FROM
	    gateway_payments" | sha256sum | cut -c1-64
}
# refused_gw NAME STATUS NEEDLE CMD...: answered so, nothing kept
refused_gw() {
	name=$1 status=$2 needle=$3
	shift 3
	before=$(gwsnap)
	run "$@"
	answer "$name" "$status" "$needle"
	[ "$(gwsnap)" = "$before" ] && ok "$name: nothing kept" ||
	    echo "not ok - $name: something was kept"
}
pay() { csql "SELECT status, amount, account_ref FROM gateway_payments
    WHERE code = '$1'"; }
notes() { csql "SELECT count(*) FROM gateway_notifications"; }

central org add ACME "Acme Water" >/dev/null
central import ACME consumers "$DATA/consumers.csv" >/dev/null ||
    { echo "not ok - setup"; exit 1; }

# -- the registry
expect "gateway add card prints its secret once" 0 "signing secret: whsec_" \
    central gateway add ACME stripe --profile card
CARD=$(sed -n 's/^signing secret: //p' "$OUT")
has "gateway add card prints its URL" "/v1/gateway/ACME/stripe"
expect "gateway add mobile-money prints the secret and the path secret" 0 \
    "path secret: " central gateway add ACME mpesa --profile mobile-money
MMSEC=$(sed -n 's/^signing secret: //p' "$OUT")
MMPATH=$(sed -n 's/^path secret: //p' "$OUT")
has "gateway add mobile-money prints the validation URL" \
    "/v1/gateway/ACME/mpesa/$MMPATH/validate"
expect "gateway add: the same name twice is refused" 3 \
    "already registered in ACME" \
    central gateway add ACME stripe --profile card
expect "gateway add: an unknown organisation" 4 'No organisation "NOPE"' \
    central gateway add NOPE stripe --profile card
expect "gateway add: an unknown profile" 2 '--profile "paypal"' \
    central gateway add ACME pp --profile paypal
expect "gateway add: a bad name" 2 "only letters, digits and '-'" \
    central gateway add ACME "a/b" --profile card
expect "gateway add: no profile" 2 "add ORG NAME --profile card|mobile-money" \
    central gateway add ACME pp
expect "gateway list" 0 "mpesa        mobile-money  active" \
    central gateway list ACME
if grep -q "whsec_\|$MMPATH" "$OUT"; then
	notok "gateway list shows no secret"
else
	ok "gateway list shows no secret"
fi
same "the path secret is kept as its SHA-256 only" \
    "$(sqlite3 "$CDIR/directory.db" "SELECT count(*) FROM gateways WHERE
        path_hash = '$(printf %s "$MMPATH" | sha256sum | cut -c1-64)'
        AND instr(path_hash || secret, '$MMPATH') = 0")" 1
expect "gateway revoke: unknown gateway" 4 "No gateway nope in ACME" \
    central gateway revoke ACME nope

start_central || exit 1
CU="$URL/v1/gateway/ACME/stripe"
MU="$URL/v1/gateway/ACME/mpesa/$MMPATH"
now=$(date +%s)

# -- card: succeeded, failed after, refunded, replays
ev=$($SIM card payment_intent.succeeded evt_1 pi_1 1500 usd WU-10001 $now)
first=$ev
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "card: payment succeeded" 200 '"status":"succeeded"'
same "card: the payment is kept" "$(pay pi_1)" "succeeded|1500|WU-10001"
same "card: the notification is kept as received" \
    "$(csql "SELECT body FROM gateway_notifications WHERE event_id =
        'evt_1'")" "$ev"
same "card: with its headers and source" \
    "$(csql "SELECT source, json_extract(headers, '$.\"User-Agent\"'),
        json_extract(headers, '$.\"Paydesk-Signature\"') LIKE 't=%,v1=%'
        FROM gateway_notifications WHERE event_id = 'evt_1'")" \
    "127.0.0.1|gateway-sim/1.0|1"
before=$(gwsnap)
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "card: a replay answers success" 200 '"replay":true'
same "card: a replay changes nothing" "$(gwsnap)" "$before"
ev=$($SIM card payment_intent.payment_failed evt_2 pi_1 1500 usd WU-10001 \
    $((now + 1)))
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "card: failed after succeeded" 200 '"status":"failed"'
same "card: the payment is failed, one row" \
    "$(pay pi_1)|$(csql "SELECT count(*) FROM gateway_payments")" \
    "failed|1500|WU-10001|1"
ev=$($SIM card payment_intent.succeeded evt_0 pi_1 1500 usd WU-10001 \
    $((now - 5)))
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "card: an older event arriving late" 200 '"status":"succeeded"'
same "card: is kept, and moves nothing back" \
    "$(pay pi_1)|$(notes)" "failed|1500|WU-10001|3"
ev=$($SIM card payment_intent.succeeded evt_3 pi_2 2500 USD WU-10002 $now)
$SIM send "$CU" --secret "$CARD" "$ev" >/dev/null
ev=$($SIM card charge.refunded evt_4 pi_2 2500 usd - $((now + 2)))
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "card: charge refunded" 200 '"status":"refunded"'
same "card: refunded, the account kept from the payment" "$(pay pi_2)" \
    "refunded|2500|WU-10002"
ev=$($SIM card charge.dispute.created evt_5 pi_3 700 usd WU-10003 $now)
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "card: dispute created" 200 '"status":"disputed"'
ev=$($SIM card customer.created evt_6 cus_1 0 usd - $now)
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "card: an unknown event type is answered" 200 '"status":"unknown"'
same "card: and kept, not applied" \
    "$(csql "SELECT kind, status FROM gateway_notifications WHERE
        event_id = 'evt_6'")|$(csql "SELECT count(*) FROM gateway_payments
        WHERE code = 'cus_1'")" "customer.created|unknown|0"

# -- card: verified before anything is parsed or kept
ev=$($SIM card payment_intent.succeeded evt_9 pi_9 100 usd WU-10001 $now)
refused_gw "card: a bad signature is 401" 401 "no v1 signature matches" \
    $SIM send "$CU" --secret "whsec_not-the-secret" "$ev"
refused_gw "card: a signature of another body is 401" 401 "no v1" \
    $SIM send "$CU" \
    --header "Paydesk-Signature:t=$now,v1=$(printf '%064d' 0)" "$ev"
refused_gw "card: no signature is 400" 400 "No signature header" \
    $SIM send "$CU" "$ev"
refused_gw "card: a malformed signature header is 400" 400 \
    "t=TIMESTAMP and at least one v1=HEX" \
    $SIM send "$CU" --header "Paydesk-Signature:t=$now" "$ev"
refused_gw "card: a stale timestamp is 400" 400 "seconds from the central" \
    $SIM send "$CU" --secret "$CARD" --t-offset -301 "$ev"
refused_gw "card: a timestamp from the future is 400" 400 "at most 300" \
    $SIM send "$CU" --secret "$CARD" --t-offset 400 "$ev"
refused_gw "card: Not JSON is 400" 400 "Not JSON" \
    $SIM send "$CU" --secret "$CARD" '{"id":'
refused_gw "card: a negative amount is 400 naming the field" 400 \
    "data.object.amount: -100 is negative" $SIM send "$CU" --secret "$CARD" \
    "$($SIM card payment_intent.succeeded evt_9 pi_9 -100 usd A $now)"
refused_gw "card: a fractional amount is 400" 400 \
    "data.object.amount: an integer of minor units" \
    $SIM send "$CU" --secret "$CARD" \
    "$($SIM card payment_intent.succeeded evt_9 pi_9 1.5 usd A $now)"
refused_gw "card: an amount past the largest is 400" 400 \
    "data.object.amount: 10000000000001 is larger" \
    $SIM send "$CU" --secret "$CARD" \
    "$($SIM card payment_intent.succeeded evt_9 pi_9 10000000000001 usd A \
        $now)"
refused_gw "card: an amount past 64 bits is 400" 400 "too big integer" \
    $SIM send "$CU" --secret "$CARD" \
    "$($SIM card payment_intent.succeeded evt_9 pi_9 99999999999999999999 \
        usd A $now)"
refused_gw "card: another currency is 400" 400 \
    "data.object.currency: \\\"eur\\\" is not the organisation's currency, USD" \
    $SIM send "$CU" --secret "$CARD" \
    "$($SIM card payment_intent.succeeded evt_9 pi_9 100 eur A $now)"
refused_gw "card: no event id is 400" 400 "id: missing" \
    $SIM send "$CU" --secret "$CARD" '{"type":"charge.succeeded",
    "created":1}'

# -- rotation: both secrets sign during the grace
expect "gateway rotate" 0 "the previous ones stay valid until" \
    central gateway rotate ACME stripe
NEW=$(sed -n 's/^signing secret: //p' "$OUT")
ev=$($SIM card payment_intent.succeeded evt_10 pi_10 300 usd WU-10001 $now)
run $SIM send "$CU" --secret "$NEW" --secret "$CARD" "$ev"
answer "rotation: two v1 signatures, new and old" 200 '"received":true'
ev=$($SIM card payment_intent.succeeded evt_11 pi_11 300 usd WU-10001 $now)
run $SIM send "$CU" --secret "$CARD" "$ev"
answer "rotation: the old secret alone, in its grace" 200 '"received":true'
ev=$($SIM card payment_intent.succeeded evt_12 pi_12 300 usd WU-10001 $now)
refused_gw "rotation: neither secret is 401" 401 "no v1" \
    $SIM send "$CU" --secret "whsec_x" --secret "whsec_y" "$ev"
expect "gateway list: the previous secret's end" 0 "$(date +%Y-)" \
    central gateway list

# -- mobile money
mm=$($SIM mm QK1ABC 1500.50 wu-10001 254712345678 20261130143000)
run $SIM send "$MU" --source 127.0.0.2 "$mm"
answer "mobile money: a confirmation is accepted" 200 \
    '{"ResultCode":0,"ResultDesc":"Accepted"}'
same "mobile money: the payment is kept" \
    "$(csql "SELECT status, amount, account_ref, phone, payer, paid_at,
        short_code FROM gateway_payments WHERE code = 'QK1ABC'")" \
    "succeeded|150050|wu-10001|254712345678|Jane W Doe|2026-11-30 14:30:00|600984"
before=$(gwsnap)
run $SIM send "$MU" --source 127.0.0.2 "$mm"
answer "mobile money: a replay is accepted" 200 '"ResultCode":0'
same "mobile money: a replay keeps nothing" "$(gwsnap)" "$before"
# a payer's name with a right-to-left override and a C1 control: kept
# escaped, as every text from outside the central node keeps
mmb=$(printf '%s' "$mm" | sed 's/"QK1ABC"/"QK1BIDI"/;
    s/"Jane"/"Ja\\u202ene\\u0085"/; s/"Doe"/"Doe\\u2066"/')
run $SIM send "$MU" --source 127.0.0.2 "$mmb"
answer "mobile money: a payer with bidirectional controls is accepted" 200 \
    '"ResultCode":0'
same "mobile money: the payer is kept escaped" \
    "$(csql "SELECT payer FROM gateway_payments WHERE code = 'QK1BIDI'")" \
    'Ja\u202ene\u0085 W Doe\u2066'
same "mobile money: no raw control in the payer" \
    "$(csql "SELECT count(*) FROM gateway_payments WHERE instr(payer,
        char(8238)) OR instr(payer, char(133)) OR instr(payer, char(8294))")" 0
refused_gw "mobile money: a wrong secret segment is 401" 401 \
    "wrong secret path segment" \
    $SIM send "$URL/v1/gateway/ACME/mpesa/0123abcd" --source 127.0.0.2 "$mm"
refused_gw "mobile money: no secret segment is 404" 404 \
    "/v1/gateway/ACME/mpesa/SECRET" \
    $SIM send "$URL/v1/gateway/ACME/mpesa" --source 127.0.0.2 "$mm"
refused_gw "mobile money: an address not allowed is 403" 403 \
    "address 127.0.0.1 may not send" $SIM send "$MU" "$mm"
refused_gw "mobile money: too many decimals is 400" 400 "TransAmount" \
    $SIM send "$MU" --source 127.0.0.2 \
    "$($SIM mm QK2 12.345 WU-10001 254712345678)"
refused_gw "mobile money: a negative amount is 400" 400 \
    "TransAmount \\\"-5\\\": a sign is not allowed" \
    $SIM send "$MU" --source 127.0.0.2 \
    "$($SIM mm QK2 -5 WU-10001 254712345678)"
refused_gw "mobile money: a zero amount is 400" 400 \
    "TransAmount: must be more than 0" $SIM send "$MU" --source 127.0.0.2 \
    "$($SIM mm QK2 0.00 WU-10001 254712345678)"
refused_gw "mobile money: an amount past the largest is 400" 400 \
    "TransAmount" $SIM send "$MU" --source 127.0.0.2 \
    "$($SIM mm QK2 99999999999999999999 WU-10001 254712345678)"
refused_gw "mobile money: a time that is not one is 400" 400 \
    "TransTime: 20261331120000 is not a real date" \
    $SIM send "$MU" --source 127.0.0.2 \
    "$($SIM mm QK2 5 WU-10001 254712345678 20261331120000)"
refused_gw "mobile money: a phone that is not digits is 400" 400 \
    "MSISDN: only digits" $SIM send "$MU" --source 127.0.0.2 \
    "$($SIM mm QK2 5 WU-10001 2547123x5678)"
refused_gw "mobile money: no TransID is 400" 400 "TransID: missing" \
    $SIM send "$MU" --source 127.0.0.2 '{"TransactionType":"Pay Bill"}'
refused_gw "mobile money: Not JSON is 400" 400 "Not JSON" \
    $SIM send "$MU" --source 127.0.0.2 'TransID=QK3'
refused_gw "mobile money: a bad signature header is 401" 401 "no v1" \
    $SIM send "$MU" --source 127.0.0.2 --secret whsec_wrong \
    "$($SIM mm QK4 5 WU-10001 254712345678)"
run $SIM send "$MU" --source 127.0.0.2 --secret "$MMSEC" \
    "$($SIM mm QK4 5 WU-10001 254712345678)"
answer "mobile money: a signed confirmation is accepted" 200 '"ResultCode":0'

# a rotation: the new path secret, and the old one during its grace
expect "gateway rotate: mobile money gets a new path secret" 0 \
    "path secret: " central gateway rotate ACME mpesa
MMPATH2=$(sed -n 's/^path secret: //p' "$OUT")
MMSEC2=$(sed -n 's/^signing secret: //p' "$OUT")
run $SIM send "$URL/v1/gateway/ACME/mpesa/$MMPATH2" --source 127.0.0.2 \
    "$($SIM mm QR1 5 WU-10001 254712345678)"
answer "rotation: the new path secret is accepted" 200 '"ResultCode":0'
run $SIM send "$MU" --source 127.0.0.2 \
    "$($SIM mm QR2 5 WU-10001 254712345678)"
answer "rotation: the old path secret, in its grace" 200 '"ResultCode":0'
[ "$MMPATH2" != "$MMPATH" ] && ok "rotation: the path secret changed" ||
    notok "rotation: the path secret changed"

# validation: accept or reject before the money moves
run $SIM send "$MU/validate" --source 127.0.0.2 \
    "$($SIM mm QK5 5 'wu 10002' 254712345678)"
answer "validation: a known account (case, spaces) is accepted" 200 \
    '"ResultDesc":"Accepted"'
run $SIM send "$MU/validate" --source 127.0.0.2 \
    "$($SIM mm QK5 5 NO-SUCH 254712345678)"
answer "validation: an unknown account is accepted as configured" 200 \
    '"ResultDesc":"Accepted"'
refused_gw "validation: bad fields are 400" 400 "TransAmount" \
    $SIM send "$MU/validate" --source 127.0.0.2 \
    "$($SIM mm QK5 5.5.5 WU-10001 254712345678)"
refused_gw "validation: from an address not allowed is 403" 403 \
    "may not send" $SIM send "$MU/validate" \
    "$($SIM mm QK5 5 WU-10001 254712345678)"

# -- routes
refused_gw "an unknown gateway is 404" 404 "No gateway nope in ACME" \
    $SIM send "$URL/v1/gateway/ACME/nope" "$ev"
refused_gw "a card gateway with a path secret is 404" 404 \
    "is a card gateway" $SIM send "$CU/abc" "$ev"
if grep -qF -e "$MMPATH" -e "$MMPATH2" "$T/central.log"; then
	notok "the log does not hold the path secret"
else
	ok "the log does not hold the path secret"
fi
grep -q "ACME/gateway:mpesa POST /v1/gateway/ACME/mpesa/\*\*\* 200" \
    "$T/central.log" && ok "the log names the gateway" ||
    notok "the log names the gateway"

# -- killed between notifications, and after keeping one before its
# answer: the gateway's retries keep nothing twice
kill9_central
start_central kill-after-notifications=2 || exit 1
n0=$(notes)
e1=$($SIM card payment_intent.succeeded evt_k1 pi_k1 100 usd WU-10001 $now)
e2=$($SIM card payment_intent.succeeded evt_k2 pi_k2 200 usd WU-10001 $now)
e3=$($SIM card payment_intent.succeeded evt_k3 pi_k3 300 usd WU-10001 $now)
run $SIM send "$CU" --secret "$NEW" "$e1"
answer "killed: the first is answered" 200 '"replay":false'
run $SIM send "$CU" --secret "$NEW" "$e2"
same "killed: the second is kept, the central node dies before answering" \
    "$RC" 7
wait "$CPID" 2>/dev/null
CPID=
gw_ini gateway_allow=127.0.0.2 gateway_unknown_account=reject \
    gateway_signed=yes
start_central || exit 1
for e in "$e1" "$e2" "$e3"; do
	$SIM send "$CU" --secret "$NEW" "$e" >>"$T/retries"
done
same "killed: the retries are answered" \
    "$(cut -c1-3 "$T/retries" | tr '\n' ' ')" "200 200 200 "
same "killed: each kept once" "$(($(notes) - n0))|$(csql "SELECT
    count(*) FROM gateway_payments WHERE code LIKE 'pi_k%'")" "3|3"
grep -c '"replay":true' "$T/retries" | {
	read -r r
	same "killed: the two kept before are replays" "$r" 2
}

run $SIM send "$CU" --secret "$NEW" "$first"
answer "killed: a notification kept before both kills is a replay" 200 \
    '"replay":true'

# the config after the restart: mobile money must be signed, an unknown
# account is rejected
M2="$URL/v1/gateway/ACME/mpesa/$MMPATH2"
refused_gw "gateway_signed: an unsigned confirmation is 400" 400 \
    "No signature header" $SIM send "$M2" --source 127.0.0.2 \
    "$($SIM mm QK7 5 WU-10001 254712345678)"
run $SIM send "$M2" --source 127.0.0.2 --secret "$MMSEC2" \
    "$($SIM mm QK7 5 WU-10001 254712345678)"
answer "gateway_signed: a signed one is accepted" 200 '"ResultCode":0'
run $SIM send "$M2/validate" --source 127.0.0.2 --secret "$MMSEC2" \
    "$($SIM mm QK6 5 NO-SUCH 254712345678)"
answer "validation: an unknown account is rejected as configured" 200 \
    '"ResultDesc":"Rejected"'
run $SIM send "$M2/validate" --source 127.0.0.2 --secret "$MMSEC2" \
    "$($SIM mm QK6 5 WU-10003 254712345678)"
answer "validation: a known account is still accepted" 200 \
    '"ResultDesc":"Accepted"'

# -- revoked: refused from then on
expect "gateway revoke" 0 "revoked" central gateway revoke ACME stripe
ev=$($SIM card payment_intent.succeeded evt_20 pi_20 100 usd WU-10001 $now)
refused_gw "a revoked gateway is 403" 403 "was revoked on" \
    $SIM send "$CU" --secret "$NEW" "$ev"
expect "gateway list: revoked" 0 "stripe       card          revoked" \
    central gateway list ACME

# a bad allow-list stops the central node before it listens
stop_central
gw_ini gateway_allow=127.0.0.2,300.1.1.1
expect "gateway_allow: a bad entry stops serve" 3 \
    '[central] gateway_allow: "300.1.1.1" is not an IPv4 address' \
    central serve
exec 3>&-
