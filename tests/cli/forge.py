"""forge.py - records a terminal's CLI would never make, pushed with its
own token, for test_sync_trust.sh. Each takes a real record from the
terminal's outbox (the newest of a kind), gives it a new uuid (and new
numbers unless they are what is forged), changes what it is told to and
pushes it alone; it prints the central node's answer: "applied",
"duplicate" or "rejected: REASON".

usage: forge.py DB TOKEN KIND[:REF] [PATH=JSON]...
(REF: the outbox record of that reference, a payment or credit note
number, instead of the newest)
PATH is data.FIELD, data.credit_note.FIELD, data.allocations.N.FIELD or a
head field (terminal, currency, at, v); JSON is the value as JSON text
(a bare word is taken as a string); PATH=- removes it. "seq" in a value
is replaced by a number no record has used, so numbers stay fresh."""
import json
import os
import sqlite3
import sys
import urllib.request
import uuid

db, token, kind = sys.argv[1:4]
con = sqlite3.connect(db)
kind, _, ref = kind.partition(":")
row = con.execute("SELECT payload FROM outbox WHERE kind = ? AND (? = '' OR"
                  " ref = ?) ORDER BY id DESC LIMIT 1",
                  (kind, ref, ref)).fetchone()
rec = json.loads(row[0])
rec["uuid"] = str(uuid.uuid4())
fresh = str(uuid.uuid4().int % 900000 + 100000)


def renumber(d):
    for k in ("payment_no", "txn_no", "receipt_no", "number"):
        if k in d and isinstance(d[k], str) and d[k][-1:].isdigit():
            head = d[k].rstrip("0123456789")
            d[k] = head + fresh


if kind in ("payment", "credit_note"):
    renumber(rec["data"])
    if isinstance(rec["data"].get("credit_note"), dict):
        cn = rec["data"]["credit_note"]
        renumber(cn)
        cn["uuid"] = str(uuid.uuid4())
        cn["linked_receipt"] = rec["data"]["receipt_no"]
    if kind == "credit_note":
        rec["data"]["uuid"] = rec["uuid"]
for arg in sys.argv[4:]:
    path, _, val = arg.partition("=")
    keys = path.split(".")
    o = rec
    for k in keys[:-1]:
        o = o[int(k)] if isinstance(o, list) else o[k]
    last = keys[-1]
    if val == "-":
        o.pop(last, None)
        continue
    val = val.replace("seq", fresh)
    try:
        v = json.loads(val)
    except ValueError:
        v = val
    if isinstance(o, list):
        o[int(last)] = v
    else:
        o[last] = v
body = json.dumps({"v": 1, "terminal": rec["terminal"], "pending": 0,
                   "records": [rec]}).encode()
req = urllib.request.Request(os.environ["URL"] + "/v1/push", data=body,
                             headers={"Authorization": "Bearer " + token,
                                      "Content-Type": "application/json"})
try:
    ans = json.load(urllib.request.urlopen(req, timeout=30))
except urllib.error.HTTPError as e:
    print("http %d: %s" % (e.code, e.read().decode()))
    sys.exit(0)
r = ans["results"][0]
print(r["status"] + (": " + r["reason"] if r.get("reason") else ""))
