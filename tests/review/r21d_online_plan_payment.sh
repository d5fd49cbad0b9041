#!/bin/sh
# R21d (s42): a consumer under an arrangement who pays online pays nothing of
# the plan. Issue 21: the installments "become items of the plan (paid like
# any installment at the counter)" and the items they replace are settled by
# the move. WU-10001's whole debt ($600.25) is arranged at T01: a $50.00 down
# payment due today and 4 weekly installments. The consumer pays $50.00 by
# card through the card gateway (payment_intent.succeeded, metadata.account
# WU-10001). The central node posts G-cardgw-000001 "to the consumer's open
# bills oldest due first" (paydesk-central(8)): there are none left, the plan
# holds the debt, so the whole $50.00 becomes an Overpayment credit note
# (CN-HQ-00001; the payment "Over paid", Amount due $0.00), and the down
# payment AR-T01-000001#1 stays unpaid: once verified the consumer has $50.00
# of credit and still owes $600.25, the plan Paid $0.00, and tomorrow the
# down payment is Missed (the plan Broken, the consumer back on the
# disconnection list) though he paid it. The rule is not the organisation's
# either (payments.allocation; "installments" would pay the plan first).
# Written from the documentation only.
R21C_NOW=$(date -u "+%Y-%m-%d %H:%M:%S"); export R21C_NOW # the gateway signs with the clock
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
d=$(date -u -d '+1 day' +%Y-%m-%d)
p T01 rita arrangement create WU-10001 --installments 4 --frequency weekly --first-due "$d" \
	--down 50 --reason "online plan" >"$W/ar" || nok "arrangement create: $(tail -1 "$W/ar")"
s T01
post '{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1","amount":5000,"currency":"usd","metadata":{"account":"WU-10001"}}}}' || nok "the gateway's event"
s T01
p T01 mary payment verify G-cardgw-000001 >/dev/null || nok "payment verify"
s T01
p T01 admin payment show G-cardgw-000001 >"$W/pay"
p T01 admin consumer show WU-10001 >"$W/con"
p T01 rita arrangement show AR-T01-000001 >"$W/plan"
grep -E 'Amount due|Result|Credit note number' "$W/pay" | sed 's/^/# payment: /'
grep -E 'Total outstanding|Available credit' "$W/con" | sed 's/^/# consumer: /'
grep -E '^Paid |#1 ' "$W/plan" | sed 's/^/# plan: /'
if grep -q 'AR-T01-000001#1' "$W/pay"; then ok "the online payment paid the down payment AR-T01-000001#1"
else nok "the online \$50.00 paid none of the plan (the down payment AR-T01-000001#1 is not among its items)"; fi
if grep -q 'Credit note number' "$W/pay"; then nok "the \$50.00 became an overpayment credit note while the plan owes \$600.25"
else ok "no overpayment credit note"; fi
check "the consumer owes \$550.25 after paying \$50.00" grep -q 'Total outstanding *\$550.25' "$W/con"
check "the plan shows Paid \$50.00" grep -q '^Paid  *\$50.00' "$W/plan"
finish
