#!/bin/sh
# bench_gateway.sh - payment gateways at the central node, for `make
# bench` (issue 19's speed targets):
#  - notifications on loopback: BENCH_GW_BACKLOG mobile-money
#    confirmations sent by 4 senders at once, each request answered only
#    once it is durable (target: >= 2,000 a second sustained, p99 <= 50
#    ms), beside raw SQLite committing the same rows one transaction each;
#  - that backlog (all unassociated: their references name nobody yet)
#    matched again by a consumer import that names a tenth of them
#    (target: <= 10 s for 100,000), beside raw SQLite doing the same
#    match as one set-based UPDATE on a copy of the store.
# The backlog is sent once and cached; the import runs on a copy.
set -e
BUILD=${BUILD:-build}
N=${BENCH_GW_BACKLOG:-100000}
DIR=${BENCH_DIR:-$HOME/.cache/paydesk-bench}
TOP=$(pwd)
CENTRAL="$TOP/$BUILD/paydesk-central"
KEY=$(cat src/service/gateway.c src/sync/gateway.c src/central/gateway.c \
    tests/bench_gateway.sh | sha256sum | cut -c1-8)
CACHE="$DIR/gw-$N-$KEY"
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

if [ ! -f "$CACHE/done" ]; then
	rm -rf "$DIR"/gw-*
	mkdir -p "$CACHE/central"
	central_ini "$CACHE/central" gateway_allow=127.0.0.1
	c() { "$CENTRAL" --config "$CACHE/central.ini" "$@"; }
	c org add GW "Bench gateways" >/dev/null
	for k in users consumers bills; do
		c import GW $k "data/import/$k.csv" >/dev/null
	done
	c gateway add GW mpesa --profile mobile-money >"$CACHE/add.out"
	sed -n 's/^path secret: //p' "$CACHE/add.out" >"$CACHE/path"
	start_central "$CACHE/central"
	echo "sending the gateway bench's $N notifications: $CACHE"
	python3 - "$N" "$URL/v1/gateway/GW/mpesa/$(cat "$CACHE/path")" \
	    "$CACHE/sent" <<'PY'
import http.client, json, multiprocessing, sys, time, urllib.parse

n, url, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
u = urllib.parse.urlsplit(url)
SENDERS = 4


def body(i):
    # every tenth names a consumer who comes later (BK-...), the others
    # a reference nobody has; phones nobody has
    ref = "BK-%06d" % (i // 10 + 1) if i % 10 == 0 else "ZZ%07d" % i
    return json.dumps({
        "TransactionType": "Pay Bill", "TransID": "BQ%08d" % i,
        "TransTime": "20261130%02d%02d%02d" % (i // 3600 % 24,
                                              i // 60 % 60, i % 60),
        "TransAmount": "%d.%02d" % (1 + i % 500, i % 100),
        "BusinessShortCode": "600984", "BillRefNumber": ref,
        "InvoiceNumber": "", "OrgAccountBalance": "0.00",
        "ThirdPartyTransID": "", "MSISDN": "2549%08d" % i,
        "FirstName": "Bench", "MiddleName": "", "LastName": "Payer"}).encode()


def sender(k, q):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    lat = []
    for i in range(k, n, SENDERS):
        b = body(i)
        t0 = time.monotonic()
        c.request("POST", u.path, body=b,
                  headers={"Content-Type": "application/json"})
        r = c.getresponse()
        data = r.read()
        lat.append((time.monotonic() - t0) * 1e3)
        if r.status != 200 or b'"ResultCode":0' not in data.replace(b" ", b""):
            raise SystemExit("bench: notification %d answered %d %r"
                             % (i, r.status, data[:80]))
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
	stop_central
	touch "$CACHE/done"
fi

read -r sent secs p50 p99 <"$CACHE/sent"
# raw: the same rows committed one transaction each, durably (WAL,
# synchronous FULL), by one writer
raw=$(python3 - "$sent" "$RUN/raw.db" <<'PY'
import sqlite3, sys, time
n, path = min(int(sys.argv[1]), 20000), sys.argv[2]
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE n (id INTEGER PRIMARY KEY, gateway TEXT, code TEXT,"
           " body TEXT, UNIQUE (gateway, code))")
row = "x" * 400
t0 = time.monotonic()
for i in range(n):
    db.execute("BEGIN")
    db.execute("INSERT INTO n (gateway, code, body) VALUES (?, ?, ?)",
               ("mpesa", "BQ%08d" % i, row))
    db.execute("COMMIT")
print("%.0f" % (n / (time.monotonic() - t0)))
PY
)
f="%-44s %10s %-3s %-12s %s\n"
printf "$f" "gateway notifications, 4 senders: rate" \
    "$(python3 -c "print('%.0f' % ($sent / $secs))")" "/s" ">= 2000 /s" \
    "raw $raw /s (durable one-row commits)"
printf "$f" "gateway notification, request to durable: p99" "$p99" "ms" \
    "<= 50 ms" "p50 $p50 ms"

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
