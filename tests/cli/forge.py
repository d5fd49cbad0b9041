"""forge.py - records a terminal's CLI would never make, pushed with its
own token, for test_sync_trust.sh. Each takes a real record from the
terminal's outbox (the newest of a kind), gives it a new uuid (and new
numbers unless they are what is forged), changes what it is told to and
pushes it alone; it prints the central node's answer: "applied",
"duplicate" or "rejected: REASON".

usage: forge.py DB TOKEN KIND[:REF] [PATH=JSON]... [-- KIND[:REF] ...]...
(REF: the outbox record of that reference, a payment or credit note
number, instead of the newest). Records separated by "--" go in one
push, in order; one answer line each.
PATH is data.FIELD, data.credit_note.FIELD, data.allocations.N.FIELD or a
head field (terminal, currency, at, v); JSON is the value as JSON text
(a bare word is taken as a string); PATH=- removes it. "seq" in a value
is replaced by a number no record has used, so numbers stay fresh (six
digits; "seq4" four): 500 past the highest the terminal has issued, one
more each time, within the central node's [central] series_window."""
import json
import os
import sqlite3
import sys
import urllib.request
import uuid

db, token = sys.argv[1:3]
con = sqlite3.connect(db)


def fresh_seq():
    """A sequence no record of the terminal has, nor a forged one before:
    a number far past the terminal's series would be refused for that
    (review 18), whatever else was forged."""
    top = 0
    for (no,) in con.execute("SELECT payment_no FROM payments UNION ALL "
                             "SELECT txn_no FROM payments UNION ALL SELECT "
                             "receipt_no FROM payments UNION ALL SELECT "
                             "cn_no FROM credit_notes"):
        digits = no[len(no.rstrip("0123456789")):]
        if digits:
            top = max(top, int(digits))
    path = db + ".forged"
    k = int(open(path).read()) + 1 if os.path.exists(path) else 1
    with open(path, "w") as f:
        f.write(str(k))
    return top + 500 + k


def renumber(d, fresh):
    for k in ("payment_no", "txn_no", "receipt_no", "number"):
        if k in d and isinstance(d[k], str) and d[k][-1:].isdigit():
            head = d[k].rstrip("0123456789")
            width = len(d[k]) - len(head)
            d[k] = head + str(fresh).zfill(width)


def forge(kind, args):
    kind, _, ref = kind.partition(":")
    # a deposit's record to forge from is its create or void, not its
    # hand (issue 20: a hand carries no lines; forge one with data.op=hand)
    row = con.execute("SELECT payload FROM outbox WHERE kind = ? AND (? = ''"
                      " OR ref = ?) AND (kind <> 'deposit' OR"
                      " json_extract(payload, '$.data.op') <> 'hand')"
                      " ORDER BY id DESC LIMIT 1",
                      (kind, ref, ref)).fetchone()
    rec = json.loads(row[0])
    rec["uuid"] = str(uuid.uuid4())
    fresh = fresh_seq()
    if kind in ("payment", "credit_note"):
        renumber(rec["data"], fresh)
        if isinstance(rec["data"].get("credit_note"), dict):
            cn = rec["data"]["credit_note"]
            renumber(cn, fresh)
            cn["uuid"] = str(uuid.uuid4())
            cn["linked_receipt"] = rec["data"]["receipt_no"]
        if kind == "credit_note":
            rec["data"]["uuid"] = rec["uuid"]
    if kind == "deposit" and rec["data"].get("op") == "create":
        rec["data"]["deposit_uuid"] = rec["uuid"]
    for arg in args:
        path, _, val = arg.partition("=")
        keys = path.split(".")
        o = rec
        for k in keys[:-1]:
            o = o[int(k)] if isinstance(o, list) else o[k]
        last = keys[-1]
        if val == "-":
            o.pop(last, None)
            continue
        val = val.replace("seq4", "%04d" % fresh)
        val = val.replace("seq", "%06d" % fresh)
        try:
            v = json.loads(val)
        except ValueError:
            v = val
        if isinstance(o, list):
            o[int(last)] = v
        else:
            o[last] = v
    return rec


recs, args = [], sys.argv[3:] + ["--"]
while args:
    i = args.index("--")
    if i > 0:
        recs.append(forge(args[0], args[1:i]))
    args = args[i + 1:]
body = json.dumps({"v": 1, "terminal": recs[0]["terminal"], "pending": 0,
                   "records": recs}).encode()
req = urllib.request.Request(os.environ["URL"] + "/v1/push", data=body,
                             headers={"Authorization": "Bearer " + token,
                                      "Content-Type": "application/json"})
try:
    ans = json.load(urllib.request.urlopen(req, timeout=30))
except urllib.error.HTTPError as e:
    print("http %d: %s" % (e.code, e.read().decode()))
    sys.exit(0)
for r in ans["results"]:
    print(r["status"] + (": " + r["reason"] if r.get("reason") else ""))
