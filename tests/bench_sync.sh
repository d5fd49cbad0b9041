#!/bin/sh
# bench_sync.sh - the sync figures of `make bench`, with a real
# paydesk-central on a free loopback port and real terminal stores:
#   pull: a fresh terminal takes an organisation of BENCH_SYNC_CONSUMERS
#         consumers (<= 60 s for 1,000,000);
#   push: one terminal sends a backlog of BENCH_SYNC_PUSH payments
#         (<= 20 s for 100,000, durable on both sides);
#   eight terminals push BENCH_SYNC_EACH payments each at once (p99 per
#         batch <= 200 ms, waiting for the organisation's store included).
# The organisation, the pulled terminal and the backlogs are built once
# and cached (like the bench store); each run copies them and measures.
set -e
BUILD=${BUILD:-build}
C=${BENCH_SYNC_CONSUMERS:-1000000}
N=${BENCH_SYNC_PUSH:-100000}
EACH=${BENCH_SYNC_EACH:-2500}
DIR=${BENCH_DIR:-$HOME/.cache/paydesk-bench}
# The organisation (its consumers and bills at the central node, a
# terminal that pulled them, the tokens) takes long to build and is built
# once: a store moves to the current schema when opened, so only a new
# layout of the generated data (ORG_LAYOUT) makes a new one. The
# terminals' payments come from the current code (their uuids, their
# records), so they are posted again whenever that code changes.
ORG_LAYOUT=1
ORG="$DIR/sync-org-$C-l$ORG_LAYOUT"
POSTS_KEY=$(cat src/core/uuid.c src/os/os.c src/sync/record.c src/service/payment.c \
    tests/tools/poster.c | sha256sum | cut -c1-8)
POSTS="$DIR/sync-posts-$C-$N-$EACH-$POSTS_KEY"
TOP=$(pwd)
PD="$TOP/$BUILD/paydesk"
CENTRAL="$TOP/$BUILD/paydesk-central"
POSTER="$TOP/$BUILD/tools/poster"
RUN=$(mktemp -d /tmp/pd-bench-sync.XXXXXX)
CPID=
trap '[ -n "$CPID" ] && kill $CPID 2>/dev/null; rm -rf "$RUN"' EXIT
unset PAYDESK_NOW PAYDESK_CONFIG

. tests/bench_central.sh
secs() { python3 -c 'import sys; print(f"{float(sys.argv[1]) - float(sys.argv[2]):.2f}")' "$2" "$1"; }
now() { date +%s.%N; }
# row WHAT VALUE UNIT TARGET RAW: a line of the figures table
row() { printf '%-44s %10s %-3s %-12s %s\n' "$1" "$2" "$3" "$4" "$5"; }

if [ ! -f "$ORG/done" ]; then
	rm -rf "$ORG"
	mkdir -p "$ORG/central"
	echo "building the sync bench's organisation ($C consumers): $ORG"
	central_ini "$ORG/central" threads=8
	"$CENTRAL" --config "$ORG/central.ini" org add BENCH "Bench Water" >/dev/null
	"$CENTRAL" --config "$ORG/central.ini" import BENCH users \
	    data/import/users.csv >/dev/null
	awk -v n="$C" 'BEGIN {
		print "account_no,name,service_address,phone,email,segment"
		for (i = 1; i <= n; i++)
			printf "AC-%07d,Consumer %d,\"%d Main Street, Cityville\",(555) %03d-%04d,c%d@example.net,Residential\n",
			    i, i, 1 + i % 900, int(i / 10000) % 1000, i % 10000, i
	}' >"$ORG/consumers.csv"
	"$CENTRAL" --config "$ORG/central.ini" import BENCH consumers \
	    "$ORG/consumers.csv" >/dev/null
	# open bills for the payments: two for each of the first 20,000
	awk 'BEGIN {
		print "invoice_no,account_no,period,amount,issued_on,due_on"
		for (i = 1; i <= 20000; i++)
			for (k = 1; k <= 2; k++)
				printf "B-%07d-%d,AC-%07d,2026-%02d,500.00,2026-%02d-01,2026-%02d-20\n",
				    i, k, i, k, k, k
	}' >"$ORG/bills.csv"
	"$CENTRAL" --config "$ORG/central.ini" import BENCH bills \
	    "$ORG/bills.csv" >/dev/null
	rm -f "$ORG/consumers.csv" "$ORG/bills.csv"
	for t in 1 2 3 4 5 6 7 8; do
		"$CENTRAL" --config "$ORG/central.ini" terminal add BENCH B0$t T0$t |
		    sed -n 's/^token: //p' >"$ORG/token$t"
	done
	# a terminal with the reference data
	start_central "$ORG/central"
	terminal_ini "$ORG/t1.ini" "$ORG/pulled.db" T01 "$(cat "$ORG/token1")" pull_page=10000
	"$PD" --config "$ORG/t1.ini" init >/dev/null
	"$PD" --config "$ORG/t1.ini" sync >/dev/null
	stop_central
	touch "$ORG/done"
fi
# the cached stores brought up to the current schema once, outside the
# timings (the central node's WAL is checkpointed when it stops)
central_ini "$ORG/central" threads=8
start_central "$ORG/central"
curl -sf -H "Authorization: Bearer $(cat "$ORG/token1")" "$URL/v1/status" >/dev/null
stop_central
terminal_ini "$ORG/t1.ini" "$ORG/pulled.db" T01 "$(cat "$ORG/token1")"
"$PD" --config "$ORG/t1.ini" sync --status >/dev/null

if [ ! -f "$POSTS/done" ]; then
	rm -rf "$DIR"/sync-posts-"$C"-*
	mkdir -p "$POSTS"
	echo "posting the sync bench's payments ($N + 8 x $EACH): $POSTS"
	for t in 1 2 3 4 5 6 7 8; do
		cp "$ORG/pulled.db" "$POSTS/each$t.db"
		terminal_ini "$POSTS/e$t.ini" "$POSTS/each$t.db" T0$t "$(cat "$ORG/token$t")"
	done
	for t in 1 3 5 7; do
		"$POSTER" "$POSTS/each$t.db" "$EACH" "$POSTS/e$t.ini" 20000 &
		p=$!
		"$POSTER" "$POSTS/each$((t + 1)).db" "$EACH" "$POSTS/e$((t + 1)).ini" 20000
		wait "$p"
	done
	cp "$ORG/pulled.db" "$POSTS/backlog.db"
	terminal_ini "$POSTS/b1.ini" "$POSTS/backlog.db" T01 "$(cat "$ORG/token1")"
	"$POSTER" "$POSTS/backlog.db" "$N" "$POSTS/b1.ini" 20000
	touch "$POSTS/done"
fi

# a fresh copy of the central node's data for each figure; copies are
# written out (sync) before a timing starts, or the first fsync in it
# would wait for hundreds of megabytes of them
fresh_central() {
	stop_central 2>/dev/null || true
	rm -rf "$RUN/central" "$RUN/central.ini"
	cp -r "$ORG/central" "$RUN/central"
	rm -f "$RUN/central/requests.log"
	central_ini "$RUN/central" threads=8
	start_central "$RUN/central"
	sync
}

echo
printf '%-44s %10s %-3s %-12s %s\n' "sync (central node on loopback)" "figure" "" "target" "raw sqlite3"

# -- pull: a fresh terminal takes the whole organisation
fresh_central
terminal_ini "$RUN/p.ini" "$RUN/p.db" T01 "$(cat "$ORG/token1")" pull_page=10000
"$PD" --config "$RUN/p.ini" init >/dev/null
t0=$(now)
"$PD" --config "$RUN/p.ini" sync >"$RUN/pull.out"
t1=$(now)
pulled=$(sed -n 's/^Pulled *//p' "$RUN/pull.out")
pages=$(sed -n 's/^Pages *//p' "$RUN/pull.out")
# raw: the same consumer rows copied into an empty store in one go
"$PD" --db "$RUN/raw.db" init >/dev/null
r0=$(now)
sqlite3 "$RUN/raw.db" "ATTACH '$RUN/central/org-BENCH.db' AS c;
    INSERT INTO consumers SELECT * FROM c.consumers;" >/dev/null
r1=$(now)
rm -f "$RUN/raw.db"*
row "pull $C consumers to a fresh terminal" "$(secs "$t0" "$t1")" s "<= 60 s" \
    "$(secs "$r0" "$r1") s"
row "  entries pulled, pages of 10000" "$pulled" "" "" "$pages pages"
rm -f "$RUN/p.db"*

# -- push: one terminal's backlog
fresh_central
cp "$POSTS/backlog.db" "$RUN/b.db"
sync
PB=2000 # [sync] batch's default
terminal_ini "$RUN/b.ini" "$RUN/b.db" T01 "$(cat "$ORG/token1")" batch=$PB
t0=$(now)
"$PD" --config "$RUN/b.ini" sync >"$RUN/push.out"
t1=$(now)
sent=$(sed -n 's/^Sent *//p' "$RUN/push.out")
batches=$(sed -n 's/^Batches *//p' "$RUN/push.out")
# raw: the same payment rows inserted in transactions of $PB, durable
stop_central
cp "$ORG/central/org-BENCH.db" "$RUN/raw.db"
cols="uuid, payment_no, txn_no, receipt_no, consumer_id, type, channel,
 method, method_kind, amount, tendered, change_given, due_total, overpaid,
 paid_on, created_at, notes, user_id, received_by, terminal, branch, status,
 verified, verified_at, verified_by"
awk -v n="$sent" -v pb="$PB" -v run="$RUN" -v cols="$cols" 'BEGIN {
	print "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	print "ATTACH \"" run "/b.db\" AS t;"
	for (i = 0; i < n; i += pb)
		print "BEGIN; INSERT INTO payments (" cols ") SELECT " cols \
		    " FROM t.payments WHERE id > " i " AND id <= " i + pb \
		    "; COMMIT;"
}' >"$RUN/raw.sql"
r0=$(now)
sqlite3 "$RUN/raw.db" <"$RUN/raw.sql" >/dev/null
r1=$(now)
rm -f "$RUN/raw.db"* "$RUN/raw.sql"
el=$(secs "$t0" "$t1")
row "push $sent payments, one terminal" "$el" s "<= 20 s" "$(secs "$r0" "$r1") s"
row "  payments per second" "$(python3 -c "print(f'{$sent / $el:.0f}')")" "/s" ">= 5000" ""
row "  batches of $PB" "$batches" "" "" ""
rm -f "$RUN/b.db"*

# -- eight terminals push at once
fresh_central
for t in 1 2 3 4 5 6 7 8; do
	cp "$POSTS/each$t.db" "$RUN/e$t.db"
	terminal_ini "$RUN/e$t.ini" "$RUN/e$t.db" T0$t "$(cat "$ORG/token$t")" batch=100
done
sync
t0=$(now)
pids=
for t in 1 2 3 4 5 6 7 8; do
	"$PD" --config "$RUN/e$t.ini" sync >"$RUN/e$t.out" &
	pids="$pids $!"
done
for p in $pids; do wait "$p"; done
t1=$(now)
grep 'POST /v1/push 200' "$RUN/central/requests.log" |
    sed -n 's/.* \([0-9.]*\)ms records=\([0-9]*\) apply=\([0-9.]*\)ms.*/\1 \3/p' >"$RUN/lat"
python3 - "$RUN/lat" "$(secs "$t0" "$t1")" <<'PY'
import sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
def pct(v, p):
    v = sorted(v)
    return v[int((len(v) - 1) * p)] if v else float("nan")
req = [r[0] for r in rows]
app = [r[1] for r in rows]
f = "%-44s %10s %-3s %-12s %s"
print(f % ("8 terminals at once: p99 per batch", "%.1f" % pct(req, .99), "ms", "<= 200 ms", ""))
print(f % ("  p50 per batch", "%.1f" % pct(req, .5), "ms", "", ""))
print(f % ("  p99 apply (queue for the store included)", "%.1f" % pct(app, .99), "ms", "", ""))
print(f % ("  batches of 100, all terminals", len(rows), "", "", "in %s s" % sys.argv[2]))
PY
stop_central
