#!/bin/sh
# R21d (s42): issue 21: a payment that does not cover everything is split by
# "a rule configured per organisation ... the rule used is stored with the
# payment, synced, shown in its details". The organisation sets
# payments.allocation = largest at the central node (paydesk-central(8):
# "the central node applies them to the organisation's payments too"), and
# a terminal's payment of WU-10001 follows it (Largest first: INV-2025-001567
# $152.25). The card gateway's $50.00 payment of WU-10001, posted by the
# central node, is split "Oldest due first" onto INV-2025-001234 instead:
# the organisation's own payments do not follow the organisation's rule
# (paydesk-central(8) says gateway payments go to "the consumer's open bills
# oldest due first", which is the pre-issue behaviour the issue replaces).
# Written from the documentation only.
R21C_NOW=$(date -u "+%Y-%m-%d %H:%M:%S"); export R21C_NOW # the gateway signs with the clock
. "$(dirname "$0")/r21c_lib.sh"
printf 'key,value\npayments.allocation,largest\n' >"$W/s.csv"
C import ACME settings "$W/s.csv" >/dev/null || nok "import settings"
sec=$(C gateway add ACME cardgw --profile card | sed -n 's/^signing secret: //p')
s T01
python3 - "$PORT" "$sec" <<'PY' || nok "the gateway's event"
import sys, json, time, hmac, hashlib, urllib.request
port, sec = sys.argv[1], sys.argv[2]
ev = {"id": "evt_1", "type": "payment_intent.succeeded", "created": int(time.time()),
      "data": {"object": {"id": "pi_1", "amount": 5000, "currency": "usd", "metadata": {"account": "WU-10001"}}}}
body = json.dumps(ev).encode(); ts = str(int(time.time()))
sig = hmac.new(sec.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
r = urllib.request.Request(f"http://127.0.0.1:{port}/v1/gateway/ACME/cardgw", data=body,
    headers={"Content-Type": "application/json", "Paydesk-Signature": f"t={ts},v1={sig}"})
urllib.request.urlopen(r).read()
PY
s T01
p T01 jane pay WU-10001 --type bill --amount 20 --method "Credit Card" --reference "AUTH 9" >"$W/t"
grep -q 'Largest first' "$W/t" && ok "the terminal's payment is split Largest first" || nok "the terminal's payment does not follow the rule either"
p T01 admin payment show G-cardgw-000001 >"$W/g"
grep -E 'Allocation rule|^    Bill' "$W/g" | sed 's/^/# gateway payment: /'
if grep -q 'Allocation rule *Largest first' "$W/g"; then ok "the gateway's payment is split Largest first"
else nok "the gateway's payment is split by another rule than the organisation's: $(grep 'Allocation rule' "$W/g" | tr -s ' ')"; fi
grep -q 'INV-2025-001567' "$W/g" && ok "the gateway's \$50.00 went to the largest bill, INV-2025-001567" ||
	nok "the gateway's \$50.00 did not go to the largest bill INV-2025-001567"
finish
