#!/bin/sh
# Review 23: `payments --gateway G` lists the payments a gateway took, but
# the text table cuts their receipt numbers to 15 characters:
# "G-cardgw-0000~" for G-cardgw-000001, so the numbers the list is read for
# cannot be read (or given to payment show) from it.
. tests/review/r23_lib.sh
central_org T01:B01
c=$R23_TMP/central
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
rc=$(as T01 adm --csv payments --gateway cardgw | sed -n '2s/,.*//p')
[ -n "$rc" ] || notok "no gateway payment listed"
if as T01 adm payments --gateway cardgw | grep -q -- "$rc"; then
	ok "payments --gateway cardgw shows $rc whole"
else
	notok "payments --gateway cardgw (text) cuts $rc: $(as T01 adm payments --gateway cardgw | sed -n 3p | awk '{print $1}')"
fi
r23_done
