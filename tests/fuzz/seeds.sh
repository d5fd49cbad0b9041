#!/bin/sh
# seeds.sh - (re)make the seed inputs of tests/fuzz/corpus/ from what the
# real programs produce: a paydesk-central on loopback and a terminal
# that pays, overpays, voids, verifies and issues and applies credit
# notes; its outbox records, the push bodies they make, the central
# node's answers (results, pull pages, errors), the configs the tests
# use and the central settings. Run from the top of the tree after make:
#   env -i PATH="$PATH" TOP=$PWD BUILD=build LANG=C.UTF-8 sh tests/fuzz/seeds.sh
# It adds or replaces seed-* files only; crash-* inputs stay.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
C="$TOP/tests/fuzz/corpus"
mkdir -p "$C/fuzz_record" "$C/fuzz_push" "$C/fuzz_results" "$C/fuzz_pull" \
    "$C/fuzz_setting" "$C/fuzz_config"

setup_org || { echo "setup failed"; exit 1; }
printf 'key,value\norganisation.name,Acme Water Board\npayments.methods,"Cash:cash,Card:card,Mobile Money:online"\ncredit_notes.expiry_days,90\n' >"$T/s1.csv"
central import ACME settings "$T/s1.csv" >/dev/null
start_central || exit 1
pdt 1 sync >/dev/null
PAYDESK_PIN=1234 pdt 1 --user jane pay WU-10001 --type bill \
    --items INV-2025-001234 --method Cash --amount 200 --tendered 200 \
    >/dev/null
PAYDESK_PIN=1234 pdt 1 --user jane pay WU-10002 --type bill --method Card \
    --amount 10 --notes "Núñez: ½ paid, 中文 ok" >/dev/null
PAYDESK_PIN=2222 pdt 1 --user mary payment void R-T01-000002 \
    --reason "keyed twice" >/dev/null
PAYDESK_PIN=1234 pdt 1 --user jane pay WU-10003 --type bill --method Cash \
    --amount 30 >/dev/null
PAYDESK_PIN=2222 pdt 1 --user mary credit-note create R-T01-000003 \
    --amount 5 --reason Overpayment --remarks "line one
line two" >/dev/null
cn=$(tsql 1 "SELECT cn_no FROM credit_notes ORDER BY id LIMIT 1")
PAYDESK_PIN=1234 pdt 1 --user jane credit-note apply "$cn" \
    --to INV-2025-001567 --amount 1 >/dev/null

# one record of each kind the terminal wrote, and the push they make
i=0
tsql 1 "SELECT payload FROM outbox WHERE sent_at IS NULL ORDER BY id" |
while IFS= read -r rec; do
	i=$((i + 1))
	printf '%s' "$rec" >"$C/fuzz_record/seed-outbox-$i.json"
done
python3 - "$T/push.json" "$T/t1.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[2])
recs = [r[0] for r in db.execute(
    "SELECT payload FROM outbox WHERE sent_at IS NULL ORDER BY id")]
open(sys.argv[1], "w").write('{"v":1,"terminal":"T01","pending":%d,'
    '"records":[%s]}' % (len(recs), ",".join(recs)))
PY
cp "$T/push.json" "$C/fuzz_push/seed-push.json"
printf '{"v":1,"terminal":"T01","records":[]}' >"$C/fuzz_push/seed-empty.json"
auth="Authorization: Bearer $TOK1"
curl -s -H "$auth" --data-binary @"$T/push.json" "$URL/v1/push" \
    >"$C/fuzz_results/seed-applied.json"
curl -s -H "$auth" --data-binary @"$T/push.json" "$URL/v1/push" \
    >"$C/fuzz_results/seed-duplicate.json"
sed 's/"amount":200\([0-9][0-9]\)/"amount":1\1/' "$T/push.json" >"$T/push2.json"
curl -s -H "$auth" --data-binary @"$T/push2.json" "$URL/v1/push" \
    >"$C/fuzz_results/seed-rejected.json"
curl -s -H "Authorization: Bearer nope" "$URL/v1/pull" \
    >"$C/fuzz_push/seed-error-401.json"
curl -s -H "$auth" --data-binary '{"v":2}' "$URL/v1/push" \
    >"$C/fuzz_push/seed-error-400.json"

# pull pages: the reference data, the settings, another terminal's
# records (T02 sees T01's)
curl -s -H "$auth" "$URL/v1/pull?since=0&limit=3" >"$C/fuzz_pull/seed-first.json"
curl -s -H "Authorization: Bearer $TOK2" "$URL/v1/pull?since=0&limit=10000" \
    >"$T/all.json"
cp "$T/all.json" "$C/fuzz_pull/seed-all.json"
python3 - "$T/all.json" "$C/fuzz_record" "$C/fuzz_pull" <<'PY'
import json, sys
page = json.load(open(sys.argv[1]))
seen = {}
for e in page["entries"]:
    r = e["record"]
    k = r["kind"]
    if seen.get(k, 0) < 2:
        seen[k] = seen.get(k, 0) + 1
        open("%s/seed-pulled-%s-%d.json" % (sys.argv[2], k, seen[k]), "w").write(
            json.dumps(r, separators=(",", ":"), sort_keys=True,
                       ensure_ascii=False))
tail = {"v": 1, "cursor": page["cursor"], "more": False,
        "entries": [e for e in page["entries"]
                    if e["record"]["kind"] not in ("consumer", "item")]}
open("%s/seed-records.json" % sys.argv[3], "w").write(
    json.dumps(tail, separators=(",", ":"), ensure_ascii=False))
PY
printf '{"v":1,"cursor":7,"more":false,"entries":[]}' >"$C/fuzz_pull/seed-empty.json"

# configs: the example, a terminal's, the central node's
cp "$TOP/config.ini.example" "$C/fuzz_config/seed-example.ini"
cp "$T/t1.ini" "$C/fuzz_config/seed-terminal.ini"
cp "$T/central.ini" "$C/fuzz_config/seed-central.ini"

# settings as a terminal takes them: section.key=value
n=0
while IFS= read -r line; do
	n=$((n + 1))
	printf '%s' "$line" >"$C/fuzz_setting/seed-$n.txt"
done <<'SET'
organisation.name=Acme Water Board
organisation.address=1 Utility Plaza, Cityville
payments.methods=Cash:cash, Card:card, Mobile Money:online
payments.channels=Walk-in, Kiosk
payments.overpayment_threshold=10.00
payments.notes_max=200
credit_notes.reasons=Overpayment, Billing Error, Goodwill
credit_notes.expiry_days=90
credit_notes.remarks_max=500
security.login_max_attempts=5
security.login_lockout_minutes=15
terminal.id=T09
SET
echo "seeds written to $C"
