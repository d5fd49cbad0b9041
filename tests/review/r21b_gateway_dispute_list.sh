#!/bin/sh
# R21b (s41): a card gateway's disputed event opens a dispute (reason
# chargeback, by System) at the central node, "worked by the organisation's
# recovery officers and supervisors wherever the payment was taken". But
# the dispute lists are scoped: a recovery officer's to this terminal, a
# supervisor's to the branch, and a gateway's payment is of no branch, so
# the chargeback shows in neither list (nor the Disputes screen): only an
# admin's --scope org, or a search by --consumer, finds it.
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
t2 sync >/dev/null
n=$(PAYDESK_PIN=7291 t2 --user rec dispute list --consumer A-1 | grep -c '^DP-')
check "the gateway's dispute was opened and pulled (found by --consumer)" 1 "$n"
n=$(PAYDESK_PIN=7291 t2 --user rec dispute list | grep -c '^DP-')
check "the recovery officer's dispute list shows the chargeback" 1 "$n"
n=$(PAYDESK_PIN=618394 t2 --user sup dispute list | grep -c '^DP-')
check "the supervisor's dispute list shows the chargeback" 1 "$n"
finish
