"""fake_central.py - a misbehaving central node on loopback, for
test_sync_answers.sh: it answers pushes properly and pulls as MODE says.
Every pull it serves adds a line "since=N" to COUNT, so a test can tell
how many pages a terminal asked for.

usage: fake_central.py PORT MODE COUNT [RECORDS]
MODE: stall (more, cursor unchanged), stall_later (the first page moves
the cursor on by one, the next ones stall), negative (cursor -5), huge (cursor
2^53), back (cursor below since), text (cursor "12"), malformed (cut-off
JSON), html (a 200 with an HTML page), seqold (an entry at since),
creep (more, the cursor on by one, no entries), alternate (like records
but saying more, every second page empty), endless (like records but
always saying more), failfourth (like endless, the fourth pull answered
400 with "the fourth page failed"), rejectctl (pulls as records; every pushed record
rejected with a reason full of control bytes: NASTY), errctl (every pull
answered 400 with NASTY as the error), bloat (a pull answer that never
ends), cutsecond (pulls as records; a push answered properly, the
next one cut off, each push adding "push N records" to COUNT),
records (the JSON array of records in the file RECORDS, as entries after
since; a proper page)."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT, MODE, COUNT = int(sys.argv[1]), sys.argv[2], sys.argv[3]
RECORDS = json.load(open(sys.argv[4])) if len(sys.argv) > 4 else []


SERVED = [0]
PULLS = [0]
PUSHED = [0]
# what a hostile node puts in text a terminal stores and shows: a clear
# screen, a bell, a carriage return, a C1 control (NEL), a right-to-left
# override, a cursor move, and an OSC title
NASTY = ("bad\x1b[2Jclear\x07bell\rCR\u0085nel\u202eevil"
         "\x1b[10;10Hmove\x1b]0;title\x07end")


def page(since):
    def entries(first):
        return [{"seq": first + i, "record": r} for i, r in enumerate(RECORDS)]
    SERVED[0] += 1
    if MODE == "stall":
        return {"v": 1, "cursor": since, "more": True, "entries": []}
    if MODE == "stall_later":
        return {"v": 1, "cursor": since + (SERVED[0] == 1), "more": True,
                "entries": []}
    if MODE == "negative":
        return {"v": 1, "cursor": -5, "more": False, "entries": []}
    if MODE == "huge":
        return {"v": 1, "cursor": 2 ** 53, "more": False, "entries": []}
    if MODE == "back":
        return {"v": 1, "cursor": since - 1, "more": False, "entries": []}
    if MODE == "text":
        return {"v": 1, "cursor": "12", "more": False, "entries": []}
    if MODE == "creep":
        return {"v": 1, "cursor": since + 1, "more": True, "entries": []}
    if MODE == "alternate" and SERVED[0] % 2 == 0:
        return {"v": 1, "cursor": since + 1, "more": True, "entries": []}
    if MODE in ("alternate", "endless", "failfourth"):
        return {"v": 1, "cursor": since + len(RECORDS), "more": True,
                "entries": entries(since + 1)}
    if MODE == "seqold":
        return {"v": 1, "cursor": since + 1, "more": False,
                "entries": entries(since)}
    return {"v": 1, "cursor": since + len(RECORDS), "more": False,
            "entries": entries(since + 1)}


class Handler(BaseHTTPRequestHandler):
    def answer(self, body, ctype="application/json"):
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/v1/health":
            return self.answer('{"v":1,"status":"ok"}')
        if url.path == "/v1/status":
            # the organisation's currency, asked at a terminal's first sync
            return self.answer('{"v":1,"org":"FAKE","currency":"USD",'
                               '"minor_digits":2,"cursor":0,"terminals":[]}')
        since = int(parse_qs(url.query).get("since", ["0"])[0])
        with open(COUNT, "a") as f:
            f.write("since=%d\n" % since)
        if MODE == "malformed":
            return self.answer('{"v":1,"cursor":')
        PULLS[0] += 1
        if MODE == "errctl" or (MODE == "failfourth" and PULLS[0] == 4):
            data = json.dumps({"v": 1, "error": NASTY if MODE == "errctl"
                               else "the fourth page failed"}).encode()
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if MODE == "bloat":
            # a page that never ends, until the terminal hangs up
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            chunk = b" " * (1 << 20)
            try:
                self.wfile.write(b'{"v":1,"entries":[')
                while True:
                    self.wfile.write(chunk)
            except OSError:
                return
        if MODE == "html":
            return self.answer("<html><body><h1>Welcome</h1></body></html>",
                               "text/html")
        self.answer(json.dumps(page(since)))

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if urlparse(self.path).path == "/v1/anchor":
            # the audit head: kept as sent, as a well-behaved node does
            return self.answer(json.dumps({k: body[k] for k in
                                           ("v", "terminal", "seq", "hash")
                                           if k in body}))
        if MODE == "cutsecond":
            with open(COUNT, "a") as f:
                f.write("push %d records\n" % len(body["records"]))
            PUSHED[0] += 1
            if PUSHED[0] == 2:
                return self.answer('{"v":1,"results":[')
        if MODE == "rejectctl":
            return self.answer(json.dumps({"v": 1, "results": [
                {"uuid": r["uuid"], "status": "rejected", "reason": NASTY}
                for r in body["records"]]}))
        self.answer(json.dumps({"v": 1, "results": [
            {"uuid": r["uuid"], "status": "applied"}
            for r in body["records"]]}))

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
