#!/usr/bin/env python3
"""gateway_sim.py - a payment gateway, for tests/cli/test_gateway.sh: it
builds the notifications real gateways send and POSTs them to a real
paydesk-central on loopback (issue 19).

  gateway_sim.py card TYPE EVENT_ID CODE AMOUNT CURRENCY ACCOUNT [CREATED]
      print a card event (JSON) in the format of the largest card
      processors; CREATED is Unix seconds (default: now); CODE becomes
      data.object.id for payment_intent events and data.object
      .payment_intent for charge ones; ACCOUNT "-" leaves the metadata out
  gateway_sim.py mm TRANS_ID AMOUNT ACCOUNT MSISDN [TRANS_TIME]
      print a paybill confirmation (JSON) of the largest mobile-money
      networks; AMOUNT is the decimal string sent as is
  gateway_sim.py send URL [--secret S]... [--t-offset N] [--source ADDR]
                 [--header NAME:VALUE]... BODY
      POST BODY to URL, signed with each --secret (one v1 each, in a
      Paydesk-Signature header, t = now + N), from ADDR (a loopback
      address); print "STATUS BODY". Exit 0 on any answer, 7 when none
      came (the connection failed or was dropped).
  gateway_sim.py flood URL SECRET THREADS ACCOUNT CODE...
      a gateway under load: for each CODE a payment_intent.succeeded
      event (evt_CODE, 1.00 usd, ACCOUNT), signed with SECRET, POSTed
      from THREADS connections at once; print "CODE STATUS" for each, in
      the order given (STATUS 0: no answer came, as a gateway that will
      retry it sees it), and "CODE 200 replay" for an answered replay.
  gateway_sim.py serve
      the same commands, many in one process (a Python start is slow on
      a loaded machine): each read from standard input as its arguments,
      each ended by a NUL byte, then the argument "\\036" and a NUL; each
      answered with one line "EXIT_STATUS<TAB>OUTPUT" (test_gateway.sh's
      sim()).
"""
import contextlib
import hashlib
import io
import hmac
import http.client
import json
import sys
import time
import urllib.parse


def card(args):
    typ, evid, code, amount, currency, account = args[:6]
    created = int(args[6]) if len(args) > 6 else int(time.time())
    obj = {"amount": int(amount) if amount.lstrip("-").isdigit() else
           json.loads(amount), "currency": currency, "created": created}
    if typ.startswith("payment_intent."):
        obj["id"] = code
        obj["object"] = "payment_intent"
    else:
        obj["id"] = "ch_" + code
        obj["object"] = "charge"
        obj["payment_intent"] = code
    if account != "-":
        obj["metadata"] = {"account": account}
    if len(args) > 7:  # a refund's total so far (charge.refunded)
        r = args[7]
        obj["amount_refunded"] = int(r) if r.lstrip("-").isdigit() else \
            json.loads(r)
        obj["refunded"] = obj["amount_refunded"] == obj["amount"]
    ev = {"id": evid, "object": "event", "type": typ, "created": created,
          "livemode": False, "data": {"object": obj}}
    print(json.dumps(ev))


def mm(args):
    transid, amount, account, msisdn = args[:4]
    when = args[4] if len(args) > 4 else time.strftime("%Y%m%d%H%M%S")
    print(json.dumps({
        "TransactionType": "Pay Bill", "TransID": transid,
        "TransTime": when, "TransAmount": amount,
        "BusinessShortCode": "600984", "BillRefNumber": account,
        "InvoiceNumber": "", "OrgAccountBalance": "49197.00",
        "ThirdPartyTransID": "", "MSISDN": msisdn,
        "FirstName": "Jane", "MiddleName": "W", "LastName": "Doe"}))


def send(args):
    secrets, headers, offset, source = [], {}, 0, "127.0.0.1"
    url, args = args[0], args[1:]
    while len(args) > 1:
        if args[0] == "--secret":
            secrets.append(args[1])
        elif args[0] == "--t-offset":
            offset = int(args[1])
        elif args[0] == "--source":
            source = args[1]
        elif args[0] == "--header":
            k, v = args[1].split(":", 1)
            headers[k] = v
        else:
            break
        args = args[2:]
    body = args[0].encode()
    if secrets:
        t = int(time.time()) + offset
        sig = ",".join(
            "v1=" + hmac.new(s.encode(), b"%d." % t + body,
                             hashlib.sha256).hexdigest() for s in secrets)
        headers["Paydesk-Signature"] = "t=%d,%s" % (t, sig)
    u = urllib.parse.urlsplit(url)
    headers["Content-Type"] = "application/json"
    headers["User-Agent"] = "gateway-sim/1.0"
    try:
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=10,
                                       source_address=(source, 0))
        c.request("POST", u.path, body=body, headers=headers)
        r = c.getresponse()
        print(r.status, r.read().decode())
    except (OSError, http.client.HTTPException) as e:
        print("no answer:", e)
        sys.exit(7)


def flood(args):
    import threading
    url, secret, threads, account = args[0], args[1], int(args[2]), args[3]
    codes, u = args[4:], urllib.parse.urlsplit(url)
    got, lock, todo = {}, threading.Lock(), list(reversed(args[4:]))

    def one(c, code):
        t = int(time.time())
        body = json.dumps({
            "id": "evt_" + code, "object": "event",
            "type": "payment_intent.succeeded", "created": t,
            "livemode": False, "data": {"object": {
                "id": code, "object": "payment_intent", "amount": 100,
                "currency": "usd", "created": t,
                "metadata": {"account": account}}}}).encode()
        sig = hmac.new(secret.encode(), b"%d." % t + body,
                       hashlib.sha256).hexdigest()
        c.request("POST", u.path, body=body, headers={
            "Content-Type": "application/json",
            "Paydesk-Signature": "t=%d,v1=%s" % (t, sig)})
        r = c.getresponse()
        data = r.read()
        return "%d%s" % (r.status, " replay" if b'"replay":true' in data
                         else "")

    def worker():
        c = None
        while True:
            with lock:
                if not todo:
                    return
                code = todo.pop()
            try:
                if c is None:
                    c = http.client.HTTPConnection(u.hostname, u.port,
                                                   timeout=10)
                res = one(c, code)
            except (OSError, http.client.HTTPException):
                res, c = "0", None
            with lock:
                got[code] = res

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for code in codes:
        print(code, got[code])


COMMANDS = {"card": card, "mm": mm, "send": send, "flood": flood}


def serve():
    inp, buf, args = sys.stdin.buffer, b"", []
    while True:
        while b"\0" not in buf:
            chunk = inp.read1(65536)
            if not chunk:
                return
            buf += chunk
        arg, buf = buf.split(b"\0", 1)
        if arg != b"\036":
            args.append(arg.decode())
            continue
        out, rc = io.StringIO(), 0
        with contextlib.redirect_stdout(out):
            try:
                COMMANDS[args[0]](args[1:])
            except SystemExit as e:
                rc = e.code if isinstance(e.code, int) else 1
            except Exception as e:  # a test's mistake: say it, go on
                print("simulator:", repr(e))
                rc = 1
        text = out.getvalue().strip().replace("\n", " ")
        sys.stdout.write("%d\t%s\n" % (rc, text))
        sys.stdout.flush()
        args = []


def main():
    if sys.argv[1] == "serve":
        serve()
        return
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
