#!/bin/sh
# R21d (s42): a card gateway's charge.dispute.created opens a dispute by
# itself (issue 21: "Gateway disputes (the card profile's disputed event)
# open one automatically"); paydesk-central(8) says the event's amount "is
# what the payer disputes, perhaps part of the payment". Here a $50.00 card
# payment gets a chargeback of $12.34: the dispute opened (DP-HQ-...) shows
# Amount $50.00, its timeline note says only "Gateway cardgw reported payment
# pi_1 disputed", and the gateway list shows $50.00 disputed: the $12.34 the
# payer disputes is nowhere at a terminal (text or JSON), so the recovery
# officer who upholds it (by credit note of the amount charged back) cannot
# know the amount; a void would reverse $50.00 for a $12.34 chargeback.
# Written from the documentation only.
# Fixed in s44 (s44-cb): a dispute carries the amount disputed (the
# event's, 12.34), shown by dispute show (Disputed, JSON "disputed"),
# dispute list, the gateway list ("Payment pi_1: $12.34 of it disputed")
# and its timeline's note. Since s45 a chargeback's uphold charges the
# amount disputed again by default (the bank has returned it to the
# payer: no credit note unless --despite-chargeback, no void of part).
# the gateway signs with the clock: the nodes run on today's date
R21C_NOW=$(date -u "+%Y-%m-%d %H:%M:%S"); export R21C_NOW
. "$(dirname "$0")/r21c_lib.sh"
sec=$(C gateway add ACME cardgw --profile card | sed -n 's/^signing secret: //p')
post() { python3 - "$PORT" "$sec" "$1" <<'PY'
import sys, json, time, hmac, hashlib, urllib.request
port, sec, ev = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
ev["created"] = int(time.time())
body = json.dumps(ev).encode(); ts = str(int(time.time()))
sig = hmac.new(sec.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
r = urllib.request.Request(f"http://127.0.0.1:{port}/v1/gateway/ACME/cardgw", data=body,
    headers={"Content-Type": "application/json", "Paydesk-Signature": f"t={ts},v1={sig}"})
urllib.request.urlopen(r).read()
PY
}
post '{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1","amount":5000,"currency":"usd","metadata":{"account":"WU-10001"}}}}' || nok "the payment event"
post '{"id":"evt_2","type":"charge.dispute.created","data":{"object":{"id":"dp_1","payment_intent":"pi_1","amount":1234,"currency":"usd","metadata":{"account":"WU-10001"}}}}' || nok "the dispute event"
s T01
d=$(p T01 rita dispute list | awk '$1 ~ /^DP-/ {print $1; exit}')
if [ -z "$d" ]; then nok "no dispute opened by the chargeback"; finish; fi
ok "the chargeback opened $d"
p T01 rita dispute show "$d" >"$W/show"
p T01 admin --json dispute show "$d" >"$W/show.json"
p T01 admin gateway list >"$W/gw"
sed 's/^/# /' "$W/show"
if grep -q '12\.34' "$W/show"; then ok "dispute show gives the \$12.34 disputed"
else nok "dispute show does not give the \$12.34 the payer disputes (only the payment's \$50.00)"; fi
if grep -q '1234' "$W/show.json"; then ok "dispute show --json gives the 1234 disputed"
else nok "dispute show --json has no 1234 (the amount disputed)"; fi
if grep -q '12\.34' "$W/gw"; then ok "gateway list gives the amount disputed"
else nok "gateway list gives no \$12.34 for the disputed payment"; fi
finish
