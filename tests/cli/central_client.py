"""central_client.py - raw HTTP clients for test_central_limits.sh: the
hostile ones (slow, oversized, malformed) and the ones that must still be
answered beside them. Commands are separated by "--" and run in order in
one process (a Python start is slow on a loaded machine); each prints one
line, what it saw; the test compares. Waits are bounds for liveness (how
long to wait for an answer before saying none came), never figures under
test."""
import json
import os
import uuid
import resource
import socket
import sys
import threading
import time

PORT = int(os.environ["PORT"])
WAIT = 20.0  # the longest wait for anything the node should do at once


def connect(src="127.0.0.1"):
    s = socket.socket()
    s.bind((src, 0))
    s.connect(("127.0.0.1", PORT))
    return s


def answer(s, wait=WAIT):
    """The answer on s: 'STATUS BODY', or 'closed' / 'none'."""
    s.settimeout(wait)
    data = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            data += b
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                n = 0
                for line in head.split(b"\r\n")[1:]:
                    k, _, v = line.partition(b":")
                    if k.strip().lower() == b"content-length":
                        n = int(v)
                if len(body) >= n:
                    break
    except socket.timeout:
        if not data:
            return "none"
    except OSError:
        pass
    if not data:
        return "closed"
    head, _, body = data.partition(b"\r\n\r\n")
    return head.split(b" ")[1].decode() + " " + body.decode("utf-8", "replace")


def get(path, token=None, src="127.0.0.1"):
    s = connect(src)
    auth = "Authorization: Bearer %s\r\n" % token if token else ""
    s.sendall(("GET %s HTTP/1.1\r\nHost: c\r\n%sConnection: close\r\n\r\n"
               % (path, auth)).encode())
    a = answer(s)
    s.close()
    return a


def cmd_raw(req):
    """A request given as text with \\r\\n written as |."""
    s = connect()
    s.sendall(req.replace("|", "\r\n").encode("latin-1"))
    print(answer(s).replace("\n", " "))


def cmd_whole(req):
    """A request given as raw; everything the node sends until it closes,
    judged: 'N well-formed|malformed STATUS BODY', N the status lines in
    it (one answer has one), well-formed when one head and a body of its
    Content-Length are all there is."""
    s = connect()
    s.sendall(req.replace("|", "\r\n").encode("latin-1"))
    s.settimeout(WAIT)
    data = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            data += b
    except (socket.timeout, OSError):
        pass
    s.close()
    n = sum(1 for line in data.split(b"\r\n") if line.startswith(b"HTTP/"))
    head, _, body = data.partition(b"\r\n\r\n")
    clen = -1
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            clen = int(v)
    well = clen == len(body) and n == 1
    status = head.split(b" ")[1].decode() if b" " in head else "none"
    print("%d %s %s %s" % (n, "well-formed" if well else "malformed", status,
                           body.decode("utf-8", "replace").replace("\n", " ")))


def cmd_early(length, token="-"):
    """POST headers with a Content-Length and no body: the answer."""
    s = connect()
    auth = "" if token == "-" else "Authorization: Bearer %s\r\n" % token
    s.sendall(("POST /v1/push HTTP/1.1\r\nHost: c\r\n%sContent-Type: "
               "application/json\r\nContent-Length: %s\r\n\r\n"
               % (auth, length)).encode())
    print(answer(s).replace("\n", " "))


def cmd_bodies(n, size, path="/v1/push"):
    """n unauthenticated POSTs at once to path, each from its own address,
    each trying to send a body of size bytes."""
    n, size = int(n), int(size)

    def one(i):
        try:
            s = connect("127.0.2.%d" % (i + 1))
            s.sendall(("POST %s HTTP/1.1\r\nHost: c\r\nContent-Length:"
                       " %d\r\n\r\n" % (path, size)).encode())
            chunk = b" " * 65536
            left = size
            s.settimeout(WAIT)
            while left > 0:
                s.sendall(chunk[:min(left, len(chunk))])
                left -= len(chunk)
            s.recv(100)
            s.close()
        except OSError:
            pass
    ts = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("done")


def vm(kind):
    with open("/proc/%s/status" % os.environ["CPID"]) as f:
        for line in f:
            if line.startswith(kind + ":"):
                return int(line.split()[1])
    return 0


MARK = [0]


def cmd_mark():
    """Note the central node's peak memory (VmHWM)."""
    MARK[0] = vm("VmHWM")
    print("marked")


def cmd_grown():
    """How far the peak grew since the mark, in MB."""
    print((vm("VmHWM") - MARK[0]) // 1024)


def cmd_refused(token, n):
    """A push of n records the central node refuses (a consumer, which
    the central node masters): the uuid of the last."""
    recs = [{"v": 1, "kind": "consumer", "uuid": str(uuid.uuid4()),
             "terminal": "T01", "branch": "B01", "at": "2026-01-01 00:00:00",
             "currency": "USD", "data": {"account_no": "ZZ-%d" % i,
                                         "name": "Sneaked In"}}
            for i in range(int(n))]
    body = json.dumps({"v": 1, "terminal": "T01", "pending": 0,
                       "records": recs})
    s = connect()
    s.sendall(("POST /v1/push HTTP/1.1\r\nHost: c\r\nAuthorization: Bearer"
               " %s\r\nContent-Length: %d\r\n\r\n%s"
               % (token, len(body), body)).encode())
    answer(s)
    print(recs[-1]["uuid"])


def slow_open(n, prefix, per):
    """n connections that send the start of a request and stop, spread
    over addresses prefix.1, prefix.2, ... per each."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    conns = []
    for i in range(n):
        try:
            s = connect("%s.%d" % (prefix, 1 + i // per))
            s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: c\r\nX-Slow: ")
            conns.append(s)
        except OSError:
            pass
    return conns


def cmd_flood(n, per, token):
    """n slow connections held open; then the health check and a pull."""
    conns = slow_open(int(n), "127.0.1", int(per))
    time.sleep(0.5)
    print("health", get("/v1/health").split(" ")[0],
          "pull", get("/v1/pull?since=0&limit=1", token).split(" ")[0])
    for s in conns:
        s.close()


def cmd_perip(n):
    """n slow connections from 127.0.0.2, then one more from there and a
    health check from 127.0.0.3."""
    conns = []
    for i in range(int(n)):
        s = connect("127.0.0.2")
        s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: c\r\nX-Slow: ")
        conns.append(s)
    time.sleep(0.5)
    print("same address", get("/v1/health", src="127.0.0.2").split(" ")[0],
          "other address", get("/v1/health", src="127.0.0.3").split(" ")[0])
    for s in conns:
        s.close()


def cmd_trickle(what, token="-", step="0.25", bound="30"):
    """A request whose headers (what=headers) or body (what=body) come a
    byte at a time: 'closed' once the node closes it, 'open' if it is
    still open after bound seconds."""
    s = connect()
    pad = "X-Pad: " + "p" * 400 + "\r\n"
    if what == "headers":
        head, body = ("GET /v1/health HTTP/1.1\r\nHost: c\r\n" + pad +
                      "\r\n"), ""
    else:
        head = ("POST /v1/push HTTP/1.1\r\nHost: c\r\nAuthorization: Bearer"
                " %s\r\nContent-Length: 400\r\n\r\n" % token)
        body = "{" + " " * 399
        s.sendall(head.encode())
        head = body
    end = time.monotonic() + float(bound)
    for ch in head:
        if time.monotonic() > end:
            print("open")
            return
        try:
            s.sendall(ch.encode())
            s.settimeout(float(step))
            if s.recv(1) == b"":
                print("closed")
                return
        except socket.timeout:
            pass
        except OSError:
            print("closed")
            return
    print("finished")


if __name__ == "__main__":
    args = sys.argv[1:] + ["--"]
    while args:
        i = args.index("--")
        if i > 0:
            globals()["cmd_" + args[0]](*args[1:i])
            sys.stdout.flush()
        args = args[i + 1:]
