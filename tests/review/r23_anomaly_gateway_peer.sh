#!/bin/sh
# Review 23: the Cash voids and Credit notes rules compare a terminal with its
# peers, "the other terminals at work that day". At the organisation's scope
# the central node's gateway payments make the node a peer: T01's 3 cash
# voids against T02's 2 are not an anomaly (2 x 3 = 6 > 3), but once a card
# gateway's payment arrives the same day the peers are "2" averaging 1.0 and
# T01 is flagged. A gateway takes no cash and voids none at a counter.
. tests/review/r23_lib.sh
central_org T01:B01 T02:B01
c=$R23_TMP/central
rcpt() { sed -n 's/^Receipt number *//p'; }
for i in 1 2 3; do r=$(as T01 c1 pay A-1 --type bill --items A$i --method Cash --amount 5 --tendered 5 | rcpt); as T01 s1 payment void $r --reason "Wrong account" >/dev/null || notok "void $r"; done
for i in 4 5; do r=$(as T02 c2 pay A-1 --type bill --items A$i --method Cash --amount 5 --tendered 5 | rcpt); as T02 s1 payment void $r --reason "Wrong account" >/dev/null || notok "void $r"; done
term T02 sync >/dev/null; term T01 sync >/dev/null
before=$(as T01 adm --csv report anomalies | grep -c '^Cash voids')
check "org scope, T01 3 cash voids against T02's 2: no anomaly" 0 "$before"
# a card gateway's payment of the day
sec=$(env PAYDESK_CONFIG=$c/central.ini "$PDC" gateway add W cardgw --profile card | sed -n 's/^signing secret: //p')
port=$(sed -n 's/^port = //p' $c/central.ini)
python3 - "$port" "$sec" <<'PY' || notok "gateway notification"
import sys, json, time, hmac, hashlib, urllib.request
port, sec = sys.argv[1], sys.argv[2]
ev = {"id": "evt_1", "type": "payment_intent.succeeded", "created": int(time.time()),
      "data": {"object": {"id": "pi_1", "amount": 5000, "currency": "usd", "metadata": {"account": "B-1"}}}}
body = json.dumps(ev).encode(); ts = str(int(time.time()))
sig = hmac.new(sec.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
r = urllib.request.Request(f"http://127.0.0.1:{port}/v1/gateway/W/cardgw", data=body,
    headers={"Content-Type": "application/json", "Paydesk-Signature": f"t={ts},v1={sig}"})
urllib.request.urlopen(r).read()
PY
term T01 sync >/dev/null
after=$(as T01 adm --csv report anomalies | grep '^Cash voids')
if [ -z "$after" ]; then
	ok "org scope after a gateway payment: still no Cash voids anomaly"
else
	notok "org scope after a gateway payment: the node counts as a peer: $after"
fi
r23_done
