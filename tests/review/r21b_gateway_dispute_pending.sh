#!/bin/sh
# R21b (s41): a card gateway's disputed event opens a dispute "on a posted
# payment" only. A card payment disputed before it settled stays Pending
# ("until a supervisor verifies it"); the supervisor verifies it, it is
# Posted and collected, and no dispute is ever opened: the chargeback the
# gateway reported is tracked nowhere (issue 21: gateway disputes open one
# automatically).
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
start_central
out=$("$C" --config "$W/central.ini" gateway add ORG1 stripe --profile card)
S=$(echo "$out" | sed -n 's/^signing secret: //p')
ev() { # ev TYPE OBJECT-JSON
	python3 - "$PORT" "$S" "$1" "$2" <<'PY'
import hmac, hashlib, json, sys, time, urllib.request
port, secret, typ, obj = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
body = json.dumps({"created": int(time.time()), "id": "evt_" + typ + obj["id"], "type": typ,
                   "data": {"object": obj}}).encode()
ts = str(int(time.time()))
sig = hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
req = urllib.request.Request("http://127.0.0.1:%s/v1/gateway/ORG1/stripe" % port, data=body,
                             headers={"Paydesk-Signature": "t=%s,v1=%s" % (ts, sig)})
try:
    print(urllib.request.urlopen(req).status)
except urllib.error.HTTPError as e:
    print(e.code)
PY
}
now=$(date +%s)
check "the gateway's payment is taken" 200 "$(ev payment_intent.succeeded "{\"id\":\"pi_1\",\"amount\":5000,\"currency\":\"usd\",\"created\":$now,\"metadata\":{\"account\":\"A-1\"}}")"
check "its dispute is taken" 200 "$(ev charge.dispute.created "{\"id\":\"dp_1\",\"payment_intent\":\"pi_1\",\"amount\":5000,\"currency\":\"usd\",\"created\":$now}")"
t2 sync >/dev/null || fail "sync"
PAYDESK_PIN=618394 t2 --user sup payment verify G-stripe-000001 >/dev/null || fail "verify"
t2 sync >/dev/null; t2 sync >/dev/null
st=$(PAYDESK_PIN=618394 t2 --user sup payment show G-stripe-000001 | sed -n 's/^  Status *//p' | head -1)
n=$(PAYDESK_PIN=7291 t2 --user rec dispute list --consumer A-1 | grep -c '^DP-')
if [ "$st" = Posted ]; then
	check "the disputed payment, Posted, has its dispute" 1 "$n"
else
	ok "a payment the gateway disputed is not Posted by a plain verify ($st)"
fi
finish
