#!/bin/sh
# bench_gateway.sh - payment gateways at the central node, for `make
# bench` (issue 19's speed targets):
#  - notifications on loopback: BENCH_GW_BACKLOG mobile-money
#    confirmations sent from 32 connections at once, each request
#    answered only once it is durable (target: >= 2,000 a second
#    sustained, p99 <= 50 ms), kept in group commits; before them, in
#    the same run, BENCH_GW_BEFORE sent to a node committing each alone
#    (the group-max=1 hook, as before group commits); beside raw SQLite
#    committing the same rows one a transaction and 32 a transaction;
#  - that backlog (all unassociated: their references name nobody yet)
#    matched again by a consumer import that names a tenth of them
#    (target: <= 10 s for 100,000), beside raw SQLite doing the same
#    match as one set-based UPDATE on a copy of the store.
# The backlog is sent once and cached; the import runs on a copy.
set -e
BUILD=${BUILD:-build}
N=${BENCH_GW_BACKLOG:-100000}
BEFORE=${BENCH_GW_BEFORE:-5000}
DIR=${BENCH_DIR:-$HOME/.cache/paydesk-bench}
TOP=$(pwd)
CENTRAL="$TOP/$BUILD/paydesk-central"
KEY=$(cat src/service/gateway.c src/service/gateway_ledger.c \
    src/sync/gateway.c src/central/gateway.c \
    src/central/http.c src/central/http_admit.c tests/bench_gateway.sh | sha256sum | cut -c1-8)
CACHE="$DIR/gw-$N-$BEFORE-$KEY"
RUN=$(mktemp -d /tmp/pd-bench-gw.XXXXXX)
CPID=
trap '[ -n "$CPID" ] && kill $CPID 2>/dev/null; rm -rf "$RUN"' EXIT
unset PAYDESK_NOW PAYDESK_CONFIG
. tests/bench_central.sh

# the consumers that will come: BK-000001.. one per 10 payments
python3 - "$N" "$RUN/late.csv" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("account_no,name,service_address,phone,email,segment\n")
    for i in range(1, n // 10 + 1):
        f.write("BK-%06d,Late Payer %d,%d Bench Road,,,Residential\n"
                % (i, i, i))
PY

# the gateway's senders: send.py N URL OUT [FIRST] sends N mobile-money
# confirmations (TransIDs from FIRST) from SENDERS processes of THREADS
# connections each, every one waiting for its answer (a gateway delivers
# its callbacks concurrently); OUT gets "count seconds p50 p99"
cat >"$RUN/send.py" <<'PY'
import http.client, json, multiprocessing, sys, threading, time
import urllib.parse

n, url, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
u = urllib.parse.urlsplit(url)
SENDERS, THREADS = 8, 4


def body(i):
    # every tenth names a consumer who comes later (BK-...), the others
    # a reference nobody has; phones nobody has
    ref = "BK-%06d" % (i // 10 + 1) if i % 10 == 0 else "ZZ%07d" % i
    return json.dumps({
        "TransactionType": "Pay Bill", "TransID": "BQ%08d" % (first + i),
        "TransTime": "20261130%02d%02d%02d" % (i // 3600 % 24,
                                              i // 60 % 60, i % 60),
        "TransAmount": "%d.%02d" % (1 + i % 500, i % 100),
        "BusinessShortCode": "600984", "BillRefNumber": ref,
        "InvoiceNumber": "", "OrgAccountBalance": "0.00",
        "ThirdPartyTransID": "", "MSISDN": "2549%08d" % i,
        "FirstName": "Bench", "MiddleName": "", "LastName": "Payer"}).encode()


def conn(k, lat, fail):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    for i in range(k, n, SENDERS * THREADS):
        b = body(i)
        t0 = time.monotonic()
        c.request("POST", u.path, body=b,
                  headers={"Content-Type": "application/json"})
        r = c.getresponse()
        data = r.read()
        lat.append((time.monotonic() - t0) * 1e3)
        if r.status != 200 or b'"ResultCode":0' not in data.replace(b" ", b""):
            fail.append("bench: notification %d answered %d %r"
                        % (i, r.status, data[:80]))
            return


def sender(k, q):
    lat, fail = [], []
    ts = [threading.Thread(target=conn, args=(k * THREADS + j, lat, fail))
          for j in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if fail:
        raise SystemExit(fail[0])
    q.put(lat)


q = multiprocessing.Queue()
t0 = time.monotonic()
ps = [multiprocessing.Process(target=sender, args=(k, q))
      for k in range(SENDERS)]
for p in ps:
    p.start()
lat = []
for _ in ps:
    lat += q.get()
for p in ps:
    p.join()
    if p.exitcode:
        raise SystemExit("bench: a sender failed")
el = time.monotonic() - t0
lat.sort()
with open(out, "w") as f:
    f.write("%d %.3f %.2f %.2f\n" % (len(lat), el, lat[len(lat) // 2],
                                      lat[int((len(lat) - 1) * .99)]))
PY
# gw_store DIR: a central node's data with the organisation GW and its
# gateway mpesa (path secret in DIR/path)
gw_store() {
	mkdir -p "$1"
	central_ini "$1" gateway_allow=127.0.0.1 max_per_address=128
	"$CENTRAL" --config "$1.ini" org add GW "Bench gateways" >/dev/null
	for k in users consumers bills; do
		"$CENTRAL" --config "$1.ini" import GW $k \
		    "data/import/$k.csv" >/dev/null
	done
	"$CENTRAL" --config "$1.ini" gateway add GW mpesa \
	    --profile mobile-money >"$1/add.out"
	sed -n 's/^path secret: //p' "$1/add.out" >"$1/path"
}

if [ ! -f "$CACHE/done" ]; then
	rm -rf "$DIR"/gw-*
	mkdir -p "$CACHE"
	# before: one transaction and one fsync per notification (the
	# group-max=1 hook), BEFORE of them
	gw_store "$CACHE/before"
	PAYDESK_CENTRAL_HOOK=group-max=1
	export PAYDESK_CENTRAL_HOOK
	start_central "$CACHE/before"
	unset PAYDESK_CENTRAL_HOOK
	echo "sending $BEFORE notifications, one commit each: $CACHE"
	python3 "$RUN/send.py" "$BEFORE" \
	    "$URL/v1/gateway/GW/mpesa/$(cat "$CACHE/before/path")" \
	    "$CACHE/sent-before"
	stop_central
	# after: group commits, the whole backlog
	gw_store "$CACHE/central"
	start_central "$CACHE/central"
	echo "sending the gateway bench's $N notifications: $CACHE"
	python3 "$RUN/send.py" "$N" \
	    "$URL/v1/gateway/GW/mpesa/$(cat "$CACHE/central/path")" \
	    "$CACHE/sent"
	# the node's own CPU for them (utime + stime, in clock ticks)
	awk '{ print $14 + $15 }' "/proc/$CPID/stat" >"$CACHE/cpu"
	stop_central
	touch "$CACHE/done"
fi

read -r bsent bsecs bp50 bp99 <"$CACHE/sent-before"
read -r sent secs p50 p99 <"$CACHE/sent"
# raw: the same rows committed durably (WAL, synchronous FULL) by one
# writer, one transaction each and in transactions of 32 (the senders'
# connections: the most a group can hold here)
raw=$(python3 - "$sent" "$RUN/raw.db" <<'PY'
import sqlite3, sys, time
n, path = min(int(sys.argv[1]), 20000), sys.argv[2]
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE n (id INTEGER PRIMARY KEY, gateway TEXT, code TEXT,"
           " body TEXT, UNIQUE (gateway, code))")
row = "x" * 400
out = []
for group, first in ((1, 0), (32, n)):
    t0 = time.monotonic()
    for i in range(first, first + n, group):
        db.execute("BEGIN")
        for j in range(i, i + group):
            db.execute("INSERT INTO n (gateway, code, body) VALUES (?, ?, ?)",
                       ("mpesa", "BQ%08d" % j, row))
        db.execute("COMMIT")
    out.append("%.0f" % (n / (time.monotonic() - t0)))
print(" ".join(out))
PY
)
raw1=${raw% *}
raw32=${raw#* }
f="%-44s %10s %-3s %-12s %s\n"
printf "$f" "gateway notifications, one commit each: rate" \
    "$(python3 -c "print('%.0f' % ($bsent / $bsecs))")" "/s" "(before)" \
    "p99 $bp99 ms, p50 $bp50 ms; raw $raw1 /s (one-row commits)"
printf "$f" "gateway notifications, group commit: rate" \
    "$(python3 -c "print('%.0f' % ($sent / $secs))")" "/s" ">= 2000 /s" \
    "raw $raw32 /s (32-row commits), $raw1 /s (one-row)"
printf "$f" "gateway notification, request to durable: p99" "$p99" "ms" \
    "<= 50 ms" "p50 $p50 ms; 32 connections at once"
# what bounds the rate on a loaded machine: the senders, or the node
printf "$f" "gateway notification, the node's CPU" \
    "$(python3 -c "print('%.3f' % ($(cat "$CACHE/cpu") * 1000.0 / $(getconf CLK_TCK) / $sent))")" \
    "ms" "" "user + system time of paydesk-central per notification"

# the re-match: a copy of the store with its backlog, the import of the
# consumers a tenth of it names
cp -r "$CACHE/central" "$RUN/central"
rm -f "$RUN/central/requests.log"
central_ini "$RUN/central" gateway_allow=127.0.0.1
un=$(sqlite3 "$RUN/central/org-GW.db" "SELECT count(*) FROM gateway_payments
    WHERE consumer_id = 0" 2>/dev/null || echo "?")
t0=$(date +%s.%N)
"$CENTRAL" --config "$RUN/central.ini" import GW consumers "$RUN/late.csv" \
    >"$RUN/import.out"
t1=$(date +%s.%N)
matched=$(sed -n 's/.*again: \([0-9]*\) associated.*/\1/p' "$RUN/import.out")
# raw: the same match as one UPDATE of the copy taken before the import
cp -r "$CACHE/central" "$RUN/raw"
r0=$(date +%s.%N)
sqlite3 "$RUN/raw/org-GW.db" >/dev/null <<SQL
PRAGMA synchronous=FULL;
.import --csv $RUN/late.csv late
BEGIN;
CREATE INDEX late_norm ON late
 (upper(replace(replace(account_no, ' ', ''), '-', '')));
UPDATE gateway_payments SET consumer_id = coalesce((SELECT 1 FROM late l
 WHERE upper(replace(replace(l.account_no, ' ', ''), '-', '')) =
 upper(replace(replace(account_ref, ' ', ''), '-', ''))), 0)
 WHERE consumer_id = 0;
COMMIT;
SQL
r1=$(date +%s.%N)
printf "$f" "backlog of $un matched again by an import" \
    "$(python3 -c "print('%.2f' % ($t1 - $t0))")" "s" "<= 10 s" \
    "raw UPDATE $(python3 -c "print('%.2f' % ($r1 - $r0))") s; $matched associated and posted"
